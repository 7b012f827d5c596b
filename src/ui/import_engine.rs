//! Reading and planning an import, and writing the files a teacher and the coordinator
//! exchange: a WebAssembly chunk of its own in release builds (see `split_fn!`), fetched when a
//! file is first chosen or exported, so the settings page opens without these parsers.

use crate::domain::exchange::answer::answers_with_news;
use crate::domain::exchange::requests::FileOrder;
use crate::domain::{AnswerReport, BookingStatus, DomainError, Pool, PoolState, RequestOutcome, RequestsReport};
use crate::domain::{Teacher, Zone};
use crate::i18n::{fill, Lang, Msg};
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

fn fill_msg(lang: Lang, msg: Msg, args: &[(&str, &str)]) -> String {
    fill(lang, msg.get(lang), args)
}

/// `msg` about the session `id`, named by its training and first day (its id when unknown),
/// with `more` arguments.
fn session_msg(lang: Lang, pool: &Pool, msg: Msg, id: &str, more: &[(&str, &str)]) -> String {
    let session = pool.state().sessions.iter().find(|s| s.id == id);
    let training = session.map_or_else(|| id.to_owned(), |s| training_name(pool, &s.training, lang == Lang::En));
    let date = session.map(|s| long(lang, s.start)).unwrap_or_default();
    let mut args = vec![("training", training.as_str()), ("date", date.as_str())];
    args.extend_from_slice(more);
    fill_msg(lang, msg, &args)
}

/// What happened to each of a teacher's requests, naming her, the project and the rule with
/// its numbers; then the training claims her records do not back.
fn request_notes(lang: Lang, pool: &Pool, report: &RequestsReport) -> Vec<String> {
    let teacher = report.teacher.as_str();
    let mut notes: Vec<String> = Vec::new();
    for entry in &report.bookings {
        let args = |reason: &str| -> Vec<(&str, String)> {
            vec![("teacher", teacher.to_owned()), ("project", entry.project.clone()), ("reason", reason.to_owned())]
        };
        let say = |msg: Msg, reason: &str| {
            let owned = args(reason);
            let refs: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
            fill(lang, msg.get(lang), &refs)
        };
        let note = match &entry.outcome {
            RequestOutcome::Added(BookingStatus::AwaitingTraining) => say(Msg::ImportRequestAwaiting, ""),
            RequestOutcome::Added(_) => say(Msg::ImportRequestAdded, ""),
            RequestOutcome::TrainingToVerify(missing) => {
                let why = explain(lang, pool, &DomainError::TrainingMissing(missing.clone())).join(" ");
                say(Msg::ImportRequestToVerify, &why)
            }
            RequestOutcome::RefusedByRule(error) => {
                say(Msg::ImportRequestRefused, &explain(lang, pool, error).join(" "))
            }
            RequestOutcome::Cancelled => say(Msg::ImportRequestCancelled, ""),
            RequestOutcome::Unchanged => continue,
            RequestOutcome::Rejected(error) => fill_msg(
                lang,
                Msg::ImportRequestRejected,
                &[("project", &entry.project), ("reason", &explain(lang, pool, error).join(" "))],
            ),
        };
        notes.push(note);
        if entry.kept_as != entry.id && !matches!(entry.outcome, RequestOutcome::Unchanged) {
            notes.push(say(Msg::ImportRequestRenamed, ""));
        }
    }
    let english = lang == Lang::En;
    for training in &report.unbacked_claims {
        let name = training_name(pool, training, english);
        notes.push(fill_msg(lang, Msg::ImportClaimUnbacked, &[("teacher", teacher), ("training", &name)]));
    }
    let who = [("teacher", teacher)];
    notes.extend(report.enrolled.iter().map(|id| session_msg(lang, pool, Msg::ImportRequestEnrolled, id, &who)));
    notes.extend(report.withdrawn.iter().map(|id| session_msg(lang, pool, Msg::ImportRequestWithdrawn, id, &who)));
    match report.order {
        FileOrder::Older { sequence: 0, latest } => notes.push(fill_msg(
            lang,
            Msg::ImportRequestsOlderUnnumbered,
            &[("teacher", teacher), ("latest", &latest.to_string())],
        )),
        FileOrder::Older { sequence, latest } => notes.push(fill_msg(
            lang,
            Msg::ImportRequestsOlder,
            &[("teacher", teacher), ("sequence", &sequence.to_string()), ("latest", &latest.to_string())],
        )),
        FileOrder::Newer { sequence } if notes.is_empty() && !report.teacher_changed => notes.push(fill_msg(
            lang,
            Msg::ImportRequestsNewer,
            &[("teacher", teacher), ("sequence", &sequence.to_string())],
        )),
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
            fill_msg(
                lang,
                Msg::ImportAnswerStatus,
                &[("project", project), ("from", status_msg(*from).get(lang)), ("to", status_msg(*to).get(lang))],
            )
        })
        .collect();
    notes.extend(report.new_bookings.iter().map(|(_, p)| fill_msg(lang, Msg::ImportAnswerNew, &[("project", p)])));
    for training in &report.records_added {
        let name = training_name(pool, training, english);
        notes.push(fill_msg(lang, Msg::ImportAnswerRecord, &[("training", &name)]));
    }
    notes.extend(
        report
            .kept_cancellations
            .iter()
            .map(|id| fill_msg(lang, Msg::ImportAnswerKeptCancel, &[("project", &project(id))])),
    );
    let sessions = [
        (&report.seats_counted, Msg::ImportAnswerSeatCounted),
        (&report.withdrawals_taken, Msg::ImportAnswerWithdrawalTaken),
        (&report.enrolled_by_coordinator, Msg::ImportAnswerEnrolledByCoordinator),
        (&report.withdrawn_by_coordinator, Msg::ImportAnswerWithdrawnByCoordinator),
    ];
    for (ids, msg) in sessions {
        notes.extend(ids.iter().map(|id| session_msg(lang, pool, msg, id, &[])));
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
