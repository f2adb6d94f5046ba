//! `evaluate duckling FILE [--errors]`: Duckling's English time corpus.
//!
//! Every line is `{text, ref_date, expected_start, grain, kind, section}`. The reference is
//! `ref_date` in full (2013-02-12 04:30 at UTC-2) with future bias, Duckling's convention
//! ([`dates::find_at`]; news text uses the nearest/past reading instead). The scorer:
//!
//! - a positive case passes when some found expression's value equals `expected_start` cut
//!   at the stated grain: year `2013`, quarter `2013-Q1` (or the month), month `2013-02`,
//!   week the ISO week `2013-W08` or the day, day `2013-02-15`, hour `2013-02-12T15`
//!   (our `T15:00` matches, and a finer `T15:30` too), minute/second `2013-02-12T15:30`; a
//!   time-zone suffix on our value is ignored; `PRESENT_REF` passes for "now"-like cases whose expected start is the
//!   reference instant. Intervals are scored by their start.
//! - "full span" additionally requires that expression to cover the whole text (leading
//!   prepositions such as "on", "at", "in" excepted).
//! - a `negativeCorpus` case passes when nothing is found.

use article_annotator::calendar::CivilDate;
use article_annotator::dates;

fn strip_zone(v: &str) -> &str {
    if let Some(t) = v.find('T') {
        let tail = &v[t..];
        if let Some(p) = tail.find(['+', 'Z']).or_else(|| tail.rfind('-')) {
            return &v[..t + p];
        }
    }
    v
}

fn accepted(expected: &str, grain: &str) -> Vec<String> {
    let day = expected.get(..10).unwrap_or("");
    let mut out = Vec::new();
    match grain {
        "year" => out.push(expected.get(..4).unwrap_or("").to_string()),
        "quarter" => {
            if let Some(m) = expected.get(5..7).and_then(|m| m.parse::<u8>().ok()) {
                out.push(format!("{}-Q{}", &expected[..4], (m - 1) / 3 + 1));
            }
            out.push(expected.get(..7).unwrap_or("").to_string());
        }
        "month" => out.push(expected.get(..7).unwrap_or("").to_string()),
        "week" => {
            if let Some(d) = CivilDate::parse_iso(day) {
                let (y, w) = d.iso_week();
                out.push(format!("{y:04}-W{w:02}"));
            }
            out.push(day.to_string());
        }
        "day" => out.push(day.to_string()),
        "hour" => {
            let h = expected.get(..13).unwrap_or("");
            out.push(h.to_string());
            out.push(format!("{h}:00"));
        }
        _ => out.push(expected.get(..16).unwrap_or("").to_string()),
    }
    out
}

/// "2013-02-12T04:30:00-02:00" -> the reference instant, read Duckling's way (future bias).
fn reference_of(raw: &str) -> dates::Reference {
    let time = raw
        .get(11..13)
        .zip(raw.get(14..16))
        .and_then(|(h, m)| Some((h.parse().ok()?, m.parse().ok()?)));
    let offset_minutes = raw.get(19..).and_then(|z| {
        let sign = match z.get(..1)? {
            "+" => 1,
            "-" => -1,
            _ => return (z == "Z").then_some(0),
        };
        let h: i32 = z.get(1..3)?.parse().ok()?;
        let m: i32 = z.get(4..6)?.parse().ok()?;
        Some(sign * (h * 60 + m))
    });
    dates::Reference {
        date: raw.get(..10).and_then(CivilDate::parse_iso),
        time,
        offset_minutes,
        future_bias: true,
    }
}

fn covers(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim();
    let after = text[end..].trim();
    let lead_ok = before.is_empty()
        || matches!(
            before.to_lowercase().as_str(),
            "on" | "at" | "in" | "for" | "by" | "the"
        );
    lead_ok && after.is_empty()
}

pub fn run(args: &[String]) -> Result<(), String> {
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .ok_or("usage: evaluate duckling FILE [--errors]")?;
    let show = args.iter().any(|a| a == "--errors");
    let raw = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let (mut pos, mut pos_ok, mut pos_full, mut neg, mut neg_ok) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    for (n, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let row: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| format!("{path} line {}: not JSON ({e})", n + 1))?;
        let text = row["text"]
            .as_str()
            .ok_or_else(|| format!("{path} line {}: no \"text\"", n + 1))?;
        let reference = row["ref_date"]
            .as_str()
            .map(reference_of)
            .unwrap_or_default();
        let found = dates::find_at(text, &reference);
        if row["section"].as_str() == Some("negativeCorpus")
            || row["kind"].as_str() == Some("negative")
        {
            neg += 1;
            if found.is_empty() {
                neg_ok += 1;
            } else if show {
                println!(
                    "NEG {text:?} -> {:?}",
                    found.iter().map(|t| &t.value).collect::<Vec<_>>()
                );
            }
            continue;
        }
        pos += 1;
        let expected = row["expected_start"].as_str().unwrap_or("");
        let grain = row["grain"].as_str().unwrap_or("day");
        let mut want = accepted(expected, grain);
        // Duckling gives holidays the grain "year" while their start is the day itself
        // ("chinese new year" -> 2014-01-31 with grain year): the day is accepted too.
        if row.get("holiday").is_some_and(|h| !h.is_null()) && grain == "year" {
            want.push(expected.get(..10).unwrap_or("").to_string());
        }
        let now_like = row["ref_date"]
            .as_str()
            .is_some_and(|r| r.get(..16) == expected.get(..16));
        let good = |v: &str| {
            let v = strip_zone(v);
            // A time finer than the grain passes when it agrees up to the grain
            // ("2013-02-13T04:30" for the hour "2013-02-13T04").
            let finer = |w: &str| {
                v.len() > w.len() && v.starts_with(w) && v.as_bytes().get(w.len()) == Some(&b':')
            };
            want.iter().any(|w| !w.is_empty() && (v == w || finer(w)))
                || (now_like && v == "PRESENT_REF")
        };
        let hit = found.iter().find(|t| good(&t.value));
        match hit {
            Some(t) => {
                pos_ok += 1;
                if covers(text, t.start, t.end) {
                    pos_full += 1;
                }
            }
            None => {
                if show {
                    println!(
                        "MISS {text:?} want {want:?} got {:?}",
                        found
                            .iter()
                            .map(|t| format!("{}={}", &text[t.start..t.end], t.value))
                            .collect::<Vec<_>>()
                    );
                }
            }
        }
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    println!("Duckling EN time corpus {path}");
    println!(
        "positive  {pos_ok}/{pos} pass ({:.1}%), {pos_full} with the full span ({:.1}%)",
        pct(pos_ok, pos),
        pct(pos_full, pos)
    );
    println!(
        "negative  {neg_ok}/{neg} left alone ({:.1}%)",
        pct(neg_ok, neg)
    );
    println!("overall   {:.1}%", pct(pos_ok + neg_ok, pos + neg));
    Ok(())
}
