//! Direct quotations and who said them.
//!
//! (First skeleton; quotation pairing and attribution replace this body.)

use crate::entities::Mention;
use crate::tokenize::Token;

/// The mention a quotation is attributed to: `text[start..end]` (bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerRef {
    pub start: usize,
    pub end: usize,
    /// Canonical name when the speaker is (or refers to) a named entity.
    pub entity: Option<String>,
}

/// One direct quotation, its span including the quotation marks (bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    pub speaker: Option<SpeakerRef>,
    /// The reporting verb or phrase: "said", "added", "according to".
    pub cue: Option<String>,
}

/// Finds the direct quotations in `text` and attributes them, using the entity mentions.
pub fn find(text: &str, tokens: &[Token], mentions: &[Mention]) -> Vec<Quote> {
    let _ = (text, tokens, mentions);
    Vec::new()
}
