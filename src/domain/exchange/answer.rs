//! The coordinator's private answer to one teacher (the `answer` file): her bookings with their
//! status, full history, refusal reasons and units handed over; her training records and
//! enrolments; the seats of every session. Only for her: it names no other teacher.

use super::Adopted;
use crate::domain::booking::{Actor, Booking, BookingStatus};
use crate::domain::people::{Teacher, TrainingRecord};
use crate::domain::pool::PoolState;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// The seats of one session as one teacher may know them: whether she is enrolled, and how
/// many others are (never who).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionSeats {
    /// The session.
    pub session: String,
    /// Whether she is enrolled.
    #[serde(default)]
    pub enrolled: bool,
    /// Seats taken by other people.
    #[serde(default)]
    pub others: u16,
}

/// What the coordinator tells one teacher.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeacherAnswer {
    /// When the coordinator produced it (the coordinator's clock: the one clock every answer
    /// of a pool is read by), so an answer arriving after a newer one is not taken in.
    #[serde(with = "crate::domain::iso::datetime")]
    pub at: NaiveDateTime,
    /// The teacher, as the coordinator knows her.
    pub teacher: Teacher,
    /// Every booking of hers, with status, history (refusal reasons included) and units.
    #[serde(default)]
    pub bookings: Vec<Booking>,
    /// Requests kept under another id than her browser gave them: (id sent, id kept).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub renamed: Vec<(String, String)>,
    /// Her training records, the coordinator's (authoritative; validity from the catalogue).
    #[serde(default)]
    pub records: Vec<TrainingRecord>,
    /// Every session's seats.
    #[serde(default)]
    pub sessions: Vec<SessionSeats>,
    /// The number of the latest requests file of hers the coordinator had taken in (0: none
    /// numbered, or an answer of an earlier version): her browser knows which of the files
    /// it sent the answer reflects.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub requests_taken: u64,
}

/// Whether a number is zero (left out of the file).
fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// The answer for teacher `teacher` from the coordinator's state at `at`, or `None` for an
/// unknown teacher.
pub fn answer_for(state: &PoolState, teacher: &str, at: NaiveDateTime) -> Option<TeacherAnswer> {
    let who = state.teachers.iter().find(|t| t.id == teacher)?.clone();
    Some(TeacherAnswer {
        at,
        teacher: who,
        bookings: state.bookings.iter().filter(|b| b.teacher == teacher).cloned().collect(),
        renamed: state
            .exchange
            .renamed
            .iter()
            .filter(|(t, _, _)| t == teacher)
            .map(|(_, sent, kept)| (sent.clone(), kept.clone()))
            .collect(),
        records: state.records.iter().filter(|r| r.teacher == teacher).cloned().collect(),
        sessions: state
            .sessions
            .iter()
            .map(|s| {
                let enrolled = s.enrolled.iter().any(|t| t == teacher);
                SessionSeats { session: s.id.clone(), enrolled, others: s.taken() - u16::from(enrolled) }
            })
            .collect(),
        requests_taken: state.exchange.requests_taken_from(teacher),
    })
}

/// A fingerprint of an answer's content, whenever produced (FNV-1a over its JSON form): equal
/// answers, equal fingerprints, on every platform and build. The number of the latest file
/// taken in is left out: a file that changed nothing is no news for her.
pub fn fingerprint(answer: &TeacherAnswer) -> u64 {
    let timeless = TeacherAnswer { at: NaiveDateTime::default(), requests_taken: 0, ..answer.clone() };
    // Plain data with string keys: serialising it cannot fail.
    let text = serde_json::to_string(&timeless).unwrap_or_default();
    text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Whether a teacher has something to be told: a booking, a record or an enrolment, a
/// numbered requests file of hers taken in, or an answer produced before (her withdrawal from
/// her only session is news for her: her browser learns it was taken in).
fn has_dealings(state: &PoolState, teacher: &str) -> bool {
    state.bookings.iter().any(|b| b.teacher == teacher)
        || state.records.iter().any(|r| r.teacher == teacher)
        || state.sessions.iter().any(|s| s.enrolled.iter().any(|t| t == teacher))
        || state.exchange.requests_taken_from(teacher) > 0
        || state.exchange.answered.iter().any(|(t, _)| t == teacher)
}

/// The teachers whose answer differs from the last one produced for them (or who never got
/// one), with their answer at `at` and its fingerprint, in the order of the teachers' list.
pub fn answers_with_news(state: &PoolState, at: NaiveDateTime) -> Vec<(TeacherAnswer, u64)> {
    state
        .teachers
        .iter()
        .filter(|t| has_dealings(state, &t.id))
        .filter_map(|t| answer_for(state, &t.id, at))
        .map(|a| {
            let print = fingerprint(&a);
            (a, print)
        })
        .filter(|(a, print)| !state.exchange.answered.iter().any(|(t, p)| *t == a.teacher.id && p == print))
        .collect()
}

/// Records that these answers were produced (teacher, fingerprint).
pub fn mark_answered(state: &mut PoolState, sent: &[(String, u64)]) {
    for (teacher, print) in sent {
        match state.exchange.answered.iter_mut().find(|(t, _)| t == teacher) {
            Some(entry) => entry.1 = *print,
            None => state.exchange.answered.push((teacher.clone(), *print)),
        }
    }
}

/// Why an answer cannot be adopted in this browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    /// This browser has no teacher profile yet.
    NoProfile,
    /// The answer is another teacher's (her name).
    NotYours(String),
    /// An answer produced before the one already taken in (when that one was produced): by
    /// the coordinator's clock, or because it reflects fewer of her requests files.
    Older(NaiveDateTime),
}

/// What adopting an answer changes, for the preview.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnswerReport {
    /// Bookings whose status changes: id, project, from, to.
    pub status_changes: Vec<(String, String, BookingStatus, BookingStatus)>,
    /// Bookings new to this browser (made by the coordinator on her behalf): id and project.
    pub new_bookings: Vec<(String, String)>,
    /// Training records added (training ids).
    pub records_added: Vec<String>,
    /// Her cancellations not yet known to the coordinator, kept (ids).
    pub kept_cancellations: Vec<String>,
    /// Sessions the coordinator now counts her seat in, where her browser did not know it yet
    /// (session ids): her enrolment was taken in.
    pub seats_counted: Vec<String>,
    /// Sessions she left which the coordinator no longer counts her in (session ids): her
    /// withdrawal was taken in.
    pub withdrawals_taken: Vec<String>,
    /// Sessions the coordinator enrolled her in (session ids).
    pub enrolled_by_coordinator: Vec<String>,
    /// Sessions the coordinator withdrew her from, where she was enrolled (session ids).
    pub withdrawn_by_coordinator: Vec<String>,
}

/// The teacher's state after adopting her answer: each of her bookings as the coordinator has
/// it, with the renamed ones renamed first; bookings new to her browser added; a cancellation
/// she made since, which the coordinator has not seen, played again on top; her requests not
/// yet taken in kept; her records as the coordinator's; seats as the coordinator counts them,
/// her own enrolments not yet sent kept, and the sessions she left since the coordinator last
/// counted her (or since a file of hers said she was in) kept left. An answer reflecting every
/// file she sent ([`TeacherAnswer::requests_taken`]) tells where she stands: the enrolments her
/// files stated are then settled. Adopting the same answer twice gives the same state.
pub fn adopt_answer(
    current: &PoolState,
    answer: TeacherAnswer,
    me: Option<&str>,
) -> Result<(Adopted, AnswerReport), AnswerError> {
    let me = me.ok_or(AnswerError::NoProfile)?;
    if answer.teacher.id != me {
        return Err(AnswerError::NotYours(answer.teacher.name));
    }
    if let Some(last) = current.exchange.answer_at.filter(|last| answer.at < *last) {
        return Err(AnswerError::Older(last));
    }
    if answer.requests_taken < current.exchange.answer_requests_taken {
        // Produced before the coordinator took in a file of hers that the last one reflected
        // (the coordinators' clocks need not agree).
        return Err(AnswerError::Older(current.exchange.answer_at.unwrap_or(answer.at)));
    }
    let mut next = current.clone();
    next.exchange.answer_at = Some(answer.at);
    next.exchange.answer_requests_taken = answer.requests_taken;
    let mut report = AnswerReport::default();
    for (sent, kept) in &answer.renamed {
        if next.bookings.iter().any(|b| b.id == *kept) {
            continue;
        }
        if let Some(b) = next.bookings.iter_mut().find(|b| b.id == *sent && b.teacher == me) {
            b.id.clone_from(kept);
        }
    }
    let own = Actor::Teacher(me.to_owned());
    for theirs in answer.bookings {
        let Some(local) = next.bookings.iter_mut().find(|b| b.id == theirs.id) else {
            report.new_bookings.push((theirs.id.clone(), theirs.project.clone()));
            next.bookings.push(theirs);
            continue;
        };
        let cancelled_since = local.status == BookingStatus::Cancelled
            && theirs.status != BookingStatus::Cancelled
            && theirs.status.can_become(BookingStatus::Cancelled);
        let mut merged = theirs;
        if cancelled_since {
            if let Some(entry) =
                local.history.iter().rev().find(|h| h.status == BookingStatus::Cancelled && h.by == own).cloned()
            {
                merged.status = BookingStatus::Cancelled;
                merged.history.push(entry);
                report.kept_cancellations.push(merged.id.clone());
            }
        }
        if merged.status != local.status {
            report.status_changes.push((merged.id.clone(), merged.project.clone(), local.status, merged.status));
        }
        *local = merged;
    }
    for record in &answer.records {
        if !next.records.contains(record) {
            report.records_added.push(record.training.clone());
        }
    }
    next.records.retain(|r| r.teacher != me);
    next.records.extend(answer.records);
    // Sessions she left since the coordinator last counted her, or since a file of hers said
    // she was in: the withdrawal stays pending (counted or stated, not enrolled) until an
    // answer no longer counts her.
    let left: Vec<String> = super::requests::withdrawals(&next, me).into_iter().map(str::to_owned).collect();
    let counted_before: Vec<String> = next.exchange.acknowledged_enrolments.clone();
    let reflects_all = answer.requests_taken >= current.exchange.requests_sequence;
    next.exchange.acknowledged_enrolments.clear();
    for seats in &answer.sessions {
        let Some(session) = next.sessions.iter_mut().find(|s| s.id == seats.session) else { continue };
        let id = &seats.session;
        let pending = session.enrolled.iter().any(|t| t == me);
        // Her last file said she was in, the coordinator had it and does not count her: it
        // withdrew her (or the session was full). An enrolment made since is not sent yet.
        let sent_in = current.exchange.enrolments_sent.contains(id);
        let settled_out = pending && !seats.enrolled && sent_in && reflects_all;
        let now_in = (seats.enrolled && !left.contains(id)) || (pending && !settled_out);
        session.enrolled.retain(|t| t != me);
        if now_in {
            session.enrolled.push(me.to_owned());
        }
        if seats.enrolled {
            next.exchange.acknowledged_enrolments.push(id.clone());
            if pending && !counted_before.contains(id) {
                report.seats_counted.push(id.clone());
            }
        } else if left.contains(id) && (counted_before.contains(id) || reflects_all) {
            report.withdrawals_taken.push(id.clone());
        }
        if settled_out {
            report.withdrawn_by_coordinator.push(id.clone());
        }
        if now_in && !pending {
            report.enrolled_by_coordinator.push(id.clone());
        }
        session.others = seats.others;
    }
    if reflects_all {
        // It reflects every file she sent: what they stated is settled.
        next.exchange.stated_enrolments.clear();
    }
    let ids: Vec<&str> = next.bookings.iter().map(|b| b.id.as_str()).collect();
    let occupancy =
        next.occupancy.iter().filter(|o| o.id.is_empty() || !ids.contains(&o.id.as_str())).cloned().collect();
    next.occupancy = occupancy;
    Ok((Adopted::checked(next), report))
}
