//! A list's filter: the line typed on its first row and the items it lets through, matched
//! as the search matches ([`Query`]: harakat, tatweel, hamza forms, alef maqsura, ta marbuta
//! and spelling variants do not stop a match). The line is typed as the search's is (a
//! [`Prompt`]: the same keys, cursor and cleaning of what is typed or pasted).

use std::borrow::Cow;

use super::action::PromptAction;
use super::keymap::{Key, KeyTable};
use super::prompt::{LineLook, Prompt, PromptKind, Typed};
use crate::search::Query;

/// The filter of a list: its text, whether its line is being typed (and the item selected
/// when the typing began), and the items it lets through (all of them while the text is
/// empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListFilter {
    line: Prompt,
    typing: bool,
    /// The item selected when the line was last opened, to go back to when it is given up.
    opened_at: Option<usize>,
    /// Indices of the items shown, in list order.
    matches: Vec<usize>,
}

impl ListFilter {
    /// An empty filter line, being typed, over a list of `count` items (all of which show),
    /// opened with item `opened_at` selected.
    pub fn new(count: usize, opened_at: Option<usize>) -> ListFilter {
        let line = Prompt::new(PromptKind::Search);
        ListFilter { line, typing: true, opened_at, matches: (0..count).collect() }
    }

    /// The text typed, in logical order.
    pub fn text(&self) -> &str {
        &self.line.text
    }

    /// The line typed, with its cursor.
    pub fn line(&self) -> &Prompt {
        &self.line
    }

    /// Whether the filter line takes the keys.
    pub fn typing(&self) -> bool {
        self.typing
    }

    /// Type into the line again (`/` on a list already filtered), item `opened_at` selected.
    pub fn resume(&mut self, opened_at: Option<usize>) {
        self.typing = true;
        self.opened_at = opened_at;
    }

    /// The item selected when the line was last opened.
    pub fn opened_at(&self) -> Option<usize> {
        self.opened_at
    }

    /// The items shown, by their index in the whole list, in list order.
    pub fn matches(&self) -> &[usize] {
        &self.matches
    }

    /// Act on `key` on the filter line (with the prompt's keys, `keys`, the line laid out
    /// as `look` says), the list's items being `texts`: what is typed or deleted narrows or
    /// widens the items shown; Enter stops typing, keeping the filter; Esc gives it up.
    pub fn type_key(
        &mut self,
        key: Key,
        (keys, look): (&KeyTable<PromptAction>, LineLook),
        texts: &[Cow<str>],
    ) -> Typed {
        let typed = self.line.handle(key, keys, look);
        match typed {
            Typed::Edited => self.refilter(texts),
            Typed::Accepted => self.typing = false,
            Typed::Open | Typed::Cancelled => {}
        }
        typed
    }

    /// Type `pasted` on the filter line (on one line), the list's items being `texts`.
    pub fn paste(&mut self, pasted: &str, texts: &[Cow<str>]) {
        self.line.paste(pasted);
        self.refilter(texts);
    }

    /// Let through the items of `texts` that hold the text typed (all of them while it
    /// holds nothing to look for).
    pub fn refilter(&mut self, texts: &[Cow<str>]) {
        self.matches = match Query::new(&self.line.text) {
            Some(query) => (0..texts.len()).filter(|&i| query.is_in(&texts[i])).collect(),
            None => (0..texts.len()).collect(),
        };
    }

    /// Whether the filter holds nothing to look for (nothing typed, or only spaces and
    /// harakat).
    pub fn is_blank(&self) -> bool {
        Query::new(&self.line.text).is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::LayoutOptions;
    use crate::text::Direction;
    use crate::ui::keymap::Keymap;
    use crossterm::event::KeyCode;

    /// Type `key` into `filter`.
    fn press(filter: &mut ListFilter, key: Key, texts: &[Cow<str>]) -> Typed {
        let keys = Keymap::default().prompt;
        let options = LayoutOptions::default();
        let look = LineLook { fallback: Direction::Ltr, options: &options };
        filter.type_key(key, (&keys, look), texts)
    }

    /// Type the characters of `typed` into `filter`.
    fn type_all(filter: &mut ListFilter, typed: &str, texts: &[Cow<str>]) -> Typed {
        typed.chars().map(|c| press(filter, Key::ch(c), texts)).last().unwrap()
    }

    #[test]
    fn typing_narrows_the_list_as_the_search_matches_and_deleting_widens_it() {
        let titles = ["مكافحة الإرهاب الرقمي", "منصات التواصل", "الارهاب في تليجرام", "أخبار"];
        let texts: Vec<Cow<str>> = titles.iter().map(|t| Cow::Borrowed(*t)).collect();
        let mut filter = ListFilter::new(texts.len(), None);
        assert_eq!(filter.matches(), [0, 1, 2, 3], "nothing typed: everything");
        assert_eq!(type_all(&mut filter, "الإرهاب", &texts), Typed::Edited);
        assert_eq!(filter.matches(), [0, 2], "hamza or none");
        type_all(&mut filter, " في تلجرام", &texts);
        assert_eq!(filter.matches(), [2], "another spelling of the word");
        press(&mut filter, Key::ch('x'), &texts);
        assert!(filter.matches().is_empty());
        for _ in 0..11 {
            press(&mut filter, Key::plain(KeyCode::Backspace), &texts);
        }
        assert_eq!(filter.text(), "الإرهاب");
        assert_eq!(filter.matches(), [0, 2]);
        assert!(filter.typing());
        assert_eq!(press(&mut filter, Key::plain(KeyCode::Enter), &texts), Typed::Accepted);
        assert!(!filter.typing() && !filter.is_blank());
        assert_eq!(filter.matches(), [0, 2], "kept");
        filter.resume(None);
        assert_eq!(press(&mut filter, Key::plain(KeyCode::Esc), &texts), Typed::Cancelled);
    }

    #[test]
    fn a_paste_filters_on_one_line() {
        let texts: Vec<Cow<str>> = vec!["منصات التواصل".into(), "أخبار".into()];
        let mut filter = ListFilter::new(2, None);
        filter.paste("منصات\nالتواصل", &texts);
        assert_eq!((filter.text(), filter.matches()), ("منصات التواصل", &[0][..]));
        let mut blank = ListFilter::new(2, None);
        blank.paste("\u{64e} ", &texts);
        assert!(blank.is_blank());
        assert_eq!(blank.matches(), [0, 1]);
    }
}
