//! The imported report as TOML files: `report.toml` and one entry file per numbered item,
//! in one folder per top-level section (`2/2.09-itu-t-sg13.toml`).
//!
//! Files are written by the one entry writer ([`crate::edit::writer`]: `toml_edit` quotes,
//! `fmt`'s layout) and named by the one naming rule ([`crate::edit::names`]), as `new`
//! writes and names them; every file is parsed back before anything is written
//! ([`verify`]). Entry texts are inline markup, so characters that pulldown-cmark would
//! read as markup (`*`, `_`, `[`, `<`, a leading `- ` or `1. ` …) are escaped: `check`
//! then reads back exactly the words of the input.
//!
//! A required report.toml value the input did not have is written as a placeholder, a
//! string starting with `TODO` (the date too, where a TOML date would go): `check` warns
//! about each (W005) rather than failing, so the folder builds a draft at once, and CI's
//! `--deny-warnings` holds it back until every placeholder is replaced.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use super::embedded::{Embedded, EmbeddedEntry, Val};
use super::{Block, GUESS_COMMENT, Guess, Imported, ImportedEntry, ImportedMeta, Rich, Run};
use crate::edit::names::{distinct_subjects, entry_file_name};
use crate::edit::writer::Writer;
use crate::markup::link_is_allowed;
use crate::number::SectionNumber;
use crate::raw::RawEntry;
use crate::raw::shape;

/// One file to write, relative to the entries folder.
#[derive(Debug, Clone)]
pub struct File {
    pub path: PathBuf,
    pub contents: String,
    /// String values the file must read back to: (dotted key, value).
    pub expect: Vec<(String, String)>,
    pub is_entry: bool,
}

impl File {
    /// The file `w` holds, at `path`.
    fn written(path: PathBuf, w: Writer, is_entry: bool) -> File {
        let written = w.finish();
        File {
            path,
            contents: written.text,
            expect: written.expect,
            is_entry,
        }
    }
}

/// What an import found, for its closing lines.
pub struct Counts {
    pub entries: usize,
    pub recommendations: usize,
    pub events: usize,
    /// report.toml keys left for the user (`meeting.name`, `document.date` …).
    pub to_fill: Vec<String>,
}

pub fn counts(imported: &Imported) -> Counts {
    if let Some(data) = &imported.embedded {
        let from_text = |e: &EmbeddedEntry| e.from_text.clone();
        return Counts {
            entries: data.entries.len(),
            recommendations: data
                .entries
                .iter()
                .map(|e| {
                    e.recommendations.len() + from_text(e).map_or(0, |t| t.recommendations.len())
                })
                .sum(),
            events: data
                .entries
                .iter()
                .filter(|e| {
                    e.get("event.name").is_some() || from_text(e).is_some_and(|t| t.event.is_some())
                })
                .count(),
            to_fill: shape::filled_in_report()
                .map(|(key, _)| key)
                .filter(|key| {
                    !data.report.iter().any(|(k, v)| {
                        k == key && !matches!(v, Val::Str(s) if crate::raw::is_placeholder(s))
                    })
                })
                .collect(),
        };
    }
    Counts {
        entries: imported.entries.len(),
        recommendations: imported
            .entries
            .iter()
            .map(|e| e.recommendations.len())
            .sum(),
        events: imported
            .entries
            .iter()
            .filter(|e| e.event.is_some())
            .count(),
        to_fill: missing_keys(&imported.meta),
    }
}

/// Every file of the imported report: report.toml first, then the entries in order.
pub fn files(imported: &Imported) -> Vec<File> {
    if let Some(data) = &imported.embedded {
        let mut out = vec![embedded_report(data)];
        let words: Vec<(u32, String)> = data
            .entries
            .iter()
            .map(|e| match &e.from_text {
                Some(t) => (t.number.top(), entry_words(t)),
                None => (e.number.top(), embedded_words(e)),
            })
            .collect();
        let entries = data
            .entries
            .iter()
            .zip(subjects(&words))
            .map(|(e, subject)| match &e.from_text {
                Some(t) => entry(t, &subject),
                None => embedded_entry(e, &subject),
            });
        out.extend(unique_names(entries));
        return out;
    }
    let mut out = vec![report(&imported.meta)];
    let words: Vec<(u32, String)> = imported
        .entries
        .iter()
        .map(|e| (e.number.top(), entry_words(e)))
        .collect();
    let entries = imported
        .entries
        .iter()
        .zip(subjects(&words))
        .map(|(e, subject)| entry(e, &subject));
    out.extend(unique_names(entries));
    out
}

/// The words each file is named by ([`distinct_subjects`]).
fn subjects(words: &[(u32, String)]) -> Vec<String> {
    let items: Vec<(u32, &str)> = words.iter().map(|(f, w)| (*f, w.as_str())).collect();
    distinct_subjects(&items)
}

/// The files, a suffix added to a name already taken (`2.1-x-2.toml`).
fn unique_names(files: impl Iterator<Item = File>) -> Vec<File> {
    let mut out = Vec::new();
    // Hash sets, so that the work stays linear in the number of entries: a list searched
    // for each entry took 3.1 s for a 2 MB export and never ended for 50 MB.
    let mut used: HashSet<PathBuf> = HashSet::new();
    // The next suffix to try for a name, so many entries of one name stay linear too.
    let mut next: HashMap<PathBuf, usize> = HashMap::new();
    for mut f in files {
        // Two entries with the same number and words (check will flag the number):
        // both files are kept.
        if used.contains(&f.path) {
            let stem = f.path.with_extension("");
            let n = next.entry(stem.clone()).or_insert(2);
            loop {
                let candidate = PathBuf::from(format!("{}-{n}.toml", stem.display()));
                *n += 1;
                if !used.contains(&candidate) {
                    f.path = candidate;
                    break;
                }
            }
        }
        used.insert(f.path.clone());
        out.push(f);
    }
    out
}

/// Sets a value of the data part.
fn put_val(w: &mut Writer, dotted: &str, v: &Val) {
    match v {
        Val::Str(s) => w.set(dotted, s.as_str()),
        Val::Date(d) => w.date(dotted, *d),
        Val::Integers(n) => w.integers(dotted, n.iter().copied()),
        Val::Integer(n) => w.set(dotted, *n),
        Val::Boolean(b) => w.set(dotted, *b),
    }
}

/// report.toml from the data part: every value as the report had it.
fn embedded_report(data: &Embedded) -> File {
    let mut w = Writer::new(shape::REPORT);
    for (key, v) in &data.report {
        put_val(&mut w, key, v);
    }
    w.header("# Imported by `council-report import` from the data `build` embedded in the DOCX.\n");
    File::written(PathBuf::from("report.toml"), w, false)
}

/// What an entry from the data part is about: its title, or else its text's first words.
fn embedded_words(e: &EmbeddedEntry) -> String {
    e.get("title").map(str::to_owned).unwrap_or_else(|| {
        crate::markup::parse(e.get("text").unwrap_or(""))
            .0
            .plain_paragraphs()
            .into_iter()
            .next()
            .unwrap_or_default()
    })
}

/// An entry file from the data part, named by the rule of `new` after `subject`.
fn embedded_entry(e: &EmbeddedEntry, subject: &str) -> File {
    let mut w = Writer::new(shape::ENTRY);
    for (key, v) in &e.values {
        put_val(&mut w, key, v);
    }
    for [id, title, status] in &e.recommendations {
        w.push_table(
            "recommendations",
            &[("id", id), ("title", title), ("status", status)],
        );
    }
    entry_file(e.number, subject, w)
}

/// The entry file `w` holds, named by `new`'s rule from `words` (its title, or else the
/// first words of its text), in the folder of its top-level number.
fn entry_file(number: SectionNumber, words: &str, w: Writer) -> File {
    let path = PathBuf::from(number.top().to_string()).join(entry_file_name(number, words));
    File::written(path, w, true)
}

/// What an entry is about: its title, or else its text's first words.
fn entry_words(e: &ImportedEntry) -> String {
    e.title.clone().unwrap_or_else(|| {
        e.blocks
            .first()
            .map(|b| b.text().visible())
            .unwrap_or_default()
    })
}

fn entry(e: &ImportedEntry, subject: &str) -> File {
    let mut w = Writer::new(shape::ENTRY);
    w.set("number", e.number.to_string());
    if let Some(t) = &e.title {
        w.set("title", t.as_str());
    }
    if let Some(sector) = e.sector {
        w.set("sector", sector.as_str());
    }
    if !e.blocks.is_empty() {
        w.text("text", &markup_text(&e.blocks));
    }
    for r in &e.recommendations {
        w.push_table(
            "recommendations",
            &[
                ("id", &r.id),
                ("title", &r.title),
                ("status", r.status.as_str()),
            ],
        );
    }
    if let Some(ev) = &e.event {
        w.set("event.name", ev.name.as_str());
        w.set("event.place", ev.place.as_str());
        w.date("event.start", ev.start);
        if let Some(end) = ev.end {
            w.date("event.end", end);
        }
    }
    mark_guesses(&mut w, &e.guesses);
    entry_file(e.number, subject, w)
}

/// What the input gave for a report.toml value.
enum Found {
    Line(String),
    Date(crate::dates::Date),
    Text(String),
}

/// What the input gave for the report.toml value at `dotted`, if anything.
fn found(m: &ImportedMeta, dotted: &str) -> Option<Found> {
    let line = |v: &Option<String>| v.clone().map(Found::Line);
    let text = |blocks: &[Block]| (!blocks.is_empty()).then(|| Found::Text(markup_text(blocks)));
    match dotted {
        "meeting.name" => line(&m.meeting),
        "meeting.place_and_dates" => line(&m.place_and_dates),
        "document.number" => line(&m.number),
        "document.language" => line(&m.language),
        "document.date" => m.date.map(Found::Date),
        "document.language_line" => line(&m.language_line),
        "document.agenda_item" => line(&m.agenda_item),
        "document.source" => line(&m.source),
        "document.title" => line(&m.title),
        "summary.text" => text(&m.summary),
        "summary.action" => text(&m.action),
        "summary.references" => text(&m.references),
        "layout.footer" => line(&m.footer),
        _ => None,
    }
}

/// The report.toml keys the import could not fill in (`meeting.name`), in the file's order.
pub fn missing_keys(m: &ImportedMeta) -> Vec<String> {
    shape::filled_in_report()
        .map(|(key, _)| key)
        .filter(|key| found(m, key).is_none())
        .collect()
}

/// A `# import: …` comment above each guessed value, which `check` warns about (W014).
fn mark_guesses(w: &mut Writer, guesses: &[Guess]) {
    for g in guesses {
        w.comment_before(&g.key, &format!("{GUESS_COMMENT} {}\n", g.message));
    }
}

fn report(m: &ImportedMeta) -> File {
    let mut w = report_writer(m);
    mark_guesses(&mut w, &m.guesses);
    w.header(
        "# Imported by `council-report import`. Values starting with TODO were not found in\n\
         # the input: replace them (`council-report check` lists each one, W005).\n",
    );
    File::written(PathBuf::from("report.toml"), w, false)
}

/// report.toml with what `m` holds, a `TODO` placeholder for each required value it does
/// not, and commented lines for the common optional keys; `init` writes it for a report
/// with nothing found yet.
pub fn report_writer(m: &ImportedMeta) -> Writer {
    let mut w = Writer::new(shape::REPORT);
    let put = |w: &mut Writer, dotted: &str, value: Found| match value {
        Found::Line(v) => w.set(dotted, v),
        Found::Date(d) => w.date(dotted, d),
        Found::Text(t) => w.text(dotted, &t),
    };
    // The required values, or the placeholders `check` warns about (W005) so that the
    // imported folder passes `check` and builds a draft that shows what is missing: plain
    // words, no quotes or markup, so nothing else fires on them.
    for (dotted, key) in shape::filled_in_report() {
        match (found(m, &dotted), key.hint) {
            (Some(v), _) => put(&mut w, &dotted, v),
            (None, Some(hint)) => w.set(
                &dotted,
                format!("{}: {}", crate::raw::PLACEHOLDER_PREFIX, hint.todo),
            ),
            (None, None) => {}
        }
    }
    // The optional values found, or a commented line showing the key.
    let optional = [
        ("document.agenda_item", "# agenda_item = \"PL 2\"\n"),
        (
            "document.source",
            "# source = \"Report by the Secretary-General\"\n",
        ),
        (
            "summary.action",
            "# action = \"The Council is invited to take note of this report.\"\n",
        ),
        ("layout.footer", ""),
    ];
    for (dotted, absent) in optional {
        match found(m, dotted) {
            Some(v) => put(&mut w, dotted, v),
            None if !absent.is_empty() => w.absent(dotted, absent),
            None => {}
        }
    }
    if let Some(period) = m.top_level_period {
        w.set("layout.top_level_period", period);
    }
    w.integers(
        "document.resolutions",
        resolutions(m).into_iter().map(i64::from),
    );
    w.absent(
        "period",
        "# [period]  # optional: event dates must fall inside it\n# start = 2017-02-15\n# end = 2017-12-31\n",
    );
    w
}

/// The resolutions the title and Summary name: `Resolutions 101, 102, 133 and 180`.
fn resolutions(m: &ImportedMeta) -> Vec<u32> {
    let mut texts: Vec<String> = m.title.iter().cloned().collect();
    texts.extend(m.summary.iter().map(|b| b.text().visible()));
    let mut out = Vec::new();
    for t in &texts {
        let words: Vec<&str> = t.split_whitespace().collect();
        for (i, w) in words.iter().enumerate() {
            if !w.to_lowercase().starts_with("resolution") {
                continue;
            }
            for next in &words[i + 1..] {
                let bare = next.trim_end_matches([',', ';', '.']);
                if let Ok(n) = bare.parse::<u32>() {
                    if (1..1000).contains(&n) && !out.contains(&n) {
                        out.push(n);
                    }
                    if bare.len() < next.len() && !next.ends_with(',') {
                        break;
                    }
                } else if !(bare.eq_ignore_ascii_case("and") || bare.is_empty()) {
                    break;
                }
            }
        }
    }
    out
}

/// Paragraphs separated by blank lines, list items one per line, markup escaped.
pub fn markup_text(blocks: &[Block]) -> String {
    let mut s = String::new();
    let mut prev_item = false;
    for b in blocks {
        match b {
            Block::Para(t) => {
                if !s.is_empty() {
                    s.push_str("\n\n");
                }
                s.push_str(&escape_markup(t));
                prev_item = false;
            }
            Block::Item(level, t) => {
                if !s.is_empty() {
                    s.push_str(if prev_item { "\n" } else { "\n\n" });
                }
                s.push_str(if *level > 0 { "  - " } else { "- " });
                s.push_str(&escape_markup(t));
                prev_item = true;
            }
        }
    }
    s
}

/// `text` with everything pulldown-cmark would read as markup escaped, so the paragraph
/// reads back as exactly these words; its links become `[text](url)`, and its bold and
/// italic runs `**bold**` and `*italic*` when that reads back to the same words (else the
/// words alone: the words matter more than the emphasis).
pub fn escape_markup(text: &Rich) -> String {
    let runs = emphasis(text);
    if runs.is_styled() {
        let out = render(&runs.0, true);
        let want = text.visible();
        let (m, issues) = crate::markup::parse(&out);
        if issues.is_empty() && m.plain_paragraphs() == [want.trim()] {
            return out;
        }
    }
    render(&runs.0, false)
}

/// [`escape_markup`] of words without runs.
pub fn escape_words(text: &str) -> String {
    escape_markup(&Rich::plain(text))
}

/// The runs whose style is emphasis: a style on every word is the paragraph's formatting
/// (References in italics, a bold title), not emphasis, and is dropped.
fn emphasis(text: &Rich) -> Rich {
    let words = |f: fn(&Run) -> bool| {
        text.0
            .iter()
            .filter(|r| matches!(r, Run::Text { text, .. } if !text.trim().is_empty()))
            .all(f)
    };
    let all_bold = words(|r| matches!(r, Run::Text { bold: true, .. }));
    let all_italic = words(|r| matches!(r, Run::Text { italic: true, .. }));
    let mut out = Rich::default();
    for run in &text.0 {
        match run {
            Run::Text { text, bold, italic } => {
                out.push_text(text, *bold && !all_bold, *italic && !all_italic);
            }
            other => out.push(other.clone()),
        }
    }
    out
}

/// The escaped text of `runs`, with emphasis markers when `styled`.
fn render(runs: &[Run], styled: bool) -> String {
    let mut out = String::new();
    for r in runs {
        match r {
            Run::Text { text, bold, italic } => {
                let marker = match (styled, *bold, *italic) {
                    (true, true, true) => "***",
                    (true, true, false) => "**",
                    (true, false, true) => "*",
                    _ => "",
                };
                let core = text.trim();
                if marker.is_empty() || core.is_empty() {
                    out.push_str(&escape_plain(text));
                } else {
                    // Markers hug the words: `**bold** text`, never `**bold **text`.
                    let lead = &text[..text.len() - text.trim_start().len()];
                    let trail = &text[text.trim_end().len()..];
                    out.push_str(lead);
                    out.push_str(marker);
                    out.push_str(&escape_plain(core));
                    out.push_str(marker);
                    out.push_str(trail);
                }
            }
            Run::Link { label, url } => {
                if label.trim().is_empty() || !link_is_allowed(url) {
                    // Not a link the renderers can draw: its words alone.
                    out.push_str(&escape_plain(label));
                } else {
                    out.push('[');
                    out.push_str(&escape_plain(label));
                    out.push_str("](");
                    out.push_str(&escape_url(url));
                    out.push(')');
                }
            }
            // A link to a bookmark at no entry: its words (super::xref noted it).
            Run::Internal { label, .. } => out.push_str(&escape_plain(label)),
            Run::Xref { number } => {
                out.push_str("[§");
                out.push_str(number);
                out.push(']');
            }
        }
    }
    escape_line_start(out)
}

/// A link target that pulldown-cmark reads back as written.
fn escape_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' | ')' | '\\' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// [`escape_markup`] of text without links.
fn escape_plain(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let next = chars.get(i + 1).copied();
        let escape = match c {
            '\\' | '*' | '`' | '[' | ']' | '<' | '~' => true,
            // Inside a word `_` is text; at a word boundary it may open emphasis.
            '_' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            // `&amp;`, `&#169;`: entity references would be decoded.
            '&' => {
                let rest: String = chars[i + 1..].iter().take(33).collect();
                rest.find(';').is_some_and(|end| {
                    end > 0
                        && rest[..end]
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '#')
                })
            }
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A paragraph opening like a block construct (`# `, `> `, `- `, `+ `, `1. `, `1) `,
/// `---`, `===`, `|`) gets a backslash before the character that makes it one.
fn escape_line_start(s: String) -> String {
    let first = s.chars().next();
    if matches!(first, Some('#' | '>' | '-' | '+' | '=' | '|')) {
        return format!("\\{s}");
    }
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let marker = s[digits..].starts_with(['.', ')'])
        && s[digits + 1..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace);
    if digits > 0 && marker {
        return format!("{}\\{}", &s[..digits], &s[digits..]);
    }
    s
}

/// Parses `file` back: valid TOML, an entry that deserializes, and every value as meant.
pub fn verify(file: &File) -> Result<(), String> {
    let table: toml::Table = toml::from_str(&file.contents).map_err(|e| e.to_string())?;
    if file.is_entry {
        toml::from_str::<RawEntry>(&file.contents).map_err(|e| e.to_string())?;
    }
    for (dotted, want) in &file.expect {
        let mut value: Option<&toml::Value> = None;
        let mut current = &table;
        for part in dotted.split('.') {
            value = current.get(part);
            if let Some(toml::Value::Table(t)) = value {
                current = t;
            }
        }
        let got = value.and_then(toml::Value::as_str);
        if got != Some(want.as_str()) {
            return Err(format!("`{dotted}` reads back as {got:?}, not {want:?}"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup;

    /// What `check` and the renderers will see of an escaped paragraph.
    fn read_back(text: &str) -> Vec<String> {
        let (m, issues) = markup::parse(&escape_words(text));
        assert!(issues.is_empty(), "{text}: {issues:?}");
        m.plain_paragraphs()
    }

    #[test]
    fn escaped_text_reads_back_as_written() {
        for t in [
            "a *b* c **d** _e_ snake_case __init__ x_",
            "[link](https://x.int) and ![img](y.png) `code` <b>html</b> <https://x.int>",
            "- not a list",
            "+ not a list",
            "* not a list",
            "1. not a list",
            "2017) not a list",
            "# not a heading",
            "> not a quote",
            "---",
            "===",
            "AT&amp;T &#169; & ok &",
            "back\\slash \\* and ~~strike~~ and ~one~",
            "curly “quotes” and straight \"quotes\" and it's",
            "| a | b |",
            "tab\tinside",
        ] {
            assert_eq!(read_back(t), [t.to_owned()], "{t}");
        }
    }

    /// Runs: (words, bold, italic), or a link when the third is a URL.
    fn runs(parts: &[(&str, bool, bool)]) -> Rich {
        let mut r = Rich::default();
        for (t, b, i) in parts {
            r.push_text(t, *b, *i);
        }
        r
    }

    #[test]
    fn links_from_a_docx_become_markup() {
        let mut t = Rich::plain("see ");
        t.push_link("the *list*".into(), "https://x.int/a (b)".into());
        t.push_text(" now", false, false);
        let e = escape_markup(&t);
        assert_eq!(e, "see [the \\*list\\*](https://x.int/a%20\\(b\\)) now");
        let (m, issues) = markup::parse(&e);
        assert!(issues.is_empty());
        assert_eq!(m.links().collect::<Vec<_>>(), ["https://x.int/a%20(b)"]);
        assert_eq!(m.plain_paragraphs(), ["see the *list* now"]);
        let mut internal = Rich::default();
        internal.push_link("2.1".into(), "#x".into());
        assert_eq!(escape_markup(&internal), "2.1");
    }

    #[test]
    fn bold_and_italic_runs_become_emphasis_when_they_read_back() {
        let t = runs(&[
            ("a ", false, false),
            ("bold ", true, false),
            ("word and ", false, false),
            ("“quoted”", false, true),
            (" x", false, false),
        ]);
        assert_eq!(escape_markup(&t), "a **bold** word and *“quoted”* x");
        // Every word italic: the paragraph's formatting, dropped.
        assert_eq!(
            escape_markup(&runs(&[("all *of* it", false, true)])),
            "all \\*of\\* it"
        );
        // `a**“x”**b` would not read back: the words alone.
        let t = runs(&[
            ("a", false, false),
            ("“x”", true, false),
            ("b c", false, false),
        ]);
        assert_eq!(escape_markup(&t), "a“x”b c");
    }

    #[test]
    fn resolutions_from_the_summary() {
        let m = ImportedMeta {
            summary: vec![Block::Para(
                "Resolution 101 (Rev. Busan, 2014), “x”; Resolution 102 (Rev.); and Resolutions 133 and 180, done."
                    .into(),
            )],
            ..Default::default()
        };
        assert_eq!(resolutions(&m), [101, 102, 133, 180]);
    }
}
