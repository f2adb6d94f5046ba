//! The original page, written back with `<mark>` elements around the findings and with
//! everything that could run removed (`annotate --format html` for HTML input; issue 7).
//!
//! Owns: turning (source HTML, [`SourceMap`], text ranges to mark) into a page that shows
//! the source's own markup and CSS. The output is the source bytes, copied, with a few
//! edits at known byte positions:
//!
//! 1. **Marks.** Each text range is sent back to the source through [`SourceMap::runs`]
//!    (the source bytes of each text segment, gaps left out), and each run is cut at the
//!    boundaries of the parser's text nodes. So a finding that crosses tags becomes one
//!    `<mark>` per text run, opened and closed inside the same text node: never inside a
//!    tag, an attribute, a comment, a character reference (a boundary that would fall
//!    inside one widens to the whole reference), raw text (`script`, `style`, `noscript`,
//!    ...), RCDATA (`title`, `textarea`), `plaintext`, foreign content (`svg`, `math`: a
//!    `<mark>` there would hide the text) or table structure (where text is moved out by
//!    foster parenting). Whitespace inside a finding is marked with it, so a highlight
//!    runs on across tags. Overlapping findings in one text node nest: a mark that
//!    crosses the end of the one around it is split there, its remainder reopened after.
//! 2. **Safety.** `<script>` elements (HTML and SVG), `<meta http-equiv=refresh>` and a
//!    tag cut off by the end of input are removed; a start tag that carries an `on*` attribute, a `srcdoc`, or a value holding
//!    `javascript:`/`vbscript:` (ASCII whitespace and controls ignored, any case) is
//!    rewritten without them (the other attributes re-serialised, values escaped). The
//!    first thing in `<head>` (created when the source has none) is
//!    [`CSP`], so whatever the tokenizer here reads differently from a browser still cannot
//!    run, followed by `<meta charset="utf-8">` (the input was UTF-8) and the caller's
//!    extra head markup (the marks' style).
//!
//! Cost: one parse, then sorting the edits; every step is linear or `n log n` in the
//! source size plus the marked length. Nothing here panics: every slice is checked.
//!
//! Not measured yet: how pages with heavy client-side rendering look once their scripts
//! are gone (the marks are there; the layout may not be); `<base>`, `<iframe src>` and
//! stylesheets still load from the network when the page is opened.

use super::html::{self, decode_text, Dom, NodeData};
use super::SourceMap;

/// The Content-Security-Policy put first in `<head>`: no script of any kind, no plugins.
pub const CSP: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'; object-src 'none'\">";

/// One finding to highlight: a byte range of the article text (`Document::text`) and the
/// attributes of its marks (names as given, values escaped on output).
#[derive(Debug, Clone, Default)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub attrs: Vec<(String, String)>,
}

/// Where one edit goes. At equal positions: closing marks, then head markup, then tag
/// rewrites and removals, then opening marks.
#[derive(Debug)]
struct Edit {
    pos: usize,
    /// Source bytes replaced (`pos..end`); `end == pos` for an insertion.
    end: usize,
    rank: u8,
    text: String,
}

const CLOSE: u8 = 0;
const HEAD: u8 = 1;
const REWRITE: u8 = 2;
const OPEN: u8 = 3;

/// Writes `source` back with `marks` highlighted and its scripts removed (see the module
/// docs). `map` is the one [`super::read_html`] returned for the same `source`;
/// `head_extra` is trusted markup added to `<head>` after the CSP.
pub fn highlight_page(source: &str, map: &SourceMap, marks: &[Mark], head_extra: &str) -> String {
    let dom = html::parse(source);
    let n = dom.nodes.len();
    let mut edits: Vec<Edit> = Vec::new();

    // Per node: removed (inside something dropped) and markable (text may get marks).
    // Parents always come before their children in the arena.
    let mut dead = vec![false; n];
    let mut markable = vec![false; n];
    if n > 0 {
        markable[0] = true;
    }
    for id in 1..n {
        let node = &dom.nodes[id];
        let p = node.parent.min(id - 1);
        let (pdead, pmark) = (dead[p], markable[p]);
        match &node.data {
            NodeData::Element(e) => {
                let name = e.name.as_str();
                let removed = name == "script"
                    || (name == "meta"
                        && e.attr("http-equiv")
                            .is_some_and(|v| v.trim().eq_ignore_ascii_case("refresh")));
                if removed && !pdead {
                    let end = removal_end(&dom, source, id);
                    edits.push(Edit {
                        pos: e.start,
                        end,
                        rank: REWRITE,
                        text: String::new(),
                    });
                }
                dead[id] = pdead || removed;
                markable[id] = pmark && !dead[id] && !no_marks_inside(name);
                if !dead[id] {
                    if let Some(tag) = rewrite_tag(source, e) {
                        edits.push(Edit {
                            pos: e.start,
                            end: e.tag_end,
                            rank: REWRITE,
                            text: tag,
                        });
                    }
                }
            }
            NodeData::Text { raw, .. } => {
                dead[id] = pdead;
                markable[id] = pmark
                    && !pdead
                    && !raw
                    && !matches!(dom.name(p), "table" | "tbody" | "thead" | "tfoot" | "tr");
            }
            NodeData::Document => {}
        }
    }

    // Comments that hold a `<script` (IE conditional comments): inert in browsers, but a
    // page that says it has no script should not carry one even as a comment.
    for (a, b) in comments(&dom, source) {
        let body = source.get(a..b).unwrap_or("");
        if body
            .as_bytes()
            .windows(7)
            .any(|w| w.eq_ignore_ascii_case(b"<script"))
        {
            edits.push(Edit {
                pos: a,
                end: b,
                rank: REWRITE,
                text: String::new(),
            });
        }
    }

    // A tag cut off by the end of input is dropped by browsers and by the parser; drop
    // it here too, so that no half `<script` or `<img onerror=...` is left in the output.
    if let Some(lt) = source.rfind('<') {
        let b = source.as_bytes();
        let opens_tag = match b.get(lt + 1) {
            Some(c) if c.is_ascii_alphabetic() => true,
            Some(b'/') => b.get(lt + 2).is_some_and(u8::is_ascii_alphabetic),
            _ => false,
        };
        let in_text = dom.nodes.iter().any(
            |n| matches!(n.data, NodeData::Text { start, end, .. } if start <= lt && lt < end),
        );
        if opens_tag && !source[lt..].contains('>') && !in_text {
            edits.push(Edit {
                pos: lt,
                end: source.len(),
                rank: REWRITE,
                text: String::new(),
            });
        }
    }

    // The head markup.
    let mut head = String::with_capacity(CSP.len() + head_extra.len() + 64);
    head.push_str(CSP);
    head.push_str("<meta charset=\"utf-8\">");
    head.push_str(head_extra);
    let (pos, wrap) = head_position(&dom, source);
    let text = if wrap {
        format!("<head>{head}</head>")
    } else {
        head
    };
    edits.push(Edit {
        pos,
        end: pos,
        rank: HEAD,
        text,
    });

    // Markable text nodes in source order.
    let mut texts: Vec<(usize, usize)> = dom
        .nodes
        .iter()
        .enumerate()
        .filter_map(|(id, node)| match node.data {
            NodeData::Text { start, end, .. }
                if markable[id] && start < end && end <= source.len() =>
            {
                Some((start, end))
            }
            _ => None,
        })
        .collect();
    texts.sort_unstable();

    // Pieces: (text node index, start, end, mark index).
    let mut pieces: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (mi, m) in marks.iter().enumerate() {
        map.runs(m.start, m.end, |s, e| {
            let mut k = texts.partition_point(|t| t.1 <= s);
            while let Some(&(ts, te)) = texts.get(k) {
                if ts >= e {
                    break;
                }
                let (a, b) = (s.max(ts), e.min(te));
                match pieces.last_mut() {
                    Some(last) if last.0 == k && last.3 == mi && last.2 == a => last.2 = b,
                    _ => pieces.push((k, a, b, mi)),
                }
                k += 1;
            }
        });
    }
    pieces.sort_unstable_by_key(|p| p.0);
    let mut i = 0;
    while i < pieces.len() {
        let k = pieces[i].0;
        let mut j = i;
        while j < pieces.len() && pieces[j].0 == k {
            j += 1;
        }
        if let Some(&(ts, te)) = texts.get(k) {
            mark_text_node(source, ts, te, &pieces[i..j], marks, &mut edits);
        }
        i = j;
    }

    // Apply: sorted by position, then rank; the sort is stable, so marks at one position
    // keep the order they were planned in.
    edits.sort_by_key(|e| (e.pos, e.rank));
    let extra: usize = edits.iter().map(|e| e.text.len()).sum();
    let mut out = String::with_capacity(source.len() + extra);
    let mut cursor = 0usize;
    for e in &edits {
        if e.pos < cursor {
            continue; // inside something already removed
        }
        let Some(copy) = source.get(cursor..e.pos) else {
            continue;
        };
        out.push_str(copy);
        out.push_str(&e.text);
        cursor = e.end.max(e.pos);
    }
    out.push_str(source.get(cursor..).unwrap_or(""));
    out
}

/// Elements whose content never gets a mark.
fn no_marks_inside(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "title"
            | "textarea"
            | "script"
            | "style"
            | "noscript"
            | "iframe"
            | "xmp"
            | "noembed"
            | "noframes"
            | "plaintext"
            | "svg"
            | "math"
            | "select"
            | "option"
            | "optgroup"
            | "template"
            | "object"
            | "canvas"
            | "video"
            | "audio"
    )
}

/// Just past the end of the element `id` and its end tag (when the end tag follows its
/// last descendant directly).
fn removal_end(dom: &Dom, src: &str, id: usize) -> usize {
    let mut last = 0usize;
    for d in dom.descendants(id) {
        let end = match &dom.nodes[d].data {
            NodeData::Element(e) => e.tag_end,
            NodeData::Text { end, .. } => *end,
            NodeData::Document => 0,
        };
        last = last.max(end);
    }
    let last = last.min(src.len());
    let name = dom.name(id);
    let b = src.as_bytes();
    let close = b.get(last..last + 2 + name.len());
    if close.is_some_and(|c| c.starts_with(b"</") && c[2..].eq_ignore_ascii_case(name.as_bytes())) {
        let from = last + 2 + name.len();
        match b
            .get(from..)
            .and_then(|r| r.iter().position(|&c| c == b'>'))
        {
            Some(k) => from + k + 1,
            None => b.len(),
        }
    } else {
        last
    }
}

/// True when an attribute must go: event handlers, `srcdoc`, and script URLs: a value that
/// starts with one (`href=" java\tscript:..."`), or holds one anywhere in the attributes
/// that take lists (SVG `values="a;javascript:..."`, `srcset`, `ping`). A `title` or `alt`
/// that merely mentions "javascript:" mid-text stays.
fn dangerous(name: &str, value: &str) -> bool {
    if name.starts_with("on") || name == "srcdoc" {
        return true;
    }
    if !value.as_bytes().contains(&b':') {
        return false;
    }
    let squeezed: String = value
        .chars()
        .filter(|c| !(c.is_ascii_whitespace() || c.is_control()))
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if matches!(name, "values" | "to" | "from" | "by" | "srcset" | "ping") {
        squeezed.contains("javascript:") || squeezed.contains("vbscript:")
    } else {
        squeezed.starts_with("javascript:") || squeezed.starts_with("vbscript:")
    }
}

/// The start tag without its dangerous attributes, or `None` when it has none.
fn rewrite_tag(src: &str, e: &html::Element) -> Option<String> {
    if !e.attrs.iter().any(|(n, v)| dangerous(n, v)) {
        return None;
    }
    let mut tag = String::with_capacity(e.tag_end.saturating_sub(e.start));
    tag.push('<');
    tag.push_str(&e.name);
    for (name, value) in &e.attrs {
        let plain = !name.is_empty()
            && name
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':' | b'.'));
        if dangerous(name, value) || !plain {
            continue;
        }
        tag.push(' ');
        tag.push_str(name);
        tag.push_str("=\"");
        escape_into(value, &mut tag);
        tag.push('"');
    }
    let self_closing = src
        .get(e.start..e.tag_end)
        .is_some_and(|t| t.ends_with("/>"));
    tag.push_str(if self_closing { " />" } else { ">" });
    Some(tag)
}

/// Where the head markup goes, and whether it needs its own `<head>` element: inside the
/// source's `<head>` when that is the first element (after `<html>`); after `<html>` when
/// there is no head; else at the start, after a BOM, doctype and comments.
fn head_position(dom: &Dom, src: &str) -> (usize, bool) {
    let mut html_tag: Option<usize> = None;
    for node in dom.nodes.iter().skip(1) {
        match &node.data {
            NodeData::Element(e) if e.name == "html" && html_tag.is_none() => {
                html_tag = Some(e.tag_end)
            }
            NodeData::Element(e) if e.name == "head" => return (e.tag_end, false),
            NodeData::Element(_) => break,
            NodeData::Text { start, end, .. } => {
                let t = src.get(*start..*end).unwrap_or("");
                if !t
                    .trim_start_matches('\u{feff}')
                    .bytes()
                    .all(|c| c.is_ascii_whitespace())
                {
                    break;
                }
            }
            NodeData::Document => {}
        }
    }
    if let Some(end) = html_tag {
        return (end, true);
    }
    (prologue_end(src), true)
}

/// Past a leading BOM, whitespace, comments, `<!doctype ...>` and `<?...>`.
fn prologue_end(src: &str) -> usize {
    let b = src.as_bytes();
    let mut k = if src.starts_with('\u{feff}') { 3 } else { 0 };
    loop {
        while k < b.len() && b[k].is_ascii_whitespace() {
            k += 1;
        }
        let rest = &b[k.min(b.len())..];
        let next = if rest.starts_with(b"<!--") {
            find(b, k + 4, b"-->").map(|p| p + 3)
        } else if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            b[k..].iter().position(|&c| c == b'>').map(|p| k + p + 1)
        } else {
            None
        };
        match next {
            Some(p) if p > k => k = p,
            _ => return k,
        }
    }
}

/// Source ranges of the comments and bogus comments (`<!...>`, `<?...>`, `</ ...>`): the
/// parser keeps no node for them, so they are read again from the gaps between the start
/// tags and text nodes it did keep (a gap holds only end tags, comments and doctypes).
fn comments(dom: &Dom, src: &str) -> Vec<(usize, usize)> {
    let b = src.as_bytes();
    let mut covered: Vec<(usize, usize)> = dom
        .nodes
        .iter()
        .filter_map(|n| match &n.data {
            NodeData::Element(e) => Some((e.start, e.tag_end)),
            NodeData::Text { start, end, .. } => Some((*start, *end)),
            NodeData::Document => None,
        })
        .collect();
    covered.sort_unstable();
    covered.push((b.len(), b.len()));
    let mut out = Vec::new();
    let mut k = 0usize;
    for (cs, ce) in covered {
        // The gap k..cs.
        while k < cs {
            let Some(off) = b[k..cs].iter().position(|&c| c == b'<') else {
                break;
            };
            let lt = k + off;
            let rest = &b[lt..cs];
            let end = if rest.starts_with(b"<!--") {
                if rest[4..].starts_with(b">") {
                    lt + 5
                } else if rest[4..].starts_with(b"->") {
                    lt + 6
                } else {
                    let close = find(b, lt + 4, b"-->").map(|p| p + 3);
                    let bang = find(b, lt + 4, b"--!>").map(|p| p + 4);
                    match (close, bang) {
                        (Some(x), Some(y)) => x.min(y),
                        (x, y) => x.or(y).unwrap_or(cs),
                    }
                }
            } else {
                lt + 1
                    + rest[1..]
                        .iter()
                        .position(|&c| c == b'>')
                        .map_or(rest.len() - 1, |p| p + 1)
            };
            let end = end.min(cs).max(lt + 1);
            let is_end_tag =
                rest.get(1) == Some(&b'/') && rest.get(2).is_some_and(u8::is_ascii_alphabetic);
            if !is_end_tag {
                out.push((lt, end));
            }
            k = end;
        }
        k = k.max(ce);
    }
    out
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// Plans the marks inside one text node (`ts..te` in the source) and adds them to `edits`.
fn mark_text_node(
    src: &str,
    ts: usize,
    te: usize,
    pieces: &[(usize, usize, usize, usize)],
    marks: &[Mark],
    edits: &mut Vec<Edit>,
) {
    let Some(node) = src.get(ts..te) else { return };
    // Character references in this node, as source ranges: no boundary may fall inside.
    let mut refs: Vec<(usize, usize)> = Vec::new();
    decode_text(node, false, |a, b, piece| {
        if b > a && src.get(ts + a..ts + b) != Some(piece) {
            refs.push((ts + a, ts + b));
        }
    });
    let widen = |pos: usize, to_end: bool| -> usize {
        let k = refs.partition_point(|r| r.1 <= pos);
        match refs.get(k) {
            Some(&(a, b)) if a < pos && pos < b => {
                if to_end {
                    b
                } else {
                    a
                }
            }
            _ => pos,
        }
    };
    let trim = |a: usize, b: usize| -> Option<(usize, usize)> {
        (a < b && src.is_char_boundary(a) && src.is_char_boundary(b)).then_some((a, b))
    };
    // Queue ordered by start, longer first, then mark order.
    let mut queue: std::collections::BinaryHeap<
        std::cmp::Reverse<(usize, std::cmp::Reverse<usize>, usize)>,
    > = pieces
        .iter()
        .filter_map(|&(_, a, b, mi)| {
            let (a, b) = (widen(a, false).max(ts), widen(b, true).min(te));
            trim(a, b).map(|(a, b)| std::cmp::Reverse((a, std::cmp::Reverse(b), mi)))
        })
        .collect();
    let mut open: Vec<usize> = Vec::new(); // end positions of open marks
    while let Some(std::cmp::Reverse((a, std::cmp::Reverse(b), mi))) = queue.pop() {
        while let Some(&end) = open.last() {
            if end <= a {
                edits.push(Edit {
                    pos: end,
                    end,
                    rank: CLOSE,
                    text: "</mark>".into(),
                });
                open.pop();
            } else {
                break;
            }
        }
        let mut b = b;
        if let Some(&top) = open.last() {
            if b > top {
                // Crosses the end of the mark around it: split, reopen the rest after.
                if let Some(rest) = trim(top, b) {
                    queue.push(std::cmp::Reverse((rest.0, std::cmp::Reverse(rest.1), mi)));
                }
                b = top;
                if trim(a, b).is_none() {
                    continue;
                }
            }
        }
        let Some(m) = marks.get(mi) else { continue };
        edits.push(Edit {
            pos: a,
            end: a,
            rank: OPEN,
            text: open_tag(m),
        });
        open.push(b);
    }
    while let Some(end) = open.pop() {
        edits.push(Edit {
            pos: end,
            end,
            rank: CLOSE,
            text: "</mark>".into(),
        });
    }
}

fn open_tag(m: &Mark) -> String {
    let mut tag = String::from("<mark");
    for (name, value) in &m.attrs {
        tag.push(' ');
        tag.push_str(name);
        tag.push_str("=\"");
        escape_into(value, &mut tag);
        tag.push('"');
    }
    tag.push('>');
    tag
}

/// Escapes text for an attribute value or element content.
pub fn escape_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(src: &str, words: &[&str]) -> String {
        let (doc, map) = super::super::read_html(src);
        let marks: Vec<Mark> = words
            .iter()
            .filter_map(|w| {
                doc.text.find(w).map(|s| Mark {
                    start: s,
                    end: s + w.len(),
                    attrs: vec![("data-w".into(), w.to_string())],
                })
            })
            .collect();
        assert_eq!(marks.len(), words.len(), "{:?}", doc.text);
        highlight_page(src, &map, &marks, "")
    }

    #[test]
    fn a_name_split_by_a_tag_gets_one_mark_per_run() {
        let out = page(
            "<p>😀 Minister <em>Grant</em> Shapps said.</p>",
            &["Grant Shapps"],
        );
        assert!(out.contains("<em><mark data-w=\"Grant Shapps\">Grant</mark></em><mark data-w=\"Grant Shapps\"> Shapps</mark> said"), "{out}");
    }

    #[test]
    fn references_are_never_cut() {
        let out = page(
            "<p>Marks &amp; Spencer and Caf&eacute; Nero.</p>",
            &["Marks & Spencer", "Café"],
        );
        assert!(out.contains(">Marks &amp; Spencer</mark>"), "{out}");
        assert!(out.contains(">Caf&eacute;</mark> Nero"), "{out}");
    }

    #[test]
    fn crossing_marks_are_split_to_nest() {
        let out = page(
            "<p>one two three four</p>",
            &["one two three", "two three four"],
        );
        assert!(out.contains("<mark data-w=\"one two three\">one <mark data-w=\"two three four\">two three</mark></mark><mark data-w=\"two three four\"> four</mark>"), "{out}");
    }

    #[test]
    fn head_is_created_after_doctype_when_missing() {
        let out = page("<!DOCTYPE html><!-- c --><p>Hello world.</p>", &["world"]);
        assert!(
            out.starts_with(&format!("<!DOCTYPE html><!-- c --><head>{CSP}")),
            "{out}"
        );
        let out = page("<html lang=en><body><p>Hello world.</p>", &["world"]);
        assert!(
            out.starts_with(&format!("<html lang=en><head>{CSP}")),
            "{out}"
        );
        let out = page(
            "<html><head>\n<title>T</title></head><p>Hello world.</p>",
            &["world"],
        );
        assert!(out.starts_with(&format!("<html><head>{CSP}")), "{out}");
    }

    #[test]
    fn scripts_handlers_and_script_urls_go() {
        let src = "<p onclick=\"x()\">Hello <a href=\" JaVa\tScript:alert(1)\" title=t>world</a>.<script>alert(1)</script>\
                   <svg><script>alert(2)</script></svg><img src=x onerror=alert(1)/><meta http-equiv=refresh content=0></p>";
        let out = page(src, &["world"]);
        let lower = out.to_ascii_lowercase();
        for bad in [
            "<script",
            "onclick",
            "onerror",
            "javascript",
            "alert",
            "refresh",
        ] {
            assert!(!lower.contains(bad), "{bad} in {out}");
        }
        assert!(
            out.contains("<a title=\"t\"><mark data-w=\"world\">world</mark></a>"),
            "{out}"
        );
        assert!(out.contains("<img src=\"x\" />"), "{out}");
        let out = page("<html><head><!--[if lt IE 9]><script src=x.js></script><![endif]--><!-- kept --></head><p>Hello world.</p>", &["world"]);
        assert!(
            !out.contains("<script") && out.contains("<!-- kept -->"),
            "{out}"
        );
        let out = page(
            "<p title=\"Learn javascript: a guide\">Hello world.<svg><set attributeName=href to=\"javascript:x\"/></svg></p>",
            &["world"],
        );
        assert!(
            out.contains("<p title=\"Learn javascript: a guide\">"),
            "{out}"
        );
        assert!(out.contains("<set attributename=\"href\" />"), "{out}");
    }
}
