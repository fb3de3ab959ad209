//! The first page above the body: the header block table (meeting, place and dates,
//! agenda item, document number, date, language line, optional logo), the source line,
//! the title in capitals and the bordered Summary box.

use docx_rs::{BuildXML, Drawing, Pic};

use super::block::Block;
use super::paragraph::{Align, Content, Paragraph, Run};
use super::table::{Cell, Table};
use super::{inline, styles};
use crate::locale::Locale;
use crate::model::{Filled, Logo, Meta};
use crate::render::conventions::SUMMARY_RULE;

/// The right column of the header block (the left one takes the rest of the text width).
const RIGHT: u32 = crate::render::conventions::MASTHEAD_RIGHT;
/// The logo's width: 1.8 cm in EMU (360 000 per cm).
const LOGO_WIDTH_EMU: u32 = 648_000;
/// The relationship id of the logo, from the document part to the image part.
pub(crate) const LOGO_RID: &str = "rIdLogo";

/// Everything above the body, in order.
pub(crate) fn blocks<'a>(meta: &'a Meta, locale: &Locale, text_width: u32) -> Vec<Block<'a>> {
    let mut out = vec![Block::from(header_block(meta, locale, text_width))];
    if let Some(source) = &meta.source {
        out.push(
            Paragraph::styled(styles::SOURCE)
                .run(inline::translated_run(
                    source.as_str(),
                    meta.is_untranslated("document.source"),
                ))
                .into(),
        );
    }
    out.push(title(meta).into());
    out.push(summary_box(meta, locale, text_width).into());
    out
}

/// A required plain value of report.toml: its placeholder or its untranslated English
/// highlighted.
fn value_run<'a>(meta: &Meta, key: &str, value: &'a Filled<String>) -> Run<'a> {
    match value {
        Filled::Value(v) => inline::translated_run(v.as_str(), meta.is_untranslated(key)),
        Filled::Placeholder(_) => inline::filled_run(value),
    }
}

/// The header block table. In a right-to-left document the table's columns are
/// mirrored (`w:bidiVisual`) and "right" means the end of the line: the document
/// number, the date and the language line stand on the left.
fn header_block<'a>(meta: &'a Meta, locale: &Locale, text_width: u32) -> Table<'a> {
    let right_width = RIGHT.min(text_width);
    let left_width = text_width.saturating_sub(right_width);
    let right_text = |run: Run<'a>| tight().align(Align::Right).run(run);

    let meeting = tight().run(
        value_run(meta, "meeting.name", &meta.meeting)
            .bold()
            .size(28),
    );
    let place =
        tight().run(value_run(meta, "meeting.place_and_dates", &meta.place_and_dates).bold());
    let document = locale.document(&meta.full_number());
    let document = if meta.number.is_placeholder() || meta.language.is_placeholder() {
        inline::placeholder_run(document)
    } else {
        Run::text(document)
    };
    let logo = match &meta.layout.logo {
        Some(logo) => tight().align(Align::Right).run(Run {
            content: Content::Drawing(drawing(logo)),
            ..Run::default()
        }),
        None => tight(),
    };
    let agenda = match &meta.agenda_item {
        Some(item) => tight().run(Run::text(locale.agenda_item(item)).bold()),
        None => tight(),
    };
    let date = match &meta.date {
        Filled::Value(d) => Run::text(locale.date(*d)),
        Filled::Placeholder(_) => inline::filled_run(&meta.date),
    };
    let cell = |p: Paragraph<'a>| Cell(vec![p]);
    Table {
        columns: vec![left_width, right_width],
        boxed: false,
        margins: [0, 57, 0, 57],
        bidi_visual: false,
        rows: vec![
            vec![Cell(vec![meeting, place]), cell(logo)],
            vec![cell(agenda), cell(right_text(document.bold()))],
            vec![cell(tight()), cell(right_text(date))],
            vec![
                cell(tight()),
                cell(right_text(value_run(
                    meta,
                    "document.language_line",
                    &meta.language_line,
                ))),
            ],
        ],
    }
}

/// A paragraph of the header block: Normal without the space before.
fn tight<'a>() -> Paragraph<'a> {
    Paragraph::styled(styles::NORMAL).space_before(0)
}

/// The logo's `w:drawing`, 1.8 cm wide with the image's aspect ratio, as docx-rs writes it:
/// its DrawingML (inline picture, frame locks, blip, shape properties) is schema-valid and
/// deterministic once the relationship id is given, and holds only numbers and our ids.
fn drawing(logo: &Logo) -> String {
    let (w, h) = (logo.width_px.max(1), logo.height_px.max(1));
    let height = (u64::from(LOGO_WIDTH_EMU) * u64::from(h) / u64::from(w)).min(u64::from(u32::MAX));
    // The image bytes go into the package separately; docx-rs needs none for the XML.
    let pic = Pic::new_with_dimensions(Vec::new(), w, h)
        .size(LOGO_WIDTH_EMU, height as u32)
        .id(LOGO_RID);
    String::from_utf8_lossy(&Drawing::new().pic(pic).build()).into_owned()
}

/// The title, in literal capitals (style Title 1).
fn title(meta: &Meta) -> Paragraph<'static> {
    let printed = meta.printed_title();
    let run = if meta.title.is_placeholder() {
        inline::placeholder_run(printed)
    } else {
        inline::translated_run(printed, meta.is_untranslated("document.title"))
    };
    Paragraph::styled(styles::TITLE).run(run)
}

/// The Summary box: Summary, Action required, a short rule, References.
fn summary_box<'a>(meta: &'a Meta, locale: &Locale, text_width: u32) -> Table<'a> {
    let summary = &meta.summary;
    let label = |text: &str| Paragraph::styled(styles::HEADING_B).run(Run::text(text.to_owned()));
    let labels = &locale.labels;
    let mut paragraphs = vec![label(&labels.summary)];
    paragraphs.extend(inline::filled_paragraphs(&summary.text, false));
    if let Some(action) = &summary.action {
        paragraphs.push(label(&labels.action_required));
        paragraphs.extend(inline::paragraphs(action, None, false));
    }
    paragraphs.push(
        Paragraph::styled(styles::NORMAL)
            .align(Align::Center)
            .run(Run::text(SUMMARY_RULE)),
    );
    paragraphs.push(label(&labels.references));
    paragraphs.extend(inline::filled_paragraphs(
        &summary.references,
        meta.layout.references_italic,
    ));
    Table {
        columns: vec![text_width],
        boxed: true,
        margins: [0, 113, 113, 113],
        bidi_visual: false,
        rows: vec![vec![Cell(paragraphs)]],
    }
}
