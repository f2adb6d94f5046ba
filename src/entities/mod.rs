//! Named entities: people (PER), organisations (ORG), places (LOC) and other names (MISC).
//!
//! (First skeleton; the statistical model replaces this body.)

use crate::tokenize::Token;

/// The CoNLL-2003 entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityLabel {
    Per,
    Org,
    Loc,
    Misc,
}

impl EntityLabel {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Per => "PER",
            EntityLabel::Org => "ORG",
            EntityLabel::Loc => "LOC",
            EntityLabel::Misc => "MISC",
        }
    }
}

/// One entity mention: `text[start..end]` (bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub label: EntityLabel,
    /// Canonical name of what it refers to in this article ("Putin" -> "Vladimir Putin").
    pub entity: String,
}

/// Finds the entity mentions in `text`, given its tokens.
pub fn find(text: &str, tokens: &[Token]) -> Vec<Mention> {
    let _ = (text, tokens);
    Vec::new()
}
