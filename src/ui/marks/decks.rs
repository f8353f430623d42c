//! The decks a trainer builds to present, kept in the reading state with the bookmarks: the
//! deck `+` adds to, adding the place the reader points at, moving and removing items (a
//! removal is kept for `u`), and the items placed on the open articles for their list.

use std::ops::Range;

use super::{Marks, Removal, Restored, print};
use crate::corpus::Document;
use crate::state::{Deck, DeckItem};
use crate::ui::message::Message;
use crate::ui::picked::Picked;

/// A deck's item as its list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeckEntry {
    /// Index of its article among the open ones; None when that article is not open (or was
    /// edited and the item's paragraph not found again).
    pub document: Option<usize>,
    /// Index of the paragraph.
    pub paragraph: usize,
    /// The bytes chosen in it, when not the whole paragraph (and still inside it).
    pub range: Option<Range<usize>>,
}

impl Marks {
    /// The decks, in the order they were made.
    pub fn decks(&self) -> &[Deck] {
        &self.state.decks
    }

    /// The deck `+` adds to, if there is a deck.
    pub fn current_deck(&self) -> Option<usize> {
        (!self.state.decks.is_empty()).then(|| self.current_deck.min(self.state.decks.len() - 1))
    }

    /// Make the deck after the current one (round to the first) the one `+` adds to; returns
    /// it.
    pub fn next_deck(&mut self) -> Option<usize> {
        let next = (self.current_deck()? + 1) % self.state.decks.len();
        self.current_deck = next;
        Some(next)
    }

    /// Make a new deck named `name` (trimmed) the one `+` adds to, and say so; a name that is
    /// taken (or empty) makes nothing.
    pub fn new_deck(&mut self, name: &str) -> Result<Message, Message> {
        self.not_held()?;
        let name = name.trim();
        if name.is_empty() {
            return Err(Message::DeckNameEmpty);
        }
        if self.state.decks.iter().any(|d| d.name == name) {
            return Err(Message::DeckNameTaken(name.to_string()));
        }
        self.state.decks.push(Deck { name: name.to_string(), items: Vec::new() });
        self.current_deck = self.state.decks.len() - 1;
        Ok(Message::DeckMade(name.to_string()))
    }

    /// Add `picked` (in `documents`) at the end of the current deck — a new one named
    /// `first_name` when there is none — and say so; a place the deck has already is not
    /// added twice.
    pub fn add_to_deck(
        &mut self,
        documents: &[Document],
        picked: &Picked,
        first_name: &str,
    ) -> Result<Message, Message> {
        self.not_held()?;
        if self.current_deck().is_none() {
            self.new_deck(first_name)?;
        }
        let deck = self.current_deck().unwrap_or_default();
        // The article's entry says where it was read from, as a note's does, so that the item
        // is found again in the article once edited.
        self.article_mut(documents, picked.document);
        let item = DeckItem {
            article: self.keys[picked.document].clone(),
            paragraph: picked.paragraph,
            range: picked.range.as_ref().map(|r| [r.start, r.end]),
            print: Some(print(documents, picked.document, picked.paragraph)),
        };
        let deck = &mut self.state.decks[deck];
        let name = deck.name.clone();
        if !deck.add(item) {
            return Err(Message::AlreadyInDeck(name));
        }
        Ok(Message::AddedToDeck(name, deck.items.len()))
    }

    /// The items of deck `deck`, placed on `documents` (the open articles).
    pub fn deck_entries(&self, deck: usize, documents: &[Document]) -> Vec<DeckEntry> {
        let Some(deck) = self.state.decks.get(deck) else {
            return Vec::new();
        };
        let entry = |item: &DeckItem| {
            let document = self.keys.iter().position(|k| *k == item.article);
            let document = document.filter(|&d| item.paragraph < documents[d].paragraphs.len());
            let range = item.range.map(|[start, end]| start..end).filter(|r| {
                document.is_some_and(|d| {
                    documents[d].paragraphs[item.paragraph].text.get(r.clone()).is_some()
                })
            });
            DeckEntry { document, paragraph: item.paragraph, range }
        };
        deck.items.iter().map(entry).collect()
    }

    /// Remove item `index` of deck `deck` (kept for `u`), and say so.
    pub fn remove_deck_item(&mut self, deck: usize, index: usize) -> Result<Message, Message> {
        self.not_held()?;
        let Some(d) = self.state.decks.get_mut(deck).filter(|d| index < d.items.len()) else {
            return Err(Message::NothingToUndo);
        };
        let item = d.items.remove(index);
        let removal = Removal::DeckItem { deck: d.name.clone(), index, item };
        self.keep_for_undo(removal);
        Ok(Message::DeckItemRemoved)
    }

    /// Move item `index` of deck `deck` by `step` places; returns where it is now.
    pub fn shift_deck_item(
        &mut self,
        deck: usize,
        index: usize,
        step: isize,
    ) -> Result<usize, Message> {
        self.not_held()?;
        let deck = self.state.decks.get_mut(deck).ok_or(Message::NoDecks)?;
        Ok(deck.shift(index, step))
    }

    /// Put `item` back at `index` of the deck named `deck` (made again if it is gone).
    pub(super) fn put_back(
        &mut self,
        deck: String,
        index: usize,
        item: DeckItem,
    ) -> Result<Restored, Message> {
        let at = match self.state.decks.iter().position(|d| d.name == deck) {
            Some(at) => at,
            None => {
                self.state.decks.push(Deck { name: deck, items: Vec::new() });
                self.state.decks.len() - 1
            }
        };
        let items = &mut self.state.decks[at].items;
        let place = self.keys.iter().position(|k| *k == item.article).map(|d| (d, item.paragraph));
        items.insert(index.min(items.len()), item);
        self.current_deck = at;
        Ok(Restored { place, said: Message::DeckItemBack })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::marks::tests::documents;
    use crate::ui::picked::PickedKind;

    fn picked(document: usize, paragraph: usize, range: Option<Range<usize>>) -> Picked {
        Picked { document, paragraph, range, kind: PickedKind::Paragraph }
    }

    #[test]
    fn places_go_into_the_current_deck_once_in_order() {
        let documents = documents();
        let mut marks = Marks::new(&documents);
        assert_eq!(marks.current_deck(), None);
        let said = marks.add_to_deck(&documents, &picked(1, 1, None), "عرض 1");
        assert_eq!(said, Ok(Message::AddedToDeck("عرض 1".into(), 1)));
        let again = marks.add_to_deck(&documents, &picked(1, 1, None), "عرض 1");
        assert_eq!(again, Err(Message::AlreadyInDeck("عرض 1".into())));
        marks.add_to_deck(&documents, &picked(0, 2, Some(0..8)), "x").unwrap();
        assert_eq!(marks.new_deck(" عرض 1 "), Err(Message::DeckNameTaken("عرض 1".into())));
        assert_eq!(
            marks.new_deck("الجلسة الثانية"),
            Ok(Message::DeckMade("الجلسة الثانية".into()))
        );
        assert_eq!(marks.current_deck(), Some(1));
        assert_eq!(marks.next_deck(), Some(0));
        let entries = marks.deck_entries(0, &documents);
        let places: Vec<_> =
            entries.iter().map(|e| (e.document, e.paragraph, e.range.clone())).collect();
        assert_eq!(places, [(Some(1), 1, None), (Some(0), 2, Some(0..8))]);
        assert_eq!(marks.shift_deck_item(0, 1, -1), Ok(0));
        assert_eq!(marks.deck_entries(0, &documents)[0].document, Some(0));
    }

    #[test]
    fn a_removed_item_comes_back_in_its_place() {
        let documents = documents();
        let mut marks = Marks::new(&documents);
        for paragraph in 0..3 {
            marks.add_to_deck(&documents, &picked(0, paragraph, None), "عرض").unwrap();
        }
        assert_eq!(marks.remove_deck_item(0, 1), Ok(Message::DeckItemRemoved));
        let paragraphs = |marks: &Marks| -> Vec<usize> {
            marks.deck_entries(0, &documents).iter().map(|e| e.paragraph).collect()
        };
        assert_eq!(paragraphs(&marks), [0, 2]);
        let back = marks.undo().unwrap();
        assert_eq!((back.place, back.said), (Some((0, 1)), Message::DeckItemBack));
        assert_eq!(paragraphs(&marks), [0, 1, 2]);
    }
}
