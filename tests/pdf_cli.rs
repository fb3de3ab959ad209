//! `build --pdf`: LibreOffice converts the built DOCX; the PDF's text (pdftotext, the
//! real reader) has every entry number in order; two builds give the same bytes; without
//! LibreOffice the build stops with an install hint and exit 2, writing nothing.

use std::process::Command;

use crate::common::{code, root, sample, soffice, stderr, tool};

#[test]
fn build_pdf_has_every_entry_number_in_order_and_is_reproducible() {
    let Some(soffice) = soffice() else {
        return;
    };
    let Some(pdftotext) = tool("pdftotext", "-v") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let out = |name: &str| {
        let out = dir.path().join(name);
        let o = crate::common::run_with_env(
            &["build", "--pdf", "--out", &out.to_string_lossy()],
            &[("SOFFICE", soffice.as_str())],
        );
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        assert!(
            crate::common::stdout(&o).contains("C18-33-E.pdf"),
            "{}",
            crate::common::stdout(&o)
        );
        out.join("C18-33-E.pdf")
    };
    let (first, second) = (out("a"), out("b"));
    let bytes = std::fs::read(&first).expect("pdf written");
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(
        bytes == std::fs::read(&second).expect("pdf written"),
        "two builds gave different PDFs"
    );
    let text = Command::new(pdftotext)
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&first)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&text.stdout);
    let lines: Vec<&str> = text.lines().map(str::trim_start).collect();
    let mut at = 0;
    for e in &sample().entries {
        let label = council_report::render::conventions::number_label(&e.number, true);
        let found = lines[at..].iter().position(|l| {
            l.strip_prefix(label.as_str())
                .is_some_and(|rest| rest.starts_with(char::is_whitespace))
        });
        let Some(offset) = found else {
            panic!("{label} not found after line {at} of the PDF's text");
        };
        at += offset + 1;
    }
    assert!(text.contains("ITU’S ACTIVITIES RELATED TO RESOLUTIONS"));
}

#[test]
fn without_libreoffice_build_pdf_names_the_installs_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    let o = crate::common::run_with_env(
        &["build", "--pdf", "--out", &out.to_string_lossy()],
        &[("SOFFICE", "/nonexistent/soffice")],
    );
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    let err = stderr(&o);
    for hint in ["Debian", "Windows", "macOS", "SOFFICE"] {
        assert!(err.contains(hint), "{hint} not in: {err}");
    }
    assert!(!out.exists(), "something was written");
    // The same with nothing on PATH and SOFFICE unset.
    let o = assert_cmd::Command::cargo_bin("council-report")
        .expect("binary")
        .current_dir(root())
        .env_remove("SOFFICE")
        .env("PATH", dir.path())
        .args(["build", "--pdf", "--out", &out.to_string_lossy()])
        .output()
        .expect("runs");
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("sudo apt-get install libreoffice-writer"));
}
