//! From the input (plain text or HTML markup) to the article text the analysers read.
//!
//! Owns: deciding whether input is markup, turning a whole saved page (or a fragment) into
//! the article's text, the page's metadata, the raw date strings an article states about
//! itself, and the [`SourceMap`] from text bytes back to source bytes. It does not parse
//! those dates: [`crate::analyze`] hands them to [`crate::dates`], so this layer never
//! reaches up into the analysers.
//!
//! The HTML path, in [`read_html`]:
//!
//! 1. [`html`]: a hand-written HTML5 tokenizer and small tree builder that keep byte
//!    offsets (why hand-written, and what it recovers from, is in that module). Measured
//!    (`cargo build --release --target wasm32-unknown-unknown --lib`, `gzip -9`, same tree
//!    with and without this reader): +66.5 KB gzip (+154 KB raw) for tokenizer, tree,
//!    extraction, metadata (JSON-LD through `serde_json::Value`) and the full
//!    named-reference table; the split between them is not measured yet.
//!    Speed: 75-150 MB/s natively over the 100 test pages (`make eval-pages`).
//! 2. `meta`: title, byline, published date, language, date hints (Readability.js order).
//! 3. `extract`: the article body (Readability-style scoring), written out as text with
//!    whitespace collapsed and block boundaries as line breaks, recording the source map.
//!
//! Measured with `make eval-pages` on `../shared/data/article-pages` (100 pages, the ones
//! the extraction was developed on, so these are not held-out figures): no failures, title
//! 97/97, byline 56/57, published 27/27, body word F1 0.96 against Readability's output.
//! Not measured yet: pages that are not articles (indexes, galleries), multi-article pages.

mod entities;
mod extract;
pub mod html;
mod meta;
pub mod page;
mod source_map;

pub use source_map::SourceMap;

use crate::contract::{InputKind, Metadata};

/// The article as the analysers see it.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// The text all offsets point into. For plain text, the input itself.
    pub text: String,
    /// True when it was read from markup.
    pub html: bool,
    /// HTML only.
    pub metadata: Metadata,
    /// Raw strings that state the article's own date, best first ("2024-01-09",
    /// "2024-01-09T06:00:00Z"): meta tags, `<time datetime>`, a first-line `date` header.
    pub date_hints: Vec<String>,
}

/// Reads `input` as `kind` says.
pub fn read(input: &str, kind: InputKind) -> Document {
    let html = match kind {
        InputKind::Text => false,
        InputKind::Html => true,
        InputKind::Auto => looks_like_html(input),
    };
    if html {
        read_html(input).0
    } else {
        read_plain(input)
    }
}

/// [`read`] of an owned input: plain text becomes the document's text without a copy (the
/// wasm layer hands over the string it received, which saves the input's size at the peak).
pub fn read_owned(input: String, kind: InputKind) -> Document {
    let html = match kind {
        InputKind::Text => false,
        InputKind::Html => true,
        InputKind::Auto => looks_like_html(&input),
    };
    if html {
        read_html(&input).0
    } else {
        let date_hints = plain_date_hints(&input);
        Document { text: input, html: false, metadata: Metadata::default(), date_hints }
    }
}

/// Reads a whole HTML page (or a fragment): the article body as text, the metadata, the
/// stated dates, and the map from text bytes back to `input` bytes.
pub fn read_html(input: &str) -> (Document, SourceMap) {
    let dom = html::parse(input);
    let page = meta::read(&dom, input);
    let title = page.metadata.title.clone().or(page.title_for_body.clone());
    let body = extract::extract(&dom, input, title.as_deref());
    let mut metadata = page.metadata;
    if metadata.byline.is_none() {
        metadata.byline = body.byline.clone().or_else(|| by_line(&body.text));
    }
    let document = Document { text: body.text, html: true, metadata, date_hints: page.date_hints };
    (document, body.map)
}

/// A "By Jane Doe" line among the first lines of the text.
fn by_line(text: &str) -> Option<String> {
    text.lines().take(6).find_map(|l| {
        let l = l.trim();
        let rest = l.strip_prefix("By ").or_else(|| l.strip_prefix("BY "))?;
        let rest = rest.trim();
        (rest.len() > 2 && rest.len() < 80 && rest.chars().next().is_some_and(char::is_uppercase)).then(|| rest.to_string())
    })
}

/// Plain text is analysed as it is; only the scrape convention of a first line
/// `date YYYY-MM-DD ...` is taken as the article's own date.
fn read_plain(input: &str) -> Document {
    let date_hints = plain_date_hints(input);
    Document { text: input.to_string(), html: false, metadata: Metadata::default(), date_hints }
}

fn plain_date_hints(input: &str) -> Vec<String> {
    let mut date_hints = Vec::new();
    if let Some(first) = input.lines().find(|l| !l.trim().is_empty()) {
        if let Some(rest) = first.trim().strip_prefix("date ") {
            if let Some(day) = rest.split_whitespace().next() {
                date_hints.push(day.to_string());
            }
        }
    }
    date_hints
}

/// Markup when the input, after leading space, opens with `<` and holds a tag the HTML
/// vocabulary knows (or a doctype / comment). "a < b" and "<3" stay text.
pub fn looks_like_html(input: &str) -> bool {
    // Plain text is told apart at its first visible char, before the lowercased copy of the
    // head and the tag search below (which cost ~1% of a whole annotate() per article).
    if input.chars().take(4096).find(|c| !c.is_whitespace()) != Some('<') {
        return false;
    }
    let head: String = input.chars().take(4096).collect::<String>().to_ascii_lowercase();
    if !head.trim_start().starts_with('<') {
        return false;
    }
    const TAGS: &[&str] = &[
        "<!doctype", "<html", "<head", "<body", "<p", "<div", "<article", "<main", "<section",
        "<span", "<a ", "<br", "<h1", "<h2", "<h3", "<h4", "<em", "<strong", "<b>", "<i>",
        "<ul", "<ol", "<li", "<blockquote", "<time", "<header", "<figure", "<table", "<!--",
        "<meta", "<title", "<script", "<style",
    ];
    TAGS.iter().any(|t| {
        head.match_indices(t).any(|(i, _)| {
            // The tag name must end here: "<p>" or "<p class" but not "<pre" for "<p".
            let after = head[i + t.len()..].chars().next();
            t.ends_with(' ') || t.ends_with('>') || t.starts_with("<!") || matches!(after, Some('>' | ' ' | '/' | '\n' | '\t' | '\r'))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_markup_but_not_comparisons() {
        assert!(looks_like_html("<p>Hello</p>"));
        assert!(looks_like_html("  <!DOCTYPE html><html>"));
        assert!(looks_like_html("<div class=x>Hi</div>"));
        assert!(!looks_like_html("a < b and c > d"));
        assert!(!looks_like_html("<3 love it"));
        assert!(!looks_like_html("Plain article text."));
    }

    #[test]
    fn plain_text_keeps_offsets_and_reads_the_date_line() {
        let doc = read(" date 2024-01-09 close_game\nTitle", InputKind::Auto);
        assert!(!doc.html);
        assert_eq!(doc.text, " date 2024-01-09 close_game\nTitle");
        assert_eq!(doc.date_hints, vec!["2024-01-09"]);
        let owned = read_owned(" date 2024-01-09 close_game\nTitle".to_string(), InputKind::Auto);
        assert_eq!((owned.text, owned.html, owned.date_hints), (doc.text, doc.html, doc.date_hints));
        let page = read_owned("<p>😀 Hi</p>".to_string(), InputKind::Auto);
        assert_eq!(page.text, read("<p>😀 Hi</p>", InputKind::Auto).text);
    }
}
