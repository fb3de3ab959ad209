//! The outputs of a rebuild, with each entry's HTML and DOCX body kept from the last one
//! ([`crate::render::memo`]). The HTML page is rendered and written first, so that the
//! preview shows a save as soon as possible; then the DOCX, the text report and the
//! digest are written together, atomically, as `build` writes them.

use std::path::Path;

use crate::build::{self, BuildError, BuildOptions, Written};
use crate::model::Report;
use crate::render::docx::{self, BodyCache, DocxOptions};
use crate::render::html;
use crate::render::memo::Memo;
use crate::render::text::{Options, Templates};

/// What is kept of the renderings between rebuilds.
#[derive(Default)]
pub struct Outputs {
    html: Memo<String>,
    docx: BodyCache,
}

impl Outputs {
    /// The HTML page of `report`.
    pub fn html(&mut self, report: &Report) -> String {
        html::render_kept(report, &mut self.html)
    }

    /// Renders and writes every output `options` asks for, as `build` does; `page`, when
    /// given, is called with the HTML page once it is written (and before the rest is
    /// rendered).
    pub fn build(
        &mut self,
        report: &Report,
        entries: &Path,
        options: &BuildOptions,
        page: impl FnOnce(&str, &Path),
    ) -> Result<Written, BuildError> {
        let templates = Templates::discover(entries, options.templates.as_deref())?;
        let timestamp = build::timestamp(report, options.source_date_epoch);
        let html = if options.html {
            let html = self.html(report);
            let path = options
                .out
                .join(format!("{}.html", report.meta.file_stem()));
            build::write_one(&options.out, &path, html.as_bytes())?;
            page(&html, &path);
            Some(path)
        } else {
            None
        };
        let text_options = Options { wrap: options.wrap };
        let cache = &mut self.docx;
        let mut rendered = build::render_with(report, &templates, &text_options, |r| {
            docx::render_kept(r, &DocxOptions { timestamp }, cache)
        })?;
        if let Some(soffice) = &options.pdf {
            rendered.pdf = Some(soffice.convert(&rendered.docx, &rendered.stem, timestamp)?);
        }
        let mut written = build::write(&rendered, &options.out)?;
        written.html = html;
        Ok(written)
    }
}
