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

/// The Arabic block's joining types, indexed by code point from U+0600.
fn joining_table() -> &'static [Joining; 256] {
    static TABLE: OnceLock<[Joining; 256]> = OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|i| {
            char::from_u32(0x600 + i as u32).map_or(Joining::None, joining_type)
        })
    })
}

/// The joining type of a character. The Arabic block's are looked up in a table made once
/// by `joining_type`, where most of a paragraph's characters are.
pub fn joining(c: char) -> Joining {
    joining_in(joining_table(), c)
}

/// [`joining`] with the Arabic block's table at hand.
fn joining_in(table: &[Joining; 256], c: char) -> Joining {
    if c.is_ascii() {
        return Joining::None;
    }
    match (c as u32).checked_sub(0x600) {
        Some(index) if index < 256 => table[index as usize],
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

/// Shape the characters of a paragraph in logical order as they are read: `emit` is given
/// each character of `chars` (with its byte offset) in its contextual form. A lam-alef
/// ligature takes the lam's offset and the alef draws nothing. Every other character of
/// `chars` is drawn; the caller leaves out what must not be.
///
/// A letter's form depends on the next character that is not transparent: `chars` is read
/// one character ahead, and past marks (rare outside vocalised text) on a copy of it.
#[inline(always)]
pub fn shape<I>(mut chars: I, mut emit: impl FnMut(Shaped))
where
    I: Iterator<Item = (u32, char)> + Clone,
{
    let table = joining_table();
    let forms = letter_table();
    let read = |chars: &mut I| chars.next().map(|(source, c)| (source, c, joining_in(table, c)));
    let mut peeked = read(&mut chars);
    // The joining type of the last character that was not transparent.
    let mut before = Joining::None;
    // Whether the next character that is not transparent is the alef of a ligature drawn
    // already.
    let mut alef_consumed = false;
    while let Some((source, c, kind)) = peeked {
        peeked = read(&mut chars);
        // One call of `emit` for every character drawn, so that it is inlined once.
        let drawn = if kind == Joining::Transparent {
            c
        } else if alef_consumed {
            alef_consumed = false;
            // The ligature is right-joining: nothing joins to it from the left.
            before = Joining::Right;
            continue;
        } else {
            let next = match peeked {
                Some((_, next, kind)) if kind != Joining::Transparent => Some((next, kind)),
                Some(_) => chars
                    .clone()
                    .map(|(_, c)| (c, joining_in(table, c)))
                    .find(|&(_, kind)| kind != Joining::Transparent),
                None => None,
            };
            let next_kind = next.map_or(Joining::None, |(_, kind)| kind);
            let joins_before = matches!(kind, Joining::Dual | Joining::Right)
                && matches!(before, Joining::Dual | Joining::Causing);
            let joins_after = matches!(kind, Joining::Dual)
                && matches!(next_kind, Joining::Dual | Joining::Right | Joining::Causing);
            let ligature = match next {
                Some((alef, _)) if c == LAM => lam_alef(alef, joins_before),
                _ => None,
            };
            before = kind;
            match ligature {
                Some(ligature) => {
                    alef_consumed = true;
                    ligature
                }
                None => form(forms, c, kind, joins_before, joins_after),
            }
        };
        emit(Shaped { ch: drawn, source });
    }
}

/// The presentation form of `c`, of joining type `kind`, joined or not on either side, from
/// the letter table `forms`.
#[inline(always)]
fn form(
    forms: &[Option<Forms>; 256],
    c: char,
    kind: Joining,
    joins_before: bool,
    joins_after: bool,
) -> char {
    let letter = match (c as u32).checked_sub(0x600) {
        Some(index) if index < 256 && kind != Joining::Causing => forms[index as usize],
        _ => None,
    };
    let Some(f) = letter else { return c };
    let form = match (joins_before, joins_after) {
        (false, false) => f.isolated,
        (false, true) => f.initial,
        (true, true) => f.medial,
        (true, false) => f.end,
    };
    if form == '\0' { c } else { form }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars_of(text: &str) -> impl Iterator<Item = (u32, char)> + Clone + '_ {
        text.char_indices().map(|(i, c)| (i as u32, c))
    }

    fn shaped_chars(chars: impl Iterator<Item = (u32, char)> + Clone) -> Vec<Shaped> {
        let mut out = Vec::new();
        shape(chars, |shaped| out.push(shaped));
        out
    }

    fn shaped(text: &str) -> String {
        shaped_chars(chars_of(text)).iter().map(|s| s.ch).collect()
    }

    /// The shaping pass as it was before it read the characters as they come: the joining types of all the characters
    /// first, then each character's form from them. What the shaper must agree with.
    fn shaped_from_the_whole_paragraph(chars: &[(u32, char)]) -> Vec<Shaped> {
        let mut out = Vec::new();
        let kinds: Vec<Joining> = chars.iter().map(|&(_, c)| joining(c)).collect();
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
        out
    }

    fn agrees_with_the_whole_paragraph_pass(text: &str) {
        let chars: Vec<(u32, char)> = chars_of(text).collect();
        let streamed = shaped_chars(chars.iter().copied());
        assert_eq!(streamed, shaped_from_the_whole_paragraph(&chars), "{text:?}");
    }

    #[test]
    fn shaping_as_read_agrees_with_the_whole_paragraph_pass_on_every_pair_around_a_letter() {
        // Every character of the Arabic block and its neighbours, and the others that join
        // or break joins, in every pair, between two letters and after a lam.
        let mut chars: Vec<char> = (0x600..0x700).filter_map(char::from_u32).collect();
        chars.extend(['a', ' ', '1', ZWJ, ZWNJ, '\u{0301}', '\u{08F0}', '\u{FEFB}', '\u{1b}']);
        for &a in &chars {
            for &b in &chars {
                for text in [format!("ب{a}{b}ب"), format!("ل{a}{b}"), format!("{a}ل{b}ا")] {
                    agrees_with_the_whole_paragraph_pass(&text);
                }
            }
        }
    }

    #[test]
    fn shaping_as_read_agrees_with_the_whole_paragraph_pass_across_runs_of_marks() {
        for text in [
            "",
            "ل",
            "\u{064E}\u{064E}",
            "لَّا بُّبِّ مُحَمَّدٌ رَسُولُ اللَّهِ",
            "لَََََََأ لَـا ل\u{200D}ا بَ\u{200C}ب",
            "ﻻ لاا للا ال لإ لآ لأ",
        ] {
            agrees_with_the_whole_paragraph_pass(text);
        }
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
        let out = shaped_chars(chars_of("بلا"));
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
