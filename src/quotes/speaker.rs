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
//! Not done: a part-of-speech tagger (lowercase verbs that are not in the cue list can end
//! up in a nominal speaker), gender agreement for pronouns.

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
}

/// A speaker phrase as token range `[a, b)`, and the cue that introduced it.
#[derive(Debug, Clone)]
pub struct Found {
    pub a: usize,
    pub b: usize,
    pub cue: Option<String>,
}

/// Bit `b - b'a'` for every first byte `b` of a [`CUES`] entry, and bit `n` for every
/// length `n` (< 64): most words fail one of the two, without a scan of the list.
const CUE_FIRST_BYTES: u32 = {
    let mut mask = 0u32;
    let mut k = 0;
    while k < CUES.len() {
        mask |= 1 << (CUES[k].as_bytes()[0] - b'a');
        k += 1;
    }
    mask
};
const CUE_LENGTHS: u64 = {
    let mut mask = 0u64;
    let mut k = 0;
    while k < CUES.len() {
        mask |= 1 << CUES[k].len();
        k += 1;
    }
    mask
};

fn might_be_cue(lower: &str) -> bool {
    let (Some(&b), n) = (lower.as_bytes().first(), lower.len()) else {
        return false;
    };
    b.is_ascii_lowercase() && CUE_FIRST_BYTES & (1 << (b - b'a')) != 0 && n < 64 && CUE_LENGTHS & (1 << n) != 0
}

/// Whether `lower` is one of [`CUES`], which is sorted (a test checks): a binary search
/// instead of a linear scan of its 142 entries (two thirds of [`Ctx::cue_at`]'s instructions).
fn is_cue(lower: &str) -> bool {
    CUES.binary_search(&lower).is_ok()
}

const LOWER_BUF: usize = 24;

/// `word.to_lowercase()`, without allocating for short ASCII words (every word the cue,
/// pronoun and stop lists hold).
fn lower_small<'b>(word: &str, buf: &'b mut [u8; LOWER_BUF]) -> std::borrow::Cow<'b, str> {
    if word.len() <= LOWER_BUF && word.is_ascii() {
        let out = &mut buf[..word.len()];
        out.copy_from_slice(word.as_bytes());
        out.make_ascii_lowercase();
        // ASCII in, ASCII out.
        std::borrow::Cow::Borrowed(std::str::from_utf8(out).unwrap_or(""))
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

fn lower_in(word: &str, list: &[&str]) -> bool {
    if word.len() > 16 {
        return false;
    }
    let mut buf = [0u8; LOWER_BUF];
    list.contains(&lower_small(word.trim_end_matches('.'), &mut buf).as_ref())
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
        lower_in(self.word(i), PRONOUNS)
    }

    /// The cue starting at token `i` and its length in tokens.
    pub fn cue_at(&self, i: usize) -> Option<(String, usize)> {
        let w = self.word(i);
        if w.is_empty() || is_capitalised(w) && w != "I" {
            // "Said" at a sentence start is rare; capitalised words are names.
            if !matches!(w, "Said" | "Asked" | "Added" | "According") {
                return None;
            }
        }
        // Lowercased on the stack: two `to_lowercase` Strings per call were most of this
        // function's cost (it runs for every word near every quotation).
        let mut buf = [0u8; LOWER_BUF];
        let lower = lower_small(w, &mut buf);
        let lower = lower.as_ref();
        let cue = match lower {
            "according" | "went" | "goes" | "pointed" | "points" | "put" => {
                let mut nbuf = [0u8; LOWER_BUF];
                let next = lower_small(self.word(i + 1), &mut nbuf);
                match (lower, next.as_ref()) {
                    ("according", "to") => return Some(("according to".into(), 2)),
                    ("went" | "goes", "on") => return Some((format!("{lower} on"), 2)),
                    ("pointed" | "points", "out") => return Some((format!("{lower} out"), 2)),
                    ("put", "it") => return Some(("put it".into(), 2)),
                    _ => false,
                }
            }
            "read" | "reads" => true,
            _ => might_be_cue(lower) && is_cue(lower),
        };
        cue.then(|| (lower.to_string(), 1))
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
                if lower_in(w, STOP)
                    || lower_in(w, PRONOUNS)
                    || lower_in(w, DETERMINERS)
                    || self.cue_at(i).is_some()
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
        lower_in(self.word(i), DETERMINERS)
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
            && (lower_in(self.word(e - 1), BETWEEN) || is_adverb(self.word(e - 1)))
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
        if np.0 > lo && lower_in(self.word(np.0 - 1), PREPOSITIONS) {
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
            while a > lo && e - a < 10 && lower_in(self.word(a - 1), TITLES) {
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
        let intro = lower_in(first, INTRO)
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
            if name_so_far && !is_capitalised(w) && !lower_in(w, TITLES) && w != "'s" && w != "’s"
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

    /// The quick filter in front of the cue list never rejects a cue.
    #[test]
    fn cue_filter_keeps_every_cue() {
        assert!(CUES
            .iter()
            .all(|c| c.bytes().all(|b| b.is_ascii_lowercase() || b == b' ') && c.len() < 64));
        assert!(CUES.iter().all(|c| might_be_cue(c)));
        assert!(!might_be_cue("") && !might_be_cue("Said") && !might_be_cue("zebra-crossings"));
    }

    /// The sorted lookup finds every cue and nothing else.
    #[test]
    fn cue_lookup_is_the_list() {
        assert!(CUES.windows(2).all(|w| w[0] < w[1]), "CUES must stay sorted");
        assert!(CUES.iter().all(|c| is_cue(c)));
        for not in ["", "sai", "saidx", "zebra", "a", "according to x"] {
            assert_eq!(is_cue(not), CUES.contains(&not), "{not:?}");
        }
    }
}
