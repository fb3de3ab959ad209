//! The shape of the two kinds of file, key by key: the keys each table may have, in
//! canonical order, which are required, and the TOML type of each value.
//!
//! One table serves every reader and writer of the files: the loader checks a file
//! against it to report every unknown, missing or mistyped key at once
//! (`load::keys`); `fmt` orders keys by it; `import`, `new` and the entry writer write
//! keys in its order; the report.toml values `import` may leave as placeholders are its
//! required leaves, with the words of each placeholder. A test holds it equal to the JSON
//! Schema that [`crate::schema`] derives from the raw types, so the three cannot drift.

use crate::diag::{Code, Severity};

/// One key of a table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Key {
    pub name: &'static str,
    pub required: bool,
    pub kind: Kind,
    /// For a required report.toml value that `import` may not find: the words of its
    /// placeholder and an example value, as a user writes it.
    pub hint: Option<Hint>,
}

/// What a value must be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    String,
    Integer,
    /// An integer or a float: TOML's `20` is a fine number of millimetres.
    Number,
    Boolean,
    /// Any TOML date or date-time; the date rule (E018) refuses a time later.
    Date,
    /// A date, or the `"TODO: …"` placeholder `import` leaves (see `raw::RawDate`).
    DateOrPlaceholder,
    /// An array whose items are all of one kind.
    Array(&'static Kind),
    /// A table: `[event]`, a dotted key or an inline table.
    Table(&'static [Key]),
    /// An array of tables: `[[recommendations]]`.
    Tables(&'static [Key]),
}

/// How a placeholder reads and what the value looks like.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hint {
    /// `the meeting, such as Council 2018`: the placeholder is `TODO: ` and this.
    pub todo: &'static str,
    /// `"Council 2018"`: a value as written in the file.
    pub example: &'static str,
}

impl Kind {
    /// The kind's name in messages: `expected a string`.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::String => "a string",
            Kind::Integer => "an integer",
            Kind::Number => "a number",
            Kind::Boolean => "a boolean",
            Kind::Date | Kind::DateOrPlaceholder => "a date",
            Kind::Array(_) | Kind::Tables(_) => "an array",
            Kind::Table(_) => "a table",
        }
    }

    /// The keys of a table, or of each table of an array of tables.
    pub fn keys(self) -> Option<&'static [Key]> {
        match self {
            Kind::Table(keys) | Kind::Tables(keys) => Some(keys),
            _ => None,
        }
    }
}

const fn required(name: &'static str, kind: Kind) -> Key {
    Key {
        name,
        required: true,
        kind,
        hint: None,
    }
}

const fn optional(name: &'static str, kind: Kind) -> Key {
    Key {
        name,
        required: false,
        kind,
        hint: None,
    }
}

/// A required value `import` may leave as a placeholder.
const fn filled(name: &'static str, kind: Kind, todo: &'static str, example: &'static str) -> Key {
    Key {
        name,
        required: true,
        kind,
        hint: Some(Hint { todo, example }),
    }
}

/// An entry file.
pub const ENTRY: &[Key] = &[
    required("number", Kind::String),
    optional("id", Kind::String),
    optional("title", Kind::String),
    optional("sector", Kind::String),
    optional("resolutions", Kind::Array(&Kind::Integer)),
    optional("text", Kind::String),
    optional("recommendations", Kind::Tables(RECOMMENDATION)),
    optional("event", Kind::Table(EVENT)),
];

/// A `[[recommendations]]` table of an entry.
pub const RECOMMENDATION: &[Key] = &[
    required("id", Kind::String),
    required("title", Kind::String),
    required("status", Kind::String),
];

/// The `[event]` table of an entry.
pub const EVENT: &[Key] = &[
    required("name", Kind::String),
    required("place", Kind::String),
    required("start", Kind::Date),
    optional("end", Kind::Date),
];

/// report.toml.
pub const REPORT: &[Key] = &[
    required("meeting", Kind::Table(MEETING)),
    required("document", Kind::Table(DOCUMENT)),
    optional("revision", Kind::Table(REVISION)),
    required("summary", Kind::Table(SUMMARY)),
    optional("period", Kind::Table(PERIOD)),
    optional("layout", Kind::Table(LAYOUT)),
    optional("labels", Kind::Table(LABELS)),
    optional("check", Kind::Table(CHECK)),
];

/// How many codes `[check]` may set: the warnings of [`Code::ALL`].
const WARNINGS: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < Code::ALL.len() {
        if matches!(Code::ALL[i].severity(), Severity::Warning) {
            n += 1;
        }
        i += 1;
    }
    n
};

/// `[check]`: a level by warning code (`W002 = "allow"`), every warning optional.
pub const CHECK: &[Key] = &{
    let mut keys = [optional("", Kind::String); WARNINGS];
    let (mut i, mut j) = (0, 0);
    while i < Code::ALL.len() {
        if matches!(Code::ALL[i].severity(), Severity::Warning) {
            keys[j] = optional(Code::ALL[i].as_str(), Kind::String);
            j += 1;
        }
        i += 1;
    }
    keys
};

const MEETING: &[Key] = &[
    filled(
        "name",
        Kind::String,
        "the meeting, such as Council 2018",
        "\"Council 2018\"",
    ),
    filled(
        "place_and_dates",
        Kind::String,
        "the place and dates, such as Geneva, 17-27 April 2018",
        "\"Geneva, 17-27 April 2018\"",
    ),
];

const DOCUMENT: &[Key] = &[
    filled(
        "number",
        Kind::String,
        "the document number, such as C18/33",
        "\"C18/33\"",
    ),
    filled(
        "language",
        Kind::String,
        "the suffix after the number, such as E",
        "\"E\"",
    ),
    filled(
        "date",
        Kind::DateOrPlaceholder,
        "the document’s date, such as 2018-03-22 (a TOML date, without the quotes)",
        "2018-03-22",
    ),
    filled(
        "language_line",
        Kind::String,
        "the language line, such as Original: English",
        "\"Original: English\"",
    ),
    optional("agenda_item", Kind::String),
    optional("source", Kind::String),
    filled(
        "title",
        Kind::String,
        "the title, in normal case (the report prints it in capitals)",
        "\"ITU’s activities related to …\"",
    ),
    optional("creator", Kind::String),
    optional("resolutions", Kind::Array(&Kind::Integer)),
];

const REVISION: &[Key] = &[
    required("number", Kind::Integer),
    required("date", Kind::Date),
    optional("author", Kind::String),
];

const SUMMARY: &[Key] = &[
    filled(
        "text",
        Kind::String,
        "the text of the Summary box",
        "\"This report summarizes …\"",
    ),
    optional("action", Kind::String),
    filled(
        "references",
        Kind::String,
        "the References of the Summary box, such as the resolutions and earlier documents",
        "\"Resolution 101 (Rev. Busan, 2014); Document C17/33\"",
    ),
];

const PERIOD: &[Key] = &[required("start", Kind::Date), required("end", Kind::Date)];

const LAYOUT: &[Key] = &[
    optional("font", Kind::String),
    optional("font_size", Kind::Integer),
    optional("margins", Kind::Table(MARGINS)),
    optional("tab_stops", Kind::Array(&Kind::Number)),
    optional("footer", Kind::String),
    optional("logo", Kind::String),
    optional("top_level_period", Kind::Boolean),
    optional("references_italic", Kind::Boolean),
    optional("fonts", Kind::Table(BY_LANGUAGE_FONT)),
];

/// `[layout] fonts`: a font name by language letter.
const BY_LANGUAGE_FONT: &[Key] = &[
    optional("E", Kind::String),
    optional("F", Kind::String),
    optional("S", Kind::String),
    optional("A", Kind::String),
    optional("C", Kind::String),
    optional("R", Kind::String),
];

/// `[labels]`: a table of labels by language letter.
const LABELS: &[Key] = &[
    optional("E", Kind::Table(LABEL_SET)),
    optional("F", Kind::Table(LABEL_SET)),
    optional("S", Kind::Table(LABEL_SET)),
    optional("A", Kind::Table(LABEL_SET)),
    optional("C", Kind::Table(LABEL_SET)),
    optional("R", Kind::Table(LABEL_SET)),
];

/// The labels of one language: the fields of the locale table
/// (`crate::locale::table::FIELDS`, which a test holds equal to this).
const LABEL_SET: &[Key] = &[
    optional("agenda_item", Kind::String),
    optional("document", Kind::String),
    optional("original", Kind::String),
    optional("summary", Kind::String),
    optional("action_required", Kind::String),
    optional("references", Kind::String),
    optional("page", Kind::String),
    optional("footer", Kind::String),
    optional("digest", Kind::String),
    optional("reporting_period", Kind::String),
    optional("entries_by_section", Kind::String),
    optional("untitled", Kind::String),
    optional("entries_by_sector", Kind::String),
    optional("no_sector", Kind::String),
    optional("recommendations", Kind::String),
    optional("approved", Kind::String),
    optional("consented", Kind::String),
    optional("revised", Kind::String),
    optional("started", Kind::String),
    optional("none", Kind::String),
    optional("events", Kind::String),
    optional("resolutions", Kind::String),
    optional("resolution", Kind::String),
    optional("no_entry", Kind::String),
    optional("warnings", Kind::String),
    optional("draft_placeholders", Kind::String),
    optional("draft_untranslated", Kind::String),
    optional("changes_since", Kind::String),
    optional("changes_none", Kind::String),
    optional("changes_first_page", Kind::String),
    optional("changes_was", Kind::String),
    optional("changes_line", Kind::String),
    optional("changes_added", Kind::String),
    optional("changes_removed", Kind::String),
    optional("changes_revised", Kind::String),
    optional("changes_renumbered", Kind::String),
    optional("changes_moved", Kind::String),
    optional("changes_also_revised", Kind::String),
    optional("changes_total", Kind::String),
    optional("changes_count_added", Kind::String),
    optional("changes_count_removed", Kind::String),
    optional("changes_count_revised", Kind::String),
    optional("changes_count_renumbered", Kind::String),
    optional("changes_count_moved", Kind::String),
    optional("changes_separator", Kind::String),
    optional("part_title", Kind::String),
    optional("part_text", Kind::String),
    optional("part_sector", Kind::String),
    optional("part_resolutions", Kind::String),
    optional("part_recommendations", Kind::String),
    optional("part_event", Kind::String),
    optional("part_meeting", Kind::String),
    optional("part_place_and_dates", Kind::String),
    optional("part_agenda_item", Kind::String),
    optional("part_language_line", Kind::String),
    optional("part_source", Kind::String),
    optional("part_reporting_period", Kind::String),
];

const MARGINS: &[Key] = &[
    required("top", Kind::Number),
    required("right", Kind::Number),
    required("bottom", Kind::Number),
    required("left", Kind::Number),
];

/// The key `name` of a table.
pub fn key(keys: &'static [Key], name: &str) -> Option<&'static Key> {
    keys.iter().find(|k| k.name == name)
}

/// The key at a dotted path (`document.date`) from the top of a file.
pub fn at(keys: &'static [Key], dotted: &str) -> Option<&'static Key> {
    let mut keys = keys;
    let mut found = None;
    for part in dotted.split('.') {
        let k = key(keys, part)?;
        keys = k.kind.keys().unwrap_or(&[]);
        found = Some(k);
    }
    found
}

/// The values report.toml must have and `import` may leave as placeholders, in the
/// file's order: (`meeting.name`, its key).
pub fn filled_in_report() -> impl Iterator<Item = (String, &'static Key)> {
    REPORT.iter().flat_map(|table| {
        table
            .kind
            .keys()
            .unwrap_or(&[])
            .iter()
            .filter(|k| k.hint.is_some())
            .map(move |k| (format!("{}.{}", table.name, k.name), k))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_label_keys_are_the_locale_table_fields() {
        let names: Vec<&str> = LABEL_SET.iter().map(|k| k.name).collect();
        assert_eq!(names, crate::locale::table::FIELDS);
    }

    #[test]
    fn keys_by_dotted_path() {
        assert_eq!(
            at(REPORT, "document.date").map(|k| k.kind),
            Some(Kind::DateOrPlaceholder)
        );
        assert_eq!(
            at(REPORT, "layout.margins.top").map(|k| k.kind),
            Some(Kind::Number)
        );
        assert_eq!(
            at(ENTRY, "recommendations.status").map(|k| k.required),
            Some(true)
        );
        assert!(at(REPORT, "document.nope").is_none());
    }

    #[test]
    fn the_placeholders_are_the_required_values_of_required_tables() {
        let filled: Vec<String> = filled_in_report().map(|(k, _)| k).collect();
        assert_eq!(
            filled,
            [
                "meeting.name",
                "meeting.place_and_dates",
                "document.number",
                "document.language",
                "document.date",
                "document.language_line",
                "document.title",
                "summary.text",
                "summary.references"
            ]
        );
        for table in REPORT.iter().filter(|t| t.required) {
            for k in table.kind.keys().unwrap_or(&[]) {
                assert_eq!(k.required, k.hint.is_some(), "{}.{}", table.name, k.name);
            }
        }
    }
}
