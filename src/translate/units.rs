//! The translatable pieces of a report ("units"), each with a stable id, its English as
//! Markdown and as XLIFF with inline codes.
//!
//! Ids are derived from where a piece stands, so that a renumbering maps them one for
//! one (`renumber` rewrites them): `2.9/title`, `2.9/3` (the third paragraph or list item
//! of entry 2.9), `report/document.title`, `report/summary.text/1`.
//!
//! The text of a unit is the Markdown of the piece: `**bold**`, `*italic*`,
//! `[text](url)`. In the XLIFF each of those marks is an inline code (`<bpt>`/`<ept>`
//! holding the mark as its native code), which CAT tools show as protected tags; a tool
//! that flattens codes (translate-toolkit's PO conversion) still gives the same Markdown
//! back, so a translation is read the same way whichever route it took.

use std::collections::BTreeMap;

use quick_xml::escape::escape;
use sha2::{Digest, Sha256};

use crate::markup::{Inline, Markup, Styled};
use crate::model::{Filled, Report};

/// One translatable piece.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// `2.9/3`, `2.9/title`, `report/meeting.name`.
    pub id: String,
    /// The English as Markdown (plain text for titles and report.toml's plain values).
    pub source: String,
    /// The English as XLIFF content: text escaped, marks as `<bpt>`/`<ept>` codes.
    pub xliff: String,
    /// The file the English comes from (`entries/2/2.9.toml`), for the translator's note.
    pub file: String,
    /// What the piece is in that file: `title`, `text, paragraph 3`, `summary.text`.
    pub place: String,
}

impl Unit {
    /// A short hash of the English (the first 16 hex digits of its SHA-256): a changed
    /// source is found by comparing it with the hash the translation file recorded.
    pub fn hash(&self) -> String {
        hash(&self.source)
    }

    /// The entry number of an entry's unit (`2.9` of `2.9/3`), `report` for report.toml.
    pub fn owner(&self) -> &str {
        owner(&self.id)
    }
}

/// The first 16 hex digits of the SHA-256 of `text`.
pub fn hash(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `2.9` of `2.9/3`; `report` of `report/summary.text/1`.
pub fn owner(id: &str) -> &str {
    id.split_once('/').map_or(id, |(o, _)| o)
}

/// The report.toml values a translation replaces, with the key renderers know them by.
/// The language line is not among them: a translation prints the locale table's
/// (`Original: anglais`), checked against Council documents, or report.toml's
/// `[labels.F] original`.
pub const PLAIN_VALUES: [&str; 4] = [
    "meeting.name",
    "meeting.place_and_dates",
    "document.source",
    "document.title",
];

/// The Summary box's texts, by key.
pub const SUMMARY_TEXTS: [&str; 3] = ["summary.text", "summary.action", "summary.references"];

/// Every unit of `report` (in English), in document order: report.toml's values, then
/// each entry's title and paragraphs.
pub fn units(report: &Report) -> Vec<Unit> {
    let meta = &report.meta;
    let file = meta.file.to_string();
    let mut out = Vec::new();
    for key in PLAIN_VALUES {
        if let Some(value) = plain_value(report, key) {
            out.push(plain_unit(format!("report/{key}"), value, &file, key));
        }
    }
    for key in SUMMARY_TEXTS {
        if let Some(markup) = summary_text(report, key) {
            push_runs(&mut out, &format!("report/{key}"), markup, &file, key);
        }
    }
    for entry in &report.entries {
        let number = entry.number.to_string();
        let file = entry.file.to_string();
        if let Some(title) = &entry.title {
            out.push(plain_unit(format!("{number}/title"), title, &file, "title"));
        }
        push_runs(&mut out, &number, &entry.text, &file, "text");
    }
    out
}

/// A report.toml plain value by key, unless absent or a placeholder.
pub fn plain_value<'a>(report: &'a Report, key: &str) -> Option<&'a str> {
    let meta = &report.meta;
    let filled = |f: &'a Filled<String>| f.value().map(String::as_str);
    match key {
        "meeting.name" => filled(&meta.meeting),
        "meeting.place_and_dates" => filled(&meta.place_and_dates),
        "document.source" => meta.source.as_deref(),
        "document.title" => filled(&meta.title),
        _ => None,
    }
}

/// A Summary text by key, unless absent or a placeholder.
pub fn summary_text<'a>(report: &'a Report, key: &str) -> Option<&'a Markup> {
    let s = &report.meta.summary;
    match key {
        "summary.text" => s.text.value(),
        "summary.action" => s.action.as_ref(),
        "summary.references" => s.references.value(),
        _ => None,
    }
}

fn plain_unit(id: String, text: &str, file: &str, place: &str) -> Unit {
    Unit {
        id,
        source: text.to_owned(),
        xliff: escape(text).into_owned(),
        file: file.to_owned(),
        place: place.to_owned(),
    }
}

/// One unit per paragraph and list item of `markup`, numbered from 1 after `prefix`.
fn push_runs(out: &mut Vec<Unit>, prefix: &str, markup: &Markup, file: &str, what: &str) {
    for (i, run) in markup.inline_runs().enumerate() {
        let (source, xliff) = coded(run);
        out.push(Unit {
            id: format!("{prefix}/{}", i + 1),
            source,
            xliff,
            file: file.to_owned(),
            place: format!("{what}, paragraph {}", i + 1),
        });
    }
}

/// A piece of a run: text, or a mark (an inline code) opening or closing.
enum Piece<'a> {
    Text(&'a str),
    Open {
        id: u32,
        ctype: &'static str,
        native: &'static str,
    },
    Close {
        id: u32,
        native: String,
    },
    /// A code standing alone (`<ph>`): a cross-reference, `[§4.5]`.
    Alone {
        id: u32,
        ctype: &'static str,
        native: String,
    },
}

/// The Markdown and the XLIFF of a run of inlines.
pub fn coded(inlines: &[Inline]) -> (String, String) {
    let mut pieces = Vec::new();
    let mut next = 1;
    for inline in inlines {
        match inline {
            Inline::Text(s) => styled(&mut pieces, s, &mut next),
            Inline::Link { url, parts } => {
                let id = next;
                next += 1;
                pieces.push(Piece::Open {
                    id,
                    ctype: "link",
                    native: "[",
                });
                for s in parts {
                    styled(&mut pieces, s, &mut next);
                }
                // The target travels inside the closing code, which CAT tools protect: a
                // translator cannot change or drop it.
                pieces.push(Piece::Close {
                    id,
                    native: format!("]({url})"),
                });
            }
            Inline::Ref {
                number,
                bold,
                italic,
            } => {
                // The whole reference is one protected code: a translator moves it, never
                // edits its number (which `renumber` rewrites in the translation too).
                let native = format!("[{}{number}]", crate::markup::REF_SIGN);
                // Its id comes after those of the marks around it, which `marked` takes.
                let id = next + u32::from(*bold) + u32::from(*italic);
                let code = Piece::Alone {
                    id,
                    ctype: "x-cross-reference",
                    native,
                };
                marked(&mut pieces, (*bold, *italic), code, &mut next);
                next += 1;
            }
        }
    }
    let mut md = String::new();
    let mut xliff = String::new();
    for p in &pieces {
        match p {
            Piece::Text(t) => {
                let e = escape_markdown(t, md.is_empty());
                xliff.push_str(&escape(&e));
                md.push_str(&e);
            }
            Piece::Open { id, ctype, native } => {
                xliff.push_str(&format!(
                    "<bpt id=\"{id}\" ctype=\"{ctype}\">{}</bpt>",
                    escape(*native)
                ));
                md.push_str(native);
            }
            Piece::Close { id, native } => {
                xliff.push_str(&format!("<ept id=\"{id}\">{}</ept>", escape(native)));
                md.push_str(native);
            }
            Piece::Alone { id, ctype, native } => {
                xliff.push_str(&format!(
                    "<ph id=\"{id}\" ctype=\"{ctype}\">{}</ph>",
                    escape(native)
                ));
                md.push_str(native);
            }
        }
    }
    (md, xliff)
}

/// A styled run: its text between the codes of its bold and italic marks.
fn styled<'a>(pieces: &mut Vec<Piece<'a>>, s: &'a Styled, next: &mut u32) {
    marked(pieces, (s.bold, s.italic), Piece::Text(&s.text), next);
}

/// `inner` between the codes of the marks `(bold, italic)`.
fn marked<'a>(
    pieces: &mut Vec<Piece<'a>>,
    (bold, italic): (bool, bool),
    inner: Piece<'a>,
    next: &mut u32,
) {
    let marks: Vec<(&'static str, &'static str)> =
        [(bold, ("bold", "**")), (italic, ("italic", "*"))]
            .into_iter()
            .filter_map(|(on, m)| on.then_some(m))
            .collect();
    let ids: Vec<u32> = marks
        .iter()
        .map(|_| {
            *next += 1;
            *next - 1
        })
        .collect();
    for ((ctype, native), id) in marks.iter().zip(&ids) {
        pieces.push(Piece::Open {
            id: *id,
            ctype,
            native,
        });
    }
    pieces.push(inner);
    for ((_, native), id) in marks.iter().zip(&ids).rev() {
        pieces.push(Piece::Close {
            id: *id,
            native: (*native).to_owned(),
        });
    }
}

/// `text` with the characters Markdown would read as marks escaped by a backslash, so
/// that parsing the Markdown gives the text back; `at_start`: the text opens the
/// paragraph, where `- ` or `1. ` would start a list.
fn escape_markdown(text: &str, at_start: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '&' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    if at_start && (out.starts_with("- ") || out.starts_with("+ ")) {
        out.insert(0, '\\');
    }
    if at_start
        && let Some(dot) = out.find(['.', ')'])
        && dot > 0
        && out[..dot].bytes().all(|b| b.is_ascii_digit())
    {
        out.insert(dot, '\\');
    }
    out
}

/// The inline codes of a run, counted: each link by its target, and the bold and italic
/// spans. A translation must keep the same counts (it may move them).
pub fn codes(inlines: &[Inline]) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    let (mut bold, mut italic) = (false, false);
    let mut count = |key: String| *out.entry(key).or_insert(0) += 1;
    let mut styled = |s: &Styled, count: &mut dyn FnMut(String)| {
        if s.text.trim().is_empty() {
            return;
        }
        if s.bold && !bold {
            count("bold".into());
        }
        if s.italic && !italic {
            count("italic".into());
        }
        bold = s.bold;
        italic = s.italic;
    };
    for inline in inlines {
        match inline {
            Inline::Text(s) => styled(s, &mut count),
            Inline::Link { url, parts } => {
                count(format!("link to {url}"));
                for s in parts {
                    styled(s, &mut count);
                }
            }
            Inline::Ref {
                number,
                bold: b,
                italic: i,
            } => {
                count(format!("reference to {number}"));
                let text = number.to_string();
                styled(
                    &Styled {
                        text,
                        bold: *b,
                        italic: *i,
                    },
                    &mut count,
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::parse;

    fn first_run(md: &str) -> Vec<Inline> {
        let (m, issues) = parse(md);
        assert!(issues.is_empty(), "{issues:?}");
        m.inline_runs().next().unwrap_or_default().to_vec()
    }

    #[test]
    fn markdown_of_a_run_parses_back_to_it() {
        for md in [
            "See **the list** at [this page](https://x.int/a).",
            "A *stressed* word and ***both*** marks.",
            "Stars \\* and \\[brackets\\] and a\\_b stay text.",
            "[**bold link**](https://x.int) first.",
            "\\- not a list, 2018\\. not numbered",
        ] {
            let run = first_run(md);
            let (back, xliff) = coded(&run);
            assert_eq!(first_run(&back), run, "{md} → {back}");
            assert!(!xliff.contains("**") || xliff.contains("<bpt"), "{xliff}");
        }
    }

    #[test]
    fn links_and_marks_are_inline_codes() {
        let (md, xliff) = coded(&first_run(
            "See **the list** at [this page](https://x.int/a).",
        ));
        assert_eq!(md, "See **the list** at [this page](https://x.int/a).");
        assert_eq!(
            xliff,
            "See <bpt id=\"1\" ctype=\"bold\">**</bpt>the list<ept id=\"1\">**</ept> at \
             <bpt id=\"2\" ctype=\"link\">[</bpt>this page<ept id=\"2\">](https://x.int/a)</ept>."
        );
    }

    #[test]
    fn a_cross_reference_is_one_protected_code() {
        let run = first_run("See **[§2.9]** and [§ 3].");
        let (md, xliff) = coded(&run);
        assert_eq!(md, "See **[§2.9]** and [§3].");
        assert_eq!(
            xliff,
            "See <bpt id=\"1\" ctype=\"bold\">**</bpt><ph id=\"2\" ctype=\"x-cross-reference\">[§2.9]</ph><ept id=\"1\">**</ept> and <ph id=\"3\" ctype=\"x-cross-reference\">[§3]</ph>."
        );
        assert_eq!(first_run(&md), run);
        let moved = codes(&first_run("Voir [§3] et **[§2.9]**."));
        assert_eq!(codes(&run), moved);
        assert_ne!(codes(&run), codes(&first_run("Voir [§3] et **[§2.8]**.")));
    }

    #[test]
    fn codes_count_links_and_spans() {
        let a = codes(&first_run("**A** and [b](https://x.int) and **c**."));
        assert_eq!(a.get("bold"), Some(&2));
        assert_eq!(a.get("link to https://x.int"), Some(&1));
        let moved = codes(&first_run("[B](https://x.int), **c** et **a**."));
        assert_eq!(a, moved);
        let changed = codes(&first_run("**A** et [b](https://x.int/other) et **c**."));
        assert_ne!(a, changed);
    }

    #[test]
    fn ids_and_hashes() {
        assert_eq!(owner("2.9/3"), "2.9");
        assert_eq!(owner("report/summary.text/1"), "report");
        assert_eq!(hash("a").len(), 16);
        assert_ne!(hash("a"), hash("b"));
    }
}
