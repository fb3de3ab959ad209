//! The files as written: serde types with `deny_unknown_fields` and spans on every value.
//!
//! Nothing here is validated beyond TOML's own types; [`crate::check`] turns these into the
//! checked [`crate::model`] types. Spans are byte ranges in the file's text, used to point
//! diagnostics at the exact value.

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

/// One entry file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntry {
    pub number: Spanned<String>,
    pub title: Option<Spanned<String>>,
    pub sector: Option<Spanned<String>>,
    pub resolutions: Option<Vec<Spanned<i64>>>,
    pub text: Option<Spanned<String>>,
    #[serde(default)]
    pub recommendations: Vec<Spanned<RawRecommendation>>,
    pub event: Option<Spanned<RawEvent>>,
}

/// The keys an entry may have, in canonical order (also the "did you mean" candidates).
pub const ENTRY_KEYS: &[&str] = &[
    "number",
    "title",
    "sector",
    "resolutions",
    "text",
    "recommendations",
    "event",
];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRecommendation {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub status: Spanned<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub name: Spanned<String>,
    pub place: Spanned<String>,
    pub start: Spanned<Datetime>,
    pub end: Option<Spanned<Datetime>>,
}

/// `report.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReport {
    pub meeting: RawMeeting,
    pub document: RawDocument,
    pub summary: RawSummary,
    pub period: Option<Spanned<RawPeriod>>,
    #[serde(default)]
    pub layout: RawLayout,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeeting {
    pub name: Spanned<String>,
    pub place_and_dates: Spanned<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    pub number: Spanned<String>,
    pub language: Spanned<String>,
    pub date: Spanned<Datetime>,
    pub language_line: Spanned<String>,
    pub agenda_item: Option<Spanned<String>>,
    pub source: Option<Spanned<String>>,
    pub title: Spanned<String>,
    pub creator: Option<Spanned<String>>,
    #[serde(default)]
    pub resolutions: Vec<Spanned<i64>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSummary {
    pub text: Spanned<String>,
    pub action: Option<Spanned<String>>,
    pub references: Spanned<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod {
    pub start: Spanned<Datetime>,
    pub end: Spanned<Datetime>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLayout {
    pub font: Option<Spanned<String>>,
    pub font_size: Option<Spanned<i64>>,
    /// Millimetres.
    pub margins: Option<Spanned<RawMargins>>,
    /// Millimetres from the left margin.
    pub tab_stops: Option<Spanned<Vec<Spanned<f64>>>>,
    /// The first-page footer link; `""` for none.
    pub footer: Option<Spanned<String>>,
    /// An image file relative to the entries folder.
    pub logo: Option<Spanned<String>>,
    pub top_level_period: Option<Spanned<bool>>,
    pub references_italic: Option<Spanned<bool>>,
}

/// Page margins in millimetres.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMargins {
    pub top: Spanned<f64>,
    pub right: Spanned<f64>,
    pub bottom: Spanned<f64>,
    pub left: Spanned<f64>,
}
