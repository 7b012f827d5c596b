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

impl Teacher {
    /// The teacher's school and the school's commune, each `None` when the lists do not know
    /// it (a school or commune not in the published catalogue).
    pub fn school_in<'a>(
        &self,
        schools: &'a [School],
        communes: &'a [Commune],
    ) -> (Option<&'a School>, Option<&'a Commune>) {
        let school = schools.iter().find(|s| s.id == self.school);
        let commune = school.and_then(|s| communes.iter().find(|c| c.id == s.commune));
        (school, commune)
    }
}

/// Who a booking is lent to, as far as the pool knows: the teacher, her school and the
/// school's commune. Each part is `None` when unknown: a booking read from a published
/// catalogue has no teacher, a teacher may name a school the pool does not list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Borrower<'a> {
    /// The teacher's id as the booking records it (empty for anonymous occupancy).
    pub id: &'a str,
    /// The teacher, when the pool knows her.
    pub teacher: Option<&'a Teacher>,
    /// Her school, when the pool lists it.
    pub school: Option<&'a School>,
    /// The school's commune, when the pool lists it.
    pub commune: Option<&'a Commune>,
}

impl<'a> Borrower<'a> {
    /// The borrower whose id is `id` and who is `teacher` (when known), with her school and
    /// commune found in `schools` and `communes`.
    pub fn new(id: &'a str, teacher: Option<&'a Teacher>, schools: &'a [School], communes: &'a [Commune]) -> Self {
        let (school, commune) = teacher.map_or((None, None), |t| t.school_in(schools, communes));
        Borrower { id, teacher, school, commune }
    }

    /// The teacher's name, or her id when the pool does not know her.
    pub fn name(&self) -> &'a str {
        self.teacher.map_or(self.id, |t| t.name.as_str())
    }

    /// The teacher's e-mail address, empty when unknown.
    pub fn email(&self) -> &'a str {
        self.teacher.map_or("", |t| t.email.as_str())
    }

    /// The school's name, empty when unknown.
    pub fn school_name(&self) -> &'a str {
        self.school.map_or("", |s| s.name.as_str())
    }

    /// The commune's name, empty when unknown.
    pub fn commune_name(&self) -> &'a str {
        self.commune.map_or("", |c| c.name.as_str())
    }
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

/// Whether an enrolment in a session ending on `session_end` counts for a loan starting on
/// `loan_start` (rule R3): only a session that ends before the loan's first day does; a later
/// one is too late for this loan.
pub fn ends_in_time(session_end: NaiveDate, loan_start: NaiveDate) -> bool {
    session_end < loan_start
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

/// Where a training record stands on a day (rule R3: an expired record counts as missing).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordStanding {
    /// The training has no validity: the record never expires.
    Forever,
    /// Valid up to this day included.
    Until(NaiveDate),
    /// No longer valid since this day.
    Expired(NaiveDate),
}

impl TrainingRecord {
    /// Where this record stands on `today`, for a training valid `validity_years` (none: for
    /// ever). The day shown as "valid until" is the last day of validity, the day before
    /// [`expiry`].
    pub fn standing(&self, validity_years: Option<u8>, today: NaiveDate) -> RecordStanding {
        match validity_years.and_then(|years| expiry(self.completed, years)) {
            None => RecordStanding::Forever,
            Some(end) if today >= end => RecordStanding::Expired(end),
            Some(end) => RecordStanding::Until(end.pred_opt().unwrap_or(end)),
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
    fn only_a_session_ending_before_the_first_day_of_the_loan_is_in_time() {
        assert!(ends_in_time(d(2026, 10, 5), d(2026, 10, 6)));
        assert!(!ends_in_time(d(2026, 10, 5), d(2026, 10, 5)), "the loan's first day is too late");
        assert!(!ends_in_time(d(2026, 10, 9), d(2026, 10, 5)));
    }

    #[test]
    fn a_record_stands_valid_until_the_day_before_its_expiry() {
        let r = TrainingRecord { teacher: "t".into(), training: "f".into(), completed: d(2024, 3, 10) };
        assert_eq!(r.standing(None, d(2060, 1, 1)), RecordStanding::Forever);
        assert_eq!(r.standing(Some(2), d(2026, 3, 9)), RecordStanding::Until(d(2026, 3, 9)));
        assert_eq!(r.standing(Some(2), d(2026, 3, 10)), RecordStanding::Expired(d(2026, 3, 10)));
        assert_eq!(r.standing(Some(2), d(2030, 1, 1)), RecordStanding::Expired(d(2026, 3, 10)));
    }

    #[test]
    fn a_borrower_is_named_by_her_school_and_commune_or_by_her_id() {
        let communes = vec![Commune { id: "c1".into(), name: "Montpellier".into() }];
        let schools = vec![
            School { id: "s1".into(), name: "École Jules Ferry".into(), commune: "c1".into() },
            School { id: "s2".into(), name: "École sans commune".into(), commune: "c9".into() },
        ];
        let teacher = |school: &str| Teacher {
            id: "ana".into(),
            name: "Ana Martin".into(),
            email: "ana@ac.fr".into(),
            school: school.into(),
        };
        let ana = teacher("s1");
        let known = Borrower::new("ana", Some(&ana), &schools, &communes);
        assert_eq!(
            (known.name(), known.email(), known.school_name(), known.commune_name()),
            ("Ana Martin", "ana@ac.fr", "École Jules Ferry", "Montpellier")
        );
        let lost = teacher("s2");
        let no_commune = Borrower::new("ana", Some(&lost), &schools, &communes);
        assert_eq!((no_commune.school_name(), no_commune.commune_name()), ("École sans commune", ""));
        let unknown = Borrower::new("bob", None, &schools, &communes);
        assert_eq!((unknown.name(), unknown.email(), unknown.school_name()), ("bob", "", ""));
        assert_eq!(Borrower::new("", None, &schools, &communes).name(), "", "anonymous occupancy");
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
