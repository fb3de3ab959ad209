//! Entry text (the [`crate::markup`] model) as runs: bold and italic become run
//! properties, links real hyperlinks in the Hyperlink style, bullet items enumlev
//! paragraphs with a typed "–" or "•" and a tab (no Word numbering).

use std::borrow::Cow;

use super::paragraph::{Child, Paragraph, Run, Target};
use super::styles;
use crate::markup::{Block, Inline, Markup, Styled};
use crate::model::Filled;
use crate::number::SectionNumber;
use crate::render::conventions::bullet;

/// A placeholder's run, highlighted as a reviewer marks text still to be written, so a
/// draft cannot pass for the finished document.
pub(crate) fn placeholder_run<'a>(text: impl Into<Cow<'a, str>>) -> Run<'a> {
    Run::text(text).highlight("yellow")
}

/// A run of text that is highlighted while it is still the English of a missing
/// translation, as a placeholder is.
pub(crate) fn translated_run<'a>(text: impl Into<Cow<'a, str>>, untranslated: bool) -> Run<'a> {
    if untranslated {
        placeholder_run(text)
    } else {
        Run::text(text)
    }
}

/// The run of a required value: its text, or its placeholder highlighted.
pub(crate) fn filled_run<T: std::fmt::Display>(value: &Filled<T>) -> Run<'_> {
    match value {
        Filled::Value(v) => Run::text(v.to_string()),
        Filled::Placeholder(p) => placeholder_run(p.as_str()),
    }
}

/// The paragraphs of a required text (Summary, References); a placeholder is one
/// Normal paragraph, highlighted.
pub(crate) fn filled_paragraphs(value: &Filled<Markup>, italic: bool) -> Vec<Paragraph<'_>> {
    match value {
        Filled::Value(m) => paragraphs(m, None, italic),
        Filled::Placeholder(p) => {
            let run = placeholder_run(p.as_str());
            vec![Paragraph::styled(styles::NORMAL).run(if italic { run.italic() } else { run })]
        }
    }
}

fn styled_run(s: &Styled, italic: bool, untranslated: bool) -> Run<'_> {
    let mut run = translated_run(s.text.as_str(), untranslated);
    run.props.bold = s.bold;
    run.props.italic = s.italic || italic;
    run
}

/// Appends inlines to a paragraph; `italic` forces italics on every run (References);
/// `untranslated` highlights them (the English of a missing translation).
pub(crate) fn add_inlines<'a>(
    p: &mut Paragraph<'a>,
    inlines: &'a [Inline],
    italic: bool,
    untranslated: bool,
) {
    for inline in inlines {
        p.push(match inline {
            Inline::Text(s) => Child::Run(styled_run(s, italic, untranslated)),
            Inline::Link { url, parts } => Child::Link {
                target: Target::Url(Cow::Borrowed(url)),
                runs: parts
                    .iter()
                    .map(|part| styled_run(part, italic, untranslated).style(styles::HYPERLINK))
                    .collect(),
            },
            Inline::Ref {
                number,
                bold,
                italic: own_italic,
            } => {
                let mut run = translated_run(number.to_string(), untranslated);
                run.props.bold = *bold;
                run.props.italic = *own_italic || italic;
                Child::Link {
                    target: Target::Anchor(Cow::Owned(bookmark_name(number))),
                    runs: vec![run.style(styles::HYPERLINK)],
                }
            }
        });
    }
}

/// The name of the bookmark on entry `number`'s first paragraph, which cross-references
/// link to: `entry_2_9_1`. Word takes a bookmark name of at most 40 characters that starts
/// with a letter and holds letters, digits and `_` (a `.` or a space and it drops the
/// bookmark); a number too long for that (four parts of ten digits) is written in hex,
/// `e` then up to 35 characters, which no `entry_` name can be.
pub(crate) fn bookmark_name(number: &SectionNumber) -> String {
    numbered_name("entry", number)
}

/// In a revision, the bookmark on the issued place of an entry that was removed or moved
/// (`issued_2_4`, in hex `i…` when too long): what the issued text's cross-references to
/// it link to, so that rejecting every change leaves them links to the right place.
pub(crate) fn issued_bookmark_name(number: &SectionNumber) -> String {
    numbered_name("issued", number)
}

/// In a revision, the name pairing the two places of a moved entry (`move_2_3`, its
/// issued number; in hex `m…` when too long).
pub(crate) fn move_name(number: &SectionNumber) -> String {
    numbered_name("move", number)
}

/// `prefix_2_9_1`, or the prefix's first letter and the parts in hex when that is longer
/// than Word's 40 characters.
fn numbered_name(prefix: &str, number: &SectionNumber) -> String {
    let parts: Vec<String> = number.parts().iter().map(u32::to_string).collect();
    let name = format!("{prefix}_{}", parts.join("_"));
    if name.len() <= 40 {
        return name;
    }
    let hex: Vec<String> = number.parts().iter().map(|p| format!("{p:x}")).collect();
    format!("{}{}", &prefix[..1], hex.join("_"))
}

/// A list item: the bullet of its level, a tab, the text.
pub(crate) fn list_item(level: u8, inlines: &[Inline], untranslated: bool) -> Paragraph<'_> {
    let style = styles::ENUMLEV[usize::from(level).min(styles::ENUMLEV.len() - 1)];
    let mut p = Paragraph::styled(style).run(Run::text(format!("{}\t", bullet(level))));
    add_inlines(&mut p, inlines, false, untranslated);
    p
}

/// The paragraphs of a text. The first paragraph may take a prefix (`2.9<TAB>`): `first`
/// is the paragraph it starts in. Lists always stand on their own.
pub(crate) fn paragraphs<'a>(
    markup: &'a Markup,
    mut first: Option<Paragraph<'a>>,
    italic: bool,
) -> Vec<Paragraph<'a>> {
    let mut out = Vec::new();
    let mut run = 0;
    let mut next_untranslated = || {
        run += 1;
        markup.is_untranslated(run - 1)
    };
    for block in &markup.blocks {
        match block {
            Block::Paragraph { inlines } => {
                let mut p = first
                    .take()
                    .unwrap_or_else(|| Paragraph::styled(styles::NORMAL));
                add_inlines(&mut p, inlines, italic, next_untranslated());
                out.push(p);
            }
            Block::List { items } => {
                out.extend(first.take());
                for item in items {
                    out.push(list_item(item.level, &item.inlines, next_untranslated()));
                }
            }
        }
    }
    out.extend(first);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bookmark_names_are_what_word_keeps_and_unique() {
        use crate::number::n;
        assert_eq!(bookmark_name(&n("2.9.1")), "entry_2_9_1");
        assert_eq!(bookmark_name(&n("12")), "entry_12");
        let longest = n("4294967295.4294967295.4294967295.4294967295");
        let hex = bookmark_name(&longest);
        assert_eq!(hex, "effffffff_ffffffff_ffffffff_ffffffff");
        for name in [bookmark_name(&n("1")), hex] {
            assert!(name.len() <= 40, "{name}");
            assert!(name.starts_with(|c: char| c.is_ascii_alphabetic()));
            assert!(name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
        }
        // A number that only just fits stays decimal; one digit more goes to hex.
        assert_eq!(
            bookmark_name(&n("1234567890.1234567890.1234567890.1")).len(),
            40
        );
        assert_eq!(
            bookmark_name(&n("1234567890.1234567890.1234567890.12")),
            "e499602d2_499602d2_499602d2_c"
        );
    }
}
