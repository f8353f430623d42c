//! Properties of the layout at every width from 10 to 200, on the built-in articles and on
//! generated text: no line wider than the width, every character drawn exactly once, and
//! right-to-left lines flush with the right edge.

use basira::corpus::Corpus;
use basira::layout::bidi::mirror;
use basira::layout::{
    BidiMode, Harakat, LayoutOptions, ParagraphLayout, Shaping, layout_paragraph,
};
use basira::text::Direction;
use proptest::prelude::*;

/// Characters that are applied but never drawn (bidi format characters).
fn is_bidi_format(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Zero-width format characters: drawn inside a cluster or folded into one, never alone.
fn is_zero_width_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}')
}

/// Check the three properties; return a description of the first violation.
fn check(text: &str, width: u16, options: &LayoutOptions) -> Result<(), String> {
    let layout: ParagraphLayout = layout_paragraph(text, Direction::Rtl, width, options);
    let mut covered: Vec<(u32, u32, String)> = Vec::new();
    for (i, line) in layout.lines.iter().enumerate() {
        let measured: u16 = line.glyphs().map(|(_, g)| u16::from(g.width)).sum();
        if measured != line.width {
            return Err(format!("line {i}: width {} but glyphs measure {measured}", line.width));
        }
        if line.indent + line.width > width {
            return Err(format!("line {i} is {} wide at width {width}", line.indent + line.width));
        }
        if layout.direction == Direction::Rtl
            && options.bidi == BidiMode::App
            && line.indent + line.width != width
        {
            return Err(format!("right-to-left line {i} does not reach the right edge"));
        }
        for (drawn, glyph) in line.glyphs() {
            covered.push((glyph.source.start, glyph.source.end, drawn.to_string()));
        }
    }
    covered.sort();
    for pair in covered.windows(2) {
        if pair[0].1 > pair[1].0 {
            return Err(format!("glyphs overlap at byte {}", pair[1].0));
        }
    }
    // Every character that is not a space, a removed mark or a bidi control is drawn once.
    for (offset, c) in text.char_indices() {
        let removed = is_bidi_format(c)
            || is_zero_width_format(c)
            || c.is_whitespace()
            || (options.harakat == Harakat::Strip && basira::layout::shape::is_haraka(c));
        // Glyphs do not overlap, so the only candidate is the last one starting at or before.
        let before = covered.partition_point(|(s, _, _)| *s as usize <= offset);
        let drawn = before > 0 && offset < covered[before - 1].1 as usize;
        if !removed && !drawn {
            return Err(format!("{c:?} at byte {offset} is not drawn exactly once"));
        }
    }
    // Unshaped, the drawn characters read back, in source order, as the text itself.
    if options.shaping == Shaping::Off && covered.iter().all(|(_, _, d)| !d.contains('…')) {
        let unmirrored = |c: char| if mirror(c).is_some() { '(' } else { c };
        let drawn: String = covered
            .iter()
            .flat_map(|(_, _, d)| d.chars().map(unmirrored))
            .filter(|&c| !c.is_whitespace() && c != '\u{25CC}' && !is_zero_width_format(c))
            .collect();
        let expected: String = text
            .chars()
            .filter(|&c| !c.is_whitespace() && !is_bidi_format(c) && !c.is_control())
            .filter(|&c| !is_zero_width_format(c))
            .filter(|&c| options.harakat == Harakat::Keep || !basira::layout::shape::is_haraka(c))
            .map(unmirrored)
            .collect();
        if drawn != expected {
            return Err("the drawn characters differ from the text".into());
        }
    }
    Ok(())
}

const ALL_OPTIONS: [LayoutOptions; 4] = [
    LayoutOptions {
        shaping: Shaping::On,
        harakat: Harakat::Keep,
        bidi: BidiMode::App,
        ascii_rules: false,
    },
    LayoutOptions {
        shaping: Shaping::Off,
        harakat: Harakat::Keep,
        bidi: BidiMode::App,
        ascii_rules: false,
    },
    LayoutOptions {
        shaping: Shaping::On,
        harakat: Harakat::Strip,
        bidi: BidiMode::App,
        ascii_rules: false,
    },
    LayoutOptions {
        shaping: Shaping::On,
        harakat: Harakat::Keep,
        bidi: BidiMode::Terminal,
        ascii_rules: false,
    },
];

#[test]
fn built_in_articles_at_every_width_from_10_to_200() {
    let corpus = Corpus::builtin();
    for document in &corpus.documents {
        for paragraph in &document.paragraphs {
            for width in 10..=200u16 {
                // Each width with one set of options, every set at neighbouring widths.
                let options = &ALL_OPTIONS[usize::from(width) % ALL_OPTIONS.len()];
                {
                    if let Err(e) = check(&paragraph.text, width, options) {
                        panic!(
                            "{}: width {width}, {options:?}: {e}\n{}",
                            document.path, paragraph.text
                        );
                    }
                }
            }
        }
    }
}

/// Text drawn from the pieces that make layout hard.
fn hard_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "الإرهاب",
        "لا",
        "سلام",
        "مُحَمَّد",
        "ـ",
        "(",
        ")",
        "[",
        "]",
        "«",
        "»",
        "Twitter",
        "UNOCT",
        "274",
        "٢٠١٧",
        "8.4%",
        " ",
        "  ",
        "،",
        ".",
        "؟",
        "\u{202E}",
        "\u{202C}",
        "\u{2067}",
        "\u{2069}",
        "\u{200F}",
        "\u{064E}",
        "\t",
        "中文",
        "😀",
        "\u{200D}",
        "استراتيجياته",
        "a-b",
        "https://example.com/x",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn generated_text_keeps_the_properties(text in hard_text(), width in 10u16..=200, o in 0usize..4) {
        if let Err(e) = check(&text, width, &ALL_OPTIONS[o]) {
            return Err(TestCaseError::fail(format!("{e} in {text:?} at {width}")));
        }
    }

    #[test]
    fn any_text_at_any_width_lays_out_without_panic(text in "\\PC{0,200}", width in 0u16..300) {
        let layout = layout_paragraph(&text, Direction::Ltr, width, &LayoutOptions::default());
        for line in &layout.lines {
            prop_assert!(line.indent + line.width <= width.max(1));
        }
    }
}
