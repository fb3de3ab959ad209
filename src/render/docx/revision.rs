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

use std::borrow::Cow;

use super::block::Block;
use super::paragraph::{Child, Content, Paragraph, Revision, RevisionKind, Run, RunProps, Target};
use super::table::{Cell, Table};
use crate::compare::align::{Pair, align};
use crate::compare::words::{diff, words};

/// Who made the changes and when (W3CDTF), as every `w:ins` and `w:del` says.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mark<'a> {
    pub author: &'a str,
    pub date: &'a str,
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
    old: Vec<Paragraph<'a>>,
    new: Vec<Paragraph<'a>>,
    close: bool,
    mark: Mark<'a>,
) -> Vec<Block<'a>> {
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
        out.push(Block::Paragraph(p));
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
        // The revision's own paragraphs carry the bookmarks: a deleted entry's would name a
        // second place `entry_3_2` when another entry took its number.
        p.bookmark = None;
        p.children = p.children.into_iter().flat_map(unlink_internal).collect();
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

/// A deleted cross-reference keeps its text, not its link: the bookmarks are the revised
/// document's, where its number may name another entry or none.
fn unlink_internal(child: Child<'_>) -> Vec<Child<'_>> {
    match child {
        Child::Link {
            target: Target::Anchor(_),
            runs,
        } => runs.into_iter().map(Child::Run).collect(),
        other => vec![other],
    }
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
                .map(|mut t| {
                    if matches!(t.link, Some(Target::Anchor(_))) {
                        t.link = None;
                    }
                    (t, Some(RevisionKind::Deleted))
                }),
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
        children: Vec::new(),
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

    const MARK: Mark<'static> = Mark {
        author: "ITU",
        date: "2018-04-12T00:00:00Z",
    };

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
        let merged = paragraph(old, new, MARK);
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

    #[test]
    fn deleted_cross_references_keep_their_text_not_their_link() {
        let reference = |n: &'static str| Child::Link {
            target: Target::Anchor(Cow::Owned(format!("entry_{}", n.replace('.', "_")))),
            runs: vec![Run::text(n)],
        };
        let mut old = para("See ");
        old.push(reference("3.2"));
        old.bookmark = Some("entry_2_1".into());
        let mut new = para("See ");
        new.push(reference("3.3"));
        let merged = paragraph(old.clone(), new, MARK);
        assert_eq!(text(&merged, true), "See 3.3");
        assert_eq!(text(&merged, false), "See 3.2");
        let anchors: Vec<String> = merged
            .children
            .iter()
            .filter_map(|c| match c {
                Child::Link {
                    target: Target::Anchor(a),
                    ..
                } => Some(a.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(anchors, ["entry_3_3"]);
        let gone = whole(old, RevisionKind::Deleted, MARK);
        assert!(gone.bookmark.is_none());
        assert!(gone.children.iter().all(|c| matches!(c, Child::Run(_))));
        assert_eq!(text(&gone, false), "See 3.2");
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
            MARK,
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
