//! The one table of keys: it drives the dispatcher and generates the help screen.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::Action;

/// A key as the table names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Held with Control.
    pub ctrl: bool,
}

impl Key {
    const fn plain(code: KeyCode) -> Key {
        Key { code, ctrl: false }
    }

    const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    const fn ctrl(c: char) -> Key {
        Key { code: KeyCode::Char(c), ctrl: true }
    }

    /// The key of a terminal key event (Shift is part of the character).
    pub fn from_event(event: &KeyEvent) -> Key {
        Key { code: event.code, ctrl: event.modifiers.contains(KeyModifiers::CONTROL) }
    }

    /// How the help screen writes the key.
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Down => "↓".into(),
            KeyCode::Up => "↑".into(),
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

/// One entry of the table: the keys, the action, and the line the help screen shows.
pub struct Binding {
    /// Keys that do it.
    pub keys: &'static [Key],
    /// What they do.
    pub action: Action,
    /// Description for the help screen.
    pub help: &'static str,
}

/// Every key basira knows, in the order the help screen lists them.
pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: &[Key::ch('j'), Key::plain(KeyCode::Down)],
        action: Action::Down,
        help: "scroll down a line; next item in a list",
    },
    Binding {
        keys: &[Key::ch('k'), Key::plain(KeyCode::Up)],
        action: Action::Up,
        help: "scroll up a line; previous item in a list",
    },
    Binding {
        keys: &[Key::ch(' '), Key::plain(KeyCode::PageDown), Key::ch('f')],
        action: Action::PageDown,
        help: "page down",
    },
    Binding {
        keys: &[Key::ch('b'), Key::plain(KeyCode::PageUp)],
        action: Action::PageUp,
        help: "page up",
    },
    Binding {
        keys: &[Key::ch('g'), Key::plain(KeyCode::Home)],
        action: Action::Top,
        help: "top of the article",
    },
    Binding {
        keys: &[Key::ch('G'), Key::plain(KeyCode::End)],
        action: Action::Bottom,
        help: "end of the article",
    },
    Binding { keys: &[Key::ch('.')], action: Action::NextArticle, help: "next article" },
    Binding { keys: &[Key::ch(',')], action: Action::PreviousArticle, help: "previous article" },
    Binding { keys: &[Key::ch('o')], action: Action::ArticleList, help: "list of articles" },
    Binding {
        keys: &[Key::plain(KeyCode::Tab)],
        action: Action::TogglePanel,
        help: "move between the article and the side panel (shows the panel when folded)",
    },
    Binding {
        keys: &[Key::plain(KeyCode::Enter)],
        action: Action::Activate,
        help: "go to the selected heading or article",
    },
    Binding {
        keys: &[Key::plain(KeyCode::Backspace), Key::ctrl('o')],
        action: Action::Back,
        help: "jump back to where you were before the last jump",
    },
    Binding { keys: &[Key::ch('?')], action: Action::Help, help: "this help" },
    Binding {
        keys: &[Key::plain(KeyCode::Esc)],
        action: Action::Close,
        help: "close the help, the list or the panel",
    },
    Binding { keys: &[Key::ch('q'), Key::ctrl('c')], action: Action::Quit, help: "quit" },
];

/// The action bound to a key, if any.
pub fn action_for(key: Key) -> Option<Action> {
    BINDINGS.iter().find(|b| b.keys.contains(&key)).map(|b| b.action)
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
    use super::*;

    #[test]
    fn every_key_is_bound_once() {
        let mut seen = Vec::new();
        for binding in BINDINGS {
            for key in binding.keys {
                assert!(!seen.contains(key), "{key:?} is bound twice");
                seen.push(*key);
            }
        }
    }

    #[test]
    fn key_notation_parses() {
        let keys = parse_keys("jj<Tab><C-o><lt>G").unwrap();
        assert_eq!(keys.len(), 6);
        assert_eq!(action_for(keys[0]), Some(Action::Down));
        assert_eq!(action_for(keys[2]), Some(Action::TogglePanel));
        assert_eq!(action_for(keys[3]), Some(Action::Back));
        assert_eq!(keys[4], Key::ch('<'));
        assert_eq!(action_for(keys[5]), Some(Action::Bottom));
        assert!(parse_keys("<Nope>").is_err());
    }
}
