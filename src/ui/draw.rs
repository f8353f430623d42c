//! Drawing the reader: every piece of text goes through the layout engine, and each glyph is
//! put in its cell as laid out. Nothing here decides order or shape.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::app::{App, Focus, Overlay};
use super::chrome::one_line;
use super::keymap::BINDINGS;
use crate::corpus::{EmphasisKind, Paragraph, Role};
use crate::layout::{Glyph, VisualLine};

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
        Some(Overlay::Help) => draw_help(buf, buf.area),
        Some(Overlay::Articles { selected }) => draw_article_list(buf, buf.area, app, selected),
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
    let view = app.view();
    let document = app.document();
    let top = app.top_row();
    for i in 0..area.height {
        let Some((index, line)) = view.line_at(top + usize::from(i)) else {
            continue;
        };
        let paragraph = &document.paragraphs[index];
        let base = paragraph_style(paragraph);
        draw_line(buf, area.x, area.y + i, area.width, line, |g| glyph_style(paragraph, base, g));
    }
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
    let area = panel_list(area, beside);
    if area.height == 0 || area.width < 3 {
        return;
    }
    let focused = app.focus() == Focus::Panel;
    let header = if focused { "Outline ◂" } else { "Outline" };
    put_str(buf, area.x, area.y, header, area.width, Style::new().add_modifier(Modifier::BOLD));
    let items = &app.chrome().outline;
    if items.is_empty() {
        put_str(
            buf,
            area.x,
            area.y + 2,
            "(no headings)",
            area.width,
            Style::new().add_modifier(Modifier::DIM),
        );
        return;
    }
    let current = app.current_section();
    let rows = usize::from(area.height.saturating_sub(2));
    let selected = app.panel_selected();
    let first = if focused { selected.saturating_sub(rows.saturating_sub(1)) } else { 0 };
    for (row, (n, (_, line))) in items.iter().enumerate().skip(first).take(rows).enumerate() {
        let y = area.y + 2 + row as u16;
        let mut style = Style::new();
        if Some(n) == current {
            style = style.add_modifier(Modifier::BOLD);
            put_str(buf, area.x, y, "•", 1, style);
        }
        if focused && n == selected {
            style = style.add_modifier(Modifier::REVERSED);
        }
        draw_line(buf, area.x + 2, y, area.width.saturating_sub(2), line, |_| style);
    }
}

fn draw_status(buf: &mut Buffer, area: Rect, app: &App) {
    if area.height == 0 {
        return;
    }
    let bar = Style::new().add_modifier(Modifier::REVERSED);
    buf.set_style(area, bar);
    let left = match app.message() {
        Some(message) => format!(" {message}"),
        None => format!(
            " article {}/{}  {}%",
            app.document_index() + 1,
            app.corpus().documents.len(),
            app.percent()
        ),
    };
    let right = "Tab outline  o articles  ? help  q quit ";
    put_str(buf, area.x, area.y, &left, area.width, bar);
    let left_width = left.chars().count() as u16;
    let right_width = right.chars().count() as u16;
    if left_width + right_width < area.width {
        put_str(buf, area.right() - right_width, area.y, right, right_width, bar);
    }
}

/// A centred box of at most `width` × `height` cells, cleared and framed, with a title;
/// returns the inside.
fn popup(buf: &mut Buffer, screen: Rect, width: u16, height: u16, title: &str) -> Rect {
    let width = width.min(screen.width);
    let height = height.min(screen.height);
    let area = Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + (screen.height - height) / 2,
        width,
        height,
    };
    Clear.render(area, buf);
    let block = Block::new().borders(Borders::ALL).title(title);
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

fn draw_help(buf: &mut Buffer, screen: Rect) {
    let lines: Vec<(String, &str)> = BINDINGS
        .iter()
        .map(|b| (b.keys.iter().map(|k| k.label()).collect::<Vec<_>>().join(" "), b.help))
        .collect();
    let key_width = lines.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0) as u16;
    let help_width = lines.iter().map(|(_, h)| h.chars().count()).max().unwrap_or(0) as u16;
    let inner = popup(
        buf,
        screen,
        key_width + help_width + 7,
        lines.len() as u16 + 4,
        " Keys — Esc closes ",
    );
    for (i, (keys, help)) in lines.iter().enumerate() {
        let y = inner.y + 1 + i as u16;
        if y >= inner.bottom() {
            break;
        }
        let key_style = Style::new().add_modifier(Modifier::BOLD);
        put_str(buf, inner.x + 1, y, keys, inner.width.saturating_sub(1), key_style);
        let x = inner.x + 3 + key_width;
        if x < inner.right() {
            put_str(buf, x, y, help, inner.right() - x, Style::new());
        }
    }
}

fn draw_article_list(buf: &mut Buffer, screen: Rect, app: &App, selected: usize) {
    let documents = &app.corpus().documents;
    let height = (documents.len() as u16).saturating_add(4);
    let inner = popup(buf, screen, 70, height, " Articles — Enter opens, Esc closes ");
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
