//! How the reader looks and speaks, as `config.toml` asks.

use super::config::Config;
use super::lang::Lang;
use super::palette::{Glyphs, Palette};
use super::regions::{Arrangement, PanelMode};

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
}
