//! Rules on the strings a reader will see: characters a DOCX cannot hold, markup the
//! renderers cannot represent, links, and typography (straight quotes, double spaces,
//! trailing spaces).

use std::ops::Range;

use toml::Spanned;

use super::locate::locate;
use crate::chars::{control_character, is_forbidden_char, may_hold_forbidden};
use crate::diag::{Code, Diagnostic, InFile, Mention};
use crate::markup::{self, IssueKind, Markup};
use crate::typography::{
    double_spaces, inner_tabs, may_have_space_faults, straight_quotes, trailing_spaces,
};

/// The file span of the byte range `r` of the decoded string `value`.
fn span(cx: &InFile<'_>, value: &Spanned<String>, r: Range<usize>) -> Range<usize> {
    locate(cx.src, &value.span(), value.get_ref(), r)
}

/// A finding about the byte range `r` of the decoded string `value`.
fn inside(
    cx: &InFile<'_>,
    value: &Spanned<String>,
    code: Code,
    message: impl Into<String>,
    r: Range<usize>,
) -> Diagnostic {
    cx.at(code, message, span(cx, value, r))
}

/// Checks a one-line value (a title, a name): characters and typography.
pub(super) fn plain(cx: &mut InFile<'_>, value: &Spanned<String>) {
    characters(cx, value);
    typography(cx, value);
    unseen(cx, value);
}

/// Checks only the characters of a value printed as it is: a placeholder (`TODO: …`),
/// since a DOCX cannot hold a control character even in a draft and its wording is not
/// the user's; a font name, which typography rules do not concern.
pub(super) fn characters_only(cx: &mut InFile<'_>, value: &Spanned<String>) {
    characters(cx, value);
}

/// Checks a text with markup and returns what the renderers will get.
pub(super) fn marked_up(cx: &mut InFile<'_>, value: &Spanned<String>) -> Markup {
    characters(cx, value);
    typography(cx, value);
    unseen(cx, value);
    let (markup, issues, refs) = markup::parse_with_refs(value.get_ref());
    mentions(cx, value, &refs);
    for issue in issues {
        let d = match issue.kind {
            IssueKind::Unsupported(what, hint) => inside(
                cx,
                value,
                Code::UnsupportedMarkup,
                format!("{what} cannot be represented in a Council document"),
                issue.range,
            )
            .label(what)
            .help(hint),
            IssueKind::BadLink(url) => inside(
                cx,
                value,
                Code::BadLink,
                format!("link to `{url}` is not a web or mail address"),
                issue.range,
            )
            .label("links must start with https://, http:// or mailto:")
            .help("give the full address, such as https://www.itu.int/…"),
            IssueKind::ControlInLink(c) => inside(
                cx,
                value,
                Code::ControlCharacter,
                format!(
                    "the address of this link holds {}, which cannot go into a document",
                    crate::chars::describe(c)
                ),
                issue.range,
            )
            .label("a character reference such as `&#x0B;` in the address")
            .help("delete the reference; write the address as a browser shows it"),
            IssueKind::BadReference(label) => inside(
                cx,
                value,
                Code::BrokenReference,
                format!("`[{label}]` is not a cross-reference: `{label}` is not a section number"),
                issue.range,
            )
            .label("a cross-reference is `[§` and an entry's number, such as `[§4.5]`")
            .help("write the number of the entry meant; brackets meant as text take a backslash before the `[`"),
        };
        cx.push(d);
    }
    markup
}

/// Notes the section numbers `value` mentions, as typed references (`refs`) and in
/// prose, for the rules across entries (`references.rs`).
fn mentions(cx: &mut InFile<'_>, value: &Spanned<String>, refs: &[markup::RefSpan]) {
    let text = value.get_ref();
    let typed = refs.iter().map(|r| (r.range.clone(), r.number, true));
    let prose = super::references::prose(text)
        .into_iter()
        .map(|(r, n)| (r, n, false));
    for (range, number, typed) in typed.chain(prose).collect::<Vec<_>>() {
        let m = Mention {
            number,
            file: cx.file,
            span: span(cx, value, range.clone()),
            typed,
            written: text.get(range).unwrap_or_default().to_owned(),
        };
        cx.mention(m);
    }
}

/// Control characters that came in through escapes (`\u000B`); raw ones are caught while
/// loading, before TOML parsing.
fn characters(cx: &mut InFile<'_>, value: &Spanned<String>) {
    let text = value.get_ref();
    if !may_hold_forbidden(text) {
        return;
    }
    for (at, c) in text
        .char_indices()
        .filter(|&(_, c)| is_forbidden_char(c))
        .take(8)
    {
        cx.push(control_character(
            cx.file,
            span(cx, value, at..at + c.len_utf8()),
            c,
        ));
    }
}

/// W010: TABs inside a line (a wide gap in Word; at a line's start they indent a bullet,
/// at its end W004 has them) and characters a reader cannot see (a zero width space
/// pasted from a web page splits a word Word then cannot find), one warning per kind of
/// character and value, at the first, with a count of the others.
fn unseen(cx: &mut InFile<'_>, value: &Spanned<String>) {
    let text = value.get_ref();
    let tabs: Vec<Range<usize>> = inner_tabs(text).into_iter().map(|at| at..at + 1).collect();
    at_first(
        cx,
        value,
        (Code::InvisibleCharacter, "a TAB inside the text"),
        &tabs,
        "TAB",
        "Word prints a TAB as a wide gap: write a space (`council-report fmt --fix` does)",
    );
    if !crate::chars::may_hold_invisible(text) {
        return;
    }
    let mut found: Vec<(&str, char, usize, usize)> = Vec::new();
    let mut before = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let after = chars.peek().map(|&(_, a)| a);
        if let Some(name) = crate::chars::invisible(c, before, after) {
            match found.iter_mut().find(|f| f.0 == name) {
                Some(f) => f.3 += 1,
                None => found.push((name, c, at, 1)),
            }
        }
        before = Some(c);
    }
    for (name, c, at, n) in found {
        let d = inside(
            cx,
            value,
            Code::InvisibleCharacter,
            format!("an invisible character inside the text: U+{:04X} ({name})", c as u32),
            at..at + c.len_utf8(),
        )
        .label(more(n, name))
        .help("delete it: a reader cannot see it, but it splits the word for Word's search and spelling (text pasted from a web page or a PDF brings these)");
        cx.push(d);
    }
}

/// W002, W003 and W004, as [`crate::typography`] finds them (what `fmt --fix` fixes): one
/// warning per kind and field, at the first place, with a count of the others: a pasted
/// paragraph with forty straight quotes deserves one line, not forty.
fn typography(cx: &mut InFile<'_>, value: &Spanned<String>) {
    let text = value.get_ref();
    // Byte screens first: most values have none of these, and scanning bytes is cheap.
    let bytes = text.as_bytes();
    let has_quote = memchr::memchr2(b'"', b'\'', bytes).is_some();
    if !has_quote && !may_have_space_faults(bytes) {
        return;
    }
    let quotes: Vec<Range<usize>> = straight_quotes(text)
        .into_iter()
        .map(|at| at..at + 1)
        .collect();
    let (message, help) = match quotes.first().map(|q| bytes[q.start]) {
        Some(b'"') => ("straight double quote", "use typographic quotes: “…”"),
        _ => (
            "straight single quote",
            "use ’ for an apostrophe and ‘…’ for quotes",
        ),
    };
    let slips = [
        (Code::StraightQuote, message, quotes, "straight quote", help),
        (
            Code::DoubleSpace,
            "two spaces in a row",
            double_spaces(text),
            "double space",
            "use a single space between words and after a full stop",
        ),
        (
            Code::TrailingSpace,
            "spaces at the end of a line",
            trailing_spaces(text),
            "line with trailing spaces",
            "remove them (an editor's \"trim trailing whitespace\" does it)",
        ),
    ];
    for (code, message, found, what, help) in slips {
        at_first(cx, value, (code, message), &found, what, help);
    }
}

/// One warning for the slips `found` in `value`, at the first, with a count of the
/// others (`what` names one of them).
fn at_first(
    cx: &mut InFile<'_>,
    value: &Spanned<String>,
    (code, message): (Code, &str),
    found: &[Range<usize>],
    what: &str,
    help: &str,
) {
    if let Some(r) = found.first() {
        let d = inside(cx, value, code, message, r.clone())
            .label(more(found.len(), what))
            .help(help);
        cx.push(d);
    }
}

fn more(n: usize, what: &str) -> String {
    match n {
        1 => "here".into(),
        2 => format!("here, and 1 more {what} in this value"),
        _ => format!("here, and {} more {what}s in this value", n - 1),
    }
}
