//! Rendering fixtures: paragraphs and the visual lines a reader must see, checked by eye.
//!
//! Most fixtures turn shaping off so that the expected lines can be written with ordinary
//! Arabic letters: the visual order is what is under test. The shaping fixtures spell out the
//! presentation forms by code point.

use basira::layout::{
    BidiMode, Harakat, LayoutOptions, ParagraphLayout, Shaping, layout_paragraph,
};
use basira::text::Direction;

const UNSHAPED: LayoutOptions = LayoutOptions {
    shaping: Shaping::Off,
    harakat: Harakat::Keep,
    bidi: BidiMode::App,
    ascii_rules: false,
};

fn lines(text: &str, width: u16, options: &LayoutOptions) -> Vec<String> {
    layout_paragraph(text, Direction::Rtl, width, options)
        .lines
        .iter()
        .map(|l| l.to_padded_string())
        .collect()
}

#[test]
fn latin_words_and_digits_keep_left_to_right_order_inside_arabic() {
    assert_eq!(
        lines("حذفت Twitter نحو 274 ألف حساب", 29, &UNSHAPED),
        ["باسح فلأ 274 وحن Twitter تفذح"]
    );
    // After an Arabic letter, digits are Arabic numbers (W2): the percent sign is not joined
    // to them and follows them in reading order, on their left, as Arabic typesetting has it.
    assert_eq!(lines("بمعدل 8.4% كما", 20, &UNSHAPED), ["      امك %8.4 لدعمب"]);
    assert_eq!(lines("مكتبها (UNOCT) والعديد", 22, &UNSHAPED), ["ديدعلاو (UNOCT) اهبتكم"]);
}

#[test]
fn numbers_alone_in_a_right_to_left_paragraph_read_from_the_right() {
    // No letter decides the direction, so the article's (right to left) does: the first
    // number is on the right, as in an Arabic book, and the brackets are mirrored.
    assert_eq!(lines("2024 - 2025", 11, &UNSHAPED), ["2025 - 2024"]);
    assert_eq!(lines("(1500 / 1500)", 15, &UNSHAPED), ["  (1500 / 1500)"]);
    assert_eq!(lines("(1) 2", 5, &UNSHAPED), ["2 (1)"]);
    let ltr = layout_paragraph("2024 - 2025", Direction::Ltr, 11, &UNSHAPED);
    assert_eq!(ltr.lines[0].to_padded_string(), "2024 - 2025");
}

#[test]
fn brackets_and_guillemets_are_mirrored_in_right_to_left_text() {
    assert_eq!(lines("قال (الخبراء) [ذلك] «داعش»", 26, &UNSHAPED), ["«شعاد» [كلذ] (ءاربخلا) لاق"]);
    assert_eq!(lines("‹نص›", 4, &UNSHAPED), ["‹صن›"]);
}

#[test]
fn harakat_stay_after_their_letter() {
    // Clusters are reversed, not characters: each mark still follows its letter.
    assert_eq!(lines("مُحَمَّد", 4, &UNSHAPED), ["دمَّحَمُ"]);
    let strip = LayoutOptions { harakat: Harakat::Strip, ..UNSHAPED };
    assert_eq!(lines("مُحَمَّد", 4, &strip), ["دمحم"]);
}

#[test]
fn lam_alef_ligature_at_the_edges_of_lines() {
    // «قال لا» at four columns: the ligature starts the second line, alone, right-aligned.
    let shaped = lines("قال لا", 4, &LayoutOptions::default());
    assert_eq!(shaped, [" \u{FEDD}\u{FE8E}\u{FED7}", "   \u{FEFB}"]);
    // «سلا» at the end of a line: final form of the ligature after a joining letter.
    let shaped = lines("في سلا", 3, &LayoutOptions::default());
    assert_eq!(shaped, [" \u{FEF2}\u{FED3}", " \u{FEFC}\u{FEB3}"]);
}

#[test]
fn a_word_wider_than_the_line_is_cut() {
    assert_eq!(lines("استراتيجياته", 5, &UNSHAPED), ["ارتسا", "ايجيت", "   هت"]);
    // Shaped before it is cut: the pieces keep their joined forms.
    let shaped = lines("بببب", 2, &LayoutOptions::default());
    assert_eq!(shaped, ["\u{FE92}\u{FE91}", "\u{FE90}\u{FE92}"]);
}

#[test]
fn english_paragraph_in_an_arabic_article_is_left_aligned_and_unmirrored() {
    let layout = layout_paragraph(
        "The UN Office (UNOCT) coordinates «efforts».",
        Direction::Rtl,
        24,
        &UNSHAPED,
    );
    assert_eq!(layout.direction, Direction::Ltr);
    let text: Vec<String> = layout.lines.iter().map(|l| l.to_padded_string()).collect();
    assert_eq!(text, ["The UN Office (UNOCT) ", "coordinates «efforts»."]);
}

#[test]
fn trailing_whitespace_takes_the_paragraph_level() {
    // L1: the space after «English» at the end of the line goes to the paragraph's end (the
    // left), leaving one space between the Latin word and the Arabic one.
    assert_eq!(lines("نص English words", 11, &UNSHAPED), [" English صن", "      words"]);
}

#[test]
fn arabic_indic_digits_read_left_to_right() {
    assert_eq!(lines("عام ٢٠١٧ و ٢٠١٨", 15, &UNSHAPED), ["٢٠١٨ و ٢٠١٧ ماع"]);
}

#[test]
fn shaped_words_join() {
    // «الإرهاب الرقمي», read from the right: alef, lam-alef with hamza below (isolated: alef
    // does not join forward), reh, heh initial, alef final, beh; alef, lam initial, reh final,
    // qaf initial (reh does not join forward), meem medial, yeh final.
    let shaped = lines("الإرهاب الرقمي", 13, &LayoutOptions::default());
    assert_eq!(
        shaped,
        [
            "\u{FEF2}\u{FEE4}\u{FED7}\u{FEAE}\u{FEDF}\u{FE8D} \u{FE8F}\u{FE8E}\u{FEEB}\u{FEAD}\u{FEF9}\u{FE8D}"
        ]
    );
}

#[test]
fn terminal_bidi_mode_keeps_logical_order_and_unjoined_letters() {
    let options = LayoutOptions { bidi: BidiMode::Terminal, ..LayoutOptions::default() };
    assert_eq!(lines("قال (الخبراء) لا", 30, &options), ["قال (الخبراء) لا"]);
}

#[test]
fn search_hits_map_to_the_right_cells() {
    // «Twitter» sits between two Arabic words; its cells are where it is drawn.
    let text = "حذفت Twitter حسابا";
    let layout: ParagraphLayout = layout_paragraph(text, Direction::Rtl, 20, &UNSHAPED);
    let start = text.find("Twitter").unwrap();
    let cells = layout.cells_for(start..start + "Twitter".len());
    // Line: 2 blank cells, «ابasح» (5), space, «Twitter» (7), space, «تفذح» (4).
    assert_eq!(cells.len(), 1);
    assert_eq!(cells[0].0, 0);
    assert_eq!(cells[0].1.len(), 1);
    assert_eq!(cells[0].1[0], 8..15);
    let first_word = layout.cells_for(0.."حذفت".len());
    assert_eq!(first_word.len(), 1);
    assert_eq!(first_word[0].1.len(), 1);
    assert_eq!(first_word[0].1[0], 16..20);
}

#[test]
fn bidi_controls_from_the_file_are_applied_but_never_drawn() {
    let text = "\u{202E}abc\u{202C} \u{2067}نص\u{2069}";
    let drawn = lines(text, 20, &UNSHAPED).concat();
    assert!(!drawn.chars().any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')));
    assert!(drawn.contains("cba"), "the override is honoured: {drawn:?}");
}
