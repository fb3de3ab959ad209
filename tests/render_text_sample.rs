//! The text report and digest of the real sample entries (`entries/`), through the whole
//! pipeline: load, check, render.

use std::path::Path;

use crate::common::copy_tree;
use council_report::render::text::{Templates, render_digest, render_report};

fn sample() -> council_report::model::Report {
    // Integration tests run in the crate root, so paths stay short and stable.
    let checked = council_report::load_and_check(Path::new("entries")).expect("entries load");
    assert_eq!(checked.errors(), 0, "{:#?}", checked.diagnostics);
    checked.report.expect("a checked report")
}

#[test]
fn sample_text_report() {
    let out = render_report(&sample(), &Templates::embedded()).expect("renders");
    insta::assert_snapshot!("sample_report_txt", out);
}

#[test]
fn sample_digest() {
    let out = render_digest(&sample(), &Templates::embedded()).expect("renders");
    insta::assert_snapshot!("sample_digest_txt", out);
}

#[test]
fn sample_body_follows_the_reference_numbering() {
    let out = render_report(&sample(), &Templates::embedded()).expect("renders");
    let numbers: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split_once('\t').map(|(n, _)| n))
        .filter(|n| n.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .collect();
    // The reference's sections: 1 to 7 with a period, 2.1 … 2.22, sub-items below them.
    for expected in [
        "1.", "2.", "2.1", "2.6.1", "2.9.2", "2.17.6", "2.22", "3.", "3.6", "4.5", "5.", "6.3",
        "7.",
    ] {
        assert!(
            numbers.contains(&expected),
            "{expected} missing from {numbers:?}"
        );
    }
    let mut sorted = numbers.clone();
    sorted.sort_by_key(|n| {
        n.trim_end_matches('.')
            .split('.')
            .map(|p| p.parse::<u32>().unwrap_or(0))
            .collect::<Vec<_>>()
    });
    assert_eq!(numbers, sorted, "body in section order");
}

#[test]
fn sample_text_report_wrapped_at_72() {
    let options = council_report::render::text::Options { wrap: Some(72) };
    let out = council_report::render::text::render_report_with(
        &sample(),
        &Templates::embedded(),
        options,
    )
    .expect("renders");
    insta::assert_snapshot!("sample_report_wrapped_72_txt", out);
}

#[test]
fn digest_lists_the_warnings_check_raised() {
    let dir = tempfile::tempdir().expect("temp dir");
    let entries = dir.path().join("entries");
    copy_tree(Path::new("entries"), &entries);
    let enum_entry = entries.join("5/5-enum.toml");
    let text = std::fs::read_to_string(&enum_entry).expect("read");
    std::fs::write(
        &enum_entry,
        text.replace("keeps up-to-date", "keeps  up-to-date"),
    )
    .expect("write");
    let checked = council_report::load_and_check(&entries).expect("entries load");
    let report = checked.report.expect("warnings do not stop a report");
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    let digest = render_digest(&report, &Templates::embedded()).expect("renders");
    let section = digest
        .split("Warnings (1)\n")
        .nth(1)
        .expect("a warnings section");
    assert_eq!(section, format!("  {}\n", report.warnings[0]));
    assert!(
        report.warnings[0].contains("5-enum.toml:6:"),
        "{}",
        report.warnings[0]
    );
}
