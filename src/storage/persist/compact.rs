//! Versions 2 to 4 of the stored document: the pool in a compact JSON encoding.
//!
//! Local storage quotas are counted in UTF-16 units (about five million in Chromium and
//! Firefox), and the save protocol keeps two copies. At the scale of a metropolitan pool
//! (1,000 models, 5,000 units, 20,000 bookings with their history) the plain serde form costs
//! several hundred units a booking; this one under a hundred, everything included.
//!
//! - Every table is an array of rows, and a row an array in a fixed order; trailing elements
//!   holding their default are left out.
//! - A reference to a category, model, unit, training, commune, school, teacher or booking is
//!   its index in that table, or the id itself as a string when the table lacks it (a dangling
//!   reference survives as it was).
//! - Repeated free texts (project titles, classes, agreement versions, places, reasons) are
//!   interned in the `strings` table and written as their index.
//! - Dates are day numbers from 1 January 2020; the end of a period is its length.
//! - Each booking is one string of packed numbers (see [`super::packed`]): its history costs a
//!   few characters an entry (seconds since the previous entry, the status and who in one
//!   character), and an id of the usual `<teacher>-<n>` form costs one character.
//! - Non-Latin-1 characters are escaped (see [`super::json_lite`]).
//!
//! Row layouts (`?` marks an element left out at the end when default):
//!
//! ```text
//! categories [id, name.fr, name.en?]
//! models     [id, category, name, description.fr, description.en|null?, [trainings]?, max_loan_weeks=8?]
//!            (name: the French name, or [fr, en] when it has an English one, from version 4)
//! units      [label, model, acquired, value_cents|null, condition=1?, in_service=1?, kit_size?]
//! trainings  [id, name.fr, name.en|null, validity_years?]
//! communes   [id, name]
//! schools    [id, name, commune]
//! teachers   [id, name, email (0: same as id), school]
//! sessions   [id, training, start, length, place, capacity, [enrolled]?, others=0?]
//! records    [teacher, training, completed]
//! holidays   [zones ("ABC"), name, start, length]
//! settings   [zone, alsace_moselle, gap, notice, horizon|null, threshold, window, refusals, agreement version, [[fr, en?]],
//!             contact=""?]
//! incidents  [id, unit, kind, status, discovered_at, declared_at, description, booking?, teacher?, school?, commune?,
//!             police_report?, police_report_at?, quote_cents?, [[at, by|null, status]]?]
//! occupancy  [id, start, length, status, [[model, quantity]]]          (version 3, as are the next)
//! demo       0 or 1
//! exchange   the exchange log in its serde form, as a string
//! minter     [tag, next] or null
//! rules      [booking position, history entry, the refusal's rule in its serde form]
//! ```
//!
//! A booking's packed numbers, in order: id (0 then a string index; 1, the tag's string index
//! and `n` for an id `<tag>-<n>` minted by a browser; or 2 + zigzag of the difference between
//! `n` and the row's position + 1 for the id `<teacher>-<n>` of the first releases — 1 + zigzag
//! in version 2, which had no minted ids); teacher;
//! line count, then per line model and quantity; start; length; project; class; agreement
//! version; status; history count, then per entry the signed seconds since the previous entry
//! (the first since the start day's midnight) and a code: below 14, `status × 2 + (by the
//! booking's teacher)`; `14 + status` announces who (0 coordinator, 1 the booking's teacher,
//! else 2 + a teacher reference), a reason (0 or 1 + string) and the nanoseconds; unit count,
//! then per unit its label and `condition_out × 5 + condition_in (0 none, 1 + condition)`, plus
//! 20 when the model follows (when it is not the catalogue unit's); notes (0 or 1 + string).
//! A reference is 1 + its index, or 0 then a string index for an id the table lacks.

use super::json_lite::{push_int, push_string, push_uint, Kind, ReadError, Reader, Row};
use super::model::{Document, Lineage, StateRef, StoredState, TabId, STORED_VERSION};
use super::packed::{Packer, UnpackError, Unpacker};
use crate::domain::basket::{BookingDraft, BookingPlan};
use crate::domain::booking::Refusal;
use crate::domain::calendar::day_num;
use crate::domain::ids::{minted_parts, IdMinter};
use crate::domain::incident::IncidentHistoryEntry;
use crate::domain::{
    iso, Actor, Agreement, AssignedUnit, Booking, BookingLine, BookingStatus, Catalogue, Category, Commune, Condition,
    Incident, IncidentKind, IncidentStatus, LocalizedText, Model, PoolState, School, SchoolHoliday, Settings, Teacher,
    Training, TrainingRecord, TrainingSession, Unit, Zone,
};
use crate::domain::{ExchangeLog, Occupancy};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Day number of 1 January 2020, day 0 of the stored dates.
const EPOCH_DAY: i32 = 737_425;

const SECONDS_PER_DAY: i64 = 86_400;

/// Ids of the usual form `<teacher>-<n>` are packed when `n` has at most this many digits.
const MAX_ID_NUMBER: u64 = 999_999_999_999_999;

const STATUSES: [BookingStatus; 7] = [
    BookingStatus::Requested,
    BookingStatus::AwaitingTraining,
    BookingStatus::Confirmed,
    BookingStatus::HandedOver,
    BookingStatus::Returned,
    BookingStatus::Cancelled,
    BookingStatus::Refused,
];
const CONDITIONS: [Condition; 4] = [Condition::New, Condition::Good, Condition::Worn, Condition::Damaged];
const KINDS: [IncidentKind; 3] = [IncidentKind::Damage, IncidentKind::Loss, IncidentKind::Theft];
const INCIDENT_STATUSES: [IncidentStatus; 3] =
    [IncidentStatus::Declared, IncidentStatus::Documented, IncidentStatus::Settled];
const ZONES: [(Zone, char); 3] = [(Zone::A, 'A'), (Zone::B, 'B'), (Zone::C, 'C')];

/// The position of `value` in `all` (every enum value is listed, so it is always found).
fn code_of<T: PartialEq>(all: &[T], value: &T) -> u64 {
    all.iter().position(|v| v == value).unwrap_or(0) as u64
}

fn day(date: NaiveDate) -> i64 {
    i64::from(day_num(date)) - i64::from(EPOCH_DAY)
}

fn date_from(n: i64) -> Option<NaiveDate> {
    let day = i32::try_from(n).ok()?.checked_add(EPOCH_DAY)?;
    NaiveDate::from_num_days_from_ce_opt(day)
}

fn seconds(at: NaiveDateTime) -> i64 {
    day(at.date()) * SECONDS_PER_DAY + i64::from(at.num_seconds_from_midnight())
}

fn datetime_from(seconds: i64, nano: u32) -> Option<NaiveDateTime> {
    let date = date_from(seconds.div_euclid(SECONDS_PER_DAY))?;
    let time = NaiveTime::from_num_seconds_from_midnight_opt(seconds.rem_euclid(SECONDS_PER_DAY) as u32, nano)?;
    Some(date.and_time(time))
}

/// A fast non-cryptographic hash (the Fx hash of rustc) for the encoder's tables: the ids are
/// the user's own data, so there is no flooding to fear, and SipHash was a third of the time.
#[derive(Default)]
struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

// ---- Writing --------------------------------------------------------------------------------

/// Positions of ids in a table (the first of duplicates wins; any index decodes to the same id).
struct Index<'a>(FxMap<&'a str, usize>);

impl<'a> Index<'a> {
    fn new(ids: impl Iterator<Item = &'a str>) -> Self {
        let mut map = FxMap::default();
        for (i, id) in ids.enumerate() {
            map.entry(id).or_insert(i);
        }
        Index(map)
    }

    fn get(&self, id: &str) -> Option<usize> {
        self.0.get(id).copied()
    }
}

/// The `strings` table being built.
#[derive(Default)]
struct Strings<'a> {
    positions: FxMap<&'a str, usize>,
    list: Vec<&'a str>,
}

impl<'a> Strings<'a> {
    fn intern(&mut self, text: &'a str) -> u64 {
        let next = self.list.len();
        let i = *self.positions.entry(text).or_insert(next);
        if i == next {
            self.list.push(text);
        }
        i as u64
    }
}

struct Writer<'a> {
    strings: Strings<'a>,
    categories: Index<'a>,
    models: Index<'a>,
    /// Unit label → (position, model).
    units: FxMap<&'a str, (usize, &'a str)>,
    trainings: Index<'a>,
    communes: Index<'a>,
    schools: Index<'a>,
    teachers: Index<'a>,
    bookings: Index<'a>,
}

fn push_ref(out: &mut String, index: &Index<'_>, id: &str) {
    match index.get(id) {
        Some(i) => push_uint(out, i as u64),
        None => push_string(out, id),
    }
}

fn push_opt_ref(out: &mut String, index: &Index<'_>, id: Option<&str>) {
    match id {
        Some(id) => push_ref(out, index, id),
        None => out.push_str("null"),
    }
}

/// Writes `[a,b,…]` with one call of `item` per element.
fn push_array<'t, T>(out: &mut String, items: &'t [T], mut item: impl FnMut(&mut String, &'t T)) {
    out.push('[');
    for (i, value) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        item(out, value);
    }
    out.push(']');
}

/// Writes `,"name":[row,…]`, one row an item.
fn section<'t, T>(out: &mut String, name: &str, items: &'t [T], mut write: impl FnMut(&mut Row<'_>, &'t T)) {
    out.push_str(",\"");
    out.push_str(name);
    out.push_str("\":");
    push_array(out, items, |out, item| {
        let mut row = Row::open(out);
        write(&mut row, item);
        row.close();
    });
}

fn push_text_row(row: &mut Row<'_>, text: &LocalizedText) {
    row.string(&text.fr);
    row.opt_string(text.en.as_deref());
}

fn push_teacher(out: &mut String, t: &Teacher, schools: Option<&Index<'_>>) {
    let mut row = Row::open(out);
    row.string(&t.id);
    row.string(&t.name);
    if t.email == t.id {
        row.int(0, None);
    } else {
        row.string(&t.email);
    }
    row.item(false, |out| match schools {
        Some(index) => push_ref(out, index, &t.school),
        None => push_string(out, &t.school),
    });
    row.close();
}

/// The `n` of an id `<teacher>-<n>`, when `n` is written the canonical way.
fn id_number(id: &str, teacher: &str) -> Option<u64> {
    let digits = id.strip_prefix(teacher)?.strip_prefix('-')?;
    let canonical = !digits.is_empty()
        && digits.len() <= 15
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    canonical.then(|| digits.parse().ok()).flatten().filter(|n| *n <= MAX_ID_NUMBER)
}

impl<'a> Writer<'a> {
    fn new(pool: &'a PoolState) -> Self {
        let catalogue = &pool.catalogue;
        Writer {
            strings: Strings::default(),
            categories: Index::new(catalogue.categories.iter().map(|c| c.id.as_str())),
            models: Index::new(catalogue.models.iter().map(|m| m.id.as_str())),
            units: {
                let mut map = FxMap::default();
                for (i, u) in catalogue.units.iter().enumerate() {
                    map.entry(u.label.as_str()).or_insert((i, u.model.as_str()));
                }
                map
            },
            trainings: Index::new(catalogue.trainings.iter().map(|t| t.id.as_str())),
            communes: Index::new(pool.communes.iter().map(|c| c.id.as_str())),
            schools: Index::new(pool.schools.iter().map(|s| s.id.as_str())),
            teachers: Index::new(pool.teachers.iter().map(|t| t.id.as_str())),
            bookings: {
                // Only incidents refer to bookings: index just those.
                let wanted: HashSet<&str> = pool.incidents.iter().filter_map(|i| i.booking.as_deref()).collect();
                let mut map = FxMap::default();
                for (i, b) in pool.bookings.iter().enumerate().filter(|(_, b)| wanted.contains(b.id.as_str())) {
                    map.entry(b.id.as_str()).or_insert(i);
                }
                Index(map)
            },
        }
    }

    /// A reference in a packed row: 1 + index, or 0 then the id as a string.
    fn pack_ref(strings: &mut Strings<'a>, p: &mut Packer, index: &Index<'_>, id: &'a str, offset: u64) {
        match index.get(id) {
            Some(i) => p.u(offset + 1 + i as u64),
            None => {
                p.u(offset);
                p.u(strings.intern(id));
            }
        }
    }

    fn pack_booking(&mut self, out: &mut String, position: usize, b: &'a Booking) {
        let mut p = Packer::new(out);
        let strings = &mut self.strings;
        match (minted_parts(&b.id), id_number(&b.id, &b.teacher)) {
            (Some((tag, n)), _) => {
                p.u(1);
                p.u(strings.intern(tag));
                p.u(n);
            }
            (None, Some(n)) => p.u(2 + crate::storage::persist::packed::zigzag(n as i64 - position as i64 - 1)),
            (None, None) => {
                p.u(0);
                p.u(strings.intern(&b.id));
            }
        }
        Self::pack_ref(strings, &mut p, &self.teachers, &b.teacher, 0);
        p.u(b.lines.len() as u64);
        for line in &b.lines {
            Self::pack_ref(strings, &mut p, &self.models, &line.model, 0);
            p.u(u64::from(line.quantity));
        }
        p.s(day(b.start));
        p.s(day(b.end) - day(b.start));
        p.u(strings.intern(&b.project));
        p.u(strings.intern(&b.class));
        p.u(strings.intern(&b.agreement_version));
        p.u(code_of(&STATUSES, &b.status));
        p.u(b.history.len() as u64);
        let mut previous = day(b.start) * SECONDS_PER_DAY;
        for h in &b.history {
            let at = seconds(h.at);
            p.s(at - previous);
            previous = at;
            let status = code_of(&STATUSES, &h.status);
            let by = match &h.by {
                Actor::Coordinator => Some(0),
                Actor::Teacher(t) if *t == b.teacher => Some(1),
                Actor::Teacher(_) => None,
            };
            match by {
                Some(by) if h.reason.is_none() && h.at.nanosecond() == 0 => p.u(status * 2 + by),
                _ => {
                    p.u(14 + status);
                    match &h.by {
                        Actor::Coordinator => p.u(0),
                        Actor::Teacher(t) if *t == b.teacher => p.u(1),
                        Actor::Teacher(t) => Self::pack_ref(strings, &mut p, &self.teachers, t, 2),
                    }
                    p.u(h.reason.as_deref().map_or(0, |r| 1 + strings.intern(r)));
                    p.u(u64::from(h.at.nanosecond()));
                }
            }
        }
        p.u(b.units.len() as u64);
        for unit in &b.units {
            let known = self.units.get(unit.label.as_str());
            match known {
                Some((i, _)) => p.u(1 + *i as u64),
                None => {
                    p.u(0);
                    p.u(strings.intern(&unit.label));
                }
            }
            let explicit = known.is_none_or(|(_, model)| *model != unit.model);
            let condition_in = unit.condition_in.map_or(0, |c| 1 + code_of(&CONDITIONS, &c));
            p.u(code_of(&CONDITIONS, &unit.condition_out) * 5 + condition_in + if explicit { 20 } else { 0 });
            if explicit {
                Self::pack_ref(strings, &mut p, &self.models, &unit.model, 0);
            }
        }
        p.u(if b.notes.is_empty() { 0 } else { 1 + strings.intern(&b.notes) });
        p.finish();
    }

    fn incident(&self, out: &mut String, i: &Incident) {
        let units = |out: &mut String, label: &str| match self.units.get(label) {
            Some((k, _)) => push_uint(out, *k as u64),
            None => push_string(out, label),
        };
        let mut row = Row::open(out);
        row.string(&i.id);
        row.item(false, |out| units(out, &i.unit));
        row.uint(code_of(&KINDS, &i.kind), None);
        row.uint(code_of(&INCIDENT_STATUSES, &i.status), None);
        row.string(&iso::format_datetime(i.discovered_at));
        row.string(&iso::format_datetime(i.declared_at));
        row.item(i.description.is_empty(), |out| push_string(out, &i.description));
        row.item(i.booking.is_none(), |out| push_opt_ref(out, &self.bookings, i.booking.as_deref()));
        row.item(i.teacher.is_none(), |out| push_opt_ref(out, &self.teachers, i.teacher.as_deref()));
        row.item(i.school.is_none(), |out| push_opt_ref(out, &self.schools, i.school.as_deref()));
        row.item(i.commune.is_none(), |out| push_opt_ref(out, &self.communes, i.commune.as_deref()));
        row.opt_string(i.police_report.as_deref());
        row.opt_string(i.police_report_at.map(iso::format_datetime).as_deref());
        row.opt_uint(i.quote_cents);
        row.item(i.history.is_empty(), |out| {
            push_array(out, &i.history, |out, h| {
                let mut entry = Row::open(out);
                entry.string(&iso::format_datetime(h.at));
                entry.item(false, |out| match &h.by {
                    Actor::Coordinator => out.push_str("null"),
                    Actor::Teacher(t) => push_ref(out, &self.teachers, t),
                });
                entry.uint(code_of(&INCIDENT_STATUSES, &h.status), None);
                entry.close();
            })
        });
        row.close();
    }

    fn pool(mut self, pool: &'a PoolState) -> String {
        let catalogue = &pool.catalogue;
        let mut body = String::with_capacity(64 * (pool.bookings.len() + catalogue.units.len()) + 4096);
        section(&mut body, "categories", &catalogue.categories, |row, c| {
            row.string(&c.id);
            push_text_row(row, &c.name);
        });
        section(&mut body, "models", &catalogue.models, |row, m| {
            row.string(&m.id);
            row.item(false, |out| push_ref(out, &self.categories, &m.category));
            match &m.name.en {
                None => row.string(&m.name.fr),
                Some(en) => row.item(false, |out| {
                    let mut name = Row::open(out);
                    name.string(&m.name.fr);
                    name.string(en);
                    name.close();
                }),
            }
            push_text_row(row, &m.description);
            row.item(m.required_trainings.is_empty(), |out| {
                push_array(out, &m.required_trainings, |out, t| push_ref(out, &self.trainings, t))
            });
            row.uint(u64::from(m.max_loan_weeks), Some(8));
        });
        section(&mut body, "units", &catalogue.units, |row, u| {
            row.string(&u.label);
            row.item(false, |out| push_ref(out, &self.models, &u.model));
            row.int(day(u.acquired), None);
            row.opt_uint(u.replacement_value_cents);
            row.uint(code_of(&CONDITIONS, &u.condition), Some(1));
            row.uint(u64::from(u.in_service), Some(1));
            row.opt_uint(u.kit_size.map(u64::from));
        });
        section(&mut body, "trainings", &catalogue.trainings, |row, t| {
            row.string(&t.id);
            push_text_row(row, &t.name);
            row.opt_uint(t.validity_years.map(u64::from));
        });
        section(&mut body, "communes", &pool.communes, |row, c| {
            row.string(&c.id);
            row.string(&c.name);
        });
        section(&mut body, "schools", &pool.schools, |row, s| {
            row.string(&s.id);
            row.string(&s.name);
            row.item(false, |out| push_ref(out, &self.communes, &s.commune));
        });
        body.push_str(",\"teachers\":");
        push_array(&mut body, &pool.teachers, |out, t| push_teacher(out, t, Some(&self.schools)));
        section(&mut body, "sessions", &pool.sessions, |row, s| {
            row.string(&s.id);
            row.item(false, |out| push_ref(out, &self.trainings, &s.training));
            row.int(day(s.start), None);
            row.int(day(s.end) - day(s.start), None);
            row.uint(self.strings.intern(&s.place), None);
            row.uint(u64::from(s.capacity), None);
            row.item(s.enrolled.is_empty(), |out| {
                push_array(out, &s.enrolled, |out, t| push_ref(out, &self.teachers, t))
            });
            row.uint(u64::from(s.others), Some(0));
        });
        section(&mut body, "records", &pool.records, |row, r| {
            row.item(false, |out| push_ref(out, &self.teachers, &r.teacher));
            row.item(false, |out| push_ref(out, &self.trainings, &r.training));
            row.int(day(r.completed), None);
        });
        section(&mut body, "holidays", &pool.holidays, |row, h| {
            let zones: String =
                h.zones.iter().map(|z| ZONES.iter().find(|(v, _)| v == z).map_or('A', |(_, c)| *c)).collect();
            row.string(&zones);
            row.uint(self.strings.intern(&h.name), None);
            row.int(day(h.start), None);
            row.int(day(h.end) - day(h.start), None);
        });
        body.push_str(",\"settings\":");
        settings(&mut body, &pool.settings);
        body.push_str(",\"bookings\":[");
        for (i, b) in pool.bookings.iter().enumerate() {
            if i > 0 {
                body.push(',');
            }
            // The packing alphabet needs no escaping.
            body.push('"');
            self.pack_booking(&mut body, i, b);
            body.push('"');
        }
        body.push_str("],\"incidents\":");
        push_array(&mut body, &pool.incidents, |out, i| self.incident(out, i));
        section(&mut body, "occupancy", &pool.occupancy, |row, o| {
            row.string(&o.id);
            row.int(day(o.start), None);
            row.int(day(o.end) - day(o.start), None);
            row.uint(code_of(&STATUSES, &o.status), None);
            row.item(false, |out| {
                push_array(out, &o.lines, |out, l| {
                    let mut line = Row::open(out);
                    line.item(false, |out| push_ref(out, &self.models, &l.model));
                    line.uint(u64::from(l.quantity), None);
                    line.close();
                })
            });
        });
        body.push_str(",\"demo\":");
        push_uint(&mut body, u64::from(pool.demo));
        body.push_str(",\"exchange\":");
        // Small and rarely written: kept as its serde form, in a string.
        push_string(&mut body, &serde_json::to_string(&pool.exchange).unwrap_or_default());
        body.push_str(",\"minter\":");
        match &pool.minter {
            Some(m) => {
                let mut row = Row::open(&mut body);
                row.string(&m.tag);
                row.uint(m.next, None);
                row.close();
            }
            None => body.push_str("null"),
        }
        // The rules behind refusals of requests taken in: few, so a table of their own rather
        // than a field of every history entry.
        let rules: Vec<(usize, usize, &str)> = pool
            .bookings
            .iter()
            .enumerate()
            .flat_map(|(i, b)| {
                b.history
                    .iter()
                    .enumerate()
                    .filter_map(move |(k, h)| h.rule.as_ref().map(|rule| (i, k, rule.as_json())))
            })
            .collect();
        section(&mut body, "rules", &rules, |row, (booking, entry, rule)| {
            row.uint(*booking as u64, None);
            row.uint(*entry as u64, None);
            row.string(rule);
        });
        body.push('}');

        let strings_len: usize = self.strings.list.iter().map(|s| s.len() + 3).sum();
        let mut out = String::with_capacity(body.len() + strings_len + 16);
        out.push_str("{\"strings\":");
        push_array(&mut out, &self.strings.list, |out, s| push_string(out, s));
        out.push_str(&body);
        out
    }
}

fn settings(out: &mut String, s: &Settings) {
    let mut row = Row::open(out);
    row.uint(ZONES.iter().position(|(z, _)| *z == s.zone).unwrap_or(0) as u64, None);
    row.uint(u64::from(s.alsace_moselle), None);
    row.uint(u64::from(s.turnaround_gap_days), None);
    row.uint(u64::from(s.min_notice_days), None);
    row.item(false, |out| match s.booking_horizon {
        Some(d) => push_int(out, day(d)),
        None => out.push_str("null"),
    });
    row.uint(u64::from(s.reallocation_threshold_percent), None);
    row.uint(u64::from(s.reallocation_window_months), None);
    row.uint(u64::from(s.frequent_refusals), None);
    row.string(&s.agreement.version);
    row.item(false, |out| {
        push_array(out, &s.agreement.clauses, |out, c| {
            let mut clause = Row::open(out);
            push_text_row(&mut clause, c);
            clause.close();
        })
    });
    row.item(s.contact.is_empty(), |out| push_string(out, &s.contact));
    row.close();
}

fn push_plan(out: &mut String, plan: &BookingPlan) {
    let mut row = Row::open(out);
    row.opt_string(plan.start.map(iso::format_date).as_deref());
    row.opt_string(plan.end.map(iso::format_date).as_deref());
    row.item(plan.basket.is_empty(), |out| {
        push_array(out, &plan.basket, |out, l| {
            let mut line = Row::open(out);
            line.string(&l.model);
            line.uint(u64::from(l.quantity), None);
            line.close();
        })
    });
    let draft = &plan.draft;
    row.item(draft.project.is_empty(), |out| push_string(out, &draft.project));
    row.item(draft.class.is_empty(), |out| push_string(out, &draft.class));
    row.item(draft.notes.is_empty(), |out| push_string(out, &draft.notes));
    row.opt_string(draft.accepted.as_deref());
    row.close();
}

/// Writes a document in the current version (5).
pub fn encode_document(
    revision: u64,
    lineage: &Lineage,
    saved_at: Option<NaiveDateTime>,
    state: StateRef<'_>,
) -> String {
    let pool = state.pool.map(|pool| Writer::new(pool).pool(pool));
    let mut out = String::with_capacity(pool.as_ref().map_or(0, String::len) + 256);
    out.push_str("{\"schema_version\":");
    push_uint(&mut out, u64::from(STORED_VERSION));
    out.push_str(",\"revision\":");
    push_uint(&mut out, revision);
    out.push_str(",\"lineage\":[");
    for (i, (tab, saved)) in lineage.0.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('[');
        push_string(&mut out, &tab.to_string());
        out.push(',');
        push_uint(&mut out, *saved);
        out.push(']');
    }
    out.push(']');
    out.push_str(",\"saved_at\":");
    match saved_at {
        Some(at) => push_string(&mut out, &iso::format_datetime(at)),
        None => out.push_str("null"),
    }
    out.push_str(",\"profile\":");
    match state.profile {
        Some(t) => push_teacher(&mut out, t, None),
        None => out.push_str("null"),
    }
    out.push_str(",\"plan\":");
    match state.plan {
        Some(plan) => push_plan(&mut out, plan),
        None => out.push_str("null"),
    }
    out.push_str(",\"pool\":");
    out.push_str(pool.as_deref().unwrap_or("null"));
    out.push('}');
    out
}

// ---- Reading --------------------------------------------------------------------------------

fn enum_at<T: Copy>(r: &mut Reader<'_>, all: &[T]) -> Result<T, ReadError> {
    let at = r.offset();
    let i: usize = r.int_as()?;
    all.get(i).copied().ok_or(ReadError { offset: at, what: "unknown code" })
}

/// A reference written by `push_ref`: an index into `items`, or the id itself.
fn reference<T>(r: &mut Reader<'_>, items: &[T], id: impl Fn(&T) -> &str) -> Result<String, ReadError> {
    if r.peek()? == Kind::String {
        return r.string();
    }
    let at = r.offset();
    let i: usize = r.int_as()?;
    items.get(i).map(|item| id(item).to_owned()).ok_or(ReadError { offset: at, what: "index out of range" })
}

fn opt_reference<T>(r: &mut Reader<'_>, items: &[T], id: impl Fn(&T) -> &str) -> Result<Option<String>, ReadError> {
    if r.null()? {
        Ok(None)
    } else {
        reference(r, items, id).map(Some)
    }
}

fn date_at(r: &mut Reader<'_>) -> Result<NaiveDate, ReadError> {
    let at = r.offset();
    date_from(r.int()?).ok_or(ReadError { offset: at, what: "day out of range" })
}

/// A period written as start and length.
fn period_at(r: &mut Reader<'_>) -> Result<(NaiveDate, NaiveDate), ReadError> {
    let start = date_at(r)?;
    r.element()?;
    let at = r.offset();
    let end = r
        .int()?
        .checked_add(day(start))
        .and_then(date_from)
        .ok_or(ReadError { offset: at, what: "day out of range" })?;
    Ok((start, end))
}

fn iso_datetime(r: &mut Reader<'_>) -> Result<NaiveDateTime, ReadError> {
    let at = r.offset();
    iso::parse_datetime(&r.string()?).ok_or(ReadError { offset: at, what: "not a date and time" })
}

fn text_row(r: &mut Reader<'_>) -> Result<LocalizedText, ReadError> {
    r.element()?;
    let fr = r.string()?;
    let en = r.next_or(None, |r| r.opt_string())?;
    Ok(LocalizedText { fr, en })
}

fn teacher_row(r: &mut Reader<'_>, schools: &[School]) -> Result<Teacher, ReadError> {
    r.row(|r| {
        r.element()?;
        let id = r.string()?;
        r.element()?;
        let name = r.string()?;
        r.element()?;
        let email = if r.peek()? == Kind::Number {
            let at = r.offset();
            if r.int()? != 0 {
                return Err(ReadError { offset: at, what: "expected 0 or an e-mail" });
            }
            id.clone()
        } else {
            r.string()?
        };
        r.element()?;
        let school = reference(r, schools, |s| &s.id)?;
        Ok(Teacher { id, name, email, school })
    })
}

/// The tables decoded so far, which later rows refer to.
struct Tables {
    /// The document's version (2 packs ids differently).
    version: u32,
    strings: Vec<String>,
    categories: Vec<Category>,
    models: Vec<Model>,
    units: Vec<Unit>,
    trainings: Vec<Training>,
    communes: Vec<Commune>,
    schools: Vec<School>,
    teachers: Vec<Teacher>,
}

fn list<T>(
    r: &mut Reader<'_>,
    mut item: impl FnMut(&mut Reader<'_>) -> Result<T, ReadError>,
) -> Result<Vec<T>, ReadError> {
    let mut items = Vec::new();
    r.array(|r| {
        items.push(item(r)?);
        Ok(())
    })?;
    Ok(items)
}

/// Reads the key `name` and its array of rows, each with `read`.
fn rows<T>(
    r: &mut Reader<'_>,
    name: &'static str,
    mut read: impl FnMut(&mut Reader<'_>) -> Result<T, ReadError>,
) -> Result<Vec<T>, ReadError> {
    r.expect_key(name)?;
    list(r, |r| r.row(&mut read))
}

fn string_at(strings: &[String], i: usize) -> Result<String, UnpackError> {
    strings.get(i).cloned().ok_or(UnpackError::BadNumber(0))
}

impl Tables {
    /// A reference in a packed row (see [`Writer::pack_ref`]), after `offset` was taken off.
    fn unpack_ref<T>(
        &self,
        u: &mut Unpacker<'_>,
        code: u64,
        items: &[T],
        id: impl Fn(&T) -> &str,
    ) -> Result<String, UnpackError> {
        let at = u.offset();
        match code {
            0 => string_at(&self.strings, u.index()?),
            k => usize::try_from(k - 1)
                .ok()
                .and_then(|i| items.get(i))
                .map(|item| id(item).to_owned())
                .ok_or(UnpackError::BadNumber(at)),
        }
    }

    fn unpack_booking(&self, position: usize, row: &str) -> Result<Booking, UnpackError> {
        let mut u = Unpacker::new(row);
        let bad = |u: &Unpacker<'_>| UnpackError::BadNumber(u.offset());
        let id_code = u.u()?;
        // Version 3 announces a minted id with 1 and shifts the `<teacher>-<n>` form by one.
        let (minted, teacher_form) = if self.version >= 3 { (id_code == 1, 2) } else { (false, 1) };
        let literal_id = match id_code {
            0 => Some(string_at(&self.strings, u.index()?)?),
            _ if minted => {
                let tag = string_at(&self.strings, u.index()?)?;
                Some(format!("{tag}-{}", u.u()?))
            }
            _ => None,
        };
        let code = u.u()?;
        let teacher = self.unpack_ref(&mut u, code, &self.teachers, |t| &t.id)?;
        let id = match literal_id {
            Some(id) => id,
            None => {
                let delta = crate::storage::persist::packed::unzigzag(id_code - teacher_form);
                let n = delta
                    .checked_add(position as i64 + 1)
                    .filter(|n| (0..=MAX_ID_NUMBER as i64).contains(n))
                    .ok_or(bad(&u))?;
                let mut id = String::with_capacity(teacher.len() + 8);
                id.push_str(&teacher);
                id.push('-');
                push_uint(&mut id, n as u64);
                id
            }
        };
        let count = u.index()?;
        let mut lines = Vec::with_capacity(count.min(64));
        for _ in 0..count {
            let code = u.u()?;
            let model = self.unpack_ref(&mut u, code, &self.models, |m| &m.id)?;
            let quantity = u32::try_from(u.u()?).map_err(|_| bad(&u))?;
            lines.push(BookingLine { model, quantity });
        }
        let start_day = u.s()?;
        let start = date_from(start_day).ok_or(bad(&u))?;
        let end = u.s()?.checked_add(start_day).and_then(date_from).ok_or(bad(&u))?;
        let project = string_at(&self.strings, u.index()?)?;
        let class = string_at(&self.strings, u.index()?)?;
        let agreement_version = string_at(&self.strings, u.index()?)?;
        let status = *STATUSES.get(u.index()?).ok_or(bad(&u))?;
        let count = u.index()?;
        let mut history = Vec::with_capacity(count.min(64));
        let mut previous = start_day.checked_mul(SECONDS_PER_DAY).ok_or(bad(&u))?;
        for _ in 0..count {
            let at = previous.checked_add(u.s()?).ok_or(bad(&u))?;
            previous = at;
            let code = u.index()?;
            let (status, by, reason, nano) = if code < 14 {
                let by = if code % 2 == 1 { Actor::Teacher(teacher.clone()) } else { Actor::Coordinator };
                (STATUSES[code / 2], by, None, 0)
            } else {
                let status = *STATUSES.get(code - 14).ok_or(bad(&u))?;
                let by = match u.u()? {
                    0 => Actor::Coordinator,
                    1 => Actor::Teacher(teacher.clone()),
                    k => Actor::Teacher(self.unpack_ref(&mut u, k - 2, &self.teachers, |t| &t.id)?),
                };
                let reason = match u.index()? {
                    0 => None,
                    k => Some(string_at(&self.strings, k - 1)?),
                };
                let nano = u32::try_from(u.u()?).map_err(|_| bad(&u))?;
                (status, by, reason, nano)
            };
            let at = datetime_from(at, nano).ok_or(bad(&u))?;
            history.push(crate::domain::HistoryEntry { at, by, status, reason, rule: None });
        }
        let count = u.index()?;
        let mut units = Vec::with_capacity(count.min(64));
        for _ in 0..count {
            let known = match u.index()? {
                0 => Err(string_at(&self.strings, u.index()?)?),
                k => Ok(self.units.get(k - 1).ok_or(bad(&u))?),
            };
            let code = u.index()?;
            if code >= 40 || (known.is_err() && code < 20) {
                return Err(bad(&u));
            }
            let conditions = code % 20;
            let condition_out = *CONDITIONS.get(conditions / 5).ok_or(bad(&u))?;
            let condition_in = match conditions % 5 {
                0 => None,
                k => Some(CONDITIONS[k - 1]),
            };
            let model = if code >= 20 {
                let code = u.u()?;
                self.unpack_ref(&mut u, code, &self.models, |m| &m.id)?
            } else {
                known.as_ref().map(|unit| unit.model.clone()).unwrap_or_default()
            };
            let label = match known {
                Ok(unit) => unit.label.clone(),
                Err(label) => label,
            };
            units.push(AssignedUnit { label, model, condition_out, condition_in });
        }
        let notes = match u.index()? {
            0 => String::new(),
            k => string_at(&self.strings, k - 1)?,
        };
        if !u.is_done() {
            return Err(bad(&u));
        }
        Ok(Booking { id, teacher, lines, start, end, project, class, notes, agreement_version, status, units, history })
    }

    fn text(&self, r: &mut Reader<'_>) -> Result<String, ReadError> {
        reference(r, &self.strings, |s| s.as_str())
    }

    fn incident(&self, r: &mut Reader<'_>, bookings: &[Booking]) -> Result<Incident, ReadError> {
        r.row(|r| {
            r.element()?;
            let id = r.string()?;
            r.element()?;
            let unit = reference(r, &self.units, |u| &u.label)?;
            r.element()?;
            let kind = enum_at(r, &KINDS)?;
            r.element()?;
            let status = enum_at(r, &INCIDENT_STATUSES)?;
            r.element()?;
            let discovered_at = iso_datetime(r)?;
            r.element()?;
            let declared_at = iso_datetime(r)?;
            let description = r.next_or(String::new(), |r| r.string())?;
            let booking = r.next_or(None, |r| opt_reference(r, bookings, |b| &b.id))?;
            let teacher = r.next_or(None, |r| opt_reference(r, &self.teachers, |t| &t.id))?;
            let school = r.next_or(None, |r| opt_reference(r, &self.schools, |s| &s.id))?;
            let commune = r.next_or(None, |r| opt_reference(r, &self.communes, |c| &c.id))?;
            let police_report = r.next_or(None, |r| r.opt_string())?;
            let police_report_at = r.next_or(None, |r| if r.null()? { Ok(None) } else { iso_datetime(r).map(Some) })?;
            let quote_cents = r.next_or(None, |r| r.opt_uint())?;
            let history = r.next_or(Vec::new(), |r| {
                list(r, |r| {
                    r.row(|r| {
                        r.element()?;
                        let at = iso_datetime(r)?;
                        r.element()?;
                        let by = match opt_reference(r, &self.teachers, |t| &t.id)? {
                            Some(t) => Actor::Teacher(t),
                            None => Actor::Coordinator,
                        };
                        r.element()?;
                        let status = enum_at(r, &INCIDENT_STATUSES)?;
                        Ok(IncidentHistoryEntry { at, by, status })
                    })
                })
            })?;
            Ok(Incident {
                id,
                unit,
                booking,
                teacher,
                school,
                commune,
                kind,
                description,
                discovered_at,
                declared_at,
                police_report,
                police_report_at,
                quote_cents,
                status,
                history,
            })
        })
    }
}

fn read_settings(r: &mut Reader<'_>) -> Result<Settings, ReadError> {
    r.row(|r| {
        r.element()?;
        let zone = ZONES[usize::from(enum_at(r, &[0u8, 1, 2])?)].0;
        r.element()?;
        let alsace_moselle = enum_at(r, &[false, true])?;
        r.element()?;
        let turnaround_gap_days = r.int_as()?;
        r.element()?;
        let min_notice_days = r.int_as()?;
        r.element()?;
        let booking_horizon = if r.null()? { None } else { Some(date_at(r)?) };
        r.element()?;
        let reallocation_threshold_percent = r.int_as()?;
        r.element()?;
        let reallocation_window_months = r.int_as()?;
        r.element()?;
        let frequent_refusals = r.int_as()?;
        r.element()?;
        let version = r.string()?;
        r.element()?;
        let clauses = list(r, |r| r.row(text_row))?;
        let contact = r.next_or(String::new(), |r| r.string())?;
        Ok(Settings {
            zone,
            alsace_moselle,
            turnaround_gap_days,
            min_notice_days,
            booking_horizon,
            reallocation_threshold_percent,
            reallocation_window_months,
            frequent_refusals,
            agreement: Agreement { version, clauses },
            contact,
        })
    })
}

fn read_pool(r: &mut Reader<'_>, version: u32) -> Result<PoolState, ReadError> {
    r.open_object()?;
    r.expect_key("strings")?;
    let strings = list(r, |r| r.string())?;
    let mut t = Tables {
        version,
        strings,
        categories: Vec::new(),
        models: Vec::new(),
        units: Vec::new(),
        trainings: Vec::new(),
        communes: Vec::new(),
        schools: Vec::new(),
        teachers: Vec::new(),
    };
    t.categories = rows(r, "categories", |r| {
        r.element()?;
        let id = r.string()?;
        Ok(Category { id, name: text_row(r)? })
    })?;
    // Models name trainings, which come later: read their references as they are, resolve after.
    let mut model_trainings: Vec<Vec<(usize, Option<usize>, String)>> = Vec::new();
    t.models = rows(r, "models", |r| {
        r.element()?;
        let id = r.string()?;
        r.element()?;
        let category = reference(r, &t.categories, |c| &c.id)?;
        r.element()?;
        let name = if r.peek()? == Kind::Array {
            r.row(|r| {
                r.element()?;
                let fr = r.string()?;
                r.element()?;
                Ok(LocalizedText { fr, en: Some(r.string()?) })
            })?
        } else {
            LocalizedText::french(r.string()?)
        };
        let description = text_row(r)?;
        let trainings = r.next_or(Vec::new(), |r| {
            list(r, |r| {
                let at = r.offset();
                if r.peek()? == Kind::String {
                    Ok((at, None, r.string()?))
                } else {
                    Ok((at, Some(r.int_as()?), String::new()))
                }
            })
        })?;
        model_trainings.push(trainings);
        let max_loan_weeks = r.next_or(8, |r| r.int_as())?;
        Ok(Model { id, category, name, description, required_trainings: Vec::new(), max_loan_weeks })
    })?;
    t.units = rows(r, "units", |r| {
        r.element()?;
        let label = r.string()?;
        r.element()?;
        let model = reference(r, &t.models, |m| &m.id)?;
        r.element()?;
        let acquired = date_at(r)?;
        let replacement_value_cents = r.next_or(None, |r| r.opt_uint())?;
        let condition = r.next_or(Condition::Good, |r| enum_at(r, &CONDITIONS))?;
        let in_service = r.next_or(true, |r| enum_at(r, &[false, true]))?;
        let kit_size = r.next_or(None, |r| r.opt_int_as())?;
        Ok(Unit { label, model, acquired, replacement_value_cents, condition, in_service, kit_size })
    })?;
    t.trainings = rows(r, "trainings", |r| {
        r.element()?;
        let id = r.string()?;
        let name = text_row(r)?;
        let validity_years = r.next_or(None, |r| r.opt_int_as())?;
        Ok(Training { id, name, validity_years })
    })?;
    for (model, trainings) in t.models.iter_mut().zip(model_trainings) {
        for (at, index, literal) in trainings {
            model.required_trainings.push(match index {
                Some(i) => t
                    .trainings
                    .get(i)
                    .map(|t| t.id.clone())
                    .ok_or(ReadError { offset: at, what: "index out of range" })?,
                None => literal,
            });
        }
    }
    t.communes = rows(r, "communes", |r| {
        r.element()?;
        let id = r.string()?;
        r.element()?;
        Ok(Commune { id, name: r.string()? })
    })?;
    t.schools = rows(r, "schools", |r| {
        r.element()?;
        let id = r.string()?;
        r.element()?;
        let name = r.string()?;
        r.element()?;
        Ok(School { id, name, commune: reference(r, &t.communes, |c| &c.id)? })
    })?;
    r.expect_key("teachers")?;
    t.teachers = list(r, |r| teacher_row(r, &t.schools))?;
    let sessions = rows(r, "sessions", |r| {
        r.element()?;
        let id = r.string()?;
        r.element()?;
        let training = reference(r, &t.trainings, |t| &t.id)?;
        r.element()?;
        let (start, end) = period_at(r)?;
        r.element()?;
        let place = t.text(r)?;
        r.element()?;
        let capacity = r.int_as()?;
        let enrolled = r.next_or(Vec::new(), |r| list(r, |r| reference(r, &t.teachers, |t| &t.id)))?;
        let others = r.next_or(0, |r| r.int_as())?;
        Ok(TrainingSession { id, training, start, end, place, capacity, enrolled, others })
    })?;
    let records = rows(r, "records", |r| {
        r.element()?;
        let teacher = reference(r, &t.teachers, |t| &t.id)?;
        r.element()?;
        let training = reference(r, &t.trainings, |t| &t.id)?;
        r.element()?;
        Ok(TrainingRecord { teacher, training, completed: date_at(r)? })
    })?;
    let holidays = rows(r, "holidays", |r| {
        r.element()?;
        let at = r.offset();
        let zones = r
            .string()?
            .chars()
            .map(|c| ZONES.iter().find(|(_, z)| *z == c).map(|(zone, _)| *zone))
            .collect::<Option<Vec<Zone>>>()
            .ok_or(ReadError { offset: at, what: "unknown zone" })?;
        r.element()?;
        let name = t.text(r)?;
        r.element()?;
        let (start, end) = period_at(r)?;
        Ok(SchoolHoliday { zones, name, start, end })
    })?;
    r.expect_key("settings")?;
    let settings = read_settings(r)?;
    r.expect_key("bookings")?;
    let mut bookings = Vec::new();
    r.array(|r| {
        let at = r.offset();
        let row = r.string()?;
        let booking = t.unpack_booking(bookings.len(), &row).map_err(|e| ReadError {
            offset: at
                + 1
                + match e {
                    UnpackError::BadCharacter(i) | UnpackError::BadNumber(i) => i,
                },
            what: "bad booking row",
        })?;
        bookings.push(booking);
        Ok(())
    })?;
    r.expect_key("incidents")?;
    let incidents = list(r, |r| t.incident(r, &bookings))?;
    let (mut occupancy, mut demo, mut exchange, mut minter) = (Vec::new(), false, ExchangeLog::default(), None);
    // Version 3 keys; a version 2 pool ends here.
    while let Some(key) = r.key()? {
        let at = r.offset();
        match key.as_str() {
            "occupancy" => {
                occupancy = list(r, |r| {
                    r.row(|r| {
                        r.element()?;
                        let id = r.string()?;
                        r.element()?;
                        let (start, end) = period_at(r)?;
                        r.element()?;
                        let status = enum_at(r, &STATUSES)?;
                        r.element()?;
                        let lines = list(r, |r| {
                            r.row(|r| {
                                r.element()?;
                                let model = reference(r, &t.models, |m| &m.id)?;
                                r.element()?;
                                Ok(BookingLine { model, quantity: r.int_as()? })
                            })
                        })?;
                        Ok(Occupancy { id, lines, start, end, status })
                    })
                })?
            }
            "demo" => demo = enum_at(r, &[false, true])?,
            "exchange" => {
                exchange = serde_json::from_str(&r.string()?).map_err(|_| ReadError { offset: at, what: "exchange" })?
            }
            "minter" => {
                if !r.null()? {
                    minter = Some(r.row(|r| {
                        r.element()?;
                        let tag = r.string()?;
                        r.element()?;
                        Ok(IdMinter { tag, next: r.uint()? })
                    })?);
                }
            }
            "rules" => {
                let rules = list(r, |r| {
                    r.row(|r| {
                        r.element()?;
                        let booking: usize = r.int_as()?;
                        r.element()?;
                        let entry: usize = r.int_as()?;
                        r.element()?;
                        Ok((booking, entry, Refusal::from_json(r.string()?)))
                    })
                })?;
                for (booking, entry, rule) in rules {
                    let slot = bookings.get_mut(booking).and_then(|b| b.history.get_mut(entry));
                    let slot = slot.ok_or(ReadError { offset: at, what: "index out of range" })?;
                    slot.rule = Some(rule);
                }
            }
            _ => r.skip_value()?,
        }
    }
    r.close_object()?;
    let Tables { categories, models, units, trainings, communes, schools, teachers, .. } = t;
    Ok(PoolState {
        catalogue: Catalogue { categories, models, units, trainings },
        communes,
        schools,
        teachers,
        sessions,
        records,
        holidays,
        settings,
        bookings,
        incidents,
        occupancy,
        demo,
        exchange,
        minter,
    })
}

fn read_plan(r: &mut Reader<'_>) -> Result<BookingPlan, ReadError> {
    let date = |r: &mut Reader<'_>| -> Result<Option<NaiveDate>, ReadError> {
        let at = r.offset();
        match r.opt_string()? {
            Some(text) => iso::parse_date(&text).map(Some).ok_or(ReadError { offset: at, what: "not a date" }),
            None => Ok(None),
        }
    };
    r.row(|r| {
        let start = r.next_or(None, date)?;
        let end = r.next_or(None, date)?;
        let basket = r.next_or(Vec::new(), |r| {
            list(r, |r| {
                r.row(|r| {
                    r.element()?;
                    let model = r.string()?;
                    r.element()?;
                    Ok(BookingLine { model, quantity: r.int_as()? })
                })
            })
        })?;
        let project = r.next_or(String::new(), Reader::string)?;
        let class = r.next_or(String::new(), Reader::string)?;
        let notes = r.next_or(String::new(), Reader::string)?;
        let accepted = r.next_or(None, Reader::opt_string)?;
        Ok(BookingPlan { start, end, basket, draft: BookingDraft { project, class, notes, accepted } })
    })
}

/// Reads a version 2, 3, 4 or 5 document.
pub fn decode_document(text: &str) -> Result<Document, ReadError> {
    let mut r = Reader::new(text);
    r.open_object()?;
    r.expect_key("schema_version")?;
    let at = r.offset();
    let version = r.int_as::<u32>()?;
    if !(2..=STORED_VERSION).contains(&version) {
        return Err(ReadError { offset: at, what: "not version 2, 3, 4 or 5" });
    }
    r.expect_key("revision")?;
    let revision = r.uint()?;
    let lineage = if version >= 5 {
        r.expect_key("lineage")?;
        read_lineage(&mut r)?
    } else {
        Lineage::default()
    };
    r.expect_key("saved_at")?;
    let saved_at = if r.null()? { None } else { Some(iso_datetime(&mut r)?) };
    r.expect_key("profile")?;
    let profile = if r.null()? { None } else { Some(teacher_row(&mut r, &[])?) };
    r.expect_key("plan")?;
    let plan = if r.null()? { None } else { Some(read_plan(&mut r)?) };
    r.expect_key("pool")?;
    let pool = if r.null()? { None } else { Some(read_pool(&mut r, version)?) };
    r.close_object()?;
    r.finish()?;
    Ok(Document { revision, lineage, saved_at, state: StoredState { profile, plan, pool } })
}

/// Reads a [`Lineage`]: `[["<tab>",revision],…]`.
pub fn read_lineage(r: &mut Reader<'_>) -> Result<Lineage, ReadError> {
    let mut lineage = Vec::new();
    r.array(|r| {
        let entry = r.row(|r| {
            r.element()?;
            let at = r.offset();
            let tab = TabId::parse(&r.string()?).ok_or(ReadError { offset: at, what: "not a tab id" })?;
            r.element()?;
            Ok((tab, r.uint()?))
        })?;
        lineage.push(entry);
        Ok(())
    })?;
    Ok(Lineage(lineage))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_dates::d;

    #[test]
    fn the_epoch_is_the_first_of_january_2020() {
        assert_eq!(day(d(2020, 1, 1)), 0);
        assert_eq!(date_from(-1), Some(d(2019, 12, 31)));
        assert_eq!(date_from(i64::from(i32::MAX)), None);
    }

    #[test]
    fn only_canonical_booking_numbers_are_packed() {
        assert_eq!(id_number("ana@x.fr-12", "ana@x.fr"), Some(12));
        assert_eq!(id_number("ana-0", "ana"), Some(0));
        for id in ["ana-012", "ana-", "ana-1a", "ana12", "bob-1", "ana-+1", "ana-9999999999999999"] {
            assert_eq!(id_number(id, "ana"), None, "{id}");
        }
    }
}
