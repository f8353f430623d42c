//! Finding, reading and decoding the articles: the built-in collection, files and folders.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::decode::{Decoded, decode};
use super::epub::{self, is_book};
use super::problem::{FileWarning, LoadError, MAX_FILE_BYTES, read_error, reason};
use super::stored::{self, FileRead};
use super::web_page::{is_web_page, read_web_page};
use super::{Document, parse_document};
use crate::files::read_regular;
use crate::text::Direction;

/// The built-in articles, embedded in the binary: (file name, text).
pub(super) const BUILTIN: [(&str, &str); 5] = [
    (
        "01-international-cooperation.txt",
        include_str!("../../assets/articles/01-international-cooperation.txt"),
    ),
    (
        "02-experts-warn-on-platforms.txt",
        include_str!("../../assets/articles/02-experts-warn-on-platforms.txt"),
    ),
    (
        "03-terrorism-and-social-networks.txt",
        include_str!("../../assets/articles/03-terrorism-and-social-networks.txt"),
    ),
    (
        "04-virtual-haven-for-daesh.txt",
        include_str!("../../assets/articles/04-virtual-haven-for-daesh.txt"),
    ),
    (
        "05-iraq-pursues-digital-terrorism.txt",
        include_str!("../../assets/articles/05-iraq-pursues-digital-terrorism.txt"),
    ),
];

/// The articles open in basira, in the order they are listed.
#[derive(Clone, Debug)]
pub struct Corpus {
    /// The documents, in name order within each folder and in the order the paths were given.
    pub documents: Vec<Document>,
    /// Files that were skipped, and files read in a legacy encoding or with invalid bytes
    /// replaced.
    pub warnings: Vec<FileWarning>,
}

impl Corpus {
    /// The five built-in articles.
    pub fn builtin() -> Corpus {
        let documents = BUILTIN
            .iter()
            .map(|(name, text)| parse_document(&format!("builtin:{name}"), text, false))
            .collect();
        Corpus { documents, warnings: Vec::new() }
    }

    /// Whether these are the built-in articles.
    pub fn is_builtin(&self) -> bool {
        !self.documents.is_empty() && self.documents.iter().all(|d| d.path.starts_with("builtin:"))
    }

    /// Open the given files and folders (folders recursively, in name order), or the built-in
    /// articles when `paths` is empty.
    pub fn open(paths: &[PathBuf]) -> Result<Corpus, LoadError> {
        Corpus::open_keeping_folders(paths, None)
    }

    /// [`Corpus::open`], with each folder's files, as they were read, kept in the cache
    /// directory `cache` and taken from there while the files stay as they were (see
    /// [`stored`](super::stored)).
    pub fn open_keeping_folders(
        paths: &[PathBuf],
        cache: Option<&Path>,
    ) -> Result<Corpus, LoadError> {
        if paths.is_empty() {
            return Ok(Corpus::builtin());
        }
        let mut corpus = Corpus { documents: Vec::new(), warnings: Vec::new() };
        for path in paths {
            corpus.add(path, cache)?;
        }
        Ok(corpus)
    }

    /// [`Corpus::open_keeping_folders`] for the reader: of several paths, one that cannot be
    /// opened (missing, unreadable, holding no text) is skipped with a warning, which `W`
    /// lists, instead of stopping the others; when none can be, why the first could not.
    pub fn open_what_can_be(paths: &[PathBuf], cache: Option<&Path>) -> Result<Corpus, LoadError> {
        if paths.len() < 2 {
            return Corpus::open_keeping_folders(paths, cache);
        }
        let mut corpus = Corpus { documents: Vec::new(), warnings: Vec::new() };
        let mut first_error = None;
        for path in paths {
            if let Err(error) = corpus.add(path, cache) {
                first_error.get_or_insert_with(|| error.clone());
                corpus.warnings.push(FileWarning::Skipped(error));
            }
        }
        match first_error {
            Some(error) if corpus.documents.is_empty() => Err(error),
            _ => Ok(corpus),
        }
    }

    /// Add the articles of `path`: a folder's, or a file's.
    fn add(&mut self, path: &Path, cache: Option<&Path>) -> Result<(), LoadError> {
        let meta = given_path(path)?;
        if meta.is_dir() {
            self.open_folder(path, &meta, cache)
        } else {
            let (documents, warning) = read_document(path)?;
            self.documents.extend(documents);
            self.warnings.extend(warning);
            Ok(())
        }
    }

    /// The article a reader shows first, read on its own before the rest of `paths`: the file
    /// `preferred` names (a canonical path, the article open at the last exit) when it is one
    /// of them, else the first. None for the built-in articles, and whenever opening all of
    /// `paths` could fail (a path missing, a folder holding no text file, the first file
    /// unreadable): [`Corpus::open_keeping_folders`] then says why before the reader starts.
    pub fn first_article(paths: &[PathBuf], preferred: Option<&str>) -> Option<FirstArticle> {
        let mut files = Vec::new();
        for path in paths {
            let meta = fs::metadata(path).ok()?;
            if meta.is_dir() {
                let found = folder_files(path, &meta, &mut Vec::new()).ok()?;
                if found.is_empty() {
                    return None;
                }
                files.extend(found);
            } else if meta.is_file() && is_text_file(path) {
                files.push(path.clone());
            } else if meta.is_file() && is_book(path) {
                // A book's chapters come with the collection, none read ahead.
                return None;
            } else {
                return None;
            }
        }
        let is_preferred = |file: &&PathBuf| {
            let same_name = preferred.is_some_and(|p| Path::new(p).file_name() == file.file_name());
            same_name
                && fs::canonicalize(file)
                    .ok()
                    .and_then(|c| c.to_str().map(str::to_owned))
                    .as_deref()
                    == preferred
        };
        let first = files.iter().find(is_preferred).or(files.first())?;
        if is_book(first) {
            return None;
        }
        read_first_article(first).ok()
    }

    /// Add every `.txt`/`.md` file under the folder `dir`; files that cannot be opened are
    /// skipped with a warning. Refuses a folder in which no file could be opened.
    fn open_folder(
        &mut self,
        dir: &Path,
        meta: &fs::Metadata,
        cache: Option<&Path>,
    ) -> Result<(), LoadError> {
        let before = self.documents.len();
        let files = folder_files(dir, meta, &mut self.warnings)?;
        let reads = match cache {
            Some(cache) => stored::reuse_or_read(cache, &files, read_files),
            None => read_files(&files),
        };
        let mut first_skipped = None;
        for read in reads {
            match read {
                Ok((documents, warning)) => {
                    self.documents.extend(documents);
                    self.warnings.extend(warning);
                }
                Err(skipped) => {
                    first_skipped.get_or_insert_with(|| skipped.to_string());
                    self.warnings.push(FileWarning::Skipped(skipped));
                }
            }
        }
        if self.documents.len() == before {
            return Err(nothing_opened(dir, files.len(), first_skipped));
        }
        Ok(())
    }
}

/// What a path given to open is (links followed), or why it cannot be opened.
pub(super) fn given_path(path: &Path) -> Result<fs::Metadata, LoadError> {
    fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::Missing(path.to_path_buf()),
        _ => LoadError::Unreadable(path.to_path_buf(), reason(&e)),
    })
}

/// Every `.txt`/`.md` file under the folder `dir` (whose metadata is `meta`), as
/// [`collect_text_files`] finds them, with its warnings. A folder that cannot be listed is
/// named with the reason (permission denied, say), not as a folder without text.
pub(super) fn folder_files(
    dir: &Path,
    meta: &fs::Metadata,
    warnings: &mut Vec<FileWarning>,
) -> Result<Vec<PathBuf>, LoadError> {
    if let Err(e) = fs::read_dir(dir) {
        return Err(LoadError::Unreadable(dir.to_path_buf(), reason(&e)));
    }
    let mut visited = HashSet::from([folder_id(dir, meta)]);
    let mut files = Vec::new();
    collect_text_files(dir, &mut visited, &mut files, warnings);
    Ok(files)
}

/// Why the folder `dir`, in which `found` text files were found, gave no article: it holds
/// none, or every one was skipped (`first_skipped` says why the first was).
pub(super) fn nothing_opened(dir: &Path, found: usize, first_skipped: Option<String>) -> LoadError {
    match first_skipped {
        Some(first) => LoadError::NoneOpened(dir.to_path_buf(), found, first),
        None => LoadError::NoTextFiles(dir.to_path_buf()),
    }
}

/// What each file gives, in the files' order: read and parsed on every core.
fn read_files(files: &[PathBuf]) -> Vec<FileRead> {
    let read = |file: &PathBuf| read_document(file);
    files.par_iter().map(read).collect()
}

/// What identifies a folder however it is reached: its device and inode numbers.
#[cfg(unix)]
type FolderId = (u64, u64);

/// What identifies a folder however it is reached: its canonical path.
#[cfg(not(unix))]
type FolderId = PathBuf;

/// The identity of the folder at `path`, whose metadata (links followed) is `meta`.
#[cfg(unix)]
fn folder_id(_path: &Path, meta: &fs::Metadata) -> FolderId {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

/// The identity of the folder at `path`, whose metadata (links followed) is `meta`.
#[cfg(not(unix))]
fn folder_id(path: &Path, _meta: &fs::Metadata) -> FolderId {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Whether the file is one basira reads articles from: its name ends in `.txt` or `.md`, or
/// it is a saved web page (any case).
pub(super) fn is_text_file(path: &Path) -> bool {
    let txt_or_md = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"));
    txt_or_md || is_web_page(path)
}

/// Whether the file is one basira opens: text (`.txt`, `.md`), a saved web page or an
/// e-book (`.epub`).
pub(super) fn is_article_file(path: &Path) -> bool {
    is_text_file(path) || is_book(path)
}

/// Whether the file's article is read as Markdown: a Markdown file, or a web page (whose
/// article comes out of it as Markdown).
pub(super) fn is_markdown(path: &Path) -> bool {
    let md =
        path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("md"));
    md || is_web_page(path)
}

/// Whether the folder at `path` is the assets of a web page saved beside it ("Web page,
/// complete" saves `NAME.html` and its images, styles and scripts in `NAME_files/`): not
/// articles.
fn is_saved_page_assets(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else { return false };
    let Some(page) = name.strip_suffix("_files").filter(|page| !page.is_empty()) else {
        return false;
    };
    ["html", "htm", "HTML", "HTM"]
        .iter()
        .any(|ext| path.with_file_name(format!("{page}.{ext}")).is_file())
}

/// All `.txt`/`.md` files under `dir`, depth first, each folder's entries in name order.
/// Links are followed, but a folder already in `visited` is not read again (a link back to
/// a parent would otherwise be read forever): it is skipped with a warning.
fn collect_text_files(
    dir: &Path,
    visited: &mut HashSet<FolderId>,
    out: &mut Vec<PathBuf>,
    warnings: &mut Vec<FileWarning>,
) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            warnings.push(FileWarning::FolderUnreadable(dir.to_path_buf(), e.to_string()));
            return;
        }
    };
    // The entry's own type comes with the listing; only folders and links are looked at
    // further (a folder's identity, where a link leads), not each of thousands of files.
    let mut listed: Vec<(PathBuf, Option<fs::FileType>)> =
        entries.filter_map(|e| e.ok().map(|e| (e.path(), e.file_type().ok()))).collect();
    listed.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, file_type) in listed {
        let plain_file = file_type.is_some_and(|t| !t.is_dir() && !t.is_symlink());
        if plain_file {
            if is_article_file(&path) {
                out.push(path);
            }
            continue;
        }
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() && is_saved_page_assets(&path) => {}
            Ok(meta) if meta.is_dir() => {
                if visited.insert(folder_id(&path, &meta)) {
                    collect_text_files(&path, visited, out, warnings);
                } else {
                    warnings.push(revisit_warning(&path));
                }
            }
            _ if is_article_file(&path) => out.push(path),
            _ => {}
        }
    }
}

/// Why the folder at `path`, already read, is skipped: it is a link back to a folder read
/// before, or the folder itself, read before through a link to it.
fn revisit_warning(path: &Path) -> FileWarning {
    let is_link = fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_symlink());
    if is_link {
        FileWarning::LinkBack(path.to_path_buf())
    } else {
        FileWarning::FolderAgain(path.to_path_buf())
    }
}

/// How much of a large article's text is parsed for its first screen, while the whole of it
/// is read with the rest of the collection: enough for many screens, little enough to be
/// parsed and drawn at once.
const FIRST_ARTICLE_BYTES: usize = 256 * 1024;

/// The article a reader shows first, read before the rest of the collection.
pub struct FirstArticle {
    /// The article, or of a large one its opening (see [`FirstArticle::whole`]).
    pub document: Document,
    /// Whether that is the whole article; if not, the whole of it comes with the collection.
    pub whole: bool,
}

/// Read and decode one file and parse it, or of a large one its opening paragraphs.
fn read_first_article(path: &Path) -> Result<FirstArticle, LoadError> {
    let decoded = article_text(path)?;
    let (text, whole) = opening(&decoded.text, FIRST_ARTICLE_BYTES);
    let document = parse_document(&path.display().to_string(), text, is_markdown(path));
    Ok(FirstArticle { document, whole })
}

/// `text`, or when it is longer than `limit` bytes its opening, cut at the last paragraph
/// break (else line break, else character) within the limit; and whether it is all of it.
fn opening(text: &str, limit: usize) -> (&str, bool) {
    if text.len() <= limit {
        return (text, true);
    }
    let cut = (0..=limit).rev().find(|&at| text.is_char_boundary(at)).unwrap_or(0);
    let head = &text[..cut];
    let end = head.rfind("\n\n").or_else(|| head.rfind('\n')).filter(|&end| end > 0);
    (&text[..end.unwrap_or(cut)], false)
}

/// Read, decode and parse one file, with the note about its encoding if there is one: its
/// article, or an e-book's chapters.
fn read_document(path: &Path) -> Result<(Vec<Document>, Option<FileWarning>), LoadError> {
    if is_book(path) {
        return Ok((book_documents(path)?, None));
    }
    let decoded = article_text(path)?;
    let document = parse_document(&path.display().to_string(), &decoded.text, is_markdown(path));
    Ok((vec![document], decoded.warning))
}

/// The chapters of the e-book at `path` as articles: the chapter `N` (from 1, in reading
/// order) at `PATH#N`, titled «book — chapter» by the table of contents' name or its own
/// title, in the book's direction when it says it runs right to left.
fn book_documents(path: &Path) -> Result<Vec<Document>, LoadError> {
    let book = epub::read_book(path)?;
    let shown = path.display();
    let documents = book.chapters.into_iter().enumerate().map(|(at, chapter)| {
        let mut document = parse_document(&format!("{shown}#{}", at + 1), &chapter.markdown, true);
        let own = (!document.title_is_derived).then(|| document.title.clone());
        let name = chapter.name.or(own).unwrap_or_else(|| (at + 1).to_string());
        document.title = format!("{} — {name}", book.title);
        document.title_is_derived = false;
        if book.rtl {
            document.direction = Direction::Rtl;
        }
        document
    });
    Ok(documents.collect())
}

/// The article text of the file at `path`, decoded: a text or Markdown file's text, or the
/// article of a web page as Markdown.
pub(super) fn article_text(path: &Path) -> Result<Decoded, LoadError> {
    let bytes = read_text_file(path)?;
    if is_web_page(path) { read_web_page(path, bytes) } else { decode(path, bytes) }
}

/// The bytes of a `.txt`, `.md` or web page file, read as [`read_regular`] reads: a named pipe or a
/// device (even one swapped in after the folder was listed) is refused, never waited on.
pub(super) fn read_text_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    if !is_text_file(path) && fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return Err(LoadError::NotText(path.to_path_buf()));
    }
    read_regular(path, MAX_FILE_BYTES).map_err(|e| read_error(path, e))
}
