//! Entry text (the [`crate::markup`] model) as runs: bold and italic become run
//! properties, links real hyperlinks in the Hyperlink style, bullet items enumlev
//! paragraphs with a typed "–" or "•" and a tab (no Word numbering).

use docx_rs::{Hyperlink, HyperlinkType, Paragraph, Run};

use super::styles;
use crate::markup::{Block, Inline, Markup, Styled};
use crate::model::Filled;
use crate::render::conventions::bullet;

/// A run of text as typed; tabs in the text become real tabs.
pub(crate) fn text_run(text: &str) -> Run {
    let mut run = Run::new();
    for (i, piece) in text.split('\t').enumerate() {
        if i > 0 {
            run = run.add_tab();
        }
        if !piece.is_empty() {
            run = run.add_text(piece);
        }
    }
    run
}

/// A placeholder's run, highlighted as a reviewer marks text still to be written, so a
/// draft cannot pass for the finished document.
pub(crate) fn placeholder_run(text: &str) -> Run {
    text_run(text).highlight("yellow")
}

/// The run of a required value: its text, or its placeholder highlighted.
pub(crate) fn filled_run<T: std::fmt::Display>(value: &Filled<T>) -> Run {
    match value {
        Filled::Value(v) => text_run(&v.to_string()),
        Filled::Placeholder(p) => placeholder_run(p),
    }
}

/// The paragraphs of a required text (Summary, References); a placeholder is one
/// Normal paragraph, highlighted.
pub(crate) fn filled_paragraphs(value: &Filled<Markup>, italic: bool) -> Vec<Paragraph> {
    match value {
        Filled::Value(m) => paragraphs(m, None, italic),
        Filled::Placeholder(p) => {
            let run = placeholder_run(p);
            vec![Paragraph::new().style(styles::NORMAL).add_run(if italic {
                run.italic()
            } else {
                run
            })]
        }
    }
}

fn styled_run(s: &Styled) -> Run {
    let mut run = text_run(&s.text);
    if s.bold {
        run = run.bold();
    }
    if s.italic {
        run = run.italic();
    }
    run
}

/// Appends inlines to a paragraph; `italic` forces italics on every run (References).
pub(crate) fn add_inlines(mut p: Paragraph, inlines: &[Inline], italic: bool) -> Paragraph {
    for inline in inlines {
        match inline {
            Inline::Text(s) => {
                let run = styled_run(s);
                p = p.add_run(if italic { run.italic() } else { run });
            }
            Inline::Link { url, parts } => {
                let mut link = Hyperlink::new(url.as_str(), HyperlinkType::External);
                for part in parts {
                    let run = styled_run(part).style(styles::HYPERLINK);
                    link = link.add_run(if italic { run.italic() } else { run });
                }
                p = p.add_hyperlink(link);
            }
        }
    }
    p
}

/// A list item: the bullet of its level, a tab, the text.
pub(crate) fn list_item(level: u8, inlines: &[Inline]) -> Paragraph {
    let p = Paragraph::new()
        .style(styles::ENUMLEV[usize::from(level).min(styles::ENUMLEV.len() - 1)])
        .add_run(Run::new().add_text(bullet(level)).add_tab());
    add_inlines(p, inlines, false)
}

/// The paragraphs of a text. The first paragraph may take a prefix (`2.9<TAB>`): `first`
/// builds the paragraph it starts in. Lists always stand on their own.
pub(crate) fn paragraphs(
    markup: &Markup,
    mut first: Option<Paragraph>,
    italic: bool,
) -> Vec<Paragraph> {
    let mut out = Vec::new();
    for block in &markup.blocks {
        match block {
            Block::Paragraph { inlines } => {
                let p = first
                    .take()
                    .unwrap_or_else(|| Paragraph::new().style(styles::NORMAL));
                out.push(add_inlines(p, inlines, italic));
            }
            Block::List { items } => {
                if let Some(p) = first.take() {
                    out.push(p);
                }
                out.extend(
                    items
                        .iter()
                        .map(|item| list_item(item.level, &item.inlines)),
                );
            }
        }
    }
    if let Some(p) = first {
        out.push(p);
    }
    out
}
