//! Fixtures and independent oracles shared by the domain tests.

use super::booking::BookingLine;
use super::catalogue::{Catalogue, Category, Condition, LocalizedText, Model, Training, Unit};
use super::people::{Commune, School, Teacher, TrainingRecord, TrainingSession};
use super::pool::{BookingRequest, PoolState};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};

pub use crate::test_dates::{at, d};

/// "Now" in the fixtures: Tuesday 1 September 2026 (rentrée), 9:00.
pub fn now() -> NaiveDateTime {
    at(2026, 9, 1, 9, 0)
}

fn text(fr: &str) -> LocalizedText {
    LocalizedText { fr: fr.into(), en: None }
}

fn model(id: &str, trainings: &[&str], weeks: u8) -> Model {
    Model {
        id: id.into(),
        category: "rob".into(),
        name: text(&id.to_uppercase()),
        description: text(id),
        required_trainings: trainings.iter().map(|t| (*t).into()).collect(),
        max_loan_weeks: weeks,
    }
}

fn unit(label: &str, model: &str, acquired: NaiveDate, in_service: bool) -> Unit {
    Unit {
        label: label.into(),
        model: model.into(),
        acquired,
        replacement_value_cents: Some(16_900),
        condition: Condition::Good,
        in_service,
        kit_size: None,
    }
}

/// A small pool: `thymio` (3 in service + 1 retired, needs `f-rob`), `bluebot` (2, no
/// training), `casque` (2, needs `f-rv`, 4 weeks max). Teachers: `ana` (trained in robotics),
/// `carl` (enrolled in the 5 Oct 2026 robotics session), `dana` (nothing), `eve` (robotics
/// record expired).
pub fn state() -> PoolState {
    let catalogue = Catalogue {
        categories: vec![Category { id: "rob".into(), name: text("Robotique") }],
        models: vec![model("thymio", &["f-rob"], 8), model("bluebot", &[], 8), model("casque", &["f-rv"], 4)],
        units: vec![
            unit("ROB-1", "thymio", d(2022, 3, 1), true),
            unit("ROB-2", "thymio", d(2022, 3, 1), true),
            unit("ROB-3", "thymio", d(2019, 3, 1), true),
            unit("ROB-4", "thymio", d(2019, 3, 1), false),
            unit("BB-1", "bluebot", d(2026, 1, 10), true),
            unit("BB-2", "bluebot", d(2026, 1, 10), true),
            unit("RV-1", "casque", d(2025, 1, 10), true),
            unit("RV-2", "casque", d(2025, 1, 10), true),
        ],
        trainings: vec![
            Training { id: "f-rob".into(), name: text("Robotique"), validity_years: Some(3) },
            Training { id: "f-rv".into(), name: text("RV"), validity_years: None },
        ],
    };
    let teacher = |id: &str, school: &str| Teacher {
        id: id.into(),
        name: id.to_uppercase(),
        email: format!("{id}@ac-lyon.fr"),
        school: school.into(),
    };
    PoolState {
        catalogue,
        communes: vec![
            Commune { id: "69123".into(), name: "Lyon".into() },
            Commune { id: "69266".into(), name: "Villeurbanne".into() },
        ],
        schools: vec![
            School { id: "0690001A".into(), name: "École Jean Macé".into(), commune: "69123".into() },
            School { id: "0690002B".into(), name: "École Jules Ferry".into(), commune: "69266".into() },
        ],
        teachers: vec![
            teacher("ana", "0690001A"),
            teacher("ben", "0690001A"),
            teacher("carl", "0690002B"),
            teacher("dana", "0690002B"),
            teacher("eve", "0690002B"),
        ],
        sessions: vec![
            TrainingSession {
                others: 0,
                id: "s-rob-1".into(),
                training: "f-rob".into(),
                start: d(2026, 10, 5),
                end: d(2026, 10, 5),
                place: "Canopé Lyon".into(),
                capacity: 12,
                enrolled: vec!["carl".into()],
            },
            TrainingSession {
                others: 0,
                id: "s-rob-2".into(),
                training: "f-rob".into(),
                start: d(2026, 11, 18),
                end: d(2026, 11, 18),
                place: "Villeurbanne".into(),
                capacity: 12,
                enrolled: vec![],
            },
        ],
        records: vec![
            TrainingRecord { teacher: "ana".into(), training: "f-rob".into(), completed: d(2025, 6, 1) },
            TrainingRecord { teacher: "ben".into(), training: "f-rob".into(), completed: d(2025, 6, 1) },
            TrainingRecord { teacher: "eve".into(), training: "f-rob".into(), completed: d(2023, 6, 1) },
        ],
        ..PoolState::default()
    }
}

pub fn request(id: &str, teacher: &str, lines: &[(&str, u32)], start: NaiveDate, end: NaiveDate) -> BookingRequest {
    BookingRequest {
        id: id.into(),
        teacher: teacher.into(),
        lines: lines.iter().map(|(m, q)| BookingLine { model: (*m).into(), quantity: *q }).collect(),
        start,
        end,
        project: "Robots au jardin".into(),
        class: "CM1".into(),
        notes: String::new(),
        agreement_version: "1".into(),
        override_reason: None,
    }
}

#[cfg(not(target_arch = "wasm32"))] // used by the native-only property tests
/// Independent R2 oracle for zone A, school years 2026-2027 (public holidays and holidays
/// written out by hand, not computed).
pub fn oracle_school_day(date: NaiveDate) -> bool {
    if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
        return false;
    }
    let public = [
        d(2026, 1, 1),
        d(2026, 4, 6),
        d(2026, 5, 1),
        d(2026, 5, 8),
        d(2026, 5, 14),
        d(2026, 5, 25),
        d(2026, 7, 14),
        d(2026, 8, 15),
        d(2026, 11, 1),
        d(2026, 11, 11),
        d(2026, 12, 25),
        d(2027, 1, 1),
        d(2027, 3, 29),
        d(2027, 5, 1),
        d(2027, 5, 6),
        d(2027, 5, 8),
        d(2027, 5, 17),
        d(2027, 7, 14),
        d(2027, 8, 15),
        d(2027, 11, 1),
        d(2027, 11, 11),
        d(2027, 12, 25),
    ];
    if public.contains(&date) {
        return false;
    }
    let closed = [
        (d(2026, 7, 4), d(2026, 9, 1)),
        (d(2026, 10, 17), d(2026, 11, 2)),
        (d(2026, 12, 19), d(2027, 1, 4)),
        (d(2027, 2, 13), d(2027, 3, 1)),
        (d(2027, 4, 10), d(2027, 4, 26)),
        (d(2027, 5, 5), d(2027, 5, 10)),
        (d(2027, 7, 3), d(2027, 9, 1)),
    ];
    !closed.iter().any(|(a, b)| *a < date && date < *b)
}
