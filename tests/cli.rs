//! The command line as a user meets it: `cat`, `snapshot`, and bad input getting one clear
//! sentence and the right exit status.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn basira(args: &[&str]) -> Output {
    basira_with_config(args, &Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-config"))
}

/// Run basira with its config directory (`$XDG_CONFIG_HOME`) at `config`.
fn basira_with_config(args: &[&str], config: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_basira"))
        .args(args)
        .env("XDG_CACHE_HOME", Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-cache"))
        .env("XDG_CONFIG_HOME", config)
        .env("XDG_STATE_HOME", Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-state"))
        .output()
        .expect("basira runs")
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = basira(args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A fresh folder under the target directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn cat_prints_the_built_in_articles_right_aligned_at_the_width() {
    let out = basira(&["cat", "--width", "60"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() > 200);
    assert!(lines.iter().all(|l| unicode_width::UnicodeWidthStr::width(*l) <= 60));
    // Most non-blank lines are Arabic, right-aligned: they end at column 60 or start indented.
    let indented = lines.iter().filter(|l| l.starts_with(' ')).count();
    assert!(indented > lines.len() / 3, "RTL lines are padded on the left");
    // One blank line between paragraphs, never two.
    assert!(!text.contains("\n\n\n"));
    // No control character or bidi control reaches the output.
    assert!(
        !text
            .chars()
            .any(|c| (c.is_control() && c != '\n') || ('\u{202A}'..='\u{202E}').contains(&c))
    );
}

/// The cells a printed line takes in a terminal, a character at a time (measured as a
/// whole, «لا» would count as one cell).
fn cells(line: &str) -> usize {
    line.chars().map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)).sum()
}

#[test]
fn cat_prints_a_markdown_table_in_columns_and_a_quote_with_its_bar() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/markdown/derna.md");
    let out = basira(&["cat", "--width", "70", "--shaping", "off", fixture.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.iter().all(|l| cells(l) <= 70));
    // The header's first column («العام») on the right, the columns ruled, the rule under it.
    let header = lines.iter().position(|l| l.ends_with("ةعامجلا │ ماعلا")).expect("the header row");
    assert!(lines[header].trim_start().starts_with("ىرج ام │"), "{}", lines[header]);
    assert!(lines[header + 1].trim_start().starts_with('─') && lines[header + 1].contains('┼'));
    // Each year at the right of its row, the figures left to right.
    for year in ["2011", "2014", "2015"] {
        assert!(lines.iter().any(|l| l.ends_with(&format!("│  {year}"))), "{year}:\n{text}");
    }
    // The quote («نمد أيدينا للسلام…», two lines): a bar at the right edge of each line.
    let quote = lines.iter().position(|l| l.contains("مالسلل")).expect("the quote");
    for line in &lines[quote..quote + 2] {
        assert!(line.ends_with(" │"), "{line}");
        assert_eq!(cells(line), 70, "{line}");
    }
    assert!(lines[quote + 2].is_empty());
    // The nested item indented two columns more than its parent, on the right.
    let parent = lines.iter().find(|l| l.ends_with("رصم عم دودحلا نم برقلاب •")).unwrap();
    let nested = lines.iter().find(|l| l.contains("يزاغنب")).unwrap();
    assert!(nested.ends_with('◦'), "{nested}");
    assert_eq!(cells(parent), cells(nested) + 2);
}

#[test]
fn cat_options_change_the_output() {
    let dir = scratch("cat-options");
    let file = dir.join("a.txt");
    std::fs::write(&file, "مُحَمَّد لا (نعم)\n").unwrap();
    let run = |extra: &[&str]| {
        let mut args = vec!["cat", "--width", "20"];
        args.extend_from_slice(extra);
        args.push(file.to_str().unwrap());
        String::from_utf8(basira(&args).stdout).unwrap()
    };
    let shaped = run(&[]);
    assert!(shaped.contains('\u{FEFB}'), "lam-alef ligature: {shaped:?}");
    assert_eq!(run(&["--shaping", "off"]).trim(), "(معن) ال دمَّحَمُ");
    assert_eq!(run(&["--shaping", "off", "--harakat", "strip"]).trim(), "(معن) ال دمحم");
    assert_eq!(run(&["--bidi", "terminal"]).trim(), "مُحَمَّد لا (نعم)");
}

#[test]
fn snapshot_prints_the_screen() {
    let out = basira(&["snapshot", "--size", "80x24", "--keys", "."]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 24);
    assert!(text.lines().last().unwrap().contains("article 2/5"));
}

#[test]
fn opens_a_folder_of_markdown_and_text_in_name_order() {
    let dir = scratch("folder");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("b.md"), "# عنوان ثان\n\nنص **مهم** هنا.\n").unwrap();
    std::fs::write(dir.join("a.txt"), "العنوان الأول\n\nفقرة أولى.\n").unwrap();
    std::fs::write(dir.join("sub/c.txt"), "ثالث\n\nفقرة.\n").unwrap();
    std::fs::write(dir.join("notes.pdf"), "not text").unwrap();
    let out = basira(&["snapshot", "--size", "100x20", "--keys", "o", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let screen = String::from_utf8(out.stdout).unwrap();
    assert!(screen.contains(" 1. ") && screen.contains(" 3. ") && !screen.contains(" 4. "));
    let status = basira(&["snapshot", "--size", "100x20", "--keys", "..", dir.to_str().unwrap()]);
    assert!(String::from_utf8(status.stdout).unwrap().contains("article 3/3"));
}

/// Run with one bad path: exit status 1 and one sentence on stderr naming the file.
fn assert_refused(path: &Path, says: &str) {
    for command in [&["cat"][..], &["snapshot", "--size", "80x24"][..], &[][..]] {
        let mut args: Vec<&str> = command.to_vec();
        args.push(path.to_str().unwrap());
        let out = basira(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "one sentence: {err:?}");
        assert!(err.contains(path.to_str().unwrap()), "names the file: {err:?}");
        assert!(err.contains(says), "{err:?} says {says:?}");
        assert!(!err.contains("panicked"));
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn bad_input_gets_one_clear_sentence_and_status_1() {
    let dir = scratch("bad");
    assert_refused(&dir.join("missing.txt"), "no such file or folder");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "  \n\n").unwrap();
    assert_refused(&empty, "the file is empty");
    let binary = dir.join("image.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    assert_refused(&binary, "binary file");
    let no_text = dir.join("no-text");
    std::fs::create_dir_all(&no_text).unwrap();
    std::fs::write(no_text.join("x.pdf"), "x").unwrap();
    assert_refused(&no_text, "holds no article file (.txt, .md, .html, .htm, .epub)");
}

#[test]
fn help_describes_each_command_in_its_own_words() {
    let out = basira(&["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    let line = |command: &str| {
        help.lines()
            .find(|l| l.trim_start().starts_with(&format!("{command} ")))
            .unwrap_or_else(|| panic!("no {command} in\n{help}"))
            .to_owned()
    };
    assert!(line("export").contains("handout"), "{help}");
    assert!(!line("export").contains("off-screen"), "{help}");
    assert!(line("snapshot").contains("off-screen"), "{help}");
    let out = basira(&["snapshot", "--help"]);
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.starts_with("Draw the reader off-screen"), "{help}");
}

#[test]
fn usage_errors_exit_with_status_2() {
    assert_eq!(basira(&["cat", "--width", "wide"]).status.code(), Some(2));
    assert_eq!(basira(&["snapshot", "--size", "80"]).status.code(), Some(2));
    assert_eq!(basira(&["cat", "--shaping", "maybe"]).status.code(), Some(2));
    let out = basira(&["snapshot", "--size", "80x24", "--keys", "<Nope>"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("unknown key <Nope>"));
}

#[test]
fn keypoints_json_has_the_documented_shape() {
    let v = json(&["keypoints", "--json"]);
    let documents = v["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 5);
    for d in documents {
        assert!(d["path"].as_str().unwrap().starts_with("builtin:"));
        assert!(d["title"].is_string());
        for k in d["key_points"].as_array().unwrap() {
            for field in ["rank", "text", "paragraph", "sentence", "score"] {
                assert!(!k[field].is_null(), "{field}");
            }
        }
    }
    let three = json(&["keypoints", "--json", "-n", "3"]);
    assert!(
        three["documents"].as_array().unwrap().iter().all(|d| d["key_points"]
            .as_array()
            .unwrap()
            .len()
            == 3)
    );
    let words = json(&["keypoints", "--json", "--words", "60"]);
    for d in words["documents"].as_array().unwrap() {
        let total: usize = d["key_points"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["text"].as_str().unwrap().split_whitespace().count())
            .sum();
        assert!(total >= 55, "about 60 words: {total}");
    }
    assert_eq!(basira(&["keypoints", "-n", "3", "--words", "60"]).status.code(), Some(2));
}

#[test]
fn facts_themes_and_links_json() {
    let facts = json(&["facts", "--json"]);
    let all: Vec<&serde_json::Value> = facts["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["facts"].as_array().unwrap())
        .collect();
    assert!(all.iter().any(|f| f["numbers"].as_array().unwrap().iter().any(|n| n == "80 %")));
    assert!(all.iter().all(|f| f["text"].is_string() && f["paragraph"].is_u64()));

    let themes = json(&["themes", "--json"]);
    let themes = themes["themes"].as_array().unwrap();
    assert!(themes.iter().any(|t| t["id"] == "platforms"));
    for t in themes {
        let p = &t["passages"][0];
        assert!(p["path"].is_string() && p["paragraph"].is_u64() && p["text"].is_string());
        assert!(!t["terms"].as_array().unwrap().is_empty() && t["label"].is_string());
    }

    let links = json(&["links", "--json", "-k", "1"]);
    let links = links["links"].as_array().unwrap();
    assert!(!links.is_empty());
    let mut froms: Vec<(String, u64)> = Vec::new();
    for l in links {
        assert_ne!(l["from"]["path"], l["to"]["path"]);
        assert!(l["score"].is_f64() && l["terms"].is_array() && l["to"]["text"].is_string());
        froms.push((
            l["from"]["path"].as_str().unwrap().to_string(),
            l["from"]["paragraph"].as_u64().unwrap(),
        ));
    }
    let count = froms.len();
    froms.dedup();
    assert_eq!(froms.len(), count, "-k 1: one link per paragraph");
}

#[test]
fn a_theme_file_of_ones_own_and_its_errors() {
    let dir = scratch("themes-file");
    let good = dir.join("mine.toml");
    std::fs::write(
        &good,
        "[[theme]]\nid = \"tg\"\nlabel = \"تلجرام\"\nterms = [\"تلجرام\", \"تيليجرام\"]\n",
    )
    .unwrap();
    let v = json(&["themes", "--json", "--themes", good.to_str().unwrap()]);
    assert_eq!(v["themes"].as_array().unwrap().len(), 1);
    assert_eq!(v["themes"][0]["id"], "tg");
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "[[theme]]\nid = \"x\"\nlabel = \"y\"\nterms = [\"z\"]\nnonsense = 1\n")
        .unwrap();
    let out = basira(&["themes", "--themes", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("bad.toml, line 5"), "{err}");
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn text_reports_are_laid_out_for_the_terminal() {
    for command in ["keypoints", "facts", "themes", "links"] {
        let out = basira(&[command]);
        assert!(out.status.success(), "{command}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.lines().all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80), "{command}");
        // Shaped Arabic (presentation forms), never a bidi control.
        assert!(text.chars().any(|c| ('\u{FE70}'..='\u{FEFC}').contains(&c)), "{command}");
        assert!(!text.chars().any(|c| ('\u{202A}'..='\u{202E}').contains(&c)));
    }
}

#[test]
fn keys_come_from_config_toml_and_a_bad_entry_is_named() {
    // A deep config directory: the status line still has room for what is wrong.
    let home = scratch("config-home/in/a/config/directory/deep/enough/to/fill/the/status/line");
    std::fs::create_dir_all(home.join("basira")).unwrap();
    std::fs::write(
        home.join("basira/config.toml"),
        "[keys]\nnext_article = [\"n\", \"<Right>\"]\nscroll_sideways = \"x\"\n",
    )
    .unwrap();
    let out = basira_with_config(&["snapshot", "--size", "100x30", "--keys", ""], &home);
    assert!(out.status.success());
    let screen = String::from_utf8(out.stdout).unwrap();
    let status = screen.lines().last().unwrap();
    assert!(
        status.contains("config.toml: ") && status.contains("\"scroll_sideways\""),
        "the file and the bad entry are named: {status}"
    );
    let out = basira_with_config(&["snapshot", "--size", "100x30", "--keys", "n"], &home);
    let screen = String::from_utf8(out.stdout).unwrap();
    assert!(screen.lines().last().unwrap().contains("article 2/5"), "n opens the next article");
    let out = basira_with_config(&["snapshot", "--size", "100x30", "--keys", "."], &home);
    let screen = String::from_utf8(out.stdout).unwrap();
    assert!(screen.lines().last().unwrap().contains("article 1/5"), "the default key is gone");
    let help = basira_with_config(&["snapshot", "--size", "120x40", "--keys", "?"], &home);
    let help = String::from_utf8(help.stdout).unwrap();
    assert!(help.lines().any(|l| l.contains("n →") && l.contains("next article")), "{help}");
}

#[test]
fn presentation_and_prompt_keys_come_from_config_toml_too() {
    let home = scratch("config-home-presentation");
    std::fs::create_dir_all(home.join("basira")).unwrap();
    std::fs::write(
        home.join("basira/config.toml"),
        "[keys]\npresent_next = \"x\"\nprompt_cancel = \"<C-g>\"\n",
    )
    .unwrap();
    let footer = |keys: &str| {
        let out = basira_with_config(&["snapshot", "--size", "100x30", "--keys", keys], &home);
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap().lines().last().unwrap().to_string()
    };
    assert!(footer("px").contains(" 2/"), "x is the next screen: {}", footer("px"));
    assert!(footer("p<Space>").contains(" 1/"), "Space no longer is: {}", footer("p<Space>"));
    // Ctrl-G gives up a search; Esc, no longer bound, leaves it open.
    assert!(!footer("/abc<C-g>").contains("abc"), "{}", footer("/abc<C-g>"));
    assert!(footer("/abc<Esc>").contains("abc"), "{}", footer("/abc<Esc>"));
    let help = basira_with_config(&["snapshot", "--size", "120x70", "--keys", "?"], &home);
    let help = String::from_utf8(help.stdout).unwrap();
    assert!(help.lines().any(|l| l.contains("│ x ") && l.contains("next screen")), "{help}");
    assert!(help.lines().any(|l| l.contains("Ctrl-g") && l.contains("give up")), "{help}");
}

#[test]
fn export_writes_a_handout_with_the_readers_notes() {
    use basira::state::store::Store;
    use basira::state::{ArticleState, ParagraphPrint, ReaderState, article_key};
    // A note the reader wrote on article 1, where `basira export` finds it.
    let corpus = basira::corpus::Corpus::builtin();
    let mut state = ReaderState::default();
    let mut article = ArticleState::default();
    let print = ParagraphPrint::of(&corpus.documents[0].paragraphs[3].text);
    article.set_note(3, print, "نقطة للنقاش في الجلسة");
    state.articles.insert(article_key(&corpus.documents[0]), article);
    let store_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-state").join("basira");
    Store::in_dir(&store_dir).save(&state).unwrap();

    let out = basira(&["export", "--lang", "en", "--with-notes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let markdown = String::from_utf8(out.stdout).unwrap();
    for document in &corpus.documents {
        assert!(markdown.contains(&format!("## {}", document.full_title())));
    }
    assert!(markdown.contains("### Key points") && markdown.contains("### Facts and figures"));
    assert!(markdown.contains("> نقطة للنقاش في الجلسة"), "the note is in the handout");

    let dir = scratch("export");
    let file = dir.join("handout.json");
    let out = basira(&["export", "--format", "json", "--with-notes", "-o", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let articles = json["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 5);
    assert_eq!(articles[0]["bookmarks"][0]["note"], "نقطة للنقاش في الجلسة");
    assert!(!articles[2]["facts"].as_array().unwrap().is_empty());
    let bad = basira(&["export", "-o", "/nonexistent/folder/handout.md"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("/nonexistent/folder/handout.md"));
}

#[test]
fn the_reader_lists_the_files_it_skipped() {
    let dir = scratch("skipped");
    std::fs::write(dir.join("a.txt"), "العنوان\n\nفقرة أولى.\n").unwrap();
    std::fs::write(dir.join("broken.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let path = dir.to_str().unwrap();
    let out = basira(&["snapshot", "--size", "100x20", path]);
    let screen = String::from_utf8(out.stdout).unwrap();
    assert!(screen.lines().last().unwrap().contains("W shows it"), "{screen}");
    // A second file, deep enough that its path is longer than the window is wide: the list
    // wraps it, and its name and the reason still show.
    let deep = dir.join("saved pages from the web, sorted by month").join("2024, November");
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("empty.txt"), "").unwrap();
    let out = basira(&["snapshot", "--size", "60x20", path]);
    let screen = String::from_utf8(out.stdout).unwrap();
    assert!(screen.lines().last().unwrap().contains("2 files could not"), "{screen}");
    let out = basira(&["snapshot", "--size", "60x20", "--keys", "W", path]);
    let screen = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = screen.lines().filter(|row| row.contains('│')).collect();
    let words: Vec<&str> = rows.iter().flat_map(|row| row.split([' ', '│'])).collect();
    let listed = words.into_iter().filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    for shown in ["broken.txt: this is a binary file", "empty.txt: the file is empty; skipped"] {
        assert!(listed.contains(shown), "{shown}\n{screen}");
    }
    assert!(rows.iter().any(|row| row.contains("│   ")), "continuation lines stand in\n{screen}");
}

#[cfg(unix)]
#[test]
fn export_writes_where_a_shell_would_and_keeps_what_is_there() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    let dir = scratch("export-targets");
    let export_to =
        |target: &Path| basira(&["export", "--lang", "en", "-o", target.to_str().unwrap()]);
    // `-` is standard output, not a file named «-».
    let out = Command::new(env!("CARGO_BIN_EXE_basira"))
        .args(["export", "--lang", "en", "-o", "-"])
        .current_dir(&dir)
        .env("XDG_CACHE_HOME", Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-cache"))
        .env("XDG_STATE_HOME", dir.join("state"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("### Key points"));
    assert!(!dir.join("-").exists(), "no file named -");
    // An existing file keeps its mode.
    let kept = dir.join("kept.md");
    std::fs::write(&kept, "old").unwrap();
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).unwrap();
    assert!(export_to(&kept).status.success());
    assert_eq!(std::fs::metadata(&kept).unwrap().permissions().mode() & 0o777, 0o640);
    assert!(std::fs::read_to_string(&kept).unwrap().contains("### Key points"));
    // A new file is as readable as the umask lets a new file be (here, as a file the test
    // creates itself).
    let new = dir.join("new.md");
    let reference = dir.join("reference");
    std::fs::write(&reference, "").unwrap();
    assert!(export_to(&new).status.success());
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&new), mode(&reference));
    // A link is followed: the file it points to gets the handout, the link stays a link.
    let link = dir.join("link.md");
    std::os::unix::fs::symlink(&kept, &link).unwrap();
    std::fs::write(&kept, "old again").unwrap();
    assert!(export_to(&link).status.success());
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert!(std::fs::read_to_string(&kept).unwrap().contains("### Key points"));
    // A link to nothing is refused in one sentence.
    let dangling = dir.join("dangling.md");
    std::os::unix::fs::symlink(dir.join("nowhere"), &dangling).unwrap();
    let out = export_to(&dangling);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("dangling.md"), "{}", stderr(&out));
    // A FIFO is written into, not replaced.
    let fifo = dir.join("fifo");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    assert!(export_to(&fifo).status.success());
    assert!(reader.join().unwrap().contains("### Key points"));
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    // And /dev/null stays a device.
    assert!(export_to(Path::new("/dev/null")).status.success());
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());
}

#[test]
fn the_reader_into_a_file_or_a_pipe_prints_the_articles_as_cat_does() {
    // `basira > file`: a screen of escape sequences in the file, were it drawn; the text is
    // printed instead, as `basira cat` prints it (and as `less` does).
    let out = basira(&[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let cat = basira(&["cat"]);
    assert!(!out.stdout.is_empty());
    assert_eq!(out.stdout, cat.stdout);
    assert!(!out.stdout.contains(&0x1b), "no escape sequence");
    // The reader's options still apply.
    let logical = basira(&["--bidi", "terminal"]);
    assert_eq!(logical.stdout, basira(&["cat", "--bidi", "terminal"]).stdout);
    // A path that cannot be opened is refused in one sentence, as by cat.
    let out = basira(&["/nonexistent/article.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no such file or folder"), "{}", stderr(&out));
}

#[test]
fn compact_links_and_themes_hold_what_the_full_form_holds_with_each_text_once() {
    for command in ["links", "themes"] {
        let full = json(&[command, "--json"]);
        let out = basira(&[command, "--json", "--compact"]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(out.stdout.iter().filter(|&&b| b == b'\n').count(), 1, "one line");
        let compact: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let passages = compact["passages"].as_array().unwrap();
        let documents = compact["documents"].as_array().unwrap();
        // Each text once.
        let mut texts: Vec<&str> = passages.iter().map(|p| p["text"].as_str().unwrap()).collect();
        let count = texts.len();
        texts.sort();
        texts.dedup();
        assert_eq!(texts.len(), count);
        // The passage an index names is the one the full form prints.
        let named = |index: &serde_json::Value| {
            let p = &passages[index.as_u64().unwrap() as usize];
            let path = &documents[p["document"].as_u64().unwrap() as usize]["path"];
            (path.clone(), p["paragraph"].clone(), p["text"].clone())
        };
        let printed =
            |p: &serde_json::Value| (p["path"].clone(), p["paragraph"].clone(), p["text"].clone());
        if command == "links" {
            let (full, compact) =
                (full["links"].as_array().unwrap(), compact["links"].as_array().unwrap());
            assert!(!full.is_empty());
            assert_eq!(full.len(), compact.len());
            for (f, c) in full.iter().zip(compact) {
                assert_eq!(printed(&f["from"]), named(&c["from"]));
                assert_eq!(printed(&f["to"]), named(&c["to"]));
                assert_eq!((&f["score"], &f["terms"]), (&c["score"], &c["terms"]));
            }
        } else {
            let (full, compact) =
                (full["themes"].as_array().unwrap(), compact["themes"].as_array().unwrap());
            assert!(!full.is_empty());
            for (f, c) in full.iter().zip(compact) {
                assert_eq!(f["label"], c["label"]);
                let f: Vec<_> = f["passages"].as_array().unwrap().iter().map(printed).collect();
                let c: Vec<_> = c["passages"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| named(&p["passage"]))
                    .collect();
                assert_eq!(f, c);
            }
        }
    }
    // Without --json it is a usage error.
    assert_eq!(basira(&["links", "--compact"]).status.code(), Some(2));
}

#[test]
fn the_reader_skips_a_missing_path_among_good_ones_and_lists_it_under_w() {
    let dir = scratch("missing-among-good");
    let good = dir.join("good.txt");
    std::fs::write(&good, "عنوان المقالة\n\nفقرة أولى فيها كلام كثير عن الموضوع.\n").unwrap();
    let missing = dir.join("missing.txt");
    let (good, missing) = (good.to_str().unwrap(), missing.to_str().unwrap());
    let skipped = format!("{missing}: no such file or folder; skipped");
    // The reader opens the good one, says so of the other on the error stream and under `W`.
    let out = basira(&["snapshot", "--size", "120x20", "--keys", "W", good, missing]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains(&skipped), "{}", stderr(&out));
    let screen = String::from_utf8_lossy(&out.stdout);
    assert!(screen.contains("Skipped files and warnings"), "{screen}");
    assert!(screen.contains("missing.txt: no such file or folder; skipped"), "{screen}");
    // With nothing to open, it still refuses, naming the first path.
    let other = dir.join("gone.txt");
    let out = basira(&["snapshot", "--size", "80x24", missing, other.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(&format!("{missing}: no such file or folder")));
    // The reports keep every path asked for: one missing is an error there.
    let out = basira(&["keypoints", good, missing]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}
