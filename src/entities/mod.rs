//! Named entities: people (PER), organisations (ORG), places (LOC) and other names (MISC).
//!
//! This module owns the statistical tagger and everything around it:
//!
//! - [`features`]: per-token hashed features (word, shape, affixes, context window,
//!   document-level case evidence, a name list learned from the training data);
//! - [`model`]: the artifact format (`model/ner.bin`, embedded with `include_bytes!`, parsed
//!   once, header and feature-schema hash checked on load);
//! - decoding: emission scores are sums of quantised weights, integers on one fixed-point
//!   scale (model format 2), so a sum does not depend on the order of its terms.
//!   [`features::emit::TypeSums`] adds, once per article and word type, the weights of all
//!   features that depend only on that type (its own, and as the neighbour at -2, -1, +1,
//!   +2), so a token's emission is five vector adds plus its seven word/shape pair features
//!   and the name-list ones (a unit test checks them against summing every feature by hash).
//!   Viterbi under BIO constraints (`I-X` only after `B-X` or `I-X`), with the constraints
//!   folded into the transition table ([`Transitions`]), not over whole sentences but over
//!   their *islands* ([`islands`]): runs of capitalised tokens joined across up to two other
//!   tokens ("Bank of England"), widened by one token each side and then to whole words
//!   ("U.S.-led", "Lord 's"). Each island is decoded alone with O before and after it, and
//!   every token outside the islands is O, so only island tokens get emission scores. This is
//!   exact whenever the whole-sentence best path labels the tokens outside the islands O:
//!   byte-identical `annotate` output on the seed, `bench/samples`, `www/samples` and the
//!   CoNLL dev text, dev F1 unchanged (0.9393); on the CoNLL training text (where the model
//!   labels the lowercase "interior ministry" and gaps like "Azad ( free ) Kashmir") 19 of
//!   23,687 mentions change. (Tried and dropped: no margin, 144 changed lines of dev
//!   output, F1 0.9358; no left margin before lowercase words, F1 0.9390, for 4% fewer
//!   instructions.) Training still decodes whole sentences. Two passes with one model: the
//!   first from local features only; the second adds the non-local
//!   features ([`features::NonLocal`]: how the first pass labelled the same word elsewhere in
//!   the article) to the first pass's scores and decodes again only the islands that have
//!   any (Ratinov & Roth 2009's "context aggregation" and "prediction history", for one
//!   article at a time). The first pass keeps the scores of exactly those islands (a
//!   capitalised word capitalised elsewhere too) up to 16,384 tokens; beyond that they are
//!   recomputed, to the same integers. The first pass lists those islands with their
//!   sentences (16 bytes each; session 5: finding them again in the second pass cost
//!   ~9K instructions of a warm seed call). Cost of the islands (callgrind, seed article alone):
//!   tagger 707 -> 616 instructions per byte, emission scores for about 60% of the tokens,
//!   per-type sums for 207 of ~250 word types. With the rest of issue 8's work (per-type
//!   sums on first use, buffers and memo kept between articles, forms instead of hash maps
//!   keyed by word) the tagger is at 524 instructions per byte (cold, `node
//!   bench/callgrind.mjs --copies 1`); round 2 (ASCII words hashed byte by byte, neighbour
//!   sums per side, no context-aggregation rows for words capitalised once, case evidence
//!   per type) 486 (1,344K -> 1,247K instructions; seed x10: 320 -> 318 per byte, the
//!   per-token work is unchanged). Where the rest goes (seed alone, cold): emission scores
//!   ~500K (about 8,000 weight-row lookups: per type ~17 for its own sum and 4 as a
//!   neighbour, per island token 4 word-pair rows, 3 shape pairs and the name list),
//!   `DocInfo::new` ~300K (~130K of it the word-type hashes), Viterbi 163K (~3 instructions
//!   per add-and-max, already pruned to the BIO moves; since issue 8 round 3 105K: where one
//!   label provably leads, the O and B-X labels take it as predecessor with one add, O
//!   tested first, see [`Transitions::viterbi_island`]), `TypeSums::new` 73K, name-list
//!   lookups 66K, `NonLocal::new` 57K. Tried and dropped: one cache of the flag and case
//!   features per (flags, case) pair (+19K: its misses and copies cost more than the memo
//!   hits it saved); a name-list filter of 2^20 bits instead of 2^18 (-2K for 96 KB more);
//!   hashing a string's last bytes as one word in the maps' hasher (-2K); in round 3 (warm
//!   seed call), a memo of the second pass's decoded non-local rows (+9K: they rarely
//!   repeat within an article; in session 5, with the memo kept between calls, it pays:
//!   the non-local features have a few dozen distinct hashes in all, `tag_passes` self
//!   42.6K -> 34.3K) and skipping sentences without non-local features in the
//!   second pass (-0.4K: almost every sentence has some);
//! - [`group`]: the canonical name of each mention within the article ("Putin" -> "Vladimir
//!   Putin", "U.S." and "US" -> one name);
//! - `train` (feature `tools` only): the averaged structured perceptron that produces the
//!   model, and the CoNLL-2003 reader. The non-local features of the training data come from
//!   5-fold cross-validated first-pass labels, so they are as noisy as at inference.
//!
//! The model is trained on CoNLL-2003 English (Reuters 1996) by `make model`; see
//! `model/MODEL.md` for the data, the command and the scores. What is not measured yet: out
//! of domain accuracy beyond the seed article (the Wikinews set is held out), and the
//! tagger's instruction mix in wasm (callgrind counts are native x86-64, whose baseline
//! target has no popcount instruction: each weight-row lookup pays ~20 instructions for it).

pub mod features;
pub mod group;
pub mod model;
#[cfg(feature = "tools")]
pub mod train;

use std::sync::OnceLock;

use crate::error::Error;
use crate::tokenize::{self, Token};
use features::DocInfo;
use model::{Model, N_LABELS};

/// The CoNLL-2003 entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityLabel {
    Per,
    Org,
    Loc,
    Misc,
}

impl EntityLabel {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Per => "PER",
            EntityLabel::Org => "ORG",
            EntityLabel::Loc => "LOC",
            EntityLabel::Misc => "MISC",
        }
    }

    /// The label of type index `k` (0 PER, 1 ORG, 2 LOC, 3 MISC).
    pub fn from_index(k: usize) -> Option<Self> {
        [EntityLabel::Per, EntityLabel::Org, EntityLabel::Loc, EntityLabel::Misc].get(k).copied()
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// One entity mention: `text[start..end]` (bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub label: EntityLabel,
    /// Canonical name of what it refers to in this article ("Putin" -> "Vladimir Putin").
    pub entity: String,
}

/// The shipped model artifact.
pub static MODEL_BYTES: &[u8] = include_bytes!("../../model/ner.bin");

static MODEL: OnceLock<Result<Model, Error>> = OnceLock::new();

/// The embedded model, parsed on first use.
pub fn model() -> Result<&'static Model, Error> {
    MODEL.get_or_init(|| Model::parse(MODEL_BYTES)).as_ref().map_err(Clone::clone)
}

/// Finds the entity mentions in `text`, given its tokens.
///
/// If the embedded model failed its header check (which a test guards), no entities are
/// reported rather than failing the whole annotation.
pub fn find(text: &str, tokens: &[Token]) -> Vec<Mention> {
    match model() {
        Ok(m) => find_with(m, text, tokens),
        Err(_) => Vec::new(),
    }
}

/// [`find`] with an explicit model.
pub fn find_with(model: &Model, text: &str, tokens: &[Token]) -> Vec<Mention> {
    find_passes(model, text, tokens, true)
}

/// [`find_with`], or with the tagger's first pass only when `second` is false (for measuring).
pub fn find_passes(model: &Model, text: &str, tokens: &[Token], second: bool) -> Vec<Mention> {
    let tags = tag_passes(model, text, tokens, second);
    let spans = spans_from_tags(&tags);
    let mut mentions: Vec<Mention> = spans
        .into_iter()
        .filter_map(|(a, b, label)| {
            let (start, end) = (tokens.get(a)?.start, tokens.get(b - 1)?.end);
            Some(Mention { start, end, label, entity: String::new() })
        })
        .collect();
    fix_bylines(text, &mut mentions);
    fix_clock_times(text, &mut mentions);
    group::assign_entities(text, &mut mentions);
    mentions
}

/// "ByMallika Soni": scraped bylines glue "By" to the name. Such a mention is left out, as
/// the seed article's hand annotation does: the byline is page furniture, and the name
/// usually appears again in the author box.
fn fix_bylines(text: &str, mentions: &mut Vec<Mention>) {
    mentions.retain(|m| {
        let b = text.get(m.start..m.end).unwrap_or("").as_bytes();
        !(b.len() > 3 && b.starts_with(b"By") && b[2].is_ascii_uppercase() && m.label == EntityLabel::Per)
    });
}

/// "06:00 AM IST": after a clock time, "AM"/"PM" (and the time zone after it) belong to
/// the time, not to a name. Mentions starting with them right after a number are dropped.
/// ("1400 GMT" alone stays MISC, as CoNLL-2003 tags it.)
fn fix_clock_times(text: &str, mentions: &mut Vec<Mention>) {
    mentions.retain(|m| {
        let s = text.get(m.start..m.end).unwrap_or("");
        let first = s.split_whitespace().next().unwrap_or("");
        let clock = matches!(first, "AM" | "PM" | "A.M." | "P.M.");
        let after_number = text
            .get(..m.start)
            .map(|b| b.trim_end().ends_with(|c: char| c.is_ascii_digit()))
            .unwrap_or(false);
        !(clock && after_number)
    });
}

/// Label indices (into [`model::LABELS`]) for each token.
///
/// Two passes: the first labels every sentence from local features; the second adds the
/// non-local features ([`features::NonLocal`]: how the first pass labelled the same word
/// elsewhere in the article) to the first pass's emission scores and decodes again the
/// sentences that have any.
pub fn tag(model: &Model, text: &str, tokens: &[Token]) -> Vec<u8> {
    tag_passes(model, text, tokens, true)
}

/// [`tag`], or only its first pass when `second` is false (for measuring).
#[inline(never)] // bench/callgrind.mjs reports the tagger's cost under this name
pub fn tag_passes(model: &Model, text: &str, tokens: &[Token], second: bool) -> Vec<u8> {
    tag_stashing(model, text, tokens, second, STASH_TOKENS)
}

/// How many tokens' first-pass emission scores [`tag_passes`] keeps for the second pass
/// (590 KB: a long news article has a few thousand tokens); the rest are recomputed. At
/// 65,536 (2.4 MB) the wasm memory for a 5 MB document went over the 64 MB budget (64.9 MiB).
const STASH_TOKENS: usize = 1 << 14;

/// [`tag_passes`] keeping at most `stash_tokens` first-pass scores.
fn tag_stashing(model: &Model, text: &str, tokens: &[Token], second: bool, stash_tokens: usize) -> Vec<u8> {
    let doc = DocInfo::new(text, tokens);
    let mut tags = vec![0u8; tokens.len()];
    let sentences = tokenize::sentences(tokens);
    // Emission scores live for one island at a time, except that the first pass keeps
    // those of the islands the second pass may decode again (the ones with a capitalised
    // word that is capitalised elsewhere too: exactly the islands with non-local features),
    // up to STASH_TOKENS tokens; past that the second pass recomputes them (the same
    // integers). 36 bytes per token for the whole document was most of the peak memory on
    // long inputs.
    let mut emissions: Vec<[i32; N_LABELS]> = Vec::new();
    let mut sums = features::emit::TypeSums::new(&doc, model);
    let mut stash: Vec<[i32; N_LABELS]> = Vec::new();
    // The first pass keeps the scores of the first `n_stashed` islands with a repeated
    // capitalised word (in text order), one after the other, and lists those islands with
    // their sentences (16 bytes each) for the second pass.
    let mut n_stashed = 0usize;
    let mut stash_full = false;
    let mut repeated: Vec<(u32, u32, Island)> = Vec::new();
    let mut isl: Vec<Island> = Vec::new();
    let tables = Transitions::new(&model.trans);
    let mut lat = Lattice::default();
    for range in &sentences {
        islands(&doc, tokens, range.clone(), &mut isl);
        if isl.is_empty() {
            continue;
        }
        sums.sentence(&doc, model, range.clone());
        for &island in &isl {
            let part = island.range();
            sums.emissions_part(&doc, model, range.clone(), part.clone(), &mut emissions);
            if let Some(out) = tags.get_mut(part.clone()) {
                tables.viterbi_island(&emissions, part.start > range.start, part.end < range.end, &mut lat, out);
            }
            if second && sums.repeated(&doc, part.clone()) {
                repeated.push((range.start as u32, range.end as u32, island));
                if !stash_full {
                    if stash.len() + emissions.len() <= stash_tokens {
                        stash.extend_from_slice(&emissions);
                        n_stashed += 1;
                    } else {
                        stash_full = true;
                    }
                }
            }
        }
    }
    if !second {
        return tags;
    }
    let nl = features::NonLocal::new(&doc, &tags);
    // Where the kept scores of the island start; the sentence whose name-list marks
    // `sums` holds.
    let mut at = 0usize;
    let mut marked = None;
    for (k, &(rs, re, island)) in repeated.iter().enumerate() {
        let range = rs as usize..re as usize;
        let part = island.range();
        let n = part.end.min(tokens.len()).saturating_sub(part.start);
        let (stashed, from) = (k < n_stashed, at);
        if stashed {
            at += n;
        }
        if !nl.any(part.clone()) {
            continue;
        }
        let em = match stash.get_mut(from..from.saturating_add(n)) {
            Some(em) if stashed => em,
            _ => {
                if marked != Some((rs, re)) {
                    sums.sentence(&doc, model, range.clone());
                    marked = Some((rs, re));
                }
                sums.emissions_part(&doc, model, range.clone(), part.clone(), &mut emissions);
                &mut emissions[..]
            }
        };
        for i in part.clone() {
            if let Some(e) = em.get_mut(i.wrapping_sub(part.start)) {
                for &h in nl.of(i) {
                    sums.add_nonlocal(model, e, h);
                }
            }
        }
        if let Some(out) = tags.get_mut(part.clone()) {
            tables.viterbi_island(em, part.start > range.start, part.end < range.end, &mut lat, out);
        }
    }
    tags
}

/// A run of tokens decoded on its own (see [`islands`]): `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Island {
    start: u32,
    end: u32,
}

impl Island {
    fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Lowercase tokens an island joins across between two capitalised ones ("Bank of
/// England", "Ludwig van Beethoven", "Bosnia and Herzegovina").
pub const ISLAND_GAP: usize = 2;
/// Tokens added to each side of an island ("1860 Munich", "the Hague").
pub const ISLAND_MARGIN: usize = 1;

/// The islands of sentence `range` into `out`: runs of capitalised tokens, joined across
/// up to [`ISLAND_GAP`] other tokens, widened by [`ISLAND_MARGIN`] tokens each side and then
/// to whole words (tokens glued to them without a space: "Lord 's", "U.S.-led"), within the
/// sentence; islands that touch are one. Every other token is labelled O.
pub fn islands(doc: &DocInfo, tokens: &[Token], range: std::ops::Range<usize>, out: &mut Vec<Island>) {
    out.clear();
    let (s, e) = (range.start, range.end.min(doc.len()).min(tokens.len()));
    // Whether token `i` is glued to the one before it (no space between: "Lord 's", "U.S.-led").
    let glued = |i: usize| i > 0 && matches!((tokens.get(i - 1), tokens.get(i)), (Some(a), Some(b)) if a.end == b.start);
    let push = |a: usize, last: usize, out: &mut Vec<Island>| {
        let mut start = a.saturating_sub(ISLAND_MARGIN).max(s);
        while start > s && glued(start) {
            start -= 1;
        }
        let mut end = last.saturating_add(1 + ISLAND_MARGIN).min(e);
        while end < e && glued(end) {
            end += 1;
        }
        let (start, end) = (start as u32, end as u32);
        match out.last_mut() {
            Some(prev) if prev.end >= start => prev.end = end,
            _ => out.push(Island { start, end }),
        }
    };
    let mut cur: Option<(usize, usize)> = None;
    for i in s..e {
        if !doc.is_capitalized(i) {
            continue;
        }
        cur = match cur {
            Some((a, last)) if i - last - 1 <= ISLAND_GAP => Some((a, i)),
            Some((a, last)) => {
                push(a, last, out);
                Some((i, i))
            }
            None => Some((i, i)),
        };
    }
    if let Some((a, last)) = cur {
        push(a, last, out);
    }
}

/// Whether label `cur` may follow `prev` (None = sentence start) under BIO.
#[inline]
pub fn allowed(prev: Option<usize>, cur: usize) -> bool {
    if cur == 0 || cur % 2 == 1 {
        return true;
    }
    // I-X (even, > 0) needs B-X (cur - 1) or I-X (cur) before it.
    matches!(prev, Some(p) if p == cur || p + 1 == cur)
}

/// Viterbi over `n` positions with `emit(pos, label)` scores and `trans` as in
/// [`Model::trans`]. Returns the best label sequence under the BIO constraints.
pub fn viterbi(n: usize, trans: &[f32], emit: impl Fn(usize, usize) -> f32) -> Vec<u8> {
    if n == 0 {
        return Vec::new();
    }
    // The transition weights and BIO constraints as fixed-size tables (read once, no bounds
    // checks in the loop); the arithmetic and comparison order are unchanged.
    let mut tr_tab = [[0f32; N_LABELS]; N_LABELS];
    let mut ok = [[false; N_LABELS]; N_LABELS];
    for p in 0..N_LABELS {
        for c in 0..N_LABELS {
            tr_tab[p][c] = trans.get((p + 1) * N_LABELS + c).copied().unwrap_or(0.0);
            ok[p][c] = allowed(Some(p), c);
        }
    }
    let st = |c: usize| trans.get(c).copied().unwrap_or(0.0);
    let mut score = [f32::NEG_INFINITY; N_LABELS];
    for (c, s) in score.iter_mut().enumerate() {
        if allowed(None, c) {
            *s = st(c) + emit(0, c);
        }
    }
    let mut back: Vec<[u8; N_LABELS]> = Vec::with_capacity(n);
    back.push([0; N_LABELS]);
    for k in 1..n {
        let mut next = [f32::NEG_INFINITY; N_LABELS];
        let mut bp = [0u8; N_LABELS];
        for c in 0..N_LABELS {
            let e = emit(k, c);
            for p in 0..N_LABELS {
                if score[p] == f32::NEG_INFINITY || !ok[p][c] {
                    continue;
                }
                let v = score[p] + tr_tab[p][c] + e;
                if v > next[c] {
                    next[c] = v;
                    bp[c] = p as u8;
                }
            }
        }
        score = next;
        back.push(bp);
    }
    let mut best = 0usize;
    for c in 1..N_LABELS {
        if score[c] > score[best] {
            best = c;
        }
    }
    let mut out = vec![0u8; n];
    let mut cur = best;
    for k in (0..n).rev() {
        out[k] = cur as u8;
        cur = back[k][cur] as usize;
    }
    out
}

/// A forbidden move's score in [`Transitions`]: far below any reachable score, and twice
/// it plus any emission sum still fits an `i64`.
const FORBIDDEN: i64 = i64::MIN / 4;

/// The labels any label may follow (O and B-X); I-X (even, > 0) only follows B-X or I-X.
const OPEN: [usize; 5] = [0, 1, 3, 5, 7];

/// In [`Lattice`]: no single best predecessor was recorded at this position.
const NO_PRED: u8 = u8::MAX;

/// Buffers of [`Transitions::viterbi_island`], reused from one island to the next.
#[derive(Default)]
pub struct Lattice {
    /// Each position's best score per label.
    rows: Vec<[i64; N_LABELS]>,
    /// Per position `k >= 1`: the one label at `k - 1` that is the best predecessor of every
    /// O and B-X label at `k`, or [`NO_PRED`] (then the backtrace recomputes it).
    pred: Vec<u8>,
}

/// The model's transition weights as fixed-size tables with the BIO constraints folded in
/// (a forbidden move scores [`FORBIDDEN`]), built once per call.
pub struct Transitions {
    start: [i64; N_LABELS],
    /// `tr[c][p]`: from `p` to `c`.
    tr: [[i64; N_LABELS]; N_LABELS],
    /// Per predecessor `p`: the lowest and highest `tr[c][p]` over the [`OPEN`] labels `c`.
    lo: [i64; N_LABELS],
    hi: [i64; N_LABELS],
    /// `from[p][k] = tr[OPEN[k]][p]`: the moves from `p` to the O and B-X labels.
    from: [[i64; OPEN.len()]; N_LABELS],
    /// Per entity type `x`: the moves into its I-X label from its B-X and from I-X.
    inside: [(i64, i64); 4],
    /// `after_o[c] = tr[c][0]`: the first label of an island that follows an O.
    after_o: [i64; N_LABELS],
}

impl Transitions {
    /// From [`Model::trans`] (row 0 = start, row 1 + p = from p); missing entries are 0.
    pub fn new(trans: &[i32]) -> Transitions {
        let mut t = Transitions {
            start: [0; N_LABELS],
            tr: [[0; N_LABELS]; N_LABELS],
            lo: [0; N_LABELS],
            hi: [0; N_LABELS],
            from: [[0; OPEN.len()]; N_LABELS],
            inside: [(0, 0); 4],
            after_o: [0; N_LABELS],
        };
        for c in 0..N_LABELS {
            t.start[c] = if allowed(None, c) { trans.get(c).copied().unwrap_or(0) as i64 } else { FORBIDDEN };
            for p in 0..N_LABELS {
                t.tr[c][p] = if allowed(Some(p), c) {
                    trans.get((p + 1) * N_LABELS + c).copied().unwrap_or(0) as i64
                } else {
                    FORBIDDEN
                };
            }
        }
        for p in 0..N_LABELS {
            t.lo[p] = OPEN.iter().map(|&c| t.tr[c][p]).min().unwrap_or(0);
            t.hi[p] = OPEN.iter().map(|&c| t.tr[c][p]).max().unwrap_or(0);
            t.from[p] = OPEN.map(|c| t.tr[c][p]);
        }
        for (x, pair) in t.inside.iter_mut().enumerate() {
            let (b, i) = (2 * x + 1, 2 * x + 2);
            *pair = (t.tr[i][b], t.tr[i][i]);
        }
        t.after_o = t.tr.map(|row| row[0]);
        t
    }

    /// Viterbi over integer emission scores: the best label sequence under the BIO
    /// constraints (ties go to the lower label index, as in [`viterbi`]). Scores are exact
    /// `i64` sums (a sentence would need billions of tokens to overflow).
    pub fn viterbi(&self, em: &[[i32; N_LABELS]]) -> Vec<u8> {
        let mut out = vec![0u8; em.len()];
        self.viterbi_into(em, &mut Lattice::default(), &mut out);
        out
    }

    /// [`Transitions::viterbi`] into `out` (positions past `em.len()` are left alone),
    /// with `lat` as the reused buffers.
    pub fn viterbi_into(&self, em: &[[i32; N_LABELS]], lat: &mut Lattice, out: &mut [u8]) {
        self.viterbi_island(em, false, false, lat, out);
    }

    /// The one label `p` whose `score[p] + tr[c][p]` is strictly the highest for every O
    /// and B-X label `c`, if the bounds [`Transitions::lo`]/[`Transitions::hi`] prove it:
    /// `p` maximises `score[p] + lo[p]` and every other `q` has `score[q] + hi[q]` below
    /// that (then `score[q] + tr[c][q] <= score[q] + hi[q] < score[p] + lo[p] <= score[p] +
    /// tr[c][p]`).
    #[inline]
    fn sole_predecessor(&self, score: &[i64; N_LABELS]) -> Option<usize> {
        // O first (the leader at most island tokens): then no argmax is needed.
        let o = score[0] + self.lo[0];
        if score[1..].iter().zip(&self.hi[1..]).all(|(&s, &h)| s + h < o) {
            return Some(0);
        }
        let mut best = score[0] + self.lo[0];
        let mut arg = 0usize;
        for p in 1..N_LABELS {
            let a = score[p] + self.lo[p];
            if a > best {
                best = a;
                arg = p;
            }
        }
        // `arg` itself always reaches `best` (hi >= lo): no other label may.
        let mut reach = 0u32;
        for (&s, &h) in score.iter().zip(&self.hi) {
            if s + h >= best {
                reach += 1;
                if reach > 1 {
                    return None;
                }
            }
        }
        Some(arg)
    }

    /// The scores after `score` into `next` when `p` is the sole best predecessor of the O
    /// and B-X labels: one add each for those; the I-X labels take the better of B-X and I-X.
    #[inline]
    fn step_from(&self, p: usize, score: &[i64; N_LABELS], e: &[i32; N_LABELS], next: &mut [i64; N_LABELS]) {
        let (Some(&base), Some(from)) = (score.get(p), self.from.get(p)) else { return };
        next[0] = base + from[0] + e[0] as i64;
        // One entity type at a time, B-X then I-X, the I-X moves read from `inside` (one
        // pair per type): 1K instructions fewer per warm seed call than the I-X labels in a
        // separate loop over `tr` (native x86-64 still pairs two types' maxima in SSE2).
        for x in 0..4 {
            let (b, i) = (2 * x + 1, 2 * x + 2);
            next[b] = base + from[x + 1] + e[b] as i64;
            let (enter, stay) = self.inside[x];
            let (enter, stay) = (score[b] + enter, score[i] + stay);
            next[i] = if stay > enter { stay } else { enter } + e[i] as i64;
        }
    }

    /// The I-X labels of the step after `score` into `next`.
    #[inline]
    fn step_inside(&self, score: &[i64; N_LABELS], e: &[i32; N_LABELS], next: &mut [i64; N_LABELS]) {
        for c in [2, 4, 6, 8] {
            let tr = &self.tr[c];
            next[c] = (score[c - 1] + tr[c - 1]).max(score[c] + tr[c]) + e[c] as i64;
        }
    }

    /// The scores after `score` into `next`, every predecessor of every label considered.
    #[inline(never)]
    fn step_full(&self, score: &[i64; N_LABELS], e: &[i32; N_LABELS], next: &mut [i64; N_LABELS]) {
        for c in OPEN {
            let tr = &self.tr[c];
            let mut best = score[0] + tr[0];
            for p in 1..N_LABELS {
                best = best.max(score[p] + tr[p]);
            }
            next[c] = best + e[c] as i64;
        }
        self.step_inside(score, e, next);
    }

    /// [`Transitions::viterbi_into`] for an island of a sentence: when `after_o`, the
    /// token before the island is O (the first label is scored by the move from O, not the
    /// sentence start); when `before_o`, the token after it is O (the move to O is scored
    /// at the end). The labels are those of the whole sentence's best path whenever that
    /// path labels the tokens around the island O.
    ///
    /// The forward pass keeps only each label's best score (no argmax), except where one
    /// label at the position before is provably the best predecessor of every O and B-X
    /// label (`Transitions::sole_predecessor`: its score beats every other label's by more
    /// than their transition weights differ; on the seed 377 of 409 moves): then those five
    /// scores are one add each instead of a max over nine, and that label is kept for the
    /// backtrace. Elsewhere the backtrace recomputes the argmax for the one label on the
    /// path from the stored scores of the position before, with the same rule (the first
    /// predecessor on ties; I-X prefers B-X on ties), so the labels are those of a pass that
    /// kept back-pointers. Memory: 73 bytes per token of the island (at most
    /// [`tokenize::MAX_SENTENCE_TOKENS`] tokens).
    ///
    /// Cost (callgrind self, warm seed call, 103 islands, 409 positions): session 5 round 2
    /// 95.5K -> 90.6K (+ `step_full` 8K), the first row from one table per case
    /// (`after_o`, not a branch per label), the I-X moves read per type (`inside`) and the
    /// tables no longer behind `black_box` (-1.4K).
    /// Where it goes: ~80 instructions per one-add step (x86-64 pairs the I-X maxima in
    /// SSE2, which has no 64-bit compare), ~56 for the argmax where O does not lead (182
    /// positions), ~100 per island. Tried and dropped: testing a guessed leader after O (the
    /// I-X of the last leading B-X or I-X) before the argmax, +0.2K: where O does not lead,
    /// mostly a B-X of a type the guess cannot know does.
    pub fn viterbi_island(
        &self,
        em: &[[i32; N_LABELS]],
        after_o: bool,
        before_o: bool,
        lat: &mut Lattice,
        out: &mut [u8],
    ) {
        let Some(first) = em.first() else { return };
        let from = if after_o { &self.after_o } else { &self.start };
        let score: [i64; N_LABELS] = std::array::from_fn(|c| from[c] + first[c] as i64);
        let n = em.len();
        let (rows, pred) = (&mut lat.rows, &mut lat.pred);
        // Every position is written before it is read: grown, never cleared.
        if rows.len() < n {
            rows.resize(n, [0; N_LABELS]);
        }
        if pred.len() < n {
            pred.resize(n, NO_PRED);
        }
        let (rows, pred) = (&mut rows[..n], &mut pred[..n]);
        rows[0] = score;
        for k in 1..n {
            let (done, rest) = rows.split_at_mut(k);
            let (Some(prev), Some(next), Some(e), Some(p)) =
                (done.last(), rest.first_mut(), em.get(k), pred.get_mut(k))
            else {
                break;
            };
            // (Session 5 round 2: no longer behind `std::hint::black_box`, which once kept the
            // tables from being copied to the stack per island; now it cost 1.4K.)
            match self.sole_predecessor(prev) {
                Some(sole) => {
                    *p = sole as u8;
                    self.step_from(sole, prev, e, next);
                }
                None => {
                    *p = NO_PRED;
                    self.step_full(prev, e, next);
                }
            }
        }
        let Some(&score) = rows.last() else { return };
        let mut cur = if before_o { self.predecessor(&score, 0) } else { argmax(&score) };
        for k in (0..rows.len()).rev() {
            if let Some(o) = out.get_mut(k) {
                *o = cur as u8;
            }
            let Some(prev) = k.checked_sub(1).and_then(|j| rows.get(j)) else { break };
            cur = match pred.get(k) {
                Some(&p) if p != NO_PRED && (cur == 0 || cur % 2 == 1) => p as usize,
                _ => self.predecessor(prev, cur),
            };
        }
    }

    /// The label before `c` on the best path, given the scores `prev` of the position
    /// before: the argmax of `prev[p] + tr[c][p]` (the first on ties; I-X: B-X on ties).
    #[inline]
    fn predecessor(&self, prev: &[i64; N_LABELS], c: usize) -> usize {
        let Some(tr) = self.tr.get(c) else { return 0 };
        if c % 2 == 0 && c > 0 {
            let a = prev[c - 1] + tr[c - 1];
            let b = prev[c] + tr[c];
            return if b > a { c } else { c - 1 };
        }
        let mut best = prev[0] + tr[0];
        let mut arg = 0;
        for p in 1..N_LABELS {
            let v = prev[p] + tr[p];
            if v > best {
                best = v;
                arg = p;
            }
        }
        arg
    }
}

/// The first label with the highest score.
fn argmax(score: &[i64; N_LABELS]) -> usize {
    let mut best = 0usize;
    for c in 1..N_LABELS {
        if score[c] > score[best] {
            best = c;
        }
    }
    best
}

/// Entity spans `(first token, end token, label)` from BIO tags.
pub fn spans_from_tags(tags: &[u8]) -> Vec<(usize, usize, EntityLabel)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let t = tags[i] as usize;
        if t == 0 {
            i += 1;
            continue;
        }
        let ty = (t - 1) / 2;
        let mut j = i + 1;
        while j < tags.len() && tags[j] as usize == 2 + 2 * ty {
            j += 1;
        }
        if let Some(label) = EntityLabel::from_index(ty) {
            out.push((i, j, label));
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Repeatable random scores for the Viterbi tests: `next(m)` is a small integer in
    /// `-(m / 2)..m - m / 2`, from a xorshift generator started at `seed`.
    fn small_ints(mut seed: u64) -> impl FnMut(u64) -> i32 {
        move |m| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % m) as i32 - (m / 2) as i32
        }
    }

    #[test]
    fn viterbi_respects_bio() {
        // Emissions prefer I-PER at the start: not allowed, so B-PER then I-PER.
        let trans = vec![0.0; (N_LABELS + 1) * N_LABELS];
        let e = |k: usize, l: usize| match (k, l) {
            (0, 2) => 5.0,
            (0, 1) => 4.0,
            (1, 2) => 5.0,
            _ => 0.0,
        };
        assert_eq!(viterbi(2, &trans, e), vec![1, 2]);
        assert!(viterbi(0, &trans, e).is_empty());
    }

    /// Guards the max-only forward pass of [`Transitions::viterbi_into`] (argmax recomputed
    /// on the path): it must pick the same labels as the reference [`viterbi`], ties
    /// included (small integer scores make many ties; both are exact on them).
    #[test]
    fn integer_viterbi_matches_reference_with_ties() {
        let mut next = small_ints(0x2545_F491_4F6C_DD1Du64);
        for round in 0..300 {
            let trans: Vec<i32> = (0..(N_LABELS + 1) * N_LABELS).map(|_| next(5)).collect();
            let n = 1 + round % 17;
            let em: Vec<[i32; N_LABELS]> = (0..n).map(|_| std::array::from_fn(|_| next(5))).collect();
            let tf: Vec<f32> = trans.iter().map(|&x| x as f32).collect();
            let want = viterbi(n, &tf, |k, l| em[k][l] as f32);
            assert_eq!(Transitions::new(&trans).viterbi(&em), want, "round {round}");
        }
    }

    /// Guards the sole-predecessor shortcut of [`Transitions::viterbi_island`] (one add per
    /// O and B-X label when one label provably leads): on emissions that often make one label
    /// lead by far, and often tie, the labels must be the reference [`viterbi`]'s.
    #[test]
    fn sole_predecessor_shortcut_matches_reference() {
        let mut next = small_ints(0xD1B5_4A32_D192_ED03u64);
        let (mut fast, mut full) = (0usize, 0usize);
        for round in 0..600 {
            let scale = [1, 10, 100][round % 3];
            let trans: Vec<i32> = (0..(N_LABELS + 1) * N_LABELS).map(|_| next(7) * 10).collect();
            let t = Transitions::new(&trans);
            let n = 1 + round % 13;
            let em: Vec<[i32; N_LABELS]> = (0..n).map(|_| std::array::from_fn(|_| next(9) * scale)).collect();
            for k in 0..n.saturating_sub(1) {
                let mut row = [0i64; N_LABELS];
                for c in 0..N_LABELS {
                    row[c] = em[k][c] as i64;
                }
                if t.sole_predecessor(&row).is_some() {
                    fast += 1;
                } else {
                    full += 1;
                }
            }
            let tf: Vec<f32> = trans.iter().map(|&x| x as f32).collect();
            let want = viterbi(n, &tf, |k, l| em[k][l] as f32);
            assert_eq!(t.viterbi(&em), want, "round {round}");
        }
        assert!(fast > 100 && full > 100, "{fast} fast, {full} full steps");
    }

    /// Seed article: "ByMallika Soni" (a byline glued to "By") is not reported.
    #[test]
    fn glued_bylines_are_left_out() {
        let text = "ByMallika Soni\nMallika Soni";
        let mut ms = vec![
            Mention { start: 0, end: 14, label: EntityLabel::Per, entity: String::new() },
            Mention { start: 15, end: 27, label: EntityLabel::Per, entity: String::new() },
        ];
        fix_bylines(text, &mut ms);
        assert_eq!(ms.len(), 1);
        assert_eq!(&text[ms[0].start..ms[0].end], "Mallika Soni");
    }

    /// Seed article: "Jan 09, 2024 06:00 AM IST" gave a LOC "AM IST".
    #[test]
    fn am_pm_after_a_clock_time_is_not_a_name() {
        let text = "😀 é 06:00 AM IST and AM Best";
        let at = |n: &str| text.find(n).unwrap();
        let mut ms = vec![
            Mention { start: at("AM IST"), end: at("AM IST") + 6, label: EntityLabel::Loc, entity: String::new() },
            Mention { start: at("AM Best"), end: at("AM Best") + 7, label: EntityLabel::Org, entity: String::new() },
        ];
        fix_clock_times(text, &mut ms);
        assert_eq!(ms.len(), 1);
        assert_eq!(&text[ms[0].start..ms[0].end], "AM Best");
    }

    /// The per-type sums must give exactly the emission scores of looking every feature up
    /// by hash (guards output changes from the speed-up: a feature left out or counted twice,
    /// at sentence starts, in headlines, next to name-list matches, for repeated words).
    #[test]
    fn per_type_sums_give_identical_scores() {
        let Ok(m) = model() else { return };
        let text = "😀 Café owner Pirelli said .\nPIRELLI SHARES ROSE IN PARIS\nPirelli Cables and café owners said so in New York , Pirelli said .\nJohn Smith met Pirelli .";
        let toks = tokenize::tokenize(text);
        let doc = DocInfo::new(text, &toks);
        let mut sums = features::emit::TypeSums::new(&doc, m);
        let mut ranges = tokenize::sentences(&toks);
        ranges.push(0..toks.len());
        ranges.push(2..toks.len() + 5);
        for range in ranges {
            let e = range.end.min(toks.len());
            let mut plain = vec![[0i32; N_LABELS]; e - range.start];
            features::extract(&doc, m, range.clone(), &mut |i, h| {
                if let Some(row) = m.row(h) {
                    for (acc, &w) in plain[i - range.start].iter_mut().zip(row) {
                        *acc += m.codebook[w as usize];
                    }
                }
            });
            let mut fast = Vec::new();
            sums.emissions(&doc, m, range.clone(), &mut fast);
            assert_eq!(plain, fast, "{range:?}");
        }
    }

    /// The second pass gives the same labels from kept first-pass scores as from recomputed
    /// ones (guards the kept scores' bookkeeping: a sentence's scores must not be another's).
    #[test]
    fn kept_and_recomputed_first_pass_scores_agree() {
        let Ok(m) = model() else { return };
        let text = "😀 Café Pirelli said .\nPIRELLI SHARES ROSE\nShares of Pirelli rose in Milan , said Marco Tronchetti .\nTronchetti left Milan .\nThe end .\n".repeat(5);
        let toks = tokenize::tokenize(&text);
        let all = tag_stashing(m, &text, &toks, true, usize::MAX);
        for budget in [0, 7, 40] {
            assert_eq!(tag_stashing(m, &text, &toks, true, budget), all, "budget {budget}");
        }
        assert!(all.iter().any(|&t| t != 0));
    }

    /// Islands: capitalised runs joined across at most two other tokens, one token of margin,
    /// widened to whole words; everything else is left to O.
    #[test]
    fn islands_join_short_gaps_and_whole_words() {
        let text = "😀 é at Lord's , said the Bank of England on a long and dull day in the U.S.-led talks";
        let toks = tokenize::tokenize(text);
        let doc = DocInfo::new(text, &toks);
        let mut out = Vec::new();
        islands(&doc, &toks, 0..toks.len(), &mut out);
        let spans: Vec<&str> = out
            .iter()
            .map(|isl| &text[toks[isl.start as usize].start..toks[isl.end as usize - 1].end])
            .collect();
        assert_eq!(spans, ["at Lord's", "the Bank of England on", "the U.S.-led"]);
        islands(&doc, &toks, 3..3, &mut out);
        assert!(out.is_empty());
        islands(&doc, &toks, 0..toks.len() + 10, &mut out);
        assert_eq!(out.len(), 3);
    }

    /// [`Transitions::viterbi_island`] gives the labels of the whole sequence's best path when
    /// the tokens around the island are O (guards the boundary moves: from O at the start,
    /// to O at the end, ties included).
    #[test]
    fn island_viterbi_matches_the_whole_sequence_around_o() {
        let mut next = small_ints(0x9E37_79B9_7F4A_7C15u64);
        let mut o_only = [-10_000i32; N_LABELS];
        o_only[0] = 10_000;
        for round in 0..300 {
            let trans: Vec<i32> = (0..(N_LABELS + 1) * N_LABELS).map(|_| next(5)).collect();
            let t = Transitions::new(&trans);
            let n = 1 + round % 9;
            let em: Vec<[i32; N_LABELS]> = (0..n).map(|_| std::array::from_fn(|_| next(5))).collect();
            for (after_o, before_o) in [(false, false), (true, false), (false, true), (true, true)] {
                let mut whole = Vec::new();
                if after_o {
                    whole.push(o_only);
                }
                whole.extend_from_slice(&em);
                if before_o {
                    whole.push(o_only);
                }
                let full = t.viterbi(&whole);
                let off = after_o as usize;
                let mut got = vec![0u8; n];
                t.viterbi_island(&em, after_o, before_o, &mut Lattice::default(), &mut got);
                assert_eq!(got, full[off..off + n], "round {round} {after_o} {before_o}");
            }
        }
    }

    /// Decoding islands alone gives the whole-sentence labels on a text whose entities sit
    /// among capitalised words (guards the island bookkeeping in the first pass).
    #[test]
    fn island_tags_match_whole_sentence_tags() {
        let Ok(m) = model() else { return };
        let text = "😀 Café owner Marco Tronchetti Provera of Pirelli said on Monday in Milan that the Bank of Italy would act .\nPIRELLI SHARES ROSE IN PARIS\nshares rose 3 percent after the news , said analysts at Credit Suisse First Boston in London .";
        let toks = tokenize::tokenize(text);
        let doc = DocInfo::new(text, &toks);
        let mut sums = features::emit::TypeSums::new(&doc, m);
        let tables = Transitions::new(&m.trans);
        let mut want = vec![0u8; toks.len()];
        let mut em = Vec::new();
        for range in tokenize::sentences(&toks) {
            sums.emissions(&doc, m, range.clone(), &mut em);
            tables.viterbi_into(&em, &mut Lattice::default(), &mut want[range]);
        }
        assert_eq!(tag_passes(m, text, &toks, false), want);
        assert!(want.iter().any(|&t| t != 0));
    }

    #[test]
    fn spans_group_b_and_i() {
        assert_eq!(
            spans_from_tags(&[0, 1, 2, 5, 5, 0, 7]),
            vec![(1, 3, EntityLabel::Per), (3, 4, EntityLabel::Loc), (4, 5, EntityLabel::Loc), (6, 7, EntityLabel::Misc)]
        );
    }
}
