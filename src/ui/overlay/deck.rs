//! The list of a deck's places, in the order they are presented.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::window::{Window, list_line, shown_items};
use crate::corpus::Document;
use crate::lang::{fill, tr};
use crate::one_line::one_line;
use crate::ui::chrome::name_line;
use crate::ui::list::{List, TWO_ROW_ITEMS};
use crate::ui::marks::DeckEntry;

/// The text of `entry` in `documents`: the bytes chosen, else its paragraph; None when its
/// article is not open.
fn text<'a>(entry: &DeckEntry, documents: &'a [Document]) -> Option<&'a str> {
    let paragraph = &documents[entry.document?].paragraphs[entry.paragraph].text;
    Some(entry.range.clone().and_then(|r| paragraph.get(r)).unwrap_or(paragraph))
}

/// What each of `entries` says, for the filter: its text and its article's title.
pub fn texts<'a>(entries: &[DeckEntry], documents: &'a [Document]) -> Vec<Cow<'a, str>> {
    let entry_text = |entry: &DeckEntry| match (text(entry, documents), entry.document) {
        (Some(text), Some(d)) => Cow::Owned(format!("{text}\n{}", documents[d].title)),
        _ => Cow::Borrowed(""),
    };
    entries.iter().map(entry_text).collect()
}

/// The places of the deck `name` (`entries`, in `documents`), as `list` windows them: each
/// its number in the deck and the opening of its text on one row, its article's title quietly
/// on the next (or that its article is not open).
pub fn draw(
    buf: &mut Buffer,
    window: &Window,
    name: &str,
    entries: &[DeckEntry],
    documents: &[Document],
    list: &List,
) {
    let screen = buf.area;
    let lang = window.look.lang;
    let title =
        fill(lang, " Deck «{}» — Enter goes there, p presents, J K d, Tab next deck ", &[&name]);
    let width = 90.min(screen.width);
    let inner = window.list_popup(buf, (width, &title), TWO_ROW_ITEMS, list, entries.len());
    let lead_width = entries.len().to_string().len() as u16 + 1;
    for (row, i, selected) in shown_items(list, TWO_ROW_ITEMS, entries.len(), screen) {
        let entry = &entries[i];
        let y = inner.y + 1 + row;
        let area = list_line(inner, y);
        let style = window.item_style(selected);
        let width = area.width.saturating_sub(lead_width + 1);
        let number = format!("{}.", i + 1);
        let (line, source) = match (text(entry, documents), entry.document) {
            (Some(text), Some(d)) => {
                let document = &documents[d];
                (
                    one_line(text, document.direction, width, window.options),
                    Cow::Borrowed(document.title.as_str()),
                )
            }
            _ => {
                let gone = tr(lang, "(its article is not open, or was edited past finding it)");
                (name_line(gone, lang.direction(), width, window.options), Cow::Borrowed(""))
            }
        };
        window.list_row(buf, area, (&number, lead_width), &line, style);
        let source_area = Rect { y: y + 1, ..area };
        if source_area.y < inner.bottom() {
            let direction = entry.document.map_or(lang.direction(), |d| documents[d].direction);
            let source = name_line(&source, direction, width, window.options);
            window.list_row(buf, source_area, ("", lead_width), &source, window.look.palette.quiet);
        }
    }
}
