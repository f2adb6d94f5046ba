#![cfg(not(target_arch = "wasm32"))]
//! Property tests (proptest) over random articles built from the pieces that break
//! annotators: names, quotation marks of every kind, apostrophes, dates, emoji, combining
//! marks, right-to-left overrides, NUL and control characters, and fragments of markup.
//!
//! 1. Whatever the input and however it is read, `annotate` returns a result, and every
//!    annotation keeps the promises checked in `fuzz/invariants.rs` (in range, on UTF-16
//!    boundaries, `text` == the slice of the analysed text, speakers likewise, labels from
//!    the contract, sorted).
//! 2. The same words wrapped in random inline markup (`<b>`, `<em>`, `<a href>`, `<span>`)
//!    and read as HTML give the same annotations (kind, label, text, value) as the plain text.
//!
//! A failing case is shrunk by proptest to a minimal input and printed; keep it as a named
//! regression test when the bug is fixed. The whole file runs in a few seconds in release.

#[path = "../fuzz/invariants.rs"]
mod invariants;

use article_annotator::{annotate, annotate_bytes, Options};
use proptest::prelude::*;

/// Pieces an article is assembled from; each is a plausible troublemaker.
const PIECES: &[&str] = &[
    // names, including non-ASCII ones and possessives
    "Vladimir Putin", "Putin", "Grant Shapps", "Joe Biden", "Biden's", "the United Nations",
    "London", "Reuters", "Microsoft Corp.", "\u{c9}lodie Durand", "S\u{e3}o Paulo", "東京",
    "Mr. Smith", "U.S.", "O'Brien", "McDonald's",
    // plain words and cues
    "said", "added", "told reporters", "according to", "the", "minister", "in", "on", "and",
    "we will act", "it's", "don't", "rock 'n' roll", "'90s",
    // quotation marks of every kind
    "\"", "\u{201c}", "\u{201d}", "\u{2018}", "\u{2019}", "'", "\u{ab}", "\u{bb}", "\u{201e}",
    "\u{2039}", "\u{203a}", "\u{300c}", "\u{300d}", "``", "''",
    // dates and times
    "December 30", "2023-12-30", "Jan 9, 2024", "last Tuesday", "3 days", "every week",
    "6:00 AM", "yesterday", "today", "the 1990s", "99999999999 years ago", "Q3 2024",
    // emoji, combining marks, bidi controls, invisibles
    "😀", "👩\u{200d}👩\u{200d}👧", "🇺🇦", "e\u{301}", "\u{301}", "a\u{308}\u{308}", "\u{1f3fd}",
    "\u{202e}", "\u{202c}", "\u{200f}", "\u{2066}", "\u{200b}", "\u{feff}",
    // NUL and control characters, odd line breaks
    "\0", "\u{1}", "\u{7f}", "\u{85}", "\u{2028}", "\r\n", "\r", "\t", "\n\n",
    // fragments of markup and references
    "<b>", "</b>", "<p>", "</p>", "<div", ">", "<", "&", "&amp;", "&#x1F600;", "&#xD800;",
    "&#0;", "&nbsp", "<!--", "-->", "<![CDATA[", "]]>", "<script>", "</script>", "<br/>",
    "<a href=\"x\">", "</a>", "<style>",
];

const SEPARATORS: &[&str] = &[" ", " ", " ", ", ", ". ", ": ", "\n", "", " \u{2014} "];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec((0..PIECES.len(), 0..SEPARATORS.len()), 0..40).prop_map(|parts| {
        let mut s = String::new();
        for (p, sep) in parts {
            s.push_str(PIECES[p]);
            s.push_str(SEPARATORS[sep]);
        }
        s
    })
}

fn options(input: &str, reference: bool) -> Options {
    Options {
        reference_date: reference.then(|| "2024-01-09".to_string()),
        input: Some(input.to_string()),
        ..Options::default()
    }
}

fn config() -> ProptestConfig {
    ProptestConfig { cases: 384, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    /// Invariants hold for every way of reading the input, with and without a reference date.
    #[test]
    fn every_annotation_lies_in_range_on_boundaries_and_quotes_its_slice(
        s in article(), kind in prop::sample::select(vec!["text", "html", "auto"]), reference in any::<bool>()
    ) {
        let r = annotate(&s, &options(kind, reference));
        prop_assert!(r.is_ok(), "refused: {:?}", r.err());
        let r = r.unwrap();
        if let Err(e) = invariants::check_all(&s, &r) {
            prop_assert!(false, "{}", e);
        }
        if kind == "text" {
            prop_assert!(r.text.is_none() && r.metadata.is_none());
        }
    }

    /// Arbitrary Unicode (not only the pieces above), including surrogate-adjacent planes.
    #[test]
    fn arbitrary_unicode_never_breaks_an_invariant(s in "\\PC{0,60}|[\\u{0}-\\u{ff}\\u{1F600}-\\u{1F64F}<>&\"'#;]{0,60}") {
        for kind in ["text", "html", "auto"] {
            let r = annotate(&s, &options(kind, true));
            prop_assert!(r.is_ok(), "{}: refused: {:?}", kind, r.err());
            if let Err(e) = invariants::check_all(&s, &r.unwrap()) {
                prop_assert!(false, "{}: {}", kind, e);
            }
        }
    }

    /// Arbitrary bytes: UTF-8 gives a result, anything else an error naming the offset.
    #[test]
    fn arbitrary_bytes_give_a_result_or_a_clear_error(bytes in prop::collection::vec(any::<u8>(), 0..80)) {
        match (std::str::from_utf8(&bytes), annotate_bytes(&bytes, &options("auto", true))) {
            (Ok(s), Ok(r)) => {
                if let Err(e) = invariants::check_all(s, &r) {
                    prop_assert!(false, "{}", e);
                }
            }
            (Err(u), Err(e)) => {
                prop_assert!(e.is_invalid_input());
                let offset = format!("offset {}", u.valid_up_to());
                prop_assert!(e.message().contains("UTF-8") && e.message().contains(&offset), "{}", e);
            }
            (Ok(_), Err(e)) => prop_assert!(false, "valid UTF-8 refused: {}", e),
            (Err(_), Ok(_)) => prop_assert!(false, "invalid UTF-8 accepted"),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Plain text against the same words in inline markup.

/// Words for the markup property: everything of [`PIECES`] that is text (no markup, no
/// NUL or CR, which HTML reading may legitimately replace or normalise).
const WORDS: &[&str] = &[
    "Vladimir Putin", "Putin", "Grant Shapps", "Joe Biden", "Biden's", "the United Nations",
    "London", "Reuters", "Microsoft Corp.", "\u{c9}lodie Durand", "S\u{e3}o Paulo", "東京",
    "Mr. Smith", "U.S.", "O'Brien", "said", "added", "told reporters", "according to", "the",
    "minister", "in", "on", "we will act", "it's", "\"", "\u{201c}", "\u{201d}", "\u{2018}",
    "\u{2019}", "'", "\u{ab}", "\u{bb}", "December 30", "2023-12-30", "Jan 9, 2024",
    "last Tuesday", "3 days", "every week", "6:00 AM", "yesterday", "😀", "e\u{301}", "\u{202e}",
    "\u{202c}", "a & b", "x < y", "1 > 0",
];

const INLINE: &[(&str, &str)] = &[
    ("<b>", "</b>"),
    ("<em>", "</em>"),
    ("<a href=\"https://example.com/?a=1&amp;b=2\">", "</a>"),
    ("<span class=\"x\">", "</span>"),
    ("<i>", "</i>"),
    ("<strong>", "</strong>"),
];

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// One word list, rendered as plain text and as `<p>` markup where random runs of words are
/// wrapped in properly nested inline elements (tags touch the words, spaces stay outside).
#[derive(Debug, Clone)]
struct Wrapped {
    plain: String,
    html: String,
}

fn wrapped() -> impl Strategy<Value = Wrapped> {
    prop::collection::vec((0..WORDS.len(), 0..3usize, 0..INLINE.len(), 0..3usize, 0..4usize), 1..30)
        .prop_map(|parts| {
            let seps = [" ", ", ", ". "];
            let mut plain = String::new();
            let mut html = String::from("<p>");
            let mut open: Vec<usize> = Vec::new();
            let last = parts.len() - 1;
            for (i, (w, opens, tag, closes, sep)) in parts.into_iter().enumerate() {
                for k in 0..opens {
                    let t = (tag + k) % INLINE.len();
                    html.push_str(INLINE[t].0);
                    open.push(t);
                }
                plain.push_str(WORDS[w]);
                html.push_str(&escape(WORDS[w]));
                for _ in 0..closes {
                    if let Some(t) = open.pop() {
                        html.push_str(INLINE[t].1);
                    }
                }
                if i < last {
                    let sep = seps[sep % seps.len()];
                    plain.push_str(sep);
                    html.push_str(sep);
                }
            }
            while let Some(t) = open.pop() {
                html.push_str(INLINE[t].1);
            }
            html.push_str("</p>");
            Wrapped { plain, html }
        })
}

type Key = (String, String, String, Option<String>);

fn keys(input: &str, kind: &str) -> Result<Vec<Key>, String> {
    let r = annotate(input, &options(kind, true)).map_err(|e| e.to_string())?;
    invariants::check_all(input, &r)?;
    Ok(r.annotations
        .into_iter()
        .map(|a| (a.kind.as_str().to_string(), a.label, a.text, a.value))
        .collect())
}

proptest! {
    #![proptest_config(config())]

    /// The highlighter annotates live pages, where a name is often inside `<a>` or `<b>`:
    /// inline markup must not change what is found.
    #[test]
    fn inline_markup_does_not_change_the_annotations(w in wrapped()) {
        let plain = keys(&w.plain, "text");
        let html = keys(&w.html, "html");
        prop_assert!(plain.is_ok(), "{:?}", plain);
        prop_assert!(html.is_ok(), "{:?}", html);
        prop_assert_eq!(plain.unwrap(), html.unwrap(), "plain {:?} vs html {:?}", w.plain, w.html);
    }
}

/// The markup property on one fixed case, so a failure here names the words plainly.
#[test]
fn a_name_in_a_link_is_found_as_in_plain_text() {
    let plain = "😀 Caf\u{e9} owner Vladimir Putin said on December 30: \u{201c}We will act.\u{201d}";
    let html = "<p>😀 Caf&eacute; owner <a href=\"/putin\"><b>Vladimir</b> Putin</a> said on \
                <em>December 30</em>: \u{201c}We <span>will</span> act.\u{201d}</p>";
    assert_eq!(keys(plain, "text").unwrap(), keys(html, "html").unwrap());
}
