//! Who said it: reporting cues and the speaker phrases around them.
//!
//! Everything here works on token indices inside a bounded window around one quotation, so
//! attributing all quotations costs time linear in the text.
//!
//! A speaker phrase is one of
//! - a personal pronoun (`he`, `she`, `they`, `we`, `I`, `it`);
//! - an entity mention from [`crate::entities`] next to the cue;
//! - a noun phrase walked from the cue: titles, capitalised names, initials, possessive `'s`
//!   and lowercase nouns, up to a determiner (`the country's air force`, `a spokeswoman`,
//!   `Sen. Lindsey Graham (R-SC)`); an apposition between commas is skipped
//!   (`Doug Andres, a spokesman for ..., said` gives `Doug Andres`).
//!
//! Words are matched against the lists (cues, stop words, titles, ...) as keys: the
//! lowercased word packed into a `u128`, filtered by (length, first letter), then found by
//! binary search; no `String` is made.
//!
//! Not done: a part-of-speech tagger (lowercase verbs that are not in the cue list can end
//! up in a nominal speaker), gender agreement for pronouns.

use std::cell::Cell;

use crate::entities::Mention;
use crate::tokenize::{Token, TokenKind};

/// Reporting verbs, lowercase, sorted (byte order) for the binary search. Two-word cues (`went on`, `pointed out`, `put it`,
/// `according to`) are matched in [`Ctx::cue_at`].
const CUES: &[&str] = &[
    "acknowledged",
    "acknowledges",
    "acknowledging",
    "added",
    "adding",
    "adds",
    "admits",
    "admitted",
    "agreed",
    "announced",
    "announces",
    "announcing",
    "answered",
    "answers",
    "argued",
    "argues",
    "arguing",
    "asked",
    "asking",
    "asks",
    "assured",
    "blasted",
    "boasted",
    "bragged",
    "branded",
    "called",
    "calling",
    "calls",
    "cautioned",
    "chanted",
    "charged",
    "claimed",
    "claiming",
    "claims",
    "complained",
    "conceded",
    "concedes",
    "conceding",
    "concluded",
    "contended",
    "continued",
    "continues",
    "continuing",
    "countered",
    "cried",
    "declared",
    "declares",
    "declaring",
    "demanded",
    "described",
    "describes",
    "dubbed",
    "echoed",
    "emailed",
    "emphasized",
    "exclaimed",
    "explained",
    "explaining",
    "explains",
    "fumed",
    "groused",
    "gushed",
    "hinted",
    "insisted",
    "insisting",
    "insists",
    "interjected",
    "joked",
    "joking",
    "labeled",
    "labelled",
    "lamented",
    "maintained",
    "marveled",
    "mocked",
    "mused",
    "noted",
    "notes",
    "noting",
    "observed",
    "opined",
    "pledged",
    "pledging",
    "posted",
    "predicted",
    "predicts",
    "proclaimed",
    "promised",
    "promising",
    "quipped",
    "railed",
    "reads",
    "recalled",
    "recalling",
    "recalls",
    "remarked",
    "repeated",
    "replied",
    "replies",
    "reported",
    "responded",
    "responds",
    "retorted",
    "said",
    "say",
    "saying",
    "says",
    "scoffed",
    "screamed",
    "shouted",
    "sighed",
    "snapped",
    "stated",
    "states",
    "stating",
    "stressed",
    "suggested",
    "suggests",
    "telling",
    "tells",
    "testified",
    "texted",
    "thundered",
    "told",
    "tweeted",
    "tweeting",
    "tweets",
    "urged",
    "urges",
    "urging",
    "vowed",
    "vowing",
    "vows",
    "warned",
    "warning",
    "warns",
    "whispered",
    "wondered",
    "writes",
    "writing",
    "wrote",
    "yelled",
];

const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "to", "for", "from", "with", "by", "about", "of", "into", "over", "after",
    "before", "during", "since", "under", "between", "through", "against", "among",
];

/// Words that open an introductory phrase ending in a comma: `In a statement, ...`.
const INTRO: &[&str] = &[
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "with",
    "by",
    "about",
    "after",
    "before",
    "during",
    "since",
    "under",
    "when",
    "while",
    "as",
    "if",
    "although",
    "though",
    "meanwhile",
    "still",
    "however",
    "later",
    "earlier",
    "yesterday",
    "today",
    "asked",
    "speaking",
    "and",
    "but",
    "so",
    "then",
    "now",
    "here",
    "there",
    "immediately",
    "instead",
    "also",
    "indeed",
    "yet",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it", "you"];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these",
    "those", "another", "one", "some", "each", "every", "any", "no", "two", "three", "several",
    "many", "most", "other",
];

/// Lowercase words that never belong to a speaker noun phrase.
const STOP: &[&str] = &[
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "with",
    "by",
    "about",
    "of",
    "into",
    "over",
    "after",
    "before",
    "during",
    "since",
    "under",
    "between",
    "through",
    "against",
    "among",
    "and",
    "or",
    "but",
    "so",
    "because",
    "while",
    "if",
    "when",
    "as",
    "than",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "not",
    "also",
    "then",
    "later",
    "still",
    "just",
    "now",
    "again",
    "however",
    "even",
    "only",
    "there",
    "here",
    "him",
    "them",
    "us",
    "me",
    "what",
    "how",
    "why",
    "yes",
    "no",
    "reporters",
    "yesterday",
    "today",
    "tonight",
    "recently",
    "once",
    "already",
    "simply",
    "according",
    "repeatedly",
    "finally",
    "further",
    "earlier",
    "afterward",
    "afterwards",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "last",
    "next",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "evening",
    "afternoon",
    "said",
    "says",
    "told",
    "added",
];

/// Words skipped between a subject and its cue: `Trump later said`, `he has said`.
const BETWEEN: &[&str] = &[
    "often",
    "never",
    "ever",
    "always",
    "still",
    "even",
    "not",
    "did",
    "does",
    "also",
    "later",
    "then",
    "again",
    "has",
    "had",
    "have",
    "would",
    "will",
    "once",
    "previously",
    "recently",
    "reportedly",
    "simply",
    "just",
    "had",
    "further",
    "quickly",
    "flatly",
    "once",
    "publicly",
    "privately",
    "told",
    "was",
    "is",
    "then-",
];

/// Titles dropped from a canonical name: `Sen. Lindsey Graham` -> `Lindsey Graham`.
pub const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sen",
    "rep",
    "gov",
    "gen",
    "lt",
    "col",
    "capt",
    "sgt",
    "president",
    "senator",
    "speaker",
    "secretary",
    "governor",
    "mayor",
    "judge",
    "justice",
    "minister",
    "prime",
    "vice",
    "chairman",
    "chairwoman",
    "ambassador",
    "pope",
    "prof",
    "professor",
    "rev",
    "sir",
    "lord",
    "lady",
    "king",
    "queen",
    "prince",
    "princess",
    "former",
    "presidential",
    "candidate",
    "nominee",
    "general",
    "attorney",
    "representative",
    "congressman",
    "congresswoman",
    "chancellor",
    "director",
    "chief",
    "commissioner",
    "spokesman",
    "spokeswoman",
    "adviser",
    "advisor",
    "leader",
    "u.s",
    "gop",
    "democratic",
    "republican",
    "house",
    "state",
    "first",
    "sheriff",
    "officer",
];

pub struct Ctx<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub mentions: &'a [Mention],
    /// Per token: its [`Ctx::cue_at`] answer as a cue code once asked ([`CUE_UNKNOWN`]
    /// before), or empty for no memo. The windows of one quotation overlap (a cue right
    /// before it, then anywhere earlier in the sentence, ...): each token is matched once.
    pub memo: &'a [Cell<u8>],
}

/// A [`Ctx::memo`] entry not computed yet, and one for a token that starts no cue.
pub const CUE_UNKNOWN: u8 = u8::MAX;
const CUE_NONE: u8 = u8::MAX - 1;
/// Cue codes: `k` < [`CUES`]`.len()` is the one-word cue `CUES[k]`; from [`SPECIAL_BASE`],
/// the cues matched outside the list.
const SPECIAL_BASE: u8 = 200;
const SPECIAL_CUES: [(&str, usize); 8] = [
    ("according to", 2),
    ("went on", 2),
    ("goes on", 2),
    ("pointed out", 2),
    ("points out", 2),
    ("put it", 2),
    ("read", 1),
    ("reads", 1),
];
const _: () = assert!(CUES.len() < SPECIAL_BASE as usize);

/// The cue of a code ([`CUE_NONE`]: none).
fn decode_cue(code: u8) -> Option<(&'static str, usize)> {
    if code < SPECIAL_BASE {
        CUES.get(code as usize).map(|&c| (c, 1))
    } else {
        SPECIAL_CUES.get((code - SPECIAL_BASE) as usize).copied()
    }
}

/// A speaker phrase as token range `[a, b)`, and the cue that introduced it.
#[derive(Debug, Clone)]
pub struct Found<'a> {
    pub a: usize,
    pub b: usize,
    /// Borrowed (a listed cue, or a verb of the text): a `String` only for the quotations
    /// kept.
    pub cue: Option<&'a str>,
}

/// A word of at most 16 ASCII bytes without NUL as one number: its bytes big-endian, padded
/// with zeros, so that the numbers sort as the words do (byte order) and one comparison
/// replaces a `memcmp`. Every word of the lists here fits (a test checks).
type Key = u128;

/// The longest word a [`Key`] holds.
const KEY_BYTES: usize = 16;

/// The key of `s` lowercased (ASCII), or `None` when `s` is longer than [`KEY_BYTES`],
/// holds a non-ASCII byte or ends in NUL: then it is in none of the lists (all ASCII, no
/// NUL; a NUL inside leaves a zero byte no list key has). The bytes are read as one number
/// and lowercased together (a byte loop with shifts was a tenth of this stage).
#[inline]
fn ascii_key(s: &[u8]) -> Option<Key> {
    const HI: Key = Key::from_ne_bytes([0x80; KEY_BYTES]);
    const ONES: Key = Key::from_ne_bytes([0x01; KEY_BYTES]);
    let x = be_padded(s)?;
    if x & HI != 0 {
        return None;
    }
    // Every byte is below 0x80, so these sums carry into no neighbour: the high bit of a
    // byte of `ge_a` is set when the byte is >= b'A', of `gt_z` when it is > b'Z'.
    let ge_a = x + ONES * (0x80 - b'A' as Key);
    let gt_z = x + ONES * (0x80 - b'Z' as Key - 1);
    let upper = ge_a & !gt_z & HI;
    let k = x | (upper >> 2);
    // A trailing NUL would read as padding (the key of a shorter word): no key.
    (s.last() != Some(&0)).then_some(k)
}

/// `s` (at most [`KEY_BYTES`] bytes) as a big-endian number padded with zero bytes, read
/// as two overlapping words from each end (copying into a zeroed buffer was a `memcpy`
/// call per word): byte `k` lands at bits `8 * (15 - k)` from either word, and a byte both
/// words hold is the same byte in the same place.
#[inline]
fn be_padded(s: &[u8]) -> Option<Key> {
    let n = s.len();
    let at = |k: usize| s.get(k).map_or(0, |&b| b as Key);
    if n > KEY_BYTES {
        return None;
    }
    if n >= 8 {
        let a = s.get(..8).and_then(|w| <[u8; 8]>::try_from(w).ok()).map_or(0, u64::from_be_bytes);
        let b = s.get(n - 8..).and_then(|w| <[u8; 8]>::try_from(w).ok()).map_or(0, u64::from_be_bytes);
        Some((a as Key) << 64 | (b as Key) << (8 * (KEY_BYTES - n)))
    } else if n >= 4 {
        let a = s.get(..4).and_then(|w| <[u8; 4]>::try_from(w).ok()).map_or(0, u32::from_be_bytes);
        let b = s.get(n - 4..).and_then(|w| <[u8; 4]>::try_from(w).ok()).map_or(0, u32::from_be_bytes);
        Some((a as Key) << 96 | (b as Key) << (8 * (KEY_BYTES - n)))
    } else {
        Some(at(0) << 120 | at(1) << 112 | at(2) << 104)
    }
}

/// The key of `word.to_lowercase()`: ASCII words are lowercased byte by byte; others go
/// through `to_lowercase` (the Kelvin sign lowercases to an ASCII `k`).
#[inline]
fn lower_key(word: &str) -> Option<Key> {
    match ascii_key(word.as_bytes()) {
        Some(k) => Some(k),
        None if !word.is_ascii() => ascii_key(word.to_lowercase().as_bytes()),
        None => None,
    }
}

/// [`ascii_key`] at compile time, for list entries (lowercase already).
const fn const_key(s: &str) -> Key {
    let b = s.as_bytes();
    assert!(b.len() <= KEY_BYTES, "list word longer than a key");
    let mut k: Key = 0;
    let mut i = 0;
    while i < b.len() {
        assert!(b[i] != 0 && b[i].is_ascii() && !b[i].is_ascii_uppercase(), "list word not lowercase ASCII");
        k |= (b[i] as Key) << (8 * (KEY_BYTES - 1 - i));
        i += 1;
    }
    k
}

/// The keys of `lists` (concatenated), sorted for the binary search.
const fn sorted_keys<const N: usize>(lists: &[&[&str]]) -> [Key; N] {
    let mut out = [0 as Key; N];
    let mut n = 0;
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            out[n] = const_key(lists[l][i]);
            n += 1;
            i += 1;
        }
        l += 1;
    }
    assert!(n == N, "key count");
    // Insertion sort, at compile time.
    let mut i = 1;
    while i < N {
        let mut j = i;
        while j > 0 && out[j - 1] > out[j] {
            let t = out[j - 1];
            out[j - 1] = out[j];
            out[j] = t;
            j -= 1;
        }
        i += 1;
    }
    out
}

/// [`CUES`] as keys, in the same order ([`CUES`] is sorted and keys sort as words do).
const CUE_ARRAY: [Key; CUES.len()] = sorted_keys(&[CUES]);
const PRONOUN_ARRAY: [Key; PRONOUNS.len()] = sorted_keys(&[PRONOUNS]);
const DETERMINER_ARRAY: [Key; DETERMINERS.len()] = sorted_keys(&[DETERMINERS]);
/// The words [`Ctx::is_np_word`] rejects by list: stop words, pronouns, determiners.
const NOT_NP_ARRAY: [Key; STOP.len() + PRONOUNS.len() + DETERMINERS.len()] =
    sorted_keys(&[STOP, PRONOUNS, DETERMINERS]);
const BETWEEN_ARRAY: [Key; BETWEEN.len()] = sorted_keys(&[BETWEEN]);
const PREPOSITION_ARRAY: [Key; PREPOSITIONS.len()] = sorted_keys(&[PREPOSITIONS]);
const INTRO_ARRAY: [Key; INTRO.len()] = sorted_keys(&[INTRO]);
const TITLE_ARRAY: [Key; TITLES.len()] = sorted_keys(&[TITLES]);

/// A word list as sorted keys, with a quick filter: bit `f` of `shapes[n]` is set when some
/// word of `n` bytes starts with letter `b'a' + f` (every list word starts with a letter).
/// Most words fail the filter and skip the binary search.
struct KeySet {
    keys: &'static [Key],
    shapes: [u32; KEY_BYTES + 1],
}

impl KeySet {
    const fn new(keys: &'static [Key]) -> KeySet {
        let mut shapes = [0u32; KEY_BYTES + 1];
        let mut i = 0;
        while i < keys.len() {
            let (first, len) = key_shape(keys[i]);
            assert!(first.is_ascii_lowercase(), "list word not starting with a letter");
            shapes[len] |= 1 << (first - b'a');
            i += 1;
        }
        KeySet { keys, shapes }
    }

    /// The index of `key` in `keys`, if it is there.
    #[inline]
    fn find(&self, key: Key) -> Option<usize> {
        let (first, len) = key_shape(key);
        if !first.is_ascii_lowercase() || self.shapes.get(len).map_or(true, |&m| m & (1 << (first - b'a')) == 0) {
            return None;
        }
        self.keys.binary_search(&key).ok()
    }
}

/// The first byte and the length of the word of a key.
#[inline]
const fn key_shape(k: Key) -> (u8, usize) {
    let len = if k == 0 { 0 } else { KEY_BYTES - (k.trailing_zeros() / 8) as usize };
    ((k >> (8 * (KEY_BYTES - 1))) as u8, len)
}

const CUE_KEYS: KeySet = KeySet::new(&CUE_ARRAY);
const PRONOUN_KEYS: KeySet = KeySet::new(&PRONOUN_ARRAY);
const DETERMINER_KEYS: KeySet = KeySet::new(&DETERMINER_ARRAY);
const NOT_NP_KEYS: KeySet = KeySet::new(&NOT_NP_ARRAY);
const BETWEEN_KEYS: KeySet = KeySet::new(&BETWEEN_ARRAY);
const PREPOSITION_KEYS: KeySet = KeySet::new(&PREPOSITION_ARRAY);
const INTRO_KEYS: KeySet = KeySet::new(&INTRO_ARRAY);
const TITLE_KEYS: KeySet = KeySet::new(&TITLE_ARRAY);

/// Whether `key` is one of `set`'s.
#[inline]
fn key_in(key: Option<Key>, set: &KeySet) -> bool {
    key.is_some_and(|k| set.find(k).is_some())
}

/// The key of `word` without its trailing dots, lowercased: what the word lists are
/// matched against (`Sen.` is `sen`).
#[inline]
fn trimmed_key(word: &str) -> Option<Key> {
    lower_key(word.trim_end_matches('.'))
}

/// Whether `word`, lowercased and without trailing dots, is in the list whose keys are
/// `keys`; words of more than 16 bytes never are.
fn lower_in(word: &str, keys: &KeySet) -> bool {
    word.len() <= KEY_BYTES && key_in(trimmed_key(word), keys)
}

/// Whether `word` lowercased (`to_lowercase`) is `he` or `she`, without making a string.
pub fn is_he_or_she(word: &str) -> bool {
    let k = lower_key(word);
    k == Some(const_key("he")) || k == Some(const_key("she"))
}

/// Whether `word` is a title ([`TITLES`]) or `the`, lowercased and without trailing dots
/// (any length: `Mr....` is `mr`).
pub fn is_title_or_the(word: &str) -> bool {
    let k = trimmed_key(word);
    k == Some(const_key("the")) || key_in(k, &TITLE_KEYS)
}

fn is_adverb(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ly") && !is_capitalised(word)
}

pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

impl<'a> Ctx<'a> {
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .map_or("", |t| self.text.get(t.start..t.end).unwrap_or(""))
    }

    pub fn is_pronoun(&self, i: usize) -> bool {
        lower_in(self.word(i), &PRONOUN_KEYS)
    }

    /// The cue starting at token `i` and its length in tokens. Words are matched as
    /// [`Key`]s: lowercasing into a `String` and comparing strings were most of this
    /// function's cost (it runs for every word near every quotation).
    pub fn cue_at(&self, i: usize) -> Option<(&'static str, usize)> {
        let code = match self.memo.get(i) {
            Some(m) if m.get() != CUE_UNKNOWN => m.get(),
            Some(m) => {
                let c = self.cue_code(i);
                m.set(c);
                c
            }
            None => self.cue_code(i),
        };
        decode_cue(code)
    }

    /// [`Ctx::cue_at`] computed: a cue code.
    fn cue_code(&self, i: usize) -> u8 {
        // Cues are words of three letters or more: punctuation and numbers never are, nor
        // is a shorter token (lowercasing never lengthens a word into ASCII).
        if self.tokens.get(i).map_or(true, |t| t.kind != TokenKind::Word || t.end - t.start < 3) {
            return CUE_NONE;
        }
        let w = self.word(i);
        if w.is_empty() || is_capitalised(w) && w != "I" {
            // "Said" at a sentence start is rare; capitalised words are names.
            if !matches!(w, "Said" | "Asked" | "Added" | "According") {
                return CUE_NONE;
            }
        }
        let Some(lower) = lower_key(w) else { return CUE_NONE };
        const ACCORDING: Key = const_key("according");
        const WENT: Key = const_key("went");
        const GOES: Key = const_key("goes");
        const POINTED: Key = const_key("pointed");
        const POINTS: Key = const_key("points");
        const PUT: Key = const_key("put");
        const READ: Key = const_key("read");
        const READS: Key = const_key("reads");
        match lower {
            ACCORDING | WENT | GOES | POINTED | POINTS | PUT => {
                let next = lower_key(self.word(i + 1));
                // Indices into SPECIAL_CUES.
                let two = match (lower, next) {
                    (ACCORDING, Some(k)) if k == const_key("to") => 0,
                    (WENT, Some(k)) if k == const_key("on") => 1,
                    (GOES, Some(k)) if k == const_key("on") => 2,
                    (POINTED, Some(k)) if k == const_key("out") => 3,
                    (POINTS, Some(k)) if k == const_key("out") => 4,
                    (PUT, Some(k)) if k == const_key("it") => 5,
                    _ => return CUE_NONE,
                };
                SPECIAL_BASE + two
            }
            READ => SPECIAL_BASE + 6,
            READS => SPECIAL_BASE + 7,
            _ => CUE_KEYS.find(lower).map_or(CUE_NONE, |k| k as u8),
        }
    }
    fn is_np_word(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        let w = self.word(i);
        match t.kind {
            TokenKind::Word => {
                if w == "'s" || w == "’s" {
                    return true;
                }
                if lower_in(w, &NOT_NP_KEYS) || self.cue_at(i).is_some()
                {
                    return false;
                }
                // Adverbs in -ly are not nouns ("reportedly").
                !(w.ends_with("ly") && !is_capitalised(w))
            }
            TokenKind::Number => w.contains('-') && w.chars().any(char::is_alphabetic),
            TokenKind::Punct => false,
        }
    }

    fn is_determiner(&self, i: usize) -> bool {
        lower_in(self.word(i), &DETERMINER_KEYS)
    }

    /// The mention covering token `i`, if any.
    pub fn mention_at(&self, i: usize) -> Option<&'a Mention> {
        let t = self.tokens.get(i)?;
        let k = self.mentions.partition_point(|m| m.end <= t.start);
        self.mentions
            .get(k)
            .filter(|m| m.start <= t.start && m.end >= t.end)
    }

    /// The token index range of a mention.
    fn mention_tokens(&self, m: &Mention, around: usize) -> (usize, usize) {
        let mut a = around;
        while a > 0 && self.tokens[a - 1].start >= m.start && around - a < 12 {
            a -= 1;
        }
        let mut b = around + 1;
        while b < self.tokens.len() && self.tokens[b].end <= m.end && b - around < 12 {
            b += 1;
        }
        (a, b)
    }

    /// The speaker phrase ending just before token `v` (a cue), not reaching before `lo`.
    pub fn subject_left(&self, v: usize, lo: usize) -> Option<(usize, usize)> {
        let mut e = v;
        let mut skipped = 0;
        while e > lo
            && skipped < 3
            && (lower_in(self.word(e - 1), &BETWEEN_KEYS) || is_adverb(self.word(e - 1)))
        {
            e -= 1;
            skipped += 1;
        }
        // A parenthetical after a name: "Lindsey Graham (R-SC) said".
        if e > lo && self.word(e - 1) == ")" {
            let mut k = e - 1;
            while k > lo && e - k < 8 && self.word(k) != "(" {
                k -= 1;
            }
            if self.word(k) == "(" && k > lo {
                return self.np_left(k, lo).map(|(a, _)| (a, e));
            }
        }
        if e > lo && self.word(e - 1) == "," {
            // Apposition: "Doug Andres, a spokesman for ..., said".
            let mut k = e - 1;
            while k > lo && e - k < 16 && self.word(k - 1) != "," {
                k -= 1;
            }
            let appo = self
                .np_right(k, e - 1)
                .filter(|&(_, b)| b == e - 1 && is_capitalised(self.word(b - 1)));
            if k > lo && self.word(k - 1) == "," {
                let before = self.np_left(k - 1, lo);
                if let Some(np) = before {
                    if is_capitalised(self.word(np.1 - 1)) {
                        return Some(np);
                    }
                }
                return appo.or(before);
            }
            return appo;
        }
        if e == lo {
            return None;
        }
        if self.is_pronoun(e - 1) {
            return Some((e - 1, e));
        }
        let np = self.np_left(e, lo)?;
        // "who has in the past described": an object of a preposition is no subject.
        if np.0 > lo && lower_in(self.word(np.0 - 1), &PREPOSITION_KEYS) {
            return None;
        }
        Some(np)
    }

    /// A noun phrase ending just before token `e`.
    fn np_left(&self, e: usize, lo: usize) -> Option<(usize, usize)> {
        if e == 0 || e <= lo {
            return None;
        }
        if let Some(m) = self.mention_at(e - 1) {
            let (mut a, _) = self.mention_tokens(m, e - 1);
            // Titles before a name: "Sen. Lindsey Graham".
            while a > lo && e - a < 10 && lower_in(self.word(a - 1), &TITLE_KEYS) {
                a -= 1;
            }
            return Some((a.max(lo), e));
        }
        let mut a = e;
        while a > lo && e - a < 8 {
            let i = a - 1;
            if self.is_determiner(i) {
                a = i;
                break;
            }
            if self.is_np_word(i) {
                a = i;
                continue;
            }
            break;
        }
        // A phrase needs a content word, not only "'s".
        let content = (a..e).any(|i| {
            let w = self.word(i);
            w != "'s" && w != "’s" && !self.is_determiner(i)
        });
        (content && a < e).then_some((a, e))
    }

    /// The subject opening the sentence that starts at token `sent`, before token `limit`:
    /// `Carson did not mention ..., but told`, `Here in Columbia, Sanders stepped up ...`.
    pub fn sentence_subject(&self, sent: usize, limit: usize) -> Option<(usize, usize)> {
        if !self
            .tokens
            .get(sent)
            .is_some_and(|t| t.sentence_start || t.line_start)
        {
            return None;
        }
        let mut s = sent;
        while s < limit && self.tokens[s].kind == TokenKind::Punct {
            s += 1;
        }
        let first = self.word(s);
        let intro = lower_in(first, &INTRO_KEYS)
            || ((first.ends_with("ly") || first.ends_with("ing")) && self.word(s + 1) == ",")
            || matches!(self.word(s + 1), "later" | "ago" | "earlier");
        if s < limit && intro {
            let mut k = s;
            while k < limit && k - s < 25 && self.word(k) != "," {
                k += 1;
            }
            if k < limit && self.word(k) == "," {
                s = k + 1;
            } else if matches!(self.word(s), "And" | "But" | "So" | "Yet") {
                s += 1;
            } else {
                return None;
            }
        }
        if s >= limit {
            return None;
        }
        if self.is_pronoun(s) {
            return Some((s, s + 1));
        }
        let (a, b) = self.np_right(s, limit)?;
        // A subject is followed by a verb or an apposition, not by more punctuation.
        let next = self.word(b);
        (next == ","
            || next == ":"
            || self
                .tokens
                .get(b)
                .is_some_and(|t| t.kind == TokenKind::Word))
        .then_some((a, b))
    }

    /// The speaker phrase starting at token `s`, not reaching `hi`.
    pub fn np_right(&self, s: usize, hi: usize) -> Option<(usize, usize)> {
        if s >= hi {
            return None;
        }
        if self.is_pronoun(s) {
            return Some((s, s + 1));
        }
        let mut b = s;
        if self.is_determiner(b) {
            b += 1;
        }
        while b < hi && b - s < 9 {
            if let Some(m) = self.mention_at(b) {
                let (_, mb) = self.mention_tokens(m, b);
                b = mb.min(hi);
                break;
            }
            // After a name, a lowercase word is a verb ("Sanders stepped up") unless it
            // is a role ("Vatican spokesman Federico Lombardi") or a possessive.
            let w = self.word(b);
            let name_so_far = b > s && is_capitalised(self.word(s)) && !self.is_determiner(s);
            if name_so_far && !is_capitalised(w) && !lower_in(w, &TITLE_KEYS) && w != "'s" && w != "’s"
            {
                break;
            }
            if self.is_np_word(b) {
                b += 1;
            } else {
                break;
            }
        }
        (b > s && !(b == s + 1 && self.is_determiner(s))).then_some((s, b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys are the lists: every entry is found, in the same order for [`CUES`], and a
    /// key lookup answers as `list.contains(&word.to_lowercase())` does, non-ASCII included.
    #[test]
    fn key_lookup_is_the_list() {
        assert!(CUES.windows(2).all(|w| w[0] < w[1]), "CUES must stay sorted");
        assert!(CUE_KEYS.keys.windows(2).all(|w| w[0] < w[1]));
        for (c, k) in CUES.iter().zip(CUE_KEYS.keys.iter()) {
            assert_eq!(ascii_key(c.as_bytes()), Some(*k), "{c:?}");
        }
        let lists: [(&[&str], &KeySet); 7] = [
            (PRONOUNS, &PRONOUN_KEYS),
            (DETERMINERS, &DETERMINER_KEYS),
            (BETWEEN, &BETWEEN_KEYS),
            (PREPOSITIONS, &PREPOSITION_KEYS),
            (INTRO, &INTRO_KEYS),
            (TITLES, &TITLE_KEYS),
            (CUES, &CUE_KEYS),
        ];
        let probes = [
            "", "He", "SHE", "the", "The.", "Sen.", "sen..", "said", "Said", "saidx", "sai", "reporters",
            "spoKesman", "spo\u{212A}esman", "\u{212A}ing", "qui\u{212A}ly", "Été", "ß", "İt", "a\0", "congresswoman",
            "representatives", "x".repeat(17).as_str(), "Mr................",
        ]
        .map(String::from);
        for (list, keys) in lists {
            for w in list {
                assert!(key_in(ascii_key(w.as_bytes()), keys), "{w:?}");
            }
            for p in &probes {
                let want = p.len() <= 16 && list.contains(&p.trim_end_matches('.').to_lowercase().as_str());
                assert_eq!(lower_in(p, keys), want, "{p:?}");
            }
        }
        for p in &probes {
            let lower = p.trim_end_matches('.').to_lowercase();
            assert_eq!(is_title_or_the(p), TITLES.contains(&lower.as_str()) || lower == "the", "{p:?}");
        }
        let not_np: Vec<&str> = [STOP, PRONOUNS, DETERMINERS].concat();
        for p in probes.iter().map(String::as_str).chain(not_np.iter().copied()).chain(["spokesman", "Graham"]) {
            let want = p.len() <= 16 && not_np.contains(&p.trim_end_matches('.').to_lowercase().as_str());
            assert_eq!(lower_in(p, &NOT_NP_KEYS), want, "{p:?}");
        }
    }

    /// The word-at-once lowercasing is `to_ascii_lowercase`, on every byte value.
    #[test]
    fn ascii_keys_lowercase_like_bytes() {
        let naive = |s: &[u8]| -> Option<Key> {
            if s.len() > KEY_BYTES || s.iter().any(|&b| !b.is_ascii()) || s.last() == Some(&0) {
                return None;
            }
            let mut buf = [0u8; KEY_BYTES];
            buf[..s.len()].copy_from_slice(&s.to_ascii_lowercase());
            Some(Key::from_be_bytes(buf))
        };
        for b in 0..=255u8 {
            for w in [vec![b], vec![b'a', b, b'Z'], vec![b; 16], vec![b; 17], vec![b'@', b'[', b'`', b'{', b]] {
                assert_eq!(ascii_key(&w), naive(&w), "{w:?}");
            }
        }
        // Every length, every position (the two overlapping reads of `be_padded`).
        for n in 0..=17usize {
            for k in 0..n {
                let mut w: Vec<u8> = (0..n as u8).map(|j| b'a' + j).collect();
                w[k] = b'Q';
                assert_eq!(ascii_key(&w), naive(&w), "{w:?}");
            }
        }
        assert_eq!(ascii_key(b""), Some(0));
        assert_eq!(lower_key("Sen\u{212A}"), ascii_key(b"senk"));
    }

    /// `cue_at` finds the listed cues (any case at a sentence start for a few), the two-word
    /// cues, and nothing else.
    #[test]
    fn cues_are_found_by_key() {
        let text = "😀 é said Said SAID according to According To went on put it pointed out reads read \u{212A}ing as\u{212A}ed saidx";
        let tokens = crate::tokenize::tokenize(text);
        let ctx = Ctx { text, tokens: &tokens, mentions: &[], memo: &[] };
        let found: Vec<_> = (0..tokens.len()).filter_map(|i| ctx.cue_at(i).map(|(c, n)| (ctx.word(i), c, n))).collect();
        assert_eq!(
            found,
            vec![
                ("said", "said", 1),
                ("Said", "said", 1),
                ("according", "according to", 2),
                ("According", "according to", 2),
                ("went", "went on", 2),
                ("put", "put it", 2),
                ("pointed", "pointed out", 2),
                ("reads", "reads", 1),
                ("read", "read", 1),
                ("as\u{212A}ed", "asked", 1),
            ]
        );
    }
}
