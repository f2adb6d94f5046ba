//! Which pieces of which DOM text nodes to wrap in which marks: the pure half of the
//! highlighter (no web-sys; every rule here is tested natively with `cargo test`).
//!
//! # Input
//!
//! A [`Layout`]: the text nodes of the highlighted subtree in document order, each pushed
//! with [`Layout::push_text`], and *virtual block breaks* pushed with [`Layout::push_break`]
//! between block-level elements. A break adds one `"\n"` to the analysed text (unless the
//! text is empty or already ends with a newline) that is **not** in the DOM, so that
//! "<p>Grant</p><p>Shapps</p>" is analysed as two lines, not as the name "GrantShapps".
//!
//! Plus the annotations as [`Span`]s: UTF-8 byte ranges into [`Layout::text`], an `id` (the
//! annotation's index in the summary, shared by every mark the annotation becomes) and a
//! `rank` (which one is outside when two annotations cover the same range).
//!
//! # Algorithm ([`plan`])
//!
//! 1. Spans are clamped to the text, snapped to char boundaries, empty ones dropped, and
//!    sorted by start, longer first, then rank.
//! 2. *Laminarize*: marks in a DOM must nest. Going through the spans in that order with a
//!    stack of open spans, a span that starts inside the innermost open span but ends after
//!    it (an entity crossing a quote's closing mark) is cut at that span's end; the rest goes
//!    back into the queue (a binary heap). The pieces are now nested or disjoint.
//! 3. Each piece is cut at text-node boundaries (the virtual breaks fall out here: they
//!    belong to no node). A piece of a node that is only whitespace is not wrapped (the
//!    whitespace between `<li>`s of a quote that spans a list). Offsets become UTF-16 code
//!    units within the node (through [`crate::offsets`]).
//! 4. Per node: the sorted cut points ([`NodePlan::cuts`]) split the node into fragments,
//!    and each wrap ([`Wrap`]) covers a run of fragments. Wraps are listed outer first, so
//!    the applier can wrap them in order: when a wrap is applied, its fragments are
//!    consecutive children of one parent (the node's parent or an enclosing mark).
//!
//! Cost: `O((n + s) log s)` for `n` nodes and `s` spans, plus one wrap per (piece, node)
//! pair. A span can be cut once per open span it crosses; with the analysers' output (one
//! layer per kind) that is a small constant. Hostile overlapping spans cost more marks, never
//! a panic.
//!
//! Not measured yet: the plan's size and speed on pages with tens of thousands of nodes
//! (the DOM calls dominate there).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::offsets::Utf16Map;

/// The analysed text, built from the DOM's text nodes and virtual block breaks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    text: String,
    /// Byte range in `text` of every text node, in document order.
    nodes: Vec<(usize, usize)>,
}

impl Layout {
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends a text node's content; returns the node's index (its place in document order).
    pub fn push_text(&mut self, data: &str) -> usize {
        let start = self.text.len();
        self.text.push_str(data);
        self.nodes.push((start, self.text.len()));
        self.nodes.len() - 1
    }

    /// A boundary between block-level elements: a newline in the analysed text that is not in
    /// the DOM. Nothing when the text is empty or already ends with a newline.
    pub fn push_break(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    /// The analysed text: every node's content, with a `"\n"` at block boundaries.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn into_text(self) -> String {
        self.text
    }

    /// How many text nodes were pushed.
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// Byte range of node `index` in [`Layout::text`].
    pub fn node_range(&self, index: usize) -> Option<(usize, usize)> {
        self.nodes.get(index).copied()
    }
}

/// One annotation to mark: bytes `[start, end)` of the layout's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    /// The annotation's id: every mark made for it carries it.
    pub id: usize,
    /// For spans covering the same range: the lower rank is the outer mark.
    pub rank: u8,
}

/// What to do to one text node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodePlan {
    /// The node's index in the layout.
    pub node: usize,
    /// Where to split the node: strictly increasing offsets inside it (never 0 nor its
    /// length), giving `cuts.len() + 1` fragments.
    pub cuts: Vec<Cut>,
    /// Outer first: in start order, an enclosing wrap before what it encloses.
    pub wraps: Vec<Wrap>,
}

/// A split point inside one text node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cut {
    /// UTF-16 code units from the start of the node (what `Text.splitText` takes).
    pub unit: usize,
    /// UTF-8 bytes from the start of the node.
    pub byte: usize,
}

/// Wrap fragments `first..end` of a node in one mark for annotation `id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wrap {
    pub first: usize,
    pub end: usize,
    pub id: usize,
    /// How many of this plan's marks enclose this one inside the node (0 = outermost).
    pub depth: usize,
}

/// The whole plan: per node, in document order; only nodes that get marks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    pub nodes: Vec<NodePlan>,
}

impl Plan {
    /// How many `<mark>` elements applying the plan creates.
    pub fn mark_count(&self) -> usize {
        self.nodes.iter().map(|n| n.wraps.len()).sum()
    }
}

/// (start, end, id) in bytes from the start of one text node.
type LocalRange = (usize, usize, usize);

/// Min-heap order of the spans still to place: start, longer first, rank, id.
type QueueKey = (usize, Reverse<usize>, u8, usize);

/// A laminar piece of a span.
#[derive(Debug, Clone, Copy)]
struct Piece {
    start: usize,
    end: usize,
    id: usize,
}

/// Plans the marks for `spans` over `layout` (see the module docs).
pub fn plan(layout: &Layout, spans: &[Span]) -> Plan {
    let text = layout.text.as_str();
    let pieces = laminarize(text, spans);
    if pieces.is_empty() || layout.nodes.is_empty() {
        return Plan::default();
    }
    let map = Utf16Map::new(text);

    // Per node, the (local byte start, local byte end, id) ranges, in piece order (which is
    // start order, outer first).
    let mut per_node: Vec<(usize, Vec<LocalRange>)> = Vec::new();
    let mut buckets: Vec<Option<usize>> = vec![None; layout.nodes.len()];
    for p in &pieces {
        // First node that ends after the piece starts.
        let mut n = layout.nodes.partition_point(|&(_, e)| e <= p.start);
        while let Some(&(ns, ne)) = layout.nodes.get(n) {
            if ns >= p.end {
                break;
            }
            let (s, e) = (p.start.max(ns), p.end.min(ne));
            if s < e && !text.get(s..e).map_or(true, |t| t.trim().is_empty()) {
                let slot = match buckets[n] {
                    Some(slot) => slot,
                    None => {
                        per_node.push((n, Vec::new()));
                        buckets[n] = Some(per_node.len() - 1);
                        per_node.len() - 1
                    }
                };
                per_node[slot].1.push((s - ns, e - ns, p.id));
            }
            n += 1;
        }
    }
    per_node.sort_by_key(|(n, _)| *n);

    let mut plan = Plan::default();
    for (n, ranges) in per_node {
        let (ns, _) = layout.nodes[n];
        let node_len = layout.nodes[n].1 - ns;
        let base = map.to_utf16(ns);
        let mut points: Vec<usize> = ranges.iter().flat_map(|&(s, e, _)| [s, e]).collect();
        points.sort_unstable();
        points.dedup();
        points.retain(|&b| b > 0 && b < node_len);
        let cuts: Vec<Cut> = points
            .iter()
            .map(|&b| Cut {
                byte: b,
                unit: map.to_utf16(ns + b) - base,
            })
            .collect();
        // Fragment i spans [cut[i-1], cut[i]); the fragment starting at byte b is the number
        // of cuts <= b.
        let frag = |b: usize| points.partition_point(|&c| c <= b);
        let mut wraps = Vec::with_capacity(ranges.len());
        let mut open: Vec<usize> = Vec::new(); // ends of enclosing ranges
        for (s, e, id) in ranges {
            while open.last().is_some_and(|&end| end <= s) {
                open.pop();
            }
            wraps.push(Wrap {
                first: frag(s),
                end: frag(e - 1).max(frag(s)) + 1,
                id,
                depth: open.len(),
            });
            open.push(e);
        }
        plan.nodes.push(NodePlan {
            node: n,
            cuts,
            wraps,
        });
    }
    plan
}

/// Steps 1 and 2: cleaned, sorted spans cut into nested-or-disjoint pieces, in start order
/// (outer first).
fn laminarize(text: &str, spans: &[Span]) -> Vec<Piece> {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    // Min-heap on (start, longer first, rank, id).
    let mut queue: BinaryHeap<Reverse<QueueKey>> = spans
        .iter()
        .filter_map(|s| {
            let (start, end) = (floor(s.start), floor(s.end));
            (start < end).then_some(Reverse((start, Reverse(end), s.rank, s.id)))
        })
        .collect();
    let mut pieces = Vec::with_capacity(queue.len());
    let mut open: Vec<usize> = Vec::new(); // ends of the open pieces, innermost last
    while let Some(Reverse((start, Reverse(end), rank, id))) = queue.pop() {
        while open.last().is_some_and(|&e| e <= start) {
            open.pop();
        }
        let end = match open.last() {
            Some(&outer_end) if end > outer_end => {
                queue.push(Reverse((outer_end, Reverse(end), rank, id)));
                outer_end
            }
            _ => end,
        };
        pieces.push(Piece { start, end, id });
        open.push(end);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies a plan to a model of the DOM: each node a list of fragments, marks as
    /// `[id:...]`; returns the rendering.
    fn render(layout: &Layout, plan: &Plan) -> String {
        let mut out = String::new();
        for n in 0..layout.node_count() {
            let (s, e) = layout.node_range(n).unwrap();
            let data = &layout.text()[s..e];
            match plan.nodes.iter().find(|p| p.node == n) {
                None => out.push_str(data),
                Some(p) => {
                    let mut bounds = vec![0];
                    bounds.extend(p.cuts.iter().map(|c| c.byte));
                    bounds.push(data.len());
                    for f in 0..bounds.len() - 1 {
                        for w in p.wraps.iter().filter(|w| w.first == f) {
                            out.push_str(&format!("[{}:", w.id));
                        }
                        out.push_str(&data[bounds[f]..bounds[f + 1]]);
                        for _ in p.wraps.iter().filter(|w| w.end == f + 1) {
                            out.push(']');
                        }
                    }
                }
            }
            out.push('|');
        }
        out
    }

    fn span(text: &str, needle: &str, id: usize) -> Span {
        let start = text.find(needle).expect(needle);
        Span {
            start,
            end: start + needle.len(),
            id,
            rank: 0,
        }
    }

    #[test]
    fn a_name_split_by_an_element_becomes_two_marks_with_one_id() {
        let mut l = Layout::new();
        l.push_text("😀 José ");
        l.push_text("Grant");
        l.push_text(" Shapps said.");
        let s = span(l.text(), "Grant Shapps", 7);
        let p = plan(&l, &[s]);
        assert_eq!(render(&l, &p), "😀 José |[7:Grant]|[7: Shapps] said.|");
        assert_eq!(p.mark_count(), 2);
        // UTF-16 cut inside the third node: " Shapps" is 7 units.
        assert_eq!(p.nodes[1].cuts, vec![Cut { unit: 7, byte: 7 }]);
    }

    #[test]
    fn utf16_cuts_count_emoji_as_two_units() {
        // Guards the classic bug: highlights shifted by one after an emoji.
        let mut l = Layout::new();
        l.push_text("é😀 Grant Shapps");
        let s = span(l.text(), "Grant", 0);
        let p = plan(&l, &[s]);
        assert_eq!(p.nodes[0].cuts[0].unit, "é😀 ".encode_utf16().count());
        assert_eq!(p.nodes[0].cuts[1].unit, "é😀 Grant".encode_utf16().count());
        assert_eq!(render(&l, &p), "é😀 [0:Grant] Shapps|");
    }

    #[test]
    fn virtual_breaks_separate_blocks_and_are_never_wrapped() {
        let mut l = Layout::new();
        l.push_text("“We will act,");
        l.push_break();
        l.push_text("\n  ");
        l.push_break();
        l.push_text("and soon”");
        assert_eq!(l.text(), "“We will act,\n\n  \nand soon”");
        let p = plan(
            &l,
            &[Span {
                start: 0,
                end: l.text().len(),
                id: 3,
                rank: 0,
            }],
        );
        // The whitespace-only node in between is left alone.
        assert_eq!(render(&l, &p), "[3:“We will act,]|\n  |[3:and soon”]|");
        let mut l = Layout::new();
        l.push_break();
        assert_eq!(l.text(), "");
    }

    #[test]
    fn nested_annotations_become_nested_marks() {
        let mut l = Layout::new();
        l.push_text("x “Shapps met Putin on Monday.” y");
        let t = l.text().to_string();
        let q = Span {
            rank: 0,
            ..span(&t, "“Shapps met Putin on Monday.”", 0)
        };
        let p = plan(
            &l,
            &[
                span(&t, "Putin", 1),
                span(&t, "Monday", 2),
                q,
                span(&t, "Shapps", 3),
            ],
        );
        assert_eq!(
            render(&l, &p),
            "x [0:“[3:Shapps] met [1:Putin] on [2:Monday].”] y|"
        );
        let depths: Vec<_> = p.nodes[0].wraps.iter().map(|w| (w.id, w.depth)).collect();
        assert_eq!(depths, vec![(0, 0), (3, 1), (1, 1), (2, 1)]);
    }

    #[test]
    fn equal_ranges_nest_by_rank() {
        let mut l = Layout::new();
        l.push_text("“Paris”");
        let n = l.text().len();
        let p = plan(
            &l,
            &[
                Span {
                    start: 0,
                    end: n,
                    id: 1,
                    rank: 2,
                },
                Span {
                    start: 0,
                    end: n,
                    id: 0,
                    rank: 1,
                },
            ],
        );
        assert_eq!(render(&l, &p), "[0:[1:“Paris”]]|");
    }

    #[test]
    fn crossing_annotations_are_cut_to_nest() {
        let mut l = Layout::new();
        l.push_text("ab cd ef");
        let p = plan(
            &l,
            &[
                Span {
                    start: 0,
                    end: 5,
                    id: 0,
                    rank: 0,
                },
                Span {
                    start: 3,
                    end: 8,
                    id: 1,
                    rank: 0,
                },
            ],
        );
        assert_eq!(render(&l, &p), "[0:ab [1:cd]][1: ef]|");
    }

    #[test]
    fn bad_spans_are_clamped_or_dropped_without_panicking() {
        let mut l = Layout::new();
        l.push_text("é😀");
        let spans = [
            Span {
                start: 1,
                end: 3,
                id: 0,
                rank: 0,
            }, // inside é and inside 😀 -> [0, 2)
            Span {
                start: 4,
                end: 2,
                id: 1,
                rank: 0,
            }, // reversed
            Span {
                start: 50,
                end: 90,
                id: 2,
                rank: 0,
            }, // past the end
        ];
        let p = plan(&l, &spans);
        assert_eq!(render(&l, &p), "[0:é]😀|");
        assert_eq!(plan(&Layout::new(), &spans), Plan::default());
    }

    #[test]
    fn many_nodes_and_spans_stay_fast() {
        let mut l = Layout::new();
        for i in 0..50_000 {
            l.push_text("Grant ");
            if i % 2 == 0 {
                l.push_break();
            }
        }
        let spans: Vec<Span> = (0..l.text().len() / 7)
            .map(|i| Span {
                start: i * 7,
                end: i * 7 + 5,
                id: i,
                rank: 0,
            })
            .collect();
        let t = std::time::Instant::now();
        let p = plan(&l, &spans);
        assert!(p.mark_count() > 10_000);
        assert!(t.elapsed().as_secs() < 5);
    }
}
