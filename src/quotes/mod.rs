//! Direct quotations and who said them.
//!
//! This module owns quotation-mark pairing ([`marks`]) and attribution ([`speaker`]).
//! [`find`] runs in three steps, each linear in the text:
//!
//! 1. **Pairing.** [`marks::pair`] returns the outermost quotations (straight, curly and
//!    mismatched marks, `''`, guillemets, single quotes outside double ones, quotations over
//!    several paragraphs). Apostrophes are never marks.
//! 2. **Attribution**, tried in this order for each quotation, in a window of at most
//!    [`WINDOW`] tokens that never crosses a paragraph or a neighbouring quotation:
//!    - a cue right after it: `"...," said X, the ...`, `"...," X said`, `"..." X told
//!      reporters`, `"...," according to X`;
//!    - a cue right before it: `X said, "..."`, `X said that "..."`, `X added: "..."`,
//!      `according to X, "..."`, or a colon: `X: "..."`;
//!    - a cue earlier in the same sentence (`Rubio called the plan "a disaster"`);
//!    - a cue later in the same sentence;
//!    - the speaker of the quotation before it in the same paragraph (`"...," he said.
//!      "..."`), then of the one after it in the same paragraph, then, for a quotation that
//!      opens its paragraph, of the quotation in the paragraph before.
//! 3. **Canonical names.** `speaker.entity` is the entity of a mention that ends where the
//!    speaker phrase ends (so `Trump's campaign manager` is not Trump); without mentions,
//!    the speaker's final capitalised words minus titles, completed from the longest
//!    earlier name with the same last word (`Graham` -> `Lindsey Graham`). A pronoun
//!    (`He added`) keeps its own span as `speaker` (what the reader sees next to the quote)
//!    and gets the entity of the last named speaker (`Grant Shapps`), none if there was
//!    none. Nominal speakers (`the country's air force`) have no entity.
//!
//! Dropped: quotations with one or two words unless a cue stands right next to them
//! (scare quotes), title-case phrases with no speaker (`"The Walking Dead"`), quotations
//! with no words, and unclosed quotations with no cue next to them.
//!
//! Cost: the mark scan skips plain ASCII eight bytes at a time ([`marks`]); the word lists
//! of [`speaker`] are matched as integer keys; the name index is built only when a one-word
//! speaker needs it. One warm call on the seed article: 79,125 instructions (31 per byte;
//! 194,851 at the start of session 4; `node bench/callgrind.mjs --copies 1 --repeat 11`).
//! Session 5: 79.7K -> 60.7K: [`count_words`] classes ASCII bytes by table and stops at
//! the third word of a quotation that is no title (callers only tell 0, 1-2 and 3+ words);
//! [`speaker::Ctx::cue_at`] answers are memoised per token (a thread-local byte per token:
//! the windows of one quotation overlap); the speaker's cue is borrowed until the quotation
//! is kept; word keys are read without a copy. Left: the mark scan ([`marks::pair`], about
//! 20K, eight bytes a step), the window walks and the speaker noun phrases.
//!
//! Measured with `make eval-quotes` on PolNeAR dev (see `src/bin/evaluate/polnear.rs`).
//! Not measured yet: non-news styles (fiction dialogue, transcripts), languages other than
//! English.

pub mod marks;
pub mod speaker;

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::HashMap;

use crate::entities::Mention;
use crate::tokenize::Token;
use speaker::{is_capitalised, is_title_or_the, Ctx, Found};

/// The mention a quotation is attributed to: `text[start..end]` (bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerRef {
    pub start: usize,
    pub end: usize,
    /// Canonical name when the speaker is (or refers to) a named entity.
    pub entity: Option<String>,
}

/// One direct quotation, its span including the quotation marks (bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    pub speaker: Option<SpeakerRef>,
    /// The reporting verb or phrase: "said", "added", "according to".
    pub cue: Option<String>,
}

/// How far (in tokens) before and after a quotation a cue is looked for.
pub const WINDOW: usize = 45;

#[derive(Clone, Copy, PartialEq, Eq)]
enum How {
    /// A cue or colon right next to the quotation.
    Adjacent,
    /// A cue elsewhere in the sentence.
    Sentence,
    /// Borrowed from a neighbouring quotation.
    Inherited,
    None,
}

/// One paired quotation while it is being attributed. Kept small (48 bytes natively, was
/// 96): a million quotation marks make half a million drafts, most of them wordless, which
/// stay in the list because they bound their neighbours' windows (issue 9).
struct Draft {
    start: usize,
    end: usize,
    /// Token index range of the quotation: `[qs, qe)`.
    qs: usize,
    qe: usize,
    /// Saturating: only compared for equality with the neighbours' and tested against
    /// small numbers.
    paragraph: u32,
    words: u32,
    /// Index into the attributions found ([`NO_FOUND`]: none); a quotation that inherits
    /// its neighbour's speaker shares the neighbour's entry.
    found: u32,
    title_case: bool,
    unclosed: bool,
    how: How,
}

const NO_FOUND: u32 = u32::MAX;

fn saturating_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Finds the direct quotations in `text` and attributes them, using the entity mentions.
pub fn find(text: &str, tokens: &[Token], mentions: &[Mention]) -> Vec<Quote> {
    let spans = marks::pair(text);
    if spans.is_empty() {
        return Vec::new();
    }
    let mut sorted_mentions;
    let mentions = if mentions.windows(2).all(|w| w[0].start <= w[1].start) {
        mentions
    } else {
        sorted_mentions = mentions.to_vec();
        sorted_mentions.sort_by_key(|m| m.start);
        &sorted_mentions[..]
    };
    // The cue memo: one byte per token, kept between calls (only its allocation).
    thread_local! {
        static MEMO: std::cell::RefCell<Vec<std::cell::Cell<u8>>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    MEMO.with(|cell| match cell.try_borrow_mut() {
        Ok(mut memo) => {
            memo.clear();
            memo.resize(tokens.len(), std::cell::Cell::new(speaker::CUE_UNKNOWN));
            let out = attribute_all(text, tokens, mentions, spans, &memo);
            if memo.capacity() > 1 << 20 {
                *memo = Vec::new();
            }
            out
        }
        Err(_) => attribute_all(text, tokens, mentions, spans, &[]),
    })
}

/// [`find`] once the quotations are paired and the mentions sorted.
fn attribute_all(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    spans: Vec<marks::Span>,
    memo: &[std::cell::Cell<u8>],
) -> Vec<Quote> {
    let ctx = Ctx {
        text,
        tokens,
        mentions,
        memo,
    };

    // Token ranges and paragraph numbers, walking tokens once.
    let mut drafts: Vec<Draft> = Vec::with_capacity(spans.len());
    let mut ti = 0usize;
    let mut paragraph = 0usize;
    for s in &spans {
        // Tokens before the quotation; each that opens a line (but the first token) starts
        // a paragraph.
        let before = tokens.get(ti..).map_or(0, |rest| rest.partition_point(|t| t.start < s.start));
        if let Some(passed) = tokens.get(ti + 1..(ti + before).max(ti + 1)) {
            paragraph += passed.iter().filter(|t| t.line_start).count();
        }
        ti += before;
        let qs = ti;
        let qe = qs + tokens.get(qs..).map_or(0, |rest| rest.partition_point(|t| t.start < s.end));
        let inner = text.get(s.start..s.end).unwrap_or("");
        let (words, title_case) = count_words(inner);
        drafts.push(Draft {
            start: s.start,
            end: s.end,
            qs,
            qe,
            paragraph: saturating_u32(paragraph),
            words: saturating_u32(words),
            found: NO_FOUND,
            title_case,
            unclosed: s.unclosed,
            how: How::None,
        });
    }
    drop(spans);
    // Sized once (growing them was a few percent of this stage); bounded, for texts of
    // a million marks.
    let mut founds: Vec<Found> = Vec::with_capacity(drafts.len().min(64));

    // Direct attribution.
    for k in 0..drafts.len() {
        if drafts[k].words == 0 {
            continue;
        }
        let prev_qe = if k > 0 { drafts[k - 1].qe } else { 0 };
        let next_qs = drafts.get(k + 1).map_or(tokens.len(), |d| d.qs);
        let d = &drafts[k];
        let (found, how) = attribute(&ctx, d, prev_qe, next_qs);
        if let Some(f) = found {
            drafts[k].found = saturating_u32(founds.len());
            founds.push(f);
        }
        drafts[k].how = how;
    }
    // Inherit from neighbours: the one before (same or previous paragraph), then the one after.
    for k in 1..drafts.len() {
        if drafts[k].found == NO_FOUND && drafts[k].words > 0 {
            let (prev, cur) = (&drafts[k - 1], &drafts[k]);
            let same = prev.paragraph == cur.paragraph;
            let opens_paragraph = tokens.get(cur.qs).is_some_and(|t| t.line_start);
            if prev.found != NO_FOUND
                && (same || (opens_paragraph && cur.paragraph == prev.paragraph.saturating_add(1)))
            {
                drafts[k].found = prev.found;
                drafts[k].how = How::Inherited;
            }
        }
    }
    for k in (0..drafts.len().saturating_sub(1)).rev() {
        if drafts[k].found == NO_FOUND && drafts[k].words > 0 {
            let next = &drafts[k + 1];
            if next.found != NO_FOUND && next.paragraph == drafts[k].paragraph {
                drafts[k].found = next.found;
                drafts[k].how = How::Inherited;
            }
        }
    }

    // Built on first need (a one-word speaker with no mention ending there): most
    // articles never need it, and hashing every mention was a fifth of this stage.
    let mut names: Option<NameIndex> = None;
    let mut last_named: Option<String> = None;
    let mut out = Vec::with_capacity(drafts.len().min(64));
    for d in drafts {
        let found = founds.get(d.found as usize);
        let keep = d.words > 0
            && match d.how {
                How::Adjacent => true,
                How::Sentence | How::Inherited => {
                    let cued = found.is_some_and(|f| f.cue.is_some());
                    d.words >= 3 && !d.unclosed && (cued || !d.title_case)
                }
                How::None => d.words >= 3 && !d.unclosed && !d.title_case,
            };
        if !keep {
            continue;
        }
        let speaker = found.and_then(|f| {
            let start = tokens.get(f.a)?.start;
            let end = tokens.get(f.b.checked_sub(1)?)?.end;
            let entity = if f.b == f.a + 1 && ctx.is_pronoun(f.a) {
                if speaker::is_he_or_she(ctx.word(f.a)) {
                    last_named.clone()
                } else {
                    None
                }
            } else {
                let e = NameIndex::canonical(&mut names, &ctx, f.a, f.b);
                if e.is_some() {
                    last_named = e.clone();
                }
                e
            };
            Some(SpeakerRef { start, end, entity })
        });
        let cue = found.and_then(|f| f.cue.map(str::to_string));
        out.push(Quote {
            start: d.start,
            end: d.end,
            speaker,
            cue,
        });
    }
    out
}

/// Classes of ASCII bytes for [`count_words`]: a letter or digit, an uppercase letter or a
/// digit (a capitalised word), a byte that keeps a word open (`'`, `-`), sentence
/// punctuation.
const ALNUM: u8 = 1;
const CAP: u8 = 2;
const JOIN: u8 = 4;
const STOP: u8 = 8;
const ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        let mut k = 0;
        if c.is_ascii_alphanumeric() {
            k |= ALNUM;
            if c.is_ascii_uppercase() || c.is_ascii_digit() {
                k |= CAP;
            }
        }
        if c == b'\'' || c == b'-' {
            k |= JOIN;
        }
        if matches!(c, b'.' | b'!' | b'?' | b';') {
            k |= STOP;
        }
        t[b] = k;
        b += 1;
    }
    t
};

/// Words (alphanumeric runs) in a quotation and whether it reads as a title: every word
/// of four letters or more capitalised and no sentence punctuation before its last word
/// (`“Sean Hannity Show.”`). ASCII bytes are classed by table and the rest of an ASCII
/// word is skipped in a tight loop (a char-by-char walk was a sixth of this stage).
/// Callers only tell no words, one or two, and three or more: the walk stops at the third
/// word when the quotation is already no title (most quotations, a few bytes in; the count
/// is then 3), so its cost does not grow with the quotation.
fn count_words(s: &str) -> (usize, bool) {
    let mut words = 0;
    let mut title = true;
    let mut in_word = false;
    let mut word_len = 0;
    let mut word_cap = false;
    let mut stop = false;
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII bytes are chars; other chars are decoded where they start.
        let k = if let Some(&k) = ASCII_CLASS.get(b as usize) {
            i += 1;
            k
        } else {
            let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else { break };
            i += c.len_utf8();
            let mut k = 0;
            if is_alphanumeric(c) {
                k |= ALNUM;
                if c.is_uppercase() || c.is_numeric() {
                    k |= CAP;
                }
            }
            if c == '’' {
                k |= JOIN;
            }
            k
        };
        if k & ALNUM != 0 {
            if !in_word {
                // A sentence end before more words: a sentence, not a title.
                if stop {
                    title = false;
                }
                words += 1;
                if words >= 3 && !title {
                    return (words, false);
                }
                word_cap = k & CAP != 0;
                word_len = 0;
            }
            in_word = true;
            word_len += 1;
            // The rest of an ASCII run of letters and digits.
            while let Some(&b) = bytes.get(i) {
                if ASCII_CLASS.get(b as usize).map_or(true, |&k| k & ALNUM == 0) {
                    break;
                }
                word_len += 1;
                i += 1;
            }
        } else {
            if in_word && word_len >= 4 && !word_cap {
                title = false;
            }
            in_word = in_word && k & JOIN != 0;
            if k & STOP != 0 {
                stop = true;
            }
        }
    }
    if in_word && word_len >= 4 && !word_cap {
        title = false;
    }
    (words, title && words > 0)
}

/// `char::is_alphanumeric`, with the ASCII and general-punctuation (curly quotes, dashes)
/// answers first: no letter or digit lies in U+2000..U+206F.
#[inline]
fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if matches!(c as u32, 0x2000..=0x206F) {
        false
    } else {
        c.is_alphanumeric()
    }
}

fn attribute<'a>(ctx: &Ctx<'a>, d: &Draft, prev_qe: usize, next_qs: usize) -> (Option<Found<'a>>, How) {
    let tokens = ctx.tokens;
    // Leading window: back to the paragraph start, the previous quotation or WINDOW tokens.
    let mut lo = d.qs;
    while lo > prev_qe && d.qs - lo < WINDOW && !tokens[lo].line_start {
        lo -= 1;
    }
    // Sentence start within the leading window.
    let mut sent = d.qs;
    while sent > lo && !tokens[sent].sentence_start {
        sent -= 1;
    }
    // Trailing window: to the paragraph end, the next quotation or WINDOW tokens.
    let mut hi = d.qe;
    while hi < next_qs && hi - d.qe < WINDOW && !(hi > d.qe && tokens[hi].line_start) {
        hi += 1;
    }
    if d.qe < tokens.len() && tokens[d.qe].line_start {
        hi = d.qe;
    }
    // Where the trailing sentence ends.
    let mut sent_end = d.qe;
    while sent_end < hi && !(sent_end > d.qe && tokens[sent_end].sentence_start) {
        sent_end += 1;
    }
    let inner_end_punct = ctx.text.get(d.start..d.end).and_then(|s| {
        s.trim_end_matches(|c: char| matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | '`'))
            .chars()
            .next_back()
    });
    let trailing_ok = d.qe < hi
        && (!tokens[d.qe].sentence_start || matches!(inner_end_punct, Some('?' | '!' | ',')));

    // 1. A cue right after: `"...," said X` / `"...," X said`.
    if trailing_ok {
        let mut j = d.qe;
        while j < sent_end && j - d.qe < 2 && matches!(ctx.word(j), "," | "—" | "–" | "-" | "--")
        {
            j += 1;
        }
        if let Some((cue, n)) = ctx.cue_at(j) {
            if let Some((a, b)) = ctx.np_right(j + n, sent_end.max(j + n)) {
                return hit(a, b, Some(cue), How::Adjacent);
            }
        }
        let mut v = j + 1;
        while v < sent_end && v - j <= 14 {
            if let Some((cue, _)) = ctx.cue_at(v) {
                if let Some((a, b)) = ctx.subject_left(v, j) {
                    if a == j {
                        return hit(a, b, Some(cue), How::Adjacent);
                    }
                }
                break;
            }
            v += 1;
        }
        // An unlisted reporting verb: `"...!" beamed Donald Hartley`, `"...," Kelly charged`.
        if matches!(inner_end_punct, Some(',' | '!' | '?')) {
            let w = ctx.word(j);
            if is_verb_form(w) {
                if let Some((a, b)) = ctx.np_right(j + 1, sent_end) {
                    if is_capitalised(ctx.word(a)) || ctx.is_pronoun(a) || ctx.word(a) == "the" {
                        return hit(a, b, Some(w), How::Adjacent);
                    }
                }
            }
            if let Some((a, b)) = ctx.np_right(j, sent_end) {
                let verb = ctx.word(b);
                if (is_capitalised(ctx.word(a)) || ctx.is_pronoun(a)) && is_verb_form(verb) {
                    return hit(a, b, Some(verb), How::Adjacent);
                }
            }
        }
    } else if d.qe < hi {
        // A short sentence of its own: `"...." Trump said.`
        if let Some((a, b)) = ctx.np_right(d.qe, hi) {
            if let Some((cue, n)) = ctx.cue_at(b) {
                if b + n >= hi || matches!(ctx.word(b + n), "." | "!") {
                    return hit(a, b, Some(cue), How::Adjacent);
                }
            }
        }
    }
    // 2. A cue right before: `X said, "` / `X said that "` / `X: "` / `according to X, "`.
    let mut e = d.qs;
    let mut colon = false;
    while e > sent
        && d.qs - e < 2
        && matches!(ctx.word(e - 1), "," | ":" | "that" | "—" | "–" | "-")
    {
        colon |= ctx.word(e - 1) == ":";
        e -= 1;
    }
    if e > sent {
        // The nearest cue in the few tokens before: `X told reporters Tuesday, "`.
        let mut v = e;
        while v > sent && e - v < 6 {
            v -= 1;
            if let Some((cue, _)) = ctx.cue_at(v) {
                if cue == "according to" {
                    if let Some((a, b)) = ctx.np_right(v + 2, e) {
                        return hit(a, b, Some(cue), How::Adjacent);
                    }
                }
                // Right before the mark (`said, "`) or a few words back (`told reporters, "`).
                let how = if v + 1 == e {
                    How::Adjacent
                } else {
                    How::Sentence
                };
                if let Some((a, b)) = subject_of(ctx, cue, v, sent) {
                    return hit(a, b, Some(cue), how);
                }
                // Inverted: `said Trump: "`.
                if let Some((a, b)) = ctx.np_right(v + 1, e).filter(|&(_, b)| b == e) {
                    if is_capitalised(ctx.word(a)) || ctx.is_pronoun(a) {
                        return hit(a, b, Some(cue), How::Adjacent);
                    }
                }
                break;
            }
        }
        if colon {
            if let Some((a, b)) = ctx.subject_left(e, sent) {
                if is_capitalised(ctx.word(b - 1)) || ctx.is_pronoun(a) {
                    return hit(a, b, None, How::Adjacent);
                }
            }
        }
    }
    // 3. A cue earlier in the sentence.
    let mut v = e;
    while v > sent {
        v -= 1;
        if let Some((cue, _)) = ctx.cue_at(v) {
            if cue == "according to" {
                if let Some((a, b)) = ctx.np_right(v + 2, e) {
                    return hit(a, b, Some(cue), How::Sentence);
                }
            } else if let Some((a, b)) = subject_of(ctx, cue, v, sent) {
                return hit(a, b, Some(cue), How::Sentence);
            }
        }
    }
    // 4. A cue later in the sentence: `"...," the economist wrote on his blog`.
    if trailing_ok {
        let mut v = d.qe;
        while v < sent_end {
            if let Some((cue, n)) = ctx.cue_at(v) {
                if cue == "according to" {
                    if let Some((a, b)) = ctx.np_right(v + n, sent_end) {
                        return hit(a, b, Some(cue), How::Sentence);
                    }
                } else if let Some((a, b)) = ctx.subject_left(v, d.qe) {
                    return hit(a, b, Some(cue), How::Sentence);
                }
            }
            v += 1;
        }
    }
    // 5. The subject of the sentence the quotation stands in: `Pence praised Cruz for
    //    showing "the courage of his convictions."`, `John McCain: ... 'Bad Angels'`.
    if sent < d.qs {
        if let Some((a, b)) = ctx.sentence_subject(sent, d.qs) {
            return hit(a, b, None, How::Sentence);
        }
    }
    (None, How::None)
}

/// A lowercase past-tense or present verb form (`beamed`, `charges`), for reporting verbs
/// not in the cue list.
fn is_verb_form(w: &str) -> bool {
    w.len() > 3
        && w.chars().all(|c| c.is_ascii_lowercase())
        && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss")))
}

fn hit(a: usize, b: usize, cue: Option<&str>, how: How) -> (Option<Found<'_>>, How) {
    (Some(Found { a, b, cue }), how)
}

/// The subject of cue `v`: left of it, or for a participle (`..., saying "`) the subject of
/// the sentence.
fn subject_of(ctx: &Ctx, cue: &str, v: usize, sent: usize) -> Option<(usize, usize)> {
    if cue.ends_with("ing") {
        return ctx.sentence_subject(sent, v);
    }
    ctx.subject_left(v, sent)
        .or_else(|| ctx.sentence_subject(sent, v))
}

/// Full names by their last word, for completing `Graham` to `Lindsey Graham`.
/// Full names by last word, borrowed from the mentions and the text (an owned key and
/// value per mention were a third of this stage's allocations).
struct NameIndex<'a> {
    by_last: HashMap<&'a str, Cow<'a, str>>,
}

impl<'a> NameIndex<'a> {
    fn build(ctx: &Ctx<'a>) -> NameIndex<'a> {
        let mut by_last: HashMap<&'a str, Cow<'a, str>> = HashMap::new();
        let mentions: &'a [Mention] = ctx.mentions;
        for m in mentions {
            if let Some(last) = m.entity.split_whitespace().next_back() {
                let e = by_last.entry(last).or_insert(Cow::Borrowed(m.entity.as_str()));
                if m.entity.len() > e.len() {
                    *e = Cow::Borrowed(m.entity.as_str());
                }
            }
        }
        // Runs of capitalised words (titles dropped), when the entity model gave nothing.
        if ctx.mentions.is_empty() {
            let n = ctx.tokens.len();
            let mut i = 0;
            while i < n {
                if !is_capitalised(ctx.word(i)) {
                    i += 1;
                    continue;
                }
                let mut j = i;
                while j < n
                    && is_capitalised(ctx.word(j))
                    && !(j > i && ctx.tokens[j].sentence_start)
                {
                    j += 1;
                }
                let run = name_words(ctx, i, j);
                if run.len() >= 2 && run.len() <= 4 {
                    let full = run.join(" ");
                    if let Some(&last) = run.last() {
                        match by_last.entry(last) {
                            Entry::Vacant(v) => {
                                v.insert(Cow::Owned(full));
                            }
                            Entry::Occupied(mut o) => {
                                if full.len() > o.get().len() {
                                    o.insert(Cow::Owned(full));
                                }
                            }
                        }
                    }
                }
                i = j.max(i + 1);
            }
        }
        NameIndex { by_last }
    }

    /// The canonical name of the speaker phrase `[a, b)`, if it ends in a name.
    /// `names` is built from `ctx` when first needed.
    fn canonical(names: &mut Option<NameIndex<'a>>, ctx: &Ctx<'a>, a: usize, b: usize) -> Option<String> {
        if b == 0 || b <= a {
            return None;
        }
        // Skip a trailing parenthetical: "Lindsey Graham (R-SC)".
        let mut end = b;
        if ctx.word(end - 1) == ")" {
            while end > a && ctx.word(end - 1) != "(" {
                end -= 1;
            }
            end = end.saturating_sub(1).max(a);
        }
        if end == a {
            return None;
        }
        if let Some(m) = ctx.mention_at(end - 1) {
            if ctx.tokens.get(end - 1).is_some_and(|t| t.end == m.end) {
                return Some(m.entity.clone());
            }
        }
        if !is_capitalised(ctx.word(end - 1)) {
            return None;
        }
        let mut start = end;
        while start > a && is_capitalised(ctx.word(start - 1)) {
            start -= 1;
        }
        let run = name_words(ctx, start, end);
        match run.len() {
            0 => None,
            1 => Some(
                names
                    .get_or_insert_with(|| NameIndex::build(ctx))
                    .by_last
                    .get(run[0])
                    .map_or_else(|| run[0].to_string(), |e| e.to_string()),
            ),
            _ => Some(run.join(" ")),
        }
    }
}

/// The words of a capitalised run after its last title or determiner.
fn name_words<'a>(ctx: &Ctx<'a>, i: usize, j: usize) -> Vec<&'a str> {
    let mut words: Vec<&str> = Vec::new();
    for k in i..j {
        let w = ctx.word(k);
        if is_title_or_the(w) || w.len() > 40 {
            words.clear();
        } else if w != "'s" && w != "’s" {
            words.push(w);
        } else {
            words.clear();
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn run(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let tokens = tokenize(text);
        find(text, &tokens, &[])
            .into_iter()
            .map(|q| {
                let s = q.speaker.map(|s| {
                    let shown = text[s.start..s.end].to_string();
                    match s.entity {
                        Some(e) if e != shown => format!("{shown}={e}"),
                        _ => shown,
                    }
                });
                (text[q.start..q.end].to_string(), s, q.cue)
            })
            .collect()
    }

    fn speakers(text: &str) -> Vec<String> {
        run(text)
            .into_iter()
            .map(|(_, s, _)| s.unwrap_or_default())
            .collect()
    }

    #[test]
    fn attribution_patterns() {
        assert_eq!(
            speakers("Grant Shapps said, “The world has turned.\""),
            vec!["Grant Shapps"]
        );
        assert_eq!(
            speakers("\"We will win this one,\" Trump said."),
            vec!["Trump"]
        );
        assert_eq!(
            speakers("''Good news for us all,'' said Geoff Garin, a Democratic pollster."),
            vec!["Geoff Garin"]
        );
        assert_eq!(
            speakers("\"Overnight the enemy launched an attack,\" the country's air force said."),
            vec!["the country's air force"]
        );
        assert_eq!(
            speakers("\"They will pay for it,\" a spokeswoman said."),
            vec!["a spokeswoman"]
        );
        assert_eq!(
            speakers("\"We are not done yet\" Trump told reporters."),
            vec!["Trump"]
        );
        assert_eq!(
            speakers("According to Smith, \"the plan is dead now.\""),
            vec!["Smith"]
        );
        assert_eq!(
            speakers("Graham: \"We lose elections this way.\""),
            vec!["Graham"]
        );
        assert_eq!(
            speakers("\"It is over now,\" Doug Andres, a spokesman for Paul Ryan, said."),
            vec!["Doug Andres"]
        );
    }

    #[test]
    fn pronouns_resolve_to_the_last_named_speaker() {
        let t = "Lindsey Graham spoke.\n\nGraham said, “We lose elections this way.”\n\nHe added, “Now it is forced deportation.”";
        assert_eq!(
            speakers(t),
            vec!["Graham=Lindsey Graham", "He=Lindsey Graham"]
        );
    }

    #[test]
    fn scare_quotes_and_titles_are_not_quotations() {
        assert!(run("They called it a “freak out” on air.").is_empty());
        assert!(run("It was the so-called “freak out” on air.").is_empty());
        assert!(run("He watched “The Walking Dead” last night.").is_empty());
        assert_eq!(
            speakers("Obama said “Too many.” Then he left."),
            vec!["Obama"]
        );
    }

    /// The char-by-char `count_words` before the byte-class rewrite (issue 8 session 5).
    fn count_words_reference(s: &str) -> (usize, bool) {
        let (mut words, mut title, mut in_word, mut word_len, mut word_cap, mut stop) = (0, true, false, 0, false, false);
        for c in s.chars() {
            if is_alphanumeric(c) {
                if !in_word {
                    if stop {
                        title = false;
                    }
                    words += 1;
                    word_cap = c.is_uppercase() || c.is_numeric();
                    word_len = 0;
                }
                in_word = true;
                word_len += 1;
            } else {
                if in_word && word_len >= 4 && !word_cap {
                    title = false;
                }
                in_word = in_word && matches!(c, '\'' | '’' | '-');
                if matches!(c, '.' | '!' | '?' | ';') {
                    stop = true;
                }
            }
        }
        if in_word && word_len >= 4 && !word_cap {
            title = false;
        }
        (words, title && words > 0)
    }

    /// Guards the byte-class `count_words`: on random strings of letters, digits, accents,
    /// apostrophes, dashes and punctuation, the word count (none, one, two, three or more)
    /// and the title test (what decides whether a quotation is kept) are the char-by-char
    /// version's.
    #[test]
    fn word_counts_agree_with_the_char_walk() {
        const PARTS: &[&str] = &[
            "a", "Sean", "HANNITY", "show", "don't", "’s", "-", "—", ".", "!", "?", ";", ",", " ", "  ", "😀", "é",
            "École", "élan", "Ünïcode", "42", "٣", "Ⅻ", "x1", "'", "\"", "“", "”", "\n", "ǅ", "Σ",
        ];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..20000 {
            let mut t = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = (seed % 12) as usize;
            for _ in 0..n {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                t.push_str(PARTS[(seed % PARTS.len() as u64) as usize]);
            }
            let (got, want) = (count_words(&t), count_words_reference(&t));
            assert_eq!((got.0.min(3), got.1), (want.0.min(3), want.1), "{t:?}");
        }
    }

    #[test]
    fn sandwiched_quotes_share_a_speaker() {
        let t = "“It is a day of shame,” Barkley said. “CNN has done an awful job.”";
        assert_eq!(speakers(t), vec!["Barkley", "Barkley"]);
    }
}
