//! `annotate`: the command-line build of the core (design.md, contract 3).
//!
//! ```text
//! annotate [--format json|jsonl|html] [--input text|html|auto]
//!          [--reference-date YYYY-MM-DD] [--kinds entity,quote,date] [FILE | -]
//! ```
//!
//! Every failure is one line on stderr and a non-zero exit; nothing panics on user input.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use article_annotator::offsets::Utf16Map;
use article_annotator::text::{self, page::Mark};
use article_annotator::{annotate_bytes, Annotation, AnnotationResult, Error, Options};
use serde::Deserialize;

const USAGE: &str = "usage: annotate [--format json|jsonl|html] [--input text|html|auto] \
[--reference-date YYYY-MM-DD] [--kinds entity,quote,date] [FILE | -]";

const HELP: &str = "annotate: finds people, organisations, places, direct quotations and dates in a news article.

usage: annotate [OPTIONS] [FILE | -]

Reads FILE (or standard input when FILE is - or absent) and prints the annotations.

options:
  --format json      one JSON result for the whole input (default)
  --format jsonl     every input line is {\"id\", \"text\", \"referenceDate\"?};
                     every output line is {\"id\", \"referenceDate\", \"annotations\", ...}
  --format html      a standalone HTML page with the annotations highlighted; for HTML
                     input, the original page with marks, its scripts removed
  --input MODE       text, html or auto (default: auto, markup when it looks like markup)
  --reference-date D the date relative expressions resolve against (YYYY-MM-DD);
                     default: the date the article states, if any
  --kinds LIST       comma-separated subset of entity,quote,date (default: all)
  -h, --help         this help
  -V, --version      the version

Offsets are UTF-16 code units into the analysed text, end exclusive.";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Jsonl,
    Html,
}

struct Args {
    format: Format,
    options: Options,
    file: Option<String>,
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(message) => {
            let _ = writeln!(io::stderr(), "annotate: {}", one_line(&message));
            ExitCode::from(2)
        }
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut format = Format::Json;
    let mut options = Options::default();
    let mut file = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            inline.clone().or_else(|| args.next()).ok_or_else(|| format!("{name} needs a value; {USAGE}"))
        };
        match flag.as_str() {
            "-h" | "--help" => {
                println!("{HELP}");
                return Ok(None);
            }
            "-V" | "--version" => {
                println!("annotate {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            "--format" => {
                format = match value("--format")?.as_str() {
                    "json" => Format::Json,
                    "jsonl" => Format::Jsonl,
                    "html" => Format::Html,
                    other => return Err(format!("--format must be json, jsonl or html, not {other:?}")),
                }
            }
            "--input" => options.input = Some(value("--input")?),
            "--reference-date" => options.reference_date = Some(value("--reference-date")?),
            "--kinds" => {
                options.kinds = Some(
                    value("--kinds")?.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
                )
            }
            "-" => file = Some("-".to_string()),
            f if f.starts_with('-') => return Err(format!("unknown option {f:?}; {USAGE}")),
            _ => {
                if file.is_some() {
                    return Err(format!("more than one input file given ({arg:?}); {USAGE}"));
                }
                file = Some(arg);
            }
        }
    }
    // Check the options once, before reading anything.
    options.validate().map_err(|e| e.to_string())?;
    Ok(Some(Args { format, options, file }))
}

fn read_input(file: Option<&str>) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    match file {
        None | Some("-") => io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io("standard input", &e).to_string())?,
        Some(path) => {
            let mut f = std::fs::File::open(path).map_err(|e| Error::io(path, &e).to_string())?;
            f.read_to_end(&mut bytes).map_err(|e| Error::io(path, &e).to_string())?
        }
    };
    Ok(bytes)
}

fn run() -> Result<ExitCode, String> {
    let Some(args) = parse_args()? else { return Ok(ExitCode::SUCCESS) };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.format == Format::Jsonl {
        return run_jsonl(&args, &mut out);
    }
    let bytes = read_input(args.file.as_deref())?;
    let result = annotate_bytes(&bytes, &args.options).map_err(|e| input_error(&args, &e))?;
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &result).map_err(|e| e.to_string())?;
            writeln!(out).map_err(|e| e.to_string())?;
        }
        Format::Html => {
            // annotate_bytes succeeded, so the input is UTF-8.
            let input = String::from_utf8_lossy(&bytes);
            let text = result.text.as_deref().unwrap_or(&input);
            out.write_all(render_page(text, &input, &result).as_bytes()).map_err(|e| e.to_string())?;
        }
        Format::Jsonl => unreachable!("handled above"),
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

fn input_error(args: &Args, e: &Error) -> String {
    match args.file.as_deref() {
        Some(path) if path != "-" => format!("{path}: {e}"),
        _ => e.to_string(),
    }
}

/// One line of `--format jsonl` input.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct JsonlInput {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    reference_date: Option<String>,
}

/// Annotates every line; a bad line is reported on stderr (with its line number) and the
/// others go on; the exit code is 1 when any line failed.
fn run_jsonl(args: &Args, out: &mut impl Write) -> Result<ExitCode, String> {
    let bytes = read_input(args.file.as_deref())?;
    let mut failed = 0usize;
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_no = n + 1;
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let parsed: Result<JsonlInput, String> = std::str::from_utf8(line)
            .map_err(|e| format!("not UTF-8 at byte {}", e.valid_up_to()))
            .and_then(|s| serde_json::from_str(s).map_err(|e| e.to_string()));
        let outcome = parsed.and_then(|item| {
            let mut options = args.options.clone();
            if item.reference_date.is_some() {
                options.reference_date = item.reference_date.clone();
            }
            article_annotator::annotate(&item.text, &options)
                .map(|r| (item.id, r))
                .map_err(|e| e.to_string())
        });
        match outcome {
            Ok((id, result)) => {
                let mut obj = serde_json::Map::new();
                obj.insert("id".into(), id);
                let value = serde_json::to_value(&result).map_err(|e| e.to_string())?;
                if let serde_json::Value::Object(fields) = value {
                    obj.extend(fields);
                }
                serde_json::to_writer(&mut *out, &obj).map_err(|e| e.to_string())?;
                writeln!(out).map_err(|e| e.to_string())?;
            }
            Err(message) => {
                failed += 1;
                let name = args.file.as_deref().filter(|f| *f != "-").unwrap_or("standard input");
                eprintln!("annotate: {name}: line {line_no}: {}", one_line(&message));
            }
        }
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Every character from the article and its metadata goes through this (the library's one
/// HTML escaper).
fn escape(s: &str, out: &mut String) {
    article_annotator::text::page::escape_into(s, out);
}

/// A standalone page with the findings highlighted. For HTML input (`result.text`
/// present) it is the ORIGINAL page, its own markup and CSS, with `<mark>`s around the
/// source text of each finding and nothing left that runs (see [`source_page`]); for plain
/// text, the text with nested `<mark>`s, every character from the article escaped.
fn render_page(text: &str, source: &str, result: &AnnotationResult) -> String {
    if result.text.is_some() {
        if let Some(page) = source_page(source, result) {
            return page;
        }
    }
    text_page(text, result)
}

/// The data attributes and tooltip of one finding's marks (the same names the browser
/// highlighter uses).
fn mark_attrs(a: &Annotation) -> Vec<(String, String)> {
    let mut attrs = vec![("data-kind".to_string(), a.kind.as_str().to_string()), ("data-label".to_string(), a.label.clone())];
    let mut title = a.label.clone();
    for (attr, v) in [
        ("data-entity", a.entity.clone()),
        ("data-value", a.value.clone()),
        ("data-speaker", a.speaker.clone().flatten().map(|s| s.entity.unwrap_or(s.text))),
    ] {
        if let Some(v) = v {
            title.push_str(": ");
            title.push_str(&v);
            attrs.push((attr.to_string(), v));
        }
    }
    attrs.push(("title".to_string(), title));
    attrs
}

/// HTML input: the source page re-read for its map, each annotation moved from UTF-16
/// units of the article text to its bytes, and [`text::page::highlight_page`] writing the
/// page back with marks, without scripts, handlers or script URLs, and with a CSP first in
/// `<head>`. `None` when the re-read text is not the text the annotations point into
/// (cannot happen for the same input; the caller then falls back to the text page).
fn source_page(source: &str, result: &AnnotationResult) -> Option<String> {
    let (doc, map) = text::read_html(source);
    if result.text.as_deref() != Some(doc.text.as_str()) {
        return None;
    }
    let to_bytes = Utf16Map::new(&doc.text);
    let marks: Vec<Mark> = result
        .annotations
        .iter()
        .map(|a| Mark { start: to_bytes.to_byte(a.start), end: to_bytes.to_byte(a.end), attrs: mark_attrs(a) })
        .collect();
    let head = format!("<style>\n{SOURCE_PAGE_STYLE}</style>");
    Some(text::page::highlight_page(source, &map, &marks, &head))
}

/// Plain text: the text with nested `<mark>`s, every character from the article and its
/// metadata escaped.
fn text_page(text: &str, result: &AnnotationResult) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let slice = |a: usize, b: usize| String::from_utf16_lossy(&units[a.min(units.len())..b.min(units.len())]);
    let title = result
        .metadata
        .as_ref()
        .and_then(|m| m.title.clone())
        .unwrap_or_else(|| "Annotated article".to_string());
    let mut page = String::with_capacity(text.len() * 2 + 4096);
    page.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    escape(&title, &mut page);
    page.push_str("</title>\n<style>\n");
    page.push_str(PAGE_STYLE);
    page.push_str("</style>\n</head>\n<body>\n<h1>");
    escape(&title, &mut page);
    page.push_str("</h1>\n<p class=\"ref\">Reference date: ");
    escape(result.reference_date.as_deref().unwrap_or("none"), &mut page);
    if let Some(m) = &result.metadata {
        for (label, v) in [("Byline", &m.byline), ("Published", &m.published), ("Language", &m.language)] {
            if let Some(v) = v {
                page.push_str(" · ");
                page.push_str(label);
                page.push_str(": ");
                escape(v, &mut page);
            }
        }
    }
    page.push_str("</p>\n<div class=\"article\">");

    // Nest marks: sorted by start, longer first; one that would cross its parent's end is
    // clipped there.
    let mut anns: Vec<_> = result.annotations.iter().collect();
    anns.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut stack: Vec<usize> = Vec::new(); // end offsets of open marks
    let mut pos = 0usize;
    for a in anns {
        while let Some(&end) = stack.last() {
            if end <= a.start {
                escape(&slice(pos, end), &mut page);
                page.push_str("</mark>");
                pos = end;
                stack.pop();
            } else {
                break;
            }
        }
        let end = stack.last().map_or(a.end, |&top| a.end.min(top));
        if a.start < pos || end <= a.start {
            continue;
        }
        escape(&slice(pos, a.start), &mut page);
        pos = a.start;
        page.push_str("<mark");
        for (name, v) in mark_attrs(a) {
            page.push(' ');
            page.push_str(&name);
            page.push_str("=\"");
            escape(&v, &mut page);
            page.push('"');
        }
        page.push('>');
        stack.push(end);
    }
    while let Some(end) = stack.pop() {
        escape(&slice(pos, end), &mut page);
        page.push_str("</mark>");
        pos = end;
    }
    escape(&slice(pos, units.len()), &mut page);
    page.push_str("</div>\n</body>\n</html>\n");
    page
}

/// The label colours both pages share.
macro_rules! mark_colours {
    () => {
        "mark[data-label=PER]{background:#cfe3ff}
mark[data-label=ORG]{background:#ffe0b3}
mark[data-label=LOC]{background:#d4f0d0}
mark[data-label=MISC]{background:#ead9f7}
mark[data-kind=quote]{background:#fff5c2;border-bottom:2px solid #c9a800}
mark[data-kind=date]{background:#ffd6de}
"
    };
}

const PAGE_STYLE: &str = concat!(
    "body{font:17px/1.6 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;color:#1b1b1b}
.article{white-space:pre-wrap}
.ref{color:#555;font:14px system-ui,sans-serif}
mark{background:none;border-radius:2px;padding:0 1px}
",
    mark_colours!()
);

/// The marks on the original page: only `mark[data-kind]`, so the page's own marks keep
/// their look; colours as on the text page, text colour left to the page.
const SOURCE_PAGE_STYLE: &str = concat!(
    "mark[data-kind]{background:none;color:inherit;border-radius:2px;padding:0 1px}
",
    mark_colours!()
);
