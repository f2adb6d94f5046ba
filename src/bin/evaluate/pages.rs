//! `evaluate pages DIR [-v]`: reads every `DIR/*/source.html` as a whole page and compares
//! with `expected-metadata.json` (title, byline, publishedTime) and `expected.html` (the
//! article body as Readability.js extracts it).
//!
//! - title, byline: equal after trimming, collapsing whitespace and lower-casing (a leading
//!   "By"/"Par"/"Written by" is dropped from bylines on both sides); counted over the pages
//!   whose expected value is not empty.
//! - published: the same calendar day (the first ten characters of an ISO string, else
//!   what the date grammar reads); over the pages that state one.
//! - body: bag-of-words F1 (lower-cased alphanumeric words, counted with multiplicity)
//!   between our text and the text of `expected.html`, averaged over pages.
//! - failures: a panic, or an empty body where the reference has one.
//!
//! `-v` prints one line per page; with `PAGES_DUMP_DIR=dir` our text and the reference
//! text of every page are written there (`NAME.got.txt`, `NAME.want.txt`).

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use article_annotator::text::{html, read_html};

pub fn run(args: &[String]) -> Result<(), String> {
    let dir = args.iter().find(|a| !a.starts_with('-')).ok_or("usage: evaluate pages DIR [-v]")?;
    let verbose = args.iter().any(|a| a == "-v");
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{dir}: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("source.html").is_file())
        .collect();
    entries.sort();
    if entries.is_empty() {
        return Err(format!("{dir}: no */source.html pages"));
    }
    let (mut t_ok, mut t_n, mut b_ok, mut b_n, mut d_ok, mut d_n) = (0, 0, 0, 0, 0, 0);
    let mut f1_sum = 0.0;
    let mut failures = Vec::new();
    let mut bytes = 0usize;
    let mut elapsed = 0.0f64;
    for page in &entries {
        let name = page.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let source = read(&page.join("source.html"))?;
        let expected_meta: serde_json::Value =
            serde_json::from_str(&read(&page.join("expected-metadata.json"))?).map_err(|e| format!("{name}: {e}"))?;
        let expected_body = read(&page.join("expected.html")).unwrap_or_default();
        let started = Instant::now();
        let got = std::panic::catch_unwind(|| read_html(&source));
        elapsed += started.elapsed().as_secs_f64();
        bytes += source.len();
        let Ok((doc, _map)) = got else {
            failures.push(format!("{name}: panicked"));
            continue;
        };
        let want = |k: &str| expected_meta.get(k).and_then(|v| v.as_str()).map(str::to_string).filter(|s| !s.trim().is_empty());
        let mut line = format!("{name:32}");
        if let Some(t) = want("title") {
            t_n += 1;
            let ok = norm(&t) == norm(doc.metadata.title.as_deref().unwrap_or(""));
            t_ok += ok as usize;
            if !ok {
                line.push_str(&format!(" TITLE want {:?} got {:?};", t, doc.metadata.title));
            }
        }
        if let Some(b) = want("byline") {
            b_n += 1;
            let ok = norm_byline(&b) == norm_byline(doc.metadata.byline.as_deref().unwrap_or(""));
            b_ok += ok as usize;
            if !ok {
                line.push_str(&format!(" BYLINE want {:?} got {:?};", b, doc.metadata.byline));
            }
        }
        if let Some(d) = want("publishedTime") {
            d_n += 1;
            let ok = doc.metadata.published.as_deref().is_some_and(|p| same_day(&d, p));
            d_ok += ok as usize;
            if !ok {
                line.push_str(&format!(" DATE want {:?} got {:?};", d, doc.metadata.published));
            }
        }
        let reference = {
            let dom = html::parse(&expected_body);
            dom.text_of(&expected_body, 0)
        };
        let f1 = word_f1(&doc.text, &reference);
        if let Some(out) = std::env::var_os("PAGES_DUMP_DIR") {
            let out = Path::new(&out);
            let _ = std::fs::write(out.join(format!("{name}.got.txt")), &doc.text);
            let _ = std::fs::write(out.join(format!("{name}.want.txt")), &reference);
        }
        f1_sum += f1;
        if doc.text.trim().is_empty() && !reference.trim().is_empty() {
            failures.push(format!("{name}: empty body"));
        }
        if verbose {
            println!("{line} F1 {f1:.3}");
        }
    }
    let n = entries.len();
    let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 };
    println!("pages: {n}, failures: {}", failures.len());
    for f in &failures {
        println!("  failed: {f}");
    }
    println!("title     {t_ok}/{t_n} = {:.1}%", pct(t_ok, t_n));
    println!("byline    {b_ok}/{b_n} = {:.1}%", pct(b_ok, b_n));
    println!("published {d_ok}/{d_n} = {:.1}%", pct(d_ok, d_n));
    println!("body word F1 (mean over pages) = {:.3}", f1_sum / n as f64);
    println!("speed: {:.1} MB in {:.3} s = {:.1} MB/s", bytes as f64 / 1e6, elapsed, bytes as f64 / 1e6 / elapsed.max(1e-9));
    Ok(())
}

fn read(p: &Path) -> Result<String, String> {
    let bytes = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn norm_byline(s: &str) -> String {
    let n = norm(s);
    for p in ["written by ", "by ", "par ", "von "] {
        if let Some(r) = n.strip_prefix(p) {
            return r.to_string();
        }
    }
    n
}

fn same_day(want: &str, got: &str) -> bool {
    let day = |s: &str| -> Option<String> {
        let s = s.trim();
        let d = s.get(..10)?;
        let b = d.as_bytes();
        (b[4] == b'-' && b[7] == b'-' && d.chars().filter(char::is_ascii_digit).count() == 8).then(|| d.to_string())
    };
    match (day(want), day(got)) {
        (Some(a), Some(b)) => a == b,
        (Some(a), None) => article_annotator::dates::parse_published(got).is_some_and(|d| d.to_string() == a),
        _ => norm(want) == norm(got),
    }
}

fn words(s: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        *m.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    m
}

/// Bag-of-words F1 between two texts.
pub fn word_f1(got: &str, want: &str) -> f64 {
    let (g, w) = (words(got), words(want));
    let (ng, nw): (usize, usize) = (g.values().sum(), w.values().sum());
    if ng == 0 && nw == 0 {
        return 1.0;
    }
    let common: usize = g.iter().map(|(k, c)| (*c).min(*w.get(k).unwrap_or(&0))).sum();
    if common == 0 {
        return 0.0;
    }
    let p = common as f64 / ng as f64;
    let r = common as f64 / nw as f64;
    2.0 * p * r / (p + r)
}
