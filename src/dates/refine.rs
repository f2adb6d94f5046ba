//! Refiners: run over the candidates in text order and fix what a single candidate cannot
//! know on its own.
//!
//! - day ranges: "Jan 5-7, 2024" gives "Jan 5" and "7, 2024", the second taking the month of
//!   the first and the first taking the year of the second;
//! - year sharing across ranges: "from March to May 2023" gives March the year 2023;
//! - time and day ranges whose first half borrows from the second: "3-4pm" (the first hour
//!   takes the meridiem), "9:30 - 11:00 CST" (the zone), "9:30 - 11:00 on Thursday" and
//!   "Thursday from 9:30 to 11:00" (the day), "from 13 to 15 July" (the month and year);
//! - dropping candidates that overlap an earlier, longer one (the grammar already returns
//!   non-overlapping candidates; ranges add new ones and are checked here);
//! - dropping candidates that are part of a name in running text ([`in_name`]): the film
//!   "13 Hours", "USA TODAY", "the Liberty Now PAC".

use super::grammar::{Cand, P};
use super::resolve::Val;
use super::TimexType as T;

fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "-" | "to" | "through" | "until" | "till" | "and" | "thru"
    )
}

/// Adds the second halves of day ranges and shares years across ranges.
pub fn refine(p: &P<'_>, cands: Vec<Cand>) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
    let mut idx = 0;
    while idx < cands.len() {
        let mut c = cands[idx].clone();
        idx += 1;
        // Day range: "Jan 5-7, 2024", "Jan 5 to 7".
        if let Val::Day {
            year,
            month,
            day: _,
        } = c.val.clone()
        {
            let e = c.e;
            let next_starts_at = cands.get(idx).map(|n| n.s);
            if is_connector(p.w(e)) && next_starts_at != Some(e + 1) {
                if let Some((d2, k)) = p.day_num(e + 1) {
                    if d2 as u32 <= crate::calendar::days_in_month(2000, month) as u32
                        // "5-7:30", "24-25.5" are no day range; "April 24 and 25." is.
                        && !(p.glued(k)
                            && matches!(p.w(k), ":" | "." | "/")
                            && (p.w(k) != "." || p.glued(k + 1)))
                    {
                        let (y2, k2) = match p.opt_year(k) {
                            Some((y, k2)) => (Some(y), k2),
                            None => (year, k),
                        };
                        // The range's own end must not collide with the next candidate,
                        // but for the bare year it takes in: "Jan 5-7, 2024 in Paris" (the
                        // year rule reads "2024 in" alone; the range was lost).
                        if y2.is_some()
                            && cands.get(idx).is_some_and(|n| {
                                n.s >= k && n.e <= k2 && matches!(n.val, Val::Year(_))
                            })
                        {
                            idx += 1;
                        }
                        let next_starts_at = cands.get(idx).map(|n| n.s);
                        if next_starts_at.map_or(true, |s| s >= k2) {
                            if let Val::Day {
                                year: ref mut y1, ..
                            } = c.val
                            {
                                if y1.is_none() {
                                    *y1 = y2;
                                }
                            }
                            out.push(c);
                            out.push(Cand {
                                s: e + 1,
                                e: k2,
                                ty: T::Date,
                                val: Val::Day {
                                    year: y2,
                                    month,
                                    day: d2,
                                },
                            });
                            continue;
                        }
                    }
                }
            }
        }
        // Year sharing: "from March to May 2023", "Dec. 30 and Jan. 2, 2024".
        if let Some(n) = cands.get(idx) {
            if n.s == c.e + 1 && is_connector(p.w(c.e)) {
                let next_year = match n.val {
                    Val::Day { year: Some(y), .. } | Val::Month { year: Some(y), .. } => Some(y),
                    _ => None,
                };
                if let Some(y) = next_year {
                    match &mut c.val {
                        Val::Day {
                            year: y1 @ None,
                            month,
                            ..
                        }
                        | Val::Month {
                            year: y1 @ None,
                            month,
                        } => {
                            // "Dec. 30 - Jan. 2, 2024": a later month in the first part is the year before.
                            let n_month = match n.val {
                                Val::Day { month, .. } | Val::Month { month, .. } => month,
                                _ => 0,
                            };
                            *y1 = Some(if *month > n_month { y - 1 } else { y });
                        }
                        _ => {}
                    }
                }
            }
        }
        out.push(c);
    }
    let out = ranges(p, out);
    // Drop overlaps (keep the earlier; the grammar's matches are longest-first already).
    let mut kept: Vec<Cand> = Vec::with_capacity(out.len());
    for mut c in out {
        if kept.last().is_some_and(|l| c.s < l.e) || in_name(p, &c) {
            continue;
        }
        let floor = kept.last().map_or(0, |l| l.e);
        c.s = with_quantifier(p, &c, floor);
        // "the next year or so": the hedge belongs to the expression (TimeBank, 3 of 3).
        if p.w(c.e) == "or" && p.w(c.e + 1) == "so" {
            c.e += 2;
        }
        kept.push(c);
    }
    kept
}

/// Where an amount of time starts when an approximating quantifier stands before its number:
/// TimeML spans include it ("nearly two years", "more than four decades ago", "at least 72
/// hours", "over an hour"; not "about", which TimeBank mostly leaves out, nor "over the
/// weekend"). `floor` is the end of the previous kept candidate.
fn with_quantifier(p: &P<'_>, c: &Cand, floor: usize) -> usize {
    let amount = c.ty == T::Duration || matches!(c.val, Val::Offset(..));
    // "around Nov. 1", "around 7:15 p.m.", "around year end": TimeBank marks "around" with
    // a point in time (all three), not the verb's particle ("get around Wednesday's ruling").
    if !amount
        && matches!(c.ty, T::Date | T::Time)
        && c.s > floor
        && p.w(c.s - 1) == "around"
        && p.w(c.e) != "'"
        && !(c.s >= floor + 2
            && matches!(
                p.w(c.s - 2),
                "get" | "gets" | "got" | "getting" | "turn" | "turned" | "come" | "came" | "way"
            ))
    {
        return c.s - 1;
    }
    if !amount || !(matches!(p.w(c.s), "a" | "an") || p.qty(c.s).is_some()) {
        return c.s;
    }
    let before = |k: usize| c.s.checked_sub(k).filter(|&j| j >= floor);
    let w1 = before(1).map_or("", |j| p.w(j));
    let w2 = before(2).map_or("", |j| p.w(j));
    let w3 = before(3).map_or("", |j| p.w(j));
    match (w3, w2, w1) {
        ("no" | "not", "more" | "less" | "fewer", "than") => c.s - 3,
        (_, "more" | "less" | "fewer", "than") | (_, "at", "least" | "most") | (_, "up", "to") => {
            c.s - 2
        }
        (_, _, "nearly" | "almost" | "over" | "roughly" | "approximately" | "under") => c.s - 1,
        _ => c.s,
    }
}

fn is_range_connector(w: &str) -> bool {
    is_connector(w) || w == "untill"
}

fn dayish(v: &Val) -> bool {
    matches!(
        v,
        Val::Day { .. }
            | Val::Weekday(_)
            | Val::RelWeekday(..)
            | Val::WeekOf(..)
            | Val::DayOffset(_)
    )
}

/// Whether tokens `s..e` state a meridiem ("pm", "a.m.", "in the PM", "7a").
fn has_meridiem(p: &P<'_>, s: usize, e: usize) -> bool {
    (s..e).any(|k| {
        matches!(
            p.w(k),
            "am" | "pm"
                | "a"
                | "p"
                | "m"
                | "morning"
                | "evening"
                | "afternoon"
                | "tonight"
                | "night"
        )
    })
}

/// Ranges whose first half borrows what only the second states (see the module docs).
/// One pass over the candidates; inserts at most one candidate per range.
fn ranges(p: &P<'_>, cands: Vec<Cand>) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
    for b in cands {
        let c = b.s;
        let connected = c >= 2 && is_range_connector(p.w(c - 1));
        match &b.val {
            Val::Time {
                date, hour, zone, ..
            } if connected => {
                let (date, hour, zone) = (date.clone(), *hour, *zone);
                let prev_adjacent = out.last().is_some_and(|a| a.e == c - 1);
                if prev_adjacent {
                    if let Some(Cand {
                        val:
                            Val::Time {
                                date: d1,
                                hour: h1,
                                zone: z1,
                                ..
                            },
                        s: s1,
                        e: e1,
                        ..
                    }) = out.last_mut()
                    {
                        if d1.is_none() {
                            d1.clone_from(&date);
                        }
                        if z1.is_none() {
                            *z1 = zone;
                        }
                        if *h1 < 12 && hour >= 12 && *h1 + 12 <= hour && !has_meridiem(p, *s1, *e1)
                        {
                            *h1 += 12;
                        }
                    }
                } else if let Some((h, 1 | 2)) = p.num(c - 2) {
                    // "3-4pm", "from 3 to 4 in the PM": a bare first hour.
                    let free = out.last().map_or(true, |a| a.e <= c - 2);
                    let h = h as u8;
                    let numeral = p.glued(c - 2)
                        && c >= 3
                        && matches!(p.w(c - 3), "$" | "." | "," | ":" | "/" | "-" | "#");
                    if free && (1..=12).contains(&h) && has_meridiem(p, b.s, b.e) && !numeral {
                        let h = if hour >= 12 && h < 12 && h + 12 <= hour {
                            h + 12
                        } else {
                            h
                        };
                        out.push(Cand {
                            s: c - 2,
                            e: c - 1,
                            ty: T::Time,
                            val: Val::Time {
                                date: date.clone(),
                                hour: h,
                                minute: 0,
                                second: None,
                                zone,
                            },
                        });
                    }
                }
                // "Thursday from 9:30 to 11:00": the day before the range dates both halves.
                let n = out.len();
                if date.is_none() && n >= 2 {
                    let day = &out[n - 2];
                    let a = &out[n - 1];
                    let gap = a.s.saturating_sub(day.e);
                    let link = gap == 0
                        || gap == 1 && matches!(p.w(day.e), "from" | "between" | "," | "at");
                    if dayish(&day.val) && a.e == c - 1 && link && day.e <= a.s {
                        let d = Some(Box::new(day.val.clone()));
                        if let Val::Time {
                            date: d1 @ None, ..
                        } = &mut out[n - 1].val
                        {
                            *d1 = d.clone();
                        }
                        let mut b = b;
                        if let Val::Time {
                            date: d2 @ None, ..
                        } = &mut b.val
                        {
                            *d2 = d;
                        }
                        out.push(b);
                        continue;
                    }
                }
            }
            // "from 13 to 15 July", "from the 13th to the 15th of July".
            Val::Day { year, month, day } if connected => {
                let (year, month, day) = (*year, *month, *day);
                let free_from = out.last().map_or(0, |a| a.e);
                let start = [c.checked_sub(2), c.checked_sub(3)]
                    .into_iter()
                    .flatten()
                    .filter(|&i| i >= free_from)
                    .find(|&i| p.day_num(i).is_some_and(|(_, k)| k == c - 1));
                if let Some(i) = start {
                    if let Some((d1, _)) = p.day_num(i) {
                        let i = if i > free_from && p.w(i - 1) == "the" {
                            i - 1
                        } else {
                            i
                        };
                        if d1 < day && !p.glued(i) {
                            out.push(Cand {
                                s: i,
                                e: c - 1,
                                ty: T::Date,
                                val: Val::Day {
                                    year,
                                    month,
                                    day: d1,
                                },
                            });
                        }
                    }
                }
            }
            _ => {}
        }
        out.push(b);
    }
    out
}

/// Whether candidate `c` is part of a capitalised name in running text rather than a time: a
/// duration whose unit is capitalised where a sentence does not start ("The movie 13 Hours
/// by", "13 Hours will cover"), or "Now", "Today", "Tonight" capitalised mid-sentence next to
/// another capitalised word ("USA TODAY", "the Liberty Now PAC"). Not on a line in title
/// case or capitals (a headline "Sanders Promises Action In First 100 Days" keeps its
/// duration): such a line has no lowercase word of four or more letters other than a
/// preposition or conjunction (looked at up to 24 tokens each way).
fn in_name(p: &P<'_>, c: &Cand) -> bool {
    let Some(last) = c.e.checked_sub(1) else { return false };
    let starts_sentence = |i: usize| {
        i == 0
            || p.t.get(i).is_some_and(|t| t.newline())
            || matches!(p.w(i - 1), "." | "!" | "?" | ":" | "\"" | "“" | "”" | "'" | "‘" | "(" | "-")
    };
    let cap = |i: usize| p.t.get(i).is_some_and(|t| t.cap());
    let word = |i: usize| p.t.get(i).is_some_and(|t| t.kind == super::lex::Kind::Word);
    // The last of two or more words capitalised where no sentence starts: a duration ("The
    // movie 13 Hours by"), or a unit or part of the day inside a longer name ("''Monday
    // Night Baseball''", ABC's "This Week", "Liar of the Year"; "Christmas Day", "Super
    // Tuesday" end in no such word).
    let capital_end = c.e > c.s + 1 && cap(last) && !starts_sentence(last);
    let unit_end = || {
        matches!(
            p.w(last),
            "night" | "nights" | "week" | "weekend" | "morning" | "evening" | "afternoon" | "year"
                | "month" | "hour" | "hours" | "minutes" | "decade" | "century"
        )
    };
    // "Now", "Today", "Tonight" next to another capitalised word ("USA TODAY").
    let deictic_in_name = || {
        c.e == c.s + 1
            && matches!(p.w(c.s), "now" | "today" | "tonight")
            && cap(c.s)
            && !starts_sentence(c.s)
            && ((word(c.s - 1) && cap(c.s - 1))
                || (word(c.e) && cap(c.e) && !p.t.get(c.e).is_some_and(|t| t.newline())))
    };
    let name_like = match c.ty {
        T::Duration => capital_end,
        _ => (capital_end && unit_end()) || deictic_in_name(),
    };
    name_like && !title_case_line(p, c.s)
}

/// Whether the line around token `i` reads as a headline: no lowercase word of four or more
/// letters but prepositions and conjunctions, within 24 tokens each way.
fn title_case_line(p: &P<'_>, i: usize) -> bool {
    let lower_word = |k: usize| {
        p.t.get(k).is_some_and(|t| {
            t.kind == super::lex::Kind::Word
                && !t.cap()
                && t.end() - t.start() >= 4
                && !matches!(
                    t.w(),
                    "with" | "from" | "into" | "onto" | "over" | "upon" | "than" | "that" | "when"
                        | "after" | "about" | "under" | "until" | "while" | "before" | "between"
                        | "through" | "against" | "during" | "without"
                )
        })
    };
    let mut k = i;
    while k > i.saturating_sub(24) && !p.t.get(k).is_some_and(|t| t.newline()) {
        k -= 1;
        if lower_word(k) {
            return false;
        }
    }
    let mut k = i + 1;
    while k <= i + 24 && p.t.get(k).is_some_and(|t| !t.newline()) {
        if lower_word(k) {
            return false;
        }
        k += 1;
    }
    true
}
