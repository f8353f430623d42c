//! The speaker view with two processes in tmux: a presenting reader in one window and
//! `basira present --speaker` in another, connected through the socket in a private runtime
//! folder of the test's own. The speaker screen follows the slides, waits when the reader
//! stops presenting and follows it again when it starts, a second presenter is told the view
//! is taken, and q leaves the view with the terminal given back.
//!
//! Skipped, with a message, when tmux is not installed.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A tmux server of the test's own, its windows running basira with the test's folders.
struct Tmux {
    socket: String,
    dir: PathBuf,
}

impl Tmux {
    fn start(name: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("skipped: tmux is not installed (apt-get install -y tmux)");
            return None;
        }
        let socket = format!("basira-speaker-{name}-{}", std::process::id());
        let dir = std::env::temp_dir().join(&socket);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("runtime")).unwrap();
        use std::os::unix::fs::PermissionsExt;
        let private = std::fs::Permissions::from_mode(0o700);
        std::fs::set_permissions(dir.join("runtime"), private).unwrap();
        let tmux = Tmux { socket, dir };
        let shell = tmux.env_command("sh");
        let mut args =
            vec!["-f", "/dev/null", "new-session", "-d", "-s", "s", "-x", "80", "-y", "24"];
        args.extend(shell.iter().map(String::as_str));
        assert!(tmux.command(&args).status.success(), "tmux starts");
        tmux.command(&["set-option", "-g", "status", "off"]);
        Some(tmux)
    }

    /// `program` run with the test's folders for config, cache, state and runtime.
    fn env_command(&self, program: &str) -> Vec<String> {
        let folder = |name: &str| self.dir.join(name).display().to_string();
        vec![
            "env".into(),
            format!("XDG_CONFIG_HOME={}", folder("config")),
            format!("XDG_CACHE_HOME={}", folder("cache")),
            format!("XDG_STATE_HOME={}", folder("state")),
            format!("XDG_RUNTIME_DIR={}", folder("runtime")),
            "LANG=C.UTF-8".into(),
            "TERM=xterm-256color".into(),
            "PS1=$ ".into(),
            program.into(),
        ]
    }

    fn command(&self, args: &[&str]) -> Output {
        Command::new("tmux").arg("-L").arg(&self.socket).args(args).output().expect("tmux runs")
    }

    /// A new window running a shell.
    fn window(&self, index: usize) {
        let shell = self.env_command("sh");
        let target = format!("s:{index}");
        let mut args = vec!["new-window", "-d", "-t", &target];
        args.extend(shell.iter().map(String::as_str));
        assert!(self.command(&args).status.success());
    }

    /// Type `line` and Enter in window `index`.
    fn run(&self, index: usize, line: &str) {
        let target = format!("s:{index}");
        self.command(&["send-keys", "-t", &target, "-l", line]);
        self.command(&["send-keys", "-t", &target, "Enter"]);
    }

    fn keys(&self, index: usize, keys: &[&str]) {
        let target = format!("s:{index}");
        let mut args = vec!["send-keys", "-t", &target];
        args.extend(keys);
        self.command(&args);
    }

    fn screen(&self, index: usize) -> String {
        let target = format!("s:{index}");
        String::from_utf8_lossy(&self.command(&["capture-pane", "-p", "-t", &target]).stdout)
            .into_owned()
    }

    /// Wait until window `index` shows `text`; its screen.
    fn wait_for(&self, index: usize, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen(index);
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "window {index} never showed {text:?}:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.command(&["kill-server"]);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[test]
fn the_speaker_view_follows_the_presenting_reader_through_the_socket() {
    let Some(tmux) = Tmux::start("follow") else {
        return;
    };
    let basira = env!("CARGO_BIN_EXE_basira");
    tmux.run(0, &format!("{basira} present --speaker --lang en; echo SPEAKER-EXITED"));
    tmux.wait_for(0, "Waiting for a presentation");
    // The reader opens on the first article's first paragraph, whose first sentence is the
    // first key point: a note on it, then present.
    tmux.window(1);
    tmux.run(1, &format!("{basira} --minutes 10 --lang en"));
    tmux.wait_for(1, "1/5");
    tmux.keys(1, &["a"]);
    tmux.command(&["send-keys", "-t", "s:1", "-l", "ask the room for examples"]);
    tmux.keys(1, &["Enter"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux.keys(1, &["p"]);
    tmux.wait_for(1, "1/8");
    let speaker = tmux.wait_for(0, "Slide 1 of 8");
    assert!(speaker.contains("Next") && speaker.contains("Note"), "{speaker}");
    assert!(speaker.contains("left"), "the time left: {speaker}");
    // Stepping on the presenter moves the speaker view, with the point's note.
    tmux.keys(1, &["Space"]);
    let audience = tmux.wait_for(1, "2/8");
    assert!(!audience.contains("ask the room"), "the note is not the audience's: {audience}");
    let speaker = tmux.wait_for(0, "Slide 2 of 8");
    assert!(speaker.contains("ask the room for examples"), "{speaker}");
    tmux.keys(1, &["Right", "Right"]);
    tmux.wait_for(0, "Slide 4 of 8");
    tmux.keys(1, &["Left"]);
    tmux.wait_for(0, "Slide 3 of 8");
    // The presenter leaves the presentation: the view waits; p again and it follows.
    tmux.keys(1, &["Escape"]);
    tmux.wait_for(0, "Waiting for a presentation");
    tmux.keys(1, &["p"]);
    tmux.wait_for(0, "Slide 1 of 8");
    // A second presenter is told the speaker view is taken.
    tmux.window(2);
    tmux.run(2, &format!("{basira} present --lang en"));
    tmux.wait_for(2, "Another presentation has the speaker view");
    tmux.keys(2, &["q"]);
    tmux.keys(2, &["q"]);
    // The first presenter quits: the view waits; q leaves it and the shell is back.
    tmux.keys(1, &["C-c"]);
    tmux.wait_for(0, "Waiting for a presentation");
    tmux.keys(0, &["q"]);
    let back = tmux.wait_for(0, "SPEAKER-EXITED");
    assert!(!back.contains("Waiting for a presentation"), "the main screen is back: {back}");
}
