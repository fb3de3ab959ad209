//! The running header of pages 2 onward (`- PAGE -` and the document number, style
//! Header) and the first-page footer (`• URL •`, the URL a hyperlink, style Footer).
//! Page 1 gets an empty header of its own (`w:titlePg`).

use std::borrow::Cow;

use super::block::Block;
use super::paragraph::{Child, Content, Paragraph, Run, Target};
use super::styles;
use crate::locale::Locale;

/// The default header: `- 2 -` then `C18/33-E`, centred by the style.
pub(crate) fn running_header(locale: &Locale, full_number: String) -> Vec<Block<'static>> {
    let page = Run {
        content: Content::PageNumber,
        ..Run::default()
    };
    let (before, after) = locale.page_parts();
    let mut line = Paragraph::styled(styles::HEADER);
    if !before.is_empty() {
        line = line.run(Run::text(before.to_owned()));
    }
    line = line.run(page);
    if !after.is_empty() {
        line = line.run(Run::text(after.to_owned()));
    }
    vec![
        line.into(),
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
pub(crate) fn first_footer<'a>(locale: &Locale, url: &'a str) -> Vec<Block<'a>> {
    let (before, after) = locale.footer_parts();
    let mut p = Paragraph::styled(styles::FOOTER);
    if !before.is_empty() {
        p = p.run(Run::text(before.to_owned()));
    }
    p.push(Child::Link {
        target: Target::Url(Cow::Borrowed(url)),
        runs: vec![Run::text(url).style(styles::HYPERLINK)],
    });
    if !after.is_empty() {
        p = p.run(Run::text(after.to_owned()));
    }
    vec![p.into()]
}
