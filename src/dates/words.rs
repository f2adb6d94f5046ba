//! The lexicon: month and weekday names, number words, units, time zones.

use super::resolve::Unit;

/// A shortened month name ("oct", "sept"), which may carry a dot; full names never do.
pub fn month_abbr(w: &str) -> bool {
    w.len() <= 4 && !matches!(w, "may" | "june" | "july") && month(w).is_some()
}

/// Month number for a full or abbreviated name; `true` when the word is an abbreviation or
/// an ambiguous English word ("may", "march") that needs a day or a year next to it.
pub fn month(w: &str) -> Option<(u8, bool)> {
    Some(match w {
        "january" => (1, false),
        "february" => (2, false),
        "march" => (3, true),
        "april" => (4, false),
        "may" => (5, true),
        "june" => (6, false),
        "july" => (7, false),
        "august" => (8, false),
        "september" => (9, false),
        "october" => (10, false),
        "november" => (11, false),
        "december" => (12, false),
        "jan" => (1, true),
        "feb" => (2, true),
        "mar" => (3, true),
        "apr" => (4, true),
        "jun" => (6, true),
        "jul" => (7, true),
        "aug" => (8, true),
        "sep" | "sept" => (9, true),
        "oct" => (10, true),
        "nov" => (11, true),
        "dec" => (12, true),
        _ => return None,
    })
}

/// ISO weekday for a name; `true` when abbreviated (then it needs a date next to it).
pub fn weekday(w: &str) -> Option<(u8, bool)> {
    Some(match w {
        "monday" => (1, false),
        "tuesday" => (2, false),
        "wednesday" => (3, false),
        "thursday" => (4, false),
        "friday" => (5, false),
        "saturday" => (6, false),
        "sunday" => (7, false),
        "mon" => (1, true),
        "tue" | "tues" => (2, true),
        "wed" | "weds" => (3, true),
        "thu" | "thur" | "thurs" => (4, true),
        "fri" => (5, true),
        "sat" => (6, true),
        "sun" => (7, true),
        _ => None?,
    })
}

/// Plural weekday ("mondays") for sets.
pub fn weekday_plural(w: &str) -> Option<u8> {
    let stem = w.strip_suffix('s')?;
    match weekday(stem) {
        Some((d, false)) => Some(d),
        _ => None,
    }
}

/// Cardinal number words up to 99 (single words; "twenty" "four" combine in the grammar).
pub fn number(w: &str) -> Option<u32> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "dozen" => 12,
        _ => return None,
    })
}

/// Ordinal words.
pub fn ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// Units, with whether the word is plural.
pub fn unit(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "second" => (Unit::Second, false),
        "seconds" | "secs" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" | "hr" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

pub fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "fall" | "autumn" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// Parts of the day: TIMEX3 code.
pub fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

/// Time zone abbreviations: UTC offset, or a marker resolved by season ("@ET").
pub fn zone(w: &str) -> Option<&'static str> {
    Some(match w {
        "ist" => "+05:30",
        "et" => "@ET",
        "est" => "-05:00",
        "edt" => "-04:00",
        "ct" => "@CT",
        "cst" => "-06:00",
        "cdt" => "-05:00",
        "mt" => "@MT",
        "mst" => "-07:00",
        "mdt" => "-06:00",
        "pt" => "@PT",
        "pst" => "-08:00",
        "pdt" => "-07:00",
        "gmt" | "utc" | "z" => "Z",
        "bst" | "cet" | "wat" => "+01:00",
        "cest" | "eet" | "sast" | "cat" => "+02:00",
        "msk" | "eest" | "eat" | "ast" => "+03:00",
        "gst" => "+04:00",
        "pkt" => "+05:00",
        "hkt" | "sgt" | "awst" => "+08:00",
        "jst" | "kst" => "+09:00",
        "aest" => "+10:00",
        "aedt" => "+11:00",
        "nzst" => "+12:00",
        _ => return None,
    })
}

/// Words that, just before a bare year, make it a year ("in 2023").
pub fn year_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "from"
            | "to"
            | "through"
            | "before"
            | "after"
            | "during"
            | "of"
            | "for"
            | "early"
            | "late"
            | "mid"
            | "year"
            | "between"
            | "around"
            | "circa"
            | "throughout"
            | "and"
            | "or"
            | "than"
            | "copyright"
            | "©"
            | "("
            | "spring"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
            | "end"
            | "start"
            | "beginning"
            | "–"
            | "-"
            | "within"
            | "into"
            | "over"
            | "at"
            | "on"
            | "as"
            | "season"
            | "budget"
            | "census"
            | "election"
            | "elections"
            | "fy"
            | "vintage"
            | "class"
    )
}

/// Words that show the clause talks about the future.
pub fn future_cue(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "ll"
            | "shall"
            | "going"
            | "plans"
            | "planned"
            | "plan"
            | "scheduled"
            | "expected"
            | "expects"
            | "due"
            | "upcoming"
            | "next"
            | "tomorrow"
            | "intends"
            | "until"
            | "aims"
            | "hopes"
            | "set"
            | "coming"
            | "ahead"
            // A schedule in the present tense: "the fiscal year, which ends Sept. 30".
            | "ends"
            | "begins"
            | "starts"
            | "expires"
            | "win"
            | "wins"
    )
}

/// Words that show the clause talks about the past.
pub fn past_cue(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "was"
            | "were"
            | "had"
            | "did"
            | "told"
            | "came"
            | "went"
            | "took"
            | "met"
            | "made"
            | "began"
            | "ago"
            | "last"
            | "yesterday"
            | "saw"
            | "gave"
            | "got"
            | "fell"
            | "rose"
            | "won"
            | "lost"
            | "left"
            | "held"
            | "led"
            | "paid"
            | "sold"
            | "bought"
            | "spoke"
            | "wrote"
            | "shot"
            | "hit"
            | "struck"
            | "killed"
            | "announced"
            | "brought"
            | "thought"
            | "became"
            | "kept"
            | "felt"
            | "found"
            | "sent"
            | "spent"
            | "built"
            | "fought"
            | "caught"
            | "sought"
            | "chose"
            | "broke"
            | "drove"
            | "grew"
            | "knew"
            | "flew"
            | "threw"
            | "stood"
            | "ran"
            | "heard"
            | "fled"
            | "withdrew"
            | "wore"
            | "swore"
            | "stole"
    ) || (w.len() > 4 && w.ends_with("ed"))
}

/// Nouns (and party adjectives) a bare year modifies in news: "the 2008 run", "2012
/// Republican nominee", "2016 presidential race", "his 2004 campaign".
pub fn year_noun(w: &str) -> bool {
    matches!(
        w,
        "run" | "race" | "races" | "campaign" | "campaigns" | "election" | "elections"
            | "presidential" | "primary" | "primaries" | "caucus" | "caucuses" | "nominee"
            | "nomination" | "convention" | "midterm" | "midterms" | "cycle" | "bid"
            | "republican" | "democratic" | "gop" | "ticket" | "debate" | "debates"
            | "season" | "census" | "budget" | "olympics" | "olympic" | "world" | "invasion"
            | "recession" | "crisis" | "attacks" | "law" | "act" | "report" | "survey"
            | "study" | "book" | "film" | "movie" | "album" | "memoir" | "interview"
            | "speech" | "visit" | "trip" | "agreement" | "accord" | "deal" | "victory"
            | "defeat" | "loss" | "win" | "contest" | "vote" | "referendum" | "levels"
            | "figures" | "estimate" | "forecast"
    )
}
