//! The reader in a real terminal (tmux): start, scroll, switch article, resize, quit, and the
//! terminal is back to normal afterwards — also after SIGTERM, SIGHUP and a panic; search, a
//! theme trail and a related-passage jump and back, typed as a user types them; a burst of
//! keys shows what the same keys pressed one by one show.
//!
//! Skipped, with a message, on a machine without tmux; `.ci/run` installs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use basira::corpus::Corpus;
use basira::layout::{LayoutOptions, layout_paragraph};

/// What the shell prints when the program under test has ended.
const EXITED: &str = "BASIRA-EXITED";

/// A tmux server of its own, with one window running `sh`.
struct Tmux {
    socket: String,
    dir: PathBuf,
}

impl Tmux {
    /// Start a session of `cols` × `rows`, or None when tmux is not installed.
    fn start(name: &str, cols: u16, rows: u16) -> Option<Tmux> {
        Tmux::start_with_state(name, cols, rows, None)
    }

    /// Start a session as [`Tmux::start`] does, whose reader keeps its state in `state` (the
    /// session's own folder when None): two sessions given one folder are two readers of
    /// one user.
    fn start_with_state(name: &str, cols: u16, rows: u16, state: Option<&Path>) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("skipped: tmux is not installed (apt-get install -y tmux)");
            return None;
        }
        let socket = format!("basira-e2e-{name}-{}", std::process::id());
        let dir = std::env::temp_dir().join(&socket);
        std::fs::create_dir_all(&dir).unwrap();
        let tmux = Tmux { socket, dir };
        // The reader's cache and settings stay inside the test's own folder.
        let config = format!("XDG_CONFIG_HOME={}", tmux.dir.join("config").display());
        let cache = format!("XDG_CACHE_HOME={}", tmux.dir.join("cache").display());
        let state_dir = state.map_or_else(|| tmux.dir.join("state"), Path::to_path_buf);
        let state = format!("XDG_STATE_HOME={}", state_dir.display());
        let status = tmux
            .command(&[
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "e2e",
                "-x",
                &cols.to_string(),
                "-y",
                &rows.to_string(),
                "env",
                &config,
                &cache,
                &state,
                "LANG=C.UTF-8",
                "TERM=xterm-256color",
                "PS1=$ ",
                "sh",
            ])
            .status
            .success();
        assert!(status, "tmux starts");
        tmux.command(&["set-option", "-g", "status", "off"]);
        Some(tmux)
    }

    /// Run a tmux command on this server.
    fn command(&self, args: &[&str]) -> Output {
        Command::new("tmux").arg("-L").arg(&self.socket).args(args).output().expect("tmux runs")
    }

    /// Type text literally, then press Enter.
    fn type_line(&self, text: &str) {
        self.command(&["send-keys", "-t", "e2e", "-l", text]);
        self.command(&["send-keys", "-t", "e2e", "Enter"]);
    }

    /// Press keys by their tmux names.
    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        self.command(&args);
    }

    /// The pane as it shows now, one line per row.
    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.command(&["capture-pane", "-p", "-t", "e2e"]).stdout)
            .into_owned()
    }

    /// A tmux format (such as `#{alternate_on}`) expanded for the pane.
    fn format(&self, format: &str) -> String {
        let out = self.command(&["display-message", "-p", "-t", "e2e", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Capture the screen every 50 ms until it satisfies `test` and return it; after 10 s,
    /// panic with `what` and the last screen.
    ///
    /// The reader writes a frame in pieces, top to bottom with the status line last (and
    /// clears the screen first when the text moves or the size changes), and a capture can
    /// land between two pieces. So `test` names what the new frame shows, and everything the
    /// test then checks in it — never only that the old screen has gone, which a blank or
    /// half-drawn screen satisfies too.
    fn wait_for(&self, what: &str, test: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let screen = self.screen();
            if test(&screen) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}; the screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Start basira in the shell, recording its pid, and wait for its first frame.
    fn start_basira(&self, env: &str) {
        self.start_basira_showing(env, "article 1/5");
    }

    /// Start basira in the shell, recording its pid, and wait for a first frame that shows
    /// `expected`.
    fn start_basira_showing(&self, env: &str, expected: &str) {
        self.start_basira_on(env, "", expected);
    }

    /// Start basira with `args` (paths to open) in the shell, recording its pid, and wait for
    /// a first frame that shows `expected`.
    fn start_basira_on(&self, env: &str, args: &str, expected: &str) {
        let pid_file = self.dir.join("pid");
        let _ = std::fs::remove_file(&pid_file);
        self.type_line(&format!(
            "clear; sh -c 'echo $$ > {}; exec {} {} {args}'; echo {EXITED}",
            pid_file.display(),
            env,
            env!("CARGO_BIN_EXE_basira")
        ));
        self.wait_for("the first frame", |s| s.contains(expected));
        assert_eq!(self.format("#{alternate_on}"), "1", "the reader uses the alternate screen");
    }

    /// The pid `start_basira` recorded.
    fn basira_pid(&self) -> String {
        std::fs::read_to_string(self.dir.join("pid")).unwrap().trim().to_string()
    }

    /// After basira ended: the main screen is back, the cursor shows, and the terminal is in
    /// cooked mode with echo (a command typed at the shell runs and shows its output).
    fn assert_terminal_restored(&self) {
        // The shell says when the program has ended; only then does typing reach the shell.
        // The program left the alternate screen before it ended, so before the shell spoke.
        let screen = self.wait_for("the program to end", |s| s.lines().any(|l| l.trim() == EXITED));
        assert_eq!(self.format("#{alternate_on}"), "0", "back on the main screen:\n{screen}");
        assert_eq!(self.format("#{cursor_flag}"), "1", "the cursor is visible");
        self.type_line("stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e echo -e -icanon -e -echo | sort | tr '\\n' ' '; echo END");
        // In raw mode the answer would be "-echo -icanon END", or Enter would not even run it.
        self.wait_for("stty's answer", |s| {
            s.lines().any(|l| l.trim().trim_start_matches("$ ") == "echo icanon END")
        });
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.command(&["kill-server"]);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Where the status line says the reader is: the article ("2/5") and how far into it ("12%"),
/// once the line is drawn that far; None while it shows a message or a prompt instead.
fn place(screen: &str) -> Option<(&str, &str)> {
    let mut words = screen.lines().last()?.split_whitespace();
    match (words.next(), words.next(), words.next()) {
        (Some("article"), Some(article), Some(percent)) if percent.ends_with('%') => {
            Some((article, percent))
        }
        _ => None,
    }
}

/// How a paragraph of a built-in article looks on screen: its first visual line's text.
fn first_line_on_screen(document: usize, paragraph: usize, width: u16) -> String {
    let corpus = Corpus::builtin();
    let doc = &corpus.documents[document];
    let layout = layout_paragraph(
        &doc.paragraphs[paragraph].text,
        doc.direction,
        width,
        &LayoutOptions::default(),
    );
    layout.lines[0].text().trim().to_string()
}

#[test]
fn start_scroll_switch_resize_quit() {
    let Some(tmux) = Tmux::start("session", 100, 30) else { return };
    tmux.start_basira("");
    tmux.wait_for("the panel beside the article at 100 columns", |s| s.contains("Key points"));

    tmux.keys(&["j", "j", "j"]);
    tmux.wait_for("scrolling", |s| place(s).is_some_and(|p| p.0 == "1/5" && p.1 != "0%"));

    tmux.keys(&["."]);
    // Article 2 opens on its byline «دينا محمود (لندن)», drawn in visual order.
    let byline = first_line_on_screen(1, 0, 76);
    tmux.wait_for(&format!("article 2 and the byline {byline:?}"), |s| {
        s.contains("article 2/5") && s.contains(&byline)
    });

    // Until the reader draws again, tmux shows the old screen cut to the new size; the
    // reader's own status line is whole: it ends with the last hint.
    tmux.command(&["resize-window", "-t", "e2e", "-x", "80", "-y", "24"]);
    let screen = tmux.wait_for("the reader at 80x24", |s| {
        let status = s.lines().last().unwrap_or("");
        s.lines().count() <= 24 && status.starts_with(" article 2/5") && status.ends_with("q quit")
    });
    assert!(!screen.contains("Outline"), "at 80 columns the panel folds away:\n{screen}");
    tmux.keys(&["Tab"]);
    tmux.wait_for("the folded panel on Tab", |s| s.contains("Outline"));
    tmux.keys(&["Tab"]);

    // At 20x5 the old screen cut down keeps its bottom rows; the reader's has the title on top.
    tmux.command(&["resize-window", "-t", "e2e", "-x", "20", "-y", "5"]);
    tmux.wait_for("the reader at 20x5", |s| {
        s.lines().count() <= 5 && s.starts_with(" 2/5") && place(s) == Some(("2/5", "0%"))
    });
    tmux.command(&["resize-window", "-t", "e2e", "-x", "160", "-y", "45"]);
    tmux.wait_for("the resize to 160x45", |s| s.contains("article 2/5") && s.contains("Outline"));

    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();
}

#[test]
fn escape_and_a_key_typed_quickly_both_act() {
    let Some(tmux) = Tmux::start("escape", 100, 30) else { return };
    tmux.start_basira("");
    tmux.wait_for("the reader", |s| place(s) == Some(("1/5", "0%")));
    tmux.keys(&["?"]);
    tmux.wait_for("the help screen", |s| s.contains("next article"));
    // Sent together, they arrive as one event, Alt-j: Escape closes the help, j scrolls.
    tmux.keys(&["Escape", "j"]);
    tmux.wait_for("the help closed and the page scrolled", |s| {
        !s.contains("next article") && place(s).is_some_and(|p| p.0 == "1/5" && p.1 != "0%")
    });
    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();
}

#[test]
fn terminal_is_restored_after_sigterm_sighup_and_the_other_ending_signals() {
    let Some(tmux) = Tmux::start("signals", 90, 25) else { return };
    for signal in ["TERM", "HUP", "QUIT", "USR1", "USR2", "ALRM"] {
        tmux.start_basira("");
        let status = Command::new("kill").arg(format!("-{signal}")).arg(tmux.basira_pid()).status();
        assert!(status.unwrap().success());
        tmux.assert_terminal_restored();
    }
}

#[test]
fn terminal_is_restored_after_an_abort() {
    // SIGABRT (what a failed allocation ends in) runs no panic hook and no clean-up.
    let Some(tmux) = Tmux::start("abort", 90, 25) else { return };
    tmux.start_basira("");
    let status = Command::new("kill").arg("-ABRT").arg(tmux.basira_pid()).status();
    assert!(status.unwrap().success());
    tmux.assert_terminal_restored();
}

#[test]
fn a_terminal_that_says_it_is_65535_square_is_drawn_in_a_bounded_area() {
    let Some(tmux) = Tmux::start("huge", 90, 25) else { return };
    // The pane's terminal is told it is 65535 × 65535 (tmux then shows the drawn area
    // wrapped, so the screen is not read here): the reader draws its capped area and reads
    // keys, in bounded memory, where it used to ask for 206 GB and abort.
    let pid_file = tmux.dir.join("pid");
    tmux.type_line(&format!(
        "stty rows 65535 cols 65535; sh -c 'echo $$ > {}; exec {}'; echo {EXITED}",
        pid_file.display(),
        env!("CARGO_BIN_EXE_basira")
    ));
    tmux.wait_for("the reader", |_| {
        std::fs::read_to_string(&pid_file).is_ok_and(|pid| !pid.trim().is_empty())
    });
    std::thread::sleep(Duration::from_millis(1500));
    tmux.keys(&["j", "."]);
    std::thread::sleep(Duration::from_millis(500));
    let status = std::fs::read_to_string(format!("/proc/{}/status", tmux.basira_pid()))
        .expect("the reader is still running");
    let peak_kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap();
    assert!(peak_kb < 300 * 1024, "peak memory {peak_kb} kB");
    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();
}

#[test]
fn terminal_is_restored_after_a_panic() {
    let Some(tmux) = Tmux::start("panic", 90, 25) else { return };
    tmux.start_basira(&format!("env {}=1", basira::ui::PANIC_TEST_VARIABLE));
    tmux.keys(&["j"]);
    tmux.assert_terminal_restored();
    tmux.wait_for("the panic message on the main screen", |s| s.contains("panicked"));
}

/// The bytes basira sent to the terminal in a run under `script`, after pressing `q`.
fn bytes_sent(tmux: &Tmux, args: &str) -> Vec<u8> {
    let typescript = tmux.dir.join("typescript");
    tmux.type_line(&format!(
        "clear; script -q -c '{} {args}' {}; echo {EXITED}",
        env!("CARGO_BIN_EXE_basira"),
        typescript.display()
    ));
    tmux.wait_for("the first frame", |s| s.contains("article 1/5"));
    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();
    std::fs::read(&typescript).unwrap()
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &str) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle.as_bytes())
}

#[test]
fn bidi_terminals_are_told_to_stand_back_and_released_at_exit() {
    let Some(tmux) = Tmux::start("bidi", 90, 25) else { return };
    if Command::new("script").arg("-V").output().is_err() {
        eprintln!("skipped: script (util-linux) is not installed");
        return;
    }
    let sent = bytes_sent(&tmux, "");
    let explicit = find(&sent, "\x1b[8l\x1b[1 k").expect("BDSM explicit and SCP LTR are sent");
    let frame = find(&sent, "article 1/5").expect("a frame is drawn");
    let implicit = find(&sent, "\x1b[0 k\x1b[8h").expect("they are undone at exit");
    assert!(explicit < frame && frame < implicit);

    let sent = bytes_sent(&tmux, "--bidi terminal");
    assert!(find(&sent, "\x1b[8l").is_none(), "--bidi terminal leaves the terminal's bidi on");
}

#[test]
fn the_reader_ends_when_its_terminal_goes_away() {
    let Some(tmux) = Tmux::start("hangup", 90, 25) else { return };
    tmux.start_basira("");
    let pid = tmux.basira_pid();
    // Closing the terminal without a SIGHUP to the reader (tmux kills the server; the pane's
    // reads return end-of-file): the reader must not stay behind, spinning.
    tmux.command(&["kill-server"]);
    let proc_dir = PathBuf::from(format!("/proc/{pid}"));
    let deadline = Instant::now() + Duration::from_secs(5);
    while proc_dir.exists() && !is_zombie(&proc_dir) {
        assert!(
            Instant::now() < deadline,
            "basira ({pid}) is still running after its terminal closed"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Whether the process of a /proc folder has ended and waits to be reaped.
fn is_zombie(proc_dir: &std::path::Path) -> bool {
    std::fs::read_to_string(proc_dir.join("stat"))
        .map(|s| s.rsplit(')').next().unwrap_or("").trim_start().starts_with('Z'))
        .unwrap_or(true)
}

#[test]
fn search_a_theme_trail_and_a_related_passage_and_back() {
    let Some(tmux) = Tmux::start("theme", 160, 45) else { return };
    tmux.start_basira("");
    // The panel fills in once the analysis is ready.
    tmux.wait_for("the key points", |s| s.contains("Key points") && !s.contains("Reading the"));

    // Search for «تلجرام», typed in Arabic: the prompt shows it in reading order.
    tmux.keys(&["/"]);
    tmux.command(&["send-keys", "-t", "e2e", "-l", "تلجرام"]);
    let typed = first_line("تلجرام");
    tmux.wait_for("the typed search", |s| s.contains("Search:") && s.contains(&typed));
    tmux.keys(&["Enter"]);
    tmux.wait_for("the first hit", |s| s.contains("Hit 1 of 8"));
    tmux.keys(&["n"]);
    tmux.wait_for("the next hit", |s| s.contains("Hit 2 of 8"));
    // Escape on its own, then back through both jumps to where the search started.
    tmux.keys(&["Escape"]);
    tmux.wait_for("the search closed", |s| place(s).is_some());
    tmux.keys(&["BSpace", "BSpace"]);
    tmux.wait_for("the way back from the hits", |s| s.contains("article 1/5  0%"));

    // A theme trail: the list, Enter, then ] from passage to passage.
    tmux.keys(&["t"]);
    tmux.wait_for("the theme list", |s| s.contains("Themes — Enter"));
    tmux.keys(&["Enter"]);
    tmux.wait_for("the theme", |s| s.contains("Theme «"));
    tmux.keys(&["]"]);
    tmux.wait_for("the second passage", |s| s.contains("passage 2 of 27"));
    tmux.keys(&["BSpace", "BSpace"]);
    tmux.wait_for("the way back from the trail", |s| s.contains("article 1/5  0%"));
    // Escape leaves the theme (and says so).
    tmux.keys(&["Escape"]);
    tmux.wait_for("the theme left", |s| s.contains("No theme is followed now"));

    // A related passage: the Related section of the first numbered item (two paragraphs on:
    // the opening paragraph has none), Tab, Enter; then back. Tab points (▸) at the first
    // passage, headed by its article's number and title.
    tmux.keys(&["g", "}", "}", "l", "l", "Tab"]);
    tmux.wait_for("the first related passage", |s| {
        s.lines().any(|l| l.contains('▸') && l.trim_end().ends_with(|c: char| c.is_ascii_digit()))
    });
    tmux.keys(&["Enter"]);
    tmux.wait_for("the other article", |s| s.contains("article 5/5"));
    tmux.keys(&["C-o"]);
    tmux.wait_for("the way back", |s| s.contains("article 1/5"));

    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();
}

/// A short text as the reader draws it: shaped and in visual order.
fn first_line(text: &str) -> String {
    let layout =
        layout_paragraph(text, basira::text::Direction::Rtl, 40, &LayoutOptions::default());
    layout.lines[0].text().to_string()
}

#[test]
fn bookmarks_a_note_and_the_place_are_there_after_a_restart() {
    let Some(tmux) = Tmux::start("student", 100, 30) else { return };
    tmux.start_basira("");
    tmux.wait_for("the analysis", |s| !s.contains("Reading the"));
    // Article 2: bookmark a paragraph, then another with an Arabic note.
    tmux.keys(&[".", "}", "m"]);
    tmux.wait_for("the first bookmark", |s| s.contains("Bookmarked."));
    tmux.keys(&["}", "}", "a"]);
    tmux.command(&["send-keys", "-t", "e2e", "-l", "سؤال للمناقشة"]);
    tmux.wait_for("the note typed", |s| s.contains(&first_line("سؤال للمناقشة")));
    tmux.keys(&["Enter"]);
    let mut screen = tmux.wait_for("the note saved", |s| s.contains("Note saved."));
    // A line at a time, each seen drawn, so that the place read last is where the reader is.
    for _ in 0..3 {
        let last = place(&screen).map(|p| p.1.to_string());
        tmux.keys(&["j"]);
        screen = tmux.wait_for("a line further", |s| {
            place(s).is_some_and(|p| p.0 == "2/5" && Some(p.1) != last.as_deref())
        });
    }
    let before = place(&screen).unwrap().1.to_string();
    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();

    tmux.start_basira_showing("", "article 2/5");
    tmux.wait_for(&format!("the same place, article 2/5 at {before}"), |s| {
        place(s) == Some(("2/5", &before))
    });
    tmux.keys(&["M"]);
    let note = first_line("سؤال للمناقشة");
    tmux.wait_for("the bookmarks and the note", |s| {
        s.contains("Bookmarks and notes") && s.contains(&note)
    });
    // Escape on its own: read together with q, it would make it Alt-q.
    tmux.keys(&["Escape"]);
    tmux.wait_for("the bookmarks closed", |s| !s.contains("Bookmarks and notes"));
    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();
}

#[test]
fn a_paste_is_text_in_a_note_and_never_keys() {
    let Some(tmux) = Tmux::start("paste", 100, 30) else { return };
    let started = std::time::SystemTime::now();
    tmux.start_basira("");
    tmux.wait_for("the analysis", |s| !s.contains("Reading the"));
    // Pasted outside a prompt, «x⏎{mep⏎» would delete a bookmark, write a handout and start a
    // presentation if it were read as keys.
    let paste = |text: &str| {
        tmux.command(&["set-buffer", "-b", "pasted", text]);
        tmux.command(&["paste-buffer", "-p", "-d", "-b", "pasted", "-t", "e2e"]);
    };
    tmux.keys(&["}", "m"]);
    tmux.wait_for("a bookmark", |s| s.contains("Bookmarked."));
    paste("x\n{mep\n");
    tmux.wait_for("the paste ignored", |s| s.contains("Paste goes into a note"));
    // In a note it is the note's text, on one line.
    tmux.keys(&["a"]);
    tmux.wait_for("the note prompt", |s| s.lines().last().is_some_and(|l| l.contains("Note")));
    paste("x\n{mep\n");
    tmux.wait_for("the paste typed", |s| s.contains("x {mep"));
    tmux.keys(&["Enter"]);
    tmux.wait_for("the note saved", |s| s.contains("Note saved."));
    tmux.keys(&["M"]);
    let list = tmux.wait_for("the list", |s| s.contains("Bookmarks and notes"));
    assert!(list.contains("x {mep"), "{list}");
    // `e` writes the handout in the reader's folder, the crate's here.
    let handout = Path::new(env!("CARGO_MANIFEST_DIR")).join("basira-handout.md");
    let written = std::fs::metadata(&handout).and_then(|m| m.modified());
    assert!(written.map_or(true, |at| at < started), "no handout was written");
    tmux.keys(&["Escape"]);
    tmux.wait_for("the list closed", |s| !s.contains("Bookmarks and notes"));
    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();
}

/// Stop the reader at a place with `stop` and continue it with `fg`: the shell has the
/// terminal back while it is stopped, and the reader takes it again, at the same place and in
/// raw mode (a key acts without Enter).
fn stop_and_continue(name: &str, stop: impl Fn(&Tmux)) {
    let Some(tmux) = Tmux::start(name, 90, 25) else { return };
    tmux.start_basira("");
    tmux.keys(&["j", "j"]);
    tmux.wait_for("scrolling", |s| place(s).is_some_and(|p| p.0 == "1/5" && p.1 != "0%"));
    stop(&tmux);
    // The shell has the terminal back, on the main screen (left before the reader stopped,
    // so before the shell reports it), in cooked mode.
    let screen = tmux.wait_for("the shell's job report", |s| s.to_lowercase().contains("stopped"));
    assert_eq!(tmux.format("#{alternate_on}"), "0", "back on the main screen:\n{screen}");
    tmux.type_line("fg");
    tmux.wait_for("the reader again, at the same place", |s| {
        place(s).is_some_and(|p| p.0 == "1/5" && p.1 != "0%")
    });
    assert_eq!(tmux.format("#{alternate_on}"), "1");
    tmux.keys(&["."]);
    tmux.wait_for("the next article", |s| place(s).is_some_and(|p| p.0 == "2/5"));
    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_fg_takes_it_again() {
    stop_and_continue("suspend", |tmux| tmux.keys(&["C-z"]));
}

#[test]
fn a_stop_signal_from_outside_gives_the_terminal_back_as_ctrl_z_does() {
    stop_and_continue("tstp", |tmux| {
        let status = Command::new("kill").arg("-TSTP").arg(tmux.basira_pid()).status();
        assert!(status.unwrap().success());
    });
}

#[test]
fn two_readers_at_once_keep_each_others_notes() {
    use basira::state::store::Store;
    use basira::state::{ArticleState, ParagraphPrint, ReaderState, article_key};
    let state_dir = tempfile::tempdir().unwrap();
    let store = Store::in_dir(&state_dir.path().join("basira"));
    // A bookmark both readers find at the start, on the first built-in article's first body
    // paragraph, that reader A removes.
    let builtin = Corpus::builtin();
    let first = &builtin.documents[0];
    let body = first.paragraphs.iter().position(|p| p.text.chars().count() > 120).unwrap();
    let mut start = ReaderState::default();
    let mut article = ArticleState::default();
    let print = ParagraphPrint::of(&first.paragraphs[body].text);
    article.toggle_bookmark(body, print.clone());
    article.set_note(body, print, "ستحذف");
    start.articles.insert(article_key(first), article);
    store.save(&start).unwrap();
    // Reader B reads another folder.
    let folder = state_dir.path().join("folder");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("مقال.txt"),
        "مقال القارئ الثاني\n\nفقرة أولى عن المكتبة العامة في المدينة.\n\n\
         فقرة ثانية عن الكتب النادرة فيها.\n",
    )
    .unwrap();

    let Some(a) = Tmux::start_with_state("reader-a", 100, 30, Some(state_dir.path())) else {
        return;
    };
    let Some(b) = Tmux::start_with_state("reader-b", 100, 30, Some(state_dir.path())) else {
        return;
    };
    a.start_basira("");
    b.start_basira_on("", &folder.display().to_string(), " 1/1 ");
    // A goes to the bookmark from the list and removes it, then adds a note on article 2.
    a.keys(&["M"]);
    a.wait_for("the bookmark list", |s| s.contains("Bookmarks and notes"));
    a.keys(&["Enter"]);
    a.wait_for("the list closed", |s| !s.contains("Bookmarks and notes"));
    // `m` takes the bookmark off and leaves the note; `D` and a yes delete the note.
    a.keys(&["m"]);
    a.wait_for("the bookmark removed", |s| s.contains("Bookmark removed; the note stays."));
    a.keys(&["D"]);
    a.wait_for("the question", |s| s.contains("Delete the note on this paragraph?"));
    a.keys(&["y"]);
    a.wait_for("the note deleted", |s| s.contains("Note deleted"));
    a.keys(&[".", "}", "a"]);
    a.command(&["send-keys", "-t", "e2e", "-l", "ملاحظة القارئ الأول"]);
    a.keys(&["Enter"]);
    a.wait_for("A's note saved", |s| s.contains("Note saved."));
    // B adds a note and scrolls, while A is still open.
    b.keys(&["}", "a"]);
    b.command(&["send-keys", "-t", "e2e", "-l", "ملاحظة القارئ الثاني"]);
    b.keys(&["Enter"]);
    b.wait_for("B's note saved", |s| s.contains("Note saved."));
    b.keys(&["j"]);
    // A quits first, B last: B's state, loaded with the old bookmark and without A's note,
    // is saved over A's.
    a.keys(&["q"]);
    a.assert_terminal_restored();
    b.keys(&["q"]);
    b.assert_terminal_restored();

    let saved = store.load();
    assert_eq!(saved.warning, None);
    let notes: Vec<&str> = saved
        .state
        .articles
        .values()
        .flat_map(|a| a.bookmarks.iter().filter_map(|b| b.note.as_deref()))
        .collect();
    assert!(notes.contains(&"ملاحظة القارئ الأول"), "{notes:?}");
    assert!(notes.contains(&"ملاحظة القارئ الثاني"), "{notes:?}");
    assert!(!notes.contains(&"ستحذف"), "the removed bookmark came back: {notes:?}");
}

/// The screen `basira snapshot` draws off-screen at `cols` × `rows` on `path` after `keys`,
/// with the settings of `tmux`'s reader.
fn snapshot(tmux: &Tmux, (cols, rows): (u16, u16), keys: &str, path: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_basira"))
        .args(["snapshot", "--size", &format!("{cols}x{rows}"), "--keys", keys])
        .arg(path)
        .env("XDG_CONFIG_HOME", tmux.dir.join("config"))
        .env("XDG_CACHE_HOME", tmux.dir.join("cache"))
        .env("XDG_STATE_HOME", tmux.dir.join("snapshot-state"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// A screen's rows without the spaces they end with, and without the empty rows at the end.
fn rows(screen: &str) -> Vec<&str> {
    let mut rows: Vec<&str> = screen.lines().map(str::trim_end).collect();
    while rows.last() == Some(&"") {
        rows.pop();
    }
    rows
}

#[test]
fn keys_sent_in_one_burst_show_what_they_show_pressed_one_by_one() {
    let size = (100, 30);
    let Some(tmux) = Tmux::start("burst", size.0, size.1) else { return };
    // The built-in articles in one file: one article long enough that 200 rows down is
    // still in its middle.
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(articles).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let text: Vec<String> = files.iter().map(|f| std::fs::read_to_string(f).unwrap()).collect();
    let path = tmux.dir.join("long.txt");
    std::fs::write(&path, text.join("\n")).unwrap();
    tmux.start_basira_on("", &path.display().to_string(), "article 1/1");

    // The terminal shows what the reader draws off-screen: no key is lost or drawn twice,
    // and no cell (nor a haraka) of an earlier frame is left.
    let shows = |keys: &str, what: &str| {
        let expected = snapshot(&tmux, size, keys, &path);
        assert!(expected.contains(" 1/1"), "{expected}");
        tmux.wait_for(what, |s| rows(s) == rows(&expected));
    };
    for _ in 0..100 {
        tmux.keys(&["j"]);
    }
    shows(&"j".repeat(100), "100 j pressed one by one");
    tmux.command(&["send-keys", "-t", "e2e", "-l", &"j".repeat(100)]);
    shows(&"j".repeat(200), "100 more j in one burst");
    tmux.command(&["send-keys", "-t", "e2e", "-l", &"k".repeat(37)]);
    shows(&format!("{}{}", "j".repeat(200), "k".repeat(37)), "37 k in one burst");
    tmux.keys(&["NPage", "NPage", "NPage", "PPage"]);
    let keys =
        format!("{}{}<PageDown><PageDown><PageDown><PageUp>", "j".repeat(200), "k".repeat(37));
    shows(&keys, "pages down and up in one burst");

    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();
}

#[test]
fn y_copies_the_paragraph_in_logical_order_through_tmux() {
    let Some(tmux) = Tmux::start("copy", 100, 30) else { return };
    // tmux as most have it: it drops OSC 52, and basira says how to let it through.
    tmux.command(&["set-option", "-g", "set-clipboard", "external"]);
    tmux.start_basira("");
    tmux.keys(&["}", "y"]);
    let screen = tmux.wait_for("the copy", |s| s.contains("Copied the paragraph"));
    assert!(screen.contains("set -g set-clipboard on"), "{screen}");
    // With set-clipboard on, tmux takes it into its paste buffer: the paragraph as written.
    tmux.command(&["set-option", "-g", "set-clipboard", "on"]);
    tmux.keys(&["y"]);
    tmux.wait_for("the copy", |s| {
        s.contains("Copied the paragraph") && !s.contains("set -g set-clipboard on")
    });
    let buffer = tmux.command(&["show-buffer"]);
    let copied = String::from_utf8(buffer.stdout).unwrap();
    let builtin = Corpus::builtin();
    let paragraphs = &builtin.documents[0].paragraphs;
    assert!(
        paragraphs.iter().any(|p| p.text.trim() == copied && p.text.chars().count() > 40),
        "a paragraph of the first article, in logical order: {copied:?}"
    );
    tmux.keys(&["q"]);
    tmux.assert_terminal_restored();
}
