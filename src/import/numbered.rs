//! A paragraph's section number, in the forms real Council documents write it:
//! `2.1<TAB>text`, `2.1 text` (spaces, or a no-break space, where Word's export or a web
//! page lost the TAB), `1<TAB>Heading` (summary records write level-1 numbers without a
//! period), `1)<TAB>Heading`, and `2.1Text` or `1Heading` (a web extraction that
//! dropped the TAB).
//!
//! A TAB is unambiguous; the other separators are taken only where a sentence cannot
//! start so: a level-1 number needs a capital after it and must not be a day of a date
//! (`5 April 2019`), and a number glued to its text needs a dot in it (`2.1All`).

use super::{Loc, Note, Para, Rich, Style};
use crate::number::SectionNumber;

/// How the number and its text were separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Separator {
    Tab,
    /// Spaces or no-break spaces, no TAB.
    Spaces,
    /// Nothing: `2.1All ITU-T study groups`.
    Glued,
    /// A number alone on its line (our own text report, before a list).
    Alone,
}

/// What a numbered paragraph's label says about the level-1 style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopStyle {
    /// `2.<TAB>`
    Period,
    /// `2<TAB>`
    Bare,
    /// `2)<TAB>`
    Parenthesis,
}

/// A numbered paragraph, split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbered {
    pub number: SectionNumber,
    /// The paragraph's runs after the number and its separator.
    pub rest: Rich,
    pub separator: Separator,
    /// For a level-1 number: how its label ends.
    pub top_style: Option<TopStyle>,
}

/// The largest level-1 number taken without a TAB: a report has a handful of sections,
/// and `120 new Recommendations were approved` must stay a sentence.
const MAX_UNTABBED_TOP: u32 = 30;

/// `2.1<TAB>text` → 2.1 and text; `2.<TAB>Title` → 2 and Title; `2.4` alone → 2.4 and "".
/// Spaces around a TAB are Word artefacts: removed, with a note.
pub fn split_number(p: &Para, notes: &mut Vec<Note>) -> Option<Numbered> {
    if matches!(p.style, Style::Item(_)) {
        return None;
    }
    let words = p.text.visible();
    let t = words.as_str();
    let end = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let label = &t[..end];
    if !label.starts_with(|c: char| c.is_ascii_digit()) || label.contains("..") {
        return None;
    }
    let mut rest = &t[end..];
    let parenthesis = !label.contains('.') && rest.starts_with(')');
    if parenthesis {
        rest = &rest[1..];
    }
    let number: SectionNumber = label.trim_end_matches('.').parse().ok()?;
    let top_style = (number.depth() == 1).then_some(if parenthesis {
        TopStyle::Parenthesis
    } else if label.ends_with('.') {
        TopStyle::Period
    } else {
        TopStyle::Bare
    });
    let spaces = [' ', '\u{A0}', '\u{202F}'];
    let before_tab = rest.trim_start_matches(spaces);
    let (separator, text) = if rest.is_empty() {
        // `2017.` or `10.` alone would read as a number: only take a bare number when it
        // is a plausible section label (our own text report writes a number alone when
        // an entry's text opens with a list).
        if number.depth() == 1 || t.len() > 12 {
            return None;
        }
        (Separator::Alone, "")
    } else if let Some(after) = before_tab.strip_prefix('\t') {
        let mut note = |message: String| {
            notes.push(Note {
                loc: p.loc,
                message,
            })
        };
        if before_tab.len() < rest.len() {
            note(format!("removed stray space between {label} and its TAB"));
        }
        let text = after.trim_start_matches(['\t', ' ', '\u{A0}']);
        if text.len() < after.len() {
            note(format!("removed stray space after the TAB of {label}"));
        }
        (Separator::Tab, text)
    } else if before_tab.len() < rest.len() {
        (Separator::Spaces, before_tab)
    } else {
        (Separator::Glued, rest)
    };
    if !plausible(number, label, separator, top_style, text) {
        return None;
    }
    Some(Numbered {
        number,
        rest: p.text.skip(t.len() - text.len()),
        separator,
        top_style,
    })
}

/// Whether a number written without a TAB opens a section rather than a sentence.
fn plausible(
    number: SectionNumber,
    label: &str,
    separator: Separator,
    top_style: Option<TopStyle>,
    text: &str,
) -> bool {
    let first = text.chars().next();
    let capital = first.is_some_and(|c| c.is_uppercase() || "“\"‘'(".contains(c));
    match separator {
        Separator::Tab | Separator::Alone => {
            // `1)<TAB>is open to all Member States` is a list, not a section.
            top_style != Some(TopStyle::Parenthesis) || capital
        }
        Separator::Spaces => {
            let first_word = text
                .split(|c: char| c.is_whitespace() || c == ',')
                .next()
                .unwrap_or("");
            let date = crate::dates::Date::month_from_name(first_word).is_some();
            capital
                && !date
                && (number.depth() > 1 || number.top() <= MAX_UNTABBED_TOP)
                && number.parts().iter().all(|&p| p < 100)
        }
        // `2.1All`, `1.Introduction`: a dot in the label, and a capital after it. A
        // summary record's `1Strengthening …` has no dot: then a word of three letters
        // or more, a capital and lower case (`5G networks`, `3GPP` stay text).
        Separator::Glued => {
            let word: String = text.chars().take_while(|c| c.is_alphabetic()).collect();
            let mut letters = word.chars();
            let word_like = word.chars().count() >= 3
                && letters.next().is_some_and(char::is_uppercase)
                && letters.all(char::is_lowercase);
            (label.contains('.') && first.is_some_and(char::is_uppercase) || word_like)
                && number.top() <= MAX_UNTABBED_TOP
                && number.parts().iter().all(|&p| p < 100)
        }
    }
}

/// The notes for numbers read without a TAB: one for the whole input per kind, so a
/// document typed with spaces throughout does not print a note per paragraph.
pub fn separator_notes(seen: &[(Loc, Separator)], notes: &mut Vec<Note>) {
    for (kind, what) in [
        (
            Separator::Spaces,
            "separated from their text by spaces or no-break spaces, not a TAB",
        ),
        (
            Separator::Glued,
            "written against their text without a TAB (a web page's extraction)",
        ),
    ] {
        let at: Vec<Loc> = seen
            .iter()
            .filter(|(_, s)| *s == kind)
            .map(|(l, _)| *l)
            .collect();
        if let Some(first) = at.first() {
            notes.push(Note {
                loc: *first,
                message: format!(
                    "{} section number(s) {what}: read as `number<TAB>text`",
                    at.len()
                ),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Para {
        Para {
            text: Rich::plain(text),
            loc: Loc::Line(1),
            style: Style::Normal,
            in_table: None,
        }
    }

    fn split(t: &str) -> Option<(String, String, Separator, Option<TopStyle>)> {
        let mut notes = Vec::new();
        split_number(&para(t), &mut notes).map(|n| {
            (
                n.number.to_string(),
                n.rest.visible(),
                n.separator,
                n.top_style,
            )
        })
    }

    #[test]
    fn numbers_and_stray_spaces() {
        let mut notes = Vec::new();
        let n = split_number(&para("3.4 \tBDT and MUST"), &mut notes).unwrap();
        assert_eq!(
            (n.number.to_string(), n.rest.visible().as_str()),
            ("3.4".into(), "BDT and MUST")
        );
        let n = split_number(&para("2.\tActivities"), &mut notes).unwrap();
        assert_eq!(
            (n.number.to_string(), n.rest.visible().as_str()),
            ("2".into(), "Activities")
        );
        assert_eq!(n.top_style, Some(TopStyle::Period));
        let n = split_number(&para("2.17.3\t The final"), &mut notes).unwrap();
        assert_eq!(n.rest.visible(), "The final");
        assert_eq!(notes.len(), 2);
        assert!(split("2017 was a year").is_none());
        assert!(split("2017").is_none());
        assert!(split("2.0\tx").is_none());
        assert_eq!(split("2.4").map(|x| x.1), Some(String::new()));
    }

    #[test]
    fn separators_real_documents_use() {
        use Separator::*;
        use TopStyle::*;
        let s = |t: &str| split(t).map(|x| (x.0, x.2, x.3));
        assert_eq!(s("1\tIntroduction"), Some(("1".into(), Tab, Some(Bare))));
        assert_eq!(
            s("1)\tIntroduction"),
            Some(("1".into(), Tab, Some(Parenthesis)))
        );
        assert_eq!(
            s("1.  Introduction"),
            Some(("1".into(), Spaces, Some(Period)))
        );
        assert_eq!(s("1 Introduction"), Some(("1".into(), Spaces, Some(Bare))));
        assert_eq!(
            s("2.1\u{A0}The Council"),
            Some(("2.1".into(), Spaces, None))
        );
        assert_eq!(s("2.1   ITU-T SG13"), Some(("2.1".into(), Spaces, None)));
        assert_eq!(
            s("2.1All ITU-T study groups"),
            Some(("2.1".into(), Glued, None))
        );
        assert_eq!(s("1.Introduction"), Some(("1".into(), Glued, Some(Period))));
        // Sentences and dates stay text.
        assert_eq!(s("5 April 2019"), None);
        assert_eq!(s("17 May 2017, from 0940 to 1230 hours"), None);
        assert_eq!(s("120 Member States replied"), None);
        assert_eq!(s("3 countries joined"), None);
        assert_eq!(s("1) is open to all Member States"), None);
        assert_eq!(s("1)\tis open to all Member States"), None);
        assert_eq!(s("12Members"), Some(("12".into(), Glued, Some(Bare))));
        assert_eq!(
            s("1Strengthening the regional presence"),
            Some(("1".into(), Glued, Some(Bare)))
        );
        assert_eq!(s("5G networks grew"), None);
        assert_eq!(s("3GPP met twice"), None);
        assert_eq!(s("4Kb of data"), None);
        assert_eq!(s("40Members"), None, "a level-1 number over 30");
    }
}
