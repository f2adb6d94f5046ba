//! The markup reader (`text::read` as HTML) on arbitrary text, then the whole pipeline over
//! what it read. The reader must not panic, recurse or blow up the text (at most 3 bytes of
//! text per input byte: U+FFFD for a NUL is the largest legal growth), and the annotations
//! over its text must keep every invariant of `fuzz/invariants.rs`.
#![no_main]

use article_annotator::{annotate, text, InputKind, Options};
use libfuzzer_sys::fuzz_target;

#[path = "../invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let document = text::read(&input, InputKind::Html);
    assert!(document.html, "read as HTML but not marked so");
    assert!(
        document.text.len() <= 3 * input.len() + 64,
        "{} bytes of markup gave {} bytes of text",
        input.len(),
        document.text.len()
    );
    let options = Options { input: Some("html".into()), ..Options::default() };
    let result = match annotate(&input, &options) {
        Ok(r) => r,
        Err(e) => panic!("markup refused: {e}"),
    };
    assert_eq!(result.text.as_deref(), Some(document.text.as_str()), "annotate read the markup differently");
    if let Err(e) = invariants::check_all(&input, &result) {
        panic!("invariant broken: {e}");
    }
});
