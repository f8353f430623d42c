//! Analysis time and peak memory for the built-in articles and for generated collections of
//! 1,000 and 10,000 articles. A generated article is six paragraphs drawn from the 153 EASC
//! articles (../shared/bench/easc; the twenty in tests/data when that is missing), each with
//! one word in seven swapped for a word of another paragraph, so that articles share
//! subjects and vocabulary the way a real collection does without repeating each other.
//! `BASIRA_BENCH_PARAGRAPHS=N` makes it N paragraphs: four give articles of 4.4 KB, near the
//! EASC articles' average of 4.1 KB; six give 6.6 KB.
//!
//! For the generated collections it also times reopening from a warm cache: the cache key
//! alone, and the whole of `cache::load_or_compute_in` (key, read, decode) on a temporary
//! folder where the analysis is already stored, each the median of a few runs; and the cache
//! file's size.
//!
//! Each size runs in a child process of its own so that its peak memory (VmHWM) is its own.
//!
//! Then links alone (index and search) on four articles whose paragraphs draw their words
//! from a 400-word vocabulary, at 2,000 to 128,000 paragraphs: every paragraph shares many
//! mid-frequency terms with thousands of others, the text that would make link search grow
//! with the square of the collection.
//!
//! With `BASIRA_BENCH_WRITE=DIR`, the generated articles are also written to `DIR/<size>/`,
//! one file each, so that the whole program can be timed on the same collection
//! (`basira keypoints --json DIR/10000`); the parse time printed then includes the writing.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use basira::analysis::discover::discover_themes;
use basira::analysis::facts::number_terms;
use basira::analysis::links::{Formulae, LinkIndex, search};
use basira::analysis::{
    Analysis, MAX_LINKS_PER_PARAGRAPH, Prepared, ThemeSource, cache, facts, match_themes,
    rank_sentences,
};
use basira::corpus::{Corpus, parse_document};

/// The environment variable that makes the bench run one size in this process.
const SIZE_VARIABLE: &str = "BASIRA_BENCH_ARTICLES";
/// Set to a number, each generated article has that many paragraphs instead of six.
const PARAGRAPHS_VARIABLE: &str = "BASIRA_BENCH_PARAGRAPHS";
/// Set to a folder, the generated articles are written there too (see the module notes).
const WRITE_VARIABLE: &str = "BASIRA_BENCH_WRITE";
/// Set, the stage-by-stage timings are left out (for profiling the whole analysis alone).
const NO_STAGES_VARIABLE: &str = "BASIRA_BENCH_NO_STAGES";
/// Set to a number of paragraphs, the bench times links alone on [`vocabulary_articles`] of
/// that many paragraphs.
const VOCABULARY_VARIABLE: &str = "BASIRA_BENCH_VOCABULARY";
/// How many times the key and the reopening are timed; the median is printed.
const REOPENINGS: usize = 5;

/// A small deterministic random number generator (xorshift64*).
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
    }
}

/// The paragraphs of the source articles.
fn source_paragraphs() -> Vec<String> {
    let easc = Path::new("../shared/bench/easc");
    let paths: Vec<PathBuf> = match std::fs::read_dir(easc) {
        Ok(entries) => {
            let mut p: Vec<PathBuf> = entries
                .filter_map(|e| e.ok())
                .map(|e| e.path().join("article.txt"))
                .filter(|p| p.exists())
                .collect();
            p.sort();
            p
        }
        Err(_) => vec![PathBuf::from("tests/data/easc20")],
    };
    let sources = Corpus::open(&paths).expect("source articles");
    sources
        .documents
        .iter()
        .flat_map(|d| d.paragraphs.iter().filter(|p| p.text.split_whitespace().count() >= 12))
        .map(|p| p.text.clone())
        .collect()
}

/// `n` generated articles.
fn generated(n: usize) -> Corpus {
    let paragraphs = source_paragraphs();
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    let paragraphs_per_article: usize = std::env::var(PARAGRAPHS_VARIABLE)
        .map_or(6, |n| n.parse().expect("a number of paragraphs"));
    let written_to = std::env::var_os(WRITE_VARIABLE).map(|dir| {
        let dir = PathBuf::from(dir).join(n.to_string());
        std::fs::create_dir_all(&dir).expect("a folder for the articles");
        dir
    });
    let documents = (0..n)
        .map(|i| {
            let mut text = format!("مقال رقم {i}\n\n");
            for _ in 0..paragraphs_per_article {
                let words: Vec<&str> =
                    paragraphs[random.below(paragraphs.len())].split_whitespace().collect();
                let other: Vec<&str> =
                    paragraphs[random.below(paragraphs.len())].split_whitespace().collect();
                for (w, word) in words.iter().enumerate() {
                    if w > 0 {
                        text.push(' ');
                    }
                    let swapped = random.below(7) == 0;
                    text.push_str(if swapped { other[random.below(other.len())] } else { word });
                }
                text.push_str("\n\n");
            }
            if let Some(dir) = &written_to {
                std::fs::write(dir.join(format!("{i:05}.txt")), &text).expect("article written");
            }
            parse_document(&format!("generated/{i}.txt"), &text, false)
        })
        .collect();
    Corpus { documents, warnings: Vec::new() }
}

/// Four articles of `paragraphs` paragraphs in all, each paragraph 20 to 30 words of a
/// vocabulary of 400 made-up Arabic words, each word followed by one of seven others: every
/// word is in some 6% of the paragraphs (too common to look for links by), every two-word
/// phrase in some 0.9%, just under the share that would leave it out too. Each paragraph
/// shares a score of such terms with as many others, the worst text for the index.
fn vocabulary_articles(paragraphs: usize) -> Corpus {
    const LETTERS: [char; 26] = [
        'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ',
        'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'ي',
    ];
    let mut random = Random(0x2545_F491_4F6C_DD1D);
    let mut words: Vec<String> = Vec::new();
    while words.len() < 400 {
        let word: String = (0..4 + random.below(4)).map(|_| LETTERS[random.below(26)]).collect();
        if !words.contains(&word) {
            words.push(word);
        }
    }
    let next: Vec<Vec<usize>> =
        (0..words.len()).map(|_| (0..7).map(|_| random.below(words.len())).collect()).collect();
    let documents = (0..4)
        .map(|a| {
            let mut text = format!("مقال {a}\n\n");
            for _ in 0..paragraphs / 4 {
                let mut w = random.below(words.len());
                for k in 0..20 + random.below(11) {
                    if k > 0 {
                        text.push(' ');
                        w = next[w][random.below(7)];
                    }
                    text.push_str(&words[w]);
                }
                text.push_str(".\n\n");
            }
            parse_document(&format!("vocabulary/{a}.txt"), &text, false)
        })
        .collect();
    Corpus { documents, warnings: Vec::new() }
}

/// Time links alone (the index built, then searched) on [`vocabulary_articles`] of
/// `paragraphs` paragraphs, and print the numbers.
fn run_vocabulary(paragraphs: usize) {
    let corpus = vocabulary_articles(paragraphs);
    let start = Instant::now();
    let Prepared { vocabulary, documents: words, .. } = Prepared::new(&corpus);
    let formulae = Formulae::new(&vocabulary);
    let index = LinkIndex::new(&corpus, words, &vocabulary, &formulae);
    let found = search(&index, MAX_LINKS_PER_PARAGRAPH);
    let linked = start.elapsed().as_secs_f64() * 1000.0;
    println!(
        "{:>6} paragraphs of a 400-word vocabulary: links {linked:.0} ms ({} links), peak memory {:.1} MB",
        index.paragraphs(),
        found.len(),
        peak_kb().unwrap_or(0) as f64 / 1024.0,
    );
}

/// Peak resident memory of this process in kB, from /proc.
fn peak_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Analyse one collection size and print the numbers.
fn run(n: usize) {
    let start = Instant::now();
    let corpus = if n == 0 { Corpus::builtin() } else { generated(n) };
    let parsed = start.elapsed();
    let themes = ThemeSource::default_for(&corpus);
    let start = Instant::now();
    let analysis = Analysis::new(&corpus, &themes);
    let analysed = start.elapsed();
    let peak = peak_kb().unwrap_or(0) as f64 / 1024.0;
    if std::env::var_os(NO_STAGES_VARIABLE).is_none() {
        stages(&corpus, &themes);
    }
    if n > 0 {
        reopening(&corpus, &themes, &analysis);
    }
    let paragraphs: usize = corpus.documents.iter().map(|d| d.paragraphs.len()).sum();
    println!(
        "{:>6} articles ({paragraphs} paragraphs): parse {:.0} ms, analysis {:.0} ms ({} themes, {} links), peak memory {:.1} MB",
        corpus.documents.len(),
        parsed.as_secs_f64() * 1000.0,
        analysed.as_secs_f64() * 1000.0,
        analysis.themes.len(),
        analysis.links.len(),
        peak,
    );
    black_box(analysis);
}

/// Where the time goes: each stage again on its own, printed on one line.
fn stages(corpus: &Corpus, themes: &ThemeSource) {
    let stage = |f: &dyn Fn()| {
        let start = Instant::now();
        f();
        start.elapsed().as_secs_f64() * 1000.0
    };
    let prepared = Prepared::new(corpus);
    let tokens = stage(&|| {
        black_box(Prepared::new(corpus));
    });
    let numbers = number_terms(&prepared.vocabulary);
    let ranking = stage(&|| {
        for (d, p) in corpus.documents.iter().zip(&prepared.documents) {
            black_box(rank_sentences(d, p, basira::analysis::RANKER));
        }
    });
    let figures = stage(&|| {
        for (d, p) in corpus.documents.iter().zip(&prepared.documents) {
            black_box(facts(d, p, &numbers));
        }
    });
    // Links need an index built from the prepared words (which it consumes): it is built on
    // its own, then searched; discovered themes come from the index and the links.
    let Prepared { vocabulary, documents: words, .. } = Prepared::new(corpus);
    let formulae = Formulae::new(&vocabulary);
    let start = Instant::now();
    let index = LinkIndex::new(corpus, words, &vocabulary, &formulae);
    let indexing = start.elapsed().as_secs_f64() * 1000.0;
    let found = search(&index, MAX_LINKS_PER_PARAGRAPH);
    let linking = stage(&|| drop(black_box(search(&index, MAX_LINKS_PER_PARAGRAPH)))) + indexing;
    let theming = stage(&|| match &themes {
        ThemeSource::Curated(defs) => drop(black_box(match_themes(&prepared, defs))),
        ThemeSource::Discovered => {
            drop(black_box(discover_themes(corpus, &index, &found, &vocabulary)))
        }
    });
    println!(
        "        stages: words {tokens:.0} ms, key points {ranking:.0} ms, facts {figures:.0} ms, themes {theming:.0} ms, links {linking:.0} ms"
    );
}

/// Reopening from a warm cache, printed on one line: the key alone, then
/// `load_or_compute_in` on a folder where the analysis is stored, and the file's size.
fn reopening(corpus: &Corpus, themes: &ThemeSource, analysis: &Analysis) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let start = Instant::now();
    let file = cache::store_in(dir.path(), corpus, themes, analysis).expect("the cache written");
    let written = start.elapsed().as_secs_f64() * 1000.0;
    let size = std::fs::metadata(&file).expect("the cache file").len() as f64 / 1e6;
    // Read once untimed: the file is then in the page cache, and a file that did not read back
    // (the analysis computed again) would time the analysis instead.
    assert!(cache::load_or_compute_in(dir.path(), corpus, themes) == *analysis, "reads back");
    let key = median_ms(|| cache::key(corpus, themes));
    let reopen = median_ms(|| cache::load_or_compute_in(dir.path(), corpus, themes));
    println!(
        "        cache: key {key:.1} ms, reopen {reopen:.0} ms (median of {REOPENINGS}), write {written:.0} ms, file {size:.1} MB"
    );
}

/// The median time of [`REOPENINGS`] calls of `f`, in milliseconds; what `f` gives is let go
/// after the clock stops (a reader keeps the analysis it opens).
fn median_ms<T>(f: impl Fn() -> T) -> f64 {
    let mut times: Vec<f64> = (0..REOPENINGS)
        .map(|_| {
            let start = Instant::now();
            let value = black_box(f());
            let time = start.elapsed().as_secs_f64() * 1000.0;
            drop(value);
            time
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[REOPENINGS / 2]
}

fn main() {
    if let Ok(n) = std::env::var(SIZE_VARIABLE) {
        run(n.parse().expect("a number of articles"));
        return;
    }
    if let Ok(n) = std::env::var(VOCABULARY_VARIABLE) {
        run_vocabulary(n.parse().expect("a number of paragraphs"));
        return;
    }
    let me = std::env::current_exe().expect("the bench binary");
    let runs = [0, 1_000, 10_000].map(|n| (SIZE_VARIABLE, n));
    let vocabulary = [2_000, 8_000, 32_000, 64_000, 128_000].map(|n| (VOCABULARY_VARIABLE, n));
    for (variable, n) in runs.into_iter().chain(vocabulary) {
        let status = Command::new(&me).env(variable, n.to_string()).status().expect("runs");
        assert!(status.success());
    }
}
