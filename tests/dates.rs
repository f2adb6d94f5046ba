#![cfg(not(target_arch = "wasm32"))]
//! Date and time expressions: values against a reference date, spans by slicing, and the
//! words that must not become dates. Cases are data (text, expected span, type, value).

use article_annotator::calendar::CivilDate;
use article_annotator::dates::{find, parse_published, Timex};

fn reference() -> Option<CivilDate> {
    CivilDate::new(2024, 1, 9) // a Tuesday
}

fn found(text: &str) -> Vec<(String, &'static str, String)> {
    find(text, reference())
        .into_iter()
        .map(|t: Timex| (text[t.start..t.end].to_string(), t.ty.as_str(), t.value))
        .collect()
}

/// Whether `got` holds the expression `span` with `value` (and type `ty`, when given).
fn has(got: &[(String, &'static str, String)], span: &str, ty: Option<&str>, value: &str) -> bool {
    got.iter()
        .any(|(s, t, v)| s == span && ty.map_or(true, |ty| *t == ty) && v == value)
}

/// (text, expected expression, type, value), reference 2024-01-09.
const CASES: &[(&str, &str, &str, &str)] = &[
    (
        "Published Jan 09, 2024 06:00 AM IST",
        "Jan 09, 2024 06:00 AM IST",
        "TIME",
        "2024-01-09T06:00+05:30",
    ),
    (
        "It was fired on December 30.",
        "December 30",
        "DATE",
        "2023-12-30",
    ),
    (
        "Overnight on 8 January, 2024, the enemy attacked",
        "8 January, 2024",
        "DATE",
        "2024-01-08",
    ),
    ("They met last year.", "last year", "DATE", "2023"),
    (
        "The file is dated 2024-01-09.",
        "2024-01-09",
        "DATE",
        "2024-01-09",
    ),
    ("Sales fell in March 2023.", "March 2023", "DATE", "2023-03"),
    ("Music of the 1990s", "the 1990s", "DATE", "199"),
    ("Revenue rose in Q3 2023.", "Q3 2023", "DATE", "2023-Q3"),
    (
        "The plan for fiscal 2024 is ready.",
        "fiscal 2024",
        "DATE",
        "2024",
    ),
    (
        "He left two weeks ago.",
        "two weeks ago",
        "DATE",
        "2023-12-26",
    ),
    ("Prices rise next month.", "next month", "DATE", "2024-02"),
    (
        // TimeML (TimeBank 4 of 4) marks the week only, not the adverb.
        "She called earlier this week.",
        "this week",
        "DATE",
        "2024-W02",
    ),
    (
        "Talks resumed earlier this year.",
        "earlier this year",
        "DATE",
        "2024",
    ),
    (
        "Voters go to the polls in the weeks ahead.",
        "weeks",
        "DURATION",
        "PXW",
    ),
    ("Talks ended yesterday.", "yesterday", "DATE", "2024-01-08"),
    ("He had recently resigned.", "recently", "DATE", "PAST_REF"),
    (
        "Markets are now calmer than before",
        "now",
        "DATE",
        "PRESENT_REF",
    ),
    (
        "The siege lasted three years.",
        "three years",
        "DURATION",
        "P3Y",
    ),
    ("Talks ran for 48 hours.", "48 hours", "DURATION", "PT48H"),
    (
        "The market opens every Monday.",
        "every Monday",
        "SET",
        "XXXX-WXX-1",
    ),
    (
        "The vote closes at 3 p.m. ET on Friday.",
        "3 p.m. ET on Friday",
        "TIME",
        "2024-01-05T15:00-05:00",
    ),
    (
        "Results come at 3 p.m. EDT",
        "3 p.m. EDT",
        "TIME",
        "2024-01-09T15:00-04:00",
    ),
    ("A record five-year low", "five-year", "DURATION", "P5Y"),
    (
        "Rain fell this morning.",
        "this morning",
        "TIME",
        "2024-01-09TMO",
    ),
    (
        "Service resumes on Tuesday, January 16, 2024.",
        "Tuesday, January 16, 2024",
        "DATE",
        "2024-01-16",
    ),
    (
        "Filed 09/01/2024 in Delhi",
        "09/01/2024",
        "DATE",
        "2024-01-09",
    ),
    (
        "Filed 12/25/2023 in Ohio",
        "12/25/2023",
        "DATE",
        "2023-12-25",
    ),
    (
        "He arrived in the summer of 2023.",
        "the summer of 2023",
        "DATE",
        "2023-SU",
    ),
    (
        "Profit in the third quarter of 2023 rose",
        "the third quarter of 2023",
        "DATE",
        "2023-Q3",
    ),
    ("The 2023 figures", "2023", "DATE", "2023"),
];

#[test]
fn grammar_cases_have_their_values() {
    for &(text, expr, ty, value) in CASES {
        let got = found(text);
        assert!(
            got.iter()
                .any(|(t, y, v)| t == expr && *y == ty && v == value),
            "{text:?}: expected {expr:?} {ty} {value}, found {got:?}"
        );
    }
}

#[test]
fn day_ranges_give_both_ends_with_the_shared_month_and_year() {
    let got = found("Fighting raged Jan 5-7, 2024 near the border");
    let values: Vec<&str> = got.iter().map(|(_, _, v)| v.as_str()).collect();
    assert_eq!(values, ["2024-01-05", "2024-01-07"], "{got:?}");
    let got = found("from 2019 to 2021");
    assert_eq!(
        got.iter().map(|(_, _, v)| v.as_str()).collect::<Vec<_>>(),
        ["2019", "2021"]
    );
    let got = found("from March to May 2023");
    assert_eq!(
        got.iter().map(|(_, _, v)| v.as_str()).collect::<Vec<_>>(),
        ["2023-03", "2023-05"]
    );
}

#[test]
fn words_that_are_not_dates_stay_unmarked() {
    // Regression: numbers, modal "may", verb "march", the name "Sun", phone numbers.
    for text in [
        "at least one ballistic missile",
        "killed four people across Ukraine",
        "going cap in hand to North Korea",
        "May I ask a question? Protesters will march on the capital.",
        "counterpart, Kang Sun Nam said",
        "call 650-650-6500 or 650.650.6500",
        "Pay ABC 2000",
        "1,000 troops and 2,024 tanks at 3.5%",
        "author-default-90x90",
        "This must stop now.",
        // Regression: a discourse "Now," opening a sentence is not a time.
        "Now, the talks are over.",
        // Regression: a number glued to a letter is a label; "5 to 10" is a range of counts.
        "see table 4a",
        "between 5 to 10 people",
        "the 6-year-old boy",
    ] {
        assert!(found(text).is_empty(), "{text:?} gave {:?}", found(text));
    }
}

#[test]
fn offsets_slice_the_text_after_emoji_and_accents() {
    let text = "🇺🇦 Kyiv — café crème, naïve: le 8 January, 2024 à midi 😀 then December 30 ✓";
    let got = find(text, reference());
    let spans: Vec<&str> = got.iter().map(|t| &text[t.start..t.end]).collect();
    assert!(spans.contains(&"8 January, 2024"), "{spans:?}");
    assert!(spans.contains(&"December 30"), "{spans:?}");
}

#[test]
fn byline_gives_a_full_date_without_a_reference() {
    // analyze.rs reads the article's own date from its header with no reference date.
    let got = find("ByMallika Soni\nJan 09, 2024 06:00 AM IST\n", None);
    assert_eq!(
        got.first().map(|t| t.value.as_str()),
        Some("2024-01-09T06:00+05:30")
    );
    let got = find("It happened on December 30.", None);
    assert_eq!(got[0].value, "XXXX-12-30");
}

#[test]
fn published_dates_in_page_formats() {
    let d = CivilDate::new(2024, 1, 9);
    for raw in [
        "2024-01-09T06:00:00+05:30",
        "Jan 09, 2024 06:00 AM IST",
        "Tuesday, January 9, 2024",
        "Tue, 09 Jan 2024 06:00:00 +0530",
        "date 2024-01-09 close_game",
        "  2024-01-09",
        "January 9, 2024",
    ] {
        assert_eq!(parse_published(raw), d, "{raw:?}");
    }
    assert_eq!(parse_published("yesterday"), None);
    assert_eq!(parse_published(""), None);
}

#[test]
fn seed_article_dates() {
    // The seed article, read from the repository's own test data.
    let text = include_str!("data/seed-article.txt");
    let got = found(text);
    let expected = [
        ("2024-01-09", "DATE", "2024-01-09"),
        (
            "Jan 09, 2024 06:00 AM IST",
            "TIME",
            "2024-01-09T06:00+05:30",
        ),
        ("December 30", "DATE", "2023-12-30"),
        ("last year", "DATE", "2023"),
        ("8 January, 2024", "DATE", "2024-01-08"),
    ];
    for (t, ty, v) in expected {
        assert!(
            got.iter().any(|g| g.0 == t && g.1 == ty && g.2 == v),
            "missing {t:?}: {got:?}"
        );
    }
    let optional = ["Overnight", "2023"];
    for g in &got {
        assert!(
            expected.iter().any(|e| e.0 == g.0) || optional.contains(&g.0.as_str()),
            "false date {g:?}"
        );
    }
}

#[test]
fn hostile_input_never_panics_and_stays_linear() {
    let mut s = String::new();
    for k in 0..2000 {
        s.push_str(
            [
                "12", "/", "-", ":", "'", "Jan", ".", " ", "the", "2024", "é", "😀", "a.m", "Q",
                "ago", "\n",
            ][k % 16],
        );
    }
    let _ = find(&s, reference());
    let _ = find(&s, None);
    let digits = "9".repeat(100_000);
    let _ = find(&digits, reference());
    for t in [
        "", " ", "'", "Q", "the", "12:", "31/", "2024-", "Jan 5-", "T", "every", "5-7",
    ] {
        let _ = find(t, reference());
        let _ = parse_published(t);
    }
}

/// Duckling-style reference: Tuesday 2013-02-12 04:30 at UTC-2, future by default.
fn at_clock(text: &str) -> Vec<(String, &'static str, String)> {
    use article_annotator::dates::{find_at, Reference};
    let r = Reference {
        date: CivilDate::new(2013, 2, 12),
        time: Some((4, 30)),
        offset_minutes: Some(-120),
        future_bias: true,
    };
    find_at(text, &r)
        .into_iter()
        .map(|t: Timex| (text[t.start..t.end].to_string(), t.ty.as_str(), t.value))
        .collect()
}

#[test]
fn clock_reference_resolves_relative_times_forward() {
    // Regression (issue 4, round 2): with only a date, "in 1 hour" could not be resolved and
    // untensed names took the news reading ("october" in February -> the past October).
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "call me in one hour",
            "one hour",
            "TIME",
            "2013-02-12T05:30",
        ),
        ("in 2.5 hours", "2.5 hours", "TIME", "2013-02-12T07:00"),
        (
            "10 minutes ago",
            "10 minutes ago",
            "TIME",
            "2013-02-12T04:20",
        ),
        (
            "3 days from now",
            "3 days from now",
            "TIME",
            "2013-02-15T04:30",
        ),
        ("meet at 3:30", "3:30", "TIME", "2013-02-12T15:30"),
        ("at 3am", "3am", "TIME", "2013-02-13T03:00"),
        ("tuesday", "tuesday", "DATE", "2013-02-19"),
        ("in october", "october", "DATE", "2013-10"),
        ("thanksgiving", "thanksgiving", "DATE", "2013-11-28"),
        ("tonight", "tonight", "TIME", "2013-02-12T18:00"),
        // Regression (issue 4, round 3): spoken clock forms and part-of-day combinations.
        (
            "half past 3 pm",
            "half past 3 pm",
            "TIME",
            "2013-02-12T15:30",
        ),
        (
            "a quarter to noon",
            "a quarter to noon",
            "TIME",
            "2013-02-12T11:45",
        ),
        (
            "20 minutes past 3pm",
            "20 minutes past 3pm",
            "TIME",
            "2013-02-12T15:20",
        ),
        ("at 15h30", "15h30", "TIME", "2013-02-12T15:30"),
        ("at 3 15", "3 15", "TIME", "2013-02-12T15:15"),
        (
            "at 8 in the evening",
            "8 in the evening",
            "TIME",
            "2013-02-12T20:00",
        ),
        ("tonight at 8", "tonight at 8", "TIME", "2013-02-12T20:00"),
        (
            "Saturday morning at 9",
            "Saturday morning at 9",
            "TIME",
            "2013-02-16T09:00",
        ),
        (
            "Thursday 8:00 GMT",
            "Thursday 8:00 GMT",
            "TIME",
            "2013-02-14T06:00",
        ),
    ];
    for (text, span, ty, value) in cases {
        let got = at_clock(text);
        assert!(
            has(&got, span, Some(ty), value),
            "{text:?}: want {span:?} {ty} {value}, got {got:?}"
        );
    }
}

#[test]
fn news_reading_stays_nearest_or_past_without_future_bias() {
    // The same words in an article dated Tuesday 2024-01-09: the past Friday, the nearest
    // Thanksgiving, and "in two hours" stays a duration.
    assert!(found("They met on Friday.").contains(&("Friday".into(), "DATE", "2024-01-05".into())));
    assert!(found("after Thanksgiving").contains(&(
        "Thanksgiving".into(),
        "DATE",
        "2023-11-23".into()
    )));
    assert!(found("done in two hours").contains(&("two hours".into(), "DURATION", "PT2H".into())));
}

#[test]
fn holidays_and_nth_weekdays_follow_their_calendar_rules() {
    let cases: &[(&str, &str, &str)] = &[
        ("🎉 Café on Easter 2013", "Easter 2013", "2013-03-31"),
        (
            "Good Friday 2019 was calm",
            "Good Friday 2019",
            "2019-04-19",
        ),
        ("on Memorial Day 2024", "Memorial Day 2024", "2024-05-27"),
        ("Labor Day 2023", "Labor Day 2023", "2023-09-04"),
        (
            "the first Tuesday of October 2014",
            "the first Tuesday of October 2014",
            "2014-10-07",
        ),
        (
            "the last Friday of October 2013",
            "the last Friday of October 2013",
            "2013-10-25",
        ),
        (
            "the third day of October 2013",
            "the third day of October 2013",
            "2013-10-03",
        ),
        (
            "the day after tomorrow",
            "the day after tomorrow",
            "2024-01-11",
        ),
    ];
    for (text, span, value) in cases {
        let got = found(text);
        assert!(
            has(&got, span, None, value),
            "{text:?}: want {span:?} {value}, got {got:?}"
        );
    }
    // "good friday" lower case in running text is two ordinary words.
    assert!(found("we had a good friday night")
        .iter()
        .all(|(s, _, _)| !s.contains("good")));
}

#[test]
fn weekday_with_part_of_day_is_a_time() {
    // The TIMEX3 guidelines: "Friday night" is a TIME with TNI (session 5; it was the
    // day, DATE, after AQUAINT's majority).
    assert!(found("It happened Friday night.").contains(&(
        "Friday night".into(),
        "TIME",
        "2024-01-05TNI".into()
    )));
}

/// Round 4 regressions. Reference 2024-01-09 is a Tuesday; an emoji and accents precede each
/// span so a byte/char mix-up would cut the slice wrong.
#[test]
fn tense_comes_from_the_nearest_verb_and_spans_follow_timeml() {
    let cases: &[(&str, &str, &str, &str)] = &[
        // Bug: "will" further on outvoted "said" next to the weekday (gave next Friday).
        (
            "😀 Café: the minister said Friday that talks will resume",
            "Friday",
            "DATE",
            "2024-01-05",
        ),
        // Bug: a deadline "as soon as Tuesday" was read as last Tuesday.
        (
            "😀 Café: the father could come as soon as Thursday, aides said",
            "Thursday",
            "DATE",
            "2024-01-11",
        ),
        // Bug: the approximating quantifier was left out of the span.
        (
            "😀 Café: it took nearly two years",
            "nearly two years",
            "DURATION",
            "P2Y",
        ),
        (
            "😀 Café: at least 72 hours",
            "at least 72 hours",
            "DURATION",
            "PT72H",
        ),
        (
            "😀 Café: more than four decades ago",
            "more than four decades ago",
            "DATE",
            "198",
        ),
        // Bug: a full month name swallowed the sentence's full stop.
        (
            "😀 Café: it rose last May. Then",
            "last May",
            "DATE",
            "2023-05",
        ),
        // Bug: spelled-out years (broadcast transcripts) were missed.
        (
            "😀 Café: in nineteen ninety-six, he",
            "nineteen ninety-six",
            "DATE",
            "1996",
        ),
        (
            "😀 Café: by the year two thousand",
            "the year two thousand",
            "DATE",
            "2000",
        ),
        (
            "😀 Café: the current share is 40%",
            "current",
            "DATE",
            "PRESENT_REF",
        ),
        (
            "😀 Café: for the year ended Sept. 30",
            "the year",
            "DURATION",
            "P1Y",
        ),
    ];
    for (text, span, ty, value) in cases {
        let got = found(text);
        assert!(
            has(&got, span, Some(ty), value),
            "{text}: want {span:?} {ty} {value}, got {got:?}"
        );
    }
    // Not a time: the noun "current", and "two thousand" as a count.
    for text in [
        "😀 Café: the current of the river",
        "😀 Café: two thousand people came",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
}

/// Regression (memory): the stage works on pieces of about 32 KiB so that a 5 MB document
/// no longer holds a token per word of the whole text (64.6 MiB peak, now ~2 MiB). The cut
/// must never split an expression ("Aug. 7, 1998" after an abbreviation's full stop) nor
/// shift offsets, even in one long line with no paragraph breaks.
#[test]
fn long_single_line_text_keeps_expressions_whole_across_pieces() {
    let mut text = String::from("Ünïcode 😀 café ");
    let sentence = "The mayor said Friday. Officials met on Aug. 7, 1998 in Rome. ";
    while text.len() < 200_000 {
        text.push_str(sentence);
    }
    let got = find(&text, reference());
    let copies = text.matches(sentence).count();
    let aug: Vec<&Timex> = got.iter().filter(|t| t.value == "1998-08-07").collect();
    assert_eq!(aug.len(), copies, "every 'Aug. 7, 1998' found once");
    assert!(aug.iter().all(|t| &text[t.start..t.end] == "Aug. 7, 1998"));
    let fri = got
        .iter()
        .filter(|t| &text[t.start..t.end] == "Friday")
        .count();
    assert_eq!(fri, copies);
    assert_eq!(
        got.len(),
        2 * copies,
        "nothing else, nothing split: {:?}",
        got.len()
    );
}

/// Round 5 (issue 4): everyday expressions against a known instant (Tuesday 2013-02-12
/// 04:30) resolve to the day a calendar assistant means.
#[test]
fn everyday_expressions_resolve_to_the_right_day() {
    let cases: &[(&str, &str, &str)] = &[
        // Bug: "next Wednesday" said on a Tuesday gave tomorrow; it is next week's.
        ("😀 café: next Wednesday", "next Wednesday", "2013-02-20"),
        ("next Friday", "next Friday", "2013-02-22"),
        (
            "wednesday of next week",
            "wednesday of next week",
            "2013-02-20",
        ),
        ("monday of this week", "monday of this week", "2013-02-11"),
        ("friday after next", "friday after next", "2013-02-22"),
        ("last week's sunday", "last week's sunday", "2013-02-10"),
        // Bug: months and years ago kept the month/year although the day is known.
        ("three months ago", "three months ago", "2012-11-12"),
        ("a year ago", "a year ago", "2012-02-12"),
        // Bug: "this weekend" was a week code, not a day.
        ("this weekend", "this weekend", "2013-02-16"),
        // Bug: "last/next N units" were bare durations; an assistant wants the interval start.
        ("last 2 days", "last 2 days", "2013-02-10"),
        ("next 3 months", "next 3 months", "2013-03"),
        ("last 2 minutes", "last 2 minutes", "2013-02-12T04:28"),
        ("next 3 hours", "next 3 hours", "2013-02-12T05:00"),
    ];
    for (text, span, value) in cases {
        let got = at_clock(text);
        assert!(
            has(&got, span, None, value),
            "{text:?}: want {span:?} {value}, got {got:?}"
        );
    }
    // News text keeps TimeML's readings: "the last two years" is a duration.
    let news = found("Sales rose over the last two years.");
    assert!(has(&news, "the last two years", Some("DURATION"), "P2Y"));
}

/// Round 5 (issue 4): a range's first half borrows what only the second half states, and a
/// weekday in front of a date picks the year in which that day has that name.
#[test]
fn range_halves_share_day_zone_and_meridiem() {
    let cases: &[(&str, &str, &str)] = &[
        // Bug: "3" in "3-4pm" was no time and "4pm" was read as a numeral's tail.
        ("é 😀 3-4pm", "3", "2013-02-12T15:00"),
        ("é 😀 3-4pm", "4pm", "2013-02-12T16:00"),
        ("8-10pm tomorrow", "8", "2013-02-13T20:00"),
        // Bug: the first half stayed on today, without the zone.
        ("9:30 - 11:00 on Thursday", "9:30", "2013-02-14T09:30"),
        ("Thursday from 9:30 to 11:00", "9:30", "2013-02-14T09:30"),
        ("from 3pm to 5pm on Friday", "3pm", "2013-02-15T15:00"),
        ("9:30 - 11:00 CST", "9:30", "2013-02-12T13:30"),
        // Bug: "13" in "from 13 to 15 July" was not found.
        ("from 13 to 15 July", "13", "2013-07-13"),
        // Bug: "Sat, Jan 5" took the future year although Jan 5 2014 is a Sunday.
        ("Sat, Jan 5", "Sat, Jan 5", "2013-01-05"),
    ];
    for (text, span, value) in cases {
        let got = at_clock(text);
        assert!(
            has(&got, span, None, value),
            "{text:?}: want {span:?} {value}, got {got:?}"
        );
    }
    // A numeral range stays a numeral range.
    assert!(found("Scores were 650-4 and 3-4 in the end.").is_empty());
}

/// Round 5 (issue 4): fractions of units. Bug: "half an hour" was "an hour", "5 1/2 hours"
/// was "1/2 hours" and "a minute and a half" was "a minute".
#[test]
fn fractions_of_units_are_whole_durations() {
    let news: &[(&str, &str, &str)] = &[
        ("😀 é: waited 5 1/2 hours", "5 1/2 hours", "PT5H30M"),
        ("for 2 1/2 years", "2 1/2 years", "P2Y6M"),
        ("a minute and a half", "a minute and a half", "PT1M30S"),
        ("half an hour", "half an hour", "PT30M"),
        ("a quarter of an hour", "a quarter of an hour", "PT15M"),
    ];
    for (text, span, value) in news {
        let got = found(text);
        assert!(
            has(&got, span, Some("DURATION"), value),
            "{text:?}: want {span:?} {value}, got {got:?}"
        );
    }
    let clock: &[(&str, &str)] = &[
        ("in half an hour", "2013-02-12T05:00"),
        ("in about half an hour", "2013-02-12T05:00"),
        ("in three-quarters of an hour", "2013-02-12T05:15"),
        ("in 2 and a half hours", "2013-02-12T07:00"),
        ("in 1/4h", "2013-02-12T04:45"),
        ("a fortnight ago", "2013-01-29"),
    ];
    for (text, value) in clock {
        let got = at_clock(text);
        assert!(
            got.iter().any(|(_, _, v)| v.starts_with(value)),
            "{text:?}: want {value}, got {got:?}"
        );
    }
}

/// Round 5 (issue 4): a day part and a clock part compose. Bug: "in 7 days at 5pm" gave
/// today 17:00 and "Thu at 8 GMT" dropped the day; "sat at 10am" (a verb) must stay a time.
#[test]
fn day_and_clock_parts_compose() {
    for (text, value) in [
        ("😀 é in 7 days at 5pm", "2013-02-19T17:00"),
        ("Thu at 8 am PST", "2013-02-14T14:00"),
        ("tomorrow at 5pm", "2013-02-13T17:00"),
        // Bug: "5/6" (both parts <= 12) was left alone even before "at noon".
        ("5/6 at noon", "2013-05-06T12:00"),
        // Bug: a bare hour before a day was dropped ("9 tomorrow" gave the day only).
        ("at 5 tomorrow afternoon", "2013-02-13T17:00"),
        ("9 tomorrow evening", "2013-02-13T21:00"),
    ] {
        let got = at_clock(text);
        assert!(
            got.iter().any(|(_, _, v)| v == value),
            "{text:?}: want {value}, got {got:?}"
        );
    }
    assert!(found("Shares fell 9 today.")
        .iter()
        .all(|(s, _, _)| s == "today"));
    let got = at_clock("the court sat at 10am");
    assert!(got.iter().all(|(s, _, _)| !s.contains("sat")), "{got:?}");
}

/// Round 5 (issue 4): with a clock, the beginning or end of a week is a day. Bug: "end of
/// this week" had no expression and "the beginning of next week" stayed a week code.
#[test]
fn week_edges_are_days_for_an_assistant() {
    for (text, value) in [
        ("😀 é, done by end of this week", "2013-02-15"),
        ("at the beginning of next week", "2013-02-18"),
        ("the beginning of the month", "2013-02-01"),
        ("beginning of January", "2014-01-01"),
    ] {
        let got = at_clock(text);
        assert!(
            got.iter().any(|(_, _, v)| v == value),
            "{text:?}: want {value}, got {got:?}"
        );
    }
    // News keeps TimeML's value: the week itself.
    let news = found("by the end of next week");
    assert!(news.iter().any(|(_, _, v)| v == "2024-W03"), "{news:?}");
}

/// Round 5 (issue 4): counted weekdays, days of a relative month, abbreviated units.
#[test]
fn counted_weekdays_and_days_of_relative_months() {
    for (text, value) in [
        // Bug: "Sundays" became a SET and "from now" PRESENT_REF.
        ("😀 é two sundays from now", "2013-02-24"),
        ("2 thursdays ago", "2013-01-31"),
        // Bug: only "next month" was found.
        ("the 20th of next month", "2013-03-20"),
        ("20th day of the previous month", "2013-01-20"),
        // Bug: "yr", "qtr" were not units.
        ("next yr", "2014"),
        ("the 3rd qtr", "2013-Q3"),
        // Bug: "the first Monday of this month" gave the next Monday and the month apart.
        ("the first Monday of this month", "2013-02-04"),
        ("first tuesday of last month", "2013-01-01"),
    ] {
        let got = at_clock(text);
        assert!(
            got.iter().any(|(_, _, v)| v == value),
            "{text:?}: want {value}, got {got:?}"
        );
    }
}

/// Round 5 (issue 4): with a clock a season is its start. Bug: "this summer" was "2013-SU".
#[test]
fn seasons_start_on_their_solstice_or_equinox_for_an_assistant() {
    for (text, value) in [
        ("😀 é this summer", "2013-06-21"),
        ("this winter", "2012-12-21"),
    ] {
        let got = at_clock(text);
        assert!(
            got.iter().any(|(_, _, v)| v == value),
            "{text:?}: want {value}, got {got:?}"
        );
    }
    assert!(found("this summer").iter().any(|(_, _, v)| v == "2024-SU"));
}

/// Round 5 (issue 4): a day of the month alone. Bug: "on the 15th" was not found.
#[test]
fn day_of_month_alone_takes_the_month_from_the_reference() {
    for (text, value) in [
        ("😀 é: on the 15th", "2013-02-15"),
        ("on the first", "2013-03-01"),
    ] {
        let got = at_clock(text);
        assert!(
            got.iter().any(|(_, _, v)| v == value),
            "{text:?}: want {value}, got {got:?}"
        );
    }
    // News (2024-01-09): this month's, the past one in a past clause.
    assert!(found("They meet on the 20th.")
        .iter()
        .any(|(_, _, v)| v == "2024-01-20"));
    assert!(found("It opened on the 20th.")
        .iter()
        .any(|(_, _, v)| v == "2023-12-20"));
    for text in [
        "on the 15th floor",
        "on the first day of school",
        "on the 3rd of them",
    ] {
        assert!(found(text).is_empty(), "{text:?}: {:?}", found(text));
    }
}

/// Lunar and movable holidays resolve to their day (they used to give only the bare year,
/// or nothing): table-driven feasts, Easter- and Orthodox-Easter-based days, Boss's Day.
#[test]
fn lunar_and_movable_holidays_resolve_to_their_day() {
    let cases: &[(&str, &str, &str)] = &[
        ("Eid al-Fitr 2018", "Eid al-Fitr 2018", "2018-06-15"),
        ("Ramadan 2050", "Ramadan 2050", "2050-05-22"),
        (
            "Chinese New Year 2018",
            "Chinese New Year 2018",
            "2018-02-16",
        ),
        ("diwali 2019", "diwali 2019", "2019-10-27"),
        ("rosh hashanah 2018", "rosh hashanah 2018", "2018-09-09"),
        ("Hanukkah 2018", "Hanukkah 2018", "2018-12-02"),
        ("Maundy Thursday 2013", "Maundy Thursday 2013", "2013-03-28"),
        ("orthodox easter 2018", "orthodox easter 2018", "2018-04-08"),
        ("Boss's Day 2021", "Boss's Day 2021", "2021-10-15"),
    ];
    for &(text, span, value) in cases {
        let text = format!("😀 Café: {text} was busy.");
        let got = found(&text);
        assert!(
            has(&got, span, Some("DATE"), value),
            "{text:?}: want {span:?}={value}, got {got:?}"
        );
    }
    // A year outside the table leaves the day unknown rather than guessing.
    let got = found("Ramadan 2077 begins.");
    assert!(has(&got, "Ramadan 2077", None, "XXXX-XX-XX"), "{got:?}");
    // Ordinary words that also name a holiday need a capital or a year.
    assert!(found("He lent me a night of power ballads.").is_empty());
}

/// A holiday with a relative or spelled year ("thanksgiving of next year", "MLK day of last
/// year", "in 3 years", "two thousand ten") is that year's day, not this year's day plus a
/// separate year or duration; lower case is fine before a year ("black friday 2017").
#[test]
fn holidays_take_relative_and_spelled_years() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "thanksgiving of next year",
            "thanksgiving of next year",
            "2025-11-27",
        ),
        ("MLK day of last year", "MLK day of last year", "2023-01-16"),
        (
            "thanksgiving in 3 years",
            "thanksgiving in 3 years",
            "2027-11-25",
        ),
        (
            "Easter Sunday two thousand ten",
            "Easter Sunday two thousand ten",
            "2010-04-04",
        ),
        ("black friday 2017", "black friday 2017", "2017-11-24"),
    ];
    for &(text, span, value) in cases {
        let text = format!("😀 Café: {text} was busy.");
        let got = found(&text);
        assert!(
            has(&got, span, Some("DATE"), value),
            "{text:?}: want {span:?}={value}, got {got:?}"
        );
    }
    // Lower-case "black friday" without a year stays plain words.
    assert!(found("It was a black friday for the markets.").is_empty());
}

/// Lower-case weekday abbreviations alone only where they are no other word: "thu", "fri",
/// "tues", "mon." (with its dot); "sat" and "sun" stay words ("the court sat").
#[test]
fn unambiguous_weekday_abbreviations_alone() {
    let got = found("😀 Café: we will meet fri.");
    assert!(has(&got, "fri", None, "2024-01-12"), "{got:?}");
    assert!(found("The court sat and the sun rose.").is_empty());
}

/// Duckling's "upcoming two weeks" / "2 upcoming days" is the Nth unit ahead (it used to
/// give a duration, or "upcoming week" alone).
#[test]
fn upcoming_n_units_is_the_nth_unit_ahead() {
    for (text, span, value) in [
        (
            "😀 Café: the upcoming two weeks",
            "upcoming two weeks",
            "2024-W04",
        ),
        ("😀 Café: 2 upcoming days", "2 upcoming days", "2024-01-11"),
        ("😀 Café: upcoming 2 years", "upcoming 2 years", "2026"),
    ] {
        let got = found(text);
        assert!(has(&got, span, None, value), "{text:?}: {got:?}");
    }
}

/// Spoken and packed clock readings ("ten thirty", "twelve oh three", "at 1030", "330
/// p.m.") are times; counts stay counts ("three twenty", "1030 units", "at 1995").
#[test]
fn spelled_and_packed_clock_readings() {
    for (text, span, value) in [
        (
            "😀 Café: we meet at ten thirty.",
            "ten thirty",
            "2024-01-09T10:30",
        ),
        (
            "😀 Café: we meet at twelve oh three.",
            "twelve oh three",
            "2024-01-09T12:03",
        ),
        ("😀 Café: we meet at 1030.", "1030", "2024-01-09T10:30"),
        (
            "😀 Café: we meet 330 p.m. today",
            "330 p.m. today",
            "2024-01-09T15:30",
        ),
    ] {
        let got = found(text);
        assert!(has(&got, span, Some("TIME"), value), "{text:?}: {got:?}");
    }
    assert!(found("three twenty").is_empty());
    let got = found("They sold 1030 units at 1995 prices.");
    assert!(got.iter().all(|(_, ty, _)| *ty != "TIME"), "{got:?}");
}

/// Bug: "tomorrow at 5pm." took the sentence's full stop into the expression ("5pm." is not
/// an abbreviation; "5 p.m." keeps its dots).
#[test]
fn a_full_stop_after_am_pm_ends_the_sentence() {
    let got = found("We meet tomorrow at 5pm. The store opens at 9 a.m. Then 6am.");
    let spans: Vec<&str> = got.iter().map(|(s, _, _)| s.as_str()).collect();
    assert_eq!(spans, ["tomorrow at 5pm", "9 a.m.", "6am"], "{got:?}");
    assert_eq!(got[0].2, "2024-01-10T17:00");
}

/// Bug: "Sat, Jan 5" in an article of 2024 resolved to 2019-01-05 (the nearest Saturday
/// January 5 within six years); the weekday now picks among the years within about a year
/// and a half of the article only.
#[test]
fn a_weekday_before_a_date_moves_the_year_by_one_at_most() {
    let got = found("The game is on Sat, Jan 5. The final was on Fri, Jan 5.");
    let values: Vec<&str> = got.iter().map(|(_, _, v)| v.as_str()).collect();
    assert_eq!(values, ["2024-01-05", "2024-01-05"], "{got:?}");
    // December 30 was a Friday in 2022 (375 days back): taken. A Thursday only in 2021:
    // too far, so the nearest December 30.
    let got = found("Friday, December 30 was cold. Thursday, December 30 too.");
    let values: Vec<&str> = got.iter().map(|(_, _, v)| v.as_str()).collect();
    assert_eq!(values, ["2022-12-30", "2023-12-30"], "{got:?}");
}

/// "The deal closes in 3 days": a reader (and chrono-node) wants the day, not P3D; a past
/// clause keeps the duration, and a future cue earlier in the clause wins over a nearer
/// participle ("will be held in two weeks").
#[test]
fn in_n_days_ahead_is_that_day() {
    for (text, expr, ty, value) in [
        ("The deal closes in 3 days.", "3 days", "DATE", "2024-01-12"),
        (
            "The vote will be held in two weeks.",
            "two weeks",
            "DATE",
            "2024-01-23",
        ),
        ("in 10 days", "10 days", "DATE", "2024-01-19"),
        (
            "Sales rose 5% in two weeks.",
            "two weeks",
            "DURATION",
            "P2W",
        ),
        (
            "The plant will close in five years.",
            "five years",
            "DURATION",
            "P5Y",
        ),
    ] {
        let got = found(text);
        assert_eq!(got, [(expr.to_string(), ty, value.to_string())], "{text}");
    }
}

/// Everyday English date expressions of the kinds a general date parser handles (absolute,
/// relative, clock times, ranges, casual forms), read in news mode against Wednesday
/// 2024-01-10 with no clock and no future bias. (text, expression, expected value prefixes
/// separated by `|`; "" = the expression must be left alone). A case passes when an
/// annotation overlapping the expression has a value starting with one of the prefixes.
/// Written by hand for issue 4; the pass rate is asserted as a floor (see below).
const EVERYDAY: &[(&str, &str, &str)] = &[
    // absolute
    ("We meet on Jan 5.", "Jan 5", "2024-01-05"),
    ("We met on 5 January 2024.", "5 January 2024", "2024-01-05"),
    ("Filed 2024/01/05 by staff", "2024/01/05", "2024-01-05"),
    ("Sat Jan 6 2024 was cold", "Sat Jan 6 2024", "2024-01-06"),
    ("the 5th of January", "5th of January", "2024-01-05"),
    ("on January 5th, 2024", "January 5th, 2024", "2024-01-05"),
    (
        "on the 5th of January 2024",
        "5th of January 2024",
        "2024-01-05",
    ),
    ("It happened on 12/25/2023.", "12/25/2023", "2023-12-25"),
    ("It happened on 25/12/2023.", "25/12/2023", "2023-12-25"),
    ("Due 2024-02-14.", "2024-02-14", "2024-02-14"),
    ("Due Feb 14th.", "Feb 14th", "2024-02-14"),
    ("Due February 14", "February 14", "2024-02-14"),
    ("Due 14 Feb", "14 Feb", "2024-02-14"),
    ("Due 14 Feb.", "14 Feb", "2024-02-14"),
    ("on Dec. 25, 2023", "Dec. 25, 2023", "2023-12-25"),
    ("on Sept 3", "Sept 3", "2023-09-03|2024-09-03"),
    ("on Sep 3, 2024", "Sep 3, 2024", "2024-09-03"),
    ("March 15, 2024 at 3pm", "March 15, 2024", "2024-03-15"),
    ("Monday, January 8, 2024", "January 8, 2024", "2024-01-08"),
    ("Tuesday 9 January", "9 January", "2024-01-09"),
    ("on Wed, Jan 10", "Jan 10", "2024-01-10"),
    ("in January 2024", "January 2024", "2024-01"),
    ("10 Jan 2024 14:00", "10 Jan 2024", "2024-01-10"),
    ("2024-01-10T14:00", "2024-01-10T14:00", "2024-01-10T14:00"),
    ("1st of March", "1st of March", "2024-03-01"),
    ("the 3rd of February", "3rd of February", "2024-02-03"),
    ("on the 15th", "15th", "2024-01-15|2023-12-15"),
    ("January 31st", "January 31st", "2024-01-31"),
    ("Jan 5th 2024", "Jan 5th 2024", "2024-01-05"),
    ("5 Jan 24", "5 Jan", "2024-01-05"),
    ("on 2024.01.05", "2024.01.05", "2024-01-05"),
    ("on 5.1.2024", "5.1.2024", "2024-01-05"),
    ("Christmas Day", "Christmas Day", "2023-12-25|2024-12-25"),
    ("New Year's Eve", "New Year's Eve", "2023-12-31|2024-12-31"),
    // relative days
    ("today", "today", "2024-01-10"),
    ("Today is fine.", "Today", "2024-01-10"),
    ("tomorrow", "tomorrow", "2024-01-11"),
    ("yesterday", "yesterday", "2024-01-09"),
    ("See you tomorrow!", "tomorrow", "2024-01-11"),
    ("tomorrow night", "tomorrow night", "2024-01-11"),
    ("tomorrow morning", "tomorrow morning", "2024-01-11"),
    ("yesterday afternoon", "yesterday afternoon", "2024-01-09"),
    ("last night", "last night", "2024-01-09"),
    ("tonight", "tonight", "2024-01-10"),
    ("this morning", "this morning", "2024-01-10"),
    ("this evening", "this evening", "2024-01-10"),
    ("the day after tomorrow", "day after tomorrow", "2024-01-12"),
    (
        "the day before yesterday",
        "day before yesterday",
        "2024-01-08",
    ),
    ("3 days ago", "3 days ago", "2024-01-07"),
    ("three days ago", "three days ago", "2024-01-07"),
    ("a day ago", "a day ago", "2024-01-09"),
    ("2 weeks ago", "2 weeks ago", "2023-12-27"),
    ("a week ago", "a week ago", "2024-01-03"),
    ("5 days from now", "5 days from now", "2024-01-15"),
    ("a month from now", "a month from now", "2024-02-10|2024-02"),
    ("in 2 weeks", "2 weeks", "2024-01-24"),
    ("in 3 days", "3 days", "2024-01-13"),
    ("in a week", "a week", "2024-01-17"),
    ("in 5 days", "5 days", "2024-01-15"),
    ("within 2 days", "2 days", "2024-01-12"),
    ("2 days later", "2 days later", "2024-01-12"),
    ("2 weeks later", "2 weeks later", "2024-01-24"),
    ("3 days earlier", "3 days earlier", "2024-01-07"),
    ("a year ago", "a year ago", "2023"),
    ("2 months ago", "2 months ago", "2023-11"),
    ("next week", "next week", "2024-W03|2024-01-1"),
    ("last week", "last week", "2024-W01|2024-01-0"),
    ("this week", "this week", "2024-W02|2024-01-1"),
    ("next month", "next month", "2024-02"),
    ("last month", "last month", "2023-12"),
    ("next year", "next year", "2025"),
    ("last year", "last year", "2023"),
    ("this year", "this year", "2024"),
    // weekdays
    ("last Friday", "last Friday", "2024-01-05"),
    ("this Friday", "this Friday", "2024-01-12"),
    ("next Monday", "next Monday", "2024-01-15"),
    ("last Monday", "last Monday", "2024-01-08"),
    ("on Monday", "Monday", "2024-01-08|2024-01-15"),
    ("Friday", "Friday", "2024-01-05|2024-01-12"),
    ("see you on Friday.", "Friday", "2024-01-12|2024-01-05"),
    ("this Sunday", "this Sunday", "2024-01-14|2024-01-07"),
    ("last Sunday", "last Sunday", "2024-01-07"),
    ("next Tuesday", "next Tuesday", "2024-01-16"),
    ("Thursday night", "Thursday night", "2024-01-11|2024-01-04"),
    ("this past Monday", "Monday", "2024-01-08"),
    ("this coming Friday", "Friday", "2024-01-12"),
    ("Friday next week", "Friday", "2024-01-19"),
    ("Monday last week", "Monday", "2024-01-01"),
    // times
    ("at 5pm", "5pm", "2024-01-10T17:00"),
    ("at 5 pm", "5 pm", "2024-01-10T17:00"),
    ("at 17:30", "17:30", "2024-01-10T17:30"),
    ("at 10:15 am", "10:15 am", "2024-01-10T10:15"),
    ("at 9 a.m.", "9 a.m", "2024-01-10T09:00"),
    ("noon tomorrow", "noon tomorrow", "2024-01-11T12:00"),
    ("tomorrow at noon", "tomorrow at noon", "2024-01-11T12:00"),
    ("at midnight", "midnight", "2024-01-1"),
    (
        "at 10 am on Monday",
        "10 am on Monday",
        "2024-01-08T10:00|2024-01-15T10:00",
    ),
    ("tomorrow at 5pm", "tomorrow at 5pm", "2024-01-11T17:00"),
    ("tomorrow at 5pm.", "tomorrow at 5pm", "2024-01-11T17:00"),
    ("today at 3:30pm", "today at 3:30pm", "2024-01-10T15:30"),
    ("yesterday at 8am", "yesterday at 8am", "2024-01-09T08:00"),
    (
        "Friday at 7pm",
        "Friday at 7pm",
        "2024-01-05T19:00|2024-01-12T19:00",
    ),
    ("Jan 12 at 9am", "Jan 12 at 9am", "2024-01-12T09:00"),
    (
        "January 12, 2024 9:00 AM",
        "January 12, 2024 9:00 AM",
        "2024-01-12T09:00",
    ),
    (
        "5 o'clock",
        "5 o'clock",
        "2024-01-10T05:00|2024-01-10T17:00",
    ),
    (
        "at 6 in the morning",
        "6 in the morning",
        "2024-01-10T06:00",
    ),
    ("at 8 tonight", "8 tonight", "2024-01-10T20:00"),
    ("3 hours ago", "3 hours ago", "2024-01-10"),
    ("in 2 hours", "2 hours", "2024-01-10|PT2H"),
    // ranges
    ("Jan 5 to Jan 7", "Jan 5", "2024-01-05"),
    ("Jan 5 to Jan 7", "Jan 7", "2024-01-07"),
    ("from Monday to Friday", "Monday", "2024-01-08|2024-01-15"),
    ("5-7 January", "5-7 January", "2024-01-05"),
    ("January 5-7", "January 5-7", "2024-01-05"),
    ("from 5 to 7 January", "5 to 7 January", "2024-01-05"),
    ("between Jan 5 and Jan 7", "Jan 5", "2024-01-05"),
    ("Jan 5 - Jan 7, 2024", "Jan 5", "2024-01-05"),
    ("from 9am to 5pm", "9am", "2024-01-10T09:00"),
    ("Jan 5 through Jan 9", "Jan 9", "2024-01-09"),
    ("5th-7th January", "5th-7th January", "2024-01-05"),
    // casual / punctuation
    ("See you tomorrow.", "tomorrow", "2024-01-11"),
    ("It was yesterday,", "yesterday", "2024-01-09"),
    ("(tomorrow)", "tomorrow", "2024-01-11"),
    ("\"Tomorrow\"", "Tomorrow", "2024-01-11"),
    ("TOMORROW", "TOMORROW", "2024-01-11"),
    ("Jan 5?", "Jan 5", "2024-01-05"),
    ("on Jan 5!", "Jan 5", "2024-01-05"),
    ("now", "now", "2024-01-10|PRESENT_REF"),
    ("right now", "now", "2024-01-10|PRESENT_REF"),
    ("end of the month", "end of the month", "2024-01"),
    ("the end of January", "end of January", "2024-01"),
    ("mid-January", "mid-January", "2024-01"),
    ("early next week", "next week", "2024-W03|2024-01-1"),
    ("later today", "today", "2024-01-10"),
    ("by tomorrow", "tomorrow", "2024-01-11"),
    ("until Friday", "Friday", "2024-01-12|2024-01-05"),
    ("on 1/5", "1/5", "2024-01-05"),
    // negatives
    ("The score was 3-1.", "3-1", ""),
    ("Version 2.0 is out.", "2.0", ""),
    ("a ratio of 3:1", "3:1", ""),
    ("You may go now.", "may", ""),
    ("They will march on.", "march", ""),
    ("The sun rose.", "sun", ""),
    ("Call 555-1234 today.", "555-1234", ""),
    ("It costs $19.99.", "19.99", ""),
    ("He scored 12 points.", "12", ""),
    ("Room 305", "305", ""),
    ("a 2-1 win", "2-1", ""),
    ("version 1.2.3", "1.2.3", ""),
    ("page 12 of 40", "12 of 40", ""),
    ("aged 45", "45", ""),
    ("4.5 stars", "4.5", ""),
    ("Python 3.11", "3.11", ""),
    ("3 out of 4 voters", "3 out of 4", ""),
    ("the 1-0 lead", "1-0", ""),
    ("call +1 415 555 0100", "415 555 0100", ""),
    ("a 50/50 chance", "50/50", ""),
    ("May I help?", "May", ""),
    ("March forward!", "March", ""),
    ("Sun Microsystems", "Sun", ""),
    ("I second that.", "second", ""),
    ("We must act now or never.", "never", ""),
    // more absolute forms
    ("12th January", "12th January", "2024-01-12"),
    ("12 January, 2024", "12 January, 2024", "2024-01-12"),
    ("January the 12th", "January the 12th", "2024-01-12"),
    ("Jan. 12", "Jan. 12", "2024-01-12"),
    ("12-Jan-2024", "12-Jan-2024", "2024-01-12"),
    ("2024 Jan 12", "2024 Jan 12", "2024-01-12"),
    ("Friday the 12th", "Friday the 12th", "2024-01-12"),
    ("Fri Jan 12", "Fri Jan 12", "2024-01-12"),
    ("Sat. Jan. 13, 2024", "Jan. 13, 2024", "2024-01-13"),
    ("Jan 5 2024 at 3pm", "Jan 5 2024 at 3pm", "2024-01-05T15:00"),
    (
        "first Monday of February",
        "first Monday of February",
        "2024-02-05",
    ),
    (
        "the last day of January",
        "last day of January",
        "2024-01-31",
    ),
    // more relative forms
    ("tmr", "tmr", "2024-01-11"),
    ("tmrw", "tmrw", "2024-01-11"),
    ("this afternoon", "this afternoon", "2024-01-10"),
    (
        "last Friday at 5pm",
        "last Friday at 5pm",
        "2024-01-05T17:00",
    ),
    (
        "saturday evening",
        "saturday evening",
        "2024-01-13|2024-01-06",
    ),
    ("next Sat", "next Sat", "2024-01-13|2024-01-20"),
    ("Tues", "Tues", "2024-01-09|2024-01-16"),
    ("on Thurs.", "Thurs", "2024-01-11|2024-01-04"),
    ("Weds", "Weds", "2024-01-10|2024-01-17|2024-01-03"),
    ("3 weeks from today", "3 weeks from today", "2024-01-31"),
    ("in a couple of days", "couple of days", "2024-01-12"),
    ("a few days ago", "a few days ago", "2024-01-0"),
    ("a couple of days ago", "couple of days ago", "2024-01-08"),
    ("an hour ago", "an hour ago", "2024-01-10"),
    ("15 minutes ago", "15 minutes ago", "2024-01-10"),
    ("in half an hour", "half an hour", "2024-01-10|PT30M"),
    ("after 3 days", "3 days", "2024-01-13|P3D"),
    ("the next day", "next day", "2024-01-11"),
    (
        "Monday 10am",
        "Monday 10am",
        "2024-01-08T10:00|2024-01-15T10:00",
    ),
    (
        "10am Monday",
        "10am Monday",
        "2024-01-08T10:00|2024-01-15T10:00",
    ),
    ("Mon 10am", "Mon 10am", "2024-01-08T10:00|2024-01-15T10:00"),
    ("8:30pm tonight", "8:30pm tonight", "2024-01-10T20:30"),
    ("tomorrow 8am", "tomorrow 8am", "2024-01-11T08:00"),
    ("12:30 p.m.", "12:30 p.m", "2024-01-10T12:30"),
    ("at 12pm", "12pm", "2024-01-10T12:00"),
    ("at 12am", "12am", "2024-01-10T00:00|2024-01-11T00:00"),
    ("at 3:30", "3:30", "2024-01-10T03:30|2024-01-10T15:30"),
    (
        "half past 5",
        "half past 5",
        "2024-01-10T05:30|2024-01-10T17:30",
    ),
    ("quarter past 3 pm", "quarter past 3 pm", "2024-01-10T15:15"),
    ("in a fortnight", "fortnight", "2024-01-24"),
    ("next weekend", "next weekend", "2024-01-2|2024-W03-WE"),
    (
        "last weekend",
        "last weekend",
        "2024-01-06|2024-01-07|2024-W01-WE",
    ),
    (
        "on Saturday morning",
        "Saturday morning",
        "2024-01-06|2024-01-13",
    ),
    (
        "next Friday night",
        "next Friday night",
        "2024-01-12|2024-01-19",
    ),
    ("yesterday evening at 7", "yesterday evening", "2024-01-09"),
    ("two days from now", "two days from now", "2024-01-12"),
    (
        "one week from tomorrow",
        "one week from tomorrow",
        "2024-01-18",
    ),
    // more ranges
    ("Dec 25th-27th", "Dec 25th-27th", "2023-12-25"),
    ("Dec 25 - 27", "Dec 25 - 27", "2023-12-25"),
    ("10-12 Jan 2024", "10-12 Jan 2024", "2024-01-10"),
    ("Jan 5 2024 - Jan 7 2024", "Jan 7 2024", "2024-01-07"),
    ("from Jan 15 until Jan 20", "Jan 20", "2024-01-20"),
    ("Mon-Fri", "Mon", "2024-01-08|2024-01-15"),
    ("2pm-4pm tomorrow", "2pm", "2024-01-11T14:00"),
    ("tomorrow 2-4pm", "tomorrow", "2024-01-11"),
    // more negatives
    ("rated 5/10", "5/10", ""),
    ("open 24/7", "24/7", ""),
    ("call 1-800-555-0199", "1-800-555-0199", ""),
    ("up 50% to $5.50", "$5.50", ""),
    ("Windows 10 users", "10", ""),
    ("a Boeing 737", "737", ""),
    ("COVID-19 cases", "19", ""),
    ("He sat down.", "sat", ""),
    ("Jan Smith said hello.", "Jan", ""),
    ("April Jones spoke.", "April", ""),
    ("June Carter sang.", "June", ""),
    ("an august body", "august", ""),
    ("Rain may mar the event.", "mar", ""),
    ("He came second.", "second", ""),
    ("ages 5-7", "5-7", ""),
    ("pages 10-12", "10-12", ""),
    ("1.5 million people", "1.5", ""),
    ("section 3.2", "3.2", ""),
    ("2 to 3 people", "2 to 3", ""),
    ("odds of 10 to 1", "10 to 1", ""),
    ("won 6-4, 6-3", "6-4, 6-3", ""),
    ("a 3:2 ratio", "3:2", ""),
    ("the G7 summit", "G7", ""),
    ("A4 paper", "A4", ""),
    ("ISBN 978-3-16-148410-0", "978-3-16-148410-0", ""),
    ("Temperatures hit 30.5 degrees.", "30.5", ""),
    // third batch: compound and possessive forms
    (
        "on the 12th of January at 3pm",
        "12th of January at 3pm",
        "2024-01-12T15:00",
    ),
    ("3pm on the 12th", "3pm", "2024-01-12T15:00"),
    ("12 Jan at 15:00", "12 Jan at 15:00", "2024-01-12T15:00"),
    ("Jan 12, 3:00 PM", "Jan 12, 3:00 PM", "2024-01-12T15:00"),
    ("2024-01-12 15:00", "2024-01-12 15:00", "2024-01-12T15:00"),
    (
        "next Thursday at 2pm",
        "next Thursday at 2pm",
        "2024-01-18T14:00|2024-01-11T14:00",
    ),
    (
        "by Friday 5pm",
        "Friday 5pm",
        "2024-01-12T17:00|2024-01-05T17:00",
    ),
    ("this Friday 9am", "this Friday 9am", "2024-01-12T09:00"),
    ("Thursday, 11 January", "11 January", "2024-01-11"),
    ("11.01.2024", "11.01.2024", "2024-01-11"),
    (
        "Jan 11th, 2024 at 11:30am",
        "Jan 11th, 2024 at 11:30am",
        "2024-01-11T11:30",
    ),
    ("last Monday night", "last Monday night", "2024-01-08"),
    ("the following Monday", "following Monday", "2024-01-15"),
    ("next Monday morning", "next Monday morning", "2024-01-15"),
    ("early tomorrow", "tomorrow", "2024-01-11"),
    ("late last night", "last night", "2024-01-09"),
    (
        "tomorrow evening at 6",
        "tomorrow evening at 6",
        "2024-01-11T18:00",
    ),
    (
        "on New Year's Day",
        "New Year's Day",
        "2024-01-01|2025-01-01",
    ),
    ("Friday 12 January", "12 January", "2024-01-12"),
    ("Fri 12 Jan 2024", "Fri 12 Jan 2024", "2024-01-12"),
    ("12 Jan. 2024", "12 Jan. 2024", "2024-01-12"),
    ("12th Jan", "12th Jan", "2024-01-12"),
    ("12th of Jan", "12th of Jan", "2024-01-12"),
    ("the twelfth of January", "twelfth of January", "2024-01-12"),
    ("January twelfth", "January twelfth", "2024-01-12"),
    ("yesterday's meeting", "yesterday", "2024-01-09"),
    ("tomorrow's game", "tomorrow", "2024-01-11"),
    ("last Friday's vote", "last Friday", "2024-01-05"),
    ("four days ago", "four days ago", "2024-01-06"),
    ("ten days from now", "ten days from now", "2024-01-20"),
    ("twenty days ago", "twenty days ago", "2023-12-21"),
    ("a fortnight ago", "a fortnight ago", "2023-12-27"),
    ("an hour from now", "an hour from now", "2024-01-10"),
    (
        "7:30pm Friday",
        "7:30pm Friday",
        "2024-01-05T19:30|2024-01-12T19:30",
    ),
    (
        "Fri 7:30pm",
        "Fri 7:30pm",
        "2024-01-05T19:30|2024-01-12T19:30",
    ),
    ("at 7.30pm", "7.30pm", "2024-01-10T19:30"),
    (
        "7:30 in the evening",
        "7:30 in the evening",
        "2024-01-10T19:30",
    ),
    ("at noon", "noon", "2024-01-10T12:00"),
    ("at midday", "midday", "2024-01-10T12:00"),
    ("Jan 12-14", "Jan 12", "2024-01-12"),
    ("Jan 12-14", "14", "2024-01-14"),
    ("12th to 14th January", "14th January", "2024-01-14"),
    ("from Jan 12 to 14", "14", "2024-01-14"),
    ("between 2 and 4 pm", "4 pm", "2024-01-10T16:00"),
    ("Thursday to Saturday", "Thursday", "2024-01-11|2024-01-04"),
    ("this Friday through Sunday", "this Friday", "2024-01-12"),
    ("Monday, Jan. 15", "Jan. 15", "2024-01-15"),
    ("on Jan 15 2024.", "Jan 15 2024", "2024-01-15"),
    ("Dec 31st", "Dec 31st", "2023-12-31"),
    ("1 Feb 2024", "1 Feb 2024", "2024-02-01"),
    ("2/1/2024", "2/1/2024", "2024-02-01|2024-01-02"),
    ("the 1st", "1st", "2024-01-01|2024-02-01"),
    ("Feb 29 2024", "Feb 29 2024", "2024-02-29"),
    ("in two days", "two days", "2024-01-12"),
    ("two days later", "two days later", "2024-01-12"),
    ("the previous day", "previous day", "2024-01-09"),
    ("this coming Monday", "Monday", "2024-01-15"),
    ("Wednesday", "Wednesday", "2024-01-10|2024-01-03|2024-01-17"),
    ("today at noon", "today at noon", "2024-01-10T12:00"),
    ("tonight at 9", "tonight at 9", "2024-01-10T21:00"),
    ("at 9 tonight", "9 tonight", "2024-01-10T21:00"),
    (
        "Sunday at 11:00",
        "Sunday at 11:00",
        "2024-01-07T11:00|2024-01-14T11:00",
    ),
    // third batch negatives
    ("3/4 cup of flour", "3/4", ""),
    ("a 2x4 board", "2x4", ""),
    ("he is 6 feet tall", "6", ""),
    ("the 49ers won", "49", ""),
    ("final score 21-14", "21-14", ""),
    ("up 12.5%", "12.5", ""),
    ("latitude 40.7", "40.7", ""),
    ("Apple's M3 chip", "M3", ""),
    ("Route 66", "66", ""),
    ("mark my words", "mark", ""),
    ("in 3D", "3D", ""),
    ("a 4-3 vote", "4-3", ""),
    ("the 1-2 punch", "1-2", ""),
    ("10-12 people", "10-12", ""),
    ("a 5-7 record", "5-7", ""),
];

fn everyday_passes(text: &str, expr: &str, expect: &str) -> Result<(), String> {
    let Some(s) = text.find(expr) else {
        return Err(format!("bad case: {expr:?} not in {text:?}"));
    };
    let e = s + expr.len();
    let got = find(text, CivilDate::new(2024, 1, 10));
    let over: Vec<&Timex> = got.iter().filter(|t| t.start < e && s < t.end).collect();
    let ok = if expect.is_empty() {
        over.is_empty()
    } else {
        over.iter()
            .any(|t| expect.split('|').any(|p| t.value.starts_with(p)))
    };
    if ok {
        Ok(())
    } else {
        let shown: Vec<(&str, &str)> = got
            .iter()
            .map(|t| (&text[t.start..t.end], t.value.as_str()))
            .collect();
        Err(format!("{text:?} [{expr}] want {expect:?}, got {shown:?}"))
    }
}

/// Issue 4: the pass rate of [`EVERYDAY`] may not drop below the floor measured when the
/// cases were written and fixed; `cargo test --test dates everyday -- --nocapture` lists
/// the failures.
#[test]
fn everyday_expressions_pass_rate() {
    let (mut pos, mut pos_ok, mut neg, mut neg_ok) = (0, 0, 0, 0);
    for &(text, expr, expect) in EVERYDAY {
        let r = everyday_passes(text, expr, expect);
        if expect.is_empty() {
            neg += 1;
            neg_ok += r.is_ok() as usize;
        } else {
            pos += 1;
            pos_ok += r.is_ok() as usize;
        }
        if let Err(m) = r {
            eprintln!("FAIL {m}");
        }
    }
    eprintln!("everyday: dated {pos_ok}/{pos}, negatives {neg_ok}/{neg}");
    // Floors: 180/194 dated, 51/51 negatives when the list was written; 254/256 dated,
    // 66/66 negatives after the fixes of round 7 and the third batch of cases (dates7).
    assert!(
        pos_ok >= 254 && neg_ok == neg,
        "dated {pos_ok}/{pos}, negatives {neg_ok}/{neg}"
    );
}

/// Bugs (issue 4, everyday list): "5-7 January" lost its days (the glued "-7" read as part of
/// a numeral), "January the 12th", "12-Jan-2024", "tmrw", "Weds", "next Sat" and "3 weeks
/// from today" / "one week from tomorrow" found nothing or only a duration; "January twelfth"
/// was the month; "Friday the 12th" was last Friday; "3pm on the 12th" was today at 3pm;
/// "Tuesday 16th" was last Tuesday; "2:30 tomorrow afternoon" was 02:30; "Mon-Fri" lost its
/// Monday.
#[test]
fn everyday_forms_fixed_in_round_7() {
    for (text, expr, value) in [
        ("😀 café 5-7 January", "7 January", "2024-01-07"),
        ("😀 café 5-7 January", "5", "2024-01-05"),
        ("é 10-12 Jan 2024", "10", "2024-01-10"),
        ("é January the 12th", "January the 12th", "2024-01-12"),
        ("é 12-Jan-2024", "12-Jan-2024", "2024-01-12"),
        ("é see you tmrw", "tmrw", "2024-01-11"),
        ("é next Sat", "next Sat", "2024-01-20"),
        ("é 3 weeks from today", "3 weeks from today", "2024-01-31"),
        (
            "é one week from tomorrow",
            "one week from tomorrow",
            "2024-01-18",
        ),
        ("é January twelfth", "January twelfth", "2024-01-12"),
        ("é Friday the 12th", "Friday the 12th", "2024-01-12"),
        ("é Sunday the 31st", "Sunday the 31st", "2023-12-31"),
        ("é 3pm on the 12th", "3pm on the 12th", "2024-01-12T15:00"),
        ("é Tuesday 16th", "Tuesday 16th", "2024-01-16"),
        ("é open Mon-Fri", "Mon", "2024-01-08"),
        (
            "é at 2:30 tomorrow afternoon",
            "2:30 tomorrow afternoon",
            "2024-01-11T14:30",
        ),
    ] {
        let got: Vec<(String, String)> = find(text, CivilDate::new(2024, 1, 10))
            .into_iter()
            .map(|t| (text[t.start..t.end].to_string(), t.value))
            .collect();
        assert!(
            got.iter().any(|(s, v)| s == expr && v == value),
            "{text:?}: want {expr:?} {value}, got {got:?}"
        );
    }
    // Still not dates: a score, a page range with a month-less context, a sun.
    for text in [
        "won 2-1 January friendlies? no: pages 10-12",
        "the last sun of summer",
    ] {
        let got = find(text, CivilDate::new(2024, 1, 10));
        assert!(
            got.iter().all(|t| !text[t.start..t.end].contains("sun")),
            "{got:?}"
        );
    }
}

/// Bug: "He is 12 years old" was a duration (P12Y); an age is no temporal expression
/// (TimeBank leaves "52 years old" out, as it does "6-year-old").
#[test]
fn ages_are_not_durations() {
    for text in [
        "😀 He is 12 years old.",
        "é The boy, 12 years old, died",
        "a 6-year-old",
    ] {
        assert!(find(text, CivilDate::new(2024, 1, 10)).is_empty(), "{text}");
    }
    let got = find("é He served 12 years.", CivilDate::new(2024, 1, 10));
    assert_eq!(got.len(), 1);
}

/// Bug: "the Sunday Times reported" marked Sunday as last Sunday; a newspaper title is no day.
#[test]
fn weekday_newspaper_titles_are_not_days() {
    for text in [
        "😀 the Sunday Times reported",
        "é the Sunday Telegraph said",
    ] {
        assert!(find(text, CivilDate::new(2024, 1, 10)).is_empty(), "{text}");
    }
    let got = find("é Sunday Mass was held", CivilDate::new(2024, 1, 10));
    assert_eq!(got.len(), 1);
}

/// Issue 4, round 8: quarterly reports. Reference 2024-01-09 (the latest calendar quarter
/// is 2023-Q4); an emoji and accents precede each span.
#[test]
fn quarterly_reports_refer_back_to_the_quarter_they_named() {
    let cases: &[(&str, &str, &str)] = &[
        // Bug: "the quarter" after "the fiscal first quarter" gave the calendar quarter.
        (
            "🎉 Café Sun earned $5.2 million in the fiscal first quarter. Sales for the quarter ended Sept. 29 rose.",
            "the quarter",
            "2024-Q1",
        ),
        // Bug: "a year earlier" in such a report gave the calendar quarter a year before.
        (
            "🎉 Café Ltd. had a loss for the fiscal-first quarter ended Sept. 30, against a profit of $2 million a year earlier.",
            "a year earlier",
            "2023-Q1",
        ),
        // Bug: "last year's quarter" gave this year's latest quarter.
        (
            "🎉 Café sales rose in the quarter. Sales for last year's quarter were about $3 million.",
            "last year's quarter",
            "2022-Q4",
        ),
        // Bug: only "1988" was marked, as the year.
        (
            "🎉 Café Corp. earned $376,000 on revenue of $14.5 million in the 2022 quarter.",
            "the 2022 quarter",
            "2022-Q4",
        ),
        (
            "🎉 Café Corp. reported net of $1.8 million for the corresponding period last year.",
            "the corresponding period last year",
            "2022-Q4",
        ),
        (
            "🎉 Café Corp. earned $16.3 million for the quarter a year ago, it said about its quarter.",
            "the quarter a year ago",
            "2022-Q4",
        ),
        // Bug: a nine-month comparison gave a quarter; TimeBank gives the year.
        (
            "🎉 Café quarter. For the nine months, it earned $18.9 million, against a loss of $9.7 million a year earlier.",
            "a year earlier",
            "2023",
        ),
        (
            "🎉 Café quarter. For the first nine months, net was $306 million, against a loss of $195 million in the 2023 period.",
            "the 2023 period",
            "2023",
        ),
    ];
    for (text, span, value) in cases {
        let got = found(text);
        assert!(
            has(&got, span, Some("DATE"), value),
            "{text:?}: want {span:?} {value}, got {got:?}"
        );
    }
    // A quarter still to come does not become the one the report is about.
    let got = found("🎉 Café profit fell in the latest quarter. It expects a fourth-quarter charge. Profit in the latest quarter fell.");
    assert!(
        got.iter()
            .filter(|(s, _, _)| s == "the latest quarter")
            .all(|(_, _, v)| v == "2023-Q4"),
        "{got:?}"
    );
}

/// Issue 4, round 8: "Friday evening" keeps its part of the day (TimeBank: all three
/// "WEEKDAY evening"s carry TEV); since session 5 so do "Friday morning" and "Friday
/// night", as TIMEs.
#[test]
fn weekday_evening_keeps_the_part_of_the_day() {
    let got = found("🎉 Café: the store was robbed Friday evening.");
    assert!(
        has(&got, "Friday evening", Some("TIME"), "2024-01-05TEV"),
        "{got:?}"
    );
    let got = found("🎉 Café: it happened Friday morning.");
    assert!(
        has(&got, "Friday morning", Some("TIME"), "2024-01-05TMO"),
        "{got:?}"
    );
}

/// Issue 4, round 8: spans and fractions.
#[test]
fn weekday_date_before_a_colon_and_quarter_fractions() {
    // Bug: "April 25:" was read as a clock ("25:"), leaving "Saturday" alone (the past one).
    let got = found("🎉 Café: the Times said in an editorial on Saturday, January 13: The court");
    assert!(has(&got, "Saturday, January 13", Some("DATE"), "2024-01-13"), "{got:?}");
    // Bug: "three-quarters of its food" was a duration of three quarters (P3Q).
    let got = found("🎉 Café: Iraq imports about three-quarters of its food and more than a quarter of its fuel.");
    assert!(got.is_empty(), "{got:?}");
    assert!(has(&found("🎉 Café: in a quarter of an hour"), "a quarter of an hour", None, "PT15M"));
    // Bug: these gave only the year.
    let got = found("🎉 Café: through the first two quarters of 1990 and the last half of 1989");
    assert!(has(&got, "the first two quarters of 1990", Some("DATE"), "1990-H1"), "{got:?}");
    assert!(has(&got, "the last half of 1989", Some("DATE"), "1989-H2"), "{got:?}");
}

/// Issue 4, round 8: "Three days later, ..." counts from an event of the story, not from the
/// reference date: TimeML marks the amount alone as a DURATION. "2 days later" alone keeps
/// the day (the everyday list).
#[test]
fn story_distances_are_durations() {
    let got = found("🎉 Café closed, but slowly. Three days later, as of Friday's close, it was down 6%.");
    assert!(has(&got, "Three days", Some("DURATION"), "P3D"), "{got:?}");
    let got = found("🎉 Café: he tried to revive him. Just over an hour later, he collapsed.");
    assert!(has(&got, "over an hour", Some("DURATION"), "PT1H"), "{got:?}");
    let got = found("2 days later");
    assert!(has(&got, "2 days later", Some("DATE"), "2024-01-11"), "{got:?}");
}

/// Issue 4, round 8: tense cues. Reference 2024-01-09: March 2024 is the nearer March, a
/// past clause makes it 2023's.
#[test]
fn farther_and_irregular_past_cues() {
    // Bug: "stepped" nine tokens before "March" was out of reach (gave 2024-03).
    let got = found("🎉 Café: Taylor stepped down as chairman, president and chief executive in March for health reasons.");
    assert!(has(&got, "March", Some("DATE"), "2023-03"), "{got:?}");
    // Bug: "brought" was no past cue.
    let got = found("🎉 Café: In March, the company brought in a new chief executive.");
    assert!(has(&got, "March", Some("DATE"), "2023-03"), "{got:?}");
}

/// Issue 4, round 8: "in May" after a preposition is the month; "is heard" is no past cue.
#[test]
fn may_after_a_preposition_and_present_passives() {
    // Bug: "May" was never a month alone (three letters); "heard" after "is" read as past.
    let got = found("🎉 Café: the case is heard in May in the appeals court.");
    assert!(has(&got, "May", Some("DATE"), "2024-05"), "{got:?}");
    let got = found("🎉 Café: Milton Roy disclosed in May that it was approached.");
    assert!(has(&got, "May", Some("DATE"), "2023-05"), "{got:?}");
    assert!(found("🎉 Café: she may go, and May Smith may too; give it to May.").is_empty());
}

/// Issue 4, round 8: adjectival amounts, ordinal centuries, "coming months".
#[test]
fn adjectival_amounts_centuries_and_vague_future() {
    let got = found("🎉 Café: stocks hit a five year low after the 14-day strike and a two day rally.");
    // Bug: "five year" (no hyphen) was nothing; "the 14-day" took the article.
    assert!(has(&got, "five year", Some("DURATION"), "P5Y"), "{got:?}");
    assert!(has(&got, "14-day", Some("DURATION"), "P14D"), "{got:?}");
    assert!(has(&got, "two day", Some("DURATION"), "P2D"), "{got:?}");
    // Bug: ordinal centuries were missed.
    let got = found("🎉 Café: the fabled 11th century temple, a 20th century democrat");
    assert!(has(&got, "11th century", Some("DATE"), "10"), "{got:?}");
    assert!(has(&got, "20th century", Some("DATE"), "19"), "{got:?}");
    // Bug: "coming months" without "the" was missed.
    let got = found("🎉 Café: the economy will slow in coming months, as in past years.");
    assert!(has(&got, "coming months", Some("DATE"), "FUTURE_REF"), "{got:?}");
    assert!(has(&got, "past years", Some("DATE"), "PAST_REF"), "{got:?}");
    assert!(found("🎉 Café: he sold two shares and five apples.").is_empty());
}

/// Issue 4, round 8: "is to resume trading Tuesday" is arranged, so ahead.
#[test]
fn is_to_looks_ahead() {
    // Bug: read as the past Wednesday (2024-01-03).
    let got = found("🎉 Café stock, traded in London, is to resume trading in Paris Wednesday.");
    assert!(has(&got, "Wednesday", Some("DATE"), "2024-01-10"), "{got:?}");
}

/// Issue 4, round 8: the year of results reports and "that year".
#[test]
fn the_full_year_and_that_year() {
    let got = found("🎉 Café: sales for the full year were $6.6 billion; for the year, volume was flat, it said of the fiscal year.");
    assert!(has(&got, "the full year", Some("DATE"), "2024"), "{got:?}");
    assert!(has(&got, "the year", Some("DATE"), "2024"), "{got:?}");
    // "for the year ended Sept. 30" stays the span of a year.
    let got = found("🎉 Café: for the year ended Sept. 30, it earned $4 million.");
    assert!(has(&got, "the year", Some("DURATION"), "P1Y"), "{got:?}");
    // Bug: "that year" was missed; it is the last year named.
    let got = found("🎉 Café: she fled in June 1998 and returned later that year; imports were $37 million in 1988, a small share of the total that year.");
    assert!(has(&got, "later that year", Some("DATE"), "1998"), "{got:?}");
    assert!(has(&got, "that year", Some("DATE"), "1988"), "{got:?}");
}

/// Issue 4, round 8: "early Friday morning", "Late Monday": TimeML marks the day alone.
#[test]
fn early_and_late_stay_outside_a_weekday() {
    let got = found("🎉 Café: the marches began early Friday morning. Late Monday, it ended.");
    assert!(has(&got, "Friday morning", Some("TIME"), "2024-01-05TMO"), "{got:?}");
    assert!(has(&got, "Monday", Some("DATE"), "2024-01-08"), "{got:?}");
    // Months keep it ("early March": TimeBank mostly marks it whole).
    let got = found("🎉 Café: it opened in early March 2023.");
    assert!(got.iter().any(|(s, _, _)| s.starts_with("early March")), "{got:?}");
}

/// Issue 4, round 8: "the quarter-to-quarter comparison" names no quarter.
#[test]
fn quarter_to_quarter_is_no_quarter() {
    let got = found("🎉 Café: The quarter-to-quarter comparison was also enhanced.");
    assert!(got.is_empty(), "{got:?}");
}

/// Issue 4, round 8: titles are not times.
#[test]
fn show_titles_and_high_noon_are_not_times() {
    let got = found("🎉 Café: Baker said on ABC's \"This Week,\" and Gonzalez said on CBS's \"60 Minutes.\" The film \"High Noon\": high noon comes today.");
    assert!(got.iter().all(|(s, _, _)| s == "today"), "{got:?}");
    // A quoted ordinary expression stays: "next week" in lower case.
    let got = found("🎉 Café: he said \"next week\" twice.");
    assert!(has(&got, "next week", Some("DATE"), "2024-W03"), "{got:?}");
}

/// Issue 4, round 9: "June last year", "January this year" are one expression (the month of
/// that year), not a month resolved alone plus a stray "last year".
#[test]
fn month_with_last_this_next_year_is_one_date() {
    let got = found("🎉 Café: In June last year, police came; in January this year they left; in April next year they return.");
    assert!(has(&got, "June last year", Some("DATE"), "2023-06"), "{got:?}");
    assert!(has(&got, "January this year", Some("DATE"), "2024-01"), "{got:?}");
    assert!(has(&got, "April next year", Some("DATE"), "2025-04"), "{got:?}");
    assert_eq!(got.len(), 3, "{got:?}");
    // "may" the verb stays out.
    let got = found("🎉 Café: prices may last year after year.");
    assert!(got.iter().all(|(s, _, _)| !s.contains("may")), "{got:?}");
}

/// Issue 4, round 9: "by year-end", "by year's end", "around year end" name the end of this
/// year (missed before); "since year-end" the last one; "year-end net" (a modifier) stays out.
#[test]
fn year_end_after_a_preposition_is_a_date() {
    let got = found("🎉 Café: It should close by year-end. Rules in place by year’s end. Stocks rose since year-end.");
    assert!(has(&got, "year-end", Some("DATE"), "2024"), "{got:?}");
    assert!(has(&got, "year’s end", Some("DATE"), "2024"), "{got:?}");
    assert!(has(&got, "year-end", Some("DATE"), "2023"), "{got:?}");
    let got = found("🎉 Café: In 1988, year-end net was below the 1987 level.");
    assert!(got.iter().all(|(s, _, _)| !s.contains("end")), "{got:?}");
}

/// Issue 4, round 9: "around" before a point in time is part of the TIMEX3 span (TimeBank:
/// "around Nov. 1", "around 7:15 p.m.", "around year end"); the verb particle is not.
#[test]
fn around_joins_a_point_in_time() {
    let got = found("🎉 Café: It closes around Nov. 1 and opened around 7:15 p.m., to close around year end.");
    assert!(has(&got, "around Nov. 1", Some("DATE"), "2023-11-01"), "{got:?}");
    assert!(got.iter().any(|(s, t, _)| s == "around 7:15 p.m." && *t == "TIME"), "{got:?}");
    assert!(has(&got, "around year end", Some("DATE"), "2024"), "{got:?}");
    let got = found("🎉 Café: They tried to get around Wednesday's ruling.");
    assert!(has(&got, "Wednesday", Some("DATE"), "2024-01-03"), "{got:?}");
}

/// Issue 4, round 9: the article of a noun modified by "third-quarter" or "year-ago" is no
/// part of the TIMEX3 ("the third-quarter loss" marks "third-quarter"), while "the third
/// quarter" and "the year-ago quarter" keep it.
#[test]
fn article_stays_out_of_a_hyphenated_modifier() {
    let got = found("🎉 Café: A major factor in the third-quarter loss was the write-down. The year-ago results were restated.");
    assert!(got.iter().any(|(s, t, _)| s == "third-quarter" && *t == "DATE"), "{got:?}");
    assert!(got.iter().any(|(s, _, _)| s == "year-ago"), "{got:?}");
    assert!(got.iter().all(|(s, _, _)| !s.to_lowercase().starts_with("the")), "{got:?}");
    let got = found("🎉 Café: Profit rose in the third quarter from the year-ago quarter.");
    assert!(got.iter().any(|(s, _, _)| s == "the third quarter"), "{got:?}");
    assert!(got.iter().any(|(s, _, _)| s == "the year-ago quarter"), "{got:?}");
}

/// Issue 4, round 9: a year after a possessive or "that" modifies a noun and is a DATE
/// ("the company's 1989 operating results", "That 1978 resolution"; missed before).
#[test]
fn year_after_possessive_or_that_is_a_date() {
    let got = found("🎉 Café: It will show in the company's 1989 operating results. That 1978 resolution stands.");
    assert!(has(&got, "1989", Some("DATE"), "1989"), "{got:?}");
    assert!(has(&got, "1978", Some("DATE"), "1978"), "{got:?}");
    // Counts stay counts.
    let got = found("🎉 Café: The firm's 500 workers and its 12,000 stores.");
    assert!(got.is_empty(), "{got:?}");
}

/// Issue 4, round 9: "For the week, the index dropped", "the week's most active session":
/// an unnamed week of this year (DATE 2024-WXX), missed before; "the week of" is left alone.
#[test]
fn the_week_in_a_market_report_is_a_date() {
    let got = found("🎉 Café: For the week, the index dropped 3.8%. It was the week's most active session.");
    assert_eq!(got.iter().filter(|(s, t, v)| s == "the week" && *t == "DATE" && v == "2024-WXX").count(), 2, "{got:?}");
    let got = found("🎉 Café: Every day of the week counts.");
    assert!(got.iter().all(|(s, _, _)| s != "the week"), "{got:?}");
}

/// Issue 4, round 9: "today's youth", "today's world" speak of the present age, not of the
/// article's day (false alarms before); "today's editions" stays the day.
#[test]
fn today_s_youth_is_no_date() {
    let got = found("🎉 Café: The case is for today's youth what the blockade was; in today's world it matters.");
    assert!(got.is_empty(), "{got:?}");
    let got = found("🎉 Café: It ran in today's editions.");
    assert!(has(&got, "today", Some("DATE"), "2024-01-09"), "{got:?}");
}

/// Issue 4, round 9: "two more weeks", "an additional year", "3 straight days" are amounts
/// of time (missed before: the word between number and unit broke the duration).
#[test]
fn more_and_additional_keep_a_duration() {
    let got = found("🎉 Café: He stays two more weeks; the loan may be extended for an additional year after 3 straight days of talks.");
    assert!(has(&got, "two more weeks", Some("DURATION"), "P2W"), "{got:?}");
    assert!(has(&got, "an additional year", Some("DURATION"), "P1Y"), "{got:?}");
    assert!(has(&got, "3 straight days", Some("DURATION"), "P3D"), "{got:?}");
    let got = found("🎉 Café: No more days like this; the third consecutive month.");
    assert!(got.is_empty(), "{got:?}");
}

/// Issue 4, round 9: a day range that ends a sentence ("April 24 and 25.") gives its second
/// day too (the full stop had blocked it); "Jan 5-7.5" stays no range.
#[test]
fn day_range_before_a_full_stop() {
    let got = found("🎉 Café: The summit is on April 24 and 25. Rates were Jan 5-7.5 pct.");
    assert!(has(&got, "April 24", Some("DATE"), "2024-04-24"), "{got:?}");
    assert!(has(&got, "25", Some("DATE"), "2024-04-25"), "{got:?}");
    assert!(got.iter().all(|(s, _, _)| s != "7" && s != "7.5"), "{got:?}");
}

/// Issue 4, round 9: "or so" after an amount of time belongs to it ("a week or so ago",
/// "the next two years or so"); before, the span stopped at the unit and lost "ago".
#[test]
fn or_so_belongs_to_the_amount() {
    let got = found("🎉 Café: Then, a week or so ago, he came. Over the next two years or so, it grows.");
    assert!(has(&got, "a week or so ago", Some("DATE"), "2024-01-02"), "{got:?}");
    assert!(has(&got, "the next two years or so", Some("DURATION"), "P2Y"), "{got:?}");
}

/// Issue 4, round 9: "two to three weeks", "the next 12 to 18 months" are one amount
/// (before: only "three weeks" was marked); "the next year or so" keeps its hedge; a range
/// of plain counts ("5 to 10 percent") stays out.
#[test]
fn amount_ranges_are_one_duration() {
    let got = found("🎉 Café: It takes two to three weeks, over the next 12 to 18 months, and the next year or so. Up 5 to 10 percent.");
    assert!(has(&got, "two to three weeks", Some("DURATION"), "PXW"), "{got:?}");
    assert!(has(&got, "the next 12 to 18 months", Some("DURATION"), "PXM"), "{got:?}");
    assert!(got.iter().any(|(s, _, _)| s == "the next year or so"), "{got:?}");
    assert_eq!(got.len(), 3, "{got:?}");
}

/// Issue 4, round 9: "this march" in lower case is a protest march, not March (a false
/// alarm before); "Last March" stays the month.
#[test]
fn lower_case_this_march_is_a_walk() {
    let got = found("🎉 Café: He was arrested at this march in each of the last three years. Last March he left.");
    assert!(got.iter().all(|(s, _, _)| s != "this march"), "{got:?}");
    assert!(has(&got, "Last March", Some("DATE"), "2023-03"), "{got:?}");
}

/// Issue 4, round 10: "earlier that day", "that same day" point back to the last day the
/// text named (before: missed); a bare "that day" stays out, as TimeBank leaves it.
#[test]
fn that_same_day_is_the_last_named_day() {
    let got = found("🎉 Café: He was killed on Oct. 23, 1998. Earlier that day, police got a fax.");
    assert!(has(&got, "Earlier that day", Some("DATE"), "1998-10-23"), "{got:?}");
    let got = found("🎉 Café: He was shot last October. His name was crossed out that same day.");
    assert!(has(&got, "that same day", Some("DATE"), "2023-10-XX"), "{got:?}");
    let got = found("🎉 Café: strong redemptions that day and for two days following.");
    assert!(got.iter().all(|(s, _, _)| !s.contains("that day")), "{got:?}");
}

/// Issue 4, round 10: "the nineties" is the decade 199 (before: missed); "his sixties" (an
/// age) stays out.
#[test]
fn the_nineties_is_a_decade() {
    let got = found("🎉 Café: numbers dropped through the nineties; he is in his sixties.");
    assert!(has(&got, "the nineties", Some("DATE"), "199"), "{got:?}");
    assert_eq!(got.len(), 1, "{got:?}");
}

/// Issue 4, round 10: "the latest fiscal year" is the last year reported (the one before
/// the reference's); "earlier in the year" the year the text last stated in figures, else
/// the reference's (before: both missed).
#[test]
fn latest_fiscal_year_and_earlier_in_the_year() {
    let got = found("🎉 Café: sales were C$7.38 billion in the latest fiscal year; rains delayed it earlier in the year, a year earlier.");
    assert!(has(&got, "the latest fiscal year", Some("DATE"), "2023"), "{got:?}");
    assert!(has(&got, "earlier in the year", Some("DATE"), "2024"), "{got:?}");
    let got = found("🎉 Café: In 1985 it fell, and later in the year it rose.");
    assert!(has(&got, "later in the year", Some("DATE"), "1985"), "{got:?}");
}

/// Issue 4, round 10: "Election Day" is the US one, the Tuesday after the first Monday of
/// November (before: missed); lower-case "election day" stays out (an ordinary phrase).
#[test]
fn election_day_is_the_tuesday_after_the_first_monday_of_november() {
    let got = found("🎉 Café: a theme of the campaign from now to Election Day. Election Day 2024 came; the election day was calm.");
    assert!(has(&got, "Election Day", Some("DATE"), "2023-11-07"), "{got:?}");
    assert!(has(&got, "Election Day 2024", Some("DATE"), "2024-11-05"), "{got:?}");
    assert!(got.iter().all(|(s, _, _)| s != "election day"), "{got:?}");
}

/// Issue 4, round 10: "in the morning" after a day was named is that day's morning (before:
/// missed); with no day named ("I run in the morning", a habit) it stays out.
#[test]
fn the_morning_is_the_named_days() {
    let got = found("🎉 Café: I run in the morning. Shares fell Friday. Dealers placed orders in the morning.");
    assert!(has(&got, "the morning", Some("TIME"), "2024-01-05TMO"), "{got:?}");
    assert_eq!(got.len(), 2, "{got:?}");
}

/// Issue 4, round 10: an -ed word after a determiner is an adjective, no past cue: "would
/// be paid on a still unspecified date in March" is the coming March (before: last March,
/// read as past from "unspecified"); "he visited in March" stays the past one.
#[test]
fn adjective_participle_is_no_past_cue() {
    let got = found("🎉 Café: the split would be paid on a still unspecified date in March.");
    assert!(has(&got, "March", Some("DATE"), "2024-03"), "{got:?}");
    let got = found("🎉 Café: he visited in March.");
    assert!(has(&got, "March", Some("DATE"), "2023-03"), "{got:?}");
}

/// Session 5 (a blind-annotated PolNeAR check): "in the past three weeks" and "in the first
/// 100 days" are stretches of time; the "in N weeks" rule read both as a day ahead of the
/// reference (2024-01-30, 2024-04-18).
#[test]
fn in_the_past_weeks_is_no_day_ahead() {
    let got = found("🎉 Café: things Trump has done in the past three weeks. He will act in the first 100 days.");
    assert!(has(&got, "the past three weeks", Some("DURATION"), "P3W"), "{got:?}");
    assert!(has(&got, "the first 100 days", Some("DURATION"), "P100D"), "{got:?}");
    // The rule itself stays: "in two weeks" ahead is that day.
    let got = found("🎉 Café: the vote is in two weeks.");
    assert!(has(&got, "two weeks", Some("DATE"), "2024-01-23"), "{got:?}");
}

/// Session 5: names that contain a time word are no times: the film "13 Hours", "USA
/// TODAY", the "Liberty Now PAC" (before: PT13H, the reference day, PRESENT_REF). A headline
/// in title case keeps its duration.
#[test]
fn time_words_inside_names_stay_unmarked() {
    let got = found("🎉 Café: The movie 13 Hours by Michael Bay opens. Pages including USA TODAY warned, said the Liberty Now PAC.");
    assert!(got.is_empty(), "{got:?}");
    let got = found("Sanders Promises Action In First 100 Days\n\nHe spoke today.");
    assert!(has(&got, "First 100 Days", Some("DURATION"), "P100D"), "{got:?}");
}

/// Session 5: "this past week" is the week before (before: missed); "This weekend, X
/// complained" on a weekday is the weekend just past (before: the coming one); "by late
/// summer" is that season (before: missed); "it may be years before" and "a handful of
/// days" are vague durations (before: missed).
#[test]
fn this_past_week_late_summer_and_vague_amounts() {
    let got = found("🎉 Café: he raised money this past week. This weekend, Sanders complained. By late summer, she looked weak.");
    assert!(has(&got, "this past week", Some("DATE"), "2024-W01"), "{got:?}");
    assert!(has(&got, "This weekend", Some("DATE"), "2024-W01-WE"), "{got:?}");
    assert!(has(&got, "late summer", Some("DATE"), "2023-SU"), "{got:?}");
    let got = found("🎉 Café: it may be years before it exists, a handful of days after the vote.");
    assert!(has(&got, "years", Some("DURATION"), "PXY"), "{got:?}");
    assert!(has(&got, "a handful of days", Some("DURATION"), "PXD"), "{got:?}");
}

/// Session 5: "Super Tuesday" is the first Tuesday of March (before: "Tuesday" alone, the
/// nearest Tuesday); a bare year before the race or office it names is a date ("her failed
/// 2008 run", "2012 Republican nominee"; before: missed); "the leaders of tomorrow" is the
/// future, not the next day.
#[test]
fn super_tuesday_year_before_a_race_and_leaders_of_tomorrow() {
    let got = found("🎉 Café: he could do well on Super Tuesday, unlike her failed 2008 run or the 2012 Republican nominee.");
    assert!(has(&got, "Super Tuesday", Some("DATE"), "2024-03-05"), "{got:?}");
    assert!(has(&got, "2008", Some("DATE"), "2008"), "{got:?}");
    assert!(has(&got, "2012", Some("DATE"), "2012"), "{got:?}");
    let got = found("🎉 Café: they are the senators of tomorrow.");
    assert!(has(&got, "tomorrow", Some("DATE"), "FUTURE_REF"), "{got:?}");
}

/// Session 5: a weekday with a part of the day is a TIME with that part, as the TIMEX3
/// guidelines and "yesterday morning" have it (before: DATE of the day, the part dropped
/// but for "evening"); "early Friday morning" marks the day and part only.
#[test]
fn weekday_night_is_a_time_with_the_part() {
    let got = found("🎉 Café: Trump said on Fox News Monday night that it rained early Friday morning.");
    assert!(has(&got, "Monday night", Some("TIME"), "2024-01-08TNI"), "{got:?}");
    assert!(has(&got, "Friday morning", Some("TIME"), "2024-01-05TMO"), "{got:?}");
}

/// Session 5, second blind set: "9/11" and "the Sept. 11 attacks" are the 2001 attacks
/// (before: this year's September 11, or missed after "during" and before a full stop);
/// "9/11/2016" stays that day and "9/11.5" is no date.
#[test]
fn nine_eleven_is_the_2001_attacks() {
    let got = found("🎉 Café: What about during 9/11? He kept us safe after 9/11. Then the Sept. 11 attacks came up.");
    assert_eq!(got.iter().filter(|(s, _, v)| s == "9/11" && v == "2001-09-11").count(), 2, "{got:?}");
    assert!(has(&got, "Sept. 11", Some("DATE"), "2001-09-11"), "{got:?}");
    let got = found("🎉 Café: we meet on 9/11/2024; the ratio was 9/11.5.");
    assert!(has(&got, "9/11/2024", Some("DATE"), "2024-09-11"), "{got:?}");
    assert_eq!(got.len(), 1, "{got:?}");
}

/// Session 5, second blind set: tense cues. "ahead of Monday's caucuses", "urged them to
/// vote Tuesday", "the fiscal year, which ends Sept. 30" and "who can win in November" look
/// ahead; "way back in October" looks back (before: all five the other way); a hyphenated
/// "three-quarters" is a fraction, not nine months; "in '16" is 2016.
#[test]
fn tense_cues_fractions_and_short_years() {
    let got = found("🎉 Café: they sit atop the polls ahead of Monday's caucuses, and he urged them to vote Wednesday.");
    assert!(has(&got, "Monday", Some("DATE"), "2024-01-15"), "{got:?}");
    assert!(has(&got, "Wednesday", Some("DATE"), "2024-01-10"), "{got:?}");
    let got = found("🎉 Café: the deficit for this fiscal year, which ends Sept. 30, is large.");
    assert!(has(&got, "Sept. 30", Some("DATE"), "2024-09-30"), "{got:?}");
    let got = found("🎉 Café: a Republican who can win the general election in November.");
    assert!(has(&got, "November", Some("DATE"), "2024-11"), "{got:?}");
    let got = found("🎉 Café: she locked up endorsements from unions representing most of the members way back in October.");
    assert!(has(&got, "October", Some("DATE"), "2023-10"), "{got:?}");
    let got = found("🎉 Café: he raised more than three-quarters from small donors. Deficit to Reverse Course in '25");
    assert!(got.iter().all(|(s, _, _)| !s.contains("quarters")), "{got:?}");
    assert!(has(&got, "'25", Some("DATE"), "2025"), "{got:?}");
}

/// Session 5: "Jan 5-7, 2024 in Paris" gives both days (before: "Jan 5" and a bare "2024":
/// the year rule took "2024 in" alone and the range's end collided with it).
#[test]
fn day_range_before_in_keeps_both_days() {
    let got = found("🎉 Café: The fair runs Jan 5-7, 2024 in Paris.");
    assert!(has(&got, "Jan 5", Some("DATE"), "2024-01-05"), "{got:?}");
    assert!(has(&got, "7, 2024", Some("DATE"), "2024-01-07"), "{got:?}");
    assert_eq!(got.len(), 2, "{got:?}");
}

/// Session 5, third blind set: names with a capitalised unit or part of the day ("Monday
/// Night Baseball", ABC's "This Week", "Liar of the Year") are no times; "on Monday nights"
/// is a set (before: the day); "every single day" is a set (before: missed); "days before
/// he left" and "decades later" are vague durations (before: missed); "Eight trading days"
/// is eight days (an adjective between the number and the unit).
#[test]
fn names_sets_and_vague_durations_from_the_third_blind_set() {
    let got = found("🎉 Café: analysis on ''Monday Night Baseball'' and ABC's This Week, said the Liar of the Year.");
    assert!(got.is_empty(), "{got:?}");
    let got = found("🎉 Café: he calls games on Monday nights, every single day, days before he left; decades later it rose for eight trading days.");
    assert!(has(&got, "Monday nights", Some("SET"), "XXXX-WXX-1TNI"), "{got:?}");
    assert!(has(&got, "every single day", Some("SET"), "P1D"), "{got:?}");
    assert!(has(&got, "days", Some("DURATION"), "PXD"), "{got:?}");
    assert!(has(&got, "decades", Some("DURATION"), "PXDE"), "{got:?}");
    assert!(has(&got, "eight trading days", Some("DURATION"), "P8D"), "{got:?}");
}
