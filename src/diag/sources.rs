//! The files a run read: each has a [`FileId`], the path it is shown under
//! ([`DisplayPath`]) and, once read, its text, so that diagnostics can quote it and turn
//! byte spans into lines and columns.
//!
//! Everything after the folder walk names files by their `FileId` (a copy of a number,
//! not of a string); only what a person reads turns it back into a path.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

/// A file of the run: an index into its [`Sources`]. Ids are handed out as the walk finds
/// files; they say nothing about order (diagnostics sort by [`DisplayPath`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(u32);

/// A path as people see it in messages and outputs: relative to the working directory as
/// given, forward slashes, no leading `./` (`entries/2/2.9.toml`). Shared, so that the
/// checked entries and every diagnostic can hold it without copying the text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DisplayPath(Arc<str>);

impl DisplayPath {
    /// How `path` is shown.
    pub fn of(path: &Path) -> Self {
        Self::from(display(path))
    }

    /// `entries/2/2.9.toml` for `2/2.9.toml` in the folder shown as `self`.
    pub fn join(&self, rel: &str) -> Self {
        Self::from(format!("{self}/{rel}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<String> for DisplayPath {
    fn from(s: String) -> Self {
        Self(s.into())
    }
}

impl From<&str> for DisplayPath {
    fn from(s: &str) -> Self {
        Self(s.into())
    }
}

impl std::ops::Deref for DisplayPath {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for DisplayPath {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DisplayPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl serde::Serialize for DisplayPath {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// A path as messages show it: forward slashes, no leading `./`, no trailing `/`.
pub fn display(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    let s = s.strip_prefix("./").unwrap_or(&s).trim_end_matches('/');
    if s.is_empty() {
        ".".into()
    } else {
        s.to_owned()
    }
}

/// Every file of a run, by id: its path and, when it could be read, its text (the string
/// it was read into, moved here rather than copied).
#[derive(Debug, Default, Clone)]
pub struct Sources {
    files: Vec<Source>,
    ids: HashMap<DisplayPath, FileId>,
}

#[derive(Debug, Clone)]
struct Source {
    path: DisplayPath,
    text: Option<String>,
}

/// A 1-based line and column (columns count characters, as editors do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl Sources {
    /// The id of the file shown as `path`, a new one the first time it is seen.
    pub fn add(&mut self, path: impl Into<DisplayPath>) -> FileId {
        let path = path.into();
        if let Some(&id) = self.ids.get(&path) {
            return id;
        }
        // More than four thousand million files cannot be listed in memory anyway.
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        self.files.push(Source {
            path: path.clone(),
            text: None,
        });
        self.ids.insert(path, id);
        id
    }

    /// The id of the file shown as `path`, if the run has seen it.
    pub fn id(&self, path: &str) -> Option<FileId> {
        self.ids.get(path).copied()
    }

    /// The path of `id`. An id always comes from this collection, so it is there; the
    /// empty path stands in for a foreign one rather than a panic.
    pub fn path(&self, id: FileId) -> &DisplayPath {
        static NONE: std::sync::OnceLock<DisplayPath> = std::sync::OnceLock::new();
        match self.files.get(id.0 as usize) {
            Some(s) => &s.path,
            None => NONE.get_or_init(|| DisplayPath::from("")),
        }
    }

    /// The text of `id`, if it was read.
    pub fn text(&self, id: FileId) -> Option<&str> {
        self.files.get(id.0 as usize)?.text.as_deref()
    }

    /// Keeps `text` as the text of `id`.
    pub fn set_text(&mut self, id: FileId, text: String) {
        if let Some(s) = self.files.get_mut(id.0 as usize) {
            s.text = Some(text);
        }
    }

    /// Forgets the text of `id` (`watch`, when the file is deleted or can no longer be
    /// read); its id stays its own.
    pub fn forget(&mut self, id: FileId) {
        if let Some(s) = self.files.get_mut(id.0 as usize) {
            s.text = None;
        }
    }

    /// The size of every text together, in bytes.
    pub fn total_bytes(&self) -> usize {
        self.files
            .iter()
            .filter_map(|s| s.text.as_ref())
            .map(String::len)
            .sum()
    }

    /// Line and column of byte `offset` in `id`; `None` if its text is unknown.
    pub fn line_col(&self, id: FileId, offset: usize) -> Option<LineCol> {
        Some(line_col(self.text(id)?, offset))
    }
}

/// Line and column of byte `offset` in `text`, clamped to the text and to a char boundary.
pub fn line_col(text: &str, offset: usize) -> LineCol {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    LineCol { line, column }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_chars_not_bytes() {
        let t = "a = 1\nb = “x”\n";
        assert_eq!(line_col(t, 0), LineCol { line: 1, column: 1 });
        assert_eq!(line_col(t, 6), LineCol { line: 2, column: 1 });
        // after the 3-byte opening quote
        assert_eq!(line_col(t, 13), LineCol { line: 2, column: 6 });
        // inside a multi-byte char: clamped back to its start
        assert_eq!(line_col(t, 11), LineCol { line: 2, column: 5 });
        assert_eq!(line_col(t, 999), LineCol { line: 3, column: 1 });
    }

    #[test]
    fn one_id_per_path_and_texts_by_id() {
        let mut s = Sources::default();
        let a = s.add("entries/a.toml");
        let b = s.add(DisplayPath::of(Path::new("./entries/b.toml")));
        assert_ne!(a, b);
        assert_eq!(s.add("entries/a.toml"), a);
        assert_eq!(s.path(b).as_str(), "entries/b.toml");
        assert_eq!(s.id("entries/b.toml"), Some(b));
        assert_eq!(s.text(a), None);
        s.set_text(a, "x = 1\ny".into());
        assert_eq!(s.line_col(a, 6), Some(LineCol { line: 2, column: 1 }));
        s.forget(a);
        assert_eq!(s.text(a), None);
        assert_eq!(s.add("entries/a.toml"), a);
    }

    #[test]
    fn paths_as_shown() {
        assert_eq!(display(Path::new("./entries/")), "entries");
        assert_eq!(display(Path::new("a\\b")), "a/b");
        assert_eq!(display(Path::new("./")), ".");
    }
}
