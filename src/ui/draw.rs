//! Drawing the reader: every piece of text goes through the layout engine, and each glyph is
//! put in its cell as laid out. Nothing here decides order or shape.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::app::{App, Focus, Overlay};
use super::chrome::one_line;
use super::panel::{Section, Tone, item_rows};
use crate::corpus::{EmphasisKind, Paragraph, Role};
use crate::layout::{Glyph, VisualLine};
use crate::search::Hit;
use crate::text::Direction;

/// Search hits in the text.
const HIT: Style = Style::new().fg(Color::Black).bg(Color::Yellow);
/// The search hit last gone to.
const CURRENT_HIT: Style =
    Style::new().fg(Color::Black).bg(Color::LightYellow).add_modifier(Modifier::BOLD);
/// The sentence or passage a jump landed on.
const LANDED: Style = Style::new().bg(Color::Indexed(237));
/// The mark of the current paragraph, in the margin.
const CURRENT_MARK: Style = Style::new().fg(Color::Cyan);
/// The mark of a passage of the active theme (and of the current paragraph when it is one).
const THEME_MARK: Style = Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD);

/// Draw the whole reader.
pub fn draw(frame: &mut Frame, app: &App) {
    let regions = app.regions();
    let buf = frame.buffer_mut();
    draw_title(buf, regions.title, app);
    draw_article(buf, regions.text, app);
    if regions.panel.width > 0 {
        draw_panel(buf, regions.panel, app, regions.article.width > 0);
    }
    draw_status(buf, regions.status, app);
    match app.overlay() {
        Some(Overlay::Help { scroll }) => draw_help(buf, buf.area, app, scroll),
        Some(Overlay::Articles { selected }) => draw_article_list(buf, buf.area, app, selected),
        Some(Overlay::Themes { selected }) => draw_theme_list(buf, buf.area, app, selected),
        None => {}
    }
}

/// Write plain (left-to-right) text from (`x`, `y`), at most `width` cells; nothing is
/// written outside the buffer.
fn put_str(buf: &mut Buffer, x: u16, y: u16, text: &str, width: u16, style: Style) {
    let area = buf.area;
    if y < area.bottom() && x < area.right() {
        buf.set_stringn(x, y, text, usize::from(width.min(area.right() - x)), style);
    }
}

/// Put a visual line's glyphs in the cells of row `y` from column `x`, at most `width` cells,
/// each with the style `style_of` gives its glyph.
pub fn draw_line(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    width: u16,
    line: &VisualLine,
    style_of: impl Fn(&Glyph) -> Style,
) {
    let mut column = line.indent;
    for (text, glyph) in line.glyphs() {
        let w = u16::from(glyph.width);
        if column + w > width {
            break;
        }
        if let Some(cell) = buf.cell_mut((x + column, y)) {
            cell.set_symbol(text).set_style(style_of(glyph));
        }
        for covered in 1..w {
            if let Some(cell) = buf.cell_mut((x + column + covered, y)) {
                cell.reset();
            }
        }
        column += w;
    }
}

/// The style of a paragraph's text.
fn paragraph_style(paragraph: &Paragraph) -> Style {
    if paragraph.boilerplate.is_some() {
        return Style::new().fg(Color::DarkGray).add_modifier(Modifier::DIM);
    }
    match paragraph.role {
        Role::Title => Style::new().add_modifier(Modifier::BOLD),
        Role::Heading(_) => Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        Role::Byline => Style::new().add_modifier(Modifier::ITALIC),
        Role::Body => Style::new(),
    }
}

/// The style of one glyph of a paragraph: the paragraph's, plus any emphasis over it.
fn glyph_style(paragraph: &Paragraph, base: Style, glyph: &Glyph) -> Style {
    let start = glyph.source.start as usize;
    paragraph.emphasis.iter().filter(|e| e.range.start <= start && start < e.range.end).fold(
        base,
        |style, e| match e.kind {
            EmphasisKind::Bold => style.add_modifier(Modifier::BOLD),
            EmphasisKind::Italic => style.add_modifier(Modifier::ITALIC),
            EmphasisKind::Code => style.fg(Color::Yellow),
        },
    )
}

fn draw_title(buf: &mut Buffer, area: Rect, app: &App) {
    if area.height == 0 {
        return;
    }
    let count = app.corpus().documents.len();
    let counter = format!(" {}/{} ", app.document_index() + 1, count);
    let counter_width = counter_width(count);
    put_str(buf, area.x, area.y, &counter, area.width, Style::new().add_modifier(Modifier::DIM));
    let width = area.width.saturating_sub(counter_width + 1);
    let bold = Style::new().add_modifier(Modifier::BOLD);
    draw_line(buf, area.x + counter_width, area.y, width, &app.chrome().title, |_| bold);
}

fn draw_article(buf: &mut Buffer, area: Rect, app: &App) {
    if area.width == 0 {
        return;
    }
    let view = app.view();
    let document = app.document();
    let index = app.document_index();
    let top = app.top_row();
    let hits: &[Hit] = match app.search() {
        Some(search) if search.shown => &search.hits,
        _ => &[],
    };
    let current_hit = app.search().and_then(|s| s.current).and_then(|i| hits.get(i));
    let theme_paragraphs: Vec<usize> = match (app.analysis(), app.active_theme()) {
        (Some(analysis), Some(active)) => analysis.themes[active.index]
            .passages
            .iter()
            .filter(|p| p.document == index)
            .map(|p| p.paragraph)
            .collect(),
        _ => Vec::new(),
    };
    let mark_column = margin_column(area, document.direction);
    for i in 0..area.height {
        let y = area.y + i;
        let anchor = view.anchor_at(top + usize::from(i));
        if let Some(x) = mark_column
            && view.line_at(top + usize::from(i)).is_some()
        {
            let in_theme = theme_paragraphs.contains(&anchor.paragraph);
            let mark = if anchor.paragraph == app.paragraph() {
                Some(("▌", if in_theme { THEME_MARK } else { CURRENT_MARK }))
            } else if in_theme {
                Some((if anchor.line == 0 { "◆" } else { "┊" }, THEME_MARK))
            } else {
                None
            };
            if let Some((symbol, style)) = mark {
                put_str(buf, x, y, symbol, 1, style);
            }
        }
        let Some((p, line)) = view.line_at(top + usize::from(i)) else {
            continue;
        };
        let paragraph = &document.paragraphs[p];
        let base = paragraph_style(paragraph);
        let start = hits.partition_point(|h| (h.document, h.paragraph) < (index, p));
        let here = &hits[start..];
        let here = &here[..here.partition_point(|h| (h.document, h.paragraph) <= (index, p))];
        let landed = app
            .highlight()
            .filter(|h| h.document == index && h.paragraph == p)
            .map(|h| h.range.clone());
        draw_line(buf, area.x, y, area.width, line, |g| {
            let mut style = glyph_style(paragraph, base, g);
            let at = g.source.start as usize;
            if landed.as_ref().is_some_and(|r| r.contains(&at)) {
                style = style.patch(LANDED);
            }
            if let Some(hit) = here.iter().find(|h| h.range.contains(&at)) {
                style = style.patch(if Some(hit) == current_hit { CURRENT_HIT } else { HIT });
            }
            style
        });
    }
}

/// The margin column where the current paragraph and the active theme's passages are
/// marked: on the reading side of the text, a blank column away from it; none when the margin
/// is too narrow.
fn margin_column(text: Rect, direction: Direction) -> Option<u16> {
    if direction.is_rtl() { Some(text.right() + 1) } else { text.x.checked_sub(2) }
}

/// The part of the panel where its list goes: inside the separator (beside the article) or a
/// margin (in its place).
pub fn panel_list(panel: Rect, beside: bool) -> Rect {
    if beside {
        Rect { x: panel.x + 2, width: panel.width.saturating_sub(3), ..panel }
    } else {
        Rect { x: panel.x + 1, width: panel.width.saturating_sub(2), ..panel }
    }
}

/// The width of the article counter in the top bar (" 2/5 ") for `count` articles.
pub fn counter_width(count: usize) -> u16 {
    (2 * count.to_string().len() + 3) as u16
}

fn draw_panel(buf: &mut Buffer, area: Rect, app: &App, beside: bool) {
    if beside {
        for y in area.top()..area.bottom() {
            if let Some(cell) = buf.cell_mut((area.x, y)) {
                cell.set_symbol("│").set_style(Style::new().add_modifier(Modifier::DIM));
            }
        }
    }
    let list = panel_list(area, beside);
    if list.height == 0 || list.width < 3 {
        return;
    }
    let focused = app.focus() == Focus::Panel;
    draw_tabs(buf, list, app.section(), focused);
    let area = app.panel_items_area(list);
    let items = app.panel_items();
    if items.is_empty() {
        let empty = match (app.section(), app.analysis()) {
            (Section::Outline, _) => "(no headings)",
            (_, None) => "Reading the articles…",
            (Section::KeyPoints, _) => "(no key points)",
            (Section::Facts, _) => "(no figures in this article)",
            (Section::Related, _) => "(nothing in the other articles is close to this paragraph)",
            (Section::Themes, _) => "(no theme runs through this article)",
        };
        let line = one_line(empty, Direction::Ltr, area.width, app.options());
        let quiet = Style::new().add_modifier(Modifier::DIM);
        draw_line(buf, area.x, area.y, area.width, &line, |_| quiet);
        return;
    }
    let current = (app.section() == Section::Outline).then(|| app.current_section()).flatten();
    let selected = app.panel_selected();
    let height = usize::from(area.height);
    for (n, start) in item_rows(items, app.panel_first(height), height) {
        let item = &items[n];
        let chosen = focused && n == selected;
        if Some(n) == current || chosen {
            let mark = if chosen { "▸" } else { "•" };
            put_str(buf, area.x, area.y + start as u16, mark, 1, Style::new().bold());
        }
        for (k, line) in item.lines.iter().enumerate() {
            let row = start + k;
            if row >= height {
                break;
            }
            let mut style = match line.tone {
                Tone::Text => Style::new(),
                Tone::Quiet => Style::new().fg(Color::DarkGray),
            };
            if chosen {
                style = style.add_modifier(Modifier::REVERSED);
            }
            let y = area.y + row as u16;
            draw_line(buf, area.x + 2, y, area.width.saturating_sub(2), &line.line, |g| {
                let at = g.source.start as usize;
                if line.strong.iter().any(|r| r.contains(&at)) {
                    style.add_modifier(Modifier::BOLD).fg(Color::Yellow)
                } else {
                    style
                }
            });
        }
    }
}

/// The panel's tab bar: every section's name when they fit, else the current one between
/// arrows. The current section is shown reversed when the panel has the focus.
fn draw_tabs(buf: &mut Buffer, area: Rect, section: Section, focused: bool) {
    let names: Vec<&str> = Section::ALL.iter().map(|s| s.title()).collect();
    let full: u16 = names.iter().map(|n| n.len() as u16 + 1).sum();
    let active = if focused {
        Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
    } else {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    };
    let quiet = Style::new().fg(Color::DarkGray);
    if full <= area.width {
        let mut x = area.x;
        for (s, name) in Section::ALL.iter().zip(names) {
            let style = if *s == section { active } else { quiet };
            put_str(buf, x, area.y, name, area.right() - x, style);
            x += name.len() as u16 + 1;
        }
    } else {
        put_str(buf, area.x, area.y, "‹ ", area.width, quiet);
        put_str(buf, area.x + 2, area.y, section.title(), area.width.saturating_sub(2), active);
        let x = area.x + 2 + section.title().len() as u16;
        if x < area.right() {
            put_str(buf, x, area.y, " ›", area.right() - x, quiet);
        }
    }
}

fn draw_status(buf: &mut Buffer, area: Rect, app: &App) {
    if area.height == 0 {
        return;
    }
    let bar = Style::new().add_modifier(Modifier::REVERSED);
    buf.set_style(area, bar);
    if let Some(prompt) = app.prompt() {
        draw_prompt(buf, area, prompt, app);
        return;
    }
    let left = match app.message() {
        Some(message) => format!(" {message}"),
        None => {
            let mut parts = vec![format!(
                " article {}/{}  {}%",
                app.document_index() + 1,
                app.corpus().documents.len(),
                app.percent()
            )];
            if let (Some(analysis), Some(active)) = (app.analysis(), app.active_theme()) {
                let theme = &analysis.themes[active.index];
                let at = active.passage.map_or("–".to_string(), |i| (i + 1).to_string());
                parts.push(format!(
                    "theme «{}» passage {at} of {}",
                    theme.label,
                    theme.passages.len()
                ));
            }
            if let Some(search) = app.search().filter(|s| s.shown) {
                let at = search.current.map_or("–".to_string(), |i| (i + 1).to_string());
                parts.push(format!("«{}» {at}/{}", search.query.trim(), search.hits.len()));
            }
            parts.join("  ·  ")
        }
    };
    let right = "Tab panel  t themes  / search  ? help  q quit ";
    let right_width = right.chars().count() as u16;
    let line = one_line(&left, Direction::Ltr, area.width, app.options());
    draw_line(buf, area.x, area.y, area.width, &line, |_| bar);
    if line.width + right_width < area.width {
        put_str(buf, area.right() - right_width, area.y, right, right_width, bar);
    }
}

/// The search prompt: "/" and the text typed so far, laid out in reading order, with the
/// cursor at its logical end (on the left of right-to-left text).
fn draw_prompt(buf: &mut Buffer, area: Rect, prompt: &str, app: &App) {
    let bar = Style::new().add_modifier(Modifier::REVERSED);
    put_str(buf, area.x, area.y, " Search: ", area.width, bar);
    let x = area.x + 9;
    let width = area.width.saturating_sub(10);
    if width == 0 {
        return;
    }
    let line = tail_line(prompt, width.saturating_sub(1), app);
    let cursor = Style::new();
    let rtl = crate::text::first_strong_direction(prompt) == Some(Direction::Rtl);
    let text_x = if rtl { x + 1 } else { x };
    let mut shown = line;
    shown.indent = 0;
    draw_line(buf, text_x, area.y, width, &shown, |_| bar);
    let cursor_x = if rtl { x } else { x + shown.width };
    put_str(buf, cursor_x, area.y, " ", 1, cursor);
}

/// The end of a typed text that fits `width` cells, laid out on one line.
fn tail_line(text: &str, width: u16, app: &App) -> VisualLine {
    let mut start = 0;
    loop {
        let layout = crate::layout::layout_paragraph(
            &text[start..],
            Direction::Ltr,
            width.max(1),
            app.options(),
        );
        if layout.lines.len() <= 1 || start >= text.len() {
            return layout.lines.into_iter().next().unwrap_or_default();
        }
        start += text[start..].chars().next().map_or(1, char::len_utf8);
    }
}

/// A centred box of at most `width` × `height` cells, cleared and framed, with a title (and a
/// note on its bottom edge when `note` is not empty); returns the inside.
fn popup(buf: &mut Buffer, screen: Rect, width: u16, height: u16, title: &str, note: &str) -> Rect {
    let width = width.min(screen.width);
    let height = height.min(screen.height);
    let area = Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + (screen.height - height) / 2,
        width,
        height,
    };
    Clear.render(area, buf);
    let mut block = Block::new().borders(Borders::ALL).title(title);
    if !note.is_empty() {
        block = block.title_bottom(Line::from(note).right_aligned());
    }
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// The help screen: every key of the keymap, from row `scroll` on; when the screen is too
/// short for all of them, the frame says how to see the rest.
fn draw_help(buf: &mut Buffer, screen: Rect, app: &App, scroll: usize) {
    let lines: Vec<(String, &str)> = app
        .keymap()
        .entries()
        .map(|(b, keys)| (keys.iter().map(|k| k.label()).collect::<Vec<_>>().join(" "), b.help))
        .collect();
    let key_width = lines.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0) as u16;
    let help_width = lines.iter().map(|(_, h)| h.chars().count()).max().unwrap_or(0) as u16;
    let width = (key_width + help_width + 6).min(screen.width);
    let height = (lines.len() as u16 + 2).min(screen.height);
    let rows = usize::from(height.saturating_sub(2));
    let scroll = scroll.min(lines.len().saturating_sub(rows));
    let more = if scroll + rows < lines.len() { " j ↓ more " } else { "" };
    // The help is read on its own: no fragment of the article shows around it.
    Clear.render(screen, buf);
    let inner = popup(buf, screen, width, height, " Keys — Esc closes ", more);
    for (i, (keys, help)) in lines.iter().skip(scroll).take(rows).enumerate() {
        let y = inner.y + i as u16;
        let key_style = Style::new().add_modifier(Modifier::BOLD);
        put_str(buf, inner.x + 1, y, keys, inner.width.saturating_sub(1), key_style);
        let x = inner.x + 3 + key_width;
        if x < inner.right() {
            put_str(buf, x, y, help, inner.right() - x, Style::new());
        }
    }
}

fn draw_theme_list(buf: &mut Buffer, screen: Rect, app: &App, selected: usize) {
    let Some(analysis) = app.analysis() else {
        return;
    };
    let themes = &analysis.themes;
    let height = (themes.len() as u16).saturating_add(4);
    let inner = popup(buf, screen, 90, height, " Themes — Enter follows one, Esc closes ", "");
    let rows = usize::from(inner.height.saturating_sub(2));
    let first = selected.saturating_sub(rows.saturating_sub(1));
    let active = app.active_theme().map(|a| a.index);
    for (row, (i, theme)) in themes.iter().enumerate().skip(first).take(rows).enumerate() {
        let y = inner.y + 1 + row as u16;
        let style = if i == selected {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
        };
        let width = inner.width.saturating_sub(2);
        buf.set_style(Rect { x: inner.x + 1, y, width, height: 1 }, style);
        let mark = if Some(i) == active { "● " } else { "  " };
        let counts = format!(
            "{mark}{:>3} passages, {} articles  {}",
            theme.passages.len(),
            theme.article_count(),
            theme.label_en.as_deref().unwrap_or("")
        );
        let natural = one_line(&theme.label, Direction::Rtl, u16::MAX, app.options()).width;
        let label_width = natural.min(width / 2);
        put_str(buf, inner.x + 1, y, &counts, width.saturating_sub(label_width + 1), style);
        let label = one_line(&theme.label, Direction::Rtl, label_width, app.options());
        draw_line(buf, inner.x + 1 + width - label_width, y, label_width, &label, |_| style);
    }
}

fn draw_article_list(buf: &mut Buffer, screen: Rect, app: &App, selected: usize) {
    let documents = &app.corpus().documents;
    let height = (documents.len() as u16).saturating_add(4);
    let inner = popup(buf, screen, 70, height, " Articles — Enter opens, Esc closes ", "");
    let rows = usize::from(inner.height.saturating_sub(2));
    let first = selected.saturating_sub(rows.saturating_sub(1));
    for (row, (i, document)) in documents.iter().enumerate().skip(first).take(rows).enumerate() {
        let y = inner.y + 1 + row as u16;
        let number = format!("{:>3} ", i + 1);
        let style = if i == selected {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
        };
        put_str(buf, inner.x + 1, y, &number, 4, style.add_modifier(Modifier::DIM));
        let width = inner.width.saturating_sub(6);
        let line = one_line(&document.title, document.direction, width, app.options());
        if i == selected {
            buf.set_style(Rect { x: inner.x + 5, y, width, height: 1 }, style);
        }
        draw_line(buf, inner.x + 5, y, width, &line, |_| style);
    }
}
