//! The HTML preview: one self-contained page (CSS and a small script inline, nothing
//! fetched) that looks like the Council DOCX, for drafters who want to see the page as
//! they type (`watch --serve`) and reviewers without Word (`build --html`).
//!
//! What it mirrors from COUNCIL-FORMAT.md: an A4-wide sheet with the report's margins,
//! the font (Calibri, else its metric twin Carlito), 12 pt with single spacing and 6 pt
//! before paragraphs; the header block, the source line, the title in capitals, the
//! bordered Summary box; typed numbers followed by a real tab (CSS `tab-size` set to the
//! first tab stop, so `2.10.1` moves on to the next stop as in Word); hanging indents of
//! headings and the two list levels; the closing rule and the first-page footer link.
//!
//! What it approximates: page breaks. `paginate.js` measures the laid-out blocks and
//! pushes the first block that would cross the bottom margin to the next sheet, keeping a
//! heading with what follows, then draws the sheets and the running header (`- 2 -` and
//! the document number) at each break. Word also breaks inside a paragraph (widow and
//! orphan control) and this does not, so a page may end a few lines earlier than in Word.
//! Printing the page uses CSS paged media instead (`@page` with the running header in a
//! margin box).
//!
//! Markup for people and tools: `lang` (and `dir="rtl"` for Arabic) from the document's
//! language, the title as `h1`, the Summary labels and titled entries as headings one
//! level below, lists as `ul`/`li`. Every entry's paragraphs sit in one
//! `div.entry` that carries the entry's number and source file (`data-entry`,
//! `data-file`, and a `title` tooltip), so a reviewer can find the file to edit; the
//! first page carries report.toml's path the same way.
//!
//! An entry's HTML depends on that entry and the layout only ([`entry`]), so `watch`
//! keeps each entry's HTML and renders again only the entries that changed.

mod css;
mod text;

use std::fmt::Write;

use crate::locale::{Language, Locale};
use crate::model::{Entry, Filled, Layout, Meta, Report};
use crate::render::conventions::{CLOSING_RULE, SUMMARY_RULE, number_label};
use crate::render::memo::Memo;

use text::{esc, filled, filled_markup, markup};

/// The script that lays the page out in sheets (inline, so the file stays self-contained).
const PAGINATE_JS: &str = include_str!("paginate.js");

/// The whole page.
pub fn render(report: &Report) -> String {
    let fragments: Vec<String> =
        crate::parallel::map(&report.entries, |e| entry(e, &report.meta.layout));
    assemble(
        &report.meta,
        &report.locale,
        fragments.iter().map(String::as_str),
    )
}

/// [`render`], rendering again only the entries that changed since the last call with
/// the same `memo` (`watch`); the page is the same as [`render`]'s.
pub fn render_kept(report: &Report, memo: &mut Memo<String>) -> String {
    let layout = &report.meta.layout;
    let context = (layout, report.locale.language);
    let pieces = memo.render(&report.entries, context, |e| {
        Ok::<_, std::convert::Infallible>(entry(e, layout))
    });
    match pieces {
        Ok(pieces) => assemble(
            &report.meta,
            &report.locale,
            pieces.into_iter().map(String::as_str),
        ),
        Err(never) => match never {},
    }
}

/// The page around the entries' HTML (each from [`entry`], in report order).
pub fn assemble<'a>(
    meta: &Meta,
    locale: &Locale,
    entries: impl Iterator<Item = &'a str>,
) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let (lang, dir) = language(locale.language);
    let _ = write!(
        out,
        concat!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n",
            "<meta charset=\"utf-8\">\n",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
            "<meta name=\"generator\" content=\"council-report {version}\">\n",
            "<title>{number} – {title}</title>\n<style>\n{css}</style>\n</head>\n<body>\n"
        ),
        lang = lang,
        dir = dir,
        version = env!("CARGO_PKG_VERSION"),
        number = esc(&meta.full_number()),
        title = esc(&meta.printed_title()),
        css = css::stylesheet(meta),
    );
    let _ = writeln!(
        out,
        "<article class=\"paper\" data-running=\"{}\">",
        esc(&meta.full_number())
    );
    front(&mut out, meta, locale);
    out.push_str("<div class=\"body\">\n");
    for e in entries {
        out.push_str(e);
    }
    out.push_str("</div>\n");
    let _ = writeln!(out, "<p class=\"blk closing\">{CLOSING_RULE}</p>");
    if let Some(url) = &meta.layout.footer {
        let (before, after) = locale.footer_parts();
        let _ = writeln!(
            out,
            "<footer class=\"first-footer\"><p>{b}<a href=\"{u}\">{u}</a>{a}</p></footer>",
            b = esc(before),
            a = esc(after),
            u = esc(url)
        );
    }
    out.push_str("</article>\n<script>\n");
    out.push_str(PAGINATE_JS);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

/// The BCP 47 language and the direction of the page.
pub fn language(language: Language) -> (&'static str, &'static str) {
    (
        language.short_tag(),
        if language.is_rtl() { "rtl" } else { "ltr" },
    )
}

/// A plain report.toml value: its placeholder, or its English while its translation is
/// missing, highlighted.
fn value(meta: &Meta, key: &str, v: &Filled<String>) -> String {
    match v {
        Filled::Value(text) if meta.is_untranslated(key) => {
            format!("<mark class=\"todo\">{}</mark>", esc(text))
        }
        _ => filled(v),
    }
}

/// The first page above the body: header block, source, title, Summary box.
fn front(out: &mut String, meta: &Meta, locale: &Locale) {
    let _ = writeln!(
        out,
        "<div class=\"front\" data-file=\"{f}\" title=\"{f}\">",
        f = esc(&meta.file)
    );
    // The header block: cells placed by CSS grid areas, so empty cells need no element.
    out.push_str("<header class=\"blk masthead\">\n");
    let _ = writeln!(
        out,
        "<div class=\"mh-meeting\"><p class=\"meeting\">{}</p><p class=\"place\">{}</p></div>",
        value(meta, "meeting.name", &meta.meeting),
        value(meta, "meeting.place_and_dates", &meta.place_and_dates)
    );
    if let Some(logo) = &meta.layout.logo {
        let mime = match logo.format {
            crate::model::ImageFormat::Png => "image/png",
            crate::model::ImageFormat::Jpeg => "image/jpeg",
        };
        use base64::Engine as _;
        let _ = writeln!(
            out,
            "<div class=\"mh-logo\"><img class=\"logo\" alt=\"\" width=\"{}\" height=\"{}\" src=\"data:{mime};base64,{}\"></div>",
            logo.width_px,
            logo.height_px,
            base64::engine::general_purpose::STANDARD.encode(&logo.bytes)
        );
    }
    if let Some(item) = &meta.agenda_item {
        let _ = writeln!(
            out,
            "<div class=\"mh-agenda\"><p class=\"agenda\">{}</p></div>",
            esc(&locale.agenda_item(item))
        );
    }
    let document = locale.document(&meta.full_number());
    let document = if meta.number.is_placeholder() || meta.language.is_placeholder() {
        format!("<mark class=\"todo\">{}</mark>", esc(&document))
    } else {
        esc(&document).into_owned()
    };
    let _ = write!(
        out,
        concat!(
            "<div class=\"mh-doc\"><p class=\"docnum\">{}</p></div>\n",
            "<div class=\"mh-date\"><p>{}</p></div>\n",
            "<div class=\"mh-lang\"><p>{}</p></div>\n</header>\n"
        ),
        document,
        match &meta.date {
            Filled::Value(d) => esc(&locale.date(*d)).into_owned(),
            Filled::Placeholder(_) => filled(&meta.date),
        },
        value(meta, "document.language_line", &meta.language_line)
    );
    if let Some(source) = &meta.source {
        let _ = writeln!(
            out,
            "<p class=\"blk source\">{}</p>",
            value(meta, "document.source", &Filled::Value(source.clone()))
        );
    }
    let title = meta.printed_title();
    let title = if meta.title.is_placeholder() || meta.is_untranslated("document.title") {
        format!("<mark class=\"todo\">{}</mark>", esc(&title))
    } else {
        esc(&title).into_owned()
    };
    let _ = writeln!(out, "<h1 class=\"blk title\">{title}</h1>");

    let summary = &meta.summary;
    out.push_str("<section class=\"summary\" aria-labelledby=\"summary\">\n");
    let labels = &locale.labels;
    let _ = writeln!(
        out,
        "<h2 class=\"blk label keep\" id=\"summary\">{}</h2>",
        esc(&labels.summary)
    );
    filled_markup(out, &summary.text, "");
    if let Some(action) = &summary.action {
        let _ = writeln!(
            out,
            "<h2 class=\"blk label keep\">{}</h2>",
            esc(&labels.action_required)
        );
        markup(out, action, None, "");
    }
    let _ = writeln!(out, "<p class=\"blk rule\">{SUMMARY_RULE}</p>");
    let _ = writeln!(
        out,
        "<h2 class=\"blk label keep\">{}</h2>",
        esc(&labels.references)
    );
    let italic = if meta.layout.references_italic {
        "references"
    } else {
        ""
    };
    filled_markup(out, &summary.references, italic);
    out.push_str("</section>\n</div>\n");
}

/// One entry's HTML: a titled entry is a heading (`h2` for `2`, `h3` for `2.9` …) with its
/// text below, un-numbered; an untitled one is a paragraph opening with its number. The
/// number is followed by a real tab, as in the DOCX.
pub fn entry(e: &Entry, layout: &Layout) -> String {
    let mut out = String::with_capacity(256 + 2 * e.file.len());
    let number = e.number.to_string();
    let label = number_label(&e.number, layout.top_level_period);
    let _ = writeln!(
        out,
        "<div class=\"entry\" id=\"e{n}\" data-entry=\"{n}\" data-file=\"{f}\" title=\"{n} \u{2014} {f}\">",
        n = esc(&number),
        f = esc(&e.file)
    );
    let prefix = format!("<span class=\"num\">{}</span>\t", esc(&label));
    match &e.title {
        Some(title) => {
            let depth = e.number.depth();
            // h1 is the document's title; the Summary labels are h2, like level-1 entries.
            let h = (depth + 1).min(6);
            let _ = write!(
                out,
                "<h{h} class=\"blk heading d{} keep\">{prefix}",
                depth.min(3)
            );
            text::highlighted(&mut out, e.untranslated_title, |out| {
                text::plain(out, title)
            });
            let _ = writeln!(out, "</h{h}>");
            markup(&mut out, &e.text, None, "");
        }
        None => markup(&mut out, &e.text, Some(&prefix), ""),
    }
    out.push_str("</div>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_and_directions() {
        assert_eq!(language(Language::E), ("en-GB", "ltr"));
        assert_eq!(language(Language::A), ("ar", "rtl"));
        assert_eq!(language(Language::F), ("fr", "ltr"));
    }
}
