//! What a mouse event points at: the wheel over the list open on top, the panel or the
//! article; a left click on a row of the panel's list or of the text. Where things are drawn
//! decides it, and nothing else.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Position;

use super::paint::{panel_items_area, panel_list};
use super::regions::Regions;

/// What the wheel turns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Under {
    /// The overlay open on top (it takes every turn of the wheel).
    Overlay,
    /// The side panel's list.
    Panel,
    /// The article.
    Article,
}

/// What a mouse event asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pointed {
    /// The wheel turned (`down`, or up) over something.
    Wheel {
        /// Which way.
        down: bool,
        /// What it turns.
        under: Under,
    },
    /// A click on row `row` of the panel's list of items, which is `height` rows high.
    PanelRow {
        /// The row, from the first item row.
        row: usize,
        /// The rows of the list.
        height: usize,
    },
    /// A click on row `row` of the text pane.
    TextRow(usize),
}

/// What `event` points at on a screen split as `regions` (the panel's list on its left when
/// `mirrored`), with an overlay open or not; `None` for what the reader does not answer (a
/// click while an overlay is open, a drag, a click on the bars).
pub fn pointed(
    event: MouseEvent,
    regions: Regions,
    overlay: bool,
    mirrored: bool,
) -> Option<Pointed> {
    let at = Position::new(event.column, event.row);
    let in_panel = regions.panel.contains(at);
    match event.kind {
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let under = if overlay {
                Under::Overlay
            } else if in_panel {
                Under::Panel
            } else if regions.article.contains(at) {
                Under::Article
            } else {
                return None;
            };
            Some(Pointed::Wheel { down: event.kind == MouseEventKind::ScrollDown, under })
        }
        MouseEventKind::Down(MouseButton::Left) if !overlay => {
            if in_panel {
                let list = panel_list(regions.panel, regions.article.width > 0, mirrored);
                let items = panel_items_area(list);
                let row = usize::from(at.y.checked_sub(items.y)?);
                Some(Pointed::PanelRow { row, height: usize::from(items.height) })
            } else if regions.text.contains(at) {
                Some(Pointed::TextRow(usize::from(at.y - regions.text.y)))
            } else {
                None
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::regions::{Arrangement, MAX_TEXT_WIDTH, PanelMode};
    use crossterm::event::KeyModifiers;
    use ratatui::layout::Rect;

    fn event(kind: MouseEventKind, column: u16, row: u16) -> MouseEvent {
        MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE }
    }

    fn regions(mirrored: bool) -> Regions {
        let arrangement =
            Arrangement { mode: PanelMode::Beside, max_text_width: MAX_TEXT_WIDTH, mirrored };
        Regions::of(Rect::new(0, 0, 160, 45), arrangement)
    }

    #[test]
    fn the_wheel_turns_what_is_under_it_and_an_overlay_takes_every_turn() {
        let regions = regions(false);
        let (text, panel) = (regions.text, regions.panel);
        let down = MouseEventKind::ScrollDown;
        let over = |x, y, overlay| pointed(event(down, x, y), regions, overlay, false);
        let wheel = |under| Some(Pointed::Wheel { down: true, under });
        assert_eq!(over(text.x + 1, text.y + 1, false), wheel(Under::Article));
        assert_eq!(over(panel.x + 3, panel.y + 5, false), wheel(Under::Panel));
        assert_eq!(over(panel.x + 3, panel.y + 5, true), wheel(Under::Overlay));
        assert_eq!(over(0, regions.status.y, false), None, "the status line");
    }

    #[test]
    fn a_click_names_the_row_of_the_text_or_of_the_panel_s_items() {
        for mirrored in [false, true] {
            let regions = regions(mirrored);
            let click = MouseEventKind::Down(MouseButton::Left);
            let (text, panel) = (regions.text, regions.panel);
            let at = |x, y, overlay| pointed(event(click, x, y), regions, overlay, mirrored);
            assert_eq!(at(text.x, text.y + 4, false), Some(Pointed::TextRow(4)));
            assert_eq!(at(text.x, text.y + 4, true), None, "a list is open on top");
            // The panel's items start below its tab bar and a blank row.
            let Some(Pointed::PanelRow { row, height }) = at(panel.x + 4, panel.y + 3, false)
            else {
                panic!("a panel row");
            };
            assert_eq!((row, height), (1, usize::from(panel.height) - 2));
            assert_eq!(at(panel.x + 4, panel.y, false), None, "the tab bar");
        }
    }
}
