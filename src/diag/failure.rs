//! A run that stopped before it could check anything (the entries folder is missing, an
//! argument is wrong) as one record in the machine formats, so that CI shows why: a JSON
//! object with `code: "io"` or `"usage"`, a failing JUnit test case, a GitHub error
//! annotation. The human format has the `error:` line on stderr alone.

use super::{Format, Severity, visible};

/// What kind of failure: `io` (a file or folder that cannot be read or written) or
/// `usage` (a wrong command line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    Io,
    Usage,
}

impl Failure {
    pub fn as_str(self) -> &'static str {
        match self {
            Failure::Io => "io",
            Failure::Usage => "usage",
        }
    }
}

/// The record of `failure` in `format`; empty for the human format.
pub fn render_failure(format: Format, failure: Failure, message: &str) -> String {
    let code = failure.as_str();
    match format {
        Format::Human => String::new(),
        Format::Json => super::json::Record::unplaced(Severity::Error, code, message).line(),
        Format::Github => format!(
            "::error title={code}::{}\n",
            super::github::data(&visible(message, false))
        ),
        Format::Junit => super::junit::render_failure(code, message),
    }
}
