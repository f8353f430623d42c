//! Presentation mode: one thing per screen for a projector — an article's title and then its
//! key points, a theme's passages across articles, or a deck of places — then an end slide;
//! centred, with wide margins and high contrast, and a footer with progress, the time
//! presented (or left, with `--minutes`) and the clock.
//!
//! What a slide says is in [`slide`], how it is cut into screens in [`screens`], the clock in
//! [`timer`], drawing in [`draw`]. Keys: those of its table
//! ([`super::keymap::PRESENTATION_BINDINGS`]: next, previous, first, last, the note, the
//! clock, leave), and two that are read rather than bound: → goes on and ← back whatever the
//! language, as a clicker sends them (beside PgDn Space Enter and PgUp Backspace), unless
//! `present_arrows = "reading"` makes the arrow that points the way the text reads next; and
//! a number then Enter goes to that slide.

pub mod draw;
pub mod screens;
pub mod slide;
pub mod timer;

use std::time::Instant;

use crossterm::event::KeyCode;
use ratatui::layout::Rect;

use super::action::PresentationAction;
use super::keymap::{Key, KeyTable};
use crate::analysis::{Budget, view};
use crate::layout::LayoutOptions;
use crate::text::Direction;
use screens::{Screen, content_area, lay_out};
pub use slide::{Material, Place, Slide, SlideKind};
use timer::Timer;

/// Which arrow keys step a presentation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Arrows {
    /// → next and ← previous whatever the language, as presenter remotes send them.
    #[default]
    Clicker,
    /// The arrow that points the way the text reads is next (← in Arabic).
    Reading,
}

/// How presentations run, from `config.toml` and the command line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// Which arrow keys step (`present_arrows`).
    pub arrows: Arrows,
    /// Whether `s` may show the speaker's note on the audience's screen
    /// (`present_notes_on_screen`); otherwise notes are for the speaker view alone.
    pub notes_on_screen: bool,
    /// The session's length in minutes, for the countdown (`--minutes`).
    pub minutes: Option<u32>,
}

/// What the footer says for a moment, instead of the progress bar, until the next key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// `s` was pressed but notes are not shown to the audience.
    NotesInSpeakerView,
    /// Another presentation has the speaker view.
    SpeakerViewTaken,
    /// The speaker view's socket could not be opened (why).
    SpeakerViewFailed(String),
}

/// What a key did to the presentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Still presenting.
    Stay,
    /// Back to the reader, where it was.
    Leave,
}

/// What the presentation is laid out for: the screen, the layout options, the interface
/// language (of markers and notes).
#[derive(Clone, Copy, Debug)]
pub struct Frame {
    /// The whole screen.
    pub screen: Rect,
    /// How text is laid out.
    pub options: LayoutOptions,
    /// The interface language.
    pub lang: crate::lang::Lang,
}

/// The presentation in progress.
#[derive(Clone, Debug)]
pub struct Presentation {
    title: String,
    slides: Vec<Slide>,
    index: usize,
    /// The screen of the slide shown.
    screen: usize,
    /// Each slide's screens, for the frame.
    screens: Vec<Vec<Screen>>,
    frame: Frame,
    timer: Timer,
    typed: String,
    show_note: bool,
    direction: Direction,
    settings: Settings,
    notice: Option<Notice>,
}

impl Presentation {
    /// The passages of theme `theme`, if one is followed, else the title and key points of
    /// article `document`.
    pub fn start(
        material: &Material,
        theme: Option<usize>,
        document: usize,
        settings: Settings,
        frame: Frame,
    ) -> Presentation {
        match theme {
            Some(index) => Presentation::of_theme(material, index, settings, frame),
            None => Presentation::of_article(material, document, settings, frame),
        }
    }

    /// The title of `document` and then its key points.
    pub fn of_article(
        material: &Material,
        document: usize,
        settings: Settings,
        frame: Frame,
    ) -> Presentation {
        let article = &material.corpus.documents[document];
        let points = view::key_points(material.analysis, article, document, Budget::Default);
        let mut slides = vec![material.title_slide(document, points.len())];
        slides.extend(points.into_iter().map(|k| {
            let place = Place { document, paragraph: k.paragraph, sentence: Some(k.range) };
            material.point_slide(&place)
        }));
        let title = slides[0].title.clone();
        Presentation::new(material, title, slides, article.direction, settings, frame)
    }

    /// The label of theme `index` and then its passages across articles, each by its key
    /// sentence.
    pub fn of_theme(
        material: &Material,
        index: usize,
        settings: Settings,
        frame: Frame,
    ) -> Presentation {
        let theme = &material.analysis.themes[index];
        let mut slides = vec![material.theme_slide(index)];
        slides.extend(theme.passages.iter().map(|p| {
            material.point_slide(&Place {
                document: p.document,
                paragraph: p.paragraph,
                sentence: None,
            })
        }));
        let direction =
            material.corpus.documents.first().map_or(Direction::Rtl, |document| document.direction);
        let title = slides[0].title.clone();
        Presentation::new(material, title, slides, direction, settings, frame)
    }

    /// A deck called `name`: its name, then a slide for each of `places` in order (a place
    /// without a sentence shows its paragraph's key sentence).
    pub fn of_places(
        material: &Material,
        name: &str,
        places: &[Place],
        settings: Settings,
        frame: Frame,
    ) -> Presentation {
        let mut slides = vec![material.deck_slide(name, places.len())];
        slides.extend(places.iter().map(|place| material.point_slide(place)));
        let direction = slides[0].direction;
        let title = slides[0].title.clone();
        Presentation::new(material, title, slides, direction, settings, frame)
    }

    /// The slides with the end slide after them, laid out for `frame`.
    fn new(
        material: &Material,
        title: String,
        mut slides: Vec<Slide>,
        direction: Direction,
        settings: Settings,
        frame: Frame,
    ) -> Presentation {
        slides.push(material.end_slide(&title, direction));
        let mut presentation = Presentation {
            title,
            slides,
            index: 0,
            screen: 0,
            screens: Vec::new(),
            frame,
            timer: Timer::new(Instant::now(), settings.minutes),
            typed: String::new(),
            show_note: false,
            direction,
            settings,
            notice: None,
        };
        presentation.cut_into_screens();
        presentation
    }

    /// Cut every slide into screens for the frame (again after a resize or the note shown).
    fn cut_into_screens(&mut self) {
        let area = content_area(self.frame.screen);
        let frame = self.frame;
        let show_note = self.show_note;
        self.screens = self
            .slides
            .iter()
            .map(|slide| {
                lay_out(slide, area.width, &frame.options, frame.lang, show_note)
                    .screens(area.height)
            })
            .collect();
        self.screen = self.screen.min(self.screens[self.index].len() - 1);
    }

    /// Lay the presentation out for a screen of `width` × `height`; the slide shown stays.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.frame.screen = Rect::new(0, 0, width, height);
        self.cut_into_screens();
    }

    /// The presentation's title: its article's, its theme's label, its deck's name.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The slides, in order, the end slide last.
    pub fn slides(&self) -> &[Slide] {
        &self.slides
    }

    /// Index of the slide shown.
    pub fn index(&self) -> usize {
        self.index
    }

    /// The slide shown.
    pub fn slide(&self) -> &Slide {
        &self.slides[self.index]
    }

    /// The screen of the slide shown, and how many it has.
    pub fn screen(&self) -> (&Screen, usize) {
        let screens = &self.screens[self.index];
        (&screens[self.screen], screens.len())
    }

    /// Index of the screen of the slide shown.
    pub fn screen_index(&self) -> usize {
        self.screen
    }

    /// What it is laid out for.
    pub fn frame(&self) -> &Frame {
        &self.frame
    }

    /// Whether the speaker note is shown on the audience's screen.
    pub fn shows_note(&self) -> bool {
        self.show_note
    }

    /// The number typed so far (to go to a slide by number).
    pub fn typed(&self) -> &str {
        &self.typed
    }

    /// The clock.
    pub fn timer(&self) -> &Timer {
        &self.timer
    }

    /// What the footer says for a moment, if anything.
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// Say `notice` in the footer until the next key.
    pub fn tell(&mut self, notice: Notice) {
        self.notice = Some(notice);
    }

    /// Act on a key, with the action `keys` binds to it: a slide's number is typed then
    /// Enter (Esc forgets it); with `present_arrows = "reading"` the arrow that points the
    /// way the text reads is next.
    pub fn handle(&mut self, key: Key, keys: &KeyTable<PresentationAction>) -> Step {
        self.notice = None;
        let key = match key.code {
            KeyCode::Left | KeyCode::Right
                if self.settings.arrows == Arrows::Reading && self.direction.is_rtl() =>
            {
                let code = if key.code == KeyCode::Left { KeyCode::Right } else { KeyCode::Left };
                Key { code, ..key }
            }
            _ => key,
        };
        let last = self.slides.len() - 1;
        let numbered = !self.typed.is_empty();
        match (key.code, keys.action_for(key)) {
            (KeyCode::Enter, _) if numbered => {
                let n: usize = self.typed.parse().unwrap_or(1);
                self.go_to(n.clamp(1, last + 1) - 1);
            }
            (KeyCode::Esc, _) if numbered => self.typed.clear(),
            (_, Some(PresentationAction::Next)) => self.next(),
            (_, Some(PresentationAction::Previous)) => self.previous(),
            (_, Some(PresentationAction::First)) => self.go_to(0),
            (_, Some(PresentationAction::Last)) => self.go_to(last),
            (_, Some(PresentationAction::Note)) if self.settings.notes_on_screen => {
                self.show_note = !self.show_note;
                self.cut_into_screens();
            }
            (_, Some(PresentationAction::Note)) => self.notice = Some(Notice::NotesInSpeakerView),
            (_, Some(PresentationAction::Timer)) => self.timer.toggle(Instant::now()),
            (_, Some(PresentationAction::Leave)) => return Step::Leave,
            (KeyCode::Char(c @ '0'..='9'), None) if !key.ctrl => self.typed.push(c),
            (KeyCode::Right, None) if !key.ctrl => self.next(),
            (KeyCode::Left, None) if !key.ctrl => self.previous(),
            _ => {}
        }
        Step::Stay
    }

    /// The first screen of slide `index`.
    fn go_to(&mut self, index: usize) {
        self.typed.clear();
        self.index = index;
        self.screen = 0;
    }

    /// The next screen: of this slide, else the next slide's first (the last stays).
    fn next(&mut self) {
        self.typed.clear();
        if self.screen + 1 < self.screens[self.index].len() {
            self.screen += 1;
        } else if self.index + 1 < self.slides.len() {
            self.go_to(self.index + 1);
        }
    }

    /// The screen before: of this slide, else the previous slide's last (the first stays).
    fn previous(&mut self) {
        self.typed.clear();
        if self.screen > 0 {
            self.screen -= 1;
        } else if self.index > 0 {
            self.index -= 1;
            self.screen = self.screens[self.index].len() - 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Analysis, ThemeSource};
    use crate::corpus::Corpus;
    use crate::lang::Lang;
    use crate::ui::keymap::Keymap;

    fn built_in() -> (Corpus, Analysis) {
        let corpus = Corpus::builtin();
        let analysis = Analysis::new(&corpus, &ThemeSource::default_for(&corpus));
        (corpus, analysis)
    }

    fn frame(width: u16, height: u16) -> Frame {
        Frame {
            screen: Rect::new(0, 0, width, height),
            options: LayoutOptions::default(),
            lang: Lang::En,
        }
    }

    fn presentation(settings: Settings) -> Presentation {
        let (corpus, analysis) = built_in();
        let material =
            Material { corpus: &corpus, analysis: &analysis, lang: Lang::En, notes: &|_, _| None };
        Presentation::of_article(&material, 0, settings, frame(80, 24))
    }

    #[test]
    fn stepping_forward_back_and_by_number() {
        let mut p = presentation(Settings::default());
        let keys = Keymap::default().presentation;
        let last = p.slides().len() - 1;
        assert!(last >= 3);
        assert_eq!(p.slide().kind, SlideKind::Title);
        assert_eq!(p.slides()[last].kind, SlideKind::End, "an end slide");
        for code in [KeyCode::Char(' '), KeyCode::PageDown, KeyCode::Enter, KeyCode::Right] {
            p.handle(Key::plain(code), &keys);
        }
        assert_eq!(p.index(), 4.min(last), "Space, PgDn, Enter and → go forward, in Arabic too");
        p.handle(Key::plain(KeyCode::Left), &keys);
        p.handle(Key::plain(KeyCode::Backspace), &keys);
        p.handle(Key::plain(KeyCode::PageUp), &keys);
        assert_eq!(p.index(), 1, "←, Backspace and PgUp go back");
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
        assert_eq!(p.index(), 2, "3 Enter goes to the third slide");
        p.handle(Key::ch('9'), &keys);
        p.handle(Key::ch('9'), &keys);
        p.handle(Key::plain(KeyCode::Enter), &keys);
        assert_eq!(p.index(), last, "a number past the end goes to the last slide");
        p.handle(Key::ch('s'), &keys);
        assert!(!p.shows_note(), "notes stay off the audience's screen");
        assert_eq!(p.notice(), Some(&Notice::NotesInSpeakerView));
        p.handle(Key::ch('t'), &keys);
        assert!(!p.timer().is_running(), "t pauses the clock");
        assert_eq!(p.notice(), None, "the notice goes with the next key");
        assert_eq!(p.handle(Key::plain(KeyCode::Esc), &keys), Step::Leave);
    }

    #[test]
    fn reading_arrows_make_the_arrow_the_text_reads_towards_next() {
        let mut p = presentation(Settings { arrows: Arrows::Reading, ..Settings::default() });
        let keys = Keymap::default().presentation;
        p.handle(Key::plain(KeyCode::Left), &keys);
        p.handle(Key::plain(KeyCode::Left), &keys);
        assert_eq!(p.index(), 2, "← is next in an Arabic presentation");
        p.handle(Key::plain(KeyCode::Right), &keys);
        assert_eq!(p.index(), 1);
        p.handle(Key::plain(KeyCode::PageDown), &keys);
        assert_eq!(p.index(), 2, "PgDn still goes on");
    }

    #[test]
    fn notes_on_screen_when_the_setting_allows() {
        let mut p = presentation(Settings { notes_on_screen: true, ..Settings::default() });
        p.handle(Key::ch('s'), &Keymap::default().presentation);
        assert!(p.shows_note());
        assert_eq!(p.notice(), None);
    }

    #[test]
    fn a_rebound_key_steps_and_the_default_no_longer_does() {
        let mut p = presentation(Settings::default());
        let mut keymap = Keymap::default();
        keymap.rebind("present_next", &["n".into()]).unwrap();
        p.handle(Key::ch(' '), &keymap.presentation);
        assert_eq!(p.index(), 0, "Space is no longer bound");
        p.handle(Key::ch('n'), &keymap.presentation);
        assert_eq!(p.index(), 1);
    }

    #[test]
    fn a_long_point_is_stepped_through_screen_by_screen_and_back() {
        let (corpus, analysis) = built_in();
        let material =
            Material { corpus: &corpus, analysis: &analysis, lang: Lang::En, notes: &|_, _| None };
        let mut p = Presentation::of_theme(&material, 1, Settings::default(), frame(40, 12));
        let long = (0..p.slides().len()).find(|&i| p.screens[i].len() > 1).expect("a long slide");
        let screens = p.screens[long].len();
        let keys = Keymap::default().presentation;
        for c in (long + 1).to_string().chars() {
            p.handle(Key::ch(c), &keys);
        }
        p.handle(Key::plain(KeyCode::Enter), &keys);
        assert_eq!((p.index(), p.screen_index()), (long, 0));
        for at in 1..screens {
            p.handle(Key::ch(' '), &keys);
            assert_eq!((p.index(), p.screen_index()), (long, at), "the slide goes on");
        }
        assert!(p.screen().0.continued_from && !p.screen().0.continues);
        p.handle(Key::ch(' '), &keys);
        assert_eq!((p.index(), p.screen_index()), (long + 1, 0));
        p.handle(Key::plain(KeyCode::Backspace), &keys);
        assert_eq!((p.index(), p.screen_index()), (long, screens - 1), "back to its last screen");
        p.resize(200, 60);
        assert_eq!((p.index(), p.screen_index()), (long, 0), "on a large screen it fits");
    }

    #[test]
    fn a_theme_presents_its_passages_across_articles() {
        let (corpus, analysis) = built_in();
        let material =
            Material { corpus: &corpus, analysis: &analysis, lang: Lang::En, notes: &|_, _| None };
        let p = Presentation::of_theme(&material, 1, Settings::default(), frame(80, 24));
        assert_eq!(p.slides().len(), analysis.themes[1].passages.len() + 2);
        let documents: std::collections::BTreeSet<usize> =
            p.slides().iter().filter_map(|s| s.place()).map(|(d, _)| d).collect();
        assert_eq!(documents.len(), analysis.themes[1].article_count());
        assert!(p.slides().iter().all(|s| !s.text.starts_with(|c: char| c.is_ascii_digit())));
    }

    #[test]
    fn a_deck_is_built_from_places_in_their_order() {
        let (corpus, analysis) = built_in();
        let material = Material {
            corpus: &corpus,
            analysis: &analysis,
            lang: Lang::En,
            notes: &|d, p| (d == 2).then(|| format!("note {p}")),
        };
        let sentence = corpus.documents[2].paragraphs[3].sentences[0].clone();
        let places = [
            Place { document: 2, paragraph: 3, sentence: Some(sentence.clone()) },
            Place { document: 0, paragraph: 2, sentence: None },
        ];
        let p = Presentation::of_places(
            &material,
            "Session 1",
            &places,
            Settings::default(),
            frame(80, 24),
        );
        let kinds: Vec<SlideKind> = p.slides().iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [SlideKind::Title, SlideKind::Point, SlideKind::Point, SlideKind::End]);
        assert_eq!(p.title(), "Session 1");
        assert_eq!(p.slides()[1].place(), Some((2, 3)));
        assert_eq!(p.slides()[1].range, sentence);
        assert_eq!(p.slides()[1].note.as_deref(), Some("note 3"));
        assert_eq!(p.slides()[2].place(), Some((0, 2)));
        assert_eq!(p.slides()[3].about, ["Session 1"]);
    }
}
