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
use zip::ZipWriter;
use zip::write::SimpleFileOptions;

use super::block::Piece;
use super::document::{self, DEFAULT_HEADER_RID, FIRST_FOOTER_RID, FIRST_HEADER_RID};
use super::first_page::LOGO_RID;
use super::revision::{Anchors, Mark};
use super::story::Ids;
use super::xml::Xml;
use super::{DocxError, custom_xml, doc_props, fonts, settings, styles, theme};
use crate::compare::Comparison;
use crate::model::{ImageFormat, Report};
use crate::render::memo::Memo;

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

/// A part of the package: its path and its content type (`None`: the default for its
/// extension).
type Planned = (String, Option<&'static str>);

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
    fn links(urls: &'a [String]) -> impl Iterator<Item = Rel<'a>> {
        urls.iter().enumerate().map(|(i, url)| Rel {
            id: Cow::Owned(format!("rIdLink{}", i + 1)),
            kind: HYPERLINK_REL_TYPE,
            target: Cow::Borrowed(url),
            external: true,
        })
    }
}

/// The report's DOCX; with `kept` (`watch`), entries written by an earlier call with the
/// same memo are used again.
pub(crate) fn render(
    report: &Report,
    timestamp: i64,
    kept: Option<&mut Memo<Piece, Ids>>,
) -> Result<Vec<u8>, DocxError> {
    render_source(report, timestamp, document::Source::Plain(kept))
}

/// A revision's DOCX: the revised report, its changes since the issued one tracked by the
/// revision's author on the revision's date (the document's when it has no `[revision]`).
pub(crate) fn render_revision(
    comparison: &Comparison<'_>,
    timestamp: i64,
) -> Result<Vec<u8>, DocxError> {
    let meta = &comparison.new.meta;
    let author = meta
        .revision
        .as_ref()
        .map_or(crate::check::DEFAULT_REVISION_AUTHOR, |r| r.author.as_str());
    let date = meta
        .date
        .value()
        .map_or_else(|| "2000-01-01".to_owned(), |d| d.iso());
    let date = format!("{date}T00:00:00Z");
    let anchors = Anchors::of(comparison);
    let mark = Mark {
        author,
        date: &date,
        anchors: &anchors,
    };
    render_source(
        comparison.new,
        timestamp,
        document::Source::Revision(comparison, mark),
    )
}

fn render_source(
    report: &Report,
    timestamp: i64,
    source: document::Source<'_>,
) -> Result<Vec<u8>, DocxError> {
    let revision = match &source {
        document::Source::Revision(comparison, mark) => Some((comparison.old, *mark)),
        document::Source::Plain(_) => None,
    };
    let meta = &report.meta;
    let layout = &meta.layout;
    let logo = layout.logo.as_ref().map(|logo| {
        let ext = match logo.format {
            ImageFormat::Png => "png",
            ImageFormat::Jpeg => "jpeg",
        };
        (format!("media/logo.{ext}"), &logo.bytes)
    });

    // Every part, in zip order, with its content type (`None`: the default for its
    // extension, `.rels` or an image's): [Content_Types].xml is made from this list and
    // every part is written against it.
    let mut plan: Vec<Planned> = vec![
        ("[Content_Types].xml".into(), None),
        ("_rels/.rels".into(), None),
        (
            doc_props::APP_PATH.into(),
            Some(doc_props::APP_CONTENT_TYPE),
        ),
        (
            doc_props::CORE_PATH.into(),
            Some(doc_props::CORE_CONTENT_TYPE),
        ),
        (DOCUMENT_PATH.into(), Some(DOCUMENT_CONTENT_TYPE)),
        ("word/header1.xml".into(), Some(HEADER_CONTENT_TYPE)),
        ("word/header2.xml".into(), Some(HEADER_CONTENT_TYPE)),
    ];
    if layout.footer.is_some() {
        plan.push(("word/footer1.xml".into(), Some(FOOTER_CONTENT_TYPE)));
        plan.push(("word/_rels/footer1.xml.rels".into(), None));
    }
    plan.extend([
        ("word/_rels/document.xml.rels".into(), None),
        (styles::PATH.into(), Some(styles::CONTENT_TYPE)),
        (settings::PATH.into(), Some(settings::CONTENT_TYPE)),
        (fonts::PATH.into(), Some(fonts::CONTENT_TYPE)),
        (theme::PATH.into(), Some(theme::CONTENT_TYPE)),
    ]);
    if let Some((target, _)) = &logo {
        plan.push((format!("word/{target}"), None));
    }
    plan.extend([
        (
            custom_xml::ITEM_PATH.into(),
            Some(custom_xml::ITEM_CONTENT_TYPE),
        ),
        (custom_xml::ITEM_RELS_PATH.into(), None),
        (
            custom_xml::PROPS_PATH.into(),
            Some(custom_xml::PROPS_CONTENT_TYPE),
        ),
    ]);

    // The data parts, the last of the package, are zipped on a thread of their own while
    // the document is written and deflated on this one; their compressed bytes are then
    // copied in (`Zip::merge`), so the package is the same bytes whatever the timing.
    // They are as large as the document (5.4 MB of XML at 100× the sample): zipped one
    // after the other, the DOCX took 150-160 ms of `build` at 100×; side by side,
    // 115-125 ms (the text outputs rendering meanwhile on a third thread).
    let data_at = plan
        .iter()
        .position(|(path, _)| path == custom_xml::ITEM_PATH)
        .ok_or_else(|| DocxError::Plan(format!("no {} in the plan", custom_xml::ITEM_PATH)))?;
    let types = content_types(&plan);
    let (plan, data_plan) = plan.split_at(data_at);
    let zip = Zip::new(timestamp, plan);
    let (zip, data) = crate::parallel::join(
        || document_parts(report, zip, &types, timestamp, source, revision, logo),
        || data_parts(report, timestamp, data_plan),
    );
    let mut zip = zip?;
    zip.merge(data?, data_plan)?;
    zip.finish()
}

/// The package up to the data parts, written into `zip` as its plan lists them: the
/// content types (`types`, of the whole package), the properties, the document, its
/// headers and footer, relationships, styles, settings, fonts, theme and logo.
fn document_parts<'p>(
    report: &Report,
    mut zip: Zip<'p>,
    types: &[u8],
    timestamp: i64,
    source: document::Source<'_>,
    revision: Option<(&Report, Mark<'_>)>,
    logo: Option<(String, &Vec<u8>)>,
) -> Result<Zip<'p>, DocxError> {
    let meta = &report.meta;
    let layout = &meta.layout;
    zip.part(types)?;
    zip.part(
        &Rels::new()
            .add_rel(doc_props::CORE_REL_TYPE, doc_props::CORE_PATH)
            .add_rel(doc_props::APP_REL_TYPE, doc_props::APP_PATH)
            .add_rel(DOCUMENT_REL_TYPE, DOCUMENT_PATH)
            .build(),
    )?;
    zip.part(&doc_props::app_xml())?;
    zip.part(&doc_props::core_xml(
        meta,
        report.locale.language,
        timestamp,
    ))?;
    zip.start()?;
    let document = document::write_document(report, source, &mut zip.writer)?;

    // Headers and footer go on with the document's paragraph and annotation ids.
    let mut taken = document.ids;
    let (header, _) = document::default_header(report, revision, &mut taken);
    zip.part(&header)?;
    let (header, _) = document::first_header(report, &mut taken);
    zip.part(&header)?;
    if let Some((footer, written)) = document::first_footer(report, &mut taken) {
        zip.part(&footer)?;
        zip.part(&rels_xml(Rel::links(&written.links)))?;
    }

    let mut doc_rels = vec![
        Rel::internal("rIdStyles", styles::REL_TYPE, "styles.xml"),
        Rel::internal("rIdSettings", settings::REL_TYPE, "settings.xml"),
        Rel::internal("rIdFontTable", fonts::REL_TYPE, "fontTable.xml"),
        Rel::internal("rIdTheme", theme::REL_TYPE, "theme/theme1.xml"),
        Rel::internal(DEFAULT_HEADER_RID, HEADER_REL_TYPE, "header1.xml"),
        Rel::internal(FIRST_HEADER_RID, HEADER_REL_TYPE, "header2.xml"),
    ];
    if layout.footer.is_some() {
        doc_rels.push(Rel::internal(
            FIRST_FOOTER_RID,
            FOOTER_REL_TYPE,
            "footer1.xml",
        ));
    }
    if let Some((target, _)) = &logo {
        doc_rels.push(Rel::internal(LOGO_RID, IMAGE_REL_TYPE, target.as_str()));
    }
    doc_rels.push(Rel::internal(
        custom_xml::ITEM_RID,
        custom_xml::ITEM_REL_TYPE,
        format!("../{}", custom_xml::ITEM_PATH),
    ));
    doc_rels.extend(Rel::links(&document.links));
    zip.part(&rels_xml(doc_rels))?;
    let language = report.locale.language;
    zip.part(&styles::styles_xml(layout, language))?;
    zip.part(&settings::settings_xml(language))?;
    zip.part(&fonts::font_table_xml(&styles::fonts(layout, language)))?;
    zip.part(&theme::theme_xml(&layout.font))?;
    if let Some((_, bytes)) = logo {
        zip.part(bytes)?;
    }
    Ok(zip)
}

/// The data parts (`customXml/`) as a zip of their own, to be merged into the package.
fn data_parts(report: &Report, timestamp: i64, plan: &[Planned]) -> Result<Vec<u8>, DocxError> {
    let mut zip = Zip::new(timestamp, plan);
    zip.start()?;
    custom_xml::write_item(report, &mut zip.writer)?;
    zip.part(&rels_xml([Rel::internal(
        "rIdProps",
        custom_xml::PROPS_REL_TYPE,
        "itemProps1.xml",
    )]))?;
    zip.part(&custom_xml::props_xml())?;
    zip.finish()
}

/// `[Content_Types].xml` of the planned parts, written by docx-rs: the defaults by
/// extension (images, `.rels`, `.xml`) and an override for every part that has a type.
fn content_types(plan: &[Planned]) -> Vec<u8> {
    plan.iter()
        .filter_map(|(path, ty)| Some((format!("/{path}"), (*ty)?)))
        .fold(ContentTypes::new(), |ct, (name, ty)| {
            ct.add_content(name, ty)
        })
        .build()
}

/// A `.rels` part. Ids and types are ours; targets (URLs among them) are escaped.
fn rels_xml<'a>(rels: impl IntoIterator<Item = Rel<'a>>) -> Vec<u8> {
    let mut x = Xml::part();
    x.element(
        "Relationships",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/relationships",
        )],
        |x| {
            for r in rels {
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

/// Measured on the document.xml of 100× the sample (5.1 MB, zlib-rs, best of 15
/// interleaved runs; KB of 1,024 bytes, compressed): level 3 57 ms and 1,334 KB, level 4
/// 45 ms and 1,296 KB, level 5 83 ms and 1,268 KB, level 6 99 ms and 1,261 KB. Level 4 is
/// the fastest, and its DOCX is still smaller than pandoc's for the same content
/// (1,325 KB); with level 3 it would be larger.
const DEFLATE_LEVEL: i64 = 4;

/// Parts smaller than this are stored, not deflated: 11 of the 17 parts of the sample's
/// DOCX (relationships, properties, headers, footer, settings, font table), which
/// deflate would shrink by about 300 bytes each, while each deflate stream costs its
/// setup and 300 KB of fresh memory. Measured at 1× the sample (hyperfine, 40 runs):
/// build 9.4 → 8.4 ms, `--language all` 24.0 → 21.0 ms (six DOCX, 102 streams → 36),
/// for a DOCX of 41 KB instead of 37 KB.
const STORE_BELOW: usize = 1024;

/// The zip being written: deflate, entries in the planned order, every entry with the
/// same time (the timestamp, or 1980-01-01 outside the zip range) and permissions.
struct Zip<'p> {
    writer: ZipWriter<Cursor<Vec<u8>>>,
    options: SimpleFileOptions,
    plan: std::slice::Iter<'p, Planned>,
}

impl<'p> Zip<'p> {
    fn new(timestamp: i64, plan: &'p [Planned]) -> Self {
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
        Zip {
            writer: ZipWriter::new(Cursor::new(Vec::new())),
            options: SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .compression_level(Some(DEFLATE_LEVEL))
                .last_modified_time(time)
                .unix_permissions(0o644),
            plan: plan.iter(),
        }
    }

    /// Starts the next planned part, deflated, to be written through `writer`.
    fn start(&mut self) -> Result<(), DocxError> {
        self.start_with(self.options)
    }

    fn start_with(&mut self, options: SimpleFileOptions) -> Result<(), DocxError> {
        let (path, _) = self
            .plan
            .next()
            .ok_or_else(|| DocxError::Plan("a part beyond the plan".into()))?;
        self.writer.start_file(path.as_str(), options)?;
        Ok(())
    }

    /// The next planned part, whole: stored when under [`STORE_BELOW`], else deflated.
    fn part(&mut self, bytes: &[u8]) -> Result<(), DocxError> {
        if bytes.len() < STORE_BELOW {
            let stored = self
                .options
                .compression_method(zip::CompressionMethod::Stored)
                .compression_level(None);
            self.start_with(stored)?;
        } else {
            self.start()?;
        }
        self.writer.write_all(bytes)?;
        Ok(())
    }

    /// Copies in the parts of `zipped` (a zip of the next planned parts, in order) as
    /// they were compressed.
    fn merge(&mut self, zipped: Vec<u8>, planned: &'p [Planned]) -> Result<(), DocxError> {
        let archive = zip::ZipArchive::new(Cursor::new(zipped))?;
        let names = (0..archive.len()).map(|i| archive.name_for_index(i));
        if !names.eq(planned.iter().map(|(path, _)| Some(path.as_str()))) {
            return Err(DocxError::Plan(
                "the merged parts are not the planned ones".into(),
            ));
        }
        self.writer.merge_archive(archive)?;
        Ok(())
    }

    fn finish(mut self) -> Result<Vec<u8>, DocxError> {
        if let Some((path, _)) = self.plan.next() {
            return Err(DocxError::Plan(format!(
                "{path} was planned but not written"
            )));
        }
        Ok(self.writer.finish()?.into_inner())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::Layout;

    /// A package of `document` and the parts Word requires beside it (styles, settings,
    /// font table, theme): enough for a validator to check the document part.
    pub(crate) fn package_of(document: &[u8]) -> Vec<u8> {
        let layout = Layout::default();
        let plan: Vec<Planned> = vec![
            ("[Content_Types].xml".into(), None),
            ("_rels/.rels".into(), None),
            (DOCUMENT_PATH.into(), Some(DOCUMENT_CONTENT_TYPE)),
            ("word/_rels/document.xml.rels".into(), None),
            (styles::PATH.into(), Some(styles::CONTENT_TYPE)),
            (settings::PATH.into(), Some(settings::CONTENT_TYPE)),
            (fonts::PATH.into(), Some(fonts::CONTENT_TYPE)),
            (theme::PATH.into(), Some(theme::CONTENT_TYPE)),
        ];
        let rels = [
            Rel::internal("rIdStyles", styles::REL_TYPE, "styles.xml"),
            Rel::internal("rIdSettings", settings::REL_TYPE, "settings.xml"),
            Rel::internal("rIdFontTable", fonts::REL_TYPE, "fontTable.xml"),
            Rel::internal("rIdTheme", theme::REL_TYPE, "theme/theme1.xml"),
        ];
        let mut zip = Zip::new(0, &plan);
        let parts = [
            content_types(&plan),
            Rels::new()
                .add_rel(DOCUMENT_REL_TYPE, DOCUMENT_PATH)
                .build(),
            document.to_vec(),
            rels_xml(rels),
            styles::styles_xml(&layout, crate::locale::Language::E),
            settings::settings_xml(crate::locale::Language::E),
            fonts::font_table_xml(&styles::fonts(&layout, crate::locale::Language::E)),
            theme::theme_xml(&layout.font),
        ];
        for part in parts {
            zip.part(&part).expect("zips in memory");
        }
        zip.finish().expect("zips in memory")
    }
}
