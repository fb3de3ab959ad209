//! The typography slips of a text value, one scanner each: straight quotes (W002), runs
//! of spaces (W003), spaces at a line's end (W004) and TABs inside a line (W010). `check`
//! reports what a scanner finds (the first place, with a count of the others) and
//! `fmt --fix` rewrites exactly those places, so a slip `check` reports is one the fix
//! clears and the fix changes nothing `check` does not report.
//!
//! Every rule reads a value line by line: a line's indentation (spaces and TABs before
//! its first visible character, a nested bullet) is never a slip. A line holding only
//! spaces is all trailing spaces: a blank line to the reader, and what an editor's "trim
//! trailing whitespace" empties. Quotes in addresses and code (see
//! [`crate::markup::literal_ranges`]) and backslash-escaped ones are left as they are.

use std::ops::Range;

use crate::locale::Language;

/// Each line of `text`: its offset, its text without the line end, the end of its
/// indentation and the end of its content (before trailing spaces and TABs), both
/// relative to the line.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str, usize, usize)> {
    text.split_inclusive('\n').scan(0, |start, line| {
        let at = *start;
        *start += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let content = body.trim_end_matches([' ', '\t']).len();
        let indent = content - body[..content].trim_start_matches([' ', '\t']).len();
        Some((at, body, indent, content))
    })
}

/// W002: the offsets of the straight quotes (`"` and `'`) outside addresses and code,
/// and not escaped: Markdown prints `\"` as it is, so a backslash says the author wants
/// the straight quote.
pub fn straight_quotes(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    if memchr::memchr2(b'"', b'\'', bytes).is_none() {
        return Vec::new();
    }
    let literal = crate::markup::literal_ranges(text);
    let escaped = |at: usize| {
        let backslashes = bytes[..at]
            .iter()
            .rev()
            .take_while(|&&b| b == b'\\')
            .count();
        backslashes % 2 == 1
    };
    memchr::memchr2_iter(b'"', b'\'', bytes)
        .filter(|&at| !escaped(at) && !literal.iter().any(|r| r.contains(&at)))
        .collect()
}

/// W003: runs of two or more spaces after a line's first visible character.
pub fn double_spaces(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (at, body, indent, content) in lines(text) {
        let b = &body.as_bytes()[..content];
        let mut i = indent;
        while i + 1 < b.len() {
            if b[i] == b' ' && b[i + 1] == b' ' {
                let run = b[i..].iter().take_while(|&&c| c == b' ').count();
                out.push(at + i..at + i + run);
                i += run;
            } else {
                i += 1;
            }
        }
    }
    out
}

/// W004: spaces or TABs before a line break or at the very end, a line of nothing else
/// included.
pub fn trailing_spaces(text: &str) -> Vec<Range<usize>> {
    lines(text)
        .filter(|&(_, body, _, content)| content < body.len())
        .map(|(at, body, _, content)| at + content..at + body.len())
        .collect()
}

/// W010: the offsets of TABs after a line's first visible character and before its last.
pub fn inner_tabs(text: &str) -> Vec<usize> {
    if memchr::memchr(b'\t', text.as_bytes()).is_none() {
        return Vec::new();
    }
    lines(text)
        .flat_map(|(at, body, indent, content)| {
            body[indent..content]
                .match_indices('\t')
                .map(move |(i, _)| at + indent + i)
        })
        .collect()
}

/// True when `bytes` may hold a double space or a space or tab at a line's end: the cheap
/// screen before the exact scans. It reads blocks without an early exit inside a block,
/// so the compiler turns the inner loop into vector instructions (a tenth of `check` was
/// spent here as a byte-pair loop).
pub fn may_have_space_faults(bytes: &[u8]) -> bool {
    if matches!(bytes.last(), Some(b' ' | b'\t')) {
        return true;
    }
    let (Some(firsts), Some(seconds)) =
        (bytes.get(..bytes.len().saturating_sub(1)), bytes.get(1..))
    else {
        return false;
    };
    firsts.chunks(256).zip(seconds.chunks(256)).any(|(a, b)| {
        a.iter().zip(b).fold(false, |hit, (&p, &q)| {
            let line_end = (q == b'\n') | (q == b'\r');
            hit | ((p == b' ') & ((q == b' ') | line_end)) | ((p == b'\t') & line_end)
        })
    })
}

/// The text with every slip the scanners find fixed, in an order where one fix cannot
/// leave a slip for a scanner already run: quotes first (a French closing mark takes the
/// space before it), then TABs to spaces, trailing spaces removed, and runs of spaces
/// (the TABs' among them) to one. The words stay the same words in the same order.
pub fn fix(text: &str, language: Language) -> String {
    let quoted = fix_quotes(text, &straight_quotes(text), language);
    let tabs = inner_tabs(&quoted);
    let spaced = replace(&quoted, tabs.iter().map(|&at| (at..at + 1, " ")));
    let trimmed = replace(
        &spaced,
        trailing_spaces(&spaced).into_iter().map(|r| (r, "")),
    );
    replace(
        &trimmed,
        double_spaces(&trimmed).into_iter().map(|r| (r, " ")),
    )
}

/// `text` with each range (in order, not overlapping) replaced.
fn replace<'a>(text: &str, edits: impl IntoIterator<Item = (Range<usize>, &'a str)>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (r, with) in edits {
        out.push_str(&text[at..r.start]);
        out.push_str(with);
        at = r.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The language's quotation marks: (opening double, closing double, opening single,
/// closing single). French sets a no-break space inside « » (W009 asks for it).
fn marks(language: Language) -> (&'static str, &'static str, &'static str, &'static str) {
    match language {
        Language::F => ("«\u{A0}", "\u{A0}»", "‘", "’"),
        Language::S | Language::R => ("«", "»", "‘", "’"),
        Language::E | Language::A | Language::C => ("“", "”", "‘", "’"),
    }
}

/// The straight quotes at `quotes` to typographic ones. A quote opens after a space, an
/// opening bracket or a dash (or at the start) when a visible character follows, and
/// closes otherwise; `'` between letters is an apostrophe (’).
fn fix_quotes(text: &str, quotes: &[usize], language: Language) -> String {
    let (open2, close2, open1, close1) = marks(language);
    let mut out = String::with_capacity(text.len() + 8);
    let mut at = 0;
    for &q in quotes {
        out.push_str(&text[at..q]);
        at = q + 1;
        let before = text[..q].chars().next_back();
        let after = text[q + 1..].chars().next();
        let opens = before.is_none_or(|b| {
            b.is_whitespace() || matches!(b, '(' | '[' | '{' | '—' | '–' | '/' | '“' | '‘' | '«')
        }) && after.is_some_and(|a| !a.is_whitespace());
        let double = text.as_bytes()[q] == b'"';
        let mark = match (double, opens) {
            (true, true) => open2,
            (true, false) => {
                // "word " → “word ”: the space before a closing French » is the no-break one.
                if language == Language::F && out.ends_with(' ') {
                    out.pop();
                }
                close2
            }
            (false, true) => open1,
            (false, false) => close1,
        };
        out.push_str(mark);
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en(s: &str) -> String {
        fix(s, Language::E)
    }

    #[test]
    fn finds_double_and_trailing_spaces() {
        let t = "a  b\n  indented ok\nend \nlast\t";
        assert_eq!(double_spaces(t), vec![1..3]);
        assert_eq!(trailing_spaces(t), [22..23, 28..29]);
        assert_eq!(inner_tabs("\tx\ty\t\n"), [2]);
        // A line of spaces is all trailing spaces.
        assert_eq!(trailing_spaces("a\n  \nb\t"), [2..4, 6..7]);
    }

    #[test]
    fn quotes_by_language() {
        assert_eq!(
            en(r#"the "IMT-2020" workshop, ITU's 'Demo Day'"#),
            "the “IMT-2020” workshop, ITU’s ‘Demo Day’"
        );
        assert_eq!(en(r#"("a") "b"."#), "(“a”) “b”.");
        assert_eq!(
            fix(r#"l'UIT dit "oui" "#, Language::F),
            "l’UIT dit «\u{A0}oui\u{A0}»"
        );
        assert_eq!(fix(r#"dit "sí""#, Language::S), "dit «sí»");
    }

    #[test]
    fn spaces_runs_trailing_and_tabs() {
        assert_eq!(
            en("went on.  More \nGeneva,\tSwitzerland\t\n  - kept\n \t\nend"),
            "went on. More\nGeneva, Switzerland\n  - kept\n\nend"
        );
        assert_eq!(en("a \t b"), "a b");
    }

    #[test]
    fn addresses_and_code_spans_stay() {
        let t = r#"see [the "list"](https://e.org/a'b"c) and https://x.org/it's, `a "b"` "c""#;
        assert_eq!(
            en(t),
            r#"see [the “list”](https://e.org/a'b"c) and https://x.org/it's, `a "b"` “c”"#
        );
        assert_eq!(
            en(r#"<https://e.org/"q"> "q""#),
            r#"<https://e.org/"q"> “q”"#
        );
        // What the fix leaves, the scanner does not report: the quotes of the link's
        // words and of "c", none in an address or the code span.
        let at = |s: &str| t.find(s).unwrap_or(0);
        let c = at(r#" "c""#) + 1;
        assert_eq!(
            straight_quotes(t),
            [at("\"list"), at("\"list") + 5, c, c + 2]
        );
    }

    #[test]
    fn words_never_change() {
        let t = "a \"b\"  c\t'd' e's \n f";
        let words = |s: &str| -> Vec<String> {
            s.split_whitespace()
                .map(|w| w.replace(['"', '\'', '“', '”', '‘', '’'], ""))
                .collect()
        };
        assert_eq!(words(t), words(&en(t)));
    }

    /// Every slip a scanner reports, the fix clears; a text the scanners pass, the fix
    /// leaves as it is.
    #[test]
    fn the_fix_clears_exactly_what_the_scanners_report() {
        let cases = [
            "a  b",
            "a \nb",
            "a\tb",
            " \t \n",
            "  - item\n\t- nested",
            "x \"y\" z",
            "[a](https://x/'y') 'z'",
            "`it's` it's",
            "end\t",
            "a \t  b\t\n",
            "clean text",
            "\u{A0} x  y",
            r#"a \"b\" c"#,
            r#"a \\"b\\" c"#,
        ];
        for t in cases {
            let fixed = en(t);
            let found = |s: &str| {
                !(straight_quotes(s).is_empty()
                    && double_spaces(s).is_empty()
                    && trailing_spaces(s).is_empty()
                    && inner_tabs(s).is_empty())
            };
            assert!(!found(&fixed), "{t:?} → {fixed:?}");
            assert_eq!(found(t), fixed != t, "{t:?} → {fixed:?}");
        }
    }

    #[test]
    fn the_space_screen_misses_nothing_the_exact_scans_find() {
        let long = "word ".repeat(300);
        let cases = [
            "", " ", "a", "a b", "a  b", "a \nb", "a\t\nb", "a\t\r\nb", "a\tb", "end ", "end\t",
            "a \r\n", "\u{A0} x", " \n", "\t",
        ];
        let mut all: Vec<String> = cases.iter().map(|c| (*c).to_owned()).collect();
        // Faults on each side of a 256-byte block boundary.
        for at in [254, 255, 256, 257, 511, 512] {
            let mut s = long.clone().into_bytes();
            s[at] = b' ';
            s[at + 1] = b' ';
            all.push(String::from_utf8(s).unwrap_or_default());
        }
        all.push(long.trim_end().to_owned());
        for text in &all {
            let exact = !double_spaces(text).is_empty() || !trailing_spaces(text).is_empty();
            // The screen may pass text the exact scans clear (an indented line), never
            // the other way round.
            assert!(!exact || may_have_space_faults(text.as_bytes()), "{text:?}");
        }
        for clean in ["", "a", "a b\nc", "a\tb", long.trim_end()] {
            assert!(!may_have_space_faults(clean.as_bytes()), "{clean:?}");
        }
    }
}
