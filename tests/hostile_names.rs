//! Text that is not an article's and that nobody checked: file names, the warnings that name
//! skipped files, theme labels from a theme file, config values, notes in the state file, and
//! text typed in the status line. Whatever they carry — line and paragraph separators (U+2028,
//! U+2029), escape sequences, C0 and C1 controls, bidi embeddings, overrides and isolates —
//! the reader and the commands send none of it to the terminal, and each shows on its one
//! line, in its own order, with the separators as spaces.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;
use std::time::Duration;

use basira::analysis::{Analysis, ThemeSource};
use basira::corpus::Corpus;
use basira::layout::{LayoutOptions, layout_paragraph};
use basira::state::store::Store;
use basira::state::{ArticleState, Bookmark, ReaderState, article_key};
use basira::text::Direction;
use basira::ui::app::App;
use basira::ui::config::Config;
use basira::ui::keymap::{Key, parse_keys};
use basira::ui::{render, screen_text};

/// A name with a line separator in it: it must show as «سطر ثان», on one line.
const SEPARATED: &str = "سطر\u{2028}ثان";

/// A name with everything a terminal must not see: an OSC sequence that sets the window's
/// title, a BEL, a paragraph separator, a C1 CSI and a right-to-left override.
const NASTY: &str = "x\u{1b}]0;pwned\u{7}y\u{2029}z\u{9b}31m\u{202e}w";

/// What must never be sent to a terminal: controls (C0 but the newline that ends a row of
/// output, DEL, C1), line and paragraph separators, bidi embeddings, overrides and isolates,
/// and interlinear annotation characters.
fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(
            c,
            '\u{2028}'
                | '\u{2029}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{fff9}'..='\u{fffb}'
        )
}

/// Assert that `text`, sent to a terminal, holds nothing forbidden.
fn assert_sends_nothing_forbidden(what: &str, text: &str) {
    let bad: Vec<char> = text.chars().filter(|&c| is_forbidden(c)).collect();
    assert!(bad.is_empty(), "{what}: sent {bad:?}\n{text}");
}

/// Assert that `text`, shown to the reader, holds nothing forbidden, and no trace of the OSC
/// sequence of [`NASTY`] (an escape sequence goes whole, not just its ESC).
fn assert_clean(what: &str, text: &str) {
    assert_sends_nothing_forbidden(what, text);
    assert!(!text.contains("pwned"), "{what}: the OSC sequence was shown\n{text}");
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `basira ARGS` run in `dir`, with its cache and state there too.
fn basira(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_basira"))
        .args(args)
        .current_dir(dir)
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .env("XDG_STATE_HOME", dir.join("state"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .output()
        .expect("basira runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// A text as the engine draws it on one line: shaped, in visual order.
fn drawn(text: &str) -> String {
    layout_paragraph(text, Direction::Rtl, 200, &LayoutOptions::default()).lines[0]
        .text()
        .to_string()
}

/// A folder with an article, a file whose title is its name (it has no text of its own
/// besides a copyright line) called [`SEPARATED`], and a binary file called [`NASTY`].
fn hostile_folder(name: &str) -> PathBuf {
    let dir = scratch(name);
    let folder = dir.join("a");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("a.txt"), "العنوان\n\nفقرة أولى فيها كلام عن تلجرام.\n").unwrap();
    std::fs::write(folder.join(format!("{SEPARATED}.txt")), "© 2024\n").unwrap();
    std::fs::write(folder.join(format!("{NASTY}.txt")), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    folder
}

#[test]
fn a_file_name_with_a_line_separator_shows_on_one_line_in_the_article_list() {
    let folder = hostile_folder("names-list");
    let path = folder.to_str().unwrap();
    let out =
        basira(folder.parent().unwrap(), &["snapshot", "--size", "100x30", "--keys", "o", path]);
    assert!(out.status.success(), "{}", stderr(&out));
    let screen = stdout(&out);
    assert_clean("the article list", &screen);
    assert_eq!(screen.lines().count(), 30, "30 rows, none split\n{screen}");
    let name = drawn("سطر ثان");
    assert!(screen.lines().any(|row| row.contains(&name)), "{name:?} on one row\n{screen}");
    // The file's name is its title in the top bar too.
    let out =
        basira(folder.parent().unwrap(), &["snapshot", "--size", "100x30", "--keys", ".", path]);
    let screen = stdout(&out);
    assert_clean("the top bar", &screen);
    assert!(screen.lines().next().unwrap().contains(&name), "{screen}");
}

#[test]
fn a_skipped_file_is_named_without_its_controls_on_screen_and_on_stderr() {
    let folder = hostile_folder("names-skipped");
    // Opened by its relative name, so the line fits however deep the checkout lies.
    let out =
        basira(folder.parent().unwrap(), &["snapshot", "--size", "100x30", "--keys", "W", "a"]);
    let screen = stdout(&out);
    assert_clean("the list of skipped files", &screen);
    assert!(
        screen.contains("this is a binary file, not text; skipped"),
        "the override does not turn the rest of the warning round\n{screen}"
    );
    let warning = stderr(&out);
    assert_clean("the warning on stderr", &warning);
    assert!(warning.contains("xy z\u{fffd}31mw.txt: this is a binary file"), "{warning}");
    assert_eq!(warning.lines().count(), 1, "{warning}");
}

#[test]
fn an_error_names_a_path_given_without_its_controls() {
    let dir = scratch("names-missing");
    let missing = dir.join(format!("{NASTY}{SEPARATED}.txt"));
    let out = basira(&dir, &["cat", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let error = stderr(&out);
    assert_clean("the error", &error);
    assert!(error.contains("سطر ثان.txt: no such file or folder"), "{error}");
}

#[test]
fn a_usage_error_quotes_an_argument_without_its_controls() {
    let dir = scratch("names-usage");
    let out = basira(&dir, &["--lang", &format!("ar{SEPARATED}{NASTY}")]);
    assert_eq!(out.status.code(), Some(2));
    let error = stderr(&out);
    assert_clean("the usage error", &error);
    assert!(error.contains("invalid value 'arسطر ثانxy z"), "{error}");
}

/// A theme file whose labels carry separators, escape sequences, C1 controls and overrides;
/// its terms are in the built-in articles.
fn hostile_theme_file(dir: &Path) -> PathBuf {
    let file = dir.join("themes.toml");
    let toml = concat!(
        "[[theme]]\n",
        "id = \"tg\\u2028x\"\n",
        "label = \"تلجرام\\u2028والمنصات \\u001b[2J\\u009b31m\\u202eمقلوب\"\n",
        "label_en = \"Tele\\u2029gram \\u001b]0;pwned\\u0007\\u2066iso\"\n",
        "terms = [\"تلجرام\", \"تيليجرام\"]\n",
    );
    std::fs::write(&file, toml).unwrap();
    file
}

#[test]
fn theme_labels_from_a_theme_file_reach_no_terminal_as_controls() {
    let dir = scratch("names-themes");
    let file = hostile_theme_file(&dir);
    let themes = file.to_str().unwrap();
    for keys in ["t", "t<Enter>", "t<Enter>p"] {
        let out =
            basira(&dir, &["snapshot", "--size", "100x30", "--keys", keys, "--themes", themes]);
        assert!(out.status.success(), "{}", stderr(&out));
        let screen = stdout(&out);
        assert_clean(keys, &screen);
        assert!(screen.contains(&drawn("تلجرام والمنصات")), "{keys}: the label\n{screen}");
    }
    let out = basira(
        &dir,
        &["snapshot", "--size", "160x45", "--keys", "t<Enter><Tab>lll", "--themes", themes],
    );
    let panel = stdout(&out);
    assert_clean("the panel's themes", &panel);
    assert!(panel.contains(&drawn("تلجرام والمنصات")), "the label in the panel\n{panel}");
    let out = basira(&dir, &["themes", "--themes", themes]);
    let report = stdout(&out);
    assert_clean("basira themes", &report);
    assert!(report.contains("Tele gram"), "{report}");
    let out = basira(&dir, &["export", "--themes", themes]);
    assert_clean("the Markdown handout", &stdout(&out));
}

#[test]
fn json_keeps_every_label_as_written_and_sends_no_control() {
    let dir = scratch("names-json");
    let file = hostile_theme_file(&dir);
    let themes = file.to_str().unwrap();
    for args in [
        vec!["themes", "--json", "--themes", themes],
        vec!["export", "--format", "json", "--themes", themes],
    ] {
        let out = basira(&dir, &args);
        let json = stdout(&out);
        assert_sends_nothing_forbidden(args[0], &json);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let theme = match args[0] {
            "themes" => &value["themes"][0],
            _ => value["articles"]
                .as_array()
                .unwrap()
                .iter()
                .find_map(|article| article["themes"].as_array()?.first())
                .expect("an article with the theme"),
        };
        assert_eq!(theme["id"], "tg\u{2028}x", "{json}");
        assert_eq!(theme["label"], "تلجرام\u{2028}والمنصات \u{1b}[2J\u{9b}31m\u{202e}مقلوب");
        assert_eq!(theme["label_en"], "Tele\u{2029}gram \u{1b}]0;pwned\u{7}\u{2066}iso");
    }
}

/// The built-in articles, read, with a bookmark noted `note` on every paragraph of the first.
fn reader_with_notes(note: &str, config: Config) -> App {
    let corpus = Corpus::builtin();
    let analysis = Analysis::new(&corpus, &ThemeSource::default_for(&corpus));
    let first = &corpus.documents[0];
    let bookmarks = (0..first.paragraphs.len())
        .map(|paragraph| Bookmark {
            paragraph,
            bookmarked: true,
            note: Some(note.to_string()),
            print: None,
        })
        .collect();
    let mut state = ReaderState::default();
    state.articles.insert(article_key(first), ArticleState { bookmarks, ..Default::default() });
    let mut app = App::new(Arc::new(corpus), LayoutOptions::default(), config, 100, 30);
    app.set_analysis(Arc::new(analysis));
    app.remember(state);
    app
}

fn press(app: &mut App, keys: &str) {
    for key in parse_keys(keys).unwrap() {
        app.handle_key(key);
    }
}

/// Type `text` character by character, as a terminal delivers it.
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(Key::ch(c));
    }
}

fn screen(app: &App) -> String {
    screen_text(&render(app, 100, 30))
}

#[test]
fn notes_from_the_state_file_show_on_one_line_and_send_no_control() {
    let note = format!("ملاحظة {SEPARATED} {NASTY}");
    // Notes shown to the audience too, to see that the presentation draws it clean.
    let config = Config::parse("config.toml", "present_notes_on_screen = true\n");
    let mut app = reader_with_notes(&note, config);
    press(&mut app, "M");
    let list = screen(&app);
    assert_clean("the list of bookmarks", &list);
    assert!(list.contains(&drawn("ملاحظة سطر ثان")), "{list}");
    // The speaker note on the first key point.
    press(&mut app, "<Esc>p<Space>s");
    let slide = screen(&app);
    assert_clean("the speaker note", &slide);
    assert!(slide.contains(&drawn("ملاحظة سطر ثان")), "{slide}");
    // The note being edited in the status line.
    press(&mut app, "<Esc>a");
    let editing = screen(&app);
    assert_clean("the note being edited", &editing);
    assert!(editing.lines().last().unwrap().contains(&drawn("ملاحظة سطر ثان")), "{editing}");
}

#[test]
fn text_typed_in_the_status_line_sends_no_control() {
    let mut app = reader_with_notes("", Config::default());
    // Typed one character at a time (a terminal sends no escape as a character, but should
    // one come), no control reaches the screen.
    press(&mut app, "/");
    type_text(&mut app, &format!("abc\u{2028}def {NASTY}"));
    assert_sends_nothing_forbidden("the search typed", &screen(&app));
    // Pasted, as such text comes, the escape sequence goes whole.
    press(&mut app, "<Esc>/");
    type_text(&mut app, "abc\u{2028}def ");
    app.paste(NASTY);
    let typing = screen(&app);
    assert_clean("the search being typed", &typing);
    assert!(typing.lines().last().unwrap().contains("abc def xy z"), "{typing}");
    press(&mut app, "<Enter>");
    let searched = screen(&app);
    assert_clean("the search in the status line", &searched);
}

#[test]
fn config_values_reach_no_terminal_as_controls() {
    // (TOML writes the value back with its C0 controls escaped: those are not at issue here.)
    let text = "colors = \"dark\\u2028\\u202eكلمة\\u2066\"\n[keys]\nquit = \"\\u2028\"\n";
    let config = Config::parse("config.toml", text);
    assert_eq!(config.warnings.len(), 1, "{:?}", config.warnings);
    let mut app = reader_with_notes("", config);
    let status = screen(&app);
    assert_clean("the config warning", &status);
    assert!(status.lines().last().unwrap().contains("config.toml: colors = "), "{status}");
    press(&mut app, "?");
    assert_clean("the help screen", &screen(&app));
}

#[test]
fn the_markdown_handout_names_files_and_notes_without_controls() {
    let folder = hostile_folder("names-handout");
    let dir = folder.parent().unwrap();
    let corpus = Corpus::open(std::slice::from_ref(&folder)).unwrap();
    let named = corpus.documents.iter().find(|d| d.path.contains('\u{2028}')).unwrap();
    let note = format!("{SEPARATED} {NASTY}");
    let mut state = ReaderState::default();
    let bookmarks =
        vec![Bookmark { paragraph: 0, bookmarked: true, note: Some(note.clone()), print: None }];
    state.articles.insert(article_key(named), ArticleState { bookmarks, ..Default::default() });
    Store::in_dir(&dir.join("state").join("basira")).save(&state).unwrap();
    let out = basira(dir, &["export", "--with-notes", folder.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let markdown = stdout(&out);
    assert_clean("the Markdown handout", &markdown);
    assert!(markdown.contains("\n## سطر ثان\n"), "{markdown}");
    assert!(markdown.contains("  > سطر ثان xy z\u{fffd}31mw\n"), "{markdown}");
    let out =
        basira(dir, &["export", "--format", "json", "--with-notes", folder.to_str().unwrap()]);
    let json = stdout(&out);
    assert_sends_nothing_forbidden("the JSON handout", &json);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let article = value["articles"].as_array().unwrap().iter().find(|a| a["title"] == SEPARATED);
    assert_eq!(article.unwrap()["bookmarks"][0]["note"], note.as_str(), "{json}");
}

/// The reader in a pseudo-terminal (util-linux `script`), opening the folder and its list of
/// articles: the bytes sent to the terminal hold no separator and no sequence from a name.
#[test]
fn the_reader_sends_no_separator_from_a_file_name_to_the_terminal() {
    let folder = hostile_folder("names-pty");
    let dir = folder.parent().unwrap();
    let command =
        format!("stty cols 100 rows 30; {} {}", env!("CARGO_BIN_EXE_basira"), folder.display());
    let (cache, state, config) = (dir.join("cache"), dir.join("state"), dir.join("config"));
    let env = [
        ("XDG_CACHE_HOME", cache.as_path()),
        ("XDG_STATE_HOME", state.as_path()),
        ("XDG_CONFIG_HOME", config.as_path()),
    ];
    let keys = [".", "o", "\u{1b}", "W", "\u{1b}", "q"];
    let Some(sent) = common::bytes_sent_in_a_pty(
        &command,
        &dir.join("typescript"),
        &env,
        &keys,
        Duration::from_millis(200),
    ) else {
        return;
    };
    for marker in ["\u{2028}", "\u{2029}", "\u{202e}", "\u{9b}", "]0;pwned", "\u{7}"] {
        assert!(!sent.contains(marker), "{marker:?} reached the terminal");
    }
    assert!(sent.contains(&drawn("سطر ثان")), "the name was drawn, on one line");
}
