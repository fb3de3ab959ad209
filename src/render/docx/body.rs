//! The body: entries in section-number order. Numbers are typed text, never Word
//! numbering: a titled entry is a heading `number<TAB>title` (Heading 1–3 by depth) with
//! its text un-numbered below it; an untitled entry is a Normal paragraph
//! `number<TAB>first paragraph`, its further paragraphs and lists un-numbered.

use rayon::prelude::*;

use super::paragraph::{Align, Paragraph, Run};
use super::story::Block;
use super::{inline, styles};
use crate::model::{Entry, Layout};
use crate::render::conventions::{CLOSING_RULE, number_label};

/// The blocks of every entry, one group per entry, built on all cores (the entries are
/// nearly all of the document).
pub(crate) fn entries<'a>(entries: &'a [Entry], layout: &Layout) -> Vec<Vec<Block<'a>>> {
    entries.par_iter().map(|e| entry(e, layout)).collect()
}

/// The paragraphs of one entry.
pub(crate) fn entry<'a>(entry: &'a Entry, layout: &Layout) -> Vec<Block<'a>> {
    let prefix = Run::text(format!(
        "{}\t",
        number_label(&entry.number, layout.top_level_period)
    ));
    let paragraphs = match &entry.title {
        Some(title) => {
            let level = entry.number.depth().clamp(1, styles::HEADING.len());
            let heading = Paragraph::styled(styles::HEADING[level - 1])
                .run(prefix)
                .run(Run::text(title.as_str()));
            let mut out = vec![heading];
            out.extend(inline::paragraphs(&entry.text, None, false));
            out
        }
        None => {
            let first = Paragraph::styled(styles::NORMAL).run(prefix);
            inline::paragraphs(&entry.text, Some(first), false)
        }
    };
    paragraphs.into_iter().map(Block::from).collect()
}

/// The last paragraph of the document.
pub(crate) fn closing_line() -> Paragraph<'static> {
    Paragraph::styled(styles::NORMAL)
        .align(Align::Center)
        .run(Run::text(CLOSING_RULE))
}
