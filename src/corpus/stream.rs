//! Reading articles for `basira cat` a section at a time, so that printing a file takes
//! memory in proportion to a section of it, not to the file.
//!
//! [`Plan::new`] looks at every file before a line is printed (whether it can be read, is
//! text, is UTF-8), reading it in chunks of 64 KiB, so that bad input is refused with one
//! sentence before any output, as when the collection is opened whole. Then
//! [`Source::sections`] reads each file again, a section at a time: the text up to the last
//! blank line once [`SECTION_BYTES`] have been read. Each section is parsed on its own.
//!
//! A file of at most [`SECTION_BYTES`] (any article) is one section, and gives exactly the
//! paragraphs of its [`Document`](super::Document). A longer file is read as a series of
//! articles, one per section: the rules of the structure stage that look at a whole article
//! (the title at the top, teasers at the end, whether unpunctuated paragraph ends are cuts,
//! repeats, the direction of paragraphs without a strong letter) look at its section. A
//! block of lines without a blank line is cut at a line end only past [`MAX_SECTION_BYTES`].
//!
//! Markdown files, and files that are not valid UTF-8 (UTF-16, legacy code pages, damaged
//! UTF-8), are decoded whole as when the collection is opened, and are one section each.

use std::borrow::Cow;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use encoding_rs::{Encoding, UTF_8};

use super::LoadError;
use super::decode::looks_binary;
use super::epub::{is_book, read_book};
use super::load::{
    BUILTIN, article_text, folder_files, given_path, is_markdown, is_text_file, nothing_opened,
};
use super::problem::{FileWarning, MAX_FILE_BYTES, read_error, reason};
use crate::files::open_regular;

/// How much text a section holds before it is cut at the next blank line back.
pub const SECTION_BYTES: usize = 256 * 1024;

/// How much text a section holds at most when its lines have no blank line between them: it
/// is then cut at a line end, else between words.
pub const MAX_SECTION_BYTES: usize = 1024 * 1024;

/// How much of a file is read at a time.
const CHUNK_BYTES: usize = 64 * 1024;

/// One article to print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A built-in article: its file name.
    Builtin(&'static str),
    /// A plain-text UTF-8 file, read a section at a time after its byte-order mark of `bom`
    /// bytes (0 without one).
    Streamed {
        /// Where the file is.
        path: PathBuf,
        /// The length of its UTF-8 byte-order mark, or 0.
        bom: usize,
    },
    /// A file decoded whole: Markdown, or not UTF-8.
    Whole(PathBuf),
    /// An e-book, read whole; each chapter is a section, as Markdown.
    Book(PathBuf),
}

/// The articles that `basira cat` prints, checked, with the warnings about them.
#[derive(Clone, Debug, Default)]
pub struct Plan {
    /// The articles in the order they are printed: the built-in ones when no path is given,
    /// else the files, each folder's in name order.
    pub sources: Vec<Source>,
    /// Files that are skipped and files read with a guess or a repair (as
    /// [`Corpus::warnings`](super::Corpus::warnings)).
    pub warnings: Vec<FileWarning>,
}

impl Plan {
    /// Check the given files and folders (folders recursively, in name order) as
    /// [`Corpus::open`](super::Corpus::open) does, without keeping their text: the same
    /// errors for the same input. No paths means the built-in articles.
    pub fn new(paths: &[PathBuf]) -> Result<Plan, LoadError> {
        let mut plan = Plan::default();
        if paths.is_empty() {
            plan.sources = BUILTIN.iter().map(|(name, _)| Source::Builtin(name)).collect();
            return Ok(plan);
        }
        for path in paths {
            let meta = given_path(path)?;
            if meta.is_dir() {
                plan.add_folder(path, &meta)?;
            } else {
                let (source, warning) = check(path)?;
                plan.sources.push(source);
                plan.warnings.extend(warning);
            }
        }
        Ok(plan)
    }

    /// Add every `.txt`/`.md` file under the folder `dir`; files that cannot be read are
    /// skipped with a warning. Refuses a folder in which no file could be read.
    fn add_folder(&mut self, dir: &Path, meta: &fs::Metadata) -> Result<(), LoadError> {
        let before = self.sources.len();
        let files = folder_files(dir, meta, &mut self.warnings)?;
        let mut first_skipped = None;
        for file in &files {
            match check(file) {
                Ok((source, warning)) => {
                    self.sources.push(source);
                    self.warnings.extend(warning);
                }
                Err(e) => {
                    first_skipped.get_or_insert_with(|| e.to_string());
                    self.warnings.push(FileWarning::Skipped(e));
                }
            }
        }
        if self.sources.len() == before {
            return Err(nothing_opened(dir, files.len(), first_skipped));
        }
        Ok(())
    }
}

impl Source {
    /// Whether the article is Markdown.
    pub fn is_markdown(&self) -> bool {
        match self {
            Source::Whole(path) => is_markdown(path),
            Source::Book(_) => true,
            Source::Builtin(_) | Source::Streamed { .. } => false,
        }
    }

    /// The article's text, a section at a time (see the module notes).
    pub fn sections(&self) -> Result<Sections, LoadError> {
        let reading = |path: &Path, reader: Box<dyn Read>| Sections {
            path: path.to_path_buf(),
            reader,
            pending: Vec::with_capacity(SECTION_BYTES + CHUNK_BYTES),
            done: false,
            later: Vec::new(),
        };
        Ok(match self {
            Source::Builtin(name) => {
                let text = BUILTIN.iter().find(|(n, _)| n == name).map_or("", |(_, t)| t);
                reading(Path::new(&format!("builtin:{name}")), Box::new(text.as_bytes()))
            }
            Source::Streamed { path, bom } => {
                let mut file = open_regular(path).map_err(|e| read_error(path, e))?;
                let mut mark = [0; 3];
                file.read_exact(&mut mark[..*bom])
                    .map_err(|e| LoadError::Unreadable(path.clone(), reason(&e)))?;
                reading(path, Box::new(file.take(MAX_FILE_BYTES)))
            }
            // Given out whole, as one section.
            Source::Whole(path) => Sections {
                path: path.clone(),
                reader: Box::new(io::empty()),
                pending: article_text(path)?.text.into_bytes(),
                done: true,
                later: Vec::new(),
            },
            Source::Book(path) => {
                let chapters = read_book(path)?.chapters.into_iter();
                Sections {
                    path: path.clone(),
                    reader: Box::new(io::empty()),
                    pending: Vec::new(),
                    done: true,
                    later: chapters.rev().map(|c| c.markdown.into_bytes()).collect(),
                }
            }
        })
    }
}

/// What [`Plan::new`] makes of the file at `path`, with the warning about its encoding, if
/// any; or why it cannot be printed.
fn check(path: &Path) -> Result<(Source, Option<FileWarning>), LoadError> {
    if is_book(path) {
        read_book(path)?;
        return Ok((Source::Book(path.to_path_buf()), None));
    }
    if is_text_file(path) && !is_markdown(path) {
        let file = open_regular(path).map_err(|e| read_error(path, e))?;
        if let Some(bom) = utf8_text(path, file)? {
            return Ok((Source::Streamed { path: path.to_path_buf(), bom }, None));
        }
    }
    let decoded = article_text(path)?;
    Ok((Source::Whole(path.to_path_buf()), decoded.warning))
}

/// Read `file` through in chunks: the length of its UTF-8 byte-order mark (0 without one)
/// when it is UTF-8 text, `None` when it is not UTF-8 (to be decoded whole), or why it is
/// not text at all (binary, empty, too large), as decoding it would say.
fn utf8_text(path: &Path, file: fs::File) -> Result<Option<usize>, LoadError> {
    let unreadable = |e: io::Error| LoadError::Unreadable(path.to_path_buf(), reason(&e));
    let size = file.metadata().map_err(unreadable)?.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge(path.to_path_buf(), size));
    }
    let mut reader = file.take(MAX_FILE_BYTES + 1);
    let mut chunk = vec![0; CHUNK_BYTES];
    // Bytes of a character cut by the end of the last chunk, moved to the start of this one.
    let mut carried = 0;
    let (mut total, mut bom, mut first, mut has_text) = (0, 0, true, false);
    loop {
        let read = fill(&mut reader, &mut chunk[carried..]).map_err(unreadable)?;
        total += read as u64;
        if total > MAX_FILE_BYTES {
            return Err(LoadError::TooLarge(path.to_path_buf(), total));
        }
        let bytes = &chunk[..carried + read];
        if first {
            first = false;
            match Encoding::for_bom(bytes) {
                Some((encoding, _)) if encoding != UTF_8 => return Ok(None),
                Some((_, length)) => bom = length,
                None => {}
            }
            if looks_binary(&bytes[bom..]) {
                return Err(LoadError::Binary(path.to_path_buf()));
            }
        } else if bytes.contains(&0) {
            return Err(LoadError::Binary(path.to_path_buf()));
        }
        let start = if total == read as u64 { bom } else { 0 };
        // A character cut at the end of the chunk is read with the next.
        let Some(complete) = utf8_prefix(&bytes[start..], read == 0) else { return Ok(None) };
        let complete = start + complete;
        has_text = has_text
            || simdutf8::basic::from_utf8(&bytes[start..complete])
                .is_ok_and(|t| !t.trim().is_empty());
        if read == 0 {
            break;
        }
        let end = carried + read;
        chunk.copy_within(complete..end, 0);
        carried = end - complete;
    }
    if !has_text {
        return Err(LoadError::Empty(path.to_path_buf()));
    }
    Ok(Some(bom))
}

/// How many of `bytes` are UTF-8 text, checked once: all of them, or, when they end in the
/// middle of a character and more is to come (not `at_end`), those before it; `None` when
/// they are not UTF-8.
fn utf8_prefix(bytes: &[u8], at_end: bool) -> Option<usize> {
    match simdutf8::compat::from_utf8(bytes) {
        Ok(_) => Some(bytes.len()),
        // No error of its own: the input ends inside a character.
        Err(e) if e.error_len().is_none() && !at_end => Some(e.valid_up_to()),
        Err(_) => None,
    }
}

/// Read into `buf` until it is full or the input ends; the number of bytes read.
fn fill(reader: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// An article's text, a section at a time: it never holds more than one section and the
/// chunk read after it.
pub struct Sections {
    /// The article's path (`builtin:NAME` for a built-in one), for errors.
    path: PathBuf,
    /// Where the text comes from.
    reader: Box<dyn Read>,
    /// Text read and not yet given out.
    pending: Vec<u8>,
    /// Whether the reader is at its end.
    done: bool,
    /// Sections still to give once the pending text is given, the next last: a book's
    /// chapters.
    later: Vec<Vec<u8>>,
}

impl Sections {
    /// How many bytes of text it holds now: at most [`MAX_SECTION_BYTES`] and one chunk.
    pub fn held(&self) -> usize {
        self.pending.capacity()
    }

    /// Read the next chunk onto the pending text; false at the end of the input.
    fn read_chunk(&mut self) -> io::Result<bool> {
        let len = self.pending.len();
        self.pending.resize(len + CHUNK_BYTES, 0);
        let read = fill(&mut self.reader, &mut self.pending[len..]);
        self.pending.truncate(len + read.as_ref().map_or(0, |n| *n));
        Ok(read? > 0)
    }
}

/// One section of an article's text, as read.
pub struct Section(Vec<u8>);

impl Section {
    /// The section's text. It was checked to be UTF-8 (checked again here, for a file changed
    /// since reads with replacements).
    pub fn text(&self) -> Cow<'_, str> {
        match simdutf8::basic::from_utf8(&self.0) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => String::from_utf8_lossy(&self.0),
        }
    }
}

impl Iterator for Sections {
    type Item = Result<Section, LoadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done && self.pending.is_empty() {
            self.pending = self.later.pop()?;
        }
        let end = loop {
            if self.done {
                break self.pending.len();
            }
            if self.pending.len() >= SECTION_BYTES {
                if let Some(cut) = blank_line_cut(&self.pending) {
                    break cut;
                }
                if self.pending.len() >= MAX_SECTION_BYTES {
                    break forced_cut(&self.pending);
                }
            }
            match self.read_chunk() {
                Ok(more) => self.done = !more,
                Err(e) => {
                    self.done = true;
                    self.pending = Vec::new();
                    return Some(Err(LoadError::Unreadable(self.path.clone(), reason(&e))));
                }
            }
        };
        if end == 0 {
            return None;
        }
        let mut rest = Vec::with_capacity(if self.done { 0 } else { SECTION_BYTES + CHUNK_BYTES });
        rest.extend_from_slice(&self.pending[end..]);
        let mut section = std::mem::replace(&mut self.pending, rest);
        section.truncate(end);
        Some(Ok(Section(section)))
    }
}

/// Where to end a section of `text`: after the last line end that a blank line follows.
fn blank_line_cut(text: &[u8]) -> Option<usize> {
    (1..text.len())
        .rev()
        .find(|&i| text[i - 1] == b'\n' && (text[i] == b'\n' || text[i..].starts_with(b"\r\n")))
}

/// Where to end a section of `text` that has no blank line: after its last line end, else
/// after its last space, else before its last character.
fn forced_cut(text: &[u8]) -> usize {
    let after = |b: u8| text.iter().rposition(|&c| c == b).map(|i| i + 1);
    after(b'\n')
        .or_else(|| after(b' '))
        .or_else(|| (1..text.len()).rev().find(|&i| text[i] & 0xc0 != 0x80))
        .unwrap_or(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sections of `text` as a file would give them.
    fn sections_of(text: &str) -> Vec<(String, usize)> {
        let mut sections = Sections {
            path: PathBuf::from("t.txt"),
            reader: Box::new(io::Cursor::new(text.as_bytes().to_vec())),
            pending: Vec::with_capacity(SECTION_BYTES + CHUNK_BYTES),
            done: false,
            later: Vec::new(),
        };
        let mut out = Vec::new();
        while let Some(section) = sections.next() {
            out.push((section.unwrap().text().into_owned(), sections.held()));
        }
        out
    }

    #[test]
    fn a_long_text_is_read_a_section_at_a_time_cut_at_blank_lines() {
        let paragraph = "فقرة من نص طويل تتكرر كثيراً، وتنتهي بنقطة.\n\n";
        let text: String = (0..40_000).map(|i| format!("{i} {paragraph}")).collect();
        let sections = sections_of(&text);
        assert!(sections.len() > 5, "{}", sections.len());
        for (section, held) in &sections {
            assert!(section.len() <= SECTION_BYTES + CHUNK_BYTES, "{}", section.len());
            assert!(*held <= SECTION_BYTES + CHUNK_BYTES, "{held}");
        }
        for pair in sections.windows(2) {
            assert!(pair[0].0.ends_with('\n') && pair[1].0.starts_with('\n'));
        }
        assert_eq!(sections.iter().map(|(s, _)| s.as_str()).collect::<String>(), text);
    }

    #[test]
    fn lines_without_blank_lines_are_cut_at_line_ends_past_the_largest_section() {
        let text: String = (0..100_000).map(|i| format!("سطر رقم {i}\n")).collect();
        let sections = sections_of(&text);
        assert!(sections.len() > 1);
        for (section, held) in &sections {
            assert!(section.len() <= MAX_SECTION_BYTES + CHUNK_BYTES);
            assert!(*held <= 2 * (MAX_SECTION_BYTES + CHUNK_BYTES), "{held}");
            assert!(section.ends_with('\n'));
        }
        assert_eq!(sections.iter().map(|(s, _)| s.as_str()).collect::<String>(), text);
        // One line of words, and one word, are cut between words, else between characters.
        for text in ["كلمة ".repeat(300_000), "ب".repeat(700_000)] {
            let sections = sections_of(&text);
            assert!(sections.len() > 1);
            assert_eq!(sections.iter().map(|(s, _)| s.as_str()).collect::<String>(), text);
        }
    }

    #[test]
    fn a_short_text_is_one_section() {
        let text = "عنوان\n\nفقرة أولى.\n\nفقرة ثانية.\n";
        let sections: Vec<String> = sections_of(text).into_iter().map(|(s, _)| s).collect();
        assert_eq!(sections, [text]);
        assert!(sections_of("").is_empty());
    }

    #[test]
    fn a_character_cut_by_a_chunk_is_read_whole() {
        assert_eq!(utf8_prefix("ab".as_bytes(), false), Some(2));
        let letter = "ب".as_bytes();
        assert_eq!(utf8_prefix(&[b'a', letter[0]], false), Some(1));
        assert_eq!(utf8_prefix(&[b'a', letter[0], letter[1]], false), Some(3));
        let emoji = "😀".as_bytes();
        assert_eq!(utf8_prefix(&emoji[..3], false), Some(0));
        assert_eq!(utf8_prefix(emoji, false), Some(4));
        // Cut at the end of the file, or damaged: not UTF-8.
        assert_eq!(utf8_prefix(&emoji[..3], true), None);
        assert_eq!(utf8_prefix(&[b'a', 0xFF, b'b'], false), None);
    }
}
