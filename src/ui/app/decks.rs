//! The reader's keys for decks: `+` adds the place pointed at (or the bookmark selected in
//! the bookmarks list, or the sentence of the hit selected in the list of hits) to the current
//! deck, `C` makes a new deck, and in the deck's list Tab goes to the next deck, `K` `J` move
//! the selected place, `d` removes it, `p` presents the deck.

use super::App;
use crate::lang::fill;
use crate::ui::action::Action;
use crate::ui::effect::Effect;
use crate::ui::list::List;
use crate::ui::message::Message;
use crate::ui::mode::Mode;
use crate::ui::overlay::Overlay;
use crate::ui::picked::{Picked, PickedKind};
use crate::ui::presentation::{Place, Presentation};
use crate::ui::prompt::{Prompt, PromptKind};

impl App {
    /// `+` while reading: add the place the reader points at to the current deck.
    pub(super) fn add_picked_to_deck(&mut self) {
        if let Some(picked) = self.picked() {
            self.add_to_deck(&picked);
        }
    }

    /// Add `picked` to the current deck (a first deck named in the interface's language when
    /// there is none), and say so.
    fn add_to_deck(&mut self, picked: &Picked) {
        let first = fill(self.look.lang, "Deck {}", &[&1]);
        match self.marks.add_to_deck(&self.corpus.documents, picked, &first) {
            Ok(said) => self.saved(said),
            Err(said) => self.tell(said),
        }
    }

    /// `C`: type the name of a new deck.
    pub(super) fn start_new_deck(&mut self) {
        let number = self.marks.decks().len() + 1;
        let name = fill(self.look.lang, "Deck {}", &[&number]);
        self.mode = Mode::Prompt(Prompt::with_text(PromptKind::DeckName, name));
    }

    /// The name of a new deck was typed: make it.
    pub(super) fn make_deck(&mut self, name: &str) {
        match self.marks.new_deck(name) {
            Ok(said) => self.saved(said),
            Err(said) => self.tell(said),
        }
    }

    /// A deck's key in a list: true when it was one (and was acted on), false to let the list
    /// handle it. In the bookmarks list `+` adds the selected bookmark's paragraph; in the
    /// deck's list Tab goes to the next deck and `K`, `J` and `d` move and remove the selected
    /// place.
    pub(super) fn deck_key_in_list(&mut self, action: Action) -> bool {
        let Mode::Overlay(overlay) = &self.mode else {
            return false;
        };
        let count = self.scene().lengths(overlay, self.screen.height).items;
        match (overlay, action) {
            (Overlay::Bookmarks(list), Action::AddToDeck) => {
                let bookmarks = self.marks.bookmarks(&self.corpus.documents);
                if let Some(entry) = list.selected_item(count).and_then(|i| bookmarks.get(i)) {
                    let (document, paragraph) = (entry.document, entry.paragraph);
                    let kind = PickedKind::Paragraph;
                    self.add_to_deck(&Picked { document, paragraph, range: None, kind });
                }
                true
            }
            (Overlay::Hits(list), Action::AddToDeck) => {
                let hits = self.search.last().map_or(&[][..], |s| s.hits.as_slice());
                if let Some(hit) = list.selected_item(count).and_then(|i| hits.get(i)).cloned() {
                    // The sentence the hit is in: a word alone would make a poor slide.
                    let sentences =
                        &self.corpus.documents[hit.document].paragraphs[hit.paragraph].sentences;
                    let range = sentences.iter().find(|s| s.contains(&hit.range.start)).cloned();
                    let (document, paragraph) = (hit.document, hit.paragraph);
                    let kind = PickedKind::Passage;
                    self.add_to_deck(&Picked { document, paragraph, range, kind });
                }
                true
            }
            (Overlay::Deck(_), Action::Present) => {
                self.present_deck();
                true
            }
            (Overlay::Deck(_), Action::TogglePanel) => {
                self.marks.next_deck();
                self.mode = Mode::Overlay(Overlay::Deck(List::at(0)));
                true
            }
            (
                Overlay::Deck(list),
                Action::MoveItemUp | Action::MoveItemDown | Action::RemoveItem,
            ) => {
                let (Some(item), Some(deck)) =
                    (list.selected_item(count), self.marks.current_deck())
                else {
                    return true;
                };
                let changed = match action {
                    Action::RemoveItem => self.marks.remove_deck_item(deck, item).map(|said| {
                        self.tell(said);
                        item.min(count.saturating_sub(2))
                    }),
                    _ => self.marks.shift_deck_item(deck, item, action.way()),
                };
                match changed {
                    Ok(at) => {
                        self.mode = Mode::Overlay(Overlay::Deck(List::at(at)));
                        self.ask(Effect::SaveState);
                    }
                    Err(said) => self.tell(said),
                }
                true
            }
            _ => false,
        }
    }

    /// `p` in the deck's list: present the deck, a slide for each of its places whose article
    /// is open (in order), after a slide with its name.
    fn present_deck(&mut self) {
        let Some(deck) = self.marks.current_deck() else {
            return;
        };
        let name = self.marks.decks()[deck].name.clone();
        let entries = self.marks.deck_entries(deck, &self.corpus.documents);
        let places: Vec<Place> = entries
            .into_iter()
            .filter_map(|e| {
                Some(Place { document: e.document?, paragraph: e.paragraph, sentence: e.range })
            })
            .collect();
        if places.is_empty() {
            return self.tell(Message::DeckItemNotOpen);
        }
        self.present_with(|material, settings, frame| {
            Presentation::of_places(material, &name, &places, settings, frame)
        });
    }

    /// Go to place `index` of the current deck, its chosen bytes marked.
    pub(super) fn go_to_deck_item(&mut self, index: usize) {
        let Some(deck) = self.marks.current_deck() else {
            return;
        };
        let entries = self.marks.deck_entries(deck, &self.corpus.documents);
        let Some(entry) = entries.get(index) else {
            return;
        };
        let Some(document) = entry.document else {
            return self.tell(Message::DeckItemNotOpen);
        };
        let range = entry.range.clone().unwrap_or_else(|| {
            0..self.corpus.documents[document].paragraphs[entry.paragraph].text.len()
        });
        self.jump_to(document, entry.paragraph, range);
    }
}
