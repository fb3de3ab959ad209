//! Walking the folder and reading files, with every failure turned into a diagnostic.

use std::cell::RefCell;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::diag::{Code, Diagnostic, DisplayPath, FileId, Sources};
use crate::input::ReadError;

/// The largest entry file read: far above any real entry (a 1 MB paragraph fits), low
/// enough that a hostile file cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// How deep folders may nest; deeper is surely a mistake or a symlink trick.
const MAX_DEPTH: usize = 16;

/// A `*.toml` file the walk found: where it is, its id and how it is shown.
#[derive(Debug, Clone)]
pub(crate) struct FoundFile {
    pub path: PathBuf,
    pub id: FileId,
    pub display: DisplayPath,
}

pub(super) struct Listing {
    pub files: Vec<FoundFile>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Lists every `*.toml` file under `root`, sorted by path so the order never depends on the
/// file system. Hidden files and folders (`.git`, `.taplo.toml`) are skipped. Folders seen
/// twice (symlink loops) are visited once. Every file named gets its id in `sources`.
pub(super) fn walk(
    root: &Path,
    display_root: &DisplayPath,
    sources: &mut Sources,
) -> std::io::Result<Listing> {
    let mut files = Vec::new();
    let diagnostics = walk_into(root, display_root, sources, &mut |f| files.push(f))?;
    Ok(Listing { files, diagnostics })
}

/// [`walk`], handing each file to `sink` as soon as it is found (so that reading and
/// parsing can start while the walk goes on); returns the walk's diagnostics.
pub(super) fn walk_into(
    root: &Path,
    display_root: &DisplayPath,
    sources: &mut Sources,
    sink: &mut dyn FnMut(FoundFile),
) -> std::io::Result<Vec<Diagnostic>> {
    let mut seen = HashSet::new();
    let canonical_root = fs::canonicalize(root).ok();
    if let Some(c) = &canonical_root {
        seen.insert(c.clone());
    }
    // Only the top folder must be readable; problems below are diagnostics.
    let top = sorted_children(root)?;
    let mut walk = Walk {
        root: canonical_root.clone(),
        seen,
        sources,
        sink,
        diagnostics: Vec::new(),
    };
    walk.visit(top, display_root, canonical_root.as_deref(), 0);
    Ok(walk.diagnostics)
}

/// A folder's children, sorted by name, with the kind the folder listing gives for free
/// (`None` when it does not: then the walk asks the file system, one call per child).
fn sorted_children(dir: &Path) -> std::io::Result<Vec<Child>> {
    let mut v = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let kind = entry.file_type().ok();
        v.push(Child {
            name,
            path: entry.path(),
            kind,
        });
    }
    v.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.path.cmp(&b.path)));
    Ok(v)
}

/// One child of a folder being walked.
struct Child {
    name: String,
    path: PathBuf,
    kind: Option<fs::FileType>,
}

/// The state of a walk: the entries folder's real path, the folders already seen.
struct Walk<'a> {
    /// `None` when the folder's real path cannot be found (then no link is followed out).
    root: Option<PathBuf>,
    seen: HashSet<PathBuf>,
    sources: &'a mut Sources,
    sink: &'a mut dyn FnMut(FoundFile),
    diagnostics: Vec<Diagnostic>,
}

impl Walk<'_> {
    /// Visits a folder's children; `real_dir` is the folder's real path when known.
    fn visit(
        &mut self,
        children: Vec<Child>,
        display_dir: &str,
        real_dir: Option<&Path>,
        depth: usize,
    ) {
        for Child { name, path, kind } in children {
            if name.starts_with('.') {
                continue;
            }
            let display = DisplayPath::from(format!("{display_dir}/{name}"));
            let is_toml = is_toml_name(&name);
            // The listing's own file type saves the `stat` and `realpath` calls for plain
            // files and folders: with thousands of entries those calls were a tenth of
            // `check`. Only links (and file systems that give no type) take the long way.
            match kind {
                Some(k) if k.is_file() => {
                    if is_toml {
                        self.found(path, display);
                    }
                    continue;
                }
                Some(k) if k.is_dir() => {
                    let real = match real_dir {
                        Some(dir) => dir.join(&name),
                        None => fs::canonicalize(&path).unwrap_or_else(|_| path.clone()),
                    };
                    self.enter(path, real, display, is_toml, depth);
                    continue;
                }
                Some(k) if !k.is_symlink() => {
                    // A named pipe, socket or device: opening a pipe would wait forever.
                    if is_toml && let Ok(meta) = fs::symlink_metadata(&path) {
                        self.not_regular(display, &meta);
                    }
                    continue;
                }
                _ => {}
            }
            if self.leads_outside(&path) {
                // An untrusted change can add a symbolic link; following it out of the
                // folder would quote another file of the machine in diagnostics (CI logs)
                // or put it in the deliverable.
                let meta = fs::metadata(&path);
                if is_toml || meta.is_ok_and(|m| m.is_dir()) {
                    let id = self.sources.add(display.clone());
                    self.diagnostics.push(
                        Diagnostic::new(
                            Code::UnsafePath,
                            format!("`{display}` is a symbolic link out of the entries folder"),
                        )
                        .in_file(id)
                        .help("copy the file or folder into the entries folder; links may only point inside it"),
                    );
                }
                continue;
            }
            match fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => {
                    let real = fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
                    self.enter(path, real, display, is_toml, depth);
                }
                Ok(meta) if is_toml && !meta.is_file() => self.not_regular(display, &meta),
                Ok(_) if is_toml => self.found(path, display),
                Ok(_) => {}
                Err(e) if is_toml => self.diagnostics.push(
                    Diagnostic::new(Code::Unreadable, format!("cannot read `{display}`: {e}"))
                        .in_file(self.sources.add(display.clone()))
                        .help(
                            "a broken symbolic link, or a file removed while the folder was read",
                        ),
                ),
                Err(_) => {}
            }
        }
    }

    /// Hands a file found to the sink, with its id.
    fn found(&mut self, path: PathBuf, display: DisplayPath) {
        let id = self.sources.add(display.clone());
        (self.sink)(FoundFile { path, id, display });
    }

    fn not_regular(&mut self, display: DisplayPath, meta: &fs::Metadata) {
        let id = self.sources.add(display.clone());
        self.diagnostics.push(
            Diagnostic::new(
                Code::Unreadable,
                format!(
                    "`{display}` is {}, not a regular file",
                    crate::input::kind(meta)
                ),
            )
            .in_file(id)
            .help("entries are plain text files; remove it, or rename it so that its name does not end in .toml"),
        );
    }

    /// Walks into the folder `path` (real path `real`), once: a link back to a folder
    /// already walked is skipped.
    fn enter(
        &mut self,
        path: PathBuf,
        real: PathBuf,
        display: DisplayPath,
        is_toml: bool,
        depth: usize,
    ) {
        if is_toml {
            let id = self.sources.add(display.clone());
            self.diagnostics.push(
                Diagnostic::new(
                    Code::Unreadable,
                    format!("`{display}` is a folder, not an entry file"),
                )
                .in_file(id)
                .help("rename the folder: names ending in .toml are reserved for entries"),
            );
        }
        if !self.seen.insert(real.clone()) {
            return; // a symlink back to a folder already walked
        }
        if depth + 1 >= MAX_DEPTH {
            let id = self.sources.add(display.clone());
            self.diagnostics.push(
                Diagnostic::new(
                    Code::Unreadable,
                    format!("`{display}` is nested too deeply"),
                )
                .in_file(id)
                .help(format!(
                    "entries folders may nest at most {MAX_DEPTH} levels"
                )),
            );
            return;
        }
        match sorted_children(&path) {
            Ok(c) => self.visit(c, &display, Some(&real), depth + 1),
            Err(e) => {
                let id = self.sources.add(display.clone());
                self.diagnostics.push(
                    Diagnostic::new(
                        Code::Unreadable,
                        format!("cannot read the folder `{display}`: {e}"),
                    )
                    .in_file(id),
                );
            }
        }
    }

    /// True when `path` is a symbolic link whose target (after every link) lies outside the
    /// entries folder. A link that cannot be resolved (a loop, a missing target) is left to
    /// the caller, which reports it as unreadable.
    fn leads_outside(&self, path: &Path) -> bool {
        let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            return false;
        }
        match (&self.root, fs::canonicalize(path)) {
            (Some(root), Ok(target)) => !target.starts_with(root),
            // Without the folder's real path, no link can be shown to stay inside.
            (None, Ok(_)) => true,
            (_, Err(_)) => false,
        }
    }
}

/// Entry files end in `.toml`, in any case (`2.9.TOML` saved by a Windows tool), and with
/// any spaces an upload left after it (`2.9.toml `): such a file is read, not skipped, so
/// no entry vanishes from the report without a word.
fn is_toml_name(name: &str) -> bool {
    let name = name.trim_end();
    name.len() > 5
        && name.is_char_boundary(name.len() - 5)
        && name[name.len() - 5..].eq_ignore_ascii_case(".toml")
}

/// A file that could not be turned into text: the diagnostic, and the text to quote in it
/// (for invalid UTF-8, the lossy text).
pub(super) type ReadFailure = Box<(Diagnostic, Option<String>)>;

/// Lays an edit over the listing: removed files go, added files join, and the order stays
/// that of the paths, as [`walk`] gives it.
pub(super) fn apply_overlay(
    listing: &mut Listing,
    root: &Path,
    display_root: &DisplayPath,
    overlay: &super::Overlay,
    sources: &mut Sources,
) {
    listing
        .files
        .retain(|f| !matches!(overlay.get(f.display.as_str()), Some(None)));
    let prefix = format!("{display_root}/");
    for (display, text) in overlay {
        if text.is_none() || listing.files.iter().any(|f| f.display.as_str() == display) {
            continue;
        }
        let Some(rel) = display.strip_prefix(&prefix) else {
            continue;
        };
        let mut path = root.to_path_buf();
        path.extend(rel.split('/'));
        let display = DisplayPath::from(display.as_str());
        listing.files.push(FoundFile {
            path,
            id: sources.add(display.clone()),
            display,
        });
    }
    listing.files.sort_by(|a, b| a.path.cmp(&b.path));
}

thread_local! {
    /// A reading buffer per thread: a small entry is then read with one `read` call plus
    /// the one that finds the end, without asking the file's size first.
    static READ_BUFFER: RefCell<Vec<u8>> = RefCell::new(Vec::with_capacity(READ_BUFFER_BYTES));
}

/// Larger than any ordinary entry; a longer file grows the buffer, which is then let go.
const READ_BUFFER_BYTES: usize = 64 * 1024;

/// Reads a file once, as UTF-8 text; a byte-order mark is removed.
pub(super) fn read_text(f: &FoundFile) -> Result<String, ReadFailure> {
    READ_BUFFER.with_borrow_mut(|buffer| {
        buffer.clear();
        let result = read_into(f, buffer);
        if buffer.capacity() > READ_BUFFER_BYTES {
            *buffer = Vec::with_capacity(READ_BUFFER_BYTES);
        }
        result
    })
}

fn read_into(f: &FoundFile, bytes: &mut Vec<u8>) -> Result<String, ReadFailure> {
    let unreadable =
        |msg: String| Box::new((Diagnostic::new(Code::Unreadable, msg).in_file(f.id), None));
    if let Err(e) = crate::input::read_listed_into(&f.path, MAX_FILE_BYTES, bytes) {
        let mut d = unreadable(e.about(&format!("`{}`", f.display)));
        d.0.help = Some(match e {
            ReadError::TooLarge { .. } => "an entry is one numbered paragraph; split very long texts into several entries".into(),
            ReadError::NotRegular(_) => "entries are plain text files; remove it or give it a name that does not end in .toml".into(),
            ReadError::Io(_) => "a file removed while the folder was read, or one you may not read".into(),
        });
        return Err(d);
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let at = e.valid_up_to();
            let lossy = String::from_utf8_lossy(body).into_owned();
            // The valid prefix is the same in the lossy text; the bad bytes became U+FFFD.
            let d = Diagnostic::new(Code::InvalidUtf8, format!("`{}` is not valid UTF-8", f.display))
                .at(f.id, at..at + '\u{FFFD}'.len_utf8())
                .label("this byte sequence is not UTF-8")
                .help("save the file as UTF-8 (a text editor's \"Save with encoding\"); Windows-1252 text pasted from Word is the usual cause");
            Err(Box::new((d, Some(lossy))))
        }
    }
}
