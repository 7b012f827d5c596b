//! Pool-wide settings the coordinator can change.

use super::agreement::Agreement;
use super::calendar::{default_horizon, Zone};
use super::iso;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Settings of the lending pool. Every field has a default, so older files still load.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// School holiday zone (rule R2).
    pub zone: Zone,
    /// Whether the Alsace-Moselle public holidays (Good Friday, 26 December) apply.
    pub alsace_moselle: bool,
    /// Turnaround gap B, in school days, between two loans of the same model (rule R1).
    pub turnaround_gap_days: u8,
    /// Minimum notice, in school days, between the day of booking and the start (rule R2).
    pub min_notice_days: u8,
    /// Last day a loan may end on; `None` means the end of the next school year (rule R2).
    #[serde(with = "iso::date_opt")]
    pub booking_horizon: Option<NaiveDate>,
    /// Utilisation below this percentage makes a reallocation candidate (rule R7).
    pub reallocation_threshold_percent: u8,
    /// Window of the utilisation report, in months (rule R7).
    pub reallocation_window_months: u8,
    /// Number of refused bookings over the window from which a model is "in short supply".
    pub frequent_refusals: u16,
    /// The current usage rules and loan agreement (rule R4); bookings store its version.
    pub agreement: Agreement,
    /// Where teachers send their requests (the coordinator's address), carried by the
    /// published catalogue.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub contact: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            zone: Zone::A,
            alsace_moselle: false,
            turnaround_gap_days: 1,
            min_notice_days: 5,
            booking_horizon: None,
            reallocation_threshold_percent: 10,
            reallocation_window_months: 12,
            frequent_refusals: 3,
            agreement: Agreement::default(),
            contact: String::new(),
        }
    }
}

impl Settings {
    /// The last day a loan may end on, seen from `today`.
    pub fn horizon(&self, today: NaiveDate) -> NaiveDate {
        self.booking_horizon.unwrap_or_else(|| default_horizon(today))
    }
}
