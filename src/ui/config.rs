//! The user's settings: `config.toml` in the XDG config directory
//! (`$XDG_CONFIG_HOME/basira/config.toml`, usually `~/.config/basira/config.toml`).
//!
//! ```toml
//! [keys]
//! next_article = ["n", "<Right>"]   # action name = keys, in the --keys notation
//! quit = "Q"                        # one key may be written without brackets
//! ```
//!
//! A mistake never stops the reader: each bad entry gets a message naming it, and that action
//! keeps its default keys.

use std::path::{Path, PathBuf};

use super::keymap::Keymap;

/// The settings in force and what was wrong with the file.
#[derive(Debug, Default)]
pub struct Config {
    /// The keys.
    pub keymap: Keymap,
    /// One sentence per problem, naming the file and the entry.
    pub warnings: Vec<String>,
}

impl Config {
    /// Read the user's `config.toml`; defaults when there is none.
    pub fn load() -> Config {
        match config_file() {
            Some(path) => Config::load_from(&path),
            None => Config::default(),
        }
    }

    /// Read settings from `path`; defaults when it does not exist.
    pub fn load_from(path: &Path) -> Config {
        match std::fs::read_to_string(path) {
            Ok(text) => Config::parse(&path.display().to_string(), &text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Config::default(),
            Err(e) => Config {
                warnings: vec![format!("{}: cannot be read ({e}); defaults used.", path.display())],
                ..Config::default()
            },
        }
    }

    /// Settings from the text of a config file called `name` in messages.
    pub fn parse(name: &str, text: &str) -> Config {
        let mut config = Config::default();
        let table: toml::Table = match toml::from_str(text) {
            Ok(table) => table,
            Err(e) => {
                let at = e
                    .span()
                    .map(|span| format!(" line {}", text[..span.start].lines().count().max(1)))
                    .unwrap_or_default();
                config.warnings.push(format!(
                    "{name}{at}: {}; defaults used.",
                    e.message().trim_end_matches('.')
                ));
                return config;
            }
        };
        for (section, value) in &table {
            match (section.as_str(), value) {
                ("keys", toml::Value::Table(keys)) => {
                    for (action, value) in keys {
                        let result = key_list(value)
                            .ok_or_else(|| format!("keys.{action} must be a key or a list of keys"))
                            .and_then(|keys| config.keymap.rebind(action, &keys));
                        if let Err(why) = result {
                            config
                                .warnings
                                .push(format!("{name}: {why}; its default keys are kept."));
                        }
                    }
                }
                _ => config.warnings.push(format!("{name}: unknown setting \"{section}\".")),
            }
        }
        config
    }
}

/// The keys of one entry: a string or a list of strings.
fn key_list(value: &toml::Value) -> Option<Vec<String>> {
    match value {
        toml::Value::String(key) => Some(vec![key.clone()]),
        toml::Value::Array(keys) => {
            keys.iter().map(|k| k.as_str().map(str::to_string)).collect::<Option<Vec<_>>>()
        }
        _ => None,
    }
}

/// Where the config file is, if the system has a config directory.
pub fn config_file() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "basira").map(|d| d.config_dir().join("config.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::app::Action;
    use crate::ui::keymap::Key;

    #[test]
    fn keys_are_rebound_and_bad_entries_named() {
        let config = Config::parse(
            "config.toml",
            "[keys]\nnext_article = [\"n\", \"<Right>\"]\nquit = \"Q\"\njump = \"x\"\n\
             down = 3\nup = \"<Nope>\"\n",
        );
        let map = &config.keymap;
        assert_eq!(map.action_for(Key::ch('n')), Some(Action::NextArticle));
        assert_eq!(map.action_for(Key::ch('Q')), Some(Action::Quit));
        assert_eq!(map.action_for(Key::ch('j')), Some(Action::Down), "default kept");
        assert_eq!(map.action_for(Key::ch('k')), Some(Action::Up), "default kept");
        assert_eq!(config.warnings.len(), 3, "{:?}", config.warnings);
        assert!(config.warnings.iter().any(|w| w.contains("\"jump\"")));
        assert!(config.warnings.iter().any(|w| w.contains("keys.down")));
        assert!(config.warnings.iter().any(|w| w.contains("<Nope>")));
    }

    #[test]
    fn a_broken_file_names_its_line_and_keeps_the_defaults() {
        let config = Config::parse("config.toml", "[keys]\ndown = [\"j\"\n");
        assert_eq!(config.keymap, Keymap::default());
        assert_eq!(config.warnings.len(), 1);
        assert!(config.warnings[0].starts_with("config.toml line "), "{}", config.warnings[0]);
    }

    #[test]
    fn a_missing_file_is_no_error() {
        let config = Config::load_from(Path::new("/nonexistent/basira/config.toml"));
        assert!(config.warnings.is_empty());
    }
}
