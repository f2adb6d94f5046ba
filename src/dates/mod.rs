//! Temporal expressions with TIMEX3 type and value, resolved against a reference date.
//!
//! (First skeleton; the grammar replaces this body.)

use crate::calendar::CivilDate;

/// The TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// One temporal expression: `text[start..end]` (bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    pub ty: TimexType,
    /// TIMEX3 value ("2023-12-30", "P3D", "PRESENT_REF", "XXXX-12-30" when unresolvable).
    pub value: String,
}

/// Finds the temporal expressions in `text`, resolving relative ones against `reference`.
pub fn find(text: &str, reference: Option<CivilDate>) -> Vec<Timex> {
    let _ = (text, reference);
    Vec::new()
}

/// Reads a publication date as pages and scrapes state it ("2024-01-09T06:00:00+05:30",
/// "Jan 09, 2024 06:00 AM IST", "date 2024-01-09 ...") and returns its calendar day.
pub fn parse_published(raw: &str) -> Option<CivilDate> {
    let raw = raw.trim();
    let raw = raw.strip_prefix("date ").unwrap_or(raw).trim_start();
    CivilDate::parse_iso(raw.get(..10)?)
}
