//! The inline markup of entry texts, parsed once with pulldown-cmark into a small model
//! that both renderers share.
//!
//! What a Council paragraph can carry: paragraphs (blank line between), `*italic*`,
//! `**bold**`, `[links](https://…)`, cross-references to other entries (`[§4.5]`, see
//! [`Inline::Ref`]) and `- ` bullet lists (two levels, the enumlev1 and enumlev2 styles). Everything else Markdown knows (headings, images, HTML, tables, code,
//! quotes, numbered lists) has no place in a Council document and is reported, with its
//! byte range in the text, so `check` can point at it.

use std::ops::Range;

use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::number::SectionNumber;

/// A parsed text: its paragraphs and lists, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Markup {
    pub blocks: Vec<Block>,
    /// In a translated report, the runs (paragraphs and list items, counted in the order
    /// of [`Markup::inline_runs`]) whose translation is missing: they hold the English,
    /// which renderers highlight. Empty otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub untranslated: Vec<u32>,
    /// The text as written in the entry file, which `build` embeds in the DOCX's data
    /// part so that `import` gives back the same value, not only the same words.
    #[serde(skip)]
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    Paragraph { inlines: Vec<Inline> },
    List { items: Vec<ListItem> },
}

/// One bullet; `level` 0 is the outer list (enumlev1), 1 a nested one (enumlev2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListItem {
    pub level: u8,
    pub inlines: Vec<Inline>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Inline {
    Text(Styled),
    Link {
        url: String,
        parts: Vec<Styled>,
    },
    /// A cross-reference to another entry, written `[§4.5]` (a CommonMark shortcut
    /// reference whose label is `§` and a section number): printed as the number, in the
    /// DOCX and HTML a link to that entry. `check` makes sure the entry exists and
    /// `renumber` rewrites the number with the entry's new one.
    Ref {
        number: SectionNumber,
        bold: bool,
        italic: bool,
    },
}

/// Where a cross-reference stands in a text (byte ranges of the decoded string).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefSpan {
    pub number: SectionNumber,
    /// The whole reference, brackets included.
    pub range: Range<usize>,
    /// The number's digits and dots.
    pub number_range: Range<usize>,
}

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Styled {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

/// Something in a text that the renderers cannot represent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub kind: IssueKind,
    /// Byte range in the text.
    pub range: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IssueKind {
    /// Markup with no Council equivalent: the name of the construct and a hint.
    Unsupported(&'static str, &'static str),
    /// A link whose target is not http(s) or mailto.
    BadLink(String),
    /// A link whose target holds a character XML cannot carry (from a character reference
    /// such as `&#x0B;`, which CommonMark decodes in link targets).
    ControlInLink(char),
    /// `[§…]` whose label is not a section number: the label as written.
    BadReference(String),
}

/// The deepest bullet nesting the styles provide (enumlev1, enumlev2).
const MAX_LIST_LEVELS: usize = 2;

/// Parses `text`. Never fails: problems come back as [`Issue`]s and the model holds what
/// could be understood.
pub fn parse(text: &str) -> (Markup, Vec<Issue>) {
    let (markup, issues, _) = parse_with_refs(text);
    (markup, issues)
}

/// The sign that opens a cross-reference's label.
pub const REF_SIGN: char = '§';

/// [`parse`], with where each cross-reference stands (for `check` and `renumber`).
pub fn parse_with_refs(text: &str) -> (Markup, Vec<Issue>, Vec<RefSpan>) {
    let mut b = Builder::default();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    // `[§4.5]` is a shortcut reference with no definition: CommonMark hands it to this
    // callback, and a label opening with `§` becomes a link whose target is that label,
    // which the builder turns into a reference. Any other `[…]` stays text, as before.
    let refs = |link: BrokenLink<'_>| {
        (link.link_type == LinkType::Shortcut && link.reference.trim_start().starts_with(REF_SIGN))
            .then(|| {
                (
                    CowStr::from(link.reference.trim().to_owned()),
                    CowStr::from(""),
                )
            })
    };
    let parser = Parser::new_with_broken_link_callback(text, options, Some(refs));
    for (event, range) in parser.into_offset_iter() {
        let event = match event {
            Event::Text(t) => Event::Text(as_typed(text, t, &range)),
            other => other,
        };
        b.event(event, range);
    }
    let refs = std::mem::take(&mut b.refs);
    let (mut markup, mut issues) = b.finish();
    markup.source = text.to_owned();
    let refs = refs
        .into_iter()
        .filter_map(|(number, range)| {
            let written = text.get(range.clone())?;
            let start = written.find(|c: char| c.is_ascii_digit())?;
            let end = written.rfind(|c: char| c.is_ascii_digit())? + 1;
            Some(RefSpan {
                number,
                number_range: range.start + start..range.start + end,
                range,
            })
        })
        .collect();
    // Block ranges end after the line break; point at the visible text only.
    for i in &mut issues {
        let visible = text.get(i.range.clone()).map_or(0, |s| s.trim_end().len());
        if visible > 0 {
            i.range.end = i.range.start + visible;
        }
    }
    (markup, issues, refs)
}

/// The section number of a reference's label (`§4.5`, `§ 4.5`), if it is one.
fn ref_number(label: &str) -> Option<SectionNumber> {
    label.trim().strip_prefix(REF_SIGN)?.trim().parse().ok()
}

/// Character references (`&amp;`, `&#11;`, `&#x1B;`) print exactly as typed: Council
/// texts take no HTML, and decoding them would let `&#11;` smuggle a control character
/// that XML cannot hold past the character rule (E023). pulldown-cmark hands each
/// reference it decoded to us as a text event of its own whose range is the reference, so
/// such an event is replaced by the source it came from.
fn as_typed<'a>(src: &'a str, decoded: CowStr<'a>, range: &Range<usize>) -> CowStr<'a> {
    match src.get(range.clone()) {
        Some(raw)
            if raw.len() > 2 && raw.starts_with('&') && raw.ends_with(';') && raw != &*decoded =>
        {
            CowStr::Borrowed(raw)
        }
        _ => decoded,
    }
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    issues: Vec<Issue>,
    /// The inlines being collected (a paragraph or a list item).
    inlines: Vec<Inline>,
    in_link: Option<(String, Vec<Styled>)>,
    /// Inside `[§…]`: its label and where it stands; its text is the label, not kept.
    in_ref: Option<(String, Range<usize>)>,
    /// Every well-formed reference, with where it stands.
    refs: Vec<(SectionNumber, Range<usize>)>,
    bold: u32,
    italic: u32,
    list_depth: usize,
    items: Vec<ListItem>,
    /// Inside a construct whose text is dropped (an image's alt text, a code block).
    skip: u32,
}

impl Builder {
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            _ if self.skip > 0 => {}
            Event::Text(t) => self.text(&t),
            Event::SoftBreak | Event::HardBreak => self.text(" "),
            Event::Code(_) => self.issue("inline code", "write the words as plain text", range),
            Event::Html(_) | Event::InlineHtml(_) => self.issue(
                "raw HTML",
                "write plain text; Council documents take no HTML",
                range,
            ),
            Event::Rule => self.issue(
                "a horizontal rule",
                "remove it: the report's rules are drawn by the compiler",
                range,
            ),
            Event::FootnoteReference(_)
            | Event::TaskListMarker(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => self.issue("this markup", "write plain text", range),
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        if self.skip > 0 {
            // Inside a construct already reported: its parts are not reported again.
            self.skip += 1;
            return;
        }
        match tag {
            Tag::Paragraph => {}
            Tag::Emphasis => self.italic += 1,
            Tag::Strong => self.bold += 1,
            Tag::Link {
                link_type: LinkType::ShortcutUnknown,
                dest_url,
                ..
            } if dest_url.starts_with(REF_SIGN) => {
                self.in_ref = Some((dest_url.to_string(), range));
            }
            Tag::Link { dest_url, .. } => {
                let url = dest_url.to_string();
                if let Some(c) = url.chars().find(|&c| crate::chars::is_forbidden_char(c)) {
                    self.issues.push(Issue {
                        kind: IssueKind::ControlInLink(c),
                        range: range.clone(),
                    });
                } else if !link_is_allowed(&url) {
                    self.issues.push(Issue {
                        kind: IssueKind::BadLink(url.clone()),
                        range,
                    });
                }
                self.in_link = Some((url, Vec::new()));
            }
            Tag::List(Some(_)) => self.issue(
                "a numbered list",
                "use `- ` bullets, or reword so that no line starts with a number and a dot",
                range,
            ),
            Tag::List(None) => {
                if self.list_depth == 0 {
                    self.flush_paragraph();
                } else {
                    self.flush_item();
                }
                self.list_depth += 1;
                if self.list_depth > MAX_LIST_LEVELS {
                    self.issue(
                        "a list nested more than two levels deep",
                        "Council documents have two list levels (enumlev1, enumlev2)",
                        range,
                    );
                }
            }
            Tag::Item => self.flush_item(),
            Tag::Heading { .. } => self.issue(
                "a heading",
                "headings are entries of their own: give the entry a `title`, or write a new entry",
                range,
            ),
            Tag::BlockQuote(_) => self.issue("a block quote", "remove the leading `>`", range),
            Tag::CodeBlock(_) => {
                self.skip += 1;
                self.issue(
                    "a code block",
                    "remove the indentation (four spaces or more start a code block)",
                    range,
                )
            }
            Tag::Image { .. } => {
                self.skip += 1;
                self.issue("an image", "images are not supported in entry texts", range)
            }
            Tag::Table(_) => {
                self.skip += 1;
                self.issue("a table", "tables are not supported in entry texts", range)
            }
            Tag::Strikethrough => self.issue("strikethrough", "remove the `~~`", range),
            Tag::HtmlBlock => {
                self.skip += 1;
                self.issue(
                    "raw HTML",
                    "write plain text; Council documents take no HTML",
                    range,
                )
            }
            _ => self.issue("this markup", "write plain text", range),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        match tag {
            TagEnd::Paragraph if self.list_depth == 0 => self.flush_paragraph(),
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Link if self.in_ref.is_some() => {
                if let Some((label, range)) = self.in_ref.take() {
                    self.reference(&label, range);
                }
            }
            TagEnd::Link => {
                if let Some((url, parts)) = self.in_link.take() {
                    self.inlines.push(Inline::Link { url, parts });
                }
            }
            TagEnd::Item => self.flush_item(),
            TagEnd::List(false) => {
                self.flush_item();
                self.list_depth = self.list_depth.saturating_sub(1);
                if self.list_depth == 0 && !self.items.is_empty() {
                    let items = std::mem::take(&mut self.items);
                    self.blocks.push(Block::List { items });
                }
            }
            _ => {}
        }
    }

    /// A reference closes: a [`Inline::Ref`] in the text, or an issue.
    fn reference(&mut self, label: &str, range: Range<usize>) {
        let Some(number) = ref_number(label) else {
            self.issues.push(Issue {
                kind: IssueKind::BadReference(label.to_owned()),
                range,
            });
            return;
        };
        let (bold, italic) = (self.bold > 0, self.italic > 0);
        let r = Inline::Ref {
            number,
            bold,
            italic,
        };
        match &mut self.in_link {
            // CommonMark puts no link inside a link; this is the text of a link that did
            // not form (`[a [§4.5]](…)` is text around a reference), kept as text.
            Some((_, parts)) => push_styled(
                parts,
                Styled {
                    text: number.to_string(),
                    bold,
                    italic,
                },
            ),
            None => self.inlines.push(r),
        }
        self.refs.push((number, range));
    }

    fn text(&mut self, t: &str) {
        if self.in_ref.is_some() {
            return;
        }
        let styled = Styled {
            text: t.to_owned(),
            bold: self.bold > 0,
            italic: self.italic > 0,
        };
        match &mut self.in_link {
            Some((_, parts)) => push_styled(parts, styled),
            None => match self.inlines.last_mut() {
                Some(Inline::Text(last)) if same_style(last, &styled) => {
                    last.text.push_str(&styled.text)
                }
                _ => self.inlines.push(Inline::Text(styled)),
            },
        }
    }

    fn issue(&mut self, what: &'static str, hint: &'static str, range: Range<usize>) {
        self.issues.push(Issue {
            kind: IssueKind::Unsupported(what, hint),
            range,
        });
    }

    fn flush_paragraph(&mut self) {
        let inlines = trim(std::mem::take(&mut self.inlines));
        if !inlines.is_empty() {
            self.blocks.push(Block::Paragraph { inlines });
        }
    }

    /// Closes the list item being collected. A nested list starts inside its parent item,
    /// so the parent's text is flushed first and keeps its place before its children.
    fn flush_item(&mut self) {
        let inlines = trim(std::mem::take(&mut self.inlines));
        if !inlines.is_empty() {
            let level = self.list_depth.saturating_sub(1).min(MAX_LIST_LEVELS - 1) as u8;
            self.items.push(ListItem { level, inlines });
        }
    }

    fn finish(mut self) -> (Markup, Vec<Issue>) {
        self.flush_paragraph();
        (
            Markup {
                blocks: self.blocks,
                untranslated: Vec::new(),
                source: String::new(),
            },
            self.issues,
        )
    }
}

fn same_style(a: &Styled, b: &Styled) -> bool {
    a.bold == b.bold && a.italic == b.italic
}

fn push_styled(parts: &mut Vec<Styled>, s: Styled) {
    match parts.last_mut() {
        Some(last) if same_style(last, &s) => last.text.push_str(&s.text),
        _ => parts.push(s),
    }
}

/// Drops spaces at the start and end of a paragraph (left by line breaks in the source).
fn trim(mut inlines: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text(first)) = inlines.first_mut() {
        first.text = first.text.trim_start().to_owned();
    }
    if let Some(Inline::Text(last)) = inlines.last_mut() {
        last.text = last.text.trim_end().to_owned();
    }
    inlines.retain(|i| !matches!(i, Inline::Text(s) if s.text.is_empty()));
    inlines
}

/// The byte ranges of `text` that are addresses or code, not prose: code spans, the
/// address of each inline link or image (`[words](address)`), autolinks
/// (`<https://…>`) and bare web addresses (`https://…`, `www.…`, `mailto:…`). The
/// typography rules leave them alone: a straight quote in an address is part of it.
pub fn literal_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // The link or image being read: where it starts, and where its last inner event ends
    // (its words); its address follows the `](` after them.
    let mut open: Vec<(LinkType, usize)> = Vec::new();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { link_type, .. } | Tag::Image { link_type, .. }) => {
                if matches!(link_type, LinkType::Autolink | LinkType::Email) {
                    out.push(range.clone());
                }
                open.push((link_type, range.start + 1));
                continue;
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if let Some((LinkType::Inline, words_end)) = open.pop()
                    && let Some(at) = text.get(words_end..range.end).and_then(|s| s.find("]("))
                    && text[..range.end].ends_with(')')
                {
                    out.push(words_end + at + 2..range.end - 1);
                }
            }
            Event::Code(_) => out.push(range.clone()),
            _ => {}
        }
        if let Some((_, end)) = open.last_mut() {
            *end = (*end).max(range.end);
        }
    }
    bare_addresses(text, &mut out);
    out.sort_by_key(|r| r.start);
    out
}

/// Adds to `found` the bare web addresses of `text` outside the ranges it holds. An
/// address ends at a space, `<`, `>` or `"`; a full stop, comma or closing bracket after
/// it ends the sentence, not the address.
fn bare_addresses(text: &str, found: &mut Vec<Range<usize>>) {
    const STARTS: [&str; 4] = ["https://", "http://", "www.", "mailto:"];
    let known = found.len();
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(at) = memchr::memchr3(b'h', b'w', b'm', &b[i..]).map(|a| i + a) {
        i = at + 1;
        if (at > 0 && b[at - 1].is_ascii_alphanumeric())
            || !STARTS.iter().any(|p| text[at..].starts_with(p))
            || found[..known].iter().any(|r| r.contains(&at))
        {
            continue;
        }
        let len = text[at..]
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"'))
            .unwrap_or(text.len() - at);
        let address = text[at..at + len].trim_end_matches(['.', ',', ';', ':', ')', '\'']);
        found.push(at..at + address.len());
        i = at + address.len().max(1);
    }
}

/// Links may go to web pages and mail addresses only: anything else (`file:`,
/// `javascript:`, a relative path) would be broken or unsafe in the deliverable.
pub fn link_is_allowed(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    ["http://", "https://"]
        .iter()
        .any(|p| lower.starts_with(p) && lower.len() > p.len())
        || (lower.starts_with("mailto:") && lower.len() > "mailto:".len())
}

impl Inline {
    /// The text a reader sees, without the URL.
    pub fn plain(&self) -> String {
        match self {
            Inline::Text(s) => s.text.clone(),
            Inline::Link { parts, .. } => parts.iter().map(|p| p.text.as_str()).collect(),
            Inline::Ref { number, .. } => number.to_string(),
        }
    }
}

/// The visible text of a run of inlines.
pub fn plain(inlines: &[Inline]) -> String {
    inlines.iter().map(Inline::plain).collect()
}

impl Markup {
    /// `text` as one paragraph of plain text, unparsed: what a placeholder prints as.
    pub fn plain_text(text: &str) -> Self {
        Markup {
            untranslated: Vec::new(),
            source: text.to_owned(),
            blocks: vec![Block::Paragraph {
                inlines: vec![Inline::Text(Styled {
                    text: text.to_owned(),
                    bold: false,
                    italic: false,
                })],
            }],
        }
    }

    /// Every paragraph and list item as plain text, in order.
    pub fn plain_paragraphs(&self) -> Vec<String> {
        self.inline_runs().map(plain).collect()
    }

    /// Every run of inlines (paragraphs and list items), in order.
    pub fn inline_runs(&self) -> impl Iterator<Item = &[Inline]> {
        self.blocks
            .iter()
            .flat_map(|b| -> Box<dyn Iterator<Item = &[Inline]> + '_> {
                match b {
                    Block::Paragraph { inlines } => Box::new(std::iter::once(inlines.as_slice())),
                    Block::List { items } => Box::new(items.iter().map(|i| i.inlines.as_slice())),
                }
            })
    }

    /// Every run of inlines, mutable, in the order of [`Markup::inline_runs`]: what a
    /// translation replaces.
    pub fn inline_runs_mut(&mut self) -> Vec<&mut Vec<Inline>> {
        let mut out = Vec::new();
        for b in &mut self.blocks {
            match b {
                Block::Paragraph { inlines } => out.push(inlines),
                Block::List { items } => out.extend(items.iter_mut().map(|i| &mut i.inlines)),
            }
        }
        out
    }

    /// Whether the run at `index` (in the order of [`Markup::inline_runs`]) is still in
    /// English in a translated report.
    pub fn is_untranslated(&self, index: usize) -> bool {
        u32::try_from(index).is_ok_and(|i| self.untranslated.contains(&i))
    }

    /// Every link target, in order.
    pub fn links(&self) -> impl Iterator<Item = &str> {
        self.inline_runs().flatten().filter_map(|i| match i {
            Inline::Link { url, .. } => Some(url.as_str()),
            Inline::Text(_) | Inline::Ref { .. } => None,
        })
    }

    /// Every entry a cross-reference points at, in order.
    pub fn refs(&self) -> impl Iterator<Item = SectionNumber> + '_ {
        self.inline_runs().flatten().filter_map(|i| match i {
            Inline::Ref { number, .. } => Some(*number),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str, bold: bool, italic: bool) -> Inline {
        Inline::Text(Styled {
            text: text.into(),
            bold,
            italic,
        })
    }

    #[test]
    fn paragraphs_styles_links_lists() {
        let (m, issues) = parse(
            "First *one* and **two**\nwrapped.\n\nSee [the list](https://www.itu.int/x).\n\n- a\n- b\n  - c\n",
        );
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(
            m.blocks[0],
            Block::Paragraph {
                inlines: vec![
                    t("First ", false, false),
                    t("one", false, true),
                    t(" and ", false, false),
                    t("two", true, false),
                    t(" wrapped.", false, false),
                ]
            }
        );
        assert_eq!(m.plain_paragraphs()[1], "See the list.");
        assert_eq!(m.links().collect::<Vec<_>>(), ["https://www.itu.int/x"]);
        let Block::List { items } = &m.blocks[2] else {
            panic!("{:?}", m.blocks[2])
        };
        let levels: Vec<(u8, String)> =
            items.iter().map(|i| (i.level, plain(&i.inlines))).collect();
        assert_eq!(levels, [(0, "a".into()), (0, "b".into()), (1, "c".into())]);
    }

    #[test]
    fn reports_what_cannot_be_rendered() {
        let text = "# Title\n\n![x](a.png)\n\nan <b>x</b>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n    code\n\n1. one\n\n[f](file:///etc/passwd)\n";
        let (_, issues) = parse(text);
        let kinds: Vec<String> = issues
            .iter()
            .map(|i| match &i.kind {
                IssueKind::Unsupported(what, _) => what.to_string(),
                IssueKind::BadLink(url) => format!("link {url}"),
                IssueKind::ControlInLink(c) => format!("control {c:?}"),
                IssueKind::BadReference(l) => format!("reference {l}"),
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "a heading",
                "an image",
                "raw HTML",
                "raw HTML",
                "a table",
                "a code block",
                "a numbered list",
                "link file:///etc/passwd"
            ]
        );
        assert_eq!(&text[issues[0].range.clone()], "# Title");
    }

    #[test]
    fn character_references_are_text_as_typed() {
        let (m, issues) = parse("VT[&#11;] a&amp;b &lt;x **&copy;** \\&amp; [a&#8;b](https://x)");
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(
            m.plain_paragraphs(),
            // `\\&` is CommonMark's escaped `&`: one way to write a reference literally.
            ["VT[&#11;] a&amp;b &lt;x &copy; &amp; a&#8;b"]
        );
        // In a link target CommonMark decodes them; a control character there is refused.
        let (_, issues) = parse("[a](http://a&#x0B;b) [c](https://x/?a=1&amp;b=2)");
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert_eq!(issues[0].kind, IssueKind::ControlInLink('\u{0B}'));
        assert_eq!(issues[0].range, 0..20);
    }

    #[test]
    fn references_are_typed_and_located() {
        let text =
            "See section [§2.9] and **[§ 2.9.1]**, not \\[§3] nor [§3](https://x.int) nor [x].";
        let (m, issues, refs) = parse_with_refs(text);
        assert!(issues.is_empty(), "{issues:?}");
        use crate::number::n;
        assert_eq!(m.refs().collect::<Vec<_>>(), [n("2.9"), n("2.9.1")]);
        assert_eq!(
            m.plain_paragraphs(),
            ["See section 2.9 and 2.9.1, not [§3] nor §3 nor [x]."]
        );
        let Block::Paragraph { inlines } = &m.blocks[0] else {
            panic!("{:?}", m.blocks)
        };
        assert!(inlines.contains(&Inline::Ref {
            number: n("2.9.1"),
            bold: true,
            italic: false
        }));
        let written: Vec<(&str, &str)> = refs
            .iter()
            .map(|r| (&text[r.range.clone()], &text[r.number_range.clone()]))
            .collect();
        assert_eq!(written, [("[§2.9]", "2.9"), ("[§ 2.9.1]", "2.9.1")]);
        let (_, issues) = parse("A [§4.x] and [§] and [§2.09] here.");
        let bad: Vec<&IssueKind> = issues.iter().map(|i| &i.kind).collect();
        assert_eq!(
            bad,
            [
                &IssueKind::BadReference("§4.x".into()),
                &IssueKind::BadReference("§".into()),
                &IssueKind::BadReference("§2.09".into())
            ]
        );
    }

    #[test]
    fn allowed_links() {
        assert!(link_is_allowed("https://www.itu.int"));
        assert!(link_is_allowed("HTTP://x"));
        assert!(link_is_allowed("mailto:a@b.c"));
        assert!(!link_is_allowed("https://"));
        assert!(!link_is_allowed("ftp://x"));
        assert!(!link_is_allowed("../x.html"));
        assert!(!link_is_allowed("javascript:alert(1)"));
    }
}
