//! The running header of pages 2 onward (`- PAGE -` and the document number, style
//! Header) and the first-page footer (`• URL •`, the URL a hyperlink, style Footer).
//! Page 1 gets an empty header of its own (`w:titlePg`).

use docx_rs::{Footer, Header, Hyperlink, HyperlinkData, PageNum, Paragraph, ParagraphChild, Run};

use super::styles;

/// The default header: `- 2 -` then `C18/33-E`, centred.
pub(crate) fn running_header(full_number: &str) -> Header {
    Header::new()
        .add_paragraph(
            Paragraph::new()
                .style(styles::HEADER)
                .add_run(Run::new().add_text("- "))
                .add_page_num(PageNum::new())
                .add_run(Run::new().add_text(" -")),
        )
        .add_paragraph(
            Paragraph::new()
                .style(styles::HEADER)
                .add_run(Run::new().add_text(full_number)),
        )
}

/// The first page's header: one empty paragraph.
pub(crate) fn first_header() -> Header {
    Header::new().add_paragraph(Paragraph::new().style(styles::HEADER))
}

/// The relationship id of the footer link. docx-rs neither numbers it deterministically
/// nor writes it into the footer's relationships: the package step does
/// ([`super::package`]), and renumbers it like every other link.
pub(crate) const FOOTER_LINK_RID: &str = "rIdFooterLink";

/// The first page's footer: `• http://www.itu.int/council •`.
pub(crate) fn first_footer(url: &str) -> Footer {
    Footer::new().add_paragraph(
        Paragraph::new()
            .style(styles::FOOTER)
            .add_run(Run::new().add_text("\u{2022} "))
            .add_hyperlink(Hyperlink {
                link: HyperlinkData::External {
                    rid: FOOTER_LINK_RID.into(),
                    path: url.into(),
                },
                history: None,
                children: vec![ParagraphChild::Run(Box::new(
                    Run::new().style(styles::HYPERLINK).add_text(url),
                ))],
            })
            .add_run(Run::new().add_text(" \u{2022}")),
    )
}
