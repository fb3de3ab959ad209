//! `build`: check, then write the DOCX, the text report and the digest (and the HTML page
//! and the PDF when asked).

use anyhow::Context;

use super::Outcome;
use super::check::{outcome, report};
use crate::against::Against;
use crate::build::{BuildError, BuildOptions, Written, build_against, build_all};
use crate::check::Checked;
use crate::cli::{BuildArgs, DiagnosticArgs};
use crate::diag::Format;
use crate::pdf::Soffice;
use crate::render::text::TemplateError;

pub(super) fn run(args: &BuildArgs) -> anyhow::Result<Outcome> {
    let entries = &args.entries.entries;
    // Before checking: a missing LibreOffice is a usage error (exit 2), found at once.
    let pdf = args.pdf.then(Soffice::find).transpose()?;
    // So is an issued version that cannot be found (a missing folder, git or ref).
    let issued = args
        .against
        .as_deref()
        .map(|a| Against::parse(a).resolve(entries))
        .transpose()?;
    super::recover(entries)?;
    let _reading = super::read_lock(entries)?;
    let mut checked = crate::load_and_check(entries)?;
    let mut old = issued
        .as_ref()
        .map(|i| crate::load_and_check(i.dir()))
        .transpose()?;
    // Each language of the revision is compared with the same language of the issued
    // version, translated by the issued version's own translation files.
    let languages = args.language.as_ref().map(|l| l.0.as_slice());
    let reports = languages.map(|l| crate::translate::localize(&mut checked, entries, l));
    let old_reports = match (languages, old.as_mut(), &issued) {
        (Some(l), Some(old), Some(issued)) => {
            Some(crate::translate::localize(old, issued.dir(), l))
        }
        _ => None,
    };
    if issued.is_some() && checked.errors() > 0 {
        crate::errln!(
            "the revision ({}) has errors:",
            crate::diag::display(entries)
        );
    }
    if !accept(&checked, &args.diagnostics)? {
        return Ok(Outcome::Invalid);
    }
    if let (Some(old), Some(issued)) = (&old, &issued)
        && old.errors() > 0
    {
        // Its warnings are no reason to refuse: it was issued as it is.
        crate::errln!(
            "the issued version (--against {}) has errors:",
            issued.label
        );
        report(old, Format::Human, &args.diagnostics)?;
        crate::errln!("nothing written: the issued version must check to be compared");
        return Ok(Outcome::Invalid);
    }
    if let Some(issued) = &issued
        && checked
            .report
            .as_ref()
            .is_some_and(|r| r.meta.revision.is_none())
    {
        return Err(crate::against::AgainstError::NoRevision(issued.label.clone()).into());
    }
    let options = options(args, pdf)?;
    let Some(reports) = reports else {
        return written(build_against(checked, old, entries, &options));
    };
    let budget = (checked.entries, checked.sources.total_bytes());
    drop(checked);
    // Every language is rendered before any is written, so an error in one leaves every
    // output as it was.
    written_all(build_all(
        reports.unwrap_or_default(),
        old_reports.map(Option::unwrap_or_default),
        budget,
        entries,
        &options,
    ))
}

/// Prints what a build of several languages wrote, or why it wrote nothing.
fn written_all(result: Result<Vec<Written>, BuildError>) -> anyhow::Result<Outcome> {
    match result {
        Ok(all) => {
            for w in all {
                written(Ok(Some(w)))?;
            }
            Ok(Outcome::Success)
        }
        Err(e) => written(Err(e)),
    }
}

/// Prints the diagnostics; true when the outputs may be written (no error, and no
/// warning under `--deny-warnings`), else says why nothing is written.
pub(super) fn accept(checked: &Checked, diagnostics: &DiagnosticArgs) -> anyhow::Result<bool> {
    report(checked, Format::Human, diagnostics)?;
    if outcome(checked, diagnostics.deny_warnings) == Outcome::Invalid {
        if checked.errors() == 0 {
            crate::errln!("nothing written: warnings are denied (--deny-warnings)");
        } else {
            crate::errln!("nothing written: fix the errors above first");
        }
        return Ok(false);
    }
    Ok(true)
}

/// The build options of the command line.
pub(super) fn options(args: &BuildArgs, pdf: Option<Soffice>) -> anyhow::Result<BuildOptions> {
    Ok(BuildOptions {
        out: args.out.clone(),
        templates: args.templates.clone(),
        source_date_epoch: source_date_epoch()?,
        wrap: args.wrap,
        html: args.html,
        pdf,
    })
}

/// Prints what a build wrote, or why it wrote nothing.
pub(super) fn written(result: Result<Option<Written>, BuildError>) -> anyhow::Result<Outcome> {
    match result {
        Ok(Some(w)) => {
            for path in w.paths() {
                crate::outln!("wrote {}", crate::diag::display(path));
            }
            Ok(Outcome::Success)
        }
        Ok(None) => Ok(Outcome::Invalid),
        // A broken user template is a problem with the input, like an invalid entry; a
        // templates folder that is not there is a wrong argument (exit 2, below).
        Err(BuildError::Template(e @ TemplateError::Template { .. })) => {
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
