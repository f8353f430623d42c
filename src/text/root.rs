//! The three-letter root of an Arabic word, found by taking off what Arabic adds to a root:
//! clitics, suffixes of plural, feminine and relation («ات», «ون», «ة», «ية»), the prefixes
//! of derived nouns and verbs («م», «ت», «است»), and the long vowels set inside the root
//! («شراكة» → «شرك», «شركات» → «شرك», «مدارس» → «درس»). It is a weak kinship: words of one
//! root are often about one thing, but not always (شراكة is a partnership, شركات companies), so
//! matching uses it only beside the words themselves. Words whose root cannot be found this
//! way (names, borrowed words, roots of four letters) have none.

use super::{normalize, strip_clitics};

/// Suffixes taken off, longest first.
const SUFFIXES: [&str; 17] = [
    "تهما", "يات", "يون", "يين", "ات", "ون", "ين", "ان", "ية", "يه", "ها", "هم", "نا", "ة", "ه",
    "ي", "ا",
];
/// Prefixes of derived forms taken off, longest first.
const PREFIXES: [&str; 7] = ["است", "مست", "من", "مت", "م", "ت", "ا"];
/// Long vowels and the hamza seat that patterns set inside a root.
const INFIXES: [char; 3] = ['ا', 'و', 'ي'];

/// The root of a word, if it has one of three letters found this way.
pub fn root(word: &str) -> Option<String> {
    let norm = normalize(word);
    let mut letters: Vec<char> = strip_clitics(&norm).chars().collect();
    if letters.iter().any(|c| !super::is_arabic_letter(*c)) {
        return None;
    }
    trim(&mut letters, &SUFFIXES, false);
    trim(&mut letters, &PREFIXES, true);
    // Long vowels inside the word, never its first letter.
    let mut i = 1;
    while letters.len() > 3 && i < letters.len() {
        if INFIXES.contains(&letters[i]) {
            letters.remove(i);
        } else {
            i += 1;
        }
    }
    // A doubled last letter of a short word is one («مهمة» is of م ه م).
    (letters.len() == 3).then(|| letters.into_iter().collect())
}

/// Take off one affix of `affixes` at the word's start (`prefix`) or end while more than
/// three letters remain, once for prefixes and up to twice for suffixes («يات» then «ة»).
fn trim(letters: &mut Vec<char>, affixes: &[&str], prefix: bool) {
    let rounds = if prefix { 1 } else { 2 };
    for _ in 0..rounds {
        let found = affixes.iter().find_map(|affix| {
            let affix: Vec<char> = affix.chars().collect();
            let fits = letters.len() >= affix.len() + 3;
            let at = if prefix { letters.starts_with(&affix) } else { letters.ends_with(&affix) };
            (fits && at).then_some(affix.len())
        });
        let Some(n) = found else { return };
        if prefix {
            letters.drain(..n);
        } else {
            letters.truncate(letters.len() - n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_one_root_meet() {
        for (words, expected) in [
            (&["شراكة", "شركات", "الشراكة", "والشركات"][..], "شرك"),
            (&["مدارس", "دراسة", "مدرسة", "الدراسات"][..], "درس"),
            (&["كتاب", "كاتب", "مكتبة", "الكتب"][..], "كتب"),
            (&["استخدام", "مستخدم"][..], "خدم"),
        ] {
            for word in words {
                assert_eq!(root(word).as_deref(), Some(expected), "{word}");
            }
        }
    }

    #[test]
    fn names_and_long_words_have_no_root() {
        assert_eq!(root("Twitter"), None);
        assert_eq!(root("تلغرام"), None);
        assert_eq!(root("بي"), None);
    }
}
