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
    #[wasm_bindgen(catch, js_name = clearMarks)]
    fn clear_marks(root: &Element, selector: &str) -> Result<(), JsValue>;
}

/// What dom.js's `collectText` puts in its lengths for a block boundary.
const BREAK: u32 = u32::MAX;

/// The text of a subtree, and the DOM nodes behind it.
pub struct Collected {
    pub layout: Layout,
    /// A JS array: element `i` is the layout's node `i` (a `Text`).
    pub nodes: JsValue,
    /// Raw date strings the page states about itself, best first.
    pub date_hints: Vec<String>,
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
/// conversion for the whole text.
pub fn collect(root: &Element) -> Collected {
    let parts = collect_text(root);
    let nodes = parts.get(0);
    let text = parts.get(1).as_string().unwrap_or_default();
    let items = parts
        .get(2)
        .dyn_into::<Uint32Array>()
        .map(|a| a.to_vec())
        .unwrap_or_default();
    let hints: Array = parts.get(3).dyn_into().unwrap_or_default();
    let mut layout = Layout::new();
    // Walk `text` once, node by node, turning each node's UTF-16 length into bytes.
    let mut chars = text.char_indices();
    let mut at = 0; // byte offset of the next node in `text`
    for units in items {
        if units == BREAK {
            layout.push_break();
            continue;
        }
        let mut left = units as usize;
        let mut end = at;
        while left > 0 {
            let Some((i, c)) = chars.next() else { break };
            end = i + c.len_utf8();
            left = left.saturating_sub(c.len_utf16());
        }
        layout.push_text(text.get(at..end).unwrap_or(""));
        at = end;
    }
    let date_hints = hints.iter().filter_map(|h| h.as_string()).collect();
    Collected {
        layout,
        nodes,
        date_hints,
    }
}

/// The plan as dom.js's `applyPlan` reads it: node plans back to front, each `node, cut
/// count, cuts..., wrap count, (first, end, id, part)...`.
pub fn encode_plan(plan: &Plan) -> Vec<u32> {
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
        ops.push(u(np.node));
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

/// Per annotation id, the attributes of its marks (without `data-part`), as the JSON dom.js
/// reads: `[[name, value, ...], ...]`.
pub fn attributes_json(summary: &Summary) -> String {
    let list: Vec<Vec<String>> = summary
        .annotations
        .iter()
        .enumerate()
        .map(|(id, a)| {
            mark_attributes(a, id, Part::Only)
                .into_iter()
                .flat_map(|(k, v)| [k.to_string(), v])
                .collect()
        })
        .collect();
    serde_json::to_string(&list).unwrap_or_else(|_| "[]".into())
}

/// Applies `plan` (made over `nodes`' layout) with the attributes of `summary`'s annotations;
/// returns the number of marks made.
pub fn apply(nodes: &JsValue, plan: &Plan, summary: &Summary) -> Result<usize, Error> {
    if plan.nodes.is_empty() {
        return Ok(0);
    }
    let ops = encode_plan(plan);
    let made = apply_plan(nodes, &ops, &attributes_json(summary))
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
    clear(root)?;
    let Collected {
        layout,
        nodes,
        date_hints,
    } = collect(root);
    let mut document = text::read(layout.text(), InputKind::Text);
    document.date_hints.splice(0..0, date_hints);
    let analysis = analyze(document)?;
    if analysis.document.text != layout.text() {
        return Err(Error::invalid_input(
            "highlight: the analysis is of another text than the page's",
        ));
    }
    let (spans, mut summary) = select(&analysis, labels);
    let plan = plan::plan(&layout, &spans);
    match apply(&nodes, &plan, &summary) {
        Ok(marks) => summary.marks = marks,
        Err(e) => {
            let _ = clear(root);
            return Err(e);
        }
    }
    Ok(summary)
}
