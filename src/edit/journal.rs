//! Writing an edit so that no kill, crash or concurrent save loses work.
//!
//! A `renumber` of 1,000 entries renames and rewrites 1,000 files; a process killed
//! halfway used to leave old and new copies side by side. Now every edit goes through a
//! journal, `.council-report-journal.json` in the entries folder, written and synced
//! before each phase:
//!
//! 1. `staging`: the journal lists every temporary file, then each new text is written to
//!    its temporary file beside its target and synced. A kill here changed nothing: the
//!    next command removes the temporary files it lists (rolls back).
//! 2. `applying`: every file the edit replaces or removes must still hold what was read
//!    (else nothing is written and the changed file is named); then the temporary files
//!    are renamed over their targets and the files that moved away are removed, each
//!    checked again just before. A kill here is completed by the next command (rolls
//!    forward), which checks the same way that nobody changed a file since.
//!
//! The journal holds the texts as they were read, so that both checks work without the
//! process that wrote it. A command that finds one says which of the two it did.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{EditError, Plan};
use crate::input::ReadError;
use crate::lock::{self, Mode};

/// The journal's name in the entries folder (hidden: the loader skips it).
pub const JOURNAL: &str = ".council-report-journal.json";

/// Temporary files of edits start with this (and end in `.tmp`); builds use another
/// prefix, so neither ever removes the other's files.
pub const TEMP_PREFIX: &str = ".council-report-edit-";

#[derive(Debug, Serialize, Deserialize)]
struct Journal {
    /// `renumber`, `fmt`, `new`: for the message after an interruption.
    command: String,
    state: State,
    steps: Vec<Step>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum State {
    Staging,
    Applying,
}

/// One file of the edit; paths relative to the entries folder, `/`-separated.
#[derive(Debug, Serialize, Deserialize)]
struct Step {
    tmp: String,
    to: String,
    from: Option<String>,
    /// The text `from` held when the edit read it.
    original: Option<String>,
}

impl Journal {
    /// The text each path the edit replaces or removes held when it was read.
    fn originals(&self) -> BTreeMap<&str, &str> {
        self.steps
            .iter()
            .filter_map(|s| Some((s.from.as_deref()?, s.original.as_deref()?)))
            .collect()
    }

    /// The files that moved away and are not written again: removed last.
    fn removals(&self) -> Vec<&str> {
        self.steps
            .iter()
            .filter_map(|s| s.from.as_deref())
            .filter(|f| !self.steps.iter().any(|s| s.to == *f))
            .collect()
    }
}

/// Writes `plan`'s changes as described in the module documentation.
pub(super) fn apply(plan: &Plan, command: &str) -> Result<(), EditError> {
    let root = &plan.root;
    let pid = std::process::id();
    let steps: Vec<Step> = plan
        .changes
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let dir = c.to.rsplit_once('/').map_or("", |(d, _)| d);
            let name = format!("{TEMP_PREFIX}{pid}-{i}.tmp");
            Step {
                tmp: if dir.is_empty() {
                    name
                } else {
                    format!("{dir}/{name}")
                },
                to: c.to.clone(),
                from: c.from.clone(),
                original: c.original.clone(),
            }
        })
        .collect();
    let mut journal = Journal {
        command: command.to_owned(),
        state: State::Staging,
        steps,
    };
    write_journal(root, &journal)?;
    let staged = stage(plan, &journal);
    let checked = staged.and_then(|()| {
        journal.state = State::Applying;
        write_journal(root, &journal)?;
        unchanged_since_read(plan, &journal)
    });
    if let Err(e) = checked {
        roll_back_staging(root, &journal);
        return Err(e);
    }
    let mut done = Vec::new();
    for step in &journal.steps {
        let result = still_as_read(root, &step.to, &journal).and_then(|()| {
            fs::rename(plan.path(&step.tmp), plan.path(&step.to)).map_err(io(root, &step.to))
        });
        if let Err(e) = result {
            // Put back what was replaced, from the texts read: the folder is as before.
            undo(root, &journal, &done);
            roll_back_staging(root, &journal);
            return Err(e);
        }
        done.push(step);
    }
    let mut kept = None;
    for from in journal.removals() {
        if still_as_read(root, from, &journal).is_err() {
            // Saved by someone during the last milliseconds: keep their file, say so.
            kept.get_or_insert(from);
            continue;
        }
        let path = plan.path(from);
        fs::remove_file(&path).map_err(io(root, from))?;
        // A folder renamed with its section is left empty: remove it. One that still
        // holds something (an image, notes) stays, so this may fail.
        if let Some(dir) = path.parent()
            && dir != root.as_path()
        {
            let _ = fs::remove_dir(dir);
        }
    }
    remove_journal(root)?;
    match kept {
        Some(file) => Err(EditError::Changed {
            file: plan.display(file),
            written: true,
        }),
        None => Ok(()),
    }
}

/// Every new text to its temporary file, synced.
fn stage(plan: &Plan, journal: &Journal) -> Result<(), EditError> {
    for (step, change) in journal.steps.iter().zip(&plan.changes) {
        let tmp = plan.path(&step.tmp);
        if let Some(dir) = tmp.parent() {
            fs::create_dir_all(dir).map_err(io(&plan.root, &step.to))?;
        }
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .map_err(io(&plan.root, &step.tmp))?;
        file.write_all(change.text.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(io(&plan.root, &step.to))?;
    }
    Ok(())
}

/// Every file the edit replaces or removes still holds what was read, and no target that
/// is not part of the edit has appeared.
fn unchanged_since_read(plan: &Plan, journal: &Journal) -> Result<(), EditError> {
    for step in &journal.steps {
        if let Some(from) = &step.from {
            still_as_read(&plan.root, from, journal)?;
        }
        still_as_read(&plan.root, &step.to, journal)?;
    }
    Ok(())
}

/// `rel` holds the text the edit read from it, or, for a path the edit did not read, does
/// not exist.
fn still_as_read(root: &Path, rel: &str, journal: &Journal) -> Result<(), EditError> {
    let path = path(root, rel);
    // Regular files only, capped: a named pipe put there is a change, not a hang.
    let now = match crate::input::read_capped(&path, 2 * crate::load::MAX_FILE_BYTES) {
        Ok(bytes) => Some(bytes),
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(ReadError::Io(e)) => return Err(io(root, rel)(e)),
        Err(_) => Some(Vec::new()),
    };
    let expected = journal.originals().get(rel).map(|t| t.as_bytes());
    let now = now
        .as_deref()
        .map(|b| b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b));
    if now == expected {
        return Ok(());
    }
    Err(EditError::Changed {
        file: super::display_in(root, rel),
        written: false,
    })
}

/// Undoes the renames of `done`, newest first, from the texts read.
fn undo(root: &Path, journal: &Journal, done: &[&Step]) {
    let originals = journal.originals();
    for step in done.iter().rev() {
        let target = path(root, &step.to);
        let _ = match originals.get(step.to.as_str()) {
            Some(text) => crate::output::write_atomic(&target, text.as_bytes()),
            None => fs::remove_file(&target),
        };
    }
}

/// Removes the temporary files the journal lists, then the journal.
fn roll_back_staging(root: &Path, journal: &Journal) {
    for step in &journal.steps {
        let _ = fs::remove_file(path(root, &step.tmp));
    }
    let _ = remove_journal(root);
}

/// What the next command did about an interrupted edit.
#[derive(Debug, PartialEq, Eq)]
pub enum Recovered {
    /// Killed before it changed anything: its temporary files were removed.
    RolledBack { command: String },
    /// Killed while renaming: the rest was done.
    Completed { command: String, files: usize },
}

impl std::fmt::Display for Recovered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Recovered::RolledBack { command } => write!(
                f,
                "an interrupted `{command}` had changed nothing yet: its temporary files were removed"
            ),
            Recovered::Completed { command, files } => write!(
                f,
                "completed an interrupted `{command}` ({files} files written or removed)"
            ),
        }
    }
}

/// Completes or rolls back an edit that was interrupted in the entries folder `root`, if
/// there is one (a single `stat` when there is none), under the folder's lock.
pub fn recover_interrupted(root: &Path) -> Result<Option<Recovered>, EditError> {
    if fs::symlink_metadata(root.join(JOURNAL)).is_err() {
        return Ok(None);
    }
    let _lock = lock::lock(root, Mode::Exclusive)?;
    recover_locked(root)
}

/// [`recover_interrupted`] for a caller that holds the exclusive lock.
pub(super) fn recover_locked(root: &Path) -> Result<Option<Recovered>, EditError> {
    let journal_path = root.join(JOURNAL);
    let text = match fs::read_to_string(&journal_path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(root, JOURNAL)(e)),
    };
    let journal: Journal = serde_json::from_str(&text).map_err(|e| EditError::Parse {
        file: super::display_in(root, JOURNAL),
        message: e.to_string(),
    })?;
    if journal.state == State::Staging {
        roll_back_staging(root, &journal);
        return Ok(Some(Recovered::RolledBack {
            command: journal.command,
        }));
    }
    // Every step whose temporary file is still there was not renamed yet: its target
    // must still be as read. Checked for all before anything moves.
    let pending: Vec<&Step> = journal
        .steps
        .iter()
        .filter(|s| path(root, &s.tmp).exists())
        .collect();
    for step in &pending {
        still_as_read(root, &step.to, &journal).map_err(|e| unrecoverable(root, e))?;
    }
    let mut files = 0;
    for step in &pending {
        fs::rename(path(root, &step.tmp), path(root, &step.to)).map_err(io(root, &step.to))?;
        files += 1;
    }
    for from in journal.removals() {
        let p = path(root, from);
        if !p.exists() {
            continue;
        }
        still_as_read(root, from, &journal).map_err(|e| unrecoverable(root, e))?;
        fs::remove_file(&p).map_err(io(root, from))?;
        files += 1;
        if let Some(dir) = p.parent()
            && dir != root
        {
            let _ = fs::remove_dir(dir);
        }
    }
    remove_journal(root)?;
    Ok(Some(Recovered::Completed {
        command: journal.command,
        files,
    }))
}

/// A file changed by hand after the interruption: the journal stays, and the message
/// says what to do.
fn unrecoverable(root: &Path, e: EditError) -> EditError {
    match e {
        EditError::Changed { file, .. } => EditError::Refused(format!(
            "cannot complete the interrupted edit: `{file}` changed since; to give it up, delete `{}` and the `{TEMP_PREFIX}*.tmp` files, then run `council-report check`",
            super::display_in(root, JOURNAL)
        )),
        other => other,
    }
}

/// Removes temporary files of edits (and of earlier versions) anywhere under `root`.
/// Only for a caller holding the exclusive lock, after [`recover_locked`]: no edit is
/// then in flight, and no journal needs them.
pub(super) fn sweep_temporaries(root: &Path) -> usize {
    let mut n = 0;
    for entry in walkdir::WalkDir::new(root)
        .max_depth(16)
        .into_iter()
        .filter_map(Result::ok)
    {
        let name = entry.file_name().to_string_lossy();
        let edit = name.starts_with(TEMP_PREFIX) && name.ends_with(".tmp");
        if (edit || crate::output::is_legacy_temporary(&name))
            && entry.file_type().is_file()
            && fs::remove_file(entry.path()).is_ok()
        {
            n += 1;
        }
    }
    n
}

/// Writes the journal atomically and syncs it and the folder, so that it is on disk
/// before the phase it announces begins.
fn write_journal(root: &Path, journal: &Journal) -> Result<(), EditError> {
    let text = serde_json::to_string(journal).map_err(|e| EditError::Io {
        path: super::display_in(root, JOURNAL),
        source: std::io::Error::other(e),
    })?;
    crate::output::write_atomic(&root.join(JOURNAL), text.as_bytes()).map_err(io(root, JOURNAL))?;
    sync_folder(root);
    Ok(())
}

fn remove_journal(root: &Path) -> Result<(), EditError> {
    match fs::remove_file(root.join(JOURNAL)) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io(root, JOURNAL)(e)),
    }
    sync_folder(root);
    Ok(())
}

/// Makes the folder's entries (renames, removals) durable. Windows cannot open a folder
/// as a file; there the rename itself is durable enough.
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

fn path(root: &Path, rel: &str) -> PathBuf {
    let mut p = root.to_path_buf();
    p.extend(rel.split('/'));
    p
}

fn io(root: &Path, rel: &str) -> impl FnOnce(std::io::Error) -> EditError {
    let path = super::display_in(root, rel);
    move |source| EditError::Io { path, source }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Change;

    /// A folder with `a.toml` (moving to `b.toml`) and `c.toml` (rewritten in place).
    fn plan() -> (tempfile::TempDir, Plan) {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.toml"), "a old").unwrap();
        fs::write(dir.path().join("c.toml"), "c old").unwrap();
        let mut plan = Plan::new(dir.path());
        for (from, to) in [("a.toml", "b.toml"), ("c.toml", "c.toml")] {
            plan.changes.push(Change {
                from: Some(from.into()),
                to: to.into(),
                original: Some(format!("{} old", &from[..1])),
                text: format!("{} new", &from[..1]),
            });
        }
        (dir, plan)
    }

    fn files(dir: &Path) -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                (name, fs::read_to_string(e.path()).unwrap_or_default())
            })
            .filter(|(n, _)| n != crate::lock::LOCK_FILE)
            .collect();
        v.sort();
        v
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.into(), b.into())
    }

    #[test]
    fn applies_and_leaves_no_journal() {
        let (dir, plan) = plan();
        apply(&plan, "renumber").unwrap();
        assert_eq!(
            files(dir.path()),
            [pair("b.toml", "a new"), pair("c.toml", "c new")]
        );
    }

    #[test]
    fn a_file_saved_meanwhile_stops_the_edit_before_anything_is_written() {
        let (dir, plan) = plan();
        fs::write(dir.path().join("c.toml"), "c saved by hand").unwrap();
        let e = apply(&plan, "renumber").unwrap_err();
        assert!(
            matches!(&e, EditError::Changed { written: false, .. }),
            "{e}"
        );
        assert!(
            e.to_string()
                .contains("c.toml` changed while this command ran"),
            "{e}"
        );
        assert_eq!(
            files(dir.path()),
            [pair("a.toml", "a old"), pair("c.toml", "c saved by hand")]
        );
    }

    /// The journal of a run killed in each phase, as it left the folder.
    fn killed(state: State, renamed: usize) -> (tempfile::TempDir, Plan) {
        let (dir, plan) = plan();
        let journal = Journal {
            command: "renumber".into(),
            state,
            steps: plan
                .changes
                .iter()
                .enumerate()
                .map(|(i, c)| Step {
                    tmp: format!("{TEMP_PREFIX}1-{i}.tmp"),
                    to: c.to.clone(),
                    from: c.from.clone(),
                    original: c.original.clone(),
                })
                .collect(),
        };
        write_journal(dir.path(), &journal).unwrap();
        stage(&plan, &journal).unwrap();
        for step in journal.steps.iter().take(renamed) {
            fs::rename(plan.path(&step.tmp), plan.path(&step.to)).unwrap();
        }
        (dir, plan)
    }

    #[test]
    fn a_kill_while_staging_is_rolled_back() {
        let (dir, _plan) = killed(State::Staging, 0);
        let done = recover_interrupted(dir.path()).unwrap();
        assert_eq!(
            done,
            Some(Recovered::RolledBack {
                command: "renumber".into()
            })
        );
        assert_eq!(
            files(dir.path()),
            [pair("a.toml", "a old"), pair("c.toml", "c old")]
        );
    }

    #[test]
    fn a_kill_while_renaming_is_completed() {
        let (dir, _plan) = killed(State::Applying, 1);
        let done = recover_interrupted(dir.path()).unwrap();
        assert_eq!(
            done,
            Some(Recovered::Completed {
                command: "renumber".into(),
                files: 2
            })
        );
        assert_eq!(
            files(dir.path()),
            [pair("b.toml", "a new"), pair("c.toml", "c new")]
        );
        assert_eq!(recover_interrupted(dir.path()).unwrap(), None);
    }

    #[test]
    fn a_file_changed_by_hand_after_the_kill_keeps_the_journal() {
        let (dir, _plan) = killed(State::Applying, 1);
        fs::write(dir.path().join("c.toml"), "c edited after the kill").unwrap();
        let e = recover_interrupted(dir.path()).unwrap_err();
        assert!(
            e.to_string()
                .contains("cannot complete the interrupted edit"),
            "{e}"
        );
        assert!(dir.path().join(JOURNAL).exists());
        assert_eq!(
            fs::read_to_string(dir.path().join("c.toml")).unwrap(),
            "c edited after the kill"
        );
    }
}
