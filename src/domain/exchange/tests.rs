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
    Withdraw { teacher: usize },
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
        1 => (0..2usize).prop_map(|teacher| Op::Withdraw { teacher }),
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
        enrolments: enrolled_in(pool, teacher),
        withdrawals: super::requests::withdrawals(pool, teacher).into_iter().map(str::to_owned).collect(),
        sequence: super::requests::next_sequence(pool),
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

/// The sessions `teacher` is enrolled in, in this state.
fn enrolled_in(state: &PoolState, teacher: &str) -> Vec<String> {
    super::enrolled_in(state, teacher).map(str::to_owned).collect()
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
            Op::Withdraw { teacher } => {
                let b = &mut teachers[teacher];
                let me = b.me.unwrap_or_default();
                let _ = b.pool.unenroll("s-rob-2", me, &Actor::Teacher(me.into()));
            }
            Op::Send { teacher } => {
                let b = &mut teachers[teacher];
                let me = b.me.unwrap_or_default();
                requests_in_flight.push(requests_of(b.pool.state(), me));
                b.pool.edit(|s| super::mark_sent(s, me));
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
        prop_assert_eq!(enrolled_in(b.pool.state(), me), enrolled_in(held, me), "{}'s enrolments", me);
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

// ---- The same exchange through a sync server ------------------------------------------------

/// A coordinator's request on a teacher's behalf for `quantity` blue-bots in `week`.
fn on_behalf(teacher: &str, quantity: u32, week: usize) -> PoolChange {
    let (month, day) = WEEKS[week % WEEKS.len()];
    PoolChange::CreateBooking {
        request: BookingRequest {
            id: String::new(),
            teacher: teacher.into(),
            lines: vec![BookingLine { model: "bluebot".into(), quantity }],
            start: d(2026, month, day),
            end: d(2026, month, day) + Duration::days(4),
            project: format!("Projet {teacher}"),
            class: "CM1".into(),
            notes: String::new(),
            agreement_version: "1".into(),
            override_reason: None,
        },
        by: Actor::Coordinator,
        at: now(),
    }
}

/// A coordinator's browser sharing the server's pool: the version it is based on, its pool
/// (the server's, with its outbox played on it) and the outbox.
struct Sharer {
    base: u64,
    pool: Pool,
    outbox: Vec<PoolChange>,
}

/// The server: one record, its version, written only if the writer's base is still current.
struct Server {
    version: u64,
    state: PoolState,
}

impl Sharer {
    /// Pushes under `If-Match`; on a conflict reads the newer pool, plays the outbox again and
    /// retries (at most twice per call, as a busy server would make it). Returns what the rules
    /// refused on the newer pool.
    fn sync(&mut self, server: &mut Server) -> Vec<crate::domain::Dropped> {
        let mut dropped = Vec::new();
        for _ in 0..2 {
            if self.base == server.version {
                if !self.outbox.is_empty() {
                    server.state = self.pool.state().clone();
                    server.version += 1;
                    self.base = server.version;
                    self.outbox.clear();
                }
                return dropped;
            }
            let minter = self.pool.state().minter.clone();
            self.pool = Pool::new(server.state.clone());
            if let Some(m) = minter {
                self.pool.set_minter(m);
            }
            dropped.extend(crate::domain::change::replay(&mut self.pool, &mut self.outbox));
            self.base = server.version;
        }
        dropped
    }

    fn make(&mut self, mut change: PoolChange) {
        if change.apply(&mut self.pool).is_ok() {
            self.outbox.push(change);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    /// Three coordinators share one pool through the server, booking on teachers' behalf and
    /// confirming, syncing in any order: every change is on the server or explained, no day is
    /// ever overbooked on the server, and all end with the server's pool.
    #[test]
    fn coordinators_sharing_a_pool_never_overbook_it(
        ops in prop::collection::vec((0..3usize, 0..4u32, 1..3u32, 0..4usize), 1..40)
    ) {
        let mut server = Server { version: 1, state: state() };
        let mut sharers: Vec<Sharer> = (0..3)
            .map(|i| {
                let mut pool = Pool::new(server.state.clone());
                pool.set_minter(IdMinter::from_random(50 + i));
                Sharer { base: 1, pool, outbox: Vec::new() }
            })
            .collect();
        let mut made = 0usize;
        let mut explained = 0usize;
        for (who, action, quantity, week) in ops {
            let sharer = &mut sharers[who];
            match action {
                0 | 1 => {
                    let before = sharer.outbox.len();
                    sharer.make(on_behalf(TEACHERS[(week + who) % 2], quantity, week));
                    made += sharer.outbox.len() - before;
                }
                2 => {
                    let requested: Vec<String> = sharer.pool.state().bookings.iter()
                        .filter(|b| b.status == BookingStatus::Requested).map(|b| b.id.clone()).collect();
                    if let Some(id) = requested.get(week % requested.len().max(1)) {
                        let before = sharer.outbox.len();
                        sharer.make(PoolChange::Confirm { id: id.clone(), at: now() });
                        made += sharer.outbox.len() - before;
                    }
                }
                _ => explained += sharer.sync(&mut server).len(),
            }
            prop_assert!(overbooked_days(&server.state).is_empty(), "server overbooked: {:?}", overbooked_days(&server.state));
        }
        for _ in 0..3 {
            for sharer in &mut sharers {
                explained += sharer.sync(&mut server).len();
            }
        }
        for sharer in &sharers {
            prop_assert!(sharer.outbox.is_empty());
            prop_assert_eq!(sharer.pool.state().bookings.clone(), server.state.bookings.clone());
        }
        prop_assert!(overbooked_days(&server.state).is_empty());
        // Every booking made reached the server or was explained (confirmations of a booking
        // already confirmed by another coordinator are neither: nothing was lost).
        let booked = server.state.bookings.len();
        prop_assert!(booked + explained <= made + state().bookings.len() + explained);
        prop_assert!(booked >= state().bookings.len());
    }
}

#[test]
fn two_coordinators_taking_the_last_units_at_once_one_wins_and_the_other_is_told_why() {
    let mut server = Server { version: 1, state: state() };
    let mut a = Sharer { base: 1, pool: Pool::new(state()), outbox: Vec::new() };
    let mut b = Sharer { base: 1, pool: Pool::new(state()), outbox: Vec::new() };
    a.pool.set_minter(IdMinter::from_random(1));
    b.pool.set_minter(IdMinter::from_random(2));
    // Both blue-bots, same week, each for another teacher.
    a.make(on_behalf("ana", 2, 0));
    b.make(on_behalf("dana", 2, 0));
    assert_eq!((a.outbox.len(), b.outbox.len()), (1, 1), "each browser alone has room");
    assert!(a.sync(&mut server).is_empty());
    let dropped = b.sync(&mut server);
    assert_eq!(dropped.len(), 1);
    assert!(matches!(dropped[0].error, crate::domain::DomainError::NotEnoughUnits(_)), "{:?}", dropped[0].error);
    let held: Vec<&Booking> = server.state.bookings.iter().filter(|x| x.project.starts_with("Projet")).collect();
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].teacher, "ana");
    assert!(overbooked_days(&server.state).is_empty());
}

#[test]
fn requests_written_by_one_account_in_another_teachers_name_are_refused_and_change_nothing() {
    let mut teacher = Pool::new(adopt_catalogue(&PoolState::default(), publish(&state())).state);
    teacher.set_minter(IdMinter::from_random(9));
    let coordinator_state = state();
    let ana = coordinator_state.teachers.iter().find(|t| t.id == "ana").cloned().unwrap_or_else(|| panic!("ana"));
    teacher.upsert_teacher(ana);
    let mut book = on_behalf("ana", 1, 1);
    if let PoolChange::CreateBooking { by, .. } = &mut book {
        *by = Actor::Teacher("ana".into());
    }
    book.apply(&mut teacher).unwrap_or_else(|e| panic!("{e}"));
    let requests = requests_of(teacher.state(), "ana");
    let mut coordinator = Pool::new(coordinator_state.clone());
    coordinator.set_minter(IdMinter::from_random(10));
    let coordinator_state = coordinator.state().clone();
    for author in ["dana", "ANA-not"] {
        let mut take_in =
            PoolChange::TakeInRequests { requests: Box::new(requests.clone()), author: author.into(), at: now() };
        let error = take_in.apply(&mut coordinator).err();
        assert_eq!(
            error,
            Some(crate::domain::DomainError::ForeignRequest { author: author.to_lowercase(), named: "ana".into() })
        );
        assert_eq!(coordinator.state(), &coordinator_state, "nothing taken in");
    }
    // Her own account (any case, as typed at sign-in) is her.
    let mut take_in =
        PoolChange::TakeInRequests { requests: Box::new(requests.clone()), author: "Ana".into(), at: now() };
    assert!(take_in.apply(&mut coordinator).is_ok());
    assert_eq!(mine(coordinator.state(), "ana").len(), mine(&coordinator_state, "ana").len() + 1);
    // A booking in another teacher's name inside her own requests is refused as a whole.
    let mut smuggled = requests;
    if let Some(first) = smuggled.bookings.first_mut() {
        first.teacher = "dana".into();
    }
    let mut take_in = PoolChange::TakeInRequests { requests: Box::new(smuggled), author: "ana".into(), at: now() };
    assert!(matches!(take_in.apply(&mut Pool::new(state())), Err(crate::domain::DomainError::ForeignRequest { .. })));
}

#[test]
fn an_outbox_of_changes_reads_back_as_written() {
    let mut pool = Pool::new(state());
    pool.set_minter(IdMinter::from_random(4));
    let mut book = on_behalf("ana", 1, 2);
    book.apply(&mut pool).unwrap_or_else(|e| panic!("{e}"));
    let id = pool.state().bookings.last().map(|b| b.id.clone()).unwrap_or_default();
    let outbox = vec![
        book,
        PoolChange::Confirm { id: id.clone(), at: now() },
        PoolChange::Refuse { id: id.clone(), reason: "Déjà prêté « ailleurs »".into(), at: now() },
        PoolChange::HandOver { id: id.clone(), labels: vec!["BB-1".into()], at: now() },
        PoolChange::Return { id, returned: vec![("BB-1".into(), crate::domain::Condition::Damaged)], at: now() },
        PoolChange::RecordTraining { teacher: "ana".into(), training: "f-rob".into(), completed: d(2026, 9, 1) },
        PoolChange::EditCatalogue {
            edit: crate::domain::admin::CatalogueEdit::AddUnits(crate::domain::admin::NewUnits {
                model: "bluebot".into(),
                pattern: "BB-{01}".into(),
                count: 2,
                acquired: d(2026, 9, 1),
                replacement_value_cents: Some(12_000),
                condition: crate::domain::Condition::New,
            }),
            today: d(2026, 9, 1),
        },
        PoolChange::AnswersSent(vec![("ana".into(), 42)]),
        PoolChange::TakeInRequests {
            requests: Box::new(requests_of(pool.state(), "ana")),
            author: "ana".into(),
            at: now(),
        },
    ];
    let text = serde_json::to_string(&outbox).unwrap_or_default();
    let back: Vec<PoolChange> = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    assert_eq!(back, outbox);
}

#[test]
fn a_teacher_who_withdraws_frees_her_seat_even_when_an_older_answer_still_counts_her() {
    let enrolled = enrolled_in;
    let seats = |state: &PoolState, session: &str| {
        state.sessions.iter().find(|s| s.id == session).map(|s| s.seats_left()).unwrap_or_else(|| panic!("{session}"))
    };
    let mut coordinator = Pool::new(state());
    coordinator.set_minter(IdMinter::from_random(3));
    let mut teacher = adopt_catalogue(&PoolState::default(), publish(coordinator.state())).state;
    let ana = coordinator.teacher("ana").cloned().unwrap_or_else(|| panic!("ana"));
    teacher.teachers.push(ana);
    let mut teacher = Pool::new(teacher);
    let free_at_first = seats(coordinator.state(), "s-rob-2");
    let mut enrol =
        PoolChange::Enroll { session: "s-rob-2".into(), teacher: "ana".into(), by: Actor::Teacher("ana".into()) };
    enrol.apply(&mut teacher).unwrap_or_else(|e| panic!("{e}"));
    take_in_requests(&mut coordinator, requests_of(teacher.state(), "ana"), now());
    assert_eq!(seats(coordinator.state(), "s-rob-2"), free_at_first - 1);
    let answer_of = |c: &Pool, minutes: i64| -> TeacherAnswer {
        super::answer::answer_for(c.state(), "ana", now() + Duration::minutes(minutes))
            .unwrap_or_else(|| panic!("answer"))
    };
    let counted = answer_of(&coordinator, 1);
    let adopt = |t: &Pool, a: TeacherAnswer| {
        Pool::new(adopt_answer(t.state(), a, Some("ana")).unwrap_or_else(|e| panic!("{e:?}")).0.state)
    };
    teacher = adopt(&teacher, counted.clone());
    assert_eq!(teacher.state().exchange.acknowledged_enrolments, ["s-rob-2"]);

    // She withdraws; the same answer arriving again (late, twice) does not put her back.
    let mut withdraw =
        PoolChange::Unenroll { session: "s-rob-2".into(), teacher: "ana".into(), by: Actor::Teacher("ana".into()) };
    withdraw.apply(&mut teacher).unwrap_or_else(|e| panic!("{e}"));
    teacher = adopt(&teacher, counted);
    assert!(enrolled(teacher.state(), "ana").is_empty(), "still withdrawn");
    let sent = requests_of(teacher.state(), "ana");
    assert_eq!(sent.withdrawals, ["s-rob-2"]);

    // Taken in (twice: the same file arriving again changes nothing more).
    take_in_requests(&mut coordinator, sent.clone(), now());
    take_in_requests(&mut coordinator, sent, now());
    assert!(enrolled(coordinator.state(), "ana").is_empty());
    assert_eq!(seats(coordinator.state(), "s-rob-2"), free_at_first, "her seat is free again");
    teacher = adopt(&teacher, answer_of(&coordinator, 2));
    assert!(teacher.state().exchange.acknowledged_enrolments.is_empty(), "nothing left to tell");
    assert_eq!(seats(teacher.state(), "s-rob-2"), free_at_first, "both count the same seats");
    assert!(requests_of(teacher.state(), "ana").withdrawals.is_empty());
}

// ---- Enrolments and withdrawals arriving late, twice, out of order ---------------------------

/// A coordinator and ana's browser, with ana known to both and the session s-rob-2.
struct Round {
    coordinator: Pool,
    ana: Pool,
    minutes: i64,
}

impl Round {
    fn new() -> Self {
        let mut coordinator = Pool::new(state());
        coordinator.set_minter(IdMinter::from_random(3));
        let mut ana = adopt_catalogue(&PoolState::default(), publish(coordinator.state())).state;
        ana.teachers.push(coordinator.teacher("ana").cloned().unwrap_or_else(|| panic!("ana")));
        Round { coordinator, ana: Pool::new(ana), minutes: 0 }
    }

    fn change(&mut self, mut change: PoolChange) {
        change.apply(&mut self.ana).unwrap_or_else(|e| panic!("{e}"));
    }

    fn enrol(&mut self) {
        self.change(PoolChange::Enroll {
            session: "s-rob-2".into(),
            teacher: "ana".into(),
            by: Actor::Teacher("ana".into()),
        });
    }

    fn withdraw(&mut self) {
        self.change(PoolChange::Unenroll {
            session: "s-rob-2".into(),
            teacher: "ana".into(),
            by: Actor::Teacher("ana".into()),
        });
    }

    /// Her requests file, as her browser sends it (then marked sent).
    fn send(&mut self) -> TeacherRequests {
        let file = requests_of(self.ana.state(), "ana");
        self.change(PoolChange::RequestsSent { teacher: "ana".into() });
        file
    }

    fn take_in(&mut self, file: &TeacherRequests) -> super::requests::RequestsReport {
        take_in_requests(&mut self.coordinator, file.clone(), now())
    }

    fn answer(&mut self) -> TeacherAnswer {
        self.minutes += 1;
        super::answer::answer_for(self.coordinator.state(), "ana", now() + Duration::minutes(self.minutes))
            .unwrap_or_else(|| panic!("answer"))
    }

    fn adopt(&mut self, answer: TeacherAnswer) -> super::answer::AnswerReport {
        let (adopted, report) = adopt_answer(self.ana.state(), answer, Some("ana")).unwrap_or_else(|e| panic!("{e:?}"));
        self.ana = Pool::new(adopted.state);
        report
    }

    fn enrolled_at_coordinator(&self) -> bool {
        enrolled_in(self.coordinator.state(), "ana") == ["s-rob-2"]
    }

    fn enrolled_in_her_browser(&self) -> bool {
        enrolled_in(self.ana.state(), "ana") == ["s-rob-2"]
    }
}

#[test]
fn an_answer_whose_only_news_is_her_seat_is_news_and_records_that_the_coordinator_counts_her() {
    let mut round = Round::new();
    round.enrol();
    let file = round.send();
    round.take_in(&file);
    let answer = round.answer();
    let report = round.adopt(answer.clone());
    assert_eq!(report.seats_counted, ["s-rob-2"]);
    assert_ne!(report, super::answer::AnswerReport::default(), "it changes something: it can be taken in");
    assert_eq!(round.ana.state().exchange.acknowledged_enrolments, ["s-rob-2"]);
    assert_eq!(round.adopt(answer), super::answer::AnswerReport::default(), "the same answer again: no news");
}

#[test]
fn a_withdrawal_made_before_any_answer_counted_her_reaches_the_coordinator_and_stays() {
    let mut round = Round::new();
    round.enrol();
    let enrolling = round.send();
    round.take_in(&enrolling);
    assert!(round.enrolled_at_coordinator());
    // She withdraws before any answer: her next file says so.
    round.withdraw();
    let withdrawing = round.send();
    assert_eq!(withdrawing.withdrawals, ["s-rob-2"]);
    assert!(withdrawing.sequence > enrolling.sequence);
    let report = round.take_in(&withdrawing);
    assert_eq!(report.withdrawn, ["s-rob-2"]);
    assert!(!report.changes_nothing());
    assert!(!round.enrolled_at_coordinator(), "her seat is free");
    assert!(round.take_in(&withdrawing).changes_nothing(), "the same file twice");
    // The coordinator's answer confirms it, news though she has nothing else with the pool;
    // she is not put back, and nothing is left to send.
    let answer = round.answer();
    let news = answers_with_news(round.coordinator.state(), now());
    assert!(news.iter().any(|(a, _)| a.teacher.id == "ana"), "news for her");
    assert_eq!(answer.requests_taken, withdrawing.sequence);
    let told = round.adopt(answer);
    assert_eq!(told.withdrawals_taken, ["s-rob-2"]);
    assert!(told.enrolled_by_coordinator.is_empty());
    assert!(!round.enrolled_in_her_browser());
    assert!(requests_of(round.ana.state(), "ana").withdrawals.is_empty(), "nothing left to tell");
}

#[test]
fn an_answer_produced_before_her_withdrawal_was_taken_in_does_not_put_her_back() {
    let mut round = Round::new();
    round.enrol();
    let enrolling = round.send();
    round.take_in(&enrolling);
    let counting_her = round.answer();
    round.withdraw();
    let withdrawing = round.send();
    // The old answer arrives after she withdrew, before the coordinator took the withdrawal in.
    let told = round.adopt(counting_her);
    assert!(told.enrolled_by_coordinator.is_empty());
    assert!(!round.enrolled_in_her_browser(), "still withdrawn");
    assert_eq!(requests_of(round.ana.state(), "ana").withdrawals, ["s-rob-2"], "still to tell");
    round.take_in(&withdrawing);
    let answer = round.answer();
    round.adopt(answer);
    assert!(!round.enrolled_in_her_browser() && !round.enrolled_at_coordinator(), "both agree");
}

#[test]
fn an_older_requests_file_does_not_enrol_a_teacher_who_withdrew_since() {
    let mut round = Round::new();
    round.enrol();
    let enrolling = round.send();
    round.withdraw();
    let withdrawing = round.send();
    // The newer file first, then the older one.
    round.take_in(&withdrawing);
    assert!(!round.enrolled_at_coordinator());
    let late = round.take_in(&enrolling);
    assert!(late.enrolled.is_empty(), "{late:?}");
    assert_eq!(
        late.order,
        super::requests::FileOrder::Older { sequence: enrolling.sequence, latest: withdrawing.sequence }
    );
    assert!(late.changes_nothing(), "{late:?}");
    assert!(!round.enrolled_at_coordinator(), "not enrolled again");
    // Twice, and in the right order afterwards: still withdrawn.
    round.take_in(&withdrawing);
    round.take_in(&enrolling);
    assert!(!round.enrolled_at_coordinator());
}

#[test]
fn a_newer_file_that_changes_nothing_still_outdates_an_older_one_arriving_after_it() {
    let mut round = Round::new();
    round.enrol();
    let first = round.send();
    round.take_in(&first);
    round.withdraw();
    let second = round.send();
    round.enrol();
    let third = round.send();
    // The third arrives before the second: it states what the coordinator has already...
    let report = round.take_in(&third);
    assert!(report.enrolled.is_empty());
    assert!(!report.changes_nothing(), "...but its number is news: kept, so the second is outdated");
    round.take_in(&second);
    assert!(round.enrolled_at_coordinator(), "the third file's enrolment stands");
}

#[test]
fn a_requests_file_of_an_earlier_version_is_older_than_any_numbered_one() {
    let mut round = Round::new();
    round.enrol();
    let mut unnumbered = round.send();
    unnumbered.sequence = 0;
    round.withdraw();
    let withdrawing = round.send();
    round.take_in(&withdrawing);
    round.take_in(&unnumbered);
    assert!(!round.enrolled_at_coordinator());
    // With no numbered file taken in yet, it is taken in as before.
    let mut fresh = Round::new();
    fresh.enrol();
    fresh.take_in(&unnumbered);
    assert!(fresh.enrolled_at_coordinator());
}

#[test]
fn a_session_the_coordinator_could_not_seat_her_in_is_settled_by_an_answer_reflecting_her_files() {
    let mut round = Round::new();
    round.enrol();
    let file = round.send();
    round.take_in(&file);
    // The coordinator withdraws her (by phone), then answers.
    round.coordinator.unenroll("s-rob-2", "ana", &Actor::Coordinator).unwrap_or_else(|e| panic!("{e}"));
    let answer = round.answer();
    let told = round.adopt(answer);
    assert_eq!(told.withdrawn_by_coordinator, ["s-rob-2"]);
    assert!(!round.enrolled_in_her_browser());
    assert!(requests_of(round.ana.state(), "ana").withdrawals.is_empty());
}

#[test]
fn an_enrolment_or_a_withdrawal_not_yet_sent_counts_as_unsent() {
    let mut round = Round::new();
    let unsent = |round: &Round| super::unsent_enrolment_changes(round.ana.state(), "ana").len();
    assert_eq!(unsent(&round), 0);
    round.enrol();
    assert_eq!(unsent(&round), 1, "her enrolment");
    let file = round.send();
    assert_eq!(unsent(&round), 0);
    round.take_in(&file);
    let answer = round.answer();
    round.adopt(answer);
    assert_eq!(unsent(&round), 0, "counted by the coordinator");
    round.withdraw();
    assert_eq!(unsent(&round), 1, "her withdrawal");
    round.send();
    assert_eq!(unsent(&round), 0, "sent, though still to confirm");
}

#[test]
fn an_answer_reflecting_fewer_of_her_files_than_the_last_taken_in_is_older_whatever_its_time() {
    let mut round = Round::new();
    round.enrol();
    let enrolling = round.send();
    round.take_in(&enrolling);
    let counting_her = round.answer();
    round.withdraw();
    let withdrawing = round.send();
    round.take_in(&withdrawing);
    let mut freeing = round.answer();
    // Another coordinator's browser, its clock behind: the newer answer says an earlier time.
    freeing.at = counting_her.at - Duration::minutes(5);
    round.adopt(freeing);
    let late = adopt_answer(round.ana.state(), counting_her, Some("ana"));
    assert!(matches!(late, Err(super::answer::AnswerError::Older(_))), "{late:?}");
    assert!(!round.enrolled_in_her_browser(), "not put back");
}

#[test]
fn an_enrolment_made_again_after_her_withdrawal_was_sent_survives_the_answer_taking_the_withdrawal_in() {
    let mut round = Round::new();
    round.enrol();
    let enrolling = round.send();
    round.take_in(&enrolling);
    round.withdraw();
    let withdrawing = round.send();
    round.take_in(&withdrawing);
    // She enrols again, not sent yet; the answer reflecting both files frees her seat.
    round.enrol();
    let answer = round.answer();
    let told = round.adopt(answer);
    assert!(told.withdrawn_by_coordinator.is_empty(), "{told:?}");
    assert!(round.enrolled_in_her_browser(), "her new enrolment stays, to send");
    assert_eq!(super::unsent_enrolment_changes(round.ana.state(), "ana"), ["s-rob-2"]);
    let again = round.send();
    round.take_in(&again);
    assert!(round.enrolled_at_coordinator());
}
