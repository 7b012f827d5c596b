//! Property tests: random sequences of operations never overbook, the R1 index always equals
//! the brute-force oracle, and every accepted booking is valid under R2 and R3 according to
//! independent oracles.

use super::availability::brute_force_free;
use super::booking::{Actor, Booking, BookingLine, BookingStatus, HistoryEntry};
use super::calendar::{date_of, day_num, SchoolCalendar};
use super::catalogue::Condition;
use super::people::TrainingRecord;
use super::pool::{Pool, PoolState};
use super::testkit::{d, now, oracle_school_day, request, state};
use chrono::NaiveDate;
use proptest::prelude::*;

const TEACHERS: [&str; 5] = ["ana", "ben", "carl", "dana", "eve"];
const MODELS: [&str; 3] = ["thymio", "bluebot", "casque"];

fn school_days() -> Vec<NaiveDate> {
    (day_num(d(2026, 9, 1))..=day_num(d(2027, 7, 2))).map(date_of).filter(|x| oracle_school_day(*x)).collect()
}

#[derive(Clone, Debug)]
enum Op {
    Create { teacher: usize, lines: Vec<(usize, u32)>, start: usize, len: usize, jitter: i32 },
    Confirm(usize),
    Cancel(usize),
    Refuse(usize),
    HandOver(usize),
    Return(usize),
    Train(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (0..5usize, prop::collection::vec((0..3usize, 1..4u32), 1..3), 0..200usize, 0..30usize,
              prop_oneof![8 => Just(0i32), 1 => -3..4i32])
            .prop_map(|(teacher, lines, start, len, jitter)| Op::Create { teacher, lines, start, len, jitter }),
        2 => any::<usize>().prop_map(Op::Confirm),
        1 => any::<usize>().prop_map(Op::Cancel),
        1 => any::<usize>().prop_map(Op::Refuse),
        2 => any::<usize>().prop_map(Op::HandOver),
        1 => any::<usize>().prop_map(Op::Return),
        1 => (0..5usize).prop_map(Op::Train),
    ]
}

/// Units held of `model` on each day, by brute force over busy intervals (turnaround gap
/// included), compared with the units in service.
fn assert_never_overbooked(pool: &Pool) {
    let st = pool.state();
    let gap = u32::from(st.settings.turnaround_gap_days);
    let cal = pool.calendar();
    for model in MODELS {
        let in_service = st.catalogue.units.iter().filter(|u| u.in_service && u.model == model).count() as u32;
        let holds: Vec<(i32, i32, u32)> = st
            .bookings
            .iter()
            .filter(|b| b.status.holds_units())
            .map(|b| (day_num(b.start), day_num(cal.add_school_days(b.end, gap).unwrap()), b.quantity_of(model)))
            .collect();
        for day in day_num(d(2026, 9, 1))..=day_num(d(2027, 9, 30)) {
            let held: u32 = holds.iter().filter(|(s, e, _)| *s <= day && day <= *e).map(|h| h.2).sum();
            assert!(held <= in_service, "{model} holds {held} > {in_service} on {}", date_of(day));
        }
    }
}

/// Independent R2 check (zone A, defaults, today = 1 Sep 2026).
fn valid_r2(b: &Booking, max_weeks: u8) -> bool {
    let days = school_days();
    let earliest = days[5]; // the 5th school day after Tue 1 Sep 2026 (days[0] is 1 Sep)
    oracle_school_day(b.start)
        && oracle_school_day(b.end)
        && b.start <= b.end
        && b.start >= earliest
        && day_num(b.end) - day_num(b.start) < 7 * i32::from(max_weeks)
        && b.end <= d(2028, 8, 31)
}

/// Independent R3 check: returns Some(awaiting) if valid.
fn valid_r3(st: &PoolState, b: &Booking) -> Option<bool> {
    let mut awaiting = false;
    for line in &b.lines {
        let model = st.catalogue.model(&line.model)?;
        for t in &model.required_trainings {
            let years = st.catalogue.training(t)?.validity_years;
            let recorded = st.records.iter().any(|r| {
                r.teacher == b.teacher
                    && r.training == *t
                    && r.completed <= b.start
                    && years.is_none_or(|y| {
                        // Fixture records are never on 29 February.
                        b.start
                            < NaiveDate::from_ymd_opt(
                                r.completed.year() + i32::from(y),
                                r.completed.month(),
                                r.completed.day(),
                            )
                            .unwrap()
                    })
            });
            if recorded {
                continue;
            }
            let enrolled =
                st.sessions.iter().any(|s| s.training == *t && s.end < b.start && s.enrolled.contains(&b.teacher));
            if !enrolled {
                return None;
            }
            awaiting = true;
        }
    }
    Some(awaiting)
}

use chrono::Datelike;

fn free_labels(pool: &Pool, model: &str, q: u32) -> Vec<String> {
    let out: Vec<&str> = pool
        .state()
        .bookings
        .iter()
        .filter(|b| b.status == BookingStatus::HandedOver)
        .flat_map(|b| b.units.iter().map(|u| u.label.as_str()))
        .collect();
    pool.state()
        .catalogue
        .units
        .iter()
        .filter(|u| u.model == model && u.in_service && !out.contains(&u.label.as_str()))
        .take(q as usize)
        .map(|u| u.label.clone())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn random_operations_never_overbook_and_accept_only_valid_bookings(
        ops in prop::collection::vec(op(), 1..40),
        gap in 0u8..3,
        queries in prop::collection::vec((0..3usize, 0..200usize, 0..20usize), 4),
    ) {
        let days = school_days();
        let mut st = state();
        st.settings.turnaround_gap_days = gap;
        let mut pool = Pool::new(st);
        let mut n = 0;
        for op in ops {
            let count = pool.state().bookings.len().max(1);
            let id_at = |i: usize| pool.state().bookings.get(i % count).map(|b| b.id.clone()).unwrap_or_default();
            match op {
                Op::Create { teacher, lines, start, len, jitter } => {
                    n += 1;
                    let s = date_of(day_num(days[start % days.len()]) + jitter);
                    let e = days[(start + len) % days.len()].max(s);
                    let lines: Vec<(&str, u32)> = lines.iter().map(|(m, q)| (MODELS[*m], *q)).collect();
                    let who = TEACHERS[teacher];
                    let r = request(&format!("b{n}"), who, &lines, s, e);
                    if let Ok(status) = pool.create_booking(r, Actor::Teacher(who.into()), now()) {
                        let b = pool.booking(&format!("b{n}")).unwrap();
                        let max_weeks = b.lines.iter().map(|l| pool.state().catalogue.model(&l.model).unwrap().max_loan_weeks).min().unwrap();
                        prop_assert!(valid_r2(b, max_weeks), "accepted invalid period {:?}", b);
                        let awaiting = valid_r3(pool.state(), b);
                        prop_assert!(awaiting.is_some(), "accepted without training {:?}", b);
                        prop_assert_eq!(status == BookingStatus::AwaitingTraining, awaiting == Some(true));
                    }
                }
                Op::Confirm(i) => { let id = id_at(i); let _ = pool.confirm(&id, now()); }
                Op::Cancel(i) => {
                    let id = id_at(i);
                    if let Some(t) = pool.booking(&id).map(|b| b.teacher.clone()) {
                        let _ = pool.cancel(&id, Actor::Teacher(t), None, now());
                    }
                }
                Op::Refuse(i) => { let id = id_at(i); let _ = pool.refuse(&id, "complet", now()); }
                Op::HandOver(i) => {
                    let id = id_at(i);
                    if let Some(b) = pool.booking(&id).cloned() {
                        let labels: Vec<String> = b.lines.iter().flat_map(|l| free_labels(&pool, &l.model, l.quantity)).collect();
                        if pool.hand_over(&id, &labels, now()).is_ok() {
                            let required: Vec<String> = b.lines.iter().flat_map(|l| pool.state().catalogue.model(&l.model).unwrap().required_trainings.clone()).collect();
                            for t in required {
                                prop_assert!(pool.state().records.iter().any(|r| r.teacher == b.teacher && r.training == t), "hand-over without record");
                            }
                        }
                    }
                }
                Op::Return(i) => {
                    let id = id_at(i);
                    if let Some(b) = pool.booking(&id).cloned() {
                        let back: Vec<(String, Condition)> = b.units.iter().map(|u| (u.label.clone(), Condition::Good)).collect();
                        let _ = pool.return_units(&id, &back, now());
                    }
                }
                Op::Train(t) => pool.edit(|s| {
                    for training in ["f-rob", "f-rv"] {
                        s.records.push(TrainingRecord { teacher: TEACHERS[t].into(), training: training.into(), completed: d(2026, 8, 31) });
                    }
                }),
            }
            assert_never_overbooked(&pool);
            let cal = pool.calendar().clone();
            for (m, start, len) in &queries {
                let s = days[*start % days.len()];
                let e = days[(*start + *len) % days.len()].max(s);
                let st = pool.state();
                prop_assert_eq!(pool.free(MODELS[*m], s, e), brute_force_free(&st.catalogue, &st.bookings, &cal, gap, MODELS[*m], s, e));
            }
        }
        // A rebuilt index equals the incrementally maintained one.
        let rebuilt = Pool::new(pool.state().clone());
        prop_assert_eq!(rebuilt.index(), pool.index());
    }

    #[test]
    fn the_index_equals_the_brute_force_oracle(
        bookings in prop::collection::vec(
            (0..7usize, prop::collection::vec((0..3usize, 1..3u32), 1..3), 0..330i32, 0..40i32), 0..60),
        gap in 0u8..4,
        queries in prop::collection::vec((0..330i32, 0..40i32, 1..4u32), 1..12),
    ) {
        let statuses = [
            BookingStatus::Requested, BookingStatus::AwaitingTraining, BookingStatus::Confirmed,
            BookingStatus::HandedOver, BookingStatus::Returned, BookingStatus::Cancelled, BookingStatus::Refused,
        ];
        let base = day_num(d(2026, 9, 1));
        let mut st = state();
        st.settings.turnaround_gap_days = gap;
        // Raw periods (weekends and holidays included): the index must not depend on R2.
        st.bookings = bookings
            .iter()
            .enumerate()
            .map(|(i, (status, lines, start, len))| Booking {
                id: format!("b{i}"),
                teacher: "ana".into(),
                lines: lines.iter().map(|(m, q)| BookingLine { model: MODELS[*m].into(), quantity: *q }).collect(),
                start: date_of(base + start),
                end: date_of(base + start + len),
                project: "p".into(),
                class: "c".into(),
                notes: String::new(),
                agreement_version: "1".into(),
                status: statuses[*status],
                units: vec![],
                history: vec![HistoryEntry { rule: None, at: now(), by: Actor::Coordinator, status: statuses[*status], reason: None }],
            })
            .collect();
        let pool = Pool::new(st);
        let st = pool.state();
        let cal = SchoolCalendar::new(st.settings.zone, false, &st.holidays);
        for (start, len, q) in queries {
            let (s, e) = (date_of(base + start), date_of(base + start + len));
            let all = pool.free_for_dates(s, e);
            for (i, model) in MODELS.iter().enumerate() {
                let oracle = brute_force_free(&st.catalogue, &st.bookings, &cal, gap, model, s, e);
                prop_assert_eq!(pool.free(model, s, e), oracle);
                prop_assert_eq!(all[i].free, oracle);
            }
            // Next free period: valid, free by the oracle, and no earlier window is.
            let (s, e) = (cal.school_day_on_or_after(s).unwrap(), cal.school_day_on_or_after(e).unwrap());
            let horizon = date_of(day_num(s) + 90);
            let model = MODELS[(start as usize) % 3];
            let found = pool.index().next_free_period(model, q, s, e, horizon, None);
            let length = cal.count_school_days(s, e) as usize;
            let windows: Vec<NaiveDate> = (day_num(s)..=day_num(horizon)).map(date_of).filter(|x| cal.is_school_day(*x)).collect();
            let mut expected = None;
            for w in windows.windows(length.max(1)) {
                if brute_force_free(&st.catalogue, &st.bookings, &cal, gap, model, w[0], w[w.len() - 1]) >= q {
                    expected = Some((w[0], w[w.len() - 1]));
                    break;
                }
            }
            prop_assert_eq!(found, expected);
        }
    }
}
