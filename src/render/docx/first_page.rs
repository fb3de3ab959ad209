//! The first page above the body: the header block table (meeting, place and dates,
//! agenda item, document number, date, language line, optional logo), the source line,
//! the title in capitals and the bordered Summary box.

use docx_rs::{
    AlignmentType, BorderType, Paragraph, Pic, Run, Table, TableBorder, TableBorderPosition,
    TableBorders, TableCell, TableCellMargins, TableLayoutType, TableRow, WidthType,
};

use super::{inline, styles};
use crate::model::{Logo, Meta};
use crate::render::conventions::SUMMARY_RULE;

/// The right column of the header block.
const RIGHT: usize = crate::render::conventions::MASTHEAD_RIGHT as usize;
/// The logo's width: 1.8 cm in EMU (360 000 per cm).
const LOGO_WIDTH_EMU: u32 = 648_000;
/// The relationship id of the logo (fixed, so that output does not depend on
/// docx-rs's process-global picture counter).
pub(crate) const LOGO_RID: &str = "rIdLogo";

/// The header block table.
pub(crate) fn header_block(meta: &Meta, text_width: usize) -> Table {
    let right_width = RIGHT.min(text_width);
    let left_width = text_width.saturating_sub(right_width);
    let left = |paragraphs: Vec<Paragraph>| cell(paragraphs, left_width);
    let right = |paragraphs: Vec<Paragraph>| cell(paragraphs, right_width);
    let right_text = |run: Run, bold: bool| {
        tight(Paragraph::new())
            .align(AlignmentType::Right)
            .add_run(if bold { run.bold() } else { run })
    };

    let meeting =
        tight(Paragraph::new()).add_run(inline::filled_run(&meta.meeting).bold().size(28));
    let place = tight(Paragraph::new()).add_run(inline::filled_run(&meta.place_and_dates).bold());
    let document = format!("Document {}", meta.full_number());
    let document = if meta.number.is_placeholder() || meta.language.is_placeholder() {
        inline::placeholder_run(&document)
    } else {
        inline::text_run(&document)
    };
    let logo = match &meta.layout.logo {
        Some(logo) => tight(Paragraph::new())
            .align(AlignmentType::Right)
            .add_run(Run::new().add_image(pic(logo))),
        None => tight(Paragraph::new()),
    };
    let agenda = match &meta.agenda_item {
        Some(item) => tight(Paragraph::new())
            .add_run(inline::text_run(&format!("Agenda item: {item}")).bold()),
        None => tight(Paragraph::new()),
    };
    let rows = vec![
        TableRow::new(vec![left(vec![meeting, place]), right(vec![logo])]),
        TableRow::new(vec![
            left(vec![agenda]),
            right(vec![right_text(document, true)]),
        ]),
        TableRow::new(vec![
            left(vec![tight(Paragraph::new())]),
            right(vec![right_text(inline::filled_run(&meta.date), false)]),
        ]),
        TableRow::new(vec![
            left(vec![tight(Paragraph::new())]),
            right(vec![right_text(
                inline::filled_run(&meta.language_line),
                false,
            )]),
        ]),
    ];
    Table::without_borders(rows)
        .set_grid(vec![left_width, right_width])
        .width(text_width, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(
            TableCellMargins::new()
                .margin_left(57, WidthType::Dxa)
                .margin_right(57, WidthType::Dxa),
        )
}

fn cell(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    paragraphs.into_iter().fold(
        TableCell::new().width(width, WidthType::Dxa),
        TableCell::add_paragraph,
    )
}

/// A paragraph of the header block: Normal without the space before.
fn tight(p: Paragraph) -> Paragraph {
    p.style(styles::NORMAL)
        .line_spacing(docx_rs::LineSpacing::new().before(0))
}

fn pic(logo: &Logo) -> Pic {
    let (w, h) = (logo.width_px.max(1), logo.height_px.max(1));
    let height = (u64::from(LOGO_WIDTH_EMU) * u64::from(h) / u64::from(w)).min(u64::from(u32::MAX));
    Pic::new_with_dimensions(logo.bytes.clone(), w, h)
        .size(LOGO_WIDTH_EMU, height as u32)
        .id(LOGO_RID)
}

/// `Report by the Secretary-General` (style Source).
pub(crate) fn source(text: &str) -> Paragraph {
    Paragraph::new()
        .style(styles::SOURCE)
        .add_run(inline::text_run(text))
}

/// The title, in literal capitals (style Title 1).
pub(crate) fn title(meta: &Meta) -> Paragraph {
    let printed = meta.printed_title();
    let run = if meta.title.is_placeholder() {
        inline::placeholder_run(&printed)
    } else {
        inline::text_run(&printed)
    };
    Paragraph::new().style(styles::TITLE).add_run(run)
}

/// The Summary box: Summary, Action required, a short rule, References.
pub(crate) fn summary_box(meta: &Meta, text_width: usize) -> Table {
    let summary = &meta.summary;
    let label = |text: &str| {
        Paragraph::new()
            .style(styles::HEADING_B)
            .add_run(Run::new().add_text(text))
    };
    let mut paragraphs = vec![label("Summary")];
    paragraphs.extend(inline::filled_paragraphs(&summary.text, false));
    if let Some(action) = &summary.action {
        paragraphs.push(label("Action required"));
        paragraphs.extend(inline::paragraphs(action, None, false));
    }
    paragraphs.push(
        Paragraph::new()
            .style(styles::NORMAL)
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text(SUMMARY_RULE)),
    );
    paragraphs.push(label("References"));
    paragraphs.extend(inline::filled_paragraphs(
        &summary.references,
        meta.layout.references_italic,
    ));
    let border = |pos| {
        TableBorder::new(pos)
            .border_type(BorderType::Single)
            .size(4)
            .color("000000")
    };
    let borders = TableBorders::with_empty()
        .set(border(TableBorderPosition::Top))
        .set(border(TableBorderPosition::Left))
        .set(border(TableBorderPosition::Bottom))
        .set(border(TableBorderPosition::Right));
    Table::new(vec![TableRow::new(vec![cell(paragraphs, text_width)])])
        .set_grid(vec![text_width])
        .width(text_width, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .set_borders(borders)
        .margins(
            TableCellMargins::new()
                .margin_left(113, WidthType::Dxa)
                .margin_bottom(113, WidthType::Dxa)
                .margin_right(113, WidthType::Dxa),
        )
}
