//! Only regular files are read (issue 12, finding 6): a named pipe among the entries, as
//! report.toml, as the logo or as a template, and a device as the logo, are a clear error
//! at once, never opened for reading (which waited forever for a writer); `watch` meets
//! one and still stops on Ctrl-C.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::common::{code, stderr};
use crate::hostile::support::{self, mkfifo, run_within};

/// Long enough for a slow CI machine; a command that hangs never ends.
const LIMIT: Duration = Duration::from_secs(60);

fn p(s: &str) -> &Path {
    Path::new(s)
}

#[test]
fn a_named_pipe_among_the_entries_is_e010_for_every_command() {
    let (tmp, entries) = support::small_report_in_temp();
    mkfifo(&entries.join("2.toml"));
    let out = tmp.path().join("out");
    let runs: [Vec<&Path>; 5] = [
        vec![p("check"), p("--entries"), &entries],
        vec![p("build"), p("--entries"), &entries, p("--out"), &out],
        vec![p("fmt"), p("--entries"), &entries],
        vec![
            p("renumber"),
            p("--entries"),
            &entries,
            p("--insert"),
            p("1"),
        ],
        vec![p("new"), p("--entries"), &entries, p("--under"), p("1")],
    ];
    for args in runs {
        let o = run_within(&args, LIMIT).unwrap_or_else(|| panic!("{args:?} hung"));
        assert_eq!(code(&o), 1, "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("error[E010]: `")
                && stderr(&o).contains("2.toml` is a named pipe, not a regular file"),
            "{args:?}: {}",
            stderr(&o)
        );
    }
    assert!(!out.exists());
}

#[test]
fn a_named_pipe_as_report_toml_is_e010_not_a_hang() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let entries = tmp.path().join("entries");
    fs::create_dir(&entries).expect("mkdir");
    fs::write(entries.join("1.toml"), crate::hostile::harness::ENTRY).expect("entry");
    mkfifo(&entries.join("report.toml"));
    let o = run_within(&[p("check"), p("--entries"), &entries], LIMIT).expect("check hung");
    let err = stderr(&o);
    assert_eq!(code(&o), 1, "{err}");
    assert!(
        err.contains("report.toml` is a named pipe, not a regular file"),
        "{err}"
    );
    // It is there, though unreadable: not also "no report.toml".
    assert!(!err.contains("E006"), "{err}");
}

/// The logo as a named pipe, and as a device that never ends (`/dev/zero`'s numbers).
#[test]
fn a_named_pipe_or_a_device_as_the_logo_is_e025_not_a_hang() {
    let (_tmp, entries) = support::small_report_in_temp();
    support::with_logo(&entries, "logo.png");
    mkfifo(&entries.join("logo.png"));
    let o = run_within(&[p("check"), p("--entries"), &entries], LIMIT).expect("check hung");
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("error[E025]: the logo `logo.png` is a named pipe, not a regular file"),
        "{}",
        stderr(&o)
    );
    fs::remove_file(entries.join("logo.png")).expect("remove the pipe");
    let made = Command::new("mknod")
        .arg(entries.join("logo.png"))
        .args(["c", "1", "5"])
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("skipped the device: mknod needs root");
        return;
    }
    let o = run_within(&[p("check"), p("--entries"), &entries], LIMIT).expect("check hung");
    assert!(
        stderr(&o).contains("error[E025]: the logo `logo.png` is a device, not a regular file"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_named_pipe_as_a_template_fails_the_build_not_hangs_it() {
    let (tmp, entries) = support::small_report_in_temp();
    let templates = tmp.path().join("templates");
    fs::create_dir(&templates).expect("mkdir");
    mkfifo(&templates.join("report.txt.j2"));
    let out = tmp.path().join("out");
    let o = run_within(
        &[p("build"), p("--entries"), &entries, p("--out"), &out],
        LIMIT,
    )
    .expect("build hung");
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("report.txt.j2 is a named pipe, not a regular file"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
}

/// `watch` prints the E010 for a pipe that appears, and Ctrl-C still stops it.
#[test]
fn watch_meets_a_named_pipe_and_still_stops_on_ctrl_c() {
    let (tmp, entries) = support::small_report_in_temp();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("council-report"))
        .args(["watch", "--debounce", "50", "--entries"])
        .arg(&entries)
        .arg("--out")
        .arg(tmp.path().join("out"))
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("watch starts");
    let log = tmp.path().join("log");
    let stderr_pipe = child.stderr.take().expect("stderr");
    let log2 = log.clone();
    let reader = std::thread::spawn(move || {
        use std::io::{BufRead, Write};
        let mut f = fs::File::create(&log2).expect("log");
        for line in std::io::BufReader::new(stderr_pipe)
            .lines()
            .map_while(Result::ok)
        {
            let _ = writeln!(f, "{line}");
        }
    });
    let seen = |s: &str| fs::read_to_string(&log).unwrap_or_default().contains(s);
    assert!(
        support::poll(LIMIT, || seen("checked 1 entry")),
        "no first build"
    );
    mkfifo(&entries.join("2.toml"));
    assert!(
        support::poll(LIMIT, || seen("is a named pipe, not a regular file")),
        "{}",
        fs::read_to_string(&log).unwrap_or_default()
    );
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(sent.success());
    let stopped = support::poll(LIMIT, || child.try_wait().ok().flatten().is_some());
    if !stopped {
        let _ = child.kill();
    }
    let status = child.wait().expect("wait");
    let _ = reader.join();
    assert!(stopped, "watch ignored Ctrl-C");
    assert_eq!(status.code(), Some(0));
}
