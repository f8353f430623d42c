//! E-books (EPUB 2 and 3): one article per chapter, in spine order, each titled with the
//! book's title and the chapter's name from the table of contents (else its first heading).
//!
//! Our own reader on `zip` and `roxmltree` (see Cargo.toml for why not `rbook`; the `epub`
//! crate is GPL). What is read is bounded: each chapter's XHTML is at most
//! [`MAX_CHAPTER_BYTES`] once inflated, and the chapters together at most the text limit
//! of any file ([`MAX_FILE_BYTES`]); images are never inflated, so they count against
//! nothing. Fonts obfuscated as `encryption.xml` says are not DRM; encrypted chapters are,
//! and such a book is refused with one sentence, as is a damaged archive.

mod archive;
mod chapter;
mod package;
mod xml;

use std::path::Path;

use archive::{Archive, EntryError};
use package::{Package, PackageError};

use super::problem::{LoadError, MAX_FILE_BYTES, read_error};
use crate::files::open_regular;

/// The most bytes of one chapter's XHTML: a chapter of a long novel is a few hundred
/// kilobytes; its tree takes some ten times its text while it is read.
pub(super) const MAX_CHAPTER_BYTES: u64 = 16 * 1024 * 1024;

/// A book as basira reads it.
#[derive(Debug)]
pub(super) struct Book {
    /// The book's title, else its file name.
    pub title: String,
    /// Whether the book runs right to left: its spine says so, or its language is written
    /// right to left.
    pub rtl: bool,
    /// The chapters with text, in reading order.
    pub chapters: Vec<Chapter>,
}

/// One chapter of a book.
#[derive(Debug)]
pub(super) struct Chapter {
    /// Its name in the table of contents, if it has one.
    pub name: Option<String>,
    /// Its text as Markdown.
    pub markdown: String,
}

/// Whether the file is an e-book by its name (`.epub`, any case).
pub(super) fn is_book(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("epub"))
}

/// Read the book at `path`: its title, direction and chapters.
pub(super) fn read_book(path: &Path) -> Result<Book, LoadError> {
    let file = || path.to_path_buf();
    let opened = open_regular(path).map_err(|e| read_error(path, e))?;
    let mut archive = Archive::open(opened).map_err(|why| LoadError::DamagedBook(file(), why))?;
    let package = Package::read(&mut archive).map_err(|e| match e {
        PackageError::Damaged(why) => LoadError::DamagedBook(file(), why),
        PackageError::Protected => LoadError::ProtectedBook(file()),
    })?;
    let mut chapters = Vec::new();
    let mut total = 0u64;
    for entry in &package.chapters {
        let bytes = match archive.read(entry, MAX_CHAPTER_BYTES) {
            Ok(bytes) => bytes,
            // A spine item missing from the archive: the others are still the book.
            Err(EntryError::Missing) => continue,
            Err(EntryError::TooLarge) => {
                return Err(LoadError::ChapterTooLarge(file(), entry.clone(), MAX_CHAPTER_BYTES));
            }
            Err(EntryError::Damaged(why)) => {
                return Err(LoadError::DamagedBook(file(), format!("{entry}: {why}")));
            }
        };
        total += bytes.len() as u64;
        if total > MAX_FILE_BYTES {
            return Err(LoadError::BookTooLarge(file()));
        }
        let text = xml::decode(&bytes);
        drop(bytes);
        let markdown = chapter_markdown(&text)
            .map_err(|why| LoadError::DamagedBook(file(), format!("{entry}: {why}")))?;
        if !markdown.trim().is_empty() {
            chapters.push(Chapter { name: package.names.get(entry).cloned(), markdown });
        }
    }
    if chapters.is_empty() {
        return Err(LoadError::NoChapters(file()));
    }
    let file_name = path.file_stem().map(|s| s.to_string_lossy().into_owned());
    Ok(Book {
        title: package.title.clone().or(file_name).unwrap_or_default(),
        rtl: package.rtl || package.language.as_deref().is_some_and(written_right_to_left),
        chapters,
    })
}

/// The Markdown of a chapter's XHTML `text`, or why it is not well-formed.
fn chapter_markdown(text: &str) -> Result<String, roxmltree::Error> {
    let of = |xml: roxmltree::Document| {
        let body = xml.descendants().find(|n| n.has_tag_name("body"));
        chapter::markdown(body.unwrap_or(xml.root_element()))
    };
    match xml::parse(text) {
        Ok(tree) => Ok(of(tree)),
        Err(roxmltree::Error::UnknownEntityReference(..)) => {
            let Some(fixed) = xml::with_html_entities(text) else {
                return xml::parse(text).map(of);
            };
            xml::parse(&fixed).map(of)
        }
        Err(e) => Err(e),
    }
}

/// Whether the language tag names a language written right to left (its primary subtag:
/// Arabic, Persian, Urdu, Hebrew, Yiddish, Pashto, Sorani, Sindhi, Dhivehi, Uyghur).
fn written_right_to_left(language: &str) -> bool {
    const RTL: [&str; 10] = ["ar", "fa", "ur", "he", "yi", "ps", "ckb", "sd", "dv", "ug"];
    let primary = language.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
    RTL.contains(&primary.as_str())
}
