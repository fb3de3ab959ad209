//! `docProps/core.xml` (title, subject, author, language, dates) and `docProps/app.xml`
//! (the application that wrote the file). The dates come from the timestamp in
//! [`super::DocxOptions`], so builds are reproducible.

use super::xml::Xml;
use crate::dates::civil;
use crate::model::Meta;

pub(crate) const CORE_PATH: &str = "docProps/core.xml";
pub(crate) const CORE_CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-package.core-properties+xml";
pub(crate) const CORE_REL_TYPE: &str =
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
pub(crate) const APP_PATH: &str = "docProps/app.xml";
pub(crate) const APP_CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.extended-properties+xml";
pub(crate) const APP_REL_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties";

/// The core-properties part.
pub(crate) fn core_xml(meta: &Meta, language: crate::locale::Language, timestamp: i64) -> Vec<u8> {
    let when = w3cdtf(timestamp);
    let mut x = Xml::part();
    x.element(
        "cp:coreProperties",
        &[
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:dcmitype", "http://purl.org/dc/dcmitype/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ],
        |x| {
            x.text_element("dc:title", &[], meta.title.as_str());
            x.text_element("dc:subject", &[], &meta.full_number());
            x.text_element("dc:creator", &[], &meta.creator);
            x.text_element("cp:lastModifiedBy", &[], &meta.creator);
            x.text_element("cp:revision", &[], "1");
            x.text_element("dc:language", &[], language.tag());
            let w3cdtf = [("xsi:type", "dcterms:W3CDTF")];
            x.text_element("dcterms:created", &w3cdtf, &when);
            x.text_element("dcterms:modified", &w3cdtf, &when);
        },
    );
    x.into_bytes()
}

/// The extended-properties part: the application and its version.
pub(crate) fn app_xml() -> Vec<u8> {
    let mut x = Xml::part();
    x.element(
        "Properties",
        &[
            (
                "xmlns",
                "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
            ),
            (
                "xmlns:vt",
                "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
            ),
        ],
        |x| {
            x.text_element("Application", &[], env!("CARGO_PKG_NAME"));
            x.text_element("AppVersion", &[], &app_version(env!("CARGO_PKG_VERSION")));
        },
    );
    x.into_bytes()
}

/// `XX.YYYY`, the form the schema gives AppVersion (ECMA-376 Part 1, 22.2.2.3): major and
/// minor version; `1.2.3` → `01.0002`.
fn app_version(version: &str) -> String {
    let mut parts = version
        .split(['.', '-', '+'])
        .map(|p| p.parse::<u32>().unwrap_or(0));
    let major = parts.next().unwrap_or(0).min(99);
    let minor = parts.next().unwrap_or(0).min(9999);
    format!("{major:02}.{minor:04}")
}

/// `2018-03-22T00:00:00Z`; the epoch when the timestamp is out of range.
fn w3cdtf(timestamp: i64) -> String {
    match civil(timestamp) {
        Some((date, h, m, s)) => format!("{}T{h:02}:{m:02}:{s:02}Z", date.iso()),
        None => "1970-01-01T00:00:00Z".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_timestamps() {
        assert_eq!(w3cdtf(1_521_676_800), "2018-03-22T00:00:00Z");
        assert_eq!(w3cdtf(1_521_676_800 + 3_723), "2018-03-22T01:02:03Z");
        assert_eq!(w3cdtf(0), "1970-01-01T00:00:00Z");
        assert_eq!(w3cdtf(i64::MAX), "1970-01-01T00:00:00Z");
    }

    #[test]
    fn app_versions_take_the_schema_form() {
        assert_eq!(app_version("0.1.0"), "00.0001");
        assert_eq!(app_version("12.345.6-rc.1"), "12.0345");
        assert_eq!(app_version("100.99999.0"), "99.9999");
        assert_eq!(app_version("x"), "00.0000");
    }
}
