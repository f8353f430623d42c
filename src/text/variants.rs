//! Spellings of one word (`assets/spelling-variants.txt`): «تلجرام» and «تليجرام», «أمريكية»
//! and «أميركية», «فيسبوك» and «فيس بوك». Matching treats them as one by their stems — each
//! spelling's stem stands for the first spelling's, so inflected and prefixed forms
//! («والأميركية») meet too — and search looks for every spelling of a word it is given.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use super::normalize;
use super::stem::light_stem;

/// The table, normalised.
pub struct Variants {
    /// For the stem of each spelling of one word, the stem of the first spelling.
    words: HashMap<String, String>,
    /// For the stems of each two-word spelling, the stem of the first spelling.
    pairs: HashMap<(String, String), String>,
    /// Every group of spellings, normalised, for search.
    groups: Vec<Vec<String>>,
}

/// The stem of a normalised word, for matching: its light stem, or the light stem of its
/// word's first spelling when it is a spelling variant («تليجرام» stands for «تلغرام»).
/// Words that are not Arabic (numbers, Latin) are their own stem.
pub fn stem(word: &str) -> String {
    variants().stem(light_stem(word))
}

/// The spelling variants of `assets/spelling-variants.txt`.
pub fn variants() -> &'static Variants {
    static VARIANTS: OnceLock<Variants> = OnceLock::new();
    VARIANTS.get_or_init(|| Variants::parse(include_str!("../../assets/spelling-variants.txt")))
}

impl Variants {
    /// The table of a file in the format of `assets/spelling-variants.txt`.
    fn parse(text: &str) -> Variants {
        let mut variants =
            Variants { words: HashMap::default(), pairs: HashMap::default(), groups: Vec::new() };
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let group: Vec<String> =
                line.split('|').map(|s| normalize(s.trim())).filter(|s| !s.is_empty()).collect();
            let Some(first) = group.first() else { continue };
            let canonical = light_stem(&first.replace(' ', ""));
            for spelling in &group {
                let words: Vec<&str> = spelling.split(' ').collect();
                match words.as_slice() {
                    [word] => {
                        variants.words.insert(light_stem(word), canonical.clone());
                    }
                    [a, b] => {
                        variants.pairs.insert((light_stem(a), light_stem(b)), canonical.clone());
                    }
                    _ => {}
                }
            }
            variants.groups.push(group);
        }
        variants.words.retain(|from, to| from != to);
        variants
    }

    /// The stem a word's stem stands for: the first spelling's, or itself.
    pub fn stem(&self, stem: String) -> String {
        self.words.get(&stem).cloned().unwrap_or(stem)
    }

    /// Whether a stem is the first word of a spelling written as two words.
    pub fn opens_pair(&self, stem: &str) -> bool {
        self.pairs.keys().any(|(first, _)| first == stem)
    }

    /// The stem two neighbouring words' stems make when they are one word written apart
    /// («فيس» «بوك»), if they are.
    pub fn joined(&self, first: &str, second: &str) -> Option<&str> {
        if self.pairs.is_empty() {
            return None;
        }
        self.pairs.get(&(first.to_string(), second.to_string())).map(String::as_str)
    }

    /// Every spelling of a normalised query: the query itself, and the query with each
    /// spelling it holds as a word (or after a clitic, «والأميركية») replaced by each other
    /// spelling of that word (at most `limit`).
    pub fn spellings(&self, query: &str, limit: usize) -> Vec<String> {
        let mut all = vec![query.to_string()];
        for group in &self.groups {
            let mut more = Vec::new();
            for form in &all {
                for spelling in group.iter() {
                    let Some(at) = word_at(form, spelling) else { continue };
                    for other in group.iter().filter(|o| *o != spelling) {
                        more.push(format!(
                            "{}{other}{}",
                            &form[..at],
                            &form[at + spelling.len()..]
                        ));
                    }
                }
            }
            for form in more {
                if all.len() < limit && !all.contains(&form) {
                    all.push(form);
                }
            }
        }
        all
    }
}

/// Clitics a spelling may follow inside a word of a query, normalised.
const CLITICS: [&str; 12] = ["", "و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "لل", "فال", "كال"];

/// Where `spelling` starts in `text` as a whole word or after a clitic, if it does.
fn word_at(text: &str, spelling: &str) -> Option<usize> {
    text.match_indices(spelling).map(|(i, _)| i).find(|&i| {
        let word_start = text[..i].rfind(' ').map_or(0, |s| s + 1);
        let after = text[i + spelling.len()..].chars().next();
        CLITICS.contains(&&text[word_start..i]) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(word: &str) -> String {
        crate::text::stem(&normalize(word))
    }

    #[test]
    fn spellings_of_one_word_meet() {
        assert_eq!(s("تلجرام"), s("تليجرام"));
        assert_eq!(s("تليجرام"), s("تلغرام"));
        assert_eq!(s("الأمريكية"), s("الأميركية"));
        assert_eq!(s("والأميركية"), s("الأمريكية"));
        assert_eq!(s("كيماوية"), s("كيميائية"));
        assert_eq!(s("إنترنت"), s("انترنت"));
        assert_ne!(s("أمريكية"), s("روسية"));
        let fb = variants().joined(&light_stem("فيس"), &light_stem("بوك"));
        assert_eq!(fb, Some(s("فيسبوك").as_str()));
    }

    #[test]
    fn search_looks_for_every_spelling() {
        let forms = variants().spellings(&normalize("حساب تلجرام"), 16);
        assert!(forms.contains(&normalize("حساب تليجرام")), "{forms:?}");
        assert!(forms.contains(&normalize("حساب تلغرام")), "{forms:?}");
        let facebook = variants().spellings(&normalize("فيسبوك"), 16);
        assert!(facebook.contains(&normalize("فيس بوك")), "{facebook:?}");
        assert_eq!(variants().spellings("حساب", 16), ["حساب"]);
        let prefixed = variants().spellings(&normalize("والأميركية"), 16);
        assert!(prefixed.contains(&normalize("والأمريكية")), "{prefixed:?}");
        assert_eq!(
            variants().spellings(&normalize("مقابلة"), 16).len(),
            1,
            "no spelling inside a word"
        );
    }
}
