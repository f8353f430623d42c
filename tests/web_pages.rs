//! Saved web pages as a user has them: Arabic news pages saved by Chromium, their article
//! read paragraph by paragraph, none of the furniture around it, a page without an article
//! named in one sentence while the rest of the folder opens, and `basira cat` printing one.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use basira::corpus::{Corpus, Document};

/// The pages with an article, each with its `.expected` and `.furniture`.
const PAGES: [&str; 3] = ["sky-dollar", "cnn-brand", "france24-mummy"];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/html").join(name)
}

fn lines(name: &str) -> Vec<String> {
    let text = fs::read_to_string(fixture(name)).expect("fixture");
    text.lines().filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

fn open(name: &str) -> Document {
    let corpus = Corpus::open(&[fixture(&format!("{name}.html"))]).expect("opens");
    assert_eq!(corpus.documents.len(), 1);
    corpus.documents.into_iter().next().unwrap()
}

fn texts(document: &Document) -> Vec<String> {
    document.paragraphs.iter().map(|p| p.text.clone()).collect()
}

#[test]
fn each_page_gives_its_article_paragraph_by_paragraph() {
    for name in PAGES {
        let document = open(name);
        let expected = lines(&format!("{name}.expected"));
        assert_eq!(texts(&document), expected, "{name}");
        assert_eq!(document.title, expected[0], "{name}");
        assert!(!document.title_is_derived, "{name}");
    }
}

#[test]
fn no_furniture_gets_through() {
    for name in PAGES {
        let document = open(name);
        for furniture in lines(&format!("{name}.furniture")) {
            for paragraph in &document.paragraphs {
                assert!(!paragraph.text.contains(&furniture), "{name}: «{furniture}» got through");
            }
        }
    }
}

#[test]
fn headings_quotes_lists_and_tables_keep_their_form() {
    use basira::corpus::Role;
    let document = open("cnn-brand");
    let find = |start: &str| {
        document.paragraphs.iter().find(|p| p.text.starts_with(start)).expect(start).clone()
    };
    assert_eq!(find("نصائح لأصحاب المشاريع").role, Role::Heading(2));
    assert_eq!(find("وقال عيد إن").form.quotes, 1);
    let table = open("france24-mummy");
    let table = table.paragraphs.iter().find_map(|p| p.form.table.clone()).expect("a table");
    assert!(table.header);
    assert_eq!((table.rows.len(), table.columns()), (2, 2));
}

#[test]
fn a_page_in_windows_1256_is_read_by_its_http_equiv_header() {
    let bytes = fs::read(fixture("france24-mummy.html")).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err(), "the fixture is not UTF-8");
    let corpus = Corpus::open(&[fixture("france24-mummy.html")]).unwrap();
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
}

#[test]
fn a_page_without_an_article_is_one_sentence_and_the_folder_still_opens() {
    let page = fixture("section-front.html");
    let error = Corpus::open(std::slice::from_ref(&page)).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!("{}: no article was found in this web page", page.display())
    );
    let corpus = Corpus::open(&[fixture("")]).expect("the folder opens");
    let opened: Vec<&str> =
        corpus.documents.iter().map(|d| d.path.rsplit('/').next().unwrap()).collect();
    assert_eq!(opened, ["cnn-brand.html", "france24-mummy.html", "sky-dollar.html"]);
    let warnings: Vec<String> = corpus.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        warnings.contains(&format!(
            "{}: no article was found in this web page; skipped",
            page.display()
        )),
        "{warnings:?}"
    );
}

#[test]
fn a_complete_save_s_files_folder_is_assets_not_articles() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(fixture("sky-dollar.html"), dir.path().join("page.html")).unwrap();
    let assets = dir.path().join("page_files");
    fs::create_dir(&assets).unwrap();
    fs::copy(fixture("cnn-brand.html"), assets.join("frame.html")).unwrap();
    fs::write(assets.join("notes.txt"), "نص في مجلد ملحقات الصفحة").unwrap();
    let corpus = Corpus::open(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(corpus.documents.len(), 1);
    assert!(corpus.documents[0].path.ends_with("page.html"));
    // A folder named so without a page beside it is read as any folder.
    fs::remove_file(dir.path().join("page.html")).unwrap();
    let corpus = Corpus::open(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(corpus.documents.len(), 2);
}

#[test]
fn cat_prints_a_page_s_article_and_names_a_page_without_one() {
    let out = Command::new(env!("CARGO_BIN_EXE_basira"))
        .args(["cat", "--width", "60", "--shaping", "off"])
        .arg(fixture("sky-dollar.html"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let printed = String::from_utf8(out.stdout).unwrap();
    // Unshaped, an Arabic line is its letters in reverse; the digits keep their order.
    let visual = |logical: &str| logical.chars().rev().collect::<String>();
    let first = printed.lines().next().unwrap();
    assert_eq!(first.trim_start(), format!("2014 {}", visual("الدولار في أدنى مستوى منذ")));
    assert!(printed.contains(&visual("أبوظبي - سكاي نيوز عربية")), "{printed}");
    assert!(printed.contains(&visual("وتتجه العملة الأميركية إلى تسجيل خسارة أسبوعية")));
    for furniture in lines("sky-dollar.furniture") {
        assert!(!printed.contains(&visual(&furniture)), "«{furniture}» printed");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_basira"))
        .arg("cat")
        .arg(fixture("section-front.html"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("section-front.html: no article was found in this web page"),
        "{stderr}"
    );
}
