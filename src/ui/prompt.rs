//! The text prompt in the status line: a search or a note being typed. It owns the text and
//! its keys' meaning ([`PromptAction`]), and says when it is done; the reader acts on it.
//! A list's filter line is typed with the same keys ([`type_into`], [`paste_into`]).

use crossterm::event::KeyCode;

use super::action::PromptAction;
use super::keymap::{Key, KeyTable};

/// What the text typed in the status line is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptKind {
    /// A search of every article.
    Search,
    /// A note on a paragraph.
    Note {
        /// Index of the article.
        document: usize,
        /// Index of the paragraph.
        paragraph: usize,
    },
}

/// Text being typed in the status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prompt {
    /// What it is for.
    pub kind: PromptKind,
    /// The text so far, in logical order.
    pub text: String,
}

/// What a key did to the prompt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Typed {
    /// The prompt stays open.
    Open,
    /// The prompt was given up.
    Cancelled,
    /// The text was accepted: search for it, or save the note.
    Accepted,
}

impl Prompt {
    /// An empty prompt for `kind`.
    pub fn new(kind: PromptKind) -> Prompt {
        Prompt { kind, text: String::new() }
    }

    /// Act on a key, with the action `keys` binds to it ([`type_into`]).
    pub fn handle(&mut self, key: Key, keys: &KeyTable<PromptAction>) -> Typed {
        type_into(&mut self.text, key, keys)
    }

    /// Type pasted `text` ([`paste_into`]).
    pub fn paste(&mut self, text: &str) {
        paste_into(&mut self.text, text);
    }
}

/// Whether a line being typed takes `key`: a character without Control (typed), or a key
/// `keys` binds (accept, delete, give up).
pub fn takes(key: Key, keys: &KeyTable<PromptAction>) -> bool {
    keys.action_for(key).is_some() || matches!(key.code, KeyCode::Char(_)) && !key.ctrl
}

/// Act on a key in `text`, a line being typed, with the action `keys` binds to it: a
/// character without Control is typed; a key of the table accepts, deletes or gives up.
pub fn type_into(text: &mut String, key: Key, keys: &KeyTable<PromptAction>) -> Typed {
    match (keys.action_for(key), key.code) {
        (Some(PromptAction::Cancel), _) => return Typed::Cancelled,
        (Some(PromptAction::Accept), _) => return Typed::Accepted,
        (Some(PromptAction::Delete), _) => {
            text.pop();
        }
        (None, KeyCode::Char(c)) if !key.ctrl => text.push(c),
        _ => {}
    }
    Typed::Open
}

/// Type `pasted` into `text`, on one line: each line break, tab or other control a space (a
/// run of them one space: «\r\n», blank lines between paragraphs).
pub fn paste_into(text: &mut String, pasted: &str) {
    let mut after_break = false;
    for c in pasted.chars() {
        if c.is_control() {
            if !after_break {
                text.push(' ');
            }
            after_break = true;
        } else {
            text.push(c);
            after_break = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::keymap::Keymap;

    #[test]
    fn characters_are_typed_and_the_tables_keys_act() {
        let keys = Keymap::default().prompt;
        let mut prompt = Prompt::new(PromptKind::Search);
        for c in "تلجرامx".chars() {
            assert_eq!(prompt.handle(Key::ch(c), &keys), Typed::Open);
        }
        assert_eq!(prompt.handle(Key::plain(KeyCode::Backspace), &keys), Typed::Open);
        assert_eq!(prompt.handle(Key::ctrl('x'), &keys), Typed::Open, "Control types nothing");
        assert_eq!(prompt.text, "تلجرام");
        assert_eq!(prompt.handle(Key::plain(KeyCode::Enter), &keys), Typed::Accepted);
        assert_eq!(prompt.handle(Key::plain(KeyCode::Esc), &keys), Typed::Cancelled);
        assert_eq!(prompt.handle(Key::ctrl('c'), &keys), Typed::Cancelled);
        assert!(takes(Key::ch('j'), &keys) && takes(Key::plain(KeyCode::Enter), &keys));
        assert!(!takes(Key::plain(KeyCode::Down), &keys) && !takes(Key::ctrl('o'), &keys));
    }

    #[test]
    fn a_paste_is_typed_on_one_line() {
        let mut prompt = Prompt::new(PromptKind::Note { document: 0, paragraph: 3 });
        prompt.paste("x\r\n{mep\n\n\tend");
        assert_eq!(prompt.text, "x {mep end");
    }
}
