//! The invariants every `annotate` result must satisfy, whatever the input.
//!
//! One checker shared by the fuzz targets (`fuzz/fuzz_targets/*.rs`) and the native tests
//! (`tests/robustness.rs`, `tests/properties.rs`), which include this file with
//! `#[path = "../fuzz/invariants.rs"] mod invariants;` so that a crash found by the fuzzer and
//! a property test check exactly the same promises:
//!
//! - `start < end <= length of the analysed text` in UTF-16 code units (an empty mark is a
//!   bug the highlighter would show as nothing, or choke on);
//! - neither offset falls between the two halves of a surrogate pair (an emoji);
//! - `text` is exactly `analysed.slice(start, end)`, where the analysed text is
//!   `result.text` for HTML input and the input itself otherwise; speakers likewise;
//! - labels come from the contract's sets and the kind-specific fields sit on their kind only;
//! - annotations are sorted by start, then longer first, with no exact duplicates.
//!
//! [`check`] returns a message naming the first broken promise and the annotation, so a fuzz
//! crash or a failing property says what is wrong, not just that something is.

#![allow(dead_code)]

use article_annotator::{Annotation, AnnotationResult, Kind};

/// The text the result's offsets point into: `result.text` for HTML, else the input.
pub fn analysed_text<'a>(input: &'a str, result: &'a AnnotationResult) -> &'a str {
    result.text.as_deref().unwrap_or(input)
}

/// Checks every invariant of `result`, computed from `input` (the `&str` given to
/// `annotate`). `Err` names the first violation.
pub fn check(input: &str, result: &AnnotationResult) -> Result<(), String> {
    let text = analysed_text(input, result);
    let units: Vec<u16> = text.encode_utf16().collect();
    if result.metadata.is_some() != result.text.is_some() {
        return Err("`text` and `metadata` must both be present (HTML) or both absent".into());
    }
    if let Some(d) = &result.reference_date {
        if !is_iso_date(d) {
            return Err(format!("referenceDate {d:?} is not YYYY-MM-DD"));
        }
    }
    let mut previous: Option<&Annotation> = None;
    for a in &result.annotations {
        check_span(&units, a.start, a.end, &a.text)
            .map_err(|e| format!("{e} in annotation {a:?}"))?;
        check_fields(a).map_err(|e| format!("{e} in annotation {a:?}"))?;
        if let Some(p) = previous {
            if (p.start, std::cmp::Reverse(p.end)) > (a.start, std::cmp::Reverse(a.end)) {
                return Err(format!("annotations out of order: {p:?} before {a:?}"));
            }
            if p.kind == a.kind && p.start == a.start && p.end == a.end && p.label == a.label {
                return Err(format!("duplicate annotation {a:?}"));
            }
        }
        previous = Some(a);
    }
    Ok(())
}

/// `start < end <= units.len()`, both on code point boundaries, and `text` the slice.
fn check_span(units: &[u16], start: usize, end: usize, text: &str) -> Result<(), String> {
    if start >= end {
        return Err(format!("empty or inverted span {start}..{end}"));
    }
    if end > units.len() {
        return Err(format!("end {end} beyond the text's {} UTF-16 units", units.len()));
    }
    for (name, at) in [("start", start), ("end", end)] {
        if inside_surrogate_pair(units, at) {
            return Err(format!("{name} {at} falls inside a surrogate pair"));
        }
    }
    let slice = String::from_utf16(&units[start..end])
        .map_err(|_| format!("slice {start}..{end} is not valid UTF-16"))?;
    if slice != text {
        return Err(format!("text {text:?} differs from the slice {slice:?} at {start}..{end}"));
    }
    Ok(())
}

fn inside_surrogate_pair(units: &[u16], at: usize) -> bool {
    at > 0
        && at < units.len()
        && (0xD800..0xDC00).contains(&units[at - 1])
        && (0xDC00..0xE000).contains(&units[at])
}

fn check_fields(a: &Annotation) -> Result<(), String> {
    let labels: &[&str] = match a.kind {
        Kind::Entity => &["PER", "ORG", "LOC", "MISC"],
        Kind::Quote => &["QUOTE"],
        Kind::Date => &["DATE", "TIME", "DURATION", "SET"],
    };
    if !labels.contains(&a.label.as_str()) {
        return Err(format!("label {:?} is not one of {labels:?}", a.label));
    }
    match a.kind {
        Kind::Entity => {
            if a.speaker.is_some() || a.cue.is_some() || a.value.is_some() {
                return Err("an entity carries speaker, cue or value".into());
            }
        }
        Kind::Quote => {
            if a.entity.is_some() || a.value.is_some() {
                return Err("a quote carries entity or value".into());
            }
            if a.speaker.is_none() {
                return Err("a quote must have a speaker field (null when nobody is named)".into());
            }
        }
        Kind::Date => {
            if a.speaker.is_some() || a.cue.is_some() || a.entity.is_some() {
                return Err("a date carries speaker, cue or entity".into());
            }
            match &a.value {
                Some(v) if !v.is_empty() => {}
                _ => return Err("a date without a TIMEX3 value".into()),
            }
        }
    }
    Ok(())
}

/// Speakers point into the same text as the annotations.
pub fn check_speakers(input: &str, result: &AnnotationResult) -> Result<(), String> {
    let text = analysed_text(input, result);
    let units: Vec<u16> = text.encode_utf16().collect();
    for a in &result.annotations {
        if let Some(Some(s)) = &a.speaker {
            check_span(&units, s.start, s.end, &s.text)
                .map_err(|e| format!("speaker: {e} in annotation {a:?}"))?;
        }
    }
    Ok(())
}

/// Every check: annotations and speakers.
pub fn check_all(input: &str, result: &AnnotationResult) -> Result<(), String> {
    check(input, result)?;
    check_speakers(input, result)
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
}
