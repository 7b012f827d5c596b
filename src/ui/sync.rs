//! The sync status every page shows in its header, and the handle the settings page signs in
//! with. The engine that talks to the server (`sync_engine`) is a chunk of its own, fetched only
//! in a browser where a sync server is set: without one, the app is exactly the file-based app.

use crate::domain::Dropped;
use crate::i18n::teacher;
use crate::i18n::Msg;
use crate::ui::explain::explain;
use crate::ui::routes;
use crate::ui::state::{use_i18n, use_links};
use chrono::{NaiveDateTime, Timelike};
use leptos::prelude::*;
use leptos_router::components::A;

/// Why syncing stopped, in terms the user can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncProblem {
    /// The server refused the account or password.
    SignInRefused,
    /// The server refuses this account what it tried (a teacher's account in coordinator mode).
    NotAllowed,
    /// The server failed with this status.
    Server(u16),
    /// The server's answer could not be read.
    Unreadable(String),
    /// A teacher without a profile has no requests to send.
    NoProfile,
    /// The signed-in account is not the profile's address.
    AccountMismatch {
        /// The account.
        account: String,
        /// The profile's teacher id.
        profile: String,
    },
    /// The address typed is not one.
    BadAddress,
    /// A field of the sign-in form is empty.
    MissingFields,
}

/// Where syncing stands, as the header says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncStatus {
    /// No sync server set: nothing is shown.
    Off,
    /// A server is set but nobody signed in during this visit (the password is never kept).
    SignedOut,
    /// Signing in.
    Connecting,
    /// The last sync went through at `at` (changes may be waiting since: [`SyncHandle::waiting`]).
    Synced {
        /// When.
        at: NaiveDateTime,
    },
    /// The server cannot be reached; what waits is kept.
    Offline,
    /// Syncing failed for this reason.
    Problem(SyncProblem),
}

/// The sync settings and status, provided by the app.
#[derive(Clone, Copy)]
pub struct SyncHandle {
    /// The server's address (as [`crate::storage::exchange::remote::normalise_server`] gives it), once set.
    pub server: RwSignal<Option<String>>,
    /// The account last signed in (not a credential: the password is never kept).
    pub account: RwSignal<Option<String>>,
    /// Where syncing stands.
    pub status: RwSignal<SyncStatus>,
    /// Changes not yet on the server (the coordinator's outbox, the teacher's unsent requests),
    /// as of the last sync.
    pub waiting: RwSignal<usize>,
    /// Whether an account is signed in during this visit.
    pub signed_in: RwSignal<bool>,
    /// Changes of this browser the shared pool refused under the rules (another coordinator
    /// was first), and requests refused on take-in, to explain.
    pub refused: RwSignal<Vec<Dropped>>,
}

impl SyncHandle {
    /// Reads the server and account kept from an earlier visit.
    pub fn new() -> Self {
        let server = crate::storage::persist::local::LocalStore::sync_server();
        let status = if server.is_some() { SyncStatus::SignedOut } else { SyncStatus::Off };
        Self {
            server: RwSignal::new(server),
            account: RwSignal::new(crate::storage::persist::local::LocalStore::sync_account()),
            status: RwSignal::new(status),
            signed_in: RwSignal::new(false),
            waiting: RwSignal::new(0),
            refused: RwSignal::new(Vec::new()),
        }
    }
}

impl Default for SyncHandle {
    fn default() -> Self {
        Self::new()
    }
}

/// The sync handle.
pub fn use_sync() -> SyncHandle {
    expect_context()
}

fn clock_time(at: NaiveDateTime) -> String {
    format!("{:02}:{:02}", at.hour(), at.minute())
}

/// The status in words, for the header and the settings page, with the changes waiting when
/// the server cannot take them.
pub fn status_text(status: &SyncStatus, waiting_now: usize, lang: crate::i18n::Lang) -> String {
    let waiting = |n: usize| (n > 0).then(|| teacher::sync_waiting(lang, n));
    match status {
        SyncStatus::Off => String::new(),
        SyncStatus::SignedOut => match waiting(waiting_now) {
            Some(w) => format!("{} · {w}", Msg::SyncSignedOut.get(lang)),
            None => Msg::SyncSignedOut.get(lang).to_owned(),
        },
        SyncStatus::Connecting => Msg::SyncConnecting.get(lang).to_owned(),
        SyncStatus::Synced { at } => {
            let synced = teacher::sync_synced(lang, &clock_time(*at));
            match waiting(waiting_now) {
                Some(w) => format!("{synced} · {w}"),
                None => synced,
            }
        }
        SyncStatus::Offline => match waiting(waiting_now) {
            Some(w) => format!("{} · {w}", Msg::SyncOffline.get(lang)),
            None => Msg::SyncOffline.get(lang).to_owned(),
        },
        SyncStatus::Problem(problem) => {
            let text = problem_text(problem, lang);
            match waiting(waiting_now) {
                Some(w) => format!("{text} · {w}"),
                None => text,
            }
        }
    }
}

fn problem_text(problem: &SyncProblem, lang: crate::i18n::Lang) -> String {
    match problem {
        SyncProblem::SignInRefused => Msg::SyncProblemSignIn.get(lang).to_owned(),
        SyncProblem::NotAllowed => Msg::SyncProblemNotAllowed.get(lang).to_owned(),
        SyncProblem::Server(status) => teacher::sync_problem_server(lang, &status.to_string()),
        SyncProblem::Unreadable(detail) => teacher::sync_problem_unreadable(lang, detail),
        SyncProblem::NoProfile => Msg::SyncProblemNoProfile.get(lang).to_owned(),
        SyncProblem::AccountMismatch { account, profile } => teacher::sync_problem_mismatch(lang, account, profile),
        SyncProblem::BadAddress => Msg::SyncProblemAddress.get(lang).to_owned(),
        SyncProblem::MissingFields => Msg::SyncProblemFields.get(lang).to_owned(),
    }
}

/// The sync status, in the header of every page once a server is set; links to the settings
/// when the user has something to do there.
#[component]
pub fn SyncBadge() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let links = use_links();
    move || {
        let status = sync.status.get();
        (status != SyncStatus::Off).then(|| {
            let act = matches!(status, SyncStatus::SignedOut | SyncStatus::Problem(_));
            let class = match status {
                SyncStatus::Synced { .. } if sync.waiting.get() == 0 => "sync-badge sync-badge--ok",
                SyncStatus::Problem(_) | SyncStatus::Offline => "sync-badge sync-badge--warn",
                _ => "sync-badge",
            };
            let text = status_text(&status, sync.waiting.get(), i18n.lang());
            view! {
                <p class=class role="status" aria-label=i18n.text(Msg::SyncStatusLabel) data-sync=sync_state_name(&status, sync.waiting.get())>
                    {text}
                    {act.then(|| view! { " " <A href=links.to(&routes::sync_settings())>{i18n.text(Msg::NavSettings)}</A> })}
                </p>
            }
        })
    }
}

/// A short name of the state, for tests waiting on it (`data-sync`).
fn sync_state_name(status: &SyncStatus, waiting: usize) -> &'static str {
    match status {
        SyncStatus::Off => "off",
        SyncStatus::SignedOut => "signed-out",
        SyncStatus::Connecting => "connecting",
        SyncStatus::Synced { .. } if waiting == 0 => "synced",
        SyncStatus::Synced { .. } => "waiting",
        SyncStatus::Offline => "offline",
        SyncStatus::Problem(_) => "problem",
    }
}

/// Changes the shared pool refused, and requests refused on take-in, each explained.
#[component]
pub fn SyncNotice() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let pool = crate::ui::state::use_pool();
    move || {
        let refused = sync.refused.get();
        (!refused.is_empty()).then(|| {
            let lang = i18n.lang();
            view! {
                <div class="alert alert--banner" role="alert">
                    {refused
                        .iter()
                        .map(|d| {
                            let why = pool.pool.with(|p| explain(lang, p, &d.error).join(" "));
                            let text = match &d.error {
                                // Not a change of this browser: the report of a take-in.
                                crate::domain::DomainError::ForeignRequest { .. } => why,
                                _ => teacher::sync_dropped(i18n.lang(), &why),
                            };
                            view! { <p>{text}</p> }
                        })
                        .collect_view()}
                    <button type="button" on:click=move |_| sync.refused.set(Vec::new())>
                        {i18n.text(Msg::DismissNotice)}
                    </button>
                </div>
            }
        })
    }
}
