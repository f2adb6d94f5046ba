#![cfg(target_arch = "wasm32")]
//! Browser tests of the JS API and the in-place highlighter (headless Chromium):
//! `make test-browser`, i.e. `wasm-pack test --headless --chrome --release -- --test browser`.
//!
//! Most tests drive the highlighter with hand-made annotations (`dom::highlight_with`), so
//! they hold whatever the analysers find today; the tests through the real `highlight`
//! export assert the structural promises of contract 2 for whatever annotations come back.

use article_annotator::analyze::{Analysis, Item};
use article_annotator::dates::{Timex, TimexType};
use article_annotator::entities::{EntityLabel, Mention};
use article_annotator::highlight::{
    dom, js_annotate, js_clear_highlights, js_highlight, js_highlight_async, LabelFilter, Summary,
};
use article_annotator::quotes::{Quote, SpeakerRef};
use article_annotator::text::Document as TextDocument;
use article_annotator::Error;
use js_sys::{Function, JsString, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, Node};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A `<div>` with `html` inside, attached to the body.
fn fixture(html: &str) -> Element {
    let el = document().create_element("div").unwrap();
    el.set_inner_html(html);
    document().body().unwrap().append_child(&el).unwrap();
    el
}

fn js(args: &str, body: &str) -> Function {
    Function::new_with_args(args, body)
}

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

fn marks(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into::<Element>().unwrap())
        .collect()
}

fn attr(el: &Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

fn error_message(e: JsValue) -> String {
    assert!(e.is_instance_of::<js_sys::Error>(), "not an Error: {e:?}");
    String::from(e.unchecked_into::<js_sys::Error>().message())
}

/// Hand-made annotations, found by string search in the analysed text: every "Grant
/// Shapps" (PER), "Vladimir Putin" (PER), "December 30" (DATE), and the quotation
/// “We will act with Vladimir Putin,” attributed to Grant Shapps.
fn hand(document: TextDocument) -> Result<Analysis, Error> {
    let t = document.text.clone();
    let mut items = Vec::new();
    for (name, canonical) in [
        ("Grant Shapps", "Grant Shapps"),
        ("Vladimir Putin", "Vladimir Putin"),
    ] {
        for (s, m) in t.match_indices(name) {
            items.push(Item::Entity(Mention {
                start: s,
                end: s + m.len(),
                label: EntityLabel::Per,
                entity: canonical.into(),
            }));
        }
    }
    for (s, m) in t.match_indices("December 30") {
        items.push(Item::Date(Timex {
            start: s,
            end: s + m.len(),
            ty: TimexType::Date,
            value: "2023-12-30".into(),
        }));
    }
    if let (Some(s), Some(e)) = (t.find('“'), t.find('”')) {
        let speaker = t.find("Grant Shapps").map(|p| SpeakerRef {
            start: p,
            end: p + 12,
            entity: Some("Grant Shapps".into()),
        });
        items.push(Item::Quote(Quote {
            start: s,
            end: e + '”'.len_utf8(),
            speaker,
            cue: Some("added".into()),
        }));
    }
    items.sort_by(|a, b| {
        let ((sa, ea), (sb, eb)) = (a.span(), b.span());
        sa.cmp(&sb).then(eb.cmp(&ea)).then(a.kind().cmp(&b.kind()))
    });
    Ok(Analysis {
        document,
        reference_date: None,
        items,
    })
}

fn hand_highlight(root: &Element) -> Summary {
    dom::highlight_with(root, &LabelFilter::default(), hand).unwrap()
}

/// The text under the marks of annotation `id`, in document order (a nested mark's text
/// counted once, through its outermost mark of the same id).
fn marked_text(root: &Element, id: usize) -> String {
    marks(root, &format!("mark[data-annotation-id='{id}']"))
        .iter()
        .map(|m| m.text_content().unwrap_or_default())
        .collect()
}

const ARTICLE: &str = concat!(
    "<p id=p1>😀 Café crème — <em>Grant</em> Shapps said on <b>December</b> 30: ",
    "“We will <a id=link href='#x'>act</a> with Vladimir Putin,” he added.</p>",
    "<script>var s = 'Grant Shapps';</script>",
    "<style>.x::after { content: 'Grant Shapps'; }</style>",
    "<textarea>Grant Shapps</textarea>",
    "<div contenteditable=true>Grant Shapps in an editor</div>",
    "<mark class=own>José</mark> met Grant Shapps.",
);

#[wasm_bindgen_test]
fn marks_cut_through_elements_carry_attributes_and_keep_the_text() {
    let root = fixture(ARTICLE);
    let before_html = root.inner_html();
    let before_text = root.text_content();
    let first_text = root
        .query_selector("#p1")
        .unwrap()
        .unwrap()
        .first_child()
        .unwrap();
    let s = hand_highlight(&root);

    // Guards: highlights shifted by the emoji / accented letters before them.
    let text = JsString::from(s.text.as_str());
    for a in &s.annotations {
        assert_eq!(
            String::from(text.slice(a.start as u32, a.end as u32)),
            a.text
        );
    }
    // Script, style, textarea and contenteditable content is not even analysed.
    assert!(
        !s.text.contains("var s") && !s.text.contains("content:") && !s.text.contains("editor"),
        "{:?}",
        s.text
    );
    assert_eq!(
        s.annotations
            .iter()
            .filter(|a| a.text == "Grant Shapps")
            .count(),
        2
    );

    // "<em>Grant</em> Shapps": two marks, one annotation id.
    let grant = s
        .annotations
        .iter()
        .position(|a| a.text == "Grant Shapps")
        .unwrap();
    let parts = marks(&root, &format!("mark[data-annotation-id='{grant}']"));
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[0].text_content().unwrap(), "Grant");
    assert_eq!(parts[0].parent_element().unwrap().local_name(), "em");
    assert_eq!(parts[1].text_content().unwrap(), " Shapps");
    assert_eq!(
        (attr(&parts[0], "data-part"), attr(&parts[1], "data-part")),
        ("first".into(), "last".into())
    );
    for m in &parts {
        assert_eq!(attr(m, "data-kind"), "entity");
        assert_eq!(attr(m, "data-label"), "PER");
        assert_eq!(attr(m, "data-entity"), "Grant Shapps");
        assert_eq!(attr(m, "class"), "aa-mark aa-entity aa-PER");
    }
    // The date across <b>.
    let date = s
        .annotations
        .iter()
        .position(|a| a.text == "December 30")
        .unwrap();
    assert_eq!(marked_text(&root, date), "December 30");
    let date_marks = marks(&root, &format!("mark[data-annotation-id='{date}']"));
    assert!(date_marks
        .iter()
        .all(|m| attr(m, "data-value") == "2023-12-30" && attr(m, "data-label") == "DATE"));
    // The quote across the link, with the name nested inside it.
    let quote = s
        .annotations
        .iter()
        .position(|a| a.kind.as_str() == "quote")
        .unwrap();
    assert_eq!(
        marked_text(&root, quote),
        "“We will act with Vladimir Putin,”"
    );
    let quote_marks = marks(&root, "mark[data-kind=quote]");
    assert_eq!(quote_marks.len(), 3);
    assert!(quote_marks
        .iter()
        .all(|m| attr(m, "data-speaker") == "Grant Shapps" && attr(m, "data-cue") == "added"));
    let putin = marks(&root, "mark[data-entity='Vladimir Putin']");
    assert_eq!(putin.len(), 1);
    assert!(putin[0]
        .parent_element()
        .unwrap()
        .matches("mark[data-kind=quote]")
        .unwrap());
    assert!(marks(&root, "a#link > mark[data-kind=quote]").len() == 1);
    // Nothing marked inside skipped elements; the page's own <mark> is left alone.
    assert!(marks(&root, "[contenteditable] mark, script mark, style mark").is_empty());
    assert_eq!(
        root.query_selector("textarea")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Grant Shapps"
    );
    assert_eq!(s.marks, marks(&root, "mark.aa-mark").len());
    assert_eq!(s.counts.get("PER"), Some(&3));

    assert_eq!(
        root.text_content(),
        before_text,
        "textContent changed while highlighted"
    );

    // Highlighting again gives the same DOM, without nested marks of marks.
    let once = root.inner_html();
    hand_highlight(&root);
    assert_eq!(root.inner_html(), once);

    js_clear_highlights(root.clone().into()).unwrap();
    assert_eq!(root.inner_html(), before_html);
    assert_eq!(root.text_content(), before_text);
    assert!(first_text.is_same_node(
        root.query_selector("#p1")
            .unwrap()
            .unwrap()
            .first_child()
            .as_ref()
    ));
    assert!(root.query_selector("mark.own").unwrap().is_some());
    root.remove();
}

#[wasm_bindgen_test]
fn listeners_and_attributes_survive_highlighting() {
    let root = fixture(ARTICLE);
    let link = root.query_selector("#link").unwrap().unwrap();
    js("el", "el.addEventListener('click', e => { e.preventDefault(); el.dataset.clicks = (+(el.dataset.clicks || 0)) + 1; })")
        .call1(&JsValue::NULL, &link)
        .unwrap();
    hand_highlight(&root);
    let inner = root.query_selector("#link mark").unwrap().unwrap();
    js("el", "el.click()")
        .call1(&JsValue::NULL, &inner)
        .unwrap();
    js_clear_highlights(root.clone().into()).unwrap();
    js("el", "el.click()").call1(&JsValue::NULL, &link).unwrap();
    assert_eq!(attr(&link, "data-clicks"), "2");
    assert_eq!(attr(&link, "href"), "#x");
    let now: Node = root.query_selector("#link").unwrap().unwrap().into();
    assert!(link.is_same_node(Some(&now)));
    root.remove();
}

#[wasm_bindgen_test]
fn clear_keeps_text_nodes_that_the_page_made_separate() {
    // Guards: merging every adjacent text node on clear (Node.normalize) would join the two
    // nodes this script made.
    let root = fixture("");
    let p = document().create_element("p").unwrap();
    p.append_child(&document().create_text_node("😀 Grant "))
        .unwrap();
    p.append_child(&document().create_text_node("Shapps said."))
        .unwrap();
    root.append_child(&p).unwrap();
    let before = root.inner_html();
    let s = hand_highlight(&root);
    assert_eq!(s.marks, 2);
    assert_eq!(marked_text(&root, 0), "Grant Shapps");
    js_clear_highlights(root.clone().into()).unwrap();
    assert_eq!(p.child_nodes().length(), 2);
    assert_eq!(p.first_child().unwrap().node_value().unwrap(), "😀 Grant ");
    assert_eq!(root.inner_html(), before);
    root.remove();
}

#[wasm_bindgen_test]
fn block_elements_are_separate_lines_and_whitespace_between_them_is_not_marked() {
    let root =
        fixture("<ul>\n <li>“We will act with</li>\n <li>Vladimir Putin,” he said.</li>\n</ul>");
    let before = root.inner_html();
    let s = hand_highlight(&root);
    assert!(s.text.contains("with\n"), "{:?}", s.text);
    // No mark directly inside the <ul>.
    assert!(marks(&root, "ul > mark").is_empty());
    assert_eq!(marks(&root, "li > mark[data-kind=quote]").len(), 2);
    js_clear_highlights(root.clone().into()).unwrap();
    assert_eq!(root.inner_html(), before);
    root.remove();
}

#[wasm_bindgen_test]
fn nothing_is_marked_inside_an_editor() {
    let root = fixture("<div contenteditable=true><p id=inner>Grant Shapps said so.</p></div>");
    let inner = root.query_selector("#inner").unwrap().unwrap();
    let before = root.inner_html();
    let s = hand_highlight(&inner);
    assert_eq!((s.marks, s.text.as_str()), (0, ""));
    js_highlight(inner.into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(root.inner_html(), before);
    root.remove();
}

#[wasm_bindgen_test]
fn deep_nesting_does_not_overflow_the_stack() {
    let root = document().create_element("div").unwrap();
    let depth: u32 = 100_000;
    js(
        "root, DEPTH",
        // Built from parsed chunks of 400 levels: one appendChild per level walks the
        // ancestors each time (quadratic, minutes for 100,000 levels).
        "const html = '<div>'.repeat(400) + '</div>'.repeat(400); let d = root; \
         for (let k = 0; k < DEPTH / 400; k++) { const box = document.createElement('div'); box.innerHTML = html; \
         d.appendChild(box.firstElementChild); while (d.firstElementChild) d = d.firstElementChild; } \
         d.appendChild(document.createTextNode('Grant Shapps'));",
    )
    .call2(&JsValue::NULL, &root, &depth.into())
    .unwrap();
    let levels = js(
        "r",
        "let n = 0, d = r; while (d.firstElementChild) { d = d.firstElementChild; n++; } return n;",
    );
    assert_eq!(
        levels.call1(&JsValue::NULL, &root).unwrap().as_f64(),
        Some(100_000.0)
    );
    let s = hand_highlight(&root);
    assert_eq!(s.marks, 1);
    assert_eq!(
        levels.call1(&JsValue::NULL, &root).unwrap().as_f64(),
        Some(100_001.0)
    );
    dom::clear(&root).unwrap();
    assert!(root.query_selector("mark").unwrap().is_none());
}

/// Structural promises of contract 2 through the real export, for whatever the analysers find.
#[wasm_bindgen_test]
fn highlight_export_keeps_its_promises_for_any_analysis() {
    let root = fixture(concat!(
        "<h1>date 2024-01-09 Shapps warns Putin</h1>",
        "<p>😀 Café — <em>Grant</em> Shapps, the UK Defence Secretary, said on <b>December</b> 30 that ",
        "“Russia will <a href='#'>not</a> win.” He spoke in London on Tuesday.</p>",
        "<p>The Kremlin said Vladimir Putin met officials in Moscow last week.</p>",
        "<script>document.title = 'Grant Shapps';</script>"
    ));
    let before_html = root.inner_html();
    let before_text = root.text_content();
    let summary = js_highlight(
        root.clone().into(),
        options("{\"referenceDate\": \"2024-01-09\"}"),
    )
    .unwrap();
    let text = JsString::from(Reflect::get(&summary, &"text".into()).unwrap());
    let annotations: js_sys::Array = Reflect::get(&summary, &"annotations".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(
        Reflect::get(&summary, &"referenceDate".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("2024-01-09")
    );
    let mark_count = Reflect::get(&summary, &"marks".into())
        .unwrap()
        .as_f64()
        .unwrap() as usize;
    assert_eq!(mark_count, marks(&root, "mark.aa-mark").len());
    for (i, a) in annotations.iter().enumerate() {
        let get = |k: &str| Reflect::get(&a, &k.into()).unwrap();
        let (start, end) = (
            get("start").as_f64().unwrap() as u32,
            get("end").as_f64().unwrap() as u32,
        );
        let expected = get("text").as_string().unwrap();
        assert_eq!(String::from(text.slice(start, end)), expected);
        let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(
            strip(&marked_text(&root, i)),
            strip(&expected),
            "annotation {i}"
        );
        for m in marks(&root, &format!("mark[data-annotation-id='{i}']")) {
            assert_eq!(attr(&m, "data-kind"), get("kind").as_string().unwrap());
            assert_eq!(attr(&m, "data-label"), get("label").as_string().unwrap());
        }
    }
    assert!(marks(&root, "script mark").is_empty());
    assert_eq!(root.text_content(), before_text);
    let once = root.inner_html();
    js_highlight(
        root.clone().into(),
        options("{\"referenceDate\": \"2024-01-09\"}"),
    )
    .unwrap();
    assert_eq!(
        root.inner_html(),
        once,
        "a second highlight changed the DOM"
    );
    js_clear_highlights(root.clone().into()).unwrap();
    assert_eq!(root.inner_html(), before_html);
    root.remove();
}

#[wasm_bindgen_test]
fn labels_option_limits_the_marks() {
    let root = fixture("<p>Grant Shapps met Vladimir Putin on December 30.</p>");
    let summary = js_highlight(root.clone().into(), options("{\"labels\": [\"DATE\"]}")).unwrap();
    let annotations: js_sys::Array = Reflect::get(&summary, &"annotations".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    for a in annotations.iter() {
        assert_eq!(
            Reflect::get(&a, &"label".into())
                .unwrap()
                .as_string()
                .as_deref(),
            Some("DATE")
        );
    }
    assert!(marks(&root, "mark:not([data-label=DATE])").is_empty());
    js_clear_highlights(root.clone().into()).unwrap();
    root.remove();
}

#[wasm_bindgen_test]
fn bad_options_throw_errors_that_name_the_value() {
    let e = js_annotate("x".into(), options("{\"referenceDate\": \"2024-13-45\"}")).unwrap_err();
    assert!(error_message(e).contains("2024-13-45"));
    let e = js_annotate("x".into(), options("{\"kinds\": [\"person\"]}")).unwrap_err();
    assert!(error_message(e).contains("person"));
    let e = js_annotate("x".into(), options("{\"input\": \"xml\"}")).unwrap_err();
    assert!(error_message(e).contains("xml"));
    let e = js_annotate("x".into(), options("{\"refDate\": \"2024-01-09\"}")).unwrap_err();
    assert!(error_message(e).contains("refDate"));
    let e = js_annotate("x".into(), JsValue::from(5)).unwrap_err();
    assert!(error_message(e).contains("options must be an object"));
    let e = js_annotate(JsValue::from(5), JsValue::UNDEFINED).unwrap_err();
    assert!(error_message(e).contains("input must be a string"));

    let root = fixture("<p>Grant Shapps</p>");
    let before = root.inner_html();
    let e = js_highlight(root.clone().into(), options("{\"labels\": [\"PERSON\"]}")).unwrap_err();
    assert!(error_message(e).contains("PERSON"));
    let e = js_highlight(
        root.clone().into(),
        options("{\"referenceDate\": \"09/01/2024\"}"),
    )
    .unwrap_err();
    assert!(error_message(e).contains("09/01/2024"));
    let e = js_highlight(root.clone().into(), options("{\"observe\": true}")).unwrap_err();
    assert!(error_message(e).contains("observe"));
    assert_eq!(root.inner_html(), before, "a refused call changed the DOM");
    let e = js_highlight(JsValue::NULL, JsValue::UNDEFINED).unwrap_err();
    assert!(error_message(e).contains("root must be a DOM Element"));
    let e = js_clear_highlights(options("{}")).unwrap_err();
    assert!(error_message(e).contains("root must be a DOM Element"));
    root.remove();
}

#[wasm_bindgen_test]
fn annotate_returns_plain_objects_with_utf16_offsets() {
    let input = "😀 é — Grant Shapps said on December 30: “We will act.”";
    let result = js_annotate(
        input.into(),
        options("{\"referenceDate\": \"2024-01-09\", \"input\": \"text\"}"),
    )
    .unwrap();
    let json = js_sys::JSON::stringify(&result)
        .unwrap()
        .as_string()
        .unwrap();
    let parsed: article_annotator::AnnotationResult = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed.reference_date.as_deref(), Some("2024-01-09"));
    let text = JsString::from(input);
    for a in &parsed.annotations {
        assert_eq!(
            String::from(text.slice(a.start as u32, a.end as u32)),
            a.text
        );
    }
    // Same answer as the native call.
    let native = article_annotator::annotate(
        input,
        &article_annotator::Options {
            reference_date: Some("2024-01-09".into()),
            input: Some("text".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(parsed, native);
    // null, not undefined, for a missing reference date.
    let result = js_annotate("plain words".into(), JsValue::UNDEFINED).unwrap();
    assert!(Reflect::get(&result, &"referenceDate".into())
        .unwrap()
        .is_null());
}

/// The annotation objects are built in JavaScript from a compact form (src/annotations.js):
/// key for key and value for value they must be what serde's JSON of the native result
/// parses to, for every kind, label and optional field, plain text and HTML.
#[wasm_bindgen_test]
fn annotate_objects_are_serde_json_of_the_native_result() {
    let text = "😀 Café — 2024-01-09\n\"Nobody is named here.\"\n\nThe weather was cold.\n\n\"We will act,\" said Grant Shapps \
        of the Conservative Party in London on December 30 at 3 p.m., every Monday, for three years. \
        \"It is time,\" he added. The Germans won.";
    let html = format!(
        "<html><head><title>A \\\"quoted\\\" title</title><meta property=\"article:published_time\" \
         content=\"2024-01-09T06:00:00Z\"></head><body><article><p>{}</p></article></body></html>",
        text.replace('\n', "</p><p>")
    );
    for (input, kind) in [(text.to_string(), "text"), (html, "html"), (String::new(), "text")] {
        let opts = format!("{{\"input\": \"{kind}\", \"referenceDate\": \"2024-01-09\"}}");
        let js = js_annotate(input.as_str().into(), options(&opts)).unwrap();
        let got = js_sys::JSON::stringify(&js).unwrap().as_string().unwrap();
        let native = article_annotator::annotate(
            &input,
            &article_annotator::Options {
                reference_date: Some("2024-01-09".into()),
                input: Some(kind.into()),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(got, serde_json::to_string(&native).unwrap(), "{kind} input {input:?}");
        if kind == "text" && !input.is_empty() {
            for label in ["PER", "ORG", "LOC", "MISC", "QUOTE", "DATE", "TIME", "DURATION", "SET"] {
                assert!(got.contains(&format!("\"label\":\"{label}\"")), "no {label} in {got}");
            }
            assert!(got.contains("\"speaker\":null") && got.contains("\"cue\":\"said\""), "{got}");
        }
    }
}

/// Reads `summary` (a JS Summary) and checks that every annotation's text is
/// `summary.text.slice(start, end)` (UTF-16); returns (annotations, text).
fn check_summary_offsets(summary: &JsValue) -> (js_sys::Array, JsString) {
    let text: JsString = Reflect::get(summary, &"text".into()).unwrap().into();
    let anns: js_sys::Array = Reflect::get(summary, &"annotations".into()).unwrap().into();
    for a in anns.iter() {
        let get = |k: &str| Reflect::get(&a, &k.into()).unwrap();
        let (s, e) = (get("start").as_f64().unwrap(), get("end").as_f64().unwrap());
        assert_eq!(
            text.slice(s as u32, e as u32).as_string(),
            get("text").as_string(),
            "offsets of {a:?}"
        );
    }
    (anns, text)
}

// Issue 9: a very large page is marked in slices (one per task) instead of freezing it.
#[wasm_bindgen_test]
async fn highlight_async_marks_in_slices_with_offsets_into_the_whole_text() {
    let para = "<p>😀 Café — <em>Grant</em> Shapps said on December 30 that it was cold.</p>";
    let root = fixture(&para.repeat(6));
    let before = (root.inner_html(), root.text_content());
    let sync = js_highlight(root.clone().into(), JsValue::UNDEFINED).unwrap();
    let (_, sync_text) = check_summary_offsets(&sync);
    // About one paragraph per slice.
    let promise = js_highlight_async(root.clone().into(), options("{\"sliceBytes\": 40}"));
    let summary = wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    let (anns, text) = check_summary_offsets(&summary);
    assert_eq!(
        text, sync_text,
        "the sliced text is the whole analysed text"
    );
    assert_eq!(root.text_content(), before.1);
    // Every paragraph's date is found and marked, with ids into the whole summary.
    let dates = marks(&root, "mark[data-kind=date]");
    assert_eq!(
        dates
            .iter()
            .filter(|m| m.text_content().unwrap() == "December 30")
            .count(),
        6
    );
    for m in marks(&root, "mark[data-annotation-id]") {
        let id: u32 = attr(&m, "data-annotation-id").parse().unwrap();
        assert!(id < anns.length(), "mark id {id} outside the summary");
    }
    assert!(root
        .query_selector("mark mark mark mark")
        .unwrap()
        .is_none());
    js_clear_highlights(root.clone().into()).unwrap();
    assert_eq!(root.inner_html(), before.0);
    root.remove();
}

#[wasm_bindgen_test]
async fn highlight_async_is_cancelled_by_a_later_clear() {
    let root = fixture(&"<p>Grant Shapps said on December 30.</p>".repeat(20));
    let before = root.inner_html();
    let promise = js_highlight_async(root.clone().into(), options("{\"sliceBytes\": 10}"));
    js_clear_highlights(root.clone().into()).unwrap();
    let e = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .unwrap_err();
    assert!(error_message(e).contains("cancelled"));
    assert_eq!(
        root.inner_html(),
        before,
        "marks left after a cancelled run"
    );
    let e = wasm_bindgen_futures::JsFuture::from(js_highlight_async(
        root.clone().into(),
        options("{\"sliceBytes\": 0}"),
    ))
    .await
    .unwrap_err();
    assert!(error_message(e).contains("sliceBytes"));
    root.remove();
}

// Issue 9: a page over the documented limit (analyze::MAX_INPUT_BYTES, 32 MiB) is a clear
// error, not a frozen tab.
#[wasm_bindgen_test]
async fn a_page_over_32_mib_is_refused_with_its_size() {
    let root = document().create_element("div").unwrap();
    let big = js("n", "return 'é'.repeat(n);")
        .call1(&JsValue::NULL, &JsValue::from(16 * 1024 * 1024 + 1))
        .unwrap();
    root.append_child(&document().create_text_node(&big.as_string().unwrap()))
        .unwrap();
    let e = js_highlight(root.clone().into(), JsValue::UNDEFINED).unwrap_err();
    let msg = error_message(e);
    assert!(
        msg.contains("33554434 bytes") && msg.contains("32 MiB"),
        "{msg}"
    );
    let e = wasm_bindgen_futures::JsFuture::from(js_highlight_async(
        root.clone().into(),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap_err();
    assert!(error_message(e).contains("limit"));
    assert_eq!(root.child_nodes().length(), 1);
}
