//! `evaluate timeml DIR [--errors]`: TempEval-3 Task A measures for a folder of TimeML files.
//!
//! Each `.tml` file (searched recursively) is read as TempEval-3 does: the text of the
//! `<TEXT>` element with its tags stripped (offsets kept; `&amp;` and friends decoded), the
//! reference date from `<DCT><TIMEX3 value=...>`, and the gold TIMEX3s inside `<TEXT>` (the
//! DCT timex itself is not scored).
//!
//! - strict P/R/F1: exact span matches;
//! - relaxed P/R/F1: a system timex that overlaps a gold one counts (precision over system
//!   timexes, recall over gold ones);
//! - value F1: each gold timex paired with its first overlapping system timex; value-correct
//!   pairs over the system count (P) and the gold count (R), as the TempEval-3 scorer does;
//! - type accuracy: correct TIMEX3 types among the relaxed pairs.
//!
//! `--errors` prints every miss, false alarm and wrong value (for development only).
//! `evaluate timeml --try YYYY-MM-DD TEXT` prints what [`dates::find`] gives for one text
//! against that reference date (for development only).

use article_annotator::calendar::CivilDate;
use article_annotator::dates;
use std::path::{Path, PathBuf};

struct Gold {
    start: usize,
    end: usize,
    ty: String,
    value: String,
}

struct Doc {
    name: String,
    text: String,
    dct: Option<CivilDate>,
    gold: Vec<Gold>,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let i = tag.find(&key)? + key.len();
    let j = tag[i..].find('"')? + i;
    Some(tag[i..j].to_string())
}

fn decode_entity(s: &str) -> Option<(char, usize)> {
    for (ent, c) in [
        ("&amp;", '&'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&apos;", '\''),
    ] {
        if s.starts_with(ent) {
            return Some((c, ent.len()));
        }
    }
    None
}

/// Reads one TimeML document.
fn read_doc(path: &Path) -> Result<Doc, String> {
    let raw = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let dct = raw
        .find("<DCT>")
        .and_then(|i| {
            attr(
                &raw[i..raw[i..].find("</DCT>").map_or(raw.len(), |j| i + j)],
                "value",
            )
        })
        .and_then(|v| {
            v.get(..10).and_then(CivilDate::parse_iso).or_else(|| {
                // "19980108" style
                let v = v.get(..8)?;
                CivilDate::parse_iso(&format!("{}-{}-{}", &v[..4], &v[4..6], &v[6..8]))
            })
        });
    let start = raw
        .find("<TEXT>")
        .ok_or_else(|| format!("{}: no <TEXT> element", path.display()))?
        + 6;
    let end = raw[start..]
        .find("</TEXT>")
        .map_or(raw.len(), |j| start + j);
    let body = &raw[start..end];
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with('<') {
            let j = rest
                .find('>')
                .ok_or_else(|| format!("{}: unclosed tag", path.display()))?;
            let tag = &rest[..=j];
            if tag.starts_with("<TIMEX3") {
                open = Some((
                    text.len(),
                    attr(tag, "type").unwrap_or_default(),
                    attr(tag, "value").unwrap_or_default(),
                ));
            } else if tag.starts_with("</TIMEX3") {
                if let Some((s, ty, value)) = open.take() {
                    gold.push(Gold {
                        start: s,
                        end: text.len(),
                        ty,
                        value,
                    });
                }
            }
            i += j + 1;
            continue;
        }
        if let Some((c, n)) = decode_entity(rest) {
            text.push(c);
            i += n;
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        text.push(c);
        i += c.len_utf8();
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Doc {
        name,
        text,
        dct,
        gold,
    })
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read directory {}: {e}", dir.display()))?;
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "tml") {
            out.push(p);
        }
    }
    Ok(())
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// The text around `start..end` on one line (`--context`), the span in brackets.
fn around(text: &str, start: usize, end: usize) -> String {
    let mut a = start.saturating_sub(150);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (end + 80).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    let (pre, span, post) = (&text[a..start], &text[start..end], &text[end..b]);
    format!("{pre}[[{span}]]{post}").replace('\n', " ")
}

pub fn run(args: &[String]) -> Result<(), String> {
    if args.first().map(String::as_str) == Some("--try") {
        let usage = "usage: evaluate timeml --try YYYY-MM-DD TEXT";
        let dct = args.get(1).ok_or(usage)?;
        let dct = CivilDate::parse_iso(dct).ok_or_else(|| format!("not a date: {dct:?}"))?;
        let text = args.get(2..).ok_or(usage)?.join(" ");
        for t in dates::find(&text, Some(dct)) {
            println!("{:?}\t{} {}", &text[t.start..t.end], t.ty.as_str(), t.value);
        }
        return Ok(());
    }
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .ok_or("usage: evaluate timeml DIR [--errors [--context]]")?;
    let show = args.iter().any(|a| a == "--errors");
    let context = args.iter().any(|a| a == "--context");
    let mut files = Vec::new();
    collect(Path::new(dir), &mut files)?;
    files.sort();
    if files.is_empty() {
        return Err(format!("no .tml files under {dir}"));
    }
    let docs = files.iter().map(|f| read_doc(f)).collect::<Result<Vec<_>, _>>()?;
    score(&docs, dir, show, context);
    Ok(())
}

/// Prints the TempEval-3 Task A measures of [`dates::find`] on `docs` (`show`: every miss,
/// false alarm and wrong value; `context`: with the text around it).
fn score(docs: &[Doc], label: &str, show: bool, context: bool) {
    let (
        mut n_gold,
        mut n_sys,
        mut strict,
        mut rel_sys,
        mut rel_gold,
        mut val_ok,
        mut type_ok,
        mut pairs,
    ) = (
        0usize, 0usize, 0usize, 0usize, 0usize, 0usize, 0usize, 0usize,
    );
    let mut bytes = 0usize;
    let mut elapsed = std::time::Duration::ZERO;
    for doc in docs {
        // Best of five runs: the machine is shared.
        let mut best = std::time::Duration::MAX;
        let mut sys = Vec::new();
        for _ in 0..5 {
            let t0 = std::time::Instant::now();
            sys = dates::find(&doc.text, doc.dct);
            best = best.min(t0.elapsed());
        }
        elapsed += best;
        bytes += doc.text.len();
        n_gold += doc.gold.len();
        n_sys += sys.len();
        for s in &sys {
            if doc.gold.iter().any(|g| g.start < s.end && s.start < g.end) {
                rel_sys += 1;
            } else if show {
                println!(
                    "FP  {}\t{:?}\t{} {}",
                    doc.name,
                    &doc.text[s.start..s.end],
                    s.ty.as_str(),
                    s.value
                );
                if context {
                    println!("    {}", around(&doc.text, s.start, s.end));
                }
            }
        }
        for g in &doc.gold {
            let gt = &doc.text[g.start..g.end];
            if sys.iter().any(|s| s.start == g.start && s.end == g.end) {
                strict += 1;
            }
            match sys.iter().find(|s| g.start < s.end && s.start < g.end) {
                Some(s) => {
                    rel_gold += 1;
                    pairs += 1;
                    if s.value == g.value {
                        val_ok += 1;
                    } else if show {
                        println!(
                            "VAL {}\t{:?}\t{} {}\tsys {:?} {} {}",
                            doc.name,
                            gt,
                            g.ty,
                            g.value,
                            &doc.text[s.start..s.end],
                            s.ty.as_str(),
                            s.value
                        );
                        if context {
                            println!("    {}", around(&doc.text, g.start, g.end));
                        }
                    }
                    if s.ty.as_str() == g.ty {
                        type_ok += 1;
                    }
                    if show && !(s.start == g.start && s.end == g.end) {
                        println!(
                            "SPAN {}\t{:?}\tsys {:?}",
                            doc.name,
                            gt,
                            &doc.text[s.start..s.end]
                        );
                    }
                }
                None => {
                    if show {
                        println!("FN  {}\t{:?}\t{} {}", doc.name, gt, g.ty, g.value);
                        if context {
                            println!("    {}", around(&doc.text, g.start, g.end));
                        }
                    }
                }
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (sp, sr) = (ratio(strict, n_sys), ratio(strict, n_gold));
    let (rp, rr) = (ratio(rel_sys, n_sys), ratio(rel_gold, n_gold));
    let (vp, vr) = (ratio(val_ok, n_sys), ratio(val_ok, n_gold));
    println!(
        "TempEval-3 Task A on {} ({} files, {} gold TIMEX3, {} system)",
        label,
        docs.len(),
        n_gold,
        n_sys
    );
    println!("strict   P {:.4}  R {:.4}  F1 {:.4}", sp, sr, f1(sp, sr));
    println!("relaxed  P {:.4}  R {:.4}  F1 {:.4}", rp, rr, f1(rp, rr));
    println!("value    P {:.4}  R {:.4}  F1 {:.4}", vp, vr, f1(vp, vr));
    println!(
        "type accuracy {:.4} ({} of {} relaxed pairs)",
        ratio(type_ok, pairs),
        type_ok,
        pairs
    );
    let secs = elapsed.as_secs_f64();
    if secs > 0.0 {
        println!(
            "speed {:.1} MB/s ({} bytes in {:.3} s, dates::find only, best of 5 per file)",
            bytes as f64 / secs / 1e6,
            bytes,
            secs
        );
    }
}

#[derive(serde::Deserialize)]
struct JsonTimex {
    start: usize,
    end: usize,
    text: String,
    #[serde(rename = "type")]
    ty: String,
    value: String,
}

#[derive(serde::Deserialize)]
struct JsonDoc {
    file: String,
    dct: String,
    timexes: Vec<JsonTimex>,
}

/// `evaluate timex GOLD.jsonl TEXTDIR [--errors [--context]]`: the same measures on a gold
/// set kept as JSON lines beside plain-text articles (ours: `eval/dates/`). Each line is
/// `{"file", "dct", "timexes": [{"start", "end", "text", "type", "value"}]}` with offsets in
/// Unicode code points into `TEXTDIR/file`; a timex whose `text` is not that slice is an
/// error naming the file and the offsets.
pub fn run_json(args: &[String]) -> Result<(), String> {
    let usage = "usage: evaluate timex GOLD.jsonl TEXTDIR [--errors [--context]]";
    let mut paths = args.iter().filter(|a| !a.starts_with("--"));
    let gold_path = paths.next().ok_or(usage)?;
    let text_dir = Path::new(paths.next().ok_or(usage)?);
    let show = args.iter().any(|a| a == "--errors");
    let context = args.iter().any(|a| a == "--context");
    let raw = std::fs::read_to_string(gold_path).map_err(|e| format!("cannot read {gold_path}: {e}"))?;
    let mut docs = Vec::new();
    for (n, line) in raw.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let jd: JsonDoc = serde_json::from_str(line).map_err(|e| format!("{gold_path}:{}: {e}", n + 1))?;
        let path = text_dir.join(&jd.file);
        let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        // Code point index -> byte offset (one past the end allowed).
        let bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let mut gold = Vec::with_capacity(jd.timexes.len());
        for t in jd.timexes {
            let span = bytes.get(t.start).zip(bytes.get(t.end)).filter(|(a, b)| a < b);
            match span {
                Some((&a, &b)) if text[a..b] == t.text => gold.push(Gold { start: a, end: b, ty: t.ty, value: t.value }),
                _ => {
                    return Err(format!(
                        "{gold_path}:{}: {}: {:?} is not the text at code points {}..{}",
                        n + 1,
                        jd.file,
                        t.text,
                        t.start,
                        t.end
                    ))
                }
            }
        }
        let dct = CivilDate::parse_iso(&jd.dct).ok_or_else(|| format!("{gold_path}:{}: dct {:?} is not YYYY-MM-DD", n + 1, jd.dct))?;
        docs.push(Doc { name: jd.file, text, dct: Some(dct), gold });
    }
    if docs.is_empty() {
        return Err(format!("{gold_path}: no documents"));
    }
    score(&docs, gold_path, show, context);
    Ok(())
}
