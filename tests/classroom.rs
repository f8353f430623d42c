//! In the classroom and offline, on ratatui's TestBackend: presentation mode, bookmarks and
//! notes through a restart, the reading position and the open article remembered, and the
//! interface in Arabic and in English.

use std::sync::Arc;

use basira::analysis::{Analysis, ThemeSource};
use basira::corpus::Corpus;
use basira::lang::Lang;
use basira::layout::{LayoutOptions, layout_paragraph};
use basira::state::store::Store;
use basira::text::Direction;
use basira::ui::app::App;
use basira::ui::config::Config;
use basira::ui::effect::Effect;
use basira::ui::keymap::parse_keys;
use basira::ui::presentation::SlideKind;
use basira::ui::{render, screen_text};

fn reader_with(config: Config, width: u16, height: u16) -> App {
    let corpus = Corpus::builtin();
    let analysis = Analysis::new(&corpus, &ThemeSource::default_for(&corpus));
    let mut app = App::new(Arc::new(corpus), LayoutOptions::default(), config, width, height);
    app.set_analysis(Arc::new(analysis));
    app
}

fn reader(width: u16, height: u16) -> App {
    reader_with(Config::default(), width, height)
}

fn press(app: &mut App, keys: &str) {
    for key in parse_keys(keys).unwrap() {
        app.handle_key(key);
    }
}

fn screen(app: &App, width: u16, height: u16) -> String {
    screen_text(&render(app, width, height))
}

/// A text as the reader draws it on one line: shaped, in visual order.
fn drawn(text: &str) -> String {
    layout_paragraph(text, Direction::Rtl, 200, &LayoutOptions::default()).lines[0]
        .text()
        .to_string()
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn presenting_steps_through_the_key_points_and_esc_leaves_where_it_was() {
    let mut app = reader(80, 24);
    press(&mut app, "jjjj");
    let before = screen(&app, 80, 24);
    press(&mut app, "p");
    let p = app.scene().mode.presentation().expect("presenting");
    let count = p.slides().len();
    assert_eq!(p.slide().kind, SlideKind::Title);
    let first = screen(&app, 80, 24);
    assert!(first.contains(&format!("1/{count}")), "{first}");
    assert!(first.contains("key points"));
    press(&mut app, "<Space><PageDown><Enter><Right>");
    assert_eq!(
        app.scene().mode.presentation().unwrap().index(),
        4,
        "Space, PgDn, Enter, → go forward (as a clicker sends them), in an Arabic article too"
    );
    press(&mut app, "<Left><BS><PageUp>");
    assert_eq!(app.scene().mode.presentation().unwrap().index(), 1, "←, Backspace, PgUp go back");
    // The key point on screen, centred: its first line is drawn away from both edges.
    let slide = app.scene().mode.presentation().unwrap().slide().clone();
    assert_eq!(slide.kind, SlideKind::Point);
    let (document, paragraph) = slide.place().unwrap();
    let sentence =
        &app.scene().corpus.documents[document].paragraphs[paragraph].text[slide.range.clone()];
    let shown = screen(&app, 80, 24);
    let first_word = sentence.split_whitespace().next().unwrap();
    assert!(shown.contains(&drawn(first_word)), "{shown}");
    press(&mut app, "G");
    assert!(screen(&app, 80, 24).contains(&format!("{count}/{count}")));
    press(&mut app, "2<Enter>");
    assert_eq!(app.scene().mode.presentation().unwrap().index(), 1);
    press(&mut app, "<Esc>");
    assert!(app.scene().mode.presentation().is_none());
    assert_eq!(screen(&app, 80, 24), before, "Esc leaves at the same place");
}

#[test]
fn a_theme_is_presented_passage_by_passage_across_articles() {
    let mut app = reader(160, 45);
    press(&mut app, "t<Enter>p");
    let theme = app.scene().analysis.unwrap().themes[0].clone();
    let p = app.scene().mode.presentation().unwrap();
    assert_eq!(p.slide().kind, SlideKind::Theme);
    assert_eq!(p.slides().len(), theme.passages.len() + 2, "its label, its passages, the end");
    assert!(screen(&app, 160, 45).contains(&drawn(&theme.label)));
    let mut documents = Vec::new();
    for _ in 0..theme.passages.len() {
        press(&mut app, "<Space>");
        if let Some((document, _)) = app.scene().mode.presentation().unwrap().slide().place() {
            documents.push(document);
        }
    }
    documents.dedup();
    assert_eq!(documents.len(), theme.article_count(), "every article of the theme");
}

#[test]
fn speaker_notes_stay_off_the_audience_screen_unless_the_setting_allows_them() {
    for allowed in [false, true] {
        let config = Config::parse(
            "config.toml",
            &format!("lang = \"en\"\npresent_notes_on_screen = {allowed}\n"),
        );
        let mut app = reader_with(config, 100, 30);
        // A note on the paragraph of the first key point, then present and step to it.
        press(&mut app, "p<Space>");
        let (document, paragraph) =
            app.scene().mode.presentation().unwrap().slide().place().unwrap();
        press(&mut app, "<Esc>");
        assert_eq!(document, 0);
        while app.scene().paragraph() < paragraph {
            press(&mut app, "}");
        }
        assert_eq!(app.scene().paragraph(), paragraph);
        press(&mut app, "aاسأل القاعة عن أمثلة<Enter>");
        press(&mut app, "p<Space>");
        let slide = app.scene().mode.presentation().unwrap().slide().clone();
        assert_eq!(slide.note.as_deref(), Some("اسأل القاعة عن أمثلة"), "the slide carries it");
        assert!(!screen(&app, 100, 30).contains(&drawn("أمثلة")), "hidden until asked for");
        press(&mut app, "s");
        let shown = screen(&app, 100, 30);
        assert_eq!(shown.contains(&drawn("أمثلة")), allowed, "{shown}");
        assert_eq!(shown.contains("speaker view"), !allowed, "s says where the notes are: {shown}");
    }
}

#[test]
fn bookmarks_notes_and_the_place_survive_a_restart() {
    let dir = scratch("classroom-state");
    let store = Store::in_dir(&dir);
    let mut app = reader(100, 30);
    press(&mut app, ".");
    press(&mut app, "}}m");
    let first = (app.scene().document_index(), app.scene().paragraph());
    press(&mut app, "}}}a");
    press(&mut app, "ملاحظة عن المنصات<Enter>");
    let second = (app.scene().document_index(), app.scene().paragraph());
    assert_eq!(
        app.take_effects(),
        [Effect::SaveState],
        "the bookmark and the note are saved at once"
    );
    assert!(app.take_effects().is_empty());
    press(&mut app, "jjjjjjj");
    let before = screen(&app, 100, 30);
    store.save(&app.state()).unwrap();

    // A new run: it opens where the last one ended, with its bookmarks and note.
    let mut again = reader(100, 30);
    let loaded = store.load();
    assert!(loaded.warning.is_none());
    again.remember(loaded.state);
    assert_eq!(again.scene().document_index(), 1, "the last article reopens");
    assert_eq!(screen(&again, 100, 30), before, "at the same place");
    let marks = again.scene().bookmarks();
    assert_eq!(marks.len(), 2);
    assert_eq!((marks[0].document, marks[0].paragraph), first);
    assert_eq!((marks[1].document, marks[1].paragraph), second);
    assert_eq!(marks[1].note.as_deref(), Some("ملاحظة عن المنصات"));
    // The list of bookmarks shows the note, and Enter goes there; Backspace comes back.
    press(&mut again, ",M");
    let list = screen(&again, 100, 30);
    assert!(list.contains(&drawn("المنصات")), "{list}");
    press(&mut again, "j<Enter>");
    assert_eq!((again.scene().document_index(), again.scene().paragraph()), second);
    press(&mut again, "<BS>");
    assert_eq!(again.scene().document_index(), 0);
}

#[test]
fn a_renamed_file_keeps_its_notes() {
    let dir = scratch("classroom-rename");
    let text = "عنوان المقالة\n\nالفقرة الأولى من النص.\n\nالفقرة الثانية من النص.\n";
    let open = |name: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        Corpus::open(&[path]).unwrap()
    };
    let corpus = open("before.txt");
    let mut app = App::new(Arc::new(corpus), LayoutOptions::default(), Config::default(), 80, 24);
    press(&mut app, "}aتذكير<Enter>");
    let state = app.state();
    let corpus = open("after.txt");
    let mut again = App::new(Arc::new(corpus), LayoutOptions::default(), Config::default(), 80, 24);
    again.remember(state);
    assert_eq!(again.scene().bookmarks()[0].note.as_deref(), Some("تذكير"));
}

#[test]
fn the_interface_speaks_arabic_mirrored_and_english() {
    let arabic = Config { lang: Some(Lang::Ar), ..Config::default() };
    for (w, h) in [(80, 24), (160, 45)] {
        let app = reader_with(Config { lang: Some(Lang::Ar), ..Config::default() }, w, h);
        let s = screen(&app, w, h);
        let status = s.lines().last().unwrap();
        assert!(status.contains(&drawn("المقالة")), "{w}x{h}: {status}");
        assert!(status.trim_end().ends_with(&drawn("المقالة")), "read from the right: {status}");
        assert!(s.lines().all(|l| unicode_width::UnicodeWidthStr::width(l) <= usize::from(w)));
        let english = reader(w, h);
        let s = screen(&english, w, h);
        assert!(s.lines().last().unwrap().starts_with(" article 1/5"));
    }
    // At 160 columns the panel is on the left in Arabic, on the right in English.
    let app = reader_with(arabic, 160, 45);
    let regions = app.scene().regions;
    assert_eq!(regions.panel.x, 0);
    let s = screen(&app, 160, 45);
    assert!(s.lines().nth(1).unwrap().contains(&drawn("النقاط الرئيسية")));
    let english = reader(160, 45);
    let right = english.scene().regions;
    assert!(right.panel.x > right.article.x && right.panel.right() == 160);
    // The help and a message in Arabic.
    let mut app = reader_with(Config { lang: Some(Lang::Ar), ..Config::default() }, 100, 45);
    press(&mut app, "?");
    assert!(screen(&app, 100, 45).contains(&drawn("المفاتيح")));
    press(&mut app, "<Esc>,");
    assert!(screen(&app, 100, 45).contains(&drawn("هذه أول مقالة.")));
}

#[test]
fn colour_schemes_and_ascii_frames() {
    use basira::ui::palette::Scheme;
    let mono = Config { scheme: Scheme::Mono, ascii: true, ..Config::default() };
    let mut app = reader_with(mono, 160, 45);
    press(&mut app, "/تلجرام<Enter>");
    let buffer = render(&app, 160, 45);
    let coloured = buffer.content().iter().any(|c| {
        !matches!(c.fg, ratatui::style::Color::Reset)
            || !matches!(c.bg, ratatui::style::Color::Reset)
    });
    assert!(!coloured, "monochrome draws no colour");
    let s = screen_text(&buffer);
    assert!(s.contains('|') && !s.contains('│'), "ASCII frames");
}

#[test]
fn the_handout_key_asks_the_event_loop_and_the_reader_writes_nothing_itself() {
    // Were the reader to write the handout, it would be in the current folder.
    let handout = std::env::current_dir().unwrap().join("basira-handout.md");
    let written = || std::fs::metadata(&handout).and_then(|m| m.modified()).ok();
    let before = written();
    let mut app = reader(100, 30);
    press(&mut app, "m");
    assert_eq!(app.take_effects(), [Effect::SaveState]);
    press(&mut app, "ee");
    assert_eq!(app.take_effects(), [Effect::WriteHandout], "asked for once, however often pressed");
    assert_eq!(written(), before, "the reader itself wrote no file");
    // Before the analysis is there the key says so and asks for nothing.
    let corpus = Corpus::builtin();
    let mut reading =
        App::new(Arc::new(corpus), LayoutOptions::default(), Config::default(), 80, 24);
    press(&mut reading, "e");
    assert!(reading.take_effects().is_empty());
    assert!(screen(&reading, 80, 24).contains("Still reading"), "{}", screen(&reading, 80, 24));
}
