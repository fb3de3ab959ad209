//! Writes the DOCX of the hand-built sample report the renderer tests share
//! (`tests/sample_report/`), for looking at it and for `docx-check.sh`:
//! `cargo run --example sample_docx -- /tmp/sample.docx [--logo]`.

#[path = "../tests/sample_report/mod.rs"]
mod sample_report;

use std::process::ExitCode;

use council_report::render::docx::{DocxOptions, render};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (out, logo) = match args.as_slice() {
        [out] => (out, false),
        [out, flag] if flag == "--logo" => (out, true),
        _ => {
            eprintln!("usage: sample_docx OUT.docx [--logo]");
            return ExitCode::from(2);
        }
    };
    let mut report = sample_report::report();
    if logo {
        report.meta.layout.logo = Some(sample_report::logo());
    }
    let options = DocxOptions {
        timestamp: sample_report::TIMESTAMP,
    };
    match render(&report, &options).map(|bytes| std::fs::write(out, bytes)) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            eprintln!("error: cannot write {out}: {e}");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
