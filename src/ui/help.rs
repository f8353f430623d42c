//! The help screen's rows, one section per mode, and how far they scroll, shared by the keys that scroll it and the
//! drawing, so that every row drawn can be reached.

use super::keymap::{KeyTable, Keymap};
use crate::lang::{Lang, tr};

/// The rows of the help screen, one section per mode, each from its key table: the reader's
/// keys, then under a heading those of presentation mode (with the arrows and the slide
/// numbers, which are not bound but read), then those of a prompt. A heading has no keys; an
/// empty row parts two sections.
pub fn rows(keymap: &Keymap, lang: Lang) -> Vec<(String, &'static str)> {
    let mut rows = table_rows(&keymap.reader, lang);
    rows.push((String::new(), ""));
    rows.push((String::new(), tr(lang, "In presentation mode")));
    rows.extend(table_rows(&keymap.presentation, lang));
    rows.push(("→ ←".to_string(), tr(lang, "→ next, ← previous (see present_arrows)")));
    rows.push(("N Enter".to_string(), tr(lang, "go to slide number N")));
    rows.push((String::new(), ""));
    rows.push((String::new(), tr(lang, "While typing a search or a note")));
    rows.extend(table_rows(&keymap.prompt, lang));
    rows
}

/// A table's rows: each binding's keys now, and what it does.
fn table_rows<A: Copy + PartialEq>(table: &KeyTable<A>, lang: Lang) -> Vec<(String, &'static str)> {
    let label =
        |keys: &[super::keymap::Key]| keys.iter().map(|k| k.label()).collect::<Vec<_>>().join(" ");
    table.entries().map(|(b, keys)| (label(keys), tr(lang, b.help))).collect()
}

/// How many of `rows` rows a screen `screen_height` rows high shows: the help window is
/// framed, a row above and below.
pub fn shown(rows: usize, screen_height: u16) -> usize {
    usize::from((rows as u16).saturating_add(2).min(screen_height).saturating_sub(2))
}

/// The furthest the help screen scrolls: its last row at the window's bottom.
pub fn max_scroll(rows: usize, screen_height: u16) -> usize {
    rows.saturating_sub(shown(rows, screen_height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_row_can_be_scrolled_into_view_on_any_screen() {
        let rows = rows(&Keymap::default(), Lang::En).len();
        for height in 0..60 {
            let (shown, max) = (shown(rows, height), max_scroll(rows, height));
            assert!(max + shown >= rows || shown == 0, "{height}");
            assert!(max + shown <= rows.max(shown), "{height}");
        }
        assert_eq!(max_scroll(rows, 200), 0);
    }
}
