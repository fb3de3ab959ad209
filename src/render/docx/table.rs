//! Tables (the header block and the Summary box): fixed layout, widths in twips, one
//! paragraph or more per cell. Written in schema order (CT_Tbl, CT_TblPr, CT_Tc).

use super::paragraph::Paragraph;
use super::story::{Ids, Story};

/// One `w:tbl`.
#[derive(Debug, Clone)]
pub(crate) struct Table<'a> {
    /// The grid: each column's width.
    pub columns: Vec<u32>,
    /// A single black line around the table (the Summary box); none otherwise.
    pub boxed: bool,
    /// Cell margins: top, left, bottom, right.
    pub margins: [u32; 4],
    /// Columns laid out from the right (`w:bidiVisual`): a right-to-left document.
    pub bidi_visual: bool,
    pub rows: Vec<Vec<Cell<'a>>>,
}

/// One `w:tc`, as wide as its column: its paragraphs (at least one: a cell without a
/// paragraph is not valid).
#[derive(Debug, Clone)]
pub(crate) struct Cell<'a>(pub Vec<Paragraph<'a>>);

impl<'a> Table<'a> {
    pub(crate) fn ids(&self) -> Ids {
        self.rows
            .iter()
            .flatten()
            .flat_map(|c| &c.0)
            .map(Paragraph::ids)
            .fold(Ids::default(), |a, b| a + b)
    }

    pub(crate) fn write(&self, story: &mut Story) {
        let width: u32 = self.columns.iter().sum();
        let x = &mut story.xml;
        x.open("w:tbl", &[]);
        // CT_TblPr: bidiVisual, tblW, …, tblBorders, …, tblLayout, tblCellMar.
        x.element("w:tblPr", &[], |x| {
            if self.bidi_visual {
                x.empty("w:bidiVisual", &[]);
            }
            x.empty("w:tblW", &[("w:w", &width.to_string()), ("w:type", "dxa")]);
            if self.boxed {
                x.element("w:tblBorders", &[], |x| {
                    for side in ["w:top", "w:left", "w:bottom", "w:right"] {
                        x.empty(
                            side,
                            &[
                                ("w:val", "single"),
                                ("w:sz", "4"),
                                ("w:space", "0"),
                                ("w:color", "000000"),
                            ],
                        );
                    }
                });
            }
            x.empty("w:tblLayout", &[("w:type", "fixed")]);
            x.element("w:tblCellMar", &[], |x| {
                for (side, w) in ["w:top", "w:left", "w:bottom", "w:right"]
                    .into_iter()
                    .zip(self.margins)
                {
                    x.empty(side, &[("w:w", &w.to_string()), ("w:type", "dxa")]);
                }
            });
        });
        x.element("w:tblGrid", &[], |x| {
            for w in &self.columns {
                x.empty("w:gridCol", &[("w:w", &w.to_string())]);
            }
        });
        for row in &self.rows {
            story.xml.open("w:tr", &[]);
            for (cell, width) in row.iter().zip(&self.columns) {
                story.xml.open("w:tc", &[]);
                story.xml.element("w:tcPr", &[], |x| {
                    x.empty("w:tcW", &[("w:w", &width.to_string()), ("w:type", "dxa")]);
                });
                for p in &cell.0 {
                    p.write(story);
                }
                story.xml.close("w:tc");
            }
            story.xml.close("w:tr");
        }
        story.xml.close("w:tbl");
    }
}
