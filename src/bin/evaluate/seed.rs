//! `evaluate seed TEXT GOLD`: one article against its hand annotation (the format of
//! `tests/data/seed-article.gold.json`: UTF-16 offsets, `required` flags).
//!
//! Prints, per kind, precision (found items that match any gold item, required or not),
//! recall (required gold items found) and F1, and lists what was missed and what was extra.
//! Entities and dates match on exact span and label (dates also on value); a quotation
//! matches when it covers at least half of the gold span, and its speaker is right when the
//! speaker's entity or text equals the gold speaker.

use article_annotator::{annotate, Annotation, Kind, Options};
use serde_json::Value;

pub fn run(args: &[String]) -> Result<(), String> {
    let [text_path, gold_path] = args else {
        return Err("usage: evaluate seed TEXT GOLD".into());
    };
    let text = std::fs::read_to_string(text_path).map_err(|e| format!("{text_path}: {e}"))?;
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(gold_path).map_err(|e| format!("{gold_path}: {e}"))?,
    )
    .map_err(|e| format!("{gold_path}: {e}"))?;
    let result = annotate(&text, &Options::default()).map_err(|e| e.to_string())?;
    println!("seed: reference date {:?} (gold {})", result.reference_date, gold["reference_date"]);

    let span = |g: &Value| (g["start"].as_u64().unwrap_or(0) as usize, g["end"].as_u64().unwrap_or(0) as usize);
    let entity_match = |a: &Annotation, g: &Value| span(g) == (a.start, a.end) && g["label"] == a.label.as_str();
    let date_match = |a: &Annotation, g: &Value| {
        span(g) == (a.start, a.end) && g["type"] == a.label.as_str() && g["value"].as_str() == a.value.as_deref()
    };
    let quote_match = |a: &Annotation, g: &Value| {
        let (gs, ge) = span(g);
        let overlap = a.end.min(ge).saturating_sub(a.start.max(gs));
        2 * overlap >= ge - gs
    };
    score("entities", &result.annotations, Kind::Entity, gold["entities"].as_array(), &entity_match);
    score("dates", &result.annotations, Kind::Date, gold["dates"].as_array(), &date_match);
    score("quotes", &result.annotations, Kind::Quote, gold["quotes"].as_array(), &quote_match);

    let mut right = 0;
    let mut total = 0;
    for g in gold["quotes"].as_array().into_iter().flatten().filter(|g| g["speaker"].is_string()) {
        if let Some(a) = result.annotations.iter().find(|a| a.kind == Kind::Quote && quote_match(a, g)) {
            total += 1;
            let want = g["speaker"].as_str().unwrap_or_default();
            let s = a.speaker.clone().flatten();
            let ok = s.is_some_and(|s| {
                s.entity.as_deref().is_some_and(|e| e.eq_ignore_ascii_case(want)) || s.text.eq_ignore_ascii_case(want)
            });
            if ok {
                right += 1;
            } else {
                println!("  wrong speaker for {}: {:?}", g["text"], a.speaker);
            }
        }
    }
    println!("speakers: {right}/{total} right among found quotations");
    Ok(())
}

fn score(name: &str, found: &[Annotation], kind: Kind, gold: Option<&Vec<Value>>, matches: &dyn Fn(&Annotation, &Value) -> bool) {
    let gold: Vec<Value> = gold.cloned().unwrap_or_default();
    let found: Vec<&Annotation> = found.iter().filter(|a| a.kind == kind).collect();
    let required = |g: &Value| g["required"].as_bool().unwrap_or(true);
    let correct = found.iter().filter(|a| gold.iter().any(|g| matches(a, g))).count();
    let req_total = gold.iter().filter(|g| required(g)).count();
    let req_found = gold.iter().filter(|g| required(g) && found.iter().any(|a| matches(a, g))).count();
    let p = correct as f64 / found.len().max(1) as f64;
    let r = req_found as f64 / req_total.max(1) as f64;
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    println!("{name}: found {} correct {correct} | required {req_found}/{req_total} | P {p:.3} R {r:.3} F1 {f:.3}", found.len());
    for g in gold.iter().filter(|g| required(g) && !found.iter().any(|a| matches(a, g))) {
        println!("  missed {} {}", g["label"].as_str().or(g["type"].as_str()).unwrap_or(""), g["text"]);
    }
    for a in found.iter().filter(|a| !gold.iter().any(|g| matches(a, g))) {
        println!("  extra {} {:?} {:?}", a.label, a.text, a.value);
    }
}
