//! Catalogue search as a teacher types it: case- and accent-insensitive ("ecran" finds
//! "Écran"), every word must match, in either language of the texts.

use super::catalogue::{Catalogue, Model};
use super::text::{is_latin_alphanumeric, lower};

/// Folds a text for comparison. Letters are lower-cased, French accents and the accents of the
/// other Latin-1 vowels are removed, ligatures are expanded, and any run of characters that are
/// not letters or digits becomes a single space.
///
/// Case and letter tests cover ASCII, Latin-1 Supplement and Latin Extended-A (see
/// [`super::text`]), which is everything French and English use. Characters above U+017F go
/// through unchanged, so Greek, Cyrillic or Han text is still found, but only in the case it was
/// typed in. The exceptions are word separators (see [`separates_words`]) and combining
/// accents (U+0300–U+036F), which are dropped so decomposed "e\u{301}cran" folds like "écran".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut buffer = [0u8; 4];
    for c in text.chars().map(lower) {
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
            '\u{300}'..='\u{36F}' => continue,
            _ if is_latin_alphanumeric(c) || (c > '\u{17F}' && !separates_words(c)) => c.encode_utf8(&mut buffer),
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

/// Whether `c`, above U+017F, separates words rather than being part of one: spaces,
/// punctuation and symbols of the blocks French and English text meets. These are General
/// Punctuation (’ “ ” … – —, the narrow no-break space), currency signs (€), arrows,
/// mathematical and technical signs, box drawing, shapes, miscellaneous symbols and dingbats,
/// Supplemental Punctuation, CJK spaces and brackets, variation selectors, flags and emoji.
/// None of them is a letter or a digit. Everything else above U+017F counts as part of a word,
/// including the sub- and superscripts (CO₂), number forms (⅓, Ⅻ) and circled digits.
/// Up to U+017F, [`is_latin_alphanumeric`] decides.
fn separates_words(c: char) -> bool {
    matches!(
        c,
        '\u{1680}'
            | '\u{2000}'..='\u{206F}'
            | '\u{20A0}'..='\u{20FF}'
            | '\u{2190}'..='\u{245F}'
            | '\u{2500}'..='\u{2775}'
            | '\u{2794}'..='\u{2BFF}'
            | '\u{2E00}'..='\u{2E2E}'
            | '\u{2E30}'..='\u{2E7F}'
            | '\u{3000}'..='\u{3004}'
            | '\u{3008}'..='\u{3020}'
            | '\u{3030}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{1F1E6}'..='\u{1F1FF}'
            | '\u{1F300}'..='\u{1FAFF}'
    )
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
    add(&model.name.fr);
    add(model.name.en.as_deref().unwrap_or_default());
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

/// Whether `model` passes the category and training parts of `filter`.
fn passes_filters(model: &Model, filter: &CatalogueFilter) -> bool {
    filter.category.as_deref().is_none_or(|c| model.category == c)
        && match filter.training {
            TrainingFilter::Any => true,
            TrainingFilter::Required => !model.required_trainings.is_empty(),
            TrainingFilter::NotRequired => model.required_trainings.is_empty(),
        }
}

/// The words of a query, folded.
fn query_words(query: &str) -> Vec<String> {
    fold(query).split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// The models matching `filter`, in catalogue order.
pub fn filter_models<'a>(catalogue: &'a Catalogue, filter: &CatalogueFilter) -> Vec<&'a Model> {
    let words = query_words(&filter.query);
    catalogue
        .models
        .iter()
        .filter(|m| passes_filters(m, filter))
        .filter(|m| {
            if words.is_empty() {
                return true;
            }
            let text = haystack(catalogue, m);
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .collect()
}

/// A catalogue's searchable texts, folded once. [`filter_models`] folds every model's texts
/// again at each search, which at the scale of a metropolitan pool (1,000 models) costs more
/// than a keystroke may take; with the index a search only compares.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchIndex {
    /// The folded text of each model, in catalogue order.
    texts: Vec<String>,
}

impl SearchIndex {
    /// Folds the texts of every model of `catalogue`.
    pub fn new(catalogue: &Catalogue) -> Self {
        SearchIndex { texts: catalogue.models.iter().map(|m| haystack(catalogue, m)).collect() }
    }

    /// The positions in `catalogue.models` of the models matching `filter`, in catalogue
    /// order, as [`filter_models`] finds them; `catalogue` is the one the index was built from.
    pub fn matching(&self, catalogue: &Catalogue, filter: &CatalogueFilter) -> Vec<usize> {
        let words = query_words(&filter.query);
        catalogue
            .models
            .iter()
            .zip(&self.texts)
            .enumerate()
            .filter(|(_, (model, text))| {
                passes_filters(model, filter) && words.iter().all(|w| text.contains(w.as_str()))
            })
            .map(|(position, _)| position)
            .collect()
    }
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
        models.iter().map(|m| m.name.fr.clone()).collect()
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
    fn folding_covers_every_french_capital_and_ligature() {
        assert_eq!(fold("À Â Ä Ç É È Ê Ë Î Ï Ô Ö Ù Û Ü Ÿ Œ Æ"), "a a a c e e e e i i o o u u u y oe ae");
        assert_eq!(fold("àâäçéèêëîïôöùûüÿœæ"), "aaaceeeeiioouuuyoeae");
        assert_eq!(fold("ÁÃÅÍÌÓÒÕÚÝÑ ß"), "aaaiiooouyn ss");
    }

    #[test]
    fn french_typography_separates_words() {
        // Narrow no-break space before "!", curly apostrophe, ellipsis, euro sign, no-break space.
        assert_eq!(fold("Prêt\u{202F}! L’élève… 10\u{A0}€"), "pret l eleve 10");
        assert_eq!(fold("n° 3 – 4 ➜ 5 👍"), "n 3 4 5");
    }

    #[test]
    fn word_separators_are_never_letters_or_digits() {
        let separators = ('\u{180}'..=char::MAX).filter(|&c| separates_words(c));
        let mut count = 0;
        for c in separators {
            assert!(!c.is_alphanumeric(), "{c:?} (U+{:04X}) is a letter or digit", u32::from(c));
            count += 1;
        }
        assert!(count > 4000, "{count}");
        assert_eq!(fold("CO₂, ½ l, ① ⅻ"), "co₂ ½ l ① ⅻ");
    }

    #[test]
    fn decomposed_accents_fold_like_composed_ones() {
        assert_eq!(fold("E\u{301}cran interactif"), "ecran interactif");
    }

    /// The previous `fold`, on the standard library's full Unicode tables: the oracle for
    /// French and English text.
    fn fold_with_unicode_tables(text: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        for c in text.chars().flat_map(char::to_lowercase) {
            let folded = match c {
                'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => "a".to_owned(),
                'ç' => "c".to_owned(),
                'é' | 'è' | 'ê' | 'ë' => "e".to_owned(),
                'î' | 'ï' | 'í' | 'ì' => "i".to_owned(),
                'ô' | 'ö' | 'ó' | 'ò' | 'õ' => "o".to_owned(),
                'ù' | 'û' | 'ü' | 'ú' => "u".to_owned(),
                'ÿ' | 'ý' => "y".to_owned(),
                'ñ' => "n".to_owned(),
                'œ' => "oe".to_owned(),
                'æ' => "ae".to_owned(),
                'ß' => "ss".to_owned(),
                _ if c.is_alphanumeric() => c.to_string(),
                _ => {
                    pending_space = true;
                    continue;
                }
            };
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push_str(&folded);
        }
        out
    }

    #[test]
    fn folding_agrees_with_the_unicode_tables_on_latin_text() {
        // İ is the one difference: the tables lower it to "i" and a combining dot.
        for c in ('\u{0}'..='\u{17F}').filter(|&c| c != 'İ') {
            let text = format!("a{c}b {c}");
            assert_eq!(fold(&text), fold_with_unicode_tables(&text), "{c:?} (U+{:04X})", u32::from(c));
        }
        assert_eq!(fold("İ"), "i");
    }

    #[test]
    fn folding_agrees_with_the_unicode_tables_on_the_demo_data() -> TestResult {
        fn strings<'a>(value: &'a serde_json::Value, out: &mut Vec<&'a str>) {
            match value {
                serde_json::Value::String(s) => out.push(s),
                serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
                serde_json::Value::Object(fields) => fields.values().for_each(|v| strings(v, out)),
                _ => {}
            }
        }
        let file: serde_json::Value = serde_json::from_str(include_str!("../demo/catalogue.json"))?;
        let mut texts = Vec::new();
        strings(&file, &mut texts);
        assert!(texts.len() > 100, "the demo catalogue has texts to compare");
        for text in texts {
            assert_eq!(fold(text), fold_with_unicode_tables(text), "{text:?}");
        }
        Ok(())
    }

    #[test]
    fn other_scripts_stay_searchable_in_their_own_case() {
        assert_eq!(fold("Москва, ΑΘΗΝΑ · 東京"), "Москва ΑΘΗΝΑ 東京");
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
    fn a_model_is_found_by_its_name_in_either_language() -> TestResult {
        let catalogue = demo_catalogue()?;
        let query = |q: &str| CatalogueFilter { query: q.into(), ..Default::default() };
        // "Action" is in the English name of « Caméra d'action » and in neither description.
        assert_eq!(names(&filter_models(&catalogue, &query("action camera"))), ["Caméra d'action"]);
        assert_eq!(names(&filter_models(&catalogue, &query("camera d'action"))), ["Caméra d'action"]);
        assert_eq!(names(&filter_models(&catalogue, &query("zoom recorder"))), ["Enregistreur Zoom H1n"]);
        Ok(())
    }

    #[test]
    fn the_index_finds_what_filtering_finds() -> TestResult {
        let catalogue = demo_catalogue()?;
        let index = SearchIndex::new(&catalogue);
        let queries = ["", "ecran", "ÉCRAN interactif", "robot reperer", "action camera", "licorne", "  micro:bit "];
        let filters = [
            CatalogueFilter::default(),
            CatalogueFilter { category: Some("robotique".into()), ..Default::default() },
            CatalogueFilter { training: TrainingFilter::Required, ..Default::default() },
            CatalogueFilter { training: TrainingFilter::NotRequired, ..Default::default() },
        ];
        for query in queries {
            for filter in &filters {
                let filter = CatalogueFilter { query: query.into(), ..filter.clone() };
                let found: Vec<&Model> =
                    index.matching(&catalogue, &filter).into_iter().map(|i| &catalogue.models[i]).collect();
                assert_eq!(names(&found), names(&filter_models(&catalogue, &filter)), "{filter:?}");
            }
        }
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
