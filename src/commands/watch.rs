//! `watch`: rebuild whenever a file in the entries folder changes, until Ctrl-C.
//!
//! Changes are debounced (an editor's save is often several events), here rather than with
//! notify-debouncer-mini: that one cannot tell a read from a write, and notify reports the
//! reads of every rebuild, so each rebuild would trigger the next. A rebuild never stops
//! the loop: errors in the entries are printed like `check` prints them, and the
//! next save tries again. Each rebuild writes what `build` with the same options writes,
//! but incrementally ([`crate::incremental`]): only the files that changed are read and
//! checked again, and only the entries that changed are rendered again. With `--serve`,
//! the HTML preview is served and reloaded in the browser ([`crate::serve`]).

use std::path::Path;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use anyhow::Context;
use notify::{EventKind, RecursiveMode, Watcher};

use super::Outcome;
use crate::cli::WatchArgs;
use crate::incremental::{Changes, Outputs, Session};
use crate::pdf::Soffice;
use crate::serve::{Preview, status_json};

/// What wakes the loop.
enum Wake {
    Changed(Vec<String>),
    WatchFailed(String),
    Stop,
}

pub(super) fn run(args: &WatchArgs) -> anyhow::Result<Outcome> {
    let root = &args.build.entries.entries;
    if args.build.against.is_some() {
        // A revision is built once the edits are done; rebuilding its tracked changes on
        // every save would only slow the preview down.
        anyhow::bail!("watch builds the report as it is: run `build --against …` for the revision");
    }
    if !root.is_dir() {
        anyhow::bail!(
            "the entries folder `{}` does not exist",
            crate::diag::display(root)
        );
    }
    if args.build.language.is_some() {
        // The translations are built in one go by `build --language`; watch follows the
        // entries' own language only.
        anyhow::bail!("watch builds the entries' own language only: use `build --language`");
    }
    super::recover(root)?;
    let pdf = args.build.pdf.then(Soffice::find).transpose()?;
    let preview = match &args.serve {
        Some(addr) => {
            let preview = Preview::start(crate::serve::address(addr)?)?;
            if !preview.addr().ip().is_loopback() {
                crate::errln!(
                    "warning: serving on {}, which other machines can reach: anyone who can connect reads the preview",
                    preview.addr()
                );
            }
            crate::errln!("serving the preview at {} (Ctrl-C to stop)", preview.url());
            Some(preview)
        }
        None => None,
    };
    let mut rebuilder = Rebuilder {
        session: Session::new(root),
        outputs: Outputs::default(),
        preview,
        pdf,
    };
    let (tx, rx) = mpsc::channel();
    let stop = tx.clone();
    // Events name absolute paths; people read them as they named the folder.
    // Outputs written inside the entries folder must not trigger the next build.
    let out = resolve(&args.build.out);
    let shown = Shown {
        absolute: std::fs::canonicalize(root).unwrap_or_else(|_| root.clone()),
        display: crate::diag::display(root),
    };
    ctrlc::set_handler(move || {
        let _ = stop.send(Wake::Stop);
    })
    .context("cannot install the Ctrl-C handler")?;
    let mut watcher = notify::recommended_watcher(move |result: notify::Result<notify::Event>| {
        let wake = match result {
            // Reads (ours included) change nothing.
            Ok(event) if matches!(event.kind, EventKind::Access(_)) => return,
            // The system dropped events: what changed is unknown.
            Ok(event) if event.need_rescan() => Wake::WatchFailed("events were lost".into()),
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
        .with_context(|| format!("cannot watch `{}`", crate::diag::display(root)))?;

    crate::errln!(
        "watching {} for changes (Ctrl-C to stop)",
        crate::diag::display(root)
    );
    rebuilder.rebuild(args, &Changes::All);
    let quiet = Duration::from_millis(args.debounce);
    // After lost events, the next rebuild reads every file again.
    let mut lost = false;
    'watch: while let Ok(wake) = rx.recv() {
        // Nobody can read what the rebuilds say any more (`watch 2>&1 | head`): stop.
        if crate::console::stderr_failed() {
            break;
        }
        let mut changed = match wake {
            Wake::Changed(paths) => paths,
            Wake::WatchFailed(e) => {
                crate::errln!("warning: watching failed: {e}");
                lost = true;
                continue;
            }
            Wake::Stop => break,
        };
        // Gather events until the folder has been quiet for a while.
        loop {
            match rx.recv_timeout(quiet) {
                Ok(Wake::Changed(paths)) => changed.extend(paths),
                Ok(Wake::WatchFailed(e)) => {
                    crate::errln!("warning: watching failed: {e}");
                    lost = true;
                }
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
        crate::errln!(
            "\nchanged: {}{more}; rebuilding",
            crate::diag::visible(first, false)
        );
        let changes = changes(&changed, std::mem::take(&mut lost));
        rebuilder.rebuild(args, &changes);
    }
    crate::errln!("stopped watching");
    Ok(Outcome::Success)
}

/// What a rebuild must look at again: the paths named (the session reads again the entry
/// files among them, the logo with report.toml, and lists the folder for any other), or
/// everything after lost events.
fn changes(changed: &[String], lost: bool) -> Changes {
    if lost {
        Changes::All
    } else {
        Changes::Files(changed.iter().cloned().collect())
    }
}

/// What `watch` keeps between rebuilds.
struct Rebuilder {
    session: Session,
    outputs: Outputs,
    preview: Option<Preview>,
    pdf: Option<Soffice>,
}

impl Rebuilder {
    /// One rebuild: diagnostics and summary line, then the outputs written. Every failure
    /// is printed, never returned: invalid entries, a broken template, even an output
    /// folder that cannot be written or an entries folder that went away; the next change
    /// tries again.
    fn rebuild(&mut self, args: &WatchArgs, changes: &Changes) {
        if let Err(e) = self.try_rebuild(args, changes) {
            let words = crate::output::chain_in_words(&e);
            crate::errln!("error: {words}");
            self.status("failed", None, Some(&words));
        }
    }

    fn try_rebuild(&mut self, args: &WatchArgs, changes: &Changes) -> anyhow::Result<()> {
        let Self {
            session,
            outputs,
            preview,
            pdf,
        } = self;
        // As `build` does: no edit rewrites the folder while it is read.
        let _reading = super::read_lock(&args.build.entries.entries)?;
        let checked = session.update(changes)?;
        let accepted = super::build::accept(checked, &args.build.diagnostics)?;
        let state = if accepted { "ok" } else { "errors" };
        if let Some(p) = preview.as_ref() {
            p.publish_status(status_json(state, Some(checked), None));
        }
        let (true, Some(report)) = (accepted, &checked.report) else {
            return Ok(());
        };
        let mut options = super::build::options(&args.build, pdf.clone())?;
        options.html |= preview.is_some();
        let result = outputs.build(report, &args.build.entries.entries, &options, |html, _| {
            if let Some(p) = preview.as_ref() {
                p.publish_page(html);
            }
        });
        if let Err(crate::build::BuildError::Template(e)) = &result {
            let message = format!("{e}");
            self.status("failed", None, Some(&message));
        }
        super::build::written(result.map(Some)).map(|_| ())
    }

    fn status(&self, state: &str, checked: Option<&crate::check::Checked>, message: Option<&str>) {
        if let Some(p) = &self.preview {
            p.publish_status(status_json(state, checked, message));
        }
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
            Ok(rel) => format!("{}/{}", self.display, crate::diag::display(rel)),
            Err(_) => crate::diag::display(path),
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
