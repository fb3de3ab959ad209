//! The Council DOCX: a checked [`Report`] laid out as COUNCIL-FORMAT.md describes.
//!
//! docx-rs builds the document, its headers and footers; [`package`] then post-processes
//! the XML parts (deterministic relationship and paragraph ids, `w:noBreakHyphen`, schema
//! order, our own `styles.xml`, theme and `docProps/core.xml`) and packs the zip itself, so the
//! same report always gives the same bytes.

mod body;
mod core_props;
mod first_page;
mod header_footer;
mod ids;
mod inline;
mod package;
mod schema_order;
mod styles;
mod theme;
mod xml;

use docx_rs::{Docx, PageMargin};

use crate::model::Report;
use crate::render::memo::Memo;

use crate::render::conventions::{PAGE_HEIGHT, PAGE_WIDTH};

/// How to render.
#[derive(Debug, Clone, Copy)]
pub struct DocxOptions {
    /// Unix seconds, used for docProps created/modified and zip entry times.
    pub timestamp: i64,
}

/// Why no DOCX could be produced.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("docx-rs wrote a part that cannot be read back ({part}): {message}")]
    Xml { part: String, message: String },
    #[error("cannot write the DOCX archive: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("cannot write the DOCX archive: {0}")]
    Io(#[from] std::io::Error),
}

/// Renders the report as DOCX bytes.
pub fn render(report: &Report, options: &DocxOptions) -> Result<Vec<u8>, DocxError> {
    // Entries are nearly all of the document: they are built on every core, the rest
    // (first page, headers, footers) once, and the body is then spliced in.
    let body = body::render(&report.entries, &report.meta.layout)?;
    let parts = package::parts(build(report).build(), body, report, options.timestamp)?;
    package::zip(parts, options.timestamp)
}

/// Each entry's body XML, kept between renders by `watch` ([`render_kept`]).
#[derive(Default)]
pub struct BodyCache(Memo<body::Piece>);

/// [`render`], rendering again only the entries that changed since the last call with
/// the same `cache`; the bytes are the same as [`render`]'s.
pub fn render_kept(
    report: &Report,
    options: &DocxOptions,
    cache: &mut BodyCache,
) -> Result<Vec<u8>, DocxError> {
    let body = body::render_kept(&report.entries, &report.meta.layout, &mut cache.0)?;
    let parts = package::parts(build(report).build(), body, report, options.timestamp)?;
    package::zip(parts, options.timestamp)
}

/// The document as docx-rs builds it.
fn build(report: &Report) -> Docx {
    let meta = &report.meta;
    let layout = &meta.layout;
    let m = &layout.margins;
    let text_width = PAGE_WIDTH.saturating_sub(m.left + m.right) as usize;
    let twips = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);

    let mut docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(PageMargin {
            top: twips(m.top),
            left: twips(m.left),
            bottom: twips(m.bottom),
            right: twips(m.right),
            header: twips(layout.header_distance),
            footer: twips(layout.footer_distance),
            gutter: 0,
        })
        .header(header_footer::running_header(&meta.full_number()))
        .first_header(header_footer::first_header());
    if let Some(url) = &layout.footer {
        docx = docx.first_footer(header_footer::first_footer(url));
    }

    docx = docx.add_table(first_page::header_block(meta, text_width));
    if let Some(source) = &meta.source {
        docx = docx.add_paragraph(first_page::source(source));
    }
    docx = docx
        .add_paragraph(first_page::title(meta))
        .add_table(first_page::summary_box(meta, text_width));
    docx.add_paragraph(body::placeholder())
        .add_paragraph(body::closing_line())
}
