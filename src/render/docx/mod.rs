//! The Council DOCX: a checked [`Report`] laid out as COUNCIL-FORMAT.md describes, written
//! in one pass.
//!
//! # The writer
//!
//! Every part is written once, front to back, in schema order, and never read back:
//!
//! - the layout code ([`first_page`], [`body`], [`inline`], [`header_footer`]) builds a
//!   small model of WordprocessingML — [`paragraph::Paragraph`]s of [`paragraph::Run`]s and
//!   links, [`table::Table`]s — borrowing the report's strings;
//! - a [`story::Story`] writes the model of one part (document body, header, footer): each
//!   type writes its own element, its properties in the order of the schema's sequence
//!   (CT_PPr, CT_RPr, CT_TblPr, CT_SectPr…), and takes its ids as it goes — paragraph ids
//!   and annotation ids (revisions, bookmarks) running on across the parts, `rIdLink1`, …
//!   for each part's hyperlinks. The entries, nearly all of the document, are built and
//!   written on all cores (rayon): a block knows beforehand how many ids it takes
//!   ([`block::Block::ids`]), so every entry starts from the ids of those before it and the
//!   XML is the same whatever the number of threads;
//! - every string from the report reaches XML through one function, [`xml::escape_into`],
//!   which is XML-1.0-safe by construction (what XML 1.0 cannot hold is written as U+FFFD
//!   and stops a debug build: `check` lets none through);
//! - [`package`] lists the parts with the relationships that reference them and their
//!   content types, and zips them in a fixed order with fixed times: the same report
//!   gives the same bytes, on any machine and any number of threads.
//!
//! The document is never held whole: it goes into the zip's deflate as it is written, the
//! entries in batches, the next batch built and written on the other cores while the
//! current one is deflated. The data part (`customXml/item1.xml`, as large as the
//! document) is written and deflated the same way on a thread of its own, side by side
//! with the document, and merged into the package at its planned place. `watch` keeps each entry's XML between builds
//! ([`render_kept`]) and writes again only the entries that changed or moved to other ids.
//!
//! # docx-rs, and where the writer is ours
//!
//! docx-rs (the document library the project was specified with) writes what it writes
//! correctly: the package's `[Content_Types].xml` and `_rels/.rels`, and the DrawingML of
//! the logo. The rest is ours, because docx-rs 0.4.22 cannot write what a Council document
//! needs: it puts properties out of schema order (`rPr` before `jc`, `headerReference`
//! after `pgSz`, …), numbers paragraph and hyperlink ids from thread-local and
//! process-global counters, writes no relationship for a header or footer hyperlink, has no
//! `w:noBreakHyphen`, `w:lang` with East Asian and complex-script languages, or paragraph
//! mark revisions, and always writes East Asian compatibility settings and a fixed font
//! table. Correcting that used to take a second and third pass that parsed its XML back
//! (about 1,170 lines); writing those parts directly is shorter than correcting them. The
//! writer is a string buffer rather than quick-xml's `Writer`: see [`xml`].
//!
//! # Adding to the model
//!
//! The model already carries what the next features need; the layout code sets it:
//!
//! - **tracked changes** (revisions between two reports): set [`paragraph::Run::revision`]
//!   to a [`paragraph::Revision`] (inserted or deleted, author, date) — the run is written
//!   inside `w:ins` or `w:del`, its text as `w:delText` when deleted — and
//!   [`paragraph::ParagraphProps::mark`] for an inserted or deleted paragraph mark;
//! - **right to left** (Arabic): [`paragraph::ParagraphProps::bidi`] and
//!   [`paragraph::RunProps::rtl`]; [`paragraph::RunProps::lang`] gives a run its Latin,
//!   East Asian and complex-script languages (`w:lang`). Styles and fonts per language go
//!   in [`styles`] (the document defaults) and [`styles::fonts`] (the font table lists
//!   what it returns); a right-to-left section adds `w:bidi` to [`document`]'s section
//!   properties;
//! - **cross-references** (in use: `[§2.9]` in an entry's text): [`paragraph::Paragraph::bookmark`]
//!   names a paragraph (every entry's first, [`inline::bookmark_name`]), and a
//!   [`paragraph::Child::Link`] to [`paragraph::Target::Anchor`] points at it
//!   (`w:hyperlink w:anchor`);
//! - **a new part** (such as a customXml part with the report's data): write it with
//!   [`xml::Xml`], add it to [`package::render`]'s plan with its content type and the
//!   relationship that references it.
//!
//! A new element goes where the schema's sequence puts it in its parent's `write`. The
//! validator `docx-check.sh` runs on the built DOCX in CI (openxml-audit) also checks the
//! seams above in `cargo test` (`paragraph`'s tests), and `tests/docx_xml.rs` reads every
//! part of the rendered sample report back.

// These docs are the writer's design, for whoever works on it: they link to its private
// modules, which `cargo doc --document-private-items` shows.
#![allow(rustdoc::private_intra_doc_links)]

mod bidi;
mod block;
mod body;
mod custom_xml;
mod doc_props;
mod document;
mod first_page;
mod fonts;
mod header_footer;
mod inline;
mod package;
mod paragraph;
mod revision;
mod settings;
mod story;
mod styles;
mod table;
mod theme;
mod xml;

use block::Piece;
use story::Ids;

use crate::compare::Comparison;
use crate::model::Report;
use crate::render::conventions::{PAGE_HEIGHT, PAGE_WIDTH};
use crate::render::memo::Memo;

/// The namespace of the report's data part (`customXml/item1.xml`), by which `import`
/// knows the part is ours.
pub const DATA_NAMESPACE: &str = "urn:council-report:data:1";

/// How to render.
#[derive(Debug, Clone, Copy)]
pub struct DocxOptions {
    /// Unix seconds, used for docProps created/modified and zip entry times.
    pub timestamp: i64,
}

/// Why no DOCX could be produced.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("cannot write the DOCX archive: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("cannot write the DOCX archive: {0}")]
    Io(#[from] std::io::Error),
    /// A bug: the parts written are not the parts planned (and declared in
    /// `[Content_Types].xml`).
    #[error("the DOCX parts written differ from those planned: {0}")]
    Plan(String),
}

/// Renders the report as DOCX bytes.
pub fn render(report: &Report, options: &DocxOptions) -> Result<Vec<u8>, DocxError> {
    package::render(report, options.timestamp, None)
}

/// A revision (`build --against`) as DOCX bytes: the revised report with every change
/// since the issued one as a Word tracked change by the revision's author, dated the
/// revision's date (so the bytes stay the same build after build). Without `[revision]`
/// in the revised report.toml, the changes are by "ITU", dated the document's date.
pub fn render_revision(
    comparison: &Comparison<'_>,
    options: &DocxOptions,
) -> Result<Vec<u8>, DocxError> {
    package::render_revision(comparison, options.timestamp)
}

/// Each entry's written XML, kept between renders by `watch` ([`render_kept`]).
#[derive(Default)]
pub struct BodyCache(Memo<Piece, Ids>);

/// [`render`], writing again only the entries that changed since the last call with the
/// same `cache` (or that now start from other ids); the bytes are the same as [`render`]'s.
pub fn render_kept(
    report: &Report,
    options: &DocxOptions,
    cache: &mut BodyCache,
) -> Result<Vec<u8>, DocxError> {
    package::render(report, options.timestamp, Some(&mut cache.0))
}
