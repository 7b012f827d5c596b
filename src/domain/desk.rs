//! What the coordinator's desk lists (rule R6): the requests to decide, the loans to hand over,
//! the late pick-ups, the loans out and those overdue; and the loans of one unit, as its
//! label's page shows them. Every list is in a stable order, so two tabs show the same.

use super::booking::{Booking, BookingStatus};
use super::pool::Pool;
use chrono::NaiveDate;

impl Pool {
    /// The bookings `keep` selects, ordered by `day` (their first or last day), then by id.
    fn listed(&self, keep: impl Fn(&Booking) -> bool, day: fn(&Booking) -> NaiveDate) -> Vec<&Booking> {
        let mut bookings: Vec<&Booking> = self.state().bookings.iter().filter(|b| keep(b)).collect();
        bookings.sort_by(|a, b| (day(a), &a.id).cmp(&(day(b), &b.id)));
        bookings
    }

    /// The requests waiting for the coordinator's decision (requested, or accepted while the
    /// teacher's training is pending), by first day then id.
    pub fn awaiting_decision(&self) -> Vec<&Booking> {
        self.listed(|b| matches!(b.status, BookingStatus::Requested | BookingStatus::AwaitingTraining), |b| b.start)
    }

    /// The confirmed bookings to hand over next: their first day has not passed (those are
    /// [`Pool::late_pick_ups`]), by first day then id.
    pub fn to_hand_over(&self, today: NaiveDate) -> Vec<&Booking> {
        self.listed(|b| b.status == BookingStatus::Confirmed && !b.is_late_pick_up(today), |b| b.start)
    }

    /// Confirmed bookings whose first day has passed without a hand-over (the teacher has not
    /// come for the units), by first day then id.
    pub fn late_pick_ups(&self, today: NaiveDate) -> Vec<&Booking> {
        self.listed(|b| b.is_late_pick_up(today), |b| b.start)
    }

    /// The loans out and not yet due (handed over, last day not passed), by last day then id.
    pub fn on_loan(&self, today: NaiveDate) -> Vec<&Booking> {
        self.listed(|b| b.status == BookingStatus::HandedOver && !b.is_overdue(today), |b| b.end)
    }

    /// Bookings handed over and past their last day (rule R6), by last day then id.
    pub fn overdue(&self, today: NaiveDate) -> Vec<&Booking> {
        self.listed(|b| b.is_overdue(today), |b| b.end)
    }

    /// The loans of the unit labelled `label`: the bookings it was handed over with, out now
    /// or returned (units are assigned at hand-over, and only a returned loan follows one),
    /// the latest first day first; of two loans starting the same day, the later booked first.
    pub fn loans_of_unit(&self, label: &str) -> Vec<&Booking> {
        let mut loans: Vec<&Booking> = self
            .state()
            .bookings
            .iter()
            .rev()
            .filter(|b| matches!(b.status, BookingStatus::HandedOver | BookingStatus::Returned))
            .filter(|b| b.units.iter().any(|u| u.label == label))
            .collect();
        loans.sort_by_key(|b| std::cmp::Reverse(b.start));
        loans
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::booking::Actor;
    use crate::domain::catalogue::Condition;
    use crate::domain::testkit::{at, d, now, request, state};

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    fn ids(bookings: Vec<&Booking>) -> Vec<&str> {
        bookings.into_iter().map(|b| b.id.as_str()).collect()
    }

    fn book(p: &mut Pool, id: &str, teacher: &str, model: &str, start: NaiveDate, end: NaiveDate) -> TestResult {
        p.create_booking(request(id, teacher, &[(model, 1)], start, end), Actor::Teacher(teacher.into()), now())?;
        Ok(())
    }

    #[test]
    fn the_desk_lists_each_booking_where_it_stands() -> TestResult {
        let mut p = Pool::new(state());
        book(&mut p, "out", "ana", "thymio", d(2026, 10, 5), d(2026, 10, 9))?;
        book(&mut p, "late-back", "ben", "thymio", d(2026, 9, 28), d(2026, 10, 2))?;
        book(&mut p, "next", "ana", "bluebot", d(2026, 10, 12), d(2026, 10, 16))?;
        book(&mut p, "asked", "dana", "bluebot", d(2026, 11, 2), d(2026, 11, 6))?;
        book(&mut p, "training", "carl", "thymio", d(2026, 10, 12), d(2026, 10, 16))?;
        book(&mut p, "not-come", "ben", "bluebot", d(2026, 9, 28), d(2026, 10, 2))?;
        for id in ["out", "late-back", "next", "not-come"] {
            p.confirm(id, now())?;
        }
        p.hand_over("late-back", &["ROB-2".into()], at(2026, 9, 28, 9, 0))?;
        p.hand_over("out", &["ROB-1".into()], at(2026, 10, 5, 9, 0))?;
        let today = d(2026, 10, 7);
        assert_eq!(ids(p.awaiting_decision()), ["training", "asked"], "by first day");
        assert_eq!(ids(p.to_hand_over(today)), ["next"]);
        assert_eq!(ids(p.late_pick_ups(today)), ["not-come"]);
        assert_eq!(ids(p.on_loan(today)), ["out"]);
        assert_eq!(ids(p.overdue(today)), ["late-back"]);
        Ok(())
    }

    #[test]
    fn a_units_loans_are_the_bookings_it_went_out_with_latest_first() -> TestResult {
        let mut p = Pool::new(state());
        book(&mut p, "first", "ana", "thymio", d(2026, 10, 5), d(2026, 10, 9))?;
        book(&mut p, "second", "ana", "thymio", d(2026, 11, 9), d(2026, 11, 13))?;
        book(&mut p, "only-booked", "ben", "thymio", d(2026, 11, 16), d(2026, 11, 20))?;
        for id in ["first", "second", "only-booked"] {
            p.confirm(id, now())?;
        }
        p.hand_over("first", &["ROB-1".into()], at(2026, 10, 5, 9, 0))?;
        p.return_units("first", &[("ROB-1".into(), Condition::Good)], at(2026, 10, 9, 16, 0))?;
        p.hand_over("second", &["ROB-1".into()], at(2026, 11, 9, 9, 0))?;
        assert_eq!(ids(p.loans_of_unit("ROB-1")), ["second", "first"], "out now, then returned");
        assert!(p.loans_of_unit("ROB-3").is_empty(), "a confirmed booking is no loan of a unit yet");
        assert!(p.loans_of_unit("NOPE").is_empty());
        Ok(())
    }
}
