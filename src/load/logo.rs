//! The optional logo of the first page: a PNG or JPEG inside the entries folder.
//!
//! The path comes from report.toml, which an untrusted change can edit, so it must not be
//! able to pull any other file of the machine into the deliverable: absolute paths and
//! `..` are refused, and the resolved file (after symbolic links) must still be inside the
//! entries folder.

use std::path::{Component, Path};

use toml::Spanned;

use crate::diag::{Code, Diagnostic};
use crate::model::{ImageFormat, Logo};

/// Logos are small; a larger file is a mistake.
const MAX_LOGO_BYTES: u64 = 4 * 1024 * 1024;

pub(super) fn read(
    root: &Path,
    report_file: &str,
    path: &Spanned<String>,
) -> Result<Logo, Box<Diagnostic>> {
    let at =
        |code: Code, msg: String| Box::new(Diagnostic::new(code, msg).at(report_file, path.span()));
    let rel = Path::new(path.get_ref().as_str());
    let escapes = rel.is_absolute()
        || path.get_ref().starts_with('/')
        || path.get_ref().starts_with('\\')
        || rel
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if escapes || path.get_ref().is_empty() {
        return Err(at(Code::UnsafePath, "the logo path must stay inside the entries folder".into())
            .map_label("an absolute path or `..` is not allowed here")
            .map_help("put the image in the entries folder and give its path relative to it: `logo = \"logo.png\"`"));
    }
    let full = root.join(rel);
    let inside = match (full.canonicalize(), root.canonicalize()) {
        (Ok(f), Ok(r)) => f.starts_with(r),
        (Err(e), _) | (_, Err(e)) => {
            return Err(at(
                Code::BadLogo,
                format!("cannot read the logo `{}`: {e}", path.get_ref()),
            )
            .map_help("the path is relative to the entries folder"));
        }
    };
    if !inside {
        return Err(at(
            Code::UnsafePath,
            "the logo path leads outside the entries folder".into(),
        )
        .map_label("a symbolic link out of the folder")
        .map_help("copy the image into the entries folder"));
    }
    let bytes = std::fs::read(&full).map_err(|e| {
        at(
            Code::BadLogo,
            format!("cannot read the logo `{}`: {e}", path.get_ref()),
        )
    })?;
    if bytes.len() as u64 > MAX_LOGO_BYTES {
        return Err(at(
            Code::BadLogo,
            format!(
                "the logo is larger than {} MiB",
                MAX_LOGO_BYTES / 1024 / 1024
            ),
        ));
    }
    let Some((format, width_px, height_px)) = sniff(&bytes) else {
        return Err(at(
            Code::BadLogo,
            format!("`{}` is not a PNG or JPEG image", path.get_ref()),
        )
        .map_help("save the logo as PNG or JPEG"));
    };
    let ext = match format {
        ImageFormat::Png => "png",
        ImageFormat::Jpeg => "jpeg",
    };
    Ok(Logo {
        name: format!("logo.{ext}"),
        bytes,
        format,
        width_px,
        height_px,
    })
}

trait BoxedDiag {
    fn map_label(self, s: &str) -> Self;
    fn map_help(self, s: &str) -> Self;
}

impl BoxedDiag for Box<Diagnostic> {
    fn map_label(mut self, s: &str) -> Self {
        self.label = Some(s.into());
        self
    }
    fn map_help(mut self, s: &str) -> Self {
        self.help = Some(s.into());
        self
    }
}

/// The format and pixel size of a PNG or JPEG, from its header.
fn sniff(b: &[u8]) -> Option<(ImageFormat, u32, u32)> {
    if b.starts_with(b"\x89PNG\r\n\x1a\n") && b.get(12..16) == Some(b"IHDR") {
        let w = u32::from_be_bytes(b.get(16..20)?.try_into().ok()?);
        let h = u32::from_be_bytes(b.get(20..24)?.try_into().ok()?);
        return (w > 0 && h > 0).then_some((ImageFormat::Png, w, h));
    }
    if b.starts_with(&[0xFF, 0xD8]) {
        // Walk the JPEG segments to the first start-of-frame marker.
        let mut i = 2;
        // Every index below is at most `i + 8`, inside the slice while `i + 9 < b.len()`;
        // `i` grows by at least 2 a segment, so the walk ends.
        while i + 9 < b.len() {
            if b[i] != 0xFF {
                return None;
            }
            let marker = b[i + 1];
            let len = usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
            if matches!(marker, 0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF) {
                let h = u32::from(u16::from_be_bytes([b[i + 5], b[i + 6]]));
                let w = u32::from(u16::from_be_bytes([b[i + 7], b[i + 8]]));
                return (w > 0 && h > 0).then_some((ImageFormat::Jpeg, w, h));
            }
            i += 2 + len;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_png_size() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&200u32.to_be_bytes());
        png.extend_from_slice(&100u32.to_be_bytes());
        assert_eq!(sniff(&png), Some((ImageFormat::Png, 200, 100)));
        assert_eq!(sniff(b"GIF89a"), None);
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF]), None);
    }
}
