//! A revision's tracked changes (`build --against`): the blocks of the issued version and
//! of the revision, each laid out by the same code as a plain build, merged into one
//! document whose `w:ins` and `w:del` turn it back into either.
//!
//! Accepting every change gives exactly the revision's runs, rejecting every change the
//! issued version's: a kept run is in both, a deleted run only in the old paragraph, an
//! inserted one only in the new, and a paragraph only in one version has its paragraph
//! mark inserted or deleted with its runs. Paragraphs are paired by
//! [`crate::compare::align`] (and entries by [`crate::compare`] before that), runs diffed
//! word by word by [`crate::compare::words`]: a word with its punctuation and the space
//! after it is a token, with its run properties and its link, so a word that only became
//! bold is deleted and inserted too (what rejecting must undo).
//!
//! An entry whose place changed (`renumber --move`) is a tracked move ([`moved`]): at its
//! issued place its words inside `w:moveFromRangeStart`…`End` as `w:moveFrom` runs, at its
//! new place inside `w:moveToRangeStart`…`End` as `w:moveTo` runs, both containers named
//! `move_2_3` after its issued number; what else changed in it (its number at least) is
//! deleted at the old place and inserted at the new one, inside the containers.
//!
//! The issued text's cross-references stay links when deleted ([`Anchors`]): each points
//! at the bookmark its entry has in the revision (`entry_2_6` for the entry issued as 2.5
//! and renumbered), or, for an entry removed or moved away, at a bookmark on its issued
//! place that rejecting keeps (`issued_2_4`). Rejecting every change in Word or
//! LibreOffice then gives the issued numbers, each a link to the entry it names.

use std::borrow::Cow;
use std::collections::HashMap;

use super::block::Block;
use super::inline::{bookmark_name, issued_bookmark_name};
use super::paragraph::{
    Child, Content, MoveStart, Paragraph, Revision, RevisionKind, Run, RunProps, Target,
};
use super::table::{Cell, Table};
use crate::compare::align::{Pair, align};
use crate::compare::words::{diff, words};
use crate::compare::{Comparison, Step};

/// Who made the changes and when (W3CDTF), as every `w:ins` and `w:del` says, and where
/// the issued text's cross-references point in the revision.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mark<'a> {
    pub author: &'a str,
    pub date: &'a str,
    pub anchors: &'a Anchors,
}

impl<'a> Mark<'a> {
    fn revision(self, kind: RevisionKind) -> Revision<'a> {
        Revision {
            kind,
            author: self.author,
            date: Some(self.date),
        }
    }
}

/// The issued version's bookmark names (`entry_2_5`) and what each becomes in the
/// revision.
#[derive(Debug, Default)]
pub(crate) struct Anchors {
    names: HashMap<String, Anchor>,
}

#[derive(Debug)]
struct Anchor {
    /// The bookmark the issued entry has in the revision.
    name: String,
    /// Whether the revision's own paragraphs carry it (an entry in both versions at one
    /// place: its merged first paragraph has the new bookmark), else the issued paragraph
    /// keeps it (an entry removed or moved away).
    carried: bool,
}

impl Anchors {
    /// The bookmarks of `comparison`'s issued entries in its revision.
    pub(crate) fn of(comparison: &Comparison<'_>) -> Self {
        let (old, new) = (&comparison.old.entries, &comparison.new.entries);
        let names = comparison
            .steps
            .iter()
            .filter_map(|step| {
                let (i, anchor) = match *step {
                    Step::Kept { old: i, new: j } => (
                        i,
                        Anchor {
                            name: bookmark_name(&new[j].number),
                            carried: true,
                        },
                    ),
                    Step::Removed { old: i, .. } => (
                        i,
                        Anchor {
                            name: issued_bookmark_name(&old[i].number),
                            carried: false,
                        },
                    ),
                    Step::Added { .. } => return None,
                };
                Some((bookmark_name(&old[i].number), anchor))
            })
            .collect();
        Anchors { names }
    }

    /// Issued paragraphs with their bookmarks and links named as in the revision: a
    /// bookmark dropped when the revision's paragraph carries it; a link to a name not
    /// known (none, since `check` resolves every reference) unlinked.
    fn reanchor(&self, paragraphs: &mut [Paragraph<'_>]) {
        for p in paragraphs {
            self.reanchor_one(p);
        }
    }

    fn reanchor_one(&self, p: &mut Paragraph<'_>) {
        p.bookmark = p.bookmark.take().and_then(|b| {
            let anchor = self.names.get(b.as_ref())?;
            (!anchor.carried).then(|| Cow::Owned(anchor.name.clone()))
        });
        let children = std::mem::take(&mut p.children);
        for child in children {
            match child {
                Child::Link {
                    target: Target::Anchor(a),
                    runs,
                } => match self.names.get(a.as_ref()) {
                    Some(anchor) => p.children.push(Child::Link {
                        target: Target::Anchor(Cow::Owned(anchor.name.clone())),
                        runs,
                    }),
                    None => p.children.extend(runs.into_iter().map(Child::Run)),
                },
                other => p.children.push(other),
            }
        }
    }
}

/// The blocks of `old` and `new` merged: tables paired in order (the header block and
/// the Summary box keep their shape), the paragraphs between them aligned.
pub(crate) fn blocks<'a>(
    old: Vec<Block<'a>>,
    new: Vec<Block<'a>>,
    mark: Mark<'a>,
) -> Vec<Block<'a>> {
    let (old_segments, old_tables) = split(old);
    let (new_segments, new_tables) = split(new);
    if old_tables.len() != new_tables.len() {
        // Not one layout: nothing can be paired; the old blocks are deleted whole and the
        // new inserted, tables shown as they are now.
        let mut out = paragraphs(
            old_segments.into_iter().flatten().collect(),
            Vec::new(),
            false,
            mark,
        );
        out.extend(merge_segments_only_new(new_segments, new_tables, mark));
        return out;
    }
    let mut out = Vec::new();
    let mut old_tables = old_tables.into_iter();
    let mut new_tables = new_tables.into_iter();
    for (o, n) in old_segments.into_iter().zip(new_segments) {
        out.extend(paragraphs(o, n, false, mark));
        if let (Some(o), Some(n)) = (old_tables.next(), new_tables.next()) {
            out.push(table(o, n, mark).into());
        }
    }
    out
}

/// The new blocks, inserted.
fn merge_segments_only_new<'a>(
    segments: Vec<Vec<Paragraph<'a>>>,
    tables: Vec<Table<'a>>,
    mark: Mark<'a>,
) -> Vec<Block<'a>> {
    let mut out = Vec::new();
    let mut tables = tables.into_iter();
    for segment in segments {
        out.extend(paragraphs(Vec::new(), segment, false, mark));
        out.extend(tables.next().map(Block::from));
    }
    out
}

/// The paragraphs between tables (one more segment than tables) and the tables.
fn split(blocks: Vec<Block<'_>>) -> (Vec<Vec<Paragraph<'_>>>, Vec<Table<'_>>) {
    let mut segments = vec![Vec::new()];
    let mut tables = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph(p) => segments.last_mut().expect("one segment at least").push(p),
            Block::Table(t) => {
                tables.push(t);
                segments.push(Vec::new());
            }
        }
    }
    (segments, tables)
}

/// Two versions of a table: cell by cell when they have the same rows and cells, else
/// the new table as it is.
fn table<'a>(old: Table<'a>, new: Table<'a>, mark: Mark<'a>) -> Table<'a> {
    let same_shape = old.rows.len() == new.rows.len()
        && old
            .rows
            .iter()
            .zip(&new.rows)
            .all(|(a, b)| a.len() == b.len());
    if !same_shape {
        return new;
    }
    let Table {
        columns,
        boxed,
        margins,
        bidi_visual,
        rows,
    } = new;
    let rows = old
        .rows
        .into_iter()
        .zip(rows)
        .map(|(old_row, new_row)| {
            old_row
                .into_iter()
                .zip(new_row)
                .map(|(o, n)| {
                    // A cell's last paragraph cannot be deleted: the last ones are paired.
                    let merged = paragraphs(o.0, n.0, true, mark);
                    Cell(
                        merged
                            .into_iter()
                            .filter_map(|b| match b {
                                Block::Paragraph(p) => Some(p),
                                Block::Table(_) => None,
                            })
                            .collect(),
                    )
                })
                .collect()
        })
        .collect();
    Table {
        columns,
        boxed,
        margins,
        bidi_visual,
        rows,
    }
}

/// Two versions of a run of paragraphs (an entry, a table cell, the paragraphs between
/// the header block and the Summary box), merged. With `close`, the last paragraphs of
/// both are paired (see [`align`]).
pub(crate) fn paragraphs<'a>(
    mut old: Vec<Paragraph<'a>>,
    new: Vec<Paragraph<'a>>,
    close: bool,
    mark: Mark<'a>,
) -> Vec<Block<'a>> {
    mark.anchors.reanchor(&mut old);
    merge(old, new, close, mark)
        .into_iter()
        .map(Block::Paragraph)
        .collect()
}

/// Which place of a moved entry [`moved`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    /// Where the issued version has it.
    From,
    /// Where the revision has it.
    To,
}

/// One place of a moved entry (`old` as issued, `new` as revised), named `name` at both:
/// at [`Side::From`] the words both versions share as `w:moveFrom` and the old ones
/// deleted, at [`Side::To`] the shared words as `w:moveTo` and the new ones inserted, so
/// that accepting every change leaves only the new place and the new words, rejecting
/// only the old.
pub(crate) fn moved<'a>(
    mut old: Vec<Paragraph<'a>>,
    new: Vec<Paragraph<'a>>,
    side: Side,
    name: String,
    mark: Mark<'a>,
) -> Vec<Block<'a>> {
    mark.anchors.reanchor(&mut old);
    let issued_bookmark = old.first().and_then(|p| p.bookmark.clone());
    let (dropped, kind) = match side {
        Side::From => (RevisionKind::Inserted, RevisionKind::MovedFrom),
        Side::To => (RevisionKind::Deleted, RevisionKind::MovedTo),
    };
    let is_dropped = |r: &Option<Revision<'_>>| r.as_ref().is_some_and(|r| r.kind == dropped);
    let mut out: Vec<Paragraph<'a>> = merge(old, new, false, mark)
        .into_iter()
        .filter(|p| !is_dropped(&p.props.mark))
        .map(|mut p| {
            // The words of the other version go; the shared ones (no revision yet) move.
            for mut child in std::mem::take(&mut p.children) {
                let runs = match &mut child {
                    Child::Run(run) => std::slice::from_mut(run),
                    Child::Link { runs, .. } => {
                        runs.retain(|r| !is_dropped(&r.revision));
                        runs.as_mut_slice()
                    }
                };
                let mut any = false;
                for run in runs.iter_mut() {
                    if is_dropped(&run.revision) {
                        continue;
                    }
                    any = true;
                    run.revision.get_or_insert_with(|| mark.revision(kind));
                }
                if any {
                    p.children.push(child);
                }
            }
            p.props.mark.get_or_insert_with(|| mark.revision(kind));
            if side == Side::From {
                p.bookmark = None;
            }
            p
        })
        .collect();
    if side == Side::From
        && let Some(first) = out.first_mut()
    {
        first.bookmark = issued_bookmark;
    }
    if let Some(first) = out.first_mut() {
        first.move_start = Some(MoveStart {
            name,
            kind,
            author: mark.author,
            date: mark.date,
        });
    }
    if let Some(last) = out.last_mut() {
        last.move_end = true;
    }
    out.into_iter().map(Block::Paragraph).collect()
}

/// Two versions of a run of paragraphs, the old one named as in the revision, merged.
fn merge<'a>(
    old: Vec<Paragraph<'a>>,
    new: Vec<Paragraph<'a>>,
    close: bool,
    mark: Mark<'a>,
) -> Vec<Paragraph<'a>> {
    let old_keys: Vec<String> = old.iter().map(align_key).collect();
    let new_keys: Vec<String> = new.iter().map(align_key).collect();
    let pairs = align(&old_keys, &new_keys, close);
    let mut old: Vec<Option<Paragraph<'a>>> = old.into_iter().map(Some).collect();
    let mut new: Vec<Option<Paragraph<'a>>> = new.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(pairs.len());
    for pair in pairs {
        let p = match pair {
            Pair::Both(i, j) => match (old[i].take(), new[j].take()) {
                (Some(o), Some(n)) => paragraph(o, n, mark),
                _ => continue,
            },
            Pair::Old(i) => match old[i].take() {
                Some(o) => whole(o, RevisionKind::Deleted, mark),
                None => continue,
            },
            Pair::New(j) => match new[j].take() {
                Some(n) => whole(n, RevisionKind::Inserted, mark),
                None => continue,
            },
        };
        out.push(p);
    }
    out
}

/// What pairs two paragraphs: their kind (style, alignment) and their words. Paragraphs
/// of different kinds differ by a word that no text has, so only alike paragraphs of one
/// kind pair.
fn align_key(p: &Paragraph<'_>) -> String {
    let mut key = format!(
        "\u{1}{:?}{:?}{}{:?}\u{1} ",
        p.props.style, p.props.align, p.props.bidi, p.props.space_before
    );
    for token in tokens(p) {
        key.push_str(&token.text);
    }
    key
}

/// A paragraph inserted or deleted whole: its runs and its paragraph mark.
fn whole<'a>(mut p: Paragraph<'a>, kind: RevisionKind, mark: Mark<'a>) -> Paragraph<'a> {
    let revision = mark.revision(kind);
    for child in &mut p.children {
        let runs = match child {
            Child::Run(run) => std::slice::from_mut(run),
            Child::Link { runs, .. } => runs.as_mut_slice(),
        };
        for run in runs {
            run.revision = Some(revision.clone());
        }
    }
    if kind == RevisionKind::Deleted {
        // A deleted logo would point at a picture the revision's package lacks.
        p.children.retain(|c| {
            !matches!(
                c,
                Child::Run(Run {
                    content: Content::Drawing(_),
                    ..
                })
            )
        });
    }
    p.props.mark = Some(revision);
    p
}

/// One word of a paragraph (or a page number, a drawing) with its run properties and
/// its link: what is kept, inserted or deleted as a whole.
#[derive(Debug, Clone)]
struct Token<'a> {
    /// The word with the white space after it; for other content, a text no word has.
    text: String,
    content: Option<Content<'a>>,
    props: RunProps<'a>,
    link: Option<Target<'a>>,
}

impl Token<'_> {
    /// What makes two tokens the same: text, properties, link.
    fn key(&self) -> String {
        let link = match &self.link {
            None => String::new(),
            Some(Target::Url(u)) => format!("u{u}"),
            Some(Target::Anchor(a)) => format!("a{a}"),
        };
        format!("{}\u{1}{:?}\u{1}{link}", self.text, self.props)
    }
}

/// The tokens of a paragraph, in order.
fn tokens<'a>(p: &Paragraph<'a>) -> Vec<Token<'a>> {
    let mut out = Vec::new();
    for child in &p.children {
        let (runs, link) = match child {
            Child::Run(run) => (std::slice::from_ref(run), None),
            Child::Link { target, runs } => (runs.as_slice(), Some(target)),
        };
        for run in runs {
            match &run.content {
                Content::Text(text) => out.extend(words(text).into_iter().map(|w| Token {
                    text: w.to_owned(),
                    content: None,
                    props: run.props.clone(),
                    link: link.cloned(),
                })),
                other => out.push(Token {
                    text: match other {
                        Content::PageNumber => "\u{2}PAGE".to_owned(),
                        Content::Drawing(xml) => format!("\u{2}{xml}"),
                        Content::Text(_) => unreachable!("matched above"),
                    },
                    content: Some(other.clone()),
                    props: run.props.clone(),
                    link: link.cloned(),
                }),
            }
        }
    }
    out
}

/// Two versions of one paragraph, diffed word by word: the new paragraph's properties,
/// its unchanged words, the old words deleted and the new inserted.
fn paragraph<'a>(old: Paragraph<'a>, new: Paragraph<'a>, mark: Mark<'a>) -> Paragraph<'a> {
    let old_tokens = tokens(&old);
    let new_tokens = tokens(&new);
    let old_keys: Vec<String> = old_tokens.iter().map(Token::key).collect();
    let new_keys: Vec<String> = new_tokens.iter().map(Token::key).collect();
    let mut merged: Vec<(Token<'a>, Option<RevisionKind>)> = Vec::with_capacity(new_tokens.len());
    for stretch in diff(&old_keys, &new_keys, |k| k.len()) {
        if stretch.same {
            merged.extend(new_tokens[stretch.new].iter().cloned().map(|t| (t, None)));
            continue;
        }
        merged.extend(
            old_tokens[stretch.old]
                .iter()
                .filter(|t| !matches!(t.content, Some(Content::Drawing(_))))
                .cloned()
                .map(|t| (t, Some(RevisionKind::Deleted))),
        );
        merged.extend(
            new_tokens[stretch.new]
                .iter()
                .cloned()
                .map(|t| (t, Some(RevisionKind::Inserted))),
        );
    }
    let Paragraph {
        props, bookmark, ..
    } = new;
    let mut out = Paragraph {
        props,
        bookmark,
        ..Paragraph::default()
    };
    for (token, kind) in merged {
        push_token(&mut out.children, token, kind.map(|k| mark.revision(k)));
    }
    out
}

/// Appends a token to a paragraph's children: to the last run when it is text of the
/// same properties and revision (in the same link), else as a run of its own.
fn push_token<'a>(children: &mut Vec<Child<'a>>, token: Token<'a>, revision: Option<Revision<'a>>) {
    let run = Run {
        props: token.props,
        content: token
            .content
            .unwrap_or(Content::Text(Cow::Owned(token.text))),
        revision,
    };
    let runs = match (children.last_mut(), &token.link) {
        (Some(Child::Run(last)), None) => {
            if join(last, &run) {
                return;
            }
            None
        }
        (Some(Child::Link { target, runs }), Some(link)) if same_target(target, link) => Some(runs),
        _ => None,
    };
    match runs {
        Some(runs) => {
            if let Some(last) = runs.last_mut()
                && join(last, &run)
            {
                return;
            }
            runs.push(run);
        }
        None => children.push(match token.link {
            Some(target) => Child::Link {
                target,
                runs: vec![run],
            },
            None => Child::Run(run),
        }),
    }
}

/// Adds `next`'s text to `last` when both are text with the same properties and
/// revision; true when it did.
fn join(last: &mut Run<'_>, next: &Run<'_>) -> bool {
    if last.props != next.props || last.revision != next.revision {
        return false;
    }
    match (&mut last.content, &next.content) {
        (Content::Text(a), Content::Text(b)) => {
            a.to_mut().push_str(b);
            true
        }
        _ => false,
    }
}

fn same_target(a: &Target<'_>, b: &Target<'_>) -> bool {
    match (a, b) {
        (Target::Url(a), Target::Url(b)) | (Target::Anchor(a), Target::Anchor(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static NO_ANCHORS: std::sync::LazyLock<Anchors> = std::sync::LazyLock::new(Anchors::default);

    /// Entry 3.2 renumbered 3.3, entry 2.1 removed.
    static ANCHORS: std::sync::LazyLock<Anchors> = std::sync::LazyLock::new(|| Anchors {
        names: [
            ("entry_3_2", "entry_3_3", true),
            ("entry_2_1", "issued_2_1", false),
        ]
        .into_iter()
        .map(|(old, name, carried)| {
            (
                old.to_owned(),
                Anchor {
                    name: name.to_owned(),
                    carried,
                },
            )
        })
        .collect(),
    });

    fn mark(anchors: &'static Anchors) -> Mark<'static> {
        Mark {
            author: "ITU",
            date: "2018-04-12T00:00:00Z",
            anchors,
        }
    }

    /// The paragraph's text with changes accepted (`true`) or rejected.
    fn text(p: &Paragraph<'_>, accept: bool) -> String {
        let drop = if accept {
            RevisionKind::Deleted
        } else {
            RevisionKind::Inserted
        };
        let mut out = String::new();
        for child in &p.children {
            let runs = match child {
                Child::Run(r) => std::slice::from_ref(r),
                Child::Link { runs, .. } => runs.as_slice(),
            };
            for r in runs {
                if r.revision.as_ref().is_some_and(|rev| rev.kind == drop) {
                    continue;
                }
                if let Content::Text(t) = &r.content {
                    out.push_str(t);
                }
            }
        }
        out
    }

    fn para(text: &'static str) -> Paragraph<'static> {
        Paragraph::styled("Normal").run(Run::text(text))
    }

    #[test]
    fn a_changed_word_is_deleted_and_inserted_whole_and_both_versions_come_back() {
        let old = Paragraph::styled("Normal")
            .run(Run::text("2.7\tThe Group approved "))
            .run(Run::text("three").bold())
            .run(Run::text(" texts."));
        let new = Paragraph::styled("Normal")
            .run(Run::text("2.8\tThe Group approved "))
            .run(Run::text("four").bold())
            .run(Run::text(" texts."));
        let merged = paragraph(old, new, mark(&NO_ANCHORS));
        assert_eq!(text(&merged, true), "2.8\tThe Group approved four texts.");
        assert_eq!(text(&merged, false), "2.7\tThe Group approved three texts.");
        let changed: Vec<(String, RevisionKind)> = merged
            .children
            .iter()
            .filter_map(|c| match c {
                Child::Run(Run {
                    content: Content::Text(t),
                    revision: Some(r),
                    ..
                }) => Some((t.to_string(), r.kind)),
                _ => None,
            })
            .collect();
        assert_eq!(
            changed,
            [
                ("2.7\t".to_owned(), RevisionKind::Deleted),
                ("2.8\t".to_owned(), RevisionKind::Inserted),
                ("three".to_owned(), RevisionKind::Deleted),
                ("four".to_owned(), RevisionKind::Inserted),
            ]
        );
    }

    fn reference(n: &'static str) -> Child<'static> {
        Child::Link {
            target: Target::Anchor(Cow::Owned(format!("entry_{}", n.replace('.', "_")))),
            runs: vec![Run::text(n)],
        }
    }

    /// The anchors of a paragraph's links, with each link's text.
    fn links(p: &Paragraph<'_>) -> Vec<(String, String)> {
        p.children
            .iter()
            .filter_map(|c| match c {
                Child::Link {
                    target: Target::Anchor(a),
                    runs,
                } => Some((
                    a.to_string(),
                    runs.iter()
                        .map(|r| match &r.content {
                            Content::Text(t) => t.to_string(),
                            _ => String::new(),
                        })
                        .collect(),
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn deleted_cross_references_stay_links_to_their_entries_in_the_revision() {
        let mut old = para("See ");
        old.push(reference("3.2"));
        old.bookmark = Some("entry_2_1".into());
        let mut new = para("See ");
        new.push(reference("3.3"));
        let merged = paragraphs(vec![old.clone()], vec![new], false, mark(&ANCHORS));
        let Some(Block::Paragraph(merged)) = merged.first() else {
            panic!("a paragraph");
        };
        assert_eq!(text(merged, true), "See 3.3");
        assert_eq!(text(merged, false), "See 3.2");
        // The deleted 3.2 links to the bookmark the entry issued as 3.2 has now.
        assert_eq!(
            links(merged),
            [("entry_3_3".to_owned(), "3.23.3".to_owned())]
        );
        // A removed entry keeps a bookmark of its own, its links kept.
        let gone = paragraphs(vec![old], Vec::new(), false, mark(&ANCHORS));
        let Some(Block::Paragraph(gone)) = gone.first() else {
            panic!("a paragraph");
        };
        assert_eq!(gone.bookmark.as_deref(), Some("issued_2_1"));
        assert_eq!(links(gone), [("entry_3_3".to_owned(), "3.2".to_owned())]);
        assert_eq!(text(gone, false), "See 3.2");
        assert_eq!(text(gone, true), "");
    }

    #[test]
    fn a_moved_entry_is_moved_from_its_issued_place_and_to_its_new_one() {
        let mut old_heading = para("2.3\tStudy Group 2");
        old_heading.bookmark = Some("entry_2_3".into());
        let old = vec![old_heading, para("It met twice in Geneva.")];
        let mut new_heading = para("2.8\tStudy Group 2");
        new_heading.bookmark = Some("entry_2_8".into());
        let new = vec![
            new_heading,
            para("It met twice in Geneva."),
            para("A wholly new paragraph here."),
        ];
        let anchors: &'static Anchors = Box::leak(Box::new(Anchors {
            names: [(
                "entry_2_3".to_owned(),
                Anchor {
                    name: "issued_2_3".to_owned(),
                    carried: false,
                },
            )]
            .into_iter()
            .collect(),
        }));
        let side = |side| -> Vec<Paragraph<'static>> {
            moved(
                old.clone(),
                new.clone(),
                side,
                "move_2_3".into(),
                mark(anchors),
            )
            .into_iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some(p),
                Block::Table(_) => None,
            })
            .collect()
        };
        let texts = |ps: &[Paragraph<'_>], accept: bool| -> Vec<String> {
            let gone = if accept {
                [RevisionKind::Deleted, RevisionKind::MovedFrom]
            } else {
                [RevisionKind::Inserted, RevisionKind::MovedTo]
            };
            ps.iter()
                .filter(|p| {
                    !p.props
                        .mark
                        .as_ref()
                        .is_some_and(|m| gone.contains(&m.kind))
                })
                .map(|p| text(p, accept))
                .collect()
        };
        let (from, to) = (side(Side::From), side(Side::To));
        // Accepting leaves nothing where it was and the revision where it is.
        assert!(texts(&from, true).is_empty());
        assert_eq!(
            texts(&to, true),
            [
                "2.8\tStudy Group 2",
                "It met twice in Geneva.",
                "A wholly new paragraph here."
            ]
        );
        // Rejecting, the reverse.
        assert_eq!(
            texts(&from, false),
            ["2.3\tStudy Group 2", "It met twice in Geneva."]
        );
        assert!(texts(&to, false).is_empty());
        // The shared words are moved, the changed ones deleted or inserted.
        let kinds = |p: &Paragraph<'_>| -> Vec<(String, RevisionKind)> {
            p.children
                .iter()
                .filter_map(|c| match c {
                    Child::Run(Run {
                        content: Content::Text(t),
                        revision: Some(r),
                        ..
                    }) => Some((t.to_string(), r.kind)),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            kinds(&from[0]),
            [
                ("2.3\t".to_owned(), RevisionKind::Deleted),
                ("Study Group 2".to_owned(), RevisionKind::MovedFrom)
            ]
        );
        assert_eq!(
            kinds(&to[0]),
            [
                ("2.8\t".to_owned(), RevisionKind::Inserted),
                ("Study Group 2".to_owned(), RevisionKind::MovedTo)
            ]
        );
        // One named container at each place, the issued place keeping its own bookmark.
        for (ps, kind) in [
            (&from, RevisionKind::MovedFrom),
            (&to, RevisionKind::MovedTo),
        ] {
            let start = ps[0].move_start.as_ref().expect("a container");
            assert_eq!((start.name.as_str(), start.kind), ("move_2_3", kind));
            assert!(ps.last().is_some_and(|p| p.move_end));
            assert_eq!(ps.iter().filter(|p| p.move_start.is_some()).count(), 1);
        }
        assert_eq!(from[0].bookmark.as_deref(), Some("issued_2_3"));
        assert_eq!(to[0].bookmark.as_deref(), Some("entry_2_8"));
        assert_eq!(
            from[1].props.mark.as_ref().map(|m| m.kind),
            Some(RevisionKind::MovedFrom)
        );
        assert_eq!(
            to[2].props.mark.as_ref().map(|m| m.kind),
            Some(RevisionKind::Inserted)
        );
    }

    #[test]
    fn added_and_removed_paragraphs_carry_their_marks() {
        let merged = paragraphs(
            vec![
                para("Kept paragraph here."),
                para("Gone away entirely now."),
            ],
            vec![para("Kept paragraph here."), para("Something wholly new.")],
            false,
            mark(&NO_ANCHORS),
        );
        let marks: Vec<Option<RevisionKind>> = merged
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => p.props.mark.as_ref().map(|m| m.kind),
                Block::Table(_) => None,
            })
            .collect();
        assert_eq!(
            marks,
            [
                None,
                Some(RevisionKind::Deleted),
                Some(RevisionKind::Inserted)
            ]
        );
    }
}
