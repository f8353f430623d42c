//! Layout and drawing throughput, as medians of repeated runs (plain std timing; no
//! statistics crate is needed for the numbers we report).
//!
//! `cargo bench` prints: `basira cat` on a file of the built-in articles repeated to about 5 MB,
//! laying out the built-in articles at 80 columns, the work to a first frame, and drawing a
//! frame at 200×60.

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use basira::analysis::themes::builtin_definitions;
use basira::analysis::{Analysis, ThemeSource};
use basira::cat::write_sources;
use basira::corpus::Corpus;
use basira::corpus::stream::Plan;
use basira::layout::{LayoutOptions, layout_paragraph};
use basira::ui::app::App;
use basira::ui::config::Config;
use basira::ui::keymap::parse_keys;
use basira::ui::render;

/// Run `f` `runs` times and return the median duration.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// The built-in articles' text repeated until it is at least `bytes` long, as one file in
/// the temporary folder: its path and length. Each copy's paragraphs carry the copy's
/// number, so that none is dropped as a repeat.
fn big_file(bytes: usize) -> (PathBuf, usize) {
    let builtin = Corpus::builtin();
    let mut text = String::new();
    let mut copy = 0;
    while text.len() < bytes {
        copy += 1;
        for doc in &builtin.documents {
            for p in &doc.paragraphs {
                text.push_str(&format!("{copy}. {}\n\n", p.text));
            }
        }
    }
    let path = std::env::temp_dir().join(format!("basira-bench-{}.txt", std::process::id()));
    std::fs::write(&path, &text).expect("the temporary folder takes the file");
    (path, text.len())
}

fn main() {
    let options = LayoutOptions::default();

    // What `basira cat FILE` runs: the file checked, then read, laid out and written a
    // section at a time.
    let (path, bytes) = big_file(5 << 20);
    let t = median(5, || {
        let plan = Plan::new(std::slice::from_ref(&path)).unwrap();
        write_sources(&mut std::io::sink(), black_box(&plan.sources), 80, &options).unwrap();
    });
    let _ = std::fs::remove_file(&path);
    let mb = bytes as f64 / (1 << 20) as f64;
    println!(
        "cat, {mb:.1} MB at 80 columns: {:.1} ms median, {:.1} MB/s",
        ms(t),
        mb / t.as_secs_f64()
    );

    let builtin = Corpus::builtin();
    let paragraphs: usize = builtin.documents.iter().map(|d| d.paragraphs.len()).sum();
    let t = median(50, || {
        for doc in &builtin.documents {
            for p in &doc.paragraphs {
                black_box(layout_paragraph(&p.text, doc.direction, 80, &options));
            }
        }
    });
    println!(
        "layout of the {paragraphs} built-in paragraphs at 80 columns: {:.2} ms median",
        ms(t)
    );

    let t = median(50, || {
        let app = App::new(Arc::new(Corpus::builtin()), options, Config::default(), 80, 24);
        black_box(render(&app, 80, 24));
    });
    println!(
        "parse the built-in articles, lay out and draw a first 80x24 frame: {:.2} ms median",
        ms(t)
    );

    let corpus = Arc::new(Corpus::builtin());
    let analysis = Analysis::new(&corpus, &ThemeSource::Curated(builtin_definitions()));
    let mut app = App::new(corpus, options, Config::default(), 200, 60);
    app.set_analysis(Arc::new(analysis));
    for key in parse_keys("jjjjj").unwrap() {
        app.handle_key(key);
    }
    let t = median(200, || {
        black_box(render(&app, 200, 60));
    });
    println!("draw one 200x60 frame: {:.3} ms median", ms(t));
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
