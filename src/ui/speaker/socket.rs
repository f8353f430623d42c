//! The local socket between a presenting reader and the speaker view: a Unix socket in
//! `$XDG_RUNTIME_DIR/basira/` (or, where that is unset, a folder of basira's own in the
//! temporary directory, made readable by its user alone), never on the network. The reader
//! listens on it while it presents and sends each speaker view connected a line of JSON
//! whenever what it shows changes; one reader presents at a time.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use super::published::Published;

/// The socket's file name in its folder.
const SOCKET_NAME: &str = "present.sock";
/// How long a write to one speaker view may take before that view is let go.
const WRITE_TIMEOUT: Duration = Duration::from_millis(200);
/// How often the listening thread looks for a new speaker view.
const ACCEPT_POLL: Duration = Duration::from_millis(50);
/// The longest line read from the socket: a message is two slides.
const MAX_LINE: usize = 1 << 20;

/// Why a reader cannot present to a speaker view.
#[derive(Debug)]
pub enum BindError {
    /// Another reader presents to it now.
    Taken,
    /// The socket could not be made (why).
    Io(io::Error),
}

/// The socket's path, its folder made if need be: `$XDG_RUNTIME_DIR/basira/present.sock`,
/// else `basira-UID/present.sock` in the temporary directory, the folder private (mode
/// 0700, the user's own) or refused.
pub fn socket_path() -> io::Result<PathBuf> {
    let folder = match std::env::var_os("XDG_RUNTIME_DIR").filter(|d| !d.is_empty()) {
        Some(runtime) => PathBuf::from(runtime).join("basira"),
        None => {
            // SAFETY: getuid has no preconditions and cannot fail.
            let uid = unsafe { libc::getuid() };
            std::env::temp_dir().join(format!("basira-{uid}"))
        }
    };
    private_folder(&folder)?;
    Ok(folder.join(SOCKET_NAME))
}

/// Make `folder` (mode 0700) unless it is there; refuse one that is a link, not the user's,
/// or open to others.
fn private_folder(folder: &Path) -> io::Result<()> {
    match std::fs::DirBuilder::new().mode(0o700).create(folder) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e),
    }
    let meta = std::fs::symlink_metadata(folder)?;
    // SAFETY: as above.
    let uid = unsafe { libc::getuid() };
    if !meta.is_dir() || meta.uid() != uid || meta.permissions().mode() & 0o077 != 0 {
        return Err(io::Error::other(format!(
            "{} is not a private folder of this user",
            folder.display()
        )));
    }
    Ok(())
}

/// A presenting reader's end: it listens while it lives, and removes the socket when dropped.
pub struct Publisher {
    path: PathBuf,
    /// The speaker views connected.
    followers: Arc<Mutex<Vec<UnixStream>>>,
    /// The last message sent, for a speaker view that connects later.
    last: Arc<Mutex<Option<String>>>,
    stop: Arc<AtomicBool>,
}

impl Publisher {
    /// Listen at `path`. A socket there that no process answers (its reader died) is
    /// replaced; one that answers is another reader's.
    pub fn bind(path: &Path) -> Result<Publisher, BindError> {
        let listener = match UnixListener::bind(path) {
            Ok(listener) => listener,
            Err(e) if e.kind() == io::ErrorKind::AddrInUse => {
                if UnixStream::connect(path).is_ok() {
                    return Err(BindError::Taken);
                }
                std::fs::remove_file(path).map_err(BindError::Io)?;
                UnixListener::bind(path).map_err(BindError::Io)?
            }
            Err(e) => return Err(BindError::Io(e)),
        };
        listener.set_nonblocking(true).map_err(BindError::Io)?;
        let publisher = Publisher {
            path: path.to_path_buf(),
            followers: Arc::default(),
            last: Arc::default(),
            stop: Arc::default(),
        };
        let (followers, last, stop) = (
            Arc::clone(&publisher.followers),
            Arc::clone(&publisher.last),
            Arc::clone(&publisher.stop),
        );
        std::thread::spawn(move || {
            while !stop.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((mut stream, _)) => {
                        let _ = stream.set_nonblocking(false);
                        let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
                        let sent = match last.lock().map(|l| l.clone()) {
                            Ok(Some(line)) => stream.write_all(line.as_bytes()).is_ok(),
                            _ => true,
                        };
                        if sent && let Ok(mut followers) = followers.lock() {
                            followers.push(stream);
                        }
                    }
                    Err(_) => std::thread::sleep(ACCEPT_POLL),
                }
            }
        });
        Ok(publisher)
    }

    /// Send `published` to every speaker view (and keep it for those that come later); a
    /// view that cannot take it is let go.
    pub fn publish(&self, published: &Published) {
        let Ok(mut line) = serde_json::to_string(published) else {
            return;
        };
        line.push('\n');
        if let Ok(mut followers) = self.followers.lock() {
            followers.retain_mut(|stream| stream.write_all(line.as_bytes()).is_ok());
        }
        if let Ok(mut last) = self.last.lock() {
            *last = Some(line);
        }
    }
}

impl Drop for Publisher {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Ok(followers) = self.followers.lock() {
            for stream in followers.iter() {
                let _ = stream.shutdown(std::net::Shutdown::Both);
            }
        }
        let _ = std::fs::remove_file(&self.path);
    }
}

/// What the speaker view hears from a presenting reader.
pub enum Heard {
    /// What the reader shows now.
    Showing(Box<Published>),
    /// The reader stopped presenting (or went away).
    Gone,
}

/// Connect to the reader presenting at `path`, if one is; what it sends arrives on the
/// returned channel, [`Heard::Gone`] last.
pub fn follow(path: &Path) -> io::Result<mpsc::Receiver<Heard>> {
    let stream = UnixStream::connect(path)?;
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        loop {
            line.clear();
            let read = (&mut reader).take(MAX_LINE as u64).read_line(&mut line);
            match read {
                Ok(0) | Err(_) => break,
                Ok(_) => {
                    if let Ok(published) = serde_json::from_str::<Published>(&line)
                        && send.send(Heard::Showing(Box::new(published))).is_err()
                    {
                        return;
                    }
                }
            }
        }
        let _ = send.send(Heard::Gone);
    });
    Ok(receive)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::presentation::{Slide, SlideKind};

    fn published(index: usize) -> Published {
        let slide = Slide {
            kind: SlideKind::Point,
            document: Some(0),
            paragraph: Some(index),
            range: 0..4,
            title: "title".into(),
            about: vec![],
            section: None,
            text: format!("point {index}"),
            direction: crate::text::Direction::Ltr,
            note: Some("a note".into()),
        };
        Published {
            title: "deck".into(),
            index,
            count: 5,
            screen: 0,
            screens: 1,
            current: slide,
            next: None,
            elapsed_ms: 1000,
            running: true,
            length_s: Some(600),
        }
    }

    #[test]
    fn one_reader_presents_a_late_view_hears_the_last_and_a_stale_socket_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(SOCKET_NAME);
        let publisher = Publisher::bind(&path).unwrap();
        assert!(matches!(Publisher::bind(&path), Err(BindError::Taken)), "one at a time");
        publisher.publish(&published(1));
        let heard = follow(&path).unwrap();
        let first = heard.recv_timeout(Duration::from_secs(5)).unwrap();
        assert!(matches!(first, Heard::Showing(p) if p.index == 1), "the last message first");
        // Wait until the view is counted before the next message.
        for _ in 0..100 {
            if publisher.followers.lock().unwrap().len() == 1 {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        publisher.publish(&published(2));
        let second = heard.recv_timeout(Duration::from_secs(5)).unwrap();
        assert!(matches!(second, Heard::Showing(p) if p.index == 2 && p.current.text == "point 2"));
        drop(publisher);
        assert!(matches!(heard.recv_timeout(Duration::from_secs(5)).unwrap(), Heard::Gone));
        assert!(!path.exists(), "the socket goes with its reader");
        // A socket file nobody listens on (a reader that died) is taken over.
        let stale = UnixListener::bind(&path).unwrap();
        drop(stale);
        assert!(path.exists());
        assert!(Publisher::bind(&path).is_ok(), "a stale socket is replaced");
    }

    #[test]
    fn the_folder_must_be_private() {
        let dir = tempfile::tempdir().unwrap();
        let open = dir.path().join("open");
        std::fs::create_dir(&open).unwrap();
        std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert!(private_folder(&open).is_err());
        let made = dir.path().join("made");
        private_folder(&made).unwrap();
        assert_eq!(std::fs::metadata(&made).unwrap().permissions().mode() & 0o777, 0o700);
    }
}
