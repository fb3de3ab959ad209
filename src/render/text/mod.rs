//! The plain-text outputs: the whole report (`<doc>.txt`) and a digest for managers
//! (`<doc>-digest.txt`), rendered by minijinja from `report.txt.j2` and `digest.txt.j2`.
//!
//! Templates receive a [`ViewModel`] built from the checked [`Report`], never the TOML:
//! its fields are documented in [`view`] and in `docs/template-fields.md`. Undefined
//! variables are errors naming the template file and line ([`TemplateError`]). The
//! filters `date`, `date_range` and `wrap` are available to every template.
//!
//! The text report agrees with the DOCX paragraph for paragraph: one paragraph per line
//! (see [`view::body`]), no wrapping unless a width is asked for. Output is deterministic
//! and ends with exactly one newline.

mod changes;
mod context;
mod digest;
mod entry_view;
mod filters;
mod templates;
pub mod view;

use std::ops::Range;
use std::path::PathBuf;

use minijinja::Value;

use crate::model::Report;

pub use changes::changes;
pub use filters::wrap_text;
pub use templates::{DIGEST, REPORT, Templates};
pub use view::ViewModel;

/// A template that could not be read, compiled or rendered.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    /// `templates/report.txt.j2:12: undefined value `meta.titel``
    #[error("{template}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Template {
        /// The file to open: `templates/report.txt.j2`, or the path in the user's folder.
        template: String,
        /// 1-based line in that file, when known.
        line: Option<usize>,
        /// What went wrong: `undefined value `meta.titel``, `syntax error: …`.
        message: String,
        /// Byte range in the template, when known (for an excerpt).
        range: Option<Range<usize>>,
    },
    /// The templates folder cannot be read.
    #[error("cannot read the templates folder {}", path.display())]
    Folder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The templates path is a file.
    #[error("{}: not a folder (a templates folder holds report.txt.j2 and/or digest.txt.j2)", path.display())]
    NotAFolder { path: PathBuf },
}

/// Settings of a text rendering.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Wrap lines at this many columns; `None` (the default) for one paragraph per line.
    pub wrap: Option<u32>,
}

/// The whole report as plain text, one paragraph per line.
pub fn render_report(report: &Report, templates: &Templates) -> Result<String, TemplateError> {
    render_report_with(report, templates, Options::default())
}

/// The digest: period, counts, Recommendations, events, resolutions, warnings.
pub fn render_digest(report: &Report, templates: &Templates) -> Result<String, TemplateError> {
    render_digest_with(report, templates, Options::default())
}

/// [`render_report`] with options (line wrapping).
pub fn render_report_with(
    report: &Report,
    templates: &Templates,
    options: Options,
) -> Result<String, TemplateError> {
    render(REPORT, &context(report, options), templates)
}

/// [`render_digest`] with options (line wrapping).
pub fn render_digest_with(
    report: &Report,
    templates: &Templates,
    options: Options,
) -> Result<String, TemplateError> {
    render(DIGEST, &context(report, options), templates)
}

/// The report and the digest, from one template context: the context is a copy of the
/// whole report, so building it once saves both the time and the memory of a second.
pub fn render_both(
    report: &Report,
    templates: &Templates,
    options: Options,
) -> Result<(String, String), TemplateError> {
    let context = context(report, options);
    Ok((
        render(REPORT, &context, templates)?,
        render(DIGEST, &context, templates)?,
    ))
}

/// What templates see (documented in docs/template-fields.md).
fn context(report: &Report, options: Options) -> Value {
    context::context(ViewModel::new(report, options.wrap))
}

fn render(name: &str, context: &Value, templates: &Templates) -> Result<String, TemplateError> {
    let template = templates
        .env()
        .get_template(name)
        .map_err(|e| templates.error(name, &e))?;
    let text = template
        .render(context)
        .map_err(|e| templates.error(name, &e))?;
    Ok(end_with_one_newline(text))
}

/// Whatever a template's last lines, a text file ends with exactly one newline.
fn end_with_one_newline(mut text: String) -> String {
    // In place: a copy doubles the largest output at the peak of `build` (at 100× the
    // sample, 3.6 MB; peak RSS 60 MB with the copy, 56 MB without).
    text.truncate(text.trim_end_matches(['\n', '\r']).len());
    text.push('\n');
    text
}
