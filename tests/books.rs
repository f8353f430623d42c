//! E-books as a user meets them: an EPUB 3 made by pandoc and an EPUB 2 written by hand with
//! `zip` (right to left) open as one article per chapter with the text of the ANT articles
//! they were made from; `basira cat` prints a book; `keypoints --json` names `book.epub#N`;
//! a damaged archive, a DRM-protected book and a zip bomb get one sentence, and the rest of a
//! folder opens. The fixtures and how they were made: tests/data/epub/README.md.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use basira::corpus::{Corpus, Document, Role};
use basira::text::Direction;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/epub").join(name)
}

fn basira(args: &[&str]) -> Output {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    Command::new(env!("CARGO_BIN_EXE_basira"))
        .args(args)
        .env("XDG_CACHE_HOME", tmp.join("books-cache"))
        .env("XDG_CONFIG_HOME", tmp.join("books-config"))
        .env("XDG_STATE_HOME", tmp.join("books-state"))
        .output()
        .expect("basira runs")
}

/// The body paragraphs of a document (the title line left out).
fn body(document: &Document) -> Vec<&str> {
    let paragraphs = document.paragraphs.iter().filter(|p| p.role != Role::Title);
    paragraphs.map(|p| p.text.as_str()).collect()
}

/// The paragraphs of a source chapter in Markdown: its title (without `# `) and its body.
fn source_chapter(name: &str) -> (String, Vec<String>) {
    let path = fixture("source/pandoc").join(name);
    let text = std::fs::read_to_string(path).unwrap();
    let mut blocks = text.split("\n\n").map(str::trim).filter(|b| !b.is_empty());
    let title = blocks.next().unwrap().trim_start_matches("# ").to_owned();
    (title, blocks.map(str::to_owned).collect())
}

#[test]
fn a_pandoc_book_is_one_article_per_chapter_in_spine_order_with_the_articles_text() {
    let book = fixture("ant-pandoc.epub");
    let corpus = Corpus::open(std::slice::from_ref(&book)).unwrap();
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
    // The title page is the book's, not a chapter: three chapters.
    assert_eq!(corpus.documents.len(), 3);
    let chapters = ["1-putin.md", "2-muhallab.md", "3-freeman.md"];
    let (mut found, mut expected, mut extracted) = (0, 0, 0);
    for (at, (document, source)) in corpus.documents.iter().zip(chapters).enumerate() {
        let (title, paragraphs) = source_chapter(source);
        assert_eq!(document.path, format!("{}#{}", book.display(), at + 1));
        assert_eq!(document.title, format!("مختارات من أخبار الشبكات العربية — {title}"));
        assert_eq!(document.paragraphs[0].role, Role::Title);
        assert_eq!(document.paragraphs[0].text, title);
        // The language (ar) makes the book right to left; pandoc writes no page direction.
        assert_eq!(document.direction, Direction::Rtl);
        let got = body(document);
        assert_eq!(got, paragraphs, "chapter {}", at + 1);
        found += got.iter().filter(|p| paragraphs.iter().any(|s| s == *p)).count();
        expected += paragraphs.len();
        extracted += got.len();
    }
    // Every paragraph of the articles, and nothing else.
    assert_eq!((found, found), (expected, extracted));
}

#[test]
fn a_handmade_right_to_left_book_reads_its_spine_its_ncx_names_and_its_images() {
    let book = fixture("ant-handmade-rtl.epub");
    let corpus = Corpus::open(std::slice::from_ref(&book)).unwrap();
    let titles: Vec<&str> = corpus.documents.iter().map(|d| d.title.as_str()).collect();
    // The cover (an image in an epub:type="cover" block) and the non-linear appendix are not
    // chapters; the chapters are named by the NCX (the first through a percent-escaped,
    // Arabic file name).
    assert_eq!(
        titles,
        ["ثقافة ورياضة: مقالتان — ليلة الأفكار", "ثقافة ورياضة: مقالتان — توتنهام ودوري الأبطال"]
    );
    let ideas = &corpus.documents[0];
    assert_eq!(ideas.direction, Direction::Rtl);
    assert_eq!(
        ideas.paragraphs[0].text,
        "\"ليلة الأفكار\" الفرنسية تجوب العالم وتكرس لـ\"الخيال في السلطة\""
    );
    let texts = body(ideas);
    // &nbsp; (an HTML entity the XHTML declares nowhere) is read as a no-break space.
    assert_eq!(texts[0], "فرانس\u{a0}24");
    assert!(texts.contains(&"[منصة ليلة الأفكار في باريس]"), "{texts:?}");
    assert!(ideas.paragraphs.iter().any(|p| p.role == Role::Heading(2) && p.text == "في العالم"));
    let all: Vec<&str> = corpus.documents.iter().flat_map(|d| body(d)).collect();
    for hidden in ["مخفي", "سطر من برنامج", "text-indent", "ملحق خارج", "غلاف الكتاب"]
    {
        assert!(!all.iter().any(|p| p.contains(hidden)), "{hidden} got through");
    }
    let spurs = &corpus.documents[1];
    let quoted: Vec<&str> =
        spurs.paragraphs.iter().filter(|p| p.form.quotes == 1).map(|p| p.text.as_str()).collect();
    assert_eq!(quoted.len(), 1);
    assert!(quoted[0].starts_with("وأبلغ مورا وسائل إعلام بريطانية"));
    assert!(body(spurs).contains(&"• الفريق: توتنهام"), "{:?}", body(spurs));
}

#[test]
fn cat_prints_a_book_and_keypoints_name_its_chapters() {
    let book = fixture("ant-handmade-rtl.epub");
    let out = basira(&["cat", "--width", "60", "--shaping", "off", book.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    // Visual order, shaping off: words come right to left, each reversed.
    let reversed = |word: &str| word.chars().rev().collect::<String>();
    assert!(text.contains(&reversed("توتنهام")), "{text}");
    assert!(text.contains(&reversed("الأفكار")));
    let out = basira(&["keypoints", "--json", book.to_str().unwrap()]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<&str> =
        json["documents"].as_array().unwrap().iter().map(|d| d["path"].as_str().unwrap()).collect();
    let shown = book.display();
    assert_eq!(paths, [format!("{shown}#1"), format!("{shown}#2")]);
}

#[test]
fn damaged_protected_and_bomb_books_get_one_sentence_naming_the_file() {
    for (name, sentence) in [
        ("damaged.epub", "the e-book is damaged ("),
        ("drm.epub", "the e-book is protected by DRM and cannot be read"),
        ("bomb.epub", "is larger than 16 MB, the most basira reads of one chapter"),
    ] {
        let path = fixture(name);
        let out = basira(&["cat", path.to_str().unwrap()]);
        assert!(!out.status.success(), "{name}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(&format!("{}: ", path.display())), "{err}");
        assert!(err.contains(sentence), "{err}");
    }
}

#[test]
fn a_folder_of_good_and_bad_books_and_text_opens_what_can_be_opened() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("books-folder");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["ant-pandoc.epub", "damaged.epub", "drm.epub", "bomb.epub"] {
        std::fs::copy(fixture(name), dir.join(name)).unwrap();
    }
    std::fs::write(dir.join("note.txt"), "مقالة قصيرة\n\nنص المقالة القصيرة هنا.\n").unwrap();
    let corpus = Corpus::open(std::slice::from_ref(&dir)).unwrap();
    let paths: Vec<String> = corpus
        .documents
        .iter()
        .map(|d| Path::new(&d.path).file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(paths, ["ant-pandoc.epub#1", "ant-pandoc.epub#2", "ant-pandoc.epub#3", "note.txt"]);
    let warnings: Vec<String> = corpus.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    assert!(warnings.iter().all(|w| w.ends_with("; skipped")));
}

#[test]
fn a_chapter_nested_100000_elements_deep_is_read_as_any_other() {
    let corpus = Corpus::open(&[fixture("deep.epub")]).unwrap();
    let spurs = &corpus.documents[1];
    assert_eq!(body(spurs), ["فقرة في أعماق الفصل."]);
}

#[test]
fn a_books_chapters_count_as_one_source_when_links_are_chosen() {
    use basira::analysis::{Analysis, ThemeSource};
    // A book that prints one article in two chapters, beside that article as a file and
    // another book: each paragraph of the file has its own text in both chapters, and links
    // to one of them, leaving room for the rest.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("books-links");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(fixture("twice.epub"), dir.join("book.epub")).unwrap();
    std::fs::copy(fixture("source/pandoc/1-putin.md"), dir.join("1-putin.md")).unwrap();
    std::fs::copy(fixture("ant-handmade-rtl.epub"), dir.join("other.epub")).unwrap();
    let corpus = Corpus::open(&[dir]).unwrap();
    let analysis = Analysis::new(&corpus, &ThemeSource::default_for(&corpus));
    let book_of = |document: usize| {
        let path = &corpus.documents[document].path;
        path.rsplit_once('#').map_or(path.as_str(), |(book, _)| book).to_owned()
    };
    let mut links = 0;
    for (d, document) in corpus.documents.iter().enumerate() {
        for p in 0..document.paragraphs.len() {
            let found = analysis.links_from(d, p, usize::MAX);
            let books: Vec<String> = found.iter().map(|l| book_of(l.to().0)).collect();
            let mut unique = books.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), books.len(), "{} ¶{p}: {books:?}", document.path);
            links += found.len();
        }
    }
    assert!(links > 10, "{links} links");
}

#[test]
fn a_missing_book_is_named_as_any_missing_file() {
    let out = basira(&["cat", "/no/such/book.epub"]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end(), "basira: /no/such/book.epub: no such file or folder");
}
