//! Rules across entries about their section numbers: each used once, every parent present,
//! no gaps in a sequence.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use crate::diag::{Code, Diagnostic, FileId, Sources};
use crate::number::SectionNumber;

/// Where an entry's number is written.
#[derive(Debug, Clone)]
pub(super) struct NumberAt {
    pub number: SectionNumber,
    pub file: FileId,
    pub span: Range<usize>,
}

pub(super) fn check(all: &[NumberAt], sources: &Sources, diags: &mut Vec<Diagnostic>) {
    let mut by_number: BTreeMap<SectionNumber, Vec<&NumberAt>> = BTreeMap::new();
    for n in all {
        by_number.entry(n.number).or_default().push(n);
    }
    duplicates(&by_number, sources, diags);
    let numbers: BTreeSet<SectionNumber> = by_number.keys().copied().collect();
    for (number, at) in &by_number {
        let first = at[0];
        if let Some(parent) = number.parent()
            && !numbers.contains(&parent)
        {
            diags.push(
                Diagnostic::new(
                    Code::MissingParent,
                    format!("entry {number} has no parent: there is no entry {parent}"),
                )
                .at(first.file, first.span.clone())
                .label(format!("{parent} is missing"))
                .help(format!(
                    "add an entry numbered {parent}, or renumber this one"
                )),
            );
        }
    }
    gaps(&by_number, diags);
}

fn duplicates(
    by_number: &BTreeMap<SectionNumber, Vec<&NumberAt>>,
    sources: &Sources,
    diags: &mut Vec<Diagnostic>,
) {
    for (number, at) in by_number {
        let places: Vec<(FileId, &Range<usize>)> = at.iter().map(|a| (a.file, &a.span)).collect();
        diags.extend(used_more_than_once(
            Code::DuplicateNumber,
            &format!("section number {number}"),
            &places,
            [
                "give one of them another number",
                "give all but one of them other numbers",
            ],
            sources,
        ));
    }
}

/// The error for a value that must be unique (a section number, an entry id) written at
/// every place of `at`: at the first, naming the others; `None` when there is one place.
/// `help` is for two places and for more.
pub(super) fn used_more_than_once(
    code: Code,
    subject: &str,
    at: &[(FileId, &Range<usize>)],
    help: [&str; 2],
    sources: &Sources,
) -> Option<Diagnostic> {
    let ((file, span), others) = at.split_first()?;
    if others.is_empty() {
        return None;
    }
    let places = crate::diag::short_list(
        others.iter().map(|&(f, s)| {
            let path = sources.path(f);
            match sources.line_col(f, s.start) {
                Some(p) => format!("{path}:{}:{}", p.line, p.column),
                None => path.to_string(),
            }
        }),
        5,
    );
    let times = match at.len() {
        2 => "twice".to_owned(),
        n => format!("{n} times"),
    };
    Some(
        Diagnostic::new(code, format!("{subject} is used {times}"))
            .at(*file, (*span).clone())
            .label(format!("also used by {places}"))
            .help(if at.len() == 2 { help[0] } else { help[1] }),
    )
}

/// Warns where a sequence of siblings skips a number (2.6, 2.8) or does not start at 1.
/// A gap is normal while drafting (`renumber --insert` leaves one), wrong in a deliverable.
fn gaps(by_number: &BTreeMap<SectionNumber, Vec<&NumberAt>>, diags: &mut Vec<Diagnostic>) {
    let mut siblings: BTreeMap<Option<SectionNumber>, Vec<(u32, &NumberAt)>> = BTreeMap::new();
    for (number, at) in by_number {
        siblings
            .entry(number.parent())
            .or_default()
            .push((number.last(), at[0]));
    }
    for (parent, kids) in siblings {
        let mut expected = 1u32;
        for (last, at) in kids {
            if last > expected {
                let missing = describe_missing(parent, expected, last);
                let message = if expected == 1 {
                    format!(
                        "{missing} missing: {} is the first entry {}",
                        at.number,
                        under(parent)
                    )
                } else {
                    let before = at
                        .number
                        .with_last(expected - 1)
                        .map_or_else(String::new, |b| b.to_string());
                    format!("{missing} missing between {before} and {}", at.number)
                };
                diags.push(
                    Diagnostic::new(Code::NumberingGap, message)
                        .at(at.file, at.span.clone())
                        .label("the sequence skips a number before this one")
                        .help("write the missing entry, or close the gap with `council-report renumber --close-gaps`"),
                );
            }
            expected = last.saturating_add(1);
        }
    }
}

fn describe_missing(parent: Option<SectionNumber>, from: u32, to: u32) -> String {
    let name = |n: u32| match parent {
        Some(p) => p.child(n).map_or_else(|| n.to_string(), |c| c.to_string()),
        None => n.to_string(),
    };
    if to - from == 1 {
        format!("{} is", name(from))
    } else {
        format!("{} to {} are", name(from), name(to - 1))
    }
}

fn under(parent: Option<SectionNumber>) -> String {
    match parent {
        Some(p) => format!("under {p}"),
        None => "of the report".to_owned(),
    }
}
