//! Reading and planning an import, and writing the files a teacher and the coordinator
//! exchange: a WebAssembly chunk of its own in release builds (see `split_fn!`), fetched when a
//! file is first chosen or exported, so the settings page opens without these parsers.

use crate::domain::exchange::answer::answers_with_news;
use crate::domain::exchange::requests::FileOrder;
use crate::domain::{AnswerReport, BookingStatus, DomainError, Pool, PoolState, RequestOutcome, RequestsReport};
use crate::domain::{Teacher, Zone};
use crate::i18n::teacher;
use crate::i18n::Lang;
use crate::storage::exchange::files::{
    answer_file, answer_file_name, catalogue_file, exported_at_of, requests_file, FileError,
};
use crate::storage::exchange::import::{plan_import, read_data_file, DataFile, PlannedImport};
use crate::storage::persist::model::StoredState;
use crate::ui::explain::{explain, overbooking, training_name};
use crate::ui::wording::{long, status_msg};
use chrono::NaiveDateTime;

/// What kind of file was read, with what the preview says of it.
#[derive(Clone, Debug, PartialEq)]
pub enum FileKind {
    /// A backup of the whole state.
    Backup,
    /// The coordinator's catalogue, and when it was exported.
    Catalogue(Option<NaiveDateTime>),
    /// A teacher's requests, and her name.
    Requests { teacher: String },
    /// The official school calendar.
    Calendar,
    /// The coordinator's answer to a teacher.
    Answer,
}

/// A file read and its import planned against the current state.
#[derive(Clone, Debug, PartialEq)]
pub struct Prepared {
    /// What it is.
    pub kind: FileKind,
    /// What importing it would give.
    pub planned: PlannedImport,
    /// What the preview says of it, in words: each request's outcome, what an answer changes,
    /// the days rule R1 would see overbooked.
    pub notes: Vec<String>,
}

/// The session `id` in words: its training's name and its first day (its id when unknown).
fn session_words(lang: Lang, pool: &Pool, id: &str) -> (String, String) {
    let session = pool.state().sessions.iter().find(|s| s.id == id);
    let training = session.map_or_else(|| id.to_owned(), |s| training_name(pool, &s.training, lang == Lang::En));
    let date = session.map(|s| long(lang, s.start)).unwrap_or_default();
    (training, date)
}

/// What happened to each of a teacher's requests, naming her, the project and the rule with
/// its numbers; then the training claims her records do not back.
fn request_notes(lang: Lang, pool: &Pool, report: &RequestsReport) -> Vec<String> {
    let teacher = report.teacher.as_str();
    let mut notes: Vec<String> = Vec::new();
    for entry in &report.bookings {
        let project = entry.project.as_str();
        let note = match &entry.outcome {
            RequestOutcome::Added(BookingStatus::AwaitingTraining) => {
                teacher::import_request_awaiting(lang, teacher, project)
            }
            RequestOutcome::Added(_) => teacher::import_request_added(lang, teacher, project),
            RequestOutcome::TrainingToVerify(missing) => {
                let why = explain(lang, pool, &DomainError::TrainingMissing(missing.clone())).join(" ");
                teacher::import_request_to_verify(lang, teacher, project, &why)
            }
            RequestOutcome::RefusedByRule(error) => {
                teacher::import_request_refused(lang, teacher, project, &explain(lang, pool, error).join(" "))
            }
            RequestOutcome::Cancelled => teacher::import_request_cancelled(lang, teacher, project),
            RequestOutcome::Unchanged => continue,
            RequestOutcome::Rejected(error) => {
                teacher::import_request_rejected(lang, &entry.project, &explain(lang, pool, error).join(" "))
            }
        };
        notes.push(note);
        if entry.kept_as != entry.id && !matches!(entry.outcome, RequestOutcome::Unchanged) {
            notes.push(teacher::import_request_renamed(lang, teacher, project));
        }
    }
    let english = lang == Lang::En;
    for training in &report.unbacked_claims {
        let name = training_name(pool, training, english);
        notes.push(teacher::import_claim_unbacked(lang, teacher, &name));
    }
    for id in &report.enrolled {
        let (training, date) = session_words(lang, pool, id);
        notes.push(teacher::import_request_enrolled(lang, teacher, &training, &date));
    }
    for id in &report.withdrawn {
        let (training, date) = session_words(lang, pool, id);
        notes.push(teacher::import_request_withdrawn(lang, teacher, &training, &date));
    }
    match report.order {
        FileOrder::Older { sequence: 0, latest } => {
            notes.push(teacher::import_requests_older_unnumbered(lang, teacher, &latest.to_string()));
        }
        FileOrder::Older { sequence, latest } => {
            notes.push(teacher::import_requests_older(lang, teacher, &sequence.to_string(), &latest.to_string()));
        }
        FileOrder::Newer { sequence } if notes.is_empty() && !report.teacher_changed => {
            notes.push(teacher::import_requests_newer(lang, teacher, &sequence.to_string()));
        }
        _ => {}
    }
    notes
}

/// What a teacher's answer changes for her, in words.
fn answer_notes(lang: Lang, pool: &Pool, report: &AnswerReport) -> Vec<String> {
    let english = lang == Lang::En;
    let project = |id: &str| pool.booking(id).map_or_else(|| id.to_owned(), |b| b.project.clone());
    let mut notes: Vec<String> = report
        .status_changes
        .iter()
        .map(|(_, project, from, to)| {
            teacher::import_answer_status(lang, project, status_msg(*from).get(lang), status_msg(*to).get(lang))
        })
        .collect();
    notes.extend(report.new_bookings.iter().map(|(_, p)| teacher::import_answer_new(lang, p)));
    for training in &report.records_added {
        let name = training_name(pool, training, english);
        notes.push(teacher::import_answer_record(lang, &name));
    }
    notes.extend(report.kept_cancellations.iter().map(|id| teacher::import_answer_kept_cancel(lang, &project(id))));
    let sessions: [(&Vec<String>, fn(Lang, &str, &str) -> String); 4] = [
        (&report.seats_counted, teacher::import_answer_seat_counted),
        (&report.withdrawals_taken, teacher::import_answer_withdrawal_taken),
        (&report.enrolled_by_coordinator, teacher::import_answer_enrolled_by_coordinator),
        (&report.withdrawn_by_coordinator, teacher::import_answer_withdrawn_by_coordinator),
    ];
    for (ids, message) in sessions {
        notes.extend(ids.iter().map(|id| {
            let (training, date) = session_words(lang, pool, id);
            message(lang, &training, &date)
        }));
    }
    notes
}

split_fn! {
    import_engine;
    /// Reads `text` (any kind of data file) and plans its import onto `current` at `at`, with
    /// what the preview says of it in `lang`.
    fn prepare(text: String, zone: Zone, current: StoredState, at: NaiveDateTime, lang: Lang) -> Result<Prepared, FileError> {
        let data = read_data_file(&text, zone)?;
        let kind = match &data {
            DataFile::Backup(_) => FileKind::Backup,
            DataFile::Catalogue(_) => FileKind::Catalogue(exported_at_of(&text)),
            DataFile::Calendar(_) => FileKind::Calendar,
            DataFile::Requests(r) => FileKind::Requests { teacher: r.teacher.name.clone() },
            DataFile::Answer(_) => FileKind::Answer,
        };
        let planned = plan_import(&current, data, at)?;
        // Names of models, trainings and projects are read from the state after the import.
        let pool = Pool::new(planned.next.pool.clone().unwrap_or_default());
        let preview = &planned.preview;
        let mut notes = preview.requests.as_ref().map(|r| request_notes(lang, &pool, r)).unwrap_or_default();
        notes.extend(preview.answer.as_ref().map(|r| answer_notes(lang, &pool, r)).unwrap_or_default());
        notes.extend(preview.conflicts.iter().map(|c| overbooking(lang, &pool, c)));
        Ok(Prepared { kind, planned, notes })
    }
}

split_fn! {
    import_engine;
    /// `teacher`'s requests file from this browser's pool.
    fn write_requests(state: PoolState, teacher: Teacher, at: NaiveDateTime) -> String {
        requests_file(&state, &teacher, at)
    }
}

split_fn! {
    import_engine;
    /// The coordinator's catalogue file.
    fn write_catalogue(state: PoolState, at: NaiveDateTime) -> String {
        catalogue_file(&state, at)
    }
}

split_fn! {
    import_engine;
    /// The names of the teachers whose answer would tell them something new.
    fn answer_news(state: PoolState) -> Vec<String> {
        answers_with_news(&state, NaiveDateTime::default()).into_iter().map(|(a, _)| a.teacher.name).collect()
    }
}

/// One teacher's answer as a file to hand over, and what to record once it is.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerFile {
    /// The file's name.
    pub name: String,
    /// Its text.
    pub text: String,
    /// The teacher and the fingerprint of her answer.
    pub sent: (String, u64),
}

split_fn! {
    import_engine;
    /// The answers of every teacher with news at `at`, as files.
    fn write_answers(state: PoolState, at: NaiveDateTime) -> Vec<AnswerFile> {
        answers_with_news(&state, at)
            .into_iter()
            .map(|(answer, print)| AnswerFile {
                name: answer_file_name(&answer.teacher, at.date()),
                text: answer_file(&answer, at),
                sent: (answer.teacher.id.clone(), print),
            })
            .collect()
    }
}
