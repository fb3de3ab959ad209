//! The `council-report` binary: parse the command line, run the library, exit.

use std::process::ExitCode;

use clap::Parser;
use council_report::{console, errln};

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match council_report::cli::Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => {
            council_report::commands::report_usage_error(&args, &e);
            return ExitCode::from(console::clap_exit(&e));
        }
    };
    let code = match council_report::commands::run(cli) {
        Ok(outcome) => outcome.code(),
        Err(e) => {
            errln!("error: {}", council_report::output::chain_in_words(&e));
            2
        }
    };
    ExitCode::from(console::exit_code(code))
}
