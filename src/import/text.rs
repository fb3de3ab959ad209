//! The plain text of a report, as Word's "Plain Text" export or our own text report
//! writes it: one paragraph per line, `2.1<TAB>text`, `–<TAB>item`.
//!
//! Word leaves artefacts in such exports: `[bookmark: _Hlt239152104]` markers where the
//! document had bookmarks, stray spaces around a paragraph's number and its tab, spaces
//! and non-breaking spaces at line ends, vertical tabs for manual line breaks. They are
//! removed here, and each removal becomes a [`Note`] so nothing is changed silently.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use super::{Loc, Note, Para, Rich, Style};

/// The text of `bytes`: UTF-8 (a byte-order mark is fine) or UTF-16 with its BOM, which
/// is what Word's "Unicode Text" export writes; `None` for anything malformed in it.
pub fn decode(bytes: &[u8]) -> Option<String> {
    let (encoding, bom) = Encoding::for_bom(bytes).unwrap_or((UTF_8, 0));
    encoding
        .decode_without_bom_handling_and_without_replacement(&bytes[bom..])
        .map(Cow::into_owned)
}

/// Windows-1252, what Word's "Plain Text" export writes by default on Windows. `None` if
/// a byte has no character there (0x81, 0x8D, 0x8F, 0x90, 0x9D): the WHATWG table that
/// encoding_rs follows maps those to the C1 controls U+0081 … rather than failing, and
/// nothing else decodes to a C1 control.
pub fn decode_windows_1252(bytes: &[u8]) -> Option<String> {
    let text = WINDOWS_1252.decode_without_bom_handling_and_without_replacement(bytes)?;
    (!text.chars().any(|c| ('\u{80}'..='\u{9F}').contains(&c))).then(|| text.into_owned())
}

/// Every non-empty line as a cleaned paragraph.
pub fn paragraphs(text: &str, notes: &mut Vec<Note>) -> Vec<Para> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let line = Rich::plain(line.trim_end_matches('\r'));
            clean_line(line, Loc::Line(i + 1), notes)
        })
        .collect()
}

/// Cleans one line (a text export's, or a DOCX paragraph's runs); `None` for a line with
/// nothing on it. The words are cleaned in every run; white space and a bullet are cut
/// off the ends, whatever run holds them.
pub(super) fn clean_line(line: Rich, loc: Loc, notes: &mut Vec<Note>) -> Option<Para> {
    let mut note = |message: String| notes.push(Note { loc, message });
    let line = line.map_words(|w| control_characters(&remove_bookmarks(w, &mut note), &mut note));
    let words = line.visible();

    // Leading TABs before a bullet are the list level (our own text report indents
    // enumlev2 items so); any other leading white space is an artefact.
    let tabs = words.len() - words.trim_start_matches('\t').len();
    let (start, style) = match bullet_item(&words[tabs..]) {
        Some((level, item)) => {
            let level = level.max(u8::try_from(tabs).unwrap_or(1)).min(1);
            (words.len() - item.len(), Style::Item(level))
        }
        None => {
            let body = words.trim_start_matches([' ', '\t', '\u{A0}']);
            if body.len() < words.len() && !body.trim_end().is_empty() {
                note("removed stray white space at the start of the line".into());
            }
            (words.len() - body.len(), Style::Normal)
        }
    };
    let kept = trim_end_noted(&words[start..], &mut note);
    if kept.is_empty() {
        return None;
    }
    Some(Para {
        text: line.skip(start).truncate(kept.len()),
        loc,
        style,
        in_table: None,
    })
}

/// `–<TAB>text`, `-<TAB>text`, `•<TAB>text`: a list item's text (level 0; the caller
/// adds the level of leading TABs).
fn bullet_item(s: &str) -> Option<(u8, &str)> {
    ["–\t", "-\t", "•\t", "—\t"]
        .iter()
        .find_map(|b| s.strip_prefix(b))
        .map(|rest| (0, rest.trim_start_matches([' ', '\t'])))
}

/// Removes `[bookmark: name]` markers, one note each.
fn remove_bookmarks(line: &str, note: &mut impl FnMut(String)) -> String {
    const OPEN: &str = "[bookmark: ";
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find(OPEN) {
        let Some(close) = rest[at..].find(']') else {
            break;
        };
        out.push_str(&rest[..at]);
        note(format!("removed {}", &rest[at..at + close + 1]));
        rest = &rest[at + close + 1..];
    }
    out.push_str(rest);
    out
}

/// Control characters other than TAB: Word writes U+000B for a manual line break (a
/// space in our paragraphs); the others cannot go into a DOCX at all.
fn control_characters(line: &str, note: &mut impl FnMut(String)) -> String {
    if !line.chars().any(|c| c.is_control() && c != '\t') {
        return line.to_owned();
    }
    line.chars()
        .filter_map(|c| match c {
            '\t' => Some(c),
            '\u{B}' | '\u{C}' => {
                note(format!(
                    "replaced a manual line break (U+{:04X}) by a space",
                    u32::from(c)
                ));
                Some(' ')
            }
            c if c.is_control() => {
                note(format!(
                    "removed the control character U+{:04X}",
                    u32::from(c)
                ));
                None
            }
            c => Some(c),
        })
        .collect()
}

/// Drops spaces, TABs and non-breaking spaces at the end, saying which.
pub(super) fn trim_end_noted(s: &str, note: &mut impl FnMut(String)) -> String {
    let trimmed = s.trim_end_matches([' ', '\t', '\u{A0}', '\u{202F}']);
    let tail = &s[trimmed.len()..];
    if tail.contains(['\u{A0}', '\u{202F}']) {
        note("removed a non-breaking space at the end of the line".into());
    } else if !tail.is_empty() {
        note("removed white space at the end of the line".into());
    }
    trimmed.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(line: &str) -> (Option<Para>, Vec<String>) {
        let mut notes = Vec::new();
        let p = clean_line(Rich::plain(line), Loc::Line(3), &mut notes);
        (p, notes.into_iter().map(|n| n.message).collect())
    }

    #[test]
    fn bookmarks_and_spaces_are_removed_with_notes() {
        let (p, notes) = clean(" [bookmark: _Hlt1][bookmark: _Hlt2]This report.\u{A0}");
        assert_eq!(p.map(|p| p.text.visible()).as_deref(), Some("This report."));
        assert_eq!(
            notes,
            [
                "removed [bookmark: _Hlt1]",
                "removed [bookmark: _Hlt2]",
                "removed stray white space at the start of the line",
                "removed a non-breaking space at the end of the line"
            ]
        );
    }

    #[test]
    fn bullets_and_levels() {
        let (p, _) = clean("\t–\tnested");
        let p = p.unwrap();
        assert_eq!(
            (p.text.visible().as_str(), p.style),
            ("nested", Style::Item(1))
        );
        let (p, _) = clean("–\touter");
        assert_eq!(p.unwrap().style, Style::Item(0));
        let (p, notes) = clean("   ");
        assert!(p.is_none() && notes.is_empty());
    }

    #[test]
    fn decodes_utf16_and_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFab").as_deref(), Some("ab"));
        assert_eq!(decode(b"\xFF\xFEa\0b\0").as_deref(), Some("ab"));
        assert_eq!(decode(b"\xFE\xFF\0a\0b").as_deref(), Some("ab"));
        assert_eq!(decode(b"\xFF\xFEa\0b"), None, "an odd byte left");
        assert_eq!(decode(b"\xFF\xFE\x00\xD8a\0"), None, "a lone surrogate");
        assert_eq!(decode(b"Caf\xE9"), None);
        assert_eq!(
            decode_windows_1252(b"Caf\xE9 \x93ok\x94 \x96\t").as_deref(),
            Some("Café “ok” –\t")
        );
        for undefined in [0x81, 0x8D, 0x8F, 0x90, 0x9D] {
            assert_eq!(decode_windows_1252(&[b'a', undefined]), None);
        }
    }
}
