//! `build`: check, render the DOCX, the text report and the digest in memory, then write
//! all three atomically. Nothing is written unless every stage succeeded, so a failed build
//! leaves the previous outputs as they were.

use std::path::{Path, PathBuf};

use crate::check::Checked;
use crate::model::{DRAFT_TIMESTAMP, Report};
use crate::output;
use crate::render::docx::{self, DocxOptions};
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
}

/// The files a build wrote.
#[derive(Debug, Clone)]
pub struct Written {
    pub docx: PathBuf,
    pub text: PathBuf,
    pub digest: PathBuf,
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Template(#[from] text::TemplateError),
    #[error("cannot render the DOCX: {0}")]
    Docx(#[from] docx::DocxError),
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
}

/// Renders every output of a checked report.
pub fn render(
    report: &Report,
    templates: &Templates,
    timestamp: i64,
    text_options: &Options,
) -> Result<Rendered, BuildError> {
    // The text outputs do not wait for the DOCX: they are rendered on a second thread
    // while the DOCX is packed.
    let (docx, texts) = std::thread::scope(|scope| {
        let texts = scope.spawn(|| text::render_both(report, templates, *text_options));
        let docx = docx::render(report, &DocxOptions { timestamp });
        // Rendering never panics; if it did, the panic goes on in this thread.
        let texts = texts
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (docx, texts)
    });
    let (text, digest) = texts?;
    Ok(Rendered {
        stem: report.meta.file_stem(),
        docx: docx?,
        text,
        digest,
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

/// Writes the rendered outputs into `out` (created if needed), each atomically.
pub fn write(rendered: &Rendered, out: &Path) -> Result<Written, BuildError> {
    let err = |path: &Path| {
        let path = crate::load::display(path);
        move |source| BuildError::Write { path, source }
    };
    std::fs::create_dir_all(out).map_err(err(out))?;
    output::remove_stale_temporaries(out).map_err(err(out))?;
    let written = Written {
        docx: out.join(format!("{}.docx", rendered.stem)),
        text: out.join(format!("{}.txt", rendered.stem)),
        digest: out.join(format!("{}-digest.txt", rendered.stem)),
    };
    output::write_all_atomic(&[
        (written.docx.as_path(), rendered.docx.as_slice()),
        (written.text.as_path(), rendered.text.as_bytes()),
        (written.digest.as_path(), rendered.digest.as_bytes()),
    ])
    .map_err(|(path, source)| {
        if output::is_open_elsewhere(&source, path) {
            // As the system writes it (out\C18-33-E.docx on Windows), for the person
            // looking for the window that has it open.
            BuildError::OpenElsewhere {
                path: path.display().to_string(),
            }
        } else {
            err(path)(source)
        }
    })?;
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
    let Some(report) = checked.report else {
        return Ok(None);
    };
    let report = &report;
    let templates = Templates::discover(entries, options.templates.as_deref())?;
    let text_options = Options { wrap: options.wrap };
    let rendered = render(
        report,
        &templates,
        timestamp(report, options.source_date_epoch),
        &text_options,
    )?;
    write(&rendered, &options.out).map(Some)
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
