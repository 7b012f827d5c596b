//! Every address of the app in one place: the router's patterns, the paths links go to (without
//! the deployment path, which [`Links::to`](crate::ui::state::Links::to) adds), the address a
//! label's QR code holds, and the reading back of the ids an address names.
//!
//! # One encoding for every dynamic segment
//!
//! An id in an address (a model, a booking, a unit's label, a teacher's e-mail, the model a
//! coordinator's page opens on) is written by [`escape_segment`] and read by
//! [`unescape_segment`], nothing else. An address is decoded before the app reads it, twice:
//!
//! 1. by the static host, which looks for a file first: a segment ending in `.fr` looks like a
//!    file with an extension and a `/` like a folder, and the host answers 404 instead of
//!    serving the app;
//! 2. by the router, which decodes each parameter (`decodeURIComponent`).
//!
//! So every byte but ASCII letters, digits and `-_~@` is written `%25XX`: the host reads `%XX`
//! (no dot, no slash), the router hands `%XX` to the page, and [`unescape_segment`] the byte.
//! `anne.martin@ac-lyon.fr` → `anne%252Emartin@ac-lyon%252Efr`. `+` is escaped as well because
//! a query reads it as a space: the same pair writes the one query value the app reads
//! (`?modele=`), which the router decodes entirely. A segment the router decoded entirely (a label printed before
//! this rule, which percent-encoded once; the address bar after going back, which the router
//! wrote decoded once) reads back unchanged, as long as it holds no `%` followed by two hex
//! digits.

use leptos_router::params::ParamsMap;
use leptos_router::{ParamSegment, StaticSegment, WildcardSegment};

/// A route pattern of one fixed segment.
pub type FixedPattern = (StaticSegment<&'static str>,);
/// A route pattern of a fixed segment and an id.
pub type IdPattern = (StaticSegment<&'static str>, ParamSegment);
/// A route pattern of a fixed segment, an id, and a fixed segment.
pub type IdThenFixedPattern = (StaticSegment<&'static str>, ParamSegment, StaticSegment<&'static str>);
/// A route pattern of a fixed segment and whatever follows it.
pub type RestPattern = (StaticSegment<&'static str>, WildcardSegment);

/// The router's name for the id a page's address holds (every page names one id at most).
const ID: &str = "id";
/// The router's name for what follows `/gestion/`, read by [`WorkspacePage::parse`].
const REST: &str = "rest";
/// The query key naming the model a coordinator's page opens on.
const MODEL_QUERY: &str = "modele";

const MODEL: &str = "modele";
const MY_BOOKINGS_SEGMENT: &str = "mes-reservations";
const AGREEMENT: &str = "convention";
const UNIT: &str = "exemplaire";
const WORKSPACE: &str = "gestion";
const DESK: &str = "reservations";
const PLANNING: &str = "planning";
const CATALOGUE_ADMIN: &str = "catalogue";
const LABELS: &str = "etiquettes";
const TRAININGS: &str = "formations";
const TEACHER: &str = "enseignants";
const INCIDENTS: &str = "sinistres";
const REPORTS: &str = "rapports";

/// Declares a page of one fixed segment: its path for links and its pattern for the router,
/// from one literal.
macro_rules! fixed_page {
    ($(#[doc = $doc:expr])* $path:ident, $pattern:ident, $segment:literal) => {
        $(#[doc = $doc])*
        pub const $path: &str = concat!("/", $segment);
        #[doc = concat!("The router's pattern of [`", stringify!($path), "`].")]
        pub const $pattern: FixedPattern = (StaticSegment($segment),);
    };
}

/// The catalogue, the first page.
pub const CATALOGUE: &str = "/";
/// The router's pattern of [`CATALOGUE`] (the empty path).
pub const CATALOGUE_PATTERN: () = ();
fixed_page!(
    /// The booking page: the basket, the period, the check and the request.
    BOOKING, BOOKING_PATTERN, "reserver"
);
fixed_page!(
    /// The teacher's bookings.
    MY_BOOKINGS, MY_BOOKINGS_PATTERN, "mes-reservations"
);
fixed_page!(
    /// The teacher's profile.
    PROFILE, PROFILE_PATTERN, "profil"
);
fixed_page!(
    /// The settings: language, mode, files, synchronisation.
    SETTINGS, SETTINGS_PATTERN, "parametres"
);
fixed_page!(
    /// About the app.
    ABOUT, ABOUT_PATTERN, "a-propos"
);
fixed_page!(
    /// The coordinator's workspace: the requests queue.
    WORKSPACE_HOME, WORKSPACE_PATTERN, "gestion"
);

/// The id of the settings' synchronisation section, which links may open on.
pub const SYNC_SECTION_ID: &str = "synchronisation";
/// The router's pattern of [`model`].
pub const MODEL_PATTERN: IdPattern = (StaticSegment(MODEL), ParamSegment(ID));
/// The router's pattern of [`agreement`].
pub const AGREEMENT_PATTERN: IdThenFixedPattern =
    (StaticSegment(MY_BOOKINGS_SEGMENT), ParamSegment(ID), StaticSegment(AGREEMENT));
/// The router's pattern of [`unit`].
pub const UNIT_PATTERN: IdPattern = (StaticSegment(UNIT), ParamSegment(ID));
/// The router's pattern of every [`WorkspacePage`] but the queue: the workspace is one route,
/// whose rest [`WorkspacePage::parse`] reads.
pub const WORKSPACE_PAGE_PATTERN: RestPattern = (StaticSegment(WORKSPACE), WildcardSegment(REST));

/// The settings, opened on their synchronisation section.
pub fn sync_settings() -> String {
    format!("{SETTINGS}#{SYNC_SECTION_ID}")
}

/// A model's page.
pub fn model(id: &str) -> String {
    format!("/{MODEL}/{}", escape_segment(id))
}

/// The loan agreement of one of the teacher's bookings.
pub fn agreement(booking: &str) -> String {
    format!("/{MY_BOOKINGS_SEGMENT}/{}/{AGREEMENT}", escape_segment(booking))
}

/// A unit's page, as its label's QR code opens it.
pub fn unit(label: &str) -> String {
    format!("/{UNIT}/{}", escape_segment(label))
}

/// The absolute address a unit's label holds in its QR code: the app's origin
/// (`https://host`), its deployment path (`""` or `/pret`) and the unit's page.
pub fn unit_url(origin: &str, base: &str, label: &str) -> String {
    format!("{}{}{}", origin.trim_end_matches('/'), base, unit(label))
}

/// A booking at the coordinator's desk.
pub fn desk(booking: &str) -> String {
    WorkspacePage::Desk(booking.to_owned()).path()
}

/// A booking's loan agreement, printed from the coordinator's desk.
pub fn desk_agreement(booking: &str) -> String {
    WorkspacePage::DeskAgreement(booking.to_owned()).path()
}

/// A teacher's page in the coordinator's workspace (the id is an e-mail address).
pub fn teacher(id: &str) -> String {
    WorkspacePage::Teacher(id.to_owned()).path()
}

/// The label sheet, opened on one model's units when `model` is given.
pub fn labels(model: Option<&str>) -> String {
    WorkspacePage::Labels.with_model(model)
}

/// The catalogue's administration, opened on one model when `model` is given.
pub fn catalogue_admin(model: Option<&str>) -> String {
    WorkspacePage::Catalogue.with_model(model)
}

/// One page of the coordinator's workspace (`/gestion/…`), as its address names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkspacePage {
    /// The requests queue, `/gestion`.
    Queue,
    /// A booking at the desk, by its id.
    Desk(String),
    /// A booking's loan agreement, by the booking's id.
    DeskAgreement(String),
    /// The planning of the units' loans.
    Planning,
    /// The catalogue's administration.
    Catalogue,
    /// The label sheet.
    Labels,
    /// Trainings and their sessions.
    Trainings,
    /// A teacher's page, by the teacher's id.
    Teacher(String),
    /// Incidents.
    Incidents,
    /// Reports.
    Reports,
}

impl WorkspacePage {
    /// The page's path.
    pub fn path(&self) -> String {
        let section = |name: &str| format!("/{WORKSPACE}/{name}");
        match self {
            Self::Queue => WORKSPACE_HOME.to_owned(),
            Self::Desk(id) => format!("/{WORKSPACE}/{DESK}/{}", escape_segment(id)),
            Self::DeskAgreement(id) => format!("/{WORKSPACE}/{DESK}/{}/{AGREEMENT}", escape_segment(id)),
            Self::Planning => section(PLANNING),
            Self::Catalogue => section(CATALOGUE_ADMIN),
            Self::Labels => section(LABELS),
            Self::Trainings => section(TRAININGS),
            Self::Teacher(id) => format!("/{WORKSPACE}/{TEACHER}/{}", escape_segment(id)),
            Self::Incidents => section(INCIDENTS),
            Self::Reports => section(REPORTS),
        }
    }

    /// The page's path, opened on `model` when one is given (see [`model_query`]).
    pub fn with_model(&self, model: Option<&str>) -> String {
        match model {
            Some(model) => format!("{}?{MODEL_QUERY}={}", self.path(), escape_segment(model)),
            None => self.path(),
        }
    }

    /// The page `rest` names, as the router gives what follows `/gestion/` (decoded once);
    /// `None` for an address the workspace does not know.
    pub fn parse(rest: &str) -> Option<Self> {
        let segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
        Some(match segments.as_slice() {
            [] => Self::Queue,
            [DESK, id] => Self::Desk(unescape_segment(id)),
            [DESK, id, AGREEMENT] => Self::DeskAgreement(unescape_segment(id)),
            [PLANNING] => Self::Planning,
            [CATALOGUE_ADMIN] => Self::Catalogue,
            [LABELS] => Self::Labels,
            [TRAININGS] => Self::Trainings,
            [TEACHER, id] => Self::Teacher(unescape_segment(id)),
            [INCIDENTS] => Self::Incidents,
            [REPORTS] => Self::Reports,
            _ => return None,
        })
    }

    /// The id the page's address names, if it names one.
    pub fn into_id(self) -> Option<String> {
        match self {
            Self::Desk(id) | Self::DeskAgreement(id) | Self::Teacher(id) => Some(id),
            _ => None,
        }
    }
}

/// The workspace page the router's parameters name (`None`: an unknown address).
pub fn workspace_page(params: &ParamsMap) -> Option<WorkspacePage> {
    WorkspacePage::parse(&params.get(REST).unwrap_or_default())
}

/// The id the current page's address names, unescaped: the route's id, or inside the
/// coordinator's workspace the id of the desk's booking or of the teacher. Empty when the address
/// names none (the page then says it found nothing).
pub fn page_id(params: &ParamsMap) -> String {
    match params.get(ID) {
        Some(id) => unescape_segment(&id),
        None => workspace_page(params).and_then(WorkspacePage::into_id).unwrap_or_default(),
    }
}

/// The model a coordinator's page was asked to open on (`?modele=`), unescaped.
pub fn model_query(query: &ParamsMap) -> Option<String> {
    query.get(MODEL_QUERY).map(|model| unescape_segment(&model))
}

/// Escapes an id for a segment of an address (see the module's doc for why `%25XX`).
pub fn escape_segment(text: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_~@".contains(&byte) {
            out.push(char::from(byte));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%25{byte:02X}");
        }
    }
    out
}

/// Reads back a segment escaped by [`escape_segment`], as the router gives it (its `%25` already
/// read as `%`): every `%XX` is the byte `XX`; anything else stays as it is.
pub fn unescape_segment(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    while let Some((&byte, tail)) = rest.split_first() {
        let escaped = match (byte, tail) {
            (b'%', [high, low, ..]) => {
                std::str::from_utf8(&[*high, *low]).ok().and_then(|hex| u8::from_str_radix(hex, 16).ok())
            }
            _ => None,
        };
        match escaped {
            Some(value) => {
                out.push(value);
                rest = tail.get(2..).unwrap_or_default();
            }
            None => {
                out.push(byte);
                rest = tail;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use leptos_router::PossibleRouteMatch;

    /// Segments a route may have to carry: path and query separators, escapes, dots (file
    /// extensions to a static host), spaces, accents, plus, and an id like the teachers'.
    const HOSTILE: [&str; 12] = [
        "anne.martin@ac-lyon.fr",
        "a/b",
        "a?b=c&d",
        "a#b",
        "100%",
        "%41%zz",
        "a%2Eb",
        "index.html",
        "deux mots",
        "élodie.ç@ac-lyon.fr",
        "x+y@ac-lyon.fr",
        "..",
    ];

    /// One decoding of `%XX` escapes, as the static host and the router each apply.
    fn decode_once(text: &str) -> String {
        unescape_segment(text)
    }

    /// The path a static host looks for: it must name no file (no extension) and no folder.
    fn host_sees_a_plain_name(path: &str) {
        let decoded = decode_once(path);
        let last = decoded.rsplit('/').next().unwrap_or_default();
        assert!(!last.contains('.'), "{path} looks like a file to the host: {decoded}");
    }

    #[test]
    fn the_teacher_address_is_the_one_the_deployed_app_has_always_had() {
        assert_eq!(teacher("anne.martin@ac-lyon.fr"), "/gestion/enseignants/anne%252Emartin@ac-lyon%252Efr");
        assert_eq!(desk("r-ecran"), "/gestion/reservations/r-ecran");
        assert_eq!(unit("SEM-ROB-0001"), "/exemplaire/SEM-ROB-0001");
        assert_eq!(model("thymio"), "/modele/thymio");
        assert_eq!(labels(Some("ecran-interactif")), "/gestion/etiquettes?modele=ecran-interactif");
        assert_eq!(catalogue_admin(None), "/gestion/catalogue");
        assert_eq!(agreement("r-1"), "/mes-reservations/r-1/convention");
        assert_eq!(desk_agreement("r-1"), "/gestion/reservations/r-1/convention");
        assert_eq!(sync_settings(), "/parametres#synchronisation");
    }

    #[test]
    fn hostile_segments_round_trip_through_the_host_and_the_router() {
        for id in HOSTILE {
            let escaped = escape_segment(id);
            assert!(!escaped.contains(['/', '?', '#', ' ', '.', '+', '&', '=']), "{escaped}");
            assert!(!decode_once(&escaped).contains(['.', '/']), "the host sees neither file nor folder: {escaped}");
            assert_eq!(unescape_segment(&decode_once(&escaped)), id, "{escaped}");
        }
    }

    #[test]
    fn a_segment_decoded_entirely_reads_back_unchanged_when_it_holds_no_escape() {
        for id in HOSTILE.into_iter().filter(|id| !id.contains('%')) {
            assert_eq!(unescape_segment(id), id);
        }
    }

    #[test]
    fn every_workspace_page_reads_back_from_its_address() {
        for id in HOSTILE {
            let pages = [
                WorkspacePage::Queue,
                WorkspacePage::Desk(id.to_owned()),
                WorkspacePage::DeskAgreement(id.to_owned()),
                WorkspacePage::Planning,
                WorkspacePage::Catalogue,
                WorkspacePage::Labels,
                WorkspacePage::Trainings,
                WorkspacePage::Teacher(id.to_owned()),
                WorkspacePage::Incidents,
                WorkspacePage::Reports,
            ];
            for page in pages {
                let path = page.path();
                host_sees_a_plain_name(&path);
                // The router matches the raw path, then decodes the rest once.
                let route = if page == WorkspacePage::Queue { None } else { WORKSPACE_PAGE_PATTERN.test(&path) };
                let rest = route.map(|m| {
                    assert_eq!(m.remaining(), "", "{path}");
                    m.params().into_iter().find(|(name, _)| name == REST).map(|(_, v)| v).unwrap_or_default()
                });
                let rest = decode_once(&rest.unwrap_or_default());
                assert_eq!(WorkspacePage::parse(&rest), Some(page.clone()), "{path}");
            }
        }
        assert_eq!(WorkspacePage::parse("inconnu"), None);
        assert_eq!(WorkspacePage::parse("reservations"), None);
        assert_eq!(WorkspacePage::parse("planning/"), Some(WorkspacePage::Planning));
    }

    #[test]
    fn every_id_page_matches_its_pattern_and_gives_the_id_back() {
        for id in HOSTILE {
            let cases: [(String, &dyn Fn(&str) -> Option<Vec<(std::borrow::Cow<'static, str>, String)>>); 3] = [
                (model(id), &|p| MODEL_PATTERN.test(p).filter(|m| m.remaining().is_empty()).map(|m| m.params())),
                (unit(id), &|p| UNIT_PATTERN.test(p).filter(|m| m.remaining().is_empty()).map(|m| m.params())),
                (agreement(id), &|p| {
                    AGREEMENT_PATTERN.test(p).filter(|m| m.remaining().is_empty()).map(|m| m.params())
                }),
            ];
            for (path, route) in cases {
                host_sees_a_plain_name(&path);
                let params = route(&path).unwrap_or_default();
                let raw = params.into_iter().find(|(name, _)| name == ID).map(|(_, v)| v);
                assert_eq!(raw.map(|raw| unescape_segment(&decode_once(&raw))).as_deref(), Some(id), "{path}");
            }
        }
    }

    #[test]
    fn fixed_pages_match_their_patterns() {
        let cases: [(&str, FixedPattern); 6] = [
            (BOOKING, BOOKING_PATTERN),
            (MY_BOOKINGS, MY_BOOKINGS_PATTERN),
            (PROFILE, PROFILE_PATTERN),
            (SETTINGS, SETTINGS_PATTERN),
            (ABOUT, ABOUT_PATTERN),
            (WORKSPACE_HOME, WORKSPACE_PATTERN),
        ];
        for (path, pattern) in cases {
            assert!(pattern.test(path).is_some_and(|m| m.remaining().is_empty()), "{path}");
        }
        assert!(CATALOGUE_PATTERN.test(CATALOGUE).is_some());
    }

    #[test]
    fn a_query_value_survives_the_two_decodings_of_a_query() {
        // URLSearchParams decodes once (and reads `+` as a space), the router's map once more:
        // the value is then decoded entirely, exact for any value holding no `%`.
        for id in HOSTILE.into_iter().filter(|id| !id.contains('%')) {
            let path = labels(Some(id));
            let value = path.split_once("?modele=").map(|(_, v)| v).unwrap_or_default();
            assert!(!value.contains(['&', '#', '+', '=']), "{value}");
            assert_eq!(unescape_segment(&decode_once(&decode_once(value))), id);
        }
    }

    #[test]
    fn a_unit_url_joins_origin_base_and_escaped_label() {
        assert_eq!(
            unit_url("http://127.0.0.1:8080", "", "SEM-ROB-0042"),
            "http://127.0.0.1:8080/exemplaire/SEM-ROB-0042"
        );
        assert_eq!(unit_url("https://host/", "/pret", "SEM-ROB-0042"), "https://host/pret/exemplaire/SEM-ROB-0042");
        assert_eq!(
            unit_url("https://host", "/pret", "A B/é#1"),
            "https://host/pret/exemplaire/A%2520B%252F%25C3%25A9%25231"
        );
    }
}
