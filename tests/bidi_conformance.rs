//! Every case of the Unicode bidi conformance suite (BidiCharacterTest.txt, Unicode 15.0)
//! through the code that orders the reader's lines: `ParagraphBidi::line_levels` (levels with
//! rule L1) and `visual_order` (rule L2). Both ways of resolving levels are exercised: basira's
//! own for the cases without explicit formatting characters, unicode-bidi for the rest.

use basira::layout::bidi::{ParagraphBidi, visual_order};
use basira::text::{Direction, bidi_class, first_strong_direction};
use unicode_bidi::BidiClass;

/// One test case: the text, the paragraph direction asked for (None = auto), and the expected
/// paragraph level, levels (None = removed by X9) and visual order.
struct Case {
    line: usize,
    text: String,
    direction: Option<Direction>,
    paragraph_level: u8,
    levels: Vec<Option<u8>>,
    order: Vec<usize>,
}

fn parse(line_number: usize, line: &str) -> Case {
    let fields: Vec<&str> = line.split(';').collect();
    assert_eq!(fields.len(), 5, "line {line_number}: five fields");
    let text = fields[0]
        .split_whitespace()
        .map(|hex| char::from_u32(u32::from_str_radix(hex, 16).unwrap()).unwrap())
        .collect();
    let direction = match fields[1] {
        "0" => Some(Direction::Ltr),
        "1" => Some(Direction::Rtl),
        _ => None,
    };
    Case {
        line: line_number,
        text,
        direction,
        paragraph_level: fields[2].parse().unwrap(),
        levels: fields[3].split_whitespace().map(|l| l.parse().ok()).collect(),
        order: fields[4].split_whitespace().map(|i| i.parse().unwrap()).collect(),
    }
}

/// Whether `text` holds a character that only unicode-bidi resolves: an explicit embedding,
/// override or isolate control, a boundary neutral or a paragraph separator.
fn needs_full_algorithm(text: &str) -> bool {
    use BidiClass::*;
    text.chars().any(|c| {
        matches!(bidi_class(c), RLE | LRE | RLO | LRO | PDF | LRI | RLI | FSI | PDI | BN | B)
    })
}

/// Run one case; describe the first difference. Ok(true) when the fast path resolved it.
fn check(case: &Case) -> Result<bool, String> {
    let direction = case
        .direction
        .unwrap_or_else(|| first_strong_direction(&case.text).unwrap_or(Direction::Ltr));
    let bidi = ParagraphBidi::new(&case.text, direction);
    if bidi.uses_fast_path() == needs_full_algorithm(&case.text) {
        return Err(format!("fast path = {}", bidi.uses_fast_path()));
    }
    if bidi.paragraph_level() != case.paragraph_level {
        return Err(format!("paragraph level {}", bidi.paragraph_level()));
    }
    let byte_levels = bidi.line_levels(0..case.text.len());
    let mut kept = Vec::new();
    let mut kept_levels = Vec::new();
    for (i, (offset, _)) in case.text.char_indices().enumerate() {
        let removed = bidi.is_removed(offset);
        if removed != case.levels[i].is_none() {
            return Err(format!("char {i}: removed = {removed}"));
        }
        if let Some(expected) = case.levels[i] {
            if byte_levels[offset] != expected {
                return Err(format!("char {i}: level {} not {expected}", byte_levels[offset]));
            }
            kept.push(i);
            kept_levels.push(expected);
        }
    }
    let order: Vec<usize> = visual_order(&kept_levels).into_iter().map(|k| kept[k]).collect();
    if order != case.order {
        return Err(format!("order {order:?} not {:?}", case.order));
    }
    Ok(bidi.uses_fast_path())
}

#[test]
fn all_bidi_character_test_cases_pass() {
    let data = include_str!("data/BidiCharacterTest.txt");
    let cases: Vec<Case> = data
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| parse(i + 1, l))
        .collect();
    assert_eq!(cases.len(), 91_707, "the whole suite is read");
    let mut fast = 0;
    let mut failures = Vec::new();
    for case in &cases {
        match check(case) {
            Ok(fast_path) => fast += usize::from(fast_path),
            Err(e) => failures.push(format!("line {}: {e}", case.line)),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail; first: {:?}",
        failures.len(),
        cases.len(),
        &failures[..failures.len().min(5)]
    );
    // 110 cases hold an explicit formatting character or a boundary neutral (unicode-bidi
    // resolves them); the fast path takes all the others.
    assert_eq!(cases.len() - fast, 110, "cases resolved by unicode-bidi");
}
