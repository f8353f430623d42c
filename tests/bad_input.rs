//! Files that are not plain UTF-8 articles: other encodings, binary files, files too large to
//! open, empty files and folders, links that loop, unreadable files, devices and named pipes,
//! and a folder of ten thousand files. Each is either read (with a warning when the reader
//! should know how) or refused in one sentence naming the file, with exit status 1, and
//! never by hanging.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use basira::corpus::{Corpus, LoadError};

/// The headline the encoding tests write in each encoding.
const HEADLINE: &str = "العراق يلاحق الإرهاب الرقمي";

/// A paragraph long enough for an encoding detector to recognise its letters.
const PARAGRAPH: &str = "قال خبراء إن الحكومة العراقية تشن حربًا بلا هوادة على المنتديات \
                         الإلكترونية ومواقع الويب التي تروج للفكر المتطرف وخطاب الكراهية.";

/// How long one run of basira may take before it counts as hanging.
const HANG_LIMIT: Duration = Duration::from_secs(10);

/// What one run of basira did.
struct Run {
    status: Option<i32>,
    stdout: String,
    stderr: String,
}

/// A fresh folder under the target directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bad-input").join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Run basira with `args`, its output going to files beside `work` (so that a full pipe
/// cannot stall it); fails the test if it is still running after [`HANG_LIMIT`].
fn basira(work: &Path, args: &[&str]) -> Run {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let mut command = Command::new(env!("CARGO_BIN_EXE_basira"));
    command
        .env("XDG_CONFIG_HOME", tmp.join("bad-input-config"))
        .env("XDG_STATE_HOME", tmp.join("bad-input-state"));
    finish(command, &work.with_extension("out"), args)
}

/// Run `command` (basira, with its settings folders chosen) with `args`, its output going to
/// `output` with the extensions `stdout` and `stderr`; fails the test if it hangs.
fn finish(mut command: Command, output: &Path, args: &[&str]) -> Run {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let out_path = output.with_extension("stdout");
    let err_path = output.with_extension("stderr");
    let mut child = command
        .args(args)
        .env("XDG_CACHE_HOME", tmp.join("bad-input-cache"))
        .stdin(Stdio::null())
        .stdout(fs::File::create(&out_path).unwrap())
        .stderr(fs::File::create(&err_path).unwrap())
        .spawn()
        .expect("basira starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > HANG_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("basira {args:?} still running after {HANG_LIMIT:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        status: status.code(),
        stdout: fs::read_to_string(&out_path).unwrap(),
        stderr: fs::read_to_string(&err_path).unwrap(),
    }
}

/// `basira cat --width 60 FILE`, which must succeed.
fn cat(path: &Path, extra: &[&str]) -> Run {
    let mut args = vec!["cat", "--width", "60"];
    args.extend_from_slice(extra);
    args.push(path.to_str().unwrap());
    let run = basira(path, &args);
    assert_eq!(run.status, Some(0), "{args:?}: {}", run.stderr);
    run
}

/// `basira cat` on `path`: exit status 1 and one sentence on stderr naming the file and
/// saying `says`.
fn assert_refused(path: &Path, says: &str) {
    let run = basira(path, &["cat", "--width", "60", path.to_str().unwrap()]);
    assert_eq!(run.status, Some(1), "{}: {}", path.display(), run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "one sentence: {:?}", run.stderr);
    assert!(run.stderr.contains(path.to_str().unwrap()), "names the file: {:?}", run.stderr);
    assert!(run.stderr.contains(says), "{:?} says {says:?}", run.stderr);
    assert!(!run.stderr.contains("panicked"));
    assert!(run.stdout.is_empty());
}

/// Open one path with the library.
fn open(path: &Path) -> Result<Corpus, LoadError> {
    Corpus::open(&[path.to_path_buf()])
}

/// The paragraphs of the only document in `corpus` (the title among them), a line each.
/// The collection's warnings, as the error stream shows them.
fn warnings(corpus: &Corpus) -> Vec<String> {
    corpus.warnings.iter().map(|w| w.to_string()).collect()
}

fn only_text(corpus: &Corpus) -> String {
    assert_eq!(corpus.documents.len(), 1);
    let paragraphs = corpus.documents[0].paragraphs.iter().map(|p| p.text.as_str());
    paragraphs.collect::<Vec<_>>().join("\n")
}

/// The headline as UTF-16 with a byte-order mark, little- or big-endian.
fn utf16_with_bom(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    bytes
}

/// Write `bytes` to `name` in `dir` and check that basira reads the headline from it just as
/// from plain UTF-8, and without a warning.
fn assert_reads_headline_silently(dir: &Path, name: &str, bytes: &[u8]) {
    let plain = dir.join("plain.txt");
    fs::write(&plain, HEADLINE).unwrap();
    let file = dir.join(name);
    fs::write(&file, bytes).unwrap();
    let corpus = open(&file).unwrap();
    assert!(corpus.warnings.is_empty(), "{name}: {:?}", corpus.warnings);
    assert_eq!(only_text(&corpus), only_text(&open(&plain).unwrap()), "{name}");
    let logical = cat(&file, &["--bidi", "terminal"]);
    assert!(logical.stdout.contains(HEADLINE), "{name}: {:?}", logical.stdout);
    let shaped = cat(&file, &[]);
    assert_eq!(shaped.stdout, cat(&plain, &[]).stdout, "{name}: shaped as from UTF-8");
    assert!(shaped.stderr.is_empty(), "{name}: {:?}", shaped.stderr);
}

#[test]
fn utf8_with_a_byte_order_mark_is_read() {
    let dir = scratch("utf8-bom");
    assert_reads_headline_silently(
        &dir,
        "bom.txt",
        &[b"\xEF\xBB\xBF", HEADLINE.as_bytes()].concat(),
    );
}

#[test]
fn utf16_with_a_byte_order_mark_is_read_in_both_byte_orders() {
    let dir = scratch("utf16");
    assert_reads_headline_silently(&dir, "le.txt", &utf16_with_bom(HEADLINE, false));
    assert_reads_headline_silently(&dir, "be.txt", &utf16_with_bom(HEADLINE, true));
}

#[test]
fn windows_1256_is_detected_and_named_in_a_warning() {
    let dir = scratch("windows-1256");
    let file = dir.join("old.txt");
    let text = format!("{HEADLINE}\n\n{PARAGRAPH}\n");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&text);
    assert!(!unmappable);
    fs::write(&file, &bytes).unwrap();

    let corpus = open(&file).unwrap();
    assert_eq!(only_text(&corpus), format!("{HEADLINE}\n{PARAGRAPH}"));
    assert_eq!(warnings(&corpus), [format!("{}: read as Windows-1256 (Arabic)", file.display())]);

    let logical = cat(&file, &["--bidi", "terminal"]);
    assert!(logical.stdout.contains(HEADLINE), "{:?}", logical.stdout);
    assert!(logical.stderr.contains(&format!("{}: read as Windows-1256", file.display())));
}

#[test]
fn invalid_utf8_is_read_with_replacement_characters_and_a_warning() {
    let dir = scratch("invalid-utf8");
    let file = dir.join("damaged.txt");
    let damaged = [HEADLINE.as_bytes(), b"\xFF", b"\n\n", PARAGRAPH.as_bytes()].concat();
    fs::write(&file, damaged).unwrap();

    let corpus = open(&file).unwrap();
    assert_eq!(only_text(&corpus), format!("{HEADLINE}\u{FFFD}\n{PARAGRAPH}"));
    let warning =
        format!("{}: not valid UTF-8; 1 invalid byte was replaced with �", file.display());
    assert_eq!(warnings(&corpus), std::slice::from_ref(&warning));

    let run = cat(&file, &["--bidi", "terminal"]);
    assert!(run.stdout.contains(HEADLINE) && run.stdout.contains('\u{FFFD}'), "{:?}", run.stdout);
    assert!(run.stderr.contains(&warning), "{:?}", run.stderr);
}

#[test]
fn binary_files_are_refused() {
    let dir = scratch("binary");
    let png = dir.join("image.txt");
    fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0").unwrap();
    assert_refused(&png, "binary file");
    assert!(matches!(open(&png), Err(LoadError::Binary(_))));
    // No NUL, but control bytes all through: not text either.
    let controls = dir.join("stream.txt");
    let noisy: Vec<u8> = (0..4000u32).map(|i| if i % 20 == 0 { 0x01 } else { b'x' }).collect();
    fs::write(&controls, noisy).unwrap();
    assert_refused(&controls, "binary file");
}

#[test]
fn a_file_over_64_mb_is_refused_without_being_read() {
    let dir = scratch("too-large");
    let file = dir.join("huge.txt");
    // Sparse: all zeros, so had it been read it would have been refused as binary instead.
    fs::File::create(&file).unwrap().set_len(65 * 1024 * 1024).unwrap();
    let started = Instant::now();
    assert_refused(&file, "the file is 65 MB; basira opens files up to 64 MB");
    eprintln!("refusing a 65 MB file took {:?}", started.elapsed());
    assert!(matches!(open(&file), Err(LoadError::TooLarge(_, size)) if size == 65 << 20));
}

#[test]
fn files_with_no_text_are_refused_as_empty() {
    let dir = scratch("empty");
    let empty = dir.join("empty.txt");
    fs::write(&empty, "").unwrap();
    assert_refused(&empty, "the file is empty");
    let only_bom = dir.join("bom.txt");
    fs::write(&only_bom, b"\xEF\xBB\xBF \n").unwrap();
    assert_refused(&only_bom, "the file is empty");
}

#[test]
fn an_empty_folder_is_refused() {
    let dir = scratch("empty-folder");
    let folder = dir.join("nothing");
    fs::create_dir(&folder).unwrap();
    assert_refused(
        &folder,
        "the folder holds no article file (.txt, .md, .html, .htm, .epub) with text",
    );
}

#[cfg(unix)]
#[test]
fn a_link_back_to_a_folder_is_skipped_with_a_warning() {
    let dir = scratch("link-loop");
    let folder = dir.join("articles");
    fs::create_dir_all(folder.join("sub")).unwrap();
    fs::write(folder.join("good.txt"), format!("{HEADLINE}\n\n{PARAGRAPH}\n")).unwrap();
    std::os::unix::fs::symlink(&folder, folder.join("loop")).unwrap();
    std::os::unix::fs::symlink("..", folder.join("sub/up")).unwrap();

    let corpus = open(&folder).unwrap();
    assert_eq!(only_text(&corpus), format!("{HEADLINE}\n{PARAGRAPH}"));
    for link in [folder.join("loop"), folder.join("sub/up")] {
        let warning = format!("{}: skipped, a link back to a folder already read", link.display());
        assert!(warnings(&corpus).contains(&warning), "{warning:?} in {:?}", corpus.warnings);
    }
    let run = cat(&folder, &["--bidi", "terminal"]);
    assert!(run.stdout.contains(HEADLINE));
    assert!(run.stderr.contains("a link back to a folder already read"), "{:?}", run.stderr);
}

#[cfg(unix)]
#[test]
fn a_folder_reached_twice_through_a_link_is_read_once() {
    let dir = scratch("link-twice");
    let folder = dir.join("articles");
    fs::create_dir_all(folder.join("z-real")).unwrap();
    fs::write(folder.join("z-real/only.txt"), HEADLINE).unwrap();
    std::os::unix::fs::symlink("z-real", folder.join("a-link")).unwrap();

    let corpus = open(&folder).unwrap();
    assert_eq!(corpus.documents.len(), 1, "read once, through the link that comes first");
    let real = folder.join("z-real");
    let warning =
        format!("{}: skipped, a folder already read through a link to it", real.display());
    assert_eq!(warnings(&corpus), [warning]);
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_skipped_in_a_folder_and_refused_by_name() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("unreadable");
    let folder = dir.join("articles");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("good.txt"), HEADLINE).unwrap();
    let locked = folder.join("locked.txt");
    fs::write(&locked, HEADLINE).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&locked).is_ok() {
        eprintln!("skipped: running as a user who can read a file with mode 000 (root?)");
        return;
    }
    let corpus = open(&folder).unwrap();
    assert_eq!(corpus.documents.len(), 1);
    assert_eq!(corpus.warnings.len(), 1, "{:?}", corpus.warnings);
    assert!(warnings(&corpus)[0].starts_with(&format!("{}: cannot be read (", locked.display())));
    assert_refused(&locked, "cannot be read");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o644)).unwrap();
}

#[cfg(unix)]
#[test]
fn devices_are_refused_without_being_read() {
    for device in ["/dev/null", "/dev/zero"] {
        let device = Path::new(device);
        if device.exists() {
            let run =
                basira(&scratch("device"), &["cat", "--width", "60", device.to_str().unwrap()]);
            assert_eq!(run.status, Some(1), "{}", run.stderr);
            assert_eq!(
                run.stderr.trim(),
                format!("basira: {}: not a regular file", device.display())
            );
            assert!(matches!(open(device), Err(LoadError::NotRegular(_))));
        }
    }
}

/// A named pipe at `path`, or `None` when `mkfifo` is not there to make one.
#[cfg(unix)]
fn make_fifo(path: &Path) -> Option<()> {
    let made = Command::new("mkfifo").arg(path).status();
    made.is_ok_and(|status| status.success()).then_some(())
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
    let dir = scratch("fifo");
    let pipe = dir.join("pipe.txt");
    if make_fifo(&pipe).is_none() {
        eprintln!("skipped: mkfifo could not make a named pipe");
        return;
    }
    assert_refused(&pipe, "not a regular file");
    assert!(matches!(open(&pipe), Err(LoadError::NotRegular(_))));

    // In a folder, the pipe is skipped with a warning and the other file is read.
    let folder = dir.join("articles");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("good.txt"), HEADLINE).unwrap();
    let inner = folder.join("pipe.md");
    assert!(make_fifo(&inner).is_some());
    let corpus = open(&folder).unwrap();
    assert_eq!(corpus.documents.len(), 1);
    assert_eq!(warnings(&corpus), [format!("{}: not a regular file; skipped", inner.display())]);
    let run = cat(&folder, &["--bidi", "terminal"]);
    assert!(run.stdout.contains(HEADLINE) && run.stderr.contains("not a regular file"));
}

#[test]
fn a_folder_of_ten_thousand_files_opens() {
    let dir = scratch("ten-thousand");
    let folder = dir.join("articles");
    fs::create_dir(&folder).unwrap();
    for i in 0..10_000 {
        let text = format!("المقال رقم {i}\n\nفقرة قصيرة من المقال رقم {i} عن الإرهاب الرقمي.\n");
        fs::write(folder.join(format!("{i:05}.txt")), text).unwrap();
    }
    let started = Instant::now();
    let corpus = open(&folder).unwrap();
    let took = started.elapsed();
    eprintln!("Corpus::open on 10,000 files took {took:?}");
    assert_eq!(corpus.documents.len(), 10_000);
    assert!(corpus.warnings.is_empty());
    assert!(corpus.documents[9_999].path.ends_with("09999.txt"), "in name order");
}

/// Run basira with `args` and the given config and state folders (each holding what the
/// test put there); fails the test if it hangs.
fn basira_with_homes(work: &Path, config: &Path, state: &Path, args: &[&str]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_basira"));
    command.env("XDG_CONFIG_HOME", config).env("XDG_STATE_HOME", state);
    finish(command, &work.join("run"), args)
}

#[cfg(unix)]
#[test]
fn a_pipe_or_a_device_as_the_settings_or_the_state_is_refused_without_waiting() {
    for (name, make) in [("pipe", None), ("zero", Some("/dev/zero"))] {
        let dir = scratch(&format!("homes-{name}"));
        let (config, state) = (dir.join("config"), dir.join("state"));
        fs::create_dir_all(config.join("basira")).unwrap();
        fs::create_dir_all(state.join("basira")).unwrap();
        for file in [config.join("basira/config.toml"), state.join("basira/state.json")] {
            match make {
                None if make_fifo(&file).is_none() => {
                    eprintln!("skipped: mkfifo could not make a named pipe");
                    return;
                }
                None => {}
                Some(device) => std::os::unix::fs::symlink(device, &file).unwrap(),
            }
        }
        let what = if make.is_some() { "a device" } else { "a named pipe" };
        // The settings: the reader's screen says so and uses the defaults.
        let run = basira_with_homes(&dir, &config, &state, &["snapshot", "--size", "120x20"]);
        assert_eq!(run.status, Some(0), "{}", run.stderr);
        assert!(run.stdout.contains(&format!("it is {what}")), "{}", run.stdout);
        // The state: the handout is written without the notes, with a warning, and the file
        // is left as it is.
        let run = basira_with_homes(&dir, &config, &state, &["export", "--with-notes"]);
        assert_eq!(run.status, Some(0), "{}", run.stderr);
        assert!(run.stdout.starts_with('#'), "{}", run.stdout);
        assert!(run.stderr.contains(&format!("it is {what}, not a file")), "{}", run.stderr);
        assert!(fs::symlink_metadata(state.join("basira/state.json")).is_ok());
    }
}

#[test]
fn settings_larger_than_any_settings_file_are_refused() {
    let dir = scratch("huge-config");
    let (config, state) = (dir.join("config"), dir.join("state"));
    fs::create_dir_all(config.join("basira")).unwrap();
    fs::write(config.join("basira/config.toml"), "# ".repeat(1024 * 1024)).unwrap();
    let run = basira_with_homes(&dir, &config, &state, &["snapshot", "--size", "140x20"]);
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    assert!(run.stdout.contains("it is larger than"), "{}", run.stdout);
}

#[cfg(unix)]
#[test]
fn a_folder_that_cannot_be_read_is_named_with_the_reason() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let dir = scratch("unlisted");
    // A folder that cannot be listed, and a folder whose only article cannot be read.
    let (closed, locked) = (dir.join("closed"), dir.join("locked"));
    for folder in [&closed, &locked] {
        fs::create_dir(folder).unwrap();
        fs::write(folder.join("article.txt"), HEADLINE).unwrap();
    }
    fs::set_permissions(locked.join("article.txt"), fs::Permissions::from_mode(0o000)).unwrap();
    fs::set_permissions(&closed, fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads anything: the reader is then run as the user `nobody`, to whom the
    // permissions apply.
    let as_reader = |folder: &Path| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_basira"));
        if unsafe { libc::geteuid() } == 0 {
            command.uid(65534).gid(65534);
        }
        let name = folder.file_name().unwrap().to_str().unwrap();
        finish(command, &dir.join(name), &["cat", "--width", "60", folder.to_str().unwrap()])
    };
    let run = as_reader(&closed);
    fs::set_permissions(&closed, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(run.status, Some(1), "{}", run.stdout);
    assert_eq!(
        run.stderr.trim(),
        format!("basira: {}: cannot be read (permission denied)", closed.display())
    );
    let run = as_reader(&locked);
    assert_eq!(run.status, Some(1), "{}", run.stdout);
    let file = locked.join("article.txt");
    assert_eq!(
        run.stderr.trim(),
        format!(
            "basira: {}: none of its 1 file could be opened; the first: {}: cannot be read \
             (permission denied)",
            locked.display(),
            file.display()
        )
    );
}
