//! Where the reader is in the collection: the article open, the place and current paragraph
//! of every article, the jumps to come back from, the theme followed across articles, the
//! open article laid out, and the text a jump marked.

use std::ops::Range;
use std::sync::Arc;

use ratatui::layout::Rect;

use super::document_view::{Anchor, DocumentView};
use super::message::Message;
use super::progress::{Place, Progress, percent_through};
use super::theme_trail::{ActiveTheme, ThemeTrail, TrailStep};
use crate::analysis::Theme;
use crate::corpus::{Corpus, Document, Role};
use crate::layout::LayoutOptions;
use crate::state::{self, ArticleState, ReaderState};

/// Rows kept above a sentence that a jump lands on, so that its context shows.
const JUMP_CONTEXT_ROWS: usize = 2;

/// What the reading moves over: the collection, how it is laid out, and the size of the pane
/// its text is drawn in now.
pub struct Pane<'a> {
    /// The collection.
    pub corpus: &'a Arc<Corpus>,
    /// How text is laid out.
    pub options: &'a LayoutOptions,
    /// Columns of the text pane (0 while the panel is shown in its place).
    pub width: u16,
    /// Rows of the text pane.
    pub height: usize,
}

impl<'a> Pane<'a> {
    /// The pane of `text` (the text region of the screen) over `corpus`.
    pub fn new(corpus: &'a Arc<Corpus>, options: &'a LayoutOptions, text: Rect) -> Pane<'a> {
        Pane { corpus, options, width: text.width, height: usize::from(text.height) }
    }

    fn document(&self, index: usize) -> &'a Document {
        &self.corpus.documents[index]
    }
}

/// A place to come back to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Location {
    /// Index of the article.
    document: usize,
    /// The line at the top of the pane.
    anchor: Anchor,
    /// The current paragraph.
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

/// Where the reader is, and the open article laid out.
pub struct Reading {
    document: usize,
    /// The line at the top of the pane, in every article.
    anchors: Vec<Anchor>,
    /// The current paragraph of every article.
    current: Vec<usize>,
    jumps: Vec<Location>,
    view: DocumentView,
    /// The article `view` lays out.
    view_document: usize,
    highlight: Option<Highlight>,
    /// The theme followed, and the passage last gone to.
    trail: ThemeTrail,
    /// How far through the articles not open their places are, as worked out so far.
    progress: Progress,
}

impl Reading {
    /// At the top of the first article of `pane`'s collection, laid out at the pane's width,
    /// its first paragraph of running text current.
    pub fn new(pane: &Pane) -> Reading {
        let count = pane.corpus.documents.len();
        let mut reading = Reading {
            document: 0,
            anchors: vec![Anchor::default(); count],
            current: vec![0; count],
            jumps: Vec::new(),
            view: DocumentView::new(pane.corpus, 0, pane.width, pane.options),
            view_document: 0,
            highlight: None,
            trail: ThemeTrail::default(),
            progress: Progress::default(),
        };
        reading.follow_reading_position(pane);
        reading
    }

    /// Index of the article open.
    pub fn document(&self) -> usize {
        self.document
    }

    /// The current paragraph of the article open.
    pub fn paragraph(&self) -> usize {
        self.current[self.document]
    }

    /// The article open, laid out.
    pub fn view(&self) -> &DocumentView {
        &self.view
    }

    /// The text marked by the last jump.
    pub fn highlight(&self) -> Option<&Highlight> {
        self.highlight.as_ref()
    }

    /// Stop marking text.
    pub fn clear_highlight(&mut self) {
        self.highlight = None;
    }

    /// Lay the open article out at the pane's width, unless it is already; while the pane
    /// has no width (the panel is shown in its place) the layout is kept.
    pub fn fit(&mut self, pane: &Pane) {
        let stale = self.view.width != pane.width || self.view_document != self.document;
        if pane.width > 0 && stale {
            self.view = DocumentView::new(pane.corpus, self.document, pane.width, pane.options);
            self.view_document = self.document;
        }
    }

    /// The row at the top of the pane.
    pub fn top_row(&self, pane: &Pane) -> usize {
        self.view.row_of(self.anchors[self.document]).min(self.max_top(pane))
    }

    /// The highest top row: the last line of the article at the bottom of the pane.
    fn max_top(&self, pane: &Pane) -> usize {
        self.view.rows().saturating_sub(pane.height)
    }

    /// Page down by `page` rows; with the end of the article already in the pane, on to
    /// the next article (what to say past the last).
    pub fn page_down(&mut self, pane: &Pane, page: isize) -> Result<(), Message> {
        if self.top_row(pane) < self.max_top(pane) {
            self.scroll_by(pane, page);
            Ok(())
        } else {
            self.step_article(pane, 1)
        }
    }

    /// How far through the article the pane is, 0 to 100.
    pub fn percent(&self, pane: &Pane) -> usize {
        percent_through(&self.view, self.anchors[self.document], pane.height)
    }

    /// How far through article `document` its place is, 0 to 100, as [`Self::percent`]
    /// says of the article open (another is laid out at the open article's width to tell);
    /// `None` for an article the reader has not moved in.
    pub fn progress(&self, pane: &Pane, document: usize) -> Option<usize> {
        if document == self.document {
            return Some(self.percent(pane));
        }
        let place = Place {
            corpus: pane.corpus,
            options: pane.options,
            width: self.view.width,
            height: pane.height,
        };
        self.moved_in(document).then(|| self.progress.of(&place, document, self.anchors[document]))
    }

    /// Whether the reader has moved in article `document` (its place is not its top, or its
    /// current paragraph not the first).
    fn moved_in(&self, document: usize) -> bool {
        self.anchors[document] != Anchor::default() || self.current[document] != 0
    }

    /// Scroll by `rows` and let the current paragraph follow.
    pub fn scroll_by(&mut self, pane: &Pane, rows: isize) {
        let top = self.top_row(pane).saturating_add_signed(rows);
        self.scroll_to(pane, top);
        self.follow_reading_position(pane);
    }

    /// Scroll to the end; the last paragraph of running text becomes current.
    pub fn scroll_to_end(&mut self, pane: &Pane) {
        self.scroll_to(pane, usize::MAX);
        let document = pane.document(self.document);
        self.current[self.document] = (0..document.paragraphs.len())
            .rev()
            .find(|&p| is_running_text(document, p))
            .unwrap_or(document.paragraphs.len().saturating_sub(1));
    }

    fn scroll_to(&mut self, pane: &Pane, row: usize) {
        let row = row.min(self.max_top(pane));
        self.anchors[self.document] = self.view.anchor_at(row);
    }

    /// Make the current paragraph the first paragraph of running text that starts in the
    /// pane, or, when none does, the paragraph at the top.
    fn follow_reading_position(&mut self, pane: &Pane) {
        let top = self.top_row(pane);
        let bottom = top + pane.height.max(1);
        let document = pane.document(self.document);
        // Only the paragraphs from the one at the top to the first starting below the pane
        // can start in it: a few, however long the article.
        let at_top = self.view.anchor_at(top).paragraph;
        let starting = (at_top..document.paragraphs.len())
            .map(|p| (p, self.view.row_of(Anchor { paragraph: p, line: 0 })))
            .take_while(|&(_, row)| row < bottom)
            .find(|&(p, row)| row >= top && is_running_text(document, p))
            .map(|(p, _)| p);
        self.current[self.document] = starting.unwrap_or(at_top);
    }

    /// Move the current paragraph to the next (or previous) paragraph of running text,
    /// scrolling it into view; what to say, and nothing moves, when there is none.
    pub fn step_paragraph(&mut self, pane: &Pane, step: isize) -> Result<(), Message> {
        let document = pane.document(self.document);
        let here = self.paragraph();
        let next = if step > 0 {
            (here + 1..document.paragraphs.len()).find(|&p| is_running_text(document, p))
        } else {
            (0..here).rev().find(|&p| is_running_text(document, p))
        };
        let Some(next) = next else {
            return Err(if step > 0 { Message::LastParagraph } else { Message::FirstParagraph });
        };
        self.current[self.document] = next;
        let first = self.view.row_of(Anchor { paragraph: next, line: 0 });
        let lines = self.view.line_count(next).max(1);
        let height = pane.height.max(1);
        let top = self.top_row(pane);
        if first < top {
            self.scroll_to(pane, first);
        } else if first + lines > top + height {
            self.scroll_to(pane, first.min(first + lines - height.min(first + lines)));
        }
        Ok(())
    }

    /// Open the next (or previous) article; what to say, and nothing moves, past either end.
    pub fn step_article(&mut self, pane: &Pane, step: isize) -> Result<(), Message> {
        let last = pane.corpus.documents.len() - 1;
        match self.document.checked_add_signed(step).filter(|&d| d <= last) {
            Some(document) => {
                self.open(pane, document);
                Ok(())
            }
            None if step > 0 => Err(Message::LastArticle),
            None => Err(Message::FirstArticle),
        }
    }

    /// Show another article at its last reading position.
    pub fn open(&mut self, pane: &Pane, document: usize) {
        self.anchors[self.document] = self.view.anchor_at(self.top_row(pane));
        self.document = document;
        self.fit(pane);
        // An article opened for the first time starts at its first paragraph of running text.
        if self.anchors[document] == Anchor::default() && self.current[document] == 0 {
            self.follow_reading_position(pane);
        }
    }

    /// Open article `document` again where it was left, its current paragraph as it was
    /// (the article open at the last exit).
    pub fn reopen(&mut self, pane: &Pane, document: usize) {
        let current = self.current[document];
        self.open(pane, document);
        self.current[document] = current;
    }

    /// Where the reader is now.
    fn here(&self, pane: &Pane) -> Location {
        Location {
            document: self.document,
            anchor: self.view.anchor_at(self.top_row(pane)),
            paragraph: self.paragraph(),
        }
    }

    /// Open article `document` where it was left, remembering where the reader was.
    pub fn jump_to_article(&mut self, pane: &Pane, document: usize) {
        let to = Location {
            document,
            anchor: self.anchors[document],
            paragraph: self.current[document],
        };
        self.jumps.push(self.here(pane));
        self.go(pane, to);
    }

    fn go(&mut self, pane: &Pane, to: Location) {
        if to.document != self.document {
            self.open(pane, to.document);
        }
        self.anchors[self.document] = to.anchor;
        self.current[self.document] = to.paragraph;
    }

    /// Jump to bytes `range` of a paragraph, with a little context above it, and mark it
    /// (an empty range, a heading, is not marked).
    pub fn jump_to(&mut self, pane: &Pane, document: usize, paragraph: usize, range: Range<usize>) {
        self.jumps.push(self.here(pane));
        if document != self.document {
            self.open(pane, document);
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
        let article = pane.document(document);
        self.current[document] = (paragraph..article.paragraphs.len())
            .take(3)
            .find(|&p| is_running_text(article, p))
            .unwrap_or(paragraph);
        self.highlight = (!range.is_empty()).then_some(Highlight { document, paragraph, range });
    }

    /// Jump to the whole of paragraph `paragraph` of article `document`.
    pub fn jump_to_paragraph(&mut self, pane: &Pane, document: usize, paragraph: usize) {
        let len = pane.document(document).paragraphs[paragraph].text.len();
        self.jump_to(pane, document, paragraph, 0..len);
    }

    /// Go back to where the last jump left from, unmarking the text; what to say when no
    /// jump is left to come back from. Off the trail of the theme followed (of `themes`),
    /// the reader is at the passage it is at, if any.
    pub fn back(&mut self, pane: &Pane, themes: Option<&[Theme]>) -> Result<(), Message> {
        let location = self.jumps.pop().ok_or(Message::NothingToGoBackTo)?;
        self.go(pane, location);
        self.highlight = None;
        if let Some(themes) = themes {
            self.trail.locate(themes, (self.document, self.paragraph()));
        }
        Ok(())
    }

    /// The theme followed, if any.
    pub fn active_theme(&self) -> Option<ActiveTheme> {
        self.trail.active()
    }

    /// Stop following the theme, and unmark its passage; whether one was followed.
    pub fn clear_theme(&mut self) -> bool {
        self.highlight = None;
        self.trail.clear()
    }

    /// Follow theme `index` of `themes`: go to its first passage at or after the current
    /// paragraph (or its first); what to say.
    pub fn follow_theme(&mut self, pane: &Pane, themes: &[Theme], index: usize) -> Option<Message> {
        let here = (self.document, self.paragraph());
        let step = self.trail.activate(themes, index, here)?;
        self.take_step(pane, step)
    }

    /// Go to the next (`step` 1) or previous passage of the theme followed, of `themes`;
    /// what to say.
    pub fn step_passage(&mut self, pane: &Pane, themes: &[Theme], step: isize) -> Option<Message> {
        match self.trail.step(themes, step, (self.document, self.paragraph())) {
            Ok(step) => self.take_step(pane, step),
            Err(said) => Some(said),
        }
    }

    /// Go to the passage a step along the trail leads to; what the step says.
    fn take_step(&mut self, pane: &Pane, step: TrailStep) -> Option<Message> {
        self.jump_to_paragraph(pane, step.to.0, step.to.1);
        step.said
    }

    /// Make the paragraph on row `row` of the pane current.
    pub fn point_at(&mut self, pane: &Pane, row: usize) {
        let row = self.top_row(pane) + row;
        self.current[self.document] = self.view.anchor_at(row).paragraph;
    }

    /// Take up the whole collection of `pane`, of which the reader had only the first
    /// article: that article is `first` there. The place in it, the jumps and the mark follow
    /// it; the other articles start at their tops.
    pub fn take_up_collection(&mut self, pane: &Pane, first: usize) {
        let count = pane.corpus.documents.len();
        let moved = |document: usize| if document == 0 { first } else { document };
        let mut anchors = vec![Anchor::default(); count];
        let mut current = vec![0; count];
        anchors[first] = self.view.anchor_at(self.top_row(pane));
        current[first] = self.current.first().copied().unwrap_or(0);
        self.anchors = anchors;
        self.current = current;
        self.document = first;
        self.view = DocumentView::new(pane.corpus, first, self.view.width, pane.options);
        self.view_document = first;
        self.progress.forget();
        for jump in &mut self.jumps {
            jump.document = moved(jump.document);
        }
        if let Some(highlight) = &mut self.highlight {
            highlight.document = moved(highlight.document);
        }
    }

    /// Take up the reading positions of `state` (`keys` naming the articles) for every
    /// article but `except`; a position past its article's end is brought back into it.
    pub fn take_positions(
        &mut self,
        pane: &Pane,
        state: &ReaderState,
        keys: &[String],
        except: Option<usize>,
    ) {
        for (i, key) in keys.iter().enumerate() {
            if let Some(article) = state.articles.get(key).filter(|_| Some(i) != except) {
                let last = pane.document(i).paragraphs.len().saturating_sub(1);
                let position = article.position;
                self.anchors[i] =
                    Anchor { paragraph: position.paragraph.min(last), line: position.line };
                self.current[i] = position.current.min(last);
            }
        }
    }

    /// Where article `document` is read up to, if the reader has moved in it: for the
    /// article open, the line at the top of the pane now.
    fn position(&self, pane: &Pane, document: usize) -> Option<state::Position> {
        let anchor = if document == self.document {
            self.view.anchor_at(self.top_row(pane))
        } else {
            self.anchors[document]
        };
        let moved = anchor != Anchor::default() || self.current[document] != 0;
        moved.then_some(state::Position {
            paragraph: anchor.paragraph,
            line: anchor.line,
            current: self.current[document],
        })
    }

    /// Write the positions read into `state`'s entries: every article moved in, and every
    /// article `state` has an entry for (`keys` naming the articles; `entry` makes one).
    pub fn write_positions(
        &self,
        pane: &Pane,
        state: &mut ReaderState,
        keys: &[String],
        entry: impl Fn(&mut ArticleState, &Document),
    ) {
        for (i, key) in keys.iter().enumerate() {
            let position = self.position(pane, i);
            if position.is_some() || state.articles.contains_key(key) {
                let article = state.articles.entry(key.clone()).or_default();
                entry(article, pane.document(i));
                article.position = position.unwrap_or_default();
            }
        }
    }
}

/// Whether paragraph `p` of `document` is running text: a body paragraph that is not page
/// furniture.
fn is_running_text(document: &Document, p: usize) -> bool {
    let paragraph = &document.paragraphs[p];
    paragraph.boilerplate.is_none() && paragraph.role == Role::Body
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_document;

    /// Two articles in Markdown: the first a heading and ten short paragraphs.
    fn corpus() -> Arc<Corpus> {
        let paragraphs: Vec<String> =
            (1..=10).map(|i| format!("الفقرة {i} من المقالة الأولى، وهي قصيرة.")).collect();
        let first = format!("# العنوان\n\n## قسم\n\n{}", paragraphs.join("\n\n"));
        let second = "# مقالة ثانية\n\nفقرة أولى.\n\nفقرة ثانية.";
        let documents =
            vec![parse_document("a.md", &first, true), parse_document("b.md", second, true)];
        Arc::new(Corpus { documents, warnings: Vec::new() })
    }

    fn pane<'a>(corpus: &'a Arc<Corpus>, options: &'a LayoutOptions, height: u16) -> Pane<'a> {
        Pane::new(corpus, options, Rect::new(0, 0, 40, height))
    }

    fn reading_at_start(pane: &Pane) -> Reading {
        Reading::new(pane)
    }

    #[test]
    fn the_current_paragraph_is_running_text_and_steps_stop_at_the_ends() {
        let (corpus, options) = (corpus(), LayoutOptions::default());
        let pane = pane(&corpus, &options, 6);
        let mut reading = reading_at_start(&pane);
        let document = &corpus.documents[0];
        let first = reading.paragraph();
        assert_eq!(document.paragraphs[first].role, Role::Body, "not the heading");
        assert_eq!(reading.step_paragraph(&pane, -1), Err(Message::FirstParagraph));
        assert_eq!(reading.paragraph(), first);
        let mut steps = 0;
        while reading.step_paragraph(&pane, 1).is_ok() {
            steps += 1;
            // The current paragraph is scrolled into the six rows of the pane.
            let row = reading.view().row_of(Anchor { paragraph: reading.paragraph(), line: 0 });
            let top = reading.top_row(&pane);
            assert!(row >= top && row < top + 6, "row {row}, top {top}");
        }
        assert_eq!(steps, 9);
        assert_eq!(reading.paragraph(), document.paragraphs.len() - 1);
        assert_eq!(reading.percent(&pane), 100);
    }

    #[test]
    fn a_jump_marks_its_sentence_and_back_returns_to_where_it_left() {
        let (corpus, options) = (corpus(), LayoutOptions::default());
        let pane = pane(&corpus, &options, 6);
        let mut reading = reading_at_start(&pane);
        assert_eq!(reading.back(&pane, None), Err(Message::NothingToGoBackTo));
        let start = (reading.document(), reading.paragraph(), reading.top_row(&pane));
        reading.jump_to(&pane, 1, 1, 0..5);
        assert_eq!((reading.document(), reading.paragraph()), (1, 1));
        assert_eq!(
            reading.highlight(),
            Some(&Highlight { document: 1, paragraph: 1, range: 0..5 })
        );
        assert_eq!(reading.back(&pane, None), Ok(()));
        assert_eq!((reading.document(), reading.paragraph(), reading.top_row(&pane)), start);
        assert_eq!(reading.highlight(), None);
    }

    #[test]
    fn a_theme_is_followed_across_articles_and_back_finds_the_trail_again() {
        let (corpus, options) = (corpus(), LayoutOptions::default());
        let pane = pane(&corpus, &options, 6);
        let mut reading = reading_at_start(&pane);
        let passages = [(0, 5), (1, 1)].map(|(document, paragraph)| crate::analysis::Passage {
            document,
            paragraph,
            strength: 1.0,
        });
        let label = "موضوع".to_string();
        let themes = [Theme {
            id: "t".into(),
            label: label.clone(),
            label_en: None,
            terms: Vec::new(),
            passages: passages.to_vec(),
        }];
        assert_eq!(reading.step_passage(&pane, &themes, 1), Some(Message::NoActiveTheme));
        let said = reading.follow_theme(&pane, &themes, 0);
        assert_eq!(said, Some(Message::ThemeActive(label.clone())));
        assert_eq!((reading.document(), reading.paragraph()), (0, 5));
        assert!(reading.highlight().is_some(), "the passage is marked");
        assert_eq!(reading.step_passage(&pane, &themes, 1), None);
        assert_eq!((reading.document(), reading.paragraph()), (1, 1));
        let round = reading.step_passage(&pane, &themes, 1);
        assert_eq!(round, Some(Message::ThemeFirstAgain(label)));
        assert_eq!(reading.back(&pane, Some(&themes)), Ok(()));
        assert_eq!((reading.document(), reading.paragraph()), (1, 1));
        assert_eq!(reading.active_theme().and_then(|t| t.passage), Some(1), "on the trail");
    }

    #[test]
    fn paging_down_at_an_article_s_end_opens_the_next() {
        let (corpus, options) = (corpus(), LayoutOptions::default());
        let pane = pane(&corpus, &options, 6);
        let mut reading = reading_at_start(&pane);
        assert_eq!(reading.page_down(&pane, 5), Ok(()));
        assert_eq!((reading.document(), reading.top_row(&pane)), (0, 5));
        while reading.document() == 0 {
            assert_eq!(reading.page_down(&pane, 5), Ok(()));
        }
        assert_eq!((reading.document(), reading.top_row(&pane)), (1, 0));
        while reading.top_row(&pane) < reading.view().rows().saturating_sub(6) {
            reading.page_down(&pane, 5).unwrap();
        }
        assert_eq!(reading.page_down(&pane, 5), Err(Message::LastArticle));
    }

    #[test]
    fn an_article_opens_where_it_was_left() {
        let (corpus, options) = (corpus(), LayoutOptions::default());
        let pane = pane(&corpus, &options, 4);
        let mut reading = reading_at_start(&pane);
        reading.scroll_by(&pane, 5);
        let left = (reading.paragraph(), reading.top_row(&pane));
        assert_eq!(reading.step_article(&pane, 1), Ok(()));
        assert_eq!(reading.step_article(&pane, 1), Err(Message::LastArticle));
        assert_eq!(reading.document(), 1);
        assert_eq!(reading.step_article(&pane, -1), Ok(()));
        assert_eq!((reading.paragraph(), reading.top_row(&pane)), left);
    }

    #[test]
    fn positions_past_an_article_s_end_are_brought_back_into_it() {
        let (corpus, options) = (corpus(), LayoutOptions::default());
        let pane = pane(&corpus, &options, 4);
        let mut reading = reading_at_start(&pane);
        let keys = vec!["a".to_string(), "b".to_string()];
        let mut state = ReaderState::default();
        let far = state::Position { paragraph: 999, line: 3, current: 999 };
        state.articles.entry("b".into()).or_default().position = far;
        reading.take_positions(&pane, &state, &keys, None);
        reading.open(&pane, 1);
        assert_eq!(reading.paragraph(), corpus.documents[1].paragraphs.len() - 1);
        let written = reading.position(&pane, 1).expect("moved in");
        assert!(written.paragraph < corpus.documents[1].paragraphs.len());
    }
}
