//! Applies a highlight [`Plan`] to the live DOM with web-sys, and takes it away again.
//! (wasm32 only; the decisions are made in [`super::plan`] and [`super`], tested natively.)
//!
//! - [`collect`] walks the subtree iteratively (first child / next sibling / parent, no
//!   recursion, no stack: 100,000 nested `<div>`s are fine), pushing every text node into a
//!   [`Layout`] and a virtual break at each block-level element's start and end. It skips
//!   the content of `script`, `style`, `textarea`, `input`, `select`, `noscript`,
//!   `template`, `svg`, `math`, `iframe`, `object`, `canvas`, `head` and of every element
//!   with a `contenteditable` attribute other than `"false"` (and everything, when the root
//!   itself is inside an editor). It also gathers date hints:
//!   the owner document's `article:published_time` / `datePublished` meta, then every
//!   `<time datetime>` in the subtree.
//! - [`apply`] goes through the plan back to front. A node with cuts keeps its head piece
//!   (the same `Text` object, shortened with `deleteData`: page scripts holding it keep a
//!   live node) and gets new text nodes for the other pieces, made from JS string slices (so
//!   lone surrogates survive); each new node is remembered in a `WeakSet`. This costs
//!   O(node length) per node where repeated `splitText` would copy the head once per cut.
//!   Marks are made with `createElement("mark")` + `setAttribute`, outer first, and the
//!   fragments moved into them. Never `innerHTML`.
//! - [`clear`] unwraps every `mark.aa-mark[data-annotation-id]` under the root (innermost
//!   first) and merges each text node *we* split off back into the node before it, so that
//!   text nodes a page created side by side stay separate. Marks left by another copy of
//!   the module (saved HTML) are unwrapped but their text nodes stay split.

use js_sys::{Array, Uint32Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::plan::{self, Layout, Plan};
use super::{mark_attributes, parts, select, LabelFilter, Part, Summary, MARK_SELECTOR};
use crate::analyze::Analysis;
use crate::contract::InputKind;
use crate::error::Error;
use crate::text::{self, Document as TextDocument};

#[wasm_bindgen(module = "/src/highlight/dom.js")]
extern "C" {
    /// `[nodes, text, items, hints]` (see dom.js).
    #[wasm_bindgen(js_name = collectText)]
    fn collect_text(root: &Element) -> Array;
    #[wasm_bindgen(catch, js_name = applyPlan)]
    fn apply_plan(nodes: &JsValue, ops: &[u32], attrs_json: &str) -> Result<u32, JsValue>;
    /// Calls `step` in successive tasks until it returns something other than `undefined`;
    /// the promise resolves to that (see dom.js).
    #[wasm_bindgen(js_name = runSlices)]
    pub fn run_slices(root: &Element, step: &JsValue) -> js_sys::Promise;
    #[wasm_bindgen(catch, js_name = clearMarks)]
    fn clear_marks(root: &Element, selector: &str) -> Result<(), JsValue>;
}

/// What dom.js's `collectText` puts in its lengths for a block boundary.
const BREAK: u32 = u32::MAX;

/// The text of a subtree, and the DOM nodes behind it.
pub struct Collected {
    /// The text in slices (one, unless a slice size was asked for), in document order; their
    /// texts concatenated are the analysed text.
    pub chunks: Vec<Chunk>,
    /// A JS array: element `i` is text node `i` in document order (a `Text`).
    pub nodes: JsValue,
    /// Raw date strings the page states about itself, best first.
    pub date_hints: Vec<String>,
    /// Bytes of the whole analysed text.
    pub bytes: usize,
}

/// A slice of the analysed text: whole text nodes, ending at a block boundary.
pub struct Chunk {
    pub layout: Layout,
    /// Index in [`Collected::nodes`] of the layout's node 0.
    pub node_base: usize,
}

fn dom_error(what: &str, e: JsValue) -> Error {
    let detail = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into());
    Error::invalid_input(format!("{what}: the page refused a DOM change ({detail})"))
}

/// Reads the text of `root` (see the module docs): one call into dom.js, one string
/// conversion for the whole text. With `slice_bytes`, a new chunk starts at the first block
/// boundary after that many bytes (or, with no block boundary for four times as long, at the
/// first line end between two text nodes); a single text node is never cut.
pub fn collect(root: &Element, slice_bytes: Option<usize>) -> Collected {
    let parts = collect_text(root);
    let nodes = parts.get(0);
    let text = parts.get(1).as_string().unwrap_or_default();
    let items = parts
        .get(2)
        .dyn_into::<Uint32Array>()
        .map(|a| a.to_vec())
        .unwrap_or_default();
    let hints: Array = parts.get(3).dyn_into().unwrap_or_default();
    let limit = slice_bytes.unwrap_or(usize::MAX).max(1);
    let mut chunks = Vec::new();
    let mut layout = Layout::new();
    let mut node_base = 0;
    let mut node_count = 0;
    let mut after_break = false;
    // Walk `text` once, node by node, turning each node's UTF-16 length into bytes.
    let mut chars = text.char_indices();
    let mut at = 0; // byte offset of the next node in `text`
    for units in items {
        if units == BREAK {
            layout.push_break();
            after_break = true;
            continue;
        }
        let len = layout.text().len();
        if len >= limit
            && layout.text().ends_with('\n')
            && (after_break || len >= limit.saturating_mul(4))
        {
            chunks.push(Chunk {
                layout: std::mem::take(&mut layout),
                node_base,
            });
            node_base = node_count;
        }
        after_break = false;
        let mut left = units as usize;
        let mut end = at;
        while left > 0 {
            let Some((i, c)) = chars.next() else { break };
            end = i + c.len_utf8();
            left = left.saturating_sub(c.len_utf16());
        }
        layout.push_text(text.get(at..end).unwrap_or(""));
        node_count += 1;
        at = end;
    }
    chunks.push(Chunk { layout, node_base });
    let date_hints = hints.iter().filter_map(|h| h.as_string()).collect();
    Collected {
        chunks,
        nodes,
        date_hints,
        bytes: text.len(),
    }
}

/// The plan as dom.js's `applyPlan` reads it: node plans back to front, each `node, cut
/// count, cuts..., wrap count, (first, end, id, part)...`.
pub fn encode_plan(plan: &Plan, node_base: usize) -> Vec<u32> {
    let parts = parts(plan);
    let mut first_part = Vec::with_capacity(plan.nodes.len());
    let mut total = 0;
    for np in &plan.nodes {
        first_part.push(total);
        total += np.wraps.len();
    }
    let mut ops = Vec::with_capacity(plan.nodes.len() * 4 + total * 5);
    let u = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
    for (k, np) in plan.nodes.iter().enumerate().rev() {
        ops.push(u(node_base + np.node));
        ops.push(u(np.cuts.len()));
        ops.extend(np.cuts.iter().map(|c| u(c.unit)));
        ops.push(u(np.wraps.len()));
        for (j, w) in np.wraps.iter().enumerate() {
            let part = match parts.get(first_part[k] + j) {
                Some(Part::First) => 1,
                Some(Part::Middle) => 2,
                Some(Part::Last) => 3,
                _ => 0,
            };
            ops.extend([u(w.first), u(w.end), u(w.id), part]);
        }
    }
    ops
}

/// Per annotation of `summary`, the attributes of its marks (without `data-part`; the
/// annotation ids counted from `id_base`), as the JSON dom.js reads: `[[name, value, ...], ...]`.
pub fn attributes_json(summary: &Summary, id_base: usize) -> String {
    let list: Vec<Vec<String>> = summary
        .annotations
        .iter()
        .enumerate()
        .map(|(id, a)| {
            mark_attributes(a, id_base + id, Part::Only)
                .into_iter()
                .flat_map(|(k, v)| [k.to_string(), v])
                .collect()
        })
        .collect();
    serde_json::to_string(&list).unwrap_or_else(|_| "[]".into())
}

/// Applies `plan` (made over the layout of `chunk`) with the attributes of `summary`'s
/// annotations (ids from `id_base`); returns the number of marks made.
fn apply(
    nodes: &JsValue,
    plan: &Plan,
    node_base: usize,
    summary: &Summary,
    id_base: usize,
) -> Result<usize, Error> {
    if plan.nodes.is_empty() {
        return Ok(0);
    }
    let ops = encode_plan(plan, node_base);
    let made = apply_plan(nodes, &ops, &attributes_json(summary, id_base))
        .map_err(|e| dom_error("highlight", e))?;
    Ok(made as usize)
}

/// Removes every mark of ours under `root` and merges the text nodes we split.
pub fn clear(root: &Element) -> Result<(), Error> {
    clear_marks(root, MARK_SELECTOR).map_err(|e| dom_error("clearHighlights", e))
}

/// Clears `root`, reads its text, analyses it with `analyze` and marks what it found
/// (the labels `labels` allows). On a DOM error the marks made so far are removed again.
pub fn highlight_with(
    root: &Element,
    labels: &LabelFilter,
    analyze: impl FnOnce(TextDocument) -> Result<Analysis, Error>,
) -> Result<Summary, Error> {
    let mut slicer = Slicer::start(root, labels.clone(), None)?;
    let mut analyze = Some(analyze);
    slicer.step(|document, _| match analyze.take() {
        Some(f) => f(document),
        None => Err(Error::invalid_input("highlight: one analysis per call")),
    })?;
    Ok(slicer.finish())
}

/// `highlight` in slices: [`Slicer::start`] clears the root and reads its text (one
/// synchronous DOM read), then each [`Slicer::step`] analyses and marks one chunk, so that
/// the caller can yield to the page between steps. Chunks are analysed apart (an entity's
/// canonical name is chosen within its chunk); the reference date of the first chunk (or the
/// one given) is used for all.
pub struct Slicer {
    root: Element,
    labels: LabelFilter,
    nodes: JsValue,
    /// Still to do, in reverse order (`pop` gives the next).
    chunks: Vec<Chunk>,
    date_hints: Vec<String>,
    summary: Summary,
    /// UTF-16 units of the text of the chunks done.
    units: usize,
    /// The reference date the first chunk was analysed with.
    reference_date: Option<crate::calendar::CivilDate>,
    /// Chunks done.
    steps: usize,
}

impl Slicer {
    /// Clears `root` and reads its text in chunks of about `slice_bytes` (`None`: one chunk).
    /// Errors when the text is over [`crate::analyze::MAX_INPUT_BYTES`].
    pub fn start(
        root: &Element,
        labels: LabelFilter,
        slice_bytes: Option<usize>,
    ) -> Result<Slicer, Error> {
        clear(root)?;
        let c = collect(root, slice_bytes);
        let limit = crate::analyze::MAX_INPUT_BYTES;
        if c.bytes > limit {
            return Err(Error::invalid_input(format!(
                "the page's text is {} bytes; the limit is {} bytes ({} MiB)",
                c.bytes,
                limit,
                limit >> 20
            )));
        }
        let mut chunks = c.chunks;
        chunks.reverse();
        Ok(Slicer {
            root: root.clone(),
            labels,
            nodes: c.nodes,
            chunks,
            date_hints: c.date_hints,
            summary: Summary {
                annotations: Vec::new(),
                marks: 0,
                counts: Default::default(),
                text: String::with_capacity(c.bytes),
                reference_date: None,
            },
            units: 0,
            reference_date: None,
            steps: 0,
        })
    }

    pub fn done(&self) -> bool {
        self.chunks.is_empty()
    }

    /// Analyses and marks the next chunk with `analyze(document, reference date of the first
    /// chunk)`. On an error the marks made so far are removed and nothing is left to do.
    pub fn step(
        &mut self,
        analyze: impl FnOnce(
            TextDocument,
            Option<crate::calendar::CivilDate>,
        ) -> Result<Analysis, Error>,
    ) -> Result<(), Error> {
        let r = self.try_step(analyze);
        if r.is_err() {
            self.chunks.clear();
            let _ = clear(&self.root);
        }
        r
    }

    fn try_step(
        &mut self,
        analyze: impl FnOnce(
            TextDocument,
            Option<crate::calendar::CivilDate>,
        ) -> Result<Analysis, Error>,
    ) -> Result<(), Error> {
        let Some(chunk) = self.chunks.pop() else {
            return Ok(());
        };
        let first = self.steps == 0;
        self.steps += 1;
        let mut document = text::read(chunk.layout.text(), InputKind::Text);
        if first {
            document
                .date_hints
                .splice(0..0, std::mem::take(&mut self.date_hints));
        }
        let analysis = analyze(document, self.reference_date)?;
        if analysis.document.text != chunk.layout.text() {
            return Err(Error::invalid_input(
                "highlight: the analysis is of another text than the page's",
            ));
        }
        if first {
            self.reference_date = analysis.reference_date;
        }
        let id_base = self.summary.annotations.len();
        let (spans, part) = select(&analysis, &self.labels);
        let plan = plan::plan(&chunk.layout, &spans);
        self.summary.marks += apply(&self.nodes, &plan, chunk.node_base, &part, id_base)?;
        let shift = self.units;
        for mut a in part.annotations {
            a.start += shift;
            a.end += shift;
            if let Some(Some(sp)) = a.speaker.as_mut() {
                sp.start += shift;
                sp.end += shift;
            }
            self.summary.annotations.push(a);
        }
        for (label, n) in part.counts {
            *self.summary.counts.entry(label).or_insert(0) += n;
        }
        if first {
            self.summary.reference_date = part.reference_date;
        }
        self.units += chunk.layout.text().encode_utf16().count();
        self.summary.text.push_str(chunk.layout.text());
        Ok(())
    }

    /// The summary of everything marked.
    pub fn finish(self) -> Summary {
        self.summary
    }
}
