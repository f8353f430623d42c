//! Links on the bench folder against the set in `links.toml` (same-event pairs from different
//! outlets, and articles with no partner in the folder), and 60 links drawn at random (those
//! whose places hash lowest), judged by reading (`read-links.toml`).
//!
//! Links are counted as the reader shows them: each paragraph's best [`SHOWN`].

use std::collections::{BTreeSet, HashMap};

use basira::analysis::Analysis;
use basira::corpus::Corpus;
use serde::Deserialize;

use super::data::{AntNews, Half, set_file, toml_string, unread_file};
use super::table::{Table, share};

/// Links shown per paragraph: the reader's and `basira links`' default k.
pub const SHOWN: usize = 3;
/// How many links are drawn to be read.
const DRAWN: usize = 60;

#[derive(Deserialize)]
struct Set {
    pair: Vec<Pair>,
    single: Vec<Single>,
}

#[derive(Deserialize)]
struct Pair {
    a: String,
    b: String,
    half: Half,
}

#[derive(Deserialize)]
struct Single {
    path: String,
    half: Half,
}

/// The judged links: each a pair of paragraphs (either way round) and whether they are
/// related.
#[derive(Deserialize)]
struct Read {
    #[serde(default)]
    link: Vec<ReadLink>,
}

#[derive(Deserialize)]
struct ReadLink {
    from: String,
    from_paragraph: usize,
    to: String,
    to_paragraph: usize,
    related: bool,
}

/// A shown link as two places, (article, paragraph), the smaller first.
type Shown = ((usize, usize), (usize, usize));

/// Measure the links of `analysis` on the bench folder `corpus`.
pub fn measure(news: &AntNews, corpus: &Corpus, analysis: &Analysis, table: &mut Table) {
    let set: Set = toml::from_str(&set_file("links.toml")).expect("links.toml parses");
    let index: HashMap<&str, usize> =
        corpus.documents.iter().enumerate().map(|(i, d)| (news.relative(&d.path), i)).collect();
    let article =
        |path: &str| *index.get(path).unwrap_or_else(|| panic!("{path} is in the folder"));
    // The articles each article's paragraphs link to, as shown.
    let mut linked: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); corpus.documents.len()];
    let mut shown: BTreeSet<Shown> = BTreeSet::new();
    for (d, document) in corpus.documents.iter().enumerate() {
        for p in 0..document.paragraphs.len() {
            for link in analysis.links_from(d, p, SHOWN) {
                linked[d].insert(link.to().0);
                shown.insert((link.from().min(link.to()), link.from().max(link.to())));
            }
        }
    }
    let mut joined = [(0, 0); 2];
    for pair in &set.pair {
        let (a, b) = (article(&pair.a), article(&pair.b));
        let half = &mut joined[usize::from(pair.half == Half::HeldOut)];
        half.0 += usize::from(linked[a].contains(&b) || linked[b].contains(&a));
        half.1 += 1;
    }
    let mut singles = [(0, 0); 2];
    for single in &set.single {
        let half = &mut singles[usize::from(single.half == Half::HeldOut)];
        half.0 += linked[article(&single.path)].len();
        half.1 += 1;
    }
    let mean = |(sum, n): (usize, usize)| format!("{:.1}", sum as f64 / n.max(1) as f64);
    table.row(
        "links: same-event pairs joined",
        "≥ 95%",
        share(joined[0].0, joined[0].1),
        share(joined[1].0, joined[1].1),
    );
    table.row(
        "links: articles a partnerless article links to",
        "≤ 3",
        mean(singles[0]),
        mean(singles[1]),
    );
    let all: usize = linked.iter().map(BTreeSet::len).sum();
    table.single(
        "links: shown, and articles linked per article",
        "",
        format!("{} links; {:.1} articles", shown.len(), all as f64 / linked.len().max(1) as f64),
    );
    let (related, read) = read_drawn(news, corpus, &shown);
    table.single(
        "links: related, of 60 drawn at random and read",
        "≥ 85%",
        match read {
            DRAWN => share(related, read),
            _ => format!(
                "{read} of {DRAWN} read ({related} related); the rest in {}",
                unread_file("unread-links.toml").display()
            ),
        },
    );
}

/// The FNV-1a hash of a text: fixed, unlike the standard library's.
fn fnv(text: &str) -> u64 {
    text.bytes()
        .fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

/// Draw [`DRAWN`] of the shown links and count those judged related; the links nobody has
/// judged yet are written to the unread file. Gives (related, judged).
fn read_drawn(news: &AntNews, corpus: &Corpus, shown: &BTreeSet<Shown>) -> (usize, usize) {
    let read: Read = toml::from_str(&set_file("read-links.toml")).expect("read-links.toml parses");
    let judged: HashMap<(&str, usize, &str, usize), bool> = read
        .link
        .iter()
        .flat_map(|l| {
            [
                ((l.from.as_str(), l.from_paragraph, l.to.as_str(), l.to_paragraph), l.related),
                ((l.to.as_str(), l.to_paragraph, l.from.as_str(), l.from_paragraph), l.related),
            ]
        })
        .collect();
    let path = |d: usize| news.relative(&corpus.documents[d].path);
    // The links whose places hash lowest: the same links are drawn again as long as they are
    // shown, whatever else changed, so that a reading stays valid across builds.
    let mut drawn: Vec<Shown> = shown.iter().copied().collect();
    drawn.sort_by_key(|&((a, p), (b, q))| fnv(&format!("{}#{p}>{}#{q}", path(a), path(b))));
    drawn.truncate(DRAWN);
    let (mut related, mut count, mut unread) = (0, 0, String::new());
    for ((a, p), (b, q)) in drawn {
        match judged.get(&(path(a), p, path(b), q)) {
            Some(&yes) => {
                related += usize::from(yes);
                count += 1;
            }
            None => {
                let text =
                    |d: usize, p: usize| toml_string(&corpus.documents[d].paragraphs[p].text);
                unread.push_str(&format!(
                    "[[link]]\nfrom = {}\nfrom_paragraph = {p}\nto = {}\nto_paragraph = {q}\nrelated = ?\nnote = \"\"\n# from: {}\n# to: {}\n\n",
                    toml_string(path(a)),
                    toml_string(path(b)),
                    text(a, p),
                    text(b, q),
                ));
            }
        }
    }
    let file = unread_file("unread-links.toml");
    if unread.is_empty() {
        let _ = std::fs::remove_file(&file);
    } else {
        std::fs::write(&file, unread).expect("the unread links are written");
    }
    (related, count)
}
