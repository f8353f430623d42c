//! Golden screens: the reader drawn off-screen (ratatui `TestBackend`) in fixed scenarios —
//! both sizes, both interface languages, the panel folded and beside, each overlay, a search,
//! a theme trail, presentation mode, a note being typed, a narrow screen — each compared with
//! its checked-in text in `tests/golden/NAME.txt`: the screen as `screen_text` gives it (one
//! line per row, trailing spaces left out), then a map of its styles, one letter a cell (`.`
//! the commonest style, trailing `.` left out) with a legend, so that a selection, a search
//! hit or a highlight that moves or vanishes shows too.
//!
//! They are the safety net for reworking the reader: a change leaves every file identical
//! unless it fixes a bug, and then its commit says which screens changed and why.
//!
//! After a change that is meant to alter the screens, rewrite the files with
//!
//! ```sh
//! BASIRA_WRITE_GOLDEN=1 cargo test --test golden
//! ```
//!
//! and read the diff (`git diff tests/golden/`) before committing it. A missing file is an
//! error, never written silently.
//!
//! Nothing here depends on the machine: the built-in articles, the analysis computed in the
//! test (no cache directory is read or written), the settings given as `config.toml` text
//! (no user's config, no `LANG`), no state file, and a fixed clock (09:41, and an elapsed
//! time of 00:00) for presentation mode's footer.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use basira::analysis::{Analysis, ThemeSource};
use basira::corpus::{Corpus, FileWarning, LoadError, parse_document};
use basira::layout::LayoutOptions;
use basira::ui::app::App;
use basira::ui::config::Config;
use basira::ui::draw::Clock;
use basira::ui::keymap::parse_keys;
use basira::ui::{render_at, screen_text};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

/// The variable that makes this test rewrite the golden files instead of comparing.
const WRITE_VARIABLE: &str = "BASIRA_WRITE_GOLDEN";

/// English and Arabic interface settings, as `config.toml` would give them.
const EN: &str = "lang = \"en\"\n";
const AR: &str = "lang = \"ar\"\n";

/// One screen to draw.
struct Scenario {
    /// The file's name, without `.txt`.
    name: &'static str,
    /// Columns and rows.
    size: (u16, u16),
    /// The settings, as the text of a `config.toml`.
    config: &'static str,
    /// The keys pressed, in the notation of `basira snapshot --keys`.
    keys: &'static str,
    /// Whether the collection comes with files skipped while it was read (the built-in
    /// articles have none, so that `W` has something to list).
    skipped: bool,
    /// The article read instead of the built-in ones, a file of `tests/data/`: Markdown, or
    /// a saved web page (`.html`).
    markdown: Option<&'static str>,
    /// The e-book read instead of the built-in articles, a file of `tests/data/epub/`.
    book: Option<&'static str>,
    /// Whether the collection is the 299 news articles of `tests/data/ant300/` (their
    /// headline and first paragraph; no analysis) instead of the built-in articles: a list
    /// long enough to page and filter.
    news: bool,
    /// The session's length (`--minutes`), for a presentation's countdown.
    minutes: Option<u32>,
    /// How long after the reader's start the screen is drawn (a presentation's clocks).
    later: Duration,
}

const fn scenario(
    name: &'static str,
    size: (u16, u16),
    config: &'static str,
    keys: &'static str,
) -> Scenario {
    Scenario {
        name,
        size,
        config,
        keys,
        skipped: false,
        markdown: None,
        book: None,
        news: false,
        minutes: None,
        later: Duration::ZERO,
    }
}

/// A scenario on the 299 news articles.
const fn news(
    name: &'static str,
    size: (u16, u16),
    config: &'static str,
    keys: &'static str,
) -> Scenario {
    Scenario { news: true, ..scenario(name, size, config, keys) }
}

const SCENARIOS: &[Scenario] = &[
    // The first screen: the panel folded at 80 columns, beside the text at 160.
    scenario("en-80x24-open", (80, 24), EN, ""),
    scenario("en-160x45-open", (160, 45), EN, ""),
    scenario("ar-80x24-open", (80, 24), AR, ""),
    scenario("ar-160x45-open", (160, 45), AR, ""),
    // The folded panel shown by Tab, on its key points.
    scenario("en-80x24-panel-tab", (80, 24), EN, "<Tab>"),
    // The panel's themes of the article, those with the most passages in it first, as the
    // handout lists them (in the analysis' order before issue 13's one view of the analysis).
    scenario("en-160x45-panel-themes", (160, 45), EN, "<Tab>lll"),
    // The overlays.
    scenario("en-80x24-help", (80, 24), EN, "?"),
    scenario("ar-160x45-help", (160, 45), AR, "?"),
    // The help scrolled as far as it goes on a short screen: its last row shows (it stopped
    // short, saying "j ↓ more", before issue 13).
    scenario(
        "en-100x8-help-scrolled-to-the-end",
        (100, 8),
        EN,
        "?<PageDown><PageDown><PageDown><PageDown><PageDown><PageDown><PageDown><PageDown>",
    ),
    // The article list: two down, then End selects the last article (it did nothing before
    // the lists could page, issue 13).
    scenario("en-80x24-articles", (80, 24), EN, "o<Down><Down><End>"),
    scenario("ar-80x24-themes", (80, 24), AR, "t<Down>"),
    // Two bookmarks and a note in two articles, listed.
    scenario("en-160x45-bookmarks", (160, 45), EN, "}}m}}}anote<Space>for<Space>class<Enter>.}}mM"),
    // A deck of three places from two articles (a paragraph, a key point from the panel, a
    // search hit), the last moved up, in Arabic.
    scenario("ar-100x30-deck", (100, 30), AR, "}}+<Tab><Down>+<Esc>/تلجرام<Enter>+PGK"),
    // A deck presented from its list: its second slide, a key point taken from the panel.
    scenario("en-80x24-present-deck", (80, 24), EN, "}}+<Tab><Down>+<Esc>Pp<Space><Space>"),
    // The hits of a search, in context, each hit marked, the second selected.
    scenario("en-100x30-hits", (100, 30), EN, "/الإرهاب<Enter>F<Down>"),
    // What `W` lists, with two files skipped or read with a warning.
    Scenario { skipped: true, ..scenario("en-80x24-skipped", (80, 24), EN, "W") },
    // The same in Arabic: each warning in Arabic, its path isolated (issue 13's messages as
    // values; they were the loader's English sentences before).
    Scenario { skipped: true, ..scenario("ar-80x24-skipped", (80, 24), AR, "W") },
    // A search with hits, at its second hit.
    scenario("en-80x24-search", (80, 24), EN, "/تلجرام<Enter>n"),
    // A theme trail: the first theme followed, two passages along.
    scenario("en-160x45-theme-trail", (160, 45), EN, "t<Enter>]]"),
    // A note being typed, in Arabic.
    scenario(
        "ar-80x24-note-prompt",
        (80, 24),
        AR,
        "}}aملاحظة<Space>للدرس:<Space>قارن<Space>بالمقال<Space>3",
    ),
    // A search of mixed text being typed, in reading order, the cursor moved two cells
    // right (into the text, from its end at the left); hits highlighted as it is typed.
    scenario(
        "en-100x30-search-prompt",
        (100, 30),
        EN,
        "/راجع<Space>تقرير<Space>UN<Space>لعام<Space>2024<Space>(مهم)<Right><Right>",
    ),
    scenario("en-100x30-search-typing", (100, 30), EN, "/الإرها"),
    // Presentation: an article's second screen; a theme's passage with its speaker note.
    scenario("en-80x24-present", (80, 24), EN, "p<Space>"),
    scenario(
        "ar-160x45-present-theme",
        (160, 45),
        AR,
        "t<Enter>aسؤال<Space>للنقاش<Enter>p<Space>s",
    ),
    // The title slide: the article's whole title (cut with «…» before issue 14), its file's
    // name, the number of points; the progress bar over the footer.
    scenario("en-80x24-present-title", (80, 24), EN, "p"),
    // A theme's passage too long for a 60×15 screen: its key sentence under its article's
    // title, «يتبع…» at the foot and on the next screen «…تتمة» (cut off silently before).
    scenario("ar-60x15-present-continued", (60, 15), AR, "t<Enter>p3<Enter>"),
    scenario("ar-60x15-present-continued-2", (60, 15), AR, "t<Enter>p3<Enter><Space>"),
    // The end slide.
    scenario("en-80x24-present-end", (80, 24), EN, "pG"),
    // The Arabic footer of a ten-minute session with half a minute left: the time left in the
    // warning style, the bar filled from the right.
    Scenario {
        minutes: Some(10),
        later: Duration::from_millis(570_500),
        ..scenario("ar-80x24-present-countdown", (80, 24), AR, "p<Space><Space>")
    },
    // The same in monochrome: the warning is reversed.
    Scenario {
        minutes: Some(10),
        later: Duration::from_millis(570_500),
        ..scenario(
            "ar-80x24-present-countdown-mono",
            (80, 24),
            "lang = \"ar\"\ncolors = \"mono\"\n",
            "p<Space><Space>",
        )
    },
    // Rebound keys: the hints name them (they named the default keys before issue 13).
    scenario(
        "en-80x24-rebound-keys",
        (80, 24),
        "lang = \"en\"\n[keys]\nthemes = \"T\"\nquit = \"Q\"\n",
        "",
    ),
    // The narrowest useful screen.
    scenario("en-40x12-narrow", (40, 12), EN, ""),
    // A wide screen: the text capped at 90 columns, the panel given the rest (it had 44
    // columns and wrapped each item onto several lines before issue 14).
    scenario("ar-200x60-open", (200, 60), AR, ""),
    // A Markdown article: section labels above the title and the headlines under «اقرأ
    // أيضاً» dimmed as furniture (the labels were the title before issue 14), a block quote
    // with its bar, a table in right-to-left columns (one garbled line before), a nested
    // list indented; the outline lists the title and the two headings only.
    Scenario {
        markdown: Some("markdown/derna.md"),
        ..scenario("ar-100x40-markdown", (100, 40), AR, "<Tab>h")
    },
    // The same table narrower than its natural width: its widest cells wrapped.
    Scenario {
        markdown: Some("markdown/derna.md"),
        ..scenario("en-60x40-markdown-narrow", (60, 40), EN, "jjjjjjjj")
    },
    // A right-to-left e-book made with zip and a hand-written OPF: its first chapter (the
    // cover is no chapter), its title, byline and paragraphs right to left.
    Scenario {
        book: Some("ant-handmade-rtl.epub"),
        ..scenario("ar-100x30-book", (100, 30), AR, "")
    },
    // The pandoc book's chapters in the list of articles, each under the book's title; the
    // chapters numbered in reading order.
    Scenario {
        book: Some("ant-pandoc.epub"),
        ..scenario("en-100x24-book-articles", (100, 24), EN, "o")
    },
    // A saved web page (issue 15): the article of a news page saved by Chromium, its title,
    // byline, figure caption, heading, block quote and list, none of the page's menus, share
    // bar, cookie notice, comments or footer; the outline lists the title and the heading.
    Scenario {
        markdown: Some("html/cnn-brand.html"),
        ..scenario("ar-100x40-web-page", (100, 40), AR, "<Tab>h")
    },
    // How far through each article the reader is (issue 14): the first two read in part,
    // the third to its end, the fourth open at its top, the fifth never opened.
    scenario("en-80x24-articles-progress", (80, 24), EN, "<Space><Space>.<Space>.G.o"),
    scenario("ar-80x24-articles-progress", (80, 24), AR, "<Space><Space>.<Space>.G.o"),
    // The list of 299 articles: two read (each fits on the screen: all of it seen), the
    // third open, and 279 more below the window.
    news("en-80x24-news-articles", (80, 24), EN, "..o"),
    // Two pages down and two lines: 40 above, 239 below.
    news("en-80x24-news-articles-paged", (80, 24), EN, "o<PageDown><PageDown>jj"),
    // A filter being typed: «السعوديه» (heh for ta marbuta) finds «السعودية».
    news("en-80x24-news-filter-typing", (80, 24), EN, "o/السعوديه"),
    // A filter kept (Enter), in Arabic, on a short screen: 18 headlines hold «ترامب», the
    // last selected (G), 6 above the window.
    news("ar-80x16-news-filter-kept", (80, 16), AR, "o/ترامب<Enter>G"),
    // A filter that lets nothing through says so.
    news("ar-80x24-news-filter-nothing", (80, 24), AR, "o/ترامبز"),
];

/// The 299 news articles, read once for every scenario.
fn news_articles() -> &'static Corpus {
    static NEWS: OnceLock<Corpus> = OnceLock::new();
    NEWS.get_or_init(|| {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ant300");
        Corpus::open(&[folder]).expect("the news articles are read")
    })
}

/// The built-in articles and their analysis, computed once for every scenario.
fn builtin() -> &'static (Corpus, Arc<Analysis>) {
    static BUILTIN: OnceLock<(Corpus, Arc<Analysis>)> = OnceLock::new();
    BUILTIN.get_or_init(|| {
        let corpus = Corpus::builtin();
        let analysis = Analysis::new(&corpus, &ThemeSource::default_for(&corpus));
        (corpus, Arc::new(analysis))
    })
}

/// The article of `tests/data/` file `name`, read as Markdown or as a web page, and its
/// analysis.
fn markdown(name: &str) -> (Corpus, Arc<Analysis>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name);
    let corpus = if name.ends_with(".html") {
        let mut page = Corpus::open(&[path]).unwrap_or_else(|e| panic!("{name}: {e}"));
        // Named as the Markdown articles are, the same on every machine.
        page.documents[0].path = name.to_owned();
        page
    } else {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        Corpus { documents: vec![parse_document(name, &text, true)], warnings: vec![] }
    };
    let analysis = Analysis::new(&corpus, &ThemeSource::default_for(&corpus));
    (corpus, Arc::new(analysis))
}

/// The chapters of the e-book `tests/data/epub/` file `name`, named by a path relative to
/// the crate (so that the screen does not depend on where it is), and their analysis.
fn book(name: &str) -> (Corpus, Arc<Analysis>) {
    let path = PathBuf::from("tests/data/epub").join(name);
    let corpus = Corpus::open(&[path]).unwrap_or_else(|e| panic!("{name}: {e}"));
    let analysis = Analysis::new(&corpus, &ThemeSource::default_for(&corpus));
    (corpus, Arc::new(analysis))
}

/// The screen of `scenario`, as text.
fn draw(scenario: &Scenario) -> String {
    let read;
    let (corpus, analysis) = match (scenario.markdown, scenario.book) {
        (Some(name), _) => {
            read = markdown(name);
            &read
        }
        (None, Some(name)) => {
            read = book(name);
            &read
        }
        (None, None) => builtin(),
    };
    let mut corpus = if scenario.news { news_articles() } else { corpus }.clone();
    if scenario.skipped {
        corpus.warnings = vec![
            FileWarning::Skipped(LoadError::Binary(PathBuf::from("articles/scan.txt"))),
            FileWarning::ReadAs(PathBuf::from("articles/old.txt"), "Windows-1256 (Arabic)".into()),
        ];
    }
    let mut config = Config::parse("config.toml", scenario.config);
    assert!(config.warnings.is_empty(), "{}: {:?}", scenario.name, config.warnings);
    config.present.minutes = scenario.minutes;
    // Taken before the reader starts: a presentation started after it shows 00:00.
    let instant = Instant::now();
    let (width, height) = scenario.size;
    let mut app = App::new(Arc::new(corpus), LayoutOptions::default(), config, width, height);
    if !scenario.news {
        app.set_analysis(Arc::clone(analysis));
    }
    let keys = parse_keys(scenario.keys)
        .unwrap_or_else(|e| panic!("{}: the keys do not parse: {e}", scenario.name));
    for key in keys {
        app.handle_key(key);
    }
    let time_of_day = chrono::NaiveTime::from_hms_opt(9, 41, 0).unwrap();
    let instant = instant + scenario.later;
    let buffer = render_at(&app, width, height, Clock { time_of_day, instant });
    format!("{}{}", screen_text(&buffer), style_map(&buffer))
}

/// The styles of `buffer`'s cells: a heading line, one row of letters per screen row (the
/// commonest style `.`, the others `a`, `b`… in the order they first appear), then what each
/// letter stands for.
fn style_map(buffer: &Buffer) -> String {
    let area = buffer.area;
    let cells: Vec<Vec<String>> = (area.top()..area.bottom())
        .map(|y| (area.left()..area.right()).map(|x| describe(&buffer[(x, y)])).collect())
        .collect();
    let mut seen: Vec<(String, usize)> = Vec::new();
    for style in cells.iter().flatten() {
        match seen.iter_mut().find(|(s, _)| s == style) {
            Some((_, count)) => *count += 1,
            None => seen.push((style.clone(), 1)),
        }
    }
    let commonest = seen.iter().max_by_key(|(_, count)| *count).map(|(s, _)| s.clone());
    const LETTERS: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let mut letters = LETTERS.chars();
    let legend: Vec<(char, String)> = seen
        .iter()
        .map(|(style, _)| {
            let letter =
                if Some(style) == commonest.as_ref() { '.' } else { letters.next().unwrap_or('?') };
            (letter, style.clone())
        })
        .collect();
    let letter_of =
        |style: &String| legend.iter().find(|(_, s)| s == style).map_or('?', |(l, _)| *l);
    let mut out = String::from("--- styles: one letter a cell, legend below\n");
    for row in &cells {
        let line: String = row.iter().map(letter_of).collect();
        out.push_str(line.trim_end_matches('.'));
        out.push('\n');
    }
    let mut legend = legend;
    legend.sort_by_key(|(letter, _)| (*letter != '.', LETTERS.find(*letter)));
    for (letter, style) in legend {
        let _ = writeln!(out, "{letter} {style}");
    }
    out
}

/// A cell's colours and modifiers, in words.
fn describe(cell: &ratatui::buffer::Cell) -> String {
    let color = |c: Color| match c {
        Color::Reset => "default".to_owned(),
        other => format!("{other:?}").to_lowercase(),
    };
    let mut words = format!("fg {}, bg {}", color(cell.fg), color(cell.bg));
    let modifiers = [
        (Modifier::BOLD, "bold"),
        (Modifier::DIM, "dim"),
        (Modifier::ITALIC, "italic"),
        (Modifier::UNDERLINED, "underlined"),
        (Modifier::SLOW_BLINK, "slow blink"),
        (Modifier::RAPID_BLINK, "rapid blink"),
        (Modifier::REVERSED, "reversed"),
        (Modifier::HIDDEN, "hidden"),
        (Modifier::CROSSED_OUT, "crossed out"),
    ];
    for (modifier, name) in modifiers {
        if cell.modifier.contains(modifier) {
            words.push_str(", ");
            words.push_str(name);
        }
    }
    words
}

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn file_of(scenario: &Scenario) -> PathBuf {
    golden_dir().join(format!("{}.txt", scenario.name))
}

fn writing() -> bool {
    std::env::var_os(WRITE_VARIABLE).is_some_and(|v| !v.is_empty() && v != "0")
}

/// How `got` differs from `expected`, line by line (the screen's rows, then its style map):
/// the first few differing lines, each as expected and got.
fn difference(expected: &str, got: &str) -> String {
    const SHOWN: usize = 6;
    let expected: Vec<&str> = expected.lines().collect();
    let got: Vec<&str> = got.lines().collect();
    let rows = expected.len().max(got.len());
    let differing: Vec<usize> =
        (0..rows).filter(|&row| expected.get(row) != got.get(row)).collect();
    let mut out = format!("{} of {rows} lines differ", differing.len());
    if expected.len() != got.len() {
        let _ = write!(out, " (expected {} lines, got {})", expected.len(), got.len());
    }
    out.push('\n');
    for &row in differing.iter().take(SHOWN) {
        let show = |line: Option<&&str>| line.map_or("(no line)".to_owned(), |l| format!("{l:?}"));
        let _ = writeln!(out, "  line {:>2} expected: {}", row + 1, show(expected.get(row)));
        let _ = writeln!(out, "          got:      {}", show(got.get(row)));
    }
    if differing.len() > SHOWN {
        let _ = writeln!(out, "  … and {} more", differing.len() - SHOWN);
    }
    out
}

/// Compare every scenario with its file (or, with the variable set, rewrite the files), and
/// report every one that differs, not only the first.
#[test]
fn the_screens_are_as_checked_in() {
    let write = writing();
    if write {
        std::fs::create_dir_all(golden_dir()).unwrap();
    }
    let mut failures = Vec::new();
    for scenario in SCENARIOS {
        let got = draw(scenario);
        let path = file_of(scenario);
        if write {
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(expected) if expected == got => {}
            Ok(expected) => failures.push(format!(
                "{}: the screen differs from {}\n{}",
                scenario.name,
                path.display(),
                difference(&expected, &got)
            )),
            Err(e) => failures.push(format!(
                "{}: {} cannot be read ({e}); create it with `{WRITE_VARIABLE}=1 cargo test \
                 --test golden` and read it before committing it",
                scenario.name,
                path.display()
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} golden screens differ (if the change is meant, rewrite them with \
         `{WRITE_VARIABLE}=1 cargo test --test golden` and say which screens changed and why \
         in the commit):\n\n{}",
        failures.len(),
        SCENARIOS.len(),
        failures.join("\n")
    );
}

/// Every file in `tests/golden/` belongs to a scenario (a renamed or removed scenario leaves
/// none behind), and no two scenarios share a name.
#[test]
fn every_golden_file_has_its_scenario() {
    let names: BTreeSet<&str> = SCENARIOS.iter().map(|s| s.name).collect();
    assert_eq!(names.len(), SCENARIOS.len(), "two scenarios have the same name");
    let Ok(entries) = std::fs::read_dir(golden_dir()) else {
        return;
    };
    let orphans: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|f| !f.strip_suffix(".txt").is_some_and(|n| names.contains(n)))
        .collect();
    assert!(
        orphans.is_empty(),
        "files in tests/golden/ without a scenario (delete them): {orphans:?}"
    );
}

/// The comparison's report names the differing rows.
#[test]
fn a_difference_shows_the_rows_that_differ() {
    let report = difference("a\nb\nc\n", "a\nB\nc\nd\n");
    assert!(report.starts_with("2 of 4 lines differ (expected 3 lines, got 4)"), "{report}");
    assert!(report.contains("line  2 expected: \"b\""), "{report}");
    assert!(report.contains("got:      \"B\""), "{report}");
    assert!(report.contains("line  4 expected: (no line)"), "{report}");
}
