//! council-report: compiles one-TOML-file-per-entry ITU Council reports.
//!
//! The pipeline runs in one direction:
//!
//! ```text
//! files ──load──▶ Draft ──check──▶ Report ──render──▶ DOCX, HTML, text, digest
//!                                                      DOCX ──pdf──▶ PDF (LibreOffice)
//! ```
//!
//! [`load`] reads the entries folder and parses every file with spans; [`check`] applies
//! every rule and is the only way to obtain a [`model::Report`]; the renderers read that
//! report and never see TOML or files.

pub mod against;
pub mod build;
pub mod chars;
pub mod check;
pub mod cli;
pub mod commands;
pub mod compare;
pub mod console;
pub mod dates;
pub mod diag;
pub mod edit;
pub mod import;
pub mod incremental;
pub mod input;
pub mod load;
pub mod locale;
pub mod lock;
pub mod markup;
pub mod model;
pub mod number;
pub mod output;
mod parallel;
pub mod pdf;
pub mod raw;
pub mod render;
pub mod schema;
pub mod serve;
pub mod translate;
pub mod typography;

/// Loads and checks the entries folder at `dir`: the whole front half of the pipeline.
pub fn load_and_check(dir: &std::path::Path) -> Result<check::Checked, load::LoadError> {
    Ok(check::check(load::load(dir)?))
}
