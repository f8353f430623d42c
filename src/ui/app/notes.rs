//! The reader's keys for bookmarks and notes: `m` toggles the bookmark alone, `a` types a
//! note, `D` asks before it deletes one (and the answer), `u` gives back the last removal.

use super::App;
use crate::ui::marks::Restored;
use crate::ui::message::Message;
use crate::ui::mode::{Mode, Question};
use crate::ui::prompt::{Prompt, PromptKind};
use crate::ui::reading::Pane;

impl App {
    /// `m`: bookmark the current paragraph, or remove its bookmark.
    pub(super) fn toggle_bookmark(&mut self) {
        let (document, paragraph) = self.here();
        match self.marks.toggle_bookmark(&self.corpus.documents, document, paragraph) {
            Ok(said) => self.saved(said),
            Err(said) => self.tell(said),
        }
    }

    /// `D`: ask whether to delete the note on the current paragraph.
    pub(super) fn ask_to_delete_note(&mut self) {
        let (document, paragraph) = self.here();
        match self.marks.note_to_delete(document, paragraph) {
            Ok(()) => self.mode = Mode::Confirm(Question::DeleteNote { document, paragraph }),
            Err(said) => self.tell(said),
        }
    }

    /// The answer to `question`: yes does it, anything else leaves things as they are.
    pub(super) fn answer(&mut self, question: Question, yes: bool) {
        match question {
            Question::DeleteNote { document, paragraph } if yes => {
                match self.marks.delete_note(&self.corpus.documents, document, paragraph) {
                    Ok(said) => self.saved(said),
                    Err(said) => self.tell(said),
                }
            }
            Question::DeleteNote { .. } => self.tell(Message::NoteKept),
        }
    }

    /// `u`: give back the last bookmark or note removed, and go to its paragraph.
    pub(super) fn undo(&mut self) {
        match self.marks.undo() {
            Ok(Restored { place, said }) => {
                let pane = Pane::new(&self.corpus, &self.options, self.regions().text);
                if let Some((document, paragraph)) = place.filter(|&p| p != self.here()) {
                    self.reading.jump_to_paragraph(&pane, document, paragraph);
                }
                self.saved(said);
            }
            Err(said) => self.tell(said),
        }
    }

    /// `a`: type a note on the current paragraph, starting from the note it has.
    pub(super) fn start_note(&mut self) {
        let (document, paragraph) = self.here();
        match self.marks.note_to_edit(document, paragraph) {
            Ok(text) => {
                let kind = PromptKind::Note { document, paragraph };
                self.mode = Mode::Prompt(Prompt::with_text(kind, text));
            }
            Err(said) => self.tell(said),
        }
    }
}
