//! The frame every overlay is drawn in: a centred box, cleared and framed (box drawing or
//! ASCII), titled in the interface's language and mirrored in an Arabic interface, and the
//! rows of a list inside it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use crate::layout::{LayoutOptions, VisualLine};
use crate::ui::list::{ListShape, ListView};
use crate::ui::look::Look;
use crate::ui::paint::{draw_line, put_str, ui_text};

/// Frames in plain ASCII.
const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

/// How overlays are drawn: the reader's look and how its text is laid out.
#[derive(Clone, Copy)]
pub struct Window<'a> {
    /// Colours, frames, the interface's language.
    pub look: &'a Look,
    /// How text is laid out.
    pub options: &'a LayoutOptions,
}

impl Window<'_> {
    /// A centred box of at most `width` × `height` cells, cleared and framed, with a title on
    /// its top edge (and a note on its bottom edge when `note` is not empty), both laid out
    /// in the interface's direction; returns the inside.
    pub fn popup(
        &self,
        buf: &mut Buffer,
        width: u16,
        height: u16,
        title: &str,
        note: &str,
    ) -> Rect {
        let screen = buf.area;
        let width = width.min(screen.width);
        let height = height.min(screen.height);
        let area = Rect {
            x: screen.x + (screen.width - width) / 2,
            y: screen.y + (screen.height - height) / 2,
            width,
            height,
        };
        Clear.render(area, buf);
        let look = self.look;
        let set = if look.glyphs.ascii { ASCII_BORDER } else { border::PLAIN };
        let block =
            Block::new().borders(Borders::ALL).border_set(set).border_style(look.palette.frame);
        let inner = block.inner(area);
        block.render(area, buf);
        let edge_width = area.width.saturating_sub(4);
        for (text, y) in [(title, area.y), (note, area.bottom().saturating_sub(1))] {
            if text.is_empty() || area.height < 2 {
                continue;
            }
            let mut line = ui_text(look.lang, self.options, text, edge_width);
            let x = if look.lang.is_rtl() {
                area.x + 2 + edge_width.saturating_sub(line.width)
            } else {
                area.x + 2
            };
            line.indent = 0;
            draw_line(buf, x, y, line.width, &line, |_| Style::new());
        }
        inner
    }

    /// The style of a list item, selected or not.
    pub fn item_style(&self, selected: bool) -> Style {
        if selected { self.look.palette.selected } else { Style::new() }
    }

    /// One row of a list: `lead` (a number or keys, in the interface's reading side) and a
    /// laid-out `line` in the rest of the row.
    pub fn list_row(
        &self,
        buf: &mut Buffer,
        row: Rect,
        (lead, lead_width): (&str, u16),
        line: &VisualLine,
        style: Style,
    ) {
        buf.set_style(row, style);
        let rest = row.width.saturating_sub(lead_width + 1);
        if self.look.lang.is_rtl() {
            let lead_x = row.right().saturating_sub(lead_width);
            let text_width = lead.chars().count() as u16;
            let x = lead_x + lead_width.saturating_sub(text_width);
            put_str(buf, x, row.y, lead, lead_width, style);
            draw_line(buf, row.x, row.y, rest, line, |_| style);
        } else {
            put_str(buf, row.x, row.y, lead, lead_width, style);
            draw_line(buf, row.x + lead_width + 1, row.y, rest, line, |_| style);
        }
    }
}

/// Row `y` of a window's inside `inner`, a cell in from each side.
pub fn list_line(inner: Rect, y: u16) -> Rect {
    Rect { x: inner.x + 1, y, width: inner.width.saturating_sub(2), height: 1 }
}

/// The items of a list `view` that show in a window of `shape` on `screen`, each with its
/// row in the window and whether it is the selected one.
pub fn shown_items(
    view: ListView,
    shape: ListShape,
    count: usize,
    screen: Rect,
) -> impl Iterator<Item = (u16, usize, bool)> {
    let window = view.window(count, shape.rows(count, screen.height));
    let first = window.start;
    window.map(move |i| ((i - first) as u16 * shape.item_height, i, i == view.selected()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::ui::config::Config;

    /// The title row of a 20 × 5 popup on a 40 × 10 screen, in `lang`.
    fn title_row(lang: Lang) -> (Rect, String) {
        let look = Look { lang, ..Look::new(&Config::default()) };
        let window = Window { look: &look, options: &LayoutOptions::default() };
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 10));
        let inner = window.popup(&mut buf, 20, 5, "ab", "");
        let row: String = (0..40).map(|x| buf[(x, inner.y - 1)].symbol().to_string()).collect();
        (inner, row)
    }

    #[test]
    fn a_popup_is_centred_framed_and_titled_on_its_reading_side() {
        let (inner, english) = title_row(Lang::En);
        assert_eq!(inner, Rect::new(11, 3, 18, 3), "centred, inside its frame");
        assert!(english.starts_with(&format!("{}┌─ab─", " ".repeat(10))), "{english}");
        let (_, arabic) = title_row(Lang::Ar);
        assert!(arabic.trim_end().ends_with("─ab─┐") && arabic.starts_with("          ┌──"));
    }
}
