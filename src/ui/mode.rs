//! What the keys go to: the article (with its panel), a window open over it, a line being
//! typed in the status line, or a presentation — one at a time, so that no two can be open
//! together.

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
    /// A presentation, screen by screen.
    Presenting(Presentation),
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
    }
}
