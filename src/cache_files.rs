//! The files basira keeps in its cache directory (the analyses of collections, and folders as
//! they were read): where they live, how one is written (whole or not at all), how it is
//! trusted again, and which are kept (the most recently used of each kind).
//!
//! Every cache file is framed: basira's header (`HEADER`), the content, and the XXH3-64
//! checksum of the content. A file is only decoded once its header and checksum are right; a
//! file that is not is deleted, and whoever asked computes it again. Pruning only ever removes
//! files with basira's header, whatever their names: a cache folder linked to a shared one
//! keeps its other files.

use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use xxhash_rust::xxh3::Xxh3;

use crate::atomic_file::AtomicFile;
use crate::files::{open_regular, read_regular};

/// The bytes every cache file of basira starts with (and the frame's version).
const HEADER: &[u8; 16] = b"basira cache \x00\x01\n";

/// How many bytes the checksum after the content takes.
const CHECKSUM: u64 = 8;
/// The largest cache file read whole: a 10,000-article collection's analysis is some 20 MB.
const MAX_CACHE_BYTES: u64 = 1024 * 1024 * 1024;

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

/// A writer that passes the content on and sums it as it goes.
pub struct Content<'a> {
    out: BufWriter<&'a mut File>,
    sum: Xxh3,
}

impl Write for Content<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let written = self.out.write(bytes)?;
        self.sum.update(&bytes[..written]);
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Write the file at `path` in `dir`, framed (see the module notes), through a temporary file
/// in the same folder renamed into place, so that it is whole or absent; then remove all but
/// the `keep` most recently used of basira's files of `dir` whose names start with `kind`.
pub fn write_atomically(
    dir: &Path,
    path: &Path,
    kind: &str,
    keep: usize,
    write: impl FnOnce(&mut Content) -> io::Result<()>,
) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    AtomicFile::new(path).rebuildable().write(|file| {
        let mut out = BufWriter::new(file);
        out.write_all(HEADER)?;
        let mut content = Content { out, sum: Xxh3::new() };
        write(&mut content)?;
        let digest = content.sum.digest();
        content.out.write_all(&digest.to_le_bytes())?;
        content.out.flush()
    })?;
    prune(dir, kind, keep);
    Ok(())
}

/// The content of the file at `path`, if it is one of basira's whole and unchanged; a file
/// that is not (cut short, a bit flipped, written by something else) is deleted.
pub fn read_verified(path: &Path) -> Option<Vec<u8>> {
    let mut bytes = read_regular(path, MAX_CACHE_BYTES).ok()?;
    let whole = bytes
        .strip_prefix(HEADER.as_slice())
        .and_then(|rest| rest.split_at_checked(rest.len().checked_sub(CHECKSUM as usize)?))
        .is_some_and(|(content, sum)| xxhash_rust::xxh3::xxh3_64(content).to_le_bytes() == *sum);
    if !whole {
        let _ = fs::remove_file(path);
        return None;
    }
    // The content in place: the checksum cut off, the header moved out of the way.
    bytes.truncate(bytes.len() - CHECKSUM as usize);
    bytes.drain(..HEADER.len());
    Some(bytes)
}

/// The content of the file at `path` to read as it streams, if it is one of basira's whole
/// and unchanged (checked by reading it through once first); a file that is not is deleted.
pub fn open_verified(path: &Path) -> Option<io::Take<BufReader<File>>> {
    let verified = (|| {
        let mut file = open_regular(path).ok()?;
        let length = file.metadata().ok()?.len();
        let content = length.checked_sub(HEADER.len() as u64 + CHECKSUM)?;
        starts_with_header(&mut file).then_some(())?;
        let mut reader = BufReader::with_capacity(1 << 20, file);
        let mut sum = Xxh3::new();
        let mut left = content;
        while left > 0 {
            let chunk = reader.fill_buf().ok().filter(|bytes| !bytes.is_empty())?;
            let take = chunk.len().min(usize::try_from(left).unwrap_or(usize::MAX));
            sum.update(&chunk[..take]);
            reader.consume(take);
            left -= take as u64;
        }
        let mut stored = [0u8; CHECKSUM as usize];
        reader.read_exact(&mut stored).ok()?;
        (stored == sum.digest().to_le_bytes()).then_some(())?;
        let mut file = reader.into_inner();
        file.seek(SeekFrom::Start(HEADER.len() as u64)).ok()?;
        Some(BufReader::new(file).take(content))
    })();
    if verified.is_none() {
        let _ = fs::remove_file(path);
    }
    verified
}

/// Whether what `file` reads first is basira's header.
fn starts_with_header(file: &mut impl Read) -> bool {
    let mut header = [0u8; HEADER.len()];
    file.read_exact(&mut header).is_ok() && &header == HEADER
}

/// Whether the file at `path` is basira's: it starts with basira's header, or it is named
/// as basira named its files before they had one (`kind`, a hash in hexadecimal digits,
/// `.postcard` or, before that, `.json`).
fn is_ours(path: &Path, kind: &str) -> bool {
    let headed = open_regular(path).is_ok_and(|mut file| starts_with_header(&mut file));
    let named_before = path
        .file_name()
        .and_then(|name| name.to_str()?.strip_prefix(kind)?.split_once('.'))
        .filter(|(_, extension)| matches!(*extension, "postcard" | "json"))
        .map(|(hash, _)| hash)
        .is_some_and(|hash| {
            matches!(hash.len(), 32 | 64)
                && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        });
    headed || named_before
}

/// Remove all but the `keep` most recently used of basira's files of `dir` whose names start
/// with `kind`, those of earlier versions included. Files that cannot be looked at or removed,
/// and files that are not basira's (see [`is_ours`]), are left.
fn prune(dir: &Path, kind: &str, keep: usize) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    let mut files: Vec<(SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_str().is_some_and(|name| name.starts_with(kind)))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()) && is_ours(&e.path(), kind))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    files.sort_by_key(|(used, _)| std::cmp::Reverse(*used));
    for (_, path) in files.into_iter().skip(keep) {
        let _ = fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Write the analysis file `name` holding `content` in `dir`, keeping `keep` of them.
    fn write(dir: &Path, name: &str, content: &[u8], keep: usize) -> PathBuf {
        let path = dir.join(name);
        write_atomically(dir, &path, "analysis-", keep, |out| out.write_all(content)).unwrap();
        path
    }

    #[test]
    fn a_file_reads_back_whole_and_any_damage_deletes_it() {
        let dir = tempfile::tempdir().unwrap();
        let content: Vec<u8> = (0..5000u32).map(|i| (i * 7 % 251) as u8).collect();
        let path = write(dir.path(), "analysis-a.postcard", &content, 8);
        assert_eq!(read_verified(&path).unwrap(), content);
        let mut streamed = Vec::new();
        open_verified(&path).unwrap().read_to_end(&mut streamed).unwrap();
        assert_eq!(streamed, content);
        let good = fs::read(&path).unwrap();
        // Every bit of the file flipped in turn (a sample of them), and the file cut short:
        // never trusted, always deleted.
        let mut damaged: Vec<Vec<u8>> = (0..good.len() * 8)
            .step_by(37)
            .map(|bit| {
                let mut bytes = good.clone();
                bytes[bit / 8] ^= 1 << (bit % 8);
                bytes
            })
            .collect();
        damaged.extend([good[..good.len() - 1].to_vec(), good[..10].to_vec(), Vec::new()]);
        for (i, bytes) in damaged.iter().enumerate() {
            let opened = |read: &dyn Fn(&Path) -> bool| {
                fs::write(&path, bytes).unwrap();
                let read = read(&path);
                (read, path.exists())
            };
            assert_eq!(opened(&|p| read_verified(p).is_some()), (false, false), "case {i}");
            assert_eq!(opened(&|p| open_verified(p).is_some()), (false, false), "case {i}");
        }
    }

    #[test]
    fn pruning_removes_only_basiras_own_files() {
        let dir = tempfile::tempdir().unwrap();
        // A user's files that happen to share the names' start.
        fs::write(dir.path().join("analysis-report.docx"), "the user's report").unwrap();
        fs::create_dir(dir.path().join("analysis-old")).unwrap();
        fs::write(dir.path().join("analysis-notes.postcard"), "not a hash").unwrap();
        // A file of basira's from before the header: pruned.
        let before = format!("analysis-{}.postcard", "0f".repeat(32));
        fs::write(dir.path().join(&before), "old content").unwrap();
        for i in 0..4 {
            write(dir.path(), &format!("analysis-{i}.postcard"), b"content", 2);
        }
        let mut left: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(left.len(), 5, "{left:?}");
        for name in ["analysis-report.docx", "analysis-old", "analysis-notes.postcard"] {
            assert!(left.contains(&name.to_string()), "{name} is the user's: {left:?}");
        }
        assert!(!left.contains(&before), "{left:?}");
    }
}
