//! Reading the entries folder: every `*.toml` file, once, in a deterministic order, parsed
//! with spans into the raw types. Nothing a file contains can make this panic: bad bytes,
//! bad TOML, wrong keys and wrong types all become diagnostics, and loading goes on so a
//! run reports every problem at once.

mod files;
mod keys;
mod logo;
pub(crate) mod toml_de;
mod toml_help;

use std::path::{Path, PathBuf};

use crate::diag::{Code, Diagnostic, DisplayPath, FileId, InFile, Sources};
use crate::model::Logo;
use crate::raw::{RawEntry, RawReport};

pub(crate) use files::FoundFile;
pub use files::MAX_FILE_BYTES;

/// What the folder holds, parsed but not yet checked.
#[derive(Debug, Default)]
pub struct Draft {
    /// The entries folder as given (`entries`).
    pub root: PathBuf,
    /// Every file named, with its text when it was read.
    pub sources: Sources,
    /// Every file read, in reading order.
    pub files: Vec<FileId>,
    /// True when `report.toml` exists, even if it could not be parsed.
    pub has_report_file: bool,
    pub report: Option<Loaded<RawReport>>,
    /// How many entry files there are, parsed or not.
    pub entry_files: usize,
    pub entries: Vec<Loaded<RawEntry>>,
    /// The numbers of entry files that did not deserialize (for the numbering rules).
    pub broken_numbers: Vec<Loaded<toml::Spanned<String>>>,
    pub logo: Option<Logo>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A parsed file and the file it came from.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    pub file: FileId,
    pub raw: T,
}

/// Errors that stop a run before any checking: the folder itself is unusable.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("the entries folder `{folder}` does not exist{hint}")]
    Missing {
        folder: String,
        /// `; did you mean `entries`?` when a folder beside it has a close name, or empty.
        hint: String,
    },
    #[error("`{0}` is not a folder")]
    NotADirectory(String),
    #[error("cannot read the entries folder `{path}`")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

impl LoadError {
    /// `root` does not exist: the error, with the folder beside it that was probably
    /// meant (`--entries entires` → `entries`), found among its siblings' names.
    pub fn missing(root: &Path) -> Self {
        let folder = crate::diag::display(root).to_string();
        let parent = match root.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let typed = root
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        // A folder of thousands of names is read to its end: this runs once, on an error.
        let siblings: Vec<String> = std::fs::read_dir(parent)
            .map(|dir| {
                dir.filter_map(Result::ok)
                    .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                    .filter_map(|e| e.file_name().into_string().ok())
                    .filter(|n| !n.starts_with('.'))
                    .collect()
            })
            .unwrap_or_default();
        let hint = crate::diag::suggest(typed, siblings.iter().map(String::as_str))
            .map(|near| {
                let shown = crate::diag::display(&root.with_file_name(near));
                format!("; did you mean `{shown}`?")
            })
            .unwrap_or_default();
        LoadError::Missing { folder, hint }
    }
}

/// Files as an edit would leave them, by display path (`entries/2/2.08-x.toml`): `Some`
/// text replaces or adds a file, `None` removes one. Editing commands load the folder with
/// their changes laid over it and check the result before they write anything.
pub type Overlay = std::collections::BTreeMap<String, Option<String>>;

/// Loads the entries folder at `root`. File names in diagnostics start with `root` as given.
pub fn load(root: &Path) -> Result<Draft, LoadError> {
    load_with(root, &Overlay::new())
}

/// Loads the entries folder at `root` as it would be with `overlay` applied.
pub fn load_with(root: &Path, overlay: &Overlay) -> Result<Draft, LoadError> {
    let display_root = folder(root)?;
    let io_error = |source| LoadError::Io {
        path: display_root.to_string(),
        source,
    };
    let report_name = report_name(&display_root);
    let mut sources = Sources::default();
    let process = |file: &FoundFile| process(file, file.display == report_name, overlay);
    let (walk_diagnostics, processed) = if overlay.is_empty() {
        // Files are read and parsed while the walk is still finding the others.
        let (walked, processed) = crate::parallel::map_while_producing(
            |sink| files::walk_into(root, &display_root, &mut sources, sink),
            process,
        );
        (walked.map_err(io_error)?, processed)
    } else {
        let mut listing = files::walk(root, &display_root, &mut sources).map_err(io_error)?;
        files::apply_overlay(&mut listing, root, &display_root, overlay, &mut sources);
        let processed = crate::parallel::map(&listing.files, process);
        (
            listing.diagnostics,
            listing.files.into_iter().zip(processed).collect(),
        )
    };
    let report_id = sources.id(&report_name);
    let mut draft = Draft {
        root: root.to_path_buf(),
        // report.toml is there, though unreadable (a named pipe): not also "no report.toml".
        has_report_file: report_id
            .is_some_and(|r| walk_diagnostics.iter().any(|d| d.file == Some(r))),
        diagnostics: walk_diagnostics,
        sources,
        ..Draft::default()
    };
    for (file, p) in processed {
        draft.files.push(file.id);
        draft.diagnostics.extend(p.diagnostics);
        if let Some(text) = p.text {
            draft.sources.set_text(file.id, text);
        }
        match p.parsed {
            Parsed::Report(raw) => {
                draft.has_report_file = true;
                draft.report = raw.map(|r| Loaded {
                    file: file.id,
                    raw: *r,
                });
            }
            Parsed::Entry(e) => {
                draft.entry_files += 1;
                match e {
                    toml_de::EntryParse::Entry(raw) => draft.entries.push(Loaded {
                        file: file.id,
                        raw: *raw,
                    }),
                    toml_de::EntryParse::NumberOnly(raw) => {
                        draft.broken_numbers.push(Loaded { file: file.id, raw })
                    }
                    toml_de::EntryParse::Nothing => {}
                }
            }
        }
    }
    if let Some(report) = &draft.report {
        match read_logo(root, report) {
            Ok(logo) => draft.logo = logo,
            Err(d) => draft.diagnostics.push(*d),
        }
    }
    draft.diagnostics.extend(folder_diagnostics(
        &display_root,
        draft.has_report_file,
        draft.entry_files,
    ));
    Ok(draft)
}

/// The entries folder as diagnostics name it, once it is known to be a folder.
pub(crate) fn folder(root: &Path) -> Result<DisplayPath, LoadError> {
    let display_root = crate::diag::display(root);
    match std::fs::metadata(root) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(LoadError::missing(root)),
        Err(source) => Err(LoadError::Io {
            path: display_root,
            source,
        }),
        Ok(m) if !m.is_dir() => Err(LoadError::NotADirectory(display_root)),
        Ok(_) => Ok(display_root.into()),
    }
}

/// `entries/report.toml`: the one file that is not an entry.
pub(crate) fn report_name(display_root: &DisplayPath) -> DisplayPath {
    display_root.join("report.toml")
}

/// Every file the folder holds, in reading order, and what the walk found wrong; every
/// file named gets its id in `sources`.
pub(crate) fn listing(
    root: &Path,
    display_root: &DisplayPath,
    sources: &mut Sources,
) -> Result<(Vec<FoundFile>, Vec<Diagnostic>), LoadError> {
    files::walk(root, display_root, sources)
        .map(|l| (l.files, l.diagnostics))
        .map_err(|source| LoadError::Io {
            path: display_root.to_string(),
            source,
        })
}

/// The logo report.toml names, read and checked; `None` when it names none.
pub(crate) fn read_logo(
    root: &Path,
    report: &Loaded<RawReport>,
) -> Result<Option<Logo>, Box<Diagnostic>> {
    match &report.raw.layout.logo {
        Some(path) => logo::read(root, report.file, path).map(Some),
        None => Ok(None),
    }
}

/// What is wrong with the folder as a whole: no report.toml, no entries.
pub(crate) fn folder_diagnostics(
    display_root: &DisplayPath,
    has_report_file: bool,
    entry_files: usize,
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    if !has_report_file {
        diagnostics.push(
            Diagnostic::new(Code::NoReportToml, format!("`{display_root}` has no report.toml"))
                .help("report.toml holds the meeting, the document number, the title and the Summary: give --entries the folder that has it, or start a new report with `council-report init`"),
        );
    }
    if entry_files == 0 {
        diagnostics.push(
            Diagnostic::new(Code::NoEntries, format!("`{display_root}` has no entries"))
                .help("an entry is a .toml file beside report.toml (in any sub-folder) with `number = \"1\"` and a title or text"),
        );
    }
    diagnostics
}

/// What reading and parsing one file gave.
pub(crate) struct Processed {
    /// The text to quote in diagnostics (lossy for invalid UTF-8), if the file was read.
    pub(crate) text: Option<String>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) parsed: Parsed,
}

pub(crate) enum Parsed {
    Report(Option<Box<RawReport>>),
    Entry(toml_de::EntryParse),
}

/// Reads and parses one file; touches nothing shared, so files can be processed in parallel.
pub(crate) fn process(file: &FoundFile, is_report: bool, overlay: &Overlay) -> Processed {
    // A file in the overlay is not read: its text is the edit's.
    let read = match overlay.get(file.display.as_str()) {
        Some(Some(text)) => Ok(text.strip_prefix('\u{FEFF}').unwrap_or(text).to_owned()),
        _ => files::read_text(file),
    };
    let text = match read {
        Ok(text) => text,
        Err(failure) => {
            let (diag, text) = *failure;
            let parsed = if is_report {
                Parsed::Report(None)
            } else {
                Parsed::Entry(toml_de::EntryParse::Nothing)
            };
            return Processed {
                text,
                diagnostics: vec![diag],
                parsed,
            };
        }
    };
    let mut cx = InFile::new(file.id, &text);
    let parsed = if is_report {
        Parsed::Report(toml_de::parse_report(&mut cx).map(Box::new))
    } else {
        Parsed::Entry(toml_de::parse_entry(&mut cx, &file.display))
    };
    let diagnostics = cx.into_diagnostics();
    Processed {
        text: Some(text),
        diagnostics,
        parsed,
    }
}
