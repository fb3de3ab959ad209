//! GitHub Actions workflow commands: each diagnostic becomes an annotation on the
//! pull request's diff (`::error file=…,line=…,col=…,title=E012::…`).

use super::{Diagnostic, RunSummary, Severity, Sources, visible};

pub(super) fn render(diags: &[Diagnostic], sources: &Sources, summary: &RunSummary) -> String {
    let mut out = String::new();
    for d in diags {
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning if summary.deny_warnings => "error",
            Severity::Warning => "warning",
        };
        let mut props = Vec::new();
        if let Some(file) = d.file {
            props.push(format!(
                "file={}",
                property(&visible(sources.path(file), false))
            ));
            if let Some(span) = &d.span
                && let (Some(a), Some(b)) = (
                    sources.line_col(file, span.start),
                    sources.line_col(file, span.end),
                )
            {
                props.push(format!("line={}", a.line));
                props.push(format!("col={}", a.column));
                if b.line != a.line {
                    props.push(format!("endLine={}", b.line));
                } else if b.column > a.column {
                    props.push(format!("endColumn={}", b.column));
                }
            }
        }
        props.push(format!("title={}", d.code));
        let mut message = visible(&d.message, false).into_owned();
        if let Some(label) = &d.label {
            message.push_str(": ");
            message.push_str(&visible(label, false));
        }
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(&visible(help, false));
        }
        out.push_str(&format!(
            "::{kind} {}::{}\n",
            props.join(","),
            data(&message)
        ));
    }
    out
}

/// Escapes the message part of a workflow command.
pub(super) fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value, which also may not contain `:` or `,`.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}
