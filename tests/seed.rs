#![cfg(not(target_arch = "wasm32"))]
//! The seed article (a real scraped Hindustan Times story, quirks left in) against its hand
//! annotation: every required entity, quotation and date must be found, with no false
//! quotation or date. This is the end-to-end promise of issue 2 on the text the project
//! started from.

use article_annotator::{annotate, Annotation, AnnotationResult, Kind, Options};
use serde_json::Value;

const SEED: &str = include_str!("data/seed-article.txt");
const GOLD: &str = include_str!("data/seed-article.gold.json");

fn result() -> AnnotationResult {
    annotate(SEED, &Options::default()).expect("the seed annotates")
}

fn gold(section: &str) -> Vec<Value> {
    let gold: Value = serde_json::from_str(GOLD).unwrap();
    gold[section].as_array().unwrap().clone()
}

fn of_kind(r: &AnnotationResult, kind: Kind) -> Vec<&Annotation> {
    r.annotations.iter().filter(|a| a.kind == kind).collect()
}

fn span(v: &Value) -> (usize, usize) {
    (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize)
}

fn required(v: &Value) -> bool {
    v["required"].as_bool().unwrap_or(true)
}

fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap()
}

#[test]
fn reference_date_comes_from_the_first_line() {
    assert_eq!(result().reference_date.as_deref(), Some("2024-01-09"));
}

#[test]
fn every_annotation_slices_its_own_text() {
    for a in &result().annotations {
        assert_eq!(utf16_slice(SEED, a.start, a.end), a.text, "{a:?}");
    }
}

#[test]
fn entities_reach_f1_095_with_every_required_one() {
    let r = result();
    let found = of_kind(&r, Kind::Entity);
    let gold = gold("entities");
    let matches = |a: &Annotation, g: &Value| span(g) == (a.start, a.end) && g["label"] == a.label.as_str();
    let missing: Vec<String> = gold
        .iter()
        .filter(|g| required(g) && !found.iter().any(|a| matches(a, g)))
        .map(|g| format!("{} {} @{}", g["label"], g["text"], g["start"]))
        .collect();
    let correct = found.iter().filter(|a| gold.iter().any(|g| matches(a, g))).count();
    let required_total = gold.iter().filter(|g| required(g)).count();
    let precision = correct as f64 / found.len().max(1) as f64;
    let recall = (required_total - missing.len()) as f64 / required_total as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(1e-9);
    let spurious: Vec<String> = found
        .iter()
        .filter(|a| !gold.iter().any(|g| matches(a, g)))
        .map(|a| format!("{} {:?} @{}", a.label, a.text, a.start))
        .collect();
    assert!(f1 >= 0.95, "entity F1 {f1:.3} (P {precision:.3} R {recall:.3}); missing {missing:?}; spurious {spurious:?}");
}

#[test]
fn putin_is_grouped_under_vladimir_putin() {
    let r = result();
    let putins: Vec<_> = of_kind(&r, Kind::Entity).into_iter().filter(|a| a.text == "Putin").collect();
    assert!(!putins.is_empty(), "the bare 'Putin' mentions are found");
    for a in putins {
        assert_eq!(a.entity.as_deref(), Some("Vladimir Putin"), "{a:?}");
    }
}

#[test]
fn the_four_quotations_with_their_speakers_and_no_false_one() {
    let r = result();
    let found = of_kind(&r, Kind::Quote);
    let gold = gold("quotes");
    let covers_half = |a: &Annotation, g: &Value| {
        let (gs, ge) = span(g);
        let overlap = a.end.min(ge).saturating_sub(a.start.max(gs));
        2 * overlap >= ge - gs
    };
    for g in gold.iter().filter(|g| required(g)) {
        let a = found
            .iter()
            .find(|a| covers_half(a, g))
            .unwrap_or_else(|| panic!("quotation not found: {}", g["text"]));
        let want = g["speaker"].as_str().unwrap();
        let speaker = a.speaker.clone().flatten().unwrap_or_else(|| panic!("no speaker for {}", g["text"]));
        let names = [speaker.entity.clone().unwrap_or_default(), speaker.text.clone()];
        assert!(
            names.iter().any(|n| n.eq_ignore_ascii_case(want)),
            "speaker of {} should be {want:?}, got {speaker:?}",
            g["text"]
        );
        assert!(a.cue.is_some(), "a cue for {}", g["text"]);
    }
    for a in &found {
        assert!(gold.iter().any(|g| covers_half(a, g)), "false quotation {:?}", a.text);
    }
}

#[test]
fn every_required_date_with_its_value_and_no_false_date() {
    let r = result();
    let found = of_kind(&r, Kind::Date);
    let gold = gold("dates");
    for g in gold.iter().filter(|g| required(g)) {
        let hit = found.iter().find(|a| (a.start, a.end) == span(g));
        let a = hit.unwrap_or_else(|| panic!("date not found: {} (found {:?})", g["text"], found.iter().map(|a| &a.text).collect::<Vec<_>>()));
        assert_eq!(a.label, g["type"].as_str().unwrap(), "{}", g["text"]);
        assert_eq!(a.value.as_deref(), g["value"].as_str(), "{}", g["text"]);
    }
    for a in &found {
        let overlaps = gold.iter().any(|g| {
            let (gs, ge) = span(g);
            a.start < ge && gs < a.end
        });
        assert!(overlaps, "false date {:?} = {:?}", a.text, a.value);
    }
}
