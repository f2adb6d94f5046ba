//! The model artifact: its binary format, the header check and the lookups the tagger makes.
//!
//! Format (little-endian), version [`FORMAT_VERSION`]:
//!
//! ```text
//! magic      8 bytes  "AANNER\0\0"
//! version    u32
//! name       u16 length + UTF-8 bytes
//! schema     u64      feature-schema hash (features::schema_hash), checked against the code
//! hash_bits  u8       the weight table has 2^hash_bits buckets
//! n_labels   u8       must be LABELS.len()
//! levels     128 i32  the codebook: weight of code c = sign(c) * levels[|c|]; levels[0] = 0
//! trans      (n_labels + 1) * n_labels i32: row 0 = start -> label, row 1+p = p -> label
//! bitmap     2^hash_bits / 8 bytes: which buckets have a row
//! rows       u32 count, then count * n_labels i8, in bucket order
//! names      u32 count, then count u32 keys (sorted, high half of the sequence hash),
//!            then count u8 type masks (bit 0 PER, 1 ORG, 2 LOC, 3 MISC)
//! ```
//!
//! Only buckets with a nonzero weight are stored; a rank table over the bitmap finds a
//! bucket's row in O(1).
//!
//! Tried and dropped (session 5): decoding the rows through the codebook once at load into
//! `[i32; 9]` (2.9 MB of heap where the codes are read in place from the embedded bytes).
//! One warm seed call fell 910,676 -> 847,200 tagger instructions and was 2-4% faster in
//! wasm (Node, same process), but the model parse in Chromium went from ~1.3 to ~4.5 ms and
//! the wasm memory after a 5 MB document grew: a page annotates one article, so it paid
//! about 3 ms to save about 9 us.
//!
//! Name-list lookups pass a 2^18-bit filter of key prefixes, then scan the few keys of their
//! 14-bit prefix (an index built at load: 64 KiB, ~0.3M instructions of the load, which had
//! a binary search over all 21,693 keys; seed article: `gaz_marks` 62K -> 45K instructions).
//!
//! Version 2 (this one) stores the codebook and the transitions as integers on one fixed-point
//! scale (the largest level is [`LEVEL_SCALE`]); version 1 stored them as f32. Integer sums are
//! exact, so emission scores do not depend on the order in which feature weights are added
//! (the tagger sums word-level features once per word type and reuses the sums).
//! Magnitudes are bounded at parse time ([`MAX_LEVEL`], [`MAX_TRANS`]) so that no sum of a
//! token's features can overflow an `i32`.

use super::features::{schema_hash, Gazetteer};
use crate::error::Error;

pub const MAGIC: &[u8; 8] = b"AANNER\0\0";
pub const FORMAT_VERSION: u32 = 2;
pub const MODEL_NAME: &str = "article-annotator-ner";

/// Tag set: O, then B-/I- for PER, ORG, LOC, MISC.
pub const LABELS: &[&str] = &["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];
pub const N_LABELS: usize = 9;

/// 64 buckets of the bitmap with the rank (rows before them) next to it.
#[derive(Clone, Copy)]
#[repr(C, align(16))]
struct Block {
    bits: u64,
    rank: u32,
}

/// The fixed-point scale of the weights: the largest codebook level the trainer writes.
pub const LEVEL_SCALE: i32 = 1 << 16;
/// The largest codebook level or transition weight a model may hold (checked on load): with
/// at most a few hundred features per token no emission sum can overflow an `i32`.
pub const MAX_LEVEL: i32 = 1 << 20;
/// The largest transition weight magnitude a model may hold (checked on load).
pub const MAX_TRANS: i32 = 1 << 24;

/// A parsed model.
pub struct Model {
    pub name: String,
    pub hash_bits: u32,
    /// Weight of code `c` (as `c as u8`): sign(c) * levels[|c|], fixed point.
    pub codebook: [i32; 256],
    /// (N_LABELS + 1) * N_LABELS, fixed point.
    pub trans: Vec<i32>,
    /// Per 64 buckets: which have a row, and how many rows the buckets before them have.
    /// Side by side (16 bytes), so that a lookup touches one cache line, not two.
    blocks: Vec<Block>,
    /// Weight codes (`c as u8` of the signed code: an index into `codebook`).
    rows: std::borrow::Cow<'static, [u8]>,
    gaz_keys: Vec<u32>,
    gaz_masks: Vec<u8>,
    /// One bit per [`GAZ_FILTER_BITS`]-bit key prefix that some name-list key has: most
    /// lookups of word sequences that are not names stop here, without a binary search.
    gaz_filter: Vec<u64>,
    /// Per [`GAZ_INDEX_BITS`]-bit key prefix, where its keys start in `gaz_keys` (one more
    /// entry at the end): a lookup past the filter searches only its prefix's few keys.
    gaz_index: Vec<u32>,
    /// Distinct for every parsed model of the process (caches of decoded weight rows are
    /// kept per model).
    id: u64,
}

/// Key prefix length of [`Model`]'s name-list filter (2^18 bits, 32 KiB).
const GAZ_FILTER_BITS: u32 = 18;

/// Key prefix length of [`Model`]'s name-list index (2^14 entries, 64 KiB; about 1.3 keys
/// per prefix in the shipped model).
const GAZ_INDEX_BITS: u32 = 14;

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], Error> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or_else(|| {
            Error::model(format!(
                "entity model is truncated: {what} needs {n} bytes at offset {}, the file has {}",
                self.pos,
                self.bytes.len()
            ))
        })?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self, what: &str) -> Result<u8, Error> {
        Ok(self.take(1, what)?[0])
    }
    fn u16(&mut self, what: &str) -> Result<u16, Error> {
        let b = self.take(2, what)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self, what: &str) -> Result<u32, Error> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self, what: &str) -> Result<u64, Error> {
        let b = self.take(8, what)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
    fn i32(&mut self, what: &str) -> Result<i32, Error> {
        Ok(self.u32(what)? as i32)
    }
}

impl Model {
    /// This model's process-wide identity (see the `id` field).
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Parses and checks a model artifact. Every failure is an [`Error`] that says which
    /// part of the header or body is wrong.
    ///
    /// The weight rows of the embedded model ([`super::MODEL_BYTES`]) are read in place, not
    /// copied (731 KB less heap and no copy at load); any other bytes are copied.
    pub fn parse(bytes: &[u8]) -> Result<Model, Error> {
        let mut r = Reader { bytes, pos: 0 };
        let magic = r.take(8, "the magic number")?;
        if magic != MAGIC {
            return Err(Error::model(format!(
                "not an entity model: magic bytes {magic:02x?}, expected {:02x?}",
                MAGIC
            )));
        }
        let version = r.u32("the format version")?;
        if version != FORMAT_VERSION {
            return Err(Error::model(format!(
                "entity model format version {version}, this code reads version {FORMAT_VERSION}"
            )));
        }
        let name_len = r.u16("the name length")? as usize;
        let name = std::str::from_utf8(r.take(name_len, "the name")?)
            .map_err(|_| Error::model("entity model name is not UTF-8"))?
            .to_string();
        if name != MODEL_NAME {
            return Err(Error::model(format!("entity model is named {name:?}, expected {MODEL_NAME:?}")));
        }
        let schema = r.u64("the feature-schema hash")?;
        let hash_bits = r.u8("the hash size")? as u32;
        if !(8..=24).contains(&hash_bits) {
            return Err(Error::model(format!("entity model hash size 2^{hash_bits} is out of range 2^8..2^24")));
        }
        let n_labels = r.u8("the label count")? as usize;
        if n_labels != N_LABELS {
            return Err(Error::model(format!("entity model has {n_labels} labels, expected {N_LABELS}")));
        }
        let expected = schema_hash(hash_bits, LABELS);
        if schema != expected {
            return Err(Error::model(format!(
                "entity model feature-schema hash {schema:016x} does not match this code's {expected:016x}: retrain with `make model`"
            )));
        }
        let mut levels = [0i32; 128];
        for l in levels.iter_mut() {
            *l = r.i32("the weight codebook")?;
            if !(0..=MAX_LEVEL).contains(l) {
                return Err(Error::model(format!("entity model codebook level {l} is out of range 0..={MAX_LEVEL}")));
            }
        }
        let mut codebook = [0i32; 256];
        for (c, v) in codebook.iter_mut().enumerate() {
            let code = c as u8 as i8;
            let mag = levels[(code as i16).unsigned_abs().min(127) as usize];
            *v = if code < 0 { -mag } else { mag };
        }
        let mut trans = Vec::with_capacity((N_LABELS + 1) * N_LABELS);
        for _ in 0..(N_LABELS + 1) * N_LABELS {
            let t = r.i32("the transition weights")?;
            if !(-MAX_TRANS..=MAX_TRANS).contains(&t) {
                return Err(Error::model(format!("entity model transition weight {t} is out of range ±{MAX_TRANS}")));
            }
            trans.push(t);
        }
        let n_buckets = 1usize << hash_bits;
        let bm = r.take(n_buckets / 8, "the bucket bitmap")?;
        let mut blocks = Vec::with_capacity(n_buckets / 64);
        let mut total = 0u32;
        for chunk in bm.chunks_exact(8) {
            let mut a = [0u8; 8];
            a.copy_from_slice(chunk);
            let w = u64::from_le_bytes(a);
            blocks.push(Block { bits: w, rank: total });
            total += w.count_ones();
        }
        let count = r.u32("the row count")?;
        if count != total {
            return Err(Error::model(format!(
                "entity model stores {count} weight rows but its bitmap marks {total}"
            )));
        }
        let rows = r.take(count as usize * N_LABELS, "the weight rows")?;
        let rows_at = r.pos - rows.len()..r.pos;
        let n_gaz = r.u32("the name-list size")? as usize;
        let keys = r.take(n_gaz.saturating_mul(4), "the name-list keys")?;
        let gaz_keys: Vec<u32> = keys
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        let gaz_masks = r.take(n_gaz, "the name-list types")?.to_vec();
        if gaz_keys.windows(2).any(|w| w[0] >= w[1]) {
            return Err(Error::model("entity model name list is not sorted"));
        }
        if r.pos != bytes.len() {
            return Err(Error::model(format!(
                "entity model has {} unexpected bytes after its name list",
                bytes.len() - r.pos
            )));
        }
        let mut gaz_filter = vec![0u64; (1usize << GAZ_FILTER_BITS) / 64];
        for &k in &gaz_keys {
            let f = (k >> (32 - GAZ_FILTER_BITS)) as usize;
            if let Some(w) = gaz_filter.get_mut(f >> 6) {
                *w |= 1u64 << (f & 63);
            }
        }
        // Counts per prefix, then their running sum (the keys are sorted).
        let mut gaz_index = vec![0u32; (1usize << GAZ_INDEX_BITS) + 1];
        for &k in &gaz_keys {
            if let Some(c) = gaz_index.get_mut((k >> (32 - GAZ_INDEX_BITS)) as usize + 1) {
                *c += 1;
            }
        }
        let mut sum = 0u32;
        for c in gaz_index.iter_mut() {
            sum += *c;
            *c = sum;
        }
        let embedded = super::MODEL_BYTES;
        let rows = if std::ptr::eq(bytes, embedded) {
            std::borrow::Cow::Borrowed(embedded.get(rows_at).unwrap_or(&[]))
        } else {
            std::borrow::Cow::Owned(rows.to_vec())
        };
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(Model { name, hash_bits, codebook, trans, blocks, rows, gaz_keys, gaz_masks, gaz_filter, gaz_index, id })
    }

    /// The bucket of a feature hash.
    #[inline]
    pub fn bucket(&self, feature_hash: u64) -> usize {
        (feature_hash >> (64 - self.hash_bits)) as usize
    }

    /// The weight row of a feature, if it has one: codes into [`Model::codebook`].
    #[inline]
    pub fn row(&self, feature_hash: u64) -> Option<&[u8]> {
        let b = self.bucket(feature_hash);
        let Block { bits: w, rank } = *self.blocks.get(b >> 6)?;
        let bit = b & 63;
        if w & (1u64 << bit) == 0 {
            return None;
        }
        let idx = rank as usize + (w & ((1u64 << bit) - 1)).count_ones() as usize;
        self.rows.get(idx * N_LABELS..(idx + 1) * N_LABELS)
    }

    /// The index of a feature's weight row (for [`Model::row_at`]), if it has one.
    #[inline]
    pub fn row_index(&self, feature_hash: u64) -> Option<u32> {
        let b = self.bucket(feature_hash);
        let Block { bits: w, rank } = *self.blocks.get(b >> 6)?;
        let bit = b & 63;
        if w & (1u64 << bit) == 0 {
            return None;
        }
        let idx = rank as usize + (w & ((1u64 << bit) - 1)).count_ones() as usize;
        u32::try_from(idx).ok()
    }

    /// The weight row at index `idx` (from [`Model::row_index`]).
    #[inline]
    pub fn row_at(&self, idx: u32) -> Option<&[u8]> {
        let idx = idx as usize;
        self.rows.get(idx * N_LABELS..(idx + 1) * N_LABELS)
    }

    /// Number of stored weight rows and name-list entries.
    pub fn sizes(&self) -> (usize, usize) {
        (self.rows.len() / N_LABELS, self.gaz_keys.len())
    }
}

impl Gazetteer for Model {
    fn lookup(&self, seq_hash: u64) -> u8 {
        let key = (seq_hash >> 32) as u32;
        let f = (key >> (32 - GAZ_FILTER_BITS)) as usize;
        if self.gaz_filter.get(f >> 6).map_or(true, |w| w & (1u64 << (f & 63)) == 0) {
            return 0;
        }
        let p = (key >> (32 - GAZ_INDEX_BITS)) as usize;
        let (Some(&a), Some(&b)) = (self.gaz_index.get(p), self.gaz_index.get(p + 1)) else { return 0 };
        let (a, b) = (a as usize, b as usize);
        match self.gaz_keys.get(a..b).and_then(|ks| ks.iter().position(|&k| k == key)) {
            Some(i) => self.gaz_masks.get(a + i).copied().unwrap_or(0),
            None => 0,
        }
    }
}

/// Serialises a model (the trainer's side of [`Model::parse`]).
/// `rows` is (bucket, weights) in increasing bucket order; `names` is (key, mask) sorted by key.
pub fn write(hash_bits: u32, levels: &[i32; 128], trans: &[i32], rows: &[(usize, [i8; N_LABELS])], names: &[(u32, u8)]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(MODEL_NAME.len() as u16).to_le_bytes());
    out.extend_from_slice(MODEL_NAME.as_bytes());
    out.extend_from_slice(&schema_hash(hash_bits, LABELS).to_le_bytes());
    out.push(hash_bits as u8);
    out.push(N_LABELS as u8);
    for l in levels {
        out.extend_from_slice(&l.to_le_bytes());
    }
    for t in trans {
        out.extend_from_slice(&t.to_le_bytes());
    }
    let n_buckets = 1usize << hash_bits;
    let mut bm = vec![0u8; n_buckets / 8];
    for (b, _) in rows {
        bm[b / 8] |= 1 << (b % 8);
    }
    out.extend_from_slice(&bm);
    out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    for (_, w) in rows {
        out.extend(w.iter().map(|&x| x as u8));
    }
    out.extend_from_slice(&(names.len() as u32).to_le_bytes());
    for (k, _) in names {
        out.extend_from_slice(&k.to_le_bytes());
    }
    out.extend(names.iter().map(|&(_, m)| m));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The name-list index finds exactly the listed keys (guards its prefix ranges: a key
    /// at a prefix's edge, the first and the last key, keys not listed).
    #[test]
    fn name_list_lookup_finds_exactly_the_listed_keys() {
        let names: Vec<(u32, u8)> =
            vec![(0, 1), (1, 2), (0x0003_ffff, 4), (0x0004_0000, 8), (0x8000_0000, 3), (0xffff_fffe, 5), (0xffff_ffff, 6)];
        let bytes = write(8, &[0; 128], &vec![0; (N_LABELS + 1) * N_LABELS], &[], &names);
        let m = Model::parse(&bytes).expect("a small model parses");
        let at = |k: u32| m.lookup((k as u64) << 32 | 0x1234);
        for &(k, mask) in &names {
            assert_eq!(at(k), mask, "key {k:#x}");
        }
        for k in [2, 0x0003_fffe, 0x0004_0001, 0x7fff_ffff, 0x8000_0001, 0xffff_fffd] {
            assert_eq!(at(k), 0, "key {k:#x} is not listed");
        }
        if let Ok(m) = crate::entities::model() {
            for (i, &k) in m.gaz_keys.iter().enumerate() {
                assert_eq!(m.lookup((k as u64) << 32), m.gaz_masks[i], "key {k:#x}");
            }
        }
    }
}
