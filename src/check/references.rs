//! Cross-references between entries: E029, a typed reference (`[§4.5]`) to a number no
//! entry has; W013, prose that names an existing entry by its number (“section 4.5”),
//! which a renumbering would leave pointing at another entry.
//!
//! Each file's texts note what they mention while the file is checked
//! ([`crate::diag::Mention`], found by [`mentions`]); the rules run once every entry's
//! number is known ([`check`]).

use std::collections::BTreeSet;
use std::ops::Range;

use crate::diag::{Code, Diagnostic, Mention};
use crate::markup::REF_SIGN;
use crate::number::SectionNumber;

/// The words that, followed by a number, name a part of the report in prose: English,
/// and the French and Spanish a report written in those languages uses. Longer words
/// first, so that `paragraphe` is not read as `paragraph`.
const WORDS: [&str; 7] = [
    "paragraphe",
    "paragraph",
    "section",
    "sección",
    "párrafo",
    "para.",
    "§",
];

/// Prose mentions of a section number in `text` (decoded): the phrase's range (word and
/// number), the number's range, and the number.
pub(super) fn prose(text: &str) -> Vec<(Range<usize>, SectionNumber)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < text.len() {
        let Some(found) = next_word(text, at) else {
            break;
        };
        let (start, word) = found;
        at = start + word.len();
        // `[§4.5]` is the typed form, not prose.
        if word == "§" && text[..start].ends_with('[') {
            continue;
        }
        let after = &text[at..];
        let gap = after.len() - after.trim_start_matches([' ', '\u{A0}', '\u{202F}']).len();
        if gap == 0 && word != "§" {
            continue;
        }
        let digits_start = at + gap;
        let mut end = digits_start;
        // Digits and dots, a dot only between digits.
        while end < bytes.len()
            && (bytes[end].is_ascii_digit()
                || (bytes[end] == b'.'
                    && end > digits_start
                    && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)))
        {
            end += 1;
        }
        if end == digits_start || text[end..].starts_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        // “paragraph 2 of Resolution 101”, “section 3 in the Constitution” name a part of
        // another text.
        let rest = text[end..].trim_start().to_lowercase();
        if ["of ", "in ", "de ", "du ", "del "]
            .iter()
            .any(|w| rest.starts_with(w))
        {
            continue;
        }
        if let Ok(number) = text[digits_start..end].parse() {
            out.push((start..end, number));
        }
        at = end;
    }
    out
}

/// The next of [`WORDS`] at or after `from` that starts a word, matched without regard
/// to the case of its first letter. Every text of every entry goes through this, so it
/// jumps from one possible first letter to the next rather than trying each position.
fn next_word(text: &str, from: usize) -> Option<(usize, &'static str)> {
    let mut i = from;
    while let Some(at) = text.get(i..)?.find(['s', 'S', 'p', 'P', '§']) {
        i += at;
        let starts_word = text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if starts_word {
            let rest = &text[i..];
            if let Some(w) = WORDS.iter().find(|w| {
                rest.get(..w.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(w))
            }) {
                return Some((i, w));
            }
        }
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// E029 and W013 over every mention, given every entry's number.
pub(super) fn check(
    mentions: &[Mention],
    numbers: &BTreeSet<SectionNumber>,
    diags: &mut Vec<Diagnostic>,
) {
    for m in mentions {
        let exists = numbers.contains(&m.number);
        if m.typed && !exists {
            let mut d = Diagnostic::new(
                Code::BrokenReference,
                format!(
                    "`{}` refers to entry {}, but there is no entry {}",
                    m.written, m.number, m.number
                ),
            )
            .at(m.file, m.span.clone())
            .label(format!("no entry {}", m.number));
            d = match nearest(m.number, numbers) {
                Some(n) => d.help(format!(
                    "the nearest entry is {n}: write `[{REF_SIGN}{n}]`, or give the entry meant its number"
                )),
                None => d.help("write the number of an existing entry"),
            };
            diags.push(d);
        } else if !m.typed && exists {
            let word = m
                .written
                .strip_suffix(&m.number.to_string())
                .unwrap_or(&m.written)
                .trim_end();
            let typed = if word == "§" {
                format!("[{REF_SIGN}{}]", m.number)
            } else {
                format!("{word} [{REF_SIGN}{}]", m.number)
            };
            diags.push(
                Diagnostic::new(
                    Code::UntypedReference,
                    format!(
                        "“{}” names entry {} by its number: `renumber` will not update it",
                        m.written, m.number
                    ),
                )
                .at(m.file, m.span.clone())
                .label("a number in prose")
                .help(format!(
                    "write `{typed}`: a cross-reference that `renumber` keeps pointing at this entry and the DOCX links to it"
                )),
            );
        }
    }
}

/// The existing number closest to `missing`: the sibling with the nearest last part (the
/// lower on a tie), else the nearest ancestor, else the last number before it.
fn nearest(missing: SectionNumber, numbers: &BTreeSet<SectionNumber>) -> Option<SectionNumber> {
    let sibling = numbers
        .iter()
        .filter(|n| n.depth() == missing.depth() && n.parent() == missing.parent())
        .min_by_key(|n| (n.last().abs_diff(missing.last()), n.last()));
    if let Some(n) = sibling {
        return Some(*n);
    }
    let mut up = missing.parent();
    while let Some(p) = up {
        if numbers.contains(&p) {
            return Some(p);
        }
        up = p.parent();
    }
    numbers
        .range(..missing)
        .next_back()
        .or_else(|| numbers.iter().next())
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::n;

    fn found(text: &str) -> Vec<(&str, String)> {
        prose(text)
            .into_iter()
            .map(|(r, num)| (&text[r], num.to_string()))
            .collect()
    }

    #[test]
    fn prose_numbers_are_found_and_others_left() {
        assert_eq!(
            found(
                "As section 4.5 said, and Paragraph 2.9.1. See also §3, § 2.1 and para. 7; \
                 not [§4.5], paragraph 2 of Resolution 101, section 4.5a, intersection 4, \
                 sections 4.5, nor section five."
            ),
            [
                ("section 4.5", "4.5".to_owned()),
                ("Paragraph 2.9.1", "2.9.1".to_owned()),
                ("§3", "3".to_owned()),
                ("§ 2.1", "2.1".to_owned()),
                ("para. 7", "7".to_owned()),
            ]
        );
        assert_eq!(
            found("le paragraphe 2.3 et la sección 4, el párrafo 1.2"),
            [
                ("paragraphe 2.3", "2.3".to_owned()),
                ("sección 4", "4".to_owned()),
                ("párrafo 1.2", "1.2".to_owned()),
            ]
        );
    }

    #[test]
    fn the_nearest_number_is_a_sibling_then_an_ancestor() {
        let numbers: BTreeSet<SectionNumber> = ["2", "2.1", "2.4", "2.4.1", "3"]
            .iter()
            .map(|s| n(s))
            .collect();
        assert_eq!(nearest(n("2.3"), &numbers), Some(n("2.4")));
        assert_eq!(nearest(n("2.2"), &numbers), Some(n("2.1")));
        assert_eq!(nearest(n("2.4.7"), &numbers), Some(n("2.4.1")));
        assert_eq!(nearest(n("2.1.1"), &numbers), Some(n("2.1")));
        assert_eq!(nearest(n("9"), &numbers), Some(n("3")));
        assert_eq!(nearest(n("1.1"), &numbers), Some(n("2")));
    }
}
