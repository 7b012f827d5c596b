//! Translation tables. Every string shown to a user comes from here: French is the default
//! language, English the alternative. Both columns are declared side by side so a missing
//! translation is a compile error, not a blank on screen.

use std::fmt;

pub mod dates;
pub mod file_errors;

/// A user interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// French, the default.
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Every supported language, in the order the switch offers them.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// BCP 47 tag, for `<html lang>` and storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Parses a stored or browser language tag (`fr`, `en-GB`...); unknown tags give `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's own name, as shown in the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => Msg::LangNameFr.fr(),
            Lang::En => Msg::LangNameEn.en(),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

macro_rules! messages {
    ($($key:ident => $fr:expr, $en:expr;)*) => {
        /// A message of the user interface, looked up with [`Msg::get`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($key,)* }

        impl Msg {
            /// Every message, for completeness checks.
            pub const ALL: &'static [Msg] = &[$(Msg::$key,)*];

            /// The French text.
            pub fn fr(self) -> &'static str {
                match self { $(Msg::$key => $fr,)* }
            }

            /// The English text.
            pub fn en(self) -> &'static str {
                match self { $(Msg::$key => $en,)* }
            }
        }
    };
}

impl Msg {
    /// The text of this message in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.fr(),
            Lang::En => self.en(),
        }
    }
}

/// Replaces `{name}` placeholders in a translated template.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

messages! {
    AppName => "Matériothèque", "Matériothèque";
    AppTagline => "Prêt de matériel numérique aux écoles", "Digital equipment loans for schools";
    SkipToContent => "Aller au contenu", "Skip to content";
    NavLabel => "Navigation principale", "Main navigation";
    NavCatalogue => "Catalogue", "Catalogue";
    NavSettings => "Paramètres", "Settings";
    NavAbout => "À propos", "About";
    LangSwitchLabel => "Langue", "Language";
    LangNameFr => "Français", "Français";
    LangNameEn => "English", "English";
    FooterText => "Données conservées dans ce navigateur. Aucun compte, aucun suivi.", "Data kept in this browser. No account, no tracking.";
    FooterVersion => "Version {version}", "Version {version}";
    UpdateAvailable => "Nouvelle version disponible", "New version available";
    UpdateReload => "Recharger", "Reload";
    CatalogueTitle => "Catalogue du matériel", "Equipment catalogue";
    CatalogueIntro => "Le matériel numérique que le service prête aux écoles pour un projet.", "The digital equipment the service lends to schools for a project.";
    CatalogueSummary => "{models} modèles, {units} exemplaires en service", "{models} models, {units} units in service";
    CatalogueEmpty => "Le catalogue est vide.", "The catalogue is empty.";
    CatalogueLoadError => "Le catalogue n'a pas pu être lu : {reason}", "The catalogue could not be read: {reason}";
    FiltersLabel => "Filtrer le catalogue", "Filter the catalogue";
    SearchLabel => "Rechercher un matériel", "Search for equipment";
    SearchHelp => "Un nom, un usage, une formation… Les accents et majuscules ne comptent pas.", "A name, a use, a training… Accents and capitals do not matter.";
    FilterCategory => "Catégorie", "Category";
    FilterAllCategories => "Toutes les catégories", "All categories";
    FilterTraining => "Formation préalable", "Prior training";
    FilterTrainingAny => "Avec ou sans formation", "With or without training";
    FilterTrainingRequired => "Formation requise", "Training required";
    FilterTrainingNone => "Sans formation", "No training needed";
    ClearFilters => "Effacer les filtres", "Clear filters";
    ResultsNone => "Aucun modèle ne correspond à ces critères.", "No model matches these criteria.";
    ResultsOne => "1 modèle correspond.", "1 model matches.";
    ResultsMany => "{count} modèles correspondent.", "{count} models match.";
    UnitsInService => "{count} en service", "{count} in service";
    TrainingRequired => "Formation requise : {training}", "Training required: {training}";
    NoTrainingRequired => "Sans formation préalable", "No prior training";
    MaxLoan => "Prêt de {weeks} semaines au plus", "Loan of {weeks} weeks at most";
    SeeModel => "Voir le modèle {model}", "See model {model}";
    ModelNotFoundTitle => "Modèle introuvable", "Model not found";
    ModelNotFoundText => "Ce modèle n'existe pas ou a été retiré du catalogue.", "This model does not exist or was removed from the catalogue.";
    BackToCatalogue => "Retour au catalogue", "Back to the catalogue";
    ModelUnitsHeading => "Exemplaires", "Units";
    ModelDescriptionHeading => "Description", "Description";
    ModelTrainingsHeading => "Formations requises", "Required trainings";
    UnitLabel => "Étiquette", "Label";
    UnitCondition => "État", "Condition";
    UnitStatus => "Disponibilité", "Availability";
    UnitInService => "En service", "In service";
    UnitRetired => "Hors service", "Out of service";
    ConditionNew => "Neuf", "New";
    ConditionGood => "Bon état", "Good";
    ConditionWorn => "Usé", "Worn";
    ConditionDamaged => "Endommagé", "Damaged";
    SettingsTitle => "Paramètres", "Settings";
    SettingsLangHelp => "La langue choisie est mémorisée dans ce navigateur.", "The chosen language is remembered in this browser.";
    AboutTitle => "À propos", "About";
    AboutText => "Matériothèque permet aux enseignants de réserver le matériel numérique prêté par la métropole pour un projet, et au gestionnaire de faire vivre le parc. L'application fonctionne hors ligne ; les données restent dans ce navigateur et circulent sous forme de fichiers.", "Matériothèque lets teachers book the digital equipment lent by the metropolitan authority for a project, and the loan coordinator run the pool. The app works offline; data stays in this browser and travels as files.";
    AboutOffline => "Une fois la page visitée, l'application démarre même sans réseau.", "Once the page has been visited, the app starts even without a network.";
    NotFoundTitle => "Page introuvable", "Page not found";
    NotFoundText => "L'adresse demandée ne correspond à aucune page.", "The requested address matches no page.";
    NotFoundBack => "Aller au catalogue", "Go to the catalogue";
    SaveFailed => "Vos changements n'ont pas pu être enregistrés dans ce navigateur ({reason}). Ils restent affichés tant que la page est ouverte.", "Your changes could not be saved in this browser ({reason}). They stay on screen while the page is open.";
    StorageUnavailable => "Le stockage local n'est pas disponible : vos choix ne seront pas mémorisés.", "Local storage is not available: your choices will not be remembered.";
    // Why a data file is refused: the file, where, what
    FileSyntax => "{file} n'est pas un fichier JSON lisible : erreur ligne {line}, colonne {column}.", "{file} is not a readable JSON file: error at line {line}, column {column}.";
    FileWrongKind => "{file} n'est pas un fichier de ce type : il se présente comme « {found} », il faudrait « {expected} ».", "{file} is not a file of this kind: it says \"{found}\", it should be \"{expected}\".";
    FileTooNew => "{file} vient d'une version plus récente de Matériothèque (format {found}, celle-ci lit jusqu'au format {supported}) : mettez l'application à jour.", "{file} comes from a newer version of Matériothèque (format {found}, this one reads up to format {supported}): update the app.";
    FileMissingField => "{file} : à « {path} », le champ « {field} » manque.", "{file}: at \"{path}\", the field \"{field}\" is missing.";
    FileUnknownValue => "{file} : à « {path} », la valeur « {value} » n'est pas reconnue.", "{file}: at \"{path}\", the value \"{value}\" is not recognised.";
    FileWrongValue => "{file} : à « {path} », la valeur n'a pas la forme attendue.", "{file}: at \"{path}\", the value does not have the expected form.";
    FileDuplicateId => "{file} : l'identifiant « {id} » est utilisé deux fois ({kind}).", "{file}: the identifier \"{id}\" is used twice ({kind}).";
    FileDanglingReference => "{file} : « {id} » ({kind}) renvoie à « {missing} », qui n'existe pas dans le fichier.", "{file}: \"{id}\" ({kind}) refers to \"{missing}\", which is not in the file.";
    FileTopLevel => "le fichier entier", "the whole file";
    KindCategory => "catégorie", "category";
    KindModel => "modèle", "model";
    KindTraining => "formation", "training";
    KindUnit => "exemplaire", "unit";
    KindSchool => "école", "school";
    KindSession => "session de formation", "training session";
    KindBooking => "réservation", "booking";
    // Dates and date picker
    DateHint => "Format JJ/MM/AAAA, par exemple 05/01/2027.", "Format DD/MM/YYYY, for example 05/01/2027.";
    DateErrorEmpty => "Saisissez une date.", "Enter a date.";
    DateErrorFormat => "Date non reconnue : écrivez-la sous la forme JJ/MM/AAAA.", "Date not recognised: write it as DD/MM/YYYY.";
    DateErrorTwoDigitYear => "Écrivez l'année en entier, sur quatre chiffres (par exemple 2027).", "Write the year in full, with four digits (for example 2027).";
    DateErrorNoSuchDate => "Cette date n'existe pas : vérifiez le jour et le mois.", "This date does not exist: check the day and the month.";
    DateErrorBeforeMin => "Choisissez une date à partir du {date}.", "Choose a date on or after {date}.";
    DateErrorAfterMax => "Choisissez une date jusqu'au {date} au plus tard.", "Choose a date no later than {date}.";
    DateErrorPrefix => "Erreur :", "Error:";
    DatePickerOpen => "Choisir une date", "Choose a date";
    DatePickerOpenFor => "Choisir une date : {label}", "Choose a date: {label}";
    DatePickerPrevYear => "Année précédente", "Previous year";
    DatePickerPrevMonth => "Mois précédent", "Previous month";
    DatePickerNextMonth => "Mois suivant", "Next month";
    DatePickerNextYear => "Année suivante", "Next year";
    DatePickerCancel => "Annuler", "Cancel";
    DatePickerHelp => "Flèches : jour ou semaine. Page précédente ou suivante : mois (avec Maj : année). Entrée : choisir. Échap : fermer sans changer.", "Arrows: day or week. Page Up or Down: month (with Shift: year). Enter: choose. Escape: close without change.";
    DatePickerOutOfRange => "hors de la période possible", "outside the allowed period";
    DayWeekend => "week-end", "weekend";
    DaySchoolHoliday => "vacances scolaires", "school holidays";
    DayPublicHoliday => "jour férié", "public holiday";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_message_is_empty_in_either_language() {
        for msg in Msg::ALL {
            assert!(!msg.fr().trim().is_empty(), "{msg:?} has no French text");
            assert!(!msg.en().trim().is_empty(), "{msg:?} has no English text");
        }
    }

    #[test]
    fn placeholders_match_between_languages() {
        fn placeholders(s: &str) -> Vec<&str> {
            let mut found: Vec<&str> =
                s.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name)).collect();
            found.sort_unstable();
            found
        }
        for msg in Msg::ALL {
            assert_eq!(placeholders(msg.fr()), placeholders(msg.en()), "{msg:?}");
        }
    }

    #[test]
    fn english_shows_no_french_and_shared_texts_are_deliberate() {
        // Letters only the French texts use; proper names are allowed in both.
        const FRENCH_LETTERS: &[char] = &['é', 'è', 'ê', 'à', 'â', 'ç', 'ù', 'û', 'ô', 'î', 'ï', 'œ', '«', '»'];
        const PROPER_NAMES: &[&str] = &["Matériothèque", "Français"];
        // Words that are the same in both languages.
        const SAME_IN_BOTH: &[Msg] = &[
            Msg::AppName,
            Msg::NavCatalogue,
            Msg::LangNameFr,
            Msg::LangNameEn,
            Msg::ModelDescriptionHeading,
            Msg::FooterVersion,
        ];
        for msg in Msg::ALL {
            let english = PROPER_NAMES.iter().fold(msg.en().to_owned(), |text, name| text.replace(name, ""));
            assert!(!english.contains(FRENCH_LETTERS), "{msg:?}: French letters in English text {:?}", msg.en());
            if msg.fr() == msg.en() {
                assert!(SAME_IN_BOTH.contains(msg), "{msg:?} is not translated: {:?}", msg.en());
            }
        }
    }

    #[test]
    fn language_tags_parse_with_regions_and_reject_others() {
        assert_eq!(Lang::from_code("fr-FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_code(""), None);
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
    }

    #[test]
    fn fill_replaces_every_named_placeholder() {
        let text = fill(Msg::CatalogueSummary.fr(), &[("models", "3"), ("units", "12")]);
        assert_eq!(text, "3 modèles, 12 exemplaires en service");
    }
}
