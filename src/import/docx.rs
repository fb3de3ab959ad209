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
use super::{Loc, Note, Para, Rich, Run, Style};

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

/// What the document part gives: its paragraphs, and where its bookmarks are.
#[derive(Debug, Default)]
pub struct Body {
    /// The cleaned, non-empty paragraphs.
    pub paras: Vec<Para>,
    /// Each bookmark's name (`_Ref480000002`, `entry_2_9`) and the paragraph it starts
    /// in: what an internal link or a `REF` field points at ([`super::xref`]).
    pub bookmarks: HashMap<String, Loc>,
}

/// The cleaned, non-empty paragraphs of the DOCX in `bytes`, and its bookmarks.
pub fn paragraphs(bytes: &[u8], notes: &mut Vec<Note>) -> Result<Body, String> {
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
        bookmarks: HashMap::new(),
        pending: Vec::new(),
    };
    reader.block_children(body, false);
    let mut paras = reader.out;
    paras.extend(footer_links(&mut zip, &mut budget)?);
    Ok(Body {
        paras,
        bookmarks: reader.bookmarks,
    })
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
            Runs::new(&HashMap::new()).read(p, &mut runs, PLAIN);
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
    bookmarks: HashMap<String, Loc>,
    /// Bookmarks that start between paragraphs: they mark the next one.
    pending: Vec<String>,
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
            } else if is_w(&n, "bookmarkStart")
                && let Some(name) = n.attribute((W, "name"))
            {
                self.pending.push(name.to_owned());
            }
        }
    }

    fn paragraph(&mut self, p: Node<'_, '_>, in_table: bool) {
        self.count += 1;
        let loc = Loc::Paragraph(self.count);
        let mut text = Rich::default();
        let mut runs = Runs::new(self.rels);
        runs.read(p, &mut text, PLAIN);
        runs.close_fields(&mut text);
        let breaks = runs.breaks;
        for name in self.pending.drain(..).chain(runs.bookmarks) {
            // Word's first bookmark of a name is the one it follows.
            self.bookmarks.entry(name).or_insert(loc);
        }
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

/// A complex field (`w:fldChar begin`, its `w:instrText`, `separate`, the result, `end`)
/// or a simple one (`w:fldSimple`) being read.
#[derive(Default)]
struct Field {
    instr: String,
    result: Rich,
}

/// Reads a paragraph's runs: their text, the links and fields among them, the
/// bookmarks that start there.
struct Runs<'a> {
    rels: &'a HashMap<String, String>,
    /// Manual line breaks read as spaces.
    breaks: usize,
    bookmarks: Vec<String>,
    /// The fields open, innermost last; their result's runs go to the innermost.
    fields: Vec<Field>,
}

impl<'a> Runs<'a> {
    fn new(rels: &'a HashMap<String, String>) -> Self {
        Runs {
            rels,
            breaks: 0,
            bookmarks: Vec::new(),
            fields: Vec::new(),
        }
    }

    /// Where words go: the result of the innermost open field, else the paragraph.
    fn sink<'b>(fields: &'b mut [Field], out: &'b mut Rich) -> &'b mut Rich {
        match fields.last_mut() {
            Some(f) => &mut f.result,
            None => out,
        }
    }

    /// The visible text under `node` as runs, skipping what a reader does not see;
    /// `style` is that of the run being read.
    fn read(&mut self, node: Node<'_, '_>, out: &mut Rich, style: RunStyle) {
        for n in node.children().filter(Node::is_element) {
            let name = n.tag_name().name();
            let ns = n.tag_name().namespace();
            if ns == Some(MC) && name == "Fallback" {
                // The same content again, for older readers.
                continue;
            }
            if ns != Some(W) {
                self.read(n, out, style);
                continue;
            }
            let push = |runs: &mut Self, out: &mut Rich, text: &str| {
                Self::sink(&mut runs.fields, out).push_text(text, style.bold, style.italic);
            };
            match name {
                // Emphasis the writer may keep: a run's own bold and italic.
                "r" => self.read(n, out, run_style(n)),
                "t" => push(self, out, n.text().unwrap_or("")),
                "tab" => push(self, out, "\t"),
                "br" | "cr" => {
                    if n.attribute((W, "type")).is_none_or(|t| t == "textWrapping") {
                        self.breaks += 1;
                        push(self, out, " ");
                    }
                }
                "noBreakHyphen" => push(self, out, "\u{2011}"),
                "bookmarkStart" => {
                    if let Some(b) = n.attribute((W, "name")) {
                        self.bookmarks.push(b.to_owned());
                    }
                }
                "fldChar" => match n.attribute((W, "fldCharType")) {
                    Some("begin") => self.fields.push(Field::default()),
                    Some("end") => {
                        if let Some(field) = self.fields.pop() {
                            field.emit(Self::sink(&mut self.fields, out));
                        }
                    }
                    _ => {}
                },
                "instrText" => {
                    if let Some(f) = self.fields.last_mut() {
                        f.instr.push_str(n.text().unwrap_or(""));
                    }
                }
                "fldSimple" => {
                    self.fields.push(Field {
                        instr: n.attribute((W, "instr")).unwrap_or("").to_owned(),
                        result: Rich::default(),
                    });
                    self.read(n, out, style);
                    if let Some(field) = self.fields.pop() {
                        field.emit(Self::sink(&mut self.fields, out));
                    }
                }
                // Properties, deleted text, text boxes, footnote marks.
                "pPr" | "rPr" | "del" | "delText" | "txbxContent" | "footnoteReference"
                | "endnoteReference" | "commentReference" => {}
                "hyperlink" => {
                    let url = n.attribute((R, "id")).and_then(|id| self.rels.get(id));
                    let anchor = n.attribute((W, "anchor")).filter(|a| !a.is_empty());
                    if url.is_none() && anchor.is_none() {
                        self.read(n, out, style);
                        continue;
                    }
                    let mut label = Rich::default();
                    // The link's own words: fields inside it are its own.
                    let open = std::mem::take(&mut self.fields);
                    self.read(n, &mut label, style);
                    self.close_fields(&mut label);
                    self.fields = open;
                    let sink = Self::sink(&mut self.fields, out);
                    match (url, anchor) {
                        (Some(url), _) => sink.push_link(label.visible(), url.clone()),
                        (None, Some(bookmark)) => sink.push(Run::Internal {
                            label: label.visible(),
                            bookmark: bookmark.to_owned(),
                            page: false,
                        }),
                        (None, None) => sink.extend(label),
                    }
                }
                _ => self.read(n, out, style),
            }
        }
    }

    /// Fields a paragraph leaves open (their `end` never came): their result as text.
    fn close_fields(&mut self, out: &mut Rich) {
        while let Some(field) = self.fields.pop() {
            Self::sink(&mut self.fields, out).extend(field.result);
        }
    }
}

impl Field {
    /// The field's result where it stood: `REF`/`PAGEREF` to a bookmark and `HYPERLINK
    /// \l` as an internal link, `HYPERLINK "url"` as a link, any other field (`PAGE`,
    /// `SEQ`, `DATE` …) as its result's text.
    fn emit(self, out: &mut Rich) {
        let args = field_args(&self.instr);
        let kind = args.first().map(|k| k.to_ascii_uppercase());
        let label = self.result.visible();
        match (kind.as_deref(), args.get(1)) {
            (Some(k @ ("REF" | "PAGEREF")), Some(bookmark)) if !bookmark.starts_with('\\') => {
                out.push(Run::Internal {
                    label,
                    bookmark: bookmark.clone(),
                    page: k == "PAGEREF",
                });
            }
            (Some("HYPERLINK"), Some(_)) => {
                let local = args.iter().position(|a| a == "\\l");
                match local.and_then(|i| args.get(i + 1)) {
                    Some(bookmark) => out.push(Run::Internal {
                        label,
                        bookmark: bookmark.clone(),
                        page: false,
                    }),
                    None => match args.iter().skip(1).find(|a| !a.starts_with('\\')) {
                        Some(url) => out.push_link(label, url.clone()),
                        None => out.extend(self.result),
                    },
                }
            }
            _ => out.extend(self.result),
        }
    }
}

/// A field instruction's words, quotes removed: ` REF _Ref480 \r \h ` → `REF`,
/// `_Ref480`, `\r`, `\h`; `HYPERLINK \l "a b"` → `HYPERLINK`, `\l`, `a b`.
fn field_args(instr: &str) -> Vec<String> {
    let mut args = Vec::new();
    let mut rest = instr.trim();
    while !rest.is_empty() {
        if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted.find('"').unwrap_or(quoted.len());
            args.push(quoted[..end].to_owned());
            rest = quoted.get(end + 1..).unwrap_or("").trim_start();
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            args.push(rest[..end].to_owned());
            rest = rest[end..].trim_start();
        }
    }
    args
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
        let ps = paragraphs(&bytes, &mut notes).unwrap().paras;
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
        let ps = paragraphs(&bytes, &mut notes).unwrap().paras;
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
    fn links_fields_and_bookmarks() {
        let bytes = docx(concat!(
            r#"<w:bookmarkStart w:id="0" w:name="_Ref1"/>"#,
            r#"<w:p><w:r><w:t>2.9</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>"#,
            r#"<w:p><w:bookmarkStart w:id="1" w:name="entry_3_1"/><w:r><w:t xml:space="preserve">See </w:t></w:r>"#,
            r#"<w:hyperlink w:anchor="entry_2_9"><w:r><w:t>2.9</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve">, </w:t></w:r>"#,
            r#"<w:fldSimple w:instr=" REF _Ref1 
 \h "><w:r><w:t>2.9</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve">, </w:t></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF _Ref1 </w:instrText></w:r>"#,
            r#"<w:r><w:instrText>\h</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>4</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
            r#"<w:r><w:t xml:space="preserve">, </w:t></w:r><w:fldSimple w:instr="HYPERLINK \l &quot;_Ref1&quot;"><w:r><w:t>here</w:t></w:r></w:fldSimple>"#,
            r#"<w:r><w:t xml:space="preserve"> on page </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>"#,
        ));
        let mut notes = Vec::new();
        let body = paragraphs(&bytes, &mut notes).unwrap();
        assert_eq!(body.bookmarks["_Ref1"], Loc::Paragraph(1));
        assert_eq!(body.bookmarks["entry_3_1"], Loc::Paragraph(2));
        let internal = |label: &str, bookmark: &str, page: bool| Run::Internal {
            label: label.into(),
            bookmark: bookmark.into(),
            page,
        };
        let text = |t: &str| Run::Text {
            text: t.into(),
            bold: false,
            italic: false,
        };
        assert_eq!(
            body.paras[1].text.0,
            [
                text("See "),
                internal("2.9", "entry_2_9", false),
                text(", "),
                internal("2.9", "_Ref1", false),
                text(", "),
                internal("4", "_Ref1", true),
                text(", "),
                internal("here", "_Ref1", false),
                text(" on page 3"),
            ]
        );
    }

    #[test]
    fn a_field_left_open_keeps_its_words() {
        let bytes = docx(concat!(
            r#"<w:p><w:r><w:t xml:space="preserve">A </w:t><w:fldChar w:fldCharType="begin"/><w:instrText> REF _Ref1 </w:instrText>"#,
            r#"<w:fldChar w:fldCharType="separate"/><w:t>2.9</w:t></w:r></w:p>"#,
        ));
        let body = paragraphs(&bytes, &mut Vec::new()).unwrap();
        assert_eq!(body.paras[0].text, Rich::plain("A 2.9"));
    }

    #[test]
    fn rejects_what_is_not_a_docx() {
        let mut notes = Vec::new();
        assert!(paragraphs(b"PK\x03\x04 broken", &mut notes).is_err());
        assert!(paragraphs(&docx("<w:p>"), &mut notes).is_err());
    }
}
