//! Searching every article of a collection for a word or phrase, the way a reader means it.
//!
//! Both the paragraphs and the query go through [`crate::text::normalize_char`], so harakat,
//! hamza forms, tatweel, ta marbuta, alef maqsura, digit shapes and Latin case do not stop a
//! match, and every run of whitespace becomes one space, so a query's words match whatever
//! spacing the text has. The normalised paragraphs are joined into one string (separated by
//! `\n`, which normalised text never holds) and searched with [`str::match_indices`]; a small
//! map per paragraph turns a hit back into a byte range of the text the user sees. A
//! [`Query`] is the same matching on one short text at a time (a list's filter).

use std::ops::Range;

use crate::corpus::Corpus;
use crate::text::copied;
use crate::text::variants::variants;
use crate::text::{normalize, normalize_char};

/// The most spellings of one query looked for.
const MAX_SPELLINGS: usize = 16;

/// One occurrence of the query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index of the document in [`Corpus::documents`].
    pub document: usize,
    /// Index of the paragraph in the document's `paragraphs`.
    pub paragraph: usize,
    /// Byte range of the match in the paragraph's original text, on char boundaries: from the
    /// first matched character to after the last one and any harakat (or other characters
    /// normalisation drops) directly after it.
    pub range: Range<usize>,
}

/// A query as the search means it: normalised, its words one space apart, and every
/// spelling of them looked for («تلجرام» finds «تليجرام»), as typed and as copied from a
/// shaped screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    /// The normalised query first, then its other spellings.
    spellings: Vec<String>,
}

impl Query {
    /// The query `typed` stands for, in each way it may have been meant (copied from a shaped
    /// screen, see [`copied::readings`]); `None` when it normalises to nothing (spaces,
    /// harakat).
    pub fn new(typed: &str) -> Option<Query> {
        let mut spellings: Vec<String> = Vec::new();
        for reading in copied::readings(typed) {
            let reading = normalize(&reading).split_whitespace().collect::<Vec<_>>().join(" ");
            if reading.is_empty() {
                continue;
            }
            for spelling in variants().spellings(&reading, MAX_SPELLINGS) {
                if !spellings.contains(&spelling) {
                    spellings.push(spelling);
                }
            }
        }
        (!spellings.is_empty()).then_some(Query { spellings })
    }

    /// Whether `text` holds the query, as the search would find it there.
    pub fn is_in(&self, text: &str) -> bool {
        let searched: String = searched_chars(text).map(|(_, c)| c).collect();
        self.spellings.iter().any(|spelling| searched.contains(spelling.as_str()))
    }
}

/// The characters of `text` as the search compares them, each with the byte offset in `text`
/// of the character it comes from: normalised ([`normalize_char`]), and every run of
/// whitespace one space (characters normalising drops do not split a run).
fn searched_chars(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut after_space = false;
    text.char_indices().filter_map(move |(i, c)| {
        let n = normalize_char(c)?;
        let space = n.is_whitespace();
        let repeated = space && after_space;
        after_space = space;
        (!repeated).then_some((i, if space { ' ' } else { n }))
    })
}

/// The normalised text of every paragraph of a corpus, built once, searched many times.
pub struct SearchIndex {
    /// The normalised paragraphs in collection order, each followed by `\n`.
    text: String,
    /// Per paragraph in collection order: where its normalised text starts in `text`, and
    /// where its breakpoints start in `breaks`.
    paragraphs: Vec<(usize, usize)>,
    /// Per document: the index in `paragraphs` of its first paragraph.
    documents: Vec<usize>,
    /// The offset maps of all paragraphs, one after another (see [`Break`]).
    breaks: Vec<Break>,
}

/// A point where the distance between normalised and original offsets changes. From `norm`
/// on (up to the paragraph's next break), normalised byte `norm + k` comes from original byte
/// `orig + k`; both are relative to the paragraph. Each paragraph's map starts with a break
/// at 0 and has one at the end of its normalised text, which maps to the end of the original.
#[derive(Clone, Copy, Debug)]
struct Break {
    norm: u32,
    orig: u32,
}

impl SearchIndex {
    /// Normalise every paragraph of `corpus`, boilerplate included. A paragraph longer than
    /// 4 GiB is left out of the index (its offsets would not fit the map).
    pub fn new(corpus: &Corpus) -> SearchIndex {
        let mut index = SearchIndex {
            text: String::new(),
            paragraphs: Vec::new(),
            documents: Vec::with_capacity(corpus.documents.len()),
            breaks: Vec::new(),
        };
        for document in &corpus.documents {
            index.documents.push(index.paragraphs.len());
            for paragraph in &document.paragraphs {
                index.paragraphs.push((index.text.len(), index.breaks.len()));
                if u32::try_from(paragraph.text.len()).is_ok() {
                    index.push_paragraph(&paragraph.text);
                }
                index.text.push('\n');
            }
        }
        index.text.shrink_to_fit();
        index.paragraphs.shrink_to_fit();
        index.breaks.shrink_to_fit();
        index
    }

    /// Append the normalised form of `original` (at most `u32::MAX` bytes) to `text` and its
    /// offset map to `breaks`.
    fn push_paragraph(&mut self, original: &str) {
        let start = self.text.len();
        // Record a break when the character at original offset `orig`, about to be pushed,
        // lands at a distance from it other than the last break's.
        let mut delta: Option<isize> = None;
        let mut mark = |text: &String, breaks: &mut Vec<Break>, orig: usize| {
            let norm = text.len() - start;
            let d = orig as isize - norm as isize;
            if delta != Some(d) {
                delta = Some(d);
                breaks.push(Break { norm: norm as u32, orig: orig as u32 });
            }
        };
        for (i, n) in searched_chars(original) {
            mark(&self.text, &mut self.breaks, i);
            self.text.push(n);
        }
        // The end of the normalised text maps to the end of the original, past any dropped
        // characters at the end of the paragraph.
        mark(&self.text, &mut self.breaks, original.len());
    }

    /// Every hit of `query` in collection order (document, paragraph, offset); empty when the
    /// query normalises to nothing. Hits in one paragraph do not overlap: the leftmost wins.
    pub fn find(&self, query: &str) -> Vec<Hit> {
        let Some(query) = Query::new(query) else {
            return Vec::new();
        };
        // Hits of every spelling are merged in text order, the leftmost of overlapping ones
        // kept.
        let mut found: Vec<(usize, usize)> = Vec::new();
        for spelling in &query.spellings {
            found.extend(self.text.match_indices(spelling.as_str()).map(|(at, m)| (at, m.len())));
        }
        found.sort_unstable_by_key(|&(at, len)| (at, std::cmp::Reverse(len)));
        let mut end_of_last = 0;
        found.retain(|&(at, len)| {
            let keep = at >= end_of_last;
            if keep {
                end_of_last = at + len;
            }
            keep
        });
        let mut hits = Vec::new();
        // Hits come in order, so the paragraph and document only ever move forward.
        let mut p = 0;
        let mut d = 0;
        for (at, len) in found {
            let matched = &self.text[at..at + len];
            while self.paragraphs.get(p + 1).is_some_and(|&(s, _)| s <= at) {
                p += 1;
            }
            while self.documents.get(d + 1).is_some_and(|&first| first <= p) {
                d += 1;
            }
            let start = at - self.paragraphs[p].0;
            let end = start + matched.len();
            hits.push(Hit {
                document: d,
                paragraph: p - self.documents[d],
                range: self.original(p, start)..self.original(p, end),
            });
        }
        hits
    }

    /// The original offset of normalised offset `norm` (a char boundary, or the end) of
    /// paragraph `p`.
    fn original(&self, p: usize, norm: usize) -> usize {
        let first = self.paragraphs[p].1;
        let last = self.paragraphs.get(p + 1).map_or(self.breaks.len(), |&(_, b)| b);
        let map = &self.breaks[first..last];
        let b = map[map.partition_point(|b| b.norm as usize <= norm) - 1];
        b.orig as usize + (norm - b.norm as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_of_a_word_is_found() {
        let c = corpus(&[
            "حذفت شركة تليجرام آلاف الحسابات، وقالت إدارة تلغرام إنها ستواصل.",
            "وانتشرت الدعوات على فيس بوك وعلى منصة فيسبوك معا.",
        ]);
        let index = SearchIndex::new(&c);
        let words = |query: &str| -> Vec<String> {
            index
                .find(query)
                .iter()
                .map(|h| {
                    c.documents[h.document].paragraphs[h.paragraph].text[h.range.clone()]
                        .to_string()
                })
                .collect()
        };
        assert_eq!(words("تلجرام"), ["تليجرام", "تلغرام"]);
        assert_eq!(words("فيسبوك"), ["فيس بوك", "فيسبوك"]);
        // Copied from a shaped screen: presentation forms, as written or in visual order.
        assert_eq!(words("ﺗﻠﻴﺠﺮﺍﻡ"), ["تليجرام", "تلغرام"]);
        assert_eq!(words("ﻡﺍﺮﺠﻴﻠﺗ"), ["تليجرام", "تلغرام"]);
    }
    use crate::corpus::{Document, Paragraph, Role, parse_document};
    use proptest::prelude::*;

    /// A corpus of plain-text articles.
    fn corpus(texts: &[&str]) -> Corpus {
        let documents = texts.iter().map(|t| parse_document("t.txt", t, false)).collect();
        Corpus { documents, warnings: Vec::new() }
    }

    /// A corpus of one document whose paragraphs are exactly `texts` (no parsing, so no
    /// repair of spacing).
    fn raw(texts: &[&str]) -> Corpus {
        let paragraphs = texts
            .iter()
            .map(|t| Paragraph {
                text: t.to_string(),
                role: Role::Body,
                boilerplate: None,
                sentences: Vec::new(),
                emphasis: Vec::new(),
                form: Default::default(),
            })
            .collect();
        let mut document = parse_document("t.txt", "x", false);
        document.paragraphs = paragraphs;
        Corpus { documents: vec![document], warnings: Vec::new() }
    }

    /// The matched texts as the user sees them.
    fn found<'a>(corpus: &'a Corpus, query: &str) -> Vec<&'a str> {
        SearchIndex::new(corpus)
            .find(query)
            .into_iter()
            .map(|h| &corpus.documents[h.document].paragraphs[h.paragraph].text[h.range])
            .collect()
    }

    #[test]
    fn shadda_does_not_stop_a_match_and_the_range_covers_it() {
        let c = raw(&["وقع الاتّحاد الأوروبي الاتفاق"]);
        assert_eq!(found(&c, "الاتحاد"), ["الاتّحاد"]);
        assert_eq!(found(&c, "الاتّحاد الاوروبي"), ["الاتّحاد الأوروبي"]);
    }

    #[test]
    fn hamza_forms_match_bare_alef() {
        let c = raw(&["تجمع أنصار التنظيم على الشبكة"]);
        assert_eq!(found(&c, "انصار"), ["أنصار"]);
        assert_eq!(found(&c, "أنصار"), ["أنصار"]);
        assert_eq!(found(&c, "علي"), ["على"]);
    }

    #[test]
    fn arabic_indic_and_ascii_digits_match_each_other() {
        let c = raw(&["في عام ٢٠١٧ ميلادي", "في عام 2017 ميلادي"]);
        let index = SearchIndex::new(&c);
        let hits = index.find("٢٠١٧");
        assert_eq!(hits.len(), 2);
        assert_eq!(&c.documents[0].paragraphs[0].text[hits[0].range.clone()], "٢٠١٧");
        assert_eq!(&c.documents[0].paragraphs[1].text[hits[1].range.clone()], "2017");
        assert_eq!(index.find("2017"), hits);
        // The digits are shorter once normalised; what follows them still maps back exactly.
        assert_eq!(found(&c, "ميلادي"), ["ميلادي", "ميلادي"]);
    }

    #[test]
    fn a_word_inside_a_paragraph() {
        let c = corpus(&["العنوان\n\nنشر التنظيم بيانه على قناة في تلجرام مساء أمس."]);
        let hits = SearchIndex::new(&c).find("تلجرام");
        assert_eq!(hits.len(), 1);
        let text = &c.documents[0].paragraphs[hits[0].paragraph].text;
        assert_eq!(&text[hits[0].range.clone()], "تلجرام");
        assert_eq!(hits[0].range.start, text.find("تلجرام").unwrap());
    }

    #[test]
    fn ta_marbuta_and_heh_match_each_other() {
        let c = raw(&["زار المدرسه صباحا", "ثم غادر المدرسة"]);
        assert_eq!(found(&c, "مدرسة"), ["مدرسه", "مدرسة"]);
        assert_eq!(found(&c, "مدرسه"), ["مدرسه", "مدرسة"]);
    }

    #[test]
    fn latin_case_does_not_matter() {
        let c = raw(&["حسابات على Twitter و TWITTER"]);
        assert_eq!(found(&c, "twitter"), ["Twitter", "TWITTER"]);
        // A capital whose lower case is shorter in UTF-8 does not shift later ranges.
        let c = raw(&["ẞ Twitter"]);
        assert_eq!(found(&c, "twitter"), ["Twitter"]);
        assert_eq!(found(&c, "ß"), ["ẞ"]);
    }

    #[test]
    fn hits_come_in_collection_order() {
        let c = corpus(&[
            "العنوان الأول\n\nالإرهاب الرقمي خطر.\n\nومكافحة الارهاب واجب والإرهاب عدو.",
            "العنوان الثاني\n\nيلاحق العراق الإرهاب.",
        ]);
        let hits = SearchIndex::new(&c).find("ارهاب");
        let places: Vec<(usize, usize)> = hits.iter().map(|h| (h.document, h.paragraph)).collect();
        assert_eq!(places, [(0, 1), (0, 2), (0, 2), (1, 1)]);
        assert!(hits[1].range.end <= hits[2].range.start);
        for h in &hits {
            let text = &c.documents[h.document].paragraphs[h.paragraph].text;
            assert_eq!(normalize(&text[h.range.clone()]), "ارهاب");
        }
    }

    #[test]
    fn empty_documents_and_paragraphs_keep_the_numbering() {
        let mut c = raw(&["", "أمن", ""]);
        c.documents.insert(0, Document { paragraphs: Vec::new(), ..c.documents[0].clone() });
        c.documents.push(c.documents[1].clone());
        let hits = SearchIndex::new(&c).find("امن");
        assert_eq!(
            hits,
            [
                Hit { document: 1, paragraph: 1, range: 0..6 },
                Hit { document: 2, paragraph: 1, range: 0..6 },
            ]
        );
    }

    #[test]
    fn a_query_of_only_harakat_or_spaces_finds_nothing() {
        let c = raw(&["كَتَبَ الطالب  الدرس ـ"]);
        let index = SearchIndex::new(&c);
        assert!(index.find("").is_empty());
        assert!(index.find("   ").is_empty());
        assert!(index.find("َ ُ ِ ّ").is_empty());
        assert!(index.find("ـ").is_empty());
        assert!(index.find("\u{200F}").is_empty());
    }

    #[test]
    fn query_words_match_any_run_of_whitespace() {
        let c = raw(&["مكافحة  الإرهاب", "مكافحة\u{a0}\tالإرهاب", "مكافحة الإرهاب"]);
        assert_eq!(
            found(&c, "مكافحة الارهاب"),
            ["مكافحة  الإرهاب", "مكافحة\u{a0}\tالإرهاب", "مكافحة الإرهاب"]
        );
        assert_eq!(found(&c, "  مكافحة   الارهاب "), found(&c, "مكافحة الارهاب"));
        // Dropped characters inside a run of spaces do not split it.
        let c = raw(&["مكافحة \u{200F} الإرهاب"]);
        assert_eq!(found(&c, "مكافحة الارهاب"), ["مكافحة \u{200F} الإرهاب"]);
    }

    #[test]
    fn the_range_ends_after_the_marks_on_the_last_letter() {
        let c = raw(&["في المدرسةِ الكبيرةِ", "كتبَ"]);
        assert_eq!(found(&c, "المدرسة"), ["المدرسةِ"]);
        // At the end of the paragraph too.
        assert_eq!(found(&c, "الكبيرة"), ["الكبيرةِ"]);
        assert_eq!(found(&c, "كتب"), ["كتبَ"]);
        // The range starts at the first letter, not at marks before it.
        assert_eq!(found(&c, "تب"), ["تبَ"]);
    }

    #[test]
    fn overlapping_matches_are_reported_leftmost_first() {
        let c = raw(&["ااااا"]);
        let ranges: Vec<_> = SearchIndex::new(&c).find("اا").into_iter().map(|h| h.range).collect();
        assert_eq!(ranges, [0..4, 4..8]);
    }

    #[test]
    fn boilerplate_is_searched() {
        let c = corpus(&["العنوان\n\nنص المقال هنا.\n\nشارك هذا المقال"]);
        let hits = SearchIndex::new(&c).find("شارك");
        assert_eq!(hits.len(), 1);
        assert!(c.documents[0].paragraphs[hits[0].paragraph].boilerplate.is_some());
    }

    #[test]
    fn built_in_articles() {
        let c = Corpus::builtin();
        let index = SearchIndex::new(&c);
        let hits = index.find("الارهاب");
        assert!(hits.len() > 10);
        assert!(hits.windows(2).all(|w| {
            (w[0].document, w[0].paragraph, w[0].range.start)
                < (w[1].document, w[1].paragraph, w[1].range.start)
        }));
    }

    /// Up to `max` pieces of text mixing letters, marks, dropped controls, digits, odd capitals and whitespace.
    fn hard_text(max: usize) -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "ا", "أ", "إ", "آ", "ب", "ة", "ه", "ى", "ي", "ئ", "\u{64e}", "\u{651}", "\u{650}", "ـ",
            "\u{200f}", "٢", "2", "A", "a", "ẞ", "ß", "İ", " ", "  ", "\u{a0}", "\t",
        ]);
        prop::collection::vec(pieces, 0..max).prop_map(|v| v.concat())
    }

    #[test]
    fn a_query_is_in_a_text_whatever_its_harakat_hamza_and_spelling() {
        let query = |typed: &str| Query::new(typed).unwrap();
        assert!(query("الارهاب").is_in("مكافحة الإرهابِ الرقمي"));
        assert!(query("اسرائيل").is_in("غضب إسرائيل"));
        assert!(query("مدرسة علي").is_in("في المدرسه على"));
        assert!(query("تلجرام").is_in("حسابات على تليجرام"));
        assert!(query("مكافحة   الإرهاب").is_in("مكافحة\u{a0}الارهاب"));
        assert!(query("twitter").is_in("حذفت Twitter"));
        assert!(!query("الارهاب").is_in("الإعلام الرقمي"));
        assert_eq!(Query::new(" \u{64e} "), None, "nothing to look for");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        #[test]
        fn a_query_is_in_a_text_exactly_when_the_search_finds_it_there(
            text in hard_text(40),
            typed in hard_text(6),
        ) {
            let found = !SearchIndex::new(&raw(&[&text])).find(&typed).is_empty();
            prop_assert_eq!(Query::new(&typed).is_some_and(|q| q.is_in(&text)), found);
        }

        #[test]
        fn hits_map_back_to_whole_characters_that_match(
            paragraphs in prop::collection::vec(hard_text(40), 1..4),
            query in hard_text(6),
        ) {
            let texts: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
            let c = raw(&texts);
            let spaced = |s: &str| normalize(s).split_whitespace().collect::<Vec<_>>().join(" ");
            let q = spaced(&query);
            let hits = SearchIndex::new(&c).find(&query);
            for (p, text) in texts.iter().enumerate() {
                let expected = if q.is_empty() { 0 } else { spaced(text).matches(q.as_str()).count() };
                prop_assert_eq!(hits.iter().filter(|h| h.paragraph == p).count(), expected);
            }
            for h in &hits {
                let text = texts[h.paragraph];
                prop_assert!(text.is_char_boundary(h.range.start));
                prop_assert!(text.is_char_boundary(h.range.end));
                let matched = &text[h.range.clone()];
                prop_assert_eq!(spaced(matched), q.clone());
                prop_assert!(normalize_char(matched.chars().next().unwrap()).is_some());
                prop_assert!(text[h.range.end..].chars().next().is_none_or(|c| normalize_char(c).is_some()));
            }
        }
    }
}
