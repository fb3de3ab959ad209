//! Paragraphs and runs: what the layout code builds and [`Story`] writes, in schema
//! order (CT_P, CT_PPr, CT_R, CT_RPr of ECMA-376 Part 1, 17.3).
//!
//! The model holds no ids. Paragraph ids, revision and bookmark ids and hyperlink
//! relationship ids are given by the writer, in document order, from the counts in
//! [`Ids`]: a paragraph says beforehand how many of each it takes ([`Paragraph::ids`]), so
//! entries can be written on several threads each starting from its own offset.
//!
//! What the model can say beyond what the Council layout uses today, ready for the next
//! features: a run or a paragraph mark inserted or deleted ([`Revision`]: `w:ins`,
//! `w:del`, `w:delText`, the mark in `w:pPr/w:rPr`), a right-to-left paragraph
//! ([`ParagraphProps::bidi`]: `w:bidi`) and run ([`RunProps::rtl`]: `w:rtl`), the languages
//! of a run ([`Lang`]: `w:lang` with `w:eastAsia` and `w:bidi`), a bookmark around a
//! paragraph's content ([`Paragraph::bookmark`]) and a link to it ([`Target::Anchor`]:
//! `w:hyperlink w:anchor`).

use std::borrow::Cow;

use super::story::{Ids, Story};

/// One `w:p`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Paragraph<'a> {
    pub props: ParagraphProps<'a>,
    /// A bookmark around the whole content, named so that links can point at it.
    pub bookmark: Option<Cow<'a, str>>,
    /// A tracked move's container opened before the content: `w:moveFromRangeStart` or
    /// `w:moveToRangeStart` (ECMA-376 Part 1, 17.13.5.24 and 17.13.5.28).
    pub move_start: Option<MoveStart<'a>>,
    /// The open move container closed after the content (`w:moveFromRangeEnd`,
    /// `w:moveToRangeEnd`), in this paragraph or a later one of the same piece.
    pub move_end: bool,
    pub children: Vec<Child<'a>>,
}

/// The start of a tracked move's container: the name that pairs the moved-from place with
/// the moved-to place, and who moved it when (CT_MoveBookmark requires both).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MoveStart<'a> {
    pub name: String,
    /// [`RevisionKind::MovedFrom`] or [`RevisionKind::MovedTo`].
    pub kind: RevisionKind,
    pub author: &'a str,
    /// W3CDTF.
    pub date: &'a str,
}

/// `w:pPr`: only what the Council layout and the planned features set.
#[derive(Debug, Clone, Default)]
pub(crate) struct ParagraphProps<'a> {
    /// The style id (`Heading1`); `None` for the document default.
    pub style: Option<&'static str>,
    /// Right to left (`w:bidi`): Arabic text.
    pub bidi: bool,
    /// Space before, in twips, overriding the style's.
    pub space_before: Option<u32>,
    pub align: Option<Align>,
    /// The paragraph mark inserted or deleted: a tracked paragraph split or join.
    pub mark: Option<Revision<'a>>,
}

/// `w:jc`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Center,
    Right,
}

impl Align {
    fn as_str(self) -> &'static str {
        match self {
            Align::Center => "center",
            Align::Right => "right",
        }
    }
}

/// What a paragraph holds.
#[derive(Debug, Clone)]
pub(crate) enum Child<'a> {
    Run(Run<'a>),
    Link {
        target: Target<'a>,
        runs: Vec<Run<'a>>,
    },
}

/// Where a link goes.
#[derive(Debug, Clone)]
pub(crate) enum Target<'a> {
    /// An address outside the document (`https:`, `mailto:`): a relationship of the part.
    Url(Cow<'a, str>),
    /// A bookmark of the document ([`Paragraph::bookmark`]).
    Anchor(Cow<'a, str>),
}

/// One `w:r`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Run<'a> {
    pub props: RunProps<'a>,
    pub content: Content<'a>,
    /// Inserted or deleted, as a tracked change.
    pub revision: Option<Revision<'a>>,
}

/// What a run shows.
#[derive(Debug, Clone)]
pub(crate) enum Content<'a> {
    /// Text as typed: a TAB becomes `w:tab`, U+2011 `w:noBreakHyphen` (Word's own form of
    /// the non-breaking hyphen, which some fonts lack as a character).
    Text(Cow<'a, str>),
    /// The page number field (`PAGE`), showing 1 until a client updates it.
    PageNumber,
    /// A `w:drawing` written by docx-rs ([`super::first_page`]).
    Drawing(String),
}

impl Default for Content<'_> {
    fn default() -> Self {
        Content::Text(Cow::Borrowed(""))
    }
}

/// `w:rPr`: only what the Council layout and the planned features set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct RunProps<'a> {
    /// A character style id (`Hyperlink`).
    pub style: Option<&'static str>,
    pub bold: bool,
    pub italic: bool,
    /// In half-points.
    pub size: Option<u32>,
    /// A highlight colour (`yellow`).
    pub highlight: Option<&'static str>,
    /// Right-to-left text (`w:rtl`).
    pub rtl: bool,
    pub lang: Option<Lang<'a>>,
}

/// `w:lang`: the language of the run's Latin, East Asian and complex-script text (BCP 47
/// tags: `fr-FR`, `zh-CN`, `ar-SA`), which spelling, hyphenation and font choice follow.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Lang<'a> {
    pub latin: Option<&'a str>,
    pub east_asia: Option<&'a str>,
    pub bidi: Option<&'a str>,
}

/// A tracked change: who made it and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Revision<'a> {
    pub kind: RevisionKind,
    pub author: &'a str,
    /// W3CDTF (`2018-03-22T00:00:00Z`); optional in the schema.
    pub date: Option<&'a str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RevisionKind {
    Inserted,
    Deleted,
    /// Moved away from here (`w:moveFrom`): gone when accepted, kept when rejected, as a
    /// deletion, but shown as the source of a move; its text stays `w:t`.
    MovedFrom,
    /// Moved here (`w:moveTo`): an insertion shown as the destination of a move.
    MovedTo,
}

impl RevisionKind {
    fn element(self) -> &'static str {
        match self {
            RevisionKind::Inserted => "w:ins",
            RevisionKind::Deleted => "w:del",
            RevisionKind::MovedFrom => "w:moveFrom",
            RevisionKind::MovedTo => "w:moveTo",
        }
    }

    /// The start and end of the move container, for a move.
    fn range(self) -> Option<(&'static str, &'static str)> {
        match self {
            RevisionKind::MovedFrom => Some(("w:moveFromRangeStart", "w:moveFromRangeEnd")),
            RevisionKind::MovedTo => Some(("w:moveToRangeStart", "w:moveToRangeEnd")),
            RevisionKind::Inserted | RevisionKind::Deleted => None,
        }
    }
}

impl<'a> Paragraph<'a> {
    /// A paragraph of the given style.
    pub(crate) fn styled(style: &'static str) -> Self {
        Paragraph {
            props: ParagraphProps {
                style: Some(style),
                ..ParagraphProps::default()
            },
            ..Paragraph::default()
        }
    }

    pub(crate) fn align(mut self, align: Align) -> Self {
        self.props.align = Some(align);
        self
    }

    pub(crate) fn space_before(mut self, twips: u32) -> Self {
        self.props.space_before = Some(twips);
        self
    }

    pub(crate) fn run(mut self, run: Run<'a>) -> Self {
        self.children.push(Child::Run(run));
        self
    }

    pub(crate) fn push(&mut self, child: Child<'a>) {
        self.children.push(child);
    }

    /// The ids writing this paragraph takes.
    pub(crate) fn ids(&self) -> Ids {
        let mut ids = Ids {
            paragraphs: 1,
            annotations: u32::from(self.props.mark.is_some())
                + u32::from(self.bookmark.is_some())
                + u32::from(self.move_start.is_some()),
            links: 0,
        };
        for child in &self.children {
            let runs = match child {
                Child::Run(run) => std::slice::from_ref(run),
                Child::Link { target, runs } => {
                    ids.links += u32::from(matches!(target, Target::Url(_)));
                    runs
                }
            };
            ids.annotations += runs
                .iter()
                .map(|r| u32::from(r.revision.is_some()))
                .sum::<u32>();
        }
        ids
    }

    /// Writes the `w:p`, taking its ids from `story`.
    pub(crate) fn write(&self, story: &mut Story) {
        let para_id = story.next_paragraph_id();
        story.xml.open("w:p", &[("w14:paraId", &para_id)]);
        self.props.write(story);
        if let Some(start) = &self.move_start
            && let Some((element, end)) = start.kind.range()
        {
            let id = story.next_annotation_id();
            story.xml.empty(
                element,
                &[
                    ("w:id", &id),
                    ("w:name", &start.name),
                    ("w:author", start.author),
                    ("w:date", start.date),
                ],
            );
            story.open_range(id, end);
        }
        let bookmark = self.bookmark.as_ref().map(|name| {
            let id = story.next_annotation_id();
            story
                .xml
                .empty("w:bookmarkStart", &[("w:id", &id), ("w:name", name)]);
            id
        });
        for child in &self.children {
            match child {
                Child::Run(run) => run.write(story),
                Child::Link { target, runs } => {
                    let attr = match target {
                        Target::Url(url) => ("r:id", story.link(url)),
                        Target::Anchor(name) => ("w:anchor", name.to_string()),
                    };
                    story
                        .xml
                        .open("w:hyperlink", &[attr_ref(&attr), ("w:history", "1")]);
                    for run in runs {
                        run.write(story);
                    }
                    story.xml.close("w:hyperlink");
                }
            }
        }
        if let Some(id) = bookmark {
            story.xml.empty("w:bookmarkEnd", &[("w:id", &id)]);
        }
        if self.move_end
            && let Some((id, end)) = story.close_range()
        {
            story.xml.empty(end, &[("w:id", &id)]);
        }
        story.xml.close("w:p");
    }
}

fn attr_ref<'s>(attr: &'s (&'static str, String)) -> (&'static str, &'s str) {
    (attr.0, attr.1.as_str())
}

impl ParagraphProps<'_> {
    fn is_empty(&self) -> bool {
        self.style.is_none()
            && !self.bidi
            && self.space_before.is_none()
            && self.align.is_none()
            && self.mark.is_none()
    }

    /// CT_PPr: pStyle, …, bidi, …, spacing, …, jc, …, rPr.
    fn write(&self, story: &mut Story) {
        if self.is_empty() {
            return;
        }
        story.xml.open("w:pPr", &[]);
        if let Some(style) = self.style {
            story.xml.empty("w:pStyle", &[("w:val", style)]);
        }
        if self.bidi {
            story.xml.empty("w:bidi", &[]);
        }
        if let Some(before) = self.space_before {
            story
                .xml
                .empty("w:spacing", &[("w:before", &before.to_string())]);
        }
        if let Some(align) = self.align {
            story.xml.empty("w:jc", &[("w:val", align.as_str())]);
        }
        if let Some(mark) = &self.mark {
            // CT_ParaRPr: the revision marks of the paragraph mark come first.
            story.xml.open("w:rPr", &[]);
            let id = story.next_annotation_id();
            story.xml.empty(mark.kind.element(), &mark.attrs(&id));
            story.xml.close("w:rPr");
        }
        story.xml.close("w:pPr");
    }
}

impl<'a> Revision<'a> {
    fn attrs<'s>(&'s self, id: &'s str) -> Vec<(&'static str, &'s str)> {
        let mut attrs = vec![("w:id", id), ("w:author", self.author)];
        if let Some(date) = self.date {
            attrs.push(("w:date", date));
        }
        attrs
    }
}

impl<'a> Run<'a> {
    /// A run of text with no properties.
    pub(crate) fn text(text: impl Into<Cow<'a, str>>) -> Self {
        Run {
            content: Content::Text(text.into()),
            ..Run::default()
        }
    }

    pub(crate) fn bold(mut self) -> Self {
        self.props.bold = true;
        self
    }

    pub(crate) fn italic(mut self) -> Self {
        self.props.italic = true;
        self
    }

    pub(crate) fn size(mut self, half_points: u32) -> Self {
        self.props.size = Some(half_points);
        self
    }

    pub(crate) fn style(mut self, style: &'static str) -> Self {
        self.props.style = Some(style);
        self
    }

    pub(crate) fn highlight(mut self, colour: &'static str) -> Self {
        self.props.highlight = Some(colour);
        self
    }

    /// Writes the `w:r`, inside its `w:ins` or `w:del` when it is a tracked change.
    fn write(&self, story: &mut Story) {
        let revision = self.revision.as_ref().map(|rev| {
            let id = story.next_annotation_id();
            story.xml.open(rev.kind.element(), &rev.attrs(&id));
            rev.kind
        });
        let deleted = revision == Some(RevisionKind::Deleted);
        story.xml.open("w:r", &[]);
        self.props.write(story);
        match &self.content {
            Content::Text(text) => write_text(story, text, deleted),
            Content::PageNumber => {
                let instr = if deleted {
                    "w:delInstrText"
                } else {
                    "w:instrText"
                };
                story.xml.empty("w:fldChar", &[("w:fldCharType", "begin")]);
                story
                    .xml
                    .text_element(instr, &[("xml:space", "preserve")], " PAGE ");
                story
                    .xml
                    .empty("w:fldChar", &[("w:fldCharType", "separate")]);
                write_text(story, "1", deleted);
                story.xml.empty("w:fldChar", &[("w:fldCharType", "end")]);
            }
            Content::Drawing(xml) => story.xml.raw(xml),
        }
        story.xml.close("w:r");
        if let Some(kind) = revision {
            story.xml.close(kind.element());
        }
    }
}

/// The run content of a text: `w:t` (`w:delText` in a deletion) pieces between `w:tab`
/// and `w:noBreakHyphen`.
fn write_text(story: &mut Story, text: &str, deleted: bool) {
    let element = if deleted { "w:delText" } else { "w:t" };
    let mut rest = text;
    loop {
        let end = rest.find(['\t', '\u{2011}']).unwrap_or(rest.len());
        let piece = &rest[..end];
        if !piece.is_empty() {
            // Without it, a client drops white space at either end of the piece.
            let space = [' ', '\n', '\r'];
            let preserve = piece.starts_with(space) || piece.ends_with(space);
            let attrs: &[(&str, &str)] = if preserve {
                &[("xml:space", "preserve")]
            } else {
                &[]
            };
            story.xml.text_element(element, attrs, piece);
        }
        let Some(separator) = rest[end..].chars().next() else {
            break;
        };
        story.xml.empty(
            if separator == '\t' {
                "w:tab"
            } else {
                "w:noBreakHyphen"
            },
            &[],
        );
        rest = &rest[end + separator.len_utf8()..];
    }
}

impl RunProps<'_> {
    /// CT_RPr: rStyle, rFonts, b, bCs, i, iCs, …, sz, szCs, highlight, …, rtl, …, lang.
    fn write(&self, story: &mut Story) {
        if *self == RunProps::default() {
            return;
        }
        let x = &mut story.xml;
        x.open("w:rPr", &[]);
        if let Some(style) = self.style {
            x.empty("w:rStyle", &[("w:val", style)]);
        }
        if self.bold {
            x.empty("w:b", &[]);
            x.empty("w:bCs", &[]);
        }
        if self.italic {
            x.empty("w:i", &[]);
            x.empty("w:iCs", &[]);
        }
        if let Some(size) = self.size {
            let size = size.to_string();
            x.empty("w:sz", &[("w:val", &size)]);
            x.empty("w:szCs", &[("w:val", &size)]);
        }
        if let Some(colour) = self.highlight {
            x.empty("w:highlight", &[("w:val", colour)]);
        }
        if self.rtl {
            x.empty("w:rtl", &[]);
        }
        if let Some(lang) = &self.lang {
            let attrs: Vec<(&'static str, &str)> = [
                ("w:val", lang.latin),
                ("w:eastAsia", lang.east_asia),
                ("w:bidi", lang.bidi),
            ]
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k, v)))
            .collect();
            x.empty("w:lang", &attrs);
        }
        x.close("w:rPr");
    }
}

#[cfg(test)]
mod tests {
    //! The model's seams for the coming features — tracked changes, right to left,
    //! languages, bookmarks and internal links — written into a document, read back and
    //! validated against the schema (openxml-audit, as `docx-check.sh` runs it).

    use std::collections::BTreeSet;

    use super::super::block::Block;
    use super::super::document::NAMESPACES;
    use super::super::package::tests::package_of;
    use super::super::xml::Xml;
    use super::*;

    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    fn inserted() -> Revision<'static> {
        Revision {
            kind: RevisionKind::Inserted,
            author: "Secretariat & Co",
            date: Some("2018-03-22T00:00:00Z"),
        }
    }

    fn deleted() -> Revision<'static> {
        Revision {
            kind: RevisionKind::Deleted,
            author: "Secretariat & Co",
            date: None,
        }
    }

    /// A paragraph of every seam, and one with none.
    fn seam_blocks() -> Vec<Block<'static>> {
        let arabic = Lang {
            latin: Some("en-GB"),
            east_asia: None,
            bidi: Some("ar-SA"),
        };
        let chinese = Lang {
            latin: None,
            east_asia: Some("zh-CN"),
            bidi: None,
        };
        let mut tracked = Paragraph::styled("Normal").run(Run::text("kept "));
        tracked.push(Child::Run(Run {
            revision: Some(inserted()),
            ..Run::text("added ")
        }));
        tracked.push(Child::Run(Run {
            revision: Some(deleted()),
            ..Run::text("ITU\u{2011}T\tgone ").bold()
        }));
        tracked.props.mark = Some(inserted());
        let mut rtl = Paragraph::styled("Normal").align(Align::Right);
        rtl.props.bidi = true;
        rtl.push(Child::Run(Run {
            props: RunProps {
                rtl: true,
                lang: Some(arabic),
                ..RunProps::default()
            },
            ..Run::text("تقرير المجلس")
        }));
        let mut cjk = Paragraph::styled("Normal");
        cjk.push(Child::Run(Run {
            props: RunProps {
                lang: Some(chinese),
                ..RunProps::default()
            },
            ..Run::text("理事会报告")
        }));
        let mut target = Paragraph::styled("Heading1").run(Run::text("2.6\tStudy Group 9"));
        target.bookmark = Some("_Sec2_6".into());
        let mut link = Paragraph::styled("Normal").run(Run::text("See "));
        link.push(Child::Link {
            target: Target::Anchor("_Sec2_6".into()),
            runs: vec![Run {
                revision: Some(inserted()),
                ..Run::text("section 2.6").style("Hyperlink")
            }],
        });
        let mut deleted_mark = Paragraph::styled("Normal").run(Run::text("joined"));
        deleted_mark.props.mark = Some(deleted());
        // A paragraph moved (its mark and its words) from before `kept` to after it.
        let moved = |kind: RevisionKind| {
            let revision = Revision { kind, ..inserted() };
            let mut p = Paragraph::styled("Normal").run(Run {
                revision: Some(revision.clone()),
                ..Run::text("moved words")
            });
            p.props.mark = Some(revision);
            p.move_start = Some(MoveStart {
                name: "move_2_3".into(),
                kind,
                author: "Secretariat & Co",
                date: "2018-03-22T00:00:00Z",
            });
            p.move_end = true;
            p
        };
        vec![
            moved(RevisionKind::MovedFrom).into(),
            tracked.into(),
            rtl.into(),
            cjk.into(),
            target.into(),
            link.into(),
            deleted_mark.into(),
            moved(RevisionKind::MovedTo).into(),
            Paragraph::default().into(),
        ]
    }

    /// `blocks` as a whole `word/document.xml`.
    fn document(blocks: &[Block<'static>]) -> String {
        let mut story = Story::new(Xml::part(), Ids::default());
        story.xml.open("w:document", &NAMESPACES);
        story.xml.open("w:body", &[]);
        story.write_all(blocks);
        story.xml.empty("w:sectPr", &[]);
        story.xml.close("w:body");
        story.xml.close("w:document");
        let (xml, links, ids) = story.finish();
        assert!(links.is_empty(), "internal links need no relationship");
        let counted = blocks
            .iter()
            .map(Block::ids)
            .fold(Ids::default(), |a, b| a + b);
        assert_eq!(ids, counted, "the blocks took the ids they counted");
        String::from_utf8(xml.into_bytes()).expect("UTF-8")
    }

    #[test]
    fn seams_write_what_word_reads() {
        let xml = document(&seam_blocks());
        let doc = roxmltree::Document::parse(&xml).expect("well-formed");
        let all = |name: &str| {
            doc.descendants()
                .filter(|n| n.has_tag_name((W, name)))
                .collect::<Vec<_>>()
        };

        // Tracked changes: runs inside w:ins / w:del, deleted text as w:delText (tabs and
        // non-breaking hyphens still elements), the author escaped once, and paragraph marks.
        let ins = all("ins");
        let del = all("del");
        assert_eq!((ins.len(), del.len()), (3, 2));
        assert_eq!(ins[0].attribute((W, "author")), Some("Secretariat & Co"));
        assert_eq!(ins[0].attribute((W, "date")), Some("2018-03-22T00:00:00Z"));
        assert_eq!(del[0].attribute((W, "date")), None);
        let mark = ins
            .iter()
            .find(|n| n.parent().is_some_and(|p| p.has_tag_name((W, "rPr"))))
            .expect("an inserted paragraph mark in w:pPr/w:rPr");
        assert!(
            mark.parent()
                .and_then(|p| p.parent())
                .is_some_and(|p| p.has_tag_name((W, "pPr")))
        );
        let gone = del
            .iter()
            .find(|n| n.parent().is_some_and(|p| p.has_tag_name((W, "p"))))
            .expect("a deleted run");
        let names: Vec<&str> = gone
            .descendants()
            .filter(|n| n.is_element())
            .map(|n| n.tag_name().name())
            .collect();
        assert_eq!(
            names,
            [
                "del",
                "r",
                "rPr",
                "b",
                "bCs",
                "delText",
                "noBreakHyphen",
                "delText",
                "tab",
                "delText"
            ]
        );
        assert!(!gone.descendants().any(|n| n.has_tag_name((W, "t"))));
        assert!(xml.contains(r#"<w:delText xml:space="preserve">gone </w:delText>"#));

        // Right to left and languages.
        assert_eq!(all("bidi").len(), 1);
        assert_eq!(all("rtl").len(), 1);
        let langs: Vec<(Option<&str>, Option<&str>, Option<&str>)> = all("lang")
            .iter()
            .map(|n| {
                (
                    n.attribute((W, "val")),
                    n.attribute((W, "eastAsia")),
                    n.attribute((W, "bidi")),
                )
            })
            .collect();
        assert_eq!(
            langs,
            [
                (Some("en-GB"), None, Some("ar-SA")),
                (None, Some("zh-CN"), None)
            ]
        );

        // A bookmark around the heading's content, and a link to it by name.
        let start = &all("bookmarkStart")[0];
        let end = &all("bookmarkEnd")[0];
        assert_eq!(start.attribute((W, "name")), Some("_Sec2_6"));
        assert_eq!(start.attribute((W, "id")), end.attribute((W, "id")));
        assert_eq!(
            all("hyperlink")[0].attribute((W, "anchor")),
            Some("_Sec2_6")
        );

        // Annotation ids (revisions, bookmarks) are unique; paragraph ids count on.
        let ids: Vec<&str> = doc
            .descendants()
            .filter(|n| {
                ["ins", "del", "bookmarkStart"]
                    .iter()
                    .any(|t| n.has_tag_name((W, *t)))
            })
            .filter_map(|n| n.attribute((W, "id")))
            .collect();
        assert_eq!(ids.len(), 6);
        assert_eq!(ids.iter().collect::<BTreeSet<_>>().len(), ids.len());
        let para_ids: Vec<&str> = all("p")
            .iter()
            .filter_map(|p| {
                p.attribute((
                    "http://schemas.microsoft.com/office/word/2010/wordml",
                    "paraId",
                ))
            })
            .collect();
        assert_eq!(
            para_ids,
            [
                "00000001", "00000002", "00000003", "00000004", "00000005", "00000006", "00000007",
                "00000008", "00000009"
            ]
        );
        // A paragraph with no properties has no w:pPr.
        assert!(xml.contains(r#"<w:p w14:paraId="00000009"></w:p>"#));

        // A move: a named container at each place, its runs and paragraph marks moved,
        // the moved-from text still `w:t`.
        for (start, end, run) in [
            ("moveFromRangeStart", "moveFromRangeEnd", "moveFrom"),
            ("moveToRangeStart", "moveToRangeEnd", "moveTo"),
        ] {
            let start = &all(start)[0];
            assert_eq!(start.attribute((W, "name")), Some("move_2_3"));
            assert_eq!(start.attribute((W, "author")), Some("Secretariat & Co"));
            assert_eq!(start.attribute((W, "date")), Some("2018-03-22T00:00:00Z"));
            assert_eq!(start.attribute((W, "id")), all(end)[0].attribute((W, "id")));
            let runs = all(run);
            assert_eq!(runs.len(), 2, "{run}: the paragraph mark and the words");
            assert!(runs.iter().any(|r| {
                r.descendants()
                    .any(|t| t.has_tag_name((W, "t")) && t.text() == Some("moved words"))
            }));
        }
        // Every id but the ends', which repeat their starts'.
        let every_id: Vec<&str> = doc
            .descendants()
            .filter(|n| !n.tag_name().name().ends_with("End"))
            .filter_map(|n| n.attribute((W, "id")))
            .collect();
        assert_eq!(
            every_id.iter().collect::<BTreeSet<_>>().len(),
            every_id.len(),
            "annotation ids are unique: {every_id:?}"
        );
    }

    /// The schema validator `docx-check.sh` runs, if installed (under CI it must be:
    /// `.ci/install-tools.sh` puts it in the same place).
    fn openxml_audit() -> Option<std::path::PathBuf> {
        let venv = std::env::var_os("DOCX_TOOLS_VENV").unwrap_or("/tmp/docx-tools-venv".into());
        let path = std::path::Path::new(&venv).join("bin/openxml-audit");
        if path.is_file() {
            return Some(path);
        }
        assert!(
            std::env::var_os("CI").is_none(),
            "openxml-audit is required under CI (.ci/install-tools.sh)"
        );
        eprintln!("skipped: openxml-audit is not installed");
        None
    }

    #[test]
    fn seams_are_schema_valid() {
        let Some(audit) = openxml_audit() else {
            return;
        };
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("seams.docx");
        std::fs::write(&path, package_of(document(&seam_blocks()).as_bytes())).expect("write");
        let out = std::process::Command::new(audit)
            .args(["-f", "office2019", "-m", "0", "-o", "json"])
            .arg(&path)
            .output()
            .expect("openxml-audit runs");
        let report: serde_json::Value =
            serde_json::from_slice(&out.stdout).expect("openxml-audit prints JSON");
        // As docx-check.sh counts them: every finding but the heuristic "semantic" ones.
        let errors: Vec<&serde_json::Value> = report[0]["errors"]
            .as_array()
            .expect("a list of findings")
            .iter()
            .filter(|e| e["type"] != "semantic")
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        assert_eq!(report[0]["valid"], true, "{report:#}");
    }
}
