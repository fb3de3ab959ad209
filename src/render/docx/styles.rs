//! `word/styles.xml`: the named Council styles (COUNCIL-FORMAT.md, "Styles"), written
//! here rather than through docx-rs, which has no `w:lang` or `w:caps` on styles. Every
//! style is a real named style, so a secretariat can restyle the document in Word.

use super::xml::escape;
use crate::locale::Language;
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

/// The fonts of a document in `language`: Latin (`w:ascii`, `w:hAnsi`), East Asian
/// (`w:eastAsia`) and complex-script (`w:cs`). Chinese takes its East Asian font from
/// `fonts.C` (SimSun), Arabic its complex-script font from `fonts.A` (Traditional
/// Arabic); a Latin or Cyrillic language its `fonts` entry, if any, for everything.
pub(crate) struct Fonts<'a> {
    pub latin: &'a str,
    pub east_asia: &'a str,
    pub complex: &'a str,
}

pub(crate) fn fonts_of(layout: &Layout, language: Language) -> Fonts<'_> {
    let own = layout.font_of(language);
    match language {
        Language::C => Fonts {
            latin: &layout.font,
            east_asia: own,
            complex: &layout.font,
        },
        Language::A => Fonts {
            latin: &layout.font,
            east_asia: &layout.font,
            complex: own,
        },
        _ => Fonts {
            latin: own,
            east_asia: own,
            complex: own,
        },
    }
}

/// The fonts the styles name, for the font table.
pub(crate) fn fonts(layout: &Layout, language: Language) -> Vec<&str> {
    let f = fonts_of(layout, language);
    vec![f.latin, f.east_asia, f.complex]
}

/// `w:lang` of the document defaults and Normal: the language of Latin text, of East
/// Asian text and of complex-script text. In Arabic and Chinese documents the Latin text
/// (Recommendation ids, names) is English.
fn lang(language: Language) -> String {
    let latin = match language {
        Language::A | Language::C => Language::E.tag(),
        other => other.tag(),
    };
    let east_asia = if language == Language::C {
        Language::C.tag()
    } else {
        "en-US"
    };
    format!(r#"<w:lang w:val="{latin}" w:eastAsia="{east_asia}" w:bidi="ar-SA"/>"#)
}

/// The first and second tab stops: the hanging indent of headings and list levels.
pub(crate) fn indents(layout: &Layout) -> (u32, u32) {
    let first = layout.tab_stops.first().copied().unwrap_or(567);
    let second = layout.tab_stops.get(1).copied().unwrap_or(first * 2);
    (first, second)
}

/// The whole styles part.
pub(crate) fn styles_xml(layout: &Layout, language: Language) -> Vec<u8> {
    let f = fonts_of(layout, language);
    let fonts = format!(
        r#"<w:rFonts w:ascii="{l}" w:eastAsia="{e}" w:hAnsi="{l}" w:cs="{c}"/>"#,
        l = escape(f.latin),
        e = escape(f.east_asia),
        c = escape(f.complex)
    );
    let default_lang = lang(language);
    // Normal names the language of the text; Arabic and Chinese documents also their
    // scripts' languages.
    let lang = match language {
        Language::A | Language::C => default_lang.clone(),
        other => format!(r#"<w:lang w:val="{}"/>"#, other.tag()),
    };
    // Chinese: Word's East Asian line breaking (no line starts with a closing mark, none
    // ends with an opening one: `w:kinsoku`, with the lists in settings.xml), punctuation
    // hanging in the margin and automatic space between Chinese and Latin text and digits.
    // Arabic: right to left (paragraphs say it too, and the section).
    let script_ppr = match language {
        Language::C => r#"<w:kinsoku/><w:overflowPunct/><w:autoSpaceDE/><w:autoSpaceDN/>"#,
        Language::A => r#"<w:bidi/>"#,
        _ => "",
    };
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
            "{fonts}",
            r#"<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>"#,
            "{lang}",
            r#"</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"#,
            r#"<w:spacing w:before="120" w:after="0" w:line="240" w:lineRule="auto"/>"#,
            r#"</w:pPr></w:pPrDefault></w:docDefaults>"#
        ),
        fonts = fonts,
        lang = default_lang,
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
                r#"<w:pPr>{tabs}{script_ppr}<w:spacing w:before="120" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>"#,
                r#"<w:rPr>{fonts}<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>{lang}</w:rPr></w:style>"#
            ),
            tabs = tabs,
            script_ppr = script_ppr,
            fonts = fonts,
            lang = lang,
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
