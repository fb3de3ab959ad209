//! [`InFile`]: what every rule about one file needs at hand: which file it is, its text
//! (to point inside a string value), and the findings so far. The loader's key pass and
//! each `check` rule take one instead of a file name, a text and a list passed one by one.

use std::ops::Range;

use super::{Code, Diagnostic, FileId};

/// The findings about one file, as its rules run.
#[derive(Debug)]
pub struct InFile<'a> {
    pub file: FileId,
    /// The file's text, as the spans count it.
    pub src: &'a str,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> InFile<'a> {
    pub fn new(file: FileId, src: &'a str) -> Self {
        Self {
            file,
            src,
            diagnostics: Vec::new(),
        }
    }

    /// A finding about `span` of this file, to be given [`label`](Diagnostic::label) and
    /// [`help`](Diagnostic::help) and then [`push`](Self::push)ed.
    pub fn at(&self, code: Code, message: impl Into<String>, span: Range<usize>) -> Diagnostic {
        Diagnostic::new(code, message).at(self.file, span)
    }

    /// A finding about the file as a whole.
    pub fn whole(&self, code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(code, message).in_file(self.file)
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    /// How many errors were found so far: a rule family compares the count before and
    /// after to know whether its value is usable.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}
