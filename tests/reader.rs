//! The reader drawn off-screen (ratatui TestBackend): what a user sees after some keys.

use basira::corpus::{Corpus, Role};
use basira::layout::{LayoutOptions, layout_paragraph};
use std::sync::Arc;

use basira::analysis::ThemeSource;
use basira::ui::app::App;
use basira::ui::config::Config;
use basira::ui::effect::Effect;
use basira::ui::keymap::{BINDINGS, PRESENTATION_BINDINGS, PROMPT_BINDINGS, parse_keys};
use basira::ui::{render, screen_text, snapshot};

fn screen(size: (u16, u16), keys: &str) -> String {
    let corpus = Corpus::builtin();
    let themes = ThemeSource::default_for(&corpus);
    snapshot(corpus, &themes, size, keys, LayoutOptions::default(), Config::default()).unwrap()
}

fn reader(width: u16, height: u16) -> App {
    App::new(
        Arc::new(Corpus::builtin()),
        LayoutOptions::default(),
        Config::default(),
        width,
        height,
    )
}

/// The visual text of the first line of a paragraph of a built-in article at `width`.
fn drawn(document: usize, paragraph: usize, width: u16) -> String {
    let corpus = Corpus::builtin();
    let doc = &corpus.documents[document];
    let layout = layout_paragraph(
        &doc.paragraphs[paragraph].text,
        doc.direction,
        width,
        &LayoutOptions::default(),
    );
    layout.lines[0].text().trim().to_string()
}

/// A row without the margin marks (current paragraph, theme passage) and trailing spaces.
fn unmarked(row: &str) -> &str {
    row.trim_end_matches(['▌', '◆', '┊', ' '])
}

fn status_line(screen: &str) -> &str {
    screen.lines().last().unwrap()
}

#[test]
fn opens_on_the_first_article_with_the_panel_folded_at_80x24() {
    let s = screen((80, 24), "");
    assert_eq!(s.lines().count(), 24);
    assert!(status_line(&s).starts_with(" article 1/5  0%"), "{s}");
    assert!(!s.contains("Outline"), "the panel is folded at 80 columns");
    // The first paragraph's first line, right-aligned in the 76-column text column.
    let first = drawn(0, 0, 76);
    let row = unmarked(s.lines().nth(1).unwrap());
    assert!(row.ends_with(&first), "{row:?} ends with {first:?}");
    assert!(s.lines().all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80));
}

#[test]
fn the_panel_shows_the_outline_beside_the_article_when_wide() {
    let s = screen((160, 45), "h");
    assert!(s.contains("Outline"));
    let corpus = Corpus::builtin();
    let doc = &corpus.documents[0];
    let headings = doc.paragraphs.iter().filter(|p| matches!(p.role, Role::Heading(_))).count();
    assert!(headings >= 4);
    let conclusion = drawn_heading(doc, "خاتمة");
    assert!(s.contains(&conclusion), "the outline lists «خاتمة» as {conclusion:?}");
}

fn drawn_heading(doc: &basira::corpus::Document, heading: &str) -> String {
    let layout = layout_paragraph(heading, doc.direction, 40, &LayoutOptions::default());
    layout.lines[0].text().to_string()
}

#[test]
fn scrolling_and_paging_move_the_position() {
    let bottom = screen((80, 24), "G");
    assert!(status_line(&bottom).starts_with(" article 1/5  100%"));
    let top = screen((80, 24), "Gg");
    assert!(status_line(&top).starts_with(" article 1/5  0%"));
    let paged = screen((80, 24), "<Space>");
    let lined = screen((80, 24), "jjjjjjjjjjjjjjjjjjjjj");
    assert_eq!(paged, lined, "a page is the pane's height less one line");
}

#[test]
fn switching_articles_keeps_each_position() {
    let s = screen((80, 24), ".");
    assert!(status_line(&s).starts_with(" article 2/5"));
    assert!(s.contains(&drawn(1, 0, 76)), "article 2 opens on its byline");
    let back = screen((80, 24), "jjj.,");
    let scrolled = screen((80, 24), "jjj");
    assert_eq!(back, scrolled, "coming back finds the place we left");
    let last = screen((80, 24), "....");
    assert!(status_line(&screen((80, 24), ".....")).contains("This is the last article."));
    assert!(status_line(&last).starts_with(" article 5/5"));
    assert!(status_line(&screen((80, 24), ",")).contains("This is the first article."));
}

#[test]
fn the_article_list_opens_an_article_and_backspace_returns() {
    let list = screen((80, 24), "o");
    assert!(list.contains("Articles"));
    let corpus = Corpus::builtin();
    let title = &corpus.documents[2].title;
    let line =
        layout_paragraph(title, corpus.documents[2].direction, 60, &LayoutOptions::default());
    assert!(list.contains(line.lines[0].text().trim()), "the list shows article 3's title");
    let opened = screen((80, 24), "o<Down><Down><Enter>");
    assert!(status_line(&opened).starts_with(" article 3/5"));
    let back = screen((80, 24), "o<Down><Down><Enter><BS>");
    assert!(status_line(&back).starts_with(" article 1/5"));
}

#[test]
fn outline_jump_and_back() {
    // Tab into the folded panel, back a section to the outline, down to the second heading,
    // Enter: the heading is at the top.
    let s = screen((80, 24), "<Tab>hj<Enter>");
    let corpus = Corpus::builtin();
    let doc = &corpus.documents[0];
    let second_heading = doc
        .paragraphs
        .iter()
        .position(|p| matches!(p.role, Role::Heading(_)))
        .and_then(|first| {
            doc.paragraphs
                .iter()
                .enumerate()
                .skip(first + 1)
                .find(|(_, p)| matches!(p.role, Role::Heading(_)))
        })
        .map(|(i, _)| i)
        .unwrap();
    let heading = drawn(0, second_heading, 76);
    assert!(unmarked(s.lines().nth(1).unwrap()).ends_with(&heading), "{s}");
    let back = screen((80, 24), "<Tab>hj<Enter><C-o>");
    assert_eq!(back, screen((80, 24), ""));
    assert!(status_line(&screen((80, 24), "<BS>")).contains("No earlier place"));
}

#[test]
fn help_lists_every_key_from_the_key_table() {
    let s = screen((110, 45), "?");
    for binding in BINDINGS {
        assert!(s.contains(binding.help), "help shows {:?}", binding.help);
    }
    assert!(s.contains("In presentation mode"));
    assert_eq!(screen((110, 45), "?<Esc>"), screen((110, 45), ""));
}

#[test]
fn help_scrolls_at_80x24_so_that_every_key_can_be_read() {
    let first = screen((80, 24), "?");
    assert!(first.contains("j ↓ more"), "the frame says there is more");
    let pages: Vec<String> =
        (0..4).map(|n| screen((80, 24), &format!("?{}", "<PageDown>".repeat(n)))).collect();
    let helps = BINDINGS.iter().map(|b| b.help);
    let helps = helps.chain(PRESENTATION_BINDINGS.iter().map(|b| b.help));
    for help in helps.chain(PROMPT_BINDINGS.iter().map(|b| b.help)) {
        assert!(pages.iter().any(|page| page.contains(help)), "{help:?} can be read");
    }
    assert!(
        pages
            .iter()
            .flat_map(|page| page.lines())
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80)
    );
}

#[test]
fn quit_is_reached_by_q() {
    let mut app = reader(80, 24);
    assert!(!app.should_quit());
    for key in parse_keys("q").unwrap() {
        app.handle_key(key);
    }
    assert!(app.should_quit());
    assert_eq!(app.take_effects(), [Effect::Quit], "the event loop is asked to quit");
}

#[test]
fn any_size_draws_without_panic_and_inside_the_screen() {
    let mut app = reader(80, 24);
    for key in parse_keys("jjjj.").unwrap() {
        app.handle_key(key);
    }
    let sizes = (0..=30u16).flat_map(|w| (0..=12u16).map(move |h| (w, h)));
    for (w, h) in sizes.chain([(1, 1), (200, 60), (300, 100), (79, 24), (100, 1)]) {
        app.resize(w, h);
        let buffer = render(&app, w, h);
        let text = screen_text(&buffer);
        assert_eq!(text.lines().count(), usize::from(h));
    }
    // Back to a normal size: the reading position survived the storm.
    app.resize(80, 24);
    assert!(screen_text(&render(&app, 80, 24)).contains("article 2/5"));
    // A filtered list of 299, paged, at every small size.
    let mut app = news_reader(80, 24);
    for key in parse_keys("o<PageDown>/ال<Down>").unwrap() {
        app.handle_key(key);
    }
    for (w, h) in (0..=30u16).flat_map(|w| (0..=12u16).map(move |h| (w, h))) {
        app.resize(w, h);
        assert_eq!(screen_text(&render(&app, w, h)).lines().count(), usize::from(h));
    }
}

#[test]
fn a_bookmark_past_its_articles_end_is_listed_under_w_and_kept() {
    // A state file edited by hand: a note on paragraph 999 of a shorter article, beside a
    // good one.
    use basira::state::{ArticleState, Bookmark, ReaderState, article_key};
    let corpus = Corpus::builtin();
    let first = &corpus.documents[0];
    let body = first.paragraphs.iter().rposition(|p| p.role == Role::Body).unwrap();
    let bookmarks = vec![
        Bookmark {
            paragraph: body,
            bookmarked: true,
            note: Some("ملاحظة صحيحة".to_string()),
            print: None,
        },
        Bookmark {
            paragraph: 999,
            bookmarked: true,
            note: Some("ملاحظة بعيدة".to_string()),
            print: None,
        },
    ];
    let mut state = ReaderState::default();
    state.articles.insert(article_key(first), ArticleState { bookmarks, ..Default::default() });
    let mut app = App::new(Arc::new(corpus), LayoutOptions::default(), Config::default(), 100, 30);
    app.remember(state.clone());
    let press = |app: &mut App, keys: &str| {
        for key in parse_keys(keys).unwrap() {
            app.handle_key(key);
        }
    };
    assert!(screen_text(&render(&app, 100, 30)).contains("W shows it"));
    // The list holds the good bookmark only, and going there works.
    press(&mut app, "M");
    assert_eq!(app.scene().bookmarks().len(), 1);
    let listed = screen_text(&render(&app, 100, 30));
    press(&mut app, "<Enter>");
    assert_eq!(app.scene().paragraph(), body, "{listed}");
    // W names the one that could not be placed, with its note.
    press(&mut app, "W");
    let warnings = screen_text(&render(&app, 100, 30));
    assert!(warnings.contains("paragraph 1000"), "{warnings}");
    assert_eq!(app.scene().warnings().len(), 1);
    // And it is still in what is saved.
    let saved = app.state().articles[&article_key(&Corpus::builtin().documents[0])].clone();
    assert!(saved.bookmarks.iter().any(|b| b.paragraph == 999), "{saved:?}");
}

#[test]
fn pasted_text_goes_into_the_prompt_on_one_line_and_is_never_keys() {
    let mut app = reader(100, 30);
    let press = |app: &mut App, keys: &str| {
        for key in parse_keys(keys).unwrap() {
            app.handle_key(key);
        }
    };
    press(&mut app, "}m");
    assert_eq!(app.scene().bookmarks().len(), 1);
    // No prompt: ignored, the bookmark stays and nothing starts.
    app.paste("x\n{mep\n");
    assert_eq!(app.scene().bookmarks().len(), 1);
    assert!(app.scene().mode.presentation().is_none());
    // A note: the paste is its text, line breaks as one space each.
    press(&mut app, "a");
    app.paste("سطر أول\r\n\r\nسطر\tثان");
    press(&mut app, "<Enter>");
    let notes: Vec<Option<String>> = app.scene().bookmarks().into_iter().map(|b| b.note).collect();
    assert_eq!(notes, [Some("سطر أول سطر ثان".to_string())]);
}

#[test]
fn notes_of_an_edited_article_are_found_again_and_a_lost_one_is_listed_under_w() {
    use std::path::PathBuf;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("درس.txt");
    let text = "درس في التاريخ\n\nالفقرة الأولى تتحدث عن المدينة القديمة وأسوارها العالية.\n\n\
                الفقرة الثانية تصف السوق الكبير في وسط المدينة القديمة.\n\n\
                الفقرة الثالثة عن الميناء والسفن التي ترسو فيه كل صباح.\n";
    std::fs::write(&path, text).unwrap();
    let open = || Arc::new(Corpus::open(&[PathBuf::from(&path)]).unwrap());
    let press = |app: &mut App, keys: &str| {
        for key in parse_keys(keys).unwrap() {
            app.handle_key(key);
        }
    };
    // A note on each body paragraph, typed as a user types it.
    let mut app = App::new(open(), LayoutOptions::default(), Config::default(), 100, 30);
    for (paragraph, note) in [(1, "الأسوار"), (2, "السوق"), (3, "الميناء")] {
        while app.scene().paragraph() < paragraph {
            press(&mut app, "}");
        }
        press(&mut app, "a");
        app.paste(note);
        press(&mut app, "<Enter>");
    }
    let state = app.state();

    // The article edited: a comma added in the second paragraph, a new paragraph before the
    // third, whose last words change, and the first rewritten.
    let edited = text
        .replace("تصف السوق", "تصف، السوق")
        .replace("كل صباح", "كل مساء تقريبا")
        .replace("\n\nالفقرة الثالثة", "\n\nفقرة جديدة أضيفت هنا للتوضيح.\n\nالفقرة الثالثة")
        .replace("الفقرة الأولى تتحدث عن المدينة القديمة وأسوارها العالية.", "مقدمة مختلفة.");
    std::fs::write(&path, edited).unwrap();
    let mut app = App::new(open(), LayoutOptions::default(), Config::default(), 100, 30);
    app.remember(state);
    let notes: Vec<(usize, Option<String>)> =
        app.scene().bookmarks().into_iter().map(|b| (b.paragraph, b.note)).collect();
    assert_eq!(notes, [(2, Some("السوق".into())), (4, Some("الميناء".into()))]);
    assert!(screen_text(&render(&app, 100, 30)).contains("W shows it"));
    press(&mut app, "W");
    let warnings = screen_text(&render(&app, 100, 30));
    assert!(warnings.contains("which was edited"), "{warnings}");
    // The lost note is still in what is saved, under the article's old key.
    let saved = app.state();
    assert!(
        saved
            .articles
            .values()
            .flat_map(|a| &a.bookmarks)
            .any(|b| b.note.as_deref() == Some("الأسوار")),
        "{saved:?}"
    );
}

#[test]
fn the_first_article_is_read_while_the_rest_follows_and_nothing_done_meanwhile_is_lost() {
    // The reader starts on article 3 alone, as it does while a folder is being read.
    let whole = Corpus::builtin();
    let third = whole.documents[2].clone();
    let alone = Corpus { documents: vec![third], warnings: Vec::new() };
    let mut app = App::new(Arc::new(alone), LayoutOptions::default(), Config::default(), 100, 30);
    assert!(screen_text(&render(&app, 100, 30)).contains("article 1/1"));
    let press = |app: &mut App, keys: &str| {
        for key in parse_keys(keys).unwrap() {
            app.handle_key(key);
        }
    };
    // Meanwhile the user reads on and writes a note.
    press(&mut app, "}}");
    let paragraph = app.scene().paragraph();
    press(&mut app, "a");
    app.paste("كتبت قبل أن تصل بقية المقالات");
    press(&mut app, "<Enter>");
    press(&mut app, "j");
    let (noted, paragraph) = (paragraph, app.scene().paragraph());
    let top = app.scene().top_row;
    assert!(top > 0);
    let before = screen_text(&render(&app, 100, 30));

    app.take_up_collection(Arc::new(Corpus::builtin()), 2);
    let after = screen_text(&render(&app, 100, 30));
    assert!(after.contains("article 3/5"), "{after}");
    // The same text at the same place, and the note on the same paragraph of article 3.
    assert_eq!(app.scene().paragraph(), paragraph);
    assert_eq!(app.scene().top_row, top);
    let text_rows = |s: &str| s.lines().skip(1).take(20).map(str::to_string).collect::<Vec<_>>();
    assert_eq!(text_rows(&before), text_rows(&after));
    let notes = app.scene().bookmarks();
    assert_eq!(notes.len(), 1);
    assert_eq!((notes[0].document, notes[0].paragraph), (2, noted));
    // And the other articles are there.
    press(&mut app, ".");
    assert!(screen_text(&render(&app, 100, 30)).contains("article 4/5"));
}

#[test]
fn a_large_article_shows_its_opening_first_and_its_notes_when_the_whole_of_it_comes() {
    use basira::state::{ArticleState, Bookmark, Position, ReaderState, article_key};
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("reader-large");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("large.txt");
    let mut text = String::from("مقالة طويلة جدا\n\n");
    for n in 0..4_000 {
        text.push_str(&format!("الفقرة P{n:04} من مقالة طويلة جدا تكفي لشاشات كثيرة.\n\n"));
    }
    std::fs::write(&path, &text).unwrap();
    let paths = [path.clone()];
    let first = Corpus::first_article(&paths, None).unwrap();
    // Only the opening: whole paragraphs, the first of the whole article's.
    assert!(!first.whole);
    let count = first.document.paragraphs.len();
    assert!((100..4_000).contains(&count), "{count} paragraphs");
    let whole = Corpus::open(&paths).unwrap();
    let all = &whole.documents[0].paragraphs;
    assert_eq!(first.document.paragraphs[..], all[..count]);

    let opening = Corpus { documents: vec![first.document], warnings: Vec::new() };
    let mut app = App::new(Arc::new(opening), LayoutOptions::default(), Config::default(), 100, 30);
    app.hold_state();
    assert!(screen_text(&render(&app, 100, 30)).contains("P0000"));
    // A bookmark waits, with a word to say so.
    for key in parse_keys("m").unwrap() {
        app.handle_key(key);
    }
    assert!(screen_text(&render(&app, 100, 30)).contains("Still reading this article"));
    assert!(app.scene().bookmarks().is_empty());
    assert!(app.holds_state());

    // The whole article comes; what the reader remembers of it is placed on it: the place
    // deep inside, and a note past the opening.
    app.take_up_collection(Arc::new(whole.clone()), 0);
    assert!(!app.holds_state());
    let mut state = ReaderState::default();
    let key = article_key(&whole.documents[0]);
    state.articles.insert(
        key.clone(),
        ArticleState {
            position: Position { paragraph: 3_001, line: 0, current: 3_001 },
            bookmarks: vec![Bookmark {
                paragraph: 3_500,
                bookmarked: true,
                note: Some("ملاحظة".into()),
                print: None,
            }],
            ..ArticleState::default()
        },
    );
    state.last_article = Some(key);
    app.remember(state);
    assert!(screen_text(&render(&app, 100, 30)).contains("P3001"));
    assert_eq!(app.scene().bookmarks().len(), 1);
    assert_eq!(app.scene().bookmarks()[0].paragraph, 3_500);
}

#[test]
fn a_long_article_list_pages_reaches_both_ends_and_keeps_its_place_moving_up() {
    let documents = (1..=300)
        .map(|n| {
            let text = format!("# مقالة رقم {n}\n\nفقرة قصيرة في المقالة {n}.\n");
            basira::corpus::parse_document(&format!("{n}.md"), &text, false)
        })
        .collect();
    let corpus = Corpus { documents, warnings: Vec::new() };
    let mut app = App::new(Arc::new(corpus), LayoutOptions::default(), Config::default(), 80, 24);
    let mut press = |keys: &str| {
        for key in parse_keys(keys).unwrap() {
            app.handle_key(key);
        }
        screen_text(&render(&app, 80, 24))
    };
    let numbers = |screen: &str| {
        screen
            .lines()
            .filter_map(|l| l.trim_start_matches(['│', ' ']).split('.').next()?.parse().ok())
            .collect::<Vec<usize>>()
    };
    // Twenty of the 300 show at 80×24.
    assert_eq!(numbers(&press("o")), (1..=20).collect::<Vec<_>>());
    assert_eq!(numbers(&press("<PageDown>")), (21..=40).collect::<Vec<_>>());
    assert_eq!(numbers(&press("G")), (281..=300).collect::<Vec<_>>());
    // Moving up inside the window leaves it where it is.
    assert_eq!(numbers(&press("kkk")), (281..=300).collect::<Vec<_>>());
    assert_eq!(numbers(&press("<PageUp>")), (261..=280).collect::<Vec<_>>());
    assert_eq!(numbers(&press("g")), (1..=20).collect::<Vec<_>>());
    // End, then Enter, opens the last article.
    let opened = press("<End><Enter>");
    assert!(status_line(&opened).starts_with(" article 300/300"), "{opened}");
}

#[test]
fn paging_past_the_end_of_an_article_goes_on_to_the_next() {
    let mut app = reader(80, 24);
    let page = |app: &mut App| {
        for key in parse_keys("<Space>").unwrap() {
            app.handle_key(key);
        }
    };
    page(&mut app);
    assert_eq!(app.scene().document_index(), 0, "a page down in the first article");
    assert!(app.scene().top_row > 0);
    for key in parse_keys("G").unwrap() {
        app.handle_key(key);
    }
    page(&mut app);
    assert_eq!(app.scene().document_index(), 1, "on to the second article");
    assert_eq!(app.scene().top_row, 0, "at its top, never read before");
    // At the end of the last article it says so.
    for key in parse_keys("...G").unwrap() {
        app.handle_key(key);
    }
    page(&mut app);
    assert_eq!(app.scene().document_index(), 4);
    let shown = screen_text(&render(&app, 80, 24));
    assert!(shown.contains("This is the last article."), "{shown}");
}

#[test]
fn a_count_before_a_move_repeats_it_and_only_a_move() {
    let press = |app: &mut App, keys: &str| {
        for key in parse_keys(keys).unwrap() {
            app.handle_key(key);
        }
    };
    let mut one_by_one = reader(80, 24);
    press(&mut one_by_one, "jjjjjjjjjjjj}}}");
    let mut counted = reader(80, 24);
    press(&mut counted, "12j3}");
    assert_eq!(counted.scene().top_row, one_by_one.scene().top_row);
    assert_eq!(counted.scene().paragraph(), one_by_one.scene().paragraph());
    // A count does not repeat what is not a move: the bookmark is set once, not toggled.
    press(&mut counted, "2m");
    assert_eq!(counted.scene().bookmarks().len(), 1);
    // A key that is neither a digit nor bound forgets the count.
    let mut forgotten = reader(80, 24);
    press(&mut forgotten, "5zj");
    assert_eq!(forgotten.scene().top_row, 1);
}

#[test]
fn a_note_is_never_lost_by_a_stray_key_and_u_brings_back_what_was_removed() {
    let press = |app: &mut App, keys: &str| {
        for key in parse_keys(keys).unwrap() {
            app.handle_key(key);
        }
    };
    let status = |app: &App| status_line(&screen_text(&render(app, 100, 30))).to_string();
    let marks = |app: &App| -> Vec<(bool, Option<String>)> {
        app.scene().bookmarks().into_iter().map(|b| (b.bookmarked, b.note)).collect()
    };
    let mut app = reader(100, 30);
    press(&mut app, "}ma");
    app.paste("راجع هذا");
    press(&mut app, "<Enter>");
    let noted = Some("راجع هذا".to_string());
    assert_eq!(marks(&app), [(true, noted.clone())]);
    // `m` takes off the bookmark only.
    press(&mut app, "m");
    assert!(status(&app).contains("Bookmark removed; the note stays."), "{}", status(&app));
    assert_eq!(marks(&app), [(false, noted.clone())]);
    // `D` asks first; any key but `y` keeps the note (and is not read as a command).
    app.take_effects();
    press(&mut app, "D");
    assert!(status(&app).contains("Delete the note on this paragraph?"), "{}", status(&app));
    press(&mut app, "q");
    assert!(!app.take_effects().contains(&Effect::Quit), "the answer is not a command");
    assert!(status(&app).contains("The note is kept."));
    assert_eq!(marks(&app), [(false, noted.clone())]);
    // Emptying the note in its prompt asks too.
    press(&mut app, "a");
    (0..20).for_each(|_| press(&mut app, "<Backspace>"));
    press(&mut app, "<Enter>");
    assert!(status(&app).contains("Delete the note on this paragraph?"));
    press(&mut app, "y");
    assert!(status(&app).contains("Note deleted: u brings it back."), "{}", status(&app));
    assert!(marks(&app).is_empty());
    // Undo, last removal first, back at its paragraph from anywhere.
    press(&mut app, "...u");
    assert!(status(&app).contains("Undone: the note is back."));
    assert_eq!(app.scene().document_index(), 0);
    press(&mut app, "u");
    assert_eq!(marks(&app), [(true, noted)]);
    press(&mut app, "u");
    assert!(status(&app).contains("Nothing to undo."));
}

/// A reader on the 299 news articles of `tests/data/ant300/` (headline and first paragraph).
fn news_reader(width: u16, height: u16) -> App {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ant300");
    let corpus = Corpus::open(&[folder]).unwrap();
    assert_eq!(corpus.documents.len(), 299);
    App::new(Arc::new(corpus), LayoutOptions::default(), Config::default(), width, height)
}

#[test]
fn a_filtered_list_of_300_narrows_as_typed_moves_among_what_it_shows_and_opens_it() {
    let mut app = news_reader(80, 24);
    let press = |app: &mut App, keys: &str| {
        for key in parse_keys(keys).unwrap() {
            app.handle_key(key);
        }
        (screen_text(&render(app, 80, 24)), app.scene().document_index())
    };
    let numbers = |screen: &str| {
        screen
            .lines()
            .filter_map(|l| l.trim_start_matches(['│', ' ']).split('.').next()?.parse().ok())
            .collect::<Vec<usize>>()
    };
    // Typed with a heh for the ta marbuta, the filter finds every «السعودية»; j and k are
    // typed into it, not moves.
    let (typing, _) = press(&mut app, "o/السعوديه");
    assert_eq!(numbers(&typing), [6, 7, 8, 14, 87, 119, 121, 124, 159, 210, 221]);
    assert!(typing.contains("11 of 299"), "{typing}");
    // The arrows move while typing; Enter keeps the filter, then Enter opens.
    let (_, open) = press(&mut app, "<Down><Down><Enter><Down><Enter>");
    assert_eq!(open, 14 - 1, "the fourth of those shown");
    let title = &app.scene().document().title;
    assert!(title.contains("السعودية"), "{title}");
    // The list opens unfiltered, at the article open; a filter given up while typed goes
    // back to the item selected when it was opened, one kept and given up stays where it is.
    let (list, _) = press(&mut app, "o");
    assert!(!list.contains("Filter"), "{list}");
    let (_, open) = press(&mut app, "/ترامب<Down><Esc><Enter>");
    assert_eq!(open, 14 - 1, "Esc gave the filter up; Enter chose the article open");
    let (_, open) = press(&mut app, "o/ترامب<Enter><Down><Esc><Enter>");
    assert!(open > 14 && app.scene().document().title.contains("ترامب"), "{open}");
    // A filter that lets nothing through says so, and Enter chooses nothing.
    let (nothing, _) = press(&mut app, "o/zzzq<Enter><Enter>");
    assert!(nothing.contains("Nothing here holds «zzzq»"), "{nothing}");
    assert!(app.scene().mode.overlay().is_some(), "still open");
    // Esc gives the kept filter up, a second Esc closes the list.
    press(&mut app, "<Esc>");
    assert!(app.scene().mode.overlay().is_some());
    press(&mut app, "<Esc>");
    assert!(app.scene().mode.overlay().is_none());
    // Pasted text goes into a filter line.
    press(&mut app, "o/");
    app.paste("دونالد\nترامب");
    let shown = screen_text(&render(&app, 80, 24));
    assert!(shown.contains(" of 299"), "{shown}");
    let Some(basira::ui::overlay::Overlay::Articles(list)) = app.scene().mode.overlay() else {
        panic!("the articles list");
    };
    assert_eq!(list.filter().unwrap().text(), "دونالد ترامب");
}

#[test]
fn the_side_panel_pages_like_a_list_and_marks_what_lies_above_and_below() {
    let mut app = reader(120, 20);
    app.set_analysis(Arc::new(basira::analysis::Analysis::new(
        &Corpus::builtin(),
        &ThemeSource::default_for(&Corpus::builtin()),
    )));
    let press = |app: &mut App, keys: &str| {
        for key in parse_keys(keys).unwrap() {
            app.handle_key(key);
        }
        screen_text(&render(app, 120, 20))
    };
    let items = |app: &App| app.scene().panel.items().len();
    let first = press(&mut app, "<Tab>");
    let count = items(&app);
    assert!(count > 5, "enough key points to page: {count}");
    // Two key points show whole and the start of a third: the rest lie below.
    assert!(first.contains(&format!("▼ {} below", count - 2)), "{first}");
    assert!(!first.contains("above"));
    // A page down moves by the items a page shows (three start in it); the article does
    // not scroll.
    let paged = press(&mut app, "<Space>");
    assert_eq!(app.scene().panel.selected(), 3);
    assert_eq!(app.scene().top_row, 0);
    assert!(paged.contains("above") && paged.contains("below"), "{paged}");
    let end = press(&mut app, "G");
    assert_eq!(app.scene().panel.selected(), count - 1);
    assert!(end.contains("▲") && !end.contains("below"), "{end}");
    press(&mut app, "<PageUp>g");
    assert_eq!(app.scene().panel.selected(), 0);
    // Without the focus, the keys are the article's again.
    press(&mut app, "<Tab><Space>");
    assert!(app.scene().top_row > 0);
}

#[test]
fn the_themes_and_bookmarks_lists_filter_by_what_their_rows_say() {
    let corpus = Corpus::builtin();
    let analysis =
        Arc::new(basira::analysis::Analysis::new(&corpus, &ThemeSource::default_for(&corpus)));
    let followed = |keys: &str| {
        let mut app = reader(100, 30);
        app.set_analysis(Arc::clone(&analysis));
        for key in parse_keys(keys).unwrap() {
            app.handle_key(key);
        }
        let theme = app.scene().active_theme().map(|t| analysis.themes[t.index].label.clone());
        (theme, screen_text(&render(&app, 100, 30)))
    };
    // Themes: by the Arabic label whatever its hamza, or by the English one.
    let (theme, _) = followed("t/الذكاء الاصطناعى<Enter><Enter>");
    assert_eq!(theme.as_deref(), Some("التكنولوجيا والذكاء الاصطناعي"));
    let (theme, _) = followed("t/cooperation<Enter><Enter>");
    assert_eq!(theme.as_deref(), Some("التعاون الدولي"));
    let (_, list) = followed("t/recruitment");
    let all = analysis.themes.len() + 1;
    assert!(list.contains(&format!("1 of {all}")), "{list}");
    // Bookmarks: by the note as well as by the paragraph's text.
    let mut app = reader(100, 30);
    for key in parse_keys("}}m}}}aللمراجعة<Space>غداً<Enter>..}}mM/مراجعه<Enter><Enter>").unwrap()
    {
        app.handle_key(key);
    }
    let bookmarks = app.scene().bookmarks();
    assert_eq!(bookmarks.len(), 3, "two bookmarks in article 1 (one with the note), one in 3");
    let noted = bookmarks.iter().find(|b| b.note.is_some()).unwrap();
    assert_ne!(noted.paragraph, bookmarks[0].paragraph, "not the first in the list");
    assert!(app.scene().mode.overlay().is_none());
    assert_eq!((app.scene().document_index(), app.scene().paragraph()), (0, noted.paragraph));
}

#[test]
fn a_deck_is_built_from_anywhere_reordered_and_kept_in_the_state() {
    let press = |app: &mut App, keys: &str| {
        for key in parse_keys(keys).unwrap() {
            app.handle_key(key);
        }
    };
    let status = |app: &App| status_line(&screen_text(&render(app, 100, 30))).to_string();
    let places = |app: &App| -> Vec<(Option<usize>, usize, bool)> {
        let (_, entries) = app.scene().deck();
        entries.iter().map(|e| (e.document, e.paragraph, e.range.is_some())).collect()
    };
    let mut app = reader(100, 30);
    let corpus = Corpus::builtin();
    let themes = ThemeSource::default_for(&corpus);
    app.set_analysis(Arc::new(basira::analysis::Analysis::new(&corpus, &themes)));
    press(&mut app, "P");
    assert!(status(&app).contains("No deck yet"), "{}", status(&app));
    // A paragraph, then a key point from the panel (its sentence), then a bookmark's paragraph
    // of the second article from the bookmarks list.
    press(&mut app, "}}+");
    assert!(status(&app).contains("Added to «Deck 1» (1 places)"), "{}", status(&app));
    press(&mut app, "<Tab>+<Esc>");
    press(&mut app, ".}m");
    press(&mut app, "M+<Esc>");
    let built = places(&app);
    assert_eq!(built.len(), 3, "{built:?}");
    assert_eq!((built[1].2, built[2].0), (true, Some(1)), "a sentence; the second article");
    press(&mut app, "+");
    assert!(status(&app).contains("has this place already"));
    // In its list: the last moved to the top, the middle one removed, then brought back.
    press(&mut app, "PGKK");
    assert_eq!(places(&app)[0], built[2]);
    press(&mut app, "jd");
    assert_eq!(places(&app), [built[2], built[1]]);
    press(&mut app, "<Esc>u");
    assert!(status(&app).contains("Undone: the place is back"));
    assert_eq!(places(&app), [built[2], built[0], built[1]]);
    // Kept in the state, by article key and paragraph print, beside the bookmarks.
    let state = app.state();
    assert_eq!(state.decks.len(), 1);
    assert!(state.decks[0].items.iter().all(|i| i.print.is_some()));
    // A second deck, named as typed; Tab in the list goes round the decks.
    press(&mut app, "C<C-u>");
    app.paste("جلسة الثلاثاء");
    press(&mut app, "<Enter>");
    assert!(status(&app).contains("made: + adds the place"), "{}", status(&app));
    assert_eq!(app.state().decks[1].name, "جلسة الثلاثاء");
    press(&mut app, "+P");
    assert_eq!(app.scene().deck().0, "جلسة الثلاثاء");
    press(&mut app, "<Tab>");
    assert_eq!(app.scene().deck().0, "Deck 1");
    // `p` in the list presents the deck: its name first, then its places in order.
    press(&mut app, "p");
    let screen = screen_text(&render(&app, 100, 30));
    assert!(app.scene().mode.presentation().is_some());
    assert!(screen.contains("Deck 1") && screen.contains("1/5"), "{screen}");
}

#[test]
fn the_list_of_hits_jumps_to_the_one_chosen_and_adds_its_sentence_to_a_deck() {
    let press = |app: &mut App, keys: &str| {
        for key in parse_keys(keys).unwrap() {
            app.handle_key(key);
        }
    };
    let status = |app: &App| status_line(&screen_text(&render(app, 100, 30))).to_string();
    let mut app = reader(100, 30);
    press(&mut app, "F");
    assert!(status(&app).contains("No search yet"), "{}", status(&app));
    press(&mut app, "/تلجرام<Enter>F<Down><Down>");
    let screen = screen_text(&render(&app, 100, 30));
    assert!(screen.contains("8 hits of"), "{screen}");
    press(&mut app, "+<Enter>");
    assert!(status(&app).contains("Hit 3 of 8"), "{}", status(&app));
    let hit = app.scene().search.unwrap().hits[2].clone();
    let (_, entries) = app.scene().deck();
    let sentence = entries[0].range.clone().unwrap();
    assert_eq!((entries[0].document, entries[0].paragraph), (Some(hit.document), hit.paragraph));
    assert!(sentence.start <= hit.range.start && hit.range.end <= sentence.end);
    assert!(sentence.len() > hit.range.len(), "the sentence, not the word alone");
}
