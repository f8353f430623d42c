//! How the reader looks and speaks, as `config.toml` asks.

use super::config::Config;
use super::palette::{Glyphs, Palette};
use crate::lang::Lang;
use ratatui::layout::Rect;

use super::paint::panel_list;
use super::regions::{Arrangement, PANEL_FOLD_COLUMNS, PanelMode, Regions};

/// How the reader looks and speaks: the interface language, colours, the characters of
/// frames and marks, and the widest the text column gets.
#[derive(Clone, Debug)]
pub struct Look {
    /// The interface language (Arabic mirrors the interface).
    pub lang: Lang,
    /// The colours.
    pub palette: Palette,
    /// Frames and marks.
    pub glyphs: Glyphs,
    /// The widest the text column gets, in cells.
    pub max_text_width: u16,
}

impl Look {
    /// The look `config` asks for.
    pub fn new(config: &Config) -> Look {
        Look {
            lang: config.lang.unwrap_or_default(),
            palette: Palette::of(config.scheme),
            glyphs: Glyphs::new(config.ascii),
            max_text_width: config.max_text_width,
        }
    }

    /// How the screen is split with the panel shown as `mode`.
    pub fn arrangement(&self, mode: PanelMode) -> Arrangement {
        Arrangement { mode, max_text_width: self.max_text_width, mirrored: self.lang.is_rtl() }
    }

    /// Where things go on `screen`: the panel beside the article on a wide screen, else in
    /// its place when it is open (`panel_open`) or folded away.
    pub fn regions(&self, screen: Rect, panel_open: bool) -> Regions {
        let mode = match (screen.width >= PANEL_FOLD_COLUMNS, panel_open) {
            (true, _) => PanelMode::Beside,
            (false, true) => PanelMode::Instead,
            (false, false) => PanelMode::Folded,
        };
        Regions::of(screen, self.arrangement(mode))
    }

    /// The width of the panel's item lines on `screen`, whether the panel is shown or not.
    pub fn panel_item_width(&self, screen: Rect) -> u16 {
        let beside = screen.width >= PANEL_FOLD_COLUMNS;
        let panel = self.regions(screen, true).panel;
        panel_list(panel, beside, self.lang.is_rtl()).width.saturating_sub(2).max(1)
    }
}
