//! Where the issued version of a report is, for `build --against`: a folder of entries,
//! or `git:REF`, the entries folder as it was at a git tag or commit, read with the `git`
//! on PATH into a temporary folder (removed when the build is done). The repository is
//! the one holding the entries folder; the folder's path inside it is the same at REF.
//!
//! `git` is run with arguments, never through a shell, and asked for exactly the files
//! under that path at REF (`git ls-tree`, then their contents with one `git cat-file
//! --batch`), so the working tree, the index and the refs are never touched.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The issued entries, as given on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Against {
    Dir(PathBuf),
    /// A tag, branch or commit (`git:C18-33-issued`, `git:HEAD~3`).
    Git(String),
}

/// A usage error with `--against` (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum AgainstError {
    #[error("--against {0}: no such folder (give the folder of the issued entries, or git:REF)")]
    NoFolder(String),
    #[error(
        "--against {0}: not a folder (give the folder of the issued entries, with their report.toml, or git:REF)"
    )]
    NotAFolder(String),
    #[error("--against git:REF needs a tag, branch or commit after `git:`")]
    EmptyRef,
    /// Without `[revision]` the compared build would carry the issued document's number
    /// and file names (`C18-33-E.docx`), and date every tracked change with the issued
    /// date: a file easily mistaken for the issued one.
    #[error(
        "--against {0}: a revision needs a [revision] table in report.toml, such as\n  [revision]\n  number = 1\n  date = 2018-04-12\n(it makes \"Document C18/33(Rev.1)-E\" and dates the tracked changes; see README, Revisions)"
    )]
    NoRevision(String),
    #[error(
        "--against git:{reference}: cannot run git ({source}); install git, or give the issued entries as a folder"
    )]
    NoGit {
        reference: String,
        source: std::io::Error,
    },
    #[error("--against git:{reference}: {message}")]
    Git { reference: String, message: String },
    #[error("--against git:{reference}: cannot write the issued entries into a temporary folder")]
    Temp {
        reference: String,
        source: std::io::Error,
    },
}

/// The issued entries on disk: the folder given, or a temporary copy taken from git.
#[derive(Debug)]
pub struct Issued {
    dir: PathBuf,
    /// What `--against` said, for messages.
    pub label: String,
    _temp: Option<tempfile::TempDir>,
}

impl Issued {
    /// The folder to load.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

impl Against {
    /// `git:REF` or a folder.
    pub fn parse(arg: &str) -> Against {
        match arg.strip_prefix("git:") {
            Some(reference) => Against::Git(reference.to_owned()),
            None => Against::Dir(PathBuf::from(arg)),
        }
    }

    /// The issued entries of the report whose entries folder is `entries`.
    pub fn resolve(&self, entries: &Path) -> Result<Issued, AgainstError> {
        match self {
            Against::Dir(dir) => {
                if dir.exists() && !dir.is_dir() {
                    return Err(AgainstError::NotAFolder(crate::diag::display(dir)));
                }
                if !dir.is_dir() {
                    return Err(AgainstError::NoFolder(crate::diag::display(dir)));
                }
                Ok(Issued {
                    dir: dir.clone(),
                    label: crate::diag::display(dir),
                    _temp: None,
                })
            }
            Against::Git(reference) => from_git(reference, entries),
        }
    }
}

/// Runs git in `dir` with `args`; its standard output, or what it said on failure.
fn git(dir: &Path, args: &[&str], reference: &str) -> Result<Vec<u8>, AgainstError> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|source| AgainstError::NoGit {
            reference: reference.to_owned(),
            source,
        })?;
    if !out.status.success() {
        let message = String::from_utf8_lossy(&out.stderr).trim().to_owned();
        return Err(AgainstError::Git {
            reference: reference.to_owned(),
            message: if message.is_empty() {
                format!("git {} failed", args.join(" "))
            } else {
                message
            },
        });
    }
    Ok(out.stdout)
}

fn from_git(reference: &str, entries: &Path) -> Result<Issued, AgainstError> {
    if reference.is_empty() {
        return Err(AgainstError::EmptyRef);
    }
    let git_error = |message: String| AgainstError::Git {
        reference: reference.to_owned(),
        message,
    };
    if !entries.is_dir() {
        return Err(git_error(format!(
            "the entries folder {} is not there",
            crate::diag::display(entries)
        )));
    }
    // The entries folder's path in the repository (`entries/`, or `` at its top).
    let prefix = git(entries, &["rev-parse", "--show-prefix"], reference)?;
    let prefix = String::from_utf8_lossy(&prefix).trim().to_owned();
    // Refuses an unknown ref with git's own words, and anything that is not a commit.
    let spec = format!("{reference}^{{commit}}");
    git(
        entries,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &spec,
        ],
        reference,
    )
    .map_err(|_| {
        git_error(format!(
            "no tag, branch or commit `{reference}` in this repository"
        ))
    })?;
    let tree = format!("{reference}:{prefix}");
    let listing = git(
        entries,
        &[
            "ls-tree",
            "-r",
            "-z",
            "--full-tree",
            "--end-of-options",
            &tree,
        ],
        reference,
    )
    .map_err(|_| {
        git_error(format!(
            "the entries folder `{prefix}` did not exist at {reference}"
        ))
    })?;
    let temp = tempfile::Builder::new()
        .prefix("council-report-issued-")
        .tempdir()
        .map_err(|source| AgainstError::Temp {
            reference: reference.to_owned(),
            source,
        })?;
    let temp_error = |source| AgainstError::Temp {
        reference: reference.to_owned(),
        source,
    };
    // `<mode> blob <id>\t<path>` records; only files (not submodules, not links).
    let files: Vec<(String, String)> = listing
        .split(|&b| b == 0)
        .filter_map(|record| {
            let record = std::str::from_utf8(record).ok()?;
            let (meta, path) = record.split_once('\t')?;
            let mut meta = meta.split(' ');
            let (mode, kind, id) = (meta.next()?, meta.next()?, meta.next()?);
            (kind == "blob" && mode.starts_with("100")).then(|| (id.to_owned(), path.to_owned()))
        })
        .collect();
    let mut cat = Command::new("git")
        .arg("-C")
        .arg(entries)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|source| AgainstError::NoGit {
            reference: reference.to_owned(),
            source,
        })?;
    let ids: String = files.iter().map(|(id, _)| format!("{id}\n")).collect();
    let mut stdin = cat
        .stdin
        .take()
        .ok_or_else(|| git_error("git cat-file has no input".into()))?;
    // Written on a thread: git answers as it reads, and a full pipe both ways would hang.
    let feeder = std::thread::spawn(move || stdin.write_all(ids.as_bytes()));
    let mut stdout = BufReader::new(
        cat.stdout
            .take()
            .ok_or_else(|| git_error("git cat-file has no output".into()))?,
    );
    for (_, path) in &files {
        let mut header = String::new();
        stdout.read_line(&mut header).map_err(temp_error)?;
        // `<id> blob <size>`
        let size: usize = header
            .split_whitespace()
            .nth(2)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| git_error(format!("git cat-file said `{}`", header.trim())))?;
        let mut bytes = vec![0; size + 1];
        stdout.read_exact(&mut bytes).map_err(temp_error)?;
        bytes.pop();
        // A path from the repository never leaves the temporary folder.
        let relative = Path::new(path);
        if relative
            .components()
            .any(|c| !matches!(c, std::path::Component::Normal(_)))
        {
            continue;
        }
        let target = temp.path().join(relative);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(temp_error)?;
        }
        std::fs::write(&target, &bytes).map_err(temp_error)?;
    }
    let _ = feeder.join();
    let _ = cat.wait();
    Ok(Issued {
        dir: temp.path().to_path_buf(),
        label: format!("git:{reference}"),
        _temp: Some(temp),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn git_refs_and_folders() {
        assert_eq!(Against::parse("git:v1"), Against::Git("v1".into()));
        assert_eq!(Against::parse("issued"), Against::Dir("issued".into()));
        assert!(matches!(
            Against::parse("git:").resolve(Path::new(".")),
            Err(AgainstError::EmptyRef)
        ));
        assert!(matches!(
            Against::parse("no/such/folder").resolve(Path::new(".")),
            Err(AgainstError::NoFolder(_))
        ));
        assert!(matches!(
            Against::parse("Cargo.toml").resolve(Path::new(".")),
            Err(AgainstError::NotAFolder(_))
        ));
    }
}
