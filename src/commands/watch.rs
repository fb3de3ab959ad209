//! `watch`: rebuild whenever a file in the entries folder changes, until Ctrl-C.
//!
//! Changes are debounced (an editor's save is often several events) and a rebuild never
//! stops the loop: errors in the entries are printed like `check` prints them, and the
//! next save tries again. The build of the DOCX and text outputs is not on this branch yet,
//! so [`rebuild`] runs the check; it is the one place to switch to the build.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use anyhow::Context;
use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, new_debouncer};

use super::Outcome;
use crate::cli::WatchArgs;
use crate::diag::Format;

/// What wakes the loop.
enum Wake {
    Changed(Vec<String>),
    WatchFailed(String),
    Stop,
}

pub(super) fn run(args: &WatchArgs) -> anyhow::Result<Outcome> {
    let root = &args.entries.entries;
    if !root.is_dir() {
        anyhow::bail!(
            "the entries folder `{}` does not exist",
            crate::load::display(root)
        );
    }
    let (tx, rx) = mpsc::channel();
    let stop = tx.clone();
    ctrlc::set_handler(move || {
        let _ = stop.send(Wake::Stop);
    })
    .context("cannot install the Ctrl-C handler")?;
    let mut debouncer = new_debouncer(
        Duration::from_millis(args.debounce),
        move |result: DebounceEventResult| {
            let wake = match result {
                Ok(events) => Wake::Changed(
                    events
                        .into_iter()
                        .filter(|e| !is_hidden(&e.path))
                        .map(|e| crate::load::display(&e.path))
                        .collect(),
                ),
                Err(e) => Wake::WatchFailed(e.to_string()),
            };
            let _ = tx.send(wake);
        },
    )
    .context("cannot watch for changes")?;
    debouncer
        .watcher()
        .watch(root, RecursiveMode::Recursive)
        .with_context(|| format!("cannot watch `{}`", crate::load::display(root)))?;

    eprintln!(
        "watching {} for changes (Ctrl-C to stop)",
        crate::load::display(root)
    );
    rebuild(args)?;
    while let Ok(wake) = rx.recv() {
        match wake {
            // Only our own temporary files or editors' hidden swap files changed.
            Wake::Changed(paths) if paths.is_empty() => {}
            Wake::Changed(paths) => {
                let more = match paths.len() {
                    1 => String::new(),
                    n => format!(" and {} more", n - 1),
                };
                eprintln!("\nchanged: {}{more}; rebuilding", paths[0]);
                rebuild(args)?;
            }
            Wake::WatchFailed(e) => eprintln!("warning: watching failed: {e}"),
            Wake::Stop => break,
        }
    }
    eprintln!("stopped watching");
    Ok(Outcome::Success)
}

/// One build of the entries folder: for now the check, with its diagnostics and summary
/// line. Problems in the entries are printed, never returned: the watch goes on.
pub(crate) fn rebuild(args: &WatchArgs) -> anyhow::Result<()> {
    match crate::load_and_check(&args.entries.entries) {
        Ok(checked) => super::check::report(&checked, Format::Human, &args.diagnostics),
        Err(e) => {
            // The folder itself went away (renamed, unmounted): say so and keep watching.
            eprintln!("error: {e}");
            Ok(())
        }
    }
}

/// Hidden files: editors' swap files and the temporary files edits rename into place. Only
/// the name counts: the folder watched may itself sit in a hidden folder.
fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}
