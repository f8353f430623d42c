//! Themes found in a collection's own text, for collections without a theme file: the stories
//! that run through several articles.
//!
//! Articles are grouped by what they are about. Two articles are neighbours when a paragraph
//! of one links to a paragraph of the other (so their whole articles are alike too, see
//! [`super::links`]), weighted by the cosine of the two articles' vectors; each article keeps
//! its [`NEIGHBOURS`] nearest. The groups are the communities of that sparse graph, found by
//! the Louvain method (nodes moved to the neighbouring community that most raises the graph's
//! modularity, then the communities merged into nodes and moved again). A group of two
//! articles or more is a theme, unless it is one text filed twice (a site's article under two
//! of its sections) or a whole section of the collection: from fifty articles up, a group of
//! more than a tenth of them is split again on its own closer neighbours, and dropped when it
//! does not split; and from fifty up an article alike to none of its group's others as a
//! whole is left out of it (two reports of one kind that a passage joined, a hurricane off
//! Mexico and a quake off Sumatra, are no story).
//!
//! A theme is labelled by its most distinctive terms as the text writes them: those most of
//! its articles use, and use heavily, and few others do, a phrase before a single word and a
//! term its articles' headlines write before one they do not, completed to the whole name its
//! articles write; never a word that is an adjective on its own («الأمريكية», «الروسي»), a
//! phrase that starts with one («الأمريكي دونالد»), a number or an amount, a clause that
//! starts with a verb, a preposition or an adjective of degree or holds a pronoun («تراجعت
//! الليرة», «بقتل فلسطيني», «أكبر حملة», «إصابتهم بأمراض»), or a formula (days, months: they
//! never enter the vectors). Its passages are the paragraphs of its articles that carry its
//! terms.

use rustc_hash::FxHashMap as HashMap;

use super::Link;
use super::links::LinkIndex;
use super::prepare::{TermId, Vocabulary};
use super::theme::{Passage, Theme, normalise_strengths};
use crate::corpus::{Corpus, Role};
use crate::text::{is_stop_word, normalize, normalize_char, word_ranges};

/// Articles whose vectors' cosine reaches this are one text.
const SAME_ARTICLE: f32 = 0.9;
/// How many nearest neighbours each article keeps in the graph.
pub const NEIGHBOURS: usize = 10;
/// A collection of this many articles or more has its themes' breadth capped, and its themes'
/// articles must be alike.
const CAPPED_FROM: usize = 50;
/// In a collection of [`CAPPED_FROM`] articles or more, an article is part of its group's
/// theme when its vector's cosine with another of the group's reaches this: a story's
/// articles are alike as wholes, not only by a passage. (In a smaller collection, on one
/// subject, articles are less alike and every link counts.)
const THEME_LIKENESS: f32 = 0.15;
/// From [`CAPPED_FROM`] articles up, a theme spans at most this share of the collection.
const MAX_THEME_SHARE: f64 = 0.1;
/// How many times a group too broad is split again, each time on closer neighbours only.
const SPLITS: usize = 3;
/// How much closer (in article cosine) the neighbours a broad group is split on are.
const SPLIT_STEP: f32 = 0.1;
/// The Louvain method's resolution: above 1, smaller communities.
const RESOLUTION: f64 = 1.0;
/// How many terms name a theme and find its passages.
const TERMS_PER_THEME: usize = 5;
/// How often a name must be written for the words beside it to count.
const MIN_NAME_OCCURRENCES: u32 = 3;
/// The most words a label's name is extended to.
const MAX_NAME_WORDS: usize = 4;
/// How many of a theme's articles are read for how its words are written.
const LABEL_ARTICLES: usize = 20;
/// A phrase is worth this much more than a single word as a label.
const PHRASE_BONUS: f64 = 2.5;
/// How much more a term is worth as a label when every headline of the group writes it (in
/// proportion for fewer): a headline names its story.
const HEADLINE_WEIGHT: f64 = 2.0;

/// The themes discovered in `corpus`, from its link index, its links and its vocabulary.
pub fn discover_themes(
    corpus: &Corpus,
    index: &LinkIndex,
    links: &[Link],
    vocabulary: &Vocabulary,
) -> Vec<Theme> {
    let n = corpus.documents.len();
    if n < 2 {
        return Vec::new();
    }
    let graph = Graph::of(n, index, links);
    let cap = if n >= CAPPED_FROM { ((n as f64 * MAX_THEME_SHARE) as usize).max(2) } else { n };
    let mut groups = Vec::new();
    for group in graph.communities(&(0..n as u32).collect::<Vec<_>>(), 0.0) {
        split_until_narrow(&graph, group, cap, 0, &mut groups);
    }
    let labeller = Labeller::new(index, corpus, vocabulary);
    let paragraphs = paragraphs_by_article(index, n);
    if n >= CAPPED_FROM {
        groups.iter_mut().for_each(|group| keep_the_alike(group, index));
    }
    let mut themes: Vec<Theme> = groups
        .into_iter()
        .filter(|group| group.len() >= 2 && two_texts(group, index))
        .filter_map(|group| {
            let mut terms = labeller.terms(&group);
            let text = GroupText::of(corpus, &group);
            labeller.write_as_the_group_does(&mut terms, &text);
            let label = labeller.label(&terms, &text)?;
            let passages = passages(index, &paragraphs, &group, &terms);
            let theme = Theme {
                id: String::new(),
                label,
                label_en: None,
                terms: terms.iter().map(|t| t.text.clone()).collect(),
                passages,
            };
            (theme.article_count() >= 2).then_some(theme)
        })
        .collect();
    // The broadest first; ties in the order of their first passage.
    themes.sort_by_key(|t| {
        (
            std::cmp::Reverse(t.article_count()),
            t.passages.first().map(|p| (p.document, p.paragraph)),
        )
    });
    tell_apart(&mut themes);
    for (i, theme) in themes.iter_mut().enumerate() {
        theme.id = format!("discovered-{}", i + 1);
    }
    themes
}

/// Leave out of a group the articles that are alike to none of the others (article cosine
/// [`THEME_LIKENESS`] or more): two stories of one kind that a link between two passages put
/// together (a hurricane off Mexico and a quake off Sumatra, both «قبالة المحيط الهادي»).
fn keep_the_alike(group: &mut Vec<u32>, index: &LinkIndex) {
    let articles = index.articles();
    let alike = |a: u32, b: u32| {
        super::links::article_cosine(&articles[a as usize], &articles[b as usize]) >= THEME_LIKENESS
    };
    loop {
        let before = group.len();
        let kept: Vec<u32> = group
            .iter()
            .copied()
            .filter(|&a| group.iter().any(|&b| b != a && alike(a, b)))
            .collect();
        *group = kept;
        if group.len() == before {
            return;
        }
    }
}

/// Whether a group holds two texts at least, not one article filed twice (under two sections
/// of a site, or republished): two articles whose vectors are this alike are one text.
fn two_texts(group: &[u32], index: &LinkIndex) -> bool {
    let articles = index.articles();
    let first = &articles[group[0] as usize];
    group[1..]
        .iter()
        .any(|&a| super::links::article_cosine(first, &articles[a as usize]) < SAME_ARTICLE)
}

/// Two themes never carry the same label (two stories of one war, «ميليشيات الحوثي»): the
/// narrower gets its next term that adds a word beside it, or a number.
fn tell_apart(themes: &mut [Theme]) {
    let mut used: Vec<String> = Vec::new();
    for theme in themes.iter_mut() {
        if used.contains(&theme.label) {
            let next = theme.terms.iter().find(|t| {
                !shares_a_word(&theme.label, t)
                    && reads_as_a_name(t)
                    && !used.contains(&format!("{}، {t}", theme.label))
            });
            theme.label = match next {
                Some(term) => format!("{}، {term}", theme.label),
                None => {
                    let same = used.iter().filter(|l| l.starts_with(&theme.label)).count();
                    format!("{} ({})", theme.label, same + 1)
                }
            };
        }
        used.push(theme.label.clone());
    }
}

/// Keep `group` if it is narrow enough, else split it on closer neighbours (at most
/// [`SPLITS`] times); a group that stays too broad is a section and is dropped.
fn split_until_narrow(
    graph: &Graph,
    group: Vec<u32>,
    cap: usize,
    depth: usize,
    out: &mut Vec<Vec<u32>>,
) {
    if group.len() < 2 {
        return;
    }
    if group.len() <= cap {
        out.push(group);
        return;
    }
    if depth == SPLITS {
        return;
    }
    let closer = graph.communities(&group, SPLIT_STEP * (depth + 1) as f32);
    for part in closer {
        split_until_narrow(graph, part, cap, depth + 1, out);
    }
}

/// The articles as a weighted graph: each article's nearest linked articles.
struct Graph {
    /// For each article, its neighbours with the cosine of their vectors, best first.
    neighbours: Vec<Vec<(u32, f32)>>,
}

impl Graph {
    /// The graph of `n` articles whose paragraphs `links` join.
    fn of(n: usize, index: &LinkIndex, links: &[Link]) -> Graph {
        let articles = index.articles();
        let mut pairs: Vec<(u32, u32)> = links
            .iter()
            .map(|l| (l.from().0 as u32, l.to().0 as u32))
            .map(|(a, b)| (a.min(b), a.max(b)))
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        let mut neighbours: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n];
        for (a, b) in pairs {
            let weight = super::links::article_cosine(&articles[a as usize], &articles[b as usize]);
            neighbours[a as usize].push((b, weight));
            neighbours[b as usize].push((a, weight));
        }
        for list in &mut neighbours {
            list.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            list.truncate(NEIGHBOURS);
        }
        // An edge is kept when either end keeps it: make the lists symmetric again.
        let mut symmetric: Vec<Vec<(u32, f32)>> = neighbours.clone();
        for (a, list) in neighbours.iter().enumerate() {
            for &(b, w) in list {
                if !symmetric[b as usize].iter().any(|&(x, _)| x == a as u32) {
                    symmetric[b as usize].push((a as u32, w));
                }
            }
        }
        for list in &mut symmetric {
            list.sort_unstable_by_key(|&(b, _)| b);
        }
        Graph { neighbours: symmetric }
    }

    /// The communities of the subgraph of `nodes` (sorted) on its edges heavier than
    /// `above`, each sorted; isolated articles come out alone.
    fn communities(&self, nodes: &[u32], above: f32) -> Vec<Vec<u32>> {
        let local: HashMap<u32, usize> = nodes.iter().enumerate().map(|(i, &a)| (a, i)).collect();
        let edges: Vec<Vec<(usize, f64)>> = nodes
            .iter()
            .map(|&a| {
                self.neighbours[a as usize]
                    .iter()
                    .filter(|&&(_, w)| w > above)
                    .filter_map(|&(b, w)| local.get(&b).map(|&j| (j, f64::from(w))))
                    .collect()
            })
            .collect();
        let membership = louvain(edges);
        let mut groups: HashMap<usize, Vec<u32>> = HashMap::default();
        for (i, &c) in membership.iter().enumerate() {
            groups.entry(c).or_default().push(nodes[i]);
        }
        let mut groups: Vec<Vec<u32>> = groups.into_values().collect();
        groups.sort_by_key(|g| g[0]);
        groups
    }
}

/// The Louvain method on a weighted undirected graph (adjacency lists, each edge in both
/// nodes' lists): each node's community, numbered from 0. Deterministic: nodes are visited
/// in order and ties go to the smaller community.
fn louvain(mut edges: Vec<Vec<(usize, f64)>>) -> Vec<usize> {
    let mut membership: Vec<usize> = (0..edges.len()).collect();
    loop {
        let moved = local_moves(&edges);
        let communities = renumber(&moved);
        let count = communities.iter().copied().max().map_or(0, |m| m + 1);
        for c in &mut membership {
            *c = communities[*c];
        }
        if count == edges.len() {
            return membership;
        }
        // The communities become the nodes; their edges, the sums of their members'.
        let mut merged: Vec<HashMap<usize, f64>> = vec![HashMap::default(); count];
        for (i, list) in edges.iter().enumerate() {
            for &(j, w) in list {
                *merged[communities[i]].entry(communities[j]).or_insert(0.0) += w;
            }
        }
        edges = merged
            .into_iter()
            .map(|m| {
                let mut list: Vec<(usize, f64)> = m.into_iter().collect();
                list.sort_unstable_by_key(|&(j, _)| j);
                list
            })
            .collect();
    }
}

/// One level of the Louvain method: each node's community after moving nodes, one at a time
/// in order, to the neighbouring community that raises modularity most, until none moves.
fn local_moves(edges: &[Vec<(usize, f64)>]) -> Vec<usize> {
    let n = edges.len();
    let degree: Vec<f64> = edges.iter().map(|l| l.iter().map(|&(_, w)| w).sum()).collect();
    let total: f64 = degree.iter().sum();
    let mut community: Vec<usize> = (0..n).collect();
    if total == 0.0 {
        return community;
    }
    let mut community_degree = degree.clone();
    let mut links_to: HashMap<usize, f64> = HashMap::default();
    for _pass in 0..32 {
        let mut moved = false;
        for i in 0..n {
            let own = community[i];
            links_to.clear();
            for &(j, w) in &edges[i] {
                if j != i {
                    *links_to.entry(community[j]).or_insert(0.0) += w;
                }
            }
            community_degree[own] -= degree[i];
            let gain = |c: usize, inside: f64| {
                inside - RESOLUTION * community_degree[c] * degree[i] / total
            };
            let mut best = (own, gain(own, links_to.get(&own).copied().unwrap_or(0.0)));
            let mut candidates: Vec<(usize, f64)> =
                links_to.iter().map(|(&c, &w)| (c, w)).collect();
            candidates.sort_unstable_by_key(|&(c, _)| c);
            for (c, inside) in candidates {
                let g = gain(c, inside);
                if g > best.1 + 1e-12 {
                    best = (c, g);
                }
            }
            community_degree[best.0] += degree[i];
            if best.0 != own {
                community[i] = best.0;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    community
}

/// Communities numbered 0, 1, … in the order of their first node.
fn renumber(community: &[usize]) -> Vec<usize> {
    let mut numbers: HashMap<usize, usize> = HashMap::default();
    community
        .iter()
        .map(|&c| {
            let next = numbers.len();
            *numbers.entry(c).or_insert(next)
        })
        .collect()
}

/// A term that names a theme.
struct ThemeTerm {
    term: TermId,
    text: String,
    score: f64,
    phrase: bool,
}

/// What labels come from: how many articles use each term, and how terms are written.
struct Labeller<'a> {
    index: &'a LinkIndex,
    corpus: &'a Corpus,
    vocabulary: &'a Vocabulary,
    /// For each term, how many articles have it among their vectors' terms.
    articles_using: HashMap<TermId, u32>,
}

impl<'a> Labeller<'a> {
    fn new(index: &'a LinkIndex, corpus: &'a Corpus, vocabulary: &'a Vocabulary) -> Labeller<'a> {
        let mut articles_using: HashMap<TermId, u32> = HashMap::default();
        for article in index.articles() {
            for &(t, _) in article {
                *articles_using.entry(t).or_insert(0) += 1;
            }
        }
        Labeller { index, corpus, vocabulary, articles_using }
    }

    /// The most distinctive terms of a group of articles, best first: used by most of them,
    /// heavily, and by few others (the share of the group that uses it, times its mean
    /// weight in the group's article vectors, times its inverse article frequency), a phrase
    /// worth more than a word, none that cannot name a subject. The weight favours the name a
    /// story keeps repeating over a phrase that two republished copies happen to share.
    fn terms(&self, group: &[u32]) -> Vec<ThemeTerm> {
        let n = self.index.articles().len() as f64;
        // How many of the group's articles use each term, and its summed weight in them.
        let mut used: HashMap<TermId, (u32, f32)> = HashMap::default();
        for &a in group {
            for &(t, w) in &self.index.articles()[a as usize] {
                let entry = used.entry(t).or_insert((0, 0.0));
                entry.0 += 1;
                entry.1 += w;
            }
        }
        let size = group.len() as f64;
        let mut scored: Vec<ThemeTerm> = used
            .into_iter()
            .filter(|&(_, (count, _))| count >= 2)
            .filter_map(|(term, (count, weight))| {
                let phrase = self.index.is_phrase(term);
                let text = self.index.term_text(term, self.corpus, self.vocabulary);
                if !self.can_name(term, &text) {
                    return None;
                }
                let df = f64::from(self.articles_using.get(&term).copied().unwrap_or(1));
                let bonus = if phrase { PHRASE_BONUS } else { 1.0 };
                let cover = f64::from(count) / size;
                let centroid = f64::from(weight) / size;
                let score = bonus * cover * centroid * (n / df).ln();
                Some(ThemeTerm { term, text, score, phrase })
            })
            .collect();
        scored.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.term.cmp(&b.term)));
        // A word the chosen phrases already hold says nothing more.
        let mut chosen: Vec<ThemeTerm> = Vec::new();
        for candidate in scored {
            if chosen.len() == TERMS_PER_THEME {
                break;
            }
            let repeats = chosen.iter().any(|c| {
                holds(self.index, c.term, candidate.term)
                    || holds(self.index, candidate.term, c.term)
            });
            if !repeats {
                chosen.push(candidate);
            }
        }
        chosen
    }

    /// Each term in the form the group's own articles write it most (a stem stands for many
    /// words across the collection: «بوتين» shares its stem with «الستينات»), leaving a
    /// clitic off its first word when the form without it is written too («ولاية تكساس»
    /// rather than «بولاية تكساس»).
    fn write_as_the_group_does(&self, terms: &mut [ThemeTerm], text: &GroupText) {
        for term in terms.iter_mut() {
            let stems = self.stems(term.term);
            if let Some(written) = most_written(&stems, text) {
                term.text = without_preposition(written, text);
            }
        }
    }

    /// The stems of a term's words.
    fn stems(&self, term: TermId) -> Vec<&str> {
        match self.index.phrase_words(term) {
            None => vec![self.vocabulary.stem(term)],
            Some((a, b)) => vec![self.vocabulary.stem(a), self.vocabulary.stem(b)],
        }
    }

    /// Whether a term can name a subject: not a number, not an adjective on its own, not a
    /// phrase that starts with an adjective.
    fn can_name(&self, term: TermId, text: &str) -> bool {
        if text.chars().any(|c| c.is_ascii_digit() || ('٠'..='٩').contains(&c)) {
            return false;
        }
        match self.index.phrase_words(term) {
            None => !is_adjective(text),
            Some((first, _)) => !is_adjective(self.vocabulary.display_form(first)),
        }
    }

    /// A theme's label: its best term that reads as a name, a term its articles' headlines
    /// write worth more (a headline names its story: «عباس» over «الرئيس الفلسطيني», «أبل»
    /// over «الكاميرا الخلفية»), as long as the group's articles write it (two phrases
    /// that overlap, «ولي العهد» and «العهد السعودي», are the one name «ولي العهد السعودي»
    /// where the articles write that), and beside a single word the next best phrase that
    /// adds to it, when it weighs half as much.
    fn label(&self, terms: &[ThemeTerm], text: &GroupText) -> Option<String> {
        let headlined: Vec<f64> = terms
            .iter()
            .map(|t| t.score * (1.0 + HEADLINE_WEIGHT * text.headline_share(&self.stems(t.term))))
            .collect();
        let first = (0..terms.len())
            .filter(|&i| {
                reads_as_a_name(&terms[i].text) && !text.opens_with_preposition(&terms[i].text)
            })
            .max_by(|&i, &j| headlined[i].total_cmp(&headlined[j]).then(j.cmp(&i)))?;
        let best = &terms[first];
        let mut name = best.text.clone();
        let mut used = vec![first];
        if let Some((a, b)) = self.index.phrase_words(best.term) {
            for (i, t) in terms.iter().enumerate().filter(|&(i, _)| i != first) {
                let Some((c, d)) = self.index.phrase_words(t.term) else { continue };
                let stems = if b == c {
                    [a, b, d]
                } else if d == a
                    && governs(self.vocabulary.display_form(c), self.vocabulary.display_form(a))
                {
                    [c, a, b]
                } else {
                    continue;
                };
                let stems = stems.map(|w| self.vocabulary.stem(w));
                if let Some(longer) =
                    most_written(&stems, text).filter(|longer| reads_as_a_name(longer))
                {
                    name = longer;
                    used.push(i);
                    break;
                }
            }
        }
        let longer = extended(&name, text);
        if reads_as_a_name(&longer) {
            name = longer;
        }
        Some(match beside(&name, first, &used, terms, text) {
            Some(phrase) => format!("{name}، {phrase}"),
            None => name,
        })
    }
}

/// The phrase that tells a single-word name apart («سكريبال، غاز الأعصاب»): the best phrase of
/// the terms not yet used that reads as a name, adds a word and weighs half as much as the
/// word (`terms[best]`). Beside a name a phrase is only completed by its adjective («منظمة
/// الصحة العالمية»), so that the label stays short.
fn beside(
    name: &str,
    best: usize,
    used: &[usize],
    terms: &[ThemeTerm],
    text: &GroupText,
) -> Option<String> {
    let word = &terms[best];
    if word.phrase {
        return None;
    }
    let (_, t) = terms.iter().enumerate().find(|(i, t)| {
        !used.contains(i)
            && t.phrase
            && reads_as_a_name(&t.text)
            && t.score >= word.score / 2.0
            && !shares_a_word(name, &t.text)
    })?;
    let longer = extended(&t.text, text);
    let completes = longer.strip_prefix(t.text.as_str()).is_some_and(|rest| {
        rest.starts_with(' ') && !rest[1..].contains(' ') && is_adjective(&rest[1..])
    });
    Some(if completes { longer } else { t.text.clone() })
}

/// A name extended by the words the group's articles write next to it nearly every time they
/// write it, up to [`MAX_NAME_WORDS`]: «النقد الدولي» is «صندوق النقد الدولي», «سيرك دو» «سيرك
/// دو سوليه».
fn extended(name: &str, text: &GroupText) -> String {
    let mut words: Vec<String> = name.split(' ').map(str::to_string).collect();
    let name_words = words.len();
    while words.len() < MAX_NAME_WORDS {
        let wanted: Vec<String> = words.iter().map(|w| normalize(w)).collect();
        let (found, before, after) = text.neighbours(&wanted);
        let most = |m: &HashMap<String, u32>| {
            m.iter()
                .max_by_key(|(w, n)| (**n, std::cmp::Reverse((*w).clone())))
                .map(|(w, n)| (w.clone(), *n))
        };
        // A name begun must be finished: once extended, two occurrences are enough.
        let least = if words.len() == name_words { MIN_NAME_OCCURRENCES } else { 2 };
        let often = |n: u32| found >= least && 3 * n >= 2 * found;
        let heads = |w: &str| governs(w, &words[0]) || is_nasab(&words[0]);
        match (most(&after), most(&before)) {
            (Some((w, n)), _) if often(n) => words.push(w),
            (_, Some((w, n))) if often(n) && heads(&w) => words.insert(0, w),
            _ => break,
        }
    }
    without_clitic(&words.join(" "))
}

/// Whether a word written before a name governs it, the name completing it («صندوق» before
/// «النقد الدولي»): the name starts with the article and the word has none, no pronoun ending
/// and no preposition before it.
fn governs(word: &str, first_of_name: &str) -> bool {
    let (word, first) = (normalize(word), normalize(first_of_name));
    let has_article = |w: &str| w.starts_with("ال") || w.starts_with("وال");
    has_article(&first)
        && !has_article(&word)
        && !["ها", "هم", "هما", "كم", "نا", "هن"].iter().any(|end| word.ends_with(end))
        && !word.starts_with(['ل', 'ب', 'ك'])
}

/// Whether a word begins the lineage part of a person's name («بن سلمان», «أبو الغيط»), which
/// wants the given name before it.
fn is_nasab(word: &str) -> bool {
    matches!(normalize(word).as_str(), "بن" | "ابن" | "ابو" | "ال")
}

/// Whether a term as the group writes it can be read as a name rather than a piece of a
/// clause or an amount: no word carries a possessive pronoun («إصابتهم بأمراض», «ترامب
/// قراره»), a phrase does not start with a verb («وأظهرت صور», «تراجعت الليرة», «تتخذ
/// خطوات») or an adjective of degree («أكبر حملة») nor goes on into one («الدار ويحتجز»,
/// «أعمال صيني بالحبس»), and no word is a currency or a multiplier («مليار دولار», «دولار
/// للأوقية»).
fn reads_as_a_name(written: &str) -> bool {
    let words: Vec<&str> = written.split(' ').collect();
    let letters = |w: &str| w.chars().count();
    let long_vowel_third = |w: &str| matches!(w.chars().nth(2), Some('ي' | 'و'));
    // Tested as written: «ة» is no pronoun, «وأ» is a conjunction before a verb where «وا»
    // may begin a name («واشنطن بوست»).
    let pronoun = |w: &str| {
        letters(w) >= 5 && ["هم", "هما", "هن", "كم", "ها", "ه"].iter().any(|e| w.ends_with(e))
    };
    let conjunction_and_verb = |w: &str| {
        let mut chars = w.chars();
        letters(w) >= 5
            && matches!(chars.next(), Some('و' | 'ف'))
            && matches!(chars.next(), Some('أ' | 'ت' | 'ي' | 'ن'))
    };
    let present = |w: &str| letters(w) >= 4 && (w.starts_with("يت") || w.starts_with("تت"));
    let verb = |w: &str| {
        // A past verb of the third person feminine («هبطت أسعار», «تراجعت الليرة»): of four
        // letters without a long vowel third («غريت ميلز») or before its subject, and not a
        // plural («ات»), a word with the article or a name («روبرت مولر»).
        let past = letters(w) >= 4
            && w.ends_with('ت')
            && !w.ends_with("ات")
            && !w.starts_with("ال")
            && ((letters(w) == 4 && !long_vowel_third(w))
                || words.get(1).is_some_and(|next| next.starts_with("ال")));
        conjunction_and_verb(w) || past || present(w)
    };
    // After the first word, a verb or a preposition with the article ends a clause the name
    // was cut from («الدار ويحتجز», «إيمان مطلق تتحدث», «أعمال صيني بالحبس»).
    let clause_goes_on =
        |w: &str| conjunction_and_verb(w) || present(w) || normalize(w).starts_with("بال");
    let amount = |w: &str| AMOUNT_WORDS.contains(&normalize(w).as_str());
    let clause = words.len() > 1
        && (verb(words[0])
            || ELATIVES.contains(&normalize(words[0]).as_str())
            || words[1..].iter().any(|w| clause_goes_on(w)));
    // As the group writes it an adjective may stand where the collection writes a name of
    // one stem («التونسي» for «تونس»).
    !clause && !is_adjective(words[0]) && !words.iter().any(|w| pronoun(w) || amount(w))
}

/// Adjectives of degree, normalised: a phrase led by one («أكبر حملة», «أعلى مستوى») is a
/// description, not a name.
const ELATIVES: &[&str] = &[
    "اكبر", "اصغر", "اعلي", "ادني", "افضل", "اسوا", "اكثر", "اقل", "احدث", "اقدم", "اهم", "ابرز",
    "اشد", "اوسع", "اطول", "اقوى", "اول", "اخر", "اخير",
];

/// Words of amounts and currencies, normalised: a theme named by one is about a figure.
const AMOUNT_WORDS: &[&str] = &[
    "مليار",
    "مليارات",
    "مليون",
    "ملايين",
    "الف",
    "الاف",
    "دولار",
    "دولارا",
    "دولارات",
    "بالدولار",
    "ريال",
    "يورو",
    "جنيه",
    "درهم",
    "دينار",
    "للاوقيه",
    "برميل",
];

/// The words of a group's articles (the first [`LABEL_ARTICLES`]), read once for its label.
struct GroupText {
    /// Each paragraph's words.
    paragraphs: Vec<Vec<GroupWord>>,
    /// The stems of each article's headline words (none for an article without a title).
    headlines: Vec<Vec<String>>,
}

/// A word of a group's text.
struct GroupWord {
    /// As written, without harakat.
    plain: String,
    /// Normalised.
    norm: String,
    /// Its stem, worked out when it is first asked for.
    stem: std::cell::OnceCell<String>,
    /// Whether a single space is all that stands between it and the word before it.
    spaced: bool,
}

impl GroupWord {
    /// Whether the word's stem is `stem` (a quick test first: a stem is inside its words).
    fn has_stem(&self, stem: &str) -> bool {
        self.norm.contains(stem) && self.stem.get_or_init(|| crate::text::stem(&self.norm)) == stem
    }

    /// Whether it is a word of content: no stop word, no number.
    fn is_content(&self) -> bool {
        !is_stop_word(&self.norm) && !self.norm.chars().any(|c| c.is_ascii_digit())
    }
}

impl GroupText {
    /// The words of the group's articles in `corpus`.
    fn of(corpus: &Corpus, group: &[u32]) -> GroupText {
        let mut paragraphs = Vec::new();
        let mut headlines = Vec::new();
        for &a in group.iter().take(LABEL_ARTICLES) {
            let document = &corpus.documents[a as usize];
            let title = document.paragraphs.iter().find(|p| p.role == Role::Title);
            headlines.push(title.map_or_else(Vec::new, |title| headline_stems(&title.text)));
            for paragraph in &document.paragraphs {
                let text = &paragraph.text;
                let mut previous_end: Option<usize> = None;
                let words = word_ranges(text)
                    .into_iter()
                    .map(|range| {
                        let spaced = previous_end.is_some_and(|end| &text[end..range.start] == " ");
                        previous_end = Some(range.end);
                        let written = &text[range];
                        GroupWord {
                            plain: written
                                .chars()
                                .filter(|&c| normalize_char(c).is_some())
                                .collect(),
                            norm: normalize(written),
                            stem: std::cell::OnceCell::new(),
                            spaced,
                        }
                    })
                    .collect();
                paragraphs.push(words);
            }
        }
        GroupText { paragraphs, headlines }
    }

    /// Whether a name's first word is a preposition joined to a word the group writes alone
    /// too («بقتل فلسطيني»: «قتل»): a piece of a clause, not a name («بريطانيا», «لبنان»).
    fn opens_with_preposition(&self, name: &str) -> bool {
        let first = normalize(name.split(' ').next().unwrap_or_default());
        let mut chars = first.chars();
        if !matches!(chars.next(), Some('ل' | 'ب' | 'ك')) || first.starts_with("ال") {
            return false;
        }
        let rest = chars.as_str();
        rest.chars().count() >= 3 && self.writes_word(rest)
    }

    /// Whether the group writes the word `norm` (normalised) on its own.
    fn writes_word(&self, norm: &str) -> bool {
        self.paragraphs.iter().flatten().any(|w| w.norm == norm)
    }

    /// The share of the articles read whose headline writes every one of `stems`.
    fn headline_share(&self, stems: &[&str]) -> f64 {
        if self.headlines.is_empty() {
            return 0.0;
        }
        let writes = |headline: &Vec<String>| stems.iter().all(|s| headline.iter().any(|h| h == s));
        self.headlines.iter().filter(|h| writes(h)).count() as f64 / self.headlines.len() as f64
    }

    /// The runs of `n` words in a row with single spaces between them, with the paragraph
    /// they are in and where.
    fn runs(&self, n: usize) -> impl Iterator<Item = (&[GroupWord], usize, &[GroupWord])> + '_ {
        self.paragraphs.iter().flat_map(move |words| {
            (0..words.len().saturating_sub(n - 1))
                .map(move |i| (&words[i..i + n], i, words.as_slice()))
                .filter(|(run, _, _)| run[1..].iter().all(|w| w.spaced))
        })
    }

    /// How often the text writes the words whose stems are `stems` in a row, by how it writes
    /// them.
    fn written(&self, stems: &[&str]) -> HashMap<String, u32> {
        let mut counts: HashMap<String, u32> = HashMap::default();
        for (run, _, _) in self.runs(stems.len()) {
            if run.iter().zip(stems).all(|(w, stem)| w.has_stem(stem)) {
                let plain: Vec<&str> = run.iter().map(|w| w.plain.as_str()).collect();
                *counts.entry(plain.join(" ")).or_insert(0) += 1;
            }
        }
        counts
    }

    /// How often the text writes the words `wanted` (normalised) in a row, and the content
    /// words written right before and after them (as written, without harakat).
    fn neighbours(&self, wanted: &[String]) -> (u32, HashMap<String, u32>, HashMap<String, u32>) {
        let (mut found, mut before, mut after) = (0, HashMap::default(), HashMap::default());
        for (run, i, words) in self.runs(wanted.len()) {
            if !run.iter().zip(wanted).all(|(w, want)| w.norm == *want) {
                continue;
            }
            found += 1;
            if let Some(prev) =
                i.checked_sub(1).map(|j| &words[j]).filter(|p| run[0].spaced && p.is_content())
            {
                *before.entry(prev.plain.clone()).or_insert(0) += 1;
            }
            if let Some(next) = words.get(i + wanted.len()).filter(|n| n.spaced && n.is_content()) {
                *after.entry(next.plain.clone()).or_insert(0) += 1;
            }
        }
        (found, before, after)
    }
}

/// The stems of a headline's words of content.
fn headline_stems(title: &str) -> Vec<String> {
    let mut stems: Vec<String> = word_ranges(title)
        .into_iter()
        .map(|range| normalize(&title[range]))
        .filter(|norm| !norm.is_empty() && !is_stop_word(norm))
        .map(|norm| crate::text::stem(&norm))
        .collect();
    stems.sort_unstable();
    stems.dedup();
    stems
}

/// How the group's articles most often write the words of `stems` in a row, if they do,
/// a clitic left off where the form without it is written too.
fn most_written(stems: &[&str], text: &GroupText) -> Option<String> {
    let counts = text.written(stems);
    let prefixed = |w: &str| {
        let mut chars = w.chars();
        matches!(chars.next(), Some('و' | 'ف' | 'ب' | 'ل' | 'ك'))
            && counts.contains_key(chars.as_str())
    };
    let rank = |(w, n): (&String, &u32)| (!prefixed(w), *n, std::cmp::Reverse(w.clone()));
    counts.iter().max_by_key(|&entry| rank(entry)).map(|(written, _)| without_clitic(written))
}

/// A name without the preposition or conjunction its first word was written with («لكرة
/// القدم» is «كرة القدم», «وحقوق الإنسان» «حقوق الإنسان»): a preposition where the group writes
/// the name without it too, a conjunction where it writes the word alone.
fn without_preposition(name: String, text: &GroupText) -> String {
    let mut chars = name.chars();
    let Some(clitic @ ('ل' | 'ب' | 'ك' | 'و' | 'ف')) = chars.next() else { return name };
    let rest = chars.as_str();
    let first = rest.split(' ').next().unwrap_or_default();
    if name.starts_with("ال") || first.chars().count() < 3 {
        return name;
    }
    let written = if matches!(clitic, 'و' | 'ف') {
        text.writes_word(&normalize(first))
    } else {
        let wanted: Vec<String> = rest.split(' ').map(normalize).collect();
        text.neighbours(&wanted).0 > 0
    };
    if written { rest.to_string() } else { name }
}

/// Whether two names share a word.
fn shares_a_word(a: &str, b: &str) -> bool {
    let words =
        |t: &str| t.split([' ', '،']).filter(|w| !w.is_empty()).map(normalize).collect::<Vec<_>>();
    let (a, b) = (words(a), words(b));
    a.iter().any(|w| b.contains(w))
}

/// A name without the clitic its first word was written with where it was found: «بالاتحاد
/// الأوروبي» is «الاتحاد الأوروبي», «للجامعة العربية» «الجامعة العربية».
fn without_clitic(text: &str) -> String {
    for (clitic, article) in
        [("وال", "ال"), ("بال", "ال"), ("فال", "ال"), ("كال", "ال"), ("لل", "ال")]
    {
        if let Some(rest) = text.strip_prefix(clitic)
            && rest.split(' ').next().is_some_and(|w| w.chars().count() >= 2)
        {
            return format!("{article}{rest}");
        }
    }
    text.to_string()
}

/// Whether term `outer` is a phrase holding word `inner`.
fn holds(index: &LinkIndex, outer: TermId, inner: TermId) -> bool {
    index.phrase_words(outer).is_some_and(|(a, b)| a == inner || b == inner)
}

/// Whether a word as written is an adjective of relation with the article («الأمريكية»,
/// «الروسي», «العسكرية»): «ال», then a stem, then «ي», «ية» or their plurals. Names of that
/// shape («الحوثي») are lost with them; the phrase that holds them names the theme instead.
fn is_adjective(text: &str) -> bool {
    let word = normalize(text);
    let bare = word.strip_prefix("وال").or_else(|| word.strip_prefix("ال"));
    bare.is_some_and(|stem| {
        stem.chars().count() >= 3
            && ["ي", "يه", "يون", "يين", "يات"].iter().any(|end| stem.ends_with(end))
    })
}

/// For each article, the range of the link index's paragraphs that are its own.
fn paragraphs_by_article(index: &LinkIndex, articles: usize) -> Vec<std::ops::Range<usize>> {
    let mut ranges = vec![0..0; articles];
    let mut i = 0;
    while i < index.paragraphs() {
        let article = index.paragraph(i).0.0 as usize;
        let start = i;
        while i < index.paragraphs() && index.paragraph(i).0.0 as usize == article {
            i += 1;
        }
        ranges[article] = start..i;
    }
    ranges
}

/// The passages of a theme: the paragraphs of its articles that carry its terms, each as
/// strongly as its weights of them add up to.
fn passages(
    index: &LinkIndex,
    paragraphs: &[std::ops::Range<usize>],
    group: &[u32],
    terms: &[ThemeTerm],
) -> Vec<Passage> {
    let wanted: Vec<TermId> = terms.iter().map(|t| t.term).collect();
    let mut passages = Vec::new();
    for &a in group {
        for i in paragraphs[a as usize].clone() {
            let ((document, paragraph), weights) = index.paragraph(i);
            let strength: f32 = weights.filter(|(t, _)| wanted.contains(t)).map(|(_, w)| w).sum();
            if strength > 0.0 {
                passages.push(Passage {
                    document: document as usize,
                    paragraph: paragraph as usize,
                    strength: f64::from(strength),
                });
            }
        }
    }
    passages.sort_by_key(|p| (p.document, p.paragraph));
    normalise_strengths(&mut passages);
    passages
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An undirected graph from its edges.
    fn graph(n: usize, edges: &[(usize, usize, f64)]) -> Vec<Vec<(usize, f64)>> {
        let mut lists = vec![Vec::new(); n];
        for &(a, b, w) in edges {
            lists[a].push((b, w));
            lists[b].push((a, w));
        }
        lists
    }

    #[test]
    fn louvain_finds_two_cliques_joined_by_one_edge() {
        let mut edges = Vec::new();
        for (a, b) in [(0, 1), (0, 2), (1, 2), (3, 4), (3, 5), (4, 5)] {
            edges.push((a, b, 1.0));
        }
        edges.push((2, 3, 0.1));
        let membership = louvain(graph(7, &edges));
        assert_eq!(membership[0], membership[1]);
        assert_eq!(membership[1], membership[2]);
        assert_eq!(membership[3], membership[5]);
        assert_ne!(membership[0], membership[3]);
        assert!(membership[6] != membership[0] && membership[6] != membership[3], "alone");
    }

    #[test]
    fn an_article_alike_to_none_of_its_group_is_left_out() {
        // Two reports of one hurricane and a report of a quake that shares some words with
        // them («وقال المركز», «المحيط», «كيلومترا»): the quake is no part of the story.
        let article = |name: &str, title: &str, paragraphs: &[&str]| {
            let text = format!("{title}\n\n{}", paragraphs.join("\n\n"));
            crate::corpus::parse_document(name, &text, false)
        };
        // The built-in articles beside them, so that common words weigh little.
        let mut documents = Corpus::builtin().documents;
        let first = documents.len() as u32;
        documents.extend([
            article(
                "hurricane-1.txt",
                "الإعصار باد يشتد ويهدد سواحل المكسيك",
                &[
                    "اشتد الإعصار باد في المحيط الهادي وبات يهدد سواحل المكسيك الغربية، بحسب المركز الوطني للأعاصير في الولايات المتحدة.",
                    "وقال المركز إن رياح الإعصار تبلغ سرعتها مئة وستين كيلومترا في الساعة، وإنه يتحرك نحو الشمال الغربي ببطء.",
                    "ودعت السلطات المكسيكية سكان الساحل إلى الابتعاد عن الشواطئ، وأغلقت الموانئ أمام قوارب الصيد.",
                ],
            ),
            article(
                "hurricane-2.txt",
                "الإعصار باد يقترب من الساحل المكسيكي",
                &[
                    "يقترب الإعصار باد من المكسيك، وتتوقع الأرصاد أمطارا غزيرة وفيضانات وانزلاقات للتربة في ولايات الجنوب.",
                    "وفتحت البلديات ملاجئ لمئات العائلات، وأجلت الحكومة المكسيكية السياح من فنادق أكابولكو.",
                    "ويخشى المزارعون أن تغرق الأمطار محاصيل البن والذرة، كما غرقت قبل عامين حين ضرب الإعصار السابق.",
                ],
            ),
            article(
                "quake.txt",
                "زلزال قوي قبالة سومطرة",
                &[
                    "ضرب زلزال بقوة ست درجات قبالة جزيرة سومطرة الإندونيسية فجر اليوم.",
                    "وقال المركز إن الزلزال وقع على عمق عشرة كيلومترات في المحيط جنوب غرب الجزيرة.",
                    "ولم ترد أنباء عن أضرار أو إصابات، ولم يصدر تحذير من موجات مد عاتية.",
                    "وتقع إندونيسيا على حزام النار، حيث تلتقي الصفائح التكتونية وتكثر الهزات والبراكين.",
                    "وشعر أهالي مدينة بادانغ بالهزة، وخرج بعضهم من منازلهم إلى الشوارع خوفا من هزات ارتدادية.",
                    "وكان زلزال عنيف قد ضرب جزيرة لومبوك قبل أسابيع وأودى بحياة المئات ودمر آلاف المنازل.",
                ],
            ),
        ]);
        let corpus = Corpus { documents, warnings: vec![] };
        let prepared = super::super::prepare::Prepared::new(&corpus);
        let formulae = super::super::links::Formulae::new(&prepared.vocabulary);
        let index = LinkIndex::new(&corpus, prepared.documents, &prepared.vocabulary, &formulae);
        let mut group = vec![first, first + 1, first + 2];
        keep_the_alike(&mut group, &index);
        assert_eq!(group, [first, first + 1]);
    }

    #[test]
    fn two_themes_never_share_a_label() {
        let theme = |label: &str, terms: &[&str]| Theme {
            id: String::new(),
            label: label.to_string(),
            label_en: None,
            terms: terms.iter().map(|t| t.to_string()).collect(),
            passages: Vec::new(),
        };
        let mut themes = vec![
            theme("ميليشيات الحوثي", &["ميليشيات الحوثي", "الحديدة"]),
            theme("ميليشيات الحوثي", &["ميليشيات الحوثي", "الحوثي", "مطار صنعاء"]),
            theme("ميليشيات الحوثي", &["ميليشيات الحوثي"]),
        ];
        tell_apart(&mut themes);
        let labels: Vec<&str> = themes.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels,
            ["ميليشيات الحوثي", "ميليشيات الحوثي، مطار صنعاء", "ميليشيات الحوثي (3)"]
        );
    }

    #[test]
    fn clauses_do_not_read_as_names() {
        for clause in [
            "وأظهرت صور",
            "وتستمر الزيارة",
            "إصابتهم بأمراض",
            "موقعها الإلكتروني",
            "تراجعت الليرة التركية",
            "تتخذ خطوات",
            "ترامب قراره",
            "مليار دولار",
            "أكبر حملة",
            "أعلى مستوى",
            "الدار ويحتجز",
            "إيمان مطلق تتحدث",
            "أعمال صيني بالحبس",
            "التونسي",
        ] {
            assert!(!reads_as_a_name(clause), "{clause}");
        }
        for name in ["روبرت مولر", "ولي العهد السعودي", "واشنطن بوست", "غريت ميلز", "وزارة الصحة"]
        {
            assert!(reads_as_a_name(name), "{name}");
        }
    }

    #[test]
    fn adjectives_of_relation_cannot_name_a_theme() {
        for word in ["الأمريكية", "الروسي", "العسكرية", "والإيرانية", "السوريين"]
        {
            assert!(is_adjective(word), "{word}");
        }
        for word in ["سوريا", "الانتخابات", "ترامب", "الغوطة", "عفرين"]
        {
            assert!(!is_adjective(word), "{word}");
        }
    }
}
