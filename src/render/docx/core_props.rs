//! `docProps/core.xml`, written here: docx-rs has no setter for title or creator. The
//! dates come from the timestamp in [`super::DocxOptions`], so builds are reproducible.

use super::styles::escape_attr;
use crate::dates::civil;
use crate::model::Meta;

/// The core-properties part.
pub(crate) fn core_xml(meta: &Meta, timestamp: i64) -> Vec<u8> {
    let when = w3cdtf(timestamp);
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            r#"<dc:title>{title}</dc:title><dc:subject>{number}</dc:subject><dc:creator>{creator}</dc:creator>"#,
            r#"<cp:lastModifiedBy>{creator}</cp:lastModifiedBy><cp:revision>1</cp:revision><dc:language>en-GB</dc:language>"#,
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>"#,
            r#"</cp:coreProperties>"#
        ),
        title = escape_attr(meta.title.as_str()),
        number = escape_attr(&meta.full_number()),
        creator = escape_attr(&meta.creator),
        when = when,
    )
    .into_bytes()
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
}
