//! Dates as people read and type them: `JJ/MM/AAAA` input, long dates ("mardi 5 janvier 2027"),
//! weekday and month names in both languages. Pure: no clock, no browser.

use super::{Lang, Msg};
use chrono::{Datelike, NaiveDate, Weekday};
use std::fmt;

/// Full weekday names, Monday first (French weeks start on Monday).
const WEEKDAYS_FR: [&str; 7] = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
const WEEKDAYS_EN: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
/// Abbreviated weekday names, for calendar column headers.
const WEEKDAYS_SHORT_FR: [&str; 7] = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."];
const WEEKDAYS_SHORT_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
/// Month names, January first. French month names take no capital.
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Why a typed date was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateInputError {
    /// Nothing was typed.
    Empty,
    /// The text is not three numbers separated by `/`, `.` or `-`.
    Format,
    /// The year has one or two digits (`05/01/27`): ambiguous, so refused.
    TwoDigitYear,
    /// The numbers do not name a calendar day (`31/02/2027`, month 13).
    NoSuchDate,
}

impl DateInputError {
    /// The message explaining the error to the user.
    pub fn message(self) -> Msg {
        match self {
            DateInputError::Empty => Msg::DateErrorEmpty,
            DateInputError::Format => Msg::DateErrorFormat,
            DateInputError::TwoDigitYear => Msg::DateErrorTwoDigitYear,
            DateInputError::NoSuchDate => Msg::DateErrorNoSuchDate,
        }
    }
}

impl fmt::Display for DateInputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message().en())
    }
}

impl std::error::Error for DateInputError {}

/// Parses a typed date: `JJ/MM/AAAA` (also `J/M/AAAA`, with `/`, `.` or `-` as separator, used
/// consistently) or ISO `AAAA-MM-JJ`; spaces around the text and its parts are ignored.
pub fn parse_date_input(text: &str) -> Result<NaiveDate, DateInputError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DateInputError::Empty);
    }
    let separator = text.chars().find(|c| matches!(c, '/' | '.' | '-')).ok_or(DateInputError::Format)?;
    let parts: Vec<&str> = text.split(separator).map(str::trim).collect();
    let [first, second, third] = parts.as_slice() else {
        return Err(DateInputError::Format);
    };
    if parts.iter().any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
        return Err(DateInputError::Format);
    }
    // A four-digit first part can only be a year: ISO order.
    let (day, month, year) = if first.len() == 4 { (third, second, first) } else { (first, second, third) };
    if day.len() > 2 || month.len() > 2 {
        return Err(DateInputError::Format);
    }
    match year.len() {
        1 | 2 => return Err(DateInputError::TwoDigitYear),
        4 => {}
        _ => return Err(DateInputError::Format),
    }
    let number = |s: &str| s.parse::<u32>().map_err(|_| DateInputError::Format);
    let year = i32::try_from(number(year)?).map_err(|_| DateInputError::Format)?;
    NaiveDate::from_ymd_opt(year, number(month)?, number(day)?).ok_or(DateInputError::NoSuchDate)
}

/// Parses a typed time of day, `HH:MM` (24-hour clock; `H:MM` and `HHhMM` also accepted).
pub fn parse_time_input(text: &str) -> Option<chrono::NaiveTime> {
    let (h, m) = text.trim().split_once([':', 'h', 'H'])?;
    chrono::NaiveTime::from_hms_opt(h.trim().parse().ok()?, m.trim().parse().ok()?, 0)
}

/// The date as typed in a date field: `05/01/2027`.
pub fn format_date_input(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

/// The full name of a weekday ("mardi", "Tuesday").
pub fn weekday_name(lang: Lang, weekday: Weekday) -> &'static str {
    let index = weekday.num_days_from_monday() as usize;
    match lang {
        Lang::Fr => WEEKDAYS_FR[index],
        Lang::En => WEEKDAYS_EN[index],
    }
}

/// The abbreviated name of a weekday ("mar.", "Tue"), for column headers.
pub fn weekday_short(lang: Lang, weekday: Weekday) -> &'static str {
    let index = weekday.num_days_from_monday() as usize;
    match lang {
        Lang::Fr => WEEKDAYS_SHORT_FR[index],
        Lang::En => WEEKDAYS_SHORT_EN[index],
    }
}

/// The name of a month numbered 1 to 12 ("janvier", "January"); empty outside that range.
pub fn month_name(lang: Lang, month: u32) -> &'static str {
    let table = match lang {
        Lang::Fr => &MONTHS_FR,
        Lang::En => &MONTHS_EN,
    };
    month.checked_sub(1).and_then(|i| table.get(i as usize)).copied().unwrap_or_default()
}

/// The month and year of a date, as a calendar heading: "janvier 2027", "January 2027".
pub fn format_month_year(lang: Lang, date: NaiveDate) -> String {
    format!("{} {}", month_name(lang, date.month()), date.year())
}

/// The date in words: "mardi 5 janvier 2027", "vendredi 1er janvier 2027", "Tuesday 5 January 2027".
pub fn format_date_long(lang: Lang, date: NaiveDate) -> String {
    let weekday = weekday_name(lang, date.weekday());
    let month = month_name(lang, date.month());
    match (lang, date.day()) {
        // French writes the first of the month as an ordinal.
        (Lang::Fr, 1) => format!("{weekday} 1er {month} {}", date.year()),
        (_, day) => format!("{weekday} {day} {month} {}", date.year()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_parse_in_french_and_iso_forms() {
        let t = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0);
        assert_eq!(parse_time_input("08:30"), t(8, 30));
        assert_eq!(parse_time_input(" 14h05 "), t(14, 5));
        assert_eq!(parse_time_input("24:00"), None);
        assert_eq!(parse_time_input("8"), None);
        assert_eq!(parse_time_input("ab:cd"), None);
    }
    use crate::test_dates::d as ymd;

    #[test]
    fn french_dates_parse_with_any_separator_and_padding() {
        for text in ["05/01/2027", "5/1/2027", " 05/01/2027 ", "05.01.2027", "05-01-2027", "5 / 1 / 2027"] {
            assert_eq!(parse_date_input(text), Ok(ymd(2027, 1, 5)), "{text:?}");
        }
    }

    #[test]
    fn iso_dates_parse() {
        assert_eq!(parse_date_input("2027-01-05"), Ok(ymd(2027, 1, 5)));
        assert_eq!(parse_date_input(" 2027-1-5"), Ok(ymd(2027, 1, 5)));
    }

    #[test]
    fn impossible_dates_are_refused_as_such() {
        for text in ["31/02/2027", "29/02/2027", "00/01/2027", "15/13/2027", "31/04/2027", "2027-02-30"] {
            assert_eq!(parse_date_input(text), Err(DateInputError::NoSuchDate), "{text:?}");
        }
        assert_eq!(parse_date_input("29/02/2028"), Ok(ymd(2028, 2, 29)), "2028 is a leap year");
    }

    #[test]
    fn two_digit_years_are_refused_with_their_own_error() {
        assert_eq!(parse_date_input("05/01/27"), Err(DateInputError::TwoDigitYear));
        assert_eq!(parse_date_input("5-1-7"), Err(DateInputError::TwoDigitYear));
    }

    #[test]
    fn garbage_is_a_format_error_and_blank_is_empty() {
        assert_eq!(parse_date_input(""), Err(DateInputError::Empty));
        assert_eq!(parse_date_input("   "), Err(DateInputError::Empty));
        for text in [
            "demain",
            "05012027",
            "05/01",
            "05/01/2027/1",
            "05/01.2027",
            "a5/01/2027",
            "05/01/20271",
            "05/01/202",
            "005/01/2027",
            "+5/01/2027",
            "05//2027",
        ] {
            assert_eq!(parse_date_input(text), Err(DateInputError::Format), "{text:?}");
        }
    }

    #[test]
    fn every_error_has_its_own_message() {
        let errors =
            [DateInputError::Empty, DateInputError::Format, DateInputError::TwoDigitYear, DateInputError::NoSuchDate];
        let messages: std::collections::HashSet<Msg> = errors.iter().map(|e| e.message()).collect();
        assert_eq!(messages.len(), errors.len());
        assert_eq!(DateInputError::NoSuchDate.to_string(), Msg::DateErrorNoSuchDate.en());
    }

    #[test]
    fn input_format_pads_and_round_trips() {
        assert_eq!(format_date_input(ymd(2027, 1, 5)), "05/01/2027");
        assert_eq!(format_date_input(ymd(2026, 12, 31)), "31/12/2026");
        let mut date = ymd(2026, 1, 1);
        while date < ymd(2029, 1, 1) {
            assert_eq!(parse_date_input(&format_date_input(date)), Ok(date));
            date = date.succ_opt().unwrap();
        }
    }

    #[test]
    fn long_dates_read_naturally_in_both_languages() {
        assert_eq!(format_date_long(Lang::Fr, ymd(2027, 1, 5)), "mardi 5 janvier 2027");
        assert_eq!(format_date_long(Lang::En, ymd(2027, 1, 5)), "Tuesday 5 January 2027");
        assert_eq!(format_date_long(Lang::Fr, ymd(2027, 1, 1)), "vendredi 1er janvier 2027");
        assert_eq!(format_date_long(Lang::En, ymd(2027, 1, 1)), "Friday 1 January 2027");
        assert_eq!(format_date_long(Lang::Fr, ymd(2026, 8, 16)), "dimanche 16 août 2026");
    }

    #[test]
    fn names_cover_the_whole_week_and_year() {
        assert_eq!(weekday_name(Lang::Fr, Weekday::Mon), "lundi");
        assert_eq!(weekday_short(Lang::Fr, Weekday::Mon), "lun.");
        assert_eq!(weekday_short(Lang::En, Weekday::Sun), "Sun");
        assert_eq!(month_name(Lang::Fr, 12), "décembre");
        assert_eq!(month_name(Lang::En, 1), "January");
        assert_eq!(month_name(Lang::En, 0), "");
        assert_eq!(month_name(Lang::En, 13), "");
        assert_eq!(format_month_year(Lang::Fr, ymd(2027, 2, 14)), "février 2027");
        // English names never carry French letters, and the two languages differ everywhere.
        for m in 1..=12 {
            assert!(month_name(Lang::En, m).is_ascii());
            assert_ne!(month_name(Lang::Fr, m), month_name(Lang::En, m));
        }
    }
}
