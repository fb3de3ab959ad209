//! The content parts: `word/document.xml` (first page, entries, closing line, section
//! properties) and the header and footer parts, each written once, in order, as
//! [`Story`]s continuing each other's paragraph and annotation ids.

use std::borrow::Cow;

use super::story::{Block, Ids, Story};
use super::xml::Xml;
use super::{PAGE_HEIGHT, PAGE_WIDTH, body, first_page, header_footer};
use crate::model::{Layout, Report};

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

/// A written content part: its XML in pieces (in order; never joined), and the URLs of
/// its hyperlinks, `rIdLink1` first.
pub(crate) struct Written<'a> {
    pub pieces: Vec<Xml>,
    pub links: Vec<Cow<'a, str>>,
}

/// The content parts, in the order their ids run: the document, the running header, the
/// first page's header and, when there is one, its footer.
pub(crate) struct Content<'a> {
    pub document: Written<'a>,
    pub default_header: Written<'a>,
    pub first_header: Written<'a>,
    pub first_footer: Option<Written<'a>>,
}

/// Writes every content part of the report.
pub(crate) fn write(report: &Report) -> Content<'_> {
    let meta = &report.meta;
    let layout = &meta.layout;
    let text_width = PAGE_WIDTH.saturating_sub(layout.margins.left + layout.margins.right);

    let mut story = Story::new(Xml::part(), Ids::default());
    story.xml.open("w:document", &NAMESPACES);
    story.xml.open("w:body", &[]);
    story.write_all(&first_page::blocks(meta, text_width));
    let mut pieces = vec![story.take_xml()];
    pieces.extend(story.write_parallel(&body::entries(&report.entries, layout)));
    body::closing_line().write(&mut story);
    section_properties(&mut story.xml, layout);
    story.xml.close("w:body");
    story.xml.close("w:document");
    pieces.push(story.take_xml());
    let (_, links, taken) = story.finish();
    let document = Written { pieces, links };

    // Headers and footers go on with the document's ids; their links are their own.
    let mut taken = taken;
    let default_header = story_part(
        "w:hdr",
        &header_footer::running_header(meta.full_number()),
        &mut taken,
    );
    let first_header = story_part("w:hdr", &header_footer::first_header(), &mut taken);
    let first_footer = layout
        .footer
        .as_deref()
        .map(|url| story_part("w:ftr", &header_footer::first_footer(url), &mut taken));
    Content {
        document,
        default_header,
        first_header,
        first_footer,
    }
}

/// A header or footer part, its ids following `taken`.
fn story_part<'a>(root: &'static str, blocks: &[Block<'a>], taken: &mut Ids) -> Written<'a> {
    let mut story = Story::new(Xml::part(), Ids { links: 0, ..*taken });
    story.xml.open(root, &NAMESPACES);
    story.write_all(blocks);
    story.xml.close(root);
    let (xml, links, ids) = story.finish();
    *taken = ids;
    Written {
        pieces: vec![xml],
        links,
    }
}

/// CT_SectPr: header and footer references, page size, margins, columns, a first page
/// of its own (`w:titlePg`).
fn section_properties(x: &mut Xml, layout: &Layout) {
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
    });
}
