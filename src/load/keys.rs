//! Every key-level mistake of a file at once, found from the parsed document itself:
//! unknown keys (with the closest known key), missing required keys and values of the
//! wrong type, each at its place, checked against the file's shape ([`crate::raw::shape`]).
//!
//! The loader deserializes a file straight into the raw types first, which costs one
//! pass for the nearly every file that is right; only when that fails does it run this
//! pass over the spanned document, so the messages never depend on the wording of
//! serde's errors. The pass also removes the keys it reported (unknown or mistyped), so
//! what is left deserializes whenever no required key is missing, and the value rules of
//! `check` run on the rest of the file in the same run. A `number` written without quotes
//! is kept as the text written, so the file still counts where its author put it.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diag::{Code, Diagnostic, InFile, suggest};
use crate::raw::is_placeholder;
use crate::raw::shape::{self, Key, Kind};

/// No real file has more mistakes; a generated one stops being reported here.
pub(super) const MAX_PER_FILE: usize = 32;

/// Checks the document `table` against the top-level `keys`, reporting into `cx` and
/// removing the keys reported. Returns how many mistakes were found.
pub(super) fn check(
    cx: &mut InFile<'_>,
    table: &mut Spanned<DeTable<'_>>,
    keys: &'static [Key],
) -> usize {
    let mut pass = Pass { cx, found: 0 };
    pass.table(table.get_mut(), Owner::File, keys);
    pass.found
}

/// Where a table is, for a missing key's message.
enum Owner {
    /// The top level: a missing key is shown at the file's first key.
    File,
    /// A table at this span (its header, or its key when it has no span of its own).
    Table(Range<usize>),
}

struct Pass<'c, 'a> {
    cx: &'c mut InFile<'a>,
    found: usize,
}

impl Pass<'_, '_> {
    fn report(&mut self, d: Diagnostic) {
        if self.found < MAX_PER_FILE {
            self.cx.push(d);
        }
        self.found += 1;
    }

    /// Checks one table's keys and values, and its sub-tables in turn.
    fn table(&mut self, table: &mut DeTable<'_>, owner: Owner, keys: &'static [Key]) {
        let mut faulty = Vec::new();
        // Required keys that a misspelt key was meant to be: that is one mistake.
        let mut meant = Vec::new();
        for (k, v) in table.iter_mut() {
            let name = k.get_ref().as_ref();
            match shape::key(keys, name) {
                None => {
                    let guess = suggest(name, keys.iter().map(|k| k.name));
                    meant.extend(guess);
                    self.report(unknown(self.cx, name, k.span(), guess, keys));
                    faulty.push(name.to_owned());
                }
                Some(key) => {
                    let key_span = k.span();
                    if !self.value(v, key, key_span) {
                        faulty.push(name.to_owned());
                    }
                }
            }
        }
        for key in keys.iter().filter(|k| k.required) {
            if table.get(key.name).is_none() && !meant.contains(&key.name) {
                let d = missing(self.cx, key.name, &owner, table);
                self.report(d);
            }
        }
        for name in faulty {
            table.remove(name.as_str());
        }
    }

    /// Checks a value against `key`; false when it has the wrong type (the key is then
    /// removed). A table's own mistakes leave it in place, minus its faulty keys.
    fn value(&mut self, v: &mut Spanned<DeValue<'_>>, key: &Key, key_span: Range<usize>) -> bool {
        let span = v.span();
        match (key.kind, v.get_mut()) {
            (Kind::Table(keys), DeValue::Table(t)) => {
                // A table written with dotted keys has no span of its own: its key shows it.
                let at = if span.is_empty() { key_span } else { span };
                self.table(t, Owner::Table(at), keys);
                true
            }
            (Kind::Tables(keys), DeValue::Array(items)) => {
                let mut ok = true;
                for item in items.iter_mut() {
                    let item_span = item.span();
                    match item.get_mut() {
                        DeValue::Table(t) => self.table(t, Owner::Table(item_span), keys),
                        other => {
                            let mut d = wrong_type(self.cx, key.kind, key.name, other, item_span);
                            d.message = "wrong type: expected a table".into();
                            self.report(d);
                            ok = false;
                        }
                    }
                }
                ok
            }
            (Kind::Array(inner), DeValue::Array(items)) => {
                let mut ok = true;
                for item in items.iter() {
                    if !fits(*inner, item.get_ref()) {
                        let d = wrong_type(self.cx, *inner, key.name, item.get_ref(), item.span());
                        self.report(d);
                        ok = false;
                    }
                }
                ok
            }
            (kind, value) if fits(kind, value) => true,
            (Kind::String, value @ (DeValue::Integer(_) | DeValue::Float(_)))
                if key.name == "number" =>
            {
                // A number where a string goes (`number = 2.10`): reported, then kept as
                // the text written, so that the value rules of the rest of the file run
                // in this same run and the numbering rules see the entry where it is.
                let d = wrong_type(self.cx, Kind::String, key.name, value, span.clone());
                self.report(d);
                let written = self.cx.src.get(span).unwrap_or("").trim().to_owned();
                *value = DeValue::String(written.into());
                true
            }
            (kind, value) => {
                let d = wrong_type(self.cx, kind, key.name, value, span);
                self.report(d);
                false
            }
        }
    }
}

/// Whether a scalar value is of `kind` (tables and arrays are checked by [`Pass::value`]).
fn fits(kind: Kind, value: &DeValue<'_>) -> bool {
    matches!(
        (kind, value),
        (Kind::String, DeValue::String(_))
            | (Kind::Integer, DeValue::Integer(_))
            | (Kind::Number, DeValue::Integer(_) | DeValue::Float(_))
            | (Kind::Boolean, DeValue::Boolean(_))
            | (Kind::Date | Kind::DateOrPlaceholder, DeValue::Datetime(_))
    ) || matches!((kind, value), (Kind::DateOrPlaceholder, DeValue::String(s)) if is_placeholder(s))
}

fn unknown(
    cx: &InFile<'_>,
    name: &str,
    span: Range<usize>,
    guess: Option<&str>,
    keys: &[Key],
) -> Diagnostic {
    let error_code = name
        .parse::<Code>()
        .ok()
        .filter(|c| c.severity() == crate::diag::Severity::Error);
    // `[check]` is the table whose keys are the warnings' codes.
    let in_check = keys == shape::CHECK;
    let help = match (guess, error_code) {
        (_, Some(code)) if in_check => format!(
            "{code} is an error, and no level lets an error pass: `[check]` sets warnings only: {}",
            warning_codes(keys)
        ),
        (Some(s), _) => format!("did you mean `{s}`?"),
        (None, _) if in_check => format!(
            "`[check]` sets the level of a warning, by its code: {}",
            warning_codes(keys)
        ),
        (None, _) => format!(
            "the keys allowed here are {}",
            keys.iter()
                .map(|k| format!("`{}`", k.name))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    cx.at(Code::UnknownKey, format!("unknown key `{name}`"), span)
        .label("not a known key here")
        .help(help)
}

/// The codes `[check]` may set, each in backquotes.
fn warning_codes(keys: &[Key]) -> String {
    keys.iter()
        .map(|k| format!("`{}`", k.name))
        .collect::<Vec<_>>()
        .join(", ")
}

fn missing(cx: &InFile<'_>, name: &str, owner: &Owner, table: &DeTable<'_>) -> Diagnostic {
    let d = cx.whole(Code::MissingKey, format!("missing key `{name}`"));
    let d = match owner {
        Owner::Table(span) => {
            let mut d = d.label(format!("this table needs `{name}`"));
            d.span = Some(span.start..span.start + 1);
            d
        }
        // The top level lacks it: shown at the file's first key.
        Owner::File => match table.keys().map(|k| k.span()).min_by_key(|s| s.start) {
            Some(first) => {
                let mut d = d.label(format!("this file has no `{name}`"));
                d.span = Some(first);
                d
            }
            None => d,
        },
    };
    d.help(match name {
        "number" => "every entry starts with its section number: `number = \"2.9\"`".to_owned(),
        _ => format!("add `{name} = …`; README.md lists every key"),
    })
}

fn wrong_type(
    cx: &InFile<'_>,
    kind: Kind,
    name: &str,
    value: &DeValue<'_>,
    span: Range<usize>,
) -> Diagnostic {
    let written = cx.src.get(span.clone()).unwrap_or("").trim();
    let found = match value {
        DeValue::String(s) => format!("string {s:?}"),
        DeValue::Integer(_) => format!("integer `{written}`"),
        DeValue::Float(_) => format!("floating point `{written}`"),
        DeValue::Boolean(b) => format!("boolean `{b}`"),
        DeValue::Datetime(d) => format!("the date `{d}`"),
        DeValue::Array(_) => "an array".to_owned(),
        DeValue::Table(_) => "a table".to_owned(),
    };
    let help = match kind {
        Kind::Date | Kind::DateOrPlaceholder => {
            "write dates without quotes: `start = 2017-04-02`".to_owned()
        }
        // The value as written (`2.10`, not the float's `2.1`), in quotes.
        Kind::String
            if !written.is_empty() && !matches!(value, DeValue::Array(_) | DeValue::Table(_)) =>
        {
            format!(
                "put the value in quotes: `{name} = \"{}\"`",
                written.trim_matches('"')
            )
        }
        Kind::String => format!("put the value in quotes: `{name} = \"…\"`"),
        // The value as written (`"101"`), and what it should be (`101`).
        Kind::Integer => match value {
            DeValue::String(s) if s.trim().parse::<i64>().is_ok() => format!(
                "write whole numbers without quotes: `{}`, not `{written}`",
                s.trim()
            ),
            _ if name == "resolutions" => {
                "write whole numbers without quotes: `resolutions = [101, 180]`".to_owned()
            }
            _ => format!(
                "write a whole number without quotes, such as `{name} = {}`",
                if name == "number" { 1 } else { 12 }
            ),
        },
        Kind::Number => "write a number without quotes: `top = 20`".to_owned(),
        Kind::Boolean => "write true or false, without quotes".to_owned(),
        Kind::Array(_) => "write a list in brackets: `[101, 180]`".to_owned(),
        Kind::Table(_) if value_is_table_list(value) => {
            format!("`{name}` is one table: `[{name}]` with its own keys below it")
        }
        Kind::Table(_) => format!("this key is a table: `[{name}]` with its own keys below it"),
        Kind::Tables(_) => {
            format!("write each as a `[[{name}]]` table with its own keys below it")
        }
    };
    cx.at(
        Code::WrongType,
        format!("wrong type: expected {}", kind.describe()),
        span,
    )
    .label(format!("this is {found}"))
    .help(help)
}

fn value_is_table_list(value: &DeValue<'_>) -> bool {
    matches!(value, DeValue::Array(a) if a.iter().all(|v| matches!(v.get_ref(), DeValue::Table(_))))
}
