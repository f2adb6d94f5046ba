//! Feature extraction for the entity tagger: every token gets a list of hashed feature ids
//! (bucket indices into the model's weight table).
//!
//! The templates (listed in [`TEMPLATES`], whose hash is stored in the model header) are:
//! the word and its lowercase form (digits mapped to `0`), lowercase words at -2..+2, word
//! shapes (`Xxxx`, `X.X.`, `dd-dd`, long and collapsed) at -1..+1 and their bigrams,
//! prefixes and suffixes of 1-4 chars, word bigrams, case/type flags, whether the sentence is
//! an ALL-CAPS headline, document-level case evidence (the same word written title-case in
//! mid-sentence or in lowercase elsewhere in the article), and entity-name list matches
//! (names learned from the training data, matched longest-first, case-insensitively).
//! Context aggregation (`ca_prev`, `ca_next`, Ratinov & Roth 2009): a capitalised word also
//! gets the lowercase words one and two before and after its other capitalised occurrences in
//! the article (up to [`MAX_CONTEXTS`] of them; `ca_prev2`/`ca_next2` are the words two away):
//! "Pirelli said" borrows "Pirelli shares" and "Pirelli Cables". Measured on dev: one word
//! each side +0.7 F1 after the first pass, +0.4 after the second; two words each side another
//! +0.6 (0.9312 -> 0.9372 through `annotate`), which held the seed only once the first-name
//! list was in (without it "Grant Shapps" and "US" became ORG, seed 0.870).
//! The second pass adds the non-local templates `nl_*` of [`NonLocal`], computed from the
//! first pass's labels of the same word elsewhere in the article.
//!
//! No `String` is allocated per token: words are hashed char by char, ASCII words (most of
//! an English article) byte by byte with a class table, which a unit test checks against the
//! char path on every ASCII string of one and two bytes; words of letters only, lowercase or
//! with one capital first, take their shape hashes from a table built at compile time (seed
//! article: tagger 858K -> 845K instructions per warm call).
//!
//! Word types ([`DocInfo`]) are interned in an open-addressing table of type ids keyed by a
//! hash of the token's bytes (8 at a time) and checked against the bytes of the type's first
//! occurrence; the table's buffers are kept from one article to the next on the same thread
//! (up to 32K slots). Per type, the word, lowercase and shape hashes are computed at once;
//! the affix hashes only when the type's own features are summed (most types are only ever
//! read as a neighbour). Lowercase forms (case evidence, context aggregation) are numbered
//! through a second table keyed by the lowercase hash, when the type is first seen (its form
//! too); headlines and case evidence are settled sentence by sentence in the same pass over
//! the tokens. Words of up to 8 bytes are compared as one number. Measured (callgrind, seed
//! article, one warm call): `DocInfo::new` 301K -> 221K instructions (the std `HashMap`
//! keyed by `(&str, kind)`, three maps keyed by word hashes and the eager affix hashes
//! before); the fused pass did not lower it further (227K); with the letters-only path
//! below 206K. Then (session 4) ~181K, tagger 936,813 -> 910,676 per warm seed call:
//! chars of the General Punctuation block (curly quotes, dashes, bullets) skip the Unicode
//! table lookups (-17K: ten lookups of ~350 instructions each, and non-letter words no
//! longer tried twice), the scratch vectors are kept between calls with the tables (-6.5K),
//! words of up to 8 bytes are read as one masked 8-byte load (-1.5K). Session 5 (seed, one
//! warm call, self cost): 190,012 -> 171,885: a letters-only word is checked and hashed in
//! one pass (-4K); each table entry (`Span`) carries its type's flags, form, lowercase id
//! and case bits, so a repeated token reads only the entry it has just compared and two
//! per-type vectors went (-8K); the tokens that get a context are listed while interning
//! instead of a second pass over all tokens (-0.5K); the 8-byte read is one `first_chunk`
//! (-2K); ALL-CAPS docforms are found by a scan when there are at most 8 ALL-CAPS types,
//! not a sort (-2.5K inclusive). Tried and dropped: building new types in an out-of-line
//! function (+8K: call overhead and reloads, the per-token loop did not get smaller);
//! first/last four chars packed into a `u32` and widened (no change); `Span` holding the
//! length instead of the end (+0.5K). What is left (per warm call): ~35K the per-token loop
//! (~76 instructions a token: slice and bounds checks, the hash, one probe, the token's
//! flags), ~31K storing the 243 new types (~128 instructions each, mostly the 80-byte
//! [`TokInfo`] and the table entry written from spilled registers), ~25K hashing them (two
//! chains per byte), ~9K the contexts, the rest case evidence and headlines.
//! `NonLocal::new` 43.0K -> 37.5K (self): its `nl_frac`/`nl_pos`/`nl_prev` hashes come from
//! compile-time tables and its feature vector is presized; keeping its four scratch vectors
//! in a thread-local cost more than the allocations it saved (+1K inclusive, dropped).
//! `gaz_marks` (45K) is ~595 name-list lookups of ~46 instructions each: left as is.
//! Not measured: the same costs in wasm (these are native x86-64 counts).

use crate::tokenize::{Token, TokenKind};

pub mod emit;

/// Bump when the extraction code changes in a way the template names do not show.
pub const FEATURE_VERSION: u32 = 5;

/// The feature templates, in id order. Their hash (with [`FEATURE_VERSION`]) is the
/// feature-schema hash in the model header.
pub const TEMPLATES: &[&str] = &[
    "bias", "w0", "l0", "l-1", "l+1", "l-2", "l+2", "shape0", "shape-1", "shape+1",
    "sshape-1_0", "sshape0_+1", "pre", "suf", "l-1_l0", "l0_l+1", "flags0", "flag",
    "capsline_sshape0", "doc_case", "gaz_b", "gaz_i", "gaz_len", "gaz_prev", "gaz_next",
    "l-1_sshape0", "sshape0_l+1", "sent_start_l0", "docform", "sshape-2_-1_0",
    // Non-local (second pass, from the first pass's labels elsewhere in the article).
    "nl_frac", "nl_maj_case", "nl_pos", "nl_prev",
    // Context aggregation: the neighbours of the same capitalised word elsewhere.
    "ca_prev", "ca_next", "ca_prev2", "ca_next2",
];

const T_BIAS: u64 = 0;
const T_W0: u64 = 1;
const T_L0: u64 = 2;
const T_LM1: u64 = 3;
const T_LP1: u64 = 4;
const T_LM2: u64 = 5;
const T_LP2: u64 = 6;
const T_SHAPE0: u64 = 7;
const T_SHAPEM1: u64 = 8;
const T_SHAPEP1: u64 = 9;
const T_SSM1_0: u64 = 10;
const T_SS0_P1: u64 = 11;
const T_PRE: u64 = 12;
const T_SUF: u64 = 13;
const T_LM1_L0: u64 = 14;
const T_L0_LP1: u64 = 15;
const T_FLAGS0: u64 = 16;
const T_FLAG: u64 = 17;
const T_CAPSLINE: u64 = 18;
const T_DOCCASE: u64 = 19;
const T_GAZ_B: u64 = 20;
const T_GAZ_I: u64 = 21;
const T_GAZ_LEN: u64 = 22;
const T_GAZ_PREV: u64 = 23;
const T_GAZ_NEXT: u64 = 24;
const T_LM1_SS0: u64 = 25;
const T_SS0_LP1: u64 = 26;
const T_SENT_L0: u64 = 27;
const T_DOCFORM: u64 = 28;
const T_SS_TRI: u64 = 29;
const T_NL_FRAC: u64 = 30;
const T_NL_MAJ_CASE: u64 = 31;
const T_NL_POS: u64 = 32;
const T_NL_PREV: u64 = 33;
const T_CA_PREV: u64 = 34;
const T_CA_NEXT: u64 = 35;
const T_CA_PREV2: u64 = 36;
const T_CA_NEXT2: u64 = 37;

/// Longest entity name (in tokens) looked up in the name list.
pub const MAX_GAZ_LEN: usize = 6;

/// The feature-schema hash: changes whenever the template list or version changes.
pub fn schema_hash(hash_bits: u32, labels: &[&str]) -> u64 {
    let mut h = Hasher::new(0x5eed);
    h.u64(FEATURE_VERSION as u64);
    h.u64(hash_bits as u64);
    for t in TEMPLATES {
        h.str(t);
        h.u64(0xff);
    }
    for l in labels {
        h.str(l);
        h.u64(0xfe);
    }
    h.finish()
}

/// A small, fast, deterministic hasher (FxHash-style multiply-rotate with a final mix).
#[derive(Clone, Copy)]
pub struct Hasher(u64);

const K: u64 = 0x9E37_79B9_7F4A_7C15;

impl Hasher {
    #[inline]
    pub const fn new(seed: u64) -> Self {
        Hasher(seed.wrapping_mul(K) ^ 0x243F_6A88_85A3_08D3)
    }
    #[inline]
    pub fn u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(K);
    }
    #[inline]
    pub fn str(&mut self, s: &str) {
        for c in s.chars() {
            self.u64(c as u64);
        }
    }
    #[inline]
    pub fn finish(&self) -> u64 {
        let mut x = self.0;
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        x ^ (x >> 33)
    }
}

#[inline]
fn h2(t: u64, a: u64) -> u64 {
    let mut h = Hasher::new(t);
    h.u64(a);
    h.finish()
}

#[inline]
fn h3(t: u64, a: u64, b: u64) -> u64 {
    let mut h = Hasher::new(t);
    h.u64(a);
    h.u64(b);
    h.finish()
}

#[inline]
fn h4(t: u64, a: u64, b: u64, c: u64) -> u64 {
    let mut h = Hasher::new(t);
    h.u64(a);
    h.u64(b);
    h.u64(c);
    h.finish()
}

// Token flags.
const F_TITLE: u32 = 1;
const F_ALLCAPS: u32 = 1 << 1;
const F_LOWER: u32 = 1 << 2;
const F_DIGIT: u32 = 1 << 3;
const F_PUNCT: u32 = 1 << 4;
const F_SENT_START: u32 = 1 << 5;
const F_HYPHEN: u32 = 1 << 6;
const F_DOT: u32 = 1 << 7;
const F_CAPS_LINE: u32 = 1 << 8;
const F_MIXED: u32 = 1 << 9;
const F_SINGLE_UPPER: u32 = 1 << 10;
const F_APOS: u32 = 1 << 11;
const F_NUMBER: u32 = 1 << 12;
const F_NONASCII: u32 = 1 << 13;

/// What the tagger knows about one token before context.
#[derive(Clone, Copy, Default)]
pub struct TokInfo {
    /// Exact form (digits as 0).
    pub word: u64,
    /// Lowercase form (digits as 0).
    pub lower: u64,
    shape: u64,
    sshape: u64,
    /// The first and last (up to) four chars of the lowercase form, for the affix hashes
    /// ([`TokInfo::pre`], [`TokInfo::suf`]), which are computed only for the types that
    /// need them (most types are only ever read as a neighbour).
    first4: [u32; 4],
    last4: [u32; 4],
    n_pre: u8,
    pub flags: u32,
    /// Case-restored form for ALL-CAPS words whose title-case form the article uses.
    docform: u64,
}

impl TokInfo {
    pub fn is_capitalized(&self) -> bool {
        self.flags & (F_TITLE | F_ALLCAPS | F_SINGLE_UPPER | F_MIXED) != 0
    }

    /// The prefix hashes (lowercase, 1 to 4 chars; the first [`TokInfo::n_affix`] are set).
    #[inline]
    fn pre(&self) -> [u64; 4] {
        let mut pre = [0u64; 4];
        let mut h = Hasher::new(5);
        for k in 0..(self.n_pre as usize).min(4) {
            h.u64(self.first4[k] as u64);
            pre[k] = h.finish();
        }
        pre
    }

    /// The suffix hashes (lowercase, 1 to 4 chars; the first [`TokInfo::n_affix`] are set).
    #[inline]
    fn suf(&self) -> [u64; 4] {
        let mut suf = [0u64; 4];
        for k in 0..(self.n_pre as usize).min(4) {
            let mut h = Hasher::new(6);
            for &c in &self.last4[3 - k..] {
                h.u64(c as u64);
            }
            suf[k] = h.finish();
        }
        suf
    }

    /// How many affixes of each kind the word has: its length in chars, at most 4.
    #[inline]
    fn n_affix(&self) -> usize {
        (self.n_pre as usize).min(4)
    }
}

/// The case and kind flags of a token from its letter and digit counts (both hashing paths,
/// ASCII and char by char, share it). `letters` counts every alphabetic char, cased or not.
fn case_flags(letters: usize, upper: usize, lowerc: usize, digits: usize, first_upper: bool, kind: TokenKind) -> u32 {
    let mut flags = 0;
    if letters > 0 {
        if upper == letters {
            flags |= if letters == 1 { F_SINGLE_UPPER } else { F_ALLCAPS };
        } else if first_upper && upper == 1 {
            flags |= F_TITLE;
        } else if upper > 0 {
            flags |= F_MIXED;
        } else if lowerc > 0 {
            flags |= F_LOWER;
        }
    }
    if digits > 0 {
        flags |= F_DIGIT;
    }
    match kind {
        TokenKind::Punct => flags |= F_PUNCT,
        TokenKind::Number => flags |= F_NUMBER,
        TokenKind::Word => {}
    }
    flags
}

/// A word's shape hashes, char class by char class (both hashing paths, ASCII and char by
/// char, feed it): `shape` keeps runs of one class up to 4 long (`Xxxx`), `sshape` collapses
/// them (`Xx`).
struct Shapes {
    shape: Hasher,
    sshape: Hasher,
    prev: u64,
    run: usize,
}

impl Shapes {
    #[inline]
    fn new() -> Shapes {
        Shapes { shape: Hasher::new(3), sshape: Hasher::new(4), prev: 0, run: 0 }
    }

    #[inline]
    fn push(&mut self, cls: u64) {
        if cls == self.prev {
            self.run += 1;
        } else {
            self.run = 1;
            self.sshape.u64(cls);
        }
        if self.run <= 4 {
            self.shape.u64(cls);
        }
        self.prev = cls;
    }
}

fn shape_class(c: char) -> u64 {
    // ASCII first (the same classes: the only ASCII numerics are 0-9, the only ASCII
    // letters a-z and A-Z).
    if c.is_ascii() {
        return if c.is_ascii_uppercase() {
            'X' as u64
        } else if c.is_ascii_lowercase() {
            'x' as u64
        } else if c.is_ascii_digit() {
            'd' as u64
        } else {
            c as u64
        };
    }
    if c.is_uppercase() {
        'X' as u64
    } else if c.is_lowercase() {
        'x' as u64
    } else if c.is_numeric() {
        'd' as u64
    } else if c.is_alphabetic() {
        'a' as u64
    } else if c.is_ascii() {
        c as u64
    } else {
        '?' as u64
    }
}

fn norm_lower(c: char, out: &mut impl FnMut(u64)) {
    if c.is_ascii_digit() {
        out('0' as u64);
    } else if c.is_ascii() {
        out(c.to_ascii_lowercase() as u64);
    } else {
        for l in c.to_lowercase() {
            out(l as u64);
        }
    }
}

/// The hash of a word's lowercase form (digits as 0), as [`TokInfo::lower`] holds it.
pub fn lower_hash(s: &str) -> u64 {
    let mut h = Hasher::new(2);
    for c in s.chars() {
        norm_lower(c, &mut |x| h.u64(x));
    }
    h.finish()
}

fn title_hash(s: &str) -> u64 {
    // The exact form of the title-case version of `s` (first letter upper, rest lower).
    let mut h = Hasher::new(1);
    let mut first = true;
    for c in s.chars() {
        if c.is_ascii_digit() {
            h.u64('0' as u64);
        } else if first {
            for u in c.to_uppercase() {
                h.u64(u as u64);
            }
        } else {
            for l in c.to_lowercase() {
                h.u64(l as u64);
            }
        }
        if c.is_alphabetic() {
            first = false;
        }
    }
    h.finish()
}

/// Byte classes of ASCII for [`tok_info_ascii`]: bit 0 uppercase, 1 lowercase, 2 digit.
const ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = if b >= b'A' as usize && b <= b'Z' as usize {
            1
        } else if b >= b'a' as usize && b <= b'z' as usize {
            2
        } else if b >= b'0' as usize && b <= b'9' as usize {
            4
        } else {
            0
        };
        b += 1;
    }
    t
};

/// [`Hasher::u64`] at compile time.
const fn mix_const(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// [`Hasher::finish`] at compile time.
const fn finish_const(h: u64) -> u64 {
    let mut x = h;
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// The shape and collapsed-shape hashes of a word of lowercase letters (`first_upper`
/// false) or of one capital and then lowercase letters, `n` chars long (index `n.min(5)`):
/// what [`Shapes`] gives for those class sequences.
const fn letter_shapes(first_upper: bool) -> [(u64, u64); 6] {
    let mut out = [(0u64, 0u64); 6];
    let mut n = 1;
    while n < 6 {
        let mut shape = Hasher::new(3).0;
        let mut sshape = Hasher::new(4).0;
        let mut i = 0;
        let mut prev = 0u64;
        let mut run = 0;
        while i < n {
            let cls = if i == 0 && first_upper { 'X' as u64 } else { 'x' as u64 };
            if cls == prev {
                run += 1;
            } else {
                run = 1;
                sshape = mix_const(sshape, cls);
            }
            if run <= 4 {
                shape = mix_const(shape, cls);
            }
            prev = cls;
            i += 1;
        }
        out[n] = (finish_const(shape), finish_const(sshape));
        n += 1;
    }
    out
}

const LOWER_SHAPES: [(u64, u64); 6] = letter_shapes(false);
const TITLE_SHAPES: [(u64, u64); 6] = letter_shapes(true);

/// [`tok_info_ascii`] for a word of ASCII letters, all lowercase or one capital first (most
/// words of an article): the shapes come from a table, the word and lowercase forms are
/// hashed without classes. `None` for any other word.
#[inline]
fn tok_info_letters(s: &[u8], kind: TokenKind) -> Option<TokInfo> {
    let (&first, rest) = s.split_first()?;
    let first_upper = first.is_ascii_uppercase();
    if !(first_upper || first.is_ascii_lowercase()) {
        return None;
    }
    // One pass: the check that the rest is lowercase and both hash chains.
    let mut word = Hasher::new(1);
    let mut lower = Hasher::new(2);
    word.u64(first as u64);
    lower.u64((first | 0x20) as u64);
    for &b in rest {
        if !b.is_ascii_lowercase() {
            return None;
        }
        word.u64(b as u64);
        lower.u64(b as u64);
    }
    let n = s.len();
    let shapes = if first_upper { &TITLE_SHAPES } else { &LOWER_SHAPES };
    let (shape, sshape) = shapes.get(n.min(5)).copied().unwrap_or((0, 0));
    // The first and last four chars, lowercase (0 past the word's length).
    let at = |i: usize| s.get(i).map_or(0, |&b| (b | 0x20) as u32);
    let first4 = [at(0), at(1), at(2), at(3)];
    let back = |k: usize| n.checked_sub(k).map_or(0, at);
    let last4 = [back(4), back(3), back(2), back(1)];
    let upper = first_upper as usize;
    let flags = case_flags(n, upper, n - upper, 0, first_upper, kind);
    Some(TokInfo {
        word: word.finish(),
        lower: lower.finish(),
        shape,
        sshape,
        first4,
        last4,
        n_pre: n.min(4) as u8,
        flags,
        docform: 0,
    })
}

/// [`tok_info_chars`] for an ASCII word: the same hashes and flags, byte by byte with a
/// class table (no char decoding, no Unicode class lookups). Most words of an English
/// article take this path; a unit test checks it against the char path.
fn tok_info_ascii(s: &[u8], kind: TokenKind) -> TokInfo {
    let mut word = Hasher::new(1);
    let mut lower = Hasher::new(2);
    let mut first4 = [0u32; 4];
    let mut last4: [u32; 4] = [0; 4];
    let (mut upper, mut lowerc, mut digits) = (0usize, 0usize, 0usize);
    let mut flags = 0u32;
    let mut shapes = Shapes::new();
    for (i, &b) in s.iter().enumerate() {
        let class = ASCII_CLASS.get(b as usize).copied().unwrap_or(0);
        let (w, lc, cls) = match class {
            1 => {
                upper += 1;
                (b as u64, (b | 0x20) as u64, 'X' as u64)
            }
            2 => {
                lowerc += 1;
                (b as u64, b as u64, 'x' as u64)
            }
            4 => {
                digits += 1;
                ('0' as u64, '0' as u64, 'd' as u64)
            }
            _ => {
                match b {
                    b'-' => flags |= F_HYPHEN,
                    b'.' => flags |= F_DOT,
                    b'\'' => flags |= F_APOS,
                    _ => {}
                }
                (b as u64, b as u64, b as u64)
            }
        };
        word.u64(w);
        lower.u64(lc);
        shapes.push(cls);
        if let Some(p) = first4.get_mut(i) {
            *p = lc as u32;
        }
        last4 = [last4[1], last4[2], last4[3], lc as u32];
    }
    let n_chars = s.len();
    let letters = upper + lowerc;
    let first_upper = s.first().is_some_and(|b| b.is_ascii_uppercase());
    flags |= case_flags(letters, upper, lowerc, digits, first_upper, kind);
    TokInfo {
        word: word.finish(),
        lower: lower.finish(),
        shape: shapes.shape.finish(),
        sshape: shapes.sshape.finish(),
        first4,
        last4,
        n_pre: n_chars.min(4) as u8,
        flags,
        docform: 0,
    }
}

/// The word-level hashes and flags of one word type (what [`DocInfo::new`] computes; the
/// tests compare the paths through it).
#[cfg(test)]
fn tok_info(s: &str, kind: TokenKind) -> TokInfo {
    if let Some(info) = tok_info_letters(s.as_bytes(), kind) {
        return info;
    }
    if s.is_ascii() {
        tok_info_ascii(s.as_bytes(), kind)
    } else {
        tok_info_chars(s, kind)
    }
}

/// Whether `c` is in Unicode's General Punctuation block (U+2000-U+206F): no char there is
/// alphabetic, cased or numeric, and each is its own lowercase (a unit test checks them all).
#[inline]
fn is_general_punct(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c)
}

/// The word-level hashes and flags of one word type, char by char (any text).
fn tok_info_chars(s: &str, kind: TokenKind) -> TokInfo {
    let mut word = Hasher::new(1);
    let mut lower = Hasher::new(2);
    let mut first4 = [0u32; 4];
    let mut n_pre = 0u8;
    let mut last4: [u32; 4] = [0; 4];
    let (mut upper, mut lowerc, mut letters, mut digits) = (0usize, 0usize, 0usize, 0usize);
    let mut first_upper = false;
    let mut flags = 0u32;
    let mut shapes = Shapes::new();
    for (i, c) in s.chars().enumerate() {
        if is_general_punct(c) {
            // Curly quotes, dashes, bullets: no letter, case or digit, their own lowercase,
            // shape class '?' (what the steps below give, without the Unicode table
            // lookups; a test checks the whole block).
            word.u64(c as u64);
            lower.u64(c as u64);
            if c == '\u{2019}' {
                flags |= F_APOS;
            }
            flags |= F_NONASCII;
            shapes.push('?' as u64);
            if let Some(p) = first4.get_mut(i) {
                *p = c as u32;
                n_pre += 1;
            }
            last4 = [last4[1], last4[2], last4[3], c as u32];
            continue;
        }
        if c.is_ascii_digit() {
            word.u64('0' as u64);
            digits += 1;
        } else {
            word.u64(c as u64);
        }
        norm_lower(c, &mut |x| lower.u64(x));
        if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                upper += 1;
                if i == 0 {
                    first_upper = true;
                }
            } else if c.is_lowercase() {
                lowerc += 1;
            }
        }
        match c {
            '-' => flags |= F_HYPHEN,
            '.' => flags |= F_DOT,
            '\'' | '\u{2019}' => flags |= F_APOS,
            _ => {}
        }
        if !c.is_ascii() {
            flags |= F_NONASCII;
        }
        let cls = shape_class(c);
        shapes.push(cls);
        // Affixes over the lowercase form (one char per input char is close enough).
        let lc = if c.is_ascii_digit() {
            '0' as u64
        } else if c.is_ascii() {
            c.to_ascii_lowercase() as u64
        } else {
            c.to_lowercase().next().unwrap_or(c) as u64
        };
        if let Some(p) = first4.get_mut(i) {
            *p = lc as u32;
            n_pre += 1;
        }
        last4 = [last4[1], last4[2], last4[3], lc as u32];
    }
    flags |= case_flags(letters, upper, lowerc, digits, first_upper, kind);
    TokInfo {
        word: word.finish(),
        lower: lower.finish(),
        shape: shapes.shape.finish(),
        sshape: shapes.sshape.finish(),
        first4,
        last4,
        n_pre,
        flags,
        docform: 0,
    }
}

/// Per-token information for a whole document, with the document-level case evidence.
pub struct DocInfo {
    /// One entry per distinct (token text, kind) in the document, in order of first
    /// occurrence: the word-level hashes, computed once per distinct word.
    types: Vec<TokInfo>,
    /// Per type: the document-level case evidence of its lowercase form.
    type_case: Vec<u8>,
    /// Per token: its type and its flags (the type's plus sentence start and headline).
    tok: Vec<Tok>,
    /// Per type: its *form*, the id of its lowercase form among the capitalised words of
    /// the document (not punctuation or numbers: the words context aggregation and the
    /// non-local features are about), or [`NO_FORM`].
    type_form: Vec<u32>,
    /// Per form: where its contexts start in `contexts` (one more entry at the end).
    form_start: Vec<u32>,
    /// Per form, one after the other: up to [`MAX_CONTEXTS`] capitalised occurrences, in
    /// text order (one allocation, not one vector per form).
    contexts: Vec<Context>,
}

/// The buffers of [`DocInfo::new`]'s word-type tables, kept for the next article on the
/// same thread (not the types: only allocations).
#[derive(Default)]
struct InternSpare {
    table: Vec<u32>,
    spans: Vec<Span>,
    lower_table: Vec<u32>,
    lower_of: Vec<u64>,
    n_of: Vec<u8>,
    form_of_lower: Vec<u32>,
    seen: Vec<u8>,
    titled: Vec<u64>,
    /// The tokens that get a context (the first [`MAX_CONTEXTS`] of each form), with their
    /// form, in text order.
    ctx_toks: Vec<(u32, u32)>,
}

/// A word type's first occurrence: `text[start..end]`, its kind, and its first 8 bytes
/// (words of up to 8 bytes are compared by them alone).
struct Span {
    start: usize,
    end: usize,
    kind: u8,
    head: u64,
    /// Its hash in the table ([`intern_hash`]).
    hash: u32,
    /// The type's flags and form (what each token needs, next to what the lookup reads).
    flags: u32,
    form: u32,
    /// The id of its lowercase form.
    lower: u32,
    /// Its case bits outside headlines (1 title-case mid-sentence, 2 lowercase, 4
    /// title-case at a sentence start).
    bits: u8,
}

/// Tables larger than this (slots) are not kept for the next article.
const INTERN_KEEP: usize = 1 << 15;

thread_local! {
    static INTERN: std::cell::RefCell<InternSpare> = std::cell::RefCell::new(InternSpare::default());
}

/// The word-type table's hash of a token's bytes and kind, and the bytes of a word of up
/// to 8 bytes as one number (0 for longer words).
#[inline]
/// `wide` is the 8 bytes of the text from the word's start, if the text has them: a word of
/// up to 8 bytes is then read as one number and masked (the same number as packing it byte
/// by byte).
fn intern_hash(w: &[u8], kind: u8, wide: Option<&[u8; 8]>) -> (u32, u64) {
    let mut h = (kind as u64 + 1).wrapping_mul(K) ^ (w.len() as u64);
    let pack = |b: &[u8]| b.iter().rev().fold(0u64, |x, &b| x << 8 | b as u64);
    if w.len() <= 8 {
        let head = match wide {
            Some(a) => {
                let keep = if w.len() >= 8 { u64::MAX } else { (1u64 << (8 * w.len())) - 1 };
                u64::from_le_bytes(*a) & keep
            }
            None => pack(w),
        };
        h = (h.rotate_left(5) ^ head).wrapping_mul(K);
        return ((h >> 32) as u32, head);
    }
    let mut chunks = w.chunks_exact(8);
    for c in &mut chunks {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(a)).wrapping_mul(K);
    }
    h = (h.rotate_left(5) ^ pack(chunks.remainder())).wrapping_mul(K);
    ((h >> 32) as u32, 0)
}

/// Doubles an open-addressing table of ids (+ 1; 0 = empty) and re-inserts every entry by
/// its hash, in id order: the word-type table (by the types' span hashes) and the
/// lowercase-form table (by the forms' hashes).
#[cold]
fn grow(table: &mut Vec<u32>, hashes: impl Iterator<Item = usize>) {
    let cap = (table.len() * 2).max(16);
    table.clear();
    table.resize(cap, 0);
    let mask = cap - 1;
    for (id, h) in hashes.enumerate() {
        let mut slot = h & mask;
        while table.get(slot).is_some_and(|&e| e != 0) {
            slot = (slot + 1) & mask;
        }
        if let Some(e) = table.get_mut(slot) {
            *e = id as u32 + 1;
        }
    }
}

/// The end of a sentence's tokens in [`DocInfo::new`]: a headline (most words ALL-CAPS)
/// gets [`F_CAPS_LINE`] on every token; otherwise each token's case goes into its type's
/// [`Span::bits`] (1 title-case mid-sentence, 2 lowercase, 4 title-case at a sentence start).
#[inline]
fn end_sentence(toks: &mut [Tok], words: u32, caps: u32, spans: &mut [Span]) {
    if words > 0 && caps * 2 > words && caps >= 1 && (words >= 2 || caps == words) {
        for t in toks.iter_mut() {
            t.flags |= F_CAPS_LINE;
        }
        return;
    }
    for t in toks.iter() {
        let bit = if t.flags & F_LOWER != 0 {
            2
        } else if t.flags & (F_TITLE | F_MIXED) != 0 {
            if t.flags & F_SENT_START != 0 { 4 } else { 1 }
        } else {
            0
        };
        if let Some(sp) = spans.get_mut(t.ty as usize) {
            sp.bits |= bit;
        }
    }
}

/// A token whose bytes and kind the word-type table does not hold yet: its span, kind, first
/// 8 bytes and hash ([`intern_hash`]), and the empty slot of the table where it goes.
struct NewType {
    start: usize,
    end: usize,
    kind: TokenKind,
    head: u64,
    hash: u32,
    slot: usize,
}

/// [`DocInfo::new`] for a new word type: its hashes and flags, its lowercase form (numbered
/// in `lower_table`) and its form, appended to the per-type vectors; its type id, flags and
/// form.
#[inline(always)]
fn add_type(text: &str, new: NewType, types: &mut Vec<TokInfo>, type_form: &mut Vec<u32>, spare: &mut InternSpare) -> (u32, u32, u32) {
    let InternSpare { table, spans, lower_table, lower_of, n_of, form_of_lower, .. } = spare;
    let ty = types.len() as u32;
    let w = text.as_bytes().get(new.start..new.end).unwrap_or(&[]);
    let info = match tok_info_letters(w, new.kind) {
        Some(info) => info,
        None if w.is_ascii() => tok_info_ascii(w, new.kind),
        None => tok_info_chars(text.get(new.start..new.end).unwrap_or(""), new.kind),
    };
    let (flags, lower) = (info.flags, info.lower);
    // Stored at once (not kept in registers across what follows).
    types.push(info);
    // Its lowercase form.
    let lmask = lower_table.len().wrapping_sub(1);
    let mut ls = lower as usize & lmask;
    let lid = loop {
        match lower_table.get(ls).copied() {
            Some(0) | None => {
                lower_of.push(lower);
                form_of_lower.push(NO_FORM);
                if let Some(e) = lower_table.get_mut(ls) {
                    *e = lower_of.len() as u32;
                }
                break lower_of.len() as u32 - 1;
            }
            Some(e) if lower_of.get(e as usize - 1) == Some(&lower) => break e - 1,
            Some(_) => ls = (ls + 1) & lmask,
        }
    };
    // Its form, if it is a capitalised word.
    let form = if is_capitalized(flags) && flags & (F_PUNCT | F_NUMBER) == 0 {
        match form_of_lower.get_mut(lid as usize) {
            Some(f) if *f == NO_FORM => {
                *f = n_of.len() as u32;
                n_of.push(0);
                *f
            }
            Some(f) => *f,
            None => NO_FORM,
        }
    } else {
        NO_FORM
    };
    type_form.push(form);
    spans.push(Span { start: new.start, end: new.end, kind: new.kind as u8, head: new.head, hash: new.hash, flags, form, lower: lid, bits: 0 });
    if let Some(e) = table.get_mut(new.slot) {
        *e = ty + 1;
    }
    if types.len() * 2 > table.len() {
        grow(table, spans.iter().map(|sp| sp.hash as usize));
        grow(lower_table, lower_of.iter().map(|&h| h as usize));
    }
    (ty, flags, form)
}

/// The form of a type that is not a capitalised word.
pub const NO_FORM: u32 = u32::MAX;

/// One capitalised occurrence for context aggregation: its token, the lowercase words two
/// before, one before, one after and two after (sentinels outside the sentence), and its
/// cache key.
#[derive(Clone, Copy, Default)]
struct Context {
    tok: u32,
    around: [u64; 4],
    key: u32,
}

/// Per-token state kept for the whole document: 8 bytes.
#[derive(Clone, Copy)]
struct Tok {
    ty: u32,
    flags: u32,
}

pub const MAX_CONTEXTS: usize = 6;

/// The largest capacity a per-article map is created with (bigger documents grow it): a
/// guess from the token count must not reserve megabytes up front.
const PRESIZE_MAX: usize = 1 << 14;

const SENTINEL_START: u64 = 0x0053_5441_5254;
const SENTINEL_END: u64 = 0x0045_4e44;

impl DocInfo {
    #[inline(never)] // once per document; kept apart for profiles
    pub fn new(text: &str, tokens: &[Token]) -> DocInfo {
        let mut spare = INTERN.try_with(|c| c.try_borrow_mut().map(|mut c| std::mem::take(&mut *c)).unwrap_or_default()).unwrap_or_default();
        let presize = (tokens.len() / 2 + 16).min(PRESIZE_MAX);
        let mut types: Vec<TokInfo> = Vec::with_capacity(presize);
        let mut tok: Vec<Tok> = Vec::with_capacity(tokens.len());
        // Word types: an open-addressing table of type ids (+1; 0 = empty) keyed by a hash
        // of the token's bytes and kind, checked against the bytes of the type's first
        // occurrence. Load at most 1/2; grown (and rehashed from `hashes`) as types come.
        // Lowercase forms likewise, keyed by the lowercase hash (at most one per type).
        let cap = (presize * 2).next_power_of_two();
        for t in [&mut spare.table, &mut spare.lower_table] {
            t.clear();
            t.resize(cap, 0);
        }
        spare.spans.clear();
        spare.lower_of.clear();
        spare.n_of.clear();
        spare.form_of_lower.clear();
        spare.ctx_toks.clear();
        let mut type_form: Vec<u32> = Vec::with_capacity(presize);
        // (Kept buffers.) `n_of`: per form, its number of contexts (at most MAX_CONTEXTS).
        // `form_of_lower`: per lowercase form, its form, or NO_FORM.
        // The current sentence (for the headline test): its first token, words, ALL-CAPS words.
        let (mut sent, mut words, mut caps) = (0usize, 0u32, 0u32);
        let bytes = text.as_bytes();
        for t in tokens {
            if t.sentence_start {
                end_sentence(tok.get_mut(sent..).unwrap_or(&mut []), words, caps, &mut spare.spans);
                (sent, words, caps) = (tok.len(), 0, 0);
            }
            let w = bytes.get(t.start..t.end).unwrap_or(&[]);
            let kind = t.kind as u8;
            let wide = bytes.get(t.start..).and_then(|r| r.first_chunk::<8>());
            let (h, head) = intern_hash(w, kind, wide);
            let mask = spare.table.len().wrapping_sub(1);
            let mut slot = h as usize & mask;
            let (ty, mut flags, form) = loop {
                match spare.table.get(slot).copied() {
                    Some(0) | None => {
                        let new = NewType { start: t.start, end: t.end, kind: t.kind, head, hash: h, slot };
                        break add_type(text, new, &mut types, &mut type_form, &mut spare);
                    }
                    Some(e) => {
                        let id = e as usize - 1;
                        if let Some(sp) = spare.spans.get(id) {
                            if sp.hash == h
                                && sp.head == head
                                && sp.kind == kind
                                && sp.end - sp.start == w.len()
                                && (w.len() <= 8 || bytes.get(sp.start..sp.end) == Some(w))
                            {
                                break (id as u32, sp.flags, sp.form);
                            }
                        }
                        slot = (slot + 1) & mask;
                    }
                }
            };
            if t.sentence_start {
                flags |= F_SENT_START;
            }
            if flags & (F_ALLCAPS | F_TITLE | F_LOWER | F_MIXED) != 0 {
                words += 1;
                caps += (flags & F_ALLCAPS != 0) as u32;
            }
            if let Some(c) = spare.n_of.get_mut(form as usize) {
                if (*c as usize) < MAX_CONTEXTS {
                    *c += 1;
                    spare.ctx_toks.push((tok.len() as u32, form));
                }
            }
            tok.push(Tok { ty, flags });
        }
        let InternSpare {
            table: _,
            spans,
            lower_table: _,
            lower_of,
            n_of,
            form_of_lower: _,
            seen,
            titled,
            ctx_toks,
        } = &mut spare;
        end_sentence(tok.get_mut(sent..).unwrap_or(&mut []), words, caps, spans);
        // Case evidence: per lowercase form, how it is written outside headlines.
        seen.clear();
        seen.resize(lower_of.len(), 0);
        let mut n_caps = 0usize;
        for sp in spans.iter() {
            if let Some(s) = seen.get_mut(sp.lower as usize) {
                *s |= sp.bits;
            }
            n_caps += (sp.flags & F_ALLCAPS != 0) as usize;
        }
        // The case-restored form of ALL-CAPS words: their title-case form, if the article
        // writes it (title-case or mixed, outside headlines). Looked up in the list of
        // title-case words, sorted unless there are only a few ALL-CAPS types (a scan each
        // is then cheaper than the sort: seed article -2.5K instructions).
        if n_caps > 0 {
            titled.clear();
            titled.extend(
                types.iter().zip(spans.iter()).filter(|(_, sp)| sp.bits & (1 | 4) != 0).map(|(info, _)| info.word),
            );
            let scan = n_caps <= 8;
            if !scan {
                titled.sort_unstable();
            }
            for (info, sp) in types.iter_mut().zip(spans.iter()) {
                if info.flags & F_ALLCAPS != 0 {
                    let th = title_hash(text.get(sp.start..sp.end).unwrap_or(""));
                    if if scan { titled.contains(&th) } else { titled.binary_search(&th).is_ok() } {
                        info.docform = th;
                    }
                }
            }
        }
        let type_case: Vec<u8> = spans.iter().map(|sp| seen.get(sp.lower as usize).copied().unwrap_or(0)).collect();
        let n_forms = n_of.len();
        // Contexts per form, laid out one form after the other.
        let mut form_start = Vec::with_capacity(n_forms + 1);
        let mut total = 0u32;
        for &c in n_of.iter() {
            form_start.push(total);
            total += c as u32;
        }
        form_start.push(total);
        let mut contexts = vec![Context::default(); total as usize];
        n_of.iter_mut().for_each(|c| *c = 0);
        let mut n_contexts = 0u32;
        let key0 = types.len() as u32;
        let lower = |k: usize| tok.get(k).and_then(|t| types.get(t.ty as usize)).map_or(0, |t| t.lower);
        // Whether token `k` starts a sentence (or is past the end).
        let starts = |k: usize| tok.get(k).map_or(true, |t| t.flags & F_SENT_START != 0);
        for &(i, f) in ctx_toks.iter() {
            let (i, f) = (i as usize, f as usize);
            let (Some(have), Some(&at)) = (n_of.get_mut(f), form_start.get(f)) else { continue };
            let prev = if i == 0 || starts(i) { SENTINEL_START } else { lower(i - 1) };
            let prev2 = if i < 2 || starts(i) || starts(i - 1) { SENTINEL_START } else { lower(i - 2) };
            let next = if i + 1 >= tok.len() || starts(i + 1) { SENTINEL_END } else { lower(i + 1) };
            let next2 =
                if i + 2 >= tok.len() || starts(i + 1) || starts(i + 2) { SENTINEL_END } else { lower(i + 2) };
            if let Some(c) = contexts.get_mut(at as usize + *have as usize) {
                *c = Context { tok: i as u32, around: [prev2, prev, next, next2], key: key0.saturating_add(n_contexts) };
            }
            *have += 1;
            n_contexts = n_contexts.saturating_add(1);
        }
        if spare.table.len() <= INTERN_KEEP {
            let _ = INTERN.try_with(|c| {
                if let Ok(mut c) = c.try_borrow_mut() {
                    *c = spare;
                }
            });
        }
        DocInfo { types, type_case, tok, type_form, form_start, contexts }
    }

    /// The form of type `ty` ([`NO_FORM`] for words that are not capitalised).
    #[inline]
    pub fn form_of_type(&self, ty: u32) -> u32 {
        self.type_form.get(ty as usize).copied().unwrap_or(NO_FORM)
    }

    /// The form of token `i`.
    #[inline]
    pub fn form(&self, i: usize) -> u32 {
        self.tok.get(i).map_or(NO_FORM, |t| self.form_of_type(t.ty))
    }

    /// Number of forms.
    pub fn n_forms(&self) -> usize {
        self.form_start.len().saturating_sub(1)
    }

    /// The contexts of form `f` (empty for [`NO_FORM`]).
    #[inline]
    fn form_contexts(&self, f: u32) -> &[Context] {
        let f = f as usize;
        match (self.form_start.get(f), self.form_start.get(f.wrapping_add(1))) {
            (Some(&a), Some(&b)) => self.contexts.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tok.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.tok.is_empty()
    }

    /// The word-level information of token `i` (flags without sentence start and headline;
    /// use [`DocInfo::flags`]).
    #[inline]
    fn info(&self, i: usize) -> &TokInfo {
        const EMPTY: TokInfo =
            TokInfo { word: 0, lower: 0, shape: 0, sshape: 0, first4: [0; 4], last4: [0; 4], n_pre: 0, flags: 0, docform: 0 };
        self.tok.get(i).and_then(|t| self.types.get(t.ty as usize)).unwrap_or(&EMPTY)
    }

    /// The word type of token `i` (an index below [`DocInfo::n_types`]; distinct
    /// (text, kind) pairs have distinct types), or `u32::MAX` out of range.
    #[inline]
    pub fn type_of(&self, i: usize) -> u32 {
        self.tok.get(i).map_or(u32::MAX, |t| t.ty)
    }

    /// Number of cache keys passed to [`Sink::word`]: the word types, then one per
    /// context-aggregation entry, then one for the single-flag features.
    pub fn n_cache_keys(&self) -> usize {
        self.types.len() + self.contexts.len() + 1
    }

    #[inline]
    fn flags(&self, i: usize) -> u32 {
        self.tok.get(i).map_or(0, |t| t.flags)
    }

    #[inline]
    fn lower(&self, i: usize) -> u64 {
        self.info(i).lower
    }

    #[inline]
    fn doc_case(&self, i: usize) -> u8 {
        self.tok.get(i).and_then(|t| self.type_case.get(t.ty as usize)).copied().unwrap_or(0)
    }

    /// Whether token `i` is capitalised (title case, ALL CAPS, one capital, mixed).
    pub fn is_capitalized(&self, i: usize) -> bool {
        is_capitalized(self.flags(i))
    }
}

#[inline]
fn is_capitalized(flags: u32) -> bool {
    flags & (F_TITLE | F_ALLCAPS | F_SINGLE_UPPER | F_MIXED) != 0
}

/// A fixed-seed state for hash maps keyed by strings: deterministic and cheaper than SipHash
/// (keys are the article's own words; the maps are private to one call).
#[derive(Clone, Copy, Default)]
pub(crate) struct FastState;

impl std::hash::BuildHasher for FastState {
    type Hasher = FastHasher;
    fn build_hasher(&self) -> FastHasher {
        FastHasher(0)
    }
}

pub(crate) struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut a = [0u8; 8];
            a.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(a)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
    }
    /// The same value as `write(&x.to_le_bytes())`, without the byte loop (most per-article
    /// maps are keyed by word hashes).
    #[inline]
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(K);
    }
    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(K);
    }
    #[inline]
    fn finish(&self) -> u64 {
        let x = self.0;
        x ^ (x >> 29)
    }
}

pub trait Gazetteer {
    fn lookup(&self, seq_hash: u64) -> u8;
}

/// The hash of a token sequence for the name list, from the tokens' lowercase hashes.
pub fn seq_hash(lowers: impl IntoIterator<Item = u64>) -> u64 {
    let mut h = Hasher::new(77);
    for l in lowers {
        h.u64(l);
    }
    h.finish()
}

/// Where [`extract_into`] sends features, in emission order.
pub trait Sink {
    /// A feature of token `i`.
    fn feat(&mut self, i: usize, h: u64);
    /// A feature of token `i` that depends only on its word type `ty` (see
    /// [`DocInfo::type_of`]): `slot` (< [`WORD_SLOTS`]) names it within the type, and
    /// `h()` computes its hash. A sink may cache per (type, slot) instead of hashing.
    #[inline]
    fn word(&mut self, i: usize, _ty: u32, _slot: usize, h: impl FnOnce() -> u64) {
        self.feat(i, h())
    }
}

/// Number of per-type feature slots passed to [`Sink::word`].
pub const WORD_SLOTS: usize = 30;

struct FnSink<'a>(&'a mut dyn FnMut(usize, u64));

impl Sink for FnSink<'_> {
    #[inline]
    fn feat(&mut self, i: usize, h: u64) {
        (self.0)(i, h)
    }
}

/// Features of tokens `range` of a document.
/// Calls `emit(token_index, feature_hash)`.
pub fn extract(doc: &DocInfo, gaz: &dyn Gazetteer, range: std::ops::Range<usize>, emit: &mut dyn FnMut(usize, u64)) {
    extract_into(doc, gaz, range, &mut FnSink(emit))
}

/// [`extract`] into a [`Sink`]: the same features in the same order, with the word-level
/// ones marked so the sink can cache their weight rows per word type.
pub fn extract_into<S: Sink>(doc: &DocInfo, gaz: &dyn Gazetteer, range: std::ops::Range<usize>, sink: &mut S) {
    let (s, e) = (range.start, range.end.min(doc.len()));
    if s >= e {
        return;
    }
    let lower_at = |i: isize| -> u64 {
        if i < s as isize {
            SENTINEL_START
        } else if i >= e as isize {
            SENTINEL_END
        } else {
            doc.lower(i as usize)
        }
    };
    let sshape_at = |i: isize| -> u64 {
        if i < s as isize {
            SENTINEL_START
        } else if i >= e as isize {
            SENTINEL_END
        } else {
            doc.info(i as usize).sshape
        }
    };
    let shape_at = |i: isize| -> u64 {
        if i < s as isize {
            SENTINEL_START
        } else if i >= e as isize {
            SENTINEL_END
        } else {
            doc.info(i as usize).shape
        }
    };
    let n = e - s;
    let (mut gaz_b, mut gaz_i, mut gaz_len) = (Vec::new(), Vec::new(), Vec::new());
    gaz_marks(doc, gaz, s, e, &mut gaz_b, &mut gaz_i, &mut gaz_len);
    let flag_key = (doc.n_cache_keys() - 1) as u32;
    for i in s..e {
        let t = doc.info(i);
        let ty = doc.type_of(i);
        let tf = doc.flags(i);
        let ii = i as isize;
        sink.word(i, ty, 0, || h2(T_BIAS, 0));
        sink.word(i, ty, 1, || h2(T_W0, t.word));
        sink.word(i, ty, 2, || h2(T_L0, t.lower));
        // Context features that depend only on one neighbour's type: cached under the
        // neighbour's type (sentinels outside the sentence are hashed every time).
        let mut nb = |d: isize, slot: usize, h: &dyn Fn(isize) -> u64| {
            let j = ii + d;
            if j < s as isize || j >= e as isize {
                sink.feat(i, h(j));
            } else {
                sink.word(i, doc.type_of(j as usize), slot, || h(j));
            }
        };
        nb(-1, 16, &|j| h2(T_LM1, lower_at(j)));
        nb(1, 17, &|j| h2(T_LP1, lower_at(j)));
        nb(-2, 18, &|j| h2(T_LM2, lower_at(j)));
        nb(2, 19, &|j| h2(T_LP2, lower_at(j)));
        // The token's own shape (d = 0 is this token's type, as in `sink.word(i, ty, ..)`).
        nb(0, 3, &|j| h2(T_SHAPE0, shape_at(j)));
        nb(-1, 20, &|j| h2(T_SHAPEM1, shape_at(j)));
        nb(1, 21, &|j| h2(T_SHAPEP1, shape_at(j)));
        let mut f = |h: u64| sink.feat(i, h);
        f(h3(T_SSM1_0, sshape_at(ii - 1), t.sshape));
        f(h3(T_SS0_P1, t.sshape, sshape_at(ii + 1)));
        f(h4(T_SS_TRI, sshape_at(ii - 2), sshape_at(ii - 1), t.sshape));
        let (pre, suf) = (t.pre(), t.suf());
        for k in 0..t.n_affix() {
            sink.word(i, ty, 4 + k, || h3(T_PRE, k as u64, pre[k]));
            sink.word(i, ty, 8 + k, || h3(T_SUF, k as u64, suf[k]));
        }
        let mut f = |h: u64| sink.feat(i, h);
        f(h3(T_LM1_L0, lower_at(ii - 1), t.lower));
        f(h3(T_L0_LP1, t.lower, lower_at(ii + 1)));
        f(h3(T_LM1_SS0, lower_at(ii - 1), t.sshape));
        f(h3(T_SS0_LP1, t.sshape, lower_at(ii + 1)));
        // A token's flags are its type's plus sentence start and headline: per type, four
        // variants. The single-flag features go under one extra key, a slot per bit.
        let var = (tf & F_SENT_START != 0) as usize | ((tf & F_CAPS_LINE != 0) as usize) << 1;
        sink.word(i, ty, 22 + var, || h2(T_FLAGS0, tf as u64));
        let mut bits = tf;
        while bits != 0 {
            let b = bits.trailing_zeros();
            if (b as usize) < WORD_SLOTS {
                sink.word(i, flag_key, b as usize, || h2(T_FLAG, b as u64));
            } else {
                sink.feat(i, h2(T_FLAG, b as u64));
            }
            bits &= bits - 1;
        }
        if tf & F_CAPS_LINE != 0 {
            sink.word(i, ty, 12, || h2(T_CAPSLINE, t.sshape));
        }
        if i == s || tf & F_SENT_START != 0 {
            sink.word(i, ty, 13, || h2(T_SENT_L0, t.lower));
        }
        let case = tf & (F_TITLE | F_ALLCAPS | F_LOWER | F_MIXED | F_SENT_START | F_CAPS_LINE);
        sink.word(i, ty, 26 + var, || h3(T_DOCCASE, case as u64, doc.doc_case(i) as u64));
        if t.docform != 0 {
            sink.word(i, ty, 14, || h2(T_DOCFORM, t.docform));
            sink.word(i, ty, 15, || h2(T_W0, t.docform));
        }
        if is_capitalized(tf) && tf & (F_PUNCT | F_NUMBER) == 0 {
            {
                for c in doc.form_contexts(doc.form_of_type(ty)) {
                    if c.tok as usize != i {
                        let [p2, p, n, n2] = c.around;
                        sink.word(i, c.key, 0, || h2(T_CA_PREV, p));
                        sink.word(i, c.key, 1, || h2(T_CA_NEXT, n));
                        sink.word(i, c.key, 2, || h2(T_CA_PREV2, p2));
                        sink.word(i, c.key, 3, || h2(T_CA_NEXT2, n2));
                    }
                }
            }
        }
        let mut f = |h: u64| sink.feat(i, h);
        let k = i - s;
        if gaz_b[k] != 0 {
            f(h3(T_GAZ_B, gaz_b[k] as u64, (gaz_len[k] > 1) as u64));
        }
        if gaz_i[k] != 0 {
            f(h3(T_GAZ_I, gaz_i[k] as u64, (gaz_len[k] > 2) as u64));
        }
        f(h3(T_GAZ_LEN, gaz_len[k] as u64, (gaz_b[k] | gaz_i[k]) as u64));
        if k > 0 {
            f(h2(T_GAZ_PREV, (gaz_b[k - 1] | gaz_i[k - 1]) as u64));
        }
        if k + 1 < n {
            f(h2(T_GAZ_NEXT, (gaz_b[k + 1] | gaz_i[k + 1]) as u64));
        }
    }
}

/// Name-list matches of tokens `s..e` (`s < e <= doc.len()`): greedy longest match from the
/// left, starting at capitalised words. Fills, per token of the range, the type mask of the
/// match it begins (`gaz_b`) or continues (`gaz_i`) and the match length (`gaz_len`).
fn gaz_marks(doc: &DocInfo, gaz: &dyn Gazetteer, s: usize, e: usize, gaz_b: &mut Vec<u8>, gaz_i: &mut Vec<u8>, gaz_len: &mut Vec<u8>) {
    let n = e - s;
    for v in [&mut *gaz_b, &mut *gaz_i, &mut *gaz_len] {
        v.clear();
        v.resize(n, 0);
    }
    let mut i = s;
    while i < e {
        let mut best = (0usize, 0u8);
        if doc.is_capitalized(i) {
            let mut h = Hasher::new(77);
            for len in 1..=MAX_GAZ_LEN.min(e - i) {
                h.u64(doc.lower(i + len - 1));
                let m = gaz.lookup(h.finish());
                if m != 0 {
                    best = (len, m);
                }
            }
        }
        if best.0 > 0 {
            gaz_b[i - s] = best.1;
            gaz_len[i - s] = best.0 as u8;
            for k in i + 1..i + best.0 {
                gaz_i[k - s] = best.1;
                gaz_len[k - s] = best.0 as u8;
            }
            i += best.0;
        } else {
            i += 1;
        }
    }
}

/// Non-local features for the second pass: for each capitalised token, how the first pass
/// labelled the other occurrences of the same word (lowercase form) in the article.
///
/// - `nl_frac`: for each type (O, PER, ORG, LOC, MISC) seen on other occurrences, the type
///   and its share of them in quarters;
/// - `nl_maj_case`: the majority type, with the token's own case class (headline, sentence
///   start, title-case, ...);
/// - `nl_pos`: each (type, position) seen elsewhere, position = alone / first / inside /
///   last word of a multi-word mention ("Putin" is the last word of "Vladimir Putin");
/// - when the two most frequent types elsewhere tie, none of the above, only `nl_maj_case`
///   with a "tie" value (measured: the split evidence flipped "Grant Shapps" to ORG in the
///   seed article);
/// - `nl_prev`: the type of the nearest preceding occurrence.
///
/// Only capitalised occurrences are counted. Linear: counts per form ([`DocInfo::form`]: the
/// capitalised words' lowercase forms, numbered once per article), no hashing per token.
/// The features of an occurrence depend only on its form, its own label and position, and
/// its case: one with the same as the form's previous one computed copies them (seed
/// article: `NonLocal::new` 54K -> 43K instructions).
pub struct NonLocal {
    feats: Vec<u64>,
    offs: Vec<u32>,
}

/// 5 type counts (O, PER, ORG, LOC, MISC) then 4x4 (type, position) counts.
type NlCounts = [u16; 21];

/// [`h2`] at compile time.
const fn h2_const(t: u64, a: u64) -> u64 {
    finish_const(mix_const(Hasher::new(t).0, a))
}

/// The `nl_frac` hashes, `h3(T_NL_FRAC, type, quarters)`, by type and quarters (0..=4): a
/// table built at compile time (a unit test checks it against [`h3`]).
const NL_FRAC: [[u64; 5]; 5] = {
    let mut out = [[0u64; 5]; 5];
    let mut k = 0;
    while k < 5 {
        let mut q = 0;
        while q < 5 {
            out[k][q] = finish_const(mix_const(mix_const(Hasher::new(T_NL_FRAC).0, k as u64), q as u64));
            q += 1;
        }
        k += 1;
    }
    out
};

/// The `nl_pos` hashes, `h2(T_NL_POS, k)`, by count index `k` (the (type, position) counts
/// are 5..21 of [`NlCounts`]).
const NL_POS: [u64; 21] = h2_table(T_NL_POS);

/// The `nl_prev` hashes, `h2(T_NL_PREV, type)`, by type (0..5).
const NL_PREV: [u64; 5] = h2_table(T_NL_PREV);

/// `h2(template, k)` for k in 0..N, at compile time.
const fn h2_table<const N: usize>(template: u64) -> [u64; N] {
    let mut out = [0u64; N];
    let mut k = 0;
    while k < N {
        out[k] = h2_const(template, k as u64);
        k += 1;
    }
    out
}

impl NonLocal {
    /// From the first pass's labels (indices into the model's BIO label list) of the whole
    /// document.
    #[inline(never)] // once per document; kept apart for profiles
    pub fn new(doc: &DocInfo, tags: &[u8]) -> NonLocal {
        let n = doc.len().min(tags.len());
        let ty = |i: usize| -> usize { (tags[i] as usize).div_ceil(2) }; // 0 = O, 1..=4 types
        // Position of token i inside its mention: 0 alone, 1 first, 2 inside, 3 last.
        let pos = |i: usize| -> usize {
            let t = tags[i] as usize;
            if t == 0 {
                return 0;
            }
            let cont_next = i + 1 < n && tags[i + 1] as usize == 2 * ty(i);
            let begin = t % 2 == 1;
            match (begin, cont_next) {
                (true, false) => 0,
                (true, true) => 1,
                (false, true) => 2,
                (false, false) => 3,
            }
        };
        // Per form (the capitalised words' lowercase forms: no hashing).
        let mut counts: Vec<NlCounts> = vec![[0; 21]; doc.n_forms()];
        // Per token: `type * 4 + position`, or NONE (one byte, not 24).
        const NONE: u8 = u8::MAX;
        let mut own: Vec<u8> = Vec::with_capacity(n);
        for i in 0..n {
            let Some(c) = counts.get_mut(doc.form(i) as usize) else {
                own.push(NONE);
                continue;
            };
            let (t, p) = (ty(i).min(4), pos(i));
            c[t] = c[t].saturating_add(1);
            if t > 0 {
                let k = 5 + (t - 1) * 4 + p;
                c[k] = c[k].saturating_add(1);
            }
            own.push((t * 4 + p) as u8);
        }
        // (Presized: growing it from empty took seven reallocations on the seed article. At
        // most 4,096: presized to every token, a 5 MB document's entities stage peaked
        // 10 MiB higher, and wasm memory never shrinks.)
        let mut feats = Vec::with_capacity(n.min(1 << 12));
        let mut offs = Vec::with_capacity(n + 1);
        offs.push(0u32);
        // Per form: the type of its last occurrence so far, or NONE.
        let mut prev: Vec<u8> = vec![NONE; counts.len()];
        // Per form: the last (own type and position, case) computed and where its features
        // are in `feats` (the same word with the same label and case has the same ones).
        let mut last: Vec<(u32, u32, u32)> = vec![(u32::MAX, 0, 0); counts.len()];
        for i in 0..n {
            if let Some(&o) = own.get(i).filter(|&&o| o != NONE) {
                let (t, p) = (o as usize / 4, o as usize % 4);
                let f = doc.form(i) as usize;
                let case = doc.flags(i) & (F_TITLE | F_ALLCAPS | F_MIXED | F_SENT_START | F_CAPS_LINE);
                let key = o as u32 | case << 8;
                match (counts.get(f), last.get_mut(f)) {
                    (Some(_), Some(l)) if l.0 == key => {
                        let (a, b) = (l.1 as usize, l.2 as usize);
                        if b <= feats.len() && a <= b {
                            feats.extend_from_within(a..b);
                        }
                    }
                    (Some(c), l) => {
                        let a = feats.len();
                        let mut c = *c;
                        c[t] = c[t].saturating_sub(1);
                        if t > 0 {
                            let k = 5 + (t - 1) * 4 + p;
                            c[k] = c[k].saturating_sub(1);
                        }
                        let total: u32 = c[..5].iter().map(|&x| x as u32).sum();
                        // The first most frequent type, and whether another one ties with it.
                        let mut maj = 0;
                        for k in 1..5 {
                            if c[k] > c[maj] {
                                maj = k;
                            }
                        }
                        let tie = c[..5].iter().filter(|&&x| x == c[maj]).count() >= 2;
                        if total > 0 && !tie {
                            for k in 0..5 {
                                if c[k] > 0 {
                                    let q = (4 * c[k] as u32 / total).min(4) as usize;
                                    feats.push(NL_FRAC[k][q]);
                                }
                            }
                            feats.push(h3(T_NL_MAJ_CASE, maj as u64, case as u64));
                            for (&n, &h) in c[5..].iter().zip(&NL_POS[5..]) {
                                if n > 0 {
                                    feats.push(h);
                                }
                            }
                        } else if total > 0 {
                            // A tie between types elsewhere: only that there is one.
                            feats.push(h3(T_NL_MAJ_CASE, 99, case as u64));
                        }
                        if let Some(l) = l {
                            *l = (key, a as u32, feats.len() as u32);
                        }
                    }
                    _ => {}
                }
                if let Some(last) = prev.get_mut(f) {
                    if let Some(&h) = NL_PREV.get(*last as usize) {
                        feats.push(h);
                    }
                    *last = t as u8;
                }
            }
            offs.push(feats.len() as u32);
        }
        NonLocal { feats, offs }
    }

    /// The non-local feature hashes of token `i` (empty when it has none).
    #[inline]
    pub fn of(&self, i: usize) -> &[u64] {
        match (self.offs.get(i), self.offs.get(i + 1)) {
            (Some(&a), Some(&b)) => self.feats.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Whether any token in `range` has non-local features.
    pub fn any(&self, range: std::ops::Range<usize>) -> bool {
        let a = self.offs.get(range.start).copied().unwrap_or(0);
        let b = self.offs.get(range.end).copied().unwrap_or(a);
        b > a
    }
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn nl_counts(text: &str, tags: &[u8]) -> Vec<usize> {
        let toks = tokenize(text);
        let doc = DocInfo::new(text, &toks);
        let nl = NonLocal::new(&doc, tags);
        (0..toks.len()).map(|i| nl.of(i).len()).collect()
    }

    /// The non-local hashes taken from compile-time tables are the ones the hasher gives
    /// (guards against a table that no longer matches the model's features).
    #[test]
    fn non_local_hash_tables_match_the_hasher() {
        for k in 0..5 {
            for q in 0..5 {
                assert_eq!(NL_FRAC[k][q], h3(T_NL_FRAC, k as u64, q as u64));
            }
            assert_eq!(NL_PREV[k], h2(T_NL_PREV, k as u64));
        }
        for (k, &h) in NL_POS.iter().enumerate() {
            assert_eq!(h, h2(T_NL_POS, k as u64));
        }
    }

    /// A word seen once has no evidence from elsewhere (its own label must not leak into
    /// its features: that would teach the second pass to copy the first).
    #[test]
    fn own_label_is_not_evidence() {
        let text = "😀 Café Smith met Jones .";
        // tokens: 😀 Café Smith met Jones .
        let tags = [0, 0, 1, 0, 1, 0];
        assert!(nl_counts(text, &tags).iter().all(|&n| n == 0));
    }

    #[test]
    fn repeated_words_get_features_lowercase_ones_do_not() {
        let text = "Smith said .\nsmith and Smith left .";
        // Smith said . | smith and Smith left .
        let tags = [1, 0, 0, 0, 0, 1, 0, 0];
        let n = nl_counts(text, &tags);
        assert!(n[0] > 0 && n[5] > 0, "{n:?}");
        assert_eq!(n[3], 0, "lowercase 'smith' gets none: {n:?}");
        // Out-of-range or short tag lists do not panic.
        let toks = tokenize(text);
        let doc = DocInfo::new(text, &toks);
        let nl = NonLocal::new(&doc, &tags[..2]);
        assert!(nl.of(100).is_empty());
        assert!(!nl.any(5..100));
    }

    /// The ASCII fast paths of the word-type hashing give the classes and lowercase forms of
    /// the Unicode ones (a difference would change every feature the model was trained on).
    #[test]
    fn ascii_fast_paths_match_unicode_classes() {
        for b in 0u8..128 {
            let c = b as char;
            let slow = if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else if c.is_numeric() {
                'd'
            } else if c.is_alphabetic() {
                'a'
            } else {
                c
            };
            assert_eq!(shape_class(c), slow as u64, "{c:?}");
            assert_eq!(Some(c.to_ascii_lowercase()), c.to_lowercase().next(), "{c:?}");
        }
        assert_eq!(shape_class('É'), 'X' as u64);
        assert_eq!(shape_class('é'), 'x' as u64);
    }

    fn info_fields(t: &TokInfo) -> (u64, u64, u64, u64, [u64; 4], [u64; 4], u8, u32) {
        (t.word, t.lower, t.shape, t.sshape, t.pre(), t.suf(), t.n_pre, t.flags)
    }

    /// The ASCII fast path of the word-type hashing gives exactly the char path's hashes
    /// and flags (a difference would change the features of every ASCII word the model was
    /// trained on): every ASCII string of one and two bytes, and words of every shape.
    #[test]
    fn ascii_word_info_matches_the_char_path() {
        let mut words: Vec<String> = Vec::new();
        for a in 0u8..128 {
            words.push((a as char).to_string());
            for b in 0u8..128 {
                words.push([a as char, b as char].iter().collect());
            }
        }
        for w in [
            "Pirelli", "PIRELLI", "U.S.", "U.S.-led", "McDonald's", "1996-08-30", "Lord", "'s", "iPhone",
            "ABCDEFGH", "a-b-c", "x", "Xx", "XXXXXXxxxxx", "0000", "12,345.67", "O'Neill", "e-mail", "AAAAaa99--",
            "the", "said", "minister", "Minister", "Sunak", "Ab", "abc", "Abc", "abcd", "Abcd", "abcde", "Abcde",
            "abcdef", "Abcdefghijkl", "internationalisation", "Internationalisation",
        ] {
            words.push(w.to_string());
        }
        for w in &words {
            for kind in [TokenKind::Word, TokenKind::Punct, TokenKind::Number] {
                let slow = info_fields(&tok_info_chars(w, kind));
                assert_eq!(info_fields(&tok_info_ascii(w.as_bytes(), kind)), slow, "{w:?}");
                // With the letters-only path first (words of letters, one capital first).
                assert_eq!(info_fields(&tok_info(w, kind)), slow, "{w:?}");
                // The raw first and last chars too, zeros past the end included (the
                // emission memo keys on them).
                let (fast, chars) = (tok_info(w, kind), tok_info_chars(w, kind));
                assert_eq!((fast.first4, fast.last4), (chars.first4, chars.last4), "{w:?}");
            }
        }
        // Non-ASCII words take the char path.
        let cafe = tok_info("😀Café", TokenKind::Word);
        assert_eq!(info_fields(&cafe), info_fields(&tok_info_chars("😀Café", TokenKind::Word)));
        assert!(cafe.flags & F_NONASCII != 0);
    }

    /// A word of up to 8 bytes read with the text after it (`wide`) gets the same hash and
    /// head as one packed byte by byte (a word near the text's end): else the same word
    /// would get two types in one article.
    #[test]
    fn intern_hash_is_the_same_with_and_without_the_wide_read() {
        let text = "Café😀 Sunak said: the U.S.-led abcdefghij";
        let b = text.as_bytes();
        for start in 0..b.len() {
            for end in start..=b.len().min(start + 8) {
                let w = &b[start..end];
                let wide = b.get(start..start + 8).and_then(|a| <&[u8; 8]>::try_from(a).ok());
                assert_eq!(intern_hash(w, 1, wide), intern_hash(w, 1, None), "{start}..{end}");
            }
        }
    }

    /// The General Punctuation shortcut of the char path (curly quotes, dashes, bullets)
    /// holds for every char of the block: none is alphabetic, cased or numeric, each is its
    /// own lowercase and its shape class is '?' (else words with such chars would get other
    /// hashes than the model was trained with).
    #[test]
    fn general_punctuation_has_no_letters_case_or_digits() {
        for c in ('\u{2000}'..='\u{206F}').chain(['\u{1FFF}', '\u{2070}', '\u{2071}']) {
            let inside = is_general_punct(c);
            assert_eq!(inside, ('\u{2000}'..='\u{206F}').contains(&c), "{c:?}");
            if inside {
                assert!(!c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase() && !c.is_numeric(), "{c:?}");
                assert_eq!(c.to_lowercase().collect::<Vec<_>>(), vec![c], "{c:?}");
                assert_eq!(shape_class(c), '?' as u64, "{c:?}");
            }
        }
    }

    /// The word-type table: equal (text, kind) pairs share a type and different ones do
    /// not, also after the table has grown (guards its probing and rehashing).
    #[test]
    fn word_types_are_exact_across_table_growth() {
        let mut text = String::from("😀 Café , ");
        for i in 0..5000 {
            text.push_str(&format!("w{i} Café {} , ", i % 7));
        }
        let toks = tokenize(&text);
        let doc = DocInfo::new(&text, &toks);
        let mut by_text = std::collections::HashMap::new();
        for (i, t) in toks.iter().enumerate() {
            let key = (&text[t.start..t.end], format!("{:?}", t.kind));
            let ty = doc.type_of(i);
            assert_eq!(*by_text.entry(key).or_insert(ty), ty, "token {i}");
        }
        let distinct: std::collections::HashSet<u32> = (0..toks.len()).map(|i| doc.type_of(i)).collect();
        assert_eq!(distinct.len(), by_text.len());
        assert_eq!(doc.types.len(), by_text.len());
    }

    struct NoNames;
    impl Gazetteer for NoNames {
        fn lookup(&self, _: u64) -> u8 {
            0
        }
    }

    fn feature_counts(text: &str) -> Vec<usize> {
        let toks = tokenize(text);
        let doc = DocInfo::new(text, &toks);
        let mut n = vec![0usize; toks.len()];
        extract(&doc, &NoNames, 0..toks.len(), &mut |i, _| n[i] += 1);
        n
    }

    /// Context aggregation: a capitalised word gets the neighbours of its other occurrences,
    /// from at most MAX_CONTEXTS of them, so a word repeated 2,000 times costs no more per
    /// token than one repeated 7 times (guards a quadratic blow-up).
    #[test]
    fn context_aggregation_is_bounded_and_skips_the_token_itself() {
        let once = feature_counts("😀 Pirelli said .");
        let twice = feature_counts("😀 Pirelli said .\nPirelli shares rose .");
        assert_eq!(twice[1], once[1] + 4, "one other occurrence: its two words before and two after");
        let many = feature_counts(&"Pirelli said .\n".repeat(2000));
        let few = feature_counts(&"Pirelli said .\n".repeat(MAX_CONTEXTS + 1));
        assert_eq!(many.iter().max(), few.iter().max());
    }

    /// Split evidence (one PER, one ORG elsewhere) gives only the "tie" feature: in the seed
    /// article it had turned "Grant Shapps" into an organisation.
    #[test]
    fn a_tie_elsewhere_gives_one_feature() {
        let text = "Grant .\nGrant .\nGrant .";
        let tags = [1, 0, 3, 0, 0, 0];
        let n = nl_counts(text, &tags);
        // The third "Grant" sees one PER and one ORG: the tie feature and the previous label.
        assert_eq!(n[4], 2, "{n:?}");
    }
}
