//! A teacher's requests as the coordinator takes them in (spec section 5): untrusted. They may
//! only add or cancel that teacher's own requests; every rule runs again against the
//! coordinator's state; a claim of training is checked against the coordinator's records and
//! never trusted. Every request ends in the pool with the outcome the rules give — never
//! dropped — so that the teacher's answer carries it back. Taking in the same requests twice
//! changes nothing the second time.

use crate::domain::booking::{Actor, Booking, BookingStatus, HistoryEntry, Refusal};
use crate::domain::error::DomainError;
use crate::domain::people::{Teacher, TrainingRecord};
use crate::domain::pool::{BookingRequest, Pool, PoolState};
use crate::domain::training::MissingTraining;
use chrono::NaiveDateTime;

/// What a teacher sends: their profile, their bookings, what they say of their trainings and
/// the sessions they enrolled in.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TeacherRequests {
    /// The teacher.
    pub teacher: Teacher,
    /// Their bookings, as their browser knows them.
    pub bookings: Vec<Booking>,
    /// Trainings they say they completed (checked, never trusted).
    pub claimed_trainings: Vec<TrainingRecord>,
    /// Sessions they enrolled in.
    pub enrolments: Vec<String>,
    /// Sessions the coordinator counts or may count them in and they left since (absent from
    /// the outboxes of earlier versions).
    #[serde(default)]
    pub withdrawals: Vec<String>,
    /// The number her browser gave this file (1, 2, 3…: each requests file she sends has a
    /// higher one); 0 in files of earlier versions. The enrolments and withdrawals of a file
    /// older than one already taken in are out of date and ignored.
    #[serde(default)]
    pub sequence: u64,
}

/// What happened to one request of the file.
#[derive(Clone, Debug, PartialEq)]
pub enum RequestOutcome {
    /// New, and valid under every rule: `requested`, or `awaiting_training` on the strength of
    /// an enrolment.
    Added(BookingStatus),
    /// New and kept as `requested`, but a required training is neither recorded nor covered by
    /// an enrolment: the coordinator records it or enrols the teacher, then confirms.
    TrainingToVerify(Vec<MissingTraining>),
    /// New and kept as refused under this rule (R1 quantity, R2 period, R4 agreement...), so
    /// the reason goes back to the teacher.
    RefusedByRule(DomainError),
    /// Known and the same: nothing to do.
    Unchanged,
    /// Cancelled by the teacher since it was sent.
    Cancelled,
    /// Not taken in, for this reason: another teacher's booking in this file, or a request
    /// changed after it was sent.
    Rejected(DomainError),
}

/// One request of the file and what happened to it.
#[derive(Clone, Debug, PartialEq)]
pub struct RequestEntry {
    /// The id the teacher's browser gave it.
    pub id: String,
    /// The id it has in the coordinator's pool: the same, unless another booking already had
    /// it (ids of the first releases could collide); the answer tells the teacher.
    pub kept_as: String,
    /// Its project title.
    pub project: String,
    /// What happened.
    pub outcome: RequestOutcome,
}

/// The outcome of taking in a requests file.
#[derive(Clone, Debug, PartialEq)]
pub struct RequestsReport {
    /// The teacher the file is from, by name.
    pub teacher: String,
    /// One entry per booking of the file.
    pub bookings: Vec<RequestEntry>,
    /// Claimed trainings the coordinator's records do not back (ignored).
    pub unbacked_claims: Vec<String>,
    /// Enrolments added.
    pub enrolled: Vec<String>,
    /// Sessions she withdrew from (her seat is free again).
    pub withdrawn: Vec<String>,
    /// Whether the teacher's profile was added or changed.
    pub teacher_changed: bool,
    /// How the file's number compares with the latest of hers taken in.
    pub order: FileOrder,
}

/// How a requests file's number compares with the latest file of the same teacher taken in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FileOrder {
    /// The same number (the same file again), or a file of an earlier version with none taken
    /// in after it: its enrolments and withdrawals are taken in.
    #[default]
    Same,
    /// Newer than any taken in: its enrolments and withdrawals are taken in, and its number
    /// is kept, so that an older file arriving after it changes no enrolment.
    Newer {
        /// Its number.
        sequence: u64,
    },
    /// Older than one already taken in: its enrolments and withdrawals are out of date and
    /// ignored (its requests are still taken in, each under its own rules).
    Older {
        /// Its number (0 for a file of an earlier version).
        sequence: u64,
        /// The number of the latest file taken in.
        latest: u64,
    },
}

impl RequestsReport {
    /// Whether taking the file in changed anything.
    pub fn changes_nothing(&self) -> bool {
        !self.teacher_changed
            && self.enrolled.is_empty()
            && self.withdrawn.is_empty()
            && !matches!(self.order, FileOrder::Newer { .. })
            && self
                .bookings
                .iter()
                .all(|e| matches!(e.outcome, RequestOutcome::Unchanged | RequestOutcome::Rejected(_)))
    }
}

/// Whether two versions of a booking ask for the same thing (what the teacher controls).
fn same_request(a: &Booking, b: &Booking) -> bool {
    a.lines == b.lines
        && a.start == b.start
        && a.end == b.end
        && a.project == b.project
        && a.class == b.class
        && a.notes == b.notes
}

/// Requests written on the sync server by one account in another teacher's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForeignRequest {
    /// The account that wrote them.
    pub author: String,
    /// The teacher they name.
    pub named: String,
}

impl ForeignRequest {
    /// The rule's error, as the coordinator is told it.
    pub fn into_error(self) -> DomainError {
        DomainError::ForeignRequest { author: self.author, named: self.named }
    }
}

/// Checks that requests which arrived through the sync server were written by the teacher they
/// name: the identity of a request is the signed-in account that wrote it (the server says
/// which), never what its content says. Accounts are teacher ids (e-mail addresses, compared
/// without case, as [`crate::domain::profile`] derives them); every booking in the requests
/// must be the teacher's too.
pub fn check_author(requests: &TeacherRequests, author: &str) -> Result<(), ForeignRequest> {
    let author = crate::domain::profile::teacher_id(author);
    let foreign = requests.teacher.id != author || requests.bookings.iter().any(|b| b.teacher != author);
    if foreign {
        let named = requests.bookings.iter().find(|b| b.teacher != author).map_or(&requests.teacher.id, |b| &b.teacher);
        return Err(ForeignRequest { author, named: named.clone() });
    }
    Ok(())
}

/// Whether a refusal comes from a rule about the request itself (kept as refused, the reason
/// sent back) rather than from who sent it (not taken in at all).
fn refused_by_rule(error: &DomainError) -> bool {
    matches!(
        error,
        DomainError::NotEnoughUnits(_)
            | DomainError::Period(_)
            | DomainError::AgreementNotAccepted { .. }
            | DomainError::UnknownModel(_)
            | DomainError::ZeroQuantity { .. }
            | DomainError::NoLines
            | DomainError::MissingText { .. }
    )
}

/// The sessions the coordinator counts or may count a teacher in, as her browser knows: those
/// her last answer counted her in (acknowledged), and those a file she sent since the last
/// answer reflecting all her files stated her enrolled in.
pub fn counted_or_stated(state: &PoolState) -> impl Iterator<Item = &String> {
    let log = &state.exchange;
    let stated = log.stated_enrolments.iter().filter(|id| !log.acknowledged_enrolments.contains(id));
    log.acknowledged_enrolments.iter().chain(stated)
}

/// The sessions a teacher's requests withdraw her from: those the coordinator counts or may
/// count her in ([`counted_or_stated`]) and she is no longer enrolled in. A withdrawal made
/// before any answer counted her travels too, since the coordinator may have taken in the
/// file that enrolled her.
pub fn withdrawals<'a>(state: &'a PoolState, teacher: &str) -> Vec<&'a str> {
    counted_or_stated(state)
        .filter(|id| state.sessions.iter().any(|s| s.id == **id && !s.enrolled.iter().any(|t| t == teacher)))
        .map(String::as_str)
        .collect()
}

/// The number the teacher's next requests file carries: one more than the last she sent.
pub fn next_sequence(state: &PoolState) -> u64 {
    state.exchange.requests_sequence.saturating_add(1)
}

/// Where a file numbered `sequence` stands against the latest of the teacher's taken in.
fn file_order(sequence: u64, latest: u64) -> FileOrder {
    match sequence.cmp(&latest) {
        std::cmp::Ordering::Greater => FileOrder::Newer { sequence },
        std::cmp::Ordering::Equal => FileOrder::Same,
        std::cmp::Ordering::Less => FileOrder::Older { sequence, latest },
    }
}

/// Takes `requests` into the coordinator's `pool` at `now`. Changes only that teacher's
/// profile, bookings and enrolments (and the log of renamed ids and of her files' numbers).
/// Enrolments come first, so a request made on the strength of an enrolment is awaiting
/// training rather than refused. A request whose id another booking already has gets a new id
/// from the pool's minter. The enrolments and withdrawals of a file older than one of hers
/// already taken in are out of date: ignored, whatever the order the files arrive in.
pub fn take_in_requests(pool: &mut Pool, requests: TeacherRequests, now: NaiveDateTime) -> RequestsReport {
    let teacher_id = requests.teacher.id.clone();
    let by = Actor::Teacher(teacher_id.clone());
    let teacher_changed = pool.teacher(&teacher_id) != Some(&requests.teacher);
    if teacher_changed {
        pool.upsert_teacher(requests.teacher.clone());
    }
    let order = file_order(requests.sequence, pool.state().exchange.requests_taken_from(&teacher_id));
    let (mut enrolled, mut withdrawn) = (Vec::new(), Vec::new());
    if !matches!(order, FileOrder::Older { .. }) {
        for session in requests.withdrawals.iter().filter(|s| !requests.enrolments.contains(s)) {
            // Already gone, or never there: nothing to withdraw.
            if pool.unenroll(session, &teacher_id, &by).is_ok() {
                withdrawn.push(session.clone());
            }
        }
        for session in requests.enrolments {
            if pool.enroll(&session, &teacher_id, &by).is_ok() {
                enrolled.push(session);
            }
        }
    }
    if let FileOrder::Newer { sequence } = order {
        pool.edit(|s| {
            let taken = &mut s.exchange.requests_taken;
            match taken.iter_mut().find(|(t, _)| *t == teacher_id) {
                Some(entry) => entry.1 = sequence,
                None => taken.push((teacher_id.clone(), sequence)),
            }
        });
    }
    let mut bookings = Vec::new();
    for sent in requests.bookings {
        let (kept_as, outcome) = take_in_booking(pool, &sent, &teacher_id, &by, now);
        bookings.push(RequestEntry { id: sent.id, kept_as, project: sent.project, outcome });
    }
    let unbacked_claims = requests
        .claimed_trainings
        .iter()
        .filter(|claim| claim.teacher == teacher_id)
        .filter(|claim| !pool.state().records.iter().any(|r| r.teacher == teacher_id && r.training == claim.training))
        .map(|claim| claim.training.clone())
        .collect();
    RequestsReport {
        teacher: requests.teacher.name,
        bookings,
        unbacked_claims,
        enrolled,
        withdrawn,
        teacher_changed,
        order,
    }
}

/// The id a request sent as `sent` was kept under, if it was renamed.
fn renamed_to(pool: &Pool, teacher: &str, sent: &str) -> Option<String> {
    pool.state().exchange.renamed.iter().find(|(t, s, _)| t == teacher && s == sent).map(|(_, _, kept)| kept.clone())
}

fn take_in_booking(
    pool: &mut Pool,
    sent: &Booking,
    teacher: &str,
    by: &Actor,
    now: NaiveDateTime,
) -> (String, RequestOutcome) {
    if sent.teacher != teacher {
        // Another teacher's booking in this teacher's file: never touched.
        return (sent.id.clone(), RequestOutcome::Rejected(DomainError::NotAllowed { actor: by.clone() }));
    }
    let mut id = renamed_to(pool, teacher, &sent.id).unwrap_or_else(|| sent.id.clone());
    if let Some(known) = pool.booking(&id).cloned() {
        let hers = known.teacher == teacher;
        let from_her = known.history.first().is_some_and(|h| h.by == *by);
        if hers && same_request(&known, sent) {
            return (id, take_in_cancellation(pool, &known, sent, by, now));
        }
        if hers && from_her {
            // A request is not changed once sent: the teacher cancels and books again.
            let error = DomainError::Transition { from: known.status, to: BookingStatus::Requested };
            return (id, RequestOutcome::Rejected(error));
        }
        // Another booking has this id (the coordinator's, or another teacher's, under an id of
        // the first releases): this request is a different one and is kept under a new id.
        id = match pool.mint_id() {
            Ok(id) => id,
            Err(error) => return (sent.id.clone(), RequestOutcome::Rejected(error)),
        };
        pool.edit(|s| s.exchange.renamed.push((teacher.to_owned(), sent.id.clone(), id.clone())));
    }
    let request = BookingRequest {
        id: id.clone(),
        teacher: teacher.to_owned(),
        lines: sent.lines.clone(),
        start: sent.start,
        end: sent.end,
        project: sent.project.clone(),
        class: sent.class.clone(),
        notes: sent.notes.clone(),
        agreement_version: sent.agreement_version.clone(),
        override_reason: None,
    };
    // The teacher's own entry keeps the time her browser gave it.
    let asked_at = sent.history.first().filter(|h| h.by == *by).map_or(now, |h| h.at);
    let asked = |status| HistoryEntry { at: asked_at, by: by.clone(), status, reason: None, rule: None };
    if sent.status == BookingStatus::Cancelled {
        // Cancelled before it was ever sent: kept as cancelled, so both sides tell the same
        // story; it holds nothing.
        let cancelled_at =
            sent.history.iter().rev().find(|h| h.status == BookingStatus::Cancelled).map_or(now, |h| h.at);
        let cancelled = HistoryEntry { at: cancelled_at, ..asked(BookingStatus::Cancelled) };
        let first = sent.history.first().map_or(BookingStatus::Requested, |h| h.status);
        pool.insert_booking(request, BookingStatus::Cancelled, vec![asked(first), cancelled]);
        return (id, RequestOutcome::Cancelled);
    }
    let outcome = match pool.check_request(&request, by, now.date(), true) {
        Ok(check) => {
            pool.insert_booking(request, check.status, vec![asked(check.status)]);
            if check.training_to_verify.is_empty() {
                RequestOutcome::Added(check.status)
            } else {
                RequestOutcome::TrainingToVerify(check.training_to_verify)
            }
        }
        Err(error) if refused_by_rule(&error) => {
            let refusal = HistoryEntry {
                at: now,
                by: Actor::Coordinator,
                status: BookingStatus::Refused,
                reason: None,
                rule: Some(Refusal::of(&error)),
            };
            pool.insert_booking(request, BookingStatus::Refused, vec![asked(BookingStatus::Requested), refusal]);
            RequestOutcome::RefusedByRule(error)
        }
        Err(error) => RequestOutcome::Rejected(error),
    };
    (id, outcome)
}

/// A request known and unchanged: cancelled if the teacher cancelled it since, else nothing.
fn take_in_cancellation(
    pool: &mut Pool,
    known: &Booking,
    sent: &Booking,
    by: &Actor,
    now: NaiveDateTime,
) -> RequestOutcome {
    if sent.status != BookingStatus::Cancelled || !known.status.can_become(BookingStatus::Cancelled) {
        return RequestOutcome::Unchanged;
    }
    let at = sent.history.iter().rev().find(|h| h.status == BookingStatus::Cancelled).map_or(now, |h| h.at);
    match pool.cancel(&known.id, by.clone(), None, at) {
        Ok(()) => RequestOutcome::Cancelled,
        Err(e) => RequestOutcome::Rejected(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testkit::{now, request, state};
    use crate::test_dates::d;

    fn coordinator() -> Pool {
        let mut pool = Pool::new(state());
        pool.set_minter(crate::domain::IdMinter::from_random(42));
        pool
    }

    fn ana_sends(pool: &Pool) -> TeacherRequests {
        let mut teacher_side = pool.clone();
        let r = request("b-1", "ana", &[("bluebot", 1)], d(2026, 10, 5), d(2026, 10, 9));
        if let Err(e) = teacher_side.create_booking(r, Actor::Teacher("ana".into()), now()) {
            panic!("{e}");
        }
        let blocked = request("b-2", "ana", &[("casque", 1)], d(2026, 10, 5), d(2026, 10, 9));
        let mut bookings: Vec<Booking> = teacher_side.state().bookings.clone();
        // A booking the teacher's browser could not make (no VR training): sent anyway.
        let mut untrained = bookings[0].clone();
        untrained.id = blocked.id;
        untrained.lines = blocked.lines;
        bookings.push(untrained);
        let mut other = bookings[0].clone();
        other.id = "b-3".into();
        other.teacher = "ben".into();
        bookings.push(other);
        let mut too_many = bookings[0].clone();
        too_many.id = "b-4".into();
        too_many.lines[0].quantity = 5;
        bookings.push(too_many);
        TeacherRequests {
            teacher: pool.teacher("ana").cloned().unwrap_or_else(|| panic!("ana is in the fixture")),
            bookings,
            claimed_trainings: vec![
                TrainingRecord { teacher: "ana".into(), training: "f-rob".into(), completed: d(2025, 6, 1) },
                TrainingRecord { teacher: "ana".into(), training: "f-rv".into(), completed: d(2026, 1, 1) },
            ],
            enrolments: vec!["s-rob-2".into()],
            withdrawals: Vec::new(),
            sequence: 0,
        }
    }

    #[test]
    fn every_request_is_kept_with_the_outcome_of_the_rules_and_a_second_time_changes_nothing() {
        let mut coordinator = coordinator();
        let sent = ana_sends(&coordinator);
        let report = take_in_requests(&mut coordinator, sent.clone(), now());
        let outcome = |i: usize| report.bookings[i].outcome.clone();
        assert_eq!(outcome(0), RequestOutcome::Added(BookingStatus::Requested));
        assert!(matches!(outcome(1), RequestOutcome::TrainingToVerify(ref m) if m[0].training == "f-rv"));
        assert!(matches!(outcome(2), RequestOutcome::Rejected(DomainError::NotAllowed { .. })), "ben's");
        assert!(matches!(outcome(3), RequestOutcome::RefusedByRule(DomainError::NotEnoughUnits(_))));
        assert_eq!(report.unbacked_claims, vec!["f-rv".to_owned()], "the VR claim is not backed");
        assert_eq!(report.enrolled, vec!["s-rob-2".to_owned()]);
        assert!(coordinator.booking("b-3").is_none(), "another teacher's booking is never taken in");
        assert_eq!(coordinator.booking("b-2").map(|b| b.status), Some(BookingStatus::Requested), "kept, to verify");
        let refused = coordinator.booking("b-4").and_then(|b| b.refusal()).and_then(|h| h.rule.as_ref()?.error());
        assert!(matches!(refused, Some(DomainError::NotEnoughUnits(s)) if s[0].free == 1));
        assert!(!coordinator.state().records.iter().any(|r| r.training == "f-rv"), "claims are never recorded");

        let before = coordinator.state().clone();
        let again = take_in_requests(&mut coordinator, sent.clone(), now());
        assert!(again.changes_nothing(), "{again:?}");
        assert_eq!(coordinator.state(), &before);

        let mut cancelled = sent;
        cancelled.bookings[0].status = BookingStatus::Cancelled;
        let report = take_in_requests(&mut coordinator, cancelled, now());
        assert_eq!(report.bookings[0].outcome, RequestOutcome::Cancelled);
        assert_eq!(coordinator.booking("b-1").map(|b| b.status), Some(BookingStatus::Cancelled));
    }

    #[test]
    fn an_enrolment_sent_with_the_request_makes_it_await_the_training() {
        let mut coordinator = coordinator();
        // dana has no robotics training; she enrolled in the session of 5 October.
        let mut teacher_side = coordinator.clone();
        if let Err(e) = teacher_side.enroll("s-rob-1", "dana", &Actor::Teacher("dana".into())) {
            panic!("{e}");
        }
        let r = request("d-1", "dana", &[("thymio", 2)], d(2026, 11, 2), d(2026, 11, 6));
        if let Err(e) = teacher_side.create_booking(r, Actor::Teacher("dana".into()), now()) {
            panic!("{e}");
        }
        let sent = TeacherRequests {
            teacher: teacher_side.teacher("dana").cloned().unwrap_or_else(|| panic!("dana")),
            bookings: teacher_side.state().bookings.clone(),
            claimed_trainings: Vec::new(),
            enrolments: vec!["s-rob-1".into()],
            withdrawals: Vec::new(),
            sequence: 0,
        };
        let report = take_in_requests(&mut coordinator, sent, now());
        assert_eq!(report.bookings[0].outcome, RequestOutcome::Added(BookingStatus::AwaitingTraining));
    }

    #[test]
    fn a_request_whose_id_another_booking_has_is_kept_under_a_new_id_once() {
        let mut coordinator = coordinator();
        // The coordinator booked for ana under an id of the first releases...
        let mine = request("ana-1", "ana", &[("bluebot", 1)], d(2026, 10, 5), d(2026, 10, 9));
        if let Err(e) = coordinator.create_booking(mine, Actor::Coordinator, now()) {
            panic!("{e}");
        }
        // ... which ana's browser also gave her own, other request.
        let mut teacher_side = Pool::new(state());
        let hers = request("ana-1", "ana", &[("thymio", 1)], d(2026, 11, 2), d(2026, 11, 6));
        if let Err(e) = teacher_side.create_booking(hers, Actor::Teacher("ana".into()), now()) {
            panic!("{e}");
        }
        let sent = TeacherRequests {
            teacher: teacher_side.teacher("ana").cloned().unwrap_or_else(|| panic!("ana")),
            bookings: teacher_side.state().bookings.clone(),
            claimed_trainings: Vec::new(),
            enrolments: Vec::new(),
            withdrawals: Vec::new(),
            sequence: 0,
        };
        let report = take_in_requests(&mut coordinator, sent.clone(), now());
        let kept = report.bookings[0].kept_as.clone();
        assert_ne!(kept, "ana-1");
        assert_eq!(report.bookings[0].outcome, RequestOutcome::Added(BookingStatus::Requested));
        assert_eq!(coordinator.booking("ana-1").map(|b| b.lines[0].model.as_str()), Some("bluebot"), "untouched");
        assert_eq!(coordinator.booking(&kept).map(|b| b.lines[0].model.as_str()), Some("thymio"));
        let again = take_in_requests(&mut coordinator, sent, now());
        assert!(again.changes_nothing(), "{again:?}");
        assert_eq!(again.bookings[0].kept_as, kept);
    }
}
