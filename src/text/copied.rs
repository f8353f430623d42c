//! Text copied from a terminal that shows Arabic as basira draws it: shaped into presentation
//! forms («ﺍﻹﺭﻫﺎﺏ» for «الإرهاب») and, on a line read from the right, in visual order (the
//! last letter first). A search for such text should find its source, so it is read both ways:
//! as written, with its compatibility forms folded (NFKC), and — when it has presentation
//! forms, the sign that it was copied from a shaped screen — as the logical text of a visual
//! line read from the right.

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// The ways `query` may have been meant: NFKC-folded as written, and, when it holds Arabic
/// presentation forms, also read back from visual order (see the module notes). The first is
/// always the query as written.
pub fn readings(query: &str) -> Vec<String> {
    let mut readings = vec![query.nfkc().collect::<String>()];
    if query.chars().any(is_presentation_form) {
        let logical: String = logical_of_visual(query).nfkc().collect();
        if logical != readings[0] {
            readings.push(logical);
        }
    }
    readings
}

/// Whether `c` is an Arabic presentation form (the shapes a shaping program draws).
fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Whether `g` is part of a left-to-right run: a Latin letter or a digit.
fn is_left_to_right(g: &str) -> bool {
    g.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric() || ('\u{00C0}'..='\u{024F}').contains(&c))
}

/// The logical order of `line`, drawn in visual order in a paragraph read from the right:
/// its grapheme clusters reversed, brackets turned back, and each left-to-right run (Latin
/// words and numbers, with the spaces between them) kept in its own order.
fn logical_of_visual(line: &str) -> String {
    let clusters: Vec<&str> = line.graphemes(true).collect();
    // A cluster belongs to a left-to-right run when it is a Latin letter or a digit, or a
    // neutral (a space, a mark) whose nearest strong neighbours on both sides are.
    let kind: Vec<Option<bool>> = clusters
        .iter()
        .map(|g| match (is_left_to_right(g), is_arabic(g)) {
            (true, _) => Some(true),
            (_, true) => Some(false),
            _ => None,
        })
        .collect();
    let in_run: Vec<bool> = (0..clusters.len())
        .map(|i| {
            kind[i].unwrap_or_else(|| {
                let before = kind[..i].iter().rev().find_map(|k| *k);
                let after = kind[i + 1..].iter().find_map(|k| *k);
                before == Some(true) && after == Some(true)
            })
        })
        .collect();
    let mut out = String::with_capacity(line.len());
    let mut i = clusters.len();
    while i > 0 {
        if in_run[i - 1] {
            let start = in_run[..i].iter().rposition(|&r| !r).map_or(0, |p| p + 1);
            clusters[start..i].iter().for_each(|g| out.push_str(g));
            i = start;
        } else {
            out.push_str(&mirrored(clusters[i - 1]));
            i -= 1;
        }
    }
    out
}

/// Whether `g` is an Arabic letter or mark (or one of its presentation forms).
fn is_arabic(g: &str) -> bool {
    g.chars().any(|c| {
        matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}') || is_presentation_form(c)
    })
}

/// `g` with a bracket turned the other way (as it was before a right-to-left line mirrored
/// it).
fn mirrored(g: &str) -> String {
    let turned = |c: char| match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '«' => '»',
        '»' => '«',
        '<' => '>',
        '>' => '<',
        other => other,
    };
    g.chars().map(turned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presentation_forms_fold_to_their_letters() {
        assert_eq!(readings("ﺍﻹﺭﻫﺎﺏ")[0], "الإرهاب");
        assert_eq!(readings("ﻻ")[0], "لا");
        assert_eq!(readings("الإرهاب"), ["الإرهاب"], "plain text is read once");
    }

    #[test]
    fn a_line_copied_in_visual_order_is_read_back() {
        // «الإرهاب الرقمي» as a terminal shows it: shaped, the last letter first.
        let drawn = "ﻲﻤﻗﺮﻟﺍ ﺏﺎﻫﺭﻹﺍ";
        assert_eq!(readings(drawn)[1], "الإرهاب الرقمي");
        // Latin words and numbers keep their order, brackets turn back.
        let drawn = "(ﻢﻬﻣ) 2024 ﻡﺎﻌﻟ United Nations ﺮﻳﺮﻘﺗ";
        assert_eq!(readings(drawn)[1], "تقرير United Nations لعام 2024 (مهم)");
    }
}
