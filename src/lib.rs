//! # article-annotator
//!
//! Reads a news article, as plain text or as HTML, and finds
//!
//! - **named entities**: people, organisations, places and other names (the CoNLL-2003
//!   labels PER, ORG, LOC, MISC), each grouped under the canonical name it refers to in the
//!   article ("Putin" under "Vladimir Putin");
//! - **direct quotations**, with the mention they are attributed to and the reporting cue;
//! - **dates and times**, with their TIMEX3 type and value resolved against the article's own
//!   date ("December 30" in an article of 2024-01-09 is `2023-12-30`).
//!
//! The same core runs in the browser (compiled to WebAssembly, where [`highlight`] marks the
//! findings inline in the live page) and natively (the `annotate` command-line tool).
//!
//! ```
//! use article_annotator::{annotate, Options};
//!
//! let options = Options { reference_date: Some("2024-01-09".into()), ..Options::default() };
//! let result = annotate("Grant Shapps said on December 30: \"We will act.\"", &options).unwrap();
//! assert_eq!(result.reference_date.as_deref(), Some("2024-01-09"));
//! for a in &result.annotations {
//!     println!("{:?} {} {}..{} {:?}", a.kind, a.label, a.start, a.end, a.text);
//! }
//! ```
//!
//! Offsets in the [`Annotation`]s are UTF-16 code units (what JavaScript's `String.slice`
//! takes); inside the crate every offset is a UTF-8 byte offset, converted in one place
//! ([`offsets`]). See DESIGN.md for the pipeline and the reasons behind it.

pub mod analyze;
pub mod calendar;
pub mod contract;
pub mod dates;
pub mod entities;
pub mod error;
pub mod highlight;
pub mod offsets;
pub mod quotes;
pub mod text;
pub mod tokenize;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use contract::{
    Annotation, AnnotationResult, InputKind, Kind, Kinds, Metadata, Options, Settings, Speaker,
};
pub use error::Error;

/// Annotates `input` (plain text or HTML, as `options.input` says) and returns the findings
/// with UTF-16 offsets. Errors name the offending option or input.
pub fn annotate(input: &str, options: &Options) -> Result<AnnotationResult, Error> {
    let settings = options.validate()?;
    Ok(analyze::analyze(input, &settings)?.to_result())
}

/// Like [`annotate`], for input given as bytes: refuses bytes that are not UTF-8 with an error
/// that says where the first bad byte is.
pub fn annotate_bytes(input: &[u8], options: &Options) -> Result<AnnotationResult, Error> {
    let text = std::str::from_utf8(input).map_err(|e| {
        Error::invalid_input(format!(
            "the input is not UTF-8: invalid byte 0x{:02x} at offset {}",
            input[e.valid_up_to()],
            e.valid_up_to()
        ))
    })?;
    annotate(text, options)
}
