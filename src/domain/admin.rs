//! The coordinator's reference data: editing the catalogue (categories, models, units,
//! trainings, sessions), labels generated from a pattern, units suggested for a hand-over, and
//! the occupancy timeline of a model. Every edit validates first and changes nothing on error;
//! retiring a unit is refused while the bookings that count on it would be left short (R1).

use super::booking::{Booking, BookingStatus};
use super::catalogue::{Category, Condition, Model, Training, Unit};
use super::error::PatternProblem;
use super::error::{DomainError, Shortage, UnitProblem};
use super::iso;
use super::people::TrainingSession;
use super::planning::monday_of;
use super::pool::Pool;
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// Most units added at once (a pattern typo must not create a million labels).
pub const MAX_UNITS_AT_ONCE: u32 = 500;

/// Units to add in bulk, labelled from a pattern such as `SEM-TAB-{0001}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewUnits {
    /// The model they are units of.
    pub model: String,
    /// Label pattern: text around one `{digits}` placeholder; the digits give the width and
    /// the first number.
    pub pattern: String,
    /// How many.
    pub count: u32,
    /// Acquisition date.
    #[serde(with = "iso::date")]
    pub acquired: NaiveDate,
    /// Replacement value in cents, if known.
    pub replacement_value_cents: Option<u64>,
    /// Condition on arrival.
    pub condition: Condition,
}

/// One edit of the reference data, as the coordinator makes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CatalogueEdit {
    /// Adds or updates a category (by id).
    Category(Category),
    /// Adds or updates a model (by id).
    Model(Model),
    /// Updates a unit's details (by label).
    Unit(Unit),
    /// Adds units with generated labels.
    AddUnits(NewUnits),
    /// Puts a unit out of service, or back in.
    InService {
        /// The unit.
        label: String,
        /// In service after the edit.
        in_service: bool,
    },
    /// Marks a unit back damaged as repaired: in a good condition and in service again. A unit
    /// not damaged is left as it is (another tab may have marked it already).
    Repaired {
        /// The unit.
        label: String,
    },
    /// Adds or updates a training (by id).
    Training(Training),
    /// Adds or updates a training session (by id; its enrolments are kept).
    Session(TrainingSession),
}

/// The parts of a label pattern: text before, width and first number, text after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelPattern {
    prefix: String,
    width: usize,
    first: u64,
    suffix: String,
}

impl LabelPattern {
    /// Reads `SEM-TAB-{0001}`: text around exactly one number in braces; says what is wrong
    /// otherwise.
    pub fn parse(pattern: &str) -> Result<LabelPattern, PatternProblem> {
        if pattern.trim() != pattern {
            return Err(PatternProblem::Spaces);
        }
        let open = pattern.find('{').ok_or(PatternProblem::NoNumber)?;
        if pattern[..open].contains('}') {
            return Err(PatternProblem::SeveralBraces);
        }
        let close = open + pattern[open..].find('}').ok_or(PatternProblem::NoNumber)?;
        let digits = &pattern[open + 1..close];
        let suffix = &pattern[close + 1..];
        if suffix.contains(['{', '}']) || digits.contains('{') {
            return Err(PatternProblem::SeveralBraces);
        }
        if digits.is_empty() {
            return Err(PatternProblem::EmptyNumber);
        }
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PatternProblem::NotDigits { found: digits.to_owned() });
        }
        if digits.len() > 9 {
            return Err(PatternProblem::TooLong);
        }
        Ok(LabelPattern {
            prefix: pattern[..open].to_owned(),
            width: digits.len(),
            first: digits.parse().map_err(|_| PatternProblem::TooLong)?,
            suffix: suffix.to_owned(),
        })
    }

    /// The label numbered `n`.
    pub fn label(&self, n: u64) -> String {
        format!("{}{:0width$}{}", self.prefix, n, self.suffix, width = self.width)
    }

    /// The number of `label` under this pattern, if it follows it.
    fn number_of(&self, label: &str) -> Option<u64> {
        let middle = label.strip_prefix(&self.prefix)?.strip_suffix(&self.suffix)?;
        (!middle.is_empty() && middle.bytes().all(|b| b.is_ascii_digit())).then(|| middle.parse().ok()).flatten()
    }

    /// `count` new labels: numbered from the pattern's first number, or after the highest
    /// label already following the pattern, so a second batch continues the first.
    pub fn next_labels<'a>(&self, existing: impl Iterator<Item = &'a str>, count: u32) -> Vec<String> {
        let highest = existing.filter_map(|l| self.number_of(l)).max();
        let start = highest.map_or(self.first, |h| (h + 1).max(self.first));
        (0..u64::from(count)).map(|i| self.label(start + i)).collect()
    }
}

fn required(text: &str, field: &'static str) -> Result<(), DomainError> {
    if text.trim().is_empty() {
        Err(DomainError::MissingText { field })
    } else {
        Ok(())
    }
}

/// Identifiers appear in addresses and files: letters, digits, `-` and `_` only.
fn valid_id(id: &str) -> Result<(), DomainError> {
    required(id, "id")?;
    if id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        Ok(())
    } else {
        Err(DomainError::InvalidValue { field: "id" })
    }
}

/// A free identifier made from a name: `Robot Thymio II` → `robot-thymio-ii` (then `-2`...).
pub fn slug_id<'a>(name: &str, taken: impl Fn(&str) -> bool + 'a) -> String {
    let mut base = String::new();
    for c in super::search::fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            base.push(c);
        } else if !base.ends_with('-') && !base.is_empty() {
            base.push('-');
        }
    }
    let base = base.trim_end_matches('-').to_owned();
    let base = if base.is_empty() { "item".to_owned() } else { base };
    if !taken(&base) {
        return base;
    }
    (2..).map(|n| format!("{base}-{n}")).find(|id| !taken(id)).unwrap_or(base)
}

impl Pool {
    /// Makes one edit of the reference data under its checks (`today` decides which bookings
    /// still count on a unit being retired).
    pub fn edit_catalogue(&mut self, edit: &CatalogueEdit, today: NaiveDate) -> Result<Vec<String>, DomainError> {
        let catalogue = &self.state().catalogue;
        match edit {
            CatalogueEdit::Category(category) => {
                valid_id(&category.id)?;
                required(&category.name.fr, "name")?;
                let category = category.clone();
                self.edit(|s| upsert(&mut s.catalogue.categories, category, |c| &c.id));
            }
            CatalogueEdit::Model(model) => {
                valid_id(&model.id)?;
                required(&model.name.fr, "name")?;
                if !catalogue.categories.iter().any(|c| c.id == model.category) {
                    return Err(DomainError::InvalidValue { field: "category" });
                }
                if let Some(t) = model.required_trainings.iter().find(|t| catalogue.training(t).is_none()) {
                    return Err(DomainError::UnknownTraining(t.clone()));
                }
                if !(1..=52).contains(&model.max_loan_weeks) {
                    return Err(DomainError::InvalidValue { field: "max_loan_weeks" });
                }
                let model = model.clone();
                self.edit(|s| upsert(&mut s.catalogue.models, model, |m| &m.id));
            }
            CatalogueEdit::Unit(unit) => {
                let Some(current) = catalogue.units.iter().find(|u| u.label == unit.label) else {
                    return Err(DomainError::UnknownUnit(unit.label.clone()));
                };
                if current.model != unit.model {
                    return Err(DomainError::InvalidValue { field: "model" });
                }
                // A damaged unit is out of service until marked repaired.
                let mut unit = unit.clone();
                if unit.condition == Condition::Damaged {
                    unit.in_service = false;
                }
                if current.in_service && !unit.in_service {
                    self.check_retire(&unit.label, today)?;
                }
                self.edit(|s| upsert(&mut s.catalogue.units, unit, |u| &u.label));
            }
            CatalogueEdit::AddUnits(new) => {
                if self.model(&new.model).is_none() {
                    return Err(DomainError::UnknownModel(new.model.clone()));
                }
                let pattern = LabelPattern::parse(&new.pattern).map_err(DomainError::LabelPattern)?;
                if new.count == 0 || new.count > MAX_UNITS_AT_ONCE {
                    return Err(DomainError::InvalidValue { field: "count" });
                }
                let labels = pattern.next_labels(catalogue.units.iter().map(|u| u.label.as_str()), new.count);
                if let Some(taken) = labels.iter().find(|l| catalogue.units.iter().any(|u| &u.label == *l)) {
                    return Err(DomainError::DuplicateId(taken.clone()));
                }
                let units: Vec<Unit> = labels
                    .iter()
                    .map(|label| Unit {
                        label: label.clone(),
                        model: new.model.clone(),
                        acquired: new.acquired,
                        replacement_value_cents: new.replacement_value_cents,
                        condition: new.condition,
                        in_service: true,
                        kit_size: None,
                    })
                    .collect();
                self.edit(|s| s.catalogue.units.extend(units));
                return Ok(labels);
            }
            CatalogueEdit::InService { label, in_service } => {
                let Some(unit) = catalogue.units.iter().find(|u| u.label == *label) else {
                    return Err(DomainError::UnknownUnit(label.clone()));
                };
                if unit.in_service == *in_service {
                    return Ok(Vec::new());
                }
                if !in_service {
                    self.check_retire(label, today)?;
                }
                let in_service = *in_service;
                self.edit(|s| {
                    if let Some(u) = s.catalogue.units.iter_mut().find(|u| u.label == *label) {
                        u.in_service = in_service;
                    }
                });
            }
            CatalogueEdit::Repaired { label } => {
                let Some(unit) = catalogue.units.iter().find(|u| u.label == *label) else {
                    return Err(DomainError::UnknownUnit(label.clone()));
                };
                if unit.condition != Condition::Damaged {
                    return Ok(Vec::new());
                }
                self.edit(|s| {
                    if let Some(u) = s.catalogue.units.iter_mut().find(|u| u.label == *label) {
                        u.condition = Condition::Good;
                        u.in_service = true;
                    }
                });
            }
            CatalogueEdit::Training(training) => {
                valid_id(&training.id)?;
                required(&training.name.fr, "name")?;
                if training.validity_years == Some(0) {
                    return Err(DomainError::InvalidValue { field: "validity_years" });
                }
                let training = training.clone();
                self.edit(|s| upsert(&mut s.catalogue.trainings, training, |t| &t.id));
            }
            CatalogueEdit::Session(session) => {
                valid_id(&session.id)?;
                required(&session.place, "place")?;
                if catalogue.training(&session.training).is_none() {
                    return Err(DomainError::UnknownTraining(session.training.clone()));
                }
                if session.end < session.start {
                    return Err(DomainError::InvalidValue { field: "end" });
                }
                let (enrolled, others) = self
                    .state()
                    .sessions
                    .iter()
                    .find(|s| s.id == session.id)
                    .map(|s| (s.enrolled.clone(), s.others))
                    .unwrap_or_default();
                let taken = usize::from(others) + enrolled.len();
                if session.capacity == 0 || usize::from(session.capacity) < taken {
                    return Err(DomainError::InvalidValue { field: "capacity" });
                }
                let session = TrainingSession { enrolled, others, ..session.clone() };
                self.edit(|s| upsert(&mut s.sessions, session, |x| &x.id));
            }
        }
        Ok(Vec::new())
    }

    /// Refuses to retire a unit that is out on loan, or whose model would then be short for a
    /// booking still to come (R1: the pool never overbooks).
    fn check_retire(&self, label: &str, today: NaiveDate) -> Result<(), DomainError> {
        let state = self.state();
        if let Some(b) = state
            .bookings
            .iter()
            .find(|b| b.status == BookingStatus::HandedOver && b.units.iter().any(|u| u.label == label))
        {
            return Err(DomainError::Units(vec![UnitProblem::AlreadyOut {
                label: label.to_owned(),
                booking: b.id.clone(),
            }]));
        }
        let Some(model) = state.catalogue.units.iter().find(|u| u.label == label).map(|u| u.model.clone()) else {
            return Err(DomainError::UnknownUnit(label.to_owned()));
        };
        let mut without = self.clone();
        without.edit(|s| {
            if let Some(u) = s.catalogue.units.iter_mut().find(|u| u.label == label) {
                u.in_service = false;
            }
        });
        let shortages: Vec<Shortage> = state
            .bookings
            .iter()
            .enumerate()
            .filter(|(_, b)| b.status.holds_units() && b.end >= today)
            .filter_map(|(i, b)| {
                let requested = b.quantity_of(&model);
                let free = without.index().free_ignoring(&model, b.start, b.end, Some(i));
                (requested > free).then(|| Shortage { model: model.clone(), requested, free, next_free: None })
            })
            .collect();
        if shortages.is_empty() {
            Ok(())
        } else {
            Err(DomainError::NotEnoughUnits(shortages))
        }
    }

    /// Units to hand over for a booking: for each model, in-service units not out on another
    /// loan, best condition first, damaged units last (the coordinator may change them).
    pub fn suggest_units(&self, booking: &Booking) -> Vec<String> {
        let state = self.state();
        let out: Vec<&str> = state
            .bookings
            .iter()
            .filter(|b| b.status == BookingStatus::HandedOver && b.id != booking.id)
            .flat_map(|b| b.units.iter().map(|u| u.label.as_str()))
            .collect();
        let mut labels = Vec::new();
        let mut models: Vec<&str> = Vec::new();
        for line in &booking.lines {
            if models.contains(&line.model.as_str()) {
                continue;
            }
            models.push(&line.model);
            let mut candidates: Vec<&Unit> = state
                .catalogue
                .units_of(&line.model)
                .filter(|u| u.in_service && u.condition != Condition::Damaged && !out.contains(&u.label.as_str()))
                .collect();
            candidates.sort_by_key(|u| condition_rank(u.condition));
            labels.extend(
                candidates.into_iter().take(booking.quantity_of(&line.model) as usize).map(|u| u.label.clone()),
            );
        }
        labels
    }

    /// The units of `model` a hand-over may pick from: in service and not out on another loan.
    pub fn units_available_for(&self, booking: &str, model: &str) -> Vec<&Unit> {
        let state = self.state();
        state
            .catalogue
            .units
            .iter()
            .filter(|u| {
                u.model == model
                    && u.in_service
                    && !state.bookings.iter().any(|b| {
                        b.status == BookingStatus::HandedOver
                            && b.id != booking
                            && b.units.iter().any(|x| x.label == u.label)
                    })
            })
            .collect()
    }

    /// The occupancy of `model` week by week from the week of `from`: which bookings hold its
    /// units, and the weeks where they ask for more than the units in service (conflicts).
    pub fn timeline(&self, model: &str, from: NaiveDate, weeks: usize) -> Timeline {
        let monday = monday_of(from);
        let starts: Vec<NaiveDate> =
            (0..weeks).filter_map(|w| monday.checked_add_days(Days::new(7 * w as u64))).collect();
        let capacity = self.index().in_service(model);
        let mut rows: Vec<TimelineRow> = self
            .state()
            .bookings
            .iter()
            .filter(|b| b.status.holds_units() || b.status == BookingStatus::Returned)
            .filter_map(|b| {
                let quantity = b.quantity_of(model);
                let cells: Vec<bool> = starts
                    .iter()
                    .map(|w| {
                        let friday = *w + Days::new(4);
                        b.start <= friday && b.end >= *w
                    })
                    .collect();
                (quantity > 0 && cells.contains(&true)).then(|| TimelineRow {
                    booking: b.id.clone(),
                    teacher: b.teacher.clone(),
                    status: b.status,
                    quantity,
                    cells,
                })
            })
            .collect();
        rows.sort_by(|a, b| a.booking.cmp(&b.booking));
        let demand: Vec<u32> = (0..starts.len())
            .map(|w| rows.iter().filter(|r| r.cells[w] && r.status.holds_units()).map(|r| r.quantity).sum())
            .collect();
        Timeline { weeks: starts, capacity, rows, demand }
    }
}

fn condition_rank(condition: Condition) -> u8 {
    match condition {
        Condition::New => 0,
        Condition::Good => 1,
        Condition::Worn => 2,
        Condition::Damaged => 3,
    }
}

fn upsert<T>(items: &mut Vec<T>, item: T, key: impl Fn(&T) -> &String) {
    match items.iter_mut().find(|x| key(x) == key(&item)) {
        Some(existing) => *existing = item,
        None => items.push(item),
    }
}

/// The bookings of one model, week by week.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    /// The Monday of each week shown.
    pub weeks: Vec<NaiveDate>,
    /// Units in service.
    pub capacity: u32,
    /// One row per booking of the model touching the window.
    pub rows: Vec<TimelineRow>,
    /// Units asked for by the bookings holding units, per week (at most; bookings inside one
    /// week may not overlap each other).
    pub demand: Vec<u32>,
}

impl Timeline {
    /// Whether the bookings of week `w` ask for more units than are in service.
    pub fn conflict(&self, w: usize) -> bool {
        self.demand.get(w).is_some_and(|d| *d > self.capacity)
    }
}

/// One booking in a [`Timeline`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineRow {
    /// Booking id.
    pub booking: String,
    /// Teacher id.
    pub teacher: String,
    /// Status.
    pub status: BookingStatus,
    /// Units of the model it holds.
    pub quantity: u32,
    /// Whether it covers each week.
    pub cells: Vec<bool>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testkit::{d, now, request, state};
    use crate::domain::Actor;

    /// The fixture pool with ana's confirmed booking of all 3 thymio units, 2-13 Nov 2026.
    fn booked() -> Result<(Pool, String), DomainError> {
        let mut pool = Pool::new(state());
        let req = request("ana-1", "ana", &[("thymio", 3)], d(2026, 11, 2), d(2026, 11, 13));
        pool.create_booking(req, Actor::Teacher("ana".into()), now())?;
        pool.confirm("ana-1", now())?;
        Ok((pool, "ana-1".into()))
    }

    type TestResult = Result<(), DomainError>;
    const NO_PATTERN: DomainError = DomainError::LabelPattern(PatternProblem::NoNumber);

    #[test]
    fn a_pattern_numbers_labels_and_a_second_batch_continues_the_first() -> TestResult {
        let p = LabelPattern::parse("SEM-TAB-{0001}").map_err(|_| NO_PATTERN)?;
        assert_eq!(p.next_labels(std::iter::empty(), 3), ["SEM-TAB-0001", "SEM-TAB-0002", "SEM-TAB-0003"]);
        let existing = ["SEM-TAB-0007", "SEM-ROB-0099", "SEM-TAB-00x"];
        assert_eq!(p.next_labels(existing.into_iter(), 2), ["SEM-TAB-0008", "SEM-TAB-0009"]);
        let wide = LabelPattern::parse("K{7}-A").map_err(|_| NO_PATTERN)?;
        assert_eq!(wide.next_labels(std::iter::empty(), 4), ["K7-A", "K8-A", "K9-A", "K10-A"]);
        let problems = [
            ("SEM", PatternProblem::NoNumber),
            ("SEM-{0001", PatternProblem::NoNumber),
            ("SEM-{}", PatternProblem::EmptyNumber),
            ("SEM-{x1}", PatternProblem::NotDigits { found: "x1".into() }),
            ("SEM-{0000000001}", PatternProblem::TooLong),
            ("A{1}{2}", PatternProblem::SeveralBraces),
            ("A}{1}", PatternProblem::SeveralBraces),
            (" A{1}", PatternProblem::Spaces),
        ];
        for (bad, problem) in problems {
            assert_eq!(LabelPattern::parse(bad), Err(problem), "{bad}");
        }
        Ok(())
    }

    #[test]
    fn slugs_are_ascii_and_free() -> TestResult {
        assert_eq!(slug_id("Robot Thymio II", |_| false), "robot-thymio-ii");
        assert_eq!(slug_id("Caméra  « doc »", |id| id == "camera-doc"), "camera-doc-2");
        assert_eq!(slug_id("!!", |_| false), "item");
        Ok(())
    }

    #[test]
    fn units_added_in_bulk_are_bookable_at_once() -> TestResult {
        let mut pool = Pool::new(state());
        let today = now().date();
        let new = NewUnits {
            model: "bluebot".into(),
            pattern: "NEW-{001}".into(),
            count: 3,
            acquired: today,
            replacement_value_cents: Some(12_000),
            condition: Condition::New,
        };
        let add = CatalogueEdit::AddUnits(new.clone());
        assert_eq!(pool.edit_catalogue(&add, today)?, ["NEW-001", "NEW-002", "NEW-003"]);
        assert_eq!(pool.index().in_service("bluebot"), 5);
        assert_eq!(pool.edit_catalogue(&add, today)?, ["NEW-004", "NEW-005", "NEW-006"]);
        let too_many = CatalogueEdit::AddUnits(NewUnits { count: MAX_UNITS_AT_ONCE + 1, ..new.clone() });
        assert_eq!(pool.edit_catalogue(&too_many, today), Err(DomainError::InvalidValue { field: "count" }));
        let bad = CatalogueEdit::AddUnits(NewUnits { pattern: "NEW".into(), ..new });
        assert_eq!(pool.edit_catalogue(&bad, today), Err(DomainError::LabelPattern(PatternProblem::NoNumber)));
        assert_eq!(pool.index().in_service("bluebot"), 8, "refused edits change nothing");
        Ok(())
    }

    #[test]
    fn a_unit_cannot_be_retired_while_a_booking_counts_on_it() -> TestResult {
        let (mut pool, id) = booked()?;
        let today = now().date();
        let retire = CatalogueEdit::InService { label: "ROB-1".into(), in_service: false };
        assert!(matches!(pool.edit_catalogue(&retire, today), Err(DomainError::NotEnoughUnits(_))));
        assert_eq!(pool.index().in_service("thymio"), 3, "nothing changed");
        pool.cancel(&id, Actor::Teacher("ana".into()), None, now())?;
        pool.edit_catalogue(&retire, today)?;
        assert_eq!(pool.index().in_service("thymio"), 2);
        let back = CatalogueEdit::InService { label: "ROB-1".into(), in_service: true };
        pool.edit_catalogue(&back, today)?;
        assert_eq!(pool.index().in_service("thymio"), 3);
        Ok(())
    }

    #[test]
    fn a_unit_set_damaged_leaves_service_unless_a_booking_counts_on_it() -> TestResult {
        let (mut pool, id) = booked()?;
        let today = now().date();
        let mut unit = pool.state().catalogue.units[0].clone();
        unit.condition = Condition::Damaged;
        let edit = CatalogueEdit::Unit(unit.clone());
        assert!(matches!(pool.edit_catalogue(&edit, today), Err(DomainError::NotEnoughUnits(_))), "R1");
        pool.cancel(&id, Actor::Teacher("ana".into()), None, now())?;
        pool.edit_catalogue(&edit, today)?;
        assert!(!pool.state().catalogue.units[0].in_service);
        assert_eq!(pool.index().in_service("thymio"), 2);
        pool.edit_catalogue(&CatalogueEdit::Repaired { label: unit.label.clone() }, today)?;
        assert_eq!(pool.index().in_service("thymio"), 3);
        Ok(())
    }

    #[test]
    fn suggested_units_fill_every_line_and_skip_damaged_ones() -> TestResult {
        let (mut pool, id) = booked()?;
        let booking = pool.booking(&id).cloned().ok_or(DomainError::UnknownBooking(id.clone()))?;
        assert_eq!(pool.suggest_units(&booking), ["ROB-1", "ROB-2", "ROB-3"]);
        pool.edit(|s| {
            if let Some(u) = s.catalogue.units.iter_mut().find(|u| u.label == "ROB-1") {
                u.condition = Condition::Damaged;
            }
        });
        assert_eq!(pool.suggest_units(&booking), ["ROB-2", "ROB-3"], "only sound units are suggested");
        Ok(())
    }

    #[test]
    fn the_timeline_shows_each_booking_in_its_weeks() -> TestResult {
        let (pool, id) = booked()?;
        let timeline = pool.timeline("thymio", d(2026, 10, 28), 4);
        assert_eq!(timeline.weeks[0], d(2026, 10, 26));
        let row = timeline.rows.iter().find(|r| r.booking == id).ok_or(DomainError::UnknownBooking(id.clone()))?;
        assert_eq!(row.cells, [false, true, true, false]);
        assert_eq!(timeline.demand, [0, 3, 3, 0]);
        assert!((0..4).all(|w| !timeline.conflict(w)), "the rules never overbook");
        Ok(())
    }
}
