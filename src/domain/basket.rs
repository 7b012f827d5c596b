//! The booking a teacher prepares before sending it: the project period, the basket of models
//! and quantities, the form typed so far; how a model is added to the basket, and how two
//! tabs' plans merge.

use super::booking::BookingLine;
use super::iso;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The booking a teacher is preparing: the project period, the basket and the form typed so
/// far. Kept (stored, merged between tabs) so she finds it again.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingPlan {
    /// First day of the project period.
    #[serde(default, with = "iso::date_opt")]
    pub start: Option<NaiveDate>,
    /// Last day.
    #[serde(default, with = "iso::date_opt")]
    pub end: Option<NaiveDate>,
    /// Models and quantities.
    #[serde(default)]
    pub basket: Vec<BookingLine>,
    /// The form filled in so far, kept across pages and visits until the booking is sent.
    #[serde(default, skip_serializing_if = "BookingDraft::is_empty")]
    pub draft: BookingDraft,
}

/// What the teacher typed on the booking form before sending it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingDraft {
    /// Project title.
    #[serde(default)]
    pub project: String,
    /// Class or group.
    #[serde(default)]
    pub class: String,
    /// Notes for the coordinator.
    #[serde(default)]
    pub notes: String,
    /// The agreement version ticked, if any: a newer agreement needs a new tick.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted: Option<String>,
}

impl BookingDraft {
    /// Whether nothing was typed.
    pub fn is_empty(&self) -> bool {
        *self == BookingDraft::default()
    }
}

/// Adds `quantity` units of `model` to `basket`: to the model's line if it has one (one line per
/// model), else as a new line at the end. Returns the model's quantity now in the basket.
pub fn add(basket: &mut Vec<BookingLine>, model: &str, quantity: u32) -> u32 {
    match basket.iter_mut().find(|l| l.model == model) {
        Some(line) => {
            line.quantity = line.quantity.saturating_add(quantity);
            line.quantity
        }
        None => {
            basket.push(BookingLine { model: model.to_owned(), quantity });
            quantity
        }
    }
}

/// Three-way merge of the plan of two tabs: `mine` (this tab's) against `base` (what both
/// last read), onto `theirs` (what the other tab saved). A date or a field of the form this
/// tab changed keeps its value, others take theirs; basket quantities add up both tabs'
/// changes (a line at zero or below is dropped).
pub fn merge(base: &BookingPlan, mine: &BookingPlan, theirs: &BookingPlan) -> BookingPlan {
    let pick = |b, m, t| if m != b { m } else { t };
    let quantity = |plan: &BookingPlan, model: &str| {
        plan.basket.iter().find(|l| l.model == model).map_or(0_i64, |l| i64::from(l.quantity))
    };
    let mut models: Vec<&str> = theirs.basket.iter().map(|l| l.model.as_str()).collect();
    for line in &mine.basket {
        if !models.contains(&line.model.as_str()) {
            models.push(&line.model);
        }
    }
    let basket = models
        .into_iter()
        .filter_map(|model| {
            let q = quantity(theirs, model) + quantity(mine, model) - quantity(base, model);
            let quantity = u32::try_from(q.min(i64::from(u32::MAX))).ok().filter(|q| *q > 0)?;
            Some(BookingLine { model: model.to_owned(), quantity })
        })
        .collect();
    let text = |b: &String, m: &String, t: &String| if m != b { m.clone() } else { t.clone() };
    let (b, m, t) = (&base.draft, &mine.draft, &theirs.draft);
    let draft = BookingDraft {
        project: text(&b.project, &m.project, &t.project),
        class: text(&b.class, &m.class, &t.class),
        notes: text(&b.notes, &m.notes, &t.notes),
        accepted: if m.accepted != b.accepted { m.accepted.clone() } else { t.accepted.clone() },
    };
    BookingPlan {
        start: pick(base.start, mine.start, theirs.start),
        end: pick(base.end, mine.end, theirs.end),
        basket,
        draft,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_dates::d;

    fn plan(lines: &[(&str, u32)]) -> BookingPlan {
        BookingPlan {
            start: None,
            end: None,
            basket: lines.iter().map(|(m, q)| BookingLine { model: (*m).into(), quantity: *q }).collect(),
            ..BookingPlan::default()
        }
    }

    #[test]
    fn basket_quantities_add_up_both_tabs_changes() {
        let base = plan(&[("thymio", 2), ("bluebot", 1)]);
        let mine = plan(&[("thymio", 5), ("casque", 1)]); // +3 thymio, bluebot removed, casque added
        let theirs = plan(&[("thymio", 3), ("bluebot", 2)]); // +1 thymio, +1 bluebot
        let merged = merge(&base, &mine, &theirs);
        assert_eq!(merged.basket, plan(&[("thymio", 6), ("bluebot", 1), ("casque", 1)]).basket);
        let dated = BookingPlan { start: Some(d(2026, 10, 5)), ..theirs.clone() };
        assert_eq!(merge(&base, &mine, &dated).start, Some(d(2026, 10, 5)), "their date is kept");
        let mine_dated = BookingPlan { start: Some(d(2026, 11, 9)), ..mine };
        assert_eq!(merge(&base, &mine_dated, &dated).start, Some(d(2026, 11, 9)), "my change wins");
    }

    #[test]
    fn the_booking_draft_keeps_each_tabs_own_edits() {
        let base = plan(&[]);
        let draft = |project: &str, notes: &str| BookingDraft {
            project: project.into(),
            notes: notes.into(),
            ..BookingDraft::default()
        };
        let mine = BookingPlan { draft: draft("Robots en CM1", ""), ..base.clone() };
        let theirs = BookingPlan { draft: draft("", "Salle 12"), ..base.clone() };
        let merged = merge(&base, &mine, &theirs);
        assert_eq!(merged.draft, draft("Robots en CM1", "Salle 12"));
    }

    #[test]
    fn adding_a_model_again_adds_to_its_line() {
        let mut basket = Vec::new();
        assert_eq!(add(&mut basket, "thymio", 2), 2);
        assert_eq!(add(&mut basket, "bluebot", 1), 1);
        assert_eq!(add(&mut basket, "thymio", 3), 5);
        assert_eq!(basket, plan(&[("thymio", 5), ("bluebot", 1)]).basket, "one line per model, first added first");
        assert_eq!(add(&mut basket, "thymio", u32::MAX), u32::MAX, "saturates");
    }
}
