//! The catalogue: categories, bookable models, their labelled units and the trainings models
//! require.

use super::iso;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// A text entered in French, with an optional English version shown in the English UI.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalizedText {
    /// The French text, always present.
    pub fr: String,
    /// The English text, when the coordinator provided one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl LocalizedText {
    /// The text in English if asked for and available, in French otherwise.
    pub fn pick(&self, english: bool) -> &str {
        match (&self.en, english) {
            (Some(en), true) if !en.trim().is_empty() => en,
            _ => &self.fr,
        }
    }
}

/// A family of equipment: tablets, robotics, audio...
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    /// Stable identifier, e.g. `robotique`.
    pub id: String,
    /// Display name.
    pub name: LocalizedText,
}

/// A bookable kind of equipment, e.g. "Robot Thymio II".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Model {
    /// Stable identifier, used in URLs.
    pub id: String,
    /// The category this model belongs to.
    pub category: String,
    /// Name, in French with an optional English one: "Tablette…" is "Tablet…" in English, a
    /// product's proper name ("Thymio II") stays the same. Files and documents written before
    /// names were translated hold a plain string, still read; a name with no English version is
    /// written as a plain string.
    #[serde(with = "name_text")]
    pub name: LocalizedText,
    /// What it is and what a class does with it.
    pub description: LocalizedText,
    /// Trainings a teacher must have completed before hand-over (rule R3).
    #[serde(default)]
    pub required_trainings: Vec<String>,
    /// Longest loan allowed, in weeks (rule R2; 8 by default).
    #[serde(default = "default_max_loan_weeks")]
    pub max_loan_weeks: u8,
}

fn default_max_loan_weeks() -> u8 {
    8
}

impl Model {
    /// The model's name in English if asked for and provided, in French otherwise.
    pub fn name_in(&self, english: bool) -> &str {
        self.name.pick(english)
    }
}

impl LocalizedText {
    /// A French text with no English version.
    pub fn french(fr: impl Into<String>) -> Self {
        LocalizedText { fr: fr.into(), en: None }
    }
}

/// The serde form of a model's name: a plain string when it has no English version (as every
/// name was before names were translated), else `{"fr":…,"en":…}`; both are read.
mod name_text {
    use super::LocalizedText;
    use serde::de::{self, MapAccess, Visitor};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::fmt;

    pub fn serialize<S: Serializer>(name: &LocalizedText, serializer: S) -> Result<S::Ok, S::Error> {
        match &name.en {
            None => serializer.serialize_str(&name.fr),
            Some(_) => name.serialize(serializer),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<LocalizedText, D::Error> {
        struct Name;
        impl<'de> Visitor<'de> for Name {
            type Value = LocalizedText;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a name, as a string or {\"fr\",\"en\"}")
            }

            fn visit_str<E: de::Error>(self, fr: &str) -> Result<LocalizedText, E> {
                Ok(LocalizedText::french(fr))
            }

            fn visit_string<E: de::Error>(self, fr: String) -> Result<LocalizedText, E> {
                Ok(LocalizedText::french(fr))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<LocalizedText, A::Error> {
                LocalizedText::deserialize(de::value::MapAccessDeserializer::new(map))
            }
        }
        deserializer.deserialize_any(Name)
    }
}

/// The physical state of a unit, recorded at hand-over and return.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// Never lent, or as good as new.
    New,
    /// Normal wear.
    #[default]
    Good,
    /// Usable with visible wear.
    Worn,
    /// Needs repair before the next loan.
    Damaged,
}

/// One physical unit of a model, identified by the label marked on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    /// Inventory label, unique across the pool, e.g. `SEM-ROB-0042`.
    pub label: String,
    /// The model this is a unit of.
    pub model: String,
    /// Date of acquisition (drives depreciation, rule R5).
    #[serde(with = "iso::date")]
    pub acquired: NaiveDate,
    /// Replacement value in euro cents; absent from files shared with teachers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replacement_value_cents: Option<u64>,
    /// Physical condition.
    #[serde(default)]
    pub condition: Condition,
    /// Whether the unit can be lent at all.
    #[serde(default = "default_true")]
    pub in_service: bool,
    /// For a kit (a case of 16 tablets), how many items it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kit_size: Option<u16>,
}

fn default_true() -> bool {
    true
}

/// A training a teacher must complete before using certain models.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Training {
    /// Stable identifier.
    pub id: String,
    /// Display name.
    pub name: LocalizedText,
    /// How many years a completion stays valid; `None` means forever.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validity_years: Option<u8>,
}

/// Everything the pool lends.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalogue {
    /// Categories, in display order.
    pub categories: Vec<Category>,
    /// Bookable models.
    pub models: Vec<Model>,
    /// Labelled units.
    pub units: Vec<Unit>,
    /// Trainings referenced by models.
    #[serde(default)]
    pub trainings: Vec<Training>,
}

/// Why a catalogue is not internally consistent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatalogueError {
    /// Two items of the same kind share an identifier.
    DuplicateId { kind: &'static str, id: String },
    /// An item refers to something that does not exist.
    DanglingReference { kind: &'static str, id: String, missing: String },
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogueError::DuplicateId { kind, id } => write!(f, "duplicate {kind} id `{id}`"),
            CatalogueError::DanglingReference { kind, id, missing } => {
                write!(f, "{kind} `{id}` refers to unknown `{missing}`")
            }
        }
    }
}

impl std::error::Error for CatalogueError {}

impl Catalogue {
    /// Checks that identifiers are unique and every reference resolves.
    pub fn validate(&self) -> Result<(), CatalogueError> {
        fn unique<'a>(
            kind: &'static str,
            ids: impl Iterator<Item = &'a str>,
        ) -> Result<HashSet<&'a str>, CatalogueError> {
            let mut seen = HashSet::new();
            for id in ids {
                if !seen.insert(id) {
                    return Err(CatalogueError::DuplicateId { kind, id: id.to_owned() });
                }
            }
            Ok(seen)
        }
        let categories = unique("category", self.categories.iter().map(|c| c.id.as_str()))?;
        let models = unique("model", self.models.iter().map(|m| m.id.as_str()))?;
        let trainings = unique("training", self.trainings.iter().map(|t| t.id.as_str()))?;
        unique("unit", self.units.iter().map(|u| u.label.as_str()))?;
        let dangling = |kind, id: &str, missing: &str| CatalogueError::DanglingReference {
            kind,
            id: id.to_owned(),
            missing: missing.to_owned(),
        };
        for model in &self.models {
            if !categories.contains(model.category.as_str()) {
                return Err(dangling("model", &model.id, &model.category));
            }
            if let Some(t) = model.required_trainings.iter().find(|t| !trainings.contains(t.as_str())) {
                return Err(dangling("model", &model.id, t));
            }
        }
        if let Some(unit) = self.units.iter().find(|u| !models.contains(u.model.as_str())) {
            return Err(dangling("unit", &unit.label, &unit.model));
        }
        Ok(())
    }

    /// The model with this id.
    pub fn model(&self, id: &str) -> Option<&Model> {
        self.models.iter().find(|m| m.id == id)
    }

    /// The training with this id.
    pub fn training(&self, id: &str) -> Option<&Training> {
        self.trainings.iter().find(|t| t.id == id)
    }

    /// The display names of the trainings a model requires (the id if a training is unknown).
    pub fn required_training_names(&self, model: &Model, english: bool) -> Vec<String> {
        model
            .required_trainings
            .iter()
            .map(|id| self.training(id).map_or_else(|| id.clone(), |t| t.name.pick(english).to_owned()))
            .collect()
    }

    /// The units of a model, in label order.
    pub fn units_of<'a>(&'a self, model_id: &'a str) -> impl Iterator<Item = &'a Unit> + 'a {
        self.units.iter().filter(move |u| u.model == model_id)
    }

    /// How many units of each model can be lent (in service), by model id.
    pub fn in_service_counts(&self) -> HashMap<&str, usize> {
        let mut counts: HashMap<&str, usize> = self.models.iter().map(|m| (m.id.as_str(), 0)).collect();
        for unit in self.units.iter().filter(|u| u.in_service) {
            if let Some(count) = counts.get_mut(unit.model.as_str()) {
                *count += 1;
            }
        }
        counts
    }

    /// The models of a category, in catalogue order.
    pub fn models_in<'a>(&'a self, category_id: &'a str) -> impl Iterator<Item = &'a Model> + 'a {
        self.models.iter().filter(move |m| m.category == category_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(fr: &str) -> LocalizedText {
        LocalizedText { fr: fr.into(), en: None }
    }

    fn sample() -> Catalogue {
        Catalogue {
            categories: vec![Category { id: "rob".into(), name: text("Robotique") }],
            models: vec![Model {
                id: "thymio".into(),
                category: "rob".into(),
                name: text("Thymio II"),
                description: text("Robot"),
                required_trainings: vec!["f-rob".into()],
                max_loan_weeks: 8,
            }],
            units: ["SEM-ROB-0001", "SEM-ROB-0002", "SEM-ROB-0003"]
                .iter()
                .enumerate()
                .map(|(i, label)| Unit {
                    label: (*label).into(),
                    model: "thymio".into(),
                    acquired: crate::test_dates::d(2022, 9, 1),
                    replacement_value_cents: Some(15_900),
                    condition: Condition::Good,
                    in_service: i != 2,
                    kit_size: None,
                })
                .collect(),
            trainings: vec![Training { id: "f-rob".into(), name: text("Robotique"), validity_years: Some(3) }],
        }
    }

    #[test]
    fn a_consistent_catalogue_validates() {
        assert_eq!(sample().validate(), Ok(()));
    }

    #[test]
    fn duplicate_labels_are_rejected() {
        let mut c = sample();
        c.units[1].label = c.units[0].label.clone();
        assert_eq!(c.validate(), Err(CatalogueError::DuplicateId { kind: "unit", id: "SEM-ROB-0001".into() }));
    }

    #[test]
    fn a_unit_of_an_unknown_model_is_rejected() {
        let mut c = sample();
        c.units[0].model = "ghost".into();
        assert!(matches!(c.validate(), Err(CatalogueError::DanglingReference { kind: "unit", .. })));
    }

    #[test]
    fn a_model_requiring_an_unknown_training_is_rejected() {
        let mut c = sample();
        c.models[0].required_trainings.push("f-none".into());
        assert!(matches!(c.validate(), Err(CatalogueError::DanglingReference { kind: "model", .. })));
    }

    #[test]
    fn retired_units_are_not_counted_in_service() {
        let c = sample();
        assert_eq!(c.in_service_counts().get("thymio"), Some(&2));
    }

    #[test]
    fn a_model_name_is_read_as_a_plain_string_or_in_both_languages() -> Result<(), serde_json::Error> {
        let old: Model =
            serde_json::from_str(r#"{"id":"t","category":"c","name":"Tablette","description":{"fr":"x"}}"#)?;
        assert_eq!(old.name, text("Tablette"));
        assert_eq!((old.name_in(false), old.name_in(true)), ("Tablette", "Tablette"));
        let both: Model = serde_json::from_str(
            r#"{"id":"t","category":"c","name":{"fr":"Tablette","en":"Tablet"},"description":{"fr":"x"}}"#,
        )?;
        assert_eq!((both.name_in(false), both.name_in(true)), ("Tablette", "Tablet"));
        // A name with no English is written as before, so older files stay byte for byte.
        assert!(serde_json::to_string(&old)?.contains(r#""name":"Tablette""#));
        assert!(serde_json::to_string(&both)?.contains(r#""name":{"fr":"Tablette","en":"Tablet"}"#));
        assert_eq!(serde_json::from_str::<Model>(&serde_json::to_string(&both)?)?, both);
        assert!(
            serde_json::from_str::<Model>(r#"{"id":"t","category":"c","name":3,"description":{"fr":"x"}}"#).is_err()
        );
        Ok(())
    }

    #[test]
    fn english_text_falls_back_to_french() {
        let t = LocalizedText { fr: "Tablettes".into(), en: Some("Tablets".into()) };
        assert_eq!(t.pick(true), "Tablets");
        assert_eq!(t.pick(false), "Tablettes");
        assert_eq!(text("Robotique").pick(true), "Robotique");
    }
}
