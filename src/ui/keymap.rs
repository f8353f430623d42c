//! The tables of keys, one per mode (reading, presentation, a prompt): they drive the
//! dispatcher, generate the help screen and name the keys in hints and messages, so that a key
//! rebound in `config.toml` shows everywhere at once.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, PresentationAction, PromptAction};

/// A key as the table names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Held with Control.
    pub ctrl: bool,
}

/// The most times a count repeats a move.
const MAX_COUNT: usize = 9_999;

/// A count typed before a move's key (`10j`), as vi and less take it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count(usize);

impl Count {
    /// Take `key` as the count's next digit, if it is one that can be (a count does not start
    /// with 0); whether it was.
    pub fn push(&mut self, key: Key) -> bool {
        match key.digit().filter(|&d| d > 0 || self.0 > 0) {
            Some(digit) => {
                self.0 = (self.0 * 10 + digit).min(MAX_COUNT);
                true
            }
            None => false,
        }
    }

    /// How many times `action` is to be done — the count for a move that takes one, else
    /// once — and the count forgotten.
    pub fn take_for(&mut self, action: Action) -> usize {
        let count = std::mem::take(&mut self.0).max(1);
        if action.takes_a_count() { count } else { 1 }
    }

    /// Forget the count.
    pub fn clear(&mut self) {
        self.0 = 0;
    }
}

impl Key {
    /// The digit this key types, if it is one (without Control).
    pub fn digit(self) -> Option<usize> {
        match self.code {
            KeyCode::Char(c) if !self.ctrl => c.to_digit(10).map(|d| d as usize),
            _ => None,
        }
    }

    /// A key without Control.
    pub const fn plain(code: KeyCode) -> Key {
        Key { code, ctrl: false }
    }

    /// A character key.
    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    /// Control and a character.
    pub const fn ctrl(c: char) -> Key {
        Key { code: KeyCode::Char(c), ctrl: true }
    }

    /// The key of a terminal key event (Shift is part of the character).
    pub fn from_event(event: &KeyEvent) -> Key {
        Key { code: event.code, ctrl: event.modifiers.contains(KeyModifiers::CONTROL) }
    }

    /// The keys a terminal key event stands for: its key, after Escape when it comes with
    /// Alt. A terminal sends Alt and a key as Escape then the key, which is also what Escape
    /// quickly followed by another key looks like; basira binds nothing to Alt, so both keys
    /// are pressed (Escape closing the search, say, and the key then acting on the page).
    pub fn all_from_event(event: &KeyEvent) -> impl Iterator<Item = Key> {
        let escape =
            event.modifiers.contains(KeyModifiers::ALT).then_some(Key::plain(KeyCode::Esc));
        escape.into_iter().chain([Key::from_event(event)])
    }

    /// How the help screen writes the key.
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Down => "↓".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Esc => "Esc".into(),
            other => format!("{other:?}"),
        };
        if self.ctrl { format!("Ctrl-{name}") } else { name }
    }
}

/// One entry of a table: the action's name in `config.toml`, its default keys, the action,
/// and the line the help screen shows.
#[derive(Debug, PartialEq, Eq)]
pub struct Binding<A: 'static> {
    /// The name `config.toml` uses for the action.
    pub name: &'static str,
    /// Keys that do it by default.
    pub keys: &'static [Key],
    /// What they do.
    pub action: A,
    /// Description for the help screen.
    pub help: &'static str,
}

const fn bind<A>(
    name: &'static str,
    keys: &'static [Key],
    action: A,
    help: &'static str,
) -> Binding<A> {
    Binding { name, keys, action, help }
}

/// Every action of the reader (the article, the panel, the lists and the help screen), with
/// its default keys, in the order the help screen lists them.
pub const BINDINGS: &[Binding<Action>] = &[
    bind(
        "down",
        &[Key::ch('j'), Key::plain(KeyCode::Down)],
        Action::Down,
        "scroll down a line; next item in a list",
    ),
    bind(
        "up",
        &[Key::ch('k'), Key::plain(KeyCode::Up)],
        Action::Up,
        "scroll up a line; previous item in a list",
    ),
    bind(
        "page_down",
        &[Key::ch(' '), Key::plain(KeyCode::PageDown), Key::ch('f')],
        Action::PageDown,
        "page down; at the end, the next article",
    ),
    bind("page_up", &[Key::ch('b'), Key::plain(KeyCode::PageUp)], Action::PageUp, "page up"),
    bind("top", &[Key::ch('g'), Key::plain(KeyCode::Home)], Action::Top, "top of the article"),
    bind("bottom", &[Key::ch('G'), Key::plain(KeyCode::End)], Action::Bottom, "end of the article"),
    bind(
        "next_paragraph",
        &[Key::ch('}')],
        Action::NextParagraph,
        "next paragraph (the panel's Related follows it)",
    ),
    bind("previous_paragraph", &[Key::ch('{')], Action::PreviousParagraph, "previous paragraph"),
    bind("next_article", &[Key::ch('.')], Action::NextArticle, "next article"),
    bind("previous_article", &[Key::ch(',')], Action::PreviousArticle, "previous article"),
    bind("articles", &[Key::ch('o')], Action::ArticleList, "list of articles"),
    bind(
        "panel",
        &[Key::plain(KeyCode::Tab)],
        Action::TogglePanel,
        "focus the side panel and back (shows it when folded)",
    ),
    bind(
        "next_section",
        &[Key::ch('l'), Key::plain(KeyCode::Right)],
        Action::NextSection,
        "next panel section (key points, facts, related…)",
    ),
    bind(
        "previous_section",
        &[Key::ch('h'), Key::plain(KeyCode::Left)],
        Action::PreviousSection,
        "previous panel section",
    ),
    bind(
        "activate",
        &[Key::plain(KeyCode::Enter)],
        Action::Activate,
        "go to the selected item (key point, passage, theme…)",
    ),
    bind(
        "back",
        &[Key::plain(KeyCode::Backspace), Key::ctrl('o')],
        Action::Back,
        "jump back to where you were before the last jump",
    ),
    bind(
        "themes",
        &[Key::ch('t')],
        Action::ThemeList,
        "list of themes; Enter follows one (first row: none)",
    ),
    bind(
        "next_passage",
        &[Key::ch(']')],
        Action::NextPassage,
        "next passage of the active theme, across articles",
    ),
    bind(
        "previous_passage",
        &[Key::ch('[')],
        Action::PreviousPassage,
        "previous passage of the active theme",
    ),
    bind(
        "search",
        &[Key::ch('/')],
        Action::Search,
        "search all articles (ignores harakat, hamza); filter a list",
    ),
    bind("next_hit", &[Key::ch('n')], Action::NextHit, "next search hit, across articles"),
    bind("previous_hit", &[Key::ch('N')], Action::PreviousHit, "previous search hit"),
    bind("hits", &[Key::ch('F')], Action::HitList, "list of the search's hits, in context"),
    bind(
        "bookmark",
        &[Key::ch('m')],
        Action::Bookmark,
        "bookmark the paragraph (again: remove; note stays)",
    ),
    bind("note", &[Key::ch('a')], Action::Note, "write a note on the current paragraph"),
    bind(
        "delete_note",
        &[Key::ch('D')],
        Action::DeleteNote,
        "delete the note on the current paragraph (asks first)",
    ),
    bind("undo", &[Key::ch('u')], Action::Undo, "bring back the last bookmark or note removed"),
    bind("bookmarks", &[Key::ch('M')], Action::BookmarkList, "list of bookmarks and notes"),
    bind(
        "add_to_deck",
        &[Key::ch('+')],
        Action::AddToDeck,
        "add the item, passage or paragraph to the deck",
    ),
    bind("decks", &[Key::ch('P')], Action::DeckList, "the deck's places (Tab: next deck)"),
    bind("new_deck", &[Key::ch('C')], Action::NewDeck, "make a new deck (its name asked)"),
    bind("item_up", &[Key::ch('K')], Action::MoveItemUp, "in a deck: move the place up"),
    bind("item_down", &[Key::ch('J')], Action::MoveItemDown, "in a deck: move the place down"),
    bind("remove_item", &[Key::ch('d')], Action::RemoveItem, "in a deck: remove the place"),
    bind(
        "copy",
        &[Key::ch('y')],
        Action::Copy,
        "copy the panel item, passage or paragraph (OSC 52)",
    ),
    bind(
        "present",
        &[Key::ch('p')],
        Action::Present,
        "present the key points (or the active theme) one per screen",
    ),
    bind(
        "export",
        &[Key::ch('e')],
        Action::Export,
        "write a handout of every article to a new file",
    ),
    bind(
        "skipped",
        &[Key::ch('W')],
        Action::Skipped,
        "files skipped or read with a warning; bookmarks not placed",
    ),
    bind("help", &[Key::ch('?')], Action::Help, "this help"),
    bind(
        "close",
        &[Key::plain(KeyCode::Esc)],
        Action::Close,
        "close a list or the panel; clear marks and the theme",
    ),
    bind("quit", &[Key::ch('q'), Key::ctrl('c')], Action::Quit, "quit"),
];

/// The keys of presentation mode, in the order the help screen lists them.
pub const PRESENTATION_BINDINGS: &[Binding<PresentationAction>] = &[
    bind(
        "present_next",
        &[Key::ch(' '), Key::plain(KeyCode::PageDown), Key::plain(KeyCode::Enter)],
        PresentationAction::Next,
        "next screen",
    ),
    bind(
        "present_previous",
        &[Key::plain(KeyCode::Backspace), Key::plain(KeyCode::PageUp)],
        PresentationAction::Previous,
        "previous screen",
    ),
    bind(
        "present_first",
        &[Key::ch('g'), Key::plain(KeyCode::Home)],
        PresentationAction::First,
        "first screen",
    ),
    bind(
        "present_last",
        &[Key::ch('G'), Key::plain(KeyCode::End)],
        PresentationAction::Last,
        "last screen",
    ),
    bind(
        "present_note",
        &[Key::ch('s')],
        PresentationAction::Note,
        "the note on screen (with present_notes_on_screen)",
    ),
    bind(
        "present_timer",
        &[Key::ch('t')],
        PresentationAction::Timer,
        "pause the clock, or start it again",
    ),
    bind(
        "present_leave",
        &[Key::plain(KeyCode::Esc), Key::ch('q')],
        PresentationAction::Leave,
        "leave, back where you were",
    ),
];

/// The keys of a prompt (a search or a note being typed), in the order the help screen lists
/// them. Characters are typed, so only other keys may be bound here.
pub const PROMPT_BINDINGS: &[Binding<PromptAction>] = &[
    bind(
        "prompt_accept",
        &[Key::plain(KeyCode::Enter)],
        PromptAction::Accept,
        "search, or save the note",
    ),
    bind(
        "prompt_delete",
        &[Key::plain(KeyCode::Backspace)],
        PromptAction::Delete,
        "delete the character before the cursor",
    ),
    bind(
        "prompt_delete_forward",
        &[Key::plain(KeyCode::Delete)],
        PromptAction::DeleteForward,
        "delete the character at the cursor",
    ),
    bind("prompt_delete_word", &[Key::ctrl('w')], PromptAction::DeleteWord, "delete a word back"),
    bind(
        "prompt_delete_to_start",
        &[Key::ctrl('u')],
        PromptAction::DeleteToStart,
        "delete back to the start",
    ),
    bind(
        "prompt_left",
        &[Key::plain(KeyCode::Left)],
        PromptAction::Left,
        "cursor left, as the line is drawn",
    ),
    bind(
        "prompt_right",
        &[Key::plain(KeyCode::Right)],
        PromptAction::Right,
        "cursor right, as the line is drawn",
    ),
    bind(
        "prompt_home",
        &[Key::plain(KeyCode::Home), Key::ctrl('a')],
        PromptAction::Home,
        "cursor to the start of the text",
    ),
    bind(
        "prompt_end",
        &[Key::plain(KeyCode::End), Key::ctrl('e')],
        PromptAction::End,
        "cursor to the end of the text",
    ),
    bind("prompt_older", &[Key::plain(KeyCode::Up)], PromptAction::Older, "earlier search"),
    bind("prompt_newer", &[Key::plain(KeyCode::Down)], PromptAction::Newer, "later search"),
    bind(
        "prompt_cancel",
        &[Key::plain(KeyCode::Esc), Key::ctrl('c')],
        PromptAction::Cancel,
        "give up, changing nothing",
    ),
];

/// The keys in force in one mode: the defaults of its table, with the user's changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyTable<A: 'static> {
    bindings: &'static [Binding<A>],
    /// The keys of each binding, in the order of `bindings`.
    keys: Vec<Vec<Key>>,
}

impl<A: Copy + PartialEq> KeyTable<A> {
    /// The table of `bindings` with their default keys.
    fn new(bindings: &'static [Binding<A>]) -> KeyTable<A> {
        KeyTable { bindings, keys: bindings.iter().map(|b| b.keys.to_vec()).collect() }
    }

    /// The action bound to a key, if any.
    pub fn action_for(&self, key: Key) -> Option<A> {
        self.keys.iter().position(|keys| keys.contains(&key)).map(|i| self.bindings[i].action)
    }

    /// The label of the first key bound to `action` now (as the help screen shows it), if it
    /// has one: what hints and messages name.
    pub fn label_of(&self, action: A) -> Option<String> {
        self.entries().find(|(b, _)| b.action == action)?.1.first().map(Key::label)
    }

    /// Every binding with the keys it has now, in the help screen's order.
    pub fn entries(&self) -> impl Iterator<Item = (&Binding<A>, &[Key])> {
        self.bindings.iter().zip(self.keys.iter().map(Vec::as_slice))
    }

    /// Where the action named `name` is in the table, if it is.
    fn position(&self, name: &str) -> Option<usize> {
        self.bindings.iter().position(|b| b.name == name)
    }

    /// Bind binding `index` to `keys` instead of its defaults; a key taken from another
    /// action of the table leaves it.
    fn rebind(&mut self, index: usize, keys: Vec<Key>) {
        for other in &mut self.keys {
            other.retain(|k| !keys.contains(k));
        }
        self.keys[index] = keys;
    }
}

/// The keys in force in every mode: the defaults of each table, with the user's changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    /// Reading: the article, the panel, the lists, the help screen.
    pub reader: KeyTable<Action>,
    /// Presentation mode.
    pub presentation: KeyTable<PresentationAction>,
    /// A search or a note being typed.
    pub prompt: KeyTable<PromptAction>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            reader: KeyTable::new(BINDINGS),
            presentation: KeyTable::new(PRESENTATION_BINDINGS),
            prompt: KeyTable::new(PROMPT_BINDINGS),
        }
    }
}

impl Keymap {
    /// The reader's action bound to a key, if any.
    pub fn action_for(&self, key: Key) -> Option<Action> {
        self.reader.action_for(key)
    }

    /// The label of the first key bound to the reader's `action` now, if it has one.
    pub fn label_of(&self, action: Action) -> Option<String> {
        self.reader.label_of(action)
    }

    /// Bind the action named `name` (of any mode) to `keys` (in [`parse_keys`] notation, one
    /// key each) instead of its defaults; a key taken from another action of the same mode
    /// leaves it. On an error nothing changes and the error names what was wrong.
    pub fn rebind(&mut self, name: &str, keys: &[String]) -> Result<(), String> {
        let mut parsed = Vec::with_capacity(keys.len());
        for key in keys {
            match parse_keys(key)?.as_slice() {
                [one] => parsed.push(*one),
                _ => return Err(format!("\"{key}\" for {name} is not one key")),
            }
        }
        if parsed.is_empty() {
            return Err(format!("{name} is given no key"));
        }
        if let Some(index) = self.reader.position(name) {
            self.reader.rebind(index, parsed);
        } else if let Some(index) = self.presentation.position(name) {
            self.presentation.rebind(index, parsed);
        } else if let Some(index) = self.prompt.position(name) {
            if let Some(typed) =
                parsed.iter().find(|k| matches!(k.code, KeyCode::Char(_)) && !k.ctrl)
            {
                return Err(format!("{name} cannot take \"{}\": it is typed", typed.label()));
            }
            self.prompt.rebind(index, parsed);
        } else {
            return Err(format!("there is no action named \"{name}\""));
        }
        Ok(())
    }
}

/// Parse a key sequence written as in `basira snapshot --keys`: characters stand for
/// themselves; `<Tab>`, `<Enter>`, `<Esc>`, `<BS>`, `<Space>`, `<Up>`, `<Down>`, `<PageUp>`,
/// `<PageDown>`, `<Home>`, `<End>`, `<C-x>` (Control and a letter) and `<lt>` name keys.
pub fn parse_keys(keys: &str) -> Result<Vec<Key>, String> {
    let mut out = Vec::new();
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
        {
            let name = &rest[1..end];
            out.push(named_key(name).ok_or_else(|| format!("unknown key <{name}> in --keys"))?);
            rest = &rest[end + 1..];
        } else {
            out.push(Key::ch(c));
            rest = &rest[c.len_utf8()..];
        }
    }
    Ok(out)
}

/// The key a `<name>` stands for.
fn named_key(name: &str) -> Option<Key> {
    let code = match name.to_ascii_lowercase().as_str() {
        "tab" => KeyCode::Tab,
        "enter" | "cr" | "return" => KeyCode::Enter,
        "esc" => KeyCode::Esc,
        "bs" | "backspace" => KeyCode::Backspace,
        "space" => KeyCode::Char(' '),
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdn" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "lt" => KeyCode::Char('<'),
        other => {
            let letter = other.strip_prefix("c-")?;
            let mut chars = letter.chars();
            let c = chars.next().filter(|_| chars.next().is_none())?;
            return Some(Key::ctrl(c));
        }
    };
    Some(Key::plain(code))
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_count_is_digits_not_starting_with_zero_and_only_moves_take_it() {
        let mut count = Count::default();
        assert!(!count.push(Key::ch('0')), "a count does not start with 0");
        assert!(count.push(Key::ch('1')) && count.push(Key::ch('0')));
        assert!(!count.push(Key::ch('j')) && !count.push(Key::ctrl('5')));
        assert_eq!(count.take_for(Action::Down), 10);
        assert_eq!(count.take_for(Action::Down), 1, "taken once");
        count.push(Key::ch('3'));
        assert_eq!(count.take_for(Action::Bookmark), 1, "not a move");
        assert_eq!(count.take_for(Action::Down), 1, "and forgotten");
        "99999".chars().for_each(|c| {
            count.push(Key::ch(c));
        });
        assert_eq!(count.take_for(Action::NextParagraph), 9_999);
    }

    use super::*;

    #[test]
    fn alt_with_a_key_is_escape_then_the_key() {
        let keys = |code, modifiers| -> Vec<Key> {
            Key::all_from_event(&KeyEvent::new(code, modifiers)).collect()
        };
        assert_eq!(keys(KeyCode::Char('j'), KeyModifiers::NONE), [Key::ch('j')]);
        assert_eq!(
            keys(KeyCode::Backspace, KeyModifiers::ALT),
            [Key::plain(KeyCode::Esc), Key::plain(KeyCode::Backspace)]
        );
        assert_eq!(keys(KeyCode::Char('z'), KeyModifiers::CONTROL), [Key::ctrl('z')]);
    }

    #[test]
    fn rebinding_moves_a_key_and_reports_mistakes() {
        let mut map = Keymap::default();
        map.rebind("next_article", &["n".into(), "<Right>".into()]).unwrap();
        assert_eq!(map.action_for(Key::ch('n')), Some(Action::NextArticle));
        assert_eq!(map.action_for(Key::plain(KeyCode::Right)), Some(Action::NextArticle));
        assert_eq!(map.action_for(Key::ch('.')), None, "the default key is replaced");
        assert_eq!(map.action_for(Key::ch('N')), Some(Action::PreviousHit));
        let before = map.clone();
        assert!(map.rebind("fly", &["x".into()]).unwrap_err().contains("fly"));
        assert!(map.rebind("down", &["<Nope>".into()]).unwrap_err().contains("Nope"));
        assert!(map.rebind("down", &["jj".into()]).unwrap_err().contains("not one key"));
        assert_eq!(map, before, "a bad entry changes nothing");
    }

    /// Every table's names, and its default keys.
    fn tables() -> [Vec<(&'static str, &'static [Key])>; 3] {
        [
            BINDINGS.iter().map(|b| (b.name, b.keys)).collect(),
            PRESENTATION_BINDINGS.iter().map(|b| (b.name, b.keys)).collect(),
            PROMPT_BINDINGS.iter().map(|b| (b.name, b.keys)).collect(),
        ]
    }

    #[test]
    fn action_names_are_unique_across_modes() {
        let names: Vec<&str> = tables().iter().flatten().map(|&(name, _)| name).collect();
        for (i, name) in names.iter().enumerate() {
            assert!(!names[..i].contains(name), "{name} twice");
        }
    }

    #[test]
    fn every_key_is_bound_once_in_each_mode() {
        for table in tables() {
            let mut seen = Vec::new();
            for (_, keys) in table {
                for key in keys {
                    assert!(!seen.contains(key), "{key:?} is bound twice");
                    seen.push(*key);
                }
            }
        }
    }

    #[test]
    fn presentation_and_prompt_keys_rebind_by_name() {
        let mut map = Keymap::default();
        map.rebind("present_leave", &["x".into()]).unwrap();
        assert_eq!(map.presentation.action_for(Key::ch('x')), Some(PresentationAction::Leave));
        assert_eq!(map.presentation.action_for(Key::ch('q')), None);
        assert_eq!(map.action_for(Key::ch('q')), Some(Action::Quit), "the reader's q stays");
        map.rebind("prompt_cancel", &["<C-g>".into()]).unwrap();
        assert_eq!(map.prompt.action_for(Key::ctrl('g')), Some(PromptAction::Cancel));
        assert_eq!(map.prompt.action_for(Key::plain(KeyCode::Esc)), None);
        let before = map.clone();
        let typed = map.rebind("prompt_accept", &["y".into()]).unwrap_err();
        assert!(typed.contains("typed"), "{typed}");
        assert_eq!(map, before);
    }

    #[test]
    fn key_notation_parses() {
        let keys = parse_keys("jj<Tab><C-o><lt>G").unwrap();
        let map = Keymap::default();
        assert_eq!(keys.len(), 6);
        assert_eq!(map.action_for(keys[0]), Some(Action::Down));
        assert_eq!(map.action_for(keys[2]), Some(Action::TogglePanel));
        assert_eq!(map.action_for(keys[3]), Some(Action::Back));
        assert_eq!(keys[4], Key::ch('<'));
        assert_eq!(map.action_for(keys[5]), Some(Action::Bottom));
        assert!(parse_keys("<Nope>").is_err());
    }
}
