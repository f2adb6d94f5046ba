//! Training (feature `tools` only, never in the wasm): the CoNLL-2003 reader and an averaged
//! structured perceptron over the features of [`super::features`].
//!
//! Each CoNLL document is turned into the text the annotator sees (tokens joined by spaces,
//! sentences by newlines) and run through the crate's own tokenizer and feature extractor, so
//! training sees exactly what inference sees. Gold IOB1 tags become BIO on the tokenizer's
//! tokens. The name list is learned from the training entities; while training, each
//! document sees the list without its own names (leave-one-document-out), so the model does
//! not learn to trust the list more than it deserves on unseen text.
//!
//! Two passes (see [`super::tag`]): every training document is seen twice per epoch, once
//! with local features only and once with the non-local features added, computed from
//! first-pass labels predicted by models trained on the other 4 of 5 folds (jackknife), with
//! 30% of the local features dropped from that copy so the perceptron does not drown the
//! non-local evidence in local features memorised from the training data itself.
//!
//! Deterministic: sentences are shuffled with a fixed-seed xorshift, hash maps are only
//! read, never iterated into the output without sorting.

use std::collections::{HashMap, HashSet};

use super::features::{self, lower_hash, DocInfo, Gazetteer, Hasher, NonLocal};
use super::model::{self, Model, N_LABELS};
use crate::tokenize::{self, Token};

/// One CoNLL document.
pub struct ConllDoc {
    pub tokens: Vec<String>,
    /// IOB1 tags as in the file.
    pub tags: Vec<String>,
    /// Sentences as token index ranges.
    pub sentences: Vec<std::ops::Range<usize>>,
}

impl ConllDoc {
    /// The article text: tokens joined by single spaces, sentences by newlines; and each
    /// token's byte range in it.
    pub fn text(&self) -> (String, Vec<(usize, usize)>) {
        let mut text = String::new();
        let mut spans = Vec::with_capacity(self.tokens.len());
        for (si, s) in self.sentences.iter().enumerate() {
            if si > 0 {
                text.push('\n');
            }
            for (k, i) in s.clone().enumerate() {
                if k > 0 {
                    text.push(' ');
                }
                let start = text.len();
                text.push_str(&self.tokens[i]);
                spans.push((start, text.len()));
            }
        }
        (text, spans)
    }

    /// Gold entities as (first token, end token, type index 0..4), from IOB1.
    pub fn entities(&self) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        for s in &self.sentences {
            let mut cur: Option<(usize, usize)> = None; // (start, type)
            for i in s.clone() {
                let tag = self.tags[i].as_str();
                let (bi, ty) = match tag.split_once('-') {
                    Some((p, t)) => (p, type_index(t)),
                    None => ("O", None),
                };
                let continues = matches!((cur, ty), (Some((_, ct)), Some(t)) if ct == t && bi == "I");
                if !continues {
                    if let Some((st, ct)) = cur.take() {
                        out.push((st, i, ct));
                    }
                    if let Some(t) = ty {
                        cur = Some((i, t));
                    }
                }
            }
            if let Some((st, ct)) = cur {
                out.push((st, s.end, ct));
            }
        }
        out
    }
}

pub fn type_index(t: &str) -> Option<usize> {
    match t {
        "PER" => Some(0),
        "ORG" => Some(1),
        "LOC" => Some(2),
        "MISC" => Some(3),
        _ => None,
    }
}

/// Reads a CoNLL-2003 file (columns token POS chunk NER; documents split by `-DOCSTART-`).
pub fn read_conll(path: &str) -> Result<Vec<ConllDoc>, String> {
    let data = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut docs = Vec::new();
    let mut doc = ConllDoc { tokens: Vec::new(), tags: Vec::new(), sentences: Vec::new() };
    let mut sent_start = 0;
    for (ln, line) in data.lines().enumerate() {
        let line = line.trim_end();
        if line.starts_with("-DOCSTART-") || line.is_empty() {
            if doc.tokens.len() > sent_start {
                doc.sentences.push(sent_start..doc.tokens.len());
            }
            sent_start = doc.tokens.len();
            if line.starts_with("-DOCSTART-") && !doc.tokens.is_empty() {
                docs.push(std::mem::replace(&mut doc, ConllDoc { tokens: Vec::new(), tags: Vec::new(), sentences: Vec::new() }));
                sent_start = 0;
            }
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.len() < 2 {
            return Err(format!("{path}:{}: expected `token POS chunk NER`, got {line:?}", ln + 1));
        }
        doc.tokens.push(cols[0].to_string());
        doc.tags.push(cols[cols.len() - 1].to_string());
    }
    if doc.tokens.len() > sent_start {
        doc.sentences.push(sent_start..doc.tokens.len());
    }
    if !doc.tokens.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

/// A document prepared for training: text, tokenizer tokens, gold BIO labels on them.
pub struct Prepared {
    pub text: String,
    pub tokens: Vec<Token>,
    pub gold: Vec<u8>,
    /// Gold entities on the tokenizer's tokens.
    pub entities: Vec<(usize, usize, usize)>,
    /// Gold entity boundaries that fall inside a tokenizer token.
    pub broken: usize,
}

pub fn prepare(doc: &ConllDoc) -> Prepared {
    let (text, spans) = doc.text();
    let tokens = tokenize::tokenize(&text);
    // Token index whose start / end is at a byte offset.
    let mut start_at: HashMap<usize, usize> = HashMap::new();
    let mut end_at: HashMap<usize, usize> = HashMap::new();
    for (i, t) in tokens.iter().enumerate() {
        start_at.insert(t.start, i);
        end_at.insert(t.end, i);
    }
    let mut gold = vec![0u8; tokens.len()];
    let mut entities = Vec::new();
    let mut broken = 0;
    for (a, b, ty) in doc.entities() {
        let (s, e) = (spans[a].0, spans[b - 1].1);
        match (start_at.get(&s), end_at.get(&e)) {
            (Some(&ta), Some(&tb)) if ta <= tb => {
                gold[ta] = (1 + 2 * ty) as u8;
                for g in &mut gold[ta + 1..=tb] {
                    *g = (2 + 2 * ty) as u8;
                }
                entities.push((ta, tb + 1, ty));
            }
            _ => broken += 1,
        }
    }
    Prepared { text, tokens, gold, entities, broken }
}

/// Name list counts: per sequence hash, in how many documents it was an entity of each type.
#[derive(Default)]
pub struct NameCounts {
    counts: HashMap<u64, [u32; 4]>,
    /// Names from outside the training data (bits 4..8: PER, ORG, LOC, MISC).
    external: HashMap<u64, u8>,
}

/// Reads an external name list: `TYPE<TAB>name` lines (TYPE one of PER ORG LOC MISC).
pub fn read_names(path: &str) -> Result<HashMap<u64, u8>, String> {
    let data = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut out = HashMap::new();
    for (ln, line) in data.lines().enumerate() {
        let Some((ty, name)) = line.split_once('\t') else {
            return Err(format!("{path}:{}: expected `TYPE<TAB>name`, got {line:?}", ln + 1));
        };
        let ty = type_index(ty).ok_or_else(|| format!("{path}:{}: unknown type {ty:?}", ln + 1))?;
        let toks = tokenize::tokenize(name);
        if toks.is_empty() || toks.len() > features::MAX_GAZ_LEN {
            continue;
        }
        let h = features::seq_hash(toks.iter().map(|t| lower_hash(t.text(name))));
        *out.entry(h).or_insert(0) |= 1 << (4 + ty);
    }
    Ok(out)
}

fn doc_names(p: &Prepared) -> HashSet<(u64, usize)> {
    let mut out = HashSet::new();
    for &(a, b, ty) in &p.entities {
        if b - a > features::MAX_GAZ_LEN {
            continue;
        }
        let h = features::seq_hash(p.tokens[a..b].iter().map(|t| lower_hash(t.text(&p.text))));
        out.insert((h, ty));
    }
    out
}

impl NameCounts {
    pub fn build<'a>(docs: impl IntoIterator<Item = &'a Prepared>, external: HashMap<u64, u8>) -> (NameCounts, Vec<HashSet<(u64, usize)>>) {
        let mut nc = NameCounts { counts: HashMap::new(), external };
        let mut per_doc = Vec::new();
        for p in docs {
            let names = doc_names(p);
            for &(h, ty) in &names {
                nc.counts.entry(h).or_insert([0; 4])[ty] += 1;
            }
            per_doc.push(names);
        }
        (nc, per_doc)
    }

    /// The list as shipped: (key, mask) sorted.
    pub fn export(&self) -> Vec<(u32, u8)> {
        let mut m: HashMap<u32, u8> = HashMap::new();
        for (&h, c) in &self.counts {
            let mut mask = 0u8;
            for (ty, &n) in c.iter().enumerate() {
                if n > 0 {
                    mask |= 1 << ty;
                }
            }
            if mask != 0 {
                *m.entry((h >> 32) as u32).or_insert(0) |= mask;
            }
        }
        for (&h, &mask) in &self.external {
            *m.entry((h >> 32) as u32).or_insert(0) |= mask;
        }
        let mut v: Vec<(u32, u8)> = m.into_iter().collect();
        v.sort_unstable();
        v
    }
}

/// The name list seen while training on one document: counts without that document.
struct LeaveOneOut<'a> {
    counts: &'a NameCounts,
    own: &'a HashSet<(u64, usize)>,
}

impl Gazetteer for LeaveOneOut<'_> {
    fn lookup(&self, h: u64) -> u8 {
        let ext = self.counts.external.get(&h).copied().unwrap_or(0);
        let Some(c) = self.counts.counts.get(&h) else { return ext };
        let mut mask = ext;
        for (ty, &n) in c.iter().enumerate() {
            let n = n - self.own.contains(&(h, ty)) as u32;
            if n > 0 {
                mask |= 1 << ty;
            }
        }
        mask
    }
}

/// The shipped list, as the model will see it (32-bit keys).
struct Exported(Vec<(u32, u8)>);

impl Gazetteer for Exported {
    fn lookup(&self, h: u64) -> u8 {
        let k = (h >> 32) as u32;
        match self.0.binary_search_by_key(&k, |e| e.0) {
            Ok(i) => self.0[i].1,
            Err(_) => 0,
        }
    }
}

/// One training sequence: per token, its feature buckets.
pub struct Seq {
    feats: Vec<u32>,
    offs: Vec<u32>,
    gold: Vec<u8>,
}

fn sequences(p: &Prepared, gaz: &dyn Gazetteer, bits: u32, tags: Option<&[u8]>, drop: f64) -> Vec<Seq> {
    let doc = DocInfo::new(&p.text, &p.tokens);
    let nl = tags.map(|t| NonLocal::new(&doc, t));
    let mut out = Vec::new();
    for range in tokenize::sentences(&p.tokens) {
        let base = range.start;
        let mut per_tok: Vec<Vec<u32>> = vec![Vec::new(); range.len()];
        features::extract(&doc, gaz, range.clone(), &mut |i, h| {
            per_tok[i - base].push((h >> (64 - bits)) as u32);
        });
        if let Some(nl) = &nl {
            // Dropout of local features in the second-pass copy (deterministic), so that
            // the non-local features are not drowned by local ones memorised from the
            // training data itself.
            if drop > 0.0 {
                let cut = (drop * u32::MAX as f64) as u64;
                for (k, f) in per_tok.iter_mut().enumerate() {
                    let mut j = 0u64;
                    f.retain(|&b| {
                        let mut h = Hasher::new(0xd409 ^ (base + k) as u64);
                        h.u64(b as u64);
                        h.u64(j);
                        h.u64(p.text.len() as u64);
                        j += 1;
                        (h.finish() & 0xffff_ffff) >= cut
                    });
                }
            }
            for (k, f) in per_tok.iter_mut().enumerate() {
                f.extend(nl.of(base + k).iter().map(|&h| (h >> (64 - bits)) as u32));
            }
        }
        let mut feats = Vec::new();
        let mut offs = vec![0u32];
        for f in per_tok {
            feats.extend(f);
            offs.push(feats.len() as u32);
        }
        out.push(Seq { feats, offs, gold: p.gold[range].to_vec() });
    }
    out
}

/// Two-pass tagging of one document with unquantised weights (as [`super::tag`] does with
/// the quantised model): `seqs` are the document's sentences with local features only.
fn tag_two_pass(w: &[f32], tw: &[f32], bits: u32, p: &Prepared, doc: &DocInfo, seqs: &[Seq]) -> (Vec<u8>, Vec<u8>) {
    let mut ems = Vec::with_capacity(seqs.len());
    let mut first = Vec::with_capacity(p.tokens.len());
    for s in seqs {
        let e = Perceptron::emissions(w, s);
        first.extend(super::viterbi(s.gold.len(), tw, |k, l| e[k][l]));
        ems.push(e);
    }
    let nl = NonLocal::new(doc, &first);
    let mut second = Vec::with_capacity(first.len());
    let mut base = 0;
    for (s, mut e) in seqs.iter().zip(ems) {
        let n = s.gold.len();
        if nl.any(base..base + n) {
            for (k, ek) in e.iter_mut().enumerate() {
                for &h in nl.of(base + k) {
                    let f = (h >> (64 - bits)) as usize;
                    for (l, x) in ek.iter_mut().enumerate() {
                        *x += w[f * N_LABELS + l];
                    }
                }
            }
            second.extend(super::viterbi(n, tw, |k, l| e[k][l]));
        } else {
            second.extend_from_slice(&first[base..base + n]);
        }
        base += n;
    }
    (first, second)
}

/// Training settings.
pub struct Config {
    pub bits: u32,
    pub epochs: usize,
    pub seed: u64,
    /// Weights smaller than this fraction of the largest are dropped (rows of zeros are
    /// not stored).
    pub prune: f64,
    /// External name list (`TYPE<TAB>name` lines), if any.
    pub names: Option<String>,
    /// Cross-validation folds for the first-pass labels the non-local features of the
    /// training data are computed from (0: no non-local features).
    pub folds: usize,
    /// Epochs of each fold's first-pass model.
    pub fold_epochs: usize,
    /// Share of local features dropped from the second-pass copy of each training sentence.
    pub nl_drop: f64,
    /// Number of final models trained on differently shuffled orders (seeds `seed`,
    /// `seed + 1000`, ...) whose averaged weights are averaged into the shipped model.
    pub bags: usize,
    /// The same for each cross-validation fold's first-pass model.
    pub fold_bags: usize,
}

/// Trains a perceptron for `epochs` passes over `seqs` in a fixed-seed shuffled order;
/// `after(epoch, perceptron)` is called after each pass.
fn run_epochs(seqs: &[Seq], bits: u32, epochs: usize, seed: u64, mut after: impl FnMut(usize, &Perceptron)) -> Perceptron {
    let mut order: Vec<usize> = (0..seqs.len()).collect();
    let mut rng = seed.max(1);
    let mut pc = Perceptron::new(bits);
    for epoch in 1..=epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &i in &order {
            pc.train_one(&seqs[i]);
        }
        after(epoch, &pc);
    }
    pc
}

/// Turns the averaged weights `w`, `tw` of the run with `seed` into the mean over `bags`
/// runs with seeds `seed`, `seed + 1000`, ... (the same sequences in other shuffled orders).
#[allow(clippy::too_many_arguments)]
fn add_bags(w: &mut [f32], tw: &mut [f32], seqs: &[Seq], bits: u32, epochs: usize, seed: u64, bags: usize) {
    if bags <= 1 {
        return;
    }
    for b in 1..bags {
        let pc = run_epochs(seqs, bits, epochs, seed.wrapping_add(1000 * b as u64), |_, _| {});
        let (wb, twb) = pc.averaged();
        w.iter_mut().zip(&wb).for_each(|(a, b)| *a += b);
        tw.iter_mut().zip(&twb).for_each(|(a, b)| *a += b);
    }
    let k = bags as f32;
    w.iter_mut().chain(tw.iter_mut()).for_each(|a| *a /= k);
}

/// First-pass labels of every training document, each predicted by a model trained on
/// the other folds (documents `i % folds`), with a name list learned from those folds only,
/// so the non-local features seen in training are as noisy as at inference.
fn jackknife(train_p: &[Prepared], external: &HashMap<u64, u8>, cfg: &Config) -> Vec<Vec<u8>> {
    let n = train_p.len();
    let mut out = vec![Vec::new(); n];
    let folds = cfg.folds.max(2);
    for k in 0..folds {
        let inside: Vec<usize> = (0..n).filter(|i| i % folds != k).collect();
        let (names, per_doc) = NameCounts::build(inside.iter().map(|&i| &train_p[i]), external.clone());
        let mut seqs = Vec::new();
        for (j, &i) in inside.iter().enumerate() {
            seqs.extend(sequences(&train_p[i], &LeaveOneOut { counts: &names, own: &per_doc[j] }, cfg.bits, None, 0.0));
        }
        let pc = run_epochs(&seqs, cfg.bits, cfg.fold_epochs, cfg.seed.wrapping_add(k as u64 + 1), |_, _| {});
        let (mut w, mut tw) = pc.averaged();
        add_bags(&mut w, &mut tw, &seqs, cfg.bits, cfg.fold_epochs, cfg.seed.wrapping_add(k as u64 + 1), cfg.fold_bags);
        let none = HashSet::new();
        let mut c = [Counts::default(); 5];
        for i in (0..n).filter(|i| i % folds == k) {
            let p = &train_p[i];
            let mut tags = Vec::with_capacity(p.tokens.len());
            for s in sequences(p, &LeaveOneOut { counts: &names, own: &none }, cfg.bits, None, 0.0) {
                tags.extend(Perceptron::predict(&w, &tw, &s));
            }
            score(&spans(&tags), &p.entities, &mut c);
            out[i] = tags;
        }
        println!("fold {}/{folds}: held-out F1 {:.4}", k + 1, c[4].prf().2);
    }
    out
}

pub struct Perceptron {
    w: Vec<f32>,
    acc: Vec<f64>,
    tw: Vec<f32>,
    tacc: Vec<f64>,
    c: f64,
}

impl Perceptron {
    fn new(bits: u32) -> Self {
        let n = (1usize << bits) * N_LABELS;
        let nt = (N_LABELS + 1) * N_LABELS;
        Perceptron { w: vec![0.0; n], acc: vec![0.0; n], tw: vec![0.0; nt], tacc: vec![0.0; nt], c: 1.0 }
    }

    fn emissions(w: &[f32], s: &Seq) -> Vec<[f32; N_LABELS]> {
        let n = s.gold.len();
        let mut e = vec![[0f32; N_LABELS]; n];
        for (k, ek) in e.iter_mut().enumerate() {
            for &f in &s.feats[s.offs[k] as usize..s.offs[k + 1] as usize] {
                let row = &w[f as usize * N_LABELS..(f as usize + 1) * N_LABELS];
                for l in 0..N_LABELS {
                    ek[l] += row[l];
                }
            }
        }
        e
    }

    fn predict(w: &[f32], tw: &[f32], s: &Seq) -> Vec<u8> {
        let e = Self::emissions(w, s);
        super::viterbi(s.gold.len(), tw, |k, l| e[k][l])
    }

    fn upd(&mut self, idx: usize, d: f32, trans: bool) {
        let c = self.c;
        if trans {
            self.tw[idx] += d;
            self.tacc[idx] += c * d as f64;
        } else {
            self.w[idx] += d;
            self.acc[idx] += c * d as f64;
        }
    }

    fn train_one(&mut self, s: &Seq) {
        let pred = Self::predict(&self.w, &self.tw, s);
        if pred != s.gold {
            for k in 0..s.gold.len() {
                let (g, p) = (s.gold[k] as usize, pred[k] as usize);
                if g != p {
                    for fi in s.offs[k] as usize..s.offs[k + 1] as usize {
                        let f = s.feats[fi] as usize;
                        self.upd(f * N_LABELS + g, 1.0, false);
                        self.upd(f * N_LABELS + p, -1.0, false);
                    }
                }
                let gp = if k == 0 { 0 } else { s.gold[k - 1] as usize + 1 };
                let pp = if k == 0 { 0 } else { pred[k - 1] as usize + 1 };
                if (gp, g) != (pp, p) {
                    self.upd(gp * N_LABELS + g, 1.0, true);
                    self.upd(pp * N_LABELS + p, -1.0, true);
                }
            }
        }
        self.c += 1.0;
    }

    fn averaged(&self) -> (Vec<f32>, Vec<f32>) {
        let c = self.c;
        let w = self.w.iter().zip(&self.acc).map(|(&w, &a)| (w as f64 - a / c) as f32).collect();
        let tw = self.tw.iter().zip(&self.tacc).map(|(&w, &a)| (w as f64 - a / c) as f32).collect();
        (w, tw)
    }
}

/// Entity-level scores: per type (tp, found, gold).
#[derive(Default, Clone, Copy, Debug)]
pub struct Counts {
    pub tp: usize,
    pub found: usize,
    pub gold: usize,
}

impl Counts {
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = if self.found == 0 { 0.0 } else { self.tp as f64 / self.found as f64 };
        let r = if self.gold == 0 { 0.0 } else { self.tp as f64 / self.gold as f64 };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        (p, r, f)
    }
}

/// Scores predicted spans against gold spans: [PER, ORG, LOC, MISC, all].
pub fn score(pred: &[(usize, usize, usize)], gold: &[(usize, usize, usize)], into: &mut [Counts; 5]) {
    let gs: HashSet<&(usize, usize, usize)> = gold.iter().collect();
    for p in pred {
        into[p.2].found += 1;
        into[4].found += 1;
        if gs.contains(p) {
            into[p.2].tp += 1;
            into[4].tp += 1;
        }
    }
    for g in gold {
        into[g.2].gold += 1;
        into[4].gold += 1;
    }
}

pub fn print_scores(c: &[Counts; 5]) {
    for (i, name) in ["PER", "ORG", "LOC", "MISC", "ALL"].iter().enumerate() {
        let (p, r, f) = c[i].prf();
        println!("  {name:<5} P {:.4}  R {:.4}  F1 {:.4}  (gold {}, found {})", p, r, f, c[i].gold, c[i].found);
    }
}

fn spans(tags: &[u8]) -> Vec<(usize, usize, usize)> {
    super::spans_from_tags(tags).into_iter().map(|(a, b, l)| (a, b, l.index())).collect()
}

/// Evaluates a serialised model on prepared documents through the inference path.
pub fn evaluate_model(m: &Model, docs: &[Prepared]) -> [Counts; 5] {
    let mut c = [Counts::default(); 5];
    for p in docs {
        let tags = super::tag(m, &p.text, &p.tokens);
        score(&spans(&tags), &p.entities, &mut c);
    }
    c
}

/// Quantises averaged weights into the artifact: a log-spaced codebook of 127 magnitudes
/// from `prune * max` to `max`; weights below half the smallest level are dropped. The levels
/// and the transitions are written as i32 fixed point (largest level `LEVEL_SCALE`).
fn export(w: &[f32], tw: &[f32], bits: u32, names: &[(u32, u8)], prune: f64) -> Vec<u8> {
    let max = w.iter().fold(0f32, |m, x| m.max(x.abs())).max(1e-9) as f64;
    let lo = (max * prune).max(1e-12);
    let ratio = (max / lo).ln() / 126.0;
    let mut levels = [0f32; 128];
    for (k, l) in levels.iter_mut().enumerate().skip(1) {
        *l = (lo * ((k - 1) as f64 * ratio).exp()) as f32;
    }
    let quant = |v: f32| -> i8 {
        let a = v.abs() as f64;
        if a < lo * 0.5 {
            return 0;
        }
        let k = if a <= lo { 1.0 } else { 1.0 + ((a / lo).ln() / ratio).round() };
        let k = k.clamp(1.0, 127.0) as i8;
        if v < 0.0 { -k } else { k }
    };
    // Fixed point (format version 2): the largest level is LEVEL_SCALE; the transitions on
    // the same scale.
    let scale = model::LEVEL_SCALE as f64 / levels[127].max(1e-12) as f64;
    let mut ilevels = [0i32; 128];
    for (il, &l) in ilevels.iter_mut().zip(&levels) {
        *il = (l as f64 * scale).round() as i32;
    }
    let itrans: Vec<i32> = tw
        .iter()
        .map(|&t| ((t as f64 * scale).round()).clamp(-(model::MAX_TRANS as f64), model::MAX_TRANS as f64) as i32)
        .collect();
    let mut rows = Vec::new();
    for b in 0..(1usize << bits) {
        let mut q = [0i8; N_LABELS];
        let mut any = false;
        for l in 0..N_LABELS {
            let v = quant(w[b * N_LABELS + l]);
            q[l] = v;
            any |= v != 0;
        }
        if any {
            rows.push((b, q));
        }
    }
    model::write(bits, &ilevels, &itrans, &rows, names)
}

/// Trains on `train`, reports on `dev` after each epoch, returns the artifact.
pub fn train(train: &[ConllDoc], dev: &[ConllDoc], cfg: &Config) -> Result<Vec<u8>, String> {
    let t0 = std::time::Instant::now();
    let train_p: Vec<Prepared> = train.iter().map(prepare).collect();
    let dev_p: Vec<Prepared> = dev.iter().map(prepare).collect();
    let broken: usize = train_p.iter().chain(&dev_p).map(|p| p.broken).sum();
    println!("documents: train {} dev {}; gold entities the tokenizer splits: {broken}", train_p.len(), dev_p.len());
    let external = match &cfg.names {
        Some(path) => read_names(path)?,
        None => HashMap::new(),
    };
    println!("external names: {}", external.len());
    let (names, per_doc) = NameCounts::build(&train_p, external.clone());
    let exported = names.export();
    println!("name list: {} entries", exported.len());
    let mut seqs: Vec<Seq> = Vec::new();
    for (p, own) in train_p.iter().zip(&per_doc) {
        seqs.extend(sequences(p, &LeaveOneOut { counts: &names, own }, cfg.bits, None, 0.0));
    }
    if cfg.folds > 0 {
        // Each training document twice: with local features only (the first pass) and
        // with the non-local features from cross-validated first-pass labels (the second).
        let first = jackknife(&train_p, &external, cfg);
        println!("cross-validated first pass done ({:.1}s)", t0.elapsed().as_secs_f64());
        for ((p, own), tags) in train_p.iter().zip(&per_doc).zip(&first) {
            seqs.extend(sequences(p, &LeaveOneOut { counts: &names, own }, cfg.bits, Some(tags), cfg.nl_drop));
        }
    }
    let gaz = Exported(exported.clone());
    let dev_seqs: Vec<Vec<Seq>> = dev_p.iter().map(|p| sequences(p, &gaz, cfg.bits, None, 0.0)).collect();
    let dev_docs: Vec<DocInfo> = dev_p.iter().map(|p| DocInfo::new(&p.text, &p.tokens)).collect();
    println!("features ready: {} train sequences ({:.1}s)", seqs.len(), t0.elapsed().as_secs_f64());
    let pc = run_epochs(&seqs, cfg.bits, cfg.epochs, cfg.seed, |epoch, pc| {
        let (w, tw) = pc.averaged();
        let (mut c1, mut c2) = ([Counts::default(); 5], [Counts::default(); 5]);
        for ((p, ss), doc) in dev_p.iter().zip(&dev_seqs).zip(&dev_docs) {
            let (first, second) = tag_two_pass(&w, &tw, cfg.bits, p, doc, ss);
            score(&spans(&first), &p.entities, &mut c1);
            score(&spans(&second), &p.entities, &mut c2);
        }
        println!(
            "epoch {epoch}: dev F1 first pass {:.4}, second pass {:.4} ({:.1}s)",
            c1[4].prf().2,
            c2[4].prf().2,
            t0.elapsed().as_secs_f64()
        );
    });
    let (mut w, mut tw) = pc.averaged();
    add_bags(&mut w, &mut tw, &seqs, cfg.bits, cfg.epochs, cfg.seed, cfg.bags);
    if cfg.bags > 1 {
        println!("{} bags trained ({:.1}s)", cfg.bags, t0.elapsed().as_secs_f64());
    }
    let bytes = export(&w, &tw, cfg.bits, &exported, cfg.prune);
    let m = Model::parse(&bytes).map_err(|e| e.to_string())?;
    let (rows, n) = m.sizes();
    println!("model: {} bytes, {rows} weight rows, {n} names", bytes.len());
    let c = evaluate_model(&m, &dev_p);
    println!("dev scores of the quantised model (tokenizer tokens):");
    print_scores(&c);
    let _ = Hasher::new(0);
    Ok(bytes)
}
