//! The commonest TOML slips of a drafter, said in their words with the fix as a help
//! line: a quotation mark inside a `"…"` text, a backslash in one (a Windows path), an
//! apostrophe inside a `'…'` text, a string or `"""` text left open, a missing `=`, a key
//! given twice. The parser's own message stays as the label under the span.

use std::ops::Range;

/// A syntax error explained: what happened, where (it may move to where the string
/// opened), and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Explained {
    pub message: String,
    pub span: Range<usize>,
    pub help: String,
}

/// Explains the parser's error `parser` at `span` in `text`, when it is a known slip.
pub(super) fn explain(text: &str, span: Range<usize>, parser: &str) -> Option<Explained> {
    let at = span.start.min(text.len());
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = &text[line_start..line_end];
    let (key, value) = line
        .split_once('=')
        .map(|(k, v)| (k.trim(), v.trim()))
        .unwrap_or((line.trim(), ""));

    if parser.contains("multi-line basic string") || parser.contains("multi-line literal string") {
        return unclosed_block(text, at);
    }
    if parser.contains("duplicate key") {
        let name = text.get(span.clone()).unwrap_or(key).trim();
        return Some(Explained {
            message: format!("`{name}` is given twice in the same table"),
            span,
            help: format!("keep one `{name} = …`: a table holds each key once"),
        });
    }
    if parser.contains("expected `=`") {
        let (name, rest) = line
            .trim()
            .split_once(char::is_whitespace)
            .unwrap_or((line.trim(), ""));
        return Some(Explained {
            message: format!("`=` is missing after the key `{name}`"),
            span,
            help: format!("write `{name} = {}`", rest.trim()),
        });
    }
    if (parser.contains("unicode") || parser.contains("escape")) && value.starts_with('"') {
        let inner = value.trim_start_matches('"').trim_end_matches('"');
        return Some(Explained {
            message: "a backslash in a \"…\" text starts an escape sequence such as \\n".into(),
            span,
            help: format!(
                "put the text in single quotes, where a backslash is just a backslash: `{key} = '{inner}'` ('''…''' over several lines), or write each backslash twice (\\\\)"
            ),
        });
    }
    if parser.contains("unexpected key or value") && !key.is_empty() {
        if value.starts_with('"') && !value.starts_with("\"\"\"") && value.matches('"').count() > 2
        {
            let inner = value.strip_prefix('"').unwrap_or(value);
            let inner = inner.strip_suffix('"').unwrap_or(inner);
            return Some(Explained {
                message: "a quotation mark inside the text ends it early".into(),
                span,
                help: format!(
                    "use typographic quotes inside: `{key} = \"{}\"`, or escape the inner ones as \\\"",
                    typographic(inner)
                ),
            });
        }
        if value.starts_with('\'') && !value.starts_with("'''") && value.matches('\'').count() > 2 {
            let inner = value.strip_prefix('\'').unwrap_or(value);
            let inner = inner.strip_suffix('\'').unwrap_or(inner);
            return Some(Explained {
                message: "an apostrophe inside a '…' text ends it early".into(),
                span,
                help: format!(
                    "write it in double quotes with a typographic apostrophe: `{key} = \"{}\"`",
                    typographic(inner)
                ),
            });
        }
    }
    if parser.contains("basic string") || parser.contains("literal string") {
        // The string opened on this line and runs to its end.
        let open = line.find(['"', '\'']).map_or(at, |i| line_start + i);
        let quote = if text[open..].starts_with('\'') {
            "'"
        } else {
            "\""
        };
        return Some(Explained {
            message: "this text is not closed before the end of the line".into(),
            span: open..open + 1,
            help: format!(
                "end it with {quote} on the same line; a text over several lines goes between {q3} and {q3}",
                q3 = quote.repeat(3)
            ),
        });
    }
    None
}

/// A `"""` text never closed: the parser stops at the end of the file, the mistake is
/// where the text opened (the last `"""` or `'''` that follows a `=`).
fn unclosed_block(text: &str, at: usize) -> Option<Explained> {
    let before = &text[..at.min(text.len())];
    let open = before
        .match_indices("\"\"\"")
        .chain(before.match_indices("'''"))
        .filter(|(i, _)| text[..*i].trim_end().ends_with('='))
        .map(|(i, _)| i)
        .max()?;
    let quotes = &text[open..open + 3];
    Some(Explained {
        message: format!("this {quotes} text is never closed"),
        span: open..open + 3,
        help: format!(
            "end the text with {quotes} (on a line of its own, after its last paragraph)"
        ),
    })
}

/// `inner` with its straight quotes made typographic: “ ” by turns, ’ for an apostrophe
/// between letters.
fn typographic(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len() + 8);
    let mut open = true;
    let chars: Vec<char> = inner.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '"' => {
                out.push(if open { '“' } else { '”' });
                open = !open;
            }
            '\'' => {
                let letter = |j: Option<&char>| j.is_some_and(|c| c.is_alphanumeric());
                let prev = i.checked_sub(1).and_then(|j| chars.get(j));
                if letter(prev) && letter(chars.get(i + 1)) {
                    out.push('’');
                } else if letter(chars.get(i + 1)) {
                    out.push('‘');
                } else {
                    out.push('’');
                }
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typographic_quotes() {
        assert_eq!(
            typographic("The \"IMT-2020\" workshop"),
            "The “IMT-2020” workshop"
        );
        assert_eq!(typographic("it's 'here'"), "it’s ‘here’");
    }

    #[test]
    fn unclosed_block_points_at_its_opening() {
        let text = "number = \"1\"\ntext = \"\"\"\nA paragraph.\n";
        let e = unclosed_block(text, text.len()).unwrap();
        assert_eq!(e.span, 20..23);
    }
}
