//! The windows drawn over the reader: the help screen, and the lists of articles, themes and
//! bookmarks. Each is framed (box drawing or ASCII), titled in the interface language, and
//! mirrored in an Arabic interface.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::chrome::name_line;
use super::help;
use super::lang::{fill, tr};
use super::list::{ListShape, ListView, ROW_ITEMS, TWO_ROW_ITEMS};
use super::overlay::Overlay;
use super::paint::{draw_line, put_str, ui_text};
use super::panel::wrap;
use super::scene::Scene;
use crate::layout::VisualLine;
use crate::one_line::one_line;
use crate::text::Direction;

/// Frames in plain ASCII.
const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

/// Draw whatever window is open, on a cleared screen: a window is read on its own, and no
/// fragment of a line of the article shows around it.
pub fn draw(buf: &mut Buffer, scene: &Scene) {
    let screen = buf.area;
    if scene.overlay.is_some() {
        Clear.render(screen, buf);
    }
    match scene.overlay {
        Some(Overlay::Help { scroll }) => draw_help(buf, screen, scene, scroll),
        Some(Overlay::Articles(view)) => draw_article_list(buf, screen, scene, view),
        Some(Overlay::Themes(view)) => draw_theme_list(buf, screen, scene, view),
        Some(Overlay::Bookmarks(view)) => draw_bookmark_list(buf, screen, scene, view),
        Some(Overlay::Skipped { scroll }) => draw_skipped(buf, screen, scene, scroll),
        None => {}
    }
}

/// A centred box of at most `width` × `height` cells, cleared and framed, with a title on
/// its top edge (and a note on its bottom edge when `note` is not empty), both laid out in
/// the interface's direction; returns the inside.
fn popup(
    scene: &Scene,
    buf: &mut Buffer,
    width: u16,
    height: u16,
    title: &str,
    note: &str,
) -> Rect {
    let screen = buf.area;
    let width = width.min(screen.width);
    let height = height.min(screen.height);
    let area = Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + (screen.height - height) / 2,
        width,
        height,
    };
    Clear.render(area, buf);
    let look = scene.look;
    let set = if look.glyphs.ascii { ASCII_BORDER } else { border::PLAIN };
    let block = Block::new().borders(Borders::ALL).border_set(set).border_style(look.palette.frame);
    let inner = block.inner(area);
    block.render(area, buf);
    let edge_width = area.width.saturating_sub(4);
    for (text, y) in [(title, area.y), (note, area.bottom().saturating_sub(1))] {
        if text.is_empty() || area.height < 2 {
            continue;
        }
        let mut line = ui_text(scene.look.lang, scene.options, text, edge_width);
        let x = if look.lang.is_rtl() {
            area.x + 2 + edge_width.saturating_sub(line.width)
        } else {
            area.x + 2
        };
        line.indent = 0;
        draw_line(buf, x, y, line.width, &line, |_| Style::new());
    }
    inner
}

/// Row `y` of a window's inside `inner`, a cell in from each side.
fn list_line(inner: Rect, y: u16) -> Rect {
    Rect { x: inner.x + 1, y, width: inner.width.saturating_sub(2), height: 1 }
}

/// The style of a list item, selected or not.
fn item_style(scene: &Scene, selected: bool) -> Style {
    if selected { scene.look.palette.selected } else { Style::new() }
}

/// One row of a list: `lead` (a number or keys, in the interface's reading side) and a
/// laid-out `line` in the rest of the row.
fn list_row(
    scene: &Scene,
    buf: &mut Buffer,
    row: Rect,
    lead: &str,
    lead_width: u16,
    line: &VisualLine,
    style: Style,
) {
    buf.set_style(row, style);
    let rest = row.width.saturating_sub(lead_width + 1);
    if scene.look.lang.is_rtl() {
        let lead_x = row.right().saturating_sub(lead_width);
        let text_width = lead.chars().count() as u16;
        put_str(
            buf,
            lead_x + lead_width.saturating_sub(text_width),
            row.y,
            lead,
            lead_width,
            style,
        );
        draw_line(buf, row.x, row.y, rest, line, |_| style);
    } else {
        put_str(buf, row.x, row.y, lead, lead_width, style);
        draw_line(buf, row.x + lead_width + 1, row.y, rest, line, |_| style);
    }
}

/// The help screen: every key of the keymap, then the keys of presentation mode, from row
/// `scroll` on; when the screen is too short for all of them, the frame says how to see more.
fn draw_help(buf: &mut Buffer, screen: Rect, scene: &Scene, scroll: usize) {
    let lang = scene.look.lang;
    let lines = help::rows(scene.keymap, lang);
    let key_width = lines.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0) as u16;
    let help_width = lines
        .iter()
        .map(|(_, h)| one_line(h, Direction::Ltr, u16::MAX, scene.options).width)
        .max()
        .unwrap_or(0);
    let width = (key_width + help_width + 6).min(screen.width);
    let rows = help::shown(lines.len(), screen.height);
    let height = rows as u16 + 2;
    let scroll = scroll.min(help::max_scroll(lines.len(), screen.height));
    let more = if scroll + rows < lines.len() { tr(lang, " j ↓ more ") } else { "" };
    let inner = popup(scene, buf, width, height, tr(lang, " Keys — Esc closes "), more);
    let bold = scene.look.palette.title;
    for (i, (keys, help)) in lines.iter().skip(scroll).take(rows).enumerate() {
        let row = list_line(inner, inner.y + i as u16);
        let line =
            ui_text(scene.look.lang, scene.options, help, row.width.saturating_sub(key_width + 1));
        let style = if keys.is_empty() { bold } else { Style::new() };
        list_row(scene, buf, row, keys, key_width, &line, style);
    }
}

/// The items of a list `view` that show in a window of `shape` on this screen, each with
/// its row in the window and whether it is the selected one.
fn shown_items(
    view: ListView,
    shape: ListShape,
    count: usize,
    screen: Rect,
) -> impl Iterator<Item = (u16, usize, bool)> {
    let window = view.window(count, shape.rows(count, screen.height));
    let first = window.start;
    window.map(move |i| ((i - first) as u16 * shape.item_height, i, i == view.selected()))
}

fn draw_article_list(buf: &mut Buffer, screen: Rect, scene: &Scene, view: ListView) {
    let documents = &scene.corpus.documents;
    let height = ROW_ITEMS.height(documents.len());
    let title = tr(scene.look.lang, " Articles — Enter opens, Esc closes ");
    let inner = popup(scene, buf, 70.min(screen.width), height, title, "");
    let lead_width = documents.len().to_string().len() as u16 + 1;
    for (row, i, selected) in shown_items(view, ROW_ITEMS, documents.len(), screen) {
        let document = &documents[i];
        let area = list_line(inner, inner.y + 1 + row);
        let style = item_style(scene, selected);
        let width = area.width.saturating_sub(lead_width + 1);
        let line = name_line(&document.title, document.direction, width, scene.options);
        list_row(scene, buf, area, &format!("{}.", i + 1), lead_width, &line, style);
    }
}

fn draw_theme_list(buf: &mut Buffer, screen: Rect, scene: &Scene, view: ListView) {
    let Some(analysis) = scene.analysis else {
        return;
    };
    let lang = scene.look.lang;
    let themes = &analysis.themes;
    let height = ROW_ITEMS.height(themes.len());
    let title = tr(lang, " Themes — Enter follows one, Esc closes ");
    let inner = popup(scene, buf, 90.min(screen.width), height, title, "");
    let active = scene.active_theme.map(|a| a.index);
    for (row, i, selected) in shown_items(view, ROW_ITEMS, themes.len(), screen) {
        let theme = &themes[i];
        let area = list_line(inner, inner.y + 1 + row);
        let style = item_style(scene, selected);
        let mark = if Some(i) == active { "●" } else { " " };
        let counts = fill(
            lang,
            "{} passages, {} articles",
            &[&theme.passages.len(), &theme.article_count()],
        );
        let about = match (&theme.label_en, lang.is_rtl()) {
            (Some(english), false) => format!("{counts}  {english}"),
            _ => counts,
        };
        let label = name_line(&theme.label, Direction::Rtl, u16::MAX, scene.options);
        let label_width = label.width.min(area.width / 2);
        let label = name_line(&theme.label, Direction::Rtl, label_width, scene.options);
        let about_width = area.width.saturating_sub(label_width + 3);
        let about = ui_text(scene.look.lang, scene.options, &about, about_width);
        buf.set_style(area, style);
        // The Arabic label on the right and the counts on the left, in either interface.
        put_str(buf, area.x, area.y, mark, 1, style);
        let mut about = about;
        about.indent = 0;
        draw_line(buf, area.x + 2, area.y, about_width, &about, |_| style);
        draw_line(buf, area.right() - label_width, area.y, label_width, &label, |_| style);
    }
}

fn draw_bookmark_list(buf: &mut Buffer, screen: Rect, scene: &Scene, view: ListView) {
    let entries = scene.bookmarks();
    let lang = scene.look.lang;
    let height = TWO_ROW_ITEMS.height(entries.len());
    let title = tr(lang, " Bookmarks and notes — Enter goes there, Esc closes ");
    let inner = popup(scene, buf, 90.min(screen.width), height, title, "");
    let documents = &scene.corpus.documents;
    let lead_width = documents.len().to_string().len() as u16 + 1;
    let glyphs = &scene.look.glyphs;
    for (row, i, selected) in shown_items(view, TWO_ROW_ITEMS, entries.len(), screen) {
        let entry = &entries[i];
        let y = inner.y + 1 + row;
        let area = list_line(inner, y);
        let style = item_style(scene, selected);
        let document = &documents[entry.document];
        let text = &document.paragraphs[entry.paragraph].text;
        let width = area.width.saturating_sub(lead_width + 1);
        let line = one_line(text, document.direction, width, scene.options);
        list_row(scene, buf, area, &format!("{}.", entry.document + 1), lead_width, &line, style);
        let note_area = Rect { y: y + 1, ..area };
        if note_area.y < inner.bottom() {
            let (symbol, note) = match &entry.note {
                Some(note) => (glyphs.note, note.as_str()),
                None => (glyphs.bookmark, ""),
            };
            let note = name_line(note, document.direction, width, scene.options);
            list_row(scene, buf, note_area, symbol, lead_width, &note, scene.look.palette.quiet);
        }
    }
}

/// The files skipped (or read with a warning) when the collection was opened, one sentence
/// each, as the loader wrote them, wrapped so that a long path still shows its file's name and
/// the reason (its lines after the first stand in); from warning `scroll` on, as many as
/// the screen holds.
fn draw_skipped(buf: &mut Buffer, screen: Rect, scene: &Scene, scroll: usize) {
    let warnings = scene.warnings();
    let popup_width = 100.min(screen.width);
    let width = popup_width.saturating_sub(4);
    let room = usize::from(screen.height.saturating_sub(4));
    let mut lines: Vec<VisualLine> = Vec::new();
    for warning in warnings.iter().skip(scroll) {
        if lines.len() >= room {
            break;
        }
        let text = warning.render(scene.look.lang, scene.keymap);
        let direction = if scene.look.lang.is_rtl() { Direction::Rtl } else { Direction::Ltr };
        // The lines after a warning's first stand in by two cells, so that each warning
        // starts where the eye finds it.
        let mut wrapped = wrap(&text, direction, width.saturating_sub(2), 0, scene.options);
        for (i, line) in wrapped.iter_mut().enumerate() {
            if (i == 0) == direction.is_rtl() {
                line.indent += 2;
            }
        }
        lines.extend(wrapped);
    }
    let height = (lines.len() as u16).saturating_add(4);
    let title = tr(scene.look.lang, " Skipped files and warnings — Esc closes ");
    let inner = popup(scene, buf, popup_width, height, title, "");
    let rows = usize::from(inner.height.saturating_sub(2));
    for (row, line) in lines.iter().take(rows).enumerate() {
        let y = inner.y + 1 + row as u16;
        draw_line(buf, inner.x + 1, y, width, line, |_| Style::new());
    }
}
