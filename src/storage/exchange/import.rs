//! Importing a data file: read it whatever its kind, work out what it would change (the
//! preview), and only then apply it. Pure: the UI asks for confirmation, keeps the state from
//! before for undo, and the persistence layer saves.
//!
//! - A `backup` replaces the whole local state.
//! - A `catalogue` (from the coordinator) is adopted under [`crate::domain::adopt_catalogue`].
//! - A teacher's `requests` are taken in under [`crate::domain::take_in_requests`].
//! - A teacher's `answer` is adopted under [`crate::domain::adopt_answer`].
//! - Whatever the kind, the preview lists the days rule R1 would see overbooked after it.
//!
//! Importing the same file twice changes nothing the second time.

use super::backup::{parse_backup_body, BACKUP_FORMAT};
use super::calendar_files;
use super::files::{parse_answer_body, parse_catalogue_body, parse_requests_body, FileError, ShapeProblem};
use super::files::{ANSWER_FORMAT, CATALOGUE_FORMAT, REQUESTS_FORMAT, SCHEMA_VERSION};
use crate::domain::calendar::replace_zone_holidays;
use crate::domain::{adopt_answer, adopt_catalogue, take_in_requests, Adopted, AnswerReport};
use crate::domain::{Overbooking, Pool, PoolState, PublicCatalogue, RequestsReport, SchoolHoliday};
use crate::domain::{TeacherAnswer, TeacherRequests, Zone};
use crate::storage::persist::document::check_pool;
use crate::storage::persist::json_lite::Reader;
use crate::storage::persist::model::StoredState;
use chrono::NaiveDateTime;
use serde::Deserialize;
use std::collections::HashMap;

/// The largest file the app reads. A backup at the full benchmark scale (1,000 models, 5,000
/// units, 20,000 bookings) is about 5 MiB; anything far larger is not a file of ours.
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;

/// A data file, read and checked, before anything changes.
#[derive(Clone, Debug, PartialEq)]
pub enum DataFile {
    /// A whole local state.
    Backup(StoredState),
    /// The coordinator's catalogue.
    Catalogue(PublicCatalogue),
    /// A teacher's requests (for the coordinator).
    Requests(TeacherRequests),
    /// The coordinator's answer to one teacher.
    Answer(Box<TeacherAnswer>),
    /// The official school calendar (ICS, or the open-data export as CSV or JSON).
    Calendar(Vec<SchoolHoliday>),
}

/// The first fields of any JSON data file: enough to tell the kinds apart and refuse a newer
/// version, read once (a second full read of a 5 MiB backup would double the wait).
#[derive(Deserialize)]
struct Envelope {
    format: Option<String>,
    schema_version: Option<u32>,
}

/// `format` and `schema_version` from the first keys of the object, without reading the rest
/// (the app writes them first); `None` when they are not among the first keys, and the full
/// read decides.
fn quick_envelope(text: &str) -> Option<Envelope> {
    let mut reader = Reader::new(text);
    reader.open_object().ok()?;
    let (mut format, mut schema_version) = (None, None);
    for _ in 0..4 {
        match reader.key().ok()??.as_str() {
            "format" => format = Some(reader.string().ok()?),
            "schema_version" => schema_version = Some(reader.int_as::<u32>().ok()?),
            _ => reader.skip_value().ok()?,
        }
        if format.is_some() && schema_version.is_some() {
            return Some(Envelope { format, schema_version });
        }
    }
    None
}

/// Reads a data file of any kind this app imports; `zone` is the pool's zone, for a school
/// calendar file that does not say its own.
pub fn read_data_file(text: &str, zone: Zone) -> Result<DataFile, FileError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(FileError::TooLarge { bytes: text.len(), limit: MAX_IMPORT_BYTES });
    }
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with("BEGIN:VCALENDAR") {
        return calendar_files::parse_ics(text, zone).map(DataFile::Calendar).map_err(FileError::Calendar);
    }
    let csv_header = |line: &str| line.contains("Description;") || line.contains("Description,");
    if !start.starts_with(['{', '[']) && start.lines().next().is_some_and(csv_header) {
        return calendar_files::parse_csv(text).map(DataFile::Calendar).map_err(FileError::Calendar);
    }
    let json_error = |e: serde_json::Error| super::files::json_error(text, &e);
    let format = if start.starts_with('[') {
        None
    } else {
        let envelope = match quick_envelope(start) {
            Some(envelope) => envelope,
            None => serde_json::from_str(text).map_err(json_error)?,
        };
        if let Some(found) = envelope.schema_version.filter(|v| *v > SCHEMA_VERSION) {
            return Err(FileError::TooNew { found, supported: SCHEMA_VERSION });
        }
        // Every file of ours says its version (found by fuzzing: a null one was taken as
        // current); the open-data calendar has neither field.
        if envelope.format.is_some() && !envelope.schema_version.is_some_and(|v| v >= 1) {
            return Err(FileError::Shape {
                path: String::new(),
                problem: ShapeProblem::MissingField("schema_version".into()),
                detail: "missing field `schema_version`".into(),
            });
        }
        envelope.format
    };
    let Some(format) = format else {
        // The open-data export as JSON: an array, or the API's `results` or `records`.
        let value: serde_json::Value = serde_json::from_str(text).map_err(json_error)?;
        return calendar_files::parse_json(&value).map(DataFile::Calendar).map_err(FileError::Calendar);
    };
    match format.as_str() {
        BACKUP_FORMAT => parse_backup_body(text).map(DataFile::Backup),
        CATALOGUE_FORMAT => parse_catalogue_body(text).map(DataFile::Catalogue),
        REQUESTS_FORMAT => parse_requests_body(text).map(DataFile::Requests),
        ANSWER_FORMAT => parse_answer_body(text).map(|a| DataFile::Answer(Box::new(a))),
        _ => Err(FileError::WrongKind {
            expected: format!("{BACKUP_FORMAT}, {CATALOGUE_FORMAT}, {REQUESTS_FORMAT}, {ANSWER_FORMAT}"),
            found: format,
        }),
    }
}

/// A kind of item an import counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    /// Equipment models.
    Model,
    /// Labelled units.
    Unit,
    /// Trainings.
    Training,
    /// Training sessions.
    Session,
    /// Schools.
    School,
    /// Bookings.
    Booking,
    /// Other people's bookings as published (anonymous).
    Occupancy,
    /// Incidents.
    Incident,
    /// School holiday periods.
    Holiday,
}

/// How many items of one kind an import adds, changes and removes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// New ids.
    pub added: usize,
    /// Same id, other content.
    pub changed: usize,
    /// Ids that go.
    pub removed: usize,
}

impl Counts {
    /// Whether nothing of this kind changes.
    pub fn is_empty(&self) -> bool {
        self.added + self.changed + self.removed == 0
    }
}

/// What an import would do.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    /// Counts by kind of item, in a fixed order.
    pub items: Vec<(Item, Counts)>,
    /// Whether the teacher's profile or the basket would change (backups only).
    pub profile_or_plan_changes: bool,
    /// For a teacher's requests: what happened to each booking, and the training claims the
    /// coordinator's records do not back.
    pub requests: Option<RequestsReport>,
    /// For a teacher's answer: what changes for her.
    pub answer: Option<AnswerReport>,
    /// Days where a model would hold more units than it has in service (rule R1), listed for
    /// the person to resolve; the rules never make one.
    pub conflicts: Vec<Overbooking>,
}

impl Preview {
    /// Whether the import would change nothing at all.
    pub fn changes_nothing(&self) -> bool {
        !self.profile_or_plan_changes
            && self.items.iter().all(|(_, c)| c.is_empty())
            && self.requests.as_ref().is_none_or(RequestsReport::changes_nothing)
            && self.answer.as_ref().is_none_or(|a| *a == AnswerReport::default())
    }
}

/// An import ready to be confirmed: the state it would give, and what changes.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedImport {
    /// The state after the import.
    pub next: StoredState,
    /// What changes.
    pub preview: Preview,
    /// The import as a change to the pool, when it is one that can be played again on a newer
    /// pool (a teacher's requests): then confirming makes this change rather than replacing the
    /// state, so that with a sync server another coordinator's changes made meanwhile stay.
    pub change: Option<crate::domain::PoolChange>,
}

fn diff<T: PartialEq>(old: &[T], new: &[T], id: impl Fn(&T) -> &str) -> Counts {
    let before: HashMap<&str, &T> = old.iter().map(|t| (id(t), t)).collect();
    let mut counts = Counts::default();
    let mut seen = 0;
    for item in new {
        match before.get(id(item)) {
            None => counts.added += 1,
            Some(previous) => {
                seen += 1;
                if *previous != item {
                    counts.changed += 1;
                }
            }
        }
    }
    counts.removed = before.len() - seen.min(before.len());
    counts
}

/// Anonymous occupancy has no id to follow: an entry is added or removed, never changed.
fn diff_occupancy(old: &[crate::domain::Occupancy], new: &[crate::domain::Occupancy]) -> Counts {
    Counts {
        added: new.iter().filter(|o| !old.contains(o)).count(),
        changed: 0,
        removed: old.iter().filter(|o| !new.contains(o)).count(),
    }
}

/// Holidays have no id: a period is added or removed per zone, never changed.
fn diff_holidays(old: &[SchoolHoliday], new: &[SchoolHoliday]) -> Counts {
    let flat = |list: &[SchoolHoliday]| -> Vec<(Zone, String, chrono::NaiveDate, chrono::NaiveDate)> {
        list.iter().flat_map(|h| h.zones.iter().map(move |z| (*z, h.name.clone(), h.start, h.end))).collect()
    };
    let (old, new) = (flat(old), flat(new));
    Counts {
        added: new.iter().filter(|h| !old.contains(h)).count(),
        changed: 0,
        removed: old.iter().filter(|h| !new.contains(h)).count(),
    }
}

fn preview(current: &StoredState, next: &StoredState) -> Preview {
    let empty = PoolState::default();
    let (old, new) = (current.pool.as_ref().unwrap_or(&empty), next.pool.as_ref().unwrap_or(&empty));
    let items = vec![
        (Item::Model, diff(&old.catalogue.models, &new.catalogue.models, |m| &m.id)),
        (Item::Unit, diff(&old.catalogue.units, &new.catalogue.units, |u| &u.label)),
        (Item::Training, diff(&old.catalogue.trainings, &new.catalogue.trainings, |t| &t.id)),
        (Item::Session, diff(&old.sessions, &new.sessions, |s| &s.id)),
        (Item::School, diff(&old.schools, &new.schools, |s| &s.id)),
        (Item::Booking, diff(&old.bookings, &new.bookings, |b| &b.id)),
        (Item::Occupancy, diff_occupancy(&old.occupancy, &new.occupancy)),
        (Item::Incident, diff(&old.incidents, &new.incidents, |i| &i.id)),
        (Item::Holiday, diff_holidays(&old.holidays, &new.holidays)),
    ];
    let profile_or_plan_changes = current.profile != next.profile || current.plan != next.plan;
    Preview { items, profile_or_plan_changes, requests: None, answer: None, conflicts: Vec::new() }
}

/// Works out what importing `file` would make of `current` (the pool shown, with the profile
/// and plan); `at` is when the file is read, for the history of the changes it makes.
pub fn plan_import(current: &StoredState, file: DataFile, at: NaiveDateTime) -> Result<PlannedImport, FileError> {
    let (mut requests, mut answer, mut change) = (None, None, None);
    let with_pool = |pool: PoolState| StoredState {
        profile: current.profile.clone(),
        plan: current.plan.clone(),
        pool: Some(pool),
    };
    let empty = PoolState::default();
    let pool_now = current.pool.as_ref().unwrap_or(&empty);
    let adopted = match file {
        DataFile::Backup(state) => {
            let checked = state.pool.clone().map(Adopted::checked);
            (state, checked.map(|a| a.conflicts).unwrap_or_default())
        }
        DataFile::Catalogue(data) => {
            let adopted = adopt_catalogue(pool_now, data);
            check_pool(&adopted.state).map_err(FileError::Inconsistent)?;
            (with_pool(adopted.state), adopted.conflicts)
        }
        DataFile::Calendar(holidays) => {
            let mut pool = pool_now.clone();
            pool.holidays = replace_zone_holidays(&pool.holidays, &holidays);
            let adopted = Adopted::checked(pool);
            (with_pool(adopted.state), adopted.conflicts)
        }
        DataFile::Requests(sent) => {
            let mut pool = Pool::new(pool_now.clone());
            // A file carries no account: the teacher it names is its author, as before sync.
            let author = sent.teacher.id.clone();
            change = Some(crate::domain::PoolChange::TakeInRequests { requests: Box::new(sent.clone()), author, at });
            requests = Some(take_in_requests(&mut pool, sent, at));
            let adopted = Adopted::checked(pool.into_state());
            (with_pool(adopted.state), adopted.conflicts)
        }
        DataFile::Answer(file) => {
            let me = current.profile.as_ref().map(|t| t.id.as_str());
            let (adopted, report) = adopt_answer(pool_now, *file, me).map_err(FileError::Answer)?;
            answer = Some(report);
            (with_pool(adopted.state), adopted.conflicts)
        }
    };
    let (mut next, conflicts) = adopted;
    // The browser's minter is never in a file: it stays.
    if let (Some(pool), Some(minter)) = (next.pool.as_mut(), pool_now.minter.clone()) {
        pool.minter = Some(minter);
    }
    let mut preview = preview(current, &next);
    preview.requests = requests;
    preview.answer = answer;
    preview.conflicts = conflicts;
    Ok(PlannedImport { next, preview, change })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::basket::BookingPlan;
    use crate::domain::testkit::{request, state};
    use crate::domain::{Actor, BookingStatus, Pool};
    use crate::storage::exchange::backup::backup_file;
    use crate::test_dates::{at, d};

    fn read(text: &str) -> Result<DataFile, FileError> {
        read_data_file(text, Zone::A)
    }

    fn current() -> StoredState {
        let mut pool = Pool::new(state());
        let r = request("ana-1", "ana", &[("bluebot", 1)], d(2026, 10, 5), d(2026, 10, 9));
        if let Err(e) = pool.create_booking(r, Actor::Teacher("ana".into()), at(2026, 9, 1, 9, 0)) {
            panic!("{e}");
        }
        StoredState {
            profile: pool.teacher("ana").cloned(),
            plan: Some(BookingPlan::default()),
            pool: Some(pool.into_state()),
        }
    }

    /// The coordinator's file for the same pool: the catalogue, and ana's booking confirmed,
    /// anonymously, beside another class's.
    fn catalogue_file(status: &str) -> String {
        let pool = state();
        let catalogue = serde_json::to_string(&pool.catalogue).unwrap_or_default();
        let schools = serde_json::to_string(&pool.schools).unwrap_or_default();
        let communes = serde_json::to_string(&pool.communes).unwrap_or_default();
        format!(
            r#"{{"format":"materiotheque/catalogue","schema_version":1,"exported_at":"2026-09-02T08:00:00",
            "catalogue":{catalogue},"schools":{schools},"communes":{communes},
            "occupancy":[{{"booking":"ana-1","lines":[{{"model":"bluebot","quantity":1}}],"start":"2026-10-05","end":"2026-10-09","status":"{status}"}},
                         {{"booking":"x-9","lines":[{{"model":"bluebot","quantity":1}}],"start":"2026-10-05","end":"2026-10-09","status":"confirmed"}}]}}"#
        )
    }

    #[test]
    fn a_catalogue_keeps_own_bookings_counts_others_once_and_a_second_import_changes_nothing() -> Result<(), FileError>
    {
        let current = current();
        let file = read(&catalogue_file("confirmed"))?;
        let planned = plan_import(&current, file.clone(), at(2026, 9, 2, 8, 0))?;
        let pool = planned.next.pool.clone().map(Pool::new).unwrap_or_else(|| Pool::new(PoolState::default()));
        let own = pool.booking("ana-1").map(|b| (b.status, b.teacher.as_str(), b.project.as_str(), b.history.len()));
        assert_eq!(
            own,
            Some((BookingStatus::Requested, "ana", "Robots au jardin", 1)),
            "kept whole: only her answer changes her bookings"
        );
        assert_eq!(pool.state().bookings.len(), 1);
        assert_eq!(pool.state().occupancy.len(), 1, "the other class's booking; ana's not twice");
        assert_eq!(pool.free("bluebot", d(2026, 10, 5), d(2026, 10, 9)), 0);
        let occupancy = planned.preview.items.iter().find(|(i, _)| *i == Item::Occupancy).map(|(_, c)| *c);
        assert_eq!(occupancy, Some(Counts { added: 1, changed: 0, removed: 0 }));
        assert!(planned.preview.conflicts.is_empty());
        assert!(
            planned.preview.items.iter().any(|(i, c)| *i == Item::Session && c.removed == 2),
            "sessions not in the file go"
        );

        let again = plan_import(&planned.next, file, at(2026, 9, 3, 8, 0))?;
        assert!(again.preview.changes_nothing(), "{:?}", again.preview);
        assert_eq!(again.next, planned.next);
        Ok(())
    }

    #[test]
    fn a_backup_replaces_everything_and_its_preview_counts_it() -> Result<(), FileError> {
        let current = current();
        let mut other = current.clone();
        if let Some(pool) = other.pool.as_mut() {
            pool.bookings.clear();
            pool.catalogue.units.pop();
        }
        other.plan = Some(BookingPlan {
            basket: vec![crate::domain::BookingLine { model: "thymio".into(), quantity: 2 }],
            ..BookingPlan::default()
        });
        let file = read(&backup_file(other.as_ref(), at(2026, 9, 2, 8, 0)))?;
        let planned = plan_import(&current, file, at(2026, 9, 2, 8, 0))?;
        assert_eq!(planned.next, other);
        let count = |item| planned.preview.items.iter().find(|(i, _)| *i == item).map(|(_, c)| *c).unwrap_or_default();
        assert_eq!(count(Item::Booking), Counts { added: 0, changed: 0, removed: 1 });
        assert_eq!(count(Item::Unit), Counts { added: 0, changed: 0, removed: 1 });
        assert!(planned.preview.profile_or_plan_changes);
        Ok(())
    }

    /// The whole round of files: a teacher's requests taken in by the coordinator (rules run
    /// again, a claim not backed reported, twice changes nothing), confirmed, and the
    /// coordinator's catalogue (no personal data) read back by the teacher, who sees it confirmed.
    #[test]
    fn requests_then_catalogue_carry_a_booking_and_its_status_without_personal_data() -> Result<(), FileError> {
        use crate::storage::exchange::files::{catalogue_file, requests_file};
        let t = at(2026, 9, 1, 9, 0);
        // The teacher's browser: an id of the first releases, with the e-mail in it.
        let mut teacher_pool = Pool::new(state());
        let id = "ana@ac-lyon.fr-1";
        let r = request(id, "ana", &[("bluebot", 1)], d(2026, 10, 5), d(2026, 10, 9));
        if let Err(e) = teacher_pool.create_booking(r, Actor::Teacher("ana".into()), t) {
            panic!("{e}");
        }
        teacher_pool.edit(|s| {
            s.records.push(crate::domain::TrainingRecord {
                teacher: "ana".into(),
                training: "f-rv".into(),
                completed: d(2026, 1, 5),
            })
        });
        let ana = teacher_pool.teacher("ana").cloned();
        let Some(ana) = ana else { panic!("ana is in the fixture") };
        let sent = requests_file(teacher_pool.state(), &ana, t);

        let coordinator = StoredState { profile: None, plan: None, pool: Some(state()) };
        let planned = plan_import(&coordinator, read(&sent)?, t)?;
        let report = planned.preview.requests.clone().unwrap_or_else(|| panic!("a report"));
        let outcomes: Vec<_> = report.bookings.iter().map(|e| (e.id.as_str(), e.outcome.clone())).collect();
        assert_eq!(outcomes, vec![(id, crate::domain::RequestOutcome::Added(BookingStatus::Requested))]);
        assert_eq!(report.unbacked_claims, vec!["f-rv".to_owned()]);
        let again = plan_import(&planned.next, read(&sent)?, t)?;
        assert!(again.preview.changes_nothing(), "{:?}", again.preview);

        let mut coordinator_pool = planned.next.pool.clone().map(Pool::new).unwrap_or_else(|| Pool::new(state()));
        if let Err(e) = coordinator_pool.confirm(id, t) {
            panic!("{e}");
        }
        let published = catalogue_file(coordinator_pool.state(), t);
        for teacher in &coordinator_pool.state().teachers {
            assert!(!published.contains(&teacher.email), "{} in the catalogue file", teacher.email);
            assert!(!published.contains(&format!("\"{}\"", teacher.name)), "{} in the catalogue file", teacher.name);
            assert!(!published.contains(&format!("\"{}\"", teacher.id)), "{} in the catalogue file", teacher.id);
        }
        assert!(!published.contains("Robots au jardin"), "no project title");
        assert!(!published.contains("replacement_value"), "no value");

        let mine = StoredState { profile: Some(ana), plan: None, pool: Some(teacher_pool.into_state()) };
        let back = plan_import(&mine, read(&published)?, t)?;
        let pool = back.next.pool.clone().map(Pool::new).unwrap_or_else(|| Pool::new(PoolState::default()));
        assert_eq!(pool.state().bookings.len(), 1, "the teacher's own booking, not a copy of it");
        assert_eq!(pool.state().occupancy.len(), 1, "an id of the first releases is published without it");
        // Her answer brings the decision, with its history.
        let coordinator_state = coordinator_pool.state();
        let answer = crate::domain::answer_for(coordinator_state, "ana", t).unwrap_or_else(|| panic!("ana's answer"));
        let text = crate::storage::exchange::files::answer_file(&answer, t);
        assert!(!text.contains("ben@"), "her answer names no other teacher");
        let adopted = plan_import(&back.next, read(&text)?, t)?;
        let pool = adopted.next.pool.map(Pool::new).unwrap_or_else(|| Pool::new(PoolState::default()));
        let own = pool.booking(id).map(|b| (b.status, b.history.len()));
        assert_eq!(own, Some((BookingStatus::Confirmed, 2)));
        let report = adopted.preview.answer.unwrap_or_default();
        assert_eq!(report.status_changes.len(), 1);
        Ok(())
    }

    #[test]
    fn an_official_calendar_replaces_the_holidays_of_its_zones_only() -> Result<(), FileError> {
        let current = current();
        let csv = "Description;Population;Date de début;Date de fin;Académies;Zones;annee_scolaire\n\
Vacances de Noël;-;2026-12-18T23:00:00+00:00;2027-01-04T23:00:00+00:00;Lyon;Zone A;2026-2027\n";
        let planned = plan_import(&current, read(csv)?, at(2026, 9, 2, 8, 0))?;
        let holidays = planned.next.pool.map(|p| p.holidays).unwrap_or_default();
        let of = |zone: Zone| holidays.iter().filter(|h| h.zones.contains(&zone)).count();
        assert_eq!(of(Zone::A), 1, "zone A now has the imported period only");
        assert!(of(Zone::B) > 5 && of(Zone::C) > 5, "other zones keep the bundled calendar");
        let count =
            planned.preview.items.iter().find(|(i, _)| *i == Item::Holiday).map(|(_, c)| *c).unwrap_or_default();
        assert_eq!(count.added, 1);
        assert!(count.removed > 5);
        let commas = csv.replace(';', ",");
        assert!(matches!(read(&commas)?, DataFile::Calendar(ref h) if h.len() == 1), "a `,`-separated export too");
        Ok(())
    }

    #[test]
    fn files_of_other_kinds_too_large_or_hostile_are_refused_with_a_reason() {
        assert!(matches!(
            read(r#"{"format":"materiotheque/demandes","schema_version":1}"#),
            Err(FileError::WrongKind { .. })
        ));
        let huge = format!(r#"{{"format":"materiotheque/backup","pad":"{}"}}"#, "x".repeat(MAX_IMPORT_BYTES));
        assert!(matches!(read(&huge), Err(FileError::TooLarge { .. })));
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(matches!(read(&deep), Err(FileError::Syntax { .. } | FileError::Shape { .. })));
        let dangling = catalogue_file("confirmed").replace(
            r#""model":"bluebot","quantity":1}],"start":"2026-10-05","end":"2026-10-09","status":"confirmed""#,
            r#""model":"ghost","quantity":1}],"start":"2026-10-05","end":"2026-10-09","status":"confirmed""#,
        );
        assert!(matches!(read(&dangling), Err(FileError::Inconsistent(_))), "{:?}", read(&dangling));
    }
}
