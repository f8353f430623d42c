//! Normalising Arabic for matching: the forms a reader treats as the same word become one.
//!
//! Harakat and tatweel are dropped; alef with hamza or madda and alef wasla become bare alef;
//! waw and yeh with hamza become waw and yeh; alef maqsura becomes yeh; ta marbuta becomes heh;
//! Arabic-Indic and Persian digits become ASCII digits; Latin letters are lower-cased. The
//! text a user sees is never changed: normalised forms are only compared.

/// The normalised form of one character: `None` when it is dropped (harakat, tatweel, bidi
/// marks), otherwise the character to compare.
pub fn normalize_char(c: char) -> Option<char> {
    Some(match c {
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => return None,
        '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06ED}' => return None,
        '\u{200C}'..='\u{200F}' | '\u{061C}' | '\u{FEFF}' => return None,
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' => 'ا',
        'ؤ' => 'و',
        'ئ' => 'ي',
        'ى' | 'ی' => 'ي',
        'ة' => 'ه',
        'ک' => 'ك',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        'A'..='Z' => c.to_ascii_lowercase(),
        // Arabic has no case: skip the table search below for it.
        '\u{0600}'..='\u{06FF}' => c,
        _ if !c.is_ascii() && c.is_uppercase() => c.to_lowercase().next().unwrap_or(c),
        _ => c,
    })
}

/// The normalised form of a text.
pub fn normalize(text: &str) -> String {
    text.chars().filter_map(normalize_char).collect()
}

/// Normalise `text` and keep, for every character of the result, the byte offset in `text`
/// of the character it came from: search runs on the normalised text and reports hits in
/// the original.
pub fn normalize_with_offsets(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if let Some(n) = normalize_char(c) {
            out.push(n);
            offsets.extend(std::iter::repeat_n(i, n.len_utf8()));
        }
    }
    (out, offsets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_a_reader_treats_as_one_match() {
        assert_eq!(normalize("الاتّحاد"), normalize("الاتحاد"));
        assert_eq!(normalize("أنصار"), normalize("انصار"));
        assert_eq!(normalize("إرهاب"), "ارهاب");
        assert_eq!(normalize("آفاق"), "افاق");
        assert_eq!(normalize("مسؤول"), "مسوول");
        assert_eq!(normalize("رئيسية"), "رييسيه");
        assert_eq!(normalize("على"), "علي");
        assert_eq!(normalize("العالـم"), "العالم");
        assert_eq!(normalize("٢٠١٧"), "2017");
        assert_eq!(normalize("Twitter UNODC"), "twitter unodc");
        assert_eq!(normalize("يُعد"), "يعد");
    }

    #[test]
    fn offsets_point_into_the_original() {
        let text = "الاتّحاد";
        let (norm, offsets) = normalize_with_offsets(text);
        assert_eq!(norm, "الاتحاد");
        assert_eq!(offsets.len(), norm.len());
        // The last letter of the normalised text comes from the last letter of the original.
        assert_eq!(&text[*offsets.last().unwrap()..], "د");
    }
}
