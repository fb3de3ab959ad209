//! Reading the user's files: regular files only, never more than a cap.
//!
//! A named pipe (FIFO) called `2.9.toml`, `report.toml`, a logo or a template would block
//! an ordinary `open` until some writer appears, forever; a device such as `/dev/zero`
//! would be read until memory runs out. So a file is opened without blocking (on Unix,
//! `O_NONBLOCK`, which regular files ignore), its kind checked on the open handle (so it
//! cannot be swapped for a pipe in between), and at most `cap + 1` bytes are read: the
//! size the metadata gives decides before any byte is read, and the capped read holds
//! even for a file that grows meanwhile.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{}", crate::output::in_words(.0))]
    Io(#[from] io::Error),
    /// A named pipe, socket or device: `a named pipe`.
    #[error("is {0}, not a regular file")]
    NotRegular(&'static str),
    /// Larger than the cap (the size, when known).
    #[error("is larger than {}", size_in_words(*.cap))]
    TooLarge { cap: u64 },
}

impl ReadError {
    /// A sentence about the file `what` names (`` `2.9.toml` ``, ``the logo `logo.png` ``):
    /// `` `2.9.toml` is a named pipe, not a regular file ``, `` cannot read `2.9.toml`:
    /// Permission denied ``.
    pub fn about(&self, what: &str) -> String {
        match self {
            ReadError::Io(e) => format!("cannot read {what}: {}", crate::output::in_words(e)),
            other => format!("{what} {other}"),
        }
    }
}

/// Opens `path` for reading without ever blocking on a pipe.
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    // On Windows a pipe or device has no path in the folder to open, and opening a file
    // does not block: only the kind check of `open_regular` is needed there.
    options.open(path)
}

/// Opens `path` if it is a regular file, without ever blocking on a pipe.
pub fn open_regular(path: &Path) -> Result<(File, fs::Metadata), ReadError> {
    let file = open_nonblocking(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind(&meta)));
    }
    Ok((file, meta))
}

/// The bytes of regular file `path`, at most `cap` of them.
pub fn read_capped(path: &Path, cap: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    read_capped_into(path, cap, &mut bytes)?;
    Ok(bytes)
}

/// [`read_capped`] into a buffer the caller keeps (cleared first).
pub fn read_capped_into(path: &Path, cap: u64, bytes: &mut Vec<u8>) -> Result<(), ReadError> {
    bytes.clear();
    let (file, meta) = open_regular(path)?;
    if meta.len() > cap {
        return Err(ReadError::TooLarge { cap });
    }
    file.take(cap + 1).read_to_end(bytes)?;
    if bytes.len() as u64 > cap {
        return Err(ReadError::TooLarge { cap });
    }
    Ok(())
}

/// [`read_capped_into`] for a file the folder listing has just shown to be a regular one
/// (the entries): no `fstat` to ask again, which was a twentieth of `check` on 5,400
/// files. Still opened without blocking and read at most `cap + 1` bytes, so a pipe or
/// a device swapped in meanwhile reads as empty or too large, never hangs.
pub fn read_listed_into(path: &Path, cap: u64, bytes: &mut Vec<u8>) -> Result<(), ReadError> {
    bytes.clear();
    open_nonblocking(path)?.take(cap + 1).read_to_end(bytes)?;
    if bytes.len() as u64 > cap {
        return Err(ReadError::TooLarge { cap });
    }
    Ok(())
}

/// What a file that is not a regular one is, in words.
pub fn kind(meta: &fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    "a special file"
}

/// `4 MiB`, `8 MiB`.
fn size_in_words(bytes: u64) -> String {
    if bytes >= 1024 * 1024 && bytes.is_multiple_of(1024 * 1024) {
        format!("{} MiB", bytes / 1024 / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn refuses_pipes_and_devices_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.toml");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        assert!(matches!(
            read_capped(&fifo, 10),
            Err(ReadError::NotRegular("a named pipe"))
        ));
        assert!(matches!(
            read_capped(Path::new("/dev/zero"), 10),
            Err(ReadError::NotRegular("a device"))
        ));
        assert!(matches!(
            read_capped(dir.path(), 10),
            Err(ReadError::NotRegular("a folder"))
        ));
    }

    #[test]
    fn caps_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("big");
        let file = File::create(&f).unwrap();
        file.set_len(2 * 1024 * 1024 * 1024).unwrap();
        let e = read_capped(&f, 4 * 1024 * 1024).unwrap_err();
        assert_eq!(e.to_string(), "is larger than 4 MiB");
        std::fs::write(&f, b"12345").unwrap();
        assert_eq!(read_capped(&f, 5).unwrap(), b"12345");
        assert!(read_capped(&f, 4).is_err());
    }
}
