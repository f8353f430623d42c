//! Paragraphs set apart from running text, as their [`Form`] says: a block quote drawn with
//! a bar on its reading side for each quote it is in, a nested list item indented on its
//! reading side, and a table drawn as aligned columns, right to left for an Arabic table,
//! its cells wrapped when the table is wider than the line.
//!
//! Everything drawn comes from the same layout as a paragraph (each cell is laid out as a
//! paragraph of its own), so every glyph keeps the logical bytes of the paragraph it shows;
//! the bars, the blank cells between columns and the rules show none (their sources are
//! empty ranges), and search hits and marks fall only on text.

use std::ops::Range;

use super::line::Composer;
use super::{BidiMode, LayoutOptions, ParagraphLayout, VisualLine, layout_paragraph, line_count};
use crate::corpus::{Form, Table};
use crate::text::{Direction, first_strong_direction};

/// The marks of quotes and tables: box drawing, or plain ASCII.
struct Rules {
    /// A quote's bar, on its reading side (a blank cell after it).
    quote_bar: &'static str,
    /// What stands between two columns of a table (a blank cell each side).
    column: &'static str,
    /// The rule under a table's header, and where it crosses a column rule.
    header: (&'static str, &'static str),
}

/// The rules drawn with box drawing.
const BOX_RULES: Rules = Rules { quote_bar: "│", column: "│", header: ("─", "┼") };
/// The rules in plain ASCII.
const ASCII_RULES: Rules = Rules { quote_bar: "|", column: "|", header: ("-", "+") };

/// The rules `options` asks for.
fn rules(options: &LayoutOptions) -> &'static Rules {
    if options.ascii_rules { &ASCII_RULES } else { &BOX_RULES }
}

/// The cells a quote's bar and the blank after it take.
const QUOTE_CELLS: u16 = 2;
/// The cells one step of indent takes.
const INDENT_CELLS: u16 = 2;
/// The cells between two columns.
const COLUMN_GAP: u16 = 3;
/// The narrowest a column is made when the table has to be narrowed to fit; a table that
/// cannot give every column this much is laid out as the text of its cells instead.
const MIN_COLUMN: u16 = 4;

/// Lay out a paragraph of `text` set as `form` says, at `width` cells (see
/// [`layout_paragraph`] for `fallback` and `options`).
pub fn layout_block(
    text: &str,
    form: &Form,
    fallback: Direction,
    width: u16,
    options: &LayoutOptions,
) -> ParagraphLayout {
    if is_plain(form) {
        return layout_paragraph(text, fallback, width, options);
    }
    let visual = options.bidi == BidiMode::App;
    let margin = margin_cells(form);
    let inner = width.saturating_sub(margin).max(1);
    let laid = match form.table.as_deref() {
        Some(table) => layout_table(text, table, fallback, inner, options),
        None => layout_paragraph(text, fallback, inner, options),
    };
    let rtl = visual && laid.direction.is_rtl();
    let lines = laid
        .lines
        .iter()
        .map(|line| {
            let at = line.source_range().start;
            let mut out = Composer::default();
            if rtl {
                // The line as laid out in the narrower column, then the margin at the right.
                out.line(line, 0);
                out.space(inner.saturating_sub(out.width()));
                out.space(u16::from(form.indent) * INDENT_CELLS);
                for _ in 0..form.quotes {
                    out.space(1);
                    out.mark(rules(options).quote_bar, at);
                }
            } else {
                for _ in 0..form.quotes {
                    out.mark(rules(options).quote_bar, at);
                    out.space(1);
                }
                out.space(u16::from(form.indent) * INDENT_CELLS);
                out.line(line, 0);
            }
            out.finish()
        })
        .collect();
    ParagraphLayout { direction: laid.direction, lines }
}

/// How many lines [`layout_block`] gives the paragraph.
pub fn block_line_count(
    text: &str,
    form: &Form,
    fallback: Direction,
    width: u16,
    options: &LayoutOptions,
) -> usize {
    match form.table.as_deref() {
        None => {
            let inner = width.saturating_sub(margin_cells(form)).max(1);
            line_count(text, fallback, inner, options)
        }
        Some(_) => layout_block(text, form, fallback, width, options).lines.len(),
    }
}

/// Append the lines [`layout_block`] gives the paragraph to `out` as a terminal shows them,
/// each followed by a newline: what `basira cat` prints.
pub fn write_block(
    text: &str,
    form: &Form,
    fallback: Direction,
    width: u16,
    options: &LayoutOptions,
    out: &mut Vec<u8>,
) {
    if is_plain(form) {
        return super::write_paragraph(text, fallback, width, options, out);
    }
    for line in layout_block(text, form, fallback, width, options).lines {
        let drawn = line.to_padded_string();
        out.extend_from_slice(drawn.trim_end_matches(' ').as_bytes());
        out.push(b'\n');
    }
}

/// Whether the form sets nothing apart: the paragraph is laid out as running text.
fn is_plain(form: &Form) -> bool {
    form.quotes == 0 && form.indent == 0 && form.table.is_none()
}

/// The cells the quotes' bars and the indent take on the reading side.
fn margin_cells(form: &Form) -> u16 {
    u16::from(form.quotes) * QUOTE_CELLS + u16::from(form.indent) * INDENT_CELLS
}

/// Lay out a table at `width`: its columns as wide as their widest cell when they fit, else
/// narrowed (the widest first) and their cells wrapped; the first column on the right in a
/// right-to-left table. A table whose columns cannot all be given a few cells is laid out
/// as the text of its cells.
fn layout_table(
    text: &str,
    table: &Table,
    fallback: Direction,
    width: u16,
    options: &LayoutOptions,
) -> ParagraphLayout {
    let direction = first_strong_direction(text).unwrap_or(fallback);
    let Some(widths) = column_widths(text, table, direction, width, options) else {
        return layout_paragraph(text, fallback, width, options);
    };
    let visual = options.bidi == BidiMode::App;
    // In visual order the columns of a right-to-left table go from right to left; in
    // logical order (a terminal that does bidi) they stay as the file writes them.
    let order: Vec<usize> = if visual && direction.is_rtl() {
        (0..widths.len()).rev().collect()
    } else {
        (0..widths.len()).collect()
    };
    let table_width = widths.iter().sum::<u16>() + COLUMN_GAP * (widths.len() as u16 - 1);
    let lead = if visual && direction.is_rtl() { width - table_width } else { 0 };
    let mut lines = Vec::new();
    for (r, row) in table.rows.iter().enumerate() {
        let cells: Vec<Vec<VisualLine>> = row
            .iter()
            .zip(&widths)
            .map(|(cell, &w)| cell_lines(&text[cell.clone()], direction, w, options))
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(1);
        for k in 0..height {
            let mut out = Composer::default();
            out.space(lead);
            for (n, &column) in order.iter().enumerate() {
                let start = out.width();
                if n > 0 {
                    out.space(1);
                    out.mark(rules(options).column, row[column].start);
                    out.space(1);
                }
                if let Some(line) = cells[column].get(k) {
                    out.line(line, row[column].start);
                }
                let gap = if n > 0 { COLUMN_GAP } else { 0 };
                out.space((start + gap + widths[column]).saturating_sub(out.width()));
            }
            lines.push(out.finish());
        }
        if r == 0 && table.header && table.rows.len() > 1 {
            let at = table.row_range(0).end;
            lines.push(header_rule(rules(options).header, &widths, &order, lead, at));
        }
    }
    ParagraphLayout { direction, lines }
}

/// The lines of one cell at `width`; an empty cell has none.
fn cell_lines(
    cell: &str,
    direction: Direction,
    width: u16,
    options: &LayoutOptions,
) -> Vec<VisualLine> {
    if cell.is_empty() {
        return Vec::new();
    }
    layout_paragraph(cell, direction, width, options).lines
}

/// The rule under the header: a run of `rule` under each column, `cross` where it crosses a
/// column rule. Its glyphs show nothing of the text (their sources are empty at byte `at`).
fn header_rule(
    (rule, cross): (&str, &str),
    widths: &[u16],
    order: &[usize],
    lead: u16,
    at: usize,
) -> VisualLine {
    let mut out = Composer::default();
    out.space(lead);
    for (n, &column) in order.iter().enumerate() {
        if n > 0 {
            out.mark(&format!("{rule}{cross}{rule}"), at);
        }
        out.mark(&rule.repeat(usize::from(widths[column])), at);
    }
    out.finish()
}

/// How wide each column of the table is at `width`: its widest cell on one line when the
/// whole table fits; else the available cells are shared out, the narrower columns keeping
/// their width and the wider ones sharing the rest equally. None when the columns cannot all
/// be given [`MIN_COLUMN`] cells (or the table has no column).
fn column_widths(
    text: &str,
    table: &Table,
    direction: Direction,
    width: u16,
    options: &LayoutOptions,
) -> Option<Vec<u16>> {
    let columns = table.columns();
    if columns == 0 {
        return None;
    }
    let natural: Vec<u16> = (0..columns)
        .map(|c| {
            let widest =
                table.rows.iter().map(|row| natural_width(text, &row[c], direction, options));
            widest.max().unwrap_or(0).max(1)
        })
        .collect();
    let gaps = COLUMN_GAP.checked_mul(columns as u16 - 1)?;
    let available = width.checked_sub(gaps)?;
    if natural.iter().map(|&w| u32::from(w)).sum::<u32>() <= u32::from(available) {
        return Some(natural);
    }
    // Water-filling: the narrowest columns first, each given its width while that is no
    // more than an equal share of what is left.
    let mut by_width: Vec<usize> = (0..columns).collect();
    by_width.sort_by_key(|&c| natural[c]);
    let mut widths = natural.clone();
    let mut left = available;
    for (n, &c) in by_width.iter().enumerate() {
        let share = left / (columns - n) as u16;
        if natural[c] <= share {
            left -= natural[c];
            continue;
        }
        // This column and all wider ones share what is left, the first ones a cell more.
        let rest = &by_width[n..];
        let count = rest.len() as u16;
        let (each, extra) = (left / count, left % count);
        if each < MIN_COLUMN {
            return None;
        }
        for (k, &wide) in rest.iter().enumerate() {
            widths[wide] = each + u16::from((k as u16) < extra);
        }
        break;
    }
    Some(widths)
}

/// The cells a table cell takes on one line.
fn natural_width(
    text: &str,
    cell: &Range<usize>,
    direction: Direction,
    options: &LayoutOptions,
) -> u16 {
    let cell = &text[cell.clone()];
    if cell.is_empty() {
        return 0;
    }
    let lines = layout_paragraph(cell, direction, u16::MAX, options).lines;
    lines.iter().map(|l| l.width).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines as a terminal shows them, trailing blanks cut.
    fn shown(layout: &ParagraphLayout) -> Vec<String> {
        layout.lines.iter().map(|l| l.to_padded_string().trim_end().to_string()).collect()
    }

    /// A table paragraph of `rows`, its cells joined as the Markdown reader joins them.
    fn table(rows: &[&[&str]], header: bool) -> (String, Form) {
        let mut text = String::new();
        let mut cells = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            if r > 0 {
                text.push_str(Table::ROW_SEPARATOR);
            }
            let mut ranges = Vec::new();
            for (c, cell) in row.iter().enumerate() {
                if c > 0 {
                    text.push_str(Table::CELL_SEPARATOR);
                }
                let start = text.len();
                text.push_str(cell);
                ranges.push(start..text.len());
            }
            cells.push(ranges);
        }
        let form = Form { table: Some(Box::new(Table { rows: cells, header })), ..Form::default() };
        (text, form)
    }

    fn unshaped() -> LayoutOptions {
        LayoutOptions { shaping: super::super::Shaping::Off, ..LayoutOptions::default() }
    }

    #[test]
    fn an_english_table_is_aligned_columns_with_a_header_rule() {
        let (text, form) =
            table(&[&["Country", "Accounts"], &["Iraq", "274"], &["Syria", "12"]], true);
        let layout = layout_block(&text, &form, Direction::Ltr, 40, &unshaped());
        assert_eq!(
            shown(&layout),
            ["Country │ Accounts", "────────┼─────────", "Iraq    │ 274", "Syria   │ 12"]
        );
        // The rules and gaps show no text; each word keeps the bytes it shows.
        let line = &layout.lines[2];
        let iraq = text.find("Iraq").unwrap();
        assert_eq!(line.cells_for(iraq..iraq + 4), vec![0..4]);
        let rule = text.find("274").unwrap();
        assert_eq!(line.source_at(8), Some(rule..rule), "the rule is where the cell starts");
        assert!(layout.lines[1].glyphs().all(|(_, g)| g.source.is_empty()));
        // In plain ASCII, for fonts without box drawing.
        let ascii = LayoutOptions { ascii_rules: true, ..unshaped() };
        let layout = layout_block(&text, &form, Direction::Ltr, 40, &ascii);
        assert_eq!(shown(&layout)[..2], ["Country | Accounts", "--------+---------"]);
    }

    #[test]
    fn an_arabic_table_runs_right_to_left_and_sits_on_the_right() {
        let (text, form) = table(&[&["البلد", "العدد"], &["العراق", "274"]], true);
        let layout = layout_block(&text, &form, Direction::Rtl, 30, &unshaped());
        assert_eq!(layout.direction, Direction::Rtl);
        let lines = shown(&layout);
        // The first column («البلد», «العراق») on the right, each cell aligned right in its
        // column; the figure keeps its order; the table ends at the right edge.
        let lead = " ".repeat(16);
        assert_eq!(
            lines,
            [
                format!("{lead}ددعلا │  دلبلا"),
                format!("{lead}──────┼───────"),
                format!("{lead}  274 │ قارعلا"),
            ]
        );
    }

    #[test]
    fn a_table_wider_than_the_line_wraps_its_widest_cells() {
        let long = "a sentence long enough to need several lines in a narrow column";
        let (text, form) = table(&[&["Term", "Meaning"], &["ab", long]], true);
        let layout = layout_block(&text, &form, Direction::Ltr, 30, &unshaped());
        let lines = shown(&layout);
        assert!(lines.len() > 4, "{lines:?}");
        for line in &lines {
            assert!(line.chars().count() <= 30, "{line:?}");
        }
        // Every line of the wrapped cell starts in the same column, after the rule.
        for line in &lines[2..] {
            assert_eq!(line.find('│'), Some(5), "{line:?}");
        }
        let words: Vec<&str> = lines[2..]
            .iter()
            .flat_map(|l| l[l.find('│').unwrap() + 3..].split_whitespace())
            .collect();
        assert_eq!(words, long.split_whitespace().collect::<Vec<_>>());
        // Too narrow for every column to have a few cells: the text of the cells instead.
        let narrow = layout_block(&text, &form, Direction::Ltr, 9, &unshaped());
        assert!(shown(&narrow)[0].starts_with("Term |"), "{:?}", shown(&narrow));
    }

    #[test]
    fn quotes_have_a_bar_and_nested_items_an_indent_on_the_reading_side() {
        let quoted = Form { quotes: 2, ..Form::default() };
        let english = layout_block("quoted words here", &quoted, Direction::Ltr, 12, &unshaped());
        assert_eq!(shown(&english), ["│ │ quoted", "│ │ words", "│ │ here"]);
        let arabic = layout_block("نص مقتبس", &quoted, Direction::Rtl, 14, &unshaped());
        assert_eq!(shown(&arabic), ["  سبتقم صن │ │"]);
        let nested = Form { indent: 1, ..Form::default() };
        assert_eq!(
            shown(&layout_block("◦ item", &nested, Direction::Ltr, 10, &unshaped())),
            ["  ◦ item"]
        );
        assert_eq!(
            shown(&layout_block("◦ بند", &nested, Direction::Rtl, 10, &unshaped())),
            ["   دنب ◦"]
        );
        assert_eq!(
            block_line_count("quoted words here", &quoted, Direction::Ltr, 12, &unshaped()),
            3
        );
    }

    #[test]
    fn cat_prints_what_the_reader_draws() {
        let (text, form) = table(&[&["البلد", "العدد"], &["العراق", "274"]], true);
        for (text, form) in
            [(text, form), ("نص مقتبس".to_string(), Form { quotes: 1, ..Form::default() })]
        {
            let mut out = Vec::new();
            write_block(&text, &form, Direction::Rtl, 24, &LayoutOptions::default(), &mut out);
            let expected: String =
                shown(&layout_block(&text, &form, Direction::Rtl, 24, &LayoutOptions::default()))
                    .iter()
                    .map(|l| format!("{l}\n"))
                    .collect();
            assert_eq!(String::from_utf8(out).unwrap(), expected);
        }
    }
}
