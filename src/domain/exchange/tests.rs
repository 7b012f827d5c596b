//! The round trip on the domain alone, as a property: a coordinator and two teachers, each in
//! a browser of their own, make random operations and exchange their messages (requests,
//! answers, the published catalogue) late, twice and out of order. Afterwards no request is
//! lost, ids are unique, no day is overbooked (counted independently of the index), and each
//! teacher's view of her bookings equals the coordinator's.

use super::answer::{adopt_answer, answers_with_news, TeacherAnswer};
use super::requests::{take_in_requests, TeacherRequests};
use super::{adopt_catalogue, publish};
use crate::domain::testkit::{at, d, now, state};
use crate::domain::{
    Actor, Booking, BookingLine, BookingRequest, BookingStatus, IdMinter, Pool, PoolChange, PoolState,
};
use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use std::collections::{BTreeMap, HashSet};

const TEACHERS: [&str; 2] = ["ana", "dana"];
const MODELS: [&str; 2] = ["bluebot", "thymio"];
/// Mondays of school weeks, well after the fixtures' "now" (1 September 2026).
const WEEKS: [(u32, u32); 4] = [(10, 5), (11, 16), (11, 23), (12, 7)];

#[derive(Clone, Debug)]
enum Op {
    Book { teacher: usize, model: usize, quantity: u32, week: usize },
    Cancel { teacher: usize, pick: usize },
    Enrol { teacher: usize },
    Send { teacher: usize },
    TakeIn { pick: usize, keep: bool },
    Decide { pick: usize, confirm: bool },
    RecordTraining { teacher: usize },
    Answer,
    Deliver { teacher: usize, pick: usize, keep: bool },
    Publish,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..2usize, 0..2usize, 1..4u32, 0..4usize)
            .prop_map(|(teacher, model, quantity, week)| Op::Book { teacher, model, quantity, week }),
        1 => (0..2usize, any::<usize>()).prop_map(|(teacher, pick)| Op::Cancel { teacher, pick }),
        1 => (0..2usize).prop_map(|teacher| Op::Enrol { teacher }),
        3 => (0..2usize).prop_map(|teacher| Op::Send { teacher }),
        3 => (any::<usize>(), any::<bool>()).prop_map(|(pick, keep)| Op::TakeIn { pick, keep }),
        2 => (any::<usize>(), any::<bool>()).prop_map(|(pick, confirm)| Op::Decide { pick, confirm }),
        1 => (0..2usize).prop_map(|teacher| Op::RecordTraining { teacher }),
        2 => Just(Op::Answer),
        3 => (0..2usize, any::<usize>(), any::<bool>()).prop_map(|(teacher, pick, keep)| Op::Deliver { teacher, pick, keep }),
        1 => Just(Op::Publish),
    ]
}

/// A browser: its pool, and for a teacher her profile id.
struct Browser {
    pool: Pool,
    me: Option<&'static str>,
}

fn requests_of(pool: &PoolState, teacher: &str) -> TeacherRequests {
    TeacherRequests {
        teacher: pool.teachers.iter().find(|t| t.id == teacher).cloned().unwrap_or_else(|| panic!("{teacher}")),
        bookings: pool.bookings.iter().filter(|b| b.teacher == teacher).cloned().collect(),
        claimed_trainings: pool.records.iter().filter(|r| r.teacher == teacher).cloned().collect(),
        enrolments: pool
            .sessions
            .iter()
            .filter(|s| s.enrolled.iter().any(|t| t == teacher))
            .map(|s| s.id.clone())
            .collect(),
    }
}

/// Held units per model and day, counted from the bookings and occupancy themselves (no index,
/// no turnaround gap): the independent count.
fn overbooked_days(state: &PoolState) -> Vec<(String, NaiveDate, u32, u32)> {
    let mut held: BTreeMap<(String, NaiveDate), u32> = BTreeMap::new();
    let spans = state
        .bookings
        .iter()
        .map(|b| (b.status, &b.lines, b.start, b.end))
        .chain(state.occupancy.iter().map(|o| (o.status, &o.lines, o.start, o.end)));
    for (status, lines, start, end) in spans {
        if !status.holds_units() {
            continue;
        }
        let mut day = start;
        while day <= end {
            for line in lines.iter() {
                *held.entry((line.model.clone(), day)).or_default() += line.quantity;
            }
            day += Duration::days(1);
        }
    }
    held.into_iter()
        .filter_map(|((model, day), n)| {
            let in_service = state.catalogue.units.iter().filter(|u| u.model == model && u.in_service).count() as u32;
            (n > in_service).then_some((model, day, n, in_service))
        })
        .collect()
}

fn mine(state: &PoolState, teacher: &str) -> Vec<Booking> {
    let mut list: Vec<Booking> = state.bookings.iter().filter(|b| b.teacher == teacher).cloned().collect();
    list.sort_by(|a, b| a.id.cmp(&b.id));
    list
}

fn play(ops: Vec<Op>) -> Result<(), TestCaseError> {
    let mut coordinator = Pool::new(state());
    coordinator.set_minter(IdMinter::from_random(7));
    let teacher_browser = |i: u64, me: &'static str| {
        let mut pool = Pool::new(adopt_catalogue(&PoolState::default(), publish(coordinator.state())).state);
        if let Some(t) = coordinator.teacher(me).cloned() {
            pool.upsert_teacher(t);
        }
        pool.set_minter(IdMinter::from_random(1000 + i));
        Browser { pool, me: Some(me) }
    };
    let mut teachers = [teacher_browser(1, TEACHERS[0]), teacher_browser(2, TEACHERS[1])];
    let mut requests_in_flight: Vec<TeacherRequests> = Vec::new();
    let mut answers_in_flight: [Vec<TeacherAnswer>; 2] = [Vec::new(), Vec::new()];
    let mut made: HashSet<String> = HashSet::new();
    let mut clock = at(2026, 9, 1, 9, 0);
    for op in ops {
        clock += Duration::minutes(7);
        match op {
            Op::Book { teacher, model, quantity, week } => {
                let b = &mut teachers[teacher];
                let (m, day) = WEEKS[week];
                let start = d(2026, m, day);
                let request = BookingRequest {
                    id: String::new(),
                    teacher: b.me.unwrap_or_default().to_owned(),
                    lines: vec![BookingLine { model: MODELS[model].into(), quantity }],
                    start,
                    end: start + Duration::days(4),
                    project: format!("Projet {week}"),
                    class: "CM1".into(),
                    notes: String::new(),
                    agreement_version: "1".into(),
                    override_reason: None,
                };
                let by = Actor::Teacher(request.teacher.clone());
                let mut change = PoolChange::CreateBooking { request, by, at: clock };
                if let Ok(crate::domain::ChangeOutcome::Booked { id, .. }) = change.apply(&mut b.pool) {
                    made.insert(id);
                }
            }
            Op::Cancel { teacher, pick } => {
                let b = &mut teachers[teacher];
                let me = b.me.unwrap_or_default();
                let ids: Vec<String> = mine(b.pool.state(), me).into_iter().map(|x| x.id).collect();
                if let Some(id) = ids.get(pick % ids.len().max(1)) {
                    let _ = b.pool.cancel(id, Actor::Teacher(me.into()), None, clock);
                }
            }
            Op::Enrol { teacher } => {
                let b = &mut teachers[teacher];
                let me = b.me.unwrap_or_default();
                let _ = b.pool.enroll("s-rob-2", me, &Actor::Teacher(me.into()));
            }
            Op::Send { teacher } => {
                let b = &teachers[teacher];
                requests_in_flight.push(requests_of(b.pool.state(), b.me.unwrap_or_default()));
            }
            Op::TakeIn { pick, keep } => {
                if !requests_in_flight.is_empty() {
                    let i = pick % requests_in_flight.len();
                    let file = if keep { requests_in_flight[i].clone() } else { requests_in_flight.remove(i) };
                    take_in_requests(&mut coordinator, file, clock);
                }
            }
            Op::Decide { pick, confirm } => {
                let open: Vec<String> = coordinator
                    .state()
                    .bookings
                    .iter()
                    .filter(|b| matches!(b.status, BookingStatus::Requested | BookingStatus::AwaitingTraining))
                    .map(|b| b.id.clone())
                    .collect();
                if let Some(id) = open.get(pick % open.len().max(1)) {
                    let _ = if confirm { coordinator.confirm(id, clock) } else { coordinator.refuse(id, "Non", clock) };
                }
            }
            Op::RecordTraining { teacher } => {
                let _ = coordinator.record_training(TEACHERS[teacher], "f-rob", d(2026, 9, 1));
            }
            Op::Answer => {
                for (answer, _) in answers_with_news(coordinator.state(), clock) {
                    if let Some(i) = TEACHERS.iter().position(|t| *t == answer.teacher.id) {
                        answers_in_flight[i].push(answer);
                    }
                }
            }
            Op::Deliver { teacher, pick, keep } => {
                let queue = &mut answers_in_flight[teacher];
                if !queue.is_empty() {
                    let i = pick % queue.len();
                    let answer = if keep { queue[i].clone() } else { queue.remove(i) };
                    let b = &mut teachers[teacher];
                    if let Ok((adopted, _)) = adopt_answer(b.pool.state(), answer, b.me) {
                        b.pool = Pool::new(adopted.state);
                    }
                }
            }
            Op::Publish => {
                let public = publish(coordinator.state());
                for b in &mut teachers {
                    b.pool = Pool::new(adopt_catalogue(b.pool.state(), public.clone()).state);
                }
            }
        }
        prop_assert!(overbooked_days(coordinator.state()).is_empty(), "{:?}", overbooked_days(coordinator.state()));
    }
    // Everything arrives in the end: each teacher sends, the coordinator takes in, answers.
    for b in &teachers {
        take_in_requests(&mut coordinator, requests_of(b.pool.state(), b.me.unwrap_or_default()), clock);
    }
    clock += Duration::minutes(7);
    for (answer, _) in answers_with_news(coordinator.state(), clock) {
        if let Some(i) = TEACHERS.iter().position(|t| *t == answer.teacher.id) {
            let b = &mut teachers[i];
            let (adopted, _) =
                adopt_answer(b.pool.state(), answer, b.me).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            b.pool = Pool::new(adopted.state);
        }
    }
    let held = coordinator.state();
    let ids: Vec<&str> = held.bookings.iter().map(|b| b.id.as_str()).collect();
    prop_assert_eq!(ids.len(), ids.iter().collect::<HashSet<_>>().len(), "ids are unique");
    for id in &made {
        prop_assert!(ids.contains(&id.as_str()), "request {} lost", id);
    }
    prop_assert!(overbooked_days(held).is_empty(), "{:?}", overbooked_days(held));
    prop_assert!(Pool::new(held.clone()).index().overbooked().is_empty());
    for b in &teachers {
        let me = b.me.unwrap_or_default();
        prop_assert_eq!(mine(b.pool.state(), me), mine(held, me), "{}'s view", me);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn three_browsers_exchanging_in_any_order_lose_nothing_and_agree(ops in prop::collection::vec(op(), 1..60)) {
        play(ops)?;
    }
}

#[test]
fn the_published_catalogue_names_nobody() {
    let mut coordinator = Pool::new(state());
    coordinator.set_minter(IdMinter::from_random(3));
    let mut change = PoolChange::CreateBooking {
        request: BookingRequest {
            id: String::new(),
            teacher: "ana".into(),
            lines: vec![BookingLine { model: "bluebot".into(), quantity: 1 }],
            start: d(2026, 10, 5),
            end: d(2026, 10, 9),
            project: "Robots au jardin".into(),
            class: "CM1".into(),
            notes: String::new(),
            agreement_version: "1".into(),
            override_reason: None,
        },
        by: Actor::Teacher("ana".into()),
        at: now(),
    };
    if let Err(e) = change.apply(&mut coordinator) {
        panic!("{e}");
    }
    let text = serde_json::to_string(&publish(coordinator.state())).unwrap_or_default();
    for t in &coordinator.state().teachers {
        assert!(!text.contains(&t.email) && !text.contains(&format!("\"{}\"", t.name)), "{} published", t.id);
    }
    assert!(!text.contains("Robots au jardin") && !text.contains("replacement_value"));
    assert!(!text.contains("\"enrolled\":[\""), "no enrolment list");
}
