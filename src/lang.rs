//! The interface language: every label, help line and message in English and in Arabic.
//!
//! Code writes the English text; [`tr`] gives the Arabic for it (the English is the key, so a
//! string never drifts from its translation's meaning). Messages with values use `{}`
//! placeholders filled by [`fill`]. In Arabic the whole interface is mirrored (see
//! [`Lang::is_rtl`]).

use std::fmt::Display;

use crate::text::Direction;

/// An interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Arabic, with the interface mirrored.
    Ar,
}

impl Lang {
    /// The language named `name` (`ar`, `en`, or a locale such as `ar_EG.UTF-8`), if known.
    pub fn from_name(name: &str) -> Option<Lang> {
        let name = name.trim().to_ascii_lowercase();
        if name == "ar" || name.starts_with("ar_") || name.starts_with("ar-") {
            Some(Lang::Ar)
        } else if name == "en" || name.starts_with("en_") || name.starts_with("en-") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language of the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`), English when it is
    /// neither.
    pub fn from_environment() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::from_name(&v))
            .unwrap_or_default()
    }

    /// Whether the interface reads from the right (and is mirrored).
    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }

    /// The direction the interface reads in.
    pub fn direction(self) -> Direction {
        if self.is_rtl() { Direction::Rtl } else { Direction::Ltr }
    }
}

/// `english` in `lang`.
pub fn tr(lang: Lang, english: &'static str) -> &'static str {
    match lang {
        Lang::En => english,
        Lang::Ar => arabic(english).unwrap_or(english),
    }
}

/// `template` in `lang`, with its `{}` placeholders filled by `values` in order.
pub fn fill(lang: Lang, template: &'static str, values: &[&dyn Display]) -> String {
    let mut out = String::new();
    let mut values = values.iter();
    let mut parts = tr(lang, template).split("{}").peekable();
    while let Some(part) = parts.next() {
        out.push_str(part);
        if parts.peek().is_some()
            && let Some(value) = values.next()
        {
            out.push_str(&value.to_string());
        }
    }
    out
}

/// The Arabic of an English interface text.
fn arabic(english: &str) -> Option<&'static str> {
    Some(match english {
        // Keys (the help screen).
        "scroll down a line; next item in a list" => "سطر إلى الأسفل؛ العنصر التالي في قائمة",
        "scroll up a line; previous item in a list" => "سطر إلى الأعلى؛ العنصر السابق في قائمة",
        "page down; at the end, the next article" => "صفحة إلى الأسفل؛ في آخرها، المقالة التالية",
        "page up" => "صفحة إلى الأعلى",
        "top of the article" => "أول المقالة",
        "end of the article" => "آخر المقالة",
        "next paragraph (the panel's Related follows it)" => {
            "الفقرة التالية (يتبعها قسم «ذات صلة»)"
        }
        "previous paragraph" => "الفقرة السابقة",
        "next article" => "المقالة التالية",
        "previous article" => "المقالة السابقة",
        "list of articles" => "قائمة المقالات",
        "focus the side panel and back (shows it when folded)" => {
            "الانتقال إلى اللوحة الجانبية والعودة (تظهر إذا كانت مطوية)"
        }
        "next panel section (key points, facts, related…)" => {
            "قسم اللوحة التالي (النقاط، الأرقام، ذات صلة…)"
        }
        "previous panel section" => "قسم اللوحة السابق",
        "go to the selected item (key point, passage, theme…)" => {
            "الذهاب إلى العنصر المختار (نقطة، مقطع، محور…)"
        }
        "jump back to where you were before the last jump" => "العودة إلى حيث كنت قبل آخر انتقال",
        "list of themes; Enter follows one (first row: none)" => {
            "قائمة المحاور؛ Enter يتّبع محورًا (السطر الأول: بلا محور)"
        }
        "next passage of the active theme, across articles" => {
            "المقطع التالي من المحور النشط عبر المقالات"
        }
        "previous passage of the active theme" => "المقطع السابق من المحور النشط",
        "search all articles (ignores harakat, hamza); filter a list" => {
            "البحث في المقالات (يتجاهل الحركات والهمزات)؛ وتصفية قائمة"
        }
        "next search hit, across articles" => "نتيجة البحث التالية عبر المقالات",
        "previous search hit" => "نتيجة البحث السابقة",
        "list of the search's hits, in context" => "قائمة نتائج البحث في سياقها",
        " {} hits of «{}» — Enter goes there, / filters, + adds to the deck " => {
            " {} نتيجة لـ«{}» — Enter للانتقال، / للتصفية، + للإضافة إلى العرض "
        }
        "bookmark the paragraph (again: remove; note stays)" => {
            "وضع علامة على الفقرة الحالية (مرة أخرى: إزالتها، وتبقى الملاحظة)"
        }
        "write a note on the current paragraph" => "كتابة ملاحظة على الفقرة الحالية",
        "delete the note on the current paragraph (asks first)" => {
            "حذف ملاحظة الفقرة الحالية (بعد السؤال)"
        }
        "bring back the last bookmark or note removed" => "إعادة آخر علامة أو ملاحظة أُزيلت",
        "list of bookmarks and notes" => "قائمة العلامات والملاحظات",
        "add the item, passage or paragraph to the deck" => {
            "إضافة العنصر أو المقطع أو الفقرة إلى العرض"
        }
        "the deck's places (Tab: next deck)" => "مواضع العرض (Tab: العرض التالي)",
        "make a new deck (its name asked)" => "إنشاء عرض جديد (يُسأل عن اسمه)",
        "in a deck: move the place up" => "في العرض: رفع الموضع",
        "in a deck: move the place down" => "في العرض: خفض الموضع",
        "in a deck: remove the place" => "في العرض: إزالة الموضع",
        "copy the panel item, passage or paragraph (OSC 52)" => {
            "نسخ عنصر اللوحة أو المقطع أو الفقرة (OSC 52)"
        }
        "Copied the panel's item ({} characters)." => "نُسخ عنصر اللوحة ({} حرفًا).",
        "Copied the passage marked ({} characters)." => "نُسخ المقطع المعلَّم ({} حرفًا).",
        "Copied the paragraph ({} characters)." => "نُسخت الفقرة ({} حرفًا).",
        " {} passes it on with: {}" => " يمرّره {} مع: {}",
        "present the key points (or the active theme) one per screen" => {
            "عرض النقاط الرئيسية (أو المحور النشط) شاشةً شاشة"
        }
        "write a handout of every article to a new file" => "كتابة مطبوعة لكل المقالات في ملف جديد",
        "this help" => "هذه المساعدة",
        "files skipped or read with a warning; bookmarks not placed" => {
            "الملفات التي تُخطّيت أو قُرئت مع تنبيه؛ علامات لم توضع"
        }
        "No file was skipped." => "لم يُتخطَّ أي ملف.",
        "A file could not be opened or was read with a warning: {} shows it." => {
            "ملف تعذّر فتحه أو قُرئ مع تنبيه — {} يعرضه."
        }
        "{} files could not be opened or were read with a warning: {} lists them." => {
            "ملفات تعذّر فتحها أو قُرئت مع تنبيه: {} — {} يعرضها."
        }
        "Paste goes into a note ({}) or a search ({})." => "اللصق يكون في ملاحظة ({}) أو بحث ({}).",
        "A bookmark could not be placed in its article: {} shows it." => {
            "علامة تعذّر وضعها في مقالها — {} يعرضها."
        }
        "{} bookmarks could not be placed in their articles: {} lists them." => {
            "علامات تعذّر وضعها في مقالاتها: {} — {} يعرضها."
        }
        " Skipped files and warnings — Esc closes " => " الملفات المتخطاة والتنبيهات — Esc يغلق ",
        "close a list or the panel; clear marks and the theme" => {
            "إغلاق قائمة أو اللوحة؛ إزالة التظليل وترك المحور"
        }
        "quit" => "خروج",
        // Presentation keys.
        "In presentation mode" => "في وضع العرض",
        "next screen" => "الشاشة التالية",
        "previous screen" => "الشاشة السابقة",
        "first screen" => "الشاشة الأولى",
        "last screen" => "الشاشة الأخيرة",
        "go to slide number N" => "الذهاب إلى الشريحة رقم N",
        "the note on screen (with present_notes_on_screen)" => {
            "الملاحظة على الشاشة (مع present_notes_on_screen)"
        }
        "→ next, ← previous (see present_arrows)" => {
            "→ التالية، ← السابقة (انظر present_arrows)"
        }
        "pause the clock, or start it again" => "إيقاف الساعة مؤقتًا أو تشغيلها من جديد",
        "leave, back where you were" => "الخروج والعودة إلى حيث كنت",
        "While typing a search or a note" => "أثناء كتابة بحث أو ملاحظة",
        "search, or save the note" => "البحث، أو حفظ الملاحظة",
        "delete the character before the cursor" => "حذف الحرف قبل المؤشر",
        "delete the character at the cursor" => "حذف الحرف عند المؤشر",
        "delete a word back" => "حذف الكلمة السابقة",
        "delete back to the start" => "حذف ما قبل المؤشر كله",
        "cursor left, as the line is drawn" => "المؤشر يسارًا كما يظهر السطر",
        "cursor right, as the line is drawn" => "المؤشر يمينًا كما يظهر السطر",
        "cursor to the start of the text" => "المؤشر إلى أول النص",
        "cursor to the end of the text" => "المؤشر إلى آخر النص",
        "earlier search" => "بحث سابق",
        "no match" => "لا نتيجة",
        "1 hit" => "نتيجة واحدة",
        "{} hits" => "{} نتيجة",
        "later search" => "بحث لاحق",
        "give up, changing nothing" => "التراجع دون تغيير أي شيء",
        // Panel.
        "Key points" => "النقاط الرئيسية",
        "Facts" => "الأرقام",
        "Related" => "ذات صلة",
        "the same text" => "النص نفسه",
        "Themes" => "المحاور",
        "Outline" => "العناوين",
        "(no headings)" => "(لا عناوين)",
        "Reading the articles…" => "قراءة المقالات…",
        "(no key points)" => "(لا نقاط رئيسية)",
        "(no figures in this article)" => "(لا أرقام في هذه المقالة)",
        "(nothing in the other articles is close to this paragraph)" => {
            "(لا شيء في المقالات الأخرى قريب من هذه الفقرة)"
        }
        "(no theme runs through this article)" => "(لا محور يمر بهذه المقالة)",
        "{} here · {} in {} articles" => "هنا: {} · الكل: {} · المقالات: {}",
        // Status line and prompts.
        "article {}/{}  {}%" => "المقالة {}/{}  {}%",
        "theme «{}» passage {} of {}" => "المحور «{}» المقطع {} من {}",
        "panel" => "اللوحة",
        "themes" => "المحاور",
        "search" => "بحث",
        "help" => "مساعدة",
        "Search: " => "بحث: ",
        "Note: " => "ملاحظة: ",
        // Windows.
        " Keys — Esc closes " => " المفاتيح — Esc يغلق ",
        " j ↓ more " => " j ↓ المزيد ",
        " Articles — Enter opens, / filters, Esc closes " => {
            " المقالات — Enter يفتح، / يصفّي، Esc يغلق "
        }
        " Themes — Enter follows one, / filters, Esc closes " => {
            " المحاور — Enter يتتبع محورًا، / يصفّي، Esc يغلق "
        }
        " Bookmarks and notes — Enter goes there, / filters, Esc closes " => {
            " العلامات والملاحظات — Enter ينتقل إليها، / يصفّي، Esc يغلق "
        }
        // A list's filter line and the marks on its frame.
        "Filter: " => "تصفية: ",
        "{} of {}" => "{} من {}",
        "Nothing here holds «{}»" => "لا شيء هنا فيه «{}»",
        "{} {} above" => "{} {} أعلاه",
        "{} {} below" => "{} {} أدناه",
        "{} passages, {} articles" => "المقاطع: {}، المقالات: {}",
        // Presentation.
        "{} key points" => "النقاط الرئيسية: {}",
        "{} passages in {} articles" => "المقاطع: {} · المقالات: {}",
        "{} slides" => "الشرائح: {}",
        "End of the presentation" => "نهاية العرض",
        "…continued" => "…تتمة",
        "continued…" => "يتبع…",
        "Notes are shown in the speaker view (basira present --speaker), not to the audience." => {
            "الملاحظات تظهر في شاشة المتحدث (basira present --speaker) لا للجمهور."
        }
        "Another presentation has the speaker view; this one is not sent to it." => {
            "عرض آخر يستخدم شاشة المتحدث؛ لا يُرسل هذا العرض إليها."
        }
        "No speaker view: {}" => "لا شاشة للمتحدث: {}",
        "{} left" => "بقي {}",
        "{} over" => "تجاوز الوقت {}",
        "{} (paused)" => "{} (متوقف)",
        // The speaker view.
        "Waiting for a presentation…" => "في انتظار عرض…",
        "Press p in a basira reader to present; q leaves." => {
            "اضغط p في قارئ بصيرة لبدء العرض؛ q للخروج."
        }
        "Slide {} of {}" => "الشريحة {} من {}",
        "{} (screen {} of {})" => "{} (الشاشة {} من {})",
        "Now" => "الآن",
        "Next" => "التالية",
        "(the end)" => "(النهاية)",
        "presented {}" => "مضى {}",
        "Note" => "ملاحظة",
        "(no note on this point)" => "(لا ملاحظة على هذه النقطة)",
        // Messages.
        "This is the last article." => "هذه آخر مقالة.",
        "This is the first article." => "هذه أول مقالة.",
        "This is the last paragraph." => "هذه آخر فقرة.",
        "This is the first paragraph." => "هذه أول فقرة.",
        "No earlier place to go back to." => "لا مكان سابق للعودة إليه.",
        "Still reading the articles…" => "ما زالت المقالات قيد القراءة…",
        "These articles have no theme in common." => "لا محور مشترك بين هذه المقالات.",
        "Theme «{}»: {} next passage, {} previous, {} leaves the theme." => {
            "المحور «{}»: {} المقطع التالي، {} السابق، {} لترك المحور."
        }
        "No theme is followed now: {} presents this article." => {
            "لم يعد هناك محور متّبع: {} يعرض هذه المقالة."
        }
        "(no theme: the article alone)" => "(بلا محور: المقالة وحدها)",
        "Back to the first passage of «{}»." => "عودة إلى أول مقطع من «{}».",
        "Round to the last passage of «{}»." => "انتقال إلى آخر مقطع من «{}».",
        "No theme is active: press {} to choose one." => "لا محور نشطًا: اضغط {} لاختيار محور.",
        "No match for «{}»." => "لا نتيجة للبحث عن «{}».",
        "Hit {} of {} for «{}»." => "النتيجة {} من {} للبحث عن «{}».",
        "Back to the first hit: {} of {} for «{}»." => {
            "عودة إلى أول نتيجة: {} من {} للبحث عن «{}»."
        }
        "Round to the last hit: {} of {} for «{}»." => {
            "انتقال إلى آخر نتيجة: {} من {} للبحث عن «{}»."
        }
        "No search yet: press {} to search." => "لا بحث بعد: اضغط {} للبحث.",
        "Bookmarked." => "وُضعت علامة.",
        "Bookmark removed: {} brings it back." => "أُزيلت العلامة: {} يعيدها.",
        "Bookmark removed; the note stays. {} brings the bookmark back." => {
            "أُزيلت العلامة وبقيت الملاحظة. {} يعيد العلامة."
        }
        "Note deleted: {} brings it back." => "حُذفت الملاحظة: {} يعيدها.",
        "Delete the note on this paragraph? {} deletes it, any other key keeps it." => {
            "أتحذف ملاحظة هذه الفقرة؟ {} يحذفها، وأي مفتاح آخر يبقيها."
        }
        "The note is kept." => "بقيت الملاحظة.",
        "This paragraph has no note." => "لا ملاحظة على هذه الفقرة.",
        "Undone: the bookmark is back." => "تراجعت: عادت العلامة.",
        "Undone: the note is back." => "تراجعت: عادت الملاحظة.",
        "Nothing to undo." => "لا شيء للتراجع عنه.",
        "Deck «{}» made: {} adds the place you point at." => {
            "أُنشئ العرض «{}»: {} يضيف إليه الموضع الذي تشير إليه."
        }
        "A deck needs a name." => "يحتاج العرض إلى اسم.",
        "There is a deck «{}» already." => "يوجد عرض باسم «{}».",
        "Added to «{}» ({} places): {} lists the deck." => {
            "أُضيف إلى «{}» ({} مواضع): {} يعرض قائمته."
        }
        "«{}» has this place already." => "في «{}» هذا الموضع من قبل.",
        "Removed from the deck: {} brings it back." => "أُزيل من العرض: {} يعيده.",
        "Undone: the place is back in its deck." => "تراجعت: عاد الموضع إلى عرضه.",
        "That place's article is not open, or was edited past finding it." => {
            "مقالة هذا الموضع غير مفتوحة، أو عُدّلت فلم يعد يُعثر عليه."
        }
        "(its article is not open, or was edited past finding it)" => {
            "(مقالته غير مفتوحة، أو عُدّلت فلم يعد يُعثر عليه)"
        }
        " Deck «{}» — Enter goes there, p presents, J K d, Tab next deck " => {
            " العرض «{}» — Enter للانتقال، p للعرض، J K d، Tab للعرض التالي "
        }
        "Deck {}" => "العرض {}",
        "Deck name: " => "اسم العرض: ",
        "No deck yet: {} adds the place you point at to a new one." => {
            "لا عرض بعد: {} يضيف الموضع الذي تشير إليه إلى عرض جديد."
        }
        "Still reading this article: bookmarks and notes in a moment." => {
            "ما زالت المقالة تُقرأ: العلامات والملاحظات بعد لحظة."
        }
        "A direction override may draw a figure otherwise than it is written." => {
            "في النص علامة تفرض الاتجاه: قد يظهر رقم على غير ما كُتب."
        }
        "Note saved." => "حُفظت الملاحظة.",
        "No bookmarks yet: {} bookmarks a paragraph, {} adds a note." => {
            "لا علامات بعد: {} يضع علامة على فقرة، و{} يضيف ملاحظة."
        }
        "Handout written to {}." => "كُتبت المطبوعة في {}.",
        "The handout could not be written: {}." => "تعذّرت كتابة المطبوعة: {}.",
        "The reading state could not be saved in {}: {}." => "تعذّر حفظ حالة القراءة في {}: {}.",
        "{}: cannot be read ({}); defaults used." => {
            "تعذّرت قراءة {} ({})؛ استُعملت الإعدادات الافتراضية."
        }
        "{} line {}: {}; defaults used." => "{}، السطر {}: {}؛ استُعملت الإعدادات الافتراضية.",
        "{}: {}; defaults used." => "{}: {}؛ استُعملت الإعدادات الافتراضية.",
        "{}: {} is not a valid value ({}); the default is kept." => {
            "{}: {} ليست قيمة صالحة ({})؛ بقيت القيمة الافتراضية."
        }
        "{}: {}; its default keys are kept." => "{}: {}؛ بقيت مفاتيحه الافتراضية.",
        "{}: unknown setting «{}»." => "{}: إعداد غير معروف «{}».",
        // The saved reading state.
        "The saved state in {} could not be read ({}); it was left as it is, and basira \
         starts afresh without saving over it." => {
            "تعذّرت قراءة الحالة المحفوظة في {} ({})؛ تُركت كما هي، ويبدأ بصيرة من جديد دون أن \
             يكتب فوقها."
        }
        "The saved state in {} was written by a newer basira (state version {}); it was left \
         as it is, and basira starts afresh without saving over it." => {
            "كتب الحالةَ المحفوظة في {} إصدارٌ أحدث من بصيرة (إصدار الحالة {})؛ تُركت كما هي، \
             ويبدأ بصيرة من جديد دون أن يكتب فوقها."
        }
        "The saved state in {} could not be read ({}); it was set aside as {} and basira \
         starts afresh." => {
            "تعذّرت قراءة الحالة المحفوظة في {} ({})؛ نُحّيت جانبًا باسم {} ويبدأ بصيرة من جديد."
        }
        "The saved state in {} could not be read ({}) nor set aside ({}); basira starts afresh \
         and will replace it when it saves." => {
            "تعذّرت قراءة الحالة المحفوظة في {} ({}) ولا تنحيتها ({})؛ يبدأ بصيرة من جديد \
             وسيستبدلها عند الحفظ."
        }
        "A note («{}») on paragraph {} of {}, which has {} paragraphs: kept in the state \
         file, not shown." => {
            "ملاحظة («{}») على الفقرة رقم {} من {}، وعدد فقراته {}: محفوظة في ملف الحالة ولا تُعرض."
        }
        "A bookmark on paragraph {} of {}, which has {} paragraphs: kept in the state file, \
         not shown." => {
            "علامة على الفقرة رقم {} من {}، وعدد فقراته {}: محفوظة في ملف الحالة ولا تُعرض."
        }
        "A note («{}») on paragraph {} of {}, which was edited: no paragraph of it reads like \
         that one now; kept in the state file, not shown." => {
            "ملاحظة («{}») على الفقرة رقم {} من {}، وقد عُدّل: لم تعد فيه فقرة تشبهها؛ محفوظة \
             في ملف الحالة ولا تُعرض."
        }
        "A bookmark on paragraph {} of {}, which was edited: no paragraph of it reads like \
         that one now; kept in the state file, not shown." => {
            "علامة على الفقرة رقم {} من {}، وقد عُدّل: لم تعد فيه فقرة تشبهها؛ محفوظة في ملف \
             الحالة ولا تُعرض."
        }
        // Handouts (src/export/labels.rs).
        "basira handout" => "مطبوعة بصيرة",
        "In this handout:" => "في هذه المطبوعة:",
        "Source: {}" => "المصدر: {}",
        "Facts and figures" => "الوقائع والأرقام",
        "Related passages in other articles" => "مقاطع ذات صلة في المقالات الأخرى",
        "Bookmarks and notes" => "العلامات والملاحظات",
        "No key points were found in this article." => "لم تُستخرج نقاط رئيسية من هذه المقالة.",
        "No figures in this article." => "لا أرقام في هذه المقالة.",
        "No theme of the collection runs through this article." => {
            "لا يمر بهذه المقالة أي من محاور المجموعة."
        }
        "Nothing in the other articles is close to this one." => {
            "لا شيء في المقالات الأخرى قريب من هذه المقالة."
        }
        "No bookmarks or notes in this article." => "لا علامات ولا ملاحظات في هذه المقالة.",
        "{} passages here, in {} articles" => "{} من مقاطعه هنا، وهو في {} من المقالات",
        "1 passage here, in {} articles" => "مقطع واحد منه هنا، وهو في {} من المقالات",
        "{} passages here, in 1 article" => "{} من مقاطعه هنا، في هذه المقالة وحدها",
        "1 passage here, in 1 article" => "مقطع واحد منه هنا، في هذه المقالة وحدها",
        "In «{}»:" => "في «{}»:",
        "where this article says: {}" => "حيث تقول هذه المقالة: {}",
        "the same text as this article's: {}" => "النص نفسه في هذه المقالة: {}",
        "shared words: {}" => "الكلمات المشتركة: {}",
        // Files of the collection.
        "{}: no such file or folder" => "{}: لا ملف ولا مجلد بهذا الاسم",
        "{}: cannot be read ({})" => "{}: تتعذّر قراءته ({})",
        "{}: the folder holds no article file ({}) with text" => {
            "{}: لا يحوي المجلد ملف مقالة ({}) فيه نص"
        }
        "{}: none of its 1 file could be opened; the first: {}" => "{}: تعذّر فتح ملفه الوحيد: {}",
        "{}: none of its {} files could be opened; the first: {}" => {
            "{}: تعذّر فتح كل ملفاته، وعددها {}؛ أولها: {}"
        }
        "{}: the file is empty" => "{}: الملف فارغ",
        "{}: this is a binary file, not text" => "{}: ملف ثنائي وليس نصًا",
        "{}: not an article file ({})" => "{}: ليس ملف مقالة ({})",
        "{}: the file is {} MB; basira opens files up to {} MB" => {
            "{}: حجم الملف {} ميغابايت، وبصيرة يفتح ملفات حتى {} ميغابايت"
        }
        "{}: not a regular file" => "{}: ليس ملفًا عاديًا",
        "{}: the e-book is damaged ({})" => "{}: الكتاب الإلكتروني تالف ({})",
        "{}: the e-book is protected by DRM and cannot be read" => {
            "{}: الكتاب الإلكتروني محمي بإدارة الحقوق الرقمية ولا يمكن قراءته"
        }
        "{}: its chapter {} is larger than {} MB, the most basira reads of one chapter" => {
            "{}: فصله {} أكبر من {} ميغابايت، وهو أقصى ما يقرؤه بصيرة من فصل واحد"
        }
        "{}: the e-book holds more than {} MB of text, the most basira opens" => {
            "{}: في الكتاب الإلكتروني أكثر من {} ميغابايت من النص، وهو أقصى ما يفتحه بصيرة"
        }
        "{}: the e-book has no chapter with text" => "{}: لا فصل فيه نص في الكتاب الإلكتروني",
        "{}: no article was found in this web page" => "{}: لم تُوجد مقالة في صفحة الويب هذه",
        "{}: the web page nests its elements too deeply or has too many to be read" => {
            "{}: عناصر صفحة الويب هذه أكثر أو أعمق تداخلًا من أن تُقرأ"
        }
        "; skipped" => "؛ تُخطّي",
        "{}: skipped, a link back to a folder already read" => {
            "{}: تُخطّي، فهو رابط إلى مجلد قُرئ من قبل"
        }
        "{}: skipped, a folder already read through a link to it" => {
            "{}: تُخطّي، فهو مجلد قُرئ من قبل عبر رابط إليه"
        }
        "{}: read as {}" => "{}: قُرئ بترميز {}",
        "{}: not valid {}; 1 invalid byte was replaced with \u{FFFD}" => {
            "{}: ليس {} سليمًا؛ استُبدل ببايت واحد غير صالح الرمزُ \u{FFFD}"
        }
        "{}: not valid {}; {} invalid bytes were replaced with \u{FFFD}" => {
            "{}: ليس {} سليمًا؛ استُبدل بالبايتات غير الصالحة، وعددها {}، الرمزُ \u{FFFD}"
        }
        "{}: not valid {}; the damaged parts were replaced with \u{FFFD}" => {
            "{}: ليس {} سليمًا؛ استُبدل بالأجزاء التالفة الرمزُ \u{FFFD}"
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::keymap::Keymap;

    #[test]
    fn every_help_line_has_its_arabic() {
        for (keys, help) in crate::ui::help::rows(&Keymap::default(), Lang::En) {
            if !help.is_empty() {
                assert_ne!(tr(Lang::Ar, help), help, "{keys}: {help}");
            }
        }
    }

    #[test]
    fn templates_are_filled_in_either_language() {
        assert_eq!(
            fill(Lang::En, "Hit {} of {} for «{}».", &[&2, &6, &"تلجرام"]),
            "Hit 2 of 6 for «تلجرام»."
        );
        assert_eq!(
            fill(Lang::Ar, "Hit {} of {} for «{}».", &[&2, &6, &"تلجرام"]),
            "النتيجة 2 من 6 للبحث عن «تلجرام»."
        );
    }

    #[test]
    fn languages_from_names_and_locales() {
        assert_eq!(Lang::from_name("ar_EG.UTF-8"), Some(Lang::Ar));
        assert_eq!(Lang::from_name("en"), Some(Lang::En));
        assert_eq!(Lang::from_name("C.UTF-8"), None);
    }
}
