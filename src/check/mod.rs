//! `check`: every rule, from a [`Draft`] to a [`Report`].
//!
//! Each family of rules lives in its own file and adds diagnostics; none stops the others,
//! so one run reports everything. A [`Report`] comes out only when there is no error:
//! "parse, don't validate", so renderers never see invalid data.

mod drafting;
mod entry;
mod guesses;
mod locate;
mod numbers;
mod references;
mod report;
mod text;
mod values;

use crate::diag::{self, Diagnostic, FileId, InFile, Mention, Sources};
use crate::load::{Draft, Loaded};
use crate::model::{Entry, Logo, Meta, Report};
use crate::raw::{RawEntry, RawReport};

pub use entry::recommendation_sector;
pub use locate::locate;
pub use report::{DEFAULT_CREATOR, DEFAULT_REVISION_AUTHOR};

/// The outcome of checking a folder.
#[derive(Debug)]
pub struct Checked {
    /// The report, when there is no error.
    pub report: Option<Report>,
    /// Every finding, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Sources,
    /// Every file read, for reports that list clean files too.
    pub files: Vec<FileId>,
    /// How many entry files were checked.
    pub entries: usize,
}

impl Checked {
    /// The report, letting go of everything else (diagnostics, file texts) at once.
    pub fn into_report(self) -> Option<Report> {
        self.report
    }

    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// Applies every rule to `draft`.
pub fn check(draft: Draft) -> Checked {
    let Draft {
        sources,
        files,
        report: raw_report,
        entry_files,
        entries: raw_entries,
        logo,
        diagnostics,
        broken_numbers,
        ..
    } = draft;
    let mut diags = diagnostics;
    let mut mentions = Vec::new();
    let meta = raw_report.as_ref().and_then(|r| {
        let (meta, found, report_mentions) = check_report(r, &sources, logo);
        diags.extend(found);
        mentions = report_mentions;
        meta
    });

    // Each entry is checked on its own (the cross-entry rules come after), so the work
    // splits over the cores; the results are merged in file order, as a loop would give.
    let converted = crate::parallel::map_owned(raw_entries, |loaded| {
        check_entry(&loaded, &sources, meta.as_ref())
    });
    let mut entries = Vec::with_capacity(converted.len());
    let mut numbers_at = Vec::with_capacity(converted.len());
    let mut ids_at = Vec::new();
    for checked in converted {
        entries.extend(checked.entry);
        diags.extend(checked.diagnostics);
        numbers_at.extend(checked.number);
        ids_at.extend(checked.id);
        mentions.extend(checked.mentions);
    }
    for loaded in &broken_numbers {
        numbers_at.extend(broken_number(loaded));
    }
    finish(
        meta,
        Parts {
            diagnostics: diags,
            entries,
            numbers_at,
            ids_at,
            mentions,
        },
        sources,
        files,
        entry_files,
    )
}

/// What checking one entry file on its own gives: the entry (unless it has an error),
/// its diagnostics, and its number for the rules across entries. `watch` keeps one per
/// file and checks again only the files that changed.
#[derive(Debug, Clone, Default)]
pub struct EntryChecked {
    pub entry: Option<Entry>,
    pub diagnostics: Vec<Diagnostic>,
    number: Option<numbers::NumberAt>,
    /// Its `id`, when well-formed, for the rule that ids are unique.
    id: Option<IdAt>,
    /// The section numbers its text mentions, for the cross-reference rules.
    mentions: Vec<Mention>,
}

/// Where an entry's `id` is written.
#[derive(Debug, Clone)]
struct IdAt {
    id: String,
    file: FileId,
    span: std::ops::Range<usize>,
}

/// The rules on one entry file; `sources` has its text.
pub fn check_entry(
    loaded: &Loaded<RawEntry>,
    sources: &Sources,
    meta: Option<&Meta>,
) -> EntryChecked {
    let mut cx = in_file(loaded.file, sources);
    let entry = entry::convert(&mut cx, &loaded.raw, sources.path(loaded.file), meta);
    guesses::unreviewed(&mut cx);
    // The number rules need every well-formed number, even of entries with other errors.
    let number = number_at(&loaded.raw.number, loaded.file);
    // Like numbers, the ids of entries with other errors count too.
    let id = loaded
        .raw
        .id
        .as_ref()
        .filter(|raw| entry::is_entry_id(raw.get_ref()))
        .map(|raw| IdAt {
            id: raw.get_ref().clone(),
            file: loaded.file,
            span: raw.span(),
        });
    let (diagnostics, mentions) = cx.into_parts();
    EntryChecked {
        entry,
        diagnostics,
        number,
        id,
        mentions,
    }
}

/// The findings about `file`, whose text `sources` has.
fn in_file(file: FileId, sources: &Sources) -> InFile<'_> {
    InFile::new(file, sources.text(file).unwrap_or_default())
}

/// An entry file that did not deserialize but has a string `number`: that number, for
/// the numbering rules.
pub fn broken_number_checked(loaded: &Loaded<toml::Spanned<String>>) -> EntryChecked {
    EntryChecked {
        entry: None,
        diagnostics: Vec::new(),
        number: broken_number(loaded),
        id: None,
        mentions: Vec::new(),
    }
}

fn broken_number(loaded: &Loaded<toml::Spanned<String>>) -> Option<numbers::NumberAt> {
    number_at(&loaded.raw, loaded.file)
}

/// The rules on report.toml: its [`Meta`] unless it has an error, its diagnostics, and
/// the section numbers its texts mention (for [`Parts::mentions`]).
pub fn check_report(
    loaded: &Loaded<RawReport>,
    sources: &Sources,
    logo: Option<Logo>,
) -> (Option<Meta>, Vec<Diagnostic>, Vec<Mention>) {
    let mut cx = in_file(loaded.file, sources);
    let meta = report::convert(&mut cx, &loaded.raw, sources.path(loaded.file), logo);
    guesses::unreviewed(&mut cx);
    let (diagnostics, mentions) = cx.into_parts();
    (meta, diagnostics, mentions)
}

/// The results of every file, to be put together by [`finish`].
#[derive(Default)]
pub struct Parts {
    /// Every diagnostic so far, in any order.
    pub diagnostics: Vec<Diagnostic>,
    /// Every entry without an error, in any order.
    pub entries: Vec<Entry>,
    numbers_at: Vec<numbers::NumberAt>,
    ids_at: Vec<IdAt>,
    /// The section numbers every file's texts mention (report.toml's too).
    pub mentions: Vec<Mention>,
}

impl Parts {
    /// Adds one entry file's diagnostics, number and mentions, not its entry (see
    /// [`Parts::entries`]).
    pub fn add(&mut self, checked: &EntryChecked) {
        self.diagnostics.extend(checked.diagnostics.iter().cloned());
        self.numbers_at.extend(checked.number.iter().cloned());
        self.ids_at.extend(checked.id.iter().cloned());
        self.mentions.extend(checked.mentions.iter().cloned());
    }
}

/// The rules across entries, then the report when nothing is an error.
pub fn finish(
    meta: Option<Meta>,
    parts: Parts,
    sources: Sources,
    files: Vec<FileId>,
    entry_files: usize,
) -> Checked {
    let Parts {
        diagnostics: mut diags,
        mut entries,
        numbers_at,
        ids_at,
        mentions,
    } = parts;
    numbers::check(&numbers_at, &sources, &mut diags);
    let numbers = numbers_at.iter().map(|n| n.number).collect();
    references::check(&mentions, &numbers, &mut diags);
    unique_ids(&ids_at, &sources, &mut diags);
    if let Some(meta) = &meta {
        meta.levels.apply(&mut diags);
    }
    diag::sort(&mut diags, &sources);
    let report = match meta {
        Some(meta) if !diags.iter().any(Diagnostic::is_error) => {
            entries.sort_by_key(|e| e.number);
            let warnings = diags.iter().map(|d| one_line(d, &sources)).collect();
            let locale = meta.locale(meta.source_language());
            Some(Report {
                meta,
                entries,
                warnings,
                locale,
            })
        }
        _ => None,
    };
    Checked {
        report,
        diagnostics: diags,
        sources,
        files,
        entries: entry_files,
    }
}

/// E026: two entries with one `id` could not be told apart by `build --against`.
fn unique_ids(all: &[IdAt], sources: &Sources, diags: &mut Vec<Diagnostic>) {
    let mut by_id: std::collections::BTreeMap<&str, Vec<(FileId, &std::ops::Range<usize>)>> =
        std::collections::BTreeMap::new();
    for at in all {
        by_id.entry(&at.id).or_default().push((at.file, &at.span));
    }
    for (id, at) in by_id {
        diags.extend(numbers::used_more_than_once(
            diag::Code::DuplicateId,
            &format!("entry id `{id}`"),
            &at,
            [
                "give one of them another id (an id names one entry across versions)",
                "give all but one of them other ids",
            ],
            sources,
        ));
    }
}

/// Where a well-formed section number stands, for the rules across entries.
fn number_at(raw: &toml::Spanned<String>, file: FileId) -> Option<numbers::NumberAt> {
    let number = raw.get_ref().trim().parse().ok()?;
    Some(numbers::NumberAt {
        number,
        file,
        span: raw.span(),
    })
}

/// `entries/2/2.7.toml:3:5: W002 straight double quote`
pub fn one_line(d: &Diagnostic, sources: &Sources) -> String {
    let place = match (d.file, &d.span) {
        (Some(f), Some(s)) => match sources.line_col(f, s.start) {
            Some(p) => format!("{}:{}:{}: ", sources.path(f), p.line, p.column),
            None => format!("{}: ", sources.path(f)),
        },
        (Some(f), None) => format!("{}: ", sources.path(f)),
        _ => String::new(),
    };
    format!("{place}{} {}", d.code, d.message)
}
