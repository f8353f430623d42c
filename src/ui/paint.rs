//! Painting on the frame's buffer: interface text in the interface's direction, visual lines
//! and plain text put into cells, and the geometry of the panel's list and the article
//! counter. It knows nothing of the reader's state: what to paint is passed in.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::corpus::sanitise_line;
use crate::lang::Lang;
use crate::layout::{Glyph, LayoutOptions, VisualLine};
use crate::one_line::one_line;
use crate::text::Direction;

/// An interface text on one line of `width` cells, in the interface's direction (an Arabic
/// interface reads from the right even where a text starts with a Latin key name). What it
/// quotes (a file's name, a theme's label, typed text) is made safe by [`sanitise_line`].
pub fn ui_text(lang: Lang, options: &LayoutOptions, text: &str, width: u16) -> VisualLine {
    message_line(lang, options, &sanitise_line(text), width)
}

/// A message already made safe to show (a rendered message, its values isolated) on one line of
/// `width` cells, in the interface's direction; its isolates are kept, so that each value
/// in it reads in its own direction in its place.
pub fn message_line(lang: Lang, options: &LayoutOptions, text: &str, width: u16) -> VisualLine {
    let (mark, direction) =
        if lang.is_rtl() { ('\u{200F}', Direction::Rtl) } else { ('\u{200E}', Direction::Ltr) };
    one_line(&format!("{mark}{text}"), direction, width, options)
}

/// Write plain (left-to-right) text from (`x`, `y`), at most `width` cells, made safe to
/// show (a key's label may come from `config.toml`); nothing is written outside the buffer.
pub fn put_str(buf: &mut Buffer, x: u16, y: u16, text: &str, width: u16, style: Style) {
    let area = buf.area;
    if y < area.bottom() && x < area.right() {
        let text = sanitise_line(text);
        buf.set_stringn(x, y, text, usize::from(width.min(area.right() - x)), style);
    }
}

/// Put a visual line's glyphs in the cells of row `y` from column `x`, at most `width` cells,
/// each with the style `style_of` gives its glyph.
pub fn draw_line(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    width: u16,
    line: &VisualLine,
    style_of: impl Fn(&Glyph) -> Style,
) {
    let mut column = line.indent;
    for (text, glyph) in line.glyphs() {
        let w = u16::from(glyph.width);
        if column + w > width {
            break;
        }
        if let Some(cell) = buf.cell_mut((x + column, y)) {
            cell.set_symbol(text).set_style(style_of(glyph));
        }
        for covered in 1..w {
            if let Some(cell) = buf.cell_mut((x + column + covered, y)) {
                cell.reset();
            }
        }
        column += w;
    }
}

/// The part of the panel where its list goes: inside the separator and a gap (beside the
/// article, the separator on the article's side) or a margin (in its place).
pub fn panel_list(panel: Rect, beside: bool, mirrored: bool) -> Rect {
    match (beside, mirrored) {
        (true, false) => Rect { x: panel.x + 2, width: panel.width.saturating_sub(3), ..panel },
        (true, true) => Rect { x: panel.x + 1, width: panel.width.saturating_sub(3), ..panel },
        (false, _) => Rect { x: panel.x + 1, width: panel.width.saturating_sub(2), ..panel },
    }
}

/// The rows of the panel's list where its items go: below the tab bar and a blank row.
pub fn panel_items_area(list: Rect) -> Rect {
    Rect { y: list.y + 2, height: list.height.saturating_sub(2), ..list }
}

/// The width of the article counter in the top bar (" 2/5 ") for `count` articles.
pub fn counter_width(count: usize) -> u16 {
    (2 * count.to_string().len() + 3) as u16
}
