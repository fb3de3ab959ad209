//! The body: entries in section-number order. Numbers are typed text, never Word
//! numbering: a titled entry is a heading `number<TAB>title` (Heading 1–3 by depth) with
//! its text un-numbered below it; an untitled entry is a Normal paragraph
//! `number<TAB>first paragraph`, its further paragraphs and lists un-numbered.

use docx_rs::{AlignmentType, Paragraph, Run};

use super::{inline, styles};
use crate::model::{Entry, Layout};
use crate::render::conventions::{CLOSING_RULE, number_label};

/// The number as printed: `2.` at level 1 when `top_level_period`, `2.9` below.
pub(crate) fn printed_number(entry: &Entry, layout: &Layout) -> String {
    number_label(&entry.number, layout.top_level_period)
}

/// The paragraphs of one entry.
pub(crate) fn entry(entry: &Entry, layout: &Layout) -> Vec<Paragraph> {
    let prefix = Run::new().add_text(printed_number(entry, layout)).add_tab();
    match &entry.title {
        Some(title) => {
            let level = entry.number.depth().clamp(1, styles::HEADING.len());
            let heading = Paragraph::new()
                .style(styles::HEADING[level - 1])
                .add_run(prefix)
                .add_run(inline::text_run(title));
            let mut out = vec![heading];
            out.extend(inline::paragraphs(&entry.text, None, false));
            out
        }
        None => {
            let first = Paragraph::new().style(styles::NORMAL).add_run(prefix);
            inline::paragraphs(&entry.text, Some(first), false)
        }
    }
}

/// The last paragraph of the document.
pub(crate) fn closing_line() -> Paragraph {
    Paragraph::new()
        .style(styles::NORMAL)
        .align(AlignmentType::Center)
        .add_run(Run::new().add_text(CLOSING_RULE))
}
