//! What the screen shows now: the reader's parts, read-only, with what follows from them
//! (where things go, the row at the top, how far through), taken by drawing as one value so
//! that drawing reads no state of its own.

use std::borrow::Cow;

use super::action::Action;
use super::chrome::Chrome;
use super::help;
use super::keymap::Keymap;
use super::list::List;
use super::look::Look;
use super::marks::{BookmarkEntry, DeckEntry, Marks};
use super::message::Message;
use super::mode::Mode;
use super::overlay::{self, Lengths, Overlay};
use super::reading::{Pane, Reading};
use super::regions::Regions;
use super::search::Search;
use super::side_panel::SidePanel;
use super::theme_trail::ActiveTheme;
use crate::analysis::Analysis;
use crate::analysis::view::section_of;
use crate::corpus::{Corpus, Document};
use crate::layout::LayoutOptions;

/// What the screen shows now.
pub struct Scene<'a> {
    /// The collection.
    pub corpus: &'a Corpus,
    /// Its analysis, once it is ready.
    pub analysis: Option<&'a Analysis>,
    /// How text is laid out.
    pub options: &'a LayoutOptions,
    /// The keys in force (hints and messages name them).
    pub keymap: &'a Keymap,
    /// How things look.
    pub look: &'a Look,
    /// Where things go on the screen.
    pub regions: Regions,
    /// Where the reader is, and the open article laid out.
    pub reading: &'a Reading,
    /// The row of the article at the top of the text pane.
    pub top_row: usize,
    /// How far through the article the pane is, 0 to 100.
    pub percent: usize,
    /// The bookmarks and notes.
    pub marks: &'a Marks,
    /// The side panel.
    pub panel: &'a SidePanel,
    /// What the keys go to: the article, a window over it, a line typed or a presentation.
    pub mode: &'a Mode,
    /// A message for the status line.
    pub message: Option<&'a Message>,
    /// The last search, if its hits are shown or can be stepped through.
    pub search: Option<&'a Search>,
    /// The title laid out for the top bar.
    pub chrome: &'a Chrome,
    /// The text pane over the collection.
    pub pane: Pane<'a>,
}

impl<'a> Scene<'a> {
    /// Index of the article open.
    pub fn document_index(&self) -> usize {
        self.reading.document()
    }

    /// The article open.
    pub fn document(&self) -> &'a Document {
        &self.corpus.documents[self.reading.document()]
    }

    /// The theme being followed.
    pub fn active_theme(&self) -> Option<ActiveTheme> {
        self.reading.active_theme()
    }

    /// The current paragraph of the article open (the one Related follows).
    pub fn paragraph(&self) -> usize {
        self.reading.paragraph()
    }

    /// The outline entry of the section being read: the last heading at or above the current
    /// paragraph.
    pub fn current_section(&self) -> Option<usize> {
        section_of(self.document(), self.paragraph())
    }

    /// The first panel item shown in a list of `height` rows.
    pub fn panel_first(&self, height: usize) -> usize {
        self.panel.first_shown(height)
    }

    /// What `W` lists: the files skipped or read with a warning when the collection was
    /// opened, then the bookmarks and notes that could not be placed in their article.
    pub fn warnings(&self) -> Vec<Message> {
        let files = self.corpus.warnings.iter().map(|w| Message::File(w.clone()));
        let documents = &self.corpus.documents;
        let unplaced = self.marks.unplaced().iter().map(|u| Message::unplaced(u, documents));
        files.chain(unplaced).collect()
    }

    /// The overlay `action` opens (the help, a list), or why it cannot open now: a list with
    /// nothing in it, or one that waits for the analysis. `None` for an action that opens none.
    pub fn overlay_for(&self, action: Action) -> Option<Result<Overlay, Message>> {
        Some(match action {
            Action::Help => Ok(Overlay::Help { scroll: 0 }),
            Action::ArticleList => Ok(Overlay::Articles(List::at(self.document_index()))),
            Action::ThemeList => match self.analysis {
                None => Err(Message::StillReading),
                Some(a) if a.themes.is_empty() => Err(Message::NoCommonTheme),
                // "No theme" first, then the themes: the list opens at the theme followed, else
                // at the first theme.
                Some(_) => {
                    let at = self.active_theme().map_or(1, |t| t.index + 1);
                    Ok(Overlay::Themes(List::at(at)))
                }
            },
            Action::BookmarkList if self.bookmarks().is_empty() => Err(Message::NoBookmarks),
            Action::BookmarkList => Ok(Overlay::Bookmarks(List::at(0))),
            Action::DeckList if self.marks.current_deck().is_none() => Err(Message::NoDecks),
            Action::DeckList => Ok(Overlay::Deck(List::at(0))),
            Action::HitList => match self.search.filter(|s| !s.hits.is_empty()) {
                None => Err(Message::NoSearch),
                Some(search) => Ok(Overlay::Hits(List::at(search.current.unwrap_or(0)))),
            },
            Action::Skipped
                if self.corpus.warnings.is_empty() && self.marks.unplaced().is_empty() =>
            {
                Err(Message::NoFileSkipped)
            }
            Action::Skipped => Ok(Overlay::Skipped { scroll: 0 }),
            _ => return None,
        })
    }

    /// How long what `overlay` shows is, on a screen `screen_height` rows high.
    pub fn lengths(&self, overlay: &Overlay, screen_height: u16) -> Lengths {
        let items = match overlay {
            Overlay::Articles(_) => self.corpus.documents.len(),
            Overlay::Themes(_) => self.analysis.map_or(0, |a| a.themes.len() + 1),
            Overlay::Bookmarks(_) => self.bookmarks().len(),
            Overlay::Deck(_) => self.deck().1.len(),
            Overlay::Hits(_) => self.search.map_or(0, |s| s.hits.len()),
            Overlay::Skipped { .. } => self.corpus.warnings.len() + self.marks.unplaced().len(),
            Overlay::Help { .. } => 0,
        };
        // Only the help needs its rows counted (they are built to be counted).
        let help_scroll = if matches!(overlay, Overlay::Help { .. }) {
            let rows = help::rows(self.keymap, self.look.lang).len();
            (help::max_scroll(rows, screen_height), help::shown(rows, screen_height))
        } else {
            (0, 0)
        };
        Lengths { screen_height, items, help_scroll }
    }

    /// What each item of the list `overlay` shows says, for its filter to look in (none
    /// for the help and the skipped files, which are not lists).
    pub fn list_texts(&self, overlay: &Overlay) -> Vec<Cow<'a, str>> {
        match overlay {
            Overlay::Articles(_) => overlay::articles::texts(&self.corpus.documents),
            Overlay::Themes(_) => {
                let themes = self.analysis.map_or(&[][..], |a| a.themes.as_slice());
                overlay::themes::texts(themes, self.look.lang)
            }
            Overlay::Bookmarks(_) => {
                overlay::bookmarks::texts(&self.bookmarks(), &self.corpus.documents)
            }
            Overlay::Deck(_) => overlay::deck::texts(&self.deck().1, &self.corpus.documents),
            Overlay::Hits(_) => {
                let hits = self.search.map_or(&[][..], |s| s.hits.as_slice());
                overlay::hits::texts(hits, &self.corpus.documents)
            }
            Overlay::Help { .. } | Overlay::Skipped { .. } => Vec::new(),
        }
    }

    /// How far through article `document` the reader is, 0 to 100, as the status line says
    /// it of the article open; `None` for an article not read in yet.
    pub fn progress(&self, document: usize) -> Option<usize> {
        self.reading.progress(&self.pane, document)
    }

    /// Every bookmark of every article, in collection order.
    pub fn bookmarks(&self) -> Vec<BookmarkEntry> {
        self.marks.bookmarks(&self.corpus.documents)
    }

    /// The current deck's name and places (none when there is no deck).
    pub fn deck(&self) -> (&'a str, Vec<DeckEntry>) {
        let marks: &'a Marks = self.marks;
        match marks.current_deck() {
            Some(deck) => (
                marks.decks()[deck].name.as_str(),
                marks.deck_entries(deck, &self.corpus.documents),
            ),
            None => ("", Vec::new()),
        }
    }
}
