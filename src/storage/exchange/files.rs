//! The JSON data files exchanged between people (spec section 5). Each starts with
//! `format`, `schema_version` and `exported_at`.

use super::json_path::path_at;
use crate::domain::{publish, Booking, CatalogueError, PoolState, PublicCatalogue, TeacherAnswer};
use crate::domain::{Teacher, TeacherRequests, TrainingRecord};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The newest `schema_version` this build reads and writes. Version 2 (the round trip with
/// answers): occupancy entries carry `id` (a minted id, or none) instead of `booking`, sessions
/// count the seats taken in `others`, and the catalogue carries the coordinator's `contact`;
/// version 1 files read as they are (their occupancy ids and reduced capacities still count).
/// Version 3 (files arriving in any order): a `requests` file carries its `sequence` (the
/// teacher's browser numbers her files 1, 2, 3…) and lists as `withdrawals` every session she
/// left that a file of hers said she was in; an `answer` carries `requests_taken`, the number
/// of the latest of her files taken in. Version 2 files read with 0 for both: a requests file
/// without a number counts as older than any numbered one of the same teacher, an answer
/// without one as reflecting none of her numbered files.
pub const SCHEMA_VERSION: u32 = 3;

/// Why a data file was refused. Carries where (a field path or line/column) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Not JSON at all, with the position of the first error.
    Syntax { line: usize, column: usize, detail: String },
    /// The `format` field names another kind of file.
    WrongKind { expected: String, found: String },
    /// Written by a newer version of the app.
    TooNew { found: u32, supported: u32 },
    /// JSON, but a value has the wrong shape: where (a field path such as
    /// `catalogue.units[3].label`; empty for the whole file), what, and serde's own words.
    Shape { path: String, problem: ShapeProblem, detail: String },
    /// Well-formed but inconsistent (duplicate ids, dangling references).
    Inconsistent(CatalogueError),
    /// Far larger than any file of ours: not read.
    TooLarge { bytes: usize, limit: usize },
    /// An official school calendar that cannot be read.
    Calendar(super::calendar_files::CalendarProblem),
    /// A teacher's answer that is not for this browser's teacher.
    Answer(crate::domain::AnswerError),
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Syntax { line, column, detail } => write!(f, "line {line}, column {column}: {detail}"),
            FileError::WrongKind { expected, found } => write!(f, "format `{found}`, expected `{expected}`"),
            FileError::TooNew { found, supported } => {
                write!(f, "schema_version {found} is newer than {supported}")
            }
            FileError::Shape { path, detail, .. } if path.is_empty() => f.write_str(detail),
            FileError::Shape { path, detail, .. } => write!(f, "{path}: {detail}"),
            FileError::Inconsistent(e) => e.fmt(f),
            FileError::TooLarge { bytes, limit } => write!(f, "{bytes} bytes, more than {limit}"),
            FileError::Calendar(problem) => write!(f, "school calendar: {problem:?}"),
            FileError::Answer(crate::domain::AnswerError::NoProfile) => f.write_str("an answer, and no profile here"),
            FileError::Answer(crate::domain::AnswerError::NotYours(name)) => write!(f, "the answer for {name}"),
            FileError::Answer(crate::domain::AnswerError::Older(at)) => {
                write!(f, "an answer older than the one of {at}")
            }
        }
    }
}

impl std::error::Error for FileError {}

/// What is wrong with a value, in terms the interface can translate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShapeProblem {
    /// A required field is absent (its name).
    MissingField(String),
    /// A word that is not one of the allowed values (the word).
    UnknownValue(String),
    /// A value of the wrong type or out of range.
    WrongValue,
}

impl ShapeProblem {
    /// Classifies serde's message (the only structured hint serde_json gives).
    fn of(message: &str) -> Self {
        let quoted =
            |prefix: &str| message.strip_prefix(prefix).and_then(|rest| rest.split('`').next()).map(str::to_owned);
        if let Some(field) = quoted("missing field `") {
            ShapeProblem::MissingField(field)
        } else if let Some(word) = quoted("unknown variant `") {
            ShapeProblem::UnknownValue(word)
        } else {
            ShapeProblem::WrongValue
        }
    }
}

#[derive(Deserialize)]
struct Envelope {
    format: String,
    schema_version: u32,
}

/// Classifies a serde_json error in `text`: malformed JSON (line and column), or JSON of the
/// wrong shape (the field path of the value).
pub(crate) fn json_error(text: &str, e: &serde_json::Error) -> FileError {
    if e.is_syntax() || e.is_eof() {
        FileError::Syntax { line: e.line(), column: e.column(), detail: e.to_string() }
    } else {
        let message = e.to_string();
        // serde_json appends " at line L column C", which the path replaces.
        let detail = message.split(" at line ").next().unwrap_or_default().to_owned();
        FileError::Shape { path: path_at(text, e.line(), e.column()), problem: ShapeProblem::of(&detail), detail }
    }
}

/// When a data file says it was exported (`exported_at`, with or without a final `Z`).
pub fn exported_at_of(text: &str) -> Option<NaiveDateTime> {
    #[derive(Deserialize)]
    struct Stamp {
        exported_at: Option<String>,
    }
    let stamp: Stamp = serde_json::from_str(text).ok()?;
    crate::domain::iso::parse_datetime(stamp.exported_at?.trim_end_matches('Z'))
}

/// Checks the envelope: the kind of file and a version this build reads. First, so a wrong
/// kind or a newer version is reported as such rather than as a shape error; parsing straight
/// from text keeps line and column in every error.
pub(crate) fn check_envelope(text: &str, expected: &str) -> Result<(), FileError> {
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| json_error(text, &e))?;
    if envelope.format != expected {
        return Err(FileError::WrongKind { expected: expected.into(), found: envelope.format });
    }
    if envelope.schema_version > SCHEMA_VERSION {
        return Err(FileError::TooNew { found: envelope.schema_version, supported: SCHEMA_VERSION });
    }
    Ok(())
}

/// Reads a `materiotheque/catalogue` file and validates its content.
pub fn parse_catalogue_file(text: &str) -> Result<PublicCatalogue, FileError> {
    check_envelope(text, CATALOGUE_FORMAT)?;
    parse_catalogue_body(text)
}

/// Reads a catalogue file whose envelope was checked.
pub(crate) fn parse_catalogue_body(text: &str) -> Result<PublicCatalogue, FileError> {
    let data: PublicCatalogue = serde_json::from_str(text).map_err(|e| json_error(text, &e))?;
    data.validate().map_err(FileError::Inconsistent)?;
    Ok(data)
}

/// The `format` of a requests file.
pub const REQUESTS_FORMAT: &str = "materiotheque/requests";

/// The body of a `materiotheque/requests` file: one teacher's profile, bookings, the trainings
/// their browser records for them (a claim, checked by the coordinator) and their enrolments.
#[derive(Serialize)]
struct RequestsOut<'a> {
    teacher: &'a Teacher,
    bookings: Vec<&'a Booking>,
    trainings: Vec<&'a TrainingRecord>,
    enrolments: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    withdrawals: Vec<&'a str>,
    sequence: u64,
}

/// A `materiotheque/requests` file as read.
#[derive(Deserialize)]
struct RequestsIn {
    teacher: Teacher,
    #[serde(default)]
    bookings: Vec<Booking>,
    #[serde(default)]
    trainings: Vec<TrainingRecord>,
    #[serde(default)]
    enrolments: Vec<String>,
    #[serde(default)]
    withdrawals: Vec<String>,
    #[serde(default)]
    sequence: u64,
}

/// Writes `teacher`'s requests from this browser's pool, numbered one more than the last file
/// she sent ([`crate::domain::exchange::requests::next_sequence`]).
pub fn requests_file(pool: &PoolState, teacher: &Teacher, exported_at: NaiveDateTime) -> String {
    let out = RequestsOut {
        teacher,
        bookings: pool.bookings.iter().filter(|b| b.teacher == teacher.id).collect(),
        trainings: pool.records.iter().filter(|r| r.teacher == teacher.id).collect(),
        enrolments: crate::domain::exchange::enrolled_in(pool, &teacher.id).collect(),
        withdrawals: crate::domain::exchange::requests::withdrawals(pool, &teacher.id),
        sequence: crate::domain::exchange::requests::next_sequence(pool),
    };
    write_file(REQUESTS_FORMAT, exported_at, &out)
}

/// Reads a requests file (its content is checked by the rules when taken in, not here).
pub fn parse_requests_file(text: &str) -> Result<TeacherRequests, FileError> {
    check_envelope(text, REQUESTS_FORMAT)?;
    parse_requests_body(text)
}

/// Reads a requests file whose envelope was checked.
pub(crate) fn parse_requests_body(text: &str) -> Result<TeacherRequests, FileError> {
    let data: RequestsIn = serde_json::from_str(text).map_err(|e| json_error(text, &e))?;
    Ok(TeacherRequests {
        teacher: data.teacher,
        bookings: data.bookings,
        claimed_trainings: data.trainings,
        enrolments: data.enrolments,
        withdrawals: data.withdrawals,
        sequence: data.sequence,
    })
}

/// Any data file as written: the envelope, then the body's own fields.
#[derive(Serialize)]
struct FileOut<'a, T: Serialize> {
    format: &'static str,
    schema_version: u32,
    #[serde(with = "crate::domain::iso::datetime")]
    exported_at: NaiveDateTime,
    #[serde(flatten)]
    body: &'a T,
}

fn write_file<T: Serialize>(format: &'static str, exported_at: NaiveDateTime, body: &T) -> String {
    let file = FileOut { format, schema_version: SCHEMA_VERSION, exported_at, body };
    // Plain data with string keys: serialising it cannot fail.
    serde_json::to_string(&file).unwrap_or_default()
}

/// Writes the coordinator's `catalogue` file: the pool as everyone may see it
/// ([`crate::domain::publish`]: no personal data).
pub fn catalogue_file(pool: &PoolState, exported_at: NaiveDateTime) -> String {
    write_file(CATALOGUE_FORMAT, exported_at, &publish(pool))
}

/// The `format` of a catalogue file.
pub const CATALOGUE_FORMAT: &str = "materiotheque/catalogue";

/// The `format` of a teacher's answer.
pub const ANSWER_FORMAT: &str = "materiotheque/answer";

/// Writes one teacher's `answer` file (private: only for her).
pub fn answer_file(answer: &TeacherAnswer, exported_at: NaiveDateTime) -> String {
    write_file(ANSWER_FORMAT, exported_at, answer)
}

/// Reads a teacher's `materiotheque/answer` file.
pub fn parse_answer_file(text: &str) -> Result<TeacherAnswer, FileError> {
    check_envelope(text, ANSWER_FORMAT)?;
    parse_answer_body(text)
}

/// Reads an answer file whose envelope was checked.
pub(crate) fn parse_answer_body(text: &str) -> Result<TeacherAnswer, FileError> {
    serde_json::from_str(text).map_err(|e| json_error(text, &e))
}

/// The name of a teacher's answer file: her name, letters and digits only.
pub fn answer_file_name(teacher: &Teacher, date: chrono::NaiveDate) -> String {
    let name: String =
        crate::domain::fold(&teacher.name).chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    let name = name.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-");
    format!("reponse-{name}-{}.json", crate::domain::iso::format_date(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_export_date_of_a_file_is_read_with_or_without_a_final_z() {
        let at = crate::test_dates::at(2026, 9, 1, 8, 0);
        assert_eq!(exported_at_of(r#"{"exported_at":"2026-09-01T08:00:00Z"}"#), Some(at));
        assert_eq!(exported_at_of(r#"{"exported_at":"2026-09-01T08:00:00"}"#), Some(at));
        assert_eq!(exported_at_of(r#"{"exported_at":"hier"}"#), None);
        assert_eq!(exported_at_of("pas du JSON"), None);
    }

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
    fn a_wrong_value_is_named_by_its_field_path() {
        let text = r#"{"format":"materiotheque/catalogue","schema_version":1,"catalogue":{"categories":[],
            "models":[],"trainings":[],"units":[{"label":"A","model":"m","acquired":"2022-01-01",
            "condition":"good","in_service":"oui"}]}}"#;
        let Err(FileError::Shape { path, problem, .. }) = parse_catalogue_file(text) else {
            panic!("a shape error was expected");
        };
        assert_eq!(path, "catalogue.units[0].in_service");
        assert_eq!(problem, ShapeProblem::WrongValue);
        let valid = text.replace(r#""oui""#, "true");
        let missing = valid.replace(r#""label":"A","#, "");
        assert!(matches!(
            parse_catalogue_file(&missing),
            Err(FileError::Shape { path, problem: ShapeProblem::MissingField(field), .. })
                if path == "catalogue.units[0]" && field == "label"
        ));
        let unknown = valid.replace(r#""good""#, r#""superbe""#);
        assert!(matches!(
            parse_catalogue_file(&unknown),
            Err(FileError::Shape { path, problem: ShapeProblem::UnknownValue(word), .. })
                if path == "catalogue.units[0].condition" && word == "superbe"
        ));
    }

    #[test]
    fn a_requests_file_carries_its_number_and_one_of_version_2_reads_as_unnumbered() {
        use crate::domain::testkit::state;
        let mut pool = state();
        let teacher = pool.teachers.iter().find(|t| t.id == "ana").cloned().unwrap_or_else(|| panic!("ana"));
        pool.exchange.requests_sequence = 4;
        let text = requests_file(&pool, &teacher, crate::test_dates::at(2026, 9, 1, 8, 0));
        assert!(text.starts_with(r#"{"format":"materiotheque/requests","schema_version":3,"#), "{text}");
        let read = parse_requests_file(&text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read.sequence, 5, "one more than the last sent");
        let old = r#"{"format":"materiotheque/requests","schema_version":2,"exported_at":"2026-09-01T08:00:00",
            "teacher":{"id":"ana","name":"Ana","email":"ana@example.org","school":"s"},"enrolments":["s-rob-2"]}"#;
        let read = parse_requests_file(old).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((read.sequence, read.enrolments), (0, vec!["s-rob-2".to_owned()]));
    }

    #[test]
    fn an_answer_of_version_2_reads_as_reflecting_no_numbered_file() {
        let pool = crate::domain::testkit::state();
        let at = crate::test_dates::at(2026, 9, 1, 8, 0);
        let answer = crate::domain::answer_for(&pool, "ana", at).unwrap_or_else(|| panic!("ana"));
        let text = answer_file(&answer, at);
        assert!(!text.contains("requests_taken"), "left out when zero: {text}");
        let old = text.replace(r#""schema_version":3"#, r#""schema_version":2"#);
        assert_eq!(parse_answer_file(&old).map(|a| a.requests_taken), Ok(0));
        let mut numbered = answer;
        numbered.requests_taken = 3;
        assert_eq!(parse_answer_file(&answer_file(&numbered, at)).map(|a| a.requests_taken), Ok(3));
    }

    #[test]
    fn a_missing_catalogue_is_a_shape_error() {
        let err = parse_catalogue_file(r#"{"format":"materiotheque/catalogue","schema_version":1}"#).unwrap_err();
        assert!(matches!(err, FileError::Shape { .. }));
    }
}
