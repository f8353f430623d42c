//! The files skipped or read with a warning when the collection was opened, and the bookmarks
//! that could not be placed.

use ratatui::buffer::Buffer;
use ratatui::style::Style;

use super::window::{Edges, Window};
use crate::lang::tr;
use crate::layout::VisualLine;
use crate::text::Direction;
use crate::ui::keymap::Keymap;
use crate::ui::message::Message;
use crate::ui::paint::draw_line;
use crate::ui::panel::wrap;

/// `warnings`, one sentence each in the interface's language (naming the keys `keymap`
/// binds), wrapped so that a long path still shows its file's name and the reason (its lines
/// after the first stand in); from warning `scroll` on, as many as the screen holds.
pub fn draw(
    buf: &mut Buffer,
    window: &Window,
    warnings: &[Message],
    keymap: &Keymap,
    scroll: usize,
) {
    let screen = buf.area;
    let (lang, options) = (window.look.lang, window.options);
    let popup_width = 100.min(screen.width);
    let width = popup_width.saturating_sub(4);
    let room = usize::from(screen.height.saturating_sub(4));
    let direction = if lang.is_rtl() { Direction::Rtl } else { Direction::Ltr };
    let mut lines: Vec<VisualLine> = Vec::new();
    for warning in warnings.iter().skip(scroll) {
        if lines.len() >= room {
            break;
        }
        let text = warning.render(lang, keymap);
        // The lines after a warning's first stand in by two cells, so that each warning
        // starts where the eye finds it.
        let mut wrapped = wrap(&text, direction, width.saturating_sub(2), 0, options);
        for (i, line) in wrapped.iter_mut().enumerate() {
            if (i == 0) == direction.is_rtl() {
                line.indent += 2;
            }
        }
        lines.extend(wrapped);
    }
    let height = (lines.len() as u16).saturating_add(4);
    let title = tr(lang, " Skipped files and warnings — Esc closes ");
    let inner = window.popup(buf, popup_width, height, Edges::titled(title));
    let rows = usize::from(inner.height.saturating_sub(2));
    for (row, line) in lines.iter().take(rows).enumerate() {
        let y = inner.y + 1 + row as u16;
        draw_line(buf, inner.x + 1, y, width, line, |_| Style::new());
    }
}
