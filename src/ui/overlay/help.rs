//! The help screen: every key of every mode, from the key tables.

use ratatui::buffer::Buffer;
use ratatui::style::Style;

use super::window::{Edges, Window, list_line};
use crate::lang::tr;
use crate::one_line::one_line;
use crate::text::Direction;
use crate::ui::help;
use crate::ui::keymap::Keymap;
use crate::ui::paint::ui_text;

/// The keys `keymap` binds, a section per mode, from row `scroll` on; when the screen is too
/// short for all of them, the frame says how to see more.
pub fn draw(buf: &mut Buffer, window: &Window, keymap: &Keymap, scroll: usize) {
    let screen = buf.area;
    let (lang, options) = (window.look.lang, window.options);
    let lines = help::rows(keymap, lang);
    let key_width = lines.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0) as u16;
    let help_width = lines
        .iter()
        .map(|(_, h)| one_line(h, Direction::Ltr, u16::MAX, options).width)
        .max()
        .unwrap_or(0);
    let width = (key_width + help_width + 6).min(screen.width);
    let rows = help::shown(lines.len(), screen.height);
    let height = rows as u16 + 2;
    let scroll = scroll.min(help::max_scroll(lines.len(), screen.height));
    let more = if scroll + rows < lines.len() { tr(lang, " j ↓ more ") } else { "" };
    let edges = Edges { note: more, ..Edges::titled(tr(lang, " Keys — Esc closes ")) };
    let inner = window.popup(buf, width, height, edges);
    let bold = window.look.palette.title;
    for (i, (keys, help)) in lines.iter().skip(scroll).take(rows).enumerate() {
        let row = list_line(inner, inner.y + i as u16);
        let line = ui_text(lang, options, help, row.width.saturating_sub(key_width + 1));
        let style = if keys.is_empty() { bold } else { Style::new() };
        window.list_row(buf, row, (keys, key_width), &line, style);
    }
}
