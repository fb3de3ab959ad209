//! What the renderers print the same way, so the DOCX, the HTML preview and the text
//! report agree paragraph for paragraph: the page size, the rules of underscores, the
//! bullets and how a section number is printed.

use crate::number::SectionNumber;

/// A4 in twips (1/20 pt): the page of every Council document.
pub const PAGE_WIDTH: u32 = 11907;
pub const PAGE_HEIGHT: u32 = 16840;

/// The right column of the first page's header block, in twips (6 cm); the left one
/// takes the rest of the text width (6237 twips with the default margins).
pub const MASTHEAD_RIGHT: u32 = 3402;

/// The short centred rule between Action required and References in the Summary box.
pub const SUMMARY_RULE: &str = "____________";

/// The centred line that ends every ITU document.
pub const CLOSING_RULE: &str = "__________________";

/// Bullets of the two list levels (enumlev1, enumlev2), each followed by a tab.
pub const BULLETS: [&str; 2] = ["\u{2013}", "\u{2022}"];

/// The bullet of a list level; deeper levels use the last one.
pub fn bullet(level: u8) -> &'static str {
    BULLETS[usize::from(level).min(BULLETS.len() - 1)]
}

/// `2.` for a level-1 number when the layout asks for the period (as the reference report
/// does), else `2`, `2.9`: deeper numbers never carry one.
pub fn number_label(number: &SectionNumber, top_level_period: bool) -> String {
    if number.depth() == 1 && top_level_period {
        format!("{number}.")
    } else {
        number.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_bullets() {
        use crate::number::n;
        assert_eq!(number_label(&n("2"), true), "2.");
        assert_eq!(number_label(&n("2"), false), "2");
        assert_eq!(number_label(&n("2.9"), true), "2.9");
        assert_eq!(number_label(&n("2.9.1"), true), "2.9.1");
        assert_eq!(bullet(0), "–");
        assert_eq!(bullet(1), "•");
        assert_eq!(bullet(7), "•");
    }
}
