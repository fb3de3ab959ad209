//! Where the templates come from: the defaults built into the binary, or a user's folder.
//!
//! A folder may hold `report.txt.j2`, `digest.txt.j2`, or both, and any other file those
//! include; a main template the folder lacks falls back to the built-in one. Names are
//! resolved inside the folder only: no absolute paths, no `..` or hidden segments, and no
//! symbolic link that leads out of it, so a template cannot read other files.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use minijinja::syntax::SyntaxConfig;
use minijinja::{AutoEscape, Environment, Error, ErrorKind, UndefinedBehavior};

use super::TemplateError;
use super::filters;

/// The name of the text report's template.
pub const REPORT: &str = "report.txt.j2";
/// The name of the digest's template.
pub const DIGEST: &str = "digest.txt.j2";

const REPORT_SOURCE: &str = include_str!("../../../templates/report.txt.j2");
const DIGEST_SOURCE: &str = include_str!("../../../templates/digest.txt.j2");

/// The templates of the text outputs, compiled on first use.
pub struct Templates {
    env: Environment<'static>,
    /// The user's folder, if any.
    dir: Option<PathBuf>,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

impl Templates {
    /// The built-in defaults (`templates/report.txt.j2`, `templates/digest.txt.j2` of this
    /// repository, embedded at build time).
    pub fn embedded() -> Self {
        Self::with_dir(None)
    }

    /// The templates of folder `dir`, the built-in ones for what it lacks; `None` gives
    /// [`Templates::embedded`]. The folder's main templates are compiled now, so a syntax
    /// error is reported before anything is rendered.
    pub fn load(dir: Option<&Path>) -> Result<Self, TemplateError> {
        let Some(dir) = dir else {
            return Ok(Self::embedded());
        };
        let meta = fs::metadata(dir).map_err(|source| TemplateError::Folder {
            path: dir.to_path_buf(),
            source,
        })?;
        if !meta.is_dir() {
            return Err(TemplateError::NotAFolder {
                path: dir.to_path_buf(),
            });
        }
        let templates = Self::with_dir(Some(dir.to_path_buf()));
        for name in [REPORT, DIGEST] {
            templates
                .env
                .get_template(name)
                .map_err(|e| templates.error(name, &e))?;
        }
        Ok(templates)
    }

    /// The templates for the report in `entries`: those of `explicit` (`--templates DIR`)
    /// when given, else of a `templates` folder beside the entries folder if there is
    /// one, else the built-in ones.
    pub fn discover(entries: &Path, explicit: Option<&Path>) -> Result<Self, TemplateError> {
        if explicit.is_some() {
            return Self::load(explicit);
        }
        let beside = beside_entries(entries);
        if beside.is_dir() {
            Self::load(Some(&beside))
        } else {
            Ok(Self::embedded())
        }
    }

    /// Sets how much work one render may do, for a report of `entries` entries read from
    /// `input_bytes` bytes of files. minijinja counts every instruction and every 64
    /// bytes a template creates; a render that runs out stops with an error naming the
    /// template, so a template with an endless loop (`{% for a in range(100000) %}{% for b
    /// in range(100000) %}`) fails in seconds instead of hanging `build` and `watch`.
    /// The built-in templates need 4,051 for the 54 sample entries (46 KB): the budget
    /// leaves a margin of more than a hundredfold.
    pub fn set_budget(&mut self, entries: usize, input_bytes: usize) {
        let entries = u64::try_from(entries).unwrap_or(u64::MAX);
        let bytes = u64::try_from(input_bytes).unwrap_or(u64::MAX);
        self.env.set_fuel(Some(
            FUEL_BASE
                .saturating_add(entries.saturating_mul(FUEL_PER_ENTRY))
                .saturating_add(bytes.saturating_mul(2)),
        ));
    }

    /// The folder templates are read from, if not only the built-in ones.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    pub(crate) fn env(&self) -> &Environment<'static> {
        &self.env
    }

    fn with_dir(dir: Option<PathBuf>) -> Self {
        let mut env = Environment::new();
        // Block tags on lines of their own leave no trace in the output; the last newline
        // of a template is kept (the renderer then ends the output with exactly one).
        if let Ok(syntax) = SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
        {
            env.set_syntax(syntax);
        }
        env.set_fuel(Some(FUEL_BASE));
        // A misspelt field must fail the build, not print nothing.
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        // Plain text: nothing to escape, whatever the file name.
        env.set_auto_escape_callback(|_| AutoEscape::None);
        // Debug info names the undefined expression (`meta.titel`) in release builds too.
        env.set_debug(true);
        filters::register(&mut env);
        let folder = dir.clone();
        env.set_loader(move |name| {
            if let Some(dir) = &folder
                && let Some(source) = read_inside(dir, name)?
            {
                return Ok(Some(source));
            }
            // A checkout with CRLF line ends must not change the output either.
            Ok(builtin(name).map(|text| text.replace("\r\n", "\n")))
        });
        Self { env, dir }
    }

    /// Turns a minijinja error met while loading or rendering `name` into a
    /// [`TemplateError`] naming the file the user can open.
    pub(crate) fn error(&self, name: &str, err: &Error) -> TemplateError {
        // An error inside an included (imported, extended) template comes wrapped in one
        // about the `include`: point at the innermost place that knows its file and line.
        let mut err = err;
        while let Some(inner) = std::error::Error::source(err)
            .and_then(|e| e.downcast_ref::<Error>())
            .filter(|e| e.name().is_some() && e.line().is_some())
        {
            err = inner;
        }
        let template = err.name().unwrap_or(name);
        let mut message = match err.detail() {
            _ if err.kind() == ErrorKind::OutOfFuel => "stopped: the template did far more \
                work than a report of this size needs (an endless loop?)"
                .to_owned(),
            // minijinja says "undefined value: `meta.titel` is undefined".
            Some(detail) if err.kind() == ErrorKind::UndefinedError => {
                match detail.strip_suffix(" is undefined") {
                    Some(expr) => format!("undefined value {expr}"),
                    None => format!("undefined value: {detail}"),
                }
            }
            Some(detail) => format!("{}: {detail}", err.kind()),
            None => err.kind().to_string(),
        };
        let mut source = std::error::Error::source(err);
        while let Some(cause) = source {
            message.push_str(&format!(": {cause}"));
            source = cause.source();
        }
        TemplateError::Template {
            template: self.display_name(template),
            line: err.line(),
            message,
            range: err.range(),
        }
    }

    /// The path a user would open for template `name`.
    fn display_name(&self, name: &str) -> String {
        if let Some(dir) = &self.dir
            && let Some(path) = safe_join(dir, name)
            && path.is_file()
        {
            return path.display().to_string();
        }
        if builtin(name).is_some() {
            format!("templates/{name}")
        } else {
            name.to_owned()
        }
    }
}

fn builtin(name: &str) -> Option<&'static str> {
    match name {
        REPORT => Some(REPORT_SOURCE),
        DIGEST => Some(DIGEST_SOURCE),
        _ => None,
    }
}

/// `templates` beside the entries folder (`entries` → `templates`, `a/entries` →
/// `a/templates`).
fn beside_entries(entries: &Path) -> PathBuf {
    // `.` or `..` has no name to be beside of: look from its real path.
    let entries = if entries.file_name().is_some() {
        entries.to_path_buf()
    } else {
        fs::canonicalize(entries).unwrap_or_else(|_| entries.to_path_buf())
    };
    match entries.parent() {
        Some(parent) => parent.join("templates"),
        None => PathBuf::from("templates"),
    }
}

/// `dir/name` if `name` is a relative path of normal, non-hidden segments.
fn safe_join(dir: &Path, name: &str) -> Option<PathBuf> {
    let rel = Path::new(name);
    let ok = !name.is_empty()
        && !name.contains('\\')
        && rel.components().all(|c| match c {
            Component::Normal(s) => !s.to_string_lossy().starts_with('.'),
            _ => false,
        });
    ok.then(|| dir.join(rel))
}

/// The text of template `name` in `dir`, `None` if there is no such file; an error if the
/// name or a symbolic link points outside `dir`.
fn read_inside(dir: &Path, name: &str) -> Result<Option<String>, Error> {
    let outside = || {
        Error::new(
            ErrorKind::InvalidOperation,
            format!(
                "`{name}` is not a file inside the templates folder {}",
                dir.display()
            ),
        )
    };
    let path = safe_join(dir, name).ok_or_else(outside)?;
    let real = match fs::canonicalize(&path) {
        Ok(real) => real,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(read_error(&path, e)),
    };
    let real_dir = fs::canonicalize(dir).map_err(|e| read_error(dir, e))?;
    if !real.starts_with(&real_dir) {
        return Err(outside());
    }
    // Regular files only (a named pipe would block the build forever), and small ones.
    let bytes = crate::input::read_capped(&real, MAX_TEMPLATE_BYTES).map_err(|e| {
        Error::new(
            ErrorKind::InvalidOperation,
            e.about(&path.display().to_string()),
        )
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::new(
            ErrorKind::InvalidOperation,
            format!("{} is not UTF-8 text", path.display()),
        )
    })?;
    // A template saved on Windows must not put CRs into the output.
    Ok(Some(text.replace("\r\n", "\n")))
}

/// The work any render may do, whatever the report: about a second of template
/// instructions in a release build. See [`Templates::set_budget`].
const FUEL_BASE: u64 = 10_000_000;
/// The work each entry adds.
const FUEL_PER_ENTRY: u64 = 6_000;

/// Far above any real template (the built-in ones are 2 KB).
const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

fn read_error(path: &Path, e: io::Error) -> Error {
    Error::new(
        ErrorKind::InvalidOperation,
        format!(
            "cannot read {}: {}",
            path.display(),
            crate::output::in_words(&e)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_only_inside() {
        let d = Path::new("t");
        assert_eq!(safe_join(d, "a.j2"), Some(PathBuf::from("t/a.j2")));
        assert_eq!(
            safe_join(d, "parts/a.j2"),
            Some(PathBuf::from("t/parts/a.j2"))
        );
        for bad in [
            "../a.j2",
            "/etc/passwd",
            "a/../../b",
            ".hidden",
            "./a",
            "a\\..\\b",
            "",
        ] {
            assert_eq!(safe_join(d, bad), None, "{bad}");
        }
    }

    #[test]
    fn beside_the_entries_folder() {
        assert_eq!(
            beside_entries(Path::new("entries")),
            PathBuf::from("templates")
        );
        assert_eq!(
            beside_entries(Path::new("a/b/entries")),
            PathBuf::from("a/b/templates")
        );
        assert_eq!(
            beside_entries(Path::new("/x/entries/")),
            PathBuf::from("/x/templates")
        );
    }
}
