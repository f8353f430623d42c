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
        let file = self.written(write)?;
        file.persist(self.target).map_err(|e| e.error)?;
        self.settle();
        Ok(())
    }

    /// Write the file with `write` as [`AtomicFile::write`] does, but never in place of a
    /// file: at the target if nothing has its name, else at the first of `NAME-2.EXT`,
    /// `NAME-3.EXT`… that nothing has (checked and taken in one step, so that two writers
    /// never take one name). Where it was put.
    pub fn write_beside(
        self,
        write: impl FnOnce(&mut File) -> io::Result<()>,
    ) -> io::Result<std::path::PathBuf> {
        let mut file = self.written(write)?;
        for number in 1..=MAX_NUMBERED {
            let name = numbered(self.target, number);
            match file.persist_noclobber(&name) {
                Ok(_) => {
                    self.settle();
                    return Ok(name);
                }
                Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => file = e.file,
                Err(e) => return Err(e.error),
            }
        }
        Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "{} and {MAX_NUMBERED} numbered names after it are taken",
                self.target.display()
            ),
        ))
    }

    /// The folder the target is in (the current folder for a bare name).
    fn folder(&self) -> &Path {
        match self.target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        }
    }

    /// The temporary file, written by `write`, with its mode, flushed to the disk if the file
    /// is durable.
    fn written(
        &self,
        write: impl FnOnce(&mut File) -> io::Result<()>,
    ) -> io::Result<tempfile::NamedTempFile> {
        let mut builder = tempfile::Builder::new();
        builder.prefix(self.prefix);
        if let Mode::Created(mode) | Mode::Exactly(mode) = &self.mode {
            builder.permissions(mode.clone());
        }
        let mut file = builder.tempfile_in(self.folder())?;
        write(file.as_file_mut())?;
        if let Mode::Exactly(mode) = &self.mode {
            // The umask narrowed the mode the file was created with.
            file.as_file().set_permissions(mode.clone())?;
        }
        if self.durable {
            file.as_file().sync_all()?;
        }
        Ok(file)
    }

    /// After the rename: a durable file's folder flushed to the disk, which makes the rename
    /// itself durable. Opening a folder fails on some platforms (Windows), and the new file
    /// is in place either way, so that is not reported.
    fn settle(&self) {
        if self.durable
            && let Ok(folder) = File::open(self.folder())
        {
            let _ = folder.sync_all();
        }
    }
}

/// How many names [`AtomicFile::write_beside`] tries, the target's own among them.
const MAX_NUMBERED: usize = 10_000;

/// `target` for `number` 1; else its name with `-number` before the extension
/// (`basira-handout-2.md`).
fn numbered(target: &Path, number: usize) -> std::path::PathBuf {
    if number == 1 {
        return target.to_path_buf();
    }
    let stem = target.file_stem().unwrap_or_default().to_string_lossy();
    let name = match target.extension() {
        Some(extension) => format!("{stem}-{number}.{}", extension.to_string_lossy()),
        None => format!("{stem}-{number}"),
    };
    target.with_file_name(name)
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

    #[test]
    fn writing_beside_takes_the_first_free_numbered_name_and_replaces_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("basira-handout.md");
        let write = |text: &'static str| {
            AtomicFile::new(&path).write_beside(|file| file.write_all(text.as_bytes())).unwrap()
        };
        assert_eq!(write("first"), path);
        assert_eq!(write("second"), dir.path().join("basira-handout-2.md"));
        fs::remove_file(&path).unwrap();
        assert_eq!(write("third"), path, "a name freed is taken again");
        assert_eq!(write("fourth"), dir.path().join("basira-handout-3.md"));
        let read = |name: &str| fs::read_to_string(dir.path().join(name)).unwrap();
        assert_eq!(read("basira-handout.md"), "third");
        assert_eq!(read("basira-handout-2.md"), "second");
        assert_eq!(read("basira-handout-3.md"), "fourth");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 3, "no temporary file is left");
        assert_eq!(numbered(Path::new("notes"), 2), Path::new("notes-2"));
        // A failed write takes no name.
        let failed = AtomicFile::new(&path).write_beside(|_| Err(io::Error::other("full")));
        assert!(failed.is_err());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 3);
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
