//! Puts the children of WordprocessingML elements into the order the ECMA-376 schema
//! requires (its `xsd:sequence`s), for the elements docx-rs 0.4.22 gets wrong.
//!
//! docx-rs writes, among others: `rPr` before `jc` inside `pPr`, `rPr` before `pPr`
//! inside a `style`, `headerReference` after `pgSz` inside `sectPr`, `zoom` after
//! `defaultTabStop` in `settings`, and `rPr` before `pPr` in numbering levels. Word and
//! LibreOffice open such files, but schema validators (and the Open XML SDK) reject them.
//!
//! Upstream: each sequence below is what docx-rs's `build_to` implementations should
//! follow (`ParagraphProperty`, `RunProperty`, `Style`, `SectionProperty`, `Settings`,
//! `Level`, `TableProperty`, `TableCellProperty`); reordering the builder calls there
//! would make this module unnecessary.
//!
//! Two more schema fixes live here because they are of the same kind: docx-rs writes
//! `w:type` on `w:gridCol` (CT_TblGridCol has only `w:w`), and an `rPr` inside the
//! `pPr` of numbering levels (CT_PPrGeneral has no `rPr`; the level's own `rPr` is the
//! place for it). [`conform`] applies everything.
//!
//! Only the `w:` prefix is recognised (docx-rs always writes it). A child whose name is
//! not in the sequence stays right after the child before it; non-element nodes too.

use super::xml::{Node, walk_mut};

/// CT_PPr (EG_PPrBase + rPr, sectPr, pPrChange).
#[rustfmt::skip]
const P_PR: &[&str] = &[
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap",
    "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
    "cnfStyle", "rPr", "sectPr", "pPrChange",
];

/// CT_RPr / CT_ParaRPr (EG_RPrBase with the revision marks around it).
#[rustfmt::skip]
const R_PR: &[&str] = &[
    "ins", "del", "moveFrom", "moveTo", "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps",
    "smallCaps", "strike", "dstrike", "outline", "shadow", "emboss", "imprint", "noProof",
    "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz",
    "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
    "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange",
];

/// CT_Style.
#[rustfmt::skip]
const STYLE: &[&str] = &[
    "name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority",
    "semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose",
    "personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr",
];

/// CT_SectPr; header and footer references are one choice group, so they share a rank.
#[rustfmt::skip]
const SECT_PR: &[&str] = &[
    "headerReference|footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
    "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign",
    "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings",
    "sectPrChange",
];

/// CT_Settings (the elements before `compat` and a few after; extensions such as
/// `w14:docId` and `w15:*` are not `w:` and stay where they are, after their predecessor).
#[rustfmt::skip]
const SETTINGS: &[&str] = &[
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
    "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
    "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop",
    "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle", "proofState",
    "formsDesign", "attachedTemplate", "linkStyles", "stylePaneFormatFilter",
    "stylePaneSortMethod", "documentType", "mailMerge", "revisionView", "trackRevisions",
    "doNotTrackMoves", "doNotTrackFormatting", "documentProtection", "autoFormatOverride",
    "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation",
    "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope",
    "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders",
    "bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning",
    "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars", "noLineBreaksAfter",
    "noLineBreaksBefore", "savePreviewPicture", "doNotValidateAgainstSchema", "saveInvalidXml",
    "ignoreMixedContent", "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml",
    "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags",
    "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr",
    "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang",
    "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
    "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary",
    "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
];

/// CT_Lvl (numbering levels).
#[rustfmt::skip]
const LVL: &[&str] = &[
    "start", "numFmt", "lvlRestart", "pStyle", "isLgl", "suff", "lvlText", "lvlPicBulletId",
    "legacy", "lvlJc", "pPr", "rPr",
];

/// CT_TblPr.
#[rustfmt::skip]
const TBL_PR: &[&str] = &[
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
    "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
    "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription", "tblPrChange",
];

/// CT_TcPr.
#[rustfmt::skip]
const TC_PR: &[&str] = &[
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel",
    "cellMerge", "tcPrChange",
];

/// CT_TblBorders, CT_TcBorders, CT_TblCellMar, CT_TcMar.
#[rustfmt::skip]
const BORDERS: &[&str] = &[
    "top", "left|start", "bottom", "right|end", "insideH", "insideV", "tl2br", "tr2bl",
];
const MARGINS: &[&str] = &["top", "left|start", "bottom", "right|end"];

/// The element whose children are ordered, and the sequence they follow.
const RULES: &[(&str, &[&str])] = &[
    ("w:pPr", P_PR),
    ("w:rPr", R_PR),
    ("w:style", STYLE),
    ("w:sectPr", SECT_PR),
    ("w:settings", SETTINGS),
    ("w:lvl", LVL),
    ("w:tblPr", TBL_PR),
    ("w:tcPr", TC_PR),
    ("w:tblBorders", BORDERS),
    ("w:tcBorders", BORDERS),
    ("w:tblCellMar", MARGINS),
    ("w:tcMar", MARGINS),
];

/// Makes a part schema-conformant where docx-rs is known not to be: the fixes above,
/// then [`reorder`].
pub(crate) fn conform(nodes: &mut [Node]) {
    walk_mut(nodes, &mut |node| {
        let Node::Element { start, children } = node else {
            return;
        };
        match start.name().into_inner() {
            b"w:gridCol" => remove_attr(start, b"w:type"),
            b"w:lvl" | b"w:style" | b"w:pPrDefault" => lift_paragraph_mark_rpr(children),
            _ => {}
        }
    });
    reorder(nodes);
}

fn remove_attr(start: &mut quick_xml::events::BytesStart<'static>, key: &[u8]) {
    let kept: Vec<(Vec<u8>, Vec<u8>)> = start
        .attributes()
        .flatten()
        .filter(|a| a.key.into_inner() != key)
        .map(|a| (a.key.into_inner().to_vec(), a.value.into_owned()))
        .collect();
    start.clear_attributes();
    for (k, v) in kept {
        start.push_attribute(quick_xml::events::attributes::Attribute {
            key: quick_xml::name::QName(&k),
            value: v.into(),
        });
    }
}

/// Takes `rPr` out of the `pPr` child (CT_PPrGeneral has none); a non-empty one becomes
/// the parent's `rPr` unless the parent has one already.
fn lift_paragraph_mark_rpr(children: &mut Vec<Node>) {
    let mut lifted = Vec::new();
    for child in children.iter_mut() {
        if let Node::Element {
            start,
            children: inner,
        } = child
            && start.name().into_inner() == b"w:pPr"
        {
            let (rpr, rest): (Vec<Node>, Vec<Node>) = std::mem::take(inner)
                .into_iter()
                .partition(|n| n.name() == Some(b"w:rPr"));
            *inner = rest;
            lifted.extend(rpr);
        }
    }
    let has_rpr = children.iter().any(|n| n.name() == Some(b"w:rPr"));
    if !has_rpr
        && let Some(rpr) = lifted
            .into_iter()
            .find(|n| matches!(n, Node::Element { children, .. } if !children.is_empty()))
    {
        children.push(rpr);
    }
}

/// Reorders, in place, the children of every element that has a rule.
pub(crate) fn reorder(nodes: &mut [Node]) {
    walk_mut(nodes, &mut |node| {
        let Node::Element { start, children } = node else {
            return;
        };
        let name = start.name();
        let Some((_, sequence)) = RULES
            .iter()
            .find(|(n, _)| n.as_bytes() == name.into_inner())
        else {
            return;
        };
        sort_children(children, sequence);
    });
}

/// Stable sort by rank in `sequence`; unknown children keep the rank of their predecessor.
fn sort_children(children: &mut Vec<Node>, sequence: &[&str]) {
    let mut rank = 0;
    let mut keyed: Vec<(usize, Node)> = std::mem::take(children)
        .into_iter()
        .map(|child| {
            if let Some(r) = child.name().and_then(|n| rank_of(n, sequence)) {
                rank = r;
            }
            (rank, child)
        })
        .collect();
    keyed.sort_by_key(|(rank, _)| *rank);
    *children = keyed.into_iter().map(|(_, child)| child).collect();
}

fn rank_of(name: &[u8], sequence: &[&str]) -> Option<usize> {
    let local = name.strip_prefix(b"w:")?;
    sequence
        .iter()
        .position(|alts| alts.split('|').any(|alt| alt.as_bytes() == local))
}

#[cfg(test)]
mod tests {
    use super::super::xml::{parse, write};
    use super::*;

    fn fix(xml: &str) -> String {
        let mut nodes = parse(xml.as_bytes()).unwrap();
        reorder(&mut nodes);
        String::from_utf8(write(&nodes)).unwrap()
    }

    #[test]
    fn paragraph_properties() {
        assert_eq!(
            fix(
                r#"<w:pPr><w:rPr><w:b/></w:rPr><w:jc w:val="center"/><w:pStyle w:val="X"/></w:pPr>"#
            ),
            r#"<w:pPr><w:pStyle w:val="X"/><w:jc w:val="center"/><w:rPr><w:b/></w:rPr></w:pPr>"#
        );
    }

    #[test]
    fn run_properties_inside_paragraph_properties() {
        assert_eq!(
            fix(r#"<w:pPr><w:rPr><w:sz w:val="24"/><w:b/></w:rPr><w:spacing/></w:pPr>"#),
            r#"<w:pPr><w:spacing/><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:pPr>"#
        );
    }

    #[test]
    fn style_and_section() {
        assert_eq!(
            fix(r#"<w:style><w:rPr/><w:pPr/><w:basedOn/><w:name/></w:style>"#),
            r#"<w:style><w:name/><w:basedOn/><w:pPr/><w:rPr/></w:style>"#
        );
        assert_eq!(
            fix(
                r#"<w:sectPr><w:pgSz/><w:pgMar/><w:headerReference w:type="default"/><w:titlePg/><w:footerReference w:type="first"/><w:headerReference w:type="first"/></w:sectPr>"#
            ),
            r#"<w:sectPr><w:headerReference w:type="default"/><w:footerReference w:type="first"/><w:headerReference w:type="first"/><w:pgSz/><w:pgMar/><w:titlePg/></w:sectPr>"#
        );
    }

    #[test]
    fn settings_and_levels() {
        assert_eq!(
            fix(r#"<w:settings><w:defaultTabStop/><w:zoom/><w:compat/><w15:docId/></w:settings>"#),
            r#"<w:settings><w:zoom/><w:defaultTabStop/><w:compat/><w15:docId/></w:settings>"#
        );
        assert_eq!(
            fix(r#"<w:lvl><w:rPr/><w:pPr/><w:start/></w:lvl>"#),
            r#"<w:lvl><w:start/><w:pPr/><w:rPr/></w:lvl>"#
        );
    }

    #[test]
    fn unknown_children_travel_with_their_predecessor() {
        assert_eq!(
            fix(r#"<w:pPr><w:jc/><x:ext/><w:spacing/></w:pPr>"#),
            r#"<w:pPr><w:spacing/><w:jc/><x:ext/></w:pPr>"#
        );
    }

    fn conformed(xml: &str) -> String {
        let mut nodes = parse(xml.as_bytes()).unwrap();
        conform(&mut nodes);
        String::from_utf8(write(&nodes)).unwrap()
    }

    #[test]
    fn numbering_level_paragraph_mark_properties() {
        assert_eq!(
            conformed(r#"<w:lvl><w:pPr><w:ind/><w:rPr/></w:pPr><w:rPr/><w:start/></w:lvl>"#),
            r#"<w:lvl><w:start/><w:pPr><w:ind/></w:pPr><w:rPr/></w:lvl>"#
        );
        assert_eq!(
            conformed(r#"<w:lvl><w:pPr><w:rPr><w:b/></w:rPr><w:ind/></w:pPr></w:lvl>"#),
            r#"<w:lvl><w:pPr><w:ind/></w:pPr><w:rPr><w:b/></w:rPr></w:lvl>"#
        );
    }

    #[test]
    fn grid_columns_lose_their_type() {
        assert_eq!(
            conformed(r#"<w:tblGrid><w:gridCol w:w="6237" w:type="dxa"/></w:tblGrid>"#),
            r#"<w:tblGrid><w:gridCol w:w="6237"/></w:tblGrid>"#
        );
    }

    #[test]
    fn paragraph_mark_run_properties_stay_in_paragraphs() {
        let xml = r#"<w:p><w:pPr><w:pStyle/><w:rPr/></w:pPr></w:p>"#;
        assert_eq!(conformed(xml), xml);
    }

    #[test]
    fn leaves_other_elements_alone() {
        let xml = r#"<w:p><w:r/><w:pPr/></w:p>"#;
        assert_eq!(fix(xml), xml);
    }
}
