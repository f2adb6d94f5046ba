#![cfg(not(target_arch = "wasm32"))]
//! Invariants of the highlight planner over many generated pages and annotation sets:
//! the marks it plans must be applicable to a DOM (nested or disjoint, in whole fragments),
//! cover exactly the annotated text that is in the DOM, and count offsets in UTF-16.

use article_annotator::highlight::plan::{plan, Layout, Plan, Span};

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "Grant", "Shapps", " ", "😀", "é", "—", "東京", "“", "”", "said", "\n", "  ", "30", "x\u{301}",
];

fn page(rng: &mut Rng) -> Layout {
    let mut l = Layout::new();
    for _ in 0..rng.below(12) + 1 {
        if rng.below(4) == 0 {
            l.push_break();
        }
        let mut data = String::new();
        for _ in 0..rng.below(5) {
            data.push_str(WORDS[rng.below(WORDS.len())]);
        }
        l.push_text(&data);
    }
    l
}

/// Byte offsets of the layout text, possibly off char boundaries or past the end.
fn spans(rng: &mut Rng, len: usize) -> Vec<Span> {
    (0..rng.below(8))
        .map(|id| {
            let a = rng.below(len + 3);
            let b = rng.below(len + 3);
            Span {
                start: a.min(b),
                end: a.max(b),
                id,
                rank: rng.below(3) as u8,
            }
        })
        .collect()
}

/// The byte ranges (in the layout text) each plan's wrap covers, and checks of per-node
/// structure.
fn check(l: &Layout, p: &Plan, seed: u64) -> Vec<(usize, usize, usize)> {
    let text = l.text();
    let mut covered = Vec::new();
    let mut last_node = None;
    for np in &p.nodes {
        assert!(
            last_node.map_or(true, |n| n < np.node),
            "seed {seed}: nodes out of order"
        );
        last_node = Some(np.node);
        let (ns, ne) = l.node_range(np.node).unwrap();
        let data = &text[ns..ne];
        // Cuts: strictly increasing, inside the node, on char boundaries, UTF-16 right.
        let mut prev = 0;
        for c in &np.cuts {
            assert!(
                c.byte > prev && c.byte < data.len(),
                "seed {seed}: cut {c:?} in {data:?}"
            );
            assert!(data.is_char_boundary(c.byte), "seed {seed}");
            assert_eq!(c.unit, data[..c.byte].encode_utf16().count(), "seed {seed}");
            prev = c.byte;
        }
        let bounds: Vec<usize> = std::iter::once(0)
            .chain(np.cuts.iter().map(|c| c.byte))
            .chain([data.len()])
            .collect();
        // Wraps: whole fragments, outer first, nested or disjoint.
        let mut open: Vec<(usize, usize)> = Vec::new();
        let mut prev_first = 0;
        for w in &np.wraps {
            assert!(
                w.first < w.end && w.end < bounds.len(),
                "seed {seed}: {w:?}"
            );
            assert!(
                w.first >= prev_first,
                "seed {seed}: wraps not in start order"
            );
            prev_first = w.first;
            while open.last().is_some_and(|&(_, e)| e <= w.first) {
                open.pop();
            }
            if let Some(&(_, e)) = open.last() {
                assert!(w.end <= e, "seed {seed}: crossing wraps {:?}", np.wraps);
            }
            assert_eq!(w.depth, open.len(), "seed {seed}");
            open.push((w.first, w.end));
            let (s, e) = (ns + bounds[w.first], ns + bounds[w.end]);
            assert!(
                !text[s..e].trim().is_empty(),
                "seed {seed}: whitespace-only mark"
            );
            covered.push((w.id, s, e));
        }
    }
    covered
}

#[test]
fn planned_marks_nest_and_cover_exactly_the_annotated_dom_text() {
    for seed in 1..3000u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        let l = page(&mut rng);
        let spans = spans(&mut rng, l.text().len());
        let p = plan(&l, &spans);
        let covered = check(&l, &p, seed);
        assert_eq!(p.mark_count(), covered.len());
        // Per annotation: the marked bytes are exactly its (clamped) span's bytes that are in
        // a text node, minus whitespace-only pieces.
        let text = l.text();
        let in_node = |b: usize| {
            (0..l.node_count()).any(|n| l.node_range(n).is_some_and(|(s, e)| s <= b && b < e))
        };
        for s in &spans {
            let mut marked: Vec<usize> = covered
                .iter()
                .filter(|(id, _, _)| *id == s.id)
                .flat_map(|&(_, a, b)| a..b)
                .collect();
            marked.sort_unstable();
            let before = marked.len();
            marked.dedup();
            assert_eq!(
                before,
                marked.len(),
                "seed {seed}: a byte marked twice for one annotation"
            );
            let floor = |mut i: usize| {
                i = i.min(text.len());
                while !text.is_char_boundary(i) {
                    i -= 1;
                }
                i
            };
            let (a, b) = (floor(s.start), floor(s.end));
            for &m in &marked {
                assert!(
                    a <= m && m < b && in_node(m),
                    "seed {seed}: byte {m} outside {a}..{b}"
                );
            }
            let non_space_missing = (a..b)
                .filter(|&i| text.is_char_boundary(i) && in_node(i))
                .filter(|&i| !text[i..].chars().next().is_some_and(char::is_whitespace))
                .any(|i| marked.binary_search(&i).is_err());
            assert!(
                !non_space_missing,
                "seed {seed}: a non-space char of span {s:?} is not marked in {text:?}"
            );
        }
    }
}
