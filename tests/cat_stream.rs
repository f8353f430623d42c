//! `basira cat` reads its files a section at a time: what it prints must be what laying out
//! the parsed documents gives.

use std::fs;
use std::path::PathBuf;

use basira::cat::write_sources;
use basira::corpus::stream::{Plan, SECTION_BYTES};
use basira::corpus::{Corpus, Document};
use basira::layout::{LayoutOptions, layout_paragraph};

/// The paragraphs of `documents` laid out as `basira cat` prints them.
fn laid_out(documents: &[Document], width: u16) -> String {
    let options = LayoutOptions::default();
    let mut out = Vec::new();
    for p in documents.iter().flat_map(|d| d.paragraphs.iter().map(move |p| (d, p))) {
        let (document, paragraph) = p;
        let lines = layout_paragraph(&paragraph.text, document.direction, width, &options).lines;
        let text: Vec<String> = lines
            .iter()
            .map(|line| match line.text().trim_end_matches(' ') {
                "" => String::new(),
                drawn => format!("{}{drawn}", " ".repeat(usize::from(line.indent))),
            })
            .collect();
        out.push(text.join("\n") + "\n");
    }
    out.join("\n")
}

/// What `basira cat` prints for `paths` at `width`.
fn streamed(paths: &[PathBuf], width: u16) -> String {
    let plan = Plan::new(paths).unwrap();
    let mut out = Vec::new();
    write_sources(&mut out, &plan.sources, width, &LayoutOptions::default()).unwrap();
    String::from_utf8(out).unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("basira-cat-stream-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_built_in_articles_print_as_their_documents_lay_out() {
    let corpus = Corpus::builtin();
    for width in [30, 60, 80, 120] {
        assert_eq!(streamed(&[], width), laid_out(&corpus.documents, width), "width {width}");
    }
}

/// An article with a title, a byline, headings, a list, a hard-wrapped paragraph, a
/// paragraph cut in two, a repeat, furniture and a paragraph of digits alone.
const ARTICLE: &str = "أخبار العراق\n\nالعراق يلاحق الإرهاب الرقمي\n\nخالد الطائي\n\n\
    يُعد الإرهاب الرقمي تحديًا عالميًا معقدًا لا يحده أي حاجز جغرافي، فقد بات الإرهابيون يستخدمون الإنترنت.\n\n\
    الأبعاد الرئيسية\n\n\
    1. تبادل المعلومات الاستخباراتية والخبرات بين الدول.\n2. بناء القدرات (التدريب) والتقنية.\n\n\
    Officials from twelve countries signed an agreement on Tuesday to\n\
    share intelligence about online extremist networks, the delegation\n\
    said in a statement.\n\n\
    هذه فقرة طويلة بما يكفي لكي تعد جزءاً أول من جملة قطعت في منتصف الكلام بعد أن تحدث الكاتب عن تطوير التنظيم لطرق ووسائل\n\n\
    تجنيد واستقطاب المقاتلين عبر الشبكة.\n\n\
    فقرة مكررة تظهر مرتين في النص.\n\nفقرة مكررة تظهر مرتين في النص.\n\n\
    2017 - 2018\n\nشارك هذا المقال\n\nفقرة أخيرة تنتهي بنقطة كما ينبغي لها أن تنتهي.\n";

#[test]
fn an_article_with_headings_and_lists_prints_as_its_document_lays_out() {
    let dir = scratch("article");
    let (txt, md) = (dir.join("article.txt"), dir.join("article.md"));
    fs::write(&txt, ARTICLE).unwrap();
    fs::write(&md, format!("# العنوان\n\n## قسم\n\n- بند أول\n- بند ثان\n\n{ARTICLE}")).unwrap();
    let corpus = Corpus::open(&[txt.clone(), md.clone()]).unwrap();
    for width in [20, 80] {
        assert_eq!(streamed(&[txt.clone(), md.clone()], width), laid_out(&corpus.documents, width));
    }
    // A folder prints its files in the order the reader lists them.
    assert_eq!(
        streamed(std::slice::from_ref(&dir), 80),
        laid_out(&Corpus::open(&[dir]).unwrap().documents, 80)
    );
}

#[test]
fn a_file_longer_than_a_section_prints_as_its_sections_lay_out() {
    let dir = scratch("long");
    let file = dir.join("long.txt");
    let mut text = String::new();
    let mut copy = 0;
    while text.len() < 3 * SECTION_BYTES {
        copy += 1;
        text.push_str(&ARTICLE.replace("\n\n", &format!(" {copy}\n\n")));
    }
    fs::write(&file, &text).unwrap();
    let plan = Plan::new(std::slice::from_ref(&file)).unwrap();
    let sections: Vec<String> =
        plan.sources[0].sections().unwrap().map(|s| s.unwrap().text().into_owned()).collect();
    assert!(sections.len() >= 3);
    assert_eq!(sections.concat(), text);
    let documents: Vec<Document> =
        sections.iter().map(|s| basira::corpus::parse_document("long.txt", s, false)).collect();
    assert_eq!(streamed(&[file], 80), laid_out(&documents, 80));
}
