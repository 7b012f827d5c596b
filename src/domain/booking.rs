//! Bookings, their lines, status and history (rules R4 and R6).

use super::catalogue::Condition;
use super::error::DomainError;
use super::iso;
pub use super::status::{Actor, BookingStatus};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// One line of a booking: `quantity` units of a model.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingLine {
    /// The model booked.
    pub model: String,
    /// How many units.
    pub quantity: u32,
}

/// One step of a booking's history: who, when, what and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// When it happened (passed in by the caller; the domain never reads the clock).
    #[serde(with = "iso::datetime")]
    pub at: NaiveDateTime,
    /// Who did it.
    pub by: Actor,
    /// The status the booking entered.
    pub status: BookingStatus,
    /// Why, when a reason applies (refusal, override of rule R2...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The rule that refused a request taken in from a teacher's file, with its numbers, so
    /// that each person reads it in their own language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<Refusal>,
}

/// The rule behind a refusal ([`DomainError`]), kept in its JSON form and read back on demand.
///
/// Why not the error itself: the storage engine would then carry the serde code of every
/// domain error, to write and read the rules of the stored refusals. Measured on the release
/// build (brotli): with `Box<DomainError>` here the storage engine chunk was 101.9 kB and the
/// settings page 124.8 kB; with this string, 94.8 kB and 117.4 kB. Reading the rule moves to
/// the pages that explain it (« Mes réservations » grew from 69.9 to 81.0 kB, under its
/// budget). Files carry the rule as a JSON value, not as a string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal(String);

impl Refusal {
    /// The refusal by `error`.
    pub fn of(error: &DomainError) -> Self {
        // Through a JSON value, as a file reads it back, so both give the same text. Plain data:
        // serialising it cannot fail.
        Refusal(serde_json::to_value(error).map(|v| v.to_string()).unwrap_or_default())
    }

    /// A refusal as stored (its JSON form).
    pub fn from_json(text: String) -> Self {
        Refusal(text)
    }

    /// Its JSON form.
    pub fn as_json(&self) -> &str {
        &self.0
    }

    /// The error, or `None` when it cannot be read (stored by a later version, say).
    pub fn error(&self) -> Option<DomainError> {
        serde_json::from_str(&self.0).ok()
    }
}

impl Serialize for Refusal {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let value: serde_json::Value = serde_json::from_str(&self.0).unwrap_or(serde_json::Value::Null);
        value.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Refusal {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde_json::Value::deserialize(deserializer).map(|v| Refusal(v.to_string()))
    }
}

/// A unit handed over, and its condition at hand-over and at return.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignedUnit {
    /// Inventory label.
    pub label: String,
    /// The model (redundant with the catalogue, kept so history survives catalogue edits).
    pub model: String,
    /// Condition when handed over.
    pub condition_out: Condition,
    /// Condition when returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition_in: Option<Condition>,
}

/// A teacher's request for units of one or more models over a project period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Booking {
    /// Stable identifier, unique across the pool.
    pub id: String,
    /// The teacher who booked.
    pub teacher: String,
    /// What is booked.
    pub lines: Vec<BookingLine>,
    /// First day of the loan (a school day).
    #[serde(with = "iso::date")]
    pub start: NaiveDate,
    /// Last day of the loan, inclusive (a school day).
    #[serde(with = "iso::date")]
    pub end: NaiveDate,
    /// Project title.
    pub project: String,
    /// Class, e.g. "CM1 B".
    pub class: String,
    /// The teacher's notes for the coordinator.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Version of the usage rules and loan agreement accepted (rule R4).
    pub agreement_version: String,
    /// Current status.
    pub status: BookingStatus,
    /// Units handed over, once they are.
    #[serde(default)]
    pub units: Vec<AssignedUnit>,
    /// Every status change, oldest first.
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
}

impl Booking {
    /// Whether the units are out past the last day of the loan (rule R6).
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status == BookingStatus::HandedOver && today > self.end
    }

    /// Whether the booking's period shares at least one day with `[from, to]`.
    pub fn meets(&self, from: NaiveDate, to: NaiveDate) -> bool {
        self.start <= to && self.end >= from
    }

    /// How many days before its first day a hand-over made on `today` would be (rule R6: the
    /// units go out for the project period): `None` on or after the first day.
    pub fn days_early(&self, today: NaiveDate) -> Option<u32> {
        let days = (self.start - today).num_days();
        u32::try_from(days).ok().filter(|d| *d > 0)
    }

    /// Whether the booking is confirmed and its first day has passed without a hand-over: the
    /// teacher has not come for the units (a late pick-up).
    pub fn is_late_pick_up(&self, today: NaiveDate) -> bool {
        self.status == BookingStatus::Confirmed && today > self.start
    }

    /// How many days late the booking is on `today`, by the calendar: past its first day for a
    /// late pick-up ([`Booking::is_late_pick_up`]), past its last day for a loan overdue
    /// ([`Booking::is_overdue`]); `None` when it is not late.
    pub fn days_late(&self, today: NaiveDate) -> Option<u32> {
        let since = if self.is_late_pick_up(today) {
            self.start
        } else if self.is_overdue(today) {
            self.end
        } else {
            return None;
        };
        u32::try_from((today - since).num_days()).ok().filter(|d| *d > 0)
    }

    /// Why the booking was refused: the coordinator's words, or the rule that refused it.
    pub fn refusal(&self) -> Option<&HistoryEntry> {
        (self.status == BookingStatus::Refused)
            .then(|| self.history.iter().rev().find(|h| h.status == BookingStatus::Refused))
            .flatten()
    }

    /// When its teacher last changed it (made or cancelled it), by her own clock.
    pub fn last_changed_by_teacher(&self) -> Option<NaiveDateTime> {
        let own = Actor::Teacher(self.teacher.clone());
        self.history.iter().filter(|h| h.by == own).map(|h| h.at).max()
    }

    /// Total quantity booked of `model` (several lines of one model add up).
    pub fn quantity_of(&self, model: &str) -> u32 {
        self.lines.iter().filter(|l| l.model == model).map(|l| l.quantity).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::BookingStatus::*;
    use super::*;

    fn booking(status: BookingStatus) -> Booking {
        let d = crate::test_dates::d;
        Booking {
            id: "b".into(),
            teacher: "ana".into(),
            lines: vec![BookingLine { model: "thymio".into(), quantity: 1 }],
            start: d(2027, 1, 18),
            end: d(2027, 1, 29),
            project: "Robots".into(),
            class: String::new(),
            notes: String::new(),
            agreement_version: "1".into(),
            status,
            units: Vec::new(),
            history: Vec::new(),
        }
    }

    #[test]
    fn a_hand_over_before_the_first_day_is_early_by_calendar_days() {
        let d = crate::test_dates::d;
        let b = booking(Confirmed);
        assert_eq!(b.days_early(d(2026, 12, 7)), Some(42), "six weeks early");
        assert_eq!(b.days_early(d(2027, 1, 17)), Some(1));
        assert_eq!(b.days_early(d(2027, 1, 18)), None, "on the first day");
        assert_eq!(b.days_early(d(2027, 1, 20)), None);
    }

    #[test]
    fn a_booking_meets_a_period_when_they_share_a_day() {
        let d = crate::test_dates::d;
        let b = booking(Confirmed); // 18 to 29 January 2027
        assert!(b.meets(d(2027, 1, 29), d(2027, 2, 5)), "its last day");
        assert!(b.meets(d(2027, 1, 11), d(2027, 1, 18)), "its first day");
        assert!(b.meets(d(2027, 1, 20), d(2027, 1, 21)), "inside");
        assert!(!b.meets(d(2027, 1, 30), d(2027, 2, 5)));
        assert!(!b.meets(d(2027, 1, 4), d(2027, 1, 17)));
    }

    #[test]
    fn a_confirmed_booking_past_its_first_day_is_a_late_pick_up() {
        let d = crate::test_dates::d;
        let b = booking(Confirmed);
        assert!(!b.is_late_pick_up(d(2027, 1, 18)));
        assert_eq!(b.days_late(d(2027, 1, 18)), None, "the first day is on time");
        assert!(b.is_late_pick_up(d(2027, 1, 21)));
        assert_eq!(b.days_late(d(2027, 1, 21)), Some(3));
        assert_eq!(booking(Requested).days_late(d(2027, 1, 21)), None, "only confirmed bookings are picked up");
        let out = booking(HandedOver);
        assert_eq!(out.days_late(d(2027, 1, 21)), None, "out within its period");
        assert_eq!(out.days_late(d(2027, 2, 1)), Some(3), "overdue: counted from the last day");
    }
}
