//! The JSON data files exchanged between people (spec section 5). Each starts with
//! `format`, `schema_version` and `exported_at`.

use crate::domain::{Agreement, Booking, BookingLine, BookingStatus, Catalogue, CatalogueError, Commune, PoolState};
use crate::domain::{School, Settings, TrainingSession};
use chrono::NaiveDate;
use serde::Deserialize;
use std::fmt;

/// The newest `schema_version` this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// Why a data file was refused. Carries where (a field path or line/column) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Not JSON at all, with the position of the first error.
    Syntax { line: usize, column: usize, detail: String },
    /// The `format` field names another kind of file.
    WrongKind { expected: String, found: String },
    /// Written by a newer version of the app.
    TooNew { found: u32, supported: u32 },
    /// JSON, but a field has the wrong shape.
    Shape { detail: String },
    /// Well-formed but inconsistent (duplicate ids, dangling references).
    Inconsistent(CatalogueError),
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Syntax { line, column, detail } => write!(f, "line {line}, column {column}: {detail}"),
            FileError::WrongKind { expected, found } => write!(f, "format `{found}`, expected `{expected}`"),
            FileError::TooNew { found, supported } => {
                write!(f, "schema_version {found} is newer than {supported}")
            }
            FileError::Shape { detail } => f.write_str(detail),
            FileError::Inconsistent(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for FileError {}

#[derive(Deserialize)]
struct Envelope {
    format: String,
    schema_version: u32,
}

/// One booking of the pool as everyone may see it: what is booked and when, not by whom.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Occupancy {
    /// The booking's id (a teacher recognises their own bookings by it).
    pub booking: String,
    /// Models and quantities.
    pub lines: Vec<BookingLine>,
    /// First day.
    #[serde(with = "crate::domain::iso::date")]
    pub start: NaiveDate,
    /// Last day, inclusive.
    #[serde(with = "crate::domain::iso::date")]
    pub end: NaiveDate,
    /// Current status.
    pub status: BookingStatus,
}

/// What a `catalogue` file carries: everything a teacher needs and no personal data.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct CatalogueData {
    /// Categories, models, units (labels, no values), trainings.
    pub catalogue: Catalogue,
    /// Communes of the schools.
    #[serde(default)]
    pub communes: Vec<Commune>,
    /// Schools a borrower can belong to.
    #[serde(default)]
    pub schools: Vec<School>,
    /// Upcoming training sessions (enrolment lists are not shared).
    #[serde(default)]
    pub sessions: Vec<TrainingSession>,
    /// The current usage rules and loan agreement.
    #[serde(default)]
    pub agreement: Option<Agreement>,
    /// Anonymous occupancy of the pool (rule R1 needs it on every teacher's device).
    #[serde(default)]
    pub occupancy: Vec<Occupancy>,
}

impl CatalogueData {
    /// Checks the references the catalogue's own validation does not cover.
    fn validate(&self) -> Result<(), CatalogueError> {
        self.catalogue.validate()?;
        let dangling = |kind, id: &str, missing: &str| CatalogueError::DanglingReference {
            kind,
            id: id.to_owned(),
            missing: missing.to_owned(),
        };
        if let Some(s) = self.schools.iter().find(|s| !self.communes.iter().any(|c| c.id == s.commune)) {
            return Err(dangling("school", &s.id, &s.commune));
        }
        if let Some(s) = self.sessions.iter().find(|s| self.catalogue.training(&s.training).is_none()) {
            return Err(dangling("session", &s.id, &s.training));
        }
        for o in &self.occupancy {
            if let Some(line) = o.lines.iter().find(|l| self.catalogue.model(&l.model).is_none()) {
                return Err(dangling("booking", &o.booking, &line.model));
            }
        }
        Ok(())
    }

    /// A fresh pool holding this data, with default settings and the bundled school calendar.
    pub fn into_pool_state(self) -> PoolState {
        let settings = Settings { agreement: self.agreement.unwrap_or_default(), ..Settings::default() };
        let bookings = self
            .occupancy
            .into_iter()
            .map(|o| Booking {
                id: o.booking,
                teacher: String::new(),
                lines: o.lines,
                start: o.start,
                end: o.end,
                project: String::new(),
                class: String::new(),
                notes: String::new(),
                agreement_version: String::new(),
                status: o.status,
                units: Vec::new(),
                history: Vec::new(),
            })
            .collect();
        PoolState {
            bookings,
            catalogue: self.catalogue,
            communes: self.communes,
            schools: self.schools,
            sessions: self.sessions,
            settings,
            ..PoolState::default()
        }
    }
}

/// Classifies a serde_json error: malformed JSON, or JSON of the wrong shape (both located).
fn json_error(e: &serde_json::Error) -> FileError {
    if e.is_syntax() || e.is_eof() {
        FileError::Syntax { line: e.line(), column: e.column(), detail: e.to_string() }
    } else {
        FileError::Shape { detail: e.to_string() }
    }
}

/// Reads a `materiotheque/catalogue` file and validates its content.
pub fn parse_catalogue_file(text: &str) -> Result<CatalogueData, FileError> {
    // The envelope first, so a wrong kind or a newer version is reported as such rather than
    // as a shape error; parsing straight from text keeps line and column in every error.
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| json_error(&e))?;
    let expected = "materiotheque/catalogue";
    if envelope.format != expected {
        return Err(FileError::WrongKind { expected: expected.into(), found: envelope.format });
    }
    if envelope.schema_version > SCHEMA_VERSION {
        return Err(FileError::TooNew { found: envelope.schema_version, supported: SCHEMA_VERSION });
    }
    let data: CatalogueData = serde_json::from_str(text).map_err(|e| json_error(&e))?;
    data.validate().map_err(FileError::Inconsistent)?;
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_json_reports_line_and_column() {
        let err = parse_catalogue_file("{\n  \"format\": }").unwrap_err();
        assert!(matches!(err, FileError::Syntax { line: 2, .. }), "{err:?}");
    }

    #[test]
    fn another_kind_of_file_is_refused() {
        let err = parse_catalogue_file(r#"{"format":"materiotheque/backup","schema_version":1}"#).unwrap_err();
        assert_eq!(
            err,
            FileError::WrongKind { expected: "materiotheque/catalogue".into(), found: "materiotheque/backup".into() }
        );
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let err = parse_catalogue_file(r#"{"format":"materiotheque/catalogue","schema_version":99}"#).unwrap_err();
        assert_eq!(err, FileError::TooNew { found: 99, supported: SCHEMA_VERSION });
    }

    #[test]
    fn a_missing_catalogue_is_a_shape_error() {
        let err = parse_catalogue_file(r#"{"format":"materiotheque/catalogue","schema_version":1}"#).unwrap_err();
        assert!(matches!(err, FileError::Shape { .. }));
    }
}
