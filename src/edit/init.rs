//! `init`: a new report folder that checks as a draft at once.
//!
//! It holds `entries/report.toml` with every key shown (the required ones as `TODO`
//! placeholders, which `check` reports as W005 until they are filled in, the optional
//! ones commented out), a first entry from the `new` skeleton, the JSON Schemas in
//! `schemas/` named by each file's `#:schema` line, and a `.gitignore` for the outputs
//! and the folder lock. `cd DIR && council-report build` then writes a draft.

use std::path::{Path, PathBuf};

use crate::raw::shape;
use crate::schema::Kind;

/// Why `init` wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    #[error(
        "`{0}` is not empty; `init` starts a report in a new or empty folder (to add an entry to a report, use `council-report new`)"
    )]
    NotEmpty(String),
    #[error("`{0}` is a file, not a folder")]
    NotAFolder(String),
    #[error("cannot write `{path}`")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// The files `init` writes, relative to the new folder, with their texts.
pub fn files() -> Vec<(&'static str, String)> {
    vec![
        (".gitignore", GITIGNORE.to_owned()),
        (
            "schemas/report.schema.json",
            crate::schema::schema_text(Kind::Report),
        ),
        (
            "schemas/entry.schema.json",
            crate::schema::schema_text(Kind::Entry),
        ),
        ("entries/report.toml", report_toml()),
        (
            "entries/1/1-introduction.toml",
            super::new::skeleton("1", Some("Introduction"), "../../schemas/entry.schema.json"),
        ),
    ]
}

/// What git should not keep: the outputs (`build`'s default `out/`) and the lock file
/// edits take in the entries folder.
const GITIGNORE: &str = "# Written by `council-report build`; build them again from the entries.\n\
out/\n\
# The lock council-report takes while it edits or builds (it is empty).\n\
.council-report.lock\n";

/// report.toml with every key: the required ones as placeholders, in the order and with
/// the wording of [`shape::REPORT`] (the words `import` uses for what it could not find).
fn report_toml() -> String {
    let todo = |dotted: &str| -> String {
        let hint = shape::at(shape::REPORT, dotted)
            .and_then(|k| k.hint)
            .map_or("fill in", |h| h.todo);
        crate::import::write::quote(&format!("{}: {hint}", crate::raw::PLACEHOLDER_PREFIX))
    };
    format!(
        r#"#:schema ../schemas/report.schema.json
# The report as a whole: the first-page header block, the Summary box and the reporting
# period. Every other .toml file in this folder is one numbered paragraph (an entry).
# Values starting with TODO are still to be filled in: `council-report check` lists each
# one (W005) and `build` marks the document a draft until none is left. Lines starting
# with `#` are optional keys: remove the `#` to use one. README.md ("report.toml") has
# more on each key.

[meeting]
name = {meeting_name}
place_and_dates = {place}

[document]
number = {number}
language = {language}
date = {date}
language_line = {language_line}
# agenda_item = "PL 2"
# source = "Report by the Secretary-General"
title = {title}
# creator = "ITU General Secretariat"   # the DOCX's author
resolutions = []                 # the resolutions entries may name, such as [101, 102]

[summary]
text = {summary_text}
# action = "The Council is invited to take note of this report."
references = {references}

# [period]                       # event dates must fall inside it
# start = 2017-02-15
# end = 2017-12-31

# [layout]
# font = "Calibri"
# font_size = 12                 # points
# margins = {{ top = 20, right = 20, bottom = 20, left = 20 }}   # millimetres
# tab_stops = [10, 20, 30, 40, 50]   # millimetres from the left margin
# footer = "http://www.itu.int/council"   # the first page's footer link; "" for none
# logo = "logo.png"              # PNG or JPEG inside this folder
# top_level_period = true        # "2.<TAB>Heading"
# references_italic = true
"#,
        meeting_name = todo("meeting.name"),
        place = todo("meeting.place_and_dates"),
        number = todo("document.number"),
        language = todo("document.language"),
        date = todo("document.date"),
        language_line = todo("document.language_line"),
        title = todo("document.title"),
        summary_text = todo("summary.text"),
        references = todo("summary.references"),
    )
}

/// Writes a new report into `dir` (created if needed), refusing a folder that has
/// anything in it. Returns the files written.
pub fn run(dir: &Path) -> Result<Vec<PathBuf>, InitError> {
    let shown = crate::diag::display(dir).to_string();
    match std::fs::read_dir(dir) {
        Ok(mut items) => {
            if items.next().is_some() {
                return Err(InitError::NotEmpty(shown));
            }
        }
        Err(_) if dir.is_file() => return Err(InitError::NotAFolder(shown)),
        Err(_) => {}
    }
    let files = files();
    let paths: Vec<PathBuf> = files
        .iter()
        .map(|(rel, _)| {
            let mut p = dir.to_path_buf();
            p.extend(rel.split('/'));
            p
        })
        .collect();
    for p in &paths {
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).map_err(|source| InitError::Io {
                path: crate::diag::display(parent).to_string(),
                source,
            })?;
        }
    }
    let writes: Vec<(&Path, &[u8])> = paths
        .iter()
        .zip(&files)
        .map(|(p, (_, text))| (p.as_path(), text.as_bytes()))
        .collect();
    crate::output::write_all_atomic(&writes).map_err(|(path, source)| InitError::Io {
        path: crate::diag::display(path).to_string(),
        source,
    })?;
    Ok(paths)
}
