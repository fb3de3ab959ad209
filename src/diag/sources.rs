//! The texts of the files a run read, so that diagnostics can quote them and turn byte
//! spans into lines and columns.

use std::collections::BTreeMap;

/// File texts by display path. Diagnostics name files by the same path. The texts are
/// the strings the files were read into, moved here rather than copied.
#[derive(Debug, Default, Clone)]
pub struct Sources {
    files: BTreeMap<String, String>,
}

/// A 1-based line and column (columns count characters, as editors do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl Sources {
    pub fn insert(&mut self, path: impl Into<String>, text: impl Into<String>) {
        self.files.insert(path.into(), text.into());
    }

    /// The size of every text together, in bytes.
    pub fn total_bytes(&self) -> usize {
        self.files.values().map(String::len).sum()
    }

    /// Forgets a file (`watch`, when it is deleted or can no longer be read).
    pub fn remove(&mut self, path: &str) {
        self.files.remove(path);
    }

    pub fn get(&self, path: &str) -> Option<&str> {
        self.files.get(path).map(String::as_str)
    }

    /// Line and column of byte `offset` in `path`; `None` if the file is unknown.
    pub fn line_col(&self, path: &str, offset: usize) -> Option<LineCol> {
        let text = self.get(path)?;
        Some(line_col(text, offset))
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
}
