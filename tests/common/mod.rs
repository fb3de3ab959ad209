//! Helpers shared by the integration tests: run the built binary from the crate root, so
//! paths in its output are the short relative ones a user sees.

#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Output};

use assert_cmd::Command;

pub mod devtools;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `council-report ARGS` in the crate root with colour off.
pub fn run(args: &[&str]) -> Output {
    run_in(&root(), args)
}

/// [`run`] with environment variables set.
pub fn run_with_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::cargo_bin("council-report").expect("the binary is built");
    cmd.current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.args(args).output().expect("the binary runs")
}

pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("council-report")
        .expect("the binary is built for integration tests")
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .args(args)
        .output()
        .expect("the binary runs")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

/// Copies a folder tree (for tests that modify entries).
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for e in std::fs::read_dir(from).expect("read dir") {
        let e = e.expect("dir entry");
        let target = to.join(e.file_name());
        if e.file_type().expect("file type").is_dir() {
            copy_tree(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).expect("copy");
        }
    }
}

/// The WordprocessingML namespace.
pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A part of a DOCX, as text.
pub fn docx_part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    let mut s = String::new();
    zip.by_name(name)
        .expect("part")
        .read_to_string(&mut s)
        .expect("UTF-8");
    s
}

/// The text of a `w:p` as a reader sees it: runs' text, tabs, non-breaking hyphens.
pub fn paragraph_text(p: roxmltree::Node<'_, '_>) -> String {
    p.descendants()
        .filter_map(|n| {
            if n.has_tag_name((W, "t")) {
                n.text().map(ToOwned::to_owned)
            } else if n.has_tag_name((W, "tab"))
                && n.parent().is_some_and(|r| r.has_tag_name((W, "r")))
            {
                Some("\t".into())
            } else if n.has_tag_name((W, "noBreakHyphen")) {
                Some("\u{2011}".into())
            } else {
                None
            }
        })
        .collect()
}

/// LibreOffice's `soffice` (or `$SOFFICE`), if installed: a [`tool`], required under CI.
pub fn soffice() -> Option<String> {
    tool(
        &std::env::var("SOFFICE").unwrap_or_else(|_| "soffice".into()),
        "--version",
    )
}

/// Converts `docx` to UTF-8 text with LibreOffice (a fresh profile in `work`) and returns it.
pub fn libreoffice_text(soffice: &str, docx: &Path, work: &Path) -> String {
    libreoffice_convert(soffice, docx, work, "txt:Text (encoded):UTF8")
}

/// Converts `docx` with LibreOffice (a fresh profile in `work`) to the format `filter`
/// names (`html`, `txt:Text (encoded):UTF8`) and returns the file it wrote, as text.
pub fn libreoffice_convert(soffice: &str, docx: &Path, work: &Path, filter: &str) -> String {
    let profile = work.join("lo-profile");
    let outdir = work.join("lo-out");
    let o = Process::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            filter,
            "--outdir",
        ])
        .arg(&outdir)
        .arg(docx)
        .output()
        .expect("soffice runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stem = docx.file_stem().expect("a file name");
    let extension = filter.split(':').next().unwrap_or(filter);
    let txt = outdir.join(stem).with_extension(extension);
    std::fs::read_to_string(&txt).unwrap_or_else(|e| {
        panic!(
            "LibreOffice wrote no text ({e}): {}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    })
}

/// A command-line tool a test needs (`tidy`, `pdftotext`, `chromium`), if it runs with
/// `version_arg`; under CI (`CI` set) its absence fails the test, elsewhere it is skipped.
pub fn tool(name: &str, version_arg: &str) -> Option<String> {
    let found = Process::new(name)
        .arg(version_arg)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|_| name.to_owned());
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{name} is required under CI (.ci/install-tools.sh installs it)"
        );
        eprintln!("skipped: {name} is not installed");
    }
    found
}

/// The checked sample report of `entries/`.
pub fn sample() -> council_report::model::Report {
    council_report::load_and_check(&root().join("entries"))
        .expect("entries")
        .report
        .expect("the sample entries check")
}

/// A long-running `council-report` (`watch`): its stdout and stderr lines arrive on one
/// channel; it is killed when dropped, so no watcher outlives a failed test.
pub struct Spawned {
    pub child: std::process::Child,
    pub lines: std::sync::mpsc::Receiver<String>,
}

/// How long a test waits for a line before failing.
pub const DEADLINE: std::time::Duration = std::time::Duration::from_secs(60);

/// `council-report ARGS` with colour off, stdin closed, stdout and stderr piped.
pub fn piped<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Process {
    let mut command = Process::new(env!("CARGO_BIN_EXE_council-report"));
    command
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    command
}

impl Spawned {
    pub fn start(dir: &Path, args: &[&str]) -> Self {
        use std::io::BufRead;
        let mut child = piped(args)
            .current_dir(dir)
            .spawn()
            .expect("the binary starts");
        let (tx, lines) = std::sync::mpsc::channel();
        let forward = |stream: Box<dyn Read + Send>, tx: std::sync::mpsc::Sender<String>| {
            std::thread::spawn(move || {
                for line in std::io::BufReader::new(stream)
                    .lines()
                    .map_while(Result::ok)
                {
                    if tx.send(line).is_err() {
                        break;
                    }
                }
            });
        };
        forward(Box::new(child.stderr.take().expect("stderr")), tx.clone());
        forward(Box::new(child.stdout.take().expect("stdout")), tx);
        Self { child, lines }
    }

    /// Reads lines until one satisfies `want`; returns everything read, or panics at the
    /// deadline with what was seen.
    pub fn wait_for(&self, want: impl Fn(&str) -> bool) -> String {
        let end = std::time::Instant::now() + DEADLINE;
        let mut seen = String::new();
        loop {
            let left = end.saturating_duration_since(std::time::Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    seen.push_str(&line);
                    seen.push('\n');
                    if want(&line) {
                        return seen;
                    }
                }
                Err(e) => panic!("{e:?} waiting; output so far:\n{seen}"),
            }
        }
    }
}

impl Drop for Spawned {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Saves `text` into `file` as editors do, whole: a hidden temporary file beside it (which
/// `watch` ignores, like editors' swap files) renamed over it, so that a rebuild never
/// reads half a file.
pub fn save(file: &Path, text: &str) {
    let name = file.file_name().expect("a file").to_string_lossy();
    let tmp = file.with_file_name(format!(".{name}.tmp"));
    std::fs::write(&tmp, text).expect("write");
    std::fs::rename(&tmp, file).expect("rename");
}

/// A temporary folder holding `files` (a path relative to it, its text), sub-folders
/// made as needed: a templates folder, a few entries.
pub fn folder_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, text).expect("write");
    }
    dir
}

/// Every file's bytes under `dir`, by path relative to it: equal trees mean nothing changed.
/// The folder's lock file is left out: any command that reads the folder under its lock
/// (a dry run too) creates it, empty, and it is no content (src/lock.rs says why it stays).
pub fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.file_name() != council_report::lock::LOCK_FILE)
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .expect("inside")
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read(e.path()).expect("read"))
        })
        .collect()
}

/// A tiny deterministic generator (SplitMix64): seeded edits and slips are the same every
/// run, with no dependency.
pub struct Seeded(pub u64);

impl Seeded {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}
