//! `translate export` and `translate status`.

use anyhow::Context;
use serde::Serialize;

use super::Outcome;
use super::check::report;
use crate::check::Checked;
use crate::cli::{StatusFormat, TranslateCommand, TranslateExportArgs, TranslateStatusArgs};
use crate::diag::Format;
use crate::locale::Language;
use crate::translate::{State, apply, export, units};

pub(super) fn run(command: &TranslateCommand) -> anyhow::Result<Outcome> {
    match command {
        TranslateCommand::Export(args) => run_export(args),
        TranslateCommand::Status(args) => run_status(args),
    }
}

/// The checked English, or `None` after printing its errors.
fn english(checked: &Checked, color: &crate::cli::ColorArg) -> anyhow::Result<bool> {
    if checked.errors() > 0 {
        report(checked, Format::Human, &color.diagnostics())?;
        crate::errln!("nothing done: fix the errors above first");
        return Ok(false);
    }
    Ok(true)
}

fn run_export(args: &TranslateExportArgs) -> anyhow::Result<Outcome> {
    let entries = &args.entries.entries;
    super::recover(entries)?;
    // The file goes into the entries folder: no other edit meanwhile.
    let _lock = crate::edit::session(entries).map_err(anyhow::Error::new)?;
    let checked = crate::load_and_check(entries)?;
    if !english(&checked, &args.color)? {
        return Ok(Outcome::Invalid);
    }
    let Some(report) = &checked.report else {
        return Ok(Outcome::Invalid);
    };
    let source = report.meta.source_language();
    if args.to.0 == [source] {
        anyhow::bail!(
            "the entries are in {} ({source}): export for another language ({})",
            source.name(),
            others(source)
        );
    }
    for &language in args.to.0.iter().filter(|l| **l != source) {
        let e = export::export(report, entries, language)?;
        let path = crate::diag::display(&e.path);
        if e.unchanged {
            crate::outln!("{path}: up to date ({} pieces)", e.units);
        } else {
            crate::outln!(
                "wrote {path}: {} pieces ({} new, {} changed and marked for review, {} removed)",
                e.units,
                e.added,
                e.changed,
                e.removed
            );
        }
    }
    Ok(Outcome::Success)
}

/// `F, S, A, C or R`: the languages other than `source`.
fn others(source: Language) -> String {
    let rest: Vec<&str> = Language::ALL
        .iter()
        .filter(|l| **l != source)
        .map(|l| l.letter())
        .collect();
    format!(
        "{} or {}",
        rest[..rest.len() - 1].join(", "),
        rest[rest.len() - 1]
    )
}

/// One language's line of `translate status`.
#[derive(Debug, Serialize)]
struct LanguageStatus {
    language: &'static str,
    name: &'static str,
    /// The translation file, or none yet.
    file: Option<String>,
    translated: usize,
    missing: usize,
    stale: usize,
    orphaned: usize,
    /// The ids of the stale units.
    stale_units: Vec<String>,
}

#[derive(Debug, Serialize)]
struct Status {
    source: &'static str,
    units: usize,
    languages: Vec<LanguageStatus>,
}

fn run_status(args: &TranslateStatusArgs) -> anyhow::Result<Outcome> {
    let entries = &args.entries.entries;
    super::recover(entries)?;
    let _reading = super::read_lock(entries)?;
    let mut checked = crate::load_and_check(entries)?;
    if !english(&checked, &args.color)? {
        return Ok(Outcome::Invalid);
    }
    let Some(report) = checked.report.take() else {
        return Ok(Outcome::Invalid);
    };
    let source = report.meta.source_language();
    let units = units::units(&report);
    let mut diags = Vec::new();
    let mut languages = Vec::new();
    for language in Language::ALL.into_iter().filter(|l| *l != source) {
        let file = apply::load(entries, language, &mut checked.sources, &mut diags);
        let records: std::collections::HashMap<&str, &crate::translate::xliff::Record> = file
            .iter()
            .flat_map(|f| f.records.iter().map(|r| (r.id.as_str(), r)))
            .collect();
        let mut line = LanguageStatus {
            language: language.letter(),
            name: language.name(),
            file: file
                .as_ref()
                .map(|f| checked.sources.path(f.file).to_string()),
            translated: 0,
            missing: 0,
            stale: 0,
            orphaned: 0,
            stale_units: Vec::new(),
        };
        for unit in &units {
            match apply::state(unit, records.get(unit.id.as_str()).copied()) {
                State::Translated => line.translated += 1,
                State::Missing => line.missing += 1,
                State::Stale => {
                    line.stale += 1;
                    line.stale_units.push(unit.id.clone());
                }
            }
        }
        let known: std::collections::HashSet<&str> = units.iter().map(|u| u.id.as_str()).collect();
        line.orphaned = records.keys().filter(|id| !known.contains(*id)).count();
        languages.push(line);
    }
    if !diags.is_empty() {
        checked.diagnostics = diags;
        report_files(&checked, args)?;
        return Ok(Outcome::Invalid);
    }
    let status = Status {
        source: source.letter(),
        units: units.len(),
        languages,
    };
    match args.format {
        StatusFormat::Json => crate::outln!(
            "{}",
            serde_json::to_string_pretty(&status).context("cannot write the status as JSON")?
        ),
        StatusFormat::Table => print_table(&status),
    }
    Ok(Outcome::Success)
}

/// Prints the problems found in the translation files.
fn report_files(checked: &Checked, args: &TranslateStatusArgs) -> anyhow::Result<()> {
    report(checked, Format::Human, &args.color.diagnostics())
}

fn print_table(status: &Status) {
    crate::outln!(
        "{} pieces of text in {}:",
        status.units,
        Language::parse(status.source).map_or("English", Language::name)
    );
    // The file column as wide as its longest path: a fixed width misaligned every column
    // after it once the entries folder was given as a long path.
    let none = "(none yet)";
    let width = status
        .languages
        .iter()
        .map(|l| l.file.as_deref().unwrap_or(none).chars().count())
        .max()
        .unwrap_or(0)
        .max("file".len());
    crate::outln!(
        "{:<12} {:<width$} {:>10} {:>8} {:>6} {:>9}",
        "language",
        "file",
        "translated",
        "missing",
        "stale",
        "orphaned"
    );
    for l in &status.languages {
        crate::outln!(
            "{:<12} {:<width$} {:>10} {:>8} {:>6} {:>9}",
            format!("{} {}", l.language, l.name),
            l.file.as_deref().unwrap_or(none),
            l.translated,
            l.missing,
            l.stale,
            l.orphaned
        );
    }
    for l in status.languages.iter().filter(|l| l.stale > 0) {
        crate::outln!("stale in {}: {}", l.language, l.stale_units.join(", "));
    }
}
