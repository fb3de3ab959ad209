//! One function per command; `main.rs` calls [`run`] and maps the outcome to an exit code.

mod build;
mod check;
mod completions;
mod fmt;
mod import;
mod init;
mod man;
mod new;
mod renumber;
mod schema;
mod translate;
mod watch;

use crate::cli::{Cli, ColorChoice, Command, DiagnosticArgs};
use crate::diag::Format;
use crate::edit::EditError;

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
        Command::Init(args) => init::run(&args),
        Command::Import(args) => import::run(&args),
        Command::New(args) => new::run(&args),
        Command::Renumber(args) => renumber::run(&args),
        Command::Fmt(args) => fmt::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Watch(args) => watch::run(&args),
        Command::Completions(args) => completions::run(&args),
        Command::Man(args) => man::run(&args),
        Command::Translate(command) => translate::run(&command),
    }
}

/// A command line clap refused, asking for a machine format (`check --format junit
/// --entries` with no folder): the usage error as that format's record on stdout too, so
/// that CI shows it. `args` are the process's arguments, program name first.
pub fn report_usage_error(args: &[std::ffi::OsString], e: &clap::Error) {
    if !e.use_stderr() {
        return; // --help, --version: not an error
    }
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let named = args
        .windows(2)
        .find_map(|w| (w[0] == "--format").then(|| w[1].clone()));
    let joined = args
        .iter()
        .find_map(|a| a.strip_prefix("--format=").map(str::to_owned));
    let format = match named.or(joined).as_deref() {
        Some("json") => Format::Json,
        Some("github") => Format::Github,
        Some("junit") => Format::Junit,
        _ => return,
    };
    let rendered = e.render().to_string();
    let first = rendered.lines().next().unwrap_or_default();
    let message = first.strip_prefix("error: ").unwrap_or(first);
    crate::console::out(&crate::diag::render_failure(
        format,
        crate::diag::Failure::Usage,
        message,
    ));
}

/// How an editing command reports an edit it did not make: the diagnostics that stopped it
/// and why (exit 1), or an I/O error (exit 2).
pub(crate) fn refused(e: EditError, args: &DiagnosticArgs) -> anyhow::Result<Outcome> {
    match e {
        EditError::InvalidBefore(ref checked) | EditError::InvalidAfter(ref checked) => {
            // Only the errors: warnings are not why the edit was refused.
            let errors = crate::check::Checked {
                report: None,
                diagnostics: checked
                    .diagnostics
                    .iter()
                    .filter(|d| d.is_error())
                    .cloned()
                    .collect(),
                sources: checked.sources.clone(),
                files: checked.files.clone(),
                entries: checked.entries,
            };
            check::report(&errors, Format::Human, args)?;
            crate::errln!("error: {e}");
            Ok(Outcome::Invalid)
        }
        EditError::Refused(msg) => {
            crate::errln!("error: {msg}; nothing was written");
            Ok(Outcome::Invalid)
        }
        EditError::RefusedWithHelp { message, help } => {
            crate::errln!("error: {message}; nothing was written\nhelp: {help}");
            Ok(Outcome::Invalid)
        }
        EditError::Load(_)
        | EditError::Parse { .. }
        | EditError::Io { .. }
        | EditError::Locked(_)
        | EditError::Changed { .. } => Err(e.into()),
    }
}

/// Before a command reads the entries folder: completes or rolls back an edit that was
/// interrupted there (a killed `renumber`), and says which.
pub(crate) fn recover(entries: &std::path::Path) -> anyhow::Result<()> {
    if let Some(done) = crate::edit::journal::recover_interrupted(entries)? {
        crate::errln!("note: {done}");
    }
    Ok(())
}

/// A shared lock on the entries folder while a command reads it to write outputs, so
/// that no edit rewrites it meanwhile. A folder that cannot hold the lock file (read
/// only) cannot be edited either, and is read without.
pub(crate) fn read_lock(
    entries: &std::path::Path,
) -> anyhow::Result<Option<crate::lock::FolderLock>> {
    use crate::lock::{LockError, Mode};
    if !entries.is_dir() {
        return Ok(None);
    }
    match crate::lock::lock(entries, Mode::Shared) {
        Ok(l) => Ok(Some(l)),
        Err(LockError::Io { .. }) => Ok(None),
        Err(e) => Err(e.into()),
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
