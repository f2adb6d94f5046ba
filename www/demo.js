// The demo page: loads a sample article, highlights it with the widget, and fills the side
// panel (legend with toggles, entities by canonical name, who said what, a timeline of the
// normalised dates, exports, timings). Pasted or dropped HTML is parsed with DOMParser into
// an inert document and rebuilt element by element from an allow-list (no scripts, no event
// handlers, no styles, no images): nothing the user pastes is ever executed or injected as
// live markup.

import {
  load,
  timings,
  annotate,
  ArticleAnnotator,
  KINDS,
  LABELS,
  describe,
  toWebAnnotations,
  toDisplacy,
} from "./widget.js";

const $ = (sel) => document.querySelector(sel);
const article = $("#article");
const statusEl = $("#status");
const hidden = new Set();
let widget = null;
let current = { name: "", source: "" };

// ------------------------------------------------------------------ sanitising

const DROP = new Set([
  "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "FRAME", "FRAMESET", "OBJECT", "EMBED",
  "APPLET", "SVG", "MATH", "CANVAS", "VIDEO", "AUDIO", "SOURCE", "TRACK", "PICTURE", "IMG",
  "SELECT", "TEXTAREA", "INPUT", "BUTTON", "OPTION", "HEAD", "TITLE", "META", "LINK", "BASE",
  "PORTAL", "DIALOG",
]);
const KEEP = new Set([
  "ARTICLE", "SECTION", "HEADER", "FOOTER", "MAIN", "ASIDE", "DIV", "P", "H1", "H2", "H3", "H4",
  "H5", "H6", "BLOCKQUOTE", "Q", "CITE", "EM", "STRONG", "B", "I", "U", "S", "SMALL", "SUB",
  "SUP", "SPAN", "A", "BR", "HR", "UL", "OL", "LI", "DL", "DT", "DD", "FIGURE", "FIGCAPTION",
  "TIME", "ABBR", "CODE", "PRE", "TABLE", "THEAD", "TBODY", "TFOOT", "TR", "TD", "TH",
  "CAPTION", "ADDRESS", "DEL", "INS", "KBD", "VAR", "WBR",
]);
const ATTRS = new Set(["datetime", "title", "lang", "dir", "colspan", "rowspan"]);

/**
 * Rebuilds the article part of an untrusted HTML string as fresh, inert DOM nodes of this
 * document. Returns { fragment, title }. Iterative (no recursion), linear in the input.
 */
export function sanitize(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  let source = doc.body;
  let best = -1;
  for (const candidate of doc.querySelectorAll("article, main, [role=main]")) {
    const n = candidate.textContent.length;
    if (n > best) {
      best = n;
      source = candidate;
    }
  }
  const fragment = document.createDocumentFragment();
  if (!source) return { fragment, title: doc.title || "" };
  // Depth-first, children pushed in reverse, so nodes are appended in document order; an
  // element outside the allow-list is dropped but its content goes to its parent.
  const stack = [];
  const pushChildren = (node, parent) => {
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push([c, parent]);
  };
  pushChildren(source, fragment);
  while (stack.length) {
    const [node, parent] = stack.pop();
    if (node.nodeType === Node.TEXT_NODE) {
      parent.appendChild(document.createTextNode(node.data));
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const tag = node.tagName.toUpperCase();
    if (DROP.has(tag)) continue;
    if (!KEEP.has(tag)) {
      pushChildren(node, parent);
      continue;
    }
    const el = document.createElement(tag.toLowerCase());
    for (const attr of node.attributes) {
      const name = attr.name.toLowerCase();
      if (ATTRS.has(name)) el.setAttribute(name, attr.value);
    }
    if (tag === "A") {
      const href = (node.getAttribute("href") || "").trim();
      if (/^(https?:|mailto:|#)/i.test(href)) {
        el.setAttribute("href", href);
        el.setAttribute("rel", "noopener noreferrer nofollow");
        el.setAttribute("target", "_blank");
      }
    }
    parent.appendChild(el);
    pushChildren(node, el);
  }
  return { fragment, title: doc.title || "" };
}

function looksLikeHtml(s) {
  return /<(!doctype|html|head|body|article|main|section|div|p|h[1-6]|span|a|br|ul|ol|li|table|blockquote|time|em|strong|b|i|figure|script|img)\b[^>]*>/i.test(s);
}

// ------------------------------------------------------------------ rendering

function setStatus(message, kind = "info") {
  statusEl.textContent = message;
  statusEl.dataset.kind = kind;
}

function fmtMs(ms) {
  if (ms == null) return "…";
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/**
 * Shows `input` in the article pane (as text or as cleaned HTML) and highlights it.
 * `mode`: "auto" | "text" | "html".
 */
function show(input, { mode = "auto", referenceDate, name = "Your article" } = {}) {
  if (widget) {
    widget.clear();
    widget = null;
  }
  const html = mode === "html" || (mode === "auto" && looksLikeHtml(input));
  let ref = referenceDate || undefined;
  if (html) {
    const { fragment } = sanitize(input);
    if (!ref) {
      // The page's own date (article:published_time, <time datetime>, JSON-LD ...), read by
      // the core from the original markup; only the reference date is used from it.
      try {
        const meta = annotate(input, { input: "html", kinds: ["date"] });
        ref = meta.referenceDate || undefined;
      } catch {
        ref = undefined;
      }
    }
    article.replaceChildren(fragment);
    article.classList.remove("is-text");
  } else {
    const body = document.createElement("div");
    body.className = "plain-text";
    body.textContent = input;
    article.replaceChildren(body);
    article.classList.add("is-text");
  }
  current = { name, source: input };
  const labels = Object.values(KINDS).flat().filter((l) => !hidden.has(l));
  widget = new ArticleAnnotator(article, { referenceDate: ref, labels });
  let summary;
  try {
    summary = widget.run();
  } catch (err) {
    setStatus(`Could not annotate: ${err.message || err}`, "error");
    throw err;
  }
  const n = summary.annotations.length;
  $("#t-annotate").textContent = fmtMs(widget.elapsed);
  $("#t-size").textContent = `${summary.text.length.toLocaleString("en")} chars`;
  $("#ref-date-shown").textContent = summary.referenceDate ? `Dates resolved against ${summary.referenceDate}` : "No reference date found";
  setStatus(`${name}: ${n} annotation${n === 1 ? "" : "s"} in ${fmtMs(widget.elapsed)}.`);
  renderPanel();
  return summary;
}

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "class") e.className = v;
    else if (k === "dataset") Object.assign(e.dataset, v);
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (v != null) e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

function renderPanel() {
  renderLegend();
  renderEntities();
  renderQuotes();
  renderTimeline();
}

const KIND_NAMES = { entity: "Entities", quote: "Quotations", date: "Dates and times" };

function renderLegend() {
  const counts = widget.counts();
  const legend = $("#legend");
  legend.replaceChildren();
  for (const [kind, labels] of Object.entries(KINDS)) {
    const group = el("div", { class: "legend-group", role: "group", "aria-label": KIND_NAMES[kind] },
      el("span", { class: "legend-kind" }, KIND_NAMES[kind]));
    for (const label of labels) {
      const on = !hidden.has(label);
      const button = el(
        "button",
        {
          type: "button",
          class: `legend-item aa-${kind} aa-${label}`,
          "aria-pressed": String(on),
          dataset: { label, kind },
          title: `${on ? "Hide" : "Show"} ${LABELS[label].toLowerCase()} highlights`,
          onclick: () => toggleLabel(label),
        },
        el("span", { class: "swatch", "aria-hidden": "true" }),
        el("span", { class: "legend-name" }, LABELS[label]),
        el("span", { class: "legend-count", "data-count": String(counts[label] || 0) }, String(counts[label] || 0)),
      );
      group.append(button);
    }
    legend.append(group);
  }
}

function toggleLabel(label) {
  if (hidden.has(label)) hidden.delete(label);
  else hidden.add(label);
  if (widget) widget.setLabelVisible(label, !hidden.has(label));
  renderLegend();
  const button = $(`#legend [data-label="${label}"]`);
  if (button) button.focus();
}

function heads() {
  return widget.heads({ visibleOnly: false }).map((mark) => ({ mark, a: widget.annotationOf(mark) }));
}

function jump(mark) {
  if (hidden.has(mark.dataset.label)) toggleLabel(mark.dataset.label);
  widget.focus(mark);
}

function renderEntities() {
  const groups = new Map();
  for (const h of heads()) {
    if (h.a.kind !== "entity") continue;
    const name = h.a.entity || h.a.text;
    if (!groups.has(name)) groups.set(name, { name, labels: new Map(), marks: [], forms: new Set(), next: 0 });
    const g = groups.get(name);
    g.marks.push(h.mark);
    g.forms.add(h.a.text);
    g.labels.set(h.a.label, (g.labels.get(h.a.label) || 0) + 1);
  }
  // One row per canonical name; its label is the one most of its mentions carry.
  for (const g of groups.values()) g.label = [...g.labels].sort((x, y) => y[1] - x[1])[0][0];
  const list = [...groups.values()].sort((x, y) => y.marks.length - x.marks.length || x.name.localeCompare(y.name));
  const ol = $("#entities");
  ol.replaceChildren();
  $("#entities-count").textContent = list.length ? String(list.length) : "";
  if (!list.length) ol.append(el("li", { class: "empty" }, "No names found."));
  for (const g of list) {
    const others = [...g.forms].filter((f) => f !== g.name);
    const button = el(
      "button",
      {
        type: "button",
        class: "entity",
        title: `Step through the ${g.marks.length} mention${g.marks.length === 1 ? "" : "s"}`,
        onclick: () => {
          const mark = g.marks[g.next % g.marks.length];
          g.next++;
          button.querySelector(".pos").textContent = `${((g.next - 1) % g.marks.length) + 1}/${g.marks.length}`;
          jump(mark);
        },
      },
      el("span", { class: `chip aa-${g.label}` }, g.label),
      el("span", { class: "entity-name" }, g.name, others.length ? el("span", { class: "aka" }, ` also “${others.join("”, “")}”`) : null),
      el("span", { class: "pos", "aria-hidden": "true" }),
      el("span", { class: "mentions" }, `×${g.marks.length}`),
    );
    ol.append(el("li", {}, button));
  }
}

function truncate(s, n) {
  return s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s;
}

function renderQuotes() {
  const groups = new Map();
  let total = 0;
  for (const h of heads()) {
    if (h.a.kind !== "quote") continue;
    total++;
    const s = h.a.speaker;
    const who = s ? s.entity || s.text : "Not attributed";
    if (!groups.has(who)) groups.set(who, []);
    groups.get(who).push(h);
  }
  const box = $("#quotes");
  box.replaceChildren();
  $("#quotes-count").textContent = total ? String(total) : "";
  if (!total) box.append(el("p", { class: "empty" }, "No direct quotations found."));
  for (const [who, items] of groups) {
    const list = el("ul", { class: "quote-list" });
    for (const h of items) {
      list.append(
        el("li", {},
          el("button", { type: "button", class: "quote", onclick: () => jump(h.mark) },
            el("span", { class: "quote-text" }, truncate(h.a.text, 160)),
            h.a.cue ? el("span", { class: "cue" }, h.a.cue) : null)));
    }
    box.append(el("div", { class: "speaker" }, el("h3", {}, who, el("span", { class: "count" }, String(items.length))), list));
  }
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function humanValue(v) {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(v);
  if (m) {
    const day = `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] || m[2]} ${m[1]}`;
    return m[4] ? `${day}, ${m[4]}:${m[5]}` : day;
  }
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) return `${MONTHS[Number(m[2]) - 1] || m[2]} ${m[1]}`;
  m = /^(\d{4})-W(\d{2})$/.exec(v);
  if (m) return `Week ${Number(m[2])}, ${m[1]}`;
  return v;
}

function renderTimeline() {
  const dated = [];
  const other = [];
  for (const h of heads()) {
    if (h.a.kind !== "date") continue;
    const v = h.a.value || "";
    if (/^\d{4}/.test(v)) dated.push(h);
    else other.push(h);
  }
  dated.sort((x, y) => (x.a.value < y.a.value ? -1 : x.a.value > y.a.value ? 1 : 0));
  const ol = $("#timeline");
  ol.replaceChildren();
  $("#timeline-count").textContent = dated.length + other.length ? String(dated.length + other.length) : "";
  if (!dated.length && !other.length) ol.append(el("li", { class: "empty" }, "No dates found."));
  const item = (h, cls) =>
    el("li", { class: cls },
      el("button", { type: "button", class: `when aa-${h.a.label}`, onclick: () => jump(h.mark) },
        el("span", { class: "when-value" }, h.a.value ? humanValue(h.a.value) : "?"),
        el("span", { class: "when-text" }, `“${truncate(h.a.text, 60)}”`),
        el("code", { class: "when-timex" }, h.a.value || "")));
  for (const h of dated) ol.append(item(h, "dated"));
  for (const h of other) ol.append(item(h, "undated"));
}

function showSelected(a) {
  const dl = $("#selected");
  dl.replaceChildren();
  const row = (k, v) => {
    if (v == null || v === "") return;
    dl.append(el("dt", {}, k), el("dd", {}, String(v)));
  };
  row("Label", `${LABELS[a.label] || a.label} (${a.label})`);
  row("Text", truncate(a.text, 300));
  row("Refers to", a.entity);
  if (a.kind === "quote") row("Speaker", a.speaker ? a.speaker.entity || a.speaker.text : "not named");
  row("Cue", a.cue);
  row("TIMEX3 value", a.value);
  if (a.start != null) row("Offsets", `${a.start}–${a.end} (UTF-16)`);
  $("#selected-card").hidden = false;
}

// ------------------------------------------------------------------ exports

function download(name, data, type = "application/json") {
  const blob = new Blob([JSON.stringify(data, null, 2) + "\n"], { type });
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function slug() {
  return (current.name || "article").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "article";
}

$("#export-json").addEventListener("click", () => {
  if (!widget) return;
  const s = widget.summary;
  download(`${slug()}.annotations.json`, { referenceDate: s.referenceDate, text: s.text, annotations: s.annotations });
});
$("#export-wa").addEventListener("click", () => {
  if (widget) download(`${slug()}.jsonld`, widget.toWebAnnotations(), "application/ld+json");
});
$("#export-displacy").addEventListener("click", () => {
  if (widget) download(`${slug()}.displacy.json`, widget.toDisplacy({ title: current.name }));
});

// ------------------------------------------------------------------ wiring

article.addEventListener("article-annotator:select", (e) => showSelected(e.detail));

async function loadSample(button) {
  for (const b of document.querySelectorAll(".sample")) b.setAttribute("aria-pressed", String(b === button));
  const path = button.dataset.sample;
  setStatus(`Loading ${path}…`);
  const res = await fetch(path);
  if (!res.ok) throw new Error(`could not fetch ${path}: HTTP ${res.status}`);
  const body = await res.text();
  show(body, { mode: path.endsWith(".html") ? "html" : "text", name: button.firstChild.textContent.trim() });
}

for (const button of document.querySelectorAll(".sample")) {
  button.addEventListener("click", () => loadSample(button).catch((err) => setStatus(err.message, "error")));
}

const form = $("#paste-form");
const input = $("#paste-input");
form.addEventListener("submit", (e) => {
  e.preventDefault();
  const text = input.value;
  if (!text.trim()) {
    setStatus("Paste some text or HTML first.", "error");
    input.focus();
    return;
  }
  const mode = form.elements.mode.value;
  const referenceDate = $("#ref-date").value || undefined;
  for (const b of document.querySelectorAll(".sample")) b.setAttribute("aria-pressed", "false");
  try {
    show(text, { mode, referenceDate, name: "Your article" });
  } catch {
    /* reported in the status line */
  }
});

async function takeFile(file) {
  if (!file) return;
  if (file.size > 8 * 1024 * 1024) {
    setStatus(`${file.name} is ${(file.size / 1048576).toFixed(1)} MB; the demo takes files up to 8 MB.`, "error");
    return;
  }
  input.value = await file.text();
  form.elements.mode.value = /\.html?$/i.test(file.name) ? "html" : /\.txt$/i.test(file.name) ? "text" : "auto";
  $("#paste").open = true;
  form.requestSubmit();
}

$("#file-input").addEventListener("change", (e) => takeFile(e.target.files[0]));
const dropZone = $("#paste");
for (const type of ["dragenter", "dragover"]) {
  dropZone.addEventListener(type, (e) => {
    e.preventDefault();
    dropZone.classList.add("dragging");
  });
}
dropZone.addEventListener("dragleave", () => dropZone.classList.remove("dragging"));
dropZone.addEventListener("drop", (e) => {
  e.preventDefault();
  dropZone.classList.remove("dragging");
  const file = e.dataTransfer && e.dataTransfer.files[0];
  if (file) takeFile(file).catch((err) => setStatus(err.message, "error"));
  else if (e.dataTransfer) {
    const text = e.dataTransfer.getData("text/html") || e.dataTransfer.getData("text/plain");
    if (text) {
      input.value = text;
      form.requestSubmit();
    }
  }
});
// A file dropped anywhere else must not replace the page.
window.addEventListener("dragover", (e) => e.preventDefault());
window.addEventListener("drop", (e) => e.preventDefault());

async function main() {
  setStatus("Loading the WebAssembly core…");
  try {
    await load();
  } catch (err) {
    setStatus(`Could not load the WebAssembly core (www/pkg; run \`make wasm\`): ${err.message || err}`, "error");
    document.documentElement.dataset.state = "error";
    return;
  }
  $("#t-load").textContent = fmtMs(timings.load);
  await loadSample(document.querySelector(".sample[aria-pressed=true]"));
  document.documentElement.dataset.state = "ready";
}

main().catch((err) => {
  setStatus(err.message || String(err), "error");
  document.documentElement.dataset.state = "error";
});

// For the page tests and the curious: the live widget and helpers.
window.articleAnnotatorDemo = { get widget() { return widget; }, show, sanitize, describe };
