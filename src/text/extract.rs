//! Finding the article body in a whole page and writing it out as text with a source map.
//!
//! The algorithm follows Readability.js (the reference extraction the project is measured
//! against), simplified:
//!
//! 1. *Prune*: scripts, styles, forms, navigation, `aside`/`footer`, hidden elements
//!    (`hidden`, `aria-hidden`, `display:none`), dialog/menu roles, and elements whose
//!    class or id says they are comments, share bars, related links, sidebars, ads (unless
//!    they also say article/content/main). The first short element that looks like a byline
//!    (`rel=author`, `itemprop=author`, class `byline|author|dateline`) is taken as the
//!    byline and pruned. A heading that repeats the title is pruned.
//! 2. *Score*: every paragraph-like element (`p`, `pre`, `td`, `section`, `h2`-`h6`, and
//!    `div`s without block children) with 25+ characters scores 1 + commas +
//!    min(chars / 100, 3); its parent gets the score, the grandparent half, further
//!    ancestors score / (3 * level). Ancestors start from a tag weight and ±25 per
//!    positive/negative class/id. Scores are scaled by 1 - link density.
//! 3. *Choose*: the best candidate, moved up to a common ancestor when three other
//!    near-best candidates share it, or to a parent scoring higher; then its siblings that
//!    score well or are link-poor paragraphs join it.
//! 4. *Clean*: lists, tables and divs with little text, many links or more images than
//!    paragraphs are dropped (data tables kept).
//!
//! When the result is under 500 characters the pass is re-run with fewer prunings (as
//! Readability does) and the longest result is kept.
//!
//! Text is written like a browser renders it: whitespace runs collapse to one space,
//! `<pre>` keeps its spacing, blocks end with "\n\n" (paragraphs, headings, divs) or "\n"
//! (list items, table rows and cells), `<br>` is "\n". Each piece goes into the
//! [`SourceMap`].
//!
//! Not measured yet: pages with several articles (only one body is chosen), multi-page
//! articles, and right-to-left pages beyond the test pages.

use super::html::{collapse_ws, decode_text, Dom, NodeData};
use super::source_map::SourceMap;

#[derive(Clone, Copy)]
struct Flags {
    strip_unlikely: bool,
    weight_classes: bool,
    clean_conditionally: bool,
}

/// The article body as text.
pub struct Extracted {
    pub text: String,
    pub map: SourceMap,
    /// A byline found in the page's elements (not metadata).
    pub byline: Option<String>,
}

pub fn extract(dom: &Dom, src: &str, title: Option<&str>) -> Extracted {
    let attempts = [
        Flags { strip_unlikely: true, weight_classes: true, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: true, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: false },
    ];
    let mut best: Option<Extracted> = None;
    for flags in attempts {
        let got = attempt(dom, src, title, flags);
        let len = got.text.chars().count();
        let better = best.as_ref().map_or(true, |b| len > b.text.chars().count());
        if better {
            best = Some(got);
        }
        if len >= 500 {
            break;
        }
    }
    best.unwrap_or(Extracted { text: String::new(), map: SourceMap::default(), byline: None })
}

/// Per-node sums over the live part of a subtree.
#[derive(Clone, Copy, Default)]
struct Agg {
    chars: usize,
    link_chars: usize,
    commas: usize,
    p: usize,
    img: usize,
    li: usize,
    input: usize,
    embed: usize,
    block_children: bool,
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address" | "article" | "aside" | "blockquote" | "details" | "dialog" | "dd" | "div" | "dl"
            | "dt" | "fieldset" | "figcaption" | "figure" | "footer" | "form" | "h1" | "h2" | "h3"
            | "h4" | "h5" | "h6" | "header" | "hgroup" | "hr" | "li" | "main" | "nav" | "ol" | "p"
            | "pre" | "section" | "table" | "ul" | "tr" | "td" | "th" | "tbody" | "thead"
            | "tfoot" | "caption" | "center" | "summary" | "menu" | "select" | "option"
    )
}

/// Line breaks a block boundary stands for.
fn break_after(name: &str) -> usize {
    match name {
        "li" | "tr" | "td" | "th" | "dt" | "dd" | "caption" | "summary" | "option" | "figcaption"
        | "tbody" | "thead" | "tfoot" => 1,
        n if is_block(n) => 2,
        _ => 0,
    }
}

fn contains_ci(hay: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| hay.contains(n))
}

const UNLIKELY: &[&str] = &[
    "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap",
    "disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark",
    "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental",
    "ad-break", "agegate", "pagination", "pager", "popup", "yom-remote", "share", "newsletter",
    "subscribe", "cookie",
];
const MAYBE: &[&str] = &["and", "article", "body", "column", "content", "main", "mathjax", "shadow"];
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination",
    "post", "text", "blog", "story",
];
const NEGATIVE: &[&str] = &[
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr",
    "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox",
    "sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget",
];
const BYLINE: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];

fn class_id(dom: &Dom, id: usize) -> String {
    dom.element(id)
        .map(|e| {
            let mut s = e.attr("class").unwrap_or("").to_ascii_lowercase();
            s.push(' ');
            s.push_str(&e.attr("id").unwrap_or("").to_ascii_lowercase());
            s
        })
        .unwrap_or_default()
}

fn class_weight(dom: &Dom, id: usize) -> f64 {
    let Some(e) = dom.element(id) else { return 0.0 };
    let mut w = 0.0;
    for attr in ["class", "id"] {
        if let Some(v) = e.attr(attr).filter(|v| !v.is_empty()) {
            let v = v.to_ascii_lowercase();
            if contains_ci(&v, NEGATIVE) {
                w -= 25.0;
            }
            if contains_ci(&v, POSITIVE) {
                w += 25.0;
            }
        }
    }
    w
}

fn is_hidden(dom: &Dom, id: usize) -> bool {
    let Some(e) = dom.element(id) else { return false };
    if e.attr("hidden").is_some() {
        return true;
    }
    if e.attr("aria-hidden") == Some("true") && !e.attr("class").unwrap_or("").contains("fallback-image") {
        return true;
    }
    if let Some(style) = e.attr("style") {
        let s: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

fn always_dead(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "noscript" | "template" | "iframe" | "svg" | "object"
            | "embed" | "head" | "title" | "meta" | "link" | "nav" | "footer" | "aside" | "form"
            | "button" | "select" | "textarea" | "input" | "canvas" | "dialog" | "audio" | "video"
            | "fieldset" | "noembed" | "noframes" | "xmp"
    )
}

fn attempt(dom: &Dom, src: &str, title: Option<&str>, flags: Flags) -> Extracted {
    let n = dom.nodes.len();
    // Text stats of each text node.
    let mut dead = vec![false; n];
    let title_norm = title.map(|t| t.to_lowercase());
    let (byline, byline_node) = find_byline(dom, src, flags);
    // Nodes are stored in document order with parents before children.
    for id in 1..n {
        let node = &dom.nodes[id];
        if dead[node.parent] {
            dead[id] = true;
            continue;
        }
        let Some(e) = dom.element(id) else { continue };
        let name = e.name.as_str();
        if is_hidden(dom, id) || matches!(name, "script" | "style" | "noscript" | "template" | "head") {
            dead[id] = true;
            continue;
        }
        let ci = class_id(dom, id);
        if Some(id) == byline_node {
            dead[id] = true;
            continue;
        }
        if always_dead(name) {
            dead[id] = true;
            continue;
        }
        if let Some(role) = e.attr("role") {
            if matches!(role, "menu" | "menubar" | "complementary" | "navigation" | "alert" | "alertdialog" | "dialog") {
                dead[id] = true;
                continue;
            }
        }
        if matches!(name, "h1" | "h2") {
            if let Some(t) = &title_norm {
                let h = dom.text_upto(src, id, 400).to_lowercase();
                if !h.is_empty() && similarity(t, &h) > 0.75 {
                    dead[id] = true;
                    continue;
                }
            }
        }
        if flags.strip_unlikely
            && !matches!(name, "html" | "body" | "a" | "article" | "main")
            && contains_ci(&ci, UNLIKELY)
            && !contains_ci(&ci, MAYBE)
            && !has_ancestor(dom, id, "table", 3)
            && !has_ancestor(dom, id, "code", 3)
        {
            dead[id] = true;
            continue;
        }
        if flags.strip_unlikely && name == "header" {
            dead[id] = true;
        }
    }

    // Aggregates, bottom-up (children have larger ids than parents).
    let mut agg = vec![Agg::default(); n];
    for id in (1..n).rev() {
        if dead[id] {
            continue;
        }
        let parent = dom.nodes[id].parent;
        let mut a = agg[id];
        match &dom.nodes[id].data {
            NodeData::Text { start, end, raw: false } => {
                let s = src.get(*start..*end).unwrap_or("");
                a.chars = collapsed_len(s);
                a.commas = s.matches(|c| matches!(c, ',' | '\u{060C}' | '\u{FE50}' | '\u{FF0C}')).count();
            }
            NodeData::Element(e) => {
                match e.name.as_str() {
                    "a" => {
                        let hash = e.attr("href").is_some_and(|h| h.starts_with('#'));
                        a.link_chars = if hash { (a.chars as f64 * 0.3) as usize } else { a.chars };
                    }
                    "p" => a.p += 1,
                    "img" => a.img += 1,
                    "li" => a.li += 1,
                    "input" => a.input += 1,
                    "embed" | "object" | "iframe" => a.embed += 1,
                    _ => {}
                }
                if is_block(&e.name) {
                    agg[parent].block_children = true;
                }
            }
            _ => {}
        }
        agg[id] = a;
        let p = &mut agg[parent];
        p.chars += a.chars;
        p.link_chars += a.link_chars;
        p.commas += a.commas;
        p.p += a.p;
        p.img += a.img;
        p.li += a.li;
        p.input += a.input;
        p.embed += a.embed;
    }
    let link_density = |id: usize| {
        let a = &agg[id];
        if a.chars == 0 {
            0.0
        } else {
            a.link_chars as f64 / a.chars as f64
        }
    };

    // Scoring.
    let mut score: Vec<Option<f64>> = vec![None; n];
    let init = |id: usize, score: &mut Vec<Option<f64>>| {
        if score[id].is_none() {
            let base = match dom.name(id) {
                "div" => 5.0,
                "pre" | "td" | "blockquote" => 3.0,
                "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
                _ => 0.0,
            };
            let w = if flags.weight_classes { class_weight(dom, id) } else { 0.0 };
            score[id] = Some(base + w);
        }
    };
    for id in 1..n {
        if dead[id] {
            continue;
        }
        let name = dom.name(id);
        let para = matches!(name, "p" | "pre" | "td" | "section" | "h2" | "h3" | "h4" | "h5" | "h6")
            || (matches!(name, "div" | "article" | "span") && !agg[id].block_children && name != "span");
        if !para || agg[id].chars < 25 {
            continue;
        }
        let s = 1.0 + agg[id].commas as f64 + (agg[id].chars / 100).min(3) as f64;
        let mut anc = dom.nodes[id].parent;
        let mut level = 0usize;
        while anc != 0 && level < 5 {
            if dom.element(anc).is_none() {
                break;
            }
            if is_p_wrapper(dom, src, anc, &dead) && link_density(anc) < 0.25 {
                // Readability replaces a div holding a single <p> by the <p>.
                anc = dom.nodes[anc].parent;
                continue;
            }
            init(anc, &mut score);
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            if let Some(v) = score[anc].as_mut() {
                *v += s / div;
            }
            anc = dom.nodes[anc].parent;
            level += 1;
        }
    }
    let mut cands: Vec<(usize, f64)> = Vec::new();
    for id in 1..n {
        if let Some(s) = score[id] {
            if !dead[id] {
                let f = s * (1.0 - link_density(id));
                score[id] = Some(f);
                cands.push((id, f));
            }
        }
    }
    cands.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal));
    let body = dom.descendants(0).find(|&i| dom.name(i) == "body").unwrap_or(0);

    let roots: Vec<usize> = match cands.first().copied() {
        None => vec![body],
        Some((top0, top_score)) => {
            let mut top = top0;
            // A common ancestor of near-best candidates.
            let near: Vec<usize> =
                cands.iter().skip(1).take(4).filter(|c| c.1 / top_score >= 0.75).map(|c| c.0).collect();
            if near.len() >= 3 {
                let mut p = dom.nodes[top].parent;
                while p != 0 && p != body {
                    let containing = near.iter().filter(|&&c| is_ancestor(dom, p, c)).count();
                    if containing >= 3 {
                        top = p;
                        break;
                    }
                    p = dom.nodes[p].parent;
                }
            }
            init(top, &mut score);
            // A parent that scores higher.
            let mut last = score[top].unwrap_or(0.0);
            let threshold = last / 3.0;
            let mut p = dom.nodes[top].parent;
            while p != 0 && p != body {
                match score[p] {
                    None => {}
                    Some(ps) => {
                        if ps < threshold {
                            break;
                        }
                        if ps > last {
                            top = p;
                            break;
                        }
                        last = ps;
                    }
                }
                p = dom.nodes[p].parent;
            }
            // Up through only children.
            loop {
                let p = dom.nodes[top].parent;
                if p == 0 || p == body {
                    break;
                }
                let elems = dom.nodes[p].children.iter().filter(|&&c| dom.element(c).is_some() && !dead[c]).count();
                if elems != 1 {
                    break;
                }
                top = p;
            }
            let top_score = score[top].unwrap_or(0.0);
            let threshold = (top_score * 0.2).max(10.0);
            let parent = dom.nodes[top].parent;
            let top_class = dom.element(top).and_then(|e| e.attr("class")).unwrap_or("");
            let mut roots = Vec::new();
            for &sib in &dom.nodes[parent].children {
                if sib == top {
                    roots.push(sib);
                    continue;
                }
                if dead[sib] || dom.element(sib).is_none() {
                    continue;
                }
                let mut bonus = 0.0;
                if !top_class.is_empty() && dom.element(sib).and_then(|e| e.attr("class")) == Some(top_class) {
                    bonus = top_score * 0.2;
                }
                let s = score[sib].unwrap_or(0.0);
                let ok = if score[sib].is_some() && s + bonus >= threshold {
                    true
                } else if dom.name(sib) == "p" {
                    let len = agg[sib].chars;
                    let ld = link_density(sib);
                    (len > 80 && ld < 0.25) || (len > 0 && len <= 80 && ld == 0.0 && ends_sentence(&dom.text_of(src, sib)))
                } else {
                    false
                };
                if ok {
                    roots.push(sib);
                }
            }
            roots
        }
    };

    // Conditional cleaning inside the chosen roots.
    if flags.clean_conditionally {
        for &r in &roots {
            let ids: Vec<usize> = dom.descendants(r).collect();
            for id in ids {
                if dead[id] || id == r || dead[dom.nodes[id].parent] {
                    if dead[dom.nodes[id].parent] {
                        dead[id] = true;
                    }
                    continue;
                }
                let name = dom.name(id);
                if !matches!(name, "table" | "ul" | "ol" | "div" | "section" | "header" | "figure") {
                    continue;
                }
                if name == "table" && is_data_table(dom, id) {
                    continue;
                }
                if has_ancestor(dom, id, "code", 8) || has_ancestor(dom, id, "pre", 8) {
                    continue;
                }
                let a = agg[id];
                let weight = if flags.weight_classes { class_weight(dom, id) } else { 0.0 };
                let s = score[id].unwrap_or(0.0);
                if weight + s < 0.0 {
                    dead[id] = true;
                    continue;
                }
                if a.commas >= 10 {
                    continue;
                }
                let ld = link_density(id);
                let p = a.p as f64;
                let list = matches!(name, "ul" | "ol");
                let remove = (a.img > 1 && p / (a.img as f64) < 0.5 && !has_ancestor(dom, id, "figure", 3))
                    || (!list && a.li as f64 > p)
                    || (a.input as f64 > (p / 3.0).floor())
                    || (!list && a.chars < 25 && (a.img == 0 || a.img > 2) && !has_ancestor(dom, id, "figure", 3))
                    || (!list && weight < 25.0 && ld > 0.2)
                    || (weight >= 25.0 && ld > 0.5)
                    || ((a.embed == 1 && a.chars < 75) || a.embed > 1)
                    || (list && ld > 0.5 && a.chars < 1000);
                if remove {
                    dead[id] = true;
                }
            }
        }
    }

    let mut w = Writer::default();
    for &r in &roots {
        w.write_subtree(dom, src, r, &dead);
    }
    Extracted { text: w.out, map: w.map, byline }
}

/// Readability's byline search: in document order, skipping hidden subtrees (and unlikely
/// ones when they are stripped), the first element with `rel=author`, `itemprop~=author`
/// or a byline-like class/id whose raw text is under 100 characters; the text of an
/// `itemprop=name` descendant when there is one.
fn find_byline(dom: &Dom, src: &str, flags: Flags) -> (Option<String>, Option<usize>) {
    let n = dom.nodes.len();
    let mut gone = vec![false; n];
    for id in 1..n {
        if gone[dom.nodes[id].parent] {
            gone[id] = true;
            continue;
        }
        let Some(e) = dom.element(id) else { continue };
        let name = e.name.as_str();
        if is_hidden(dom, id) || matches!(name, "script" | "style" | "noscript" | "template" | "head") {
            gone[id] = true;
            continue;
        }
        let ci = class_id(dom, id);
        if name != "html" && name != "body" {
            let is_byline = e.attr("rel") == Some("author")
                || e.attr("itemprop").is_some_and(|v| v.contains("author"))
                || contains_ci(&ci, BYLINE);
            if is_byline {
                // Readability measures the raw textContent, indentation included.
                let raw = dom.raw_text_upto(src, id, 400);
                let raw_len = raw.trim().encode_utf16().count();
                if raw_len > 0 && raw_len < 100 {
                    let name_child = dom
                        .descendants(id)
                        .find(|&d| dom.element(d).and_then(|e| e.attr("itemprop")).is_some_and(|v| v.contains("name")));
                    let text = name_child.map(|d| dom.text_of(src, d)).filter(|t| !t.is_empty()).unwrap_or_else(|| collapse_ws(&raw));
                    return (Some(text), Some(id));
                }
            }
        }
        if flags.strip_unlikely
            && !matches!(name, "html" | "body" | "a" | "article" | "main")
            && contains_ci(&ci, UNLIKELY)
            && !contains_ci(&ci, MAYBE)
            && !has_ancestor(dom, id, "table", 3)
            && !has_ancestor(dom, id, "code", 3)
        {
            gone[id] = true;
        }
        let role = e.attr("role").unwrap_or("");
        if matches!(role, "menu" | "menubar" | "complementary" | "navigation" | "alert" | "alertdialog" | "dialog") {
            gone[id] = true;
        }
    }
    (None, None)
}

/// A `div` whose only content is one `<p>`.
fn is_p_wrapper(dom: &Dom, src: &str, id: usize, dead: &[bool]) -> bool {
    if dom.name(id) != "div" {
        return false;
    }
    let mut elems = 0;
    let mut p = false;
    for &c in &dom.nodes[id].children {
        if dead[c] {
            continue;
        }
        match &dom.nodes[c].data {
            NodeData::Element(e) => {
                elems += 1;
                p = e.name == "p";
            }
            NodeData::Text { start, end, .. } => {
                if src.get(*start..*end).is_some_and(|t| !t.trim().is_empty()) {
                    return false;
                }
            }
            NodeData::Document => {}
        }
    }
    elems == 1 && p
}

fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end();
    t.ends_with('.') || t.contains(". ")
}

fn is_ancestor(dom: &Dom, anc: usize, mut id: usize) -> bool {
    let mut steps = 0;
    while id != 0 && steps < 64 {
        if id == anc {
            return true;
        }
        id = dom.nodes[id].parent;
        steps += 1;
    }
    false
}

fn has_ancestor(dom: &Dom, id: usize, name: &str, max: usize) -> bool {
    let mut p = dom.nodes[id].parent;
    let mut k = 0;
    while p != 0 && k < max {
        if dom.name(p) == name {
            return true;
        }
        p = dom.nodes[p].parent;
        k += 1;
    }
    false
}

fn is_data_table(dom: &Dom, id: usize) -> bool {
    let e = dom.element(id);
    if e.and_then(|e| e.attr("role")) == Some("presentation") {
        return false;
    }
    if e.and_then(|e| e.attr("summary")).is_some() {
        return true;
    }
    let mut rows = 0;
    let mut cells = 0;
    for d in dom.descendants(id).skip(1) {
        match dom.name(d) {
            "caption" | "th" | "thead" | "tfoot" | "colgroup" | "col" => return true,
            "table" => return false,
            "tr" => rows += 1,
            "td" => cells += 1,
            _ => {}
        }
    }
    rows >= 10 || cells > 40
}

/// Length of `s` with whitespace runs counted as one character.
fn collapsed_len(s: &str) -> usize {
    let mut n = 0;
    let mut ws = true;
    for c in s.chars() {
        if c.is_ascii_whitespace() {
            if !ws {
                n += 1;
            }
            ws = true;
        } else {
            n += 1;
            ws = false;
        }
    }
    n
}

/// Writes text with collapsed whitespace and block breaks, recording the source map.
#[derive(Default)]
struct Writer {
    out: String,
    map: SourceMap,
    /// A whitespace run not yet written: its source range.
    space: Option<(usize, usize)>,
    /// Line breaks owed by a block boundary.
    breaks: usize,
    pre: usize,
}

impl Writer {
    fn write_subtree(&mut self, dom: &Dom, src: &str, root: usize, dead: &[bool]) {
        // (node, entering)
        let mut stack = vec![(root, true)];
        while let Some((id, enter)) = stack.pop() {
            let Some(node) = dom.nodes.get(id) else { continue };
            if dead.get(id).copied().unwrap_or(true) {
                continue;
            }
            match &node.data {
                NodeData::Text { start, end, raw } => {
                    if !raw {
                        self.text(src, *start, *end);
                    }
                }
                NodeData::Element(e) => {
                    let name = e.name.as_str();
                    if enter {
                        if name == "br" {
                            self.breaks = (self.breaks + 1).min(2);
                            self.space = None;
                            continue;
                        }
                        if name == "hr" {
                            self.block(2);
                            continue;
                        }
                        self.block(break_after(name));
                        if name == "pre" {
                            self.pre += 1;
                        }
                        stack.push((id, false));
                        stack.extend(node.children.iter().rev().map(|&c| (c, true)));
                    } else {
                        if name == "pre" {
                            self.pre = self.pre.saturating_sub(1);
                        }
                        self.block(break_after(name));
                        if matches!(name, "td" | "th") {
                            // Cells of a row: a tab, as browsers' innerText.
                        }
                    }
                }
                NodeData::Document => {
                    stack.extend(node.children.iter().rev().map(|&c| (c, true)));
                }
            }
        }
    }

    fn block(&mut self, n: usize) {
        if n > 0 {
            self.breaks = self.breaks.max(n);
            self.space = None;
        }
    }

    /// Writes what is owed before content that starts at source byte `at`.
    fn flush(&mut self, at: usize) {
        if self.out.is_empty() {
            self.breaks = 0;
            self.space = None;
            return;
        }
        if self.breaks > 0 {
            let have = self.out.len() - self.out.trim_end_matches('\n').len();
            for _ in have..self.breaks {
                self.out.push('\n');
                self.map.push(1, at, at, false);
            }
            self.breaks = 0;
            self.space = None;
        } else if let Some((s, e)) = self.space.take() {
            if !self.out.ends_with('\n') {
                self.out.push(' ');
                self.map.push(1, s, e, e - s == 1 && src_is_space(s, e));
            }
        }
    }

    fn text(&mut self, src: &str, start: usize, end: usize) {
        let Some(s) = src.get(start..end) else { return };
        let pre = self.pre > 0;
        decode_text(s, false, |a, b, piece| {
            let (a, b) = (start + a, start + b);
            let copied = piece.len() == b - a && src.get(a..b) == Some(piece);
            if !copied {
                if piece.is_empty() {
                    return;
                }
                if !pre && piece.bytes().all(|c| c.is_ascii_whitespace()) {
                    if self.space.is_none() {
                        self.space = Some((a, b));
                    }
                    return;
                }
                self.flush(a);
                self.out.push_str(piece);
                self.map.push(piece.len(), a, b, false);
                return;
            }
            if pre {
                self.flush(a);
                self.out.push_str(piece);
                self.map.push(piece.len(), a, b, true);
                return;
            }
            // Split into whitespace runs and words.
            let bytes = piece.as_bytes();
            let mut k = 0;
            while k < bytes.len() {
                let ws = bytes[k].is_ascii_whitespace();
                let mut j = k;
                while j < bytes.len() && bytes[j].is_ascii_whitespace() == ws {
                    j += 1;
                }
                if ws {
                    match &mut self.space {
                        Some((_, e)) if *e == a + k => *e = a + j,
                        Some(_) => {}
                        None => self.space = Some((a + k, a + j)),
                    }
                } else {
                    self.flush(a + k);
                    self.out.push_str(&piece[k..j]);
                    self.map.push(j - k, a + k, a + j, true);
                }
                k = j;
            }
        });
    }
}

/// A single source byte that is itself a space can map as copied.
fn src_is_space(_s: usize, _e: usize) -> bool {
    false
}

/// Readability's text similarity: 1 - the share of `b`'s words (by length) not in `a`.
pub fn similarity(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> Vec<String> {
        s.to_lowercase().split(|c: char| !c.is_alphanumeric() && c != '_').filter(|w| !w.is_empty()).map(String::from).collect()
    };
    let ta = words(a);
    let tb = words(b);
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let uniq: Vec<&String> = tb.iter().filter(|t| !ta.contains(t)).collect();
    let uniq_len = uniq.iter().map(|s| s.len()).sum::<usize>() + uniq.len().saturating_sub(1);
    let all_len = tb.iter().map(|s| s.len()).sum::<usize>() + tb.len() - 1;
    1.0 - uniq_len as f64 / all_len as f64
}
