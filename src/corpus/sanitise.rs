//! Making decoded text safe to keep and to draw: line endings, escape sequences, controls.
//!
//! Nothing from a file may reach the terminal as a control. This pass runs on all text before
//! the structure is read:
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

/// Text made safe: normalised line endings, no escape sequences, no raw controls but `\n`
/// and `\t` (see the module notes for what each becomes).
pub fn sanitise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\u{2028}' => out.push('\n'),
            '\u{2029}' => out.push_str("\n\n"),
            ESC => skip_escape(&mut chars),
            '\n' | '\t' => out.push(c),
            _ => out.push(visible(c)),
        }
    }
    out
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

/// Consume the rest of an escape sequence whose ESC has just been read.
fn skip_escape<I: Iterator<Item = char>>(chars: &mut std::iter::Peekable<I>) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_control_string(chars);
        }
        // nF sequences: intermediate bytes, then one final byte.
        Some(' '..='/') => {
            while chars.next_if(|c| matches!(c, ' '..='/')).is_some() {}
            chars.next_if(|c| matches!(c, '0'..='~'));
        }
        // Any other two-character sequence (ESC 7, ESC c, ESC =, …).
        Some('0'..='~') => {
            chars.next();
        }
        // A lone ESC before a newline, a space-less end or a non-ASCII character.
        _ => {}
    }
}

/// Consume a CSI sequence after `ESC [`: parameter and intermediate bytes, then the final
/// byte. A malformed sequence ends at the first byte that cannot belong to it.
fn skip_csi<I: Iterator<Item = char>>(chars: &mut std::iter::Peekable<I>) {
    while chars.next_if(|c| matches!(c, '0'..='?')).is_some() {}
    while chars.next_if(|c| matches!(c, ' '..='/')).is_some() {}
    chars.next_if(|c| matches!(c, '@'..='~'));
}

/// Consume a control string (OSC, DCS, SOS, PM, APC) up to and including its terminator:
/// BEL, `ESC \` or the C1 ST. An unterminated string ends before the next newline.
fn skip_control_string<I: Iterator<Item = char>>(chars: &mut std::iter::Peekable<I>) {
    while let Some(&c) = chars.peek() {
        match c {
            '\n' | '\r' => return,
            BEL | C1_ST => {
                chars.next();
                return;
            }
            ESC => {
                chars.next();
                chars.next_if_eq(&'\\');
                return;
            }
            _ => {
                chars.next();
            }
        }
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
    fn blank_lines() {
        assert!(is_blank_line(""));
        assert!(is_blank_line(" \u{a0}\t\u{a0}"));
        assert!(is_blank_line("\u{200f}\u{feff} "));
        assert!(!is_blank_line("\u{a0}x"));
    }
}
