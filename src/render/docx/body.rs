//! The body: entries in section-number order. Numbers are typed text, never Word
//! numbering: a titled entry is a heading `number<TAB>title` (Heading 1–3 by depth) with
//! its text un-numbered below it; an untitled entry is a Normal paragraph
//! `number<TAB>first paragraph`, its further paragraphs and lists un-numbered.

use docx_rs::{AlignmentType, BuildXML, HyperlinkData, Paragraph, ParagraphChild, Run};

use super::xml::{self, Node};
use super::{DocxError, inline, package, styles};
use crate::model::{Entry, Layout};
use crate::render::conventions::{CLOSING_RULE, number_label};
use crate::render::memo::Memo;

/// The number as printed: `2.` at level 1 when `top_level_period`, `2.9` below.
pub(crate) fn printed_number(entry: &Entry, layout: &Layout) -> String {
    number_label(&entry.number, layout.top_level_period)
}

/// The paragraphs of one entry.
pub(crate) fn entry(entry: &Entry, layout: &Layout) -> Vec<Paragraph> {
    let prefix = Run::new().add_text(printed_number(entry, layout)).add_tab();
    match &entry.title {
        Some(title) => {
            let level = entry.number.depth().clamp(1, styles::HEADING.len());
            let heading = Paragraph::new()
                .style(styles::HEADING[level - 1])
                .add_run(prefix)
                .add_run(inline::text_run(title));
            let mut out = vec![heading];
            out.extend(inline::paragraphs(&entry.text, None, false));
            out
        }
        None => {
            let first = Paragraph::new().style(styles::NORMAL).add_run(prefix);
            inline::paragraphs(&entry.text, Some(first), false)
        }
    }
}

/// The last paragraph of the document.
pub(crate) fn closing_line() -> Paragraph {
    Paragraph::new()
        .style(styles::NORMAL)
        .align(AlignmentType::Center)
        .add_run(Run::new().add_text(CLOSING_RULE))
}

/// The style id of the paragraph that holds the body's place in the document until the
/// body is spliced in. A style id, not a text, so that no entry can imitate it.
const PLACEHOLDER_STYLE: &str = "CouncilReportBodyPlaceholder";

/// The paragraph that stands where the body goes.
pub(crate) fn placeholder() -> Paragraph {
    Paragraph::new().style(PLACEHOLDER_STYLE)
}

/// True for the placeholder paragraph.
pub(crate) fn is_placeholder(node: &Node) -> bool {
    node.name() == Some(b"w:p")
        && node
            .children_named(b"w:pPr")
            .flat_map(|ppr| ppr.children_named(b"w:pStyle"))
            .any(|style| match style {
                Node::Element { start, .. } => {
                    xml::attr(start, "w:val").as_deref() == Some(PLACEHOLDER_STYLE)
                }
                Node::Leaf(_) => false,
            })
}

/// The body as written XML, tidied, and the hyperlinks it uses: (id, raw URL).
pub(crate) struct Body {
    pub xml: String,
    pub links: Vec<(String, String)>,
}

/// One entry's part of the body: its XML and its links.
pub(crate) type Piece = (String, Vec<(String, String)>);

/// Builds the body, entry by entry on every core (it is nearly all of the document):
/// docx-rs paragraphs, their XML, then the same tidying as the rest of the document.
pub(crate) fn render(entries: &[Entry], layout: &Layout) -> Result<Body, DocxError> {
    let pieces = crate::parallel::map(entries, |e| fragment(e, layout));
    let pieces: Vec<Piece> = pieces.into_iter().collect::<Result<_, _>>()?;
    Ok(assemble(pieces.iter()))
}

/// [`render`], with each entry's piece kept in `memo` and made again only when the entry
/// changed (`watch`).
pub(crate) fn render_kept(
    entries: &[Entry],
    layout: &Layout,
    memo: &mut Memo<Piece>,
) -> Result<Body, DocxError> {
    let pieces = memo.render(entries, layout, |e| fragment(e, layout))?;
    Ok(assemble(pieces.into_iter()))
}

fn assemble<'a>(pieces: impl Iterator<Item = &'a Piece>) -> Body {
    let mut body = Body {
        xml: String::new(),
        links: Vec::new(),
    };
    for (xml, links) in pieces {
        body.xml.push_str(xml);
        body.links.extend(links.iter().cloned());
    }
    body
}

/// One entry's XML and links. docx-rs's hyperlink ids come from a counter that threads
/// can race on, so each link gets an id made from its entry's (unique) number instead;
/// the final ids are given in document order later, by [`super::ids`].
fn fragment(e: &Entry, layout: &Layout) -> Result<Piece, DocxError> {
    let mut links = Vec::new();
    let mut raw = Vec::new();
    for mut p in entry(e, layout) {
        for child in &mut p.children {
            if let ParagraphChild::Hyperlink(h) = child
                && let HyperlinkData::External { rid, path } = &mut h.link
            {
                *rid = format!("rIdEntry{}_{}", e.number, links.len() + 1);
                links.push((rid.clone(), path.clone()));
            }
        }
        raw.extend(p.build());
    }
    let err = |message: String| DocxError::Xml {
        part: format!("word/document.xml (entry {})", e.number),
        message,
    };
    let mut nodes = xml::parse(&raw).map_err(|e| err(e.0))?;
    package::tidy(&mut nodes);
    let xml = String::from_utf8(xml::write(&nodes)).map_err(|e| err(e.to_string()))?;
    Ok((xml, links))
}
