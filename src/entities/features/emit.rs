//! Emission scores without per-token feature lists: the same features as
//! [`super::extract`], summed per word type once per article.
//!
//! The model's weights are integers (format version 2), so a sum does not depend on the order
//! of its terms and partial sums can be reused. [`TypeSums`] adds, once per article and word
//! type, on the type's first use (only the types of island tokens and their neighbours at
//! -2..+2 are used: see [`crate::entities::islands`]; in the seed article 207 of ~250):
//!
//! - `own`: every feature that depends only on the token's type: bias, word, lowercase word,
//!   shape, affixes, its flags and document case as a mid-sentence, non-headline token
//!   (`flags0`, `flag`, `doc_case`), the case-restored form (`docform`), and the context
//!   aggregation entries of its lowercase form (`ca_*`, all of them: a token that is itself
//!   one of the entries subtracts its own, which is exact in integers);
//! - `nb`: its features as the neighbour two before, one before, one after and two after a
//!   token (`l-2`; `l-1` + `shape-1`; `l+1` + `shape+1`; `l+2`), plus the same four for the
//!   sentence-boundary sentinels. Each of the four is computed on first use on its own: a
//!   word just outside an island is read from one side only.
//!
//! A word capitalised only once gets no context-aggregation rows: its one entry is its own,
//! which the group's sum would add and the token would subtract again.
//!
//! A token's emission is then its type's `own` vector, four neighbour vectors, the seven
//! features of word/shape pairs (`sshape-1_0`, `sshape0_+1`, `sshape-2_-1_0`, `l-1_l0`,
//! `l0_l+1`, `l-1_sshape0`, `sshape0_l+1`), the name-list features, and for sentence starts
//! and headline tokens the flag and case features that differ from the mid-sentence ones
//! (the mid-sentence rows subtracted, theirs added). A unit test checks the scores against
//! summing [`super::extract`]'s features one by one. [`TypeSums::emissions_part`] scores
//! part of a sentence (an island) exactly as the whole sentence would score those tokens.
//!
//! Memory: 184 bytes per distinct word type for the article's lifetime. The per-type
//! vectors and the memo of decoded rows (4,096 slots of key and scores side by side, 192 KB) are kept from one article to
//! the next on the same thread (the memo's rows depend only on the model; `filled` marks the
//! per-type entries valid for this article), so a page annotating one article after another
//! does not allocate them again; per-type vectors over 4,096 types are not kept.
//! Measured (callgrind, seed article): the memo's 141K instructions per article with 512
//! slots became 84K with 4,096 (fewer conflict misses).
//! Memory layout (session 4): each memo slot holds its key next to its scores, and the
//! model keeps each 64-bucket bitmap word next to its rank (`model::Block`), so a lookup
//! touches one cache line where it touched two. Instruction counts hardly move (-1.5%), but
//! the simulated first-level data-cache misses of a warm seed call fell 15% (callgrind
//! `--cache-sim=yes`: 238K -> 202K over 11 calls), and the wasm build in Node is 1.7%
//! faster (same process, alternating batches; 1,024 or 2,048 slots gave no fewer misses).
//! Beside single rows the memo keeps *combined* entries (1,024 slots, 70 KB), each the sum
//! of the rows of one key compared whole: a token's three shape-pair features keyed by the
//! collapsed shapes at -2..+1, a word's flag and case features (`flags0`, `flag` per bit,
//! `doc_case`) keyed by its flags and case evidence (a sentence start or headline token
//! subtracts its type's entry and adds its own), and a token's name-list features keyed by
//! its marks and its neighbours'. One lookup instead of three to five: tagger 989K -> 953K
//! instructions per warm seed call.
//! Session 5: one- and two-char affixes are memo entries keyed by their chars (2,048 slots,
//! 104 KB, shared with the shape features keyed by template and shape, [`affix_key`]), so a
//! hit computes none of the affix hashes (shapes: 310.8K -> 306.6K), and the three- and
//! four-char affix hashes are computed here only as far as the word's length needs
//! (emissions_part 334K -> 310K per warm seed call); which neighbour slots a part reads is
//! computed with wrapping compares (341.8K -> 334.3K).

use super::*;
use crate::entities::model::{Model, N_LABELS};

/// One token's scores for each label, in model fixed point.
pub type Scores = [i32; N_LABELS];

#[inline(always)]
fn add_row(m: &Model, acc: &mut Scores, h: u64) {
    if let Some(row) = m.row(h) {
        for (a, &w) in acc.iter_mut().zip(row) {
            *a = a.wrapping_add(m.codebook[w as usize]);
        }
    }
}

#[inline]
fn add(acc: &mut Scores, v: &Scores) {
    for (a, &x) in acc.iter_mut().zip(v) {
        *a = a.wrapping_add(x);
    }
}

#[inline]
fn sub(acc: &mut Scores, v: &Scores) {
    for (a, &x) in acc.iter_mut().zip(v) {
        *a = a.wrapping_sub(x);
    }
}

/// A direct-mapped cache (4,096 slots, 192 KB, kept from one article to the next) of weight
/// rows decoded to scores, for the features with few distinct values in an article (shapes, flags, case, one- and two-letter affixes, name-list
/// marks): one compare instead of a bucket lookup and nine codebook reads. Exact: a slot
/// holds the scores of exactly the hash it is keyed by (hash 0 is never cached).
struct Memo {
    /// Key and scores side by side: a lookup touches one or two cache lines, not two arrays
    /// (the memo is larger than a first-level data cache).
    slots: Vec<(u64, Scores)>,
    /// Combined entries: the sum of several rows under one key of up to four words and a
    /// kind ([`COMBO_SHAPES`], [`COMBO_FLAGS`], [`COMBO_GAZ`]; 0 = empty slot), compared
    /// whole (exact).
    combos: Vec<([u64; 4], u8, Scores)>,
    /// Rows keyed by what their feature hashes are computed from: one- and two-char
    /// prefixes and suffixes by their chars (`[affix_key, 0]`), shape features by
    /// `[template, shape]` (templates are below 2^63, affix keys above): a hit computes no
    /// feature hash. Compared whole (exact).
    raw: Vec<([u64; 2], Scores)>,
}

const MEMO_SLOTS: usize = 4096;
const COMBO_SLOTS: usize = 1024;
const RAW_SLOTS: usize = 2048;

/// The [`Memo::raw`] key of a one-char (`k` = 0: `c0`) or two-char (`k` = 1: `c0`,
/// `c1`) prefix (`suf` false) or suffix: chars are at most 21 bits, bit 63 marks a key (an
/// empty slot holds 0).
#[inline]
fn affix_key(suf: bool, k: usize, c0: u32, c1: u32) -> u64 {
    1 << 63 | (suf as u64) << 62 | (k as u64 & 1) << 61 | (c1 as u64) << 21 | c0 as u64
}

/// A token's three shape-pair features (`sshape-1_0`, `sshape0_+1`, `sshape-2_-1_0`), keyed
/// by the collapsed shapes at -2, -1, 0, +1.
const COMBO_SHAPES: u8 = 1;
/// A word's flag and case features (`flags0`, one `flag` per bit, `doc_case`), keyed by
/// its flags and document case evidence.
const COMBO_FLAGS: u8 = 2;
/// A token's name-list features, keyed by its marks and its neighbours'.
const COMBO_GAZ: u8 = 3;

impl Memo {
    fn new() -> Memo {
        Memo {
            slots: vec![(0, [0; N_LABELS]); MEMO_SLOTS],
            combos: vec![([0; 4], 0, [0; N_LABELS]); COMBO_SLOTS],
            raw: vec![([0; 2], [0; N_LABELS]); RAW_SLOTS],
        }
    }

    /// Adds the row keyed `key` in [`Memo::raw`] to `acc`; on a miss its feature hash is
    /// `hash()`.
    #[inline(always)]
    fn raw(&mut self, m: &Model, acc: &mut Scores, key: [u64; 2], hash: impl FnOnce() -> u64) {
        let slot = ((key[0] ^ key[1]).wrapping_mul(K) >> 53) as usize & (RAW_SLOTS - 1);
        if !self.raw.get(slot).is_some_and(|(k, _)| *k == key) {
            let mut v = [0; N_LABELS];
            add_row(m, &mut v, hash());
            if let Some(e) = self.raw.get_mut(slot) {
                *e = (key, v);
            }
        }
        if let Some((_, v)) = self.raw.get(slot) {
            add(acc, v);
        }
    }

    /// Adds the row of shape feature `h2(template, shape)` to `acc`.
    #[inline(always)]
    fn shape(&mut self, m: &Model, acc: &mut Scores, template: u64, shape: u64) {
        self.raw(m, acc, [template, shape], || h2(template, shape));
    }

    /// Adds the combined entry of `key` (of `kind`) to `acc` (or subtracts it when `neg`),
    /// summing its rows on a miss.
    #[inline(always)]
    fn combo(&mut self, m: &Model, acc: &mut Scores, kind: u8, key: [u64; 4], neg: bool) {
        let mix = key[0] ^ key[1].rotate_left(16) ^ key[2].rotate_left(32) ^ key[3].rotate_left(48) ^ kind as u64;
        let slot = (mix.wrapping_mul(K) >> 54) as usize & (COMBO_SLOTS - 1);
        if !self.combos.get(slot).is_some_and(|(k, t, _)| *t == kind && *k == key) {
            self.combo_fill(m, kind, key, slot);
        }
        if let Some((_, _, v)) = self.combos.get(slot) {
            if neg {
                sub(acc, v);
            } else {
                add(acc, v);
            }
        }
    }

    #[cold]
    #[inline(never)]
    fn combo_fill(&mut self, m: &Model, kind: u8, key: [u64; 4], slot: usize) {
        let mut v = [0; N_LABELS];
        match kind {
            COMBO_SHAPES => {
                let [s2, s1, s0, sp] = key;
                add_row(m, &mut v, h3(T_SSM1_0, s1, s0));
                add_row(m, &mut v, h3(T_SS0_P1, s0, sp));
                add_row(m, &mut v, h4(T_SS_TRI, s2, s1, s0));
            }
            COMBO_FLAGS => {
                let (tf, dc) = (key[0] as u32, key[1]);
                add_row(m, &mut v, h2(T_FLAGS0, tf as u64));
                let mut bits = tf;
                while bits != 0 {
                    add_row(m, &mut v, h2(T_FLAG, bits.trailing_zeros() as u64));
                    bits &= bits - 1;
                }
                add_row(m, &mut v, h3(T_DOCCASE, (tf & CASE_FLAGS) as u64, dc));
            }
            _ => {
                let [gb, gi, gl, around] = key;
                let (prev, next) = (around & 0xff, (around >> 8) & 0xff);
                if gb != 0 {
                    add_row(m, &mut v, h3(T_GAZ_B, gb, (gl > 1) as u64));
                }
                if gi != 0 {
                    add_row(m, &mut v, h3(T_GAZ_I, gi, (gl > 2) as u64));
                }
                add_row(m, &mut v, h3(T_GAZ_LEN, gl, gb | gi));
                if around & 1 << 16 != 0 {
                    add_row(m, &mut v, h2(T_GAZ_PREV, prev));
                }
                if around & 1 << 17 != 0 {
                    add_row(m, &mut v, h2(T_GAZ_NEXT, next));
                }
            }
        }
        if let Some(c) = self.combos.get_mut(slot) {
            *c = (key, kind, v);
        }
    }

    /// The slot holding the scores of feature hash `h` (decoded on a miss). The hit is
    /// inlined, the miss is not.
    #[inline(always)]
    fn slot(&mut self, m: &Model, h: u64) -> usize {
        let slot = h as usize & (MEMO_SLOTS - 1);
        if self.slots.get(slot).is_some_and(|&(k, _)| k == h && h != 0) {
            return slot;
        }
        self.fill(m, h, slot)
    }

    #[cold]
    #[inline(never)]
    fn fill(&mut self, m: &Model, h: u64, slot: usize) -> usize {
        let mut v = [0; N_LABELS];
        add_row(m, &mut v, h);
        if let Some(s) = self.slots.get_mut(slot) {
            *s = (h, v);
        }
        slot
    }

    #[inline]
    fn add(&mut self, m: &Model, acc: &mut Scores, h: u64) {
        let slot = self.slot(m, h);
        if let Some((_, v)) = self.slots.get(slot) {
            add(acc, v);
        }
    }

}

/// Per-article sums of word-type features (see the module docs).
pub struct TypeSums {
    own: Vec<Scores>,
    /// Per type: as the word at -2, -1, +1, +2.
    nb: Vec<[Scores; 4]>,
    /// Per type: whether `own` ([`OWN`]) and which slots of `nb` (bits from [`NB_SHIFT`]) are computed (on first use:
    /// only the types in and around islands are).
    filled: Vec<u8>,
    /// [`Model::id`] of the model the memo's rows are from.
    model: u64,
    bias: Scores,
    /// Per group: the sum of its entries.
    group_sum: Vec<Scores>,
    /// The sentinels at -2, -1 (sentence start) and +1, +2 (sentence end).
    sentinel: [Scores; 4],
    /// Per group: its entries' range in `entries`.
    groups: Vec<(u32, u32)>,
    /// (token, the entry's summed `ca_*` features).
    entries: Vec<(u32, Scores)>,
    /// The name-list features of a token outside any match with no match on either side.
    gaz_none: Scores,
    memo: Memo,
    // Reused per sentence.
    gaz_b: Vec<u8>,
    gaz_i: Vec<u8>,
    gaz_len: Vec<u8>,
}

/// The buffers of the last [`TypeSums`] of this thread, reused by the next one: the memo of
/// decoded rows (its keys are features with few distinct values in any article: shapes,
/// flags, case, short affixes, name-list marks; they depend only on the model, so they stay
/// valid from one article to the next) and the per-type vectors (allocated once, not per
/// article). Wasm is single-threaded: one set.
struct Spare {
    model: u64,
    memo: Memo,
    own: Vec<Scores>,
    nb: Vec<[Scores; 4]>,
    filled: Vec<u8>,
}

/// Per-type buffers larger than this (types; 180 bytes each) are not kept for the next
/// article: a long news article has about 1,500 word types, and a 5 MB document must not
/// leave megabytes behind.
const SPARE_MAX_TYPES: usize = 1 << 12;

thread_local! {
    static SPARE: std::cell::RefCell<Option<Spare>> = const { std::cell::RefCell::new(None) };
}

impl Drop for TypeSums {
    fn drop(&mut self) {
        let mut own = std::mem::take(&mut self.own);
        let mut nb = std::mem::take(&mut self.nb);
        let mut filled = std::mem::take(&mut self.filled);
        if own.len() > SPARE_MAX_TYPES {
            own = Vec::new();
            nb = Vec::new();
            filled = Vec::new();
        }
        let spare = Spare {
            model: self.model,
            memo: std::mem::replace(
                &mut self.memo,
                Memo { slots: Vec::new(), combos: Vec::new(), raw: Vec::new() },
            ),
            own,
            nb,
            filled,
        };
        let _ = SPARE.try_with(|c| {
            if let Ok(mut c) = c.try_borrow_mut() {
                *c = Some(spare);
            }
        });
    }
}

const OWN: u8 = 1;
/// `filled` bits `NB_SHIFT + k`: slot `k` of `nb` is computed.
const NB_SHIFT: u8 = 1;

/// The flag/case features of a token that change with its sentence-start and headline bits.
const VAR_FLAGS: u32 = F_SENT_START | F_CAPS_LINE;
const CASE_FLAGS: u32 = F_TITLE | F_ALLCAPS | F_LOWER | F_MIXED | F_SENT_START | F_CAPS_LINE;

impl TypeSums {
    #[inline(never)] // once per document; kept apart for profiles
    pub fn new(doc: &DocInfo, m: &Model) -> TypeSums {
        let n_types = doc.types.len();
        // Context-aggregation groups: one per form (see [`DocInfo::form_of_type`]).
        let n_forms = doc.n_forms();
        let mut groups = Vec::with_capacity(n_forms);
        let mut entries = Vec::with_capacity(doc.contexts.len());
        let mut group_sum: Vec<Scores> = Vec::with_capacity(n_forms);
        // The entries' features at the sentence boundary (a capitalised word opens many
        // sentences): summed once, not looked up per entry.
        let row_of = |t: u64, x: u64| {
            let mut v = [0; N_LABELS];
            add_row(m, &mut v, h2(t, x));
            v
        };
        let ca_bound = [
            row_of(T_CA_PREV, SENTINEL_START),
            row_of(T_CA_NEXT, SENTINEL_END),
            row_of(T_CA_PREV2, SENTINEL_START),
            row_of(T_CA_NEXT2, SENTINEL_END),
        ];
        for f in 0..n_forms {
            let a = entries.len() as u32;
            let mut total = [0; N_LABELS];
            let contexts = doc.form_contexts(f as u32);
            // A word written capitalised once: its one entry is its own, added with the
            // group's sum and subtracted again at the token, so it is left at zero.
            let alone = contexts.len() == 1;
            for c in contexts {
                let [p2, p, n, n2] = c.around;
                let mut e = [0; N_LABELS];
                if alone {
                    entries.push((c.tok, e));
                    continue;
                }
                for (k, (t, x, bound)) in [
                    (T_CA_PREV, p, SENTINEL_START),
                    (T_CA_NEXT, n, SENTINEL_END),
                    (T_CA_PREV2, p2, SENTINEL_START),
                    (T_CA_NEXT2, n2, SENTINEL_END),
                ]
                .into_iter()
                .enumerate()
                {
                    match ca_bound.get(k) {
                        Some(v) if x == bound => add(&mut e, v),
                        _ => add_row(m, &mut e, h2(t, x)),
                    }
                }
                add(&mut total, &e);
                entries.push((c.tok, e));
            }
            groups.push((a, entries.len() as u32));
            group_sum.push(total);
        }
        let spare = SPARE.try_with(|c| c.try_borrow_mut().ok().and_then(|mut c| c.take())).ok().flatten();
        let (memo, mut own, mut nb, mut filled) = match spare {
            Some(sp) if sp.model == m.id() => (sp.memo, sp.own, sp.nb, sp.filled),
            Some(sp) => (Memo::new(), sp.own, sp.nb, sp.filled),
            None => (Memo::new(), Vec::new(), Vec::new(), Vec::new()),
        };
        // Stale entries of `own` and `nb` are never read: `filled` guards them.
        filled.clear();
        filled.resize(n_types, 0);
        if own.len() < n_types {
            own.resize(n_types, [0; N_LABELS]);
            nb.resize(n_types, [[0; N_LABELS]; 4]);
        }
        let mut bias = [0; N_LABELS];
        add_row(m, &mut bias, h2(T_BIAS, 0));
        let mut sentinel = neighbour(m, SENTINEL_START, SENTINEL_END);
        add_row(m, &mut sentinel[1], h2(T_SHAPEM1, SENTINEL_START));
        add_row(m, &mut sentinel[2], h2(T_SHAPEP1, SENTINEL_END));
        let mut gaz_none = [0; N_LABELS];
        add_row(m, &mut gaz_none, h3(T_GAZ_LEN, 0, 0));
        add_row(m, &mut gaz_none, h2(T_GAZ_PREV, 0));
        add_row(m, &mut gaz_none, h2(T_GAZ_NEXT, 0));
        TypeSums {
            own,
            nb,
            filled,
            model: m.id(),
            bias,
            group_sum,
            sentinel,
            groups,
            entries,
            gaz_none,
            memo,
            gaz_b: Vec::new(),
            gaz_i: Vec::new(),
            gaz_len: Vec::new(),
        }
    }

    /// Computes `own` of type `ty` if not yet done.
    #[inline]
    fn fill_own(&mut self, doc: &DocInfo, m: &Model, ty: usize) {
        if self.filled.get(ty).map_or(true, |&f| f & OWN != 0) {
            return;
        }
        let (Some(t), Some(o)) = (doc.types.get(ty), self.own.get_mut(ty)) else { return };
        let memo = &mut self.memo;
        *o = self.bias;
        add_row(m, o, h2(T_W0, t.word));
        add_row(m, o, h2(T_L0, t.lower));
        memo.shape(m, o, T_SHAPE0, t.shape);
        // Affixes (`TokInfo::pre`, `TokInfo::suf`, computed here only as far as needed):
        // one and two chars from the memo by their chars, three and four looked up.
        let n_affix = t.n_affix();
        let [f0, f1, f2, f3] = t.first4;
        let [l0, l1, l2, l3] = t.last4;
        let hash = |seed: u64, cs: &[u32]| {
            let mut h = Hasher::new(seed);
            for &c in cs {
                h.u64(c as u64);
            }
            h.finish()
        };
        if n_affix >= 1 {
            memo.raw(m, o, [affix_key(false, 0, f0, 0), 0], || h3(T_PRE, 0, hash(5, &[f0])));
            memo.raw(m, o, [affix_key(true, 0, l3, 0), 0], || h3(T_SUF, 0, hash(6, &[l3])));
        }
        if n_affix >= 2 {
            memo.raw(m, o, [affix_key(false, 1, f0, f1), 0], || h3(T_PRE, 1, hash(5, &[f0, f1])));
            memo.raw(m, o, [affix_key(true, 1, l2, l3), 0], || h3(T_SUF, 1, hash(6, &[l2, l3])));
        }
        if n_affix >= 3 {
            let mut h = Hasher::new(5);
            h.u64(f0 as u64);
            h.u64(f1 as u64);
            h.u64(f2 as u64);
            add_row(m, o, h3(T_PRE, 2, h.finish()));
            add_row(m, o, h3(T_SUF, 2, hash(6, &[l1, l2, l3])));
            if n_affix >= 4 {
                h.u64(f3 as u64);
                add_row(m, o, h3(T_PRE, 3, h.finish()));
                add_row(m, o, h3(T_SUF, 3, hash(6, &[l0, l1, l2, l3])));
            }
        }
        let tf = t.flags;
        let dc = doc.type_case.get(ty).copied().unwrap_or(0);
        memo.combo(m, o, COMBO_FLAGS, [tf as u64, dc as u64, 0, 0], false);
        if t.docform != 0 {
            add_row(m, o, h2(T_DOCFORM, t.docform));
            add_row(m, o, h2(T_W0, t.docform));
        }
        // The type's context-aggregation group is its form.
        if let Some(sum) = doc.type_form.get(ty).and_then(|&g| self.group_sum.get(g as usize)) {
            add(o, sum);
        }
        if let Some(f) = self.filled.get_mut(ty) {
            *f |= OWN;
        }
    }

    /// Computes the slots `want` (bit `k` for `nb[k]`) of `nb` of type `ty` not yet done:
    /// each slot is a sum of its own (a word just outside an island is read only as the
    /// neighbour on one side of it).
    #[inline]
    fn fill_nb(&mut self, doc: &DocInfo, m: &Model, ty: usize, want: u8) {
        let Some(&f) = self.filled.get(ty) else { return };
        let missing = want & !(f >> NB_SHIFT) & 0xf;
        if missing == 0 {
            return;
        }
        let (Some(t), Some(x)) = (doc.types.get(ty), self.nb.get_mut(ty)) else { return };
        let memo = &mut self.memo;
        let [x0, x1, x2, x3] = x;
        if missing & 1 != 0 {
            *x0 = [0; N_LABELS];
            add_row(m, x0, h2(T_LM2, t.lower));
        }
        if missing & 2 != 0 {
            *x1 = [0; N_LABELS];
            add_row(m, x1, h2(T_LM1, t.lower));
            memo.shape(m, x1, T_SHAPEM1, t.shape);
        }
        if missing & 4 != 0 {
            *x2 = [0; N_LABELS];
            add_row(m, x2, h2(T_LP1, t.lower));
            memo.shape(m, x2, T_SHAPEP1, t.shape);
        }
        if missing & 8 != 0 {
            *x3 = [0; N_LABELS];
            add_row(m, x3, h2(T_LP2, t.lower));
        }
        if let Some(f) = self.filled.get_mut(ty) {
            *f |= missing << NB_SHIFT;
        }
    }

    /// Adds the row of non-local feature `h` ([`super::NonLocal`]) to `acc`, from the memo:
    /// those features have a few dozen distinct hashes in all (type, quarter, case,
    /// position and label codes), whatever the text.
    #[inline]
    pub fn add_nonlocal(&mut self, m: &Model, acc: &mut Scores, h: u64) {
        self.memo.add(m, acc, h);
    }

    /// Whether tokens `range` include a capitalised word that is capitalised elsewhere in
    /// the article too: exactly the sentences that get non-local features in the second pass
    /// (whatever the first pass's labels).
    pub fn repeated(&self, doc: &DocInfo, range: std::ops::Range<usize>) -> bool {
        doc.tok.get(range.start..range.end.min(doc.len())).unwrap_or(&[]).iter().any(|t| {
            doc.type_form
                .get(t.ty as usize)
                .and_then(|&g| self.groups.get(g as usize))
                .is_some_and(|&(a, b)| b - a >= 2)
        })
    }

    /// The local (first-pass) emission scores of tokens `range` into `out` (one per token of
    /// the clamped range): the sums of [`super::extract`]'s features' weights.
    pub fn emissions(&mut self, doc: &DocInfo, m: &Model, range: std::ops::Range<usize>, out: &mut Vec<Scores>) {
        self.sentence(doc, m, range.clone());
        self.emissions_part(doc, m, range.clone(), range, out);
    }

    /// Starts sentence `range`: its name-list matches, for [`TypeSums::emissions_part`].
    pub fn sentence(&mut self, doc: &DocInfo, m: &Model, range: std::ops::Range<usize>) {
        let (s, e) = (range.start, range.end.min(doc.len()));
        if s < e {
            gaz_marks(doc, m, s, e, &mut self.gaz_b, &mut self.gaz_i, &mut self.gaz_len);
        }
    }

    /// The emission scores of tokens `part` of sentence `range` (the sentence last passed to
    /// [`TypeSums::sentence`]) into `out`: the same scores as [`TypeSums::emissions`] gives
    /// those tokens (their neighbours and name-list matches are the sentence's).
    pub fn emissions_part(
        &mut self,
        doc: &DocInfo,
        m: &Model,
        range: std::ops::Range<usize>,
        part: std::ops::Range<usize>,
        out: &mut Vec<Scores>,
    ) {
        out.clear();
        let (s, e) = (range.start, range.end.min(doc.len()));
        let (ps, pe) = (part.start.max(s), part.end.min(e));
        if ps >= pe {
            return;
        }
        let n = e - s;
        const EMPTY: TokInfo =
            TokInfo { word: 0, lower: 0, shape: 0, sshape: 0, first4: [0; 4], last4: [0; 4], n_pre: 0, flags: 0, docform: 0 };
        let toks = doc.tok.get(s..e).unwrap_or(&[]);
        let info = |t: &Tok| doc.types.get(t.ty as usize).unwrap_or(&EMPTY);
        // Sliding window of (lower, sshape) at -2, -1, 0, +1 (sentinels outside the sentence).
        let lo_ss = |k: usize| -> (u64, u64) { toks.get(k).map_or((SENTINEL_END, SENTINEL_END), |t| (info(t).lower, info(t).sshape)) };
        let before = |k: usize, d: usize| -> (u64, u64) {
            k.checked_sub(d).map_or((SENTINEL_START, SENTINEL_START), |j| lo_ss(j))
        };
        let k0 = ps - s;
        // The per-type sums this part reads: its tokens' own, and their neighbours'.
        // Token k is read as the word two before token k + 2 (slot 0), one before k + 1
        // (slot 1), one after k - 1 (slot 2) and two after k - 2 (slot 3): only the slots
        // whose token is in the part.
        let (a, len) = (k0, pe - ps);
        // `j` in `a..a + len` (wrapping: `k - 1` at 0 is far outside).
        let inside = |j: usize| j.wrapping_sub(a) < len;
        for k in k0.saturating_sub(2)..(pe - s + 2).min(n) {
            let Some(t) = toks.get(k) else { break };
            let want = inside(k.wrapping_add(2)) as u8
                | (inside(k.wrapping_add(1)) as u8) << 1
                | (inside(k.wrapping_sub(1)) as u8) << 2
                | (inside(k.wrapping_sub(2)) as u8) << 3;
            self.fill_nb(doc, m, t.ty as usize, want);
        }
        for t in toks.get(k0..pe - s).unwrap_or(&[]) {
            self.fill_own(doc, m, t.ty as usize);
        }
        let (mut l2, mut s2) = before(k0, 2);
        let (mut l1, mut s1) = before(k0, 1);
        let (mut l0, mut s0) = lo_ss(k0);
        let (mut lp, mut sp) = lo_ss(k0 + 1);
        out.reserve(pe - ps);
        for k in k0..pe - s {
            let Some(&t) = toks.get(k) else { break };
            let ty = t.ty as usize;
            let mut v = self.own.get(ty).copied().unwrap_or([0; N_LABELS]);
            let tf = t.flags;
            let ti = info(&t);
            if tf & VAR_FLAGS != 0 {
                // The type's flag and case features out, the token's in (the token's flags
                // are the type's plus these bits, so `flag` differs by exactly their rows).
                let tf0 = tf & !VAR_FLAGS;
                let dc = doc.type_case.get(ty).copied().unwrap_or(0) as u64;
                self.memo.combo(m, &mut v, COMBO_FLAGS, [tf0 as u64, dc, 0, 0], true);
                self.memo.combo(m, &mut v, COMBO_FLAGS, [tf as u64, dc, 0, 0], false);
                if tf & F_CAPS_LINE != 0 {
                    add_row(m, &mut v, h2(T_CAPSLINE, ti.sshape));
                }
            }
            if k == 0 || tf & F_SENT_START != 0 {
                add_row(m, &mut v, h2(T_SENT_L0, ti.lower));
            }
            // Neighbours.
            let nbv = |d: usize, slot: usize| -> &Scores {
                match toks.get(d).and_then(|t| self.nb.get(t.ty as usize)) {
                    Some(x) => &x[slot],
                    None => &self.sentinel[slot],
                }
            };
            add(&mut v, if k >= 2 { nbv(k - 2, 0) } else { &self.sentinel[0] });
            add(&mut v, if k >= 1 { nbv(k - 1, 1) } else { &self.sentinel[1] });
            add(&mut v, if k + 1 < n { nbv(k + 1, 2) } else { &self.sentinel[2] });
            add(&mut v, if k + 2 < n { nbv(k + 2, 3) } else { &self.sentinel[3] });
            // Pairs.
            self.memo.combo(m, &mut v, COMBO_SHAPES, [s2, s1, s0, sp], false);
            add_row(m, &mut v, h3(T_LM1_L0, l1, l0));
            add_row(m, &mut v, h3(T_L0_LP1, l0, lp));
            add_row(m, &mut v, h3(T_LM1_SS0, l1, s0));
            add_row(m, &mut v, h3(T_SS0_LP1, s0, lp));
            // Context aggregation: all entries are in `own`; not the token's own entry.
            if let Some(&(a, b)) = doc.type_form.get(ty).and_then(|&g| self.groups.get(g as usize)) {
                let i = (s + k) as u32;
                if let Some((_, ev)) = self.entries.get(a as usize..b as usize).and_then(|es| es.iter().find(|x| x.0 == i)) {
                    sub(&mut v, ev);
                }
            }
            // Name list.
            let g = |x: &Vec<u8>, k: usize| x.get(k).copied().unwrap_or(0);
            let (gb, gi, gl) = (g(&self.gaz_b, k), g(&self.gaz_i, k), g(&self.gaz_len, k));
            let prev = if k > 0 { g(&self.gaz_b, k - 1) | g(&self.gaz_i, k - 1) } else { 0 };
            let next = if k + 1 < n { g(&self.gaz_b, k + 1) | g(&self.gaz_i, k + 1) } else { 0 };
            if gb | gi | gl | prev | next == 0 && k > 0 && k + 1 < n {
                add(&mut v, &self.gaz_none);
            } else {
                let around = prev as u64 | (next as u64) << 8 | ((k > 0) as u64) << 16 | ((k + 1 < n) as u64) << 17;
                self.memo.combo(m, &mut v, COMBO_GAZ, [gb as u64, gi as u64, gl as u64, around], false);
            }
            out.push(v);
            (l2, s2) = (l1, s1);
            (l1, s1) = (l0, s0);
            (l0, s0) = (lp, sp);
            (lp, sp) = lo_ss(k + 2);
        }
        let _ = (l2, s2);
    }
}

/// A word's lowercase-form features as the neighbour at -2, -1 (`lm`) and at +1, +2
/// (`lp`); its shape features are added by the caller.
fn neighbour(m: &Model, lm: u64, lp: u64) -> [Scores; 4] {
    let mut v = [[0; N_LABELS]; 4];
    add_row(m, &mut v[0], h2(T_LM2, lm));
    add_row(m, &mut v[1], h2(T_LM1, lm));
    add_row(m, &mut v[2], h2(T_LP1, lp));
    add_row(m, &mut v[3], h2(T_LP2, lp));
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    /// The buffers kept from one article to the next must not carry scores over: an
    /// article scored after another (warm memo, stale per-type rows) gets the scores of
    /// summing its features one by one, and two parses of a model are two models.
    #[test]
    fn reused_buffers_do_not_leak_between_articles() {
        let Ok(m) = crate::entities::model() else { return };
        let again = Model::parse(crate::entities::MODEL_BYTES).expect("model parses");
        assert_ne!(m.id(), again.id());
        let first = "😀 PIRELLI SHARES ROSE IN PARIS , said Marco Tronchetti Provera of Pirelli in Milan .";
        let second = "Café owners in New York said so . Pirelli said Smith would go .";
        for (model, text) in [(m, first), (&again, second), (m, second), (m, first)] {
            let toks = tokenize::tokenize(text);
            let doc = DocInfo::new(text, &toks);
            let mut sums = TypeSums::new(&doc, model);
            let all = 0..toks.len();
            let mut fast = Vec::new();
            sums.emissions(&doc, model, all.clone(), &mut fast);
            let mut plain = vec![[0i32; N_LABELS]; toks.len()];
            super::super::extract(&doc, model, all, &mut |i, h| add_row(model, &mut plain[i], h));
            assert_eq!(plain, fast, "{text}");
        }
    }

    /// The scores of part of a sentence are those of the same tokens in the whole sentence
    /// (guards the sliding window's start and the name-list marks inside an island).
    #[test]
    fn part_of_a_sentence_scores_as_in_the_sentence() {
        let Ok(m) = crate::entities::model() else { return };
        let text = "😀 Café owner John Smith of New York City met Pirelli , said Smith .";
        let toks = tokenize::tokenize(text);
        let doc = DocInfo::new(text, &toks);
        let mut sums = TypeSums::new(&doc, m);
        let all = 0..toks.len();
        let mut whole = Vec::new();
        sums.emissions(&doc, m, all.clone(), &mut whole);
        let mut part = Vec::new();
        for a in 0..toks.len() {
            for b in a..=toks.len() + 1 {
                sums.sentence(&doc, m, all.clone());
                sums.emissions_part(&doc, m, all.clone(), a..b, &mut part);
                assert_eq!(part, whole[a..b.min(toks.len())], "{a}..{b}");
            }
        }
    }
}
