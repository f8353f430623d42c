//! Starting a presentation: of the article, of the theme followed or of a deck, built from
//! the collection, its analysis and the notes.

use super::App;
use crate::ui::message::Message;
use crate::ui::mode::Mode;
use crate::ui::presentation::{self, Material, Presentation};

impl App {
    /// Present the article as `p` does as soon as the analysis is there (`basira present`).
    pub fn present_when_ready(&mut self) {
        if self.analysis.is_some() {
            self.present();
        } else {
            self.present_when_ready = true;
        }
    }

    /// Say `notice` on the presentation's footer, while presenting.
    pub fn tell_presentation(&mut self, notice: presentation::Notice) {
        if let Mode::Presenting(presentation) = &mut self.mode {
            presentation.tell(notice);
        }
    }

    /// `p`: present the active theme's passages, or else this article's key points.
    pub(super) fn present(&mut self) {
        let theme = self.reading.active_theme().map(|t| t.index);
        let document = self.reading.document();
        self.present_with(|material, settings, frame| {
            Presentation::start(material, theme, document, settings, frame)
        });
    }

    /// Start the presentation `make` makes from the collection, its analysis and the notes.
    pub(super) fn present_with(
        &mut self,
        make: impl FnOnce(&Material, presentation::Settings, presentation::Frame) -> Presentation,
    ) {
        let Some(analysis) = self.analysis.clone() else {
            self.tell(Message::StillReading);
            return;
        };
        let marks = &self.marks;
        let notes = |document: usize, paragraph: usize| {
            Some(marks.note(document, paragraph)).filter(|note| !note.is_empty())
        };
        let material = Material {
            corpus: &self.corpus,
            analysis: &analysis,
            lang: self.look.lang,
            notes: &notes,
        };
        let frame = presentation::Frame {
            screen: self.screen,
            options: self.options,
            lang: self.look.lang,
        };
        let presentation = make(&material, self.present, frame);
        self.mode = Mode::Presenting(presentation);
    }
}
