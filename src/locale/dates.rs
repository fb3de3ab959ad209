//! Dates in words in the six languages, formatted by ICU4X (CLDR data, Gregorian
//! calendar, Latin digits: Arabic Council documents print `17 يوليو 2018`, not Arabic-Indic
//! digits):
//!
//! | | a day | a range in one month | across months |
//! | --- | --- | --- | --- |
//! | E | 22 March 2018 | 17 to 19 July 2017 | 30 June to 2 July 2017 |
//! | F | 22 mars 2018 | 17-19 juillet 2017 | 30 juin – 2 juillet 2017 |
//! | S | 22 de marzo de 2018 | 17-19 de julio de 2017 | 30 de junio – 2 de julio de 2017 |
//! | A | 22 مارس 2018 | 17-19 يوليو 2017 | 30 يونيو - 2 يوليو 2017 |
//! | C | 2018年3月22日 | 2017年7月17日至19日 | 2017年6月30日至7月2日 |
//! | R | 22 марта 2018 года | 17-19 июля 2017 года | 30 июня – 2 июля 2017 года |
//!
//! ICU gives every piece (the day, the day and month, the whole date); which pieces a
//! range shares and what joins them is the usage of each language's Council documents
//! (see `table.rs` for where each was seen). Russian documents of the United Nations
//! system write `года` after the year where CLDR's long format abbreviates it (`г.`), so
//! the Russian date is ICU's day and month followed by the year and `года`.

use std::cell::RefCell;

use icu_calendar::{Date as IcuDate, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{D, MD, YMD};
use icu_locale_core::Locale;

use super::Language;
use crate::dates::Date;

/// What joins the two ends of a range.
struct RangeStyle {
    /// Between the days of one month (`17-19 juillet`).
    same_month: &'static str,
    /// Between dates of different months or years.
    wider: &'static str,
    /// The shared month and year are printed with the end (`17-19 juillet 2017`), or
    /// with the start (Chinese: `2017年7月17日至19日`).
    shared_at_end: bool,
}

fn range_style(language: Language) -> RangeStyle {
    let (same_month, wider, shared_at_end) = match language {
        Language::E => (" to ", " to ", true),
        Language::F | Language::S | Language::R => ("-", " \u{2013} ", true),
        Language::A => ("-", " - ", true),
        Language::C => ("至", "至", false),
    };
    RangeStyle {
        same_month,
        wider,
        shared_at_end,
    }
}

/// The ICU locale of a language: Latin digits in Arabic, as Council documents print them.
fn locale(language: Language) -> Locale {
    let tag = match language {
        Language::A => "ar-u-nu-latn",
        other => other.tag(),
    };
    tag.parse().unwrap_or(Locale::UNKNOWN)
}

/// Which part of a date to print.
#[derive(Clone, Copy)]
enum Part {
    /// `22 March 2018`
    Whole,
    /// `22 March`
    DayMonth,
    /// `22` (`22日`)
    Day,
}

/// A language's three formatters, made when first used.
#[derive(Default)]
struct Formatters {
    whole: Option<FixedCalendarDateTimeFormatter<Gregorian, YMD>>,
    day_month: Option<FixedCalendarDateTimeFormatter<Gregorian, MD>>,
    day: Option<FixedCalendarDateTimeFormatter<Gregorian, D>>,
}

thread_local! {
    /// The formatters of each language this thread has used. Making a formatter loads
    /// its data: made for every date, it was three quarters of the time a date took, and
    /// 13 ms of `build` at 100× the sample (1,600 events), where kept it is nothing.
    static FORMATTERS: RefCell<[Formatters; 6]> = RefCell::default();
}

/// `make()`'s formatter, kept in `slot`, formatting `d`; `None` when none can be made.
fn with<F>(
    slot: &mut Option<F>,
    make: impl FnOnce() -> Option<F>,
    format: impl FnOnce(&F) -> String,
) -> Option<String> {
    if slot.is_none() {
        *slot = make();
    }
    slot.as_ref().map(format)
}

fn part(language: Language, date: Date, part: Part) -> String {
    let Ok(d) = IcuDate::try_new_gregorian(i32::from(date.year()), date.month(), date.day()) else {
        // `Date` holds only real dates, which ICU's Gregorian calendar takes.
        return date.to_string();
    };
    // Russian documents print the whole date as ICU's day and month, the year and `года`.
    if matches!(part, Part::Whole) && language == Language::R {
        return format!(
            "{} {} года",
            self::part(language, date, Part::DayMonth),
            date.year()
        );
    }
    let prefs = || locale(language).into();
    let written = FORMATTERS.with_borrow_mut(|all| {
        let f = &mut all[language.index()];
        match part {
            Part::Whole => with(
                &mut f.whole,
                || FixedCalendarDateTimeFormatter::try_new(prefs(), YMD::long()).ok(),
                |f| f.format(&d).to_string(),
            ),
            Part::DayMonth => with(
                &mut f.day_month,
                || FixedCalendarDateTimeFormatter::try_new(prefs(), MD::long()).ok(),
                |f| f.format(&d).to_string(),
            ),
            Part::Day => with(
                &mut f.day,
                || FixedCalendarDateTimeFormatter::try_new(prefs(), D::long()).ok(),
                |f| f.format(&d).to_string(),
            ),
        }
    });
    // The compiled data covers the six languages; a failure would be a build with data
    // cut down below them, and the date then reads as in English.
    written.unwrap_or_else(|| date.to_string())
}

/// `22 mars 2018`
pub fn format(language: Language, date: Date) -> String {
    part(language, date, Part::Whole)
}

/// A range in words, sharing the month and year where they are the same; one day when
/// `end` is `None` or equal to `start`.
pub fn range(language: Language, start: Date, end: Option<Date>) -> String {
    let Some(end) = end.filter(|e| *e != start) else {
        return format(language, start);
    };
    let style = range_style(language);
    let same_year = start.year() == end.year();
    let same_month = same_year && start.month() == end.month();
    let joiner = if same_month {
        style.same_month
    } else {
        style.wider
    };
    let shared = if same_month {
        Part::Day
    } else if same_year {
        Part::DayMonth
    } else {
        Part::Whole
    };
    let (first, second) = if style.shared_at_end {
        (part(language, start, shared), format(language, end))
    } else {
        (format(language, start), part(language, end, shared))
    };
    format!("{first}{joiner}{second}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: u16, m: u8, day: u8) -> Date {
        Date::new(y, m, day).expect("a date")
    }

    #[test]
    fn a_day_in_each_language() {
        let date = d(2018, 3, 22);
        let got: Vec<String> = Language::ALL.iter().map(|l| format(*l, date)).collect();
        assert_eq!(
            got,
            [
                "22 March 2018",
                "22 mars 2018",
                "22 de marzo de 2018",
                "22 مارس 2018",
                "2018年3月22日",
                "22 марта 2018 года",
            ]
        );
        // The English of `crate::dates`, which the rest of the program prints.
        assert_eq!(
            format(Language::E, d(2017, 4, 2)),
            d(2017, 4, 2).to_string()
        );
    }

    #[test]
    fn ranges_in_each_language() {
        let month = (d(2017, 7, 17), Some(d(2017, 7, 19)));
        let year = (d(2017, 6, 30), Some(d(2017, 7, 2)));
        let across = (d(2017, 12, 28), Some(d(2018, 1, 3)));
        let all = |(s, e): (Date, Option<Date>)| -> Vec<String> {
            Language::ALL.iter().map(|l| range(*l, s, e)).collect()
        };
        assert_eq!(
            all(month),
            [
                "17 to 19 July 2017",
                "17-19 juillet 2017",
                "17-19 de julio de 2017",
                "17-19 يوليو 2017",
                "2017年7月17日至19日",
                "17-19 июля 2017 года",
            ]
        );
        assert_eq!(
            all(year),
            [
                "30 June to 2 July 2017",
                "30 juin – 2 juillet 2017",
                "30 de junio – 2 de julio de 2017",
                "30 يونيو - 2 يوليو 2017",
                "2017年6月30日至7月2日",
                "30 июня – 2 июля 2017 года",
            ]
        );
        assert_eq!(
            all(across)[..2],
            [
                "28 December 2017 to 3 January 2018",
                "28 décembre 2017 – 3 janvier 2018"
            ]
        );
        assert_eq!(range(Language::F, d(2017, 5, 26), None), "26 mai 2017");
        // The English range is the one `crate::dates` prints.
        for (s, e) in [month, year, across] {
            assert_eq!(range(Language::E, s, e), crate::dates::range(s, e));
        }
    }
}
