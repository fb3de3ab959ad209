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
        } else if meta.source.is_none()
            && [
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

/// `22 March 2018` (the whole text).
pub fn parse_date(t: &str) -> Option<Date> {
    let mut words = t.split_whitespace();
    let (d, m, y) = (words.next()?, words.next()?, words.next()?);
    if words.next().is_some() {
        return None;
    }
    Date::new(y.parse().ok()?, Date::month_from_name(m)?, d.parse().ok()?)
}

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
    }
}
