//! The bookmarks and notes a reader makes, kept in the reading state with the articles'
//! positions: placed on the articles open now (an edited article's found again by their
//! paragraphs' text), what could not be placed kept aside for `W`, and held back while only
//! the opening of a large article is there.

mod decks;

pub use decks::DeckEntry;

use rayon::prelude::*;

use super::message::Message;
use super::reading::{Pane, Reading};
use crate::corpus::Document;
use crate::state::place::{Unplaced, place, stored_path};
use crate::state::{ArticleState, Bookmark, DeckItem, ParagraphPrint, ReaderState, article_key};

/// Above this many articles, their keys are worked out on every core.
const PARALLEL_KEYS: usize = 64;
/// The most removals remembered for undo; older ones are let go.
const UNDO_DEPTH: usize = 100;

/// A bookmark as the list of bookmarks shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BookmarkEntry {
    /// Index of the article.
    pub document: usize,
    /// Index of the paragraph.
    pub paragraph: usize,
    /// Whether the paragraph is bookmarked (else only noted).
    pub bookmarked: bool,
    /// The note, if any.
    pub note: Option<String>,
}

/// What a removal took, kept so that `u` can give it back.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Removal {
    /// The bookmark, or the note, of a paragraph.
    Mark {
        /// The article's key ([`article_key`]).
        key: String,
        /// What was taken.
        taken: Bookmark,
    },
    /// An item of a deck.
    DeckItem {
        /// The deck's name.
        deck: String,
        /// Where the item was in it.
        index: usize,
        /// The item.
        item: DeckItem,
    },
}

/// What an undo gave back, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restored {
    /// The article and paragraph of what came back, if that article is open.
    pub place: Option<(usize, usize)>,
    /// What the status line says.
    pub said: Message,
}

/// The reading state, the open articles' keys in it, and what of it could not be placed.
#[derive(Default)]
pub struct Marks {
    state: ReaderState,
    /// The bookmarks and notes of the state that could not be placed in their articles: kept
    /// in the state, listed under `W`, never shown in the article.
    unplaced: Vec<Unplaced>,
    /// Each open article's key ([`article_key`]).
    keys: Vec<String>,
    /// Whether the state is held back: only the opening of a large article is there yet.
    holding: bool,
    /// The removals of this run, the last one last.
    removals: Vec<Removal>,
    /// The deck `+` adds to, by its index in the state's decks.
    current_deck: usize,
}

impl Marks {
    /// No marks yet, on `documents`.
    pub fn new(documents: &[Document]) -> Marks {
        Marks { keys: keys_of(documents), ..Marks::default() }
    }

    /// Take up `state` placed on `documents`; returns how many of its bookmarks and notes
    /// could not be placed.
    fn place(&mut self, state: &ReaderState, documents: &[Document]) -> usize {
        let placed = place(state, documents, &self.keys);
        self.unplaced = placed.unplaced;
        self.state = placed.state;
        self.unplaced.len()
    }

    /// Take up `state`, remembered from the last run, on the articles of `pane`: the
    /// bookmarks and notes placed (an edited article's found again by their paragraphs' text),
    /// and for `reading` every article's position and the article open at the last exit,
    /// opened again. Returns how many bookmarks and notes could not be placed.
    pub fn remember(&mut self, state: &ReaderState, reading: &mut Reading, pane: &Pane) -> usize {
        let unplaced = self.place(state, &pane.corpus.documents);
        reading.take_positions(pane, &self.state, &self.keys, None);
        if let Some(document) = self.last_open() {
            reading.reopen(pane, document);
        }
        unplaced
    }

    /// Take up `pane`'s whole collection, of which only the opening of its article `first`
    /// was there: the state placed again on every article, the positions of the others given
    /// to `reading` (which follows that article to its index), and the state no longer held
    /// back.
    pub fn take_up(&mut self, reading: &mut Reading, pane: &Pane, first: usize) {
        reading.take_up_collection(pane, first);
        self.keys = keys_of(&pane.corpus.documents);
        let state = std::mem::take(&mut self.state);
        self.place(&state, &pane.corpus.documents);
        self.holding = false;
        reading.take_positions(pane, &self.state, &self.keys, Some(first));
    }

    /// Take up `state` as saved, merged with what another reader saved meanwhile (placed
    /// already): its bookmarks and notes, and its positions in the articles `reading` does not
    /// have open.
    pub fn adopt(&mut self, state: ReaderState, reading: &mut Reading, pane: &Pane) {
        reading.take_positions(pane, &state, &self.keys, Some(reading.document()));
        self.state = state;
    }

    /// The state as placed.
    pub fn state(&self) -> &ReaderState {
        &self.state
    }

    /// The article that was open at the last exit, if it is open now.
    pub fn last_open(&self) -> Option<usize> {
        let key = self.state.last_article.as_ref()?;
        self.keys.iter().position(|k| k == key)
    }

    /// What to remember of this run: the state with every position `reading` has (over
    /// `pane`) and the article open now.
    pub fn with_positions(&self, reading: &Reading, pane: &Pane) -> ReaderState {
        let mut state = self.state.clone();
        reading.write_positions(pane, &mut state, &self.keys, say_where_read);
        state.last_article = self.keys.get(reading.document()).cloned();
        state
    }

    /// Hold the state back until [`Marks::take_up`].
    pub fn hold(&mut self) {
        self.holding = true;
    }

    /// Whether the state is held back.
    pub fn holds(&self) -> bool {
        self.holding
    }

    /// The bookmarks and notes that could not be placed.
    pub fn unplaced(&self) -> &[Unplaced] {
        &self.unplaced
    }

    /// The bookmarks and notes of article `document`, if it has any.
    pub fn article(&self, document: usize) -> Option<&ArticleState> {
        self.state.articles.get(self.keys.get(document)?)
    }

    /// The entry of article `document` of `documents`, made (with where it was read from) if
    /// it has none.
    fn article_mut(&mut self, documents: &[Document], document: usize) -> &mut ArticleState {
        let article = self.state.articles.entry(self.keys[document].clone()).or_default();
        say_where_read(article, &documents[document]);
        article
    }

    /// Bookmark paragraph `paragraph` of article `document`, or remove its bookmark (its note
    /// stays), and say which; while the state is held back, nothing changes and it says so.
    pub fn toggle_bookmark(
        &mut self,
        documents: &[Document],
        document: usize,
        paragraph: usize,
    ) -> Result<Message, Message> {
        self.not_held()?;
        let print = print(documents, document, paragraph);
        let article = self.article_mut(documents, document);
        if article.toggle_bookmark(paragraph, print.clone()) {
            return Ok(Message::Bookmarked);
        }
        let noted = article.bookmark(paragraph).is_some();
        let taken = Bookmark { paragraph, bookmarked: true, note: None, print: Some(print) };
        self.remember_removal(document, taken);
        Ok(if noted { Message::BookmarkRemovedNoteKept } else { Message::BookmarkRemoved })
    }

    /// Attach `note` (not empty: deleting a note is [`Marks::delete_note`]) to paragraph
    /// `paragraph` of article `document`, and say so; its bookmark, or the lack of one, stays.
    pub fn set_note(
        &mut self,
        documents: &[Document],
        document: usize,
        paragraph: usize,
        note: &str,
    ) -> Message {
        let print = print(documents, document, paragraph);
        self.article_mut(documents, document).set_note(paragraph, print, note);
        Message::NoteSaved
    }

    /// Whether paragraph `paragraph` of article `document` has a note that can be deleted now;
    /// if not, what to say.
    pub fn note_to_delete(&self, document: usize, paragraph: usize) -> Result<(), Message> {
        self.not_held()?;
        if self.note(document, paragraph).is_empty() { Err(Message::NoNote) } else { Ok(()) }
    }

    /// Delete the note on paragraph `paragraph` of article `document` (its bookmark stays),
    /// remembered for undo, and say so.
    pub fn delete_note(
        &mut self,
        documents: &[Document],
        document: usize,
        paragraph: usize,
    ) -> Result<Message, Message> {
        self.note_to_delete(document, paragraph)?;
        let print = print(documents, document, paragraph);
        let article = self.article_mut(documents, document);
        let note = article.set_note(paragraph, print.clone(), "");
        let taken = Bookmark { paragraph, bookmarked: false, note, print: Some(print) };
        self.remember_removal(document, taken);
        Ok(Message::NoteDeleted)
    }

    /// Keep what was `taken` from article `document` for undo.
    fn remember_removal(&mut self, document: usize, taken: Bookmark) {
        self.keep_for_undo(Removal::Mark { key: self.keys[document].clone(), taken });
    }

    /// Keep `removal` for undo, the oldest let go past [`UNDO_DEPTH`].
    fn keep_for_undo(&mut self, removal: Removal) {
        if self.removals.len() == UNDO_DEPTH {
            self.removals.remove(0);
        }
        self.removals.push(removal);
    }

    /// Give back what the last removal of this run took (a bookmark, a note or a deck's
    /// item), and say where; with nothing to undo, or while the state is held back, say why
    /// not.
    pub fn undo(&mut self) -> Result<Restored, Message> {
        self.not_held()?;
        match self.removals.pop().ok_or(Message::NothingToUndo)? {
            Removal::Mark { key, taken } => {
                let document = self.keys.iter().position(|k| *k == key);
                let document = document.ok_or(Message::NothingToUndo)?;
                self.state.articles.entry(key).or_default().restore(&taken);
                let said = if taken.bookmarked { Message::BookmarkBack } else { Message::NoteBack };
                Ok(Restored { place: Some((document, taken.paragraph)), said })
            }
            Removal::DeckItem { deck, index, item } => self.put_back(deck, index, item),
        }
    }

    /// The note to start typing on paragraph `paragraph` of article `document`: the one it
    /// has, or none; while the state is held back, notes wait and it says so.
    pub fn note_to_edit(&self, document: usize, paragraph: usize) -> Result<String, Message> {
        self.not_held()?;
        Ok(self.note(document, paragraph))
    }

    /// Whether bookmarks and notes can change now: not while the state is held back.
    fn not_held(&self) -> Result<(), Message> {
        if self.holding { Err(Message::StillReadingArticle) } else { Ok(()) }
    }

    /// The note on paragraph `paragraph` of article `document` (empty if it has none).
    pub fn note(&self, document: usize, paragraph: usize) -> String {
        self.article(document)
            .and_then(|a| a.bookmark(paragraph))
            .and_then(|b| b.note.clone())
            .unwrap_or_default()
    }

    /// Every bookmark of every article of `documents` that is in its article, in collection
    /// order.
    pub fn bookmarks(&self, documents: &[Document]) -> Vec<BookmarkEntry> {
        let mut entries = Vec::new();
        for (index, document) in documents.iter().enumerate() {
            if let Some(article) = self.article(index) {
                let placed = |b: &&Bookmark| b.paragraph < document.paragraphs.len();
                entries.extend(article.bookmarks.iter().filter(placed).map(|b| BookmarkEntry {
                    document: index,
                    paragraph: b.paragraph,
                    bookmarked: b.bookmarked,
                    note: b.note.clone(),
                }));
            }
        }
        entries
    }
}

/// The print of paragraph `paragraph` of article `document`.
fn print(documents: &[Document], document: usize, paragraph: usize) -> ParagraphPrint {
    let text = documents[document].paragraphs.get(paragraph).map(|p| p.text.as_str());
    ParagraphPrint::of(text.unwrap_or_default())
}

/// Note in a new entry where its article was read from (how it is found again once edited,
/// and opened first next time).
fn say_where_read(article: &mut ArticleState, document: &Document) {
    if article.title.is_none() {
        article.path = Some(stored_path(document));
        article.title = Some(document.title.clone());
    }
}

/// Each article's key ([`article_key`]), which hashes its text: a large collection's are
/// shared out among the cores (a few articles' are not worth starting them for).
fn keys_of(documents: &[Document]) -> Vec<String> {
    if documents.len() > PARALLEL_KEYS {
        documents.par_iter().map(article_key).collect()
    } else {
        documents.iter().map(article_key).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    use ratatui::layout::Rect;

    use crate::corpus::{Corpus, parse_document};
    use crate::layout::LayoutOptions;
    use crate::state::place::Reason;

    /// Two short articles, for the marks' tests (and the decks').
    pub(super) fn documents() -> Vec<Document> {
        vec![
            parse_document("a.txt", "عنوان\n\nفقرة أولى في المقالة.\n\nفقرة ثانية فيها.", false),
            parse_document("b.txt", "مقالة أخرى\n\nفيها فقرة واحدة.", false),
        ]
    }

    fn listed(marks: &Marks, documents: &[Document]) -> Vec<(usize, usize, bool, String)> {
        let entries = marks.bookmarks(documents).into_iter();
        entries
            .map(|b| (b.document, b.paragraph, b.bookmarked, b.note.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn a_bookmark_and_a_note_are_apart() {
        let documents = documents();
        let mut marks = Marks::new(&documents);
        assert_eq!(marks.toggle_bookmark(&documents, 0, 1), Ok(Message::Bookmarked));
        assert_eq!(marks.set_note(&documents, 1, 1, "  ملاحظة  "), Message::NoteSaved);
        let note = "ملاحظة".to_string();
        assert_eq!(
            listed(&marks, &documents),
            [(0, 1, true, String::new()), (1, 1, false, note.clone())]
        );
        // `m` on the noted paragraph bookmarks it, and again takes only the bookmark off.
        assert_eq!(marks.toggle_bookmark(&documents, 1, 1), Ok(Message::Bookmarked));
        assert_eq!(marks.toggle_bookmark(&documents, 1, 1), Ok(Message::BookmarkRemovedNoteKept));
        assert_eq!(marks.note(1, 1), "ملاحظة", "the note is not lost by `m`");
        assert_eq!(marks.toggle_bookmark(&documents, 0, 1), Ok(Message::BookmarkRemoved));
        assert_eq!(listed(&marks, &documents), [(1, 1, false, note)]);
        let entry = marks.article(0).expect("the article has an entry");
        assert_eq!(entry.path.as_deref(), Some(stored_path(&documents[0]).as_str()));
    }

    #[test]
    fn removals_are_undone_last_first() {
        let documents = documents();
        let mut marks = Marks::new(&documents);
        assert_eq!(marks.undo(), Err(Message::NothingToUndo));
        assert_eq!(marks.note_to_delete(0, 2), Err(Message::NoNote));
        marks.toggle_bookmark(&documents, 0, 2).unwrap();
        marks.set_note(&documents, 0, 2, "سطر مهم");
        assert_eq!(marks.delete_note(&documents, 0, 2), Ok(Message::NoteDeleted));
        assert_eq!(marks.toggle_bookmark(&documents, 0, 2), Ok(Message::BookmarkRemoved));
        assert!(listed(&marks, &documents).is_empty());
        let back = marks.undo().unwrap();
        assert_eq!((back.place, back.said), (Some((0, 2)), Message::BookmarkBack));
        assert_eq!(listed(&marks, &documents), [(0, 2, true, String::new())]);
        assert_eq!(marks.undo().unwrap().said, Message::NoteBack);
        assert_eq!(listed(&marks, &documents), [(0, 2, true, "سطر مهم".to_string())]);
        assert_eq!(marks.undo(), Err(Message::NothingToUndo));
    }

    #[test]
    fn a_bookmark_past_its_article_s_end_is_kept_aside_not_listed() {
        let documents = documents();
        let mut state = ReaderState::default();
        let key = article_key(&documents[0]);
        let far =
            Bookmark {
                paragraph: 99, bookmarked: true, note: Some("بعيدة".into()), print: None
            };
        state.articles.entry(key.clone()).or_default().bookmarks.push(far);
        state.last_article = Some(article_key(&documents[1]));
        let mut marks = Marks::new(&documents);
        assert_eq!(marks.place(&state, &documents), 1);
        assert_eq!(marks.unplaced()[0].reason, Reason::PastTheEnd);
        assert!(marks.bookmarks(&documents).is_empty());
        assert_eq!(marks.state().articles[&key].bookmarks.len(), 1, "kept in the state");
        assert_eq!(marks.last_open(), Some(1));
    }

    #[test]
    fn the_state_held_back_is_placed_on_the_whole_collection() {
        let documents = documents();
        let opening = vec![documents[1].clone()];
        let mut marks = Marks::new(&opening);
        marks.hold();
        assert!(marks.holds());
        assert_eq!(marks.toggle_bookmark(&opening, 0, 1), Err(Message::StillReadingArticle));
        assert_eq!(marks.note_to_edit(0, 1), Err(Message::StillReadingArticle));
        assert!(marks.state().articles.is_empty(), "nothing changed while held back");
        // The article shown is the second of the whole collection; it was read down to its
        // second paragraph, and the first article was left at its end last time.
        let mut state = ReaderState::default();
        let far = crate::state::Position { paragraph: 1, line: 0, current: 1 };
        state.articles.entry(article_key(&documents[0])).or_default().position = far;
        marks.state = state;
        let whole = Arc::new(Corpus { documents: documents.clone(), warnings: Vec::new() });
        let (options, text) = (LayoutOptions::default(), Rect::new(0, 0, 40, 10));
        let first = Arc::new(Corpus { documents: opening, warnings: Vec::new() });
        let mut reading = Reading::new(&Pane::new(&first, &options, text));
        let pane = Pane::new(&whole, &options, text);
        marks.take_up(&mut reading, &pane, 1);
        assert!(!marks.holds());
        assert_eq!(marks.keys, [article_key(&documents[0]), article_key(&documents[1])]);
        assert_eq!(reading.document(), 1, "the article shown, at its index in the whole");
        reading.open(&pane, 0);
        assert_eq!(reading.paragraph(), 1, "the other article's position is taken up");
    }
}
