//! The reader's state, changed only through [`Action`]s, typed text and mouse events.

mod decks;
mod notes;
mod presenting;
mod typing;

use std::ops::Range;
use std::sync::Arc;

use crossterm::event::MouseEvent;
use ratatui::layout::Rect;

use super::action::Action;
use super::chrome::Chrome;
use super::config::Config;
use super::effect::Effect;
use super::keymap::{Count, Key, Keymap};
use super::look::Look;
use super::marks::Marks;
use super::message::{CONFIRM_KEY, Message};
use super::mode::Mode;
use super::overlay::{self, Choice, Outcome, Overlay};
use super::paint::{counter_width, panel_items_area, panel_list};
use super::panel::{PanelSource, Target};
use super::picked::{Picked, PickedKind};
use super::pointer::{Pointed, Under, pointed};
use super::presentation::{self, Step};
use super::prompt::{Prompt, PromptKind};
use super::reading::{Pane, Reading};
use super::regions::Regions;
use super::scene::Scene;
use super::search::{Found, Searching};
use super::side_panel::SidePanel;
use crate::analysis::Analysis;
use crate::analysis::view::section_of;
use crate::corpus::Corpus;
use crate::layout::LayoutOptions;
use crate::state::ReaderState;

/// Rows the mouse wheel scrolls.
const WHEEL_ROWS: isize = 3;

/// The state of the reader.
pub struct App {
    corpus: Arc<Corpus>,
    analysis: Option<Arc<Analysis>>,
    options: LayoutOptions,
    keymap: Keymap,
    reading: Reading,
    panel: SidePanel,
    message: Option<Message>,
    screen: Rect,
    chrome: Chrome,
    search: Searching,
    /// What the keys go to.
    mode: Mode,
    /// The count typed before a move's key.
    count: Count,
    marks: Marks,
    /// What the event loop is to do since it last asked.
    effects: Vec<Effect>,
    /// What `y` copied, until the event loop sends it to the clipboard.
    copied: Option<(String, PickedKind)>,
    look: Look,
    /// How presentations run.
    present: presentation::Settings,
    /// Whether to present as soon as the analysis is there (`basira present`).
    present_when_ready: bool,
}

impl App {
    /// A reader on the first article of `corpus` (which must hold at least one document), for
    /// a screen of `width` × `height` cells, with the keys of `config`. Its warnings are shown
    /// in the status line.
    pub fn new(
        corpus: Arc<Corpus>,
        options: LayoutOptions,
        config: Config,
        width: u16,
        height: u16,
    ) -> App {
        let screen = Rect::new(0, 0, width, height);
        // Quotes' bars and tables' rules follow the frames: ASCII when asked.
        let options = LayoutOptions { ascii_rules: config.ascii, ..options };
        let look = Look::new(&config);
        let text = look.regions(screen, false).text;
        let reading = Reading::new(&Pane::new(&corpus, &options, text));
        let marks = Marks::new(&corpus.documents);
        let mut app = App {
            corpus,
            analysis: None,
            options,
            keymap: config.keymap.clone(),
            reading,
            panel: SidePanel::default(),
            message: config.warnings.first().cloned().map(Message::Config),
            look,
            screen,
            chrome: Chrome::default(),
            search: Searching::default(),
            mode: Mode::default(),
            count: Count::default(),
            marks,
            effects: Vec::new(),
            copied: None,
            present: config.present,
            present_when_ready: false,
        };
        app.refresh();
        let skipped = app.corpus.warnings.len();
        if app.message.is_none() && skipped > 0 {
            app.tell(Message::FilesSkipped(skipped));
        }
        app
    }

    /// The text pane as it is now, over the collection.
    fn pane(&self) -> Pane<'_> {
        Pane::new(&self.corpus, &self.options, self.regions().text)
    }

    /// Take up what was remembered from the last run: every article's position, bookmarks and
    /// notes — those of an edited article found again by their paragraphs' text — and the
    /// article that was open (which is opened again).
    pub fn remember(&mut self, state: ReaderState) {
        let pane = Pane::new(&self.corpus, &self.options, self.regions().text);
        let unplaced = self.marks.remember(&state, &mut self.reading, &pane);
        self.refresh();
        if unplaced > 0 {
            self.tell(Message::BookmarksUnplaced(unplaced));
        }
    }

    /// Hold the state back: the article shown is the opening of a large file, read first, and
    /// until the whole collection is taken up ([`App::take_up_collection`]) nothing is
    /// remembered or saved, and bookmarks and notes wait.
    pub fn hold_state(&mut self) {
        self.marks.hold();
    }

    /// Whether the state is held back (see [`App::hold_state`]).
    pub fn holds_state(&self) -> bool {
        self.marks.holds()
    }

    /// Take up the state as saved, merged with what another reader saved meanwhile: its
    /// bookmarks and notes, and its positions in the articles not open now.
    pub fn adopt(&mut self, state: ReaderState) {
        let pane = Pane::new(&self.corpus, &self.options, self.regions().text);
        self.marks.adopt(state, &mut self.reading, &pane);
    }

    /// Take up the whole collection, of which the reader had only the first article (shown
    /// while the rest was read): that article is `first` in `corpus`. Everything that named
    /// it (the view, the place, jumps, a note being typed) follows it to its new index; the
    /// state is placed again on every article, without moving the reader; a search is run
    /// again over them all.
    pub fn take_up_collection(&mut self, corpus: Arc<Corpus>, first: usize) {
        let moved = |document: usize| if document == 0 { first } else { document };
        self.corpus = corpus;
        let pane = Pane::new(&self.corpus, &self.options, self.regions().text);
        self.marks.take_up(&mut self.reading, &pane, first);
        match &mut self.mode {
            Mode::Prompt(Prompt { kind: PromptKind::Note { document, .. }, .. }) => {
                *document = moved(*document);
            }
            Mode::Overlay(Overlay::Articles(list)) => {
                let item = moved(list.selected_item(1).unwrap_or(0));
                list.take_up(item, &overlay::articles::texts(&self.corpus.documents));
            }
            _ => {}
        }
        self.search.take_up(&self.corpus);
        // The same article, at another index: its panel stays where it was.
        let selected = self.panel.selected();
        self.refresh();
        self.panel.select(selected);
    }

    /// What to remember of this run: the state the reader started from and changed
    /// (bookmarks, notes), with every position read so far and the article open now.
    pub fn state(&self) -> ReaderState {
        self.marks.with_positions(&self.reading, &self.pane())
    }

    /// What the event loop is to do now (save the state, write the handout), each once, in
    /// the order asked for.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// What `y` copied, for [`Effect::Copy`], in logical order, and what it was.
    pub fn take_copied(&mut self) -> Option<(String, PickedKind)> {
        self.copied.take()
    }

    /// Ask the event loop for `effect`, unless it is asked for already.
    fn ask(&mut self, effect: Effect) {
        if !self.effects.contains(&effect) {
            self.effects.push(effect);
        }
    }

    /// Give the reader the collection's analysis (computed in the background).
    pub fn set_analysis(&mut self, analysis: Arc<Analysis>) {
        self.analysis = Some(analysis);
        self.refresh_panel();
        if std::mem::take(&mut self.present_when_ready) && matches!(self.mode, Mode::Reading) {
            self.present();
        }
    }

    /// Tell the reader the screen size; the article is laid out again if its width changed.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.screen = Rect::new(0, 0, width, height);
        if let Mode::Presenting(presentation) = &mut self.mode {
            presentation.resize(width, height);
        }
        self.refresh();
    }

    /// Bring what is shown up to date with the state: the article's layout and title, the
    /// panel's items.
    fn refresh(&mut self) {
        self.refresh_view();
        self.refresh_panel();
    }

    /// Lay the current article out for the current text width, if it is not already (while
    /// the article is hidden, the panel shown in its place, the old layout is kept), and its
    /// title for the top bar.
    fn refresh_view(&mut self) {
        let regions = self.regions();
        self.reading.fit(&Pane::new(&self.corpus, &self.options, regions.text));
        let title_width =
            regions.title.width.saturating_sub(counter_width(self.corpus.documents.len()) + 1);
        let index = self.reading.document();
        let document = &self.corpus.documents[index];
        self.chrome.refresh(index, document, title_width, &self.options);
    }

    /// Build the panel's items for the section, article, current paragraph and width, unless
    /// they are built already.
    fn refresh_panel(&mut self) {
        let source = PanelSource {
            corpus: &self.corpus,
            analysis: self.analysis.as_deref(),
            document: self.reading.document(),
            paragraph: self.reading.paragraph(),
            width: self.look.panel_item_width(self.screen),
            options: &self.options,
            lang: self.look.lang,
        };
        self.panel.refresh(source);
    }

    /// Act on a key press: in presentation mode it steps the presentation; while a prompt is
    /// open it is typed into it; else it does the action the keymap binds to it.
    pub fn handle_key(&mut self, key: Key) {
        match &mut self.mode {
            Mode::Presenting(_) if key == Key::ctrl('c') => self.ask(Effect::Quit),
            Mode::Presenting(presentation) => {
                if presentation.handle(key, &self.keymap.presentation) == Step::Leave {
                    self.mode = Mode::Reading;
                }
            }
            Mode::Prompt(_) => self.type_in_prompt(key),
            Mode::Overlay(overlay) if overlay.typing() => self.type_in_filter(key),
            Mode::Confirm(question) => {
                let question = *question;
                self.mode = Mode::Reading;
                self.answer(question, key == Key::ch(CONFIRM_KEY));
            }
            Mode::Reading | Mode::Overlay(_) => match self.keymap.action_for(key) {
                Some(action) => {
                    (0..self.count.take_for(action)).for_each(|_| self.apply_action(action));
                }
                // Digits no key is bound to count the next move (`10j`).
                None if self.count.push(key) => {}
                None => {
                    self.count.clear();
                    self.message = None;
                }
            },
        }
        self.refresh();
    }

    /// Change the state by one action.
    pub fn apply(&mut self, action: Action) {
        self.apply_action(action);
        self.refresh();
    }

    fn apply_action(&mut self, action: Action) {
        self.message = None;
        if let Mode::Overlay(_) = self.mode {
            return self.apply_to_overlay(action);
        }
        if self.panel.focused() {
            if action == Action::Activate {
                return self.activate_item();
            }
            if self.panel.move_selection(action, self.panel_rows()) {
                return;
            }
        }
        if let Some(opened) = self.scene().overlay_for(action) {
            match opened {
                Ok(overlay) => self.mode = Mode::Overlay(overlay),
                Err(said) => self.tell(said),
            }
            return;
        }
        let page = self.page();
        match action {
            Action::Down => self.scroll_by(1),
            Action::Up => self.scroll_by(-1),
            // Past the end of an article, paging goes on to the next.
            Action::PageDown => {
                let pane = Pane::new(&self.corpus, &self.options, self.regions().text);
                if let Err(said) = self.reading.page_down(&pane, page) {
                    self.tell(said);
                }
            }
            Action::PageUp => self.scroll_by(-page),
            Action::Top => self.scroll_by(isize::MIN),
            Action::Bottom => {
                let pane = Pane::new(&self.corpus, &self.options, self.regions().text);
                self.reading.scroll_to_end(&pane);
            }
            Action::NextParagraph | Action::PreviousParagraph => {
                let pane = Pane::new(&self.corpus, &self.options, self.regions().text);
                if let Err(said) = self.reading.step_paragraph(&pane, action.way()) {
                    self.tell(said);
                }
            }
            Action::NextArticle | Action::PreviousArticle => {
                let pane = Pane::new(&self.corpus, &self.options, self.regions().text);
                if let Err(said) = self.reading.step_article(&pane, action.way()) {
                    self.tell(said);
                }
            }
            Action::TogglePanel => self.panel.toggle(self.current_section()),
            Action::NextSection | Action::PreviousSection => {
                let hidden = self.regions().panel.width == 0;
                self.panel.step_section(action.way(), hidden, self.current_section());
            }
            // Opened above, with the overlays; Enter does nothing in the article.
            Action::Activate
            | Action::ArticleList
            | Action::ThemeList
            | Action::BookmarkList
            | Action::HitList
            | Action::Skipped
            | Action::Help => {}
            Action::Back => self.back(),
            Action::NextPassage | Action::PreviousPassage => self.step_passage(action.way()),
            Action::Search => {
                let history = self.search.history().to_vec();
                self.mode = Mode::Prompt(Prompt::new(PromptKind::Search).with_history(history));
            }
            Action::Bookmark => self.toggle_bookmark(),
            Action::Note => self.start_note(),
            Action::DeleteNote => self.ask_to_delete_note(),
            Action::AddToDeck => self.add_picked_to_deck(),
            Action::NewDeck => self.start_new_deck(),
            // Opened above, with the overlays; or keys of a deck's list.
            Action::DeckList | Action::MoveItemUp | Action::MoveItemDown | Action::RemoveItem => {}
            Action::Copy => {
                let documents = &self.corpus.documents;
                let picked = self.picked();
                self.copied = picked.and_then(|p| Some((p.text(documents)?.to_string(), p.kind)));
                if self.copied.is_some() {
                    self.ask(Effect::Copy);
                }
            }
            Action::Undo => self.undo(),
            Action::Present => self.present(),
            Action::Export => self.export(),
            Action::NextHit | Action::PreviousHit => {
                let found = self.search.step(action.way());
                self.go_to_found(found);
            }
            Action::Close => self.close(),
            Action::Quit => self.ask(Effect::Quit),
        }
    }

    /// Esc: leave the panel if it has the focus, else clear the highlight and hide the hits.
    fn close(&mut self) {
        if !self.panel.close() {
            self.reading.clear_highlight();
            self.search.hide();
            if self.reading.clear_theme() {
                self.tell(Message::ThemeCleared);
            }
        }
    }

    /// Keys while the help or a list is open: the overlay moves or closes, or the item
    /// chosen in a list is gone to.
    fn apply_to_overlay(&mut self, action: Action) {
        if self.deck_key_in_list(action) {
            return;
        }
        let Mode::Overlay(overlay) = std::mem::take(&mut self.mode) else {
            return;
        };
        let lengths = self.scene().lengths(&overlay, self.screen.height);
        match overlay.handle(action, lengths) {
            Outcome::Open(moved) => self.mode = Mode::Overlay(moved),
            Outcome::Closed => {}
            Outcome::Quit => self.ask(Effect::Quit),
            Outcome::Chosen(chosen) => self.go_to_chosen(chosen),
        }
    }

    /// Go to the item chosen in a list: an article where it was left, a theme's first
    /// passage from here (or no theme), a bookmarked paragraph.
    fn go_to_chosen(&mut self, chosen: Choice) {
        let pane = Pane::new(&self.corpus, &self.options, self.regions().text);
        match chosen {
            Choice::Article(document) if document != self.reading.document() => {
                self.reading.jump_to_article(&pane, document);
            }
            Choice::Article(_) => {}
            Choice::Theme(Some(index)) => self.activate_theme(index),
            Choice::Theme(None) => {
                if self.reading.clear_theme() {
                    self.tell(Message::ThemeCleared);
                }
            }
            Choice::Bookmark(index) => {
                if let Some(entry) = self.marks.bookmarks(&self.corpus.documents).get(index) {
                    self.reading.jump_to_paragraph(&pane, entry.document, entry.paragraph);
                }
            }
            Choice::DeckItem(index) => self.go_to_deck_item(index),
            Choice::Hit(index) => {
                let found = self.search.jump(index);
                self.go_to_found(found);
            }
        }
    }

    /// Enter on the selected panel item.
    fn activate_item(&mut self) {
        match self.panel.choose() {
            Some(Target::Sentence { document, paragraph, range }) => {
                self.jump_to(document, paragraph, range);
            }
            Some(Target::Theme(index)) => self.activate_theme(index),
            None => {}
        }
    }

    /// Rows in a page of text (at least one).
    fn page(&self) -> isize {
        self.regions().text.height.saturating_sub(1).max(1) as isize
    }

    /// Scroll by `rows` and let the current paragraph follow.
    fn scroll_by(&mut self, rows: isize) {
        let pane = Pane::new(&self.corpus, &self.options, self.regions().text);
        self.reading.scroll_by(&pane, rows);
    }

    /// Jump to bytes `range` of a paragraph, a little context above it, and highlight it.
    fn jump_to(&mut self, document: usize, paragraph: usize, range: Range<usize>) {
        let pane = Pane::new(&self.corpus, &self.options, self.regions().text);
        self.reading.jump_to(&pane, document, paragraph, range);
    }

    fn back(&mut self) {
        let pane = Pane::new(&self.corpus, &self.options, self.regions().text);
        let themes = self.analysis.as_deref().map(|a| a.themes.as_slice());
        if let Err(said) = self.reading.back(&pane, themes) {
            self.tell(said);
        }
    }

    /// What the reader points at: the panel's item, the passage marked or the paragraph.
    fn picked(&self) -> Option<Picked> {
        let item = self.panel.focused().then(|| self.panel.selected_item()).flatten();
        let marked = self.reading.highlight().map(|h| (h.document, h.paragraph, &h.range));
        Picked::of(&self.corpus.documents, item.map(|i| &i.target), marked, self.here())
    }

    /// The article and paragraph the reader is at.
    fn here(&self) -> (usize, usize) {
        (self.reading.document(), self.reading.paragraph())
    }

    /// Make theme `index` active and go to its first passage at or after the current
    /// paragraph (or its first passage).
    fn activate_theme(&mut self, index: usize) {
        let Some(analysis) = self.analysis.as_deref() else {
            return;
        };
        let pane = Pane::new(&self.corpus, &self.options, self.regions().text);
        if let Some(said) = self.reading.follow_theme(&pane, &analysis.themes, index) {
            self.tell(said);
        }
    }

    /// The next (`step` 1) or previous passage of the theme followed.
    fn step_passage(&mut self, step: isize) {
        let pane = Pane::new(&self.corpus, &self.options, self.regions().text);
        let said = match self.analysis.as_deref() {
            Some(analysis) => self.reading.step_passage(&pane, &analysis.themes, step),
            None => Some(Message::NoActiveTheme),
        };
        if let Some(said) = said {
            self.tell(said);
        }
    }

    /// Show `message` in the status line (put into words when it is drawn).
    pub fn tell(&mut self, message: Message) {
        self.message = Some(message);
    }

    /// The bookmarks or notes changed, as `said` says: they are saved at once.
    fn saved(&mut self, said: Message) {
        self.ask(Effect::SaveState);
        self.tell(said);
    }

    /// `e`: ask for the handout of every article to be written to a new file in the current
    /// folder ([`Effect::WriteHandout`]).
    fn export(&mut self) {
        if self.analysis.is_none() {
            self.tell(Message::StillReading);
        } else {
            self.ask(Effect::WriteHandout);
        }
    }

    /// Search every article for `query` and go to the first hit at or after the current
    /// paragraph.
    fn run_search(&mut self, query: String) {
        let found = self.search.run(&self.corpus, query, self.here());
        self.go_to_found(found);
    }

    /// Go where the search leads, and say so.
    fn go_to_found(&mut self, found: Found) {
        match found {
            Found::Hit { hit, number, count, query, reached } => {
                self.jump_to(hit.document, hit.paragraph, hit.range);
                self.reading.clear_highlight();
                self.tell(Message::Hit { number, count, query, reached });
            }
            Found::NoMatch(query) => self.tell(Message::NoMatch(query)),
            Found::NoSearch => self.tell(Message::NoSearch),
            Found::Nothing => {}
        }
    }

    /// Act on a mouse event: the wheel scrolls the pane under the pointer; a click selects a
    /// panel item (a second click on it goes there) or makes a paragraph current.
    pub fn handle_mouse(&mut self, event: MouseEvent) {
        let regions = self.regions();
        let rtl = self.look.lang.is_rtl();
        match pointed(event, regions, self.mode.overlay().is_some(), rtl) {
            None => return,
            Some(Pointed::Wheel { down, under: Under::Overlay }) => {
                self.apply(if down { Action::Down } else { Action::Up });
            }
            Some(Pointed::Wheel { down, under: Under::Panel }) => {
                let step = if down { Action::Down } else { Action::Up };
                self.panel.move_selection(step, self.panel_rows());
            }
            Some(Pointed::Wheel { down, under: Under::Article }) => {
                self.scroll_by(if down { WHEEL_ROWS } else { -WHEEL_ROWS });
            }
            Some(Pointed::PanelRow { row, height }) => {
                if let Some(item) = self.panel.item_at(row, height) {
                    let again = self.panel.focused() && item == self.panel.selected();
                    self.panel.set_focused(true);
                    self.panel.select(item);
                    if again {
                        self.activate_item();
                    }
                }
            }
            Some(Pointed::TextRow(row)) => {
                self.panel.set_focused(false);
                let pane = Pane::new(&self.corpus, &self.options, regions.text);
                self.reading.point_at(&pane, row);
            }
        }
        self.refresh();
    }

    /// Whether the reader is asked to stop ([`Effect::Quit`], not yet taken).
    pub fn should_quit(&self) -> bool {
        self.effects.contains(&Effect::Quit)
    }

    /// What the screen shows now, for drawing.
    pub fn scene(&self) -> Scene<'_> {
        let pane = self.pane();
        Scene {
            corpus: &self.corpus,
            analysis: self.analysis.as_deref(),
            options: &self.options,
            keymap: &self.keymap,
            look: &self.look,
            regions: self.regions(),
            reading: &self.reading,
            top_row: self.reading.top_row(&pane),
            percent: self.reading.percent(&pane),
            marks: &self.marks,
            panel: &self.panel,
            mode: &self.mode,
            message: self.message.as_ref(),
            search: self.search.shown(),
            chrome: &self.chrome,
            pane,
        }
    }

    /// The rows of the panel's list of items now.
    fn panel_rows(&self) -> usize {
        let regions = self.regions();
        let list = panel_list(regions.panel, regions.article.width > 0, self.look.lang.is_rtl());
        usize::from(panel_items_area(list).height)
    }

    /// Where things go on the screen now.
    fn regions(&self) -> Regions {
        self.look.regions(self.screen, self.panel.is_open())
    }

    /// The outline entry of the section being read.
    fn current_section(&self) -> Option<usize> {
        section_of(&self.corpus.documents[self.reading.document()], self.reading.paragraph())
    }
}
