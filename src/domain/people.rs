//! Who borrows and where: communes, schools, teachers; and who trained when: training sessions
//! and training records (rule R3).

use super::iso;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A commune (municipality); it groups schools and reimburses incidents (rule R5).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commune {
    /// Stable identifier, e.g. the INSEE code.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// A primary school.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct School {
    /// Stable identifier, e.g. the UAI code.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The commune it belongs to.
    pub commune: String,
}

/// A teacher who borrows equipment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Teacher {
    /// Stable identifier.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Professional e-mail address.
    pub email: String,
    /// The school the teacher works in.
    pub school: String,
}

/// A dated occurrence of a training.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingSession {
    /// Stable identifier.
    pub id: String,
    /// The training given.
    pub training: String,
    /// First day.
    #[serde(with = "iso::date")]
    pub start: NaiveDate,
    /// Last day.
    #[serde(with = "iso::date")]
    pub end: NaiveDate,
    /// Where it takes place.
    pub place: String,
    /// Number of seats.
    pub capacity: u16,
    /// Teachers enrolled, by id.
    #[serde(default)]
    pub enrolled: Vec<String>,
    /// Seats taken by people this browser does not know (a published catalogue or a teacher's
    /// answer says how many, never who).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub others: u16,
}

fn is_zero(n: &u16) -> bool {
    *n == 0
}

impl TrainingSession {
    /// Seats still free.
    pub fn seats_left(&self) -> u16 {
        self.capacity.saturating_sub(self.taken())
    }

    /// Seats taken, by the teachers listed and by others.
    pub fn taken(&self) -> u16 {
        (self.enrolled.len().min(u16::MAX as usize) as u16).saturating_add(self.others)
    }
}

/// Teacher T completed training F on date D, as recorded by the coordinator (authoritative).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingRecord {
    /// The teacher.
    pub teacher: String,
    /// The training completed.
    pub training: String,
    /// Completion date.
    #[serde(with = "iso::date")]
    pub completed: NaiveDate,
}

impl TrainingRecord {
    /// Whether this record is valid on `date`: completed on or before it and, when the training
    /// has a validity, not yet expired (a record completed on 10 March 2024 with a 2-year
    /// validity is valid up to 9 March 2026 included).
    pub fn valid_on(&self, date: NaiveDate, validity_years: Option<u8>) -> bool {
        if self.completed > date {
            return false;
        }
        match validity_years {
            None => true,
            Some(years) => match expiry(self.completed, years) {
                Some(expires) => date < expires,
                None => true,
            },
        }
    }
}

/// The first day a record completed on `completed` is no longer valid. A completion on
/// 29 February expires on 1 March of a non-leap year.
pub fn expiry(completed: NaiveDate, years: u8) -> Option<NaiveDate> {
    let year = completed.year() + i32::from(years);
    NaiveDate::from_ymd_opt(year, completed.month(), completed.day()).or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_dates::d;

    #[test]
    fn a_record_expires_on_its_anniversary() {
        let r = TrainingRecord { teacher: "t".into(), training: "f".into(), completed: d(2024, 3, 10) };
        assert!(!r.valid_on(d(2024, 3, 9), Some(2)), "not yet completed");
        assert!(r.valid_on(d(2024, 3, 10), Some(2)));
        assert!(r.valid_on(d(2026, 3, 9), Some(2)));
        assert!(!r.valid_on(d(2026, 3, 10), Some(2)));
        assert!(r.valid_on(d(2060, 1, 1), None));
    }

    #[test]
    fn a_leap_day_completion_expires_on_first_march() {
        assert_eq!(expiry(d(2024, 2, 29), 1), Some(d(2025, 3, 1)));
    }

    #[test]
    fn seats_left_never_underflows() {
        let s = TrainingSession {
            others: 0,
            id: "s".into(),
            training: "f".into(),
            start: d(2026, 1, 1),
            end: d(2026, 1, 1),
            place: "x".into(),
            capacity: 1,
            enrolled: vec!["a".into(), "b".into()],
        };
        assert_eq!(s.seats_left(), 0);
    }
}
