//! Discovered themes on the bench folder, the May folder and the held-out June folder: how
//! many, how many
//! articles each spans, how many themes an article sits in, and how many labels read as a
//! subject (judged by reading, `read-themes.toml`).

use std::collections::{BTreeMap, HashMap};

use basira::analysis::Analysis;
use basira::corpus::Corpus;
use serde::Deserialize;

use super::data::{AntNews, set_file, toml_string, unread_file};
use super::table::{Table, share};

/// The judged labels.
#[derive(Deserialize)]
struct Read {
    #[serde(default)]
    label: Vec<ReadLabel>,
}

/// One label judged: on the folder it was shown on (a label is judged with its group: one
/// label may name a story on one folder and a mixed group on another).
#[derive(Deserialize)]
struct ReadLabel {
    text: String,
    subject: bool,
    folder: String,
}

/// The folders' names in `read-themes.toml`, in the order they are measured.
const FOLDERS: [&str; 3] = ["March", "May", "June"];

/// What was measured on one folder.
struct Measured {
    themes: usize,
    median: f64,
    widest: usize,
    per_article_mean: f64,
    per_article_max: usize,
    articles: usize,
    in_none: usize,
    subjects: usize,
    read: usize,
}

/// Measure the themes of each (folder, analysis): the bench folder and the May folder (both
/// in the tuning column, as «March · May»), then the held-out June folder.
pub fn measure(news: &AntNews, folders: [(&Corpus, &Analysis); 3], table: &mut Table) {
    let read: Read =
        toml::from_str(&set_file("read-themes.toml")).expect("read-themes.toml parses");
    let judged: HashMap<(&str, &str), bool> =
        read.label.iter().map(|l| ((l.folder.as_str(), l.text.as_str()), l.subject)).collect();
    let mut unread = String::new();
    let mut names = FOLDERS.into_iter();
    let [a, may, b] = folders.map(|(corpus, analysis)| {
        let folder = names.next().expect("a name for each folder");
        let m = measure_one(corpus, analysis, |label| judged.get(&(folder, label)).copied());
        for theme in &analysis.themes {
            if !judged.contains_key(&(folder, theme.label.as_str())) {
                let first = theme
                    .passages
                    .first()
                    .map(|p| news.relative(&corpus.documents[p.document].path));
                unread.push_str(&format!(
                    "[[label]]\ntext = {}\nsubject = ?\nnote = \"\"\nfolder = \"{folder}\"\n# {} articles, first {}\n\n",
                    toml_string(&theme.label),
                    theme.article_count(),
                    first.unwrap_or("-"),
                ));
            }
        }
        m
    });
    let file = unread_file("unread-themes.toml");
    if unread.is_empty() {
        let _ = std::fs::remove_file(&file);
    } else {
        std::fs::write(&file, unread).expect("the unread labels are written");
    }
    let row = |table: &mut Table, what: &str, goal: &str, f: &dyn Fn(&Measured) -> String| {
        table.row(what, goal, format!("{} · May {}", f(&a), f(&may)), f(&b));
    };
    row(table, "themes: how many (300 articles)", "≥ 20", &|m| m.themes.to_string());
    row(table, "themes: articles per theme, median (widest)", "≤ 12", &|m| {
        format!("{:.1} ({})", m.median, m.widest)
    });
    row(table, "themes: per article in one, mean (most)", "≤ 3", &|m| {
        format!("{:.1} ({})", m.per_article_mean, m.per_article_max)
    });
    row(table, "themes: articles in no theme", "", &|m| share(m.in_none, m.articles));
    row(table, "themes: labels that read as a subject", "≥ 75%", &|m| {
        if m.read == m.themes {
            share(m.subjects, m.read)
        } else {
            format!("{} of {} read ({} subjects)", m.read, m.themes, m.subjects)
        }
    });
}

fn measure_one(
    corpus: &Corpus,
    analysis: &Analysis,
    judged: impl Fn(&str) -> Option<bool>,
) -> Measured {
    let mut sizes: Vec<usize> = analysis.themes.iter().map(|t| t.article_count()).collect();
    sizes.sort_unstable();
    let median = match sizes.len() {
        0 => 0.0,
        n if n % 2 == 1 => sizes[n / 2] as f64,
        n => (sizes[n / 2 - 1] + sizes[n / 2]) as f64 / 2.0,
    };
    let mut per_article: BTreeMap<usize, usize> = BTreeMap::new();
    for theme in &analysis.themes {
        let mut documents: Vec<usize> = theme.passages.iter().map(|p| p.document).collect();
        documents.dedup();
        for d in documents {
            *per_article.entry(d).or_default() += 1;
        }
    }
    let in_some = per_article.len();
    let labels: Vec<bool> = analysis.themes.iter().filter_map(|t| judged(&t.label)).collect();
    Measured {
        themes: analysis.themes.len(),
        median,
        widest: sizes.last().copied().unwrap_or(0),
        per_article_mean: per_article.values().sum::<usize>() as f64 / in_some.max(1) as f64,
        per_article_max: per_article.values().copied().max().unwrap_or(0),
        articles: corpus.documents.len(),
        in_none: corpus.documents.len() - in_some,
        subjects: labels.iter().filter(|&&s| s).count(),
        read: labels.len(),
    }
}
