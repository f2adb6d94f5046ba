//! Tokens and sentences over the article text, as byte ranges into it.
//!
//! The tokenizer follows the conventions of the CoNLL-2003 data the entity model is trained
//! on: punctuation is split from words, the possessive `'s` is its own token, abbreviations
//! keep their dots (`U.S.`, `Mr.`, `Inc.`), hyphenated words and numbers with separators stay
//! whole (`Russia-Ukraine`, `1,000`, `1996-08-22`). It never merges across whitespace, so a
//! text made of space-separated CoNLL tokens comes back with the same boundaries.
//!
//! Sentences end at a newline, and after `.`, `!` or `?` (with any closing quotes or
//! brackets) followed by a token that starts with an uppercase letter, a digit or an opening
//! quote, unless the dot belongs to an abbreviation such as `Mr.`. A sentence is also cut
//! after [`MAX_SENTENCE_TOKENS`] tokens, so that text with no terminator (a million
//! quotation marks, a table dumped on one line) does not become one sentence whose
//! per-sentence buffers in the analysers grow with the whole input (issue 9). Every
//! CoNLL-2003 sentence is shorter, so the entity scores do not move.
//!
//! Implementation: one pass over the bytes. A 256-entry table classifies each byte (ASCII
//! letter/digit, whitespace, joiner, part of a non-ASCII char); non-ASCII chars are decoded
//! only where they stand; abbreviations are looked up as integer keys; sentence starts are
//! marked as each token is pushed. `reference.rs` keeps the earlier two-pass tokenizer,
//! which the tests compare against (same tokens and flags on news text and random mixes of
//! tricky pieces). Measured (`node bench/callgrind.mjs --copies 1 --repeat 11`, one warm
//! call on the seed article): 58,611 instructions, 23 per byte (was 140,218 at the start
//! of session 4). Not measured: texts in scripts without spaces between words (CJK), which
//! become one token per run of letters.

/// What a token is made of; the analysers use it to skip punctuation cheaply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits, inner hyphens, apostrophes or dots).
    Word,
    /// Starts with a digit.
    Number,
    /// One punctuation or symbol character (or a run of one repeated char, like `--`).
    Punct,
}

/// A token: `text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// First token of its sentence.
    pub sentence_start: bool,
    /// First token on its line (after a `\n`, or the first token of the text).
    pub line_start: bool,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Abbreviations whose final dot belongs to the word. Sorted (byte order): a test checks.
const ABBREVIATIONS: &[&str] = &[
    "Adm", "Ala", "Apr", "Ariz", "Ark", "Assn", "Aug", "Ave", "Blvd", "Bros", "Calif", "Capt",
    "Cmdr", "Co", "Col", "Colo", "Conn", "Corp", "Dec", "Del", "Dept", "Dr", "Feb", "Fla",
    "Fri", "Ft", "Ga", "Gen", "Gov", "Hon", "Ida", "Ill", "Inc", "Ind", "Jan", "Jr", "Jul",
    "Jun", "Kan", "Ky", "La", "Lt", "Ltd", "Maj", "Mar", "Mass", "Md", "Messrs", "Mich", "Minn",
    "Miss", "Mlle", "Mme", "Mo", "Mon", "Mont", "Mr", "Mrs", "Ms", "Mt", "Neb", "Nev", "No",
    "Nos", "Nov", "Oct", "Okla", "Ore", "Pa", "Penn", "Pres", "Prof", "Rd", "Rep", "Rev", "Sat",
    "Sen", "Sep", "Sept", "Sgt", "Sr", "St", "Sun", "Supt", "Tenn", "Tex", "Thu", "Thur",
    "Thurs", "Tue", "Tues", "Univ", "Va", "Vt", "Wash", "Wed", "Wis", "Wyo", "a.m", "approx",
    "est", "etc", "p.m", "v", "vs",
];

/// The longest entry of [`ABBREVIATIONS`], in bytes: longer words skip the list.
const MAX_ABBREVIATION: usize = 6;

/// A word of at most [`MAX_ABBREVIATION`] (< 8) bytes as one number: its bytes big-endian
/// and zero-padded, so that keys sort as the words do (no entry holds a NUL byte).
const fn abbreviation_key(w: &[u8]) -> u64 {
    let mut k = 0u64;
    let mut i = 0;
    while i < w.len() && i < 8 {
        k |= (w[i] as u64) << (8 * (7 - i));
        i += 1;
    }
    k
}

/// [`ABBREVIATIONS`] as keys, in its (sorted) order.
const ABBREVIATION_KEYS: [u64; ABBREVIATIONS.len()] = {
    let mut out = [0u64; ABBREVIATIONS.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = abbreviation_key(ABBREVIATIONS[i].as_bytes());
        i += 1;
    }
    out
};

/// Bit `b - 64` of entry `n` is set when some abbreviation of `n` bytes starts with byte
/// `b` (all start with a letter, 64..128): most words fail it and skip the search.
const ABBREVIATION_SHAPES: [u64; MAX_ABBREVIATION + 1] = {
    let mut out = [0u64; MAX_ABBREVIATION + 1];
    let mut i = 0;
    while i < ABBREVIATIONS.len() {
        let w = ABBREVIATIONS[i].as_bytes();
        assert!(w[0] >= 64 && w[0] < 128);
        out[w.len()] |= 1 << (w[0] - 64);
        i += 1;
    }
    out
};

/// Whether `word` is in [`ABBREVIATIONS`]: a binary search over [`ABBREVIATION_KEYS`]
/// (one integer comparison a step instead of a `memcmp`), behind a (length, first byte)
/// filter.
fn in_abbreviations(word: &str) -> bool {
    let w = word.as_bytes();
    let shape = match (ABBREVIATION_SHAPES.get(w.len()), w.first()) {
        (Some(&m), Some(&b)) if (64..128).contains(&b) => m & (1 << (b - 64)),
        _ => 0,
    };
    if shape == 0 {
        return false;
    }
    // A NUL byte at the end would read as padding; one inside leaves a zero byte that no
    // entry's key has (no entry holds a NUL).
    w.len() <= MAX_ABBREVIATION
        && w.last() != Some(&0)
        && ABBREVIATION_KEYS.binary_search(&abbreviation_key(w)).is_ok()
}

fn is_abbreviation(word: &str) -> bool {
    if in_abbreviations(word) {
        return true;
    }
    // Initials and dotted acronyms: "J", "U.S", "U.N", "e.g".
    if word.is_ascii() {
        // Letter, dot, letter, ...: one letter between dots.
        let w = word.as_bytes();
        return w.len() % 2 == 1
            && w.iter().enumerate().all(|(k, &b)| if k % 2 == 0 { b.is_ascii_alphabetic() } else { b == b'.' });
    }
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

/// Byte classes, for the byte loops: an ASCII letter or digit, ASCII whitespace (as
/// `char::is_whitespace` has it, U+000B included), an ASCII joiner ([`is_joiner`]), and a
/// byte of a non-ASCII char (decoded where it is met).
const WORD: u8 = 1;
const SPACE: u8 = 2;
const JOIN: u8 = 4;
const HIGH: u8 = 8;
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            WORD
        } else if matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
            SPACE
        } else if matches!(c, b'-' | b'.' | b',' | b'\'' | b'&' | b'/' | b':' | b'_') {
            JOIN
        } else if c >= 0x80 {
            HIGH
        } else {
            0
        };
        b += 1;
    }
    t
};

#[inline]
fn class(b: u8) -> u8 {
    CLASS[b as usize]
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // General punctuation (dashes, curly quotes, bullets): no letter, digit or combining
    // mark there (a test checks), and the Unicode tables' slow lookup is skipped.
    if matches!(c as u32, 0x2000..=0x206F) {
        return false;
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

/// The text's bytes with char access at byte offsets (always char boundaries here).
struct Cursor<'a> {
    text: &'a str,
    bytes: &'a [u8],
}

impl Cursor<'_> {
    /// The char at byte `p` and its length in bytes; `None` at the end.
    #[inline]
    fn char_at(&self, p: usize) -> Option<(char, usize)> {
        match self.bytes.get(p) {
            Some(&b) if b.is_ascii() => Some((b as char, 1)),
            Some(_) => self.decode(p),
            None => None,
        }
    }

    /// The non-ASCII char at byte `p`.
    #[inline(never)]
    fn decode(&self, p: usize) -> Option<(char, usize)> {
        let c = self.text.get(p..).and_then(|s| s.chars().next())?;
        Some((c, c.len_utf8()))
    }

    /// Whether a word char starts at byte `p` (false at the end and on whitespace).
    #[inline]
    fn word_at(&self, p: usize) -> bool {
        match self.bytes.get(p) {
            Some(&b) if b.is_ascii() => class(b) & WORD != 0,
            Some(_) => self.decode(p).is_some_and(|(c, _)| is_word_char(c)),
            None => false,
        }
    }

    /// The byte after the run of word chars starting at `p`.
    #[inline]
    fn skip_word_chars(&self, mut p: usize) -> usize {
        loop {
            // ASCII letters and digits, the common case, byte by byte.
            p += self.bytes.get(p..).map_or(0, |rest| rest.iter().take_while(|&&b| class(b) & WORD != 0).count());
            match self.bytes.get(p) {
                Some(&b) if class(b) & HIGH != 0 => match self.decode(p) {
                    Some((c, len)) if is_word_char(c) => p += len,
                    _ => return p,
                },
                _ => return p,
            }
        }
    }
}

/// Splits `text` into tokens, in one pass over its bytes: bytes are classified by a table,
/// non-ASCII chars decoded where they stand (no per-chunk buffer).
pub fn tokenize(text: &str) -> Vec<Token> {
    let cur = Cursor { text, bytes: text.as_bytes() };
    let mut tokens = split(&cur, Vec::with_capacity(text.len() / 5 + 1));
    // The capacity guess is for prose; punctuation-only text (a million quotation marks)
    // has a token per byte, and the doubled capacity would stay allocated (issue 9). Prose
    // stays within the guess: no shrink (a copy) there.
    if tokens.capacity() > tokens.len() + tokens.len() / 2 {
        tokens.shrink_to_fit();
    }
    tokens
}

/// What the flags of the next token depend on: sentence starts are marked as tokens are
/// pushed (the rules of the module docs; the tests compare with the two-pass reference).
struct Flags {
    /// A newline since the last token (true before the first).
    line_start: bool,
    /// The last tokens were a sentence terminator and closing quotes/brackets after it.
    after_end: bool,
    /// Tokens since the last sentence start, for [`MAX_SENTENCE_TOKENS`].
    run: usize,
}

#[inline]
fn push(tokens: &mut Vec<Token>, text: &str, start: usize, end: usize, kind: TokenKind, f: &mut Flags) {
    let line_start = std::mem::take(&mut f.line_start);
    // (The first token of the text is a line start: `line_start` starts true.)
    let mut sentence_start = line_start;
    if f.after_end {
        after_end(text.get(start..end).unwrap_or(""), kind, line_start, f, &mut sentence_start);
    }
    if sentence_start || f.run == MAX_SENTENCE_TOKENS {
        sentence_start = true;
        f.run = 0;
    }
    f.run += 1;
    tokens.push(Token { start, end, kind, sentence_start, line_start });
}

/// The token `t` after a terminator and any closing quotes/brackets: another closing one
/// is skipped; the first other token starts a sentence if it starts with an uppercase
/// letter, a digit or an opening quote.
#[inline(never)]
fn after_end(t: &str, kind: TokenKind, line_start: bool, f: &mut Flags, sentence_start: &mut bool) {
    if kind == TokenKind::Punct && is_closing(t) && !line_start {
        return;
    }
    f.after_end = false;
    let first = t.chars().next().unwrap_or(' ');
    if first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(first, '"' | '\u{201C}' | '\'' | '\u{2018}' | '(' | '\u{AB}')
    {
        *sentence_start = true;
    }
}

/// Splits the text into whitespace-free chunks and those into tokens, in one loop: the
/// first token after a newline (or of the text) is marked `line_start`.
fn split(cur: &Cursor, mut tokens: Vec<Token>) -> Vec<Token> {
    let mut f = Flags { line_start: true, after_end: false, run: 0 };
    let text = cur.text;
    // Where the current whitespace-free chunk started.
    let mut chunk_start = 0;
    let bytes = cur.bytes;
    let mut k = chunk_start;
    while let Some(&b) = bytes.get(k) {
        let cl = class(b);
        if cl & SPACE != 0 {
            if b == b'\n' {
                f.line_start = true;
            }
            k += 1;
            chunk_start = k;
            continue;
        }
        if cl & WORD != 0 {
            // An ASCII letter or digit starts a word (the common case).
            let m = word_end(cur, k, k + 1);
            let kind = if b.is_ascii_digit() { TokenKind::Number } else { TokenKind::Word };
            push(&mut tokens, text, k, m, kind, &mut f);
            k = m;
            continue;
        }
        let (c, clen) = if cl & HIGH != 0 {
            match cur.decode(k) {
                Some((c, len)) if c.is_whitespace() => {
                    k += len;
                    chunk_start = k;
                    continue;
                }
                Some(d) => d,
                None => break,
            }
        } else {
            (b as char, 1)
        };
        if is_word_char(c) {
            // A word that starts with a non-ASCII letter.
            let m = word_end(cur, k, k + clen);
            push(&mut tokens, text, k, m, TokenKind::Word, &mut f);
            k = m;
        } else if is_apostrophe(c)
            && matches!(bytes.get(k + clen), Some(b's' | b'S'))
            && !cur.word_at(k + clen + 1)
            && k > chunk_start
            && cur.text.get(..k).and_then(|s| s.chars().next_back()).is_some_and(is_word_char)
        {
            // The possessive 's.
            push(&mut tokens, text, k, k + clen + 1, TokenKind::Word, &mut f);
            k += clen + 1;
        } else {
            // Punctuation: one char, or a run of the same char ("--", "...").
            let mut m = k + clen;
            if matches!(c, '-' | '.' | '=' | '*' | '_' | '~') {
                while bytes.get(m) == Some(&b) {
                    m += 1;
                }
            }
            push(&mut tokens, text, k, m, TokenKind::Punct, &mut f);
            if is_terminator(text.get(k..m).unwrap_or("")) {
                f.after_end = true;
            }
            k = m;
        }
    }
    tokens
}

/// The end of the word that starts at byte `w_start` and whose first char ends at `m`: word chars, with joiners between
/// word chars, and the dot of an abbreviation.
#[inline(always)]
fn word_end(cur: &Cursor, w_start: usize, mut m: usize) -> usize {
    let bytes = cur.bytes;
    loop {
        m = cur.skip_word_chars(m);
        let Some(&b) = bytes.get(m) else { break };
        let cl = class(b);
        // Whitespace and ASCII punctuation that joins nothing end the word at once.
        let (j, jlen) = if cl & JOIN != 0 {
            (b as char, 1)
        } else if cl & HIGH != 0 {
            match cur.decode(m) {
                Some(d) if is_joiner(d.0) => d,
                _ => break,
            }
        } else {
            break;
        };
        if !cur.word_at(m + jlen) {
            break;
        }
        // Possessive / contraction: "Russia's" -> "Russia" + "'s", "don't" stays.
        if is_apostrophe(j) {
            let tail_is_s = matches!(bytes.get(m + jlen), Some(b's' | b'S')) && !cur.word_at(m + jlen + 1);
            if tail_is_s {
                break;
            }
        }
        // "1,000" but not "Paris,London": commas only between digits. (The byte before is
        // an ASCII digit only if the char before is one.)
        if j == ',' || j == ':' {
            let prev_digit = m > 0 && bytes.get(m - 1).is_some_and(u8::is_ascii_digit);
            let next_digit = bytes.get(m + 1).is_some_and(u8::is_ascii_digit);
            if !(prev_digit && next_digit) {
                break;
            }
        }
        // The joiner and the word char after it.
        let wlen = cur.char_at(m + jlen).map_or(1, |(_, l)| l);
        m += jlen + wlen;
    }
    // A trailing dot of an abbreviation stays with the word.
    if bytes.get(m) == Some(&b'.')
        && !cur.word_at(m + 1)
        && is_abbreviation(cur.text.get(w_start..m).unwrap_or(""))
    {
        m += 1;
    }
    m
}

fn is_closing(t: &str) -> bool {
    matches!(t, "\"" | "'" | "\u{201D}" | "\u{2019}" | ")" | "]" | "\u{BB}" | "\u{203A}")
}

/// The longest sentence, in tokens: a longer run without a sentence end is cut here.
pub const MAX_SENTENCE_TOKENS: usize = 256;

/// Whether punctuation token `t` ends a sentence: `.`, `!`, `?`, `…` or a run of dots.
fn is_terminator(t: &str) -> bool {
    matches!(t.as_bytes().first(), Some(b'.' | b'!' | b'?' | 0xE2))
        && (matches!(t, "." | "!" | "?" | "..." | "\u{2026}") || (t.len() > 1 && t.bytes().all(|b| b == b'.')))
}

/// Sentences as ranges of token indices.
pub fn sentences(tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        if t.sentence_start && i > start {
            out.push(start..i);
            start = i;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

#[cfg(test)]
mod reference;

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn splits_news_text_like_conll() {
        assert_eq!(
            words("Russia's president, Mr. Putin, met U.S. officials (in 1996-08-22)."),
            vec!["Russia", "'s", "president", ",", "Mr.", "Putin", ",", "met", "U.S.", "officials", "(", "in", "1996-08-22", ")", "."]
        );
        assert_eq!(words("“The world,” he said."), vec!["“", "The", "world", ",", "”", "he", "said", "."]);
        assert_eq!(words("Russia-Ukraine War cost $1,000.50"), vec!["Russia-Ukraine", "War", "cost", "$", "1,000.50"]);
        assert_eq!(words("we'll don’t O'Neil"), vec!["we'll", "don’t", "O'Neil"]);
    }

    #[test]
    fn abbreviation_list_fits_its_length_bound() {
        assert!(ABBREVIATIONS.iter().all(|a| a.len() <= MAX_ABBREVIATION));
        assert!(ABBREVIATIONS.iter().any(|a| a.len() == MAX_ABBREVIATION));
        // Sorted and without repeats, so that the binary search finds every entry.
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]), "ABBREVIATIONS must stay sorted");
        assert!(ABBREVIATIONS.iter().all(|a| in_abbreviations(a)));
        for not in ["", "mr", "MR", "Mrs.", "Sept.", "Jane", "a.m.", "Mr\0", "M\0r", "\0", "Co\0\0", "\0Co"] {
            assert_eq!(in_abbreviations(not), ABBREVIATIONS.contains(&not), "{not:?}");
        }
    }

    #[test]
    fn keeps_space_separated_tokens_whole() {
        let conll = "S. AFRICA 1-0 U.S. Inc. ' s ( AFP )";
        assert_eq!(words(conll), vec!["S.", "AFRICA", "1-0", "U.S.", "Inc.", "'", "s", "(", "AFP", ")"]);
    }

    #[test]
    fn offsets_slice_the_text_after_emoji_and_accents() {
        let text = "😀 Café — Putin said.";
        let toks = tokenize(text);
        let putin = toks.iter().find(|t| t.text(text) == "Putin").unwrap();
        assert_eq!(&text[putin.start..putin.end], "Putin");
    }

    #[test]
    fn sentences_end_at_terminators_and_newlines() {
        let text = "He left. Mr. Smith stayed.\nNew line";
        let toks = tokenize(text);
        let sents: Vec<String> = sentences(&toks)
            .into_iter()
            .map(|r| toks[r].iter().map(|t| t.text(text)).collect::<Vec<_>>().join(" "))
            .collect();
        assert_eq!(sents, vec!["He left .", "Mr. Smith stayed .", "New line"]);
    }

    /// The ASCII fast path and the decoded path split alike: the same chunk shapes with and
    /// without accented letters, after an emoji (offsets checked by slicing).
    #[test]
    fn accented_chunks_split_like_ascii_ones() {
        let accented = "😀 José’s U.S.-backed São-Paulo, “Mr. Müller” (1,000)...";
        let plain = "Jose's U.S.-backed Sao-Paulo, \"Mr. Muller\" (1,000)...";
        assert_eq!(
            words(accented),
            vec!["😀", "José", "’s", "U.S.", "-", "backed", "São-Paulo", ",", "“", "Mr.", "Müller", "”", "(", "1,000", ")", "..."]
        );
        assert_eq!(
            words(plain),
            vec!["Jose", "'s", "U.S.", "-", "backed", "Sao-Paulo", ",", "\"", "Mr.", "Muller", "\"", "(", "1,000", ")", "..."]
        );
        let text = format!("{accented} {plain}");
        for t in tokenize(&text) {
            assert!(text.get(t.start..t.end).is_some_and(|s| !s.is_empty() && !s.contains(' ')));
        }
    }

    /// Issue 9: a text with no sentence end (here a million-mark-like run) was one sentence,
    /// and the analysers' per-sentence buffers grew with the whole input.
    #[test]
    fn a_sentence_without_an_end_is_cut_at_the_cap() {
        let text = format!("😀 é {}", "\" ".repeat(1000));
        let toks = tokenize(&text);
        let sents = sentences(&toks);
        assert!(sents.iter().all(|r| r.len() <= MAX_SENTENCE_TOKENS), "{:?}", sents.iter().map(|r| r.len()).collect::<Vec<_>>());
        assert_eq!(sents.iter().map(|r| r.len()).sum::<usize>(), toks.len());
        assert_eq!(sents.len(), toks.len().div_ceil(MAX_SENTENCE_TOKENS));
        // A sentence that ends on its own is not cut.
        let short = "He left. She stayed.";
        assert_eq!(sentences(&tokenize(short)).len(), 2);
    }

    /// The byte table and the general-punctuation shortcut agree with `char`'s own tests.
    #[test]
    fn char_classes_match_the_unicode_ones() {
        for b in 0u8..128 {
            let c = b as char;
            assert_eq!(class(b) & WORD != 0, c.is_ascii_alphanumeric(), "{b}");
            assert_eq!(class(b) & SPACE != 0, c.is_whitespace(), "{b}");
            assert_eq!(class(b) & JOIN != 0, is_joiner(c), "{b}");
        }
        assert!((128u8..=255).all(|b| class(b) == HIGH));
        for u in 0x2000..=0x206F {
            let c = char::from_u32(u).unwrap();
            assert!(!(c.is_alphanumeric() || is_combining(c)), "{u:x}");
        }
        assert!(ABBREVIATION_KEYS.windows(2).all(|w| w[0] < w[1]));
    }

    /// The single-pass tokenizer gives exactly the tokens and flags of the one it replaced
    /// (kept in `reference.rs`) on news text: every stage reads these tokens.
    #[test]
    fn same_tokens_as_the_reference_on_news() {
        for text in [
            include_str!("../../tests/data/seed-article.txt"),
            include_str!("../../bench/samples/harbour-strike.txt"),
            "😀 Café: Mr. O'Neil's \"U.S.-backed\" plan… didn’t work.\u{a0}The A.B.C. Inc. J. Smith\u{2028}1,000 3:30 AT&T e.g. ’s 's x'S Ké'š",
        ] {
            assert_eq!(tokenize(text), reference::tokenize(text), "{text:?}");
        }
        let long = "He said \"no\". ".repeat(300) + &"word ".repeat(600);
        assert_eq!(tokenize(&long), reference::tokenize(&long));
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod prop {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]
            /// Any mix of words, joiners, apostrophes, dots, abbreviations, spaces (ASCII and
            /// not), newlines, accents, combining marks, emoji and punctuation.
            #[test]
            fn same_tokens_as_the_reference(parts in proptest::collection::vec(prop_oneof![
                Just("a"), Just("Mr"), Just("U"), Just("S"), Just("s"), Just("e"), Just("g"), Just("Inc"), Just("a.m"),
                Just("1"), Just("99"), Just("é"), Just("É"), Just("\u{301}"), Just("😀"), Just("ß"), Just("\u{212A}"),
                Just("."), Just(".."), Just(","), Just(":"), Just("'"), Just("’"), Just("-"), Just("--"), Just("&"),
                Just("/"), Just("_"), Just("\u{2010}"), Just("\u{2011}"), Just("="), Just("~"), Just("*"), Just("!"),
                Just("?"), Just("…"), Just("\""), Just("“"), Just("”"), Just("("), Just(")"), Just("]"), Just("»"),
                Just("«"), Just("‘"), Just("—"), Just(" "), Just("  "), Just("\n"), Just("\t"), Just("\u{b}"),
                Just("\u{a0}"), Just("\u{2028}"), Just("\u{3000}"), Just("\0"), Just("Said"), Just("The")
            ], 0..40)) {
                let text: String = parts.concat();
                prop_assert_eq!(tokenize(&text), reference::tokenize(&text));
            }
        }

        /// Sentence cap: long runs without an end, mixed with ends, as the reference cuts them.
        #[test]
        fn same_sentence_cuts_as_the_reference() {
            for n in [255, 256, 257, 600] {
                let text = format!("{} End. {} x", "\" ".repeat(n), "a ".repeat(n));
                assert_eq!(tokenize(&text), reference::tokenize(&text));
            }
        }
    }
}
