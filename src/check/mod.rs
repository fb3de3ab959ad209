//! `check`: every rule, from a [`Draft`] to a [`Report`].
//!
//! Each family of rules lives in its own file and adds diagnostics; none stops the others,
//! so one run reports everything. A [`Report`] comes out only when there is no error:
//! "parse, don't validate", so renderers never see invalid data.

mod entry;
mod locate;
mod numbers;
mod report;
mod text;
mod values;

use crate::diag::{self, Diagnostic, Sources};
use crate::load::Draft;
use crate::model::Report;

pub use entry::recommendation_sector;

/// The outcome of checking a folder.
#[derive(Debug)]
pub struct Checked {
    /// The report, when there is no error.
    pub report: Option<Report>,
    /// Every finding, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Sources,
    /// Every file read, for reports that list clean files too.
    pub files: Vec<String>,
    /// How many entry files were checked.
    pub entries: usize,
}

impl Checked {
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
    let src = |file: &str| sources.get(file).unwrap_or_default();
    let meta = raw_report
        .as_ref()
        .and_then(|r| report::convert(r, src(&r.file), logo, &mut diags));

    // Each entry is checked on its own (the cross-entry rules come after), so the work
    // splits over the cores; the results are merged in file order, as a loop would give.
    let converted = crate::parallel::map_owned(raw_entries, |loaded| {
        let mut own = Vec::new();
        let entry = entry::convert(&loaded, src(&loaded.file), meta.as_ref(), &mut own);
        // The number rules need every well-formed number, even of entries with other errors.
        let number = number_at(&loaded.raw.number, loaded.file);
        (entry.map(|(entry, _)| entry), own, number)
    });
    let mut entries = Vec::with_capacity(converted.len());
    let mut numbers_at = Vec::with_capacity(converted.len());
    for (entry, own, number) in converted {
        entries.extend(entry);
        diags.extend(own);
        numbers_at.extend(number);
    }
    for loaded in broken_numbers {
        numbers_at.extend(number_at(&loaded.raw, loaded.file));
    }
    numbers::check(&numbers_at, &sources, &mut diags);
    diag::sort(&mut diags);

    let report = match meta {
        Some(meta) if !diags.iter().any(Diagnostic::is_error) => {
            entries.sort_by_key(|e| e.number);
            let warnings = diags.iter().map(|d| one_line(d, &sources)).collect();
            Some(Report {
                meta,
                entries,
                warnings,
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

/// Where a well-formed section number stands, for the rules across entries.
fn number_at(raw: &toml::Spanned<String>, file: String) -> Option<numbers::NumberAt> {
    let number = raw.get_ref().trim().parse().ok()?;
    Some(numbers::NumberAt {
        number,
        file,
        span: raw.span(),
    })
}

/// `entries/2/2.7.toml:3:5: W002 straight double quote`
pub fn one_line(d: &Diagnostic, sources: &Sources) -> String {
    let place = match (&d.file, &d.span) {
        (Some(f), Some(s)) => match sources.line_col(f, s.start) {
            Some(p) => format!("{f}:{}:{}: ", p.line, p.column),
            None => format!("{f}: "),
        },
        (Some(f), None) => format!("{f}: "),
        _ => String::new(),
    };
    format!("{place}{} {}", d.code, d.message)
}
