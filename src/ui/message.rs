//! What the status line tells the user: every message as a value, put into words in the
//! interface's language only when it is drawn, with the keys it names taken from the key
//! table then (so a rebinding shows in every message), and each path, key, reason or quoted
//! text isolated, so that it reads in its own direction in its place: a path stays a path
//! in an Arabic sentence, and the sentence's full stop stays at its end.

use std::path::{Path, PathBuf};

use super::action::Action;
use super::config::{ConfigWarning, SETTING_VALUES};
use super::keymap::Keymap;
use super::picked::PickedKind;
use crate::corpus::{Document, FileWarning, LoadError, Part, Sentence, sanitise_line};
use crate::lang::{Lang, tr};
use crate::state::place::{Reason, Unplaced};
use crate::state::store::StateWarning;

/// Starts a left-to-right isolate (a path, a key, a system's reason).
const LRI: char = '\u{2066}';
/// Starts an isolate in the direction of its first strong letter (words someone wrote).
const FSI: char = '\u{2068}';
/// Ends an isolate.
const PDI: char = '\u{2069}';

/// The key that answers yes to a question in the status line.
pub const CONFIRM_KEY: char = 'y';

/// A message for the status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// Files of the collection could not be opened or were read with a warning.
    FilesSkipped(usize),
    /// The skipped files were asked for and there are none.
    NoFileSkipped,
    /// Bookmarks that could not be placed in their (edited) articles.
    BookmarksUnplaced(usize),
    /// Something was pasted with no prompt open.
    PasteIgnored,
    /// Past the last article.
    LastArticle,
    /// Before the first article.
    FirstArticle,
    /// Past the last paragraph.
    LastParagraph,
    /// Before the first paragraph.
    FirstParagraph,
    /// Back was asked for with no jump to go back from.
    NothingToGoBackTo,
    /// What was asked for needs every article, still being read.
    StillReading,
    /// Bookmarks and notes wait until the article is read whole.
    StillReadingArticle,
    /// The theme list was asked for and there are no themes.
    NoCommonTheme,
    /// A theme became active (its label).
    ThemeActive(String),
    /// The next passage wrapped round to the theme's first.
    ThemeFirstAgain(String),
    /// The previous passage wrapped round to the theme's last.
    ThemeLastAgain(String),
    /// A passage was asked for with no theme active.
    NoActiveTheme,
    /// The theme followed was left.
    ThemeCleared,
    /// A search found nothing (the query).
    NoMatch(String),
    /// A search hit was reached.
    Hit {
        /// Which hit, from 1.
        number: usize,
        /// How many hits there are.
        count: usize,
        /// The query.
        query: String,
        /// How the hit was reached.
        reached: Reached,
    },
    /// A hit was asked for before any search.
    NoSearch,
    /// The paragraph was bookmarked.
    Bookmarked,
    /// The paragraph's bookmark was removed.
    BookmarkRemoved,
    /// The paragraph's bookmark was removed; its note stays.
    BookmarkRemovedNoteKept,
    /// A note was saved.
    NoteSaved,
    /// A note was deleted.
    NoteDeleted,
    /// A note's deletion was asked for and is waiting for a yes.
    ConfirmDeleteNote,
    /// A note's deletion was asked for and not confirmed.
    NoteKept,
    /// A note's deletion was asked for on a paragraph with none.
    NoNote,
    /// An undo gave a bookmark back.
    BookmarkBack,
    /// An undo gave a note back.
    NoteBack,
    /// An undo was asked for with nothing removed.
    NothingToUndo,
    /// A deck was made (its name).
    DeckMade(String),
    /// A deck's name was asked for and none given.
    DeckNameEmpty,
    /// A deck's name was given that another deck has.
    DeckNameTaken(String),
    /// A place was added to a deck (its name, and how many places it has now).
    AddedToDeck(String, usize),
    /// A place was added to a deck that has it already (the deck's name).
    AlreadyInDeck(String),
    /// An item was removed from a deck.
    DeckItemRemoved,
    /// An undo put a deck's item back.
    DeckItemBack,
    /// The decks were asked for and there are none.
    NoDecks,
    /// A deck's place was chosen whose article is not open.
    DeckItemNotOpen,
    /// Text was sent to the clipboard.
    Copied {
        /// What was copied.
        what: PickedKind,
        /// How many characters.
        chars: usize,
        /// Whether tmux drops it (its `set-clipboard` is not on).
        tmux_drops_it: bool,
    },
    /// The bookmark list was asked for and there are none.
    NoBookmarks,
    /// The handout was written (where).
    HandoutWritten(PathBuf),
    /// The handout could not be written (the system's reason).
    HandoutFailed(String),
    /// The reading state could not be saved (where, and the system's reason).
    StateNotSaved(PathBuf, String),
    /// What was wrong with `config.toml`.
    Config(ConfigWarning),
    /// Why the saved reading state could not be used.
    State(StateWarning),
    /// A bookmark or note that could not be placed in its article: kept in the state file,
    /// listed under `W`.
    Unplaced {
        /// The note, if it is one.
        note: Option<String>,
        /// Its paragraph, counted from 1.
        paragraph: usize,
        /// Where its article was read from.
        path: String,
        /// How many paragraphs the article has now.
        paragraphs: usize,
        /// Why it could not be placed.
        reason: Reason,
    },
    /// A file of the collection was skipped or read with a warning.
    File(FileWarning),
    /// The rest of the collection, read while the first article was shown, could not be.
    CollectionFailed(LoadError),
}

impl Message {
    /// The message for `unplaced`, one of the bookmarks of `documents` that could not be
    /// placed.
    pub fn unplaced(unplaced: &Unplaced, documents: &[Document]) -> Message {
        let document = &documents[unplaced.document];
        Message::Unplaced {
            note: unplaced.bookmark.note.clone(),
            paragraph: unplaced.bookmark.paragraph + 1,
            path: document.path.clone(),
            paragraphs: document.paragraphs.len(),
            reason: unplaced.reason,
        }
    }
}

/// How a search hit was reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reached {
    /// The next or previous one.
    Step,
    /// Round from the last to the first.
    FirstAgain,
    /// Round from the first to the last.
    LastAgain,
}

/// A value inside a message, which is isolated so that it reads in its own direction.
enum Value<'a> {
    /// A number.
    Count(usize),
    /// Words someone wrote (a theme's label, a query).
    Words(&'a str),
    /// A path.
    Path(&'a Path),
    /// A file's name, or a setting of one.
    Name(&'a str),
    /// The key bound to an action now.
    Key(Action),
    /// A key that is no action's (the yes to a question).
    Letter(char),
    /// A reason given by the system or a library, in its own words.
    Reason(&'a str),
}

impl Message {
    /// The message's English template (the key of its translation, see [`tr`]) and the
    /// values that fill its `{}` in order.
    fn parts(&self) -> (&'static str, Vec<Value<'_>>) {
        use Value::{Count, Key, Path, Reason, Words};
        match self {
            Message::FilesSkipped(1) => (
                "A file could not be opened or was read with a warning: {} shows it.",
                vec![Key(Action::Skipped)],
            ),
            Message::FilesSkipped(n) => (
                "{} files could not be opened or were read with a warning: {} lists them.",
                vec![Count(*n), Key(Action::Skipped)],
            ),
            Message::NoFileSkipped => ("No file was skipped.", vec![]),
            Message::BookmarksUnplaced(1) => (
                "A bookmark could not be placed in its article: {} shows it.",
                vec![Key(Action::Skipped)],
            ),
            Message::BookmarksUnplaced(n) => (
                "{} bookmarks could not be placed in their articles: {} lists them.",
                vec![Count(*n), Key(Action::Skipped)],
            ),
            Message::PasteIgnored => (
                "Paste goes into a note ({}) or a search ({}).",
                vec![Key(Action::Note), Key(Action::Search)],
            ),
            Message::LastArticle => ("This is the last article.", vec![]),
            Message::FirstArticle => ("This is the first article.", vec![]),
            Message::LastParagraph => ("This is the last paragraph.", vec![]),
            Message::FirstParagraph => ("This is the first paragraph.", vec![]),
            Message::NothingToGoBackTo => ("No earlier place to go back to.", vec![]),
            Message::StillReading => ("Still reading the articles…", vec![]),
            Message::StillReadingArticle => {
                ("Still reading this article: bookmarks and notes in a moment.", vec![])
            }
            Message::NoCommonTheme => ("These articles have no theme in common.", vec![]),
            Message::ThemeActive(label) => (
                "Theme «{}»: {} next passage, {} previous, {} leaves the theme.",
                vec![
                    Words(label),
                    Key(Action::NextPassage),
                    Key(Action::PreviousPassage),
                    Key(Action::Close),
                ],
            ),
            Message::ThemeFirstAgain(label) => {
                ("Back to the first passage of «{}».", vec![Words(label)])
            }
            Message::ThemeLastAgain(label) => {
                ("Round to the last passage of «{}».", vec![Words(label)])
            }
            Message::ThemeCleared => {
                ("No theme is followed now: {} presents this article.", vec![Key(Action::Present)])
            }
            Message::NoActiveTheme => {
                ("No theme is active: press {} to choose one.", vec![Key(Action::ThemeList)])
            }
            Message::NoMatch(query) => ("No match for «{}».", vec![Words(query)]),
            Message::Hit { number, count, query, reached } => {
                let template = match reached {
                    Reached::Step => "Hit {} of {} for «{}».",
                    Reached::FirstAgain => "Back to the first hit: {} of {} for «{}».",
                    Reached::LastAgain => "Round to the last hit: {} of {} for «{}».",
                };
                (template, vec![Count(*number), Count(*count), Words(query)])
            }
            Message::NoSearch => ("No search yet: press {} to search.", vec![Key(Action::Search)]),
            Message::Bookmarked => ("Bookmarked.", vec![]),
            Message::BookmarkRemoved => {
                ("Bookmark removed: {} brings it back.", vec![Key(Action::Undo)])
            }
            Message::BookmarkRemovedNoteKept => (
                "Bookmark removed; the note stays. {} brings the bookmark back.",
                vec![Key(Action::Undo)],
            ),
            Message::NoteSaved => ("Note saved.", vec![]),
            Message::NoteDeleted => ("Note deleted: {} brings it back.", vec![Key(Action::Undo)]),
            Message::ConfirmDeleteNote => (
                "Delete the note on this paragraph? {} deletes it, any other key keeps it.",
                vec![Value::Letter(CONFIRM_KEY)],
            ),
            Message::NoteKept => ("The note is kept.", vec![]),
            Message::NoNote => ("This paragraph has no note.", vec![]),
            Message::BookmarkBack => ("Undone: the bookmark is back.", vec![]),
            Message::NoteBack => ("Undone: the note is back.", vec![]),
            Message::NothingToUndo => ("Nothing to undo.", vec![]),
            Message::DeckMade(name) => (
                "Deck «{}» made: {} adds the place you point at.",
                vec![Words(name), Key(Action::AddToDeck)],
            ),
            Message::DeckNameEmpty => ("A deck needs a name.", vec![]),
            Message::DeckNameTaken(name) => ("There is a deck «{}» already.", vec![Words(name)]),
            Message::AddedToDeck(name, count) => (
                "Added to «{}» ({} places): {} lists the deck.",
                vec![Words(name), Count(*count), Key(Action::DeckList)],
            ),
            Message::AlreadyInDeck(name) => ("«{}» has this place already.", vec![Words(name)]),
            Message::DeckItemRemoved => {
                ("Removed from the deck: {} brings it back.", vec![Key(Action::Undo)])
            }
            Message::DeckItemBack => ("Undone: the place is back in its deck.", vec![]),
            Message::DeckItemNotOpen => {
                ("That place's article is not open, or was edited past finding it.", vec![])
            }
            Message::NoDecks => (
                "No deck yet: {} adds the place you point at to a new one.",
                vec![Key(Action::AddToDeck)],
            ),
            Message::Copied { what, chars, .. } => {
                let template = match what {
                    PickedKind::PanelItem => "Copied the panel's item ({} characters).",
                    PickedKind::Passage => "Copied the passage marked ({} characters).",
                    PickedKind::Paragraph => "Copied the paragraph ({} characters).",
                };
                (template, vec![Count(*chars)])
            }
            Message::NoBookmarks => (
                "No bookmarks yet: {} bookmarks a paragraph, {} adds a note.",
                vec![Key(Action::Bookmark), Key(Action::Note)],
            ),
            Message::HandoutWritten(path) => ("Handout written to {}.", vec![Path(path)]),
            Message::HandoutFailed(reason) => {
                ("The handout could not be written: {}.", vec![Reason(reason)])
            }
            Message::StateNotSaved(path, reason) => (
                "The reading state could not be saved in {}: {}.",
                vec![Path(path), Reason(reason)],
            ),
            Message::Config(warning) => config_parts(warning),
            Message::State(warning) => state_parts(warning),
            Message::Unplaced { note, paragraph, path, paragraphs, reason } => {
                unplaced_parts(note.as_deref(), *paragraph, path, *paragraphs, *reason)
            }
            Message::File(warning) => sentence_parts(warning.sentence()),
            Message::CollectionFailed(error) => sentence_parts(error.sentence()),
        }
    }

    /// The message in `lang`, naming the keys `keymap` binds now, every value isolated and
    /// made safe to show ([`sanitise_line`]): a text for [`super::paint::message_line`].
    pub fn render(&self, lang: Lang, keymap: &Keymap) -> String {
        let (template, values) = self.parts();
        let mut out = String::new();
        fill_into(&mut out, tr(lang, template), values, keymap);
        if let Message::File(FileWarning::Skipped(_)) = self {
            out.push_str(tr(lang, FileWarning::SKIPPED));
        }
        if let Message::Copied { tmux_drops_it: true, .. } = self {
            let hint = tr(lang, " {} passes it on with: {}");
            let values = vec![Value::Name("tmux"), Value::Name("set -g set-clipboard on")];
            fill_into(&mut out, hint, values, keymap);
        }
        out
    }
}

/// Append `template` (in the interface's language already) to `out` with its `{}` filled by
/// `values` in order, each isolated so that it reads in its own direction, the keys named as
/// `keymap` binds them now.
fn fill_into(out: &mut String, template: &str, values: Vec<Value<'_>>, keymap: &Keymap) {
    let mut values = values.into_iter();
    let mut pieces = template.split("{}").peekable();
    while let Some(piece) = pieces.next() {
        out.push_str(piece);
        if pieces.peek().is_none() {
            break;
        }
        match values.next() {
            Some(Value::Count(n)) => out.push_str(&n.to_string()),
            Some(Value::Words(words)) => isolated(out, FSI, words),
            Some(Value::Path(path)) => isolated(out, LRI, &path.display().to_string()),
            Some(Value::Name(name)) => isolated(out, LRI, name),
            Some(Value::Key(action)) => {
                isolated(out, LRI, &keymap.label_of(action).unwrap_or_default());
            }
            Some(Value::Reason(reason)) => isolated(out, LRI, reason),
            Some(Value::Letter(letter)) => isolated(out, LRI, letter.encode_utf8(&mut [0; 4])),
            None => {}
        }
    }
}

/// The template and values of a sentence about a file.
fn sentence_parts((template, parts): Sentence<'_>) -> (&'static str, Vec<Value<'_>>) {
    let values = parts
        .into_iter()
        .map(|part| match part {
            Part::Path(path) => Value::Path(path),
            Part::Count(n) => Value::Count(n as usize),
            Part::Name(name) => Value::Name(name),
            Part::Reason(reason) => Value::Reason(reason),
        })
        .collect();
    (template, values)
}

/// The template and values of a warning about `config.toml`.
fn config_parts(warning: &ConfigWarning) -> (&'static str, Vec<Value<'_>>) {
    use Value::{Count, Name, Path, Reason};
    match warning {
        ConfigWarning::Unreadable(path, reason) => {
            ("{}: cannot be read ({}); defaults used.", vec![Path(path), Reason(reason)])
        }
        ConfigWarning::Malformed(name, Some(line), reason) => {
            ("{} line {}: {}; defaults used.", vec![Name(name), Count(*line), Reason(reason)])
        }
        ConfigWarning::Malformed(name, None, reason) => {
            ("{}: {}; defaults used.", vec![Name(name), Reason(reason)])
        }
        ConfigWarning::BadValue(name, setting) => (
            "{}: {} is not a valid value ({}); the default is kept.",
            vec![Name(name), Name(setting), Name(SETTING_VALUES)],
        ),
        ConfigWarning::BadKeys(name, reason) => {
            ("{}: {}; its default keys are kept.", vec![Name(name), Reason(reason)])
        }
        ConfigWarning::UnknownSetting(name, setting) => {
            ("{}: unknown setting «{}».", vec![Name(name), Name(setting)])
        }
    }
}

/// The template and values of a bookmark (with `note`, if any) on paragraph `paragraph` of
/// the article read from `path`, which has `paragraphs` paragraphs, not placed for `reason`.
fn unplaced_parts<'a>(
    note: Option<&'a str>,
    paragraph: usize,
    path: &'a str,
    paragraphs: usize,
    reason: Reason,
) -> (&'static str, Vec<Value<'a>>) {
    use Value::{Count, Name, Words};
    let template = match (note.is_some(), reason) {
        (true, Reason::PastTheEnd) => {
            "A note («{}») on paragraph {} of {}, which has {} paragraphs: kept in the state \
             file, not shown."
        }
        (false, Reason::PastTheEnd) => {
            "A bookmark on paragraph {} of {}, which has {} paragraphs: kept in the state file, \
             not shown."
        }
        (true, Reason::NotFoundAfterEdit) => {
            "A note («{}») on paragraph {} of {}, which was edited: no paragraph of it reads like \
             that one now; kept in the state file, not shown."
        }
        (false, Reason::NotFoundAfterEdit) => {
            "A bookmark on paragraph {} of {}, which was edited: no paragraph of it reads like \
             that one now; kept in the state file, not shown."
        }
    };
    let mut values: Vec<Value<'a>> = note.map(Words).into_iter().collect();
    values.extend([Count(paragraph), Name(path)]);
    if reason == Reason::PastTheEnd {
        values.push(Count(paragraphs));
    }
    (template, values)
}

/// The template and values of a warning about the saved reading state.
fn state_parts(warning: &StateWarning) -> (&'static str, Vec<Value<'_>>) {
    use Value::{Count, Path, Reason};
    match warning {
        StateWarning::Unreadable(path, reason) => (
            "The saved state in {} could not be read ({}); it was left as it is, and basira \
             starts afresh without saving over it.",
            vec![Path(path), Reason(reason)],
        ),
        StateWarning::Newer(path, version) => (
            "The saved state in {} was written by a newer basira (state version {}); it was \
             left as it is, and basira starts afresh without saving over it.",
            vec![Path(path), Count(*version as usize)],
        ),
        StateWarning::SetAside(path, problem, aside) => (
            "The saved state in {} could not be read ({}); it was set aside as {} and basira \
             starts afresh.",
            vec![Path(path), Reason(problem), Path(aside)],
        ),
        StateWarning::NotSetAside(path, problem, reason) => (
            "The saved state in {} could not be read ({}) nor set aside ({}); basira starts \
             afresh and will replace it when it saves.",
            vec![Path(path), Reason(problem), Reason(reason)],
        ),
    }
}

/// Push `text`, made safe to show, between `start` and the end of an isolate.
fn isolated(out: &mut String, start: char, text: &str) {
    out.push(start);
    out.push_str(&sanitise_line(text));
    out.push(PDI);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One message of every kind.
    fn every_message() -> Vec<Message> {
        let path = PathBuf::from("/home/user/notes/basira-handout.md");
        let hit =
            |reached| Message::Hit { number: 2, count: 6, query: "تلجرام".into(), reached };
        let mut messages = vec![
            Message::FilesSkipped(1),
            Message::FilesSkipped(3),
            Message::NoFileSkipped,
            Message::BookmarksUnplaced(1),
            Message::BookmarksUnplaced(2),
            Message::PasteIgnored,
            Message::LastArticle,
            Message::FirstArticle,
            Message::LastParagraph,
            Message::FirstParagraph,
            Message::NothingToGoBackTo,
            Message::StillReading,
            Message::StillReadingArticle,
            Message::NoCommonTheme,
            Message::ThemeActive("التعليم".into()),
            Message::ThemeFirstAgain("التعليم".into()),
            Message::ThemeLastAgain("التعليم".into()),
            Message::NoActiveTheme,
            Message::ThemeCleared,
            Message::NoMatch("تلجرام".into()),
            hit(Reached::Step),
            hit(Reached::FirstAgain),
            hit(Reached::LastAgain),
            Message::NoSearch,
            Message::Bookmarked,
            Message::BookmarkRemoved,
            Message::BookmarkRemovedNoteKept,
            Message::NoteSaved,
            Message::NoteDeleted,
            Message::ConfirmDeleteNote,
            Message::NoteKept,
            Message::NoNote,
            Message::BookmarkBack,
            Message::NoteBack,
            Message::NothingToUndo,
            Message::DeckMade("الجلسة الأولى".into()),
            Message::DeckNameEmpty,
            Message::DeckNameTaken("الجلسة الأولى".into()),
            Message::AddedToDeck("الجلسة الأولى".into(), 3),
            Message::AlreadyInDeck("الجلسة الأولى".into()),
            Message::DeckItemRemoved,
            Message::DeckItemBack,
            Message::NoDecks,
            Message::DeckItemNotOpen,
            Message::Copied { what: PickedKind::PanelItem, chars: 12, tmux_drops_it: false },
            Message::Copied { what: PickedKind::Passage, chars: 12, tmux_drops_it: true },
            Message::Copied { what: PickedKind::Paragraph, chars: 12, tmux_drops_it: false },
            Message::NoBookmarks,
            Message::HandoutWritten(path.clone()),
            Message::HandoutFailed("Permission denied (os error 13)".into()),
            Message::StateNotSaved(path.clone(), "No space left on device (os error 28)".into()),
            Message::Config(ConfigWarning::Unreadable(path.clone(), "it is a named pipe".into())),
            Message::Config(ConfigWarning::Malformed("config.toml".into(), Some(3), "x".into())),
            Message::Config(ConfigWarning::Malformed("config.toml".into(), None, "x".into())),
            Message::Config(ConfigWarning::BadValue("config.toml".into(), "colors = 1".into())),
            Message::Config(ConfigWarning::BadKeys("config.toml".into(), "keys.up".into())),
            Message::Config(ConfigWarning::UnknownSetting("config.toml".into(), "x".into())),
            Message::State(StateWarning::Unreadable(path.clone(), "Is a directory".into())),
            Message::State(StateWarning::Newer(path.clone(), 9)),
            Message::State(StateWarning::SetAside(path.clone(), "EOF".into(), path.clone())),
            Message::State(StateWarning::NotSetAside(path.clone(), "EOF".into(), "EPERM".into())),
            Message::CollectionFailed(LoadError::Missing(path.clone())),
            unplaced(Some("ملاحظة"), Reason::PastTheEnd),
            unplaced(None, Reason::PastTheEnd),
            unplaced(Some("ملاحظة"), Reason::NotFoundAfterEdit),
            unplaced(None, Reason::NotFoundAfterEdit),
        ];
        let why = "Permission denied".to_string();
        let errors = [
            LoadError::Missing(path.clone()),
            LoadError::Unreadable(path.clone(), why.clone()),
            LoadError::NoTextFiles(path.clone()),
            LoadError::NoneOpened(path.clone(), 1, why.clone()),
            LoadError::NoneOpened(path.clone(), 4, why.clone()),
            LoadError::Empty(path.clone()),
            LoadError::Binary(path.clone()),
            LoadError::NotText(path.clone()),
            LoadError::TooLarge(path.clone(), 70 << 20),
            LoadError::NotRegular(path.clone()),
        ];
        messages.extend(errors.into_iter().map(|e| Message::File(FileWarning::Skipped(e))));
        messages.extend(
            [
                FileWarning::FolderUnreadable(path.clone(), why),
                FileWarning::LinkBack(path.clone()),
                FileWarning::FolderAgain(path.clone()),
                FileWarning::ReadAs(path.clone(), "Windows-1256 (Arabic)".into()),
                FileWarning::InvalidUtf8(path.clone(), 1),
                FileWarning::InvalidUtf8(path.clone(), 3),
                FileWarning::InvalidUtf16(path, "UTF-16LE".into()),
            ]
            .map(Message::File),
        );
        messages
    }

    /// A bookmark (with `note`) not placed in `notes/a.txt` for `reason`.
    fn unplaced(note: Option<&str>, reason: Reason) -> Message {
        Message::Unplaced {
            note: note.map(str::to_string),
            paragraph: 12,
            path: "notes/a.txt".into(),
            paragraphs: 9,
            reason,
        }
    }

    /// `text` without what is isolated in it (the values).
    fn outside_isolates(text: &str) -> String {
        let mut depth = 0;
        text.chars()
            .filter(|&c| {
                match c {
                    LRI | FSI => depth += 1,
                    PDI => depth -= 1,
                    _ => return depth == 0,
                }
                false
            })
            .collect()
    }

    #[test]
    fn every_arabic_message_is_arabic_apart_from_its_values() {
        let keymap = Keymap::default();
        for message in every_message() {
            let english = message.render(Lang::En, &keymap);
            let arabic = message.render(Lang::Ar, &keymap);
            assert_ne!(english, arabic, "{message:?} has no Arabic");
            let words = outside_isolates(&arabic);
            assert!(!words.chars().any(|c| c.is_ascii_alphabetic()), "{message:?}: {arabic}");
        }
    }

    #[test]
    fn a_message_names_the_key_bound_now_in_both_languages() {
        let mut keymap = Keymap::default();
        keymap.rebind("themes", &["T".to_string()]).unwrap();
        for lang in [Lang::En, Lang::Ar] {
            let text = Message::NoActiveTheme.render(lang, &keymap);
            assert!(text.contains("\u{2066}T\u{2069}"), "{text}");
            assert!(!text.contains('t') || lang == Lang::En, "{text}");
        }
        assert_eq!(Message::NoActiveTheme.render(Lang::En, &keymap).matches('T').count(), 1);
    }

    #[test]
    fn a_value_is_isolated_and_made_safe() {
        let keymap = Keymap::default();
        let text = Message::NoMatch("a\u{202E}b\u{1b}[2J".into()).render(Lang::Ar, &keymap);
        assert!(!text.contains('\u{202E}') && !text.contains('\u{1b}'), "{text:?}");
        let path = PathBuf::from("/home/user/notes/basira-handout.md");
        let text = Message::HandoutWritten(path).render(Lang::Ar, &keymap);
        assert!(text.contains("\u{2066}/home/user/notes/basira-handout.md\u{2069}"), "{text}");
        assert!(text.ends_with('.'), "the full stop is the sentence's: {text}");
    }
}
