//! The document structure of the built-in articles, and of small English and Markdown
//! articles: titles, bylines, headings, repaired and repeated paragraphs, page furniture,
//! sentences.

use basira::corpus::{Boilerplate, Corpus, Document, EmphasisKind, Role, Table, parse_document};
use basira::text::Direction;

/// The built-in article whose file name starts with `prefix`.
fn builtin(prefix: &str) -> Document {
    Corpus::builtin()
        .documents
        .into_iter()
        .find(|d| d.path.starts_with(&format!("builtin:{prefix}")))
        .unwrap_or_else(|| panic!("no built-in article {prefix}"))
}

/// The texts of the paragraphs with `role`.
fn with_role(doc: &Document, role: Role) -> Vec<&str> {
    doc.paragraphs.iter().filter(|p| p.role == role).map(|p| p.text.as_str()).collect()
}

/// The texts of the headings that are part of the article (not furniture).
fn content_headings(doc: &Document) -> Vec<&str> {
    doc.paragraphs
        .iter()
        .filter(|p| matches!(p.role, Role::Heading(_)) && p.boilerplate.is_none())
        .map(|p| p.text.as_str())
        .collect()
}

/// The furniture of the article: (text, kind), in order.
fn furniture(doc: &Document) -> Vec<(&str, Boilerplate)> {
    doc.paragraphs.iter().filter_map(|p| p.boilerplate.map(|b| (p.text.as_str(), b))).collect()
}

/// Assert that the furniture is, in order, paragraphs starting with these texts, of these kinds.
fn assert_furniture(doc: &Document, expected: &[(&str, Boilerplate)]) {
    let found = furniture(doc);
    assert_eq!(found.len(), expected.len(), "{}: {found:?}", doc.path);
    for ((text, kind), (start, expected_kind)) in found.iter().zip(expected) {
        assert!(text.starts_with(start), "{}: {text:?} should start with {start:?}", doc.path);
        assert_eq!(kind, expected_kind, "{}: {text:?}", doc.path);
    }
}

/// How many body paragraphs are article text.
fn body_count(doc: &Document) -> usize {
    doc.paragraphs.iter().filter(|p| p.role == Role::Body && p.boilerplate.is_none()).count()
}

/// How many paragraphs contain `needle`.
fn containing(doc: &Document, needle: &str) -> usize {
    doc.paragraphs.iter().filter(|p| p.text.contains(needle)).count()
}

/// The invariants every parsed document keeps.
fn check_invariants(doc: &Document) {
    for p in &doc.paragraphs {
        assert!(!p.text.is_empty(), "{}: empty paragraph", doc.path);
        assert_eq!(p.text.trim(), p.text, "{}: untrimmed paragraph", doc.path);
        assert!(!p.text.contains("  "), "{}: double space in {:?}", doc.path, p.text);
        assert!(
            !p.text.chars().any(|c| c.is_control() && c != '\t'),
            "{}: control character in {:?}",
            doc.path,
            p.text
        );
        let mut covered = String::new();
        let mut last_end = 0;
        for r in &p.sentences {
            assert!(p.text.is_char_boundary(r.start) && p.text.is_char_boundary(r.end));
            assert!(r.start >= last_end && r.start < r.end, "{}: sentences out of order", doc.path);
            // Between a table's rows, their separator is no sentence's.
            let between = p.text[last_end..r.start].trim();
            let row_separator = p.form.table.is_some() && between == Table::ROW_SEPARATOR.trim();
            assert!(between.is_empty() || row_separator, "{}: text left out", doc.path);
            covered.push_str(&p.text[r.clone()]);
            last_end = r.end;
        }
        assert!(p.text[last_end..].trim().is_empty(), "{}: tail left out", doc.path);
        assert!(!p.sentences.is_empty());
        if p.boilerplate.is_some() {
            assert_ne!(p.role, Role::Title, "{}: furniture as title", doc.path);
        }
        for e in &p.emphasis {
            assert!(p.text.is_char_boundary(e.range.start) && p.text.is_char_boundary(e.range.end));
        }
    }
}

#[test]
fn every_builtin_article_keeps_the_invariants() {
    let corpus = Corpus::builtin();
    assert_eq!(corpus.documents.len(), 5);
    for doc in &corpus.documents {
        check_invariants(doc);
        assert_eq!(doc.direction, Direction::Rtl);
    }
}

#[test]
fn article_01_has_a_derived_title_and_four_headings() {
    let doc = builtin("01");
    assert!(doc.title_is_derived);
    assert_eq!(doc.title, "يُعد الإرهاب الرقمي تحديًا عالميًا معقدًا لا يحده…");
    assert!(with_role(&doc, Role::Title).is_empty());
    assert!(with_role(&doc, Role::Byline).is_empty());
    assert_eq!(
        with_role(&doc, Role::Heading(2)),
        [
            "الأبعاد الرئيسية للتعاون الدولي",
            "أمثلة على التعاون الدولي الفعال",
            "التحديات والآفاق المستقبلية",
            "خاتمة",
        ]
    );
    assert!(furniture(&doc).is_empty());
    assert_eq!(body_count(&doc), 17);
    assert_eq!(doc.paragraphs.len(), 21);
    // The list items stay apart: the one ending with ':' is not joined to the next.
    assert!(doc.paragraphs[7].text.ends_with("مسارين رئيسيين:"));
    assert!(doc.paragraphs[8].text.starts_with("6. إزالة المحتوى الإرهابي"));
    // A list number is not a sentence of its own.
    let item = &doc.paragraphs[3];
    assert!(item.text[item.sentences[0].clone()].starts_with("1. تبادل المعلومات"));
    assert_eq!(item.sentences.len(), 4);
}

#[test]
fn article_02_starts_with_its_byline() {
    let doc = builtin("02");
    assert!(doc.title_is_derived);
    assert_eq!(doc.title, "جدد خبراء في مجال مكافحة الإرهاب تحذيراتهم من…");
    assert_eq!(doc.paragraphs[0].role, Role::Byline);
    assert_eq!(doc.paragraphs[0].text, "دينا محمود (لندن)");
    assert!(with_role(&doc, Role::Title).is_empty());
    assert!(content_headings(&doc).is_empty());
    assert!(furniture(&doc).is_empty());
    assert_eq!(body_count(&doc), 8);
    // Long sentences chained with «،» stay whole.
    assert!(doc.paragraphs[1..].iter().all(|p| p.sentences.len() == 1));
}

#[test]
fn article_03_has_its_title_and_two_headings() {
    let doc = builtin("03");
    assert!(!doc.title_is_derived);
    assert_eq!(doc.title, "الإرهاب وشبكات التواصل الاجتماعي.. رحلة الصعود والانهيار");
    assert_eq!(doc.paragraphs[0].role, Role::Title);
    assert_eq!(with_role(&doc, Role::Heading(2)), ["انسحابات ورقابة جديدة", "مواجهات الكراهية"]);
    assert!(furniture(&doc).is_empty());
    assert_eq!(body_count(&doc), 18);
    assert_eq!(doc.paragraphs.len(), 21);
    // «8.4%» and «274ألف» do not end sentences.
    let figures = doc.paragraphs.iter().find(|p| p.text.contains("8.4%")).expect("8.4%");
    assert_eq!(figures.sentences.len(), 1);
}

#[test]
fn article_04_is_repaired_and_its_furniture_flagged() {
    let doc = builtin("04");
    assert!(!doc.title_is_derived);
    assert!(doc.title.starts_with("بعد خسارته المستمرة على الميدان"));
    assert!(doc.title.ends_with("الارهابي ؟"));
    assert_eq!(doc.paragraphs[0].role, Role::Title);
    assert_eq!(content_headings(&doc), ["حشد اوروبي"]);
    assert_eq!(
        with_role(&doc, Role::Heading(2)),
        ["حشد اوروبي", "من نحن", "النشرة الإخبارية", "اتصل بنا"]
    );
    // The paragraph cut by a stray blank line is one again.
    assert_eq!(containing(&doc, "لطرق ووسائل تجنيد واستقطاب"), 1);
    assert!(!doc.paragraphs.iter().any(|p| p.text.starts_with("تجنيد واستقطاب")));
    // «كافياً.ويرى» is two sentences.
    let typo = doc.paragraphs.iter().find(|p| p.text.contains("كافياً.ويرى")).expect("typo");
    assert_eq!(typo.sentences.len(), 2);
    let expected = [
        ("المشاركة في هذا المقال", Boilerplate::SharePrompt),
        ("من نحن", Boilerplate::AboutUs),
        ("تسعى \"المغرب\" أن تكون الجريدة ال", Boilerplate::AboutUs),
        ("النشرة الإخبارية", Boilerplate::Newsletter),
        ("إشترك في النشرة الإخبارية", Boilerplate::Newsletter),
        ("اتصل بنا", Boilerplate::Contact),
        ("adresse:\u{a0}نهج الحمايدية الطابق 4-41 ت", Boilerplate::Contact),
        ("tel\u{a0}: 71905125", Boilerplate::Contact),
        ("fax:\u{a0}71905115", Boilerplate::Contact),
    ];
    assert_furniture(&doc, &expected);
    assert_eq!(body_count(&doc), 11);
    assert_eq!(doc.paragraphs.len(), 22);
}

#[test]
fn article_05_has_navigation_byline_one_caption_and_a_comment_section() {
    let doc = builtin("05");
    assert!(!doc.title_is_derived);
    assert_eq!(doc.title, "العراق يلاحق 'الإرهاب الرقمي'");
    let top: Vec<(Role, Option<Boilerplate>, &str)> =
        doc.paragraphs[..4].iter().map(|p| (p.role, p.boilerplate, p.text.as_str())).collect();
    assert_eq!(
        top,
        [
            (Role::Body, Some(Boilerplate::Navigation), "أخبار العراق"),
            (Role::Body, Some(Boilerplate::Navigation), "إرهاب"),
            (Role::Title, None, "العراق يلاحق 'الإرهاب الرقمي'"),
            (Role::Byline, None, "خالد الطائي"),
        ]
    );
    assert_eq!(content_headings(&doc), ["'وسيلة رئيسية'", "داعش يواجه تحديات"]);
    // The caption printed twice is shown once, flagged as a photo credit.
    assert_eq!(containing(&doc, "شبان عراقيون يتدربون"), 1);
    let expected = [
        ("أخبار العراق", Boilerplate::Navigation),
        ("إرهاب", Boilerplate::Navigation),
        ("شبان عراقيون يتدربون على استخدام", Boilerplate::PhotoCredit),
        ("هل أعجبك هذا المقال؟", Boilerplate::SharePrompt),
        ("1 تعليق", Boilerplate::CommentCount),
        ("سياسة ديارنا بشأن التعليقات * معل", Boilerplate::CommentPolicy),
        ("اكو جماعة كروب صغير غلقو أكثر من ", Boilerplate::ReaderComment),
        ("الرد", Boilerplate::ReplyButton),
    ];
    assert_furniture(&doc, &expected);
    assert_eq!(body_count(&doc), 25);
    assert_eq!(doc.paragraphs.len(), 37);
}

const ENGLISH: &str = "World | Security

Twelve countries sign a pact against online extremism
By Jane Doe

Officials from twelve countries signed an agreement on Tuesday to share
intelligence about online extremist networks, the U.S. delegation said. The
pact covers 1.3 billion users.

Why it matters

Platforms removed 274,000 accounts last year, up 8.4% on the year before.

Protesters outside the venue in Paris. (AFP/Getty Images)

Protesters outside the venue in Paris. (AFP/Getty Images)

Share this article

Newsletter
Sign up for our newsletter

3 comments
Your email address will not be published. Required fields are marked *
Great piece, thanks for writing it.
Reply
";

#[test]
fn an_english_web_page() {
    let doc = parse_document("page.txt", ENGLISH, false);
    check_invariants(&doc);
    assert_eq!(doc.direction, Direction::Ltr);
    assert_eq!(doc.title, "Twelve countries sign a pact against online extremism");
    let shown: Vec<(Role, Option<Boilerplate>, String)> = doc
        .paragraphs
        .iter()
        .map(|p| (p.role, p.boilerplate, p.text.chars().take(24).collect()))
        .collect();
    let expected = [
        (Role::Body, Some(Boilerplate::Navigation), "World | Security"),
        (Role::Title, None, "Twelve countries sign a "),
        (Role::Byline, None, "By Jane Doe"),
        (Role::Body, None, "Officials from twelve co"),
        (Role::Heading(2), None, "Why it matters"),
        (Role::Body, None, "Platforms removed 274,00"),
        (Role::Body, Some(Boilerplate::PhotoCredit), "Protesters outside the v"),
        (Role::Body, Some(Boilerplate::SharePrompt), "Share this article"),
        (Role::Heading(2), Some(Boilerplate::Newsletter), "Newsletter"),
        (Role::Body, Some(Boilerplate::Newsletter), "Sign up for our newslett"),
        (Role::Body, Some(Boilerplate::CommentCount), "3 comments"),
        (Role::Body, Some(Boilerplate::CommentPolicy), "Your email address will "),
        (Role::Body, Some(Boilerplate::ReaderComment), "Great piece, thanks for "),
        (Role::Body, Some(Boilerplate::ReplyButton), "Reply"),
    ];
    let expected: Vec<(Role, Option<Boilerplate>, String)> =
        expected.iter().map(|(r, b, t)| (*r, *b, t.to_string())).collect();
    assert_eq!(shown, expected);
    let joined = &doc.paragraphs[3];
    assert!(joined.text.contains("to share intelligence about"));
    let sentences: Vec<&str> = joined.sentences.iter().map(|r| &joined.text[r.clone()]).collect();
    assert_eq!(
        sentences,
        [
            "Officials from twelve countries signed an agreement on Tuesday to share \
             intelligence about online extremist networks, the U.S. delegation said.",
            "The pact covers 1.3 billion users.",
        ]
    );
}

const MARKDOWN: &str = "---
layout: post
---

# الإرهاب الرقمي والتعاون الدولي

بقلم: سارة أحمد

![صورة الغلاف](cover.png)

يُعد **الإرهاب الرقمي** تحدياً عالمياً،
يتطلب *تعاوناً* دولياً. انظر [تقرير الأمم المتحدة](https://un.org/report).

## المحاور الرئيسية

- تبادل المعلومات
- بناء `القدرات`

1. أولاً
2. ثانياً

> اقتباس من
> تقرير <b>مهم</b>.

```text
let total = 1 + 2;
```

شارك هذا المقال

من نحن

موقع إخباري مستقل يهتم بقضايا الأمن الرقمي في المنطقة العربية منذ سنوات طويلة جداً
";

#[test]
fn a_markdown_article() {
    let doc = parse_document("article.md", MARKDOWN, true);
    check_invariants(&doc);
    assert_eq!(doc.direction, Direction::Rtl);
    assert!(!doc.title_is_derived);
    assert_eq!(doc.title, "الإرهاب الرقمي والتعاون الدولي");
    let shown: Vec<(Role, Option<Boilerplate>, &str)> =
        doc.paragraphs.iter().map(|p| (p.role, p.boilerplate, p.text.as_str())).collect();
    assert_eq!(
        shown,
        [
            (Role::Title, None, "الإرهاب الرقمي والتعاون الدولي"),
            (Role::Byline, None, "بقلم: سارة أحمد"),
            (
                Role::Body,
                None,
                "يُعد الإرهاب الرقمي تحدياً عالمياً، يتطلب تعاوناً دولياً. انظر تقرير الأمم المتحدة."
            ),
            (Role::Heading(2), None, "المحاور الرئيسية"),
            (Role::Body, None, "• تبادل المعلومات"),
            (Role::Body, None, "• بناء القدرات"),
            (Role::Body, None, "1. أولاً"),
            (Role::Body, None, "2. ثانياً"),
            (Role::Body, None, "اقتباس من تقرير مهم."),
            (Role::Body, None, "let total = 1 + 2;"),
            (Role::Body, Some(Boilerplate::SharePrompt), "شارك هذا المقال"),
            (Role::Body, Some(Boilerplate::AboutUs), "من نحن"),
            (
                Role::Body,
                Some(Boilerplate::AboutUs),
                "موقع إخباري مستقل يهتم بقضايا الأمن الرقمي في المنطقة العربية منذ سنوات طويلة جداً"
            ),
        ]
    );
    let spans = |i: usize| -> Vec<(String, EmphasisKind)> {
        let p = &doc.paragraphs[i];
        p.emphasis.iter().map(|e| (p.text[e.range.clone()].to_string(), e.kind)).collect()
    };
    assert_eq!(
        spans(2),
        [
            ("الإرهاب الرقمي".to_string(), EmphasisKind::Bold),
            ("تعاوناً".to_string(), EmphasisKind::Italic),
        ]
    );
    assert_eq!(spans(5), [("القدرات".to_string(), EmphasisKind::Code)]);
    assert_eq!(spans(9), [("let total = 1 + 2;".to_string(), EmphasisKind::Code)]);
    assert_eq!(doc.paragraphs[2].sentences.len(), 2);
}

#[test]
fn hostile_and_empty_inputs() {
    let cases = [
        "",
        "   \n\u{a0}\n\t",
        "\u{1b}[2J\u{1b}]0;pwned\u{7}عنوان\u{1b}[31m\r\n\r\nنص\u{7} المقال هنا.",
        "شارك\n\nمن نحن\n\n1 تعليق\n\nالرد",
        "\u{202e}RLO\u{202c} نص",
    ];
    for text in cases {
        for markdown in [false, true] {
            let doc = parse_document("x.txt", text, markdown);
            check_invariants(&doc);
        }
    }
    let doc = parse_document("x.txt", cases[2], false);
    assert_eq!(doc.title, "عنوان");
    assert_eq!(doc.paragraphs[1].text, "نص\u{2407} المقال هنا.");
    let only_furniture = parse_document("furniture.txt", cases[3], false);
    assert!(only_furniture.paragraphs.iter().all(|p| p.boilerplate.is_some()));
    assert!(only_furniture.title_is_derived);
    assert_eq!(only_furniture.title, "furniture");
    let bidi = parse_document("x.txt", cases[4], false);
    assert!(bidi.paragraphs[0].text.contains('\u{202e}'));
}

/// A news page as outlets publish it: related-story headlines between paragraphs, "read also"
/// and "for more" lines, a notification sign-up, a source line, a separator, and teasers of
/// other stories cut short after the article.
const NEWS_PAGE: &str = "\
محكمة تركية تقضي بالسجن المؤبد على ستة صحفيين

وصفت الفيدرالية العربية لحقوق الإنسان الحكم بالسجن المؤبد على 6 صحفيين أتراك بأنه هجوم غير مسبوق على حرية التعبير.
وكانت محكمة تركية قد أدانت الصحفيين بالارتباط بالمخططين لمحاولة الانقلاب الفاشلة في يوليو تموز 2016 في أنقرة.
محكمة تركية تتراجع عن إطلاق سراح مدير منظمة العفو الدولية
من هم المستهدفون بحملة التطهير التي يقودها أردوغان؟
وقالت وسائل إعلام محلية إن المحكمة أدانت المتهمين بمحاولة الانقلاب على نظام الحكم المنصوص عليه في الدستور.
اقرأ أيضاً: أنقرة تعتقل عشرات الضباط
للمزيد - الاتحاد الأوروبي يحذر تركيا من تراجع الحريات
يمكنكم استلام إشعارات بأهم الأخبار بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم.
*نقلاً عن الرؤية الإماراتية
-------------------------------------
ولم تعلق الحكومة التركية على الحكم حتى الآن، فيما قال محامو الدفاع إنهم سيطعنون فيه أمام محكمة الاستئناف.
أعربت منظمة مراسلون بلا حدود عن قلقها الشديد من تزايد أعداد الصحفيين المسجونين في تركيا خلال العامين الماضيين وطالبت
أعلنت السلطات التركية الأربعاء توقيف 70 عسكريا يشتبه في صلتهم بالداعية فتح الله غولن في عملية أمنية واسعة شملت
";

#[test]
fn a_news_page_keeps_related_stories_and_site_notes_out_of_the_article() {
    let doc = parse_document("news.txt", NEWS_PAGE, false);
    check_invariants(&doc);
    assert_furniture(
        &doc,
        &[
            ("محكمة تركية تتراجع", Boilerplate::Related),
            ("من هم المستهدفون", Boilerplate::Related),
            ("اقرأ أيضاً", Boilerplate::Related),
            ("للمزيد", Boilerplate::Related),
            ("يمكنكم استلام", Boilerplate::SiteNote),
            ("*نقلاً عن", Boilerplate::SiteNote),
            ("-----", Boilerplate::SiteNote),
            ("أعربت منظمة مراسلون", Boilerplate::Related),
            ("أعلنت السلطات التركية", Boilerplate::Related),
        ],
    );
    assert!(content_headings(&doc).is_empty(), "{:?}", content_headings(&doc));
    // The article's own last paragraph, which ends with a full stop, is the article's.
    assert_eq!(containing(&doc, "ولم تعلق الحكومة"), 1);
    let last = doc.paragraphs.iter().rfind(|p| p.boilerplate.is_none()).unwrap();
    assert!(last.text.starts_with("ولم تعلق الحكومة"));
}

#[test]
fn lists_of_short_lines_are_not_taken_for_related_stories() {
    let text = "\
مهرجان كان يعلن أفلام المسابقة الرسمية لهذا العام

أعلن منظمو مهرجان كان السينمائي قائمة الأفلام المتنافسة على السعفة الذهبية في دورته الحادية والسبعين هذا العام.
شجرة الكمثرى البرية – نوري بلجي جيلان – تركيا
الرجل الذي قتل دون كيشوت – تيري غيليام – بريطانيا
كفرناحوم – نادين لبكي – لبنان
ويعلن الفائزون في حفل الختام يوم التاسع عشر من مايو بحضور لجنة التحكيم التي ترأسها كيت بلانشيت.
";
    let doc = parse_document("list.txt", text, false);
    assert!(furniture(&doc).is_empty(), "{:?}", furniture(&doc));
}

/// Real news pages (ANT corpus, Apache-2.0: BBC Arabic BB-middleEast-471-20180508 and
/// BB-internationalNews-13-20180215, paragraphs shortened): a «اقرأ أيضاً:» line on its own
/// with the headlines it points to under it, and a pair of related-story headlines set after
/// a short sentence.
const POINTED_HEADLINES: &str = "\
درنة مدينة استراتيجية ليبية تعاقبت جماعات إسلامية مسلحة على السيطرة عليها

أعلن القائد العسكري الليبي خليفة حفتر بدء عملية للسيطرة على مدينة درنة وطرد المسلحين منها.
وقد تعاقبت على السيطرة على مدينة درنة الليبية جماعات متشددة منذ عام 2011.
اقرأ أيضاً:
رواندا تتبرع بتوفير ملاذ للمهاجرين الذين يواجهون العبودية في ليبيا
غضب دولي بسبب صور \"بيع العبيد\" في سوق بليبيا
ولم يهدأ الصراع بين التنظيمات المتشددة على المدينة منذ ذلك الحين، فيما تقدمت قوات حفتر نحو أطرافها.
ومن المخاطر الأخرى التي يواجهها الأطفال الخطف والانتهاكات الجنسية.
منظمة أنقذوا الأطفال: مستشفى ولادة في إدلب يتعرض لقصف جوي
منظمة \"أنقذوا الأطفال\": ربع مليون طفل سوري يعيشون تحت وطأة الحصار
وقالت هيل ثورنينغ شميدت المديرة التنفيذية لمنظمة \"أنقذوا الأطفال\" إن العالم يشهد زيادة صادمة.
صفقة ملكية الشركة
وانتقلت ملكية الشركة بعد ذلك إلى مجموعة من المستثمرين الذين تعهدوا بإصلاح أوضاعها المالية.
";

#[test]
fn headlines_under_a_read_also_line_and_after_a_short_sentence_are_related_stories() {
    let doc = parse_document("news.txt", POINTED_HEADLINES, false);
    check_invariants(&doc);
    assert_furniture(
        &doc,
        &[
            ("اقرأ أيضاً", Boilerplate::Related),
            ("رواندا تتبرع", Boilerplate::Related),
            ("غضب دولي", Boilerplate::Related),
            ("منظمة أنقذوا", Boilerplate::Related),
            ("منظمة \"أنقذوا", Boilerplate::Related),
        ],
    );
    // The outline keeps the article's own heading, and none of the other stories.
    assert_eq!(content_headings(&doc), ["صفقة ملكية الشركة"]);
}

/// A list of labelled facts after a short sentence (ANT, SkyNews SK-technology-1710-20181019,
/// shortened): not headlines of other stories.
#[test]
fn a_list_of_labelled_facts_after_a_short_sentence_stays_the_articles() {
    let text = "\
فيتامينات تطيل العمر

وسردت الصحيفة عناصر غذائية حددها الطبيب تسهم في إطالة العمر ونشرها في مجلة علمية:
فيتامين أ
يحمي من: العمى وبعض أنواع السرطان وحب الشباب وترقق العظام.
ويوجد في: الكبد، وزيوت السمك، والحليب، والبيض، والخضروات البرتقالية مثل البطاطا الحلوة والجزر.
فيتامين ب 1 (الثيامين)
يحمي من: تلف الأعصاب والعضلات والقلب
يوجد في: لحوم البقر والكبد والمكسرات والشوفان والبرتقال والبيض والبذور والبازلاء.
2 أكتوبر
جمال خاشقجي يدخل القنصلية في إسطنبول الساعة 1:14 ظهراً
وتواصل السلطات التحقيق في القضية منذ ذلك اليوم بحسب ما أعلنته وسائل الإعلام.
";
    let doc = parse_document("list.txt", text, false);
    assert!(furniture(&doc).is_empty(), "{:?}", furniture(&doc));
}

/// The Markdown fixture arranged from a BBC Arabic article (tests/data/markdown/README.md).
#[test]
fn a_markdown_news_page_keeps_its_labels_and_related_stories_out_of_the_outline() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/markdown/derna.md");
    let doc = parse_document("derna.md", &std::fs::read_to_string(path).unwrap(), true);
    check_invariants(&doc);
    assert_eq!(
        doc.title,
        "درنة مدينة استراتيجية ليبية تعاقبت جماعات إسلامية مسلحة على السيطرة عليها"
    );
    assert_furniture(
        &doc,
        &[
            ("أخبار ليبيا", Boilerplate::Navigation),
            ("الشرق الأوسط", Boilerplate::Navigation),
            ("اقرأ أيضاً", Boilerplate::Related),
            ("• رواندا تتبرع", Boilerplate::Related),
            ("• غضب دولي", Boilerplate::Related),
        ],
    );
    assert_eq!(content_headings(&doc), ["من سيطر على المدينة", "أهمية الموقع"]);
    let quote = doc.paragraphs.iter().find(|p| p.form.quotes == 1).expect("the quote");
    assert!(quote.text.starts_with("نمد أيدينا للسلام"));
    let table = doc.paragraphs.iter().find_map(|p| Some((p, p.form.table.as_ref()?))).unwrap();
    assert_eq!(table.1.rows.len(), 4);
    assert_eq!(&table.0.text[table.1.rows[2][1].clone()], "تنظيم الدولة الإسلامية");
    // The table's rows are its sentences; the nested item is one step in.
    assert_eq!(table.0.sentences.len(), 4);
    let nested = doc.paragraphs.iter().find(|p| p.text.contains("بنغازي")).unwrap();
    assert_eq!((nested.form.indent, nested.text.starts_with("◦ ")), (1, true));
}
