//! Presentation mode: one thing per screen for a projector — an article's title and then its
//! key points, or a theme's passages across articles — centred, with wide margins and high
//! contrast, laid out by the engine, and a footer with progress, elapsed time and the clock.
//!
//! Keys: those of its table ([`super::keymap::PRESENTATION_BINDINGS`]: next, previous, first,
//! last, the user's note as speaker notes, leave), and two that are read rather than bound: the
//! arrow that points the way the text reads is next (← for Arabic, → for English: the next
//! point lies in the direction the eye moves) and the other previous, and a number then Enter
//! goes to that screen.

use std::ops::Range;
use std::time::{Duration, Instant};

use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::action::PresentationAction;
use super::keymap::{Key, KeyTable};
use super::paint::draw_line;
use super::palette::Palette;
use crate::analysis::keypoints::hashtags_as_words;
use crate::analysis::view;
use crate::analysis::{Analysis, Budget};
use crate::corpus::{Corpus, sanitise_line};
use crate::lang::{Lang, fill, tr};
use crate::layout::{LayoutOptions, VisualLine, layout_paragraph};
use crate::text::Direction;

/// The widest a presented line gets, in cells.
const PRESENTATION_WIDTH: u16 = 72;

/// What a screen of the presentation shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slide {
    /// An article's title.
    Title {
        /// Index of the article.
        document: usize,
        /// How many key points follow.
        points: usize,
    },
    /// A theme's label.
    Theme {
        /// Index of the theme.
        index: usize,
    },
    /// A key point (a sentence) or a theme's passage (a whole paragraph).
    Text {
        /// Index of the article.
        document: usize,
        /// Index of the paragraph.
        paragraph: usize,
        /// The bytes of the paragraph shown.
        range: Range<usize>,
    },
}

impl Slide {
    /// The paragraph a slide shows, if it shows one (for its speaker note).
    pub fn paragraph(&self) -> Option<(usize, usize)> {
        match self {
            Slide::Text { document, paragraph, .. } => Some((*document, *paragraph)),
            _ => None,
        }
    }
}

/// What a key did to the presentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Still presenting.
    Stay,
    /// Back to the reader, where it was.
    Leave,
}

/// The presentation in progress.
#[derive(Clone, Debug)]
pub struct Presentation {
    slides: Vec<Slide>,
    index: usize,
    started: Instant,
    typed: String,
    show_note: bool,
    direction: Direction,
}

impl Presentation {
    /// The passages of theme `theme`, if one is followed, else the title and key points of
    /// article `document`.
    pub fn start(
        analysis: &Analysis,
        corpus: &Corpus,
        theme: Option<usize>,
        document: usize,
    ) -> Presentation {
        match theme {
            Some(index) => Presentation::of_theme(analysis, corpus, index),
            None => Presentation::of_article(analysis, corpus, document),
        }
    }

    /// The title of `document` and then its key points.
    pub fn of_article(analysis: &Analysis, corpus: &Corpus, document: usize) -> Presentation {
        let points =
            view::key_points(analysis, &corpus.documents[document], document, Budget::Default);
        let mut slides = vec![Slide::Title { document, points: points.len() }];
        slides.extend(points.into_iter().map(|k| Slide::Text {
            document,
            paragraph: k.paragraph,
            range: k.range,
        }));
        Presentation::new(slides, corpus.documents[document].direction)
    }

    /// The label of theme `index` and then its passages across articles.
    pub fn of_theme(analysis: &Analysis, corpus: &Corpus, index: usize) -> Presentation {
        let mut slides = vec![Slide::Theme { index }];
        slides.extend(analysis.themes[index].passages.iter().map(|p| Slide::Text {
            document: p.document,
            paragraph: p.paragraph,
            range: 0..corpus.documents[p.document].paragraphs[p.paragraph].text.len(),
        }));
        let direction =
            corpus.documents.first().map_or(Direction::Rtl, |document| document.direction);
        Presentation::new(slides, direction)
    }

    fn new(slides: Vec<Slide>, direction: Direction) -> Presentation {
        Presentation {
            slides,
            index: 0,
            started: Instant::now(),
            typed: String::new(),
            show_note: false,
            direction,
        }
    }

    /// The screens, in order.
    pub fn slides(&self) -> &[Slide] {
        &self.slides
    }

    /// Index of the screen shown.
    pub fn index(&self) -> usize {
        self.index
    }

    /// The screen shown.
    pub fn slide(&self) -> &Slide {
        &self.slides[self.index]
    }

    /// Whether the speaker note is shown.
    pub fn shows_note(&self) -> bool {
        self.show_note
    }

    /// The number typed so far (to go to a screen by number).
    pub fn typed(&self) -> &str {
        &self.typed
    }

    /// Time from the presentation's start to `now` (none when `now` is before it).
    pub fn elapsed_at(&self, now: Instant) -> Duration {
        now.saturating_duration_since(self.started)
    }

    /// Act on a key, with the action `keys` binds to it: a screen's number is typed then
    /// Enter (Esc forgets it), and the arrow that points the way the text reads is next.
    pub fn handle(&mut self, key: Key, keys: &KeyTable<PresentationAction>) -> Step {
        let (forward, backward) = if self.direction.is_rtl() {
            (KeyCode::Left, KeyCode::Right)
        } else {
            (KeyCode::Right, KeyCode::Left)
        };
        let last = self.slides.len() - 1;
        let numbered = !self.typed.is_empty();
        match (key.code, keys.action_for(key)) {
            (KeyCode::Enter, _) if numbered => {
                let n: usize = self.typed.parse().unwrap_or(1);
                self.index = n.clamp(1, last + 1) - 1;
                self.typed.clear();
            }
            (KeyCode::Esc, _) if numbered => self.typed.clear(),
            (_, Some(PresentationAction::Next)) => self.step(1),
            (_, Some(PresentationAction::Previous)) => self.step(-1),
            (_, Some(PresentationAction::First)) => self.index = 0,
            (_, Some(PresentationAction::Last)) => self.index = last,
            (_, Some(PresentationAction::Note)) => self.show_note = !self.show_note,
            (_, Some(PresentationAction::Leave)) => return Step::Leave,
            (KeyCode::Char(c @ '0'..='9'), None) if !key.ctrl => self.typed.push(c),
            (code, None) if code == forward => self.step(1),
            (code, None) if code == backward => self.step(-1),
            _ => {}
        }
        Step::Stay
    }

    fn step(&mut self, step: isize) {
        self.typed.clear();
        self.index = self.index.saturating_add_signed(step).min(self.slides.len() - 1);
    }
}

/// What drawing a presentation needs besides the presentation itself.
pub struct Stage<'a> {
    /// The collection.
    pub corpus: &'a Corpus,
    /// Its analysis.
    pub analysis: &'a Analysis,
    /// The user's note on the screen's paragraph, if any.
    pub note: Option<&'a str>,
    /// The local time as the footer shows it ("14:32").
    pub clock: String,
    /// Time since the presentation started, as the footer shows it.
    pub elapsed: Duration,
    /// Layout options.
    pub options: &'a LayoutOptions,
    /// Colours.
    pub palette: &'a Palette,
    /// The interface language (its words; in Arabic the footer reads from the right).
    pub lang: Lang,
}

/// Draw the presentation on the whole of `area`.
pub fn draw(buf: &mut Buffer, area: Rect, presentation: &Presentation, stage: &Stage) {
    let base = stage.palette.presentation;
    buf.set_style(area, base);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            if let Some(cell) = buf.cell_mut((x, y)) {
                cell.set_symbol(" ");
            }
        }
    }
    if area.height < 3 || area.width < 8 {
        return;
    }
    let footer = Rect { y: area.bottom() - 1, height: 1, ..area };
    let margin_x = (area.width / 8).max(2);
    let margin_y = (area.height / 6).max(1);
    // Short lines read better from the back of a room: at most PRESENTATION_WIDTH cells.
    let width = (area.width - 2 * margin_x).min(PRESENTATION_WIDTH);
    let content = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + margin_y,
        width,
        height: area.height.saturating_sub(2 * margin_y + 1),
    };
    let mut blocks: Vec<(Vec<VisualLine>, Style)> = Vec::new();
    let width = content.width;
    let options = stage.options;
    let quiet = base.add_modifier(Modifier::DIM);
    match presentation.slide() {
        Slide::Title { document, points } => {
            let document = &stage.corpus.documents[*document];
            let title = name_lines(&document.title, document.direction, width, options);
            blocks.push((title, base.add_modifier(Modifier::BOLD)));
            let about = fill(stage.lang, "{} key points", &[points]);
            blocks.push((layout_paragraph(&about, Direction::Ltr, width, options).lines, quiet));
        }
        Slide::Theme { index } => {
            let theme = &stage.analysis.themes[*index];
            let label = name_lines(&theme.label, Direction::Rtl, width, options);
            blocks.push((label, base.add_modifier(Modifier::BOLD)));
            if let Some(english) = &theme.label_en {
                blocks.push((name_lines(english, Direction::Ltr, width, options), quiet));
            }
            let about = fill(
                stage.lang,
                "{} passages in {} articles",
                &[&theme.passages.len(), &theme.article_count()],
            );
            blocks.push((layout_paragraph(&about, Direction::Ltr, width, options).lines, quiet));
        }
        Slide::Text { document, paragraph, range } => {
            let document = &stage.corpus.documents[*document];
            let source = name_lines(&document.title, document.direction, width, options);
            blocks.push((source.into_iter().take(1).collect(), quiet));
            let text = hashtags_as_words(&document.paragraphs[*paragraph].text[range.clone()]);
            let text = layout_paragraph(&text, document.direction, width, options);
            blocks.push((text.lines, base));
        }
    }
    if presentation.shows_note() {
        let note = match stage.note {
            Some(note) => format!("{}: {note}", tr(stage.lang, "Note")),
            None => tr(stage.lang, "(no note on this point)").to_string(),
        };
        blocks.push((name_lines(&note, Direction::Ltr, width, options), stage.palette.note));
    }
    // Blocks one blank row apart, the whole centred in the content area; each line centred.
    let rows: usize =
        blocks.iter().map(|(lines, _)| lines.len()).sum::<usize>() + blocks.len().saturating_sub(1);
    let height = usize::from(content.height);
    let mut y = content.y + (height.saturating_sub(rows) / 2) as u16;
    for (lines, style) in &blocks {
        for line in lines {
            if y >= content.bottom() {
                break;
            }
            let mut centred = line.clone();
            centred.indent = (width.saturating_sub(line.width)) / 2;
            draw_line(buf, content.x, y, width, &centred, |_| *style);
            y += 1;
        }
        y += 1;
    }
    draw_footer(buf, footer, presentation, stage);
}

/// A text that is not an article's (a title, a theme's label, a note) laid out at `width`,
/// made safe to show by [`sanitise_line`] first.
fn name_lines(
    text: &str,
    fallback: Direction,
    width: u16,
    options: &LayoutOptions,
) -> Vec<VisualLine> {
    layout_paragraph(&sanitise_line(text), fallback, width, options).lines
}

/// Progress on one side, elapsed time in the middle, the clock on the other side.
fn draw_footer(buf: &mut Buffer, area: Rect, presentation: &Presentation, stage: &Stage) {
    let style = stage.palette.presentation.add_modifier(Modifier::DIM);
    let mut progress = format!("{}/{}", presentation.index() + 1, presentation.slides().len());
    if !presentation.typed().is_empty() {
        progress = format!("{progress}  → {}", presentation.typed());
    }
    let seconds = stage.elapsed.as_secs();
    let elapsed = format!("{:02}:{:02}", seconds / 60, seconds % 60);
    let (left, right) = if stage.lang.is_rtl() {
        (stage.clock.clone(), progress)
    } else {
        (progress, stage.clock.clone())
    };
    let put = |buf: &mut Buffer, x: u16, text: &str| {
        buf.set_stringn(x, area.y, text, usize::from(area.right().saturating_sub(x)), style);
    };
    put(buf, area.x + 1, &left);
    put(buf, area.x + (area.width.saturating_sub(elapsed.len() as u16)) / 2, &elapsed);
    let right_width = right.chars().count() as u16;
    put(buf, area.right().saturating_sub(right_width + 1), &right);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ThemeSource;
    use crate::ui::keymap::Keymap;

    fn presentation() -> Presentation {
        let corpus = Corpus::builtin();
        let analysis = Analysis::new(&corpus, &ThemeSource::default_for(&corpus));
        Presentation::of_article(&analysis, &corpus, 0)
    }

    #[test]
    fn stepping_forward_back_and_by_number() {
        let mut p = presentation();
        let keys = Keymap::default().presentation;
        let last = p.slides().len() - 1;
        assert!(last >= 3);
        assert!(matches!(p.slide(), Slide::Title { .. }));
        for code in [KeyCode::Char(' '), KeyCode::PageDown, KeyCode::Enter, KeyCode::Left] {
            p.handle(Key::plain(code), &keys);
        }
        assert_eq!(p.index(), 4.min(last), "Space, PgDn, Enter and ← (Arabic) go forward");
        p.handle(Key::plain(KeyCode::Right), &keys);
        p.handle(Key::plain(KeyCode::Backspace), &keys);
        p.handle(Key::plain(KeyCode::PageUp), &keys);
        assert_eq!(p.index(), 1, "→, Backspace and PgUp go back");
        p.handle(Key::ch('G'), &keys);
        assert_eq!(p.index(), last);
        p.handle(Key::ch(' '), &keys);
        assert_eq!(p.index(), last, "the last screen stays");
        p.handle(Key::ch('g'), &keys);
        assert_eq!(p.index(), 0);
        p.handle(Key::plain(KeyCode::PageUp), &keys);
        assert_eq!(p.index(), 0, "the first screen stays");
        p.handle(Key::ch('3'), &keys);
        assert_eq!(p.typed(), "3");
        p.handle(Key::plain(KeyCode::Enter), &keys);
        assert_eq!(p.index(), 2, "3 Enter goes to the third screen");
        p.handle(Key::ch('9'), &keys);
        p.handle(Key::ch('9'), &keys);
        p.handle(Key::plain(KeyCode::Enter), &keys);
        assert_eq!(p.index(), last, "a number past the end goes to the last screen");
        p.handle(Key::ch('s'), &keys);
        assert!(p.shows_note());
        assert_eq!(p.handle(Key::plain(KeyCode::Esc), &keys), Step::Leave);
    }

    #[test]
    fn a_rebound_key_steps_and_the_default_no_longer_does() {
        let mut p = presentation();
        let mut keymap = Keymap::default();
        keymap.rebind("present_next", &["n".into()]).unwrap();
        p.handle(Key::ch(' '), &keymap.presentation);
        assert_eq!(p.index(), 0, "Space is no longer bound");
        p.handle(Key::ch('n'), &keymap.presentation);
        assert_eq!(p.index(), 1);
        p.handle(Key::plain(KeyCode::Left), &keymap.presentation);
        assert_eq!(p.index(), 2, "the arrow the text reads towards stays next");
    }

    #[test]
    fn a_theme_presents_its_passages_across_articles() {
        let corpus = Corpus::builtin();
        let analysis = Analysis::new(&corpus, &ThemeSource::default_for(&corpus));
        let p = Presentation::of_theme(&analysis, &corpus, 1);
        assert_eq!(p.slides().len(), analysis.themes[1].passages.len() + 1);
        let documents: std::collections::BTreeSet<usize> =
            p.slides().iter().filter_map(|s| s.paragraph()).map(|(d, _)| d).collect();
        assert_eq!(documents.len(), analysis.themes[1].article_count());
    }
}
