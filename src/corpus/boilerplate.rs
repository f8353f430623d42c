//! Recognising page furniture: the share buttons, "about us" boxes, newsletter and contact
//! blocks, comment sections and photo credits that come along when an article is copied
//! from a web page.
//!
//! The rules are general: small vocabularies of the phrases such furniture uses on Arabic,
//! English and French news sites, compared with whole lines (folded: lower case, hamza and
//! alef forms unified, harakat and tatweel removed), plus a few shape rules (a character
//! counter `1500 / 1500`, a credit in brackets at the end of a caption). A body sentence is
//! never matched by a phrase it merely contains, except for the unmistakable ones (a comment
//! policy, a photo credit). A paragraph of more than 60 words is the article's own text:
//! furniture is a line or two.
//!
//! Two rules look at what came before: the paragraphs under an "about us" heading belong to
//! it until the next heading or marker, short lines under a "contact us" heading are contact
//! lines, and everything after a comment counter or comment policy is readers' comments
//! unless it is another kind of furniture.

use std::sync::LazyLock;

use memchr::memmem;
use rayon::prelude::*;

use super::Boilerplate;
use super::lines::{at_most_words, looks_like_heading, word_count};
use crate::text::sentences::{count_bytes, is_alphanumeric};

/// What the rules found in one paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Flag {
    /// The kind of furniture.
    pub kind: Boilerplate,
    /// Whether it is the title of a furniture section («من نحن», «اتصل بنا»), shown as a
    /// heading when it is shaped like one.
    pub section: bool,
}

/// Share prompts and print/e-mail buttons, as whole folded lines.
const SHARE_LINES: &[&str] = &[
    "شارك",
    "شاركوا",
    "شارك المقال",
    "شارك هذا المقال",
    "شارك الخبر",
    "شارك هذا الخبر",
    "شارك الموضوع",
    "شاركها",
    "مشاركه",
    "المشاركه",
    "مشاركه المقال",
    "مشاركه الخبر",
    "المشاركه في هذا المقال",
    "المشاركه في هذا الخبر",
    "هل اعجبك هذا المقال",
    "هل اعجبك المقال",
    "هل اعجبك هذا الخبر",
    "هل اعجبك الخبر",
    "هل اعجبك الموضوع",
    "طباعه",
    "ارسل لصديق",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this post",
    "share this page",
    "share article",
    "share story",
    "tweet",
    "print",
    "email this",
    "print this article",
    "did you like this article",
    "did you enjoy this article",
    "was this article helpful",
    "like this article",
    "partager",
    "partagez",
    "partager cet article",
    "partagez cet article",
    "imprimer",
    "vous avez aime cet article",
    "cet article vous a plu",
];

/// Beginnings of "share on …" lines; the rest of the line must be short.
const SHARE_PREFIXES: &[&str] = &[
    "share on ",
    "share via ",
    "share to ",
    "partager sur ",
    "partager par ",
    "شارك على ",
    "شارك عبر ",
    "مشاركه على ",
    "مشاركه عبر ",
];

/// Social networks and sharing channels; a line made only of them is a share bar.
const SHARE_CHANNELS: &[&str] = &[
    "facebook",
    "twitter",
    "whatsapp",
    "telegram",
    "linkedin",
    "pinterest",
    "reddit",
    "messenger",
    "email",
    "e-mail",
    "print",
    "فيسبوك",
    "فيس",
    "بوك",
    "تويتر",
    "واتساب",
    "تلغرام",
    "تيليجرام",
    "تلجرام",
    "لينكدان",
    "بريد",
    "طباعه",
];

/// "About us" section titles, as whole folded lines.
const ABOUT_LINES: &[&str] = &[
    "من نحن",
    "عن الموقع",
    "عن الجريده",
    "عن الصحيفه",
    "عن المجله",
    "حول الموقع",
    "about",
    "about us",
    "who we are",
    "qui sommes-nous",
    "qui sommes nous",
    "a propos",
    "a propos de nous",
];

/// Newsletter section titles, as whole folded lines.
const NEWSLETTER_TITLES: &[&str] = &[
    "النشره الاخباريه",
    "النشره البريديه",
    "القائمه البريديه",
    "newsletter",
    "newsletters",
    "our newsletter",
    "la newsletter",
    "lettre d'information",
    "infolettre",
];

/// Bare sign-up buttons, as whole folded lines.
const SUBSCRIBE_LINES: &[&str] = &[
    "اشترك",
    "اشتركوا",
    "اشترك الان",
    "اشترك مجانا",
    "subscribe",
    "subscribe now",
    "sign up",
    "sign up now",
    "abonnez-vous",
    "s'abonner",
    "inscrivez-vous",
];

/// Words that make a short line a newsletter prompt wherever they are in it.
const NEWSLETTER_WORDS: &[&str] = &[
    "النشره الاخباريه",
    "النشره البريديه",
    "القائمه البريديه",
    "newsletter",
    "lettre d'information",
    "infolettre",
    "ادخل بريدك الالكتروني",
    "enter your email",
];

/// Pieces of which every phrase of [`NEWSLETTER_WORDS`] has one (see [`contains_phrase`]).
const NEWSLETTER_ANCHORS: &[&str] = &["النشره", "بريد", "lett", "email"];

/// "Contact us" section titles, as whole folded lines.
const CONTACT_LINES: &[&str] = &[
    "اتصل بنا",
    "اتصلوا بنا",
    "تواصل معنا",
    "تواصلوا معنا",
    "للتواصل",
    "للاتصال بنا",
    "contact",
    "contacts",
    "contact us",
    "get in touch",
    "contactez-nous",
    "nous contacter",
];

/// Labels that start an address, telephone, fax or e-mail line.
const CONTACT_LABELS: &[&str] = &[
    "العنوان",
    "عنوان",
    "الهاتف",
    "هاتف",
    "الفاكس",
    "فاكس",
    "البريد الالكتروني",
    "البريد",
    "الجوال",
    "جوال",
    "ص.ب",
    "address",
    "adresse",
    "tel",
    "tel.",
    "telephone",
    "phone",
    "mobile",
    "fax",
    "e-mail",
    "email",
    "courriel",
    "p.o. box",
    "po box",
];

/// Comment counters: the word that follows the number («3 تعليقات», "2 comments").
const COMMENT_WORDS: &[&str] = &[
    "تعليق",
    "تعليقات",
    "التعليقات",
    "تعليقا",
    "comment",
    "comments",
    "commentaire",
    "commentaires",
    "reactions",
    "reaction",
];

/// Counters with no number: "no comments yet", "be the first to comment".
const NO_COMMENT_LINES: &[&str] = &[
    "لا توجد تعليقات",
    "لا يوجد تعليقات",
    "لا تعليقات",
    "كن اول من يعلق",
    "no comments",
    "no comments yet",
    "be the first to comment",
    "aucun commentaire",
    "soyez le premier a commenter",
];

/// Comment-form and comment-policy wording, found anywhere in a short paragraph.
const POLICY_WORDS: &[&str] = &[
    "سياسه التعليق",
    "بشان التعليقات",
    "شروط التعليق",
    "معلومات ضروريه",
    "حقول ضروريه",
    "الحقول المطلوبه",
    "الحقول الاجباريه",
    "لن يتم نشر عنوان بريدك",
    "اضف تعليق",
    "اترك تعليق",
    "اكتب تعليق",
    "comment policy",
    "commenting policy",
    "community guidelines",
    "required fields",
    "required field",
    "your email address will not be published",
    "leave a comment",
    "leave a reply",
    "add a comment",
    "post a comment",
    "politique de commentaires",
    "charte de commentaires",
    "champs obligatoires",
    "laisser un commentaire",
    "ajouter un commentaire",
    "laisser une reponse",
];

/// Pieces of which every phrase of [`POLICY_WORDS`] has one (see [`contains_phrase`]).
const POLICY_ANCHORS: &[&str] = &[
    "تعليق",
    "ضروريه",
    "حقول",
    "بريدك",
    "comm",
    "required",
    "published",
    "reply",
    "obligatoires",
    "reponse",
];

/// Reply buttons, as whole folded lines.
const REPLY_LINES: &[&str] =
    &["الرد", "رد", "ردا", "رد على", "الرد على التعليق", "reply", "reply to", "repondre"];

/// Credit wording inside brackets anywhere in a caption («[حقوق الصورة …]», «(تصوير: …)»).
const CREDIT_WORDS: &[&str] = &[
    "حقوق الصوره",
    "تصوير",
    "مصدر الصوره",
    "الصوره:",
    "صوره:",
    "photo:",
    "photo by",
    "photo credit",
    "photograph",
    "credit",
    "credits",
    "image:",
    "image by",
    "image courtesy",
    "courtesy",
    "copyright",
];

/// Beginnings of a credit at the start of a caption or of one of its sentences («صورة: …»,
/// "Photo: …").
const CREDIT_PREFIXES: &[&str] = &[
    "صوره:",
    "الصوره:",
    "تصوير:",
    "حقوق الصوره",
    "photo:",
    "photo :",
    "credit:",
    "photo credit",
    "credit photo",
    "image:",
];

/// Beginnings of a pointer to other stories («اقرأ أيضاً: …», «للمزيد - …», "Read more");
/// what follows is a mark (`:` `-` `|` `،`) or nothing.
const RELATED_PREFIXES: &[&str] = &[
    "اقرا ايضا",
    "اقرا كذلك",
    "اقرا المزيد",
    "اقرا",
    "للمزيد",
    "قد يهمك ايضا",
    "قد يهمك",
    "شاهد ايضا",
    "شاهد",
    "طالع ايضا",
    "مواضيع ذات صله",
    "اخبار ذات صله",
    "ذات صله",
    "read more",
    "read also",
    "see also",
    "related",
    "lire aussi",
    "a lire aussi",
];

/// The marks that follow a pointer's first words.
const POINTER_MARKS: &[char] = &[':', '-', '–', '—', '|', '،', ',', '…'];

/// Beginnings of a site's own notes: notification sign-ups, opinion disclaimers, schedule
/// notes, "click here".
const SITE_NOTE_PREFIXES: &[&str] = &[
    "يمكنكم استلام اشعارات",
    "يمكنكم تسلم اشعارات",
    "يمكنكم متابعه",
    "جميع المقالات المنشوره تمثل راي",
    "جميع الاراء الوارده",
    "التوقيت: غرينتش",
    "لمتابعه المباراه",
    "لمتابعه المباشر",
    "لمتابعه التغطيه",
    "اضغط هنا",
    "انقر هنا",
    "click here",
];

/// Words of a site's note found anywhere in a short line: an opinion column's disclaimer,
/// "click here".
const SITE_NOTE_WORDS: &[&str] =
    &["لا تعكس بالضروره", "لا يعبر بالضروره", "تعبر عن راي كاتبها", "اضغط هنا", "انقر هنا"];

/// The most words a comment policy or a site's disclaimer found by its wording has.
const MAX_NOTE_WORDS: usize = 40;

/// The most words a source line («نقلاً عن الرؤية الإماراتية») has.
const MAX_SOURCE_LINE_WORDS: usize = 8;

/// Names of agencies and outlets that make up a credit line on their own
/// («فرانس24/ أ ف ب/ رويترز»).
const CREDIT_LINE_WORDS: &[&str] = &[
    "فرانس24",
    "فرانس",
    "24",
    "ا",
    "ف",
    "ب",
    "اف",
    "د",
    "رويترز",
    "وكالات",
    "الاناضول",
    "سبوتنيك",
    "afp",
    "reuters",
    "ap",
];

/// Agencies and picture libraries; a bracket at the end of a caption made of these is a
/// credit («(AFP/Getty Images)», «(رويترز)»).
const AGENCIES: &[&str] = &[
    "afp",
    "getty",
    "reuters",
    "ap",
    "epa",
    "xinhua",
    "anadolu",
    "shutterstock",
    "رويترز",
    "وكالات",
    "الاناضول",
    "سبوتنيك",
    "ا ف ب",
    "اف ب",
];

/// Words that may stand beside an agency's name in a credit ("Getty Images", "via AFP").
const AGENCY_FILLERS: &[&str] = &["images", "image", "photo", "photos", "via", "pool"];

/// The most words a paragraph of furniture has. Share prompts, counters, sign-ups, contact
/// lines and photo credits are a line or two; a longer paragraph is the article's own text
/// and is not searched for furniture wording at all (most body paragraphs are longer, so this
/// also spares folding them).
const MAX_FURNITURE_WORDS: usize = 60;

/// Documents with at least this many paragraphs have them classified on every core; a
/// shorter one is done before a thread would have started.
const PARALLEL_FROM: usize = 512;

/// Flag every paragraph that is furniture, looking at each on its own and then at the
/// sections that furniture headings open.
pub(super) fn classify(texts: &[&str]) -> Vec<Option<Flag>> {
    // Each paragraph on its own first: a long document's are shared out among the cores.
    let mut flags: Vec<Option<Flag>> = if texts.len() >= PARALLEL_FROM {
        texts.par_iter().with_min_len(64).map(|t| classify_line(t)).collect()
    } else {
        texts.iter().map(|t| classify_line(t)).collect()
    };
    extend_sections(texts, &mut flags);
    flags
}

/// Carry "about us", "contact us" and comment sections over the paragraphs under them.
fn extend_sections(texts: &[&str], flags: &mut [Option<Flag>]) {
    let mut open: Option<Boilerplate> = None;
    for (text, flag) in texts.iter().zip(flags.iter_mut()) {
        if let Some(found) = flag {
            open = match found.kind {
                Boilerplate::CommentCount | Boilerplate::CommentPolicy => {
                    Some(Boilerplate::ReaderComment)
                }
                _ if open == Some(Boilerplate::ReaderComment) => open,
                kind @ (Boilerplate::AboutUs | Boilerplate::Contact) if found.section => Some(kind),
                kind if open == Some(kind) => open,
                _ => None,
            };
            continue;
        }
        let carried = match open {
            Some(Boilerplate::ReaderComment) => open,
            Some(Boilerplate::AboutUs) if !looks_like_heading(text) => open,
            Some(Boilerplate::Contact) if at_most_words(text, 12) => open,
            _ => None,
        };
        *flag = carried.map(|kind| Flag { kind, section: false });
        open = carried;
    }
}

/// The furniture one paragraph is on its own, if any.
pub(super) fn classify_line(text: &str) -> Option<Flag> {
    if !at_most_words(text, MAX_FURNITURE_WORDS) {
        return None;
    }
    let folded = fold(text);
    let core = trim_to_core(&folded);
    let section = |kind| Some(Flag { kind, section: true });
    let item = |kind| Some(Flag { kind, section: false });
    if core.is_empty() {
        // A line of dashes, stars or crosses between parts of the page.
        return (!folded.is_empty())
            .then_some(Flag { kind: Boilerplate::SiteNote, section: false });
    }
    if ABOUT_LINES.contains(&core) {
        return section(Boilerplate::AboutUs);
    }
    if CONTACT_LINES.contains(&core) {
        return section(Boilerplate::Contact);
    }
    if NEWSLETTER_TITLES.contains(&core) {
        return section(Boilerplate::Newsletter);
    }
    if is_share_prompt(core) {
        return item(Boilerplate::SharePrompt);
    }
    if REPLY_LINES.contains(&core) {
        return item(Boilerplate::ReplyButton);
    }
    if is_comment_count(&folded, core) {
        return item(Boilerplate::CommentCount);
    }
    // Counted once for the two rules that ask (trimming to the core drops no word).
    let short = at_most_folded_words(&folded, MAX_NOTE_WORDS);
    if short && is_comment_policy(&folded) {
        return item(Boilerplate::CommentPolicy);
    }
    if SUBSCRIBE_LINES.contains(&core) || is_newsletter_prompt(core) {
        return item(Boilerplate::Newsletter);
    }
    if is_contact_line(core) {
        return item(Boilerplate::Contact);
    }
    if is_photo_credit(&folded) {
        return item(Boilerplate::PhotoCredit);
    }
    if is_pointer_to_other_stories(core) {
        return item(Boilerplate::Related);
    }
    if is_site_note(core, short) {
        return item(Boilerplate::SiteNote);
    }
    None
}

/// Text folded for matching: lower case, Arabic letter variants unified (alef forms,
/// alef maqsura, taa marbuta), harakat, tatweel and format characters removed, Latin accents
/// dropped, typographic apostrophes made plain, white space collapsed and trimmed. The only
/// white space left is single spaces between words.
///
/// Most of a text folds to itself, so it is copied a stretch at a time; only the characters
/// in between go through [`Folder::push_char`].
fn fold(text: &str) -> String {
    let mut folder = Folder { text: String::with_capacity(text.len()), space: false };
    let mut rest = text;
    loop {
        let run = plain_run(rest);
        folder.push_run(&rest[..run]);
        let Some(c) = rest[run..].chars().next() else { break };
        folder.push_char(c);
        rest = &rest[run + c.len_utf8()..];
    }
    folder.text
}

/// The length in bytes of the stretch at the start of `text` that folds to itself:
/// characters that [`folds_to_itself`], and single spaces. It is read byte by byte: ASCII
/// is settled by its byte, a character of the Arabic block (two bytes, the first
/// 0xD8–0xDB) is put together from its two, and any other character ends the stretch.
fn plain_run(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut after_space = false;
    while let Some(&byte) = bytes.get(i) {
        let plain = match byte {
            b' ' => !after_space,
            0x00..=0x7f => folds_to_itself(char::from(byte)),
            0xd8..=0xdb => bytes.get(i + 1).is_some_and(|&next| {
                let code = u32::from(byte & 0x1f) << 6 | u32::from(next & 0x3f);
                char::from_u32(code).is_some_and(folds_to_itself)
            }),
            _ => false,
        };
        if !plain {
            break;
        }
        after_space = byte == b' ';
        i += if byte.is_ascii() { 1 } else { 2 };
    }
    i
}

/// Whether folding keeps a character as it is, and it is not white space: ASCII but capitals
/// and white space, and the Arabic block but the letters and marks [`fold_char`] changes
/// (listed again here, where every character of a text passes, for speed). Any other
/// character is folded one at a time.
fn folds_to_itself(c: char) -> bool {
    match c {
        '\t'..='\r' | ' ' | 'A'..='Z' => false,
        '\0'..='\x7f' => true,
        'أ'
        | 'إ'
        | 'آ'
        | 'ٱ'
        | 'ى'
        | 'ة'
        | '\u{64b}'..='\u{65f}'
        | '\u{670}'
        | '\u{640}'
        | '\u{61c}' => false,
        '\u{600}'..='\u{6ff}' => true,
        _ => false,
    }
}

/// Folded text being built.
struct Folder {
    /// The text so far.
    text: String,
    /// Whether white space has come since the last character written, after some text: a
    /// space is written before the next character.
    space: bool,
}

impl Folder {
    /// Add a stretch that folds to itself ([`plain_run`]): its spaces are single, and one at
    /// either end counts as white space next to what comes before or after.
    fn push_run(&mut self, run: &str) {
        let run = run.strip_prefix(' ').map_or(run, |rest| {
            self.push_folded(' ');
            rest
        });
        let (run, trailing_space) = run.strip_suffix(' ').map_or((run, false), |r| (r, true));
        if !run.is_empty() {
            if std::mem::take(&mut self.space) {
                self.text.push(' ');
            }
            self.text.push_str(run);
        }
        if trailing_space {
            self.push_folded(' ');
        }
    }

    /// Add one character, lower-cased and folded.
    fn push_char(&mut self, c: char) {
        // ASCII and the Arabic block have no lower case outside ASCII: skip the table search.
        if c.is_ascii() || ('\u{600}'..='\u{6ff}').contains(&c) {
            self.push_folded(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(|c| self.push_folded(c));
        }
    }

    /// Add one lower-case character, folded.
    fn push_folded(&mut self, c: char) {
        if c.is_whitespace() {
            self.space = !self.text.is_empty();
            return;
        }
        let Some(c) = fold_char(c) else { return };
        if std::mem::take(&mut self.space) {
            self.text.push(' ');
        }
        self.text.push(c);
    }
}

/// Whether folded text has at most `limit` words with a letter or digit in them, as
/// [`word_count`] counts them. Fewer spaces than the limit settle it without reading the
/// words (folded text has single spaces between its words and no other white space); else
/// the words are counted up to one past the limit.
fn at_most_folded_words(folded: &str, limit: usize) -> bool {
    count_bytes(folded.as_bytes(), |b| b == b' ') < limit || word_count(folded, limit + 1) <= limit
}

/// The text without the characters other than letters and digits at either end.
fn trim_to_core(text: &str) -> &str {
    text.trim_matches(|c: char| !is_alphanumeric(c))
}

/// One lower-case character folded, or `None` when it is dropped.
#[inline]
fn fold_char(c: char) -> Option<char> {
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        '\u{64b}'..='\u{65f}' | '\u{670}' | '\u{640}' => return None,
        '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
            return None;
        }
        '\u{61c}' | '\u{feff}' => return None,
        'à' | 'â' | 'ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' => 'i',
        'ô' | 'ö' => 'o',
        'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        '’' | 'ʼ' => '\'',
        _ => c,
    })
}

/// A list of phrases looked for in lines, each with its searcher made once: Arabic phrases
/// begin with one of the two lead bytes most of an Arabic text is made of, on which
/// `str::contains` filters; memchr's searchers filter on a phrase's rarer bytes, with SIMD.
struct Phrases(Vec<memmem::Finder<'static>>);

impl Phrases {
    /// The searchers of `phrases`.
    fn new(phrases: &'static [&'static str]) -> Phrases {
        Phrases(phrases.iter().map(|p| memmem::Finder::new(p.as_bytes())).collect())
    }

    /// Whether `text` contains one of the phrases.
    fn any_in(&self, text: &str) -> bool {
        self.0.iter().any(|finder| finder.find(text.as_bytes()).is_some())
    }
}

/// The searchers of a phrase list, made on first use.
macro_rules! phrases {
    ($list:expr) => {{
        static PHRASES: LazyLock<Phrases> = LazyLock::new(|| Phrases::new($list));
        &*PHRASES
    }};
}

/// A short line that invites readers to a newsletter («إشترك في النشرة الإخبارية»). The
/// phrases are looked for first: counting a dozen words costs more than a few searches.
fn is_newsletter_prompt(core: &str) -> bool {
    contains_phrase(core, phrases!(NEWSLETTER_ANCHORS), phrases!(NEWSLETTER_WORDS))
        && at_most_folded_words(core, 12)
}

/// Whether the text contains one of `phrases`, each of which contains one of `anchors`. The
/// few short anchors are looked for first: most paragraphs have none of them, and are then
/// not searched for every phrase.
fn contains_phrase(text: &str, anchors: &Phrases, phrases: &Phrases) -> bool {
    anchors.any_in(text) && phrases.any_in(text)
}

/// A share prompt: a known phrase, "share on …", or a bar of social network names.
fn is_share_prompt(core: &str) -> bool {
    SHARE_LINES.contains(&core)
        || (SHARE_PREFIXES.iter().any(|p| core.starts_with(p)) && at_most_folded_words(core, 6))
        || is_share_bar(core)
}

/// A bar of at least two social network names («Facebook | Twitter | WhatsApp»).
fn is_share_bar(core: &str) -> bool {
    let words = core
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '/' | '·' | '•'))
        .filter(|w| !w.is_empty());
    let mut count = 0;
    for word in words {
        if !SHARE_CHANNELS.contains(&word) {
            return false;
        }
        count += 1;
    }
    count >= 2
}

/// A comment counter: a number and a comment word («1 تعليق», "2 comments",
/// «التعليقات (4)»), or a zero count ("No comments yet"). `core` is the folded text's
/// [`trim_to_core`].
fn is_comment_count(folded: &str, core: &str) -> bool {
    if NO_COMMENT_LINES.contains(&core) {
        return true;
    }
    // Only two tokens are wanted: a third is enough to know the line is something else.
    let tokens: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | ':' | '|'))
        .filter(|t| !t.is_empty())
        .take(3)
        .collect();
    let numbers = tokens.iter().filter(|t| t.chars().all(|c| c.is_numeric())).count();
    let words = tokens.iter().filter(|t| COMMENT_WORDS.contains(t)).count();
    tokens.len() == 2 && numbers == 1 && words == 1
}

/// Comment-form wording, a comment policy or a character counter (`1500 / 1500`); asked
/// only of a paragraph of at most [`MAX_NOTE_WORDS`] words.
fn is_comment_policy(folded: &str) -> bool {
    contains_phrase(folded, phrases!(POLICY_ANCHORS), phrases!(POLICY_WORDS))
        || phrases!(&["سياسه"]).any_in(folded) && phrases!(&["التعليقات"]).any_in(folded)
        || ends_with_counter(folded)
}

/// Whether the text ends with a character counter: `N / M` with N ≤ M and M a round number
/// of at least 100 (the "characters left" of a comment form).
fn ends_with_counter(text: &str) -> bool {
    let mut parts = text.rsplitn(2, '/');
    let (Some(after), Some(before)) = (parts.next(), parts.next()) else { return false };
    let total = after.trim();
    let used = before.trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
    match (parse_number(used), parse_number(total)) {
        (Some(used), Some(total)) => total >= 100 && total % 50 == 0 && used <= total,
        _ => false,
    }
}

/// A whole token of ASCII or Arabic-Indic digits as a number.
fn parse_number(token: &str) -> Option<u64> {
    if token.is_empty() || token.len() > 12 {
        return None;
    }
    token.chars().try_fold(0u64, |n, c| {
        Some(n * 10 + u64::from(c.to_digit(10).or_else(|| arabic_digit(c))?))
    })
}

/// The value of an Arabic-Indic or Extended Arabic-Indic digit.
fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '٠'..='٩' => Some(c as u32 - '٠' as u32),
        '۰'..='۹' => Some(c as u32 - '۰' as u32),
        _ => None,
    }
}

/// An address, telephone, fax or e-mail line: a contact label as a whole word, followed by a
/// colon, or on a short line with a digit or an `@` in it.
fn is_contact_line(core: &str) -> bool {
    CONTACT_LABELS.iter().any(|label| {
        let Some(rest) = core.strip_prefix(label) else { return false };
        if rest.starts_with(is_alphanumeric) {
            return false;
        }
        let rest = rest.trim_start();
        rest.starts_with([':', '：', '-'])
            || (at_most_folded_words(core, 8)
                && rest.contains(|c: char| c.is_numeric() || c == '@'))
    })
}

/// A caption carrying a photo credit: a © sign, a credit label starting it or one of its
/// sentences («صورة: …», "Photo: …"), credit wording in brackets, or a bracket of agency
/// names at its end.
fn is_photo_credit(folded: &str) -> bool {
    let after_stops =
        folded.match_indices('.').filter_map(|(i, _)| folded[i + 1..].strip_prefix(' '));
    let mut sentences = std::iter::once(folded).chain(after_stops);
    // `©` is looked for by both its bytes: its last, 0xA9, ends `ة` too.
    if phrases!(&["©"]).any_in(folded)
        || sentences.any(|s| CREDIT_PREFIXES.iter().any(|p| s.starts_with(p)))
    {
        return true;
    }
    // One quick search for the brackets (most captions have none) before the groups are read.
    if memchr::memchr3(b'(', b'[', b'{', folded.as_bytes()).is_none() {
        return false;
    }
    let groups = bracket_groups(folded);
    let credit_inside = groups.iter().any(|g| CREDIT_WORDS.iter().any(|w| g.starts_with(w)));
    credit_inside
        || groups.last().is_some_and(|g| is_agency_credit(g) && ends_with_group(folded, g))
}

/// A line that points to other stories: a known opening followed by a mark or nothing
/// («اقرأ أيضاً: …», «للمزيد - معركة عفرين …», «قد يهمك أيضا:»).
fn is_pointer_to_other_stories(core: &str) -> bool {
    RELATED_PREFIXES.iter().any(|prefix| {
        core.strip_prefix(prefix).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.is_empty() || rest.starts_with(POINTER_MARKS)
        })
    })
}

/// Whether a line is a pointer to other stories with nothing after it («اقرأ أيضاً:»,
/// «اقرأ أيضا|», a Markdown heading «اقرأ أيضاً»): the headlines it points to are the lines
/// that follow.
pub(super) fn is_bare_pointer(text: &str) -> bool {
    at_most_words(text, 4) && RELATED_PREFIXES.contains(&trim_to_core(&fold(text)))
}

/// A site's own note: a notification sign-up, a disclaimer, "click here", a source line
/// («نقلاً عن الرؤية الإماراتية»), or a line of agency names. A line with no letter or digit
/// at all is one too («------», «×××»: see [`classify_line`]). `short` is whether the line
/// has at most [`MAX_NOTE_WORDS`] words, the most a disclaimer found by its words has.
fn is_site_note(core: &str, short: bool) -> bool {
    if SITE_NOTE_PREFIXES.iter().any(|p| core.starts_with(p)) {
        return true;
    }
    if short && phrases!(SITE_NOTE_WORDS).any_in(core) {
        return true;
    }
    if core.starts_with("نقلا عن") && at_most_folded_words(core, MAX_SOURCE_LINE_WORDS) {
        return true;
    }
    // A credit line: agency names only, one of them a name rather than a letter or number.
    // Most paragraphs fail at their first word, so the words are not collected.
    let mut named = false;
    core.split(|c: char| c.is_whitespace() || matches!(c, '/' | '|' | '-' | '،'))
        .filter(|w| !w.is_empty())
        .all(|w| {
            named |= w.chars().count() >= 3 && !w.starts_with(|c: char| c.is_ascii_digit());
            CREDIT_LINE_WORDS.contains(&w)
        })
        && named
}

/// The contents of the (), [] and {} groups of a text, innermost brackets not nested.
fn bracket_groups(text: &str) -> Vec<&str> {
    let mut groups = Vec::new();
    let mut open: Option<(usize, u8)> = None;
    // The brackets are ASCII, so the bytes can be scanned without decoding characters.
    for (i, b) in text.bytes().enumerate() {
        match (b, open) {
            (b'(' | b'[' | b'{', _) => open = Some((i + 1, closing(b))),
            (_, Some((start, close))) if b == close => {
                groups.push(text[start..i].trim());
                open = None;
            }
            _ => {}
        }
    }
    groups
}

/// The closing bracket of an opening one.
fn closing(open: u8) -> u8 {
    match open {
        b'(' => b')',
        b'[' => b']',
        _ => b'}',
    }
}

/// Whether the last bracket group `group` is the end of the text.
fn ends_with_group(text: &str, group: &str) -> bool {
    let tail = text.trim_end_matches(|c: char| !is_alphanumeric(c) && c != ')' && c != ']');
    tail.trim_end_matches([')', ']', '}']).trim_end().ends_with(group)
}

/// Whether a bracket's contents are agency and picture library names only.
fn is_agency_credit(group: &str) -> bool {
    if AGENCIES.contains(&group) {
        return true;
    }
    let words: Vec<&str> = group
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | ',' | '،' | '-'))
        .filter(|w| !w.is_empty())
        .collect();
    words.len() <= 6
        && words.iter().any(|w| AGENCIES.contains(w))
        && words.iter().all(|w| AGENCIES.contains(w) || AGENCY_FILLERS.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> Option<Boilerplate> {
        classify_line(text).map(|f| f.kind)
    }

    /// Folding one character at a time, as the module notes define it.
    fn fold_slowly(text: &str) -> String {
        let mut out = String::new();
        let mut space = false;
        for c in text.chars().flat_map(char::to_lowercase) {
            if c.is_whitespace() {
                space = !out.is_empty();
            } else if let Some(c) = fold_char(c) {
                if std::mem::take(&mut space) {
                    out.push(' ');
                }
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn folding_by_stretches_is_folding_by_characters() {
        let samples = [
            "",
            " ",
            "  a  ",
            "ً",
            "ً a",
            "a ً b",
            "a ً  b ",
            " \u{a0}ً\tأحمد  إبراهيم ـــ آمنة\u{200f} ٱلقرية ",
            "هلْ أعجبـــك هذا المقالُ؟ ",
            "À Propos de NOUS : Crédit Photo © İstanbul ẞ ǅ",
            "x\u{200b} \u{200b}y",
            "Mixed عربي and Latin, ١٢٣ 456.",
        ];
        for text in samples {
            assert_eq!(fold(text), fold_slowly(text), "{text:?}");
        }
        for text in crate::corpus::Corpus::builtin().documents.iter().flat_map(|d| &d.paragraphs) {
            assert_eq!(fold(&text.text), fold_slowly(&text.text));
        }
        for c in (0..=0x10ffff).filter_map(char::from_u32).filter(|&c| folds_to_itself(c)) {
            assert_eq!(fold_slowly(&format!("a{c}")), format!("a{c}"), "{c:?}");
        }
        for c in ('\u{600}'..='\u{6ff}').filter(|&c| !folds_to_itself(c)) {
            assert_ne!(fold_char(c), Some(c), "{c:?} folds to itself");
        }
    }

    #[test]
    fn folded_words_are_counted_as_in_the_text() {
        let corpus = crate::corpus::Corpus::builtin();
        let texts = corpus.documents.iter().flat_map(|d| &d.paragraphs);
        for text in texts.map(|p| p.text.as_str()).chain(["", " -- ", "« أ ف ب »", "x ً y"]) {
            let folded = fold(text);
            for limit in [0, 1, 6, 8, 12, 40] {
                let words = folded.split(' ').filter(|w| w.chars().any(is_alphanumeric)).count();
                assert_eq!(at_most_folded_words(&folded, limit), words <= limit, "{text:?}");
            }
        }
    }

    #[test]
    fn folding_by_stretches_is_folding_by_characters_for_every_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("a{c}b  {c}{c} c");
            assert_eq!(fold(&text), fold_slowly(&text), "{c:?}");
        }
    }

    #[test]
    fn anchors_cover_their_phrases() {
        for (anchors, phrases) in
            [(POLICY_ANCHORS, POLICY_WORDS), (NEWSLETTER_ANCHORS, NEWSLETTER_WORDS)]
        {
            for phrase in phrases {
                assert!(anchors.iter().any(|a| phrase.contains(a)), "{phrase}");
            }
        }
    }

    #[test]
    fn folding() {
        assert_eq!(fold("  إشترك  في\u{a0}النشرة الإخبارية "), "اشترك في النشره الاخباريه");
        assert_eq!(fold("هلْ أعجبـــك"), "هل اعجبك");
        assert_eq!(fold("À Propos"), "a propos");
    }

    #[test]
    fn share_prompts() {
        for line in [
            "المشاركة في هذا المقال",
            "شارك",
            "هل أعجبك هذا المقال؟",
            "Share this article",
            "Share on Facebook",
            "Facebook | Twitter | WhatsApp",
            "Partager cet article",
        ] {
            assert_eq!(kind(line), Some(Boilerplate::SharePrompt), "{line}");
        }
        assert_eq!(kind("شارك الآلاف في المظاهرات ضد القرار"), None);
    }

    #[test]
    fn about_newsletter_contact() {
        assert_eq!(
            classify_line("من نحن"),
            Some(Flag { kind: Boilerplate::AboutUs, section: true })
        );
        assert_eq!(kind("About us"), Some(Boilerplate::AboutUs));
        assert_eq!(kind("النشرة الإخبارية"), Some(Boilerplate::Newsletter));
        assert_eq!(kind("إشترك في النشرة الإخبارية"), Some(Boilerplate::Newsletter));
        assert_eq!(kind("Sign up for our newsletter"), Some(Boilerplate::Newsletter));
        assert_eq!(kind("اتصل بنا"), Some(Boilerplate::Contact));
        assert_eq!(
            kind("adresse:\u{a0}نهج الحمايدية الطابق 4-41 تونس 1002"),
            Some(Boilerplate::Contact)
        );
        assert_eq!(kind("tel\u{a0}: 71905125"), Some(Boilerplate::Contact));
        assert_eq!(kind("fax:\u{a0}71905115"), Some(Boilerplate::Contact));
        assert_eq!(kind("Phone +44 20 7946 0000"), Some(Boilerplate::Contact));
        assert_eq!(kind("البريد الإلكتروني: info@example.com"), Some(Boilerplate::Contact));
        assert_eq!(kind("العنوان العريض لهذه المرحلة هو الحرب على الإرهاب"), None);
        assert_eq!(kind("Telegram is used by many groups"), None);
    }

    #[test]
    fn comments() {
        assert_eq!(kind("1 تعليق"), Some(Boilerplate::CommentCount));
        assert_eq!(kind("3 تعليقات"), Some(Boilerplate::CommentCount));
        assert_eq!(kind("التعليقات (4)"), Some(Boilerplate::CommentCount));
        assert_eq!(kind("2 comments"), Some(Boilerplate::CommentCount));
        assert_eq!(kind("No comments yet"), Some(Boilerplate::CommentCount));
        assert_eq!(
            kind("سياسة ديارنا بشأن التعليقات * معلومات ضرورية 1500 / 1500"),
            Some(Boilerplate::CommentPolicy)
        );
        assert_eq!(kind("Required fields are marked *"), Some(Boilerplate::CommentPolicy));
        assert_eq!(kind("0 / 1000"), Some(Boilerplate::CommentPolicy));
        assert_eq!(kind("الرد"), Some(Boilerplate::ReplyButton));
        assert_eq!(kind("Reply"), Some(Boilerplate::ReplyButton));
        assert_eq!(kind("تلقى المقال 3 تعليقات فقط من القراء."), None);
        assert_eq!(kind("الرد على هذه الحملات يجب أن يكون شاملاً."), None);
    }

    #[test]
    fn photo_credits() {
        assert_eq!(
            kind("شبان يتدربون ببغداد. [حقوق الصورة لدائرة التدريب والتشغيل]"),
            Some(Boilerplate::PhotoCredit)
        );
        assert_eq!(kind("متظاهرون في الساحة (تصوير: أحمد علي)"), Some(Boilerplate::PhotoCredit));
        assert_eq!(
            kind("Protesters in the square. (AFP/Getty Images)"),
            Some(Boilerplate::PhotoCredit)
        );
        assert_eq!(kind("Photo: Jane Doe"), Some(Boilerplate::PhotoCredit));
        assert_eq!(kind("© Reuters"), Some(Boilerplate::PhotoCredit));
        assert_eq!(kind("متظاهرون في بغداد (أ ف ب)"), Some(Boilerplate::PhotoCredit));
        assert_eq!(
            kind("LONDON (Reuters) - Officials said on Tuesday that talks would go on."),
            None
        );
        assert_eq!(kind("مكتب الأمم المتحدة المعني بالمخدرات والجريمة (UNODC) مثال."), None);
    }

    #[test]
    fn a_paragraph_longer_than_furniture_is_body_text() {
        let body = "قال المسؤولون إن المحادثات ستستمر خلال الأسابيع المقبلة في العاصمة ";
        let credit = " (أ ف ب)";
        let short = format!("{}{credit}", body.repeat(5));
        let long = format!("{}{credit}", body.repeat(6));
        assert!(at_most_words(&short, MAX_FURNITURE_WORDS));
        assert_eq!(kind(&short), Some(Boilerplate::PhotoCredit));
        assert!(!at_most_words(&long, MAX_FURNITURE_WORDS));
        assert_eq!(kind(&long), None, "a news paragraph ending with its agency");
    }

    #[test]
    fn french_furniture() {
        assert_eq!(kind("Partager cet article"), Some(Boilerplate::SharePrompt));
        assert_eq!(kind("Qui sommes-nous ?"), Some(Boilerplate::AboutUs));
        assert_eq!(
            kind("Abonnez-vous à notre lettre d’information"),
            Some(Boilerplate::Newsletter)
        );
        assert_eq!(kind("Contactez-nous"), Some(Boilerplate::Contact));
        assert_eq!(kind("Téléphone : 01 23 45 67 89"), Some(Boilerplate::Contact));
        assert_eq!(kind("12 commentaires"), Some(Boilerplate::CommentCount));
        assert_eq!(kind("Laisser un commentaire"), Some(Boilerplate::CommentPolicy));
        assert_eq!(kind("Répondre"), Some(Boilerplate::ReplyButton));
        assert_eq!(
            kind("Des manifestants à Paris. Crédit photo : Jean Dupont"),
            Some(Boilerplate::PhotoCredit)
        );
        assert_eq!(kind("Crédit photo : Jean Dupont"), Some(Boilerplate::PhotoCredit));
    }

    #[test]
    fn sections_carry_over() {
        let texts = [
            "نص المقال.",
            "من نحن",
            "تسعى الجريدة إلى أن تكون مرجعاً مهنياً في تونس وذلك باعتمادها على خط تحريري يستبق الحدث",
            "اتصل بنا",
            "نهج الحمايدية تونس 1002",
            "1 تعليق",
            "مقال رائع",
            "الرد",
        ];
        let kinds: Vec<Option<Boilerplate>> =
            classify(&texts).into_iter().map(|f| f.map(|f| f.kind)).collect();
        assert_eq!(
            kinds,
            [
                None,
                Some(Boilerplate::AboutUs),
                Some(Boilerplate::AboutUs),
                Some(Boilerplate::Contact),
                Some(Boilerplate::Contact),
                Some(Boilerplate::CommentCount),
                Some(Boilerplate::ReaderComment),
                Some(Boilerplate::ReplyButton),
            ]
        );
    }

    #[test]
    fn about_us_stops_at_the_next_heading() {
        let texts = ["من نحن", "نص عن الموقع.", "عنوان جديد", "نص المقال."];
        let flags = classify(&texts);
        assert!(flags[1].is_some());
        assert!(flags[2].is_none() && flags[3].is_none());
    }
}
