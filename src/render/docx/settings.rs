//! `word/settings.xml`: what a document written by Word 2013 or later says about itself,
//! and nothing more. docx-rs 0.4.22 always adds six East Asian layout compatibility
//! options (`useFELayout`, `balanceSingleByteDoubleByteWidth`, …), which change how Word
//! lays out text no Council document asked to be laid out that way; hence this part is ours.

use super::xml::Xml;

pub(crate) const PATH: &str = "word/settings.xml";
pub(crate) const CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml";
pub(crate) const REL_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings";

/// The tab stop interval after the styles' own stops, in twips (as docx-rs wrote it, so the
/// layout of existing documents is unchanged).
const DEFAULT_TAB_STOP: &str = "840";

/// Word's line-breaking rules for Simplified Chinese (its "kinsoku" lists, as Word
/// writes them for zh-CN): no line ends with one of the first characters, none starts
/// with one of the second.
const ZH_NO_BREAK_AFTER: &str = "$([{£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥";
const ZH_NO_BREAK_BEFORE: &str = "!%),.:;>?]}¢¨°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｝～￠";

/// The settings part (CT_Settings order: zoom, defaultTabStop, characterSpacingControl,
/// noLineBreaksAfter, noLineBreaksBefore, compat). A Chinese document gets the East
/// Asian line breaking and punctuation compression of Word's Chinese documents.
pub(crate) fn settings_xml(language: crate::locale::Language) -> Vec<u8> {
    let mut x = Xml::part();
    x.element(
        "w:settings",
        &[(
            "xmlns:w",
            "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        )],
        |x| {
            x.empty("w:zoom", &[("w:percent", "100")]);
            x.empty("w:defaultTabStop", &[("w:val", DEFAULT_TAB_STOP)]);
            if language.is_east_asian() {
                let tag = language.tag();
                x.empty(
                    "w:characterSpacingControl",
                    &[("w:val", "compressPunctuation")],
                );
                x.empty(
                    "w:noLineBreaksAfter",
                    &[("w:lang", tag), ("w:val", ZH_NO_BREAK_AFTER)],
                );
                x.empty(
                    "w:noLineBreaksBefore",
                    &[("w:lang", tag), ("w:val", ZH_NO_BREAK_BEFORE)],
                );
            }
            // The layout rules of Word 2013 and later (compatibility mode 15), with the
            // options a new Word document carries; without them Word opens the file in
            // compatibility mode.
            x.element("w:compat", &[], |x| {
                for (name, val) in [
                    ("compatibilityMode", "15"),
                    ("overrideTableStyleFontSizeAndJustification", "1"),
                    ("enableOpenTypeFeatures", "1"),
                    ("doNotFlipMirrorIndents", "1"),
                    ("differentiateMultirowTableHeaders", "1"),
                ] {
                    x.empty(
                        "w:compatSetting",
                        &[
                            ("w:name", name),
                            ("w:uri", "http://schemas.microsoft.com/office/word"),
                            ("w:val", val),
                        ],
                    );
                }
            });
        },
    );
    x.into_bytes()
}
