// The DOM half of `highlight` / `clearHighlights` (see src/highlight/dom.rs for the contract).
//
// Bundled by wasm-bindgen as a snippet module next to article_annotator.js (no eval, no
// inline script: works under `script-src 'self' 'wasm-unsafe-eval'`). Rust decides what to
// do (the plan, the attributes); these three functions do it with one call from wasm each,
// instead of one call per node, attribute and mark. Never innerHTML: the article's text
// only ever goes into Text nodes and attribute values.

const SKIPPED = new Set([
  "script", "style", "textarea", "input", "select", "noscript", "template", "svg", "math",
  "iframe", "object", "canvas", "head",
]);

const BLOCKS = new Set([
  "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl",
  "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
  "h6", "header", "hr", "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
  "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
]);

const DATE_META =
  "meta[property='article:published_time'], meta[name='article:published_time'], " +
  "meta[itemprop='datePublished'], meta[name='date']";

const PARTS = [null, "first", "middle", "last"];

/** Per root, the token of the `runSlices` run that may still mark it. */
const running = new WeakMap();

/**
 * Calls `step()` once now and then once per task (setTimeout 0, so that the page handles
 * input and paints in between) until it returns something other than undefined, which the
 * promise resolves to; a throw rejects it. A later `clearMarks` of the same root (which
 * `highlight` and `clearHighlights` begin with) or another run on it cancels this one: the
 * promise rejects and nothing more is marked.
 */
export function runSlices(root, step) {
  const token = {};
  running.set(root, token);
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (running.get(root) !== token) {
        reject(new Error("highlightAsync: cancelled by a later highlight or clearHighlights of the same root"));
        return;
      }
      let r;
      try {
        r = step();
      } catch (e) {
        running.delete(root);
        reject(e);
        return;
      }
      if (r === undefined) {
        setTimeout(tick, 0);
      } else {
        running.delete(root);
        resolve(r);
      }
    };
    tick();
  });
}

/** Text nodes this module split off (merged back by `clearMarks`). */
const split = new WeakSet();

/** `items` entry of a block boundary in `collectText`. */
const BREAK = 0xffffffff;

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function wellFormed(s) {
  if (typeof s.isWellFormed === "function") return s.isWellFormed() ? s : s.toWellFormed();
  return s.replace(LONE, "\uFFFD");
}

function skipped(el) {
  if (SKIPPED.has(el.localName.toLowerCase())) return true;
  const ce = el.getAttribute("contenteditable");
  return ce !== null && ce.toLowerCase() !== "false";
}

function isBlock(node) {
  return node.nodeType === 1 && BLOCKS.has(node.localName.toLowerCase());
}

/**
 * Reads the text of `root` without recursion (first child / next sibling / parent).
 * Returns [nodes, text, items, hints]: the Text nodes in document order; the concatenation
 * of their data (each node's lone surrogates replaced by U+FFFD, as Rust's string
 * conversion does per node, so that a pair split across two nodes stays two characters);
 * `items`, in order, each node's length in UTF-16 units, or BREAK for a block boundary;
 * the raw date strings the page states (meta tags of the owner document, then
 * `<time datetime>`).
 */
export function collectText(root) {
  const nodes = [];
  const items = [];
  const texts = [];
  const hints = [];
  const done = () => [nodes, texts.join(""), Uint32Array.from(items), hints];
  const doc = root.ownerDocument;
  if (doc) {
    for (const m of doc.querySelectorAll(DATE_META)) {
      const v = m.getAttribute("content");
      if (v !== null) hints.push(v);
    }
  }
  if (skipped(root) || root.isContentEditable === true) return done();
  let node = root;
  for (;;) {
    let descend = false;
    const type = node.nodeType;
    if (type === 3 || type === 4) {
      const data = wellFormed(node.data);
      nodes.push(node);
      texts.push(data);
      items.push(data.length);
    } else if (type === 1 && !skipped(node)) {
      if (isBlock(node)) items.push(BREAK);
      if (node.localName.toLowerCase() === "time") {
        const v = node.getAttribute("datetime");
        if (v !== null) hints.push(v);
      }
      descend = true;
    }
    if (descend) {
      const child = node.firstChild;
      if (child) {
        node = child;
        continue;
      }
      if (isBlock(node)) items.push(BREAK);
    }
    for (;;) {
      if (node === root) return done();
      const next = node.nextSibling;
      if (next) {
        node = next;
        break;
      }
      const parent = node.parentNode;
      if (!parent) return done();
      node = parent;
      if (isBlock(node)) items.push(BREAK);
    }
  }
}

/**
 * Applies a plan. `ops` (Uint32Array), per node plan, *back to front*:
 *   node index, cut count, cuts (UTF-16 units)..., wrap count, per wrap: first fragment,
 *   end fragment, annotation id, part (0 only, 1 first, 2 middle, 3 last).
 * `attrsJson`: JSON array indexed by annotation id of [name, value, name, value, ...].
 * Returns the number of marks made.
 */
export function applyPlan(nodes, ops, attrsJson) {
  const attrs = JSON.parse(attrsJson);
  let made = 0;
  let i = 0;
  const n = ops.length;
  while (i < n) {
    const node = nodes[ops[i++]];
    const ncuts = ops[i++];
    const cutsAt = i;
    i += ncuts;
    const nwraps = ops[i++];
    const wrapsAt = i;
    i += 4 * nwraps;
    const parent = node && node.parentNode;
    const doc = node && node.ownerDocument;
    if (!parent || !doc) continue;
    const data = node.data;
    const len = data.length;
    if (ncuts > 0 && ops[cutsAt + ncuts - 1] >= len) continue; // the node changed under us
    // Fragments: the node itself (head, shortened), then new nodes for the rest.
    const frags = [node];
    const next = node.nextSibling;
    for (let c = 0; c < ncuts; c++) {
      const end = c + 1 < ncuts ? ops[cutsAt + c + 1] : len;
      const piece = doc.createTextNode(data.slice(ops[cutsAt + c], end));
      parent.insertBefore(piece, next);
      split.add(piece);
      frags.push(piece);
    }
    if (ncuts > 0) node.deleteData(ops[cutsAt], len - ops[cutsAt]);
    for (let w = 0; w < nwraps; w++) {
      const o = wrapsAt + 4 * w;
      const first = frags[ops[o]];
      const list = attrs[ops[o + 2]];
      if (!first || !list) continue;
      const at = first.parentNode;
      if (!at) continue;
      const mark = doc.createElement("mark");
      for (let a = 0; a + 1 < list.length; a += 2) mark.setAttribute(list[a], list[a + 1]);
      const part = PARTS[ops[o + 3]];
      if (part) mark.setAttribute("data-part", part);
      at.insertBefore(mark, first);
      const end = Math.min(ops[o + 1], frags.length);
      for (let f = ops[o]; f < end; f++) mark.appendChild(frags[f]);
      made++;
    }
  }
  return made;
}

/**
 * Removes every mark matching `selector` under `root` (innermost first) and merges each
 * text node we split off back into the node before it.
 */
export function clearMarks(root, selector) {
  running.delete(root);
  const marks = root.querySelectorAll(selector);
  const parents = new Set();
  // Document order puts an outer mark before the marks inside it: go backwards.
  for (let i = marks.length - 1; i >= 0; i--) {
    const mark = marks[i];
    const parent = mark.parentNode;
    if (!parent) continue;
    let child;
    while ((child = mark.firstChild)) parent.insertBefore(child, mark);
    parent.removeChild(mark);
    parents.add(parent);
  }
  for (const parent of parents) {
    if (!parent.parentNode && parent !== root) continue; // an outer mark of ours, now detached
    mergeSplitChildren(parent);
  }
}

function mergeSplitChildren(parent) {
  let child = parent.firstChild;
  while (child) {
    const head = child;
    child = head.nextSibling;
    if (head.nodeType !== 3) continue;
    let joined = null;
    while (child && child.nodeType === 3 && split.has(child)) {
      const tail = child;
      child = tail.nextSibling;
      joined = (joined === null ? head.data : joined) + tail.data;
      split.delete(tail);
      parent.removeChild(tail);
    }
    if (joined !== null) head.data = joined;
  }
}
