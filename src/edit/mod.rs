//! Commands that edit entry files: `new`, `renumber` and `fmt`.
//!
//! They sit beside the pipeline and reuse it. Each computes every new file text in memory
//! (with `toml_edit`, so that comments, key order and layout survive), lays the result over
//! the folder with [`crate::load::load_with`], checks it with [`crate::check::check`], and
//! only when that result has no error writes the files, each atomically (a temporary file
//! in the same folder, then a rename). A refused edit changes nothing.

pub mod fmt;
pub mod names;
pub mod new;
pub mod renumber;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::check::Checked;
use crate::load::{self, LoadError, Overlay};

/// Why an edit was not made.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The request makes no sense for these entries (a number in use, a missing parent).
    #[error("{0}")]
    Refused(String),
    /// The entries have errors already; an edit would build on sand.
    #[error("the entries have errors; fix them first (`council-report check`)")]
    InvalidBefore(Box<Checked>),
    /// The edited entries would not check clean of errors.
    #[error("the result would be invalid, so nothing was written")]
    InvalidAfter(Box<Checked>),
    #[error("cannot edit `{file}`: {message}")]
    Parse { file: String, message: String },
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
    pub text: String,
}

/// Every change of one edit, in the entries folder `root`.
#[derive(Debug, Clone)]
pub struct Plan {
    pub root: PathBuf,
    pub changes: Vec<Change>,
}

impl Plan {
    pub fn new(root: &Path) -> Self {
        Self {
            root: root.to_path_buf(),
            changes: Vec::new(),
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
        // Targets last: a file may move to where another one was.
        for c in &self.changes {
            overlay.insert(self.display(&c.to), Some(c.text.clone()));
        }
        overlay
    }

    /// Loads and checks the folder as the edit would leave it; an error there refuses it.
    pub fn verify(&self) -> Result<Checked, EditError> {
        self.refuse_clobbering()?;
        let checked = crate::check::check(load::load_with(&self.root, &self.overlay())?);
        if checked.errors() > 0 {
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

    /// Writes every change, all or nothing as far as a file system allows: every new text
    /// goes to a temporary file beside its target first, so a failure there (a full disk, a
    /// read-only folder) leaves the entries untouched; then each is renamed into place, and
    /// last the files that moved away are removed.
    pub fn apply(&self) -> Result<(), EditError> {
        let io = |path: &Path| {
            let path = load::display(path);
            move |source: std::io::Error| EditError::Io { path, source }
        };
        let mut staged = Vec::with_capacity(self.changes.len());
        for c in &self.changes {
            let target = self.path(&c.to);
            let dir = target.parent().unwrap_or(&self.root);
            std::fs::create_dir_all(dir).map_err(io(dir))?;
            let mut tmp = tempfile::Builder::new()
                .prefix(".council-report-")
                .suffix(".tmp")
                .tempfile_in(dir)
                .map_err(io(dir))?;
            tmp.write_all(c.text.as_bytes())
                .and_then(|()| tmp.as_file().sync_all())
                .map_err(io(&target))?;
            staged.push((tmp, target));
        }
        for (tmp, target) in staged {
            tmp.persist(&target).map_err(|e| EditError::Io {
                path: load::display(&target),
                source: e.error,
            })?;
        }
        let targets: Vec<&str> = self.changes.iter().map(|c| c.to.as_str()).collect();
        for c in &self.changes {
            if let Some(from) = &c.from
                && !targets.contains(&from.as_str())
            {
                let path = self.path(from);
                std::fs::remove_file(&path).map_err(io(&path))?;
                // A folder renamed with its section is left empty: remove it. One that
                // still holds something (an image, notes) stays, so this may fail.
                if let Some(dir) = path.parent()
                    && dir != self.root
                {
                    let _ = std::fs::remove_dir(dir);
                }
            }
        }
        Ok(())
    }
}

/// `entries/2/2.07-x.toml` for `2/2.07-x.toml` in `entries`.
pub fn display_in(root: &Path, rel: &str) -> String {
    format!("{}/{rel}", load::display(root))
}

/// The path relative to the entries folder of a file the loader names `display`.
pub fn relative(root: &Path, display: &str) -> Option<String> {
    display
        .strip_prefix(&format!("{}/", load::display(root)))
        .map(str::to_owned)
}

/// Loads and checks the folder, refusing when it has errors.
pub fn load_clean(root: &Path) -> Result<(crate::load::Draft, Checked), EditError> {
    let checked = crate::load_and_check(root)?;
    if checked.errors() > 0 {
        return Err(EditError::InvalidBefore(Box::new(checked)));
    }
    Ok((load::load(root)?, checked))
}

/// Parses a file's text for editing.
pub(crate) fn parse_doc(file: &str, text: &str) -> Result<toml_edit::DocumentMut, EditError> {
    text.parse::<toml_edit::DocumentMut>()
        .map_err(|e| EditError::Parse {
            file: file.to_owned(),
            message: e.message().to_owned(),
        })
}
