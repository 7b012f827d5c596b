//! The typed errors of the operations. Each carries what a person needs to act on it; the UI
//! turns them into sentences in its language.

use super::iso;
use super::period::PeriodError;
use super::status::{Actor, BookingStatus, IncidentStatus};
use super::training::MissingTraining;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A line that asks for more units than are free (rule R1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shortage {
    /// The model.
    pub model: String,
    /// Units asked for.
    pub requested: u32,
    /// Units actually free over the period (turnaround gap included).
    pub free: u32,
    /// The next period of the same length with `requested` units free, if any before the
    /// horizon.
    #[serde(default, with = "iso::date_pair_opt")]
    pub next_free: Option<(NaiveDate, NaiveDate)>,
}

/// A problem with the units given at hand-over or return.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitProblem {
    /// No unit has this label.
    Unknown { label: String },
    /// The unit is of a model the booking does not ask for.
    WrongModel { label: String, model: String },
    /// The unit is out of service.
    OutOfService { label: String },
    /// The same label was given twice.
    Duplicate { label: String },
    /// The unit is out with another booking.
    AlreadyOut { label: String, booking: String },
    /// Not as many units of a model as booked.
    WrongCount { model: String, booked: u32, given: u32 },
    /// At return: a unit that was not handed over with this booking.
    NotInBooking { label: String },
    /// At return: a unit handed over has no return condition.
    NotReturned { label: String },
}

/// What is wrong with a label pattern (units added in bulk, `SEM-TAB-{0001}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PatternProblem {
    /// No number in braces: no `{`, or no `}` after it.
    NoNumber,
    /// The braces hold nothing: `{}`.
    EmptyNumber,
    /// The braces hold something else than digits, e.g. `{x1}`.
    NotDigits {
        /// What the braces hold.
        found: String,
    },
    /// The number in braces has more than 9 digits.
    TooLong,
    /// More than one number in braces, or a brace alone.
    SeveralBraces,
    /// Spaces at the start or the end.
    Spaces,
}

/// Why an operation was refused. Nothing changed in the state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DomainError {
    /// No teacher with this id.
    UnknownTeacher(String),
    /// No model with this id.
    UnknownModel(String),
    /// No booking with this id.
    UnknownBooking(String),
    /// No unit with this label.
    UnknownUnit(String),
    /// No incident with this id.
    UnknownIncident(String),
    /// No training session with this id.
    UnknownSession(String),
    /// No training with this id.
    UnknownTraining(String),
    /// The session has no seat left.
    SessionFull { session: String },
    /// The teacher is already enrolled in this session.
    AlreadyEnrolled { session: String },
    /// The teacher is not enrolled in this session.
    NotEnrolled { session: String },
    /// An item with this id already exists.
    DuplicateId(String),
    /// A booking needs at least one line.
    NoLines,
    /// A line asks for zero units.
    ZeroQuantity { model: String },
    /// The current usage rules and loan agreement were not accepted (rule R4).
    AgreementNotAccepted { current: String, accepted: String },
    /// A required text (reason, project title) is empty.
    MissingText {
        #[serde(deserialize_with = "known_field")]
        field: FieldName,
    },
    /// Rule R1: not enough units free, per line.
    NotEnoughUnits(Vec<Shortage>),
    /// Rule R2: the period is not valid; carries the nearest valid dates.
    Period(PeriodError),
    /// Rule R3: trainings missing, with their next sessions.
    TrainingMissing(Vec<MissingTraining>),
    /// Rule R6: this status change is not part of the lifecycle.
    Transition { from: BookingStatus, to: BookingStatus },
    /// Incident lifecycle: this status change is not allowed.
    IncidentTransition { from: IncidentStatus, to: IncidentStatus },
    /// For theft and loss, documenting needs the police report reference.
    PoliceReportRequired,
    /// This person may not do this (e.g. a teacher acting on another's booking).
    NotAllowed { actor: Actor },
    /// Hand-over or return with the wrong units.
    Units(Vec<UnitProblem>),
    /// Requests that arrived through the sync server written by one account in another
    /// teacher's name: the identity of a request is the account that wrote it.
    ForeignRequest {
        /// The signed-in account that wrote them.
        author: String,
        /// The teacher their content names.
        named: String,
    },
    /// A label pattern that cannot number units, and what is wrong with it.
    LabelPattern(PatternProblem),
    /// A value out of its range or form (a count, a capacity...).
    InvalidValue {
        #[serde(deserialize_with = "known_field")]
        field: FieldName,
    },
}

impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DomainError::UnknownTeacher(id) => write!(f, "unknown teacher `{id}`"),
            DomainError::ForeignRequest { author, named } => {
                write!(f, "requests written by `{author}` in the name of `{named}`")
            }
            DomainError::UnknownModel(id) => write!(f, "unknown model `{id}`"),
            DomainError::UnknownBooking(id) => write!(f, "unknown booking `{id}`"),
            DomainError::UnknownUnit(id) => write!(f, "unknown unit `{id}`"),
            DomainError::UnknownIncident(id) => write!(f, "unknown incident `{id}`"),
            DomainError::UnknownSession(id) => write!(f, "unknown training session `{id}`"),
            DomainError::UnknownTraining(id) => write!(f, "unknown training `{id}`"),
            DomainError::SessionFull { session } => write!(f, "session `{session}` is full"),
            DomainError::AlreadyEnrolled { session } => write!(f, "already enrolled in session `{session}`"),
            DomainError::NotEnrolled { session } => write!(f, "not enrolled in session `{session}`"),
            DomainError::DuplicateId(id) => write!(f, "`{id}` already exists"),
            DomainError::NoLines => write!(f, "a booking needs at least one model"),
            DomainError::ZeroQuantity { model } => write!(f, "quantity of `{model}` must be at least 1"),
            DomainError::AgreementNotAccepted { current, accepted } => {
                write!(f, "the loan agreement version {current} must be accepted (got `{accepted}`)")
            }
            DomainError::MissingText { field } => write!(f, "{field} is required"),
            DomainError::NotEnoughUnits(lines) => {
                write!(f, "not enough units free:")?;
                for s in lines {
                    write!(f, " {} asked {}, {} free", s.model, s.requested, s.free)?;
                    if let Some((a, b)) = s.next_free {
                        write!(f, " (free from {} to {})", iso::format_date(a), iso::format_date(b))?;
                    }
                    write!(f, ";")?;
                }
                Ok(())
            }
            DomainError::Period(e) => {
                write!(f, "invalid period: {:?}", e.problems)?;
                if let Some((a, b)) = e.nearest {
                    write!(f, "; nearest valid period {} to {}", iso::format_date(a), iso::format_date(b))?;
                }
                Ok(())
            }
            DomainError::TrainingMissing(missing) => {
                write!(f, "training missing:")?;
                for m in missing {
                    write!(f, " {}", m.training)?;
                    if let Some(s) = m.next_sessions.first() {
                        write!(f, " (next session {} on {} at {})", s.session, iso::format_date(s.start), s.place)?;
                    }
                    write!(f, ";")?;
                }
                Ok(())
            }
            DomainError::Transition { from, to } => write!(f, "a booking cannot go from {from:?} to {to:?}"),
            DomainError::IncidentTransition { from, to } => write!(f, "an incident cannot go from {from:?} to {to:?}"),
            DomainError::PoliceReportRequired => write!(f, "a police report reference is required for theft and loss"),
            DomainError::NotAllowed { actor } => write!(f, "{actor:?} may not do this"),
            DomainError::Units(problems) => write!(f, "unit problems: {problems:?}"),
            DomainError::InvalidValue { field } => write!(f, "{field} is not valid"),
            DomainError::LabelPattern(problem) => write!(f, "label pattern not valid: {problem:?}"),
        }
    }
}

impl std::error::Error for DomainError {}

/// A field an error names (a type of its own so that serde does not borrow it from the input).
pub type FieldName = &'static str;

/// The names of the fields an error can name: an error read back from a file or the stored
/// history names one of them (any other name reads as `value`).
const FIELDS: [&str; 15] = [
    "capacity",
    "category",
    "count",
    "description",
    "end",
    "id",
    "max_loan_weeks",
    "model",
    "name",
    "pattern",
    "place",
    "project",
    "reason",
    "validity_years",
    "value",
];

fn known_field<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<&'static str, D::Error> {
    let name = String::deserialize(deserializer)?;
    Ok(FIELDS.iter().find(|f| **f == name).copied().unwrap_or("value"))
}
