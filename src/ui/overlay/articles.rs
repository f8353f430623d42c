//! The list of articles.

use ratatui::buffer::Buffer;

use super::window::{Window, list_line, shown_items};
use crate::corpus::Document;
use crate::lang::tr;
use crate::ui::chrome::name_line;
use crate::ui::list::{ListView, ROW_ITEMS};

/// The titles of `documents`, numbered, as `view` windows them.
pub fn draw(buf: &mut Buffer, window: &Window, documents: &[Document], view: ListView) {
    let screen = buf.area;
    let height = ROW_ITEMS.height(documents.len());
    let title = tr(window.look.lang, " Articles — Enter opens, Esc closes ");
    let inner = window.popup(buf, 70.min(screen.width), height, title, "");
    let lead_width = documents.len().to_string().len() as u16 + 1;
    for (row, i, selected) in shown_items(view, ROW_ITEMS, documents.len(), screen) {
        let document = &documents[i];
        let area = list_line(inner, inner.y + 1 + row);
        let style = window.item_style(selected);
        let width = area.width.saturating_sub(lead_width + 1);
        let line = name_line(&document.title, document.direction, width, window.options);
        window.list_row(buf, area, (&format!("{}.", i + 1), lead_width), &line, style);
    }
}
