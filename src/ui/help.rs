//! The help screen's rows and how far they scroll, shared by the keys that scroll it and the
//! drawing, so that every row drawn can be reached.

use super::keymap::Keymap;
use super::lang::{Lang, tr};
use super::presentation::PRESENTATION_KEYS;

/// The rows of the help screen: each binding's keys and what it does, then a heading and the
/// keys of presentation mode. A heading has no keys.
pub fn rows(keymap: &Keymap, lang: Lang) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(String, &'static str)> = keymap
        .entries()
        .map(|(b, keys)| {
            (keys.iter().map(|k| k.label()).collect::<Vec<_>>().join(" "), tr(lang, b.help))
        })
        .collect();
    rows.push((String::new(), ""));
    rows.push((String::new(), tr(lang, "In presentation mode")));
    rows.extend(PRESENTATION_KEYS.iter().map(|(keys, help)| (keys.to_string(), tr(lang, help))));
    rows
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
