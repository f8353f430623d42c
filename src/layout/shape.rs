//! Arabic contextual shaping in logical order, keeping each output character's source offset.
//!
//! Terminals draw one code point per cell and most do no shaping, so each Arabic letter is
//! replaced by its presentation form (isolated, initial, medial, final) from the letter table of
//! the `ar-reshaper` crate, and lam followed by alef becomes one lam-alef ligature. The joining
//! pass follows ArabicShaping.txt: dual-joining and right-joining letters, join-causing tatweel
//! and ZWJ, transparent marks that are skipped over, and everything else non-joining.

use std::sync::OnceLock;

use ar_reshaper::form::Forms;
use ar_reshaper::letters::letters_db::LETTERS_ARABIC;
use unicode_width::UnicodeWidthChar;

const ZWJ: char = '\u{200D}';
const ZWNJ: char = '\u{200C}';
const LAM: char = '\u{0644}';

/// How a character takes part in joining (the joining types of ArabicShaping.txt).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Joining {
    /// Joins on both sides (type D): beh, seen, lam…
    Dual,
    /// Joins only to the letter before it (type R): alef, dal, reh, waw…
    Right,
    /// Makes its neighbours join but has no forms of its own (type C): tatweel, ZWJ.
    Causing,
    /// Skipped over when deciding joins (type T): harakat and other marks.
    Transparent,
    /// Breaks joining (type U): spaces, Latin letters, digits, punctuation, ZWNJ.
    None,
}

/// The presentation forms of a letter, indexed by code point for U+0600..=U+06FF.
fn letter_table() -> &'static [Option<Forms>; 256] {
    static TABLE: OnceLock<[Option<Forms>; 256]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = [None; 256];
        for (c, forms) in LETTERS_ARABIC.iter() {
            if let Some(slot) =
                (*c as u32).checked_sub(0x600).and_then(|i| table.get_mut(i as usize))
            {
                *slot = Some(*forms);
            }
        }
        table
    })
}

/// The presentation forms of `c`, if it is a letter the table knows.
fn forms(c: char) -> Option<Forms> {
    let index = (c as u32).checked_sub(0x600)?;
    letter_table().get(index as usize).copied().flatten()
}

/// The joining type of a character. The Arabic block's are looked up in a table made once
/// by [`joining_type`], where most of a paragraph's characters are.
pub fn joining(c: char) -> Joining {
    static TABLE: OnceLock<[Joining; 256]> = OnceLock::new();
    if c.is_ascii() {
        return Joining::None;
    }
    match (c as u32).checked_sub(0x600) {
        Some(index) if index < 256 => TABLE.get_or_init(|| {
            std::array::from_fn(|i| {
                char::from_u32(0x600 + i as u32).map_or(Joining::None, joining_type)
            })
        })[index as usize],
        _ => joining_type(c),
    }
}

/// The joining type of a character that is not ASCII, worked out from its forms and width.
fn joining_type(c: char) -> Joining {
    if c == ZWJ || c == '\u{0640}' {
        return Joining::Causing;
    }
    if c == ZWNJ {
        return Joining::None;
    }
    match forms(c) {
        Some(f) if f.medial != '\0' => Joining::Dual,
        Some(f) if f.end != '\0' => Joining::Right,
        Some(_) => Joining::None,
        None if UnicodeWidthChar::width(c) == Some(0) && !c.is_control() => Joining::Transparent,
        None => Joining::None,
    }
}

/// Whether the character is a haraka or another Arabic mark that `--harakat strip` removes.
pub fn is_haraka(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08E1}'
        | '\u{08E3}'..='\u{08FF}')
}

/// The lam-alef ligature for the alef `alef`, isolated or final, if `alef` is one of the four
/// alefs that form one.
fn lam_alef(alef: char, joined_before: bool) -> Option<char> {
    let isolated = match alef {
        '\u{0622}' => '\u{FEF5}',
        '\u{0623}' => '\u{FEF7}',
        '\u{0625}' => '\u{FEF9}',
        '\u{0627}' => '\u{FEFB}',
        _ => return None,
    };
    Some(if joined_before {
        char::from_u32(isolated as u32 + 1).unwrap_or(isolated)
    } else {
        isolated
    })
}

/// One character to draw, with the byte offset in the source text it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shaped {
    /// The character to draw (a presentation form, or the source character).
    pub ch: char,
    /// Byte offset of the source character in the paragraph text.
    pub source: u32,
}

/// Shape `chars` (the characters of a paragraph with their byte offsets, logical order),
/// pushing the characters to draw onto `out`. A lam-alef ligature takes the lam's offset and
/// the alef draws nothing. Characters listed in `chars` are all drawn otherwise; the caller
/// leaves out what must not be drawn.
pub fn shape(chars: &[(u32, char)], out: &mut Vec<Shaped>) {
    let kinds: Vec<Joining> = chars.iter().map(|&(_, c)| joining(c)).collect();
    // For each character, the joining type of the nearest non-transparent neighbours.
    let mut before = Joining::None;
    let mut consumed_alef: Option<usize> = None;
    for (i, &(source, c)) in chars.iter().enumerate() {
        let kind = kinds[i];
        if kind == Joining::Transparent {
            out.push(Shaped { ch: c, source });
            continue;
        }
        if consumed_alef == Some(i) {
            consumed_alef = None;
            // The ligature is right-joining: nothing joins to it from the left.
            before = Joining::Right;
            continue;
        }
        let next =
            kinds[i + 1..].iter().position(|k| *k != Joining::Transparent).map(|j| i + 1 + j);
        let next_kind = next.map_or(Joining::None, |j| kinds[j]);
        let joins_before = matches!(kind, Joining::Dual | Joining::Right)
            && matches!(before, Joining::Dual | Joining::Causing);
        let joins_after = matches!(kind, Joining::Dual)
            && matches!(next_kind, Joining::Dual | Joining::Right | Joining::Causing);
        let ligature = (c == LAM)
            .then(|| next.and_then(|j| lam_alef(chars[j].1, joins_before).map(|l| (j, l))))
            .flatten();
        let drawn = if let Some((alef, ligature)) = ligature {
            consumed_alef = Some(alef);
            ligature
        } else {
            match forms(c) {
                Some(f) if kind != Joining::Causing => {
                    let form = match (joins_before, joins_after) {
                        (false, false) => f.isolated,
                        (false, true) => f.initial,
                        (true, true) => f.medial,
                        (true, false) => f.end,
                    };
                    if form == '\0' { c } else { form }
                }
                _ => c,
            }
        };
        out.push(Shaped { ch: drawn, source });
        before = kind;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shaped(text: &str) -> String {
        let chars: Vec<(u32, char)> = text.char_indices().map(|(i, c)| (i as u32, c)).collect();
        let mut out = Vec::new();
        shape(&chars, &mut out);
        out.iter().map(|s| s.ch).collect()
    }

    #[test]
    fn contextual_forms() {
        // beh isolated, beh initial + beh final, seen initial/medial/final
        assert_eq!(shaped("ب"), "\u{FE8F}");
        assert_eq!(shaped("بب"), "\u{FE91}\u{FE90}");
        assert_eq!(shaped("سسس"), "\u{FEB3}\u{FEB4}\u{FEB2}");
        // alef does not join to the letter after it
        assert_eq!(shaped("اب"), "\u{FE8D}\u{FE8F}");
    }

    #[test]
    fn lam_alef_ligature_with_offsets() {
        assert_eq!(shaped("لا"), "\u{FEFB}");
        assert_eq!(shaped("سلام"), "\u{FEB3}\u{FEFC}\u{FEE1}");
        assert_eq!(shaped("الأمم"), "\u{FE8D}\u{FEF7}\u{FEE3}\u{FEE2}");
        let text = "بلا";
        let chars: Vec<(u32, char)> = text.char_indices().map(|(i, c)| (i as u32, c)).collect();
        let mut out = Vec::new();
        shape(&chars, &mut out);
        assert_eq!(
            out,
            vec![Shaped { ch: '\u{FE91}', source: 0 }, Shaped { ch: '\u{FEFC}', source: 2 }]
        );
    }

    #[test]
    fn harakat_are_transparent_and_kept_after_their_letter() {
        // lam, fatha, alef: still a ligature, the fatha after it
        assert_eq!(shaped("لَا"), "\u{FEFB}\u{064E}");
        // beh, shadda, beh: the marks do not break the join
        assert_eq!(shaped("بّب"), "\u{FE91}\u{0651}\u{FE90}");
    }

    #[test]
    fn tatweel_and_zwj_cause_joining_zwnj_breaks_it() {
        assert_eq!(shaped("بـ"), "\u{FE91}\u{0640}");
        assert_eq!(shaped("ب\u{200D}"), "\u{FE91}\u{200D}");
        assert_eq!(shaped("ب\u{200C}ب"), "\u{FE8F}\u{200C}\u{FE8F}");
    }

    #[test]
    fn latin_and_digits_pass_through() {
        assert_eq!(shaped("abc 274"), "abc 274");
        assert_eq!(shaped("بa"), "\u{FE8F}a");
    }

    #[test]
    fn leading_mark_does_not_panic() {
        assert_eq!(shaped("\u{064E}ب"), "\u{064E}\u{FE8F}");
    }
}
