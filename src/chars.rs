//! Characters that cannot go into a DOCX (XML 1.0 forbids them, even escaped) and the
//! diagnostic that names them. Word users paste them without seeing them: U+000B is
//! Word's manual line break, U+000C its page break.

use std::ops::Range;

use crate::diag::{Code, Diagnostic, FileId};

/// Characters that TOML and DOCX cannot carry, with their byte offsets. Tab, line feed and
/// carriage return are ordinary whitespace.
pub fn control_characters(text: &str) -> Vec<(usize, char)> {
    if !may_hold_forbidden(text) {
        return Vec::new();
    }
    text.char_indices()
        .filter(|&(_, c)| is_forbidden_char(c))
        .collect()
}

/// A byte-level screen: false means no forbidden character is present. Every forbidden
/// character is either an ASCII control byte or starts with 0xEF (U+FFFE, U+FFFF), so
/// clean text, nearly all text, is passed over without decoding a single char. Blocks
/// are read without an early exit inside, which the compiler turns into vector code.
pub fn may_hold_forbidden(text: &str) -> bool {
    text.as_bytes().chunks(256).any(|block| {
        block.iter().fold(false, |hit, &b| {
            let control = (b < b' ') & (b != b'\t') & (b != b'\n') & (b != b'\r');
            hit | control | (b == 0x7F) | (b == 0xEF)
        })
    })
}

/// C0 controls other than tab/LF/CR, DEL, and the two non-characters XML 1.0 forbids.
pub fn is_forbidden_char(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r'))
        || c == '\u{7F}'
        || c == '\u{FFFE}'
        || c == '\u{FFFF}'
}

pub fn control_character(file: FileId, span: Range<usize>, c: char) -> Diagnostic {
    Diagnostic::new(
        Code::ControlCharacter,
        format!("{} cannot go into a document", describe(c)),
    )
    .at(file, span)
    .label("here")
    .help("delete it, or replace it with a space or a blank line between paragraphs")
}

/// `control character U+000B (vertical tab, which Word uses for a manual line break)`
pub fn describe(c: char) -> String {
    let name = match c {
        '\u{0B}' => " (vertical tab, which Word uses for a manual line break)",
        '\u{0C}' => " (form feed, a page break pasted from Word)",
        '\0' => " (NUL)",
        '\u{1B}' => " (escape)",
        _ => "",
    };
    format!("control character U+{:04X}{name}", c as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_screen_never_misses_a_forbidden_character() {
        let long = "mot ".repeat(200);
        let mut texts: Vec<String> = [
            "",
            "a",
            "tab\tnew\nline\r\n",
            "ITU‑T “quoted”",
            "\u{0B}",
            "\0",
            "\u{7F}",
            "\u{FFFE}",
            "\u{FFFF}",
            "\u{FEFF}",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        // A control character on each side of a 256-byte block boundary.
        for at in [255, 256, 257, 511] {
            let mut s = long.clone();
            s.replace_range(at..at + 1, "\u{0C}");
            texts.push(s);
        }
        texts.push(long);
        for text in &texts {
            let exact = text.chars().any(is_forbidden_char);
            assert!(!exact || may_hold_forbidden(text), "{text:?}");
        }
        for clean in ["", "a", "tab\tnew\nline\r\n", "ITU‑T “quoted”"] {
            assert!(!may_hold_forbidden(clean), "{clean:?}");
        }
    }
}
