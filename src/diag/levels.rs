//! Lint levels: report.toml's `[check]` table sets a warning to `allow` (not reported),
//! `warn` (the default) or `deny` (an error: the build stops, exit 1), as clippy's
//! `#[allow]`, `#[warn]` and `#[deny]` do. Errors have no level: nothing may let one pass.

use std::collections::BTreeMap;

use super::{Code, Diagnostic, Severity};

/// What a warning's level makes of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Allow,
    Warn,
    Deny,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Allow, Level::Warn, Level::Deny];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
        }
    }
}

/// The level of each warning that report.toml sets; the others warn.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Levels(pub BTreeMap<Code, Level>);

impl Levels {
    /// Drops the allowed warnings and makes the denied ones errors, saying why in their
    /// help. Errors are left as they are.
    pub fn apply(&self, diags: &mut Vec<Diagnostic>) {
        if self.0.is_empty() {
            return;
        }
        diags.retain(|d| d.is_error() || self.0.get(&d.code) != Some(&Level::Allow));
        for d in diags.iter_mut().filter(|d| !d.is_error()) {
            if self.0.get(&d.code) == Some(&Level::Deny) {
                d.severity = Severity::Error;
                let why = format!(
                    "{} is an error here: report.toml's `[check]` denies it",
                    d.code
                );
                d.help = Some(match d.help.take() {
                    Some(help) => format!("{help} ({why})"),
                    None => why,
                });
            }
        }
    }
}

/// The codes a `[check]` table may set: every warning.
pub fn settable() -> impl Iterator<Item = Code> {
    Code::ALL
        .iter()
        .copied()
        .filter(|c| c.severity() == Severity::Warning)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allow_hides_deny_makes_an_error_and_errors_stay() {
        let levels = Levels(BTreeMap::from([
            (Code::StraightQuote, Level::Allow),
            (Code::DoubleSpace, Level::Deny),
            (Code::TrailingSpace, Level::Warn),
        ]));
        let mut diags = vec![
            Diagnostic::new(Code::StraightQuote, "q"),
            Diagnostic::new(Code::DoubleSpace, "d").help("one space"),
            Diagnostic::new(Code::TrailingSpace, "t"),
            Diagnostic::new(Code::DuplicateNumber, "e"),
        ];
        levels.apply(&mut diags);
        let got: Vec<(Code, Severity)> = diags.iter().map(|d| (d.code, d.severity)).collect();
        assert_eq!(
            got,
            [
                (Code::DoubleSpace, Severity::Error),
                (Code::TrailingSpace, Severity::Warning),
                (Code::DuplicateNumber, Severity::Error),
            ]
        );
        assert_eq!(
            diags[0].help.as_deref(),
            Some("one space (W003 is an error here: report.toml's `[check]` denies it)")
        );
    }
}
