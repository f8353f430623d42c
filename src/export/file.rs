//! Putting a handout in a file: where `-o` says, as a shell's `>` would but never
//! half-written, or under a name of its own that replaces nothing (the reader's `e`).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{HandoutOptions, write_handout};
use crate::analysis::Analysis;
use crate::atomic_file::AtomicFile;
use crate::corpus::Corpus;
use crate::output::SafeOutput;
use crate::state::ReaderState;

/// The mode a new handout is created with, before the umask narrows it: a shell's `>`.
#[cfg(unix)]
const NEW_FILE_MODE: u32 = 0o666;

/// Write the handout to the file at `path` as a shell's `>` would, but never half-written:
///
/// - a symbolic link: to the file it points to (a link to nothing is refused);
/// - an existing file that is not a regular one (a FIFO, `/dev/null`, a terminal): in place;
/// - a regular file: replaced atomically, as a user's file is ([`AtomicFile`]: a temporary
///   file in the same folder, written in full and flushed to disk, renamed over it, the
///   folder flushed), keeping its mode;
/// - a new file: created the same way, with the mode the umask gives a new file.
pub fn write_handout_file(
    path: &Path,
    corpus: &Corpus,
    analysis: &Analysis,
    state: &ReaderState,
    options: HandoutOptions,
) -> io::Result<()> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let target = if is_link {
        std::fs::canonicalize(path).map_err(|e| {
            io::Error::new(e.kind(), format!("a link to a file that cannot be reached: {e}"))
        })?
    } else {
        path.to_path_buf()
    };
    let existing = std::fs::metadata(&target).ok();
    match &existing {
        Some(meta) if meta.is_dir() => {
            return Err(io::Error::new(io::ErrorKind::IsADirectory, "it is a folder"));
        }
        Some(meta) if !meta.is_file() => {
            let file = std::fs::OpenOptions::new().write(true).open(&target)?;
            let mut out = io::BufWriter::new(SafeOutput::new(file));
            write_handout(&mut out, corpus, analysis, state, options)?;
            return out.flush();
        }
        _ => {}
    }
    let file = AtomicFile::new(&target);
    // A file replaced keeps its mode; a new one gets what the umask gives a new file.
    #[cfg(unix)]
    let file = match &existing {
        Some(meta) => file.mode(meta.permissions()),
        None => file.created_with(std::os::unix::fs::PermissionsExt::from_mode(NEW_FILE_MODE)),
    };
    file.write(|file| {
        let mut out = io::BufWriter::new(SafeOutput::new(file));
        write_handout(&mut out, corpus, analysis, state, options)?;
        out.flush()
    })
}

/// Write the handout to a new file named `stem` and the format's extension
/// (`basira-handout.md`), or, when a file has that name, to the first of `stem-2`, `stem-3`…
/// that none has: nothing is written over. It is created as [`write_handout_file`] creates a
/// new file (atomically, with the mode the umask gives a new file). Where it was written.
pub fn write_new_handout_file(
    stem: &Path,
    corpus: &Corpus,
    analysis: &Analysis,
    state: &ReaderState,
    options: HandoutOptions,
) -> io::Result<PathBuf> {
    let path = stem.with_extension(options.format.extension());
    let file = AtomicFile::new(&path);
    #[cfg(unix)]
    let file = file.created_with(std::os::unix::fs::PermissionsExt::from_mode(NEW_FILE_MODE));
    file.write_beside(|file| {
        let mut out = io::BufWriter::new(SafeOutput::new(file));
        write_handout(&mut out, corpus, analysis, state, options)?;
        out.flush()
    })
}
