//! Entry text (the [`crate::markup`] model) as HTML: paragraphs, `ul`/`li` lists nested
//! as the two list levels are, `b`, `i`, links, and each tab as a `span.tab` (a real tab
//! character, laid out by CSS `tab-size` like Word's default tab stops).

use std::borrow::Cow;
use std::fmt::Write;

use crate::markup::{Block, Inline, ListItem, Markup, Styled};
use crate::model::Filled;
use crate::render::conventions::bullet;

/// Text escaped for HTML content and double-quoted attributes.
pub(super) fn esc(s: &str) -> Cow<'_, str> {
    quick_xml::escape::escape(s)
}

/// Text as it is typed, escaped.
pub(super) fn plain(out: &mut String, text: &str) {
    out.push_str(&esc(text));
}

/// A required value: its text, or its placeholder highlighted (as the DOCX highlights it).
pub(super) fn filled<T: std::fmt::Display>(value: &Filled<T>) -> String {
    match value {
        Filled::Value(v) => esc(&v.to_string()).into_owned(),
        Filled::Placeholder(p) => format!("<mark class=\"todo\">{}</mark>", esc(p)),
    }
}

/// A required text (Summary, References): its paragraphs, or its placeholder as one
/// highlighted paragraph.
pub(super) fn filled_markup(out: &mut String, value: &Filled<Markup>, class: &str) {
    match value {
        Filled::Value(m) => markup(out, m, None, class),
        Filled::Placeholder(p) => {
            let _ = writeln!(
                out,
                "<p class=\"blk {class}\"><mark class=\"todo\">{}</mark></p>",
                esc(p)
            );
        }
    }
}

/// The paragraphs and lists of a text. `prefix` (an entry's number and tab) opens the
/// first paragraph; before a list it stands in a paragraph of its own, as in the DOCX.
pub(super) fn markup(out: &mut String, m: &Markup, mut prefix: Option<&str>, class: &str) {
    let mut run = 0;
    for block in &m.blocks {
        match block {
            Block::Paragraph { inlines: content } => {
                let _ = write!(out, "<p class=\"blk{}{class}\">", space(class));
                if let Some(p) = prefix.take() {
                    out.push_str(p);
                }
                highlighted(out, m.is_untranslated(run), |out| inlines(out, content));
                run += 1;
                out.push_str("</p>\n");
            }
            Block::List { items } => {
                if let Some(p) = prefix.take() {
                    let _ = writeln!(out, "<p class=\"blk\">{p}</p>");
                }
                list(out, items, |i| m.is_untranslated(run + i));
                run += items.len();
            }
        }
    }
    if let Some(p) = prefix {
        let _ = writeln!(out, "<p class=\"blk\">{p}</p>");
    }
}

fn space(class: &str) -> &'static str {
    if class.is_empty() { "" } else { " " }
}

/// What `write` writes, inside a `mark` while it is the English of a missing translation
/// (highlighted as the DOCX highlights it).
pub(super) fn highlighted(out: &mut String, untranslated: bool, write: impl FnOnce(&mut String)) {
    if untranslated {
        out.push_str("<mark class=\"todo\">");
        write(out);
        out.push_str("</mark>");
    } else {
        write(out);
    }
}

/// Flat list items (level 0 or 1) as nested lists: a level-1 item goes in a list inside
/// the level-0 item before it (or, with none before it, inside an item without a bullet);
/// `untranslated(i)` says whether item `i` is still in English.
fn list(out: &mut String, items: &[ListItem], untranslated: impl Fn(usize) -> bool) {
    let mut depth = 0;
    for (index, item) in items.iter().enumerate() {
        let want = usize::from(item.level.min(1)) + 1;
        if depth >= want {
            while depth > want {
                out.push_str("</li></ul>");
                depth -= 1;
            }
            out.push_str("</li>\n");
        } else {
            while depth < want {
                depth += 1;
                let _ = write!(out, "<ul class=\"l{depth}\">");
                if depth < want {
                    out.push_str("<li class=\"bare\">");
                }
            }
        }
        let _ = write!(
            out,
            "<li class=\"blk\"><span class=\"bullet\" aria-hidden=\"true\">{}</span>\t",
            bullet(item.level)
        );
        highlighted(out, untranslated(index), |out| inlines(out, &item.inlines));
    }
    while depth > 0 {
        out.push_str("</li></ul>");
        depth -= 1;
    }
    out.push('\n');
}

/// Runs of text and links.
pub(super) fn inlines(out: &mut String, content: &[Inline]) {
    for inline in content {
        match inline {
            Inline::Text(s) => styled(out, s),
            Inline::Link { url, parts } => {
                let _ = write!(out, "<a href=\"{}\">", esc(url));
                for part in parts {
                    styled(out, part);
                }
                out.push_str("</a>");
            }
            Inline::Ref {
                number,
                bold,
                italic,
            } => {
                // An in-page link to the entry's element (`id="e2.9"`, see `mod.rs`).
                let _ = write!(out, "<a href=\"#e{number}\">");
                styled(
                    out,
                    &Styled {
                        text: number.to_string(),
                        bold: *bold,
                        italic: *italic,
                    },
                );
                out.push_str("</a>");
            }
        }
    }
}

fn styled(out: &mut String, s: &Styled) {
    let (open, close) = match (s.bold, s.italic) {
        (true, true) => ("<b><i>", "</i></b>"),
        (true, false) => ("<b>", "</b>"),
        (false, true) => ("<i>", "</i>"),
        (false, false) => ("", ""),
    };
    out.push_str(open);
    plain(out, &s.text);
    out.push_str(close);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(text: &str) -> String {
        let (m, issues) = crate::markup::parse(text);
        assert!(issues.is_empty(), "{issues:?}");
        let mut out = String::new();
        markup(&mut out, &m, Some("<span class=\"num\">2.9</span>"), "");
        out
    }

    #[test]
    fn nested_lists_close_in_order() {
        let out = html("Intro:\n\n- a\n  - b\n- c");
        assert_eq!(
            out,
            concat!(
                "<p class=\"blk\"><span class=\"num\">2.9</span>Intro:</p>\n",
                "<ul class=\"l1\"><li class=\"blk\"><span class=\"bullet\" aria-hidden=\"true\">\u{2013}</span>\ta",
                "<ul class=\"l2\"><li class=\"blk\"><span class=\"bullet\" aria-hidden=\"true\">\u{2022}</span>\tb</li></ul></li>\n",
                "<li class=\"blk\"><span class=\"bullet\" aria-hidden=\"true\">\u{2013}</span>\tc</li></ul>\n"
            )
        );
    }

    #[test]
    fn a_list_first_gets_the_number_in_a_paragraph_of_its_own() {
        let out = html("- only");
        assert!(
            out.starts_with("<p class=\"blk\"><span class=\"num\">2.9</span></p>\n<ul"),
            "{out}"
        );
    }

    #[test]
    fn a_nested_item_without_a_parent_still_nests_validly() {
        let mut out = String::new();
        list(
            &mut out,
            &[ListItem {
                level: 1,
                inlines: Vec::new(),
            }],
            |_| false,
        );
        assert!(
            out.starts_with("<ul class=\"l1\"><li class=\"bare\"><ul class=\"l2\"><li"),
            "{out}"
        );
        assert!(out.ends_with("</li></ul></li></ul>\n"), "{out}");
    }

    #[test]
    fn specials_are_escaped_and_styles_nest() {
        let out = html("***a*** <&> [x](https://e.org/?a=1&b=\"2\")");
        assert!(out.contains("<b><i>a</i></b>"), "{out}");
        assert!(out.contains(" &lt;&amp;&gt; "), "{out}");
        assert!(
            out.contains("<a href=\"https://e.org/?a=1&amp;b=&quot;2&quot;\">x</a>"),
            "{out}"
        );
    }
}
