//! Drawing a presentation for the audience: the screen of the slide shown, centred, a progress
//! bar, and the footer (progress, the time presented or left, the clock). The speaker view
//! draws slides with [`draw_rows`] too.

use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::screens::{LaidOut, Row, Screen, Tone, content_area, lay_out, marker};
use super::timer::{Left, left, minutes_and_seconds};
use super::{Notice, Presentation};
use crate::lang::{Lang, fill, tr};
use crate::ui::paint::draw_line;
use crate::ui::palette::Palette;

/// What drawing a presentation needs besides the presentation itself.
pub struct Stage<'a> {
    /// The local time as the footer shows it ("14:32").
    pub clock: String,
    /// The instant the footer's times run to.
    pub now: Instant,
    /// Colours.
    pub palette: &'a Palette,
    /// Frames and marks in plain ASCII (the progress bar).
    pub ascii: bool,
}

/// The style of a row of `tone` on a presentation's `base`.
pub fn tone_style(palette: &Palette, tone: Tone) -> Style {
    let base = palette.presentation;
    match tone {
        Tone::Title => base.add_modifier(Modifier::BOLD),
        Tone::Quiet | Tone::Marker => base.add_modifier(Modifier::DIM),
        Tone::Text => base,
        Tone::Note => palette.note,
    }
}

/// Fill `area` with the presentation's background.
pub fn clear(buf: &mut Buffer, area: Rect, palette: &Palette) {
    buf.set_style(area, palette.presentation);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            if let Some(cell) = buf.cell_mut((x, y)) {
                cell.set_symbol(" ");
            }
        }
    }
}

/// Draw the presentation on the whole of `area`.
pub fn draw(buf: &mut Buffer, area: Rect, presentation: &Presentation, stage: &Stage) {
    clear(buf, area, stage.palette);
    if area.height < 4 || area.width < 8 {
        return;
    }
    let content = content_area(area);
    let frame = presentation.frame();
    let laid = lay_out(
        presentation.slide(),
        content.width,
        &frame.options,
        frame.lang,
        presentation.shows_note(),
    );
    let (screen, _) = presentation.screen();
    let rows = screen_rows(&laid, screen, frame.lang, content.width, &frame.options);
    draw_rows(buf, content, &rows, stage.palette);
    let bar = Rect { y: area.bottom() - 2, height: 1, ..area };
    match presentation.notice() {
        Some(notice) => draw_notice(buf, bar, notice, frame.lang, stage.palette),
        None => draw_progress_bar(buf, bar, presentation, stage),
    }
    draw_footer(buf, Rect { y: area.bottom() - 1, height: 1, ..area }, presentation, stage);
}

/// The rows of one screen of a laid-out slide: the head and a blank row, the marker of a
/// screen that carries on from the one before, the screen's rows, the marker of one that goes
/// on.
pub fn screen_rows(
    laid: &LaidOut,
    screen: &Screen,
    lang: Lang,
    width: u16,
    options: &crate::layout::LayoutOptions,
) -> Vec<Row> {
    let mut rows: Vec<Row> = laid.head.clone();
    if !rows.is_empty() {
        rows.push(Row { line: None, tone: Tone::Text });
    }
    if screen.continued_from {
        rows.push(marker(lang, true, width, options));
    }
    rows.extend(laid.body[screen.rows.clone()].iter().cloned());
    if screen.continues {
        rows.push(marker(lang, false, width, options));
    }
    rows
}

/// Draw `rows` centred in `area`, the whole block in the middle and each line in the middle;
/// rows past the area's foot are not drawn (the screens are cut so that none is).
pub fn draw_rows(buf: &mut Buffer, area: Rect, rows: &[Row], palette: &Palette) {
    let spare = usize::from(area.height).saturating_sub(rows.len());
    let top = area.y + (spare / 2) as u16;
    for (y, row) in (top..area.bottom()).zip(rows) {
        if let Some(line) = &row.line {
            let mut centred = line.clone();
            centred.indent = area.width.saturating_sub(line.width) / 2;
            let style = tone_style(palette, row.tone);
            draw_line(buf, area.x, y, area.width, &centred, |_| style);
        }
    }
}

/// A thin bar across the screen, filled as far as the presentation has gone (from the right
/// in an Arabic interface).
fn draw_progress_bar(buf: &mut Buffer, area: Rect, presentation: &Presentation, stage: &Stage) {
    let width = area.width.saturating_sub(2);
    let count = presentation.slides().len().max(1);
    let done = (usize::from(width) * (presentation.index() + 1)).div_ceil(count) as u16;
    let (full, empty) = if stage.ascii { ("=", "-") } else { ("━", "─") };
    let base = stage.palette.presentation;
    let rtl = presentation.frame().lang.is_rtl();
    for i in 0..width {
        let filled = if rtl { i >= width - done } else { i < done };
        let (symbol, style) =
            if filled { (full, base) } else { (empty, base.add_modifier(Modifier::DIM)) };
        buf.set_string(area.x + 1 + i, area.y, symbol, style);
    }
}

/// A notice in the bar's place, centred.
fn draw_notice(buf: &mut Buffer, area: Rect, notice: &Notice, lang: Lang, palette: &Palette) {
    let text = match notice {
        Notice::NotesInSpeakerView => tr(
            lang,
            "Notes are shown in the speaker view (basira present --speaker), not to the audience.",
        )
        .to_string(),
        Notice::SpeakerViewTaken => {
            tr(lang, "Another presentation has the speaker view; this one is not sent to it.")
                .to_string()
        }
        Notice::SpeakerViewFailed(why) => fill(lang, "No speaker view: {}", &[why]),
    };
    let options = crate::layout::LayoutOptions::default();
    let line = crate::layout::layout_paragraph(&text, lang.direction(), area.width, &options).lines;
    if let Some(line) = line.into_iter().next() {
        let rows = [Row { line: Some(line), tone: Tone::Quiet }];
        draw_rows(buf, area, &rows, palette);
    }
}

/// What the footer's middle says after `elapsed` of a session of `length`: the time
/// presented, or with a length the time left (past the end, the time over), and whether the
/// clock is paused; and whether it is the session's last minute.
pub fn time_text(
    elapsed: Duration,
    length: Option<Duration>,
    running: bool,
    lang: Lang,
) -> (String, bool) {
    let (mut text, late) = match length.map(|length| left(elapsed, length)) {
        None => (minutes_and_seconds(elapsed, false), false),
        Some(standing @ Left::Left(time)) => {
            (fill(lang, "{} left", &[&minutes_and_seconds(time, true)]), standing.is_late())
        }
        Some(Left::Over(time)) => {
            (fill(lang, "{} over", &[&minutes_and_seconds(time, false)]), true)
        }
    };
    if !running {
        text = fill(lang, "{} (paused)", &[&text]);
    }
    (text, late)
}

/// Progress on one side, the time in the middle (in the warning style in the last minute),
/// the clock on the other side.
fn draw_footer(buf: &mut Buffer, area: Rect, presentation: &Presentation, stage: &Stage) {
    let style = stage.palette.presentation.add_modifier(Modifier::DIM);
    let lang = presentation.frame().lang;
    let mut progress = format!("{}/{}", presentation.index() + 1, presentation.slides().len());
    let (_, screens) = presentation.screen();
    if screens > 1 {
        let at = presentation.screen_index() + 1;
        progress = format!("{progress} ({at}/{screens})");
    }
    if !presentation.typed().is_empty() {
        progress = format!("{progress}  → {}", presentation.typed());
    }
    let timer = presentation.timer();
    let elapsed = timer.elapsed_at(stage.now);
    let (time, late) = time_text(elapsed, timer.length(), timer.is_running(), lang);
    let time_style = if late { stage.palette.time_warning } else { style };
    let (left, right) = if lang.is_rtl() {
        (stage.clock.clone(), progress)
    } else {
        (progress, stage.clock.clone())
    };
    let put = |buf: &mut Buffer, x: u16, text: &str, style: Style| {
        buf.set_stringn(x, area.y, text, usize::from(area.right().saturating_sub(x)), style);
    };
    put(buf, area.x + 1, &left, style);
    let shown = crate::layout::layout_paragraph(
        &time,
        lang.direction(),
        area.width,
        &presentation.frame().options,
    )
    .lines;
    if let Some(mut line) = shown.into_iter().next() {
        line.indent = 0;
        let x = area.x + area.width.saturating_sub(line.width) / 2;
        draw_line(buf, x, area.y, line.width, &line, |_| time_style);
    }
    let right_width = unicode_width::UnicodeWidthStr::width(right.as_str()) as u16;
    put(buf, area.right().saturating_sub(right_width + 1), &right, style);
}
