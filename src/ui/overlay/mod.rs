//! What is open on top of the article — the help, the lists of articles, themes and
//! bookmarks, the skipped files — and what the reader's keys do to it; each one's drawing is
//! in its own file, on the frame they share ([`window`]).

pub mod articles;
pub mod bookmarks;
pub mod deck;
pub mod help;
pub mod hits;
pub mod skipped;
pub mod themes;
pub mod window;

use super::action::Action;
use super::list::{List, ListShape, ROW_ITEMS, TWO_ROW_ITEMS, scrolled};

/// A window open on top of the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// The keys, scrolled down by `scroll` rows.
    Help {
        /// Rows scrolled past.
        scroll: usize,
    },
    /// The articles, with the selected one.
    Articles(List),
    /// "No theme", then the themes, with the selected one.
    Themes(List),
    /// The bookmarks and notes of every article, with the selected one.
    Bookmarks(List),
    /// The places of the current deck, with the selected one.
    Deck(List),
    /// The hits of the last search, with the selected one.
    Hits(List),
    /// The files skipped when the collection was opened, scrolled down by `scroll`.
    Skipped {
        /// Rows scrolled past.
        scroll: usize,
    },
}

/// How long what an overlay shows is: what its keys need to know to move in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lengths {
    /// The screen's height in rows.
    pub screen_height: u16,
    /// The items of the list it shows (articles, themes or bookmarks), all of them whatever
    /// its filter shows, or the lines of its text (skipped files).
    pub items: usize,
    /// For the help: how far it scrolls and how many rows a page shows.
    pub help_scroll: (usize, usize),
}

/// What a key did to an overlay.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// It stays open, as it is now.
    Open(Overlay),
    /// It closes.
    Closed,
    /// An item of a list was chosen (Enter): the list closes, and the reader goes there.
    Chosen(Choice),
    /// The key quits the reader.
    Quit,
}

/// The item chosen in a list, by its index in the whole list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// An article.
    Article(usize),
    /// A theme to follow, or (the themes list's first row) none.
    Theme(Option<usize>),
    /// A bookmark, in collection order.
    Bookmark(usize),
    /// A place of the current deck.
    DeckItem(usize),
    /// A hit of the last search.
    Hit(usize),
}

impl Overlay {
    /// The list it shows, and how the list's window is built, if it is a list.
    pub fn list(&self) -> Option<(&List, ListShape)> {
        match self {
            Overlay::Articles(list) | Overlay::Themes(list) => Some((list, ROW_ITEMS)),
            Overlay::Bookmarks(list) | Overlay::Deck(list) | Overlay::Hits(list) => {
                Some((list, TWO_ROW_ITEMS))
            }
            Overlay::Help { .. } | Overlay::Skipped { .. } => None,
        }
    }

    /// The list it shows, to change, if it is a list.
    pub fn list_mut(&mut self) -> Option<&mut List> {
        match self {
            Overlay::Articles(list)
            | Overlay::Themes(list)
            | Overlay::Bookmarks(list)
            | Overlay::Deck(list)
            | Overlay::Hits(list) => Some(list),
            Overlay::Help { .. } | Overlay::Skipped { .. } => None,
        }
    }

    /// Whether its list's filter line takes the keys.
    pub fn typing(&self) -> bool {
        self.list().is_some_and(|(list, _)| list.typing())
    }

    /// Act on `action`, the overlay showing what `lengths` says: a list moves by a line or a
    /// page or to an end, a text scrolls; Enter chooses a list's item (when one shows); `/`
    /// types a filter for a list; Esc gives up a list's filter, else closes the overlay, as
    /// its own key again, `o` and Backspace do.
    pub fn handle(mut self, action: Action, lengths: Lengths) -> Outcome {
        let count = lengths.items;
        match (&mut self, action) {
            (_, Action::Quit) => Outcome::Quit,
            (Overlay::Articles(list), Action::Activate) => list
                .selected_item(count)
                .map_or(Outcome::Open(self), |item| Outcome::Chosen(Choice::Article(item))),
            // The list's first row is "no theme".
            (Overlay::Themes(list), Action::Activate) => {
                list.selected_item(count).map_or(Outcome::Open(self), |row| {
                    Outcome::Chosen(Choice::Theme(row.checked_sub(1)))
                })
            }
            (Overlay::Bookmarks(list), Action::Activate) => list
                .selected_item(count)
                .map_or(Outcome::Open(self), |item| Outcome::Chosen(Choice::Bookmark(item))),
            (Overlay::Deck(list), Action::Activate) => list
                .selected_item(count)
                .map_or(Outcome::Open(self), |item| Outcome::Chosen(Choice::DeckItem(item))),
            (Overlay::Hits(list), Action::Activate) => list
                .selected_item(count)
                .map_or(Outcome::Open(self), |item| Outcome::Chosen(Choice::Hit(item))),
            (
                Overlay::Articles(list)
                | Overlay::Themes(list)
                | Overlay::Bookmarks(list)
                | Overlay::Deck(list)
                | Overlay::Hits(list),
                Action::Search,
            ) => {
                list.start_filter(count);
                Outcome::Open(self)
            }
            (
                Overlay::Articles(list)
                | Overlay::Themes(list)
                | Overlay::Bookmarks(list)
                | Overlay::Deck(list)
                | Overlay::Hits(list),
                Action::Close,
            ) if list.filter().is_some() => {
                list.clear_filter(count);
                Outcome::Open(self)
            }
            _ => match self.moved(action, lengths) {
                Some(moved) => Outcome::Open(moved),
                None if self.closes_on(action) => Outcome::Closed,
                None => Outcome::Open(self),
            },
        }
    }

    /// The overlay after `action` moved its list or scrolled its text, or `None` when the
    /// action does not move it. The rows in view are those the drawing will show.
    fn moved(&self, action: Action, lengths: Lengths) -> Option<Overlay> {
        let (height, count) = (lengths.screen_height, lengths.items);
        let rows = |shape: ListShape| shape.rows(count, height);
        match self {
            Overlay::Articles(list) => {
                list.moved(action, count, rows(ROW_ITEMS)).map(Overlay::Articles)
            }
            Overlay::Themes(list) => {
                list.moved(action, count, rows(ROW_ITEMS)).map(Overlay::Themes)
            }
            Overlay::Bookmarks(list) => {
                list.moved(action, count, rows(TWO_ROW_ITEMS)).map(Overlay::Bookmarks)
            }
            Overlay::Deck(list) => {
                list.moved(action, count, rows(TWO_ROW_ITEMS)).map(Overlay::Deck)
            }
            Overlay::Hits(list) => {
                list.moved(action, count, rows(TWO_ROW_ITEMS)).map(Overlay::Hits)
            }
            Overlay::Skipped { scroll } => {
                let (last, page) = (count.saturating_sub(1), usize::from(height.saturating_sub(4)));
                scrolled(*scroll, action, last, page).map(|scroll| Overlay::Skipped { scroll })
            }
            Overlay::Help { scroll } => {
                let (last, page) = lengths.help_scroll;
                scrolled(*scroll, action, last, page).map(|scroll| Overlay::Help { scroll })
            }
        }
    }

    /// Whether `action` closes the overlay: its own key again, or one that closes any window.
    fn closes_on(&self, action: Action) -> bool {
        matches!(
            (self, action),
            (Overlay::Help { .. }, Action::Help)
                | (Overlay::Themes(_), Action::ThemeList)
                | (Overlay::Bookmarks(_), Action::BookmarkList)
                | (Overlay::Deck(_), Action::DeckList)
                | (Overlay::Hits(_), Action::HitList)
                | (Overlay::Skipped { .. }, Action::Skipped)
                | (_, Action::Close | Action::ArticleList | Action::Back)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::LayoutOptions;
    use crate::text::Direction;
    use crate::ui::keymap::{Key, Keymap};
    use crate::ui::prompt::LineLook;
    use std::borrow::Cow;

    /// A list of `items` on a screen of 24 rows.
    fn lengths(items: usize) -> Lengths {
        Lengths { screen_height: 24, items, help_scroll: (30, 22) }
    }

    /// The overlay a key left open.
    fn open(outcome: Outcome) -> Overlay {
        match outcome {
            Outcome::Open(overlay) => overlay,
            other => panic!("it closed: {other:?}"),
        }
    }

    /// The selected item of a list overlay of `count` items.
    fn selected(overlay: &Overlay, count: usize) -> Option<usize> {
        overlay.list().and_then(|(list, _)| list.selected_item(count))
    }

    #[test]
    fn a_list_moves_pages_and_is_chosen_or_closed() {
        let list = Overlay::Articles(List::at(0));
        let end = open(list.clone().handle(Action::Bottom, lengths(300)));
        assert_eq!(selected(&end, 300), Some(299), "End selects the last of 300");
        let up = open(end.handle(Action::PageUp, lengths(300)));
        let at = selected(&up, 300).unwrap();
        assert!(at < 299 - 5, "a page up: {at}");
        assert_eq!(up.handle(Action::Activate, lengths(300)), Outcome::Chosen(Choice::Article(at)));
        assert_eq!(list.clone().handle(Action::Close, lengths(300)), Outcome::Closed);
        assert_eq!(list.clone().handle(Action::ArticleList, lengths(300)), Outcome::Closed);
        assert_eq!(list.clone().handle(Action::Quit, lengths(300)), Outcome::Quit);
        // A key that does nothing here leaves it as it is.
        assert_eq!(list.clone().handle(Action::NextHit, lengths(300)), Outcome::Open(list));
        // The themes list's first row is no theme.
        let themes = Overlay::Themes(List::at(0));
        assert_eq!(
            themes.handle(Action::Activate, lengths(4)),
            Outcome::Chosen(Choice::Theme(None))
        );
    }

    #[test]
    fn slash_filters_a_list_esc_gives_the_filter_up_before_it_closes_the_list() {
        let texts: Vec<Cow<str>> = ["أمن", "الإرهاب الرقمي", "رياضة", "مكافحة الارهاب"]
            .into_iter()
            .map(Cow::Borrowed)
            .collect();
        let table = Keymap::default().prompt;
        let options = LayoutOptions::default();
        let keys = (&table, LineLook { fallback: Direction::Ltr, options: &options });
        let mut list = open(Overlay::Articles(List::at(2)).handle(Action::Search, lengths(4)));
        assert!(list.typing());
        for c in "ارهاب".chars() {
            list.list_mut().unwrap().type_key(Key::ch(c), keys, &texts);
        }
        assert_eq!(selected(&list, 4), Some(3), "the next item shown after the one selected");
        list.list_mut().unwrap().type_key(
            Key::plain(crossterm::event::KeyCode::Enter),
            keys,
            &texts,
        );
        assert!(!list.typing());
        let up = open(list.handle(Action::Up, lengths(4)));
        assert_eq!(selected(&up, 4), Some(1), "a move goes from shown item to shown item");
        assert_eq!(
            up.clone().handle(Action::Activate, lengths(4)),
            Outcome::Chosen(Choice::Article(1))
        );
        let unfiltered = open(up.handle(Action::Close, lengths(4)));
        assert!(unfiltered.list().unwrap().0.filter().is_none());
        assert_eq!(selected(&unfiltered, 4), Some(1), "still on the item");
        assert_eq!(unfiltered.handle(Action::Close, lengths(4)), Outcome::Closed);
    }

    #[test]
    fn a_filter_that_lets_nothing_through_chooses_nothing() {
        let texts: Vec<Cow<str>> = vec!["أمن".into(), "رياضة".into()];
        let table = Keymap::default().prompt;
        let options = LayoutOptions::default();
        let keys = (&table, LineLook { fallback: Direction::Ltr, options: &options });
        let mut list = open(Overlay::Bookmarks(List::at(0)).handle(Action::Search, lengths(2)));
        list.list_mut().unwrap().type_key(Key::ch('x'), keys, &texts);
        assert_eq!(selected(&list, 2), None);
        assert_eq!(list.clone().handle(Action::Activate, lengths(2)), Outcome::Open(list.clone()));
        assert_eq!(list.clone().handle(Action::Bottom, lengths(2)), Outcome::Open(list));
    }

    #[test]
    fn a_text_scrolls_to_its_last_row_and_its_own_key_closes_it() {
        let help = Overlay::Help { scroll: 0 };
        assert_eq!(
            help.clone().handle(Action::Bottom, lengths(0)),
            Outcome::Open(Overlay::Help { scroll: 30 })
        );
        assert_eq!(help.clone().handle(Action::Help, lengths(0)), Outcome::Closed);
        assert_eq!(help.clone().handle(Action::Activate, lengths(0)), Outcome::Open(help));
        let skipped = Overlay::Skipped { scroll: 0 };
        assert_eq!(
            skipped.clone().handle(Action::Down, lengths(3)),
            Outcome::Open(Overlay::Skipped { scroll: 1 })
        );
        assert_eq!(skipped.handle(Action::Skipped, lengths(3)), Outcome::Closed);
        assert_eq!(
            Overlay::Themes(List::at(0)).handle(Action::ThemeList, lengths(5)),
            Outcome::Closed
        );
    }
}
