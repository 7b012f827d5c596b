//! Importing a data file: read it whatever its kind, work out what it would change (the
//! preview), and only then apply it. Pure: the UI asks for confirmation, keeps the state from
//! before for undo, and the persistence layer saves.
//!
//! - A `backup` replaces the whole local state.
//! - A `catalogue` (from the coordinator) replaces the catalogue, schools, sessions, agreement
//!   and the anonymous occupancy, and updates the status of the bookings this browser made;
//!   the teacher's own bookings, enrolments, records and incidents stay.
//!
//! Importing the same file twice changes nothing the second time.

use super::calendar_files;
use super::document::{check_pool, StoredState};
use super::files::{parse_backup_body, parse_catalogue_body, parse_requests_body, CatalogueData, FileError};
use super::files::{BACKUP_FORMAT, REQUESTS_FORMAT, SCHEMA_VERSION};
use super::json_lite::Reader;
use crate::domain::calendar::replace_zone_holidays;
use crate::domain::{public_booking_id, take_in_requests, Actor, HistoryEntry, Pool, PoolState};
use crate::domain::{RequestsReport, SchoolHoliday, TeacherRequests, Zone};
use chrono::NaiveDateTime;
use serde::Deserialize;
use std::collections::HashMap;

/// The `format` of a catalogue file.
pub const CATALOGUE_FORMAT: &str = "materiotheque/catalogue";

/// The largest file the app reads. A backup at the full benchmark scale (1,000 models, 5,000
/// units, 20,000 bookings) is about 5 MiB; anything far larger is not a file of ours.
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;

/// A data file, read and checked, before anything changes.
#[derive(Clone, Debug, PartialEq)]
pub enum DataFile {
    /// A whole local state.
    Backup(StoredState),
    /// The coordinator's catalogue.
    Catalogue(CatalogueData),
    /// A teacher's requests (for the coordinator).
    Requests(TeacherRequests),
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
    if !start.starts_with(['{', '[']) && start.lines().next().is_some_and(|l| l.contains("Description;")) {
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
        _ => Err(FileError::WrongKind {
            expected: format!("{BACKUP_FORMAT}, {CATALOGUE_FORMAT}, {REQUESTS_FORMAT}"),
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
    /// Bookings (this browser's and the anonymous occupancy).
    Booking,
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
}

impl Preview {
    /// Whether the import would change nothing at all.
    pub fn changes_nothing(&self) -> bool {
        !self.profile_or_plan_changes
            && self.items.iter().all(|(_, c)| c.is_empty())
            && self.requests.as_ref().is_none_or(RequestsReport::changes_nothing)
    }
}

/// An import ready to be confirmed: the state it would give, and what changes.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedImport {
    /// The state after the import.
    pub next: StoredState,
    /// What changes.
    pub preview: Preview,
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
        (Item::Incident, diff(&old.incidents, &new.incidents, |i| &i.id)),
        (Item::Holiday, diff_holidays(&old.holidays, &new.holidays)),
    ];
    let profile_or_plan_changes = current.profile != next.profile || current.plan != next.plan;
    Preview { items, profile_or_plan_changes, requests: None }
}

/// Works out what importing `file` would make of `current` (the pool shown, with the profile
/// and plan); `at` is when the file was exported or read, for the history of status changes.
pub fn plan_import(current: &StoredState, file: DataFile, at: NaiveDateTime) -> Result<PlannedImport, FileError> {
    let mut report = None;
    let next = match file {
        DataFile::Backup(state) => state,
        DataFile::Catalogue(data) => {
            let empty = PoolState::default();
            let pool = merge_catalogue(current.pool.as_ref().unwrap_or(&empty), data, at);
            check_pool(&pool).map_err(FileError::Inconsistent)?;
            StoredState { profile: current.profile.clone(), plan: current.plan.clone(), pool: Some(pool) }
        }
        DataFile::Calendar(holidays) => {
            let mut pool = current.pool.clone().unwrap_or_default();
            pool.holidays = replace_zone_holidays(&pool.holidays, &holidays);
            StoredState { profile: current.profile.clone(), plan: current.plan.clone(), pool: Some(pool) }
        }
        DataFile::Requests(requests) => {
            let mut pool = Pool::new(current.pool.clone().unwrap_or_default());
            report = Some(take_in_requests(&mut pool, requests, at));
            StoredState { profile: current.profile.clone(), plan: current.plan.clone(), pool: Some(pool.into_state()) }
        }
    };
    let mut preview = preview(current, &next);
    preview.requests = report;
    Ok(PlannedImport { next, preview })
}

/// The pool after a teacher imports the coordinator's catalogue: the shared reference data and
/// occupancy from the file; this browser's own bookings kept, with the status the file gives
/// them (recorded in their history as the coordinator's); enrolments of this browser's
/// teachers kept on the sessions that remain.
fn merge_catalogue(current: &PoolState, data: CatalogueData, at: NaiveDateTime) -> PoolState {
    let calendar_in_file = data.holidays.is_some();
    let mut next = data.into_pool_state();
    // The settings other than the agreement, the calendar and the people stay this browser's.
    let agreement = std::mem::take(&mut next.settings.agreement);
    next.settings = current.settings.clone();
    next.settings.agreement = agreement;
    if !calendar_in_file {
        next.holidays.clone_from(&current.holidays);
    }
    next.teachers.clone_from(&current.teachers);
    next.records.clone_from(&current.records);
    next.incidents.clone_from(&current.incidents);
    let statuses: HashMap<String, crate::domain::BookingStatus> =
        next.bookings.iter().map(|b| (b.id.clone(), b.status)).collect();
    let own: Vec<_> = current.bookings.iter().filter(|b| !b.teacher.is_empty()).cloned().collect();
    // The file names bookings by their public id (see `public_booking_id`).
    let public: Vec<String> = own.iter().map(|b| public_booking_id(&b.id)).collect();
    next.bookings.retain(|b| !public.contains(&b.id));
    for (mut booking, public) in own.into_iter().zip(public) {
        if let Some(status) = statuses.get(&public).copied().filter(|s| *s != booking.status) {
            booking.status = status;
            booking.history.push(HistoryEntry { at, by: Actor::Coordinator, status, reason: None });
        }
        next.bookings.push(booking);
    }
    for session in &mut next.sessions {
        if let Some(old) = current.sessions.iter().find(|s| s.id == session.id) {
            for teacher in &old.enrolled {
                if current.teachers.iter().any(|t| &t.id == teacher) && !session.enrolled.contains(teacher) {
                    session.enrolled.push(teacher.clone());
                }
            }
        }
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testkit::{request, state};
    use crate::domain::{BookingStatus, Pool};
    use crate::storage::document::SavedPlan;
    use crate::storage::files::backup_file;
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
            plan: Some(SavedPlan::default()),
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
    fn a_catalogue_updates_the_status_of_own_bookings_and_a_second_import_changes_nothing() -> Result<(), FileError> {
        let current = current();
        let file = read(&catalogue_file("confirmed"))?;
        let planned = plan_import(&current, file.clone(), at(2026, 9, 2, 8, 0))?;
        let pool = planned.next.pool.clone().map(Pool::new).unwrap_or_else(|| Pool::new(PoolState::default()));
        let own = pool.booking("ana-1").map(|b| (b.status, b.teacher.as_str(), b.project.as_str()));
        assert_eq!(own, Some((BookingStatus::Confirmed, "ana", "Robots au jardin")), "kept whole, status updated");
        assert_eq!(pool.state().bookings.len(), 2, "the other class's booking, once; ana's not twice");
        assert_eq!(pool.free("bluebot", d(2026, 10, 5), d(2026, 10, 9)), 0);
        let bookings = planned.preview.items.iter().find(|(i, _)| *i == Item::Booking).map(|(_, c)| *c);
        assert_eq!(bookings, Some(Counts { added: 1, changed: 1, removed: 0 }));
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
        other.plan = Some(SavedPlan {
            basket: vec![crate::domain::BookingLine { model: "thymio".into(), quantity: 2 }],
            ..SavedPlan::default()
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
        use crate::storage::files::{catalogue_file, requests_file};
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
        assert_eq!(
            report.bookings,
            vec![(id.to_owned(), crate::domain::RequestOutcome::Added(BookingStatus::Requested))]
        );
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
        let pool = back.next.pool.map(Pool::new).unwrap_or_else(|| Pool::new(PoolState::default()));
        assert_eq!(pool.booking(id).map(|b| b.status), Some(BookingStatus::Confirmed));
        assert_eq!(pool.state().bookings.len(), 1, "the teacher's own booking, not a copy of it");
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
