//! `word/theme/theme1.xml`: a minimal Office theme (colours, the layout font as both theme
//! fonts, the three-of-each format scheme the schema requires). docx-rs writes none; Word
//! documents always have one, and validators expect it.

use super::xml::{DECLARATION, escape};

pub(crate) const PATH: &str = "word/theme/theme1.xml";
pub(crate) const CONTENT_TYPE: &str = "application/vnd.openxmlformats-officedocument.theme+xml";
pub(crate) const REL_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme";

/// The theme part.
pub(crate) fn theme_xml(font: &str) -> Vec<u8> {
    let font = escape(font);
    let colours: String = [
        ("accent1", "4F81BD"),
        ("accent2", "C0504D"),
        ("accent3", "9BBB59"),
        ("accent4", "8064A2"),
        ("accent5", "4BACC6"),
        ("accent6", "F79646"),
        ("hlink", "0000FF"),
        ("folHlink", "800080"),
    ]
    .iter()
    .map(|(name, rgb)| format!(r#"<a:{name}><a:srgbClr val="{rgb}"/></a:{name}>"#))
    .collect();
    let fill = r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#;
    let line = format!(r#"<a:ln w="9525">{fill}</a:ln>"#);
    let effect = "<a:effectStyle><a:effectLst/></a:effectStyle>";
    format!(
        concat!(
            "{declaration}",
            r#"<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Council">"#,
            r#"<a:themeElements><a:clrScheme name="Council">"#,
            r#"<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>"#,
            r#"<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>"#,
            r#"<a:dk2><a:srgbClr val="1F497D"/></a:dk2><a:lt2><a:srgbClr val="EEECE1"/></a:lt2>"#,
            "{colours}</a:clrScheme>",
            r#"<a:fontScheme name="Council">"#,
            r#"<a:majorFont><a:latin typeface="{font}"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>"#,
            r#"<a:minorFont><a:latin typeface="{font}"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont>"#,
            r#"</a:fontScheme><a:fmtScheme name="Council">"#,
            "<a:fillStyleLst>{fill}{fill}{fill}</a:fillStyleLst>",
            "<a:lnStyleLst>{line}{line}{line}</a:lnStyleLst>",
            "<a:effectStyleLst>{effect}{effect}{effect}</a:effectStyleLst>",
            "<a:bgFillStyleLst>{fill}{fill}{fill}</a:bgFillStyleLst>",
            "</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
        ),
        declaration = DECLARATION,
        colours = colours,
        font = font,
        fill = fill,
        line = line,
        effect = effect,
    )
    .into_bytes()
}
