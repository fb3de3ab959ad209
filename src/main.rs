//! The `council-report` binary: parse the command line, run the library, exit.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = council_report::cli::Cli::parse();
    match council_report::commands::run(cli) {
        Ok(outcome) => ExitCode::from(outcome.code()),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
