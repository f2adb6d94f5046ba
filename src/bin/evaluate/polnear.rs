//! `evaluate polnear DIR [--show]`: direct quotations and speakers against PolNeAR.
//!
//! `DIR` holds `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann` (brat standoff, offsets
//! in characters). Articles with several annotators' files use the first file in name order.
//!
//! **Gold quotations.** Quotation marks are paired line by line, independently of the code
//! under test: `“` `«` open, `”` `»` close, `"` and `''` alternate, a quotation still open
//! at the end of a line ends there (the next paragraph reopens it), and curly single quotes
//! `‘...’` pair outside double ones. A pair whose inner text lies at least half inside the
//! `Content` of one attribution is a gold quotation with that attribution's `Source` as
//! speaker: *required* when it has three or more words, *optional* (neither credited nor
//! counted against) with one or two, as are one- or two-word pairs outside any content
//! (scare quotes). Multi-paragraph quotations are scored paragraph by paragraph: gold and
//! found quotations are cut at line breaks into segments.
//!
//! **Scores.** A found segment counts when it covers at least half of a required gold
//! segment; one that covers only optional ones is ignored; any other is a false positive.
//! Recall is the share of required gold segments covered. Speaker accuracy is over found
//! quotations that match a required gold quotation: the speaker is right when its span
//! overlaps the gold `Source`, or when a capitalised word of the speaker or its entity
//! names the source (a pronoun source stands for the nearest earlier named source); when
//! the gold has no source, right means no speaker.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use article_annotator::{entities, quotes, tokenize};

struct Attribution {
    content: Vec<(usize, usize)>,
    source: Vec<(usize, usize)>,
}

struct Gold {
    start: usize,
    end: usize,
    required: bool,
    /// Attribution index, when inside a content.
    attr: Option<usize>,
}

#[derive(Default)]
struct Tally {
    articles: usize,
    gold_required: usize,
    gold_optional: usize,
    gold_segments: usize,
    recalled: usize,
    short_segments: usize,
    short_recalled: usize,
    found_segments: usize,
    tp_segments: usize,
    fp_segments: usize,
    found_quotes: usize,
    no_speaker: usize,
    matched_quotes: usize,
    speaker_right: usize,
}

pub fn run(args: &[String]) -> Result<(), String> {
    let show = args.iter().any(|a| a == "--show");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .ok_or("usage: evaluate polnear DIR [--show] (DIR holds text/ and attributions/)")?;
    let dir = Path::new(dir);
    let ann_dir = dir.join("attributions");
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    let entries =
        fs::read_dir(&ann_dir).map_err(|e| format!("cannot read {}: {e}", ann_dir.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ann"))
        .collect();
    names.sort();
    for n in names {
        let stem = &n[..n.len() - 4];
        let base = match stem.rsplit_once('_') {
            Some((b, who)) if who.chars().all(|c| c.is_ascii_hexdigit()) => b.to_string(),
            _ => stem.to_string(),
        };
        files.entry(base).or_insert(n);
    }
    if files.is_empty() {
        return Err(format!("no .ann files in {}", ann_dir.display()));
    }
    let mut t = Tally::default();
    for (base, ann_name) in &files {
        let text_path = dir.join("text").join(format!("{base}.txt"));
        let text = fs::read_to_string(&text_path)
            .map_err(|e| format!("cannot read {}: {e}", text_path.display()))?;
        let ann_path = ann_dir.join(ann_name);
        let ann = fs::read_to_string(&ann_path)
            .map_err(|e| format!("cannot read {}: {e}", ann_path.display()))?;
        let attrs = parse_ann(&ann).map_err(|e| format!("{}: {e}", ann_path.display()))?;
        score_article(base, &text, &attrs, &mut t, show);
    }
    let p = ratio(t.tp_segments, t.tp_segments + t.fp_segments);
    let r = ratio(t.recalled, t.gold_segments);
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!(
        "polnear {}: {} articles, {} required gold quotations ({} segments), {} optional short ones",
        dir.display(),
        t.articles,
        t.gold_required,
        t.gold_segments,
        t.gold_optional
    );
    println!(
        "quotes:   P {:.3}  R {:.3}  F1 {:.3}   ({} of {} found segments right, {} false; {} of {} gold segments covered)",
        p, r, f, t.tp_segments, t.found_segments, t.fp_segments, t.recalled, t.gold_segments
    );
    println!(
        "speakers: accuracy {:.3} ({} of {} matched quotations); no speaker on {:.1}% of {} found quotations",
        ratio(t.speaker_right, t.matched_quotes),
        t.speaker_right,
        t.matched_quotes,
        100.0 * ratio(t.no_speaker, t.found_quotes),
        t.found_quotes
    );
    println!(
        "short (1-2 word) quoted words inside contents: {} of {} covered (not part of the scores above)",
        t.short_recalled, t.short_segments
    );
    Ok(())
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn parse_spans(s: &str) -> Option<Vec<(usize, usize)>> {
    s.split(';')
        .map(|part| {
            let mut it = part.split_whitespace();
            let a = it.next()?.parse().ok()?;
            let b = it.next()?.parse().ok()?;
            Some((a, b))
        })
        .collect()
}

fn parse_ann(ann: &str) -> Result<Vec<Attribution>, String> {
    let mut spans: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
    let mut out = Vec::new();
    let mut events = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let mut cols = line.split('\t');
        let id = cols.next().unwrap_or("");
        let body = cols.next().unwrap_or("");
        if id.starts_with('T') {
            let Some((_, frags)) = body.split_once(' ') else {
                continue;
            };
            let v =
                parse_spans(frags).ok_or_else(|| format!("line {}: bad spans {frags:?}", n + 1))?;
            spans.insert(id, v);
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    for body in events {
        let mut content = Vec::new();
        let mut source = Vec::new();
        for role in body.split_whitespace() {
            if let Some((r, tid)) = role.split_once(':') {
                let v = spans.get(tid).cloned().unwrap_or_default();
                if r.starts_with("Content") {
                    content.extend(v);
                } else if r.starts_with("Source") {
                    source.extend(v);
                }
            }
        }
        if !content.is_empty() {
            out.push(Attribution { content, source });
        }
    }
    Ok(out)
}

/// Gold quotation-mark pairs, in characters.
fn gold_pairs(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut single: Option<usize> = None;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let two = c == '\'' && chars.get(i + 1) == Some(&'\'');
        if c == '\n' {
            if let Some(s) = open.take() {
                out.push((s, i));
            }
            single = None;
        } else if matches!(c, '“' | '«') {
            open = Some(i);
        } else if matches!(c, '”' | '»') {
            if let Some(s) = open.take() {
                out.push((s, i + 1));
            }
        } else if c == '"' || two {
            let len = if two { 2 } else { 1 };
            match open.take() {
                None => open = Some(i),
                Some(s) => out.push((s, i + len)),
            }
            i += len;
            continue;
        } else if open.is_none() && c == '‘' {
            let before = i.checked_sub(1).map(|k| chars[k]);
            if before.map_or(true, |b| !b.is_alphanumeric()) {
                single = Some(i);
            }
        } else if open.is_none() && c == '’' {
            let after = chars.get(i + 1);
            if let (Some(s), true) = (single, after.map_or(true, |a| !a.is_alphanumeric())) {
                out.push((s, i + 1));
                single = None;
            }
        }
        i += 1;
    }
    if let Some(s) = open {
        out.push((s, chars.len()));
    }
    out.sort();
    out
}

fn words(chars: &[char]) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for &c in chars {
        if c.is_alphanumeric() {
            if !in_word {
                n += 1;
            }
            in_word = true;
        } else if !(in_word && matches!(c, '\'' | '’' | '-')) {
            in_word = false;
        }
    }
    n
}

/// `[s, e)` cut at line breaks, whitespace trimmed.
fn segments(chars: &[char], s: usize, e: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut a = s;
    let e = e.min(chars.len());
    for i in s..=e {
        if i == e || chars[i] == '\n' {
            let mut x = a;
            let mut y = i;
            while x < y && chars[x].is_whitespace() {
                x += 1;
            }
            while y > x && chars[y - 1].is_whitespace() {
                y -= 1;
            }
            if y > x {
                out.push((x, y));
            }
            a = i + 1;
        }
    }
    out
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn name_words(s: &str) -> Vec<String> {
    const SKIP: &[&str] = &[
        "He",
        "She",
        "They",
        "We",
        "It",
        "I",
        "The",
        "Mr",
        "Mrs",
        "Ms",
        "Sen",
        "Rep",
        "Gov",
        "Dr",
        "President",
        "Former",
        "His",
        "Her",
        "Their",
        "Its",
        "A",
        "An",
        "Democratic",
        "Republican",
    ];
    s.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| {
            w.len() >= 2 && w.chars().next().is_some_and(char::is_uppercase) && !SKIP.contains(w)
        })
        .map(str::to_string)
        .collect()
}

fn score_article(base: &str, text: &str, attrs: &[Attribution], t: &mut Tally, show: bool) {
    t.articles += 1;
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: usize, e: usize| -> String {
        chars[s.min(chars.len())..e.min(chars.len())]
            .iter()
            .collect()
    };
    // Which attribution's content covers each character.
    let mut cover: Vec<Option<usize>> = vec![None; chars.len()];
    for (k, a) in attrs.iter().enumerate() {
        for &(s, e) in &a.content {
            for c in cover.iter_mut().take(e.min(chars.len())).skip(s) {
                *c = Some(k);
            }
        }
    }
    let mut golds = Vec::new();
    for (s, e) in gold_pairs(&chars) {
        let inner = if e - s > 2 { (s + 1, e - 1) } else { (s, e) };
        let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
        for k in cover[inner.0..inner.1].iter().flatten() {
            *counts.entry(*k).or_default() += 1;
        }
        let best = counts
            .iter()
            .max_by_key(|(_, n)| **n)
            .map(|(k, n)| (*k, *n));
        let w = words(&chars[s..e]);
        let attr = best
            .filter(|&(_, n)| 2 * n >= inner.1 - inner.0)
            .map(|(k, _)| k);
        if attr.is_some() || w <= 2 {
            golds.push(Gold {
                start: s,
                end: e,
                required: attr.is_some() && w >= 3,
                attr,
            });
        }
    }
    // Sources in text order, for resolving a pronoun source to the named one before it.
    let mut named_sources: Vec<(usize, String)> = attrs
        .iter()
        .filter_map(|a| {
            let (s, e) = *a.source.first()?;
            let txt = slice(s, e);
            (!name_words(&txt).is_empty()).then_some((s, txt))
        })
        .collect();
    named_sources.sort();

    let mut gold_segs: Vec<(usize, usize, usize)> = Vec::new(); // (start, end, gold index)
    for (g, gq) in golds.iter().enumerate() {
        for (a, b) in segments(&chars, gq.start, gq.end) {
            gold_segs.push((a, b, g));
        }
        if gq.required {
            t.gold_required += 1;
        } else {
            t.gold_optional += 1;
        }
    }
    let mut recalled = vec![false; gold_segs.len()];

    // Byte offsets -> character offsets.
    let mut char_at = vec![0usize; text.len() + 1];
    let mut ci = 0;
    for (b, _) in text.char_indices() {
        char_at[b] = ci;
        ci += 1;
    }
    char_at[text.len()] = ci;
    let tokens = tokenize::tokenize(text);
    let mentions = entities::find(text, &tokens);
    let found = quotes::find(text, &tokens, &mentions);
    for q in &found {
        t.found_quotes += 1;
        let (qs, qe) = (char_at[q.start], char_at[q.end]);
        let speaker = q
            .speaker
            .as_ref()
            .map(|s| (char_at[s.start], char_at[s.end], s.entity.clone()));
        if speaker.is_none() {
            t.no_speaker += 1;
        }
        let mut matched: Option<usize> = None;
        for seg in segments(&chars, qs, qe) {
            t.found_segments += 1;
            let mut tp = false;
            let mut optional = false;
            for (k, &(a, b, g)) in gold_segs.iter().enumerate() {
                if 2 * overlap(seg, (a, b)) >= b - a && overlap(seg, (a, b)) > 0 {
                    if golds[g].required {
                        tp = true;
                        recalled[k] = true;
                        matched.get_or_insert(g);
                    } else {
                        optional = true;
                        if golds[g].attr.is_some() {
                            recalled[k] = true;
                        }
                    }
                }
            }
            if tp {
                t.tp_segments += 1;
            } else if !optional {
                t.fp_segments += 1;
                if show {
                    println!(
                        "FP {base}: {:?}",
                        slice(seg.0.saturating_sub(60), seg.1 + 40)
                    );
                }
            }
        }
        let Some(g) = matched else { continue };
        t.matched_quotes += 1;
        let Some(k) = golds[g].attr else { continue };
        let source = &attrs[k].source;
        let right = match (&speaker, source.is_empty()) {
            (None, true) => true,
            (None, false) | (Some(_), true) => false,
            (Some((s, e, entity)), false) => {
                source.iter().any(|&src| overlap((*s, *e), src) > 0) || {
                    let src_text: String = source
                        .iter()
                        .map(|&(a, b)| slice(a, b))
                        .collect::<Vec<_>>()
                        .join(" ");
                    let mut gold_names = name_words(&src_text);
                    if gold_names.is_empty() {
                        let at = source[0].0;
                        let i = named_sources.partition_point(|(p, _)| *p < at);
                        if let Some((_, n)) = i.checked_sub(1).and_then(|i| named_sources.get(i)) {
                            gold_names = name_words(n);
                        }
                    }
                    let mut ours = name_words(&slice(*s, *e));
                    if let Some(en) = entity {
                        ours.extend(name_words(en));
                    }
                    ours.iter().any(|w| gold_names.contains(w))
                }
            }
        };
        if right {
            t.speaker_right += 1;
        } else if show {
            let ours = speaker
                .as_ref()
                .map(|(s, e, en)| format!("{:?}={:?}", slice(*s, *e), en));
            let gold: Vec<String> = source.iter().map(|&(a, b)| slice(a, b)).collect();
            println!(
                "SPK {base}: ours {:?} gold {:?} in {:?}",
                ours,
                gold,
                slice(
                    golds[g].start.saturating_sub(100),
                    golds[g].end.min(golds[g].start + 80) + 60
                )
            );
        }
    }
    for (k, &(a, b, g)) in gold_segs.iter().enumerate() {
        let gq = &golds[g];
        if gq.required {
            t.gold_segments += 1;
            if recalled[k] {
                t.recalled += 1;
            } else if show {
                println!("FN {base}: {:?}", slice(a.saturating_sub(80), b + 60));
            }
        } else if gq.attr.is_some() {
            t.short_segments += 1;
            if recalled[k] {
                t.short_recalled += 1;
            }
        }
    }
}
