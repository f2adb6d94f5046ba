//! The pipeline: input -> [`Document`] -> tokens -> entities, dates -> quotes -> result.
//!
//! Everything here is in byte offsets into `Document::text`; [`Analysis::to_result`] is where
//! they become the contract's UTF-16 offsets (through [`crate::offsets`]).
//!
//! Cost (session 5, per warm call of the seed article, callgrind through
//! `node bench/callgrind.mjs --copies 1 --repeat 11`): the three analysers' lists are merged
//! (`merge_items`; the stable sort of the concatenated big items cost ~11.5K of the total).
//! [`Analysis::to_result`] went 78.9K -> 75.0K (offsets looked up on from the last one, each
//! annotation built whole, the reference date written without `fmt`). What is left there is
//! mostly glibc malloc: ~237 allocations (~40K natively) for the contract's owned `String`s
//! (label, text, entity/value, speaker, cue: three or more per annotation) while
//! `to_result` borrows the analysis. Not done yet: a consuming `into_result(self)` would move
//! the entity/value/cue strings instead of copying them (~80 fewer allocations), but
//! `lib.rs`, the bench stage names and the highlighter call `to_result(&self)`.

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

    let mentions = if kinds.entity || kinds.quote { entities::find(text, &tokens) } else { Vec::new() };
    let mut lists: [Vec<Item>; 3] = Default::default();
    if kinds.quote {
        lists[0] = quotes::find(text, &tokens, &mentions).into_iter().map(Item::Quote).collect();
    }
    if kinds.entity {
        lists[1] = mentions.into_iter().map(Item::Entity).collect();
    }
    // The dates stage lexes the text itself: the tokens (24 bytes per token natively) need
    // not stay alive under its own per-token buffers (issue 9).
    drop(tokens);
    if kinds.date {
        lists[2] = dates::find(text, reference_date).into_iter().map(Item::Date).collect();
    }
    Analysis { document, reference_date, items: merge_items(lists) }
}

/// The order of [`Analysis::items`]: by start, longer first, then kind.
fn item_order(a: &Item, b: &Item) -> std::cmp::Ordering {
    let (sa, ea) = a.span();
    let (sb, eb) = b.span();
    // `then_with`: the ends and kinds are looked at only when the starts tie.
    sa.cmp(&sb).then_with(|| eb.cmp(&ea)).then_with(|| a.kind().cmp(&b.kind()))
}

/// The quotes, entities and dates in [`item_order`]: exactly what a stable sort of the three
/// lists one after another gives. Each analyser returns its list in that order already, so
/// they are merged (each item moved once; the stable sort of the big items cost ~24K
/// instructions per warm seed call); a list out of order falls back to the sort.
fn merge_items(lists: [Vec<Item>; 3]) -> Vec<Item> {
    use std::cmp::Ordering::Greater;
    // (`windows`, not `is_sorted_by`: the crate's rust-version is 1.80.)
    if !lists.iter().all(|l| l.windows(2).all(|p| !matches!(p, [a, b] if item_order(a, b) == Greater))) {
        let mut items: Vec<Item> = lists.into_iter().flatten().collect();
        items.sort_by(item_order);
        return items;
    }
    let mut items = Vec::with_capacity(lists.iter().map(Vec::len).sum());
    let mut its = lists.map(Vec::into_iter);
    let mut heads: [Option<Item>; 3] = [its[0].next(), its[1].next(), its[2].next()];
    loop {
        // The first list's head among the least (the items of two lists never tie: their
        // kinds differ; within a list, order is kept).
        let mut best: Option<(usize, &Item)> = None;
        for (i, head) in heads.iter().enumerate() {
            let Some(head) = head else { continue };
            if best.map_or(true, |(_, least)| item_order(head, least) == std::cmp::Ordering::Less) {
                best = Some((i, head));
            }
        }
        let Some((i, _)) = best else { return items };
        let (Some(head), Some(it)) = (heads.get_mut(i), its.get_mut(i)) else { return items };
        let next = it.next();
        if let Some(item) = std::mem::replace(head, next) {
            items.push(item);
        }
    }
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

/// The labels in the order of their codes in [`Analysis::write_compact`] (the wasm layer's
/// JavaScript holds the same list; a browser test checks the objects it builds against
/// serde's JSON of [`Analysis::to_result`]).
pub const COMPACT_LABELS: [&str; 9] = ["PER", "ORG", "LOC", "MISC", "QUOTE", "DATE", "TIME", "DURATION", "SET"];

/// Header bits of an annotation in [`Analysis::write_compact`].
pub const COMPACT_SPEAKER: u32 = 1 << 8;
pub const COMPACT_SPEAKER_ENTITY: u32 = 1 << 9;
pub const COMPACT_CUE: u32 = 1 << 10;

impl Analysis {
    /// The contract's result, with UTF-16 offsets.
    pub fn to_result(&self) -> AnnotationResult {
        let text = self.document.text.as_str();
        let map = Utf16Map::new(text);
        // The items are sorted by start: their offsets are looked up on from the last one.
        let mut hint = 0;
        let annotations = self.items.iter().map(|item| to_annotation(item, text, &map, &mut hint)).collect();
        AnnotationResult {
            reference_date: self.reference_date.map(CivilDate::to_iso),
            annotations,
            text: self.document.html.then(|| self.document.text.clone()),
            metadata: self.document.html.then(|| self.document.metadata.clone()),
        }
    }

    /// The result as JSON with an empty `"annotations": []` (the first part of
    /// [`Self::write_json`]).
    pub fn skeleton_json(&self) -> String {
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
        out
    }

    /// The annotations in a compact form for the wasm layer, which builds the JS objects from
    /// it with object literals (about 8x cheaper in V8 than `JSON.parse` of the same objects,
    /// and no UTF-8 decoding of the texts: they are sliced from the JS input).
    ///
    /// Per annotation, `u32` words: a header (`kind` 0 entity, 1 quote, 2 date in bits 0-1;
    /// the label's index in [`COMPACT_LABELS`] in bits 2-5; [`COMPACT_SPEAKER`],
    /// [`COMPACT_SPEAKER_ENTITY`], [`COMPACT_CUE`]), `start`, `end` (UTF-16), then for an
    /// entity the UTF-16 length of its canonical name; for a quote the speaker's start and end
    /// and the length of its entity name, and the length of the cue, each when present; for a
    /// date the length of its value. The strings themselves follow one another in `strings`,
    /// in the same order. `sink` gets the words and strings of about `chunk_words` words at a
    /// time, so a 5 MB article's result never sits in wasm memory whole.
    pub fn write_compact(&self, chunk_words: usize, mut sink: impl FnMut(&[u32], &str)) {
        if self.items.is_empty() {
            return;
        }
        let text = self.document.text.as_str();
        let map = Utf16Map::new(text);
        let chunk_words = chunk_words.max(1);
        let mut words: Vec<u32> = Vec::with_capacity(chunk_words.min(self.items.len() * 6));
        let mut strings = String::new();
        let utf16 = |at: usize| u32::try_from(map.to_utf16(at)).unwrap_or(u32::MAX);
        let string = |words: &mut Vec<u32>, strings: &mut String, s: &str| {
            words.push(s.encode_utf16().count() as u32);
            strings.push_str(s);
        };
        for item in &self.items {
            let (start, end) = item.span();
            let (kind, label) = match item {
                Item::Entity(m) => (0, m.label.as_str()),
                Item::Quote(_) => (1, "QUOTE"),
                Item::Date(t) => (2, t.ty.as_str()),
            };
            let code = COMPACT_LABELS.iter().position(|&l| l == label).unwrap_or(0) as u32;
            let head = words.len();
            words.extend([kind | code << 2, utf16(start), utf16(end)]);
            match item {
                Item::Entity(m) => string(&mut words, &mut strings, &m.entity),
                Item::Quote(q) => {
                    let mut flags = 0;
                    if let Some(s) = &q.speaker {
                        flags |= COMPACT_SPEAKER;
                        words.extend([utf16(s.start), utf16(s.end)]);
                        if let Some(e) = &s.entity {
                            flags |= COMPACT_SPEAKER_ENTITY;
                            string(&mut words, &mut strings, e);
                        }
                    }
                    if let Some(cue) = &q.cue {
                        flags |= COMPACT_CUE;
                        string(&mut words, &mut strings, cue);
                    }
                    if let Some(h) = words.get_mut(head) {
                        *h |= flags;
                    }
                }
                Item::Date(t) => string(&mut words, &mut strings, &t.value),
            }
            if words.len() >= chunk_words || strings.len() >= chunk_words * 4 {
                sink(&words, &strings);
                words.clear();
                strings.clear();
            }
        }
        if !words.is_empty() {
            sink(&words, &strings);
        }
    }
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


/// One annotation, built whole in each arm (no default first, then fields overwritten).
fn to_annotation(item: &Item, text: &str, map: &Utf16Map, hint: &mut usize) -> Annotation {
    let (start, end) = item.span();
    let (start16, end16) = (map.to_utf16_from(hint, start), map.to_utf16_from(hint, end));
    let slice = |s: usize, e: usize| text.get(s..e).unwrap_or("").to_string();
    match item {
        Item::Entity(m) => Annotation {
            kind: Kind::Entity,
            label: m.label.as_str().to_string(),
            start: start16,
            end: end16,
            text: slice(start, end),
            entity: Some(m.entity.clone()),
            speaker: None,
            cue: None,
            value: None,
        },
        Item::Quote(q) => Annotation {
            kind: Kind::Quote,
            label: "QUOTE".to_string(),
            start: start16,
            end: end16,
            text: slice(start, end),
            entity: None,
            speaker: Some(q.speaker.as_ref().map(|s| Speaker {
                text: slice(s.start, s.end),
                start: map.to_utf16(s.start),
                end: map.to_utf16(s.end),
                entity: s.entity.clone(),
            })),
            cue: q.cue.clone(),
            value: None,
        },
        Item::Date(t) => Annotation {
            kind: Kind::Date,
            label: t.ty.as_str().to_string(),
            start: start16,
            end: end16,
            text: slice(start, end),
            entity: None,
            speaker: None,
            cue: None,
            value: Some(t.value.clone()),
        },
    }
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

    /// Decodes [`Analysis::write_compact`]'s chunks as `src/annotations.js` does (the format's
    /// specification, in Rust), slicing the texts from the analysed text by UTF-16 offsets.
    fn decode_compact(a: &Analysis, chunk_words: usize) -> Vec<Annotation> {
        let units: Vec<u16> = a.document.text.encode_utf16().collect();
        let slice = |s: u32, e: u32| String::from_utf16_lossy(units.get(s as usize..e as usize).expect("offsets in the text"));
        let mut out = Vec::new();
        a.write_compact(chunk_words, |words, strings| {
            assert!(words.len() < chunk_words.max(1) + 12, "a chunk of {} words for {chunk_words}", words.len());
            let strings: Vec<u16> = strings.encode_utf16().collect();
            let (mut w, mut p) = (0, 0);
            let mut next = |w: &mut usize| {
                let q = p + words[*w] as usize;
                *w += 1;
                let s = String::from_utf16_lossy(&strings[p..q]);
                p = q;
                s
            };
            while w + 2 < words.len() {
                let (head, start, end) = (words[w], words[w + 1], words[w + 2]);
                w += 3;
                let mut x = Annotation {
                    kind: [Kind::Entity, Kind::Quote, Kind::Date][(head & 3) as usize],
                    label: COMPACT_LABELS[(head >> 2 & 15) as usize].to_string(),
                    start: start as usize,
                    end: end as usize,
                    text: slice(start, end),
                    entity: None,
                    speaker: None,
                    cue: None,
                    value: None,
                };
                match x.kind {
                    Kind::Entity => x.entity = Some(next(&mut w)),
                    Kind::Date => x.value = Some(next(&mut w)),
                    Kind::Quote => {
                        x.speaker = Some(None);
                        if head & COMPACT_SPEAKER != 0 {
                            let (s, e) = (words[w], words[w + 1]);
                            w += 2;
                            let entity = (head & COMPACT_SPEAKER_ENTITY != 0).then(|| next(&mut w));
                            x.speaker = Some(Some(Speaker { text: slice(s, e), start: s as usize, end: e as usize, entity }));
                        }
                        if head & COMPACT_CUE != 0 {
                            x.cue = Some(next(&mut w));
                        }
                    }
                }
                out.push(x);
            }
            assert_eq!(w, words.len(), "a chunk ends with an annotation");
        });
        out
    }

    fn inputs() -> Vec<(String, &'static str)> {
        let html = "<html><head><title>A \"quoted\" title</title><meta name=\"author\" content=\"Ann\u{7} Lee\">\
            <meta property=\"article:published_time\" content=\"2024-01-09T06:00:00Z\"></head>\
            <body><article><p>😀 é \"We will act,\" said Grant Shapps on Tuesday.</p><p>Paris &amp; Rome</p></article></body></html>";
        let seed = include_str!("../tests/data/seed-article.txt");
        let page = include_str!("../bench/samples/election-debate.html");
        [(NEWS, "text"), (html, "html"), (seed, "text"), (page, "auto"), ("", "text"), ("no findings here", "text"), ("\"\"\"", "text")]
            .into_iter()
            .map(|(i, k)| (i.to_string(), k))
            .collect()
    }

    /// The wasm result is built from the skeleton and the compact form (no owned result, no
    /// serde): together they must be exactly what serde made of `to_result()`, or the JS API
    /// changes.
    /// The merge of the three lists is the stable sort of them one after another, also when
    /// a list comes out of order (guards the merge: it trusts each analyser's order).
    #[test]
    fn merged_items_are_the_stable_sort() {
        for (input, kind) in inputs() {
            let a = analysis(&input, kind);
            let mut lists: [Vec<Item>; 3] = Default::default();
            for item in &a.items {
                lists[item.kind() as usize].push(item.clone());
            }
            let mut want: Vec<Item> = lists.iter().flatten().cloned().collect();
            want.sort_by(item_order);
            assert_eq!(a.items, want, "input {input:?}");
            lists[1].reverse();
            lists[2].reverse();
            assert_eq!(merge_items(lists), want, "reversed lists of {input:?}");
        }
    }

    /// The reference date is written as `CivilDate`'s `Display` does, at the edges of the
    /// fast path too (a wrong pad would shift every client's "referenceDate").
    #[test]
    fn iso_date_is_display() {
        for (year, month, day) in [(2024, 1, 9), (0, 1, 1), (7, 12, 31), (999, 10, 10), (9999, 9, 30), (10000, 1, 1), (-1, 2, 3), (2024, 100, 200)] {
            let d = CivilDate { year, month, day };
            assert_eq!(d.to_iso(), d.to_string());
        }
    }

    #[test]
    fn skeleton_and_compact_form_are_the_result() {
        for (input, kind) in inputs() {
            let a = analysis(&input, kind);
            let mut want = a.to_result();
            assert_eq!(decode_compact(&a, 1 << 16), want.annotations, "input {input:?}");
            want.annotations.clear();
            assert_eq!(a.skeleton_json(), serde_json::to_string(&want).expect("serde"), "input {input:?}");
        }
    }

    /// Chunked, the compact form is still the whole list, in order, whatever the chunk size.
    #[test]
    fn compact_chunks_join_into_the_whole_list() {
        let a = analysis(&format!("\"Nobody is named as the one who says this.\"\n\n{NEWS}\n\n").repeat(3), "text");
        let all = a.to_result().annotations;
        assert!(all.len() > 6, "{all:?}");
        assert!(all.iter().any(|x| x.speaker.as_ref().is_some_and(|s| s.as_ref().is_some_and(|s| s.entity.is_some()))), "{all:?}");
        assert!(all.iter().any(|x| x.speaker == Some(None)), "a quote without a speaker: {all:?}");
        for chunk in [0, 1, 5, 17, 1 << 20] {
            assert_eq!(decode_compact(&a, chunk), all, "chunk {chunk}");
        }
    }

    /// Offsets in the compact form are UTF-16 and slice the text after an emoji and accents.
    #[test]
    fn compact_offsets_slice_the_text() {
        let a = analysis(NEWS, "text");
        let list = decode_compact(&a, 1 << 16);
        assert!(list.iter().any(|x| x.speaker.as_ref().is_some_and(|s| s.as_ref().is_some_and(|s| s.text == "Grant Shapps"))), "{list:?}");
        let date = list.iter().find(|x| x.text == "December 30").expect("the date");
        let units: Vec<u16> = NEWS.encode_utf16().collect();
        assert_eq!(String::from_utf16_lossy(&units[date.start..date.end]), "December 30");
        assert!(date.start < NEWS.find("December").expect("in the text"), "UTF-16 offsets are below byte offsets here");
    }
}
