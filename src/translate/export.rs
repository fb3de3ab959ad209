//! `translate export --to F`: writes `translations/F.xlf` from the English, or brings an
//! existing one up to date: new units added without a target, units whose English changed
//! marked `state="needs-review-translation"` with their old target kept, units whose
//! English is gone dropped. Translations of unchanged units are kept as written.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::units::{self, Unit};
use super::xliff::{self, Record, Written};
use crate::locale::Language;
use crate::model::Report;

/// What an export did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub path: PathBuf,
    /// Units in the file.
    pub units: usize,
    /// Units new in this export.
    pub added: usize,
    /// Translated units whose English changed: now marked for review.
    pub changed: usize,
    /// Units dropped (their English is gone).
    pub removed: usize,
    /// The file's bytes did not change.
    pub unchanged: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot read {path}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    /// The existing file is not XLIFF: it is left as it is rather than overwritten.
    #[error("{path}:{line}:{column}: {message}; the file is left as it is")]
    NotXliff {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("cannot write {path}")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

/// Writes or updates the translation file of `language` in the entries folder `entries`.
pub fn export(
    report: &Report,
    entries: &Path,
    language: Language,
) -> Result<Exported, ExportError> {
    let path = super::path(entries, language);
    let shown = crate::diag::display(&path);
    let old = match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(source) => {
            return Err(ExportError::Read {
                path: shown,
                source,
            });
        }
    };
    let records = match &old {
        Some(text) => {
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            xliff::read(text).map_err(|e| {
                let at = crate::diag::line_col(text, e.span.start);
                ExportError::NotXliff {
                    path: shown.clone(),
                    line: at.line,
                    column: at.column,
                    message: e.message,
                }
            })?
        }
        None => Vec::new(),
    };
    let units = units::units(report);
    let (text, counts) = merge(report.meta.source_language(), language, &units, &records);
    let unchanged = old.as_deref() == Some(text.as_str());
    if !unchanged {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| ExportError::Write {
                path: crate::diag::display(dir),
                source,
            })?;
        }
        crate::output::write_atomic(&path, text.as_bytes()).map_err(|source| {
            ExportError::Write {
                path: shown.clone(),
                source,
            }
        })?;
    }
    Ok(Exported {
        path,
        units: units.len(),
        added: counts.0,
        changed: counts.1,
        removed: counts.2,
        unchanged,
    })
}

/// The new file's text, and how many units were added, marked changed and removed.
pub fn merge(
    source: Language,
    target: Language,
    units: &[Unit],
    records: &[Record],
) -> (String, (usize, usize, usize)) {
    let by_id: HashMap<&str, &Record> = records.iter().map(|r| (r.id.as_str(), r)).collect();
    let (mut added, mut changed) = (0, 0);
    let mut written = Vec::with_capacity(units.len());
    for unit in units {
        let Some(record) = by_id.get(unit.id.as_str()) else {
            added += 1;
            written.push(Written {
                unit,
                target_xml: None,
                state: None,
            });
            continue;
        };
        let same = match &record.hash {
            Some(h) => *h == unit.hash(),
            None => record.source == unit.source,
        };
        let state = if record.target_xml.is_some() && !same {
            changed += 1;
            Some("needs-review-translation")
        } else {
            record.state.as_deref()
        };
        written.push(Written {
            unit,
            target_xml: record.target_xml.as_deref(),
            state,
        });
    }
    let known: std::collections::HashSet<&str> = units.iter().map(|u| u.id.as_str()).collect();
    let removed = records
        .iter()
        .filter(|r| !known.contains(r.id.as_str()))
        .count();
    (
        xliff::write(source, target, &written),
        (added, changed, removed),
    )
}
