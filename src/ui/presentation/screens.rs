//! A slide laid out for a width, and cut into screens for a height: what does not fit goes on
//! the next screen, with «continued…» at the foot of the one and «…continued» at the head of
//! the next, never cut off silently. The audience's screen and the speaker view lay slides
//! out here; neither decides what a slide says ([`super::slide`]) and this draws nothing.

use std::ops::Range;

use ratatui::layout::Rect;

use super::slide::{Slide, SlideKind};
use crate::corpus::sanitise_line;
use crate::lang::{Lang, tr};
use crate::layout::{LayoutOptions, VisualLine, layout_paragraph};
use crate::text::Direction;

/// The widest a presented line gets, in cells: short lines read better from the back of a
/// room.
const PRESENTATION_WIDTH: u16 = 72;

/// How a row is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// A title or label: bold.
    Title,
    /// What names or counts: dim.
    Quiet,
    /// The point itself.
    Text,
    /// The speaker's note.
    Note,
    /// «continued…» and «…continued».
    Marker,
}

/// One row of a laid-out slide: a line, or a blank row.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The line; `None` for a blank row.
    pub line: Option<VisualLine>,
    /// How it is drawn.
    pub tone: Tone,
}

impl Row {
    fn blank() -> Row {
        Row { line: None, tone: Tone::Text }
    }
}

/// A slide laid out at one width: the rows every screen of it repeats (a point's article and
/// section), and the rows shared out among its screens.
#[derive(Clone, Debug, PartialEq)]
pub struct LaidOut {
    /// Rows at the head of each screen (followed by a blank row when there are any).
    pub head: Vec<Row>,
    /// The rest, screen after screen.
    pub body: Vec<Row>,
}

/// One screen of a slide: which of its body's rows it shows, and whether it carries on from
/// the screen before or onto the next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Screen {
    /// The rows of the body shown.
    pub rows: Range<usize>,
    /// Whether a screen of the same slide comes before it («…continued» at its head).
    pub continued_from: bool,
    /// Whether a screen of the same slide follows it («continued…» at its foot).
    pub continues: bool,
}

/// Where a slide goes on the audience's screen of `area`: centred, with wide margins, at most
/// 72 cells (`PRESENTATION_WIDTH`) wide, above the progress bar and the footer.
pub fn content_area(area: Rect) -> Rect {
    let margin_x = (area.width / 8).max(2);
    let margin_y = (area.height / 6).max(1);
    let width = area.width.saturating_sub(2 * margin_x).clamp(1, PRESENTATION_WIDTH);
    Rect {
        x: area.x + area.width.saturating_sub(width) / 2,
        y: area.y + margin_y,
        width,
        height: area.height.saturating_sub(2 * margin_y + 2),
    }
}

/// `slide` laid out at `width`, with its note when `with_note` (the note's label in `lang`).
pub fn lay_out(
    slide: &Slide,
    width: u16,
    options: &LayoutOptions,
    lang: Lang,
    with_note: bool,
) -> LaidOut {
    let lines = |text: &str, direction: Direction| {
        layout_paragraph(&sanitise_line(text), direction, width, options).lines
    };
    let rows = |text: &str, direction: Direction, tone: Tone| -> Vec<Row> {
        lines(text, direction).into_iter().map(|line| Row { line: Some(line), tone }).collect()
    };
    let (mut head, mut body) = (Vec::new(), Vec::new());
    match slide.kind {
        SlideKind::Point => {
            // The article and the section, a line each, on every screen of the point.
            head.extend(rows(&slide.title, slide.direction, Tone::Quiet).into_iter().take(1));
            if let Some(section) = &slide.section {
                head.extend(rows(section, slide.direction, Tone::Quiet).into_iter().take(1));
            }
            body.extend(rows(&slide.text, slide.direction, Tone::Text));
        }
        SlideKind::Title | SlideKind::Theme | SlideKind::End => {
            body.extend(rows(&slide.title, slide.direction, Tone::Title));
            if !slide.about.is_empty() {
                body.push(Row::blank());
            }
            for about in &slide.about {
                body.extend(rows(about, slide.direction, Tone::Quiet));
            }
        }
    }
    if with_note {
        let note = match &slide.note {
            Some(note) => format!("{}: {note}", tr(lang, "Note")),
            None => tr(lang, "(no note on this point)").to_string(),
        };
        body.push(Row::blank());
        body.extend(rows(&note, lang.direction(), Tone::Note));
    }
    LaidOut { head, body }
}

/// The marker row at the foot of a screen whose slide goes on, or (`head`) at the head of the
/// screen that takes it up, in `lang`.
pub fn marker(lang: Lang, head: bool, width: u16, options: &LayoutOptions) -> Row {
    let text = tr(lang, if head { "…continued" } else { "continued…" });
    let line = layout_paragraph(text, lang.direction(), width, options).lines.into_iter().next();
    Row { line, tone: Tone::Marker }
}

impl LaidOut {
    /// How many rows the head takes on a screen, with the blank row under it.
    pub fn head_rows(&self) -> usize {
        if self.head.is_empty() { 0 } else { self.head.len() + 1 }
    }

    /// The screens the slide takes at `height` rows: one when it fits, else as many as its
    /// body needs, each but the first with a marker row at its head and each but the last
    /// with one at its foot. At least one body row goes on each screen, however small.
    pub fn screens(&self, height: u16) -> Vec<Screen> {
        let room = usize::from(height).saturating_sub(self.head_rows());
        let total = self.body.len();
        if total <= room {
            return vec![Screen { rows: 0..total, continued_from: false, continues: false }];
        }
        let mut screens = Vec::new();
        let mut start = 0;
        while start < total {
            let continued_from = start > 0;
            let here = room.saturating_sub(usize::from(continued_from));
            let (end, continues) = if total - start <= here {
                (total, false)
            } else {
                (start + here.saturating_sub(1).max(1), true)
            };
            screens.push(Screen { rows: start..end, continued_from, continues });
            start = end;
        }
        screens
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn laid_out(body: usize, head: usize) -> LaidOut {
        let row = || Row::blank();
        LaidOut {
            head: (0..head).map(|_| row()).collect(),
            body: (0..body).map(|_| row()).collect(),
        }
    }

    #[test]
    fn a_slide_that_fits_is_one_screen() {
        let screens = laid_out(5, 2).screens(8);
        assert_eq!(screens, [Screen { rows: 0..5, continued_from: false, continues: false }]);
    }

    #[test]
    fn a_slide_that_does_not_fit_goes_on_with_markers_and_loses_no_row() {
        // 8 rows, 3 of them the head and its blank row: 5 for the body, markers included.
        let screens = laid_out(12, 2).screens(8);
        let shown: Vec<usize> = screens.iter().flat_map(|s| s.rows.clone()).collect();
        assert_eq!(shown, (0..12).collect::<Vec<_>>(), "every row once, in order");
        assert_eq!(screens[0].rows, 0..4, "four rows and «continued…»");
        assert!(screens[0].continues && !screens[0].continued_from);
        assert_eq!(screens[1].rows, 4..7, "«…continued», three rows, «continued…»");
        let last = screens.last().unwrap();
        assert!(last.continued_from && !last.continues);
        for screen in &screens {
            let markers = usize::from(screen.continued_from) + usize::from(screen.continues);
            assert!(screen.rows.len() + markers <= 5, "{screen:?}");
        }
    }

    #[test]
    fn a_tiny_screen_still_shows_a_row_at_a_time() {
        let screens = laid_out(3, 2).screens(2);
        assert_eq!(screens.len(), 3);
        assert!(screens.iter().all(|s| s.rows.len() == 1));
    }
}
