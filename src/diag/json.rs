//! JSON lines: one object per diagnostic, for scripts and editors.

use serde::Serialize;

use super::{Diagnostic, Severity, Sources};

#[derive(Serialize)]
struct Json<'a> {
    severity: Severity,
    code: &'a str,
    message: &'a str,
    file: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    label: Option<&'a str>,
    help: Option<&'a str>,
}

pub(super) fn render(diags: &[Diagnostic], sources: &Sources) -> String {
    let mut out = String::new();
    for d in diags {
        let at = |o: usize| d.file.and_then(|f| sources.line_col(f, o));
        let start = d.span.as_ref().and_then(|s| at(s.start));
        let end = d.span.as_ref().and_then(|s| at(s.end));
        let j = Json {
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
        // Serializing plain strings and numbers cannot fail.
        out.push_str(&safe(&serde_json::to_string(&j).unwrap_or_default()));
        out.push('\n');
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
