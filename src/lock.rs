//! Advisory locks on folders, so that two council-report processes never work on one
//! folder at once: edits hold the entries folder exclusively (so `new` picks its number
//! and `renumber` reads and rewrites with nobody else writing), `build` holds it shared
//! while it reads (an edit never runs under it), and every writer of an output folder
//! holds that one exclusively while it writes (two builds never mix their files or
//! delete each other's temporary files).
//!
//! The lock is the operating system's (`flock` on Unix, `LockFileEx` on Windows), taken
//! on a file `.council-report.lock` in the folder: it goes with the process, so a killed
//! process never leaves a folder locked. The file stays (empty, hidden); removing it
//! would let a third process lock a new file while the second still waits on the old.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The lock file's name.
pub const LOCK_FILE: &str = ".council-report.lock";

/// How long to wait for another council-report to finish before giving up: long enough
/// for any build or edit of a real report (a 3,000-entry renumber takes 4 s), short
/// enough that a stuck one is reported.
const WAIT: Duration = Duration::from_secs(30);

/// Held while the value lives.
#[derive(Debug)]
pub struct FolderLock {
    _file: File,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Readers: any number at once, no writer.
    Shared,
    /// One writer, no reader.
    Exclusive,
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "another council-report is working on `{}` (a build, watch or edit); try again when it has finished",
        crate::diag::display(.0)
    )]
    Busy(PathBuf),
    #[error("cannot lock `{}`", crate::diag::display(.path))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Locks folder `dir` (which must exist), waiting up to half a minute for another
/// council-report to finish.
pub fn lock(dir: &Path, mode: Mode) -> Result<FolderLock, LockError> {
    lock_waiting(dir, mode, WAIT)
}

/// [`lock`] with a wait of `wait`.
pub fn lock_waiting(dir: &Path, mode: Mode, wait: Duration) -> Result<FolderLock, LockError> {
    let path = dir.join(LOCK_FILE);
    let io = |source| LockError::Io {
        path: path.clone(),
        source,
    };
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(io)?;
    let deadline = Instant::now() + wait;
    loop {
        let tried = match mode {
            Mode::Shared => file.try_lock_shared(),
            Mode::Exclusive => file.try_lock(),
        };
        match tried {
            Ok(()) => return Ok(FolderLock { _file: file }),
            Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(TryLockError::WouldBlock) => return Err(LockError::Busy(dir.to_path_buf())),
            Err(TryLockError::Error(e)) => return Err(io(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exclusive_excludes_and_shared_shares() {
        let dir = tempfile::tempdir().unwrap();
        let short = Duration::from_millis(50);
        let a = lock_waiting(dir.path(), Mode::Shared, short).unwrap();
        let b = lock_waiting(dir.path(), Mode::Shared, short).unwrap();
        let busy = lock_waiting(dir.path(), Mode::Exclusive, short).unwrap_err();
        assert!(matches!(busy, LockError::Busy(_)), "{busy}");
        assert!(
            busy.to_string()
                .starts_with("another council-report is working on")
        );
        drop((a, b));
        let _c = lock_waiting(dir.path(), Mode::Exclusive, short).unwrap();
        assert!(lock_waiting(dir.path(), Mode::Shared, short).is_err());
    }
}
