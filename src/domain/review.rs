//! Rule R8, the periodic incident review: counts by kind, distribution by commune and school,
//! reimbursable amounts and their settlement status, over a chosen period.

use super::incident::{assess, IncidentKind, IncidentStatus};
use super::pool::PoolState;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Count and reimbursable amount of a group of incidents.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Number of incidents.
    pub count: u32,
    /// Sum of reimbursable amounts, in cents (unknown values count as 0).
    pub reimbursable_cents: u64,
}

impl Tally {
    fn add(&mut self, cents: u64) {
        self.count += 1;
        self.reimbursable_cents = self.reimbursable_cents.saturating_add(cents);
    }
}

/// A group of the review (a commune or a school).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupTally {
    /// Commune or school id; empty for incidents not tied to one.
    pub id: String,
    /// Display name (the id when unknown).
    pub name: String,
    /// Totals.
    pub tally: Tally,
}

/// The incident review over `[from, to]` (by discovery date).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncidentReview {
    /// All incidents of the period.
    pub total: Tally,
    /// Damage.
    pub damage: Tally,
    /// Loss.
    pub loss: Tally,
    /// Theft.
    pub theft: Tally,
    /// By commune, most incidents first.
    pub by_commune: Vec<GroupTally>,
    /// By school, most incidents first.
    pub by_school: Vec<GroupTally>,
    /// Declared, not yet documented.
    pub declared: Tally,
    /// Documented, not yet settled.
    pub documented: Tally,
    /// Settled.
    pub settled: Tally,
    /// Declared after the 48-hour deadline.
    pub late: u32,
    /// Units too old to be replaced.
    pub not_replaced: u32,
}

/// Builds the review of the incidents discovered in `[from, to]`.
pub fn incident_review(state: &PoolState, from: NaiveDate, to: NaiveDate) -> IncidentReview {
    let mut review = IncidentReview::default();
    let mut communes: BTreeMap<String, Tally> = BTreeMap::new();
    let mut schools: BTreeMap<String, Tally> = BTreeMap::new();
    for incident in state.incidents.iter().filter(|i| (from..=to).contains(&i.discovered_at.date())) {
        let unit = state.catalogue.units.iter().find(|u| u.label == incident.unit);
        let assessment = unit.map(|u| assess(incident, u.acquired, u.replacement_value_cents));
        let cents = assessment.as_ref().and_then(|a| a.reimbursable_cents).unwrap_or(0);
        review.total.add(cents);
        match incident.kind {
            IncidentKind::Damage => review.damage.add(cents),
            IncidentKind::Loss => review.loss.add(cents),
            IncidentKind::Theft => review.theft.add(cents),
        }
        match incident.status {
            IncidentStatus::Declared => review.declared.add(cents),
            IncidentStatus::Documented => review.documented.add(cents),
            IncidentStatus::Settled => review.settled.add(cents),
        }
        communes.entry(incident.commune.clone().unwrap_or_default()).or_default().add(cents);
        schools.entry(incident.school.clone().unwrap_or_default()).or_default().add(cents);
        if incident.is_late() {
            review.late += 1;
        }
        if assessment.is_some_and(|a| a.not_replaced) {
            review.not_replaced += 1;
        }
    }
    let group = |map: BTreeMap<String, Tally>, name: &dyn Fn(&str) -> Option<String>| -> Vec<GroupTally> {
        let mut groups: Vec<GroupTally> = map
            .into_iter()
            .map(|(id, tally)| GroupTally { name: name(&id).unwrap_or_else(|| id.clone()), id, tally })
            .collect();
        groups.sort_by(|a, b| b.tally.count.cmp(&a.tally.count).then_with(|| a.id.cmp(&b.id)));
        groups
    };
    review.by_commune = group(communes, &|id| state.communes.iter().find(|c| c.id == id).map(|c| c.name.clone()));
    review.by_school = group(schools, &|id| state.schools.iter().find(|s| s.id == id).map(|s| s.name.clone()));
    review
}
