#![cfg(not(target_arch = "wasm32"))]
//! Reading whole HTML pages (issue 7): body extraction, metadata, and the alignment from
//! the article text back to the source bytes. Fixtures are in `tests/data/html/`.

use article_annotator::offsets::Utf16Map;
use article_annotator::text::page::{highlight_page, Mark, CSP};
use article_annotator::text::{html, read, read_html, SourceMap};
use article_annotator::{annotate, InputKind, Options};

const PAGE: &str = include_str!("data/html/page.html");

fn html_options() -> Options {
    Options { input: Some("html".into()), ..Options::default() }
}

/// UTF-16 slice, as JavaScript's `String.prototype.slice`.
fn js_slice(s: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = s.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap()
}

#[test]
fn whole_page_body_leaves_out_navigation_scripts_and_comments() {
    let (doc, _) = read_html(PAGE);
    let text = &doc.text;
    assert!(text.contains("Café owners in York 🌊 & Leeds said on Tuesday"), "{text}");
    assert!(text.contains("Residents — many of them elderly — were moved"), "{text}");
    for junk in ["Home", "Share on Facebook", "Related stories", "First!", "All rights reserved", "Not article text", "color: red", "Jane Doe"] {
        assert!(!text.contains(junk), "{junk:?} leaked into {text:?}");
    }
    // Paragraphs end sentences; <br> is a line break; whitespace collapsed.
    assert!(text.contains("this winter, flooding dozens of homes.\n\n\"We will act,\""), "{text:?}");
    assert!(text.contains("Grant Shapps said.\nThe Environment Agency"), "{text:?}");
    assert!(!text.contains("  "), "{text:?}");
}

#[test]
fn metadata_from_meta_tags_and_byline_element() {
    let (doc, _) = read_html(PAGE);
    let m = &doc.metadata;
    assert_eq!(m.title.as_deref(), Some("Minister pledges action on floods"));
    assert_eq!(m.byline.as_deref(), Some("By Jane Doe"));
    assert_eq!(m.published.as_deref(), Some("2024-01-09T06:00:00+00:00"));
    assert_eq!(m.language.as_deref(), Some("en-GB"));
    assert_eq!(doc.date_hints.first().map(String::as_str), Some("2024-01-09T06:00:00+00:00"));
}

#[test]
fn title_without_site_suffix_when_no_meta_title() {
    let src = "<html><head><title>Floods close the A64 again after heavy rain | The Daily Example</title></head>\
               <body><p>Text.</p></body></html>";
    let (doc, _) = read_html(src);
    assert_eq!(doc.metadata.title.as_deref(), Some("Floods close the A64 again after heavy rain"));
}

#[test]
fn json_ld_gives_title_byline_and_date() {
    let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
      "headline":"Storm Henk batters the south","datePublished":"2024-01-02T10:00:00Z",
      "author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chan"}]}</script></head>
      <body><p>Storm Henk brought winds of 90mph.</p></body></html>"#;
    let (doc, _) = read_html(src);
    assert_eq!(doc.metadata.title.as_deref(), Some("Storm Henk batters the south"));
    assert_eq!(doc.metadata.byline.as_deref(), Some("Ann Lee, Bo Chan"));
    assert_eq!(doc.metadata.published.as_deref(), Some("2024-01-02T10:00:00Z"));
}

/// The published date is the reference date when no option gives one.
#[test]
fn published_date_becomes_the_reference_date() {
    let result = annotate(PAGE, &html_options()).unwrap();
    assert_eq!(result.reference_date.as_deref(), Some("2024-01-09"));
    let with_option = annotate(PAGE, &Options { reference_date: Some("2020-05-05".into()), ..html_options() }).unwrap();
    assert_eq!(with_option.reference_date.as_deref(), Some("2020-05-05"));
}

/// Offsets of every annotation slice the returned text, with an emoji, `é` and `&amp;`
/// before the spans (the emoji-shifts-everything bug).
#[test]
fn annotation_offsets_slice_the_returned_text() {
    let result = annotate(PAGE, &html_options()).unwrap();
    let text = result.text.as_deref().expect("HTML results carry their text");
    assert!(!result.annotations.is_empty());
    for a in &result.annotations {
        assert_eq!(js_slice(text, a.start, a.end), a.text, "{a:?}");
    }
}

/// The source map sends each text range back to the source bytes that produced it.
#[test]
fn source_map_round_trips_to_the_original_bytes() {
    let (doc, map) = read_html(PAGE);
    let text = &doc.text;
    for word in ["Grant Shapps", "York", "Leeds", "River Ouse", "Environment Agency", "elderly"] {
        let start = text.find(word).unwrap();
        let (s, e) = map.to_source(start, start + word.len());
        assert_eq!(&PAGE[s..e], word, "{word}");
    }
    // A decoded reference maps to the whole reference.
    let cafe = text.find("Café").unwrap();
    let (s, e) = map.to_source(cafe, cafe + "Café".len());
    assert_eq!(&PAGE[s..e], "Caf&eacute;");
    let amp = text.find('&').unwrap();
    let (s, e) = map.to_source(amp, amp + 1);
    assert_eq!(&PAGE[s..e], "&amp;");
    // Every text byte maps inside the source.
    assert_eq!(map.text_len(), text.len());
    let (s, e) = map.to_source(0, text.len());
    assert!(s < e && e <= PAGE.len());
}

#[test]
fn fragment_input_keeps_everything_and_maps_back() {
    let src = "<p>😀 Jos&eacute; Mar&iacute;a   Aznar met <b>Angela\n Merkel</b> in Madrid.</p>";
    let (doc, map) = read_html(src);
    assert_eq!(doc.text, "😀 José María Aznar met Angela Merkel in Madrid.");
    let i = doc.text.find("Angela Merkel").unwrap();
    let (s, e) = map.to_source(i, i + "Angela Merkel".len());
    assert_eq!(&src[s..e], "Angela\n Merkel");
    let i = doc.text.find("Madrid").unwrap();
    assert_eq!(map.to_source(i, i + 6), (src.find("Madrid").unwrap(), src.find("Madrid").unwrap() + 6));
}

/// Malformed markup, hostile references and very deep nesting: no panic, no stack overflow.
#[test]
fn hostile_markup_never_panics() {
    let deep = "<div>".repeat(100_000) + "<p>Deep text here, with commas, and more words to score.</p>";
    let (doc, _) = read_html(&deep);
    assert!(doc.text.contains("Deep text here"));
    let cases = [
        "", "<", "</", "<!", "<!--", "<?", "<a", "<a href=\"", "&", "&#", "&#x", "&#0;&#x110000;&#xD800;",
        "<p>unclosed <b>bold <i>both</p> after", "<table><td>cell<p>para</table>", "<svg><![CDATA[x<y]]></svg>",
        "<![CDATA[ not cdata ]]>", "\0<p>\0nul\0</p>", "<script>never closed", "<title>t", "<p>é</p\u{e9}>",
        "<plaintext><p>literal", "</br>", "<p>a</p></p></p>", "<textarea><p>&amp;</textarea>",
    ];
    for c in cases {
        let (doc, map) = read_html(c);
        assert_eq!(map.text_len(), doc.text.len(), "{c:?}");
        let _ = annotate(c, &html_options()).unwrap();
    }
    let (doc, _) = read_html("<p>&#0;&#x110000;&#xD800;&#x80;</p>");
    assert_eq!(doc.text, "\u{fffd}\u{fffd}\u{fffd}\u{20ac}");
}

/// Linear cost: a large page is read quickly (a quadratic scan would take minutes).
#[test]
fn large_input_stays_linear() {
    let para = "<div class=\"x\"><p>Word, word and <a href=\"#\">link</a> &amp; more text.</p></div>\n";
    let big = para.repeat(40_000); // ~3 MB
    let started = std::time::Instant::now();
    let (doc, _) = read_html(&big);
    assert!(doc.text.len() > 1_000_000);
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    let unclosed = "<b>".repeat(50_000) + &"</i>".repeat(50_000);
    let _ = html::parse(&unclosed);
}

/// Plain text keeps its offsets and the scrape conventions of the seed.
#[test]
fn plain_text_still_reads_the_date_line() {
    let src = "date 2024-01-09 close_game\nByMaria Lopez\nJan 09, 2024 06:00 AM IST\nText.";
    let doc = read(src, InputKind::Auto);
    assert!(!doc.html);
    assert_eq!(doc.text, src);
    assert_eq!(doc.date_hints, vec!["2024-01-09"]);
    let _unused: Option<SourceMap> = None;
}

/// Every annotation of the fixture page as marks on its source.
fn marked_page(src: &str) -> String {
    let result = annotate(src, &html_options()).unwrap();
    let (doc, map) = read_html(src);
    assert_eq!(result.text.as_deref(), Some(doc.text.as_str()));
    let units = Utf16Map::new(&doc.text);
    let marks: Vec<Mark> = result
        .annotations
        .iter()
        .map(|a| Mark {
            start: units.to_byte(a.start),
            end: units.to_byte(a.end),
            attrs: vec![("data-label".into(), a.label.clone())],
        })
        .collect();
    highlight_page(src, &map, &marks, "")
}

fn strip_marks(page: &str) -> String {
    let mut out = String::new();
    let mut rest = page;
    while let Some(i) = rest.find("<mark ") {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        rest = &rest[rest.find('>').unwrap() + 1..];
    }
    out.push_str(rest);
    out.replace("</mark>", "")
}

/// Issue 7 follow-up: the highlighted page is the source page with marks inserted. Bugs
/// guarded: marks inside tags, references or the head; text changed by the marking; marks
/// that close in another parent (the browser would then re-nest the rest of the page).
#[test]
fn highlighted_page_is_the_source_with_marks_on_text_runs_only() {
    let page = marked_page(PAGE);
    assert!(page.matches("<mark ").count() >= 5, "{page}");
    // The text is untouched: without marks, the page is the source minus its script, plus
    // the head markup.
    let head = format!("{CSP}<meta charset=\"utf-8\">");
    let head_at = PAGE.find("<head>").unwrap() + "<head>".len();
    let mut expected = format!("{}{head}{}", &PAGE[..head_at], &PAGE[head_at..]);
    let script = expected.find("<script>").unwrap();
    let script_end = expected.find("</script>").unwrap() + "</script>".len();
    expected.replace_range(script..script_end, "");
    assert_eq!(strip_marks(&page), expected);
    // Between a mark and its end tag: only text and nested marks.
    let mut depth = 0i32;
    for (i, _) in page.match_indices('<') {
        let tag = &page[i..];
        if tag.starts_with("<mark ") {
            depth += 1;
        } else if tag.starts_with("</mark>") {
            depth -= 1;
            assert!(depth >= 0);
        } else {
            assert_eq!(depth, 0, "a tag inside a mark: {:.60}", tag);
        }
    }
    assert_eq!(depth, 0);
    // Nothing marked in the head (title, meta) and no reference cut.
    let body = page.find("<body").unwrap();
    assert!(!page[..body].contains("<mark"), "{page}");
    for (i, _) in page.match_indices("<mark ") {
        let before = &page[..i];
        let amp = before.rfind('&').unwrap_or(0);
        assert!(before[amp..].contains(';') || before[amp..].contains(' ') || amp == 0, "mark inside a reference: {:.40}", &page[amp..]);
    }
}

/// Hostile markup through the page writer: no panic, marks stay well nested, no script.
#[test]
fn highlighted_page_survives_hostile_markup() {
    let cases = [
        "", "<", "<p>Angela Merkel", "<script>never closed Angela Merkel", "<p>Angela Merkel<script",
        "<table>Angela Merkel<tr><td>Angela Merkel</td></tr></table>", "<svg><text>Angela Merkel</text></svg>",
        "<title>Angela Merkel</title><p>Angela Merkel met Emmanuel Macron.</p>",
        "<textarea>Angela Merkel</textarea>", "<p>Angela <b>Merkel <i>and</b> Emmanuel</i> Macron</p>",
        "<plaintext>Angela Merkel <p>", "\u{feff}<!-- x --><!doctype html><p>😀 Angela Merkel &amp Co</p>",
        "<p>Angela&nbsp;Merkel &#x1F600; Emmanuel&#32;Macron</p>",
    ];
    for c in cases {
        let page = marked_page(c);
        assert!(!page.to_ascii_lowercase().contains("<script"), "{c:?} -> {page}");
        assert!(page.contains(CSP), "{c:?} -> {page}");
        assert_eq!(page.matches("<mark ").count(), page.matches("</mark>").count(), "{c:?} -> {page}");
        for inert in ["<title>Angela Merkel</title>", "<textarea>Angela Merkel</textarea>", "<text>Angela Merkel</text>"] {
            if c.contains(inert) {
                assert!(page.contains(inert), "{c:?} -> {page}");
            }
        }
    }
}

/// Linear cost: marking every word of a 1.5 MB page takes well under the time a quadratic
/// scan would.
#[test]
fn highlighted_page_stays_linear() {
    let para = "<div class=\"x\"><p>Word, <em>word</em> and <a href=\"#\" onclick=\"x()\">link</a> &amp; more.</p></div>\n";
    let big = para.repeat(20_000);
    let (doc, map) = read_html(&big);
    let marks: Vec<Mark> = doc
        .text
        .match_indices("word and link")
        .map(|(i, w)| Mark { start: i, end: i + w.len(), attrs: Vec::new() })
        .collect();
    assert_eq!(marks.len(), 20_000);
    let started = std::time::Instant::now();
    let page = highlight_page(&big, &map, &marks, "");
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    assert_eq!(page.matches("<mark>").count(), 60_000);
    assert!(!page.contains("onclick"));
}
