//! A JUnit XML report: one test case per file checked, failing with its errors, so that CI
//! dashboards (GitLab, Jenkins, Azure) show which entry is broken and why.

use std::collections::BTreeMap;

use super::{Diagnostic, RunSummary, Sources};

/// The pseudo-file for findings about the folder as a whole.
const FOLDER: &str = "(entries folder)";

pub(super) fn render(diags: &[Diagnostic], sources: &Sources, summary: &RunSummary) -> String {
    let mut by_file: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
    for f in &summary.files {
        by_file.entry(f.as_str()).or_default();
    }
    for d in diags {
        by_file
            .entry(d.file.as_deref().unwrap_or(FOLDER))
            .or_default()
            .push(d);
    }
    let fails = |d: &&Diagnostic| d.is_error() || summary.deny_warnings;
    let failures = by_file.values().filter(|v| v.iter().any(fails)).count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"council-report check\" tests=\"{0}\" failures=\"{1}\">\n  <testsuite name=\"council-report check\" tests=\"{0}\" failures=\"{1}\" errors=\"0\" skipped=\"0\">\n",
        by_file.len(),
        failures
    ));
    for (file, ds) in &by_file {
        out.push_str(&format!(
            "    <testcase classname=\"entries\" name=\"{}\" file=\"{}\"",
            esc(file),
            esc(file)
        ));
        if ds.is_empty() {
            out.push_str("/>\n");
            continue;
        }
        out.push_str(">\n");
        let mut notes = String::new();
        for d in ds {
            let pos = d
                .span
                .as_ref()
                .and_then(|s| sources.line_col(file, s.start))
                .map(|p| format!("{file}:{}:{}", p.line, p.column))
                .unwrap_or_else(|| file.to_string());
            let mut body = format!("{pos}: {}", d.message);
            if let Some(l) = &d.label {
                body.push_str(&format!(" ({l})"));
            }
            if let Some(h) = &d.help {
                body.push_str(&format!("\nhelp: {h}"));
            }
            if fails(d) {
                out.push_str(&format!(
                    "      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                    d.code,
                    esc(&format!("{} {}", d.code, d.message)),
                    esc(&body)
                ));
            } else {
                notes.push_str(&format!("warning[{}]: {body}\n", d.code));
            }
        }
        if !notes.is_empty() {
            out.push_str(&format!("      <system-out>{}</system-out>\n", esc(&notes)));
        }
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            // XML 1.0 cannot carry most C0 controls, even escaped: drawn as pictures
            // (`␛`), as in the human format. C1 controls are valid XML, but raw they
            // are a terminal's CSI: written as references, the same text.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {
                o.push_str(&super::visible(c.encode_utf8(&mut [0; 4]), false))
            }
            c if ('\u{7f}'..='\u{9f}').contains(&c) => o.push_str(&format!("&#x{:X};", c as u32)),
            c => o.push(c),
        }
    }
    o
}
