//! Letter case and letter tests for the scripts this app's texts are written in, without the
//! standard library's Unicode tables.
//!
//! `char::to_lowercase` and `char::is_alphanumeric` cover all of Unicode and so bring its
//! case-mapping and property tables into the WebAssembly build (the lowercase table alone is
//! 11.7 kB). French and English only need ASCII, Latin-1 Supplement (U+0080–U+00FF) and Latin
//! Extended-A (U+0100–U+017F): É, È, Ç, Œ, Ÿ, and the rest.
//! Inside that range these functions give the same answers as the standard library.
//! Characters from other scripts (Greek, Cyrillic, Han and so on) come back unchanged.
//! They can still be searched, but only in the case they were typed in.

/// The lower case of `c` for ASCII, Latin-1 Supplement and Latin Extended-A capitals
/// (U+0041–U+005A, U+00C0–U+00DE except ×, the pairs of U+0100–U+017F, and Ÿ → ÿ).
/// Up to U+017F this is `char::to_lowercase` wherever that gives one character. The one
/// exception is İ (U+0130): it becomes a plain `i`, without the combining dot that
/// `to_lowercase` adds. Anything else is returned unchanged: lower-case letters, digits,
/// punctuation, and every character above U+017F.
pub fn lower(c: char) -> char {
    let n = u32::from(c);
    let lowered = match n {
        // ASCII, and Latin-1 À–Þ except × (U+00D7): the lower case is 0x20 further on.
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => n + 0x20,
        // Latin Extended-A pairs where the capital is the even code point: Ā ā … Į į, Ĳ ĳ … Ķ ķ,
        // Ŋ ŋ … Ŷ ŷ.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if n % 2 == 0 => n + 1,
        // Pairs where the capital is the odd one: Ĺ ĺ … Ň ň, Ź ź … Ž ž.
        0x139..=0x148 | 0x179..=0x17E if n % 2 == 1 => n + 1,
        0x130 => u32::from('i'),
        0x178 => 0xFF, // Ÿ → ÿ
        _ => n,
    };
    char::from_u32(lowered).unwrap_or(c)
}

/// `text` with [`lower`] applied to every character. ASCII and Latin letters are lower-cased.
/// Other scripts pass through unchanged.
pub fn lowercase(text: &str) -> String {
    text.chars().map(lower).collect()
}

/// Whether `c` is a letter or a digit of ASCII, Latin-1 Supplement or Latin Extended-A.
/// This is the same answer as `char::is_alphanumeric` up to U+017F. It includes ª, º, µ, the
/// superscripts ¹ ² ³ and the fractions ¼ ½ ¾, and excludes × and ÷.
/// Always `false` above U+017F: callers decide what other scripts mean to them.
pub fn is_latin_alphanumeric(c: char) -> bool {
    match c {
        '0'..='9' | 'A'..='Z' | 'a'..='z' => true,
        'ª' | 'µ' | 'º' | '²' | '³' | '¹' | '¼'..='¾' => true,
        '\u{C0}'..='\u{17F}' => c != '×' && c != '÷',
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character of ASCII, Latin-1 Supplement and Latin Extended-A.
    fn latin() -> impl Iterator<Item = char> {
        '\u{0}'..='\u{17F}'
    }

    #[test]
    fn lower_matches_the_standard_library_up_to_latin_extended_a() {
        for c in latin() {
            let mut std_lower = c.to_lowercase();
            match (std_lower.next(), std_lower.next()) {
                (Some(expected), None) => assert_eq!(lower(c), expected, "{c:?} (U+{:04X})", u32::from(c)),
                // İ lowers to "i" followed by a combining dot; we keep the "i".
                (Some(first), Some(_)) => assert_eq!(lower(c), first, "{c:?}"),
                (None, _) => unreachable!("to_lowercase always yields a character"),
            }
        }
    }

    #[test]
    fn french_capitals_are_lowered() {
        assert_eq!(lowercase("ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ"), "àâäçéèêëîïôöùûüÿœæ");
        assert_eq!(lowercase("Anne.Martin@AC-Lyon.fr"), "anne.martin@ac-lyon.fr");
    }

    #[test]
    fn other_scripts_and_non_letters_pass_through() {
        for c in ['×', '÷', 'µ', 'ß', 'ı', 'ſ', 'Ω', 'Ж', 'ẞ', '中', '€', '—', '\u{202F}'] {
            assert_eq!(lower(c), c, "{c:?}");
        }
        assert_eq!(lowercase("Москва ΑΘΗΝΑ"), "Москва ΑΘΗΝΑ");
    }

    #[test]
    fn latin_alphanumeric_matches_the_standard_library() {
        for c in latin() {
            assert_eq!(is_latin_alphanumeric(c), c.is_alphanumeric(), "{c:?} (U+{:04X})", u32::from(c));
        }
        for c in ['ƀ', 'Ω', 'Ж', '中', '٣', '—', '€'] {
            assert!(!is_latin_alphanumeric(c), "{c:?} is outside the covered range");
        }
    }
}
