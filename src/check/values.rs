//! Small conversions shared by the entry and report rules: dates, non-empty strings and
//! values from a fixed list.

use toml::Spanned;
use toml::value::Datetime;

use crate::dates::Date;
use crate::diag::{Code, InFile};

/// A TOML local date (`2017-04-02`); a date-time or a time is an error.
pub(super) fn date(cx: &mut InFile<'_>, v: &Spanned<Datetime>, key: &str) -> Option<Date> {
    let dt = v.get_ref();
    let date = match (&dt.date, &dt.time, &dt.offset) {
        (Some(d), None, None) => Date::new(d.year, d.month, d.day),
        _ => None,
    };
    if date.is_none() {
        cx.push(
            cx.at(
                Code::InvalidDate,
                format!("`{key}` must be a date such as 2017-04-02"),
                v.span(),
            )
            .label("not a calendar date")
            .help("write the date alone, without a time: YYYY-MM-DD"),
        );
    }
    date
}

/// A string that must say something.
pub(super) fn non_empty(cx: &mut InFile<'_>, v: &Spanned<String>, key: &str) -> Option<String> {
    let s = v.get_ref().trim();
    if s.is_empty() {
        cx.push(
            cx.at(Code::WrongType, format!("`{key}` is empty"), v.span())
                .help(format!(
                    "give `{key}` a value, or remove the key if it is optional"
                )),
        );
        return None;
    }
    Some(s.to_owned())
}

/// One of a fixed list of words (`ITU-T`, `approved`), with a suggestion when misspelt.
pub(super) fn one_of<T: Copy>(
    cx: &mut InFile<'_>,
    v: &Spanned<String>,
    what: &str,
    all: &[T],
    name: fn(T) -> &'static str,
) -> Option<T> {
    let typed = v.get_ref();
    if let Some(x) = all.iter().copied().find(|x| name(*x) == typed) {
        return Some(x);
    }
    let names = || all.iter().map(|x| name(*x));
    // The values are few: all of them are listed, as a near miss (`ITU-X`) could be any.
    let listed = names()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let help = match names().find(|n| n.eq_ignore_ascii_case(typed.trim())) {
        Some(s) => format!("write it `{s}`: one of {listed}, written exactly so"),
        None => format!("use one of {listed}"),
    };
    cx.push(
        cx.at(
            Code::WrongType,
            format!("unknown {what} `{typed}`"),
            v.span(),
        )
        .label(format!("not a {what}"))
        .help(help),
    );
    None
}

/// A positive integer that fits a resolution number.
pub(super) fn resolution(cx: &mut InFile<'_>, v: &Spanned<i64>) -> Option<u32> {
    match u32::try_from(*v.get_ref()) {
        Ok(n) if n > 0 => Some(n),
        _ => {
            cx.push(
                cx.at(
                    Code::WrongType,
                    format!("`{}` is not a resolution number", v.get_ref()),
                    v.span(),
                )
                .help("resolution numbers are positive integers, such as 101"),
            );
            None
        }
    }
}
