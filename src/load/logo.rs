//! The optional logo of the first page: a PNG or JPEG inside the entries folder.
//!
//! The path comes from report.toml, which an untrusted change can edit, so it must not be
//! able to pull any other file of the machine into the deliverable: absolute paths and
//! `..` are refused, and the resolved file (after symbolic links) must still be inside the
//! entries folder.

use std::path::{Component, Path};

use toml::Spanned;

use crate::diag::{Code, Diagnostic, FileId};
use crate::model::{ImageFormat, Logo};

/// Logos are small; a larger file is a mistake.
const MAX_LOGO_BYTES: u64 = 4 * 1024 * 1024;

pub(super) fn read(
    root: &Path,
    report_file: FileId,
    path: &Spanned<String>,
) -> Result<Logo, Box<Diagnostic>> {
    let at =
        |code: Code, msg: String| Box::new(Diagnostic::new(code, msg).at(report_file, path.span()));
    if path.get_ref().trim().is_empty() {
        return Err(at(Code::WrongType, "`logo` is empty".into())
            .map_help("give the image's path relative to the entries folder (`logo = \"logo.png\"`), or remove the key"));
    }
    let rel = Path::new(path.get_ref().as_str());
    let escapes = rel.is_absolute()
        || path.get_ref().starts_with('/')
        || path.get_ref().starts_with('\\')
        || rel
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if escapes {
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
                format!(
                    "cannot read the logo `{}`: {}",
                    path.get_ref(),
                    crate::output::in_words(&e)
                ),
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
    // The size comes from the metadata before a byte is read: a 2 GB (sparse) file or
    // `/dev/zero` is refused at once, not read into memory.
    let bytes = crate::input::read_capped(&full, MAX_LOGO_BYTES).map_err(|e| {
        at(
            Code::BadLogo,
            e.about(&format!("the logo `{}`", path.get_ref())),
        )
        .map_help("save the logo as a PNG or JPEG file of at most 4 MiB")
    })?;
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
    let format = match imagesize::image_type(b).ok()? {
        imagesize::ImageType::Png => ImageFormat::Png,
        imagesize::ImageType::Jpeg => ImageFormat::Jpeg,
        _ => return None,
    };
    let size = imagesize::blob_size(b).ok()?;
    let w = u32::try_from(size.width).ok()?;
    let h = u32::try_from(size.height).ok()?;
    (w > 0 && h > 0).then_some((format, w, h))
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
