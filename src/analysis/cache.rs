//! The analysis cache: one JSON file per collection in the XDG cache directory, named by a
//! hash of everything the analysis depends on (the analysis version, the theme source, and
//! the text of every paragraph in order). A missing, unreadable or stale file only means the
//! analysis is computed again.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::{Analysis, ThemeSource};
use crate::corpus::Corpus;

/// Bumped whenever the analysis changes what it computes, so that old files are not read
/// (the crate version is part of the key too).
const ANALYSIS_VERSION: &str = "basira-analysis-3";

/// The cache directory: `$XDG_CACHE_HOME/basira` (or the platform's equivalent).
fn cache_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "basira").map(|d| d.cache_dir().to_path_buf())
}

/// The content hash that names a collection's cache file.
pub fn key(corpus: &Corpus, themes: &ThemeSource) -> String {
    let mut hash = Sha256::new();
    hash.update(ANALYSIS_VERSION);
    hash.update(env!("CARGO_PKG_VERSION"));
    match themes {
        ThemeSource::Discovered => hash.update("discovered"),
        ThemeSource::Curated(definitions) => {
            for d in definitions {
                hash.update(format!("{:?}", (&d.id, &d.label, &d.label_en, &d.terms)));
            }
        }
    }
    for document in &corpus.documents {
        hash.update([0x1e]);
        for paragraph in &document.paragraphs {
            hash.update(format!("{:?}{:?}", paragraph.role, paragraph.boilerplate));
            hash.update(&paragraph.text);
            hash.update([0x1f]);
        }
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
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
    if let Some(analysis) = fs::read(&path).ok().and_then(|b| serde_json::from_slice(&b).ok()) {
        return analysis;
    }
    let analysis = Analysis::new(corpus, themes);
    // A cache that cannot be written is not an error: the next run computes again.
    let _ = store(dir, &path, &analysis);
    analysis
}

/// The cache file of a collection in `dir`.
pub fn file_in(dir: &Path, corpus: &Corpus, themes: &ThemeSource) -> PathBuf {
    dir.join(format!("analysis-{}.json", key(corpus, themes)))
}

/// Write the analysis to `path` through a temporary file in the same folder.
fn store(dir: &Path, path: &Path, analysis: &Analysis) -> std::io::Result<()> {
    fs::create_dir_all(dir)?;
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    serde_json::to_writer(std::io::BufWriter::new(&mut file), analysis)?;
    file.flush()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}
