//! `watch` on a temporary copy of `entries/`: it builds at start, builds again when an
//! entry changes (printing the new diagnostics, or the outputs written), and stops cleanly
//! on Ctrl-C. Every wait
//! polls the output with a deadline; nothing sleeps for a fixed time.

use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::{DEADLINE, Spawned};

#[test]
fn watch_rebuilds_on_every_change_and_stops_on_ctrl_c() {
    let dir = tempfile::tempdir().expect("temp dir");
    let entries = dir.path().join("entries");
    crate::common::copy_tree(&crate::common::root().join("entries"), &entries);
    // Outputs inside the watched folder: writing them must not start another build.
    let mut watch = Spawned::start(
        dir.path(),
        &[
            "watch",
            "--entries",
            "entries",
            "--out",
            "entries/out",
            "--debounce",
            "50",
        ],
    );
    let start = watch.wait_for(|l| l.starts_with("checked "));
    assert!(start.contains("watching entries for changes"), "{start}");
    assert!(
        start.contains("checked 54 entries: 0 errors, 0 warnings"),
        "{start}"
    );

    // A mistake: the new diagnostic appears.
    let file = entries.join("2/2.09-itu-t-sg13.toml");
    let good = std::fs::read_to_string(&file).expect("read");
    // Saved as editors do, whole: a rebuild never sees a half-written file (which would be
    // a different error).
    let save = |text: &str| crate::common::save(&file, text);
    save(&good.replace("sector = \"ITU-T\"", "sector = \"ITU-X\""));
    // One save may still come as several events (and rebuilds): wait for the summary of
    // the state we want, not for the next summary.
    let broken = watch.wait_for(|l| l == "checked 54 entries: 1 error, 0 warnings");
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
    watch.wait_for(|l| l == "checked 54 entries: 0 errors, 0 warnings");
    watch.wait_for(|l| l == "wrote entries/out/C18-33-E-digest.txt");
    assert!(entries.join("out/C18-33-E.docx").is_file());
    // Writing the outputs, inside the watched folder, starts no other build.
    match watch.lines.recv_timeout(Duration::from_millis(500)) {
        Err(mpsc::RecvTimeoutError::Timeout) => {}
        other => panic!("unexpected output after the build: {other:?}"),
    }

    // Ctrl-C: a clean stop with exit 0.
    let pid = watch.child.id().to_string();
    let sent = Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill");
    assert!(sent.success());
    watch.wait_for(|l| l == "stopped watching");
    let end = Instant::now() + DEADLINE;
    let status = loop {
        if let Some(s) = watch.child.try_wait().expect("wait") {
            break s;
        }
        assert!(Instant::now() < end, "watch did not exit after Ctrl-C");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
}
