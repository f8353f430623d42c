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
//!
//! The module also holds the quick character tests and byte search that the sentence
//! splitter and the document structure share ([`is_alphabetic`], [`is_alphanumeric`],
//! [`find_byte`]): they run over every character of every article.

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
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut has_letter = false;
    let mut i = 0;
    while let Some(run_start) = find_terminator(text, i) {
        has_letter = has_letter || text[i..run_start].chars().any(is_alphabetic);
        let run_end = skip_while(text, run_start, is_terminator);
        let end = skip_while(text, run_end, is_closer);
        if has_letter && ends_sentence(text, start, run_start..run_end, end) {
            push_trimmed(text, start..end, &mut sentences);
            start = end;
            has_letter = false;
        }
        i = end;
    }
    push_trimmed(text, start..text.len(), &mut sentences);
    sentences
}

/// Whether the terminator run at byte range `run`, with its closers up to byte `end`, ends
/// the sentence that starts at byte `start` (which has a letter before the run).
fn ends_sentence(text: &str, start: usize, run: Range<usize>, end: usize) -> bool {
    let next = text[end..].chars().next();
    let next_ok = next.is_none_or(|c| c.is_whitespace() || is_arabic_letter(c));
    let single_dot = &text[run.clone()] == ".";
    let before = last_word(&text[start..run.start]);
    // A dot with a letter right after it, inside a name: «العربية.نت», «بيت.كوم».
    let inside_a_name = single_dot
        && end == run.end
        && next.is_some_and(is_arabic_letter)
        && DOT_NAMES.contains(&first_word(&text[end..]));
    next_ok && !inside_a_name && !(single_dot && is_abbreviation(before))
}

/// Words written after a dot inside a name («العربية.نت», «بيت.كوم»).
const DOT_NAMES: [&str; 4] = ["نت", "كوم", "أورغ", "اورغ"];

/// The first word of `text`, up to a space or punctuation.
fn first_word(text: &str) -> &str {
    let end = text.find(|c: char| !is_alphabetic(c)).unwrap_or(text.len());
    &text[..end]
}

/// The byte offset of the first terminator at or after byte `from`. Bytes are scanned rather
/// than characters: `.` `!` `?` are ASCII, and «؟» and «…» are found by their last byte and
/// confirmed by the bytes before it.
fn find_terminator(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    loop {
        let at = i + find_byte(&bytes[i..], ends_terminator)?;
        if bytes[at].is_ascii() {
            return Some(at);
        }
        let end = at + 1;
        let wide = ["؟", "…"].into_iter().find(|t| bytes[from..end].ends_with(t.as_bytes()));
        if let Some(terminator) = wide {
            return Some(end - terminator.len());
        }
        i = end;
    }
}

/// Whether a byte may end a terminator in UTF-8: the ASCII ones and the last bytes of «؟»
/// and «…».
fn ends_terminator(byte: u8) -> bool {
    const QUESTION_MARK_END: u8 = last_byte("؟");
    const ELLIPSIS_END: u8 = last_byte("…");
    matches!(byte, b'.' | b'!' | b'?' | QUESTION_MARK_END | ELLIPSIS_END)
}

/// The last byte of a non-empty string.
const fn last_byte(s: &str) -> u8 {
    s.as_bytes()[s.len() - 1]
}

/// The byte offset of the first char at or after byte `from` that does not satisfy `pred`.
fn skip_while(text: &str, from: usize, pred: fn(char) -> bool) -> usize {
    text[from..].find(|c| !pred(c)).map_or(text.len(), |offset| from + offset)
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
    matches!(c, '\u{600}'..='\u{6ff}' | '\u{750}'..='\u{77f}' | '\u{8a0}'..='\u{8ff}'
            | '\u{fb50}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}')
        && is_alphabetic(c)
}

/// The same as [`char::is_alphabetic`], answered without a table search for ASCII and the
/// Arabic block (U+0600–U+06FF), where running text spends its time. Harakat count as
/// alphabetic, as they do in Unicode (Other_Alphabetic); Arabic punctuation and digits do not.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    match c {
        '\0'..='\x7f' => c.is_ascii_alphabetic(),
        '\u{600}'..='\u{6ff}' => matches!(
            c,
            '\u{610}'..='\u{61a}'
                | '\u{620}'..='\u{657}'
                | '\u{659}'..='\u{65f}'
                | '\u{66e}'..='\u{6d3}'
                | '\u{6d5}'..='\u{6dc}'
                | '\u{6e1}'..='\u{6e8}'
                | '\u{6ed}'..='\u{6ef}'
                | '\u{6fa}'..='\u{6fc}'
                | '\u{6ff}'
        ),
        _ => c.is_alphabetic(),
    }
}

/// The same as [`char::is_alphanumeric`], answered without a table search for ASCII and the
/// Arabic block (whose digits are U+0660–U+0669 and U+06F0–U+06F9).
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    match c {
        '\0'..='\x7f' => c.is_ascii_alphanumeric(),
        '\u{600}'..='\u{6ff}' => {
            is_alphabetic(c) || matches!(c, '\u{660}'..='\u{669}' | '\u{6f0}'..='\u{6f9}')
        }
        _ => c.is_alphanumeric(),
    }
}

/// The offset of the first byte of `bytes` that satisfies `pred`. The bytes are tested 32 at
/// a time without stopping, which the compiler turns into vector instructions, and only a
/// chunk with a match is searched byte by byte: several times quicker than a plain search
/// when matches are rare.
#[inline]
pub fn find_byte(bytes: &[u8], pred: impl Fn(u8) -> bool) -> Option<usize> {
    let mut offset = 0;
    for chunk in bytes.chunks(32) {
        if chunk.iter().fold(false, |found, &b| found | pred(b)) {
            return chunk.iter().position(|&b| pred(b)).map(|i| offset + i);
        }
        offset += chunk.len();
    }
    None
}

/// How many bytes of `bytes` satisfy `pred`, counted 32 at a time into a byte-sized sum,
/// which the compiler turns into vector instructions.
#[inline]
pub fn count_bytes(bytes: &[u8], pred: impl Fn(u8) -> bool) -> usize {
    let mut chunks = bytes.chunks_exact(32);
    let mut count = 0;
    for chunk in &mut chunks {
        count += usize::from(chunk.iter().fold(0u8, |n, &b| n + u8::from(pred(b))));
    }
    count + chunks.remainder().iter().filter(|&&b| pred(b)).count()
}

/// The last white-space separated word of `segment`.
fn last_word(segment: &str) -> &str {
    segment.rsplit(char::is_whitespace).next().unwrap_or("")
}

/// Whether a word before a single `.` is an abbreviation: a known one, a single Latin capital
/// (an initial), or a dotted form such as `U.S` or `e.g`.
fn is_abbreviation(word: &str) -> bool {
    let word = word.trim_start_matches(|c: char| !is_alphanumeric(c));
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
        assert_eq!(
            pieces("وقال موقع العربية.نت إن الشركة أعلنت."),
            ["وقال موقع العربية.نت إن الشركة أعلنت."]
        );
        assert_eq!(pieces("ويمر به.والكبد عضو"), ["ويمر به.", "والكبد عضو"]);
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
    fn fast_character_classes_agree_with_std() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn long_inputs_take_linear_time() {
        let word = "ب".repeat(10_000);
        let text = format!("{word}. ").repeat(20);
        assert_eq!(split_sentences(&text).len(), 20);
        let dotted = "Dr.ب".repeat(10_000);
        assert_eq!(split_sentences(&dotted).len(), 10_000);
        let one = "ك".repeat(100_000) + ".";
        assert_eq!(split_sentences(&one), vec![0..one.len()]);
    }

    #[test]
    fn bytes_are_found_in_any_chunk() {
        let bytes: Vec<u8> = (0..100).collect();
        for target in 0..100 {
            assert_eq!(find_byte(&bytes, |b| b == target || b == 99), Some(usize::from(target)));
        }
        assert_eq!(find_byte(&bytes, |b| b > 200), None);
        assert_eq!(find_byte(&[], |_| true), None);
    }

    #[test]
    fn empty_and_blank_text() {
        assert!(split_sentences("").is_empty());
        assert!(split_sentences("   ").is_empty());
        assert_eq!(split_sentences("."), vec![0..1]);
    }
}
