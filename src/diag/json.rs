//! JSON lines: one object per diagnostic, for scripts and editors.

use serde::Serialize;

use super::{Diagnostic, Severity, Sources};

/// One record: a diagnostic, or a run that stopped early (`failure.rs`), with the same
/// fields in the same order so that a script reads both alike.
#[derive(Serialize)]
pub(super) struct Record<'a> {
    pub severity: Severity,
    pub code: &'a str,
    pub message: &'a str,
    pub file: Option<&'a str>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub end_line: Option<usize>,
    pub end_column: Option<usize>,
    pub label: Option<&'a str>,
    pub help: Option<&'a str>,
}

impl<'a> Record<'a> {
    /// A record with no place in a file.
    pub(super) fn unplaced(severity: Severity, code: &'a str, message: &'a str) -> Self {
        Record {
            severity,
            code,
            message,
            file: None,
            line: None,
            column: None,
            end_line: None,
            end_column: None,
            label: None,
            help: None,
        }
    }

    /// The record as one JSON line, newline included.
    pub(super) fn line(&self) -> String {
        // Serializing plain strings and numbers cannot fail.
        let mut line = safe(&serde_json::to_string(self).unwrap_or_default());
        line.push('\n');
        line
    }
}

pub(super) fn render(diags: &[Diagnostic], sources: &Sources) -> String {
    let mut out = String::new();
    for d in diags {
        let at = |o: usize| d.file.and_then(|f| sources.line_col(f, o));
        let start = d.span.as_ref().and_then(|s| at(s.start));
        let end = d.span.as_ref().and_then(|s| at(s.end));
        let j = Record {
            severity: d.severity,
            code: d.code.as_str(),
            message: &d.message,
            file: d.file.map(|f| sources.path(f).as_str()),
            line: start.map(|p| p.line),
            column: start.map(|p| p.column),
            end_line: end.map(|p| p.line),
            end_column: end.map(|p| p.column),
            label: d.label.as_deref(),
            help: d.help.as_deref(),
        };
        out.push_str(&j.line());
    }
    out
}

/// serde_json escapes C0 controls but writes C1 ones (U+009B, a terminal's CSI) raw:
/// `\u009b` is the same JSON string, and safe to print.
pub(super) fn safe(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        if ('\u{80}'..='\u{9f}').contains(&c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}
