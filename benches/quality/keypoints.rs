//! Key points against the set in `keypoints.toml`: 40 news articles with the five points a
//! reader chose for each, as sentences of the article.
//!
//! - *Hit rate*: the share of the reader's points found among basira's top five. A point is
//!   found when one of the five is its sentence (or one of the sentences that make the same
//!   point): it holds most of that sentence's words, or it is a piece of it (basira may cut
//!   sentences elsewhere) of at least eight words.
//!   Beside it, the same for the first five sentences that can be key points (the lead
//!   ranker), the baseline a position-led model has to beat.
//! - *Lead five*: articles whose top five are exactly their first five sentences of running
//!   text.
//! - *Forbidden*: how many of the top fives' sentences are of a kind that must never be a key
//!   point, told by this bench's own rules (not the analysis's): a question, a fragment of
//!   under seven words, one that starts with a dateline, a hashtag line, furniture ("read
//!   also", notification and source lines), a subheading, a caption, a sentence about the
//!   article itself, or a piece of a quotation.

use std::collections::HashMap;
use std::path::PathBuf;

use basira::analysis::keypoints::Lead;
use basira::analysis::{Analysis, Budget, Prepared, ThemeSource, rank_sentences, select};
use basira::corpus::{Document, Role};
use basira::text::normalize;
use serde::Deserialize;

use super::data::{AntNews, Half, set_file};
use super::table::{Table, share};

/// The set as the file writes it.
#[derive(Deserialize)]
struct Set {
    article: Vec<Article>,
}

#[derive(Deserialize)]
struct Article {
    path: String,
    kind: String,
    half: Half,
    point: Vec<Point>,
}

#[derive(Deserialize)]
struct Point {
    text: String,
    also: Vec<String>,
}

/// What was counted on one half.
#[derive(Default)]
struct Counts {
    points: usize,
    found: usize,
    /// Found among the first five sentences that can be key points (the lead baseline).
    lead_found: usize,
    news_points: usize,
    news_found: usize,
    articles: usize,
    lead_five: usize,
    chosen: usize,
    forbidden: HashMap<&'static str, usize>,
}

/// Measure basira's top five on the set.
pub fn measure(news: &AntNews, table: &mut Table) {
    let set: Set = toml::from_str(&set_file("keypoints.toml")).expect("keypoints.toml parses");
    let paths: Vec<PathBuf> = set.article.iter().map(|a| news.path(&a.path)).collect();
    let corpus = news.open(&paths);
    let analysis = Analysis::new(&corpus, &ThemeSource::Discovered);
    let prepared = Prepared::new(&corpus);
    let mut halves: [Counts; 2] = Default::default();
    for (i, (article, document)) in set.article.iter().zip(&corpus.documents).enumerate() {
        let counts = &mut halves[usize::from(article.half == Half::HeldOut)];
        let top: Vec<_> = analysis.key_points(i, Budget::Count(5));
        let texts: Vec<&str> =
            top.iter().map(|k| &document.paragraphs[k.paragraph].text[k.range.clone()]).collect();
        let lead =
            select(&rank_sentences(document, &prepared.documents[i], &Lead), Budget::Count(5));
        let lead: Vec<&str> =
            lead.iter().map(|k| &document.paragraphs[k.paragraph].text[k.range.clone()]).collect();
        let found_in = |chosen: &[&str], point: &Point| {
            chosen.iter().any(|chosen| {
                std::iter::once(&point.text).chain(&point.also).any(|gold| matches(chosen, gold))
            })
        };
        for point in &article.point {
            let found = found_in(&texts, point);
            counts.points += 1;
            counts.found += usize::from(found);
            counts.lead_found += usize::from(found_in(&lead, point));
            if article.kind == "news" {
                counts.news_points += 1;
                counts.news_found += usize::from(found);
            }
        }
        counts.articles += 1;
        let places: Vec<(usize, usize)> = top.iter().map(|k| (k.paragraph, k.sentence)).collect();
        counts.lead_five += usize::from(places == first_sentences(document, 5));
        for k in &top {
            counts.chosen += 1;
            let paragraph = &document.paragraphs[k.paragraph].text;
            if let Some(kind) = forbidden(&paragraph[k.range.clone()], paragraph, k.range.start) {
                *counts.forbidden.entry(kind).or_default() += 1;
            }
        }
    }
    let [tune, held] = &halves;
    let both = |f: &dyn Fn(&Counts) -> String| (f(tune), f(held));
    let row = |table: &mut Table, what: &str, goal: &str, f: &dyn Fn(&Counts) -> String| {
        let (a, b) = both(f);
        table.row(what, goal, a, b);
    };
    row(table, "key points: reader's points in top five", "higher", &|c| share(c.found, c.points));
    row(table, "  the first five that can be key points (lead)", "", &|c| {
        share(c.lead_found, c.points)
    });
    row(table, "  of news articles", "", &|c| share(c.news_found, c.news_points));
    row(table, "  of analysis and features", "", &|c| {
        share(c.found - c.news_found, c.points - c.news_points)
    });
    row(table, "key points: top five = first five sentences", "≤ 25%", &|c| {
        share(c.lead_five, c.articles)
    });
    row(table, "key points: forbidden kinds in top five", "0", &|c| {
        let total: usize = c.forbidden.values().sum();
        let mut kinds: Vec<String> = c.forbidden.iter().map(|(k, n)| format!("{n} {k}")).collect();
        kinds.sort();
        if kinds.is_empty() {
            format!("0 of {}", c.chosen)
        } else {
            format!("{total} of {} ({})", c.chosen, kinds.join(", "))
        }
    });
}

/// The words of a text, normalised, for comparing sentences.
fn words(text: &str) -> Vec<String> {
    normalize(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether a chosen sentence is the reader's sentence `gold`: it holds at least 60% of its
/// words, or it is a piece of it of at least eight words, 80% of whose words it shares.
fn matches(chosen: &str, gold: &str) -> bool {
    let (chosen, gold) = (words(chosen), words(gold));
    let mut pool: HashMap<&str, usize> = HashMap::new();
    for w in &gold {
        *pool.entry(w.as_str()).or_default() += 1;
    }
    let mut shared = 0;
    for w in &chosen {
        if let Some(n) = pool.get_mut(w.as_str()).filter(|n| **n > 0) {
            *n -= 1;
            shared += 1;
        }
    }
    let covers = shared as f64 >= 0.6 * gold.len() as f64;
    let piece = chosen.len() >= 8 && shared as f64 >= 0.8 * chosen.len() as f64;
    !gold.is_empty() && (covers || piece)
}

/// The first `n` sentences of the running text: (paragraph, sentence) of body paragraphs
/// that are not furniture.
fn first_sentences(document: &Document, n: usize) -> Vec<(usize, usize)> {
    let body = document.paragraphs.iter().enumerate();
    let body = body.filter(|(_, p)| p.role == Role::Body && p.boilerplate.is_none());
    body.flat_map(|(i, p)| (0..p.sentences.len()).map(move |s| (i, s))).take(n).collect()
}

/// Closing quotes and brackets, looked through to find how a sentence ends.
const CLOSERS: &[char] = &['»', '”', '"', '\'', ')', ']', ' '];
/// What a sentence ends with when it is one.
const ENDS: &[char] = &['.', '!', '…', ':', '؛'];
/// Lines of news-site furniture, by how they start.
const FURNITURE_STARTS: &[&str] = &[
    "اقرا ايضا",
    "اقرا المزيد",
    "للمزيد",
    "قد يهمك",
    "يمكنكم استلام",
    "يمكنكم تسلم",
    "نقلا عن",
    "جميع المقالات المنشوره",
    "لمتابعه",
    "شاهد ايضا",
    "اضغط هنا",
];
/// Agencies and outlets that a dateline names.
const AGENCIES: &[&str] =
    &["cnn", "سكاي نيوز", "العربيه", "ا ف ب", "فرانس برس", "رويترز", "الاناضول", "وكالات", "د ب ا"];
/// Words of a sentence about the article itself.
const META: &[&str] =
    &["هذا المقال", "هذه المقاله", "في هذا التقرير", "هذا التقرير", "نستعرض", "نسلط الضوء"];

/// The kind of sentence that must never be a key point, if `sentence` (starting at byte
/// `start` of `paragraph`) is one.
fn forbidden(sentence: &str, paragraph: &str, start: usize) -> Option<&'static str> {
    let trimmed = sentence.trim_end_matches(CLOSERS);
    let folded = normalize(sentence).replace(['#', '*', '"', '«', '»', '(', ')', '.', '،'], " ");
    let folded = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    let count =
        sentence.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
    if trimmed.ends_with(['?', '؟']) {
        return Some("question");
    }
    if count < 7 {
        return Some("fragment");
    }
    if starts_with_dateline(sentence) {
        return Some("dateline");
    }
    let hashtags = sentence.split_whitespace().filter(|w| w.starts_with('#')).count();
    if 2 * hashtags >= count {
        return Some("hashtag line");
    }
    if FURNITURE_STARTS.iter().any(|f| folded.starts_with(f)) {
        return Some("furniture");
    }
    if !trimmed.ends_with(ENDS) && count <= 12 && sentence.len() + 2 >= paragraph.trim().len() {
        return Some("subheading");
    }
    if folded.starts_with("صوره")
        || folded.contains("حقوق الصوره")
        || folded.contains("مصدر الصوره")
    {
        return Some("caption");
    }
    if META.iter().any(|m| folded.contains(m)) {
        return Some("about the article");
    }
    let before = &paragraph[..start];
    let open = before.matches('"').count() % 2 == 1
        || before.matches('«').count() > before.matches('»').count();
    open.then_some("piece of a quotation")
}

/// Whether a sentence opens with a dateline: a place or an agency, then a dash, within its
/// first seven words («دبي، الإمارات العربية المتحدة (CNN)--», «لندن - سكاي نيوز عربية»).
fn starts_with_dateline(sentence: &str) -> bool {
    let head: String = sentence.chars().take(90).collect();
    let Some(dash) = head.find(['-', '–', '—']) else {
        return false;
    };
    let before = &head[..dash];
    let folded = normalize(before).to_lowercase();
    before.split_whitespace().count() <= 7
        && (before.contains('،') || AGENCIES.iter().any(|a| folded.contains(a)))
}
