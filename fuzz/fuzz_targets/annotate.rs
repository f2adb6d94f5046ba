//! `annotate` on arbitrary bytes, through `annotate_bytes`, with every input kind, several
//! reference dates and every subset of kinds, chosen by the first byte. Valid UTF-8 must
//! give a result that keeps every invariant of `fuzz/invariants.rs`; anything else must be
//! refused with an error that names the first bad byte's offset. Any panic is a crash.
#![no_main]

use article_annotator::{annotate_bytes, Options};
use libfuzzer_sys::fuzz_target;

#[path = "../invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let (head, body) = match data.split_first() {
        Some((h, rest)) => (*h, rest),
        None => (0, data),
    };
    let input = ["auto", "text", "html", "auto"][usize::from(head & 3)];
    let reference = [None, Some("2024-01-09"), Some("0001-01-01"), Some("9999-12-31")]
        [usize::from((head >> 2) & 3)];
    let mask = (head >> 4) & 7;
    let kinds = (mask != 0).then(|| {
        [(1, "entity"), (2, "quote"), (4, "date")]
            .iter()
            .filter(|(bit, _)| mask & bit != 0)
            .map(|(_, k)| k.to_string())
            .collect::<Vec<_>>()
    });
    let options = Options {
        reference_date: reference.map(str::to_string),
        kinds,
        input: Some(input.to_string()),
    };
    match (std::str::from_utf8(body), annotate_bytes(body, &options)) {
        (Ok(text), Ok(result)) => {
            if let Err(e) = invariants::check_all(text, &result) {
                panic!("invariant broken ({input}, {reference:?}, kinds {mask}): {e}");
            }
            if mask != 0 {
                for a in &result.annotations {
                    let bit = match a.kind.as_str() { "entity" => 1, "quote" => 2, _ => 4 };
                    assert!(mask & bit != 0, "kind {:?} reported though not asked for", a.kind);
                }
            }
        }
        (Err(bad), Err(e)) => {
            assert!(e.is_invalid_input(), "wrong error kind for non-UTF-8: {e}");
            assert!(
                e.message().contains(&format!("offset {}", bad.valid_up_to())),
                "the error must name the offset {}: {e}",
                bad.valid_up_to()
            );
        }
        (Ok(_), Err(e)) => panic!("valid UTF-8 refused: {e}"),
        (Err(_), Ok(_)) => panic!("invalid UTF-8 accepted"),
    }
});
