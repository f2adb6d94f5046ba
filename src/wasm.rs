//! The JavaScript API (design.md, contract 2): `annotate`, `highlight`, `clearHighlights`.
//!
//! Owns: reading the options from JavaScript values (every bad value or unknown key is a JS
//! `Error` whose message names it), turning results into plain JS objects (the same plain
//! objects, `null` never `undefined`, as `serde_wasm_bindgen`'s json-compatible serializer
//! gives), and the TypeScript declarations of the package (the custom section below;
//! the generated signatures are skipped so that the options and results have real types).
//!
//! How results cross: `highlight`'s summary is serialized to JSON in Rust and read by one
//! `JSON.parse` (a third of the cost of serde_wasm_bindgen, which crosses once per key and
//! value). `annotate`, the call a page makes on every view, goes further: a small JSON
//! skeleton, then the annotations in a compact form of integers and one string of names and
//! values per chunk ([`analyze::Analysis::write_compact`]), from which `src/annotations.js`
//! builds the objects with object literals, slicing their texts from the input string. On
//! the seed article that took the result's share of a call from ~10% (JSON.parse of 8.5 KB
//! and its UTF-8 decoding) to ~2%. The chunks (64 Ki words) keep a 5 MB article's result
//! from sitting in wasm memory whole.
//!
//! `highlight` itself lives in [`crate::highlight`]; this module only parses its options.
//! `highlightAsync` is the same in slices of about 64 KiB of text, one per task
//! ([`crate::highlight::dom::Slicer`]), for pages too large to mark in one go without
//! freezing; both refuse a text over [`MAX_INPUT_BYTES`] (32 MiB) with an Error naming the
//! size. `observe` (annotating content a page adds later) is not here: the widget
//! (`www/widget.js`, `annotateArticle(root, { observe: true })`) does it with a
//! MutationObserver that calls `highlight` on each new subtree outside existing marks, so
//! nothing already marked is wrapped again; `highlight(root, { observe })` throws an Error
//! saying so.
//! No panic hook is installed: nothing here panics on any input (and the release build
//! aborts on panic, so a panic would be a bug to fix, not an error to catch).

use js_sys::{Array, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::analyze::{self, MAX_INPUT_BYTES};
use crate::contract::{Options, Settings};
use crate::highlight::{dom, LabelFilter};

#[wasm_bindgen(typescript_custom_section)]
const TS_API: &'static str = r#"
/** What an annotation is. */
export type Kind = "entity" | "quote" | "date";
/** CoNLL-2003 entity labels, QUOTE, and the TIMEX3 types. */
export type Label = "PER" | "ORG" | "LOC" | "MISC" | "QUOTE" | "DATE" | "TIME" | "DURATION" | "SET";

export interface AnnotateOptions {
  /** "YYYY-MM-DD": the date relative expressions resolve against. Default: the date the article states. */
  referenceDate?: string | null;
  /** Which kinds to report; default all three. */
  kinds?: Kind[];
  /** How to read the input; default "auto" (markup when it looks like markup). */
  input?: "text" | "html" | "auto";
}

export interface Speaker {
  text: string;
  /** UTF-16 code units into the analysed text. */
  start: number;
  end: number;
  entity?: string;
}

export interface Annotation {
  kind: Kind;
  label: Label;
  /** UTF-16 code units into the analysed text, end exclusive: text.slice(start, end). */
  start: number;
  end: number;
  text: string;
  /** Entities: the canonical name of what the mention refers to. */
  entity?: string;
  /** Quotes: who the words are attributed to (null when nobody is named). */
  speaker?: Speaker | null;
  /** Quotes: the reporting cue ("said", "according to"). */
  cue?: string;
  /** Dates: the TIMEX3 value ("2023-12-30", "P3D", "PRESENT_REF"). */
  value?: string;
}

export interface Metadata {
  title: string | null;
  byline: string | null;
  published: string | null;
  language: string | null;
}

export interface Result {
  referenceDate: string | null;
  annotations: Annotation[];
  /** HTML input only: the article text the offsets point into. */
  text?: string;
  /** HTML input only. */
  metadata?: Metadata;
}

export interface HighlightOptions {
  /** "YYYY-MM-DD"; default: the date the page states (meta tags, <time datetime>, a "date" first line, a byline date). */
  referenceDate?: string | null;
  kinds?: Kind[];
  /** Only mark annotations with these labels; default all. */
  labels?: Label[];
}

export interface Summary {
  /** What was marked, with UTF-16 offsets into `text`. */
  annotations: Annotation[];
  /** How many <mark> elements were made (an annotation crossing elements makes several). */
  marks: number;
  /** Annotations per label. */
  counts: Partial<Record<Label, number>>;
  /** The analysed text: the root's text nodes, with "\n" at block-element boundaries. */
  text: string;
  referenceDate: string | null;
}

/**
 * Finds entities, quotations and dates in `input` (plain text or HTML).
 * Throws an Error naming the offending value for a bad option or an unknown option key.
 */
export function annotate(input: string, options?: AnnotateOptions): Result;

/**
 * Annotates the text of `root` in place: wraps every annotation in
 * <mark class="aa-mark aa-KIND aa-LABEL" data-annotation-id data-kind data-label
 * [data-entity] [data-speaker] [data-cue] [data-value] [data-part]> elements.
 * Keeps every existing node, attribute and listener; skips script, style, textarea, input,
 * select, noscript, template, svg, math, iframe and contenteditable content; removes its
 * previous marks first (calling it twice gives the same DOM as once).
 */
export function highlight(root: Element, options?: HighlightOptions): Summary;
// Throws when the root's text is over 32 MiB (MAX_INPUT_BYTES). Content the page adds later is
// not watched here: that is the widget's `observe` option (www/widget.js); `observe` passed
// here is an unknown option and throws.

export interface HighlightAsyncOptions extends HighlightOptions {
  /** Bytes of text (UTF-8) per slice, default 65536; a slice ends at a block boundary. */
  sliceBytes?: number;
}

/**
 * `highlight` for very large pages: reads the text at once, then analyses and marks it in
 * slices of about `sliceBytes`, one per task, so the page stays responsive. Slices are
 * analysed apart (an entity's canonical name is chosen within its slice; the first slice's
 * reference date is used for all). Rejects (never throws) on a bad option, a page text over
 * 32 MiB, or when a later highlight/clearHighlights of the same root cancels it.
 */
export function highlightAsync(root: Element, options?: HighlightAsyncOptions): Promise<Summary>;

/** Removes every mark `highlight` made under `root`; the DOM is as before. */
export function clearHighlights(root: Element): void;
"#;

fn js_error(message: impl AsRef<str>) -> JsValue {
    js_sys::Error::new(message.as_ref()).into()
}

/// `value` as a plain JS object: serialized to JSON in Rust and parsed by `JSON.parse`. One
/// string crosses into JS instead of one per key and value (serde_wasm_bindgen's
/// json-compatible serializer made ~50,000 crossings for 3,400 annotations); the objects are
/// the same (plain objects and arrays, `null` for none).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let json = serde_json::to_string(value)
        .map_err(|e| js_error(format!("could not build the result: {e}")))?;
    js_sys::JSON::parse(&json)
        .map_err(|_| js_error("could not build the result: JSON.parse failed"))
}

/// A short description of a JS value for error messages: `"abc"`, `42`, `[1,2]`, `a function`.
fn describe(value: &JsValue) -> String {
    if let Some(s) = value.as_string() {
        return format!("{s:?}");
    }
    if value.is_undefined() {
        return "undefined".into();
    }
    if value.is_function() {
        return "a function".into();
    }
    if value.is_symbol() {
        return "a symbol".into();
    }
    match js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
    {
        Some(s) if s.chars().count() > 60 => format!("{}…", s.chars().take(60).collect::<String>()),
        Some(s) => s,
        None => value
            .js_typeof()
            .as_string()
            .unwrap_or_else(|| "a value".into()),
    }
}

/// The own enumerable keys of `options` with their values; `undefined`/`null` = no options.
fn entries(function: &str, options: &JsValue) -> Result<Vec<(String, JsValue)>, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Vec::new());
    }
    if !options.is_object() || options.is_function() || Array::is_array(options) {
        return Err(js_error(format!(
            "{function}: options must be an object such as {{ referenceDate: \"2024-01-09\" }}, not {}",
            describe(options)
        )));
    }
    let object: &Object = options.unchecked_ref();
    let keys = Object::keys(object);
    let mut out = Vec::with_capacity(keys.length() as usize);
    for key in keys.iter() {
        let name = key.as_string().unwrap_or_default();
        let value = Reflect::get(options, &key)
            .map_err(|_| js_error(format!("{function}: could not read option {name:?}")))?;
        out.push((name, value));
    }
    Ok(out)
}

/// `None` for undefined/null, else the string or an error naming option and value.
fn string_option(function: &str, key: &str, value: &JsValue) -> Result<Option<String>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value.as_string().map(Some).ok_or_else(|| {
        js_error(format!(
            "{function}: option {key} must be a string, not {}",
            describe(value)
        ))
    })
}

/// `None` for undefined/null, else the array of strings or an error naming option and value.
fn list_option(function: &str, key: &str, value: &JsValue) -> Result<Option<Vec<String>>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let bad = || {
        js_error(format!(
            "{function}: option {key} must be an array of strings, not {}",
            describe(value)
        ))
    };
    if !Array::is_array(value) {
        return Err(bad());
    }
    let array: &Array = value.unchecked_ref();
    array
        .iter()
        .map(|item| {
            item.as_string().ok_or_else(|| {
                js_error(format!(
                    "{function}: option {key} may hold only strings, not {}",
                    describe(&item)
                ))
            })
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

fn unknown_key(function: &str, key: &str, known: &[&str]) -> JsValue {
    js_error(format!(
        "{function}: unknown option {key:?}; the options are {}",
        known.join(", ")
    ))
}

fn validate(function: &str, options: &Options) -> Result<Settings, JsValue> {
    options
        .validate()
        .map_err(|e| js_error(format!("{function}: {e}")))
}

/// `annotate(input, options?)`: see the TypeScript declaration above.
#[wasm_bindgen(skip_typescript)]
pub fn annotate(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    const KNOWN: [&str; 3] = ["referenceDate", "kinds", "input"];
    let Some(text) = input.as_string() else {
        return Err(js_error(format!(
            "annotate: input must be a string, not {}",
            describe(&input)
        )));
    };
    let mut opts = Options::default();
    for (key, value) in entries("annotate", &options)? {
        match key.as_str() {
            "referenceDate" => opts.reference_date = string_option("annotate", &key, &value)?,
            "kinds" => opts.kinds = list_option("annotate", &key, &value)?,
            "input" => opts.input = string_option("annotate", &key, &value)?,
            _ => return Err(unknown_key("annotate", &key, &KNOWN)),
        }
    }
    let settings = validate("annotate", &opts)?;
    let analysis = analyze::analyze_owned(text, &settings).map_err(|e| js_error(format!("annotate: {e}")))?;
    analysis_to_js(&analysis, &input)
}

/// Words of the compact result per call into JavaScript ([`analyze::Analysis::write_compact`]):
/// bounds the wasm memory the result takes (a 5 MB article has ~160,000 annotations) to
/// about this many words and as many bytes of strings.
const COMPACT_CHUNK_WORDS: usize = 64 * 1024;

#[wasm_bindgen(module = "/src/annotations.js")]
extern "C" {
    /// Appends the annotations of one compact chunk to `list` as plain objects.
    fn push_annotations(list: &Array, source: &JsValue, words: &[u32], strings: &str);
}

/// The result of `annotate` as a plain JS object: the same object serde's JSON of
/// [`analyze::Analysis::to_result`] parses to (a browser test compares them), made of a small
/// `JSON.parse`d skeleton and annotations that `src/annotations.js` builds from
/// [`analyze::Analysis::write_compact`], with their texts sliced from `input` (plain text:
/// the analysed text is the input itself) or from the result's `text` (HTML).
fn analysis_to_js(analysis: &analyze::Analysis, input: &JsValue) -> Result<JsValue, JsValue> {
    let failed = || js_error("could not build the result: JSON.parse failed");
    let object = js_sys::JSON::parse(&analysis.skeleton_json()).map_err(|_| failed())?;
    let list = Array::new();
    Reflect::set(&object, &JsValue::from_str("annotations"), &list).map_err(|_| failed())?;
    let source = if analysis.document.html {
        Reflect::get(&object, &JsValue::from_str("text")).map_err(|_| failed())?
    } else {
        input.clone()
    };
    analysis.write_compact(COMPACT_CHUNK_WORDS, |words, strings| push_annotations(&list, &source, words, strings));
    Ok(object)
}

/// The options of `highlight` and `highlightAsync` (`slice_bytes` only for the latter).
struct HighlightSettings {
    settings: Settings,
    labels: LabelFilter,
    slice_bytes: Option<usize>,
}

fn highlight_options(function: &str, options: &JsValue) -> Result<HighlightSettings, JsValue> {
    let sliced = function == "highlightAsync";
    let known: &[&str] = if sliced {
        &["referenceDate", "kinds", "labels", "sliceBytes"]
    } else {
        &["referenceDate", "kinds", "labels"]
    };
    let mut opts = Options::default();
    let mut labels = None;
    let mut slice_bytes = Some(DEFAULT_SLICE_BYTES).filter(|_| sliced);
    for (key, value) in entries(function, options)? {
        match key.as_str() {
            "referenceDate" => opts.reference_date = string_option(function, &key, &value)?,
            "kinds" => opts.kinds = list_option(function, &key, &value)?,
            "labels" => labels = list_option(function, &key, &value)?,
            "sliceBytes" if sliced => {
                if value.is_undefined() || value.is_null() {
                    continue;
                }
                match value.as_f64() {
                    Some(n) if n >= 1.0 && n.fract() == 0.0 => {
                        slice_bytes = Some(n.min(MAX_INPUT_BYTES as f64) as usize)
                    }
                    _ => {
                        return Err(js_error(format!(
                            "{function}: option sliceBytes must be a whole number of bytes >= 1, not {}",
                            describe(&value)
                        )))
                    }
                }
            }
            "observe" => {
                return Err(js_error(format!(
                    "{function}: unknown option \"observe\": watching the page for new content \
                     is the widget's job (annotateArticle(root, {{ observe: true }}) in \
                     widget.js); the options are {}",
                    known.join(", ")
                )))
            }
            _ => return Err(unknown_key(function, &key, known)),
        }
    }
    let settings = validate(function, &opts)?;
    let labels = LabelFilter::new(labels).map_err(|e| js_error(format!("{function}: {e}")))?;
    Ok(HighlightSettings {
        settings,
        labels,
        slice_bytes,
    })
}

/// `highlightAsync` slices: about 64 KiB of text each (~30-60 ms of analysis in Chromium on
/// the development machine).
const DEFAULT_SLICE_BYTES: usize = 64 * 1024;

/// `highlight(root, options?)`: see the TypeScript declaration above and
/// [`crate::highlight`].
#[wasm_bindgen(skip_typescript)]
pub fn highlight(root: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let root = element("highlight", root)?;
    let HighlightSettings {
        settings, labels, ..
    } = highlight_options("highlight", &options)?;
    let summary = dom::highlight_with(&root, &labels, |document| {
        Ok(analyze::analyze_document(document, &settings))
    })
    .map_err(|e| js_error(format!("highlight: {e}")))?;
    to_js(&summary)
}

/// `highlightAsync(root, options?)`: `highlight` in slices, one per task; see the TypeScript
/// declaration above and [`dom::Slicer`]. Every error is a rejected promise.
#[wasm_bindgen(js_name = highlightAsync, skip_typescript)]
pub fn highlight_async(root: JsValue, options: JsValue) -> js_sys::Promise {
    let start = || -> Result<(web_sys::Element, Settings, dom::Slicer), JsValue> {
        let root = element("highlightAsync", root)?;
        let o = highlight_options("highlightAsync", &options)?;
        let slicer = dom::Slicer::start(&root, o.labels, o.slice_bytes)
            .map_err(|e| js_error(format!("highlightAsync: {e}")))?;
        Ok((root, o.settings, slicer))
    };
    let (root, settings, slicer) = match start() {
        Ok(x) => x,
        Err(e) => return js_sys::Promise::reject(&e),
    };
    let mut slicer = Some(slicer);
    let step = Closure::<dyn FnMut() -> Result<JsValue, JsValue>>::new(move || {
        let Some(s) = slicer.as_mut() else {
            return Err(js_error("highlightAsync: already finished"));
        };
        s.step(|document, reference_date| {
            let mut settings = settings.clone();
            if settings.reference_date.is_none() {
                settings.reference_date = reference_date;
            }
            Ok(analyze::analyze_document(document, &settings))
        })
        .map_err(|e| {
            slicer = None;
            js_error(format!("highlightAsync: {e}"))
        })?;
        if slicer.as_ref().is_some_and(|s| !s.done()) {
            return Ok(JsValue::UNDEFINED);
        }
        match slicer.take() {
            Some(s) => to_js(&s.finish()),
            None => Err(js_error("highlightAsync: already finished")),
        }
    });
    dom::run_slices(&root, &step.into_js_value())
}

/// `clearHighlights(root)`: removes every mark `highlight` made under `root`.
#[wasm_bindgen(js_name = clearHighlights, skip_typescript)]
pub fn clear_highlights(root: JsValue) -> Result<(), JsValue> {
    let root = element("clearHighlights", root)?;
    dom::clear(&root).map_err(|e| js_error(format!("clearHighlights: {e}")))
}

/// `value` as an Element: any object whose `nodeType` is 1 (so elements of another frame
/// are accepted too), else an error naming what was passed.
fn element(function: &str, value: JsValue) -> Result<web_sys::Element, JsValue> {
    let is_element = value.is_object()
        && Reflect::get(&value, &JsValue::from_str("nodeType"))
            .ok()
            .and_then(|t| t.as_f64())
            == Some(1.0);
    if is_element {
        Ok(value.unchecked_into())
    } else {
        let what = if value.is_object() && !Array::is_array(&value) {
            "an object that is not a DOM Element".to_string()
        } else {
            describe(&value)
        };
        Err(js_error(format!(
            "{function}: root must be a DOM Element, not {what}"
        )))
    }
}
