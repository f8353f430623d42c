//! Sentence boundaries in Arabic and mixed text.
//!
//! A sentence ends after a run of terminators (`.` `!` `?` `؟` `…`, so «..» or «؟!» is one
//! end), together with the closing quotes and brackets that follow it (» ” " ' ’ ) ] ›), when
//! the next character is white space, the end of the text, or directly an Arabic letter (the
//! common typo «كافياً.ويرى»). A terminator directly followed by a Latin letter or a digit
//! does not end a sentence (`U.S`, `example.com`, `8.4%`), nor does one that closes a segment
//! without any letter yet (a list number «1.», a leading «…»), nor a single `.` after an
//! abbreviation (`Dr.`, `U.S.`, an initial `J.`). The Arabic comma «،» and `;` `؛` `:` never
//! end a sentence.

use std::ops::Range;

/// Latin abbreviations after which a single `.` does not end a sentence (compared without
/// case).
const ABBREVIATIONS: [&str; 16] = [
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "mt", "no", "fig", "vol", "mme",
    "mlle", "cf",
];

/// The byte ranges of the sentences of `text`, in order. Each range is trimmed of white space
/// and starts and ends on character boundaries; together they cover every non-space
/// character of the text.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut has_letter = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if !is_terminator(c) {
            has_letter |= c.is_alphabetic();
            i += 1;
            continue;
        }
        let run_end = skip_while(&chars, i, is_terminator);
        let end = skip_while(&chars, run_end, is_closer);
        let end_byte = chars.get(end).map_or(text.len(), |&(b, _)| b);
        let before = &text[start..chars[i].0];
        if has_letter && ends_sentence(&chars, i, run_end, end, before) {
            push_trimmed(text, start..end_byte, &mut sentences);
            start = end_byte;
            has_letter = false;
        }
        i = end;
    }
    push_trimmed(text, start..text.len(), &mut sentences);
    sentences
}

/// Whether the terminator run `chars[run_start..run_end]`, with its closers up to `end`,
/// ends the sentence whose text before the run is `before` (which has a letter in it).
fn ends_sentence(
    chars: &[(usize, char)],
    run_start: usize,
    run_end: usize,
    end: usize,
    before: &str,
) -> bool {
    let next_ok = match chars.get(end) {
        None => true,
        Some(&(_, c)) => c.is_whitespace() || is_arabic_letter(c),
    };
    if !next_ok {
        return false;
    }
    let single_dot = run_end - run_start == 1 && chars[run_start].1 == '.';
    !(single_dot && is_abbreviation(last_word(before)))
}

/// The index of the first char at or after `from` that does not satisfy `pred`.
fn skip_while(chars: &[(usize, char)], from: usize, pred: fn(char) -> bool) -> usize {
    let mut i = from;
    while i < chars.len() && pred(chars[i].1) {
        i += 1;
    }
    i
}

/// Push `range` trimmed of white space, unless nothing is left.
fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &text[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// Characters that end a sentence.
fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '…')
}

/// Closing quotes and brackets that belong to the sentence they follow.
fn is_closer(c: char) -> bool {
    matches!(c, '»' | '”' | '"' | '\'' | '’' | ')' | ']' | '›')
}

/// Whether `c` is an Arabic letter (Arabic blocks, alphabetic).
fn is_arabic_letter(c: char) -> bool {
    c.is_alphabetic()
        && matches!(c, '\u{600}'..='\u{6ff}' | '\u{750}'..='\u{77f}' | '\u{8a0}'..='\u{8ff}'
            | '\u{fb50}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}')
}

/// The last white-space separated word of `segment`.
fn last_word(segment: &str) -> &str {
    segment.rsplit(char::is_whitespace).next().unwrap_or("")
}

/// Whether a word before a single `.` is an abbreviation: a known one, a single Latin capital
/// (an initial), or a dotted form such as `U.S` or `e.g`.
fn is_abbreviation(word: &str) -> bool {
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let mut letters = word.chars();
    let single_capital =
        matches!((letters.next(), letters.next()), (Some(c), None) if c.is_ascii_uppercase());
    let dotted = word.contains('.') && word.chars().all(|c| c == '.' || c.is_ascii_alphabetic());
    single_capital || dotted || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        split_sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_at_terminators() {
        assert_eq!(
            pieces("هذا أول. وهذا ثانٍ! هل هذا ثالث؟ نعم"),
            ["هذا أول.", "وهذا ثانٍ!", "هل هذا ثالث؟", "نعم"]
        );
        assert_eq!(pieces("One. Two? Three…  Four"), ["One.", "Two?", "Three…", "Four"]);
    }

    #[test]
    fn runs_of_terminators_are_one_end() {
        assert_eq!(
            pieces("الإرهاب وشبكات التواصل الاجتماعي.. رحلة الصعود والانهيار"),
            ["الإرهاب وشبكات التواصل الاجتماعي..", "رحلة الصعود والانهيار"]
        );
        assert_eq!(pieces("حقاً؟! نعم..."), ["حقاً؟!", "نعم..."]);
    }

    #[test]
    fn closing_quotes_and_brackets_are_absorbed() {
        assert_eq!(
            pieces("وقال إن «الوضع صعب.» ثم غادر. (انتهى.) بعدها"),
            ["وقال إن «الوضع صعب.»", "ثم غادر.", "(انتهى.)", "بعدها"]
        );
        assert_eq!(pieces("قال \"نعم.\" وذهب"), ["قال \"نعم.\"", "وذهب"]);
    }

    #[test]
    fn missing_space_before_arabic_letter_splits() {
        assert_eq!(pieces("لن يكون كافياً.ويرى خبراء أنه"), ["لن يكون كافياً.", "ويرى خبراء أنه"]);
    }

    #[test]
    fn arabic_comma_and_colons_never_split() {
        let long: Vec<String> = (0..60).map(|i| format!("كلمة{i}")).collect();
        let chained = format!("{}.", long.join("، "));
        assert_eq!(split_sentences(&chained), vec![0..chained.len()]);
        assert_eq!(pieces("أولاً: هذا؛ ثانياً; ذاك: تم."), ["أولاً: هذا؛ ثانياً; ذاك: تم."]);
    }

    #[test]
    fn decimals_and_dotted_words_stay_whole() {
        assert_eq!(pieces("أي بمعدل 8.4% كما كشف خبراء."), ["أي بمعدل 8.4% كما كشف خبراء."]);
        assert_eq!(pieces("بلغ 1.3 تريليون دولار. ثم"), ["بلغ 1.3 تريليون دولار.", "ثم"]);
        assert_eq!(
            pieces("See example.com and the U.S. delegation. Dr. Smith and J. Doe agreed."),
            ["See example.com and the U.S. delegation.", "Dr. Smith and J. Doe agreed."]
        );
    }

    #[test]
    fn list_numbers_do_not_make_sentences() {
        assert_eq!(
            pieces("1. تبادل المعلومات: نص. ثم آخر."),
            ["1. تبادل المعلومات: نص.", "ثم آخر."]
        );
        assert_eq!(pieces("... وبعد"), ["... وبعد"]);
    }

    #[test]
    fn ranges_are_trimmed_and_cover_the_text() {
        let text = "  أ. ب!   ج  ";
        let ranges = split_sentences(text);
        assert_eq!(pieces(text), ["أ.", "ب!", "ج"]);
        let covered: String = ranges.iter().map(|r| &text[r.clone()]).collect();
        let non_space: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(covered.replace(' ', ""), non_space);
    }

    #[test]
    fn empty_and_blank_text() {
        assert!(split_sentences("").is_empty());
        assert!(split_sentences("   ").is_empty());
        assert_eq!(split_sentences("."), vec![0..1]);
    }
}
