//! What the keys go to: the article (with its panel), a window open over it, a line being
//! typed in the status line, a question waiting for its answer, or a presentation — one at a
//! time, so that no two can be open together.

use super::message::Message;
use super::overlay::Overlay;
use super::presentation::Presentation;
use super::prompt::Prompt;

/// The reader's mode.
#[derive(Default)]
pub enum Mode {
    /// The article and its panel.
    #[default]
    Reading,
    /// A window open over the article: the help or a list.
    Overlay(Overlay),
    /// A search or a note being typed.
    Prompt(Prompt),
    /// A question in the status line, answered by the next key.
    Confirm(Question),
    /// A presentation, screen by screen.
    Presenting(Presentation),
}

/// What the reader asks before doing something that cannot be taken back by a stray key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Question {
    /// Delete the note on a paragraph?
    DeleteNote {
        /// Index of the article.
        document: usize,
        /// Index of the paragraph.
        paragraph: usize,
    },
}

impl Question {
    /// What the status line asks.
    pub fn message(self) -> Message {
        match self {
            Question::DeleteNote { .. } => Message::ConfirmDeleteNote,
        }
    }
}

impl Mode {
    /// The window open over the article, if one is.
    pub fn overlay(&self) -> Option<&Overlay> {
        match self {
            Mode::Overlay(overlay) => Some(overlay),
            _ => None,
        }
    }

    /// The line being typed, if one is.
    pub fn prompt(&self) -> Option<&Prompt> {
        match self {
            Mode::Prompt(prompt) => Some(prompt),
            _ => None,
        }
    }

    /// The question waiting for its answer, if one is.
    pub fn question(&self) -> Option<Question> {
        match self {
            Mode::Confirm(question) => Some(*question),
            _ => None,
        }
    }

    /// The presentation, while presenting.
    pub fn presentation(&self) -> Option<&Presentation> {
        match self {
            Mode::Presenting(presentation) => Some(presentation),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::prompt::PromptKind;

    #[test]
    fn one_mode_at_a_time() {
        let typing = Mode::Prompt(Prompt::new(PromptKind::Search));
        assert!(typing.prompt().is_some() && typing.overlay().is_none());
        assert!(typing.presentation().is_none());
        let help = Mode::Overlay(Overlay::Help { scroll: 0 });
        assert_eq!(help.overlay(), Some(&Overlay::Help { scroll: 0 }));
        assert!(help.prompt().is_none());
        assert!(Mode::default().overlay().is_none() && Mode::default().prompt().is_none());
        let asking = Mode::Confirm(Question::DeleteNote { document: 0, paragraph: 2 });
        assert_eq!(asking.question().map(Question::message), Some(Message::ConfirmDeleteNote));
        assert!(asking.prompt().is_none() && Mode::default().question().is_none());
    }
}
