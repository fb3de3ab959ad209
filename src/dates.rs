//! Calendar dates as Council documents print them: `22 March 2018`, and ranges such as
//! `17 to 19 July 2017`, `30 June to 2 July 2017`, `28 December 2017 to 3 January 2018`.

use std::fmt;

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
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Self { year, month, day })
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
        days_from_civil(i64::from(self.year), self.month.into(), self.day.into()) * 86_400
    }

    /// The date of a Unix time (UTC).
    pub fn from_unix_seconds(secs: i64) -> Option<Self> {
        let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
        Self::new(u16::try_from(y).ok()?, m as u8, d as u8)
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

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

// Howard Hinnant's algorithms: exact for the proleptic Gregorian calendar.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
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
    }
}
