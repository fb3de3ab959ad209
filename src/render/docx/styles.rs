//! `word/styles.xml`: the named Council styles (COUNCIL-FORMAT.md, "Styles"), written
//! here rather than through docx-rs, which has no `w:lang` or `w:caps` on styles. Every
//! style is a real named style, so a secretariat can restyle the document in Word.

use super::xml::escape;
use crate::model::Layout;

pub(crate) const PATH: &str = "word/styles.xml";
pub(crate) const CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";
pub(crate) const REL_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";

/// Style ids, as paragraphs and runs refer to them.
pub(crate) const NORMAL: &str = "Normal";
pub(crate) const HEADING: [&str; 3] = ["Heading1", "Heading2", "Heading3"];
pub(crate) const HEADING_B: &str = "Headingb";
pub(crate) const TITLE: &str = "Title1";
pub(crate) const SOURCE: &str = "Source";
pub(crate) const ENUMLEV: [&str; 2] = ["enumlev1", "enumlev2"];
pub(crate) const HEADER: &str = "Header";
pub(crate) const FOOTER: &str = "Footer";
pub(crate) const HYPERLINK: &str = "Hyperlink";

/// The fonts the styles name, for the font table (one today: the layout's font is every
/// script's font).
pub(crate) fn fonts(layout: &Layout) -> Vec<&str> {
    vec![layout.font.as_str()]
}

/// The first and second tab stops: the hanging indent of headings and list levels.
pub(crate) fn indents(layout: &Layout) -> (u32, u32) {
    let first = layout.tab_stops.first().copied().unwrap_or(567);
    let second = layout.tab_stops.get(1).copied().unwrap_or(first * 2);
    (first, second)
}

/// The whole styles part.
pub(crate) fn styles_xml(layout: &Layout) -> Vec<u8> {
    let font = escape(&layout.font);
    let sz = layout.font_size_pt * 2;
    let (t1, t2) = indents(layout);
    let tabs: String = layout
        .tab_stops
        .iter()
        .map(|p| format!(r#"<w:tab w:val="left" w:pos="{p}"/>"#))
        .collect();
    let tabs = if tabs.is_empty() {
        String::new()
    } else {
        format!("<w:tabs>{tabs}</w:tabs>")
    };
    let mut s = String::with_capacity(8192);
    s.push_str(super::xml::DECLARATION);
    s.push_str(
        r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    );
    s.push_str(&format!(
        concat!(
            r#"<w:docDefaults><w:rPrDefault><w:rPr>"#,
            r#"<w:rFonts w:ascii="{f}" w:eastAsia="{f}" w:hAnsi="{f}" w:cs="{f}"/>"#,
            r#"<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>"#,
            r#"<w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/>"#,
            r#"</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"#,
            r#"<w:spacing w:before="120" w:after="0" w:line="240" w:lineRule="auto"/>"#,
            r#"</w:pPr></w:pPrDefault></w:docDefaults>"#
        ),
        f = font,
        sz = sz
    ));
    // Paragraph styles: (id, name, basedOn, extra head elements, pPr, rPr).
    let heading = |level: usize, before: u32| {
        style_p(
            HEADING[level - 1],
            &format!("heading {level}"),
            Some(if level == 1 { NORMAL } else { HEADING[0] }),
            Some(NORMAL),
            &format!(
                r#"<w:keepNext/><w:keepLines/><w:spacing w:before="{before}"/><w:ind w:left="{t1}" w:hanging="{t1}"/><w:outlineLvl w:val="{}"/>"#,
                level - 1
            ),
            r#"<w:b/><w:bCs/>"#,
        )
    };
    let paragraph_styles = [
        format!(
            concat!(
                r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>"#,
                r#"<w:pPr>{tabs}<w:spacing w:before="120" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>"#,
                r#"<w:rPr><w:rFonts w:ascii="{f}" w:eastAsia="{f}" w:hAnsi="{f}" w:cs="{f}"/><w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/><w:lang w:val="en-GB"/></w:rPr></w:style>"#
            ),
            tabs = tabs,
            f = font,
            sz = sz
        ),
        heading(1, 280),
        heading(2, 200),
        heading(3, 160),
        style_p(
            HEADING_B,
            "Heading_b",
            Some(NORMAL),
            Some(NORMAL),
            r#"<w:keepNext/><w:spacing w:before="160"/>"#,
            r#"<w:b/><w:bCs/>"#,
        ),
        style_p(
            TITLE,
            "Title 1",
            Some(NORMAL),
            Some(NORMAL),
            r#"<w:spacing w:before="240"/><w:jc w:val="center"/>"#,
            r#"<w:caps/><w:sz w:val="28"/><w:szCs w:val="28"/>"#,
        ),
        style_p(
            SOURCE,
            "Source",
            Some(NORMAL),
            Some(NORMAL),
            r#"<w:spacing w:before="360"/><w:jc w:val="center"/>"#,
            r#"<w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/>"#,
        ),
        style_p(
            ENUMLEV[0],
            "enumlev1",
            Some(NORMAL),
            None,
            &format!(r#"<w:spacing w:before="80"/><w:ind w:left="{t1}" w:hanging="{t1}"/>"#),
            "",
        ),
        style_p(
            ENUMLEV[1],
            "enumlev2",
            Some(ENUMLEV[0]),
            None,
            &format!(
                r#"<w:ind w:left="{t2}" w:hanging="{}"/>"#,
                t2.saturating_sub(t1)
            ),
            "",
        ),
        style_p(
            HEADER,
            "header",
            Some(NORMAL),
            None,
            r#"<w:spacing w:before="0"/><w:jc w:val="center"/>"#,
            r#"<w:sz w:val="18"/><w:szCs w:val="18"/>"#,
        ),
        style_p(
            FOOTER,
            "footer",
            Some(NORMAL),
            None,
            r#"<w:spacing w:before="0"/><w:jc w:val="center"/>"#,
            r#"<w:sz w:val="16"/><w:szCs w:val="16"/>"#,
        ),
    ];
    for p in &paragraph_styles {
        s.push_str(p);
    }
    s.push_str(concat!(
        r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#,
        r#"<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="0000FF"/><w:u w:val="single"/></w:rPr></w:style>"#,
        r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#,
        r#"</w:styles>"#
    ));
    s.into_bytes()
}

fn style_p(
    id: &str,
    name: &str,
    based_on: Option<&str>,
    next: Option<&str>,
    p_pr: &str,
    r_pr: &str,
) -> String {
    let based_on = based_on
        .map(|b| format!(r#"<w:basedOn w:val="{b}"/>"#))
        .unwrap_or_default();
    let next = next
        .map(|n| format!(r#"<w:next w:val="{n}"/>"#))
        .unwrap_or_default();
    let r_pr = if r_pr.is_empty() {
        String::new()
    } else {
        format!("<w:rPr>{r_pr}</w:rPr>")
    };
    format!(
        r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/>{based_on}{next}<w:qFormat/><w:pPr>{p_pr}</w:pPr>{r_pr}</w:style>"#
    )
}
