//! Writing outputs atomically: the bytes go to a temporary file in the output folder,
//! which is flushed to disk and then renamed over the target. A build that fails or is
//! killed halfway leaves the previous file intact; readers never see half a DOCX.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use rayon::prelude::*;

/// Temporary files carry this prefix, so a later run can remove those a killed build left,
/// and only those: an edit's temporary files (`.council-report-edit-…`) are another
/// command's, perhaps running now in the same folder.
const TEMP_PREFIX: &str = ".council-report-build-";
const TEMP_SUFFIX: &str = ".tmp";

/// Whether `name` is a temporary file of an earlier version, which named build and edit
/// files alike `.council-report-XXXXXX.tmp` (six random characters): nothing writes them
/// now, so whoever meets one may remove it.
pub fn is_legacy_temporary(name: &str) -> bool {
    name.strip_prefix(".council-report-")
        .and_then(|r| r.strip_suffix(TEMP_SUFFIX))
        .is_some_and(|r| r.len() == 6 && r.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Writes `bytes` to `path` atomically (temporary file in the same folder, then rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_all_atomic(&[(path, bytes)]).map_err(|(_, e)| e)
}

/// Writes several files as one step: every temporary file is written and flushed first,
/// and only then are they renamed into place. A failure while writing (a full disk)
/// leaves every target as it was; on error the path at fault comes back with it.
pub fn write_all_atomic<'a>(files: &[(&'a Path, &[u8])]) -> Result<(), (&'a Path, io::Error)> {
    // Staged side by side: each is flushed to disk, and the flushes overlap (at 100× the
    // sample, 26 ms for the three outputs one after the other).
    let staged: Vec<io::Result<tempfile::NamedTempFile>> = files
        .par_iter()
        .map(|&(path, bytes)| stage(path, bytes))
        .collect();
    // The first failure in the order given; every staged file is removed when dropped.
    let staged = files
        .iter()
        .zip(staged)
        .map(|(&(path, _), tmp)| tmp.map(|t| (path, t)).map_err(|e| (path, e)))
        .collect::<Result<Vec<_>, _>>()?;
    // A target that cannot be replaced (open in Word, on Windows) is found before the
    // first rename, so that such a build replaces none of the outputs rather than some.
    for &(path, _) in files {
        replaceable(path).map_err(|e| (path, e))?;
    }
    for (path, tmp) in staged {
        // `persist` renames; a temporary file not persisted is removed when dropped.
        tmp.persist(path).map_err(|e| (path, e.error))?;
    }
    Ok(())
}

/// Writes `bytes` to a temporary file beside `path`, flushed to disk.
fn stage(path: &Path, bytes: &[u8]) -> io::Result<tempfile::NamedTempFile> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if path.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            format!("{} is a folder", path.display()),
        ));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    // Temporary files are private (0600); a deliverable gets the target's mode, or the
    // usual 0644 for a new file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        tmp.as_file()
            .set_permissions(fs::Permissions::from_mode(mode))?;
    }
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// Whether `e`, from writing or replacing `path`, means that another program holds `path`
/// open. Only Windows refuses that: Word opens the document it shows without
/// FILE_SHARE_DELETE, and replacing it then fails with ERROR_SHARING_VIOLATION (32),
/// ERROR_LOCK_VIOLATION (33) or ERROR_ACCESS_DENIED (5). Access denied also means a
/// read-only file, which is not reported as open.
pub fn is_open_elsewhere(e: &io::Error, path: &Path) -> bool {
    let read_only = || fs::metadata(path).is_ok_and(|m| m.permissions().readonly());
    cfg!(windows)
        && e.raw_os_error()
            .is_some_and(|code| windows_in_use(code, read_only))
}

/// The Windows error codes of a file held open by another program (see above).
fn windows_in_use(code: i32, read_only: impl FnOnce() -> bool) -> bool {
    const ERROR_ACCESS_DENIED: i32 = 5;
    const ERROR_SHARING_VIOLATION: i32 = 32;
    const ERROR_LOCK_VIOLATION: i32 = 33;
    match code {
        ERROR_SHARING_VIOLATION | ERROR_LOCK_VIOLATION => true,
        ERROR_ACCESS_DENIED => !read_only(),
        _ => false,
    }
}

/// Fails when `path` exists and could not be replaced now. On Windows: asks for delete
/// access, which a program holding the file without FILE_SHARE_DELETE denies, exactly as
/// it denies the rename. Elsewhere a rename never fails for a file being open.
fn replaceable(path: &Path) -> io::Result<()> {
    #[cfg(windows)]
    {
        use std::os::windows::fs::OpenOptionsExt;
        const DELETE: u32 = 0x0001_0000;
        const FILE_SHARE_ALL: u32 = 0x1 | 0x2 | 0x4;
        match fs::OpenOptions::new()
            .access_mode(DELETE)
            .share_mode(FILE_SHARE_ALL)
            .open(path)
        {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    #[cfg(not(windows))]
    let _ = path;
    Ok(())
}

/// An I/O error as a person reads it: the system's words without the `(os error 2)` that
/// Rust adds, and `is a folder` for a folder where a file was expected.
pub fn in_words(e: &io::Error) -> String {
    if e.kind() == io::ErrorKind::IsADirectory {
        return "is a folder".into();
    }
    let s = e.to_string();
    match s.rfind(" (os error ") {
        Some(i) if s.ends_with(')') => s[..i].to_owned(),
        _ => s,
    }
}

/// An error and its causes, each once, in words: `cannot write out/C18-33-E.docx: is a
/// folder`. A cause whose text the message already holds (an `io::Error` turned into a
/// message of its own, then kept as the source) is not repeated.
pub fn chain_in_words(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = match cause.downcast_ref::<io::Error>() {
            Some(io) => in_words(io),
            None => cause.to_string(),
        };
        if text.is_empty() || out.contains(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}

/// Removes temporary files that an interrupted build left in `dir`. Call it only while
/// holding `dir`'s lock ([`crate::lock`]): another build's files are then not in flight.
pub fn remove_stale_temporaries(dir: &Path) -> io::Result<usize> {
    let mut n = 0;
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(0);
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        let ours = name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX);
        if (ours || is_legacy_temporary(&name)) && e.path().is_file() {
            fs::remove_file(e.path())?;
            n += 1;
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.docx");
        write_atomic(&target, b"one").unwrap();
        write_atomic(&target, b"two").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"two");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn refuses_a_directory_target_and_keeps_it() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.docx");
        fs::create_dir(&target).unwrap();
        assert!(write_atomic(&target, b"x").is_err());
        assert!(target.is_dir());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn windows_codes_of_a_file_open_in_word_are_recognised() {
        assert!(windows_in_use(32, || false));
        assert!(windows_in_use(33, || false));
        assert!(windows_in_use(5, || false));
        // Access denied to a read-only file is not "open in another program".
        assert!(!windows_in_use(5, || true));
        // Other errors (ERROR_DISK_FULL, ERROR_PATH_NOT_FOUND) are not either.
        assert!(!windows_in_use(112, || false));
        assert!(!windows_in_use(3, || false));
    }

    #[test]
    fn cleans_what_a_killed_build_left() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(".council-report-build-abc.tmp"), b"half").unwrap();
        fs::write(dir.path().join(".council-report-aB3xY9.tmp"), b"old").unwrap();
        fs::write(dir.path().join(".council-report-edit-abc.tmp"), b"edit").unwrap();
        fs::write(dir.path().join("keep.docx"), b"x").unwrap();
        assert_eq!(remove_stale_temporaries(dir.path()).unwrap(), 2);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
    }
}
