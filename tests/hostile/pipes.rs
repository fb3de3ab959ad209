//! A closed or full stdout or stderr (issue 12, finding 5): never a panic (exit 101).
//! A reader that went away from stdout (`| head`) leaves the command's own exit code; a
//! full stdout is an error in words on stderr, exit 2; a broken stderr ends the process
//! quietly with exit 2.

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::common::{code, stderr};
use crate::hostile::support;

/// The binary with `args`, its stdout and stderr as given.
fn run_with(args: &[&str], out: Stdio, err: Stdio) -> Output {
    Command::new(assert_cmd::cargo::cargo_bin("council-report"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .output()
        .expect("the binary runs")
}

/// A pipe whose reader has gone: every write to it fails with EPIPE (`| head -0`).
fn closed_pipe() -> Stdio {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    writer.into()
}

fn dev_full() -> Stdio {
    fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full")
        .into()
}

/// An entries folder with 200 warnings (straight quotes in 200 entries).
fn noisy_entries(dir: &Path) {
    support::small_report(dir);
    support::numbered_entries(dir, 1..=200, |i| format!("It's entry {i}."));
}

#[test]
fn a_closed_stderr_ends_check_quietly_with_exit_2() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let entries = tmp.path().join("entries");
    noisy_entries(&entries);
    let e = entries.to_str().expect("a UTF-8 path");
    // `check 2>&1 | head -0`
    let o = run_with(&["check", "--entries", e], closed_pipe(), closed_pipe());
    assert_eq!(code(&o), 2);
    // `check 2>/dev/full`
    let o = run_with(&["check", "--entries", e], Stdio::piped(), dev_full());
    assert_eq!(code(&o), 2);
}

#[test]
fn a_closed_stderr_ends_build_quietly_with_exit_2() {
    let (tmp, entries) = support::small_report_in_temp();
    let out = tmp.path().join("out");
    let args = [
        "build",
        "--entries",
        entries.to_str().expect("UTF-8"),
        "--out",
        out.to_str().expect("UTF-8"),
    ];
    let o = run_with(&args, closed_pipe(), closed_pipe());
    assert_eq!(code(&o), 2);
    // The build itself went through: the outputs are there.
    assert!(out.join("C18-99-E.docx").is_file());
}

#[test]
fn a_reader_that_goes_away_leaves_the_exit_code_of_the_command() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let entries = tmp.path().join("entries");
    noisy_entries(&entries);
    let e = entries.to_str().expect("UTF-8");
    // `check --format json | head -0`: the warnings are not errors, exit 0.
    let o = run_with(
        &["check", "--entries", e, "--format", "json"],
        closed_pipe(),
        Stdio::piped(),
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("checked 201 entries"), "{}", stderr(&o));
    // With warnings denied, exit 1.
    let o = run_with(
        &[
            "check",
            "--entries",
            e,
            "--format",
            "json",
            "--deny-warnings",
        ],
        closed_pipe(),
        Stdio::piped(),
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    for args in [&["schema"][..], &["completions", "bash"]] {
        let o = run_with(args, closed_pipe(), Stdio::piped());
        assert_eq!(code(&o), 0, "{args:?}: {}", stderr(&o));
        assert_eq!(stderr(&o), "", "{args:?}");
    }
}

#[test]
fn a_full_stdout_is_an_error_in_words() {
    for args in [&["completions", "bash"][..], &["schema"], &["--help"]] {
        let o = run_with(args, dev_full(), Stdio::piped());
        assert_eq!(code(&o), 2, "{args:?}: {}", stderr(&o));
        assert_eq!(
            stderr(&o),
            "error: cannot write to stdout: No space left on device\n",
            "{args:?}"
        );
    }
}
