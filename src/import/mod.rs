//! `import`: an earlier report (its plain-text export or its DOCX) turned into an entries
//! folder, so the next report starts from last year's text.
//!
//! Both readers ([`text`], [`docx`]) reduce their input to the same thing: a list of
//! cleaned paragraphs ([`Para`]), their text as typed runs ([`Rich`]: bold, italic,
//! links), with where they came from and, when the format knows it, their style (heading,
//! list item) and whether they sat in a table. [`structure`] then finds the header block
//! ([`front`], page furniture included), the Summary box and the numbered body
//! ([`numbered`]: the separators real documents use); [`recognise`] guesses
//! the structured facts (Recommendations, events, sectors) only where the wording leaves
//! no doubt; [`write`] turns the result into TOML files that `check` reads back to the
//! same text. Every clean-up is reported as a [`Note`], never done silently.

pub mod docx;
pub mod embedded;
pub mod front;
pub mod numbered;
pub mod recognise;
pub mod rich;
pub mod structure;
pub mod text;
pub mod write;
pub mod xref;

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use crate::dates::Date;
use crate::model::{Sector, Status};
use crate::number::SectionNumber;

/// What can stop an import.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{} {reason}", path.display())]
    Unreadable { path: PathBuf, reason: String },
    #[error("{} is a symbolic link: import writes only inside the folder, never through a link (remove the link, or import into a new folder)", path.display())]
    Link { path: PathBuf },
    #[error("{}: not a readable DOCX file: {reason}", path.display())]
    Docx { path: PathBuf, reason: String },
    #[error(
        "{}: not UTF-8, UTF-16 or Windows-1252 text (save the export as UTF-8 plain text, or import the .docx)",
        path.display()
    )]
    Encoding { path: PathBuf },
    #[error("{}: no numbered paragraph (such as `2.1<TAB>…`) found: is this a Council report?", path.display())]
    NoEntries { path: PathBuf },
    #[error("{} is not empty: import into a new folder, or pass --force to write into it", path.display())]
    NotEmpty { path: PathBuf },
    #[error("{} is the input file: import into another folder", path.display())]
    WouldOverwriteInput { path: PathBuf },
    #[error("cannot write {}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A bug guard: a written file must parse back to the values meant.
    #[error("{}: the TOML written does not read back as written ({message}); please report this", path.display())]
    Verify { path: PathBuf, message: String },
}

pub use rich::{Rich, Run};

/// Where a paragraph came from: a line of a text export or a paragraph of a DOCX.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Loc {
    Line(usize),
    Paragraph(usize),
    /// The report's data part of a DOCX `build` wrote ([`embedded`]).
    Data,
}

/// A clean-up or a guess the user should know about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub loc: Loc,
    pub message: String,
}

impl Note {
    /// `FILE:LINE: message` for a text export, `FILE: paragraph N: message` for a DOCX.
    pub fn display<'a>(&'a self, file: &'a str) -> impl fmt::Display + 'a {
        struct D<'a>(&'a Note, &'a str);
        impl fmt::Display for D<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self.0.loc {
                    Loc::Line(n) => write!(f, "{}:{n}: {}", self.1, self.0.message),
                    Loc::Paragraph(n) => {
                        write!(f, "{}: paragraph {n}: {}", self.1, self.0.message)
                    }
                    Loc::Data => write!(f, "{}: {}", self.1, self.0.message),
                }
            }
        }
        D(self, file)
    }
}

/// How a paragraph was styled, when the format says so (a text export does not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Normal,
    /// Heading 1, Heading 2 …
    Heading(u8),
    /// A bullet item; 0 is the outer level (enumlev1).
    Item(u8),
}

/// One cleaned paragraph of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    pub text: Rich,
    pub loc: Loc,
    pub style: Style,
    /// `Some(true)` inside a table (header block, Summary box), `Some(false)` outside;
    /// `None` when the format cannot tell (a text export).
    pub in_table: Option<bool>,
}

/// A paragraph of an entry's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Para(Rich),
    /// A bullet item and its level (0 or 1).
    Item(u8, Rich),
}

impl Block {
    /// Its text, whatever its kind.
    pub fn text(&self) -> &Rich {
        let (Block::Para(t) | Block::Item(_, t)) = self;
        t
    }
}

/// One entry found in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedEntry {
    pub number: SectionNumber,
    /// The paragraph that opened it (its number), where a bookmark marks the entry.
    pub loc: Loc,
    pub title: Option<String>,
    pub blocks: Vec<Block>,
    pub sector: Option<Sector>,
    pub recommendations: Vec<FoundRecommendation>,
    pub event: Option<FoundEvent>,
    /// Values guessed rather than read (its `title` …).
    pub guesses: Vec<Guess>,
}

/// A value the import guessed where the document left doubt: printed as a note, and
/// written as a `# import: …` comment above the value, which `check` warns about (W014)
/// until a person has looked and deleted it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guess {
    /// The dotted key of the value (`document.title`, `summary.text`, `title`).
    pub key: String,
    pub loc: Loc,
    /// What was guessed from what: `title guessed from the line after the source line`.
    pub message: String,
}

pub use crate::raw::GUESS_COMMENT;

/// A Recommendation cited as `ITU-T Y.3071 “title”` whose status the sentence states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundRecommendation {
    pub id: String,
    pub title: String,
    pub status: Status,
}

/// An event whose name, place and dates the wording gives without doubt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundEvent {
    pub name: String,
    pub place: String,
    pub start: Date,
    pub end: Option<Date>,
}

/// What report.toml will say; `None` is left for the user to fill in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportedMeta {
    pub meeting: Option<String>,
    pub place_and_dates: Option<String>,
    pub number: Option<String>,
    pub language: Option<String>,
    pub date: Option<Date>,
    pub language_line: Option<String>,
    pub agenda_item: Option<String>,
    pub source: Option<String>,
    pub title: Option<String>,
    pub summary: Vec<Block>,
    pub action: Vec<Block>,
    pub references: Vec<Block>,
    pub footer: Option<String>,
    /// `layout.top_level_period`, when the source's level-1 numbers say it.
    pub top_level_period: Option<bool>,
    pub guesses: Vec<Guess>,
}

/// A whole imported report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Imported {
    pub meta: ImportedMeta,
    pub entries: Vec<ImportedEntry>,
    pub notes: Vec<Note>,
    /// The data `build` embedded in its DOCX, merged with the visible text: what is
    /// written when present.
    pub embedded: Option<embedded::Embedded>,
}

/// What an import wrote.
#[derive(Debug)]
pub struct Summary {
    pub entries: usize,
    pub files: Vec<PathBuf>,
    pub notes: Vec<Note>,
    /// report.toml keys left for the user (`meeting.name`, `document.date` …).
    pub to_fill: Vec<String>,
    pub recommendations: usize,
    pub events: usize,
}

/// Reads `input` (a text export or a `.docx`) and recognises the report in it.
pub fn read(input: &Path) -> Result<Imported, ImportError> {
    // A regular file only (a named pipe would block), and at most MAX_INPUT_BYTES.
    let bytes = crate::input::read_capped(input, MAX_INPUT_BYTES).map_err(|e| match e {
        crate::input::ReadError::Io(source) => ImportError::Read {
            path: input.to_owned(),
            source,
        },
        other => ImportError::Unreadable {
            path: input.to_owned(),
            reason: other.to_string(),
        },
    })?;
    let mut notes = Vec::new();
    let is_docx = docx::looks_like_docx(input, &bytes);
    let mut bookmarks = std::collections::HashMap::new();
    let paras = if is_docx {
        let body = docx::paragraphs(&bytes, &mut notes).map_err(|reason| ImportError::Docx {
            path: input.to_owned(),
            reason,
        })?;
        bookmarks = body.bookmarks;
        body.paras
    } else {
        let text = match text::decode(&bytes) {
            Some(t) => t,
            None => {
                let t = text::decode_windows_1252(&bytes).ok_or_else(|| ImportError::Encoding {
                    path: input.to_owned(),
                })?;
                notes.push(Note {
                    loc: Loc::Line(1),
                    message: "not UTF-8: read as Windows-1252, the encoding of Word's default text export".into(),
                });
                t
            }
        };
        text::paragraphs(&text, &mut notes)
    };
    let mut imported = structure::parse(paras, &mut notes);
    if imported.entries.is_empty() {
        return Err(ImportError::NoEntries {
            path: input.to_owned(),
        });
    }
    xref::resolve(&mut imported, &bookmarks, &mut notes);
    for e in &mut imported.entries {
        recognise::facts(e);
    }
    if is_docx {
        let data = docx::data_part(&bytes).map_err(|reason| ImportError::Docx {
            path: input.to_owned(),
            reason,
        })?;
        if let Some(data) = data {
            let merged = embedded::merge(data, &imported, &mut notes);
            // The data part has the title as written (in normal case): the advice to
            // rewrite the printed capitals does not apply, unless an editor changed the
            // title in Word and the document's capitals were taken.
            let title = merged.report.iter().find(|(k, _)| k == "document.title");
            let from_data = !matches!(title, Some((_, embedded::Val::Str(t))) if Some(t) == imported.meta.title.as_ref());
            if from_data {
                notes.retain(|n| n.message != front::CAPITALS_NOTE);
            }
            imported.embedded = Some(merged);
        }
    }
    guess_notes(&imported, &mut notes);
    notes.sort_by_key(|n| match n.loc {
        Loc::Line(l) | Loc::Paragraph(l) => l,
        Loc::Data => 0,
    });
    imported.notes = notes;
    Ok(imported)
}

/// A note for each guess that goes into the written files: those of the text, or with a
/// DOCX's data part only those of the entries the data lacked (the rest comes from the
/// data, as written).
fn guess_notes(imported: &Imported, notes: &mut Vec<Note>) {
    let (meta, entries): (&[Guess], Vec<&ImportedEntry>) = match &imported.embedded {
        Some(data) => (
            &[],
            data.entries
                .iter()
                .filter_map(|e| e.from_text.as_ref())
                .collect(),
        ),
        None => (&imported.meta.guesses, imported.entries.iter().collect()),
    };
    let guesses =
        meta.iter()
            .map(|g| ("report.toml".to_owned(), g))
            .chain(entries.into_iter().flat_map(|e| {
                e.guesses
                    .iter()
                    .map(move |g| (format!("entry {}", e.number), g))
            }));
    for (place, g) in guesses {
        notes.push(Note {
            loc: g.loc,
            message: format!(
                "{place}, `{}`: {} (marked `{GUESS_COMMENT}` in the file: check it, then delete the comment)",
                g.key, g.message
            ),
        });
    }
}

/// `import FILE --into DIR`: reads, recognises and writes the entries folder.
pub fn run(input: &Path, into: &Path, force: bool) -> Result<Summary, ImportError> {
    if !force && folder_has_files(into)? {
        return Err(ImportError::NotEmpty {
            path: into.to_owned(),
        });
    }
    let imported = read(input)?;
    let files = write::files(&imported);
    // Never write over the input, whatever it is called.
    let input_canon = fs::canonicalize(input).ok();
    for f in &files {
        let target = into.join(&f.path);
        if input_canon.is_some() && fs::canonicalize(&target).ok() == input_canon {
            return Err(ImportError::WouldOverwriteInput { path: target });
        }
    }
    // `--force` writes into a folder that holds files already: never through a symbolic
    // link there (a link named `2` or `report.toml` would send the files elsewhere).
    for f in &files {
        refuse_links(into, &f.path)?;
    }
    for f in &files {
        write::verify(f).map_err(|message| ImportError::Verify {
            path: into.join(&f.path),
            message,
        })?;
    }
    let mut written = Vec::new();
    for f in &files {
        let target = into.join(&f.path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|source| ImportError::Write {
                path: parent.to_owned(),
                source,
            })?;
        }
        crate::output::write_atomic(&target, f.contents.as_bytes()).map_err(|source| {
            ImportError::Write {
                path: target.clone(),
                source,
            }
        })?;
        written.push(target);
    }
    let counts = write::counts(&imported);
    Ok(Summary {
        entries: counts.entries,
        files: written,
        to_fill: counts.to_fill,
        recommendations: counts.recommendations,
        events: counts.events,
        notes: imported.notes,
    })
}

/// The largest file `import` reads: a report's DOCX is a few MB, its text export less.
const MAX_INPUT_BYTES: u64 = 512 * 1024 * 1024;

/// Refuses a symbolic link at any step from `into` down to `into/rel` (the folder `into`
/// itself is the user's choice and may be a link).
fn refuse_links(into: &Path, rel: &Path) -> Result<(), ImportError> {
    let mut path = into.to_path_buf();
    for part in rel.components() {
        path.push(part);
        match fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => return Err(ImportError::Link { path }),
            Ok(_) => {}
            // Not there yet: nothing below it is either.
            Err(_) => return Ok(()),
        }
    }
    Ok(())
}

/// Whether `dir` exists and holds anything (a missing folder is fine: it is created).
fn folder_has_files(dir: &Path) -> Result<bool, ImportError> {
    match fs::read_dir(dir) {
        Ok(mut entries) => Ok(entries.next().is_some()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(source) => Err(ImportError::Read {
            path: dir.to_owned(),
            source,
        }),
    }
}
