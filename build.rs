//! Build script: records the commit the binary is built from, for `--version`.
//!
//! `council-report --version` prints `council-report 0.2.0 (commit 1a2b3c4d5e6f)`. The
//! commit comes from, in order: `git rev-parse HEAD` when this package is the top of its
//! own git work tree (a clone, `cargo install --git`); the `.cargo_vcs_info.json` that
//! `cargo package` writes into a crate tarball (crates.io, `cargo install` of a published
//! version); else "unknown" (a source archive without either). Only the commit goes in,
//! never a time or a path, so two builds of one commit are byte-identical.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let commit = from_git(&manifest_dir)
        .or_else(|| from_vcs_info(&manifest_dir))
        .map_or_else(
            || "unknown".to_owned(),
            |sha| sha.chars().take(12).collect(),
        );
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    println!("cargo:rustc-env=COUNCIL_REPORT_VERSION={version} (commit {commit})");
    println!("cargo:rustc-env=COUNCIL_REPORT_COMMIT={commit}");
    // Without any rerun-if-changed line Cargo would run this again after any change.
    println!("cargo:rerun-if-changed=build.rs");
}

/// The commit of HEAD, when `dir` is the top of a git work tree. Registers the files whose
/// change means another commit (HEAD, the branch it names, packed refs), so that the build
/// script runs again after a commit or checkout and at no other time.
fn from_git(dir: &Path) -> Option<String> {
    let top = git(dir, &["rev-parse", "--show-toplevel"])?;
    // A tarball unpacked inside some other repository must not take that one's commit.
    if std::fs::canonicalize(&top).ok()? != std::fs::canonicalize(dir).ok()? {
        return None;
    }
    for file in ["HEAD", "packed-refs"] {
        if let Some(path) = git(dir, &["rev-parse", "--git-path", file]) {
            println!("cargo:rerun-if-changed={}", dir.join(path).display());
        }
    }
    if let Some(branch) = git(dir, &["symbolic-ref", "-q", "HEAD"])
        && let Some(path) = git(dir, &["rev-parse", "--git-path", &branch])
    {
        println!("cargo:rerun-if-changed={}", dir.join(path).display());
    }
    let sha = git(dir, &["rev-parse", "HEAD"])?;
    is_sha(&sha).then_some(sha)
}

/// `git.sha1` from the `.cargo_vcs_info.json` of a packaged crate.
fn from_vcs_info(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join(".cargo_vcs_info.json")).ok()?;
    println!("cargo:rerun-if-changed=.cargo_vcs_info.json");
    // {"git": {"sha1": "…"}, "path_in_vcs": ""}: the one 40-hex value after "sha1".
    let after = &text[text.find("\"sha1\"")? + 6..];
    let start = after.find('"')? + 1;
    let sha = after[start..].split('"').next()?;
    is_sha(sha).then(|| sha.to_owned())
}

/// Runs git in `dir`; its trimmed output when it succeeds. No git installed is `None`.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let s = String::from_utf8(out.stdout).ok()?;
    Some(s.trim().to_owned())
}

fn is_sha(s: &str) -> bool {
    s.len() >= 40 && s.bytes().all(|b| b.is_ascii_hexdigit())
}
