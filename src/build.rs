//! `build`: check, render the DOCX, the text report and the digest (and, when asked, the
//! HTML page and the PDF) in memory, then write them all atomically. Nothing is written
//! unless every stage succeeded, so a failed build leaves the previous outputs as they were.

use std::path::{Path, PathBuf};

use crate::check::Checked;
use crate::compare::Comparison;
use crate::model::{DRAFT_TIMESTAMP, Report};
use crate::output;
use crate::pdf::{PdfError, Soffice};
use crate::render::docx::{self, DocxOptions};
use crate::render::html;
use crate::render::text::{self, Options, Templates};

/// What `build` needs besides the entries.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub out: PathBuf,
    /// An explicit templates folder (`--templates`); else `templates/` beside the entries
    /// folder when it exists; else the built-in templates.
    pub templates: Option<PathBuf>,
    /// Unix seconds for the DOCX timestamps; `None` uses the document date.
    pub source_date_epoch: Option<i64>,
    /// Wrap the text outputs at this many columns; `None` for one paragraph per line.
    pub wrap: Option<u32>,
    /// Also write the HTML page.
    pub html: bool,
    /// Also write the PDF, converted by this LibreOffice.
    pub pdf: Option<Soffice>,
}

/// The files a build wrote.
#[derive(Debug, Clone)]
pub struct Written {
    pub docx: PathBuf,
    pub text: PathBuf,
    pub digest: PathBuf,
    pub html: Option<PathBuf>,
    pub pdf: Option<PathBuf>,
}

impl Written {
    /// Every file written, in the order `build` lists them.
    pub fn paths(&self) -> impl Iterator<Item = &PathBuf> {
        [Some(&self.docx), Some(&self.text), Some(&self.digest)]
            .into_iter()
            .chain([self.html.as_ref(), self.pdf.as_ref()])
            .flatten()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Template(#[from] text::TemplateError),
    #[error("cannot render the DOCX: {0}")]
    Docx(#[from] docx::DocxError),
    #[error(transparent)]
    Pdf(#[from] PdfError),
    #[error(transparent)]
    Locked(#[from] crate::lock::LockError),
    /// Windows refused to replace an output that another program has open.
    #[error("{path} is open in another program, probably Word: close it and build again")]
    OpenElsewhere { path: String },
    #[error("cannot write {path}")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

/// The rendered outputs, before anything touches the disk.
pub struct Rendered {
    pub stem: String,
    pub docx: Vec<u8>,
    pub text: String,
    pub digest: String,
    pub html: Option<String>,
    pub pdf: Option<Vec<u8>>,
}

/// Renders every output of a checked report.
pub fn render(
    report: &Report,
    templates: &Templates,
    timestamp: i64,
    text_options: &Options,
) -> Result<Rendered, BuildError> {
    render_with(report, templates, text_options, || {
        docx::render(report, &DocxOptions { timestamp })
    })
}

/// Renders every output of a revision: the revised report's DOCX with the changes since
/// the issued report tracked, its text report, and its digest followed by the list of
/// changes ([`text::changes`]).
pub fn render_revision(
    comparison: &Comparison<'_>,
    templates: &Templates,
    timestamp: i64,
    text_options: &Options,
) -> Result<Rendered, BuildError> {
    let mut rendered = render_with(comparison.new, templates, text_options, || {
        docx::render_revision(comparison, &DocxOptions { timestamp })
    })?;
    rendered.digest.push('\n');
    rendered.digest.push_str(&text::changes(comparison));
    Ok(rendered)
}

/// The text outputs of `report` and the DOCX `docx` renders.
fn render_with(
    report: &Report,
    templates: &Templates,
    text_options: &Options,
    docx: impl FnOnce() -> Result<Vec<u8>, docx::DocxError> + Send,
) -> Result<Rendered, BuildError> {
    // The text outputs do not wait for the DOCX: they are rendered on a second thread
    // while the DOCX is packed.
    let (docx, texts) =
        crate::parallel::join(docx, || text::render_both(report, templates, *text_options));
    let (text, digest) = texts?;
    Ok(Rendered {
        stem: report.meta.file_stem(),
        docx: docx?,
        text,
        digest,
        html: None,
        pdf: None,
    })
}

/// The DOCX timestamp: `SOURCE_DATE_EPOCH` when given, else midnight of the document date,
/// else (the date is still a placeholder) the fixed [`DRAFT_TIMESTAMP`].
pub fn timestamp(report: &Report, source_date_epoch: Option<i64>) -> i64 {
    source_date_epoch.unwrap_or_else(|| {
        report
            .meta
            .date
            .value()
            .map_or(DRAFT_TIMESTAMP, |d| d.unix_seconds())
    })
}

fn write_error(path: &Path) -> impl FnOnce(std::io::Error) -> BuildError {
    let path = crate::diag::display(path);
    move |source| BuildError::Write { path, source }
}

/// Writes one output file into `out` (created if needed), atomically, holding the
/// folder's lock as [`write`] does (a build meanwhile would remove its temporary file).
pub fn write_one(out: &Path, path: &Path, bytes: &[u8]) -> Result<(), BuildError> {
    std::fs::create_dir_all(out).map_err(write_error(out))?;
    let _lock = crate::lock::lock(out, crate::lock::Mode::Exclusive)?;
    output::write_atomic(path, bytes).map_err(write_error(path))
}

/// Writes files into `out` (created if needed) as one step ([`output::write_all_atomic`]),
/// after removing the temporary files an interrupted build left there.
pub fn write_set(out: &Path, files: &[(&Path, &[u8])]) -> Result<(), BuildError> {
    std::fs::create_dir_all(out).map_err(write_error(out))?;
    // One writer at a time: two builds into one folder (`watch` and a `build` by hand)
    // never leave a mixed set, nor delete each other's temporary files.
    let _lock = crate::lock::lock(out, crate::lock::Mode::Exclusive)?;
    output::remove_stale_temporaries(out).map_err(write_error(out))?;
    output::write_all_atomic(files).map_err(|(path, source)| {
        if output::is_open_elsewhere(&source, path) {
            // As the system writes it (out\C18-33-E.docx on Windows), for the person
            // looking for the window that has it open.
            BuildError::OpenElsewhere {
                path: path.display().to_string(),
            }
        } else {
            write_error(path)(source)
        }
    })
}

/// Writes the rendered outputs into `out` (created if needed), each atomically.
pub fn write(rendered: &Rendered, out: &Path) -> Result<Written, BuildError> {
    let written = paths(rendered, out);
    write_set(out, &files_of(rendered, &written))?;
    Ok(written)
}

/// Renders and writes a checked report; `None` when the check found errors. Takes the
/// check's result so that the file texts it kept for diagnostics (as large as the
/// entries folder) are let go before rendering needs the memory.
pub fn build(
    checked: Checked,
    entries: &Path,
    options: &BuildOptions,
) -> Result<Option<Written>, BuildError> {
    build_against(checked, None, entries, options)
}

/// [`build`], or with `against` (the issued version, checked) a revision: the changes
/// since it tracked in the DOCX and listed in the digest. `None` when either check found
/// errors.
pub fn build_against(
    checked: Checked,
    against: Option<Checked>,
    entries: &Path,
    options: &BuildOptions,
) -> Result<Option<Written>, BuildError> {
    let input_bytes = checked.sources.total_bytes();
    let entry_count = checked.entries;
    // Moving the report out of `checked` alone would keep the rest of it (the file texts,
    // 4.5 MB at 100× the sample) alive to the end of this function; `into_report` drops
    // it before rendering.
    let Some(report) = checked.into_report() else {
        return Ok(None);
    };
    let report = &report;
    let mut templates = Templates::discover(entries, options.templates.as_deref())?;
    templates.set_budget(entry_count, input_bytes);
    let text_options = Options { wrap: options.wrap };
    let timestamp = timestamp(report, options.source_date_epoch);
    let rendered = match against {
        None => render(report, &templates, timestamp, &text_options)?,
        Some(against) => {
            let Some(old) = against.into_report() else {
                return Ok(None);
            };
            let comparison = crate::compare::compare(&old, report);
            render_revision(&comparison, &templates, timestamp, &text_options)?
        }
    };
    let rendered = with_extras(rendered, report, timestamp, options)?;
    write(&rendered, &options.out).map(Some)
}

/// Renders and writes the report in several languages (`build --language all`), with
/// `against` the issued version in the same languages (a revision of each): every
/// output of every language is rendered first, then all are written as one step, so an
/// error leaves every previous output as it was. `budget`: the entry count and input
/// bytes, for the template budget.
///
/// The languages are rendered side by side on rayon's pool (each DOCX also spreads its
/// blocks over the same pool). Every output depends on its own report alone, so they are
/// the same bytes as rendered one after another (`RAYON_NUM_THREADS=1`); an error is the
/// first language's in the order given, as it was serially.
pub fn build_all(
    reports: Vec<Report>,
    against: Option<Vec<Report>>,
    budget: (usize, usize),
    entries: &Path,
    options: &BuildOptions,
) -> Result<Vec<Written>, BuildError> {
    let mut templates = Templates::discover(entries, options.templates.as_deref())?;
    templates.set_budget(budget.0, budget.1);
    let text_options = Options { wrap: options.wrap };
    // With `against` (`build --language … --against …`), each language's revision.
    let languages: Vec<(&Report, Option<&Report>)> = reports
        .iter()
        .enumerate()
        .map(|(i, report)| (report, against.as_ref().and_then(|a| a.get(i))))
        .collect();
    let all = crate::parallel::map(&languages, |&(report, issued)| {
        let timestamp = timestamp(report, options.source_date_epoch);
        let rendered = match issued {
            Some(old) => render_revision(
                &crate::compare::compare(old, report),
                &templates,
                timestamp,
                &text_options,
            )?,
            None => render(report, &templates, timestamp, &text_options)?,
        };
        with_extras(rendered, report, timestamp, options)
    })
    .into_iter()
    .collect::<Result<Vec<_>, _>>()?;
    let written: Vec<Written> = all.iter().map(|r| paths(r, &options.out)).collect();
    let mut files = Vec::new();
    for (r, w) in all.iter().zip(&written) {
        files.extend(files_of(r, w));
    }
    write_set(&options.out, &files)?;
    Ok(written)
}

/// `rendered` with the HTML page and the PDF of `report`, when `options` ask for them.
fn with_extras(
    mut rendered: Rendered,
    report: &Report,
    timestamp: i64,
    options: &BuildOptions,
) -> Result<Rendered, BuildError> {
    if options.html {
        rendered.html = Some(html::render(report));
    }
    if let Some(soffice) = &options.pdf {
        rendered.pdf = Some(soffice.convert(&rendered.docx, &rendered.stem, timestamp)?);
    }
    Ok(rendered)
}

/// Where the outputs of `rendered` go in `out`.
fn paths(rendered: &Rendered, out: &Path) -> Written {
    let stem = &rendered.stem;
    Written {
        docx: out.join(format!("{stem}.docx")),
        text: out.join(format!("{stem}.txt")),
        digest: out.join(format!("{stem}-digest.txt")),
        html: rendered
            .html
            .as_ref()
            .map(|_| out.join(format!("{stem}.html"))),
        pdf: rendered
            .pdf
            .as_ref()
            .map(|_| out.join(format!("{stem}.pdf"))),
    }
}

/// Each output of `rendered` with its path.
fn files_of<'a>(rendered: &'a Rendered, written: &'a Written) -> Vec<(&'a Path, &'a [u8])> {
    let mut files = vec![
        (written.docx.as_path(), rendered.docx.as_slice()),
        (written.text.as_path(), rendered.text.as_bytes()),
        (written.digest.as_path(), rendered.digest.as_bytes()),
    ];
    if let (Some(path), Some(html)) = (&written.html, &rendered.html) {
        files.push((path.as_path(), html.as_bytes()));
    }
    if let (Some(path), Some(pdf)) = (&written.pdf, &rendered.pdf) {
        files.push((path.as_path(), pdf.as_slice()));
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Filled;

    #[test]
    fn timestamp_falls_back_to_the_draft_one_while_the_date_is_a_placeholder() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("entries");
        let Some(mut report) = crate::load_and_check(&dir).ok().and_then(|c| c.report) else {
            panic!("the sample entries check");
        };
        let date = report.meta.date.value().map(|d| d.unix_seconds());
        assert_eq!(Some(timestamp(&report, None)), date);
        assert_eq!(timestamp(&report, Some(7)), 7);
        report.meta.date = Filled::Placeholder("TODO: the date".into());
        assert_eq!(timestamp(&report, None), DRAFT_TIMESTAMP);
        assert_eq!(timestamp(&report, Some(7)), 7);
    }
}
