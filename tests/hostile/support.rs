//! Folders of entries, tmpfs mounts that always unmount, LibreOffice, polling.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use crate::common;
use crate::hostile::harness;

/// Runs `council-report ARGS` (paths as OS strings).
pub fn run(args: &[&Path]) -> Output {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    common::run_in(&common::root(), &refs)
}

/// `build --entries ENTRIES --out OUT`.
pub fn build(entries: &Path, out: &Path) -> Output {
    build_with(entries, out, &[])
}

/// `build --entries ENTRIES --out OUT` and more arguments (`--templates DIR`).
pub fn build_with(entries: &Path, out: &Path, more: &[&Path]) -> Output {
    let mut args = vec![
        Path::new("build"),
        Path::new("--entries"),
        entries,
        Path::new("--out"),
        out,
    ];
    args.extend_from_slice(more);
    run(&args)
}

/// An entries folder at `dir` with the harness's report.toml and entry `1`.
pub fn small_report(dir: &Path) {
    fs::create_dir_all(dir).expect("create the entries folder");
    fs::write(dir.join("report.toml"), harness::REPORT).expect("write report.toml");
    fs::write(dir.join("1.toml"), harness::ENTRY).expect("write the entry");
}

/// Gives the report in `entries` the logo path `logo` (`[layout] logo = …`).
pub fn with_logo(entries: &Path, logo: &str) {
    fs::write(
        entries.join("report.toml"),
        format!(
            "{}\n[layout]\nlogo = {}\n",
            harness::REPORT,
            harness::toml_string(logo)
        ),
    )
    .expect("write report.toml");
}

/// A temporary folder holding the small report in `entries/`; the folder lives as long
/// as the returned guard.
pub fn small_report_in_temp() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let entries = tmp.path().join("entries");
    small_report(&entries);
    (tmp, entries)
}

/// Writes entry `1.i` into `dir` for each `i` of `numbers`, with the text `text(i)`
/// (written into a TOML basic string as it is).
pub fn numbered_entries(
    dir: &Path,
    numbers: impl IntoIterator<Item = usize>,
    text: impl Fn(usize) -> String,
) {
    for i in numbers {
        fs::write(
            dir.join(format!("1.{i}.toml")),
            format!("number = \"1.{i}\"\ntext = \"{}\"\n", text(i)),
        )
        .expect("write an entry");
    }
}

/// An entries folder with `n` entries (1, 1.1 … 1.(n-1)) of `words` words each, in
/// folders of 100.
pub fn many_entries(dir: &Path, n: usize, words: usize) {
    small_report(dir);
    let text = "lorem ipsum dolor sit amet ".repeat(words.div_ceil(5));
    for i in 1..n {
        let sub = dir.join(format!("part {:02}", i / 100));
        fs::create_dir_all(&sub).expect("create a sub-folder");
        fs::write(
            sub.join(format!("1.{i}.toml")),
            format!(
                "number = \"1.{i}\"\ntext = \"Entry {i}: {}\"\n",
                text.trim_end()
            ),
        )
        .expect("write an entry");
    }
}

/// The `.council-report-*.tmp` files in `dir`.
pub fn temporaries(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| {
                    let n = p.file_name().unwrap_or_default().to_string_lossy();
                    n.starts_with(".council-report-") && n.ends_with(".tmp")
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The names in `dir`, sorted, without the lock file every writer of a folder keeps there.
pub fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .expect("read the folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != council_report::lock::LOCK_FILE)
        .collect();
    v.sort();
    v
}

/// Polls `f` every millisecond until it holds or `limit` passes.
pub fn poll(limit: Duration, mut f: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if f() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    f()
}

/// A tmpfs mounted on a folder for the life of the value; unmounted on drop, also when the
/// test fails.
pub struct Tmpfs {
    pub path: PathBuf,
    _dir: tempfile::TempDir,
}

impl Tmpfs {
    /// Mounts a tmpfs with `options` (`ro,size=1m`, `size=64k`); `None`, with a message,
    /// where mounting is not allowed (not root, a container without the capability).
    pub fn mount(options: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("mnt");
        fs::create_dir(&path).expect("mount point");
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs"])
            .arg(&path)
            .output();
        match status {
            Ok(o) if o.status.success() => Some(Tmpfs { path, _dir: dir }),
            Ok(o) => {
                eprintln!(
                    "skipped: cannot mount a tmpfs ({options}): {}",
                    String::from_utf8_lossy(&o.stderr).trim()
                );
                None
            }
            Err(e) => {
                eprintln!("skipped: cannot run mount: {e}");
                None
            }
        }
    }

    /// Makes the mounted tmpfs read-only (what it holds stays).
    pub fn remount_read_only(&self) -> bool {
        Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.path)
            .status()
            .is_ok_and(|s| s.success())
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let ok = Command::new("umount")
            .arg(&self.path)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            // Busy (a child still has a file open): detach it now, it goes when released.
            let _ = Command::new("umount").arg("-l").arg(&self.path).status();
        }
    }
}

pub use crate::common::{libreoffice_text, soffice};

/// The text of every paragraph of a DOCX's document.xml.
pub fn docx_paragraphs(docx: &[u8]) -> Vec<String> {
    let xml = common::docx_part(docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).expect("document.xml parses");
    doc.descendants()
        .filter(|n| n.has_tag_name((common::W, "p")))
        .map(common::paragraph_text)
        .collect()
}

/// Runs `council-report ARGS` with stdin closed, killing it if it has not ended within
/// `limit`: `None` means it hung.
pub fn run_within(args: &[&Path], limit: Duration) -> Option<Output> {
    let mut child = spawn(args);
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if child.try_wait().expect("wait").is_some() {
            return Some(child.wait_with_output().expect("output"));
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

/// Starts `council-report ARGS` with stdin closed and stdout and stderr piped.
pub fn spawn(args: &[&Path]) -> std::process::Child {
    common::piped(args).spawn().expect("the binary starts")
}

/// Makes a named pipe at `path` (`mkfifo`).
pub fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "mkfifo {}", path.display());
}

/// A temporary folder in memory (`/dev/shm`) where there is one: the tests that rewrite a
/// thousand files many times need no disk, whose syncs would cost them most of their time
/// (a killed process loses nothing the page cache holds, so they test the same).
pub fn memory_tempdir() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir()
        && let Ok(t) = tempfile::tempdir_in(shm)
    {
        return t;
    }
    tempfile::tempdir().expect("tempdir")
}
