//! `watch` on a temporary copy of `entries/`: it builds at start, builds again when an
//! entry changes (printing the new diagnostics, or the outputs written), and stops cleanly
//! on Ctrl-C. Every wait
//! polls the output with a deadline; nothing sleeps for a fixed time.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

const DEADLINE: Duration = Duration::from_secs(60);

/// Kills the child if a test fails half-way, so no watcher outlives the test.
struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Reads lines until one satisfies `want`; returns everything read, or panics at the
/// deadline with what was seen.
fn wait_for(rx: &Receiver<String>, want: impl Fn(&str) -> bool) -> String {
    let end = Instant::now() + DEADLINE;
    let mut seen = String::new();
    loop {
        let left = end.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
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

fn forward(stream: impl std::io::Read, tx: &mpsc::Sender<String>) {
    for line in BufReader::new(stream).lines().map_while(Result::ok) {
        if tx.send(line).is_err() {
            break;
        }
    }
}

#[test]
fn watch_rebuilds_on_every_change_and_stops_on_ctrl_c() {
    let dir = tempfile::tempdir().expect("temp dir");
    let entries = dir.path().join("entries");
    crate::common::copy_tree(&crate::common::root().join("entries"), &entries);
    let child = Command::new(env!("CARGO_BIN_EXE_council-report"))
        .current_dir(dir.path())
        // Outputs inside the watched folder: writing them must not start another build.
        .args([
            "watch",
            "--entries",
            "entries",
            "--out",
            "entries/out",
            "--debounce",
            "50",
        ])
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut guard = Guard(child);
    // Both streams into one channel: diagnostics on stderr, "wrote …" on stdout.
    let (tx, rx) = mpsc::channel();
    let stderr = guard.0.stderr.take().expect("stderr");
    let stdout = guard.0.stdout.take().expect("stdout");
    let tx2 = tx.clone();
    std::thread::spawn(move || forward(stderr, &tx));
    std::thread::spawn(move || forward(stdout, &tx2));

    let start = wait_for(&rx, |l| l.starts_with("checked "));
    assert!(start.contains("watching entries for changes"), "{start}");
    assert!(
        start.contains("checked 54 entries: 0 errors, 0 warnings"),
        "{start}"
    );

    // A mistake: the new diagnostic appears.
    let file = entries.join("2/2.09-itu-t-sg13.toml");
    let good = std::fs::read_to_string(&file).expect("read");
    let save = |text: &str| {
        // Saved as editors do, whole: a rebuild never sees a half-written file (which
        // would be a different error). The temporary file is outside the watched folder.
        let tmp = dir.path().join("save.tmp");
        std::fs::write(&tmp, text).expect("write");
        std::fs::rename(&tmp, &file).expect("rename");
    };
    save(&good.replace("sector = \"ITU-T\"", "sector = \"ITU-X\""));
    // One save may still come as several events (and rebuilds): wait for the summary of
    // the state we want, not for the next summary.
    let broken = wait_for(&rx, |l| l == "checked 54 entries: 1 error, 0 warnings");
    assert!(
        broken.contains("changed: entries/2/2.09-itu-t-sg13.toml; rebuilding"),
        "{broken}"
    );
    assert!(
        broken.contains("error[E004]: unknown sector `ITU-X`"),
        "{broken}"
    );
    assert!(
        broken.contains("entries/2/2.09-itu-t-sg13.toml"),
        "{broken}"
    );

    // Still running after the error: the fix is seen too.
    save(&good);
    wait_for(&rx, |l| l == "checked 54 entries: 0 errors, 0 warnings");
    wait_for(&rx, |l| l == "wrote entries/out/C18-33-E-digest.txt");
    assert!(entries.join("out/C18-33-E.docx").is_file());
    // Writing the outputs, inside the watched folder, starts no other build.
    match rx.recv_timeout(Duration::from_millis(500)) {
        Err(mpsc::RecvTimeoutError::Timeout) => {}
        other => panic!("unexpected output after the build: {other:?}"),
    }

    // Ctrl-C: a clean stop with exit 0.
    let pid = guard.0.id().to_string();
    let sent = Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill");
    assert!(sent.success());
    wait_for(&rx, |l| l == "stopped watching");
    let end = Instant::now() + DEADLINE;
    let status = loop {
        if let Some(s) = guard.0.try_wait().expect("wait") {
            break s;
        }
        assert!(Instant::now() < end, "watch did not exit after Ctrl-C");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
}
