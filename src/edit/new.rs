//! `new`: a commented skeleton entry with the next free number under a parent, or with a
//! number given, in the folder where its siblings live.

use std::path::Path;

use super::names::{entry_file_name, file_number, name_number};
use super::writer::Writer;
use super::{Change, EditError, Plan, load_clean, relative};
use crate::check::Checked;
use crate::number::SectionNumber;

/// Which number the new entry gets.
#[derive(Debug, Clone, Copy)]
pub enum Place {
    /// The next free number under this parent (after its last child).
    Under(SectionNumber),
    /// Exactly this number, which must be free.
    At(SectionNumber),
}

/// What `--title` gives: the words of the file name, and the entry's title too when
/// `heading` (a heading is bold, unlike the paragraphs beside it, so it is asked for).
#[derive(Debug, Clone, Copy, Default)]
pub struct Name<'a> {
    pub words: Option<&'a str>,
    pub heading: bool,
}

/// A written entry.
#[derive(Debug)]
pub struct Created {
    pub number: SectionNumber,
    /// The file as diagnostics name it (`entries/2/2.09.3-new-entry.toml`).
    pub file: String,
    /// The folder as checked after the file was added (warnings only).
    pub checked: Checked,
}

/// Works out the new file without writing it.
pub fn plan(root: &Path, place: Place, name: Name<'_>) -> Result<(Plan, SectionNumber), EditError> {
    let (draft, before) = load_clean(root)?;
    let entries: Vec<(SectionNumber, String)> = draft
        .entries
        .iter()
        .filter_map(|e| {
            let n = e.raw.number.get_ref().trim().parse().ok()?;
            Some((n, relative(root, draft.sources.path(e.file))?))
        })
        .collect();
    let file_of = |n: SectionNumber| entries.iter().find(|(m, _)| *m == n).map(|(_, f)| f);

    let number = match place {
        Place::Under(parent) => {
            if file_of(parent).is_none() {
                return Err(EditError::Refused(format!(
                    "there is no entry {parent} to put a new entry under"
                )));
            }
            let next = entries
                .iter()
                .filter(|(n, _)| n.parent() == Some(parent))
                .map(|(n, _)| n.last())
                .max()
                .unwrap_or(0)
                .saturating_add(1);
            parent.child(next).ok_or_else(|| {
                EditError::Refused(format!(
                    "{parent} is at the deepest level a number may have ({} parts)",
                    crate::number::MAX_DEPTH
                ))
            })?
        }
        Place::At(n) => {
            if let Some(file) = file_of(n) {
                return Err(EditError::RefusedWithHelp {
                    message: format!("{n} is in use by `{}`", super::display_in(root, file)),
                    help: in_use_help(n),
                });
            }
            if let Some(parent) = n.parent()
                && file_of(parent).is_none()
            {
                return Err(EditError::Refused(format!(
                    "there is no entry {parent}, the parent {n} needs"
                )));
            }
            n
        }
    };

    let folder = folder_for(number, &entries);
    let file_name = entry_file_name(number, name.words.unwrap_or("new entry"));
    let rel = if folder.is_empty() {
        file_name
    } else {
        format!("{folder}/{file_name}")
    };
    let text = skeleton(number, name, &schema_path(root, &folder));
    let mut plan = Plan::after(root, &before);
    plan.changes.push(Change {
        from: None,
        to: rel,
        original: None,
        text,
    });
    Ok((plan, number))
}

/// Writes the new entry after checking the folder with it.
pub fn run(root: &Path, place: Place, name: Name<'_>) -> Result<Created, EditError> {
    // Under the lock: two `new --under 2.9` at once get 2.9.3 and 2.9.4.
    let _lock = super::session(root)?;
    let (plan, number) = plan(root, place, name)?;
    let checked = plan.verify()?;
    plan.apply("new")?;
    // `plan` pushed exactly one change, the new file, before returning.
    let file = plan.display(&plan.changes[0].to);
    Ok(Created {
        number,
        file,
        checked,
    })
}

/// What to run when the number asked for is taken: make room there, or take the next
/// free number under the same parent.
fn in_use_help(n: SectionNumber) -> String {
    let insert = format!(
        "to put the new entry at {n}, make room with `council-report renumber --insert {n}` \
         ({n} and the entries after it move down one), then run this `new` again"
    );
    match n.parent() {
        Some(parent) => format!(
            "{insert}; for the next free number under {parent}: `council-report new --under {parent}`"
        ),
        None => insert,
    }
}

/// The folder (relative to the entries folder, `""` for the top) of the new entry: where
/// its last sibling is, else where its parent is. Where siblings each have a folder named
/// after their number (`7/7-igf.toml`), the new entry gets one too (`8/`).
pub(super) fn folder_for(number: SectionNumber, entries: &[(SectionNumber, String)]) -> String {
    let dir = |rel: &str| rel.rsplit_once('/').map_or("", |(d, _)| d).to_owned();
    let last_sibling = entries
        .iter()
        .filter(|(n, _)| n.parent() == number.parent())
        .max_by_key(|(n, _)| *n);
    if let Some((sibling, rel)) = last_sibling {
        let folder = dir(rel);
        let (outer, own) = folder.rsplit_once('/').unwrap_or(("", &folder));
        if name_number(own).is_some_and(|(n, len, _)| n == *sibling && len == own.len()) {
            let mine = file_number(number, true);
            return if outer.is_empty() {
                mine
            } else {
                format!("{outer}/{mine}")
            };
        }
        return folder;
    }
    number
        .parent()
        .and_then(|p| entries.iter().find(|(n, _)| *n == p))
        .map_or_else(String::new, |(_, rel)| dir(rel))
}

/// The path of the entry schema as the new file's `#:schema` line should give it: the first
/// of `entry.schema.json` in the entries folder, `schemas/` beside it, or the folder above,
/// that exists; else the entries folder, where `council-report schema` can put it.
fn schema_path(root: &Path, folder: &str) -> String {
    let name = crate::schema::Kind::Entry.file_name();
    let up = "../".repeat(folder.split('/').filter(|s| !s.is_empty()).count());
    let candidates = [
        name.to_owned(),
        format!("../schemas/{name}"),
        format!("../{name}"),
    ];
    let found = candidates
        .iter()
        .find(|c| {
            let mut p = root.to_path_buf();
            p.extend(c.split('/'));
            p.is_file()
        })
        // `candidates` is a non-empty literal list.
        .unwrap_or(&candidates[0]);
    format!("{up}{found}")
}

/// The commented skeleton: valid as it stands (a placeholder text), with every optional key
/// shown commented out so the author sees what an entry may hold.
pub(super) fn skeleton(number: impl std::fmt::Display, name: Name<'_>, schema: &str) -> String {
    let mut w = Writer::new(crate::raw::shape::ENTRY);
    w.set("number", number.to_string());
    let title = name.words.filter(|_| name.heading);
    if let Some(t) = title {
        w.set("title", t);
    }
    w.text("text", SKELETON_TEXT);
    w.header(&format!(
        "#:schema {schema}\n\
         # Entry {number}. README.md (\"An entry\") describes every key; an editor that reads the\n\
         # schema named above completes and checks them as you type. Delete what you do not need.\n"
    ));
    if title.is_none() {
        // The words given name the file; shown here, they are one `#` from a heading.
        let line = match name.words {
            Some(w) => format!(
                "# title = {}  # makes the entry a heading\n",
                toml_edit::Value::from(w)
            ),
            None => "# title = \"…\"                  # makes the entry a heading\n".to_owned(),
        };
        w.absent("title", &line);
    }
    w.absent(
        "sector",
        "# sector = \"ITU-T\"             # ITU-T | ITU-R | ITU-D | GS\n",
    );
    w.absent(
        "resolutions",
        "# resolutions = [101]           # among report.toml's resolutions\n",
    );
    w.absent(
        "recommendations",
        "# [[recommendations]]           # one table per Recommendation; its id must be in the text\n\
         # id = \"ITU-T Y.3071\"\n\
         # title = \"…\"\n\
         # status = \"approved\"           # approved | consented | revised | started\n",
    );
    w.absent(
        "event",
        "# [event]                       # a workshop, meeting or forum\n\
         # name = \"…\"\n\
         # place = \"…\"\n\
         # start = 2017-04-02            # TOML dates, no quotes\n\
         # end = 2017-04-03\n",
    );
    w.finish().text
}

pub use crate::raw::SKELETON_TEXT;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::n;

    #[test]
    fn folders_follow_siblings() {
        let entries = vec![
            (n("2"), "2/2-ip.toml".to_owned()),
            (n("2.9"), "2/2.09-sg13.toml".to_owned()),
            (n("2.9.1"), "2/sg13/2.09.1-x.toml".to_owned()),
            (n("7"), "7/7-igf.toml".to_owned()),
        ];
        assert_eq!(folder_for(n("2.9.2"), &entries), "2/sg13");
        assert_eq!(folder_for(n("2.10"), &entries), "2");
        assert_eq!(folder_for(n("2.9.1.1"), &entries), "2/sg13");
        assert_eq!(folder_for(n("8"), &entries), "8");
    }

    #[test]
    fn skeleton_is_an_entry() {
        let heading = Name {
            words: Some("A “new” one"),
            heading: true,
        };
        let text = skeleton(n("2.9.3"), heading, "../entry.schema.json");
        assert!(text.starts_with("#:schema ../entry.schema.json\n"));
        let v: toml::Table = toml::from_str(&text).unwrap();
        assert_eq!(v["number"].as_str(), Some("2.9.3"));
        assert_eq!(v["title"].as_str(), Some("A “new” one"));
        // Written in the one layout: `fmt` has nothing to change.
        assert_eq!(
            super::super::fmt::format_entry("e.toml", &text).unwrap(),
            text
        );
        // Words without --heading name the file and show as a commented title.
        let words = Name {
            words: Some("A “new” one"),
            heading: false,
        };
        for bare in [
            skeleton(n("2.9.3"), Name::default(), "../entry.schema.json"),
            skeleton(n("2.9.3"), words, "../entry.schema.json"),
        ] {
            assert_eq!(
                super::super::fmt::format_entry("e.toml", &bare).unwrap(),
                bare
            );
            let v: toml::Table = toml::from_str(&bare).unwrap();
            assert!(v.get("title").is_none(), "{bare}");
            assert!(bare.contains("# title = "), "{bare}");
        }
    }
}
