//! Headless Chromium driven over the DevTools protocol: JSON messages on a WebSocket
//! (tungstenite), one page, the four commands the preview test needs (navigate, evaluate,
//! screenshot, close).
//!
//! Why not `headless_chrome`: it compiles the whole protocol (a generated crate of every
//! domain), rustls, ring and ureq for these four commands: a quarter of the build of
//! `cargo test` from a fresh clone (about 240 of 970 CPU-seconds on the 2-core machine,
//! its 41 crates' share of `cargo test --timings`), for one test.

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{Value, json};
use tungstenite::{Message, WebSocket};

/// How long any one command, or Chromium's start, may take before the test fails.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The flags headless_chrome passed by default that matter to a test in a headless
/// page: nothing throttles timers or rendering of a page that is not on screen, a fixed
/// colour profile for screenshots, no background traffic, no first-run or sync dialogs.
const FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows",
    "--disable-renderer-backgrounding",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-dev-shm-usage",
    "--disable-extensions",
    "--disable-sync",
    "--disable-breakpad",
    "--force-color-profile=srgb",
    "--password-store=basic",
    "--use-mock-keychain",
    "--hide-scrollbars",
    "--enable-automation",
];

/// A running Chromium with one page attached; killed when dropped.
pub struct Browser {
    child: Child,
    socket: WebSocket<TcpStream>,
    session: String,
    next_id: u64,
}

impl Browser {
    /// Starts `chromium` headless with a window of `width`×`height` and its profile in
    /// `profile`, and opens a blank page.
    pub fn start(chromium: &Path, profile: &Path, (width, height): (u32, u32)) -> Self {
        // Chromium writes the port it listens on, and the browser's path, into this file.
        let port_file = profile.join("DevToolsActivePort");
        let _ = std::fs::remove_file(&port_file);
        let mut child = Command::new(chromium)
            .args(FLAGS)
            .arg(format!("--window-size={width},{height}"))
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("--remote-debugging-port=0")
            .arg("about:blank")
            // Chromium puts its singleton socket in a folder of its own under the temporary
            // folder and leaves it there when it is killed (`/tmp/org.chromium.Chromium.*`,
            // one more on every test run; even SIGTERM leaves it): in the profile, it goes
            // with the test's temporary folder.
            .env("TMPDIR", profile)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Chromium starts");
        let end = Instant::now() + TIMEOUT;
        let (port, path) = loop {
            if let Ok(text) = std::fs::read_to_string(&port_file)
                && let Some((port, path)) = text.split_once('\n')
                // Whole once the browser's id (a UUID) is there.
                && path.trim().len() >= "/devtools/browser/".len() + 36
            {
                break (port.trim().to_owned(), path.trim().to_owned());
            }
            if let Ok(Some(status)) = child.try_wait() {
                panic!("Chromium ended before listening: {status}");
            }
            if Instant::now() > end {
                let _ = child.kill();
                panic!("Chromium wrote no {} in {TIMEOUT:?}", port_file.display());
            }
            std::thread::sleep(Duration::from_millis(25));
        };
        let stream = TcpStream::connect(format!("127.0.0.1:{port}")).expect("the DevTools port");
        stream
            .set_read_timeout(Some(TIMEOUT))
            .expect("a read timeout");
        let (socket, _) = tungstenite::client(format!("ws://127.0.0.1:{port}{path}"), stream)
            .expect("the DevTools WebSocket");
        let mut browser = Browser {
            child,
            socket,
            session: String::new(),
            next_id: 0,
        };
        let target = browser.call("Target.createTarget", json!({ "url": "about:blank" }));
        let target = target["targetId"].clone();
        let attached = browser.call(
            "Target.attachToTarget",
            json!({ "targetId": target, "flatten": true }),
        );
        browser.session = attached["sessionId"]
            .as_str()
            .expect("a session id")
            .to_owned();
        browser
    }

    /// Sends `method` with `params` to the page (to the browser before a page is
    /// attached) and returns its result; events that arrive meanwhile are passed over.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({ "id": id, "method": method, "params": params });
        if !self.session.is_empty() {
            message["sessionId"] = json!(self.session);
        }
        self.socket
            .send(Message::text(message.to_string()))
            .unwrap_or_else(|e| panic!("{method}: {e}"));
        loop {
            let reply = self
                .socket
                .read()
                .unwrap_or_else(|e| panic!("{method}: no reply ({e})"));
            let Message::Text(text) = reply else {
                continue;
            };
            let reply: Value = serde_json::from_str(&text).expect("DevTools sends JSON");
            if reply["id"] != json!(id) {
                continue;
            }
            if let Some(error) = reply.get("error") {
                panic!("{method}: {error}");
            }
            return reply["result"].clone();
        }
    }

    /// Opens `url` in the page and waits until it has loaded.
    pub fn navigate(&mut self, url: &str) {
        let r = self.call("Page.navigate", json!({ "url": url }));
        assert!(r.get("errorText").is_none(), "{url}: {}", r["errorText"]);
        self.wait_until("document.readyState === 'complete'");
    }

    /// The value of the JavaScript expression `js`, which must be JSON-serialisable.
    pub fn eval(&mut self, js: &str) -> Value {
        let r = self.call(
            "Runtime.evaluate",
            json!({ "expression": format!("JSON.stringify({js})"), "returnByValue": true }),
        );
        if let Some(exception) = r.get("exceptionDetails") {
            panic!("{js}: {exception}");
        }
        let text = r["result"]["value"]
            .as_str()
            .unwrap_or_else(|| panic!("{js} gave no value"));
        serde_json::from_str(text).expect("JSON")
    }

    /// Polls `js` until it is `true`; the time it took. Fails after `limit`.
    pub fn until(&mut self, js: &str, limit: Duration) -> Duration {
        let start = Instant::now();
        loop {
            if self.eval(js) == Value::Bool(true) {
                return start.elapsed();
            }
            assert!(start.elapsed() < limit, "not true after {limit:?}: {js}");
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// [`Self::until`] with the command timeout.
    pub fn wait_until(&mut self, js: &str) {
        self.until(js, TIMEOUT);
    }

    /// A PNG of the page, of the rectangle `clip` (x, y, width, height in CSS pixels of
    /// the document) if given, else of the window.
    pub fn screenshot(&mut self, clip: Option<[f64; 4]>) -> Vec<u8> {
        let mut params = json!({ "format": "png", "fromSurface": true });
        if let Some([x, y, width, height]) = clip {
            params["clip"] =
                json!({ "x": x, "y": y, "width": width, "height": height, "scale": 1 });
        }
        let r = self.call("Page.captureScreenshot", params);
        base64::engine::general_purpose::STANDARD
            .decode(r["data"].as_str().expect("image data"))
            .expect("base64")
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Chromium's program: `CHROMIUM`, else `chromium` on PATH; `None` (the test skipped)
/// where it is not installed, except under CI.
pub fn chromium() -> Option<PathBuf> {
    let name = std::env::var("CHROMIUM").unwrap_or_else(|_| "chromium".into());
    super::tool(&name, "--version")?;
    if Path::new(&name).is_absolute() {
        return Some(name.into());
    }
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join(&name))
        .find(|p| p.is_file())
}
