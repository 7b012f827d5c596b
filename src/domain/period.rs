//! Rule R2: project periods start and end on school days, within the maximum loan length, the
//! minimum notice and the booking horizon.

use super::calendar::{date_of, day_num, DayKind, SchoolCalendar};
use super::iso;
use super::settings::Settings;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One way a period breaks rule R2.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodProblem {
    /// The last day is before the first.
    EndBeforeStart,
    /// The first day has no class (weekend, public or school holiday).
    StartNotSchoolDay { kind: DayKind },
    /// The last day has no class.
    EndNotSchoolDay { kind: DayKind },
    /// The start is closer than the minimum notice allows.
    NoticeTooShort {
        #[serde(with = "iso::date")]
        earliest_start: NaiveDate,
        notice_days: u8,
    },
    /// Longer than the tightest maximum loan length of the models booked.
    TooLong {
        max_weeks: u8,
        #[serde(with = "iso::date")]
        latest_end: NaiveDate,
    },
    /// Ends after the booking horizon.
    BeyondHorizon {
        #[serde(with = "iso::date")]
        horizon: NaiveDate,
    },
}

/// Why a period was refused, and the nearest period that would be accepted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodError {
    /// Every problem found (never empty).
    pub problems: Vec<PeriodProblem>,
    /// The nearest valid `(start, end)`: the first valid start on or after the one asked for,
    /// with the same length where the rules allow it; `None` if nothing fits before the horizon.
    #[serde(default, with = "iso::date_pair_opt")]
    pub nearest: Option<(NaiveDate, NaiveDate)>,
}

/// The loan length limit: a loan of `max_weeks` weeks may end at most `7 × max_weeks − 1` days
/// after its start (8 weeks from a Monday ends at the latest on the Sunday of the 8th week, so
/// in practice the Friday).
pub fn latest_end(start: NaiveDate, max_weeks: u8) -> NaiveDate {
    date_of(day_num(start) + 7 * i32::from(max_weeks.max(1)) - 1)
}

/// The earliest start allowed on `today`: the N-th school day after it (N = minimum notice).
pub fn earliest_start(calendar: &SchoolCalendar, settings: &Settings, today: NaiveDate) -> NaiveDate {
    calendar
        .add_school_days(today, u32::from(settings.min_notice_days))
        .unwrap_or_else(|| date_of(day_num(today) + 7 * i32::from(settings.min_notice_days)))
}

fn problems(
    calendar: &SchoolCalendar,
    settings: &Settings,
    max_weeks: u8,
    start: NaiveDate,
    end: NaiveDate,
    today: NaiveDate,
) -> Vec<PeriodProblem> {
    let mut found = Vec::new();
    if end < start {
        found.push(PeriodProblem::EndBeforeStart);
    }
    let start_kind = calendar.day_kind(start);
    if start_kind != DayKind::SchoolDay {
        found.push(PeriodProblem::StartNotSchoolDay { kind: start_kind });
    }
    let end_kind = calendar.day_kind(end);
    if end_kind != DayKind::SchoolDay {
        found.push(PeriodProblem::EndNotSchoolDay { kind: end_kind });
    }
    let earliest = earliest_start(calendar, settings, today);
    if start < earliest {
        found.push(PeriodProblem::NoticeTooShort { earliest_start: earliest, notice_days: settings.min_notice_days });
    }
    let latest = latest_end(start, max_weeks);
    if end > latest {
        found.push(PeriodProblem::TooLong { max_weeks, latest_end: latest });
    }
    let horizon = settings.horizon(today);
    if end > horizon {
        found.push(PeriodProblem::BeyondHorizon { horizon });
    }
    found
}

/// Checks a period against rule R2. `max_weeks` is the tightest maximum loan length among the
/// models booked.
pub fn check_period(
    calendar: &SchoolCalendar,
    settings: &Settings,
    max_weeks: u8,
    start: NaiveDate,
    end: NaiveDate,
    today: NaiveDate,
) -> Result<(), PeriodError> {
    let found = problems(calendar, settings, max_weeks, start, end, today);
    if found.is_empty() {
        return Ok(());
    }
    Err(PeriodError { problems: found, nearest: nearest_valid(calendar, settings, max_weeks, start, end, today) })
}

/// The nearest valid period to `[start, end]`: start on the first school day on or after both
/// `start` and the earliest start; keep the requested length in calendar days, shortened to the
/// maximum length and the horizon, ending on the last school day that fits.
pub fn nearest_valid(
    calendar: &SchoolCalendar,
    settings: &Settings,
    max_weeks: u8,
    start: NaiveDate,
    end: NaiveDate,
    today: NaiveDate,
) -> Option<(NaiveDate, NaiveDate)> {
    let first = calendar.school_day_on_or_after(start.max(earliest_start(calendar, settings, today)))?;
    let length = (day_num(end) - day_num(start)).max(0);
    let wanted = date_of(day_num(first) + length);
    let cap = wanted.min(latest_end(first, max_weeks)).min(settings.horizon(today));
    let last = calendar.school_day_on_or_before(cap)?;
    let candidate = (first, last.max(first));
    problems(calendar, settings, max_weeks, candidate.0, candidate.1, today).is_empty().then_some(candidate)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::{bundled_holidays, Zone};
    use crate::test_dates::d;

    fn cal() -> SchoolCalendar {
        SchoolCalendar::new(Zone::A, false, &bundled_holidays())
    }

    const TODAY: (i32, u32, u32) = (2026, 9, 1);

    fn check(start: NaiveDate, end: NaiveDate) -> Result<(), PeriodError> {
        let (y, m, day) = TODAY;
        check_period(&cal(), &Settings::default(), 8, start, end, d(y, m, day))
    }

    #[test]
    fn a_plain_period_is_valid() {
        assert_eq!(check(d(2026, 9, 14), d(2026, 10, 9)), Ok(()));
    }

    #[test]
    fn periods_touching_a_holidays_first_and_last_dates() {
        // Toussaint 2026: 17 Oct (Sat) .. 2 Nov (Mon). Use the Ascension bridge 2027, whose
        // first date is a Wednesday: 5 May 2027 (class) .. 10 May 2027 (class).
        assert_eq!(check(d(2027, 4, 28), d(2027, 5, 5)), Ok(()), "may end on the first date");
        assert_eq!(check(d(2027, 5, 5), d(2027, 5, 12)), Ok(()), "may start on the first date");
        assert_eq!(check(d(2027, 5, 10), d(2027, 5, 20)), Ok(()), "may start on the last date");
        assert_eq!(check(d(2027, 4, 28), d(2027, 5, 10)), Ok(()), "may end on the last date");
        let err = check(d(2027, 5, 7), d(2027, 5, 20)).unwrap_err();
        assert_eq!(
            err.problems,
            vec![PeriodProblem::StartNotSchoolDay { kind: DayKind::SchoolHoliday("Pont de l'Ascension".into()) }]
        );
        assert_eq!(err.nearest, Some((d(2027, 5, 10), d(2027, 5, 21))), "same length in calendar days");
        let err = check(d(2027, 4, 28), d(2027, 5, 6)).unwrap_err();
        assert_eq!(
            err.problems,
            vec![PeriodProblem::EndNotSchoolDay { kind: DayKind::PublicHoliday("Ascension".into()) }]
        );
        assert_eq!(err.nearest, Some((d(2027, 4, 28), d(2027, 5, 5))));
        // Toussaint: Friday 16 Oct is a class day, Monday 2 Nov too, Friday 30 Oct is not.
        assert_eq!(check(d(2026, 10, 5), d(2026, 10, 16)), Ok(()));
        assert_eq!(check(d(2026, 11, 2), d(2026, 11, 6)), Ok(()));
        assert!(check(d(2026, 10, 5), d(2026, 10, 30)).is_err());
    }

    #[test]
    fn weekends_are_refused_with_the_nearest_period() {
        let err = check(d(2026, 9, 12), d(2026, 9, 19)).unwrap_err();
        assert_eq!(err.problems.len(), 2);
        assert_eq!(err.nearest, Some((d(2026, 9, 14), d(2026, 9, 21))));
    }

    #[test]
    fn minimum_notice_is_five_school_days() {
        // Today Tue 1 Sep 2026: the 5th school day after is Tue 8 Sep.
        assert_eq!(check(d(2026, 9, 8), d(2026, 9, 18)), Ok(()));
        let err = check(d(2026, 9, 7), d(2026, 9, 18)).unwrap_err();
        assert_eq!(err.problems, vec![PeriodProblem::NoticeTooShort { earliest_start: d(2026, 9, 8), notice_days: 5 }]);
        assert_eq!(err.nearest, Some((d(2026, 9, 8), d(2026, 9, 18))));
    }

    #[test]
    fn maximum_length_is_inclusive() {
        // 8 weeks from Mon 14 Sep 2026: latest end Sun 8 Nov, so Fri 6 Nov is fine, Mon 9 Nov not.
        assert_eq!(latest_end(d(2026, 9, 14), 8), d(2026, 11, 8));
        assert_eq!(check(d(2026, 9, 14), d(2026, 11, 6)), Ok(()));
        let err = check(d(2026, 9, 14), d(2026, 11, 9)).unwrap_err();
        assert_eq!(err.problems, vec![PeriodProblem::TooLong { max_weeks: 8, latest_end: d(2026, 11, 8) }]);
        assert_eq!(err.nearest, Some((d(2026, 9, 14), d(2026, 11, 6))));
    }

    #[test]
    fn horizon_is_the_end_of_next_school_year() {
        // From 1 Sep 2026 the horizon is 31 Aug 2028; a period in June 2028 is beyond the
        // bundled calendar but still inside the horizon.
        assert!(check(d(2028, 6, 12), d(2028, 6, 16)).is_ok());
        let err = check(d(2028, 9, 4), d(2028, 9, 8)).unwrap_err();
        assert!(err.problems.contains(&PeriodProblem::BeyondHorizon { horizon: d(2028, 8, 31) }));
        assert_eq!(err.nearest, None);
    }

    #[test]
    fn end_before_start() {
        let err = check(d(2026, 9, 18), d(2026, 9, 14)).unwrap_err();
        assert!(err.problems.contains(&PeriodProblem::EndBeforeStart));
        assert_eq!(err.nearest, Some((d(2026, 9, 18), d(2026, 9, 18))));
    }
}
