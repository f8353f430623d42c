//! Reading by theme on ratatui's TestBackend: the side panel's jumps and the way back, related
//! passages in other articles, theme trails across articles, search, the outline and the
//! mouse — at 160×45 and at 80×24, where the panel folds.

use std::sync::Arc;

use basira::analysis::{Analysis, ThemeSource};
use basira::corpus::Corpus;
use basira::layout::{LayoutOptions, layout_paragraph};
use basira::ui::action::Action;
use basira::ui::app::App;
use basira::ui::config::Config;
use basira::ui::keymap::parse_keys;
use basira::ui::panel::{Section, Target};
use basira::ui::presentation::SlideKind;
use basira::ui::{render, screen_text};
use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::buffer::Buffer;
use ratatui::style::Color;

fn reader(width: u16, height: u16) -> App {
    let corpus = Corpus::builtin();
    let analysis = Analysis::new(&corpus, &ThemeSource::default_for(&corpus));
    let mut app =
        App::new(Arc::new(corpus), LayoutOptions::default(), Config::default(), width, height);
    app.set_analysis(Arc::new(analysis));
    app
}

fn press(app: &mut App, keys: &str) {
    for key in parse_keys(keys).unwrap() {
        app.handle_key(key);
    }
}

fn screen(app: &App) -> String {
    let area = app.scene().regions;
    let (w, h) = (area.status.width, area.status.y + area.status.height);
    screen_text(&render(app, w, h))
}

fn status(app: &App) -> String {
    screen(app).lines().last().unwrap().to_string()
}

/// The text of the cells of the article pane drawn with background `bg`, row by row.
fn cells_with_background(buffer: &Buffer, app: &App, bg: Color) -> Vec<(u16, String)> {
    let text = app.scene().regions.text;
    let mut rows = Vec::new();
    for y in text.top()..text.bottom() {
        let row: String = (text.left()..text.right())
            .filter(|&x| buffer[(x, y)].bg == bg)
            .map(|x| buffer[(x, y)].symbol().to_string())
            .collect();
        if !row.is_empty() {
            rows.push((y, row));
        }
    }
    rows
}

#[test]
fn a_key_point_jump_highlights_its_sentence_and_backspace_returns() {
    for (w, h) in [(160, 45), (80, 24)] {
        let mut app = reader(w, h);
        let before = screen(&app);
        assert_eq!(app.scene().panel.section(), Section::KeyPoints);
        press(&mut app, "<Tab>jj");
        let Target::Sentence { document, paragraph, range } =
            app.scene().panel.items()[app.scene().panel.selected()].target.clone()
        else {
            panic!("a key point is a sentence");
        };
        press(&mut app, "<Enter>");
        assert_eq!((app.scene().document_index(), app.scene().paragraph()), (document, paragraph));
        let highlight = app.scene().reading.highlight().expect("the sentence is highlighted");
        assert_eq!(highlight.range, range);
        // The highlighted cells show exactly the sentence's glyphs, as the layout placed them.
        let buffer = render(&app, w, h);
        let marked: String = cells_with_background(&buffer, &app, Color::Indexed(237))
            .into_iter()
            .map(|r| r.1)
            .collect();
        let text = &app.scene().document().paragraphs[paragraph].text;
        let view = app.scene().reading.view().paragraph(paragraph).unwrap();
        let expected: String = view
            .lines
            .iter()
            .flat_map(|line| {
                line.glyphs().filter(|(_, g)| range.contains(&(g.source.start as usize)))
            })
            .map(|(s, _)| s.to_string())
            .collect();
        assert!(!expected.is_empty());
        assert_eq!(marked.replace(' ', ""), expected.replace(' ', ""), "{w}x{h}: {}", &text[range]);
        press(&mut app, "<BS>");
        assert_eq!(screen(&app), before, "{w}x{h}: Backspace goes back to the start");
    }
}

#[test]
fn a_related_passage_opens_the_other_article_and_ctrl_o_comes_back() {
    for (w, h) in [(160, 45), (80, 24)] {
        let mut app = reader(w, h);
        // Walk paragraph by paragraph until the panel's Related section has something.
        press(&mut app, "ll");
        assert_eq!(app.scene().panel.section(), Section::Related);
        while app.scene().panel.items().is_empty() {
            let before = app.scene().paragraph();
            app.apply(Action::NextParagraph);
            assert_ne!(app.scene().paragraph(), before, "some paragraph of article 1 has a link");
        }
        let from = app.scene().paragraph();
        let Target::Sentence { document, paragraph, .. } =
            app.scene().panel.items()[0].target.clone()
        else {
            panic!("a related passage is a paragraph");
        };
        assert_ne!(document, 0, "related passages are in other articles");
        // At 80×24 choosing a section already brought the folded panel up, with the focus.
        if !app.scene().panel.focused() {
            press(&mut app, "<Tab>");
        }
        press(&mut app, "<Enter>");
        assert_eq!((app.scene().document_index(), app.scene().paragraph()), (document, paragraph));
        assert!(status(&app).contains(&format!("article {}/5", document + 1)));
        let buffer = render(&app, w, h);
        assert!(
            !cells_with_background(&buffer, &app, Color::Indexed(237)).is_empty(),
            "the passage is highlighted"
        );
        press(&mut app, "<C-o>");
        assert_eq!((app.scene().document_index(), app.scene().paragraph()), (0, from));
    }
}

#[test]
fn a_theme_trail_visits_every_article_that_carries_it() {
    for (w, h) in [(160, 45), (80, 24)] {
        let mut app = reader(w, h);
        let analysis = app.scene().analysis.unwrap().clone();
        let (index, theme) =
            analysis.themes.iter().enumerate().max_by_key(|(_, t)| t.article_count()).unwrap();
        press(&mut app, "t");
        assert!(screen(&app).contains("Themes"));
        press(&mut app, &"j".repeat(index));
        press(&mut app, "<Enter>");
        let mut visited = vec![(app.scene().document_index(), app.scene().paragraph())];
        for _ in 1..theme.passages.len() {
            press(&mut app, "]");
            visited.push((app.scene().document_index(), app.scene().paragraph()));
            let n = visited.len();
            assert!(
                status(&app).contains(&format!("passage {n} of {}", theme.passages.len())),
                "{}",
                status(&app)
            );
        }
        let expected: Vec<(usize, usize)> =
            theme.passages.iter().map(|p| (p.document, p.paragraph)).collect();
        assert_eq!(visited, expected, "{w}x{h}: the trail goes through every passage in order");
        press(&mut app, "]");
        assert!(status(&app).contains("Back to the first passage"), "{}", status(&app));
        assert_eq!((app.scene().document_index(), app.scene().paragraph()), expected[0]);
        press(&mut app, "[");
        assert_eq!(
            (app.scene().document_index(), app.scene().paragraph()),
            *expected.last().unwrap()
        );
        // Passages of the active theme are marked in the margin.
        assert!(screen(&app).contains('▌') || screen(&app).contains('◆'));
    }
}

#[test]
fn search_ignores_harakat_and_marks_the_right_cells() {
    for (w, h) in [(160, 45), (80, 24)] {
        let mut app = reader(w, h);
        press(&mut app, "/الاتحاد<Enter>");
        let search = app.scene().search.unwrap().clone();
        assert_eq!(search.hits.len(), 4);
        assert!(status(&app).contains("Hit 1 of 4"), "{}", status(&app));
        // Step to the hit in article 4 written «الاتّحاد», with a shadda.
        let written = |app: &App| {
            let hit = &search.hits[app.scene().search.unwrap().current.unwrap()];
            app.scene().document().paragraphs[hit.paragraph].text[hit.range.clone()].to_string()
        };
        for _ in 0..4 {
            if written(&app) == "الاتّحاد" {
                break;
            }
            press(&mut app, "n");
        }
        assert_eq!(written(&app), "الاتّحاد");
        assert_eq!(app.scene().document_index(), 3);
        let buffer = render(&app, w, h);
        let marked = cells_with_background(&buffer, &app, Color::LightYellow);
        assert_eq!(marked.len(), 1, "one word, on one row");
        let shaped =
            layout_paragraph("الاتّحاد", basira::text::Direction::Rtl, 20, &LayoutOptions::default());
        assert_eq!(
            marked[0].1,
            shaped.lines[0].text(),
            "the hit's cells show the word, shaped, in order"
        );
        press(&mut app, "N");
        assert!(status(&app).contains("of 4"));
    }
}

#[test]
fn search_finds_telegram_across_articles_and_says_when_nothing_matches() {
    let mut app = reader(80, 24);
    press(&mut app, "/تلجرام");
    let typed =
        layout_paragraph("تلجرام", basira::text::Direction::Rtl, 20, &LayoutOptions::default());
    assert!(status(&app).contains(typed.lines[0].text()), "typed Arabic reads right to left");
    press(&mut app, "<Enter>");
    // Six «تلجرام», and the spellings «تليجرام» and «تيليجرام» of the same name.
    let hits = app.scene().search.unwrap().hits.len();
    assert_eq!(hits, 8);
    press(&mut app, &"n".repeat(hits));
    assert!(status(&app).contains("Back to the first hit"), "{}", status(&app));
    press(&mut app, "/zzz<Enter>");
    assert!(status(&app).contains("No match for «zzz»"));
}

#[test]
fn the_outline_jumps_to_a_section() {
    let mut app = reader(160, 45);
    press(&mut app, "h");
    assert_eq!(app.scene().panel.section(), Section::Outline);
    press(&mut app, "<Tab>jj");
    let Target::Sentence { paragraph: heading, .. } =
        app.scene().panel.items()[app.scene().panel.selected()].target.clone()
    else {
        panic!("an outline entry is a place in the article");
    };
    press(&mut app, "<Enter>");
    // The heading is at the top, or on screen when the article ends before a page is full.
    let row = app
        .scene()
        .reading
        .view()
        .row_of(basira::ui::document_view::Anchor { paragraph: heading, line: 0 });
    let height = usize::from(app.scene().regions.text.height);
    assert!(row >= app.scene().top_row && row < app.scene().top_row + height);
    assert!(row == app.scene().top_row || app.scene().percent == 100);
    assert!(matches!(
        app.scene().document().paragraphs[heading].role,
        basira::corpus::Role::Heading(_)
    ));
    press(&mut app, "<BS>");
    assert_eq!(app.scene().top_row, 0);
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer_and_a_click_selects() {
    let mut app = reader(160, 45);
    let mouse = |kind, column, row| MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE };
    app.handle_mouse(mouse(MouseEventKind::ScrollDown, 20, 10));
    assert_eq!(app.scene().top_row, 3, "the wheel over the article scrolls it");
    let panel = app.scene().regions.panel;
    app.handle_mouse(mouse(MouseEventKind::ScrollDown, panel.x + 5, 10));
    assert_eq!(app.scene().top_row, 3, "the wheel over the panel leaves the article alone");
    // Click the second key point (its first row), then click it again to go there.
    let list_top = panel.y + 2;
    let second = list_top + app.scene().panel.items()[0].lines.len() as u16 + 1;
    app.handle_mouse(mouse(MouseEventKind::Down(MouseButton::Left), panel.x + 6, second));
    assert_eq!(app.scene().panel.selected(), 1);
    app.handle_mouse(mouse(MouseEventKind::Down(MouseButton::Left), panel.x + 6, second));
    assert!(app.scene().reading.highlight().is_some(), "a second click goes to the key point");
}

#[test]
fn at_80x24_the_panel_folds_and_nothing_overlaps() {
    let mut app = reader(80, 24);
    let folded = screen(&app);
    assert!(!folded.contains("Key points"));
    press(&mut app, "<Tab>");
    let panel = screen(&app);
    assert!(panel.contains("Key points Facts Related Themes Outline"));
    for line in panel.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80);
        assert!(!line.contains('▌'), "no margin mark is drawn over the panel");
    }
    press(&mut app, "<Esc>");
    assert_eq!(screen(&app), folded);
}

#[test]
fn a_theme_is_left_by_esc_or_by_no_theme_in_the_list_and_p_then_presents_the_article() {
    for leave in ["<Esc>", "t<Up><Enter>"] {
        let mut app = reader(160, 45);
        press(&mut app, "t<Enter>");
        assert!(app.scene().active_theme().is_some(), "Enter follows the first theme");
        press(&mut app, leave);
        assert!(app.scene().active_theme().is_none(), "{leave} leaves the theme");
        assert!(status(&app).contains("No theme is followed now"), "{leave}: {}", status(&app));
        assert!(app.scene().reading.highlight().is_none(), "its passage is no longer marked");
        // The presentation is the article's again: its title first (a theme's starts with a
        // passage).
        let article = app.scene().document_index();
        press(&mut app, "p");
        let slide = app.scene().mode.presentation().map(|p| p.slide().clone());
        assert!(
            slide
                .as_ref()
                .is_some_and(|s| s.kind == SlideKind::Title && s.document == Some(article)),
            "{leave}: {slide:?}"
        );
    }
    // With no theme followed, the list opens at the first theme, "no theme" above it.
    let mut app = reader(160, 45);
    press(&mut app, "t");
    assert!(screen(&app).contains("(no theme: the article alone)"));
}
