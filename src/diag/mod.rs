//! One diagnostic type for the whole compiler, and its renderers.
//!
//! Every stage reports through [`Diagnostic`]: a severity, a stable code, a message, the
//! file and byte span it is about, a label for the span and an optional help line. A run
//! collects all of them and prints them together, sorted by file and position, in one of
//! four formats ([`Format`]): rustc-style for people, JSON lines, GitHub workflow commands
//! and JUnit XML for CI.

mod code;
mod failure;
mod github;
mod human;
mod in_file;
mod json;
mod junit;
mod levels;
mod sources;

use std::ops::Range;

pub use code::Code;
pub use failure::{Failure, render_failure};
pub use in_file::{InFile, Mention};
pub use levels::{Level, Levels, settable};
pub use sources::{DisplayPath, FileId, LineCol, Sources, display, line_col};

/// How bad a finding is. Errors stop a build; warnings do not, unless `--deny-warnings`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One finding about the entries, with where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    /// The file it is about; [`Sources`] has its path and text.
    pub file: Option<FileId>,
    /// Byte range in the file's text (after a byte-order mark is removed).
    pub span: Option<Range<usize>>,
    /// Words printed under the span (`^^^^ also used by …`).
    pub label: Option<String>,
    pub help: Option<String>,
}

impl Diagnostic {
    /// A finding with the severity that its code carries.
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Self {
            severity: code.severity(),
            code,
            message: message.into(),
            file: None,
            span: None,
            label: None,
            help: None,
        }
    }

    pub fn in_file(mut self, file: FileId) -> Self {
        self.file = Some(file);
        self
    }

    pub fn at(mut self, file: FileId, span: Range<usize>) -> Self {
        self.file = Some(file);
        self.span = Some(span);
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sorts diagnostics by file path, then position, then code, so output never depends on
/// the order in which rules ran or files were read. Folder-level findings (no file) come
/// first.
pub fn sort(diags: &mut [Diagnostic], sources: &Sources) {
    let key = |d: &Diagnostic| {
        (
            d.file.map(|f| sources.path(f).as_str()),
            d.span.as_ref().map(|s| s.start),
            d.code,
        )
    };
    diags.sort_by(|a, b| key(a).cmp(&key(b)).then_with(|| a.message.cmp(&b.message)));
}

/// The closest of `known` to what was `typed`, if it is close enough to be what was meant
/// (`sectr` → `sector`): the "did you mean" of unknown keys and misspelt values.
pub fn suggest<'k>(typed: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    let typed_lower = typed.to_lowercase();
    known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(&typed_lower, &k.to_lowercase()), k))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// The output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Human,
    Json,
    Github,
    Junit,
}

/// What a checked run looked at, for the summary line and the JUnit report.
#[derive(Debug, Clone, Default)]
pub struct RunSummary {
    /// Every file the run read, so that JUnit can list the clean ones too.
    pub files: Vec<FileId>,
    pub entries: usize,
    pub deny_warnings: bool,
}

/// Renders `diags` (already sorted) in `format`. `color` only affects the human format.
pub fn render(
    format: Format,
    diags: &[Diagnostic],
    sources: &Sources,
    summary: &RunSummary,
    color: bool,
) -> String {
    match format {
        Format::Human => human::render(diags, sources, color),
        Format::Json => json::render(diags, sources),
        Format::Github => github::render(diags, sources, summary),
        Format::Junit => junit::render(diags, sources, summary),
    }
}

/// `s` with its control characters made visible, for a terminal or a CI log: a file name
/// or a key can hold an escape sequence (`\x1b[2J`) that would otherwise recolour or
/// clear the screen of whoever reads the output. C0 controls and DEL become their Unicode
/// pictures (`␛`, as annotate-snippets draws them in quoted lines), C1 controls `\u{9b}`.
/// Line breaks stay when `keep_lines`.
pub fn visible(s: &str, keep_lines: bool) -> std::borrow::Cow<'_, str> {
    let is_control = |c: char| c.is_control() && !(keep_lines && matches!(c, '\n' | '\t'));
    if !s.chars().any(is_control) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            c if !is_control(c) => out.push(c),
            '\u{7F}' => out.push('\u{2421}'),
            c if (c as u32) < 0x20 => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'))
            }
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The first items of a list, joined with commas, and how many more there are: one E012
/// for a number 5,000 files share names five, not 5,000 on one line.
pub fn short_list(items: impl ExactSizeIterator<Item = String>, first: usize) -> String {
    let more = items.len().saturating_sub(first);
    let mut s = items.take(first).collect::<Vec<_>>().join(", ");
    if more > 0 {
        s.push_str(&format!(" and {more} more"));
    }
    s
}

/// `checked 54 entries: 1 error, 2 warnings`
pub fn summary_line(diags: &[Diagnostic], entries: usize) -> String {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    format!(
        "checked {entries} {}: {errors} {}, {warnings} {}",
        plural(entries, "entry", "entries"),
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings"),
    )
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}
