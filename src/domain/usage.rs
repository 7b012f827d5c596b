//! Rule R7, usage and reallocation: utilisation = school days on loan ÷ school days in service,
//! per unit and per model, over a window; idle models and units below a threshold, and models
//! often refused (demand above supply).
//!
//! What is counted: a unit is on loan from the day it was handed over to the day it came back
//! (or to the end of the window while it is still out), as the bookings' history records them;
//! a booking confirmed but never handed over lent nothing. A unit is in service from its
//! acquisition. Only a model (or unit) in service for the whole window, over a window of at
//! least [`MIN_JUDGING_SCHOOL_DAYS`] school days, is judged against the threshold: equipment
//! bought during the window, or a window of a few days, says nothing yet about its use.

use super::booking::{Booking, BookingStatus};
use super::calendar::{day_num, school_year_end};
use super::iso;
use super::pool::Pool;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Utilisation of a unit or a model over a window.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Utilisation {
    /// Unit label or model id.
    pub id: String,
    /// School days on loan in the window.
    pub loan_days: u32,
    /// School days in service in the window.
    pub service_days: u32,
}

impl Utilisation {
    /// Utilisation in percent (rounded down); 0 when never in service.
    pub fn percent(&self) -> u32 {
        if self.service_days == 0 {
            0
        } else {
            (u64::from(self.loan_days) * 100 / u64::from(self.service_days)) as u32
        }
    }

    /// Whether utilisation is strictly below `threshold_percent` (exact, no rounding).
    pub fn below(&self, threshold_percent: u8) -> bool {
        u64::from(self.loan_days) * 100 < u64::from(threshold_percent) * u64::from(self.service_days)
    }
}

/// A model refused often enough to suggest demand above supply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShortSupply {
    /// Model id.
    pub model: String,
    /// Bookings of it refused in the window.
    pub refusals: u32,
    /// Units asked for in those bookings.
    pub units_refused: u32,
}

/// The fewest school days a window must hold for utilisation to be judged against the
/// threshold (four school weeks).
pub const MIN_JUDGING_SCHOOL_DAYS: u32 = 20;

/// The first day of the school year `today` belongs to (1 September).
pub fn school_year_start(today: NaiveDate) -> NaiveDate {
    let end = school_year_end(today);
    NaiveDate::from_ymd_opt(end.year() - 1, 9, 1).unwrap_or(today)
}

/// The reports' window by default: the school year so far, from its 1 September to `today`.
pub fn default_window(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    (school_year_start(today), today)
}

/// One model in the usage report: utilisation over the window, refusals in it, and the
/// verdict of rule R7.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelUsage {
    /// Utilisation of the model (its id, days on loan, days in service).
    pub usage: Utilisation,
    /// Whether the model was in service long enough in the window to be judged.
    pub judged: bool,
    /// Judged and below the threshold: a reallocation candidate.
    pub candidate: bool,
    /// Bookings of it refused in the window.
    pub refusals: u32,
    /// Units asked for in those bookings.
    pub units_refused: u32,
    /// Refused often enough to suggest demand above supply.
    pub often_refused: bool,
}

/// The reallocation report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReallocationReport {
    /// Window start.
    #[serde(with = "iso::date")]
    pub from: NaiveDate,
    /// Window end.
    #[serde(with = "iso::date")]
    pub to: NaiveDate,
    /// Utilisation of every model with units in service, in catalogue order.
    pub models: Vec<Utilisation>,
    /// Utilisation of every unit in service, in catalogue order.
    pub units: Vec<Utilisation>,
    /// Models below the threshold (reallocation candidates).
    pub idle_models: Vec<String>,
    /// Units below the threshold.
    pub idle_units: Vec<String>,
    /// Models often refused.
    pub short_supply: Vec<ShortSupply>,
    /// One row per model with units in service or refused in the window, in catalogue order.
    pub rows: Vec<ModelUsage>,
}

/// The days a booking's units were out, as day numbers: handed over (the history's hand-over,
/// or the first day when the history does not say) to back (the history's return, the last
/// day when it does not say, or `window_end` while still out). `None` for a booking that lent
/// nothing.
fn loan_span(b: &Booking, window_end: i32) -> Option<(i32, i32)> {
    let day_of =
        |status: BookingStatus| b.history.iter().rev().find(|h| h.status == status).map(|h| day_num(h.at.date()));
    let out = day_of(BookingStatus::HandedOver).unwrap_or_else(|| day_num(b.start));
    let back = match b.status {
        BookingStatus::HandedOver => window_end,
        BookingStatus::Returned => day_of(BookingStatus::Returned).unwrap_or_else(|| day_num(b.end)),
        _ => return None,
    };
    (!b.units.is_empty()).then_some((out, back.max(out)))
}

/// Utilisation of every in-service unit and model over `[from, to]`. A unit is on loan on the
/// school days from its hand-over to its return (or to `to` while still out), as the history of
/// the bookings it was handed over under records them; it is in service from its acquisition.
pub fn utilisation(pool: &Pool, from: NaiveDate, to: NaiveDate) -> (Vec<Utilisation>, Vec<Utilisation>) {
    let calendar = pool.calendar();
    let state = pool.state();
    let (first, last) = (day_num(from), day_num(to));
    // Prefix sums of school days over the window: counting any sub-range is then O(1).
    let mut prefix: Vec<u32> = Vec::with_capacity(usize::try_from(last - first + 2).unwrap_or(0));
    prefix.push(0);
    let mut running = 0;
    for day in first..=last {
        if calendar.is_school_day_num(day) {
            running += 1;
        }
        prefix.push(running);
    }
    let count = |a: i32, b: i32| -> u32 {
        let (a, b) = (a.max(first), b.min(last));
        if a > b {
            return 0;
        }
        prefix[(b - first + 1) as usize] - prefix[(a - first) as usize]
    };
    let mut loans: HashMap<&str, Vec<(i32, i32)>> = HashMap::new();
    for b in &state.bookings {
        let Some((out, back)) = loan_span(b, last) else { continue };
        if out > last || back < first {
            continue;
        }
        for u in &b.units {
            loans.entry(u.label.as_str()).or_default().push((out, back));
        }
    }
    let mut units = Vec::new();
    let mut per_model: HashMap<&str, (u32, u32)> = HashMap::new();
    for unit in state.catalogue.units.iter().filter(|u| u.in_service) {
        let service_days = count(day_num(unit.acquired), last);
        let mut periods = loans.remove(unit.label.as_str()).unwrap_or_default();
        periods.sort_unstable();
        // Union of the loan periods, so overlapping records never count a day twice.
        let mut loan_days = 0;
        let mut covered_to = i32::MIN;
        for (s, e) in periods {
            let s = s.max(covered_to.saturating_add(1)).max(day_num(unit.acquired));
            if s <= e {
                loan_days += count(s, e);
            }
            covered_to = covered_to.max(e);
        }
        let entry = per_model.entry(unit.model.as_str()).or_default();
        entry.0 += loan_days;
        entry.1 += service_days;
        units.push(Utilisation { id: unit.label.clone(), loan_days, service_days });
    }
    let models = state
        .catalogue
        .models
        .iter()
        .filter_map(|m| {
            per_model.get(m.id.as_str()).map(|(loan, service)| Utilisation {
                id: m.id.clone(),
                loan_days: *loan,
                service_days: *service,
            })
        })
        .collect();
    (models, units)
}

/// Refusals per model over `[from, to]`, counted on the day of the refusal (the booking's last
/// history entry): model id → (bookings refused, units asked for in them).
pub fn refusals_between(pool: &Pool, from: NaiveDate, to: NaiveDate) -> HashMap<&str, (u32, u32)> {
    let mut refused: HashMap<&str, (u32, u32)> = HashMap::new();
    for b in pool.state().bookings.iter().filter(|b| b.status == BookingStatus::Refused) {
        let refused_on = b.history.last().map_or(b.start, |h| h.at.date());
        if refused_on < from || refused_on > to {
            continue;
        }
        for line in &b.lines {
            let e = refused.entry(line.model.as_str()).or_default();
            e.0 += 1;
            e.1 += line.quantity;
        }
    }
    refused
}

/// The R7 report over `[from, to]`: utilisation of every model and unit in service, the
/// reallocation candidates among those judged (in service since `from` at least, over a window
/// of [`MIN_JUDGING_SCHOOL_DAYS`] school days or more in which at least one loan ran), and the
/// models often refused.
pub fn reallocation_report(pool: &Pool, from: NaiveDate, to: NaiveDate) -> ReallocationReport {
    let state = pool.state();
    let settings = &state.settings;
    let (models, units) = utilisation(pool, from, to);
    let threshold = settings.reallocation_threshold_percent;
    // A window in which no loan ran at all says nothing about use (a pool just set up, loans
    // not yet recorded): nothing in it is judged, rather than everything called idle.
    let loans_recorded = models.iter().any(|u| u.loan_days > 0);
    let long_enough = loans_recorded && pool.calendar().count_school_days(from, to) >= MIN_JUDGING_SCHOOL_DAYS;
    let unit_judged = |label: &str| {
        long_enough && state.catalogue.units.iter().any(|u| u.label == label && u.in_service && u.acquired <= from)
    };
    let model_judged = |model: &str| {
        long_enough && state.catalogue.units.iter().any(|u| u.model == model && u.in_service && u.acquired <= from)
    };
    let idle_units = units.iter().filter(|u| unit_judged(&u.id) && u.below(threshold)).map(|u| u.id.clone()).collect();
    let refused = refusals_between(pool, from, to);
    let often = u32::from(settings.frequent_refusals);
    let rows: Vec<ModelUsage> = state
        .catalogue
        .models
        .iter()
        .filter_map(|m| {
            let usage = models.iter().find(|u| u.id == m.id).cloned();
            let (refusals, units_refused) = refused.get(m.id.as_str()).copied().unwrap_or_default();
            if usage.is_none() && refusals == 0 {
                return None;
            }
            let usage = usage.unwrap_or(Utilisation { id: m.id.clone(), loan_days: 0, service_days: 0 });
            let judged = model_judged(&m.id) && usage.service_days > 0;
            Some(ModelUsage {
                candidate: judged && usage.below(threshold),
                judged,
                often_refused: refusals >= often,
                usage,
                refusals,
                units_refused,
            })
        })
        .collect();
    let short_supply = rows
        .iter()
        .filter(|r| r.often_refused)
        .map(|r| ShortSupply { model: r.usage.id.clone(), refusals: r.refusals, units_refused: r.units_refused })
        .collect();
    ReallocationReport {
        from,
        to,
        idle_models: rows.iter().filter(|r| r.candidate).map(|r| r.usage.id.clone()).collect(),
        idle_units,
        models,
        units,
        short_supply,
        rows,
    }
}
