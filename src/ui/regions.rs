//! Where each part of the reader goes on a screen of a given size.

use ratatui::layout::Rect;

/// Below this many columns the side panel folds away; Tab shows it in place of the article.
pub const PANEL_FOLD_COLUMNS: u16 = 100;
/// The widest the text column gets, for lines that are comfortable to read.
pub const MAX_TEXT_WIDTH: u16 = 90;

/// How the side panel is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PanelMode {
    /// Beside the article (wide screens).
    Beside,
    /// Folded away (narrow screens).
    Folded,
    /// In place of the article (narrow screens, after Tab).
    Instead,
}

/// The rectangles of the reader's parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Regions {
    /// The top bar with the article's title.
    pub title: Rect,
    /// The article pane (empty when the panel is shown instead).
    pub article: Rect,
    /// The column inside the article pane where text is drawn.
    pub text: Rect,
    /// The side panel (empty when folded).
    pub panel: Rect,
    /// The bottom status line.
    pub status: Rect,
}

impl Regions {
    /// Split a screen of `area` for the given panel mode. Any size works, down to nothing.
    pub fn of(area: Rect, mode: PanelMode) -> Regions {
        let bar_rows = if area.height >= 3 { 1 } else { 0 };
        let status_rows = if area.height >= 2 { 1 } else { 0 };
        let title = Rect { height: bar_rows, ..area };
        let status =
            Rect { y: area.bottom().saturating_sub(status_rows), height: status_rows, ..area };
        let body = Rect {
            y: area.y + bar_rows,
            height: area.height.saturating_sub(bar_rows + status_rows),
            ..area
        };
        let (article, panel) = match mode {
            PanelMode::Folded => (body, Rect { width: 0, ..body }),
            PanelMode::Instead => (Rect { width: 0, ..body }, body),
            PanelMode::Beside => {
                let panel_width = (body.width * 3 / 10).clamp(24, 44).min(body.width / 2);
                let article = Rect { width: body.width - panel_width, ..body };
                let panel = Rect { x: article.right(), width: panel_width, ..body };
                (article, panel)
            }
        };
        Regions { title, article, text: text_column(article), panel, status }
    }
}

/// The text column of the article pane: a margin of two columns on each side where there is
/// room, at most [`MAX_TEXT_WIDTH`] wide, centred.
fn text_column(article: Rect) -> Rect {
    let margin = if article.width >= 24 { 2 } else { 0 };
    let width = article.width.saturating_sub(2 * margin).min(MAX_TEXT_WIDTH);
    let x = article.x + (article.width - width) / 2;
    Rect { x, width, ..article }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_fit_the_screen_at_any_size() {
        for w in 0..=220 {
            for h in 0..=50 {
                let area = Rect::new(0, 0, w, h);
                for mode in [PanelMode::Beside, PanelMode::Folded, PanelMode::Instead] {
                    let r = Regions::of(area, mode);
                    for part in [r.title, r.article, r.text, r.panel, r.status] {
                        assert!(part.right() <= area.right() && part.bottom() <= area.bottom());
                    }
                    assert!(
                        r.article.right() <= r.panel.x
                            || r.panel.width == 0
                            || r.article.width == 0
                    );
                }
            }
        }
    }

    #[test]
    fn eighty_columns_reads_with_margins() {
        let r = Regions::of(Rect::new(0, 0, 80, 24), PanelMode::Folded);
        assert_eq!(r.text, Rect::new(2, 1, 76, 22));
        let wide = Regions::of(Rect::new(0, 0, 160, 45), PanelMode::Beside);
        assert_eq!(wide.panel.width, 44);
        assert_eq!(wide.text.width, 90);
    }
}
