//! Rule R5, incidents: damage, loss or theft of a unit, the 48-hour deadlines, depreciation and
//! the amount the commune reimburses (integer cents).

use super::iso;
use super::status::Actor;
pub use super::status::IncidentStatus;
use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeDelta};
use serde::{Deserialize, Serialize};

/// Hours after discovery within which an incident (and, for theft and loss, the police report)
/// is due.
pub const DEADLINE_HOURS: i64 = 48;

/// A unit more than this many whole years old is not replaced.
pub const REPLACEMENT_AGE_LIMIT: i32 = 6;

/// What happened to the unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncidentKind {
    /// Dégradation.
    Damage,
    /// Perte.
    Loss,
    /// Vol.
    Theft,
}

impl IncidentKind {
    /// Whether a police report is expected (theft and loss).
    pub fn needs_police_report(self) -> bool {
        matches!(self, IncidentKind::Loss | IncidentKind::Theft)
    }
}

/// One step of an incident's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncidentHistoryEntry {
    /// When.
    #[serde(with = "iso::datetime")]
    pub at: NaiveDateTime,
    /// Who.
    pub by: Actor,
    /// The status entered.
    pub status: IncidentStatus,
}

/// An incident on one unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Incident {
    /// Stable identifier.
    pub id: String,
    /// Inventory label of the unit.
    pub unit: String,
    /// The booking the unit was lent under, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub booking: Option<String>,
    /// The borrowing teacher, school and commune, copied at declaration so the review stays
    /// true when a teacher changes school.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teacher: Option<String>,
    /// School at the time of the incident.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school: Option<String>,
    /// Commune at the time of the incident (it reimburses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commune: Option<String>,
    /// Damage, loss or theft.
    pub kind: IncidentKind,
    /// What happened.
    #[serde(default)]
    pub description: String,
    /// When it was discovered.
    #[serde(with = "iso::datetime")]
    pub discovered_at: NaiveDateTime,
    /// When it was declared.
    #[serde(with = "iso::datetime")]
    pub declared_at: NaiveDateTime,
    /// Police report reference (theft, loss).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub police_report: Option<String>,
    /// When the police report reference was given.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "iso::datetime_opt")]
    pub police_report_at: Option<NaiveDateTime>,
    /// Repair or replacement quote, in cents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_cents: Option<u64>,
    /// Current status.
    pub status: IncidentStatus,
    /// Status changes, oldest first.
    #[serde(default)]
    pub history: Vec<IncidentHistoryEntry>,
}

impl Incident {
    /// Declared more than 48 hours after discovery (accepted, but flagged).
    pub fn is_late(&self) -> bool {
        is_late(self.discovered_at, self.declared_at)
    }

    /// For theft and loss: the police report reference came (or, at `now`, is still missing)
    /// more than 48 hours after discovery.
    pub fn police_report_late(&self, now: NaiveDateTime) -> bool {
        if !self.kind.needs_police_report() {
            return false;
        }
        match self.police_report_at {
            Some(at) => is_late(self.discovered_at, at),
            None => is_late(self.discovered_at, now),
        }
    }
}

/// When the declaration (and, for theft and loss, the police report) of an incident
/// discovered at `discovered_at` is due: [`DEADLINE_HOURS`] later.
pub fn deadline(discovered_at: NaiveDateTime) -> NaiveDateTime {
    discovered_at + TimeDelta::hours(DEADLINE_HOURS)
}

/// Whether `at` is past the [`deadline`] of an incident discovered at `discovered_at` (exactly
/// 48 hours is on time).
pub fn is_late(discovered_at: NaiveDateTime, at: NaiveDateTime) -> bool {
    at > deadline(discovered_at)
}

/// A unit's age in whole years at an incident: incident year − acquisition year.
pub fn age_in_years(acquired: NaiveDate, incident: NaiveDate) -> i32 {
    incident.year() - acquired.year()
}

/// The depreciation rate, in percent of the replacement value, by age in whole years:
/// 0 → 100, 1 → 80, 2 → 60, 3 → 40, 4 → 20, 5 or more → 0 (a negative age, from a data error,
/// counts as new).
pub fn depreciation_rate_percent(age_years: i32) -> u8 {
    match age_years {
        i32::MIN..=0 => 100,
        1 => 80,
        2 => 60,
        3 => 40,
        4 => 20,
        _ => 0,
    }
}

/// `value × rate`, in cents, rounded to the nearest cent (halves up).
pub fn reimbursable_cents(replacement_value_cents: u64, age_years: i32) -> u64 {
    let product = u128::from(replacement_value_cents) * u128::from(depreciation_rate_percent(age_years));
    u64::try_from((product + 50) / 100).unwrap_or(u64::MAX)
}

/// Whether a unit this old is not replaced (more than 6 whole years).
pub fn not_replaced(age_years: i32) -> bool {
    age_years > REPLACEMENT_AGE_LIMIT
}

/// What an incident costs and its flags.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncidentAssessment {
    /// Age of the unit in whole years at discovery.
    pub age_years: i32,
    /// Depreciation rate applied, in percent.
    pub rate_percent: u8,
    /// Amount the commune reimburses; `None` if the replacement value is unknown.
    pub reimbursable_cents: Option<u64>,
    /// The unit is too old to be replaced.
    pub not_replaced: bool,
    /// Declared after the 48-hour deadline.
    pub late: bool,
}

/// Assesses an incident on a unit acquired on `acquired` with the given replacement value.
pub fn assess(incident: &Incident, acquired: NaiveDate, replacement_value_cents: Option<u64>) -> IncidentAssessment {
    let age = age_in_years(acquired, incident.discovered_at.date());
    IncidentAssessment {
        age_years: age,
        rate_percent: depreciation_rate_percent(age),
        reimbursable_cents: replacement_value_cents.map(|v| reimbursable_cents(v, age)),
        not_replaced: not_replaced(age),
        late: incident.is_late(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_dates::{at, d};

    #[test]
    fn forty_eight_hours_exactly_is_on_time_one_minute_more_is_late() {
        let found = at(2026, 3, 2, 10, 0);
        assert!(!is_late(found, at(2026, 3, 4, 10, 0)));
        assert!(is_late(found, at(2026, 3, 4, 10, 1)));
        assert!(!is_late(found, found));
        assert_eq!(deadline(found), at(2026, 3, 4, 10, 0), "due 48 hours after discovery");
    }

    #[test]
    fn rate_table() {
        let rates: Vec<u8> = (0..=8).map(depreciation_rate_percent).collect();
        assert_eq!(rates, vec![100, 80, 60, 40, 20, 0, 0, 0, 0]);
        assert_eq!(depreciation_rate_percent(-1), 100);
    }

    #[test]
    fn age_four_five_and_seven() {
        let acquired = d(2019, 12, 31);
        let on = |y| d(y, 1, 1);
        // Whole years by calendar year: 31 Dec 2019 → 1 Jan 2023 is age 4.
        assert_eq!(age_in_years(acquired, on(2023)), 4);
        assert_eq!(reimbursable_cents(45_000, 4), 9_000);
        assert!(!not_replaced(4));
        assert_eq!(reimbursable_cents(45_000, 5), 0);
        assert!(!not_replaced(5));
        assert!(!not_replaced(6));
        assert_eq!(reimbursable_cents(45_000, 7), 0);
        assert!(not_replaced(7));
    }

    #[test]
    fn amounts_are_whole_cents() {
        assert_eq!(reimbursable_cents(15_901, 1), 12_721); // 12 720.8 rounds up
        assert_eq!(reimbursable_cents(15_900, 0), 15_900);
        assert_eq!(reimbursable_cents(u64::MAX, 0), u64::MAX);
    }

    #[test]
    fn police_report_deadline_applies_to_theft_and_loss_only() {
        let mut i = Incident {
            id: "i1".into(),
            unit: "SEM-ROB-0001".into(),
            booking: None,
            teacher: None,
            school: None,
            commune: None,
            kind: IncidentKind::Theft,
            description: String::new(),
            discovered_at: at(2026, 3, 2, 10, 0),
            declared_at: at(2026, 3, 2, 12, 0),
            police_report: None,
            police_report_at: None,
            quote_cents: None,
            status: IncidentStatus::Declared,
            history: vec![],
        };
        assert!(!i.police_report_late(at(2026, 3, 4, 10, 0)));
        assert!(i.police_report_late(at(2026, 3, 4, 10, 1)));
        i.police_report_at = Some(at(2026, 3, 3, 9, 0));
        assert!(!i.police_report_late(at(2026, 4, 1, 0, 0)));
        i.kind = IncidentKind::Damage;
        i.police_report_at = None;
        assert!(!i.police_report_late(at(2026, 4, 1, 0, 0)));
        let a = assess(&i, d(2024, 6, 1), Some(10_000));
        assert_eq!(
            a,
            IncidentAssessment {
                age_years: 2,
                rate_percent: 60,
                reimbursable_cents: Some(6_000),
                not_replaced: false,
                late: false
            }
        );
    }
}
