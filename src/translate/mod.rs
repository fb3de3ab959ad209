//! Translations: the report in the five other languages of the Union, through XLIFF files
//! beside the entries (`entries/translations/F.xlf`).
//!
//! [`units`] cuts the English report into translatable pieces with stable ids; [`xliff`]
//! reads and writes the files CAT tools exchange; [`export`] writes or updates one file
//! from the English (new units added, changed ones marked for review, removed ones
//! dropped); [`apply`] makes the report in a language from the English and a file, with
//! what `check --language` reports about it.

pub mod apply;
pub mod export;
mod typography;
pub mod units;
pub mod xliff;

use std::path::Path;

use crate::check::Checked;
use crate::locale::Language;
use crate::model::Report;

pub use apply::{State, TranslationFile, path};

/// The reports `build --language` makes: the English one (`checked`'s report) when
/// `languages` has the entries' own language, and each other language's from its
/// translation file. Findings about the files join `checked`'s diagnostics (sorted
/// again); `None` when the entries themselves have errors.
///
/// The files are read and parsed, and the languages made, side by side on the pool
/// ([`crate::parallel`]); the English is cut into units once for all of them. One after
/// the other (each file read, the English cut again, then applied), this was 19 % of the
/// CPU time of `build --language all` at 100× the sample without translation files, all
/// of it before the rendering could start; the diagnostics come out the same, in the
/// same order.
pub fn localize(
    checked: &mut Checked,
    entries: &Path,
    languages: &[Language],
) -> Option<Vec<Report>> {
    let english = checked.report.as_ref()?;
    let source = english.meta.source_language();
    let others: Vec<Language> = languages.iter().copied().filter(|&l| l != source).collect();
    let (units, read) = rayon::join(
        || {
            if others.is_empty() {
                Vec::new()
            } else {
                units::units(english)
            }
        },
        || crate::parallel::map(&others, |&language| apply::read(entries, language)),
    );
    // Registered in the languages' order, so the files' ids (and the diagnostics' order
    // among equals) are those of reading them one after the other.
    let mut files = Vec::with_capacity(others.len());
    for (read, &language) in read.into_iter().zip(&others) {
        let mut found = Vec::new();
        let file = read.register(language, &mut checked.sources, &mut found);
        files.push((language, file, found));
    }
    let sources = &checked.sources;
    let mut made = crate::parallel::map(&files, |(language, file, unreadable)| {
        let mut found = Vec::new();
        let report = apply::apply(
            english,
            &units,
            *language,
            file.as_ref(),
            sources,
            &mut found,
        );
        // A file that cannot be read has its error; a warning per untranslated entry on
        // top would only bury it.
        let broken = !unreadable.is_empty();
        found.retain(|d| !(broken && d.code == crate::diag::Code::Untranslated));
        (report, found)
    })
    .into_iter()
    .zip(files.iter().map(|(_, _, unreadable)| unreadable));
    let mut diags = Vec::new();
    let mut reports = Vec::with_capacity(languages.len());
    for &language in languages {
        if language == source {
            reports.push(english.clone());
        } else if let Some(((report, found), unreadable)) = made.next() {
            reports.push(report);
            diags.extend(unreadable.iter().cloned());
            diags.extend(found);
        }
    }
    english.meta.levels.apply(&mut diags);
    checked.diagnostics.extend(diags);
    crate::diag::sort(&mut checked.diagnostics, &checked.sources);
    Some(reports)
}
