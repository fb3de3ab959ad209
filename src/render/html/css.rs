//! The preview's stylesheet: the report's own lengths (margins, tab stops, font) as CSS
//! custom properties and `@page` rules, then the fixed rules of `style.css`, which only
//! use logical properties (`inline-start`, `text-align: start`) so that a right-to-left
//! document lays itself out mirrored.

use std::fmt::Write;

use crate::model::Meta;
use crate::render::conventions::{MASTHEAD_RIGHT, PAGE_HEIGHT, PAGE_WIDTH};

const STYLE_CSS: &str = include_str!("style.css");

/// Twips as CSS points (20 twips to the point, so two decimals are exact), without
/// trailing zeros.
pub(super) fn pt(twips: u32) -> String {
    let hundredths = u64::from(twips) * 5;
    let (whole, frac) = (hundredths / 100, hundredths % 100);
    match frac {
        0 => format!("{whole}pt"),
        f if f % 10 == 0 => format!("{whole}.{}pt", f / 10),
        f => format!("{whole}.{f:02}pt"),
    }
}

/// A CSS string literal: quotes and backslashes escaped, `<` too so that no value can
/// close the `style` element.
fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("\\3c "),
            '\n' => out.push_str("\\A "),
            c if c.is_control() => {
                let _ = write!(out, "\\{:x} ", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The font stack: the report's font, then Carlito (metrically identical to Calibri, and
/// what LibreOffice uses for it on Linux), then common sans-serif faces.
fn font_stack(font: &str) -> String {
    let mut stack = css_string(font);
    if font.eq_ignore_ascii_case("calibri") {
        stack.push_str(", Carlito");
    }
    stack.push_str(", \"Liberation Sans\", Arial, sans-serif");
    stack
}

/// The whole stylesheet of a report.
pub(super) fn stylesheet(meta: &Meta) -> String {
    let layout = &meta.layout;
    let m = &layout.margins;
    let text_width = PAGE_WIDTH.saturating_sub(m.left + m.right);
    let right = MASTHEAD_RIGHT.min(text_width);
    let tab = layout.tab_stops.first().copied().unwrap_or(567);
    let font = font_stack(&layout.font);
    let [mt, mr, mb, ml] = [m.top, m.right, m.bottom, m.left].map(pt);
    let (width, height) = (pt(PAGE_WIDTH), pt(PAGE_HEIGHT));
    let header = pt(layout.header_distance);
    let mut css = String::with_capacity(STYLE_CSS.len() + 1024);
    let _ = writeln!(
        css,
        ":root {{ --font: {font}; --size: {}pt; --page-width: {width}; --page-height: {height}; \
         --mt: {mt}; --mr: {mr}; --mb: {mb}; --ml: {ml}; --header: {header}; --footer: {}; \
         --tab: {}; --mh-left: {}; --mh-right: {}; }}",
        layout.font_size_pt,
        pt(layout.footer_distance),
        pt(tab),
        pt(text_width - right),
        pt(right),
    );
    css.push_str(STYLE_CSS);
    // The footer's line (8 pt, single spacing: 1.2207 em) ends at the footer distance.
    let footer_top =
        (f64::from(PAGE_HEIGHT) - f64::from(layout.footer_distance)) / 20.0 - 8.0 * 1.2207;
    let _ = writeln!(css, ".first-footer {{ top: {footer_top:.2}pt; }}");
    // The source note beside the sheet, on the side where lines start, past the margin
    // (7.5 pt more: 10 px); in numbers, since validators do not read `calc(var(…))`.
    let beside = |margin: u32| f64::from(margin) / 20.0 + 7.5;
    let _ = writeln!(
        css,
        "@media screen {{ [dir=\"ltr\"] .entry:hover::before {{ right: 100%; margin-right: {:.2}pt; }} \
         [dir=\"rtl\"] .entry:hover::before {{ left: 100%; margin-left: {:.2}pt; }} }}",
        beside(m.left),
        beside(m.right),
    );
    // Printing: the browser paginates for real, and the running header goes in the top
    // margin box of every page but the first, which has the footer link instead.
    let _ = writeln!(
        css,
        "@page {{ size: {width} {height}; margin: {mt} {mr} {mb} {ml};\n  \
         @top-center {{ content: \"- \" counter(page) \" -\\A \" {}; white-space: pre; \
         font-family: {font}; font-size: 9pt; vertical-align: top; padding-top: {header}; }} }}\n\
         @page :first {{ @top-center {{ content: none; }} }}",
        css_string(&meta.full_number()),
    );
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_from_twips() {
        assert_eq!(pt(1134), "56.7pt");
        assert_eq!(pt(240), "12pt");
        assert_eq!(pt(11907), "595.35pt");
        assert_eq!(pt(567), "28.35pt");
        assert_eq!(pt(1), "0.05pt");
    }

    #[test]
    fn no_value_can_leave_the_style_element() {
        assert_eq!(css_string("a\"b\\c</style>"), "\"a\\\"b\\\\c\\3c /style>\"");
        assert_eq!(
            font_stack("Calibri"),
            "\"Calibri\", Carlito, \"Liberation Sans\", Arial, sans-serif"
        );
    }
}
