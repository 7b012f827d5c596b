//! Catalogue search as a teacher types it: case- and accent-insensitive ("ecran" finds
//! "Écran"), every word must match, in either language of the texts.

use super::catalogue::{Catalogue, Model};

/// Folds a text for comparison: lower case, accents removed, ligatures expanded, anything that
/// is not a letter or a digit turned into a single space.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let folded: &str = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => "a",
            'ç' => "c",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'î' | 'ï' | 'í' | 'ì' => "i",
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => "o",
            'ù' | 'û' | 'ü' | 'ú' => "u",
            'ÿ' | 'ý' => "y",
            'ñ' => "n",
            'œ' => "oe",
            'æ' => "ae",
            'ß' => "ss",
            _ if c.is_alphanumeric() => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
                continue;
            }
            _ => {
                pending_space = true;
                continue;
            }
        };
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push_str(folded);
    }
    out
}

/// Which models to show with respect to prior training (rule R3).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TrainingFilter {
    /// All models.
    #[default]
    Any,
    /// Only models that require a training.
    Required,
    /// Only models usable without training.
    NotRequired,
}

/// What a teacher narrows the catalogue by.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CatalogueFilter {
    /// Free text; every word must appear (folded) in the model's texts.
    pub query: String,
    /// Only this category, if set.
    pub category: Option<String>,
    /// Training requirement.
    pub training: TrainingFilter,
}

/// The searchable text of a model: name, descriptions, category and training names, folded.
fn haystack(catalogue: &Catalogue, model: &Model) -> String {
    let mut text = String::new();
    let mut add = |s: &str| {
        text.push_str(s);
        text.push(' ');
    };
    add(&model.name);
    add(&model.description.fr);
    add(model.description.en.as_deref().unwrap_or_default());
    if let Some(category) = catalogue.categories.iter().find(|c| c.id == model.category) {
        add(&category.name.fr);
        add(category.name.en.as_deref().unwrap_or_default());
    }
    for training in model.required_trainings.iter().filter_map(|id| catalogue.training(id)) {
        add(&training.name.fr);
        add(training.name.en.as_deref().unwrap_or_default());
    }
    fold(&text)
}

/// The models matching `filter`, in catalogue order.
pub fn filter_models<'a>(catalogue: &'a Catalogue, filter: &CatalogueFilter) -> Vec<&'a Model> {
    let query = fold(&filter.query);
    let words: Vec<&str> = query.split(' ').filter(|w| !w.is_empty()).collect();
    catalogue
        .models
        .iter()
        .filter(|m| filter.category.as_deref().is_none_or(|c| m.category == c))
        .filter(|m| match filter.training {
            TrainingFilter::Any => true,
            TrainingFilter::Required => !m.required_trainings.is_empty(),
            TrainingFilter::NotRequired => m.required_trainings.is_empty(),
        })
        .filter(|m| {
            if words.is_empty() {
                return true;
            }
            let text = haystack(catalogue, m);
            words.iter().all(|w| text.contains(w))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    /// The embedded demo catalogue (realistic names and accents).
    fn demo_catalogue() -> Result<Catalogue, serde_json::Error> {
        let file: serde_json::Value = serde_json::from_str(include_str!("../demo/catalogue.json"))?;
        serde_json::from_value(file["catalogue"].clone())
    }

    fn names(models: &[&Model]) -> Vec<String> {
        models.iter().map(|m| m.name.clone()).collect()
    }

    #[test]
    fn folding_removes_case_accents_ligatures_and_punctuation() {
        assert_eq!(fold("Écran interactif"), "ecran interactif");
        assert_eq!(fold("ÉCRAN"), "ecran");
        assert_eq!(fold("Œuvre d'élève — « ça »"), "oeuvre d eleve ca");
        assert_eq!(fold("  micro:bit  "), "micro bit");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn a_query_without_accents_finds_the_accented_model() -> TestResult {
        let catalogue = demo_catalogue()?;
        let query = |q: &str| CatalogueFilter { query: q.into(), ..Default::default() };
        // "Écran" in a name, and "Loupes à écran" in a description.
        assert_eq!(
            names(&filter_models(&catalogue, &query("ecran"))),
            ["Écran interactif mobile 65 pouces", "Lot de 8 loupes numériques"]
        );
        assert_eq!(
            names(&filter_models(&catalogue, &query("ÉCRAN interactif"))),
            ["Écran interactif mobile 65 pouces"]
        );
        Ok(())
    }

    #[test]
    fn every_word_must_match_in_either_language() -> TestResult {
        let catalogue = demo_catalogue()?;
        let query = |q: &str| CatalogueFilter { query: q.into(), ..Default::default() };
        assert_eq!(names(&filter_models(&catalogue, &query("robot reperer"))), ["Robot Blue-Bot"]);
        assert_eq!(names(&filter_models(&catalogue, &query("robot orientation"))), ["Robot Blue-Bot"]);
        assert!(filter_models(&catalogue, &query("robot licorne")).is_empty());
        Ok(())
    }

    #[test]
    fn category_and_training_filters_combine() -> TestResult {
        let catalogue = demo_catalogue()?;
        let all = filter_models(&catalogue, &CatalogueFilter::default());
        assert_eq!(all.len(), catalogue.models.len());
        let robotics = CatalogueFilter { category: Some("robotique".into()), ..Default::default() };
        let trained = CatalogueFilter { training: TrainingFilter::Required, ..robotics.clone() };
        let untrained = CatalogueFilter { training: TrainingFilter::NotRequired, ..robotics.clone() };
        let (r, t, u) = (
            filter_models(&catalogue, &robotics),
            filter_models(&catalogue, &trained),
            filter_models(&catalogue, &untrained),
        );
        assert!(r.iter().all(|m| m.category == "robotique"));
        assert_eq!(t.len() + u.len(), r.len());
        assert!(t.iter().all(|m| !m.required_trainings.is_empty()));
        assert!(u.iter().all(|m| m.required_trainings.is_empty()));
        assert!(!t.is_empty() && !u.is_empty());
        Ok(())
    }
}
