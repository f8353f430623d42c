//! The one list the windows over the reader share: a selection and the items in view, moved
//! a line, a page or to either end by the same keys that scroll an article, and windowed the
//! same way by the keys and the drawing, so that what is selected is always drawn; and the
//! filter that narrows it to the items holding a text ([`List`]).

use std::borrow::Cow;
use std::ops::Range;

use super::action::{Action, PromptAction};
use super::keymap::{Key, KeyTable};
use super::list_filter::ListFilter;
use super::prompt::{LineLook, Typed};

/// The actions that move in a list: a line, a page, either end.
pub const MOVES: [Action; 6] =
    [Action::Down, Action::Up, Action::PageDown, Action::PageUp, Action::Top, Action::Bottom];

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

/// A list in a window: the view over the rows it shows, and the filter that picks them, if
/// one is typed. Its rows are the items the filter lets through, in list order; the
/// selection is always on one of them when any shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct List {
    view: ListView,
    filter: Option<ListFilter>,
}

impl List {
    /// A list with item `item` selected and no filter.
    pub fn at(item: usize) -> List {
        List { view: ListView::at(item), filter: None }
    }

    /// The view over the rows shown.
    pub fn view(&self) -> ListView {
        self.view
    }

    /// The filter, if one is typed or kept.
    pub fn filter(&self) -> Option<&ListFilter> {
        self.filter.as_ref()
    }

    /// Whether the filter line takes the keys.
    pub fn typing(&self) -> bool {
        self.filter.as_ref().is_some_and(ListFilter::typing)
    }

    /// How many rows show of a list of `count` items: those the filter lets through.
    pub fn shown(&self, count: usize) -> usize {
        self.filter.as_ref().map_or(count, |f| f.matches().len())
    }

    /// The item on row `row` of those shown, by its index in the whole list.
    pub fn item_at(&self, row: usize) -> usize {
        self.filter.as_ref().and_then(|f| f.matches().get(row).copied()).unwrap_or(row)
    }

    /// The selected item of a list of `count` items, by its index in the whole list; `None`
    /// when no item shows.
    pub fn selected_item(&self, count: usize) -> Option<usize> {
        let shown = self.shown(count);
        (shown > 0).then(|| self.item_at(self.view.selected().min(shown - 1)))
    }

    /// This list after `action` on a list of `count` items of which `rows` show at once
    /// ([`ListView::moved`] over the rows shown), or `None` when the action does not move it.
    pub fn moved(&self, action: Action, count: usize, rows: usize) -> Option<List> {
        let view = self.view.moved(action, self.shown(count), rows)?;
        Some(List { view, ..self.clone() })
    }

    /// `/`: type a filter for a list of `count` items, or type into the one kept again.
    pub fn start_filter(&mut self, count: usize) {
        let selected = self.selected_item(count);
        match &mut self.filter {
            Some(filter) => filter.resume(selected),
            None => self.filter = Some(ListFilter::new(count, selected)),
        }
    }

    /// Take the filter away, item `item` selected (when there is one).
    fn unfilter(&mut self, item: Option<usize>) {
        if self.filter.take().is_some()
            && let Some(item) = item
        {
            self.view = ListView::at(item);
        }
    }

    /// Give up the filter kept, the selection staying on the item it is on.
    pub fn clear_filter(&mut self, count: usize) {
        self.unfilter(self.selected_item(count));
    }

    /// Act on `key` on the filter line (with the prompt's keys, `keys`), the list's items
    /// being `texts`: the rows shown narrow or widen as the text changes, the selection on
    /// the item it was on or, when that no longer shows, the next one that does; Enter keeps
    /// the filter (a blank one goes), Esc gives it up, back on the item selected when the
    /// line was opened.
    pub fn type_key(
        &mut self,
        key: Key,
        keys: (&KeyTable<PromptAction>, LineLook),
        texts: &[Cow<str>],
    ) {
        let item = self.selected_item(texts.len());
        let Some(filter) = &mut self.filter else {
            return;
        };
        match filter.type_key(key, keys, texts) {
            Typed::Edited => self.reselect(item, texts.len()),
            Typed::Open => {}
            Typed::Accepted if filter.is_blank() => {
                self.clear_filter(texts.len());
            }
            Typed::Accepted => {}
            Typed::Cancelled => {
                let opened_at = filter.opened_at();
                self.unfilter(opened_at);
            }
        }
    }

    /// Type `pasted` on the filter line, the list's items being `texts`.
    pub fn paste(&mut self, pasted: &str, texts: &[Cow<str>]) {
        let item = self.selected_item(texts.len());
        if let Some(filter) = &mut self.filter {
            filter.paste(pasted, texts);
            self.reselect(item, texts.len());
        }
    }

    /// The list's items are now `texts` (the whole collection came): item `item` selected,
    /// and the filter, if any, picks the rows again.
    pub fn take_up(&mut self, item: usize, texts: &[Cow<str>]) {
        self.view = ListView::at(item);
        if let Some(filter) = &mut self.filter {
            filter.refilter(texts);
            self.reselect(Some(item), texts.len());
        }
    }

    /// Select `item` of `count` items if it shows, else the first shown after it (or the
    /// last shown); the first row when there was none.
    fn reselect(&mut self, item: Option<usize>, count: usize) {
        let row = match (item, &self.filter) {
            (Some(item), Some(filter)) => filter.matches().partition_point(|&m| m < item),
            (Some(item), None) => item,
            (None, _) => 0,
        };
        let last = self.shown(count).saturating_sub(1);
        if row.min(last) != self.view.selected() {
            self.view = ListView::at(row.min(last));
        }
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
    fn a_filter_keeps_the_selection_on_an_item_and_follows_the_items_when_they_change() {
        let table = crate::ui::keymap::Keymap::default().prompt;
        let options = crate::layout::LayoutOptions::default();
        let look = LineLook { fallback: crate::text::Direction::Rtl, options: &options };
        let keys = (&table, look);
        let texts: Vec<Cow<str>> = vec!["أ".into(), "ب".into(), "اب".into(), "ج".into()];
        let mut list = List::at(1);
        list.start_filter(4);
        assert_eq!(list.selected_item(4), Some(1), "nothing typed: still on the item");
        list.type_key(Key::ch('ب'), keys, &texts);
        assert_eq!((list.shown(4), list.selected_item(4)), (2, Some(1)));
        list.type_key(Key::ch('ا'), keys, &texts);
        assert_eq!((list.shown(4), list.selected_item(4)), (0, None), "nothing holds «با»");
        list.type_key(Key::plain(crossterm::event::KeyCode::Backspace), keys, &texts);
        assert_eq!(list.selected_item(4), Some(1), "the first shown again");
        // Two more items come before the others: the filter picks the rows again.
        let more: Vec<Cow<str>> = ["ب", "د"].into_iter().map(Cow::Borrowed).chain(texts).collect();
        list.take_up(3, &more);
        assert_eq!((list.shown(6), list.selected_item(6)), (3, Some(3)));
        list.type_key(Key::plain(crossterm::event::KeyCode::Enter), keys, &more);
        list.clear_filter(6);
        assert_eq!((list.filter(), list.selected_item(6)), (None, Some(3)), "on the item");
        // Given up while typed, it goes back to the item selected when it was opened.
        list.start_filter(6);
        list.type_key(Key::ch('د'), keys, &more);
        assert_eq!(list.selected_item(6), Some(1));
        list.type_key(Key::plain(crossterm::event::KeyCode::Esc), keys, &more);
        assert_eq!((list.filter(), list.selected_item(6)), (None, Some(3)));
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
