//! The rules of the exchange between people (spec section 5): what the coordinator publishes to
//! everyone, what a teacher's answer holds, how a teacher's requests are taken in, and how a
//! browser adopts a published catalogue or its teacher's answer. Pure functions with typed
//! results; the file formats (`storage`) and the sync client only carry what they produce.
//!
//! - [`publish`] → [`PublicCatalogue`], adopted with [`adopt_catalogue`]: no personal data.
//! - [`requests::take_in_requests`]: a teacher's requests, untrusted, under every rule.
//! - [`answer::answer_for`] → [`answer::TeacherAnswer`], adopted with [`answer::adopt_answer`].

pub mod answer;
pub mod requests;

use super::availability::{Occupancy, Overbooking};
use super::calendar::{bundled_holidays, SchoolHoliday};
use super::catalogue::{Catalogue, CatalogueError};
use super::ids::is_minted;
use super::people::{Commune, School, TrainingSession};
use super::pool::{Pool, PoolState};
use super::{Agreement, Settings};
use serde::{Deserialize, Serialize};

/// What the coordinator publishes for everyone (the `catalogue` file): everything a teacher
/// needs to book, and no personal data — no name, e-mail, project, replacement value, training
/// record, enrolment list, nor any id derived from them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PublicCatalogue {
    /// Categories, models, units (labels, no values), trainings.
    pub catalogue: Catalogue,
    /// Communes of the schools.
    #[serde(default)]
    pub communes: Vec<Commune>,
    /// Schools a borrower can belong to.
    #[serde(default)]
    pub schools: Vec<School>,
    /// Training sessions, with the seats taken counted in `others` (never who).
    #[serde(default)]
    pub sessions: Vec<TrainingSession>,
    /// The current usage rules and loan agreement.
    #[serde(default)]
    pub agreement: Option<Agreement>,
    /// Anonymous occupancy of the pool (rule R1 needs it on every teacher's device).
    #[serde(default)]
    pub occupancy: Vec<Occupancy>,
    /// The school calendar the coordinator uses (the bundled one when absent).
    #[serde(default)]
    pub holidays: Option<Vec<SchoolHoliday>>,
    /// Where teachers send their requests.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
    /// Whether this is demonstration data.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub demo: bool,
}

impl PublicCatalogue {
    /// Checks the references the catalogue's own validation does not cover.
    pub fn validate(&self) -> Result<(), CatalogueError> {
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
                return Err(dangling("booking", &o.id, &line.model));
            }
        }
        Ok(())
    }

    /// A fresh pool holding this data, with default settings and the bundled school calendar
    /// when the file has none (a first start, the demo).
    pub fn into_pool_state(self) -> PoolState {
        let settings =
            Settings { agreement: self.agreement.unwrap_or_default(), contact: self.contact, ..Settings::default() };
        PoolState {
            holidays: self.holidays.unwrap_or_else(bundled_holidays),
            catalogue: self.catalogue,
            communes: self.communes,
            schools: self.schools,
            sessions: self.sessions,
            occupancy: self.occupancy,
            demo: self.demo,
            settings,
            ..PoolState::default()
        }
    }
}

/// The coordinator's pool as everyone may see it (see [`PublicCatalogue`]).
pub fn publish(state: &PoolState) -> PublicCatalogue {
    let mut catalogue = state.catalogue.clone();
    for unit in &mut catalogue.units {
        unit.replacement_value_cents = None;
    }
    let sessions = state
        .sessions
        .iter()
        .map(|s| TrainingSession { enrolled: Vec::new(), others: s.taken(), ..s.clone() })
        .collect();
    let occupancy = state
        .bookings
        .iter()
        .filter(|b| b.status.holds_units())
        .map(|b| Occupancy {
            id: if is_minted(&b.id) { b.id.clone() } else { String::new() },
            lines: b.lines.clone(),
            start: b.start,
            end: b.end,
            status: b.status,
        })
        .chain(state.occupancy.iter().cloned())
        .collect();
    PublicCatalogue {
        catalogue,
        communes: state.communes.clone(),
        schools: state.schools.clone(),
        sessions,
        agreement: Some(state.settings.agreement.clone()),
        occupancy,
        holidays: Some(state.holidays.clone()),
        contact: state.settings.contact.clone(),
        demo: state.demo,
    }
}

/// A state adopted from a file, and the days rule R1 would see overbooked in it (listed for
/// the person to resolve; the coordinator's pool never makes one).
#[derive(Clone, Debug, PartialEq)]
pub struct Adopted {
    /// The state after adoption.
    pub state: PoolState,
    /// Overbooked stretches of days in it.
    pub conflicts: Vec<Overbooking>,
}

impl Adopted {
    /// `state` with its overbooked days found.
    pub fn checked(state: PoolState) -> Self {
        let conflicts = Pool::new(state.clone()).index().overbooked();
        Adopted { state, conflicts }
    }
}

/// The pool after this browser adopts a published catalogue: the shared reference data and the
/// anonymous occupancy come from the file; this browser's bookings, people, records, incidents
/// and settings stay as they are (only the answer of a teacher changes her bookings). Her own
/// bookings are not counted twice: occupancy entries with their ids are left out. Her
/// enrolments stay, and the seats the file counts for others exclude hers when the coordinator
/// already knew of them. Adopting the same file twice gives the same state.
pub fn adopt_catalogue(current: &PoolState, public: PublicCatalogue) -> Adopted {
    let calendar_in_file = public.holidays.is_some();
    let mut next = public.into_pool_state();
    let (agreement, contact) =
        (std::mem::take(&mut next.settings.agreement), std::mem::take(&mut next.settings.contact));
    next.settings = current.settings.clone();
    next.settings.agreement = agreement;
    next.settings.contact = contact;
    if !calendar_in_file {
        next.holidays.clone_from(&current.holidays);
    }
    next.teachers.clone_from(&current.teachers);
    next.records.clone_from(&current.records);
    next.incidents.clone_from(&current.incidents);
    next.bookings.clone_from(&current.bookings);
    next.exchange = current.exchange.clone();
    next.occupancy.retain(|o| o.id.is_empty() || !current.bookings.iter().any(|b| b.id == o.id));
    for session in &mut next.sessions {
        let Some(old) = current.sessions.iter().find(|s| s.id == session.id) else { continue };
        for teacher in &old.enrolled {
            if current.teachers.iter().any(|t| &t.id == teacher) && !session.enrolled.contains(teacher) {
                session.enrolled.push(teacher.clone());
                if current.exchange.acknowledged_enrolments.contains(&session.id) {
                    session.others = session.others.saturating_sub(1);
                }
            }
        }
    }
    Adopted::checked(next)
}

/// The number of steps a booking's teacher made in its history (made, cancelled).
fn own_steps(booking: &super::booking::Booking) -> u16 {
    let own = super::booking::Actor::Teacher(booking.teacher.clone());
    booking.history.iter().filter(|h| h.by == own).count().min(usize::from(u16::MAX)) as u16
}

/// Whether the coordinator has not yet been sent this booking as it stands: its teacher made or
/// changed it after she last sent her requests.
pub fn is_unsent(state: &PoolState, booking: &super::booking::Booking) -> bool {
    let steps = own_steps(booking);
    steps > 0 && !state.exchange.sent.iter().any(|(id, n)| *id == booking.id && *n == steps)
}

/// Records that the teacher's requests were sent as they stand now, in the file numbered
/// [`requests::next_sequence`]: the next file gets a higher number, and the sessions the file
/// stated her enrolled in stay ones to withdraw from if she leaves them, until an answer
/// reflecting all her files tells where she stands.
pub fn mark_sent(state: &mut PoolState, teacher: &str) {
    let sent = state.bookings.iter().filter(|b| b.teacher == teacher).map(|b| (b.id.clone(), own_steps(b))).collect();
    state.exchange.sent = sent;
    state.exchange.requests_sequence = requests::next_sequence(state);
    let enrolled: Vec<String> = enrolled_in(state, teacher).map(str::to_owned).collect();
    for session in &enrolled {
        if !state.exchange.stated_enrolments.contains(session) {
            state.exchange.stated_enrolments.push(session.clone());
        }
    }
    state.exchange.enrolments_sent = enrolled;
}

/// The sessions `teacher` is enrolled in, as this browser knows (what her requests state).
pub fn enrolled_in<'a>(state: &'a PoolState, teacher: &'a str) -> impl Iterator<Item = &'a str> {
    state.sessions.iter().filter(move |s| s.enrolled.iter().any(|t| t == teacher)).map(|s| s.id.as_str())
}

/// The teacher's changes to her enrolments not sent yet (session ids): sessions she enrolled
/// in that neither her last file nor an answer knows of, and sessions her last file stated
/// her in that she left since (withdrawals still to send).
pub fn unsent_enrolment_changes<'a>(state: &'a PoolState, teacher: &'a str) -> Vec<&'a str> {
    let log = &state.exchange;
    let known =
        |id: &str| log.enrolments_sent.iter().any(|s| s == id) || log.acknowledged_enrolments.iter().any(|s| s == id);
    let joined = enrolled_in(state, teacher).filter(|id| !known(id));
    let left =
        requests::withdrawals(state, teacher).into_iter().filter(|id| log.enrolments_sent.iter().any(|s| s == id));
    joined.chain(left).collect()
}

/// The teacher's bookings not yet sent as they stand (see [`is_unsent`]).
pub fn unsent_requests<'a>(state: &'a PoolState, teacher: &str) -> Vec<&'a super::booking::Booking> {
    state.bookings.iter().filter(|b| b.teacher == teacher && is_unsent(state, b)).collect()
}

// proptest is a native-only dev-dependency (see Cargo.toml).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
