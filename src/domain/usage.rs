//! Rule R7, usage and reallocation: utilisation = school days on loan ÷ school days in service,
//! per unit and per model, over a window; idle models and units below a threshold, and models
//! often refused (demand above supply).

use super::booking::BookingStatus;
use super::calendar::{date_of, day_num};
use super::iso;
use super::pool::Pool;
use chrono::{Months, NaiveDate};
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
}

/// Utilisation of every in-service unit and model over `[from, to]`. A unit is on loan on the
/// school days of the periods of bookings it was handed over under (handed over or returned);
/// it is in service from its acquisition date.
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
    for b in state
        .bookings
        .iter()
        .filter(|b| matches!(b.status, BookingStatus::HandedOver | BookingStatus::Returned))
        .filter(|b| day_num(b.start) <= last && day_num(b.end) >= first)
    {
        for u in &b.units {
            loans.entry(u.label.as_str()).or_default().push((day_num(b.start), day_num(b.end)));
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

/// The R7 report over the configured window ending on `today` (12 months by default).
pub fn reallocation_report(pool: &Pool, today: NaiveDate) -> ReallocationReport {
    let settings = &pool.state().settings;
    let from = today
        .checked_sub_months(Months::new(u32::from(settings.reallocation_window_months)))
        .unwrap_or_else(|| date_of(day_num(today) - 365))
        .succ_opt()
        .unwrap_or(today);
    let (models, units) = utilisation(pool, from, today);
    let threshold = settings.reallocation_threshold_percent;
    let idle = |list: &[Utilisation]| -> Vec<String> {
        list.iter().filter(|u| u.service_days > 0 && u.below(threshold)).map(|u| u.id.clone()).collect()
    };
    let refused = refusals_between(pool, from, today);
    let short_supply = pool
        .state()
        .catalogue
        .models
        .iter()
        .filter_map(|m| refused.get(m.id.as_str()).map(|(n, q)| (m, *n, *q)))
        .filter(|(_, n, _)| *n >= u32::from(settings.frequent_refusals))
        .map(|(m, refusals, units_refused)| ShortSupply { model: m.id.clone(), refusals, units_refused })
        .collect();
    ReallocationReport {
        from,
        to: today,
        idle_models: idle(&models),
        idle_units: idle(&units),
        models,
        units,
        short_supply,
    }
}
