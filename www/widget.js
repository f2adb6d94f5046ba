// article-annotator: the embeddable widget (ES module, no dependencies beside ./pkg/).
//
// One call highlights an article on any page:
//
//   <link rel="stylesheet" href="/article-annotator/annotator.css">
//   <script type="module">
//     import { annotateArticle } from "/article-annotator/widget.js";
//     annotateArticle(document.querySelector("article"));
//   </script>
//
// or, without writing a script, wrap the article in the custom element (after importing
// widget.js once from a module script):
//
//   <article-annotator kinds="entity quote date" labels="PER ORG LOC QUOTE DATE"> ... </article-annotator>
//
// What it owns: loading the wasm core once (./pkg/article_annotator.js, built by wasm-pack),
// calling its `highlight(root)` (which wraps annotations in <mark class="aa-mark ..."> without
// rewriting the page), and everything interactive on top of the marks: keyboard focus and
// navigation (Tab, `]` / `[` and Alt+ArrowDown / Alt+ArrowUp), an accessible tooltip
// (role=tooltip, referenced by aria-describedby, shown on hover and on keyboard focus, Esc
// hides it), label filtering without touching the text (a `data-aa-hide` word list on the
// root that annotator.css reads), the `article-annotator:select` CustomEvent (click or Enter
// on a highlight), a MutationObserver for content added later (`observe: true`), and two
// exports: W3C Web Annotation JSON-LD and displaCy's manual format.
//
// It never uses eval, inline scripts or inline style attributes in markup (positions are set
// through the CSSOM), so it runs under `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.
//
// Not measured yet: screen-reader output beyond Chromium's accessibility tree; pages with
// shadow DOM (text inside shadow roots is not highlighted).

import init, { annotate, highlight, highlightAsync, clearHighlights } from "./pkg/article_annotator.js";

export { annotate, highlight, highlightAsync, clearHighlights };

/** Above this many characters, `annotateArticle` marks the root in slices (highlightAsync),
 * one per task, so that a very large page stays responsive while it is annotated. */
export const LARGE_TEXT = 200000;

/** Human names of the labels (tooltips, legends, screen readers). */
export const LABELS = {
  PER: "Person",
  ORG: "Organisation",
  LOC: "Place",
  MISC: "Other name",
  QUOTE: "Quotation",
  DATE: "Date",
  TIME: "Time",
  DURATION: "Duration",
  SET: "Recurring time",
};

/** The labels of each kind, in legend order. */
export const KINDS = {
  entity: ["PER", "ORG", "LOC", "MISC"],
  quote: ["QUOTE"],
  date: ["DATE", "TIME", "DURATION", "SET"],
};

const ALL_LABELS = Object.values(KINDS).flat();
const MARK = "mark.aa-mark";
const SELECT_EVENT = "article-annotator:select";

let loading = null;
/** Milliseconds the wasm core took to fetch, compile, instantiate and load its model. */
export const timings = { load: null };

/**
 * Loads the wasm core once (later calls return the same promise). Resolves to the load time
 * in milliseconds. `moduleOrPath` is passed to wasm-pack's `init` (default: the .wasm next to
 * the generated JS).
 */
export function load(moduleOrPath) {
  if (!loading) {
    const t0 = performance.now();
    const arg = moduleOrPath === undefined ? undefined : { module_or_path: moduleOrPath };
    loading = init(arg).then(() => {
      timings.load = performance.now() - t0;
      return timings.load;
    });
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/** A one-line description of an annotation, as the tooltip and screen readers give it. */
export function describe(a) {
  const name = LABELS[a.label] || a.label;
  if (a.kind === "entity") {
    return a.entity && a.entity !== a.text ? `${name}: ${a.entity}` : name;
  }
  if (a.kind === "quote") {
    const who = a.speaker && (a.speaker.entity || a.speaker.text);
    if (!who) return `${name}, speaker not named`;
    return `${name} by ${who}${a.cue ? ` (${a.cue})` : ""}`;
  }
  if (a.kind === "date") {
    return a.value ? `${name}: ${a.value}` : name;
  }
  return name;
}

function prefersReducedMotion() {
  return typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
}

function isEditable(el) {
  if (!el || el.nodeType !== 1) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}

function annotationFromMark(mark) {
  const d = mark.dataset;
  const a = { kind: d.kind, label: d.label, text: mark.textContent };
  if (d.entity) a.entity = d.entity;
  if (d.value) a.value = d.value;
  if (d.speaker) a.speaker = { text: d.speaker };
  return a;
}

let instances = 0;
const live = new Set();

/**
 * The interactive layer over one highlighted root. Create it with `annotateArticle`.
 */
export class ArticleAnnotator {
  constructor(root, options = {}) {
    if (!root || root.nodeType !== 1) {
      throw new TypeError(`annotateArticle needs an Element, not ${Object.prototype.toString.call(root)}`);
    }
    this.root = root;
    this.options = options;
    this.id = ++instances;
    /** The Summary of the last full `highlight(root)` call. */
    this.summary = null;
    /** Milliseconds the last full highlight took. */
    this.elapsed = null;
    this._info = new WeakMap(); // mark -> { key, annotation, head }
    this._heads = null; // cached: first mark of each annotation, in document order
    this._chunks = 0;
    this._hidden = new Set();
    if (options.labels) {
      const keep = new Set(options.labels);
      for (const l of ALL_LABELS) if (!keep.has(l)) this._hidden.add(l);
    }
    this._observer = null;
    this._pending = new Set();
    this._tip = null;
    this._tipFor = null;
    this._onKey = this._onKey.bind(this);
    this._onDocKey = this._onDocKey.bind(this);
    this._onFocusIn = this._onFocusIn.bind(this);
    this._onFocusOut = this._onFocusOut.bind(this);
    this._onOver = this._onOver.bind(this);
    this._onOut = this._onOut.bind(this);
    this._onClick = this._onClick.bind(this);
  }

  /** Options passed to the core's highlight(): kinds and referenceDate. */
  _coreOptions(extra = {}) {
    const o = {};
    if (this.options.kinds) o.kinds = [...this.options.kinds];
    const ref = extra.referenceDate || this.options.referenceDate;
    if (ref) o.referenceDate = ref;
    return o;
  }

  /** Highlights the whole root (again). Returns the core's Summary. */
  run() {
    this._pause();
    try {
      if (this.summary) this._clearMarks();
      const t0 = performance.now();
      this.summary = highlight(this.root, this._coreOptions());
      this.elapsed = performance.now() - t0;
      this._register(this.root, this.summary);
      this.root.classList.add("aa-root");
      this._applyHidden();
    } finally {
      this._resume();
    }
    if (!this._listening) this._listen();
    return this.summary;
  }

  /** Like run(), but marks the root in slices (one per task) so the page stays responsive. */
  async runAsync() {
    this._pause();
    try {
      if (this.summary) this._clearMarks();
      const t0 = performance.now();
      this.summary = await highlightAsync(this.root, this._coreOptions());
      this.elapsed = performance.now() - t0;
      this._register(this.root, this.summary);
      this.root.classList.add("aa-root");
      this._applyHidden();
    } finally {
      this._resume();
    }
    if (!this._listening) this._listen();
    return this.summary;
  }

  _register(scope, summary) {
    const chunk = this._chunks++;
    const anns = (summary && summary.annotations) || [];
    const tipId = this._tooltip().id;
    const seen = new Set();
    for (const mark of scope.querySelectorAll(MARK)) {
      if (this._info.has(mark)) continue;
      const rawId = mark.getAttribute("data-annotation-id");
      const index = Number(rawId);
      const annotation = (Number.isInteger(index) && anns[index]) || annotationFromMark(mark);
      const key = `${chunk}:${rawId}`;
      const head = !seen.has(key);
      seen.add(key);
      this._info.set(mark, { key, annotation, head });
      mark.setAttribute("tabindex", head ? "0" : "-1");
      mark.setAttribute("aria-describedby", tipId);
    }
    this._heads = null;
  }

  /** The first mark of every annotation, in document order (visible labels only if asked). */
  heads({ visibleOnly = true } = {}) {
    if (!this._heads) {
      this._heads = [];
      for (const mark of this.root.querySelectorAll(MARK)) {
        const info = this._info.get(mark);
        if (info && info.head) this._heads.push(mark);
      }
    }
    return visibleOnly ? this._heads.filter((m) => !this._hidden.has(m.dataset.label)) : this._heads.slice();
  }

  /** Every annotation highlighted so far, in document order. */
  get annotations() {
    return this.heads({ visibleOnly: false }).map((m) => this._info.get(m).annotation);
  }

  /** The annotation a mark belongs to (or null). */
  annotationOf(mark) {
    const info = mark && this._info.get(mark);
    return info ? info.annotation : null;
  }

  /** All marks (pieces) of the annotation `mark` belongs to. */
  piecesOf(mark) {
    const info = this._info.get(mark);
    if (!info) return [];
    return [...this.root.querySelectorAll(MARK)].filter((m) => {
      const i = this._info.get(m);
      return i && i.key === info.key;
    });
  }

  /** Counts per label of the highlighted annotations. */
  counts() {
    const counts = Object.fromEntries(ALL_LABELS.map((l) => [l, 0]));
    for (const a of this.annotations) counts[a.label] = (counts[a.label] || 0) + 1;
    return counts;
  }

  /** Shows or hides the highlights of one label (the text never changes). */
  setLabelVisible(label, visible) {
    if (visible) this._hidden.delete(label);
    else this._hidden.add(label);
    this._applyHidden();
  }

  isLabelVisible(label) {
    return !this._hidden.has(label);
  }

  _applyHidden() {
    const words = [...this._hidden].join(" ");
    if (words) this.root.setAttribute("data-aa-hide", words);
    else this.root.removeAttribute("data-aa-hide");
    for (const mark of this.root.querySelectorAll(MARK)) {
      const info = this._info.get(mark);
      if (!info) continue;
      const hidden = this._hidden.has(mark.dataset.label);
      mark.setAttribute("tabindex", info.head && !hidden ? "0" : "-1");
      if (hidden) mark.removeAttribute("aria-describedby");
      else mark.setAttribute("aria-describedby", this._tooltip().id);
    }
    if (this._tipFor && this._hidden.has(this._tipFor.dataset.label)) this.hideTooltip();
  }

  /** Moves focus to the next (step 1) or previous (step -1) visible annotation. */
  move(step = 1) {
    const heads = this.heads();
    if (!heads.length) return null;
    const active = document.activeElement;
    const current = active && active.closest ? active.closest(MARK) : null;
    let index;
    if (current && this.root.contains(current)) {
      const info = this._info.get(current);
      const head = info && (info.head ? current : this.heads({ visibleOnly: false }).find((m) => this._info.get(m).key === info.key));
      const at = heads.indexOf(head);
      if (at >= 0) index = at + step;
      else index = firstAfter(heads, current, step);
    } else if (active && active !== document.body && this.root.contains(active)) {
      index = firstAfter(heads, active, step);
    } else {
      index = step > 0 ? 0 : heads.length - 1;
    }
    index = ((index % heads.length) + heads.length) % heads.length;
    return this.focus(heads[index]);
  }

  next() {
    return this.move(1);
  }

  previous() {
    return this.move(-1);
  }

  /** Focuses a mark (scrolling it into view) and marks all its pieces as current. */
  focus(mark) {
    if (!mark) return null;
    for (const m of this.root.querySelectorAll("mark.aa-current")) m.classList.remove("aa-current");
    for (const m of this.piecesOf(mark)) m.classList.add("aa-current");
    mark.focus({ preventScroll: true });
    mark.scrollIntoView({ block: "center", inline: "nearest", behavior: prefersReducedMotion() ? "auto" : "smooth" });
    this.showTooltip(mark);
    return this.annotationOf(mark);
  }

  /** Dispatches `article-annotator:select` from the mark, with the annotation as detail. */
  select(mark) {
    const annotation = this.annotationOf(mark);
    if (!annotation) return;
    mark.dispatchEvent(new CustomEvent(SELECT_EVENT, { detail: annotation, bubbles: true, composed: true }));
  }

  _tooltip() {
    if (!this._tip) {
      const tip = document.createElement("div");
      tip.className = "aa-tooltip";
      tip.id = `aa-tooltip-${this.id}`;
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      // Outside the root, so the article's textContent never changes; outside <body> when
      // the root is the body itself.
      const host = this.root === document.body || !document.body ? document.documentElement : document.body;
      host.appendChild(tip);
      this._tip = tip;
    }
    return this._tip;
  }

  showTooltip(mark) {
    const annotation = this.annotationOf(mark);
    if (!annotation || this._hidden.has(mark.dataset.label)) return;
    const tip = this._tooltip();
    tip.replaceChildren();
    const title = document.createElement("strong");
    title.className = `aa-tooltip-label aa-${annotation.label}`;
    title.textContent = LABELS[annotation.label] || annotation.label;
    tip.appendChild(title);
    const line = (name, value) => {
      if (!value) return;
      const row = document.createElement("span");
      row.className = "aa-tooltip-row";
      const k = document.createElement("span");
      k.className = "aa-tooltip-key";
      k.textContent = `${name} `;
      const v = document.createElement("span");
      v.className = "aa-tooltip-value";
      v.textContent = value;
      row.append(k, v);
      tip.appendChild(row);
    };
    if (annotation.kind === "entity") line("Refers to", annotation.entity || annotation.text);
    if (annotation.kind === "quote") {
      const s = annotation.speaker;
      line("Speaker", s ? s.entity || s.text : "not named");
      line("Cue", annotation.cue);
    }
    if (annotation.kind === "date") line("Value", annotation.value);
    tip.hidden = false;
    const rect = mark.getBoundingClientRect();
    const top = rect.bottom + window.scrollY + 6;
    const maxLeft = document.documentElement.clientWidth - tip.offsetWidth - 8 + window.scrollX;
    tip.style.top = `${top}px`;
    tip.style.left = `${Math.max(window.scrollX + 4, Math.min(rect.left + window.scrollX, maxLeft))}px`;
    this._tipFor = mark;
  }

  hideTooltip() {
    if (this._tip) this._tip.hidden = true;
    this._tipFor = null;
  }

  /** The listeners a live annotator keeps: [target, event, handler]. */
  _listeners() {
    const r = this.root;
    return [
      [r, "keydown", this._onKey],
      [r, "focusin", this._onFocusIn],
      [r, "focusout", this._onFocusOut],
      [r, "mouseover", this._onOver],
      [r, "mouseout", this._onOut],
      [r, "click", this._onClick],
      [document, "keydown", this._onDocKey],
    ];
  }

  _listen() {
    this._listening = true;
    for (const [target, type, fn] of this._listeners()) target.addEventListener(type, fn);
    live.add(this);
  }

  _unlisten() {
    this._listening = false;
    for (const [target, type, fn] of this._listeners()) target.removeEventListener(type, fn);
    live.delete(this);
  }

  _navKey(e) {
    if (e.ctrlKey || e.metaKey) return 0;
    if (!e.altKey && e.key === "]") return 1;
    if (!e.altKey && e.key === "[") return -1;
    if (e.altKey && e.key === "ArrowDown") return 1;
    if (e.altKey && e.key === "ArrowUp") return -1;
    return 0;
  }

  _onKey(e) {
    if (isEditable(e.target)) return;
    const step = this._navKey(e);
    if (step) {
      e.preventDefault();
      e.stopPropagation();
      this.move(step);
      return;
    }
    const mark = e.target.closest && e.target.closest(MARK);
    if (!mark || !this._info.has(mark)) return;
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      this.select(mark);
    } else if (e.key === "Escape") {
      this.hideTooltip();
    }
  }

  // `]` / `[` with nothing focused (focus on <body>) go to the first registered widget.
  _onDocKey(e) {
    if (e.defaultPrevented) return;
    const active = document.activeElement;
    if (active && active !== document.body && active !== document.documentElement) {
      if (e.key === "Escape" && this._tipFor) this.hideTooltip();
      return;
    }
    if ([...live][0] !== this) return;
    const step = this._navKey(e);
    if (step) {
      e.preventDefault();
      this.move(step);
    }
  }

  _onFocusIn(e) {
    const mark = e.target.closest && e.target.closest(MARK);
    if (mark && this._info.has(mark)) this.showTooltip(mark);
  }

  _onFocusOut() {
    this.hideTooltip();
  }

  _onOver(e) {
    const mark = e.target.closest && e.target.closest(MARK);
    if (mark && this._info.has(mark) && !this._hidden.has(mark.dataset.label)) this.showTooltip(mark);
  }

  _onOut(e) {
    const to = e.relatedTarget && e.relatedTarget.closest ? e.relatedTarget.closest(MARK) : null;
    if (to && this._info.has(to)) return;
    const active = document.activeElement;
    if (active && active.closest && active.closest(MARK) && this.root.contains(active)) {
      this.showTooltip(active.closest(MARK));
    } else {
      this.hideTooltip();
    }
  }

  _onClick(e) {
    const mark = e.target.closest && e.target.closest(MARK);
    if (!mark || !this._info.has(mark) || this._hidden.has(mark.dataset.label)) return;
    this.select(mark);
  }

  /** Watches the root for content added later and highlights only what is new. */
  observe() {
    if (this._observer) return;
    this._observer = new MutationObserver((records) => this._onMutations(records));
    this._resume();
  }

  _pause() {
    if (this._observer) {
      this._pending = new Set([...this._pending, ...this._targets(this._observer.takeRecords())]);
      this._observer.disconnect();
    }
  }

  _resume() {
    if (this._observer) {
      this._observer.observe(this.root, { childList: true, subtree: true, characterData: true });
    }
  }

  _targets(records) {
    const targets = [];
    for (const r of records) {
      const nodes = r.type === "childList" ? [...r.addedNodes] : [r.target];
      for (const node of nodes) {
        let el = node.nodeType === 1 ? node : node.parentElement;
        if (!el || !el.isConnected || !this.root.contains(el)) continue;
        if (this._tip && this._tip.contains(el)) continue;
        // New content inside an existing highlight is left alone (wrapping it again would
        // nest marks); new content elsewhere is highlighted on its own.
        if (el.closest(MARK)) continue;
        targets.push(el);
      }
    }
    return targets;
  }

  _onMutations(records) {
    for (const t of this._targets(records)) this._pending.add(t);
    if (this._scheduled) return;
    this._scheduled = true;
    queueMicrotask(() => {
      this._scheduled = false;
      const targets = [...this._pending].filter((t) => t.isConnected && this.root.contains(t));
      this._pending.clear();
      const outer = targets.filter((t) => !targets.some((o) => o !== t && o.contains(t)));
      if (!outer.length) return;
      this._pause();
      try {
        for (const t of outer) {
          if (!t.textContent.trim()) continue;
          const ref = this.summary && this.summary.referenceDate;
          const summary = highlight(t, this._coreOptions(ref ? { referenceDate: ref } : {}));
          this._register(t, summary);
        }
        this._applyHidden();
      } finally {
        this._pending.clear();
        this._resume();
      }
      this.root.dispatchEvent(new CustomEvent("article-annotator:update", { bubbles: true, detail: { added: outer.length } }));
    });
  }

  _clearMarks() {
    clearHighlights(this.root);
    this._info = new WeakMap();
    this._heads = null;
  }

  /** Removes every highlight and listener; the page is as it was. */
  clear() {
    this._pause();
    if (this._observer) this._observer = null;
    this._unlisten();
    this._clearMarks();
    this.hideTooltip();
    if (this._tip) this._tip.remove();
    this._tip = null;
    this.root.removeAttribute("data-aa-hide");
    this.root.classList.remove("aa-root");
    if (!this.root.classList.length) this.root.removeAttribute("class");
    this.summary = null;
  }

  /** W3C Web Annotation JSON-LD of the root's highlights (see `toWebAnnotations`). */
  toWebAnnotations(options = {}) {
    return toWebAnnotations(this.summary, { source: location.href, ...options });
  }

  /** displaCy's manual format of the root's highlights (see `toDisplacy`). */
  toDisplacy(options = {}) {
    return toDisplacy(this.summary, options);
  }
}

function firstAfter(heads, node, step) {
  if (step > 0) {
    const i = heads.findIndex((m) => node.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING);
    return i < 0 ? 0 : i;
  }
  for (let i = heads.length - 1; i >= 0; i--) {
    if (node.compareDocumentPosition(heads[i]) & Node.DOCUMENT_POSITION_PRECEDING) return i;
  }
  return heads.length - 1;
}

/**
 * Highlights `root` and makes the highlights interactive. Options (all optional):
 * `kinds` (subset of ["entity", "quote", "date"]), `labels` (labels shown at first; the others
 * are found but not shown), `referenceDate` ("YYYY-MM-DD"), `observe` (highlight content added
 * later). Resolves to an `ArticleAnnotator`; its `summary` is the core's Summary.
 */
export async function annotateArticle(root, options = {}) {
  await load(options.wasm);
  const widget = new ArticleAnnotator(root, options);
  if ((root.textContent || "").length > LARGE_TEXT) await widget.runAsync();
  else widget.run();
  if (options.observe) widget.observe();
  return widget;
}

// ---------------------------------------------------------------- exports

/**
 * Maps UTF-16 offsets (JavaScript string indices, the contract's unit) to Unicode code point
 * offsets (the unit of W3C TextPositionSelector and of Python/spaCy). Linear in the text.
 */
export function codePointOffsets(text) {
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        map[i + 1] = cp; // inside a pair: same code point
        i++;
      }
    }
    cp++;
  }
  map[text.length] = cp;
  return (i) => map[Math.max(0, Math.min(text.length, i))];
}

function resultText(result) {
  if (!result) throw new TypeError("expected an annotate() result or a highlight() summary, not " + result);
  if (typeof result.text === "string") return result.text;
  throw new TypeError("the result has no `text`: pass { text } with the analysed text");
}

/**
 * W3C Web Annotation Data Model (JSON-LD) for a result: an AnnotationPage whose items each
 * target `source` with a TextQuoteSelector (exact, 32 characters of prefix and suffix) and a
 * TextPositionSelector (start/end in Unicode code points, as the model specifies). The label
 * is a `classifying` body; the canonical entity an `identifying` body; a date's TIMEX3 value
 * and a quote's speaker `describing` bodies.
 */
export function toWebAnnotations(result, { source = "urn:article-annotator:document", text } = {}) {
  const full = text ?? resultText(result);
  const cp = codePointOffsets(full);
  const items = (result.annotations || []).map((a, i) => {
    const body = [{ type: "TextualBody", purpose: "classifying", value: a.label, format: "text/plain" }];
    if (a.entity) body.push({ type: "TextualBody", purpose: "identifying", value: a.entity, format: "text/plain" });
    if (a.value) body.push({ type: "TextualBody", purpose: "describing", value: `TIMEX3 ${a.value}`, format: "text/plain" });
    if (a.kind === "quote") {
      const who = a.speaker ? a.speaker.entity || a.speaker.text : null;
      body.push({ type: "TextualBody", purpose: "describing", value: who ? `speaker: ${who}` : "speaker: not named", format: "text/plain" });
    }
    return {
      id: `${source}#aa-${i}`,
      type: "Annotation",
      motivation: a.kind === "entity" ? "identifying" : "classifying",
      generator: { type: "Software", name: "article-annotator" },
      body,
      target: {
        source,
        selector: [
          {
            type: "TextQuoteSelector",
            exact: full.slice(a.start, a.end),
            prefix: full.slice(Math.max(0, a.start - 32), a.start),
            suffix: full.slice(a.end, a.end + 32),
          },
          { type: "TextPositionSelector", start: cp(a.start), end: cp(a.end) },
        ],
      },
    };
  });
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: `${source}#aa-annotations`,
    type: "AnnotationPage",
    items,
  };
}

/**
 * displaCy's manual format `{ text, ents: [{ start, end, label }], title }` for
 * `displacy.render(doc, style="ent", manual=True)`. Offsets are code points (Python string
 * indices) unless `units: "utf16"`. displaCy cannot draw overlapping spans, so by default
 * only entities and dates are included (quotes contain entities); overlapping spans that
 * remain are dropped, keeping the earlier, longer one.
 */
export function toDisplacy(result, { kinds = ["entity", "date"], units = "codepoint", title = null } = {}) {
  const text = resultText(result);
  const cp = units === "utf16" ? (i) => i : codePointOffsets(text);
  const wanted = new Set(kinds);
  const spans = (result.annotations || [])
    .filter((a) => wanted.has(a.kind))
    .slice()
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const ents = [];
  let end = -1;
  for (const a of spans) {
    if (a.start < end) continue;
    ents.push({ start: cp(a.start), end: cp(a.end), label: a.label });
    end = a.end;
  }
  return { text, ents, title };
}

// ---------------------------------------------------------------- custom element

/**
 * `<article-annotator>`: highlights its children once connected. Attributes: `kinds` and
 * `labels` (space- or comma-separated lists), `reference-date`, `observe` (boolean). The
 * ArticleAnnotator is `element.annotator`; `element.ready` resolves to it.
 */
export class ArticleAnnotatorElement extends HTMLElement {
  connectedCallback() {
    if (this.ready) return;
    const list = (name) => {
      const v = this.getAttribute(name);
      return v ? v.split(/[\s,]+/).filter(Boolean) : undefined;
    };
    const options = {
      kinds: list("kinds"),
      labels: list("labels"),
      referenceDate: this.getAttribute("reference-date") || undefined,
      observe: this.hasAttribute("observe"),
    };
    this.ready = annotateArticle(this, options).then((widget) => {
      this.annotator = widget;
      this.dispatchEvent(new CustomEvent("article-annotator:ready", { bubbles: true, detail: widget.summary }));
      return widget;
    });
    this.ready.catch((err) => {
      this.dispatchEvent(new CustomEvent("article-annotator:error", { bubbles: true, detail: err }));
    });
  }

  disconnectedCallback() {
    // Keep the highlights when the element is moved; drop the observer and listeners only
    // when asked (`element.annotator.clear()`).
  }
}

if (typeof customElements !== "undefined" && !customElements.get("article-annotator")) {
  customElements.define("article-annotator", ArticleAnnotatorElement);
}
