//! A pool at the scale of a metropolitan authority, for the stored-size measurement and the
//! storage benchmarks: 1,000 models, 5,000 units and 20,000 bookings with a realistic life
//! (history, handed-over units, refusals with reasons, notes), generated with a seeded RNG.
//!
//! Shared by the unit tests (`#[cfg(test)]`) and `benches/storage.rs` (through `#[path]`, with
//! `crate::domain` and `crate::demo` re-exported there), so it never ships in the app.

use crate::demo::demo_data;
use crate::domain::calendar::{day_num, SchoolCalendar};
use crate::domain::incident::IncidentHistoryEntry;
use crate::domain::{
    Actor, AssignedUnit, Booking, BookingLine, BookingStatus, Commune, Condition, HistoryEntry, Incident, IncidentKind,
    IncidentStatus, LocalizedText, Model, PoolState, School, Teacher, TrainingRecord, Unit,
};
use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use std::collections::HashSet;

/// How big a pool to build.
#[derive(Clone, Copy, Debug)]
pub struct Scale {
    /// Models.
    pub models: usize,
    /// Units (at least one a model).
    pub units: usize,
    /// Bookings.
    pub bookings: usize,
    /// Teachers.
    pub teachers: usize,
}

/// The scale of the storage budget in issue 5.
pub const FULL: Scale = Scale { models: 1_000, units: 5_000, bookings: 20_000, teachers: 2_000 };

/// SplitMix64: small, seeded, good enough to spread a fixture.
pub struct Rng(pub u64);

impl Rng {
    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const FIRST_NAMES: [&str; 20] = [
    "Camille",
    "Léa",
    "Hugo",
    "Manon",
    "Lucas",
    "Chloé",
    "Louis",
    "Inès",
    "Gabriel",
    "Jade",
    "Nathalie",
    "Stéphane",
    "Émilie",
    "Julien",
    "Sophie",
    "Thomas",
    "Aurélie",
    "Nicolas",
    "Céline",
    "François",
];
const LAST_NAMES: [&str; 24] = [
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon",
    "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard",
    "André", "Mercier",
];
const PROJECTS: [&str; 36] = [
    "Robots au jardin",
    "La radio de l'école",
    "Notre quartier en stop-motion",
    "Coder avec Thymio",
    "Journal télévisé de la classe",
    "Découverte de la réalité virtuelle",
    "Podcast des CM2",
    "Sciences et mesures météo",
    "Imprimer un jeu de société en 3D",
    "Micro:bit et capteurs",
    "Les insectes au microscope",
    "Contes numériques",
    "Cinéma d'animation",
    "Exposé sur le système solaire",
    "Programmer une histoire",
    "Classe découverte numérique",
    "Fête de l'école : reportage",
    "Défi robotique inter-écoles",
    "Atelier photo nature",
    "Lecture à voix haute enregistrée",
    "Éducation aux médias",
    "Les métiers d'autrefois",
    "Météo de la semaine",
    "Concours de programmation",
    "Le tri des déchets en images",
    "Carnet de voyage numérique",
    "Chorale enregistrée",
    "Jeux mathématiques",
    "Maquette de la ville",
    "Projet d’écriture collective",
    "Semaine de la presse",
    "Atelier électricité",
    "Potager connecté",
    "Visite virtuelle du musée",
    "Initiation au code",
    "Théâtre filmé",
];
const CLASSES: [&str; 12] =
    ["CP", "CE1", "CE2", "CM1", "CM2", "CP-CE1", "CE1-CE2", "CE2-CM1", "CM1-CM2", "CM2 B", "CM1 A", "ULIS"];
const NOTES: [&str; 8] = [
    "Livraison le mardi matin si possible.",
    "Nous avons déjà les tablettes, merci pour les casques.",
    "Projet en lien avec la classe de CM2 de l'école voisine.",
    "Besoin d'une rallonge électrique.",
    "Merci de prévoir les chargeurs.",
    "Salle informatique au 1er étage.",
    "Retour possible le vendredi après-midi.",
    "Première utilisation : un accompagnement serait apprécié.",
];
const REFUSALS: [&str; 4] = [
    "Plus d'exemplaires disponibles sur cette période.",
    "Formation requise non suivie.",
    "Période trop longue pour ce matériel.",
    "Matériel en réparation.",
];
const CANCELLATIONS: [&str; 3] = ["Sortie scolaire annulée.", "Projet reporté.", "Enseignant absent."];

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// `day` at a time of day given in seconds.
fn at(day: NaiveDate, seconds: usize) -> NaiveDateTime {
    day.and_hms_opt(0, 0, 0).unwrap_or_default() + TimeDelta::seconds(seconds as i64)
}

/// Between `from` and `to` o'clock, to the second.
fn during(rng: &mut Rng, day: NaiveDate, from: usize, to: usize) -> NaiveDateTime {
    at(day, from * 3600 + rng.below((to - from) * 3600))
}

fn slug(text: &str) -> String {
    crate::domain::fold(text).chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect()
}

/// A pool of the given scale over the school years 2025-2026 and 2026-2027, seen on
/// 23 November 2026, built from the demo catalogue's models, descriptions, schools and trainings.
pub fn pool(scale: Scale) -> PoolState {
    let mut rng = Rng(0x5EED_2026);
    let demo = demo_data().unwrap_or_default();
    let mut state = demo.clone().into_pool_state();
    state.bookings.clear();
    let templates = &demo.catalogue.models;
    let template_units = &demo.catalogue.units;

    // Catalogue: models cloned from the demo ones (same descriptions, trainings), 1 to 9 units each.
    state.catalogue.models = (0..scale.models)
        .map(|k| {
            let t = &templates[k % templates.len()];
            let round = k / templates.len();
            Model {
                id: if round == 0 { t.id.clone() } else { format!("{}-{}", t.id, round + 1) },
                name: if round == 0 {
                    t.name.clone()
                } else {
                    LocalizedText {
                        fr: format!("{} (lot {})", t.name.fr, round + 1),
                        en: t.name.en.as_ref().map(|en| format!("{en} (batch {})", round + 1)),
                    }
                },
                ..t.clone()
            }
        })
        .collect();
    let mut per_model = vec![1usize; scale.models];
    for _ in scale.models..scale.units {
        let m = rng.below(scale.models);
        let m = if per_model[m] < 9 { m } else { (m + 1) % scale.models };
        per_model[m] += 1;
    }
    let mut numbers: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    state.catalogue.units = Vec::with_capacity(scale.units);
    for (k, model) in state.catalogue.models.iter().enumerate() {
        let template = &templates[k % templates.len()];
        let like = template_units.iter().find(|u| u.model == template.id);
        let prefix: String = template.category.chars().take(3).collect::<String>().to_uppercase();
        for _ in 0..per_model[k] {
            let n = numbers.entry(prefix.clone()).or_insert(0);
            *n += 1;
            state.catalogue.units.push(Unit {
                label: format!("SEM-{prefix}-{n:04}"),
                model: model.id.clone(),
                acquired: date(2019 + rng.below(8) as i32, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32),
                replacement_value_cents: Some(like.and_then(|u| u.replacement_value_cents).unwrap_or(15_000)),
                condition: *rng.pick(&[
                    Condition::Good,
                    Condition::Good,
                    Condition::Good,
                    Condition::New,
                    Condition::Worn,
                ]),
                in_service: !rng.chance(3),
                kit_size: like.and_then(|u| u.kit_size),
            });
        }
    }

    // People: 48 communes, 263 schools, the teachers, their training records.
    let communes: Vec<Commune> = (0..48)
        .map(|k| {
            let c = &demo.communes[k % demo.communes.len()];
            let round = k / demo.communes.len();
            if round == 0 {
                c.clone()
            } else {
                Commune { id: format!("{}-{round}", c.id), name: format!("{} {round}", c.name) }
            }
        })
        .collect();
    state.schools = (0..263)
        .map(|k| {
            let s = &demo.schools[k % demo.schools.len()];
            let commune = &communes[k % communes.len()];
            School {
                id: format!("{}-{k}", s.id),
                name: format!("{} ({})", s.name, commune.name),
                commune: commune.id.clone(),
            }
        })
        .collect();
    state.communes = communes;
    state.teachers = (0..scale.teachers)
        .map(|k| {
            let first = FIRST_NAMES[k % FIRST_NAMES.len()];
            let last = LAST_NAMES[(k / FIRST_NAMES.len()) % LAST_NAMES.len()];
            let email = format!("{}.{}{}@ac-lyon.fr", slug(first), slug(last), k / 480);
            Teacher {
                id: crate::domain::profile::teacher_id(&email),
                name: format!("{first} {last}"),
                email,
                school: state.schools[rng.below(state.schools.len())].id.clone(),
            }
        })
        .collect();
    let trainings: Vec<String> = state.catalogue.trainings.iter().map(|t| t.id.clone()).collect();
    state.records = Vec::new();
    for teacher in &state.teachers {
        for _ in 0..1 + rng.below(2) {
            state.records.push(TrainingRecord {
                teacher: teacher.id.clone(),
                training: rng.pick(&trainings).clone(),
                completed: date(2022 + rng.below(5) as i32, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32),
            });
        }
    }
    for session in &mut state.sessions {
        let count = 4 + rng.below(usize::from(session.capacity).max(5) - 3);
        session.enrolled = (0..count).map(|_| state.teachers[rng.below(state.teachers.len())].id.clone()).collect();
    }

    bookings(&mut state, scale, &mut rng);
    incidents(&mut state, &mut rng);
    state
}

fn bookings(state: &mut PoolState, scale: Scale, rng: &mut Rng) {
    let calendar = SchoolCalendar::new(state.settings.zone, false, &state.holidays);
    let school_days: Vec<NaiveDate> = (day_num(date(2025, 9, 1))..=day_num(date(2027, 7, 2)))
        .filter_map(NaiveDate::from_num_days_from_ce_opt)
        .filter(|d| calendar.is_school_day(*d))
        .collect();
    let today = date(2026, 11, 23);
    let mut ids = HashSet::new();
    let mut units_of: std::collections::HashMap<&str, Vec<&Unit>> = std::collections::HashMap::new();
    for unit in &state.catalogue.units {
        units_of.entry(unit.model.as_str()).or_default().push(unit);
    }
    let mut bookings = Vec::with_capacity(scale.bookings);
    for position in 0..scale.bookings {
        let t = rng.below(state.teachers.len());
        let teacher = state.teachers[t].id.clone();
        let count = *rng.pick(&[1, 1, 1, 1, 1, 1, 2, 2, 2, 3]);
        let mut lines: Vec<BookingLine> = Vec::new();
        while lines.len() < count {
            let model = &state.catalogue.models[rng.below(state.catalogue.models.len())];
            if !lines.iter().any(|l| l.model == model.id) {
                let available = units_of.get(model.id.as_str()).map_or(1, Vec::len);
                lines.push(BookingLine { model: model.id.clone(), quantity: 1 + rng.below(available.min(3)) as u32 });
            }
        }
        let first = rng.below(school_days.len());
        let length = *rng.pick(&[1, 2, 3, 5, 5, 10, 10, 15, 20, 30]);
        let (start, end) = (school_days[first], school_days[(first + length - 1).min(school_days.len() - 1)]);
        // Ids are minted on the teacher's device (see `domain::ids`): her browser's tag and a
        // number, n a little behind the coordinator's count when the file arrives.
        let mut n = (position + 1).saturating_sub(rng.below(20)).max(1);
        while !ids.insert((t, n)) {
            n += scale.bookings;
        }
        let status = if end < today {
            match rng.below(10) {
                0 => BookingStatus::Cancelled,
                1 => BookingStatus::Refused,
                _ => BookingStatus::Returned,
            }
        } else if start <= today {
            if rng.chance(95) {
                BookingStatus::HandedOver
            } else {
                BookingStatus::Confirmed
            }
        } else {
            *rng.pick(&[
                BookingStatus::Confirmed,
                BookingStatus::Confirmed,
                BookingStatus::Confirmed,
                BookingStatus::Confirmed,
                BookingStatus::Requested,
                BookingStatus::Requested,
                BookingStatus::Requested,
                BookingStatus::AwaitingTraining,
                BookingStatus::Cancelled,
                BookingStatus::Refused,
            ])
        };
        let by_teacher = Actor::Teacher(teacher.clone());
        let ahead = TimeDelta::days(7 + rng.below(60) as i64);
        let created = during(rng, start - ahead, 7, 22).min(during(rng, today, 7, 8));
        let first_status = if status == BookingStatus::AwaitingTraining {
            BookingStatus::AwaitingTraining
        } else {
            BookingStatus::Requested
        };
        let mut history =
            vec![HistoryEntry { rule: None, at: created, by: by_teacher.clone(), status: first_status, reason: None }];
        let later = |rng: &mut Rng, after: NaiveDateTime, days: usize| {
            let day = after.date() + TimeDelta::days(1 + rng.below(days) as i64);
            during(rng, day, 8, 18)
        };
        let confirmed = later(rng, created, 5);
        if matches!(status, BookingStatus::Confirmed | BookingStatus::HandedOver | BookingStatus::Returned) {
            history.push(HistoryEntry {
                at: confirmed,
                by: Actor::Coordinator,
                status: BookingStatus::Confirmed,
                reason: None,
                rule: None,
            });
        }
        let mut units = Vec::new();
        if matches!(status, BookingStatus::HandedOver | BookingStatus::Returned) {
            history.push(HistoryEntry {
                at: during(rng, start, 8, 10),
                by: Actor::Coordinator,
                status: BookingStatus::HandedOver,
                reason: None,
                rule: None,
            });
            for line in &lines {
                for unit in units_of.get(line.model.as_str()).into_iter().flatten().take(line.quantity as usize) {
                    units.push(AssignedUnit {
                        label: unit.label.clone(),
                        model: unit.model.clone(),
                        condition_out: unit.condition,
                        condition_in: (status == BookingStatus::Returned).then(|| {
                            if rng.chance(10) {
                                Condition::Worn
                            } else {
                                unit.condition
                            }
                        }),
                    });
                }
            }
        }
        if status == BookingStatus::Returned {
            let day = end + TimeDelta::days(rng.below(4) as i64);
            let back = during(rng, day, 15, 18);
            history.push(HistoryEntry { rule: None, at: back, by: Actor::Coordinator, status, reason: None });
        }
        if status == BookingStatus::Cancelled {
            let reason = rng.chance(30).then(|| rng.pick(&CANCELLATIONS).to_string());
            history.push(HistoryEntry { rule: None, at: later(rng, created, 20), by: by_teacher, status, reason });
        }
        if status == BookingStatus::Refused {
            let reason = Some(rng.pick(&REFUSALS).to_string());
            history.push(HistoryEntry { rule: None, at: confirmed, by: Actor::Coordinator, status, reason });
        }
        bookings.push(Booking {
            id: format!(
                "{}-{n}",
                crate::domain::IdMinter::from_random(0x9e37_79b9_7f4a_7c15_u64.wrapping_mul(t as u64 + 1)).tag
            ),
            teacher,
            lines,
            start,
            end,
            project: PROJECTS[(t * 3 + rng.below(3)) % PROJECTS.len()].to_owned(),
            class: rng.pick(&CLASSES).to_string(),
            notes: if rng.chance(8) { rng.pick(&NOTES).to_string() } else { String::new() },
            agreement_version: if start < date(2026, 9, 1) { "2025-09" } else { "2026-09" }.to_owned(),
            status,
            units,
            history,
        });
    }
    state.bookings = bookings;
}

fn incidents(state: &mut PoolState, rng: &mut Rng) {
    let returned: Vec<&Booking> =
        state.bookings.iter().filter(|b| b.status == BookingStatus::Returned && !b.units.is_empty()).collect();
    let mut incidents = Vec::new();
    for k in 0..(state.bookings.len() / 200) {
        let booking = returned[rng.below(returned.len())];
        let kind = *rng.pick(&[IncidentKind::Damage, IncidentKind::Damage, IncidentKind::Loss, IncidentKind::Theft]);
        let discovered = during(rng, booking.end, 8, 17);
        let declared = discovered + TimeDelta::hours(1 + rng.below(60) as i64);
        let school = state.borrower(&booking.teacher).school;
        incidents.push(Incident {
            id: format!("inc-{}", k + 1),
            unit: booking.units[0].label.clone(),
            booking: Some(booking.id.clone()),
            teacher: Some(booking.teacher.clone()),
            school: school.map(|s| s.id.clone()),
            commune: school.map(|s| s.commune.clone()),
            kind,
            description: "Écran fissuré lors du rangement.".to_owned(),
            discovered_at: discovered,
            declared_at: declared,
            police_report: kind.needs_police_report().then(|| format!("PV-2026-{:05}", rng.below(99_999))),
            police_report_at: kind.needs_police_report().then_some(declared),
            quote_cents: rng.chance(50).then(|| 5_000 + rng.below(50_000) as u64),
            status: IncidentStatus::Declared,
            history: vec![IncidentHistoryEntry {
                at: declared,
                by: Actor::Teacher(booking.teacher.clone()),
                status: IncidentStatus::Declared,
            }],
        });
    }
    state.incidents = incidents;
}
