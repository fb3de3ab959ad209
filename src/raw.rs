//! The files as written: serde types with `deny_unknown_fields` and spans on every value.
//!
//! Nothing here is validated beyond TOML's own types; [`crate::check`] turns these into the
//! checked [`crate::model`] types. Spans are byte ranges in the file's text, used to point
//! diagnostics at the exact value.
//!
//! The same types derive the JSON Schema that editors use (`council-report schema`), so the
//! doc comments on fields are also the hover text in an editor and the schema cannot drift
//! from what the loader accepts. `Spanned<T>` and TOML dates have no JSON shape of their
//! own: `schemars(with = …)` names the shape they have in a TOML file. [`shape`] lists
//! the same keys table by table, for the loader's messages, `fmt` and the writers; a test
//! holds it equal to the schema.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

mod levels;
pub mod shape;
mod toml_dates;

pub use levels::RawLevels;
use toml_dates::{DateOrPlaceholder, TomlDate};

/// How a placeholder starts: `import` writes `"TODO: …"` for a report.toml value it did
/// not find, and `check` warns about every one left (W005).
pub const PLACEHOLDER_PREFIX: &str = "TODO";

/// The text of the entry `new` writes: a placeholder (W005), so that a paragraph nobody
/// wrote never reaches the Council unnoticed.
pub const SKELETON_TEXT: &str = "TODO: write the paragraph here.";

/// The words of [`SKELETON_TEXT`] that stay recognisable once its `TODO:` is gone or
/// other words are written around it (W011).
pub const SKELETON_SENTENCE: &str = "write the paragraph here";

/// What `new` shows as the value of the keys it comments out (`# title = "…"`): one left
/// in, uncommented, is W011 (W012 for a Recommendation's title).
pub const SKELETON_VALUE: &str = "…";
/// The comment `import` writes above a value it guessed (`# import: title guessed from
/// the line after the source line`); `check` warns about each one left (W014).
pub const GUESS_COMMENT: &str = "# import:";

/// Whether a report.toml value is a placeholder left to fill in.
pub fn is_placeholder(value: &str) -> bool {
    value.starts_with(PLACEHOLDER_PREFIX)
}

/// One entry file: one numbered paragraph of the report.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "council-report entry")]
pub struct RawEntry {
    /// The section number: 1 to 4 positive integers joined by dots, such as "2.9" or "2.9.1".
    /// It decides the order of the report; file names do not.
    #[schemars(with = "String", extend("pattern" = NUMBER_PATTERN))]
    pub number: Spanned<String>,
    /// A name for the entry that stays when it is renumbered, moved or its file renamed:
    /// `build --against` matches the entries of two versions by it first (else by file
    /// name, else by text). Letters, digits and - _ . : ; unique in the report.
    #[schemars(with = "Option<String>", extend("pattern" = ID_PATTERN))]
    pub id: Option<Spanned<String>>,
    /// Makes the entry a heading ("3.<TAB>IPv6").
    #[schemars(with = "Option<String>")]
    pub title: Option<Spanned<String>>,
    /// The ITU Sector the work belongs to.
    #[schemars(with = "Option<String>", extend("enum" = ["ITU-T", "ITU-R", "ITU-D", "GS"]))]
    pub sector: Option<Spanned<String>>,
    /// The Plenipotentiary Resolutions the entry reports on; each must be among report.toml's
    /// `document.resolutions`.
    #[schemars(with = "Option<Vec<i64>>")]
    pub resolutions: Option<Vec<Spanned<i64>>>,
    /// The paragraph. The first paragraph carries the number unless the entry has a title;
    /// a blank line starts a new paragraph. Inline markup: *italic*, **bold**, [links](https://…)
    /// and "- " bullet lists.
    #[schemars(with = "Option<String>")]
    pub text: Option<Spanned<String>>,
    /// Recommendations reported, one `[[recommendations]]` table each; every id must appear
    /// in the text.
    #[serde(default)]
    #[schemars(with = "Option<Vec<RawRecommendation>>")]
    pub recommendations: Vec<Spanned<RawRecommendation>>,
    /// A workshop, meeting or forum; its dates must fall inside the reporting period.
    #[schemars(with = "Option<RawEvent>")]
    pub event: Option<Spanned<RawEvent>>,
}

/// What a section number looks like, for editors (the loader says why one is wrong).
pub const NUMBER_PATTERN: &str = r"^[1-9][0-9]*(\.[1-9][0-9]*){0,3}$";

/// What an entry's `id` looks like (the check says why one is wrong).
pub const ID_PATTERN: &str = r"^[A-Za-z0-9][A-Za-z0-9._:-]*$";

/// A Recommendation the entry reports on.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRecommendation {
    /// Sector, space, series letter(s) and number: "ITU-T Y.3071", "ITU-R M.2083".
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The Recommendation's title, as published.
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    /// Where the Recommendation stands.
    #[schemars(with = "String", extend("enum" = ["approved", "consented", "revised", "started"]))]
    pub status: Spanned<String>,
}

/// A workshop, meeting or forum.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    /// The event's name.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// City and country: "Cairo, Egypt".
    #[schemars(with = "String")]
    pub place: Spanned<String>,
    /// The first day, a TOML date without quotes: 2017-04-02.
    #[schemars(with = "TomlDate")]
    pub start: Spanned<Datetime>,
    /// The last day, for an event of more than one day.
    #[schemars(with = "Option<TomlDate>")]
    pub end: Option<Spanned<Datetime>>,
}

/// `report.toml`: the report as a whole.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "council-report report.toml")]
pub struct RawReport {
    /// The first-page header block.
    pub meeting: RawMeeting,
    /// The document's number, date, title and the resolutions it reports on.
    pub document: RawDocument,
    /// Makes the report a revision of the issued document: "Document C18/33(Rev.1)-E",
    /// dated the revision's date. `build --against` then shows the changes since the
    /// issued version as tracked changes.
    #[schemars(with = "Option<RawRevision>")]
    pub revision: Option<Spanned<RawRevision>>,
    /// The Summary box.
    pub summary: RawSummary,
    /// The reporting period; event dates must fall inside it.
    #[schemars(with = "Option<RawPeriod>")]
    pub period: Option<Spanned<RawPeriod>>,
    /// Page and typography settings; all optional.
    #[serde(default)]
    #[schemars(with = "Option<RawLayout>")]
    pub layout: RawLayout,
    /// The boilerplate of each language where this report words it otherwise than the
    /// built-in table: `[labels.F]` then `summary = "Résumé"` …
    #[serde(default)]
    #[schemars(with = "Option<RawLabels>")]
    pub labels: RawLabels,
    /// Lint levels, as clippy has them: `W002 = "allow"` stops reporting straight
    /// quotes, `W010 = "deny"` makes a TAB in a text an error that stops the build;
    /// `"warn"` is the default. Any warning's code may be set, no error's.
    #[serde(default)]
    #[schemars(with = "Option<RawLevels>")]
    pub check: RawLevels,
}

/// Label overrides by language (`E`, `F`, `S`, `A`, `C`, `R`).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLabels {
    /// English.
    #[serde(rename = "E")]
    #[schemars(with = "Option<RawLabelSet>")]
    pub e: Option<Spanned<RawLabelSet>>,
    /// French.
    #[serde(rename = "F")]
    #[schemars(with = "Option<RawLabelSet>")]
    pub f: Option<Spanned<RawLabelSet>>,
    /// Spanish.
    #[serde(rename = "S")]
    #[schemars(with = "Option<RawLabelSet>")]
    pub s: Option<Spanned<RawLabelSet>>,
    /// Arabic.
    #[serde(rename = "A")]
    #[schemars(with = "Option<RawLabelSet>")]
    pub a: Option<Spanned<RawLabelSet>>,
    /// Chinese.
    #[serde(rename = "C")]
    #[schemars(with = "Option<RawLabelSet>")]
    pub c: Option<Spanned<RawLabelSet>>,
    /// Russian.
    #[serde(rename = "R")]
    #[schemars(with = "Option<RawLabelSet>")]
    pub r: Option<Spanned<RawLabelSet>>,
}

impl RawLabels {
    /// Each language's overrides, in the order of `Language::ALL`.
    pub fn by_language(&self) -> [(crate::locale::Language, Option<&Spanned<RawLabelSet>>); 6] {
        use crate::locale::Language;
        [
            (Language::E, self.e.as_ref()),
            (Language::F, self.f.as_ref()),
            (Language::S, self.s.as_ref()),
            (Language::A, self.a.as_ref()),
            (Language::C, self.c.as_ref()),
            (Language::R, self.r.as_ref()),
        ]
    }
}

/// Declares the label set: one optional string per field of the locale table, so that a
/// misspelt label is an unknown key with the closest known one, as anywhere else.
macro_rules! label_set {
    ($($(#[doc = $doc:literal])* $field:ident,)*) => {
        /// Labels of one language; each replaces the built-in table's wording (README,
        /// "Translations", lists them). `{}` marks where a value goes.
        #[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct RawLabelSet {
            $(
                $(#[doc = $doc])*
                #[schemars(with = "Option<String>")]
                pub $field: Option<Spanned<String>>,
            )*
        }

        impl RawLabelSet {
            /// The labels given, with their names.
            pub fn given(&self) -> Vec<(&'static str, &Spanned<String>)> {
                let mut out = Vec::new();
                $(
                    if let Some(v) = &self.$field {
                        out.push((stringify!($field), v));
                    }
                )*
                out
            }
        }
    };
}

label_set! {
    /// "Agenda item: {}"
    agenda_item,
    /// "Document {}"
    document,
    /// The language line of a translation of an English original: "Original: anglais".
    original,
    /// "Summary"
    summary,
    /// "Action required"
    action_required,
    /// "References"
    references,
    /// The running header's page line: "- {} -".
    page,
    /// The first-page footer around its link: "• {} •".
    footer,
    /// The digest's title: "Digest of Document {}".
    digest,
    /// "Reporting period: {}"
    reporting_period,
    /// "Entries by section ({} in all)"
    entries_by_section,
    /// "(untitled)"
    untitled,
    /// "Entries by sector"
    entries_by_sector,
    /// "No sector"
    no_sector,
    /// "Recommendations ({})"
    recommendations,
    /// "Approved"
    approved,
    /// "Consented"
    consented,
    /// "Revised"
    revised,
    /// "Started"
    started,
    /// "None."
    none,
    /// "Events ({})"
    events,
    /// "Resolutions"
    resolutions,
    /// "Resolution {}"
    resolution,
    /// "no entry"
    no_entry,
    /// "Warnings ({})"
    warnings,
    /// "DRAFT: report.toml still holds placeholders for {}"
    draft_placeholders,
    /// "DRAFT: pieces of text not translated yet (printed in English, highlighted): {}"
    draft_untranslated,
    /// The digest's list of changes in a revision: its title, "Changes since Document {}".
    changes_since,
    /// "No changes."
    changes_none,
    /// "first page: {} revised", `{}` the parts of the first page that changed.
    changes_first_page,
    /// An entry's old number: "(was {})".
    changes_was,
    /// One changed entry: "{} {}: {}", its numbers, what happened and its title.
    changes_line,
    /// "added"
    changes_added,
    /// "removed"
    changes_removed,
    /// "revised ({})", `{}` the parts that changed.
    changes_revised,
    /// "renumbered"
    changes_renumbered,
    /// "moved"
    changes_moved,
    /// After renumbered or moved: ", {} revised".
    changes_also_revised,
    /// The closing line: "{} changed: {}.", the count of entries and the counts by kind.
    changes_total,
    /// "{} added"
    changes_count_added,
    /// "{} removed"
    changes_count_removed,
    /// "{} revised"
    changes_count_revised,
    /// "{} renumbered"
    changes_count_renumbered,
    /// "{} moved"
    changes_count_moved,
    /// Between the items of a list of changes: ", ".
    changes_separator,
    /// A part that changed, in the list of changes: "title".
    part_title,
    /// "text"
    part_text,
    /// "sector"
    part_sector,
    /// "resolutions"
    part_resolutions,
    /// "Recommendations"
    part_recommendations,
    /// "event"
    part_event,
    /// "meeting"
    part_meeting,
    /// "place and dates"
    part_place_and_dates,
    /// "agenda item"
    part_agenda_item,
    /// "language line"
    part_language_line,
    /// "source"
    part_source,
    /// "reporting period"
    part_reporting_period,
}

/// The first-page header block.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMeeting {
    /// "Council 2018": the first line of the header block, bold.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// "Geneva, 17-27 April 2018".
    #[schemars(with = "String")]
    pub place_and_dates: Spanned<String>,
}

/// The document's identity.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    /// "C18/33", printed "Document C18/33-E".
    #[schemars(with = "String")]
    pub number: Spanned<String>,
    /// The suffix after the number: "E".
    #[schemars(with = "String")]
    pub language: Spanned<String>,
    /// The document's date, a TOML date without quotes: 2018-03-22. `import` writes a
    /// "TODO: …" placeholder when it finds none (check warns, W005).
    #[schemars(with = "DateOrPlaceholder")]
    pub date: Spanned<RawDate>,
    /// "Original: English" or "English only".
    #[schemars(with = "String")]
    pub language_line: Spanned<String>,
    /// "PL 2".
    #[schemars(with = "Option<String>")]
    pub agenda_item: Option<Spanned<String>>,
    /// "Report by the Secretary-General".
    #[schemars(with = "Option<String>")]
    pub source: Option<Spanned<String>>,
    /// The title, as written; it is printed in capitals.
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    /// The DOCX author.
    #[schemars(with = "Option<String>")]
    pub creator: Option<Spanned<String>>,
    /// The resolutions entries may refer to.
    #[serde(default)]
    #[schemars(with = "Option<Vec<i64>>")]
    pub resolutions: Vec<Spanned<i64>>,
}

/// A revision of the issued document.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRevision {
    /// 1 for "Document C18/33(Rev.1)-E", 2 for Rev.2.
    #[schemars(with = "i64", extend("minimum" = 1, "maximum" = 99))]
    pub number: Spanned<i64>,
    /// The revision's date, a TOML date: 2018-04-12. The header block prints it instead of
    /// `document.date`, and every tracked change carries it.
    #[schemars(with = "TomlDate")]
    pub date: Spanned<Datetime>,
    /// Who the tracked changes are by, as Word shows them; default "ITU".
    #[schemars(with = "Option<String>")]
    pub author: Option<Spanned<String>>,
}

/// The Summary box.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSummary {
    /// What the report is about.
    #[schemars(with = "String")]
    pub text: Spanned<String>,
    /// "The Council is invited to take note of this report."
    #[schemars(with = "Option<String>")]
    pub action: Option<Spanned<String>>,
    /// The documents the report refers to.
    #[schemars(with = "String")]
    pub references: Spanned<String>,
}

/// The reporting period.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod {
    /// The first day, a TOML date: 2017-02-15.
    #[schemars(with = "TomlDate")]
    pub start: Spanned<Datetime>,
    /// The last day, a TOML date: 2017-12-31.
    #[schemars(with = "TomlDate")]
    pub end: Spanned<Datetime>,
}

/// Page and typography settings; defaults follow the Council format.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLayout {
    /// The font of the whole document: "Calibri".
    #[schemars(with = "Option<String>")]
    pub font: Option<Spanned<String>>,
    /// The body font size in points.
    #[schemars(with = "Option<i64>")]
    pub font_size: Option<Spanned<i64>>,
    /// Page margins in millimetres.
    #[schemars(with = "Option<RawMargins>")]
    pub margins: Option<Spanned<RawMargins>>,
    /// Tab stops in millimetres from the left margin.
    #[schemars(with = "Option<Vec<f64>>")]
    pub tab_stops: Option<Spanned<Vec<Spanned<f64>>>>,
    /// The first-page footer link; "" for none.
    #[schemars(with = "Option<String>")]
    pub footer: Option<Spanned<String>>,
    /// A PNG or JPEG file, relative to the entries folder.
    #[schemars(with = "Option<String>")]
    pub logo: Option<Spanned<String>>,
    /// "2.<TAB>Heading": level-1 numbers carry a period.
    #[schemars(with = "Option<bool>")]
    pub top_level_period: Option<Spanned<bool>>,
    /// The References text of the Summary box in italics.
    #[schemars(with = "Option<bool>")]
    pub references_italic: Option<Spanned<bool>>,
    /// The font of a language's own script, by language letter: the East Asian font of
    /// Chinese, the complex-script font of Arabic, the whole document's font of the
    /// others. Default: { A = "Traditional Arabic", C = "SimSun" }.
    #[schemars(with = "Option<RawFonts>")]
    pub fonts: Option<Spanned<RawFonts>>,
}

/// Fonts by language letter.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFonts {
    /// English.
    #[serde(rename = "E")]
    #[schemars(with = "Option<String>")]
    pub e: Option<Spanned<String>>,
    /// French.
    #[serde(rename = "F")]
    #[schemars(with = "Option<String>")]
    pub f: Option<Spanned<String>>,
    /// Spanish.
    #[serde(rename = "S")]
    #[schemars(with = "Option<String>")]
    pub s: Option<Spanned<String>>,
    /// Arabic: the complex-script font (`w:cs`).
    #[serde(rename = "A")]
    #[schemars(with = "Option<String>")]
    pub a: Option<Spanned<String>>,
    /// Chinese: the East Asian font (`w:eastAsia`).
    #[serde(rename = "C")]
    #[schemars(with = "Option<String>")]
    pub c: Option<Spanned<String>>,
    /// Russian.
    #[serde(rename = "R")]
    #[schemars(with = "Option<String>")]
    pub r: Option<Spanned<String>>,
}

impl RawFonts {
    /// The fonts given, by language.
    pub fn given(&self) -> Vec<(crate::locale::Language, &Spanned<String>)> {
        use crate::locale::Language;
        [
            (Language::E, &self.e),
            (Language::F, &self.f),
            (Language::S, &self.s),
            (Language::A, &self.a),
            (Language::C, &self.c),
            (Language::R, &self.r),
        ]
        .into_iter()
        .filter_map(|(l, f)| Some((l, f.as_ref()?)))
        .collect()
    }
}

/// Page margins in millimetres.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMargins {
    /// Millimetres.
    #[schemars(with = "f64")]
    pub top: Spanned<f64>,
    /// Millimetres.
    #[schemars(with = "f64")]
    pub right: Spanned<f64>,
    /// Millimetres.
    #[schemars(with = "f64")]
    pub bottom: Spanned<f64>,
    /// Millimetres.
    #[schemars(with = "f64")]
    pub left: Spanned<f64>,
}

/// The document's date as written: a TOML date, or the placeholder `import` left.
///
/// Only a string starting with [`PLACEHOLDER_PREFIX`] is accepted besides a date; any
/// other string is the usual type error ("expected a TOML datetime"), so a date written
/// in quotes by hand is still caught.
#[derive(Debug, Clone, PartialEq)]
pub enum RawDate {
    Date(Datetime),
    Placeholder(String),
}

impl<'de> Deserialize<'de> for RawDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;

        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawDate;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                // The words of toml's own message, so the loader's help is the same.
                f.write_str("a TOML datetime")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawDate, E> {
                if is_placeholder(v) {
                    Ok(RawDate::Placeholder(v.to_owned()))
                } else {
                    Err(E::invalid_type(serde::de::Unexpected::Str(v), &self))
                }
            }

            // toml hands a datetime over as a one-key map, which `Datetime` reads.
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<RawDate, A::Error> {
                Datetime::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(RawDate::Date)
            }
        }

        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct Doc {
        date: RawDate,
    }

    fn date(value: &str) -> Result<RawDate, String> {
        toml::from_str::<Doc>(&format!("date = {value}\n"))
            .map(|d| d.date)
            .map_err(|e| e.message().to_owned())
    }

    #[test]
    fn a_date_or_a_placeholder() {
        assert_eq!(
            date("2018-03-22"),
            Ok(RawDate::Date("2018-03-22".parse().expect("a date")))
        );
        assert_eq!(
            date("\"TODO: the date\""),
            Ok(RawDate::Placeholder("TODO: the date".into()))
        );
        // A date-time is still a TOML datetime: the date rule (E018) refuses it later.
        assert!(matches!(date("2018-03-22T10:00:00"), Ok(RawDate::Date(_))));
    }

    #[test]
    fn any_other_value_is_the_usual_type_error() {
        for (value, found) in [
            ("\"2018-03-22\"", "string \"2018-03-22\""),
            ("\"todo\"", "string \"todo\""),
            ("\"\"", "string \"\""),
            ("20180322", "integer `20180322`"),
        ] {
            assert_eq!(
                date(value),
                Err(format!("invalid type: {found}, expected a TOML datetime")),
                "{value}"
            );
        }
    }

    #[test]
    fn placeholders_start_with_todo() {
        assert!(is_placeholder("TODO: the meeting"));
        assert!(is_placeholder("TODO"));
        assert!(!is_placeholder("todo: lower case"));
        assert!(!is_placeholder(" TODO"));
        assert!(!is_placeholder("Council 2018"));
    }
}
