//! What a teacher consults while planning a project: availability week by week, alternatives
//! in the same category, where they stand on each required training, and their own bookings.

use super::booking::{Booking, BookingLine};
use super::calendar::{date_of, day_num, DayKind};
use super::catalogue::Model;
use super::error::DomainError;
use super::people::{ends_in_time, Teacher, TrainingSession};
use super::period::{check_period, earliest_start, latest_end};
use super::pool::BookingRequest;
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

    /// Every problem of a booking being prepared, at once, each with what would fix it: the
    /// teacher unknown (no profile), a line naming no model or no unit, the period (R2), the
    /// trainings (R3) and the quantities (R1). Empty when the rules accept the request as far
    /// as they can be checked (the project and the agreement are the form's own fields). An
    /// unknown teacher's trainings are not checked: she has none to check.
    pub fn booking_problems(&self, request: &BookingRequest, today: NaiveDate) -> Vec<DomainError> {
        let mut found = Vec::new();
        let teacher_known = self.teacher(&request.teacher).is_some();
        if !teacher_known {
            found.push(DomainError::UnknownTeacher(request.teacher.clone()));
        }
        let mut max_weeks = u8::MAX;
        let mut lines_ok = !request.lines.is_empty();
        if !lines_ok {
            found.push(DomainError::NoLines);
        }
        for line in &request.lines {
            match self.model(&line.model) {
                None => {
                    found.push(DomainError::UnknownModel(line.model.clone()));
                    lines_ok = false;
                }
                Some(model) => max_weeks = max_weeks.min(model.max_loan_weeks),
            }
            if line.quantity == 0 {
                found.push(DomainError::ZeroQuantity { model: line.model.clone() });
                lines_ok = false;
            }
        }
        let (start, end) = (request.start, request.end);
        if let Err(e) = check_period(self.calendar(), &self.state().settings, max_weeks, start, end, today) {
            found.push(DomainError::Period(e));
        }
        if teacher_known {
            let required = self.required_trainings(&request.lines);
            if let Err(missing) =
                self.training_data(&request.teacher).check_for_booking(&required, &request.teacher, start, today)
            {
                found.push(DomainError::TrainingMissing(missing));
            }
        }
        if lines_ok && start <= end {
            let shortages = self.shortages(&request.lines, start, end, today, None);
            if !shortages.is_empty() {
                found.push(DomainError::NotEnoughUnits(shortages));
            }
        }
        found
    }

    /// The period nearest to `[start, end]` that every line of `lines` accepts: school days at
    /// both ends, the notice, the shortest maximum length, the horizon (R2), and enough units
    /// of each model free (R1). The requested days themselves, widened to the nearest school
    /// days around them, come first (a weekend project becomes Friday to Monday); then the same
    /// length moved day by day, later or earlier, whichever is nearer. `None` when nothing fits
    /// before the horizon.
    pub fn nearest_period_for(
        &self,
        lines: &[BookingLine],
        start: NaiveDate,
        end: NaiveDate,
        today: NaiveDate,
    ) -> Option<(NaiveDate, NaiveDate)> {
        let settings = &self.state().settings;
        let calendar = self.calendar();
        let max_weeks = lines.iter().filter_map(|l| self.model(&l.model)).map(|m| m.max_loan_weeks).min()?;
        let (start, end) = (start.min(end), start.max(end));
        let fits = |a: NaiveDate, b: NaiveDate| {
            check_period(calendar, settings, max_weeks, a, b, today).is_ok()
                && Self::quantities(lines).iter().all(|(model, quantity)| self.free(model, a, b) >= *quantity)
        };
        if let (Some(a), Some(b)) = (calendar.school_day_on_or_before(start), calendar.school_day_on_or_after(end)) {
            if fits(a, b) {
                return Some((a, b));
            }
        }
        let length = day_num(end) - day_num(start);
        let earliest = day_num(earliest_start(calendar, settings, today));
        let horizon = day_num(settings.horizon(today));
        let from = day_num(start);
        let shifted = |first: i32| -> Option<(NaiveDate, NaiveDate)> {
            if first < earliest || first > horizon {
                return None;
            }
            let a = date_of(first);
            if !calendar.is_school_day(a) {
                return None;
            }
            let cap = date_of(first + length).min(latest_end(a, max_weeks)).min(date_of(horizon));
            let b = calendar.school_day_on_or_before(cap)?.max(a);
            fits(a, b).then_some((a, b))
        };
        (0..=(horizon - from.min(earliest)).max(0)).find_map(|offset| {
            shifted(from + offset).or_else(|| (offset > 0).then(|| shifted(from - offset)).flatten())
        })
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
            .filter(|s| s.training == training && ends_in_time(s.end, start) && s.enrolled.iter().any(|t| t == teacher))
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

    /// The sessions `teacher` is enrolled in that are still to come or under way on `today`
    /// (their last day not passed), soonest first.
    pub fn enrolments_to_come(&self, teacher: &str, today: NaiveDate) -> Vec<&TrainingSession> {
        let mut sessions: Vec<&TrainingSession> = self
            .state()
            .sessions
            .iter()
            .filter(|s| s.end >= today && s.enrolled.iter().any(|t| t == teacher))
            .collect();
        sessions.sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
        sessions
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
    use crate::domain::BookingLine;
    use crate::test_dates::{at, d};

    fn draft(teacher: &str, lines: &[(&str, u32)], start: NaiveDate, end: NaiveDate) -> BookingRequest {
        let mut r = request("-", teacher, lines, start, end);
        r.project = String::new();
        r
    }

    #[test]
    fn every_problem_of_a_request_is_listed_at_once() {
        let pool = Pool::new(state());
        let today = d(2026, 9, 1);
        let in_service = pool.free("thymio", d(2026, 10, 5), d(2026, 10, 9));
        // A weekend, more robots than the pool has, and a training the teacher lacks.
        let problems = pool
            .booking_problems(&draft("dana", &[("thymio", in_service + 30)], d(2026, 10, 3), d(2026, 10, 4)), today);
        let kinds: Vec<&str> = problems
            .iter()
            .map(|p| match p {
                DomainError::Period(_) => "period",
                DomainError::TrainingMissing(_) => "training",
                DomainError::NotEnoughUnits(_) => "units",
                _ => "other",
            })
            .collect();
        assert_eq!(kinds, ["period", "training", "units"], "{problems:?}");
        // No profile: said first, and the rest still checked.
        let problems =
            pool.booking_problems(&draft("", &[("thymio", in_service + 30)], d(2026, 10, 5), d(2026, 10, 9)), today);
        assert!(matches!(problems[0], DomainError::UnknownTeacher(_)), "{problems:?}");
        assert!(problems.iter().any(|p| matches!(p, DomainError::NotEnoughUnits(_))), "{problems:?}");
        assert!(!problems.iter().any(|p| matches!(p, DomainError::TrainingMissing(_))), "{problems:?}");
    }

    #[test]
    fn the_suggested_period_suits_every_line() {
        let mut pool = Pool::new(state());
        let today = d(2026, 9, 1);
        // A weekend project is widened to the Friday and the Monday around it.
        let lines = [BookingLine { model: "bluebot".into(), quantity: 1 }];
        assert_eq!(
            pool.nearest_period_for(&lines, d(2026, 10, 3), d(2026, 10, 4), today),
            Some((d(2026, 10, 2), d(2026, 10, 5)))
        );
        // Every Blue-Bot taken the week of 12 October: the suggestion avoids it for both lines.
        let all = pool.free("bluebot", d(2026, 10, 12), d(2026, 10, 16));
        let taken = request("all", "ben", &[("bluebot", all)], d(2026, 10, 12), d(2026, 10, 16));
        if let Err(e) = pool.create_booking(taken, crate::domain::Actor::Coordinator, at(2026, 9, 1, 9, 0)) {
            panic!("{e}");
        }
        let lines =
            [BookingLine { model: "bluebot".into(), quantity: 1 }, BookingLine { model: "casque".into(), quantity: 1 }];
        let (a, b) =
            pool.nearest_period_for(&lines, d(2026, 10, 13), d(2026, 10, 14), today).unwrap_or_else(|| panic!("none"));
        for l in &lines {
            assert!(pool.free(&l.model, a, b) >= l.quantity, "{a} {b}");
        }
        assert!(pool
            .booking_problems(&draft("ana", &[("bluebot", 1), ("casque", 1)], a, b), today)
            .iter()
            .all(|p| !matches!(p, DomainError::Period(_) | DomainError::NotEnoughUnits(_))));
        assert!(b < d(2026, 10, 12) || a > d(2026, 10, 16), "{a}..{b} avoids the week taken");
    }

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
    fn enrolments_to_come_end_with_the_last_day_of_the_session() {
        let pool = Pool::new(state());
        let ids = |today| pool.enrolments_to_come("carl", today).iter().map(|s| s.id.as_str()).collect::<Vec<_>>();
        assert_eq!(ids(d(2026, 9, 1)), ["s-rob-1"]);
        assert_eq!(ids(d(2026, 10, 5)), ["s-rob-1"], "on its day");
        assert!(ids(d(2026, 10, 6)).is_empty(), "over");
        assert!(pool.enrolments_to_come("dana", d(2026, 9, 1)).is_empty(), "enrolled nowhere");
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
