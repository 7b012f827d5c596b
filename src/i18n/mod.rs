//! Translation tables. Every string shown to a user comes from here: French is the default
//! language, English the alternative. Both columns are declared side by side so a missing
//! translation is a compile error, not a blank on screen.

use std::fmt;

pub mod dates;
pub mod money;

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
    ($($key:ident => $fr:literal, $en:literal;)*) => {
        /// A message of the user interface, looked up with [`Msg::get`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($key,)* }

        // Each language's messages are one string, cut at a separator, with the offsets
        // computed at compile time: two bytes a message instead of a pointer and a length
        // (the tables of a match over 800 messages weighed more than the text compressed).
        const FRENCH: &str = concat!($($fr, "\u{1}",)*);
        const ENGLISH: &str = concat!($($en, "\u{1}",)*);
        const COUNT: usize = [$(Msg::$key,)*].len();
        const FRENCH_ENDS: [u16; COUNT] = message_ends(FRENCH);
        const ENGLISH_ENDS: [u16; COUNT] = message_ends(ENGLISH);

        impl Msg {
            /// Every message, for completeness checks.
            pub const ALL: &'static [Msg] = &[$(Msg::$key,)*];

            /// The French text.
            pub fn fr(self) -> &'static str {
                message_at(FRENCH, &FRENCH_ENDS, self as usize)
            }

            /// The English text.
            pub fn en(self) -> &'static str {
                message_at(ENGLISH, &ENGLISH_ENDS, self as usize)
            }
        }
    };
}

/// Where each message of `all` ends (the offset of its separator), at compile time.
const fn message_ends<const N: usize>(all: &str) -> [u16; N] {
    let bytes = all.as_bytes();
    assert!(bytes.len() <= u16::MAX as usize, "the messages of a language outgrew 64 KiB");
    let mut ends = [0u16; N];
    let (mut i, mut n) = (0, 0);
    while i < bytes.len() {
        if bytes[i] == 1 {
            assert!(n < N, "a message contains the separator");
            ends[n] = i as u16;
            n += 1;
        }
        i += 1;
    }
    assert!(n == N, "a message contains the separator");
    ends
}

/// Message `index` of `all`, cut at the separators.
fn message_at(all: &'static str, ends: &[u16], index: usize) -> &'static str {
    let start = match index.checked_sub(1) {
        Some(previous) => ends.get(previous).map_or(0, |e| usize::from(*e) + 1),
        None => 0,
    };
    let end = ends.get(index).map_or(start, |e| usize::from(*e));
    all.get(start..end).unwrap_or_default()
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

/// Writes a whole number with its thousands grouped as the language does (`5 242 880` with
/// narrow no-break spaces in French, `5,242,880` in English).
pub fn format_count(lang: Lang, n: usize) -> String {
    let digits = n.to_string();
    let separator = match lang {
        Lang::Fr => '\u{202f}',
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// Fills a translated template: `{name}` takes the argument `name`; `{name:one|other}` takes
/// the singular or plural form by the number in the argument `name`, by the language's rule
/// (French: 0 and 1 are singular; English: 1 alone), so no message writes « (s) ».
pub fn fill(lang: Lang, template: &str, args: &[(&str, &str)]) -> String {
    let value = |name: &str| args.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let token = &after[..close];
        let filled = match token.split_once(':') {
            Some((name, forms)) => {
                value(name).zip(forms.split_once('|')).map(
                    |(v, (one, other))| {
                        if plural_is_one(lang, v) {
                            one
                        } else {
                            other
                        }
                    },
                )
            }
            None => value(token),
        };
        match filled {
            Some(text) => out.push_str(text),
            None => {
                out.push('{');
                out.push_str(token);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Whether the number written in `value` (digits, maybe grouped) takes the singular in `lang`.
fn plural_is_one(lang: Lang, value: &str) -> bool {
    let digits: String =
        value.chars().take_while(|c| *c != ',' || lang == Lang::En).filter(char::is_ascii_digit).collect();
    let n: u64 = digits.parse().unwrap_or(u64::MAX);
    match lang {
        Lang::Fr => n < 2,
        Lang::En => n == 1,
    }
}

messages! {
    AppName => "Matériothèque", "Matériothèque";
    AppTagline => "Prêt de matériel numérique aux écoles", "Digital equipment loans for schools";
    SkipToContent => "Aller au contenu", "Skip to content";
    NavLabel => "Navigation principale", "Main navigation";
    NavMenu => "Menu", "Menu";
    NavCatalogue => "Catalogue", "Catalogue";
    NavSettings => "Paramètres", "Settings";
    NavAbout => "À propos", "About";
    LangSwitchLabel => "Langue", "Language";
    LangNameFr => "Français", "Français";
    LangNameEn => "English", "English";
    FooterText => "Données conservées dans ce navigateur. Aucun compte, aucun suivi.", "Data kept in this browser. No account, no tracking.";
    FooterVersion => "Version {version}", "Version {version}";
    PageLoading => "Chargement de la page…", "Loading the page…";
    UpdateAvailable => "Nouvelle version disponible", "New version available";
    UpdateReload => "Recharger", "Reload";
    CatalogueTitle => "Catalogue du matériel", "Equipment catalogue";
    CatalogueIntro => "Le matériel numérique que le service prête aux écoles pour un projet.", "The digital equipment the service lends to schools for a project.";
    CatalogueSummary => "{models} {models:modèle|modèles}, {units} {units:exemplaire|exemplaires} en service", "{models} {models:model|models}, {units} {units:unit|units} in service";
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
    FiltersMore => "Plus de filtres", "More filters";
    FiltersMoreActive => "Plus de filtres ({count} {count:actif|actifs})", "More filters ({count} active)";
    ClearFilters => "Effacer les filtres", "Clear filters";
    ResultsNone => "Aucun modèle ne correspond à ces critères.", "No model matches these criteria.";
    ResultsOne => "1 modèle correspond.", "1 model matches.";
    ResultsMany => "{count} {count:modèle correspond|modèles correspondent}.", "{count} {count:model matches|models match}.";
    UnitsInService => "{count} en service", "{count} in service";
    TrainingRequired => "Formation requise : {training}", "Training required: {training}";
    NoTrainingRequired => "Sans formation préalable", "No prior training";
    MaxLoan => "Prêt de {weeks} {weeks:semaine|semaines} au plus", "Loan of {weeks} {weeks:week|weeks} at most";
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
    UnitInRepair => "En réparation", "Being repaired";
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
    StorageUnavailable => "Le stockage local n'est pas disponible : vos choix ne seront pas mémorisés.", "Local storage is not available: your choices will not be remembered.";
    SaveFailed => "Vos derniers changements n'ont pas pu être enregistrés dans ce navigateur. Ils restent affichés et seront enregistrés au prochain changement ; ce qui était déjà enregistré est intact.", "Your latest changes could not be saved in this browser. They stay on screen and will be saved with the next change; what was saved before is intact.";
    StorageFull => "L'espace de stockage de ce navigateur est plein : vos derniers changements ne sont pas enregistrés, ce qui l'était déjà est intact. Exportez une sauvegarde pour ne rien perdre.", "This browser's storage is full: your latest changes are not saved, what was saved before is intact. Export a backup so that nothing is lost.";
    ExportNow => "Exporter maintenant", "Export now";
    ExportRefused => "Le navigateur a refusé le téléchargement de la sauvegarde.", "The browser refused to download the backup.";
    StoredNewer => "Les données de ce navigateur ont été enregistrées par une version plus récente de Matériothèque (format {version}). Elles sont gardées telles quelles et rien n'est enregistré depuis cette page : rechargez-la pour obtenir la nouvelle version.", "The data in this browser was saved by a newer version of Matériothèque (format {version}). It is kept as it is and nothing is saved from this page: reload it to get the new version.";
    RecoveredNotice => "Une copie des données de ce navigateur était illisible ; la copie précédente, intacte, a été chargée. Téléchargez la copie illisible, puis continuez : vos changements seront de nouveau enregistrés.", "A copy of the data in this browser was unreadable; the previous, intact copy was loaded. Download the unreadable copy, then continue: your changes will be saved again.";
    DownloadUnreadable => "Télécharger la copie illisible", "Download the unreadable copy";
    ContinueWithIntact => "Continuer avec la copie intacte", "Continue with the intact copy";
    RecoveryTitle => "Données illisibles", "Unreadable data";
    RecoveryText => "Les données enregistrées dans ce navigateur n'ont pas pu être lues. Elles sont gardées telles quelles et rien n'est écrit par-dessus. Téléchargez-les d'abord : la personne qui gère le prêt pourra peut-être les récupérer.", "The data saved in this browser could not be read. It is kept as it is and nothing is written over it. Download it first: the loan coordinator may be able to recover it.";
    RecoveryDetail => "Détail technique : {detail}", "Technical detail: {detail}";
    RecoveryRestart => "Effacer les données illisibles et repartir de zéro", "Erase the unreadable data and start again";
    RecoveryRestartHint => "Possible une fois les données téléchargées.", "Possible once the data is downloaded.";
    ChangeDropped => "Un changement fait dans cet onglet n'a pas pu être gardé, car un autre onglet a modifié les données entre-temps : {reason}", "A change made in this tab could not be kept, because another tab changed the data meanwhile: {reason}";
    DismissNotice => "Fermer ce message", "Dismiss this message";
    BackupReminder => "Vos données ont changé et votre dernière sauvegarde date de plus de 14 jours. Elles ne sont gardées que dans ce navigateur : exportez une sauvegarde.", "Your data has changed and your last backup is more than 14 days old. It is kept in this browser only: export a backup.";
    BackupLater => "Plus tard", "Later";
    StorageTitle => "Données de ce navigateur", "Data in this browser";
    StorageGauge => "Espace de stockage utilisé", "Storage space used";
    StorageUsage => "{percent} % {percent:utilisé|utilisés} (environ {used} {used:caractère|caractères} sur {quota}).", "{percent} % used (about {used} {used:character|characters} of {quota}).";
    BackupExport => "Exporter une sauvegarde", "Export a backup";
    BackupHelp => "Un fichier qui contient toutes les données de ce navigateur : gardez-le pour les retrouver sur un autre appareil ou après un incident.", "A file holding all the data in this browser: keep it to find your data again on another device or after a mishap.";
    LastSaved => "Dernier enregistrement dans ce navigateur : {date}.", "Last saved in this browser: {date}.";
    LastExport => "Dernière sauvegarde exportée : {date}.", "Last backup exported: {date}.";
    NeverSaved => "jamais", "never";
    ImportTitle => "Importer un fichier", "Import a file";
    ImportHelp => "Une sauvegarde de vos données, ou le catalogue envoyé par la personne qui gère le prêt. Rien ne change avant votre confirmation.", "A backup of your data, or the catalogue sent by the loan coordinator. Nothing changes before you confirm.";
    ImportFileLabel => "Fichier de données", "Data file";
    ImportHelpCoordinator => "Une sauvegarde de vos données, les demandes d'un enseignant (.json), ou le calendrier scolaire officiel (.ics du ministère, export .csv ou .json « fr-en-calendrier-scolaire »). Rien ne change avant votre confirmation.", "A backup of your data, a teacher's requests (.json), or the official school calendar (the ministry's .ics, or the .csv or .json “fr-en-calendrier-scolaire” export). Nothing changes before you confirm.";
    ImportReading => "Lecture du fichier…", "Reading the file…";
    ImportUnreadable => "{file} n'a pas pu être lu par le navigateur.", "The browser could not read {file}.";
    ImportPreviewTitle => "Ce que {file} changera", "What {file} will change";
    ImportBackupEffect => "Une sauvegarde remplace toutes les données de ce navigateur : catalogue, réservations, profil et panier.", "A backup replaces all the data in this browser: catalogue, bookings, profile and basket.";
    ImportCatalogueEffect => "Le catalogue du gestionnaire remplace le catalogue, les écoles, les sessions et l'occupation du parc ; vos réservations restent telles quelles : c'est la réponse du gestionnaire qui les met à jour.", "The coordinator's catalogue replaces the catalogue, schools, sessions and the pool's occupancy; your bookings stay as they are: the coordinator's answer brings them up to date.";
    ImportNothing => "Ce fichier ne change rien : les données sont déjà à jour.", "This file changes nothing: the data is already up to date.";
    ImportCaption => "Éléments ajoutés, modifiés et retirés", "Items added, changed and removed";
    ImportColumnItem => "Éléments", "Items";
    ImportColumnAdded => "Ajoutés", "Added";
    ImportColumnChanged => "Modifiés", "Changed";
    ImportColumnRemoved => "Retirés", "Removed";
    ImportItemModels => "Modèles", "Models";
    ImportItemUnits => "Exemplaires", "Units";
    ImportItemTrainings => "Formations", "Trainings";
    ImportItemSessions => "Sessions de formation", "Training sessions";
    ImportItemSchools => "Écoles", "Schools";
    ImportItemBookings => "Réservations", "Bookings";
    ImportItemIncidents => "Incidents", "Incidents";
    ImportUndoHelp => "Les données actuelles sont gardées : vous pourrez annuler cet import.", "The current data is kept: you will be able to undo this import.";
    ImportConfirm => "Importer", "Import";
    ImportCancel => "Ne pas importer", "Do not import";
    ImportDone => "Import effectué.", "Import done.";
    ImportUndo => "Annuler le dernier import", "Undo the last import";
    ImportUndone => "Import annulé : les données d'avant l'import sont revenues.", "Import undone: the data from before the import is back.";
    ImportUndoUnavailable => "Les données d'avant l'import ne sont plus disponibles.", "The data from before the import is no longer available.";
    ImportNoRoomForUndo => "Pas assez de place dans ce navigateur pour garder les données actuelles avant l'import : exportez une sauvegarde, puis réessayez.", "Not enough room in this browser to keep the current data before the import: export a backup, then try again.";
    CatalogueOffered => "Un catalogue plus récent a été publié le {date} par la personne qui gère le prêt.", "A newer catalogue was published on {date} by the loan coordinator.";
    CatalogueOfferLink => "Voir ce qu'il change", "See what it changes";
    ImportOffered => "Examiner le catalogue publié le {date}", "Review the catalogue published on {date}";
    RoleLabel => "Vous utilisez Matériothèque comme", "You use Matériothèque as";
    RoleTeacher => "Enseignant ou enseignante", "Teacher";
    RoleCoordinator => "Gestionnaire du prêt", "Loan coordinator";
    RoleHelp => "Le mode gestionnaire tient les données de référence : il importe les demandes des enseignants et publie le catalogue.", "Coordinator mode holds the reference data: it imports teachers' requests and publishes the catalogue.";
    ExchangeTitle => "Échanger des fichiers", "Exchange files";
    ExchangeNeedsProfile => "Renseignez d'abord votre profil : le fichier dit qui fait les demandes.", "Fill in your profile first: the file says who makes the requests.";
    ExchangeCatalogueHelp => "Le catalogue, les sessions de formation et l'occupation du parc, sans aucune donnée personnelle, à publier pour les enseignants.", "The catalogue, training sessions and the pool's occupancy, with no personal data, to publish for teachers.";
    ExchangeCatalogue => "Exporter le catalogue", "Export the catalogue";
    ExchangeCatalogueDone => "Fichier catalogue prêt : publiez-le ou envoyez-le aux enseignants.", "Catalogue file ready: publish it or send it to teachers.";
    FileCalendarBadDate => "{file} : ligne {line}, la date « {value} » n'est pas lisible.", "{file}: line {line}, the date \"{value}\" cannot be read.";
    FileCalendarMissingColumn => "{file} : la colonne « {column} » du calendrier scolaire manque.", "{file}: the school calendar column \"{column}\" is missing.";
    FileCalendarMalformed => "{file} : ligne {line}, le tableau CSV est mal formé (guillemets ou fins de ligne).", "{file}: line {line}, the CSV table is malformed (quotes or line ends).";
    FileCalendarEmpty => "{file} ne contient aucune période de vacances scolaires des zones A, B ou C.", "{file} holds no school holidays of zones A, B or C.";
    ImportCalendarEffect => "Le calendrier scolaire officiel remplace les vacances des zones qu'il couvre ; les disponibilités sont recalculées.", "The official school calendar replaces the holidays of the zones it covers; availability is worked out again.";
    ImportCalendarNeedsCoordinator => "{file} est un calendrier scolaire : c'est la personne qui gère le prêt qui l'importe, puis le publie avec le catalogue.", "{file} is a school calendar: the loan coordinator imports it, then publishes it with the catalogue.";
    ImportItemHolidays => "Périodes de vacances", "Holiday periods";
    ImportRequestsNeedCoordinator => "{file} contient les demandes d'un enseignant : passez en mode gestionnaire pour l'importer.", "{file} holds a teacher's requests: switch to coordinator mode to import it.";
    ImportCatalogueNeedsTeacher => "{file} est un catalogue publié : en mode gestionnaire, vos données sont la référence et ne sont pas remplacées par lui.", "{file} is a published catalogue: in coordinator mode your data is the reference and is not replaced by it.";
    ImportRequestsEffect => "Les demandes de {teacher} sont vérifiées avec toutes les règles, d'après vos registres de formation ; rien d'autre ne change.", "The requests of {teacher} are checked against every rule, from your training records; nothing else changes.";
    ImportRequestRejected => "Demande « {project} » non retenue : {reason}", "Request “{project}” not taken: {reason}";
    ImportRequestAdded => "{teacher}, « {project} » : demande enregistrée, à confirmer.", "{teacher}, “{project}”: request recorded, to be confirmed.";
    ImportRequestAwaiting => "{teacher}, « {project} » : en attente de formation (inscription à une session qui finit avant le prêt).", "{teacher}, “{project}”: awaiting training (enrolled in a session ending before the loan).";
    ImportRequestToVerify => "{teacher}, « {project} » : formation à vérifier, demande gardée. {reason}", "{teacher}, “{project}”: training to verify, request kept. {reason}";
    ImportRequestRefused => "{teacher}, « {project} » : refusée par les règles, le motif lui sera envoyé. {reason}", "{teacher}, “{project}”: refused by the rules, the reason will be sent to her. {reason}";
    ImportRequestCancelled => "{teacher}, « {project} » : annulée par l'enseignant·e.", "{teacher}, “{project}”: cancelled by the teacher.";
    ImportRequestRenamed => "{teacher}, « {project} » : son numéro était déjà pris par une autre réservation ; gardée sous un nouveau numéro, que sa réponse lui donnera.", "{teacher}, “{project}”: its number was already taken by another booking; kept under a new number, which her answer will give her.";
    ImportConflict => "Conflit (règle R1) : {model}, du {start} au {end}, {held} {held:exemplaire réservé|exemplaires réservés} pour {in_service} en service. À résoudre avant de confirmer.", "Conflict (rule R1): {model}, from {start} to {end}, {held} {held:unit|units} booked for {in_service} in service. To resolve before confirming.";
    ImportAnswerEffect => "La réponse du gestionnaire met à jour vos réservations, vos formations et les places des sessions.", "The coordinator's answer brings your bookings, trainings and session seats up to date.";
    ImportAnswerStatus => "« {project} » : {from} → {to}.", "“{project}”: {from} → {to}.";
    ImportAnswerNew => "« {project} » : réservation faite pour vous par le gestionnaire.", "“{project}”: booking made for you by the coordinator.";
    ImportAnswerRecord => "Formation « {training} » enregistrée par le gestionnaire.", "Training “{training}” recorded by the coordinator.";
    ImportAnswerKeptCancel => "« {project} » : votre annulation est gardée ; envoyez vos demandes pour la transmettre.", "“{project}”: your cancellation is kept; send your requests to pass it on.";
    ImportAnswerSeatCounted => "Le gestionnaire compte votre place à la session « {training} » du {date}.", "The coordinator counts your seat in the “{training}” session on {date}.";
    ImportAnswerWithdrawalTaken => "Le gestionnaire a pris en compte votre désinscription de la session « {training} » du {date}.", "The coordinator took in your withdrawal from the “{training}” session on {date}.";
    ImportAnswerEnrolledByCoordinator => "Le gestionnaire vous a inscrit à la session « {training} » du {date}.", "The coordinator enrolled you in the “{training}” session on {date}.";
    ImportAnswerWithdrawnByCoordinator => "Le gestionnaire ne vous compte pas à la session « {training} » du {date} : vous n'y êtes plus inscrit.", "The coordinator does not count you in the “{training}” session on {date}: you are no longer enrolled.";
    ImportRequestEnrolled => "{teacher} s'inscrit à la session « {training} » du {date}.", "{teacher} enrols in the “{training}” session on {date}.";
    ImportRequestWithdrawn => "{teacher} se désinscrit de la session « {training} » du {date} : sa place est libérée.", "{teacher} withdraws from the “{training}” session on {date}: the seat is free again.";
    ImportRequestsOlder => "{teacher} : ce fichier (n° {sequence}) est plus ancien que le dernier pris en compte (n° {latest}) ; ses inscriptions et désinscriptions sont ignorées.", "{teacher}: this file (no. {sequence}) is older than the last one taken in (no. {latest}); its enrolments and withdrawals are ignored.";
    ImportRequestsOlderUnnumbered => "{teacher} : ce fichier, d'une version antérieure, est plus ancien que le dernier pris en compte (n° {latest}) ; ses inscriptions et désinscriptions sont ignorées.", "{teacher}: this file, of an earlier version, is older than the last one taken in (no. {latest}); its enrolments and withdrawals are ignored.";
    ImportRequestsNewer => "{teacher} : ce fichier (n° {sequence}) est le plus récent reçu ; rien d'autre ne change, mais un fichier plus ancien arrivant après lui ne changera plus ses inscriptions.", "{teacher}: this file (no. {sequence}) is the latest received; nothing else changes, but an older file arriving after it will no longer change her enrolments.";
    ImportAnswerNeedsTeacher => "{file} est la réponse du gestionnaire à un enseignant : elle s'importe en mode enseignant.", "{file} is the coordinator's answer to a teacher: it is imported in teacher mode.";
    ImportItemOccupancy => "Réservations des autres (sans nom)", "Other people's bookings (no names)";
    FileAnswerNoProfile => "{file} est une réponse du gestionnaire : renseignez d'abord votre profil dans ce navigateur.", "{file} is an answer from the coordinator: fill in your profile in this browser first.";
    FileAnswerOlder => "{file} est une réponse plus ancienne que celle déjà importée (du {date}) : elle ne change rien.", "{file} is an answer older than the one already imported (of {date}): it changes nothing.";
    FileAnswerNotYours => "{file} est la réponse destinée à {name}, pas au profil de ce navigateur : elle n'est pas importée.", "{file} is the answer meant for {name}, not for the profile of this browser: it is not imported.";
    DownloadRefused => "Le navigateur a refusé le téléchargement du fichier.", "The browser refused to download the file.";
    SendRequests => "Envoyer mes demandes au gestionnaire", "Send my requests to the coordinator";
    SendRequestsHelp => "Vos demandes restent dans ce navigateur tant que vous ne les envoyez pas : le fichier part par la feuille de partage de l'appareil (courriel, messagerie) ou se télécharge.", "Your requests stay in this browser until you send them: the file goes through the device's share sheet (mail, messaging) or is downloaded.";
    SendRequestsShared => "Demandes envoyées.", "Requests sent.";
    SendRequestsDownloaded => "Fichier « {file} » téléchargé : envoyez-le en pièce jointe à {contact}.", "File “{file}” downloaded: send it as an attachment to {contact}.";
    SendRequestsDownloadedNoContact => "Fichier « {file} » téléchargé : envoyez-le en pièce jointe à la personne qui gère le prêt.", "File “{file}” downloaded: send it as an attachment to the loan coordinator.";
    SendRequestsCancelled => "Envoi annulé : vos demandes n'ont pas quitté ce navigateur.", "Sending cancelled: your requests have not left this browser.";
    RequestsUnsentNone => "Toutes vos demandes ont été envoyées.", "All your requests have been sent.";
    RequestsUnsentOne => "1 demande n'a pas encore été envoyée au gestionnaire.", "1 request has not been sent to the coordinator yet.";
    RequestsUnsentMany => "{n} {n:demande n'a|demandes n'ont} pas encore été {n:envoyée|envoyées} au gestionnaire.", "{n} {n:request has|requests have} not been sent to the coordinator yet.";
    BookingUnsent => "Pas encore envoyée au gestionnaire", "Not sent to the coordinator yet";
    BookingSent => "Envoyée au gestionnaire", "Sent to the coordinator";
    BookingRefusedReason => "Motif du refus : {reason}", "Reason for the refusal: {reason}";
    AnswersTitle => "Réponses aux enseignants", "Answers to teachers";
    AnswersHelp => "Chaque réponse est privée : les réservations d'un enseignant, leur historique et les motifs de refus, ses formations et les places des sessions. Envoyez chaque fichier à son enseignant.", "Each answer is private: a teacher's bookings, their history and refusal reasons, her trainings and the session seats. Send each file to its teacher.";
    AnswersNone => "Aucun enseignant n'a de nouvelles depuis sa dernière réponse.", "No teacher has news since their last answer.";
    AnswersNewsOne => "1 enseignant a des nouvelles : {names}.", "1 teacher has news: {names}.";
    AnswersNewsMany => "{n} {n:enseignant a|enseignants ont} des nouvelles : {names}.", "{n} {n:teacher has|teachers have} news: {names}.";
    AnswersProduce => "Produire les réponses", "Produce the answers";
    AnswersDoneOne => "1 réponse produite : envoyez le fichier à son enseignant.", "1 answer produced: send the file to its teacher.";
    AnswersDoneMany => "{n} {n:réponse produite|réponses produites} : envoyez chaque fichier à son enseignant.", "{n} {n:answer|answers} produced: send each file to its teacher.";
    ContactLabel => "Adresse où les enseignants envoient leurs demandes", "Address where teachers send their requests";
    ContactHelp => "Publiée avec le catalogue : l'application des enseignants la leur indique.", "Published with the catalogue: the teachers' app shows it to them.";
    ContactSave => "Enregistrer l'adresse", "Save the address";
    ContactSaved => "Adresse enregistrée : elle partira avec le prochain catalogue publié.", "Address saved: it goes out with the next published catalogue.";
    DemoNotice => "Données de démonstration : ce catalogue et ses réservations sont fictifs.", "Demonstration data: this catalogue and its bookings are fictitious.";
    DemoCoordinatorOffer => "Ce navigateur tient le parc de démonstration. Commencez votre propre parc : importez votre sauvegarde ou votre catalogue ci-dessous, ou partez d'un parc vide.", "This browser holds the demonstration pool. Start your own pool: import your backup or catalogue below, or start from an empty pool.";
    DemoStartEmpty => "Commencer un parc vide", "Start an empty pool";
    ConflictsTitle => "Conflits à résoudre", "Conflicts to resolve";
    QueueTrainingToVerify => "Formation à vérifier", "Training to verify";
    ImportClaimUnbacked => "{teacher} déclare la formation « {training} », absente de vos registres : déclaration ignorée.", "{teacher} declares the training “{training}”, which your records do not show: the declaration is ignored.";
    // Navigation added for the teacher's pages
    NavBook => "Réserver", "Book";
    NavBookCount => "Réserver ({count})", "Book ({count})";
    NavMyBookings => "Mes réservations", "My bookings";
    NavProfile => "Mon profil", "My profile";
    // Profile
    ProfileTitle => "Mon profil", "My profile";
    ProfileIntro => "Ces informations restent dans ce navigateur ; elles accompagnent vos demandes de réservation. Il n'y a pas de compte à créer.", "This information stays in this browser; it goes with your booking requests. There is no account to create.";
    ProfileName => "Nom et prénom", "Full name";
    ProfileEmail => "Adresse électronique professionnelle", "Work e-mail address";
    ProfileEmailHint => "Par exemple prenom.nom@ac-lyon.fr", "For example firstname.lastname@ac-lyon.fr";
    ProfileSchool => "Votre école", "Your school";
    ProfileChooseSchool => "Choisissez votre école", "Choose your school";
    ProfileSave => "Enregistrer le profil", "Save the profile";
    ProfileSaved => "Profil enregistré.", "Profile saved.";
    ProfileErrorsTitle => "Le profil n'est pas enregistré. Corrigez :", "The profile was not saved. Please correct:";
    ProfileNameMissing => "Indiquez votre nom.", "Enter your name.";
    ProfileNameTooLong => "Le nom est trop long (120 caractères au plus).", "The name is too long (120 characters at most).";
    ProfileEmailInvalid => "Indiquez une adresse électronique valide, par exemple prenom.nom@ac-lyon.fr.", "Enter a valid e-mail address, for example firstname.lastname@ac-lyon.fr.";
    ProfileSchoolUnknown => "Choisissez votre école dans la liste.", "Choose your school from the list.";
    ProfileNeeded => "Renseignez d'abord votre profil (nom, adresse, école) : il accompagne vos demandes.", "First fill in your profile (name, address, school): it goes with your requests.";
    ProfileComplete => "Compléter mon profil", "Complete my profile";
    // Trainings
    TrainingsTitle => "Mes formations", "My trainings";
    TrainingsIntro => "Certains matériels demandent une formation préalable. Seules les formations enregistrées par le gestionnaire comptent.", "Some equipment needs prior training. Only trainings recorded by the coordinator count.";
    TrainingNoSession => "Aucune session prévue pour l'instant.", "No session planned yet.";
    SessionLine => "Session du {date}, {place} ({seats} {seats:place libre|places libres})", "Session on {date}, {place} ({seats} {seats:seat|seats} left)";
    SessionEnroll => "M'inscrire", "Enrol me";
    SessionEnrollIn => "M'inscrire à la session du {date}", "Enrol me in the session on {date}";
    SessionUnenroll => "Me désinscrire", "Withdraw";
    YouAreEnrolledIn => "Vous êtes inscrit à la session du {date}, {place}.", "You are enrolled in the session on {date}, {place}.";
    TrainingAwaitsSession => "Une réservation attendra la session où vous êtes inscrit ; le gestionnaire enregistre votre présence.", "A booking will await the session you are enrolled in; the coordinator records your attendance.";
    SessionUnenrollFrom => "Me désinscrire de la session du {date}", "Withdraw from the session on {date}";
    SessionUnenrolled => "Vous êtes désinscrit de la session du {date} : votre place est libérée.", "You withdrew from the session on {date}: your seat is free again.";
    SessionEnrolled => "Vous êtes inscrit à la session du {date}.", "You are enrolled in the session on {date}.";
    YouHaveTraining => "Vous avez suivi cette formation.", "You have completed this training.";
    YouLackTraining => "Vous n'avez pas encore suivi cette formation.", "You have not completed this training yet.";
    // Model page: availability and basket
    AvailabilityHeading => "Disponibilité des prochaines semaines", "Availability in the coming weeks";
    AvailabilityCaption => "Exemplaires libres chaque semaine de classe, du lundi au vendredi", "Units free each school week, Monday to Friday";
    AvailabilityWeek => "Semaine", "Week";
    AvailabilityFree => "Exemplaires libres", "Free units";
    AvailabilityNote => "Remarque", "Note";
    WeekOf => "Semaine du {date}", "Week of {date}";
    FreeOf => "{free} {free:libre|libres} sur {total}", "{free} free of {total}";
    NoneFree => "Aucun libre", "None free";
    NoClass => "Pas de classe", "No class";
    AddToBasket => "Ajouter au panier", "Add to basket";
    QuantityLabel => "Quantité", "Quantity";
    QuantityOf => "Quantité de {model}", "Quantity of {model}";
    AddedToBasket => "{model} : {count} dans le panier.", "{model}: {count} in the basket.";
    SeeBasket => "Voir le panier et réserver", "See the basket and book";
    FreeForDates => "{free} {free:libre|libres} du {start} au {end}", "{free} free from {start} to {end}";
    // Catalogue: free for my dates
    MyDatesLegend => "Libre pour mes dates", "Free for my dates";
    MyDatesHelp => "Indiquez la période du projet pour ne voir que le matériel libre en quantité suffisante.", "Give the project period to see only equipment free in sufficient quantity.";
    PeriodStart => "Premier jour", "First day";
    PeriodEnd => "Dernier jour", "Last day";
    // Booking
    BookTitle => "Réserver du matériel", "Book equipment";
    BookIntro => "Choisissez la période du projet et le matériel ; les règles de prêt sont vérifiées au fur et à mesure.", "Choose the project period and the equipment; the lending rules are checked as you go.";
    BookPeriodHeading => "1. Période du projet", "1. Project period";
    BookPeriodHelp => "Le prêt commence et se termine un jour de classe, au moins {days} {days:jour|jours} de classe après aujourd'hui.", "The loan starts and ends on a school day, at least {days} school {days:day|days} after today.";
    BookBasketHeading => "2. Matériel demandé", "2. Equipment requested";
    BasketEmpty => "Votre panier est vide : ajoutez un matériel ci-dessous ou depuis le catalogue.", "Your basket is empty: add equipment below or from the catalogue.";
    BasketModel => "Matériel", "Equipment";
    BasketFree => "Libres sur la période", "Free over the period";
    BasketRemove => "Retirer {model}", "Remove {model}";
    BasketAddLabel => "Ajouter un matériel", "Add equipment";
    BasketChoose => "Choisissez un matériel", "Choose equipment";
    BasketAdd => "Ajouter", "Add";
    NeedsPeriod => "Choisissez une période", "Choose a period";
    BookProjectHeading => "3. Projet", "3. Project";
    ProjectTitle => "Titre du projet", "Project title";
    ProjectClass => "Classe", "Class";
    ProjectClassHint => "Par exemple CM1 B", "For example Year 5 B";
    ProjectNotes => "Remarques pour le gestionnaire (facultatif)", "Notes for the coordinator (optional)";
    BookAgreementHeading => "4. Règlement d'usage et convention de prêt", "4. Usage rules and loan agreement";
    AgreementVersion => "Version {version}", "Version {version}";
    AgreementAccept => "J'ai lu et j'accepte le règlement d'usage et la convention de prêt (version {version}).", "I have read and accept the usage rules and loan agreement (version {version}).";
    BookSubmit => "Envoyer la demande", "Send the request";
    CheckHeading => "Vérification des règles", "Rule check";
    CheckWaiting => "Choisissez une période et au moins un matériel : la disponibilité sera vérifiée aussitôt.", "Choose a period and at least one item: availability will be checked at once.";
    CheckOk => "Tout est disponible sur cette période.", "Everything is available over this period.";
    CheckAwaiting => "Disponible. La réservation sera en attente de formation jusqu'à votre session.", "Available. The booking will await training until your session.";
    CheckProblems => "Cette demande ne peut pas être acceptée telle quelle ({count} {count:problème|problèmes}) :", "This request cannot be accepted as it is ({count} {count:problem|problems}):";
    PeriodNearestAll => "Période la plus proche qui convient à tout le panier : du {start} au {end}.", "Nearest period that suits the whole basket: {start} to {end}.";
    PeriodNoneForAll => "Aucune période d'ici la fin de l'année scolaire prochaine ne convient à tout le panier : réduisez les quantités ou retirez un matériel.", "No period before the end of next school year suits the whole basket: lower the quantities or remove an item.";
    TrainingNoSessionInTime => "Aucune session ne se termine avant le début de ce prêt : choisissez une date de début plus tardive, ou inscrivez-vous pour un prochain prêt.", "No session ends before this loan starts: choose a later first day, or enrol for a later loan.";
    SessionTooLate => "trop tard pour ce prêt", "too late for this loan";
    ErrorProfileMissing => "Votre profil n'est pas renseigné : il accompagne chaque demande.", "Your profile is not filled in: it goes with every request.";
    ShortageText => "{model} : {free} {free:libre|libres} sur cette période, vous en demandez {requested}.", "{model}: {free} free over this period, you ask for {requested}.";
    ShortageNext => "{requested} {requested:sera libre|seront libres} du {start} au {end}.", "{requested} will be free from {start} to {end}.";
    ShortageNoNext => "Aucune période de même durée n'a {requested} {requested:exemplaire libre|exemplaires libres} d'ici la fin de l'année scolaire prochaine.", "No period of the same length has {requested} {requested:unit|units} free before the end of next school year.";
    UseTheseDates => "Choisir ces dates (du {start} au {end})", "Use these dates ({start} to {end})";
    AlternativeText => "Autre matériel de la même catégorie : {model} ({free} {free:libre|libres}).", "Other equipment in the same category: {model} ({free} free).";
    UseAlternative => "Remplacer par {model}", "Replace with {model}";
    TrainingMissingText => "{model} demande la formation « {training} », que vous n'avez pas suivie.", "{model} needs the training \"{training}\", which you have not completed.";
    TrainingExpiredText => "Votre formation « {training} » a expiré le {date}.", "Your training \"{training}\" expired on {date}.";
    TrainingNextSession => "Prochaine session : {date}, {place} ({seats} {seats:place libre|places libres}). Une inscription à une session qui se termine avant le début du prêt suffit pour réserver.", "Next session: {date}, {place} ({seats} {seats:seat|seats} left). Enrolling in a session that ends before the loan starts is enough to book.";
    PeriodEndBeforeStart => "Le dernier jour est avant le premier.", "The last day is before the first.";
    PeriodStartNoClass => "Le premier jour n'est pas un jour de classe ({reason}).", "The first day is not a school day ({reason}).";
    PeriodEndNoClass => "Le dernier jour n'est pas un jour de classe ({reason}).", "The last day is not a school day ({reason}).";
    PeriodNotice => "Le prêt doit commencer au plus tôt le {date} ({days} {days:jour|jours} de classe de préavis).", "The loan must start on {date} at the earliest ({days} school {days:day's|days'} notice).";
    PeriodTooLong => "Ce matériel se prête {weeks} {weeks:semaine|semaines} au plus : le prêt doit finir au plus tard le {date}.", "This equipment is lent for {weeks} {weeks:week|weeks} at most: the loan must end by {date}.";
    PeriodBeyond => "Les réservations sont ouvertes jusqu'au {date}.", "Bookings are open until {date}.";
    FormErrorsTitle => "La demande n'est pas envoyée. Corrigez :", "The request was not sent. Please correct:";
    ErrorProjectMissing => "Indiquez le titre du projet.", "Enter the project title.";
    ErrorAgreementMissing => "Acceptez le règlement d'usage et la convention de prêt.", "Accept the usage rules and loan agreement.";
    ErrorPeriodMissing => "Choisissez le premier et le dernier jour du prêt.", "Choose the first and last day of the loan.";
    ErrorBasketEmpty => "Ajoutez au moins un matériel.", "Add at least one item.";
    ErrorRules => "Les règles de prêt ne sont pas respectées : voir la vérification.", "The lending rules are not met: see the rule check.";
    ConfirmTitle => "Demande enregistrée", "Request recorded";
    ConfirmText => "Votre demande « {project} » est enregistrée du {start} au {end}.", "Your request \"{project}\" is recorded from {start} to {end}.";
    ConfirmStatus => "Statut : {status}", "Status: {status}";
    ConfirmNextRequested => "Elle n'a pas encore quitté ce navigateur : envoyez vos demandes au gestionnaire, qui l'examinera.", "It has not left this browser yet: send your requests to the coordinator, who will review it.";
    ConfirmNextAwaiting => "Elle sera confirmée une fois votre formation suivie. Elle n'a pas encore quitté ce navigateur : envoyez vos demandes au gestionnaire.", "It will be confirmed once you have completed your training. It has not left this browser yet: send your requests to the coordinator.";
    ConfirmSeeBookings => "Voir mes réservations", "See my bookings";
    ConfirmNewBooking => "Nouvelle réservation", "New booking";
    // Statuses
    StatusRequested => "Demandée", "Requested";
    StatusAwaitingTraining => "En attente de formation", "Awaiting training";
    StatusConfirmed => "Confirmée", "Confirmed";
    StatusHandedOver => "Remise", "Handed over";
    StatusReturned => "Rendue", "Returned";
    StatusCancelled => "Annulée", "Cancelled";
    StatusRefused => "Refusée", "Refused";
    // My bookings
    MyBookingsTitle => "Mes réservations", "My bookings";
    MyBookingsIntro => "Vos demandes et leur suivi, les plus récentes d'abord.", "Your requests and their progress, the latest first.";
    MyBookingsNone => "Vous n'avez pas encore de réservation.", "You have no booking yet.";
    BookingPeriod => "Du {start} au {end}", "From {start} to {end}";
    BookingClass => "Classe : {class}", "Class: {class}";
    BookingLineText => "{quantity} × {model}", "{quantity} × {model}";
    BookingHistory => "Historique", "History";
    HistoryLine => "{date} : {status}", "{date}: {status}";
    HistoryReason => "motif : {reason}", "reason: {reason}";
    BookingUnits => "Exemplaires remis : {labels}", "Units handed over: {labels}";
    AddToCalendar => "Ajouter à mon agenda (.ics)", "Add to my calendar (.ics)";
    PrintAgreement => "Imprimer la convention", "Print the agreement";
    CancelBooking => "Annuler la réservation", "Cancel the booking";
    CancelConfirmText => "Annuler « {project} » ? Les exemplaires seront aussitôt libérés pour d'autres classes.", "Cancel \"{project}\"? The units will be freed for other classes at once.";
    CancelConfirm => "Oui, annuler", "Yes, cancel";
    CancelKeep => "Non, garder", "No, keep it";
    CancelledNotice => "La réservation « {project} » est annulée.", "The booking \"{project}\" is cancelled.";
    IcsSummary => "Prêt Matériothèque : {project}", "Matériothèque loan: {project}";
    // Incidents
    DeclareIncident => "Déclarer un incident", "Declare an incident";
    IncidentGuidance => "Déclarez toute dégradation, perte ou vol dans les 48 heures qui suivent sa découverte. En cas de vol ou de perte, remettez au gestionnaire le récépissé de plainte dans le même délai.", "Declare any damage, loss or theft within 48 hours of discovering it. For theft or loss, give the coordinator the police report reference within the same time.";
    IncidentUnit => "Exemplaire concerné", "Unit concerned";
    IncidentKindLegend => "Nature de l'incident", "Kind of incident";
    IncidentDamage => "Dégradation", "Damage";
    IncidentLoss => "Perte", "Loss";
    IncidentTheft => "Vol", "Theft";
    IncidentDescription => "Ce qui s'est passé", "What happened";
    IncidentDescriptionMissing => "Décrivez ce qui s'est passé : l'état de l'exemplaire et les circonstances.", "Describe what happened: the condition of the unit and the circumstances.";
    IncidentDiscovered => "Jour de la découverte", "Day it was discovered";
    IncidentTime => "Heure de la découverte", "Time it was discovered";
    IncidentPolice => "Référence du récépissé de plainte (si vous l'avez)", "Police report reference (if you have it)";
    IncidentSubmit => "Envoyer la déclaration", "Send the declaration";
    IncidentCancel => "Fermer sans déclarer", "Close without declaring";
    IncidentDeclared => "Incident déclaré dans le délai de 48 heures.", "Incident declared within the 48-hour limit.";
    IncidentDeclaredLate => "Incident déclaré, mais plus de 48 heures après sa découverte : le gestionnaire en est informé.", "Incident declared, but more than 48 hours after it was discovered: the coordinator is informed.";
    IncidentPoliceReminder => "Pensez à remettre le récépissé de plainte avant le {date} à {time}.", "Remember to hand in the police report before {date} at {time}.";
    IncidentTimeInvalid => "Indiquez l'heure sous la forme HH:MM.", "Enter the time as HH:MM.";
    IncidentFuture => "La découverte ne peut pas être dans le futur.", "The discovery cannot be in the future.";
    // Agreement print
    AgreementTitle => "Convention de prêt de matériel", "Equipment loan agreement";
    AgreementBorrower => "Emprunteur", "Borrower";
    AgreementSchool => "École", "School";
    AgreementProject => "Projet", "Project";
    AgreementPeriod => "Période", "Period";
    AgreementEquipment => "Matériel prêté", "Equipment lent";
    AgreementClauses => "Engagements", "Commitments";
    AgreementSignBorrower => "Signature de l'enseignant", "Teacher's signature";
    AgreementSignCoordinator => "Signature du gestionnaire", "Coordinator's signature";
    AgreementPrint => "Imprimer", "Print";
    AgreementNotFound => "Cette réservation n'existe pas dans ce navigateur.", "This booking does not exist in this browser.";
    BackToMyBookings => "Retour à mes réservations", "Back to my bookings";
    AgreementUnitsPending => "Les étiquettes des exemplaires seront indiquées à la remise.", "Unit labels will be given at hand-over.";
    // Refusals of operations, in words
    RefusedSessionFull => "Cette session est complète : choisissez-en une autre.", "This session is full: choose another one.";
    RefusedAlreadyEnrolled => "Vous êtes déjà inscrit à cette session.", "You are already enrolled in this session.";
    RefusedNotEnrolled => "Vous n'êtes pas inscrit à cette session.", "You are not enrolled in this session.";
    RefusedTransition => "Ce n'est plus possible : la réservation est « {status} ».", "This is no longer possible: the booking is \"{status}\".";
    RefusedUnknown => "Cet élément n'existe plus dans ce navigateur ; rechargez la page.", "This item no longer exists in this browser; reload the page.";
    SyncStatusLabel => "État de la synchronisation", "Sync status";
    SyncSynced => "Synchronisé à {time}", "Synced at {time}";
    SyncWaitingOne => "1 changement en attente d'envoi", "1 change waiting to be sent";
    SyncWaitingMany => "{n} {n:changement|changements} en attente d'envoi", "{n} {n:change|changes} waiting to be sent";
    SyncOffline => "Hors ligne : le serveur ne répond pas, tout est gardé ici et sera envoyé au retour", "Offline: the server does not answer; everything is kept here and will be sent when it is back";
    SyncSignedOut => "Synchronisation en pause : connectez-vous dans les paramètres", "Sync paused: sign in in the settings";
    SyncConnecting => "Connexion au serveur de synchronisation…", "Connecting to the sync server…";
    SyncProblemSignIn => "Le serveur a refusé ce compte ou ce mot de passe.", "The server refused this account or password.";
    SyncProblemNotAllowed => "Le serveur refuse cette action à ce compte : seul un compte de gestionnaire synchronise le parc en mode gestionnaire.", "The server refuses this action to this account: only a coordinator account syncs the pool in coordinator mode.";
    SyncProblemServer => "Le serveur de synchronisation est en panne (erreur {status}) : tout est gardé ici, nouvel essai bientôt.", "The sync server is failing (error {status}): everything is kept here; trying again soon.";
    SyncProblemUnreadable => "Le serveur a envoyé une réponse illisible ({detail}) : rien n'a été changé ici.", "The server sent an unreadable answer ({detail}): nothing was changed here.";
    SyncProblemNoProfile => "Remplissez votre profil pour que vos demandes partent par le serveur.", "Fill in your profile so that your requests go through the server.";
    SyncProblemMismatch => "Le compte {account} n'est pas l'adresse de votre profil ({profile}) : vos demandes ne partent pas. Connectez-vous avec le compte de votre adresse.", "The account {account} is not your profile's address ({profile}): your requests are not sent. Sign in with your address's account.";
    SyncProblemAddress => "Adresse de serveur non valable : donnez une adresse comme https://pret.exemple.fr/sync.", "Not a valid server address: give an address such as https://loans.example.org/sync.";
    SyncProblemFields => "Donnez l'adresse du serveur, le compte et le mot de passe.", "Give the server address, the account and the password.";
    SyncDropped => "Un changement n'a pas pu être gardé, car un autre gestionnaire a modifié le parc avant vous : {reason}", "A change could not be kept, because another coordinator changed the pool before you: {reason}";
    SyncHeading => "Synchronisation par un serveur (facultatif)", "Sync through a server (optional)";
    SyncIntro => "Sans serveur, tout passe par des fichiers. Avec le serveur de votre circonscription, vos demandes, les réponses et le catalogue circulent tout seuls, même après une coupure : rien n'est perdu hors ligne.", "Without a server, everything goes through files. With your district's server, requests, answers and the catalogue travel by themselves, even after an outage: nothing is lost offline.";
    SyncServerLabel => "Adresse du serveur", "Server address";
    SyncServerHint => "Donnée par le gestionnaire, par exemple https://pret.exemple.fr/sync.", "Given by the coordinator, for example https://loans.example.org/sync.";
    SyncAccountLabel => "Compte (votre adresse électronique pour un enseignant)", "Account (your e-mail address for a teacher)";
    SyncPasswordLabel => "Mot de passe", "Password";
    SyncPasswordNote => "Le mot de passe reste en mémoire le temps de la visite, jamais enregistré dans le navigateur ni dans un fichier : après un rechargement, reconnectez-vous.", "The password stays in memory for the visit, never stored in the browser or in a file: after a reload, sign in again.";
    SyncSignIn => "Se connecter", "Sign in";
    SyncSignOut => "Se déconnecter", "Sign out";
    SyncSignedInAs => "Connecté au serveur en tant que {account}.", "Signed in to the server as {account}.";
    SyncNow => "Synchroniser maintenant", "Sync now";
    SyncSignedOutDone => "Déconnecté : le mot de passe est oublié ; vos changements restent ici et partiront à la prochaine connexion.", "Signed out: the password is forgotten; your changes stay here and will be sent at the next sign-in.";
    SyncCoordinatorNote => "En mode gestionnaire, le parc du serveur, partagé par tous les gestionnaires, remplace celui de ce navigateur à la connexion (exportez une sauvegarde avant si besoin).", "In coordinator mode, the server's pool, shared by every coordinator, replaces this browser's at sign-in (export a backup first if needed).";
    ExplainForeignRequest => "Demandes envoyées par le compte {author} au nom de {named} : refusées, car une demande est toujours celle du compte qui l'envoie.", "Requests sent by the account {author} in the name of {named}: refused, because a request always belongs to the account that sends it.";
    RefusedNotAllowed => "Cette action est réservée au gestionnaire ou à l'auteur de la réservation.", "This action is for the coordinator or the booking's author only.";
    RefusedUnit => "Cet exemplaire ne fait pas partie de cette réservation.", "This unit is not part of this booking.";
    RefusedOther => "L'opération n'a pas pu être faite. Vérifiez les informations saisies.", "The operation could not be done. Check what you entered.";
    // Why a data file is refused: the file, where, what
    FileSyntax => "{file} n'est pas un fichier JSON lisible : erreur ligne {line}, colonne {column}.", "{file} is not a readable JSON file: error at line {line}, column {column}.";
    FileWrongKind => "{file} n'est pas un fichier de ce type : il se présente comme « {found} », il faudrait « {expected} ».", "{file} is not a file of this kind: it says \"{found}\", it should be \"{expected}\".";
    FileTooNew => "{file} vient d'une version plus récente de Matériothèque (format {found}, celle-ci lit jusqu'au format {supported}) : mettez l'application à jour.", "{file} comes from a newer version of Matériothèque (format {found}, this one reads up to format {supported}): update the app.";
    FileTooLarge => "{file} est trop volumineux ({size} Mo) pour être un fichier de Matériothèque : la limite est de {limit} Mo.", "{file} is too large ({size} MB) to be a Matériothèque file: the limit is {limit} MB.";
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
    // The official names of French holidays (the calendar data is in French)
    HolidayNewYear => "Jour de l'an", "New Year's Day";
    HolidayEasterMonday => "Lundi de Pâques", "Easter Monday";
    HolidayLabourDay => "Fête du Travail", "Labour Day";
    HolidayVictory => "Victoire 1945", "Victory in Europe Day";
    HolidayAscension => "Ascension", "Ascension Day";
    HolidayWhitMonday => "Lundi de Pentecôte", "Whit Monday";
    HolidayNational => "Fête nationale", "Bastille Day";
    HolidayAssumption => "Assomption", "Assumption Day";
    HolidayAllSaints => "Toussaint", "All Saints' Day";
    HolidayArmistice => "Armistice 1918", "Armistice Day";
    HolidayChristmas => "Noël", "Christmas Day";
    HolidayGoodFriday => "Vendredi saint", "Good Friday";
    HolidayStStephen => "Saint Étienne", "St Stephen's Day";
    HolidaysAutumn => "Vacances de la Toussaint", "Autumn half-term holidays";
    HolidaysChristmas => "Vacances de Noël", "Christmas holidays";
    HolidaysWinter => "Vacances d'hiver", "Winter holidays";
    HolidaysSpring => "Vacances de printemps", "Spring holidays";
    HolidaysAscension => "Pont de l'Ascension", "Ascension long weekend";
    HolidaysSummer => "Vacances d'été", "Summer holidays";
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
    DayInsideNotice => "dans le délai de préavis", "inside the notice period";
    DayPublicHoliday => "jour férié", "public holiday";
    // ---- Coordinator workspace: navigation and shared pieces ----
    NavCoordinator => "Gestion", "Coordination";
    CoordNavLabel => "Gestion du prêt", "Running the pool";
    CoordOnly => "Cette page est réservée à la personne qui gère le prêt. Passez en mode gestionnaire dans les paramètres pour l'utiliser.", "This page is for the loan coordinator. Switch to coordinator mode in the settings to use it.";
    CoordOnlyTitle => "Espace de gestion du prêt", "Loan coordinator's workspace";
    CoordOnlyLink => "Ouvrir les paramètres", "Open the settings";
    CoordQueueTitle => "Demandes à traiter", "Requests to handle";
    CoordBookingTitle => "Réservation « {project} » ({teacher})", "Booking \"{project}\" ({teacher})";
    CoordTimelineTitle => "Planning par modèle", "Timeline by model";
    CoordCatalogueTitle => "Catalogue et exemplaires", "Catalogue and units";
    CoordLabelsTitle => "Étiquettes à imprimer", "Labels to print";
    UnitTitle => "Exemplaire {label}", "Unit {label}";
    CoordTrainingsTitle => "Formations et sessions", "Trainings and sessions";
    CoordTeacherTitle => "Enseignant : {name}", "Teacher: {name}";
    CoordIncidentsTitle => "Sinistres", "Incidents";
    CoordReportsTitle => "Rapports", "Reports";
    // ---- Coordinator: queue, booking desk, hand-over, return, agreement ----
    QueueIntro => "Les demandes des enseignants arrivent ici quand vous importez leur fichier de demandes (Paramètres). Chaque confirmation revérifie les règles : disponibilité et formations.", "Teachers' requests arrive here when you import their requests file (Settings). Each confirmation checks the rules again: availability and trainings.";
    QueueBookForTeacher => "Réserver pour un enseignant", "Book for a teacher";
    QueueRequests => "Demandes en attente", "Pending requests";
    QueueUntitled => "Réservation {id}", "Booking {id}";
    QueueAnonymous => "Occupation publiée (sans nom)", "Published occupancy (no name)";
    QueueEmpty => "Aucune demande en attente.", "No pending request.";
    QueueCaption => "{count} {count:demande|demandes} à confirmer ou refuser, par date de début", "{count} {count:request|requests} to confirm or refuse, by first day";
    QueueSelectAll => "Tout sélectionner", "Select all";
    QueueSelectOne => "Sélectionner « {project} » de {teacher}", "Select \"{project}\" by {teacher}";
    QueueBulkLabel => "Actions sur la sélection", "Actions on the selection";
    QueueSelectedCount => "Sélectionnées : {count}", "Selected: {count}";
    QueueConfirm => "Confirmer la sélection", "Confirm the selection";
    QueueRefuse => "Refuser la sélection…", "Refuse the selection…";
    QueueReasonLabel => "Motif du refus (envoyé à l'enseignant)", "Reason for refusal (sent to the teacher)";
    QueueReasonHelp => "Par exemple : matériel réservé pour une formation ; proposez une autre période.", "For example: equipment kept for a training; suggest another period.";
    QueueReasonNeeded => "Indiquez le motif du refus.", "Enter the reason for refusal.";
    QueueRefuseConfirm => "Refuser ({count})", "Refuse ({count})";
    QueueConfirmedCount => "Réservations confirmées : {count}.", "Bookings confirmed: {count}.";
    QueueRefusedCount => "Réservations refusées : {count}.", "Bookings refused: {count}.";
    QueueNotDone => "Non traitées : {count} ; les raisons sont ci-dessous, elles restent sélectionnées.", "Not handled: {count}; the reasons are below, they stay selected.";
    QueueColProject => "Projet", "Project";
    QueueColTeacher => "Enseignant", "Teacher";
    QueueColEquipment => "Matériel", "Equipment";
    QueueColPeriod => "Période", "Period";
    QueueColStatus => "Statut", "Status";
    QueueOverdue => "Prêts en retard", "Overdue loans";
    QueueNothingOverdue => "Aucun prêt en retard.", "No overdue loan.";
    QueueToHandOver => "Confirmées, à remettre", "Confirmed, to hand over";
    QueueNothingToHandOver => "Aucune réservation confirmée à remettre.", "No confirmed booking to hand over.";
    QueueOut => "Prêts en cours", "Loans out";
    QueueNothingOut => "Aucun prêt en cours.", "No loan out.";
    LoanColLate => "Retard", "Late";
    LoanDaysLate => "{days} {days:jour|jours} de retard", "{days} {days:day|days} late";
    QueueLatePickUps => "Réservations confirmées non retirées", "Confirmed bookings not picked up";
    QueueNothingLatePickUp => "Aucune réservation confirmée en attente de retrait après son premier jour.", "No confirmed booking waiting to be picked up after its first day.";
    QueueLatePickUpHelp => "Le premier jour de ces prêts est passé sans que le matériel soit remis : relancez l'enseignant ou remettez le matériel.", "The first day of these loans has passed without the equipment being handed over: remind the teacher or hand the equipment over.";
    DeskBack => "Retour aux demandes", "Back to the requests";
    DeskNotes => "Message de l'enseignant", "Teacher's message";
    DeskUnits => "Exemplaires remis", "Units handed over";
    DeskUnitBack => "{label} (rendu : {condition})", "{label} (back: {condition})";
    DeskDecide => "Décision", "Decision";
    DeskRefuseHeading => "Refuser malgré la confirmation", "Refuse after all";
    DeskConfirm => "Confirmer la réservation", "Confirm the booking";
    DeskRefuse => "Refuser la réservation", "Refuse the booking";
    DeskConfirmed => "Réservation {id} confirmée.", "Booking {id} confirmed.";
    DeskRefused => "Réservation {id} refusée.", "Booking {id} refused.";
    DeskNotDone => "Les règles refusent cette action :", "The rules refuse this action:";
    HandOverHeading => "Remise du matériel", "Hand-over";
    HandOverUnits => "Exemplaires à remettre", "Units to hand over";
    HandOverHelp => "Les exemplaires proposés sont en service, disponibles et dans le meilleur état. Vous pouvez en choisir d'autres.", "The units proposed are in service, available and in the best condition. You may choose others.";
    HandOverUnitLabel => "{model}, exemplaire {number} sur {of}", "{model}, unit {number} of {of}";
    HandOverNone => "— choisir —", "— choose —";
    HandOverEarly => "Remise anticipée de {days} {days:jour|jours} : la réservation commence le {date}. Le matériel sera absent du parc plus longtemps que prévu.", "Early hand-over by {days} {days:day|days}: the booking starts on {date}. The equipment will be away from the pool longer than planned.";
    HandOverTrainingWarning => "La remise sera refusée tant que la formation n'est pas validée :", "The hand-over will be refused until the training is completed:";
    HandOverRefused => "Remise refusée :", "Hand-over refused:";
    HandOverSubmit => "Remettre ces exemplaires", "Hand over these units";
    HandOverPreview => "Voir la convention", "See the agreement";
    HandOverDone => "Matériel remis : {labels}. Imprimez la convention pour la signature.", "Equipment handed over: {labels}. Print the agreement for signature.";
    ReturnHeading => "Retour du matériel", "Return";
    ReturnCaption => "État de chaque exemplaire au retour", "Condition of each unit on return";
    ReturnColLabel => "Étiquette", "Label";
    ReturnColModel => "Modèle", "Model";
    ReturnColOut => "État au départ", "Condition out";
    ReturnColBack => "État au retour", "Condition back";
    ReturnConditionOf => "État au retour de {label}", "Condition back of {label}";
    ReturnSubmit => "Enregistrer le retour", "Record the return";
    ReturnDone => "Retour enregistré.", "Return recorded.";
    ReturnAvailable => "{count} {count:exemplaire de nouveau disponible|exemplaires de nouveau disponibles} : {labels}.", "{count} {count:unit|units} available again: {labels}.";
    ReturnDamaged => "Hors service jusqu'à réparation : {labels}. Déclarez le sinistre ci-dessous, puis marquez {count:l'exemplaire réparé|les exemplaires réparés} dans la gestion du catalogue.", "Out of service until repaired: {labels}. Declare the incident below, then mark {count:the unit|the units} repaired in the catalogue management.";
    ReturnShort => "À revoir : « {project} » de {teacher} ({start} – {end}) demande {requested} × {model}, pour {free} {free:exemplaire libre|exemplaires libres}.", "To review: \"{project}\" by {teacher} ({start} – {end}) asks for {requested} × {model}, with {free} {free:unit|units} free.";
    BookFor => "Réserver pour", "Book for";
    BookForMe => "Moi-même (mon profil)", "Myself (my profile)";
    BookForHelp => "En mode gestionnaire, vous pouvez réserver au nom d'un enseignant connu ; les règles s'appliquent comme pour lui.", "In coordinator mode you may book on behalf of a known teacher; the rules apply as for them.";
    AgreementBackToDesk => "Retour à la réservation", "Back to the booking";
    // ---- Coordinator: catalogue editing, labels, unit page ----
    CatIntro => "Choisissez un modèle pour modifier sa fiche et ses exemplaires, ou créez-en un. Les catégories se modifient en bas de page.", "Choose a model to edit it and its units, or create one. Categories are edited at the bottom of the page.";
    CatModelPick => "Modèle à modifier", "Model to edit";
    CatNewModelOption => "Nouveau modèle…", "New model…";
    CatModelHeading => "Fiche du modèle", "Model details";
    CatNewModelHeading => "Nouveau modèle", "New model";
    CatModelCategory => "Catégorie", "Category";
    CatModelName => "Nom du modèle (en français)", "Model name (in French)";
    CatModelNameEn => "Nom anglais du modèle (facultatif)", "Model name in English (optional)";
    CatModelNameEnHint => "Affiché dans l'interface en anglais. Laissez vide pour un nom de produit qui ne se traduit pas : le nom français est alors affiché.", "Shown in the English interface. Leave empty for a product name that is not translated: the French name is shown instead.";
    CatModelDescFr => "Description (en français)", "Description (in French)";
    CatModelDescEn => "Description en anglais (facultative)", "Description in English (optional)";
    CatModelTrainings => "Formations exigées avant la remise", "Trainings required before hand-over";
    CatModelMaxWeeks => "Durée maximale d'un prêt, en semaines (1 à 52)", "Longest loan, in weeks (1 to 52)";
    CatModelSave => "Enregistrer le modèle", "Save the model";
    CatModelSaved => "Modèle « {name} » enregistré.", "Model \"{name}\" saved.";
    CatModelCreated => "Modèle « {name} » créé : ajoutez-lui des exemplaires ci-dessous.", "Model \"{name}\" created: add units to it below.";
    CatMaxWeeksInvalid => "La durée maximale est un nombre entier de semaines, de 1 à 52.", "The longest loan is a whole number of weeks, from 1 to 52.";
    CatUnitsHeading => "Exemplaires de {model}", "Units of {model}";
    CatUnitsCaption => "{count} {count:exemplaire|exemplaires} de {model}, dont {in_service} en service", "{count} {count:unit|units} of {model}, {in_service} in service";
    CatNoUnits => "Ce modèle n'a pas encore d'exemplaire.", "This model has no units yet.";
    CatPrintLabels => "Imprimer les étiquettes de ce modèle", "Print this model's labels";
    CatColAcquired => "Acquis le", "Acquired on";
    CatColValue => "Valeur de remplacement", "Replacement value";
    CatColService => "Service", "Service status";
    CatColActions => "Gestion", "Manage";
    CatNoValue => "non renseignée", "not given";
    CatEdit => "Modifier", "Edit";
    CatEditNamed => "Modifier {label}", "Edit {label}";
    CatRetire => "Retirer", "Retire";
    CatRetireNamed => "Retirer {label}", "Retire {label}";
    CatRestore => "Remettre en service", "Put back in service";
    CatRestoreNamed => "Remettre en service {label}", "Put back in service {label}";
    CatSave => "Enregistrer", "Save";
    CatSaveNamed => "Enregistrer {label}", "Save {label}";
    CatCancel => "Annuler", "Cancel";
    CatCancelNamed => "Annuler la modification de {label}", "Cancel editing {label}";
    CatRowAcquired => "Date d'acquisition de {label} (JJ/MM/AAAA)", "Acquisition date of {label} (DD/MM/YYYY)";
    CatRowValue => "Valeur de remplacement de {label}, en euros", "Replacement value of {label}, in euros";
    CatRowCondition => "État de {label}", "Condition of {label}";
    CatUnitSaved => "Exemplaire {label} enregistré.", "Unit {label} saved.";
    CatUnitRetired => "{label} est retiré du service.", "{label} is now out of service.";
    CatUnitRestored => "{label} est remis en service.", "{label} is back in service.";
    CatRepaired => "Marquer réparé", "Mark repaired";
    CatRepairedNamed => "Marquer réparé {label}", "Mark repaired {label}";
    CatUnitRepaired => "{label} est réparé, en bon état et de nouveau en service.", "{label} is repaired, in good condition and back in service.";
    CatAddHeading => "Ajouter des exemplaires", "Add units";
    CatPattern => "Modèle d'étiquette", "Label pattern";
    CatPatternHint => "Le texte commun à toutes les étiquettes, puis le premier numéro entre accolades : SEM-TAB-{0001} donne SEM-TAB-0001, SEM-TAB-0002… Le nombre de chiffres entre accolades fixe la largeur. Une nouvelle série continue après la plus haute étiquette qui suit le même modèle.", "The text common to every label, then the first number in braces: SEM-TAB-{0001} gives SEM-TAB-0001, SEM-TAB-0002… The number of digits in the braces sets the width. A new batch continues after the highest label following the same pattern.";
    PatternNoNumber => "Le modèle d'étiquette n'a pas de numéro entre accolades : ajoutez le premier numéro, par exemple SEM-TAB-{0001}.", "The label pattern has no number in braces: add the first number, for example SEM-TAB-{0001}.";
    PatternEmptyNumber => "Les accolades sont vides : écrivez-y le premier numéro, par exemple {0001}.", "The braces are empty: write the first number in them, for example {0001}.";
    PatternNotDigits => "Entre les accolades, écrivez seulement des chiffres, par exemple {0001}.", "Write digits only between the braces, for example {0001}.";
    PatternTooLong => "Le numéro entre accolades a plus de 9 chiffres.", "The number in braces has more than 9 digits.";
    PatternSeveralBraces => "Le modèle d'étiquette ne contient qu'un numéro entre accolades, et aucune autre accolade.", "The label pattern holds one number in braces, and no other brace.";
    PatternSpaces => "Retirez les espaces au début et à la fin du modèle d'étiquette.", "Remove the spaces at the start and end of the label pattern.";
    CatCount => "Nombre d'exemplaires", "Number of units";
    CatCountInvalid => "Le nombre d'exemplaires est un nombre entier de 1 à 500.", "The number of units is a whole number from 1 to 500.";
    CatAcquired => "Date d'acquisition", "Acquisition date";
    CatValue => "Valeur de remplacement, en euros (facultative)", "Replacement value, in euros (optional)";
    CatValueHint => "Par exemple 159,90 (virgule ou point).", "For example 159.90 (comma or point).";
    CatCondition => "État à l'arrivée", "Condition on arrival";
    CatAddSubmit => "Ajouter les exemplaires", "Add the units";
    CatUnitsAdded => "{count} {count:exemplaire ajouté|exemplaires ajoutés} : {labels}.", "{count} {count:unit|units} added: {labels}.";
    CatCategoriesHeading => "Catégories", "Categories";
    CatCategoryPick => "Catégorie à modifier", "Category to edit";
    CatNewCategoryOption => "Nouvelle catégorie…", "New category…";
    CatCategoryNameFr => "Nom de la catégorie (en français)", "Category name (in French)";
    CatCategoryNameEn => "Nom en anglais (facultatif)", "Name in English (optional)";
    CatCategorySave => "Enregistrer la catégorie", "Save the category";
    CatCategorySaved => "Catégorie « {name} » enregistrée.", "Category \"{name}\" saved.";
    CatRefused => "Modification refusée :", "Change refused:";
    LblIntro => "Choisissez un modèle ou une catégorie : la planche A4 porte une étiquette par exemplaire en service, avec le code QR qui ouvre la page de l'exemplaire sur un téléphone.", "Choose a model or a category: the A4 sheet has one label per unit in service, with the QR code that opens the unit's page on a phone.";
    LblChoose => "Étiquettes à imprimer pour", "Labels to print for";
    LblChooseNothing => "Choisissez un modèle ou une catégorie…", "Choose a model or a category…";
    LblWholeCategory => "Toute la catégorie {category}", "The whole category {category}";
    LblCount => "{count} {count:étiquette|étiquettes} ; planches A4 de 3 × 8 : {pages}.", "{count} {count:label|labels}; A4 sheets of 3 × 8: {pages}.";
    LblNone => "Aucun exemplaire en service pour ce choix.", "No unit in service for this choice.";
    LblPrint => "Imprimer les étiquettes", "Print the labels";
    LblSheet => "Planche d'étiquettes", "Label sheet";
    LblQrName => "Code QR de l'exemplaire {label}", "QR code of unit {label}";
    LblTooLong => "Adresse trop longue pour un code QR", "Address too long for a QR code";
    UnitNotFoundTitle => "Exemplaire introuvable", "Unit not found";
    UnitNotFoundText => "Aucun exemplaire ne porte l'étiquette « {label} » dans les données de ce navigateur. Vérifiez l'étiquette, ou importez le dernier catalogue dans les paramètres.", "No unit has the label \"{label}\" in this browser's data. Check the label, or import the latest catalogue in the settings.";
    UnitModel => "Modèle", "Model";
    UnitAcquired => "Date d'acquisition", "Acquired on";
    UnitValue => "Valeur de remplacement", "Replacement value";
    UnitEditInCatalogue => "Modifier dans le catalogue", "Edit in the catalogue";
    UnitLoanHeading => "Prêt en cours", "Current loan";
    UnitNoLoan => "Cet exemplaire n'est pas prêté en ce moment.", "This unit is not on loan at the moment.";
    UnitLoanBooking => "Réservation", "Booking";
    UnitLoanTeacher => "Enseignant", "Teacher";
    UnitLoanSchool => "École", "School";
    UnitLoanPeriod => "Période", "Period";
    UnitLoanPeriodValue => "du {start} au {end}", "from {start} to {end}";
    UnitLoanOverdue => "En retard : le retour était prévu le {date}.", "Overdue: it was due back on {date}.";
    UnitLoanDue => "Retour prévu le {date}.", "Due back on {date}.";
    UnitLoanReturn => "Retour", "Return";
    UnitHistoryHeading => "Prêts de cet exemplaire", "Loans of this unit";
    UnitHistoryCaption => "Prêts qui ont inclus {label}, du plus récent au plus ancien", "Loans that included {label}, most recent first";
    UnitNoHistory => "Aucun prêt pour l'instant.", "No loan yet.";
    UnitColStatus => "Statut", "Status";
    UnitColOut => "État au départ", "Condition out";
    UnitColIn => "État au retour", "Condition back";
    UnitNotBack => "pas encore rendu", "not back yet";
    UnitIncidentsHeading => "Sinistres de cet exemplaire", "Incidents of this unit";
    UnitIncidentsCaption => "Sinistres déclarés pour {label}", "Incidents declared for {label}";
    UnitNoIncidents => "Aucun sinistre déclaré.", "No incident declared.";
    UnitColIncident => "Sinistre", "Incident";
    UnitColKind => "Nature", "Kind";
    UnitColDiscovered => "Découvert le", "Discovered on";
    // ---- Coordinator: trainings, teacher page, incidents ----
    TrainingAdminIntro => "Les formations exigées par certains matériels, leurs sessions, les inscriptions et les présences. Seules les formations enregistrées ici comptent pour la remise du matériel.", "The trainings some equipment requires, their sessions, enrolments and attendance. Only the trainings recorded here count at hand-over.";
    TrainingAdminNew => "Nouvelle formation", "New training";
    TrainingAdminNewHeading => "Nouvelle formation", "New training";
    TrainingAdminEditHeading => "Modifier la formation", "Edit the training";
    TrainingAdminNameFr => "Nom en français", "Name in French";
    TrainingAdminNameEn => "Nom en anglais (facultatif)", "Name in English (optional)";
    TrainingAdminValidity => "Validité en années", "Validity in years";
    TrainingAdminValidityHint => "Laissez vide si la formation n'expire pas.", "Leave empty if the training does not expire.";
    TrainingAdminValidityInvalid => "La validité est un nombre entier d'années, 1 ou plus, ou vide.", "The validity is a whole number of years, 1 or more, or empty.";
    TrainingAdminSave => "Enregistrer la formation", "Save the training";
    TrainingAdminCancel => "Annuler", "Cancel";
    TrainingAdminSaved => "Formation « {name} » enregistrée.", "Training \"{name}\" saved.";
    TrainingAdminNone => "Aucune formation pour l'instant.", "No training yet.";
    TrainingAdminEdit => "Modifier", "Edit";
    TrainingAdminEditNamed => "Modifier la formation {name}", "Edit the training {name}";
    TrainingAdminValidFor => "Valable {years} {years:an|ans} après la session suivie.", "Valid for {years} {years:year|years} after the session attended.";
    TrainingAdminNoExpiry => "Sans limite de validité.", "Does not expire.";
    SessionAdminAdd => "Nouvelle session", "New session";
    SessionAdminAddNamed => "Nouvelle session de {name}", "New session of {name}";
    SessionAdminNone => "Aucune session prévue.", "No session planned.";
    SessionAdminNewHeading => "Nouvelle session", "New session";
    SessionAdminEditHeading => "Modifier la session", "Edit the session";
    SessionAdminStart => "Premier jour de la session", "First day of the session";
    SessionAdminEnd => "Dernier jour (si plusieurs jours)", "Last day (if several days)";
    SessionAdminPlace => "Lieu", "Place";
    SessionAdminCapacity => "Nombre de places", "Number of seats";
    SessionAdminCapacityInvalid => "Le nombre de places est un nombre entier, 1 ou plus.", "The number of seats is a whole number, 1 or more.";
    SessionAdminStartMissing => "Indiquez le premier jour de la session.", "Enter the first day of the session.";
    SessionAdminSave => "Enregistrer la session", "Save the session";
    SessionAdminSaved => "Session du {date} enregistrée.", "Session on {date} saved.";
    SessionAdminHeading => "Session du {dates} — {place}", "Session on {dates} — {place}";
    SessionAdminDates => "{start} au {end}", "{start} to {end}";
    SessionAdminSeats => "{capacity} {capacity:place|places}, {left} {left:libre|libres}.", "{capacity} {capacity:seat|seats}, {left} left.";
    SessionAdminNobody => "Personne n'est inscrit.", "Nobody is enrolled.";
    SessionAdminEnrolledHeading => "Inscrits", "Enrolled";
    SessionAdminRecordLater => "Les présences s'enregistrent une fois la session passée, à partir du {date}.", "Attendance is recorded once the session is over, from {date}.";
    SessionAdminAttendance => "Présents à la session (formation suivie le {date})", "Present at the session (training completed on {date})";
    SessionAdminTeacherPage => "fiche de {name}", "{name}'s page";
    SessionAdminAlreadyRecorded => "déjà enregistrée", "already recorded";
    SessionAdminRecord => "Enregistrer la formation des présents", "Record the training for those present";
    SessionAdminTickFirst => "Cochez d'abord les enseignants présents.", "Tick the teachers who attended first.";
    SessionAdminRecorded => "Formation enregistrée au {date} pour {count} {count:enseignant|enseignants} : {names}.", "Training recorded on {date} for {count} {count:teacher|teachers}: {names}.";
    SessionAdminEnrolLabel => "Enseignant à inscrire", "Teacher to enrol";
    SessionAdminEnrol => "Inscrire", "Enrol";
    SessionAdminEnrolled => "{name} est inscrit à la session.", "{name} is enrolled in the session.";
    SessionAdminFull => "La session est complète.", "The session is full.";
    SessionAdminEdit => "Modifier la session", "Edit the session";
    TeachersHeading => "Enseignants", "Teachers";
    TeachersIntro => "Les enseignants connus : ceux dont vous avez importé le fichier de demandes, et le profil enregistré dans ce navigateur.", "The teachers known here: those whose requests file you imported, and the profile saved in this browser.";
    TeachersNone => "Aucun enseignant connu pour l'instant. Ils apparaissent quand vous importez leur fichier de demandes (Paramètres).", "No teacher known yet. They appear when you import their requests file (Settings).";
    TeachersCaption => "Enseignants connus, par nom", "Known teachers, by name";
    TeachersName => "Nom", "Name";
    TeachersSchool => "École", "School";
    TeacherUnknownTitle => "Enseignant inconnu", "Unknown teacher";
    TeacherUnknown => "Aucun enseignant n'a l'identifiant « {id} ». Il apparaîtra quand vous importerez son fichier de demandes.", "No teacher has the identifier \"{id}\". They will appear once you import their requests file.";
    TeacherBackToList => "Retour aux formations et à la liste des enseignants", "Back to trainings and the list of teachers";
    TeacherEmail => "Adresse électronique", "E-mail address";
    TeacherSchool => "École", "School";
    TeacherCommune => "Commune", "Municipality";
    TeacherRecordsHeading => "Formations suivies", "Trainings completed";
    TeacherRecordsCaption => "Formations suivies et leur validité", "Trainings completed and their validity";
    TeacherRecordTraining => "Formation", "Training";
    TeacherRecordCompleted => "Suivie le", "Completed on";
    TeacherRecordValidity => "Validité", "Validity";
    TeacherRecordForever => "Sans limite", "Does not expire";
    TeacherRecordUntil => "Valable jusqu'au {date}", "Valid until {date}";
    TeacherRecordExpired => "Expirée depuis le {date}", "Expired since {date}";
    TeacherNoRecord => "Aucune formation enregistrée.", "No training recorded.";
    TeacherEnrolmentsHeading => "Inscriptions aux sessions à venir", "Enrolments in coming sessions";
    TeacherEnrolmentLine => "{training} : {date}, {place}", "{training}: {date}, {place}";
    TeacherNoEnrolment => "Aucune inscription à venir.", "No coming enrolment.";
    TeacherRecordHeading => "Enregistrer une formation suivie", "Record a completed training";
    TeacherRecordDate => "Date de la formation", "Date of the training";
    TeacherRecordSubmit => "Enregistrer la formation suivie", "Record the completed training";
    TeacherRecordSaved => "Formation « {training} » enregistrée au {date}.", "Training \"{training}\" recorded on {date}.";
    TeacherEnrolHeading => "Inscrire à une session", "Enrol in a session";
    TeacherEnrolSession => "Session choisie", "Chosen session";
    TeacherEnrolSubmit => "Inscrire à cette session", "Enrol in this session";
    TeacherEnrolled => "Inscription enregistrée : {session}.", "Enrolment recorded: {session}.";
    TeacherSessionOption => "{training} — {date}, {place} ({seats} {seats:place libre|places libres})", "{training} — {date}, {place} ({seats} {seats:seat|seats} left)";
    TeacherNoSessionOpen => "Aucune session à venir avec des places libres.", "No coming session with seats left.";
    TeacherBookingsHeading => "Réservations", "Bookings";
    TeacherBookingsCaption => "Réservations de l'enseignant, la plus récente en premier", "The teacher's bookings, latest first";
    TeacherBookingId => "Réservation", "Booking";
    TeacherBookingProject => "Projet", "Project";
    TeacherBookingDates => "Période", "Period";
    TeacherBookingStatus => "Statut", "Status";
    TeacherBookingPeriod => "du {start} au {end}", "{start} to {end}";
    TeacherNoBooking => "Aucune réservation.", "No booking.";
    IncidentAdminIntro => "Dégradations, pertes et vols : délais de 48 heures, montant remboursable par la commune selon l'âge de l'exemplaire, puis devis et règlement.", "Damage, loss and theft: 48-hour deadlines, the amount the municipality reimburses by the unit's age, then quote and settlement.";
    IncidentAdminDeclareOpen => "Déclarer un sinistre", "Declare an incident";
    IncidentAdminDeclareHeading => "Déclarer un sinistre", "Declare an incident";
    IncidentAdminUnit => "Étiquette de l'exemplaire", "Unit label";
    IncidentAdminUnitHint => "Par exemple SEM-ROB-0002 ; la liste propose les étiquettes connues.", "For example SEM-ROB-0002; the list offers the known labels.";
    IncidentAdminUnitMissing => "Indiquez l'étiquette de l'exemplaire.", "Enter the unit's label.";
    IncidentAdminBooking => "Réservation concernée (facultatif)", "Booking concerned (optional)";
    IncidentAdminNoBooking => "Aucune (hors prêt)", "None (not on loan)";
    IncidentAdminPoliceReference => "Référence du dépôt de plainte (vol ou perte)", "Police report reference (theft or loss)";
    IncidentAdminDeclareSubmit => "Déclarer le sinistre", "Declare the incident";
    IncidentAdminCancel => "Annuler", "Cancel";
    IncidentAdminDeclared => "Sinistre déclaré sur {label}.", "Incident declared on {label}.";
    IncidentAdminDeclaredAmount => "Montant remboursable : {amount} ({rate} de la valeur de remplacement).", "Reimbursable amount: {amount} ({rate} of the replacement value).";
    IncidentAdminDeclaredLate => "Déclaré plus de 48 heures après la découverte.", "Declared more than 48 hours after discovery.";
    IncidentAdminFilter => "Afficher les sinistres", "Show incidents";
    IncidentAdminFilterAll => "Tous", "All";
    IncidentAdminNone => "Aucun sinistre déclaré.", "No incident declared.";
    IncidentAdminNoneShown => "Aucun sinistre avec ce statut.", "No incident with this status.";
    IncidentAdminCaption => "Sinistres : {shown} {shown:affiché|affichés} sur {total}, le plus récent en premier", "Incidents: {shown} shown of {total}, latest first";
    IncidentAdminColUnit => "Exemplaire", "Unit";
    IncidentAdminColKind => "Nature", "Kind";
    IncidentAdminColDiscovered => "Découvert le", "Discovered";
    IncidentAdminColDeclared => "Déclaré le", "Declared";
    IncidentAdminColPolice => "Dépôt de plainte", "Police report";
    IncidentAdminColAmount => "Montant remboursable", "Reimbursable amount";
    IncidentAdminColStatus => "Statut", "Status";
    IncidentAdminColAction => "Étape suivante", "Next step";
    IncidentAdminAt => "{date} à {time}", "{date} at {time}";
    IncidentAdminName => "{label} du {date}", "{label} of {date}";
    IncidentAdminLate => "En retard (plus de 48 h)", "Late (over 48 h)";
    IncidentAdminOnTime => "Dans le délai", "On time";
    IncidentAdminPoliceNotNeeded => "Non requis", "Not required";
    IncidentAdminPoliceGiven => "Référence : {reference}", "Reference: {reference}";
    IncidentAdminPoliceDue => "À fournir avant le {when}", "Due before {when}";
    IncidentAdminPoliceLate => "Plainte en retard", "Report late";
    IncidentAdminUnitUnknown => "Exemplaire inconnu", "Unknown unit";
    IncidentAdminAge => "{years} {years:an|ans}", "{years} {years:year|years}";
    IncidentAdminRateOf => "{rate} de {value}, âge {age}", "{rate} of {value}, age {age}";
    IncidentAdminNoValue => "Valeur de remplacement inconnue ({rate}, âge {age})", "Replacement value unknown ({rate}, age {age})";
    IncidentAdminNotReplaced => "Non remplacé (plus de 6 ans)", "Not replaced (over 6 years old)";
    IncidentAdminQuote => "Devis : {amount}", "Quote: {amount}";
    IncidentAdminDocument => "Documenter", "Document";
    IncidentAdminDocumentNamed => "Documenter le sinistre {name}", "Document the incident {name}";
    IncidentAdminSettle => "Marquer réglé", "Mark settled";
    IncidentAdminSettleNamed => "Marquer réglé le sinistre {name}", "Mark settled the incident {name}";
    IncidentAdminSettled => "Sinistre {name} réglé.", "Incident {name} settled.";
    IncidentAdminNothingToDo => "Terminé", "Done";
    IncidentAdminDocumentHeading => "Documenter le sinistre {name}", "Document the incident {name}";
    IncidentAdminQuoteLabel => "Montant du devis en euros", "Quote amount in euros";
    IncidentAdminQuoteHint => "Par exemple 120,50 ou 1 234,50.", "For example 120.50 or 1,234.50.";
    IncidentAdminDocumentSubmit => "Enregistrer le devis", "Save the quote";
    IncidentAdminDocumented => "Sinistre {name} documenté.", "Incident {name} documented.";
    RatesHeading => "Barème de remboursement", "Reimbursement scale";
    RatesCaption => "Part de la valeur de remplacement remboursée selon l'âge de l'exemplaire (années pleines)", "Share of the replacement value reimbursed by the unit's age (whole years)";
    RatesAgeColumn => "Âge", "Age";
    RatesRateColumn => "Taux", "Rate";
    RatesAgeNew => "Moins d'un an", "Under a year";
    RatesAge => "{years} {years:an|ans}", "{years} {years:year|years}";
    RatesAgeAndMore => "{years} {years:an|ans} et plus", "{years} {years:year|years} or more";
    RatesNotReplaced => "Un exemplaire de plus de {years} {years:an|ans} n'est pas remplacé.", "A unit over {years} {years:year|years} old is not replaced.";
    AmountErrorEmpty => "Indiquez un montant en euros.", "Enter an amount in euros.";
    AmountErrorFormat => "Montant non reconnu : écrivez par exemple 120,50.", "Amount not recognised: write for example 120.50.";
    AmountErrorCents => "Deux chiffres au plus après la virgule.", "At most two digits after the decimal point.";
    AmountErrorLarge => "Ce montant est trop grand.", "This amount is too large.";
    // ---- Coordinator: timeline, reports, CSV ----
    TimelineIntro => "Les réservations d'un modèle semaine par semaine : qui tient ses exemplaires, et les semaines où la demande dépasse le nombre d'exemplaires en service.", "The bookings of a model week by week: who holds its units, and the weeks where demand exceeds the units in service.";
    TimelineModel => "Modèle", "Model";
    TimelineFrom => "Semaine de départ", "Starting week";
    TimelinePrevious => "Semaines précédentes", "Previous weeks";
    TimelineNext => "Semaines suivantes", "Next weeks";
    TimelineSummary => "{bookings} {bookings:réservation|réservations} sur ces semaines, {capacity} {capacity:exemplaire|exemplaires} en service.", "{bookings} {bookings:booking|bookings} in these weeks, {capacity} {capacity:unit|units} in service.";
    TimelineNoConflict => "Aucun conflit.", "No conflict.";
    TimelineConflicts => "{weeks:Semaine|Semaines} en conflit : {weeks} (la demande dépasse le nombre d'exemplaires en service).", "{weeks:Week|Weeks} in conflict: {weeks} (demand exceeds the units in service).";
    TimelineWeekOf => "semaine du {date}", "week of {date}";
    TimelineConflict => "conflit", "conflict";
    TimelineCaption => "{model} : réservations par semaine à partir du {date}", "{model}: bookings by week from {date}";
    TimelineBooking => "Réservation", "Booking";
    TimelineTeacher => "Enseignant", "Teacher";
    TimelineStatus => "Statut", "Status";
    TimelineQuantity => "Quantité", "Quantity";
    TimelineEmpty => "Aucune réservation de ce modèle sur ces semaines.", "No booking of this model in these weeks.";
    TimelineDemand => "Demandés / en service", "Asked for / in service";
    ReportsIntro => "Pour une période choisie : l'utilisation du matériel et les modèles à réaffecter, le bilan des sinistres, et les réservations, chacun exportable pour un tableur.", "For a chosen period: equipment usage and models to reallocate, the incident review, and the bookings, each exportable for a spreadsheet.";
    ReportPeriodLegend => "Période", "Period";
    ReportFrom => "Premier jour de la période", "First day of the period";
    ReportTo => "Dernier jour de la période", "Last day of the period";
    ReportPeriod => "Période du {from} au {to}.", "Period from {from} to {to}.";
    ReportPeriodMissing => "Choisissez deux dates valables, la première avant la seconde.", "Choose two valid dates, the first before the second.";
    ReportYes => "Oui", "Yes";
    ReportNo => "Non", "No";
    ReportModel => "Modèle", "Model";
    ReportLoanDays => "Jours de prêt", "Days on loan";
    ReportServiceDays => "Jours en service", "Days in service";
    ReportUtilisation => "Utilisation (%)", "Usage rate (%)";
    ReportCandidate => "À réaffecter", "To reallocate";
    ReportRefusals => "Demandes refusées", "Refused requests";
    ReportUnitsRefused => "Exemplaires refusés", "Units refused";
    ReportOftenRefused => "Souvent refusé", "Often refused";
    ReportUsageTitle => "Utilisation du matériel", "Equipment usage";
    ReportCounted => "Jours de prêt : les jours de classe entre la remise du matériel et son retour, ou la fin de la période s'il est encore prêté ; une réservation jamais remise ne compte pas. Jours en service : les jours de classe depuis l'achat de chaque exemplaire en service. Un modèle n'est jugé que s'il avait un exemplaire en service dès le premier jour de la période et que la période compte au moins {days} {days:jour|jours} de classe ; sinon il est « non jugé ».", "Days on loan: the school days from the hand-over of the equipment to its return, or to the end of the period if it is still out; a booking never handed over does not count. Days in service: the school days since each unit in service was bought. A model is judged only if it had a unit in service from the first day of the period and the period holds at least {days} school {days:day|days}; otherwise it is \"not judged\".";
    ReportNotJudged => "Non jugé", "Not judged";
    ReportWindowDefault => "Par défaut, l'année scolaire en cours : du 1er septembre à aujourd'hui.", "By default, the current school year: from 1 September to today.";
    ReportUsageHelp => "Utilisation : jours de classe en prêt divisés par les jours de classe en service, par modèle. En dessous de {threshold} %, un modèle est candidat à une réaffectation.", "Utilisation: school days on loan divided by school days in service, per model. Below {threshold} %, a model is a candidate for reallocation.";
    ReportUsageChart => "Utilisation par modèle, du {from} au {to}", "Utilisation per model, from {from} to {to}";
    ReportUsageCaption => "Utilisation et refus par modèle, du {from} au {to}", "Utilisation and refusals per model, from {from} to {to}";
    ReportCandidatesTitle => "Candidats à la réaffectation (moins de {threshold} %)", "Candidates for reallocation (below {threshold} %)";
    ReportNoCandidate => "Aucun modèle sous le seuil.", "No model below the threshold.";
    ReportNothingJudged => "Aucun modèle n'est jugé sur cette période : aucun prêt n'y a été remis, ou elle compte moins de {days} {days:jour|jours} de classe.", "No model is judged over this period: no loan was handed over in it, or it has fewer than {days} school {days:day|days}.";
    ReportOftenRefusedTitle => "Modèles souvent refusés", "Models often refused";
    ReportNoneOftenRefused => "Aucun modèle n'a été souvent refusé sur la période.", "No model was often refused in the period.";
    ReportRefusedLine => "{model} : {refusals} {refusals:demande refusée|demandes refusées}, {units} {units:exemplaire|exemplaires}", "{model}: {refusals} refused {refusals:request|requests}, {units} {units:unit|units}";
    ReportUsageCsv => "Exporter l'utilisation (CSV)", "Export the usage (CSV)";
    ReportUsageFile => "materiotheque-utilisation", "materiotheque-usage";
    ReportIncidentsTitle => "Bilan des sinistres", "Incident review";
    ReportIncidentTotal => "{count} {count:sinistre|sinistres} sur la période, {amount} à rembourser au total.", "{count} {count:incident|incidents} in the period, {amount} reimbursable in total.";
    ReportLateLine => "{count} {count:déclaré|déclarés} après le délai de 48 heures.", "{count} declared after the 48-hour deadline.";
    ReportNotReplacedLine => "{count} sur {count:un exemplaire trop ancien pour être remplacé|des exemplaires trop anciens pour être remplacés}.", "{count} on {count:a unit|units} too old to be replaced.";
    ReportNoCommune => "Sans commune", "No commune";
    ReportNoSchool => "Sans école", "No school";
    ReportCount => "Nombre", "Number";
    ReportAmount => "Montant remboursable (€)", "Reimbursable amount (€)";
    ReportKind => "Type", "Kind";
    ReportSettlement => "Règlement", "Settlement";
    ReportCommune => "Commune", "Municipality";
    ReportSchool => "École", "School";
    ReportTotal => "Total", "Overall";
    ReportAllIncidents => "Tous les sinistres", "All incidents";
    ReportLate => "Déclarés en retard", "Declared late";
    ReportNotReplaced => "Non remplacés", "Not replaced";
    ReportGrouping => "Regroupement", "Grouping";
    ReportName => "Libellé", "Name";
    ReportBarCount => "{count} {count:sinistre|sinistres}", "{count} {count:incident|incidents}";
    ReportKindChart => "Sinistres par type, du {from} au {to}", "Incidents by kind, from {from} to {to}";
    ReportKindCaption => "Sinistres par type", "Incidents by kind";
    ReportSettlementCaption => "Sinistres par état du règlement", "Incidents by settlement status";
    ReportCommuneChart => "Sinistres par commune, du {from} au {to}", "Incidents by municipality, from {from} to {to}";
    ReportCommuneCaption => "Sinistres par commune", "Incidents by municipality";
    ReportSchoolChart => "Sinistres par école, du {from} au {to}", "Incidents by school, from {from} to {to}";
    ReportSchoolCaption => "Sinistres par école", "Incidents by school";
    ReportIncidentsCsv => "Exporter le bilan des sinistres (CSV)", "Export the incident review (CSV)";
    ReportIncidentsFile => "materiotheque-sinistres", "materiotheque-incidents";
    ReportBookingsTitle => "Réservations de la période", "Bookings of the period";
    ReportBookingsCount => "{count} {count:réservation touche|réservations touchent} la période.", "{count} {count:booking falls|bookings fall} in the period.";
    ReportBookingsCsv => "Exporter les réservations (CSV)", "Export the bookings (CSV)";
    ReportBookingsFile => "materiotheque-reservations", "materiotheque-bookings";
    ReportBooking => "Réservation", "Booking";
    ReportTeacher => "Enseignant", "Teacher";
    ReportModels => "Modèles et quantités", "Models and quantities";
    ReportFirstDay => "Premier jour", "First day";
    ReportLastDay => "Dernier jour", "Last day";
    ReportStatus => "Statut", "Status";
    ReportProject => "Projet", "Project";
    ReportClass => "Classe", "Class";
    ReportNotes => "Notes de l'enseignant", "Teacher's notes";
    ReportDownloaded => "Fichier {file} proposé au téléchargement.", "File {file} offered for download.";
    ReportDownloadRefused => "Le navigateur a refusé le téléchargement du fichier.", "The browser refused to download the file.";
    // ---- Coordinator: shared explanations ----
    ExplainTrainingNever => "La formation « {training} » n'a pas été suivie.", "The training \"{training}\" has not been completed.";
    ExplainTrainingExpired => "La formation « {training} » a expiré le {date}.", "The training \"{training}\" expired on {date}.";
    ExplainNextSession => "Prochaine session : {date}, {place} ({seats} {seats:place libre|places libres}).", "Next session: {date}, {place} ({seats} {seats:seat|seats} left).";
    ExplainNoSession => "Aucune session n'est prévue : créez-en une dans Formations.", "No session is planned: create one in Trainings.";
    ExplainShortage => "{model} : {free} {free:exemplaire libre|exemplaires libres} sur la période, {requested} {requested:demandé|demandés}.", "{model}: {free} {free:unit|units} free over the period, {requested} asked for.";
    ExplainUnitUnknown => "L'exemplaire {label} n'existe pas.", "Unit {label} does not exist.";
    ExplainUnitWrongModel => "L'exemplaire {label} est un {model}, qui n'est pas dans cette réservation.", "Unit {label} is a {model}, which is not in this booking.";
    ExplainUnitOutOfService => "L'exemplaire {label} est hors service.", "Unit {label} is out of service.";
    ExplainUnitDuplicate => "L'exemplaire {label} est choisi deux fois.", "Unit {label} is chosen twice.";
    ExplainUnitAlreadyOut => "L'exemplaire {label} est déjà prêté (réservation {booking}).", "Unit {label} is already on loan (booking {booking}).";
    ExplainUnitCount => "{model} : {booked} {booked:réservé|réservés}, {given} {given:choisi|choisis}.", "{model}: {booked} booked, {given} chosen.";
    ExplainUnitNotInBooking => "L'exemplaire {label} ne fait pas partie de ce prêt.", "Unit {label} is not part of this loan.";
    ExplainUnitNotReturned => "L'état de retour de l'exemplaire {label} manque.", "The return condition of unit {label} is missing.";
    ExplainTransition => "Impossible : on ne passe pas de « {from} » à « {to} ».", "Not possible: it cannot go from \"{from}\" to \"{to}\".";
    ExplainPoliceReport => "Pour un vol ou une perte, indiquez la référence du dépôt de plainte.", "For a theft or loss, enter the police report reference.";
    ExplainRequired => "Le champ « {field} » est obligatoire.", "The field \"{field}\" is required.";
    ExplainInvalid => "Le champ « {field} » n'est pas valable.", "The field \"{field}\" is not valid.";
    ExplainDuplicate => "« {id} » existe déjà.", "\"{id}\" already exists.";
    ExplainUnknownTraining => "La formation « {id} » n'existe pas.", "The training \"{id}\" does not exist.";
    ExplainUnknownModel => "Le modèle « {id} » n'existe pas.", "The model \"{id}\" does not exist.";
    FieldId => "identifiant", "identifier";
    FieldName => "nom", "name";
    FieldReason => "motif", "reason";
    FieldPlace => "lieu", "place";
    FieldCategory => "catégorie", "category";
    FieldModel => "modèle", "model";
    FieldPattern => "modèle d'étiquette", "label pattern";
    FieldCount => "nombre", "number";
    FieldCapacity => "places", "seats";
    FieldEnd => "dernier jour", "last day";
    FieldMaxWeeks => "durée maximale", "longest loan";
    FieldValidity => "validité", "validity";
    FieldProject => "projet", "project";
    FieldDescription => "ce qui s'est passé", "what happened";
    FieldOther => "saisi", "entered";
    IncidentStatusDeclared => "Déclaré", "Declared";
    IncidentStatusDocumented => "Documenté", "Documented";
    IncidentStatusSettled => "Réglé", "Settled";

}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_thousands_in_each_language() {
        assert_eq!(format_count(Lang::Fr, 5_242_880), "5\u{202f}242\u{202f}880");
        assert_eq!(format_count(Lang::En, 5_242_880), "5,242,880");
        assert_eq!(format_count(Lang::En, 999), "999");
        assert_eq!(format_count(Lang::Fr, 100_000), "100\u{202f}000");
    }

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
            let mut found: Vec<&str> = s
                .split('{')
                .skip(1)
                .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.split(':').next().unwrap_or(name)))
                .collect();
            found.sort_unstable();
            found.dedup();
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
            Msg::NavMenu,
            Msg::LangNameFr,
            Msg::LangNameEn,
            Msg::ModelDescriptionHeading,
            Msg::ImportItemIncidents,
            Msg::FooterVersion,
            Msg::BookingLineText,
            Msg::AgreementVersion,
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
    fn each_message_is_cut_at_its_own_bounds() {
        assert_eq!(Msg::ALL[0].fr(), "Matériothèque");
        assert_eq!(Msg::AppTagline.en(), "Digital equipment loans for schools");
        assert_eq!(Msg::DayPublicHoliday.fr(), "jour férié");
        let last = Msg::ALL[Msg::ALL.len() - 1];
        assert!(FRENCH.ends_with(&format!("{}\u{1}", last.fr())));
        for msg in Msg::ALL {
            for text in [msg.fr(), msg.en()] {
                assert!(!text.is_empty() && !text.contains('\u{1}'), "{msg:?}");
            }
        }
    }

    #[test]
    fn fill_replaces_every_named_placeholder() {
        let text = fill(Lang::Fr, Msg::CatalogueSummary.fr(), &[("models", "3"), ("units", "12")]);
        assert_eq!(text, "3 modèles, 12 exemplaires en service");
    }

    #[test]
    fn plural_forms_follow_each_language() {
        let template = "{n} {n:sinistre|sinistres}";
        assert_eq!(fill(Lang::Fr, template, &[("n", "0")]), "0 sinistre");
        assert_eq!(fill(Lang::Fr, template, &[("n", "1")]), "1 sinistre");
        assert_eq!(fill(Lang::Fr, template, &[("n", "2")]), "2 sinistres");
        assert_eq!(fill(Lang::Fr, template, &[("n", "1\u{202f}000")]), "1\u{202f}000 sinistres");
        let english = "{n} {n:incident|incidents}";
        assert_eq!(fill(Lang::En, english, &[("n", "0")]), "0 incidents");
        assert_eq!(fill(Lang::En, english, &[("n", "1")]), "1 incident");
        assert_eq!(fill(Lang::En, english, &[("n", "1,000")]), "1,000 incidents");
        assert_eq!(fill(Lang::En, "{missing} {x:a|b}", &[]), "{missing} {x:a|b}");
    }

    /// Placeholders that take a number; a word after one of them agrees with it.
    const COUNTS: &[&str] = &[
        "count",
        "n",
        "seats",
        "free",
        "days",
        "weeks",
        "years",
        "units",
        "models",
        "held",
        "in_service",
        "requested",
        "total",
        "capacity",
        "left",
        "shown",
        "bookings",
        "refusals",
        "booked",
        "given",
        "pages",
        "used",
        "quota",
        "percent",
        "amount",
        "quantity",
        "number",
        "of",
    ];

    /// Words that may follow a number without agreeing with it (units, prepositions, verbs).
    const INVARIANT_AFTER_COUNT: &[&str] = &["dans", "%", "Mo", "MB", "×", "en", "in", "of", "sur", "free", "left"];

    #[test]
    fn a_word_after_a_count_agrees_through_a_plural_form() {
        for msg in Msg::ALL {
            for text in [msg.fr(), msg.en()] {
                for name in COUNTS {
                    let placeholder = format!("{{{name}}} ");
                    for (at, _) in text.match_indices(&placeholder) {
                        let next = text[at + placeholder.len()..].split([' ', ',', '.', ')', ';']).next().unwrap_or("");
                        let plural_looking = next.ends_with('s') || next.ends_with('x');
                        assert!(
                            next.starts_with(&format!("{{{name}:"))
                                || !plural_looking
                                || INVARIANT_AFTER_COUNT.contains(&next),
                            "{msg:?}: « {next} » after {{{name}}} does not agree with it: {text:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn no_noun_stays_plural_after_a_singular_count() {
        // Plural words fixed in the tables: none may follow a number that takes the singular.
        const FRENCH_PLURALS: &[&str] = &[
            "modèles",
            "exemplaires",
            "semaines",
            "jours",
            "places",
            "sinistres",
            "déclarés",
            "libres",
            "réservations",
            "demandes",
            "enseignants",
            "réponses",
            "changements",
            "étiquettes",
            "ans",
            "caractères",
            "utilisés",
            "ajoutés",
            "réservés",
            "demandés",
            "choisis",
            "affichés",
            "remboursables",
            "seront",
            "des",
        ];
        const ENGLISH_PLURALS: &[&str] = &[
            "models",
            "units",
            "weeks",
            "days",
            "seats",
            "incidents",
            "bookings",
            "requests",
            "teachers",
            "answers",
            "changes",
            "labels",
            "years",
            "characters",
            "have",
            "match",
            "fall",
        ];
        for msg in Msg::ALL {
            for (lang, plurals, singular_counts) in
                [(Lang::Fr, FRENCH_PLURALS, &["0", "1"][..]), (Lang::En, ENGLISH_PLURALS, &["1"][..])]
            {
                for n in ["0", "1", "2"] {
                    let args: Vec<(&str, &str)> = COUNTS.iter().map(|name| (*name, n)).collect();
                    let text = fill(lang, msg.get(lang), &args);
                    let words: Vec<&str> =
                        text.split([' ', ',', '.', '(', ')', ';', ':', '\'']).filter(|w| !w.is_empty()).collect();
                    for (i, word) in words.iter().enumerate() {
                        if *word != n {
                            continue;
                        }
                        // The next word, or the one after a word like "school" or "refused".
                        for next in words.iter().skip(i + 1).take(2) {
                            let singular = singular_counts.contains(&n);
                            assert!(
                                !(singular && plurals.contains(next)),
                                "{msg:?} with {n}: « {next} » stays plural: {text:?}"
                            );
                        }
                    }
                    assert!(!text.contains('|'), "{msg:?}: a plural form was not chosen: {text:?}");
                }
            }
        }
    }

    #[test]
    fn no_message_writes_a_plural_in_brackets() {
        for msg in Msg::ALL {
            for text in [msg.fr(), msg.en()] {
                assert!(!text.contains("(s)") && !text.contains("(es)"), "{msg:?}: {text:?}");
            }
        }
    }
}
