//! ISO 8601 dates (`2026-11-23`) and date-times (`2026-11-23T08:30:00`), written and read by
//! hand, plus the serde `with` modules every stored date field uses.
//!
//! chrono's own serde and `FromStr` go through its general format-item parser, which costs about
//! 13 kB of wasm for three fixed shapes. What is written here is byte-for-byte what chrono's
//! serde writes (its `Debug` form: four-digit years, `+`/`-` and at least four digits outside
//! 0..=9999, seconds always present, a fraction only when non-zero); the tests compare both.
//!
//! Reading accepts what chrono writes, and the same leniency chrono had in the digits: one- or
//! two-digit month, day, hour, minute and second, one to four unsigned year digits or a signed
//! year, an optional fraction of any length (digits past the ninth ignored) and second 60 as a
//! leap second. Two differences: a missing `:SS` is accepted (`2026-11-23T08:30`), and
//! whitespace is not (chrono skipped it around each number).

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use serde::de::{self, Deserializer, Unexpected};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// `date` as `YYYY-MM-DD`.
pub fn format_date(date: NaiveDate) -> String {
    let mut out = String::with_capacity(10);
    push_date(&mut out, date);
    out
}

/// `dt` as `YYYY-MM-DDTHH:MM:SS`, with `.fff`, `.ffffff` or `.fffffffff` when the fraction of
/// a second is not zero.
pub fn format_datetime(dt: NaiveDateTime) -> String {
    let mut out = String::with_capacity(19);
    push_date(&mut out, dt.date());
    out.push('T');
    let (mut second, mut nano) = (dt.second(), dt.nanosecond());
    if nano >= 1_000_000_000 {
        // A leap second is written as second 60.
        second += 1;
        nano -= 1_000_000_000;
    }
    push_two(&mut out, dt.hour());
    out.push(':');
    push_two(&mut out, dt.minute());
    out.push(':');
    push_two(&mut out, second);
    if nano != 0 {
        out.push('.');
        if nano % 1_000_000 == 0 {
            push_padded(&mut out, nano / 1_000_000, 3);
        } else if nano % 1_000 == 0 {
            push_padded(&mut out, nano / 1_000, 6);
        } else {
            push_padded(&mut out, nano, 9);
        }
    }
    out
}

fn push_date(out: &mut String, date: NaiveDate) {
    let year = date.year();
    if !(0..=9999).contains(&year) {
        // ISO 8601's expanded form, as chrono writes it (`{:+05}`).
        out.push(if year < 0 { '-' } else { '+' });
    }
    push_padded(out, year.unsigned_abs(), 4);
    out.push('-');
    push_two(out, date.month());
    out.push('-');
    push_two(out, date.day());
}

fn push_two(out: &mut String, n: u32) {
    push_padded(out, n, 2);
}

/// `n` in decimal, left-padded with zeros to `width` digits.
fn push_padded(out: &mut String, mut n: u32, width: usize) {
    let mut digits = [b'0'; 10];
    let mut len = 0;
    while n > 0 || len < width {
        digits[len] = b'0' + (n % 10) as u8;
        n /= 10;
        len += 1;
    }
    out.extend(digits[..len].iter().rev().map(|&d| char::from(d)));
}

/// Reads `YYYY-MM-DD`; `None` if the text is not that shape or names no calendar day.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let mut cursor = Cursor(text.as_bytes());
    let date = cursor.date()?;
    cursor.0.is_empty().then_some(date)
}

/// Reads `YYYY-MM-DDTHH:MM:SS` (seconds optional, fraction optional); `None` if the text is
/// not that shape or names no real date and time.
pub fn parse_datetime(text: &str) -> Option<NaiveDateTime> {
    let mut cursor = Cursor(text.as_bytes());
    let date = cursor.date()?;
    cursor.byte(b'T')?;
    let hour = cursor.number(2)?;
    cursor.byte(b':')?;
    let minute = cursor.number(2)?;
    let (mut second, mut nano) = (0, 0);
    if cursor.byte(b':').is_some() {
        second = cursor.number(2)?;
        if cursor.byte(b'.').is_some() {
            nano = cursor.fraction()?;
        }
    }
    if !cursor.0.is_empty() {
        return None;
    }
    if second == 60 {
        // A leap second: chrono holds it as second 59 plus a whole second of nanoseconds.
        second = 59;
        nano += 1_000_000_000;
    }
    date.and_hms_nano_opt(hour, minute, second, nano)
}

/// The unread rest of the text.
struct Cursor<'a>(&'a [u8]);

impl Cursor<'_> {
    /// Consumes `expected` if it comes next.
    fn byte(&mut self, expected: u8) -> Option<()> {
        let (&first, rest) = self.0.split_first()?;
        (first == expected).then(|| self.0 = rest)
    }

    /// One to `max` digits (fewer when a non-digit comes first).
    fn number(&mut self, max: usize) -> Option<u32> {
        let len = self.0.iter().take(max).take_while(|b| b.is_ascii_digit()).count();
        if len == 0 {
            return None;
        }
        let (digits, rest) = self.0.split_at(len);
        self.0 = rest;
        Some(digits.iter().fold(0, |n, &d| n * 10 + u32::from(d - b'0')))
    }

    /// `YYYY-MM-DD`: a year of one to four digits or a signed one, then month and day.
    fn date(&mut self) -> Option<NaiveDate> {
        let year = if self.byte(b'-').is_some() {
            -i32::try_from(self.number(9)?).ok()?
        } else {
            // A `+` is optional; nine digits cannot overflow and are far beyond chrono's range.
            let signed = self.byte(b'+').is_some();
            i32::try_from(self.number(if signed { 9 } else { 4 })?).ok()?
        };
        self.byte(b'-')?;
        let month = self.number(2)?;
        self.byte(b'-')?;
        let day = self.number(2)?;
        NaiveDate::from_ymd_opt(year, month, day)
    }

    /// The digits after a decimal point as nanoseconds; digits past the ninth are ignored.
    fn fraction(&mut self) -> Option<u32> {
        let len = self.0.iter().take_while(|b| b.is_ascii_digit()).count();
        if len == 0 {
            return None;
        }
        let (digits, rest) = self.0.split_at(len);
        self.0 = rest;
        let mut nano = 0;
        for i in 0..9 {
            nano = nano * 10 + digits.get(i).map_or(0, |&d| u32::from(d - b'0'));
        }
        Some(nano)
    }
}

/// A [`NaiveDate`] that (de)serialises through this module.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IsoDate(pub NaiveDate);

/// A [`NaiveDateTime`] that (de)serialises through this module.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IsoDateTime(pub NaiveDateTime);

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format_date(self.0))
    }
}

impl Serialize for IsoDateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format_datetime(self.0))
    }
}

/// Reads a string with `parse`; `expecting` names the shape in error messages.
struct Visitor<T> {
    parse: fn(&str) -> Option<T>,
    expecting: &'static str,
}

impl<T> de::Visitor<'_> for Visitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        (self.parse)(text).ok_or_else(|| E::invalid_value(Unexpected::Str(text), &self))
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let visitor = Visitor { parse: parse_date, expecting: "a date written YYYY-MM-DD" };
        deserializer.deserialize_str(visitor).map(IsoDate)
    }
}

impl<'de> Deserialize<'de> for IsoDateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let visitor = Visitor { parse: parse_datetime, expecting: "a date and time written YYYY-MM-DDTHH:MM:SS" };
        deserializer.deserialize_str(visitor).map(IsoDateTime)
    }
}

/// `#[serde(with = "iso::date")]` for a `NaiveDate` field.
pub mod date {
    use super::IsoDate;
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        IsoDate(*date).serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        IsoDate::deserialize(deserializer).map(|d| d.0)
    }
}

/// `#[serde(with = "iso::date_opt")]` for an `Option<NaiveDate>` field. Unlike a plain
/// `Option`, a field using `with` is required unless it also has `#[serde(default)]`.
pub mod date_opt {
    use super::IsoDate;
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, serializer: S) -> Result<S::Ok, S::Error> {
        date.map(IsoDate).serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
        Ok(Option::<IsoDate>::deserialize(deserializer)?.map(|d| d.0))
    }
}

/// `#[serde(with = "iso::date_pair_opt")]` for an `Option<(NaiveDate, NaiveDate)>` field
/// (a two-element array, or `null`).
pub mod date_pair_opt {
    use super::IsoDate;
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(pair: &Option<(NaiveDate, NaiveDate)>, serializer: S) -> Result<S::Ok, S::Error> {
        pair.map(|(a, b)| (IsoDate(a), IsoDate(b))).serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<(NaiveDate, NaiveDate)>, D::Error> {
        Ok(Option::<(IsoDate, IsoDate)>::deserialize(deserializer)?.map(|(a, b)| (a.0, b.0)))
    }
}

/// `#[serde(with = "iso::datetime")]` for a `NaiveDateTime` field.
pub mod datetime {
    use super::IsoDateTime;
    use chrono::NaiveDateTime;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(dt: &NaiveDateTime, serializer: S) -> Result<S::Ok, S::Error> {
        IsoDateTime(*dt).serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDateTime, D::Error> {
        IsoDateTime::deserialize(deserializer).map(|d| d.0)
    }
}

/// `#[serde(with = "iso::datetime_opt")]` for an `Option<NaiveDateTime>` field (required unless
/// it also has `#[serde(default)]`).
pub mod datetime_opt {
    use super::IsoDateTime;
    use chrono::NaiveDateTime;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(dt: &Option<NaiveDateTime>, serializer: S) -> Result<S::Ok, S::Error> {
        dt.map(IsoDateTime).serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDateTime>, D::Error> {
        Ok(Option::<IsoDateTime>::deserialize(deserializer)?.map(|d| d.0))
    }
}

// chrono's own serde is the reference here; it is enabled only for native tests (Cargo.toml).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::test_dates::{at, d};
    use chrono::{Days, NaiveTime};

    /// Days from 1890 to 2110, the ends of chrono's range and the years where the form changes.
    fn sample_dates() -> Vec<NaiveDate> {
        let mut dates: Vec<NaiveDate> = d(1890, 1, 1).iter_days().take_while(|x| x.year() <= 2110).collect();
        for year in [-262_143, -10_000, -1, 0, 1, 9, 99, 999, 9999, 10_000, 262_142] {
            dates.extend([1, 2, 12].iter().filter_map(|&m| NaiveDate::from_ymd_opt(year, m, 28)));
        }
        dates.extend([NaiveDate::MIN, NaiveDate::MAX, d(2024, 2, 29), d(2000, 2, 29)]);
        dates
    }

    fn sample_times() -> Vec<NaiveTime> {
        let mut times = Vec::new();
        for (h, m, s) in [(0, 0, 0), (8, 30, 0), (8, 30, 5), (12, 0, 59), (23, 59, 59), (9, 7, 3)] {
            for nano in [0, 1, 10, 1_000, 120_000, 1_000_000, 500_000_000, 999_999_999, 123_456_789] {
                times.extend(NaiveTime::from_hms_nano_opt(h, m, s, nano));
            }
        }
        // Leap seconds (chrono only allows them at second 59).
        times.extend(NaiveTime::from_hms_nano_opt(23, 59, 59, 1_000_000_000));
        times.extend(NaiveTime::from_hms_nano_opt(23, 59, 59, 1_500_000_000));
        times
    }

    #[test]
    fn dates_are_written_and_read_exactly_as_chrono_does() -> serde_json::Result<()> {
        for date in sample_dates() {
            let ours = serde_json::to_string(&IsoDate(date))?;
            assert_eq!(ours, serde_json::to_string(&date)?, "{date:?}");
            assert_eq!(format_date(date), date.to_string());
            let back: IsoDate = serde_json::from_str(&ours)?;
            assert_eq!(back.0, date);
            assert_eq!(parse_date(&format_date(date)), format_date(date).parse().ok());
        }
        Ok(())
    }

    #[test]
    fn date_times_are_written_and_read_exactly_as_chrono_does() -> serde_json::Result<()> {
        let dates = [d(2026, 11, 23), d(1999, 12, 31), d(0, 1, 1), d(-1, 6, 15), d(10_000, 3, 1), NaiveDate::MAX];
        for date in dates {
            for time in sample_times() {
                let dt = date.and_time(time);
                let ours = serde_json::to_string(&IsoDateTime(dt))?;
                assert_eq!(ours, serde_json::to_string(&dt)?, "{dt:?}");
                assert_eq!(format_datetime(dt), format!("{dt:?}"));
                let back: IsoDateTime = serde_json::from_str(&ours)?;
                assert_eq!(back.0, dt, "{ours}");
            }
        }
        assert_eq!(format_datetime(at(2026, 11, 23, 8, 30)), "2026-11-23T08:30:00");
        Ok(())
    }

    #[test]
    fn odd_inputs_are_read_as_chrono_reads_them() {
        let dates = ["2026-1-5", "2026-01-5", "26-01-05", "+2026-01-05", "-0044-03-15", "+12345-6-7", "0-1-1"];
        for text in dates {
            assert_eq!(parse_date(text), text.parse().ok(), "{text}");
            assert!(parse_date(text).is_some(), "{text}");
        }
        let refused = [
            "",
            "2026",
            "2026-11",
            "2026-11-",
            "2026-13-01",
            "2026-02-29",
            "2026-00-10",
            "2026-11-31",
            "20261-01-01",
            "2026-011-01",
            "2026/11/23",
            "x2026-11-23",
            "2026-11-23x",
            "2026-11-23T08:30:00",
            "+-2026-01-01",
        ];
        for text in refused {
            assert_eq!(parse_date(text), None, "{text}");
            assert!(text.parse::<NaiveDate>().is_err(), "chrono reads {text}");
        }
        let times = [
            "2026-11-23T8:3:5",
            "2026-11-23T08:30:00.5",
            "2026-11-23T08:30:00.1234567891234",
            "2026-11-23T23:59:60",
            "2026-11-23T23:59:60.25",
            "+12345-6-7T7:59:60.5",
        ];
        for text in times {
            assert_eq!(parse_datetime(text), text.parse().ok(), "{text}");
            assert!(parse_datetime(text).is_some(), "{text}");
        }
        let refused = [
            "2026-11-23",
            "2026-11-23T",
            "2026-11-23T08",
            "2026-11-23T08:",
            "2026-11-23T08:30:",
            "2026-11-23T08:30:00.",
            "2026-11-23T24:00:00",
            "2026-11-23T08:60:00",
            "2026-11-23T08:30:61",
            "2026-11-23 08:30:00",
            "2026-11-23t08:30:00",
            "2026-11-23T08:30:00Z",
            "2026-02-30T08:30:00",
        ];
        for text in refused {
            assert_eq!(parse_datetime(text), None, "{text}");
        }
        // The one shape accepted beyond chrono: minutes without seconds.
        assert_eq!(parse_datetime("2026-11-23T08:30"), Some(at(2026, 11, 23, 8, 30)));
        assert!("2026-11-23T08:30".parse::<NaiveDateTime>().is_err());
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Chrono {
        day: NaiveDate,
        maybe_day: Option<NaiveDate>,
        pair: Option<(NaiveDate, NaiveDate)>,
        at: NaiveDateTime,
        maybe_at: Option<NaiveDateTime>,
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Ours {
        #[serde(with = "date")]
        day: NaiveDate,
        #[serde(with = "date_opt")]
        maybe_day: Option<NaiveDate>,
        #[serde(with = "date_pair_opt")]
        pair: Option<(NaiveDate, NaiveDate)>,
        #[serde(with = "datetime")]
        at: NaiveDateTime,
        #[serde(with = "datetime_opt")]
        maybe_at: Option<NaiveDateTime>,
    }

    #[test]
    fn the_with_modules_give_the_json_chrono_gives() -> serde_json::Result<()> {
        let start = d(2026, 11, 23);
        for (i, day) in start.iter_days().take(400).enumerate() {
            let some = i % 3 != 0;
            let at = day.and_time(NaiveTime::MIN) + chrono::TimeDelta::seconds((i * 4_321 % 86_400) as i64);
            let chrono = Chrono {
                day,
                maybe_day: some.then_some(day),
                pair: some.then(|| (day, day + Days::new(i as u64))),
                at,
                maybe_at: some.then_some(at),
            };
            let ours = Ours { day, maybe_day: chrono.maybe_day, pair: chrono.pair, at, maybe_at: chrono.maybe_at };
            let json = serde_json::to_string(&chrono)?;
            assert_eq!(serde_json::to_string(&ours)?, json);
            assert_eq!(serde_json::from_str::<Ours>(&json)?, ours);
        }
        Ok(())
    }

    #[test]
    fn a_bad_date_in_json_is_refused_with_the_text_and_position() {
        let error = serde_json::from_str::<IsoDate>("\"2026-02-30\"").unwrap_err().to_string();
        assert_eq!(
            error,
            "invalid value: string \"2026-02-30\", expected a date written YYYY-MM-DD at line 1 column 12"
        );
        assert!(serde_json::from_str::<IsoDate>("20260230").is_err());
        assert!(serde_json::from_str::<IsoDateTime>("\"2026-02-28\"").is_err());
    }
}
