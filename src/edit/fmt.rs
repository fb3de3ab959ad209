//! `fmt`: one canonical layout for entry files and report.toml, comments kept.
//!
//! An entry: `number`, `title`, `sector`, `resolutions`, `text`, then the
//! `[[recommendations]]` tables, then `[event]`; multi-line text in `"""` strings; `key =
//! value` with single spaces; one blank line before each table; no blank lines between keys
//! (a comment block at the top of the file keeps the blank line under it). report.toml:
//! tables `meeting`, `document`, `summary`, `period`, `layout`, keys in README order.
//!
//! Only layout changes: every rewritten file must parse to the same TOML value as before,
//! and the checked report must be identical, or nothing is written. With `--fix`, the
//! text values' typography is fixed first ([`super::fix`]); the layout that follows is
//! held to the same rule against the fixed values.

use std::path::Path;

use toml_edit::{DocumentMut, Item, RawString, Table, Value};

use super::{Change, EditError, Plan, load_clean, parse_doc, relative};
use crate::raw::shape::{self, Key};

/// What `fmt` is asked to do.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Write nothing: list the files that would change (`--check`), or show how
    /// (`--dry-run`).
    pub write: bool,
    /// Fix the typography of the text values too (`--fix`).
    pub fix: bool,
}

/// A file `fmt` changes (or would): its path as diagnostics name it, and its texts.
#[derive(Debug, Clone)]
pub struct Formatted {
    pub file: String,
    pub before: String,
    pub after: String,
}

/// The files that are not in canonical layout (or, with `fix`, whose text values have
/// typography to fix), and their new texts.
pub fn plan(root: &Path, fix: bool) -> Result<(Plan, crate::check::Checked), EditError> {
    let (draft, before) = load_clean(root)?;
    let mut plan = Plan::after(root, &before);
    // Entries are written in report.toml's language (English when it names none).
    let language = draft
        .report
        .as_ref()
        .and_then(|r| crate::locale::Language::parse(r.raw.document.language.get_ref()))
        .unwrap_or(crate::locale::Language::E);
    for &id in &draft.files {
        let file = draft.sources.path(id);
        let (Some(rel), Some(text)) = (relative(root, file), draft.sources.text(id)) else {
            continue;
        };
        // Format with LF line ends and give a CRLF file its CRLF back: the layout is ours,
        // the line ends are the author's (or their editor's).
        let crlf = text.contains("\r\n");
        let mut lf = if crlf {
            text.replace("\r\n", "\n")
        } else {
            text.to_owned()
        };
        if fix {
            let mut doc = parse_doc(file, &lf)?;
            if super::fix::fix_document(&mut doc, language) > 0 {
                lf = doc.to_string();
            }
        }
        // What the layout must keep: the values as fixed (the file's own, without `fix`).
        let fixed = if crlf {
            lf.replace('\n', "\r\n")
        } else {
            lf.clone()
        };
        let mut formatted = if rel == "report.toml" {
            format_report(file, &lf)?
        } else {
            format_entry(file, &lf)?
        };
        // A line end inside a `"""` string is part of its value: when CRLF would change a
        // value (a string fmt has just made multi-line), the file gets LF line ends.
        if crlf {
            let back = formatted.replace('\n', "\r\n");
            if same_value(file, &fixed, &back).is_ok() {
                formatted = back;
            }
        }
        if formatted != text {
            same_value(file, &fixed, &formatted)?;
            plan.changes.push(Change {
                from: Some(rel.clone()),
                to: rel,
                original: Some(text.to_owned()),
                text: formatted,
            });
        }
    }
    Ok((plan, before))
}

/// Formats the folder (writing nothing unless `options.write`). Returns the files that
/// change (or would), as diagnostics name them, with their texts before and after.
pub fn run(root: &Path, options: Options) -> Result<Vec<Formatted>, EditError> {
    let _lock = super::session(root)?;
    let (plan, before) = plan(root, options.fix)?;
    let changed: Vec<Formatted> = plan
        .changes
        .iter()
        .map(|c| Formatted {
            file: plan.display(&c.to),
            before: c.original.clone().unwrap_or_default(),
            after: c.text.clone(),
        })
        .collect();
    if changed.is_empty() || !(options.write || options.fix) {
        return Ok(changed);
    }
    // A fix must not bring an error either (a dry run says so before it is run for real).
    let after = plan.verify()?;
    if !options.write {
        return Ok(changed);
    }
    if options.fix {
        plan.apply("fmt")?;
        return Ok(changed);
    }
    let content = |c: &crate::check::Checked| {
        c.report
            .as_ref()
            .map(|r| serde_json::to_value((&r.meta, &r.entries)).unwrap_or_default())
    };
    if content(&before) != content(&after) {
        return Err(EditError::Refused(
            "formatting would change the report's content (a bug: please report it)".into(),
        ));
    }
    plan.apply("fmt")?;
    Ok(changed)
}

/// The canonical layout of an entry file's text.
pub fn format_entry(file: &str, text: &str) -> Result<String, EditError> {
    let mut doc = parse_doc(file, text)?;
    let root = doc.as_table_mut();
    // `event = { … }` and `recommendations = [{ … }]` become tables, as README writes them.
    if let Some(Item::Value(Value::InlineTable(t))) = root.get("event").cloned() {
        root.insert("event", Item::Table(t.into_table()));
    }
    if let Some(Item::Value(Value::Array(a))) = root.get("recommendations").cloned()
        && !a.is_empty()
        && a.iter().all(Value::is_inline_table)
    {
        let mut aot = toml_edit::ArrayOfTables::new();
        for v in a {
            if let Value::InlineTable(t) = v {
                aot.push(t.into_table());
            }
        }
        root.insert("recommendations", Item::ArrayOfTables(aot));
    }
    Ok(layout(doc, shape::ENTRY))
}

/// The canonical layout of report.toml's text.
pub fn format_report(file: &str, text: &str) -> Result<String, EditError> {
    Ok(layout(parse_doc(file, text)?, shape::REPORT))
}

/// The text of `doc`, a file whose shape is `keys`, in the canonical layout: keys and
/// tables in the shape's order (unknown ones after, as written), one `key = value` a
/// line, one blank line before each table, multi-line strings in `"""`, comments kept.
/// Every file this program writes goes through here, so `fmt` never changes one.
pub fn layout(mut doc: DocumentMut, keys: &'static [Key]) -> String {
    let root = doc.as_table_mut();
    let mut first = true;
    tidy_values(root, keys, &mut first);
    let mut position = 1;
    tidy_tables(root, keys, &mut position, &mut first, true);
    finish(&mut doc)
}

/// Places the tables (and arrays of tables) of `table`, in the order of `keys` and then
/// as written, each after the one before. Below the top, a table written as dotted keys
/// (`margins.top = 20` in `[layout]`) stays with its parent's keys.
fn tidy_tables(
    table: &mut Table,
    keys: &'static [Key],
    position: &mut isize,
    first: &mut bool,
    top: bool,
) {
    let mut names: Vec<String> = keys.iter().map(|k| k.name.to_owned()).collect();
    names.extend(
        table
            .iter()
            .map(|(k, _)| k.to_owned())
            .filter(|k| shape::key(keys, k).is_none()),
    );
    for name in names {
        let inner = shape::key(keys, &name)
            .and_then(|k| k.kind.keys())
            .unwrap_or(&[]);
        match table.get_mut(&name) {
            Some(Item::Table(t)) if top || !t.is_dotted() => tidy_table(t, inner, position, first),
            Some(Item::ArrayOfTables(a)) => {
                for t in a.iter_mut() {
                    tidy_table(t, inner, position, first);
                }
            }
            _ => {}
        }
    }
}

/// Orders a table's keys as `keys` says (others after, as written) and tidies each
/// `key = value` line.
fn tidy_values(table: &mut Table, keys: &[Key], first: &mut bool) {
    let rank = |k: &str| keys.iter().position(|o| o.name == k).unwrap_or(keys.len());
    // The comment block that opens the file belongs to the file, not to the key that
    // happened to come first: it stays on top when the keys are reordered.
    let mut head = String::new();
    if *first && let Some((mut key, Item::Value(_))) = table.iter_mut().next() {
        head = key
            .leaf_decor()
            .prefix()
            .and_then(RawString::as_str)
            .unwrap_or("")
            .to_owned();
        key.leaf_decor_mut().set_prefix("");
    }
    table.sort_values_by(|k1, _, k2, _| rank(k1.get()).cmp(&rank(k2.get())));
    for (mut key, item) in table.iter_mut() {
        let Item::Value(value) = item else {
            continue;
        };
        let own = key
            .leaf_decor()
            .prefix()
            .and_then(RawString::as_str)
            .unwrap_or("");
        let prefix = if *first {
            tidy(&format!("{}{own}", std::mem::take(&mut head)), true)
        } else {
            tidy(own, false)
        };
        *first = false;
        key.leaf_decor_mut().set_prefix(prefix);
        key.leaf_decor_mut().set_suffix(" ");
        let suffix = value
            .decor()
            .suffix()
            .and_then(RawString::as_str)
            .unwrap_or("");
        let suffix = if suffix.contains('#') {
            suffix.to_owned()
        } else {
            String::new()
        };
        value.decor_mut().set_prefix(" ");
        value.decor_mut().set_suffix(suffix);
        if let Some(ml) = multi_line(value) {
            *value = ml;
        }
    }
}

/// Places a table at `position` with one blank line before its header, and tidies its keys.
fn tidy_table(t: &mut Table, keys: &'static [Key], position: &mut isize, first: &mut bool) {
    t.set_position(Some(*position));
    *position += 1;
    let prefix = t.decor().prefix().and_then(RawString::as_str).unwrap_or("");
    let tidied = tidy(prefix, true);
    t.decor_mut().set_prefix(if *first {
        tidied
    } else {
        format!("\n{tidied}")
    });
    *first = false;
    // A table's own keys never start the document.
    let mut inner_first = false;
    tidy_values(t, keys, &mut inner_first);
    // `[layout.margins]` and the like follow their parent table.
    tidy_tables(t, keys, position, first, false);
}

/// The whitespace and comments before a key or header: blank lines at the start go, runs
/// of blank lines become one, indentation goes; blank lines between the comments and what
/// they precede stay only when `keep_blank_after` (the file's opening comment block).
fn tidy(raw: &str, keep_blank_after: bool) -> String {
    let mut lines: Vec<&str> = Vec::new();
    for line in raw.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if !line.ends_with('\n') {
                continue; // indentation before the key itself
            }
            if lines.last().is_some_and(|l| !l.is_empty()) {
                lines.push("");
            }
        } else {
            lines.push(trimmed);
        }
    }
    if !keep_blank_after {
        while lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
    }
    lines.iter().map(|l| format!("{l}\n")).collect()
}

/// A string with line breaks written on one line (`"a\nb"`) as a multi-line string on
/// lines of its own; `None` when it needs no change. A text with backslashes (escaped
/// markup: `\*`) goes into a literal `'''` string, where it reads as written, when it can;
/// otherwise into a basic `"""` string with backslashes and quote runs escaped.
fn multi_line(value: &Value) -> Option<Value> {
    let Value::String(s) = value else {
        return None;
    };
    let text = s.value();
    let raw = s.as_repr().and_then(|r| r.as_raw().as_str()).unwrap_or("");
    if !text.contains('\n') || raw.starts_with("\"\"\"") || raw.starts_with("'''") {
        return None;
    }
    let literal_ok = !text.contains("'''")
        && !text.ends_with('\'')
        && !text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t');
    let out = if text.contains('\\') && literal_ok {
        format!("'''\n{text}'''")
    } else {
        basic_multi_line(text)
    };
    let mut parsed: Value = out.parse().ok()?;
    if parsed.as_str() != Some(text) {
        return None;
    }
    *parsed.decor_mut() = value.decor().clone();
    Some(parsed)
}

/// `text` as a basic `"""` string, its first line break right after the quotes (also
/// `fmt --fix`'s way of writing a fixed text).
pub(super) fn basic_multi_line(text: &str) -> String {
    let mut out = String::from("\"\"\"\n");
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            // No run of three quotes, and none against the closing delimiter.
            '"' if matches!(chars.peek(), Some('"') | None) => out.push_str("\\\""),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push_str("\"\"\"");
    out
}

/// The document's text: comments after the last table kept (one blank line before them),
/// one final newline.
fn finish(doc: &mut DocumentMut) -> String {
    let trailing = doc.trailing().as_str().unwrap_or("").to_owned();
    let tidied = tidy(&trailing, true);
    doc.set_trailing(if tidied.is_empty() {
        String::new()
    } else {
        format!("\n{tidied}")
    });
    let mut out = doc.to_string();
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// Refuses a formatting that would change what a file says.
fn same_value(file: &str, before: &str, after: &str) -> Result<(), EditError> {
    let a = before.parse::<toml::Table>();
    let b = after.parse::<toml::Table>();
    match (a, b) {
        (Ok(a), Ok(b)) if a == b => Ok(()),
        _ => Err(EditError::Refused(format!(
            "formatting `{file}` would change its content (a bug: please report it)"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_keys_and_tables_keeping_comments() {
        let messy = "# head\n\ntext = \"a\\nb\" # body\nnumber=\"2.9\"\n\n\n[event]  # the workshop\nplace=\"Cairo\"\nname = \"W\"\nstart = 2017-04-02\n[[recommendations]]\nstatus = \"approved\"\nid = \"ITU-T Y.1\"\ntitle = \"T\"\n";
        let out = format_entry("e.toml", messy).unwrap();
        assert_eq!(
            out,
            "# head\n\nnumber = \"2.9\"\ntext = \"\"\"\na\nb\"\"\" # body\n\n[[recommendations]]\nid = \"ITU-T Y.1\"\ntitle = \"T\"\nstatus = \"approved\"\n\n[event]  # the workshop\nname = \"W\"\nplace = \"Cairo\"\nstart = 2017-04-02\n"
        );
        assert_eq!(format_entry("e.toml", &out).unwrap(), out);
    }

    #[test]
    fn report_tables_in_order_with_their_sub_tables() {
        let messy = "[layout.margins]\ntop = 20\nright = 20\nbottom = 20\nleft = 20\n\n[summary]\nreferences = \"r\"\ntext = \"t\"\n\n[layout]\nfont = \"Calibri\"\n\n[meeting]\nplace_and_dates = \"p\"\nname = \"n\"\n";
        let out = format_report("report.toml", messy).unwrap();
        assert_eq!(
            out,
            "[meeting]\nname = \"n\"\nplace_and_dates = \"p\"\n\n[summary]\ntext = \"t\"\nreferences = \"r\"\n\n[layout]\nfont = \"Calibri\"\n\n[layout.margins]\ntop = 20\nright = 20\nbottom = 20\nleft = 20\n"
        );
        assert_eq!(format_report("report.toml", &out).unwrap(), out);
    }

    #[test]
    fn multi_line_text_goes_into_triple_quotes() {
        // (the value as one-line TOML, its decoded text, what fmt writes)
        let cases = [
            // Quotes stay as they are, but one against the closing delimiter.
            (
                r#""a \"q\"\nb \"""#,
                "a \"q\"\nb \"",
                "\"\"\"\na \"q\"\nb \\\"\"\"\"",
            ),
            // Backslashes (escaped markup) read as written in a literal string.
            (
                r#""a \\*q\\*\nb\\\n""#,
                "a \\*q\\*\nb\\\n",
                "'''\na \\*q\\*\nb\\\n'''",
            ),
            // A literal string cannot hold `'''`: a basic one, backslashes escaped.
            (
                r#""a \\ '''\nb""#,
                "a \\ '''\nb",
                "\"\"\"\na \\\\ '''\nb\"\"\"",
            ),
        ];
        for (one_line, value, written) in cases {
            let doc = format!("number = \"1\"\ntext = {one_line}\n");
            let out = format_entry("e.toml", &doc).unwrap();
            let want = format!("number = \"1\"\ntext = {written}\n");
            assert_eq!(out, want, "{value:?}");
            let v: toml::Table = out.parse().unwrap();
            assert_eq!(v["text"].as_str(), Some(value));
            assert_eq!(format_entry("e.toml", &out).unwrap(), out);
        }
    }
}
