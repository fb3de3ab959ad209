//! Helpers shared by the integration tests: run the built binary from the crate root, so
//! paths in its output are the short relative ones a user sees.

#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Output};

use assert_cmd::Command;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `council-report ARGS` in the crate root with colour off.
pub fn run(args: &[&str]) -> Output {
    run_in(&root(), args)
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

/// LibreOffice's `soffice`, if installed; under CI (`CI` set) its absence fails the test.
pub fn soffice() -> Option<String> {
    let candidate = std::env::var("SOFFICE").unwrap_or_else(|_| "soffice".into());
    let found = Process::new(&candidate)
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|_| candidate);
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "LibreOffice (soffice) is required under CI"
        );
        eprintln!("skipped: LibreOffice is not installed");
    }
    found
}

/// Converts `docx` to UTF-8 text with LibreOffice (a fresh profile in `work`) and returns it.
pub fn libreoffice_text(soffice: &str, docx: &Path, work: &Path) -> String {
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
            "txt:Text (encoded):UTF8",
            "--outdir",
        ])
        .arg(&outdir)
        .arg(docx)
        .output()
        .expect("soffice runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stem = docx.file_stem().expect("a file name");
    let txt = outdir.join(stem).with_extension("txt");
    std::fs::read_to_string(&txt).unwrap_or_else(|e| {
        panic!(
            "LibreOffice wrote no text ({e}): {}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    })
}

/// Whether `program` runs (`program arg` exits 0); under CI (`CI` set) its absence fails
/// the test, elsewhere the test says it skipped.
pub fn have(program: &str, arg: &str) -> bool {
    let found = Process::new(program)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{program} is required under CI"
        );
        eprintln!("skipped: {program} is not installed");
    }
    found
}
