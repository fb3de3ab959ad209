//! `completions`: a shell completion script, generated from the clap definition.

use clap::CommandFactory;

use super::Outcome;
use crate::cli::{Cli, CompletionsArgs};

pub(super) fn run(args: &CompletionsArgs) -> anyhow::Result<Outcome> {
    let mut command = Cli::command();
    clap_complete::generate(
        args.shell,
        &mut command,
        "council-report",
        &mut std::io::stdout(),
    );
    Ok(Outcome::Success)
}
