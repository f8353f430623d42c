//! The sentences that are never key points: whatever their words, a reader would not put
//! them on a slide. A question (the article asks, it does not say), a sentence about the
//! article itself («هذا المقال يوضح…»), a fragment of under seven words, a piece of a
//! quotation that starts inside the quotation or a quotation standing without its speaker, a
//! line of hashtags, a caption, a subheading or headline set as a paragraph of its own, and a
//! sentence that only announces what follows («… من خلال:»).

use std::ops::Range;

use crate::text::normalize;

/// The fewest words a key point has.
pub const MIN_WORDS: usize = 7;
/// The most words of a paragraph without closing punctuation that is a subheading or a
/// headline rather than a statement.
const MAX_HEADLINE_WORDS: usize = 16;

/// Why a sentence is not a key point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// It asks a question.
    Question,
    /// It speaks of the article itself.
    AboutTheArticle,
    /// It has fewer than [`MIN_WORDS`] words.
    Fragment,
    /// It is a piece of a quotation, or a quotation without its speaker.
    QuotationPiece,
    /// It is mostly hashtags.
    Hashtags,
    /// It is a photo caption.
    Caption,
    /// It is a subheading or a headline set as a paragraph of its own.
    Headline,
    /// It announces what follows and ends with a colon («… من خلال:»).
    Announcement,
}

/// Words that open a question, normalised, after an optional «و» or «ف» or «لكن» (not «ألا»
/// nor «لم», which normalise to «إلا» and the negation).
const QUESTION_WORDS: &[&str] = &["هل", "لماذا", "ماذا", "كيف", "متي", "اين", "اليس", "ايهما"];
/// Phrases of a sentence about the article itself, normalised.
const ABOUT_THE_ARTICLE: &[&str] = &[
    "هذا المقال",
    "هذه المقاله",
    "في هذا التقرير",
    "هذا التقرير يستعرض",
    "يستعرض هذا",
    "يتناول هذا",
    "يسلط هذا",
    "نستعرض",
    "سنستعرض",
    "نسلط الضوء",
    "سنتناول",
    "نتناول في",
    "في السطور التاليه",
    "في السطور القادمه",
    "اليكم",
];
/// Words one of which every phrase of [`ABOUT_THE_ARTICLE`] holds, as written (with their
/// hamza and alef forms).
const ABOUT_ANCHORS: &[&str] = &[
    "هذا",
    "هذه",
    "تقرير",
    "نستعرض",
    "نسلط",
    "نتناول",
    "سنتناول",
    "يستعرض",
    "يتناول",
    "يسلط",
    "السطور",
    "إليكم",
    "اليكم",
    "سنستعرض",
];
/// The words that start a caption, normalised.
const CAPTION_STARTS: &[&str] = &["صوره:", "الصوره:", "صوره -", "صوره ارشيفيه", "في الصوره"];
/// Opening quotation marks.
const OPENING_QUOTES: &[char] = &['"', '«', '“', '„'];
/// Closing quotation marks and brackets that end a sentence after its punctuation.
const CLOSERS: &[char] = &['"', '»', '”', '\'', ')', ']', ' '];

/// Why the sentence at `range` of `paragraph` (whose statement starts at `start`, after any
/// dateline or list number, with `words` words from there, and which starts inside a
/// quotation when `quoted`: see [`Quotes`]) is never a key point, if it is not one.
pub fn refusal(
    paragraph: &str,
    range: &Range<usize>,
    start: usize,
    words: usize,
    quoted: bool,
) -> Option<Refusal> {
    let sentence = &paragraph[start..range.end];
    // Its first words and, when it holds one of their anchors, the sentence, normalised: most
    // sentences need neither whole.
    let opening = normalize(first_words(sentence, 3));
    let about = ABOUT_ANCHORS.iter().any(|a| sentence.contains(a));
    let ends = sentence.trim_end_matches(CLOSERS);
    if ends.ends_with(['?', '؟']) || opens_a_question(&opening) {
        return Some(Refusal::Question);
    }
    if words < MIN_WORDS {
        return Some(Refusal::Fragment);
    }
    let hashtags = sentence.split_whitespace().filter(|w| w.starts_with('#')).count();
    if 2 * hashtags > words {
        return Some(Refusal::Hashtags);
    }
    if about && {
        let folded = normalize(sentence);
        ABOUT_THE_ARTICLE.iter().any(|phrase| contains_words(&folded, phrase))
    } {
        return Some(Refusal::AboutTheArticle);
    }
    if CAPTION_STARTS.iter().any(|c| opening.starts_with(c)) {
        return Some(Refusal::Caption);
    }
    if ends.ends_with([':', '：']) {
        return Some(Refusal::Announcement);
    }
    let whole_paragraph = range.start == 0 && range.end == paragraph.trim_end().len();
    let punctuated = ends.ends_with(['.', '!', '…', ':', '؛', ';']);
    if whole_paragraph && !punctuated && words <= MAX_HEADLINE_WORDS {
        return Some(Refusal::Headline);
    }
    if quoted || is_bare_quotation(sentence) {
        return Some(Refusal::QuotationPiece);
    }
    None
}

/// The first `n` words of a text.
fn first_words(text: &str, n: usize) -> &str {
    let end = text
        .char_indices()
        .filter(|&(_, c)| c.is_whitespace())
        .nth(n - 1)
        .map_or(text.len(), |(i, _)| i);
    &text[..end]
}

/// Whether a normalised sentence opens with a question word («هل», «لماذا», «فكيف»,
/// «ولكن ماذا»).
fn opens_a_question(folded: &str) -> bool {
    let mut words = folded.split_whitespace();
    let mut first = words.next().unwrap_or("");
    if matches!(first, "لكن" | "ولكن") {
        first = words.next().unwrap_or("");
    }
    let bare = first.strip_prefix(['و', 'ف']).filter(|rest| rest.chars().count() >= 2);
    [Some(first), bare].into_iter().flatten().any(|w| QUESTION_WORDS.contains(&w))
}

/// Whether `phrase` occurs in `text` as whole words.
fn contains_words(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Which quotations a paragraph leaves open before each of its sentences, read once from its
/// start: an odd number of straight quotes, or more opening marks than closing ones, counted
/// only for the marks the whole paragraph balances (a stray quote says nothing).
pub struct Quotes<'p> {
    paragraph: &'p str,
    balanced: [bool; 3],
    counted_to: usize,
    counts: [usize; 5],
}

impl<'p> Quotes<'p> {
    /// The quotation marks of `paragraph`, none counted yet.
    pub fn new(paragraph: &'p str) -> Quotes<'p> {
        let count = |c: char| paragraph.matches(c).count();
        let balanced = [count('"') % 2 == 0, count('«') == count('»'), count('“') == count('”')];
        Quotes { paragraph, balanced, counted_to: 0, counts: [0; 5] }
    }

    /// Whether a quotation is open at byte `offset`; offsets must come in order.
    pub fn open_at(&mut self, offset: usize) -> bool {
        for c in self.paragraph[self.counted_to.min(offset)..offset].chars() {
            if let Some(k) = ['"', '«', '»', '“', '”'].iter().position(|&q| q == c) {
                self.counts[k] += 1;
            }
        }
        self.counted_to = self.counted_to.max(offset);
        let [straight, open, close, curly_open, curly_close] = self.counts;
        (self.balanced[0] && straight % 2 == 1)
            || (self.balanced[1] && open > close)
            || (self.balanced[2] && curly_open > curly_close)
    }
}

/// Whether a sentence is a quotation standing alone, its speaker not named: it opens with a
/// quotation mark and the quotation closes only at its end.
fn is_bare_quotation(sentence: &str) -> bool {
    let sentence = sentence.trim();
    let Some(open) = sentence.chars().next().filter(|c| OPENING_QUOTES.contains(c)) else {
        return false;
    };
    let close = match open {
        '«' => '»',
        '“' => '”',
        other => other,
    };
    let inner = &sentence[open.len_utf8()..];
    match inner.find(close) {
        None => true,
        Some(at) => {
            inner[at + close.len_utf8()..].trim_matches(|c: char| !c.is_alphanumeric()).is_empty()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phrase_about_the_article_holds_an_anchor() {
        // The anchors let most sentences skip the phrases: none may be left without one.
        for phrase in ABOUT_THE_ARTICLE {
            assert!(ABOUT_ANCHORS.iter().any(|a| phrase.contains(&normalize(a))), "{phrase}");
        }
    }

    fn why(paragraph: &str) -> Option<Refusal> {
        let words = paragraph.split_whitespace().count();
        refusal(paragraph, &(0..paragraph.len()), 0, words, false)
    }

    /// Why a sentence of a paragraph is refused, its quotations counted from the paragraph's
    /// start.
    fn why_in(paragraph: &str, range: std::ops::Range<usize>, words: usize) -> Option<Refusal> {
        let quoted = Quotes::new(paragraph).open_at(range.start);
        refusal(paragraph, &range, range.start, words, quoted)
    }

    #[test]
    fn questions_are_refused_with_or_without_their_mark() {
        assert_eq!(
            why("فهل يمكن للمجتمع الدولي أن يبني جبهة موحدة وفعالة لمواجهة هذه الظاهرة؟"),
            Some(Refusal::Question)
        );
        assert_eq!(
            why("لكن ماذا حدث ليخرج المارد من البازار الكبير الذي يمثل طبقة التجار."),
            Some(Refusal::Question)
        );
        assert_eq!(why("1- لماذا سعى #لبنان لعقد \"سيدر\"؟"), Some(Refusal::Question));
        assert_eq!(why("وقال الوزير إن الحكومة ستعلن خطتها الجديدة الأسبوع المقبل."), None);
    }

    #[test]
    fn sentences_about_the_article_fragments_and_hashtags_are_refused() {
        assert_eq!(
            why(
                "هذا المقال يوضح الأبعاد المختلفة لهذا التحالف العالمي، ويسلط الضوء على استراتيجياته."
            ),
            Some(Refusal::AboutTheArticle)
        );
        assert_eq!(why("هذه هي الترجمة الصحيحة للإسلام."), Some(Refusal::Fragment));
        assert_eq!(
            why("لا تزال هناك تحديات كبيرة تتطلب استمرار الجهود والابتكار من خلال:"),
            Some(Refusal::Announcement)
        );
        assert_eq!(
            why("#السعودية #رؤية_2030 #نيوم #الرياض #جدة #مكة #المدينة"),
            Some(Refusal::Hashtags)
        );
        assert_eq!(
            why("وقالت إن المقالات التي نشرتها الصحيفة عن الحكومة كانت دقيقة."),
            None,
            "«المقالات» is not «هذا المقال»"
        );
    }

    #[test]
    fn headlines_set_as_paragraphs_are_refused() {
        assert_eq!(
            why("ليبرمان: تدمير \"المفاعل النووي السوري\" عام 2007 درس للمنطقة"),
            Some(Refusal::Headline)
        );
        assert_eq!(
            why("مقاتلات إسرائيلية \"تقصف موقعا عسكريا\" في سوريا بعد منتصف الليل"),
            Some(Refusal::Headline)
        );
    }

    #[test]
    fn pieces_of_quotations_are_refused() {
        let paragraph = "وقال الشيخ: \"الإسلام دين سلام ومحبة بين الناس جميعا. هذه هي الترجمة الصحيحة للإسلام التي نعرفها جميعا.\"";
        let second = paragraph.find("هذه").unwrap()..paragraph.len();
        assert_eq!(why_in(paragraph, second.clone(), 9), Some(Refusal::QuotationPiece));
        let first = 0..second.start - 1;
        assert_eq!(why_in(paragraph, first, 9), None, "the speaker is named");
        let stray = "وقال إن \"المدينة هادئة. وأكدت الشرطة أن الطرق فتحت أمام السيارات صباح اليوم.";
        let after = stray.find("وأكدت").unwrap()..stray.len();
        assert_eq!(why_in(stray, after, 10), None, "a stray quote opens nothing");
        assert_eq!(
            why("\"لم تكن تلك هي المرة الأولى التي تتعطل فيها بطاقتي الذكية لفتح الأبواب\"."),
            Some(Refusal::QuotationPiece)
        );
        assert_eq!(
            why("\"الوضع صعب جدا في المدينة\" قال مسؤول في الأمم المتحدة أمس."),
            None,
            "the speaker follows the quotation"
        );
    }
}
