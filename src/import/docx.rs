//! The paragraphs of a DOCX: `word/document.xml` read with roxmltree.
//!
//! Paragraphs come in document order, those of tables (the header block, the Summary box)
//! flagged as such; a paragraph's text is its runs' text with `<w:tab/>` as a TAB, so a
//! body paragraph reads `2.1<TAB>text` as in a text export. Deleted text (tracked
//! changes), field instructions and text boxes are left out: none of them is text a
//! reader of the report sees in the body. Heading and enumlev styles are kept, since
//! they say what a text export can only guess.

use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::path::Path;

use roxmltree::{Document, Node};

use super::text::clean_line;
use super::{Loc, Note, Para, Rich, Style};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A document.xml larger than this is not a report (and would exhaust memory).
const MAX_XML: u64 = 64 * 1024 * 1024;

/// All the parts read together: a small archive can unpack to far more than its size
/// (40 footers of 60 MB each in a 3.4 MB file), and each part alone would pass.
const MAX_TOTAL_XML: u64 = 2 * MAX_XML;

/// How deep elements may nest. Word nests a paragraph's runs within a dozen levels; the
/// readers below descend recursively, and 20,000 nested `<w:sdt>` overflowed the stack.
const MAX_DEPTH: usize = 256;

/// What is left of [`MAX_TOTAL_XML`].
struct Budget(u64);

/// Parses a part, refusing elements nested deeper than [`MAX_DEPTH`]. The depth is
/// measured first with quick-xml's streaming reader, which keeps no stack: roxmltree's
/// own parser recurses once a level, and so do the readers below.
fn parse<'x>(name: &str, xml: &'x str) -> Result<Document<'x>, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut depth = 0usize;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(_)) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    let at = usize::try_from(reader.buffer_position()).unwrap_or(0);
                    let line = xml.get(..at).map_or(1, |s| s.matches('\n').count() + 1);
                    return Err(format!(
                        "{name}, line {line}: elements nested more than {MAX_DEPTH} deep, which no report has"
                    ));
                }
            }
            Ok(quick_xml::events::Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(quick_xml::events::Event::Eof) => break,
            // Malformed XML: roxmltree says where, below.
            Err(_) => break,
            Ok(_) => {}
        }
    }
    Document::parse(xml).map_err(|e| format!("{name}: {e}"))
}

/// A zip file, or a file named `.docx`.
pub fn looks_like_docx(path: &Path, bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("docx"))
}

/// The cleaned, non-empty paragraphs of the DOCX in `bytes`.
pub fn paragraphs(bytes: &[u8], notes: &mut Vec<Note>) -> Result<Vec<Para>, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut budget = Budget(MAX_TOTAL_XML);
    let xml = part(&mut zip, "word/document.xml", &mut budget)?
        .ok_or_else(|| "the archive has no word/document.xml".to_owned())?;
    // Hyperlink targets live in the relationships part; without it links keep their words.
    let rels = part(&mut zip, "word/_rels/document.xml.rels", &mut budget)?
        .map(|x| links(&x))
        .unwrap_or_default();
    let doc = parse("word/document.xml", &xml)?;
    let body = doc
        .root_element()
        .children()
        .find(|n| is_w(n, "body"))
        .ok_or("word/document.xml has no <w:body>")?;
    let mut reader = Reader {
        count: 0,
        out: Vec::new(),
        notes,
        rels: &rels,
    };
    reader.block_children(body, false);
    let mut out = reader.out;
    out.extend(footer_links(&mut zip, &mut budget)?);
    Ok(out)
}

/// The report's data part, when `build` wrote the DOCX: the first `customXml/item*.xml`
/// in our namespace ([`crate::render::docx::DATA_NAMESPACE`]), read by
/// [`super::embedded`]. Word renumbers the items when it saves, so each is looked at.
pub fn data_part(bytes: &[u8]) -> Result<Option<super::embedded::Embedded>, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut budget = Budget(MAX_TOTAL_XML);
    let mut names: Vec<String> = zip
        .file_names()
        .filter(|n| n.starts_with("customXml/item") && !n.contains("Props") && n.ends_with(".xml"))
        .map(str::to_owned)
        .collect();
    names.sort();
    for name in names {
        let Some(xml) = part(&mut zip, &name, &mut budget)? else {
            continue;
        };
        let doc = parse(&name, &xml)?;
        if doc.root_element().tag_name().namespace() == Some(crate::render::docx::DATA_NAMESPACE) {
            return super::embedded::from_xml(&doc)
                .map(Some)
                .map_err(|e| format!("{name}: {e}"));
        }
    }
    Ok(None)
}

/// The `• http://www.itu.int/council •` line of the page footers, if any: the footer
/// link of report.toml's `[layout]`.
fn footer_links(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    budget: &mut Budget,
) -> Result<Vec<Para>, String> {
    let mut names: Vec<String> = zip
        .file_names()
        .filter(|n| n.starts_with("word/footer") && n.ends_with(".xml"))
        .map(str::to_owned)
        .collect();
    names.sort();
    let mut out = Vec::new();
    for name in names {
        let Some(xml) = part(zip, &name, budget)? else {
            continue;
        };
        let Ok(doc) = parse(&name, &xml) else {
            continue;
        };
        for p in doc.descendants().filter(|n| is_w(n, "p")) {
            let mut runs = Rich::default();
            // A footer's relationship ids are its own: links keep their words only.
            runs_text(p, &HashMap::new(), &mut runs, &mut 0, PLAIN);
            let words = runs.visible();
            let text = words.trim();
            if text.starts_with('•') && text.ends_with('•') && text.contains("http") {
                out.push(Para {
                    text: Rich::plain(text),
                    loc: Loc::Paragraph(0),
                    style: Style::Normal,
                    in_table: Some(false),
                });
            }
        }
    }
    Ok(out)
}

/// A part of the package as text; `None` when the archive lacks it.
fn part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    budget: &mut Budget,
) -> Result<Option<String>, String> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("{name}: {e}")),
    };
    let too_large = || format!("{name} unpacks to more than a report holds");
    // The declared size may lie: the reads are capped as well.
    let cap = MAX_XML.min(budget.0);
    if file.size() > cap {
        return Err(too_large());
    }
    let mut xml = String::new();
    file.take(cap + 1)
        .read_to_string(&mut xml)
        .map_err(|e| format!("{name}: {e}"))?;
    let read = xml.len() as u64;
    if read > cap {
        return Err(too_large());
    }
    budget.0 -= read;
    Ok(Some(xml))
}

/// External hyperlink targets by relationship id.
fn links(xml: &str) -> HashMap<String, String> {
    let Ok(doc) = parse("word/_rels/document.xml.rels", xml) else {
        return HashMap::new();
    };
    doc.descendants()
        .filter(|n| n.tag_name().name() == "Relationship")
        .filter(|n| {
            n.attribute("Type")
                .is_some_and(|t| t.ends_with("/hyperlink"))
        })
        .filter_map(|n| {
            Some((
                n.attribute("Id")?.to_owned(),
                n.attribute("Target")?.to_owned(),
            ))
        })
        .collect()
}

fn is_w(n: &Node<'_, '_>, name: &str) -> bool {
    n.is_element() && n.tag_name().name() == name && n.tag_name().namespace() == Some(W)
}

struct Reader<'n> {
    /// Paragraphs seen, empty ones included, so notes point at Word's paragraph count.
    count: usize,
    out: Vec<Para>,
    notes: &'n mut Vec<Note>,
    rels: &'n HashMap<String, String>,
}

impl Reader<'_> {
    /// Paragraphs, tables and content controls, in order.
    fn block_children(&mut self, parent: Node<'_, '_>, in_table: bool) {
        for n in parent.children().filter(Node::is_element) {
            if is_w(&n, "p") {
                self.paragraph(n, in_table);
            } else if is_w(&n, "tbl") {
                for row in n.children().filter(|c| is_w(c, "tr")) {
                    for cell in row.children().filter(|c| is_w(c, "tc")) {
                        self.block_children(cell, true);
                    }
                }
            } else if is_w(&n, "sdt")
                && let Some(content) = n.children().find(|c| is_w(c, "sdtContent"))
            {
                self.block_children(content, in_table);
            }
        }
    }

    fn paragraph(&mut self, p: Node<'_, '_>, in_table: bool) {
        self.count += 1;
        let loc = Loc::Paragraph(self.count);
        let mut text = Rich::default();
        let mut breaks = 0;
        runs_text(p, self.rels, &mut text, &mut breaks, PLAIN);
        if breaks > 0 {
            self.notes.push(Note {
                loc,
                message: format!("replaced {breaks} manual line break(s) by a space"),
            });
        }
        let style = style(p);
        let Some(mut para) = clean_line(text, loc, self.notes) else {
            return;
        };
        // The style knows better than the text what a paragraph is.
        if style != Style::Normal {
            para.style = style;
        }
        para.in_table = Some(in_table);
        self.out.push(para);
    }
}

/// The style a paragraph declares: Heading N, or a list level (enumlev1, enumlev2).
fn style(p: Node<'_, '_>) -> Style {
    let id = p
        .children()
        .find(|c| is_w(c, "pPr"))
        .and_then(|ppr| ppr.children().find(|c| is_w(c, "pStyle")))
        .and_then(|s| s.attribute((W, "val")))
        .unwrap_or("")
        .to_ascii_lowercase()
        .replace(' ', "");
    if let Some(level) = id.strip_prefix("heading") {
        return level
            .parse::<u8>()
            .map_or(Style::Normal, |l| Style::Heading(l.max(1)));
    }
    match id.as_str() {
        "enumlev1" | "listbullet" => Style::Item(0),
        "enumlev2" | "enumlev3" | "listbullet2" => Style::Item(1),
        _ => Style::Normal,
    }
}

/// Bold and italic, as a run's properties set them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct RunStyle {
    bold: bool,
    italic: bool,
}

const PLAIN: RunStyle = RunStyle {
    bold: false,
    italic: false,
};

/// The visible text under `node` as runs, skipping what a reader does not see; `style`
/// is that of the run being read.
fn runs_text(
    node: Node<'_, '_>,
    rels: &HashMap<String, String>,
    out: &mut Rich,
    breaks: &mut usize,
    style: RunStyle,
) {
    let push = |out: &mut Rich, text: &str| out.push_text(text, style.bold, style.italic);
    for n in node.children().filter(Node::is_element) {
        let name = n.tag_name().name();
        let ns = n.tag_name().namespace();
        if ns == Some(MC) && name == "Fallback" {
            // The same content again, for older readers.
            continue;
        }
        if ns != Some(W) {
            runs_text(n, rels, out, breaks, style);
            continue;
        }
        match name {
            // Emphasis the writer may keep: a run's own bold and italic.
            "r" => runs_text(n, rels, out, breaks, run_style(n)),
            "t" => push(out, n.text().unwrap_or("")),
            "tab" => push(out, "\t"),
            "br" | "cr" => {
                if n.attribute((W, "type")).is_none_or(|t| t == "textWrapping") {
                    *breaks += 1;
                    push(out, " ");
                }
            }
            "noBreakHyphen" => push(out, "\u{2011}"),
            // Properties, deleted text, field codes, text boxes, footnote marks.
            "pPr" | "rPr" | "del" | "delText" | "instrText" | "txbxContent" | "fldChar"
            | "footnoteReference" | "endnoteReference" | "commentReference" => {}
            "hyperlink" => match n.attribute((R, "id")).and_then(|id| rels.get(id)) {
                Some(url) => {
                    let mut label = Rich::default();
                    runs_text(n, rels, &mut label, breaks, style);
                    out.push_link(label.visible(), url.clone());
                }
                None => runs_text(n, rels, out, breaks, style),
            },
            _ => runs_text(n, rels, out, breaks, style),
        }
    }
}

/// Whether a run is bold and italic by its own properties (`<w:b/>`, `<w:i/>`).
fn run_style(r: Node<'_, '_>) -> RunStyle {
    let Some(rpr) = r.children().find(|c| is_w(c, "rPr")) else {
        return PLAIN;
    };
    let on = |name: &str| {
        rpr.children().any(|c| {
            is_w(&c, name)
                && c.attribute((W, "val"))
                    .is_none_or(|v| !matches!(v, "0" | "false" | "off"))
        })
    };
    RunStyle {
        bold: on("b"),
        italic: on("i"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docx(body: &str) -> Vec<u8> {
        use std::io::Write;
        let mut buf = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buf);
        zip.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        write!(
            zip,
            r#"<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>"#
        )
        .unwrap();
        zip.finish().unwrap();
        buf.into_inner()
    }

    #[test]
    fn reads_tables_styles_and_tabs() {
        let bytes = docx(concat!(
            r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Council 2018</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
            r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>2.</w:t><w:tab/><w:t>Activities</w:t></w:r></w:p>"#,
            r#"<w:p><w:r><w:t xml:space="preserve">2.1</w:t><w:tab/><w:t>Text </w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:r><w:t>kept</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:pStyle w:val="enumlev2"/></w:pPr><w:r><w:t>–</w:t><w:tab/><w:t>item</w:t></w:r></w:p>"#,
            r#"<w:p/>"#,
        ));
        let mut notes = Vec::new();
        let ps = paragraphs(&bytes, &mut notes).unwrap();
        let got: Vec<(String, Style, Option<bool>)> = ps
            .iter()
            .map(|p| (p.text.visible(), p.style, p.in_table))
            .collect();
        assert_eq!(
            got,
            [
                ("Council 2018".into(), Style::Normal, Some(true)),
                ("2.\tActivities".into(), Style::Heading(1), Some(false)),
                ("2.1\tText kept".into(), Style::Normal, Some(false)),
                ("item".into(), Style::Item(1), Some(false)),
            ]
        );
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn bold_and_italic_runs_are_marked() {
        let bytes = docx(concat!(
            r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>2.1</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">A </w:t></w:r>"#,
            r#"<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">bold </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>run</w:t></w:r>"#,
            r#"<w:r><w:rPr><w:i w:val="0"/></w:rPr><w:t xml:space="preserve"> and </w:t></w:r>"#,
            r#"<w:r><w:rPr><w:i/></w:rPr><w:t>italics</w:t></w:r><w:r><w:t>.</w:t></w:r></w:p>"#,
        ));
        let mut notes = Vec::new();
        let ps = paragraphs(&bytes, &mut notes).unwrap();
        assert!(
            ps[0].text.visible().starts_with("2.1\t"),
            "{:?}",
            ps[0].text
        );
        let rest = ps[0].text.skip("2.1\t".len());
        assert_eq!(
            crate::import::write::escape_markup(&rest),
            "A **bold run** and *italics*."
        );
    }

    #[test]
    fn rejects_what_is_not_a_docx() {
        let mut notes = Vec::new();
        assert!(paragraphs(b"PK\x03\x04 broken", &mut notes).is_err());
        assert!(paragraphs(&docx("<w:p>"), &mut notes).is_err());
    }
}
