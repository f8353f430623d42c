//! Drawing the speaker view: which slide the audience sees, the slide itself, its note, the
//! next slide, and the time presented and left — or, with no presentation to follow, that it
//! waits for one. Slides are laid out as the audience's screen lays them out
//! ([`crate::ui::presentation::screens`]).

use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::published::Published;
use crate::lang::{Lang, fill, tr};
use crate::layout::{LayoutOptions, layout_paragraph};
use crate::ui::paint::draw_line;
use crate::ui::palette::Palette;
use crate::ui::presentation::draw::{clear, draw_rows, time_text, tone_style};
use crate::ui::presentation::screens::{Row, Tone, lay_out, marker};
use crate::ui::presentation::{Slide, SlideKind};

/// What drawing the speaker view needs.
pub struct Desk<'a> {
    /// The interface language.
    pub lang: Lang,
    /// Colours.
    pub palette: &'a Palette,
    /// How text is laid out.
    pub options: &'a LayoutOptions,
    /// The local time ("14:32").
    pub clock: String,
}

/// Draw the speaker view on `area`: `following` is what the presenting reader showed when it
/// was heard at that instant, `now` the instant drawn.
pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    following: Option<(&Published, Instant)>,
    now: Instant,
    desk: &Desk,
) {
    clear(buf, area, desk.palette);
    if area.height < 6 || area.width < 20 {
        return;
    }
    let Some((shown, heard)) = following else {
        let rows = [
            line_row(tr(desk.lang, "Waiting for a presentation…"), Tone::Title, area.width, desk),
            Row { line: None, tone: Tone::Text },
            line_row(
                tr(desk.lang, "Press p in a basira reader to present; q leaves."),
                Tone::Quiet,
                area.width,
                desk,
            ),
        ];
        draw_rows(buf, area, &rows, desk.palette);
        return;
    };
    let width = area.width.saturating_sub(4);
    let inner = |y: u16, height: u16| Rect { x: area.x + 2, y, width, height };
    // A row at the head: where the audience is.
    let mut at = fill(desk.lang, "Slide {} of {}", &[&(shown.index + 1), &shown.count]);
    if shown.screens > 1 {
        at = fill(desk.lang, "{} (screen {} of {})", &[&at, &(shown.screen + 1), &shown.screens]);
    }
    let head = format!("{at} · {}", shown.title);
    draw_label(buf, inner(area.y, 1), &head, Tone::Title, desk);
    let body = area.height - 2;
    let now_rows = body * 9 / 20;
    let note_rows = body / 4;
    let next_rows = body - now_rows - note_rows;
    let mut y = area.y + 1;
    draw_section(buf, inner(y, now_rows), tr(desk.lang, "Now"), Some(&shown.current), desk);
    y += now_rows;
    let note = shown.current.note.as_deref().unwrap_or(tr(desk.lang, "(no note on this point)"));
    draw_label(buf, inner(y, 1), tr(desk.lang, "Note"), Tone::Quiet, desk);
    let note_lines = laid_rows(note, Tone::Note, width, desk);
    draw_cut(buf, inner(y + 1, note_rows.saturating_sub(1)), note_lines, desk);
    y += note_rows;
    draw_section(buf, inner(y, next_rows), tr(desk.lang, "Next"), shown.next.as_ref(), desk);
    draw_footer(buf, Rect { y: area.bottom() - 1, height: 1, ..area }, shown, heard, now, desk);
}

/// A section of the view: its label, then the slide laid out (cut with a marker when it does
/// not fit), or "(the end)".
fn draw_section(buf: &mut Buffer, area: Rect, label: &str, slide: Option<&Slide>, desk: &Desk) {
    if area.height == 0 {
        return;
    }
    draw_label(buf, Rect { height: 1, ..area }, label, Tone::Quiet, desk);
    let rest = Rect { y: area.y + 1, height: area.height - 1, ..area };
    let rows = match slide {
        Some(slide) => {
            let laid = lay_out(slide, rest.width, desk.options, desk.lang, false);
            let mut rows = laid.head;
            if !rows.is_empty() {
                rows.push(Row { line: None, tone: Tone::Text });
            }
            if slide.kind != SlideKind::Point {
                rows.retain(|r| r.line.is_some());
            }
            rows.extend(laid.body);
            rows
        }
        None => laid_rows(tr(desk.lang, "(the end)"), Tone::Quiet, rest.width, desk),
    };
    draw_cut(buf, rest, rows, desk);
}

/// `rows` in `area` from its top, the last row a «continued…» marker when they do not fit.
fn draw_cut(buf: &mut Buffer, area: Rect, mut rows: Vec<Row>, desk: &Desk) {
    let room = usize::from(area.height);
    if rows.len() > room && room > 0 {
        rows.truncate(room - 1);
        rows.push(marker(desk.lang, false, area.width, desk.options));
    }
    for (y, row) in (area.y..area.bottom()).zip(&rows) {
        if let Some(line) = &row.line {
            let style = tone_style(desk.palette, row.tone);
            draw_line(buf, area.x, y, area.width, line, |_| style);
        }
    }
}

/// A label on one row, on the interface's reading side.
fn draw_label(buf: &mut Buffer, area: Rect, text: &str, tone: Tone, desk: &Desk) {
    if let Some(Row { line: Some(line), .. }) = laid_rows(text, tone, area.width, desk).first() {
        let style = tone_style(desk.palette, tone);
        draw_line(buf, area.x, area.y, area.width, line, |_| style);
    }
}

/// `text` laid out at `width` in the interface's direction, a row a line.
fn laid_rows(text: &str, tone: Tone, width: u16, desk: &Desk) -> Vec<Row> {
    let text = crate::corpus::sanitise_line(text);
    let lines = layout_paragraph(&text, desk.lang.direction(), width, desk.options).lines;
    lines.into_iter().map(|line| Row { line: Some(line), tone }).collect()
}

/// One line of `text`, for the waiting screen.
fn line_row(text: &str, tone: Tone, width: u16, desk: &Desk) -> Row {
    laid_rows(text, tone, width, desk).into_iter().next().unwrap_or(Row { line: None, tone })
}

/// The time presented on one side, the time left (in the warning style in the last minute)
/// in the middle, the clock on the other side.
fn draw_footer(
    buf: &mut Buffer,
    area: Rect,
    shown: &Published,
    heard: Instant,
    now: Instant,
    desk: &Desk,
) {
    let elapsed = shown.elapsed_at(heard, now);
    let presented = fill(
        desk.lang,
        "presented {}",
        &[&crate::ui::presentation::timer::minutes_and_seconds(elapsed, false)],
    );
    let length = shown.length_s.map(Duration::from_secs);
    let quiet = tone_style(desk.palette, Tone::Quiet);
    let (sides, middle) = if desk.lang.is_rtl() {
        ((desk.clock.clone(), presented), length)
    } else {
        ((presented, desk.clock.clone()), length)
    };
    let put = |buf: &mut Buffer, x: u16, text: &str| {
        let text = layout_paragraph(text, desk.lang.direction(), area.width, desk.options).lines;
        if let Some(mut line) = text.into_iter().next() {
            line.indent = 0;
            let x = x.min(area.right().saturating_sub(line.width));
            draw_line(buf, x, area.y, line.width, &line, |_| quiet);
        }
    };
    put(buf, area.x + 1, &sides.0);
    let right = unicode_width::UnicodeWidthStr::width(sides.1.as_str()) as u16;
    put(buf, area.right().saturating_sub(right + 1), &sides.1);
    if let Some(length) = middle {
        let (text, late) = time_text(elapsed, Some(length), shown.running, desk.lang);
        let style = if late { desk.palette.time_warning } else { quiet };
        let lines = layout_paragraph(&text, desk.lang.direction(), area.width, desk.options).lines;
        if let Some(mut line) = lines.into_iter().next() {
            line.indent = 0;
            let x = area.x + area.width.saturating_sub(line.width) / 2;
            draw_line(buf, x, area.y, line.width, &line, |_| style);
        }
    } else if !shown.running {
        let text = fill(desk.lang, "{} (paused)", &[&""]);
        put(buf, area.x + area.width.saturating_sub(text.len() as u16) / 2, text.trim());
    }
}
