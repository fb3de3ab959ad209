//! A story — the text of one part (the document body, a header, a footer) — being
//! written: its XML, the ids given so far, and the hyperlink relationships it needs.
//!
//! Ids are given as the XML is written, in document order, never changed afterwards:
//! paragraph ids (`w14:paraId`) and annotation ids (revisions, bookmarks) run on from part
//! to part across the document; hyperlink relationships are the part's own, `rIdLink1`,
//! `rIdLink2`, … in order of use. A block reports beforehand how many ids it takes
//! ([`super::block::Block::ids`]), which is what lets the body give each entry its first
//! ids before any is written and write the entries on all cores
//! ([`super::block::Piece`]).
//!
//! The writer's state sits below what it writes: [`super::paragraph`] and
//! [`super::table`] write into a [`Story`], and [`super::block`] lists them; nothing here
//! knows a paragraph, so no two files import each other.

use std::ops::{Add, AddAssign};

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

/// A part's story being written.
#[derive(Debug, Default)]
pub(crate) struct Story {
    pub xml: Xml,
    /// The ids taken so far (in the whole document, links in this part).
    ids: Ids,
    /// The URL of each external hyperlink, in order: `rIdLink1` is the first.
    links: Vec<String>,
    /// The id and end element of the tracked move container open, if any: it starts in
    /// one paragraph and ends in a later one.
    open_range: Option<(String, &'static str)>,
}

impl Story {
    /// A story whose first ids follow `taken`.
    pub(crate) fn new(xml: Xml, taken: Ids) -> Self {
        Story {
            xml,
            ids: taken,
            links: Vec::new(),
            open_range: None,
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

    /// Goes on after XML written apart from ids `start` to `end`, with these hyperlinks
    /// ([`super::block::Piece`]).
    pub(crate) fn go_on(&mut self, start: Ids, links: &[String], end: Ids) {
        debug_assert_eq!(start, self.ids, "a piece written from other ids");
        self.links.extend(links.iter().cloned());
        self.ids = end;
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

    /// Opens a range (a move container) whose end element `end` will take `id`.
    pub(crate) fn open_range(&mut self, id: String, end: &'static str) {
        self.open_range = Some((id, end));
    }

    /// The id and end element of the open range, closing it.
    pub(crate) fn close_range(&mut self) -> Option<(String, &'static str)> {
        self.open_range.take()
    }

    /// The relationship id of a new external hyperlink to `url`.
    pub(crate) fn link(&mut self, url: &str) -> String {
        self.ids.links += 1;
        self.links.push(url.to_owned());
        format!("rIdLink{}", self.ids.links)
    }
}
