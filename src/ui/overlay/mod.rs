//! What is open on top of the article — the help, the lists of articles, themes and
//! bookmarks, the skipped files — and what the reader's keys do to it; each one's drawing is
//! in its own file, on the frame they share ([`window`]).

pub mod articles;
pub mod bookmarks;
pub mod help;
pub mod skipped;
pub mod themes;
pub mod window;

use super::action::Action;
use super::list::{ListView, ROW_ITEMS, TWO_ROW_ITEMS, scrolled};

/// A window open on top of the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// The keys, scrolled down by `scroll` rows.
    Help {
        /// Rows scrolled past.
        scroll: usize,
    },
    /// The articles, with the selected one.
    Articles(ListView),
    /// The themes, with the selected one.
    Themes(ListView),
    /// The bookmarks and notes of every article, with the selected one.
    Bookmarks(ListView),
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
    /// The items of the list it shows (articles, themes or bookmarks), or the lines of its
    /// text (skipped files).
    pub items: usize,
    /// For the help: how far it scrolls and how many rows a page shows.
    pub help_scroll: (usize, usize),
}

/// What a key did to an overlay.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// It stays open, as it is now.
    Open(Overlay),
    /// It closes.
    Closed,
    /// Its selected item was chosen (Enter): the list closes, and the reader goes there.
    Chosen(Overlay),
    /// The key quits the reader.
    Quit,
}

impl Overlay {
    /// Act on `action`, the overlay showing what `lengths` says: a list moves by a line or a
    /// page or to an end, a text scrolls; Enter chooses a list's item; the overlay's own key
    /// again, Esc, `o` and Backspace close it.
    pub fn handle(self, action: Action, lengths: Lengths) -> Outcome {
        match (self, action) {
            (_, Action::Quit) => Outcome::Quit,
            (
                Overlay::Articles(_) | Overlay::Themes(_) | Overlay::Bookmarks(_),
                Action::Activate,
            ) => Outcome::Chosen(self),
            _ => match self.moved(action, lengths) {
                Some(moved) => Outcome::Open(moved),
                None if self.closes_on(action) => Outcome::Closed,
                None => Outcome::Open(self),
            },
        }
    }

    /// The overlay after `action` moved its list or scrolled its text, or `None` when the
    /// action does not move it. The rows in view are those the drawing will show.
    fn moved(self, action: Action, lengths: Lengths) -> Option<Overlay> {
        let (height, count) = (lengths.screen_height, lengths.items);
        match self {
            Overlay::Articles(view) => {
                view.moved(action, count, ROW_ITEMS.rows(count, height)).map(Overlay::Articles)
            }
            Overlay::Themes(view) => {
                view.moved(action, count, ROW_ITEMS.rows(count, height)).map(Overlay::Themes)
            }
            Overlay::Bookmarks(view) => {
                view.moved(action, count, TWO_ROW_ITEMS.rows(count, height)).map(Overlay::Bookmarks)
            }
            Overlay::Skipped { scroll } => {
                let (last, page) = (count.saturating_sub(1), usize::from(height.saturating_sub(4)));
                scrolled(scroll, action, last, page).map(|scroll| Overlay::Skipped { scroll })
            }
            Overlay::Help { scroll } => {
                let (last, page) = lengths.help_scroll;
                scrolled(scroll, action, last, page).map(|scroll| Overlay::Help { scroll })
            }
        }
    }

    /// Whether `action` closes the overlay: its own key again, or one that closes any window.
    fn closes_on(self, action: Action) -> bool {
        matches!(
            (self, action),
            (Overlay::Help { .. }, Action::Help)
                | (Overlay::Themes(_), Action::ThemeList)
                | (Overlay::Bookmarks(_), Action::BookmarkList)
                | (Overlay::Skipped { .. }, Action::Skipped)
                | (_, Action::Close | Action::ArticleList | Action::Back)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A list of `items` on a screen of 24 rows.
    fn lengths(items: usize) -> Lengths {
        Lengths { screen_height: 24, items, help_scroll: (30, 22) }
    }

    #[test]
    fn a_list_moves_pages_and_is_chosen_or_closed() {
        let list = Overlay::Articles(ListView::at(0));
        let Outcome::Open(Overlay::Articles(view)) = list.handle(Action::Bottom, lengths(300))
        else {
            panic!("the list stays open");
        };
        assert_eq!(view.selected(), 299, "End selects the last of 300");
        let Outcome::Open(Overlay::Articles(view)) =
            Overlay::Articles(view).handle(Action::PageUp, lengths(300))
        else {
            panic!();
        };
        assert!(view.selected() < 299 - 5, "a page up: {}", view.selected());
        let chosen = Overlay::Articles(view).handle(Action::Activate, lengths(300));
        assert_eq!(chosen, Outcome::Chosen(Overlay::Articles(view)));
        assert_eq!(list.handle(Action::Close, lengths(300)), Outcome::Closed);
        assert_eq!(list.handle(Action::ArticleList, lengths(300)), Outcome::Closed);
        assert_eq!(list.handle(Action::Quit, lengths(300)), Outcome::Quit);
        // A key that does nothing here leaves it as it is.
        assert_eq!(list.handle(Action::NextHit, lengths(300)), Outcome::Open(list));
    }

    #[test]
    fn a_text_scrolls_to_its_last_row_and_its_own_key_closes_it() {
        let help = Overlay::Help { scroll: 0 };
        assert_eq!(
            help.handle(Action::Bottom, lengths(0)),
            Outcome::Open(Overlay::Help { scroll: 30 })
        );
        assert_eq!(help.handle(Action::Help, lengths(0)), Outcome::Closed);
        assert_eq!(help.handle(Action::Activate, lengths(0)), Outcome::Open(help));
        let skipped = Overlay::Skipped { scroll: 0 };
        assert_eq!(
            skipped.handle(Action::Down, lengths(3)),
            Outcome::Open(Overlay::Skipped { scroll: 1 })
        );
        assert_eq!(skipped.handle(Action::Skipped, lengths(3)), Outcome::Closed);
        assert_eq!(
            Overlay::Themes(ListView::at(0)).handle(Action::ThemeList, lengths(5)),
            Outcome::Closed
        );
    }
}
