//! From docx-rs's XML parts to the DOCX bytes: the post-processing that makes the output
//! deterministic and schema-valid, and the zip writer.
//!
//! docx-rs 0.4.22 numbers hyperlink relationships with a process-global counter and
//! orders them through a HashMap, writes no relationship at all for a hyperlink in a
//! header or footer, numbers paragraph ids with a thread-local counter, writes no
//! `w:noBreakHyphen` and packs without compression. Here every content part (document,
//! headers, footers) is parsed once and tidied ([`tidy`]: U+2011 inside `w:t` becomes
//! `<w:noBreakHyphen/>`, children are put into schema order by [`super::schema_order`]);
//! the body, built and tidied entry by entry on every core ([`super::body::render`]),
//! takes the place of its placeholder paragraph; then [`super::ids`] renumbers, in
//! document order, the paragraph ids across parts and each part's hyperlink
//! relationships (`rIdLink1`, …), which go into that part's own relationships.
//!
//! `styles.xml`, `docProps/core.xml` and a theme part are ours; the logo is stored as
//! `word/media/logo.png` or `.jpeg` whatever docx-rs called it.
//!
//! The zip has a fixed entry order, deflate at a level chosen by measurement, fixed times
//! and permissions.

use std::collections::BTreeMap;
use std::io::{Cursor, Write};

use docx_rs::XMLDocx;
use quick_xml::events::{BytesText, Event};
use zip::write::SimpleFileOptions;

use super::body::{self, Body};
use super::xml::{self, Node, attr, walk_mut};
use super::{DocxError, core_props, first_page, header_footer, ids, schema_order, styles, theme};
use crate::model::{ImageFormat, Report};

const HYPERLINK_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

/// One file of the package.
pub(crate) struct Part {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// One relationship of a `.rels` part.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Rel {
    id: String,
    kind: String,
    target: String,
    external: bool,
}

/// A content part and the path of its relationships.
struct Content {
    path: String,
    rels_path: String,
    nodes: Vec<Node>,
    rels: Vec<Rel>,
}

/// Post-processes docx-rs's parts into the final package parts, in zip order.
pub(crate) fn parts(
    xml: XMLDocx,
    body: Body,
    report: &Report,
    timestamp: i64,
) -> Result<Vec<Part>, DocxError> {
    let meta = &report.meta;
    let logo = meta.layout.logo.as_ref().map(|l| match l.format {
        ImageFormat::Png => ("png", "image/png"),
        ImageFormat::Jpeg => ("jpeg", "image/jpeg"),
    });

    let mut doc_rels = parse_rels("word/_rels/document.xml.rels", &xml.document_rels)?;
    // Every hyperlink docx-rs collected, wherever it is used: old id → URL.
    let mut links: BTreeMap<String, String> = doc_rels
        .iter()
        .filter(|r| r.kind == HYPERLINK_TYPE)
        .map(|r| (r.id.clone(), r.target.clone()))
        .collect();
    links.extend(body.links);
    if let Some(url) = &meta.layout.footer {
        links.insert(
            header_footer::FOOTER_LINK_RID.into(),
            styles::escape_attr(url),
        );
    }
    doc_rels.retain(|r| r.kind != HYPERLINK_TYPE);
    if let Some((ext, _)) = logo {
        for rel in &mut doc_rels {
            if rel.id == first_page::LOGO_RID {
                rel.target = format!("media/logo.{ext}");
            }
        }
    }

    doc_rels.push(Rel {
        id: "rIdTheme".into(),
        kind: theme::REL_TYPE.into(),
        target: "theme/theme1.xml".into(),
        external: false,
    });

    let mut contents = vec![Content {
        path: "word/document.xml".into(),
        rels_path: "word/_rels/document.xml.rels".into(),
        nodes: parse_part("word/document.xml", &xml.document)?,
        rels: doc_rels,
    }];
    for (kind, parts, rels) in [
        ("header", &xml.headers, &xml.header_rels),
        ("footer", &xml.footers, &xml.footer_rels),
    ] {
        for (i, bytes) in parts.iter().enumerate() {
            let path = format!("word/{kind}{}.xml", i + 1);
            let rels_path = format!("word/_rels/{kind}{}.xml.rels", i + 1);
            let mut own = match rels.get(i) {
                Some(r) => parse_rels(&rels_path, r)?,
                None => Vec::new(),
            };
            own.retain(|r| r.kind != HYPERLINK_TYPE);
            contents.push(Content {
                nodes: parse_part(&path, bytes)?,
                path,
                rels_path,
                rels: own,
            });
        }
    }

    let mut body_xml = Some(body.xml);
    for content in &mut contents {
        tidy(&mut content.nodes);
        if let Some(xml) = body_xml.take_if(|_| content.path == "word/document.xml") {
            splice_body(&mut content.nodes, xml);
        }
    }

    let mut out = vec![
        Part {
            path: "[Content_Types].xml".into(),
            bytes: content_types(&xml.content_type, logo)?,
        },
        Part {
            path: "_rels/.rels".into(),
            bytes: xml.rels,
        },
        Part {
            path: "docProps/app.xml".into(),
            bytes: xml.doc_props.app,
        },
        Part {
            path: "docProps/core.xml".into(),
            bytes: core_props::core_xml(meta, timestamp),
        },
        Part {
            path: "docProps/custom.xml".into(),
            bytes: xml.doc_props.custom,
        },
    ];
    let mut rels_parts = Vec::new();
    let mut para_id = 0u32;
    for mut content in contents {
        let numbered =
            ids::number(&xml::write(&content.nodes), &links, &mut para_id).map_err(|e| {
                DocxError::Xml {
                    part: content.path.clone(),
                    message: e.0,
                }
            })?;
        content
            .rels
            .extend(numbered.links.into_iter().map(|(id, target)| Rel {
                id,
                kind: HYPERLINK_TYPE.into(),
                target,
                external: true,
            }));
        if content.path == "word/document.xml" || !content.rels.is_empty() {
            rels_parts.push(Part {
                path: content.rels_path,
                bytes: write_rels(&content.rels),
            });
        }
        out.push(Part {
            path: content.path,
            bytes: numbered.xml,
        });
    }
    out.extend(rels_parts);
    out.push(Part {
        path: "word/styles.xml".into(),
        bytes: styles::styles_xml(&meta.layout),
    });
    out.push(Part {
        path: theme::PATH.into(),
        bytes: theme::theme_xml(&meta.layout.font),
    });
    for (path, bytes) in [
        ("word/settings.xml", xml.settings),
        ("word/fontTable.xml", xml.font_table),
        ("word/comments.xml", xml.comments),
        ("word/numbering.xml", xml.numberings),
        ("word/commentsExtended.xml", xml.comments_extended),
        ("word/footnotes.xml", xml.footnotes),
    ] {
        let mut nodes = parse_part(path, &bytes)?;
        schema_order::conform(&mut nodes);
        out.push(Part {
            path: path.into(),
            bytes: xml::write(&nodes),
        });
    }
    if let Some((ext, _)) = logo
        && let Some((_, bytes)) = xml.media.into_iter().next()
    {
        out.push(Part {
            path: format!("word/media/logo.{ext}"),
            bytes,
        });
    }
    Ok(out)
}

fn parse_part(path: &str, bytes: &[u8]) -> Result<Vec<Node>, DocxError> {
    xml::parse(bytes).map_err(|e| DocxError::Xml {
        part: path.into(),
        message: e.0,
    })
}

fn parse_rels(path: &str, bytes: &[u8]) -> Result<Vec<Rel>, DocxError> {
    let mut rels = Vec::new();
    let mut nodes = parse_part(path, bytes)?;
    walk_mut(&mut nodes, &mut |node| {
        if let Node::Element { start, .. } = node
            && start.name().into_inner() == b"Relationship"
        {
            rels.push(Rel {
                id: attr(start, "Id").unwrap_or_default(),
                kind: attr(start, "Type").unwrap_or_default(),
                // Raw (still escaped) value: written back as is.
                target: attr(start, "Target").unwrap_or_default(),
                external: attr(start, "TargetMode").as_deref() == Some("External"),
            });
        }
    });
    Ok(rels)
}

fn write_rels(rels: &[Rel]) -> Vec<u8> {
    let mut s = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    ));
    for r in rels {
        // Id and Type are ours or docx-rs's (plain ASCII); Target is the raw value read.
        s.push_str(&format!(
            r#"<Relationship Id="{}" Type="{}" Target="{}""#,
            r.id, r.kind, r.target
        ));
        if r.external {
            s.push_str(r#" TargetMode="External""#);
        }
        s.push_str("/>");
    }
    s.push_str("</Relationships>");
    s.into_bytes()
}

/// The fixes every content part needs: non-breaking hyphens as Word writes them, children
/// in schema order. The body's entries get them one by one, the rest of a part at once.
pub(crate) fn tidy(nodes: &mut [Node]) {
    no_break_hyphens(nodes);
    schema_order::conform(nodes);
}

/// Puts the body's XML (written, tidied) where the placeholder paragraph stands. The XML
/// is carried as a raw leaf, which the writer copies out as it is.
fn splice_body(nodes: &mut [Node], body: String) {
    let mut body = Some(body);
    walk_mut(nodes, &mut |node| {
        if body::is_placeholder(node)
            && let Some(xml) = body.take()
        {
            *node = Node::Leaf(Event::Text(BytesText::from_escaped(xml)));
        }
    });
}

/// Splits every `w:t` that holds U+2011 around `<w:noBreakHyphen/>`s (Word's own form of
/// the non-breaking hyphen).
fn no_break_hyphens(nodes: &mut [Node]) {
    walk_mut(nodes, &mut |node| {
        let Node::Element { start, children } = node else {
            return;
        };
        if start.name().into_inner() != b"w:r" || !children.iter().any(has_nb_hyphen) {
            return;
        }
        let old = std::mem::take(children);
        for child in old {
            if has_nb_hyphen(&child) {
                children.extend(split_text(child));
            } else {
                children.push(child);
            }
        }
    });
}

const NB_HYPHEN: &str = "\u{2011}";

fn has_nb_hyphen(node: &Node) -> bool {
    match node {
        Node::Element { start, children } if start.name().into_inner() == b"w:t" => children
            .iter()
            .any(|c| matches!(c, Node::Leaf(Event::Text(t)) if contains(t, NB_HYPHEN))),
        _ => false,
    }
}

fn contains(t: &BytesText<'_>, needle: &str) -> bool {
    (**t).windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// `<w:t>ITU‑T</w:t>` → `<w:t>ITU</w:t><w:noBreakHyphen/><w:t>T</w:t>`.
fn split_text(t: Node) -> Vec<Node> {
    let Node::Element { start, children } = t else {
        return vec![t];
    };
    let mut start = start;
    if attr(&start, "xml:space").is_none() {
        start.push_attribute(("xml:space", "preserve"));
    }
    let mut out = Vec::new();
    let mut current: Vec<Node> = Vec::new();
    let flush = |current: &mut Vec<Node>, out: &mut Vec<Node>| {
        if !current.is_empty() {
            out.push(Node::Element {
                start: start.clone(),
                children: std::mem::take(current),
            });
        }
    };
    for child in children {
        match child {
            Node::Leaf(Event::Text(text)) if contains(&text, NB_HYPHEN) => {
                let raw = String::from_utf8_lossy(&text[..]).into_owned();
                for (i, piece) in raw.split(NB_HYPHEN).enumerate() {
                    if i > 0 {
                        flush(&mut current, &mut out);
                        out.push(Node::element("w:noBreakHyphen"));
                    }
                    if !piece.is_empty() {
                        current.push(Node::Leaf(Event::Text(BytesText::from_escaped(
                            piece.to_owned(),
                        ))));
                    }
                }
            }
            other => current.push(other),
        }
    }
    flush(&mut current, &mut out);
    out
}

/// docx-rs's content types, with the theme part and the logo's image type declared.
fn content_types(bytes: &[u8], logo: Option<(&str, &str)>) -> Result<Vec<u8>, DocxError> {
    let mut nodes = parse_part("[Content_Types].xml", bytes)?;
    for node in &mut nodes {
        let Node::Element { start, children } = node else {
            continue;
        };
        if start.name().into_inner() != b"Types" {
            continue;
        }
        let has = |children: &[Node], tag: &[u8], key: &str, value: &str| {
            children.iter().any(|c| match c {
                Node::Element { start, .. } => {
                    start.name().into_inner() == tag
                        && attr(start, key).is_some_and(|v| v.eq_ignore_ascii_case(value))
                }
                Node::Leaf(_) => false,
            })
        };
        let element = |tag: &str, attrs: [(&str, &str); 2]| {
            let mut start = quick_xml::events::BytesStart::new(tag.to_owned());
            for a in attrs {
                start.push_attribute(a);
            }
            Node::Element {
                start,
                children: Vec::new(),
            }
        };
        if let Some((ext, mime)) = logo
            && !has(children, b"Default", "Extension", ext)
        {
            // Defaults come before Overrides.
            children.insert(
                0,
                element("Default", [("Extension", ext), ("ContentType", mime)]),
            );
        }
        let theme_name = format!("/{}", theme::PATH);
        if !has(children, b"Override", "PartName", &theme_name) {
            children.push(element(
                "Override",
                [
                    ("PartName", &theme_name),
                    ("ContentType", theme::CONTENT_TYPE),
                ],
            ));
        }
    }
    Ok(xml::write(&nodes))
}

/// Measured on the document.xml of 100× the sample (6 MB, zlib-rs): level 5 takes about
/// four fifths of the time of the default 6 for a file 0.5 % larger; 3 and below are
/// faster still but give a DOCX larger than pandoc's for the same content.
const DEFLATE_LEVEL: i64 = 5;

/// Packs the parts: deflate, entries in the given order, every entry with the same time
/// (the timestamp, or 1980-01-01 outside the zip range) and permissions.
pub(crate) fn zip(parts: Vec<Part>, timestamp: i64) -> Result<Vec<u8>, DocxError> {
    let time = crate::dates::civil(timestamp)
        .and_then(|(d, h, m, s)| {
            zip::DateTime::from_date_and_time(
                d.year(),
                d.month(),
                d.day(),
                h as u8,
                m as u8,
                s as u8,
            )
            .ok()
        })
        .unwrap_or_default();
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(DEFLATE_LEVEL))
        .last_modified_time(time)
        .unix_permissions(0o644);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for part in parts {
        zip.start_file(part.path, options)?;
        zip.write_all(&part.bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_text(xml: &str) -> String {
        let mut nodes = xml::parse(xml.as_bytes()).unwrap();
        no_break_hyphens(&mut nodes);
        String::from_utf8(xml::write(&nodes)).unwrap()
    }

    #[test]
    fn non_breaking_hyphens_become_elements() {
        assert_eq!(
            run_text(
                "<w:r><w:t xml:space=\"preserve\">ITU\u{2011}T &amp; PP\u{2011}14</w:t></w:r>"
            ),
            concat!(
                r#"<w:r><w:t xml:space="preserve">ITU</w:t><w:noBreakHyphen/>"#,
                r#"<w:t xml:space="preserve">T &amp; PP</w:t><w:noBreakHyphen/>"#,
                r#"<w:t xml:space="preserve">14</w:t></w:r>"#
            )
        );
        assert_eq!(
            run_text("<w:r><w:t>\u{2011}</w:t></w:r>"),
            r#"<w:r><w:noBreakHyphen/></w:r>"#
        );
        let plain = r#"<w:r><w:t>ITU-T</w:t></w:r>"#;
        assert_eq!(run_text(plain), plain);
    }
}
