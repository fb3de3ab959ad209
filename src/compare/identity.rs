//! Which entry of the issued version each entry of the revision is: the identity that
//! survives renumbering.
//!
//! An entry is matched, in this order, by:
//!
//! 1. its `id` key, when both versions give one: the drafter's own word, which nothing
//!    else overrides (two entries with different ids are never matched);
//! 2. its file name without the section number it starts with: `itu-t-sg11` for both
//!    `2/2.07-itu-t-sg11.toml` and, after `renumber --insert 2.7`, `2/2.08-itu-t-sg11.toml`
//!    (or `3/3.07-…` after `renumber --move`, which moves the file too). `renumber`
//!    rewrites only the number in a name, `new` and `import` name files this way, so this
//!    is what stays when a drafter renumbers and moves. A name used by two entries of one
//!    version (`new-entry`) identifies neither;
//! 3. what is left, by the likeness of their words (title and text), at least half their
//!    words in common, or a quarter when the two have the same number (the number is a
//!    hint, not an identity: renumbering changes it).
//!
//! Matching by file path alone would lose every renumbered entry (`renumber` renames the
//! files); by number alone, every entry after an insertion; by text alone, an entry
//! rewritten while renumbered.

use std::collections::HashMap;

use super::words::similarity;
use crate::model::Entry;

/// How alike the words of two otherwise unmatched entries must be to be one entry.
const ALIKE: f32 = 0.5;
/// The same, for two entries with the same number.
const ALIKE_SAME_NUMBER: f32 = 0.25;
/// The most pairs of unmatched entries compared by their words (each comparison is a
/// diff): beyond it, only entries with the same number are compared. Two versions of a
/// report differ by tens of entries, not by thousands.
const MAX_COMPARISONS: usize = 40_000;

/// The matched entries: pairs of an index into `old` and one into `new`, in old order.
pub(super) fn matches(old: &[Entry], new: &[Entry]) -> Vec<(usize, usize)> {
    let mut m = Matching {
        old: vec![None; old.len()],
        new_taken: vec![false; new.len()],
    };

    // 1. Ids.
    let new_ids: HashMap<&str, usize> = new
        .iter()
        .enumerate()
        .filter_map(|(j, e)| Some((e.id.as_deref()?, j)))
        .collect();
    for (i, e) in old.iter().enumerate() {
        if let Some(&j) = e.id.as_deref().and_then(|id| new_ids.get(id)) {
            m.pair(i, j);
        }
    }
    // Entries that both have ids are the same entry only by their ids.
    let both_have_ids = |i: usize, j: usize| old[i].id.is_some() && new[j].id.is_some();

    // 2. File names without their numbers, where unique in each version.
    let unique_names = |entries: &[Entry], taken: &dyn Fn(usize) -> bool| {
        let mut by_name: HashMap<String, Option<usize>> = HashMap::new();
        for (k, e) in entries.iter().enumerate().filter(|(k, _)| !taken(*k)) {
            if let Some(name) = name_key(&e.file) {
                by_name
                    .entry(name)
                    .and_modify(|v| *v = None)
                    .or_insert(Some(k));
            }
        }
        by_name
            .into_iter()
            .filter_map(|(name, k)| Some((name, k?)))
            .collect::<HashMap<_, _>>()
    };
    let old_names = unique_names(old, &|i| m.old[i].is_some());
    let new_names = unique_names(new, &|j| m.new_taken[j]);
    let mut by_name: Vec<(usize, usize)> = old_names
        .iter()
        .filter_map(|(name, &i)| Some((i, *new_names.get(name)?)))
        .filter(|&(i, j)| !both_have_ids(i, j))
        .collect();
    by_name.sort_unstable();
    for (i, j) in by_name {
        m.pair(i, j);
    }

    // 3. Words.
    let old_left: Vec<usize> = (0..old.len()).filter(|&i| m.old[i].is_none()).collect();
    let new_left: Vec<usize> = (0..new.len()).filter(|&j| !m.new_taken[j]).collect();
    let all = old_left.len() * new_left.len() <= MAX_COMPARISONS;
    let text = |e: &Entry| {
        let mut t = e.title.clone().unwrap_or_default();
        for p in e.text.plain_paragraphs() {
            t.push('\n');
            t.push_str(&p);
        }
        t
    };
    let mut candidates = Vec::new();
    for &i in &old_left {
        let old_text = text(&old[i]);
        for &j in &new_left {
            let same_number = old[i].number == new[j].number;
            if both_have_ids(i, j) || !(all || same_number) {
                continue;
            }
            let s = similarity(&old_text, &text(&new[j]));
            if s >= if same_number {
                ALIKE_SAME_NUMBER
            } else {
                ALIKE
            } {
                candidates.push((s, same_number, i, j));
            }
        }
    }
    // Most alike first; among equals, the same number, then document order.
    candidates.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then((a.2, a.3).cmp(&(b.2, b.3)))
    });
    for (_, _, i, j) in candidates {
        if m.old[i].is_none() && !m.new_taken[j] {
            m.pair(i, j);
        }
    }

    m.old
        .into_iter()
        .enumerate()
        .filter_map(|(i, j)| Some((i, j?)))
        .collect()
}

/// The pairs made so far.
struct Matching {
    /// The new entry each old entry is, if known.
    old: Vec<Option<usize>>,
    /// Whether each new entry is paired.
    new_taken: Vec<bool>,
}

impl Matching {
    fn pair(&mut self, old: usize, new: usize) {
        self.old[old] = Some(new);
        self.new_taken[new] = true;
    }
}

/// `itu-t-sg11` for `entries/2/2.07-itu-t-sg11.toml`: the file's name without its
/// folder, its `.toml` and the section number it starts with, in lower case; `None`
/// when nothing is left (`2.9.toml`).
pub(super) fn name_key(file: &str) -> Option<String> {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = match name.len().checked_sub(5) {
        Some(cut) if name.is_char_boundary(cut) && name[cut..].eq_ignore_ascii_case(".toml") => {
            &name[..cut]
        }
        _ => name,
    };
    let rest = stem.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let rest = rest.trim_start_matches(['-', '_', ' ']).trim();
    (!rest.is_empty()).then(|| rest.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(number: &str, file: &str, id: Option<&str>, text: &str) -> Entry {
        Entry {
            id: id.map(Into::into),
            ..Entry::plain(number, file, text)
        }
    }

    #[test]
    fn name_keys_drop_the_folder_the_number_and_the_extension() {
        assert_eq!(
            name_key("entries/2/2.07-itu-t-sg11.toml").as_deref(),
            Some("itu-t-sg11")
        );
        assert_eq!(
            name_key("entries\\3\\3.07.1-CIS_Workshop.TOML").as_deref(),
            Some("cis_workshop")
        );
        assert_eq!(
            name_key("entries/1-introduction.toml").as_deref(),
            Some("introduction")
        );
        assert_eq!(name_key("entries/notes.toml").as_deref(), Some("notes"));
        assert_eq!(name_key("entries/2/2.9.toml"), None);
    }

    #[test]
    fn ids_then_names_then_words() {
        let old = [
            entry("2.1", "e/2/2.01-a.toml", Some("alpha"), "First text here."),
            entry("2.2", "e/2/2.02-b.toml", None, "Second text here."),
            entry(
                "2.3",
                "e/2/2.3.toml",
                None,
                "The Group met in Geneva and approved two texts.",
            ),
            entry(
                "2.4",
                "e/2/2.04-gone.toml",
                None,
                "Nothing like the others at all.",
            ),
        ];
        let new = [
            // Renamed by hand, known by its id.
            entry(
                "2.1",
                "e/2/2.01-renamed.toml",
                Some("alpha"),
                "First text changed.",
            ),
            // Inserted.
            entry("2.2", "e/2/2.02-new.toml", None, "A new entry."),
            // Renumbered, its file renamed by `renumber`.
            entry("2.3", "e/2/2.03-b.toml", None, "Second text here."),
            // No name to go by, renumbered and reworded.
            entry(
                "2.4",
                "e/2/2.4.toml",
                None,
                "The Group met in Cairo and approved two texts.",
            ),
        ];
        assert_eq!(matches(&old, &new), [(0, 0), (1, 2), (2, 3)]);
    }

    #[test]
    fn different_ids_never_match_and_shared_names_identify_nothing() {
        let old = [
            entry("1", "e/1-x.toml", Some("one"), "Same words."),
            entry("2", "e/2-new-entry.toml", None, "Alpha beta gamma."),
            entry("3", "e/3-new-entry.toml", None, "Delta epsilon zeta."),
        ];
        let new = [
            entry("1", "e/1-x.toml", Some("two"), "Same words."),
            entry("2", "e/2-new-entry.toml", None, "Delta epsilon zeta."),
            entry("3", "e/3-new-entry.toml", None, "Alpha beta gamma."),
        ];
        // Entries 2 and 3 swapped texts: their shared name says nothing, their words do.
        assert_eq!(matches(&old, &new), [(1, 2), (2, 1)]);
    }
}
