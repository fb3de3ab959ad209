//! [`InFile`]: what every rule about one file needs at hand: which file it is, its text
//! (to point inside a string value), and the findings so far. The loader's key pass and
//! each `check` rule take one instead of a file name, a text and a list passed one by one.
//! It also gathers the section numbers the file's texts mention ([`Mention`]), which only
//! the rules across files can judge.

use std::ops::Range;

use super::{Code, Diagnostic, FileId};
use crate::number::SectionNumber;

/// A section number a text mentions, checked once every entry's number is known: a typed
/// cross-reference (`[§4.5]`, which must point at an entry) or prose (“section 4.5”, which
/// could be a cross-reference when the entry exists).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub number: SectionNumber,
    pub file: FileId,
    /// The mention's bytes in the file.
    pub span: Range<usize>,
    /// A typed reference (`[§4.5]`), else prose.
    pub typed: bool,
    /// As written, decoded (`[§4.5]`, `section 4.5`).
    pub written: String,
}

/// The findings about one file, as its rules run.
#[derive(Debug)]
pub struct InFile<'a> {
    pub file: FileId,
    /// The file's text, as the spans count it.
    pub src: &'a str,
    diagnostics: Vec<Diagnostic>,
    mentions: Vec<Mention>,
}

impl<'a> InFile<'a> {
    pub fn new(file: FileId, src: &'a str) -> Self {
        Self {
            file,
            src,
            diagnostics: Vec::new(),
            mentions: Vec::new(),
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

    /// Notes a section number a text of this file mentions.
    pub fn mention(&mut self, m: Mention) {
        self.mentions.push(m);
    }

    /// The findings and the mentions.
    pub fn into_parts(self) -> (Vec<Diagnostic>, Vec<Mention>) {
        (self.diagnostics, self.mentions)
    }
}
