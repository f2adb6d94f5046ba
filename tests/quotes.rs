#![cfg(not(target_arch = "wasm32"))]
//! Direct quotations and their speakers, as a reader of the page sees them (issue 5).
//! Offsets are checked by slicing, with an emoji and accented text before the spans.

use std::time::{Duration, Instant};

use article_annotator::quotes::{self, Quote};
use article_annotator::{annotate, tokenize, Kind, Options};

/// (quoted text, speaker as written, speaker entity, cue) for every quotation `find` reports.
type Row = (String, Option<String>, Option<String>, Option<String>);

fn find(text: &str) -> Vec<Row> {
    let tokens = tokenize::tokenize(text);
    let found: Vec<Quote> = quotes::find(text, &tokens, &[]);
    found
        .into_iter()
        .map(|q| {
            let s = q.speaker.as_ref();
            (
                text[q.start..q.end].to_string(),
                s.map(|s| text[s.start..s.end].to_string()),
                s.and_then(|s| s.entity.clone()),
                q.cue,
            )
        })
        .collect()
}

fn opt(s: &str) -> Option<String> {
    Some(s.to_string())
}

const SEED: &str = include_str!("data/seed-article.txt");

/// The seed: all four required quotations with the right speakers, and no false one
/// (the author-box question and the headline scare quotes are optional).
#[test]
fn seed_article_quotes_and_speakers() {
    let rows = find(SEED);
    let required = [
        ("“The world has turned its back on Russia, forcing Putin into the humiliation.\"", "Grant Shapps", "Grant Shapps", "said"),
        ("“The world has turned its back on Russia, forcing Putin into the humiliation of going cap in hand to North Korea to keep his illegal invasion going.”", "Grant Shapps", "Grant Shapps", "said"),
        // "He added": the speaker is the pronoun the reader sees, its entity the person.
        ("\"In doing so Russia has broken multiple [United Nations Security Council] resolutions and put the security of another world region at risk. This must stop now. Together with our partners we'll make sure North Korea pays a high price for supporting Russia.”", "He", "Grant Shapps", "added"),
        ("\"Overnight on 8 January, 2024, the enemy launched a massive attack on Ukraine,\"", "the country's air force", "", "said"),
    ];
    for (quote, speaker, entity, cue) in required {
        let row = rows
            .iter()
            .find(|r| r.0 == quote)
            .unwrap_or_else(|| panic!("not found: {quote}"));
        assert_eq!(row.1.as_deref(), Some(speaker), "{quote}");
        assert_eq!(row.2.as_deref().unwrap_or(""), entity, "{quote}");
        assert_eq!(row.3.as_deref(), Some(cue), "{quote}");
    }
    let optional = [
        "\"What is the purpose of journalism in society?\"",
        "'humiliated'",
        "‘humiliated’",
    ];
    for r in &rows {
        assert!(
            required.iter().any(|q| q.0 == r.0) || optional.contains(&r.0.as_str()),
            "false quotation {:?}",
            r.0
        );
    }
}

/// UTF-16 offsets through the public API: an emoji, accents and a dash before the quote.
#[test]
fn offsets_slice_the_text_after_emoji_and_accents() {
    let text = "😀 Café — Zoë Müller said, “Le café est prêt, mes amis.”\n\n“Encore,” she added, “deux fois.”";
    let options = Options {
        kinds: Some(vec!["quote".into()]),
        ..Options::default()
    };
    let result = annotate(text, &options).unwrap();
    let units: Vec<u16> = text.encode_utf16().collect();
    let slice = |a: usize, b: usize| String::from_utf16(&units[a..b]).unwrap();
    let quotes: Vec<_> = result
        .annotations
        .iter()
        .filter(|a| a.kind == Kind::Quote)
        .collect();
    assert_eq!(quotes.len(), 3, "{quotes:?}");
    assert_eq!(
        slice(quotes[0].start, quotes[0].end),
        "“Le café est prêt, mes amis.”"
    );
    assert_eq!(quotes[0].text, "“Le café est prêt, mes amis.”");
    let sp = quotes[0].speaker.clone().flatten().expect("a speaker");
    assert_eq!(slice(sp.start, sp.end), "Zoë Müller");
    assert_eq!(sp.text, "Zoë Müller");
    let sp = quotes[2].speaker.clone().flatten().expect("a speaker");
    assert_eq!(slice(sp.start, sp.end), "she");
    assert_eq!(sp.entity.as_deref(), Some("Zoë Müller"));
}

#[test]
fn attribution_styles() {
    let cases: &[(&str, &str, Option<&str>)] = &[
        (
            "Lindsey Graham said, \"We lose elections because of this.\"",
            "Lindsey Graham",
            Some("said"),
        ),
        (
            "\"We lose elections because of this,\" Graham said.",
            "Graham",
            Some("said"),
        ),
        (
            "\"We lose elections,\" said Graham, the senator from South Carolina.",
            "Graham",
            Some("said"),
        ),
        (
            "\"We will not back down\" Trump told reporters on Tuesday.",
            "Trump",
            Some("told"),
        ),
        (
            "According to the senator, \"the deal is dead for now.\"",
            "the senator",
            Some("according to"),
        ),
        (
            "Graham: \"We lose elections because of this.\"",
            "Graham",
            None,
        ),
        (
            "\"It was a massive attack,\" the country's air force said.",
            "the country's air force",
            Some("said"),
        ),
        (
            "\"We regret the error in full,\" a spokeswoman said.",
            "a spokeswoman",
            Some("said"),
        ),
        (
            "Carson did not name anyone, but told his supporters, \"our nation is in trouble.\"",
            "Carson",
            Some("told"),
        ),
        (
            "Here in Columbia, Sanders stepped up, saying, \"We have got to do better.\"",
            "Sanders",
            Some("saying"),
        ),
        (
            "\"Why would we wait for them?\" Clinton asked.",
            "Clinton",
            Some("asked"),
        ),
        ("« Nous ne céderons pas », a dit le ministre.", "", None),
    ];
    for (text, speaker, cue) in cases {
        let rows = find(text);
        assert_eq!(rows.len(), 1, "{text}: {rows:?}");
        assert_eq!(rows[0].1.as_deref().unwrap_or(""), *speaker, "{text}");
        assert_eq!(rows[0].3.as_deref(), *cue, "{text}");
    }
}

/// Bug guarded: a participle cue ("telling Reuters") took its object as the speaker.
#[test]
fn participle_cues_take_the_sentence_subject() {
    let rows =
        find("Trump returned the compliment, telling Reuters, “Sheldon and I have been friends.”");
    assert_eq!(rows[0].1, opt("Trump"));
}

#[test]
fn apostrophes_and_scare_quotes_are_not_quotations() {
    for text in [
        "Don't tell me the '90s were all rock 'n' roll, the Times' critic wrote in '16.",
        "They called it a “freak out” on the air.",
        "It was, in his words, a 'disaster' for the party's leaders.",
        "She has starred in “Parks and Recreation” and “Guardians of the Galaxy” since then.",
    ] {
        assert!(find(text).is_empty(), "{text}: {:?}", find(text));
    }
}

#[test]
fn typewriter_double_apostrophes_pair() {
    let rows =
        find("''That wasn't a good way to treat me,'' he complained to an American afterward.");
    assert_eq!(rows[0].0, "''That wasn't a good way to treat me,''");
    assert_eq!(rows[0].1, opt("he"));
}

#[test]
fn nested_quotes_stay_in_the_outer_one() {
    let rows =
        find("\"We go to school and they taunt us: 'You will be thrown out,'\" the girl said.");
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0].0,
        "\"We go to school and they taunt us: 'You will be thrown out,'\""
    );
    assert_eq!(rows[0].1, opt("the girl"));
}

#[test]
fn quotation_over_several_paragraphs_is_one() {
    let text =
        "Smith said: “The first paragraph goes on.\n\n“The second one ends here.”\n\nNext story.";
    let rows = find(text);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(
        rows[0].0,
        "“The first paragraph goes on.\n\n“The second one ends here.”"
    );
    assert_eq!(rows[0].1, opt("Smith"));
}

#[test]
fn consecutive_quotes_keep_their_speaker() {
    let text = "“CNN has done an awful job this year,” Barkley said. “They should be ashamed.”\n\n“Nobody watches it anymore,” he added.";
    let rows = find(text);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1].1, opt("Barkley"));
    assert_eq!(rows[2].2, opt("Barkley"));
}

/// Bug guarded: unbalanced marks must not make pairing or attribution quadratic.
#[test]
fn many_marks_stay_fast() {
    let budget = Duration::from_secs(if cfg!(debug_assertions) { 20 } else { 2 });
    for text in [
        "\"a\" ".repeat(500_000),
        "“".repeat(200_000),
        "“ said he\n".repeat(200_000),
        "x “y ".repeat(200_000),
    ] {
        let t = Instant::now();
        let tokens = tokenize::tokenize(&text);
        let _ = quotes::find(&text, &tokens, &[]);
        assert!(
            t.elapsed() < budget,
            "took {:?} on {} bytes",
            t.elapsed(),
            text.len()
        );
    }
}

/// Nothing panics on odd input: marks at the very start and end, lone marks, empty text.
#[test]
fn odd_inputs_do_not_panic() {
    for text in [
        "",
        "\"",
        "“",
        "''",
        "'",
        "\"\n\"",
        "said \"",
        "\" said",
        "“a b c",
        "x: “",
        "’’’’",
        "«»",
        "‘’",
    ] {
        let tokens = tokenize::tokenize(text);
        for q in quotes::find(text, &tokens, &[]) {
            assert!(text.get(q.start..q.end).is_some());
        }
    }
}
