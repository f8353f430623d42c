//! The reader's state, changed only through [`Action`]s.

use ratatui::layout::Rect;

use super::chrome::{Chrome, outline};
use super::document_view::{Anchor, DocumentView};
use super::draw::{counter_width, panel_list};
use super::keymap::{Key, action_for};
use super::regions::{PANEL_FOLD_COLUMNS, PanelMode, Regions};
use crate::corpus::{Corpus, Document};
use crate::layout::LayoutOptions;

/// Everything the reader can be asked to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Scroll down a line, or select the next item of the focused list.
    Down,
    /// Scroll up a line, or select the previous item of the focused list.
    Up,
    /// Scroll down a page.
    PageDown,
    /// Scroll up a page.
    PageUp,
    /// Go to the top of the article.
    Top,
    /// Go to the end of the article.
    Bottom,
    /// Open the next article.
    NextArticle,
    /// Open the previous article.
    PreviousArticle,
    /// Show the list of articles.
    ArticleList,
    /// Move the focus between the article and the side panel.
    TogglePanel,
    /// Act on the selected item (heading, article).
    Activate,
    /// Return to where the last jump started.
    Back,
    /// Show or hide the help screen.
    Help,
    /// Close what is open on top of the article.
    Close,
    /// Leave basira.
    Quit,
}

/// Where the keyboard goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The article scrolls.
    Article,
    /// The side panel's list moves.
    Panel,
}

/// A window drawn over the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// The keys.
    Help,
    /// The articles, with the selected one.
    Articles {
        /// Index of the selected article.
        selected: usize,
    },
}

/// A place to come back to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Location {
    document: usize,
    anchor: Anchor,
}

/// The state of the reader.
pub struct App {
    corpus: Corpus,
    options: LayoutOptions,
    document: usize,
    anchors: Vec<Anchor>,
    focus: Focus,
    panel_open: bool,
    panel_selected: usize,
    overlay: Option<Overlay>,
    jumps: Vec<Location>,
    message: Option<String>,
    screen: Rect,
    view: DocumentView,
    view_document: usize,
    outline: Vec<usize>,
    chrome: Chrome,
    quit: bool,
}

impl App {
    /// A reader on the first article of `corpus` (which must hold at least one document), for
    /// a screen of `width` × `height` cells.
    pub fn new(corpus: Corpus, options: LayoutOptions, width: u16, height: u16) -> App {
        let screen = Rect::new(0, 0, width, height);
        let text_width = Regions::of(screen, PanelMode::Folded).text.width;
        let view = DocumentView::new(&corpus.documents[0], text_width, &options);
        let anchors = vec![Anchor::default(); corpus.documents.len()];
        let first_outline = outline(&corpus.documents[0]);
        let mut app = App {
            corpus,
            options,
            document: 0,
            anchors,
            focus: Focus::Article,
            panel_open: false,
            panel_selected: 0,
            overlay: None,
            jumps: Vec::new(),
            message: None,
            screen,
            view,
            view_document: 0,
            outline: first_outline,
            chrome: Chrome::default(),
            quit: false,
        };
        app.refresh_view();
        app
    }

    /// Tell the reader the screen size; the article is laid out again if its width changed.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.screen = Rect::new(0, 0, width, height);
        self.refresh_view();
    }

    /// Lay the current article out for the current text width, if it is not already. While
    /// the article is hidden (the panel shown in its place) the old layout is kept.
    fn refresh_view(&mut self) {
        let regions = self.regions();
        let width = regions.text.width;
        if width > 0 && (self.view.width != width || self.view_document != self.document) {
            self.view = DocumentView::new(self.document(), width, &self.options);
            self.view_document = self.document;
            self.outline = outline(self.document());
        }
        let title_width =
            regions.title.width.saturating_sub(counter_width(self.corpus.documents.len()) + 1);
        let beside = regions.article.width > 0;
        let item_width = panel_list(regions.panel, beside).width.saturating_sub(2);
        let document = &self.corpus.documents[self.document];
        self.chrome.refresh(self.document, document, title_width, item_width, &self.options);
    }

    /// Act on a key press.
    pub fn handle_key(&mut self, key: Key) {
        match action_for(key) {
            Some(action) => self.apply(action),
            None => self.message = None,
        }
    }

    /// Change the state by one action.
    pub fn apply(&mut self, action: Action) {
        self.apply_action(action);
        self.refresh_view();
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
            Action::Top => self.scroll_to(0),
            Action::Bottom => self.scroll_to(usize::MAX),
            Action::NextArticle => self.step_article(1),
            Action::PreviousArticle => self.step_article(-1),
            Action::ArticleList => {
                self.overlay = Some(Overlay::Articles { selected: self.document });
            }
            Action::TogglePanel => self.toggle_panel(),
            Action::Activate => {}
            Action::Back => self.back(),
            Action::Help => self.overlay = Some(Overlay::Help),
            Action::Close => {
                self.focus = Focus::Article;
                self.panel_open = false;
            }
            Action::Quit => self.quit = true,
        }
    }

    /// Keys while the help or the article list is open.
    fn apply_to_overlay(&mut self, overlay: Overlay, action: Action) {
        match (overlay, action) {
            (_, Action::Quit) => self.quit = true,
            (Overlay::Articles { selected }, Action::Down | Action::Up) => {
                let last = self.corpus.documents.len() - 1;
                let selected = if action == Action::Down {
                    (selected + 1).min(last)
                } else {
                    selected.saturating_sub(1)
                };
                self.overlay = Some(Overlay::Articles { selected });
            }
            (Overlay::Articles { selected }, Action::Activate) => {
                self.overlay = None;
                if selected != self.document {
                    self.jump(Location { document: selected, anchor: self.anchors[selected] });
                }
            }
            (Overlay::Help, Action::Help)
            | (_, Action::Close | Action::ArticleList | Action::Back) => self.overlay = None,
            _ => {}
        }
    }

    /// Keys while the side panel has the focus.
    fn apply_to_panel(&mut self, action: Action) {
        match action {
            Action::Down => {
                let last = self.outline.len().saturating_sub(1);
                self.panel_selected = (self.panel_selected + 1).min(last);
            }
            Action::Up => self.panel_selected = self.panel_selected.saturating_sub(1),
            _ => {
                if let Some(&paragraph) = self.outline.get(self.panel_selected) {
                    let anchor = Anchor { paragraph, line: 0 };
                    self.jump(Location { document: self.document, anchor });
                    self.focus = Focus::Article;
                    self.panel_open = false;
                }
            }
        }
    }

    fn toggle_panel(&mut self) {
        if self.focus == Focus::Panel {
            self.focus = Focus::Article;
            self.panel_open = false;
        } else {
            self.focus = Focus::Panel;
            self.panel_open = true;
            self.panel_selected = self.current_section().unwrap_or(0);
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

    fn scroll_by(&mut self, rows: isize) {
        let top = self.top_row().saturating_add_signed(rows);
        self.scroll_to(top);
    }

    fn scroll_to(&mut self, row: usize) {
        let row = row.min(self.max_top());
        self.anchors[self.document] = self.view.anchor_at(row);
    }

    fn step_article(&mut self, step: isize) {
        let last = self.corpus.documents.len() - 1;
        match self.document.checked_add_signed(step).filter(|&d| d <= last) {
            Some(document) => self.open(document),
            None if step > 0 => self.message = Some("This is the last article.".into()),
            None => self.message = Some("This is the first article.".into()),
        }
    }

    /// Show another article at its last reading position.
    fn open(&mut self, document: usize) {
        self.anchors[self.document] = self.view.anchor_at(self.top_row());
        self.document = document;
        self.panel_selected = 0;
        self.refresh_view();
    }

    /// Go somewhere, remembering where we were.
    fn jump(&mut self, to: Location) {
        let here =
            Location { document: self.document, anchor: self.view.anchor_at(self.top_row()) };
        self.jumps.push(here);
        self.go(to);
    }

    fn go(&mut self, to: Location) {
        if to.document != self.document {
            self.open(to.document);
        }
        self.anchors[self.document] = to.anchor;
    }

    fn back(&mut self) {
        match self.jumps.pop() {
            Some(location) => self.go(location),
            None => self.message = Some("No earlier place to go back to.".into()),
        }
    }

    /// What the article pane shows: the article, its first row and the text width. When it
    /// changes, the text on screen has moved.
    pub fn scene(&self) -> (usize, usize, u16) {
        (self.document, self.top_row(), self.view.width)
    }

    /// Whether the reader should stop.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The corpus being read.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The layout options.
    pub fn options(&self) -> &LayoutOptions {
        &self.options
    }

    /// Index of the article on screen.
    pub fn document_index(&self) -> usize {
        self.document
    }

    /// The article on screen.
    pub fn document(&self) -> &Document {
        &self.corpus.documents[self.document]
    }

    /// The article on screen, laid out at the text width.
    pub fn view(&self) -> &DocumentView {
        &self.view
    }

    /// Where things go on the screen now.
    pub fn regions(&self) -> Regions {
        let mode = if self.screen.width >= PANEL_FOLD_COLUMNS {
            PanelMode::Beside
        } else if self.panel_open {
            PanelMode::Instead
        } else {
            PanelMode::Folded
        };
        Regions::of(self.screen, mode)
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
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// How far through the article the reader is, 0 to 100.
    pub fn percent(&self) -> usize {
        let max = self.max_top();
        (self.top_row() * 100).checked_div(max).unwrap_or(100)
    }

    /// The paragraphs listed in the outline: the title and the headings that are not page
    /// furniture.
    pub fn outline(&self) -> &[usize] {
        &self.outline
    }

    /// The title and outline laid out for the top bar and the panel.
    pub fn chrome(&self) -> &Chrome {
        &self.chrome
    }

    /// The selected outline item in the panel.
    pub fn panel_selected(&self) -> usize {
        self.panel_selected
    }

    /// The outline item of the section being read: the last heading at or above the top row.
    pub fn current_section(&self) -> Option<usize> {
        let paragraph = self.view.anchor_at(self.top_row()).paragraph;
        self.outline().iter().rposition(|&p| p <= paragraph)
    }
}
