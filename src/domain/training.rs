//! Rule R3, prior training: checked when booking (completed, or enrolled in a session that ends
//! before the start) and as a hard check at hand-over (completed only). Only the coordinator's
//! records count; an expired record counts as missing.

use super::catalogue::Catalogue;
use super::iso;
use super::people::{ends_in_time, expiry, TrainingRecord, TrainingSession};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How many upcoming sessions a refusal lists per missing training.
pub const SESSIONS_LISTED: usize = 3;

/// A session a teacher could attend, as shown in a refusal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionOffer {
    /// Session id.
    pub session: String,
    /// First day.
    #[serde(with = "iso::date")]
    pub start: NaiveDate,
    /// Last day.
    #[serde(with = "iso::date")]
    pub end: NaiveDate,
    /// Where.
    pub place: String,
    /// Seats still free.
    pub seats_left: u16,
}

/// Why a training counts as missing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MissingReason {
    /// No record of it.
    NeverCompleted,
    /// The latest record is no longer valid on the date that matters.
    Expired {
        #[serde(with = "iso::date")]
        expired_on: NaiveDate,
    },
}

/// A required training the teacher lacks, with the next sessions of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissingTraining {
    /// Training id.
    pub training: String,
    /// Why it is missing.
    pub reason: MissingReason,
    /// The next sessions with free seats, soonest first (at most [`SESSIONS_LISTED`]).
    pub next_sessions: Vec<SessionOffer>,
}

/// The outcome of the booking-time check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrainingCheck {
    /// Every required training is completed and valid on the start date.
    Complete,
    /// Some are only covered by an enrolment; the booking is awaiting training. Lists the
    /// sessions (ids) the teacher must attend.
    Awaiting { sessions: Vec<String> },
}

/// The read-only data rule R3 consults.
#[derive(Clone, Copy, Debug)]
pub struct TrainingData<'a> {
    /// For training validities.
    pub catalogue: &'a Catalogue,
    /// The coordinator's records.
    pub records: &'a [TrainingRecord],
    /// Known sessions.
    pub sessions: &'a [TrainingSession],
}

impl TrainingData<'_> {
    fn validity(&self, training: &str) -> Option<u8> {
        self.catalogue.training(training).and_then(|t| t.validity_years)
    }

    /// Whether `teacher` holds a record of `training` valid on `date`.
    pub fn has_valid_record(&self, teacher: &str, training: &str, date: NaiveDate) -> bool {
        let validity = self.validity(training);
        self.records.iter().any(|r| r.teacher == teacher && r.training == training && r.valid_on(date, validity))
    }

    fn missing(&self, teacher: &str, training: &str, date: NaiveDate, today: NaiveDate) -> MissingTraining {
        let validity = self.validity(training);
        let latest = self
            .records
            .iter()
            .filter(|r| r.teacher == teacher && r.training == training && r.completed <= date)
            .map(|r| r.completed)
            .max();
        let reason = match (latest, validity) {
            (Some(done), Some(years)) => match expiry(done, years) {
                Some(expired_on) => MissingReason::Expired { expired_on },
                None => MissingReason::NeverCompleted,
            },
            _ => MissingReason::NeverCompleted,
        };
        MissingTraining { training: training.to_owned(), reason, next_sessions: self.next_sessions(training, today) }
    }

    /// The next sessions of `training` starting after `today` with seats left, soonest first.
    pub fn next_sessions(&self, training: &str, today: NaiveDate) -> Vec<SessionOffer> {
        let mut upcoming: Vec<&TrainingSession> =
            self.sessions.iter().filter(|s| s.training == training && s.start > today && s.seats_left() > 0).collect();
        upcoming.sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
        upcoming
            .into_iter()
            .take(SESSIONS_LISTED)
            .map(|s| SessionOffer {
                session: s.id.clone(),
                start: s.start,
                end: s.end,
                place: s.place.clone(),
                seats_left: s.seats_left(),
            })
            .collect()
    }

    /// Booking-time check: for every required training, a record valid on `start`, or an
    /// enrolment in a session of it that ends before `start` (then the booking awaits training).
    pub fn check_for_booking(
        &self,
        required: &[String],
        teacher: &str,
        start: NaiveDate,
        today: NaiveDate,
    ) -> Result<TrainingCheck, Vec<MissingTraining>> {
        let mut missing = Vec::new();
        let mut awaiting = Vec::new();
        for training in dedup(required) {
            if self.has_valid_record(teacher, training, start) {
                continue;
            }
            let enrolled = self
                .sessions
                .iter()
                .filter(|s| {
                    s.training == training && ends_in_time(s.end, start) && s.enrolled.iter().any(|t| t == teacher)
                })
                .min_by_key(|s| (s.end, s.id.clone()));
            match enrolled {
                Some(session) => awaiting.push(session.id.clone()),
                None => missing.push(self.missing(teacher, training, start, today)),
            }
        }
        match (missing.is_empty(), awaiting.is_empty()) {
            (false, _) => Err(missing),
            (true, true) => Ok(TrainingCheck::Complete),
            (true, false) => Ok(TrainingCheck::Awaiting { sessions: awaiting }),
        }
    }

    /// Hand-over check: every required training completed and valid on `today`, whatever the
    /// booking's status; enrolments do not count.
    pub fn check_for_hand_over(
        &self,
        required: &[String],
        teacher: &str,
        today: NaiveDate,
    ) -> Result<(), Vec<MissingTraining>> {
        let missing = self.missing_on(required, teacher, today, today);
        if missing.is_empty() {
            Ok(())
        } else {
            Err(missing)
        }
    }
}

impl TrainingData<'_> {
    /// The required trainings `teacher` has no record of valid on `date` (enrolments do not
    /// count), with the sessions after `today`.
    pub fn missing_on(
        &self,
        required: &[String],
        teacher: &str,
        date: NaiveDate,
        today: NaiveDate,
    ) -> Vec<MissingTraining> {
        dedup(required)
            .into_iter()
            .filter(|t| !self.has_valid_record(teacher, t, date))
            .map(|t| self.missing(teacher, t, date, today))
            .collect()
    }
}

fn dedup(required: &[String]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::with_capacity(required.len());
    for t in required {
        if !out.contains(&t.as_str()) {
            out.push(t);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::{LocalizedText, Training};
    use crate::test_dates::d;

    fn catalogue() -> Catalogue {
        let t = |id: &str, v| Training {
            id: id.into(),
            name: LocalizedText { fr: id.into(), en: None },
            validity_years: v,
        };
        Catalogue { trainings: vec![t("rob", Some(3)), t("tab", None)], ..Catalogue::default() }
    }

    fn session(id: &str, training: &str, start: NaiveDate, end: NaiveDate, enrolled: &[&str]) -> TrainingSession {
        TrainingSession {
            others: 0,
            id: id.into(),
            training: training.into(),
            start,
            end,
            place: "Atelier Canopé".into(),
            capacity: 12,
            enrolled: enrolled.iter().map(|s| (*s).into()).collect(),
        }
    }

    fn record(teacher: &str, training: &str, completed: NaiveDate) -> TrainingRecord {
        TrainingRecord { teacher: teacher.into(), training: training.into(), completed }
    }

    #[test]
    fn completed_enrolled_missing_and_expired() {
        let cat = catalogue();
        let records = vec![record("ana", "rob", d(2025, 1, 10)), record("ben", "rob", d(2022, 1, 10))];
        let sessions = vec![
            session("s1", "rob", d(2026, 10, 5), d(2026, 10, 5), &["carl"]),
            session("s2", "rob", d(2026, 11, 16), d(2026, 11, 17), &[]),
            session("s0", "rob", d(2026, 6, 1), d(2026, 6, 1), &[]),
        ];
        let data = TrainingData { catalogue: &cat, records: &records, sessions: &sessions };
        let req = vec!["rob".to_string()];
        let (start, today) = (d(2026, 11, 2), d(2026, 9, 15));
        assert_eq!(data.check_for_booking(&req, "ana", start, today), Ok(TrainingCheck::Complete));
        assert_eq!(
            data.check_for_booking(&req, "carl", start, today),
            Ok(TrainingCheck::Awaiting { sessions: vec!["s1".into()] })
        );
        // Enrolled in a session ending on the start date itself: not before the start.
        assert!(data.check_for_booking(&req, "carl", d(2026, 10, 5), today).is_err());
        let missing = data.check_for_booking(&req, "dana", start, today).unwrap_err();
        assert_eq!(missing[0].reason, MissingReason::NeverCompleted);
        let listed: Vec<&str> = missing[0].next_sessions.iter().map(|s| s.session.as_str()).collect();
        assert_eq!(listed, vec!["s1", "s2"], "past sessions are not offered");
        // Ben's 2022 record expired on 10 Jan 2025.
        let missing = data.check_for_booking(&req, "ben", start, today).unwrap_err();
        assert_eq!(missing[0].reason, MissingReason::Expired { expired_on: d(2025, 1, 10) });
        // Trainings without validity never expire.
        let records = vec![record("eve", "tab", d(2001, 1, 1))];
        let data = TrainingData { catalogue: &cat, records: &records, sessions: &sessions };
        assert_eq!(data.check_for_booking(&["tab".into()], "eve", start, today), Ok(TrainingCheck::Complete));
    }

    #[test]
    fn hand_over_requires_completion_whatever_the_enrolment() {
        let cat = catalogue();
        let sessions = vec![session("s1", "rob", d(2026, 10, 5), d(2026, 10, 5), &["carl"])];
        let records = vec![record("ana", "rob", d(2026, 10, 5))];
        let data = TrainingData { catalogue: &cat, records: &records, sessions: &sessions };
        let req = vec!["rob".to_string()];
        assert!(data.check_for_hand_over(&req, "carl", d(2026, 11, 2)).is_err());
        assert_eq!(data.check_for_hand_over(&req, "ana", d(2026, 11, 2)), Ok(()));
        assert!(data.check_for_hand_over(&req, "ana", d(2029, 10, 5)).is_err(), "expired by then");
        assert_eq!(data.check_for_hand_over(&[], "nobody", d(2026, 11, 2)), Ok(()));
    }
}
