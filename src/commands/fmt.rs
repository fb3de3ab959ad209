//! `fmt`: canonical layout; `--check` lists what would change and exits 1; `--fix` also
//! fixes the typography of the text values; `--dry-run` prints the changes as a diff.

use super::{Outcome, refused};
use crate::cli::FmtArgs;
use crate::diag::visible;
use crate::edit::fmt::{self, Formatted, Options};

pub(super) fn run(args: &FmtArgs) -> anyhow::Result<Outcome> {
    super::recover(&args.entries.entries)?;
    let options = Options {
        write: !(args.check || args.dry_run),
        fix: args.fix,
    };
    let changed = match fmt::run(&args.entries.entries, options) {
        Ok(changed) => changed,
        Err(e) => return refused(e, &args.color.diagnostics()),
    };
    let n = changed.len();
    let files = if n == 1 { "file" } else { "files" };
    let command = if args.fix { "fmt --fix" } else { "fmt" };
    if args.check {
        // One path per line on stdout, for scripts; the verdict on stderr.
        for f in &changed {
            crate::outln!("{}", visible(&f.file, false));
        }
        if n > 0 {
            crate::errln!("{n} {files} not formatted: run `council-report {command}`");
            return Ok(Outcome::Invalid);
        }
        crate::errln!("all files formatted");
        return Ok(Outcome::Success);
    }
    if args.dry_run {
        for f in &changed {
            crate::console::out(&diff(f));
        }
        crate::errln!(
            "{n} {files} would change; nothing was written (run `council-report {command}` to write {})",
            if n == 1 { "it" } else { "them" }
        );
        return Ok(Outcome::Success);
    }
    for f in &changed {
        crate::errln!("formatted {}", visible(&f.file, false));
    }
    if n == 0 {
        crate::errln!("all files formatted already");
    } else {
        crate::errln!("formatted {n} {files}");
    }
    Ok(Outcome::Success)
}

/// A file's change as a unified diff (`--- a/entries/2/2.09-x.toml`), three lines of
/// context, as `git diff` shows one.
fn diff(f: &Formatted) -> String {
    let file = visible(&f.file, false);
    similar::TextDiff::from_lines(&f.before, &f.after)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{file}"), &format!("b/{file}"))
        .to_string()
}
