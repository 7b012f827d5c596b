//! How domain values read in the interface: the message for each status or kind, and dates in
//! sentences. Pure lookups, shared by the pages.

use crate::domain::calendar::DayKind;
use crate::domain::{BookingStatus, DomainError, IncidentKind};
use crate::i18n::dates::{format_date_input, format_date_long};
use crate::i18n::{fill, Lang, Msg};
use crate::storage::local::WriteError;
use chrono::NaiveDate;

/// The name of a booking status.
pub fn status_msg(status: BookingStatus) -> Msg {
    match status {
        BookingStatus::Requested => Msg::StatusRequested,
        BookingStatus::AwaitingTraining => Msg::StatusAwaitingTraining,
        BookingStatus::Confirmed => Msg::StatusConfirmed,
        BookingStatus::HandedOver => Msg::StatusHandedOver,
        BookingStatus::Returned => Msg::StatusReturned,
        BookingStatus::Cancelled => Msg::StatusCancelled,
        BookingStatus::Refused => Msg::StatusRefused,
    }
}

/// The name of an incident kind.
pub fn incident_kind_msg(kind: IncidentKind) -> Msg {
    match kind {
        IncidentKind::Damage => Msg::IncidentDamage,
        IncidentKind::Loss => Msg::IncidentLoss,
        IncidentKind::Theft => Msg::IncidentTheft,
    }
}

/// The note a date picker shows on a day without class.
pub fn day_note(kind: &DayKind) -> Option<Msg> {
    match kind {
        DayKind::SchoolDay => None,
        DayKind::Weekend => Some(Msg::DayWeekend),
        DayKind::PublicHoliday(_) => Some(Msg::DayPublicHoliday),
        DayKind::SchoolHoliday(_) => Some(Msg::DaySchoolHoliday),
    }
}

/// Why a day has no class, in words (the holiday's own name where it has one).
pub fn day_reason(lang: Lang, kind: &DayKind) -> String {
    match kind {
        DayKind::PublicHoliday(name) | DayKind::SchoolHoliday(name) => name.clone(),
        other => day_note(other).map(|m| m.get(lang).to_owned()).unwrap_or_default(),
    }
}

/// A date inside a sentence: "lundi 4 janvier 2027".
pub fn long(lang: Lang, date: NaiveDate) -> String {
    format_date_long(lang, date)
}

/// A date in a table or a compact line: "04/01/2027".
pub fn short(date: NaiveDate) -> String {
    format_date_input(date)
}

/// A refusal the teacher can meet outside the booking form's rule check, in words. The rule
/// check itself (periods, trainings, quantities) has its own detailed explanations.
pub fn refusal(lang: Lang, error: &DomainError) -> String {
    let msg = match error {
        DomainError::SessionFull { .. } => Msg::RefusedSessionFull,
        DomainError::AlreadyEnrolled { .. } => Msg::RefusedAlreadyEnrolled,
        DomainError::Transition { from, .. } => {
            return fill(Msg::RefusedTransition.get(lang), &[("status", status_msg(*from).get(lang))]);
        }
        DomainError::UnknownTeacher(_) => Msg::ProfileNeeded,
        DomainError::UnknownBooking(_) | DomainError::UnknownSession(_) | DomainError::UnknownUnit(_) => {
            Msg::RefusedUnknown
        }
        DomainError::NotAllowed { .. } => Msg::RefusedNotAllowed,
        DomainError::Units(_) => Msg::RefusedUnit,
        DomainError::MissingText { field: "project" } => Msg::ErrorProjectMissing,
        _ => Msg::RefusedOther,
    };
    msg.get(lang).to_owned()
}

/// Why local storage did not take a write, in words.
pub fn write_error(error: &WriteError) -> Msg {
    match error {
        WriteError::Unavailable => Msg::WriteUnavailable,
        WriteError::Refused(_) => Msg::WriteRefused,
        WriteError::NotVerified => Msg::WriteNotVerified,
    }
}
