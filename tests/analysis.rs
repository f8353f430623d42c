//! The analysis of the built-in articles and of a collection that is not built in: key points,
//! facts and figures, themes (curated and discovered) and cross-links.

use std::path::{Path, PathBuf};

use basira::analysis::{Analysis, Budget, ThemeSource, cache};
use basira::corpus::{Corpus, Role};
use basira::text::written::StemmedWords;
use basira::text::{is_stop_word, normalize, split_sentences, tokens};

fn builtin() -> (Corpus, Analysis) {
    let corpus = Corpus::builtin();
    let analysis = Analysis::new(&corpus, &ThemeSource::default_for(&corpus));
    (corpus, analysis)
}

fn easc20() -> Corpus {
    Corpus::open(&[PathBuf::from("tests/data/easc20")]).unwrap()
}

#[test]
fn key_points_come_from_running_text_never_from_furniture() {
    let (corpus, analysis) = builtin();
    for (i, document) in corpus.documents.iter().enumerate() {
        for budget in [Budget::Default, Budget::Count(50), Budget::Words(10_000)] {
            for point in analysis.key_points(i, budget) {
                let paragraph = &document.paragraphs[point.paragraph];
                assert!(paragraph.boilerplate.is_none(), "{}: {}", document.path, paragraph.text);
                assert_eq!(paragraph.role, Role::Body);
            }
        }
    }
    // Article 5 ends with a reader's comment full of numbers; it is never a key point.
    let all = analysis.key_points(4, Budget::Count(100));
    assert!(
        all.iter().all(|k| !corpus.documents[4].paragraphs[k.paragraph].text.contains("ههههه"))
    );
}

#[test]
fn key_points_scale_with_length_and_come_in_reading_order() {
    let (corpus, analysis) = builtin();
    for (i, document) in corpus.documents.iter().enumerate() {
        let words: usize = analysis.documents[i].ranked.iter().map(|k| k.words as usize).sum();
        let points = analysis.key_points(i, Budget::Default);
        let expected = (words / 100).clamp(1, 12);
        assert_eq!(
            points.len(),
            expected.min(analysis.documents[i].ranked.len()),
            "{}",
            document.path
        );
        assert!(
            points
                .windows(2)
                .all(|w| (w[0].paragraph, w[0].sentence) < (w[1].paragraph, w[1].sentence))
        );
        let ranks: Vec<usize> = {
            let mut r: Vec<usize> = points.iter().map(|k| k.rank).collect();
            r.sort();
            r
        };
        assert_eq!(ranks, (1..=points.len()).collect::<Vec<_>>(), "ranks 1..n");
    }
    // Three points are the three best.
    let three = analysis.key_points(0, Budget::Count(3));
    assert!(three.iter().all(|k| k.rank <= 3));
}

#[test]
fn a_words_budget_stops_once_it_is_reached() {
    let (_, analysis) = builtin();
    let points = analysis.key_points(2, Budget::Words(120));
    let words: usize = points.iter().map(|k| k.words).sum();
    let last = points.iter().map(|k| k.words).max().unwrap();
    assert!(words >= 120 && words < 120 + last, "{words} words");
}

#[test]
fn near_duplicate_sentences_are_not_both_key_points() {
    let text = "العنوان الرئيسي للمقال\n\n\
        تكافح الحكومة العراقية المواقع المتطرفة على شبكة الإنترنت بكل الوسائل المتاحة لديها. \
        وتكافح الحكومة العراقية المواقع المتطرفة على شبكة الإنترنت بكل الوسائل المتاحة. \
        ويرى الخبراء أن التعاون الدولي ضروري لنجاح هذه الجهود في المنطقة كلها.\n";
    let corpus = Corpus {
        documents: vec![basira::corpus::parse_document("t.txt", text, false)],
        warnings: vec![],
    };
    let analysis = Analysis::new(&corpus, &ThemeSource::Discovered);
    assert_eq!(analysis.documents[0].ranked.len(), 2, "the repeated sentence is left out");
}

#[test]
fn facts_carry_their_figures_in_context() {
    let (corpus, analysis) = builtin();
    let figures: Vec<String> = corpus
        .documents
        .iter()
        .zip(&analysis.documents)
        .flat_map(|(d, a)| {
            a.facts.iter().flat_map(move |f| {
                f.figures()
                    .into_iter()
                    .map(move |r| d.paragraphs[f.paragraph()].text[r].to_string())
            })
        })
        .collect();
    for expected in
        ["274ألف حساب", "80 %", "2017", "أكثر من 90 بالمائة", "ثلاثمائة حساب", "200 مليون", "8.4%"]
    {
        assert!(figures.iter().any(|f| f == expected), "{expected} in {figures:?}");
    }
    // Numbered list items of article 1 are not facts.
    assert!(analysis.documents[0].facts.is_empty());
}

#[test]
fn every_curated_theme_spans_at_least_two_articles() {
    let (_, analysis) = builtin();
    assert!(analysis.themes.len() >= 6);
    for theme in &analysis.themes {
        assert!(theme.article_count() >= 2, "{} spans {}", theme.id, theme.article_count());
        assert!(
            theme
                .passages
                .windows(2)
                .all(|w| (w[0].document, w[0].paragraph) < (w[1].document, w[1].paragraph))
        );
        assert!(theme.passages.iter().all(|p| p.strength > 0.0 && p.strength <= 1.0));
    }
    let platforms = analysis.themes.iter().find(|t| t.id == "platforms").unwrap();
    assert!(platforms.label_en.as_deref() == Some("Social media platforms"));
}

#[test]
fn analysis_is_the_same_on_every_run() {
    let (corpus, first) = builtin();
    let second = Analysis::new(&corpus, &ThemeSource::default_for(&corpus));
    assert_eq!(first, second);
    let discovered = |c: &Corpus| Analysis::new(c, &ThemeSource::Discovered);
    let corpus = easc20();
    assert_eq!(discovered(&corpus).themes, discovered(&corpus).themes);
    assert_eq!(discovered(&corpus).links, discovered(&corpus).links);
}

#[test]
fn links_join_different_articles_with_shared_terms() {
    let (_, analysis) = builtin();
    assert!(!analysis.links.is_empty());
    for link in &analysis.links {
        assert_ne!(link.from().0, link.to().0, "a link goes to another article");
        let words: usize = analysis.link_terms(link).map(|t| t.split_whitespace().count()).sum();
        assert!(words >= 2, "a link shares two words, or a phrase");
        assert!(link.score() > 0.0 && link.score() <= 1.0);
        // Relatedness is symmetric: the other paragraph links back to this article (to this
        // paragraph or a better one of it) unless it has K better links.
        let back = analysis.links_from(link.to().0, link.to().1, 10);
        assert!(back.iter().any(|l| l.to().0 == link.from().0) || back.len() == 10);
        let targets: Vec<usize> = analysis
            .links_from(link.from().0, link.from().1, 10)
            .iter()
            .map(|l| l.to().0)
            .collect();
        let mut distinct = targets.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), targets.len(), "one paragraph of each other article");
    }
    assert!(analysis.links.windows(2).all(|w| w[0].from() <= w[1].from()));
    // Phrases explain links as the text writes them.
    assert!(analysis.terms.iter().any(|t| t == "الذكاء الاصطناعي"), "{:?}", analysis.terms);
    assert!(analysis.terms.iter().any(|t| t == "تبادل المعلومات"));
}

#[test]
fn a_link_shows_its_shared_words_as_the_paragraph_writes_them() {
    for corpus in [builtin().0, easc20()] {
        let analysis = Analysis::new(&corpus, &ThemeSource::Discovered);
        assert!(!analysis.links.is_empty());
        for link in &analysis.links {
            let text = &corpus.documents[link.from().0].paragraphs[link.from().1].text;
            let words = StemmedWords::of(text);
            for term in analysis.link_terms_written(link, &words) {
                assert!(text.contains(term), "«{term}» is not written in «{text}»");
            }
        }
    }
}

#[test]
fn themes_are_discovered_in_a_collection_without_a_theme_file() {
    let corpus = easc20();
    assert_eq!(corpus.documents.len(), 20);
    let analysis = Analysis::new(&corpus, &ThemeSource::Discovered);
    // Ten subjects, two articles each, most of them about different things: the themes are
    // the pairs that tell one story («الحرب العالمية الثانية»).
    assert!(!analysis.themes.is_empty(), "{} themes", analysis.themes.len());
    assert!(
        analysis.themes.iter().any(|t| t.label.contains("الحرب العالمية")),
        "{:?}",
        analysis.themes
    );
    for theme in &analysis.themes {
        assert!(theme.article_count() >= 2, "{} spans {}", theme.label, theme.article_count());
        for word in tokens(&theme.label) {
            assert!(
                !word.stop && !is_stop_word(&word.norm),
                "{} has the stop word {}",
                theme.label,
                word.norm
            );
        }
    }
}

#[test]
fn one_article_filed_twice_is_no_theme() {
    // A site files one article under two sections: the two copies link as the same text,
    // but a theme needs two texts.
    let builtin = Corpus::builtin();
    let mut copy = builtin.documents[1].clone();
    copy.path = "copy-of-02.txt".to_string();
    let corpus = Corpus { documents: vec![builtin.documents[1].clone(), copy], warnings: vec![] };
    let analysis = Analysis::new(&corpus, &ThemeSource::Discovered);
    assert!(analysis.links.iter().any(|l| l.same_text()), "the copies are the same text");
    assert!(analysis.themes.is_empty(), "{:?}", analysis.themes);
}

#[test]
fn discovery_works_on_two_articles() {
    let builtin = Corpus::builtin();
    let corpus = Corpus { documents: builtin.documents[1..3].to_vec(), warnings: vec![] };
    let analysis = Analysis::new(&corpus, &ThemeSource::Discovered);
    assert!(!analysis.themes.is_empty());
    assert!(analysis.themes.iter().all(|t| t.article_count() == 2));
}

/// A fresh cache folder `name` under the target folder, with the analysis of `corpus` (its
/// default themes) computed into it: the folder, the themes, the analysis and its file.
fn cached(name: &str, corpus: &Corpus) -> (PathBuf, ThemeSource, Analysis, PathBuf) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    let themes = ThemeSource::default_for(corpus);
    let computed = cache::load_or_compute_in(&dir, corpus, &themes);
    let file = cache::file_in(&dir, corpus, &themes);
    (dir, themes, computed, file)
}

#[test]
fn the_cache_gives_back_the_same_analysis_and_survives_a_corrupt_file() {
    let corpus = Corpus::builtin();
    let (dir, themes, computed, file) = cached("analysis-cache", &corpus);
    assert!(file.exists(), "the analysis is cached at {}", file.display());
    let read = cache::load_or_compute_in(&dir, &corpus, &themes);
    assert!(read == computed, "read back unchanged");
    std::fs::write(&file, "{ not json").unwrap();
    let again = cache::load_or_compute_in(&dir, &corpus, &themes);
    assert!(again == computed, "a corrupt file is recomputed");
    // Another theme source is another key.
    assert_ne!(cache::key(&corpus, &ThemeSource::Discovered), cache::key(&corpus, &themes));
}

#[test]
fn a_truncated_or_lengthened_cache_file_is_computed_again() {
    let corpus = easc20();
    let (dir, themes, computed, file) = cached("analysis-cache-truncated", &corpus);
    let bytes = std::fs::read(&file).unwrap();
    for cut in [bytes.len() - 1, bytes.len() / 2, 1, 0] {
        std::fs::write(&file, &bytes[..cut]).unwrap();
        let again = cache::load_or_compute_in(&dir, &corpus, &themes);
        assert!(again == computed, "a file cut to {cut} of {} bytes is recomputed", bytes.len());
        assert_eq!(std::fs::read(&file).unwrap(), bytes, "and written again whole");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    std::fs::write(&file, &longer).unwrap();
    assert!(cache::load_or_compute_in(&dir, &corpus, &themes) == computed);
    assert_eq!(std::fs::read(&file).unwrap(), bytes, "a byte too many is not read either");
}

#[test]
fn a_bit_flipped_anywhere_in_the_cache_is_never_trusted() {
    let corpus = Corpus::builtin();
    let (dir, themes, computed, file) = cached("analysis-cache-flipped", &corpus);
    let good = std::fs::read(&file).unwrap();
    // Bits all over the file, header, content and checksum, one at a time.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for trial in 0..40 {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let bit = (seed >> 11) as usize % (good.len() * 8);
        let mut bytes = good.clone();
        bytes[bit / 8] ^= 1 << (bit % 8);
        std::fs::write(&file, &bytes).unwrap();
        let read = cache::load_or_compute_in(&dir, &corpus, &themes);
        assert!(read == computed, "trial {trial}: bit {bit} flipped gave another analysis");
        assert_eq!(std::fs::read(&file).unwrap(), good, "trial {trial}: the file is written again");
    }
}

#[test]
fn the_cache_keeps_the_most_recently_used_analyses() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("analysis-cache-pruned");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let corpus = Corpus::builtin();
    let themes = ThemeSource::default_for(&corpus);
    let file = cache::file_in(&dir, &corpus, &themes);
    // Files of other collections and an earlier version, used at one-hour steps in the past;
    // the built-in articles' file is the oldest of all and is read (used) before the write.
    let now = std::time::SystemTime::now();
    let hours_ago = |h: u64| now - std::time::Duration::from_secs(3600 * h);
    let analysis = cache::load_or_compute_in(&dir, &corpus, &themes);
    let set_time = |path: &Path, h| {
        let f = std::fs::File::options().write(true).open(path).unwrap();
        f.set_modified(hours_ago(h)).unwrap();
    };
    set_time(&file, 100);
    for i in 0..cache::KEPT_ANALYSES + 3 {
        let other = dir.join(format!("analysis-{i:064}.postcard"));
        std::fs::write(&other, b"old").unwrap();
        set_time(&other, i as u64 + 1);
    }
    // An analysis of the JSON days, and files of the user's beside the cache's.
    let json_days = format!("analysis-{:064x}.json", 0xabc);
    std::fs::write(dir.join(&json_days), b"{}").unwrap();
    set_time(&dir.join(&json_days), 50);
    std::fs::write(dir.join("notes.txt"), b"not the cache's").unwrap();
    std::fs::write(dir.join("analysis-0.json"), b"{}").unwrap();
    set_time(&dir.join("analysis-0.json"), 200);
    assert!(cache::load_or_compute_in(&dir, &corpus, &themes) == analysis, "read back");
    // A new collection's analysis is written: the oldest files go.
    let mut other = corpus.clone();
    other.documents.truncate(2);
    cache::load_or_compute_in(&dir, &other, &themes);
    let mut left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    left.sort();
    let kept_others = (0..cache::KEPT_ANALYSES - 2).map(|i| format!("analysis-{i:064}.postcard"));
    let mut expected: Vec<String> = kept_others.collect();
    expected
        .push(cache::file_in(&dir, &corpus, &themes).file_name().unwrap().to_str().unwrap().into());
    expected
        .push(cache::file_in(&dir, &other, &themes).file_name().unwrap().to_str().unwrap().into());
    expected.push("notes.txt".into());
    expected.push("analysis-0.json".into());
    expected.sort();
    assert_eq!(left, expected);
}

#[test]
fn normalising_and_sentences_on_real_cases() {
    assert_eq!(normalize("الاتّحاد"), normalize("الاتحاد"));
    assert_eq!(normalize("أنصار"), normalize("انصار"));
    assert_eq!(normalize("٢٠١٧"), "2017");
    let quoted = tokens("تنظيم «داعش» الإرهابي");
    assert_eq!(quoted[1].norm, "داعش");
    let text = "ارتفع المؤشر بنسبة 8.4% في عام واحد. وبلغت الديون 1.3 تريليون دولار هذا العام.";
    assert_eq!(split_sentences(text).len(), 2);
    let chained = "يعد الإرهاب الرقمي تحديا عالميا، ".repeat(12) + "ويتطلب تعاونا دوليا.";
    assert!(chained.split_whitespace().count() >= 60);
    assert_eq!(split_sentences(&chained).len(), 1);
}

#[test]
fn a_theme_is_named_as_its_headlines_name_it() {
    // Three reports on a phone maker's new cameras: the bodies write «الكاميرا الخلفية» as
    // often as the company, a phrase weighs more than a word, and the headlines name the
    // company; the label is the company the headlines name.
    let report = |n: usize, headline: &str, body: [&str; 3]| {
        let text = format!("{headline}\n\n{}", body.join("\n\n"));
        basira::corpus::parse_document(&format!("report-{n}.txt"), &text, false)
    };
    let mut documents = Corpus::builtin().documents;
    documents.push(report(
        1,
        "أبل تطلق ثلاثة هواتف جديدة",
        [
            "كشفت تقارير أن أبل تعمل على هواتف جديدة تضم الكاميرا الخلفية بثلاث عدسات متطورة.",
            "وقال محللون إن الكاميرا الخلفية الجديدة ستلتقط صورا أوضح في الإضاءة الضعيفة.",
            "ويتوقع أن ترفع أبل سعر الهواتف في الأسواق العالمية هذا الخريف.",
        ],
    ));
    documents.push(report(
        2,
        "هواتف أبل المقبلة بثلاث عدسات",
        [
            "تستعد أبل لطرح هواتف بعدسات إضافية، وتتصدر الكاميرا الخلفية قائمة التغييرات.",
            "وقالت أبل إن مستشعرا أكبر يسمح بالتصوير المقرب والتقاط مشاهد ليلية.",
            "ونقلت صحف آسيوية عن موردين أن إنتاج الكاميرا الخلفية بدأ في مصانع الصين.",
        ],
    ));
    documents.push(report(
        3,
        "أبل تختبر عدسات جديدة لهواتفها",
        [
            "قالت مصادر في قطاع التقنية إن أبل تختبر الكاميرا الخلفية الجديدة منذ أشهر.",
            "وأضافت أن الكاميرا الخلفية تعتمد على عدسة ثالثة تقيس عمق المشهد بدقة أكبر.",
            "ويرى خبراء أن المنافسة مع سامسونغ دفعت أبل إلى تطوير العدسات.",
        ],
    ));
    let corpus = Corpus { documents, warnings: vec![] };
    let analysis = Analysis::new(&corpus, &ThemeSource::Discovered);
    let theme = analysis
        .themes
        .iter()
        .find(|t| t.terms.iter().any(|term| term == "الكاميرا الخلفية"))
        .unwrap_or_else(|| panic!("the reports are a theme: {:?}", analysis.themes));
    assert!(theme.label.starts_with("أبل"), "{} {:?}", theme.label, theme.terms);
}
