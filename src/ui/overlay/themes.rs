//! The list of themes that run through the collection.

use ratatui::buffer::Buffer;

use super::window::{Window, list_line, shown_items};
use crate::analysis::Theme;
use crate::text::Direction;
use crate::ui::chrome::name_line;
use crate::ui::lang::{fill, tr};
use crate::ui::list::{ListView, ROW_ITEMS};
use crate::ui::paint::{draw_line, put_str, ui_text};

/// `themes`, as `view` windows them, the one followed (`active`) marked: each its Arabic
/// label on the right and its counts on the left, in either interface.
pub fn draw(
    buf: &mut Buffer,
    window: &Window,
    themes: &[Theme],
    active: Option<usize>,
    view: ListView,
) {
    let screen = buf.area;
    let (lang, options) = (window.look.lang, window.options);
    let height = ROW_ITEMS.height(themes.len());
    let title = tr(lang, " Themes — Enter follows one, Esc closes ");
    let inner = window.popup(buf, 90.min(screen.width), height, title, "");
    for (row, i, selected) in shown_items(view, ROW_ITEMS, themes.len(), screen) {
        let theme = &themes[i];
        let area = list_line(inner, inner.y + 1 + row);
        let style = window.item_style(selected);
        let mark = if Some(i) == active { "●" } else { " " };
        let counts = fill(
            lang,
            "{} passages, {} articles",
            &[&theme.passages.len(), &theme.article_count()],
        );
        let about = match (&theme.label_en, lang.is_rtl()) {
            (Some(english), false) => format!("{counts}  {english}"),
            _ => counts,
        };
        let label = name_line(&theme.label, Direction::Rtl, u16::MAX, options);
        let label_width = label.width.min(area.width / 2);
        let label = name_line(&theme.label, Direction::Rtl, label_width, options);
        let about_width = area.width.saturating_sub(label_width + 3);
        let mut about = ui_text(lang, options, &about, about_width);
        buf.set_style(area, style);
        put_str(buf, area.x, area.y, mark, 1, style);
        about.indent = 0;
        draw_line(buf, area.x + 2, area.y, about_width, &about, |_| style);
        draw_line(buf, area.right() - label_width, area.y, label_width, &label, |_| style);
    }
}
