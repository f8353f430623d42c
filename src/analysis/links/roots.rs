//! Kinship by roots, the weaker signal beside the words themselves: two paragraphs whose
//! heaviest words differ but share roots («شراكة» and «شركات», «مدارس» and «دراسة») are a
//! little more alike than their cosine says.

use super::vectors::Vectors;
use crate::analysis::prepare::{TermId, Vocabulary};
use crate::analysis::sorted::for_each_match;
use crate::text::root::root;

/// How many of a paragraph's heaviest words are compared by their roots.
const ROOTED_WORDS: usize = 12;
/// A word without a root.
const NO_ROOT: u32 = u32::MAX;

/// For each paragraph, its heaviest words that have a root: (root, word, weight), sorted by
/// root, all in one list.
pub struct Roots {
    starts: Vec<u32>,
    entries: Vec<(u32, TermId, f32)>,
}

impl Roots {
    /// The rooted words of every paragraph of `vectors`, whose words are those of
    /// `vocabulary` (term ids below its length; the others are phrases).
    pub fn new(vectors: &Vectors, vocabulary: &Vocabulary) -> Roots {
        let words = vocabulary.len() as TermId;
        // Each word's root, numbered, from the form the text writes it in.
        let mut numbers: rustc_hash::FxHashMap<String, u32> = Default::default();
        let of_word: Vec<u32> = (0..words)
            .map(|t| match root(vocabulary.display_form(t)) {
                Some(r) => {
                    let next = numbers.len() as u32;
                    *numbers.entry(r).or_insert(next)
                }
                None => NO_ROOT,
            })
            .collect();
        let mut starts = Vec::with_capacity(vectors.len() + 1);
        // Room for every paragraph's full share at once, so that the list never doubles.
        let mut entries = Vec::with_capacity(vectors.len() * ROOTED_WORDS);
        let mut own: Vec<(u32, TermId, f32)> = Vec::new();
        for i in 0..vectors.len() {
            starts.push(entries.len() as u32);
            own.clear();
            own.extend(
                vectors
                    .weights(i)
                    .filter(|&(t, _)| t < words && of_word[t as usize] != NO_ROOT)
                    .map(|(t, w)| (of_word[t as usize], t, w)),
            );
            if own.len() > ROOTED_WORDS {
                own.select_nth_unstable_by(ROOTED_WORDS, |a, b| {
                    b.2.total_cmp(&a.2).then(a.1.cmp(&b.1))
                });
                own.truncate(ROOTED_WORDS);
            }
            own.sort_unstable_by_key(|&(r, t, _)| (r, t));
            entries.extend_from_slice(&own);
        }
        starts.push(entries.len() as u32);
        Roots { starts, entries }
    }

    /// Paragraph `i`'s rooted words.
    fn of(&self, i: usize) -> &[(u32, TermId, f32)] {
        &self.entries[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// What the heaviest words of paragraphs `i` and `j` share by their roots and not as
    /// words: the sum of the products of the weights of two different words of one root,
    /// each word meeting one of the other's at most.
    pub fn kinship(&self, i: usize, j: usize) -> f32 {
        let mut sum = 0.0;
        for_each_match(
            self.of(i),
            self.of(j),
            |e| e.0,
            |e| e.0,
            |x, y| {
                if x.1 != y.1 {
                    sum += x.2 * y.2;
                }
            },
        );
        sum
    }
}
