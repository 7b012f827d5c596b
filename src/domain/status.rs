//! The small shared words of the lifecycle: who acts, and where a booking (rule R6) or an
//! incident (rule R5) stands. Below bookings, incidents and errors, which all name them.

use serde::{Deserialize, Serialize};

/// Who did something.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// A teacher, by id.
    Teacher(String),
    /// The loan coordinator.
    Coordinator,
}

/// Where a booking stands (rule R6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BookingStatus {
    /// Made by the teacher, waiting for the coordinator.
    Requested,
    /// Accepted on the strength of an enrolment in a training session not yet completed.
    AwaitingTraining,
    /// Confirmed by the coordinator.
    Confirmed,
    /// The units are with the teacher.
    HandedOver,
    /// The units came back.
    Returned,
    /// Withdrawn by the teacher.
    Cancelled,
    /// Refused by the coordinator, with a reason.
    Refused,
}

impl BookingStatus {
    /// Whether a booking in this status holds units of the pool (rule R1).
    pub fn holds_units(self) -> bool {
        matches!(
            self,
            BookingStatus::Requested
                | BookingStatus::AwaitingTraining
                | BookingStatus::Confirmed
                | BookingStatus::HandedOver
        )
    }

    /// Whether the booking was withdrawn (cancelled by the teacher or refused by the
    /// coordinator): it leads to no loan, so no agreement to sign and nothing to put in a
    /// calendar.
    pub fn is_withdrawn(self) -> bool {
        matches!(self, BookingStatus::Cancelled | BookingStatus::Refused)
    }

    /// Whether the lifecycle allows going from `self` to `to` (rule R6).
    pub fn can_become(self, to: BookingStatus) -> bool {
        use BookingStatus::*;
        matches!(
            (self, to),
            (Requested, AwaitingTraining)
                | (Requested, Confirmed)
                | (AwaitingTraining, Confirmed)
                | (Confirmed, HandedOver)
                | (HandedOver, Returned)
                | (Requested | AwaitingTraining | Confirmed, Cancelled)
                | (Requested | AwaitingTraining | Confirmed, Refused)
        )
    }
}

/// Where an incident stands: declared → documented → settled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncidentStatus {
    /// Declared by the teacher or the coordinator.
    Declared,
    /// Report reference (for theft and loss) and quote attached.
    Documented,
    /// Reimbursed.
    Settled,
}

#[cfg(test)]
mod tests {
    use super::BookingStatus::*;
    use super::*;

    const ALL: [BookingStatus; 7] = [Requested, AwaitingTraining, Confirmed, HandedOver, Returned, Cancelled, Refused];

    #[test]
    fn only_the_lifecycle_transitions_are_allowed() {
        let allowed: Vec<(BookingStatus, BookingStatus)> =
            ALL.iter().flat_map(|a| ALL.iter().map(move |b| (*a, *b))).filter(|(a, b)| a.can_become(*b)).collect();
        assert_eq!(
            allowed,
            vec![
                (Requested, AwaitingTraining),
                (Requested, Confirmed),
                (Requested, Cancelled),
                (Requested, Refused),
                (AwaitingTraining, Confirmed),
                (AwaitingTraining, Cancelled),
                (AwaitingTraining, Refused),
                (Confirmed, HandedOver),
                (Confirmed, Cancelled),
                (Confirmed, Refused),
                (HandedOver, Returned),
            ]
        );
    }

    #[test]
    fn only_cancelled_and_refused_bookings_are_withdrawn() {
        let withdrawn: Vec<BookingStatus> =
            [Requested, AwaitingTraining, Confirmed, HandedOver, Returned, Cancelled, Refused]
                .into_iter()
                .filter(|s| s.is_withdrawn())
                .collect();
        assert_eq!(withdrawn, [Cancelled, Refused]);
    }

    #[test]
    fn final_states_hold_nothing() {
        assert!(!Returned.holds_units() && !Cancelled.holds_units() && !Refused.holds_units());
        assert!(
            Requested.holds_units()
                && AwaitingTraining.holds_units()
                && Confirmed.holds_units()
                && HandedOver.holds_units()
        );
    }

    #[test]
    fn statuses_serialize_in_snake_case() {
        assert_eq!(serde_json::to_string(&AwaitingTraining).unwrap(), "\"awaiting_training\"");
        assert_eq!(serde_json::to_string(&Actor::Coordinator).unwrap(), "\"coordinator\"");
    }
}
