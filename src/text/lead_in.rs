//! What a paragraph's first sentence carries before its statement, and what a key point leaves
//! out: a dateline («دبي، الإمارات العربية المتحدة (CNN)--», «لندن - سكاي نيوز عربية»), a list
//! number («2. », «ثانياً: »), and the label of a numbered item («الأطر القانونية والتعاون
//! القضائي: »), which names the item's section instead.

use std::ops::Range;

use super::normalize;

/// Agencies and outlets a dateline names, normalised: in brackets after the place
/// («(CNN)», «(رويترز)») or after a dash («لندن - سكاي نيوز عربية»).
const AGENCIES: &[&str] = &[
    "cnn",
    "سكاي نيوز عربيه",
    "سكاي نيوز",
    "العربيه نت",
    "العربيه.نت",
    "رويترز",
    "فرانس برس",
    "ا ف ب",
    "اف ب",
    "د ب ا",
    "الاناضول",
    "وكالات",
    "بي بي سي",
    "afp",
    "reuters",
    "ap",
    "bbc",
];

/// How far into a paragraph a dateline's bracket or dash is looked for, in bytes.
const DATELINE_BYTES: usize = 120;
/// The most words of the place before a dateline's agency.
const MAX_PLACE_WORDS: usize = 6;
/// The most words an item label has before its colon.
const MAX_LABEL_WORDS: usize = 8;
/// Ordinals that number a list item in words («أولاً:», «ثانيا -»), normalised.
const ORDINALS: &[&str] =
    &["اولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا", "عاشرا"];

/// What starts a paragraph before its statement.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LeadIn {
    /// Where the statement starts: after the dateline, list number and label.
    pub end: usize,
    /// The label of a numbered item, as a byte range of the paragraph («تبادل المعلومات
    /// الاستخباراتية والخبرات» in «1. تبادل المعلومات الاستخباراتية والخبرات: يُعد …»).
    pub label: Option<Range<usize>>,
    /// Whether the paragraph is a numbered item («1.», «2-», «أولاً:»).
    pub numbered: bool,
}

/// The lead-in of a paragraph's text.
pub fn lead_in(text: &str) -> LeadIn {
    let mut start = dateline_end(text);
    let numbered = match list_number_end(&text[start..]) {
        Some(end) => {
            start += end;
            true
        }
        None => false,
    };
    let label = numbered.then(|| label_range(text, start)).flatten();
    let end = label.as_ref().map_or(start, |label| after_colon(text, label.end));
    LeadIn { end, label, numbered }
}

/// The end of a dateline at the start of `text`, or 0: a place of a few words and an agency
/// in brackets, then dashes («دبي، الإمارات العربية المتحدة (CNN)--», «(CNN) --»), or a place,
/// a dash and an agency («لندن - سكاي نيوز عربية»).
pub fn dateline_end(text: &str) -> usize {
    // A dateline's place is a few words: its bracket or dash comes within the first 120 bytes
    // (some 60 Arabic letters); most paragraphs have neither there, and are done with at once.
    let mut head_end = text.len().min(DATELINE_BYTES);
    while !text.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let head = &text[..head_end];
    if !head.bytes().any(|b| b == b'(' || b == b'-') && !head.contains(['–', '—']) {
        return 0;
    }
    if let Some(open) = head.find('(')
        && let Some(close) = head[open..].find(')').map(|c| open + c)
        && is_agency(&head[open + 1..close])
        && word_count(&head[..open]) <= MAX_PLACE_WORDS
    {
        let rest = &text[close + 1..];
        let after_dashes = rest.trim_start().trim_start_matches(['-', '–', '—']);
        if after_dashes.len() < rest.trim_start().len() {
            return text.len() - after_dashes.trim_start().len();
        }
    }
    for dash in [" - ", " – ", " — "] {
        if let Some(at) = head.find(dash)
            && word_count(&head[..at]) <= MAX_PLACE_WORDS
        {
            let rest = &text[at + dash.len()..];
            // The first three words after the dash, normalised once, against each agency.
            let following: Vec<&str> = rest.split_whitespace().take(3).collect();
            let normalised: Vec<String> =
                following.iter().map(|w| normalize(w).to_lowercase()).collect();
            let agency = AGENCIES.iter().find_map(|agency| {
                let words = agency.split(' ').count();
                let taken = normalised.get(..words)?;
                (taken.join(" ") == *agency).then(|| following[..words].to_vec())
            });
            if let Some(taken) = agency {
                let last = taken.last().copied().unwrap_or("");
                let after = rest.find(last).map_or(0, |i| i + last.len());
                let tail = rest[after..].trim_start().trim_start_matches([':', '-', '–', '—']);
                return text.len() - tail.trim_start().len();
            }
        }
    }
    0
}

/// Whether a bracket's contents name an agency.
fn is_agency(inside: &str) -> bool {
    let folded = normalize(inside.trim()).to_lowercase();
    AGENCIES.contains(&folded.as_str())
}

/// The number of words of a text.
fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The end of a list number at the start of `text` («1. », «2- », «3) », «أولاً: »), spaces
/// after it included.
fn list_number_end(text: &str) -> Option<usize> {
    let digits = text.len()
        - text.trim_start_matches(|c: char| c.is_ascii_digit() || ('٠'..='٩').contains(&c)).len();
    let after = if (1..=6).contains(&digits) {
        text[digits..].strip_prefix(['.', '-', ')', '–'])?
    } else {
        let word_end =
            text.find(|c: char| !c.is_alphabetic() && !('\u{64b}'..='\u{652}').contains(&c))?;
        if !ORDINALS.contains(&normalize(&text[..word_end]).as_str()) {
            return None;
        }
        text[word_end..].trim_start().strip_prefix([':', '-', '–', '.'])?
    };
    after.starts_with(char::is_whitespace).then(|| text.len() - after.trim_start().len())
}

/// The label of a numbered item starting at byte `start`: its words up to a colon, when
/// there are at most eight.
fn label_range(text: &str, start: usize) -> Option<Range<usize>> {
    let rest = &text[start..];
    let colon = rest.find(':')?;
    let label = rest[..colon].trim_end();
    (!label.is_empty() && word_count(label) <= MAX_LABEL_WORDS && !label.contains(['.', '،']))
        .then(|| start..start + label.len())
}

/// Where the text after a label's colon starts.
fn after_colon(text: &str, label_end: usize) -> usize {
    let rest = &text[label_end..];
    let after = rest.trim_start().strip_prefix(':').unwrap_or(rest);
    text.len() - after.trim_start().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement(text: &str) -> &str {
        &text[lead_in(text).end..]
    }

    #[test]
    fn datelines_are_cut() {
        let cnn = "دبي، الإمارات العربية المتحدة (CNN)-- اتهمت وزارة الخارجية الإسرائيلية، الثلاثاء، الفلسطينيين.";
        assert_eq!(statement(cnn), "اتهمت وزارة الخارجية الإسرائيلية، الثلاثاء، الفلسطينيين.");
        assert_eq!(statement("(CNN) -- أعلن البيت الأبيض أمس."), "أعلن البيت الأبيض أمس.");
        assert_eq!(
            statement("أتلانتا، الولايات المتحدة الأمريكية(CNN)--تراجعت الأسهم."),
            "تراجعت الأسهم."
        );
        assert_eq!(statement("لندن - سكاي نيوز عربية أعلنت الحكومة."), "أعلنت الحكومة.");
        assert_eq!(statement("واشنطن (رويترز) - قال مسؤول أمريكي."), "قال مسؤول أمريكي.");
    }

    #[test]
    fn scores_models_and_ordinary_dashes_are_not_datelines() {
        for text in [
            "تعادل أتليتكو مدريد 2-2 مع ضيفه.",
            "نفذت مقاتلتان من طراز إف-35 طلعات.",
            "أعلنت الحكومة (الثلاثاء) - في بيان - أنها.",
            "وقال الوزير - في بيان صدر أمس - إن البلاد.",
        ] {
            assert_eq!(lead_in(text).end, 0, "{text}");
        }
    }

    #[test]
    fn list_numbers_and_item_labels_are_cut() {
        let item = "1. تبادل المعلومات الاستخباراتية والخبرات: يُعد تبادل المعلومات حجر الزاوية.";
        let found = lead_in(item);
        assert!(found.numbered);
        assert_eq!(&item[found.label.clone().unwrap()], "تبادل المعلومات الاستخباراتية والخبرات");
        assert_eq!(&item[found.end..], "يُعد تبادل المعلومات حجر الزاوية.");
        assert_eq!(
            statement("2- ارتفاع الأسعار في الأسواق المحلية."),
            "ارتفاع الأسعار في الأسواق المحلية."
        );
        assert_eq!(statement("ثانياً: الأطر القانونية: نص."), "نص.");
        assert_eq!(lead_in("2017 كان عاما صعبا.").end, 0, "a year is no list number");
        let long =
            "3. يرى الخبراء أن التعاون الدولي، وهو ما تطالب به الدول كلها منذ سنوات طويلة: ضروري.";
        assert_eq!(
            &long[lead_in(long).end..],
            &long[3..],
            "a long clause before a colon is no label"
        );
    }
}
