//! A story — the text of one part (the document body, a header, a footer) — being
//! written: its XML, the ids given so far, and the hyperlink relationships it needs.
//!
//! Ids are given as the XML is written, in document order, never changed afterwards:
//! paragraph ids (`w14:paraId`) and annotation ids (revisions, bookmarks) run on from part
//! to part across the document; hyperlink relationships are the part's own, `rIdLink1`,
//! `rIdLink2`, … in order of use. A block reports beforehand how many ids it takes
//! ([`Block::ids`]), which is what lets the body give each entry its first ids before any
//! is written ([`starts`]) and write the entries on all cores as [`Piece`]s.

use std::ops::{Add, AddAssign};

use super::paragraph::Paragraph;
use super::table::Table;
use super::xml::Xml;

/// Counts of ids: taken so far by a story, or needed by a block.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Ids {
    pub paragraphs: u32,
    /// Revisions and bookmarks share one sequence, as Word's annotation ids do.
    pub annotations: u32,
    /// External hyperlinks: relationships of the part.
    pub links: u32,
}

impl Add for Ids {
    type Output = Ids;
    fn add(self, other: Ids) -> Ids {
        Ids {
            paragraphs: self.paragraphs + other.paragraphs,
            annotations: self.annotations + other.annotations,
            links: self.links + other.links,
        }
    }
}

impl AddAssign for Ids {
    fn add_assign(&mut self, other: Ids) {
        *self = *self + other;
    }
}

/// What a story holds.
#[derive(Debug, Clone)]
pub(crate) enum Block<'a> {
    Paragraph(Paragraph<'a>),
    Table(Table<'a>),
}

impl<'a> From<Paragraph<'a>> for Block<'a> {
    fn from(p: Paragraph<'a>) -> Self {
        Block::Paragraph(p)
    }
}

impl<'a> From<Table<'a>> for Block<'a> {
    fn from(t: Table<'a>) -> Self {
        Block::Table(t)
    }
}

impl<'a> Block<'a> {
    /// The ids writing this block takes.
    pub(crate) fn ids(&self) -> Ids {
        match self {
            Block::Paragraph(p) => p.ids(),
            Block::Table(t) => t.ids(),
        }
    }

    pub(crate) fn write(&self, story: &mut Story) {
        match self {
            Block::Paragraph(p) => p.write(story),
            Block::Table(t) => t.write(story),
        }
    }
}

/// A part's story being written.
#[derive(Debug, Default)]
pub(crate) struct Story {
    pub xml: Xml,
    /// The ids taken so far (in the whole document, links in this part).
    ids: Ids,
    /// The URL of each external hyperlink, in order: `rIdLink1` is the first.
    links: Vec<String>,
}

impl Story {
    /// A story whose first ids follow `taken`.
    pub(crate) fn new(xml: Xml, taken: Ids) -> Self {
        Story {
            xml,
            ids: taken,
            links: Vec::new(),
        }
    }

    /// The XML written so far, leaving the story to go on with an empty buffer (the
    /// document is zipped as a sequence of such pieces, never joined).
    pub(crate) fn take_xml(&mut self) -> Xml {
        std::mem::take(&mut self.xml)
    }

    /// The ids taken so far.
    pub(crate) fn ids(&self) -> Ids {
        self.ids
    }

    /// The XML, the URLs of the part's hyperlinks (`rIdLink1` first) and the ids taken.
    pub(crate) fn finish(self) -> (Xml, Vec<String>, Ids) {
        (self.xml, self.links, self.ids)
    }

    /// Goes on after a piece written by another story (an entry written on another
    /// thread): its hyperlinks and ids follow this story's.
    pub(crate) fn follow(&mut self, piece: &Piece) {
        debug_assert_eq!(piece.start, self.ids, "a piece written from other ids");
        self.links.extend(piece.links.iter().cloned());
        self.ids = piece.end;
    }

    /// `00000001`, `00000002`, …: w14:paraId is 8 hex digits.
    pub(crate) fn next_paragraph_id(&mut self) -> String {
        self.ids.paragraphs += 1;
        format!("{:08X}", self.ids.paragraphs)
    }

    /// The next revision or bookmark id.
    pub(crate) fn next_annotation_id(&mut self) -> String {
        self.ids.annotations += 1;
        self.ids.annotations.to_string()
    }

    /// The relationship id of a new external hyperlink to `url`.
    pub(crate) fn link(&mut self, url: &str) -> String {
        self.ids.links += 1;
        self.links.push(url.to_owned());
        format!("rIdLink{}", self.ids.links)
    }

    pub(crate) fn write_all(&mut self, blocks: &[Block<'_>]) {
        for block in blocks {
            block.write(self);
        }
    }
}

/// Blocks written apart from their story (an entry, on a thread of its own, or kept from
/// an earlier build by `watch`), with the ids it started from and ended at.
#[derive(Debug, Clone)]
pub(crate) struct Piece {
    pub xml: String,
    pub links: Vec<String>,
    pub start: Ids,
    pub end: Ids,
}

impl Piece {
    /// `blocks` written from the ids `start`.
    pub(crate) fn write(blocks: &[Block<'_>], start: Ids) -> Piece {
        let mut story = Story::new(Xml::with_capacity(blocks.len() * 512), start);
        story.write_all(blocks);
        let (xml, links, end) = story.finish();
        Piece {
            xml: xml.into_string(),
            links,
            start,
            end,
        }
    }
}

/// The ids each group of blocks starts from when they follow `taken` one after the
/// other, and the ids taken after the last.
pub(crate) fn starts(taken: Ids, groups: &[Vec<Block<'_>>]) -> (Vec<Ids>, Ids) {
    let mut next = taken;
    let starts = groups
        .iter()
        .map(|group| {
            let start = next;
            next += group.iter().map(Block::ids).fold(Ids::default(), Add::add);
            start
        })
        .collect();
    (starts, next)
}
