//! The outputs of a rebuild, with each entry's HTML and DOCX body kept from the last one
//! ([`crate::render::memo`]). Each output is written, atomically, as soon as it is ready,
//! so that a drafter sees a save as soon as possible: the HTML page first (and the
//! preview shown), then the DOCX, then the text report and the digest (and the PDF)
//! together. (`build` writes them all together, after everything is rendered.)

use std::path::Path;

use crate::build::{self, BuildError, BuildOptions, Written};
use crate::model::Report;
use crate::render::docx::{self, BodyCache, DocxOptions};
use crate::render::html;
use crate::render::memo::Memo;
use crate::render::text::{self, Options, Templates};

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
        let stem = report.meta.file_stem();
        let docx_path = options.out.join(format!("{stem}.docx"));
        // The DOCX first and alone: its deflate takes one core (80 to 110 ms at 5,400
        // entries), and rendering the text outputs beside it slowed it by a third on the
        // 2-core machine; the text outputs are rendered once the DOCX is written.
        let docx = docx::render_kept(report, &DocxOptions { timestamp }, &mut self.docx)?;
        build::write_one(&options.out, &docx_path, &docx)?;
        let (text, digest) = text::render_both(report, &templates, text_options)?;
        let pdf = match &options.pdf {
            Some(soffice) => Some(soffice.convert(&docx, &stem, timestamp)?),
            None => None,
        };
        let text_path = options.out.join(format!("{stem}.txt"));
        let digest_path = options.out.join(format!("{stem}-digest.txt"));
        let pdf_path = pdf
            .as_ref()
            .map(|_| options.out.join(format!("{stem}.pdf")));
        let mut files = vec![
            (text_path.as_path(), text.as_bytes()),
            (digest_path.as_path(), digest.as_bytes()),
        ];
        if let (Some(path), Some(pdf)) = (&pdf_path, &pdf) {
            files.push((path.as_path(), pdf.as_slice()));
        }
        build::write_set(&options.out, &files)?;
        Ok(Written {
            docx: docx_path,
            text: text_path,
            digest: digest_path,
            html,
            pdf: pdf_path,
        })
    }
}
