//! Commands that edit entry files: `new`, `renumber` and `fmt`; and `init`, which writes
//! a new report folder.
//!
//! They sit beside the pipeline and reuse it. Each computes every new file text in memory
//! (with `toml_edit`, so that comments, key order and layout survive), lays the result over
//! the folder with [`crate::load::load_with`], checks it with [`crate::check::check`], and
//! only when that result has no error the folder did not have before writes the files, each
//! atomically (a temporary file in the same folder, then a rename). A refused edit changes
//! nothing.
//!
//! Content errors elsewhere (an event outside a changed period, E020) do not stop an edit
//! that does not depend on them: only the [`BLOCKING`] codes do, where a file's number or
//! text cannot be known, so an edit could collide with it or lose it.

pub mod fix;
pub mod fmt;
pub mod init;
pub mod journal;
pub mod names;
pub mod new;
pub mod renumber;
pub mod writer;

use std::path::{Path, PathBuf};

use std::collections::BTreeMap;

use crate::check::Checked;
use crate::diag::Code;
use crate::load::{self, LoadError, Overlay};

/// The errors that stop every edit: a file that cannot be read or parsed (its number is
/// unknown, so a new or moved entry could take it), a report folder without report.toml
/// (probably not the folder meant), numbers that are malformed or used twice (the edit
/// cannot tell the entries apart). README "Drafting" lists them.
pub const BLOCKING: &[Code] = &[
    Code::InvalidUtf8,
    Code::TomlSyntax,
    Code::UnknownKey,
    Code::WrongType,
    Code::MissingKey,
    Code::NoReportToml,
    Code::Unreadable,
    Code::MalformedNumber,
    Code::DuplicateNumber,
];

/// Why an edit was not made.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The request makes no sense for these entries (a number in use, a missing parent).
    #[error("{0}")]
    Refused(String),
    /// Refused, with what to run instead (`renumber --insert 3.5` for a number in use).
    #[error("{message}")]
    RefusedWithHelp { message: String, help: String },
    /// The entries have errors an edit cannot work around ([`BLOCKING`]).
    #[error(
        "these errors stop every edit (no report.toml, a file that cannot be read or parsed, numbers that are malformed or used twice); fix them first"
    )]
    InvalidBefore(Box<Checked>),
    /// The edited entries would have errors the folder did not have before.
    #[error("the result would have these new errors, so nothing was written")]
    InvalidAfter(Box<Checked>),
    #[error("cannot edit `{file}`: {message}")]
    Parse { file: String, message: String },
    /// Another council-report holds the folder.
    #[error(transparent)]
    Locked(#[from] crate::lock::LockError),
    /// A file changed on disk after the edit read it (someone saved it meanwhile).
    #[error("`{file}` changed while this command ran (saved by someone meanwhile?): {}", if *written { "it was kept as saved, so the edit is incomplete; run `council-report check`" } else { "nothing was written; run the command again" })]
    Changed { file: String, written: bool },
    #[error("cannot write `{path}`")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// One file an edit writes: its new text, and where it was before when it moves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The file's path relative to the entries folder before the edit (`2/2.07-x.toml`);
    /// `None` for a new file.
    pub from: Option<String>,
    /// Its path relative to the entries folder after the edit.
    pub to: String,
    /// The text of `from` as the edit read it: the file must still hold it when the edit
    /// writes (a save meanwhile is never overwritten).
    pub original: Option<String>,
    pub text: String,
}

/// Every change of one edit, in the entries folder `root`.
#[derive(Debug, Clone)]
pub struct Plan {
    pub root: PathBuf,
    pub changes: Vec<Change>,
    /// How many errors of each code the folder had before the edit: the edit may leave
    /// them as they are, but not add to them.
    pub tolerated: BTreeMap<Code, usize>,
}

impl Plan {
    pub fn new(root: &Path) -> Self {
        Self {
            root: root.to_path_buf(),
            changes: Vec::new(),
            tolerated: BTreeMap::new(),
        }
    }

    /// An empty plan for an edit of a folder that checked as `before`.
    pub fn after(root: &Path, before: &Checked) -> Self {
        Self {
            tolerated: error_counts(before),
            ..Self::new(root)
        }
    }

    /// `entries/2/2.07-x.toml`: a relative path as diagnostics show it.
    pub fn display(&self, rel: &str) -> String {
        display_in(&self.root, rel)
    }

    /// The real path of a relative one.
    pub fn path(&self, rel: &str) -> PathBuf {
        let mut p = self.root.clone();
        p.extend(rel.split('/'));
        p
    }

    /// The folder as the loader should see it after the edit.
    pub fn overlay(&self) -> Overlay {
        let mut overlay = Overlay::new();
        for c in &self.changes {
            if let Some(from) = &c.from
                && from != &c.to
            {
                overlay.insert(self.display(from), None);
            }
        }
        // Targets last: a file may move to where another one was. Only TOML files are
        // loaded; a translation file an edit rewrites (`translations/F.xlf`) is not.
        for c in self.changes.iter().filter(|c| c.to.ends_with(".toml")) {
            overlay.insert(self.display(&c.to), Some(c.text.clone()));
        }
        overlay
    }

    /// Loads and checks the folder as the edit would leave it; an error the folder did not
    /// have before refuses it. Errors are compared by how many of each code there are, as
    /// messages name numbers and files that the edit may change.
    pub fn verify(&self) -> Result<Checked, EditError> {
        self.refuse_clobbering()?;
        let mut checked = crate::check::check(load::load_with(&self.root, &self.overlay())?);
        let after = error_counts(&checked);
        let grown: Vec<Code> = after
            .iter()
            .filter(|(code, n)| **n > self.tolerated.get(*code).copied().unwrap_or(0))
            .map(|(code, _)| *code)
            .collect();
        if !grown.is_empty() {
            checked
                .diagnostics
                .retain(|d| d.is_error() && grown.contains(&d.code));
            return Err(EditError::InvalidAfter(Box::new(checked)));
        }
        Ok(checked)
    }

    /// A target that exists and is not itself part of the edit would be overwritten: refuse.
    fn refuse_clobbering(&self) -> Result<(), EditError> {
        let mut targets = std::collections::BTreeSet::new();
        for c in &self.changes {
            if !targets.insert(c.to.as_str()) {
                return Err(EditError::Refused(format!(
                    "two entries would be written to `{}`",
                    self.display(&c.to)
                )));
            }
            let ours = self
                .changes
                .iter()
                .any(|o| o.from.as_deref() == Some(&c.to));
            if !ours && self.path(&c.to).exists() {
                return Err(EditError::Refused(format!(
                    "`{}` exists already and is not part of this change",
                    self.display(&c.to)
                )));
            }
        }
        Ok(())
    }

    /// Writes every change through a journal ([`journal`]): all or nothing, even if the
    /// process is killed, and never over a file saved since it was read.
    pub fn apply(&self, command: &str) -> Result<(), EditError> {
        journal::apply(self, command)
    }
}

/// Holds the entries folder for an edit: its exclusive lock, after completing or rolling
/// back an edit that was interrupted there and removing temporary files such edits left.
pub fn session(root: &Path) -> Result<crate::lock::FolderLock, EditError> {
    match std::fs::metadata(root) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => return Err(LoadError::NotADirectory(crate::diag::display(root)).into()),
        Err(_) => return Err(LoadError::missing(root).into()),
    }
    let lock = crate::lock::lock(root, crate::lock::Mode::Exclusive)?;
    journal::recover_locked(root)?;
    journal::sweep_temporaries(root);
    Ok(lock)
}

/// `entries/2/2.07-x.toml` for `2/2.07-x.toml` in `entries`.
pub fn display_in(root: &Path, rel: &str) -> String {
    format!("{}/{rel}", crate::diag::display(root))
}

/// The path relative to the entries folder of a file the loader names `display`.
pub fn relative(root: &Path, display: &str) -> Option<String> {
    display
        .strip_prefix(&format!("{}/", crate::diag::display(root)))
        .map(str::to_owned)
}

/// Loads and checks the folder, refusing when it has a [`BLOCKING`] error.
pub fn load_clean(root: &Path) -> Result<(crate::load::Draft, Checked), EditError> {
    let mut checked = crate::load_and_check(root)?;
    let blocks = |d: &crate::diag::Diagnostic| d.is_error() && BLOCKING.contains(&d.code);
    if checked.diagnostics.iter().any(blocks) {
        checked.diagnostics.retain(blocks);
        return Err(EditError::InvalidBefore(Box::new(checked)));
    }
    Ok((load::load(root)?, checked))
}

/// How many errors of each code `checked` has. A warning that report.toml's `[check]`
/// denies is not counted: `new` writes a placeholder (W005) on purpose, even where W005
/// is denied, for the drafter to replace.
fn error_counts(checked: &Checked) -> BTreeMap<Code, usize> {
    let mut counts = BTreeMap::new();
    for d in checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && d.code.severity() == crate::diag::Severity::Error)
    {
        *counts.entry(d.code).or_insert(0) += 1;
    }
    counts
}

/// Parses a file's text for editing.
pub(crate) fn parse_doc(file: &str, text: &str) -> Result<toml_edit::DocumentMut, EditError> {
    text.parse::<toml_edit::DocumentMut>()
        .map_err(|e| EditError::Parse {
            file: file.to_owned(),
            message: e.message().to_owned(),
        })
}
