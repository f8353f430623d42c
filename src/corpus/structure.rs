//! Plain text and Markdown to a [`Document`]: paragraphs, title, byline, headings,
//! sentences and page furniture.
//!
//! The text is sanitised first (see `sanitise`). Plain text is then read by shape:
//!
//! - Lines between blank lines form a block, and each line of a block is a paragraph unless
//!   the block is hard-wrapped: then a line continues the one before when all lines are at
//!   most 100 characters, the one before is at least 30 long and full (the next line's first
//!   word would not have fitted on it) and does not end a sentence, and the line is not
//!   indented further, a list item, a byline or furniture. When some lines are indented
//!   further than others, the indents mark the paragraphs and sentence ends do not.
//! - The top zone is the short lines (at most 20 words, not ending with `.` `:` `،` `,` `;`
//!   `؛`) before the first longer paragraph. The longest of them is the title, and the short
//!   label lines above it are site navigation. A byline is a name line, 2–4 words without
//!   punctuation, with an optional place in brackets («دينا محمود (لندن)») or introduced by
//!   بقلم, كتب, By or Par; a bare name counts only directly after the title, a marked one also
//!   as the first line. Without a title line the title is derived from the first words of the
//!   first body sentence.
//! - Headings are short lines (at most 12 words) that do not end with punctuation, are not
//!   list items, come before the last paragraph of the article, and do not come three or more
//!   in a row (a column of short lines is a list, not headings).
//! - A paragraph cut in two mid-sentence (the first part long and ending with a letter, the
//!   second continuing without a capital, both body text) is joined again, when most long
//!   paragraphs of the article end with punctuation.
//! - A paragraph of at least 20 characters that repeats an earlier one is dropped.
//!
//! Markdown is read by its syntax (see `markdown`): a first-level heading at the top is the
//! title (without one, the top zone is read as above), headings come only from `#` and
//! underlines, and paragraphs are never joined by the repair rule. The furniture, repeat and
//! sentence rules are the same for both.

use std::cell::OnceCell;
use std::collections::HashSet;

use super::block::Block;
use super::lines::{
    CLOSING_PUNCTUATION, MAX_WRAPPED_LINE, at_most_words, is_list_item, last_significant,
    looks_like_heading, tidy, word_count,
};
use super::sanitise::{is_blank_line, sanitise};
use super::{Boilerplate, Document, Emphasis, Form, Paragraph, Role, boilerplate, markdown};
use crate::text::sentences::is_alphabetic;
use crate::text::{dominant_direction, split_sentences};

/// The shortest line but the last of a hard-wrapped paragraph, in characters.
const MIN_WRAPPED_LINE: usize = 30;
/// How many characters short of the wrap width a full line may end (trailing spaces, a
/// wrapper counting differently).
const WRAP_SLACK: usize = 3;
/// The most words a title (or any line of the top zone) has.
const MAX_TITLE_WORDS: usize = 20;
/// The most lines the top zone holds.
const MAX_TOP_ZONE: usize = 6;
/// The most words a navigation label above the title has.
const MAX_NAVIGATION_WORDS: usize = 4;
/// The fewest words the first part of a paragraph cut in two has.
const MIN_CUT_WORDS: usize = 8;
/// The fewest characters a paragraph needs to be dropped as a repeat.
const MIN_REPEAT_CHARS: usize = 20;
/// How many words a derived title takes from the first sentence.
const DERIVED_TITLE_WORDS: usize = 8;

/// Sentence ends, for the hard-wrap test.
const SENTENCE_END: &[char] = &['.', '!', '?', '؟', '…', ':'];
/// The longest paragraph kept whole: a longer one (a file without blank lines, or no text at
/// all) is cut at sentence ends, else between words, into paragraphs of at most this, so
/// that laying one out for the screen stays within a few megabytes.
pub const MAX_PARAGRAPH_BYTES: usize = 64 * 1024;

/// How sure a byline is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BylineShape {
    /// A bare name: a byline only directly after the title.
    Bare,
    /// A name with a place in brackets or introduced by بقلم/By: a byline anywhere at the top.
    Marked,
}

/// Parse one article's text into its structure.
pub fn parse_document(path: &str, text: &str, markdown: bool) -> Document {
    let mut paragraphs: Vec<Paragraph> =
        structured_blocks(text, markdown).into_iter().map(finish).collect();
    // Collected in the blocks' place, which has room for more (and larger) blocks.
    paragraphs.shrink_to_fit();
    let title_line = paragraphs.iter().find(|p| p.role == Role::Title).map(|p| p.text.clone());
    let title_is_derived = title_line.is_none();
    let title = title_line.unwrap_or_else(|| derived_title(&paragraphs, path));
    Document {
        path: path.to_string(),
        title,
        title_is_derived,
        direction: dominant_direction(paragraphs.iter().map(|p| p.text.as_str())),
        paragraphs,
    }
}

/// The paragraphs [`parse_document`] finds in an article, in order, each with the form it is
/// set in: all that `basira cat` prints, without the rest of the structure (sentences,
/// title). The document's direction is [`dominant_direction`] of these texts.
pub fn paragraph_texts(text: &str, markdown: bool) -> Vec<(String, Form)> {
    structured_blocks(text, markdown).into_iter().map(|block| (block.text, block.form)).collect()
}

/// The paragraphs of an article with their roles and furniture, repaired, repeats dropped,
/// oversized ones cut: everything [`parse_document`] finds but the sentences and the title.
fn structured_blocks(text: &str, markdown: bool) -> Vec<Block> {
    let clean = sanitise(text);
    let mut blocks = if markdown { markdown::blocks(&clean) } else { plain_blocks(&clean) };
    flag_boilerplate(&mut blocks);
    find_pointed_headlines(&mut blocks);
    if markdown {
        find_markdown_top(&mut blocks);
    } else {
        find_top_zone(&mut blocks);
        find_related_headlines(&mut blocks);
        find_trailing_teasers(&mut blocks);
        find_headings(&mut blocks);
        blocks = join_cut_paragraphs(blocks);
    }
    drop_repeats(&mut blocks);
    blocks.into_iter().flat_map(cut_oversized).collect()
}

/// The paragraphs of plain text: blocks between blank lines, their hard-wrapped lines joined.
fn plain_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    for line in text.split('\n').chain(std::iter::once("")) {
        if is_blank_line(line) {
            for piece in unwrap_block(&lines) {
                blocks.push(Block::body(tidy(piece)));
            }
            lines.clear();
        } else {
            lines.push(line);
        }
    }
    blocks
}

/// One line of a block.
struct Line<'a> {
    /// The line trimmed.
    text: &'a str,
    /// How many white-space characters it starts with.
    indent: usize,
    /// Its length in characters, trimmed.
    len: usize,
    /// Whether it is furniture, once asked (each line is asked about as the line before a
    /// break and as the line after it).
    furniture: OnceCell<bool>,
}

impl Line<'_> {
    /// How far the line reaches, in characters, counting its indent.
    fn reach(&self) -> usize {
        self.indent + self.len
    }

    /// Whether the line on its own is page furniture.
    fn is_furniture(&self) -> bool {
        *self.furniture.get_or_init(|| boilerplate::classify_line(self.text).is_some())
    }
}

/// What the lines of a block have in common, for deciding where a wrapped paragraph ends.
struct Margins {
    /// How far the longest line of at most 100 characters reaches: the width the block is
    /// wrapped at, or nearly.
    width: usize,
    /// The smallest indentation; a line indented more starts a paragraph.
    min_indent: usize,
    /// Whether some line is indented more than others (paragraphs are marked by indents).
    indents_mark_paragraphs: bool,
}

/// The paragraphs of one block of lines: each line, or several joined when they are one
/// paragraph wrapped at a fixed width.
fn unwrap_block(raw: &[&str]) -> Vec<String> {
    let lines: Vec<Line> = raw
        .iter()
        .map(|l| {
            let text = l.trim();
            let indent = l.chars().take_while(|c| c.is_whitespace()).count();
            Line { text, indent, len: text.chars().count(), furniture: OnceCell::new() }
        })
        .collect();
    let min_indent = lines.iter().map(|l| l.indent).min().unwrap_or(0);
    let margins = Margins {
        width: lines
            .iter()
            .filter(|l| l.len <= MAX_WRAPPED_LINE)
            .map(Line::reach)
            .max()
            .unwrap_or(0),
        min_indent,
        indents_mark_paragraphs: lines.iter().any(|l| l.indent > min_indent),
    };
    let mut paragraphs: Vec<String> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let is_last = i + 1 == lines.len();
        match paragraphs.last_mut() {
            Some(open) if i > 0 && wraps_onto(&lines[i - 1], line, is_last, &margins) => {
                open.push(' ');
                open.push_str(line.text);
            }
            _ => paragraphs.push(line.text.to_string()),
        }
    }
    paragraphs
}

/// Whether `next` continues the paragraph of `prev`, wrapped at a fixed width: both lines
/// at most 100 characters; `prev` is long and full (the first word of `next` would not have
/// fitted on it, give or take a few characters of trailing space) and, unless indents mark
/// the paragraphs, does not end a sentence; `next` is not indented and is not a list item, a
/// marked byline or a closing name line; neither is furniture.
fn wraps_onto(prev: &Line, next: &Line, is_last: bool, margins: &Margins) -> bool {
    let next_word = next.text.split_whitespace().next().map_or(0, |w| w.chars().count());
    let ends_sentence = last_significant(prev.text).is_some_and(|c| SENTENCE_END.contains(&c));
    prev.len <= MAX_WRAPPED_LINE
        && next.len <= MAX_WRAPPED_LINE
        && prev.len >= MIN_WRAPPED_LINE
        && prev.reach() + 1 + next_word + WRAP_SLACK > margins.width
        && (margins.indents_mark_paragraphs || !ends_sentence)
        && next.indent <= margins.min_indent
        && !is_list_item(next.text)
        && byline_shape(next.text) != Some(BylineShape::Marked)
        && !(is_last && byline_shape(next.text).is_some())
        && !next.is_furniture()
        && !prev.is_furniture()
}

/// Flag furniture on every paragraph but code blocks.
fn flag_boilerplate(blocks: &mut [Block]) {
    let texts: Vec<&str> =
        blocks.iter().map(|b| if b.verbatim { "" } else { b.text.as_str() }).collect();
    let flags = boilerplate::classify(&texts);
    for (block, flag) in blocks.iter_mut().zip(flags) {
        if let Some(flag) = flag.filter(|_| !block.verbatim) {
            block.boilerplate = Some(flag.kind);
            block.section = flag.section;
        }
    }
}

/// Find the title, byline and navigation labels among the short lines at the top.
fn find_top_zone(blocks: &mut [Block]) {
    let zone = top_zone(blocks);
    let Some(&first) = zone.first() else { return };
    let mut candidates = zone.as_slice();
    let mut has_byline = false;
    if byline_shape(&blocks[first].text) == Some(BylineShape::Marked) {
        blocks[first].role = Role::Byline;
        candidates = &zone[1..];
        has_byline = true;
    }
    let Some(title) = pick_title(blocks, candidates) else { return };
    blocks[title].role = Role::Title;
    for &above in candidates.iter().take_while(|&&i| i < title) {
        blocks[above].boilerplate = Some(Boilerplate::Navigation);
    }
    let next = title + 1;
    if !has_byline && zone.contains(&next) && byline_shape(&blocks[next].text).is_some() {
        blocks[next].role = Role::Byline;
    }
}

/// The indices of the top zone: the short lines before the first longer paragraph, skipping
/// furniture.
fn top_zone(blocks: &[Block]) -> Vec<usize> {
    let mut zone = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        if block.boilerplate.is_some() {
            continue;
        }
        if zone.len() == MAX_TOP_ZONE || !is_top_line(block) {
            break;
        }
        zone.push(i);
    }
    zone
}

/// The title among the top-zone lines: the longest in words (the first of equals), when the
/// lines above it are all short labels; otherwise the first line.
fn pick_title(blocks: &[Block], candidates: &[usize]) -> Option<usize> {
    let words = |i: usize| word_count(&blocks[i].text, MAX_TITLE_WORDS + 1);
    let longest = candidates.iter().copied().rev().max_by_key(|&i| words(i))?;
    let labels_above = candidates
        .iter()
        .take_while(|&&i| i < longest)
        .all(|&i| words(i) <= MAX_NAVIGATION_WORDS && words(i) < words(longest));
    Some(if labels_above { longest } else { candidates[0] })
}

/// Whether a paragraph may be part of the top zone.
fn is_top_line(block: &Block) -> bool {
    let words = word_count(&block.text, MAX_TITLE_WORDS + 1);
    block.role == Role::Body
        && !block.list_item
        && !block.verbatim
        && (1..=MAX_TITLE_WORDS).contains(&words)
        && block.text.chars().any(is_alphabetic)
        && !last_significant(&block.text).is_some_and(|c| ".:،,;؛".contains(c))
}

/// The fewest lines of a run of related-story headlines.
const MIN_RELATED_RUN: usize = 2;
/// The most words a related-story headline has.
const MAX_RELATED_WORDS: usize = 16;
/// A run of related-story headlines has one of at least this many words: a pair of short
/// labels is a heading and its subheading.
const LONG_HEADLINE_WORDS: usize = 5;
/// The fewest words of the paragraph a run of related-story headlines follows.
const MIN_WORDS_BEFORE_RELATED: usize = 15;

/// Mark the headlines of related stories that news sites set between paragraphs: two or more
/// short lines in a row, unpunctuated or asking a question, at least one of five words or
/// more, after a paragraph of running text that does not announce a list with a colon.
fn find_related_headlines(blocks: &mut [Block]) {
    let shaped: Vec<bool> = blocks.iter().map(is_headline_shaped).collect();
    let mut i = 0;
    while i < blocks.len() {
        let start = i;
        while i < blocks.len() && shaped[i] {
            i += 1;
        }
        let run = start..i;
        // Lines that all carry a dash between their parts («الفيلم – المخرج – البلد»), or three
        // or more that all open with a label and a colon («أفضل ممثل: …»), are a list, not
        // headlines.
        let labelled =
            |text: &str| text.find(':').is_some_and(|at| word_count(&text[..at], 5) <= 4);
        let dashed = |text: &str| text.contains(" – ") || text.contains(" - ");
        let listed = run.clone().all(|j| dashed(&blocks[j].text))
            || (run.len() >= 3 && run.clone().all(|j| labelled(&blocks[j].text)));
        let long = || {
            !listed
                && run.clone().any(|j| {
                    word_count(&blocks[j].text, LONG_HEADLINE_WORDS) >= LONG_HEADLINE_WORDS
                })
        };
        // Asked last: the paragraph before is read only for a run that could be headlines
        // (most runs are empty).
        let after_text = || {
            let before = start.checked_sub(1).map(|before| &blocks[before]);
            match before.and_then(text_before_related_headlines) {
                Some(TextBefore::Long) => true,
                // After a short sentence, only lines that all read as headlines: not a list of
                // dates, scores or figures («2 أكتوبر», «د 50: …», «السعة: 68,134»).
                Some(TextBefore::Sentence) => {
                    run.clone().all(|j| is_full_headline(&blocks[j].text))
                }
                None => false,
            }
        };
        if run.len() >= MIN_RELATED_RUN && long() && after_text() {
            for block in &mut blocks[run] {
                block.boilerplate = Some(Boilerplate::Related);
            }
        }
        i = i.max(start + 1);
    }
}

/// The running text a run of related-story headlines may follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TextBefore {
    /// A paragraph of some length.
    Long,
    /// A short paragraph that is a whole sentence: news sites set the headlines after any
    /// paragraph, the short ones too.
    Sentence,
}

/// What kind of running text a paragraph is for a run of related-story headlines after it:
/// a body paragraph that does not announce a list with a colon, long or a whole sentence.
fn text_before_related_headlines(block: &Block) -> Option<TextBefore> {
    let end = last_significant(&block.text);
    if block.role != Role::Body || block.boilerplate.is_some() || end == Some(':') {
        return None;
    }
    let words = word_count(&block.text, MIN_WORDS_BEFORE_RELATED);
    if words >= MIN_WORDS_BEFORE_RELATED {
        Some(TextBefore::Long)
    } else {
        let sentence = end.is_some_and(|c| SENTENCE_END.contains(&c));
        (sentence && !block.list_item && words >= MIN_SENTENCE_BEFORE_RELATED)
            .then_some(TextBefore::Sentence)
    }
}

/// Whether a short line reads as a whole news headline: five words or more, and no figure
/// at its start or in a label before a colon (a date, a minute of play, a statistic).
fn is_full_headline(text: &str) -> bool {
    let label = text.split_once(':').map_or("", |(label, _)| label);
    let figure_first = text.trim_start().starts_with(|c: char| c.is_numeric());
    word_count(text, FULL_HEADLINE_WORDS) >= FULL_HEADLINE_WORDS
        && !figure_first
        && !label.chars().any(char::is_numeric)
}

/// The fewest words of a whole sentence a run of related-story headlines follows.
const MIN_SENTENCE_BEFORE_RELATED: usize = 6;
/// The fewest words of a headline after a short sentence («فيتامين ب 1 (الثيامين)» is a
/// label of a list).
const FULL_HEADLINE_WORDS: usize = 5;
/// The most headlines a bare pointer to other stories («اقرأ أيضاً:») is followed by.
const MAX_POINTED_HEADLINES: usize = 5;

/// Mark the headlines a bare pointer to other stories points to: after «اقرأ أيضاً:» on a
/// line of its own, the headline-shaped lines (or, in Markdown, the list items of links)
/// that follow it, up to five. Past the first, a headline has five words or more: a shorter
/// line after them is the article's next heading («صفقة ملكية شركة ديزني»).
fn find_pointed_headlines(blocks: &mut [Block]) {
    let mut i = 0;
    while i < blocks.len() {
        let pointer = blocks[i].boilerplate == Some(Boilerplate::Related)
            && boilerplate::is_bare_pointer(&blocks[i].text);
        i += 1;
        if !pointer {
            continue;
        }
        let mut marked = 0;
        let long = |b: &Block| word_count(&b.text, LONG_HEADLINE_WORDS) >= LONG_HEADLINE_WORDS;
        while i < blocks.len()
            && marked < MAX_POINTED_HEADLINES
            && is_pointed_headline(&blocks[i])
            && (marked == 0 || long(&blocks[i]))
        {
            blocks[i].boilerplate = Some(Boilerplate::Related);
            marked += 1;
            i += 1;
        }
    }
}

/// Whether a paragraph after a bare pointer is a headline it points to: shaped like a
/// headline, or a short list item (a Markdown list of links).
fn is_pointed_headline(block: &Block) -> bool {
    let short_item = block.list_item
        && block.role == Role::Body
        && block.boilerplate.is_none()
        && at_most_words(&block.text, MAX_RELATED_WORDS + 1);
    short_item || is_headline_shaped(block)
}

/// How many of an article's last paragraphs are looked at for teasers of other stories.
const TEASER_WINDOW: usize = 6;
/// The fewest words of a teaser cut short.
const MIN_TEASER_WORDS: usize = 12;

/// Mark the teasers of other stories that some news sites print after the article: the
/// openings of other articles, cut short mid-sentence. When the last paragraph is a long one
/// cut short (no closing punctuation) and so is another of the last six, everything from the
/// first of them on is a rail of other stories.
fn find_trailing_teasers(blocks: &mut [Block]) {
    let cut_short = |b: &Block| {
        b.role == Role::Body
            && b.boilerplate.is_none()
            && !b.verbatim
            && !b.list_item
            && word_count(&b.text, MIN_TEASER_WORDS) >= MIN_TEASER_WORDS
            && !last_significant(&b.text).is_some_and(|c| CLOSING_PUNCTUATION.contains(&c))
    };
    let Some(last) = blocks.iter().rposition(|b| b.boilerplate.is_none()) else { return };
    if !cut_short(&blocks[last]) {
        return;
    }
    let window = last.saturating_sub(TEASER_WINDOW - 1)..last;
    let Some(first) = window.clone().find(|&i| cut_short(&blocks[i])) else { return };
    for block in &mut blocks[first..=last] {
        if block.boilerplate.is_none() && block.role == Role::Body {
            block.boilerplate = Some(Boilerplate::Related);
        }
    }
}

/// Whether a paragraph is shaped like a news headline: a short line of running text, not a
/// list item, that ends without punctuation or with a question mark.
fn is_headline_shaped(block: &Block) -> bool {
    let ends = last_significant(&block.text);
    block.role == Role::Body
        && block.boilerplate.is_none()
        && !block.verbatim
        && !block.list_item
        && block.text.chars().any(is_alphabetic)
        && (ends.is_some_and(|c| c == '?' || c == '؟')
            || !ends.is_some_and(|c| CLOSING_PUNCTUATION.contains(&c)))
        && at_most_words(&block.text, MAX_RELATED_WORDS)
}

/// Mark headings: furniture section titles shaped like headings, and short unpunctuated
/// lines in the body that come one or two in a row before the last paragraph.
fn find_headings(blocks: &mut [Block]) {
    let last_content = blocks.iter().rposition(|b| b.boilerplate.is_none()).unwrap_or(0);
    let shaped: Vec<bool> = blocks
        .iter()
        .map(|b| b.role == Role::Body && !b.verbatim && looks_like_heading(&b.text))
        .collect();
    let content = |i: usize| shaped[i] && blocks[i].boilerplate.is_none();
    let mut headings: Vec<usize> =
        (0..blocks.len()).filter(|&i| shaped[i] && blocks[i].section).collect();
    let mut i = 0;
    while i < blocks.len() {
        let start = i;
        while i < blocks.len() && content(i) {
            i += 1;
        }
        if i - start <= 2 {
            headings.extend((start..i).filter(|&j| j < last_content));
        }
        i = i.max(start + 1);
    }
    for i in headings {
        blocks[i].role = Role::Heading(2);
    }
}

/// Join paragraphs cut in two mid-sentence, when the article's long paragraphs mostly end
/// with punctuation (at most one in three, or just one, does not), so that an unpunctuated
/// end is a cut and not the article's style.
fn join_cut_paragraphs(blocks: Vec<Block>) -> Vec<Block> {
    if unpunctuated_style(&blocks) {
        return blocks;
    }
    let mut joined: Vec<Block> = Vec::with_capacity(blocks.len());
    for block in blocks {
        match joined.last_mut() {
            Some(prev) if continues(prev, &block) => {
                prev.text.push(' ');
                prev.text.push_str(&block.text);
            }
            _ => joined.push(block),
        }
    }
    joined
}

/// Whether more than one of the long paragraphs (those of [`has_cut_length`], furniture
/// aside), and more than one in three, end without punctuation: the article's style, not
/// cuts. The unpunctuated ones are found first, by their end; the others are then counted
/// only until there are enough of them to settle it.
fn unpunctuated_style(blocks: &[Block]) -> bool {
    let content = || blocks.iter().filter(|b| b.boilerplate.is_none());
    let unpunctuated_end =
        |b: &Block| !last_significant(&b.text).is_some_and(|c| CLOSING_PUNCTUATION.contains(&c));
    let unpunctuated = content().filter(|b| unpunctuated_end(b) && has_cut_length(&b.text)).count();
    if unpunctuated <= 1 {
        return false;
    }
    // More than a third of the long ones: fewer than three times as many long ones in all.
    let punctuated_needed = 2 * unpunctuated;
    let punctuated = content()
        .filter(|b| !unpunctuated_end(b) && has_cut_length(&b.text))
        .take(punctuated_needed)
        .count();
    punctuated < punctuated_needed
}

/// Whether `next` continues the sentence `prev` was cut in. The tests that read a single
/// character come before the word count.
fn continues(prev: &Block, next: &Block) -> bool {
    let body = |b: &Block| b.role == Role::Body && b.boilerplate.is_none() && !b.verbatim;
    body(prev)
        && body(next)
        && !next.list_item
        && prev.text.chars().last().is_some_and(is_alphabetic)
        && next.text.chars().next().is_some_and(|c| is_alphabetic(c) && !c.is_uppercase())
        && has_cut_length(&prev.text)
        && !looks_like_heading(&next.text)
}

/// Whether a paragraph is long enough to be the first part of one cut in two.
fn has_cut_length(text: &str) -> bool {
    word_count(text, MIN_CUT_WORDS) >= MIN_CUT_WORDS
}

/// Drop paragraphs of some length that repeat an earlier one (code blocks excepted).
fn drop_repeats(blocks: &mut Vec<Block>) {
    // The standard hasher, keyed at random: a file cannot be made of colliding paragraphs.
    let mut seen: HashSet<&str> = HashSet::new();
    let short = |text: &str| text.chars().nth(MIN_REPEAT_CHARS - 1).is_none();
    let keep: Vec<bool> =
        blocks.iter().map(|b| b.verbatim || short(&b.text) || seen.insert(&b.text)).collect();
    let mut keep = keep.into_iter();
    blocks.retain(|_| keep.next().unwrap_or(true));
}

/// Title and byline in Markdown: the front matter's title, or else a first-level heading at
/// the top (the first heading, when the article has no first-level one), is the title, and
/// a name line right after it the byline. Short label lines above that heading («أخبار
/// العراق», «إرهاب») are the site's navigation. Without such a title the top zone is read as
/// in plain text.
fn find_markdown_top(blocks: &mut [Block]) {
    let has_title = blocks.iter().any(|b| b.role == Role::Title);
    if !has_title && let Some((heading, labels)) = markdown_title(blocks) {
        blocks[heading].role = Role::Title;
        for label in labels {
            blocks[label].boilerplate = Some(Boilerplate::Navigation);
        }
    }
    let Some(title) = blocks.iter().position(|b| b.role == Role::Title) else {
        find_top_zone(blocks);
        return;
    };
    if let Some(next) = blocks.get_mut(title + 1) {
        let plain = next.role == Role::Body && next.boilerplate.is_none();
        if plain && !next.list_item && !next.verbatim && byline_shape(&next.text).is_some() {
            next.role = Role::Byline;
        }
    }
}

/// The heading that is a Markdown article's title, and the label lines above it: the first
/// heading that is not furniture, when it is a first-level one or the article has none, and
/// what comes before it (furniture aside) is at most a few short labels.
fn markdown_title(blocks: &[Block]) -> Option<(usize, Vec<usize>)> {
    let content = |i: &usize| blocks[*i].boilerplate.is_none();
    let heading =
        (0..blocks.len()).filter(content).find(|&i| matches!(blocks[i].role, Role::Heading(_)))?;
    let top_level = |b: &Block| b.role == Role::Heading(1) && b.boilerplate.is_none();
    if blocks[heading].role != Role::Heading(1) && blocks.iter().any(top_level) {
        return None;
    }
    let labels: Vec<usize> = (0..heading).filter(content).collect();
    let is_label = |b: &Block| {
        is_top_line(b) && word_count(&b.text, MAX_NAVIGATION_WORDS + 1) <= MAX_NAVIGATION_WORDS
    };
    (labels.len() < MAX_TOP_ZONE && labels.iter().all(|&i| is_label(&blocks[i])))
        .then_some((heading, labels))
}

/// `block`, or when its text is over [`MAX_PARAGRAPH_BYTES`] the pieces it is cut into
/// (each ends at a sentence end where one is near enough, else at a space, else at a
/// character), each with the role and the emphasis of its part.
fn cut_oversized(block: Block) -> Vec<Block> {
    if block.text.len() <= MAX_PARAGRAPH_BYTES {
        return vec![block];
    }
    let mut pieces = Vec::new();
    let mut start = 0;
    let text = &block.text;
    while start < text.len() {
        let end = if text.len() - start <= MAX_PARAGRAPH_BYTES {
            text.len()
        } else {
            let window_end = (start + 1..=start + MAX_PARAGRAPH_BYTES)
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(text.len());
            start + cut_point(&text[start..window_end])
        };
        let piece = text[start..end].trim();
        if !piece.is_empty() {
            let offset = start + (text[start..end].len() - text[start..end].trim_start().len());
            let emphasis = block
                .emphasis
                .iter()
                .filter(|e| e.range.start >= offset && e.range.end <= offset + piece.len())
                .map(|e| Emphasis {
                    range: e.range.start - offset..e.range.end - offset,
                    kind: e.kind,
                })
                .collect();
            // A title or heading that long is text: only its first piece keeps the role.
            let role = match block.role {
                Role::Title | Role::Heading(_) | Role::Byline if !pieces.is_empty() => Role::Body,
                role => role,
            };
            pieces.push(Block {
                text: piece.to_string(),
                role,
                boilerplate: block.boilerplate,
                emphasis,
                list_item: block.list_item && pieces.is_empty(),
                verbatim: block.verbatim,
                // A table that long is cut as text: its cells would not survive the cut.
                form: Form { table: None, ..block.form.clone() },
                section: block.section,
            });
        }
        start = end;
    }
    pieces
}

/// Where to end a piece of `window` (the next bytes of a long paragraph, as many as a piece
/// may hold): after the last sentence end in its second half, else after its last space,
/// else at its end.
fn cut_point(window: &str) -> usize {
    let half = window.len() / 2;
    let after = |(i, c): (usize, char)| i + c.len_utf8();
    let mut from_the_end = window.char_indices().rev();
    let sentence = from_the_end
        .by_ref()
        .take_while(|&(i, _)| i >= half)
        .find(|&(_, c)| SENTENCE_END.contains(&c))
        .map(after);
    let space = || window.char_indices().rev().find(|&(_, c)| c.is_whitespace()).map(after);
    sentence.or_else(space).filter(|&i| i > 0).unwrap_or(window.len())
}

/// The finished paragraph, with its sentences.
fn finish(block: Block) -> Paragraph {
    // Without the room a joined paragraph's text and the sentence list grew: a collection
    // keeps its paragraphs for as long as it is open.
    let mut text = block.text;
    text.shrink_to_fit();
    // A table's sentences are its rows.
    let mut sentences = match &block.form.table {
        Some(table) => (0..table.rows.len()).map(|row| table.row_range(row)).collect(),
        None => split_sentences(&text),
    };
    sentences.shrink_to_fit();
    Paragraph {
        sentences,
        text,
        role: block.role,
        boilerplate: block.boilerplate,
        emphasis: block.emphasis,
        form: block.form,
    }
}

/// A title made from the first words of the first body sentence («… تحذيراتهم من…»), or
/// from the file name when the article has no body text.
fn derived_title(paragraphs: &[Paragraph], path: &str) -> String {
    match title_sentence(paragraphs) {
        Some(sentence) => first_words(sentence),
        None => file_stem(path),
    }
}

/// The sentence an article without a title line takes its title from: the first sentence
/// of its first body paragraph that is not page furniture (else of its first paragraph that
/// is not).
pub(super) fn title_sentence(paragraphs: &[Paragraph]) -> Option<&str> {
    let content = |p: &&Paragraph| p.boilerplate.is_none();
    let first = paragraphs
        .iter()
        .filter(content)
        .find(|p| p.role == Role::Body)
        .or_else(|| paragraphs.iter().find(content))?;
    first.sentences.first().map(|r| first.text[r.clone()].trim())
}

/// The first words of a sentence, followed by «…» when there are more.
fn first_words(sentence: &str) -> String {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() <= DERIVED_TITLE_WORDS {
        return words.join(" ");
    }
    let head = words[..DERIVED_TITLE_WORDS].join(" ");
    format!("{}…", head.trim_end_matches(CLOSING_PUNCTUATION))
}

/// The file name without folders and extension (`builtin:` prefix removed).
fn file_stem(path: &str) -> String {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let name = name.strip_prefix("builtin:").unwrap_or(name);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    if stem.is_empty() { name.to_string() } else { stem.to_string() }
}

/// Whether a line is a byline, and how sure that is.
fn byline_shape(text: &str) -> Option<BylineShape> {
    let text = text.trim();
    // Verbs such as كتب ("wrote") also start ordinary lines: they need a full name after them.
    let intros = [("بقلم", 1), ("كتب", 2), ("كتبت", 2), ("written by", 1), ("by", 1), ("par", 1)];
    for (intro, min_words) in intros {
        if let Some(rest) = strip_word(text, intro) {
            let name = rest.trim_start_matches([':', '-', '–', '—', ' ', '\u{a0}']);
            return is_name(name, min_words..=5).then_some(BylineShape::Marked);
        }
    }
    if let Some((name, place)) = text.strip_suffix(')').and_then(|t| t.rsplit_once('(')) {
        let place_ok = is_name_words(place, 1..=3, false);
        return (place_ok && is_name(name, 2..=4)).then_some(BylineShape::Marked);
    }
    is_name(text, 2..=4).then_some(BylineShape::Bare)
}

/// The text after `word` when it starts with it (any case) followed by a space or colon.
fn strip_word<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let head = text.get(..word.len())?;
    let rest = &text[word.len()..];
    (head.eq_ignore_ascii_case(word) && rest.starts_with([' ', ':', '\u{a0}'])).then_some(rest)
}

/// Whether a text is a personal name: the given number of words, no digits or punctuation,
/// Latin words capitalised (but for particles such as "de" or "al").
fn is_name(text: &str, words: std::ops::RangeInclusive<usize>) -> bool {
    is_name_words(text, words, true)
}

/// Whether a text is a few plain words, optionally requiring Latin words to be capitalised.
fn is_name_words(text: &str, words: std::ops::RangeInclusive<usize>, capitals: bool) -> bool {
    // One word past the most allowed is enough to reject the text.
    let list: Vec<&str> = text.split_whitespace().take(words.end() + 1).collect();
    let plain = |w: &&str| {
        let inner = |c: char| matches!(c, '-' | '\'' | '’');
        w.chars().all(|c| is_alphabetic(c) || inner(c) || is_mark(c))
            && !w.starts_with(inner)
            && !w.ends_with(inner)
    };
    let capitalised = |w: &&str| {
        let first = w.chars().next().unwrap_or(' ');
        !first.is_ascii_alphabetic()
            || first.is_uppercase()
            || ["de", "da", "van", "von", "al", "el", "bin", "ibn", "la", "le", "du"].contains(w)
    };
    words.contains(&list.len())
        && list.iter().all(plain)
        && (!capitals || list.iter().all(capitalised))
}

/// Arabic harakat and other combining marks that may sit in a name.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{64b}'..='\u{65f}' | '\u{670}' | '\u{640}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(text: &str) -> Vec<(Role, Option<Boilerplate>, String)> {
        parse_document("t.txt", text, false)
            .paragraphs
            .into_iter()
            .map(|p| (p.role, p.boilerplate, p.text))
            .collect()
    }

    #[test]
    fn hard_wrapped_blocks_are_joined() {
        let text = "Officials from twelve countries signed an agreement on Tuesday to\n\
                    share intelligence about online extremist networks, the delegation\n\
                    said in a statement.\n\nA second paragraph.";
        let paragraphs = roles(text);
        assert_eq!(paragraphs.len(), 2);
        assert!(paragraphs[0].2.starts_with(
            "Officials from twelve countries signed an agreement on Tuesday to share"
        ));
        assert!(paragraphs[0].2.ends_with("said in a statement."));
    }

    #[test]
    fn indents_mark_paragraphs_in_wrapped_text() {
        let text = " كشف تقرير لمصلحة الإحصاءات العامة عن استقرار الرقم القياسي لتكاليف المعيشة في\n\
                    السعودية خلال شهر مارس الماضي مقارنة مع فبراير مسجلا ارتفاعا طفيفا نسبته 0.6%\n\
                    عن الفترة نفسها من العام الماضي.\n\
                    \u{20}وتضمن التقرير أهم تحركات الأسعار والتغيرات النسبية في الرقم القياسي لتكاليف\n\
                    المعيشة في السعودية، مؤكدا أن شهري فبراير ويناير سجلا تراجعا في الرقم بنسبة 1%\n\
                    لكل منهما.";
        let paragraphs = roles(text);
        assert_eq!(paragraphs.len(), 2);
        assert!(paragraphs[0].2.ends_with("من العام الماضي."));
        assert!(paragraphs[1].2.starts_with("وتضمن التقرير"));
    }

    #[test]
    fn lines_that_are_not_wrapped_stay_apart() {
        let text =
            "First line is a full sentence of its own here.\nSecond line is another sentence.";
        assert_eq!(roles(text).len(), 2);
        let list = "Shopping list for the week ahead\n- apples and pears from the market\n- bread";
        assert_eq!(roles(list).len(), 3);
    }

    #[test]
    fn a_title_line_stays_apart_from_wrapped_text() {
        let text = "Leaders agree a cyber pact\n\
                    Officials from twelve countries signed an agreement on Tuesday to\n\
                    share intelligence about online extremist networks, the delegation\n\
                    said.";
        let paragraphs = roles(text);
        assert_eq!(paragraphs.len(), 2);
        assert_eq!(paragraphs[0].0, Role::Title);
    }

    #[test]
    fn cut_paragraph_is_joined() {
        let text = "عنوان المقال\n\nهذه فقرة طويلة بما يكفي لكي تعد جزءاً أول من جملة قطعت في منتصف الكلام بعد أن تحدث الكاتب عن تطوير التنظيم لطرق ووسائل\n\n\
                    تجنيد واستقطاب المقاتلين عبر الشبكة.\n\nفقرة ثانية كاملة تنتهي بنقطة كما ينبغي لها أن تنتهي.";
        let paragraphs = roles(text);
        assert_eq!(paragraphs.len(), 3);
        assert!(paragraphs[1].2.contains("ووسائل تجنيد"));
    }

    #[test]
    fn no_join_after_colon_or_before_list() {
        let text = "يمكن لهذه الجهود أن تتخذ مسارين رئيسيين في مواجهة هذه الظاهرة المتنامية:\n\n\
                    1. إزالة المحتوى الإرهابي من الشبكة بسرعة.\n\nنص آخر طويل يكفي ليكون فقرة من فقرات المقال.";
        assert_eq!(roles(text).len(), 3);
    }

    #[test]
    fn headings_and_columns_of_short_lines() {
        let text = "نص أول طويل بما يكفي ليكون فقرة من فقرات المقال وينتهي بنقطة.\n\n\
                    عنوان فرعي\n\nنص ثان طويل بما يكفي ليكون فقرة من فقرات المقال.\n\n\
                    تويتر\nفيسبوك\nتلجرام\n\nنص أخير طويل بما يكفي ليكون فقرة من فقرات المقال.";
        let found: Vec<Role> = roles(text).into_iter().map(|p| p.0).collect();
        assert_eq!(
            found,
            [
                Role::Body,
                Role::Heading(2),
                Role::Body,
                Role::Body,
                Role::Body,
                Role::Body,
                Role::Body
            ]
        );
    }

    #[test]
    fn repeats_are_dropped() {
        let text =
            "فقرة مكررة تظهر مرتين في النص.\n\nفقرة مكررة  تظهر مرتين في النص.\n\nقصير\n\nقصير";
        let paragraphs = roles(text);
        assert_eq!(paragraphs.len(), 3);
    }

    #[test]
    fn bylines() {
        assert_eq!(byline_shape("دينا محمود (لندن)"), Some(BylineShape::Marked));
        assert_eq!(byline_shape("بقلم: خالد الطائي"), Some(BylineShape::Marked));
        assert_eq!(byline_shape("By Jane Doe"), Some(BylineShape::Marked));
        assert_eq!(byline_shape("خالد الطائي"), Some(BylineShape::Bare));
        assert_eq!(byline_shape("العراق يلاحق 'الإرهاب الرقمي'"), None);
        assert_eq!(byline_shape("by the numbers"), None);
        assert_eq!(byline_shape("كتب التاريخ"), None);
        assert_eq!(byline_shape("كتب خالد الطائي"), Some(BylineShape::Marked));
        assert_eq!(byline_shape("2 comments"), None);
    }

    #[test]
    fn derived_titles() {
        let doc = parse_document(
            "x.txt",
            "جدد خبراء في مجال مكافحة الإرهاب تحذيراتهم من خطورة اتساع رقعة الأنشطة، وغيرها. ثم.",
            false,
        );
        assert!(doc.title_is_derived);
        assert_eq!(doc.title, "جدد خبراء في مجال مكافحة الإرهاب تحذيراتهم من…");
        let sentence =
            "جدد خبراء في مجال مكافحة الإرهاب تحذيراتهم من خطورة اتساع رقعة الأنشطة، وغيرها.";
        assert_eq!(doc.full_title(), sentence);
        let titled =
            parse_document("y.txt", "العنوان\n\nفقرة أولى طويلة بما يكفي لتكون فقرة.", false);
        assert_eq!(titled.full_title(), "العنوان");
        let empty = parse_document("dir/empty.txt", " \n\u{a0}\n", false);
        assert!(empty.paragraphs.is_empty());
        assert_eq!(empty.title, "empty");
        assert_eq!(empty.full_title(), "empty");
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for text in
            ["", "\n\n\n", "شارك", "من نحن\n\nاتصل بنا", ".", "1.", "(", ")", "a)", "- ", "»."]
        {
            let doc = parse_document("x.txt", text, false);
            let md = parse_document("x.md", text, true);
            for p in doc.paragraphs.iter().chain(&md.paragraphs) {
                for r in &p.sentences {
                    assert!(p.text.is_char_boundary(r.start) && p.text.is_char_boundary(r.end));
                }
            }
        }
        let huge = "كلمة ".repeat(50_000);
        let doc = parse_document("x.txt", &huge, false);
        assert!(doc.paragraphs.len() > 1);
    }

    #[test]
    fn an_oversized_paragraph_is_cut_at_sentence_ends_else_between_words() {
        let sentences = "جملة قصيرة تنتهي هنا. ".repeat(20_000);
        let words = "كلمة ".repeat(40_000);
        let one_word = "ب".repeat(100_000);
        for text in [&sentences, &words, &one_word] {
            let doc = parse_document("x.txt", text, false);
            assert!(doc.paragraphs.len() > 1);
            for p in &doc.paragraphs {
                assert!(p.text.len() <= MAX_PARAGRAPH_BYTES, "{}", p.text.len());
            }
            // Nothing lost: the pieces hold the text's words in order.
            let joined: Vec<&str> =
                doc.paragraphs.iter().flat_map(|p| p.text.split_whitespace()).collect();
            if text != &one_word {
                assert_eq!(joined, text.split_whitespace().collect::<Vec<_>>());
            }
        }
        let doc = parse_document("x.txt", &sentences, false);
        assert!(doc.paragraphs.iter().all(|p| p.text.ends_with('.')));
        let doc = parse_document("x.txt", &one_word, false);
        assert_eq!(doc.paragraphs.iter().map(|p| p.text.len()).sum::<usize>(), one_word.len());
        // A paragraph of ordinary length is left whole.
        let doc = parse_document("x.txt", &"كلمة ".repeat(1000), false);
        assert_eq!(doc.paragraphs.len(), 1);
    }
}
