//! What more than one integration test needs.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What the shell command line `command` sends to a pseudo-terminal (util-linux `script`,
/// which records it in `typescript`), with `env` added to its environment, after typing
/// `keys` one at a time `pause` apart (the first once it has had 800 ms to start). The
/// command must end by itself within 20 s (the keys quit it). `None`, with a message, when
/// `script` is not installed.
pub fn bytes_sent_in_a_pty(
    command: &str,
    typescript: &Path,
    env: &[(&str, &Path)],
    keys: &[&str],
    pause: Duration,
) -> Option<String> {
    if Command::new("script").arg("-V").output().is_err() {
        eprintln!("skipped: script (util-linux) is not installed");
        return None;
    }
    let mut child = Command::new("script")
        .args(["-q", "-c", command])
        .arg(typescript)
        .env("TERM", "xterm-256color")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let stdin = child.stdin.as_mut().unwrap();
    std::thread::sleep(Duration::from_millis(800));
    for key in keys {
        let _ = stdin.write_all(key.as_bytes());
        let _ = stdin.flush();
        std::thread::sleep(pause);
    }
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the reader did not end");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Some(String::from_utf8_lossy(&std::fs::read(typescript).unwrap()).into_owned())
}
