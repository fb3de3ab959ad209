//! Walking the folder (walkdir) and reading files, with every failure turned into a
//! diagnostic.

use std::cell::RefCell;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

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
///
/// walkdir lists, sorts and descends (with the file types the listing gives for free, so
/// plain files and folders cost no `stat`: with thousands of entries those calls were a
/// tenth of `check`), follows links and stops at a link back to a folder above; what is
/// ours is the policy: hidden names skipped, links out of the folder refused (E024), a
/// folder reached twice walked once, every problem a diagnostic.
pub(super) fn walk_into(
    root: &Path,
    display_root: &DisplayPath,
    sources: &mut Sources,
    sink: &mut dyn FnMut(FoundFile),
) -> std::io::Result<Vec<Diagnostic>> {
    // Only the top folder must be readable; problems below are diagnostics.
    fs::read_dir(root)?;
    let canonical_root = fs::canonicalize(root).ok();
    let mut walk = Walk {
        root: canonical_root.clone(),
        seen: canonical_root.iter().cloned().collect(),
        sources,
        sink,
        diagnostics: Vec::new(),
    };
    // The folders on the way down to the current entry: how each is shown and its real
    // path when known (`None`: no link can be shown to stay inside).
    let mut folders: Vec<(String, Option<PathBuf>)> =
        vec![(display_root.as_str().to_owned(), canonical_root)];
    let mut entries = WalkDir::new(root)
        .follow_links(true)
        .sort_by(|a, b| a.file_name().cmp(b.file_name()))
        .into_iter();
    while let Some(next) = entries.next() {
        let entry = match next {
            Ok(entry) if entry.depth() == 0 => continue,
            Ok(entry) => entry,
            Err(e) => {
                walk.failed(&e, root, display_root);
                continue;
            }
        };
        folders.truncate(entry.depth());
        let name = entry.file_name().to_string_lossy();
        let is_dir = entry.file_type().is_dir();
        if name.starts_with('.') {
            if is_dir {
                entries.skip_current_dir();
            }
            continue;
        }
        let Some((display_dir, real_dir)) = folders.last() else {
            continue;
        };
        let display = DisplayPath::from(format!("{display_dir}/{name}"));
        let is_toml = is_toml_name(&name);
        let path = entry.path();
        let linked = entry.path_is_symlink();
        if linked && walk.leads_outside(path) {
            // An untrusted change can add a symbolic link; following it out of the
            // folder would quote another file of the machine in diagnostics (CI logs)
            // or put it in the deliverable.
            if is_toml || is_dir {
                walk.outside(display);
            }
            if is_dir {
                entries.skip_current_dir();
            }
            continue;
        }
        if is_dir {
            let real = match real_dir {
                Some(dir) if !linked => dir.join(entry.file_name()),
                _ => fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
            };
            if walk.enter(&real, &display, is_toml, entry.depth()) {
                folders.push((display.as_str().to_owned(), Some(real)));
            } else {
                entries.skip_current_dir();
            }
        } else if !is_toml {
        } else if entry.file_type().is_file() {
            walk.found(entry.into_path(), display);
        } else {
            // A named pipe, socket or device: opening a pipe would wait forever.
            if let Ok(meta) = fs::metadata(path) {
                walk.not_regular(display, &meta);
            }
        }
    }
    Ok(walk.diagnostics)
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

    fn outside(&mut self, display: DisplayPath) {
        let id = self.sources.add(display.clone());
        self.diagnostics.push(
            Diagnostic::new(
                Code::UnsafePath,
                format!("`{display}` is a symbolic link out of the entries folder"),
            )
            .in_file(id)
            .help(
                "copy the file or folder into the entries folder; links may only point inside it",
            ),
        );
    }

    /// Whether to walk into the folder `display` (real path `real`, `depth` below the
    /// top): once, and not too deep. A link back to a folder already walked is skipped.
    fn enter(&mut self, real: &Path, display: &DisplayPath, is_toml: bool, depth: usize) -> bool {
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
        if !self.seen.insert(real.to_path_buf()) {
            return false;
        }
        if depth >= MAX_DEPTH {
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
            return false;
        }
        true
    }

    /// What walkdir could not do: list a folder, or follow a link (a broken one); a link
    /// back to a folder above is no problem, it is simply not walked again.
    fn failed(&mut self, e: &walkdir::Error, root: &Path, display_root: &DisplayPath) {
        let (Some(path), Some(io), None) = (e.path(), e.io_error(), e.loop_ancestor()) else {
            return;
        };
        let rel: Vec<String> = path
            .strip_prefix(root)
            .unwrap_or(path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if rel.iter().any(|part| part.starts_with('.')) {
            return;
        }
        let display = display_root.join(&rel.join("/"));
        if fs::metadata(path).is_ok_and(|m| m.is_dir()) {
            let id = self.sources.add(display.clone());
            self.diagnostics.push(
                Diagnostic::new(
                    Code::Unreadable,
                    format!("cannot read the folder `{display}`: {io}"),
                )
                .in_file(id),
            );
        } else if is_toml_name(rel.last().map_or("", String::as_str)) {
            let id = self.sources.add(display.clone());
            self.diagnostics.push(
                Diagnostic::new(Code::Unreadable, format!("cannot read `{display}`: {io}"))
                    .in_file(id)
                    .help("a broken symbolic link, or a file removed while the folder was read"),
            );
        }
    }

    /// True when `path`, a symbolic link, leads (after every link) outside the entries
    /// folder. A link that cannot be resolved is left to the caller.
    fn leads_outside(&self, path: &Path) -> bool {
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

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::symlink;

    use super::*;

    /// The walk's policy on top of walkdir: hidden names skipped, a folder reached twice
    /// walked once, a link back up not followed, links out refused, broken links and
    /// folders named like entries reported, nesting bounded.
    #[test]
    fn the_walk_keeps_its_policy() {
        let dir = tempfile::tempdir().expect("tempdir");
        let outside = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let write = |rel: &str| {
            let p = root.join(rel);
            fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            fs::write(p, "number = \"1\"\n").expect("write");
        };
        write("report.toml");
        write("a.toml");
        write(".hidden/x.toml");
        write(".b.toml");
        write("sub/b.toml");
        write("notes.txt");
        fs::create_dir(root.join("dir.toml")).expect("mkdir");
        let deep: String = (0..MAX_DEPTH + 1).map(|_| "d/").collect();
        write(&format!("{deep}deep.toml"));
        fs::write(outside.path().join("o.toml"), "").expect("write");
        symlink(root.join("sub"), root.join("link-sub")).expect("link");
        symlink(root, root.join("sub/up")).expect("link");
        symlink(root.join("missing.toml"), root.join("broken.toml")).expect("link");
        symlink(outside.path().join("o.toml"), root.join("out.toml")).expect("link");
        symlink(outside.path(), root.join("out-dir")).expect("link");

        let mut sources = Sources::default();
        let listing = walk(root, &DisplayPath::from("e".to_owned()), &mut sources).expect("walk");
        let files: Vec<&str> = listing.files.iter().map(|f| f.display.as_str()).collect();
        assert_eq!(files, ["e/a.toml", "e/link-sub/b.toml", "e/report.toml"]);
        let messages: Vec<String> = listing
            .diagnostics
            .iter()
            .map(|d| format!("{} {}", d.code, d.message))
            .collect();
        let deep_folder = format!("e/{}", &deep[..deep.len() - 1 - 2]);
        assert_eq!(
            messages,
            [
                "E010 cannot read `e/broken.toml`: No such file or directory (os error 2)"
                    .to_owned(),
                format!("E010 `{deep_folder}` is nested too deeply"),
                "E010 `e/dir.toml` is a folder, not an entry file".to_owned(),
                "E024 `e/out-dir` is a symbolic link out of the entries folder".to_owned(),
                "E024 `e/out.toml` is a symbolic link out of the entries folder".to_owned(),
            ]
        );
    }
}
