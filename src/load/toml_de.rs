//! TOML text to raw types, collecting every error a file has rather than the first.
//!
//! serde stops at the first error, so a file with two misspelt keys would need two runs to
//! fix. Instead the document is parsed once into toml's spanned tree; deserialization is
//! tried, and on an error the offending key is reported and removed from the tree, then
//! deserialization is tried again. A missing key is reported and given a stand-in value
//! (an empty value of the type serde asks for), so the next missing key shows too: a file
//! missing three keys gets three E005 in one run. The known keys and the types come from
//! serde's own error messages, so the raw types stay the single source of truth.

use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, Deserializer};

use crate::chars::{control_character, control_characters};
use crate::diag::{Code, Diagnostic, FileId, InFile};
use crate::raw::{ENTRY_KEYS, RawEntry, RawReport};

/// A bound on the remove-and-retry loop: no real file has this many wrong keys.
const MAX_ERRORS_PER_FILE: usize = 32;

/// What an entry file yields: the raw entry when it deserializes; otherwise, if it has a
/// string `number`, that number alone, so the numbering rules still see it and do not
/// report a gap where the broken file sits.
pub(crate) enum EntryParse {
    Entry(Box<RawEntry>),
    NumberOnly(Spanned<String>),
    Nothing,
}

pub(super) fn parse_entry(cx: &mut InFile<'_>, name: &str) -> EntryParse {
    let mut diags = Vec::new();
    let parsed = entry_parse(cx.file, name, cx.src, &mut diags);
    diags.into_iter().for_each(|d| cx.push(d));
    parsed
}

fn entry_parse(file: FileId, name: &str, text: &str, diags: &mut Vec<Diagnostic>) -> EntryParse {
    let Some(table) = parse_table(file, text, diags) else {
        return EntryParse::Nothing;
    };
    let number = table
        .get_ref()
        .get("number")
        .and_then(|v| match v.get_ref() {
            DeValue::String(s) => Some(Spanned::new(v.span(), s.to_string())),
            _ => None,
        });
    match entry_table(file, name, text, table, diags) {
        Some(raw) => EntryParse::Entry(Box::new(raw)),
        None => number.map_or(EntryParse::Nothing, EntryParse::NumberOnly),
    }
}

fn entry_table(
    file: FileId,
    name: &str,
    text: &str,
    table: Spanned<DeTable<'_>>,
    diags: &mut Vec<Diagnostic>,
) -> Option<RawEntry> {
    if table.get_ref().is_empty() {
        diags.push(
            Diagnostic::new(Code::EmptyFile, format!("`{name}` is empty"))
                .in_file(file)
                .help(
                    "write the entry (`number = \"2.9\"` and a title or text), or delete the file",
                ),
        );
        return None;
    }
    let looks_like_entry = table
        .get_ref()
        .keys()
        .any(|k| ENTRY_KEYS.contains(&k.get_ref().as_ref()));
    if !looks_like_entry {
        let first = table
            .get_ref()
            .keys()
            .map(|k| k.span())
            .min_by_key(|s| s.start);
        let mut d = Diagnostic::new(Code::NotAnEntry, format!("`{name}` is not an entry"))
            .in_file(file)
            .help("every .toml file in the entries folder is an entry and starts with `number = \"…\"`; keep other TOML files elsewhere");
        if let Some(span) = first {
            d.span = Some(span);
            d.label = Some("an entry has no such key".into());
        }
        diags.push(d);
        return None;
    }
    deserialize(file, text, table, diags)
}

pub(super) fn parse_report(cx: &mut InFile<'_>) -> Option<RawReport> {
    let mut diags = Vec::new();
    let table = parse_table(cx.file, cx.src, &mut diags);
    let parsed = table.and_then(|t| deserialize(cx.file, cx.src, t, &mut diags));
    diags.into_iter().for_each(|d| cx.push(d));
    parsed
}

/// Parses the document, reporting raw control characters and every syntax error.
fn parse_table<'a>(
    file: FileId,
    text: &'a str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Spanned<DeTable<'a>>> {
    let controls = control_characters(text);
    if !controls.is_empty() {
        for (at, c) in controls.into_iter().take(MAX_ERRORS_PER_FILE) {
            diags.push(control_character(file, at..at + c.len_utf8(), c));
        }
        return None;
    }
    let (table, errors) = DeTable::parse_recoverable(text);
    if errors.is_empty() {
        return Some(table);
    }
    let mut seen = Vec::new();
    for e in errors.into_iter().take(MAX_ERRORS_PER_FILE) {
        let key = (e.span(), e.message().to_owned());
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        diags.push(syntax_error(file, text, &e));
    }
    None
}

fn syntax_error(file: FileId, text: &str, e: &toml::de::Error) -> Diagnostic {
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
        Diagnostic::new(Code::InvalidDate, "this date does not exist")
            .at(file, span)
            .label(message)
            .help("check the day and month: TOML dates are written YYYY-MM-DD")
    } else {
        Diagnostic::new(Code::TomlSyntax, "TOML syntax error")
            .at(file, span)
            .label(message)
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

/// Deserializes `T`, reporting each serde error and working round it until the rest
/// deserializes or nothing more can be done: a key at fault is removed, and a missing key
/// gets a stand-in value, so one run reports every missing key of a file, not the first.
fn deserialize<T: DeserializeOwned>(
    file: FileId,
    text: &str,
    table: Spanned<DeTable<'_>>,
    diags: &mut Vec<Diagnostic>,
) -> Option<T> {
    // The common case, a valid file, costs one pass and no copy of the tree.
    let mut error = match T::deserialize(Deserializer::from(table)) {
        Ok(v) => return Some(v),
        Err(e) => e,
    };
    // The text parsed a moment ago, so it parses again; the retries work on this copy.
    let mut table = DeTable::parse(text).ok()?;
    let mut repair = Repair::new(text.len());
    for _ in 0..MAX_ERRORS_PER_FILE {
        let message = error.message().to_owned();
        let span = error.span();
        if let Some(field) = between(&message, "missing field `", "`") {
            let owner = span.clone().unwrap_or_else(|| table.span());
            let key = (owner, field.to_owned());
            if repair.filled.contains(&key) {
                // Stood in for already and still missing: nothing more to try.
                return None;
            }
            if !repair.is_accounted(&key) {
                diags.push(missing_key(file, field, span, &table));
            }
            repair.stand_in(&mut table, key)?;
        } else if let Some(at) = span.as_ref().filter(|s| repair.is_stand_in(s)) {
            // A stand-in of the wrong type: give it the type serde asked for.
            repair.retype(table.get_mut(), at, &message)?;
        } else {
            diags.push(serde_error(file, &message, span.clone()));
            let root = table.span();
            let (owner, key) = remove_at(table.get_mut(), &root, &span?)?;
            if let Some(meant) = unknown_key_suggestion(&message) {
                // `nmae` reported with "did you mean `name`?" is the missing `name` too.
                repair.accounted.push((owner.clone(), meant));
            }
            repair.accounted.push((owner, key));
        }
        // Keys were dropped or stood in for: even a success is incomplete, so no raw
        // value comes out, but the loop has reported every problem.
        error = T::deserialize(Deserializer::from(table.clone())).err()?;
    }
    None
}

/// What the retry loop of [`deserialize`] changed in the tree, so that its own changes
/// are not reported as the user's mistakes.
struct Repair {
    /// Where the next stand-in's span starts: past the end of the text, so a stand-in is
    /// told apart from anything the user wrote.
    next: usize,
    /// The spans of the stand-ins inserted.
    stand_ins: Vec<Range<usize>>,
    /// (table span, key) already reported (a removed key, a key an unknown key was
    /// meant to be), whose absence is not reported again.
    accounted: Vec<(Range<usize>, String)>,
    /// (table span, key) stood in for, to stop if a stand-in does not take.
    filled: Vec<(Range<usize>, String)>,
}

impl Repair {
    fn new(text_len: usize) -> Self {
        Self {
            next: text_len + 1,
            stand_ins: Vec::new(),
            accounted: Vec::new(),
            filled: Vec::new(),
        }
    }

    fn is_stand_in(&self, span: &Range<usize>) -> bool {
        self.stand_ins.contains(span)
    }

    /// Whether the absence of (table span, key) is not the user's to hear about: a
    /// stand-in table lacks every key of its type, and some keys were reported otherwise.
    fn is_accounted(&self, key: &(Range<usize>, String)) -> bool {
        self.is_stand_in(&key.0) || self.accounted.contains(key)
    }

    /// Inserts a stand-in for the key into the table spanning `key.0`; `None` when that
    /// table cannot be found (the loop stops).
    fn stand_in(
        &mut self,
        table: &mut Spanned<DeTable<'_>>,
        key: (Range<usize>, String),
    ) -> Option<()> {
        let root = table.span();
        let target = table_at(table.get_mut(), &root, &key.0)?;
        let span = self.next..self.next;
        self.next += 1;
        self.stand_ins.push(span.clone());
        // A string first; `retype` changes it when serde expects something else.
        target.insert(
            Spanned::new(span.clone(), key.1.clone().into()),
            Spanned::new(span, DeValue::String(String::new().into())),
        );
        self.filled.push(key);
        Some(())
    }

    /// Replaces the stand-in at `at` with an empty value of the type serde's `message`
    /// expected; `None` when there is no such type (the loop stops).
    fn retype(&mut self, table: &mut DeTable<'_>, at: &Range<usize>, message: &str) -> Option<()> {
        let (_, expected) = message
            .strip_prefix("invalid type: ")?
            .split_once(", expected ")?;
        let value = match describe(expected).as_str() {
            "an integer" => DeValue::Integer(Default::default()),
            "a number" => DeValue::Float(Default::default()),
            "a date" => DeValue::Datetime("2000-01-01".parse().ok()?),
            "a table" => DeValue::Table(DeTable::new()),
            "an array" => DeValue::Array(toml::de::DeArray::new()),
            "a boolean" => DeValue::Boolean(false),
            _ => return None,
        };
        let slot = value_at(table, at)?;
        // Already of that type and still refused: nothing more to try.
        if std::mem::discriminant(slot.get_ref()) == std::mem::discriminant(&value) {
            return None;
        }
        *slot = Spanned::new(at.clone(), value);
        Some(())
    }
}

/// The table spanning `span` (`root` is the span of `table` itself), at any depth.
fn table_at<'t, 'a>(
    table: &'t mut DeTable<'a>,
    root: &Range<usize>,
    span: &Range<usize>,
) -> Option<&'t mut DeTable<'a>> {
    if root == span {
        return Some(table);
    }
    table
        .iter_mut()
        .find_map(|(_, v)| in_tables(v, &mut |t, here| table_at(t, here, span)))
}

/// `find` over the tables a value is or holds (a table, or an array's tables), each with
/// its span: how the searches here go down a level.
fn in_tables<'t, 'a, R>(
    value: &'t mut Spanned<DeValue<'a>>,
    find: &mut dyn FnMut(&'t mut DeTable<'a>, &Range<usize>) -> Option<R>,
) -> Option<R> {
    let here = value.span();
    match value.get_mut() {
        DeValue::Table(t) => find(t, &here),
        DeValue::Array(a) => a.iter_mut().find_map(|item| {
            let item_span = item.span();
            match item.get_mut() {
                DeValue::Table(t) => find(t, &item_span),
                _ => None,
            }
        }),
        _ => None,
    }
}

/// The value spanning `span`, at any depth.
fn value_at<'t, 'a>(
    table: &'t mut DeTable<'a>,
    span: &Range<usize>,
) -> Option<&'t mut Spanned<DeValue<'a>>> {
    for (_, v) in table.iter_mut() {
        if v.span() == *span {
            return Some(v);
        }
        let found = match v.get_mut() {
            DeValue::Table(t) => value_at(t, span),
            DeValue::Array(a) => a.iter_mut().find_map(|item| match item.get_mut() {
                DeValue::Table(t) => value_at(t, span),
                _ => None,
            }),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

fn missing_key(
    file: FileId,
    field: &str,
    span: Option<Range<usize>>,
    table: &Spanned<DeTable<'_>>,
) -> Diagnostic {
    // serde gives the span of the table that lacks the key; for the top level that is the
    // whole file, which is better shown as the file's first line.
    let whole = table.span();
    let mut d = Diagnostic::new(Code::MissingKey, format!("missing key `{field}`")).in_file(file);
    match span.filter(|s| *s != whole && s.end > s.start) {
        Some(s) => {
            d.span = Some(s.start..s.start + 1);
            d.label = Some(format!("this table needs `{field}`"));
        }
        None => {
            // The top level lacks it: point at the file's first key.
            if let Some(first) = table
                .get_ref()
                .keys()
                .map(|k| k.span())
                .min_by_key(|s| s.start)
            {
                d.span = Some(first);
                d.label = Some(format!("this file has no `{field}`"));
            }
        }
    }
    d.help(match field {
        "number" => "every entry starts with its section number: `number = \"2.9\"`".to_owned(),
        _ => format!("add `{field} = …`; README.md lists every key"),
    })
}

fn serde_error(file: FileId, message: &str, span: Option<Range<usize>>) -> Diagnostic {
    let mut d = if let Some(key) = between(message, "unknown field `", "`") {
        let expected = expected_names(message);
        let mut d = Diagnostic::new(Code::UnknownKey, format!("unknown key `{key}`"))
            .label("not a known key here");
        d.help = Some(match unknown_key_suggestion(message) {
            Some(s) => format!("did you mean `{s}`?"),
            None if expected.is_empty() => "remove it".to_owned(),
            None => format!("the keys allowed here are {}", list(&expected)),
        });
        d
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another type"));
        Diagnostic::new(
            Code::WrongType,
            format!("wrong type: expected {}", describe(expected)),
        )
        .label(format!("this is {found}"))
        .help(type_help(expected))
    } else {
        Diagnostic::new(Code::WrongType, "invalid value").label(message.to_owned())
    };
    d.file = Some(file);
    d.span = span;
    d
}

fn describe(expected: &str) -> String {
    match expected {
        "a string" => "a string".into(),
        "i64" | "u32" | "u64" => "an integer".into(),
        "f64" => "a number".into(),
        e if e.contains("Datetime") || e.contains("datetime") => "a date".into(),
        e if e.starts_with("struct ") => "a table".into(),
        "a sequence" => "an array".into(),
        e => e.to_owned(),
    }
}

fn type_help(expected: &str) -> String {
    match describe(expected).as_str() {
        "a date" => "write dates without quotes: `start = 2017-04-02`".into(),
        "a string" => "put the value in quotes: `number = \"2.9\"`".into(),
        "an integer" => "write whole numbers without quotes: `resolutions = [101, 180]`".into(),
        "an array" => "write a list in brackets: `[101, 180]`".into(),
        "a table" => "this key is a table: `[event]` with its own keys below it".into(),
        other => format!("write {other}"),
    }
}

/// For serde's "unknown field" message, the known key the unknown one was probably meant
/// to be.
fn unknown_key_suggestion(message: &str) -> Option<String> {
    let key = between(message, "unknown field `", "`")?;
    let known = expected_names(message);
    crate::diag::suggest(key, known.iter().map(String::as_str)).map(str::to_owned)
}

/// The text between `open` and the next `close`.
fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    // `find` gives char boundaries, and the ends of matches are boundaries too.
    let start = s.find(open)? + open.len();
    let len = s[start..].find(close)?;
    Some(&s[start..start + len])
}

/// The names in serde's "expected one of `a`, `b`" tail.
fn expected_names(message: &str) -> Vec<String> {
    let Some((_, tail)) = message.split_once("expected ") else {
        return Vec::new();
    };
    tail.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

fn list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Removes the key whose key or value span is `span` (or whose scalar value contains it),
/// at any depth; `table_span` is the span of `table` itself. Returns the span of the table
/// the key was in and the key, or `None` when no key matches, which ends the retry loop.
fn remove_at(
    table: &mut DeTable<'_>,
    table_span: &Range<usize>,
    span: &Range<usize>,
) -> Option<(Range<usize>, String)> {
    let contains = |s: Range<usize>| s.start <= span.start && span.end <= s.end;
    let hit = table
        .iter()
        .find(|(k, v)| k.span() == *span || v.span() == *span)
        .map(|(k, _)| k.get_ref().clone());
    if let Some(k) = hit {
        table.remove(k.as_ref());
        return Some((table_span.clone(), k.into_owned()));
    }
    // Tables and arrays of tables: their spans may cover only a header, so search them all.
    let mut scalar_owner = None;
    for (k, v) in table.iter_mut() {
        let here = v.span();
        let found = in_tables(v, &mut |t, at| remove_at(t, at, span));
        if found.is_some() {
            return found;
        }
        if scalar_owner.is_none() && contains(here) {
            scalar_owner = Some(k.get_ref().clone());
        }
    }
    // An element of an array of scalars: drop the whole key.
    let k = scalar_owner?;
    table.remove(k.as_ref())?;
    Some((table_span.clone(), k.into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(e.is_none());
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
        let codes: Vec<Code> = d.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::UnknownKey, Code::WrongType], "{d:#?}");
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
