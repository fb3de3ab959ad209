//! From cleaned paragraphs to a report: the header block, the Summary box, the body.
//!
//! A Council report reads, in order: the header block (meeting, place and dates, agenda
//! item, `Document C18/33-E`, the date, the language line), the source line and the title;
//! the Summary box (`Summary`, its text, `Action required`, a short rule, `References`);
//! the body, where a paragraph that starts with a number and a TAB opens an entry and the
//! paragraphs without one belong to the entry before them; a closing line of underscores
//! and the footer. A text export loses the tables, so where the Summary box ends is
//! guessed from its labels; a DOCX says which paragraphs sit in a table.

use std::sync::LazyLock;

use super::front;
use super::numbered::{self, Separator, TopStyle, split_number};
use super::{Block, Guess, Imported, ImportedEntry, ImportedMeta, Loc, Note, Para, Rich, Style};
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

/// `Summary`, `Action required:`, `REFERENCES`: a label of the Summary box, and the text
/// written after it on the same line (`Action required: The Council is invited …`).
/// The labels are those of the six languages' locale tables (`Résumé`, `Suite à
/// donner`, `Referencia` …), and `Reference`.
fn box_label(t: &str) -> Option<(Part, &str)> {
    static WORDS: LazyLock<Vec<(String, Part)>> = LazyLock::new(|| {
        let mut words: Vec<(String, Part)> = vec![("reference".into(), Part::References)];
        for l in crate::locale::Language::ALL {
            let labels = crate::locale::table::labels(l);
            words.push((labels.summary, Part::Summary));
            words.push((labels.action_required, Part::Action));
            words.push((labels.references, Part::References));
        }
        // The longest first: `References` before `Reference`.
        words.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        words
    });
    for (word, part) in WORDS.iter() {
        let part = *part;
        let Some(head) = t.get(..word.len()) else {
            continue;
        };
        if head.to_lowercase() != word.to_lowercase() {
            continue;
        }
        let rest = t[word.len()..].trim_start();
        if rest.is_empty() {
            return Some((part, ""));
        }
        if let Some(after) = rest.strip_prefix([':', '：']) {
            return Some((part, after.trim()));
        }
    }
    None
}

/// Whether a References paragraph of a text export goes on in the next line: a list
/// broken after a comma or semicolon, or a line that starts in lower case or with a
/// document number (`C15/33, and C16/33.`).
fn references_go_on(prev: &str, next: &str) -> bool {
    let prev = prev.trim_end();
    prev.ends_with([',', ';'])
        || prev.ends_with(" and")
        || next.starts_with(|c: char| c.is_lowercase())
        || next.starts_with("and ")
        || next
            .split_whitespace()
            .next()
            .is_some_and(|w| w.contains('/') && w.starts_with(|c: char| c.is_ascii_uppercase()))
}

/// What a paragraph under the title says it is, when the box has no labels.
fn unlabelled_part(t: &str) -> Option<Part> {
    const ACTION: [&str; 4] = [
        "The Council is invited",
        "The Council is requested",
        "The Working Group is invited",
        "The Group is invited",
    ];
    const REFERENCES: [&str; 7] = [
        "Resolution",
        "Plenipotentiary Resolution",
        "PP Resolution",
        "Council Resolution",
        "Council Decision",
        "Council Document",
        "Documents C",
    ];
    if ACTION.iter().any(|a| t.starts_with(a)) {
        Some(Part::Action)
    } else if REFERENCES.iter().any(|r| t.starts_with(r)) {
        Some(Part::References)
    } else {
        None
    }
}

/// Finds the report's parts in `paras`.
pub fn parse(paras: Vec<Para>, notes: &mut Vec<Note>) -> Imported {
    let paras = front::drop_page_furniture(paras, notes);
    let mut meta = ImportedMeta::default();
    let mut front: Vec<Para> = Vec::new();
    let mut part = Part::Front;
    // Whether the Summary box showed a label after its text (then its end is known).
    let mut labelled = false;
    // Whether the box had its `Summary` label at all.
    let mut summary_label = false;
    // Whether the format said which paragraphs sit in the box (a DOCX does).
    let mut box_known = false;
    // Inside a summary record's table of subjects (`1<TAB>Subject<TAB>C17/35`).
    let mut subjects = false;
    let mut intro: Vec<Block> = Vec::new();
    let mut intro_loc: Option<Loc> = None;
    let mut entries: Vec<ImportedEntry> = Vec::new();
    let mut separators: Vec<(Loc, Separator)> = Vec::new();
    let mut top_styles: Vec<(Loc, TopStyle)> = Vec::new();
    let mut last_reference = String::new();
    // Where each paragraph of the Summary came from, for the notes if it moves.
    let mut summary_locs: Vec<Loc> = Vec::new();

    for p in paras {
        // Labels and rules are recognised by their words, whatever their runs' styles.
        let visible = p.text.visible();
        let t = visible.trim();
        if let Some(url) = footer_url(t) {
            meta.footer = Some(url.to_owned());
            continue;
        }
        if part == Part::After {
            notes.push(Note {
                loc: p.loc,
                message: format!("ignored `{}` after the closing line", front::shorten(t)),
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
        if part == Part::Front {
            if t.starts_with("Subjects discussed") {
                subjects = true;
                front.push(p);
                continue;
            }
            // A row of the table of subjects: number, subject, documents.
            if subjects && p.in_table != Some(false) && t.matches('\t').count() >= 2 {
                front.push(p);
                continue;
            }
            subjects = false;
        }
        let numbered = if part == Part::Body || p.in_table != Some(true) {
            split_number(&p, notes)
        } else {
            None
        };
        if numbered.is_some() && part != Part::Body {
            part = Part::Body;
        }
        let label = if part == Part::Body {
            None
        } else {
            box_label(t)
        };
        if let Some((to, inline)) = label {
            part = to;
            if to == Part::Summary {
                summary_label = true;
            } else {
                labelled = true;
            }
            if !inline.is_empty() {
                bucket(&mut meta, to).push(Block::Para(Rich::plain(inline)));
                last_reference = inline.to_owned();
            }
            continue;
        }
        match part {
            Part::Front => {
                if p.in_table.is_none() && t.contains('\t') {
                    // Word's text export writes a table row as one line, its cells
                    // separated by TABs: `Agenda item: PL 2<TAB>Document C18/33-E`.
                    for cell in t.split('\t').map(str::trim).filter(|c| !c.is_empty()) {
                        front.push(Para {
                            text: Rich::plain(cell),
                            ..p.clone()
                        });
                    }
                } else {
                    front.push(p);
                }
            }
            Part::Summary | Part::Action | Part::References => {
                let after_reference =
                    part == Part::References && p.in_table.is_none() && !meta.references.is_empty();
                let goes_on = after_reference && references_go_on(&last_reference, t);
                if goes_on
                    && let Some(Block::Para(last) | Block::Item(_, last)) =
                        meta.references.last_mut()
                {
                    // A text export's line broken inside one paragraph (`C15/33,` then
                    // `and C16/33.`): the words go on the paragraph, not a new one.
                    last.join_line(&p.text);
                    last_reference = t.to_owned();
                } else if p.in_table == Some(false) || (after_reference && !goes_on) {
                    // Outside the box: the introduction, without a visible number.
                    part = Part::Body;
                    intro_loc.get_or_insert(p.loc);
                    intro.push(block(&p));
                } else {
                    box_known |= p.in_table == Some(true);
                    if part == Part::Summary {
                        summary_locs.push(p.loc);
                    }
                    bucket(&mut meta, part).push(block(&p));
                    last_reference = t.to_owned();
                }
            }
            Part::Body => match numbered {
                Some(n) => {
                    separators.push((p.loc, n.separator));
                    if let Some(style) = n.top_style {
                        top_styles.push((p.loc, style));
                    }
                    let heading = is_heading(&p, n.number, &n.rest.visible());
                    entries.push(ImportedEntry {
                        number: n.number,
                        loc: p.loc,
                        title: heading.then(|| n.rest.visible()),
                        blocks: if heading || n.rest.0.is_empty() {
                            Vec::new()
                        } else {
                            vec![Block::Para(n.rest)]
                        },
                        sector: None,
                        recommendations: Vec::new(),
                        event: None,
                        guesses: Vec::new(),
                    });
                }
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

    let after_title = front::classify(front, &mut meta, notes).0;
    place_after_title(
        after_title,
        summary_label,
        &mut meta,
        &mut intro,
        &mut intro_loc,
    );
    // A text export with the `Summary` label but no other: the box held one paragraph,
    // and the paragraphs after it are the Action required, the References and the
    // introduction, told apart by their words.
    if summary_label && !labelled && !box_known && meta.summary.len() > 1 {
        let rest = meta.summary.split_off(1);
        if let Some(loc) = summary_locs.get(1) {
            intro_loc = Some(*loc);
        }
        let mut moved = Vec::new();
        for b in rest {
            let (Block::Para(t) | Block::Item(_, t)) = &b;
            match unlabelled_part(&t.visible()) {
                Some(Part::Action) if moved.is_empty() => meta.action.push(b),
                Some(Part::References) if moved.is_empty() => meta.references.push(b),
                _ => moved.push(b),
            }
        }
        intro.splice(0..0, moved);
    }
    numbered::separator_notes(&separators, notes);
    meta.top_level_period = top_level_period(&top_styles, notes);
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

/// The lines between the title and the body when the box had no `Summary` label: a
/// summary record's meeting lines (its time, chair and subjects) make its Summary; in
/// a report, the first paragraph is the Summary, `The Council is invited …` the Action
/// required, `Resolution …` the References, and the rest the introduction. Each is a
/// guess, marked so.
fn place_after_title(
    after: Vec<Para>,
    summary_label: bool,
    meta: &mut ImportedMeta,
    intro: &mut Vec<Block>,
    intro_loc: &mut Option<Loc>,
) {
    let Some(first) = after.first().map(|p| p.loc) else {
        return;
    };
    let record = meta
        .title
        .as_deref()
        .is_some_and(|t| t.to_uppercase().contains("SUMMARY RECORD"));
    let guess = |meta: &mut ImportedMeta, key: &str, message: &str| {
        if !meta.guesses.iter().any(|g| g.key == key) {
            meta.guesses.push(Guess {
                key: key.into(),
                loc: first,
                message: message.into(),
            });
        }
    };
    // A summary record's meeting lines, or lines between the title and the `Summary`
    // label: all of them at the box's start.
    let whole = if record {
        Some(
            "Summary made of the summary record's lines under its title (its time, chair and subjects): a summary record has no Summary box",
        )
    } else if summary_label {
        Some(
            "the lines between the title and the `Summary` label were put at the start of the Summary",
        )
    } else {
        None
    };
    if let Some(message) = whole {
        guess(meta, "summary.text", message);
        meta.summary.splice(0..0, after.iter().map(block));
        return;
    }
    let mut in_references = false;
    let mut last = String::new();
    let mut rest: Vec<Block> = Vec::new();
    for (i, p) in after.iter().enumerate() {
        let t = p.text.visible();
        let t = t.trim();
        let part = if i == 0 {
            Some(Part::Summary)
        } else if in_references && references_go_on(&last, t) {
            Some(Part::References)
        } else if rest.is_empty() {
            unlabelled_part(t)
        } else {
            None
        };
        in_references = part == Some(Part::References);
        last = t.to_owned();
        let Some(part) = part else {
            intro_loc.get_or_insert(p.loc);
            rest.push(block(p));
            continue;
        };
        let (key, message) = match part {
            Part::Summary => (
                "summary.text",
                "Summary text guessed: the paragraph under the title (the document has no `Summary` label)",
            ),
            Part::Action => (
                "summary.action",
                "Action required guessed from its words (`The Council is invited …`; no label)",
            ),
            _ => (
                "summary.references",
                "References guessed from their words (`Resolution …`; no label)",
            ),
        };
        guess(meta, key, message);
        bucket(meta, part).push(block(p));
    }
    intro.splice(0..0, rest);
}

/// The Summary box's paragraphs that `part` holds: its text, Action required or References.
fn bucket(meta: &mut ImportedMeta, part: Part) -> &mut Vec<Block> {
    match part {
        Part::Summary => &mut meta.summary,
        Part::Action => &mut meta.action,
        _ => &mut meta.references,
    }
}

/// `top_level_period` as the source writes its level-1 numbers: `2.<TAB>` or `2<TAB>`
/// (`2)` prints as `2.`, with a note); the most common form when they differ.
fn top_level_period(styles: &[(Loc, TopStyle)], notes: &mut Vec<Note>) -> Option<bool> {
    let count = |s: TopStyle| styles.iter().filter(|(_, x)| *x == s).count();
    let (period, bare, paren) = (
        count(TopStyle::Period),
        count(TopStyle::Bare),
        count(TopStyle::Parenthesis),
    );
    if let Some((loc, _)) = styles.iter().find(|(_, s)| *s == TopStyle::Parenthesis) {
        notes.push(Note {
            loc: *loc,
            message: "level-1 numbers written `1)`: the report writes them `1.` (layout.top_level_period = true)".into(),
        });
    }
    let with_period = period + paren;
    if with_period > 0 && bare > 0 {
        notes.push(Note {
            loc: styles[0].0,
            message: format!(
                "level-1 numbers are written both with a period ({with_period}) and without ({bare}): the report writes them all {}",
                if with_period >= bare { "with" } else { "without" }
            ),
        });
    }
    (!styles.is_empty()).then_some(with_period >= bare)
}

/// The unnumbered paragraphs before the first numbered one become entry 1,
/// "Introduction", as the reference report's first paragraph has no visible number. A
/// first paragraph that is the heading itself (`Introduction`, its number lost) is the
/// title, not a paragraph, so it is not printed twice.
fn add_introduction(
    mut intro: Vec<Block>,
    loc: Loc,
    entries: &mut Vec<ImportedEntry>,
    notes: &mut Vec<Note>,
) {
    if intro.is_empty() {
        return;
    }
    let heading = match intro.first() {
        Some(Block::Para(t)) if t.visible().trim().eq_ignore_ascii_case("introduction") => {
            Some(t.visible().trim().to_owned())
        }
        _ => None,
    };
    let one = SectionNumber::from_parts(&[1]);
    match (one, entries.iter_mut().find(|e| Some(e.number) == one)) {
        (_, Some(existing)) => {
            notes.push(Note {
                loc,
                message: "the paragraphs before the first numbered one were added to the start of entry 1".into(),
            });
            existing.blocks.splice(0..0, intro);
        }
        (Some(number), None) => {
            let guesses = if heading.is_some() {
                intro.remove(0);
                Vec::new()
            } else {
                vec![Guess {
                    key: "title".into(),
                    loc,
                    message: "the paragraphs before the first numbered one made entry 1, titled `Introduction`".into(),
                }]
            };
            entries.insert(
                0,
                ImportedEntry {
                    number,
                    loc,
                    title: Some(heading.unwrap_or_else(|| "Introduction".into())),
                    blocks: intro,
                    sector: None,
                    recommendations: Vec::new(),
                    event: None,
                    guesses,
                },
            );
        }
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
                text: Rich::plain(l.trim_start()),
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
        assert_eq!(
            m.date.map(crate::dates::Date::iso).as_deref(),
            Some("2018-03-22")
        );
        assert_eq!(m.language_line.as_deref(), Some("Original: English"));
        assert_eq!(m.source.as_deref(), Some("Report by the Secretary-General"));
        assert_eq!(m.title.as_deref(), Some("ITU’s activities"));
    }

    fn parse_lines(lines: &[&str]) -> Imported {
        let mut notes = Vec::new();
        let paras = lines
            .iter()
            .enumerate()
            .map(|(i, l)| Para {
                text: Rich::plain(*l),
                loc: Loc::Line(i + 1),
                ..para("")
            })
            .collect();
        parse(paras, &mut notes)
    }

    #[test]
    fn an_introduction_heading_without_its_number_is_the_title_once() {
        let r = parse_lines(&[
            "Council 2017",
            "Geneva, 15-25 May 2017",
            "Summary",
            "Text.",
            "References",
            "Resolution 101 (Rev. Busan, 2014).",
            "Introduction",
            "This report covers the year.",
            "2.\tActivities",
        ]);
        let e = &r.entries[0];
        assert_eq!(e.title.as_deref(), Some("Introduction"));
        assert_eq!(
            e.blocks,
            [Block::Para("This report covers the year.".into())]
        );
        assert!(e.guesses.is_empty());
        assert_eq!(r.meta.summary, [Block::Para("Text.".into())]);
        assert_eq!(r.meta.references.len(), 1);
    }

    #[test]
    fn labels_with_colons_and_level_one_without_period() {
        let r = parse_lines(&[
            "SUMMARY RECORD",
            "Summary: What the meeting did.",
            "Action required: The Council is invited to note it.",
            "References:",
            "Council Resolution 1305 (2009);",
            "Documents C17/35 and C17/33",
            "1\tOpening",
            "1.1\tThe meeting opened.",
        ]);
        let m = &r.meta;
        assert_eq!(m.summary, [Block::Para("What the meeting did.".into())]);
        assert_eq!(
            m.action,
            [Block::Para("The Council is invited to note it.".into())]
        );
        // A list broken after its semicolon is one paragraph again.
        assert_eq!(
            m.references,
            [Block::Para(
                "Council Resolution 1305 (2009); Documents C17/35 and C17/33".into()
            )]
        );
        assert_eq!(m.top_level_period, Some(false));
        assert_eq!(r.entries.len(), 2);
    }

    #[test]
    fn footer_urls() {
        assert_eq!(
            footer_url("• http://www.itu.int/council •"),
            Some("http://www.itu.int/council")
        );
        assert_eq!(footer_url("• a list item •"), None);
    }
}
