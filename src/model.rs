//! The checked report: what renderers read. The only way to get a [`Report`] is through
//! [`crate::check::check`], so every value here has been validated; renderers neither see
//! TOML nor re-check anything.
//!
//! A report.toml value `import` could not find is a placeholder (`"TODO: …"`): `check`
//! warns about it (W005) and lets it through as [`Filled::Placeholder`], so a draft can
//! be built. Renderers print a placeholder's text as it is, where the value would be, so
//! a draft never passes for a finished report; the output files are then named
//! [`DRAFT_FILE_STEM`], and the DOCX timestamps fall back to [`DRAFT_TIMESTAMP`].

use std::borrow::Cow;
use std::fmt;

use serde::Serialize;

use crate::dates::Date;
use crate::diag::DisplayPath;
use crate::locale::{Language, Locale};
use crate::markup::Markup;
use crate::number::SectionNumber;

/// A whole report, entries in section-number order, in one language.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub meta: Meta,
    pub entries: Vec<Entry>,
    /// One line per warning `check` raised (`entries/2/2.7.toml:3:5: W002 …`), for the digest.
    pub warnings: Vec<String>,
    /// The language it is written in, with the labels and date rules renderers print.
    pub locale: Locale,
}

impl Report {
    /// Pieces still in English in a translated report (their translation is missing):
    /// while there are any, the report is a draft.
    pub fn untranslated(&self) -> usize {
        let entries: usize = self
            .entries
            .iter()
            .map(|e| usize::from(e.untranslated_title) + e.text.untranslated.len())
            .sum();
        let summary = &self.meta.summary;
        let markups = [
            summary.text.value(),
            summary.action.as_ref(),
            summary.references.value(),
        ]
        .into_iter()
        .flatten()
        .map(|m| m.untranslated.len())
        .sum::<usize>();
        entries + markups + self.meta.untranslated.len()
    }
}

/// The stem of the output files while the document number or language is a placeholder:
/// `out/report-draft.docx`. A fixed name, so a draft never takes the name of a real
/// document and a rebuild replaces the previous draft.
pub const DRAFT_FILE_STEM: &str = "report-draft";

/// The DOCX timestamps (zip entries and docProps) while the document date is a placeholder
/// and `SOURCE_DATE_EPOCH` is not set: 1980-01-01T00:00:00Z, the earliest time a zip
/// entry can hold, so the file stays byte-identical from one build to the next.
pub const DRAFT_TIMESTAMP: i64 = 315_532_800;

/// A required report.toml value, or the placeholder left in its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Filled<T> {
    Value(T),
    /// The placeholder as written (`TODO: the meeting, such as Council 2018`).
    Placeholder(String),
}

impl<T> Filled<T> {
    /// The value, unless it is still a placeholder.
    pub fn value(&self) -> Option<&T> {
        match self {
            Filled::Value(v) => Some(v),
            Filled::Placeholder(_) => None,
        }
    }

    /// The value to change (a translation replaces it), unless it is a placeholder.
    pub fn value_mut(&mut self) -> Option<&mut T> {
        match self {
            Filled::Value(v) => Some(v),
            Filled::Placeholder(_) => None,
        }
    }

    pub fn is_placeholder(&self) -> bool {
        matches!(self, Filled::Placeholder(_))
    }
}

/// The value as printed, or the placeholder's text.
impl<T: fmt::Display> fmt::Display for Filled<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Filled::Value(v) => v.fmt(f),
            Filled::Placeholder(p) => f.write_str(p),
        }
    }
}

impl Filled<String> {
    /// The text to print: the value or the placeholder.
    pub fn as_str(&self) -> &str {
        match self {
            Filled::Value(v) | Filled::Placeholder(v) => v,
        }
    }
}

impl Filled<Markup> {
    /// The text to print: the value, or the placeholder as one plain paragraph.
    pub fn markup(&self) -> Cow<'_, Markup> {
        match self {
            Filled::Value(m) => Cow::Borrowed(m),
            Filled::Placeholder(p) => Cow::Owned(Markup::plain_text(p)),
        }
    }
}

/// Everything `report.toml` says about the report as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meta {
    /// `Council 2018`
    pub meeting: Filled<String>,
    /// `Geneva, 17-27 April 2018`
    pub place_and_dates: Filled<String>,
    /// `C18/33`
    pub number: Filled<String>,
    /// `E`
    pub language: Filled<String>,
    /// The date the header block prints: `document.date`, or in a revision the
    /// revision's date.
    pub date: Filled<Date>,
    /// `[revision]`: this report is Rev.N of the issued document.
    pub revision: Option<Revision>,
    /// `Original: English` or `English only`
    pub language_line: Filled<String>,
    /// `PL 2`
    pub agenda_item: Option<String>,
    /// `Report by the Secretary-General`
    pub source: Option<String>,
    /// As written in report.toml; renderers print it in capitals.
    pub title: Filled<String>,
    /// The core-properties author of the DOCX.
    pub creator: String,
    pub resolutions: Vec<u32>,
    pub summary: Summary,
    pub period: Option<Period>,
    pub layout: Layout,
    /// The file it came from (`entries/report.toml`), for the HTML preview's source notes.
    pub file: DisplayPath,
    /// In a translated report, the report.toml keys of plain values still in English
    /// (`meeting.name`, `document.title` …): renderers highlight them.
    pub untranslated: Vec<&'static str>,
    /// report.toml's `[labels.X]`: the labels this report words otherwise than the
    /// locale table, by language and label name.
    pub labels:
        std::collections::BTreeMap<Language, std::collections::BTreeMap<&'static str, String>>,
    /// report.toml's `[check]`: the warnings it allows or denies.
    pub levels: crate::diag::Levels,
}

impl Meta {
    /// The language report.toml's `language` names (`E` …); English when it is a
    /// placeholder or another letter.
    pub fn source_language(&self) -> Language {
        self.language
            .value()
            .and_then(|l| Language::parse(l))
            .unwrap_or(Language::E)
    }

    /// The locale of `language` with this report's own labels.
    pub fn locale(&self, language: Language) -> Locale {
        let mut locale = Locale::new(language);
        for (name, text) in self.labels.get(&language).into_iter().flatten() {
            if let Some(slot) = locale.labels.field_mut(name) {
                slot.clone_from(text);
            }
        }
        locale
    }

    /// Whether the value of `key` is still in English in a translated report.
    pub fn is_untranslated(&self, key: &str) -> bool {
        self.untranslated.contains(&key)
    }

    /// `C18/33-E`, `C18/33(Rev.1)-E` in a revision: the number as the first page and the
    /// running header print it. With a
    /// placeholder for the number, the placeholder alone (a language suffix after it
    /// would read as part of it).
    pub fn full_number(&self) -> String {
        match &self.number {
            Filled::Value(n) => format!(
                "{n}{}-{}",
                self.revision_suffix("(Rev.", ")"),
                self.language
            ),
            Filled::Placeholder(p) => p.clone(),
        }
    }

    /// `(Rev.1)` (`prefix`, the number, `suffix`) in a revision, else nothing.
    fn revision_suffix(&self, prefix: &str, suffix: &str) -> String {
        self.revision
            .as_ref()
            .map(|r| format!("{prefix}{}{suffix}", r.number))
            .unwrap_or_default()
    }

    /// `C18-33-E`, `C18-33-Rev1-E` in a revision: the stem of the output files (a `/`
    /// cannot be in a file name); [`DRAFT_FILE_STEM`] while the number or the language
    /// is a placeholder.
    pub fn file_stem(&self) -> String {
        let (Filled::Value(number), Filled::Value(language)) = (&self.number, &self.language)
        else {
            return DRAFT_FILE_STEM.to_owned();
        };
        let revision = self.revision_suffix("-Rev", "");
        format!("{number}{revision}-{language}")
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                    c
                } else {
                    '-'
                }
            })
            .collect()
    }

    /// The title as printed: in capitals; a placeholder as written, since it is not a
    /// title but a note to the drafter.
    pub fn printed_title(&self) -> String {
        match &self.title {
            Filled::Value(t) => t.to_uppercase(),
            Filled::Placeholder(p) => p.clone(),
        }
    }

    /// The report.toml keys still holding a placeholder (`meeting.name`), in report.toml's
    /// order: the report is a draft while there is any.
    pub fn placeholders(&self) -> Vec<String> {
        crate::raw::shape::filled_in_report()
            .map(|(key, _)| key)
            .filter(|key| self.is_placeholder(key))
            .collect()
    }

    /// Whether the report.toml value at `key` (`meeting.name`) is a placeholder.
    fn is_placeholder(&self, key: &str) -> bool {
        match key {
            "meeting.name" => self.meeting.is_placeholder(),
            "meeting.place_and_dates" => self.place_and_dates.is_placeholder(),
            "document.number" => self.number.is_placeholder(),
            "document.language" => self.language.is_placeholder(),
            "document.date" => self.date.is_placeholder(),
            "document.language_line" => self.language_line.is_placeholder(),
            "document.title" => self.title.is_placeholder(),
            "summary.text" => self.summary.text.is_placeholder(),
            "summary.references" => self.summary.references.is_placeholder(),
            _ => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub text: Filled<Markup>,
    pub action: Option<Markup>,
    pub references: Filled<Markup>,
}

/// A revision of the issued document (`[revision]` in report.toml).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Revision {
    /// 1 for `Rev.1`.
    pub number: u32,
    /// Its date, which [`Meta::date`] also holds.
    pub date: Date,
    /// Who the tracked changes are by (`ITU` unless report.toml says otherwise).
    pub author: String,
}

/// The reporting period; event dates lie inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub start: Date,
    pub end: Date,
}

/// Page and typography settings, defaults from COUNCIL-FORMAT.md. Lengths in twips
/// (1/20 pt; 567 twips = 1 cm), font sizes in points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Layout {
    pub font: String,
    pub font_size_pt: u32,
    pub margins: Margins,
    /// Header and footer distances from the page edge.
    pub header_distance: u32,
    pub footer_distance: u32,
    /// Tab stops of Normal; the first is also the hanging indent of headings.
    pub tab_stops: Vec<u32>,
    /// The first-page footer link; `None` for no footer.
    pub footer: Option<String>,
    pub logo: Option<Logo>,
    /// Level-1 numbers carry a period (`2.<TAB>Activities…`), as the reference report does.
    pub top_level_period: bool,
    /// The References text of the Summary box in italics.
    pub references_italic: bool,
    /// The font of each language where it is not `font`: the East Asian font of Chinese
    /// (`w:eastAsia`), the complex-script font of Arabic (`w:cs`), or the whole
    /// document's font of another language.
    pub fonts: std::collections::BTreeMap<Language, String>,
}

impl Layout {
    /// The font of `language`'s own script: its entry in `fonts`, else `font`.
    pub fn font_of(&self, language: Language) -> &str {
        self.fonts.get(&language).unwrap_or(&self.font)
    }
}

/// The fonts a Council editor expects in the Arabic and Chinese versions: Traditional
/// Arabic and SimSun, as in the Union's Arabic and Chinese document templates; the other
/// languages use the document's font (Calibri has Latin and Cyrillic).
pub fn default_fonts() -> std::collections::BTreeMap<Language, String> {
    [
        (Language::A, "Traditional Arabic".to_owned()),
        (Language::C, "SimSun".to_owned()),
    ]
    .into_iter()
    .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Margins {
    pub top: u32,
    pub right: u32,
    pub bottom: u32,
    pub left: u32,
}

impl Default for Layout {
    fn default() -> Self {
        Self {
            font: "Calibri".into(),
            font_size_pt: 12,
            margins: Margins {
                top: 1134,
                right: 1134,
                bottom: 1134,
                left: 1134,
            },
            header_distance: 425,
            footer_distance: 709,
            tab_stops: vec![567, 1134, 1701, 2268, 2835],
            footer: Some("http://www.itu.int/council".into()),
            logo: None,
            top_level_period: true,
            references_italic: true,
            fonts: default_fonts(),
        }
    }
}

/// A logo image read (and checked) from inside the entries folder.
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct Logo {
    /// File name inside the DOCX (`logo.png`).
    pub name: String,
    #[serde(skip)]
    pub bytes: Vec<u8>,
    pub format: ImageFormat,
    /// Pixel size, for the aspect ratio.
    pub width_px: u32,
    pub height_px: u32,
}

impl std::fmt::Debug for Logo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Logo({}, {} bytes, {}x{})",
            self.name,
            self.bytes.len(),
            self.width_px,
            self.height_px
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ImageFormat {
    Png,
    Jpeg,
}

/// One numbered item of the report. Comparable, so that `watch` renders again only the
/// entries that changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub number: SectionNumber,
    /// The `id` the drafter gave it, which matches it across versions (`build --against`).
    pub id: Option<String>,
    /// A titled entry is a heading (`3<TAB>IPv6`); its text follows un-numbered.
    pub title: Option<String>,
    pub sector: Option<Sector>,
    pub resolutions: Vec<u32>,
    pub text: Markup,
    pub recommendations: Vec<Recommendation>,
    pub event: Option<Event>,
    /// The file it came from, relative to the working directory (for tools and messages).
    pub file: DisplayPath,
    /// In a translated report, the title is still in English (its translation is
    /// missing): renderers highlight it.
    pub untranslated_title: bool,
}

impl Entry {
    pub fn is_heading(&self) -> bool {
        self.title.is_some()
    }

    /// An entry with a number, a file and a text of one plain paragraph, nothing else:
    /// what unit tests build their entries from.
    #[cfg(test)]
    pub(crate) fn plain(number: &str, file: &str, text: &str) -> Entry {
        Entry {
            number: number.parse().expect("a number"),
            id: None,
            title: None,
            sector: None,
            resolutions: Vec::new(),
            text: Markup::plain_text(text),
            recommendations: Vec::new(),
            event: None,
            file: file.into(),
            untranslated_title: false,
        }
    }
}

/// Who did the work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Sector {
    #[serde(rename = "ITU-T")]
    ItuT,
    #[serde(rename = "ITU-R")]
    ItuR,
    #[serde(rename = "ITU-D")]
    ItuD,
    /// The General Secretariat.
    #[serde(rename = "GS")]
    Gs,
}

impl Sector {
    pub const ALL: [Sector; 4] = [Sector::ItuT, Sector::ItuR, Sector::ItuD, Sector::Gs];

    pub fn as_str(self) -> &'static str {
        match self {
            Sector::ItuT => "ITU-T",
            Sector::ItuR => "ITU-R",
            Sector::ItuD => "ITU-D",
            Sector::Gs => "GS",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// A Recommendation the entry reports on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recommendation {
    /// `ITU-T Y.3071`
    pub id: String,
    pub title: String,
    pub status: Status,
    /// The sector of the id's prefix.
    pub sector: Sector,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Approved,
    Consented,
    Revised,
    Started,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Approved,
        Status::Consented,
        Status::Revised,
        Status::Started,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Approved => "approved",
            Status::Consented => "consented",
            Status::Revised => "revised",
            Status::Started => "started",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// A workshop, meeting or forum the entry reports on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub name: String,
    pub place: String,
    pub start: Date,
    /// `None` for a one-day event.
    pub end: Option<Date>,
}

impl Event {
    /// `17 to 19 July 2017`
    pub fn dates(&self) -> String {
        crate::dates::range(self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn todo<T>(what: &str) -> Filled<T> {
        Filled::Placeholder(format!("TODO: {what}"))
    }

    fn meta(number: Filled<String>, language: Filled<String>) -> Meta {
        Meta {
            meeting: Filled::Value("Council 2018".into()),
            place_and_dates: todo("the place"),
            number,
            language,
            date: todo("the date"),
            revision: None,
            language_line: Filled::Value("Original: English".into()),
            agenda_item: None,
            source: None,
            title: todo("the title"),
            creator: "ITU".into(),
            resolutions: Vec::new(),
            summary: Summary {
                text: Filled::Value(Markup::plain_text("A summary.")),
                action: None,
                references: todo("the References"),
            },
            period: None,
            layout: Layout::default(),
            file: "entries/report.toml".into(),
            untranslated: Vec::new(),
            labels: Default::default(),
            levels: Default::default(),
        }
    }

    #[test]
    fn a_placeholder_prints_as_written() {
        let m = meta(Filled::Value("C18/33".into()), Filled::Value("E".into()));
        assert_eq!(m.date.to_string(), "TODO: the date");
        assert_eq!(m.date.value(), None);
        assert_eq!(m.meeting.as_str(), "Council 2018");
        // Not in capitals: it is a note, not the title.
        assert_eq!(m.printed_title(), "TODO: the title");
        assert_eq!(
            m.summary.references.markup().plain_paragraphs(),
            ["TODO: the References"]
        );
        assert_eq!(
            m.placeholders(),
            [
                "meeting.place_and_dates",
                "document.date",
                "document.title",
                "summary.references"
            ]
        );
    }

    #[test]
    fn every_value_import_may_leave_is_a_field_here() {
        let mut m = meta(todo("n"), todo("l"));
        m.meeting = todo("m");
        m.language_line = todo("ll");
        m.summary.text = todo("t");
        let all: Vec<String> = crate::raw::shape::filled_in_report()
            .map(|(k, _)| k)
            .collect();
        assert_eq!(m.placeholders(), all);
    }

    #[test]
    fn file_names_of_a_draft() {
        let value = |s: &str| Filled::Value(s.to_owned());
        let m = meta(value("C18/33"), value("E"));
        assert_eq!(
            (m.full_number(), m.file_stem()),
            ("C18/33-E".into(), "C18-33-E".into())
        );
        let m = meta(todo("the number"), value("E"));
        assert_eq!(
            (m.full_number(), m.file_stem()),
            ("TODO: the number".into(), DRAFT_FILE_STEM.into())
        );
        let m = meta(value("C18/33"), todo("the language"));
        assert_eq!(
            (m.full_number(), m.file_stem()),
            ("C18/33-TODO: the language".into(), DRAFT_FILE_STEM.into())
        );
    }

    #[test]
    fn the_draft_timestamp_is_1980_01_01() {
        assert_eq!(
            crate::dates::Date::new(1980, 1, 1).map(|d| d.unix_seconds()),
            Some(DRAFT_TIMESTAMP)
        );
    }
}
