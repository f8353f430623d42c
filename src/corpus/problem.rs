//! What can go wrong with a file of the collection — it is too large to open, it could not be
//! opened, it was skipped, it was read in a way that may not be what was meant — each as
//! a value with its [`Sentence`]: an English template and the values that fill it, so that
//! the error stream shows it in English ([`fmt::Display`]) and the reader in the interface's
//! language, each value isolated in its place.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::files::ReadError;

use serde::{Deserialize, Serialize};

/// One mebibyte, the unit file sizes are shown in ("MB").
const MIB: u64 = 1024 * 1024;

/// The largest file basira opens: 64 MiB, checked before a byte is read.
///
/// An article is a few kilobytes; 64 MB is already some 30,000 pages, far past any article.
/// At its peak a document costs about four times its text in the reader (the text, its line
/// counts, the layouts of the paragraphs on screen, its analysis: 63 MB of one-line
/// paragraphs peak at 255 MB, one 11 MB word repeated at 46 MB), so the limit keeps that
/// within what a low-spec laptop can spare, and a log, a dump or a disk image named `.txt` is
/// refused at once instead of filling the memory.
pub(super) const MAX_FILE_BYTES: u64 = 64 * MIB;

/// Why a collection could not be opened. Displays as one sentence naming the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LoadError {
    /// The path does not exist.
    Missing(PathBuf),
    /// The path exists but could not be read.
    Unreadable(PathBuf, String),
    /// A folder holds no article file ([`ARTICLE_KINDS`]) with text in it.
    NoTextFiles(PathBuf),
    /// A folder's `.txt` and `.md` files (how many) were all skipped; the first one's reason.
    NoneOpened(PathBuf, usize, String),
    /// The file holds no text.
    Empty(PathBuf),
    /// The file holds NUL bytes or many other control bytes: it is not text.
    Binary(PathBuf),
    /// A file given by name is not an article file ([`ARTICLE_KINDS`]).
    NotText(PathBuf),
    /// The file is larger than basira opens; its size in bytes.
    TooLarge(PathBuf, u64),
    /// The path is a device, a named pipe or a socket, not a file to read.
    NotRegular(PathBuf),
    /// An e-book that is no zip archive, or whose package or a chapter is damaged (the
    /// reason, in the library's words or naming the part).
    DamagedBook(PathBuf, String),
    /// An e-book whose chapters are encrypted (DRM).
    ProtectedBook(PathBuf),
    /// An e-book with a chapter (its name in the archive) larger than the limit (in bytes).
    ChapterTooLarge(PathBuf, String, u64),
    /// An e-book whose chapters hold more text than a file may.
    BookTooLarge(PathBuf),
    /// An e-book without a chapter with text in it.
    NoChapters(PathBuf),
    /// A web page in which no article was found (a section front, a page of links).
    NoArticle(PathBuf),
    /// A web page nesting its elements too deeply, or with too many, to be read in bounded
    /// time and memory.
    PageTooComplex(PathBuf),
}

impl std::error::Error for LoadError {}

/// A value in a sentence about a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part<'a> {
    /// A path.
    Path(&'a Path),
    /// A number.
    Count(u64),
    /// A name: a file's extension, an encoding.
    Name(&'a str),
    /// A reason given by the system or a library, in its own words.
    Reason(&'a str),
}

/// A sentence: its English template, whose `{}` are filled in order by its parts.
pub type Sentence<'a> = (&'static str, Vec<Part<'a>>);

/// The English of `sentence`.
pub fn english((template, parts): &Sentence) -> String {
    let mut out = String::new();
    let mut parts = parts.iter();
    let mut pieces = template.split("{}").peekable();
    while let Some(piece) = pieces.next() {
        out.push_str(piece);
        if pieces.peek().is_none() {
            break;
        }
        match parts.next() {
            Some(Part::Path(path)) => out.push_str(&path.display().to_string()),
            Some(Part::Count(n)) => out.push_str(&n.to_string()),
            Some(Part::Name(text) | Part::Reason(text)) => out.push_str(text),
            None => {}
        }
    }
    out
}

/// The kinds of file basira opens as articles, as sentences name them.
pub const ARTICLE_KINDS: &str = ".txt, .md, .html, .htm, .epub";

impl LoadError {
    /// Why the file or folder could not be opened, as a sentence.
    pub fn sentence(&self) -> Sentence<'_> {
        use Part::{Count, Name, Path, Reason};
        let kinds = Name(ARTICLE_KINDS);
        match self {
            LoadError::Missing(p) => ("{}: no such file or folder", vec![Path(p)]),
            LoadError::Unreadable(p, why) => {
                ("{}: cannot be read ({})", vec![Path(p), Reason(why)])
            }
            LoadError::NoTextFiles(p) => {
                ("{}: the folder holds no article file ({}) with text", vec![Path(p), kinds])
            }
            LoadError::NoneOpened(p, 1, first) => (
                "{}: none of its 1 file could be opened; the first: {}",
                vec![Path(p), Reason(first)],
            ),
            LoadError::NoneOpened(p, count, first) => (
                "{}: none of its {} files could be opened; the first: {}",
                vec![Path(p), Count(*count as u64), Reason(first)],
            ),
            LoadError::Empty(p) => ("{}: the file is empty", vec![Path(p)]),
            LoadError::Binary(p) => ("{}: this is a binary file, not text", vec![Path(p)]),
            LoadError::NotText(p) => ("{}: not an article file ({})", vec![Path(p), kinds]),
            LoadError::TooLarge(p, size) => (
                "{}: the file is {} MB; basira opens files up to {} MB",
                vec![Path(p), Count(size.div_ceil(MIB)), Count(MAX_FILE_BYTES / MIB)],
            ),
            LoadError::NotRegular(p) => ("{}: not a regular file", vec![Path(p)]),
            LoadError::DamagedBook(p, why) => {
                ("{}: the e-book is damaged ({})", vec![Path(p), Reason(why)])
            }
            LoadError::ProtectedBook(p) => {
                ("{}: the e-book is protected by DRM and cannot be read", vec![Path(p)])
            }
            LoadError::ChapterTooLarge(p, chapter, limit) => (
                "{}: its chapter {} is larger than {} MB, the most basira reads of one chapter",
                vec![Path(p), Name(chapter), Count(limit / MIB)],
            ),
            LoadError::BookTooLarge(p) => (
                "{}: the e-book holds more than {} MB of text, the most basira opens",
                vec![Path(p), Count(MAX_FILE_BYTES / MIB)],
            ),
            LoadError::NoChapters(p) => ("{}: the e-book has no chapter with text", vec![Path(p)]),
            LoadError::NoArticle(p) => ("{}: no article was found in this web page", vec![Path(p)]),
            LoadError::PageTooComplex(p) => (
                "{}: the web page nests its elements too deeply or has too many to be read",
                vec![Path(p)],
            ),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&english(&self.sentence()))
    }
}

/// A warning about one file or folder of the collection.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileWarning {
    /// The file could not be opened (why): it was skipped.
    Skipped(LoadError),
    /// A folder could not be listed (the system's reason): its files were not read.
    FolderUnreadable(PathBuf, String),
    /// A link back to a folder already read: skipped.
    LinkBack(PathBuf),
    /// A folder already read, through a link to it: skipped.
    FolderAgain(PathBuf),
    /// Read in a legacy encoding, guessed (its name).
    ReadAs(PathBuf, String),
    /// Not valid UTF-8: this many bytes were replaced with U+FFFD.
    InvalidUtf8(PathBuf, usize),
    /// Not valid UTF-16 (which one): the damaged parts were replaced with U+FFFD.
    InvalidUtf16(PathBuf, String),
}

impl FileWarning {
    /// The warning as a sentence; a skipped file's is the sentence of why it could not be
    /// opened, which [`FileWarning::SKIPPED`] follows.
    pub fn sentence(&self) -> Sentence<'_> {
        use Part::{Count, Name, Path, Reason};
        match self {
            FileWarning::Skipped(error) => error.sentence(),
            FileWarning::FolderUnreadable(p, why) => {
                ("{}: cannot be read ({})", vec![Path(p), Reason(why)])
            }
            FileWarning::LinkBack(p) => {
                ("{}: skipped, a link back to a folder already read", vec![Path(p)])
            }
            FileWarning::FolderAgain(p) => {
                ("{}: skipped, a folder already read through a link to it", vec![Path(p)])
            }
            FileWarning::ReadAs(p, encoding) => ("{}: read as {}", vec![Path(p), Name(encoding)]),
            FileWarning::InvalidUtf8(p, 1) => (
                "{}: not valid {}; 1 invalid byte was replaced with \u{FFFD}",
                vec![Path(p), Name("UTF-8")],
            ),
            FileWarning::InvalidUtf8(p, n) => (
                "{}: not valid {}; {} invalid bytes were replaced with \u{FFFD}",
                vec![Path(p), Name("UTF-8"), Count(*n as u64)],
            ),
            FileWarning::InvalidUtf16(p, encoding) => (
                "{}: not valid {}; the damaged parts were replaced with \u{FFFD}",
                vec![Path(p), Name(encoding)],
            ),
        }
    }

    /// What follows the sentence of a skipped file.
    pub const SKIPPED: &'static str = "; skipped";
}

impl fmt::Display for FileWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&english(&self.sentence()))?;
        if matches!(self, FileWarning::Skipped(_)) {
            f.write_str(FileWarning::SKIPPED)?;
        }
        Ok(())
    }
}

/// Why a file or folder could not be read, in words («permission denied») without the
/// system's error number.
pub(super) fn reason(e: &std::io::Error) -> String {
    let text = e.to_string();
    let text = text.find(" (os error").map_or(text.as_str(), |end| &text[..end]);
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// Why the file at `path` could not be read, as a [`LoadError`].
pub(super) fn read_error(path: &Path, error: ReadError) -> LoadError {
    match error {
        ReadError::NotRegular(_) => LoadError::NotRegular(path.to_path_buf()),
        ReadError::TooLarge(size) => LoadError::TooLarge(path.to_path_buf(), size),
        ReadError::Io(e) => LoadError::Unreadable(path.to_path_buf(), reason(&e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_read_as_they_always_did_in_english() {
        let p = PathBuf::from("/srv/a.txt");
        let big = LoadError::TooLarge(p.clone(), 70 * MIB);
        assert_eq!(
            big.to_string(),
            "/srv/a.txt: the file is 70 MB; basira opens files up to 64 MB"
        );
        let none = LoadError::NoneOpened(p.clone(), 3, "x: the file is empty".into());
        assert_eq!(
            none.to_string(),
            "/srv/a.txt: none of its 3 files could be opened; the first: x: the file is empty"
        );
        let skipped = FileWarning::Skipped(LoadError::Binary(p.clone()));
        assert_eq!(skipped.to_string(), "/srv/a.txt: this is a binary file, not text; skipped");
        assert_eq!(
            FileWarning::InvalidUtf8(p, 2).to_string(),
            "/srv/a.txt: not valid UTF-8; 2 invalid bytes were replaced with \u{FFFD}"
        );
    }
}
