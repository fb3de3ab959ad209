//! Internal links and cross-reference fields of a DOCX, made cross-references (`[§2.9]`).
//!
//! Word points at a place in the document with a bookmark: `build` puts `entry_2_9` on
//! each entry's first paragraph, and Word's Insert › Cross-reference puts `_Ref480000002`
//! on the paragraph it names, then writes a `REF` (or `PAGEREF`) field or an internal
//! hyperlink (`w:hyperlink w:anchor`) there. The reader ([`super::docx`]) keeps each as
//! a [`Run::Internal`] and notes where every bookmark starts; here, once the structure
//! says which paragraph opened which entry, a link whose bookmark starts on an entry's
//! opening paragraph becomes that entry's cross-reference, which prints its number and
//! follows it through `renumber`. Anything else keeps its words, with a note. (Notes
//! about the Summary box and the count of references carry no paragraph: [`Loc::Data`].)

use std::collections::HashMap;

use super::{Block, Guess, Imported, Loc, Note, Rich, Run};
use crate::number::SectionNumber;

/// Turns the internal links of `imported` into cross-references where their bookmark
/// (in `bookmarks`, by name) opens an entry.
pub fn resolve(imported: &mut Imported, bookmarks: &HashMap<String, Loc>, notes: &mut Vec<Note>) {
    let at: HashMap<Loc, SectionNumber> =
        imported.entries.iter().map(|e| (e.loc, e.number)).collect();
    let mut made = 0;
    let mut resolver = Resolver {
        bookmarks,
        at: &at,
        notes,
        made: &mut made,
    };
    for e in &mut imported.entries {
        let place = format!("entry {}", e.number);
        let guesses = resolver.blocks(&mut e.blocks, e.loc, &place);
        if let Some(message) = guesses {
            e.guesses.push(Guess {
                key: "text".into(),
                loc: e.loc,
                message,
            });
        }
    }
    let meta = &mut imported.meta;
    for (key, blocks) in [
        ("summary.text", &mut meta.summary),
        ("summary.action", &mut meta.action),
        ("summary.references", &mut meta.references),
    ] {
        if let Some(message) = resolver.blocks(blocks, Loc::Data, key) {
            meta.guesses.push(Guess {
                key: key.into(),
                loc: Loc::Data,
                message,
            });
        }
    }
    if made > 0 {
        notes.push(Note {
            loc: Loc::Data,
            message: format!(
                "{made} link(s) and cross-reference field(s) to a numbered paragraph became cross-references (`[§2.9]`), which print the entry's number and follow renumbering"
            ),
        });
    }
}

struct Resolver<'a> {
    bookmarks: &'a HashMap<String, Loc>,
    at: &'a HashMap<Loc, SectionNumber>,
    notes: &'a mut Vec<Note>,
    made: &'a mut usize,
}

impl Resolver<'_> {
    /// Resolves the links of `blocks`; the guess to mark on the value, if the words of
    /// a link had to give way to the number.
    fn blocks(&mut self, blocks: &mut [Block], loc: Loc, place: &str) -> Option<String> {
        let mut guess = None;
        for b in blocks {
            let (Block::Para(text) | Block::Item(_, text)) = b;
            if !text.0.iter().any(|r| matches!(r, Run::Internal { .. })) {
                continue;
            }
            let mut out = Rich::default();
            for run in std::mem::take(&mut text.0) {
                match run {
                    Run::Internal {
                        label,
                        bookmark,
                        page,
                    } => {
                        if let Some(g) = self.one(&mut out, label, &bookmark, page, loc, place) {
                            guess.get_or_insert(g);
                        }
                    }
                    run => out.push(run),
                }
            }
            *text = out;
        }
        guess
    }

    /// Appends what one link becomes to `out`; a guess when its words were replaced.
    fn one(
        &mut self,
        out: &mut Rich,
        label: String,
        bookmark: &str,
        page: bool,
        loc: Loc,
        place: &str,
    ) -> Option<String> {
        let number = self
            .bookmarks
            .get(bookmark)
            .and_then(|at| self.at.get(at).copied());
        let Some(number) = number else {
            let why = if self.bookmarks.contains_key(bookmark) {
                "which is not on a numbered paragraph (an entry's first paragraph)"
            } else {
                "which the document does not have"
            };
            self.notes.push(Note {
                loc,
                message: format!(
                    "{place}: the link `{}` points at the bookmark `{bookmark}`, {why}: kept as text",
                    label.trim()
                ),
            });
            out.push_text(&label, false, false);
            return None;
        };
        *self.made += 1;
        let n = number.to_string();
        let xref = Run::Xref { number: n.clone() };
        // The number among the link's words (`2.9`, `section 2.9`, `2.9.`): only the
        // number becomes the reference.
        if let Some(at) = find_number(&label, &n) {
            out.push_text(&label[..at], false, false);
            out.push(xref);
            out.push_text(&label[at + n.len()..], false, false);
            return None;
        }
        let words = label.trim();
        let lead = &label[..label.len() - label.trim_start().len()];
        let trail = &label[label.trim_end().len()..];
        out.push_text(lead, false, false);
        out.push(xref);
        out.push_text(trail, false, false);
        let message = if page {
            format!(
                "the page number `{words}` (a PAGEREF field to the bookmark `{bookmark}`, on entry {n}) became the cross-reference [§{n}], which prints the entry's number: the report has no page numbers to point at, reword the sentence around it"
            )
        } else if words.parse::<SectionNumber>().is_ok() {
            format!(
                "the cross-reference read `{words}`, but its bookmark `{bookmark}` is on entry {n} (Word had not updated the field): it is now [§{n}]"
            )
        } else {
            format!(
                "the words `{}` of a link to entry {n} (bookmark `{bookmark}`) became the cross-reference [§{n}], which prints the entry's number: check the sentence",
                super::front::shorten(words)
            )
        };
        self.notes.push(Note {
            loc,
            message: format!("{place}: {message}"),
        });
        Some(message)
    }
}

/// Where `number` stands in `label` as a whole number (`2.9` in `section 2.9.`, not in
/// `2.9.1` or `12.9`).
fn find_number(label: &str, number: &str) -> Option<usize> {
    label.match_indices(number).map(|(i, _)| i).find(|&i| {
        let before = label[..i].chars().next_back();
        let after = &label[i + number.len()..];
        let digit_after = after
            .strip_prefix('.')
            .unwrap_or(after)
            .starts_with(|c: char| c.is_ascii_digit());
        !before.is_some_and(|c| c.is_ascii_digit() || c == '.') && !digit_after
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{ImportedEntry, write::escape_markup};

    fn entry(number: &str, at: usize, text: Rich) -> ImportedEntry {
        ImportedEntry {
            number: number.parse().unwrap(),
            loc: Loc::Paragraph(at),
            title: None,
            blocks: vec![Block::Para(text)],
            sector: None,
            recommendations: Vec::new(),
            event: None,
            guesses: Vec::new(),
        }
    }

    fn link(words: &str, label: &str, bookmark: &str, page: bool) -> Rich {
        let mut r = Rich::plain(words);
        r.push(Run::Internal {
            label: label.into(),
            bookmark: bookmark.into(),
            page,
        });
        r.push_text(".", false, false);
        r
    }

    fn resolved(label: &str, bookmark: &str, page: bool) -> (String, Vec<Guess>, Vec<Note>) {
        let mut imported = Imported {
            entries: vec![
                entry("2.9", 5, Rich::plain("Target.")),
                entry("3.1", 9, link("See ", label, bookmark, page)),
            ],
            ..Imported::default()
        };
        let bookmarks: HashMap<String, Loc> = [
            ("_Ref1".to_owned(), Loc::Paragraph(5)),
            ("inside".to_owned(), Loc::Paragraph(6)),
        ]
        .into();
        let mut notes = Vec::new();
        resolve(&mut imported, &bookmarks, &mut notes);
        let e = &imported.entries[1];
        (escape_markup(e.blocks[0].text()), e.guesses.clone(), notes)
    }

    #[test]
    fn a_link_to_an_entry_is_a_cross_reference() {
        let (text, guesses, notes) = resolved("section 2.9", "_Ref1", false);
        assert_eq!(text, "See section [§2.9].");
        assert!(guesses.is_empty());
        assert!(notes[0].message.starts_with("1 link(s)"), "{notes:?}");
        assert_eq!(resolved("2.9", "_Ref1", false).0, "See [§2.9].");
    }

    #[test]
    fn other_words_give_way_to_the_number_as_a_guess() {
        for (label, page, says) in [
            (
                "Activities of ITU-T",
                false,
                "became the cross-reference [§2.9]",
            ),
            ("2.8", false, "Word had not updated the field"),
            ("4", true, "PAGEREF"),
        ] {
            let (text, guesses, notes) = resolved(label, "_Ref1", page);
            assert_eq!(text, "See [§2.9].", "{label}");
            assert_eq!(guesses.len(), 1, "{label}");
            assert_eq!(guesses[0].key, "text");
            assert!(guesses[0].message.contains(says), "{label}: {guesses:?}");
            assert!(notes.iter().any(|n| n.message.contains(says)), "{notes:?}");
        }
    }

    #[test]
    fn a_link_elsewhere_keeps_its_words() {
        for (bookmark, why) in [
            ("inside", "not on a numbered paragraph"),
            ("_Ref404", "the document does not have"),
        ] {
            let (text, guesses, notes) = resolved("the table", bookmark, false);
            assert_eq!(text, "See the table.");
            assert!(guesses.is_empty());
            assert!(notes[0].message.contains(why), "{notes:?}");
            assert!(notes[0].message.contains("kept as text"), "{notes:?}");
        }
    }

    #[test]
    fn numbers_match_whole() {
        assert_eq!(find_number("section 2.9.", "2.9"), Some(8));
        assert_eq!(find_number("2.9.1", "2.9"), None);
        assert_eq!(find_number("12.9", "2.9"), None);
        assert_eq!(find_number("2.9 and 2.9.1", "2.9"), Some(0));
    }
}
