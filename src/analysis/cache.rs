//! The analysis cache: one file per collection in the XDG cache directory, named by a hash
//! of everything the analysis depends on (the analysis version, the theme source, and the
//! text and role of every paragraph in order). The file is the [`Analysis`] in postcard, a
//! compact binary serde format (at 10,000 articles JSON was four times the size and took
//! most of a second to decode), framed with basira's header and a checksum
//! ([`crate::cache_files`]). A missing, unreadable, truncated, damaged or stale file only
//! means the analysis is computed again (a damaged one is deleted first). The eight most
//! recently used files are kept, the rest removed when a new one is written.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use super::{Analysis, ThemeSource};
use crate::cache_files::{cache_dir, mark_used, read_verified, write_atomically};
use crate::corpus::{Boilerplate, Corpus, Document, Role};

/// How many collections' analyses the cache keeps, the most recently used: a folder that
/// gains an article a day would otherwise leave a file behind each day.
pub const KEPT_ANALYSES: usize = 8;

/// Bumped whenever the analysis changes what it computes or how the file is written, so that
/// old files are not read (the crate version and the sources' fingerprint, which a build of
/// other sources changes, are part of the key too).
const ANALYSIS_VERSION: &str = "basira-analysis-10";

/// A SHA-256 fed field by field without allocating: every string and list is preceded by its
/// length, so that two different inputs never run together into the same bytes.
struct KeyHasher(Sha256);

impl KeyHasher {
    /// A count or a length, as eight little-endian bytes.
    fn number(&mut self, n: usize) {
        self.0.update((n as u64).to_le_bytes());
    }

    /// A string, after its length.
    fn text(&mut self, text: &str) {
        self.number(text.len());
        self.0.update(text);
    }
}

/// The content hash that names a collection's cache file.
pub fn key(corpus: &Corpus, themes: &ThemeSource) -> String {
    let mut hash = KeyHasher(Sha256::new());
    hash.text(ANALYSIS_VERSION);
    hash.text(env!("CARGO_PKG_VERSION"));
    hash.text(env!("BASIRA_SOURCES"));
    hash.text(super::RANKER.name());
    hash.number(super::RANKER.version() as usize);
    match themes {
        ThemeSource::Discovered => hash.text("discovered"),
        ThemeSource::Curated(definitions) => {
            hash.text("curated");
            hash.number(definitions.len());
            for d in definitions {
                hash.text(&d.id);
                hash.text(&d.label);
                match &d.label_en {
                    None => hash.number(0),
                    Some(label) => {
                        hash.number(1);
                        hash.text(label);
                    }
                }
                hash.number(d.terms.len());
                for term in &d.terms {
                    hash.text(term);
                }
            }
        }
    }
    // Each document is hashed on its own, on every core, and the key hashes their digests.
    let documents: Vec<[u8; 32]> = corpus.documents.par_iter().map(document_digest).collect();
    hash.number(documents.len());
    for digest in &documents {
        hash.0.update(digest);
    }
    hash.0.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The SHA-256 of one document's paragraphs: their count, then each one's role, furniture
/// and text.
fn document_digest(document: &Document) -> [u8; 32] {
    let mut hash = KeyHasher(Sha256::new());
    hash.number(document.paragraphs.len());
    for paragraph in &document.paragraphs {
        let role = match paragraph.role {
            Role::Title => [0, 0],
            Role::Byline => [1, 0],
            Role::Heading(level) => [2, level],
            Role::Body => [3, 0],
        };
        hash.0.update(role);
        hash.text(paragraph.boilerplate.map_or("", Boilerplate::name));
        hash.text(&paragraph.text);
    }
    hash.0.finalize().into()
}

/// The analysis of a collection: read from the cache when it is there, else computed and
/// written to the cache (atomically: a temporary file renamed into place).
pub fn load_or_compute(corpus: &Corpus, themes: &ThemeSource) -> Analysis {
    match cache_dir() {
        Some(dir) => load_or_compute_in(&dir, corpus, themes),
        None => Analysis::new(corpus, themes),
    }
}

/// [`load_or_compute`] with the cache in `dir`.
pub fn load_or_compute_in(dir: &Path, corpus: &Corpus, themes: &ThemeSource) -> Analysis {
    let path = file_in(dir, corpus, themes);
    if let Some(analysis) = read_verified(&path).and_then(|bytes| decode(&bytes)) {
        mark_used(&path);
        return analysis;
    }
    let analysis = Analysis::new(corpus, themes);
    // A cache that cannot be written is not an error: the next run computes again.
    let _ = store(dir, &path, &analysis);
    analysis
}

/// Write `analysis` as the cache of this collection in `dir` (what [`load_or_compute_in`]
/// does after computing it), and give the file's path.
pub fn store_in(
    dir: &Path,
    corpus: &Corpus,
    themes: &ThemeSource,
    analysis: &Analysis,
) -> std::io::Result<PathBuf> {
    let path = file_in(dir, corpus, themes);
    store(dir, &path, analysis)?;
    Ok(path)
}

/// The cache file of a collection in `dir`.
pub fn file_in(dir: &Path, corpus: &Corpus, themes: &ThemeSource) -> PathBuf {
    dir.join(format!("analysis-{}.postcard", key(corpus, themes)))
}

/// The analysis a file holds, if it holds one and nothing after it.
fn decode(bytes: &[u8]) -> Option<Analysis> {
    match postcard::take_from_bytes(bytes) {
        Ok((analysis, [])) => Some(analysis),
        _ => None,
    }
}

/// Write the analysis to `path` through a temporary file in the same folder, keeping the
/// [`KEPT_ANALYSES`] most recently used analyses.
fn store(dir: &Path, path: &Path, analysis: &Analysis) -> std::io::Result<()> {
    write_atomically(dir, path, "analysis-", KEPT_ANALYSES, |out| {
        postcard::to_io(analysis, out).map(drop).map_err(std::io::Error::other)
    })
}
