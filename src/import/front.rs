//! The first page above the body: the header block, the source line and the title, and
//! the page furniture a text export carries along (page numbers, running headers).
//!
//! Real documents lay the header block out in several ways: one cell per line, a table
//! row per line with its cells separated by TABs (Word's text export), the meeting and
//! its place in one cell joined by a manual line break (read as a space). The lines are
//! told apart by their form (`Document C17/33-E`, `14 March 2017`, `Original: English`);
//! the title is the run of capitals under them (`SUMMARY RECORD` / `OF THE` / `THIRD
//! PLENARY MEETING` is one title), and what is left above it is the meeting and its
//! place. Where the form leaves doubt, the value is a [`Guess`].

use std::sync::LazyLock;

use super::{Guess, ImportedMeta, Loc, Note, Para};
use crate::dates::Date;

/// The note for a title found in capitals; dropped when a DOCX's data part gives the
/// title as written.
pub const CAPITALS_NOTE: &str = "the title is in capitals, as printed: write it in normal case in report.toml (the report prints it in capitals)";

/// The lines between the title and the first numbered paragraph, when the document
/// has no `Summary` label: the Summary box by position, or a summary record's meeting
/// lines (time, chair, subjects discussed).
pub struct AfterTitle(pub Vec<Para>);

/// `- 2 -`, `– 2 –` or `2` alone on a line: a page number a text export kept.
pub fn is_page_number(t: &str) -> bool {
    let inner = t
        .strip_prefix(['-', '–', '—'])
        .and_then(|s| s.strip_suffix(['-', '–', '—']))
        .map_or(t, str::trim);
    !inner.is_empty() && inner.len() <= 3 && inner.chars().all(|c| c.is_ascii_digit())
}

/// `C17/33-E`, `C17/130(Rev.1)-E`, `CWG-Internet 9/2-E`, `C17/DT/3 (Rev. 9)`: the
/// document number as the running header prints it under the page number.
pub fn is_running_number(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    let ends = t.len() > 2
        && t.as_bytes()[t.len() - 2] == b'-'
        && t.as_bytes()[t.len() - 1].is_ascii_uppercase();
    let rev = t.ends_with(')') && t.contains("(Rev.");
    t.len() <= 40
        && t.contains('/')
        && (ends || rev)
        && words.len() <= 3
        && t.starts_with(|c: char| c.is_ascii_uppercase())
        && !t.starts_with("Document")
}

/// Drops page numbers and the running header under them, one note each. A document
/// number alone counts only right after a page number, or when it is the document's
/// own (`C17/33-E` in a document whose header says `Document C17/33-E`).
pub fn drop_page_furniture(paras: Vec<Para>, notes: &mut Vec<Note>) -> Vec<Para> {
    let own: Option<String> = paras.iter().find_map(|p| {
        let t = p.text.visible();
        t.trim()
            .strip_prefix("Document ")
            .map(|d| d.split_whitespace().collect::<String>())
    });
    let mut out = Vec::with_capacity(paras.len());
    let mut after_page_number = false;
    for p in paras {
        if p.in_table == Some(true) {
            after_page_number = false;
            out.push(p);
            continue;
        }
        let visible = p.text.visible();
        let t = visible.trim();
        let page = is_page_number(t);
        let header = is_running_number(t)
            && (after_page_number
                || own.as_deref() == Some(&t.split_whitespace().collect::<String>()));
        if page || header {
            notes.push(Note {
                loc: p.loc,
                message: format!(
                    "removed `{t}`: {} of the text export",
                    if page {
                        "a page number"
                    } else {
                        "the running header"
                    }
                ),
            });
            after_page_number = page;
            continue;
        }
        after_page_number = false;
        out.push(p);
    }
    out
}

/// The header block, source line and title, told apart by their form; the lines under
/// the title come back for the Summary box.
pub fn classify(front: Vec<Para>, meta: &mut ImportedMeta, notes: &mut Vec<Note>) -> AfterTitle {
    // (paragraph, its words) of the lines no form claimed, and where the source line was.
    let mut unclassified: Vec<(Para, String)> = Vec::new();
    let mut source_at: Option<usize> = None;
    // Where an `Agenda item` label stood alone, its value still to come.
    let mut agenda_pending: Option<String> = None;
    for p in front {
        let visible = p.text.visible();
        let mut t = visible.trim();
        // A web page's extraction writes ` /` where a table cell ended.
        if let Some(cell) = t.strip_suffix(" /") {
            notes.push(Note {
                loc: p.loc,
                message: "removed ` /`, a table cell's end in a web page's extraction".into(),
            });
            t = cell.trim_end();
        }
        if let Some((revision, doc)) = revision_line(t) {
            // `Revision 1 to Document C17/130-E`: the issued document's number, which
            // the next report goes on from; `[revision]` is for a revision `build
            // --against` makes, so the line itself is not kept.
            notes.push(Note {
                loc: p.loc,
                message: format!(
                    "dropped `{}`: revision {revision} of the document; imported as the document itself ({}; report.toml's `[revision]` is for a revision you build with `build --against`)",
                    shorten(t),
                    doc.map_or_else(
                        || "its number from the next line".to_owned(),
                        |d| format!("Document {d}")
                    ),
                ),
            });
            if let Some(doc) = doc {
                document_number(doc, meta);
            }
            agenda_pending = None;
        } else if let Some(doc) = document_line(t) {
            document_number(doc, meta);
        } else if let Some(item) = agenda_item(t) {
            if item.is_empty() {
                // The label alone: its value is in the next cell or row.
                agenda_pending = Some(t.to_owned());
            } else {
                meta.agenda_item = Some(item.to_owned());
            }
        } else if let Some(label) = agenda_pending.take_if(|_| is_agenda_value(t)) {
            notes.push(Note {
                loc: p.loc,
                message: format!(
                    "agenda item `{t}` taken from the cell after its label `{label}`, which stood alone"
                ),
            });
            meta.agenda_item = Some(t.to_owned());
        } else if let Some(date) = parse_date(t).filter(|_| meta.date.is_none()) {
            meta.date = Some(date);
        } else if t.starts_with("Original:") || t.ends_with(" only") {
            meta.language_line = Some(t.to_owned());
        } else if meta.source.is_none() && SOURCE_LINES.iter().any(|s| t.starts_with(s)) {
            meta.source = Some(t.to_owned());
            source_at = Some(unclassified.len());
        } else {
            let t = t.to_owned();
            unclassified.push((p, t));
        }
    }

    let capitals =
        |t: &str| t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase);
    // The title: the first run of lines in capitals, else the line after the source line,
    // else the last line left.
    let run_start = unclassified.iter().position(|(_, t)| capitals(t));
    let (title_from, title_to) = match run_start {
        Some(s) => {
            let len = unclassified[s..]
                .iter()
                .take_while(|(_, t)| capitals(t))
                .count();
            (s, s + len)
        }
        None => {
            let at = match source_at {
                Some(s) if s < unclassified.len() => s,
                _ => unclassified.len().saturating_sub(1),
            };
            (at, (at + 1).min(unclassified.len()))
        }
    };
    let after: Vec<Para> = unclassified.drain(title_to..).map(|(p, _)| p).collect();
    let title_lines: Vec<(Para, String)> = unclassified.drain(title_from..).collect();
    if let Some((first, _)) = title_lines.first() {
        let title = title_lines
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let loc = first.loc;
        if capitals(&title) {
            notes.push(Note {
                loc,
                message: CAPITALS_NOTE.into(),
            });
            if title_lines.len() > 1 {
                notes.push(Note {
                    loc,
                    message: format!(
                        "the title's {} lines in capitals were joined into one",
                        title_lines.len()
                    ),
                });
            }
        } else {
            let why = if source_at.is_some_and(|s| s == title_from) {
                "title guessed from the line after the source line (it is not in capitals, as a title is printed)"
            } else {
                "title guessed from the last line of the header block (no line in capitals, no source line)"
            };
            meta.guesses.push(Guess {
                key: "document.title".into(),
                loc,
                message: why.into(),
            });
        }
        meta.title = Some(title);
    }

    // What is left above the title reads: meeting, place and dates.
    let mut rest = unclassified.into_iter();
    if let Some((p, first)) = rest.next() {
        match rest.len() {
            0 => match split_meeting_place(&first) {
                Some((meeting, place)) => {
                    notes.push(Note {
                        loc: p.loc,
                        message: format!(
                            "split `{}` into the meeting and its place and dates (one cell, joined by a line break)",
                            shorten(&first)
                        ),
                    });
                    meta.meeting = Some(meeting.to_owned());
                    meta.place_and_dates = Some(place.to_owned());
                }
                None => meta.meeting = Some(first),
            },
            _ => meta.meeting = Some(first),
        }
    }
    // More lines than the two values (a CWG's `Geneva, 6-7 February 2017` above `Ninth
    // meeting – Geneva, …`): kept, joined into the place and dates, for a person to trim.
    let place: Vec<(Para, String)> = rest.collect();
    if let Some((first, _)) = place.first() {
        if place.len() > 1 {
            meta.guesses.push(Guess {
                key: "meeting.place_and_dates".into(),
                loc: first.loc,
                message: format!(
                    "the {} lines between the meeting and the title were joined into the place and dates",
                    place.len()
                ),
            });
        }
        let joined: Vec<&str> = place.iter().map(|(_, t)| t.as_str()).collect();
        meta.place_and_dates = Some(joined.join("; "));
    }
    AfterTitle(after)
}

/// How a source line starts, in the languages of the Union's Council documents.
const SOURCE_LINES: [&str; 11] = [
    "Report by",
    "Note by",
    "Report of",
    "Contribution by",
    "Contribution from",
    "Rapport du",
    "Rapport de",
    "Note du",
    "Contribution de",
    "Informe del",
    "Nota del",
];

/// The header label of `field` (`agenda_item`, `document`) in each language, as the
/// locale table words it, without its value and colon: `Agenda item`, `Point de
/// l’ordre du jour`, `Documento` …
fn labels(field: fn(&crate::locale::Labels) -> &str) -> Vec<String> {
    crate::locale::Language::ALL
        .into_iter()
        .map(move |l| {
            let labels = crate::locale::table::labels(l);
            field(&labels)
                .replace("{}", "")
                .trim()
                .trim_end_matches([':', '：'])
                .trim()
                .to_owned()
        })
        .collect()
}

/// `Document C17/33-E` (`Documento C17/33-S` …) → `C17/33-E`.
fn document_line(t: &str) -> Option<&str> {
    static LABELS: LazyLock<Vec<String>> = LazyLock::new(|| labels(|l| &l.document));
    LABELS.iter().find_map(|label| {
        let rest = t.strip_prefix(label.as_str())?;
        let doc = rest.trim();
        (rest.starts_with(char::is_whitespace) && !doc.is_empty()).then_some(doc)
    })
}

/// Sets the number and language of `C17/33-E`.
fn document_number(doc: &str, meta: &mut ImportedMeta) {
    match doc.rsplit_once('-') {
        Some((n, lang)) if !lang.is_empty() && lang.chars().all(|c| c.is_ascii_alphabetic()) => {
            meta.number = Some(n.to_owned());
            meta.language = Some(lang.to_owned());
        }
        _ => meta.number = Some(doc.to_owned()),
    }
}

/// The other wordings of the agenda-item label met in Council documents besides the
/// locale table's (`Agenda item`, `Point de l’ordre du jour` …).
const AGENDA_LABELS: [&str; 3] = [
    "Item of the agenda",
    "Agenda item No.",
    "Point de l'ordre du jour",
];

/// `Agenda item: PL 1.4`, `AGENDA ITEM PL 1.4`, `Point de l’ordre du jour: PL 2`,
/// `Item of the agenda: ADM 5` → the item (`""` for the label alone, its value in the
/// next cell).
fn agenda_item(t: &str) -> Option<&str> {
    static LABELS: LazyLock<Vec<String>> = LazyLock::new(|| {
        let mut all: Vec<String> = AGENDA_LABELS.iter().map(|l| (*l).to_owned()).collect();
        all.extend(labels(|l| &l.agenda_item));
        // The longest first: `Agenda item No.` before `Agenda item`.
        all.sort_by_key(|l| std::cmp::Reverse(l.len()));
        all
    });
    LABELS.iter().find_map(|label| {
        let head = t.get(..label.len())?;
        if !head.to_lowercase().eq(&label.to_lowercase()) {
            return None;
        }
        let rest = &t[label.len()..];
        let value = rest.trim_start().trim_start_matches([':', '：']).trim();
        // A word that goes on (`Agenda items`) is not the label.
        let ends = rest.is_empty() || rest.starts_with([' ', ':', '：', '\t']);
        ends.then_some(value)
    })
}

/// What an agenda item reads like: `PL 1.4`, `ADM 5`, `1.4` (a number, after at most
/// two short words in capitals).
fn is_agenda_value(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    let Some((number, before)) = words.split_last() else {
        return false;
    };
    number.starts_with(|c: char| c.is_ascii_digit())
        && number.chars().all(|c| c.is_ascii_digit() || c == '.')
        && before.len() <= 2
        && before
            .iter()
            .all(|w| w.len() <= 5 && w.chars().all(|c| c.is_ascii_uppercase()))
}

/// `Revision 1 to Document C17/33-E`, `Révision 1 du Document C17/33-F`, `Revisión 1
/// al Documento C17/33-S`, or `Revision 1 to` alone (the number on the next line) → the
/// revision and the document number when the line has it.
fn revision_line(t: &str) -> Option<(u32, Option<&str>)> {
    let rest = ["Revision ", "Révision ", "Revisión "]
        .iter()
        .find_map(|w| t.strip_prefix(w))?;
    let (n, rest) = rest.split_once(' ').unwrap_or((rest, ""));
    let n: u32 = n.parse().ok()?;
    let rest = rest.trim();
    let after = ["to", "du", "au", "de", "del", "al"]
        .iter()
        .find_map(|w| {
            rest.strip_prefix(w)
                .filter(|r| r.is_empty() || r.starts_with(' '))
        })?
        .trim();
    if after.is_empty() {
        return Some((n, None));
    }
    document_line(after).map(|doc| (n, Some(doc)))
}

/// `Council 2017 Geneva, 15-25 May 2017` → (`Council 2017`, `Geneva, 15-25 May 2017`):
/// the meeting ends with its year or a closing bracket, and the place and dates that
/// follow read `Place, <day>… <year>`.
fn split_meeting_place(t: &str) -> Option<(&str, &str)> {
    let year = |w: &str| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit());
    let mut at = 0;
    for w in t.split(' ') {
        at += w.len();
        let rest = t[at..].trim_start();
        if (year(w) || w.ends_with(')')) && !rest.is_empty() {
            let (place, dates) = rest.split_once(", ")?;
            let ok = place.starts_with(|c: char| c.is_uppercase())
                && dates.starts_with(|c: char| c.is_ascii_digit())
                && rest.split_whitespace().last().is_some_and(year);
            return ok.then(|| (t[..at].trim_end(), rest));
        }
        at += 1;
    }
    None
}

/// `22 March 2018`, `22 mars 2018`, `22 de marzo de 2018` (the whole text).
pub fn parse_date(t: &str) -> Option<Date> {
    let words: Vec<&str> = t.split_whitespace().filter(|w| *w != "de").collect();
    let [d, m, y] = words[..] else {
        return None;
    };
    let month = Date::month_from_name(m).or_else(|| {
        let m = m.to_lowercase();
        [FRENCH_MONTHS, SPANISH_MONTHS]
            .iter()
            .find_map(|names| names.iter().position(|n| *n == m))
            .and_then(|i| u8::try_from(i + 1).ok())
    })?;
    Date::new(
        y.parse().ok()?,
        month,
        d.trim_end_matches("er").parse().ok()?,
    )
}

/// The months of a French or Spanish document's date (`5 mars 2018`, `1er juin 2018`,
/// `5 de marzo de 2018`).
const FRENCH_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const SPANISH_MONTHS: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

pub fn shorten(t: &str) -> String {
    let mut s: String = t.chars().take(40).collect();
    if s.len() < t.len() {
        s.push('…');
    }
    s
}

/// The loc of the first paragraph, for notes about a group.
pub fn first_loc(paras: &[Para]) -> Loc {
    paras.first().map_or(Loc::Line(1), |p| p.loc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_furniture() {
        for t in ["- 2 -", "– 12 –", "1", "-3-"] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["2017", "- a -", "1.", ""] {
            assert!(!is_page_number(t), "{t}");
        }
        for t in [
            "C17/33-E",
            "C17/130(Rev.1)-E",
            "CWG-Internet 9/2-E",
            "C17/DT/3 (Rev. 9)",
        ] {
            assert!(is_running_number(t), "{t}");
        }
        for t in ["Document C17/33-E", "Resolutions 101/102", "ITU-T"] {
            assert!(!is_running_number(t), "{t}");
        }
    }

    #[test]
    fn extra_header_lines_are_kept_as_a_guess() {
        let lines = [
            "Council Working Group (CWG-Internet)",
            "Geneva, 6-7 February 2017",
            "Ninth meeting – Geneva, 6-7 February 2017",
            "TITLE",
        ];
        let front = lines
            .iter()
            .map(|l| Para {
                text: super::super::Rich::plain(*l),
                loc: Loc::Line(1),
                style: super::super::Style::Normal,
                in_table: None,
            })
            .collect();
        let mut meta = ImportedMeta::default();
        classify(front, &mut meta, &mut Vec::new());
        assert_eq!(
            meta.place_and_dates.as_deref(),
            Some("Geneva, 6-7 February 2017; Ninth meeting – Geneva, 6-7 February 2017")
        );
        assert_eq!(meta.guesses[0].key, "meeting.place_and_dates");
    }

    #[test]
    fn revision_lines() {
        assert_eq!(
            revision_line("Revision 1 to Document C17/33-E"),
            Some((1, Some("C17/33-E")))
        );
        assert_eq!(
            revision_line("Révision 2 du Document C17/33-F"),
            Some((2, Some("C17/33-F")))
        );
        assert_eq!(
            revision_line("Revisión 1 al Documento C17/33-S"),
            Some((1, Some("C17/33-S")))
        );
        assert_eq!(revision_line("Revision 1 to"), Some((1, None)));
        assert_eq!(revision_line("Revision of the strategic plan"), None);
        assert_eq!(revision_line("Revision 1 to the plan"), None);
        assert_eq!(document_line("Documento C18/33-S"), Some("C18/33-S"));
        assert_eq!(document_line("Documents C17/35 and C17/33"), None);
    }

    #[test]
    fn agenda_item_labels() {
        for (line, want) in [
            ("Agenda item: PL 1.4", Some("PL 1.4")),
            ("AGENDA ITEM PL 1.4", Some("PL 1.4")),
            ("Item of the agenda: ADM 5", Some("ADM 5")),
            ("Agenda item No. 7", Some("7")),
            ("Point de l’ordre du jour: PL 2", Some("PL 2")),
            ("Point de l'ordre du jour : PL 2", Some("PL 2")),
            ("Punto del orden del día: PL 2", Some("PL 2")),
            ("Пункт повестки дня: PL 2", Some("PL 2")),
            ("议项：PL 2", Some("PL 2")),
            ("Agenda item:", Some("")),
            ("Agenda items of the session", None),
        ] {
            assert_eq!(agenda_item(line), want, "{line}");
        }
        assert!(is_agenda_value("PL 1.4") && is_agenda_value("ADM 5"));
        assert!(!is_agenda_value("ITU INTERNET ACTIVITIES") && !is_agenda_value("Council 2017"));
    }

    #[test]
    fn meeting_and_place_joined() {
        assert_eq!(
            split_meeting_place("Council 2017 Geneva, 15-25 May 2017"),
            Some(("Council 2017", "Geneva, 15-25 May 2017"))
        );
        assert_eq!(
            split_meeting_place("Working Group (CWG-Internet) Geneva, 6-7 February 2017"),
            Some(("Working Group (CWG-Internet)", "Geneva, 6-7 February 2017"))
        );
        assert_eq!(split_meeting_place("Council 2017"), None);
        assert_eq!(split_meeting_place("Geneva, 15-25 May 2017"), None);
        assert_eq!(
            parse_date("22 March 2018").map(Date::iso).as_deref(),
            Some("2018-03-22")
        );
        assert_eq!(parse_date("22 March 2018 and more"), None);
        for (t, iso) in [
            ("5 mars 2018", "2018-03-05"),
            ("1er août 2017", "2017-08-01"),
            ("5 de marzo de 2018", "2018-03-05"),
        ] {
            assert_eq!(parse_date(t).map(Date::iso).as_deref(), Some(iso), "{t}");
        }
    }
}
