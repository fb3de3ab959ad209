//! What a story holds ([`Block`]: a paragraph or a table), how blocks are written into a
//! [`Story`], and blocks written apart from their story ([`Piece`]: an entry, on a thread
//! of its own) from ids known beforehand ([`starts`]).

use std::ops::Add;

use super::paragraph::Paragraph;
use super::story::{Ids, Story};
use super::table::Table;
use super::xml::Xml;

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

// Here rather than in story.rs, which knows no block: the arrows run one way.
impl Story {
    /// Goes on after a piece written by another story (an entry written on another
    /// thread): its hyperlinks and ids follow this story's.
    pub(crate) fn follow(&mut self, piece: &Piece) {
        self.go_on(piece.start, &piece.links, piece.end);
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
