//! Writing a file whole or not at all: the one way basira replaces a file, whether it holds
//! what a user made (the reading state, a handout) or what basira can make again (a cache).
//!
//! The content goes to a temporary file in the target's folder, which is renamed over the
//! target once written, so that a reader of the target, or a crash at any moment, finds the
//! old complete file or the new complete file. A user's file is also flushed to the disk
//! before the rename, and the folder after it, so that a power cut keeps it too; a cache may
//! skip both (it is checked when read, and made again when it is not whole).

use std::fs::{File, Permissions};
use std::io;
use std::path::Path;

/// How a file is written in place of another, or created: see the module notes.
#[derive(Clone, Debug)]
pub struct AtomicFile<'a> {
    target: &'a Path,
    prefix: &'a str,
    durable: bool,
    mode: Mode,
}

/// The mode the file gets.
#[derive(Clone, Debug)]
enum Mode {
    /// Read and written by its owner only.
    Private,
    /// This mode, narrowed by the umask, as a shell's `>` creates a file.
    Created(Permissions),
    /// Exactly this mode (a file replaced keeps its own).
    Exactly(Permissions),
}

impl<'a> AtomicFile<'a> {
    /// A user's file at `target`: flushed to the disk with its folder, readable by its owner
    /// only, its temporary file named `.tmp…`.
    pub fn new(target: &'a Path) -> AtomicFile<'a> {
        AtomicFile { target, prefix: ".tmp", durable: true, mode: Mode::Private }
    }

    /// The temporary file's name starts with `prefix` (so that one left by a crash can be
    /// recognised and removed).
    pub fn prefix(self, prefix: &'a str) -> AtomicFile<'a> {
        AtomicFile { prefix, ..self }
    }

    /// A file basira can make again: not flushed to the disk.
    pub fn rebuildable(self) -> AtomicFile<'a> {
        AtomicFile { durable: false, ..self }
    }

    /// The file is created with `mode` narrowed by the umask, as a program's new file is
    /// (`0o666` gives what a shell's `>` gives).
    pub fn created_with(self, mode: Permissions) -> AtomicFile<'a> {
        AtomicFile { mode: Mode::Created(mode), ..self }
    }

    /// The file gets exactly `mode` (a file it replaces keeps its own, say).
    pub fn mode(self, mode: Permissions) -> AtomicFile<'a> {
        AtomicFile { mode: Mode::Exactly(mode), ..self }
    }

    /// Write the file with `write`, which gets the temporary file (to buffer as it likes), and
    /// put it in place. Nothing is replaced when `write` fails.
    pub fn write(self, write: impl FnOnce(&mut File) -> io::Result<()>) -> io::Result<()> {
        let folder = match self.target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(self.prefix);
        if let Mode::Created(mode) | Mode::Exactly(mode) = &self.mode {
            builder.permissions(mode.clone());
        }
        let mut file = builder.tempfile_in(folder)?;
        write(file.as_file_mut())?;
        if let Mode::Exactly(mode) = self.mode {
            // The umask narrowed the mode the file was created with.
            file.as_file().set_permissions(mode)?;
        }
        if self.durable {
            file.as_file().sync_all()?;
        }
        file.persist(self.target).map_err(|e| e.error)?;
        if self.durable {
            // Makes the rename itself durable. Opening a folder fails on some platforms
            // (Windows), and the new file is in place either way, so this is not reported.
            if let Ok(folder) = File::open(folder) {
                let _ = folder.sync_all();
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::io::Write;

    #[test]
    fn a_file_is_replaced_whole_or_kept_when_writing_fails() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.md");
        fs::write(&path, "old").unwrap();
        let failed = AtomicFile::new(&path).write(|file| {
            file.write_all(b"half")?;
            Err(io::Error::other("the disk is full"))
        });
        assert!(failed.is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file is left");
        AtomicFile::new(&path).write(|file| file.write_all(b"new")).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_private_unless_given_a_mode_which_it_keeps_past_the_umask() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let private = dir.path().join("state.json");
        AtomicFile::new(&private).rebuildable().write(|_| Ok(())).unwrap();
        assert_eq!(fs::metadata(&private).unwrap().permissions().mode() & 0o777, 0o600);
        let shared = dir.path().join("handout.md");
        AtomicFile::new(&shared).mode(Permissions::from_mode(0o664)).write(|_| Ok(())).unwrap();
        assert_eq!(fs::metadata(&shared).unwrap().permissions().mode() & 0o777, 0o664);
        let created = dir.path().join("new.md");
        AtomicFile::new(&created)
            .created_with(Permissions::from_mode(0o666))
            .write(|_| Ok(()))
            .unwrap();
        let mode = fs::metadata(&created).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode & !0o666, 0, "never executable: {mode:o}");
        assert_eq!(mode & 0o600, 0o600, "its owner reads and writes it: {mode:o}");
    }
}
