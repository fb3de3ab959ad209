//! `watch --serve` over plain HTTP: it binds to loopback on a free port by default, serves
//! the page, its status and events and nothing else (no path leaves the preview, encoded
//! or not), answers only to a loopback Host, and publishes every rebuild: a new page after
//! a good save, the diagnostics and the last good page after a bad one. The browser side
//! is in `preview_browser`.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::{DEADLINE, Spawned, copy_tree, root, save};

/// `watch --serve` on a copy of the sample, and the address it printed.
pub(crate) fn serve(dir: &Path, extra: &[&str]) -> (Spawned, SocketAddr) {
    copy_tree(&root().join("entries"), &dir.join("entries"));
    let mut args = vec!["watch", "--serve", "--debounce", "20", "--out", "out"];
    args.extend_from_slice(extra);
    let watch = Spawned::start(dir, &args);
    let seen = watch.wait_for(|l| l.starts_with("serving the preview at "));
    let url = seen
        .lines()
        .find_map(|l| l.strip_prefix("serving the preview at http://"))
        .and_then(|rest| rest.split('/').next())
        .expect("an address");
    let addr: SocketAddr = url.parse().expect("a socket address");
    // The first page is published once it is written.
    status_until(addr, |s| s["version"].as_u64() >= Some(1));
    (watch, addr)
}

/// One HTTP/1.0 request (so the body is never chunked): status code and body.
pub(crate) fn request(addr: SocketAddr, method: &str, target: &str, host: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    write!(stream, "{method} {target} HTTP/1.0\r\nHost: {host}\r\n\r\n").expect("sends");
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let response = String::from_utf8_lossy(&response).into_owned();
    let code = response
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map_or(String::new(), |(_, b)| b.to_owned());
    (code, body)
}

pub(crate) fn get(addr: SocketAddr, target: &str) -> (u16, String) {
    request(addr, "GET", target, &addr.to_string())
}

/// Polls `/status.json` until `want` holds; the status then.
pub(crate) fn status_until(
    addr: SocketAddr,
    want: impl Fn(&serde_json::Value) -> bool,
) -> serde_json::Value {
    let end = Instant::now() + DEADLINE;
    loop {
        let (code, body) = get(addr, "/status.json");
        assert_eq!(code, 200, "{body}");
        let status: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        if want(&status) {
            return status;
        }
        assert!(
            Instant::now() < end,
            "status never changed as expected: {status}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn serves_only_the_preview_and_only_on_loopback() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_watch, addr) = serve(dir.path(), &[]);
    assert!(addr.ip().is_loopback(), "{addr}");
    assert_ne!(addr.port(), 0);
    // The listening socket itself is bound to 127.0.0.1, not to every address.
    if let Ok(table) = std::fs::read_to_string("/proc/net/tcp") {
        let port = format!(":{:04X}", addr.port());
        let listening: Vec<&str> = table
            .lines()
            .filter(|l| {
                let f: Vec<&str> = l.split_whitespace().collect();
                f.get(1).is_some_and(|local| local.ends_with(&port)) && f.get(3) == Some(&"0A")
            })
            .collect();
        assert!(!listening.is_empty(), "no listening socket on {port}");
        for l in listening {
            assert!(l.contains(&format!("0100007F{port}")), "{l}");
        }
    }

    let (code, page) = get(addr, "/");
    assert_eq!(code, 200);
    assert!(page.contains("data-entry=\"2.9\""));
    assert!(page.contains("window.COUNCIL_PREVIEW"));
    assert!(dir.path().join("out/C18-33-E.html").is_file());

    let secrets = [
        "[package]",
        "root:",
        "[meeting]",
        "number = \"2.9\"",
        "PK\u{3}\u{4}",
    ];
    let refused = [
        "/../Cargo.toml".to_owned(),
        "/%2e%2e/Cargo.toml".into(),
        "/%2E%2E%2FCargo.toml".into(),
        "/..%2f..%2f..%2fetc/passwd".into(),
        "/entries/%2e%2e/%2e%2e/Cargo.toml".into(),
        "//etc/passwd".into(),
        "/..\\Cargo.toml".into(),
        format!("http://{addr}/../Cargo.toml"),
    ];
    for target in &refused {
        let (code, body) = get(addr, target);
        assert_eq!(code, 400, "{target}: {body}");
        assert!(
            !secrets.iter().any(|s| body.contains(s)),
            "{target}: {body}"
        );
    }
    for target in [
        "/etc/passwd",
        "/Cargo.toml",
        "/entries/report.toml",
        "/out/C18-33-E.docx",
        "/out/C18-33-E.html",
    ] {
        let (code, body) = get(addr, target);
        assert_eq!(code, 404, "{target}: {body}");
        assert!(
            !secrets.iter().any(|s| body.contains(s)),
            "{target}: {body}"
        );
    }
    // Another site's name pointed at 127.0.0.1 (DNS rebinding) is not answered.
    let (code, _) = request(addr, "GET", "/", "attacker.example");
    assert_eq!(code, 403);
    let (code, _) = request(addr, "POST", "/", &addr.to_string());
    assert_eq!(code, 405);
}

#[test]
fn every_rebuild_is_published_and_errors_keep_the_last_good_page() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (watch, addr) = serve(dir.path(), &[]);
    let first = status_until(addr, |s| s["state"] == "ok" && s["version"] == 1);
    let version = first["version"].as_u64().expect("a version");

    let file = dir.path().join("entries/2/2.09-itu-t-sg13.toml");
    let good = std::fs::read_to_string(&file).expect("read");
    let edited = good.replace("ITU-T SG13", "ITU-T SG13 (edited)");
    assert_ne!(edited, good);
    save(&file, &edited);
    status_until(addr, |s| s["version"].as_u64() > Some(version));
    let (_, page) = get(addr, "/");
    assert!(page.contains("ITU-T SG13 (edited)"));

    save(
        &file,
        &edited.replace("sector = \"ITU-T\"", "sector = \"ITU-X\""),
    );
    let broken = status_until(addr, |s| s["state"] == "errors");
    let d = &broken["diagnostics"][0];
    assert_eq!(d["code"], "E004", "{broken}");
    assert_eq!(d["file"], "entries/2/2.09-itu-t-sg13.toml");
    assert_eq!(broken["errors"], 1);
    // The page stays the last good one.
    let (_, page) = get(addr, "/");
    assert!(page.contains("ITU-T SG13 (edited)"));
    assert!(page.contains("data-entry=\"2.9\""));

    save(&file, &good);
    // The status of the good build comes first, then its page (a new version).
    let fixed = status_until(addr, |s| {
        s["state"] == "ok" && s["version"].as_u64() > Some(version + 1)
    });
    assert_eq!(fixed["errors"], 0);
    let (_, page) = get(addr, "/");
    assert!(!page.contains("ITU-T SG13 (edited)"));
    drop(watch);
}
