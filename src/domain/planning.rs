//! What a teacher consults while planning a project: availability week by week, alternatives
//! in the same category, where they stand on each required training, and their own bookings.

use super::booking::Booking;
use super::calendar::{date_of, day_num, DayKind};
use super::catalogue::Model;
use super::people::Teacher;
use super::pool::Pool;
use super::training::{SessionOffer, TrainingData};
use chrono::{Datelike, NaiveDate};

/// Availability of one model over one school week (Monday to Friday).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeekAvailability {
    /// The Monday.
    pub monday: NaiveDate,
    /// The Friday.
    pub friday: NaiveDate,
    /// Units free over the school days of the week (turnaround gap included); 0 in a week
    /// without class.
    pub free: u32,
    /// Units in service.
    pub in_service: u32,
    /// Names of the school and public holidays that close days of this week, in date order.
    pub closures: Vec<String>,
    /// Whether the week has at least one school day.
    pub has_class: bool,
}

/// Where a teacher stands on one training, on a given date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrainingStanding {
    /// A record valid on that date (only the coordinator's records count).
    Valid,
    /// Enrolled in a session that ends before that date (the booking would await training).
    Enrolled {
        /// The session.
        session: String,
        /// Its last day.
        end: NaiveDate,
    },
    /// Neither: the next sessions with seats left.
    Missing {
        /// Upcoming sessions, soonest first.
        next_sessions: Vec<SessionOffer>,
    },
}

/// The Monday of the week of `date`.
pub fn monday_of(date: NaiveDate) -> NaiveDate {
    date_of(day_num(date) - i32::try_from(date.weekday().num_days_from_monday()).unwrap_or(0))
}

impl Pool {
    /// `weeks` weeks of availability of `model`, starting with the week of `from`.
    pub fn weekly_availability(&self, model: &str, from: NaiveDate, weeks: usize) -> Vec<WeekAvailability> {
        let calendar = self.calendar();
        let in_service = self.index().in_service(model);
        let first = day_num(monday_of(from));
        (0..weeks)
            .map(|w| {
                let monday = date_of(first + 7 * i32::try_from(w).unwrap_or(0));
                let friday = date_of(day_num(monday) + 4);
                let mut closures: Vec<String> = Vec::new();
                let mut class_days = Vec::new();
                for offset in 0..5 {
                    let day = date_of(day_num(monday) + offset);
                    match calendar.day_kind(day) {
                        DayKind::SchoolDay => class_days.push(day),
                        DayKind::PublicHoliday(name) | DayKind::SchoolHoliday(name) => {
                            if !closures.contains(&name) {
                                closures.push(name);
                            }
                        }
                        DayKind::Weekend => {}
                    }
                }
                let free = match (class_days.first(), class_days.last()) {
                    (Some(a), Some(b)) => self.free(model, *a, *b),
                    _ => 0,
                };
                WeekAvailability { monday, friday, free, in_service, closures, has_class: !class_days.is_empty() }
            })
            .collect()
    }

    /// Other models of the same category with at least `quantity` units free over
    /// `[start, end]`, the most available first.
    pub fn alternatives(&self, model: &str, quantity: u32, start: NaiveDate, end: NaiveDate) -> Vec<(&Model, u32)> {
        let Some(category) = self.model(model).map(|m| m.category.as_str()) else {
            return Vec::new();
        };
        let mut found: Vec<(&Model, u32)> = self
            .state()
            .catalogue
            .models_in(category)
            .filter(|m| m.id != model)
            .map(|m| (m, self.free(&m.id, start, end)))
            .filter(|(_, free)| *free >= quantity)
            .collect();
        found.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.name.fr.cmp(&b.0.name.fr)));
        found
    }

    /// Where `teacher` stands on `training` for a loan starting on `start`, seen from `today`.
    pub fn training_standing(
        &self,
        teacher: &str,
        training: &str,
        start: NaiveDate,
        today: NaiveDate,
    ) -> TrainingStanding {
        let state = self.state();
        let data = TrainingData { catalogue: &state.catalogue, records: &state.records, sessions: &state.sessions };
        if data.has_valid_record(teacher, training, start) {
            return TrainingStanding::Valid;
        }
        let enrolled = state
            .sessions
            .iter()
            .filter(|s| s.training == training && s.end < start && s.enrolled.iter().any(|t| t == teacher))
            .min_by_key(|s| s.end);
        match enrolled {
            Some(s) => TrainingStanding::Enrolled { session: s.id.clone(), end: s.end },
            None => TrainingStanding::Missing { next_sessions: data.next_sessions(training, today) },
        }
    }

    /// Whether `teacher` is enrolled in `session`.
    pub fn is_enrolled(&self, teacher: &str, session: &str) -> bool {
        self.state().sessions.iter().any(|s| s.id == session && s.enrolled.iter().any(|t| t == teacher))
    }

    /// The teacher's bookings, the latest period first.
    pub fn bookings_of(&self, teacher: &str) -> Vec<&Booking> {
        let mut mine: Vec<&Booking> = self.state().bookings.iter().filter(|b| b.teacher == teacher).collect();
        mine.sort_by(|a, b| b.start.cmp(&a.start).then_with(|| b.id.cmp(&a.id)));
        mine
    }

    /// Adds the teacher or updates their name, e-mail and school (the profile changed).
    pub fn upsert_teacher(&mut self, teacher: Teacher) {
        if self.teacher(&teacher.id) == Some(&teacher) {
            return;
        }
        self.edit(|state| match state.teachers.iter_mut().find(|t| t.id == teacher.id) {
            Some(existing) => *existing = teacher,
            None => state.teachers.push(teacher),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testkit::{request, state};
    use crate::domain::Actor;
    use crate::test_dates::{at, d};

    #[test]
    fn a_week_of_holidays_has_no_class_and_names_them() {
        let pool = Pool::new(state());
        // Zone A, Christmas 2026: classes end Friday 18 December, resume Monday 4 January.
        let weeks = pool.weekly_availability("thymio", d(2026, 12, 16), 4);
        assert_eq!(weeks[0].monday, d(2026, 12, 14));
        assert!(weeks[0].has_class && weeks[0].closures.is_empty());
        assert_eq!(weeks[0].free, weeks[0].in_service);
        assert!(!weeks[1].has_class && !weeks[2].has_class);
        assert_eq!(weeks[1].free, 0);
        assert!(weeks[1].closures.iter().any(|n| n.contains("Noël")), "{:?}", weeks[1].closures);
        assert!(weeks[3].has_class);
    }

    #[test]
    fn a_booking_shows_in_its_weeks_and_alternatives_skip_the_model() -> Result<(), crate::domain::DomainError> {
        let mut pool = Pool::new(state());
        let in_service = pool.index().in_service("thymio");
        pool.create_booking(
            request("b1", "ana", &[("thymio", in_service)], d(2026, 11, 30), d(2026, 12, 4)),
            Actor::Teacher("ana".into()),
            at(2026, 11, 16, 9, 0),
        )?;
        let weeks = pool.weekly_availability("thymio", d(2026, 11, 30), 3);
        assert_eq!(weeks[0].free, 0);
        // The turnaround gap keeps the Monday after busy; the week after that is free.
        assert_eq!(weeks[1].free, 0);
        assert_eq!(weeks[2].free, in_service);
        let alternatives = pool.alternatives("thymio", 1, d(2026, 11, 30), d(2026, 12, 4));
        assert!(alternatives.iter().all(|(m, free)| m.id != "thymio" && m.category == "rob" && *free >= 1));
        assert!(!alternatives.is_empty());
        Ok(())
    }

    #[test]
    fn training_standing_follows_records_then_enrolments() -> Result<(), crate::domain::DomainError> {
        let mut pool = Pool::new(state());
        let today = d(2026, 11, 16);
        assert_eq!(pool.training_standing("ana", "f-rob", d(2027, 1, 11), today), TrainingStanding::Valid);
        let TrainingStanding::Missing { next_sessions } =
            pool.training_standing("dana", "f-rob", d(2027, 1, 11), today)
        else {
            panic!("dan has no record");
        };
        let session = next_sessions.first().map(|s| s.session.clone()).unwrap_or_default();
        pool.enroll(&session, "dana", &Actor::Teacher("dana".into()))?;
        assert!(pool.is_enrolled("dana", &session));
        assert!(matches!(
            pool.training_standing("dana", "f-rob", d(2027, 6, 1), today),
            TrainingStanding::Enrolled { .. }
        ));
        Ok(())
    }

    #[test]
    fn upserting_a_teacher_replaces_their_details() {
        let mut pool = Pool::new(state());
        let mut ana = pool.teacher("ana").cloned().unwrap_or_else(|| panic!("ana exists"));
        ana.school = "other".into();
        pool.upsert_teacher(ana.clone());
        assert_eq!(pool.teacher("ana"), Some(&ana));
        let count = pool.state().teachers.len();
        pool.upsert_teacher(Teacher {
            id: "zoe".into(),
            name: "Zoé".into(),
            email: "z@x.fr".into(),
            school: "s".into(),
        });
        assert_eq!(pool.state().teachers.len(), count + 1);
    }
}
