//! The reader's short texts: the title in the top bar, laid out once per article and width,
//! the outline's entries, and texts that are not an article's made safe to show on one line.

use crate::corpus::{Document, Role, sanitise_line};
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

/// The paragraphs an outline lists: the title and the headings that are not page furniture.
pub fn outline(document: &Document) -> Vec<usize> {
    document
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.boilerplate.is_none() && matches!(p.role, Role::Title | Role::Heading(_))
        })
        .map(|(i, _)| i)
        .collect()
}

/// The outline entry of the section paragraph `paragraph` of `document` is in: the last
/// heading at or above it.
pub fn section_of(document: &Document, paragraph: usize) -> Option<usize> {
    outline(document).iter().rposition(|&p| p <= paragraph)
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
