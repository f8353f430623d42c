//! The reader's short texts: the title in the top bar, laid out once per article and width,
//! and texts that are not an article's made safe to show on one line.

use crate::corpus::{Document, sanitise_line};
use crate::layout::{LayoutOptions, VisualLine};
use crate::one_line::one_line;
use crate::text::Direction;

/// The title of one article, laid out for the top bar.
#[derive(Default)]
pub struct Chrome {
    key: Option<(usize, u16)>,
    /// The title, on one line of the top bar.
    pub title: VisualLine,
}

impl Chrome {
    /// Lay out the title of article `index` (`document`) for a top bar of `title_width`
    /// cells, unless that is what is already laid out.
    pub fn refresh(
        &mut self,
        index: usize,
        document: &Document,
        title_width: u16,
        options: &LayoutOptions,
    ) {
        let key = Some((index, title_width));
        if self.key == key {
            return;
        }
        self.key = key;
        self.title = name_line(&document.title, document.direction, title_width, options);
    }
}

/// A text that is not an article's — a title (which may be a file's name), a theme's label, a
/// note, a warning — laid out by [`one_line`] once [`sanitise_line`] has made it safe to show:
/// on its one line, with no control and no bidi override that could turn the rest round.
pub fn name_line(
    text: &str,
    fallback: Direction,
    width: u16,
    options: &LayoutOptions,
) -> VisualLine {
    one_line(&sanitise_line(text), fallback, width, options)
}
