//! Date constructors shared by every unit test module (one place for the "valid constant
//! date" assumption instead of a copy per module).

use chrono::{NaiveDate, NaiveDateTime};

/// A calendar date written in a test; an impossible one is a bug in the test.
pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_else(|| panic!("test date {y}-{m}-{day} does not exist"))
}

/// A date and time (minutes precision) written in a test.
pub fn at(y: i32, m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
    d(y, m, day).and_hms_opt(h, min, 0).unwrap_or_else(|| panic!("test time {h}:{min} does not exist"))
}
