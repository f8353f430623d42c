//! Themes found in a collection's own text, for collections without a theme file.
//!
//! Candidate terms are words (stems) and two-word phrases of running text that occur in at
//! least two articles but not in most of them; phrases are built only from the commonest
//! words, so memory stays bounded on 10,000 articles. The best terms seed themes; a term
//! whose paragraphs largely overlap a theme's joins it instead of starting another. A theme's
//! passages are the paragraphs where its terms occur, and a theme is kept only when they span
//! two articles or more. Its label is its best terms as the text writes them.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::prepare::{Prepared, PreparedParagraph, TermId};
use super::themes::{Passage, Theme, normalise_strengths};
use crate::corpus::Corpus;
use crate::text::normalize_char;

/// The most words considered for phrases (the commonest ones).
const PHRASE_WORDS: usize = 2000;
/// The most candidate terms examined for themes.
const CANDIDATES: usize = 400;
/// The most terms in one theme.
const TERMS_PER_THEME: usize = 5;
/// A term joins a theme when its paragraphs and the seed's are this alike (Jaccard).
const JOIN_SIMILARITY: f64 = 0.3;
/// Phrases count this much more than single words (they are more specific and read better).
const PHRASE_BONUS: f64 = 1.5;
/// A phrase must appear in at least this share of its rarer word's paragraphs.
const MIN_COHESION: f64 = 0.3;
/// Terms in more than this share of the paragraphs are too general to make a theme.
const MAX_PARAGRAPH_SHARE: f64 = 0.3;

/// How many articles and paragraphs of running text use a key.
#[derive(Clone, Copy, Default)]
struct Frequency {
    documents: u32,
    paragraphs: u32,
}

/// A candidate term: one stem or two adjacent stems.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Key {
    Word(TermId),
    Phrase(TermId, TermId),
}

/// The `n` best of the scored keys, best first (the higher score, then the smaller key),
/// without holding more than twice as many at a time: a large collection has hundreds of
/// thousands of keys.
fn best_first(scored: impl Iterator<Item = (f64, Key)>, n: usize) -> Vec<(f64, Key)> {
    let order = |a: &(f64, Key), b: &(f64, Key)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
    let mut best = Vec::with_capacity(2 * n + 1);
    for item in scored {
        best.push(item);
        if best.len() > 2 * n {
            best.select_nth_unstable_by(n, order);
            best.truncate(n);
        }
    }
    best.sort_by(order);
    best.truncate(n);
    best
}

/// How many themes to look for in a collection of `n` articles.
fn theme_count(n: usize) -> usize {
    ((n as f64).sqrt() * 2.5).round().clamp(3.0, 40.0) as usize
}

/// Discover themes in the collection.
pub fn discover_themes(corpus: &Corpus, prepared: &Prepared) -> Vec<Theme> {
    let n = prepared.documents.len();
    if n < 2 {
        return Vec::new();
    }
    let max_df = if n >= 10 { n / 2 } else { n };
    let usable = |t: TermId| {
        let df = prepared.document_frequency[t as usize] as usize;
        let stem = prepared.vocabulary.stem(t);
        df >= 2
            && df <= max_df
            && stem.chars().count() >= 3
            && !stem.chars().any(|c| c.is_ascii_digit())
    };
    let mut words: Vec<TermId> =
        (0..prepared.vocabulary.len() as TermId).filter(|&t| usable(t)).collect();
    words.sort_by_key(|&t| std::cmp::Reverse(prepared.document_frequency[t as usize]));
    words.truncate(PHRASE_WORDS);
    let phrase_words: HashSet<TermId> = words.iter().copied().collect();

    // Document and paragraph frequencies of the words and of phrases of two of them, in one
    // map: a large collection has hundreds of thousands of keys.
    let mut frequencies: HashMap<Key, Frequency> = HashMap::default();
    let mut body_paragraphs = 0usize;
    for (document, paragraphs) in corpus.documents.iter().zip(&prepared.documents) {
        let mut seen = HashSet::default();
        for (paragraph, prepared) in document.paragraphs.iter().zip(paragraphs) {
            if !prepared.body {
                continue;
            }
            body_paragraphs += 1;
            let keys = paragraph_keys(&paragraph.text, prepared, &phrase_words);
            for key in keys {
                frequencies.entry(key).or_default().paragraphs += 1;
                seen.insert(key);
            }
        }
        for key in seen {
            frequencies.entry(key).or_default().documents += 1;
        }
    }
    let pf = |key: &Key| frequencies[key].paragraphs;
    // A term in most paragraphs cannot tell one subject from another.
    let max_pf = if body_paragraphs >= 10 {
        (body_paragraphs as f64 * MAX_PARAGRAPH_SHARE) as u32
    } else {
        u32::MAX
    };
    // A theme word is bursty: used in many paragraphs of the few articles that use it. The
    // score is paragraphs × idf², so that a word spread thinly over many unrelated articles
    // («مدينة», «عملية») ranks below one that several articles keep returning to.
    let idf = |df: usize| (1.0 + n as f64 / df as f64).ln();
    let cohesion = |key: &Key| match *key {
        Key::Word(_) => 1.0,
        Key::Phrase(a, b) => {
            let rarer = pf(&Key::Word(a)).min(pf(&Key::Word(b))).max(1);
            f64::from(pf(key)) / f64::from(rarer)
        }
    };
    let scored = frequencies
        .iter()
        .map(|(key, f)| (key, f.documents))
        .filter(|&(key, d)| {
            d >= 2 && d as usize <= max_df && pf(key) <= max_pf && cohesion(key) >= MIN_COHESION
        })
        .map(|(&key, d)| {
            let bonus = if matches!(key, Key::Phrase(..)) { PHRASE_BONUS } else { 1.0 };
            (bonus * cohesion(&key) * f64::from(pf(&key)) * idf(d as usize).powi(2), key)
        });
    let candidates = best_first(scored, CANDIDATES);
    // The counts of every key are done with: let them go before the candidates' places are
    // gathered (both are large on a large collection).
    drop(frequencies);

    let keys: Vec<Key> = candidates.iter().map(|c| c.1).collect();
    let places = paragraphs_of(corpus, prepared, &keys, &phrase_words);
    let forms = surface_forms(corpus, prepared, &keys);

    // Greedy grouping: a term joins the first theme whose seed shares most of its paragraphs.
    let wanted = theme_count(n);
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (k, key) in keys.iter().enumerate() {
        let joined = groups.iter().position(|g| {
            g.len() < TERMS_PER_THEME
                && jaccard(&places[&keys[g[0]]], &places[key]) >= JOIN_SIMILARITY
        });
        match joined {
            Some(g) => groups[g].push(k),
            None if groups.len() < wanted => groups.push(vec![k]),
            None => {}
        }
    }

    let mut themes: Vec<Theme> = groups
        .into_iter()
        .filter_map(|group| {
            let mut strength: HashMap<(usize, usize), f64> = HashMap::default();
            for &k in &group {
                for &(d, p) in &places[&keys[k]] {
                    *strength.entry((d as usize, p as usize)).or_insert(0.0) += 1.0;
                }
            }
            let mut passages: Vec<Passage> = strength
                .into_iter()
                .map(|((d, p), hits)| {
                    let length = prepared.documents[d][p].content_terms().count().max(1) as f64;
                    Passage { document: d, paragraph: p, strength: hits / length.sqrt() }
                })
                .collect();
            passages.sort_by_key(|p| (p.document, p.paragraph));
            normalise_strengths(&mut passages);
            let terms: Vec<String> = group.iter().map(|&k| forms[&keys[k]].clone()).collect();
            let label = label_of(&terms);
            let theme = Theme { id: String::new(), label, label_en: None, terms, passages };
            (theme.article_count() >= 2).then_some(theme)
        })
        .collect();
    for (i, theme) in themes.iter_mut().enumerate() {
        theme.id = format!("discovered-{}", i + 1);
    }
    themes
}

/// The keys of one paragraph: its usable content words, and each two of them that stand
/// next to each other in the text with only spaces between.
fn paragraph_keys(
    text: &str,
    paragraph: &PreparedParagraph,
    phrase_words: &HashSet<TermId>,
) -> HashSet<Key> {
    let mut keys = HashSet::default();
    for (i, word) in paragraph.words.iter().enumerate() {
        if word.stop() || !phrase_words.contains(&word.term()) {
            continue;
        }
        keys.insert(Key::Word(word.term()));
        if let Some(next) = paragraph.words.get(i + 1)
            && !next.stop()
            && next.term() != word.term()
            && phrase_words.contains(&next.term())
            && text[word.range().end..next.range().start].chars().all(char::is_whitespace)
        {
            keys.insert(Key::Phrase(word.term(), next.term()));
        }
    }
    keys
}

/// A theme's label: its first two terms, skipping a term already inside the first.
fn label_of(terms: &[String]) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for term in terms {
        if parts.len() == 2 {
            break;
        }
        if !parts.iter().any(|p| p.contains(term.as_str()) || term.contains(p)) {
            parts.push(term);
        }
    }
    parts.join("، ")
}

/// A paragraph as (article, paragraph): half the size of two `usize`, for a common key's
/// list holds thousands of them.
type Place = (u32, u32);

/// The paragraphs where each key occurs, in collection order.
fn paragraphs_of(
    corpus: &Corpus,
    prepared: &Prepared,
    keys: &[Key],
    phrase_words: &HashSet<TermId>,
) -> HashMap<Key, Vec<Place>> {
    let mut places: HashMap<Key, Vec<Place>> = keys.iter().map(|&k| (k, Vec::new())).collect();
    for (d, (document, paragraphs)) in corpus.documents.iter().zip(&prepared.documents).enumerate()
    {
        for (p, (paragraph, prepared)) in document.paragraphs.iter().zip(paragraphs).enumerate() {
            if !prepared.body {
                continue;
            }
            for key in paragraph_keys(&paragraph.text, prepared, phrase_words) {
                if let Some(list) = places.get_mut(&key) {
                    list.push((d as u32, p as u32));
                }
            }
        }
    }
    places
}

/// How alike two sorted paragraph lists are: shared over all (Jaccard). The lists are walked
/// side by side: a common word's list has thousands of paragraphs in a large collection.
fn jaccard(a: &[Place], b: &[Place]) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let all = a.len() + b.len() - shared;
    if all == 0 { 0.0 } else { shared as f64 / all as f64 }
}

/// How each key is most often written in the text.
fn surface_forms(corpus: &Corpus, prepared: &Prepared, keys: &[Key]) -> HashMap<Key, String> {
    let phrases: HashSet<(TermId, TermId)> = keys
        .iter()
        .filter_map(|k| match k {
            Key::Phrase(a, b) => Some((*a, *b)),
            Key::Word(_) => None,
        })
        .collect();
    let mut counts: HashMap<(TermId, TermId), HashMap<String, u32>> = HashMap::default();
    for (document, paragraphs) in corpus.documents.iter().zip(&prepared.documents) {
        for (paragraph, prepared) in
            document.paragraphs.iter().zip(paragraphs).filter(|(_, p)| p.body)
        {
            for pair in prepared.words.windows(2) {
                if phrases.contains(&(pair[0].term(), pair[1].term())) {
                    let text = &paragraph.text[pair[0].range().start..pair[1].range().end];
                    let plain: String =
                        text.chars().filter(|&c| normalize_char(c).is_some()).collect();
                    *counts
                        .entry((pair[0].term(), pair[1].term()))
                        .or_default()
                        .entry(plain)
                        .or_insert(0) += 1;
                }
            }
        }
    }
    keys.iter()
        .map(|&key| {
            let form = match key {
                Key::Word(t) => prepared.vocabulary.display_form(t).to_string(),
                Key::Phrase(a, b) => counts
                    .get(&(a, b))
                    .and_then(|c| c.iter().max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0))))
                    .map(|(form, _)| form.clone())
                    .unwrap_or_else(|| {
                        format!(
                            "{} {}",
                            prepared.vocabulary.display_form(a),
                            prepared.vocabulary.display_form(b)
                        )
                    }),
            };
            (key, form)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_keys_are_those_of_a_full_sort() {
        let scored: Vec<(f64, Key)> = (0..1000u32)
            .map(|i| {
                (
                    f64::from(i * 7919 % 97),
                    if i % 3 == 0 { Key::Word(i) } else { Key::Phrase(i, 1) },
                )
            })
            .collect();
        let mut sorted = scored.clone();
        sorted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        for n in [1, 5, 40, 400, 999, 1000, 2000] {
            let expected: Vec<_> = sorted.iter().copied().take(n).collect();
            assert_eq!(best_first(scored.iter().copied(), n), expected, "{n}");
        }
    }

    #[test]
    fn jaccard_counts_shared_paragraphs_over_all() {
        let a = [(0, 1), (0, 2), (1, 0), (3, 3)];
        let b = [(0, 2), (1, 0), (2, 5)];
        assert!((jaccard(&a, &b) - 2.0 / 5.0).abs() < 1e-12);
        assert_eq!(jaccard(&a, &a), 1.0);
        assert_eq!(jaccard(&a, &[]), 0.0);
        assert_eq!(jaccard(&[], &[]), 0.0);
    }
}
