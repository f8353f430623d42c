//! The list of articles, each with how far through it the reader is.

use std::borrow::Cow;

use ratatui::buffer::Buffer;

use super::window::{Window, list_line, shown_items};
use crate::corpus::Document;
use crate::lang::tr;
use crate::ui::chrome::name_line;
use crate::ui::list::{List, ROW_ITEMS};
use crate::ui::paint::put_str;

/// The cells a row gives the reading progress ("100%"), besides a blank one before it.
const PROGRESS_WIDTH: u16 = 4;

/// What each article's row says, for the filter: its title.
pub fn texts(documents: &[Document]) -> Vec<Cow<'_, str>> {
    documents.iter().map(|d| Cow::Borrowed(d.title.as_str())).collect()
}

/// The titles of `documents`, numbered, as `list` windows them, each with how far through it
/// the reader is (`progress`, blank for an article not read in) at the row's far end.
pub fn draw(
    buf: &mut Buffer,
    window: &Window,
    documents: &[Document],
    list: &List,
    progress: &dyn Fn(usize) -> Option<usize>,
) {
    let screen = buf.area;
    let lang = window.look.lang;
    let title = tr(lang, " Articles — Enter opens, / filters, Esc closes ");
    let count = documents.len();
    let inner = window.list_popup(buf, (70.min(screen.width), title), ROW_ITEMS, list, count);
    let lead_width = count.to_string().len() as u16 + 1;
    for (row, i, selected) in shown_items(list, ROW_ITEMS, count, screen) {
        let document = &documents[i];
        let mut area = list_line(inner, inner.y + 1 + row);
        let style = window.item_style(selected);
        buf.set_style(area, style);
        if let Some(percent) = progress(i) {
            let percent = format!("{percent}%");
            let width = percent.chars().count() as u16;
            let x = if lang.is_rtl() {
                area.x + PROGRESS_WIDTH.saturating_sub(width)
            } else {
                area.right().saturating_sub(width)
            };
            let quiet = if selected { style } else { window.look.palette.quiet };
            put_str(buf, x, area.y, &percent, width, quiet);
        }
        area.width = area.width.saturating_sub(PROGRESS_WIDTH + 1);
        if lang.is_rtl() {
            area.x += PROGRESS_WIDTH + 1;
        }
        let width = area.width.saturating_sub(lead_width + 1);
        let line = name_line(&document.title, document.direction, width, window.options);
        window.list_row(buf, area, (&format!("{}.", i + 1), lead_width), &line, style);
    }
}
