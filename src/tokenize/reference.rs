//! The tokenizer as it was before the single-pass rewrite (session 4), kept as the oracle
//! the tests compare the fast one with: same tokens, same flags, on any input.

use super::{Token, TokenKind, ABBREVIATIONS, MAX_ABBREVIATION, MAX_SENTENCE_TOKENS};

/// Whether `word` is in [`ABBREVIATIONS`], which is sorted (a test checks): a binary search
/// instead of a linear scan of its 105 entries (~900 instructions a call).
fn in_abbreviations(word: &str) -> bool {
    ABBREVIATIONS.binary_search(&word).is_ok()
}

fn is_abbreviation(word: &str) -> bool {
    if word.len() <= MAX_ABBREVIATION && in_abbreviations(word) {
        return true;
    }
    // Initials and dotted acronyms: "J", "U.S", "U.N", "e.g".
    let mut letters = 0;
    for part in word.split('.') {
        let mut chars = part.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphabetic() => letters += 1,
            _ => return false,
        }
    }
    letters >= 1
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_combining(c)
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Characters that may join two word parts into one token: `Russia-Ukraine`, `1,000`,
/// `U.S`, `O'Neil`, `AT&T`, `1/2`, `3:30`.
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '.' | ',' | '\'' | '\u{2019}' | '&' | '/' | ':' | '_' | '\u{2010}' | '\u{2011}')
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut line_start = true;
    // One buffer for every chunk's chars: allocating it per word was 45% of this
    // function's instructions (BENCHMARKS.md).
    let mut scratch: Vec<(usize, char)> = Vec::new();
    let bytes = text.as_bytes();
    let char_at = |i: usize| text.get(i..).and_then(|s| s.chars().next());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII bytes are looked at as bytes; only other chars are decoded.
        let (c, len) = if b.is_ascii() {
            (b as char, 1)
        } else {
            match char_at(i) {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        if c.is_whitespace() {
            if c == '\n' {
                line_start = true;
            }
            i += len;
            continue;
        }
        // Find the whitespace-delimited chunk and split it.
        let chunk_start = i;
        let mut ascii = true;
        while let Some(&d) = bytes.get(i) {
            if d.is_ascii() {
                if (d as char).is_whitespace() {
                    break;
                }
                i += 1;
            } else {
                match char_at(i) {
                    Some(d) if d.is_whitespace() => break,
                    Some(d) => i += d.len_utf8(),
                    None => break,
                }
                ascii = false;
            }
        }
        let chunk_end = i;
        let before = tokens.len();
        if ascii {
            // Bytes are chars: no per-char buffer (the common case; the chunk is one word
            // with its punctuation).
            let chunk = Ascii { bytes: &bytes[chunk_start..chunk_end], start: chunk_start };
            split_chunk(text, &chunk, &mut tokens);
        } else {
            scratch.clear();
            scratch.extend(text[chunk_start..chunk_end].char_indices().map(|(k, c)| (chunk_start + k, c)));
            let chunk = Decoded { chars: &scratch, end: chunk_end };
            split_chunk(text, &chunk, &mut tokens);
        }
        if line_start && tokens.len() > before {
            tokens[before].line_start = true;
            line_start = false;
        }
    }
    mark_sentences(text, &mut tokens);
    // The capacity guess is for prose; punctuation-only text (a million quotation marks)
    // has a token per byte, and the doubled capacity would stay allocated (issue 9). Prose
    // stays within the guess: no shrink (a copy) there.
    if tokens.capacity() > tokens.len() + tokens.len() / 2 {
        tokens.shrink_to_fit();
    }
    tokens
}

fn push(tokens: &mut Vec<Token>, start: usize, end: usize, kind: TokenKind) {
    tokens.push(Token { start, end, kind, sentence_start: false, line_start: false });
}

/// The chars of one whitespace-free chunk: `c(k)` is its `k`-th char, `at(k)` the byte
/// offset of that char in the text (`at(n())` = the chunk's end).
trait Chunk {
    fn n(&self) -> usize;
    fn c(&self, k: usize) -> char;
    fn at(&self, k: usize) -> usize;
}

/// An all-ASCII chunk: byte `k` is char `k`.
struct Ascii<'a> {
    bytes: &'a [u8],
    start: usize,
}

impl Chunk for Ascii<'_> {
    #[inline]
    fn n(&self) -> usize {
        self.bytes.len()
    }
    #[inline]
    fn c(&self, k: usize) -> char {
        self.bytes.get(k).map_or('\0', |&b| b as char)
    }
    #[inline]
    fn at(&self, k: usize) -> usize {
        self.start + k.min(self.bytes.len())
    }
}

/// Any other chunk, decoded once into (byte offset, char) pairs.
struct Decoded<'a> {
    chars: &'a [(usize, char)],
    end: usize,
}

impl Chunk for Decoded<'_> {
    #[inline]
    fn n(&self) -> usize {
        self.chars.len()
    }
    #[inline]
    fn c(&self, k: usize) -> char {
        self.chars.get(k).map_or('\0', |&(_, c)| c)
    }
    #[inline]
    fn at(&self, k: usize) -> usize {
        self.chars.get(k).map_or(self.end, |&(i, _)| i)
    }
}

/// Splits one whitespace-free chunk.
fn split_chunk(text: &str, chunk: &impl Chunk, tokens: &mut Vec<Token>) {
    let n = chunk.n();
    let at = |k: usize| chunk.at(k);
    let ch = |k: usize| chunk.c(k);
    let mut k = 0;
    while k < n {
        let c = ch(k);
        if is_word_char(c) {
            // A word: word chars, with joiners between word chars.
            let w_start = k;
            let mut m = k + 1;
            loop {
                while m < n && is_word_char(ch(m)) {
                    m += 1;
                }
                if m + 1 < n && is_joiner(ch(m)) && is_word_char(ch(m + 1)) {
                    // Possessive / contraction: "Russia's" -> "Russia" + "'s", "don't" stays.
                    if is_apostrophe(ch(m)) {
                        let tail_is_s = matches!(ch(m + 1), 's' | 'S')
                            && (m + 2 >= n || !is_word_char(ch(m + 2)));
                        if tail_is_s {
                            break;
                        }
                    }
                    // "1,000" but not "Paris,London": commas only between digits.
                    if ch(m) == ',' || ch(m) == ':' {
                        let prev_digit = ch(m - 1).is_ascii_digit();
                        let next_digit = ch(m + 1).is_ascii_digit();
                        if !(prev_digit && next_digit) {
                            break;
                        }
                    }
                    m += 2;
                    continue;
                }
                break;
            }
            // A trailing dot of an abbreviation stays with the word.
            if m < n && ch(m) == '.' {
                let word = text.get(at(w_start)..at(m)).unwrap_or("");
                let followed_by_word = m + 1 < n && is_word_char(ch(m + 1));
                if !followed_by_word && is_abbreviation(word) {
                    m += 1;
                }
            }
            let kind = if c.is_ascii_digit() { TokenKind::Number } else { TokenKind::Word };
            push(tokens, at(w_start), at(m), kind);
            k = m;
        } else if is_apostrophe(c)
            && k + 1 < n
            && matches!(ch(k + 1), 's' | 'S')
            && (k + 2 >= n || !is_word_char(ch(k + 2)))
            && k > 0
            && is_word_char(ch(k - 1))
        {
            // The possessive 's.
            push(tokens, at(k), at(k + 2), TokenKind::Word);
            k += 2;
        } else {
            // Punctuation: one char, or a run of the same char ("--", "...").
            let mut m = k + 1;
            while m < n && ch(m) == c && matches!(c, '-' | '.' | '=' | '*' | '_' | '~') {
                m += 1;
            }
            push(tokens, at(k), at(m), TokenKind::Punct);
            k = m;
        }
    }
}

fn is_closing(t: &str) -> bool {
    matches!(t, "\"" | "'" | "\u{201D}" | "\u{2019}" | ")" | "]" | "\u{BB}" | "\u{203A}")
}


fn mark_sentences(text: &str, tokens: &mut [Token]) {
    let mut next_starts = true;
    for i in 0..tokens.len() {
        if tokens[i].line_start {
            next_starts = true;
        }
        if next_starts {
            tokens[i].sentence_start = true;
            next_starts = false;
        }
        let t = tokens[i].text(text);
        if matches!(t, "." | "!" | "?" | "..." | "\u{2026}") || (t.len() > 1 && t.bytes().all(|b| b == b'.')) {
            // Skip closing quotes/brackets after the terminator.
            let mut j = i + 1;
            while j < tokens.len() && is_closing(tokens[j].text(text)) && !tokens[j].line_start {
                j += 1;
            }
            if let Some(next) = tokens.get(j) {
                let first = next.text(text).chars().next().unwrap_or(' ');
                if first.is_uppercase()
                    || first.is_ascii_digit()
                    || matches!(first, '"' | '\u{201C}' | '\'' | '\u{2018}' | '(' | '\u{AB}')
                {
                    tokens[j].sentence_start = true;
                }
            }
        }
    }
    // The cap, in a second walk: the loop above marks tokens ahead of itself.
    let mut run = 0;
    for t in tokens.iter_mut() {
        if t.sentence_start || run == MAX_SENTENCE_TOKENS {
            t.sentence_start = true;
            run = 0;
        }
        run += 1;
    }
}

