//! The body: entries in section-number order. Numbers are typed text, never Word
//! numbering: a titled entry is a heading `number<TAB>title` (Heading 1–3 by depth) with
//! its text un-numbered below it; an untitled entry is a Normal paragraph
//! `number<TAB>first paragraph`, its further paragraphs and lists un-numbered. An entry's
//! first paragraph carries a bookmark (`entry_2_9`) that cross-references link to.

use std::borrow::Cow;
use std::convert::Infallible;
use std::io::Write;

use rayon::prelude::*;

use super::block::{self, Block, Piece};
use super::paragraph::{Align, Paragraph, Run};
use super::revision::{self, Mark, Side};
use super::story::{Ids, Story};
use super::{bidi, inline, styles};
use crate::compare::{Comparison, Step};
use crate::locale::Language;
use crate::model::{Entry, Layout, Report};
use crate::render::conventions::{CLOSING_RULE, number_label};
use crate::render::memo::Memo;

/// Entries per batch: the next batch is built and written while this one is deflated.
/// At the sample's density a batch is about 250 KB of XML, so the two batches alive at
/// a time are little memory beside the 5 MB of the whole document, and a batch is still
/// hundreds of entries to spread over the cores.
const BATCH: usize = 256;

/// Writes the entries into `out` after what `story` holds, and makes `story` follow
/// them. Each entry is a [`Piece`] written from the ids of the entries before it, on all
/// cores; with `kept` (`watch`), pieces made before from the same entry and the same
/// ids are used again.
pub(crate) fn write<W: Write + Send>(
    entries: &[Entry],
    layout: &Layout,
    language: Language,
    story: &mut Story,
    kept: Option<&mut Memo<Piece, Ids>>,
    out: &mut W,
) -> std::io::Result<()> {
    if let Some(memo) = kept {
        let (starts, _) = block::starts(story.ids(), &build(entries, layout, language));
        let Ok(pieces) = memo.render_keyed(entries, starts, (layout, language), |e, start| {
            Ok::<_, Infallible>(Piece::write(&entry(e, layout, language), *start))
        });
        for piece in pieces {
            out.write_all(piece.xml.as_bytes())?;
            story.follow(piece);
        }
        return Ok(());
    }
    let mut batches = entries.chunks(BATCH);
    let mut next = batches
        .next()
        .map(|b| write_batch(b, layout, language, story.ids()));
    while let Some(current) = next.take() {
        let taken = current.last().map_or(story.ids(), |p| p.end);
        let following = batches.next();
        let (written, made) = rayon::join(
            || {
                current
                    .iter()
                    .try_for_each(|p| out.write_all(p.xml.as_bytes()))
            },
            || following.map(|b| write_batch(b, layout, language, taken)),
        );
        written?;
        for piece in &current {
            story.follow(piece);
        }
        next = made;
    }
    Ok(())
}

/// Writes the entries of a revision into `out` after what `story` holds, in the order of
/// the revised document ([`Comparison::steps`]): each entry of both versions merged with
/// its old self, each added one inserted, each removed one deleted, each moved one a
/// tracked move from its issued place to its new one. Built and written on all cores, as
/// [`write`] does.
pub(crate) fn write_revision<W: Write>(
    comparison: &Comparison<'_>,
    mark: Mark<'_>,
    story: &mut Story,
    out: &mut W,
) -> std::io::Result<()> {
    let (old, new) = (comparison.old, comparison.new);
    let groups: Vec<Vec<Block<'_>>> = comparison
        .steps
        .par_iter()
        .map(|step| {
            let (o, n, side) = match *step {
                Step::Kept { old: i, new: j } => (i, j, None),
                Step::Added {
                    new: j,
                    moved_from: Some(i),
                } => (i, j, Some(Side::To)),
                Step::Removed {
                    old: i,
                    moved_to: Some(j),
                } => (i, j, Some(Side::From)),
                Step::Added {
                    new: j,
                    moved_from: None,
                } => {
                    let n = paragraphs(new, &new.entries[j]);
                    return revision::paragraphs(Vec::new(), n, false, mark);
                }
                Step::Removed {
                    old: i,
                    moved_to: None,
                } => {
                    let o = paragraphs(old, &old.entries[i]);
                    return revision::paragraphs(o, Vec::new(), false, mark);
                }
            };
            let (old_entry, new_entry) = (&old.entries[o], &new.entries[n]);
            let (o, n) = (paragraphs(old, old_entry), paragraphs(new, new_entry));
            match side {
                None => revision::paragraphs(o, n, false, mark),
                Some(side) => {
                    revision::moved(o, n, side, inline::move_name(&old_entry.number), mark)
                }
            }
        })
        .collect();
    let (starts, _) = block::starts(story.ids(), &groups);
    let pieces: Vec<Piece> = groups
        .par_iter()
        .zip(starts)
        .map(|(group, start)| Piece::write(group, start))
        .collect();
    for piece in &pieces {
        out.write_all(piece.xml.as_bytes())?;
        story.follow(piece);
    }
    Ok(())
}

/// The paragraphs of an entry of `report` (an entry is nothing else).
fn paragraphs<'a>(report: &Report, e: &'a Entry) -> Vec<Paragraph<'a>> {
    entry(e, &report.meta.layout, report.locale.language)
        .into_iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p),
            Block::Table(_) => None,
        })
        .collect()
}

/// The blocks of each entry, built on all cores.
fn build<'a>(entries: &'a [Entry], layout: &Layout, language: Language) -> Vec<Vec<Block<'a>>> {
    entries
        .par_iter()
        .map(|e| entry(e, layout, language))
        .collect()
}

/// A batch of entries built and written on all cores, the first from the ids `taken`.
fn write_batch(entries: &[Entry], layout: &Layout, language: Language, taken: Ids) -> Vec<Piece> {
    let groups = build(entries, layout, language);
    let (starts, _) = block::starts(taken, &groups);
    groups
        .par_iter()
        .zip(starts)
        .map(|(group, start)| Piece::write(group, start))
        .collect()
}

/// The paragraphs of one entry, right to left in Arabic.
pub(crate) fn entry<'a>(entry: &'a Entry, layout: &Layout, language: Language) -> Vec<Block<'a>> {
    let prefix = Run::text(format!(
        "{}\t",
        number_label(&entry.number, layout.top_level_period)
    ));
    let paragraphs = match &entry.title {
        Some(title) => {
            let level = entry.number.depth().clamp(1, styles::HEADING.len());
            let heading = Paragraph::styled(styles::HEADING[level - 1])
                .run(prefix)
                .run(inline::translated_run(
                    title.as_str(),
                    entry.untranslated_title,
                ));
            let mut out = vec![heading];
            out.extend(inline::paragraphs(&entry.text, None, false));
            out
        }
        None => {
            let first = Paragraph::styled(styles::NORMAL).run(prefix);
            inline::paragraphs(&entry.text, Some(first), false)
        }
    };
    let mut paragraphs = paragraphs;
    // Every entry, not only those a reference points at, is named: an entry's XML then
    // depends on itself alone (entries are written apart, on all cores, and `watch` keeps
    // them between builds), and a drafter in Word can cross-reference any entry with
    // Insert › Cross-reference › Bookmark, as the HTML preview's `#e2.9` can.
    if let Some(first) = paragraphs.first_mut() {
        first.bookmark = Some(Cow::Owned(inline::bookmark_name(&entry.number)));
    }
    let blocks = paragraphs.into_iter().map(Block::from).collect();
    if language.is_rtl() {
        bidi::mirror(blocks)
    } else {
        blocks
    }
}

/// The last paragraph of the document.
pub(crate) fn closing_line() -> Paragraph<'static> {
    Paragraph::styled(styles::NORMAL)
        .align(Align::Center)
        .run(Run::text(CLOSING_RULE))
}
