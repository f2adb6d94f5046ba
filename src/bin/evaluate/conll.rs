//! `evaluate conll FILE`: CoNLL-2003 entity-level exact-match precision, recall and F1 per
//! type (conlleval's definition), through the public `annotate` API.
//!
//! Each document is fed as the annotator would see it: tokens joined by single spaces,
//! sentences by newlines, input kind "text", only entities requested. A predicted span counts
//! when its start and end fall on CoNLL token boundaries and match a gold entity exactly
//! (label included). Also prints how many gold entity boundaries the tokenizer splits
//! (must be 0), how many predicted spans do not fall on token boundaries, and tokens/s.

use std::collections::HashMap;
use std::time::Instant;

use article_annotator::entities::train::{self, Counts};
use article_annotator::{annotate, Kind, Options};

pub fn run(args: &[String]) -> Result<(), String> {
    let (errors, args): (bool, Vec<&String>) = (args.iter().any(|a| a == "--errors"), args.iter().filter(|a| *a != "--errors").collect());
    let [path] = args.as_slice() else {
        return Err("usage: evaluate conll FILE [--errors]".into());
    };
    let docs = train::read_conll(path)?;
    let options = Options { kinds: Some(vec!["entity".into()]), input: Some("text".into()), ..Options::default() };
    let mut counts = [Counts::default(); 5];
    let (mut broken, mut off_boundary, mut n_tokens) = (0usize, 0usize, 0usize);
    let mut elapsed = 0.0f64;
    for doc in &docs {
        let (text, spans) = doc.text();
        broken += train::prepare(doc).broken;
        n_tokens += doc.tokens.len();
        // UTF-16 offset -> byte offset.
        let mut u16_to_byte = HashMap::new();
        let mut u = 0usize;
        for (b, c) in text.char_indices() {
            u16_to_byte.insert(u, b);
            u += c.len_utf16();
        }
        u16_to_byte.insert(u, text.len());
        let start_tok: HashMap<usize, usize> = spans.iter().enumerate().map(|(i, s)| (s.0, i)).collect();
        let end_tok: HashMap<usize, usize> = spans.iter().enumerate().map(|(i, s)| (s.1, i + 1)).collect();
        let t0 = Instant::now();
        let result = annotate(&text, &options).map_err(|e| format!("{path}: {e}"))?;
        elapsed += t0.elapsed().as_secs_f64();
        let mut pred = Vec::new();
        for a in result.annotations.iter().filter(|a| a.kind == Kind::Entity) {
            let Some(ty) = train::type_index(&a.label) else { continue };
            let bs = u16_to_byte.get(&a.start).and_then(|b| start_tok.get(b));
            let be = u16_to_byte.get(&a.end).and_then(|b| end_tok.get(b));
            match (bs, be) {
                (Some(&s), Some(&e)) => pred.push((s, e, ty)),
                _ => {
                    off_boundary += 1;
                    // Still counts as a (wrong) prediction.
                    counts[ty].found += 1;
                    counts[4].found += 1;
                }
            }
        }
        let gold = doc.entities();
        if errors {
            // One line per error: `missed`/`extra`/`type` (same span, other type), the types, the words.
            let words = |s: usize, e: usize| doc.tokens.get(s..e).map(|t| t.join(" ")).unwrap_or_default();
            let names = ["PER", "ORG", "LOC", "MISC"];
            for &(s, e, t) in &gold {
                if !pred.contains(&(s, e, t)) {
                    match pred.iter().find(|p| p.0 == s && p.1 == e) {
                        Some(p) => println!("type\t{}->{}\t{}", names[t], names[p.2], words(s, e)),
                        None => println!("missed\t{}\t{}", names[t], words(s, e)),
                    }
                }
            }
            for &(s, e, t) in &pred {
                if !gold.iter().any(|g| g.0 == s && g.1 == e) {
                    println!("extra\t{}\t{}", names[t], words(s, e));
                }
            }
        }
        train::score(&pred, &gold, &mut counts);
    }
    println!("{path}: {} documents, {n_tokens} tokens", docs.len());
    train::print_scores(&counts);
    println!("gold entity boundaries inside a tokenizer token: {broken}");
    println!("predicted entities off CoNLL token boundaries: {off_boundary}");
    println!("speed: {:.0} tokens/s ({:.2} s in annotate)", n_tokens as f64 / elapsed.max(1e-9), elapsed);
    Ok(())
}
