//! Inputs kept from fuzzing, replayed with the checks the fuzz targets make.
//!
//! The fuzz targets in `fuzz/` (a cargo-fuzz project of its own, run with a nightly
//! toolchain) include this file as a module and call [`check_layout_input`] and
//! [`check_document_input`] on every input libFuzzer makes, so the two cannot drift apart.
//! Here, with the stable toolchain and no fuzzing dependencies, the same checks run over the
//! inputs kept in `tests/data/fuzz/layout/` and `tests/data/fuzz/document/`: any input that
//! made a fuzzer fail, kept once the bug is fixed, and small inputs chosen for their coverage
//! (the corpus after `cargo fuzz cmin`, then a greedy pick of the files under 2 KB that add
//! the most coverage).
//!
//! Input formats (the same bytes the fuzz targets take):
//!
//! - layout: byte 0 is the width (mapped to 1..=200), byte 1 the options (bit 0 shaping off,
//!   bit 1 harakat stripped, bit 2 bidi left to the terminal, bit 3 left-to-right fallback
//!   direction), the rest the paragraph (UTF-8, invalid bytes replaced).
//! - document: bit 0 of byte 0 chooses Markdown, the rest is the file's text.
//! - book: the bytes of an `.epub` file.
//! - web_page: the bytes of a saved web page (`tests/data/fuzz/web_page/`).

use std::ops::Range;
use std::path::{Path, PathBuf};

use basira::corpus::{Document, Table, parse_document, parse_web_page};
use basira::layout::{BidiMode, Harakat, LayoutOptions, Shaping, layout_paragraph};
use basira::text::Direction;
use unicode_width::UnicodeWidthStr;

/// Explicit bidi format characters, which the layout never draws (DESIGN rule 9).
fn is_bidi_format(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `range` lies within `text` and starts and ends on character boundaries.
fn on_boundaries(text: &str, range: &Range<usize>) -> bool {
    range.start <= range.end
        && range.end <= text.len()
        && text.is_char_boundary(range.start)
        && text.is_char_boundary(range.end)
}

/// Decode a layout fuzz input (see the module notes) and check its layout; inputs shorter
/// than two bytes are ignored.
pub fn check_layout_input(data: &[u8]) {
    let [width, flags, text @ ..] = data else { return };
    let width = u16::from(width % 200) + 1;
    let options = LayoutOptions {
        shaping: if flags & 1 == 0 { Shaping::On } else { Shaping::Off },
        harakat: if flags & 2 == 0 { Harakat::Keep } else { Harakat::Strip },
        bidi: if flags & 4 == 0 { BidiMode::App } else { BidiMode::Terminal },
        ascii_rules: flags & 16 != 0,
    };
    let fallback = if flags & 8 == 0 { Direction::Rtl } else { Direction::Ltr };
    check_layout(&String::from_utf8_lossy(text), fallback, width, &options);
}

/// Lay out `text` and check what the layout promises: lines fit the width; each glyph's
/// width is its drawn text's width and the glyphs add up to the line's width; glyphs show
/// non-empty ranges of the text on character boundaries, none shown twice; nothing drawn is
/// a control or a bidi format character; the cell map and the source map agree.
pub fn check_layout(text: &str, fallback: Direction, width: u16, options: &LayoutOptions) {
    let layout = layout_paragraph(text, fallback, width, options);
    let what = || format!("width {width}, {options:?}, {fallback:?}, text {text:?}");
    assert!(!layout.lines.is_empty(), "no lines: {}", what());
    let mut shown: Vec<Range<usize>> = Vec::new();
    let mut previous_line_end = 0;
    for (n, line) in layout.lines.iter().enumerate() {
        let what = || format!("line {n} {:?}, {}", line.text(), what());
        let reach = u32::from(line.indent) + u32::from(line.width);
        assert!(reach <= u32::from(width), "line too wide: {}", what());
        let mut drawn = String::new();
        let mut sum = 0u16;
        let mut column = line.indent;
        for (glyph_text, glyph) in line.glyphs() {
            let source = glyph.source.start as usize..glyph.source.end as usize;
            let w = u16::from(glyph.width);
            let what = || format!("glyph {glyph_text:?} {glyph:?} at {column}, {}", what());
            assert!(w >= 1, "glyph draws nothing: {}", what());
            assert_eq!(glyph_text.width(), usize::from(w), "glyph width: {}", what());
            assert!(!source.is_empty() && on_boundaries(text, &source), "source: {}", what());
            assert!(
                !glyph_text.chars().any(|c| c.is_control() || is_bidi_format(c)),
                "control drawn: {}",
                what()
            );
            for x in column..column + w {
                assert_eq!(line.source_at(x), Some(source.clone()), "source_at: {}", what());
            }
            let cells = line.cells_for(source.clone());
            let one_run = cells.len() == 1 && cells[0] == (column..column + w);
            assert!(one_run, "cells_for gives {cells:?}: {}", what());
            drawn.push_str(glyph_text);
            shown.push(source);
            sum += w;
            column += w;
        }
        assert_eq!(sum, line.width, "glyph widths do not add up: {}", what());
        assert_eq!(drawn, line.text(), "glyph texts are not the line's text: {}", what());
        assert_eq!(line.source_at(column), None, "source past the end: {}", what());
        if line.indent > 0 {
            assert_eq!(line.source_at(line.indent - 1), None, "source in indent: {}", what());
        }
        let range = line.source_range();
        if !range.is_empty() {
            assert!(range.start >= previous_line_end, "lines out of order: {}", what());
            previous_line_end = range.end;
        }
    }
    shown.sort_by_key(|r| r.start);
    for pair in shown.windows(2) {
        assert!(pair[0].end <= pair[1].start, "{pair:?} drawn twice: {}", what());
    }
}

/// Decode a document fuzz input (see the module notes) and check the parsed document;
/// empty inputs are ignored.
pub fn check_document_input(data: &[u8]) {
    let [flags, text @ ..] = data else { return };
    check_document(&String::from_utf8_lossy(text), flags & 1 == 1);
}

/// Parse `text` and check what the structure promises: paragraphs are sanitised, trimmed
/// and on one line (no control but a tab); sentences are in order, trimmed, on character
/// boundaries, and cover every non-space character; emphasis ranges are non-empty and on
/// character boundaries.
pub fn check_document(text: &str, markdown: bool) {
    let document = parse_document("fuzz.txt", text, markdown);
    check_paragraphs(&document, &|| format!("markdown {markdown}, text {text:?}"));
}

/// Read `data` as a saved web page: it must give an article that keeps the promises of
/// [`check_document`], or one sentence naming the page, never a panic.
pub fn check_web_page_input(data: &[u8]) {
    match parse_web_page("fuzz.html", data.to_vec()) {
        Ok(document) => check_paragraphs(&document, &|| format!("page {data:?}")),
        Err(error) => {
            let sentence = error.to_string();
            assert!(sentence.starts_with("fuzz.html: ") && !sentence.contains('\n'), "{sentence}");
        }
    }
}

/// Check what a parsed document promises (see [`check_document`]); `what` names the input.
fn check_paragraphs(document: &Document, what: &dyn Fn() -> String) {
    let unsafe_char =
        |c: char| (c.is_control() && c != '\t') || matches!(c, '\u{2028}' | '\u{2029}');
    assert!(!document.title.chars().any(unsafe_char), "title {:?}: {}", document.title, what());
    for (n, p) in document.paragraphs.iter().enumerate() {
        let what = || format!("paragraph {n} {:?}, {}", p.text, what());
        assert!(!p.text.is_empty(), "empty paragraph: {}", what());
        assert!(!p.text.chars().any(unsafe_char), "control kept: {}", what());
        assert_eq!(p.text.trim(), p.text, "not trimmed: {}", what());
        let mut covered = 0;
        for r in &p.sentences {
            let what = || format!("sentence {r:?}, {}", what());
            assert!(on_boundaries(&p.text, r) && !r.is_empty(), "sentence range: {}", what());
            assert!(r.start >= covered, "sentences out of order: {}", what());
            let sentence = &p.text[r.clone()];
            assert_eq!(sentence.trim(), sentence, "sentence not trimmed: {}", what());
            // A table's sentences are its rows, with the row separator between them.
            let gap = p.text[covered..r.start].trim();
            let row_separator = p.form.table.is_some() && gap == Table::ROW_SEPARATOR.trim();
            assert!(gap.is_empty() || row_separator, "text between sentences: {}", what());
            covered = r.end;
        }
        assert!(p.text[covered..].trim().is_empty(), "text after the sentences: {}", what());
        for e in &p.emphasis {
            let ok = on_boundaries(&p.text, &e.range) && !e.range.is_empty();
            assert!(ok, "emphasis {e:?}: {}", what());
        }
    }
}

/// Open `data` as an e-book file (written to a file of its own in the temporary folder): it
/// must open as chapters at `PATH#1`, `PATH#2`… in order, each paragraph on one line, or be
/// refused with one sentence naming the file, never panic.
pub fn check_book_input(data: &[u8]) {
    let name = format!("basira-fuzz-{}-{:?}.epub", std::process::id(), std::thread::current().id());
    let path = std::env::temp_dir().join(name.replace(['(', ')'], ""));
    std::fs::write(&path, data).expect("the input is written");
    let opened = basira::corpus::Corpus::open(std::slice::from_ref(&path));
    let _ = std::fs::remove_file(&path);
    let shown = path.display().to_string();
    match opened {
        Ok(corpus) => {
            assert!(!corpus.documents.is_empty());
            for (at, document) in corpus.documents.iter().enumerate() {
                assert_eq!(document.path, format!("{shown}#{}", at + 1));
                assert!(document.paragraphs.iter().all(|p| !p.text.contains('\n')));
            }
        }
        Err(error) => {
            let sentence = error.to_string();
            assert!(sentence.starts_with(&format!("{shown}: ")), "{sentence}");
            assert!(!sentence.contains('\n'), "{sentence}");
        }
    }
}

/// The kept inputs of one fuzz target, sorted by name.
fn kept_inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files.into_iter().map(|path| (path.clone(), std::fs::read(&path).expect("input"))).collect()
}

/// Run `check` on every kept input of `target`, and name every input that fails.
fn replay(target: &str, check: fn(&[u8])) {
    let inputs = kept_inputs(target);
    assert!(inputs.len() >= 5, "only {} kept inputs for {target}", inputs.len());
    let failed: Vec<String> = inputs
        .iter()
        .filter(|(_, data)| std::panic::catch_unwind(|| check(data)).is_err())
        .map(|(path, _)| path.display().to_string())
        .collect();
    assert!(failed.is_empty(), "failing inputs: {failed:#?}");
}

#[test]
fn kept_layout_inputs_pass_the_checks() {
    replay("layout", check_layout_input);
}

#[test]
fn kept_document_inputs_pass_the_checks() {
    replay("document", check_document_input);
}

#[test]
fn kept_book_inputs_pass_the_checks() {
    replay("book", check_book_input);
}

#[test]
fn kept_web_page_inputs_pass_the_checks() {
    replay("web_page", check_web_page_input);
}

#[test]
fn built_in_articles_pass_both_checks() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(dir).expect("articles").map(|e| e.expect("entry").path()).collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("article");
        check_document(&text, false);
        for p in parse_document("a.txt", &text, false).paragraphs.iter().take(3) {
            for width in [1, 7, 40, 80] {
                check_layout(&p.text, Direction::Rtl, width, &LayoutOptions::default());
            }
        }
    }
}

#[test]
fn hostile_strings_pass_both_checks() {
    let long_word = "ب".repeat(10_000);
    let marks = format!("ب{} ت", "\u{064E}".repeat(500));
    let texts = [
        "قبل\u{1b}[2Jبعد \u{1b}]52;c;aGk=\u{7} \u{9b}31m\u{85}\u{9d}x\u{9c}",
        "s = \"user\u{202E} \u{2066}// admin\u{2069} \u{2066}\"; \u{2067}عربي\u{2069}\u{200F}\u{61C}",
        &long_word,
        &marks,
        "عائلة 👨\u{200D}👩\u{200D}👧\u{200D}👦 🏳\u{FE0F}\u{200D}🌈 🇸🇦 中文العربية한국어",
        "لا للا ألا بلاب لَا لـا ﻻ (لا) «لا» ل\u{200D}ا ل\u{200C}ا",
    ];
    for text in texts {
        check_document(text, false);
        check_document(text, true);
        for width in [1, 2, 3, 10, 79, 200] {
            for flags in 0..16u8 {
                let mut data = vec![(width - 1) as u8, flags];
                data.extend_from_slice(text.as_bytes());
                check_layout_input(&data);
            }
        }
    }
}
