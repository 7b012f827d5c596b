//! Amounts of money as people read and type them: euros in cents, written "1 234,50 €" in
//! French and "€1,234.50" in English; typed amounts read with a decimal comma or point and
//! grouped thousands ("12,5", "12.50", "1 234,50 €"). Pure: integers only, no floats.

use super::{Lang, Msg};

/// Narrow no-break space: groups thousands in French.
const THIN: char = '\u{202f}';
/// No-break space: between the amount and the euro sign in French.
const NBSP: char = '\u{a0}';

/// `cents` as euros in `lang`: "1 234,50 €" (French, narrow no-break spaces between thousands,
/// a no-break space before the sign) or "€1,234.50" (English).
pub fn format_euros(lang: Lang, cents: u64) -> String {
    let (euros, rest) = (cents / 100, cents % 100);
    let digits = euros.to_string();
    let (group, decimal) = match lang {
        Lang::Fr => (THIN, ','),
        Lang::En => (',', '.'),
    };
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 8);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(c);
    }
    match lang {
        Lang::Fr => format!("{grouped}{decimal}{rest:02}{NBSP}€"),
        Lang::En => format!("€{grouped}{decimal}{rest:02}"),
    }
}

/// A percentage as the language writes it: "60 %" (no-break space) in French, "60%" in English.
pub fn format_percent(lang: Lang, percent: u8) -> String {
    match lang {
        Lang::Fr => format!("{percent}{NBSP}%"),
        Lang::En => format!("{percent}%"),
    }
}

/// Why a typed amount was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountError {
    /// Nothing was typed.
    Empty,
    /// Not a number of euros (letters, a minus sign, misplaced separators).
    Format,
    /// More than two digits after the decimal separator.
    TooPrecise,
    /// Too large to be an amount.
    TooLarge,
}

impl AmountError {
    /// The message explaining the error to the user.
    pub fn message(self) -> Msg {
        match self {
            AmountError::Empty => Msg::AmountErrorEmpty,
            AmountError::Format => Msg::AmountErrorFormat,
            AmountError::TooPrecise => Msg::AmountErrorCents,
            AmountError::TooLarge => Msg::AmountErrorLarge,
        }
    }
}

/// Reads a typed amount of euros into cents. Spaces (ordinary, no-break, narrow) and a euro sign
/// before or after are ignored; the decimal separator is a comma or a point; when both appear the
/// last one is the decimal separator and the other groups thousands ("1.234,50", "1,234.50").
/// A lone separator followed by three digits is refused rather than guessed ("1.234").
pub fn parse_euros(text: &str) -> Result<u64, AmountError> {
    let cleaned: String = text
        .trim()
        .trim_start_matches('€')
        .trim_end_matches('€')
        .chars()
        .filter(|c| !matches!(*c, ' ' | NBSP | THIN | '\u{2009}'))
        .collect();
    if cleaned.is_empty() {
        return Err(AmountError::Empty);
    }
    if !cleaned.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
        return Err(AmountError::Format);
    }
    let decimal_at = cleaned.rfind([',', '.']);
    let (whole, fraction) = match decimal_at {
        Some(at) => {
            let sep = cleaned.as_bytes()[at];
            let whole = &cleaned[..at];
            // The other separator may group thousands in the whole part; the decimal one may not
            // appear twice.
            if whole.as_bytes().contains(&sep) {
                return Err(AmountError::Format);
            }
            (whole, &cleaned[at + 1..])
        }
        None => (cleaned.as_str(), ""),
    };
    let whole_digits = thousands(whole)?;
    if fraction.len() > 2 {
        return Err(AmountError::TooPrecise);
    }
    if decimal_at.is_some() && fraction.is_empty() && whole_digits.is_empty() {
        return Err(AmountError::Format);
    }
    let euros: u64 =
        if whole_digits.is_empty() { 0 } else { whole_digits.parse().map_err(|_| AmountError::TooLarge)? };
    let cents: u64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<u64>().map_err(|_| AmountError::Format)? * 10,
        _ => fraction.parse().map_err(|_| AmountError::Format)?,
    };
    euros.checked_mul(100).and_then(|c| c.checked_add(cents)).ok_or(AmountError::TooLarge)
}

/// The digits of a whole part, checking that any grouping separator splits it in threes.
fn thousands(whole: &str) -> Result<String, AmountError> {
    let groups: Vec<&str> = whole.split([',', '.']).collect();
    if groups.len() > 1 {
        let first_ok = (1..=3).contains(&groups[0].len());
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return Err(AmountError::Format);
        }
    }
    Ok(groups.concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn euros_in_french_and_english() {
        assert_eq!(format_euros(Lang::Fr, 123_450), "1\u{202f}234,50\u{a0}€");
        assert_eq!(format_euros(Lang::En, 123_450), "€1,234.50");
        assert_eq!(format_euros(Lang::Fr, 5), "0,05\u{a0}€");
        assert_eq!(format_euros(Lang::En, 0), "€0.00");
        assert_eq!(format_euros(Lang::Fr, 10_140), "101,40\u{a0}€");
        assert_eq!(format_euros(Lang::En, 100_000_000), "€1,000,000.00");
        assert_eq!(format_euros(Lang::Fr, 100_000), "1\u{202f}000,00\u{a0}€");
        assert_eq!(format_percent(Lang::Fr, 60), "60\u{a0}%");
        assert_eq!(format_percent(Lang::En, 60), "60%");
    }

    #[test]
    fn typed_amounts_with_comma_point_and_spaces() {
        assert_eq!(parse_euros("12,5"), Ok(1_250));
        assert_eq!(parse_euros("12.50"), Ok(1_250));
        assert_eq!(parse_euros("1 234,50"), Ok(123_450));
        assert_eq!(parse_euros("1\u{202f}234,50\u{a0}€"), Ok(123_450));
        assert_eq!(parse_euros("€1,234.50"), Ok(123_450));
        assert_eq!(parse_euros("1.234,50"), Ok(123_450));
        assert_eq!(parse_euros("  80 "), Ok(8_000));
        assert_eq!(parse_euros("0,07"), Ok(7));
        assert_eq!(parse_euros(",5"), Ok(50));
        assert_eq!(parse_euros("12,"), Ok(1_200));
    }

    #[test]
    fn typed_amounts_refused_with_a_reason() {
        assert_eq!(parse_euros(""), Err(AmountError::Empty));
        assert_eq!(parse_euros(" € "), Err(AmountError::Empty));
        assert_eq!(parse_euros("-5"), Err(AmountError::Format));
        assert_eq!(parse_euros("douze"), Err(AmountError::Format));
        assert_eq!(parse_euros("1,2,3"), Err(AmountError::Format));
        assert_eq!(parse_euros("12,345"), Err(AmountError::TooPrecise));
        assert_eq!(parse_euros("1.234"), Err(AmountError::TooPrecise), "not guessed as thousands");
        assert_eq!(parse_euros("12,34,5"), Err(AmountError::Format));
        assert_eq!(parse_euros("1,23.5"), Err(AmountError::Format), "thousands groups of three");
        assert_eq!(parse_euros(","), Err(AmountError::Format));
        assert_eq!(parse_euros("99999999999999999999"), Err(AmountError::TooLarge));
        assert_eq!(parse_euros("184467440737095516,16"), Err(AmountError::TooLarge));
    }

    #[test]
    fn formatted_amounts_read_back() {
        for cents in [0, 1, 99, 100, 12_345, 1_000_000, 987_654_321] {
            for lang in Lang::ALL {
                assert_eq!(parse_euros(&format_euros(lang, cents)), Ok(cents), "{lang} {cents}");
            }
        }
    }
}
