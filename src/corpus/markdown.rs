//! Markdown to paragraphs: the subset that articles use.
//!
//! Blocks: ATX headings (`#` … `######`) and setext headings (`===`, `---` under a line);
//! paragraphs separated by blank lines, their soft-wrapped lines joined; list items (`-` `*`
//! `+` shown as «• », `1.` `1)` kept) each a paragraph; block quotes with their `>` markers
//! stripped; fenced code blocks (``` or ~~~) as one body paragraph, lines joined by spaces,
//! emphasised as code throughout; thematic breaks, link reference definitions and HTML
//! comments dropped; YAML front matter dropped, its `title:` kept as the title.
//!
//! Inline: `*it*` `_it_` `**b**` `__b__` and `` `code` `` lose their markers and leave
//! [`Emphasis`] ranges (byte ranges of the final text); `[text](url)` and `[text][ref]` keep
//! their text, images are removed, `<https://…>` keeps the address, HTML tags are dropped
//! (`<br>` becomes a space), and a backslash escapes punctuation.

use std::ops::Range;

use super::block::Block;
use super::lines::{is_list_item, is_tidy, tidy_spaces};
use super::sanitise::is_blank_line;
use super::{Emphasis, EmphasisKind, Role};
use crate::text::sentences::is_alphanumeric;

/// The most lines YAML front matter may span.
const MAX_FRONT_MATTER: usize = 50;
/// How far (in bytes) a link's closing bracket or an HTML tag's `>` is looked for, so that a
/// line full of unclosed `[` or `<` is read in linear time.
const MAX_INLINE_SPAN: usize = 2000;

/// The paragraphs of a Markdown text, in order, with heading roles; the first-level heading
/// is left as a heading (the structure stage decides whether it is the title).
pub(super) fn blocks(text: &str) -> Vec<Block> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut reader = Reader::default();
    let mut i = reader.front_matter(&lines);
    while i < lines.len() {
        i = reader.line(&lines, i);
    }
    reader.flush();
    reader.blocks
}

/// The block reader's state.
#[derive(Default)]
struct Reader {
    /// The finished paragraphs.
    blocks: Vec<Block>,
    /// The lines of the paragraph being read.
    lines: Vec<String>,
    /// Whether the paragraph being read is in a block quote.
    quoted: bool,
}

impl Reader {
    /// Skip YAML front matter at the top, keeping its title; the index of the next line.
    fn front_matter(&mut self, lines: &[&str]) -> usize {
        if lines.first().map(|l| l.trim()) != Some("---") {
            return 0;
        }
        let limit = lines.len().min(MAX_FRONT_MATTER);
        let Some(end) = (1..limit).find(|&i| matches!(lines[i].trim(), "---" | "...")) else {
            return 0;
        };
        if !lines[1..end].iter().all(|l| is_yaml_line(l)) {
            return 0;
        }
        let title = lines[1..end].iter().find_map(|l| l.trim().strip_prefix("title:"));
        if let Some(title) = title.map(|t| t.trim().trim_matches(['"', '\''])) {
            self.push(title, Role::Title);
        }
        end + 1
    }

    /// Read the line at `i` (and, for a code fence or comment, the lines it spans); the index
    /// of the next line to read.
    fn line(&mut self, lines: &[&str], i: usize) -> usize {
        let (quoted, line) = strip_quote(lines[i]);
        if quoted != self.quoted {
            self.flush();
            self.quoted = quoted;
        }
        if is_blank_line(line) {
            self.flush();
            return i + 1;
        }
        if let Some(fence) = fence_open(line) {
            self.flush();
            return self.code_block(lines, i + 1, fence);
        }
        if line.trim_start().starts_with("<!--") && !line.contains("-->") {
            self.flush();
            return (i + 1..lines.len())
                .find(|&j| lines[j].contains("-->"))
                .map_or(lines.len(), |j| j + 1);
        }
        if let Some((level, text)) = atx_heading(line) {
            self.flush();
            self.push(text, Role::Heading(level));
        } else if let Some(level) = self.setext_level(line) {
            let text = self.lines.join(" ");
            self.lines.clear();
            self.push(&text, Role::Heading(level));
        } else if is_thematic_break(line) || is_reference_definition(line) {
            self.flush();
        } else if let Some(item) = list_item(line) {
            self.flush();
            self.lines.push(item);
        } else {
            self.lines.push(line.trim().to_string());
        }
        i + 1
    }

    /// The level of a setext underline under the paragraph being read, if the line is one.
    fn setext_level(&self, line: &str) -> Option<u8> {
        let open = self.lines.first().is_some_and(|l| !is_list_item(l));
        let t = line.trim();
        match t.chars().next() {
            Some('=') if open && t.chars().all(|c| c == '=') => Some(1),
            Some('-') if open && t.chars().all(|c| c == '-') => Some(2),
            _ => None,
        }
    }

    /// Read a fenced code block starting at line `start`; the index after its closing fence.
    fn code_block(&mut self, lines: &[&str], start: usize, fence: (char, usize)) -> usize {
        let mut code: Vec<&str> = Vec::new();
        let mut i = start;
        while i < lines.len() {
            let (_, line) = strip_quote(lines[i]);
            i += 1;
            if is_fence_close(line, fence) {
                break;
            }
            if !is_blank_line(line) {
                code.push(line.trim());
            }
        }
        let text = code.join(" ");
        if !text.is_empty() {
            let mut block = Block::body(text);
            block.list_item = false;
            block.emphasis =
                vec![Emphasis { range: 0..block.text.len(), kind: EmphasisKind::Code }];
            block.code = true;
            self.blocks.push(block);
        }
        i
    }

    /// Finish the paragraph being read.
    fn flush(&mut self) {
        if !self.lines.is_empty() {
            let text = self.lines.join(" ");
            self.lines.clear();
            self.push(&text, Role::Body);
        }
    }

    /// Render `source`'s inline markup and add it as a paragraph, unless nothing is left.
    fn push(&mut self, source: &str, role: Role) {
        let (text, emphasis) = render_inline(source);
        if !text.is_empty() {
            let mut block = Block::body(text);
            block.role = role;
            block.emphasis = emphasis;
            self.blocks.push(block);
        }
    }
}

/// Whether a line can belong to YAML front matter: blank, a comment, a list entry, or a
/// `key:` line.
fn is_yaml_line(line: &str) -> bool {
    let t = line.trim();
    let key = t.split_once(':').is_some_and(|(k, _)| {
        !k.is_empty() && k.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-'))
    });
    t.is_empty()
        || t.starts_with('#')
        || t.starts_with("- ")
        || key
        || line.starts_with([' ', '\t'])
}

/// Whether the line is in a block quote, and the line without its `>` markers.
fn strip_quote(line: &str) -> (bool, &str) {
    let mut rest = line;
    let mut quoted = false;
    while let Some(after) = rest.trim_start().strip_prefix('>') {
        quoted = true;
        rest = after.strip_prefix(' ').unwrap_or(after);
    }
    (quoted, rest)
}

/// The fence character and length when the line opens a fenced code block.
fn fence_open(line: &str) -> Option<(char, usize)> {
    let t = line.trim_start();
    let ch = t.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let len = t.chars().take_while(|&c| c == ch).count();
    let info = &t[len..];
    (len >= 3 && !(ch == '`' && info.contains('`'))).then_some((ch, len))
}

/// Whether the line closes a code block opened by `fence`.
fn is_fence_close(line: &str, (ch, len): (char, usize)) -> bool {
    let t = line.trim();
    t.chars().take_while(|&c| c == ch).count() >= len && t.chars().all(|c| c == ch)
}

/// The level and text of an ATX heading line.
fn atx_heading(line: &str) -> Option<(u8, &str)> {
    let t = line.trim_start();
    let hashes = t.chars().take_while(|&c| c == '#').count();
    let rest = &t[hashes..];
    if !(1..=6).contains(&hashes) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let rest = rest.trim();
    let without_closing = rest.trim_end_matches('#');
    let text = if without_closing.is_empty() || without_closing.ends_with([' ', '\t']) {
        without_closing.trim_end()
    } else {
        rest
    };
    u8::try_from(hashes).ok().map(|level| (level, text))
}

/// Whether the line is a thematic break (`***`, `- - -`, `___`).
fn is_thematic_break(line: &str) -> bool {
    let mut marks = line.chars().filter(|c| !c.is_whitespace());
    let Some(first @ ('-' | '*' | '_')) = marks.next() else { return false };
    let mut count = 1;
    for mark in marks {
        if mark != first {
            return false;
        }
        count += 1;
    }
    count >= 3
}

/// Whether the line defines a link reference (`[id]: https://…`).
fn is_reference_definition(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with('[') && t.find("]:").is_some_and(|i| i > 1 && !t[i + 2..].trim().is_empty())
}

/// The paragraph text a list item line starts: «• » for bullets, the number kept.
fn list_item(line: &str) -> Option<String> {
    let t = line.trim_start();
    if let Some(rest) = t.strip_prefix(['-', '*', '+']) {
        return rest.starts_with([' ', '\t']).then(|| format!("• {}", rest.trim()));
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let rest = t[digits..].strip_prefix(['.', ')'])?;
    ((1..=9).contains(&digits) && rest.starts_with([' ', '\t']))
        .then(|| format!("{} {}", &t[..=digits], rest.trim()))
}

/// One piece of inline text before emphasis is resolved.
#[derive(Debug)]
enum Token {
    /// Literal text.
    Text(String),
    /// The contents of a code span.
    Code(String),
    /// A run of `*` or `_`.
    Delim(Delimiter),
}

/// A run of emphasis characters.
#[derive(Debug)]
struct Delimiter {
    /// `*` or `_`.
    ch: char,
    /// How many.
    count: usize,
    /// Whether it can open emphasis.
    open: bool,
    /// Whether it can close emphasis.
    close: bool,
}

/// The text of a paragraph with its inline markup removed, white space tidied, and the
/// emphasised ranges of the result.
fn render_inline(source: &str) -> (String, Vec<Emphasis>) {
    let mut tokens = Vec::new();
    tokenize(source, &mut tokens);
    let (remaining, pairs) = match_delimiters(&tokens);
    let (raw, mut emphasis) = emit(&tokens, &remaining, &pairs);
    let text = if is_tidy(&raw) {
        raw
    } else {
        let (text, map) = tidy_spaces(&raw);
        for e in &mut emphasis {
            e.range = map[e.range.start]..map[e.range.end];
        }
        text
    };
    emphasis.retain(|e| e.range.start < e.range.end);
    emphasis.sort_by_key(|e| (e.range.start, std::cmp::Reverse(e.range.end)));
    (text, emphasis)
}

/// The character at byte `i` of `s`, if any.
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|rest| rest.chars().next())
}

/// Cut `s` into tokens, appending to `out`.
fn tokenize(s: &str, out: &mut Vec<Token>) {
    let mut text = String::new();
    let mut code_runs: Option<BacktickRuns> = None;
    let mut i = 0;
    while let Some(c) = char_at(s, i) {
        let next = char_at(s, i + c.len_utf8());
        match c {
            '\\' if next.is_some_and(|n| n.is_ascii_punctuation()) => {
                text.push(next.unwrap_or('\\'));
                i += 2;
            }
            '`' => {
                let run = s[i..].chars().take_while(|&c| c == '`').count();
                let runs = code_runs.get_or_insert_with(|| BacktickRuns::new(s));
                match find_code_end(s, i + run, run, runs) {
                    Some((content, end)) => {
                        flush_text(&mut text, out);
                        out.push(Token::Code(content.to_string()));
                        i = end;
                    }
                    None => {
                        text.push_str(&s[i..i + run]);
                        i += run;
                    }
                }
            }
            '!' if next == Some('[') => match parse_link(s, i + 1) {
                Some((_, end)) => i = end,
                None => {
                    text.push('!');
                    i += 1;
                }
            },
            '[' => match parse_link(s, i) {
                Some((inner, end)) => {
                    flush_text(&mut text, out);
                    tokenize(&s[inner], out);
                    i = end;
                }
                None => {
                    text.push('[');
                    i += 1;
                }
            },
            '<' => match parse_angle(s, i) {
                Some((keep, end)) => {
                    text.push_str(keep);
                    i = end;
                }
                None => {
                    text.push('<');
                    i += 1;
                }
            },
            '*' | '_' => {
                let count = s[i..].chars().take_while(|&d| d == c).count();
                let prev = s[..i].chars().next_back();
                let after = char_at(s, i + count);
                flush_text(&mut text, out);
                out.push(Token::Delim(delimiter(c, count, prev, after)));
                i += count;
            }
            _ => {
                // This character and the plain text after it, up to the next markup.
                let after = i + c.len_utf8();
                let end = s[after..].find(is_markup).map_or(s.len(), |offset| after + offset);
                text.push_str(&s[i..end]);
                i = end;
            }
        }
    }
    flush_text(&mut text, out);
}

/// Characters that may start inline markup; the text between them is copied as it is.
fn is_markup(c: char) -> bool {
    matches!(c, '\\' | '`' | '!' | '[' | '<' | '*' | '_')
}

/// Move pending literal text into a token.
fn flush_text(text: &mut String, out: &mut Vec<Token>) {
    if !text.is_empty() {
        out.push(Token::Text(std::mem::take(text)));
    }
}

/// A delimiter run with its flanking worked out from the characters around it.
fn delimiter(ch: char, count: usize, prev: Option<char>, next: Option<char>) -> Delimiter {
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let punct = |c: Option<char>| c.is_some_and(|c| !is_alphanumeric(c) && !c.is_whitespace());
    let left = !space(next) && (!punct(next) || space(prev) || punct(prev));
    let right = !space(prev) && (!punct(prev) || space(next) || punct(next));
    let (open, close) = if ch == '*' {
        (left, right)
    } else {
        (left && (!right || punct(prev)), right && (!left || punct(next)))
    };
    Delimiter { ch, count, open, close }
}

/// The contents of a code span whose opening run of `run` backticks ends at `from`, and the
/// byte after its closing run: the next run of exactly as many backticks.
fn find_code_end<'a>(
    s: &'a str,
    from: usize,
    run: usize,
    runs: &BacktickRuns,
) -> Option<(&'a str, usize)> {
    let start = runs.next(run, from)?;
    let content = &s[from..start];
    let trimmed = match content.strip_prefix(' ').and_then(|c| c.strip_suffix(' ')) {
        Some(inner) if !inner.trim().is_empty() => inner,
        _ => content,
    };
    Some((trimmed, start + run))
}

/// The runs of backticks of a text, indexed by length, so that finding the end of each code
/// span does not read the rest of the text again.
struct BacktickRuns {
    /// The length and start byte of every maximal run, in order.
    runs: Vec<(usize, usize)>,
}

impl BacktickRuns {
    /// The runs of `s`.
    fn new(s: &str) -> BacktickRuns {
        let mut runs = Vec::new();
        let mut i = 0;
        while let Some(offset) = s[i..].find('`') {
            let start = i + offset;
            let len = s[start..].bytes().take_while(|&b| b == b'`').count();
            runs.push((len, start));
            i = start + len;
        }
        runs.sort_unstable();
        BacktickRuns { runs }
    }

    /// The start of the first run of exactly `len` backticks that starts at or after `from`.
    fn next(&self, len: usize, from: usize) -> Option<usize> {
        let i = self.runs.partition_point(|&run| run < (len, from));
        self.runs.get(i).filter(|run| run.0 == len).map(|run| run.1)
    }
}

/// A link or image starting at the `[` at byte `open`: the range of its text and the byte
/// after the whole link (`[text](url)` or `[text][ref]`).
fn parse_link(s: &str, open: usize) -> Option<(Range<usize>, usize)> {
    let close = find_matching(s, open, '[', ']')?;
    let after = close + 1;
    match char_at(s, after) {
        Some('(') => find_matching(s, after, '(', ')').map(|end| (open + 1..close, end + 1)),
        Some('[') => window(&s[after..]).find(']').map(|end| (open + 1..close, after + end + 1)),
        _ => None,
    }
}

/// The first [`MAX_INLINE_SPAN`] bytes of `s` (fewer, to end on a character boundary).
fn window(s: &str) -> &str {
    let mut end = s.len().min(MAX_INLINE_SPAN);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The byte of the bracket that closes the one at `open`, skipping escaped characters.
fn find_matching(s: &str, open: usize, left: char, right: char) -> Option<usize> {
    let window = window(&s[open..]);
    // A quick search first: a line full of unclosed brackets has no closing one in reach.
    if !window.contains(right) {
        return None;
    }
    let mut depth = 0usize;
    let mut escaped = false;
    for (i, c) in window.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == left {
            depth += 1;
        } else if c == right {
            depth -= 1;
            if depth == 0 {
                return Some(open + i);
            }
        }
    }
    None
}

/// An autolink, HTML tag or comment starting at the `<` at byte `i`: what it leaves in the
/// text and the byte after it.
fn parse_angle(s: &str, i: usize) -> Option<(&str, usize)> {
    let rest = &s[i + 1..];
    if let Some(comment) = rest.strip_prefix("!--") {
        return window(comment).find("-->").map(|end| ("", i + 4 + end + 3));
    }
    let end = window(rest).find('>')?;
    let inner = &rest[..end];
    if inner.is_empty() || inner.contains('<') {
        return None;
    }
    let after = i + 1 + end + 1;
    let is_link = ["http://", "https://", "mailto:"].iter().any(|p| inner.starts_with(p))
        || (inner.contains('@') && !inner.contains(char::is_whitespace));
    if is_link {
        return Some((inner.strip_prefix("mailto:").unwrap_or(inner), after));
    }
    let first = inner.chars().next()?;
    if !(first.is_ascii_alphabetic() || matches!(first, '/' | '!' | '?')) {
        return None;
    }
    let name: String =
        inner.trim_start_matches('/').chars().take_while(char::is_ascii_alphanumeric).collect();
    Some((if name.eq_ignore_ascii_case("br") { " " } else { "" }, after))
}

/// Pair emphasis openers with closers (per character, innermost first); the characters of
/// each run left over as literal text, and the pairs found (opener, closer, kind).
fn match_delimiters(tokens: &[Token]) -> (Vec<usize>, Vec<(usize, usize, EmphasisKind)>) {
    let mut remaining: Vec<usize> =
        tokens.iter().map(|t| if let Token::Delim(d) = t { d.count } else { 0 }).collect();
    let mut pairs = Vec::new();
    let mut stacks: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
    for (j, token) in tokens.iter().enumerate() {
        let Token::Delim(d) = token else { continue };
        let which = usize::from(d.ch == '_');
        while d.close && remaining[j] > 0 {
            let Some(&i) = stacks[which].last() else { break };
            let used = if remaining[i] >= 2 && remaining[j] >= 2 { 2 } else { 1 };
            remaining[i] -= used;
            remaining[j] -= used;
            let kind = if used == 2 { EmphasisKind::Bold } else { EmphasisKind::Italic };
            pairs.push((i, j, kind));
            if remaining[i] == 0 {
                stacks[which].pop();
            }
            let other = &mut stacks[1 - which];
            while other.last().is_some_and(|&k| k > i) {
                other.pop();
            }
        }
        if d.open && remaining[j] > 0 {
            stacks[which].push(j);
        }
    }
    (remaining, pairs)
}

/// The text of the tokens, unmatched delimiter characters kept, and the emphasis ranges.
fn emit(
    tokens: &[Token],
    remaining: &[usize],
    pairs: &[(usize, usize, EmphasisKind)],
) -> (String, Vec<Emphasis>) {
    let mut text = String::new();
    let mut emphasis = Vec::new();
    let mut opens_at = vec![0; tokens.len()];
    let mut closes_at = vec![0; tokens.len()];
    for (k, token) in tokens.iter().enumerate() {
        match token {
            Token::Text(t) => text.push_str(t),
            Token::Code(code) => {
                let start = text.len();
                text.push_str(code);
                emphasis.push(Emphasis { range: start..text.len(), kind: EmphasisKind::Code });
            }
            Token::Delim(d) => {
                closes_at[k] = text.len();
                text.extend(std::iter::repeat_n(d.ch, remaining[k]));
                opens_at[k] = text.len();
            }
        }
    }
    for &(i, j, kind) in pairs {
        emphasis.push(Emphasis { range: opens_at[i]..closes_at[j], kind });
    }
    (text, emphasis)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inline(source: &str) -> (String, Vec<(String, EmphasisKind)>) {
        let (text, emphasis) = render_inline(source);
        let spans = emphasis.iter().map(|e| (text[e.range.clone()].to_string(), e.kind)).collect();
        (text, spans)
    }

    fn roles(text: &str) -> Vec<(Role, String)> {
        blocks(text).into_iter().map(|b| (b.role, b.text)).collect()
    }

    #[test]
    fn emphasis_markers_become_ranges() {
        let (text, spans) = inline("نص *مائل* و**عريض** و`رمز` _تحته_ __أيضاً__");
        assert_eq!(text, "نص مائل وعريض ورمز تحته أيضاً");
        assert_eq!(
            spans,
            [
                ("مائل".to_string(), EmphasisKind::Italic),
                ("عريض".to_string(), EmphasisKind::Bold),
                ("رمز".to_string(), EmphasisKind::Code),
                ("تحته".to_string(), EmphasisKind::Italic),
                ("أيضاً".to_string(), EmphasisKind::Bold),
            ]
        );
    }

    #[test]
    fn nested_and_unmatched_emphasis() {
        let (text, spans) = inline("***both*** and *open and 2 * 3 and snake_case_name");
        assert_eq!(text, "both and *open and 2 * 3 and snake_case_name");
        assert_eq!(spans.len(), 2);
        assert!(spans.iter().all(|(s, _)| s == "both"));
    }

    #[test]
    fn links_images_and_html() {
        let (text, spans) = inline(
            "اقرأ [تقرير **اعتدال**](https://example.com/a_(b)) ![صورة](x.png) <b>هنا</b><br>و<https://x.org> [مرجع][1] [ليس رابطاً]",
        );
        assert_eq!(text, "اقرأ تقرير اعتدال هنا وhttps://x.org مرجع [ليس رابطاً]");
        assert_eq!(spans, [("اعتدال".to_string(), EmphasisKind::Bold)]);
        assert_eq!(inline(r"\*not\* a <3 heart").0, "*not* a <3 heart");
    }

    #[test]
    fn headings_lists_quotes() {
        let text = "# العنوان\n\nفقرة أولى\nتكمل هنا.\n\n## قسم ##\n\n- بند أول\n- بند\n  ثان\n\n1. مرقم\n\n> اقتباس\n> يستمر\n\nعنوان آخر\n---\n\n***\n\n[1]: https://x.org";
        assert_eq!(
            roles(text),
            [
                (Role::Heading(1), "العنوان".to_string()),
                (Role::Body, "فقرة أولى تكمل هنا.".to_string()),
                (Role::Heading(2), "قسم".to_string()),
                (Role::Body, "• بند أول".to_string()),
                (Role::Body, "• بند ثان".to_string()),
                (Role::Body, "1. مرقم".to_string()),
                (Role::Body, "اقتباس يستمر".to_string()),
                (Role::Heading(2), "عنوان آخر".to_string()),
            ]
        );
    }

    #[test]
    fn code_blocks_and_front_matter() {
        let text = "---\ntitle: \"عنوان المقال\"\ndate: 2024\n---\n\n```rust\nlet x = *y*;\n\n  x + 1\n```\n\n<!-- note\nhidden -->\nبعد";
        let found = blocks(text);
        assert_eq!(found[0].role, Role::Title);
        assert_eq!(found[0].text, "عنوان المقال");
        assert_eq!(found[1].text, "let x = *y*; x + 1");
        assert!(found[1].code);
        assert_eq!(
            found[1].emphasis,
            [Emphasis { range: 0..found[1].text.len(), kind: EmphasisKind::Code }]
        );
        assert_eq!(found[2].text, "بعد");
        assert_eq!(found.len(), 3);
    }

    #[test]
    fn unclosed_constructs_do_not_panic() {
        for source in [
            "[", "[a](", "![", "<", "<a", "`", "``a`", "*", "_", "**a", "\\", "a\\", "<!--",
            "[a][", "é*ç_",
        ] {
            let (text, emphasis) = render_inline(source);
            for e in emphasis {
                assert!(text.is_char_boundary(e.range.start) && text.is_char_boundary(e.range.end));
            }
        }
        assert!(blocks("```\nnever closed").len() == 1);
        assert_eq!(inline("`a`` b ``c` ```").0, "a`` b ``c ```");
        assert_eq!(inline("\\``x` y``").0, "`x y``");
        let not_yaml = roles("---\nشيء ما هنا\n---\nنص");
        assert_eq!(
            not_yaml,
            [(Role::Heading(2), "شيء ما هنا".to_string()), (Role::Body, "نص".to_string())]
        );
        assert!(blocks("").is_empty());
    }
}
