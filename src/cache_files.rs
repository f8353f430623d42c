//! The files basira keeps in its cache directory (the analyses of collections, and folders as
//! they were read): where they live, how one is written (whole or not at all), and which are
//! kept (the most recently used of each kind).

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The cache directory: `$XDG_CACHE_HOME/basira` (or the platform's equivalent).
pub fn cache_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "basira").map(|d| d.cache_dir().to_path_buf())
}

/// Mark the file at `path` as just used, so that pruning keeps it.
pub fn mark_used(path: &Path) {
    let _ = fs::File::options()
        .write(true)
        .open(path)
        .and_then(|file| file.set_modified(SystemTime::now()));
}

/// Write the file at `path` in `dir` through a temporary file in the same folder renamed into
/// place, so that it is whole or absent; then remove all but the `keep` most recently used
/// files of `dir` whose names start with `kind`.
pub fn write_atomically(
    dir: &Path,
    path: &Path,
    kind: &str,
    keep: usize,
    write: impl FnOnce(&mut BufWriter<&mut tempfile::NamedTempFile>) -> io::Result<()>,
) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    let mut writer = BufWriter::new(&mut file);
    write(&mut writer)?;
    writer.flush()?;
    drop(writer);
    file.persist(path).map_err(|e| e.error)?;
    prune(dir, kind, keep);
    Ok(())
}

/// Remove all but the `keep` most recently used files of `dir` whose names start with
/// `kind`, those of earlier versions included. Files that cannot be looked at or removed are
/// left.
fn prune(dir: &Path, kind: &str, keep: usize) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    let mut files: Vec<(SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_str().is_some_and(|name| name.starts_with(kind)))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    files.sort_by_key(|(used, _)| std::cmp::Reverse(*used));
    for (_, path) in files.into_iter().skip(keep) {
        let _ = fs::remove_file(path);
    }
}
