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
    if input.len() > MAX_INPUT_BYTES {
        return Err(Error::invalid_input(format!(
            "the input is {} bytes; the limit is {} bytes ({} MiB)",
            input.len(),
            MAX_INPUT_BYTES,
            MAX_INPUT_BYTES >> 20
        )));
    }
    let document = text::read(input, settings.input);
    Ok(analyze_document(document, settings))
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
