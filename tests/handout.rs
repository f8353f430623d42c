//! Handouts as a trainer meets them: `basira export` in Arabic and English, as Markdown and
//! as an HTML page, the reader's notes only when asked for, and the reader's `e` writing a
//! new file each time instead of over the last.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use basira::corpus::Corpus;
use basira::state::store::Store;
use basira::state::{ArticleState, ParagraphPrint, ReaderState, article_key};
use scraper::{Html, Selector};

/// The note the tests' reader wrote on paragraph 3 of the first built-in article.
const NOTE: &str = "نقطة للنقاش في الجلسة";

/// A fresh folder under the target directory for one test: its homes (config, state,
/// cache) and its working folder (`work`).
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("handout").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("work")).unwrap();
    std::fs::create_dir_all(dir.join("config/basira")).unwrap();
    dir
}

/// basira run in `dir`'s working folder with `dir`'s homes, in an English environment.
fn basira(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_basira"))
        .args(args)
        .current_dir(dir.join("work"))
        .env("XDG_CACHE_HOME", Path::new(env!("CARGO_TARGET_TMPDIR")).join("handout-cache"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_STATE_HOME", dir.join("state"))
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("basira runs");
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// Save, in `dir`'s state, the reader's note on paragraph 3 of the first built-in article.
fn write_a_note(dir: &Path) {
    let corpus = Corpus::builtin();
    let mut article = ArticleState::default();
    article.set_note(3, ParagraphPrint::of(&corpus.documents[0].paragraphs[3].text), NOTE);
    let mut state = ReaderState::default();
    state.articles.insert(article_key(&corpus.documents[0]), article);
    Store::in_dir(&dir.join("state/basira")).save(&state).unwrap();
}

/// The words in Latin letters of `text`.
fn latin_words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The words in Latin letters the built-in articles bring with them: in their text and paths.
fn latin_words_of_the_articles() -> BTreeSet<String> {
    let corpus = Corpus::builtin();
    let mut words = BTreeSet::new();
    for document in &corpus.documents {
        words.extend(latin_words(&document.path));
        for paragraph in &document.paragraphs {
            words.extend(latin_words(&paragraph.text));
        }
    }
    words
}

/// The text a browser shows of an HTML page (its title and body), and the page parsed.
fn shown_text(html: &str) -> (String, Html) {
    let page = Html::parse_document(html);
    assert!(page.errors.is_empty(), "{:?}", page.errors);
    let select = |s: &str| Selector::parse(s).unwrap();
    let title: String = page.select(&select("title")).flat_map(|t| t.text()).collect();
    let body: String = page.select(&select("body")).flat_map(|b| b.text()).collect();
    (format!("{title}\n{body}"), page)
}

#[test]
fn the_arabic_handout_has_no_english_label() {
    let dir = scratch("arabic");
    write_a_note(&dir);
    let articles = latin_words_of_the_articles();
    let markdown = stdout(&basira(&dir, &["export", "--lang", "ar", "--with-notes"]));
    let html =
        stdout(&basira(&dir, &["export", "--lang", "ar", "--with-notes", "--format", "html"]));
    let (shown, _) = shown_text(&html);
    for (format, text) in [("Markdown", &markdown), ("HTML", &shown)] {
        // Every word in Latin letters comes from an article (UNOCT, Twitter, a path), none
        // from a heading or label («Source», «None», «paragraph», «score», «shared»…).
        let foreign: Vec<String> = latin_words(text).difference(&articles).cloned().collect();
        assert!(foreign.is_empty(), "{format}: {foreign:?}");
        for heading in ["مطبوعة بصيرة", "النقاط الرئيسية", "الوقائع والأرقام", "المحاور"]
        {
            assert!(text.contains(heading), "{format}: {heading}");
        }
        assert!(text.contains("حيث تقول هذه المقالة: «"), "{format}");
        assert!(text.contains("العلامات والملاحظات") && text.contains(NOTE), "{format}");
        assert!(!text.contains("paragraph") && !text.contains("score"), "{format}");
    }
    // In English, the same handout has its English headings.
    let english = stdout(&basira(&dir, &["export", "--lang", "en"]));
    assert!(english.starts_with("# basira handout\n"), "{english}");
    assert!(english.contains("\n### Related passages in other articles\n"));
    // Without --lang, the language of config.toml (else of LANG, English here).
    std::fs::write(dir.join("config/basira/config.toml"), "lang = \"ar\"\n").unwrap();
    assert!(stdout(&basira(&dir, &["export"])).starts_with("# مطبوعة بصيرة\n"));
}

#[test]
fn the_notes_are_in_a_handout_only_with_with_notes() {
    let dir = scratch("notes");
    write_a_note(&dir);
    for format in ["md", "html", "json"] {
        let without = stdout(&basira(&dir, &["export", "--format", format]));
        assert!(!without.contains(NOTE), "{format}");
        let with = stdout(&basira(&dir, &["export", "--format", format, "--with-notes"]));
        assert!(with.contains(NOTE), "{format}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&basira(&dir, &["export", "--format", "json"]))).unwrap();
    let first = &json["articles"][0];
    assert!(first.get("bookmarks").is_none(), "{first}");
    assert!(first["key_points"].is_array() && first["related"].is_array());
}

#[test]
fn the_html_handout_is_one_right_to_left_page_in_arabic() {
    let dir = scratch("html");
    let out = basira(&dir, &["export", "--format", "html", "--lang", "ar", "-o", "handout.html"]);
    assert!(out.stdout.is_empty());
    let html = std::fs::read_to_string(dir.join("work/handout.html")).unwrap();
    let (_, page) = shown_text(&html);
    let select = |s: &str| Selector::parse(s).unwrap();
    let root = page.select(&select("html")).next().unwrap();
    assert_eq!(root.value().attr("dir"), Some("rtl"));
    assert_eq!(root.value().attr("lang"), Some("ar"));
    assert_eq!(page.select(&select("main > article")).count(), 5);
    assert_eq!(page.select(&select("article > h2")).count(), 5);
    assert!(page.select(&select("style")).any(|s| s.inner_html().contains("@media print")));
    assert_eq!(page.select(&select("script, link[rel=stylesheet]")).count(), 0);
}

#[test]
fn a_hostile_title_is_text_on_the_html_page() {
    let dir = scratch("hostile-title");
    let title = "<script>alert('x')</script><img src=x onerror=alert(1)> «عنوان» & \"مقال\"";
    let article = dir.join("work/hostile.txt");
    std::fs::write(&article, format!("{title}\n\nفقرة أولى فيها 274 ألف حساب.\n")).unwrap();
    let html = stdout(&basira(&dir, &["export", "--format", "html", article.to_str().unwrap()]));
    let (shown, page) = shown_text(&html);
    assert_eq!(page.select(&Selector::parse("script, img").unwrap()).count(), 0, "{html}");
    let heading = page.select(&Selector::parse("article > h2").unwrap()).next().unwrap();
    assert_eq!(heading.text().collect::<String>(), title);
    assert!(shown.contains(title));
}

#[test]
fn e_writes_a_new_file_each_time_with_the_umasks_mode() {
    let dir = scratch("e");
    let work = dir.join("work");
    let press_e = || stdout(&basira(&dir, &["snapshot", "--size", "100x24", "--keys", "e"]));
    let first = press_e();
    assert!(first.contains("basira-handout.md"), "{first}");
    let second = press_e();
    assert!(second.contains("basira-handout-2.md"), "{second}");
    let read = |name: &str| std::fs::read_to_string(work.join(name)).unwrap();
    assert_eq!(read("basira-handout.md"), read("basira-handout-2.md"), "the first is kept");
    assert!(read("basira-handout.md").contains("### Key points"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let reference = work.join("reference");
        std::fs::write(&reference, "").unwrap();
        assert_eq!(mode(&work.join("basira-handout-2.md")), mode(&reference));
    }
    // A note typed before `e` is left out, unless config.toml asks for the notes; it also
    // chooses the format.
    let with_a_note = format!("a{NOTE}<Enter>e");
    let note_then_e =
        || stdout(&basira(&dir, &["snapshot", "--size", "100x24", "--keys", &with_a_note]));
    assert!(note_then_e().contains("basira-handout-3.md"));
    assert!(!read("basira-handout-3.md").contains(NOTE));
    std::fs::write(
        dir.join("config/basira/config.toml"),
        "lang = \"ar\"\nhandout_format = \"html\"\nhandout_notes = true\n",
    )
    .unwrap();
    assert!(note_then_e().contains("basira-handout.html"));
    let html = read("basira-handout.html");
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "{html}");
    assert!(html.contains(NOTE), "{html}");
}
