//! From cleaned paragraphs to a report: the header block, the Summary box, the body.
//!
//! A Council report reads, in order: the header block (meeting, place and dates, agenda
//! item, `Document C18/33-E`, the date, the language line), the source line and the title;
//! the Summary box (`Summary`, its text, `Action required`, a short rule, `References`);
//! the body, where a paragraph that starts with a number and a TAB opens an entry and the
//! paragraphs without one belong to the entry before them; a closing line of underscores
//! and the footer. A text export loses the tables, so where the Summary box ends is
//! guessed from its labels; a DOCX says which paragraphs sit in a table.

use super::{Block, Imported, ImportedEntry, ImportedMeta, Loc, Note, Para, Style};
use crate::dates::Date;
use crate::number::SectionNumber;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Front,
    Summary,
    Action,
    References,
    Body,
    /// After the closing line of underscores.
    After,
}

/// Finds the report's parts in `paras`.
pub fn parse(paras: Vec<Para>, notes: &mut Vec<Note>) -> Imported {
    let mut meta = ImportedMeta::default();
    let mut front: Vec<Para> = Vec::new();
    let mut part = Part::Front;
    // Whether the Summary box showed a label after its text (then its end is known).
    let mut labelled = false;
    // Whether the format said which paragraphs sit in the box (a DOCX does).
    let mut box_known = false;
    let mut intro: Vec<Block> = Vec::new();
    let mut intro_loc: Option<Loc> = None;
    let mut entries: Vec<ImportedEntry> = Vec::new();

    for p in paras {
        // Labels and rules are recognised by their words, whatever their runs' styles.
        let visible = super::visible(&p.text);
        let t = visible.trim();
        if let Some(url) = footer_url(t) {
            meta.footer = Some(url.to_owned());
            continue;
        }
        if part == Part::After {
            notes.push(Note {
                loc: p.loc,
                message: format!("ignored `{}` after the closing line", shorten(t)),
            });
            continue;
        }
        if is_rule(t) {
            if matches!(part, Part::Body) {
                part = Part::After;
            } else if part != Part::Front {
                labelled = true;
            }
            continue;
        }
        let numbered = split_number(&p, notes);
        if numbered.is_some() && part != Part::Body {
            part = Part::Body;
        }
        match part {
            Part::Front => {
                if t.eq_ignore_ascii_case("summary") {
                    part = Part::Summary;
                } else if p.in_table.is_none() && t.contains('\t') {
                    // Word's text export writes a table row as one line, its cells
                    // separated by TABs: `Agenda item: PL 2<TAB>Document C18/33-E`.
                    for cell in t.split('\t').map(str::trim).filter(|c| !c.is_empty()) {
                        front.push(Para {
                            text: cell.to_owned(),
                            ..p.clone()
                        });
                    }
                } else {
                    front.push(p);
                }
            }
            Part::Summary | Part::Action | Part::References => {
                if t.eq_ignore_ascii_case("action required") {
                    part = Part::Action;
                    labelled = true;
                } else if t.eq_ignore_ascii_case("references") {
                    part = Part::References;
                    labelled = true;
                } else if p.in_table == Some(false)
                    || (p.in_table.is_none()
                        && part == Part::References
                        && !meta.references.is_empty())
                {
                    // Outside the box: the introduction, without a visible number.
                    part = Part::Body;
                    intro_loc.get_or_insert(p.loc);
                    intro.push(block(&p));
                } else {
                    box_known |= p.in_table == Some(true);
                    let bucket = match part {
                        Part::Summary => &mut meta.summary,
                        Part::Action => &mut meta.action,
                        _ => &mut meta.references,
                    };
                    bucket.push(block(&p));
                }
            }
            Part::Body => match numbered {
                Some((number, rest)) => entries.push(ImportedEntry {
                    number,
                    title: is_heading(&p, number, &rest).then(|| super::visible(&rest)),
                    blocks: if is_heading(&p, number, &rest) || rest.is_empty() {
                        Vec::new()
                    } else {
                        vec![Block::Para(rest)]
                    },
                    sector: None,
                    recommendations: Vec::new(),
                    event: None,
                }),
                None => match entries.last_mut() {
                    Some(e) => e.blocks.push(block(&p)),
                    None => {
                        intro_loc.get_or_insert(p.loc);
                        intro.push(block(&p));
                    }
                },
            },
            Part::After => {}
        }
    }

    // A text export without the box's labels: the box held one paragraph, and the
    // paragraphs after it are the introduction.
    if !labelled && !box_known && meta.summary.len() > 1 {
        let rest = meta.summary.split_off(1);
        intro.splice(0..0, rest);
    }
    classify_front(&front, &mut meta, notes);
    add_introduction(
        intro,
        intro_loc.unwrap_or(Loc::Line(1)),
        &mut entries,
        notes,
    );
    Imported {
        meta,
        entries,
        notes: Vec::new(),
        embedded: None,
    }
}

/// The unnumbered paragraphs before the first numbered one become entry 1,
/// "Introduction", as the reference report's first paragraph has no visible number.
fn add_introduction(
    intro: Vec<Block>,
    loc: Loc,
    entries: &mut Vec<ImportedEntry>,
    notes: &mut Vec<Note>,
) {
    if intro.is_empty() {
        return;
    }
    let one = SectionNumber::from_parts(&[1]);
    match (one, entries.iter_mut().find(|e| Some(e.number) == one)) {
        (_, Some(existing)) => {
            notes.push(Note {
                loc,
                message: "the paragraphs before the first numbered one were added to the start of entry 1".into(),
            });
            existing.blocks.splice(0..0, intro);
        }
        (Some(number), None) => entries.insert(
            0,
            ImportedEntry {
                number,
                title: Some("Introduction".into()),
                blocks: intro,
                sector: None,
                recommendations: Vec::new(),
                event: None,
            },
        ),
        (None, None) => {}
    }
}

fn block(p: &Para) -> Block {
    match p.style {
        Style::Item(level) => Block::Item(level.min(1), p.text.clone()),
        _ => Block::Para(p.text.clone()),
    }
}

/// A heading: styled so in a DOCX; in a text export, a level-1 number followed by words
/// that do not read as a sentence (`2.<TAB>Activities related to …`, `5.<TAB>ENUM`).
fn is_heading(p: &Para, number: SectionNumber, rest: &str) -> bool {
    if rest.is_empty() {
        return false;
    }
    match p.style {
        Style::Heading(_) => true,
        Style::Item(_) => false,
        Style::Normal => {
            number.depth() == 1
                && (!rest.ends_with(['.', ':', ';']) || rest.split_whitespace().count() <= 6)
        }
    }
}

/// `2.1<TAB>text` → (2.1, text); `2.<TAB>Title` → (2, Title); `2.4` alone → (2.4, "").
/// Spaces around the TAB are Word artefacts: removed, with a note.
pub(super) fn split_number(p: &Para, notes: &mut Vec<Note>) -> Option<(SectionNumber, String)> {
    if matches!(p.style, Style::Item(_)) {
        return None;
    }
    let t = p.text.as_str();
    let end = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let label = &t[..end];
    if !label.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let rest = &t[end..];
    let spaces = [' ', '\u{A0}'];
    let before_tab = rest.trim_start_matches(spaces);
    let rest = if rest.is_empty() {
        ""
    } else {
        before_tab.strip_prefix('\t')?
    };
    let number: SectionNumber = label.trim_end_matches('.').parse().ok()?;
    // `2017.` or `10.` alone would read as a number: only take a bare number when it
    // is a plausible section label (our own text report writes a number alone when an
    // entry's text opens with a list).
    if rest.is_empty() && (number.depth() == 1 || !t.is_empty() && t.len() > 12) {
        return None;
    }
    let mut note = |message: String| {
        notes.push(Note {
            loc: p.loc,
            message,
        })
    };
    if before_tab.len() < t.len() - end {
        note(format!("removed stray space between {label} and its TAB"));
    }
    let text = rest.trim_start_matches(['\t', ' ', '\u{A0}']);
    if text.len() < rest.len() {
        note(format!("removed stray space after the TAB of {label}"));
    }
    Some((number, text.to_owned()))
}

/// A line of underscores: the Summary box's short rule or the closing line.
fn is_rule(t: &str) -> bool {
    t.len() >= 3 && t.chars().all(|c| c == '_')
}

/// `• http://www.itu.int/council •` → the URL.
fn footer_url(t: &str) -> Option<&str> {
    let inner = t.strip_prefix('•')?.strip_suffix('•')?.trim();
    let web = inner.starts_with("http://") || inner.starts_with("https://");
    (web && !inner.contains(' ')).then_some(inner)
}

/// The header block, source line and title, told apart by their form.
fn classify_front(front: &[Para], meta: &mut ImportedMeta, notes: &mut Vec<Note>) {
    let mut unclassified: Vec<(&Para, String)> = Vec::new();
    for p in front {
        let visible = super::visible(&p.text);
        let t = visible.trim();
        if let Some(doc) = t.strip_prefix("Document ") {
            let doc = doc.trim();
            match doc.rsplit_once('-') {
                Some((n, lang))
                    if !lang.is_empty() && lang.chars().all(|c| c.is_ascii_alphabetic()) =>
                {
                    meta.number = Some(n.to_owned());
                    meta.language = Some(lang.to_owned());
                }
                _ => meta.number = Some(doc.to_owned()),
            }
        } else if let Some(item) = t
            .strip_prefix("Agenda item:")
            .or_else(|| t.strip_prefix("Agenda item"))
        {
            meta.agenda_item = Some(item.trim().to_owned());
        } else if let Some(date) = parse_date(t).filter(|_| meta.date.is_none()) {
            meta.date = Some(date);
        } else if t.starts_with("Original:") || t.ends_with(" only") {
            meta.language_line = Some(t.to_owned());
        } else if [
            "Report by",
            "Note by",
            "Report of",
            "Contribution by",
            "Contribution from",
        ]
        .iter()
        .any(|s| t.starts_with(s))
        {
            meta.source = Some(t.to_owned());
        } else {
            unclassified.push((p, t.to_owned()));
        }
    }
    // What is left reads, in order: meeting, place and dates, …, the title last.
    if let Some((title, t)) = unclassified.pop() {
        let t = t.as_str();
        if t.chars().any(char::is_lowercase) {
            meta.title = Some(t.to_owned());
        } else {
            notes.push(Note {
                loc: title.loc,
                message: "the title is in capitals, as printed: write it in normal case in report.toml (the report prints it in capitals)".into(),
            });
            meta.title = Some(t.to_owned());
        }
    }
    let mut rest = unclassified.into_iter();
    meta.meeting = rest.next().map(|(_, t)| t);
    meta.place_and_dates = rest.next().map(|(_, t)| t);
    for (p, t) in rest {
        notes.push(Note {
            loc: p.loc,
            message: format!("ignored `{}` in the header block", shorten(&t)),
        });
    }
}

/// `22 March 2018` (the whole text).
pub(super) fn parse_date(t: &str) -> Option<Date> {
    let mut words = t.split_whitespace();
    let (d, m, y) = (words.next()?, words.next()?, words.next()?);
    if words.next().is_some() {
        return None;
    }
    Date::new(y.parse().ok()?, Date::month_from_name(m)?, d.parse().ok()?)
}

fn shorten(t: &str) -> String {
    let mut s: String = t.chars().take(40).collect();
    if s.len() < t.len() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Para {
        Para {
            text: text.into(),
            loc: Loc::Line(1),
            style: Style::Normal,
            in_table: None,
        }
    }

    #[test]
    fn numbers_and_stray_spaces() {
        let mut notes = Vec::new();
        let (n, rest) = split_number(&para("3.4 \tBDT and MUST"), &mut notes).unwrap();
        assert_eq!(
            (n.to_string(), rest.as_str()),
            ("3.4".into(), "BDT and MUST")
        );
        let (n, rest) = split_number(&para("2.\tActivities"), &mut notes).unwrap();
        assert_eq!((n.to_string(), rest.as_str()), ("2".into(), "Activities"));
        let (_, rest) = split_number(&para("2.17.3\t The final"), &mut notes).unwrap();
        assert_eq!(rest, "The final");
        assert_eq!(notes.len(), 2);
        assert!(split_number(&para("2017 was a year"), &mut notes).is_none());
        assert!(split_number(&para("2017"), &mut notes).is_none());
        assert!(split_number(&para("2.0\tx"), &mut notes).is_none());
        assert_eq!(
            split_number(&para("2.4"), &mut notes).map(|x| x.1),
            Some(String::new())
        );
    }

    #[test]
    fn header_rows_of_a_text_export_split_at_tabs() {
        let lines = [
            "\tCouncil 2018",
            "\tGeneva, 17-27 April 2018",
            "Agenda item: PL 2\tDocument C18/33-E",
            "\t22 March 2018",
            "\tOriginal: English",
            "Report by the Secretary-General",
            "ITU’s activities",
            "Summary",
            "Text.",
            "2.1\tEntry.",
        ];
        let mut notes = Vec::new();
        let paras: Vec<Para> = lines
            .iter()
            .map(|l| Para {
                text: l.trim_start().to_owned(),
                ..para("")
            })
            .collect();
        let m = parse(paras, &mut notes).meta;
        assert_eq!(m.meeting.as_deref(), Some("Council 2018"));
        assert_eq!(
            m.place_and_dates.as_deref(),
            Some("Geneva, 17-27 April 2018")
        );
        assert_eq!(m.agenda_item.as_deref(), Some("PL 2"));
        assert_eq!(
            (m.number.as_deref(), m.language.as_deref()),
            (Some("C18/33"), Some("E"))
        );
        assert_eq!(m.date.map(Date::iso).as_deref(), Some("2018-03-22"));
        assert_eq!(m.language_line.as_deref(), Some("Original: English"));
        assert_eq!(m.source.as_deref(), Some("Report by the Secretary-General"));
        assert_eq!(m.title.as_deref(), Some("ITU’s activities"));
    }

    #[test]
    fn footer_and_dates() {
        assert_eq!(
            footer_url("• http://www.itu.int/council •"),
            Some("http://www.itu.int/council")
        );
        assert_eq!(footer_url("• a list item •"), None);
        assert_eq!(
            parse_date("22 March 2018").map(Date::iso).as_deref(),
            Some("2018-03-22")
        );
        assert_eq!(parse_date("22 March 2018 and more"), None);
    }
}
