//! A story — the text of one part (the document body, a header, a footer) — being
//! written: its XML, the ids given so far, and the hyperlink relationships it needs.
//!
//! Ids are given as the XML is written, in document order, never changed afterwards:
//! paragraph ids (`w14:paraId`) and annotation ids (revisions, bookmarks) run on from part
//! to part across the document; hyperlink relationships are the part's own, `rIdLink1`,
//! `rIdLink2`, … in order of use. A block reports beforehand how many ids it takes
//! ([`Block::ids`]), which is what lets [`write_parallel`] give each entry its first ids
//! before any is written and write the entries on all cores.

use std::borrow::Cow;
use std::ops::{Add, AddAssign};

use rayon::prelude::*;

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

    pub(crate) fn write(&self, story: &mut Story<'a>) {
        match self {
            Block::Paragraph(p) => p.write(story),
            Block::Table(t) => t.write(story),
        }
    }
}

/// A part's story being written.
#[derive(Debug, Default)]
pub(crate) struct Story<'a> {
    pub xml: Xml,
    /// The ids taken so far (in the whole document, links in this part).
    ids: Ids,
    /// The URL of each external hyperlink, in order: `rIdLink1` is the first.
    links: Vec<Cow<'a, str>>,
}

impl<'a> Story<'a> {
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

    /// The URLs of the part's hyperlinks, `rIdLink1` first, and the XML.
    pub(crate) fn finish(self) -> (Xml, Vec<Cow<'a, str>>, Ids) {
        (self.xml, self.links, self.ids)
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
    pub(crate) fn link(&mut self, url: Cow<'a, str>) -> String {
        self.ids.links += 1;
        self.links.push(url);
        format!("rIdLink{}", self.ids.links)
    }

    pub(crate) fn write_all(&mut self, blocks: &[Block<'a>]) {
        for block in blocks {
            block.write(self);
        }
    }

    /// Writes groups of blocks (the entries) on all cores, in order, after what the
    /// story holds. Each group starts from the ids the groups before it take, so the
    /// XML is the same as one thread writing them one after the other.
    pub(crate) fn write_parallel(&mut self, groups: &[Vec<Block<'a>>]) -> Vec<Xml> {
        let mut starts = Vec::with_capacity(groups.len());
        let mut taken = self.ids;
        for group in groups {
            starts.push(taken);
            taken += group.iter().map(Block::ids).fold(Ids::default(), Add::add);
        }
        let written: Vec<(Xml, Vec<Cow<'a, str>>, Ids)> = groups
            .par_iter()
            .zip(starts)
            .map(|(group, start)| {
                let bytes = group.len() * 512;
                let mut story = Story::new(Xml::with_capacity(bytes), start);
                story.write_all(group);
                story.finish()
            })
            .collect();
        let mut pieces = Vec::with_capacity(written.len());
        for (xml, links, ids) in written {
            self.links.extend(links);
            self.ids = ids;
            pieces.push(xml);
        }
        debug_assert_eq!(self.ids, taken, "a block counted other ids than it took");
        pieces
    }
}
