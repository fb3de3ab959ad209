//! `build`: check, then write the DOCX, the text report and the digest.

use anyhow::Context;

use super::Outcome;
use super::check::{outcome, report};
use crate::build::{BuildError, BuildOptions, build};
use crate::cli::BuildArgs;
use crate::diag::Format;

pub(super) fn run(args: &BuildArgs) -> anyhow::Result<Outcome> {
    let entries = &args.entries.entries;
    let checked = crate::load_and_check(entries)?;
    report(&checked, Format::Human, &args.diagnostics)?;
    if outcome(&checked, args.diagnostics.deny_warnings) == Outcome::Invalid {
        if checked.errors() == 0 {
            crate::errln!("nothing written: warnings are denied (--deny-warnings)");
        } else {
            crate::errln!("nothing written: fix the errors above first");
        }
        return Ok(Outcome::Invalid);
    }
    let options = BuildOptions {
        out: args.out.clone(),
        templates: args.templates.clone(),
        source_date_epoch: source_date_epoch()?,
        wrap: args.wrap,
    };
    match build(checked, entries, &options) {
        Ok(Some(w)) => {
            for path in [&w.docx, &w.text, &w.digest] {
                crate::outln!("wrote {}", crate::load::display(path));
            }
            Ok(Outcome::Success)
        }
        Ok(None) => Ok(Outcome::Invalid),
        // A broken user template is a problem with the input, like an invalid entry.
        Err(BuildError::Template(e)) => {
            crate::errln!("error: {e}");
            crate::errln!("nothing written: fix the template first");
            Ok(Outcome::Invalid)
        }
        Err(e) => Err(e).context("build failed; the previous outputs are unchanged"),
    }
}

/// `SOURCE_DATE_EPOCH` (reproducible-builds.org): Unix seconds, if set.
fn source_date_epoch() -> anyhow::Result<Option<i64>> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) if !v.trim().is_empty() => {
            v.trim().parse::<i64>().map(Some).with_context(|| {
                format!("SOURCE_DATE_EPOCH must be a number of seconds, not `{v}`")
            })
        }
        _ => Ok(None),
    }
}
