//! The user's settings: `config.toml` in the XDG config directory
//! (`$XDG_CONFIG_HOME/basira/config.toml`, usually `~/.config/basira/config.toml`).
//!
//! ```toml
//! lang = "ar"              # interface language: "ar" or "en" (else from LANG)
//! colors = "light"         # "dark", "light" or "mono" (NO_COLOR in the environment: mono)
//! ascii_borders = true     # frames and marks in plain ASCII, for fonts without box drawing
//! max_text_width = 72      # the widest the text column gets, in cells
//! handout_format = "html"  # what `e` writes: "md" (basira-handout.md) or "html"
//! handout_notes = true     # whether `e`'s handout has the bookmarks and notes
//! present_arrows = "reading"     # in presentations ← is next in Arabic (default "clicker")
//! present_notes_on_screen = true # `s` may show a note to the audience (default false)
//!
//! [keys]
//! next_article = [".", ">"] # action name = keys, in the --keys notation
//! quit = "Q"                # one key may be written without brackets
//! ```
//!
//! A mistake never stops the reader: each bad entry gets a message naming it, and that action
//! keeps its default keys.

use std::path::{Path, PathBuf};

use crate::export::{HandoutFormat, HandoutOptions};
use crate::files::{ReadError, read_regular_text};

/// The largest `config.toml` read: a settings file is a few lines.
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

use super::keymap::Keymap;
use super::palette::Scheme;
use super::presentation::{Arrows, Settings as PresentSettings};
use super::regions::MAX_TEXT_WIDTH;
use crate::lang::Lang;

/// The settings in force and what was wrong with the file.
#[derive(Debug)]
pub struct Config {
    /// The keys.
    pub keymap: Keymap,
    /// The colour scheme.
    pub scheme: Scheme,
    /// Frames and marks in plain ASCII.
    pub ascii: bool,
    /// The interface language, when the file (or a command-line option) names one; [`load`]
    /// falls back to the environment's, and a reader given none speaks English.
    ///
    /// [`load`]: Config::load
    pub lang: Option<Lang>,
    /// The widest the text column gets.
    pub max_text_width: u16,
    /// The format of the handout `e` writes (Markdown or HTML).
    pub handout_format: HandoutFormat,
    /// Whether the handout `e` writes has the reader's bookmarks and notes.
    pub handout_notes: bool,
    /// How presentations run (`present_arrows`, `present_notes_on_screen`; the session's
    /// length comes from `--minutes`).
    pub present: PresentSettings,
    /// One problem per entry, naming the file and the entry.
    pub warnings: Vec<ConfigWarning>,
}

/// What was wrong with `config.toml` (the status line shows it in the interface language).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigWarning {
    /// The file could not be read (its path, and why); the defaults are used.
    Unreadable(PathBuf, String),
    /// The file is not TOML (its name, the line if known, and what the parser said); the
    /// defaults are used.
    Malformed(String, Option<usize>, String),
    /// A setting has a value it cannot take (the file's name, and `setting = value`); the
    /// default is kept.
    BadValue(String, String),
    /// A key binding is wrong (the file's name, and what is wrong); the action keeps its
    /// default keys.
    BadKeys(String, String),
    /// A setting basira does not know (the file's name, and the setting).
    UnknownSetting(String, String),
}

/// The values each setting can take, as a warning about a bad one lists them (in no
/// language: it is shown in both).
pub const SETTING_VALUES: &str = "lang: \"ar\" | \"en\"; colors: \"dark\" | \"light\" | \"mono\"; ascii_borders: true | false; max_text_width: 20–400; handout_format: \"md\" | \"html\"; handout_notes: true | false; present_arrows: \"clicker\" | \"reading\"; present_notes_on_screen: true | false";

impl Default for Config {
    fn default() -> Config {
        Config {
            keymap: Keymap::default(),
            scheme: Scheme::default(),
            ascii: false,
            lang: None,
            max_text_width: MAX_TEXT_WIDTH,
            handout_format: HandoutFormat::Markdown,
            handout_notes: false,
            present: PresentSettings::default(),
            warnings: Vec::new(),
        }
    }
}

/// The narrowest and widest `max_text_width` accepted.
const TEXT_WIDTH_RANGE: std::ops::RangeInclusive<i64> = 20..=400;

impl Config {
    /// Read the user's `config.toml` (defaults when there is none), with the interface
    /// language taken from the environment unless the file names one, and monochrome when
    /// `NO_COLOR` is set.
    pub fn load() -> Config {
        let mut config = match config_file() {
            Some(path) => Config::load_from(&path),
            None => Config::default(),
        };
        if config.lang.is_none() {
            config.lang = Some(Lang::from_environment());
        }
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            config.scheme = Scheme::Mono;
        }
        config
    }

    /// Read settings from `path`; defaults when it does not exist. Problems inside the
    /// file are reported under its file name alone, so that the status line (where they
    /// are shown) has room for what is wrong however deep the config directory is.
    pub fn load_from(path: &Path) -> Config {
        match read_regular_text(path, MAX_CONFIG_BYTES) {
            Ok(text) => {
                let name = path.file_name().unwrap_or(path.as_os_str()).to_string_lossy();
                Config::parse(&name, &text)
            }
            Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => Config::default(),
            Err(e) => Config {
                warnings: vec![ConfigWarning::Unreadable(path.to_path_buf(), e.to_string())],
                ..Config::default()
            },
        }
    }

    /// How the reader's `e` writes the handout: in the interface's language, in the format
    /// and with the notes or not as the settings say.
    pub fn handout_options(&self) -> HandoutOptions {
        HandoutOptions {
            format: self.handout_format,
            lang: self.lang.unwrap_or_default(),
            with_notes: self.handout_notes,
        }
    }

    /// Settings from the text of a config file called `name` in messages.
    pub fn parse(name: &str, text: &str) -> Config {
        let mut config = Config::default();
        let table: toml::Table = match toml::from_str(text) {
            Ok(table) => table,
            Err(e) => {
                let line = e.span().map(|span| text[..span.start].lines().count().max(1));
                let reason = e.message().trim_end_matches('.').to_string();
                config.warnings.push(ConfigWarning::Malformed(name.to_string(), line, reason));
                return config;
            }
        };
        for (section, value) in &table {
            match (section.as_str(), value) {
                ("lang", toml::Value::String(name)) if Lang::from_name(name).is_some() => {
                    config.lang = Lang::from_name(name);
                }
                ("colors", toml::Value::String(name)) if Scheme::from_name(name).is_some() => {
                    config.scheme = Scheme::from_name(name).unwrap_or_default();
                }
                ("ascii_borders", toml::Value::Boolean(ascii)) => config.ascii = *ascii,
                ("max_text_width", toml::Value::Integer(width))
                    if TEXT_WIDTH_RANGE.contains(width) =>
                {
                    config.max_text_width = *width as u16;
                }
                ("handout_format", toml::Value::String(name)) if handout_format(name).is_some() => {
                    config.handout_format = handout_format(name).unwrap_or_default();
                }
                ("handout_notes", toml::Value::Boolean(notes)) => config.handout_notes = *notes,
                ("present_arrows", toml::Value::String(name)) if arrows(name).is_some() => {
                    config.present.arrows = arrows(name).unwrap_or_default();
                }
                ("present_notes_on_screen", toml::Value::Boolean(shown)) => {
                    config.present.notes_on_screen = *shown;
                }
                (
                    "lang"
                    | "colors"
                    | "ascii_borders"
                    | "max_text_width"
                    | "handout_format"
                    | "handout_notes"
                    | "present_arrows"
                    | "present_notes_on_screen",
                    value,
                ) => {
                    let setting = format!("{section} = {value}");
                    config.warnings.push(ConfigWarning::BadValue(name.to_string(), setting));
                }
                ("keys", toml::Value::Table(keys)) => {
                    for (action, value) in keys {
                        let result = key_list(value)
                            .ok_or_else(|| format!("keys.{action} must be a key or a list of keys"))
                            .and_then(|keys| config.keymap.rebind(action, &keys));
                        if let Err(why) = result {
                            config.warnings.push(ConfigWarning::BadKeys(name.to_string(), why));
                        }
                    }
                }
                _ => config
                    .warnings
                    .push(ConfigWarning::UnknownSetting(name.to_string(), section.clone())),
            }
        }
        config
    }
}

/// The handout format `handout_format` names: `md` or `html`.
fn handout_format(name: &str) -> Option<HandoutFormat> {
    match name {
        "md" => Some(HandoutFormat::Markdown),
        "html" => Some(HandoutFormat::Html),
        _ => None,
    }
}

/// The arrows `present_arrows` names: `clicker` or `reading`.
fn arrows(name: &str) -> Option<Arrows> {
    match name {
        "clicker" => Some(Arrows::Clicker),
        "reading" => Some(Arrows::Reading),
        _ => None,
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
    use crate::ui::action::Action;
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
        let about = |needle: &str| {
            config.warnings.iter().any(
                |w| matches!(w, ConfigWarning::BadKeys(name, why) if name == "config.toml" && why.contains(needle)),
            )
        };
        assert!(about("\"jump\"") && about("keys.down") && about("<Nope>"));
    }

    #[test]
    fn a_broken_file_names_its_line_and_keeps_the_defaults() {
        let config = Config::parse("config.toml", "[keys]\ndown = [\"j\"\n");
        assert_eq!(config.keymap, Keymap::default());
        assert_eq!(config.warnings.len(), 1);
        assert!(
            matches!(&config.warnings[0], ConfigWarning::Malformed(name, Some(_), _) if name == "config.toml"),
            "{:?}",
            config.warnings[0]
        );
    }

    #[test]
    fn looks_and_language_are_read_and_bad_values_named() {
        let config = Config::parse(
            "config.toml",
            "lang = \"ar\"\ncolors = \"light\"\nascii_borders = true\nmax_text_width = 72\n",
        );
        assert!(config.warnings.is_empty(), "{:?}", config.warnings);
        assert_eq!(config.lang, Some(Lang::Ar));
        assert_eq!(config.scheme, Scheme::Light);
        assert!(config.ascii);
        assert_eq!(config.max_text_width, 72);
        let bad = Config::parse("config.toml", "colors = \"purple\"\nmax_text_width = 5\n");
        assert_eq!(bad.warnings.len(), 2);
        assert_eq!(
            bad.warnings[0],
            ConfigWarning::BadValue("config.toml".into(), "colors = \"purple\"".into())
        );
        assert_eq!(bad.scheme, Scheme::Dark);
        assert_eq!(bad.max_text_width, MAX_TEXT_WIDTH);
    }

    #[test]
    fn the_handout_settings_are_read_and_bad_values_named() {
        let default = Config::parse("config.toml", "").handout_options();
        assert_eq!(default.format, HandoutFormat::Markdown);
        assert!(!default.with_notes, "no notes unless asked for");
        let config = Config::parse(
            "config.toml",
            "lang = \"ar\"\nhandout_format = \"html\"\nhandout_notes = true\n",
        );
        assert!(config.warnings.is_empty(), "{:?}", config.warnings);
        let options = config.handout_options();
        assert_eq!(options.format, HandoutFormat::Html);
        assert!(options.with_notes);
        assert_eq!(options.lang, Lang::Ar);
        let bad = Config::parse("config.toml", "handout_format = \"pdf\"\nhandout_notes = 1\n");
        assert_eq!(
            bad.warnings,
            [
                ConfigWarning::BadValue("config.toml".into(), "handout_format = \"pdf\"".into()),
                ConfigWarning::BadValue("config.toml".into(), "handout_notes = 1".into()),
            ]
        );
        assert_eq!(bad.handout_options().format, HandoutFormat::Markdown);
    }

    #[test]
    fn the_presentation_settings_are_read_and_bad_values_named() {
        let default = Config::parse("config.toml", "");
        assert_eq!(default.present.arrows, Arrows::Clicker, "clickers send → for next");
        assert!(!default.present.notes_on_screen, "notes are the speaker's unless asked");
        let config = Config::parse(
            "config.toml",
            "present_arrows = \"reading\"\npresent_notes_on_screen = true\n",
        );
        assert!(config.warnings.is_empty(), "{:?}", config.warnings);
        assert_eq!(config.present.arrows, Arrows::Reading);
        assert!(config.present.notes_on_screen);
        let bad = Config::parse("config.toml", "present_arrows = \"left\"\n");
        assert_eq!(
            bad.warnings,
            [ConfigWarning::BadValue("config.toml".into(), "present_arrows = \"left\"".into())]
        );
    }

    #[test]
    fn a_missing_file_is_no_error() {
        let config = Config::load_from(Path::new("/nonexistent/basira/config.toml"));
        assert!(config.warnings.is_empty());
    }
}
