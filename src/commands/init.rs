//! `init`: write a new report folder and say what to do next.

use super::Outcome;
use crate::cli::InitArgs;
use crate::diag::{display, visible};

pub(super) fn run(args: &InitArgs) -> anyhow::Result<Outcome> {
    let written = crate::edit::init::run(&args.dir)?;
    for path in &written {
        crate::outln!("{}", visible(&display(path).to_string(), false));
    }
    let dir = display(&args.dir).to_string();
    let cd = if dir == "." {
        String::new()
    } else {
        format!("cd {} && ", visible(&dir, false))
    };
    crate::errln!(
        "created a report in {}: fill in the TODO values of entries/report.toml and entries/1/1-introduction.toml, then run `{cd}council-report check` (it lists each one, W005) and `council-report build`",
        visible(&dir, false)
    );
    Ok(Outcome::Success)
}
