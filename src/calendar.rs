//! Proleptic Gregorian calendar dates: the one date type the crate shares.
//!
//! Small on purpose (no time zones, no clock): the date analyser resolves expressions
//! against a [`CivilDate`], and the pipeline passes the reference date around as one.

use std::fmt;

/// A calendar day, year 1 to 9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Monday = 1 ... Sunday = 7 (ISO 8601).
pub type IsoWeekday = u8;

impl CivilDate {
    /// A valid date, or `None` (month 13, February 30, year 0 ...).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(CivilDate { year, month, day })
    }

    /// Reads exactly `YYYY-MM-DD` (no time, no surrounding space).
    pub fn parse_iso(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let year = digits(0..4)? as i32;
        let month = digits(5..7)? as u8;
        let day = digits(8..10)? as u8;
        CivilDate::new(year, month, day)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The date `days` after 1970-01-01; `None` outside years 1..=9999.
    pub fn from_days(days: i64) -> Option<Self> {
        let z = days + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
        CivilDate::new(i32::try_from(year).ok()?, month, day)
    }

    /// This date moved by `n` days.
    pub fn add_days(self, n: i64) -> Option<Self> {
        CivilDate::from_days(self.to_days().checked_add(n)?)
    }

    /// ISO weekday, Monday = 1.
    pub fn weekday(self) -> IsoWeekday {
        // 1970-01-01 was a Thursday (4).
        ((self.to_days() + 3).rem_euclid(7) + 1) as u8
    }

    /// ISO 8601 week-numbering year and week.
    pub fn iso_week(self) -> (i32, u8) {
        let wd = self.weekday() as i64;
        // The Thursday of this week decides the year.
        let thursday = CivilDate::from_days(self.to_days() - wd + 4).unwrap_or(self);
        let jan1 = CivilDate { year: thursday.year, month: 1, day: 1 };
        let week = (thursday.to_days() - jan1.to_days()) / 7 + 1;
        (thursday.year, week as u8)
    }
}

impl CivilDate {
    /// "YYYY-MM-DD", exactly as `Display` writes it, without the formatting machinery for the
    /// years 0-9999 (a date value is written per annotation; `format!` was most of its cost).
    pub fn to_iso(self) -> String {
        let Ok(year @ 0..=9999) = u16::try_from(self.year) else {
            return self.to_string();
        };
        if self.month > 99 || self.day > 99 {
            return self.to_string();
        }
        let mut out = String::with_capacity(10);
        // The last two decimal digits of `n`.
        let two = |out: &mut String, n: u16| {
            out.push(char::from(b'0' + (n / 10 % 10) as u8));
            out.push(char::from(b'0' + (n % 10) as u8));
        };
        two(&mut out, year / 100);
        two(&mut out, year);
        out.push('-');
        two(&mut out, u16::from(self.month));
        out.push('-');
        two(&mut out, u16::from(self.day));
        out
    }
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_real_iso_dates() {
        assert_eq!(CivilDate::parse_iso("2024-01-09"), CivilDate::new(2024, 1, 9));
        assert_eq!(CivilDate::parse_iso("2024-02-30"), None);
        assert_eq!(CivilDate::parse_iso("2023-02-29"), None);
        assert_eq!(CivilDate::parse_iso("2024-1-9"), None);
        assert_eq!(CivilDate::parse_iso("+024-01-09"), None);
        assert_eq!(CivilDate::parse_iso("yesterday"), None);
    }

    #[test]
    fn day_arithmetic_round_trips() {
        let d = CivilDate::new(2024, 1, 9).unwrap();
        assert_eq!(d.weekday(), 2); // a Tuesday
        assert_eq!(d.add_days(-10).unwrap().to_string(), "2023-12-30");
        assert_eq!(d.iso_week(), (2024, 2));
        assert_eq!(CivilDate::new(2021, 1, 3).unwrap().iso_week(), (2020, 53));
        for days in [-1000_i64, 0, 59, 10_000, 19_731] {
            assert_eq!(CivilDate::from_days(days).unwrap().to_days(), days);
        }
    }
}
