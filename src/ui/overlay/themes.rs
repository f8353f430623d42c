//! The list of themes that run through the collection.

use std::borrow::Cow;

use ratatui::buffer::Buffer;

use super::window::{Window, list_line, shown_items};
use crate::analysis::Theme;
use crate::lang::{Lang, fill, tr};
use crate::text::Direction;
use crate::ui::chrome::name_line;
use crate::ui::list::{List, ROW_ITEMS};
use crate::ui::paint::{draw_line, put_str, ui_text};

/// What "no theme" and each of `themes` says, for the filter: its words in `lang`, and a
/// theme's labels (Arabic, and English when it has one).
pub fn texts(themes: &[Theme], lang: Lang) -> Vec<Cow<'_, str>> {
    let none = Cow::Borrowed(tr(lang, NO_THEME));
    let labels = themes.iter().map(|theme| match &theme.label_en {
        Some(english) => Cow::Owned(format!("{} {english}", theme.label)),
        None => Cow::Borrowed(theme.label.as_str()),
    });
    std::iter::once(none).chain(labels).collect()
}

/// The first row's words.
const NO_THEME: &str = "(no theme: the article alone)";

/// "No theme", then `themes`, as `list` windows them (a row for each), the one followed
/// (`active`; "no theme" when none is) marked: each theme its Arabic label on the right and
/// its counts on the left, in either interface.
pub fn draw(
    buf: &mut Buffer,
    window: &Window,
    themes: &[Theme],
    active: Option<usize>,
    list: &List,
) {
    let screen = buf.area;
    let (lang, options) = (window.look.lang, window.options);
    let rows = themes.len() + 1;
    let title = tr(lang, " Themes — Enter follows one, / filters, Esc closes ");
    let inner = window.list_popup(buf, (90.min(screen.width), title), ROW_ITEMS, list, rows);
    for (row, i, selected) in shown_items(list, ROW_ITEMS, rows, screen) {
        let area = list_line(inner, inner.y + 1 + row);
        let style = window.item_style(selected);
        let mark = |followed: bool| if followed { "●" } else { " " };
        let Some(theme) = i.checked_sub(1).map(|t| &themes[t]) else {
            let width = area.width.saturating_sub(2);
            let none = ui_text(lang, options, tr(lang, NO_THEME), width);
            buf.set_style(area, style);
            put_str(buf, area.x, area.y, mark(active.is_none()), 1, style);
            draw_line(buf, area.x + 2, area.y, width, &none, |_| style);
            continue;
        };
        let mark = mark(Some(i - 1) == active);
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
