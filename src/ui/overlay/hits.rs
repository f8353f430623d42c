//! The list of the last search's hits: each with the words round it, the hit marked, and its
//! article.

use std::borrow::Cow;
use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::window::{Window, list_line, shown_items};
use crate::corpus::Document;
use crate::lang::fill;
use crate::one_line::one_line;
use crate::search::Hit;
use crate::ui::chrome::name_line;
use crate::ui::list::{List, TWO_ROW_ITEMS};

/// How many characters of context come before a hit.
const BEFORE: usize = 30;

/// The words round `hit` in `documents`: from a word boundary some [`BEFORE`] characters
/// before it to the paragraph's end (the row cuts it), with «…» when it does not start the
/// paragraph; and where the hit is in that text.
fn context<'a>(hit: &Hit, documents: &'a [Document]) -> (Cow<'a, str>, Range<usize>) {
    let text = &documents[hit.document].paragraphs[hit.paragraph].text;
    let back = text[..hit.range.start].char_indices().rev().nth(BEFORE).map_or(0, |(i, _)| i);
    let start = match back {
        0 => 0,
        _ => text[back..hit.range.start].find(' ').map_or(back, |s| back + s + 1),
    };
    if start == 0 {
        return (Cow::Borrowed(text.as_str()), hit.range.clone());
    }
    let ellipsis = "…";
    let shift = |at: usize| at - start + ellipsis.len();
    let shown = format!("{ellipsis}{}", &text[start..]);
    (Cow::Owned(shown), shift(hit.range.start)..shift(hit.range.end))
}

/// What each of `hits` says, for the filter: its paragraph and its article's title.
pub fn texts<'a>(hits: &[Hit], documents: &'a [Document]) -> Vec<Cow<'a, str>> {
    let text = |hit: &Hit| {
        let document = &documents[hit.document];
        Cow::Owned(format!("{}\n{}", document.paragraphs[hit.paragraph].text, document.title))
    };
    hits.iter().map(text).collect()
}

/// The hits of the search for `query` in `documents`, as `list` windows them: each its
/// article's number and the words round it on one row (the hit marked), its article's title
/// quietly on the next.
pub fn draw(
    buf: &mut Buffer,
    window: &Window,
    (query, hits): (&str, &[Hit]),
    documents: &[Document],
    list: &List,
) {
    let screen = buf.area;
    let lang = window.look.lang;
    let title = fill(
        lang,
        " {} hits of «{}» — Enter goes there, / filters, + adds to the deck ",
        &[&hits.len(), &query.trim()],
    );
    let width = 100.min(screen.width);
    let inner = window.list_popup(buf, (width, &title), TWO_ROW_ITEMS, list, hits.len());
    let lead_width = documents.len().to_string().len() as u16 + 1;
    let palette = &window.look.palette;
    for (row, i, selected) in shown_items(list, TWO_ROW_ITEMS, hits.len(), screen) {
        let hit = &hits[i];
        let document = &documents[hit.document];
        let y = inner.y + 1 + row;
        let area = list_line(inner, y);
        let style = window.item_style(selected);
        let width = area.width.saturating_sub(lead_width + 1);
        let (text, at) = context(hit, documents);
        let line = one_line(&text, document.direction, width, window.options);
        let number = format!("{}.", hit.document + 1);
        let marked = |g: &crate::layout::Glyph| {
            let source = g.source.start as usize..g.source.end as usize;
            (source.start < at.end && at.start < source.end).then_some(palette.hit)
        };
        window.list_row_marked(buf, area, (&number, lead_width), &line, (style, &marked));
        let source_area = Rect { y: y + 1, ..area };
        if source_area.y < inner.bottom() {
            let title = name_line(&document.title, document.direction, width, window.options);
            window.list_row(buf, source_area, ("", lead_width), &title, palette.quiet);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_document;

    #[test]
    fn the_context_starts_at_a_word_before_the_hit() {
        let text = "كلمة ".repeat(20) + "تلجرام وبعدها";
        let documents = vec![parse_document("a.txt", &format!("عنوان\n\n{text}"), false)];
        let at = documents[0].paragraphs[1].text.find("تلجرام").unwrap();
        let hit = Hit { document: 0, paragraph: 1, range: at..at + "تلجرام".len() };
        let (shown, range) = context(&hit, &documents);
        assert!(shown.starts_with("…كلمة "), "{shown}");
        assert_eq!(&shown[range], "تلجرام");
        let near = Hit { document: 0, paragraph: 1, range: 0..4 };
        assert_eq!(context(&near, &documents).1, 0..4, "at the start: the paragraph whole");
    }
}
