//! Reading a file that someone else may have put in place: an article, `config.toml`,
//! `state.json`, a cache file, a themes file.
//!
//! A named pipe opened for reading waits for a writer, and a device such as `/dev/zero` never
//! ends; checking what a path is before opening it leaves a moment in which another program
//! can swap a pipe in. So the file is opened without waiting (`O_NONBLOCK`), what it is is
//! checked on the open descriptor, and no more than a stated size is read.

use std::fmt;
use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// It could not be opened or read (the system's reason).
    Io(io::Error),
    /// It is not a regular file: what it is («a named pipe», «a device», «a folder»…).
    NotRegular(&'static str),
    /// It is larger than the size asked for (its size, as far as it was read).
    TooLarge(u64),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::NotRegular(what) => write!(f, "it is {what}, not a file"),
            ReadError::TooLarge(size) => write!(f, "it is larger than {} bytes", size - 1),
        }
    }
}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> ReadError {
        ReadError::Io(e)
    }
}

/// The bytes of the regular file at `path`, of at most `cap` bytes: opened without waiting,
/// checked on the open descriptor, and never read past `cap + 1` bytes.
pub fn read_regular(path: &Path, cap: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_regular(path)?;
    let size = file.metadata()?.len();
    if size > cap {
        return Err(ReadError::TooLarge(size.max(cap + 1)));
    }
    let mut bytes = Vec::with_capacity(size as usize + 1);
    file.take(cap + 1).read_to_end(&mut bytes)?;
    // It may have grown since its size was looked at.
    if bytes.len() as u64 > cap {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// [`read_regular`] as text; bytes that are not UTF-8 are an error of kind `InvalidData`.
pub fn read_regular_text(path: &Path, cap: u64) -> Result<String, ReadError> {
    let bytes = read_regular(path, cap)?;
    String::from_utf8(bytes)
        .map_err(|e| ReadError::Io(io::Error::new(io::ErrorKind::InvalidData, e)))
}

/// The regular file at `path`, open for reading: opened without waiting for a writer (a
/// named pipe), then refused unless the descriptor is a regular file.
pub fn open_regular(path: &Path) -> Result<File, ReadError> {
    let file = open_without_waiting(path)?;
    let kind = file.metadata()?.file_type();
    if !kind.is_file() {
        return Err(ReadError::NotRegular(describe(kind)));
    }
    Ok(file)
}

/// Open `path` for reading with `O_NONBLOCK` where there is one. Reading a regular file is
/// not affected by the flag.
#[cfg(unix)]
fn open_without_waiting(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path)
}

/// Open `path` for reading (systems without named pipes that block).
#[cfg(not(unix))]
fn open_without_waiting(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// What a file that is not a regular one is, in words.
fn describe(kind: fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() { "a folder" } else { "not a regular file" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn a_file_is_read_up_to_its_cap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "12345").unwrap();
        assert_eq!(read_regular(&path, 5).unwrap(), b"12345");
        assert!(matches!(read_regular(&path, 4), Err(ReadError::TooLarge(5))));
        assert_eq!(read_regular_text(&path, 10).unwrap(), "12345");
    }

    #[test]
    fn a_pipe_a_device_and_a_folder_are_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let status = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(status.success());
        let start = Instant::now();
        let error = read_regular(&fifo, 1 << 20).unwrap_err();
        assert!(start.elapsed() < Duration::from_secs(2));
        assert_eq!(error.to_string(), "it is a named pipe, not a file");
        let error = read_regular(Path::new("/dev/zero"), 1 << 20).unwrap_err();
        assert_eq!(error.to_string(), "it is a device, not a file");
        let error = read_regular(dir.path(), 1 << 20).unwrap_err();
        assert!(matches!(error, ReadError::NotRegular(_) | ReadError::Io(_)), "{error}");
    }
}
