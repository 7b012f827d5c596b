//! A teacher's requests as the coordinator takes them in (spec section 5): untrusted. They may
//! only add or update that teacher's own requests; every rule runs again against the
//! coordinator's state; a claim of training is checked against the coordinator's records and
//! never trusted. Taking in the same requests twice changes nothing the second time.

use super::booking::{Actor, Booking, BookingStatus};
use super::error::DomainError;
use super::people::{Teacher, TrainingRecord};
use super::pool::{BookingRequest, Pool};
use chrono::NaiveDateTime;

/// What a teacher sends: their profile, their bookings, what they say of their trainings and
/// the sessions they enrolled in.
#[derive(Clone, Debug, PartialEq)]
pub struct TeacherRequests {
    /// The teacher.
    pub teacher: Teacher,
    /// Their bookings, as their browser knows them.
    pub bookings: Vec<Booking>,
    /// Trainings they say they completed (checked, never trusted).
    pub claimed_trainings: Vec<TrainingRecord>,
    /// Sessions they enrolled in.
    pub enrolments: Vec<String>,
}

/// What happened to one booking of the file.
#[derive(Clone, Debug, PartialEq)]
pub enum RequestOutcome {
    /// New: created under every rule, with the status the rules give.
    Added(BookingStatus),
    /// Known and the same: nothing to do.
    Unchanged,
    /// Cancelled by the teacher since it was sent.
    Cancelled,
    /// Refused, with the rule's reason; nothing changed for it.
    Rejected(DomainError),
}

/// The outcome of taking in a requests file.
#[derive(Clone, Debug, PartialEq)]
pub struct RequestsReport {
    /// One entry per booking of the file: its id and what happened.
    pub bookings: Vec<(String, RequestOutcome)>,
    /// Claimed trainings the coordinator's records do not back (ignored).
    pub unbacked_claims: Vec<String>,
    /// Enrolments added.
    pub enrolled: Vec<String>,
    /// Whether the teacher's profile was added or changed.
    pub teacher_changed: bool,
}

impl RequestsReport {
    /// Whether taking the file in changed anything.
    pub fn changes_nothing(&self) -> bool {
        !self.teacher_changed
            && self.enrolled.is_empty()
            && self.bookings.iter().all(|(_, o)| matches!(o, RequestOutcome::Unchanged | RequestOutcome::Rejected(_)))
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

/// Takes `requests` into the coordinator's `pool` at `now`. Changes only that teacher's
/// profile, bookings and enrolments.
pub fn take_in_requests(pool: &mut Pool, requests: TeacherRequests, now: NaiveDateTime) -> RequestsReport {
    let teacher_id = requests.teacher.id.clone();
    let by = Actor::Teacher(teacher_id.clone());
    let teacher_changed = pool.teacher(&teacher_id) != Some(&requests.teacher);
    if teacher_changed {
        pool.upsert_teacher(requests.teacher.clone());
    }
    let mut bookings = Vec::new();
    for sent in requests.bookings {
        let outcome = take_in_booking(pool, &sent, &teacher_id, &by, now);
        bookings.push((sent.id, outcome));
    }
    let unbacked_claims = requests
        .claimed_trainings
        .iter()
        .filter(|claim| claim.teacher == teacher_id)
        .filter(|claim| !pool.state().records.iter().any(|r| r.teacher == teacher_id && r.training == claim.training))
        .map(|claim| claim.training.clone())
        .collect();
    let mut enrolled = Vec::new();
    for session in requests.enrolments {
        if pool.enroll(&session, &teacher_id, &by).is_ok() {
            enrolled.push(session);
        }
    }
    RequestsReport { bookings, unbacked_claims, enrolled, teacher_changed }
}

fn take_in_booking(pool: &mut Pool, sent: &Booking, teacher: &str, by: &Actor, now: NaiveDateTime) -> RequestOutcome {
    if sent.teacher != teacher {
        // Another teacher's booking in this teacher's file: never touched.
        return RequestOutcome::Rejected(DomainError::NotAllowed { actor: by.clone() });
    }
    if let Some(known) = pool.booking(&sent.id).cloned() {
        if known.teacher != teacher {
            return RequestOutcome::Rejected(DomainError::NotAllowed { actor: by.clone() });
        }
        if sent.status == BookingStatus::Cancelled && known.status != BookingStatus::Cancelled {
            return match pool.cancel(&sent.id, by.clone(), None, now) {
                Ok(()) => RequestOutcome::Cancelled,
                Err(e) => RequestOutcome::Rejected(e),
            };
        }
        return if same_request(&known, sent) {
            RequestOutcome::Unchanged
        } else {
            // A request is not changed once sent: the teacher cancels and books again.
            RequestOutcome::Rejected(DomainError::Transition { from: known.status, to: BookingStatus::Requested })
        };
    }
    if sent.status == BookingStatus::Cancelled {
        return RequestOutcome::Unchanged;
    }
    let request = BookingRequest {
        id: sent.id.clone(),
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
    match pool.create_booking(request, by.clone(), now) {
        Ok(status) => RequestOutcome::Added(status),
        Err(e) => RequestOutcome::Rejected(e),
    }
}

/// The id under which a booking is shown to everyone (a `catalogue` file's occupancy): the id
/// itself, unless it holds an e-mail address (ids of the first releases did), which is then
/// replaced by a hash of it, so the file carries no personal data and the teacher's browser,
/// which knows the id, still recognises its bookings.
pub fn public_booking_id(id: &str) -> String {
    if !id.contains('@') {
        return id.to_owned();
    }
    // FNV-1a, 64 bits: stable across builds and platforms.
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    format!("h{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testkit::{now, request, state};
    use crate::test_dates::d;

    fn ana_sends(pool: &Pool) -> TeacherRequests {
        let mut teacher_side = pool.clone();
        let r = request("b-1", "ana", &[("bluebot", 1)], d(2026, 10, 5), d(2026, 10, 9));
        if let Err(e) = teacher_side.create_booking(r, Actor::Teacher("ana".into()), now()) {
            panic!("{e}");
        }
        let blocked = request("b-2", "ana", &[("casque", 1)], d(2026, 10, 5), d(2026, 10, 9));
        let mut bookings: Vec<Booking> = teacher_side.state().bookings.clone();
        // A booking the teacher's browser could not make (no VR training): sent anyway.
        let mut forged = bookings[0].clone();
        forged.id = blocked.id;
        forged.lines = blocked.lines;
        bookings.push(forged);
        let mut other = bookings[0].clone();
        other.id = "b-3".into();
        other.teacher = "ben".into();
        bookings.push(other);
        TeacherRequests {
            teacher: pool.teacher("ana").cloned().unwrap_or_else(|| panic!("ana is in the fixture")),
            bookings,
            claimed_trainings: vec![
                TrainingRecord { teacher: "ana".into(), training: "f-rob".into(), completed: d(2025, 6, 1) },
                TrainingRecord { teacher: "ana".into(), training: "f-rv".into(), completed: d(2026, 1, 1) },
            ],
            enrolments: vec!["s-rob-2".into()],
        }
    }

    #[test]
    fn requests_are_taken_in_under_every_rule_and_a_second_time_change_nothing() {
        let mut coordinator = Pool::new(state());
        let sent = ana_sends(&coordinator);
        let report = take_in_requests(&mut coordinator, sent.clone(), now());
        assert_eq!(report.bookings[0], ("b-1".into(), RequestOutcome::Added(BookingStatus::Requested)));
        assert!(matches!(report.bookings[1].1, RequestOutcome::Rejected(DomainError::TrainingMissing(_))));
        assert!(matches!(report.bookings[2].1, RequestOutcome::Rejected(DomainError::NotAllowed { .. })), "ben's");
        assert_eq!(report.unbacked_claims, vec!["f-rv".to_owned()], "the VR claim is not backed");
        assert_eq!(report.enrolled, vec!["s-rob-2".to_owned()]);
        assert!(coordinator.booking("b-3").is_none() && coordinator.booking("b-2").is_none());
        assert!(!coordinator.state().records.iter().any(|r| r.training == "f-rv"), "claims are never recorded");

        let before = coordinator.state().clone();
        let again = take_in_requests(&mut coordinator, sent.clone(), now());
        assert!(again.changes_nothing(), "{again:?}");
        assert_eq!(coordinator.state(), &before);

        let mut cancelled = sent;
        cancelled.bookings[0].status = BookingStatus::Cancelled;
        let report = take_in_requests(&mut coordinator, cancelled, now());
        assert_eq!(report.bookings[0].1, RequestOutcome::Cancelled);
        assert_eq!(coordinator.booking("b-1").map(|b| b.status), Some(BookingStatus::Cancelled));
    }

    #[test]
    fn public_ids_hide_e_mail_addresses_and_keep_other_ids() {
        assert_eq!(public_booking_id("b7x2k9-3"), "b7x2k9-3");
        let hidden = public_booking_id("anne.martin@ac-lyon.fr-2");
        assert!(!hidden.contains("anne") && hidden.starts_with('h') && hidden.len() == 17);
        assert_eq!(hidden, public_booking_id("anne.martin@ac-lyon.fr-2"), "stable");
        assert_ne!(hidden, public_booking_id("anne.martin@ac-lyon.fr-3"));
    }
}
