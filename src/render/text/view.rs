//! The view model: what `report.txt.j2` and `digest.txt.j2` see.
//!
//! Templates never see the raw TOML nor the [`Report`] itself but this documented,
//! serializable summary of it. Strings are pre-rendered where the rules are the
//! compiler's business (section labels with the level-1 period, links as `text (url)`,
//! dates in words), and the digest's groupings are computed here, in Rust, in a fixed
//! order, so a template only has to print. Every field is described in
//! `docs/template-fields.md`; keep the two in step.
//!
//! Body paragraphs follow the DOCX one for one: a heading is one paragraph
//! (`number<TAB>title`), an untitled entry's first paragraph carries its number
//! (`number<TAB>text`), later paragraphs and each list item are paragraphs of their own.

use serde::Serialize;

use super::digest;
pub use super::digest::{
    ResolutionView, SectionView, SectorCount, SectorCounts, SectorGroup, StatusGroup,
};
pub use super::entry_view::{
    EntryView, EventView, Paragraph, ParagraphKind, RecommendationView, body, inline_text,
};
use super::entry_view::{entry_view, plain_paragraphs};
use crate::locale::{Labels, Locale};
use crate::model::{Filled, Meta, Report};

pub use crate::render::conventions::{CLOSING_RULE, SUMMARY_RULE};

/// Everything a template can use. Top-level variables of both templates.
#[derive(Debug, Clone, Serialize)]
pub struct ViewModel {
    /// The report's language letter: `E`, `F`, `S`, `A`, `C` or `R`.
    pub language: &'static str,
    /// The boilerplate of that language (the locale table with report.toml's
    /// `[labels]`): `labels.summary` … (README, "Translations", lists them). Patterns
    /// hold `{}` where a value goes: `labels.document | fill(meta.document_number)`.
    pub labels: Labels,
    /// The report as a whole (header block, title, period).
    pub meta: MetaView,
    /// The Summary box.
    pub summary: SummaryView,
    /// Layout choices that show in plain text.
    pub layout: LayoutView,
    /// Every entry in section-number order, with its paragraphs.
    pub entries: Vec<EntryView>,
    /// Digest: one item per top-level section, in order.
    pub sections: Vec<SectionView>,
    /// Digest: entries of the whole report by sector.
    pub sectors: SectorCounts,
    /// Digest: structured Recommendations grouped by status, then sector.
    pub recommendations: Vec<StatusGroup>,
    /// Digest: the number of structured Recommendations.
    pub recommendation_count: usize,
    /// Digest: every event, sorted by start date (then end date, then entry order).
    pub events: Vec<EventView>,
    /// Digest: for each resolution of report.toml, in its order, the entries on it.
    pub resolutions: Vec<ResolutionView>,
    /// Digest: one line per warning `check` raised.
    pub warnings: Vec<String>,
    /// The line width asked for (`--wrap`), or none for one paragraph per line. Pass it
    /// to the `wrap` filter.
    pub wrap: Option<u32>,
}

/// From `report.toml`.
#[derive(Debug, Clone, Serialize)]
pub struct MetaView {
    /// `Council 2018`
    pub meeting: String,
    /// `Geneva, 17-27 April 2018`
    pub place_and_dates: String,
    /// `PL 2`, or none.
    pub agenda_item: Option<String>,
    /// `C18/33`
    pub number: String,
    /// `E`
    pub language: String,
    /// `C18/33-E`: the number with its language suffix.
    pub document_number: String,
    /// `C18-33-E`: the stem of the output files (`report-draft` while the number or the
    /// language is a placeholder).
    pub file_stem: String,
    /// `22 March 2018`, or the placeholder.
    pub date: String,
    /// `2018-03-22`, or none while the date is a placeholder.
    pub date_iso: Option<String>,
    /// `Original: English` or `English only`
    pub language_line: String,
    /// `Report by the Secretary-General`, or none.
    pub source: Option<String>,
    /// The title as written in report.toml.
    pub title: String,
    /// The title in capitals, as the report prints it (a placeholder as written).
    pub title_upper: String,
    /// The resolutions entries may refer to: `[101, 102, 133, 180]`.
    pub resolutions: Vec<u32>,
    /// The reporting period, or none.
    pub period: Option<PeriodView>,
    /// The report.toml keys still holding the placeholder `import` left
    /// (`document.date` …), in report.toml's order; empty unless the report is a draft.
    pub placeholders: Vec<String>,
    /// In a translated report, how many pieces of text (titles, paragraphs, list items,
    /// report.toml values) are still in English because their translation is missing;
    /// 0 otherwise. The report is a draft while there are any.
    pub untranslated: usize,
}

/// The reporting period.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodView {
    /// `15 February 2017`
    pub start: String,
    /// `31 July 2017`
    pub end: String,
    /// `2017-02-15`
    pub start_iso: String,
    /// `2017-07-31`
    pub end_iso: String,
    /// `15 February to 31 July 2017`
    pub text: String,
}

/// The Summary box; each part is a list of paragraphs (kind `text` or `item`).
#[derive(Debug, Clone, Serialize)]
pub struct SummaryView {
    pub text: Vec<Paragraph>,
    /// Empty when report.toml has no `action`.
    pub action: Vec<Paragraph>,
    pub references: Vec<Paragraph>,
}

/// Layout settings that show in plain text.
#[derive(Debug, Clone, Serialize)]
pub struct LayoutView {
    /// Level-1 numbers carry a period (`2.`).
    pub top_level_period: bool,
    /// The footer link (`http://www.itu.int/council`), or none.
    pub footer: Option<String>,
    /// `• http://www.itu.int/council •`, or none.
    pub footer_line: Option<String>,
    /// The Summary box's short rule (12 underscores).
    pub summary_rule: String,
    /// The closing line (18 underscores).
    pub closing_rule: String,
}

impl ViewModel {
    /// Builds the view of `report`; `wrap` is the line width asked for, if any.
    pub fn new(report: &Report, wrap: Option<u32>) -> Self {
        let meta = &report.meta;
        let locale = &report.locale;
        let top_period = meta.layout.top_level_period;
        let entries: Vec<EntryView> = report
            .entries
            .iter()
            .map(|e| entry_view(e, top_period, locale))
            .collect();
        let recommendation_count = entries.iter().map(|e| e.recommendations.len()).sum();
        ViewModel {
            language: locale.language.letter(),
            labels: locale.labels.clone(),
            meta: meta_view(meta, locale, report.untranslated()),
            summary: SummaryView {
                text: plain_paragraphs(&meta.summary.text.markup()),
                action: meta
                    .summary
                    .action
                    .as_ref()
                    .map(plain_paragraphs)
                    .unwrap_or_default(),
                references: plain_paragraphs(&meta.summary.references.markup()),
            },
            layout: LayoutView {
                top_level_period: top_period,
                footer: meta.layout.footer.clone(),
                footer_line: meta
                    .layout
                    .footer
                    .as_ref()
                    .map(|url| crate::locale::fill(&locale.labels.footer, url)),
                summary_rule: SUMMARY_RULE.into(),
                closing_rule: CLOSING_RULE.into(),
            },
            sections: digest::sections(&report.entries, top_period),
            sectors: digest::sector_counts(report.entries.iter()),
            recommendations: digest::recommendation_groups(&entries, &locale.labels),
            recommendation_count,
            events: digest::events(&entries),
            resolutions: digest::resolutions(&meta.resolutions, &report.entries),
            warnings: report.warnings.clone(),
            entries,
            wrap,
        }
    }
}

fn meta_view(meta: &Meta, locale: &Locale, untranslated: usize) -> MetaView {
    MetaView {
        meeting: meta.meeting.to_string(),
        place_and_dates: meta.place_and_dates.to_string(),
        agenda_item: meta.agenda_item.clone(),
        number: meta.number.to_string(),
        language: meta.language.to_string(),
        document_number: meta.full_number(),
        file_stem: meta.file_stem(),
        date: match &meta.date {
            Filled::Value(d) => locale.date(*d),
            Filled::Placeholder(p) => p.clone(),
        },
        date_iso: meta.date.value().map(|d| d.iso()),
        language_line: meta.language_line.to_string(),
        source: meta.source.clone(),
        title: meta.title.to_string(),
        title_upper: meta.printed_title(),
        resolutions: meta.resolutions.clone(),
        period: meta.period.map(|p| PeriodView {
            start: locale.date(p.start),
            end: locale.date(p.end),
            start_iso: p.start.iso(),
            end_iso: p.end.iso(),
            text: locale.date_range(p.start, Some(p.end)),
        }),
        placeholders: meta.placeholders(),
        untranslated,
    }
}
