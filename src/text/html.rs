//! A hand-written HTML5-style tokenizer and a small tree builder, both keeping byte offsets
//! into the source.
//!
//! **Why hand-written.** The reader needs, for every character of the article text, the
//! source bytes it came from (so that highlights can be drawn on the original page). The
//! crates considered either do not expose source positions for text and character
//! references (`html5ever`, `tl`), or expose them only for tokens (`html5gum` spans), and
//! `html5ever` + `markup5ever_rcdom` adds a few hundred KB to the wasm build for a tree
//! builder whose full fidelity (adoption agency, foster parenting) does not change which
//! words a reader sees. This module is about 600 lines and the named-reference table
//! (`entities.rs`, the full WHATWG list) is the only data it carries.
//!
//! **Tokenizer** (WHATWG §13.2.5, the states that matter for text): data with `<` starting a
//! tag only before an ASCII letter, `</`, `<!` or `<?`; comments (`<!-- -->`, `<!-->`,
//! `--!>`), bogus comments (`<!...>`, `<?...>`, `</ ...>`), doctype as a bogus comment;
//! `<![CDATA[ ]]>` as text inside `<svg>`/`<math>` and as a bogus comment elsewhere; tag
//! names and attribute names lower-cased; quoted and unquoted attribute values; a tag cut off
//! by the end of input is dropped, as browsers do. RAWTEXT for `script style xmp iframe
//! noembed noframes noscript`, RCDATA for `title textarea`, `plaintext` to the end.
//! Character references: named (full table, legacy names without `;`, the attribute-value
//! exception), decimal and hexadecimal; 0, surrogates and values past U+10FFFF become U+FFFD,
//! 0x80-0x9F are read as windows-1252, as browsers do.
//!
//! **Tree builder** (a subset of §13.2.6): void elements, implied end tags (`p` closed by a
//! block start, `li`, `dt`/`dd`, `option`, `tr`/`td`/`th`, headings), end tags matched
//! against the open elements (an unmatched end tag is ignored; the search stops at table
//! and cell boundaries and after [`END_TAG_SEARCH`] elements, which keeps the cost linear),
//! self-closing tags honoured in foreign content only. Misnested formatting elements are
//! closed with their parent instead of being reconstructed (the adoption agency): the words
//! come out the same. Everything is iterative: 100,000 nested `<div>`s do not grow the
//! stack.

use super::entities::{lookup, LEGACY};

/// How many open elements an end tag looks through for its start tag.
const END_TAG_SEARCH: usize = 512;

/// The document tree: an arena of nodes, node 0 the document.
#[derive(Debug, Default)]
pub struct Dom {
    pub nodes: Vec<Node>,
}

#[derive(Debug)]
pub struct Node {
    pub parent: usize,
    pub children: Vec<usize>,
    pub data: NodeData,
}

#[derive(Debug)]
pub enum NodeData {
    Document,
    Element(Element),
    /// Source byte range of character data; `raw` when references are not decoded
    /// (script, style and other RAWTEXT contents).
    Text { start: usize, end: usize, raw: bool },
}

#[derive(Debug)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    /// Byte range of the start tag in the source.
    pub start: usize,
    pub tag_end: usize,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

impl Dom {
    pub fn element(&self, id: usize) -> Option<&Element> {
        match self.nodes.get(id).map(|n| &n.data) {
            Some(NodeData::Element(e)) => Some(e),
            _ => None,
        }
    }

    pub fn name(&self, id: usize) -> &str {
        self.element(id).map_or("", |e| e.name.as_str())
    }

    /// Nodes of the subtree under `root` (inclusive) in document order, iteratively.
    pub fn descendants(&self, root: usize) -> Descendants<'_> {
        Descendants { dom: self, stack: vec![root] }
    }

    /// Text content of a subtree: references decoded, whitespace collapsed, raw text
    /// (script/style) left out.
    pub fn text_of(&self, src: &str, root: usize) -> String {
        self.text_upto(src, root, usize::MAX)
    }

    /// Like [`Dom::text_of`], stopping once `limit` bytes of raw text are gathered (so that
    /// testing many nested candidates stays linear).
    pub fn text_upto(&self, src: &str, root: usize, limit: usize) -> String {
        collapse_ws(&self.raw_text_upto(src, root, limit))
    }

    /// `textContent` (references decoded, whitespace as it is) up to about `limit` bytes.
    pub fn raw_text_upto(&self, src: &str, root: usize, limit: usize) -> String {
        let mut out = String::new();
        for id in self.descendants(root) {
            if let NodeData::Text { start, end, raw: false } = self.nodes[id].data {
                decode_text(src.get(start..end).unwrap_or(""), false, |_, _, s| out.push_str(s));
                if out.len() > limit {
                    break;
                }
            }
        }
        out
    }
}

pub struct Descendants<'a> {
    dom: &'a Dom,
    stack: Vec<usize>,
}

impl Iterator for Descendants<'_> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        let id = self.stack.pop()?;
        if let Some(n) = self.dom.nodes.get(id) {
            self.stack.extend(n.children.iter().rev());
        }
        Some(id)
    }
}

/// Whitespace runs to one space, trimmed.
pub fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area" | "base" | "br" | "col" | "embed" | "hr" | "img" | "input" | "link" | "meta"
            | "param" | "source" | "track" | "wbr" | "keygen" | "basefont" | "bgsound" | "frame"
    )
}

/// Start tags that close an open `<p>`.
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address" | "article" | "aside" | "blockquote" | "center" | "details" | "dialog" | "dir"
            | "div" | "dl" | "fieldset" | "figcaption" | "figure" | "footer" | "form" | "h1"
            | "h2" | "h3" | "h4" | "h5" | "h6" | "header" | "hgroup" | "hr" | "main" | "menu"
            | "nav" | "ol" | "p" | "pre" | "section" | "summary" | "table" | "ul" | "listing"
            | "xmp" | "plaintext"
    )
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Elements an end-tag search (and implied-end search) does not cross.
fn is_scope_boundary(name: &str) -> bool {
    matches!(name, "table" | "td" | "th" | "caption" | "template" | "applet" | "object" | "marquee" | "html")
}

enum Raw {
    No,
    RawText,
    RcData,
    Plain,
}

/// Parses `src` into a [`Dom`]. Never fails: malformed markup is recovered from.
pub fn parse(src: &str) -> Dom {
    let b = src.as_bytes();
    let mut dom = Dom { nodes: vec![Node { parent: 0, children: Vec::new(), data: NodeData::Document }] };
    // Open elements: (node id, name) — the name duplicated for cheap scope checks.
    let mut open: Vec<usize> = vec![0];
    // Index in `open` of the outermost open svg/math element.
    let mut foreign_root: Option<usize> = None;
    let mut i = 0usize;
    let mut text_start = 0usize;

    let push_text = |dom: &mut Dom, open: &[usize], start: usize, end: usize, raw: bool| {
        if start < end {
            let parent = *open.last().unwrap_or(&0);
            let id = dom.nodes.len();
            dom.nodes.push(Node { parent, children: Vec::new(), data: NodeData::Text { start, end, raw } });
            if let Some(p) = dom.nodes.get_mut(parent) {
                p.children.push(id);
            }
        }
    };

    while i < b.len() {
        let Some(off) = memchr(b'<', &b[i..]) else { break };
        let lt = i + off;
        let next = b.get(lt + 1).copied();
        match next {
            Some(c) if c.is_ascii_alphabetic() => {
                let Some(tag) = read_tag(src, lt + 1) else {
                    // Cut off by the end of input: dropped.
                    push_text(&mut dom, &open, text_start, lt, false);
                    text_start = b.len();
                    break;
                };
                push_text(&mut dom, &open, text_start, lt, false);
                let name = tag.name.clone();
                let self_closing = tag.self_closing;
                i = tag.end;
                text_start = i;
                // Implied end tags.
                let top_name = |dom: &Dom, open: &[usize]| dom.name(*open.last().unwrap_or(&0)).to_string();
                if foreign_root.is_none() {
                    if closes_p(&name) {
                        close_in_scope(&dom, &mut open, "p", &|n| n == "button" || is_scope_boundary(n));
                    }
                    if is_heading(&name) && is_heading(&top_name(&dom, &open)) {
                        open.pop();
                    }
                    match name.as_str() {
                        "li" => close_in_scope(&dom, &mut open, "li", &|n| matches!(n, "ul" | "ol") || is_scope_boundary(n)),
                        "dt" | "dd" => {
                            close_in_scope(&dom, &mut open, "dt", &|n| n == "dl" || is_scope_boundary(n));
                            close_in_scope(&dom, &mut open, "dd", &|n| n == "dl" || is_scope_boundary(n));
                        }
                        "option" => {
                            if top_name(&dom, &open) == "option" {
                                open.pop();
                            }
                        }
                        "tr" => close_in_scope(&dom, &mut open, "tr", &|n| n == "table"),
                        "td" | "th" => {
                            close_in_scope(&dom, &mut open, "td", &|n| matches!(n, "tr" | "table"));
                            close_in_scope(&dom, &mut open, "th", &|n| matches!(n, "tr" | "table"));
                        }
                        "a" => close_in_scope(&dom, &mut open, "a", &is_scope_boundary),
                        _ => {}
                    }
                }
                let parent = *open.last().unwrap_or(&0);
                let id = dom.nodes.len();
                dom.nodes.push(Node {
                    parent,
                    children: Vec::new(),
                    data: NodeData::Element(Element { name: name.clone(), attrs: tag.attrs, start: lt, tag_end: tag.end }),
                });
                if let Some(p) = dom.nodes.get_mut(parent) {
                    p.children.push(id);
                }
                let foreign_here = foreign_root.is_some() || name == "svg" || name == "math";
                if is_void(&name) || (foreign_here && self_closing) {
                    continue;
                }
                open.push(id);
                if foreign_here {
                    foreign_root.get_or_insert(open.len() - 1);
                    continue;
                }
                let raw = match name.as_str() {
                    "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => Raw::RawText,
                    "title" | "textarea" => Raw::RcData,
                    "plaintext" => Raw::Plain,
                    _ => Raw::No,
                };
                match raw {
                    Raw::No => {}
                    Raw::Plain => {
                        push_text(&mut dom, &open, i, b.len(), false);
                        i = b.len();
                        text_start = i;
                    }
                    Raw::RawText | Raw::RcData => {
                        let end = find_end_tag(b, i, name.as_bytes()).unwrap_or(b.len());
                        push_text(&mut dom, &open, i, end, matches!(raw, Raw::RawText));
                        open.pop();
                        // Skip the end tag itself.
                        i = match memchr(b'>', &b[end..]) {
                            Some(k) => end + k + 1,
                            None => b.len(),
                        };
                        text_start = i;
                    }
                }
            }
            Some(b'/') => {
                let c2 = b.get(lt + 2).copied();
                match c2 {
                    Some(c) if c.is_ascii_alphabetic() => {
                        let Some(tag) = read_tag(src, lt + 2) else {
                            push_text(&mut dom, &open, text_start, lt, false);
                            text_start = b.len();
                            break;
                        };
                        push_text(&mut dom, &open, text_start, lt, false);
                        i = tag.end;
                        text_start = i;
                        let name = tag.name;
                        if name == "br" {
                            // `</br>` is a `<br>`.
                            let parent = *open.last().unwrap_or(&0);
                            let id = dom.nodes.len();
                            dom.nodes.push(Node {
                                parent,
                                children: Vec::new(),
                                data: NodeData::Element(Element { name, attrs: Vec::new(), start: lt, tag_end: i }),
                            });
                            if let Some(p) = dom.nodes.get_mut(parent) {
                                p.children.push(id);
                            }
                            continue;
                        }
                        let boundary = |n: &str| {
                            is_scope_boundary(n) && !matches!((name.as_str(), n), ("table", "table") | ("td", "td") | ("th", "th") | ("caption", "caption") | ("object", "object") | ("template", "template"))
                        };
                        close_in_scope(&dom, &mut open, &name, &|n| boundary(n));
                        if foreign_root.is_some_and(|r| open.len() <= r) {
                            foreign_root = None;
                        }
                    }
                    Some(b'>') => {
                        // `</>`: ignored.
                        push_text(&mut dom, &open, text_start, lt, false);
                        i = lt + 3;
                        text_start = i;
                    }
                    None => break,
                    Some(_) => {
                        push_text(&mut dom, &open, text_start, lt, false);
                        i = skip_to_gt(b, lt + 2);
                        text_start = i;
                    }
                }
            }
            Some(b'!') => {
                push_text(&mut dom, &open, text_start, lt, false);
                if b[lt..].starts_with(b"<!--") {
                    i = comment_end(b, lt + 4);
                    text_start = i;
                } else if b[lt..].starts_with(b"<![CDATA[") && foreign_root.is_some() {
                    let start = lt + 9;
                    let end = find(b, start, b"]]>").unwrap_or(b.len());
                    push_text(&mut dom, &open, start, end, true);
                    i = (end + 3).min(b.len());
                    text_start = i;
                } else {
                    i = skip_to_gt(b, lt + 2);
                    text_start = i;
                }
            }
            Some(b'?') => {
                push_text(&mut dom, &open, text_start, lt, false);
                i = skip_to_gt(b, lt + 2);
                text_start = i;
            }
            _ => {
                // A `<` that starts nothing is text.
                i = lt + 1;
            }
        }
    }
    push_text(&mut dom, &open, text_start, b.len(), false);
    dom
}

/// Pops open elements down to and including the nearest `name`, when it is found before a
/// boundary and within [`END_TAG_SEARCH`] elements; otherwise changes nothing.
fn close_in_scope(dom: &Dom, open: &mut Vec<usize>, name: &str, boundary: &dyn Fn(&str) -> bool) {
    for (k, &id) in open.iter().enumerate().rev().take(END_TAG_SEARCH) {
        if id == 0 {
            return;
        }
        let n = dom.name(id);
        if n == name {
            open.truncate(k);
            return;
        }
        if boundary(n) {
            return;
        }
    }
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from > b.len() {
        return None;
    }
    b[from..].windows(needle.len()).position(|w| w == needle).map(|k| from + k)
}

fn skip_to_gt(b: &[u8], from: usize) -> usize {
    match b.get(from..).and_then(|r| memchr(b'>', r)) {
        Some(k) => from + k + 1,
        None => b.len(),
    }
}

/// The end of a comment whose body starts at `from` (after `<!--`).
fn comment_end(b: &[u8], from: usize) -> usize {
    // `<!-->` and `<!--->` end at once.
    if b.get(from) == Some(&b'>') {
        return from + 1;
    }
    if b.get(from..from + 2) == Some(b"->") {
        return from + 2;
    }
    let mut k = from;
    while k < b.len() {
        match memchr(b'-', &b[k..]) {
            None => return b.len(),
            Some(o) => {
                let p = k + o;
                if b.get(p..p + 3) == Some(b"-->") {
                    return p + 3;
                }
                if b.get(p..p + 4) == Some(b"--!>") {
                    return p + 4;
                }
                k = p + 1;
            }
        }
    }
    b.len()
}

/// The start of `</name` (followed by whitespace, `/` or `>`) at or after `from`, ASCII
/// case-insensitive: where RAWTEXT/RCDATA content ends.
fn find_end_tag(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut k = from;
    while k < b.len() {
        let o = memchr(b'<', &b[k..])?;
        let p = k + o;
        if b.get(p + 1) == Some(&b'/') {
            let s = p + 2;
            if let Some(cand) = b.get(s..s + name.len()) {
                if cand.eq_ignore_ascii_case(name) {
                    match b.get(s + name.len()) {
                        Some(&c) if is_ws(c) || c == b'/' || c == b'>' => return Some(p),
                        None => return Some(p),
                        _ => {}
                    }
                }
            }
        }
        k = p + 1;
    }
    None
}

struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
    self_closing: bool,
    /// Just past the `>`.
    end: usize,
}

/// Reads a tag whose name starts at `from` (just after `<` or `</`). `None` when the input
/// ends inside the tag.
fn read_tag(src: &str, from: usize) -> Option<Tag> {
    let b = src.as_bytes();
    let mut k = from;
    while k < b.len() && !is_ws(b[k]) && b[k] != b'/' && b[k] != b'>' {
        k += 1;
    }
    let name = lower(src.get(from..k)?);
    let mut attrs: Vec<(String, String)> = Vec::new();
    let mut self_closing = false;
    loop {
        while k < b.len() && (is_ws(b[k]) || b[k] == b'/') {
            self_closing = b[k] == b'/';
            k += 1;
        }
        let c = *b.get(k)?;
        if c == b'>' {
            return Some(Tag { name, attrs, self_closing, end: k + 1 });
        }
        self_closing = false;
        // Attribute name (a leading `=` belongs to the name).
        let ns = k;
        k += 1;
        while k < b.len() && !is_ws(b[k]) && !matches!(b[k], b'/' | b'>' | b'=') {
            k += 1;
        }
        let aname = lower(src.get(ns..k)?);
        while k < b.len() && is_ws(b[k]) {
            k += 1;
        }
        let mut value = String::new();
        if b.get(k) == Some(&b'=') {
            k += 1;
            while k < b.len() && is_ws(b[k]) {
                k += 1;
            }
            match b.get(k).copied() {
                Some(q @ (b'"' | b'\'')) => {
                    let vs = k + 1;
                    let ve = vs + memchr(q, b.get(vs..)?)?;
                    decode_text(src.get(vs..ve)?, true, |_, _, s| value.push_str(s));
                    k = ve + 1;
                }
                Some(_) => {
                    let vs = k;
                    while k < b.len() && !is_ws(b[k]) && b[k] != b'>' {
                        k += 1;
                    }
                    decode_text(src.get(vs..k)?, true, |_, _, s| value.push_str(s));
                }
                None => return None,
            }
        }
        // The first of duplicate attributes wins.
        if !attrs.iter().any(|(n, _)| *n == aname) {
            attrs.push((aname, value));
        }
    }
}

fn lower(s: &str) -> String {
    s.to_ascii_lowercase()
}

/// Decodes character references in `s`, calling `emit(start, end, piece)` for consecutive
/// pieces: a copied run (`piece == &s[start..end]`), or one decoded reference (`piece` is its
/// value, `start..end` the reference's bytes). NUL bytes are dropped (an empty piece).
pub fn decode_text(s: &str, in_attr: bool, mut emit: impl FnMut(usize, usize, &str)) {
    let b = s.as_bytes();
    let mut run = 0usize;
    let mut k = 0usize;
    let mut buf = [0u8; 8];
    while k < b.len() {
        match b[k] {
            0 => {
                if run < k {
                    emit(run, k, &s[run..k]);
                }
                emit(k, k + 1, "");
                k += 1;
                run = k;
            }
            b'&' => {
                if let Some((len, value)) = char_ref(s, k, in_attr, &mut buf) {
                    if run < k {
                        emit(run, k, &s[run..k]);
                    }
                    emit(k, k + len, value.as_str(&buf));
                    k += len;
                    run = k;
                } else {
                    k += 1;
                }
            }
            _ => k += 1,
        }
    }
    if run < b.len() {
        emit(run, b.len(), &s[run..]);
    }
}

enum RefValue {
    Static(&'static str),
    /// Length of the UTF-8 char written into the buffer.
    Buf(usize),
}

impl RefValue {
    fn as_str<'a>(&self, buf: &'a [u8; 8]) -> &'a str {
        match self {
            RefValue::Static(s) => s,
            RefValue::Buf(n) => std::str::from_utf8(&buf[..*n]).unwrap_or("\u{fffd}"),
        }
    }
}

/// windows-1252 for numeric references 0x80-0x9F.
const C1: [u32; 32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
];

/// The reference starting at `s[at] == '&'`: its byte length and value.
fn char_ref(s: &str, at: usize, in_attr: bool, buf: &mut [u8; 8]) -> Option<(usize, RefValue)> {
    let b = s.as_bytes();
    let mut k = at + 1;
    if b.get(k) == Some(&b'#') {
        k += 1;
        let hex = matches!(b.get(k), Some(b'x' | b'X'));
        if hex {
            k += 1;
        }
        let ds = k;
        let mut v: u32 = 0;
        while let Some(&c) = b.get(k) {
            let d = match (hex, c) {
                (_, b'0'..=b'9') => (c - b'0') as u32,
                (true, b'a'..=b'f') => (c - b'a' + 10) as u32,
                (true, b'A'..=b'F') => (c - b'A' + 10) as u32,
                _ => break,
            };
            v = v.saturating_mul(if hex { 16 } else { 10 }).saturating_add(d).min(0x11_0000);
            k += 1;
        }
        if k == ds {
            return None;
        }
        if b.get(k) == Some(&b';') {
            k += 1;
        }
        let c = match v {
            0 => '\u{fffd}',
            0x80..=0x9F => char::from_u32(C1[(v - 0x80) as usize]).unwrap_or('\u{fffd}'),
            _ => char::from_u32(v).unwrap_or('\u{fffd}'),
        };
        let n = c.encode_utf8(&mut buf[..]).len();
        return Some((k - at, RefValue::Buf(n)));
    }
    let ns = k;
    while k < b.len() && k - ns < 40 && b[k].is_ascii_alphanumeric() {
        k += 1;
    }
    if k == ns {
        return None;
    }
    let name = &s[ns..k];
    if b.get(k) == Some(&b';') {
        if let Some(v) = lookup(name) {
            return Some((k + 1 - at, RefValue::Static(v)));
        }
    }
    // Legacy names without `;`: the longest prefix that is one.
    for end in (ns + 1..=k).rev() {
        let cand = &s[ns..end];
        if LEGACY.binary_search(&cand).is_ok() {
            let next = b.get(end).copied();
            if in_attr && matches!(next, Some(c) if c.is_ascii_alphanumeric() || c == b'=') {
                return None;
            }
            return Some((end - at, RefValue::Static(lookup(cand)?)));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(s: &str) -> String {
        let mut out = String::new();
        decode_text(s, false, |_, _, p| out.push_str(p));
        out
    }

    #[test]
    fn references_decode_like_browsers() {
        assert_eq!(decode("a &amp; b &lt;&gt; &quot;x&quot;"), "a & b <> \"x\"");
        assert_eq!(decode("&#0;&#x110000;&#xD800;&#99999999999;"), "\u{fffd}\u{fffd}\u{fffd}\u{fffd}");
        assert_eq!(decode("&#x80;&#150;"), "\u{20ac}\u{2013}");
        assert_eq!(decode("&copy 2024 &notit; &bogus; & &#; &#x;"), "\u{a9} 2024 \u{ac}it; &bogus; & &#; &#x;");
        assert_eq!(decode("&hellip;&mdash;&nbsp;&NotEqualTilde;"), "\u{2026}\u{2014}\u{a0}\u{2242}\u{338}");
        assert_eq!(decode("a\0b"), "ab");
    }

    #[test]
    fn deep_nesting_and_garbage_do_not_panic() {
        let deep = "<div>".repeat(100_000) + "x" + &"</span>".repeat(50_000);
        let dom = parse(&deep);
        assert!(dom.descendants(0).count() > 100_000);
        for s in ["<", "<a", "</", "<!--", "<!", "<a href='", "<p>x</p", "<svg><![CDATA[a<b]]></svg>", "&", "&#", "<script>x", "é<\u{0}>"] {
            let _ = parse(s);
        }
    }

    #[test]
    fn implied_end_tags_and_raw_text() {
        let src = "<p>one<p>two<ul><li>a<li>b</ul><script>if (a<b) x='</p>'</script><title>A &amp; B</title>";
        let dom = parse(src);
        let ps: Vec<usize> = dom.descendants(0).filter(|&i| dom.name(i) == "p").collect();
        assert_eq!(ps.len(), 2);
        assert_eq!(dom.text_of(src, ps[0]), "one");
        let lis: Vec<usize> = dom.descendants(0).filter(|&i| dom.name(i) == "li").collect();
        assert_eq!(dom.text_of(src, lis[0]), "a");
        let title = dom.descendants(0).find(|&i| dom.name(i) == "title").unwrap();
        assert_eq!(dom.text_of(src, title), "A & B");
    }

    #[test]
    fn attributes() {
        let dom = parse("<meta name=Author content=\"Jane &amp; Joe\" property='og:x' data-a=b&c>");
        let e = dom.element(1).unwrap();
        assert_eq!(e.attr("name"), Some("Author"));
        assert_eq!(e.attr("content"), Some("Jane & Joe"));
        assert_eq!(e.attr("data-a"), Some("b&c"));
    }
}
