//! The one list the windows over the reader share: a selection and the items in view, moved
//! a line, a page or to either end by the same keys that scroll an article, and windowed the
//! same way by the keys and the drawing, so that what is selected is always drawn.

use std::ops::Range;

use super::action::Action;

/// How a list's window is built: each item's height in rows, and the rows the window takes
/// besides its items (its frame and blank rows).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListShape {
    /// Rows per item.
    pub item_height: u16,
    /// Rows of the window that hold no item.
    pub padding: u16,
}

impl ListShape {
    /// The height the window would take for `count` items, before the screen limits it.
    pub fn height(self, count: usize) -> u16 {
        let items = u16::try_from(count).unwrap_or(u16::MAX);
        items.saturating_mul(self.item_height).saturating_add(self.padding)
    }

    /// How many of `count` items a screen `screen_height` rows high shows at once.
    pub fn rows(self, count: usize, screen_height: u16) -> usize {
        let inside = self.height(count).min(screen_height).saturating_sub(self.padding);
        usize::from(inside / self.item_height.max(1))
    }
}

/// A list of one-row items (the articles, the themes): framed, a blank row above and below.
pub const ROW_ITEMS: ListShape = ListShape { item_height: 1, padding: 4 };

/// A list of two-row items (the bookmarks, each over its note): framed, a blank row above.
pub const TWO_ROW_ITEMS: ListShape = ListShape { item_height: 2, padding: 3 };

/// A list's selected item and the first item in view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListView {
    selected: usize,
    first: usize,
}

impl ListView {
    /// A list with item `selected` selected; the window is placed when the list is drawn or
    /// moved.
    pub fn at(selected: usize) -> ListView {
        ListView { selected, first: 0 }
    }

    /// The selected item.
    pub fn selected(self) -> usize {
        self.selected
    }

    /// The items in view when `rows` of a list of `count` items show: the window keeps its
    /// place while the selection is inside it, and moves just enough to show the selection
    /// otherwise (at the bottom row when it came from below).
    pub fn window(self, count: usize, rows: usize) -> Range<usize> {
        let first = self.placed(count, rows).first;
        first..(first + rows).min(count)
    }

    /// This view with its selection inside the list and its window placed by [`Self::window`].
    fn placed(self, count: usize, rows: usize) -> ListView {
        let selected = self.selected.min(count.saturating_sub(1));
        let mut first = self.first.min(selected);
        if rows > 0 && selected >= first + rows {
            first = selected + 1 - rows;
        }
        ListView { selected, first: first.min(count.saturating_sub(rows.max(1))) }
    }

    /// This view after `action` on a list of `count` items of which `rows` show, or `None`
    /// when the action does not move a list: a line, a page (the window moving with the
    /// selection, as a page of text does), or either end.
    pub fn moved(self, action: Action, count: usize, rows: usize) -> Option<ListView> {
        let view = self.placed(count, rows);
        let last = count.saturating_sub(1);
        let page = rows.max(1);
        let (selected, first) = match action {
            Action::Down => ((view.selected + 1).min(last), view.first),
            Action::Up => (view.selected.saturating_sub(1), view.first),
            Action::PageDown => ((view.selected + page).min(last), view.first + page),
            Action::PageUp => (view.selected.saturating_sub(page), view.first.saturating_sub(page)),
            Action::Top => (0, 0),
            Action::Bottom => (last, last),
            _ => return None,
        };
        Some(ListView { selected, first: first.min(selected) }.placed(count, rows))
    }
}

/// The first row in view of a text after `action` scrolled it from row `first`: a line, a
/// `page` of rows, or either end, never past row `last`; `None` when the action does not
/// scroll.
pub fn scrolled(first: usize, action: Action, last: usize, page: usize) -> Option<usize> {
    let page = page.max(1);
    let first = match action {
        Action::Down => first + 1,
        Action::Up => first.saturating_sub(1),
        Action::PageDown => first + page,
        Action::PageUp => first.saturating_sub(page),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return None,
    };
    Some(first.min(last))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOVES: [Action; 6] =
        [Action::Down, Action::Up, Action::PageDown, Action::PageUp, Action::Top, Action::Bottom];

    #[test]
    fn the_selection_is_always_in_the_window() {
        for count in 0..12 {
            for rows in 0..6 {
                let mut view = ListView::at(count / 2);
                for step in 0..40 {
                    view =
                        view.moved(MOVES[(step * 7 + count) % MOVES.len()], count, rows).unwrap();
                    let window = view.window(count, rows);
                    assert!(window.len() <= rows, "{count} {rows}");
                    if count > 0 && rows > 0 {
                        assert!(window.contains(&view.selected()), "{count} {rows} {view:?}");
                        assert_eq!(window.len(), rows.min(count), "a full window when it can be");
                    }
                }
            }
        }
    }

    #[test]
    fn a_long_list_pages_and_reaches_both_ends() {
        let (count, rows) = (300, 20);
        let view = ListView::at(0);
        let view = view.moved(Action::PageDown, count, rows).unwrap();
        assert_eq!((view.selected(), view.window(count, rows)), (20, 20..40));
        let view = view.moved(Action::Bottom, count, rows).unwrap();
        assert_eq!((view.selected(), view.window(count, rows)), (299, 280..300));
        let view = view.moved(Action::PageUp, count, rows).unwrap();
        assert_eq!((view.selected(), view.window(count, rows)), (279, 260..280));
        let view = view.moved(Action::Top, count, rows).unwrap();
        assert_eq!((view.selected(), view.window(count, rows)), (0, 0..20));
        assert_eq!(view.moved(Action::Activate, count, rows), None);
    }

    #[test]
    fn moving_up_inside_the_window_keeps_it_in_place() {
        let (count, rows) = (50, 10);
        let view = ListView::at(30);
        assert_eq!(view.window(count, rows), 21..31, "opened at the bottom row");
        let view = view.moved(Action::Up, count, rows).unwrap();
        assert_eq!((view.selected(), view.window(count, rows)), (29, 21..31));
    }

    #[test]
    fn a_window_is_as_tall_as_the_screen_lets_it_be() {
        assert_eq!(ROW_ITEMS.rows(300, 24), 20);
        assert_eq!(ROW_ITEMS.rows(5, 24), 5);
        assert_eq!(ROW_ITEMS.rows(5, 3), 0);
        assert_eq!(TWO_ROW_ITEMS.rows(100, 24), 10);
        assert_eq!(TWO_ROW_ITEMS.height(4), 11);
    }

    #[test]
    fn a_text_scrolls_to_its_last_row_and_no_further() {
        assert_eq!(scrolled(0, Action::Bottom, 20, 10), Some(20));
        assert_eq!(scrolled(15, Action::PageDown, 20, 10), Some(20));
        assert_eq!(scrolled(3, Action::PageUp, 20, 10), Some(0));
        assert_eq!(scrolled(0, Action::Down, 0, 10), Some(0));
        assert_eq!(scrolled(0, Action::Help, 5, 10), None);
    }
}
