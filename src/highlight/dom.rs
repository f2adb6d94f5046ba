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

use js_sys::{JsString, Reflect, WeakSet};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CharacterData, Document, Element, HtmlElement, Node, Text};

use super::plan::{self, Layout, Plan};
use super::{mark_attributes, parts, select, LabelFilter, Summary, MARK_SELECTOR, MARK_TAG};
use crate::analyze::Analysis;
use crate::contract::InputKind;
use crate::error::Error;
use crate::text::{self, Document as TextDocument};

thread_local! {
    /// Text nodes this module split off (they are merged back by `clear`).
    static SPLIT: WeakSet = WeakSet::new();
}

/// Elements whose content is never analysed nor marked.
const SKIPPED: &[&str] = &[
    "script", "style", "textarea", "input", "select", "noscript", "template", "svg", "math",
    "iframe", "object", "canvas", "head",
];

/// Elements that start and end a line of the analysed text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

/// The text of a subtree, and the DOM nodes behind it.
pub struct Collected {
    pub layout: Layout,
    /// `nodes[i]` is the layout's node `i`.
    pub nodes: Vec<Text>,
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

fn skipped(el: &Element) -> bool {
    let name = el.local_name().to_ascii_lowercase();
    SKIPPED.contains(&name.as_str())
        || el
            .get_attribute("contenteditable")
            .is_some_and(|v| !v.eq_ignore_ascii_case("false"))
}

fn is_block(node: &Node) -> bool {
    node.dyn_ref::<Element>()
        .is_some_and(|el| BLOCKS.contains(&el.local_name().to_ascii_lowercase().as_str()))
}

/// Reads the text of `root` (see the module docs).
pub fn collect(root: &Element) -> Collected {
    let mut c = Collected {
        layout: Layout::new(),
        nodes: Vec::new(),
        date_hints: Vec::new(),
    };
    if let Some(doc) = root.owner_document() {
        let selector =
            "meta[property='article:published_time'], meta[name='article:published_time'], \
                        meta[itemprop='datePublished'], meta[name='date']";
        if let Ok(list) = doc.query_selector_all(selector) {
            for i in 0..list.length() {
                if let Some(v) = list
                    .item(i)
                    .and_then(|m| m.dyn_into::<Element>().ok())
                    .and_then(|m| m.get_attribute("content"))
                {
                    c.date_hints.push(v);
                }
            }
        }
    }
    // Inside an editor (an ancestor is contenteditable): nothing to mark.
    let editable = root
        .dyn_ref::<HtmlElement>()
        .is_some_and(|h| h.is_content_editable());
    if skipped(root) || editable {
        return c;
    }
    let root: &Node = root.as_ref();
    let mut node = root.clone();
    loop {
        // Enter `node`.
        let mut descend = false;
        match node.node_type() {
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE => {
                if let Ok(text) = node.clone().dyn_into::<Text>() {
                    c.layout.push_text(&text.data());
                    c.nodes.push(text);
                }
            }
            Node::ELEMENT_NODE => {
                let el: &Element = node.unchecked_ref();
                if !skipped(el) {
                    if is_block(&node) {
                        c.layout.push_break();
                    }
                    if el.local_name().eq_ignore_ascii_case("time") {
                        if let Some(v) = el.get_attribute("datetime") {
                            c.date_hints.push(v);
                        }
                    }
                    descend = true;
                }
            }
            _ => {}
        }
        if descend {
            if let Some(child) = node.first_child() {
                node = child;
                continue;
            }
            if is_block(&node) {
                c.layout.push_break();
            }
        }
        // Leave `node`: next sibling, or climb (leaving each parent) until there is one.
        loop {
            if node.is_same_node(Some(root)) {
                return c;
            }
            if let Some(next) = node.next_sibling() {
                node = next;
                break;
            }
            match node.parent_node() {
                Some(parent) => {
                    node = parent;
                    if is_block(&node) {
                        c.layout.push_break();
                    }
                }
                None => return c,
            }
        }
    }
}

/// Applies `plan` (made over `nodes`' layout) with the attributes of `summary`'s annotations;
/// returns the number of marks made.
pub fn apply(nodes: &[Text], plan: &Plan, summary: &Summary) -> Result<usize, Error> {
    let parts = parts(plan);
    // Index of each node plan's first wrap in `parts`.
    let mut first_part = Vec::with_capacity(plan.nodes.len());
    let mut total = 0;
    for np in &plan.nodes {
        first_part.push(total);
        total += np.wraps.len();
    }
    let mut made = 0;
    for (k, np) in plan.nodes.iter().enumerate().rev() {
        let Some(node) = nodes.get(np.node) else {
            continue;
        };
        let (Some(parent), Some(doc)) = (node.parent_node(), node.owner_document()) else {
            continue;
        };
        let data: JsString = Reflect::get(node, &JsValue::from_str("data"))
            .ok()
            .and_then(|d| d.dyn_into::<JsString>().ok())
            .unwrap_or_else(|| JsString::from(""));
        let len = data.length() as usize;
        if np.cuts.last().is_some_and(|c| c.unit >= len) {
            continue; // the node changed under us; leave it alone
        }
        // Fragments: the node itself (head), then new nodes for the rest.
        let mut frags: Vec<Text> = vec![node.clone()];
        let next = node.next_sibling();
        for (i, cut) in np.cuts.iter().enumerate() {
            let end = np.cuts.get(i + 1).map_or(len, |c| c.unit);
            let piece = doc.create_text_node("");
            Reflect::set(
                &piece,
                &JsValue::from_str("data"),
                &data.slice(cut.unit as u32, end as u32),
            )
            .map_err(|e| dom_error("highlight", e))?;
            parent
                .insert_before(&piece, next.as_ref())
                .map_err(|e| dom_error("highlight", e))?;
            SPLIT.with(|s| s.add(&piece));
            frags.push(piece);
        }
        if let Some(first) = np.cuts.first() {
            let head: &CharacterData = node.as_ref();
            head.delete_data(first.unit as u32, (len - first.unit) as u32)
                .map_err(|e| dom_error("highlight", e))?;
        }
        for (j, w) in np.wraps.iter().enumerate() {
            let (Some(annotation), Some(first)) =
                (summary.annotations.get(w.id), frags.get(w.first))
            else {
                continue;
            };
            let part = parts
                .get(first_part[k] + j)
                .copied()
                .unwrap_or(super::Part::Only);
            let mark = make_mark(&doc, annotation, w.id, part)?;
            let Some(at) = first.parent_node() else {
                continue;
            };
            at.insert_before(&mark, Some(first))
                .map_err(|e| dom_error("highlight", e))?;
            for f in frags.get(w.first..w.end.min(frags.len())).unwrap_or(&[]) {
                mark.append_child(f)
                    .map_err(|e| dom_error("highlight", e))?;
            }
            made += 1;
        }
    }
    Ok(made)
}

fn make_mark(
    doc: &Document,
    annotation: &crate::contract::Annotation,
    id: usize,
    part: super::Part,
) -> Result<Element, Error> {
    let mark = doc
        .create_element(MARK_TAG)
        .map_err(|e| dom_error("highlight", e))?;
    for (name, value) in mark_attributes(annotation, id, part) {
        mark.set_attribute(name, &value)
            .map_err(|e| dom_error("highlight", e))?;
    }
    Ok(mark)
}

/// Removes every mark of ours under `root` and merges the text nodes we split.
pub fn clear(root: &Element) -> Result<(), Error> {
    let marks = root
        .query_selector_all(MARK_SELECTOR)
        .map_err(|e| dom_error("clearHighlights", e))?;
    let parents = js_sys::Set::new(&JsValue::UNDEFINED);
    let mut parent_list: Vec<Node> = Vec::new();
    // Document order puts an outer mark before the marks inside it: go backwards so that
    // inner marks are unwrapped first.
    for i in (0..marks.length()).rev() {
        let Some(mark) = marks.item(i) else { continue };
        let Some(parent) = mark.parent_node() else {
            continue;
        };
        while let Some(child) = mark.first_child() {
            parent
                .insert_before(&child, Some(&mark))
                .map_err(|e| dom_error("clearHighlights", e))?;
        }
        parent
            .remove_child(&mark)
            .map_err(|e| dom_error("clearHighlights", e))?;
        if !parents.has(&parent) {
            parents.add(&parent);
            parent_list.push(parent);
        }
    }
    for parent in parent_list {
        if parent.parent_node().is_none() && !parent.is_same_node(Some(root.as_ref())) {
            continue; // an outer mark of ours, now detached and empty
        }
        merge_split_children(&parent);
    }
    Ok(())
}

fn was_split(node: &Node) -> bool {
    node.node_type() == Node::TEXT_NODE && SPLIT.with(|s| s.has(node))
}

/// Merges every run "text node, then text nodes we split off" among `parent`'s children.
fn merge_split_children(parent: &Node) {
    let mut child = parent.first_child();
    while let Some(head) = child {
        child = head.next_sibling();
        if head.node_type() != Node::TEXT_NODE {
            continue;
        }
        let mut joined: Option<JsString> = None;
        while let Some(tail) = child.clone().filter(was_split) {
            child = tail.next_sibling();
            let base = joined.take().unwrap_or_else(|| text_data(&head));
            joined = Some(base.concat(&text_data(&tail)));
            SPLIT.with(|s| s.delete(&tail));
            let _ = parent.remove_child(&tail);
        }
        if let Some(data) = joined {
            let _ = Reflect::set(&head, &JsValue::from_str("data"), &data);
        }
    }
}

fn text_data(node: &Node) -> JsString {
    Reflect::get(node, &JsValue::from_str("data"))
        .ok()
        .and_then(|d| d.dyn_into::<JsString>().ok())
        .unwrap_or_else(|| JsString::from(""))
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
