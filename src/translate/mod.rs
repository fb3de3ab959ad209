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
pub fn localize(
    checked: &mut Checked,
    entries: &Path,
    languages: &[Language],
) -> Option<Vec<Report>> {
    let english = checked.report.as_ref()?;
    let source = english.meta.source_language();
    let mut reports = Vec::new();
    let mut diags = Vec::new();
    for &language in languages {
        if language == source {
            reports.push(english.clone());
            continue;
        }
        let before = diags.len();
        let file = apply::load(entries, language, &mut checked.sources, &mut diags);
        // A file that cannot be read has its error; a warning per untranslated entry on
        // top would only bury it.
        let broken = diags.len() > before;
        let mut found = Vec::new();
        reports.push(apply::apply(
            english,
            language,
            file.as_ref(),
            &checked.sources,
            &mut found,
        ));
        diags.extend(
            found
                .into_iter()
                .filter(|d| !(broken && d.code == crate::diag::Code::Untranslated)),
        );
    }
    english.meta.levels.apply(&mut diags);
    checked.diagnostics.extend(diags);
    crate::diag::sort(&mut checked.diagnostics, &checked.sources);
    Some(reports)
}
