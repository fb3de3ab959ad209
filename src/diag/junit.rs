//! A JUnit XML report: one test case per file checked, failing with its errors, so that CI
//! dashboards (GitLab, Jenkins, Azure) show which entry is broken and why. Written with
//! quick-xml's `Writer`, which nests and escapes; what XML 1.0 cannot carry at all (most
//! C0 controls, even escaped) is made visible first, as in the human format.

use std::collections::BTreeMap;
use std::io;

use quick_xml::Writer;
use quick_xml::escape::partial_escape;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::{Diagnostic, FileId, RunSummary, Sources, visible};

/// The pseudo-file for findings about the folder as a whole.
const FOLDER: &str = "(entries folder)";

const SUITE: &str = "council-report check";

pub(super) fn render(diags: &[Diagnostic], sources: &Sources, summary: &RunSummary) -> String {
    // Test cases by file name: the clean files too, so a dashboard counts every entry.
    let mut by_file: BTreeMap<&str, (Option<FileId>, Vec<&Diagnostic>)> = BTreeMap::new();
    for &f in &summary.files {
        by_file
            .entry(sources.path(f))
            .or_insert((Some(f), Vec::new()));
    }
    for d in diags {
        let name = d.file.map_or(FOLDER, |f| sources.path(f).as_str());
        by_file
            .entry(name)
            .or_insert((d.file, Vec::new()))
            .1
            .push(d);
    }
    let fails = |d: &&Diagnostic| d.is_error() || summary.deny_warnings;
    let failures = by_file
        .values()
        .filter(|(_, v)| v.iter().any(fails))
        .count();
    let (tests, failures) = (by_file.len().to_string(), failures.to_string());

    suites(&tests, &failures, |w| {
        for (name, (id, ds)) in &by_file {
            test_case(w, name, *id, ds, sources, &fails)?;
        }
        Ok(())
    })
}

/// A run that stopped before checking (`code` is `io` or `usage`): one failing test case,
/// so that the dashboard shows why instead of an empty report.
pub(super) fn render_failure(code: &str, message: &str) -> String {
    suites("1", "1", |w| {
        w.create_element("testcase")
            .with_attributes([("classname", "entries"), ("name", FOLDER)])
            .write_inner_content(|w| {
                w.create_element("failure")
                    .with_attributes([
                        ("type", code),
                        ("message", &text(&format!("{code}: {message}"))),
                    ])
                    .write_text_content(content(message))?;
                Ok(())
            })?;
        Ok(())
    })
}

/// The document around the test cases: the declaration, `testsuites` and its one
/// `testsuite`, both with the counts.
fn suites(
    tests: &str,
    failures: &str,
    cases: impl FnOnce(&mut Writer<Vec<u8>>) -> io::Result<()>,
) -> String {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let counts = [("tests", tests), ("failures", failures)];
    // Writing into a `Vec` cannot fail; an error would leave the report short, not wrong.
    let _ = (|| -> io::Result<()> {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        w.create_element("testsuites")
            .with_attribute(("name", SUITE))
            .with_attributes(counts)
            .write_inner_content(|w| {
                w.create_element("testsuite")
                    .with_attribute(("name", SUITE))
                    .with_attributes(counts)
                    .with_attributes([("errors", "0"), ("skipped", "0")])
                    .write_inner_content(|w| cases(w))?;
                Ok(())
            })?;
        Ok(())
    })();
    let mut out = String::from_utf8(w.into_inner()).unwrap_or_default();
    out.push('\n');
    out
}

/// One file's test case: a failure per error (per warning under `--deny-warnings`), the
/// other warnings as its output.
fn test_case(
    w: &mut Writer<Vec<u8>>,
    name: &str,
    id: Option<FileId>,
    ds: &[&Diagnostic],
    sources: &Sources,
    fails: &dyn Fn(&&Diagnostic) -> bool,
) -> io::Result<()> {
    let name = text(name);
    let case = w.create_element("testcase").with_attributes([
        ("classname", "entries"),
        ("name", &name),
        ("file", &name),
    ]);
    if ds.is_empty() {
        case.write_empty()?;
        return Ok(());
    }
    case.write_inner_content(|w| {
        let mut notes = String::new();
        for d in ds {
            let pos = match (id, &d.span) {
                (Some(id), Some(s)) => sources
                    .line_col(id, s.start)
                    .map(|p| format!("{name}:{}:{}", p.line, p.column)),
                _ => None,
            }
            .unwrap_or_else(|| name.clone());
            let mut body = format!("{pos}: {}", d.message);
            if let Some(l) = &d.label {
                body.push_str(&format!(" ({l})"));
            }
            if let Some(h) = &d.help {
                body.push_str(&format!("\nhelp: {h}"));
            }
            if fails(d) {
                let code = d.code.as_str();
                w.create_element("failure")
                    .with_attributes([
                        ("type", code),
                        ("message", &text(&format!("{code} {}", d.message))),
                    ])
                    .write_text_content(content(&body))?;
            } else {
                notes.push_str(&format!("warning[{}]: {body}\n", d.code));
            }
        }
        if !notes.is_empty() {
            w.create_element("system-out")
                .write_text_content(content(&notes))?;
        }
        Ok(())
    })?;
    Ok(())
}

/// `s` with the characters XML 1.0 cannot hold even escaped (C0 controls) drawn as their
/// pictures (`␛`), and C1 controls, a terminal's CSI when printed raw, written out
/// (`\u{9b}`): the same text the human format shows.
fn text(s: &str) -> String {
    visible(s, true).into_owned()
}

/// Element text: only `<`, `>` and `&` escaped, so messages stay readable in a CI log.
fn content(s: &str) -> BytesText<'static> {
    BytesText::from_escaped(partial_escape(text(s)).into_owned())
}
