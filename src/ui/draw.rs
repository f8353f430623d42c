//! Drawing the reader: every piece of text goes through the layout engine, and each glyph is
//! put in its cell as laid out. Nothing here decides order or shape. The windows drawn over
//! the reader are in [`super::overlay`]; presentation mode draws itself.

use std::time::Instant;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Clear, Widget};

use super::action::Action;
use super::overlay::window::Window;
use super::overlay::{self, Overlay};
use super::paint::{
    counter_width, draw_line, message_line, panel_items_area, panel_list, put_str, ui_text,
};
use super::panel::{Section, Tone, item_rows};
use super::presentation::draw::{self as presentation, Stage};
use super::prompt::{LineLook, Prompt, PromptKind};
use super::scene::Scene;
use crate::corpus::{EmphasisKind, Paragraph, Role};
use crate::lang::{fill, tr};
use crate::layout::{Glyph, VisualLine};
use crate::search::Hit;
use crate::text::Direction;

/// The time a frame shows (presentation mode's footer), given to drawing as a value so that
/// drawing reads no clock: the reader draws with [`Clock::now`], tests with a fixed one.
#[derive(Clone, Copy, Debug)]
pub struct Clock {
    /// The local time of day, shown as "14:32".
    pub time_of_day: chrono::NaiveTime,
    /// The instant the presentation's elapsed time runs to (a presentation started after it
    /// shows 00:00).
    pub instant: Instant,
}

impl Clock {
    /// The wall clock's time now.
    pub fn now() -> Clock {
        Clock { time_of_day: chrono::Local::now().time(), instant: Instant::now() }
    }
}

/// Draw the whole reader as it is at `clock`.
pub fn draw(frame: &mut Frame, scene: &Scene, clock: Clock) {
    let buf = frame.buffer_mut();
    if let Some(p) = scene.mode.presentation() {
        let stage = Stage {
            clock: clock.time_of_day.format("%H:%M").to_string(),
            now: clock.instant,
            palette: &scene.look.palette,
            ascii: scene.look.glyphs.ascii,
        };
        presentation::draw(buf, buf.area, p, &stage);
        return;
    }
    let regions = scene.regions;
    draw_title(buf, regions.title, scene);
    draw_article(buf, regions.text, scene);
    if regions.panel.width > 0 {
        draw_panel(buf, regions.panel, scene, regions.article.width > 0);
    }
    draw_status(buf, regions.status, scene);
    draw_overlay(buf, scene);
}

/// Draw the window open over the reader, if any, on a cleared screen: a window is read on its
/// own, and no fragment of a line of the article shows around it.
fn draw_overlay(buf: &mut Buffer, scene: &Scene) {
    let Some(open) = scene.mode.overlay() else {
        return;
    };
    Clear.render(buf.area, buf);
    let window = Window { look: scene.look, options: scene.options };
    let documents = &scene.corpus.documents;
    match open {
        Overlay::Help { scroll } => overlay::help::draw(buf, &window, scene.keymap, *scroll),
        Overlay::Articles(list) => {
            let progress = |document| scene.progress(document);
            overlay::articles::draw(buf, &window, documents, list, &progress);
        }
        Overlay::Themes(list) => {
            if let Some(analysis) = scene.analysis {
                let active = scene.active_theme().map(|t| t.index);
                overlay::themes::draw(buf, &window, &analysis.themes, active, list);
            }
        }
        Overlay::Bookmarks(list) => {
            overlay::bookmarks::draw(buf, &window, &scene.bookmarks(), documents, list);
        }
        Overlay::Hits(list) => {
            if let Some(search) = scene.search {
                let hits = (search.query.as_str(), search.hits.as_slice());
                overlay::hits::draw(buf, &window, hits, documents, list);
            }
        }
        Overlay::Deck(list) => {
            let (name, entries) = scene.deck();
            overlay::deck::draw(buf, &window, name, &entries, documents, list);
        }
        Overlay::Skipped { scroll } => {
            overlay::skipped::draw(buf, &window, &scene.warnings(), scene.keymap, *scroll);
        }
    }
}

/// The style of a paragraph's text.
fn paragraph_style(scene: &Scene, paragraph: &Paragraph) -> Style {
    let palette = &scene.look.palette;
    if paragraph.boilerplate.is_some() {
        return palette.furniture;
    }
    match paragraph.role {
        Role::Title => palette.title,
        Role::Heading(_) => palette.heading,
        Role::Byline => palette.byline,
        Role::Body => palette.text,
    }
}

/// The style of one glyph of a paragraph: the paragraph's, plus any emphasis over it; a
/// table's header row in bold; a quote's bar and a table's rules, which show no text, as
/// frames are drawn.
fn glyph_style(scene: &Scene, paragraph: &Paragraph, base: Style, glyph: &Glyph) -> Style {
    if glyph.source.is_empty() {
        return scene.look.palette.frame;
    }
    let start = glyph.source.start as usize;
    let header = paragraph.form.table.as_deref().filter(|t| t.header).map(|t| t.row_range(0));
    let base = match header {
        Some(row) if row.contains(&start) => base.add_modifier(Modifier::BOLD),
        _ => base,
    };
    paragraph.emphasis.iter().filter(|e| e.range.start <= start && start < e.range.end).fold(
        base,
        |style, e| match e.kind {
            EmphasisKind::Bold => style.add_modifier(Modifier::BOLD),
            EmphasisKind::Italic => style.add_modifier(Modifier::ITALIC),
            EmphasisKind::Code => style.patch(scene.look.palette.code),
        },
    )
}

/// The top bar: the article counter and the title (the counter on the left in an English
/// interface, on the right in an Arabic one).
fn draw_title(buf: &mut Buffer, area: Rect, scene: &Scene) {
    if area.height == 0 {
        return;
    }
    let count = scene.corpus.documents.len();
    let counter = format!(" {}/{} ", scene.document_index() + 1, count);
    let counter_width = counter_width(count);
    let width = area.width.saturating_sub(counter_width + 1);
    let palette = &scene.look.palette;
    let (counter_x, title_x) = if scene.look.lang.is_rtl() {
        (area.right().saturating_sub(counter_width), area.x)
    } else {
        (area.x, area.x + counter_width)
    };
    put_str(buf, counter_x, area.y, &counter, counter_width, palette.quiet);
    draw_line(buf, title_x, area.y, width, &scene.chrome.title, |_| palette.title);
}

fn draw_article(buf: &mut Buffer, area: Rect, scene: &Scene) {
    if area.width == 0 {
        return;
    }
    let view = scene.reading.view();
    let document = scene.document();
    let index = scene.document_index();
    let top = scene.top_row;
    let look = scene.look;
    let (palette, glyphs) = (&look.palette, &look.glyphs);
    let hits: &[Hit] = match scene.search {
        Some(search) if search.shown => &search.hits,
        _ => &[],
    };
    let current_hit = scene.search.and_then(|s| s.current).and_then(|i| hits.get(i));
    let theme_paragraphs: Vec<usize> = match (scene.analysis, scene.active_theme()) {
        (Some(analysis), Some(active)) => analysis.themes[active.index]
            .passages
            .iter()
            .filter(|p| p.document == index)
            .map(|p| p.paragraph)
            .collect(),
        _ => Vec::new(),
    };
    let bookmarks = scene.marks.article(index).map(|a| a.bookmarks.as_slice()).unwrap_or(&[]);
    let (mark_column, bookmark_column) = margin_columns(area, document.direction);
    for i in 0..area.height {
        let y = area.y + i;
        let anchor = view.anchor_at(top + usize::from(i));
        let Some((p, layout, line)) = view.line_at(top + usize::from(i)) else {
            continue;
        };
        let line = &layout.lines[line];
        if let Some(x) = mark_column {
            let in_theme = theme_paragraphs.contains(&p);
            let mark = if p == scene.paragraph() {
                Some((
                    glyphs.current,
                    if in_theme { palette.theme_mark } else { palette.current_mark },
                ))
            } else if in_theme {
                let symbol = if anchor.line == 0 { glyphs.theme_start } else { glyphs.theme_rest };
                Some((symbol, palette.theme_mark))
            } else {
                None
            };
            if let Some((symbol, style)) = mark {
                put_str(buf, x, y, symbol, 1, style);
            }
        }
        // A bookmark's mark on its paragraph's first line; a note's there when the paragraph
        // is only noted, else on the second line.
        if let Some(x) = bookmark_column
            && let Some(mark) = bookmarks.iter().find(|b| b.paragraph == p)
        {
            let symbol = match (anchor.line, mark.bookmarked, mark.note.is_some()) {
                (0, true, _) => Some(glyphs.bookmark),
                (0, false, _) | (1, true, true) => Some(glyphs.note),
                _ => None,
            };
            if let Some(symbol) = symbol {
                put_str(buf, x, y, symbol, 1, palette.bookmark_mark);
            }
        }
        let paragraph = &document.paragraphs[p];
        let base = paragraph_style(scene, paragraph);
        let start = hits.partition_point(|h| (h.document, h.paragraph) < (index, p));
        let here = &hits[start..];
        let here = &here[..here.partition_point(|h| (h.document, h.paragraph) <= (index, p))];
        let landed = scene
            .reading
            .highlight()
            .filter(|h| h.document == index && h.paragraph == p)
            .map(|h| h.range.clone());
        draw_line(buf, area.x, y, area.width, line, |g| {
            let mut style = glyph_style(scene, paragraph, base, g);
            let at = g.source.start as usize;
            if landed.as_ref().is_some_and(|r| r.contains(&at)) {
                style = style.patch(palette.landed);
            }
            if let Some(hit) = here.iter().find(|h| h.range.contains(&at)) {
                let hit_style =
                    if Some(hit) == current_hit { palette.current_hit } else { palette.hit };
                style = style.patch(hit_style);
            }
            style
        });
    }
}

/// The margin columns beside the text column `text`, a blank column away from it: where the
/// current paragraph and the active theme's passages are marked (on the reading side) and
/// where bookmarks are marked (on the other side). None where the margin is too narrow.
fn margin_columns(text: Rect, direction: Direction) -> (Option<u16>, Option<u16>) {
    let right = Some(text.right() + 1);
    let left = text.x.checked_sub(2);
    if direction.is_rtl() { (right, left) } else { (left, right) }
}

fn draw_panel(buf: &mut Buffer, area: Rect, scene: &Scene, beside: bool) {
    let look = scene.look;
    let mirrored = look.lang.is_rtl();
    if beside {
        let x = if mirrored { area.right().saturating_sub(1) } else { area.x };
        for y in area.top()..area.bottom() {
            put_str(buf, x, y, look.glyphs.separator, 1, look.palette.frame);
        }
    }
    let list = panel_list(area, beside, mirrored);
    if list.height == 0 || list.width < 3 {
        return;
    }
    let focused = scene.panel.focused();
    draw_tabs(buf, list, scene, focused);
    let area = panel_items_area(list);
    let items = scene.panel.items();
    if items.is_empty() {
        let empty = match (scene.panel.section(), scene.analysis) {
            (Section::Outline, _) => Section::Outline.empty(),
            (_, None) => "Reading the articles…",
            (section, _) => section.empty(),
        };
        let line = ui_text(scene.look.lang, scene.options, tr(look.lang, empty), area.width);
        draw_line(buf, area.x, area.y, area.width, &line, |_| look.palette.quiet);
        return;
    }
    let current =
        (scene.panel.section() == Section::Outline).then(|| scene.current_section()).flatten();
    let selected = scene.panel.selected();
    let height = usize::from(area.height);
    draw_panel_beyond(buf, Rect { y: list.y + 1, height: 1, ..list }, scene, height);
    // The pointer goes on the interface's reading side; the item's lines beside it.
    let (pointer_x, lines_x) =
        if mirrored { (area.right() - 1, area.x) } else { (area.x, area.x + 2) };
    let lines_width = area.width.saturating_sub(2);
    for (n, start) in item_rows(items, scene.panel_first(height), height) {
        let item = &items[n];
        let chosen = focused && n == selected;
        if Some(n) == current || chosen {
            let mark = match (chosen, mirrored) {
                (true, false) => look.glyphs.pointer,
                (true, true) => look.glyphs.pointer_rtl,
                (false, _) => "•",
            };
            let style = Style::new().add_modifier(Modifier::BOLD);
            put_str(buf, pointer_x, area.y + start as u16, mark, 1, style);
        }
        for (k, line) in item.lines.iter().enumerate() {
            let row = start + k;
            if row >= height {
                break;
            }
            let mut style = match line.tone {
                Tone::Text => look.palette.text,
                Tone::Quiet => look.palette.quiet,
            };
            if chosen {
                style = style.patch(look.palette.selected);
            }
            let y = area.y + row as u16;
            draw_line(buf, lines_x, y, lines_width, &line.line, |g| {
                let at = g.source.start as usize;
                if line.strong.iter().any(|r| r.contains(&at)) {
                    style.patch(look.palette.figure)
                } else {
                    style
                }
            });
        }
    }
}

/// On `row` (the blank row under the panel's tabs), at its far end, how many of the panel's
/// items lie above and below its list of `height` rows (nothing when all of them show).
fn draw_panel_beyond(buf: &mut Buffer, row: Rect, scene: &Scene, height: usize) {
    let look = scene.look;
    let (above, below) = scene.panel.beyond(height);
    let marks: Vec<String> = [
        ("{} {} above", look.glyphs.more_above, above),
        ("{} {} below", look.glyphs.more_below, below),
    ]
    .into_iter()
    .filter(|&(_, _, more)| more > 0)
    .map(|(template, glyph, more)| fill(look.lang, template, &[&glyph, &more]))
    .collect();
    if marks.is_empty() || row.y >= buf.area.bottom() {
        return;
    }
    let mut line = ui_text(look.lang, scene.options, &marks.join("  "), row.width);
    line.indent = 0;
    let x = if look.lang.is_rtl() { row.x } else { row.right().saturating_sub(line.width) };
    draw_line(buf, x, row.y, line.width, &line, |_| look.palette.quiet);
}

/// The panel's tab bar: every section's name when they fit, else the current one between
/// arrows; in the interface's reading order. The current section is shown reversed when the
/// panel has the focus, underlined when not.
fn draw_tabs(buf: &mut Buffer, area: Rect, scene: &Scene, focused: bool) {
    let look = scene.look;
    let section = scene.panel.section();
    let active = if focused {
        Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
    } else {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    };
    let names: Vec<VisualLine> = Section::ALL
        .iter()
        .map(|s| ui_text(scene.look.lang, scene.options, tr(look.lang, s.title()), area.width))
        .collect();
    let full: u16 = names.iter().map(|n| n.width + 1).sum();
    if full <= area.width + 1 {
        let mut offset = 0;
        for (s, name) in Section::ALL.iter().zip(&names) {
            let style = if *s == section { active } else { look.palette.quiet };
            let x = if look.lang.is_rtl() {
                area.right().saturating_sub(offset + name.width)
            } else {
                area.x + offset
            };
            let mut name = name.clone();
            name.indent = 0;
            draw_line(buf, x, area.y, name.width, &name, |_| style);
            offset += name.width + 1;
        }
    } else {
        let current = ui_text(
            scene.look.lang,
            scene.options,
            tr(look.lang, section.title()),
            area.width.saturating_sub(4),
        );
        let mut name = current.clone();
        name.indent = 0;
        put_str(buf, area.x, area.y, "‹", 1, look.palette.quiet);
        draw_line(buf, area.x + 2, area.y, name.width, &name, |_| active);
        put_str(buf, area.x + 3 + name.width, area.y, "›", 1, look.palette.quiet);
    }
}

fn draw_status(buf: &mut Buffer, area: Rect, scene: &Scene) {
    if area.height == 0 {
        return;
    }
    let look = scene.look;
    let bar = look.palette.status;
    buf.set_style(area, bar);
    if let Some(prompt) = scene.mode.prompt() {
        let inner = Rect { x: area.x + 1, width: area.width.saturating_sub(2), ..area };
        return draw_prompt(buf, inner, scene, prompt);
    }
    let inner = Rect { x: area.x + 1, width: area.width.saturating_sub(2), ..area };
    let question = scene.mode.question().map(|q| q.message());
    let line = match question.as_ref().or(scene.message) {
        Some(message) => {
            let text = message.render(look.lang, scene.keymap);
            message_line(look.lang, scene.options, &text, inner.width)
        }
        None => {
            let lang = look.lang;
            let count = scene.corpus.documents.len();
            let mut parts = vec![fill(
                lang,
                "article {}/{}  {}%",
                &[&(scene.document_index() + 1), &count, &scene.percent],
            )];
            if let (Some(analysis), Some(active)) = (scene.analysis, scene.active_theme()) {
                let theme = &analysis.themes[active.index];
                let at = active.passage.map_or("–".to_string(), |i| (i + 1).to_string());
                parts.push(fill(
                    lang,
                    "theme «{}» passage {} of {}",
                    &[&theme.label, &at, &theme.passages.len()],
                ));
            }
            if let Some(search) = scene.search.filter(|s| s.shown) {
                let at = search.current.map_or("–".to_string(), |i| (i + 1).to_string());
                parts.push(format!("«{}» {at}/{}", search.query.trim(), search.hits.len()));
            }
            ui_text(lang, scene.options, &parts.join("  ·  "), inner.width)
        }
    };
    draw_line(buf, inner.x, inner.y, inner.width, &line, |_| bar);
    let mut hints = ui_text(look.lang, scene.options, &status_hints(scene), inner.width);
    hints.indent = 0;
    if line.width + hints.width + 2 < inner.width {
        // The hints go at the far end from the message: right in English, left in Arabic.
        let x = if look.lang.is_rtl() { inner.x } else { inner.right() - hints.width };
        draw_line(buf, x, inner.y, hints.width, &hints, |_| bar);
    }
}

/// The status line's hints: the keys bound now to the panel, themes, search, help and quit,
/// each with what it does (an action without a key is left out).
fn status_hints(scene: &Scene) -> String {
    const HINTS: [(Action, &str); 5] = [
        (Action::TogglePanel, "panel"),
        (Action::ThemeList, "themes"),
        (Action::Search, "search"),
        (Action::Help, "help"),
        (Action::Quit, "quit"),
    ];
    let lang = scene.look.lang;
    let hints = HINTS.iter().filter_map(|&(action, what)| {
        Some(format!("{} {}", scene.keymap.label_of(action)?, tr(lang, what)))
    });
    hints.collect::<Vec<_>>().join("  ")
}

/// The prompt in `area`: its label at the interface's reading start, the text typed so far
/// laid out as the reader lays out text (in its own direction, the cursor where it is), and a
/// search's count of hits at the far end.
fn draw_prompt(buf: &mut Buffer, area: Rect, scene: &Scene, prompt: &Prompt) {
    let (lang, options) = (scene.look.lang, scene.options);
    let bar = scene.look.palette.status;
    let label = match prompt.kind {
        PromptKind::Search => "Search: ",
        PromptKind::Note { .. } => "Note: ",
        PromptKind::DeckName => "Deck name: ",
    };
    let mut label = ui_text(lang, options, tr(lang, label), area.width);
    label.indent = 0;
    let count = prompt.hits.map(|n| match n {
        0 => tr(lang, "no match").to_string(),
        1 => tr(lang, "1 hit").to_string(),
        n => fill(lang, "{} hits", &[&n]),
    });
    let mut count =
        count.map_or_else(VisualLine::default, |c| ui_text(lang, options, &c, area.width));
    count.indent = 0;
    let gap = if count.width > 0 { 2 } else { 0 };
    let room = area.width.saturating_sub(label.width + count.width + gap);
    let typed = prompt.line(LineLook { fallback: lang.direction(), options });
    let shown = typed.width().min(room);
    // The cursor's cell the other way round from the bar (which is itself reversed).
    let cursor_style = if bar.add_modifier.contains(Modifier::REVERSED) {
        bar.remove_modifier(Modifier::REVERSED)
    } else {
        bar.add_modifier(Modifier::REVERSED)
    };
    let y = area.y;
    // Label, text and count from the interface's reading start.
    let (label_x, typed_x, count_x) = if lang.is_rtl() {
        let label_x = area.right().saturating_sub(label.width);
        (label_x, label_x.saturating_sub(shown), area.x)
    } else {
        (area.x, area.x + label.width, area.right().saturating_sub(count.width))
    };
    draw_line(buf, label_x, y, label.width, &label, |_| bar);
    typed.draw(buf, (typed_x, y, shown), prompt.cursor, [bar, cursor_style]);
    if room > 0 {
        draw_line(buf, count_x, y, count.width, &count, |_| bar);
    }
}
