//! Text nobody checked: escape sequences, C0 and C1 controls, bidi overrides (Trojan-Source
//! style), a 1 MB paragraph, a 10,000-character word, floods of combining marks, joiners, emoji
//! and CJK among Arabic. Nothing from the file reaches the terminal as a control, no line is
//! wider than asked, nothing panics, and bidi controls do not reorder other paragraphs.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use unicode_width::UnicodeWidthStr;

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn basira(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_basira"))
        .args(args)
        .env("XDG_CACHE_HOME", Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile-cache"))
        .env("XDG_STATE_HOME", Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile-state"))
        .output()
        .expect("basira runs")
}

/// Escape sequences and controls a hostile page might carry, each with a marker that must not
/// reach the terminal.
const HOSTILE: &[(&str, &str)] = &[
    ("clear screen", "\x1b[2J\x1b[H"),
    ("OSC 52 clipboard write", "\x1b]52;c;cHduZWQ=\x07"),
    ("window title", "\x1b]0;pwned-title\x1b\\"),
    ("DCS", "\x1bP1$rpwned-dcs\x1b\\"),
    ("C1 CSI", "\u{9b}31mC1-red"),
    ("C1 OSC", "\u{9d}0;c1-title\u{9c}"),
    ("bell and backspace", "\x07\x08\x08"),
    ("Trojan source", "access = \"user\u{202e} \u{2066}// admin\u{2069} \u{2066}\""),
];

/// The Unicode controls that must never be printed: C0 (but newline), ESC, C1, bidi controls.
fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

fn hostile_file(dir: &Path) -> PathBuf {
    let mut text = String::from("عنوان المقالة\n\n");
    for (name, sequence) in HOSTILE {
        text.push_str(&format!("فقرة فيها {name}: {sequence} ثم نص عربي بعدها.\n\n"));
    }
    text.push_str(&format!("كلمة طويلة {} في السطر.\n\n", "ب".repeat(10_000)));
    text.push_str(&format!("حرف عليه حركات كثيرة: ب{} ثم كلمة.\n\n", "\u{64e}".repeat(500)));
    text.push_str("رموز 👩‍👩‍👧 و漢字かな混じり بين العربية و Ｆｕｌｌ width.\n\n");
    text.push_str("abc\u{202e}def ghi\n\nسطر أخير بعد التجاوز.\n");
    let path = dir.join("hostile.txt");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn cat_prints_no_control_and_no_line_wider_than_asked() {
    let dir = scratch("hostile-cat");
    let path = hostile_file(&dir);
    for width in [10, 40, 80] {
        let out = basira(&["cat", "--width", &width.to_string(), path.to_str().unwrap()]);
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        let bad: Vec<char> = text.chars().filter(|&c| is_forbidden(c)).collect();
        assert!(bad.is_empty(), "width {width}: controls printed: {bad:?}");
        for line in text.lines() {
            assert!(line.width() <= width, "width {width}: {line:?} is {}", line.width());
        }
        for marker in ["52;c;", "pwned", "C1-red", "c1-title"] {
            if marker == "C1-red" {
                // The text after a removed control stays; only the control goes.
                continue;
            }
            assert!(!text.contains(&format!("\x1b]{marker}")), "{marker}");
        }
    }
}

/// Controls, and bidi embeddings, overrides and isolates: what no printed or written output
/// holds (bidi marks may stay in a handout, which keeps the article's text).
fn is_unsafe_output(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[test]
fn every_report_and_handout_prints_no_control_and_no_override() {
    let dir = scratch("hostile-outputs");
    let path = hostile_file(&dir);
    // A second article sharing the hostile one's words, so that there are links to print.
    let other = dir.join("other.txt");
    std::fs::write(&other, "مقالة أخرى\n\nفقرة فيها نص عربي بعدها عن التجاوز والحركات.\n").unwrap();
    // And one whose every sentence, and so its key points and facts, holds bidi formatting.
    let turned = dir.join("turned.txt");
    let sentence =
        "قالت الوزارة إن \u{202e}1000\u{202c} شخص قتلوا و\u{2067}25\u{2069} جرحوا في عام 2017.";
    std::fs::write(&turned, format!("عنوان \u{202b}مقلوب\n\n{0}\n\n{0} مرة أخرى\n", sentence))
        .unwrap();
    let handout = dir.join("handout.md");
    let (path, other_path) = (path.to_str().unwrap(), other.to_str().unwrap());
    let runs: &[&[&str]] = &[
        &["export"],
        &["export", "--format", "json"],
        &["export", "--format", "html", "--lang", "ar"],
        &["export", "-o", handout.to_str().unwrap()],
        &["keypoints"],
        &["facts"],
        &["themes"],
        &["links"],
        &["keypoints", "--json"],
        &["links", "--json", "--compact"],
    ];
    for args in runs {
        let args: Vec<&str> =
            args.iter().copied().chain([path, other_path, turned.to_str().unwrap()]).collect();
        let out = basira(&args);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).unwrap();
        let bad: Vec<char> = text.chars().filter(|&c| is_unsafe_output(c)).collect();
        assert!(bad.is_empty(), "{args:?} printed {bad:?}");
    }
    let written = std::fs::read_to_string(&handout).unwrap();
    assert!(written.contains("hostile.txt"), "{written}");
    let bad: Vec<char> = written.chars().filter(|&c| is_unsafe_output(c)).collect();
    assert!(bad.is_empty(), "the handout file holds {bad:?}");
}

#[test]
fn a_figure_under_a_direction_override_is_flagged_wherever_facts_are_shown() {
    let dir = scratch("hostile-figure");
    let path = dir.join("figure.txt");
    // «1000» drawn as «0001» by the override around it.
    std::fs::write(
        &path,
        "حصيلة الهجوم\n\nمقدمة طويلة بما يكفي لتكون فقرة من فقرات المقال وليست عنوانا له.\n\n\
         قالت الوزارة إن \u{202e}1000\u{202c} شخص قتلوا في الهجوم، وإن 25 جريحا نقلوا.\n",
    )
    .unwrap();
    let path = path.to_str().unwrap();
    let warning = "A direction override may draw a figure otherwise than it is written.";
    let text = String::from_utf8(basira(&["facts", path]).stdout).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains(warning), "{text}");
    let json: serde_json::Value =
        serde_json::from_slice(&basira(&["facts", "--json", path]).stdout).unwrap();
    let fact = &json["documents"][0]["facts"][0];
    assert_eq!(fact["direction_forced"], true, "{json}");
    let handout = String::from_utf8(basira(&["export", "--lang", "en", path]).stdout).unwrap();
    assert!(handout.contains(warning), "{handout}");
    // The panel says so too.
    let screen = String::from_utf8(
        basira(&["snapshot", "--size", "160x30", "--keys", "<Tab>l", path]).stdout,
    )
    .unwrap();
    assert!(screen.contains("direction override"), "{screen}");
}

#[test]
fn coloured_text_is_read_as_text_without_its_colours() {
    // `printf '\e[31mred\e[0m\n'`: a coloured log is text, its escape sequences are not.
    let dir = scratch("hostile-colours");
    let path = dir.join("coloured.txt");
    let line = "\x1b[31mred\x1b[0m \x1b[1;32mأخضر عريض\x1b[0m\n";
    std::fs::write(&path, line.repeat(20)).unwrap();
    let out = basira(&["cat", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("red"), "{text}");
    assert!(!text.chars().any(is_forbidden), "{text:?}");
}

#[test]
fn a_bidi_override_does_not_reach_the_next_paragraph() {
    let dir = scratch("hostile-bidi");
    let path = dir.join("override.txt");
    std::fs::write(&path, "Title\n\nabc\u{202e}def ghi\n\nnext paragraph stays in order\n")
        .unwrap();
    let out = basira(&["cat", "--width", "60", path.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines().any(|l| l.trim() == "next paragraph stays in order"),
        "the override ends with its paragraph:\n{text}"
    );
}

#[test]
fn a_one_megabyte_paragraph_lays_out_within_the_width() {
    let dir = scratch("hostile-big");
    let path = dir.join("big.txt");
    let sentence = "يُعد الإرهاب الرقمي تحديًا عالميًا معقدًا لا يحده أي حاجز جغرافي، ";
    let paragraph = sentence.repeat(1_048_576 / sentence.len() + 1);
    std::fs::write(&path, format!("عنوان\n\n{paragraph}\n")).unwrap();
    let out = basira(&["cat", "--width", "72", path.to_str().unwrap()]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().count() > 5_000, "{} lines", text.lines().count());
    assert!(text.lines().all(|l| l.width() <= 72));
    // The reader opens it too, and draws its first screen.
    let out = basira(&["snapshot", "--size", "80x24", path.to_str().unwrap()]);
    assert!(out.status.success());
}

/// The reader in a pseudo-terminal (util-linux `script`) on the hostile file: the bytes sent
/// to the terminal contain none of the file's sequences.
#[test]
fn the_reader_sends_no_sequence_from_the_file_to_the_terminal() {
    let dir = scratch("hostile-pty");
    let path = hostile_file(&dir);
    // Page through the whole article and its panel, then quit; the terminal is 100x30.
    let keys = "jjjjjjjjjj<Space><Space><Space><Space>G<Tab>l<Tab>q";
    let command = format!(
        "stty cols 100 rows 30; {} snapshot --size 100x30 --keys '{keys}' {} >/dev/null; {} {}",
        env!("CARGO_BIN_EXE_basira"),
        path.display(),
        env!("CARGO_BIN_EXE_basira"),
        path.display(),
    );
    let (cache, state) = (dir.join("cache"), dir.join("state"));
    let env = [("XDG_CACHE_HOME", cache.as_path()), ("XDG_STATE_HOME", state.as_path())];
    let keys = ["j", "j", " ", " ", "G", "\t", "l", "\t", "q"];
    let Some(sent) = common::bytes_sent_in_a_pty(
        &command,
        &dir.join("typescript"),
        &env,
        &keys,
        Duration::from_millis(100),
    ) else {
        return;
    };
    for marker in [
        "52;c;cHduZWQ=",
        "0;pwned-title",
        "1$rpwned-dcs",
        "\u{9b}",
        "\u{9d}",
        "\u{202e}",
        "\u{2066}",
        "\x07",
    ] {
        assert!(!sent.contains(marker), "{marker:?} reached the terminal");
    }
    assert!(sent.contains("[?1049h"), "the reader took the screen");
    assert!(sent.contains("ﺓﺮﻘﻓ"), "and drew the article («فقرة», shaped, in visual order)");
    assert!(!sent.contains("\x1b[2J\x1b[Hثم"), "the file's clear-screen did not pass through");
}
