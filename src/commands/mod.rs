//! One function per command; `main.rs` calls [`run`] and maps the outcome to an exit code.

mod build;
mod check;
mod import;

use crate::cli::{Cli, ColorChoice, Command};

/// What a command asks the process to exit with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0.
    Success,
    /// Exit 1: the entries are invalid (or `fmt --check` found files to change).
    Invalid,
}

impl Outcome {
    pub fn code(self) -> u8 {
        match self {
            Outcome::Success => 0,
            Outcome::Invalid => 1,
        }
    }
}

/// Runs a parsed command line. An `Err` is a usage or I/O error (exit 2).
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Build(args) => build::run(&args),
        Command::Import(args) => import::run(&args),
    }
}

/// Whether to colour output written to stderr.
pub(crate) fn use_color(choice: ColorChoice) -> bool {
    use std::io::IsTerminal;
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal()
        }
    }
}
