//! The parts of an article that key points cover: its sections (the introduction before the
//! first heading, then one per heading) and, inside them, its numbered items («1. …», «2. …»).
//! An article with three or more headings or numbered items is *structured*: its key points
//! go round its sections. Any other article is read as news.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::corpus::{Document, Role};
use crate::text::lead_in::lead_in;
use crate::text::normalize;

/// How many headings and numbered items make an article structured.
const STRUCTURED_FROM: usize = 3;
/// Headings of a conclusion, normalised.
const CONCLUSION_HEADINGS: &[&str] = &[
    "خاتمه",
    "الخاتمه",
    "خلاصه",
    "الخلاصه",
    "في الختام",
    "ختاما",
    "الاستنتاج",
    "استنتاجات",
    "conclusion",
    "conclusions",
    "in conclusion",
];

/// Where a section's name is written: a heading, or a numbered item's label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionName {
    /// The paragraph it is written in.
    pub paragraph: u32,
    /// Its bytes in that paragraph's text.
    pub range: Range<u32>,
}

impl SectionName {
    /// The name as the article writes it.
    pub fn text<'d>(&self, document: &'d Document) -> &'d str {
        let text = &document.paragraphs[self.paragraph as usize].text;
        &text[self.range.start as usize..self.range.end as usize]
    }
}

/// The kind of a section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionKind {
    /// The text before the first heading or numbered item.
    Introduction,
    /// A section under a heading, or a numbered item of an article without headings.
    Body,
    /// A section under a conclusion heading («خاتمة», «الخلاصة»).
    Conclusion,
}

/// Where each paragraph of an article belongs.
#[derive(Clone, Debug)]
pub struct Sections {
    /// Whether the article is structured (see the module notes).
    pub structured: bool,
    /// For each section, its kind.
    pub kinds: Vec<SectionKind>,
    /// For each paragraph: its section, and its item inside the section (0 before the
    /// section's first numbered item).
    pub places: Vec<(usize, usize)>,
    /// For each paragraph, the name of its part: its item's label, else its section's heading.
    pub names: Vec<Option<SectionName>>,
}

impl Sections {
    /// The sections of a document.
    pub fn of(document: &Document) -> Sections {
        let is_heading =
            |role: Role, furniture: bool| matches!(role, Role::Heading(_)) && !furniture;
        let headings = document
            .paragraphs
            .iter()
            .filter(|p| is_heading(p.role, p.boilerplate.is_some()))
            .count();
        let leads: Vec<_> = document
            .paragraphs
            .iter()
            .map(|p| (p.role == Role::Body && p.boilerplate.is_none()).then(|| lead_in(&p.text)))
            .collect();
        let numbered = leads.iter().flatten().filter(|l| l.numbered).count();
        let structured = headings + numbered >= STRUCTURED_FROM;
        // Without headings, each numbered item is a section of its own.
        let items_are_sections = headings == 0;
        let mut kinds = vec![SectionKind::Introduction];
        let mut places = Vec::with_capacity(document.paragraphs.len());
        let mut names = Vec::with_capacity(document.paragraphs.len());
        let (mut section, mut item) = (0, 0);
        let mut heading_name: Option<SectionName> = None;
        let mut item_name: Option<SectionName> = None;
        for (p, (paragraph, lead)) in document.paragraphs.iter().zip(&leads).enumerate() {
            let whole = |range: Range<usize>| SectionName {
                paragraph: p as u32,
                range: range.start as u32..range.end as u32,
            };
            if is_heading(paragraph.role, paragraph.boilerplate.is_some()) {
                section = kinds.len();
                item = 0;
                let conclusion = CONCLUSION_HEADINGS
                    .contains(&normalize(paragraph.text.trim()).to_lowercase().as_str());
                kinds.push(if conclusion { SectionKind::Conclusion } else { SectionKind::Body });
                heading_name = Some(whole(0..paragraph.text.len()));
                item_name = None;
            } else if let Some(lead) = lead.as_ref().filter(|l| l.numbered) {
                if items_are_sections {
                    section = kinds.len();
                    kinds.push(SectionKind::Body);
                } else {
                    item += 1;
                }
                item_name = lead.label.clone().map(whole);
            }
            places.push((section, item));
            names.push(item_name.clone().or_else(|| heading_name.clone()));
        }
        Sections { structured, kinds, places, names }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_document;

    #[test]
    fn an_essay_with_headings_and_numbered_items_is_structured() {
        let text = "مقدمة المقال تتحدث عن الإرهاب الرقمي وخطورته على المجتمعات في كل مكان من العالم.\n\n\
            الأبعاد الرئيسية\n\n\
            1. تبادل المعلومات: يعد تبادل المعلومات حجر الزاوية في مكافحة الإرهاب الرقمي في العالم.\n\n\
            2. الأطر القانونية: لضمان محاكمة مرتكبي الجرائم لا بد من أطر قانونية دولية متفق عليها.\n\n\
            التحديات\n\n\
            لا تزال هناك تحديات كبيرة تواجه التعاون الدولي في مكافحة الإرهاب الرقمي في العالم.\n\n\
            خاتمة\n\n\
            إن مكافحة الإرهاب الرقمي معركة مستمرة تتطلب استجابة عالمية موحدة من الدول كافة.\n";
        let document = parse_document("essay.txt", text, false);
        let sections = Sections::of(&document);
        assert!(sections.structured);
        use SectionKind::*;
        assert_eq!(sections.kinds, [Introduction, Body, Body, Conclusion]);
        let body: Vec<(usize, usize)> = document
            .paragraphs
            .iter()
            .zip(&sections.places)
            .filter(|(p, _)| p.role == Role::Body)
            .map(|(_, &place)| place)
            .collect();
        assert_eq!(body, [(0, 0), (1, 1), (1, 2), (2, 0), (3, 0)]);
        let name = |p: usize| sections.names[p].as_ref().map(|n| n.text(&document));
        let item = document.paragraphs.iter().position(|p| p.text.starts_with("2.")).unwrap();
        assert_eq!(name(item), Some("الأطر القانونية"));
        assert_eq!(name(document.paragraphs.len() - 1), Some("خاتمة"));
        assert_eq!(name(0), None);
    }

    #[test]
    fn news_is_not_structured() {
        let text = "عنوان الخبر\n\nأعلنت الحكومة اليوم عن خطة جديدة لمكافحة البطالة في البلاد.\n\n\
            وقال الوزير إن الخطة ستوفر آلاف الوظائف خلال العام المقبل.\n";
        let sections = Sections::of(&parse_document("news.txt", text, false));
        assert!(!sections.structured);
        assert_eq!(sections.kinds, [SectionKind::Introduction]);
    }
}
