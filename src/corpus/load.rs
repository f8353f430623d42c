//! Finding, reading and decoding the articles: the built-in collection, files and folders.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use super::{Document, parse_document};

/// The built-in articles, embedded in the binary: (file name, text).
const BUILTIN: [(&str, &str); 5] = [
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
    /// Files that were skipped, each as one sentence naming the file.
    pub warnings: Vec<String>,
}

/// Why a collection could not be opened. Displays as one sentence naming the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The path does not exist.
    Missing(PathBuf),
    /// The path exists but could not be read.
    Unreadable(PathBuf, String),
    /// A folder holds no `.txt` or `.md` file with text in it.
    NoTextFiles(PathBuf),
    /// The file holds no text.
    Empty(PathBuf),
    /// The file holds NUL bytes: it is not text.
    Binary(PathBuf),
    /// A file given by name is not a `.txt` or `.md` file.
    NotText(PathBuf),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Missing(p) => write!(f, "{}: no such file or folder", p.display()),
            LoadError::Unreadable(p, why) => write!(f, "{}: cannot be read ({why})", p.display()),
            LoadError::NoTextFiles(p) => {
                write!(f, "{}: the folder holds no .txt or .md file with text", p.display())
            }
            LoadError::Empty(p) => write!(f, "{}: the file is empty", p.display()),
            LoadError::Binary(p) => {
                write!(f, "{}: this is a binary file, not text", p.display())
            }
            LoadError::NotText(p) => {
                write!(f, "{}: not a .txt or .md file", p.display())
            }
        }
    }
}

impl std::error::Error for LoadError {}

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
        if paths.is_empty() {
            return Ok(Corpus::builtin());
        }
        let mut corpus = Corpus { documents: Vec::new(), warnings: Vec::new() };
        for path in paths {
            let meta = fs::metadata(path).map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => LoadError::Missing(path.clone()),
                _ => LoadError::Unreadable(path.clone(), e.to_string()),
            })?;
            if meta.is_dir() {
                let before = corpus.documents.len();
                let mut files = Vec::new();
                collect_text_files(path, &mut files, &mut corpus.warnings);
                for file in files {
                    match read_document(&file) {
                        Ok(doc) => corpus.documents.push(doc),
                        Err(e) => corpus.warnings.push(e.to_string()),
                    }
                }
                if corpus.documents.len() == before {
                    return Err(LoadError::NoTextFiles(path.clone()));
                }
            } else {
                corpus.documents.push(read_document(path)?);
            }
        }
        Ok(corpus)
    }
}

/// Whether the file name ends in `.txt` or `.md` (any case).
fn is_text_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
}

/// Whether the file is Markdown.
fn is_markdown(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("md"))
}

/// All `.txt`/`.md` files under `dir`, depth first, each folder's entries in name order.
fn collect_text_files(dir: &Path, out: &mut Vec<PathBuf>, warnings: &mut Vec<String>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            warnings.push(format!("{}: cannot be read ({e})", dir.display()));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect_text_files(&path, out, warnings);
        } else if is_text_file(&path) {
            out.push(path);
        }
    }
}

/// Read, decode and parse one file.
fn read_document(path: &Path) -> Result<Document, LoadError> {
    if !is_text_file(path) {
        return Err(LoadError::NotText(path.to_path_buf()));
    }
    let bytes =
        fs::read(path).map_err(|e| LoadError::Unreadable(path.to_path_buf(), e.to_string()))?;
    let text = decode(path, &bytes)?;
    Ok(parse_document(&path.display().to_string(), &text, is_markdown(path)))
}

/// Bytes to text: UTF-8 with or without a byte-order mark. Refuses empty and binary files.
fn decode(path: &Path, bytes: &[u8]) -> Result<String, LoadError> {
    if bytes.contains(&0) {
        return Err(LoadError::Binary(path.to_path_buf()));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = String::from_utf8_lossy(bytes).into_owned();
    if text.trim().is_empty() {
        return Err(LoadError::Empty(path.to_path_buf()));
    }
    Ok(text)
}
