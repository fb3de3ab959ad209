//! `init`: a new report folder that checks as a draft at once.
//!
//! It holds `entries/report.toml` with every key shown (the required ones as `TODO`
//! placeholders, which `check` reports as W005 until they are filled in, the optional
//! ones commented out), a first entry from the `new` skeleton, the JSON Schemas in
//! `schemas/` named by each file's `#:schema` line, and a `.gitignore` for the outputs
//! and the folder lock. `cd DIR && council-report build` then writes a draft.

use std::path::{Path, PathBuf};

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
            super::new::skeleton(
                "1",
                super::new::Name {
                    words: Some("Introduction"),
                    heading: true,
                },
                "../../schemas/entry.schema.json",
            ),
        ),
    ]
}

/// What git should not keep: the outputs (`build`'s default `out/`) and the lock file
/// edits take in the entries folder.
const GITIGNORE: &str = "# Written by `council-report build`; build them again from the entries.\n\
out/\n\
# The lock council-report takes while it edits or builds (it is empty).\n\
.council-report.lock\n";

/// report.toml with every required key as a `TODO` placeholder (the words `import` uses
/// for what it could not find) and the optional ones commented out.
fn report_toml() -> String {
    let mut w = crate::import::write::report_writer(&Default::default());
    w.absent(
        "document.creator",
        "# creator = \"ITU General Secretariat\"   # the DOCX's author\n",
    );
    w.absent(
        "layout",
        "# [layout]  # optional: README.md (\"report.toml\") has every key\n\
         # font = \"Calibri\"\n\
         # font_size = 12  # points\n\
         # footer = \"http://www.itu.int/council\"  # the first page's footer link\n\
         # logo = \"logo.png\"  # PNG or JPEG inside this folder\n",
    );
    w.absent(
        "check",
        "# [check]  # optional: a level for any warning, \"allow\", \"warn\" (the default) or \"deny\"\n\
         # W002 = \"deny\"   # straight quotes stop the build (`council-report fmt --fix` fixes them)\n\
         # W001 = \"allow\"  # gaps in the numbering are not reported\n",
    );
    w.header(
        "#:schema ../schemas/report.schema.json\n\
         # The report as a whole: the first-page header block, the Summary box and the\n\
         # reporting period. Every other .toml file in this folder is one numbered paragraph.\n\
         # Values starting with TODO are to be filled in: `council-report check` lists each\n\
         # one (W005), and `build` writes a draft until none is left. Lines starting with `#`\n\
         # show optional keys: remove the `#` to use one.\n",
    );
    w.finish().text
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
