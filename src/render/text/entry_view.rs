//! One entry's part of the view model: its paragraphs as the DOCX has them (numbered or
//! headed, list items with their bullets), its Recommendations and its event. The
//! report's view ([`super::view`]) and the digest ([`super::digest`]) are both built from
//! these.

use serde::Serialize;

use crate::dates::Date;
use crate::diag::DisplayPath;
use crate::locale::Locale;
use crate::markup::{Block, Inline, Markup};
use crate::model::{Entry, Event, Report, Sector};
use crate::render::conventions::{bullet, number_label};

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

/// One paragraph of the DOCX, as plain text. Templates also see [`Paragraph::line`] and
/// [`Paragraph::hang`] as fields (`p.line`, `p.hang`); they are made when read rather
/// than kept, as most of a paragraph's memory would be its line, a second copy of its
/// text (3 MB of `build`'s peak at 100× the sample).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// `heading`, `numbered`, `text` or `item`.
    pub kind: ParagraphKind,
    /// The printed number (`2.`, `2.1`) of a heading or numbered paragraph, else none.
    pub number: Option<String>,
    /// A heading's depth (1 for `2`, 2 for `2.1`); an item's list level (0 or 1); else 0.
    pub level: u8,
    /// The text without number or bullet; links as `text (url)`, no bold/italic marks.
    pub text: String,
}

impl Paragraph {
    /// The whole line: `2.<TAB>Activities…`, `2.1<TAB>text`, `text`, `–<TAB>item`,
    /// `<TAB>–<TAB>item`; a numbered paragraph without text (its entry opens with a list)
    /// is its number alone.
    pub fn line(&self) -> String {
        match (self.kind, &self.number) {
            (ParagraphKind::Heading | ParagraphKind::Numbered, Some(n))
                if !self.text.is_empty() =>
            {
                format!("{n}\t{}", self.text)
            }
            (ParagraphKind::Heading | ParagraphKind::Numbered, Some(n)) => n.clone(),
            (ParagraphKind::Item, _) => format!(
                "{}{}\t{}",
                "\t".repeat(usize::from(self.level)),
                bullet(self.level),
                self.text
            ),
            _ => self.text.clone(),
        }
    }

    /// What continuation lines start with when wrapping (the second argument of `wrap`):
    /// TABs that align them under a heading's title or an item's text (as the hanging
    /// indents of the DOCX styles do), else empty.
    pub fn hang(&self) -> String {
        match self.kind {
            ParagraphKind::Heading => "\t".into(),
            ParagraphKind::Item => "\t".repeat(usize::from(self.level) + 1),
            ParagraphKind::Numbered | ParagraphKind::Text => String::new(),
        }
    }
}

/// The fields templates see, `line` and `hang` among them, in this order.
impl Serialize for Paragraph {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut p = s.serialize_struct("Paragraph", 6)?;
        p.serialize_field("kind", &self.kind)?;
        p.serialize_field("number", &self.number)?;
        p.serialize_field("level", &self.level)?;
        p.serialize_field("text", &self.text)?;
        p.serialize_field("line", &self.line())?;
        p.serialize_field("hang", &self.hang())?;
        p.end()
    }
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
    pub event: Option<Box<EventView>>,
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

/// Every body paragraph of the report, in order: what the DOCX body holds, one for one.
pub fn body(report: &Report) -> Vec<Paragraph> {
    let top_period = report.meta.layout.top_level_period;
    report
        .entries
        .iter()
        .flat_map(|e| entry_paragraphs(e, top_period))
        .collect()
}

/// The plain text of a run of inlines: styles dropped, links as `text (url)`,
/// cross-references as the number they point at.
pub fn inline_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(s) => out.push_str(&s.text),
            Inline::Ref { number, .. } => out.push_str(&number.to_string()),
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

pub(super) fn entry_view(entry: &Entry, top_period: bool, locale: &Locale) -> EntryView {
    let number = entry.number.to_string();
    EntryView {
        label: number_label(&entry.number, top_period),
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
            .map(|ev| Box::new(event_view(ev, &number, locale))),
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
    let number = number_label(&entry.number, top_period);
    let mut out = Vec::new();
    let mut text = plain_paragraphs(&entry.text);
    if let Some(title) = &entry.title {
        out.push(Paragraph {
            kind: ParagraphKind::Heading,
            level: entry.number.depth() as u8,
            text: title.clone(),
            number: Some(number),
        });
    } else {
        match text.first_mut() {
            Some(first) if first.kind == ParagraphKind::Text => {
                first.kind = ParagraphKind::Numbered;
                first.number = Some(number);
            }
            // The text opens with a list: the number stands alone on its paragraph, as the
            // DOCX writes it, and the items follow.
            _ => out.push(Paragraph {
                kind: ParagraphKind::Numbered,
                number: Some(number),
                level: 0,
                text: String::new(),
            }),
        }
    }
    out.append(&mut text);
    out
}

/// Paragraphs (kind `text`) and list items (kind `item`) of a text, in order.
pub(super) fn plain_paragraphs(markup: &Markup) -> Vec<Paragraph> {
    let mut out = Vec::new();
    for block in &markup.blocks {
        match block {
            Block::Paragraph { inlines } => {
                out.push(Paragraph {
                    kind: ParagraphKind::Text,
                    number: None,
                    level: 0,
                    text: inline_text(inlines),
                });
            }
            Block::List { items } => {
                for item in items {
                    out.push(Paragraph {
                        kind: ParagraphKind::Item,
                        number: None,
                        level: item.level,
                        text: inline_text(&item.inlines),
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
    fn paragraphs_lists_and_styles() {
        let (m, _) = parse("One **bold** [link](https://x.int).\n\n- a\n  - b\n\nAfter.");
        let ps = plain_paragraphs(&m);
        let lines: Vec<String> = ps.iter().map(Paragraph::line).collect();
        assert_eq!(
            lines,
            ["One bold link (https://x.int).", "–\ta", "\t•\tb", "After."]
        );
        assert_eq!(ps[2].hang(), "\t\t");
    }
}
