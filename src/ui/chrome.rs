//! The reader's short texts: the title in the top bar, laid out once per article and width,
//! and the helpers that lay out one-line texts (titles, outline entries, labels).

use crate::corpus::{Document, Role};
use crate::layout::{BidiMode, LayoutOptions, VisualLine, layout_paragraph};
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
        self.title = one_line(&document.title, document.direction, title_width, options);
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

/// A text laid out on one line of `width` cells: the first line of its layout, with an
/// ellipsis at its reading end when the rest does not fit.
pub fn one_line(
    text: &str,
    fallback: Direction,
    width: u16,
    options: &LayoutOptions,
) -> VisualLine {
    let full = layout_paragraph(text, fallback, width, options);
    if full.lines.len() <= 1 {
        return full.lines.into_iter().next().unwrap_or_default();
    }
    let short = layout_paragraph(text, fallback, width.saturating_sub(1), options);
    let first = short.lines.into_iter().next().unwrap_or_default();
    let cut = first.glyphs().map(|(_, g)| g.source.end as usize).max().unwrap_or(0);
    let truncated = format!("{}…", text[..cut].trim_end());
    let mut line = layout_paragraph(&truncated, full.direction, width, options)
        .lines
        .into_iter()
        .next()
        .unwrap_or_default();
    if options.bidi == BidiMode::App && full.direction.is_rtl() {
        line.indent = width.saturating_sub(line.width);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_title_ends_with_an_ellipsis_on_its_reading_end() {
        let options = LayoutOptions::default();
        let line = one_line("العراق يلاحق الإرهاب الرقمي في كل مكان", Direction::Rtl, 20, &options);
        assert!(line.width <= 20);
        assert!(line.text().starts_with('…'), "the ellipsis is on the left: {:?}", line.text());
        assert_eq!(line.indent + line.width, 20, "right-aligned");
        let english =
            one_line("A long English title that does not fit", Direction::Rtl, 12, &options);
        assert!(english.text().ends_with('…'));
        assert!(english.width <= 12);
    }
}
