//! `fmt --fix`: the typography slips `check` warns about, fixed in the text values
//! themselves: straight quotes to the language's typographic ones (W002), runs of spaces
//! to one (W003), spaces at the end of a line removed (W004), TABs inside a line to a
//! space (W010).
//!
//! Only the values a reader sees change (the keys [`TEXT_KEYS`] lists), and in them never
//! a link's address, a bare web address or a code span; the words stay the same words in
//! the same order. Values are rewritten through `toml_edit`, so comments and the rest of
//! the file stay as they are.

use std::ops::Range;

use toml_edit::{DocumentMut, Item, Value};

use crate::locale::Language;

/// The dotted keys (below the file's top) whose values are text for the reader: the
/// values `check` runs its typography rules on.
pub const TEXT_KEYS: &[&str] = &[
    // An entry.
    "title",
    "text",
    "recommendations.title",
    "event.name",
    "event.place",
    // report.toml.
    "meeting.name",
    "meeting.place_and_dates",
    "document.language_line",
    "document.agenda_item",
    "document.source",
    "document.title",
    "summary.text",
    "summary.action",
    "summary.references",
];

/// Fixes the text values of a parsed file; returns how many values changed.
pub fn fix_document(doc: &mut DocumentMut, language: Language) -> usize {
    let mut changed = 0;
    for path in TEXT_KEYS {
        let parts: Vec<&str> = path.split('.').collect();
        visit(doc.as_item_mut(), &parts, &mut |v| {
            changed += usize::from(fix_value(v, language));
        });
    }
    changed
}

/// Calls `f` on each string value at `path` under `item`, through tables and arrays of
/// tables (`recommendations.title` is the title of every `[[recommendations]]`).
fn visit(item: &mut Item, path: &[&str], f: &mut dyn FnMut(&mut Value)) {
    let Some((first, rest)) = path.split_first() else {
        if let Some(v) = item.as_value_mut() {
            f(v);
        }
        return;
    };
    match item {
        Item::Table(t) => {
            if let Some(i) = t.get_mut(first) {
                visit(i, rest, f);
            }
        }
        Item::ArrayOfTables(a) => {
            for t in a.iter_mut() {
                if let Some(i) = t.get_mut(first) {
                    visit(i, rest, f);
                }
            }
        }
        Item::Value(Value::InlineTable(t)) => {
            if let Some(v) = t.get_mut(first) {
                let mut item = Item::Value(v.clone());
                visit(&mut item, rest, f);
                if let Item::Value(new) = item {
                    *v = new;
                }
            }
        }
        Item::Value(Value::Array(a)) => {
            for v in a.iter_mut() {
                let mut item = Item::Value(v.clone());
                visit(&mut item, path, f);
                if let Item::Value(new) = item {
                    *v = new;
                }
            }
        }
        _ => {}
    }
}

/// Replaces a string value by its fixed text, keeping its decoration (the comment after
/// it) and, when it was one, the `"""` form. True when it changed.
fn fix_value(v: &mut Value, language: Language) -> bool {
    let Value::String(s) = v else {
        return false;
    };
    let fixed = fix_text(s.value(), language);
    if fixed == *s.value() {
        return false;
    }
    let raw = s.as_repr().and_then(|r| r.as_raw().as_str()).unwrap_or("");
    let multi_line = raw.starts_with("\"\"\"") || raw.starts_with("'''");
    let mut new = if multi_line && !fixed.contains("\"\"\"") {
        super::fmt::basic_multi_line(&fixed)
            .parse::<Value>()
            .ok()
            .filter(|p| p.as_str() == Some(fixed.as_str()))
            .unwrap_or_else(|| Value::from(fixed.clone()))
    } else {
        Value::from(fixed.clone())
    };
    *new.decor_mut() = v.decor().clone();
    *v = new;
    true
}

/// The text with its typography fixed. Link addresses, web addresses and code spans are
/// copied as they are.
pub fn fix_text(text: &str, language: Language) -> String {
    let kept = protected(text);
    let mut out = String::with_capacity(text.len() + 8);
    let mut at = 0;
    for r in kept
        .iter()
        .cloned()
        .chain(std::iter::once(text.len()..text.len()))
    {
        out.push_str(&fix_prose(&text[at..r.start], language, out.chars().last()));
        out.push_str(&text[r.clone()]);
        at = r.end;
    }
    spaces(&out)
}

/// The byte ranges of `text` that must not change: code spans, the address of each
/// inline link (`[words](address)`) and autolink (`<https://…>`), and bare web addresses.
fn protected(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'`' => {
                let run = b[i..].iter().take_while(|&&c| c == b'`').count();
                let fence = &text[i..i + run];
                match text[i + run..].find(fence) {
                    Some(close) => {
                        let end = i + run + close + run;
                        out.push(i..end);
                        i = end;
                    }
                    None => i += run,
                }
            }
            b']' if b.get(i + 1) == Some(&b'(') => {
                let start = i + 2;
                let mut depth = 1;
                let mut j = start;
                while j < b.len() && depth > 0 {
                    match b[j] {
                        b'(' => depth += 1,
                        b')' => depth -= 1,
                        b'\n' => break,
                        _ => {}
                    }
                    j += 1;
                }
                let end = if depth == 0 { j - 1 } else { j };
                out.push(start..end);
                i = j;
            }
            b'<' if text[i + 1..].starts_with("http") || text[i + 1..].starts_with("mailto:") => {
                let end = text[i..].find('>').map_or(b.len(), |e| i + e + 1);
                out.push(i..end);
                i = end;
            }
            b'h' | b'w' | b'm'
                if ["https://", "http://", "www.", "mailto:"]
                    .iter()
                    .any(|p| text[i..].starts_with(p))
                    && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) =>
            {
                let len = text[i..]
                    .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"'))
                    .unwrap_or(text.len() - i);
                // A full stop or a closing bracket after an address ends the sentence.
                let addr = text[i..i + len].trim_end_matches(['.', ',', ';', ':', ')', '\'']);
                out.push(i..i + addr.len());
                i += addr.len().max(1);
            }
            _ => i += 1,
        }
    }
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

/// Straight quotes to typographic ones in a piece of prose; `before` is the character
/// that precedes the piece. A quote opens after a space, an opening bracket or a dash
/// (or at the start), and closes otherwise; `'` between letters is an apostrophe (’).
fn fix_prose(text: &str, language: Language, mut before: Option<char>) -> String {
    if !text.contains(['"', '\'']) {
        return text.to_owned();
    }
    let (open2, close2, open1, close1) = marks(language);
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let after = chars.peek().copied();
        let opens = before.is_none_or(|b| {
            b.is_whitespace() || matches!(b, '(' | '[' | '{' | '—' | '–' | '/' | '“' | '‘' | '«')
        }) && after.is_some_and(|a| !a.is_whitespace());
        match c {
            '"' if opens => out.push_str(open2),
            '"' => {
                // "word " → “word ”: the space before a closing French » is the no-break one.
                if language == Language::F && out.ends_with(' ') {
                    out.pop();
                }
                out.push_str(close2);
            }
            '\'' if opens => out.push_str(open1),
            '\'' => out.push_str(close1),
            c => out.push(c),
        }
        before = Some(c);
    }
    out
}

/// Runs of spaces inside a line to one, spaces and TABs at a line's end removed, TABs
/// inside a line to a space; a line's indentation (a nested bullet) is kept.
fn spaces(text: &str) -> String {
    if !text.contains(['\t', ' ']) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix("\r\n") {
            Some(b) => (b, "\r\n"),
            None => match line.strip_suffix('\n') {
                Some(b) => (b, "\n"),
                None => (line, ""),
            },
        };
        let content = body.trim_end_matches([' ', '\t']);
        let indent = content.len() - content.trim_start_matches([' ', '\t']).len();
        out.push_str(&content[..indent]);
        let mut last_space = false;
        for c in content[indent..].chars() {
            let c = if c == '\t' { ' ' } else { c };
            if c == ' ' && last_space {
                continue;
            }
            last_space = c == ' ';
            out.push(c);
        }
        out.push_str(end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en(s: &str) -> String {
        fix_text(s, Language::E)
    }

    #[test]
    fn quotes_by_language() {
        assert_eq!(
            en(r#"the "IMT-2020" workshop, ITU's 'Demo Day'"#),
            "the “IMT-2020” workshop, ITU’s ‘Demo Day’"
        );
        assert_eq!(en(r#"("a") "b"."#), "(“a”) “b”.");
        assert_eq!(
            fix_text(r#"l'UIT dit "oui" "#, Language::F),
            "l’UIT dit «\u{A0}oui\u{A0}»"
        );
        assert_eq!(fix_text(r#"dit "sí""#, Language::S), "dit «sí»");
    }

    #[test]
    fn spaces_runs_trailing_and_tabs() {
        assert_eq!(
            en("went on.  More \nGeneva,\tSwitzerland\t\n  - kept"),
            "went on. More\nGeneva, Switzerland\n  - kept"
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

    #[test]
    fn values_in_place_comments_kept() {
        let src = "# head\nnumber = \"2.1\" # n\ntitle = \"The \\\"X\\\"  day\" # t\ntext = \"\"\"\nA 'b' \nc\"\"\"\n\n[event]\nname = \"W  1\"\nplace = \"Cairo\"\nstart = 2017-04-02\n";
        let mut doc: DocumentMut = src.parse().unwrap();
        assert_eq!(fix_document(&mut doc, Language::E), 3);
        assert_eq!(
            doc.to_string(),
            "# head\nnumber = \"2.1\" # n\ntitle = \"The “X” day\" # t\ntext = \"\"\"\nA ‘b’\nc\"\"\"\n\n[event]\nname = \"W 1\"\nplace = \"Cairo\"\nstart = 2017-04-02\n"
        );
    }
}
