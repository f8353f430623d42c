//! The on-disk state store, through its public API: round trips, missing, damaged and newer
//! files, and a child process killed at random moments while it saves.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use basira::state::store::{STATE_FORMAT, STATE_VERSION, Shared, Store};
use basira::state::{ArticleState, Bookmark, ParagraphPrint, Position, ReaderState};

/// A state with two articles, bookmarks with Arabic notes, and a last article.
fn sample_state() -> ReaderState {
    let mut state = ReaderState::default();
    state.articles.insert(
        "0123456789abcdef0123456789abcdef".to_string(),
        ArticleState {
            position: Position { paragraph: 12, line: 3, current: 14 },
            bookmarks: vec![
                Bookmark {
                    paragraph: 2,
                    bookmarked: true,
                    note: Some("ملاحظة عن التعاون الدولي".to_string()),
                    print: None,
                },
                Bookmark { paragraph: 9, bookmarked: true, note: None, print: None },
                Bookmark {
                    paragraph: 14,
                    bookmarked: true,
                    note: Some("«اقتباس» مع \"علامات\" و\\ سطر\nثانٍ".into()),
                    print: Some(ParagraphPrint::of("نص الفقرة")),
                },
            ],
            path: Some("/home/user/مقالات/أ.txt".to_string()),
            title: Some("العنوان".to_string()),
        },
    );
    state.articles.insert(
        "fedcba9876543210fedcba9876543210".to_string(),
        ArticleState {
            position: Position { paragraph: 0, line: 0, current: 1 },
            bookmarks: vec![Bookmark {
                paragraph: 1,
                bookmarked: true,
                note: Some("الفقرة الأولى".to_string()),
                print: None,
            }],
            ..Default::default()
        },
    );
    state.last_article = Some("fedcba9876543210fedcba9876543210".to_string());
    state
}

/// The names of the files in `dir`, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The set-aside copies of damaged state files in `dir`.
fn set_aside_in(dir: &Path) -> Vec<PathBuf> {
    names_in(dir)
        .into_iter()
        .filter(|n| n.starts_with("state.json.corrupt-"))
        .map(|n| dir.join(n))
        .collect()
}

#[test]
fn a_saved_state_loads_back_equal() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::in_dir(&dir.path().join("not").join("yet"));
    let state = sample_state();
    store.save(&state).unwrap();
    let loaded = store.load();
    assert_eq!(loaded.warning, None);
    assert_eq!(loaded.state, state);

    let file: serde_json::Value = serde_json::from_slice(&fs::read(store.path()).unwrap()).unwrap();
    assert_eq!(file["format"], STATE_FORMAT);
    assert_eq!(file["version"], STATE_VERSION);
    assert!(fs::read_to_string(store.path()).unwrap().contains("ملاحظة عن التعاون الدولي"));

    // Saving again replaces the file, and leaves no temporary file behind.
    let mut changed = state.clone();
    changed.last_article = None;
    store.save(&changed).unwrap();
    assert_eq!(store.load().state, changed);
    assert_eq!(names_in(&dir.path().join("not").join("yet")), ["state.json"]);
}

#[test]
fn a_missing_file_is_an_empty_state_without_warning() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::in_dir(dir.path());
    assert_eq!(store.path(), dir.path().join("state.json"));
    let loaded = store.load();
    assert_eq!(loaded.state, ReaderState::default());
    assert_eq!(loaded.warning, None);
    assert!(names_in(dir.path()).is_empty());
}

#[test]
fn a_damaged_file_is_set_aside_and_the_state_starts_empty() {
    let valid = {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::in_dir(dir.path());
        store.save(&sample_state()).unwrap();
        fs::read(store.path()).unwrap()
    };
    let damaged: Vec<(&str, Vec<u8>)> = vec![
        ("garbage bytes", b"\xff\xfe\x00\x01 not a state \x80".to_vec()),
        ("truncated JSON", valid[..valid.len() / 2].to_vec()),
        ("empty file", Vec::new()),
        ("another shape", br#"{"articles":{},"last_article":null}"#.to_vec()),
        ("an array", b"[1, 2, 3]".to_vec()),
        ("another format", br#"{"format":"notes","version":1,"state":{}}"#.to_vec()),
        (
            "a state of the wrong shape",
            br#"{"format":"basira-state","version":1,"state":{"articles":[1]}}"#.to_vec(),
        ),
    ];
    for (what, bytes) in damaged {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::in_dir(dir.path());
        fs::write(store.path(), &bytes).unwrap();

        let loaded = store.load();
        assert_eq!(loaded.state, ReaderState::default(), "{what}");
        let warning = loaded.warning.unwrap_or_else(|| panic!("{what}: no warning")).to_string();
        assert!(warning.contains(&store.path().display().to_string()), "{what}: {warning}");
        assert!(!store.path().exists(), "{what}: state.json is still there");
        let aside = set_aside_in(dir.path());
        assert_eq!(aside.len(), 1, "{what}: {:?}", names_in(dir.path()));
        assert!(warning.contains(&aside[0].display().to_string()), "{what}: {warning}");
        assert_eq!(fs::read(&aside[0]).unwrap(), bytes, "{what}");

        // The next save starts clean, and the set-aside copy stays.
        store.save(&sample_state()).unwrap();
        let again = store.load();
        assert_eq!(again.warning, None, "{what}");
        assert_eq!(again.state, sample_state(), "{what}");
        assert_eq!(fs::read(&aside[0]).unwrap(), bytes, "{what}");
    }
}

#[test]
fn a_second_damaged_file_is_set_aside_under_another_name() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::in_dir(dir.path());
    fs::write(store.path(), "first damage {").unwrap();
    let first = store.load().warning.unwrap();
    fs::write(store.path(), "second damage [").unwrap();
    let second = store.load().warning.unwrap();
    assert_ne!(first, second);

    let aside = set_aside_in(dir.path());
    assert_eq!(aside.len(), 2, "{:?}", names_in(dir.path()));
    let mut contents: Vec<String> = aside.iter().map(|p| fs::read_to_string(p).unwrap()).collect();
    contents.sort();
    assert_eq!(contents, ["first damage {", "second damage ["]);
    assert!(!store.path().exists());
}

#[test]
fn a_newer_file_is_left_untouched_and_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::in_dir(dir.path());
    let newer = format!(
        r#"{{"format":"basira-state","version":{},"state":{{"articles":"a new shape"}}}}"#,
        STATE_VERSION + 1
    );
    fs::write(store.path(), &newer).unwrap();

    let loaded = store.load();
    assert_eq!(loaded.state, ReaderState::default());
    let warning = loaded.warning.unwrap().to_string();
    assert!(warning.contains("newer basira"), "{warning}");
    assert!(warning.contains(&store.path().display().to_string()), "{warning}");
    assert_eq!(fs::read_to_string(store.path()).unwrap(), newer);

    let error = store.save(&sample_state()).unwrap_err();
    assert_eq!(error.kind(), std::io::ErrorKind::Other);
    assert!(error.to_string().contains("newer basira"), "{error}");
    assert_eq!(fs::read_to_string(store.path()).unwrap(), newer);
    assert_eq!(names_in(dir.path()), ["state.json"]);
}

/// The folder the child of the kill loop saves in; unset in an ordinary test run.
const LOOP_DIR: &str = "BASIRA_SAVE_LOOP_DIR";
/// The first counter value the child saves.
const LOOP_START: &str = "BASIRA_SAVE_LOOP_START";

/// A state that encodes `n` everywhere (so that a mix of two saves would show), with enough
/// bulk that a save takes a moment.
fn counter_state(n: usize) -> ReaderState {
    let mut state = ReaderState::default();
    state.articles.insert(
        "counter".to_string(),
        ArticleState {
            position: Position { paragraph: n, line: n % 7, current: n },
            bookmarks: vec![],
            ..Default::default()
        },
    );
    let bookmarks = (0..200)
        .map(|i| Bookmark {
            paragraph: i,
            bookmarked: true,
            note: Some(format!("ملاحظة عن التعاون الدولي رقم {i} في الحفظ {n}")),
            print: None,
        })
        .collect();
    state.articles.insert("bulk".to_string(), ArticleState { bookmarks, ..Default::default() });
    state.last_article = Some(format!("counter-{n}"));
    state
}

/// The child of [`kill_during_saves_never_loses_a_completed_save`]: saves
/// `counter_state(n)` for n = start, start + 1… and prints `saved n` after each save, until
/// it is killed. Does nothing in an ordinary test run.
#[test]
fn save_loop_child() {
    let Some(dir) = std::env::var_os(LOOP_DIR) else { return };
    let start: usize = std::env::var(LOOP_START).map_or(1, |s| s.parse().unwrap());
    let store = Store::in_dir(Path::new(&dir));
    let mut out = std::io::stdout();
    for n in start.. {
        store.save(&counter_state(n)).unwrap();
        writeln!(out, "saved {n}").unwrap();
        out.flush().unwrap();
    }
}

/// Kills its child when dropped (when an assertion fails while it runs).
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A xorshift64 step.
fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn kill_during_saves_never_loses_a_completed_save() {
    const ROUNDS: usize = 30;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::in_dir(dir.path());
    let seed = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_nanos() as u64 | 1;
    println!("kill loop seed {seed}");
    let mut random = seed;
    let began = Instant::now();
    let mut next = 1;
    let (mut saves, mut leftovers, mut most_temporaries) = (0, 0, 0);
    for round in 0..ROUNDS {
        let mut child = Running(
            Command::new(std::env::current_exe().unwrap())
                .args(["--exact", "save_loop_child", "--nocapture", "--test-threads=1"])
                .env(LOOP_DIR, dir.path())
                .env(LOOP_START, next.to_string())
                .stdout(Stdio::piped())
                .stderr(Stdio::inherit())
                .spawn()
                .unwrap(),
        );
        let stdout = child.0.stdout.take().unwrap();
        let (first_tx, first_rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut last = None;
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(n) = line.strip_prefix("saved ") {
                    let n: usize = n.trim().parse().unwrap();
                    if last.is_none() {
                        let _ = first_tx.send(n);
                    }
                    last = Some(n);
                }
            }
            last
        });

        // Let at least one save complete (so that this round checks something, and the
        // temporary files backdated after the last round are cleaned), then kill at random.
        first_rx.recv_timeout(Duration::from_secs(30)).expect("the child never saved");
        let pause = 5 + xorshift(&mut random) % 56;
        std::thread::sleep(Duration::from_millis(pause));
        child.0.kill().unwrap();
        child.0.wait().unwrap();
        let last_printed = reader.join().unwrap().unwrap();

        let loaded = store.load();
        assert_eq!(loaded.warning, None, "round {round}");
        let counter = loaded.state.articles["counter"].position.paragraph;
        // The save of n completed before `saved n` was printed, and n + 1 was not begun before.
        assert!(
            counter == last_printed || counter == last_printed + 1,
            "round {round}: the file holds {counter}, the last completed save was {last_printed}"
        );
        assert_eq!(loaded.state, counter_state(counter), "round {round}");
        saves += counter + 1 - next;
        next = counter + 1;

        // A child killed while writing leaves its temporary file: at most one per round, as
        // the first save of each round removes the older ones (backdated here, as a save
        // only removes those more than a minute old).
        let temporaries: Vec<PathBuf> = names_in(dir.path())
            .into_iter()
            .filter(|n| n != "state.json")
            .map(|n| dir.path().join(n))
            .collect();
        assert!(temporaries.len() <= 1, "round {round}: {temporaries:?}");
        leftovers += temporaries.len();
        most_temporaries = most_temporaries.max(temporaries.len());
        let long_ago = SystemTime::now() - Duration::from_secs(600);
        for path in &temporaries {
            fs::File::options().write(true).open(path).unwrap().set_modified(long_ago).unwrap();
        }
    }
    println!(
        "kill loop: {ROUNDS} rounds, {saves} saves, {leftovers} temporary files left by kills \
         (at most {most_temporaries} at once), {:.2?}",
        began.elapsed()
    );
}

/// The folder the children of the merge test save in; unset in an ordinary test run.
const MERGE_DIR: &str = "BASIRA_TEST_MERGE_DIR";
/// Which child of the merge test this is.
const MERGE_CHILD: &str = "BASIRA_TEST_MERGE_CHILD";
/// How many notes each child adds, one save each.
const NOTES_PER_CHILD: usize = 40;

/// A child of [`readers_saving_at_once_keep_every_note`]: a reader that adds a note, saves,
/// adds the next… through a [`Shared`] store, as the reader does (it takes up the merged
/// state after each save), and removes the bookmark every child finds at the start. Does
/// nothing in an ordinary test run.
#[test]
fn merge_child() {
    let Some(dir) = std::env::var_os(MERGE_DIR) else { return };
    let child: usize = std::env::var(MERGE_CHILD).unwrap().parse().unwrap();
    let (mut shared, loaded) = Shared::load(Store::in_dir(Path::new(&dir)));
    let mut mine = loaded.state;
    let article = format!("article-of-child-{}", child % 2);
    for n in 0..NOTES_PER_CHILD {
        let entry = mine.articles.entry(article.clone()).or_default();
        let print = ParagraphPrint::of(&format!("paragraph {child} {n}"));
        entry.set_note(child * 1000 + n, print, &format!("ملاحظة {n} من القارئ {child}"));
        if child == 0 && n == NOTES_PER_CHILD / 2 {
            mine.articles.get_mut("shared").unwrap().toggle_bookmark(7, ParagraphPrint::of("x"));
        }
        mine = shared.save(&mine).unwrap();
    }
}

#[test]
fn readers_saving_at_once_keep_every_note() {
    const CHILDREN: usize = 3;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::in_dir(dir.path());
    // A bookmark every reader loads; one of them removes it while the others go on saving
    // the state they loaded it in.
    let mut start = ReaderState::default();
    start
        .articles
        .entry("shared".to_string())
        .or_default()
        .toggle_bookmark(7, ParagraphPrint::of("x"));
    store.save(&start).unwrap();
    let children: Vec<Running> = (0..CHILDREN)
        .map(|child| {
            Running(
                Command::new(std::env::current_exe().unwrap())
                    .args(["--exact", "merge_child", "--nocapture", "--test-threads=1"])
                    .env(MERGE_DIR, dir.path())
                    .env(MERGE_CHILD, child.to_string())
                    .stdout(Stdio::null())
                    .spawn()
                    .unwrap(),
            )
        })
        .collect();
    for mut child in children {
        assert!(child.0.wait().unwrap().success());
    }
    let loaded = store.load();
    assert_eq!(loaded.warning, None);
    let state = loaded.state;
    for child in 0..CHILDREN {
        let article = &state.articles[&format!("article-of-child-{}", child % 2)];
        for n in 0..NOTES_PER_CHILD {
            let note = article.bookmark(child * 1000 + n).and_then(|b| b.note.as_deref());
            assert_eq!(note, Some(format!("ملاحظة {n} من القارئ {child}").as_str()));
        }
    }
    assert_eq!(state.articles["shared"].bookmarks, [], "the removed bookmark stays removed");
}
