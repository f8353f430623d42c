//! Folders as they were read, kept in the cache directory, so that opening a folder again
//! reads none of its articles: opening and parsing ten thousand files took most of a second,
//! and looking at their sizes and times takes a few hundredths.
//!
//! A folder's file is named by a hash of every file's path, size, modification time and (on
//! Unix) change time and inode, all of which any change to a file moves on. It holds what each
//! file gave in order, its document (and warning) or why it was skipped, one record after
//! another, so that reading it back needs room for a few hundred documents at a time and not
//! for a copy of the whole folder; the records are framed with basira's header and a checksum
//! that is checked, in a first pass through the file, before any record is decoded
//! ([`crate::cache_files`]). A folder with a file modified in the last two seconds is
//! not kept: on a file system with a coarse clock, a second change within the same tick could
//! leave its times as they were.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use super::problem::FileWarning;
use super::{Document, LoadError};
use crate::cache_files::{mark_used, open_verified, write_atomically};

/// Bumped whenever reading or parsing a file changes what it gives, or the file is written
/// otherwise, so that old files are not read (the crate version and the sources'
/// fingerprint, which a build of other sources changes, are part of the key too).
const FOLDER_VERSION: &str = "basira-folder-7";

/// How many folders the cache keeps, the most recently opened.
pub const KEPT_FOLDERS: usize = 8;

/// Records decoded together, on every core: a couple of megabytes of the file at a time.
const BATCH: usize = 256;

/// How long a file must have been left alone for its folder to be kept.
const SETTLED: Duration = Duration::from_secs(2);

/// What one file of a folder gave: its documents (one, or an e-book's chapters) and any
/// warning about it, or the sentence that says why it was skipped.
pub type FileRead = Result<(Vec<Document>, Option<FileWarning>), LoadError>;

/// What `files` give: from the cache in `dir` when it holds them at their present sizes and
/// times, else from `read`, which is then kept there.
pub fn reuse_or_read(
    dir: &Path,
    files: &[PathBuf],
    read: impl FnOnce(&[PathBuf]) -> Vec<FileRead>,
) -> Vec<FileRead> {
    let Some((key, newest)) = stamp(files) else { return read(files) };
    let path = dir.join(format!("folder-{key}.postcard"));
    if let Some(reads) = load(&path, files.len()) {
        mark_used(&path);
        return reads;
    }
    let reads = read(files);
    let settled = SystemTime::now().duration_since(newest).is_ok_and(|age| age >= SETTLED);
    if settled {
        // A folder that cannot be kept is not an error: it is read again next time.
        let _ = write_atomically(dir, &path, "folder-", KEPT_FOLDERS, |out| write(out, &reads));
    }
    reads
}

/// The hash that names the files' record, and the latest time one of them was modified;
/// `None` when a file cannot be looked at (it is then read, and skipped with the reason).
fn stamp(files: &[PathBuf]) -> Option<(String, SystemTime)> {
    let stamps: Vec<([u64; 6], SystemTime)> =
        files.par_iter().map(|file| file_stamp(file)).collect::<Option<_>>()?;
    let mut hash = Sha256::new();
    for part in [FOLDER_VERSION, env!("CARGO_PKG_VERSION"), env!("BASIRA_SOURCES")] {
        hash.update((part.len() as u64).to_le_bytes());
        hash.update(part);
    }
    hash.update((files.len() as u64).to_le_bytes());
    for (file, (numbers, _)) in files.iter().zip(&stamps) {
        let name = file.as_os_str().as_encoded_bytes();
        hash.update((name.len() as u64).to_le_bytes());
        hash.update(name);
        numbers.iter().for_each(|n| hash.update(n.to_le_bytes()));
    }
    let newest = stamps.iter().map(|&(_, modified)| modified).max();
    let newest = newest.unwrap_or(SystemTime::UNIX_EPOCH);
    let key = hash.finalize().iter().take(16).map(|b| format!("{b:02x}")).collect();
    Some((key, newest))
}

/// A file's size, modification time, change time and inode as numbers, and its modification
/// time.
fn file_stamp(file: &Path) -> Option<([u64; 6], SystemTime)> {
    let meta = fs::metadata(file).ok()?;
    let modified = meta.modified().ok()?;
    let since = |t: SystemTime| t.duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default();
    let m = since(modified);
    #[cfg(unix)]
    let (changed, inode) = {
        use std::os::unix::fs::MetadataExt;
        let changed = Duration::new(meta.ctime().max(0) as u64, meta.ctime_nsec() as u32);
        (changed, meta.ino())
    };
    #[cfg(not(unix))]
    let (changed, inode) = (m, 0);
    let numbers = [
        meta.len(),
        m.as_secs(),
        m.subsec_nanos().into(),
        changed.as_secs(),
        changed.subsec_nanos().into(),
        inode,
    ];
    Some((numbers, modified))
}

/// Write the reads: their count, then each as its length and its postcard bytes.
fn write(out: &mut impl Write, reads: &[FileRead]) -> io::Result<()> {
    out.write_all(&(reads.len() as u64).to_le_bytes())?;
    let mut bytes = Vec::new();
    for read in reads {
        bytes.clear();
        bytes = postcard::to_extend(read, bytes).map_err(io::Error::other)?;
        out.write_all(&(bytes.len() as u64).to_le_bytes())?;
        out.write_all(&bytes)?;
    }
    Ok(())
}

/// The `count` reads the file at `path` holds, if it holds that many and nothing after them.
fn load(path: &Path, count: usize) -> Option<Vec<FileRead>> {
    let mut file = open_verified(path)?;
    if read_number(&mut file)? != count as u64 {
        return None;
    }
    let mut reads = Vec::with_capacity(count);
    let mut batch: Vec<Vec<u8>> = Vec::with_capacity(BATCH);
    while reads.len() < count {
        batch.clear();
        for _ in 0..BATCH.min(count - reads.len()) {
            let length = usize::try_from(read_number(&mut file)?).ok()?;
            let mut record = Vec::new();
            (&mut file).take(length as u64).read_to_end(&mut record).ok()?;
            (record.len() == length).then_some(())?;
            batch.push(record);
        }
        let decoded: Option<Vec<FileRead>> = batch.par_iter().map(|r| decode(r)).collect();
        reads.extend(decoded?);
    }
    let mut rest = [0u8; 1];
    matches!(file.read(&mut rest), Ok(0)).then_some(reads)
}

/// One record, if it is one and nothing more.
fn decode(record: &[u8]) -> Option<FileRead> {
    match postcard::take_from_bytes(record) {
        Ok((read, [])) => Some(read),
        _ => None,
    }
}

/// A little-endian `u64`.
fn read_number(file: &mut impl Read) -> Option<u64> {
    let mut bytes = [0u8; 8];
    file.read_exact(&mut bytes).ok()?;
    Some(u64::from_le_bytes(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use std::cell::Cell;

    /// A folder of an article, a binary file and a Windows-1256 article, all modified an hour
    /// ago; and a cache folder beside it.
    fn folder() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let root = tempfile::tempdir().unwrap();
        let (articles, cache) = (root.path().join("articles"), root.path().join("cache"));
        fs::create_dir(&articles).unwrap();
        fs::write(articles.join("a.txt"), "العنوان\n\nفقرة أولى فيها كلام.\n").unwrap();
        fs::write(articles.join("b.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
        // «مرحبا بالعالم» in Windows-1256.
        fs::write(articles.join("c.txt"), b"\xe3\xd1\xcd\xc8\xc7 \xc8\xc7\xe1\xda\xc7\xe1\xe3\n")
            .unwrap();
        age(&articles);
        (root, articles, cache)
    }

    /// Make every file of `dir` modified an hour ago.
    fn age(dir: &Path) {
        let hour_ago = SystemTime::now() - Duration::from_secs(3600);
        for entry in fs::read_dir(dir).unwrap() {
            let file = fs::File::options().write(true).open(entry.unwrap().path()).unwrap();
            file.set_modified(hour_ago).unwrap();
        }
    }

    /// The folder's files in name order.
    fn files(dir: &Path) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> =
            fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        files
    }

    /// A folder opened through the cache: what the corpus shows, as text.
    fn shown(corpus: &Corpus) -> String {
        let documents = corpus.documents.iter().map(|d| {
            let paragraphs: Vec<&str> = d.paragraphs.iter().map(|p| p.text.as_str()).collect();
            format!("{} {:?} {:?} {}", d.path, d.direction, paragraphs, d.title)
        });
        documents
            .chain(corpus.warnings.iter().map(|w| w.to_string()))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn a_folder_opened_again_is_read_from_the_cache_as_it_was() {
        let (_root, articles, cache) = folder();
        let plain = Corpus::open(std::slice::from_ref(&articles)).unwrap();
        let first = Corpus::open_keeping_folders(std::slice::from_ref(&articles), Some(&cache));
        let again = Corpus::open_keeping_folders(std::slice::from_ref(&articles), Some(&cache));
        let (first, again) = (first.unwrap(), again.unwrap());
        assert_eq!(shown(&first), shown(&plain));
        assert_eq!(shown(&again), shown(&plain));
        assert_eq!(again.documents.len(), 2);
        assert_eq!(again.warnings.len(), 2, "the binary file and the legacy encoding");
        for (a, b) in again.documents.iter().zip(&plain.documents) {
            assert_eq!(a.paragraphs, b.paragraphs);
        }
        // The second time no file was read.
        let reads = Cell::new(0);
        let counted = |files: &[PathBuf]| {
            reads.set(reads.get() + 1);
            files.iter().map(|_| Err(LoadError::Empty(PathBuf::new()))).collect()
        };
        assert_eq!(reuse_or_read(&cache, &files(&articles), counted).len(), 3);
        assert_eq!(reads.get(), 0);
    }

    #[test]
    fn a_changed_file_a_new_file_or_a_damaged_cache_is_read_again() {
        let (_root, articles, cache) = folder();
        let open = || Corpus::open_keeping_folders(std::slice::from_ref(&articles), Some(&cache));
        open().unwrap();
        fs::write(articles.join("a.txt"), "العنوان\n\nفقرة أخرى تماما.\n").unwrap();
        age(&articles);
        assert!(shown(&open().unwrap()).contains("فقرة أخرى تماما."));
        fs::write(articles.join("d.txt"), "عنوان ثالث\n\nنص جديد.\n").unwrap();
        age(&articles);
        assert_eq!(open().unwrap().documents.len(), 3);
        // Every kept file cut short, then filled with rubbish: read again, the same.
        let expected = shown(&open().unwrap());
        for damage in [
            |bytes: &mut Vec<u8>| bytes.truncate(bytes.len() / 2),
            |bytes: &mut Vec<u8>| bytes.iter_mut().skip(8).for_each(|b| *b = 0xff),
        ] {
            for entry in fs::read_dir(&cache).unwrap() {
                let path = entry.unwrap().path();
                let mut bytes = fs::read(&path).unwrap();
                damage(&mut bytes);
                fs::write(&path, bytes).unwrap();
            }
            assert_eq!(shown(&open().unwrap()), expected);
        }
    }

    #[test]
    fn a_bit_flipped_anywhere_in_a_kept_folder_is_never_trusted() {
        let (_root, articles, cache) = folder();
        let open = || Corpus::open_keeping_folders(std::slice::from_ref(&articles), Some(&cache));
        let expected = shown(&open().unwrap());
        let kept = fs::read_dir(&cache).unwrap().next().unwrap().unwrap().path();
        let good = fs::read(&kept).unwrap();
        for bit in (0..good.len() * 8).step_by(13) {
            let mut bytes = good.clone();
            bytes[bit / 8] ^= 1 << (bit % 8);
            fs::write(&kept, &bytes).unwrap();
            assert_eq!(shown(&open().unwrap()), expected, "bit {bit} flipped");
            assert_eq!(fs::read(&kept).unwrap(), good, "bit {bit}: the folder is kept again");
        }
    }

    #[test]
    fn a_folder_just_modified_is_not_kept() {
        let (_root, articles, cache) = folder();
        fs::write(articles.join("a.txt"), "العنوان\n\nفقرة كتبت الآن.\n").unwrap();
        Corpus::open_keeping_folders(std::slice::from_ref(&articles), Some(&cache)).unwrap();
        assert!(!cache.exists() || fs::read_dir(&cache).unwrap().next().is_none());
        age(&articles);
        Corpus::open_keeping_folders(std::slice::from_ref(&articles), Some(&cache)).unwrap();
        assert_eq!(fs::read_dir(&cache).unwrap().count(), 1);
    }
}
