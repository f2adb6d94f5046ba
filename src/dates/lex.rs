//! The date grammar's own small lexer: letter runs, digit runs and single punctuation
//! characters, each with the whitespace that precedes it. Digits and letters are always split
//! ("30th" -> "30" "th", "6pm" -> "6" "pm", "1990s" -> "1990" "s"), so that the grammar can
//! tell "30th" from "30 th" by the `space` flag alone. Each token's lowercased text is a slice
//! of one ASCII-lowercased copy of the input (made once, same byte offsets), so reading it
//! costs no validation; words longer than 15 bytes read as "" (never lexicon words), and
//! the unit abbreviations "yr", "qtr", "wk" (and plurals) read as the full words.
//!
//! Speed: ASCII letter runs are found eight bytes at a time ([`letters_end`]); ASCII words,
//! digit runs, whitespace and punctuation each take their own path without decoding; curly
//! quotes and dashes skip the Unicode letter table; the single space after an ASCII token is
//! taken with it (no loop turn of its own). Each word's `grammar` starter entry is looked up
//! here, once ([`Tok::entry`]); capitals are read from the first bytes. (An `unsafe`
//! unchecked slice of the lowercased ASCII runs saved ~7K instructions per warm seed call;
//! the library keeps to safe code, so `str::get` slices them.) Session 5: the lexer and
//! the candidate scan 163,486 -> 148,221 instructions per warm seed call with the first
//! holiday change in `grammar` (~100 instructions a word remain, a fifth of them the token's store).
//! Round 2: [`Tok`] 48 -> 32 bytes (`u32` offsets, one flags byte read through accessors),
//! `find_at` 151,021 -> 150,744; the offsets stored by a plain cast rather than a clamp (the
//! text is cut to 4 GiB first), 150,744 -> 145,688. Tried and dropped: keeping the lowercased
//! copy and the token vector between calls in a thread_local (in-place `collect` to re-type
//! the vector): 150,744 -> 151,755, glibc's allocation of them was already cheap.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Num,
    Punct,
}

/// One token, 32 bytes (it was 48 with `usize` offsets and four `bool`s; the store of each
/// token was a fifth of the lexer's cost): offsets are `u32` (the lexer reads at most the
/// first 4 GiB of a text; `find_at` lexes pieces of at most 64 KiB), the four flags one byte.
#[derive(Debug, Clone, Copy)]
pub struct Tok<'a> {
    low: &'a str,
    start: u32,
    end: u32,
    /// The number, for digit runs of up to 9 digits.
    pub num: u32,
    /// The word's `grammar` starter-table entry (0: no expression begins with it, and for
    /// every number and punctuation token), looked up once here, where the word's bytes are
    /// at hand, rather than by every scan that asks.
    pub(super) entry: u16,
    pub kind: Kind,
    /// [`SPACE`] | [`NEWLINE`] | [`CAP`] | [`ALL_CAPS`].
    flags: u8,
}

/// Whitespace precedes the token.
const SPACE: u8 = 1;
/// A line break precedes the token (or it is the first token).
const NEWLINE: u8 = 2;
/// The token starts with an uppercase letter.
const CAP: u8 = 4;
/// Every letter is uppercase (and there are at least two).
const ALL_CAPS: u8 = 8;

/// The flag byte of a token.
#[inline]
fn flags(space: bool, newline: bool, cap: bool, all_caps: bool) -> u8 {
    u8::from(space) | u8::from(newline) << 1 | u8::from(cap) << 2 | u8::from(all_caps) << 3
}

/// A byte offset as stored in a token: `lex` cuts its text to `u32::MAX` bytes first, so
/// every offset fits (a plain cast: a clamp cost six instructions a token).
#[inline]
fn off(k: usize) -> u32 {
    k as u32
}

impl<'a> Tok<'a> {
    /// ASCII-lowercased text ("" for long or non-ASCII words). Punctuation is normalised:
    /// curly apostrophes become `'`, en dashes `-`.
    pub fn w(&self) -> &'a str {
        self.low
    }
    /// Byte offset of the token's start in the lexed text.
    pub fn start(&self) -> usize {
        self.start as usize
    }
    /// Byte offset of the token's end in the lexed text.
    pub fn end(&self) -> usize {
        self.end as usize
    }
    /// Whitespace precedes this token.
    pub fn space(&self) -> bool {
        self.flags & SPACE != 0
    }
    /// A line break precedes this token (or it is the first token).
    pub fn newline(&self) -> bool {
        self.flags & NEWLINE != 0
    }
    /// Starts with an uppercase letter.
    pub fn cap(&self) -> bool {
        self.flags & CAP != 0
    }
    /// Every letter is uppercase (and there are at least two).
    pub fn all_caps(&self) -> bool {
        self.flags & ALL_CAPS != 0
    }
    pub fn digits(&self) -> usize {
        if self.kind == Kind::Num {
            self.end() - self.start()
        } else {
            0
        }
    }
}

/// The lowercased text of the token `s` = `text[start..end]` (see [`Tok::w`]).
#[inline]
fn low_of<'a>(s: &[u8], lower: &'a str, start: usize, end: usize, kind: Kind) -> &'a str {
    match s {
        // ’ ‘ ′ (U+2019, U+2018, U+2032) and – ‐ ‑ (U+2013, U+2010, U+2011).
        [0xE2, 0x80, 0x98 | 0x99 | 0xB2] => "'",
        [0xE2, 0x80, 0x90 | 0x91 | 0x93] => "-",
        // Abbreviated units read as the words ("next yr", "3rd qtr", "2 wks").
        [b'y' | b'Y' | b'q' | b'Q' | b'w' | b'W', ..] if kind == Kind::Word && s.len() <= 4 => {
            match lower.get(start..end).unwrap_or("") {
                "yr" => "year",
                "yrs" => "years",
                "qtr" => "quarter",
                "qtrs" => "quarters",
                "wk" => "week",
                "wks" => "weeks",
                w => w,
            }
        }
        _ if s.len() <= 15 => lower.get(start..end).unwrap_or(""),
        _ => "",
    }
}

/// A token of any kind (the general path: non-ASCII words and punctuation).
fn make<'a>(
    text: &str,
    lower: &'a str,
    start: usize,
    end: usize,
    kind: Kind,
    space: bool,
    newline: bool,
) -> Tok<'a> {
    let s = text.get(start..end).unwrap_or("");
    let low = low_of(s.as_bytes(), lower, start, end, kind);
    let mut num = 0u32;
    if kind == Kind::Num && s.len() <= 9 {
        num = s.bytes().fold(0u32, |a, b| a * 10 + (b - b'0') as u32);
    }
    let (cap, all_caps) = if kind != Kind::Word {
        (false, false)
    } else if s.is_ascii() {
        caps(s.as_bytes())
    } else {
        let cap = s.chars().next().is_some_and(|c| c.is_uppercase());
        (
            cap,
            cap && s.chars().nth(1).is_some() && s.chars().all(|c| c.is_uppercase()),
        )
    };
    Tok {
        start: off(start),
        end: off(end),
        kind,
        flags: flags(space, newline, cap, all_caps),
        num,
        entry: if kind == Kind::Word {
            super::grammar::starter_entry(low)
        } else {
            0
        },
        low,
    }
}

/// (starts with a capital, every letter a capital and at least two) of an ASCII word.
#[inline]
fn caps(b: &[u8]) -> (bool, bool) {
    let cap = b.first().is_some_and(u8::is_ascii_uppercase);
    // Most capitalised words end there: the second letter is lower case.
    let all =
        cap && b.get(1).is_some_and(u8::is_ascii_uppercase) && b.iter().all(u8::is_ascii_uppercase);
    (cap, all)
}

/// The end of the run of ASCII letters that goes on at `k`: eight bytes at a time, each
/// byte's high bit set when it is a letter (a word of the seed takes one step, not a loop
/// iteration per letter).
#[inline]
fn letters_end(bytes: &[u8], mut k: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(k..k + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let x = u64::from_le_bytes(w);
        // ASCII folded to lower case, high bits clear: 'a'..='z' is 0x61..=0x7a.
        let y = (x | 0x2020_2020_2020_2020) & 0x7f7f_7f7f_7f7f_7f7f;
        let ge_a = y + 0x1f1f_1f1f_1f1f_1f1f; // high bit: y >= 0x61
        let gt_z = y + 0x0505_0505_0505_0505; // high bit: y > 0x7a
        let not_letter = !(ge_a & !gt_z & !x) & HIGH;
        if not_letter != 0 {
            return k + (not_letter.trailing_zeros() / 8) as usize;
        }
        k += 8;
    }
    while bytes.get(k).is_some_and(u8::is_ascii_alphabetic) {
        k += 1;
    }
    k
}

/// `lower[start..end]` as a `&str` ("" out of range). The runs passed are ASCII, so the
/// two char-boundary checks of `str::get` always pass; they are kept (safe code only in
/// the library: an `unsafe` unchecked slice saved a few instructions per word).
#[inline]
fn ascii_slice(lower: &str, start: usize, end: usize) -> &str {
    lower.get(start..end).unwrap_or("")
}

/// Splits `text` into tokens (linear, never panics). Fills `lower` with
/// `text.to_ascii_lowercase()` (same byte offsets, so an ASCII byte of `text` is an ASCII
/// byte of `lower` at the same place); tokens borrow their lowercased text from it.
pub fn lex<'a>(text: &str, lower: &'a mut String) -> Vec<Tok<'a>> {
    // Offsets are stored as `u32`: a longer text is read up to its last char boundary
    // before 4 GiB (never reached: `find_at` lexes pieces of at most 64 KiB).
    let mut cut = text.len().min(u32::MAX as usize);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let text = text.get(..cut).unwrap_or("");
    lower.clear();
    lower.push_str(text);
    lower.make_ascii_lowercase();
    let lower: &'a str = lower;
    let mut toks = Vec::with_capacity(text.len() / 4 + 1);
    let mut space = true;
    let mut newline = true;
    // Walks bytes: ASCII is read directly (letter runs, digit runs, whitespace and
    // punctuation each on their own path), other characters decoded where they start (every
    // `i` below is a char boundary).
    let bytes = text.as_bytes();
    let n = bytes.len();
    let at = |k: usize| text.get(k..).and_then(|s| s.chars().next());
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_alphabetic() {
                let end = letters_end(bytes, i + 1);
                if bytes.get(end).map_or(true, |&c| c < 0x80) {
                    let len = end - i;
                    // `caps` written out: through the helper, the word path cost ~7K more
                    // instructions per warm seed call (it knows its first byte already).
                    let cap = b.is_ascii_uppercase();
                    let all_caps = cap
                        && bytes.get(i + 1).is_some_and(u8::is_ascii_uppercase)
                        && bytes
                            .get(i..end)
                            .is_some_and(|s| s.iter().all(u8::is_ascii_uppercase));
                    let low = if len > 15 {
                        ""
                    } else if len <= 4
                        && matches!(b | 0x20, b'y' | b'q' | b'w')
                        && bytes
                            .get(i + 1)
                            .is_some_and(|c| matches!(c | 0x20, b'r' | b't' | b'k'))
                    {
                        // Only "yr", "qtr", "wk" (and plurals) read otherwise: not "we",
                        // "was", "with", "year".
                        low_of(bytes.get(i..end).unwrap_or(&[]), lower, i, end, Kind::Word)
                    } else {
                        // `text[i..end]` is ASCII letters, so `lower[i..end]` is ASCII.
                        ascii_slice(lower, i, end)
                    };
                    toks.push(Tok {
                        start: off(i),
                        end: off(end),
                        kind: Kind::Word,
                        flags: flags(space, newline, cap, all_caps),
                        num: 0,
                        entry: super::grammar::starter_entry(low),
                        low,
                    });
                    newline = false;
                    // The single space that mostly follows a word is taken here (one loop
                    // turn less per word).
                    space = bytes.get(end) == Some(&b' ');
                    i = end + usize::from(space);
                    continue;
                }
                // A word that goes on with other letters: the general path below.
            } else if b == b' ' || (b'\t'..=b'\r').contains(&b) {
                // char::is_whitespace on ASCII.
                space = true;
                if b == b'\n' {
                    newline = true;
                }
                i += 1;
                continue;
            } else if b.is_ascii_digit() {
                let mut end = i + 1;
                while end < n && bytes[end].is_ascii_digit() {
                    end += 1;
                }
                let s = &bytes[i..end];
                let num = if s.len() <= 9 {
                    s.iter().fold(0u32, |a, &b| a * 10 + u32::from(b - b'0'))
                } else {
                    0
                };
                toks.push(Tok {
                    start: off(i),
                    end: off(end),
                    kind: Kind::Num,
                    flags: flags(space, newline, false, false),
                    num,
                    entry: 0,
                    // `text[i..end]` is ASCII digits, so `lower[i..end]` is ASCII.
                    low: if s.len() <= 15 {
                        ascii_slice(lower, i, end)
                    } else {
                        ""
                    },
                });
                newline = false;
                space = bytes.get(end) == Some(&b' ');
                i = end + usize::from(space);
                continue;
            } else {
                toks.push(Tok {
                    start: off(i),
                    end: off(i + 1),
                    kind: Kind::Punct,
                    flags: flags(space, newline, false, false),
                    num: 0,
                    entry: 0,
                    // `text[i]` is ASCII, so `lower[i]` is ASCII.
                    low: ascii_slice(lower, i, i + 1),
                });
                newline = false;
                space = bytes.get(i + 1) == Some(&b' ');
                i += 1 + usize::from(space);
                continue;
            }
        }
        let c = if b < 0x80 {
            b as char
        } else {
            match at(i) {
                Some(c) => c,
                None => break,
            }
        };
        if c.is_whitespace() {
            space = true;
            i += c.len_utf8();
            continue;
        }
        // General Punctuation (curly quotes, dashes, bullets) holds no letter: no table
        // lookup for the commonest non-ASCII characters of news text.
        let letter = !matches!(c, '\u{2000}'..='\u{206f}') && c.is_alphabetic();
        let kind = if letter { Kind::Word } else { Kind::Punct };
        let mut end = i + c.len_utf8();
        if kind == Kind::Word {
            while let Some(d) = at(end) {
                if !(d.is_alphabetic() && !d.is_ascii_digit()) {
                    break;
                }
                end += d.len_utf8();
            }
        }
        toks.push(make(text, lower, i, end, kind, space, newline));
        space = false;
        newline = false;
        i = end;
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The char-iterator lexer the byte walk replaced (kept to check they agree).
    fn lex_reference<'a>(text: &str, lower: &'a str) -> Vec<Tok<'a>> {
        if lower.len() != text.len() {
            return Vec::new();
        }
        let mut toks = Vec::with_capacity(text.len() / 4 + 1);
        let mut space = true;
        let mut newline = true;
        let mut it = text.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if c.is_whitespace() {
                space = true;
                if c == '\n' {
                    newline = true;
                }
                continue;
            }
            // Fast path: a run of ASCII letters.
            if c.is_ascii_alphabetic() {
                let bytes = text.as_bytes();
                let mut end = i + 1;
                while end < bytes.len() && bytes[end].is_ascii_alphabetic() {
                    end += 1;
                }
                if end >= bytes.len() || bytes[end] < 0x80 {
                    while it.peek().is_some_and(|&(j, _)| j < end) {
                        it.next();
                    }
                    toks.push(make(text, lower, i, end, Kind::Word, space, newline));
                    space = false;
                    newline = false;
                    continue;
                }
            }
            let kind = if c.is_ascii_digit() {
                Kind::Num
            } else if c.is_alphabetic() {
                Kind::Word
            } else {
                Kind::Punct
            };
            let mut end = i + c.len_utf8();
            if kind != Kind::Punct {
                while let Some(&(j, d)) = it.peek() {
                    let same = match kind {
                        Kind::Num => d.is_ascii_digit(),
                        _ => d.is_alphabetic() && !d.is_ascii_digit(),
                    };
                    if !same {
                        break;
                    }
                    end = j + d.len_utf8();
                    it.next();
                }
            }
            toks.push(make(text, lower, i, end, kind, space, newline));
            space = false;
            newline = false;
        }
        toks
    }

    #[test]
    fn byte_walk_agrees_with_the_char_lexer() {
        let texts = [
            "é 30th, 6pm’s",
            "Café\u{a0}2024-01-09\tT06:00\u{b}x\u{c}y\u{2028}z — naïve ÉCOLE 5é6 ß9",
            "👍🏽 emoji then 12日 and Ωmega, İstanbul; ﬁne\r\n\n  trailing ",
            "",
            "a",
            "ä",
            "abcé",
            "2 wks, next yr; 3rd QTR Yrs WK qtrs Wks yrly",
            "AB Ab aB A I ÉCOLE Éc éC ABCÉ abcÉ É",
            "a′b – c‐d‑e ‘x’ ″ “q”",
            "x\u{b}\u{c}\r\t\u{1c}y\u{1f}z\u{85}w\u{a0}v\u{3000}u",
            "supercalifragilistic 1234567890123 123456789 1234567890 0000000000000000",
            "12ab34 9.1.2024 6pm 1990s '90s ½ ٣ 二〇二四",
            "ﬁnal \u{301}x e\u{301}t\u{e9}",
        ];
        for t in texts {
            let lower = t.to_ascii_lowercase();
            let key = |v: Vec<Tok>| -> Vec<String> {
                v.iter()
                    .map(|k| {
                        let f = (
                            k.start(),
                            k.end(),
                            k.kind,
                            k.space(),
                            k.newline(),
                            k.cap(),
                            k.all_caps(),
                        );
                        format!("{f:?} {} {:?}", k.num, k.w())
                    })
                    .collect()
            };
            let got = key(lex(t, &mut String::new()));
            assert_eq!(got, key(lex_reference(t, &lower)), "{t:?}");
        }
    }

    #[test]
    fn general_punctuation_holds_no_letter() {
        assert!(('\u{2000}'..='\u{206f}').all(|c| !c.is_alphabetic()));
    }

    #[test]
    fn letter_runs_end_where_the_byte_loop_ends() {
        let mut text: Vec<u8> = (0u8..=255).collect();
        text.extend(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{ \xc3\xa9abcdefgh");
        for k in 0..text.len() {
            let slow = k + text[k..]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            assert_eq!(letters_end(&text, k), slow, "at {k}");
        }
    }

    #[test]
    fn splits_digits_from_letters_and_keeps_offsets() {
        let text = "é 30th, 6pm’s";
        let mut lower = String::new();
        let t = lex(text, &mut lower);
        let words: Vec<&str> = t.iter().map(|t| &text[t.start()..t.end()]).collect();
        assert_eq!(words, ["é", "30", "th", ",", "6", "pm", "’", "s"]);
        assert_eq!(t[1].num, 30);
        assert!(t[1].space() && !t[2].space());
        assert_eq!(t[6].w(), "'");
    }
}
