//! Rule R1, availability by quantity, computed from an index instead of a scan of all bookings.
//!
//! Convention for the turnaround gap B: a booking of `[start, end]` keeps its units busy from
//! `start` through the B-th school day after `end` (its *busy interval*). A request is checked
//! with its own busy interval, so two loans of the same model always leave B school days between
//! the end of one and the start of the next, whichever was booked first.
//!
//! Units held = the highest number of units held on any single day of the busy interval (units
//! are pooled: two loans that do not overlap can use the same unit). Free = in-service units −
//! units held.
//!
//! The index keeps, per model, the step function "units held from day d on" as sorted
//! breakpoints. A query is a binary search plus a walk over the breakpoints inside the window,
//! touching only that model's bookings.

use super::booking::{Booking, BookingLine, BookingStatus};
use super::calendar::{date_of, day_num, SchoolCalendar, SEARCH_LIMIT_DAYS};
use super::catalogue::Catalogue;
use super::iso;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One booking line's hold on a model: units busy over day numbers `[start, busy_end]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Hold {
    /// Position of the booking in the pool's booking list.
    booking: usize,
    start: i32,
    busy_end: i32,
    quantity: u32,
}

/// One booking of the pool as everyone may see it: what is booked and when, never by whom.
/// A teacher's browser counts these under rule R1 (the coordinator publishes them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occupancy {
    /// The booking's id when it was minted by a browser (a random tag and a number: nothing
    /// personal), so its teacher's browser recognises it; empty for ids of the first releases,
    /// which held an e-mail address.
    #[serde(default, alias = "booking", skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// Models and quantities.
    pub lines: Vec<BookingLine>,
    /// First day.
    #[serde(with = "iso::date")]
    pub start: NaiveDate,
    /// Last day, inclusive.
    #[serde(with = "iso::date")]
    pub end: NaiveDate,
    /// Current status.
    pub status: BookingStatus,
}

/// Occupancy of one model.
#[derive(Clone, Debug, Default, PartialEq)]
struct ModelOccupancy {
    in_service: u32,
    holds: Vec<Hold>,
    /// Breakpoints: from `step_days[i]` (included) to `step_days[i + 1]` (excluded), exactly
    /// `step_levels[i]` units are held. Before the first breakpoint nothing is held.
    step_days: Vec<i32>,
    step_levels: Vec<u32>,
}

impl ModelOccupancy {
    fn rebuild_steps(&mut self) {
        let mut events: Vec<(i32, i64)> = Vec::with_capacity(self.holds.len() * 2);
        for h in &self.holds {
            events.push((h.start, i64::from(h.quantity)));
            events.push((h.busy_end.saturating_add(1), -i64::from(h.quantity)));
        }
        events.sort_unstable();
        self.step_days.clear();
        self.step_levels.clear();
        let mut level: i64 = 0;
        let mut i = 0;
        while i < events.len() {
            let day = events[i].0;
            while i < events.len() && events[i].0 == day {
                level += events[i].1;
                i += 1;
            }
            let value = u32::try_from(level.max(0)).unwrap_or(u32::MAX);
            if self.step_levels.last() != Some(&value) {
                self.step_days.push(day);
                self.step_levels.push(value);
            }
        }
    }

    /// Units held on day `day`.
    fn level_at(&self, day: i32) -> u32 {
        let i = self.step_days.partition_point(|d| *d <= day);
        if i == 0 {
            0
        } else {
            self.step_levels[i - 1]
        }
    }

    /// The most units held on any day of `[from, to]`.
    fn max_held(&self, from: i32, to: i32) -> u32 {
        let i = self.step_days.partition_point(|d| *d <= from);
        let mut max = if i == 0 { 0 } else { self.step_levels[i - 1] };
        for (day, level) in self.step_days[i..].iter().zip(&self.step_levels[i..]) {
            if *day > to {
                break;
            }
            max = max.max(*level);
        }
        max
    }

    /// The most units held on any day of `[from, to]`, not counting the holds of one booking.
    fn max_held_ignoring(&self, from: i32, to: i32, booking: usize) -> u32 {
        let own: Vec<&Hold> = self.holds.iter().filter(|h| h.booking == booking).collect();
        if own.is_empty() {
            return self.max_held(from, to);
        }
        // Both step functions only change at their breakpoints: evaluating at every breakpoint
        // in the window (and at its first day) gives the exact maximum of the difference.
        let own_at =
            |day: i32| -> u32 { own.iter().filter(|h| h.start <= day && day <= h.busy_end).map(|h| h.quantity).sum() };
        let mut points: Vec<i32> = vec![from];
        let i = self.step_days.partition_point(|d| *d <= from);
        points.extend(self.step_days[i..].iter().copied().take_while(|d| *d <= to));
        for h in &own {
            for p in [h.start, h.busy_end.saturating_add(1)] {
                if from < p && p <= to {
                    points.push(p);
                }
            }
        }
        points.iter().map(|p| self.level_at(*p).saturating_sub(own_at(*p))).max().unwrap_or(0)
    }
}

/// Days where a model holds more units than it has in service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overbooking {
    /// The model.
    pub model: String,
    /// First day.
    pub from: NaiveDate,
    /// Last day, inclusive.
    pub to: NaiveDate,
    /// Units held on those days.
    pub held: u32,
    /// Units in service.
    pub in_service: u32,
}

/// Free units of one model for a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FreeCount<'a> {
    /// The model id.
    pub model: &'a str,
    /// Units in service.
    pub in_service: u32,
    /// Units free over the whole period (turnaround gap included).
    pub free: u32,
}

/// The R1 index over a catalogue and its bookings. Rebuild it when the catalogue, the calendar
/// or the turnaround gap changes; keep it in step with bookings through [`Self::add_booking`]
/// and [`Self::release_booking`] (the [`super::pool::Pool`] does both).
#[derive(Clone, Debug, PartialEq)]
pub struct AvailabilityIndex {
    calendar: SchoolCalendar,
    gap: u32,
    /// Model ids in catalogue order, for whole-catalogue answers.
    order: Vec<String>,
    models: HashMap<String, ModelOccupancy>,
}

impl AvailabilityIndex {
    /// Indexes every booking that holds units (`bookings[i]` is referred to as position `i`).
    pub fn build(
        catalogue: &Catalogue,
        bookings: &[Booking],
        occupancy: &[Occupancy],
        calendar: SchoolCalendar,
        gap_days: u8,
    ) -> Self {
        let mut models: HashMap<String, ModelOccupancy> =
            catalogue.models.iter().map(|m| (m.id.clone(), ModelOccupancy::default())).collect();
        for unit in catalogue.units.iter().filter(|u| u.in_service) {
            if let Some(m) = models.get_mut(&unit.model) {
                m.in_service += 1;
            }
        }
        let mut index = AvailabilityIndex {
            calendar,
            gap: u32::from(gap_days),
            order: catalogue.models.iter().map(|m| m.id.clone()).collect(),
            models,
        };
        for (position, booking) in bookings.iter().enumerate() {
            index.push_holds(position, booking.status, &booking.lines, booking.start, booking.end);
        }
        // Published bookings of other people count the same; their positions never name a
        // booking of this pool, so no check ever ignores them.
        for (i, o) in occupancy.iter().enumerate() {
            index.push_holds(usize::MAX - i, o.status, &o.lines, o.start, o.end);
        }
        for m in index.models.values_mut() {
            m.rebuild_steps();
        }
        index
    }

    fn push_holds(
        &mut self,
        position: usize,
        status: BookingStatus,
        lines: &[BookingLine],
        start: NaiveDate,
        end: NaiveDate,
    ) -> Vec<String> {
        if !status.holds_units() {
            return Vec::new();
        }
        let start = day_num(start);
        let busy_end = self.busy_end(end);
        let mut touched = Vec::new();
        for line in lines {
            if let Some(m) = self.models.get_mut(&line.model) {
                m.holds.push(Hold { booking: position, start, busy_end, quantity: line.quantity });
                touched.push(line.model.clone());
            }
        }
        touched
    }

    /// Adds the holds of a booking stored at `position` (no-op if its status holds nothing).
    pub fn add_booking(&mut self, position: usize, booking: &Booking) {
        for model in self.push_holds(position, booking.status, &booking.lines, booking.start, booking.end) {
            if let Some(m) = self.models.get_mut(&model) {
                m.rebuild_steps();
            }
        }
    }

    /// Removes the holds of the booking at `position` (after a cancellation, refusal or return).
    pub fn release_booking(&mut self, position: usize, booking: &Booking) {
        for line in &booking.lines {
            if let Some(m) = self.models.get_mut(&line.model) {
                let before = m.holds.len();
                m.holds.retain(|h| h.booking != position);
                if m.holds.len() != before {
                    m.rebuild_steps();
                }
            }
        }
    }

    /// The calendar the index counts school days with.
    pub fn calendar(&self) -> &SchoolCalendar {
        &self.calendar
    }

    /// The turnaround gap B, in school days.
    pub fn gap_days(&self) -> u32 {
        self.gap
    }

    /// The last day (as a day number) units lent until `end` stay busy: the B-th school day
    /// after `end`.
    pub fn busy_end(&self, end: NaiveDate) -> i32 {
        match self.calendar.add_school_days(end, self.gap) {
            Some(d) => day_num(d),
            // Beyond the calendar search limit: stay on the safe side.
            None => day_num(end).saturating_add(SEARCH_LIMIT_DAYS),
        }
    }

    /// Every stretch of days where a model's held units exceed its units in service (rule R1
    /// broken, which only data made outside the rules can do: an old file, a hand-edited
    /// backup). Days are busy days, turnaround gap included. In catalogue order, then by day.
    pub fn overbooked(&self) -> Vec<Overbooking> {
        let mut out = Vec::new();
        for model in &self.order {
            let Some(m) = self.models.get(model) else { continue };
            for (i, (day, level)) in m.step_days.iter().zip(&m.step_levels).enumerate() {
                if *level <= m.in_service {
                    continue;
                }
                let last = m.step_days.get(i + 1).map_or(*day, |next| next - 1);
                out.push(Overbooking {
                    model: model.clone(),
                    from: date_of(*day),
                    to: date_of(last),
                    held: *level,
                    in_service: m.in_service,
                });
            }
        }
        out
    }

    /// Units of `model` in service (0 for an unknown model).
    pub fn in_service(&self, model: &str) -> u32 {
        self.models.get(model).map_or(0, |m| m.in_service)
    }

    /// Units of `model` free over `[start, end]` plus the turnaround gap.
    pub fn free(&self, model: &str, start: NaiveDate, end: NaiveDate) -> u32 {
        self.free_ignoring(model, start, end, None)
    }

    /// Like [`Self::free`], not counting the booking at position `ignore` (to re-check a booking
    /// that already holds its units, at confirmation).
    pub fn free_ignoring(&self, model: &str, start: NaiveDate, end: NaiveDate, ignore: Option<usize>) -> u32 {
        let Some(m) = self.models.get(model) else { return 0 };
        let (from, to) = (day_num(start), self.busy_end(end));
        let held = match ignore {
            None => m.max_held(from, to),
            Some(b) => m.max_held_ignoring(from, to, b),
        };
        m.in_service.saturating_sub(held)
    }

    /// What is free for these dates, over the whole catalogue, in catalogue order.
    pub fn free_for_dates(&self, start: NaiveDate, end: NaiveDate) -> Vec<FreeCount<'_>> {
        let (from, to) = (day_num(start), self.busy_end(end));
        self.order
            .iter()
            .filter_map(|id| {
                self.models.get(id).map(|m| FreeCount {
                    model: id.as_str(),
                    in_service: m.in_service,
                    free: m.in_service.saturating_sub(m.max_held(from, to)),
                })
            })
            .collect()
    }

    /// The first period at or after `start` with `quantity` units of `model` free, of the same
    /// length in school days as `[start, end]`, starting and ending on school days and ending no
    /// later than `horizon`. `None` if there is none (or the model has too few units).
    pub fn next_free_period(
        &self,
        model: &str,
        quantity: u32,
        start: NaiveDate,
        end: NaiveDate,
        horizon: NaiveDate,
        ignore: Option<usize>,
    ) -> Option<(NaiveDate, NaiveDate)> {
        let m = self.models.get(model)?;
        if quantity > m.in_service {
            return None;
        }
        let length = self.calendar.count_school_days(start, end).max(1) as usize;
        // Candidate periods are windows of `length` consecutive school days from `start`; the
        // school days are listed lazily, as far as the search goes, and the busy end of a window
        // ending at school day j is simply school day j + B.
        let mut days = SchoolDays {
            calendar: &self.calendar,
            days: Vec::new(),
            cursor: day_num(start),
            limit: day_num(horizon).saturating_add(SEARCH_LIMIT_DAYS),
        };
        let (last_allowed, gap) = (day_num(horizon), self.gap as usize);
        let mut i = 0;
        loop {
            let j = i + length - 1;
            let (first, last) = (days.get(i)?, days.get(j)?);
            if last > last_allowed {
                return None;
            }
            let to = match days.get(j + gap) {
                Some(d) => d,
                None => self.busy_end(date_of(last)),
            };
            let held = match ignore {
                None => m.max_held(first, to),
                Some(b) => m.max_held_ignoring(first, to, b),
            };
            if m.in_service.saturating_sub(held) >= quantity {
                return Some((date_of(first), date_of(last)));
            }
            i += 1;
        }
    }
}

/// The school days from a start, listed on demand.
struct SchoolDays<'a> {
    calendar: &'a SchoolCalendar,
    days: Vec<i32>,
    cursor: i32,
    limit: i32,
}

impl SchoolDays<'_> {
    /// The `k`-th school day (0-based) from the start, if before the limit.
    fn get(&mut self, k: usize) -> Option<i32> {
        while self.days.len() <= k && self.cursor <= self.limit {
            if self.calendar.is_school_day_num(self.cursor) {
                self.days.push(self.cursor);
            }
            self.cursor += 1;
        }
        self.days.get(k).copied()
    }
}

/// The brute-force oracle of rule R1: for each day of the busy interval, add up every booking
/// of the whole list that holds `model` that day; free = in service − the worst day. It scans all
/// bookings per query on purpose (it is the reference the index is tested and benchmarked
/// against), so do not call it from the app.
pub fn brute_force_free(
    catalogue: &Catalogue,
    bookings: &[Booking],
    calendar: &SchoolCalendar,
    gap_days: u8,
    model: &str,
    start: NaiveDate,
    end: NaiveDate,
) -> u32 {
    let busy_end = |d: NaiveDate| -> i32 {
        calendar.add_school_days(d, u32::from(gap_days)).map_or(day_num(d).saturating_add(SEARCH_LIMIT_DAYS), day_num)
    };
    let in_service = catalogue.units.iter().filter(|u| u.in_service && u.model == model).count() as u32;
    let (from, to) = (day_num(start), busy_end(end));
    let overlapping: Vec<(i32, i32, u32)> = bookings
        .iter()
        .filter(|b| b.status.holds_units() && day_num(b.start) <= to)
        .map(|b| (day_num(b.start), busy_end(b.end), b.quantity_of(model)))
        .filter(|(_, e, q)| *e >= from && *q > 0)
        .collect();
    let worst = (from..=to)
        .map(|day| overlapping.iter().filter(|(s, e, _)| *s <= day && day <= *e).map(|(_, _, q)| *q).sum::<u32>())
        .max()
        .unwrap_or(0);
    in_service.saturating_sub(worst)
}
