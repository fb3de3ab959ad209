//! `build --pdf`: the built DOCX converted to PDF by LibreOffice (`soffice --headless
//! --convert-to pdf`), the real client reviewers' PDFs come from, rather than a second
//! layout engine of our own.
//!
//! LibreOffice runs on a copy of the DOCX in a temporary folder with a fresh profile of
//! its own (so it neither meets a LibreOffice the user has open nor leaves anything
//! behind), with a time limit. The PDF it writes differs from one run to the next only in
//! its creation date, its `/ID` and its `/DocChecksum` (seen with LibreOffice 7.4 and
//! 7.5); [`normalise`] rewrites those in place, at the same length so the cross-reference
//! offsets stay right, from the build's timestamp and a hash of the rest of the file. The
//! same LibreOffice version then gives the same bytes; another version or other
//! installed fonts lay the pages out differently, and that cannot be made the same.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long a conversion may take: 5,400 entries take about 40 s on a 2-core machine.
const TIME_LIMIT: Duration = Duration::from_secs(300);

/// Why no PDF was made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error(
        "LibreOffice is needed for --pdf and was not found ({looked}).\n  \
         Install it: Debian/Ubuntu `sudo apt-get install libreoffice-writer`; \
         Windows `winget install TheDocumentFoundation.LibreOffice`; \
         macOS `brew install --cask libreoffice`.\n  \
         Or set SOFFICE to the path of its `soffice` program."
    )]
    NotFound { looked: String },
    #[error("LibreOffice ({program}) failed to convert the DOCX: {detail}")]
    Failed { program: String, detail: String },
    #[error("LibreOffice ({program}) did not finish within {} s; nothing was written", TIME_LIMIT.as_secs())]
    TimedOut { program: String },
    #[error("cannot run LibreOffice: {0}")]
    Io(#[from] std::io::Error),
}

/// LibreOffice's `soffice` program, found.
#[derive(Debug, Clone)]
pub struct Soffice {
    program: PathBuf,
}

impl Soffice {
    /// `SOFFICE` when set (it must run), else `soffice` or `libreoffice` on `PATH`, else
    /// where the Windows and macOS installers put it.
    pub fn find() -> Result<Self, PdfError> {
        if let Some(given) = std::env::var_os("SOFFICE").filter(|v| !v.is_empty()) {
            let program = PathBuf::from(&given);
            return if runs(&program) {
                Ok(Self { program })
            } else {
                Err(PdfError::NotFound {
                    looked: format!("SOFFICE={} does not run", program.display()),
                })
            };
        }
        let names = ["soffice", "libreoffice"];
        let on_path = std::env::var_os("PATH")
            .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
            .unwrap_or_default();
        let mut candidates: Vec<PathBuf> = on_path
            .iter()
            .flat_map(|dir| names.iter().map(move |n| dir.join(executable(n))))
            .collect();
        candidates.extend(
            [
                r"C:\Program Files\LibreOffice\program\soffice.exe",
                r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
                "/Applications/LibreOffice.app/Contents/MacOS/soffice",
            ]
            .map(PathBuf::from),
        );
        candidates
            .into_iter()
            .find(|c| c.is_file() && runs(c))
            .map(|program| Self { program })
            .ok_or_else(|| PdfError::NotFound {
                looked: "no `soffice` on PATH, SOFFICE not set".into(),
            })
    }

    /// Converts `docx` (the bytes of `<stem>.docx`) to PDF bytes; `timestamp` (Unix
    /// seconds) becomes the PDF's creation date.
    pub fn convert(&self, docx: &[u8], stem: &str, timestamp: i64) -> Result<Vec<u8>, PdfError> {
        let work = tempfile::Builder::new()
            .prefix("council-report-pdf-")
            .tempdir()?;
        let input = work.path().join(format!("{stem}.docx"));
        std::fs::write(&input, docx)?;
        let outdir = work.path().join("out");
        let mut child = Command::new(&self.program)
            .arg(format!(
                "-env:UserInstallation={}",
                file_url(&work.path().join("profile"))
            ))
            .args([
                "--headless",
                "--norestore",
                "--nolockcheck",
                "--convert-to",
                "pdf:writer_pdf_Export",
                "--outdir",
            ])
            .arg(&outdir)
            .arg(&input)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()?;
        let end = Instant::now() + TIME_LIMIT;
        let status = loop {
            if let Some(status) = child.try_wait()? {
                break status;
            }
            if Instant::now() > end {
                let _ = child.kill();
                let _ = child.wait();
                return Err(PdfError::TimedOut {
                    program: self.program.display().to_string(),
                });
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let mut stderr = String::new();
        if let Some(mut e) = child.stderr.take() {
            let _ = e.read_to_string(&mut stderr);
        }
        let pdf = outdir.join(format!("{stem}.pdf"));
        match std::fs::read(&pdf) {
            Ok(bytes) if status.success() && bytes.starts_with(b"%PDF-") => {
                Ok(normalise(bytes, timestamp))
            }
            Ok(_) | Err(_) => Err(PdfError::Failed {
                program: self.program.display().to_string(),
                detail: match stderr.trim() {
                    "" => format!("{status}, and no PDF was written"),
                    e => format!("{status}: {e}"),
                },
            }),
        }
    }
}

/// True when `program --version` runs and succeeds.
fn runs(program: &Path) -> bool {
    Command::new(program)
        .arg("--version")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn executable(name: &str) -> String {
    if cfg!(windows) {
        format!("{name}.exe")
    } else {
        name.to_owned()
    }
}

/// A `file://` URL for LibreOffice's `-env:UserInstallation` (spaces and `%` escaped;
/// on Windows `file:///C:/…`).
fn file_url(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    let s = s.replace('%', "%25").replace(' ', "%20");
    if s.starts_with('/') {
        format!("file://{s}")
    } else {
        format!("file:///{s}")
    }
}

/// Rewrites what LibreOffice makes different at every run: the creation and modification
/// dates become `timestamp`, and the `/ID` pair and `/DocChecksum` a hash of the file with
/// those left out. Every value keeps its length.
pub fn normalise(mut pdf: Vec<u8>, timestamp: i64) -> Vec<u8> {
    let date = match crate::dates::civil(timestamp) {
        Some((d, h, m, s)) => format!(
            "{:04}{:02}{:02}{h:02}{m:02}{s:02}",
            d.year(),
            d.month(),
            d.day()
        ),
        None => "19700101000000".into(),
    };
    for key in [&b"/CreationDate(D:"[..], b"/ModDate(D:"] {
        for at in find_all(&pdf, key) {
            let start = at + key.len();
            let digits = pdf[start..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let n = digits.min(date.len());
            pdf[start..start + n].copy_from_slice(&date.as_bytes()[..n]);
        }
    }
    // Hex strings to fill in: each `<…>` of `/ID [ <…> <…> ]` and `/DocChecksum /…`.
    let mut holes = Vec::new();
    for at in find_all(&pdf, b"/ID [") {
        let mut i = at + 5;
        for _ in 0..2 {
            while i < pdf.len() && pdf[i] != b'<' && pdf[i] != b']' {
                i += 1;
            }
            if i >= pdf.len() || pdf[i] == b']' {
                break;
            }
            let len = hex_run(&pdf[i + 1..]);
            holes.push(i + 1..i + 1 + len);
            i += len + 2;
        }
    }
    for at in find_all(&pdf, b"/DocChecksum /") {
        let start = at + 14;
        holes.push(start..start + hex_run(&pdf[start..]));
    }
    for hole in &holes {
        pdf[hole.clone()].fill(b'0');
    }
    let hash = format!("{:016X}{:016X}", fnv1a(&pdf, 0), fnv1a(&pdf, 1));
    for hole in holes {
        let n = hole.len().min(hash.len());
        pdf[hole.start..hole.start + n].copy_from_slice(&hash.as_bytes()[..n]);
    }
    pdf
}

fn find_all(haystack: &[u8], needle: &[u8]) -> Vec<usize> {
    memchr::memmem::find_iter(haystack, needle).collect()
}

fn hex_run(bytes: &[u8]) -> usize {
    bytes.iter().take_while(|b| b.is_ascii_hexdigit()).count()
}

/// FNV-1a, 64 bits, seeded: stable across platforms and Rust versions (unlike std's
/// hasher), which is all an identifier needs.
fn fnv1a(bytes: &[u8], seed: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325_u64 ^ seed;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    const TAIL: &[u8] = b"/CreationDate(D:20261130153216Z')>>\n/ID [ <DA65814BFDEBBC3657409BF53097E783>\n<DA65814BFDEBBC3657409BF53097E783> ]\n/DocChecksum /F1E072B12004356329B67F1FC18FF0F1\n>>";

    #[test]
    fn run_dependent_values_become_fixed_and_keep_their_length() {
        let other = String::from_utf8_lossy(TAIL)
            .replace("20261130153216", "20251231235959")
            .replace("DA65814B", "0123ABCD")
            .replace("F1E072B1", "99999999");
        let a = normalise(TAIL.to_vec(), 1_521_676_800);
        let b = normalise(other.into_bytes(), 1_521_676_800);
        assert_eq!(a, b);
        assert_eq!(a.len(), TAIL.len());
        let text = String::from_utf8_lossy(&a);
        assert!(text.contains("/CreationDate(D:20180322000000Z')"), "{text}");
        assert!(!text.contains("DA65814B"), "{text}");
        assert!(!text.contains("F1E072B1"), "{text}");
    }

    #[test]
    fn file_urls() {
        assert_eq!(
            file_url(Path::new("/tmp/a b/profile")),
            "file:///tmp/a%20b/profile"
        );
        assert_eq!(
            file_url(Path::new(r"C:\Temp\profile")),
            "file:///C:/Temp/profile"
        );
    }
}
