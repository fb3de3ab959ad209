//! Which request gets what. The preview serves three things and no file: the page, its
//! event stream and its status. A request target that could name anything else (`..`,
//! encoded or not, a backslash, an absolute URL or path, a NUL) is refused outright, so
//! that no later change can turn a path into a file read.

/// What a request asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Route {
    /// `/`: the page.
    Page,
    /// `/events`: server-sent events, one per rebuild.
    Events,
    /// `/status.json`: the last rebuild's result.
    Status,
    /// Any other path: 404.
    NotFound,
    /// A path that tries to leave the preview: 400.
    Refused,
}

/// Routes a request target (`/`, `/events?x=1`, `/../etc/passwd`).
pub(super) fn route(target: &str) -> Route {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    // Origin-form only: `http://host/…` (absolute form) and `//host/…` are refused.
    if !path.starts_with('/') || path.starts_with("//") {
        return Route::Refused;
    }
    let Some(decoded) = percent_decode(path) else {
        return Route::Refused;
    };
    let leaves = decoded.contains(['\\', '\0'])
        || decoded.starts_with("//")
        || decoded
            .split('/')
            .any(|segment| segment == ".." || segment == "." || segment.contains(':'));
    if leaves {
        return Route::Refused;
    }
    match decoded.as_str() {
        "/" | "/index.html" => Route::Page,
        "/events" => Route::Events,
        "/status.json" => Route::Status,
        _ => Route::NotFound,
    }
}

/// `%2e%2e` → `..`; `None` for a malformed escape or bytes that are not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Whether a `Host` header names this machine's loopback (`127.0.0.1:8000`,
/// `localhost:8000`, `[::1]:8000`): a page on another site that rebinds its own name to
/// 127.0.0.1 sends its own name, and is refused.
pub(super) fn is_loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or_default(),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serves_three_paths() {
        assert_eq!(route("/"), Route::Page);
        assert_eq!(route("/?reload=1"), Route::Page);
        assert_eq!(route("/events"), Route::Events);
        assert_eq!(route("/status.json"), Route::Status);
        assert_eq!(route("/Cargo.toml"), Route::NotFound);
        assert_eq!(route("/out/C18-33-E.docx"), Route::NotFound);
    }

    #[test]
    fn refuses_everything_that_leaves() {
        for target in [
            "/../Cargo.toml",
            "/%2e%2e/Cargo.toml",
            "/%2E%2E%2fCargo.toml",
            "/a/%2e%2e/%2e%2e/etc/passwd",
            "/..%5c..%5cwindows",
            "/./",
            "//etc/passwd",
            "/%2f%2fetc/passwd",
            "/etc/passwd%00",
            "/C:/Windows/win.ini",
            "http://127.0.0.1/../Cargo.toml",
            "*",
            "/%zz",
            "/%ff",
        ] {
            assert_eq!(route(target), Route::Refused, "{target}");
        }
    }

    #[test]
    fn loopback_hosts() {
        for host in [
            "127.0.0.1:8000",
            "localhost:1",
            "[::1]:80",
            "127.0.0.2",
            "LOCALHOST",
        ] {
            assert!(is_loopback_host(host), "{host}");
        }
        for host in ["evil.example:8000", "192.168.1.2:8000", "[::2]:80", ""] {
            assert!(!is_loopback_host(host), "{host}");
        }
    }
}
