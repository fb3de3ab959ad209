//! Renders a report to DOCX, for looking at the result and for `docx-check.sh`:
//!
//! - `cargo run --example docx -- entries out/C18-33-E.docx`: an entries folder, checked;
//! - `cargo run --example docx -- --sample /tmp/sample.docx [--logo]`: the hand-built
//!   sample report the renderer tests share (`tests/sample_report/`), with the test logo
//!   if asked.

#[path = "../tests/sample_report/mod.rs"]
mod sample_report;

use std::path::Path;
use std::process::ExitCode;

use council_report::model::Report;
use council_report::render::docx::{DocxOptions, render};

const USAGE: &str = "usage: docx ENTRIES_DIR OUT.docx | docx --sample OUT.docx [--logo]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (report, out, timestamp) = match args.as_slice() {
        [flag, out, rest @ ..] if flag == "--sample" => {
            let mut report = sample_report::report();
            match rest {
                [] => {}
                [logo] if logo == "--logo" => {
                    report.meta.layout.logo = Some(sample_report::logo());
                }
                _ => {
                    eprintln!("{USAGE}");
                    return ExitCode::from(2);
                }
            }
            (report, out, sample_report::TIMESTAMP)
        }
        [dir, out] => match checked(Path::new(dir)) {
            Ok(report) => {
                let timestamp = council_report::build::timestamp(&report, None);
                (report, out, timestamp)
            }
            Err(code) => return code,
        },
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match render(&report, &DocxOptions { timestamp }).map(|bytes| std::fs::write(out, bytes)) {
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

/// The checked report of an entries folder, or the exit code of a failure (reported).
fn checked(dir: &Path) -> Result<Report, ExitCode> {
    let checked = council_report::load_and_check(dir).map_err(|e| {
        eprintln!("error: {e}");
        ExitCode::from(2)
    })?;
    checked.report.ok_or_else(|| {
        eprintln!("error: the entries have errors; run `council-report check`");
        ExitCode::FAILURE
    })
}
