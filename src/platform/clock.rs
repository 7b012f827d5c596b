//! The wall clock, read in the browser's local time zone. Only the shell reads it; the domain
//! receives `today` and `now` as arguments.

use chrono::{NaiveDate, NaiveDateTime};

/// The current local date and time (to the second).
pub fn now() -> NaiveDateTime {
    let js = js_sys::Date::new_0();
    // JS months count from 0; the values are small positive numbers, so the casts are exact.
    NaiveDate::from_ymd_opt(js.get_full_year() as i32, js.get_month() + 1, js.get_date())
        .and_then(|d| d.and_hms_opt(js.get_hours(), js.get_minutes(), js.get_seconds()))
        .unwrap_or_default()
}

/// Today's local date.
pub fn today() -> NaiveDate {
    now().date()
}

/// The current UTC date and time (for time stamps in exported files).
pub fn now_utc() -> NaiveDateTime {
    let js = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(js.get_utc_full_year() as i32, js.get_utc_month() + 1, js.get_utc_date())
        .and_then(|d| d.and_hms_opt(js.get_utc_hours(), js.get_utc_minutes(), js.get_utc_seconds()))
        .unwrap_or_default()
}
