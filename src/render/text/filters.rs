//! The custom filters every template can use: `date`, `date_range`, `wrap`, `fill` and
//! `n_entries`.
//!
//! Dates reach templates as ISO strings (`2018-03-22`, what the view model's `*_iso`
//! fields hold), so the filters parse them back; a malformed date is a template error
//! rather than a silent passthrough. Dates and counts are written in the report's
//! language (the context's `language`), English when a template renders without one.

use minijinja::{Environment, Error, ErrorKind, State};

use crate::dates::Date;
use crate::locale::{Language, Locale};

/// Registers `date`, `date_range`, `wrap`, `fill` and `n_entries` on `env`.
pub(crate) fn register(env: &mut Environment<'_>) {
    env.add_filter("date", date);
    env.add_filter("date_range", date_range);
    env.add_filter("wrap", wrap);
    env.add_filter("fill", fill);
    env.add_filter("n_entries", n_entries);
}

/// The locale of the template being rendered (its context's `language`): dates and
/// plural forms follow it.
fn locale(state: &State<'_, '_>) -> Locale {
    let language = state
        .lookup("language")
        .and_then(|v| v.as_str().and_then(Language::parse))
        .unwrap_or(Language::E);
    Locale::new(language)
}

/// `{{ "2018-03-22" | date }}` → `22 March 2018` (`22 mars 2018` in a French report).
fn date(state: &State<'_, '_>, value: &str) -> Result<String, Error> {
    Ok(locale(state).date(parse_iso(value)?))
}

/// `{{ start_iso | date_range(end_iso) }}` → `17 to 19 July 2017`; a missing (none) or equal
/// end gives the single date.
fn date_range(state: &State<'_, '_>, start: &str, end: Option<&str>) -> Result<String, Error> {
    let start = parse_iso(start)?;
    let end = end.map(parse_iso).transpose()?;
    Ok(locale(state).date_range(start, end))
}

/// `{{ labels.document | fill(meta.document_number) }}` → `Document C18/33-E`: a label
/// pattern with its `{}` replaced by the value.
fn fill(pattern: &str, value: minijinja::Value) -> String {
    crate::locale::fill(pattern, &value.to_string())
}

/// `{{ 12 | n_entries }}` → `12 entries` (`12 entrées`, `12 пунктов`): a count of entries
/// with the plural form its number takes in the report's language.
fn n_entries(state: &State<'_, '_>, n: usize) -> String {
    locale(state).entries(n)
}

/// `{{ text | wrap(width, indent) }}`: wraps every line of `text` at spaces so that no
/// line is wider than `width` columns (tabs advance to the next multiple of 8), starting
/// continuation lines with `indent`. No width (none) or 0 leaves the text unchanged.
fn wrap(text: &str, width: Option<u32>, indent: Option<&str>) -> String {
    match width {
        Some(w) if w > 0 => wrap_text(text, w as usize, indent.unwrap_or("")),
        _ => text.to_owned(),
    }
}

fn parse_iso(s: &str) -> Result<Date, Error> {
    let mut parts = s.splitn(3, '-');
    let mut next = || parts.next().and_then(|p| p.parse::<u16>().ok());
    let parsed = match (next(), next(), next()) {
        (Some(y), Some(m), Some(d)) if s.len() == 10 => u8::try_from(m)
            .ok()
            .zip(u8::try_from(d).ok())
            .and_then(|(m, d)| Date::new(y, m, d)),
        _ => None,
    };
    parsed.ok_or_else(|| {
        Error::new(
            ErrorKind::InvalidOperation,
            format!("`{s}` is not a date: expected YYYY-MM-DD (use a `*_iso` field)"),
        )
    })
}

/// Greedy word wrap of each line of `text` at `width` columns. Words are separated by
/// spaces only, so `2.1<TAB>All` stays together; a word wider than `width` (a URL) gets a
/// line of its own rather than being broken.
pub fn wrap_text(text: &str, width: usize, indent: &str) -> String {
    text.split('\n')
        .map(|line| wrap_line(line, width, indent))
        .collect::<Vec<_>>()
        .join("\n")
}

fn wrap_line(line: &str, width: usize, indent: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut col = 0;
    let mut started = false;
    for word in line.split(' ').filter(|w| !w.is_empty()) {
        if started {
            if advance(col + 1, word) > width {
                out.push('\n');
                out.push_str(indent);
                col = advance(0, indent);
            } else {
                out.push(' ');
                col += 1;
            }
        }
        out.push_str(word);
        col = advance(col, word);
        started = true;
    }
    out
}

/// The column after writing `s` from column `col`: a TAB to the next multiple of 8, other
/// characters by their width in a monospaced font (two for Chinese, none for a combining
/// mark such as an Arabic vowel sign).
fn advance(col: usize, s: &str) -> usize {
    s.chars().fold(col, |c, ch| {
        if ch == '\t' {
            (c / 8 + 1) * 8
        } else {
            c + unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use minijinja::context;

    fn env() -> Environment<'static> {
        let mut env = Environment::new();
        register(&mut env);
        env
    }

    fn render(src: &str) -> Result<String, Error> {
        env().render_str(src, context!(none_value => ()))
    }

    /// Each template renders as given.
    fn renders_as(cases: &[(&str, &str)]) {
        for (template, printed) in cases {
            assert_eq!(render(template).unwrap(), *printed, "{template}");
        }
    }

    #[test]
    fn date_prints_like_council_documents() {
        renders_as(&[
            (r#"{{ "2018-03-22" | date }}"#, "22 March 2018"),
            (r#"{{ "2017-04-02" | date }}"#, "2 April 2017"),
        ]);
    }

    #[test]
    fn date_range_shares_month_and_year() {
        renders_as(&[
            (
                r#"{{ "2017-07-17" | date_range("2017-07-19") }}"#,
                "17 to 19 July 2017",
            ),
            (
                r#"{{ "2017-06-30" | date_range("2017-07-02") }}"#,
                "30 June to 2 July 2017",
            ),
            (
                r#"{{ "2017-12-28" | date_range("2018-01-03") }}"#,
                "28 December 2017 to 3 January 2018",
            ),
            (
                r#"{{ "2017-05-26" | date_range("2017-05-26") }}"#,
                "26 May 2017",
            ),
            (r#"{{ "2017-05-26" | date_range(none) }}"#, "26 May 2017"),
            (r#"{{ "2017-05-26" | date_range }}"#, "26 May 2017"),
        ]);
    }

    #[test]
    fn bad_dates_are_errors() {
        for bad in [
            "2017-02-30",
            "22 March 2018",
            "2018-3-22",
            "",
            "2018-03-22x",
        ] {
            let err = render(&format!(r#"{{{{ "{bad}" | date }}}}"#)).unwrap_err();
            assert!(err.to_string().contains("is not a date"), "{bad}: {err}");
        }
    }

    #[test]
    fn wrap_filter() {
        renders_as(&[
            (r#"{{ "a b c" | wrap(none) }}"#, "a b c"),
            (r#"{{ "a b c" | wrap(0) }}"#, "a b c"),
            (r#"{{ "aa bb cc" | wrap(5) }}"#, "aa bb\ncc"),
            (r#"{{ "aa bb cc" | wrap(2, "\t") }}"#, "aa\n\tbb\n\tcc"),
        ]);
    }

    #[test]
    fn wrap_counts_tabs_and_keeps_long_words() {
        // "2.1<TAB>" ends at column 8.
        assert_eq!(
            wrap_text("2.1\tone two three", 15, ""),
            "2.1\tone two\nthree"
        );
        assert_eq!(
            wrap_text("see https://www.itu.int/en/a-very-long-path now", 10, ""),
            "see\nhttps://www.itu.int/en/a-very-long-path\nnow"
        );
        assert_eq!(wrap_text("one\n\ntwo", 3, ""), "one\n\ntwo");
        assert_eq!(wrap_text("", 3, ""), "");
    }

    #[test]
    fn wrap_counts_columns_as_a_monospaced_font_shows_them() {
        // Each Chinese character takes two columns: "国际电联 ITU" is 12 wide.
        assert_eq!(wrap_text("国际电联 ITU 报告", 12, ""), "国际电联 ITU\n报告");
        assert_eq!(wrap_text("国际电联 ITU 报告", 11, ""), "国际电联\nITU 报告");
        // A combining mark (Arabic fatha) takes none: "كَتَب كتب" is 7 wide.
        assert_eq!(wrap_text("كَتَب كتب", 7, ""), "كَتَب كتب");
    }
}
