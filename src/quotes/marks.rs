//! Quotation marks: which characters open or close a quotation, and how they pair.
//!
//! One pass over the text, a bounded stack, linear time; runs of ASCII bytes that are
//! neither marks nor newlines are skipped eight at a time (a SWAR test). The rules:
//!
//! - Double marks: `"` `“` `”` `„` `«` `»` and the typewriter pair `''` (two apostrophes,
//!   as in the New York Times archive) or ``` `` ```. The glyph says little (writers close
//!   `“` with `"` and open `"` with `”`), so each mark's role comes from its neighbours:
//!   a mark followed by a non-space and preceded by a space, the line start or an opening
//!   bracket/dash can open ("left-flanking"); one preceded by a non-space and followed by a
//!   space, punctuation or the line end can close ("right-flanking"). Only when both or
//!   neither hold does the glyph, then the state (is a quotation open?), decide.
//! - Single marks `'` `‘` `’` `‹` `›` open only when left-flanking, not between letters and
//!   not an elision (`'90s`, `'n'`, `'em`, `'til`, `'cause`); they close only a single
//!   quotation that is open. An apostrophe (`don't`, `the Times'`) with no single quotation
//!   open is therefore never a mark. Inside a double quotation they nest and are ignored.
//! - Nested quotations stay inside their outer one; only outermost quotations are returned.
//! - Paragraphs end at a line break. A quotation still open there continues when the next
//!   paragraph starts with an opening mark of the same kind (the newspaper convention for
//!   a quotation over several paragraphs); otherwise it is returned as unclosed, ending at
//!   the end of its paragraph, and the caller decides whether to keep it.
//!
//! Not handled: hard-wrapped plain text (a line break inside a paragraph ends it), and
//! languages whose quotes read `»...«`.

/// One outermost quotation: `text[start..end]` includes the marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    /// No closing mark was found; the span ends at the end of its paragraph.
    pub unclosed: bool,
    /// Single quotation marks (headline or British style).
    pub single: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Double,
    Single,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Glyph {
    Open,
    Close,
    Either,
}

const MAX_DEPTH: usize = 4;

fn is_opening_context(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '\u{a0}' | '>' | '*' | '|'
        )
        || is_mark_char(c)
}

fn is_mark_char(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '«' | '»' | '\'' | '‘' | '’' | '‹' | '›' | '`'
    )
}

/// Words that start with an elision apostrophe: `'em`, `'til`, `rock 'n' roll`.
fn is_elision(rest: &str) -> bool {
    const ELISIONS: &[&str] = &[
        "n", "em", "til", "cause", "cos", "bout", "tis", "twas", "round", "s", "nuff", "ello", "ol",
    ];
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .take(7)
        .collect();
    let lower = word.to_lowercase();
    ELISIONS.contains(&lower.as_str())
}

#[derive(Clone, Copy)]
struct Open {
    pos: usize,
    class: Class,
}

/// Finds the outermost quotations in `text`, in order.
pub fn pair(text: &str) -> Vec<Span> {
    let mut out = Vec::with_capacity(16);
    let mut stack: Vec<Open> = Vec::with_capacity(MAX_DEPTH);
    // Paragraph end pending: the byte where the previous paragraph's text ended.
    let mut para_end: Option<usize> = None;
    let mut last_non_space_end = 0usize;
    let mut prev: Option<char> = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // Fast path: most bytes are ASCII letters, digits, spaces and punctuation that are
        // neither a mark nor a newline; they only move `prev` and `last_non_space_end`.
        // (Decoding every char through the general path was a third of this stage.)
        if para_end.is_none() && is_plain(b) {
            // A run of plain bytes: skipped eight at a time, then `prev` is its last byte and
            // `last_non_space_end` follows its last non-space byte, as the byte-by-byte
            // steps below would leave them.
            let run_start = i;
            i = plain_run_end(bytes, i);
            let run = bytes.get(run_start..i).unwrap_or(&[]);
            if let Some(&last) = run.last() {
                prev = Some(last as char);
            }
            if let Some(r) = run.iter().rposition(|&b| !(b as char).is_whitespace()) {
                last_non_space_end = run_start + r + 1;
            }
            continue;
        }
        if b.is_ascii() && !matches!(b, b'\n' | b'"' | b'\'' | b'`') {
            if (b as char).is_whitespace() {
                prev = Some(b as char);
                i += 1;
                continue;
            }
            if para_end.is_none() {
                last_non_space_end = i + 1;
                prev = Some(b as char);
                i += 1;
                continue;
            }
        }
        let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else {
            break;
        };
        let next = text.get(i + c.len_utf8()..).and_then(|s| s.chars().next());
        let mut skip_next = false;
        'body: {
            if c == '\n' {
                if para_end.is_none() {
                    para_end = Some(last_non_space_end);
                }
                prev = Some(c);
                break 'body;
            }
            if c.is_whitespace() {
                prev = Some(c);
                break 'body;
            }
            // First visible character after a paragraph break: continuation or close-out.
            if let Some(end) = para_end.take() {
                if let Some(&Open {
                    pos: bottom_pos,
                    class: bottom_class,
                }) = stack.first()
                {
                    let reopens = match bottom_class {
                        Class::Double => {
                            matches!(c, '"' | '“' | '”' | '„' | '«')
                                || (c == '\'' && next == Some('\''))
                        }
                        Class::Single => matches!(c, '\'' | '‘' | '’' | '‹'),
                    };
                    if reopens {
                        stack.truncate(1);
                        // Skip the reopening mark (and the second apostrophe of `''`).
                        if c == '\'' && next == Some('\'') && bottom_class == Class::Double {
                            skip_next = true;
                        }
                        prev = Some(c);
                        last_non_space_end = i + c.len_utf8();
                        break 'body;
                    }
                    if bottom_class == Class::Double {
                        out.push(Span {
                            start: bottom_pos,
                            end,
                            unclosed: true,
                            single: false,
                        });
                    }
                    stack.clear();
                }
            }
            last_non_space_end = i + c.len_utf8();
            if !is_mark_char(c) {
                prev = Some(c);
                break 'body;
            }
            // Classify the mark.
            let (class, glyph, len) = match c {
                '"' => (Class::Double, Glyph::Either, 1),
                '“' | '„' | '«' => (Class::Double, Glyph::Open, c.len_utf8()),
                '”' | '»' => (Class::Double, Glyph::Close, c.len_utf8()),
                '`' if next == Some('`') => (Class::Double, Glyph::Open, 2),
                '\'' if next == Some('\'') => (Class::Double, Glyph::Either, 2),
                '\'' => (Class::Single, Glyph::Either, 1),
                '‘' | '‹' => (Class::Single, Glyph::Open, c.len_utf8()),
                '’' | '›' => (Class::Single, Glyph::Close, c.len_utf8()),
                _ => {
                    prev = Some(c);
                    break 'body;
                }
            };
            if len == 2 {
                skip_next = true;
                last_non_space_end = i + 2;
            }
            let after = text.get(i + len..).unwrap_or("");
            let next = after.chars().next();
            let left =
                next.is_some_and(|n| !n.is_whitespace()) && prev.map_or(true, is_opening_context);
            let right = prev.is_some_and(|p| !p.is_whitespace())
                && next.map_or(true, |n| n.is_whitespace() || !n.is_alphanumeric());
            prev = Some(if len == 2 { '\'' } else { c });
            let open_now = stack.iter().any(|o| o.class == class);
            // Guillemets are spaced in French ("« Oui »"): their glyph decides.
            let guillemet = matches!(c, '«' | '»');
            let opens = match (left, right) {
                _ if guillemet => glyph == Glyph::Open,
                (true, false) => true,
                (false, true) => false,
                _ => match glyph {
                    Glyph::Open => true,
                    Glyph::Close => false,
                    Glyph::Either => !open_now,
                },
            };
            match class {
                Class::Double => {
                    if opens {
                        if stack.len() >= MAX_DEPTH {
                            break 'body;
                        }
                        stack.push(Open { pos: i, class });
                    } else if let Some(k) = stack.iter().rposition(|o| o.class == Class::Double) {
                        let start = stack[k].pos;
                        stack.truncate(k);
                        if stack.is_empty() {
                            out.push(Span {
                                start,
                                end: i + len,
                                unclosed: false,
                                single: false,
                            });
                        }
                    }
                }
                Class::Single => {
                    let between_letters =
                        prev_is_alnum_before(text, i) && next.is_some_and(char::is_alphanumeric);
                    if between_letters {
                        break 'body;
                    }
                    if opens && left {
                        let elided = next.is_some_and(|n| n.is_ascii_digit()) || is_elision(after);
                        if !elided && stack.len() < MAX_DEPTH {
                            stack.push(Open { pos: i, class });
                        }
                    } else if right && stack.last().is_some_and(|o| o.class == Class::Single) {
                        let start = stack.pop().map_or(i, |o| o.pos);
                        if stack.is_empty() {
                            out.push(Span {
                                start,
                                end: i + len,
                                unclosed: false,
                                single: true,
                            });
                        }
                    }
                }
            }
        }
        i += c.len_utf8();
        if skip_next {
            i += next.map_or(0, char::len_utf8);
        }
    }
    if let Some(bottom) = stack.first() {
        if bottom.class == Class::Double {
            let end = para_end.unwrap_or(last_non_space_end);
            out.push(Span {
                start: bottom.pos,
                end,
                unclosed: true,
                single: false,
            });
        }
    }
    out
}

/// An ASCII byte that is neither a quotation mark nor a newline: it can only move `prev`
/// and `last_non_space_end` (`\n`, `"`, `'` and `` ` `` are the ASCII bytes [`pair`] looks at).
#[inline]
fn is_plain(b: u8) -> bool {
    b.is_ascii() && !matches!(b, b'\n' | b'"' | b'\'' | b'`')
}

/// The end of the run of plain bytes ([`is_plain`]) from `i`: eight bytes at a time while
/// none of the eight is special (a byte >= 0x80, or equal to one of the four), then byte
/// by byte. (Byte by byte throughout was a fifth of this stage.)
fn plain_run_end(bytes: &[u8], mut i: usize) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // Some byte of `v` is zero (exact as a whole: no false positive without a zero byte).
    let zero_byte = |v: u64| v.wrapping_sub(LO) & !v & HI;
    while let Some(block) = bytes.get(i..i + 8) {
        let Ok(block) = <[u8; 8]>::try_from(block) else { break };
        let x = u64::from_le_bytes(block);
        let special = (x & HI)
            | zero_byte(x ^ (LO * b'\n' as u64))
            | zero_byte(x ^ (LO * b'"' as u64))
            | zero_byte(x ^ (LO * b'\'' as u64))
            | zero_byte(x ^ (LO * b'`' as u64));
        if special != 0 {
            break;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(|&b| is_plain(b)) {
        i += 1;
    }
    i
}

fn prev_is_alnum_before(text: &str, i: usize) -> bool {
    text.get(..i)
        .and_then(|s| s.chars().next_back())
        .is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(not(target_arch = "wasm32"))]
    use proptest::prelude::*;

    /// The ASCII fast path must pair as the char-by-char path does: the same text with its
    /// letters `h` spelled `ħ` (a letter too, but never on the fast path; no elision word
    /// such as `'em` has an `h`) gives the same quotations, flag for flag.
    fn same_as_without_fast_path(text: &str) -> Result<(), String> {
        let slow = text.replace('h', "ħ");
        let fast: Vec<_> = pair(text).iter().map(|s| (&text[s.start..s.end], s.unclosed, s.single)).collect();
        let spelled: Vec<_> = pair(&slow)
            .iter()
            .map(|s| (slow[s.start..s.end].replace('ħ', "h"), s.unclosed, s.single))
            .collect();
        let fast: Vec<_> = fast.into_iter().map(|(t, u, s)| (t.to_string(), u, s)).collect();
        if fast == spelled {
            Ok(())
        } else {
            Err(format!("{text:?}: {fast:?} vs {spelled:?}"))
        }
    }

    // proptest does not build for wasm32 (the browser test build compiles these tests too).
    #[cfg(not(target_arch = "wasm32"))]
    proptest! {
        /// On text made of marks, apostrophes, newlines, spaces, letters and non-ASCII chars.
        #[test]
        fn fast_path_pairs_as_the_char_path(parts in proptest::collection::vec(prop_oneof![
            Just("\""), Just("'"), Just("''"), Just("`"), Just("``"), Just("“"), Just("”"), Just("‘"), Just("’"),
            Just("«"), Just("»"), Just("„"), Just("‹"), Just("›"), Just("\n"), Just("\n\n"), Just(" "), Just("\u{a0}"),
            Just("\t"), Just("a"), Just("Word"), Just("90s"), Just("n"), Just("em"), Just("é"), Just("😀"), Just("—"),
            Just("("), Just(","), Just("."), Just(":"), Just("-"), Just("he said"), Just("ne'er"), Just("hush"), Just("'h")
        ], 0..60)) {
            let text: String = parts.concat();
            prop_assert!(same_as_without_fast_path(&text).is_ok(), "{}", same_as_without_fast_path(&text).unwrap_err());
        }
    }

    #[test]
    fn fast_path_pairs_as_the_char_path_on_news() {
        for text in [
            include_str!("../../tests/data/seed-article.txt"),
            include_str!("../../bench/samples/harbour-strike.txt"),
        ] {
            assert!(pair(text).len() >= 4);
            same_as_without_fast_path(text).unwrap();
        }
    }

    /// The eight-byte skip stops exactly where the byte-by-byte one does.
    #[test]
    fn plain_runs_end_at_the_first_special_byte() {
        let text = "He said, \"it's 90% done\" \u{a0}é`x\nand so on and so forth, said he. 😀 “ok” \u{b}\t end";
        let bytes = text.as_bytes();
        for i in 0..=bytes.len() {
            let want = i + bytes[i..].iter().take_while(|&&b| is_plain(b)).count();
            assert_eq!(plain_run_end(bytes, i), want, "{i}");
        }
        for b in 0..=255u8 {
            let mut t = vec![b'a'; 20];
            t[13] = b;
            assert_eq!(plain_run_end(&t, 0), if is_plain(b) { 20 } else { 13 }, "{b}");
        }
    }

    fn quotes(text: &str) -> Vec<&str> {
        pair(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn pairs_straight_curly_and_mismatched_marks() {
        assert_eq!(
            quotes("He said, “The world.\" Then \"In doing so.” End"),
            vec!["“The world.\"", "\"In doing so.”"]
        );
        assert_eq!(quotes("«Oui», dit-il. „Ja“"), vec!["«Oui»", "„Ja“"]);
        assert_eq!(
            quotes("''That wasn't good,'' he said."),
            vec!["''That wasn't good,''"]
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(
            quotes("Don't say the '90s were rock 'n' roll, the Times' critic wrote.").is_empty()
        );
        assert_eq!(quotes("Putin ‘humiliated’ by world"), vec!["‘humiliated’"]);
        assert_eq!(
            quotes("Putin 'humiliated' by world's leaders"),
            vec!["'humiliated'"]
        );
    }

    #[test]
    fn nested_quotes_stay_inside() {
        let t = "\"They said 'You will be thrown out' and \"no\" too,\" she said.";
        assert_eq!(
            quotes(t),
            vec!["\"They said 'You will be thrown out' and \"no\" too,\""]
        );
    }

    #[test]
    fn multi_paragraph_quotes_are_one() {
        let t = "He said: “First part.\n\n“Second part.”\n\nAfter.";
        assert_eq!(quotes(t), vec!["“First part.\n\n“Second part.”"]);
        let t = "He said: “First part.\n\nNo reopening.";
        let s = pair(t);
        assert_eq!(s.len(), 1);
        assert!(s[0].unclosed);
        assert_eq!(&t[s[0].start..s[0].end], "“First part.");
    }
}
