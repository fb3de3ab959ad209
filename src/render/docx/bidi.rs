//! Right to left: the Arabic version's paragraphs, runs and tables, as Word writes them
//! when one types Arabic.
//!
//! - Every paragraph is a right-to-left paragraph (`w:bidi`): it starts at the right
//!   margin; its indents and tab stops count from the right; `right` alignment (the
//!   header block's right column) means its end, the left.
//! - Each run is split by script: Arabic text, with the spaces and punctuation around
//!   it, in a run marked `w:rtl` (complex-script font and size, right-to-left order);
//!   Latin text and numbers (`ITU-T Y.3071`, `2.9`, `2018`) in runs of their own without
//!   it, which Word and LibreOffice lay out left to right inside the line, so they read
//!   in the right order.
//! - Tables are mirrored (`w:bidiVisual`): the header block's first column is on the right.
//!
//! Applied to the layout's blocks before they are written, so every id is counted on
//! the runs that are written.

use std::borrow::Cow;

use super::block::Block;
use super::paragraph::{Child, Content, Paragraph, Run};

/// The blocks of a right-to-left document.
pub(crate) fn mirror<'a>(blocks: Vec<Block<'a>>) -> Vec<Block<'a>> {
    blocks.into_iter().map(mirror_block).collect()
}

fn mirror_block(block: Block<'_>) -> Block<'_> {
    match block {
        Block::Paragraph(p) => Block::Paragraph(mirror_paragraph(p)),
        Block::Table(mut t) => {
            t.bidi_visual = true;
            for row in &mut t.rows {
                for cell in row {
                    cell.0 = std::mem::take(&mut cell.0)
                        .into_iter()
                        .map(mirror_paragraph)
                        .collect();
                }
            }
            Block::Table(t)
        }
    }
}

/// A paragraph made right to left, its runs split by script.
pub(crate) fn mirror_paragraph(mut p: Paragraph<'_>) -> Paragraph<'_> {
    p.props.bidi = true;
    p.children = p
        .children
        .into_iter()
        .flat_map(|child| match child {
            Child::Run(run) => split(run).into_iter().map(Child::Run).collect(),
            Child::Link { target, runs } => vec![Child::Link {
                target,
                runs: runs.into_iter().flat_map(split).collect(),
            }],
        })
        .collect();
    p
}

/// The script class of a character, for splitting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Arabic letters (and Arabic-Indic digits): right to left.
    Rtl,
    /// Latin (and other left-to-right) letters and European digits.
    Ltr,
    /// Spaces, punctuation, symbols: they take the direction around them.
    Neutral,
}

fn class(c: char) -> Class {
    match u32::from(c) {
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF => Class::Rtl,
        _ if c.is_alphanumeric() => Class::Ltr,
        _ => Class::Neutral,
    }
}

/// Byte ranges of `text` and whether each is right to left: a left-to-right range runs
/// from a Latin letter or digit to the last one before Arabic text resumes, so that the
/// spaces and punctuation inside `ITU-T Y.3071` stay with it and those between it and
/// Arabic words go with the Arabic.
fn segments(text: &str) -> Vec<(std::ops::Range<usize>, bool)> {
    let mut out: Vec<(std::ops::Range<usize>, bool)> = Vec::new();
    let mut start = 0;
    let mut rtl = true;
    // The end of the last strong left-to-right character of the current LTR range.
    let mut ltr_end = 0;
    for (i, c) in text.char_indices() {
        match class(c) {
            Class::Ltr if rtl => {
                if i > start {
                    out.push((start..i, true));
                }
                start = i;
                rtl = false;
                ltr_end = i + c.len_utf8();
            }
            Class::Ltr => ltr_end = i + c.len_utf8(),
            Class::Rtl if !rtl => {
                out.push((start..ltr_end, false));
                start = ltr_end;
                rtl = true;
            }
            Class::Rtl | Class::Neutral => {}
        }
    }
    if rtl {
        if start < text.len() {
            out.push((start..text.len(), true));
        }
    } else {
        out.push((start..ltr_end, false));
        if ltr_end < text.len() {
            out.push((ltr_end..text.len(), true));
        }
    }
    out
}

/// A run split into right-to-left and left-to-right runs with the same properties.
fn split(run: Run<'_>) -> Vec<Run<'_>> {
    let Content::Text(text) = &run.content else {
        return vec![run];
    };
    if !has_rtl(&run) {
        // Latin text, numbers or punctuation alone: one run, left to right.
        return vec![run];
    }
    let parts = segments(text);
    if parts.len() <= 1 {
        let rtl = parts.first().is_none_or(|(_, rtl)| *rtl);
        let mut run = run;
        run.props.rtl = rtl;
        return vec![run];
    }
    let piece = |range: std::ops::Range<usize>| -> Cow<'_, str> {
        match text {
            Cow::Borrowed(s) => Cow::Borrowed(&s[range]),
            Cow::Owned(s) => Cow::Owned(s[range].to_owned()),
        }
    };
    let pieces: Vec<(Cow<'_, str>, bool)> = parts
        .into_iter()
        .map(|(range, rtl)| (piece(range), rtl))
        .collect();
    pieces
        .into_iter()
        .map(|(text, rtl)| {
            let mut props = run.props.clone();
            props.rtl = rtl && text.chars().any(|c| class(c) == Class::Rtl);
            Run {
                props,
                content: Content::Text(text),
                revision: run.revision.clone(),
            }
        })
        .collect()
}

fn has_rtl(run: &Run<'_>) -> bool {
    match &run.content {
        Content::Text(t) => t.chars().any(|c| class(c) == Class::Rtl),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Vec<(&str, bool)> {
        segments(text)
            .into_iter()
            .map(|(r, rtl)| (&text[r], rtl))
            .collect()
    }

    #[test]
    fn latin_and_numbers_stand_apart_from_arabic() {
        assert_eq!(
            parts("وافقت على ITU-T Y.3071 في 2017."),
            [
                ("وافقت على ", true),
                ("ITU-T Y.3071", false),
                (" في ", true),
                ("2017", false),
                (".", true)
            ]
        );
        assert_eq!(parts("2.9\tنص"), [("2.9", false), ("\tنص", true)]);
        assert_eq!(parts("كله عربي"), [("كله عربي", true)]);
        assert_eq!(
            parts("All Latin, no Arabic."),
            [("All Latin, no Arabic", false), (".", true)]
        );
        assert_eq!(parts(""), []);
    }

    #[test]
    fn only_runs_with_arabic_are_marked() {
        let runs = split(Run::text("المجلس ITU 2018"));
        let marks: Vec<(String, bool)> = runs
            .iter()
            .map(|r| match &r.content {
                Content::Text(t) => (t.to_string(), r.props.rtl),
                _ => (String::new(), false),
            })
            .collect();
        assert_eq!(
            marks,
            [("المجلس ".to_owned(), true), ("ITU 2018".to_owned(), false)]
        );
        // A run of Latin text alone, or of punctuation, is not right to left.
        assert!(!split(Run::text("C18/33-A"))[0].props.rtl);
        assert!(!split(Run::text("- "))[0].props.rtl);
    }
}
