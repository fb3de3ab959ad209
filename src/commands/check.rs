//! `check`: validate and report, in the format CI or a person wants.

use super::{Outcome, use_color};
use crate::check::Checked;
use crate::cli::{CheckArgs, DiagnosticArgs};
use crate::diag::{self, Format, RunSummary};

pub(super) fn run(args: &CheckArgs) -> anyhow::Result<Outcome> {
    let format = args.format.into();
    checked_run(args).inspect_err(|e| {
        // The `error:` line still goes to stderr (main); CI reads stdout.
        let message = crate::output::chain_in_words(e);
        crate::console::out(&diag::render_failure(format, diag::Failure::Io, &message));
    })
}

fn checked_run(args: &CheckArgs) -> anyhow::Result<Outcome> {
    super::recover(&args.entries.entries)?;
    let mut checked = crate::load_and_check(&args.entries.entries)?;
    if let Some(languages) = &args.language {
        crate::translate::localize(&mut checked, &args.entries.entries, &languages.0);
    }
    report(&checked, args.format.into(), &args.diagnostics)?;
    let outcome = outcome(&checked, args.diagnostics.deny_warnings);
    // The process ends here: freeing every entry and file text one by one would only
    // delay the exit (by a tenth of the run on a large folder); the OS takes it all back.
    std::mem::forget(checked);
    Ok(outcome)
}

/// Invalid when there is an error, or a warning under `--deny-warnings`.
pub(crate) fn outcome(checked: &Checked, deny_warnings: bool) -> Outcome {
    if checked.errors() > 0 || (deny_warnings && checked.warnings() > 0) {
        Outcome::Invalid
    } else {
        Outcome::Success
    }
}

/// Prints the diagnostics: human format on stderr with a summary line; machine formats on
/// stdout (the summary still goes to stderr, for the person watching the CI log).
pub(crate) fn report(
    checked: &Checked,
    format: Format,
    args: &DiagnosticArgs,
) -> anyhow::Result<()> {
    let summary = RunSummary {
        files: checked.files.clone(),
        entries: checked.entries,
        deny_warnings: args.deny_warnings,
    };
    let color = format == Format::Human && use_color(args.color);
    let text = diag::render(
        format,
        &checked.diagnostics,
        &checked.sources,
        &summary,
        color,
    );
    let mut line = diag::summary_line(&checked.diagnostics, checked.entries);
    if args.deny_warnings && checked.warnings() > 0 {
        line.push_str(" (warnings are denied)");
    }
    if format == Format::Human {
        crate::console::err(&text);
    } else {
        crate::console::out(&text);
    }
    crate::errln!("{line}");
    Ok(())
}
