//! Writing outputs atomically: the bytes go to a temporary file in the output folder,
//! which is flushed to disk and then renamed over the target. A build that fails or is
//! killed halfway leaves the previous file intact; readers never see half a DOCX.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// Temporary files carry this prefix, so a later run can remove those a killed build left.
const TEMP_PREFIX: &str = ".council-report-";
const TEMP_SUFFIX: &str = ".tmp";

/// Writes `bytes` to `path` atomically (temporary file in the same folder, then rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
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
    // `persist` renames; on failure the temporary file is removed when `tmp` drops.
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Removes temporary files that an interrupted build left in `dir`.
pub fn remove_stale_temporaries(dir: &Path) -> io::Result<usize> {
    let mut n = 0;
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(0);
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX) && e.path().is_file() {
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
    fn cleans_what_a_killed_build_left() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(".council-report-abc.tmp"), b"half").unwrap();
        fs::write(dir.path().join("keep.docx"), b"x").unwrap();
        assert_eq!(remove_stale_temporaries(dir.path()).unwrap(), 1);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
