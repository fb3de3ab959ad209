//! `renumber`: make room for an entry (`--insert`), close every gap (`--close-gaps`), or
//! move an entry with its children (`--move A --to B`).
//!
//! The new numbering is computed as a map from old to new numbers over the whole folder;
//! the `number` values change (edited with `toml_edit`, so everything else in the file
//! stays as written), file names that carry the old number are renamed to match, and every
//! cross-reference (`[§4.5]`) in a text of the entries, of report.toml and of the
//! translations takes the new number of the entry it pointed at: only its digits are
//! replaced in the file, so the rest of the text stays byte for byte as written.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::names::renamed;
use super::{Change, EditError, Plan, load_clean, parse_doc, relative};
use crate::check::Checked;
use crate::number::SectionNumber;

/// What to renumber.
#[derive(Debug, Clone, Copy)]
pub enum Op {
    /// Free this number: it and every later sibling move up by one, children following.
    Insert(SectionNumber),
    /// Number every sequence of siblings 1, 2, 3 … without gaps, keeping the order.
    CloseGaps,
    /// Give an entry and its children a new place. The hole it leaves closes, and `to` is
    /// the number it has afterwards (later siblings there move up to make room).
    Move {
        from: SectionNumber,
        to: SectionNumber,
    },
}

/// One entry that changes number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    pub old: SectionNumber,
    pub new: SectionNumber,
    /// The file before and after (equal when its name does not carry the number).
    pub from_file: String,
    pub to_file: String,
}

/// One cross-reference rewritten to the entry's new number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewritten {
    /// The file and line of the reference (`entries/2/2.01-x.toml`, 12), before the edit.
    pub file: String,
    pub line: usize,
    pub old: SectionNumber,
    pub new: SectionNumber,
}

/// What a renumbering did or would do.
#[derive(Debug)]
pub struct Renumbered {
    /// In the order of the old numbers.
    pub moves: Vec<Moved>,
    /// The cross-references rewritten, by file and line.
    pub references: Vec<Rewritten>,
    /// The translation files whose cross-references were rewritten too.
    pub translations: Vec<String>,
    /// The folder as checked with the new numbers (warnings only); `None` when nothing moves.
    pub checked: Option<Checked>,
}

/// Computes, checks and (unless `dry_run`) writes the renumbering.
pub fn run(root: &Path, op: Op, dry_run: bool) -> Result<Renumbered, EditError> {
    let _lock = super::session(root)?;
    let (plan, moves, references) = plan(root, op)?;
    let translations = plan
        .changes
        .iter()
        .filter(|c| c.to.ends_with(".xlf") && refs_changed(c))
        .map(|c| plan.display(&c.to))
        .collect();
    if moves.is_empty() {
        return Ok(Renumbered {
            moves,
            references,
            translations,
            checked: None,
        });
    }
    let checked = plan.verify()?;
    if !dry_run {
        plan.apply("renumber")?;
    }
    Ok(Renumbered {
        moves,
        references,
        translations,
        checked: Some(checked),
    })
}

/// Whether a change of a translation file rewrote cross-references (not only unit ids).
fn refs_changed(c: &Change) -> bool {
    let refs = |t: &str| -> Vec<String> {
        t.match_indices(&format!("[{}", crate::markup::REF_SIGN))
            .map(|(i, _)| t[i..].chars().take_while(|c| *c != ']').collect())
            .collect()
    };
    c.original.as_deref().map(refs) != Some(refs(&c.text))
}

/// The files to write, the moves and the references rewritten, without checking the
/// result or writing anything.
pub fn plan(root: &Path, op: Op) -> Result<(Plan, Vec<Moved>, Vec<Rewritten>), EditError> {
    let (draft, before) = load_clean(root)?;
    let numbers: Vec<SectionNumber> = draft
        .entries
        .iter()
        .filter_map(|e| e.raw.number.get_ref().trim().parse().ok())
        .collect();
    let map = mapping(op, &numbers)?;
    let relocate = match op {
        Op::Move { from, to } => relocation(root, &draft, &map, from, to),
        _ => None,
    };
    let mut plan = Plan::after(root, &before);
    let mut moves = Vec::new();
    let mut references = Vec::new();
    if let Some(report) = &draft.report {
        let s = &report.raw.summary;
        let texts = [Some(&s.text), s.action.as_ref(), Some(&s.references)];
        let file = report.file;
        if let Some((text, found)) = rewrite_refs(&draft.sources, file, &texts, &map)
            && let Some(rel) = relative(root, draft.sources.path(file))
        {
            references.extend(found);
            plan.changes.push(Change {
                from: Some(rel.clone()),
                to: rel,
                original: draft.sources.text(file).map(str::to_owned),
                text,
            });
        }
    }
    for entry in &draft.entries {
        let Ok(old) = entry.raw.number.get_ref().trim().parse::<SectionNumber>() else {
            continue;
        };
        let path = draft.sources.path(entry.file);
        let Some(rel) = relative(root, path) else {
            continue;
        };
        let text = draft.sources.text(entry.file).unwrap_or_default();
        let rewritten = rewrite_refs(&draft.sources, entry.file, &[entry.raw.text.as_ref()], &map);
        let Some(&new) = map.get(&old).filter(|n| **n != old) else {
            // Not moved, but it may point at entries that did.
            if let Some((new_text, found)) = rewritten {
                references.extend(found);
                plan.changes.push(Change {
                    from: Some(rel.clone()),
                    to: rel,
                    original: Some(text.to_owned()),
                    text: new_text,
                });
            }
            continue;
        };
        let mut doc = match rewritten {
            Some((new_text, found)) => {
                references.extend(found);
                parse_doc(path, &new_text)?
            }
            None => parse_doc(path, text)?,
        };
        set_number(&mut doc, new);
        let (dir, name) = rel.rsplit_once('/').unwrap_or(("", &rel));
        let dir = match (&relocate, op) {
            (Some((from_dir, to_dir)), Op::Move { from, .. })
                if dir == from_dir && old.is_within(&from) =>
            {
                to_dir.as_str()
            }
            _ => dir,
        };
        let dir = renamed_folders(dir, old, &map);
        let to = match renamed(name, old, new) {
            Some(n) if dir.is_empty() => n,
            Some(n) => format!("{dir}/{n}"),
            None if dir.is_empty() => name.to_owned(),
            None => format!("{dir}/{name}"),
        };
        moves.push(Moved {
            old,
            new,
            from_file: plan.display(&rel),
            to_file: plan.display(&to),
        });
        plan.changes.push(Change {
            from: Some(rel),
            to,
            original: Some(text.to_owned()),
            text: doc.to_string(),
        });
    }
    moves.sort_by_key(|m| m.old);
    if !moves.is_empty() {
        plan.changes.extend(translations(root, &map)?);
    }
    Ok((plan, moves, references))
}

/// The file `file` with the cross-references of its `texts` (string values with their
/// spans) renumbered by `map`, and each rewrite; `None` when none changes. Only the
/// digits of a reference are replaced, in the file's own bytes, so escapes, comments and
/// line breaks stay as written.
fn rewrite_refs(
    sources: &crate::diag::Sources,
    file: crate::diag::FileId,
    texts: &[Option<&toml::Spanned<String>>],
    map: &BTreeMap<SectionNumber, SectionNumber>,
) -> Option<(String, Vec<Rewritten>)> {
    let src = sources.text(file)?;
    let mut edits: Vec<(std::ops::Range<usize>, SectionNumber, SectionNumber)> = Vec::new();
    for value in texts.iter().flatten() {
        let decoded = value.get_ref();
        let (_, _, refs) = crate::markup::parse_with_refs(decoded);
        for r in refs {
            let Some(&new) = map.get(&r.number).filter(|n| **n != r.number) else {
                continue;
            };
            let at = crate::check::locate(src, &value.span(), decoded, r.number_range.clone());
            // The digits are written as themselves (no escape): where the walk could not
            // say where, the whole value's span comes back, which this refuses to cut.
            if src.get(at.clone()) == decoded.get(r.number_range.clone()) {
                edits.push((at, r.number, new));
            }
        }
    }
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|(r, _, _)| r.start);
    let mut out = String::with_capacity(src.len());
    let mut done = 0;
    let mut found = Vec::with_capacity(edits.len());
    for (range, old, new) in edits {
        out.push_str(&src[done..range.start]);
        out.push_str(&new.to_string());
        done = range.end;
        found.push(Rewritten {
            file: sources.path(file).to_string(),
            line: sources.line_col(file, range.start).map_or(0, |p| p.line),
            old,
            new,
        });
    }
    out.push_str(&src[done..]);
    Some((out, found))
}

/// The translation files (`translations/*.xlf`) with their unit ids renumbered
/// (`2.1/3` → `2.2/3`), so each translation stays with its English, and their
/// cross-references (`[§2.1]`) with the English's.
fn translations(
    root: &Path,
    map: &BTreeMap<SectionNumber, SectionNumber>,
) -> Result<Vec<Change>, EditError> {
    let dir = root.join("translations");
    let Ok(list) = std::fs::read_dir(&dir) else {
        return Ok(Vec::new());
    };
    let mut names: Vec<String> = list
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".xlf"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for name in names {
        let rel = format!("translations/{name}");
        let text = std::fs::read_to_string(dir.join(&name)).map_err(|source| EditError::Io {
            path: crate::diag::display(&dir.join(&name)),
            source,
        })?;
        let renamed = crate::translate::xliff::rename_ids(&text, |id| {
            let (owner, rest) = id.split_once('/')?;
            let old: SectionNumber = owner.parse().ok()?;
            let new = map.get(&old).filter(|n| **n != old)?;
            Some(format!("{new}/{rest}"))
        });
        let current = renamed.as_deref().unwrap_or(&text);
        let referenced = crate::translate::xliff::renumber_refs(current, |old| {
            map.get(&old).copied().filter(|n| *n != old)
        });
        if let Some(new_text) = referenced.or(renamed) {
            out.push(Change {
                from: Some(rel.clone()),
                to: rel,
                original: Some(text),
                text: new_text,
            });
        }
    }
    Ok(out)
}

/// Folders named after a section (`entries/7/` for 7 and its children) are renamed with it:
/// each folder name that is exactly a number the entry belongs to takes that number's new
/// value (`7/7.01-x.toml` → `8/8.01-x.toml` when 7 becomes 8).
fn renamed_folders(
    dir: &str,
    old: SectionNumber,
    map: &BTreeMap<SectionNumber, SectionNumber>,
) -> String {
    dir.split('/')
        .map(|part| {
            let Some((n, len, padded)) = super::names::name_number(part) else {
                return part.to_owned();
            };
            match map.get(&n) {
                Some(&new) if len == part.len() && old.is_within(&n) && new != n => {
                    super::names::file_number(new, padded)
                }
                _ => part.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// For `--move`: the folder the moved entries leave and the one they go to, when these
/// differ. The target is where `new` would put an entry with the new number (beside its new
/// siblings, else beside its new parent); only the moved files in the moved entry's own
/// folder follow it, so a child kept elsewhere on purpose stays where it is.
fn relocation(
    root: &Path,
    draft: &crate::load::Draft,
    map: &BTreeMap<SectionNumber, SectionNumber>,
    from: SectionNumber,
    to: SectionNumber,
) -> Option<(String, String)> {
    let dir = |rel: &str| rel.rsplit_once('/').map_or("", |(d, _)| d).to_owned();
    let mut staying = Vec::new();
    let mut from_dir = None;
    for e in &draft.entries {
        let Ok(old) = e.raw.number.get_ref().trim().parse::<SectionNumber>() else {
            continue;
        };
        let Some(rel) = relative(root, draft.sources.path(e.file)) else {
            continue;
        };
        if old == from {
            from_dir = Some(dir(&rel));
        } else if !old.is_within(&from) {
            // Where the entry will be: its new number, in its folder as renamed.
            let (d, name) = rel.rsplit_once('/').unwrap_or(("", &rel));
            let d = renamed_folders(d, old, map);
            let rel = if d.is_empty() {
                name.to_owned()
            } else {
                format!("{d}/{name}")
            };
            staying.push((map.get(&old).copied().unwrap_or(old), rel));
        }
    }
    let from_dir = from_dir?;
    // Without its new parent among the entries staying, there is no folder to follow.
    if to
        .parent()
        .is_some_and(|p| !staying.iter().any(|(n, _)| *n == p))
    {
        return None;
    }
    let to_dir = super::new::folder_for(to, &staying);
    (from_dir != to_dir).then_some((from_dir, to_dir))
}

/// Replaces the value of `number`, keeping the comment and spacing around it.
fn set_number(doc: &mut toml_edit::DocumentMut, new: SectionNumber) {
    if let Some(toml_edit::Item::Value(v)) = doc.get_mut("number") {
        let decor = v.decor().clone();
        let mut value = toml_edit::Value::from(new.to_string());
        *value.decor_mut() = decor;
        *v = value;
    }
}

/// Old number → new number for every number in `numbers`.
pub fn mapping(
    op: Op,
    numbers: &[SectionNumber],
) -> Result<BTreeMap<SectionNumber, SectionNumber>, EditError> {
    let used: BTreeSet<SectionNumber> = numbers.iter().copied().collect();
    let mut map = BTreeMap::new();
    match op {
        Op::Insert(at) => {
            if !used.contains(&at) {
                return Err(EditError::Refused(format!(
                    "{at} is free already: there is nothing to move"
                )));
            }
            for &n in &used {
                map.insert(n, shift(n, at, 1).ok_or_else(|| too_large(n))?);
            }
        }
        Op::CloseGaps => {
            let prefixes: BTreeSet<&[u32]> = used
                .iter()
                .flat_map(|n| (1..=n.depth()).map(move |i| &n.parts()[..i]))
                .collect();
            for &n in &used {
                let parts: Vec<u32> = (1..=n.depth())
                    .map(|i| {
                        let (parent, mine) = (&n.parts()[..i - 1], &n.parts()[..i]);
                        let rank = prefixes
                            .iter()
                            .filter(|p| p.len() == i && p[..i - 1] == *parent && **p <= mine)
                            .count();
                        u32::try_from(rank).unwrap_or(u32::MAX)
                    })
                    .collect();
                map.insert(n, SectionNumber::from_parts(&parts).unwrap_or(n));
            }
        }
        Op::Move { from, to } => {
            if !used.contains(&from) {
                return Err(EditError::Refused(format!(
                    "there is no entry {from} to move"
                )));
            }
            if from == to {
                return Err(EditError::Refused(format!("{from} is {to} already")));
            }
            // Under itself, the numbers of the entry and of its new parent would depend
            // on each other: 3.2 would silently become a child of the former 3.3.
            if to.is_within(&from) {
                return Err(EditError::Refused(format!(
                    "{from} cannot move under itself ({to} is inside {from}); to make it a child of {from}'s sibling, give that sibling's number, such as --to {}",
                    from.with_last(from.last() + 1)
                        .and_then(|s| s.child(1))
                        .map_or_else(|| "3.3.1".to_owned(), |n| n.to_string())
                )));
            }
            for &n in &used {
                let new = if n.is_within(&from) {
                    let mut parts = to.parts().to_vec();
                    parts.extend_from_slice(&n.parts()[from.depth()..]);
                    SectionNumber::from_parts(&parts).ok_or_else(|| {
                        EditError::Refused(format!(
                            "{n} would become {}: deeper than {} levels",
                            parts
                                .iter()
                                .map(u32::to_string)
                                .collect::<Vec<_>>()
                                .join("."),
                            crate::number::MAX_DEPTH
                        ))
                    })?
                } else {
                    // Close the hole `from` leaves, then open one at `to`.
                    let after = from
                        .with_last(from.last().saturating_add(1))
                        .ok_or_else(|| too_large(from))?;
                    let closed = shift(n, after, -1).ok_or_else(|| too_large(n))?;
                    shift(closed, to, 1).ok_or_else(|| too_large(n))?
                };
                map.insert(n, new);
            }
        }
    }
    Ok(map)
}

fn too_large(n: SectionNumber) -> EditError {
    EditError::Refused(format!(
        "{n} cannot be renumbered: a part would be too large"
    ))
}

/// Moves `n` by `delta` when it is `at`, a later sibling of `at`, or a descendant of one.
/// `None` only when a part would leave the range of section numbers.
fn shift(n: SectionNumber, at: SectionNumber, delta: i64) -> Option<SectionNumber> {
    let level = at.depth() - 1;
    let parts = n.parts();
    let applies =
        parts.len() > level && parts[..level] == at.parts()[..level] && parts[level] >= at.last();
    if !applies {
        return Some(n);
    }
    // `applies` established `parts.len() > level`.
    let mut new = parts.to_vec();
    new[level] = u32::try_from(i64::from(new[level]) + delta).ok()?;
    SectionNumber::from_parts(&new)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::n;

    fn apply(op: Op, numbers: &[&str]) -> Vec<String> {
        let numbers: Vec<SectionNumber> = numbers.iter().map(|s| n(s)).collect();
        let map = mapping(op, &numbers).unwrap();
        numbers.iter().map(|x| map[x].to_string()).collect()
    }

    #[test]
    fn insert_shifts_later_siblings_and_children() {
        assert_eq!(
            apply(
                Op::Insert(n("2.7")),
                &["2", "2.6", "2.6.1", "2.7", "2.7.1", "2.8", "3"]
            ),
            ["2", "2.6", "2.6.1", "2.8", "2.8.1", "2.9", "3"]
        );
        assert!(mapping(Op::Insert(n("2.9")), &[n("2"), n("2.1")]).is_err());
    }

    #[test]
    fn close_gaps_numbers_every_sequence() {
        assert_eq!(
            apply(Op::CloseGaps, &["1", "3", "3.2", "3.2.5", "3.4", "7"]),
            ["1", "2", "2.1", "2.1.1", "2.2", "3"]
        );
    }

    #[test]
    fn move_closes_the_hole_and_opens_the_target() {
        assert_eq!(
            apply(
                Op::Move {
                    from: n("2.2"),
                    to: n("3.2")
                },
                &["2", "2.1", "2.2", "2.2.1", "2.3", "3", "3.1", "3.2"]
            ),
            ["2", "2.1", "3.2", "3.2.1", "2.2", "3", "3.1", "3.3"]
        );
        // Within one sequence: 2.1 goes last.
        assert_eq!(
            apply(
                Op::Move {
                    from: n("2.1"),
                    to: n("2.3")
                },
                &["2", "2.1", "2.2", "2.3"]
            ),
            ["2", "2.3", "2.1", "2.2"]
        );
    }

    use proptest::prelude::*;

    /// A set of numbers closed under `parent` (every entry has its parent), with gaps.
    fn tree() -> impl Strategy<Value = Vec<SectionNumber>> {
        prop::collection::vec(prop::collection::vec(1u32..6, 1..=3), 1..24).prop_map(|paths| {
            let mut set = BTreeSet::new();
            for p in paths {
                for i in 1..=p.len() {
                    if let Some(n) = SectionNumber::from_parts(&p[..i]) {
                        set.insert(n);
                    }
                }
            }
            set.into_iter().collect()
        })
    }

    /// Injective, and the order of the old numbers is the order of the new ones, and every
    /// parent maps to the new parent.
    fn keeps_structure(numbers: &[SectionNumber], map: &BTreeMap<SectionNumber, SectionNumber>) {
        let new: Vec<SectionNumber> = numbers.iter().map(|n| map[n]).collect();
        let mut sorted = new.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted, new, "{numbers:?} -> {new:?}");
        for n in numbers {
            if let Some(p) = n.parent() {
                assert_eq!(map[n].parent(), Some(map[&p]), "{n}");
            }
        }
    }

    proptest! {
        #[test]
        fn close_gaps_leaves_no_gap(numbers in tree()) {
            let map = mapping(Op::CloseGaps, &numbers).unwrap();
            keeps_structure(&numbers, &map);
            let new: BTreeSet<SectionNumber> = map.values().copied().collect();
            for n in &new {
                if n.last() > 1 {
                    prop_assert!(new.contains(&n.with_last(n.last() - 1).unwrap()), "{n}");
                }
            }
        }

        #[test]
        fn insert_frees_the_number(numbers in tree(), pick in any::<prop::sample::Index>()) {
            let at = numbers[pick.index(numbers.len())];
            let map = mapping(Op::Insert(at), &numbers).unwrap();
            keeps_structure(&numbers, &map);
            prop_assert!(!map.values().any(|n| *n == at));
        }

        #[test]
        fn move_is_injective(numbers in tree(), a in any::<prop::sample::Index>(), b in any::<prop::sample::Index>()) {
            let from = numbers[a.index(numbers.len())];
            let to = numbers[b.index(numbers.len())];
            prop_assume!(from != to);
            if let Ok(map) = mapping(Op::Move { from, to }, &numbers) {
                let new: BTreeSet<SectionNumber> = map.values().copied().collect();
                prop_assert_eq!(new.len(), numbers.len());
                prop_assert_eq!(map[&from], to);
            }
        }
    }
}
