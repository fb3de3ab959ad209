//! The package: the parts in a fixed order, each with the relationship that references it
//! and its content type, zipped deterministically.
//!
//! Only parts something references are written: the document and its styles, settings,
//! font table, theme, headers, footer (when the layout has one) and logo (when it has
//! one); the core and app properties from the package relationships. `[Content_Types].xml`
//! is made from the list of parts itself, so no part lacks its content type, and written
//! by docx-rs, as are the package relationships (`_rels/.rels`): both are fixed
//! boilerplate it writes correctly.

use std::borrow::Cow;
use std::io::{Cursor, Write};

use docx_rs::{BuildXML, ContentTypes, Rels};
use zip::write::SimpleFileOptions;

use super::document::{self, DEFAULT_HEADER_RID, FIRST_FOOTER_RID, FIRST_HEADER_RID, Written};
use super::first_page::LOGO_RID;
use super::xml::Xml;
use super::{DocxError, doc_props, fonts, settings, styles, theme};
use crate::model::{ImageFormat, Report};

const DOCUMENT_PATH: &str = "word/document.xml";
const DOCUMENT_CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const DOCUMENT_REL_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const HEADER_CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml";
const HEADER_REL_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header";
const FOOTER_CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml";
const FOOTER_REL_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer";
const IMAGE_REL_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
const HYPERLINK_REL_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

/// One file of the package.
pub(crate) struct Part {
    pub path: String,
    /// `None` for relationship parts and images, which the content types' defaults
    /// (by extension) cover.
    pub content_type: Option<&'static str>,
    /// The bytes, in pieces written one after the other (the document's entries are not
    /// joined into one buffer).
    pub pieces: Vec<Vec<u8>>,
}

impl Part {
    fn new(path: impl Into<String>, content_type: Option<&'static str>, bytes: Vec<u8>) -> Self {
        Part {
            path: path.into(),
            content_type,
            pieces: vec![bytes],
        }
    }
}

/// One relationship of a `.rels` part.
struct Rel<'a> {
    id: Cow<'a, str>,
    kind: &'static str,
    target: Cow<'a, str>,
    external: bool,
}

impl<'a> Rel<'a> {
    fn internal(id: &'static str, kind: &'static str, target: impl Into<Cow<'a, str>>) -> Self {
        Rel {
            id: Cow::Borrowed(id),
            kind,
            target: target.into(),
            external: false,
        }
    }

    /// `rIdLink1`, `rIdLink2`, … for a part's hyperlinks, in the order the story gave them.
    fn links(urls: Vec<Cow<'a, str>>) -> impl Iterator<Item = Rel<'a>> {
        urls.into_iter().enumerate().map(|(i, url)| Rel {
            id: Cow::Owned(format!("rIdLink{}", i + 1)),
            kind: HYPERLINK_REL_TYPE,
            target: url,
            external: true,
        })
    }
}

/// Every part of the report's DOCX, in zip order.
pub(crate) fn parts(report: &Report, timestamp: i64) -> Vec<Part> {
    let meta = &report.meta;
    let content = document::write(report);
    let logo = meta.layout.logo.as_ref().map(|logo| {
        let ext = match logo.format {
            ImageFormat::Png => "png",
            ImageFormat::Jpeg => "jpeg",
        };
        (format!("media/logo.{ext}"), logo.bytes.clone())
    });

    let mut doc_rels = vec![
        Rel::internal("rIdStyles", styles::REL_TYPE, "styles.xml"),
        Rel::internal("rIdSettings", settings::REL_TYPE, "settings.xml"),
        Rel::internal("rIdFontTable", fonts::REL_TYPE, "fontTable.xml"),
        Rel::internal("rIdTheme", theme::REL_TYPE, "theme/theme1.xml"),
        Rel::internal(DEFAULT_HEADER_RID, HEADER_REL_TYPE, "header1.xml"),
        Rel::internal(FIRST_HEADER_RID, HEADER_REL_TYPE, "header2.xml"),
    ];
    if content.first_footer.is_some() {
        doc_rels.push(Rel::internal(
            FIRST_FOOTER_RID,
            FOOTER_REL_TYPE,
            "footer1.xml",
        ));
    }
    if let Some((target, _)) = &logo {
        doc_rels.push(Rel::internal(LOGO_RID, IMAGE_REL_TYPE, target.as_str()));
    }

    let mut out = vec![
        Part::new(
            doc_props::APP_PATH,
            Some(doc_props::APP_CONTENT_TYPE),
            doc_props::app_xml(),
        ),
        Part::new(
            doc_props::CORE_PATH,
            Some(doc_props::CORE_CONTENT_TYPE),
            doc_props::core_xml(meta, timestamp),
        ),
    ];
    let mut rels_parts = Vec::new();
    let Written { pieces, links } = content.document;
    doc_rels.extend(Rel::links(links));
    out.push(Part {
        path: DOCUMENT_PATH.into(),
        content_type: Some(DOCUMENT_CONTENT_TYPE),
        pieces: pieces.into_iter().map(Xml::into_bytes).collect(),
    });
    rels_parts.push(Part::new(
        "word/_rels/document.xml.rels",
        None,
        rels_xml(doc_rels),
    ));
    for (name, content_type, written) in [
        ("header1", HEADER_CONTENT_TYPE, Some(content.default_header)),
        ("header2", HEADER_CONTENT_TYPE, Some(content.first_header)),
        ("footer1", FOOTER_CONTENT_TYPE, content.first_footer),
    ] {
        let Some(Written { pieces, links }) = written else {
            continue;
        };
        if !links.is_empty() {
            rels_parts.push(Part::new(
                format!("word/_rels/{name}.xml.rels"),
                None,
                rels_xml(Rel::links(links).collect()),
            ));
        }
        out.push(Part {
            path: format!("word/{name}.xml"),
            content_type: Some(content_type),
            pieces: pieces.into_iter().map(Xml::into_bytes).collect(),
        });
    }
    out.extend(rels_parts);
    let layout = &meta.layout;
    out.extend([
        Part::new(
            styles::PATH,
            Some(styles::CONTENT_TYPE),
            styles::styles_xml(layout),
        ),
        Part::new(
            settings::PATH,
            Some(settings::CONTENT_TYPE),
            settings::settings_xml(),
        ),
        Part::new(
            fonts::PATH,
            Some(fonts::CONTENT_TYPE),
            fonts::font_table_xml(&styles::fonts(layout)),
        ),
        Part::new(
            theme::PATH,
            Some(theme::CONTENT_TYPE),
            theme::theme_xml(&layout.font),
        ),
    ]);
    if let Some((target, bytes)) = logo {
        out.push(Part::new(format!("word/{target}"), None, bytes));
    }

    // The package's own parts first, as Word writes them.
    let content_types = out
        .iter()
        .filter_map(|p| Some((format!("/{}", p.path), p.content_type?)))
        .fold(ContentTypes::new(), |ct, (name, ty)| {
            ct.add_content(name, ty)
        });
    let package_rels = Rels::new()
        .add_rel(doc_props::CORE_REL_TYPE, doc_props::CORE_PATH)
        .add_rel(doc_props::APP_REL_TYPE, doc_props::APP_PATH)
        .add_rel(DOCUMENT_REL_TYPE, DOCUMENT_PATH);
    let mut parts = vec![
        Part::new("[Content_Types].xml", None, content_types.build()),
        Part::new("_rels/.rels", None, package_rels.build()),
    ];
    parts.extend(out);
    parts
}

/// A `.rels` part. Ids and types are ours; targets (URLs among them) are escaped.
fn rels_xml(rels: Vec<Rel<'_>>) -> Vec<u8> {
    let mut x = Xml::part();
    x.element(
        "Relationships",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/relationships",
        )],
        |x| {
            for r in &rels {
                let mut attrs = vec![("Id", &*r.id), ("Type", r.kind), ("Target", &*r.target)];
                if r.external {
                    attrs.push(("TargetMode", "External"));
                }
                x.empty("Relationship", &attrs);
            }
        },
    );
    x.into_bytes()
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
        for piece in part.pieces {
            zip.write_all(&piece)?;
        }
    }
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::Layout;

    /// A package of `document` and the parts Word requires beside it (styles, settings,
    /// font table, theme): enough for a validator to check the document part.
    pub(crate) fn package_of(document: Vec<u8>) -> Vec<u8> {
        let layout = Layout::default();
        let mut parts = vec![
            Part::new(DOCUMENT_PATH, Some(DOCUMENT_CONTENT_TYPE), document),
            Part::new(
                "word/_rels/document.xml.rels",
                None,
                rels_xml(vec![
                    Rel::internal("rIdStyles", styles::REL_TYPE, "styles.xml"),
                    Rel::internal("rIdSettings", settings::REL_TYPE, "settings.xml"),
                    Rel::internal("rIdFontTable", fonts::REL_TYPE, "fontTable.xml"),
                    Rel::internal("rIdTheme", theme::REL_TYPE, "theme/theme1.xml"),
                ]),
            ),
            Part::new(
                styles::PATH,
                Some(styles::CONTENT_TYPE),
                styles::styles_xml(&layout),
            ),
            Part::new(
                settings::PATH,
                Some(settings::CONTENT_TYPE),
                settings::settings_xml(),
            ),
            Part::new(
                fonts::PATH,
                Some(fonts::CONTENT_TYPE),
                fonts::font_table_xml(&styles::fonts(&layout)),
            ),
            Part::new(
                theme::PATH,
                Some(theme::CONTENT_TYPE),
                theme::theme_xml(&layout.font),
            ),
        ];
        let content_types = parts
            .iter()
            .filter_map(|p| Some((format!("/{}", p.path), p.content_type?)))
            .fold(ContentTypes::new(), |ct, (name, ty)| {
                ct.add_content(name, ty)
            });
        parts.insert(
            0,
            Part::new("[Content_Types].xml", None, content_types.build()),
        );
        parts.insert(
            1,
            Part::new(
                "_rels/.rels",
                None,
                Rels::new()
                    .add_rel(DOCUMENT_REL_TYPE, DOCUMENT_PATH)
                    .build(),
            ),
        );
        zip(parts, 0).expect("zips in memory")
    }
}
