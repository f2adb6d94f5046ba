//! The public shapes other pages and tools rely on (design.md, contracts 1 and 2).
//!
//! These are the only types with UTF-16 offsets: everything inside the crate works in UTF-8
//! byte offsets, and [`crate::offsets`] converts at the edge. Field names are camelCase on the
//! wire, as the contract fixes them.

use serde::{Deserialize, Serialize};

use crate::calendar::CivilDate;
use crate::error::Error;

/// One highlighted thing: an entity mention, a quotation or a temporal expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Annotation {
    /// `"entity"`, `"quote"` or `"date"`.
    pub kind: Kind,
    /// PER/ORG/LOC/MISC for entities, QUOTE for quotes, DATE/TIME/DURATION/SET for dates.
    pub label: String,
    /// UTF-16 code units into the analysed text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// Exactly `text.slice(start, end)`.
    pub text: String,
    /// Entities: the canonical name of what the mention refers to in this article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// Quotes only: the mention the words are attributed to, or `null` when nobody is named.
    /// (`None` = the field is absent, for entities and dates; `Some(None)` = `null`.)
    #[serde(default, skip_serializing_if = "Option::is_none", with = "nullable")]
    pub speaker: Option<Option<Speaker>>,
    /// Quotes: the reporting verb or phrase ("said", "according to").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// Dates: the TIMEX3 value ("2023-12-30", "P3D", "PRESENT_REF").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// The speaker of a quotation, as it appears in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Speaker {
    pub text: String,
    pub start: usize,
    pub end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
}

/// What an annotation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Entity,
    Quote,
    Date,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Entity => "entity",
            Kind::Quote => "quote",
            Kind::Date => "date",
        }
    }
}

/// Facts about an HTML page, each `null` when the page does not state it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Metadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    /// The publication date or time as the page states it, normalised to ISO 8601 where it
    /// could be read.
    pub published: Option<String>,
    pub language: Option<String>,
}

/// The answer to one `annotate` call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnnotationResult {
    /// "YYYY-MM-DD": the option, else the date the article states, else `null`.
    pub reference_date: Option<String>,
    /// Sorted by start, then longer first.
    pub annotations: Vec<Annotation>,
    /// HTML input only: the article text the offsets point into.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// HTML input only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
}

/// How to read the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputKind {
    Text,
    Html,
    /// HTML when the input looks like markup (a known tag or a doctype), else text.
    #[default]
    Auto,
}

impl InputKind {
    pub fn parse(value: &str) -> Result<Self, Error> {
        match value {
            "text" => Ok(InputKind::Text),
            "html" => Ok(InputKind::Html),
            "auto" => Ok(InputKind::Auto),
            other => Err(Error::invalid_option(format!(
                "input must be \"text\", \"html\" or \"auto\", not {other:?}"
            ))),
        }
    }
}

/// The options of `annotate`, as JavaScript and the CLI pass them. All optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Options {
    /// "YYYY-MM-DD"; anything else is an error that names the value.
    #[serde(default)]
    pub reference_date: Option<String>,
    /// A subset of ["entity", "quote", "date"]; absent means all three.
    #[serde(default)]
    pub kinds: Option<Vec<String>>,
    /// "text", "html" or "auto" (the default).
    #[serde(default)]
    pub input: Option<String>,
}

/// Which kinds of annotation to report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kinds {
    pub entity: bool,
    pub quote: bool,
    pub date: bool,
}

impl Default for Kinds {
    fn default() -> Self {
        Kinds { entity: true, quote: true, date: true }
    }
}

impl Kinds {
    pub fn contains(&self, kind: Kind) -> bool {
        match kind {
            Kind::Entity => self.entity,
            Kind::Quote => self.quote,
            Kind::Date => self.date,
        }
    }
}

/// [`Options`] after checking: what the pipeline runs with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Settings {
    pub reference_date: Option<CivilDate>,
    pub kinds: Kinds,
    pub input: InputKind,
}

impl Options {
    /// Checks every option and names the first bad value.
    pub fn validate(&self) -> Result<Settings, Error> {
        let reference_date = match &self.reference_date {
            None => None,
            Some(s) => Some(CivilDate::parse_iso(s).ok_or_else(|| {
                Error::invalid_option(format!(
                    "referenceDate must be a calendar date written YYYY-MM-DD, not {s:?}"
                ))
            })?),
        };
        let kinds = match &self.kinds {
            None => Kinds::default(),
            Some(list) => {
                let mut kinds = Kinds { entity: false, quote: false, date: false };
                for k in list {
                    match k.as_str() {
                        "entity" => kinds.entity = true,
                        "quote" => kinds.quote = true,
                        "date" => kinds.date = true,
                        other => {
                            return Err(Error::invalid_option(format!(
                                "kinds may hold \"entity\", \"quote\" and \"date\", not {other:?}"
                            )))
                        }
                    }
                }
                kinds
            }
        };
        let input = match &self.input {
            None => InputKind::Auto,
            Some(s) => InputKind::parse(s)?,
        };
        Ok(Settings { reference_date, kinds, input })
    }
}

/// serde helper: `Option<Option<T>>` where the outer `None` skips the field and `Some(None)`
/// is written as `null`.
mod nullable {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(
        value: &Option<Option<T>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(inner) => inner.serialize(serializer),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Ok(Some(Option::<T>::deserialize(deserializer)?))
    }
}
