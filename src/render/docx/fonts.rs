//! `word/fontTable.xml`: the fonts the document names, so a client without them picks a
//! close substitute. docx-rs 0.4.22 writes a fixed table (Times New Roman, Symbol, Arial)
//! whatever the document uses; this one lists what the styles name.

use super::xml::Xml;

pub(crate) const PATH: &str = "word/fontTable.xml";
pub(crate) const CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml";
pub(crate) const REL_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable";

/// What Word records of the fonts a Council document is likely to use: PANOSE class,
/// family. Other fonts are listed by name only, which is valid and enough for a client to
/// substitute by name.
const KNOWN: &[(&str, &str, &str)] = &[
    ("Calibri", "020F0502020204030204", "swiss"),
    ("Arial", "020B0604020202020204", "swiss"),
    ("Times New Roman", "02020603050405020304", "roman"),
    ("Cambria", "02040503050406030204", "roman"),
];

/// The font table of the fonts named in the document (each once, in the order given).
pub(crate) fn font_table_xml(fonts: &[&str]) -> Vec<u8> {
    let mut x = Xml::part();
    x.element(
        "w:fonts",
        &[(
            "xmlns:w",
            "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        )],
        |x| {
            for (i, name) in fonts.iter().enumerate() {
                if fonts[..i].contains(name) {
                    continue;
                }
                match KNOWN.iter().find(|(known, ..)| known == name) {
                    // CT_Font: panose1, charset, family, pitch.
                    Some((_, panose, family)) => x.element("w:font", &[("w:name", name)], |x| {
                        x.empty("w:panose1", &[("w:val", panose)]);
                        x.empty("w:charset", &[("w:val", "00")]);
                        x.empty("w:family", &[("w:val", family)]);
                        x.empty("w:pitch", &[("w:val", "variable")]);
                    }),
                    None => x.empty("w:font", &[("w:name", name)]),
                }
            }
        },
    );
    x.into_bytes()
}
