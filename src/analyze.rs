//! The pipeline: input -> [`Document`] -> tokens -> entities, dates -> quotes -> result.
//!
//! Everything here is in byte offsets into `Document::text`; [`Analysis::to_result`] is where
//! they become the contract's UTF-16 offsets (through [`crate::offsets`]).

use crate::calendar::CivilDate;
use crate::contract::{Annotation, AnnotationResult, Kind, Settings, Speaker};
use crate::dates::{self, Timex};
use crate::entities::{self, Mention};
use crate::error::Error;
use crate::offsets::Utf16Map;
use crate::quotes::{self, Quote};
use crate::text::{self, Document};
use crate::tokenize;

/// Inputs larger than this are refused with an error instead of tying up the page.
pub const MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;

/// How far into the text a stated date (a byline timestamp) is looked for when the input
/// gives no explicit date.
const HEADER_BYTES: usize = 1500;

/// One finding, in byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Entity(Mention),
    Quote(Quote),
    Date(Timex),
}

impl Item {
    pub fn span(&self) -> (usize, usize) {
        match self {
            Item::Entity(m) => (m.start, m.end),
            Item::Quote(q) => (q.start, q.end),
            Item::Date(t) => (t.start, t.end),
        }
    }

    pub fn kind(&self) -> Kind {
        match self {
            Item::Entity(_) => Kind::Entity,
            Item::Quote(_) => Kind::Quote,
            Item::Date(_) => Kind::Date,
        }
    }
}

/// The analysis of one input, before conversion to the contract.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub document: Document,
    pub reference_date: Option<CivilDate>,
    /// Sorted by start, longer first, then kind.
    pub items: Vec<Item>,
}

/// Runs the whole pipeline.
pub fn analyze(input: &str, settings: &Settings) -> Result<Analysis, Error> {
    check_size(input)?;
    let document = text::read(input, settings.input);
    Ok(analyze_document(document, settings))
}

/// [`analyze`] of an owned input: plain text is analysed in place, without a copy.
pub fn analyze_owned(input: String, settings: &Settings) -> Result<Analysis, Error> {
    check_size(&input)?;
    Ok(analyze_document(text::read_owned(input, settings.input), settings))
}

fn check_size(input: &str) -> Result<(), Error> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(Error::invalid_input(format!(
            "the input is {} bytes; the limit is {} bytes ({} MiB)",
            input.len(),
            MAX_INPUT_BYTES,
            MAX_INPUT_BYTES >> 20
        )));
    }
    Ok(())
}

/// Runs the analysers over an already-read document (the highlighter builds its own from
/// the live DOM).
pub fn analyze_document(document: Document, settings: &Settings) -> Analysis {
    let text = document.text.as_str();
    let reference_date = settings.reference_date.or_else(|| stated_date(&document));
    let kinds = settings.kinds;
    let tokens = tokenize::tokenize(text);

    let mut items = Vec::new();
    let mentions = if kinds.entity || kinds.quote { entities::find(text, &tokens) } else { Vec::new() };
    if kinds.quote {
        items.extend(quotes::find(text, &tokens, &mentions).into_iter().map(Item::Quote));
    }
    if kinds.entity {
        items.extend(mentions.into_iter().map(Item::Entity));
    }
    // The dates stage lexes the text itself: the tokens (24 bytes per token natively) need
    // not stay alive under its own per-token buffers (issue 9).
    drop(tokens);
    if kinds.date {
        items.extend(dates::find(text, reference_date).into_iter().map(Item::Date));
    }
    items.sort_by(|a, b| {
        let (sa, ea) = a.span();
        let (sb, eb) = b.span();
        sa.cmp(&sb).then(eb.cmp(&ea)).then(a.kind().cmp(&b.kind()))
    });
    Analysis { document, reference_date, items }
}

/// The date the article states about itself: a metadata hint, else the first full date
/// in its header lines (a byline timestamp such as "Jan 09, 2024 06:00 AM IST").
fn stated_date(document: &Document) -> Option<CivilDate> {
    if let Some(d) = document.date_hints.iter().find_map(|h| dates::parse_published(h)) {
        return Some(d);
    }
    let text = &document.text;
    let mut cut = text.len().min(HEADER_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    dates::find(&text[..cut], None)
        .into_iter()
        .find_map(|t| t.value.get(..10).and_then(CivilDate::parse_iso))
}

impl Analysis {
    /// The contract's result, with UTF-16 offsets.
    pub fn to_result(&self) -> AnnotationResult {
        let text = self.document.text.as_str();
        let map = Utf16Map::new(text);
        let annotations = self.items.iter().map(|item| to_annotation(item, text, &map)).collect();
        AnnotationResult {
            reference_date: self.reference_date.map(|d| d.to_string()),
            annotations,
            text: self.document.html.then(|| self.document.text.clone()),
            metadata: self.document.html.then(|| self.document.metadata.clone()),
        }
    }
}

/// A piece of the result as JSON, from [`Analysis::write_json`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonPart<'a> {
    /// The whole result with an empty `"annotations": []`; comes first.
    Skeleton(&'a str),
    /// A JSON array of the next annotations, in order.
    Annotations(&'a str),
}

impl Analysis {
    /// The result as one JSON string: byte for byte `serde_json::to_string(&self.to_result())`,
    /// without building the owned [`AnnotationResult`] first.
    pub fn to_json(&self) -> String {
        let mut skeleton = String::new();
        let mut list = String::new();
        self.write_json(usize::MAX, |part| match part {
            JsonPart::Skeleton(s) => skeleton.push_str(s),
            JsonPart::Annotations(s) => list.push_str(s),
        });
        match skeleton.find("\"annotations\":[]") {
            Some(at) => {
                let cut = at + "\"annotations\":".len();
                let mut out = String::with_capacity(skeleton.len() + list.len());
                out.push_str(&skeleton[..cut]);
                out.push_str(if list.is_empty() { "[]" } else { &list });
                out.push_str(&skeleton[cut + 2..]);
                out
            }
            None => skeleton,
        }
    }

    /// Writes the result as JSON straight from the items and the text (the same fields and
    /// escaping as serde_json gives [`Self::to_result`]): first the skeleton, then the
    /// annotations as arrays of about `chunk_bytes` of JSON each. The wasm layer parses each
    /// part as it comes, so neither the owned result (about 300 bytes per annotation
    /// natively) nor one JSON string of the whole result is ever held.
    pub fn write_json(&self, chunk_bytes: usize, mut sink: impl FnMut(JsonPart<'_>)) {
        let text = self.document.text.as_str();
        let mut out = String::with_capacity(256);
        out.push_str("{\"referenceDate\":");
        match self.reference_date {
            Some(d) => json_str(&mut out, &d.to_string()),
            None => out.push_str("null"),
        }
        out.push_str(",\"annotations\":[]");
        if self.document.html {
            out.push_str(",\"text\":");
            json_str(&mut out, text);
            let m = &self.document.metadata;
            out.push_str(",\"metadata\":{");
            for (i, (key, value)) in [("title", &m.title), ("byline", &m.byline), ("published", &m.published), ("language", &m.language)]
                .into_iter()
                .enumerate()
            {
                if i > 0 {
                    out.push(',');
                }
                out.push('"');
                out.push_str(key);
                out.push_str("\":");
                json_opt(&mut out, value.as_deref());
            }
            out.push('}');
        }
        out.push('}');
        sink(JsonPart::Skeleton(&out));
        if self.items.is_empty() {
            return;
        }
        let map = Utf16Map::new(text);
        out.clear();
        let chunk_bytes = chunk_bytes.max(1);
        for item in &self.items {
            out.push(if out.is_empty() { '[' } else { ',' });
            write_annotation(&mut out, item, text, &map);
            if out.len() >= chunk_bytes {
                out.push(']');
                sink(JsonPart::Annotations(&out));
                out.clear();
            }
        }
        if !out.is_empty() {
            out.push(']');
            sink(JsonPart::Annotations(&out));
        }
    }
}

/// One annotation as [`to_annotation`] + serde_json would write it.
fn write_annotation(out: &mut String, item: &Item, text: &str, map: &Utf16Map) {
    use std::fmt::Write;
    let (start, end) = item.span();
    let label = match item {
        Item::Entity(m) => m.label.as_str(),
        Item::Quote(_) => "QUOTE",
        Item::Date(t) => t.ty.as_str(),
    };
    out.push_str("{\"kind\":\"");
    out.push_str(item.kind().as_str());
    out.push_str("\",\"label\":");
    json_str(out, label);
    let _ = write!(out, ",\"start\":{},\"end\":{},\"text\":", map.to_utf16(start), map.to_utf16(end));
    json_str(out, text.get(start..end).unwrap_or(""));
    match item {
        Item::Entity(m) => {
            out.push_str(",\"entity\":");
            json_str(out, &m.entity);
        }
        Item::Quote(q) => {
            out.push_str(",\"speaker\":");
            match &q.speaker {
                None => out.push_str("null"),
                Some(s) => {
                    out.push_str("{\"text\":");
                    json_str(out, text.get(s.start..s.end).unwrap_or(""));
                    let _ = write!(out, ",\"start\":{},\"end\":{}", map.to_utf16(s.start), map.to_utf16(s.end));
                    if let Some(e) = &s.entity {
                        out.push_str(",\"entity\":");
                        json_str(out, e);
                    }
                    out.push('}');
                }
            }
            if let Some(cue) = &q.cue {
                out.push_str(",\"cue\":");
                json_str(out, cue);
            }
        }
        Item::Date(t) => {
            out.push_str(",\"value\":");
            json_str(out, &t.value);
        }
    }
    out.push('}');
}

fn json_opt(out: &mut String, value: Option<&str>) {
    match value {
        Some(v) => json_str(out, v),
        None => out.push_str("null"),
    }
}

/// `value` as a JSON string, escaped as serde_json does: `"`, `\\` and the control
/// characters below U+0020 (`\n`, `\t`, ..., else `\u00XX`); everything else as is.
fn json_str(out: &mut String, value: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let bytes = value.as_bytes();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape: &str = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        // `b` is ASCII, so `i` and `i + 1` are char boundaries.
        out.push_str(value.get(from..i).unwrap_or(""));
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        } else {
            out.push_str(escape);
        }
        from = i + 1;
    }
    out.push_str(value.get(from..).unwrap_or(""));
    out.push('"');
}

fn to_annotation(item: &Item, text: &str, map: &Utf16Map) -> Annotation {
    let (start, end) = item.span();
    let mut a = Annotation {
        kind: item.kind(),
        label: String::new(),
        start: map.to_utf16(start),
        end: map.to_utf16(end),
        text: text[start..end].to_string(),
        entity: None,
        speaker: None,
        cue: None,
        value: None,
    };
    match item {
        Item::Entity(m) => {
            a.label = m.label.as_str().to_string();
            a.entity = Some(m.entity.clone());
        }
        Item::Quote(q) => {
            a.label = "QUOTE".to_string();
            a.speaker = Some(q.speaker.as_ref().map(|s| Speaker {
                text: text[s.start..s.end].to_string(),
                start: map.to_utf16(s.start),
                end: map.to_utf16(s.end),
                entity: s.entity.clone(),
            }));
            a.cue = q.cue.clone();
        }
        Item::Date(t) => {
            a.label = t.ty.as_str().to_string();
            a.value = Some(t.value.clone());
        }
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::Options;

    fn analysis(input: &str, kind: &str) -> Analysis {
        let options = Options { input: Some(kind.into()), ..Options::default() };
        let settings = options.validate().expect("options");
        analyze(input, &settings).expect("analysis")
    }

    const NEWS: &str = "date 2024-01-09\n😀 Café — \"We will act,\" said Grant Shapps on December 30. \
        \"It\u{1}is\ttime\\now,\" he added.\r\nThe U.N. met in Geneva on Monday. \"Ends here";

    /// The wasm result is written straight from the items (no owned result, no serde): it
    /// must be byte for byte what serde_json made of `to_result()`, or the JS API changes.
    #[test]
    fn direct_json_is_serde_json_of_the_result() {
        let html = "<html><head><title>A \"quoted\" title</title><meta name=\"author\" content=\"Ann\u{7} Lee\">\
            <meta property=\"article:published_time\" content=\"2024-01-09T06:00:00Z\"></head>\
            <body><article><p>😀 é \"We will act,\" said Grant Shapps on Tuesday.</p><p>Paris &amp; Rome</p></article></body></html>";
        let seed = include_str!("../tests/data/seed-article.txt");
        let page = include_str!("../bench/samples/election-debate.html");
        for (input, kind) in [(NEWS, "text"), (html, "html"), (seed, "text"), (page, "auto"), ("", "text"), ("no findings here", "text"), ("\"\"\"", "text")] {
            let a = analysis(input, kind);
            let serde = serde_json::to_string(&a.to_result()).expect("serde");
            assert_eq!(a.to_json(), serde, "input {input:?}");
        }
    }

    /// The chunks, parsed and concatenated, are the whole list, whatever the chunk size.
    #[test]
    fn json_chunks_join_into_the_whole_list() {
        let a = analysis(&NEWS.repeat(3), "text");
        let whole: serde_json::Value = serde_json::from_str(&a.to_json()).expect("json");
        let all = whole["annotations"].as_array().expect("list").clone();
        assert!(all.len() > 6, "{all:?}");
        for chunk in [1, 100, 1 << 20] {
            let mut skeleton = None;
            let mut got = Vec::new();
            a.write_json(chunk, |part| match part {
                JsonPart::Skeleton(s) => skeleton = Some(serde_json::from_str::<serde_json::Value>(s).expect("skeleton")),
                JsonPart::Annotations(s) => {
                    assert!(skeleton.is_some(), "the skeleton comes first");
                    got.extend(serde_json::from_str::<Vec<serde_json::Value>>(s).expect("chunk"));
                }
            });
            assert_eq!(got, all, "chunk {chunk}");
            let mut rebuilt = skeleton.expect("skeleton");
            rebuilt["annotations"] = serde_json::Value::Array(got);
            assert_eq!(rebuilt, whole);
        }
    }

    /// Offsets in the direct JSON are UTF-16 and slice the text after an emoji and accents.
    #[test]
    fn direct_json_offsets_slice_the_text() {
        let a = analysis(NEWS, "text");
        let v: serde_json::Value = serde_json::from_str(&a.to_json()).expect("json");
        let units: Vec<u16> = NEWS.encode_utf16().collect();
        let list = v["annotations"].as_array().expect("list");
        assert!(list.iter().any(|x| x["speaker"]["text"] == "Grant Shapps"), "{list:?}");
        assert!(list.iter().any(|x| x["text"] == "December 30"), "{list:?}");
        for x in list.iter().chain(list.iter().map(|x| &x["speaker"]).filter(|s| s.is_object())) {
            let (s, e) = (x["start"].as_u64().expect("start") as usize, x["end"].as_u64().expect("end") as usize);
            assert_eq!(String::from_utf16_lossy(&units[s..e]), x["text"].as_str().expect("text"));
        }
    }
}
