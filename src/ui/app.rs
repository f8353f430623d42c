//! The reader's state, changed only through [`Action`]s, typed text and mouse events.

use std::ops::Range;
use std::sync::Arc;

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};
use rayon::prelude::*;

use super::action::Action;
use super::chrome::{Chrome, outline};
use super::config::Config;
use super::document_view::{Anchor, DocumentView};
use super::help;
use super::keymap::{Key, Keymap};
use super::lang::Lang;
use super::list::ListView;
use super::message::Message;
use super::overlay::{Lengths, Outcome, Overlay};
use super::paint::{counter_width, panel_list};
use super::palette::{Glyphs, Palette};
use super::panel::{PanelItem, PanelSource, Section, Target};
use super::presentation::{Presentation, Step};
use super::prompt::{Prompt, PromptKind, Typed};
use super::regions::{Arrangement, PANEL_FOLD_COLUMNS, PanelMode, Regions};
use super::search::{Found, Search, Searching};
use super::side_panel::SidePanel;
use super::theme_trail::{ActiveTheme, ThemeTrail};
use crate::analysis::Analysis;
use crate::corpus::{Corpus, Document, Role};
use crate::layout::LayoutOptions;
use crate::state::place::{Reason, Unplaced, place, stored_path};
use crate::state::{self, ArticleState, Bookmark, ParagraphPrint, ReaderState, article_key};

/// Above this many articles, their keys are worked out on every core.
const PARALLEL_KEYS: usize = 64;

/// Where the keyboard goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The article scrolls.
    Article,
    /// The side panel's list moves.
    Panel,
}

/// What the reader asks its event loop to do: what reaches outside its own state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Save the reading state now: bookmarks or notes changed.
    SaveState,
    /// Write the handout of every article, with the bookmarks and notes, to
    /// [`HANDOUT_FILE`] in the current folder.
    WriteHandout,
}

/// A bookmark as the list of bookmarks shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BookmarkEntry {
    /// Index of the article.
    pub document: usize,
    /// Index of the paragraph.
    pub paragraph: usize,
    /// The note, if any.
    pub note: Option<String>,
}

/// A place to come back to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Location {
    document: usize,
    anchor: Anchor,
    paragraph: usize,
}

/// Text marked in an article after a jump: the sentence or passage jumped to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Highlight {
    /// Index of the document.
    pub document: usize,
    /// Index of the paragraph.
    pub paragraph: usize,
    /// The bytes of the paragraph's text that are marked.
    pub range: Range<usize>,
}

/// The file `e` writes the handout to, in the current folder.
pub const HANDOUT_FILE: &str = "basira-handout.md";

/// Rows kept above a sentence that a jump lands on, so that its context shows.
const JUMP_CONTEXT_ROWS: usize = 2;
/// Rows the mouse wheel scrolls.
const WHEEL_ROWS: isize = 3;

/// The state of the reader.
pub struct App {
    corpus: Arc<Corpus>,
    analysis: Option<Arc<Analysis>>,
    options: LayoutOptions,
    keymap: Keymap,
    document: usize,
    anchors: Vec<Anchor>,
    /// The current paragraph of each document.
    current: Vec<usize>,
    focus: Focus,
    panel: SidePanel,
    overlay: Option<Overlay>,
    jumps: Vec<Location>,
    message: Option<Message>,
    screen: Rect,
    view: DocumentView,
    view_document: usize,
    chrome: Chrome,
    highlight: Option<Highlight>,
    theme: ThemeTrail,
    search: Searching,
    prompt: Option<Prompt>,
    presentation: Option<Presentation>,
    state: ReaderState,
    /// The bookmarks and notes of the state that point past their article's end (a state
    /// file edited by hand, or damaged): kept in the state, listed under `W`, never shown
    /// in the article.
    unplaced: Vec<String>,
    article_keys: Vec<String>,
    /// What the event loop is to do since it last asked.
    effects: Vec<Effect>,
    /// Whether the state is held back: only the opening of a large article is there yet, and
    /// what the reader remembers is placed on the whole of it when it comes.
    holding_state: bool,
    look: Look,
    quit: bool,
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
        let look = Look::new(&config);
        let text_width = Regions::of(screen, look.arrangement(PanelMode::Folded)).text.width;
        let view = DocumentView::new(&corpus, 0, text_width, &options);
        let count = corpus.documents.len();
        let mut app = App {
            corpus,
            analysis: None,
            options,
            keymap: config.keymap.clone(),
            document: 0,
            anchors: vec![Anchor::default(); count],
            current: vec![0; count],
            focus: Focus::Article,
            panel: SidePanel::default(),
            overlay: None,
            jumps: Vec::new(),
            message: config.warnings.first().cloned().map(Message::Config),
            look,
            screen,
            view,
            view_document: 0,
            chrome: Chrome::default(),
            highlight: None,
            theme: ThemeTrail::default(),
            search: Searching::default(),
            prompt: None,
            presentation: None,
            state: ReaderState::default(),
            unplaced: Vec::new(),
            article_keys: Vec::new(),
            effects: Vec::new(),
            holding_state: false,
            quit: false,
        };
        app.article_keys = keys_of(&app.corpus.documents);
        app.refresh_view();
        app.follow_reading_position();
        app.refresh_panel();
        match app.corpus.warnings.len() {
            _ if app.message.is_some() => {}
            0 => {}
            skipped => app.say(Message::FilesSkipped(skipped)),
        }
        app
    }

    /// Take up what was remembered from the last run: every article's position, bookmarks and
    /// notes — those of an edited article found again by their paragraphs' text — and the
    /// article that was open (which is opened again).
    pub fn remember(&mut self, state: ReaderState) {
        let placed = place(&state, &self.corpus.documents, &self.article_keys);
        self.unplaced =
            placed.unplaced.iter().map(|u| unplaced_sentence(u, &self.corpus.documents)).collect();
        self.take_positions(&placed.state, None);
        let last_open = placed
            .state
            .last_article
            .as_ref()
            .and_then(|key| self.article_keys.iter().position(|k| k == key));
        self.state = placed.state;
        if let Some(document) = last_open {
            let current = self.current[document];
            self.open(document);
            self.current[document] = current;
        }
        self.refresh_view();
        self.refresh_panel();
        match self.unplaced.len() {
            0 => {}
            n => self.say(Message::BookmarksUnplaced(n)),
        }
    }

    /// Hold the state back: the article shown is the opening of a large file, read first, and
    /// until the whole collection is taken up ([`App::take_up_collection`]) nothing is
    /// remembered or saved, and bookmarks and notes wait.
    pub fn hold_state(&mut self) {
        self.holding_state = true;
    }

    /// Whether the state is held back (see [`App::hold_state`]).
    pub fn holds_state(&self) -> bool {
        self.holding_state
    }

    /// Take up the state as saved, merged with what another reader saved meanwhile: its
    /// bookmarks and notes, and its positions in the articles not open now.
    pub fn adopt(&mut self, state: ReaderState) {
        self.take_positions(&state, Some(self.document));
        self.state = state;
    }

    /// Take up the whole collection, of which the reader had only the first article (shown
    /// while the rest was read): that article is `first` in `corpus`. Everything that named
    /// it (the view, the place, jumps, a note being typed) follows it to its new index; the
    /// state is placed again on every article, without moving the reader; a search is run
    /// again over them all.
    pub fn take_up_collection(&mut self, corpus: Arc<Corpus>, first: usize) {
        let count = corpus.documents.len();
        let moved = |document: usize| if document == 0 { first } else { document };
        let mut anchors = vec![Anchor::default(); count];
        let mut current = vec![0; count];
        anchors[first] = self.view.anchor_at(self.top_row());
        current[first] = self.current.first().copied().unwrap_or(0);
        self.anchors = anchors;
        self.current = current;
        self.corpus = corpus;
        self.article_keys = keys_of(&self.corpus.documents);
        self.document = first;
        self.view = DocumentView::new(&self.corpus, first, self.view.width, &self.options);
        self.view_document = first;
        for jump in &mut self.jumps {
            jump.document = moved(jump.document);
        }
        if let Some(highlight) = &mut self.highlight {
            highlight.document = moved(highlight.document);
        }
        if let Some(Prompt { kind: PromptKind::Note { document, .. }, .. }) = &mut self.prompt {
            *document = moved(*document);
        }
        if let Some(Overlay::Articles(view)) = &mut self.overlay {
            *view = ListView::at(moved(view.selected()));
        }
        self.search.take_up(&self.corpus);
        let placed = place(&self.state, &self.corpus.documents, &self.article_keys);
        self.unplaced =
            placed.unplaced.iter().map(|u| unplaced_sentence(u, &self.corpus.documents)).collect();
        self.take_positions(&placed.state, Some(first));
        self.state = placed.state;
        self.holding_state = false;
        self.refresh_view();
        self.refresh_panel();
    }

    /// The reading positions of `state` for every article but `except`.
    fn take_positions(&mut self, state: &ReaderState, except: Option<usize>) {
        for (i, key) in self.article_keys.iter().enumerate() {
            if let Some(article) = state.articles.get(key).filter(|_| Some(i) != except) {
                let last = self.corpus.documents[i].paragraphs.len().saturating_sub(1);
                let position = article.position;
                self.anchors[i] =
                    Anchor { paragraph: position.paragraph.min(last), line: position.line };
                self.current[i] = position.current.min(last);
            }
        }
    }

    /// What to remember of this run: the state the reader started from and changed
    /// (bookmarks, notes), with every position read so far and the article open now.
    pub fn state(&self) -> ReaderState {
        let mut state = self.state.clone();
        for (i, key) in self.article_keys.iter().enumerate() {
            let anchor = if i == self.document {
                self.view.anchor_at(self.top_row())
            } else {
                self.anchors[i]
            };
            let moved = anchor != Anchor::default() || self.current[i] != 0;
            if moved || state.articles.contains_key(key) {
                let article = state.articles.entry(key.clone()).or_default();
                say_where_read(article, &self.corpus.documents[i]);
                article.position = state::Position {
                    paragraph: anchor.paragraph,
                    line: anchor.line,
                    current: self.current[i],
                };
            }
        }
        state.last_article = self.article_keys.get(self.document).cloned();
        state
    }

    /// What the event loop is to do now (save the state, write the handout), each once, in
    /// the order asked for.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Ask the event loop for `effect`, unless it is asked for already.
    fn ask(&mut self, effect: Effect) {
        if !self.effects.contains(&effect) {
            self.effects.push(effect);
        }
    }

    /// What `W` lists: the files skipped or read with a warning when the collection was
    /// opened, then the bookmarks and notes that could not be placed in their article.
    pub fn warnings(&self) -> Vec<&str> {
        let files = self.corpus.warnings.iter();
        files.chain(&self.unplaced).map(String::as_str).collect()
    }

    /// The bookmarks and notes of article `document`, if it has any.
    pub fn article_state(&self, document: usize) -> Option<&ArticleState> {
        let key = self.article_keys.get(document)?;
        self.state.articles.get(key)
    }

    /// The entry of article `document`, made (with where it was read from) if it has none.
    fn article_state_mut(&mut self, document: usize) -> &mut ArticleState {
        let key = self.article_keys[document].clone();
        let article = self.state.articles.entry(key).or_default();
        say_where_read(article, &self.corpus.documents[document]);
        article
    }

    /// The print of paragraph `paragraph` of article `document`.
    fn print(&self, document: usize, paragraph: usize) -> ParagraphPrint {
        let text =
            self.corpus.documents[document].paragraphs.get(paragraph).map(|p| p.text.as_str());
        ParagraphPrint::of(text.unwrap_or_default())
    }

    /// Give the reader the collection's analysis (computed in the background).
    pub fn set_analysis(&mut self, analysis: Arc<Analysis>) {
        self.analysis = Some(analysis);
        self.refresh_panel();
    }

    /// Tell the reader the screen size; the article is laid out again if its width changed.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.screen = Rect::new(0, 0, width, height);
        self.refresh_view();
        self.refresh_panel();
    }

    /// Lay the current article out for the current text width, if it is not already. While
    /// the article is hidden (the panel shown in its place) the old layout is kept.
    fn refresh_view(&mut self) {
        let regions = self.regions();
        let width = regions.text.width;
        if width > 0 && (self.view.width != width || self.view_document != self.document) {
            self.view = DocumentView::new(&self.corpus, self.document, width, &self.options);
            self.view_document = self.document;
        }
        let title_width =
            regions.title.width.saturating_sub(counter_width(self.corpus.documents.len()) + 1);
        let document = &self.corpus.documents[self.document];
        self.chrome.refresh(self.document, document, title_width, &self.options);
    }

    /// Build the panel's items for the section, article, current paragraph and width, unless
    /// they are built already.
    fn refresh_panel(&mut self) {
        let source = PanelSource {
            corpus: &self.corpus,
            analysis: self.analysis.as_deref(),
            document: self.document,
            paragraph: self.paragraph(),
            width: self.item_width(),
            options: &self.options,
            lang: self.look.lang,
        };
        self.panel.refresh(source);
    }

    /// The width of the panel's item lines.
    fn item_width(&self) -> u16 {
        let mode = if self.screen.width >= PANEL_FOLD_COLUMNS {
            PanelMode::Beside
        } else {
            PanelMode::Instead
        };
        let regions = Regions::of(self.screen, self.look.arrangement(mode));
        panel_list(regions.panel, mode == PanelMode::Beside, self.look.lang.is_rtl())
            .width
            .saturating_sub(2)
            .max(1)
    }

    /// Act on a key press: in presentation mode it steps the presentation; while a prompt is
    /// open it is typed into it; else it does the action the keymap binds to it.
    pub fn handle_key(&mut self, key: Key) {
        if let Some(presentation) = self.presentation.as_mut() {
            if key == Key::ctrl('c') {
                self.quit = true;
            } else if presentation.handle(key, &self.keymap.presentation) == Step::Leave {
                self.presentation = None;
            }
        } else if self.prompt.is_some() {
            self.type_in_prompt(key);
        } else {
            match self.keymap.action_for(key) {
                Some(action) => self.apply(action),
                None => self.message = None,
            }
        }
        self.refresh_view();
        self.refresh_panel();
    }

    /// Change the state by one action.
    pub fn apply(&mut self, action: Action) {
        self.apply_action(action);
        self.refresh_view();
        self.refresh_panel();
    }

    fn apply_action(&mut self, action: Action) {
        self.message = None;
        if let Some(overlay) = self.overlay {
            self.apply_to_overlay(overlay, action);
            return;
        }
        if self.focus == Focus::Panel
            && matches!(action, Action::Down | Action::Up | Action::Activate)
        {
            self.apply_to_panel(action);
            return;
        }
        match action {
            Action::Down => self.scroll_by(1),
            Action::Up => self.scroll_by(-1),
            Action::PageDown => self.scroll_by(self.page()),
            Action::PageUp => self.scroll_by(-self.page()),
            Action::Top => self.scroll_by(isize::MIN),
            Action::Bottom => {
                self.scroll_to(usize::MAX);
                self.current[self.document] = self.last_body_paragraph();
            }
            Action::NextParagraph => self.step_paragraph(1),
            Action::PreviousParagraph => self.step_paragraph(-1),
            Action::NextArticle => self.step_article(1),
            Action::PreviousArticle => self.step_article(-1),
            Action::ArticleList => {
                self.overlay = Some(Overlay::Articles(ListView::at(self.document)));
            }
            Action::TogglePanel => self.toggle_panel(),
            Action::NextSection => self.step_section(1),
            Action::PreviousSection => self.step_section(-1),
            Action::Activate => {}
            Action::Back => self.back(),
            Action::ThemeList => self.open_theme_list(),
            Action::NextPassage => self.step_passage(1),
            Action::PreviousPassage => self.step_passage(-1),
            Action::Search => {
                self.prompt = Some(Prompt::new(PromptKind::Search));
            }
            Action::Bookmark => self.toggle_bookmark(),
            Action::Note => self.start_note(),
            Action::BookmarkList => self.open_bookmark_list(),
            Action::Present => self.present(),
            Action::Export => self.export(),
            Action::Skipped => {
                if self.warnings().is_empty() {
                    self.say(Message::NoFileSkipped);
                } else {
                    self.overlay = Some(Overlay::Skipped { scroll: 0 });
                }
            }
            Action::NextHit => {
                let found = self.search.step(1);
                self.go_to_found(found);
            }
            Action::PreviousHit => {
                let found = self.search.step(-1);
                self.go_to_found(found);
            }
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::Close => self.close(),
            Action::Quit => self.quit = true,
        }
    }

    /// Esc: leave the panel if it has the focus, else clear the highlight and hide the hits.
    fn close(&mut self) {
        if self.focus == Focus::Panel || self.panel.is_open() {
            self.focus = Focus::Article;
            self.panel.set_open(false);
        } else {
            self.highlight = None;
            self.search.hide();
        }
    }

    /// Keys while the help or a list is open: the overlay moves or closes, or the item
    /// chosen in a list is gone to.
    fn apply_to_overlay(&mut self, overlay: Overlay, action: Action) {
        let height = self.screen.height;
        let items = match overlay {
            Overlay::Articles(_) => self.corpus.documents.len(),
            Overlay::Themes(_) => self.analysis.as_ref().map_or(0, |a| a.themes.len()),
            Overlay::Bookmarks(_) => self.bookmarks().len(),
            Overlay::Skipped { .. } => self.warnings().len(),
            Overlay::Help { .. } => 0,
        };
        // Only the help needs its rows counted (they are built to be counted).
        let help_scroll = if matches!(overlay, Overlay::Help { .. }) {
            let rows = help::rows(&self.keymap, self.look.lang).len();
            (help::max_scroll(rows, height), help::shown(rows, height))
        } else {
            (0, 0)
        };
        let lengths = Lengths { screen_height: height, items, help_scroll };
        match overlay.handle(action, lengths) {
            Outcome::Open(moved) => self.overlay = Some(moved),
            Outcome::Closed => self.overlay = None,
            Outcome::Quit => self.quit = true,
            Outcome::Chosen(chosen) => {
                self.overlay = None;
                self.go_to_chosen(chosen);
            }
        }
    }

    /// Go to the item chosen in a list: an article where it was left, a theme's first
    /// passage from here, a bookmarked paragraph.
    fn go_to_chosen(&mut self, list: Overlay) {
        match list {
            Overlay::Articles(view) if view.selected() != self.document => {
                let selected = view.selected();
                let to = Location {
                    document: selected,
                    anchor: self.anchors[selected],
                    paragraph: self.current[selected],
                };
                self.jump(to);
            }
            Overlay::Themes(view) => self.activate_theme(view.selected()),
            Overlay::Bookmarks(view) => {
                if let Some(entry) = self.bookmarks().get(view.selected()) {
                    let len = self.corpus.documents[entry.document].paragraphs[entry.paragraph]
                        .text
                        .len();
                    self.jump_to(entry.document, entry.paragraph, 0..len);
                }
            }
            _ => {}
        }
    }

    /// Keys while the side panel has the focus.
    fn apply_to_panel(&mut self, action: Action) {
        match action {
            Action::Down | Action::Up => self.panel.step_selection(action == Action::Down),
            _ => self.activate_item(),
        }
    }

    /// Enter on the selected panel item.
    fn activate_item(&mut self) {
        let Some(item) = self.panel.selected_item() else {
            return;
        };
        let target = item.target.clone();
        self.focus = Focus::Article;
        self.panel.set_open(false);
        match target {
            Target::Sentence { document, paragraph, range } => {
                self.jump_to(document, paragraph, range);
            }
            Target::Theme(index) => self.activate_theme(index),
        }
    }

    fn toggle_panel(&mut self) {
        if self.focus == Focus::Panel {
            self.focus = Focus::Article;
            self.panel.set_open(false);
        } else {
            self.focus = Focus::Panel;
            self.panel.set_open(true);
            if self.panel.section() == Section::Outline {
                self.panel.select(self.current_section().unwrap_or(0));
            }
        }
    }

    fn step_section(&mut self, step: isize) {
        self.panel.step_section(step);
        if self.regions().panel.width == 0 {
            self.panel.set_open(true);
            self.focus = Focus::Panel;
        }
        if self.panel.section() == Section::Outline {
            self.refresh_panel();
            self.panel.select(self.current_section().unwrap_or(0));
        }
    }

    /// Rows in a page of text (at least one).
    fn page(&self) -> isize {
        self.regions().text.height.saturating_sub(1).max(1) as isize
    }

    /// The row at the top of the text pane.
    pub fn top_row(&self) -> usize {
        self.view.row_of(self.anchors[self.document]).min(self.max_top())
    }

    /// The highest top row: the last line of the article at the bottom of the pane.
    fn max_top(&self) -> usize {
        self.view.rows().saturating_sub(usize::from(self.regions().text.height))
    }

    /// Scroll by `rows` and let the current paragraph follow.
    fn scroll_by(&mut self, rows: isize) {
        let top = self.top_row().saturating_add_signed(rows);
        self.scroll_to(top);
        self.follow_reading_position();
    }

    fn scroll_to(&mut self, row: usize) {
        let row = row.min(self.max_top());
        self.anchors[self.document] = self.view.anchor_at(row);
    }

    /// Make the current paragraph the first paragraph of running text that starts on the
    /// screen, or, when none does, the paragraph at the top.
    fn follow_reading_position(&mut self) {
        let top = self.top_row();
        let bottom = top + usize::from(self.regions().text.height.max(1));
        let document = &self.corpus.documents[self.document];
        // Only the paragraphs from the one at the top to the first starting below the screen
        // can start on it: a few, however long the article.
        let at_top = self.view.anchor_at(top).paragraph;
        let starting = (at_top..document.paragraphs.len())
            .map(|p| (p, self.view.row_of(Anchor { paragraph: p, line: 0 })))
            .take_while(|&(_, row)| row < bottom)
            .find(|&(p, row)| row >= top && is_running_text(document, p))
            .map(|(p, _)| p);
        self.current[self.document] = starting.unwrap_or(at_top);
    }

    fn last_body_paragraph(&self) -> usize {
        let document = self.document();
        (0..document.paragraphs.len())
            .rev()
            .find(|&p| is_running_text(document, p))
            .unwrap_or(document.paragraphs.len().saturating_sub(1))
    }

    /// Move the current paragraph to the next (or previous) paragraph of running text,
    /// scrolling it into view.
    fn step_paragraph(&mut self, step: isize) {
        let document = &self.corpus.documents[self.document];
        let here = self.paragraph();
        let next = if step > 0 {
            (here + 1..document.paragraphs.len()).find(|&p| is_running_text(document, p))
        } else {
            (0..here).rev().find(|&p| is_running_text(document, p))
        };
        let Some(next) = next else {
            self.say(if step > 0 { Message::LastParagraph } else { Message::FirstParagraph });
            return;
        };
        self.current[self.document] = next;
        let first = self.view.row_of(Anchor { paragraph: next, line: 0 });
        let lines = self.view.line_count(next).max(1);
        let height = usize::from(self.regions().text.height.max(1));
        let top = self.top_row();
        if first < top {
            self.scroll_to(first);
        } else if first + lines > top + height {
            self.scroll_to(first.min(first + lines - height.min(first + lines)));
        }
    }

    fn step_article(&mut self, step: isize) {
        let last = self.corpus.documents.len() - 1;
        match self.document.checked_add_signed(step).filter(|&d| d <= last) {
            Some(document) => self.open(document),
            None if step > 0 => self.say(Message::LastArticle),
            None => self.say(Message::FirstArticle),
        }
    }

    /// Show another article at its last reading position.
    fn open(&mut self, document: usize) {
        self.anchors[self.document] = self.view.anchor_at(self.top_row());
        self.document = document;
        self.panel.select(0);
        self.refresh_view();
        // An article opened for the first time starts at its first paragraph of running text.
        if self.anchors[document] == Anchor::default() && self.current[document] == 0 {
            self.follow_reading_position();
        }
    }

    /// Where the reader is now.
    fn here(&self) -> Location {
        Location {
            document: self.document,
            anchor: self.view.anchor_at(self.top_row()),
            paragraph: self.paragraph(),
        }
    }

    /// Go somewhere, remembering where we were.
    fn jump(&mut self, to: Location) {
        self.jumps.push(self.here());
        self.go(to);
    }

    fn go(&mut self, to: Location) {
        if to.document != self.document {
            self.open(to.document);
        }
        self.anchors[self.document] = to.anchor;
        self.current[self.document] = to.paragraph;
    }

    /// Jump to bytes `range` of a paragraph, a little context above it, and highlight it.
    fn jump_to(&mut self, document: usize, paragraph: usize, range: Range<usize>) {
        self.jumps.push(self.here());
        if document != self.document {
            self.open(document);
        }
        let line = self.view.line_of(paragraph, range.start);
        let row = self.view.row_of(Anchor { paragraph, line });
        // A heading goes to the top; a sentence or passage keeps a little context above.
        let context = if range.is_empty() {
            0
        } else if line > 0 {
            1
        } else {
            JUMP_CONTEXT_ROWS
        };
        self.anchors[document] = self.view.anchor_at(row.saturating_sub(context));
        // A heading's section is read from its first paragraph of running text.
        let document_ref = &self.corpus.documents[document];
        self.current[document] = (paragraph..document_ref.paragraphs.len())
            .take(3)
            .find(|&p| is_running_text(document_ref, p))
            .unwrap_or(paragraph);
        self.highlight = (!range.is_empty()).then_some(Highlight { document, paragraph, range });
    }

    fn back(&mut self) {
        match self.jumps.pop() {
            Some(location) => {
                self.go(location);
                self.highlight = None;
                self.locate_in_theme();
            }
            None => self.say(Message::NothingToGoBackTo),
        }
    }

    /// After a move that is not along the trail, the passage of the active theme the reader
    /// is at (none when the current paragraph is not one of its passages).
    fn locate_in_theme(&mut self) {
        let here = (self.document, self.paragraph());
        if let Some(analysis) = self.analysis.as_deref() {
            self.theme.locate(&analysis.themes, here);
        }
    }

    fn open_theme_list(&mut self) {
        match self.analysis.as_deref() {
            None => self.say(Message::StillReading),
            Some(a) if a.themes.is_empty() => {
                self.say(Message::NoCommonTheme);
            }
            Some(_) => {
                let selected = self.theme.active().map_or(0, |t| t.index);
                self.overlay = Some(Overlay::Themes(ListView::at(selected)));
            }
        }
    }

    /// Make theme `index` active and go to its first passage at or after the current
    /// paragraph (or its first passage).
    fn activate_theme(&mut self, index: usize) {
        let Some(analysis) = self.analysis.clone() else {
            return;
        };
        let here = (self.document, self.paragraph());
        if let Some(to) = self.theme.activate(&analysis.themes, index, here) {
            self.go_to_paragraph(to);
            self.say(Message::ThemeActive(analysis.themes[index].label.clone()));
        }
    }

    /// Go to the whole of paragraph `to` (article, paragraph), a passage of the active theme.
    fn go_to_paragraph(&mut self, (document, paragraph): (usize, usize)) {
        let text_len = self.corpus.documents[document].paragraphs[paragraph].text.len();
        self.jump_to(document, paragraph, 0..text_len);
    }

    fn step_passage(&mut self, step: isize) {
        let here = (self.document, self.paragraph());
        let analysis = self.analysis.clone();
        let Some((analysis, trail)) =
            analysis.and_then(|a| self.theme.step(&a.themes, step, here).map(|t| (a, t)))
        else {
            self.say(Message::NoActiveTheme);
            return;
        };
        self.go_to_paragraph(trail.to);
        let index = self.theme.active().map_or(0, |t| t.index);
        let label = analysis.themes[index].label.clone();
        match trail.round_to_first {
            Some(true) => self.say(Message::ThemeFirstAgain(label)),
            Some(false) => self.say(Message::ThemeLastAgain(label)),
            None => {}
        }
    }

    /// Pasted text: typed into the open prompt (a note or a search) on one line, each line
    /// break, tab or other control a space; with no prompt open it is ignored, never read as
    /// keys (a pasted «x⏎{mep» would remove a bookmark, write a file and start a presentation).
    pub fn paste(&mut self, text: &str) {
        match self.prompt.as_mut() {
            Some(prompt) if self.presentation.is_none() => prompt.paste(text),
            _ => self.say(Message::PasteIgnored),
        }
    }

    /// A key while a prompt is open: typed into it, or it searches, saves the note or is
    /// given up.
    fn type_in_prompt(&mut self, key: Key) {
        let Some(prompt) = self.prompt.as_mut() else {
            return;
        };
        match prompt.handle(key, &self.keymap.prompt) {
            Typed::Open => {}
            Typed::Cancelled => self.prompt = None,
            Typed::Accepted => {
                let Some(Prompt { kind, text }) = self.prompt.take() else {
                    return;
                };
                match kind {
                    PromptKind::Search => self.run_search(text),
                    PromptKind::Note { document, paragraph } => {
                        let print = self.print(document, paragraph);
                        self.article_state_mut(document).set_note(paragraph, print, &text);
                        self.ask(Effect::SaveState);
                        self.say(if text.trim().is_empty() {
                            Message::NoteRemoved
                        } else {
                            Message::NoteSaved
                        });
                    }
                }
            }
        }
    }

    /// Show `message` (already in the interface language, or a file's name and an error) in
    /// the status line.
    pub fn tell(&mut self, message: Message) {
        self.message = Some(message);
    }

    /// Show a message in the status line (put into words when it is drawn).
    fn say(&mut self, message: Message) {
        self.message = Some(message);
    }

    /// `m`: bookmark the current paragraph, or remove its bookmark.
    fn toggle_bookmark(&mut self) {
        if self.waits_for_the_article() {
            return;
        }
        let (document, paragraph) = (self.document, self.paragraph());
        let print = self.print(document, paragraph);
        let on = self.article_state_mut(document).toggle_bookmark(paragraph, print);
        self.ask(Effect::SaveState);
        self.say(if on { Message::Bookmarked } else { Message::BookmarkRemoved });
    }

    /// `a`: type a note on the current paragraph, starting from the note it has.
    fn start_note(&mut self) {
        if self.waits_for_the_article() {
            return;
        }
        let (document, paragraph) = (self.document, self.paragraph());
        let text = self
            .article_state(document)
            .and_then(|a| a.bookmark(paragraph))
            .and_then(|b| b.note.clone())
            .unwrap_or_default();
        self.prompt = Some(Prompt { kind: PromptKind::Note { document, paragraph }, text });
    }

    /// Whether bookmarks and notes wait because the state is held back; if so, says so.
    fn waits_for_the_article(&mut self) -> bool {
        if self.holding_state {
            self.say(Message::StillReadingArticle);
        }
        self.holding_state
    }

    /// Every bookmark of every article, in collection order.
    pub fn bookmarks(&self) -> Vec<BookmarkEntry> {
        let mut entries = Vec::new();
        for document in 0..self.corpus.documents.len() {
            if let Some(article) = self.article_state(document) {
                let placed = |b: &&Bookmark| in_range(b, &self.corpus.documents[document]);
                entries.extend(article.bookmarks.iter().filter(placed).map(|b| BookmarkEntry {
                    document,
                    paragraph: b.paragraph,
                    note: b.note.clone(),
                }));
            }
        }
        entries
    }

    fn open_bookmark_list(&mut self) {
        if self.bookmarks().is_empty() {
            self.say(Message::NoBookmarks);
        } else {
            self.overlay = Some(Overlay::Bookmarks(ListView::at(0)));
        }
    }

    /// `e`: ask for the handout of every article, with the bookmarks and notes, to be
    /// written to [`HANDOUT_FILE`] in the current folder ([`Effect::WriteHandout`]).
    fn export(&mut self) {
        if self.analysis.is_none() {
            self.say(Message::StillReading);
        } else {
            self.ask(Effect::WriteHandout);
        }
    }

    /// `p`: present the active theme's passages, or else this article's key points.
    fn present(&mut self) {
        let Some(analysis) = self.analysis.clone() else {
            self.say(Message::StillReading);
            return;
        };
        self.presentation = Some(match self.theme.active() {
            Some(active) => Presentation::of_theme(&analysis, &self.corpus, active.index),
            None => Presentation::of_article(&analysis, &self.corpus, self.document),
        });
    }

    /// Search every article for `query` and go to the first hit at or after the current
    /// paragraph.
    fn run_search(&mut self, query: String) {
        let here = (self.document, self.paragraph());
        let found = self.search.run(&self.corpus, query, here);
        self.go_to_found(found);
    }

    /// Go where the search leads, and say so.
    fn go_to_found(&mut self, found: Found) {
        match found {
            Found::Hit { hit, number, count, query, reached } => {
                self.jump_to(hit.document, hit.paragraph, hit.range);
                self.highlight = None;
                self.say(Message::Hit { number, count, query, reached });
            }
            Found::NoMatch(query) => self.say(Message::NoMatch(query)),
            Found::NoSearch => self.say(Message::NoSearch),
            Found::Nothing => {}
        }
    }

    /// Act on a mouse event: the wheel scrolls the pane under the pointer; a click selects a
    /// panel item (a second click on it goes there) or makes a paragraph current.
    pub fn handle_mouse(&mut self, event: MouseEvent) {
        let at = Position::new(event.column, event.row);
        let regions = self.regions();
        let in_panel = regions.panel.contains(at);
        match event.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let down = event.kind == MouseEventKind::ScrollDown;
                if self.overlay.is_some() {
                    self.apply(if down { Action::Down } else { Action::Up });
                } else if in_panel {
                    self.panel.step_selection(down);
                } else if regions.article.contains(at) {
                    self.scroll_by(if down { WHEEL_ROWS } else { -WHEEL_ROWS });
                }
            }
            MouseEventKind::Down(MouseButton::Left) if self.overlay.is_none() => {
                if in_panel {
                    if let Some(item) = self.item_at(at.y) {
                        let again = self.focus == Focus::Panel && item == self.panel.selected();
                        self.focus = Focus::Panel;
                        self.panel.select(item);
                        if again {
                            self.activate_item();
                        }
                    }
                } else if regions.text.contains(at) {
                    self.focus = Focus::Article;
                    let row = self.top_row() + usize::from(at.y - regions.text.y);
                    self.current[self.document] = self.view.anchor_at(row).paragraph;
                }
            }
            _ => return,
        }
        self.refresh_view();
        self.refresh_panel();
    }

    /// The panel item drawn on screen row `y`, if any.
    fn item_at(&self, y: u16) -> Option<usize> {
        let regions = self.regions();
        let list = panel_list(regions.panel, regions.article.width > 0, self.look.lang.is_rtl());
        let items = self.panel_items_area(list);
        let row = usize::from(y.checked_sub(items.y)?);
        self.panel.item_at(row, usize::from(items.height), self.focus == Focus::Panel)
    }

    /// The rows of the panel list where items go: below the tab bar and a blank row.
    pub fn panel_items_area(&self, list: Rect) -> Rect {
        Rect { y: list.y + 2, height: list.height.saturating_sub(2), ..list }
    }

    /// The first panel item shown in a list of `height` rows.
    pub fn panel_first(&self, height: usize) -> usize {
        self.panel.first_shown(height, self.focus == Focus::Panel)
    }

    /// Whether the reader should stop.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The corpus being read.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The analysis, once it is ready.
    pub fn analysis(&self) -> Option<&Analysis> {
        self.analysis.as_deref()
    }

    /// The layout options.
    pub fn options(&self) -> &LayoutOptions {
        &self.options
    }

    /// The keys in force.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// Index of the article on screen.
    pub fn document_index(&self) -> usize {
        self.document
    }

    /// The article on screen.
    pub fn document(&self) -> &Document {
        &self.corpus.documents[self.document]
    }

    /// The current paragraph of the article on screen (the one Related follows).
    pub fn paragraph(&self) -> usize {
        self.current[self.document]
    }

    /// The article on screen, laid out at the text width.
    pub fn view(&self) -> &DocumentView {
        &self.view
    }

    /// Where things go on the screen now.
    pub fn regions(&self) -> Regions {
        let mode = if self.screen.width >= PANEL_FOLD_COLUMNS {
            PanelMode::Beside
        } else if self.panel.is_open() {
            PanelMode::Instead
        } else {
            PanelMode::Folded
        };
        Regions::of(self.screen, self.look.arrangement(mode))
    }

    /// Where the keyboard goes.
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// What is drawn over the reader.
    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay
    }

    /// A message for the status line.
    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    /// How far through the article the reader is, 0 to 100.
    pub fn percent(&self) -> usize {
        let max = self.max_top();
        (self.top_row() * 100).checked_div(max).unwrap_or(100)
    }

    /// The title laid out for the top bar.
    pub fn chrome(&self) -> &Chrome {
        &self.chrome
    }

    /// The side panel's section.
    pub fn section(&self) -> Section {
        self.panel.section()
    }

    /// The items of the side panel's section.
    pub fn panel_items(&self) -> &[PanelItem] {
        self.panel.items()
    }

    /// The selected panel item.
    pub fn panel_selected(&self) -> usize {
        self.panel.selected()
    }

    /// The outline entry of the section being read: the last heading at or above the current
    /// paragraph.
    pub fn current_section(&self) -> Option<usize> {
        let paragraph = self.paragraph();
        outline(self.document()).iter().rposition(|&p| p <= paragraph)
    }

    /// The text marked by the last jump.
    pub fn highlight(&self) -> Option<&Highlight> {
        self.highlight.as_ref()
    }

    /// The theme being followed.
    pub fn active_theme(&self) -> Option<ActiveTheme> {
        self.theme.active()
    }

    /// The last search, if its hits are shown or can be stepped through.
    pub fn search(&self) -> Option<&Search> {
        self.search.last()
    }

    /// The text being typed in the status line, while a prompt is open.
    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
    }

    /// The presentation, while presenting.
    pub fn presentation(&self) -> Option<&Presentation> {
        self.presentation.as_ref()
    }

    /// How things look.
    pub fn look(&self) -> &Look {
        &self.look
    }
}

/// How the reader looks and speaks: the interface language, colours, the characters of
/// frames and marks, and the widest the text column gets.
#[derive(Clone, Debug)]
pub struct Look {
    /// The interface language (Arabic mirrors the interface).
    pub lang: Lang,
    /// The colours.
    pub palette: Palette,
    /// Frames and marks.
    pub glyphs: Glyphs,
    /// The widest the text column gets, in cells.
    pub max_text_width: u16,
}

impl Look {
    /// The look `config` asks for.
    pub fn new(config: &Config) -> Look {
        Look {
            lang: config.lang.unwrap_or_default(),
            palette: Palette::of(config.scheme),
            glyphs: Glyphs::new(config.ascii),
            max_text_width: config.max_text_width,
        }
    }

    /// How the screen is split with the panel shown as `mode`.
    pub fn arrangement(&self, mode: PanelMode) -> Arrangement {
        Arrangement { mode, max_text_width: self.max_text_width, mirrored: self.lang.is_rtl() }
    }
}

/// Whether paragraph `p` of `document` is running text: a body paragraph that is not page
/// furniture.
fn is_running_text(document: &Document, p: usize) -> bool {
    let paragraph = &document.paragraphs[p];
    paragraph.boilerplate.is_none() && paragraph.role == Role::Body
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

/// Whether a bookmark's paragraph is one of its article's.
fn in_range(bookmark: &Bookmark, document: &Document) -> bool {
    bookmark.paragraph < document.paragraphs.len()
}

/// The sentence `W` lists for a bookmark that could not be placed in its article.
fn unplaced_sentence(unplaced: &Unplaced, documents: &[Document]) -> String {
    let Unplaced { document, bookmark, reason } = unplaced;
    let document = &documents[*document];
    let what = match &bookmark.note {
        Some(note) => format!("A note («{}»)", crate::corpus::sanitise_line(note)),
        None => "A bookmark".to_string(),
    };
    let path = crate::corpus::sanitise_line(&document.path);
    match reason {
        Reason::PastTheEnd => format!(
            "{what} on paragraph {} of {path}, which has {} paragraphs: kept in the state file, \
             not shown.",
            bookmark.paragraph + 1,
            document.paragraphs.len(),
        ),
        Reason::NotFoundAfterEdit => format!(
            "{what} on paragraph {} of {path}, which was edited: no paragraph of it reads like \
             that one now; kept in the state file, not shown.",
            bookmark.paragraph + 1,
        ),
    }
}
