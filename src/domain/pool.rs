//! The whole state of a lending pool and the operations on it (rules R1–R6).
//!
//! [`PoolState`] is plain data (what the storage persists). [`Pool`] wraps it with the R1 index
//! and is the only way to change bookings and incidents: every operation validates first and
//! changes nothing on error, then applies the change and keeps the index in step.

use super::availability::{AvailabilityIndex, FreeCount, Occupancy};
use super::booking::{Actor, AssignedUnit, Booking, BookingLine, BookingStatus, HistoryEntry};
use super::calendar::{bundled_holidays, SchoolCalendar, SchoolHoliday};
use super::catalogue::{Catalogue, Condition, LocalizedText, Model};
use super::error::{DomainError, Shortage, UnitProblem};
use super::ids::IdMinter;
use super::incident::{assess, Incident, IncidentAssessment, IncidentHistoryEntry, IncidentKind, IncidentStatus};
use super::iso;
use super::people::{Borrower, Commune, School, Teacher, TrainingRecord, TrainingSession};
use super::period::check_period;
use super::period::{PeriodError, PeriodProblem};
use super::settings::Settings;
use super::training::{MissingTraining, TrainingCheck, TrainingData};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// What this browser exchanged with other people.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExchangeLog {
    /// The coordinator: per teacher, the fingerprint of the last answer produced for them (a
    /// teacher has news when their answer would differ).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub answered: Vec<(String, u64)>,
    /// The coordinator: requests taken in under another id than the one their teacher's
    /// browser gave them (ids of the first releases could collide): teacher, id sent, id kept.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub renamed: Vec<(String, String, String)>,
    /// The teacher: each booking as she last sent it, by id and the number of her own steps in
    /// its history then (a count, not a time: two steps in the same second stay apart).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sent: Vec<(String, u16)>,
    /// The teacher: sessions her last answer shows her enrolled in (the coordinator already
    /// counts her seat in what it publishes).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub acknowledged_enrolments: Vec<String>,
    /// The teacher: when the last answer she took in was produced (the coordinator's clock).
    #[serde(default, with = "iso::datetime_opt", skip_serializing_if = "Option::is_none")]
    pub answer_at: Option<NaiveDateTime>,
    /// The teacher: the number of the last requests file she sent (her browser numbers them
    /// 1, 2, 3…, so the coordinator can tell a newer file from an older one without a shared
    /// clock); 0 before the first.
    #[serde(skip_serializing_if = "is_zero")]
    pub requests_sequence: u64,
    /// The teacher: sessions a requests file she sent stated her enrolled in, since the last
    /// answer that reflected every file she sent. Until such an answer, the coordinator may
    /// count her in them, so leaving one is a withdrawal to send.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stated_enrolments: Vec<String>,
    /// The teacher: the sessions her last requests file stated her enrolled in (what she
    /// changed since is not sent yet).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub enrolments_sent: Vec<String>,
    /// The teacher: how many of her files the last answer she took in reflected (its
    /// `requests_taken`): an answer reflecting fewer is older, whatever its time says.
    #[serde(skip_serializing_if = "is_zero")]
    pub answer_requests_taken: u64,
    /// The coordinator: per teacher, the number of the latest requests file of hers taken in
    /// (an older one arriving late does not change her enrolments).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub requests_taken: Vec<(String, u64)>,
}

/// Whether a counter is zero (left out of the stored form).
fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl ExchangeLog {
    /// The coordinator: the number of the latest requests file of `teacher` taken in (0: none,
    /// or only files of earlier versions, which carry no number).
    pub fn requests_taken_from(&self, teacher: &str) -> u64 {
        self.requests_taken.iter().find(|(t, _)| t == teacher).map_or(0, |(_, n)| *n)
    }
}

/// Everything the coordinator's app knows. Plain data; load it into a [`Pool`] to operate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PoolState {
    /// Categories, models, units, trainings.
    pub catalogue: Catalogue,
    /// Communes.
    pub communes: Vec<Commune>,
    /// Schools.
    pub schools: Vec<School>,
    /// Teachers.
    pub teachers: Vec<Teacher>,
    /// Training sessions.
    pub sessions: Vec<TrainingSession>,
    /// Training records (authoritative: the coordinator's).
    pub records: Vec<TrainingRecord>,
    /// School holidays of every zone (bundled data until the official calendar is imported).
    pub holidays: Vec<SchoolHoliday>,
    /// Pool settings.
    pub settings: Settings,
    /// Every booking, in creation order.
    pub bookings: Vec<Booking>,
    /// Every incident, in declaration order.
    pub incidents: Vec<Incident>,
    /// Other people's bookings as the coordinator published them: what and when, not who
    /// (a teacher's browser; rule R1 counts them).
    pub occupancy: Vec<Occupancy>,
    /// Whether this is the embedded demonstration pool (shown as such; a coordinator is
    /// offered to start their own).
    pub demo: bool,
    /// What was exchanged with other people: answers sent, requests sent.
    pub exchange: ExchangeLog,
    /// This browser's id minter. Never in a file: a backup restored elsewhere keeps minting
    /// under the tag of the browser it is restored in.
    #[serde(skip)]
    pub minter: Option<IdMinter>,
}

impl Default for PoolState {
    fn default() -> Self {
        PoolState {
            catalogue: Catalogue::default(),
            communes: Vec::new(),
            schools: Vec::new(),
            teachers: Vec::new(),
            sessions: Vec::new(),
            records: Vec::new(),
            holidays: bundled_holidays(),
            settings: Settings::default(),
            bookings: Vec::new(),
            incidents: Vec::new(),
            occupancy: Vec::new(),
            demo: false,
            exchange: ExchangeLog::default(),
            minter: None,
        }
    }
}

impl PoolState {
    /// Who a booking whose teacher id is `teacher` is lent to: the teacher, her school and its
    /// commune, as this state knows them (see [`Borrower`]). [`Pool::borrower`] is the same in
    /// constant time.
    pub fn borrower<'a>(&'a self, teacher: &'a str) -> Borrower<'a> {
        let known = self.teachers.iter().find(|t| t.id == teacher);
        Borrower::new(teacher, known, &self.schools, &self.communes)
    }
}

/// A teacher's booking request, as typed in the app or read from a `requests` file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingRequest {
    /// Identifier minted by the requester's browser (see [`super::ids::IdMinter`]); must be new.
    pub id: String,
    /// The teacher who borrows.
    pub teacher: String,
    /// Models and quantities.
    pub lines: Vec<BookingLine>,
    /// First day.
    #[serde(with = "iso::date")]
    pub start: NaiveDate,
    /// Last day, inclusive.
    #[serde(with = "iso::date")]
    pub end: NaiveDate,
    /// Project title.
    pub project: String,
    /// Class.
    #[serde(default)]
    pub class: String,
    /// Notes for the coordinator.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Version of the loan agreement the teacher accepted (rule R4).
    pub agreement_version: String,
    /// The coordinator's reason to override rule R2 (ignored unless the coordinator books).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub override_reason: Option<String>,
}

/// What a valid request would become.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingCheck {
    /// `requested`, or `awaiting_training` when a training is only covered by an enrolment.
    pub status: BookingStatus,
    /// The sessions the teacher must attend first.
    pub awaiting_sessions: Vec<String>,
    /// Whether rule R2 was overridden by the coordinator.
    pub period_overridden: bool,
    /// Trainings neither recorded nor covered by an enrolment, when the check deferred them
    /// ([`Pool::check_request`]): the coordinator verifies them before confirming.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub training_to_verify: Vec<MissingTraining>,
}

/// A new incident.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncidentDeclaration {
    /// New identifier.
    pub id: String,
    /// Inventory label of the unit.
    pub unit: String,
    /// The booking it was lent under, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub booking: Option<String>,
    /// Damage, loss or theft.
    pub kind: IncidentKind,
    /// What happened.
    #[serde(default)]
    pub description: String,
    /// When it was discovered.
    #[serde(with = "iso::datetime")]
    pub discovered_at: NaiveDateTime,
    /// Police report reference, if already known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub police_report: Option<String>,
}

/// The printable loan agreement produced at hand-over (rule R4).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoanAgreement {
    /// Booking id.
    pub booking: String,
    /// Borrower's name.
    pub teacher_name: String,
    /// Borrower's e-mail.
    pub teacher_email: String,
    /// School name.
    pub school: String,
    /// Commune name.
    pub commune: String,
    /// Project title.
    pub project: String,
    /// Class.
    pub class: String,
    /// First day.
    #[serde(with = "iso::date")]
    pub start: NaiveDate,
    /// Last day.
    #[serde(with = "iso::date")]
    pub end: NaiveDate,
    /// Agreement version accepted.
    pub agreement_version: String,
    /// Units handed over: label, model name (in both languages), condition.
    pub units: Vec<(String, LocalizedText, Condition)>,
}

/// What a return did to the units ([`Pool::return_units`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReturnReport {
    /// Units back in a usable condition, free again.
    pub available: Vec<String>,
    /// Units back damaged: out of service until marked repaired.
    pub to_repair: Vec<String>,
    /// Bookings still to come that the units gone for repair leave short (rule R1).
    pub short: Vec<ShortBooking>,
}

/// A booking left short of units of a model (a unit left service after it was made).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShortBooking {
    /// The booking.
    pub booking: String,
    /// The model, the units it asks for and the units free for its period.
    pub shortage: Shortage,
}

/// A pool state with its availability index: the entry point of every operation.
#[derive(Clone, Debug, PartialEq)]
pub struct Pool {
    state: PoolState,
    index: AvailabilityIndex,
    /// Booking id → position in `state.bookings` (bookings are never removed).
    positions: HashMap<String, usize>,
    /// Lookups that keep a booking check independent of the size of the pool: model id →
    /// position in the catalogue, teacher id → position, teacher id → their training records.
    models: HashMap<String, usize>,
    teachers: HashMap<String, usize>,
    records: HashMap<String, Vec<TrainingRecord>>,
}

fn non_empty(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

impl Pool {
    /// Loads a state and builds its index.
    pub fn new(state: PoolState) -> Self {
        let calendar = SchoolCalendar::new(state.settings.zone, state.settings.alsace_moselle, &state.holidays);
        let index = AvailabilityIndex::build(
            &state.catalogue,
            &state.bookings,
            &state.occupancy,
            calendar,
            state.settings.turnaround_gap_days,
        );
        let positions = state.bookings.iter().enumerate().map(|(i, b)| (b.id.clone(), i)).collect();
        let models = state.catalogue.models.iter().enumerate().map(|(i, m)| (m.id.clone(), i)).collect();
        let teachers = state.teachers.iter().enumerate().map(|(i, t)| (t.id.clone(), i)).collect();
        let mut records: HashMap<String, Vec<TrainingRecord>> = HashMap::new();
        for r in &state.records {
            records.entry(r.teacher.clone()).or_default().push(r.clone());
        }
        Pool { state, index, positions, models, teachers, records }
    }

    /// The state, read-only.
    pub fn state(&self) -> &PoolState {
        &self.state
    }

    /// Gives the state back (to persist it).
    pub fn into_state(self) -> PoolState {
        self.state
    }

    /// Changes reference data (catalogue, people, trainings, calendar, settings) and rebuilds
    /// the index. Bookings and incidents should change through the operations instead.
    pub fn edit(&mut self, change: impl FnOnce(&mut PoolState)) {
        let mut state = std::mem::take(&mut self.state);
        change(&mut state);
        *self = Pool::new(state);
    }

    /// The R1 index.
    pub fn index(&self) -> &AvailabilityIndex {
        &self.index
    }

    /// The school calendar of the configured zone.
    pub fn calendar(&self) -> &SchoolCalendar {
        self.index.calendar()
    }

    /// The booking with this id.
    pub fn booking(&self, id: &str) -> Option<&Booking> {
        self.positions.get(id).and_then(|i| self.state.bookings.get(*i))
    }

    /// R3 data for one teacher: only their records (the full list can be long).
    pub(crate) fn training_data(&self, teacher: &str) -> TrainingData<'_> {
        let records = self.records.get(teacher).map_or(&[][..], |r| r.as_slice());
        TrainingData { catalogue: &self.state.catalogue, records, sessions: &self.state.sessions }
    }

    /// The model with this id (constant time).
    pub fn model(&self, id: &str) -> Option<&Model> {
        self.models.get(id).and_then(|i| self.state.catalogue.models.get(*i))
    }

    /// The name of the model with this id, in English if asked for and provided (French
    /// otherwise), or the id itself when the model is unknown (a booking may name a model since
    /// removed from the catalogue).
    pub fn model_name_in(&self, id: &str, english: bool) -> String {
        self.model(id).map_or_else(|| id.to_owned(), |m| m.name_in(english).to_owned())
    }

    /// The teacher with this id (constant time).
    pub fn teacher(&self, id: &str) -> Option<&Teacher> {
        self.teachers.get(id).and_then(|i| self.state.teachers.get(*i))
    }

    /// Who a booking whose teacher id is `teacher` is lent to (see [`PoolState::borrower`]),
    /// the teacher found in constant time.
    pub fn borrower<'a>(&'a self, teacher: &'a str) -> Borrower<'a> {
        Borrower::new(teacher, self.teacher(teacher), &self.state.schools, &self.state.communes)
    }

    pub(crate) fn required_trainings(&self, lines: &[BookingLine]) -> Vec<String> {
        let mut required: Vec<String> = Vec::new();
        for line in lines {
            for t in self.model(&line.model).map(|m| m.required_trainings.as_slice()).unwrap_or(&[]) {
                if !required.contains(t) {
                    required.push(t.clone());
                }
            }
        }
        required
    }

    /// Quantities per model (lines of the same model add up), in first-line order.
    pub(crate) fn quantities(lines: &[BookingLine]) -> Vec<(&str, u32)> {
        let mut out: Vec<(&str, u32)> = Vec::new();
        for line in lines {
            match out.iter_mut().find(|(m, _)| *m == line.model) {
                Some((_, q)) => *q = q.saturating_add(line.quantity),
                None => out.push((&line.model, line.quantity)),
            }
        }
        out
    }

    // ---- R1 queries -------------------------------------------------------------------------

    /// Units of `model` free over `[start, end]` (turnaround gap included).
    pub fn free(&self, model: &str, start: NaiveDate, end: NaiveDate) -> u32 {
        self.index.free(model, start, end)
    }

    /// What is free for these dates, for every model of the catalogue.
    pub fn free_for_dates(&self, start: NaiveDate, end: NaiveDate) -> Vec<FreeCount<'_>> {
        self.index.free_for_dates(start, end)
    }

    /// The next period, of the same length in school days as `[start, end]`, with `quantity`
    /// units of `model` free, within the booking horizon seen from `today`.
    pub fn next_free_period(
        &self,
        model: &str,
        quantity: u32,
        start: NaiveDate,
        end: NaiveDate,
        today: NaiveDate,
    ) -> Option<(NaiveDate, NaiveDate)> {
        self.index.next_free_period(model, quantity, start, end, self.state.settings.horizon(today), None)
    }

    pub(crate) fn shortages(
        &self,
        lines: &[BookingLine],
        start: NaiveDate,
        end: NaiveDate,
        today: NaiveDate,
        ignore: Option<usize>,
    ) -> Vec<Shortage> {
        let horizon = self.state.settings.horizon(today).max(end);
        Self::quantities(lines)
            .into_iter()
            .filter_map(|(model, requested)| {
                let free = self.index.free_ignoring(model, start, end, ignore);
                (requested > free).then(|| Shortage {
                    model: model.to_owned(),
                    requested,
                    free,
                    next_free: self.index.next_free_period(model, requested, start, end, horizon, ignore),
                })
            })
            .collect()
    }

    // ---- Bookings ---------------------------------------------------------------------------

    /// Checks a request against every rule and the current (authoritative) state, without
    /// changing anything. Imports of `requests` files call this for each untrusted booking.
    pub fn validate_booking(
        &self,
        request: &BookingRequest,
        by: &Actor,
        today: NaiveDate,
    ) -> Result<BookingCheck, DomainError> {
        self.check_request(request, by, today, false)
    }

    /// [`Pool::validate_booking`], where a missing training (R3) does not refuse the request
    /// when `defer_training`: the check then says what is missing and the booking is
    /// `requested`, for the coordinator to record the training or enrol the teacher before
    /// confirming (a teacher's request taken in from a file). Every other rule still refuses.
    pub fn check_request(
        &self,
        request: &BookingRequest,
        by: &Actor,
        today: NaiveDate,
        defer_training: bool,
    ) -> Result<BookingCheck, DomainError> {
        if let Actor::Teacher(t) = by {
            if *t != request.teacher {
                return Err(DomainError::NotAllowed { actor: by.clone() });
            }
        }
        if self.teacher(&request.teacher).is_none() {
            return Err(DomainError::UnknownTeacher(request.teacher.clone()));
        }
        if request.id.trim().is_empty() {
            return Err(DomainError::MissingText { field: "id" });
        }
        if self.positions.contains_key(&request.id) {
            return Err(DomainError::DuplicateId(request.id.clone()));
        }
        if request.lines.is_empty() {
            return Err(DomainError::NoLines);
        }
        let mut max_weeks = u8::MAX;
        for line in &request.lines {
            let model = self.model(&line.model).ok_or_else(|| DomainError::UnknownModel(line.model.clone()))?;
            if line.quantity == 0 {
                return Err(DomainError::ZeroQuantity { model: line.model.clone() });
            }
            max_weeks = max_weeks.min(model.max_loan_weeks);
        }
        if request.project.trim().is_empty() {
            return Err(DomainError::MissingText { field: "project" });
        }
        if request.agreement_version != self.state.settings.agreement.version {
            return Err(DomainError::AgreementNotAccepted {
                current: self.state.settings.agreement.version.clone(),
                accepted: request.agreement_version.clone(),
            });
        }
        // R2, unless the coordinator overrides it with a reason.
        let overridden = match (by, non_empty(&request.override_reason)) {
            (Actor::Coordinator, Some(_)) => true,
            (Actor::Teacher(_), Some(_)) => return Err(DomainError::NotAllowed { actor: by.clone() }),
            (_, None) => false,
        };
        if overridden {
            if request.end < request.start {
                return Err(DomainError::Period(PeriodError {
                    problems: vec![PeriodProblem::EndBeforeStart],
                    nearest: None,
                }));
            }
        } else {
            check_period(self.calendar(), &self.state.settings, max_weeks, request.start, request.end, today)
                .map_err(DomainError::Period)?;
        }
        // R3, from the coordinator's records only.
        let required = self.required_trainings(&request.lines);
        let (training, unverified) = match self.training_data(&request.teacher).check_for_booking(
            &required,
            &request.teacher,
            request.start,
            today,
        ) {
            Ok(training) => (training, Vec::new()),
            Err(missing) if defer_training => (TrainingCheck::Complete, missing),
            Err(missing) => return Err(DomainError::TrainingMissing(missing)),
        };
        // R1.
        let shortages = self.shortages(&request.lines, request.start, request.end, today, None);
        if !shortages.is_empty() {
            return Err(DomainError::NotEnoughUnits(shortages));
        }
        Ok(match training {
            TrainingCheck::Complete => BookingCheck {
                status: BookingStatus::Requested,
                awaiting_sessions: Vec::new(),
                period_overridden: overridden,
                training_to_verify: unverified,
            },
            TrainingCheck::Awaiting { sessions } => BookingCheck {
                status: BookingStatus::AwaitingTraining,
                awaiting_sessions: sessions,
                period_overridden: overridden,
                training_to_verify: unverified,
            },
        })
    }

    /// Creates a booking (by its teacher, or by the coordinator on the teacher's behalf). Returns
    /// its status: `requested` or `awaiting_training`.
    pub fn create_booking(
        &mut self,
        request: BookingRequest,
        by: Actor,
        now: NaiveDateTime,
    ) -> Result<BookingStatus, DomainError> {
        let check = self.validate_booking(&request, &by, now.date())?;
        let reason =
            if check.period_overridden { non_empty(&request.override_reason).map(str::to_owned) } else { None };
        let status = check.status;
        let history = vec![HistoryEntry { at: now, by, status, reason, rule: None }];
        self.insert_booking(request, status, history);
        Ok(status)
    }

    /// Adds a booking that passed its checks (or is kept refused), with its history.
    pub(crate) fn insert_booking(
        &mut self,
        request: BookingRequest,
        status: BookingStatus,
        history: Vec<HistoryEntry>,
    ) {
        let booking = Booking {
            id: request.id,
            teacher: request.teacher,
            lines: request.lines,
            start: request.start,
            end: request.end,
            project: request.project,
            class: request.class,
            notes: request.notes,
            agreement_version: request.agreement_version,
            status,
            units: Vec::new(),
            history,
        };
        let position = self.state.bookings.len();
        self.index.add_booking(position, &booking);
        self.positions.insert(booking.id.clone(), position);
        self.state.bookings.push(booking);
    }

    /// The trainings a booking still lacks for the coordinator to confirm it (R3: a record
    /// valid on its start, or an enrolment in a session ending before it): what the queue
    /// shows as "training to verify".
    pub fn training_to_verify(&self, booking: &Booking, today: NaiveDate) -> Vec<MissingTraining> {
        if !matches!(booking.status, BookingStatus::Requested | BookingStatus::AwaitingTraining) {
            return Vec::new();
        }
        let required = self.required_trainings(&booking.lines);
        self.training_data(&booking.teacher)
            .check_for_booking(&required, &booking.teacher, booking.start, today)
            .err()
            .unwrap_or_default()
    }

    /// Gives this pool the browser's minter, keeping the higher counter when it has one of the
    /// same tag already.
    pub fn set_minter(&mut self, minter: IdMinter) {
        match &mut self.state.minter {
            Some(mine) if mine.tag == minter.tag => mine.merge(&minter),
            slot => *slot = Some(minter),
        }
    }

    /// A new id from this browser's minter, used by no booking, incident or session of the
    /// pool. Refused when the browser gave the pool no minter.
    pub fn mint_id(&mut self) -> Result<String, DomainError> {
        let minter = self.state.minter.as_mut().ok_or(DomainError::MissingText { field: "id" })?;
        loop {
            let id = minter.mint();
            let taken = self.positions.contains_key(&id)
                || self.state.incidents.iter().any(|i| i.id == id)
                || self.state.sessions.iter().any(|s| s.id == id);
            if !taken {
                return Ok(id);
            }
        }
    }

    /// Raises the minter past `id` (an id of this browser's tag given on a replay).
    pub fn note_id(&mut self, id: &str) {
        if let Some(minter) = self.state.minter.as_mut() {
            minter.skip_past([id]);
        }
    }

    /// A free booking id built on `taken` (see [`super::ids::free_id_like`]).
    pub fn free_booking_id(&self, taken: &str) -> String {
        super::ids::free_id_like(taken, self.state.bookings.iter().map(|b| b.id.as_str()))
    }

    fn position(&self, id: &str) -> Result<usize, DomainError> {
        self.positions.get(id).copied().ok_or_else(|| DomainError::UnknownBooking(id.to_owned()))
    }

    fn booking_at(&self, position: usize) -> Result<&Booking, DomainError> {
        self.state.bookings.get(position).ok_or_else(|| DomainError::UnknownBooking(position.to_string()))
    }

    fn transition_allowed(booking: &Booking, to: BookingStatus) -> Result<(), DomainError> {
        if booking.status.can_become(to) {
            Ok(())
        } else {
            Err(DomainError::Transition { from: booking.status, to })
        }
    }

    fn record(&mut self, position: usize, to: BookingStatus, by: Actor, at: NaiveDateTime, reason: Option<String>) {
        let releases = !to.holds_units();
        if let Some(b) = self.state.bookings.get_mut(position) {
            b.status = to;
            b.history.push(HistoryEntry { at, by, status: to, reason, rule: None });
        }
        if releases {
            if let Some(b) = self.state.bookings.get(position) {
                self.index.release_booking(position, b);
            }
        }
    }

    /// The coordinator confirms a booking (requested, or awaiting training once the training is
    /// recorded). Re-checks R3 (records valid on the start date) and R1.
    pub fn confirm(&mut self, id: &str, now: NaiveDateTime) -> Result<(), DomainError> {
        let position = self.position(id)?;
        let booking = self.booking_at(position)?;
        Self::transition_allowed(booking, BookingStatus::Confirmed)?;
        let required = self.required_trainings(&booking.lines);
        let data = self.training_data(&booking.teacher);
        let missing = data.missing_on(&required, &booking.teacher, booking.start, now.date());
        if !missing.is_empty() {
            return Err(DomainError::TrainingMissing(missing));
        }
        let shortages = self.shortages(&booking.lines, booking.start, booking.end, now.date(), Some(position));
        if !shortages.is_empty() {
            return Err(DomainError::NotEnoughUnits(shortages));
        }
        self.record(position, BookingStatus::Confirmed, Actor::Coordinator, now, None);
        Ok(())
    }

    /// The coordinator refuses a booking, with a reason.
    pub fn refuse(&mut self, id: &str, reason: &str, now: NaiveDateTime) -> Result<(), DomainError> {
        let position = self.position(id)?;
        Self::transition_allowed(self.booking_at(position)?, BookingStatus::Refused)?;
        if reason.trim().is_empty() {
            return Err(DomainError::MissingText { field: "reason" });
        }
        self.record(position, BookingStatus::Refused, Actor::Coordinator, now, Some(reason.trim().to_owned()));
        Ok(())
    }

    /// The teacher cancels their own booking (before hand-over).
    pub fn cancel(
        &mut self,
        id: &str,
        by: Actor,
        reason: Option<String>,
        now: NaiveDateTime,
    ) -> Result<(), DomainError> {
        let position = self.position(id)?;
        let booking = self.booking_at(position)?;
        if by != Actor::Teacher(booking.teacher.clone()) {
            return Err(DomainError::NotAllowed { actor: by });
        }
        Self::transition_allowed(booking, BookingStatus::Cancelled)?;
        self.record(position, BookingStatus::Cancelled, by, now, reason.filter(|r| !r.trim().is_empty()));
        Ok(())
    }

    /// The trainings that would refuse the hand-over of booking `id` today (R3: every required
    /// training completed and valid, whatever the booking's status), with their next sessions.
    pub fn missing_for_hand_over(&self, id: &str, today: NaiveDate) -> Result<Vec<MissingTraining>, DomainError> {
        let booking = self.booking_at(self.position(id)?)?;
        let required = self.required_trainings(&booking.lines);
        Ok(self
            .training_data(&booking.teacher)
            .check_for_hand_over(&required, &booking.teacher, today)
            .err()
            .unwrap_or_default())
    }

    /// The coordinator hands over the units with these labels. Refused unless every required
    /// training is completed and valid today (R3, whatever the status), the booking is
    /// confirmed, and the units match the lines exactly, are in service and not out elsewhere.
    pub fn hand_over(&mut self, id: &str, labels: &[String], now: NaiveDateTime) -> Result<(), DomainError> {
        let position = self.position(id)?;
        let booking = self.booking_at(position)?;
        let required = self.required_trainings(&booking.lines);
        self.training_data(&booking.teacher)
            .check_for_hand_over(&required, &booking.teacher, now.date())
            .map_err(DomainError::TrainingMissing)?;
        Self::transition_allowed(booking, BookingStatus::HandedOver)?;
        let mut problems = Vec::new();
        let mut seen = HashSet::new();
        let mut given: BTreeMap<&str, u32> = BTreeMap::new();
        let mut assigned = Vec::new();
        let out_elsewhere: HashMap<&str, &str> = self
            .state
            .bookings
            .iter()
            .filter(|b| b.status == BookingStatus::HandedOver)
            .flat_map(|b| b.units.iter().map(move |u| (u.label.as_str(), b.id.as_str())))
            .collect();
        for label in labels {
            if !seen.insert(label.as_str()) {
                problems.push(UnitProblem::Duplicate { label: label.clone() });
                continue;
            }
            let Some(unit) = self.state.catalogue.units.iter().find(|u| u.label == *label) else {
                problems.push(UnitProblem::Unknown { label: label.clone() });
                continue;
            };
            if booking.quantity_of(&unit.model) == 0 {
                problems.push(UnitProblem::WrongModel { label: label.clone(), model: unit.model.clone() });
                continue;
            }
            if !unit.in_service {
                problems.push(UnitProblem::OutOfService { label: label.clone() });
            }
            if let Some(other) = out_elsewhere.get(label.as_str()) {
                problems.push(UnitProblem::AlreadyOut { label: label.clone(), booking: (*other).to_owned() });
            }
            *given.entry(unit.model.as_str()).or_default() += 1;
            assigned.push(AssignedUnit {
                label: unit.label.clone(),
                model: unit.model.clone(),
                condition_out: unit.condition,
                condition_in: None,
            });
        }
        for (model, booked) in Self::quantities(&booking.lines) {
            let count = given.get(model).copied().unwrap_or(0);
            if count != booked {
                problems.push(UnitProblem::WrongCount { model: model.to_owned(), booked, given: count });
            }
        }
        if !problems.is_empty() {
            return Err(DomainError::Units(problems));
        }
        if let Some(b) = self.state.bookings.get_mut(position) {
            b.units = assigned;
        }
        self.record(position, BookingStatus::HandedOver, Actor::Coordinator, now, None);
        Ok(())
    }

    /// The coordinator takes every unit back, with its condition; the units' catalogue condition
    /// is updated. Units back in a usable condition are free again; a unit back damaged leaves
    /// service until the coordinator marks it repaired ([`super::admin::CatalogueEdit::Repaired`]).
    /// The return is a fact and is never refused for it, but the report names the bookings still
    /// to come that the units leaving service leave short (rule R1), for the coordinator to act.
    pub fn return_units(
        &mut self,
        id: &str,
        returned: &[(String, Condition)],
        now: NaiveDateTime,
    ) -> Result<ReturnReport, DomainError> {
        let position = self.position(id)?;
        let booking = self.booking_at(position)?;
        Self::transition_allowed(booking, BookingStatus::Returned)?;
        let mut problems = Vec::new();
        let mut seen = HashSet::new();
        for (label, _) in returned {
            if !seen.insert(label.as_str()) {
                problems.push(UnitProblem::Duplicate { label: label.clone() });
            } else if !booking.units.iter().any(|u| u.label == *label) {
                problems.push(UnitProblem::NotInBooking { label: label.clone() });
            }
        }
        for unit in booking.units.iter().filter(|u| !seen.contains(u.label.as_str())) {
            problems.push(UnitProblem::NotReturned { label: unit.label.clone() });
        }
        if !problems.is_empty() {
            return Err(DomainError::Units(problems));
        }
        let conditions: HashMap<&str, Condition> = returned.iter().map(|(l, c)| (l.as_str(), *c)).collect();
        if let Some(b) = self.state.bookings.get_mut(position) {
            for u in &mut b.units {
                u.condition_in = conditions.get(u.label.as_str()).copied();
            }
        }
        let mut report = ReturnReport::default();
        for (label, condition) in returned {
            if *condition == Condition::Damaged {
                report.to_repair.push(label.clone());
            } else {
                report.available.push(label.clone());
            }
        }
        self.record(position, BookingStatus::Returned, Actor::Coordinator, now, None);
        if report.to_repair.is_empty() {
            for unit in &mut self.state.catalogue.units {
                if let Some(c) = conditions.get(unit.label.as_str()) {
                    unit.condition = *c;
                }
            }
        } else {
            // Units leave service: the index counts units in service, so it is rebuilt.
            let mut models: Vec<String> = Vec::new();
            self.edit(|s| {
                for unit in &mut s.catalogue.units {
                    if let Some(c) = conditions.get(unit.label.as_str()) {
                        unit.condition = *c;
                        if *c == Condition::Damaged {
                            unit.in_service = false;
                            if !models.contains(&unit.model) {
                                models.push(unit.model.clone());
                            }
                        }
                    }
                }
            });
            report.short = self.short_bookings(&models, now.date());
        }
        Ok(report)
    }

    /// The bookings holding units (not yet ended on `today`) that ask for more units of one of
    /// `models` than are free for their period once the others are counted (rule R1): what a
    /// unit leaving service leaves short.
    pub fn short_bookings(&self, models: &[String], today: NaiveDate) -> Vec<ShortBooking> {
        let mut short = Vec::new();
        for (i, b) in self.state.bookings.iter().enumerate() {
            if !b.status.holds_units() || b.end < today {
                continue;
            }
            for model in models {
                let requested = b.quantity_of(model);
                if requested == 0 {
                    continue;
                }
                let free = self.index.free_ignoring(model, b.start, b.end, Some(i));
                if requested > free {
                    short.push(ShortBooking {
                        booking: b.id.clone(),
                        shortage: Shortage { model: model.clone(), requested, free, next_free: None },
                    });
                }
            }
        }
        short
    }

    /// The printable loan agreement of a booking (rule R4): signed at hand-over, so it lists the
    /// units once they are handed over; a cancelled or refused booking has none.
    pub fn loan_agreement(&self, id: &str) -> Result<LoanAgreement, DomainError> {
        let booking = self.booking(id).ok_or_else(|| DomainError::UnknownBooking(id.to_owned()))?;
        if booking.status.is_withdrawn() {
            return Err(DomainError::Transition { from: booking.status, to: BookingStatus::HandedOver });
        }
        let borrower = self.borrower(&booking.teacher);
        let teacher = borrower.teacher.ok_or_else(|| DomainError::UnknownTeacher(booking.teacher.clone()))?;
        Ok(LoanAgreement {
            booking: booking.id.clone(),
            teacher_name: teacher.name.clone(),
            teacher_email: teacher.email.clone(),
            school: borrower.school.map_or_else(|| teacher.school.clone(), |s| s.name.clone()),
            commune: borrower.commune_name().to_owned(),
            project: booking.project.clone(),
            class: booking.class.clone(),
            start: booking.start,
            end: booking.end,
            agreement_version: booking.agreement_version.clone(),
            units: booking
                .units
                .iter()
                .map(|u| {
                    let name =
                        self.model(&u.model).map_or_else(|| LocalizedText::french(u.model.clone()), |m| m.name.clone());
                    (u.label.clone(), name, u.condition_out)
                })
                .collect(),
        })
    }

    // ---- Trainings (R3) ----------------------------------------------------------------------

    /// Enrols a teacher in a training session with a seat left (a teacher enrols themself, or
    /// the coordinator enrols anyone).
    pub fn enroll(&mut self, session: &str, teacher: &str, by: &Actor) -> Result<(), DomainError> {
        Self::may_enrol(teacher, by)?;
        if self.teacher(teacher).is_none() {
            return Err(DomainError::UnknownTeacher(teacher.to_owned()));
        }
        let s = self.session_mut(session)?;
        if s.enrolled.iter().any(|t| t == teacher) {
            return Err(DomainError::AlreadyEnrolled { session: session.to_owned() });
        }
        if s.seats_left() == 0 {
            return Err(DomainError::SessionFull { session: session.to_owned() });
        }
        s.enrolled.push(teacher.to_owned());
        Ok(())
    }

    /// Withdraws a teacher from a session (by herself, or by the coordinator): her seat is free
    /// again. A teacher's browser tells the coordinator in her next requests (the sessions the
    /// coordinator counted her in and she left).
    pub fn unenroll(&mut self, session: &str, teacher: &str, by: &Actor) -> Result<(), DomainError> {
        Self::may_enrol(teacher, by)?;
        let s = self.session_mut(session)?;
        let before = s.enrolled.len();
        s.enrolled.retain(|t| t != teacher);
        if s.enrolled.len() == before {
            return Err(DomainError::NotEnrolled { session: session.to_owned() });
        }
        Ok(())
    }

    /// Whether `by` may change `teacher`'s enrolments: a teacher only her own.
    fn may_enrol(teacher: &str, by: &Actor) -> Result<(), DomainError> {
        match by {
            Actor::Teacher(t) if t != teacher => Err(DomainError::NotAllowed { actor: by.clone() }),
            _ => Ok(()),
        }
    }

    /// The session with this id, to change its enrolments.
    fn session_mut(&mut self, session: &str) -> Result<&mut TrainingSession, DomainError> {
        self.state
            .sessions
            .iter_mut()
            .find(|s| s.id == session)
            .ok_or_else(|| DomainError::UnknownSession(session.to_owned()))
    }

    /// The coordinator records that a teacher completed a training (the authoritative record).
    pub fn record_training(&mut self, teacher: &str, training: &str, completed: NaiveDate) -> Result<(), DomainError> {
        if self.teacher(teacher).is_none() {
            return Err(DomainError::UnknownTeacher(teacher.to_owned()));
        }
        if self.state.catalogue.training(training).is_none() {
            return Err(DomainError::UnknownTraining(training.to_owned()));
        }
        let record = TrainingRecord { teacher: teacher.to_owned(), training: training.to_owned(), completed };
        if !self.state.records.contains(&record) {
            self.records.entry(teacher.to_owned()).or_default().push(record.clone());
            self.state.records.push(record);
        }
        Ok(())
    }

    // ---- Incidents (R5) ---------------------------------------------------------------------

    /// Declares an incident on a unit at `now` (late declarations are accepted and flagged).
    /// A teacher may only declare on their own booking.
    pub fn declare_incident(
        &mut self,
        declaration: IncidentDeclaration,
        by: Actor,
        now: NaiveDateTime,
    ) -> Result<IncidentAssessment, DomainError> {
        if declaration.id.trim().is_empty() {
            return Err(DomainError::MissingText { field: "id" });
        }
        if self.state.incidents.iter().any(|i| i.id == declaration.id) {
            return Err(DomainError::DuplicateId(declaration.id));
        }
        if declaration.description.trim().is_empty() {
            return Err(DomainError::MissingText { field: "description" });
        }
        let unit = self
            .state
            .catalogue
            .units
            .iter()
            .find(|u| u.label == declaration.unit)
            .ok_or_else(|| DomainError::UnknownUnit(declaration.unit.clone()))?;
        let booking = match &declaration.booking {
            Some(id) => Some(self.booking(id).ok_or_else(|| DomainError::UnknownBooking(id.clone()))?),
            None => None,
        };
        if let Some(b) = booking {
            if !b.units.iter().any(|u| u.label == unit.label) {
                return Err(DomainError::Units(vec![UnitProblem::NotInBooking { label: unit.label.clone() }]));
            }
        }
        if let Actor::Teacher(t) = &by {
            if booking.map(|b| &b.teacher) != Some(t) {
                return Err(DomainError::NotAllowed { actor: by });
            }
        }
        let borrower = booking.map(|b| self.borrower(&b.teacher));
        let teacher = borrower.map(|b| b.id.to_owned());
        let school = borrower.and_then(|b| b.teacher).map(|t| t.school.clone());
        let commune = borrower.and_then(|b| b.school).map(|s| s.commune.clone());
        let police_report = non_empty(&declaration.police_report).map(str::to_owned);
        let incident = Incident {
            id: declaration.id,
            unit: unit.label.clone(),
            booking: declaration.booking,
            teacher,
            school,
            commune,
            kind: declaration.kind,
            description: declaration.description,
            discovered_at: declaration.discovered_at,
            declared_at: now,
            police_report_at: police_report.as_ref().map(|_| now),
            police_report,
            quote_cents: None,
            status: IncidentStatus::Declared,
            history: vec![IncidentHistoryEntry { at: now, by, status: IncidentStatus::Declared }],
        };
        let assessment = assess(&incident, unit.acquired, unit.replacement_value_cents);
        self.state.incidents.push(incident);
        Ok(assessment)
    }

    fn incident_position(&self, id: &str) -> Result<usize, DomainError> {
        self.state.incidents.iter().position(|i| i.id == id).ok_or_else(|| DomainError::UnknownIncident(id.to_owned()))
    }

    /// The coordinator attaches the quote (and, for theft and loss, the police report
    /// reference): declared → documented.
    pub fn document_incident(
        &mut self,
        id: &str,
        police_report: Option<String>,
        quote_cents: u64,
        now: NaiveDateTime,
    ) -> Result<(), DomainError> {
        let position = self.incident_position(id)?;
        let incident = &self.state.incidents[position];
        if incident.status != IncidentStatus::Declared {
            return Err(DomainError::IncidentTransition { from: incident.status, to: IncidentStatus::Documented });
        }
        let report = non_empty(&police_report).map(str::to_owned).or_else(|| incident.police_report.clone());
        if incident.kind.needs_police_report() && report.is_none() {
            return Err(DomainError::PoliceReportRequired);
        }
        let incident = &mut self.state.incidents[position];
        if incident.police_report.is_none() && report.is_some() {
            incident.police_report_at = Some(now);
        }
        incident.police_report = report;
        incident.quote_cents = Some(quote_cents);
        incident.status = IncidentStatus::Documented;
        incident.history.push(IncidentHistoryEntry {
            at: now,
            by: Actor::Coordinator,
            status: IncidentStatus::Documented,
        });
        Ok(())
    }

    /// The coordinator records the reimbursement: documented → settled.
    pub fn settle_incident(&mut self, id: &str, now: NaiveDateTime) -> Result<(), DomainError> {
        let position = self.incident_position(id)?;
        let incident = &mut self.state.incidents[position];
        if incident.status != IncidentStatus::Documented {
            return Err(DomainError::IncidentTransition { from: incident.status, to: IncidentStatus::Settled });
        }
        incident.status = IncidentStatus::Settled;
        incident.history.push(IncidentHistoryEntry {
            at: now,
            by: Actor::Coordinator,
            status: IncidentStatus::Settled,
        });
        Ok(())
    }

    /// Age, rate, amount and flags of an incident.
    pub fn incident_assessment(&self, id: &str) -> Result<IncidentAssessment, DomainError> {
        let incident = &self.state.incidents[self.incident_position(id)?];
        let unit = self
            .state
            .catalogue
            .units
            .iter()
            .find(|u| u.label == incident.unit)
            .ok_or_else(|| DomainError::UnknownUnit(incident.unit.clone()))?;
        Ok(assess(incident, unit.acquired, unit.replacement_value_cents))
    }
}
