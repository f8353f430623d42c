//! Bidi levels of a paragraph without explicit formatting characters (UAX #9, W1–I2).
//!
//! Nearly every paragraph a reader opens has no embedding, override or isolate controls, no
//! boundary neutrals (such as ZWJ) and no paragraph separators. Such a paragraph is a single
//! level run at the paragraph level, hence a single isolating run sequence whose sos and eos
//! are the paragraph's direction: rules X1–X10 have nothing to do. The rules from W1 on are
//! applied here on one class byte per character, and the resulting levels are spread over the
//! bytes once, so that the levels of a line are a copy of its bytes. Every other paragraph is
//! left to unicode-bidi by `ParagraphBidi`, which uses this module.

use std::ops::Range;
use std::sync::OnceLock;

use unicode_bidi::{BidiClass, BidiDataSource};

use crate::text::{FastBidiData, bidi_class};

/// The bidi classes a paragraph without explicit formatting characters holds, as the rules
/// change them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(clippy::upper_case_acronyms, reason = "the names UAX #9 gives them")]
enum Class {
    L,
    R,
    AL,
    EN,
    ES,
    ET,
    AN,
    CS,
    NSM,
    WS,
    S,
    ON,
}

impl Class {
    /// The class of a character, or `None` for a class only the full algorithm handles:
    /// explicit formatting characters, boundary neutrals and paragraph separators.
    fn of(class: BidiClass) -> Option<Class> {
        FROM_BIDI_CLASS.get(class as usize).copied().flatten()
    }

    /// The class of the character `c` as its [`class_code`]: `None` for the full algorithm's.
    fn of_char(c: char) -> Option<Class> {
        ALL_CLASSES.get(usize::from(class_code(c))).copied()
    }

    /// The direction a class counts as for rules N0–N2 once the weak types are resolved: L
    /// for L, R for R, AL and the numbers, `None` for a neutral.
    fn strong_direction(self) -> Option<Class> {
        match self {
            Class::L => Some(Class::L),
            Class::R | Class::AL | Class::EN | Class::AN => Some(Class::R),
            _ => None,
        }
    }

    /// Rules I1 and I2: the level of a character of this resolved class (L, R, AL, EN or
    /// AN) in a run at `level`.
    fn implicit_level(self, level: u8) -> u8 {
        match (level % 2 == 1, self) {
            (false, Class::R | Class::AL) | (true, Class::L | Class::EN | Class::AN) => level + 1,
            (false, Class::EN | Class::AN) => level + 2,
            _ => level,
        }
    }

    /// The rule L1 flag of a character of this original class in its per-byte entries.
    fn line_end_flag(self) -> u8 {
        match self {
            Class::WS => WHITESPACE,
            Class::S => SEGMENT_SEPARATOR,
            _ => 0,
        }
    }
}

/// [`Class::of`] as a table indexed by `BidiClass as usize`: one load per character, where a
/// `match` compiles to an indirect jump that text alternating letters and spaces mispredicts.
const FROM_BIDI_CLASS: [Option<Class>; 23] = {
    let mut table = [None; 23];
    table[BidiClass::L as usize] = Some(Class::L);
    table[BidiClass::R as usize] = Some(Class::R);
    table[BidiClass::AL as usize] = Some(Class::AL);
    table[BidiClass::EN as usize] = Some(Class::EN);
    table[BidiClass::ES as usize] = Some(Class::ES);
    table[BidiClass::ET as usize] = Some(Class::ET);
    table[BidiClass::AN as usize] = Some(Class::AN);
    table[BidiClass::CS as usize] = Some(Class::CS);
    table[BidiClass::NSM as usize] = Some(Class::NSM);
    table[BidiClass::WS as usize] = Some(Class::WS);
    table[BidiClass::S as usize] = Some(Class::S);
    table[BidiClass::ON as usize] = Some(Class::ON);
    table
};

/// How many classes there are.
const CLASS_COUNT: usize = 12;

/// Every class.
const ALL_CLASSES: [Class; CLASS_COUNT] = [
    Class::L,
    Class::R,
    Class::AL,
    Class::EN,
    Class::ES,
    Class::ET,
    Class::AN,
    Class::CS,
    Class::NSM,
    Class::WS,
    Class::S,
    Class::ON,
];

/// The [`class_code`] of the characters only the full algorithm handles.
const FULL_ALGORITHM: u8 = CLASS_COUNT as u8;

/// The index in [`ALL_CLASSES`] of the class of `c`, or [`FULL_ALGORITHM`]: one load for
/// the characters below U+0800 (Latin, Arabic and Hebrew text), where [`Class::of`] and
/// `bidi_class` are looked up otherwise.
fn class_code(c: char) -> u8 {
    match class_codes().get(c as usize) {
        Some(&code) => code,
        None => class_code_of(c),
    }
}

/// [`class_code`] of `c` worked out from its bidi class.
fn class_code_of(c: char) -> u8 {
    Class::of(bidi_class(c)).map_or(FULL_ALGORITHM, |class| class as u8)
}

/// The [`class_code`]s of U+0000..U+07FF, made once.
fn class_codes() -> &'static [u8; 0x800] {
    static TABLE: OnceLock<[u8; 0x800]> = OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|i| char::from_u32(i as u32).map_or(FULL_ALGORITHM, class_code_of))
    })
}

/// Which classes a paragraph holds, one bit per class (by [`class_code`]), and one more for
/// the characters of the full algorithm.
#[derive(Clone, Copy)]
struct ClassSet(u16);

impl ClassSet {
    /// The classes of the characters of `text`, or `None` when one of them needs the full
    /// algorithm. Read before anything else is done with the text: most paragraphs turn out
    /// to be at one level, and are then read no further.
    fn of_text(text: &str) -> Option<ClassSet> {
        let codes = class_codes();
        let mut bits = 0u16;
        for c in text.chars() {
            let code = codes.get(c as usize).copied().unwrap_or_else(|| class_code_of(c));
            bits |= 1 << code;
        }
        (bits & 1 << FULL_ALGORITHM == 0).then_some(ClassSet(bits))
    }

    /// Whether the paragraph holds `class`.
    fn contains(&self, class: Class) -> bool {
        self.0 & 1 << class as u8 != 0
    }

    /// Whether the paragraph holds any of `classes`.
    fn contains_any(&self, classes: &[Class]) -> bool {
        classes.iter().any(|&class| self.contains(class))
    }
}

/// In a per-byte entry: the bits of the level (at most 3 in a paragraph at level 0 or 1).
const LEVEL_BITS: u8 = 0b11;
/// In a per-byte entry: the character is whitespace (rule L1 resets it at the end of a line
/// and before a segment separator).
const WHITESPACE: u8 = 1 << 6;
/// In a per-byte entry: the character is a segment separator (rule L1 resets it).
const SEGMENT_SEPARATOR: u8 = 1 << 7;

/// A paired bracket candidate (BD14, BD15): a character of class ON with a paired bracket.
struct Bracket {
    /// Its index among the paragraph's characters.
    index: usize,
    /// Its byte offset in the paragraph.
    offset: usize,
    /// The opening bracket of its pair, canonical equivalents mapped to one of them.
    opening: char,
    /// Whether it opens a pair.
    is_open: bool,
}

/// Most brackets whose pairs BD16 looks for at once.
const BRACKET_STACK_DEPTH: usize = 63;

/// What one pass over a paragraph's characters finds.
struct Scan {
    /// The class of every character.
    classes: Vec<Class>,
    /// The paired bracket candidates, in text order.
    brackets: Vec<Bracket>,
}

/// Classify the characters of `text`; `None` when one of them needs the full algorithm.
fn scan(text: &str) -> Option<Scan> {
    let mut scan = Scan { classes: Vec::with_capacity(text.len()), brackets: Vec::new() };
    for (offset, c) in text.char_indices() {
        let class = Class::of_char(c)?;
        if class == Class::ON
            && let Some(bracket) = FastBidiData.bidi_matched_opening_bracket(c)
        {
            scan.brackets.push(Bracket {
                index: scan.classes.len(),
                offset,
                opening: bracket.opening,
                is_open: bracket.is_open,
            });
        }
        scan.classes.push(class);
    }
    Some(scan)
}

/// How the levels of a paragraph's bytes are kept.
enum ByteLevels {
    /// Every byte is at the paragraph level.
    Uniform,
    /// One entry per byte: the level in [`LEVEL_BITS`], with the [`WHITESPACE`] or
    /// [`SEGMENT_SEPARATOR`] flag of its character for rule L1.
    PerByte { entries: Vec<u8>, has_segment_separators: bool },
}

/// The resolved levels of a paragraph without explicit formatting characters.
pub struct ImplicitLevels {
    paragraph_level: u8,
    has_rtl: bool,
    bytes: ByteLevels,
}

impl ImplicitLevels {
    /// Resolve the levels of `text` at paragraph level `paragraph_level` (0 or 1), or `None`
    /// when it holds a character this resolution does not handle: an explicit embedding,
    /// override or isolate control, a boundary neutral or a paragraph separator.
    pub fn resolve(text: &str, paragraph_level: u8) -> Option<ImplicitLevels> {
        let present = ClassSet::of_text(text)?;
        let has_rtl = present.contains_any(&[Class::R, Class::AL, Class::AN]);
        let e = if paragraph_level.is_multiple_of(2) { Class::L } else { Class::R };
        let bytes = if is_uniform(&present, e) {
            ByteLevels::Uniform
        } else {
            let Scan { mut classes, brackets } = scan(text)?;
            resolve_weak_types(&mut classes, e, &present);
            let entries = if e == Class::R && !present.contains(Class::L) {
                let entry_of = right_to_left_entries(paragraph_level);
                spread_over_bytes(text, &classes, |class| entry_of[class as usize])
            } else {
                resolve_bracket_pairs(text, &mut classes, &brackets, e);
                let entries = character_entries(&classes, e, paragraph_level);
                spread_over_bytes(text, &entries, |entry| entry)
            };
            let has_segment_separators = present.contains(Class::S);
            ByteLevels::PerByte { entries, has_segment_separators }
        };
        Some(ImplicitLevels { paragraph_level, has_rtl, bytes })
    }

    /// The paragraph embedding level.
    pub fn paragraph_level(&self) -> u8 {
        self.paragraph_level
    }

    /// The one level every character of the paragraph is at, on every line, when the
    /// paragraph holds nothing to take another (rule L1 gives its trailing white space the
    /// paragraph level too).
    pub fn uniform_level(&self) -> Option<u8> {
        matches!(self.bytes, ByteLevels::Uniform).then_some(self.paragraph_level)
    }

    /// Whether the paragraph holds a right-to-left letter or an Arabic number.
    pub fn has_rtl(&self) -> bool {
        self.has_rtl
    }

    /// The levels of the bytes in `line` after rule L1, one per byte of the line: segment
    /// separators, and whitespace before them or at the end of the line, take the paragraph
    /// level.
    pub fn line_levels(&self, line: Range<usize>) -> Vec<u8> {
        let paragraph = self.paragraph_level;
        let ByteLevels::PerByte { entries, has_segment_separators } = &self.bytes else {
            return vec![paragraph; line.len()];
        };
        let entries = &entries[line];
        let mut levels: Vec<u8> = entries.iter().map(|&entry| entry & LEVEL_BITS).collect();
        reset_trailing_whitespace(entries, &mut levels, paragraph);
        if *has_segment_separators {
            reset_segment_separators(entries, &mut levels, paragraph);
        }
        levels
    }
}

impl ImplicitLevels {
    /// The levels after rule L1 of the characters of `line` that start at the byte offsets
    /// `starts` (increasing, inside the line): [`ImplicitLevels::line_levels`] at those bytes,
    /// without the levels of the whole line unless it has segment separators.
    pub fn levels_at(&self, line: Range<usize>, starts: impl Iterator<Item = usize>) -> Vec<u8> {
        let paragraph = self.paragraph_level;
        match &self.bytes {
            ByteLevels::Uniform => starts.map(|_| paragraph).collect(),
            ByteLevels::PerByte { has_segment_separators: true, .. } => {
                let levels = self.line_levels(line.clone());
                starts.map(|start| levels[start - line.start]).collect()
            }
            ByteLevels::PerByte { entries, .. } => {
                // Rule L1: the whitespace at the end of the line takes the paragraph level.
                let trailing = entries[line.clone()]
                    .iter()
                    .rev()
                    .take_while(|&&entry| entry & WHITESPACE != 0)
                    .count();
                let whitespace = line.end - trailing;
                starts
                    .map(
                        |start| {
                            if start >= whitespace {
                                paragraph
                            } else {
                                entries[start] & LEVEL_BITS
                            }
                        },
                    )
                    .collect()
            }
        }
    }
}

/// Whether every character of a paragraph whose embedding direction is `e` and which holds
/// the classes `present` resolves to the paragraph level. It does when no character can take
/// the other direction: in a left-to-right paragraph, European numbers become L (W7) when
/// there is no right-to-left letter; in a right-to-left one, everything becomes R when there
/// is no L and no number.
fn is_uniform(present: &ClassSet, e: Class) -> bool {
    if e == Class::L {
        !present.contains_any(&[Class::R, Class::AL, Class::AN])
    } else {
        !present.contains_any(&[Class::L, Class::EN, Class::AN])
    }
}

/// Rules W1–W7 on the one isolating run sequence, whose sos and eos are `e`; each rule only
/// when a class it changes is `present`. Arabic letters are left as they are: every later
/// rule counts them as R, which is what W3 makes of them.
fn resolve_weak_types(classes: &mut [Class], e: Class, present: &ClassSet) {
    if present.contains(Class::NSM) {
        resolve_nonspacing_marks(classes, e);
    }
    if present.contains(Class::EN) && present.contains(Class::AL) {
        resolve_numbers_after_arabic_letters(classes);
    }
    if present.contains_any(&[Class::ES, Class::CS]) {
        resolve_separators(classes);
    }
    if present.contains(Class::ET) {
        resolve_terminators(classes);
    }
    if present.contains(Class::EN) && (e == Class::L || present.contains(Class::L)) {
        resolve_numbers_after_left_to_right(classes, e);
    }
}

/// W1: a nonspacing mark takes the class of the character before it (sos at the start).
/// After whitespace or a segment separator it takes ON instead: the three are alike to every
/// later rule but L1, which looks at a character's original class.
fn resolve_nonspacing_marks(classes: &mut [Class], sos: Class) {
    let mut previous = sos;
    for class in classes {
        if *class == Class::NSM {
            *class = previous;
        }
        previous = if matches!(*class, Class::WS | Class::S) { Class::ON } else { *class };
    }
}

/// W2: a European number after an Arabic letter (with no L or R between) becomes an Arabic
/// number.
fn resolve_numbers_after_arabic_letters(classes: &mut [Class]) {
    let mut after_arabic_letter = false;
    for class in classes {
        if *class == Class::EN && after_arabic_letter {
            *class = Class::AN;
        }
        // Without a branch per character: letters and spaces alternate unpredictably.
        after_arabic_letter =
            (after_arabic_letter || *class == Class::AL) && !matches!(*class, Class::L | Class::R);
    }
}

/// W4, and W6 for separators: a single European separator between two European numbers
/// becomes one, a single common separator between two numbers of the same type becomes that
/// type, and every other separator becomes an other neutral.
fn resolve_separators(classes: &mut [Class]) {
    for i in 0..classes.len() {
        if !matches!(classes[i], Class::ES | Class::CS) {
            continue;
        }
        let before = i.checked_sub(1).map(|before| classes[before]);
        classes[i] = match (before, classes[i], classes.get(i + 1)) {
            (Some(Class::EN), _, Some(Class::EN)) => Class::EN,
            (Some(Class::AN), Class::CS, Some(Class::AN)) => Class::AN,
            _ => Class::ON,
        };
    }
}

/// W5, and W6 for terminators: a run of European terminators next to a European number
/// becomes European numbers, any other becomes other neutrals.
fn resolve_terminators(classes: &mut [Class]) {
    let mut i = 0;
    while i < classes.len() {
        if classes[i] != Class::ET {
            i += 1;
            continue;
        }
        let start = i;
        while i < classes.len() && classes[i] == Class::ET {
            i += 1;
        }
        let after_number = start > 0 && classes[start - 1] == Class::EN;
        let before_number = classes.get(i) == Some(&Class::EN);
        let class = if after_number || before_number { Class::EN } else { Class::ON };
        classes[start..i].fill(class);
    }
}

/// W7: a European number after L (or after sos L, with no R between) becomes L.
fn resolve_numbers_after_left_to_right(classes: &mut [Class], sos: Class) {
    let mut last_strong = sos;
    for class in classes {
        match *class {
            Class::L => last_strong = Class::L,
            Class::R | Class::AL => last_strong = Class::R,
            Class::EN if last_strong == Class::L => *class = Class::L,
            _ => {}
        }
    }
}

/// N0: bracket pairs (BD16) take the direction of the strong types inside them, in order of
/// their opening brackets; nonspacing marks right after a bracket that changed follow it.
fn resolve_bracket_pairs(text: &str, classes: &mut [Class], brackets: &[Bracket], e: Class) {
    for (open, close) in bracket_pairs(brackets) {
        let (open, close) = (&brackets[open], &brackets[close]);
        let Some(direction) = bracket_pair_direction(classes, open.index..close.index, e) else {
            continue;
        };
        for bracket in [open, close] {
            let marks = marks_after(text, bracket.offset);
            classes[bracket.index..=bracket.index + marks].fill(direction);
        }
    }
}

/// BD16: the bracket pairs among `brackets`, as indices into it, sorted by opening bracket.
fn bracket_pairs(brackets: &[Bracket]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    if brackets.is_empty() {
        return pairs;
    }
    let mut stack: Vec<usize> = Vec::with_capacity(BRACKET_STACK_DEPTH);
    for (k, bracket) in brackets.iter().enumerate() {
        if bracket.is_open {
            if stack.len() == BRACKET_STACK_DEPTH {
                break;
            }
            stack.push(k);
        } else if let Some(depth) =
            stack.iter().rposition(|&open| brackets[open].opening == bracket.opening)
        {
            pairs.push((stack[depth], k));
            stack.truncate(depth);
        }
    }
    pairs.sort_unstable_by_key(|&(open, _)| open);
    pairs
}

/// N0 for the pair whose brackets are at the ends of `pair` (character indices): the
/// paragraph direction `e` when a strong type of that direction is inside; the direction of
/// the strong type before the pair (sos if none) when only the opposite one is; `None` when
/// there is no strong type inside. Numbers count as R.
fn bracket_pair_direction(classes: &[Class], pair: Range<usize>, e: Class) -> Option<Class> {
    let mut opposite_inside = false;
    for class in &classes[pair.start + 1..pair.end] {
        match class.strong_direction() {
            Some(direction) if direction == e => return Some(e),
            Some(_) => opposite_inside = true,
            None => {}
        }
    }
    if !opposite_inside {
        return None;
    }
    let before = classes[..pair.start].iter().rev().find_map(|class| class.strong_direction());
    Some(before.unwrap_or(e))
}

/// How many nonspacing marks directly follow the character at byte `offset` of `text`.
fn marks_after(text: &str, offset: usize) -> usize {
    text[offset..].chars().skip(1).take_while(|&c| bidi_class(c) == BidiClass::NSM).count()
}

/// Rules N1 and N2, then I1 and I2: the entries of the characters of a paragraph whose weak
/// types and bracket pairs are resolved. A run of neutrals between two strong types of the
/// same direction (numbers count as R; sos and eos are `e`) takes that direction, any other
/// run takes `e`; neutrals keep their rule L1 flags.
fn character_entries(classes: &[Class], e: Class, paragraph_level: u8) -> Vec<u8> {
    let mut entries = Vec::with_capacity(classes.len());
    let mut before = e;
    let mut i = 0;
    while i < classes.len() {
        if let Some(direction) = classes[i].strong_direction() {
            entries.push(classes[i].implicit_level(paragraph_level));
            before = direction;
            i += 1;
            continue;
        }
        let end = neutral_run_end(classes, i);
        let after = classes.get(end).and_then(|class| class.strong_direction()).unwrap_or(e);
        let direction = if before == after { before } else { e };
        let level = direction.implicit_level(paragraph_level);
        entries.extend(classes[i..end].iter().map(|neutral| level | neutral.line_end_flag()));
        i = end;
    }
    entries
}

/// The end of the run of neutrals that starts at character `start`.
fn neutral_run_end(classes: &[Class], start: usize) -> usize {
    classes[start..]
        .iter()
        .position(|class| class.strong_direction().is_some())
        .map_or(classes.len(), |length| start + length)
}

/// Rules N0–N2, I1 and I2 in a right-to-left paragraph without L: the entry of a character
/// of each class after the weak types are resolved. Every neutral, bracket or not, resolves to
/// R, as no strong type around it or inside a bracket pair can be L.
fn right_to_left_entries(paragraph_level: u8) -> [u8; CLASS_COUNT] {
    let mut entries = [0; CLASS_COUNT];
    for class in ALL_CLASSES {
        let resolved = if class.strong_direction().is_some() { class } else { Class::R };
        entries[class as usize] = resolved.implicit_level(paragraph_level) | class.line_end_flag();
    }
    entries
}

/// The per-byte entries of `text`: the entry of each character, `entry(value)` for its value
/// in `per_character`, on each of its bytes.
fn spread_over_bytes<T: Copy>(text: &str, per_character: &[T], entry: impl Fn(T) -> u8) -> Vec<u8> {
    let mut entries = vec![0; text.len()];
    let mut characters_started = 0;
    for (slot, &byte) in entries.iter_mut().zip(text.as_bytes()) {
        characters_started += usize::from(!is_utf8_continuation(byte));
        *slot = entry(per_character[characters_started - 1]);
    }
    entries
}

/// Whether `byte` continues a UTF-8 sequence rather than starting a character.
fn is_utf8_continuation(byte: u8) -> bool {
    byte & 0b1100_0000 == 0b1000_0000
}

/// Rule L1 at the end of a line: its trailing whitespace takes the paragraph level.
fn reset_trailing_whitespace(entries: &[u8], levels: &mut [u8], paragraph: u8) {
    let trailing = entries.iter().rev().take_while(|&&entry| entry & WHITESPACE != 0).count();
    let start = levels.len() - trailing;
    levels[start..].fill(paragraph);
}

/// Rule L1 at segment separators: each takes the paragraph level, with the whitespace before
/// it.
fn reset_segment_separators(entries: &[u8], levels: &mut [u8], paragraph: u8) {
    for (end, _) in entries.iter().enumerate().filter(|(_, entry)| *entry & SEGMENT_SEPARATOR != 0)
    {
        let whitespace =
            entries[..end].iter().rev().take_while(|&&entry| entry & WHITESPACE != 0).count();
        levels[end - whitespace..=end].fill(paragraph);
    }
}
