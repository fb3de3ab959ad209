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
use crate::dates::Date;
use crate::diag::DisplayPath;
use crate::locale::{Labels, Locale};
use crate::markup::{Block, Inline, Markup};
use crate::model::{Entry, Event, Filled, Meta, Report, Sector};
use crate::number::SectionNumber;

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
    pub placeholders: Vec<&'static str>,
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

/// What a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    /// A titled entry: `number<TAB>title`.
    Heading,
    /// The first paragraph of an untitled entry: `number<TAB>text`.
    Numbered,
    /// Any other paragraph.
    Text,
    /// A bullet list item: `–<TAB>text`, a TAB more per level.
    Item,
}

/// One paragraph of the DOCX, as plain text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    /// `heading`, `numbered`, `text` or `item`.
    pub kind: ParagraphKind,
    /// The printed number (`2.`, `2.1`) of a heading or numbered paragraph, else none.
    pub number: Option<String>,
    /// A heading's depth (1 for `2`, 2 for `2.1`); an item's list level (0 or 1); else 0.
    pub level: u8,
    /// The text without number or bullet; links as `text (url)`, no bold/italic marks.
    pub text: String,
    /// The whole line: `2.<TAB>Activities…`, `2.1<TAB>text`, `text`, `–<TAB>item`,
    /// `<TAB>–<TAB>item`.
    pub line: String,
    /// What continuation lines start with when wrapping (the second argument of `wrap`):
    /// TABs that align them under a heading's title or an item's text (as the hanging
    /// indents of the DOCX styles do), else empty.
    pub hang: String,
}

/// One entry (one TOML file).
#[derive(Debug, Clone, Serialize)]
pub struct EntryView {
    /// `2.9`, as in the entry file.
    pub number: String,
    /// `2.9`, or `2.` for a level-1 number when `layout.top_level_period`.
    pub label: String,
    /// 1 for `2`, 2 for `2.9`, 3 for `2.9.1`.
    pub depth: usize,
    /// The top-level section it belongs to: `2` for `2.9.1`.
    pub section: u32,
    /// The heading title, or none for a numbered paragraph.
    pub title: Option<String>,
    /// `ITU-T`, `ITU-R`, `ITU-D`, `GS`, or none.
    pub sector: Option<&'static str>,
    /// The resolutions it reports on.
    pub resolutions: Vec<u32>,
    /// The file it came from.
    pub file: DisplayPath,
    /// Its paragraphs, in order: the heading or numbered paragraph first.
    pub paragraphs: Vec<Paragraph>,
    /// Its structured Recommendations, in file order.
    pub recommendations: Vec<RecommendationView>,
    /// Its event, or none.
    pub event: Option<EventView>,
}

/// A structured Recommendation.
#[derive(Debug, Clone, Serialize)]
pub struct RecommendationView {
    /// `ITU-T Y.3071`
    pub id: String,
    pub title: String,
    /// `approved`, `consented`, `revised` or `started`.
    pub status: &'static str,
    /// The sector of the id: `ITU-T`, `ITU-R` or `ITU-D`.
    pub sector: &'static str,
    /// The number of the entry that reports it: `2.9`.
    pub entry: String,
}

/// An event.
#[derive(Debug, Clone, Serialize)]
pub struct EventView {
    pub name: String,
    /// `Cairo, Egypt`
    pub place: String,
    /// `2 April 2017`
    pub start: String,
    /// `3 April 2017`, or none for a one-day event.
    pub end: Option<String>,
    /// `2017-04-02`
    pub start_iso: String,
    /// `2017-04-03`, or none.
    pub end_iso: Option<String>,
    /// `2 to 3 April 2017`, `26 May 2017`
    pub dates: String,
    /// The number of the entry that reports it.
    pub entry: String,
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

/// Every body paragraph of the report, in order: what the DOCX body holds, one for one.
pub fn body(report: &Report) -> Vec<Paragraph> {
    let top_period = report.meta.layout.top_level_period;
    report
        .entries
        .iter()
        .flat_map(|e| entry_paragraphs(e, top_period))
        .collect()
}

/// `2.` for a level-1 number when the layout asks for the period, else `2`, `2.9`.
pub fn label(number: &SectionNumber, top_level_period: bool) -> String {
    crate::render::conventions::number_label(number, top_level_period)
}

/// The plain text of a run of inlines: styles dropped, links as `text (url)`.
pub fn inline_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(s) => out.push_str(&s.text),
            Inline::Link { url, parts } => {
                let text: String = parts.iter().map(|p| p.text.as_str()).collect();
                let bare = url.strip_prefix("mailto:").unwrap_or(url);
                // `<https://x>` or `[a@b.c](mailto:a@b.c)`: the text already is the address.
                if text.is_empty() {
                    out.push_str(bare);
                } else if text == *url || text == bare {
                    out.push_str(&text);
                } else {
                    out.push_str(&format!("{text} ({url})"));
                }
            }
        }
    }
    out
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

fn entry_view(entry: &Entry, top_period: bool, locale: &Locale) -> EntryView {
    let number = entry.number.to_string();
    EntryView {
        label: label(&entry.number, top_period),
        depth: entry.number.depth(),
        section: entry.number.top(),
        title: entry.title.clone(),
        sector: entry.sector.map(Sector::as_str),
        resolutions: entry.resolutions.clone(),
        file: entry.file.clone(),
        paragraphs: entry_paragraphs(entry, top_period),
        recommendations: entry
            .recommendations
            .iter()
            .map(|r| RecommendationView {
                id: r.id.clone(),
                title: r.title.clone(),
                status: r.status.as_str(),
                sector: r.sector.as_str(),
                entry: number.clone(),
            })
            .collect(),
        event: entry
            .event
            .as_ref()
            .map(|ev| event_view(ev, &number, locale)),
        number,
    }
}

fn event_view(ev: &Event, entry: &str, locale: &Locale) -> EventView {
    // A one-day event written with end = start prints, and is listed, as one day.
    let end: Option<Date> = ev.end.filter(|e| *e != ev.start);
    EventView {
        name: ev.name.clone(),
        place: ev.place.clone(),
        start: locale.date(ev.start),
        end: end.map(|d| locale.date(d)),
        start_iso: ev.start.iso(),
        end_iso: end.map(Date::iso),
        dates: locale.date_range(ev.start, ev.end),
        entry: entry.to_owned(),
    }
}

/// The paragraphs of one entry, as the DOCX has them.
fn entry_paragraphs(entry: &Entry, top_period: bool) -> Vec<Paragraph> {
    let number = label(&entry.number, top_period);
    let mut out = Vec::new();
    let mut text = plain_paragraphs(&entry.text);
    if let Some(title) = &entry.title {
        out.push(Paragraph {
            kind: ParagraphKind::Heading,
            line: format!("{number}\t{title}"),
            level: entry.number.depth() as u8,
            text: title.clone(),
            number: Some(number),
            // Headings have a hanging indent: a long title wraps under the title.
            hang: "\t".into(),
        });
    } else {
        match text.first_mut() {
            Some(first) if first.kind == ParagraphKind::Text => {
                first.kind = ParagraphKind::Numbered;
                first.line = format!("{number}\t{}", first.text);
                first.number = Some(number);
            }
            // The text opens with a list: the number stands alone on its paragraph, as the
            // DOCX writes it, and the items follow.
            _ => out.push(Paragraph {
                kind: ParagraphKind::Numbered,
                line: number.clone(),
                number: Some(number),
                level: 0,
                text: String::new(),
                hang: String::new(),
            }),
        }
    }
    out.append(&mut text);
    out
}

use crate::render::conventions::bullet;

/// Paragraphs (kind `text`) and list items (kind `item`) of a text, in order.
fn plain_paragraphs(markup: &Markup) -> Vec<Paragraph> {
    let mut out = Vec::new();
    for block in &markup.blocks {
        match block {
            Block::Paragraph { inlines } => {
                let text = inline_text(inlines);
                out.push(Paragraph {
                    kind: ParagraphKind::Text,
                    number: None,
                    level: 0,
                    line: text.clone(),
                    text,
                    hang: String::new(),
                });
            }
            Block::List { items } => {
                for item in items {
                    let text = inline_text(&item.inlines);
                    let indent = "\t".repeat(usize::from(item.level));
                    out.push(Paragraph {
                        kind: ParagraphKind::Item,
                        number: None,
                        level: item.level,
                        line: format!("{indent}{}\t{text}", bullet(item.level)),
                        text,
                        hang: format!("{indent}\t"),
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::{Styled, parse};

    fn link(text: &str, url: &str) -> Inline {
        Inline::Link {
            url: url.into(),
            parts: vec![Styled {
                text: text.into(),
                bold: false,
                italic: false,
            }],
        }
    }

    #[test]
    fn links_print_with_their_address() {
        assert_eq!(
            inline_text(&[link("the list", "https://x.int/a")]),
            "the list (https://x.int/a)"
        );
        assert_eq!(
            inline_text(&[link("https://x.int", "https://x.int")]),
            "https://x.int"
        );
        assert_eq!(inline_text(&[link("a@b.int", "mailto:a@b.int")]), "a@b.int");
        assert_eq!(inline_text(&[link("", "https://x.int")]), "https://x.int");
    }

    #[test]
    fn labels_follow_the_period_rule() {
        let n = |s: &str| s.parse::<SectionNumber>().unwrap();
        assert_eq!(label(&n("2"), true), "2.");
        assert_eq!(label(&n("2"), false), "2");
        assert_eq!(label(&n("2.1"), true), "2.1");
        assert_eq!(label(&n("2.9.1"), true), "2.9.1");
    }

    #[test]
    fn paragraphs_lists_and_styles() {
        let (m, _) = parse("One **bold** [link](https://x.int).\n\n- a\n  - b\n\nAfter.");
        let ps = plain_paragraphs(&m);
        let lines: Vec<&str> = ps.iter().map(|p| p.line.as_str()).collect();
        assert_eq!(
            lines,
            ["One bold link (https://x.int).", "–\ta", "\t•\tb", "After."]
        );
        assert_eq!(ps[2].hang, "\t\t");
    }
}
