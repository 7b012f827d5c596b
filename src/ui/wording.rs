//! How domain values read in the interface: the message for each status or kind, and dates in
//! sentences. Pure lookups, shared by the pages.

use crate::domain::calendar::DayKind;
use crate::domain::{BookingStatus, Condition, DomainError, IncidentKind, IncidentStatus};
use crate::i18n::dates::{format_date_input, format_date_long};
use crate::i18n::teacher;
use crate::i18n::{Lang, Msg};
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

/// The name of a unit's condition.
pub fn condition_msg(condition: Condition) -> Msg {
    match condition {
        Condition::New => Msg::ConditionNew,
        Condition::Good => Msg::ConditionGood,
        Condition::Worn => Msg::ConditionWorn,
        Condition::Damaged => Msg::ConditionDamaged,
    }
}

/// Every condition, best first (the order of choice lists).
pub const CONDITIONS: [Condition; 4] = [Condition::New, Condition::Good, Condition::Worn, Condition::Damaged];

/// Whether a unit is in service, out of it, or out being repaired (back damaged).
pub fn service_msg(in_service: bool, condition: Condition) -> Msg {
    match (in_service, condition) {
        (true, _) => Msg::UnitInService,
        (false, Condition::Damaged) => Msg::UnitInRepair,
        (false, _) => Msg::UnitRetired,
    }
}

/// The name of an incident status.
pub fn incident_status_msg(status: IncidentStatus) -> Msg {
    match status {
        IncidentStatus::Declared => Msg::IncidentStatusDeclared,
        IncidentStatus::Documented => Msg::IncidentStatusDocumented,
        IncidentStatus::Settled => Msg::IncidentStatusSettled,
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

/// A holiday's official French name in `lang`; names the app does not know (an imported
/// calendar may bring new ones) are shown as they are.
pub fn holiday_name(lang: Lang, name: &str) -> String {
    let msg = match name {
        "Jour de l'an" => Msg::HolidayNewYear,
        "Lundi de Pâques" => Msg::HolidayEasterMonday,
        "Fête du Travail" => Msg::HolidayLabourDay,
        "Victoire 1945" => Msg::HolidayVictory,
        "Ascension" => Msg::HolidayAscension,
        "Lundi de Pentecôte" => Msg::HolidayWhitMonday,
        "Fête nationale" => Msg::HolidayNational,
        "Assomption" => Msg::HolidayAssumption,
        "Toussaint" => Msg::HolidayAllSaints,
        "Armistice 1918" => Msg::HolidayArmistice,
        "Noël" => Msg::HolidayChristmas,
        "Vendredi saint" => Msg::HolidayGoodFriday,
        "Saint Étienne" => Msg::HolidayStStephen,
        "Vacances de la Toussaint" => Msg::HolidaysAutumn,
        "Vacances de Noël" => Msg::HolidaysChristmas,
        "Vacances d'hiver" => Msg::HolidaysWinter,
        "Vacances de printemps" => Msg::HolidaysSpring,
        "Pont de l'Ascension" => Msg::HolidaysAscension,
        "Vacances d'été" => Msg::HolidaysSummer,
        other => return other.to_owned(),
    };
    msg.get(lang).to_owned()
}

/// Why a day has no class, in words (the holiday's own name where it has one).
pub fn day_reason(lang: Lang, kind: &DayKind) -> String {
    match kind {
        DayKind::PublicHoliday(name) | DayKind::SchoolHoliday(name) => holiday_name(lang, name),
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

/// What is wrong with a label pattern, in words that show the `{0001}` syntax.
pub fn pattern_msg(problem: &crate::domain::PatternProblem) -> Msg {
    use crate::domain::PatternProblem;
    match problem {
        PatternProblem::NoNumber => Msg::PatternNoNumber,
        PatternProblem::EmptyNumber => Msg::PatternEmptyNumber,
        PatternProblem::NotDigits { .. } => Msg::PatternNotDigits,
        PatternProblem::TooLong => Msg::PatternTooLong,
        PatternProblem::SeveralBraces => Msg::PatternSeveralBraces,
        PatternProblem::Spaces => Msg::PatternSpaces,
    }
}

/// A refusal the teacher can meet outside the booking form's rule check, in words. The rule
/// check itself (periods, trainings, quantities) has its own detailed explanations.
pub fn refusal(lang: Lang, error: &DomainError) -> String {
    let msg = match error {
        DomainError::SessionFull { .. } => Msg::RefusedSessionFull,
        DomainError::AlreadyEnrolled { .. } => Msg::RefusedAlreadyEnrolled,
        DomainError::NotEnrolled { .. } => Msg::RefusedNotEnrolled,
        DomainError::Transition { from, .. } => {
            return teacher::refused_transition(lang, status_msg(*from).get(lang));
        }
        DomainError::UnknownTeacher(_) => Msg::ProfileNeeded,
        DomainError::UnknownBooking(_) | DomainError::UnknownSession(_) | DomainError::UnknownUnit(_) => {
            Msg::RefusedUnknown
        }
        DomainError::NotAllowed { .. } => Msg::RefusedNotAllowed,
        DomainError::Units(_) => Msg::RefusedUnit,
        DomainError::MissingText { field: "project" } => Msg::ErrorProjectMissing,
        DomainError::MissingText { field: "description" } => Msg::IncidentDescriptionMissing,
        DomainError::LabelPattern(problem) => pattern_msg(problem),
        _ => Msg::RefusedOther,
    };
    msg.get(lang).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::{bundled_holidays, public_holidays};

    #[test]
    fn every_bundled_holiday_name_has_an_english_name() {
        let mut names: Vec<String> = bundled_holidays().into_iter().map(|h| h.name).collect();
        for year in 2025..=2028 {
            names.extend(public_holidays(year, true).into_iter().map(|(_, n)| n.to_owned()));
        }
        for name in names {
            assert_ne!(holiday_name(Lang::En, &name), name, "{name} has no English name");
            assert_eq!(holiday_name(Lang::Fr, &name), name);
        }
        assert_eq!(holiday_name(Lang::En, "Pont du 14 juillet"), "Pont du 14 juillet", "unknown names pass through");
    }
}
