//! Holding a key down: 200 `j` written in one burst to a pseudo-terminal of 200×60, into
//! `less` and into the release `basira` on the same text, and for each the bytes the program
//! writes after the burst (until it has been quiet for 300 ms) and the time from the burst to
//! its last byte. Medians of several runs, taken in turns so that both programs share the
//! machine's load, and basira's numbers as ratios of less's (the goal: bytes within 5×,
//! time within 3×).
//!
//! The text is four of the longest articles of the ANT news corpus (`../data/ant-news`,
//! unpacked from `../shared/data/ant-news.tar.xz`) in one file, long enough that neither
//! program reaches its end. basira is `target/release/basira`, found beside the bench's own
//! executable (`target/release/deps/terminal-…`), which `cargo bench` builds with it, so that
//! a `CARGO_TARGET_DIR` elsewhere works too.

use std::ffi::OsStr;
use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const COLUMNS: u16 = 200;
const ROWS: u16 = 60;
/// How many `j` the burst holds.
const BURST: usize = 200;
/// A program has settled when it has written nothing for this long.
const QUIET: Duration = Duration::from_millis(300);
/// Writes of at most this many bytes are not activity: basira before issue 12, item 16 drew
/// every 200 ms while idle, 21 bytes (colours reset, cursor hidden) that change nothing on
/// the screen and would keep it from ever being quiet. They are still counted in the bytes.
const IDLE_BYTES: usize = 32;
/// No measure waits longer than this for a program to be quiet.
const GIVE_UP: Duration = Duration::from_secs(20);
/// Runs of each program (after one run of each that is not counted).
const RUNS: usize = 7;

/// The articles, under `../data/ant-news`.
const ARTICLES: [&str; 4] = [
    "BBC/internationalNews/BB-internationalNews-366-20180420.txt",
    "Alarabia/culture/AL-culture-591-20180716.txt",
    "BBC/sport/BB-sport-198-20180608.txt",
    "Alarabia/culture/AL-culture-81-20180221.txt",
];

/// What one run measured.
#[derive(Clone, Copy)]
struct Burst {
    /// Bytes written after the burst.
    bytes: usize,
    /// From the burst to the last of those bytes.
    settled: Duration,
}

/// A program running on the slave side of a pseudo-terminal.
struct Pty {
    master: File,
    child: Child,
}

impl Pty {
    /// Start `command` in a new session whose controlling terminal is a fresh pty of
    /// `COLUMNS` × `ROWS`.
    fn spawn(mut command: Command) -> Pty {
        let (mut master, mut slave) = (0, 0);
        let size = libc::winsize { ws_row: ROWS, ws_col: COLUMNS, ws_xpixel: 0, ws_ypixel: 0 };
        // SAFETY: openpty writes two descriptors into the integers given; the name, termios
        // and winsize pointers are null or point to a live value.
        let done = unsafe {
            libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), &size)
        };
        assert_eq!(done, 0, "openpty: {}", std::io::Error::last_os_error());
        // SAFETY: both descriptors were just opened and are owned by nothing else.
        let (master, slave) = unsafe { (File::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        let stdio = || Stdio::from(slave.try_clone().unwrap());
        command.stdin(stdio()).stdout(stdio()).stderr(stdio());
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            command.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn().expect("the program starts");
        Pty { master, child }
    }

    /// Read what the program writes until it has been quiet (written nothing but idle writes)
    /// for `QUIET`; return how many bytes came and when the last write that was not idle came.
    fn drain(&mut self) -> (usize, Option<Instant>) {
        let start = Instant::now();
        let (mut bytes, mut last) = (0, None);
        let mut buffer = [0u8; 65536];
        loop {
            let since = last.unwrap_or(start);
            let left = QUIET.saturating_sub(since.elapsed());
            if left.is_zero() || start.elapsed() > GIVE_UP {
                return (bytes, last);
            }
            let fd = self.master.as_raw_fd();
            let mut poll = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
            // SAFETY: one live pollfd.
            let ready = unsafe { libc::poll(&mut poll, 1, left.as_millis() as i32 + 1) };
            if ready <= 0 {
                continue;
            }
            match self.master.read(&mut buffer) {
                Ok(0) | Err(_) => return (bytes, last),
                Ok(n) => {
                    bytes += n;
                    if n > IDLE_BYTES {
                        last = Some(Instant::now());
                    }
                }
            }
        }
    }

    /// Settle, send the burst, and measure what follows; then quit with `q`.
    fn measure(mut self) -> Burst {
        self.drain();
        self.master.write_all(&[b'j'; BURST]).unwrap();
        let sent = Instant::now();
        let (bytes, last) = self.drain();
        let settled = last.map_or(Duration::ZERO, |last| last - sent);
        self.master.write_all(b"q").unwrap();
        let deadline = Instant::now() + Duration::from_secs(5);
        while self.child.try_wait().unwrap().is_none() {
            if Instant::now() > deadline {
                self.child.kill().unwrap();
                self.child.wait().unwrap();
                break;
            }
            self.drain();
        }
        Burst { bytes, settled }
    }
}

/// The text both programs show, written into `dir`.
fn text(dir: &Path) -> PathBuf {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/ant-news");
    let mut text = Vec::new();
    for article in ARTICLES {
        let path = data.join(article);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| {
            panic!("{}: {e} (unpack ../shared/data/ant-news.tar.xz into ../data)", path.display())
        });
        text.extend_from_slice(&bytes);
        text.push(b'\n');
    }
    let path = dir.join("articles.txt");
    std::fs::write(&path, text).unwrap();
    path
}

/// A command with the terminal's usual variables.
fn command(program: impl AsRef<OsStr>) -> Command {
    let mut command = Command::new(program);
    command.env_clear().env("PATH", "/usr/bin:/bin").env("TERM", "xterm-256color");
    command.env("LANG", "C.UTF-8");
    command
}

/// `less` on `text`, remembering nothing between runs.
fn less(text: &Path) -> Command {
    let mut less = command("less");
    less.env("LESSHISTFILE", "-").arg(text);
    less
}

/// basira on `text`, with settings and state of its own (`run`, a fresh folder), and the
/// analysis cache in `cache`, shared by the runs (the first run, not counted, fills it, so
/// that no analysis arrives in the middle of a measurement).
fn basira(text: &Path, run: &Path, cache: &Path) -> Command {
    let exe = std::env::current_exe().unwrap();
    let binary = exe.parent().and_then(Path::parent).unwrap().join("basira");
    assert!(binary.exists(), "{} is built by `cargo bench`", binary.display());
    let mut basira = command(binary);
    basira.env("XDG_CONFIG_HOME", run.join("config")).env("XDG_STATE_HOME", run.join("state"));
    basira.env("XDG_CACHE_HOME", cache).arg(text);
    basira
}

/// The median of each measure, separately.
fn median(runs: &[Burst]) -> Burst {
    let mut bytes: Vec<usize> = runs.iter().map(|r| r.bytes).collect();
    let mut settled: Vec<Duration> = runs.iter().map(|r| r.settled).collect();
    bytes.sort();
    settled.sort();
    Burst { bytes: bytes[bytes.len() / 2], settled: settled[settled.len() / 2] }
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let text = text(dir.path());
    let cache = dir.path().join("cache");
    let (mut less_runs, mut basira_runs) = (Vec::new(), Vec::new());
    for run in 0..=RUNS {
        let run_dir = dir.path().join(format!("run-{run}"));
        let of_less = Pty::spawn(less(&text)).measure();
        let of_basira = Pty::spawn(basira(&text, &run_dir, &cache)).measure();
        if run > 0 {
            less_runs.push(of_less);
            basira_runs.push(of_basira);
        }
    }
    let (less, basira) = (median(&less_runs), median(&basira_runs));
    println!("{BURST} j in one write at {COLUMNS}×{ROWS}, median of {RUNS} runs:");
    for (name, runs, m) in [("less", &less_runs, less), ("basira", &basira_runs, basira)] {
        let each: Vec<String> = runs
            .iter()
            .map(|r| format!("{} B/{:.1} ms", r.bytes, r.settled.as_secs_f64() * 1e3))
            .collect();
        println!(
            "  {name:<6} {:>9} bytes, settled in {:>7.1} ms   ({})",
            m.bytes,
            m.settled.as_secs_f64() * 1e3,
            each.join(", ")
        );
    }
    println!(
        "  basira/less: bytes {:.1}× (goal ≤ 5×), time {:.1}× (goal ≤ 3×)",
        basira.bytes as f64 / less.bytes.max(1) as f64,
        basira.settled.as_secs_f64() / less.settled.as_secs_f64().max(1e-6)
    );
}
