//! Where each part of the reader goes on a screen of a given size.

use ratatui::layout::Rect;

/// Below this many columns the side panel folds away; Tab shows it in place of the article.
pub const PANEL_FOLD_COLUMNS: u16 = 100;
/// The widest the text column gets by default, for lines that are comfortable to read.
pub const MAX_TEXT_WIDTH: u16 = 90;

/// What the split depends on besides the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arrangement {
    /// How the side panel is shown.
    pub mode: PanelMode,
    /// The widest the text column gets.
    pub max_text_width: u16,
    /// The panel on the left (an Arabic interface), else on the right.
    pub mirrored: bool,
}

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
    /// Split a screen of `area` as `arrangement` says. Any size works, down to nothing.
    pub fn of(area: Rect, arrangement: Arrangement) -> Regions {
        let Arrangement { mode, max_text_width, mirrored } = arrangement;
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
                let panel_width = panel_width(body.width, max_text_width);
                let article_width = body.width - panel_width;
                if mirrored {
                    let panel = Rect { width: panel_width, ..body };
                    let article = Rect { x: panel.right(), width: article_width, ..body };
                    (article, panel)
                } else {
                    let article = Rect { width: article_width, ..body };
                    let panel = Rect { x: article.right(), width: panel_width, ..body };
                    (article, panel)
                }
            }
        };
        Regions { title, article, text: text_column(article, max_text_width), panel, status }
    }
}

/// The columns of the article pane around the text column: a margin of two on each side.
const TEXT_MARGINS: u16 = 4;

/// How wide the panel beside the article is on a body `width` columns wide: three tenths of
/// it (between 24 and 44 columns, at most half), or more on a wide screen, where it takes all
/// the text column (at most `max_text_width` wide) and its margins leave.
fn panel_width(width: u16, max_text_width: u16) -> u16 {
    let share = (width * 3 / 10).clamp(24, 44).min(width / 2);
    let left = width.saturating_sub(max_text_width.saturating_add(TEXT_MARGINS));
    share.max(left)
}

/// The text column of the article pane: a margin of two columns on each side where there is
/// room, at most `max_width` wide, centred.
fn text_column(article: Rect, max_width: u16) -> Rect {
    let margin = if article.width >= 24 { 2 } else { 0 };
    let width = article.width.saturating_sub(2 * margin).min(max_width);
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
                    let mirrored = w % 2 == 0;
                    let r = Regions::of(area, arrangement(mode, mirrored));
                    for part in [r.title, r.article, r.text, r.panel, r.status] {
                        assert!(part.right() <= area.right() && part.bottom() <= area.bottom());
                    }
                    assert!(
                        r.article.right() <= r.panel.x
                            || r.panel.right() <= r.article.x
                            || r.panel.width == 0
                            || r.article.width == 0
                    );
                }
            }
        }
    }

    #[test]
    fn eighty_columns_reads_with_margins() {
        let r = Regions::of(Rect::new(0, 0, 80, 24), arrangement(PanelMode::Folded, false));
        assert_eq!(r.text, Rect::new(2, 1, 76, 22));
        let wide = Regions::of(Rect::new(0, 0, 160, 45), arrangement(PanelMode::Beside, false));
        assert_eq!(wide.text.width, 90);
        assert_eq!(wide.panel.width, 66, "the panel takes what the capped text leaves");
        assert_eq!(wide.panel.x, 94, "the panel on the right in an English interface");
        assert_eq!(wide.text.x, 2, "the text keeps its margins and no more");
        let arabic = Regions::of(Rect::new(0, 0, 160, 45), arrangement(PanelMode::Beside, true));
        assert_eq!(arabic.panel.x, 0, "and on the left in an Arabic one");
        assert_eq!(arabic.article.x, 66);
        let widest = Regions::of(Rect::new(0, 0, 200, 60), arrangement(PanelMode::Beside, false));
        assert_eq!((widest.text.width, widest.panel.width), (90, 106));
        // Where the text is not capped, the panel keeps its share.
        let middle = Regions::of(Rect::new(0, 0, 120, 40), arrangement(PanelMode::Beside, false));
        assert_eq!((middle.panel.width, middle.text.width), (36, 80));
        let narrow = Arrangement { max_text_width: 60, ..arrangement(PanelMode::Folded, false) };
        assert_eq!(Regions::of(Rect::new(0, 0, 160, 45), narrow).text.width, 60);
    }

    fn arrangement(mode: PanelMode, mirrored: bool) -> Arrangement {
        Arrangement { mode, max_text_width: MAX_TEXT_WIDTH, mirrored }
    }
}
