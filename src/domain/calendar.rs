//! The school calendar (rule R2): weekends, French public holidays for any year, and the school
//! holidays of a zone held as data. Everything counts in school days.
//!
//! Dates are also handled as day numbers (`NaiveDate::num_days_from_ce`), which makes the
//! availability index and the sweeps plain integer arithmetic.

use super::iso;
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// The furthest a school-day search looks ahead or back, in calendar days. No French school
/// calendar has a closure longer than the summer holidays (about 60 days), so a year is ample.
pub const SEARCH_LIMIT_DAYS: i32 = 400;

/// A school holiday zone of metropolitan France.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Zone {
    /// Zone A (the source authority's zone).
    #[default]
    A,
    /// Zone B.
    B,
    /// Zone C.
    C,
}

/// A period of school holidays, with the official semantics of the French calendar: `start` is
/// the last day of class (holidays begin after class) and `end` is the day classes resume (in the
/// morning). Only the days strictly between the two are closed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolHoliday {
    /// Zones this holiday applies to.
    pub zones: Vec<Zone>,
    /// Name, e.g. "Vacances de la Toussaint".
    pub name: String,
    /// Last day of class before the holidays (still a class day).
    #[serde(with = "iso::date")]
    pub start: NaiveDate,
    /// Day classes resume (a class day).
    #[serde(with = "iso::date")]
    pub end: NaiveDate,
}

impl SchoolHoliday {
    /// Whether the school is closed on `date` because of this holiday (strictly between the two
    /// official dates).
    pub fn closes(&self, date: NaiveDate) -> bool {
        self.start < date && date < self.end
    }
}

/// Why a day is not a school day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// A class day.
    SchoolDay,
    /// Saturday or Sunday.
    Weekend,
    /// A public holiday, with its French name.
    PublicHoliday(String),
    /// A school holiday of the zone, with its name.
    SchoolHoliday(String),
}

/// The day number of a date (days from the common era), used by indexes and sweeps.
pub fn day_num(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

/// The date of a day number, clamped to chrono's range instead of panicking.
pub fn date_of(day: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day).unwrap_or(if day < 0 { NaiveDate::MIN } else { NaiveDate::MAX })
}

/// Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher).
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// The French public holidays of a year, with their names, in date order. With
/// `alsace_moselle`, Good Friday and St Stephen's Day (26 December) are added.
pub fn public_holidays(year: i32, alsace_moselle: bool) -> Vec<(NaiveDate, &'static str)> {
    let fixed = |m: u32, d: u32, name: &'static str| NaiveDate::from_ymd_opt(year, m, d).map(|date| (date, name));
    let easter = easter_sunday(year).map(day_num);
    let moving = |offset: i32, name: &'static str| easter.map(|e| (date_of(e + offset), name));
    let mut days: Vec<(NaiveDate, &'static str)> = [
        fixed(1, 1, "Jour de l'an"),
        moving(1, "Lundi de Pâques"),
        fixed(5, 1, "Fête du Travail"),
        fixed(5, 8, "Victoire 1945"),
        moving(39, "Ascension"),
        moving(50, "Lundi de Pentecôte"),
        fixed(7, 14, "Fête nationale"),
        fixed(8, 15, "Assomption"),
        fixed(11, 1, "Toussaint"),
        fixed(11, 11, "Armistice 1918"),
        fixed(12, 25, "Noël"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if alsace_moselle {
        days.extend(moving(-2, "Vendredi saint"));
        days.extend(fixed(12, 26, "Saint Étienne"));
    }
    days.sort();
    days
}

/// The name of the public holiday on `date`, if any.
pub fn public_holiday_name(date: NaiveDate, alsace_moselle: bool) -> Option<&'static str> {
    public_holidays(date.year(), alsace_moselle).into_iter().find(|(d, _)| *d == date).map(|(_, name)| name)
}

/// A school calendar for one zone: what the rules consult to know whether a day has class.
///
/// Built from the settings (zone, Alsace-Moselle option) and the holiday data; it keeps only the
/// closures of its zone, as day-number ranges, and caches public holidays per year so that the
/// hot paths (availability sweeps) do no date arithmetic beyond integers.
#[derive(Clone, Debug, PartialEq)]
pub struct SchoolCalendar {
    zone: Zone,
    alsace_moselle: bool,
    /// Closed day-number ranges `(first, last)` inclusive, with the holiday name, sorted.
    closures: Vec<(i32, i32, String)>,
    /// Public holidays as day numbers, for the cached years, sorted.
    holidays_from_year: i32,
    public_days: Vec<Vec<(i32, &'static str)>>,
}

impl SchoolCalendar {
    /// A calendar for `zone` from the school holiday data (other zones' holidays are ignored).
    pub fn new(zone: Zone, alsace_moselle: bool, holidays: &[SchoolHoliday]) -> Self {
        let mut closures: Vec<(i32, i32, String)> = holidays
            .iter()
            .filter(|h| h.zones.contains(&zone) && day_num(h.end) - day_num(h.start) >= 2)
            .map(|h| (day_num(h.start) + 1, day_num(h.end) - 1, h.name.clone()))
            .collect();
        closures.sort();
        // Public holidays are cached for the years the data covers, plus a margin; other years
        // are computed on demand.
        let first = holidays.iter().map(|h| h.start.year()).min().unwrap_or(2025) - 1;
        let last = holidays.iter().map(|h| h.end.year()).max().unwrap_or(2027) + 2;
        let public_days = (first..=last)
            .map(|y| public_holidays(y, alsace_moselle).into_iter().map(|(d, n)| (day_num(d), n)).collect())
            .collect();
        SchoolCalendar { zone, alsace_moselle, closures, holidays_from_year: first, public_days }
    }

    /// The zone of this calendar.
    pub fn zone(&self) -> Zone {
        self.zone
    }

    /// Whether the Alsace-Moselle public holidays apply.
    pub fn alsace_moselle(&self) -> bool {
        self.alsace_moselle
    }

    fn public_holiday(&self, date: NaiveDate) -> Option<&'static str> {
        let index = date.year() - self.holidays_from_year;
        match usize::try_from(index).ok().and_then(|i| self.public_days.get(i)) {
            Some(days) => {
                let n = day_num(date);
                days.iter().find(|(d, _)| *d == n).map(|(_, name)| *name)
            }
            None => public_holiday_name(date, self.alsace_moselle),
        }
    }

    fn closure(&self, day: i32) -> Option<&str> {
        // Closures are few (about ten a year); the first one ending on or after `day` decides.
        let i = self.closures.partition_point(|(_, last, _)| *last < day);
        self.closures.get(i).filter(|(first, _, _)| *first <= day).map(|(_, _, name)| name.as_str())
    }

    /// What kind of day `date` is.
    pub fn day_kind(&self, date: NaiveDate) -> DayKind {
        if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            return DayKind::Weekend;
        }
        if let Some(name) = self.public_holiday(date) {
            return DayKind::PublicHoliday(name.to_owned());
        }
        match self.closure(day_num(date)) {
            Some(name) => DayKind::SchoolHoliday(name.to_owned()),
            None => DayKind::SchoolDay,
        }
    }

    /// Whether there is class on `date`.
    pub fn is_school_day(&self, date: NaiveDate) -> bool {
        !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
            && self.closure(day_num(date)).is_none()
            && self.public_holiday(date).is_none()
    }

    /// Whether there is class on day number `day`.
    pub fn is_school_day_num(&self, day: i32) -> bool {
        self.is_school_day(date_of(day))
    }

    /// The first school day on or after `date` (within a year).
    pub fn school_day_on_or_after(&self, date: NaiveDate) -> Option<NaiveDate> {
        let start = day_num(date);
        (start..start + SEARCH_LIMIT_DAYS).map(date_of).find(|d| self.is_school_day(*d))
    }

    /// The last school day on or before `date` (within a year).
    pub fn school_day_on_or_before(&self, date: NaiveDate) -> Option<NaiveDate> {
        let start = day_num(date);
        (start - SEARCH_LIMIT_DAYS + 1..=start).rev().map(date_of).find(|d| self.is_school_day(*d))
    }

    /// The `n`-th school day after `date` (`n = 0` gives `date` itself, whatever it is).
    pub fn add_school_days(&self, date: NaiveDate, n: u32) -> Option<NaiveDate> {
        let mut day = day_num(date);
        let mut left = n;
        let limit = day + SEARCH_LIMIT_DAYS * (n as i32 / 150 + 1);
        while left > 0 {
            day += 1;
            if day > limit {
                return None;
            }
            if self.is_school_day_num(day) {
                left -= 1;
            }
        }
        Some(date_of(day))
    }

    /// The number of school days in `[from, to]`, both included (0 if `to < from`).
    pub fn count_school_days(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        (day_num(from)..=day_num(to)).filter(|d| self.is_school_day_num(*d)).count() as u32
    }
}

/// The last day of the school year `date` belongs to (31 August; a school year runs from
/// 1 September).
pub fn school_year_end(date: NaiveDate) -> NaiveDate {
    let year = if date.month() >= 9 { date.year() + 1 } else { date.year() };
    NaiveDate::from_ymd_opt(year, 8, 31).unwrap_or(NaiveDate::MAX)
}

/// The default booking horizon seen from `today`: the end (31 August) of the next school year.
pub fn default_horizon(today: NaiveDate) -> NaiveDate {
    let this_end = school_year_end(today);
    NaiveDate::from_ymd_opt(this_end.year() + 1, 8, 31).unwrap_or(NaiveDate::MAX)
}

/// The bundled school holidays of zones A, B and C for the school years 2025-2026 and
/// 2026-2027 (official French calendar).
///
/// These are bundled data: the coordinator replaces them by importing the official open-data
/// calendar. The summer 2027 holidays are assumed to end on 1 September 2027 (the 2027-2028
/// rentrée was not published when this table was written).
/// The holidays after importing an official calendar: for every zone the import covers, its
/// holidays replace the known ones; other zones keep theirs.
pub fn replace_zone_holidays(known: &[SchoolHoliday], imported: &[SchoolHoliday]) -> Vec<SchoolHoliday> {
    let covered: Vec<Zone> = imported.iter().flat_map(|h| h.zones.iter().copied()).collect();
    let mut result: Vec<SchoolHoliday> = known
        .iter()
        .filter_map(|h| {
            let zones: Vec<Zone> = h.zones.iter().copied().filter(|z| !covered.contains(z)).collect();
            (!zones.is_empty()).then(|| SchoolHoliday { zones, ..h.clone() })
        })
        .collect();
    result.extend(imported.iter().cloned());
    result.sort_by_key(|h| (h.start, h.end));
    result
}

/// The bundled school calendar (see [`SchoolHoliday`] for the dates' meaning).
pub fn bundled_holidays() -> Vec<SchoolHoliday> {
    use Zone::{A, B, C};
    let d = |y: i32, m: u32, day: u32| NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN);
    let h = |zones: &[Zone], name: &str, start: NaiveDate, end: NaiveDate| SchoolHoliday {
        zones: zones.to_vec(),
        name: name.to_owned(),
        start,
        end,
    };
    let all = [A, B, C];
    vec![
        // 2025-2026
        h(&all, "Vacances de la Toussaint", d(2025, 10, 18), d(2025, 11, 3)),
        h(&all, "Vacances de Noël", d(2025, 12, 20), d(2026, 1, 5)),
        h(&[A], "Vacances d'hiver", d(2026, 2, 7), d(2026, 2, 23)),
        h(&[B], "Vacances d'hiver", d(2026, 2, 14), d(2026, 3, 2)),
        h(&[C], "Vacances d'hiver", d(2026, 2, 21), d(2026, 3, 9)),
        h(&[A], "Vacances de printemps", d(2026, 4, 4), d(2026, 4, 20)),
        h(&[B], "Vacances de printemps", d(2026, 4, 11), d(2026, 4, 27)),
        h(&[C], "Vacances de printemps", d(2026, 4, 18), d(2026, 5, 4)),
        h(&all, "Pont de l'Ascension", d(2026, 5, 13), d(2026, 5, 18)),
        h(&all, "Vacances d'été", d(2026, 7, 4), d(2026, 9, 1)),
        // 2026-2027
        h(&all, "Vacances de la Toussaint", d(2026, 10, 17), d(2026, 11, 2)),
        h(&all, "Vacances de Noël", d(2026, 12, 19), d(2027, 1, 4)),
        h(&[A], "Vacances d'hiver", d(2027, 2, 13), d(2027, 3, 1)),
        h(&[B], "Vacances d'hiver", d(2027, 2, 20), d(2027, 3, 8)),
        h(&[C], "Vacances d'hiver", d(2027, 2, 6), d(2027, 2, 22)),
        h(&[A], "Vacances de printemps", d(2027, 4, 10), d(2027, 4, 26)),
        h(&[B], "Vacances de printemps", d(2027, 4, 17), d(2027, 5, 3)),
        h(&[C], "Vacances de printemps", d(2027, 4, 3), d(2027, 4, 19)),
        h(&all, "Pont de l'Ascension", d(2027, 5, 5), d(2027, 5, 10)),
        // Assumption: the 2027 rentrée is 1 September 2027.
        h(&all, "Vacances d'été", d(2027, 7, 3), d(2027, 9, 1)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_dates::d;

    fn zone_a() -> SchoolCalendar {
        SchoolCalendar::new(Zone::A, false, &bundled_holidays())
    }

    #[test]
    fn easter_monday_in_several_years() {
        let monday = |y| public_holidays(y, false).into_iter().find(|(_, n)| *n == "Lundi de Pâques").unwrap().0;
        assert_eq!(monday(2024), d(2024, 4, 1));
        assert_eq!(monday(2025), d(2025, 4, 21));
        assert_eq!(monday(2026), d(2026, 4, 6));
        assert_eq!(monday(2027), d(2027, 3, 29));
        assert_eq!(monday(2038), d(2038, 4, 26)); // latest possible Easter (25 April)
        assert_eq!(monday(2285), d(2285, 3, 23)); // earliest possible Easter (22 March)
    }

    #[test]
    fn whit_monday_and_ascension_in_several_years() {
        let named = |y, name| public_holidays(y, false).into_iter().find(|(_, n)| *n == name).unwrap().0;
        assert_eq!(named(2024, "Lundi de Pentecôte"), d(2024, 5, 20));
        assert_eq!(named(2025, "Lundi de Pentecôte"), d(2025, 6, 9));
        assert_eq!(named(2026, "Lundi de Pentecôte"), d(2026, 5, 25));
        assert_eq!(named(2027, "Lundi de Pentecôte"), d(2027, 5, 17));
        assert_eq!(named(2026, "Ascension"), d(2026, 5, 14));
        assert_eq!(named(2027, "Ascension"), d(2027, 5, 6));
    }

    #[test]
    fn eleven_public_holidays_and_two_more_in_alsace_moselle() {
        assert_eq!(public_holidays(2026, false).len(), 11);
        let am = public_holidays(2026, true);
        assert_eq!(am.len(), 13);
        assert!(am.contains(&(d(2026, 4, 3), "Vendredi saint")));
        assert!(am.contains(&(d(2026, 12, 26), "Saint Étienne")));
        let cal = SchoolCalendar::new(Zone::A, true, &bundled_holidays());
        // Good Friday 2027 (26 March) is a class day elsewhere, closed in Alsace-Moselle.
        assert!(zone_a().is_school_day(d(2027, 3, 26)));
        assert!(!cal.is_school_day(d(2027, 3, 26)));
    }

    #[test]
    fn weekends_and_public_holidays_are_not_school_days() {
        let cal = zone_a();
        assert_eq!(cal.day_kind(d(2026, 11, 7)), DayKind::Weekend);
        assert_eq!(cal.day_kind(d(2026, 11, 11)), DayKind::PublicHoliday("Armistice 1918".into()));
        assert_eq!(cal.day_kind(d(2026, 5, 25)), DayKind::PublicHoliday("Lundi de Pentecôte".into()));
        assert_eq!(cal.day_kind(d(2026, 11, 12)), DayKind::SchoolDay);
        // Years outside the cache are computed on demand.
        assert_eq!(cal.day_kind(d(2040, 4, 2)), DayKind::PublicHoliday("Lundi de Pâques".into()));
    }

    #[test]
    fn a_holidays_first_and_last_dates_are_class_days() {
        let cal = zone_a();
        // Zone A winter 2027: 13 Feb (Sat) .. 1 Mar (Mon). Toussaint 2026: 17 Oct (Sat) .. 2 Nov (Mon).
        // Noël 2025: 20 Dec (Sat) .. 5 Jan (Mon). Pont de l'Ascension 2026: Wed 13 May .. Mon 18 May.
        assert!(cal.is_school_day(d(2026, 5, 13)), "first date: holidays begin after class");
        assert!(!cal.is_school_day(d(2026, 5, 14)), "Ascension");
        assert_eq!(cal.day_kind(d(2026, 5, 15)), DayKind::SchoolHoliday("Pont de l'Ascension".into()));
        assert!(cal.is_school_day(d(2026, 5, 18)), "last date: classes resume that morning");
        assert!(cal.is_school_day(d(2027, 3, 1)));
        assert!(!cal.is_school_day(d(2027, 2, 26)));
        assert!(cal.is_school_day(d(2027, 2, 12)));
        assert!(cal.is_school_day(d(2026, 11, 2)));
        assert!(!cal.is_school_day(d(2026, 10, 30)));
    }

    #[test]
    fn zones_differ() {
        let b = SchoolCalendar::new(Zone::B, false, &bundled_holidays());
        let c = SchoolCalendar::new(Zone::C, false, &bundled_holidays());
        // 10 Feb 2027: zone C is on holiday (6 Feb .. 22 Feb), A and B are not.
        assert!(zone_a().is_school_day(d(2027, 2, 10)));
        assert!(b.is_school_day(d(2027, 2, 10)));
        assert!(!c.is_school_day(d(2027, 2, 10)));
        assert!(!b.is_school_day(d(2027, 3, 5)));
        assert!(zone_a().is_school_day(d(2027, 3, 5)));
    }

    #[test]
    fn counting_and_adding_school_days() {
        let cal = zone_a();
        // Week of 9 Nov 2026: Wed 11 Nov is a holiday.
        assert_eq!(cal.count_school_days(d(2026, 11, 9), d(2026, 11, 15)), 4);
        assert_eq!(cal.add_school_days(d(2026, 11, 10), 1), Some(d(2026, 11, 12)));
        assert_eq!(cal.add_school_days(d(2026, 11, 13), 1), Some(d(2026, 11, 16)));
        assert_eq!(cal.add_school_days(d(2026, 11, 13), 0), Some(d(2026, 11, 13)));
        // Friday before the Toussaint: next class day is the resumption Monday 2 Nov.
        assert_eq!(cal.add_school_days(d(2026, 10, 16), 1), Some(d(2026, 11, 2)));
        assert_eq!(cal.school_day_on_or_after(d(2026, 10, 20)), Some(d(2026, 11, 2)));
        assert_eq!(cal.school_day_on_or_before(d(2026, 10, 20)), Some(d(2026, 10, 16)));
        assert_eq!(cal.count_school_days(d(2026, 11, 15), d(2026, 11, 9)), 0);
    }

    #[test]
    fn summer_runs_to_the_rentree() {
        let cal = zone_a();
        assert!(!cal.is_school_day(d(2026, 7, 6)));
        assert!(!cal.is_school_day(d(2026, 8, 31)));
        assert!(cal.is_school_day(d(2026, 9, 1)));
        assert!(cal.is_school_day(d(2026, 7, 3)));
    }

    #[test]
    fn horizon_is_the_end_of_next_school_year() {
        assert_eq!(default_horizon(d(2026, 11, 23)), d(2028, 8, 31));
        assert_eq!(default_horizon(d(2026, 3, 2)), d(2027, 8, 31));
        assert_eq!(default_horizon(d(2026, 9, 1)), d(2028, 8, 31));
        assert_eq!(default_horizon(d(2026, 8, 31)), d(2027, 8, 31));
    }
}
