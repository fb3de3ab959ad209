//! `completions`: a shell completion script, generated from the clap definition.

use clap::CommandFactory;

use super::Outcome;
use crate::cli::{Cli, CompletionsArgs};

pub(super) fn run(args: &CompletionsArgs) -> anyhow::Result<Outcome> {
    let mut command = Cli::command();
    // Into memory first: clap_complete panics when its writer fails (`>/dev/full`).
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "council-report", &mut script);
    crate::console::out(&String::from_utf8_lossy(&script));
    Ok(Outcome::Success)
}
