//! The frame every overlay is drawn in: a centred box, cleared and framed (box drawing or
//! ASCII), titled in the interface's language and mirrored in an Arabic interface, and the
//! rows of a list inside it: its filter line, what it says when the filter lets nothing
//! through, and on its frame how many items lie above and below the window.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::symbols::border;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use crate::lang::{fill, tr};
use crate::layout::{Glyph, LayoutOptions, VisualLine};
use crate::ui::list::{List, ListShape};
use crate::ui::list_filter::ListFilter;
use crate::ui::look::Look;
use crate::ui::paint::{draw_line, put_str, ui_text};
use crate::ui::prompt::LineLook;

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

/// What a window's frame says: a title and a note on its top and bottom edges, on the
/// interface's reading side, and on the far side of each a mark (that more lies above or
/// below).
#[derive(Clone, Copy, Debug, Default)]
pub struct Edges<'t> {
    /// On the top edge.
    pub title: &'t str,
    /// On the bottom edge.
    pub note: &'t str,
    /// At the far end of the top edge.
    pub above: &'t str,
    /// At the far end of the bottom edge.
    pub below: &'t str,
}

impl<'t> Edges<'t> {
    /// A frame with a title only.
    pub fn titled(title: &'t str) -> Edges<'t> {
        Edges { title, ..Edges::default() }
    }
}

/// How overlays are drawn: the reader's look and how its text is laid out.
#[derive(Clone, Copy)]
pub struct Window<'a> {
    /// Colours, frames, the interface's language.
    pub look: &'a Look,
    /// How text is laid out.
    pub options: &'a LayoutOptions,
}

impl Window<'_> {
    /// A centred box of at most `width` × `height` cells, cleared and framed, its `edges`
    /// written on its frame in the interface's direction; returns the inside.
    pub fn popup(&self, buf: &mut Buffer, width: u16, height: u16, edges: Edges) -> Rect {
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
        if area.height >= 2 {
            let bottom = area.bottom() - 1;
            self.edge(buf, area, area.y, edges.title, edges.above);
            self.edge(buf, area, bottom, edges.note, edges.below);
        }
        inner
    }

    /// Write `text` on the reading side of the edge at row `y` of the frame `area`, and
    /// `mark` on its far side, the text giving way to the mark.
    fn edge(&self, buf: &mut Buffer, area: Rect, y: u16, text: &str, mark: &str) {
        let (lang, options) = (self.look.lang, self.options);
        let edge_width = area.width.saturating_sub(4);
        let mark_width = if mark.is_empty() {
            0
        } else {
            let mut mark = ui_text(lang, options, &format!(" {mark} "), edge_width);
            mark.indent = 0;
            let x = if lang.is_rtl() {
                area.x + 2
            } else {
                area.x + 2 + edge_width.saturating_sub(mark.width)
            };
            draw_line(buf, x, y, mark.width, &mark, |_| Style::new());
            mark.width + 1
        };
        if text.is_empty() {
            return;
        }
        let mut line = ui_text(lang, options, text, edge_width.saturating_sub(mark_width));
        let x = if lang.is_rtl() {
            area.x + 2 + edge_width.saturating_sub(line.width)
        } else {
            area.x + 2
        };
        line.indent = 0;
        draw_line(buf, x, y, line.width, &line, |_| Style::new());
    }

    /// The window of `list`, a list of `count` items of `shape`, at most `width` cells wide
    /// and as tall as the whole list would be (so that it keeps its size as a filter
    /// narrows it), titled `title`: its frame marks how many of the rows shown lie above
    /// and below its window; its filter, when one is typed, is on the row above the items,
    /// and what it says when the filter lets nothing through on the first item's. Returns
    /// the inside.
    pub fn list_popup(
        &self,
        buf: &mut Buffer,
        (width, title): (u16, &str),
        shape: ListShape,
        list: &List,
        count: usize,
    ) -> Rect {
        let (lang, glyphs) = (self.look.lang, &self.look.glyphs);
        let shown = list.shown(count);
        let window = list.view().window(shown, shape.rows(count, buf.area.height));
        let mark = |template, glyph: &str, more: usize| {
            if more > 0 { fill(lang, template, &[&glyph, &more]) } else { String::new() }
        };
        let above = mark("{} {} above", glyphs.more_above, window.start);
        let below = mark("{} {} below", glyphs.more_below, shown - window.end);
        let edges = Edges { title, note: "", above: &above, below: &below };
        let inner = self.popup(buf, width, shape.height(count), edges);
        if let Some(filter) = list.filter().filter(|_| inner.height > 0) {
            self.filter_line(buf, list_line(inner, inner.y), filter, (shown, count));
            if shown == 0 && inner.height > 1 {
                let row = list_line(inner, inner.y + 1);
                let none = fill(lang, "Nothing here holds «{}»", &[&filter.text().trim()]);
                let none = ui_text(lang, self.options, &none, row.width);
                draw_line(buf, row.x, row.y, row.width, &none, |_| self.look.palette.quiet);
            }
        }
        inner
    }

    /// A list's filter line on `row`: its label at the interface's reading start, the text
    /// typed laid out as the reader lays out text (in its own direction, with the cursor while
    /// it is typed), and at the far end how many of the list's items it shows (`counts`:
    /// shown, all).
    fn filter_line(
        &self,
        buf: &mut Buffer,
        row: Rect,
        filter: &ListFilter,
        counts: (usize, usize),
    ) {
        let (lang, options) = (self.look.lang, self.options);
        let mut label = ui_text(lang, options, tr(lang, "Filter: "), row.width);
        label.indent = 0;
        let counted = fill(lang, "{} of {}", &[&counts.0, &counts.1]);
        let mut counted = ui_text(lang, options, &counted, row.width);
        counted.indent = 0;
        let room = row.width.saturating_sub(label.width + counted.width + 2);
        let typed = filter.line().line(LineLook { fallback: lang.direction(), options });
        let shown = typed.width().min(room);
        let (label_x, typed_x, counted_x) = if lang.is_rtl() {
            let label_x = row.right().saturating_sub(label.width);
            (label_x, label_x.saturating_sub(shown), row.x)
        } else {
            (row.x, row.x + label.width, row.right().saturating_sub(counted.width))
        };
        let cursor = if filter.typing() {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
        };
        draw_line(buf, label_x, row.y, label.width, &label, |_| Style::new());
        typed.draw(buf, (typed_x, row.y, shown), filter.line().cursor, [Style::new(), cursor]);
        let quiet = self.look.palette.quiet;
        draw_line(buf, counted_x, row.y, counted.width, &counted, |_| quiet);
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
        lead: (&str, u16),
        line: &VisualLine,
        style: Style,
    ) {
        self.list_row_marked(buf, row, lead, line, (style, &|_| None));
    }

    /// [`Window::list_row`] with some of the line's glyphs in a style of their own: the one
    /// `marked` gives a glyph, else `style`.
    pub fn list_row_marked(
        &self,
        buf: &mut Buffer,
        row: Rect,
        (lead, lead_width): (&str, u16),
        line: &VisualLine,
        (style, marked): (Style, &Marked),
    ) {
        buf.set_style(row, style);
        let rest = row.width.saturating_sub(lead_width + 1);
        let style_of = |g: &Glyph| marked(g).unwrap_or(style);
        if self.look.lang.is_rtl() {
            let lead_x = row.right().saturating_sub(lead_width);
            let text_width = lead.chars().count() as u16;
            let x = lead_x + lead_width.saturating_sub(text_width);
            put_str(buf, x, row.y, lead, lead_width, style);
            draw_line(buf, row.x, row.y, rest, line, style_of);
        } else {
            put_str(buf, row.x, row.y, lead, lead_width, style);
            draw_line(buf, row.x + lead_width + 1, row.y, rest, line, style_of);
        }
    }
}

/// The style of its own a glyph of a list's row has (a hit marked), if any.
pub type Marked<'a> = dyn Fn(&Glyph) -> Option<Style> + 'a;

/// Row `y` of a window's inside `inner`, a cell in from each side.
pub fn list_line(inner: Rect, y: u16) -> Rect {
    Rect { x: inner.x + 1, y, width: inner.width.saturating_sub(2), height: 1 }
}

/// The items of `list` (of `count` items) that show in a window of `shape` on `screen`, each
/// with its row in the window, its index in the whole list and whether it is the selected
/// one.
pub fn shown_items(
    list: &List,
    shape: ListShape,
    count: usize,
    screen: Rect,
) -> impl Iterator<Item = (u16, usize, bool)> + '_ {
    let view = list.view();
    let window = view.window(list.shown(count), shape.rows(count, screen.height));
    let first = window.start;
    window.map(move |row| {
        let y = (row - first) as u16 * shape.item_height;
        (y, list.item_at(row), row == view.selected())
    })
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
        let inner = window.popup(&mut buf, 20, 5, Edges::titled("ab"));
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
