//! Rule R1 at the scale of a metropolitan pool: 1,000 models, 5,000 units, 50,000 booking lines
//! over two school years (2025-2026 and 2026-2027), generated with a seeded RNG.
//!
//! Measures "what is free for these dates" over the whole catalogue and one full booking check
//! (R2 + R3 + R1), and prints the ratio against the brute-force oracle (a scan of every
//! booking per model). Run with `cargo bench --bench availability`.

use chrono::{NaiveDate, NaiveDateTime};
use criterion::{black_box, Criterion};
use materiotheque::domain::availability::brute_force_free;
use materiotheque::domain::calendar::{day_num, SchoolCalendar};
use materiotheque::domain::{
    Actor, Booking, BookingLine, BookingRequest, BookingStatus, Catalogue, Category, Commune, Condition, HistoryEntry,
    LocalizedText, Model, Pool, PoolState, School, Teacher, Training, TrainingRecord, Unit,
};
use std::time::{Duration, Instant};

// The seeded RNG of the storage scale builder (which names these through `crate::`).
use materiotheque::{demo, domain};
#[path = "../src/storage/persist/scale.rs"]
#[allow(dead_code)]
mod scale;
use scale::Rng;

const MODELS: usize = 1_000;
const UNITS: usize = 5_000;
const LINES: usize = 50_000;
const TEACHERS: usize = 2_000;
const TRAININGS: usize = 6;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn text(s: &str) -> LocalizedText {
    LocalizedText { fr: s.to_owned(), en: None }
}

fn at(d: NaiveDate) -> NaiveDateTime {
    d.and_hms_opt(9, 0, 0).expect("valid time")
}

/// The pool: models with 1 to 9 units (5,000 in all), a quarter requiring a training, every
/// teacher trained; 50,000 lines in bookings of 1 to 3 lines, 1 to 30 school days long, over
/// two school years. 90 % of bookings hold units (requested, confirmed, handed over), the
/// worst case for the index.
fn fixture() -> PoolState {
    let mut rng = Rng(0x5EED_2026);
    let trainings: Vec<Training> = (0..TRAININGS)
        .map(|i| Training { id: format!("f-{i}"), name: text("Formation"), validity_years: Some(3) })
        .collect();
    let models: Vec<Model> = (0..MODELS)
        .map(|i| Model {
            id: format!("model-{i:04}"),
            category: "cat".into(),
            name: text(&format!("Modèle {i}")),
            description: text("…"),
            required_trainings: if i % 4 == 0 { vec![format!("f-{}", i % TRAININGS)] } else { vec![] },
            max_loan_weeks: 8,
        })
        .collect();
    let mut per_model = vec![1usize; MODELS];
    for _ in MODELS..UNITS {
        let m = rng.below(MODELS);
        if per_model[m] < 9 {
            per_model[m] += 1;
        } else {
            per_model[(m + 1) % MODELS] += 1;
        }
    }
    let mut units = Vec::with_capacity(UNITS);
    for (m, count) in per_model.iter().enumerate() {
        for k in 0..*count {
            units.push(Unit {
                label: format!("SEM-{m:04}-{k}"),
                model: models[m].id.clone(),
                acquired: date(2019 + (rng.below(7) as i32), 3, 1),
                replacement_value_cents: Some(10_000 + rng.below(100_000) as u64),
                condition: Condition::Good,
                in_service: true,
                kit_size: None,
            });
        }
    }
    let communes: Vec<Commune> =
        (0..48).map(|i| Commune { id: format!("c{i}"), name: format!("Commune {i}") }).collect();
    let schools: Vec<School> = (0..263)
        .map(|i| School { id: format!("s{i}"), name: format!("École {i}"), commune: format!("c{}", i % 48) })
        .collect();
    let teachers: Vec<Teacher> = (0..TEACHERS)
        .map(|i| Teacher {
            id: format!("t{i:04}"),
            name: format!("Enseignant {i}"),
            email: format!("t{i}@ac-lyon.fr"),
            school: format!("s{}", i % 263),
        })
        .collect();
    let records: Vec<TrainingRecord> = teachers
        .iter()
        .flat_map(|t| {
            (0..TRAININGS).map(move |k| TrainingRecord {
                teacher: t.id.clone(),
                training: format!("f-{k}"),
                completed: date(2025, 6, 1),
            })
        })
        .collect();
    let mut state = PoolState {
        catalogue: Catalogue {
            categories: vec![Category { id: "cat".into(), name: text("Catégorie") }],
            models,
            units,
            trainings,
        },
        communes,
        schools,
        teachers,
        records,
        ..PoolState::default()
    };
    let calendar = SchoolCalendar::new(state.settings.zone, false, &state.holidays);
    let school_days: Vec<NaiveDate> = (day_num(date(2025, 9, 1))..=day_num(date(2027, 7, 2)))
        .filter_map(NaiveDate::from_num_days_from_ce_opt)
        .filter(|d| calendar.is_school_day(*d))
        .collect();
    let statuses = [BookingStatus::Requested, BookingStatus::Confirmed, BookingStatus::HandedOver];
    let mut lines_left = LINES;
    let mut n = 0;
    while lines_left > 0 {
        let count = (1 + rng.below(3)).min(lines_left);
        lines_left -= count;
        let mut lines: Vec<BookingLine> = Vec::with_capacity(count);
        while lines.len() < count {
            let model = state.catalogue.models[rng.below(MODELS)].id.clone();
            if !lines.iter().any(|l| l.model == model) {
                lines.push(BookingLine { model, quantity: 1 + rng.below(2) as u32 });
            }
        }
        let first = rng.below(school_days.len());
        let last = (first + rng.below(30)).min(school_days.len() - 1);
        let status = if rng.below(10) == 0 { BookingStatus::Returned } else { statuses[rng.below(3)] };
        n += 1;
        state.bookings.push(Booking {
            id: format!("b{n}"),
            teacher: format!("t{:04}", rng.below(TEACHERS)),
            lines,
            start: school_days[first],
            end: school_days[last],
            project: "Projet".into(),
            class: "CM1".into(),
            notes: String::new(),
            agreement_version: "1".into(),
            status,
            units: vec![],
            history: vec![HistoryEntry {
                rule: None,
                at: at(school_days[first]),
                by: Actor::Coordinator,
                status,
                reason: None,
            }],
        });
    }
    state
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                black_box(f());
                t.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let built = Instant::now();
    let state = fixture();
    let pool = Pool::new(state);
    let st = pool.state();
    let calendar = pool.calendar().clone();
    let gap = st.settings.turnaround_gap_days;
    println!(
        "fixture: {} models, {} units, {} bookings, {} lines; index built in {:?}",
        st.catalogue.models.len(),
        st.catalogue.units.len(),
        st.bookings.len(),
        st.bookings.iter().map(|b| b.lines.len()).sum::<usize>(),
        built.elapsed()
    );
    let today = date(2026, 11, 23);
    let (start, end) = (date(2027, 1, 11), date(2027, 1, 22));

    // Sanity: the index agrees with the oracle on the benchmarked query.
    let fast = pool.free_for_dates(start, end);
    for f in fast.iter().step_by(50) {
        assert_eq!(f.free, brute_force_free(&st.catalogue, &st.bookings, &calendar, gap, f.model, start, end));
    }
    // A booking request that passes every rule (two models with units free, one needing a
    // training the teacher holds).
    let free_models: Vec<&str> = fast.iter().filter(|f| f.free >= 1).map(|f| f.model).collect();
    let trained = free_models.iter().find(|m| m.ends_with('0') && m[6..].parse::<usize>().is_ok_and(|i| i % 4 == 0));
    let lines: Vec<BookingLine> = [trained.copied().unwrap_or(free_models[0]), free_models[1]]
        .iter()
        .map(|m| BookingLine { model: (*m).to_owned(), quantity: 1 })
        .collect();
    let request = BookingRequest {
        id: "bench-1".into(),
        teacher: "t0042".into(),
        lines,
        start,
        end,
        project: "Robots".into(),
        class: "CM2".into(),
        notes: String::new(),
        agreement_version: "1".into(),
        override_reason: None,
    };
    let actor = Actor::Teacher("t0042".into());
    assert!(pool.validate_booking(&request, &actor, today).is_ok(), "the benchmark request must be valid");
    let busy: Vec<&str> = fast.iter().filter(|f| f.free == 0).map(|f| f.model).collect();
    let mut refused = request.clone();
    if let Some(m) = busy.first() {
        refused.lines = vec![BookingLine { model: (*m).to_owned(), quantity: 1 }];
    }

    // Oracle ratio (plain medians with std's clock; criterion's figures follow).
    let catalogue_fast = time(200, || pool.free_for_dates(start, end).len());
    let catalogue_oracle = time(5, || {
        st.catalogue
            .models
            .iter()
            .map(|m| brute_force_free(&st.catalogue, &st.bookings, &calendar, gap, &m.id, start, end))
            .sum::<u32>()
    });
    let one_fast = time(2_000, || pool.free(&request.lines[0].model, start, end));
    let one_oracle =
        time(20, || brute_force_free(&st.catalogue, &st.bookings, &calendar, gap, &request.lines[0].model, start, end));
    println!(
        "whole catalogue: index {:?} vs oracle {:?} (oracle/index = {:.0}x)",
        catalogue_fast,
        catalogue_oracle,
        catalogue_oracle.as_secs_f64() / catalogue_fast.as_secs_f64()
    );
    println!(
        "one model:       index {:?} vs oracle {:?} (oracle/index = {:.0}x)",
        one_fast,
        one_oracle,
        one_oracle.as_secs_f64() / one_fast.as_secs_f64()
    );

    let check_ok = time(2_000, || pool.validate_booking(&request, &actor, today).is_ok());
    let check_refused = time(500, || pool.validate_booking(&refused, &actor, today).is_ok());
    println!("booking check:   accepted {check_ok:?}, refused by R1 with next free period {check_refused:?} (medians)");

    let mut c = Criterion::default().configure_from_args();
    c.bench_function("free_for_dates/whole catalogue (1000 models)", |b| {
        b.iter(|| black_box(pool.free_for_dates(black_box(start), black_box(end))))
    });
    c.bench_function("validate_booking/accepted (R2+R3+R1, 2 lines)", |b| {
        b.iter(|| black_box(pool.validate_booking(black_box(&request), &actor, today)))
    });
    c.bench_function("validate_booking/refused R1 (with next free period)", |b| {
        b.iter(|| black_box(pool.validate_booking(black_box(&refused), &actor, today)))
    });
    c.bench_function("free/one model", |b| {
        b.iter(|| black_box(pool.free(black_box(&request.lines[0].model), start, end)))
    });
    let mut slow = c.benchmark_group("oracle");
    slow.sample_size(10).measurement_time(Duration::from_secs(2));
    slow.bench_function("brute_force_free/one model", |b| {
        b.iter(|| {
            black_box(brute_force_free(
                &st.catalogue,
                &st.bookings,
                &calendar,
                gap,
                &request.lines[0].model,
                start,
                end,
            ))
        })
    });
    slow.finish();
    c.final_summary();
}
