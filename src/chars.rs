//! Characters that cannot go into a DOCX and the diagnostic that names them (E023). XML
//! 1.0 forbids the C0 controls even escaped; Word users paste them without seeing them:
//! U+000B is Word's manual line break, U+000C its page break. The C1 controls (U+0080 to
//! U+009F) are allowed by XML 1.0 but by nothing a reader sees: they come from text in
//! Windows-1252 read as Latin-1 (U+0093 where “ was meant), and Word shows them as boxes
//! or nothing, so they are refused the same way.

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
/// character is either an ASCII control byte or starts with 0xC2 (U+0080 to U+009F, but
/// also U+00A0 to U+00BF: a no-break space, «, », °) or 0xEF (U+FFFE, U+FFFF), so clean
/// text, nearly all text, is passed over without decoding a single char. Blocks
/// are read without an early exit inside, which the compiler turns into vector code.
pub fn may_hold_forbidden(text: &str) -> bool {
    text.as_bytes().chunks(256).any(|block| {
        block.iter().fold(false, |hit, &b| {
            let control = (b < b' ') & (b != b'\t') & (b != b'\n') & (b != b'\r');
            hit | control | (b == 0x7F) | (b == 0xC2) | (b == 0xEF)
        })
    })
}

/// C0 controls other than tab/LF/CR, DEL, the C1 controls, and the two non-characters
/// XML 1.0 forbids.
pub fn is_forbidden_char(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r'))
        || ('\u{7F}'..='\u{9F}').contains(&c)
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
    .help(if ('\u{80}'..='\u{9F}').contains(&c) {
        "replace it with the character meant; text saved as Windows-1252 and read as another encoding leaves these"
    } else {
        "delete it, or replace it with a space or a blank line between paragraphs"
    })
}

/// `control character U+000B (vertical tab, which Word uses for a manual line break)`;
/// a C1 control with the character its byte is in Windows-1252:
/// `control character U+0093 (“ in Windows-1252, read as Latin-1)`.
pub fn describe(c: char) -> String {
    let name = match c {
        '\u{0B}' => " (vertical tab, which Word uses for a manual line break)".to_owned(),
        '\u{0C}' => " (form feed, a page break pasted from Word)".to_owned(),
        '\0' => " (NUL)".to_owned(),
        '\u{1B}' => " (escape)".to_owned(),
        '\u{80}'..='\u{9F}' => {
            let byte = [c as u8];
            let (meant, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
            match meant.chars().next() {
                Some(m) if m != c => format!(" ({m} in Windows-1252, read as Latin-1)"),
                _ => String::new(),
            }
        }
        _ => String::new(),
    };
    format!("control character U+{:04X}{name}", c as u32)
}

/// A character a reader cannot see that changes what Word prints or finds (W010), with
/// its name; `None` for every other character. `before` and `after` are its neighbours:
/// the zero-width joiners shape Arabic and Indic letters and emoji, and are reported only
/// beside ASCII, where they have no work to do. Not reported: the no-break spaces U+00A0
/// and U+202F (French typography and `ITU-T Y.3071` kept on one line need them), the
/// other fixed-width spaces (visible as spaces), and the bidirectional marks, which an
/// Arabic report needs.
pub fn invisible(c: char, before: Option<char>, after: Option<char>) -> Option<&'static str> {
    let beside_ascii =
        || before.is_some_and(|b| b.is_ascii()) || after.is_some_and(|a| a.is_ascii());
    Some(match c {
        '\u{00AD}' => "soft hyphen",
        '\u{180E}' => "Mongolian vowel separator",
        '\u{200B}' => "zero width space",
        '\u{200C}' if beside_ascii() => "zero width non-joiner",
        '\u{200D}' if beside_ascii() => "zero width joiner",
        '\u{2028}' => "line separator",
        '\u{2029}' => "paragraph separator",
        '\u{2060}' => "word joiner",
        '\u{2061}'..='\u{2064}' => "invisible mathematical operator",
        '\u{FEFF}' => "byte-order mark",
        _ => return None,
    })
}

/// A byte-level screen for [`invisible`]: false means none is present. Each starts with
/// 0xC2 (U+00AD), 0xE1 (U+180E), 0xE2 (U+2000 to U+2FFF) or 0xEF (U+FEFF).
pub fn may_hold_invisible(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr3(0xC2, 0xE2, 0xEF, bytes).is_some() || memchr::memchr(0xE1, bytes).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_and_the_joiners_where_they_work() {
        assert_eq!(
            invisible('\u{200B}', Some('a'), Some('b')),
            Some("zero width space")
        );
        assert_eq!(invisible('\u{AD}', None, None), Some("soft hyphen"));
        assert_eq!(
            invisible('\u{200D}', Some('a'), Some('b')),
            Some("zero width joiner")
        );
        // Between Arabic letters a joiner shapes the text.
        assert_eq!(
            invisible('\u{200D}', Some('\u{644}'), Some('\u{627}')),
            None
        );
        for seen in ['\u{A0}', '\u{202F}', '\u{200F}', ' ', 'a'] {
            assert_eq!(invisible(seen, Some('a'), Some('b')), None, "{seen:?}");
        }
        assert!(!may_hold_invisible("plain ASCII"));
        assert!(may_hold_invisible("a\u{FEFF}b"));
    }

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
            "\u{80}",
            "\u{9F}",
            "no-break\u{A0}space « » ¿",
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
        assert!(is_forbidden_char('\u{85}') && !is_forbidden_char('\u{A0}'));
        for text in &texts {
            let exact = text.chars().any(is_forbidden_char);
            assert!(!exact || may_hold_forbidden(text), "{text:?}");
        }
        for clean in ["", "a", "tab\tnew\nline\r\n", "ITU‑T “quoted”"] {
            assert!(!may_hold_forbidden(clean), "{clean:?}");
        }
    }

    #[test]
    fn c1_controls_name_the_character_meant() {
        assert_eq!(
            describe('\u{93}'),
            "control character U+0093 (“ in Windows-1252, read as Latin-1)"
        );
        assert_eq!(describe('\u{81}'), "control character U+0081");
    }
}
