//! From a byte offset in a decoded TOML string to the byte offset in the file.
//!
//! toml gives the span of a whole string value, quotes included. Rules that look inside a
//! text (a straight quote, a bad link) find offsets in the decoded string; escapes
//! (`\"`, `\u00E9`), line-ending backslashes and the newline after `"""` shift those
//! from the file. This walks the literal as TOML defines it and maps offsets back. When
//! the walk disagrees with the decoded value (it never should), it falls back to the whole
//! value's span, so a diagnostic may be less precise but is never wrong or out of range.

use std::ops::Range;

/// The file range of `range` in the decoded `value` of the literal at `span` of `src`.
pub fn locate(src: &str, span: &Range<usize>, value: &str, range: Range<usize>) -> Range<usize> {
    match map_offsets(src, span, value, &[range.start, range.end]) {
        Some(v) if v.len() == 2 => v[0]..v[1].max(v[0]),
        _ => span.clone(),
    }
}

/// Maps ascending decoded offsets to file offsets; `None` if the literal cannot be walked.
fn map_offsets(
    src: &str,
    span: &Range<usize>,
    value: &str,
    wanted: &[usize],
) -> Option<Vec<usize>> {
    let raw = src.get(span.clone())?;
    let (delim, basic, multiline) = if raw.starts_with("\"\"\"") {
        ("\"\"\"", true, true)
    } else if raw.starts_with("'''") {
        ("'''", false, true)
    } else if raw.starts_with('"') {
        ("\"", true, false)
    } else if raw.starts_with('\'') {
        ("'", false, false)
    } else {
        return None;
    };
    // Slicing `src` goes through `get`, so a span that does not fit gives `None` (the whole
    // value's span); `bytes[s]` is read only while `s < end <= src.len()`, and `value[v..]`
    // only while `v < value.len()`, `v` moving past whole chars matched in `value`.
    let mut s = span.start + delim.len();
    if multiline {
        if src.get(s..)?.starts_with("\r\n") {
            s += 2;
        } else if src.get(s..)?.starts_with('\n') {
            s += 1;
        }
    }
    let end = span.end.checked_sub(delim.len())?.min(src.len());
    let bytes = src.as_bytes();
    let mut v = 0usize; // offset in the decoded value
    let mut out = Vec::with_capacity(wanted.len());
    let mut next = wanted.iter().peekable();
    loop {
        while let Some(&&w) = next.peek() {
            if w > v {
                break;
            }
            out.push(s);
            next.next();
        }
        if next.peek().is_none() {
            return Some(out);
        }
        if s >= end || v >= value.len() {
            // Offsets at or past the end of the value map to the end of the literal.
            out.extend(next.map(|_| s.min(end)));
            return Some(out);
        }
        if basic && bytes[s] == b'\\' {
            let c = *bytes.get(s + 1)?;
            let (src_len, decoded): (usize, Option<char>) = match c {
                b'b' => (2, Some('\u{8}')),
                b't' => (2, Some('\t')),
                b'n' => (2, Some('\n')),
                b'f' => (2, Some('\u{C}')),
                b'r' => (2, Some('\r')),
                b'e' => (2, Some('\u{1B}')),
                b'"' => (2, Some('"')),
                b'\\' => (2, Some('\\')),
                b'x' => (4, hex(src.get(s + 2..s + 4)?)),
                b'u' => (6, hex(src.get(s + 2..s + 6)?)),
                b'U' => (10, hex(src.get(s + 2..s + 10)?)),
                _ if multiline => {
                    // A line-ending backslash swallows the newline and following whitespace.
                    let rest = src.get(s + 1..end)?;
                    let skip = rest.len() - rest.trim_start_matches([' ', '\t', '\r', '\n']).len();
                    s += 1 + skip;
                    continue;
                }
                _ => return None,
            };
            let ch = decoded?;
            if !value[v..].starts_with(ch) {
                return None;
            }
            s += src_len;
            v += ch.len_utf8();
            continue;
        }
        if multiline && src.get(s..)?.starts_with("\r\n") && value[v..].starts_with('\n') {
            // A parser may normalise CRLF inside multi-line strings.
            s += 2;
            v += 1;
            continue;
        }
        let ch = src.get(s..)?.chars().next()?;
        if !value[v..].starts_with(ch) {
            return None;
        }
        s += ch.len_utf8();
        v += ch.len_utf8();
    }
}

fn hex(digits: &str) -> Option<char> {
    char::from_u32(u32::from_str_radix(digits, 16).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Finds `needle` in the decoded value of the literal at the end of `src` and returns
    /// the file text the mapped range covers.
    fn find(src: &str, value: &str, needle: &str) -> String {
        let start = src.find(['"', '\'']).unwrap();
        let span = start..src.trim_end().len();
        let at = value.find(needle).unwrap();
        let r = locate(src, &span, value, at..at + needle.len());
        src[r].to_owned()
    }

    #[test]
    fn plain_and_escaped_strings() {
        assert_eq!(find("t = \"a 'x' b\"", "a 'x' b", "'x'"), "'x'");
        assert_eq!(
            find("t = \"a \\\"q\\\" b 'x'\"", "a \"q\" b 'x'", "'x'"),
            "'x'"
        );
        assert_eq!(find("t = \"caf\\u00E9 'x'\"", "café 'x'", "'x'"), "'x'");
        assert_eq!(find("t = \"caf\\u00E9 'x'\"", "café 'x'", "é"), "\\u00E9");
        assert_eq!(
            find("t = 'lit \\n \"x\"'", "lit \\n \"x\"", "\"x\""),
            "\"x\""
        );
    }

    #[test]
    fn multiline_strings() {
        let src = "t = \"\"\"\nline one\nline \\\n   two \"x\"\n\"\"\"";
        assert_eq!(find(src, "line one\nline two \"x\"\n", "\"x\""), "\"x\"");
        let crlf = "t = \"\"\"\r\nab\r\n\"x\"\"\"\"";
        assert_eq!(find(crlf, "ab\n\"x\"", "\"x\""), "\"x\"");
        let lit = "t = '''\nab \"x\"'''";
        assert_eq!(find(lit, "ab \"x\"", "\"x\""), "\"x\"");
    }

    #[test]
    fn disagreement_falls_back_to_the_whole_value() {
        let src = "t = \"abc\"";
        assert_eq!(locate(src, &(4..9), "xyz", 1..2), 4..9);
        assert_eq!(locate(src, &(4..99), "abc", 1..2), 4..99);
    }
}
