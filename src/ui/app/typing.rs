//! Text typed or pasted: into the status line's prompt (a search shows its hits as it is
//! typed; a note, a search or a deck's name is acted on when accepted) or into a list's
//! filter line.

use crossterm::event::KeyCode;

use super::App;
use crate::ui::action::PromptAction;
use crate::ui::keymap::Key;
use crate::ui::list::MOVES;
use crate::ui::message::Message;
use crate::ui::mode::{Mode, Question};
use crate::ui::prompt::{LineLook, Prompt, PromptKind, Typed};

impl App {
    /// A key while a list's filter line is being typed: typed into it (the list narrowing
    /// as it is), or, when the line has no use for it (Up and Down, which bring back earlier
    /// searches in the status line, and the page keys), moving the list.
    pub(super) fn type_in_filter(&mut self, key: Key) {
        let prompt_action = self.keymap.prompt.action_for(key);
        let typed = matches!(key.code, KeyCode::Char(_)) && !key.ctrl;
        let recall = matches!(prompt_action, Some(PromptAction::Older | PromptAction::Newer));
        if recall || (prompt_action.is_none() && !typed) {
            if let Some(action) = self.keymap.action_for(key).filter(|a| MOVES.contains(a)) {
                self.apply_to_overlay(action);
            }
            return;
        }
        let Mode::Overlay(mut overlay) = std::mem::take(&mut self.mode) else {
            return;
        };
        let look = LineLook { fallback: self.look.lang.direction(), options: &self.options };
        let texts = self.scene().list_texts(&overlay);
        if let Some(list) = overlay.list_mut() {
            list.type_key(key, (&self.keymap.prompt, look), &texts);
        }
        self.mode = Mode::Overlay(overlay);
    }

    /// Pasted text: typed into the open prompt (a note or a search) or a list's filter line
    /// on one line, each line break, tab or other control a space; with neither open it is
    /// ignored, never read as keys (a pasted «x⏎{mep» would remove a bookmark, write a file
    /// and start a presentation).
    pub fn paste(&mut self, text: &str) {
        match std::mem::take(&mut self.mode) {
            Mode::Prompt(mut prompt) => {
                prompt.paste(text);
                self.mode = Mode::Prompt(prompt);
            }
            Mode::Overlay(mut overlay) if overlay.typing() => {
                let texts = self.scene().list_texts(&overlay);
                if let Some(list) = overlay.list_mut() {
                    list.paste(text, &texts);
                }
                self.mode = Mode::Overlay(overlay);
            }
            other => {
                self.mode = other;
                self.tell(Message::PasteIgnored);
            }
        }
    }

    /// A key while a prompt is open: typed into it (a search's hits shown as it is typed), or
    /// it searches, saves the note or is given up.
    pub(super) fn type_in_prompt(&mut self, key: Key) {
        let look = LineLook { fallback: self.look.lang.direction(), options: &self.options };
        let Mode::Prompt(prompt) = &mut self.mode else {
            return;
        };
        match prompt.handle(key, &self.keymap.prompt, look) {
            Typed::Open => {}
            Typed::Edited if prompt.kind == PromptKind::Search => {
                let count = self.search.preview(&self.corpus, &prompt.text);
                prompt.hits = Some(count).filter(|_| prompt.text.trim().chars().count() >= 2);
            }
            Typed::Edited => {}
            Typed::Cancelled => {
                self.search.end_preview();
                self.mode = Mode::Reading;
            }
            Typed::Accepted => {
                let Mode::Prompt(Prompt { kind, text, .. }) = std::mem::take(&mut self.mode) else {
                    return;
                };
                match kind {
                    PromptKind::Search => self.run_search(text),
                    PromptKind::DeckName => self.make_deck(&text),
                    // Emptying a note deletes it, which is asked first.
                    PromptKind::Note { document, paragraph } if text.trim().is_empty() => {
                        if self.marks.note_to_delete(document, paragraph).is_ok() {
                            self.mode = Mode::Confirm(Question::DeleteNote { document, paragraph });
                        }
                    }
                    PromptKind::Note { document, paragraph } => {
                        let documents = &self.corpus.documents;
                        let said = self.marks.set_note(documents, document, paragraph, &text);
                        self.saved(said);
                    }
                }
            }
        }
    }
}
