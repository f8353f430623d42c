//! Facts and figures: the sentences that carry numbers, with each figure in its context.
//!
//! A figure is a number written in digits (ASCII or Arabic-Indic, «8.4», «٢٠١٧») or in words
//! («ثلاثمائة», «عشرات»), with what makes it readable: a qualifier before it («أكثر من 90»),
//! multipliers and units after it («274 ألف», «80 %», «90 بالمائة», «3.3 في المئة», «1.3
//! تريليون»), and the thing counted («حساب», «دولار»), units that are also stop words
//! included («7 سنوات», «15 كلم»). «ألف», «آلاف» and «العشرات» count on their own. Years stand
//! alone («2017»). A list number opening a paragraph («1. تبادل …») is not a figure, nor is
//! the number of a model («إف-35», «F-16», «ميراج 2000»).

use std::ops::Range;

use super::prepare::{PreparedParagraph, TermId, Vocabulary};
use crate::corpus::Document;
use rustc_hash::FxHashSet as HashSet;

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

use crate::text::sentences::is_alphanumeric;
use crate::text::{normalize, stem};

/// One sentence that carries figures. A collection has a great many, so places are kept as
/// 32-bit numbers (a file is at most 64 MB); they are read as `usize` through its methods.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    paragraph: u32,
    sentence: u32,
    range: Range<u32>,
    figures: Vec<Range<u32>>,
}

impl Fact {
    /// The fact in sentence `sentence` (byte range `range`) of paragraph `paragraph`, with
    /// its figures (byte ranges of the paragraph's text, in order).
    pub fn new(
        paragraph: usize,
        sentence: usize,
        range: Range<usize>,
        figures: &[Range<usize>],
    ) -> Fact {
        Fact {
            paragraph: paragraph as u32,
            sentence: sentence as u32,
            range: narrow(range),
            figures: figures.iter().cloned().map(narrow).collect(),
        }
    }

    /// Paragraph index in the document.
    pub fn paragraph(&self) -> usize {
        self.paragraph as usize
    }

    /// Sentence index in the paragraph.
    pub fn sentence(&self) -> usize {
        self.sentence as usize
    }

    /// Byte range of the sentence in the paragraph's text.
    pub fn range(&self) -> Range<usize> {
        widen(&self.range)
    }

    /// Byte ranges of the figures in the paragraph's text, in order.
    pub fn figures(&self) -> Vec<Range<usize>> {
        self.figures.iter().map(widen).collect()
    }

    /// Whether one of the figures is drawn in a direction the text forces on it, so that it
    /// may be drawn otherwise than it is written («1000» as «0001»): it stands inside a bidi
    /// override left open before it in the paragraph (`paragraph_text`), or a bidi format
    /// character stands among its characters.
    pub fn has_forced_direction(&self, paragraph_text: &str) -> bool {
        self.figures.iter().map(widen).any(|figure| is_direction_forced(paragraph_text, figure))
    }
}

/// What is said of a fact one of whose figures is drawn in a direction the text forces (see
/// [`Fact::has_forced_direction`]).
pub const FORCED_DIRECTION: &str =
    "A direction override may draw a figure otherwise than it is written.";

/// Whether the characters at `range` of `text` stand inside a bidi override (LRO, RLO) that
/// is open at its start, or hold a bidi format character (a mark, an embedding, an override,
/// an isolate or its end).
fn is_direction_forced(text: &str, range: Range<usize>) -> bool {
    let is_isolate = |c: &char| matches!(c, '\u{2066}'..='\u{2068}');
    let mut open: Vec<char> = Vec::new();
    for c in text.get(..range.start).unwrap_or_default().chars() {
        match c {
            '\u{202a}' | '\u{202b}' | '\u{202d}' | '\u{202e}' | '\u{2066}'..='\u{2068}' => {
                open.push(c)
            }
            // PDF closes the last embedding or override, not an isolate.
            '\u{202c}' if open.last().is_some_and(|c| !is_isolate(c)) => {
                open.pop();
            }
            // PDI closes the last isolate and whatever was opened inside it.
            '\u{2069}' => {
                if let Some(at) = open.iter().rposition(is_isolate) {
                    open.truncate(at);
                }
            }
            _ => {}
        }
    }
    let overridden = open.iter().any(|c| matches!(c, '\u{202d}' | '\u{202e}'));
    let formatted = text.get(range).unwrap_or_default().chars().any(|c| {
        matches!(c, '\u{200e}' | '\u{200f}' | '\u{61c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    });
    overridden || formatted
}

/// A byte range of a paragraph as 32-bit numbers.
fn narrow(range: Range<usize>) -> Range<u32> {
    range.start as u32..range.end as u32
}

/// A byte range of a paragraph kept as 32-bit numbers, as `usize`.
fn widen(range: &Range<u32>) -> Range<usize> {
    range.start as usize..range.end as usize
}

/// Numbers written as words.
const NUMBER_WORDS: &[&str] = &[
    "ثلاث",
    "ثلاثة",
    "أربع",
    "أربعة",
    "خمس",
    "خمسة",
    "ستة",
    "سبع",
    "سبعة",
    "ثماني",
    "ثمانية",
    "تسع",
    "تسعة",
    "عشر",
    "عشرة",
    "عشرون",
    "عشرين",
    "ثلاثون",
    "ثلاثين",
    "أربعون",
    "أربعين",
    "خمسون",
    "خمسين",
    "ستون",
    "ستين",
    "سبعون",
    "سبعين",
    "ثمانون",
    "ثمانين",
    "تسعون",
    "تسعين",
    "مائة",
    "مئة",
    "مائتان",
    "مائتين",
    "مئتان",
    "مئتين",
    "ثلاثمائة",
    "أربعمائة",
    "خمسمائة",
    "ستمائة",
    "سبعمائة",
    "ثمانمائة",
    "تسعمائة",
    "عشرات",
    "مئات",
    "آلاف",
    "ألوف",
    "نصف",
    "ربع",
    "ثلث",
];
/// Words that multiply the number before them.
const MULTIPLIERS: &[&str] =
    &["ألف", "ألفا", "ألفين", "آلاف", "مليون", "ملايين", "مليار", "مليارات", "ترليون", "تريليون"];
/// Words that make a number a percentage.
const PERCENT_WORDS: &[&str] = &["بالمائة", "بالمئة", "بالمية"];
/// «في المائة», «في المئة»: the two words after a number that make it a percentage.
const PERCENT_PHRASES: &[(&str, &str)] = &[("في", "المائة"), ("في", "المئة")];
/// Units a number counts that are also stop words or look like them («7 سنوات», «15 كلم»):
/// they stay with the number.
const UNITS: &[&str] = &[
    "سنوات",
    "سنة",
    "سنين",
    "عام",
    "عاما",
    "أعوام",
    "يوم",
    "يوما",
    "أيام",
    "ساعة",
    "ساعات",
    "دقيقة",
    "دقائق",
    "ثانية",
    "ثوان",
    "أسبوع",
    "أسابيع",
    "شهر",
    "شهرا",
    "أشهر",
    "شهور",
    "مرة",
    "مرات",
    "كلم",
    "كم",
    "كيلومتر",
    "كيلومترا",
    "كيلومترات",
    "متر",
    "مترا",
    "أمتار",
    "ميل",
    "طن",
    "أطنان",
    "كغ",
    "كلغ",
    "كيلوغرام",
    "غرام",
    "لتر",
    "برميل",
    "درجة",
    "درجات",
    "نقطة",
];
/// Plural quantities, which count with the article too («العشرات من المتظاهرين»).
const QUANTITIES: &[&str] = &["عشرات", "مئات", "آلاف", "ألوف", "ملايين", "مليارات"];
/// After a month, the words that complete its name («كانون الأول», «تشرين الثاني»).
const MONTH_ORDINALS: &[&str] = &["الأول", "الثاني", "الآخر"];
/// Words that name an aircraft, a missile or another model by a number after them («إف 35»,
/// «سو-35», «ميراج 2000»): that number is a name, not a figure.
const MODEL_WORDS: &[&str] = &[
    "اف",
    "إف",
    "سو",
    "ميغ",
    "ميج",
    "ميراج",
    "تي",
    "بي",
    "يو",
    "إس",
    "اس",
    "كا",
    "مي",
    "ام",
    "إم",
    "جي",
    "سي",
    "توبوليف",
    "إيرباص",
    "بوينغ",
    "بوينج",
    "باتريوت",
    "إتش",
    "أتش",
];
/// Qualifiers before a number (one to four words).
const QUALIFIERS: &[&str] = &[
    "أكثر من",
    "أقل من",
    "أزيد من",
    "ما يقارب",
    "ما يزيد عن",
    "ما يزيد على",
    "نحو",
    "حوالي",
    "قرابة",
    "زهاء",
    "ما لا يقل عن",
];
/// Month names that can follow a day number.
const MONTHS: &[&str] = &[
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "إبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين",
];

/// The word lists, normalised as the text is, built once.
struct Lexicon {
    numbers: HashSet<String>,
    multipliers: HashSet<String>,
    percent: HashSet<String>,
    percent_phrases: Vec<(String, String)>,
    qualifiers: HashSet<String>,
    months: HashSet<String>,
    units: HashSet<String>,
    models: HashSet<String>,
    quantities: HashSet<String>,
    month_ordinals: HashSet<String>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    let set = |words: &[&str]| words.iter().map(|w| normalize(w)).collect();
    LEXICON.get_or_init(|| Lexicon {
        numbers: set(NUMBER_WORDS),
        multipliers: set(MULTIPLIERS),
        percent: set(PERCENT_WORDS),
        percent_phrases: PERCENT_PHRASES
            .iter()
            .map(|(a, b)| (normalize(a), normalize(b)))
            .collect(),
        qualifiers: set(QUALIFIERS),
        months: set(MONTHS),
        units: set(UNITS),
        models: set(MODEL_WORDS),
        quantities: set(QUANTITIES),
        month_ordinals: set(MONTH_ORDINALS),
    })
}

/// A word of a sentence, split where digits meet letters («274ألف» is «274» and «ألف»).
#[derive(Debug)]
struct Piece {
    range: Range<usize>,
    norm: String,
    digits: bool,
    stop: bool,
}

/// The sentences of the document's running text that carry figures. `numbers` is
/// [`number_terms`] of the collection.
pub fn facts(
    document: &Document,
    paragraphs: &[PreparedParagraph],
    numbers: &HashSet<TermId>,
) -> Vec<Fact> {
    let mut out = Vec::new();
    for (p, (paragraph, prepared)) in document.paragraphs.iter().zip(paragraphs).enumerate() {
        if !prepared.body {
            continue;
        }
        let text = &paragraph.text;
        for (s, sentence) in paragraph.sentences.iter().enumerate() {
            let digits = text[sentence.clone()].chars().any(is_digit);
            if !digits && !prepared.words_in(sentence).iter().any(|w| numbers.contains(&w.term())) {
                continue;
            }
            let pieces = pieces(text, prepared, sentence);
            let figures = figures(text, &pieces, s == 0);
            if !figures.is_empty() {
                out.push(Fact::new(p, s, sentence.clone(), &figures));
            }
        }
    }
    out
}

/// The terms (stems) of the collection that number words and multipliers have: a sentence
/// without a digit and without one of these cannot hold a figure, which spares most sentences
/// the word-by-word search.
pub fn number_terms(vocabulary: &Vocabulary) -> HashSet<TermId> {
    NUMBER_WORDS
        .iter()
        .chain(MULTIPLIERS)
        .filter_map(|w| vocabulary.id(&stem(&normalize(w))))
        .collect()
}

/// The words of one sentence, split at digit–letter boundaries.
fn pieces(text: &str, prepared: &PreparedParagraph, sentence: &Range<usize>) -> Vec<Piece> {
    let mut out = Vec::new();
    let inside = prepared.words_in(sentence);
    for word in inside {
        let range = word.range();
        let mut start = range.start;
        let mut previous: Option<bool> = None;
        for (i, c) in text[range.clone()].char_indices() {
            let digit =
                is_digit(c) || (previous == Some(true) && matches!(c, '.' | ',' | '٫' | '٬'));
            if previous.is_some_and(|d| d != digit) && is_alphanumeric(c) {
                push_piece(&mut out, text, start..range.start + i, word.stop());
                start = range.start + i;
            }
            if is_alphanumeric(c) {
                previous = Some(digit);
            }
        }
        push_piece(&mut out, text, start..range.end, word.stop());
    }
    out
}

fn push_piece(out: &mut Vec<Piece>, text: &str, range: Range<usize>, stop: bool) {
    let norm = normalize(&text[range.clone()]);
    if norm.is_empty() {
        return;
    }
    let digits = norm.chars().next().is_some_and(|c| c.is_ascii_digit());
    out.push(Piece { range, norm, digits, stop });
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('٠'..='٩').contains(&c) || ('۰'..='۹').contains(&c)
}

/// The figures among a sentence's words, as byte ranges of the paragraph text.
fn figures(text: &str, pieces: &[Piece], first_sentence: bool) -> Vec<Range<usize>> {
    let lex = lexicon();
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        let piece = &pieces[i];
        // «ألف» alone is a number when a noun follows it («ألف شخص»), not the verb «ألّف».
        let thousand = piece.norm == "الف"
            && pieces
                .get(i + 1)
                .is_some_and(|n| !n.stop && !n.digits && n.range.start - piece.range.end <= 1);
        let is_number = piece.digits || is_number_word(lex, &piece.norm) || thousand;
        // «1. تبادل المعلومات»: a list number, not a figure.
        let list_number =
            first_sentence && i == 0 && piece.digits && text[piece.range.end..].starts_with('.');
        if !is_number || list_number || (piece.digits && names_a_model(lex, text, pieces, i)) {
            i += 1;
            continue;
        }
        // A conjunction or preposition on a number word is not part of the figure («وآلاف»).
        let clitic = if piece.digits || lex.numbers.contains(&piece.norm) || thousand {
            0
        } else {
            ["و", "ب"]
                .iter()
                .find(|c| piece.norm.starts_with(**c) && !piece.norm.starts_with("ال"))
                .map_or(0, |c| c.len())
        };
        let start = qualifier_start(lex, pieces, i).unwrap_or(piece.range.start + clitic);
        let year = piece.digits && is_year(&piece.norm);
        let mut end = piece.range.end;
        let mut j = i + 1;
        let counted = !year;
        while let Some(next) = pieces.get(j).filter(|n| n.range.start - end <= 1 + 3) {
            let gap = &text[end..next.range.start];
            if !gap.trim().is_empty() && gap.trim() != "/" {
                break;
            }
            let phrase = lex
                .percent_phrases
                .iter()
                .any(|(a, b)| next.norm == *a && pieces.get(j + 1).is_some_and(|n| n.norm == *b));
            if lex.multipliers.contains(&next.norm)
                || (piece.digits && is_number_word(lex, &next.norm))
            {
                end = next.range.end;
            } else if lex.percent.contains(&next.norm) || phrase {
                end = pieces[if phrase { j + 1 } else { j }].range.end;
                break;
            } else if !year && lex.months.contains(&next.norm) {
                end = next.range.end;
                // «كانون الأول/ديسمبر», «تشرين الثاني»
                while let Some(more) = pieces.get(j + 1).filter(|m| {
                    m.range.start - end <= 1
                        && (lex.months.contains(&m.norm) || lex.month_ordinals.contains(&m.norm))
                }) {
                    end = more.range.end;
                    j += 1;
                }
                break;
            } else if counted && (lex.units.contains(&next.norm) || (!next.stop && !next.digits)) {
                end = next.range.end;
                break;
            } else {
                break;
            }
            j += 1;
        }
        if let Some(percent) = percent_sign_after(text, end) {
            end = percent;
        }
        match out.last_mut() {
            Some(last) if last.end >= start => last.end = last.end.max(end),
            _ => out.push(start..end),
        }
        i = j.max(i + 1);
    }
    out
}

/// Whether a normalised word is a number written in letters («ثلاثمائة», «مليون»), also after
/// a conjunction, a preposition or the article («وآلاف», «العشرات», «بالملايين»).
fn is_number_word(lex: &Lexicon, norm: &str) -> bool {
    let is =
        |w: &str| lex.numbers.contains(w) || (w.chars().count() > 3 && lex.multipliers.contains(w));
    let stripped = |clitics: &[&str], test: &dyn Fn(&str) -> bool| {
        clitics.iter().any(|c| {
            norm.strip_prefix(c).is_some_and(|rest| rest.chars().count() >= 3 && test(rest))
        })
    };
    // The article only on the plural quantities: «العشرين» is a name or an ordinal
    // («مجموعة العشرين», «القرن العشرين»), «العشرات» a count.
    is(norm)
        || stripped(&["و", "ب"], &is)
        || stripped(&["وال", "بال", "ال"], &|w| lex.quantities.contains(w))
}

/// Whether the number at piece `i` names a model rather than counts: it follows a model's
/// name or a short Latin code, next to it or joined by a hyphen («إف-35», «F-16», «B-1»,
/// «ميراج 2000»).
fn names_a_model(lex: &Lexicon, text: &str, pieces: &[Piece], i: usize) -> bool {
    let Some(previous) = i.checked_sub(1).map(|p| &pieces[p]) else { return false };
    let gap = &text[previous.range.end..pieces[i].range.start];
    let close = gap.is_empty() || gap == " " || gap == "-" || gap == " - " || gap == "‐";
    let name =
        previous.norm.strip_prefix(['و', 'ب']).filter(|r| !r.is_empty()).unwrap_or(&previous.norm);
    let code = name.chars().count() <= 3 && name.chars().all(|c| c.is_ascii_alphabetic());
    close && (code || lex.models.contains(name))
}

/// A plausible year: four digits from 1900 to 2099 (an «م» after it is part of the word).
fn is_year(norm: &str) -> bool {
    let digits: String = norm.chars().take_while(char::is_ascii_digit).collect();
    digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"))
}

/// Where a qualifier before piece `i` starts, if there is one.
fn qualifier_start(lex: &Lexicon, pieces: &[Piece], i: usize) -> Option<usize> {
    (1..=4).filter(|&n| n <= i).find_map(|n| {
        let words: Vec<&str> = pieces[i - n..i].iter().map(|p| p.norm.as_str()).collect();
        lex.qualifiers.contains(&words.join(" ")).then(|| pieces[i - n].range.start)
    })
}

/// The end of a percent sign right after `end` (spaces allowed), if there is one.
fn percent_sign_after(text: &str, end: usize) -> Option<usize> {
    let rest = &text[end..];
    let trimmed = rest.trim_start_matches(' ');
    let sign = trimmed.chars().next().filter(|c| matches!(c, '%' | '٪'))?;
    Some(end + (rest.len() - trimmed.len()) + sign.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Prepared;
    use crate::corpus::Corpus;
    use crate::corpus::parse_document;

    /// What each fact of the one article `text` gives, as `each` makes it of the fact and
    /// its paragraph's text.
    fn of_facts<T>(text: &str, each: impl Fn(&Fact, &str) -> Vec<T>) -> Vec<T> {
        let corpus =
            Corpus { documents: vec![parse_document("t.txt", text, false)], warnings: Vec::new() };
        let prepared = Prepared::new(&corpus);
        let document = &corpus.documents[0];
        facts(document, &prepared.documents[0], &number_terms(&prepared.vocabulary))
            .iter()
            .flat_map(|f| each(f, &document.paragraphs[f.paragraph()].text))
            .collect()
    }

    fn figures_of(text: &str) -> Vec<String> {
        of_facts(text, |f, paragraph| {
            f.figures().into_iter().map(|r| paragraph[r].to_string()).collect()
        })
    }

    /// Whether each fact of `text` has a figure whose direction is forced.
    fn forced(text: &str) -> Vec<bool> {
        of_facts(text, |f, paragraph| vec![f.has_forced_direction(paragraph)])
    }

    #[test]
    fn figures_in_their_context() {
        let text = "مقدمة طويلة بما يكفي لتكون فقرة من فقرات المقال وليست عنوانا له.\n\nفقد تم حذف 274ألف حساب على تويتر في عام 2017 وتم إغلاق مليون حساب أي بمعدل 8.4% كما قيل.";
        assert_eq!(figures_of(text), ["274ألف حساب", "2017", "مليون حساب", "8.4%"]);
    }

    #[test]
    fn a_figure_under_a_direction_override_is_flagged() {
        let intro = "مقدمة طويلة بما يكفي لتكون فقرة من فقرات المقال وليست عنوانا له.\n\n";
        // «1000» under RLO is drawn «0001»; a mark between its digits reorders them too.
        for figure in ["\u{202e}1000\u{202c}", "\u{202e}قتل 1000 شخص\u{202c}", "10\u{200f}00"]
        {
            let text = format!("{intro}قال الوزير إن {figure} شخص قتلوا في الهجوم.");
            assert_eq!(forced(&text), [true], "{figure:?}");
        }
        // Closed before the figure, or an isolate around another phrase: drawn as written.
        for before in ["\u{202e}أمس\u{202c} ", "\u{2067}\u{202e}أمس\u{2069} ", ""] {
            let text = format!("{intro}قال الوزير {before}إن 1000 شخص قتلوا في الهجوم.");
            assert_eq!(forced(&text), [false], "{before:?}");
        }
    }

    #[test]
    fn percentages_qualifiers_and_words() {
        let text = "مقدمة طويلة بما يكفي لتكون فقرة من فقرات المقال وليست عنوانا له.\n\nأكد أن 80 % من أنصار داعش تم استقطابهم، وأغلقت أكثر من 90 بالمائة من المواقع، وأنشئوا ثلاثمائة حساب يوم 24 كانون الأول/ديسمبر.";
        assert_eq!(
            figures_of(text),
            ["80 %", "أكثر من 90 بالمائة", "ثلاثمائة حساب", "24 كانون الأول/ديسمبر"]
        );
    }

    #[test]
    fn percent_in_words_units_and_numbers_standing_alone() {
        let text = "مقدمة طويلة بما يكفي لتكون فقرة من فقرات المقال وليست عنوانا له.\n\nارتفع التضخم 3.3 في المئة، وسجن 7 سنوات، وسار 15 كلم، وفر ألف شخص، وخرج العشرات من المتظاهرين وآلاف الطلاب.";
        assert_eq!(
            figures_of(text),
            ["3.3 في المئة", "7 سنوات", "15 كلم", "ألف شخص", "العشرات", "آلاف الطلاب"]
        );
    }

    #[test]
    fn model_names_are_not_figures() {
        let text = "مقدمة طويلة بما يكفي لتكون فقرة من فقرات المقال وليست عنوانا له.\n\nحلقت طائرات اف 15 وإف-35 وF-16 وB-1 وميراج 2000 فوق 12 قرية.";
        assert_eq!(figures_of(text), ["12 قرية"]);
        let names = "مقدمة طويلة بما يكفي لتكون فقرة من فقرات المقال وليست عنوانا له.\n\nاجتمعت مجموعة العشرين في 19 مارس المؤتمر السنوي.";
        assert_eq!(figures_of(names), ["19 مارس"]);
    }

    #[test]
    fn list_numbers_are_not_figures() {
        let text = "مقدمة طويلة بما يكفي لتكون فقرة من فقرات المقال وليست عنوانا له.\n\n1. تبادل المعلومات الاستخباراتية والخبرات بين الدول هو حجر الزاوية.";
        assert!(figures_of(text).is_empty());
    }
}
