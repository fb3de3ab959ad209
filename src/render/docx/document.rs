//! The content parts: `word/document.xml` (first page, entries, closing line, section
//! properties), streamed into the zip as it is written, and the header and footer parts,
//! each written once, in order, as [`Story`]s continuing each other's paragraph and
//! annotation ids.

use std::io::Write;

use super::block::{Block, Piece};
use super::revision::{self, Mark};
use super::story::{Ids, Story};
use super::xml::Xml;
use super::{PAGE_HEIGHT, PAGE_WIDTH, bidi, body, first_page, header_footer};
use crate::compare::Comparison;
use crate::locale::Locale;
use crate::model::{Layout, Report};
use crate::render::memo::Memo;

/// The namespaces of the content parts: WordprocessingML, relationships, DrawingML's
/// word-processing drawing (the logo) and Word 2010's paragraph ids, which older clients
/// may ignore.
pub(crate) const NAMESPACES: [(&str, &str); 6] = [
    (
        "xmlns:w",
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    ),
    (
        "xmlns:r",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    ),
    (
        "xmlns:wp",
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    ),
    (
        "xmlns:w14",
        "http://schemas.microsoft.com/office/word/2010/wordml",
    ),
    (
        "xmlns:mc",
        "http://schemas.openxmlformats.org/markup-compatibility/2006",
    ),
    ("mc:Ignorable", "w14"),
];

/// The relationship ids the document part gives its headers and footer.
pub(crate) const DEFAULT_HEADER_RID: &str = "rIdHeader1";
pub(crate) const FIRST_HEADER_RID: &str = "rIdHeader2";
pub(crate) const FIRST_FOOTER_RID: &str = "rIdFooter1";

/// A written part's hyperlinks (their URLs, `rIdLink1` first) and the ids taken up to
/// its end.
pub(crate) struct Written {
    pub links: Vec<String>,
    pub ids: Ids,
}

/// What the document's body is made of.
pub(crate) enum Source<'r> {
    /// One report; with a memo (`watch`), entries written by an earlier call are used again.
    Plain(Option<&'r mut Memo<Piece, Ids>>),
    /// The report is a revision of this one: every change is tracked.
    Revision(&'r Comparison<'r>, Mark<'r>),
}

/// The text width of a report's pages.
fn text_width(layout: &Layout) -> u32 {
    PAGE_WIDTH.saturating_sub(layout.margins.left + layout.margins.right)
}

/// Writes `word/document.xml` into `out` as it goes: the first page, the entries (kept
/// from an earlier build where `kept` has them), the closing line, the section properties.
pub(crate) fn write_document<W: Write + Send>(
    report: &Report,
    source: Source<'_>,
    out: &mut W,
) -> std::io::Result<Written> {
    let meta = &report.meta;
    let layout = &meta.layout;
    let locale = &report.locale;

    let mut story = Story::new(Xml::part(), Ids::default());
    story.xml.open("w:document", &NAMESPACES);
    story.xml.open("w:body", &[]);
    let first_page = first_page::blocks(meta, locale, text_width(layout));
    match source {
        Source::Plain(kept) => {
            story.write_all(&directed(locale, first_page));
            out.write_all(&story.take_xml().into_bytes())?;
            let language = locale.language;
            body::write(&report.entries, layout, language, &mut story, kept, out)?;
        }
        Source::Revision(comparison, mark) => {
            let old = comparison.old;
            let old_first_page =
                first_page::blocks(&old.meta, &old.locale, text_width(&old.meta.layout));
            story.write_all(&directed(
                locale,
                revision::blocks(old_first_page, first_page, mark),
            ));
            out.write_all(&story.take_xml().into_bytes())?;
            body::write_revision(comparison, mark, &mut story, out)?;
        }
    }
    story.write_all(&directed(locale, vec![body::closing_line().into()]));
    section_properties(&mut story.xml, layout, locale);
    story.xml.close("w:body");
    story.xml.close("w:document");
    let (xml, links, ids) = story.finish();
    out.write_all(&xml.into_bytes())?;
    Ok(Written { links, ids })
}

/// The blocks as the locale's direction lays them out (mirrored in Arabic).
fn directed<'a>(locale: &Locale, blocks: Vec<Block<'a>>) -> Vec<Block<'a>> {
    if locale.language.is_rtl() {
        bidi::mirror(blocks)
    } else {
        blocks
    }
}

/// The running header's part, its ids following `taken`; in a revision, the change of
/// the document number tracked.
pub(crate) fn default_header(
    report: &Report,
    revision: Option<(&Report, Mark<'_>)>,
    taken: &mut Ids,
) -> (Vec<u8>, Written) {
    let locale = &report.locale;
    let blocks = header_footer::running_header(locale, report.meta.full_number());
    let blocks = match revision {
        Some((old, mark)) => revision::blocks(
            header_footer::running_header(&old.locale, old.meta.full_number()),
            blocks,
            mark,
        ),
        None => blocks,
    };
    story_part("w:hdr", &directed(locale, blocks), taken)
}

/// The first page's header part.
pub(crate) fn first_header(report: &Report, taken: &mut Ids) -> (Vec<u8>, Written) {
    story_part(
        "w:hdr",
        &directed(&report.locale, header_footer::first_header()),
        taken,
    )
}

/// The first page's footer part, when the layout has a footer.
pub(crate) fn first_footer(report: &Report, taken: &mut Ids) -> Option<(Vec<u8>, Written)> {
    let url = report.meta.layout.footer.as_deref()?;
    let locale = &report.locale;
    Some(story_part(
        "w:ftr",
        &directed(locale, header_footer::first_footer(locale, url)),
        taken,
    ))
}

/// A header or footer part: its ids (paragraphs, annotations) follow `taken`, its
/// hyperlinks are its own.
fn story_part(root: &'static str, blocks: &[Block<'_>], taken: &mut Ids) -> (Vec<u8>, Written) {
    let mut story = Story::new(Xml::part(), Ids { links: 0, ..*taken });
    story.xml.open(root, &NAMESPACES);
    story.write_all(blocks);
    story.xml.close(root);
    let (xml, links, ids) = story.finish();
    *taken = ids;
    (xml.into_bytes(), Written { links, ids })
}

/// CT_SectPr: header and footer references, page size, margins, columns, a first page
/// of its own (`w:titlePg`), right to left in Arabic (`w:bidi`).
fn section_properties(x: &mut Xml, layout: &Layout, locale: &Locale) {
    let m = &layout.margins;
    x.element("w:sectPr", &[], |x| {
        x.empty(
            "w:headerReference",
            &[("w:type", "default"), ("r:id", DEFAULT_HEADER_RID)],
        );
        x.empty(
            "w:headerReference",
            &[("w:type", "first"), ("r:id", FIRST_HEADER_RID)],
        );
        if layout.footer.is_some() {
            x.empty(
                "w:footerReference",
                &[("w:type", "first"), ("r:id", FIRST_FOOTER_RID)],
            );
        }
        x.empty(
            "w:pgSz",
            &[
                ("w:w", &PAGE_WIDTH.to_string()),
                ("w:h", &PAGE_HEIGHT.to_string()),
            ],
        );
        x.empty(
            "w:pgMar",
            &[
                ("w:top", &m.top.to_string()),
                ("w:right", &m.right.to_string()),
                ("w:bottom", &m.bottom.to_string()),
                ("w:left", &m.left.to_string()),
                ("w:header", &layout.header_distance.to_string()),
                ("w:footer", &layout.footer_distance.to_string()),
                ("w:gutter", "0"),
            ],
        );
        x.empty("w:cols", &[("w:space", "425")]);
        x.empty("w:titlePg", &[]);
        if locale.language.is_rtl() {
            x.empty("w:bidi", &[]);
        }
    });
}
