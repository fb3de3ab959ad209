//! The command line, as clap derive types. Doc comments here are the `--help` text.

use std::path::PathBuf;

use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};

use crate::number::SectionNumber;

/// Compile ITU Council reports from one TOML file per numbered paragraph.
///
/// Exit codes: 0 success, 1 the entries are invalid, 2 a usage or I/O error.
#[derive(Debug, Parser)]
#[command(
    name = "council-report",
    // "0.2.0 (commit 1a2b3c4d5e6f)": the commit comes from the build script (build.rs).
    version = env!("COUNCIL_REPORT_VERSION"),
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
    /// Start a new report in a new or empty folder: entries/report.toml with every key
    /// (TODO placeholders to fill in), a first entry, the JSON Schemas and a .gitignore.
    ///
    /// `cd DIR && council-report check` then passes with a W005 warning per placeholder,
    /// and `build` writes a draft.
    Init(InitArgs),
    /// Turn an earlier report (its plain text or its DOCX) into an entries folder, to
    /// start the next report from it.
    Import(ImportArgs),
    /// Create an entry from a commented skeleton and print its path.
    ///
    /// The entry gets the next free number under a parent (--under), or a number given; it
    /// goes in the folder of its siblings. Nothing is written if the result would not check.
    New(NewArgs),
    /// Renumber entries, children following: make room, close gaps, or move an entry.
    ///
    /// Only `number` values and file names that carry the old number change. The new
    /// numbering is checked before anything is written; --dry-run prints it.
    Renumber(RenumberArgs),
    /// Rewrite entries and report.toml in one canonical layout, keeping comments.
    ///
    /// --check writes nothing, lists the files that would change and exits 1 if any do.
    /// --fix also fixes the typography check warns about (W002, W003, W004, W010) in the
    /// text values; --dry-run prints the changes as a unified diff and writes nothing.
    Fmt(FmtArgs),
    /// Print the JSON Schema (draft-07) of an entry file or of report.toml, for editors.
    ///
    /// Save it beside the entries and name it in a first line `#:schema ./entry.schema.json`
    /// (taplo, Even Better TOML): the editor then flags unknown keys and wrong types.
    Schema(SchemaArgs),
    /// Build again on every change to the entries folder, until Ctrl-C.
    Watch(WatchArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the manual page (roff), or write one page per command into a folder.
    ///
    /// `council-report man | man -l -` reads it; `--dir DIR` writes council-report.1 and
    /// council-report-<command>.1 for installing under a man1 folder.
    Man(ManArgs),
    /// Translations into the other languages of the Union: write the XLIFF files CAT
    /// tools read (`translate export --to F`), or see how far each is (`translate status`).
    ///
    /// The files are `translations/<LANG>.xlf` in the entries folder; `build --language`
    /// and `check --language` read them.
    #[command(subcommand)]
    Translate(TranslateCommand),
}

/// `translate export` and `translate status`.
#[derive(Debug, Subcommand)]
pub enum TranslateCommand {
    /// Write `translations/<LANG>.xlf` (XLIFF 1.2) in the entries folder, or bring it up
    /// to date: new pieces added, pieces whose English changed marked for review (their
    /// translation kept), pieces whose English is gone dropped.
    Export(TranslateExportArgs),
    /// For each language: how many pieces are translated, missing or stale.
    Status(TranslateStatusArgs),
}

#[derive(Debug, Args)]
pub struct TranslateExportArgs {
    #[command(flatten)]
    pub entries: EntriesArg,

    /// The language to export for: F, S, A, C or R, or `all`.
    #[arg(long, value_name = "LANG", value_parser = parse_languages)]
    pub to: Languages,

    #[command(flatten)]
    pub color: ColorArg,
}

#[derive(Debug, Args)]
pub struct TranslateStatusArgs {
    #[command(flatten)]
    pub entries: EntriesArg,

    /// `table` for people, `json` for scripts.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = StatusFormat::Table)]
    pub format: StatusFormat,

    #[command(flatten)]
    pub color: ColorArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    Table,
    Json,
}

/// One language of the Union, or all six (`--language all`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Languages(pub Vec<crate::locale::Language>);

fn parse_languages(s: &str) -> Result<Languages, String> {
    use crate::locale::Language;
    if s.trim().eq_ignore_ascii_case("all") {
        return Ok(Languages(Language::ALL.to_vec()));
    }
    Language::parse(s)
        .map(|l| Languages(vec![l]))
        .ok_or_else(|| {
            let names: Vec<String> = Language::ALL
                .iter()
                .map(|l| format!("{} ({})", l.letter(), l.name()))
                .collect();
            format!(
                "unknown language `{s}`: the languages are {}, or `all`",
                names.join(", ")
            )
        })
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

/// Colour alone, for commands whose diagnostics say why they refused an edit.
#[derive(Debug, Args)]
pub struct ColorArg {
    /// Colour in human output.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

impl ColorArg {
    /// Diagnostic options with warnings allowed: an edit is refused for errors only.
    pub fn diagnostics(&self) -> DiagnosticArgs {
        DiagnosticArgs {
            deny_warnings: false,
            color: self.color,
        }
    }
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

    /// Also check the translation into this language (E, F, S, A, C or R, or `all`):
    /// missing, stale and orphaned pieces, broken inline codes
    #[arg(long, value_name = "LANG", value_parser = parse_languages)]
    pub language: Option<Languages>,
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

    /// Also write `<doc>.html`: the Council page as one self-contained HTML file, to open
    /// in any browser.
    #[arg(long)]
    pub html: bool,

    /// Also write `<doc>.pdf`, converted from the DOCX by LibreOffice (`soffice` on PATH,
    /// or the program SOFFICE names).
    #[arg(long)]
    pub pdf: bool,

    /// Build the report in this language (E, F, S, A, C or R), from
    /// `translations/<LANG>.xlf`, or in all six (`all`); default: the entries' own
    #[arg(long, value_name = "LANG", value_parser = parse_languages)]
    pub language: Option<Languages>,

    /// Build a revision: show every change since the issued entries as Word tracked
    /// changes, and list them at the end of the digest. A folder of the issued entries,
    /// or `git:REF` for the entries folder as it was at a git tag or commit
    /// (`git:C18-33-issued`).
    #[arg(long, value_name = "DIR|git:REF")]
    pub against: Option<String>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder for the new report (created if needed; it must be empty).
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("place").required(true).args(["number", "under"])))]
pub struct NewArgs {
    #[command(flatten)]
    pub entries: EntriesArg,

    /// The new entry's number (e.g. 2.23); it must be free and its parent must exist.
    #[arg(value_name = "NUMBER", value_parser = parse_number)]
    pub number: Option<SectionNumber>,

    /// Give the new entry the next free number under this one (2.9 → 2.9.3).
    #[arg(long, value_name = "NUMBER", value_parser = parse_number)]
    pub under: Option<SectionNumber>,

    /// Words that name the file (`2.09.3-imt-2020-demo-day.toml`); with --heading they
    /// are also the entry's title, which makes it a bold heading.
    #[arg(long, value_name = "WORDS")]
    pub title: Option<String>,

    /// Make --title the entry's title (a heading) too, not only its file name.
    #[arg(long, requires = "title")]
    pub heading: bool,

    #[command(flatten)]
    pub color: ColorArg,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("op").required(true).args(["insert", "close_gaps", "move_from"])))]
pub struct RenumberArgs {
    #[command(flatten)]
    pub entries: EntriesArg,

    /// Free this number: it and every later sibling move up by one (2.7 → 2.8, …).
    #[arg(long, value_name = "NUMBER", value_parser = parse_number)]
    pub insert: Option<SectionNumber>,

    /// Number every sequence 1, 2, 3 … without gaps, keeping the order.
    #[arg(long)]
    pub close_gaps: bool,

    /// Move this entry, with its children, to the number given by --to.
    #[arg(long = "move", value_name = "NUMBER", value_parser = parse_number, requires = "to")]
    pub move_from: Option<SectionNumber>,

    /// The number the moved entry gets; later entries there move up to make room.
    #[arg(long, value_name = "NUMBER", value_parser = parse_number, requires = "move_from")]
    pub to: Option<SectionNumber>,

    /// Print the moves as a table and write nothing.
    #[arg(long)]
    pub dry_run: bool,

    #[command(flatten)]
    pub color: ColorArg,
}

#[derive(Debug, Args)]
pub struct FmtArgs {
    #[command(flatten)]
    pub entries: EntriesArg,

    /// Write nothing; list the files that would change and exit 1 if there are any.
    #[arg(long, conflicts_with = "dry_run")]
    pub check: bool,

    /// Also fix the typography of the text values: straight quotes to typographic ones
    /// (“ ” ‘ ’ in English), runs of spaces to one, spaces at line ends removed, TABs to
    /// spaces. Keys, link addresses, web addresses and code spans stay as they are.
    #[arg(long)]
    pub fix: bool,

    /// Write nothing; print what would change as a unified diff.
    #[arg(long)]
    pub dry_run: bool,

    #[command(flatten)]
    pub color: ColorArg,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The schema of report.toml instead of an entry's.
    #[arg(long)]
    pub report: bool,
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The same options as `build`: every rebuild is a `build`.
    #[command(flatten)]
    pub build: BuildArgs,

    /// How long the folder must be quiet before a rebuild, in milliseconds (an editor's
    /// save comes as a few events within a millisecond or two).
    #[arg(long, value_name = "MS", default_value_t = 30)]
    pub debounce: u64,

    /// Serve the HTML preview at ADDR (default: 127.0.0.1 and a free port, printed) and
    /// reload the open page after every rebuild. Only loopback unless ADDR says otherwise.
    #[arg(long, value_name = "ADDR", num_args = 0..=1, default_missing_value = "127.0.0.1:0")]
    pub serve: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write council-report.1 and one council-report-<command>.1 per command into this
    /// folder (created if needed) instead of printing the main page.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// A section number on the command line, with the same rules as in an entry.
fn parse_number(s: &str) -> Result<SectionNumber, String> {
    s.parse()
        .map_err(|e: crate::number::NumberError| e.to_string())
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
