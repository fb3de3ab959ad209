//! Calendar dates as Council documents print them: `22 March 2018`, and ranges such as
//! `17 to 19 July 2017`, `30 June to 2 July 2017`, `28 December 2017 to 3 January 2018`.
//!
//! The calendar arithmetic (which days exist, days since 1970) is ICU4X's
//! (`icu_calendar`), already a dependency for the dates of the six languages: a date is
//! kept as three small numbers, checked and converted through `icu_calendar::Date<Iso>`.

use std::fmt;

use icu_calendar::types::RataDie;
use icu_calendar::{Date as IsoDate, Iso};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A real calendar date (checked: no 30 February).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// `None` unless the day exists in that month of that year.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        IsoDate::try_new_iso(i32::from(year), month, day)
            .ok()
            .map(|_| Self { year, month, day })
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// `2018-03-22`
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Seconds since 1970-01-01T00:00:00Z at midnight of this date (for zip and docProps
    /// timestamps when `SOURCE_DATE_EPOCH` is not set).
    pub fn unix_seconds(self) -> i64 {
        self.rata_die().since(unix_epoch()) * 86_400
    }

    /// The date of a Unix time (UTC).
    pub fn from_unix_seconds(secs: i64) -> Option<Self> {
        let rd = unix_epoch() + secs.div_euclid(86_400);
        let d = IsoDate::from_rata_die(rd, Iso);
        // `from_rata_die` clamps far-off days into its range: only a round trip is a date.
        if d.to_rata_die() != rd {
            return None;
        }
        Self::new(
            u16::try_from(d.year().extended_year()).ok()?,
            d.month().ordinal,
            d.day_of_month().0,
        )
    }

    /// Days since ICU's day 1 (1 January of year 1).
    fn rata_die(self) -> RataDie {
        // `Date::new` checked these numbers with the same calendar.
        IsoDate::try_new_iso(i32::from(self.year), self.month, self.day)
            .map_or(RataDie::new(0), |d| d.to_rata_die())
    }

    /// The month (1 to 12) of an English month name, as documents print it (`July`).
    pub fn month_from_name(name: &str) -> Option<u8> {
        MONTHS
            .iter()
            .position(|m| m.eq_ignore_ascii_case(name))
            .and_then(|i| u8::try_from(i + 1).ok())
    }

    fn month_name(self) -> &'static str {
        // `Date::new` is the only constructor and keeps `month` in 1..=12.
        MONTHS[usize::from(self.month - 1)]
    }
}

/// `22 March 2018`
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.day, self.month_name(), self.year)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

/// The civil date and time (UTC) of a Unix time (date, hour, minute, second), for years
/// 1 to 9999: the timestamps written into the DOCX and the PDF.
pub fn civil(timestamp: i64) -> Option<(Date, u32, u32, u32)> {
    let secs = timestamp.rem_euclid(86_400) as u32;
    Date::from_unix_seconds(timestamp)
        .filter(|d| (1..=9999).contains(&d.year()))
        .map(|d| (d, secs / 3600, secs / 60 % 60, secs % 60))
}

/// A date range in words, sharing the month and year where they are the same:
/// `17 to 19 July 2017`, `30 June to 2 July 2017`, `28 December 2017 to 3 January 2018`;
/// one day when `end` is `None` or equal to `start`.
pub fn range(start: Date, end: Option<Date>) -> String {
    let Some(end) = end.filter(|e| *e != start) else {
        return start.to_string();
    };
    if start.year != end.year {
        format!("{start} to {end}")
    } else if start.month != end.month {
        format!("{} {} to {end}", start.day, start.month_name())
    } else {
        format!("{} to {end}", start.day)
    }
}

/// 1970-01-01, day 0 of Unix time.
fn unix_epoch() -> RataDie {
    IsoDate::try_new_iso(1970, 1, 1).map_or(RataDie::new(719_163), |d| d.to_rata_die())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: u16, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn prints_like_council_documents() {
        assert_eq!(d(2018, 3, 22).to_string(), "22 March 2018");
        assert_eq!(d(2017, 4, 2).to_string(), "2 April 2017");
        assert_eq!(
            range(d(2017, 7, 17), Some(d(2017, 7, 19))),
            "17 to 19 July 2017"
        );
        assert_eq!(
            range(d(2017, 6, 30), Some(d(2017, 7, 2))),
            "30 June to 2 July 2017"
        );
        assert_eq!(
            range(d(2017, 12, 28), Some(d(2018, 1, 3))),
            "28 December 2017 to 3 January 2018"
        );
        assert_eq!(range(d(2017, 5, 26), None), "26 May 2017");
        assert_eq!(range(d(2017, 5, 26), Some(d(2017, 5, 26))), "26 May 2017");
    }

    #[test]
    fn rejects_impossible_days() {
        assert!(Date::new(2017, 2, 29).is_none());
        assert!(Date::new(2016, 2, 29).is_some());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(2017, 4, 31).is_none());
        assert!(Date::new(2017, 13, 1).is_none());
        assert!(Date::new(2017, 1, 0).is_none());
    }

    #[test]
    fn unix_round_trip() {
        assert_eq!(d(1970, 1, 1).unix_seconds(), 0);
        assert_eq!(d(2018, 3, 22).unix_seconds(), 1_521_676_800);
        assert_eq!(
            Date::from_unix_seconds(1_521_676_800 + 3600),
            Some(d(2018, 3, 22))
        );
        assert_eq!(Date::from_unix_seconds(-1), Some(d(1969, 12, 31)));
        assert_eq!(
            Date::from_unix_seconds(d(2000, 2, 29).unix_seconds() + 86_399),
            Some(d(2000, 2, 29))
        );
        assert_eq!(Date::from_unix_seconds(i64::MAX), None);
        assert_eq!(civil(d(9999, 12, 31).unix_seconds() + 86_400), None);
    }
}
