//! Key points as a reader meets them: an essay's points cover its sections and name them, a
//! news article's reach past its opening paragraphs, and no point is a question, a sentence
//! about the article, a fragment, a headline, a piece of a quotation or a dateline.

use basira::analysis::{Analysis, Budget, KeyPoint, ThemeSource};
use basira::corpus::{Corpus, Document, parse_document};
use basira::report::{Format, write_key_points};

fn analysed(texts: &[&str]) -> (Corpus, Analysis) {
    let documents = texts
        .iter()
        .enumerate()
        .map(|(i, t)| parse_document(&format!("{i}.txt"), t, false))
        .collect();
    let corpus = Corpus { documents, warnings: Vec::new() };
    let analysis = Analysis::new(&corpus, &ThemeSource::Discovered);
    (corpus, analysis)
}

fn texts(document: &Document, points: &[KeyPoint]) -> Vec<String> {
    points.iter().map(|k| k.text(document).into_owned()).collect()
}

#[test]
fn an_essay_gets_a_point_from_each_section_named_by_it() {
    let corpus = Corpus::builtin();
    let analysis = Analysis::new(&corpus, &ThemeSource::default_for(&corpus));
    let essay = &corpus.documents[0];
    let points = analysis.key_points(0, Budget::Count(5));
    let shown = texts(essay, &points);
    // The introduction's thesis, a point from each of the three sections, the conclusion.
    assert_eq!(points[0].section, None, "{shown:?}");
    assert!(shown[0].starts_with("يُعد الإرهاب الرقمي"), "{shown:?}");
    let heading_of = |k: &KeyPoint| {
        essay.paragraphs[..k.paragraph]
            .iter()
            .rev()
            .find(|p| matches!(p.role, basira::corpus::Role::Heading(_)))
            .map(|p| p.text.as_str())
    };
    let headings: Vec<Option<&str>> = points.iter().map(heading_of).collect();
    assert_eq!(
        headings,
        [
            None,
            Some("الأبعاد الرئيسية للتعاون الدولي"),
            Some("أمثلة على التعاون الدولي الفعال"),
            Some("التحديات والآفاق المستقبلية"),
            Some("خاتمة")
        ]
    );
    assert!(points[1..].iter().all(|k| k.section_name(essay).is_some()), "each names its section");
    assert_eq!(points[4].section_name(essay), Some("خاتمة"));
    // Never the rhetorical question or the sentence about the article itself, at any budget.
    let all = texts(essay, &analysis.key_points(0, Budget::Count(100)));
    assert!(all.iter().all(|t| !t.contains("فهل يمكن") && !t.contains("هذا المقال يوضح")));
    // A numbered item's point is shown without its number and label: the label is its section.
    for k in analysis.key_points(0, Budget::Count(100)) {
        let text = k.text(essay);
        assert!(!text.starts_with(|c: char| c.is_ascii_digit()), "{text}");
    }
    let item = analysis
        .key_points(0, Budget::Count(100))
        .into_iter()
        .find(|k| k.section_name(essay) == Some("تبادل المعلومات الاستخباراتية والخبرات"))
        .expect("a point under the first numbered item");
    assert!(item.text(essay).starts_with("يُعد تبادل المعلومات"), "{}", item.text(essay));
}

/// A news report whose opening paragraphs restate the event and whose later ones bring the
/// reactions, the figures and the consequence.
const NEWS: &str = "\
الحكومة تعلن خطة لإعادة إعمار الميناء بعد الحريق

دبي، الإمارات العربية المتحدة (CNN)-- أعلنت الحكومة، الثلاثاء، خطة لإعادة إعمار الميناء الرئيسي في المدينة بعد الحريق الذي دمر أجزاء واسعة منه الأسبوع الماضي.

وقالت الحكومة في بيان إن خطة إعادة إعمار الميناء الرئيسي في المدينة ستبدأ بعد الحريق الذي دمر أجزاء واسعة منه.

وأوضح البيان أن إعادة إعمار الميناء الرئيسي الذي دمر الحريق أجزاء واسعة منه تبدأ الأسبوع المقبل.

وأضاف البيان أن أعمال إعادة إعمار الميناء في المدينة بعد الحريق ستجري على مراحل.

من جهته، انتقد زعيم المعارضة سليم حداد الخطة ووصفها بأنها متأخرة وطالب بمحاسبة المسؤولين عن الإهمال في مخازن المواد الكيماوية.

وقدر البنك الدولي الخسائر المباشرة بنحو 3.5 مليار دولار، فيما فقد أكثر من 12 ألف عامل وظائفهم في أرصفة التحميل والتفريغ.

ويخشى التجار من ارتفاع أسعار السلع المستوردة خلال الأشهر المقبلة بسبب تحويل الشحنات إلى موانئ الدول المجاورة.

وكانت النيابة العامة قد فتحت تحقيقا في أسباب الحريق واستدعت مدير الجمارك ومسؤولين في هيئة الموانئ للاستجواب.
";

#[test]
fn news_key_points_reach_past_the_opening_paragraphs() {
    let (corpus, analysis) = analysed(&[NEWS]);
    let document = &corpus.documents[0];
    let points = analysis.key_points(0, Budget::Count(5));
    let shown = texts(document, &points);
    // The event first, without its dateline.
    assert!(shown[0].starts_with("أعلنت الحكومة، الثلاثاء"), "{shown:?}");
    assert!(shown.iter().all(|t| !t.contains("(CNN)")), "{shown:?}");
    // The restatements of the event do not crowd out the reaction, the figures and the
    // consequence.
    // (Paragraph 0 is the title, 1 the event, 2–4 restate it, 5–8 say what follows.)
    let restated = points.iter().filter(|k| (2..=4).contains(&k.paragraph)).count();
    let later = points.iter().filter(|k| k.paragraph >= 5).count();
    assert!(restated <= 1 && later >= 3, "{shown:?}");
    let first_five: Vec<usize> = (1..6).collect();
    let chosen: Vec<usize> = points.iter().map(|k| k.paragraph).collect();
    assert_ne!(chosen, first_five, "not the first five sentences: {shown:?}");
}

#[test]
fn questions_headlines_fragments_and_quotation_pieces_are_never_key_points() {
    let text = "\
عنوان التقرير عن المدارس

أعلنت وزارة التعليم إغلاق عشرين مدرسة في الأحياء الشمالية بسبب نقص المعلمين والتمويل هذا العام.

فما الذي يدفع الوزارة إلى هذا القرار الصعب في منتصف العام الدراسي؟

المدارس المغلقة في الأحياء الشمالية

وقال الوزير: \"القرار مؤقت ونعمل على إيجاد حلول دائمة للمعلمين والطلاب. لا نريد أن يخسر أي طالب عامه الدراسي بسبب هذه الأزمة.\"

وهذا كل شيء.

وفي هذا التقرير نستعرض ردود الفعل على قرار الإغلاق في الأحياء الشمالية والجنوبية.

وطالبت نقابة المعلمين بزيادة الرواتب وتعيين ألف معلم جديد قبل بداية الفصل الدراسي الثاني.
";
    let (corpus, analysis) = analysed(&[text]);
    let document = &corpus.documents[0];
    let all = texts(document, &analysis.key_points(0, Budget::Count(100)));
    for refused in
        ["فما الذي", "المدارس المغلقة", "لا نريد أن يخسر", "وهذا كل شيء", "في هذا التقرير"]
    {
        assert!(all.iter().all(|t| !t.contains(refused)), "{refused} in {all:?}");
    }
    assert!(
        all.iter().any(|t| t.starts_with("وقال الوزير")),
        "the quotation with its speaker: {all:?}"
    );
    assert!(all.iter().any(|t| t.starts_with("وطالبت نقابة المعلمين")), "{all:?}");
}

#[test]
fn hashtags_read_as_words_and_sections_reach_the_json() {
    let text = "\
عنوان

أطلقت #السعودية مشروع #رؤية_2030 لتنويع مصادر الاقتصاد الوطني وتقليل الاعتماد على النفط.

أولا

1. السياحة والترفيه: تستهدف الخطة جذب مئة مليون زائر سنويا إلى المواقع التاريخية والشواطئ.

2. الصناعة: تستهدف الخطة رفع مساهمة الصناعة المحلية في الناتج إلى الضعف خلال عشر سنوات.

3. التعليم: تستهدف الخطة تدريب مليون شاب على المهارات الرقمية ووظائف المستقبل الجديدة.
";
    let (corpus, analysis) = analysed(&[text]);
    let mut out = Vec::new();
    write_key_points(&mut out, &corpus, &analysis, Budget::Count(4), Format::Json).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let points = json["documents"][0]["key_points"].as_array().unwrap();
    let text_of = |k: &serde_json::Value| k["text"].as_str().unwrap().to_string();
    assert_eq!(
        text_of(&points[0]),
        "أطلقت السعودية مشروع رؤية 2030 لتنويع مصادر الاقتصاد الوطني وتقليل الاعتماد على النفط."
    );
    assert!(points[0].get("section").is_none());
    let sections: Vec<&str> = points[1..].iter().map(|k| k["section"].as_str().unwrap()).collect();
    assert_eq!(sections, ["السياحة والترفيه", "الصناعة", "التعليم"]);
    assert!(text_of(&points[1]).starts_with("تستهدف الخطة جذب"), "{}", text_of(&points[1]));
}

#[test]
fn the_headline_names_what_the_key_points_cover() {
    // The headline's second half, «سد النهضة», is the subject of the last paragraph only: the
    // key points reach it under this headline and not under another.
    let body = "أعلنت الحكومة المصرية اليوم خطة جديدة لترشيد استهلاك المياه في الزراعة والصناعة خلال السنوات المقبلة.\n\n\
        وتشمل الخطة تبطين الترع وتحديث شبكات الري في المحافظات وتشجيع المزارعين على الري بالتنقيط.\n\n\
        وقال مسؤولون إن الخطة ستوفر كميات كبيرة من المياه وتخفض الفاقد في شبكات الري والشرب.\n\n\
        وأضاف المسؤولون أن تمويل الخطة يأتي من الموازنة العامة ومن قروض ميسرة لتحديث الري.\n\n\
        ويرى خبراء أن ترشيد المياه في الزراعة ضروري لأن الزراعة تستهلك معظم مياه البلاد.\n\n\
        وفي ختام المؤتمر تحدث وزير الري عن مفاوضات سد النهضة مع إثيوبيا وأثر ملء خزانه على حصة مصر.";
    let (named, other) = (
        format!("الحكومة تعلن خطة للمياه ووزير الري يتحدث عن سد النهضة\n\n{body}"),
        format!("الحكومة تعلن خطة جديدة لترشيد المياه في الزراعة\n\n{body}"),
    );
    let (corpus, analysis) = analysed(&[&named, &other]);
    let reaches = |i: usize| {
        texts(&corpus.documents[i], &analysis.key_points(i, Budget::Count(4)))
            .iter()
            .any(|t| t.contains("سد النهضة"))
    };
    assert!(reaches(0), "under the headline that names it");
    assert!(!reaches(1), "not under one that does not");
}
