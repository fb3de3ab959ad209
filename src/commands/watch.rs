//! `watch`: rebuild whenever a file in the entries folder changes, until Ctrl-C.
//!
//! Changes are debounced (an editor's save is often several events), here rather than with
//! notify-debouncer-mini: that one cannot tell a read from a write, and notify reports the
//! reads of every rebuild, so each rebuild would trigger the next. A rebuild never stops
//! the loop: errors in the entries are printed like `check` prints them, and the
//! next save tries again. Each rebuild is exactly `build` with the same options.

use std::path::Path;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use anyhow::Context;
use notify::{EventKind, RecursiveMode, Watcher};

use super::Outcome;
use crate::cli::WatchArgs;

/// What wakes the loop.
enum Wake {
    Changed(Vec<String>),
    WatchFailed(String),
    Stop,
}

pub(super) fn run(args: &WatchArgs) -> anyhow::Result<Outcome> {
    let root = &args.build.entries.entries;
    if !root.is_dir() {
        anyhow::bail!(
            "the entries folder `{}` does not exist",
            crate::load::display(root)
        );
    }
    let (tx, rx) = mpsc::channel();
    let stop = tx.clone();
    // Events name absolute paths; people read them as they named the folder.
    // Outputs written inside the entries folder must not trigger the next build.
    let out = resolve(&args.build.out);
    let shown = Shown {
        absolute: std::fs::canonicalize(root).unwrap_or_else(|_| root.clone()),
        display: crate::load::display(root),
    };
    ctrlc::set_handler(move || {
        let _ = stop.send(Wake::Stop);
    })
    .context("cannot install the Ctrl-C handler")?;
    let mut watcher = notify::recommended_watcher(move |result: notify::Result<notify::Event>| {
        let wake = match result {
            // Reads (ours included) change nothing.
            Ok(event) if matches!(event.kind, EventKind::Access(_)) => return,
            Ok(event) => Wake::Changed(
                event
                    .paths
                    .iter()
                    .filter(|p| !is_hidden(p) && !p.starts_with(&out))
                    .map(|p| shown.path(p))
                    .collect(),
            ),
            Err(e) => Wake::WatchFailed(e.to_string()),
        };
        let _ = tx.send(wake);
    })
    .context("cannot watch for changes")?;
    watcher
        .watch(root, RecursiveMode::Recursive)
        .with_context(|| format!("cannot watch `{}`", crate::load::display(root)))?;

    crate::errln!(
        "watching {} for changes (Ctrl-C to stop)",
        crate::load::display(root)
    );
    rebuild(args);
    let quiet = Duration::from_millis(args.debounce);
    'watch: while let Ok(wake) = rx.recv() {
        // Nobody can read what the rebuilds say any more (`watch 2>&1 | head`): stop.
        if crate::console::stderr_failed() {
            break;
        }
        let mut changed = match wake {
            Wake::Changed(paths) => paths,
            Wake::WatchFailed(e) => {
                crate::errln!("warning: watching failed: {e}");
                continue;
            }
            Wake::Stop => break,
        };
        // Gather events until the folder has been quiet for a while.
        loop {
            match rx.recv_timeout(quiet) {
                Ok(Wake::Changed(paths)) => changed.extend(paths),
                Ok(Wake::WatchFailed(e)) => crate::errln!("warning: watching failed: {e}"),
                Ok(Wake::Stop) | Err(RecvTimeoutError::Disconnected) => break 'watch,
                Err(RecvTimeoutError::Timeout) => break,
            }
        }
        changed.sort();
        changed.dedup();
        // Only our own temporary files or editors' hidden swap files changed.
        let Some(first) = changed.first() else {
            continue;
        };
        let more = match changed.len() {
            1 => String::new(),
            n => format!(" and {} more", n - 1),
        };
        crate::errln!("\nchanged: {first}{more}; rebuilding");
        rebuild(args);
    }
    crate::errln!("stopped watching");
    Ok(Outcome::Success)
}

/// One `build`: diagnostics and summary line, then the outputs written. Every failure is
/// printed, never returned: invalid entries, a broken template, even an output folder that
/// cannot be written or an entries folder that went away; the next change tries again.
pub(crate) fn rebuild(args: &WatchArgs) {
    if let Err(e) = super::build::run(&args.build) {
        crate::errln!("error: {}", crate::output::chain_in_words(&e));
    }
}

/// Turns the paths of events back into paths under the folder as the user named it.
struct Shown {
    absolute: std::path::PathBuf,
    display: String,
}

impl Shown {
    fn path(&self, path: &Path) -> String {
        match path.strip_prefix(&self.absolute) {
            Ok(rel) if rel.as_os_str().is_empty() => self.display.clone(),
            Ok(rel) => format!("{}/{}", self.display, crate::load::display(rel)),
            Err(_) => crate::load::display(path),
        }
    }
}

/// A folder as events name paths (absolute, symbolic links resolved), whether or not it
/// exists yet: the output folder is created by the first build.
fn resolve(folder: &Path) -> std::path::PathBuf {
    if let Ok(f) = std::fs::canonicalize(folder) {
        return f;
    }
    let parent = folder
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match (std::fs::canonicalize(parent), folder.file_name()) {
        (Ok(p), Some(name)) => p.join(name),
        _ => std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf()),
    }
}

/// Hidden files: editors' swap files and the temporary files edits rename into place. Only
/// the name counts: the folder watched may itself sit in a hidden folder.
fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}
