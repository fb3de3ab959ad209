//! `watch --serve`: the HTML preview over HTTP, reloaded in the browser after every
//! rebuild, as `mdbook serve` and `typst watch` do.
//!
//! tiny_http serves three things, never a file ([`route`]): the last good page with a
//! small live script added (`live.js`), a server-sent event stream (`/events`) that
//! sends the status of each rebuild, and that status as JSON (`/status.json`). The
//! script swaps the new page in without a reload, keeping the entry at the top of the
//! window where it was, and puts each diagnostic beside the entry of its file (by the
//! `data-file` the page carries), with a banner while the build has errors: the page
//! then stays the last good one. It binds to loopback unless told otherwise, and on
//! loopback answers only requests that name a loopback host (no DNS rebinding).

mod route;

use std::io::Write;
use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

use route::{Route, is_loopback_host, route};

const LIVE_JS: &str = include_str!("live.js");
const LIVE_CSS: &str = include_str!("live.css");

/// A comment on the event stream this often keeps proxies and browsers from closing it.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// Why the preview could not be served.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(
        "`{0}` is not an address to serve on: give a port (8000), an address (127.0.0.1:8000) or a host (localhost:8000)"
    )]
    Address(String),
    #[error("cannot serve the preview on {addr}: {message}")]
    Bind { addr: SocketAddr, message: String },
}

/// The address `--serve ADDR` names: `8000`, `127.0.0.1:8000`, `[::1]:0`,
/// `localhost:8000`, or a bare host (a free port).
pub fn address(given: &str) -> Result<SocketAddr, ServeError> {
    let given = given.trim();
    if let Ok(port) = given.parse::<u16>() {
        return Ok(SocketAddr::from(([127, 0, 0, 1], port)));
    }
    if let Ok(addr) = given.parse::<SocketAddr>() {
        return Ok(addr);
    }
    if let Ok(ip) = given.trim_matches(['[', ']']).parse::<std::net::IpAddr>() {
        return Ok(SocketAddr::new(ip, 0));
    }
    let with_port = if given.contains(':') {
        given.to_owned()
    } else {
        format!("{given}:0")
    };
    with_port
        .to_socket_addrs()
        .ok()
        .and_then(|mut a| a.next())
        .ok_or_else(|| ServeError::Address(given.to_owned()))
}

/// What the page and the event stream show.
#[derive(Default)]
struct State {
    /// Bumped whenever a new page is published.
    version: u64,
    /// Bumped whenever anything is published.
    seq: u64,
    /// The last good page, with the live script in it.
    page: Option<Arc<str>>,
    /// The last rebuild's status, as a JSON object without its `version`.
    status: String,
    stopping: bool,
}

struct Shared {
    state: Mutex<State>,
    changed: Condvar,
    loopback: bool,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A thread that panicked while holding the lock left a consistent state: every
        // change is one assignment.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The running preview server.
pub struct Preview {
    shared: Arc<Shared>,
    server: Arc<tiny_http::Server>,
    acceptor: Option<JoinHandle<()>>,
    addr: SocketAddr,
}

impl Preview {
    /// Starts serving on `addr` (port 0: a free port).
    pub fn start(addr: SocketAddr) -> Result<Self, ServeError> {
        let server = tiny_http::Server::http(addr).map_err(|e| ServeError::Bind {
            addr,
            message: e.to_string(),
        })?;
        let bound = server
            .server_addr()
            .to_ip()
            .ok_or_else(|| ServeError::Bind {
                addr,
                message: "not an IP address".into(),
            })?;
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                status: r#"{"state":"building","errors":0,"warnings":0,"diagnostics":[]}"#.into(),
                ..State::default()
            }),
            changed: Condvar::new(),
            loopback: bound.ip().is_loopback(),
        });
        let server = Arc::new(server);
        let acceptor = {
            let (server, shared) = (Arc::clone(&server), Arc::clone(&shared));
            std::thread::spawn(move || {
                for request in server.incoming_requests() {
                    answer(request, &shared);
                }
            })
        };
        Ok(Self {
            shared,
            server,
            acceptor: Some(acceptor),
            addr: bound,
        })
    }

    /// The address served (with the port chosen when 0 was asked for).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT/`
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// A new good page; open pages swap it in.
    pub fn publish_page(&self, html: &str) {
        let mut state = self.shared.lock();
        state.version += 1;
        state.seq += 1;
        state.page = Some(live_page(html, state.version).into());
        drop(state);
        self.shared.changed.notify_all();
    }

    /// The status of a rebuild (see [`status_json`]).
    pub fn publish_status(&self, status: String) {
        let mut state = self.shared.lock();
        state.seq += 1;
        state.status = status;
        drop(state);
        self.shared.changed.notify_all();
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        self.shared.lock().stopping = true;
        self.shared.changed.notify_all();
        self.server.unblock();
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
    }
}

/// The status of a rebuild as JSON: `state` (`ok`, `errors`: the page is the last good
/// one, `failed`: the build could not run), the counts, every diagnostic (the objects of
/// `check --format json`), the summary line and a message.
pub fn status_json(
    state: &str,
    checked: Option<&crate::check::Checked>,
    message: Option<&str>,
) -> String {
    let (errors, warnings, diagnostics, summary) = match checked {
        Some(c) => {
            let lines = crate::diag::render(
                crate::diag::Format::Json,
                &c.diagnostics,
                &c.sources,
                &crate::diag::RunSummary::default(),
                false,
            );
            let list: Vec<&str> = lines.lines().collect();
            (
                c.errors(),
                c.warnings(),
                format!("[{}]", list.join(",")),
                crate::diag::summary_line(&c.diagnostics, c.entries),
            )
        }
        None => (0, 0, "[]".into(), String::new()),
    };
    let text = |s: &str| serde_json::Value::String(s.to_owned()).to_string();
    format!(
        r#"{{"state":{},"errors":{errors},"warnings":{warnings},"summary":{},"message":{},"diagnostics":{diagnostics}}}"#,
        text(state),
        text(&summary),
        message.map_or("null".into(), text),
    )
}

/// The page with the live script and its style added before `</body>`.
fn live_page(html: &str, version: u64) -> String {
    let live = format!(
        "<style>\n{LIVE_CSS}</style>\n<script>\nwindow.COUNCIL_PREVIEW = {{ version: {version} }};\n{LIVE_JS}</script>\n"
    );
    match html.rfind("</body>") {
        Some(at) => format!("{}{live}{}", &html[..at], &html[at..]),
        None => format!("{html}{live}"),
    }
}

/// The page shown before any build has succeeded: only the banner and the diagnostics.
fn waiting_page() -> String {
    live_page(
        concat!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
            "<title>council-report preview</title>\n</head>\n<body>\n",
            "<article class=\"paper waiting\"><p>No good build yet: the diagnostics are ",
            "listed above. Fix them and save; this page updates by itself.</p></article>\n",
            "</body>\n</html>\n"
        ),
        0,
    )
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    // Names and values here are ASCII constants; a failure would be a typo caught by tests.
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes())
        .unwrap_or_else(|()| panic!("invalid header {name}"))
}

fn respond(request: tiny_http::Request, code: u16, kind: &str, body: String) {
    let response = tiny_http::Response::from_string(body)
        .with_status_code(code)
        .with_header(header("Content-Type", kind))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"));
    // A browser that went away: nothing to do.
    let _ = request.respond(response);
}

fn answer(request: tiny_http::Request, shared: &Arc<Shared>) {
    use tiny_http::Method;
    const TEXT: &str = "text/plain; charset=utf-8";
    let host = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_owned())
        .unwrap_or_default();
    if shared.loopback && !is_loopback_host(&host) {
        return respond(
            request,
            403,
            TEXT,
            "the preview answers only to localhost\n".into(),
        );
    }
    if !matches!(request.method(), Method::Get | Method::Head) {
        return respond(request, 405, TEXT, "the preview can only be read\n".into());
    }
    match route(request.url()) {
        Route::Refused => respond(
            request,
            400,
            TEXT,
            "refused: the preview serves its page only, no file\n".into(),
        ),
        Route::NotFound => respond(
            request,
            404,
            TEXT,
            "not found: the preview is at /\n".into(),
        ),
        Route::Status => {
            let body = {
                let state = shared.lock();
                with_version(&state.status, state.version)
            };
            respond(request, 200, "application/json", body);
        }
        Route::Page => {
            let page = shared.lock().page.clone();
            let body = page.map_or_else(waiting_page, |p| p.to_string());
            respond(request, 200, "text/html; charset=utf-8", body);
        }
        Route::Events => {
            let shared = Arc::clone(shared);
            std::thread::spawn(move || events(request.into_writer(), &shared));
        }
    }
}

/// `{"version":3,…}` from the status and the page version.
fn with_version(status: &str, version: u64) -> String {
    match status.strip_prefix('{') {
        Some(rest) => format!("{{\"version\":{version},{rest}"),
        None => status.to_owned(),
    }
}

/// One browser's event stream: the status now, then after every change, until the
/// browser goes away or the server stops.
fn events(mut out: Box<dyn Write + Send>, shared: &Shared) {
    let head = concat!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n",
        "Cache-Control: no-store\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n\r\n",
        "retry: 1000\n\n"
    );
    if out
        .write_all(head.as_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        return;
    }
    let mut seen = None;
    loop {
        let message = {
            let mut state = shared.lock();
            while !state.stopping && seen == Some(state.seq) {
                let (next, timeout) = shared
                    .changed
                    .wait_timeout(state, KEEP_ALIVE)
                    .unwrap_or_else(|e| e.into_inner());
                state = next;
                if timeout.timed_out() {
                    break;
                }
            }
            if state.stopping {
                return;
            }
            if seen == Some(state.seq) {
                ": keep-alive\n\n".to_owned()
            } else {
                seen = Some(state.seq);
                format!(
                    "event: status\ndata: {}\n\n",
                    with_version(&state.status, state.version)
                )
            }
        };
        if out
            .write_all(message.as_bytes())
            .and_then(|()| out.flush())
            .is_err()
        {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        let a = |s: &str| address(s).map(|a| a.to_string());
        assert_eq!(a("8000").ok(), Some("127.0.0.1:8000".into()));
        assert_eq!(a("127.0.0.1:0").ok(), Some("127.0.0.1:0".into()));
        assert_eq!(a("0.0.0.0").ok(), Some("0.0.0.0:0".into()));
        assert_eq!(a("[::1]:8080").ok(), Some("[::1]:8080".into()));
        assert!(a("localhost:8000").is_ok_and(|s| s.ends_with(":8000")));
        assert!(a("not an address").is_err());
    }

    #[test]
    fn the_live_script_goes_before_the_end_of_the_body() {
        let page = live_page("<html><body><p>x</p></body></html>", 7);
        assert!(page.starts_with("<html><body><p>x</p><style>"));
        assert!(page.contains("window.COUNCIL_PREVIEW = { version: 7 };"));
        assert!(page.ends_with("</script>\n</body></html>"));
        assert_eq!(with_version("{\"a\":1}", 3), "{\"version\":3,\"a\":1}");
    }
}
