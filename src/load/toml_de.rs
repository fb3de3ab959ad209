//! TOML text to raw types, collecting every error a file has rather than the first.
//!
//! The text is parsed once into toml's spanned tree (every syntax error of the file, with
//! recovery), then deserialized into the raw types. serde stops at the first error and
//! words it in its own way, so when deserializing fails the tree is checked key by key
//! against the file's shape instead ([`super::keys`]): every unknown, missing or mistyped
//! key is reported at once, in our words, whatever serde's message said.

use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, Deserializer};

use super::keys::{self, MAX_PER_FILE};
use crate::chars::{control_character, control_characters};
use crate::diag::{Code, Diagnostic, InFile};
use crate::raw::shape::{self, Key};
use crate::raw::{RawEntry, RawReport};

/// What an entry file yields: the raw entry when it deserializes; otherwise, if it has a
/// string `number`, that number alone, so the numbering rules still see it and do not
/// report a gap where the broken file sits.
pub(crate) enum EntryParse {
    Entry(Box<RawEntry>),
    NumberOnly(Spanned<String>),
    Nothing,
}

/// Parses an entry file, shown to the user as `name`.
pub(super) fn parse_entry(cx: &mut InFile<'_>, name: &str) -> EntryParse {
    let Some(table) = parse_table(cx) else {
        // A syntax error further down leaves the number readable: the parser recovers
        // what it can, and the numbering rules then see the file (no gap, no orphans).
        let text = cx.src;
        let number = text
            .contains("number")
            .then(|| DeTable::parse_recoverable(text).0)
            .and_then(|t| written_number(&t, text));
        return number.map_or(EntryParse::Nothing, EntryParse::NumberOnly);
    };
    let number = written_number(&table, cx.src);
    match entry_table(cx, name, table) {
        Some(raw) => EntryParse::Entry(Box::new(raw)),
        None => number.map_or(EntryParse::Nothing, EntryParse::NumberOnly),
    }
}

/// The `number` of an entry table as written: a string's value, or the source text of a
/// number written without quotes (`2.10`, which as a float would be 2.1), so that the
/// numbering rules see the file where its author put it (no W001 gap, no E013 orphans).
fn written_number(table: &Spanned<DeTable<'_>>, text: &str) -> Option<Spanned<String>> {
    let v = table.get_ref().get("number")?;
    match v.get_ref() {
        DeValue::String(s) => Some(Spanned::new(v.span(), s.to_string())),
        DeValue::Float(_) | DeValue::Integer(_) => text
            .get(v.span())
            .map(|s| Spanned::new(v.span(), s.trim().to_owned())),
        _ => None,
    }
}

fn entry_table(cx: &mut InFile<'_>, name: &str, table: Spanned<DeTable<'_>>) -> Option<RawEntry> {
    if table.get_ref().is_empty() {
        cx.push(
            cx.whole(Code::EmptyFile, format!("`{name}` is empty"))
                .help(
                    "write the entry (`number = \"2.9\"` and a title or text), or delete the file",
                ),
        );
        return None;
    }
    let looks_like_entry = table
        .get_ref()
        .keys()
        .any(|k| shape::key(shape::ENTRY, k.get_ref()).is_some());
    if !looks_like_entry {
        let first = table
            .get_ref()
            .keys()
            .map(|k| k.span())
            .min_by_key(|s| s.start);
        let mut d = cx.whole(Code::NotAnEntry, format!("`{name}` is not an entry"))
            .help("every .toml file in the entries folder is an entry and starts with `number = \"…\"`; keep other TOML files elsewhere");
        if let Some(span) = first {
            d.span = Some(span);
            d.label = Some("an entry has no such key".into());
        }
        cx.push(d);
        return None;
    }
    deserialize(cx, table, shape::ENTRY)
}

/// Parses report.toml.
pub(super) fn parse_report(cx: &mut InFile<'_>) -> Option<RawReport> {
    let table = parse_table(cx)?;
    deserialize(cx, table, shape::REPORT)
}

/// Parses the document, reporting raw control characters and every syntax error.
fn parse_table<'a>(cx: &mut InFile<'a>) -> Option<Spanned<DeTable<'a>>> {
    let text = cx.src;
    let controls = control_characters(text);
    if !controls.is_empty() {
        for (at, c) in controls.into_iter().take(MAX_PER_FILE) {
            cx.push(control_character(cx.file, at..at + c.len_utf8(), c));
        }
        return None;
    }
    let (table, mut errors) = DeTable::parse_recoverable(text);
    if errors.is_empty() {
        return Some(table);
    }
    // In file order, so that an error explains the ones it causes below it.
    errors.sort_by_key(|e| e.span().map_or(0, |s| s.start));
    let mut seen = Vec::new();
    // (line, message) of the errors explained in a drafter's words: one backslash
    // explanation per line, not one per backslash.
    let mut explained: Vec<(usize, String)> = Vec::new();
    let line_of = |d: &Diagnostic| {
        let at = d.span.as_ref().map_or(0, |s| s.start).min(text.len());
        text[..at].matches('\n').count()
    };
    for e in errors.into_iter().take(MAX_PER_FILE) {
        let key = (e.span(), e.message().to_owned());
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let d = syntax_error(cx, &e);
        let line = line_of(&d);
        if explained.iter().any(|(l, m)| *l == line && *m == d.message) {
            continue;
        }
        // After a text left open at the end of its line, the parser reads the next line
        // as garbage: its errors there say nothing more.
        let open_above = explained
            .iter()
            .any(|(l, m)| *l + 1 == line && m.contains("not closed"));
        if open_above {
            continue;
        }
        if d.help.is_some() {
            explained.push((line, d.message.clone()));
        }
        cx.push(d);
    }
    None
}

fn syntax_error(cx: &InFile<'_>, e: &toml::de::Error) -> Diagnostic {
    let text = cx.src;
    let message = e.message().trim().to_owned();
    // The parser's recursion limit comes without a place: point at the line whose key
    // or table header has the most dotted parts, the one that nests too deep.
    let span = e
        .span()
        .or_else(|| {
            message
                .contains("recursion")
                .then(|| deepest_key_line(text))
        })
        .unwrap_or(0..0);
    // toml rejects impossible dates at parse time; they belong to the date rule.
    let is_date = message.contains("day between") || message.contains("month between");
    let mut d = if is_date {
        cx.at(Code::InvalidDate, "this date does not exist", span)
            .label(message)
            .help("check the day and month: TOML dates are written YYYY-MM-DD")
    } else {
        match super::toml_help::explain(text, span.clone(), &message) {
            Some(x) => cx
                .at(Code::TomlSyntax, x.message, x.span)
                .label(message)
                .help(x.help),
            None => cx
                .at(Code::TomlSyntax, "TOML syntax error", span)
                .label(message),
        }
    };
    if !is_date {
        let snippet = d.span.clone().and_then(|s| text.get(s)).unwrap_or("");
        if snippet.contains('“') || snippet.contains('”') {
            d = d.help("TOML strings need straight quotes around them: `title = \"…\"`; typographic quotes go inside");
        }
    }
    d
}

/// The byte range of the line whose key (before `=`) or table header has the most dots.
fn deepest_key_line(text: &str) -> Range<usize> {
    let mut best = (0, 0..0);
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let key = line.split('=').next().unwrap_or("");
        let dots = key.matches('.').count();
        if dots > best.0 {
            best = (dots, start..start + line.trim_end().len());
        }
        start += line.len();
    }
    best.1
}

/// Deserializes `T`, whose shape is `keys`. The common case, a valid file, costs one pass
/// and no copy of the tree; a file that does not deserialize is checked key by key, so
/// every mistake is reported, and gives no value.
fn deserialize<T: DeserializeOwned>(
    cx: &mut InFile<'_>,
    table: Spanned<DeTable<'_>>,
    keys: &'static [Key],
) -> Option<T> {
    let error = match T::deserialize(Deserializer::from(table)) {
        Ok(v) => return Some(v),
        Err(e) => e,
    };
    // The text parsed a moment ago, so it parses again; the first tree was consumed.
    let mut table = DeTable::parse(cx.src).ok()?;
    if keys::check(cx, &mut table, keys) == 0 {
        // Nothing the shape describes: serde's own words, at its place (a test holds the
        // shape to the raw types, so this is not expected to happen).
        let mut d = cx
            .whole(Code::WrongType, "invalid value")
            .label(error.message().to_owned());
        d.span = error.span();
        cx.push(d);
        return None;
    }
    // The keys reported are gone (or hold the text written, for a number in place of a
    // string): what is left goes on to `check`, so the value rules of the rest of the
    // file report in this same run (`sector = "itu-t"` beside `number = 2.10`).
    T::deserialize(Deserializer::from(table)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    /// Runs `parse` over `text` as the file `e.toml`: its value and its diagnostics, in
    /// the order found.
    fn parsed<T>(text: &str, parse: impl FnOnce(&mut InFile<'_>) -> T) -> (T, Vec<Diagnostic>) {
        let mut sources = crate::diag::Sources::default();
        let mut cx = InFile::new(sources.add("e.toml"), text);
        let value = parse(&mut cx);
        (value, cx.into_diagnostics())
    }

    /// The diagnostics as `check` prints them: by position.
    fn sorted(mut d: Vec<Diagnostic>) -> Vec<Diagnostic> {
        d.sort_by_key(|d| (d.span.as_ref().map(|s| s.start), d.code, d.message.clone()));
        d
    }

    fn report(text: &str) -> (Option<RawReport>, Vec<Diagnostic>) {
        parsed(text, parse_report)
    }

    fn entry(text: &str) -> (Option<RawEntry>, Vec<Diagnostic>) {
        parsed(text, |cx| match parse_entry(cx, "e.toml") {
            EntryParse::Entry(e) => Some(*e),
            _ => None,
        })
    }

    #[test]
    fn reports_every_unknown_key_with_a_suggestion() {
        let (e, d) = entry("number = \"2.9\"\nsectr = \"ITU-T\"\ntitel = \"x\"\n");
        // The rest of the file goes on to `check`, whose rules then run on it too.
        assert!(e.is_some());
        let got: Vec<(Code, String, Option<String>)> = d
            .iter()
            .map(|d| (d.code, d.message.clone(), d.help.clone()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    Code::UnknownKey,
                    "unknown key `sectr`".into(),
                    Some("did you mean `sector`?".into())
                ),
                (
                    Code::UnknownKey,
                    "unknown key `titel`".into(),
                    Some("did you mean `title`?".into())
                ),
            ]
        );
        assert_eq!(d[0].span, Some(15..20));
    }

    #[test]
    fn nested_unknown_key_and_wrong_type() {
        let (_, d) = entry(
            "number = 2.9\n[event]\nname = \"x\"\nplace = \"y\"\nstart = 2017-01-01\nwhen = 3\n",
        );
        let codes: Vec<Code> = sorted(d).iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::WrongType, Code::UnknownKey]);
    }

    #[test]
    fn unknown_missing_and_mistyped_keys_together_each_at_its_place() {
        let text = "title = 3
sectr = \"ITU-T\"
resolutions = [101, \"x\", 2.5]
\
            [event]\nname = \"W\"\nstart = \"2017-04-02\"\n";
        let (e, d) = entry(text);
        assert!(e.is_none());
        let by_place = sorted(d.clone());
        let got: Vec<(Code, &str, &str)> = by_place
            .iter()
            .map(|d| {
                let span = d.span.clone().unwrap_or(0..0);
                (d.code, d.message.as_str(), &text[span])
            })
            .collect();
        assert_eq!(
            got,
            [
                (Code::MissingKey, "missing key `number`", "title"),
                (Code::WrongType, "wrong type: expected a string", "3"),
                (Code::UnknownKey, "unknown key `sectr`", "sectr"),
                (Code::WrongType, "wrong type: expected an integer", "\"x\""),
                (Code::WrongType, "wrong type: expected an integer", "2.5"),
                (Code::MissingKey, "missing key `place`", "["),
                (
                    Code::WrongType,
                    "wrong type: expected a date",
                    "\"2017-04-02\""
                ),
            ],
            "{d:#?}"
        );
        let label = |m: &str| {
            d.iter()
                .find(|d| d.message.contains(m))
                .and_then(|d| d.label.clone())
        };
        assert_eq!(label("a string").as_deref(), Some("this is integer `3`"));
        assert_eq!(
            label("a date").as_deref(),
            Some("this is string \"2017-04-02\"")
        );
    }

    #[test]
    fn tables_and_arrays_of_tables_in_the_wrong_form() {
        let (_, d) =
            entry("number = \"1\"\nevent = [{ name = \"W\" }]\nrecommendations = { id = \"x\" }\n");
        let got: Vec<(&str, &str, &str)> = d
            .iter()
            .map(|d| {
                (
                    d.message.as_str(),
                    d.label.as_deref().unwrap_or(""),
                    d.help.as_deref().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "wrong type: expected a table",
                    "this is an array",
                    "`event` is one table: `[event]` with its own keys below it"
                ),
                (
                    "wrong type: expected an array",
                    "this is a table",
                    "write each as a `[[recommendations]]` table with its own keys below it"
                ),
            ]
        );
    }

    #[test]
    fn reported_keys_are_removed_and_the_rest_deserializes() {
        // What `check` could then read of a file with mistakes in optional keys only.
        let text = "number = \"2\"\ntitel = \"x\"\nsector = 3\ntext = \"t\"\n";
        let mut sources = crate::diag::Sources::default();
        let mut cx = InFile::new(sources.add("e.toml"), text);
        let mut table = DeTable::parse(text).expect("parses");
        assert_eq!(keys::check(&mut cx, &mut table, shape::ENTRY), 2);
        let raw = RawEntry::deserialize(Deserializer::from(table)).expect("the rest is an entry");
        assert_eq!(raw.text.map(|t| t.into_inner()).as_deref(), Some("t"));
        assert!(raw.sector.is_none());
    }

    #[test]
    fn missing_number() {
        let (_, d) = entry("title = \"x\"\n");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, Code::MissingKey);
        assert_eq!(d[0].message, "missing key `number`");
    }

    /// A complete report.toml, for tests that take parts of it away.
    const REPORT: &str = "[meeting]\nname = \"Council 2018\"\nplace_and_dates = \"Geneva\"\n\n\
        [document]\nnumber = \"C18/33\"\nlanguage = \"E\"\ndate = 2018-03-22\n\
        language_line = \"Original: English\"\ntitle = \"T\"\n\n\
        [summary]\ntext = \"S\"\nreferences = \"R\"\n\n\
        [period]\nstart = 2017-02-15\nend = 2017-12-31\n";

    /// The report without the lines starting with `drop`, parsed: (value, code and message
    /// of each diagnostic).
    fn report_without(drop: &[&str]) -> (Option<RawReport>, Vec<(Code, String)>) {
        let text: String = REPORT
            .lines()
            .filter(|l| !drop.iter().any(|d| l.starts_with(d)))
            .map(|l| format!("{l}\n"))
            .collect();
        let (r, d) = report(&text);
        (
            r,
            sorted(d).into_iter().map(|d| (d.code, d.message)).collect(),
        )
    }

    #[test]
    fn the_complete_report_parses() {
        let (r, d) = report_without(&[]);
        assert!(r.is_some() && d.is_empty(), "{d:?}");
    }

    #[test]
    fn every_missing_key_is_reported_in_one_run() {
        let (r, d) = report_without(&["name", "date", "references", "end"]);
        assert!(r.is_none());
        let missing = |k: &str| (Code::MissingKey, format!("missing key `{k}`"));
        assert_eq!(
            d,
            [
                missing("name"),
                missing("date"),
                missing("references"),
                missing("end")
            ]
        );
    }

    #[test]
    fn a_missing_table_is_one_missing_key_not_one_per_key_inside() {
        let (_, d) = report_without(&["[meeting]", "name", "place_and_dates"]);
        assert_eq!(d, [(Code::MissingKey, "missing key `meeting`".to_owned())]);
        // A table stood in for, then an error after it: both reported, nothing else.
        let (_, d) = report_without(&["[summary]", "text", "references", "end"]);
        assert_eq!(
            d,
            [
                (Code::MissingKey, "missing key `summary`".to_owned()),
                (Code::MissingKey, "missing key `end`".to_owned())
            ]
        );
    }

    #[test]
    fn a_key_reported_otherwise_is_not_reported_missing_too() {
        // A wrong type: the value is reported, not its absence once removed.
        let text = REPORT.replace("date = 2018-03-22", "date = 22");
        let (r, d) = report(&text);
        assert!(r.is_none());
        assert_eq!(
            d.iter().map(|d| d.code).collect::<Vec<_>>(),
            [Code::WrongType]
        );
        // A misspelt key with a suggestion: the missing key it was meant to be is the
        // same mistake.
        let text = REPORT.replace("name = ", "nmae = ");
        let (r, d) = report(&text);
        assert!(r.is_none());
        assert_eq!(
            d.iter().map(|d| d.code).collect::<Vec<_>>(),
            [Code::UnknownKey]
        );
        assert_eq!(d[0].help.as_deref(), Some("did you mean `name`?"));
    }

    #[test]
    fn missing_keys_of_dotted_and_inline_tables() {
        let text = REPORT
            .replace(
                "[meeting]\nname = \"Council 2018\"\nplace_and_dates = \"Geneva\"\n",
                "",
            )
            .replace("[document]", "meeting.name = \"Council 2018\"\n[document]")
            .replace("[period]\nstart = 2017-02-15\nend = 2017-12-31\n", "")
            + "[layout]\nmargins = { top = 20, left = 20 }\n";
        let (r, d) = report(&text);
        assert!(r.is_none());
        let d = sorted(d);
        let got: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            got,
            [
                "missing key `place_and_dates`",
                "missing key `bottom`",
                "missing key `right`"
            ],
            "{text}"
        );
    }

    #[test]
    fn missing_keys_in_arrays_of_tables_and_entries() {
        let (_, d) = entry(
            "text = \"x\"\n[[recommendations]]\nid = \"ITU-T Y.1\"\n[[recommendations]]\ntitle = \"t\"\nstatus = \"approved\"\n[event]\nname = \"n\"\n",
        );
        let d = sorted(d);
        let got: Vec<String> = d.iter().map(|d| d.message.clone()).collect();
        assert_eq!(
            got,
            [
                "missing key `number`",
                // Same table, same place: sorted by message.
                "missing key `status`",
                "missing key `title`",
                "missing key `id`",
                "missing key `place`",
                "missing key `start`"
            ],
            "{d:#?}"
        );
    }

    #[test]
    fn not_an_entry_and_empty() {
        assert_eq!(
            entry("[package]\nname = \"x\"\n").1[0].code,
            Code::NotAnEntry
        );
        assert_eq!(entry("# only a comment\n").1[0].code, Code::EmptyFile);
        assert_eq!(entry("").1[0].code, Code::EmptyFile);
    }

    #[test]
    fn syntax_errors_and_impossible_dates() {
        assert_eq!(entry("number = \"2.9\n").1[0].code, Code::TomlSyntax);
        let (_, d) =
            entry("number = \"2\"\n[event]\nname = \"x\"\nplace = \"y\"\nstart = 2017-02-30\n");
        assert_eq!(d[0].code, Code::InvalidDate, "{d:#?}");
    }

    #[test]
    fn control_characters_are_named() {
        let (_, d) = entry("number = \"2\"\ntext = \"a\u{0B}b\"\n");
        assert_eq!(d[0].code, Code::ControlCharacter);
        assert!(d[0].message.contains("U+000B"), "{}", d[0].message);
        assert_eq!(d[0].span, Some(22..23));
    }
}
