//! Renders an entries folder to DOCX, for looking at the result and for `docx-check.sh`:
//! `cargo run --example docx -- entries out/C18-33-E.docx`.

use std::path::Path;
use std::process::ExitCode;

use council_report::render::docx::{DocxOptions, render};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, out] = args.as_slice() else {
        eprintln!("usage: docx ENTRIES_DIR OUT.docx");
        return ExitCode::from(2);
    };
    let checked = match council_report::load_and_check(Path::new(dir)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let Some(report) = checked.report else {
        eprintln!("error: the entries have errors; run `council-report check`");
        return ExitCode::FAILURE;
    };
    let options = DocxOptions {
        timestamp: council_report::build::timestamp(&report, None),
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
