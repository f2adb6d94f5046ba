#![cfg(not(target_arch = "wasm32"))]
//! The command-line tool as a user meets it: formats, options, and failures that must be one
//! line on stderr with a non-zero exit, never a panic.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn annotate(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_annotate"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the annotate binary runs");
    // The tool may exit (on a bad option) before reading its input.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn assert_one_line_error(out: &Output, needle: &str) {
    assert!(!out.status.success(), "should fail: {out:?}");
    let err = stderr(out);
    assert_eq!(err.trim_end().lines().count(), 1, "one line on stderr, got {err:?}");
    assert!(err.starts_with("annotate: "), "{err:?}");
    assert!(err.contains(needle), "stderr {err:?} should mention {needle:?}");
    assert!(!err.contains("panicked"), "{err:?}");
}

#[test]
fn json_result_has_the_contract_shape() {
    let out = annotate(&["--reference-date", "2024-01-09"], "Nothing to see.".as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["referenceDate"], "2024-01-09");
    assert!(v["annotations"].is_array());
    // Plain text input: no text/metadata echo.
    assert!(v.get("text").is_none());
}

#[test]
fn empty_input_gives_an_empty_result() {
    let out = annotate(&[], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["annotations"], serde_json::json!([]));
    assert_eq!(v["referenceDate"], serde_json::Value::Null);
}

#[test]
fn invalid_utf8_is_one_line_naming_the_byte() {
    let out = annotate(&[], b"Caf\xe9 in Paris");
    assert_one_line_error(&out, "not UTF-8");
    assert!(stderr(&out).contains("0xe9"));
}

#[test]
fn unreadable_file_is_one_line_naming_the_file() {
    let out = annotate(&["/nonexistent/article.txt"], b"");
    assert_one_line_error(&out, "/nonexistent/article.txt");
    let dir = std::env::temp_dir();
    let out = annotate(&[dir.to_str().unwrap()], b"");
    assert_one_line_error(&out, dir.to_str().unwrap());
}

#[test]
fn bad_options_are_one_line_naming_the_value() {
    assert_one_line_error(&annotate(&["--reference-date", "2024-13-45"], b"x"), "2024-13-45");
    assert_one_line_error(&annotate(&["--reference-date", "yesterday"], b"x"), "yesterday");
    assert_one_line_error(&annotate(&["--format", "xml"], b"x"), "xml");
    assert_one_line_error(&annotate(&["--input", "pdf"], b"x"), "pdf");
    assert_one_line_error(&annotate(&["--kinds", "entity,people"], b"x"), "people");
    assert_one_line_error(&annotate(&["--frobnicate"], b"x"), "--frobnicate");
    assert_one_line_error(&annotate(&["--format"], b"x"), "--format");
}

#[test]
fn jsonl_answers_each_line_with_its_id() {
    let input = concat!(
        r#"{"id": "a", "text": "First article.", "referenceDate": "2024-01-09"}"#, "\n",
        "\n",
        r#"{"id": 7, "text": "<p>Second <b>article</b>.</p>"}"#, "\n",
    );
    let out = annotate(&["--format", "jsonl"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["referenceDate"], "2024-01-09");
    assert_eq!(lines[1]["id"], 7);
    // HTML input echoes the text the offsets point into, and its metadata.
    assert!(lines[1]["text"].as_str().unwrap().contains("Second article"));
    assert!(lines[1]["metadata"].is_object());
}

#[test]
fn jsonl_reports_a_bad_line_and_goes_on() {
    let input = "{\"id\": 1, \"text\": \"ok\"}\nnot json\n{\"id\": 3, \"text\": \"ok\", \"referenceDate\": \"2024-02-30\"}\n{\"id\": 4, \"text\": \"ok\"}\n";
    let out = annotate(&["--format", "jsonl"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("line 2"), "{err}");
    assert!(err.contains("line 3") && err.contains("2024-02-30"), "{err}");
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
}

#[test]
fn html_format_escapes_the_article() {
    let text = "<script>alert(1)</script> Tom & \"Jerry\" <img src=x onerror=alert(1)>";
    let out = annotate(&["--format", "html", "--input", "text"], text.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(!page.contains("<script>alert"), "article text must be escaped");
    assert!(!page.contains("<img src=x"), "article text must be escaped");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn help_and_version_succeed() {
    let out = annotate(&["--help"], b"");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("--reference-date"));
    let out = annotate(&["--version"], b"");
    assert!(out.status.success());
}

/// The output page without its marks: every `<mark ...>` and `</mark>` taken out.
fn strip_marks(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(i) = rest.find("<mark") {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let close = after.find('>').expect("a mark's start tag is closed");
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out.replace("</mark>", "")
}

/// Marks are closed within the parent they open in: between a `<mark` and its `</mark>`
/// there is only text and other (nested, closed) marks, never another tag.
fn assert_marks_well_nested(page: &str) {
    let mut depth = 0usize;
    let mut rest = page;
    while let Some(i) = rest.find('<') {
        let tag = &rest[i..];
        if tag.starts_with("<mark ") {
            depth += 1;
        } else if tag.starts_with("</mark>") {
            assert!(depth > 0, "a </mark> without its <mark> at {tag:.80}");
            depth -= 1;
        } else {
            assert_eq!(depth, 0, "a tag inside a mark: {tag:.80}");
        }
        rest = &tag[1..];
    }
    assert_eq!(depth, 0, "a mark left open");
}

const CSP_META: &str =
    "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'; object-src 'none'\">";

/// Issue 7 follow-up: `--format html` on HTML input shows the ORIGINAL page (its own
/// elements and CSS) with marks on the source text, not the page's source code escaped.
/// A name split by `<em>`, a quote across a link, `&amp;`, an emoji before a name.
#[test]
fn html_input_renders_the_original_page_with_marks() {
    let src = "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Floods</title>\
        <style>p{color:#222}</style><script>document.write('x')</script></head>\n<body>\
        <article><h1>Floods</h1>\
        <p class=\"lead\">😀 Café owners met Minister <em>Grant</em> Shapps in London on Tuesday.</p>\
        <p>\"We will <a href=\"/plan\" onclick=\"steal()\">act</a>,\" Grant Shapps said.</p>\
        <p>Shares in Marks &amp; Spencer rose.<img src=\"x.png\" onerror=\"alert(1)\"></p>\
        </article></body></html>\n";
    let out = annotate(&["--format", "html", "--input", "html", "--reference-date", "2024-01-09"], src.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let page = String::from_utf8(out.stdout).unwrap();

    // Safe to open: no script, no handler, a CSP first in <head>.
    assert!(!page.contains("<script"), "{page}");
    assert!(!page.contains("onerror=") && !page.contains("onclick="), "{page}");
    assert!(page.starts_with(&format!("<!DOCTYPE html>\n<html lang=\"en\"><head>{CSP_META}")), "{page}");
    assert!(page.contains("mark[data-kind]"), "the marks' style: {page}");

    // The page's own elements and CSS are still there.
    for own in ["<title>Floods</title>", "<style>p{color:#222}</style>", "<p class=\"lead\">", "<a href=\"/plan\">", "<img src=\"x.png\">"] {
        assert!(page.contains(own), "{own} missing from {page}");
    }

    // The name split by <em>: one mark per text run, inside and after the <em>.
    let per = "<mark data-kind=\"entity\" data-label=\"PER\" data-entity=\"Grant Shapps\" title=\"PER: Grant Shapps\">";
    assert!(page.contains(&format!("<em>{per}Grant</mark></em>{per} Shapps</mark> in")), "{page}");
    // The emoji and é before "London" do not shift its mark.
    assert!(page.contains(">London</mark> on"), "{page}");
    // The quote across the link: marks before, inside and after the <a>.
    let quote = "<mark data-kind=\"quote\" data-label=\"QUOTE\" data-speaker=\"Grant Shapps\" title=\"QUOTE: Grant Shapps\">";
    assert!(page.contains(&format!("{quote}\"We will </mark><a href=\"/plan\">{quote}act</mark></a>{quote},\"</mark>")), "{page}");
    // The reference is marked whole, never cut.
    assert!(page.contains("data-entity=\"Marks &amp; Spencer\" title=\"ORG: Marks &amp; Spencer\">Marks &amp; Spencer</mark>"), "{page}");

    // Well-formed: marks close in the parent they open in; without them, the page is the
    // source minus its script and handlers, plus the head markup.
    assert_marks_well_nested(&page);
    let head_end = page.find("</style>").unwrap() + "</style>".len();
    let expected = src
        .replace("<script>document.write('x')</script>", "")
        .replace(" onclick=\"steal()\"", "")
        .replace(" onerror=\"alert(1)\"", "")
        .replace("<head>", &format!("<head>{}", &page["<!DOCTYPE html>\n<html lang=\"en\"><head>".len()..head_end]));
    assert_eq!(strip_marks(&page), expected);
}

/// A fragment without <head>: one is created, CSP first; `javascript:` URLs and SVG
/// scripts go; marks never land in an attribute, a comment or a <title>.
#[test]
fn html_fragment_gets_a_head_and_loses_script_urls() {
    let src = "<p title=\"Angela Merkel\">Angela Merkel <!-- Angela Merkel --> visited \
               <a href=\" java\tscript:alert(1)\">Paris</a>.<svg><script>alert(2)</script></svg></p>";
    let out = annotate(&["--format", "html", "--input", "html"], src.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.starts_with(&format!("<head>{CSP_META}")), "{page}");
    assert!(page.contains("</head><p title=\"Angela Merkel\">"), "no mark in the attribute: {page}");
    assert!(page.contains("<!-- Angela Merkel -->"), "no mark in the comment: {page}");
    let lower = page.to_ascii_lowercase();
    assert!(!lower.contains("<script") && !lower.contains("javascript") && !lower.contains("alert"), "{page}");
    assert!(page.contains("<a>"), "the href went, the link stayed: {page}");
    assert_marks_well_nested(&page);
}
