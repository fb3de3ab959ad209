//! The command line, as clap derive types. Doc comments here are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Compile ITU Council reports from one TOML file per numbered paragraph.
///
/// Exit codes: 0 success, 1 the entries are invalid, 2 a usage or I/O error.
#[derive(Debug, Parser)]
#[command(
    name = "council-report",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the entries and report every problem, with file, line and column.
    Check(CheckArgs),
    /// Check, then write the DOCX, the text report and the digest (atomically).
    Build(BuildArgs),
    /// Turn an earlier report (its plain text or its DOCX) into an entries folder, to
    /// start the next report from it.
    Import(ImportArgs),
}

/// Where the report's entries are.
#[derive(Debug, Args)]
pub struct EntriesArg {
    /// The entries folder: report.toml and one .toml file per entry.
    #[arg(long, value_name = "DIR", default_value = "entries")]
    pub entries: PathBuf,
}

/// How diagnostics are shown.
#[derive(Debug, Args)]
pub struct DiagnosticArgs {
    /// Treat warnings as errors (exit 1 when there are any), as CI should.
    #[arg(long)]
    pub deny_warnings: bool,

    /// Colour in human output.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub entries: EntriesArg,

    #[command(flatten)]
    pub diagnostics: DiagnosticArgs,

    /// Output format: human (rustc-style, on stderr), json (one object per line),
    /// github (workflow commands that annotate the pull request), junit (XML report).
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = FormatArg::Human)]
    pub format: FormatArg,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub entries: EntriesArg,

    #[command(flatten)]
    pub diagnostics: DiagnosticArgs,

    /// The output folder (created if needed).
    #[arg(long, value_name = "DIR", default_value = "out")]
    pub out: PathBuf,

    /// Templates of the text outputs (report.txt.j2, digest.txt.j2); default: a
    /// `templates` folder beside the entries folder, else the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// Wrap the text outputs at this many columns (default: one paragraph per line).
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u32).range(20..=1000))]
    pub wrap: Option<u32>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The earlier report: a .docx, or its plain text (Word's text export, or the text
    /// report `build` writes).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// The entries folder to write: report.toml and one file per numbered item.
    #[arg(long, value_name = "DIR")]
    pub into: PathBuf,

    /// Write into a folder that is not empty (files of the same name are replaced;
    /// other files are kept).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Human,
    Json,
    Github,
    Junit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl From<FormatArg> for crate::diag::Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Human => Self::Human,
            FormatArg::Json => Self::Json,
            FormatArg::Github => Self::Github,
            FormatArg::Junit => Self::Junit,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn clap_definition_is_valid() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
