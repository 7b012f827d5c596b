//! The lending rules, as pure Rust: no browser, no clock. Callers pass `today` where a rule
//! needs it, so every rule is testable natively and identical in the UI, storage and imports.
//!
//! - [`calendar`]: school days, public holidays, school holidays per zone (R2).
//! - [`catalogue`], [`people`]: the model (categories, models, units, trainings, sessions,
//!   records, communes, schools, teachers).
//! - [`availability`]: R1, the per-model occupancy index and its brute-force oracle.
//! - [`period`]: R2. [`training`]: R3. [`booking`]: R4/R6 data and lifecycle.
//! - [`incident`]: R5. [`usage`]: R7. [`review`]: R8.
//! - [`exchange`]: the rules of the exchange between people: the published catalogue, a
//!   teacher's requests taken in (untrusted), her answer; [`ids`]: ids no two browsers mint.
//! - [`search`]: accent- and case-insensitive catalogue search and filters.
//! - [`text`]: lower case and letter tests for Latin text, without Unicode tables.
//! - [`pool`]: the state and every operation on it; [`change`]: changes as data, replayed on
//!   another tab's newer state; [`error`]: what refusals carry.
//! - [`desk`]: the coordinator's lists (requests to decide, loans to hand over, out, overdue)
//!   and a unit's loans; [`people::Borrower`]: who a booking is lent to, and where.
//! - [`basket`]: the booking a teacher prepares, and how two tabs' plans merge; [`backup`]:
//!   when to remind the user to export a backup.

pub mod admin;
pub mod agreement;
pub mod availability;
pub mod backup;
pub mod basket;
pub mod booking;
pub mod calendar;
pub mod catalogue;
pub mod change;
pub mod desk;
pub mod error;
pub mod exchange;
pub mod ids;
pub mod incident;
pub mod iso;
pub mod people;
pub mod period;
pub mod planning;
pub mod pool;
pub mod profile;
pub mod review;
pub mod search;
pub mod settings;
pub mod status;
pub mod text;
pub mod training;
pub mod usage;

pub use agreement::Agreement;
pub use availability::{AvailabilityIndex, FreeCount, Occupancy, Overbooking};
pub use booking::{AssignedUnit, Booking, BookingLine, HistoryEntry};
pub use calendar::{SchoolCalendar, SchoolHoliday, Zone};
pub use catalogue::{Catalogue, CatalogueError, Category, Condition, LocalizedText, Model, Training, Unit};
pub use change::{ChangeOutcome, Dropped, PoolChange};
pub use error::{DomainError, PatternProblem, Shortage, UnitProblem};
pub use exchange::answer::{adopt_answer, answer_for, answers_with_news, AnswerError, AnswerReport, TeacherAnswer};
pub use exchange::requests::{take_in_requests, RequestEntry, RequestOutcome, RequestsReport, TeacherRequests};
pub use exchange::{adopt_catalogue, publish, Adopted, PublicCatalogue};
pub use ids::IdMinter;
pub use incident::{Incident, IncidentAssessment, IncidentKind};
pub use people::{Borrower, Commune, RecordStanding, School, Teacher, TrainingRecord, TrainingSession};
pub use planning::{monday_of, TrainingStanding, WeekAvailability};
pub use pool::{
    BookingCheck, BookingRequest, ExchangeLog, IncidentDeclaration, LoanAgreement, Pool, PoolState, ReturnReport,
    ShortBooking,
};
pub use profile::{validate_profile, ProfileProblem};
pub use review::{incident_review, IncidentReview};
pub use search::{filter_models, fold, CatalogueFilter, TrainingFilter};
pub use settings::Settings;
pub use status::{Actor, BookingStatus, IncidentStatus};
pub use usage::{default_window, reallocation_report, utilisation, ModelUsage, ReallocationReport, Utilisation};

// proptest is a native-only dev-dependency (see Cargo.toml).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;
#[cfg(test)]
pub(crate) mod testkit;
#[cfg(test)]
mod tests;
