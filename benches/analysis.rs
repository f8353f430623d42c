//! Analysis time and peak memory for the built-in articles and for generated collections of
//! 1,000 and 10,000 articles (the twenty EASC test articles repeated with variations: each
//! copy has its paragraphs rotated and a sentence of its own, so no two articles are alike).
//!
//! Each size runs in a child process of its own so that its peak memory (VmHWM) is its own.

use std::hint::black_box;
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use basira::analysis::discover::discover_themes;
use basira::analysis::links::links;
use basira::analysis::{
    Analysis, MAX_LINKS_PER_PARAGRAPH, Prepared, ThemeSource, facts, match_themes, rank_sentences,
};
use basira::corpus::{Corpus, parse_document};

/// The environment variable that makes the bench run one size in this process.
const SIZE_VARIABLE: &str = "BASIRA_BENCH_ARTICLES";

/// `n` articles generated from the EASC test articles.
fn generated(n: usize) -> Corpus {
    let sources = Corpus::open(&[PathBuf::from("tests/data/easc20")]).expect("test articles");
    let documents = (0..n)
        .map(|i| {
            let source = &sources.documents[i % sources.documents.len()];
            let mut paragraphs: Vec<&str> =
                source.paragraphs.iter().map(|p| p.text.as_str()).collect();
            let rotate = (i / sources.documents.len()) % paragraphs.len().max(1);
            paragraphs.rotate_left(rotate);
            let text = format!(
                "{}\n\nهذه النسخة رقم {i} من المقال، وقد أعيد ترتيب فقراتها.\n",
                paragraphs.join("\n\n")
            );
            parse_document(&format!("generated/{i}.txt"), &text, false)
        })
        .collect();
    Corpus { documents, warnings: Vec::new() }
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
    // Where the time goes: each stage again on its own.
    let stage = |f: &dyn Fn()| {
        let start = Instant::now();
        f();
        start.elapsed().as_secs_f64() * 1000.0
    };
    let prepared = Prepared::new(&corpus);
    let tokens = stage(&|| {
        black_box(Prepared::new(&corpus));
    });
    let sentences = stage(&|| {
        for (d, p) in corpus.documents.iter().zip(&prepared.documents) {
            black_box((rank_sentences(d, p), facts(d, p)));
        }
    });
    let theming = stage(&|| match &themes {
        ThemeSource::Curated(defs) => drop(black_box(match_themes(&prepared, defs))),
        ThemeSource::Discovered => drop(black_box(discover_themes(&corpus, &prepared))),
    });
    let linking = stage(&|| drop(black_box(links(&prepared, MAX_LINKS_PER_PARAGRAPH))));
    println!(
        "        stages: words {tokens:.0} ms, key points and facts {sentences:.0} ms, themes {theming:.0} ms, links {linking:.0} ms"
    );
    let paragraphs: usize = corpus.documents.iter().map(|d| d.paragraphs.len()).sum();
    println!(
        "{:>6} articles ({paragraphs} paragraphs): parse {:.0} ms, analysis {:.0} ms ({} themes, {} links), peak memory {:.1} MB",
        corpus.documents.len(),
        parsed.as_secs_f64() * 1000.0,
        analysed.as_secs_f64() * 1000.0,
        analysis.themes.len(),
        analysis.links.len(),
        peak_kb().unwrap_or(0) as f64 / 1024.0,
    );
    black_box(analysis);
}

fn main() {
    if let Ok(n) = std::env::var(SIZE_VARIABLE) {
        run(n.parse().expect("a number of articles"));
        return;
    }
    let me = std::env::current_exe().expect("the bench binary");
    for n in [0, 1_000, 10_000] {
        let status = Command::new(&me).env(SIZE_VARIABLE, n.to_string()).status().expect("runs");
        assert!(status.success());
    }
}
