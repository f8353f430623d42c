//! The zip archive an EPUB is, read through limits: each entry is inflated no further than
//! the bytes asked for, so that a zip bomb costs no more memory than a book's text may.

use std::fs::File;
use std::io::Read;

use zip::ZipArchive;
use zip::result::ZipError;

/// The most entries an archive may list: a book has a few hundred files; a listing of
/// millions is not a book, and reading it would take memory in proportion.
const MAX_ENTRIES: usize = 50_000;

/// Why an entry could not be had.
#[derive(Debug)]
pub(super) enum EntryError {
    /// The archive has no entry of that name.
    Missing,
    /// The entry inflates to more than the limit it was read with.
    TooLarge,
    /// The entry is damaged, or stored with a method basira does not read (the reason).
    Damaged(String),
}

/// An EPUB's archive, open for reading entries by name.
pub(super) struct Archive {
    /// The zip reader over the file.
    zip: ZipArchive<File>,
}

impl Archive {
    /// Read the archive in `file`; the reason in words when it is no zip archive or too
    /// damaged to list.
    pub(super) fn open(file: File) -> Result<Archive, String> {
        let zip = ZipArchive::new(file).map_err(|e| damage(&e))?;
        if zip.len() > MAX_ENTRIES {
            return Err(format!("it lists {} files, more than a book has", zip.len()));
        }
        Ok(Archive { zip })
    }

    /// Whether the archive has an entry named `name`.
    pub(super) fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// The bytes of the entry `name`, of at most `limit` bytes once inflated.
    pub(super) fn read(&mut self, name: &str, limit: u64) -> Result<Vec<u8>, EntryError> {
        let entry = match self.zip.by_name(name) {
            Ok(entry) => entry,
            Err(ZipError::FileNotFound) => return Err(EntryError::Missing),
            Err(e) => return Err(EntryError::Damaged(damage(&e))),
        };
        // The size the listing gives is only a claim: the reading is limited all the same.
        if entry.size() > limit {
            return Err(EntryError::TooLarge);
        }
        let mut bytes = Vec::with_capacity(entry.size() as usize);
        entry
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| EntryError::Damaged(e.to_string()))?;
        if bytes.len() as u64 > limit {
            return Err(EntryError::TooLarge);
        }
        Ok(bytes)
    }
}

/// The zip library's reason, in words.
fn damage(e: &ZipError) -> String {
    e.to_string()
}
