//! Making text safe to keep and to draw: line endings, escape sequences, controls.
//!
//! Nothing from a file may reach the terminal as a control. [`sanitise`] runs on all of an
//! article's text before the structure is read:
//!
//! - CRLF and lone CR become LF; U+2028 LINE SEPARATOR becomes LF and U+2029 PARAGRAPH
//!   SEPARATOR a blank line, so that the structure stage only ever sees `\n`.
//! - Escape sequences are removed whole: CSI (`ESC [` … final byte), OSC (`ESC ]` … BEL or
//!   `ESC \`), DCS, SOS, PM and APC (`ESC P`, `ESC X`, `ESC ^`, `ESC _` … `ESC \`), nF
//!   sequences (`ESC ( B`) and any other `ESC x`. A string sequence left unterminated ends at
//!   the end of its line, so one stray escape cannot swallow the rest of an article.
//! - Other C0 controls (all but `\n` and `\t`) are shown as their Control Pictures symbol
//!   (U+2400 + code, e.g. BEL → `␇`), and DEL as `␡` (U+2421): the reader sees which control
//!   was there. C1 controls (U+0080–U+009F) have no pictures and become U+FFFD `�`.
//! - Tabs stay. Bidi format characters (LRM, RLM, ALM, LRE … PDI) stay in the text: the
//!   layout stage resolves them and never sends them to the terminal.
//!
//! [`sanitise_line`] does the same for a text that is not an article's and is shown on one
//! line — a file name, a title, a theme's label, a note, a setting, a message — whether it is
//! drawn by the reader or printed: line breaks (CR, LF, U+2028, U+2029) and tabs become
//! spaces, and bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are
//! removed, so that an unclosed one cannot turn round the words around it (a file name in a
//! warning, the rest of the status line), nor reach a terminal through standard error.
//! Interlinear annotation characters (U+FFF9–U+FFFB), which terminals draw in no agreed
//! width, are removed too. The bidi marks (LRM, RLM, ALM) stay: they reach no further than
//! the characters beside them.

use std::borrow::Cow;

/// The escape character that starts a terminal escape sequence.
const ESC: char = '\u{1b}';
/// BEL, which also ends an OSC string.
const BEL: char = '\u{7}';
/// The C1 String Terminator, which ends control strings like `ESC \`.
const C1_ST: char = '\u{9c}';
/// What a C1 control is shown as.
const C1_SYMBOL: char = '\u{fffd}';
/// What DEL is shown as (SYMBOL FOR DELETE).
const DEL_SYMBOL: char = '\u{2421}';

/// [`clean`]'s mode for an article's text: lines, tabs and bidi formatting kept.
const ARTICLE: u8 = 0;
/// [`clean`]'s mode for what is printed or written: lines and tabs kept, bidi formatting
/// removed.
const OUTPUT: u8 = 1;
/// [`clean`]'s mode for a text shown on one line.
const ONE_LINE: u8 = 2;

/// Text made safe: normalised line endings, no escape sequences, no raw controls but `\n`
/// and `\t` (see the module notes for what each becomes).
pub fn sanitise(text: &str) -> String {
    clean::<ARTICLE>(text).into_owned()
}

/// A text that is not an article's made safe to show on one line (see the module notes): no
/// escape sequences, no controls, no line breaks, no bidi embeddings, overrides or isolates.
/// A text with none of them is returned as it is, without a copy.
pub fn sanitise_line(text: &str) -> Cow<'_, str> {
    clean::<ONE_LINE>(text)
}

/// Text about to be printed or written to a file made safe for a terminal (or a viewer) to
/// show: as `sanitise` makes an article's text, and with the bidi embeddings, overrides and
/// isolates and the interlinear annotation characters removed, as on one line. What basira
/// prints has already been made safe where it was read; this is the last step before it
/// leaves, for whatever reached the output another way (a cache file, an article's bidi
/// formatting kept for layout). A text with nothing to change is returned without a copy.
pub fn sanitise_output(text: &str) -> Cow<'_, str> {
    clean::<OUTPUT>(text)
}

/// Whether [`sanitise_line`] changes or removes the character `c` wherever it is (it also
/// removes what follows an ESC as part of its escape sequence).
pub fn is_unsafe_on_a_line(c: char) -> bool {
    needs_care::<ONE_LINE>(c)
}

/// The first character of `text` that [`is_unsafe_on_a_line`], with its byte offset; found
/// by a quick search for the bytes such characters start with.
pub fn first_unsafe_on_a_line(text: &str) -> Option<(usize, char)> {
    next_to_change::<ONE_LINE>(text)
}

/// The text made safe for an article, for output or for one line (`MODE`).
fn clean<const MODE: u8>(text: &str) -> Cow<'_, str> {
    let mut found = next_to_change::<MODE>(text);
    if found.is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((at, c)) = found {
        out.push_str(&rest[..at]);
        rest = replace::<MODE>(c, &rest[at + c.len_utf8()..], &mut out);
        found = next_to_change::<MODE>(rest);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Write what stands for `c`, a character that [`needs_care`], to `out`; return the text
/// after it (`after`) without what goes with it: the rest of an escape sequence, the LF of a
/// CRLF.
fn replace<'t, const MODE: u8>(c: char, after: &'t str, out: &mut String) -> &'t str {
    let one_line = MODE == ONE_LINE;
    let line_break = if one_line { " " } else { "\n" };
    match c {
        ESC => return skip_escape(after),
        '\r' => {
            out.push_str(line_break);
            return after.strip_prefix('\n').unwrap_or(after);
        }
        '\u{2028}' => out.push_str(line_break),
        '\u{2029}' => out.push_str(if one_line { " " } else { "\n\n" }),
        // The characters below need care only on one line, or (bidi formatting) in output.
        '\n' | '\t' => out.push(' '),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{fff9}'..='\u{fffb}' => {}
        _ => out.push(visible(c)),
    }
    after
}

/// The first character of `text` that [`clean`] changes or removes, and its byte offset.
/// Bytes are scanned rather than characters, 32 at a time, each with the two after it: a
/// character that needs care is ASCII or starts with bytes that say which it is (see
/// [`may_need_care`]), so the Arabic letters and presentation forms around it are never
/// decoded.
fn next_to_change<const MODE: u8>(text: &str) -> Option<(usize, char)> {
    let mut from = 0;
    loop {
        let at = next_candidate::<MODE>(text.as_bytes(), from)?;
        let c = text[at..].chars().next()?;
        if needs_care::<MODE>(c) {
            return Some((at, c));
        }
        from = at + c.len_utf8();
    }
}

/// The offset of the first byte from `from` on where [`may_need_care`] says a character
/// that needs care may start: whole chunks (with the two bytes after them) are tested in one
/// go, which the compiler turns into vector instructions, then the rest byte by byte.
fn next_candidate<const MODE: u8>(bytes: &[u8], from: usize) -> Option<usize> {
    let byte = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let hit = |i: usize| may_need_care::<MODE>(bytes[i], byte(i + 1), byte(i + 2));
    let mut start = from;
    while let Some(window) = bytes.get(start..start + CHUNK + 2) {
        let any = (0..CHUNK).fold(false, |any, i| {
            any | may_need_care::<MODE>(window[i], window[i + 1], window[i + 2])
        });
        if any {
            return (start..start + CHUNK).find(|&i| hit(i));
        }
        start += CHUNK;
    }
    (start..bytes.len()).find(|&i| hit(i))
}

/// How many bytes [`next_to_change`] looks at in one go.
const CHUNK: usize = 32;

/// Whether the character starting with byte `first` (followed by `second` and `third`, 0
/// past the end) may be one that [`needs_care`]: a control but `\n` and `\t` (both too on
/// one line), DEL, a C1 control (0xC2 0x80–0x9F), a line or paragraph separator (0xE2 0x80
/// 0xA8–0xA9); in output and on one line also the bidi embeddings and overrides (0xE2 0x80
/// 0xAA–0xAE), isolates (0xE2 0x81 0xA6–0xA9) and interlinear annotations (0xEF 0xBF
/// 0xB9–0xBB). A continuation byte is never one of these first bytes, so a hit is where a
/// character starts.
///
/// The tests are joined with `&` and `|`, not `&&` and `||`: without branches the compiler
/// turns [`next_candidate`]'s test of a whole chunk into vector instructions in every mode
/// (with `&&`, an article's text was read a byte at a time, 35 instructions a byte).
#[inline]
fn may_need_care<const MODE: u8>(first: u8, second: u8, third: u8) -> bool {
    let control = match MODE {
        ONE_LINE => first < 0x20,
        _ => (first < 0x20) & (first != b'\n') & (first != b'\t'),
    };
    let general_punctuation = (first == 0xe2) & (second == 0x80);
    let separator = general_punctuation & matches!(third, 0xa8..=0xa9);
    let formatting = (MODE != ARTICLE)
        & ((general_punctuation & matches!(third, 0xaa..=0xae))
            | ((first == 0xe2) & (second == 0x81) & matches!(third, 0xa6..=0xa9))
            | ((first == 0xef) & (second == 0xbf) & matches!(third, 0xb9..=0xbb)));
    control | (first == 0x7f) | ((first == 0xc2) & (second < 0xa0)) | separator | formatting
}

/// Whether a character is changed or removed by [`clean`]: a control other than `\n` and
/// `\t`, or a Unicode line or paragraph separator; in output and on one line also the bidi
/// embeddings, overrides and isolates and the interlinear annotation characters; on one line
/// also `\n` and `\t`. Text between such characters is copied as it is.
fn needs_care<const MODE: u8>(c: char) -> bool {
    let anywhere = matches!(
        c,
        '\0'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}'
    );
    let formatting =
        matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{fff9}'..='\u{fffb}');
    anywhere || MODE != ARTICLE && formatting || MODE == ONE_LINE && matches!(c, '\n' | '\t')
}

/// The character itself, or the visible symbol that stands for it when it is a control.
fn visible(c: char) -> char {
    match c {
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or(C1_SYMBOL),
        '\u{7f}' => DEL_SYMBOL,
        '\u{80}'..='\u{9f}' => C1_SYMBOL,
        _ => c,
    }
}

/// The text after the escape sequence whose ESC came just before `rest`.
fn skip_escape(rest: &str) -> &str {
    let mut chars = rest.chars();
    match chars.next() {
        Some('[') => skip_csi(chars.as_str()),
        Some(']' | 'P' | 'X' | '^' | '_') => skip_control_string(chars.as_str()),
        // nF sequences: intermediate bytes, then one final byte.
        Some(' '..='/') => {
            let rest = rest.trim_start_matches(|c| matches!(c, ' '..='/'));
            rest.strip_prefix(|c| matches!(c, '0'..='~')).unwrap_or(rest)
        }
        // Any other two-character sequence (ESC 7, ESC c, ESC =, …).
        Some('0'..='~') => chars.as_str(),
        // A lone ESC before a newline, a space-less end or a non-ASCII character.
        _ => rest,
    }
}

/// The text after a CSI sequence that follows `ESC [`: parameter and intermediate bytes,
/// then the final byte. A malformed sequence ends at the first byte that cannot belong to it.
fn skip_csi(rest: &str) -> &str {
    let rest = rest.trim_start_matches(|c| matches!(c, '0'..='?'));
    let rest = rest.trim_start_matches(|c| matches!(c, ' '..='/'));
    rest.strip_prefix(|c| matches!(c, '@'..='~')).unwrap_or(rest)
}

/// The text after a control string (OSC, DCS, SOS, PM, APC) and its terminator: BEL,
/// `ESC \` or the C1 ST. An unterminated string ends before the next newline.
fn skip_control_string(rest: &str) -> &str {
    let end = rest.char_indices().find(|&(_, c)| matches!(c, '\n' | '\r' | BEL | C1_ST | ESC));
    let Some((at, c)) = end else { return "" };
    let after = &rest[at + c.len_utf8()..];
    match c {
        BEL | C1_ST => after,
        ESC => after.strip_prefix('\\').unwrap_or(after),
        _ => &rest[at..],
    }
}

/// Whether a line shows nothing: only white space (including no-break spaces) and invisible
/// format characters such as bidi marks, zero-width spaces and the byte-order mark.
pub fn is_blank_line(line: &str) -> bool {
    line.chars().all(|c| c.is_whitespace() || is_invisible_format(c))
}

/// Invisible format characters that do not make a line non-blank.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{61c}'
            | '\u{feff}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_become_lf() {
        assert_eq!(sanitise("a\r\nb\rc\nd"), "a\nb\nc\nd");
        assert_eq!(sanitise("a\u{2028}b\u{2029}c"), "a\nb\n\nc");
    }

    #[test]
    fn csi_sequences_are_removed() {
        assert_eq!(sanitise("\u{1b}[31mأحمر\u{1b}[0m"), "أحمر");
        assert_eq!(sanitise("a\u{1b}[2Jb\u{1b}[?25lc"), "abc");
        assert_eq!(sanitise("x\u{1b}[8 ly"), "xy");
    }

    #[test]
    fn string_sequences_are_removed() {
        assert_eq!(sanitise("a\u{1b}]0;title\u{7}b"), "ab");
        assert_eq!(sanitise("a\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\b"), "alinkb");
        assert_eq!(sanitise("a\u{1b}Pq#0;2\u{1b}\\b"), "ab");
        assert_eq!(sanitise("a\u{1b}_apc\u{1b}\\b\u{1b}^pm\u{9c}c"), "abc");
    }

    #[test]
    fn unterminated_string_stops_at_line_end() {
        assert_eq!(sanitise("a\u{1b}]0;never ends\nnext line"), "a\nnext line");
    }

    #[test]
    fn other_escapes_are_removed() {
        assert_eq!(sanitise("a\u{1b}7b\u{1b}(Bc\u{1b}"), "abc");
        assert_eq!(sanitise("a\u{1b}\nb"), "a\nb");
        assert_eq!(sanitise("\u{1b}ب"), "ب");
    }

    #[test]
    fn controls_become_visible() {
        assert_eq!(sanitise("a\u{7}b"), "a\u{2407}b");
        assert_eq!(sanitise("\u{0}\u{8}\u{c}"), "\u{2400}\u{2408}\u{240c}");
        assert_eq!(sanitise("a\u{7f}b"), "a\u{2421}b");
        assert_eq!(sanitise("a\u{85}\u{9b}b"), "a\u{fffd}\u{fffd}b");
    }

    #[test]
    fn tabs_and_bidi_marks_stay() {
        let text = "a\tb \u{200f}ج\u{200e} \u{2067}x\u{2069} \u{61c}";
        assert_eq!(sanitise(text), text);
    }

    #[test]
    fn clean_text_is_copied_whole() {
        let text = "نص عربي\tمع Latin و«علامات»، ١٢٣ — “quotes” \u{a0}é\n\nفقرة";
        assert_eq!(sanitise(text), text);
        assert_eq!(sanitise("أ\u{1b}"), "أ");
        assert_eq!(sanitise("\u{1b}]unterminated"), "");
        assert_eq!(sanitise("«\u{a0}»\u{2026}\u{2029}\u{85}x"), "«\u{a0}»\u{2026}\n\n\u{fffd}x");
    }

    #[test]
    fn a_line_keeps_clean_text_without_a_copy() {
        let text = "ملف \u{200f}(2024)\u{200e} — “quotes” é";
        assert!(matches!(sanitise_line(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn line_breaks_and_tabs_become_spaces_on_a_line() {
        assert_eq!(sanitise_line("سطر\u{2028}ثان\u{2029}ثالث"), "سطر ثان ثالث");
        assert_eq!(sanitise_line("a\r\nb\rc\nd\te"), "a b c d e");
    }

    #[test]
    fn escapes_and_controls_on_a_line_go_as_in_an_article() {
        assert_eq!(sanitise_line("x\u{1b}]0;title\u{7}y\u{1b}[2Jz"), "xyz");
        assert_eq!(sanitise_line("a\u{7}b\u{7f}c\u{9b}31m"), "a\u{2407}b\u{2421}c\u{fffd}31m");
        assert_eq!(sanitise_line("\u{1b}]0;never ends\nnext"), " next");
    }

    #[test]
    fn bidi_overrides_and_isolates_go_on_a_line_and_marks_stay() {
        let text = "evil\u{202e}txt.exe \u{2066}a\u{2069} \u{202a}\u{202b}\u{202c}\u{202d}\u{2067}\u{2068}";
        assert_eq!(sanitise_line(text), "eviltxt.exe a ");
        assert_eq!(sanitise_line("a\u{200e}\u{200f}\u{61c}b"), "a\u{200e}\u{200f}\u{61c}b");
        assert_eq!(sanitise_line("a\u{fff9}b\u{fffa}c\u{fffb}"), "abc");
    }

    #[test]
    fn nothing_a_line_shows_is_unsafe() {
        let every: String = (0..0x3000).chain(0xfff0..0x10000).filter_map(char::from_u32).collect();
        let line = sanitise_line(&every);
        assert!(!line.chars().any(is_unsafe_on_a_line), "{line:?}");
        assert!(line.chars().all(|c| !c.is_control()));
    }

    #[test]
    fn every_character_that_needs_care_is_found_wherever_it_is() {
        // Around it, Arabic letters and presentation forms, whose bytes must not be taken
        // for a control's; at the start, inside and across the end of a chunk. Every
        // character that needs care is in the BMP; a sample of the other planes.
        let others = (0x10000..=0x10FFFF).step_by(61).filter_map(char::from_u32);
        for c in ('\0'..='\u{FFFF}').chain(others) {
            for before in [0, 11, 31, 32] {
                let text = format!("{}{c}ﻻ", "ب".repeat(before / 2));
                let at = text.len() - c.len_utf8() - 'ﻻ'.len_utf8();
                let expected = |care: bool| care.then_some((at, c));
                assert_eq!(next_to_change::<ARTICLE>(&text), expected(needs_care::<ARTICLE>(c)));
                assert_eq!(next_to_change::<OUTPUT>(&text), expected(needs_care::<OUTPUT>(c)));
                assert_eq!(next_to_change::<ONE_LINE>(&text), expected(needs_care::<ONE_LINE>(c)));
            }
        }
    }

    #[test]
    fn blank_lines() {
        assert!(is_blank_line(""));
        assert!(is_blank_line(" \u{a0}\t\u{a0}"));
        assert!(is_blank_line("\u{200f}\u{feff} "));
        assert!(!is_blank_line("\u{a0}x"));
    }
}
