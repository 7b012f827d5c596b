//! Changes to the pool as data. The UI makes every change to the pool through a [`PoolChange`],
//! so a tab can keep the changes it has not saved yet and play them again on top of what
//! another tab saved meanwhile: the rules run again on the newer state, nothing is overwritten
//! and nothing is overbooked, whatever the order of two tabs' saves.

use super::admin::CatalogueEdit;
use super::booking::{Actor, BookingStatus};
use super::catalogue::Condition;
use super::error::DomainError;
use super::exchange::requests::{take_in_requests, ForeignRequest, TeacherRequests};
use super::incident::IncidentAssessment;
use super::iso;
use super::people::Teacher;
use super::pool::{BookingRequest, IncidentDeclaration, Pool, PoolState};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// One change to the pool, with everything needed to make it again. Serialisable: a
/// coordinator's changes wait in the sync outbox (kept in local storage) until the shared pool
/// took them, and are played again on the server's newer pool when another coordinator pushed
/// first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PoolChange {
    /// Adds or updates a teacher (the profile of this browser's teacher).
    UpsertTeacher(Teacher),
    /// Creates a booking ([`Pool::create_booking`]).
    CreateBooking {
        /// The request; an empty id is minted when the change is made, and renewed if another
        /// tab used it meanwhile.
        request: BookingRequest,
        /// Who books.
        by: Actor,
        /// When.
        #[serde(with = "iso::datetime")]
        at: NaiveDateTime,
    },
    /// Cancels a booking ([`Pool::cancel`]).
    Cancel {
        /// The booking.
        id: String,
        /// Who cancels.
        by: Actor,
        /// When.
        #[serde(with = "iso::datetime")]
        at: NaiveDateTime,
    },
    /// Enrols a teacher in a session ([`Pool::enroll`]).
    Enroll {
        /// The session.
        session: String,
        /// The teacher.
        teacher: String,
        /// Who enrols them.
        by: Actor,
    },
    /// Takes a teacher's seat back ([`Pool::unenroll`]).
    Unenroll {
        /// The session.
        session: String,
        /// The teacher.
        teacher: String,
        /// Who withdraws them.
        by: Actor,
    },
    /// Replaces the whole pool (an imported file, or the undo of an import).
    Replace(Box<PoolState>),
    /// Declares an incident ([`Pool::declare_incident`]); an empty id is minted, and renewed if
    /// taken meanwhile.
    DeclareIncident {
        /// The declaration.
        declaration: IncidentDeclaration,
        /// Who declares.
        by: Actor,
        /// When.
        #[serde(with = "iso::datetime")]
        at: NaiveDateTime,
    },
    /// The coordinator confirms a booking ([`Pool::confirm`]).
    Confirm {
        /// The booking.
        id: String,
        /// When.
        #[serde(with = "iso::datetime")]
        at: NaiveDateTime,
    },
    /// The coordinator refuses a booking with a reason ([`Pool::refuse`]).
    Refuse {
        /// The booking.
        id: String,
        /// Why, for the teacher.
        reason: String,
        /// When.
        #[serde(with = "iso::datetime")]
        at: NaiveDateTime,
    },
    /// The coordinator hands these units over ([`Pool::hand_over`]).
    HandOver {
        /// The booking.
        id: String,
        /// The units' labels.
        labels: Vec<String>,
        /// When.
        #[serde(with = "iso::datetime")]
        at: NaiveDateTime,
    },
    /// The coordinator takes the units back with their condition ([`Pool::return_units`]).
    Return {
        /// The booking.
        id: String,
        /// Each unit's label and condition.
        returned: Vec<(String, Condition)>,
        /// When.
        #[serde(with = "iso::datetime")]
        at: NaiveDateTime,
    },
    /// The coordinator records a completed training ([`Pool::record_training`]).
    RecordTraining {
        /// The teacher.
        teacher: String,
        /// The training.
        training: String,
        /// The day it was completed.
        #[serde(with = "iso::date")]
        completed: NaiveDate,
    },
    /// The coordinator attaches the quote and report ([`Pool::document_incident`]).
    DocumentIncident {
        /// The incident.
        id: String,
        /// Police report reference (theft, loss).
        police_report: Option<String>,
        /// The repair or replacement quote, in cents.
        quote_cents: u64,
        /// When.
        #[serde(with = "iso::datetime")]
        at: NaiveDateTime,
    },
    /// The coordinator records the reimbursement ([`Pool::settle_incident`]).
    SettleIncident {
        /// The incident.
        id: String,
        /// When.
        #[serde(with = "iso::datetime")]
        at: NaiveDateTime,
    },
    /// The coordinator sets the address where teachers send their requests (published with
    /// the catalogue).
    SetContact(String),
    /// The coordinator produced these teachers' answers (teacher, fingerprint of the answer).
    AnswersSent(Vec<(String, u64)>),
    /// The teacher sent her requests as they stand.
    RequestsSent {
        /// The teacher.
        teacher: String,
    },
    /// The coordinator edits the catalogue, units or trainings ([`Pool::edit_catalogue`]).
    EditCatalogue {
        /// The edit.
        edit: CatalogueEdit,
        /// The day it is made (decides which bookings still count on a unit).
        #[serde(with = "iso::date")]
        today: NaiveDate,
    },
    /// The coordinator's browser takes in a teacher's requests that arrived through the sync
    /// server ([`take_in_requests`]); `author` is the account that wrote them on the server,
    /// which must be the teacher they name.
    TakeInRequests {
        /// The requests, as the teacher's browser sent them.
        requests: Box<TeacherRequests>,
        /// The signed-in account that wrote them.
        author: String,
        /// When.
        #[serde(with = "iso::datetime")]
        at: NaiveDateTime,
    },
}

/// What a change produced, for the screen that asked for it.
#[derive(Clone, Debug, PartialEq)]
pub enum ChangeOutcome {
    /// Nothing to report.
    Done,
    /// The new booking's id and status.
    Booked {
        /// Its id.
        id: String,
        /// `requested` or `awaiting_training`.
        status: BookingStatus,
    },
    /// The incident's assessment.
    Declared(IncidentAssessment),
    /// The labels of the units added.
    UnitsAdded(Vec<String>),
    /// Which units are free again, which went for repair, and the bookings this leaves short.
    Returned(super::pool::ReturnReport),
    /// What happened to each of the requests taken in.
    TakenIn(Box<super::exchange::requests::RequestsReport>),
}

impl PoolChange {
    /// Makes the change on `pool`, under every rule. The change is kept as made (with the id it
    /// was finally given), so that replaying it again gives the same result.
    // Inlined so that a page making one kind of change carries only that operation: the match
    // folds away where the variant is known (each page is a WebAssembly chunk of its own).
    #[inline(always)]
    pub fn apply(&mut self, pool: &mut Pool) -> Result<ChangeOutcome, DomainError> {
        match self {
            PoolChange::UpsertTeacher(teacher) => {
                if pool.teacher(&teacher.id) != Some(teacher) {
                    pool.upsert_teacher(teacher.clone());
                }
                Ok(ChangeOutcome::Done)
            }
            PoolChange::CreateBooking { request, by, at } => {
                if request.id.is_empty() {
                    request.id = pool.mint_id()?;
                } else if pool.booking(&request.id).is_some() {
                    request.id = pool.free_booking_id(&request.id);
                }
                let status = pool.create_booking(request.clone(), by.clone(), *at)?;
                pool.note_id(&request.id);
                Ok(ChangeOutcome::Booked { id: request.id.clone(), status })
            }
            PoolChange::Cancel { id, by, at } => {
                pool.cancel(id, by.clone(), None, *at)?;
                Ok(ChangeOutcome::Done)
            }
            PoolChange::Enroll { session, teacher, by } => {
                pool.enroll(session, teacher, by)?;
                Ok(ChangeOutcome::Done)
            }
            PoolChange::Unenroll { session, teacher, by } => {
                pool.unenroll(session, teacher, by)?;
                Ok(ChangeOutcome::Done)
            }
            PoolChange::Replace(state) => {
                // The browser's minter stays: a file never carries one.
                let minter = pool.state().minter.clone();
                *pool = Pool::new(state.as_ref().clone());
                if let Some(minter) = minter {
                    pool.set_minter(minter);
                }
                Ok(ChangeOutcome::Done)
            }
            PoolChange::DeclareIncident { declaration, by, at } => {
                if declaration.id.is_empty() {
                    declaration.id = pool.mint_id()?;
                } else if pool.state().incidents.iter().any(|i| i.id == declaration.id) {
                    let ids = pool.state().incidents.iter().map(|i| i.id.as_str());
                    declaration.id = super::ids::free_id_like(&declaration.id, ids);
                }
                let assessment = pool.declare_incident(declaration.clone(), by.clone(), *at)?;
                pool.note_id(&declaration.id);
                Ok(ChangeOutcome::Declared(assessment))
            }
            PoolChange::Confirm { id, at } => pool.confirm(id, *at).map(|()| ChangeOutcome::Done),
            PoolChange::Refuse { id, reason, at } => pool.refuse(id, reason, *at).map(|()| ChangeOutcome::Done),
            PoolChange::HandOver { id, labels, at } => pool.hand_over(id, labels, *at).map(|()| ChangeOutcome::Done),
            PoolChange::Return { id, returned, at } => {
                pool.return_units(id, returned, *at).map(ChangeOutcome::Returned)
            }
            PoolChange::RecordTraining { teacher, training, completed } => {
                pool.record_training(teacher, training, *completed).map(|()| ChangeOutcome::Done)
            }
            PoolChange::DocumentIncident { id, police_report, quote_cents, at } => {
                pool.document_incident(id, police_report.clone(), *quote_cents, *at).map(|()| ChangeOutcome::Done)
            }
            PoolChange::SettleIncident { id, at } => pool.settle_incident(id, *at).map(|()| ChangeOutcome::Done),
            PoolChange::SetContact(contact) => {
                let contact = contact.trim().to_owned();
                pool.edit(|s| s.settings.contact = contact);
                Ok(ChangeOutcome::Done)
            }
            PoolChange::AnswersSent(sent) => {
                pool.edit(|s| super::exchange::answer::mark_answered(s, sent));
                Ok(ChangeOutcome::Done)
            }
            PoolChange::RequestsSent { teacher } => {
                pool.edit(|s| super::exchange::mark_sent(s, teacher));
                Ok(ChangeOutcome::Done)
            }
            PoolChange::TakeInRequests { requests, author, at } => {
                super::exchange::requests::check_author(requests, author).map_err(ForeignRequest::into_error)?;
                let report = take_in_requests(pool, requests.as_ref().clone(), *at);
                Ok(ChangeOutcome::TakenIn(Box::new(report)))
            }
            PoolChange::EditCatalogue { edit, today } => {
                if let CatalogueEdit::Session(session) = edit {
                    if session.id.is_empty() {
                        session.id = pool.mint_id()?;
                    }
                }
                let added = pool.edit_catalogue(edit, *today)?;
                Ok(if added.is_empty() { ChangeOutcome::Done } else { ChangeOutcome::UnitsAdded(added) })
            }
        }
    }
}

/// A change that could not be made again on a newer state, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Dropped {
    /// The change.
    pub change: PoolChange,
    /// The rule that refused it.
    pub error: DomainError,
}

/// Plays `pending` again, in order, on `pool` (a newer state saved by another tab). Changes the
/// rules now refuse are left out and returned, so the user can be told; the others are kept,
/// possibly with renewed ids, still pending until saved. A booking or incident whose id was
/// taken meanwhile gets a new one, and the later pending changes that name it follow.
pub fn replay(pool: &mut Pool, pending: &mut Vec<PoolChange>) -> Vec<Dropped> {
    let mut dropped = Vec::new();
    let mut renamed: Vec<(String, String)> = Vec::new();
    pending.retain_mut(|change| {
        change.follow(&renamed);
        let before = change.new_id().map(str::to_owned);
        let result = change.apply(pool);
        if let (Some(old), Some(new)) = (before, change.new_id()) {
            if old != new {
                renamed.push((old, new.to_owned()));
            }
        }
        match result {
            Ok(_) => true,
            // Already true on the newer state (the other tab did the same): nothing lost.
            Err(DomainError::AlreadyEnrolled { .. }) => false,
            Err(DomainError::Transition { from, to }) if from == to => false,
            Err(error) => {
                dropped.push(Dropped { change: change.clone(), error });
                false
            }
        }
    });
    dropped
}

impl PoolChange {
    /// The id of the booking or incident this change creates, if it creates one.
    fn new_id(&self) -> Option<&str> {
        match self {
            PoolChange::CreateBooking { request, .. } => Some(&request.id),
            PoolChange::DeclareIncident { declaration, .. } => Some(&declaration.id),
            _ => None,
        }
    }

    /// Points the booking this change names to its new id, if it was renamed.
    fn follow(&mut self, renamed: &[(String, String)]) {
        let booking = match self {
            PoolChange::Cancel { id, .. }
            | PoolChange::Confirm { id, .. }
            | PoolChange::Refuse { id, .. }
            | PoolChange::HandOver { id, .. }
            | PoolChange::Return { id, .. } => Some(id),
            PoolChange::DeclareIncident { declaration, .. } => declaration.booking.as_mut(),
            _ => None,
        };
        if let Some(id) = booking {
            if let Some((_, new)) = renamed.iter().find(|(old, _)| old == id) {
                id.clone_from(new);
            }
        }
    }
}
