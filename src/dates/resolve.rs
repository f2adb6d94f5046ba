//! Normalisation: a parsed expression ([`Val`]) and the reference date give the TIMEX3 value
//! string. Everything that depends on the reference date or on tense lives here, so that the
//! candidate parsers stay pure.

use crate::calendar::{days_in_month, CivilDate};

/// Tense of the clause around an expression, from nearby cue words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
    /// No cue, and the reader wants the next occurrence (Duckling's "future by default"):
    /// "tuesday" said on a Tuesday is next week's, "october" in February the coming one.
    Ahead,
}

/// Calendar units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The ISO 8601 duration designator (`P..` or `PT..`).
    pub fn duration(self, n: &str) -> String {
        match self {
            Unit::Second => format!("PT{n}S"),
            Unit::Minute => format!("PT{n}M"),
            Unit::Hour => format!("PT{n}H"),
            Unit::Day => format!("P{n}D"),
            Unit::Week => format!("P{n}W"),
            Unit::Weekend => format!("P{n}WE"),
            Unit::Month => format!("P{n}M"),
            Unit::Quarter => format!("P{n}Q"),
            Unit::Year => format!("P{n}Y"),
            Unit::Decade => match n.parse::<u32>() {
                Ok(k) => format!("P{}Y", k * 10),
                Err(_) => format!("P{n}DE"),
            },
            Unit::Century => match n.parse::<u32>() {
                Ok(k) => format!("P{}Y", k * 100),
                Err(_) => format!("P{n}CE"),
            },
        }
    }
}

/// A parsed expression before resolution.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    /// A day; `year` None = resolve against the reference (nearest, or by tense).
    Day {
        year: Option<i32>,
        month: u8,
        day: u8,
    },
    /// A month; `year` None = resolve.
    Month {
        year: Option<i32>,
        month: u8,
    },
    Year(i32),
    /// "the 1990s" -> 199.
    Decade(i32),
    Century(i32),
    Quarter(Option<i32>, u8),
    Half(Option<i32>, u8),
    /// Season code SP/SU/FA/WI; year None = the reference year.
    Season(Option<i32>, &'static str),
    /// A weekday (1 = Monday) to resolve by tense.
    Weekday(u8),
    /// this (0) / last (-1) / next (+1) unit, relative to the reference.
    Rel(Unit, i64),
    /// last/this/next + weekday.
    RelWeekday(u8, i64),
    /// A day of the month with the month left to the reference ("on the 15th"): this
    /// month's, the next one when the clause looks ahead and it has passed, the previous
    /// one when the clause is past and it is still to come.
    MonthDay(u8),
    /// A weekday in the ISO week `n` weeks from the reference's: "next Wednesday" (the one
    /// in next week, as Duckling and chrono read it), "Monday of this week", "Friday after
    /// next" (2), "last week's Sunday" (-1).
    WeekOf(u8, i64),
    /// last/this/next + month name.
    RelMonth(u8, i64),
    /// last/this/next + season.
    RelSeason(&'static str, i64),
    /// The quarter before the reference's ("the latest quarter").
    LatestQuarter,
    /// That quarter a year before ("the year-ago quarter").
    YearAgoQuarter,
    /// "that year": the last year the text named (resolved in `find_in`), else unknown.
    ThatYear,
    /// "that same day", "earlier that day": the last day the text named (resolved in
    /// `find_in`), else unknown.
    ThatDay,
    /// "in the morning" after a day was named: that day's part (resolved in `find_in`).
    ThatDayPart(&'static str),
    /// "earlier|later in the year": the last year the text stated in figures ("In 1985 ...
    /// later in the year"), else the reference's (resolved in `find_in`).
    InTheYear,
    /// "the 1988 quarter" (false), "the 1988 period" (true): the reported quarter (the one
    /// before the reference's) in that year.
    YearQuarter(i32, bool),
    /// A quarter (Q), half (H) or month (M) of the reference year moved by n ("last year's
    /// third quarter", "June last year"); W: an unnamed week of it ("for the week").
    PartOfRelYear(i64, char, u8),
    /// n units before (negative) or after the reference, at the unit's granularity.
    Offset(Unit, i64),
    /// Days from the reference (today 0, yesterday -1).
    DayOffset(i64),
    /// A clock time on a day (None = the reference day).
    Time {
        date: Option<Box<Val>>,
        hour: u8,
        minute: u8,
        second: Option<u8>,
        zone: Option<&'static str>,
    },
    /// A part of a day: MO, AF, EV, NI.
    Part(Box<Val>, &'static str),
    /// A day found by a calendar rule (holidays, "the first Tuesday of October"); year None =
    /// resolve against the reference (nearest, or by tense).
    Rule(Rule, Option<i32>),
    /// Already a value.
    Lit(String),
}

/// Calendar rules for days that move from year to year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// The `n`th (negative: from the end) weekday `wd` (0: any day) of `month`, moved by
    /// `plus` days: Thanksgiving is `{11, 4, 4, 0}`, Black Friday `{11, 4, 4, 1}`, "the last
    /// day of October" `{10, -1, 0, 0}`.
    Nth { month: u8, n: i8, wd: u8, plus: i8 },
    /// Western Easter Sunday moved by `n` days (Good Friday -2, Easter Monday 1).
    Easter(i8),
    /// Orthodox Easter Sunday (Julian computus, as a Gregorian day) moved by `n` days.
    Orthodox(i8),
    /// Row `col` of the lunar holiday table moved by `n` days (`super::holidays`).
    Table(u8, i8),
    /// A fixed month and day, moved to the nearest weekday when it falls on a weekend
    /// (Boss's Day).
    NearWeekday(u8, u8),
    /// Dutch King's Day: April 27, April 26 when the 27th is a Sunday.
    KingsDay,
}

impl Rule {
    /// The day in `year`, if it exists.
    pub fn on(self, year: i32) -> Option<CivilDate> {
        match self {
            Rule::Nth { month, n, wd, plus } => {
                let last = days_in_month(year, month);
                let d = if n > 0 {
                    let first = CivilDate::new(year, month, 1)?;
                    let to = if wd == 0 {
                        0
                    } else {
                        (wd as i64 - first.weekday() as i64).rem_euclid(7)
                    };
                    let step = if wd == 0 { 1 } else { 7 };
                    first.add_days(to + step * (n as i64 - 1))?
                } else {
                    let end = CivilDate::new(year, month, last)?;
                    let back = if wd == 0 {
                        0
                    } else {
                        (end.weekday() as i64 - wd as i64).rem_euclid(7)
                    };
                    let step = if wd == 0 { 1 } else { 7 };
                    end.add_days(-back - step * (-(n as i64) - 1))?
                };
                if d.month != month || d.year != year {
                    return None;
                }
                d.add_days(plus as i64)
            }
            Rule::Easter(n) => {
                // Anonymous Gregorian computus.
                let y = year;
                let a = y % 19;
                let b = y / 100;
                let c = y % 100;
                let d = b / 4;
                let e = b % 4;
                let f = (b + 8) / 25;
                let g = (b - f + 1) / 3;
                let h = (19 * a + b - d - g + 15) % 30;
                let i = c / 4;
                let k = c % 4;
                let l = (32 + 2 * e + 2 * i - h - k) % 7;
                let m = (a + 11 * h + 22 * l) / 451;
                let month = (h + l - 7 * m + 114) / 31;
                let day = (h + l - 7 * m + 114) % 31 + 1;
                CivilDate::new(y, month as u8, day as u8)?.add_days(n as i64)
            }
            Rule::Orthodox(n) => {
                // Meeus's Julian computus; Julian to Gregorian is +13 days in 1900-2099.
                if !(1900..=2099).contains(&year) {
                    return None;
                }
                let a = year % 4;
                let b = year % 7;
                let c = year % 19;
                let d = (19 * c + 15) % 30;
                let e = (2 * a + 4 * b - d + 34) % 7;
                let month = (d + e + 114) / 31;
                let day = (d + e + 114) % 31 + 1;
                CivilDate::new(year, month as u8, day as u8)?.add_days(13 + n as i64)
            }
            Rule::Table(col, n) => {
                let doy = super::holidays::table_day(col, year)?;
                CivilDate::new(year, 1, 1)?.add_days(doy as i64 - 1 + n as i64)
            }
            Rule::NearWeekday(month, day) => {
                let d = CivilDate::new(year, month, day)?;
                match d.weekday() {
                    6 => d.add_days(-1),
                    7 => d.add_days(1),
                    _ => Some(d),
                }
            }
            Rule::KingsDay => {
                let d = CivilDate::new(year, 4, 27)?;
                if d.weekday() == 7 {
                    d.add_days(-1)
                } else {
                    Some(d)
                }
            }
        }
    }
}

fn season_start(code: &str) -> u8 {
    match code {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    }
}

fn month_add(year: i32, month: u8, delta: i64) -> (i32, u8) {
    let idx = year as i64 * 12 + (month as i64 - 1) + delta;
    (idx.div_euclid(12) as i32, (idx.rem_euclid(12) + 1) as u8)
}

/// The decimal digits of `n` zero-padded to `width` digits (at most 10, the most a `u32`
/// has): `buf[start..]`, as `format!("{n:0width$}")` writes them. Shared by the values
/// written here and the amounts of [`super::grammar::Qty`].
pub(super) fn digits(n: u32, width: usize) -> ([u8; 10], usize) {
    let mut buf = [b'0'; 10];
    let mut k = buf.len();
    let mut m = n;
    loop {
        k -= 1;
        if let Some(slot) = buf.get_mut(k) {
            *slot = b'0' + (m % 10) as u8;
        }
        m /= 10;
        if m == 0 || k == 0 {
            break;
        }
    }
    (buf, k.min(buf.len().saturating_sub(width)))
}

/// Pushes `n` zero-padded to `width` (at most 10) digits, as `format!("{n:0width$}")` does.
fn push_padded(s: &mut String, n: u32, width: usize) {
    let (buf, start) = digits(n, width);
    for &c in buf.get(start..).unwrap_or(&[]) {
        s.push(char::from(c));
    }
}

fn week_of(d: CivilDate) -> String {
    let (y, w) = d.iso_week();
    format!("{y:04}-W{w:02}")
}

/// Picks the year for a month/day without one: by tense, else the nearest to the reference.
fn pick_year(r: CivilDate, month: u8, day: Option<u8>, tense: Tense) -> i32 {
    let cand = |y: i32| -> Option<i64> {
        let d = day.unwrap_or(1).min(days_in_month(y, month));
        CivilDate::new(y, month, d).map(|c| c.to_days())
    };
    let rd = r.to_days();
    let (rmonth_first, rmonth_last) = (r.year * 12 + r.month as i32, r.year * 12 + r.month as i32);
    let mut best = r.year;
    let mut best_cost = i64::MAX;
    for y in [r.year - 1, r.year, r.year + 1] {
        let Some(days) = cand(y) else { continue };
        let diff = days - rd;
        if tense == Tense::Ahead {
            // The first occurrence from the reference on (a month: the current one counts).
            let ok = diff >= 0 || (day.is_none() && y == r.year && month == r.month);
            if ok && (best_cost == i64::MAX || y < best) {
                best = y;
                best_cost = 0;
            }
            continue;
        }
        let same_month = y * 12 + month as i32 == rmonth_first && day.is_none();
        let _ = rmonth_last;
        let cost = match tense {
            // A day a few weeks off may still be the nearest reading whatever the verbs say
            // ("Jan. 31" in a January article); further away, the tense decides.
            Tense::Past if diff > 0 && !same_month && (day.is_none() || diff > 90) => {
                1_000_000 + diff
            }
            Tense::Future if diff < 0 && !same_month && (day.is_none() || diff < -90) => {
                1_000_000 - diff
            }
            // News looks back: with no tense cue, a reading months ahead loses to the past one.
            Tense::Unknown if diff > 120 => 2 * diff,
            _ => diff.abs(),
        };
        if cost < best_cost {
            best_cost = cost;
            best = y;
        }
    }
    best
}

/// Resolves a weekday: the past occurrence (0..6 days back) unless the tense is future.
fn weekday_date(r: CivilDate, wd: u8, tense: Tense) -> Option<CivilDate> {
    let cur = r.weekday() as i64;
    let wd = wd as i64;
    let delta = match tense {
        Tense::Future => (wd - cur).rem_euclid(7),
        Tense::Ahead => match (wd - cur).rem_euclid(7) {
            0 => 7,
            d => d,
        },
        // Untensed, tomorrow's weekday is tomorrow: news names the day before six days ago
        // as "last Thursday", and "Thursday" said on a Wednesday is mostly the next day.
        Tense::Unknown if (wd - cur).rem_euclid(7) == 1 => 1,
        _ => -((cur - wd).rem_euclid(7)),
    };
    r.add_days(delta)
}

/// The calendar day a value stands for, if it is a single day.
fn day_of(v: &Val, r: Option<CivilDate>, tense: Tense) -> Option<CivilDate> {
    match v {
        Val::Day {
            year: Some(y),
            month,
            day,
        } => CivilDate::new(*y, *month, *day),
        Val::Day {
            year: None,
            month,
            day,
        } => {
            let r = r?;
            CivilDate::new(pick_year(r, *month, Some(*day), tense), *month, *day)
        }
        Val::Weekday(w) => weekday_date(r?, *w, tense),
        Val::RelWeekday(w, n) => rel_weekday(r?, *w, *n),
        Val::WeekOf(w, n) => r?.add_days(*w as i64 - r?.weekday() as i64 + 7 * n),
        Val::DayOffset(n) => r?.add_days(*n),
        Val::MonthDay(d) => {
            let r = r?;
            let shift = |n: i64| -> Option<CivilDate> {
                let m0 = r.year as i64 * 12 + r.month as i64 - 1 + n;
                CivilDate::new(m0.div_euclid(12) as i32, (m0.rem_euclid(12) + 1) as u8, *d)
            };
            match tense {
                Tense::Ahead | Tense::Future if *d < r.day => shift(1),
                Tense::Past if *d > r.day => shift(-1),
                _ => shift(0),
            }
        }
        Val::Rel(Unit::Day, n) => r?.add_days(*n),
        _ => None,
    }
}

fn rel_weekday(r: CivilDate, wd: u8, n: i64) -> Option<CivilDate> {
    let cur = r.weekday() as i64;
    let wd = wd as i64;
    match n {
        0 => r.add_days((wd - cur).rem_euclid(7)),
        n if n < 0 => {
            let back = (cur - wd).rem_euclid(7);
            r.add_days(-(if back == 0 { 7 } else { back }) + 7 * (n + 1))
        }
        n => {
            let fwd = (wd - cur).rem_euclid(7);
            r.add_days((if fwd == 0 { 7 } else { fwd }) + 7 * (n - 1))
        }
    }
}

/// The TIMEX3 value of `v` against the reference date.
pub fn value(v: &Val, r: Option<CivilDate>, tense: Tense) -> String {
    match v {
        Val::Lit(s) => s.clone(),
        Val::Day {
            year: None,
            month,
            day,
        } if r.is_none() => format!("XXXX-{month:02}-{day:02}"),
        Val::Day { .. }
        | Val::Weekday(_)
        | Val::RelWeekday(..)
        | Val::WeekOf(..)
        | Val::MonthDay(_)
        | Val::DayOffset(_) => match day_of(v, r, tense) {
            Some(d) => d.to_iso(),
            None => match v {
                Val::Day {
                    year: Some(y),
                    month,
                    day,
                } => format!("{y:04}-{month:02}-{day:02}"),
                Val::Weekday(w) => format!("XXXX-WXX-{w}"),
                Val::MonthDay(d) => format!("XXXX-XX-{d:02}"),
                Val::DayOffset(n) if *n < 0 => "PAST_REF".into(),
                Val::DayOffset(n) if *n > 0 => "FUTURE_REF".into(),
                _ => "PRESENT_REF".into(),
            },
        },
        Val::Rule(rule, y) => {
            let on = |y: i32| rule.on(y);
            let pick = match (y, r) {
                (Some(y), _) => on(*y),
                (None, Some(r)) => {
                    let cands = [r.year - 1, r.year, r.year + 1].map(on);
                    let cands = cands.iter().flatten();
                    match tense {
                        Tense::Ahead | Tense::Future => cands.filter(|d| **d >= r).min().copied(),
                        Tense::Past => cands.filter(|d| **d <= r).max().copied(),
                        Tense::Unknown => cands
                            .min_by_key(|d| (d.to_days() - r.to_days()).abs())
                            .copied(),
                    }
                }
                (None, None) => None,
            };
            pick.map(CivilDate::to_iso).unwrap_or_else(|| match rule {
                Rule::Nth { month, .. } if *month > 0 => format!("XXXX-{month:02}-XX"),
                _ => "XXXX-XX-XX".into(),
            })
        }
        Val::Month {
            year: Some(y),
            month,
        } => format!("{y:04}-{month:02}"),
        Val::Month { year: None, month } => match r {
            Some(r) => format!("{:04}-{month:02}", pick_year(r, *month, None, tense)),
            None => format!("XXXX-{month:02}"),
        },
        Val::Year(y) => format!("{y:04}"),
        Val::Decade(d) => format!("{d:03}"),
        Val::Century(c) => format!("{c:02}"),
        Val::Quarter(y, q) => match y.or(r.map(|r| r.year)) {
            Some(y) => format!("{y:04}-Q{q}"),
            None => format!("XXXX-Q{q}"),
        },
        Val::Half(y, h) => match y.or(r.map(|r| r.year)) {
            Some(y) => format!("{y:04}-H{h}"),
            None => format!("XXXX-H{h}"),
        },
        // A season with no year: the reference's, but in a past clause one not yet begun is
        // last year's ("By late summer, she looked weak" in January), and in a future
        // clause one already over is next year's. Winter (December to February) stays the
        // reference's year.
        Val::Season(y, s) => match y.or(r.map(|r| {
            let start = season_start(s);
            match tense {
                Tense::Past if *s != "WI" && start > r.month => r.year - 1,
                Tense::Future if *s != "WI" && start + 3 <= r.month => r.year + 1,
                _ => r.year,
            }
        })) {
            Some(y) => format!("{y:04}-{s}"),
            None => format!("XXXX-{s}"),
        },
        Val::LatestQuarter => match r {
            Some(r) => {
                let q = (r.month - 1) / 3 + 1;
                if q == 1 {
                    format!("{:04}-Q4", r.year - 1)
                } else {
                    format!("{:04}-Q{}", r.year, q - 1)
                }
            }
            None => "XXXX-QX".into(),
        },
        Val::ThatYear => "XXXX".into(),
        Val::ThatDay => "XXXX-XX-XX".into(),
        Val::ThatDayPart(p) => format!("XXXX-XX-XXT{p}"),
        Val::InTheYear => match r {
            Some(r) => format!("{:04}", r.year),
            None => "XXXX".into(),
        },
        Val::YearQuarter(y, _) => match r {
            Some(r) => format!("{y:04}-Q{}", (r.month as i32 + 8) / 3 % 4 + 1),
            None => format!("{y:04}-QX"),
        },
        // A week of that year, which one not said ("for the week").
        Val::PartOfRelYear(n, 'W', _) => match r {
            Some(r) => format!("{:04}-WXX", r.year as i64 + n),
            None => "XXXX-WXX".into(),
        },
        Val::PartOfRelYear(n, 'M', m) => match r {
            Some(r) => format!("{:04}-{m:02}", r.year as i64 + n),
            None => format!("XXXX-{m:02}"),
        },
        Val::PartOfRelYear(n, c, q) => match r {
            Some(r) => format!("{:04}-{c}{q}", r.year as i64 + n),
            None => format!("XXXX-{c}{q}"),
        },
        Val::YearAgoQuarter => match r {
            Some(r) => {
                let q = (r.month - 1) / 3 + 1;
                if q == 1 {
                    format!("{:04}-Q4", r.year - 2)
                } else {
                    format!("{:04}-Q{}", r.year - 1, q - 1)
                }
            }
            None => "XXXX-QX".into(),
        },
        Val::RelMonth(m, n) => match r {
            Some(r) => {
                let y = match *n {
                    0 => r.year,
                    n if n < 0 => {
                        if *m < r.month {
                            r.year + 1 + n as i32
                        } else {
                            r.year + n as i32
                        }
                    }
                    n => {
                        if *m > r.month {
                            r.year + n as i32 - 1
                        } else {
                            r.year + n as i32
                        }
                    }
                };
                format!("{y:04}-{m:02}")
            }
            None => format!("XXXX-{m:02}"),
        },
        Val::RelSeason(s, n) => match r {
            Some(r) => {
                let start = season_start(s);
                let y = match *n {
                    0 => r.year,
                    n if n < 0 => {
                        // The last completed one.
                        if start + 3 <= r.month {
                            r.year + 1 + n as i32
                        } else {
                            r.year + n as i32
                        }
                    }
                    n => {
                        if start > r.month {
                            r.year + n as i32 - 1
                        } else {
                            r.year + n as i32
                        }
                    }
                };
                format!("{y:04}-{s}")
            }
            None => format!("XXXX-{s}"),
        },
        Val::Rel(unit, n) | Val::Offset(unit, n) => {
            let Some(r) = r else {
                return match n {
                    0 => "PRESENT_REF".into(),
                    n if *n < 0 => "PAST_REF".into(),
                    _ => "FUTURE_REF".into(),
                };
            };
            // "This weekend, Sanders complained ..." on a weekday: the weekend just past.
            let n = match (unit, *n, tense) {
                (Unit::Weekend, 0, Tense::Past) if r.weekday() < 6 => -1,
                (_, n, _) => n,
            };
            rel_value(r, *unit, n).unwrap_or_else(|| "PRESENT_REF".into())
        }
        Val::Time {
            date,
            hour,
            minute,
            second,
            zone,
        } => {
            let d = match date {
                Some(b) => value(b, r, tense),
                None => r.map(CivilDate::to_iso).unwrap_or_else(|| "XXXX-XX-XX".into()),
            };
            let mut s = d;
            s.push('T');
            push_padded(&mut s, u32::from(*hour), 2);
            s.push(':');
            push_padded(&mut s, u32::from(*minute), 2);
            if let Some(sec) = second {
                s.push(':');
                push_padded(&mut s, u32::from(*sec), 2);
            }
            if let Some(z) = zone {
                s.push_str(z);
            }
            s
        }
        Val::Part(base, part) => {
            let d = value(base, r, tense);
            format!("{d}T{part}")
        }
    }
}

fn rel_value(r: CivilDate, unit: Unit, n: i64) -> Option<String> {
    Some(match unit {
        Unit::Second | Unit::Minute | Unit::Hour => {
            if n == 0 {
                "PRESENT_REF".into()
            } else {
                r.to_iso()
            }
        }
        Unit::Day => r.add_days(n)?.to_iso(),
        Unit::Week => week_of(r.add_days(7 * n)?),
        Unit::Weekend => format!("{}-WE", week_of(r.add_days(7 * n)?)),
        Unit::Month => {
            let (y, m) = month_add(r.year, r.month, n);
            format!("{y:04}-{m:02}")
        }
        Unit::Quarter => {
            let q0 = (r.month as i64 - 1) / 3 + n;
            let y = r.year as i64 + q0.div_euclid(4);
            format!("{y:04}-Q{}", q0.rem_euclid(4) + 1)
        }
        Unit::Year => format!("{:04}", r.year as i64 + n),
        Unit::Decade => format!("{:03}", r.year as i64 / 10 + n),
        Unit::Century => format!("{:02}", r.year as i64 / 100 + n),
    })
}

#[cfg(test)]
mod fmt_tests {
    use super::*;

    /// The digits pushed by hand are what `format!` writes.
    #[test]
    fn padded_digits_match_format() {
        for n in [0u32, 1, 9, 10, 99, 100, 999, 1000, 2024, 9999, 10000, 123_456, u32::MAX] {
            for width in [1usize, 2, 3, 4, 10] {
                let mut s = String::new();
                push_padded(&mut s, n, width);
                assert_eq!(s, format!("{n:0width$}"));
            }
        }
        for (y, m, d) in [(2024, 1, 9), (1, 12, 31), (999, 2, 28), (9999, 12, 31)] {
            let day = CivilDate::new(y, m, d).expect("valid");
            assert_eq!(day.to_iso(), day.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r() -> Option<CivilDate> {
        CivilDate::new(2024, 1, 9)
    }

    #[test]
    fn partial_dates_take_the_nearest_year() {
        let v = Val::Day {
            year: None,
            month: 12,
            day: 30,
        };
        assert_eq!(value(&v, r(), Tense::Unknown), "2023-12-30");
        assert_eq!(value(&v, None, Tense::Unknown), "XXXX-12-30");
        assert_eq!(
            value(&Val::Rel(Unit::Year, -1), r(), Tense::Unknown),
            "2023"
        );
        assert_eq!(
            value(&Val::Rel(Unit::Week, 0), r(), Tense::Unknown),
            "2024-W02"
        );
        assert_eq!(
            value(&Val::RelMonth(11, -1), r(), Tense::Unknown),
            "2023-11"
        );
        assert_eq!(
            value(&Val::RelWeekday(5, -1), r(), Tense::Unknown),
            "2024-01-05"
        );
        assert_eq!(value(&Val::Weekday(2), r(), Tense::Past), "2024-01-09");
        // Untensed: tomorrow's weekday is tomorrow, any other the past one.
        assert_eq!(value(&Val::Weekday(3), r(), Tense::Unknown), "2024-01-10");
        assert_eq!(value(&Val::Weekday(4), r(), Tense::Unknown), "2024-01-04");
        assert_eq!(value(&Val::Weekday(3), r(), Tense::Past), "2024-01-03");
        // From Tuesday 2024-01-09: next week's Monday and Sunday, this week's Monday.
        assert_eq!(value(&Val::WeekOf(1, 1), r(), Tense::Unknown), "2024-01-15");
        assert_eq!(value(&Val::WeekOf(7, 1), r(), Tense::Unknown), "2024-01-21");
        assert_eq!(value(&Val::WeekOf(1, 0), r(), Tense::Unknown), "2024-01-08");
        assert_eq!(value(&Val::Weekday(1), r(), Tense::Future), "2024-01-15");
        assert_eq!(value(&Val::Weekday(2), r(), Tense::Ahead), "2024-01-16");
    }

    #[test]
    fn calendar_rules_find_their_days() {
        let thanksgiving = Rule::Nth {
            month: 11,
            n: 4,
            wd: 4,
            plus: 0,
        };
        assert_eq!(thanksgiving.on(2013).unwrap().to_string(), "2013-11-28");
        assert_eq!(Rule::Easter(0).on(2013).unwrap().to_string(), "2013-03-31");
        assert_eq!(Rule::Easter(0).on(2024).unwrap().to_string(), "2024-03-31");
        assert_eq!(Rule::Easter(-2).on(2019).unwrap().to_string(), "2019-04-19");
        assert_eq!(
            Rule::Orthodox(0).on(2018).unwrap().to_string(),
            "2018-04-08"
        );
        assert_eq!(
            Rule::Orthodox(0).on(2024).unwrap().to_string(),
            "2024-05-05"
        );
        assert_eq!(
            Rule::NearWeekday(10, 16).on(2016).unwrap().to_string(),
            "2016-10-17"
        );
        assert_eq!(
            Rule::NearWeekday(10, 16).on(2021).unwrap().to_string(),
            "2021-10-15"
        );
        assert_eq!(Rule::KingsDay.on(2014).unwrap().to_string(), "2014-04-26");
        let last_friday_oct = Rule::Nth {
            month: 10,
            n: -1,
            wd: 5,
            plus: 0,
        };
        assert_eq!(last_friday_oct.on(2013).unwrap().to_string(), "2013-10-25");
        let third_day = Rule::Nth {
            month: 10,
            n: 3,
            wd: 0,
            plus: 0,
        };
        assert_eq!(third_day.on(2013).unwrap().to_string(), "2013-10-03");
        let fifth_monday_feb = Rule::Nth {
            month: 2,
            n: 5,
            wd: 1,
            plus: 0,
        };
        assert_eq!(fifth_monday_feb.on(2013), None);
        let ahead = Val::Rule(thanksgiving, None);
        let feb = CivilDate::new(2013, 2, 12);
        assert_eq!(value(&ahead, feb, Tense::Ahead), "2013-11-28");
        assert_eq!(value(&ahead, feb, Tense::Unknown), "2012-11-22");
    }
}
