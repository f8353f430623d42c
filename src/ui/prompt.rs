//! The text prompt in the status line: a search or a note being typed. It owns the text, the
//! cursor in it, the searches typed before (Up and Down bring them back) and its keys'
//! meaning ([`PromptAction`]), and says when it is done; the reader acts on it.

use crossterm::event::KeyCode;

use super::action::PromptAction;
use super::keymap::{Key, KeyTable};
use super::typed_line::TypedLine;
use crate::corpus::sanitise_line;
use crate::layout::LayoutOptions;
use crate::text::Direction;

/// What the text typed in the status line is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptKind {
    /// A search of every article.
    Search,
    /// The name of a new deck.
    DeckName,
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
    /// Where the next character typed goes: a byte offset in `text`, on a char boundary.
    pub cursor: usize,
    /// How many hits the search being typed has (shown at the line's end), once it has
    /// enough letters to look for.
    pub hits: Option<usize>,
    /// The texts typed before (oldest first) that Up brings back.
    history: Vec<String>,
    /// Which of them is shown, and the text that was being typed before the first Up.
    recalled: Option<(usize, String)>,
}

/// What a key did to the prompt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Typed {
    /// The prompt stays open.
    Open,
    /// The prompt stays open and its text changed.
    Edited,
    /// The prompt was given up.
    Cancelled,
    /// The text was accepted: search for it, or save the note.
    Accepted,
}

/// How the typed line is laid out, for the keys that move on the screen.
#[derive(Clone, Copy)]
pub struct LineLook<'a> {
    /// The direction of a text with no strong letter: the interface's.
    pub fallback: Direction,
    /// The layout options of the reader.
    pub options: &'a LayoutOptions,
}

impl Prompt {
    /// An empty prompt for `kind`.
    pub fn new(kind: PromptKind) -> Prompt {
        Prompt::with_text(kind, String::new())
    }

    /// A prompt for `kind` starting from `text` (made safe to show), the cursor at its end.
    pub fn with_text(kind: PromptKind, text: String) -> Prompt {
        let text = clean(&text);
        let cursor = text.len();
        Prompt { kind, text, cursor, hits: None, history: Vec::new(), recalled: None }
    }

    /// The prompt with `history` (oldest first) to bring back with Up.
    pub fn with_history(self, history: Vec<String>) -> Prompt {
        Prompt { history, ..self }
    }

    /// The typed text laid out as `look` says.
    pub fn line(&self, look: LineLook) -> TypedLine {
        TypedLine::new(&self.text, look.fallback, look.options)
    }

    /// Act on a key, with the action `keys` binds to it: a character without Control is
    /// typed at the cursor; a key of the table accepts, gives up, deletes, moves the cursor
    /// (Left and Right on the screen, as the line is laid out by `look`) or brings back an
    /// earlier text.
    pub fn handle(&mut self, key: Key, keys: &KeyTable<PromptAction>, look: LineLook) -> Typed {
        let before = self.text.len();
        let action = keys.action_for(key);
        match (action, key.code) {
            (Some(PromptAction::Cancel), _) => return Typed::Cancelled,
            (Some(PromptAction::Accept), _) => return Typed::Accepted,
            (Some(PromptAction::Delete), _) => {
                let start = self.before_cursor(1);
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            (Some(PromptAction::DeleteForward), _) => {
                let end = self.text[self.cursor..].chars().next().map_or(0, char::len_utf8);
                self.text.replace_range(self.cursor..self.cursor + end, "");
            }
            (Some(PromptAction::DeleteWord), _) => {
                let start = self.word_start();
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            (Some(PromptAction::DeleteToStart), _) => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            (Some(PromptAction::Left), _) => self.cursor = self.line(look).moved(self.cursor, -1),
            (Some(PromptAction::Right), _) => self.cursor = self.line(look).moved(self.cursor, 1),
            (Some(PromptAction::Home), _) => self.cursor = 0,
            (Some(PromptAction::End), _) => self.cursor = self.text.len(),
            (Some(PromptAction::Older), _) => return self.recall(1),
            (Some(PromptAction::Newer), _) => return self.recall(-1),
            (None, KeyCode::Char(c)) if !key.ctrl => self.insert(&c.to_string()),
            _ => {}
        }
        if self.text.len() == before { Typed::Open } else { Typed::Edited }
    }

    /// The offset `chars` characters before the cursor (or the start).
    fn before_cursor(&self, chars: usize) -> usize {
        self.text[..self.cursor].char_indices().rev().nth(chars - 1).map_or(0, |(i, _)| i)
    }

    /// Where the word before the cursor starts, past the spaces just before the cursor.
    fn word_start(&self) -> usize {
        let head = self.text[..self.cursor].trim_end();
        head.rfind(char::is_whitespace)
            .map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8))
    }

    /// Type `text` at the cursor, made safe to show ([`clean`]).
    fn insert(&mut self, text: &str) {
        let clean = clean(text);
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
    }

    /// Show the text `step` older (negative: newer) in the history; past the newest, the text
    /// being typed before.
    fn recall(&mut self, step: isize) -> Typed {
        let newest = self.history.len() as isize - 1;
        let at = self.recalled.as_ref().map_or(newest + 1, |(i, _)| *i as isize) - step;
        if at < 0 || self.history.is_empty() || (self.recalled.is_none() && step < 0) {
            return Typed::Open;
        }
        if at > newest {
            let (_, draft) = self.recalled.take().unwrap_or_default();
            self.text = draft;
        } else {
            let draft = match self.recalled.take() {
                Some((_, draft)) => draft,
                None => self.text.clone(),
            };
            self.text = self.history[at as usize].clone();
            self.recalled = Some((at as usize, draft));
        }
        self.cursor = self.text.len();
        Typed::Edited
    }

    /// Type pasted `text` at the cursor, on one line: each run of line breaks and tabs one
    /// space («\r\n», blank lines between paragraphs), each line made safe to show whole (an
    /// escape sequence goes with all its characters).
    pub fn paste(&mut self, text: &str) {
        let breaks = ['\n', '\r', '\t', '\u{b}', '\u{c}', '\u{85}', '\u{2028}', '\u{2029}'];
        let lines = text.split(breaks).map(clean).filter(|line| !line.is_empty());
        self.insert(&lines.collect::<Vec<_>>().join(" "));
    }
}

/// `text` made safe to show ([`sanitise_line`]: no escape sequence, no control), without
/// the marks and controls of direction, which would reorder the line under the cursor.
fn clean(text: &str) -> String {
    sanitise_line(text).chars().filter(|&c| !is_bidi_control(c)).collect()
}

/// Whether `c` is one of the characters that embed, override or isolate a direction, or mark
/// one (they are never typed into a prompt).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::keymap::Keymap;

    fn look(options: &LayoutOptions) -> LineLook<'_> {
        LineLook { fallback: Direction::Ltr, options }
    }

    fn press(prompt: &mut Prompt, keys: &[Key]) {
        let table = Keymap::default().prompt;
        let options = LayoutOptions::default();
        for &key in keys {
            prompt.handle(key, &table, look(&options));
        }
    }

    const LEFT: Key = Key::plain(KeyCode::Left);
    const RIGHT: Key = Key::plain(KeyCode::Right);

    #[test]
    fn characters_are_typed_and_the_tables_keys_act() {
        let keys = Keymap::default().prompt;
        let options = LayoutOptions::default();
        let mut prompt = Prompt::new(PromptKind::Search);
        for c in "تلجرامx".chars() {
            assert_eq!(prompt.handle(Key::ch(c), &keys, look(&options)), Typed::Edited);
        }
        let backspace = Key::plain(KeyCode::Backspace);
        assert_eq!(prompt.handle(backspace, &keys, look(&options)), Typed::Edited);
        let control = prompt.handle(Key::ctrl('x'), &keys, look(&options));
        assert_eq!(control, Typed::Open, "Control types nothing");
        assert_eq!(prompt.text, "تلجرام");
        let enter = Key::plain(KeyCode::Enter);
        assert_eq!(prompt.handle(enter, &keys, look(&options)), Typed::Accepted);
        let esc = Key::plain(KeyCode::Esc);
        assert_eq!(prompt.handle(esc, &keys, look(&options)), Typed::Cancelled);
        assert_eq!(prompt.handle(Key::ctrl('c'), &keys, look(&options)), Typed::Cancelled);
    }

    #[test]
    fn left_and_right_move_on_the_screen_and_typing_goes_at_the_cursor() {
        // «نص UN» reads from the right: its cells left to right are [end] U N [space] ص ن.
        let mut prompt = Prompt::with_text(PromptKind::Search, "نص UN".into());
        press(&mut prompt, &[RIGHT]);
        assert_eq!(&prompt.text[prompt.cursor..], "UN");
        press(&mut prompt, &[RIGHT, RIGHT]);
        assert_eq!(&prompt.text[prompt.cursor..], " UN", "past «N» is the space");
        press(&mut prompt, &[RIGHT, RIGHT]);
        assert_eq!(prompt.cursor, 0, "the rightmost cell is the first letter");
        press(&mut prompt, &[RIGHT]);
        assert_eq!(prompt.cursor, 0, "it stops at the edge");
        press(&mut prompt, &[Key::ch('ا')]);
        assert_eq!(prompt.text, "انص UN");
        press(&mut prompt, &[Key::plain(KeyCode::End), LEFT]);
        assert_eq!(prompt.cursor, prompt.text.len(), "left of the text is its end");
        press(&mut prompt, &[Key::plain(KeyCode::Home)]);
        assert_eq!(prompt.cursor, 0);
    }

    #[test]
    fn words_and_characters_are_deleted_round_the_cursor() {
        let mut prompt = Prompt::with_text(PromptKind::Search, "تقرير الأمم المتحدة  ".into());
        press(&mut prompt, &[Key::ctrl('w')]);
        assert_eq!(prompt.text, "تقرير الأمم ");
        press(&mut prompt, &[Key::plain(KeyCode::Home), Key::plain(KeyCode::Delete)]);
        assert_eq!(prompt.text, "قرير الأمم ");
        press(&mut prompt, &[Key::plain(KeyCode::Backspace)]);
        assert_eq!(prompt.text, "قرير الأمم ", "nothing before the start");
        press(&mut prompt, &[Key::plain(KeyCode::End), Key::plain(KeyCode::Left)]);
        press(&mut prompt, &[Key::plain(KeyCode::Right), Key::ctrl('u')]);
        assert_eq!((prompt.text.as_str(), prompt.cursor), (" ", 0), "all before the cursor");
    }

    #[test]
    fn up_and_down_bring_back_earlier_searches_and_the_draft() {
        let history = vec!["الإرهاب".to_string(), "تلجرام".to_string()];
        let mut prompt = Prompt::with_text(PromptKind::Search, "مسو".into()).with_history(history);
        let (up, down) = (Key::plain(KeyCode::Up), Key::plain(KeyCode::Down));
        press(&mut prompt, &[up]);
        assert_eq!(prompt.text, "تلجرام");
        press(&mut prompt, &[up, up]);
        assert_eq!(prompt.text, "الإرهاب", "the oldest stays");
        press(&mut prompt, &[down]);
        assert_eq!(prompt.text, "تلجرام");
        press(&mut prompt, &[down]);
        assert_eq!((prompt.text.as_str(), prompt.cursor), ("مسو", "مسو".len()), "the draft");
        press(&mut prompt, &[down]);
        assert_eq!(prompt.text, "مسو");
    }

    #[test]
    fn a_paste_is_typed_on_one_line_without_bidi_controls() {
        let mut prompt = Prompt::new(PromptKind::Note { document: 0, paragraph: 3 });
        prompt.paste("x\r\n{mep\n\n\tend\u{202E}");
        assert_eq!(prompt.text, "x {mep end");
        prompt.cursor = 1;
        prompt.paste("يz");
        assert_eq!(prompt.text, "xيz {mep end");
    }
}
