//! The DOCX of the sample entries folder: every entry present in order, every link a
//! hyperlink, byte-identical across renders.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::{W, docx_part as part, paragraph_text};
use council_report::model::Report;
use council_report::render::docx::{DocxOptions, render};

const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn sample() -> Report {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("entries");
    council_report::load_and_check(&dir)
        .expect("entries load")
        .report
        .expect("the sample entries have no errors")
}

#[test]
fn sample_entries_render_in_order_with_their_links() {
    let report = sample();
    let options = DocxOptions {
        timestamp: council_report::build::timestamp(&report, None),
    };
    let docx = render(&report, &options).unwrap();
    if let Ok(path) = std::env::var("COUNCIL_DOCX_SAMPLE") {
        std::fs::write(path, &docx).unwrap();
    }
    let xml = part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(paragraph_text)
        .collect();

    // Every entry number, in section-number order, typed before a tab.
    let layout = &report.meta.layout;
    let expected: Vec<String> = report
        .entries
        .iter()
        .map(|e| {
            let n = e.number.to_string();
            if e.number.depth() == 1 && layout.top_level_period {
                n + "."
            } else {
                n
            }
        })
        .collect();
    let found: Vec<String> = texts
        .iter()
        .filter_map(|t| t.split_once('\t').map(|(n, _)| n.to_owned()))
        .filter(|n| n.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .collect();
    assert_eq!(found, expected);
    // Titles are there, after their numbers.
    for e in &report.entries {
        if let Some(title) = &e.title {
            let n = &expected[report
                .entries
                .iter()
                .position(|x| x.number == e.number)
                .unwrap()];
            assert!(
                texts.contains(&format!("{n}\t{title}")),
                "heading {n} {title}"
            );
        }
    }
    assert!(texts.contains(&report.meta.title.as_str().to_uppercase()));

    // Every link of the entries is a hyperlink with an external relationship.
    let rels_xml = part(&docx, "word/_rels/document.xml.rels");
    let rels_doc = roxmltree::Document::parse(&rels_xml).unwrap();
    let rels: BTreeMap<&str, (&str, Option<&str>)> = rels_doc
        .descendants()
        .filter(|n| n.has_tag_name("Relationship"))
        .map(|n| {
            (
                n.attribute("Id").unwrap(),
                (n.attribute("Target").unwrap(), n.attribute("TargetMode")),
            )
        })
        .collect();
    let targets: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "hyperlink")))
        .map(|h| {
            let (target, mode) = rels[h.attribute((R, "id")).unwrap()];
            assert_eq!(mode, Some("External"));
            target
        })
        .collect();
    let summary_text = report.meta.summary.text.markup();
    let references = report.meta.summary.references.markup();
    let mut links: Vec<&str> = summary_text.links().collect();
    if let Some(action) = &report.meta.summary.action {
        links.extend(action.links());
    }
    links.extend(references.links());
    for e in &report.entries {
        links.extend(e.text.links());
    }
    assert_eq!(targets, links);

    // Deterministic.
    assert!(docx == render(&report, &options).unwrap());
}

/// Two processes render the same bytes as this one (docx-rs's global counters start
/// afresh in each; tests in this process run in parallel and move them).
#[test]
fn same_bytes_in_two_processes() {
    if std::env::var_os("COUNCIL_DOCX_SAMPLE").is_some() {
        return; // a child process
    }
    let report = sample();
    let here = render(
        &report,
        &DocxOptions {
            timestamp: council_report::build::timestamp(&report, None),
        },
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    for name in ["a.docx", "b.docx"] {
        let path = dir.path().join(name);
        let status = std::process::Command::new(&exe)
            .args([
                "docx_render::sample_entries_render_in_order_with_their_links",
                "--exact",
                "--test-threads=1",
            ])
            .env("COUNCIL_DOCX_SAMPLE", &path)
            .stdout(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
        assert!(
            std::fs::read(&path).unwrap() == here,
            "{name} differs from this process's render"
        );
    }
}
