//! `compare`: what changed between the issued version of a report and its revision, entry
//! by entry. The stage between `check` and the renderers of a revision (`build
//! --against`): it reads two checked [`Report`]s — the issued one and the revision, each
//! loaded and checked on its own, in the language being built — and never files.
//!
//! - [`identity`] matches the entries of the two versions (by `id`, by file name without
//!   its number, by their words), so that a renumbered entry is the same entry;
//! - [`compare`] lays the matched and unmatched entries out in the order of the revised
//!   document ([`Step`]): an entry in both versions at the same place is kept (its number
//!   may have changed), one only in the revision is added, one only in the issued version
//!   is removed, and one whose place changed (`renumber --move`) is removed where it was
//!   and added where it is (`moved_to` and `moved_from` pair the two steps, which the DOCX
//!   writes as one tracked move), so that rejecting every change gives the issued document
//!   and accepting them the revision;
//! - [`align`] pairs the paragraphs of two versions of one text and [`words`] diffs a
//!   pair word by word; the renderers use them on their own paragraphs (the DOCX's runs,
//!   the text report's lines), so both show the same changes;
//! - [`Comparison::changes`] and [`Comparison::meta_changes`] list the changes for the
//!   digest.

pub mod align;
mod identity;
pub mod words;

use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::model::{Entry, Meta, Report};
use crate::number::SectionNumber;

/// The two versions of a report and their entries in the order of the revised document.
#[derive(Debug, Clone)]
pub struct Comparison<'a> {
    /// The issued version.
    pub old: &'a Report,
    /// The revision.
    pub new: &'a Report,
    /// Every entry of both versions, in the order the revised document shows them.
    pub steps: Vec<Step>,
}

/// An entry of either version, in the order of the revised document (indexes into the
/// reports' `entries`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// In both versions, at the same place in their order; its number or its words may
    /// have changed.
    Kept { old: usize, new: usize },
    /// Only in the revision here; `moved_from` when it is an entry of the issued version
    /// that moved here.
    Added {
        new: usize,
        moved_from: Option<usize>,
    },
    /// Only in the issued version here; `moved_to` when the entry moved elsewhere.
    Removed { old: usize, moved_to: Option<usize> },
}

/// Matches the entries of `old` and `new` and lays them out in the revised order.
pub fn compare<'a>(old: &'a Report, new: &'a Report) -> Comparison<'a> {
    let matched = identity::matches(&old.entries, &new.entries);
    let mut old_match = vec![None; old.entries.len()];
    let mut new_match = vec![None; new.entries.len()];
    for &(i, j) in &matched {
        old_match[i] = Some(j);
        new_match[j] = Some(i);
    }
    // A matched pair shares a key; any other entry has a key of its own. The diff of the
    // key sequences keeps the longest run of matched entries in the same order; the
    // matched entries it does not keep moved.
    let pair_key = |i: usize| i as u64;
    let old_keys: Vec<u64> = (0..old.entries.len())
        .map(|i| match old_match[i] {
            Some(_) => pair_key(i),
            None => (1 << 32) | i as u64,
        })
        .collect();
    let new_keys: Vec<u64> = (0..new.entries.len())
        .map(|j| match new_match[j] {
            Some(i) => pair_key(i),
            None => (2 << 32) | j as u64,
        })
        .collect();
    let mut steps = Vec::with_capacity(old.entries.len().max(new.entries.len()));
    for op in capture_diff_slices(Algorithm::Myers, &old_keys, &new_keys) {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            steps.extend(o.zip(n).map(|(old, new)| Step::Kept { old, new }));
            continue;
        }
        steps.extend(o.map(|old| Step::Removed {
            old,
            moved_to: old_match[old],
        }));
        steps.extend(n.map(|new| Step::Added {
            new,
            moved_from: new_match[new],
        }));
    }
    Comparison { old, new, steps }
}

/// What happened to an entry, for the digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Removed,
    /// The same number, other words (or other data: sector, Recommendations, event…).
    Revised,
    /// Another number, at the same place in the order.
    Renumbered,
    /// Another place in the order (`renumber --move`).
    Moved,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Revised => "revised",
            ChangeKind::Renumbered => "renumbered",
            ChangeKind::Moved => "moved",
        }
    }
}

/// A part of an entry, or of the first page, that differs between the versions; the
/// digest's list of changes names it in the report's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Title,
    Text,
    Sector,
    Resolutions,
    Recommendations,
    Event,
    Meeting,
    PlaceAndDates,
    AgendaItem,
    LanguageLine,
    Source,
    Summary,
    ActionRequired,
    References,
    ReportingPeriod,
}

/// A changed entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change<'a> {
    pub kind: ChangeKind,
    /// Its number in the issued version, unless added.
    pub old_number: Option<SectionNumber>,
    /// Its number in the revision, unless removed.
    pub new_number: Option<SectionNumber>,
    /// What else changed in a renumbered or moved entry, or in a revised one: its title,
    /// text, sector, resolutions, Recommendations or event.
    pub revised: Vec<Part>,
    /// The entry as it is now (as it was, when removed).
    pub entry: &'a Entry,
}

impl<'a> Comparison<'a> {
    /// Every changed entry, in the order of the revised document; a moved entry once,
    /// where it is now.
    pub fn changes(&self) -> Vec<Change<'a>> {
        let (old, new) = (&self.old.entries, &self.new.entries);
        let mut out = Vec::new();
        for step in &self.steps {
            let change = match *step {
                Step::Kept { old: i, new: j } => {
                    let revised = differences(&old[i], &new[j]);
                    let renumbered = old[i].number != new[j].number;
                    if !renumbered && revised.is_empty() {
                        continue;
                    }
                    Change {
                        kind: if renumbered {
                            ChangeKind::Renumbered
                        } else {
                            ChangeKind::Revised
                        },
                        old_number: Some(old[i].number),
                        new_number: Some(new[j].number),
                        revised,
                        entry: &new[j],
                    }
                }
                Step::Added {
                    new: j,
                    moved_from: Some(i),
                } => Change {
                    kind: ChangeKind::Moved,
                    old_number: Some(old[i].number),
                    new_number: Some(new[j].number),
                    revised: differences(&old[i], &new[j]),
                    entry: &new[j],
                },
                Step::Added {
                    new: j,
                    moved_from: None,
                } => Change {
                    kind: ChangeKind::Added,
                    old_number: None,
                    new_number: Some(new[j].number),
                    revised: Vec::new(),
                    entry: &new[j],
                },
                Step::Removed {
                    moved_to: Some(_), ..
                } => continue,
                Step::Removed {
                    old: i,
                    moved_to: None,
                } => Change {
                    kind: ChangeKind::Removed,
                    old_number: Some(old[i].number),
                    new_number: None,
                    revised: Vec::new(),
                    entry: &old[i],
                },
            };
            out.push(change);
        }
        out
    }

    /// The parts of the first page that changed (the place and dates, the Summary …).
    /// The document number and date are not among them: a revision changes both by
    /// being one.
    pub fn meta_changes(&self) -> Vec<Part> {
        meta_differences(&self.old.meta, &self.new.meta)
    }
}

/// What differs between two versions of one entry, besides its number and file.
fn differences(old: &Entry, new: &Entry) -> Vec<Part> {
    [
        (Part::Title, old.title != new.title),
        (Part::Text, old.text != new.text),
        (Part::Sector, old.sector != new.sector),
        (Part::Resolutions, old.resolutions != new.resolutions),
        (
            Part::Recommendations,
            old.recommendations != new.recommendations,
        ),
        (Part::Event, old.event != new.event),
    ]
    .into_iter()
    .filter_map(|(what, differs)| differs.then_some(what))
    .collect()
}

fn meta_differences(old: &Meta, new: &Meta) -> Vec<Part> {
    [
        (Part::Meeting, old.meeting != new.meeting),
        (
            Part::PlaceAndDates,
            old.place_and_dates != new.place_and_dates,
        ),
        (Part::AgendaItem, old.agenda_item != new.agenda_item),
        (Part::LanguageLine, old.language_line != new.language_line),
        (Part::Source, old.source != new.source),
        (Part::Title, old.title != new.title),
        (Part::Summary, old.summary.text != new.summary.text),
        (
            Part::ActionRequired,
            old.summary.action != new.summary.action,
        ),
        (
            Part::References,
            old.summary.references != new.summary.references,
        ),
        (Part::ReportingPeriod, old.period != new.period),
        (Part::Resolutions, old.resolutions != new.resolutions),
    ]
    .into_iter()
    .filter_map(|(what, differs)| differs.then_some(what))
    .collect()
}
