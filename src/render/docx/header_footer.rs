//! The running header of pages 2 onward (`- PAGE -` and the document number, style
//! Header) and the first-page footer (`• URL •`, the URL a hyperlink, style Footer).
//! Page 1 gets an empty header of its own (`w:titlePg`).

use std::borrow::Cow;

use super::paragraph::{Child, Content, Paragraph, Run, Target};
use super::story::Block;
use super::styles;

/// The default header: `- 2 -` then `C18/33-E`, centred by the style.
pub(crate) fn running_header(full_number: String) -> Vec<Block<'static>> {
    let page = Run {
        content: Content::PageNumber,
        ..Run::default()
    };
    vec![
        Paragraph::styled(styles::HEADER)
            .run(Run::text("- "))
            .run(page)
            .run(Run::text(" -"))
            .into(),
        Paragraph::styled(styles::HEADER)
            .run(Run::text(full_number))
            .into(),
    ]
}

/// The first page's header: one empty paragraph.
pub(crate) fn first_header() -> Vec<Block<'static>> {
    vec![Paragraph::styled(styles::HEADER).into()]
}

/// The first page's footer: `• http://www.itu.int/council •`.
pub(crate) fn first_footer(url: &str) -> Vec<Block<'_>> {
    let mut p = Paragraph::styled(styles::FOOTER).run(Run::text("\u{2022} "));
    p.push(Child::Link {
        target: Target::Url(Cow::Borrowed(url)),
        runs: vec![Run::text(url).style(styles::HYPERLINK)],
    });
    vec![p.run(Run::text(" \u{2022}")).into()]
}
