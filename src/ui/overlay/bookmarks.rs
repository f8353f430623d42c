//! The list of bookmarks and notes of every article.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::window::{Window, list_line, shown_items};
use crate::corpus::Document;
use crate::lang::tr;
use crate::one_line::one_line;
use crate::ui::chrome::name_line;
use crate::ui::list::{List, TWO_ROW_ITEMS};
use crate::ui::marks::BookmarkEntry;

/// What each of `entries` (bookmarks in `documents`) says, for the filter: its paragraph's
/// text and its note.
pub fn texts<'a>(entries: &[BookmarkEntry], documents: &'a [Document]) -> Vec<Cow<'a, str>> {
    entries
        .iter()
        .map(|entry| {
            let text = documents[entry.document].paragraphs[entry.paragraph].text.as_str();
            match &entry.note {
                Some(note) => Cow::Owned(format!("{text}\n{note}")),
                None => Cow::Borrowed(text),
            }
        })
        .collect()
}

/// `entries` (bookmarks in `documents`), as `list` windows them: each its paragraph's
/// opening on one row, its note (or the bookmark's mark) quietly on the next.
pub fn draw(
    buf: &mut Buffer,
    window: &Window,
    entries: &[BookmarkEntry],
    documents: &[Document],
    list: &List,
) {
    let screen = buf.area;
    let title =
        tr(window.look.lang, " Bookmarks and notes — Enter goes there, / filters, Esc closes ");
    let width = 90.min(screen.width);
    let inner = window.list_popup(buf, (width, title), TWO_ROW_ITEMS, list, entries.len());
    let lead_width = documents.len().to_string().len() as u16 + 1;
    let glyphs = &window.look.glyphs;
    for (row, i, selected) in shown_items(list, TWO_ROW_ITEMS, entries.len(), screen) {
        let entry = &entries[i];
        let y = inner.y + 1 + row;
        let area = list_line(inner, y);
        let style = window.item_style(selected);
        let document = &documents[entry.document];
        let text = &document.paragraphs[entry.paragraph].text;
        let width = area.width.saturating_sub(lead_width + 1);
        let line = one_line(text, document.direction, width, window.options);
        let number = format!("{}.", entry.document + 1);
        window.list_row(buf, area, (&number, lead_width), &line, style);
        let note_area = Rect { y: y + 1, ..area };
        if note_area.y < inner.bottom() {
            let (symbol, note) = match &entry.note {
                Some(note) => (glyphs.note, note.as_str()),
                None => (glyphs.bookmark, ""),
            };
            let note = name_line(note, document.direction, width, window.options);
            let quiet = window.look.palette.quiet;
            window.list_row(buf, note_area, (symbol, lead_width), &note, quiet);
        }
    }
}
