//! `fmt`: canonical layout; `--check` lists what would change and exits 1.

use super::{Outcome, refused};
use crate::cli::FmtArgs;
use crate::diag::visible;
use crate::edit::fmt;

pub(super) fn run(args: &FmtArgs) -> anyhow::Result<Outcome> {
    super::recover(&args.entries.entries)?;
    let changed = match fmt::run(&args.entries.entries, args.check) {
        Ok(changed) => changed,
        Err(e) => return refused(e, &args.color.diagnostics()),
    };
    let n = changed.len();
    let files = if n == 1 { "file" } else { "files" };
    if args.check {
        // One path per line on stdout, for scripts; the verdict on stderr.
        for file in &changed {
            crate::outln!("{}", visible(file, false));
        }
        if n > 0 {
            crate::errln!("{n} {files} not formatted: run `council-report fmt`");
            return Ok(Outcome::Invalid);
        }
        crate::errln!("all files formatted");
        return Ok(Outcome::Success);
    }
    for file in &changed {
        crate::errln!("formatted {}", visible(file, false));
    }
    if n == 0 {
        crate::errln!("all files formatted already");
    } else {
        crate::errln!("formatted {n} {files}");
    }
    Ok(Outcome::Success)
}
