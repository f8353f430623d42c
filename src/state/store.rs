//! The reader's state on disk: `state.json` in the XDG state directory, as versioned JSON
//! (`{"format":"basira-state","version":2,"state":{…}}`), replaced atomically.
//!
//! Two readers may run at once (two folders, two terminals). A reader saves through a
//! [`Shared`] store: under an exclusive lock on `state.lock` beside the file it reads the
//! state on disk again, applies its own changes since it last read or wrote it
//! ([`super::merge`]), and writes the result, so that neither reader's notes are lost.
//!
//! Saving writes a temporary file in the same folder, flushes and fsyncs it, renames it over
//! `state.json` and fsyncs the folder, so that a crash at any moment leaves either the old
//! complete file or the new complete file. Loading never fails: a file that cannot be used
//! gives an empty state and one sentence for the user. A damaged file is renamed aside (not
//! deleted) so that nothing the user wrote is destroyed; a file written by a newer basira is
//! left as it is, and [`Store::save`] refuses to replace it.

use std::ffi::OsString;
use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::ReaderState;
use super::merge::merge;
use crate::atomic_file::AtomicFile;
use crate::files::{ReadError, read_regular};

/// The `format` field of a state file.
pub const STATE_FORMAT: &str = "basira-state";
/// The version this basira writes (it reads every version up to it). Version 2 added decks
/// and notes without a bookmark: a basira that reads only version 1 leaves such a file alone
/// (it is newer), so it can never drop them by saving over it.
pub const STATE_VERSION: u32 = 2;

/// The name of the state file in its folder.
const FILE_NAME: &str = "state.json";
/// How the temporary files of [`Store::save`] begin (a random suffix follows).
const TEMP_PREFIX: &str = ".state.json.tmp";
/// The largest state file read: a year of notes is well under a megabyte.
const MAX_STATE_BYTES: u64 = 64 * 1024 * 1024;
/// The lock file beside the state file: held while a state is read, merged and written.
const LOCK_NAME: &str = "state.lock";
/// How long a save waits for another basira to finish saving before it gives up.
const LOCK_WAIT: Duration = Duration::from_secs(5);
/// A temporary file older than this was left by a save that was interrupted (a save takes
/// milliseconds), so the next save removes it.
const STALE_TEMP_AGE: Duration = Duration::from_secs(60);

/// Where the state lives: `state.json` in a folder.
#[derive(Clone, Debug)]
pub struct Store {
    /// The folder.
    dir: PathBuf,
    /// `dir/state.json`.
    path: PathBuf,
}

/// What loading found.
#[derive(Debug)]
pub struct Loaded {
    /// The state (empty when there was none or it could not be used).
    pub state: ReaderState,
    /// What was wrong when the file could not be used.
    pub warning: Option<StateWarning>,
}

/// Why the saved state could not be used, as a value: the reader puts it into words in its
/// own language, and [`Display`](fmt::Display) gives the English sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StateWarning {
    /// The file (path) could not be read (the system's reason): it is left as it is, and
    /// nothing is saved over it.
    Unreadable(PathBuf, String),
    /// The file (path) was written by a newer basira (its state version): it is left as it
    /// is, and nothing is saved over it.
    Newer(PathBuf, u64),
    /// The file (path) is not a state file this basira reads (the reason); it was set aside
    /// under the second path.
    SetAside(PathBuf, String, PathBuf),
    /// The file (path) is not a state file this basira reads (the reason), and could not be
    /// set aside either (the system's reason): it will be replaced at the next save.
    NotSetAside(PathBuf, String, String),
}

impl fmt::Display for StateWarning {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            StateWarning::Unreadable(path, reason) => write!(
                f,
                "The saved state in {} could not be read ({reason}); it was left as it is, and \
                 basira starts afresh without saving over it.",
                path.display()
            ),
            StateWarning::Newer(path, version) => write!(
                f,
                "The saved state in {} was written by a newer basira (state version {version}; \
                 this one reads version {STATE_VERSION}); it was left as it is, and basira \
                 starts afresh without saving over it.",
                path.display()
            ),
            StateWarning::SetAside(path, problem, aside) => write!(
                f,
                "The saved state in {} could not be read ({problem}); it was set aside as {} \
                 and basira starts afresh.",
                path.display(),
                aside.display()
            ),
            StateWarning::NotSetAside(path, problem, reason) => write!(
                f,
                "The saved state in {} could not be read ({problem}) nor set aside ({reason}); \
                 basira starts afresh and will replace it when it saves.",
                path.display()
            ),
        }
    }
}

/// The file as written.
#[derive(Serialize)]
struct FileOut<'a> {
    format: &'a str,
    version: u32,
    state: &'a ReaderState,
}

/// The file as read, once its header has been accepted.
#[derive(Deserialize)]
struct FileIn {
    state: ReaderState,
}

/// The top-level fields that say what a file is (the others are skipped unread).
#[derive(Deserialize)]
struct Header {
    format: String,
    version: u64,
}

/// What the header of a file's bytes says about it.
#[derive(Debug, PartialEq, Eq)]
enum Kind {
    /// A state file of a version this basira reads.
    Current,
    /// A state file of a later version.
    Newer(u64),
    /// Not a state file this basira knows (the reason, for the user).
    Corrupt(String),
}

/// Classify a file by its header.
fn kind(bytes: &[u8]) -> Kind {
    match serde_json::from_slice::<Header>(bytes) {
        Err(e) => Kind::Corrupt(e.to_string()),
        Ok(h) if h.format != STATE_FORMAT => {
            Kind::Corrupt(format!("its format is {:?}, not {STATE_FORMAT:?}", h.format))
        }
        Ok(h) if h.version > u64::from(STATE_VERSION) => Kind::Newer(h.version),
        Ok(h) if h.version == 0 => Kind::Corrupt("its version is 0".to_string()),
        Ok(_) => Kind::Current,
    }
}

impl Loaded {
    /// An empty state with `warning`.
    fn empty(warning: Option<StateWarning>) -> Loaded {
        Loaded { state: ReaderState::default(), warning }
    }
}

impl Store {
    /// The store in `dir` (`dir/state.json`).
    pub fn in_dir(dir: &Path) -> Store {
        Store { dir: dir.to_path_buf(), path: dir.join(FILE_NAME) }
    }

    /// The store in the XDG state directory (`$XDG_STATE_HOME/basira`, usually
    /// `~/.local/state/basira`), or the local data directory on systems without one (macOS,
    /// Windows). None when the system has no home directory.
    pub fn default_location() -> Option<Store> {
        let dirs = directories::ProjectDirs::from("", "", "basira")?;
        Some(Store::in_dir(dirs.state_dir().unwrap_or(dirs.data_local_dir())))
    }

    /// The state file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Read the state. Never fails; what could not be used is reported in [`Loaded::warning`]:
    ///
    /// - a missing file is an empty state, with no warning;
    /// - a file that is not JSON of the expected shape, or whose `format` is not
    ///   [`STATE_FORMAT`], is renamed aside to `state.json.corrupt-<unix seconds>` (with `-1`,
    ///   `-2`… added when that name is taken) and the state starts empty;
    /// - a file whose `version` is greater than [`STATE_VERSION`] is left untouched and the
    ///   state starts empty ([`Store::save`] will refuse to replace it);
    /// - a file that cannot be read (permissions) is left untouched and the state starts
    ///   empty ([`Store::save`] will refuse to replace it too).
    pub fn load(&self) -> Loaded {
        let path = self.path.clone();
        let bytes = match read_regular(&self.path, MAX_STATE_BYTES) {
            Ok(bytes) => bytes,
            Err(ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound => {
                return Loaded::empty(None);
            }
            Err(e) => return Loaded::empty(Some(StateWarning::Unreadable(path, e.to_string()))),
        };
        let problem = match kind(&bytes) {
            Kind::Newer(version) => return Loaded::empty(Some(StateWarning::Newer(path, version))),
            Kind::Corrupt(reason) => reason,
            Kind::Current => match serde_json::from_slice::<FileIn>(&bytes) {
                Ok(file) => return Loaded { state: file.state, warning: None },
                Err(e) => e.to_string(),
            },
        };
        let warning = match self.set_aside() {
            Ok(aside) => StateWarning::SetAside(path, problem, aside),
            Err(e) => StateWarning::NotSetAside(path, problem, e.to_string()),
        };
        Loaded::empty(Some(warning))
    }

    /// Rename the state file to the first free name of `state.json.corrupt-<unix seconds>`,
    /// `…-1`, `…-2`…; returns that name.
    fn set_aside(&self) -> io::Result<PathBuf> {
        let seconds = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let free = |candidate: &PathBuf| matches!(fs::symlink_metadata(candidate), Err(e) if e.kind() == io::ErrorKind::NotFound);
        let aside = (0..1000)
            .map(|n| self.aside_name(seconds, n))
            .find(free)
            .ok_or_else(|| io::Error::other("no free name to set it aside under"))?;
        fs::rename(&self.path, &aside)?;
        Ok(aside)
    }

    /// `state.json.corrupt-<seconds>`, with `-<n>` added when `n` is not 0.
    fn aside_name(&self, seconds: u64, n: u32) -> PathBuf {
        let mut name = OsString::from(self.path.as_os_str());
        name.push(format!(".corrupt-{seconds}"));
        if n > 0 {
            name.push(format!("-{n}"));
        }
        PathBuf::from(name)
    }

    /// Replace the file with exactly `state` (a reader saves with [`Store::save_merged`], which
    /// keeps what another reader saved). Creates the folder and writes
    /// `{"format":"basira-state","version":2,"state":{…}}` as a user's file is written
    /// ([`AtomicFile`]: flushed to the disk, renamed into place, the folder flushed): a crash
    /// at any moment leaves either the old complete file or the new complete file.
    ///
    /// Refuses (an error of kind [`io::ErrorKind::Other`]) when the file on disk was written by
    /// a newer basira or cannot be read, so as not to replace what this basira cannot see; a
    /// damaged file is replaced. Also removes temporary files that a save interrupted more
    /// than a minute ago left in the folder.
    pub fn save(&self, state: &ReaderState) -> io::Result<()> {
        self.check_replaceable()?;
        fs::create_dir_all(&self.dir)?;
        self.remove_stale_temporaries();
        let mut bytes =
            serde_json::to_vec(&FileOut { format: STATE_FORMAT, version: STATE_VERSION, state })?;
        bytes.push(b'\n');
        AtomicFile::new(&self.path).prefix(TEMP_PREFIX).write(|file| file.write_all(&bytes))
    }

    /// Save `mine`, a state that started as `base`, merged with what another reader may have
    /// saved since: under the lock, the file is read again, `mine`'s changes since `base` are
    /// applied to it ([`merge`]), and the result is written atomically and returned. A damaged
    /// file on disk is set aside first (as [`Store::load`] does); a file of a newer basira or
    /// one that cannot be read is not replaced (an error).
    pub fn save_merged(&self, base: &ReaderState, mine: &ReaderState) -> io::Result<ReaderState> {
        fs::create_dir_all(&self.dir)?;
        let _lock = self.lock()?;
        let loaded = self.load();
        if let Some(warning) = loaded.warning.filter(|_| self.path.exists()) {
            return Err(io::Error::other(warning.to_string()));
        }
        let merged = merge(base, mine, &loaded.state);
        self.save(&merged)?;
        Ok(merged)
    }

    /// Hold the lock file, waiting up to [`LOCK_WAIT`] for another basira to let it go; it is
    /// let go when the returned file is dropped (or the process ends).
    fn lock(&self) -> io::Result<fs::File> {
        let path = self.dir.join(LOCK_NAME);
        let file = fs::OpenOptions::new().create(true).truncate(false).write(true).open(&path)?;
        let start = std::time::Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(file),
                Err(fs::TryLockError::WouldBlock) if start.elapsed() < LOCK_WAIT => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(io::Error::other(format!(
                        "another basira has held {} for {} seconds",
                        path.display(),
                        LOCK_WAIT.as_secs()
                    )));
                }
                Err(fs::TryLockError::Error(e)) => return Err(e),
            }
        }
    }

    /// An error when the file on disk must not be replaced: written by a newer basira (only
    /// its header is parsed), or unreadable. A missing or damaged file may be replaced.
    fn check_replaceable(&self) -> io::Result<()> {
        let shown = self.path.display();
        match read_regular(&self.path, MAX_STATE_BYTES) {
            Err(ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io::Error::other(format!(
                "the saved state in {shown} cannot be read ({e}), so it is not replaced"
            ))),
            Ok(bytes) => match kind(&bytes) {
                Kind::Newer(version) => Err(io::Error::other(format!(
                    "the saved state in {shown} was written by a newer basira (state version \
                     {version}), so it is not replaced"
                ))),
                Kind::Current | Kind::Corrupt(_) => Ok(()),
            },
        }
    }

    /// Remove the temporary files of interrupted saves (a process killed while writing leaves
    /// one): files named like ours and older than [`STALE_TEMP_AGE`], so that a save in
    /// progress in another basira is left alone. Best effort: errors are ignored.
    fn remove_stale_temporaries(&self) {
        let Ok(entries) = fs::read_dir(&self.dir) else { return };
        for entry in entries.flatten() {
            let ours = entry.file_name().to_str().is_some_and(|n| n.starts_with(TEMP_PREFIX));
            let stale = entry.metadata().is_ok_and(|m| {
                m.is_file()
                    && m.modified()
                        .ok()
                        .and_then(|t| t.elapsed().ok())
                        .is_some_and(|age| age > STALE_TEMP_AGE)
            });
            if ours && stale {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

/// A reader's store: the state file and the state this reader last read from it or wrote to
/// it, against which its changes are merged when it saves.
#[derive(Debug)]
pub struct Shared {
    /// The file.
    store: Store,
    /// What this reader last read or wrote.
    base: ReaderState,
}

impl Shared {
    /// Read the state of `store` ([`Store::load`]); it is the base of this reader's changes.
    pub fn load(store: Store) -> (Shared, Loaded) {
        let loaded = store.load();
        (Shared { store, base: loaded.state.clone() }, loaded)
    }

    /// The state file's path.
    pub fn path(&self) -> &Path {
        self.store.path()
    }

    /// Save `mine` merged with what other readers saved since this one last read or wrote
    /// ([`Store::save_merged`]); returns the state now on disk, which becomes the base.
    pub fn save(&mut self, mine: &ReaderState) -> io::Result<ReaderState> {
        let merged = self.store.save_merged(&self.base, mine)?;
        self.base = merged.clone();
        Ok(merged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_of_file() {
        assert_eq!(kind(br#"{"format":"basira-state","version":1,"state":{}}"#), Kind::Current);
        assert_eq!(kind(br#"{"version":1,"format":"basira-state","extra":[1]}"#), Kind::Current);
        assert_eq!(kind(br#"{"format":"basira-state","version":7,"state":5}"#), Kind::Newer(7));
        for corrupt in [
            &br#"{"format":"other","version":1,"state":{}}"#[..],
            br#"{"format":"basira-state","version":0,"state":{}}"#,
            br#"{"format":"basira-state","version":"1","state":{}}"#,
            br#"{"format":"basira-state","version":-1,"state":{}}"#,
            br#"{"articles":{}}"#,
            br#"[1,2,3]"#,
            br#"{"format":"basira-state","version":1,"sta"#,
            b"\xff\xfe\x00garbage",
            b"",
        ] {
            assert!(
                matches!(kind(corrupt), Kind::Corrupt(_)),
                "{}",
                String::from_utf8_lossy(corrupt)
            );
        }
    }

    #[test]
    fn the_file_has_its_format_and_version() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::in_dir(&dir.path().join("nested"));
        store.save(&ReaderState::default()).unwrap();
        let text = fs::read_to_string(store.path()).unwrap();
        assert_eq!(
            text,
            "{\"format\":\"basira-state\",\"version\":2,\"state\":{\"articles\":{},\
             \"last_article\":null}}\n"
        );
    }

    #[test]
    fn a_file_of_version_1_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::in_dir(dir.path());
        let old = r#"{"format":"basira-state","version":1,"state":{"articles":{"k":
            {"position":{"paragraph":3,"line":0},"bookmarks":[{"paragraph":2,"note":"ن"}]}},
            "last_article":"k"}}"#;
        fs::write(store.path(), old).unwrap();
        let loaded = store.load();
        assert_eq!(loaded.warning, None);
        let mark = &loaded.state.articles["k"].bookmarks[0];
        assert!(mark.bookmarked && mark.note.as_deref() == Some("ن"));
    }

    #[test]
    fn set_aside_names_count_up() {
        let store = Store::in_dir(Path::new("/x"));
        assert_eq!(
            store.aside_name(1_700_000_000, 0),
            Path::new("/x/state.json.corrupt-1700000000")
        );
        assert_eq!(
            store.aside_name(1_700_000_000, 2),
            Path::new("/x/state.json.corrupt-1700000000-2")
        );

        let dir = tempfile::tempdir().unwrap();
        let store = Store::in_dir(dir.path());
        let mut names = Vec::new();
        for content in ["one", "two", "three"] {
            fs::write(store.path(), content).unwrap();
            let aside = store.set_aside().unwrap();
            assert_eq!(fs::read_to_string(&aside).unwrap(), content);
            names.push(aside);
        }
        assert!(!store.path().exists());
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 3);
    }

    #[test]
    fn an_unreadable_file_is_left_alone_and_not_replaced() {
        // A folder where the file should be: unreadable even by root.
        let dir = tempfile::tempdir().unwrap();
        let store = Store::in_dir(dir.path());
        fs::create_dir(store.path()).unwrap();
        let loaded = store.load();
        assert_eq!(loaded.state, ReaderState::default());
        let warning = loaded.warning.unwrap().to_string();
        assert!(warning.contains(&store.path().display().to_string()), "{warning}");
        assert!(store.path().is_dir());
        let error = store.save(&ReaderState::default()).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::Other);
        assert!(store.path().is_dir());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_damaged_file_found_at_save_time_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::in_dir(dir.path());
        fs::write(store.path(), "{not json").unwrap();
        store.save(&ReaderState::default()).unwrap();
        assert_eq!(store.load().warning, None);
    }

    #[test]
    fn only_stale_temporaries_of_ours_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::in_dir(dir.path());
        let old = SystemTime::now() - Duration::from_secs(120);
        let make = |name: &str, modified: Option<SystemTime>| {
            let path = dir.path().join(name);
            let file = fs::File::create(&path).unwrap();
            if let Some(t) = modified {
                file.set_modified(t).unwrap();
            }
            path
        };
        let stale = make(".state.json.tmpAbC123", Some(old));
        let fresh = make(".state.json.tmpXyZ789", None);
        let other = make(".tmp-not-ours", Some(old));
        let aside = make("state.json.corrupt-1", Some(old));
        store.save(&ReaderState::default()).unwrap();
        assert!(!stale.exists());
        assert!(fresh.exists() && other.exists() && aside.exists());
    }

    #[test]
    fn the_default_location_is_state_json() {
        if let Some(store) = Store::default_location() {
            assert!(store.path().ends_with("state.json"), "{}", store.path().display());
            assert!(store.path().to_string_lossy().contains("basira"));
        }
    }
}
