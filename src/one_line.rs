//! Laying out a short text on one line of a given width, cut with an ellipsis at its reading
//! end when it does not fit: the reader's titles, labels and list entries, and the text
//! reports' passages.

use crate::layout::{BidiMode, LayoutOptions, ParagraphLayout, VisualLine, layout_paragraph};
use crate::text::{Direction, first_strong_direction};

/// A text laid out on one line of `width` cells: the first line of its layout, with an
/// ellipsis at its reading end when the rest does not fit. Only the start of a long text is
/// laid out (see `head_layout`), so a passage of any length costs about a line's work.
pub fn one_line(
    text: &str,
    fallback: Direction,
    width: u16,
    options: &LayoutOptions,
) -> VisualLine {
    let direction = first_strong_direction(text).unwrap_or(fallback);
    let (head, layout) = head_layout(text, direction, width, options);
    if layout.lines.len() <= 1 {
        return layout.lines.into_iter().next().unwrap_or_default();
    }
    let short = layout_paragraph(head, direction, width.saturating_sub(1), options);
    let first = short.lines.into_iter().next().unwrap_or_default();
    let cut = first.glyphs().map(|(_, g)| g.source.end as usize).max().unwrap_or(0);
    let truncated = format!("{}…", head[..cut].trim_end());
    let mut line = layout_paragraph(&truncated, direction, width, options)
        .lines
        .into_iter()
        .next()
        .unwrap_or_default();
    if options.bidi == BidiMode::App && direction.is_rtl() {
        line.indent = width.saturating_sub(line.width);
    }
    line
}

/// The start of `text` that shows whether it fits on one line of `width` cells, with its
/// layout in `direction` (the whole text's): a couple of lines' worth of characters,
/// lengthened while it still lays out on one line, or the whole text. Its first line is the
/// whole text's first line.
fn head_layout<'t>(
    text: &'t str,
    direction: Direction,
    width: u16,
    options: &LayoutOptions,
) -> (&'t str, ParagraphLayout) {
    let mut chars = 2 * usize::from(width) + HEAD_SLACK;
    loop {
        let head = text.char_indices().nth(chars).map_or(text, |(end, _)| &text[..end]);
        let layout = layout_paragraph(head, direction, width, options);
        if layout.lines.len() > 1 || head.len() == text.len() {
            return (head, layout);
        }
        chars *= 2;
    }
}

/// Characters laid out beyond two lines' worth, so that a word at the end of the first line
/// is seen whole.
const HEAD_SLACK: usize = 32;

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

    /// The first line as it was found before only the head was laid out: the whole text.
    fn one_line_of_the_whole(
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

    #[test]
    fn laying_out_the_head_gives_the_line_of_the_whole_text() {
        let options = LayoutOptions::default();
        let long_word = "ك".repeat(300);
        let texts = [
            "قال «المكتب» (UNODC) إن 274 ألف حساب أغلقت في 2017، وإن الحملة مستمرة حتى الآن \
             في كل مكان من العالم، على منصات التواصل وفي المنتديات المغلقة أيضا."
                .repeat(6),
            format!("2017 - 2018: {long_word} نهاية"),
            "مَرْحَبًا بِكُمْ فِي الدَّرْسِ الأَوَّلِ مِنَ الدَّوْرَةِ ".repeat(40),
            "The report (see page 12) says «تعاون دولي» matters: ".repeat(20),
            format!("{} عربي", "١٢٣ - ".repeat(100)),
        ];
        for text in &texts {
            for width in [1, 2, 5, 10, 17, 40, 80, 200] {
                for fallback in [Direction::Rtl, Direction::Ltr] {
                    let head = one_line(text, fallback, width, &options);
                    let whole = one_line_of_the_whole(text, fallback, width, &options);
                    assert_eq!(head.text(), whole.text(), "{width} {text}");
                    assert_eq!((head.indent, head.width), (whole.indent, whole.width));
                }
            }
        }
    }
}
