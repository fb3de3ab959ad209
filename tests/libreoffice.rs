//! The real-client check: LibreOffice opens the built DOCX and converts it to text, and
//! every heading and numbered paragraph is there, in order. Skipped where LibreOffice is
//! not installed, except under CI (`CI` set), where its absence is a failure.

use crate::common::{code, libreoffice_text, root, run, soffice};

#[test]
fn libreoffice_reads_every_numbered_paragraph_in_order() {
    let Some(soffice) = soffice() else {
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    assert_eq!(code(&run(&["build", "--out", &out.to_string_lossy()])), 0);
    let text = libreoffice_text(&soffice, &out.join("C18-33-E.docx"), tmp.path());
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim_start_matches('\u{FEFF}'))
        .collect();

    let report = council_report::load_and_check(&root().join("entries"))
        .expect("entries")
        .report
        .expect("valid");
    let mut at = 0;
    for e in &report.entries {
        let label = council_report::render::conventions::number_label(
            &e.number,
            report.meta.layout.top_level_period,
        );
        let start = format!("{label}\t");
        let found = lines[at..].iter().position(|l| l.starts_with(&start));
        let Some(offset) = found else {
            panic!("{label} not found after line {at} of LibreOffice's text");
        };
        at += offset + 1;
        if let Some(title) = &e.title {
            assert!(lines[at - 1].ends_with(title.as_str()), "{}", lines[at - 1]);
        }
    }
    assert_eq!(report.entries.len(), 54);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("ITU’S ACTIVITIES RELATED TO RESOLUTIONS 101, 102, 133 AND 180"))
    );
}
