//! Clock arithmetic against a reference instant (a [`super::Reference`] with a time of day).
//!
//! News text gives the analyser a date only; an assistant-style caller (the Duckling scorer)
//! also gives the clock. Then:
//!
//! - "in 2 hours", "10 minutes ago", "2 minutes from now" -> the instant ("2013-02-12T06:30");
//! - "3 days ago", "a day from now" (day units: the clock carries over) -> the instant;
//! - with `future_bias`: "in 3 days" / "within 2 weeks" -> the instant or the day, rather
//!   than a duration, and a bare clock time that has passed today moves to its next
//!   occurrence ("3:30" at 04:30 -> 15:30; "3am" at 04:30 -> tomorrow 03:00), and a part
//!   of a day becomes its start ("tonight" -> "2013-02-12T18:00", "this morning" -> T00:00),
//!   as Duckling reports intervals.
//!
//! Times that state a zone are converted to the reference's UTC offset ([`to_offset`]).
//! Arithmetic is in whole minutes since 1970-01-01 (seconds are dropped).

use super::grammar::Cand;
use super::lex::Tok;
use super::resolve::{Unit, Val};
use super::TimexType as T;
use crate::calendar::CivilDate;

/// Minutes since 1970-01-01 00:00 -> "YYYY-MM-DDTHH:MM".
fn fmt(min: i64) -> Option<String> {
    let d = CivilDate::from_days(min.div_euclid(1440))?;
    let m = min.rem_euclid(1440);
    Some(format!("{d}T{:02}:{:02}", m / 60, m % 60))
}

/// A duration value ("PT2.5H", "P3D", "PTXM") as (amount, designator); X counts 3 (Duckling's
/// "a few"). Months and years have no fixed length here: None.
fn parse_duration(v: &str) -> Option<(f64, &str)> {
    // "PT5H30M", "PT1M30S", "P1DT12H": in minutes.
    if let Some(m) = compound_minutes(v) {
        return Some((m, "min"));
    }
    let (num, unit) = duration_parts(v)?;
    if matches!(unit, "mo" | "y") {
        return None;
    }
    let n = if num == "X" { 3.0 } else { num.parse::<f64>().ok()? };
    Some((n, unit))
}

/// A one-component duration value split into its amount as written ("2.5", "X") and its
/// unit (s min h d w mo y): "PT2.5H" -> ("2.5", "h"), "P2M" -> ("2", "mo").
fn duration_parts(v: &str) -> Option<(&str, &'static str)> {
    let (clock, rest) = match v.strip_prefix("PT") {
        Some(r) => (true, r),
        None => (false, v.strip_prefix('P')?),
    };
    let cut = rest.find(|c: char| c.is_ascii_alphabetic() && c != 'X')?;
    let (num, unit) = rest.split_at(cut);
    let unit = match (clock, unit) {
        (true, "H") => "h",
        (true, "M") => "min",
        (true, "S") => "s",
        (false, "D") => "d",
        (false, "W") => "w",
        (false, "M") => "mo",
        (false, "Y") => "y",
        _ => return None,
    };
    Some((num, unit))
}

/// A duration of two or more components ("PT5H30M", "P1DT12H") in minutes; None for one.
fn compound_minutes(v: &str) -> Option<f64> {
    let rest = v.strip_prefix('P')?;
    let (mut total, mut parts, mut clock, mut num) = (0.0f64, 0, false, String::new());
    for c in rest.chars() {
        match c {
            'T' => clock = true,
            '0'..='9' | '.' => num.push(c),
            _ => {
                let n: f64 = num.parse().ok()?;
                num.clear();
                total += n * match (clock, c) {
                    (false, 'D') => 1440.0,
                    (false, 'W') => 10080.0,
                    (true, 'H') => 60.0,
                    (true, 'M') => 1.0,
                    (true, 'S') => 1.0 / 60.0,
                    _ => return None,
                };
                parts += 1;
            }
        }
    }
    (parts >= 2 && num.is_empty()).then_some(total)
}

/// Some(true) for a span starting "[the] beginning|start of", Some(false) for "[the] end of".
fn edge(span: &[Tok]) -> Option<bool> {
    let mut it = span.iter().map(|t| t.w()).skip_while(|w| *w == "the");
    let b = match it.next()? {
        "beginning" | "start" => true,
        "end" => false,
        _ => return None,
    };
    (it.next()? == "of").then_some(b)
}

/// -1 for a span starting "[the] last|past|previous N", +1 for "[the] next|coming N".
fn last_next(span: &[Tok]) -> Option<i64> {
    let mut it = span.iter().map(|t| t.w()).skip_while(|w| *w == "the");
    let n = match it.next()? {
        "last" | "past" | "previous" => -1,
        "next" | "coming" => 1,
        _ => return None,
    };
    Some(n)
}

/// A duration value ("P2D", "PT3M", "P2M", "PXY") as (amount, unit: s min h d w mo y);
/// "X" (a few) counts 3.
pub(super) fn amount(v: &str) -> Option<(u32, &'static str)> {
    let (num, unit) = duration_parts(v)?;
    let n = if num == "X" { 3 } else { num.parse::<u32>().ok()? };
    (n < 100_000).then_some((n, unit))
}

/// `d` moved by `n` calendar months, the day clamped to the month's length.
fn add_months(d: CivilDate, n: i64) -> Option<CivilDate> {
    let m0 = (d.year as i64).checked_mul(12)? + d.month as i64 - 1 + n;
    let (y, m) = (m0.div_euclid(12), (m0.rem_euclid(12) + 1) as u8);
    let y = i32::try_from(y).ok()?;
    CivilDate::new(y, m, d.day.min(crate::calendar::days_in_month(y, m)))
}

/// The TIME (or DATE) value of candidate `c` when it depends on the clock; `None` leaves
/// the ordinary date resolution in charge.
pub fn resolve(
    toks: &[Tok],
    c: &Cand,
    day: CivilDate,
    now: (u8, u8),
    future_bias: bool,
) -> Option<(T, String)> {
    let base = day.to_days() * 1440 + now.0 as i64 * 60 + now.1 as i64;
    let span = toks.get(c.s..c.e)?;
    let has = |w: &str| span.iter().any(|t| t.w() == w);
    match &c.val {
        Val::Offset(u @ (Unit::Hour | Unit::Minute | Unit::Second), n) => {
            let delta = match u {
                Unit::Hour => n.checked_mul(60)?,
                Unit::Minute => *n,
                _ => n / 60,
            };
            Some((T::Time, fmt(base.checked_add(delta)?)?))
        }
        // "three months ago", "a year from now": the day, as chrono and Duckling read a
        // distance in calendar months from a known instant (news text keeps the month/year).
        Val::Offset(u @ (Unit::Month | Unit::Quarter | Unit::Year), n) => {
            let months = match u {
                Unit::Month => *n,
                Unit::Quarter => n.checked_mul(3)?,
                _ => n.checked_mul(12)?,
            };
            Some((T::Date, add_months(day, months)?.to_string()))
        }
        // "the beginning of next week" -> its Monday, "the end of this week" -> its Friday,
        // "the beginning of the month/year" -> its first day/month (Duckling's interval
        // starts).
        Val::Rel(u @ (Unit::Week | Unit::Month | Unit::Year), n)
            if future_bias && edge(span).is_some() =>
        {
            let begin = edge(span)?;
            match u {
                Unit::Week => {
                    let monday = day.add_days(1 - day.weekday() as i64 + n.checked_mul(7)?)?;
                    let d = if begin { monday } else { monday.add_days(4)? };
                    Some((T::Date, d.to_string()))
                }
                Unit::Month if begin => {
                    let d = add_months(day, *n)?;
                    Some((T::Date, format!("{:04}-{:02}-01", d.year, d.month)))
                }
                Unit::Year if begin => Some((T::Date, format!("{:04}-01", day.year as i64 + n))),
                _ => None,
            }
        }
        // "the beginning of January" -> its first day, "the beginning of 2017" -> January.
        Val::Month { .. } | Val::Year(_) if future_bias && edge(span) == Some(true) => {
            let v = super::resolve::value(&c.val, Some(day), super::resolve::Tense::Ahead);
            (v.len() == 4 || v.len() == 7).then(|| (T::Date, format!("{v}-01")))
        }
        // "this summer" -> 2013-06-21: a season's start (winter 2013 began in December 2012).
        Val::Season(..) | Val::RelSeason(..) if future_bias => {
            let v = super::resolve::value(&c.val, Some(day), super::resolve::Tense::Ahead);
            let y: i32 = v.get(..4)?.parse().ok()?;
            let (y, md) = match v.get(4..)? {
                "-SP" => (y, "03-20"),
                "-SU" => (y, "06-21"),
                "-FA" => (y, "09-23"),
                "-WI" => (y - 1, "12-21"),
                _ => return None,
            };
            Some((T::Date, format!("{y:04}-{md}")))
        }
        // "this weekend": its Saturday.
        Val::Rel(Unit::Weekend, n) if future_bias => {
            let monday = day.add_days(1 - day.weekday() as i64 + n.checked_mul(7)?)?;
            Some((T::Date, monday.add_days(5)?.to_string()))
        }
        Val::Lit(v) if future_bias && last_next(span).is_some() => {
            let past = last_next(span)? < 0;
            let (n, unit) = amount(v)?;
            let n = n as i64;
            let start = match unit {
                "s" | "min" | "h" => {
                    let at = match (unit, past) {
                        ("s", true) => base - (n + 59) / 60,
                        ("s", false) => base,
                        ("min", true) => base - n,
                        ("min", false) => base + 1,
                        (_, true) => {
                            let t = base - n.checked_mul(60)?;
                            t - t.rem_euclid(60)
                        }
                        (_, false) => base - base.rem_euclid(60) + 60,
                    };
                    return Some((T::Time, fmt(at)?));
                }
                "d" => day.add_days(if past { -n } else { 1 })?.to_string(),
                "w" => {
                    let monday = day.add_days(1 - day.weekday() as i64)?;
                    monday.add_days(if past { -7 * n } else { 7 })?.to_string()
                }
                "mo" => {
                    let d = add_months(day, if past { -n } else { 1 })?;
                    format!("{:04}-{:02}", d.year, d.month)
                }
                _ => format!("{:04}", day.year + if past { -n as i32 } else { 1 }),
            };
            Some((T::Date, start))
        }
        Val::DayOffset(n)
            if (has("day") || has("days"))
                && ["ago", "now", "hence", "later", "earlier"]
                    .iter()
                    .any(|w| has(w)) =>
        {
            Some((T::Time, fmt(base.checked_add(n.checked_mul(1440)?)?)?))
        }
        Val::Lit(v)
            if future_bias
                && c.s > 0
                && (toks
                    .get(c.s - 1)
                    .is_some_and(|t| matches!(t.w(), "in" | "within"))
                    // "in about half an hour"
                    || c.s > 1
                        && toks.get(c.s - 2).is_some_and(|t| t.w() == "in")
                        && toks.get(c.s - 1).is_some_and(|t| {
                            matches!(t.w(), "about" | "around" | "roughly" | "approximately")
                        })) =>
        {
            let (n, unit) = parse_duration(v)?;
            let minutes = match unit {
                "h" => n * 60.0,
                "min" => n,
                "s" => n / 60.0,
                "d" => n * 1440.0,
                _ => {
                    let d = day.add_days((7.0 * n) as i64)?;
                    return Some((T::Date, d.to_string()));
                }
            };
            if !(0.0..1e9).contains(&minutes) {
                return None;
            }
            Some((T::Time, fmt(base + minutes.round() as i64)?))
        }
        Val::Time {
            date: None,
            hour,
            minute,
            zone: None,
            ..
        } if future_bias => {
            let now_m = now.0 as i64 * 60 + now.1 as i64;
            let t = *hour as i64 * 60 + *minute as i64;
            let stated = span.iter().any(|t| {
                matches!(
                    t.w(),
                    "am" | "pm"
                        | "a"
                        | "p"
                        | "noon"
                        | "midnight"
                        | "midday"
                        | "h"
                        | "morning"
                        | "afternoon"
                        | "evening"
                        | "night"
                        | "tonight"
                )
            });
            let ambiguous = (1..12).contains(hour) && !stated;
            let today = day.to_days() * 1440;
            let at = if t > now_m {
                today + t
            } else if ambiguous && t + 720 > now_m {
                today + t + 720
            } else {
                today + 1440 + t
            };
            Some((T::Time, fmt(at)?))
        }
        Val::Part(base, part) if future_bias => {
            // Duckling reads a part of the day as an interval and reports its start.
            let start = match *part {
                "MO" => 0,
                "AF" => 12,
                "EV" | "NI" => 18,
                _ => return None,
            };
            let d = match base.as_ref() {
                Val::DayOffset(n) => day.add_days(*n)?,
                // "monday morning", "the 15th of february in the morning"
                b => {
                    let v = super::resolve::value(b, Some(day), super::resolve::Tense::Ahead);
                    CivilDate::parse_iso(v.get(..10)?)?
                }
            };
            Some((T::Time, format!("{d}T{start:02}:00")))
        }
        _ => None,
    }
}

/// Converts a zoned time value ("2013-02-14T08:00Z", "...T08:00:00+05:30") to local time at
/// `offset` minutes east of UTC; other values (and no offset) come back unchanged.
pub fn to_offset(value: &str, offset: Option<i32>) -> String {
    let convert = || -> Option<String> {
        let offset = offset?;
        let b = value.as_bytes();
        if b.len() < 17 || b.get(10) != Some(&b'T') || b.get(13) != Some(&b':') {
            return None;
        }
        let date = CivilDate::parse_iso(value.get(..10)?)?;
        let hh: i64 = value.get(11..13)?.parse().ok()?;
        let mm: i64 = value.get(14..16)?.parse().ok()?;
        let mut rest = value.get(16..)?;
        if rest.starts_with(':') {
            rest = rest.get(3..)?;
        }
        let zone_min: i64 = if rest == "Z" {
            0
        } else {
            let sign = match rest.get(..1)? {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            let zh: i64 = rest.get(1..3)?.parse().ok()?;
            let zm: i64 = rest.get(4..6)?.parse().ok()?;
            sign * (zh * 60 + zm)
        };
        let utc = date.to_days() * 1440 + hh * 60 + mm - zone_min;
        fmt(utc + offset as i64)
    };
    convert().unwrap_or_else(|| value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoned_times_move_to_the_reference_offset() {
        assert_eq!(
            to_offset("2013-02-14T08:00Z", Some(-120)),
            "2013-02-14T06:00"
        );
        assert_eq!(
            to_offset("2024-01-09T06:00+05:30", Some(0)),
            "2024-01-09T00:30"
        );
        assert_eq!(
            to_offset("2024-01-09T06:00+05:30", None),
            "2024-01-09T06:00+05:30"
        );
        assert_eq!(to_offset("2024-01-09", Some(60)), "2024-01-09");
        assert_eq!(to_offset("PT2H", Some(60)), "PT2H");
    }

    #[test]
    fn durations_parse_back() {
        assert_eq!(parse_duration("PT2.5H"), Some((2.5, "h")));
        assert_eq!(parse_duration("PTXM"), Some((3.0, "min")));
        assert_eq!(parse_duration("P1W"), Some((1.0, "w")));
        assert_eq!(parse_duration("P3Y"), None);
        assert_eq!(parse_duration("PT2H30M"), Some((150.0, "min")));
        assert_eq!(parse_duration("P2Y6M"), None);
    }
}
