//! The one place where the app's state is written to local storage. It opens the stored
//! document ([`TabSync`]), hands its content to the state handles, and saves what changes:
//!
//! - debounced ([`SAVE_DELAY_MS`] after the last change), never per keystroke;
//! - inside a Web Lock, with the revision compare-and-set of the save protocol; a tab whose
//!   data another tab saved meanwhile merges first (its pending changes played again);
//! - never from a hidden tab, except the last changes made before the tab was hidden (so
//!   closing a tab right after a change does not lose it);
//! - `storage` events from other tabs bring their changes in at once.
//!
//! Failures go to [`StorageStatus`]; what was saved before stays intact in every case.

use crate::demo::demo_data;
use crate::domain::iso::format_date;
use crate::domain::{Pool, PoolState};
use crate::i18n::Lang;
use crate::platform::{clock, document, files, network, tabs};
use crate::storage::exchange::files::exported_at_of;
use crate::storage::persist::kv::WriteError;
use crate::storage::persist::local::{BrowserKv, LocalStore};
use crate::storage::persist::model::{StoredState, TabId};
use crate::storage::persist::store::SLOT_KEYS;
use crate::storage::persist::tabs::TabSync;
use crate::ui::saver::{fallback, problem_of_write, Saver, Shared};
use crate::ui::state::StorageStatus;
use crate::ui::state::{Handles, I18n, PlanHandle, PoolHandle, ProfileHandle, RoleHandle, StorageMode};
use crate::ui::storage_engine as engine;
use leptos::leptos_dom::helpers::{set_timeout, set_timeout_with_handle};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

/// How long after the last change the state is saved.
pub const SAVE_DELAY_MS: u64 = 400;

/// The Web Lock every tab takes to save.
const LOCK_NAME: &str = "materiotheque-save";

thread_local! {
    /// The saver of this page, for the actions the storage notices offer.
    static SAVER: RefCell<Option<Shared>> = const { RefCell::new(None) };
}

/// The language the user chose in this browser, if any (an unknown stored code counts as none).
pub fn stored_language() -> Option<Lang> {
    LocalStore::language_code().and_then(|code| Lang::from_code(&code))
}

/// Remembers the chosen language.
pub fn save_language(lang: Lang) -> Result<(), WriteError> {
    LocalStore::save_language_code(lang.code())
}

/// Opens the stored state and starts saving its changes. Call once, inside the app's reactive
/// owner; provide the returned handles as context. With something stored, the handles are
/// filled (and `storage.loaded` set) once the storage engine has read it; a first visit starts
/// at once from the embedded demo pool.
pub fn start(i18n: I18n) -> Handles {
    let storage = StorageStatus::new();
    let stored = LocalStore::holds_document();
    let (pool, demo_error) = if stored {
        (PoolState::default(), None)
    } else {
        match demo_data() {
            Ok(data) => (data.into_pool_state(), None),
            Err(e) => (PoolState::default(), Some(e)),
        }
    };
    // Counted after the first screen: it reads every stored text (millions of units at the
    // scale of a metropolitan pool) for a gauge the settings page shows.
    set_timeout(move || storage.used_units.set(LocalStore::used_units()), Duration::ZERO);
    storage.exported_at.set(LocalStore::exported_at());
    storage.first_saved_at.set(LocalStore::first_saved_at());
    let handles = Handles {
        pool: PoolHandle::new(Pool::new(pool), demo_error),
        profile: ProfileHandle::new(None),
        plan: PlanHandle::new(),
        storage,
        role: RoleHandle { coordinator: RwSignal::new(LocalStore::coordinator()) },
    };
    // Nothing stored: saving starts from an empty store (revision 0) once there is a change.
    let tab = TabId(files::random_u64());
    let sync = (!stored).then(|| TabSync::empty(BrowserKv, tab));
    let shared: Shared =
        Rc::new(RefCell::new(Saver { tab, sync, timer: None, waiting: false, persistence_asked: false }));
    SAVER.with(|saver| *saver.borrow_mut() = Some(shared.clone()));
    if stored {
        let opening = shared.clone();
        leptos::task::spawn_local(async move { engine::open(opening, handles).await });
    } else {
        storage.loaded.set(true);
        // Not needed for the first screen, but before any change is saved (a tab closed right
        // after a change saves it synchronously, which needs the engine loaded): fetched once
        // the first screen is drawn.
        set_timeout(|| leptos::task::spawn_local(engine::load()), Duration::ZERO);
    }

    Effect::new(move |previous: Option<()>| {
        let lang = i18n.lang();
        document::set_lang(lang.code());
        // The initial value came from storage (or is the default): only save real changes.
        if previous.is_some() {
            if let Err(e) = save_language(lang) {
                storage.problem.set(Some(problem_of_write(e)));
            }
        }
    });
    Effect::new(move |previous: Option<()>| {
        let coordinator = handles.role.coordinator.get();
        if previous.is_some() {
            if let Err(e) = LocalStore::save_coordinator(coordinator) {
                storage.problem.set(Some(problem_of_write(e)));
            }
        }
    });
    // The rules need the teacher in the pool (a new profile, or a changed school), and ids a
    // minter (a first start, a document of an earlier version, a pool replaced by a file).
    Effect::new(move |_| {
        if !storage.loaded.get() {
            return;
        }
        handles.pool.pool.track();
        handles.pool.ensure_minter(crate::platform::files::random_u64);
        if let Some(teacher) = handles.profile.teacher.get() {
            if handles.pool.pool.with_untracked(|p| p.teacher(&teacher.id) != Some(&teacher)) {
                handles.pool.upsert_teacher(teacher);
            }
        }
    });
    if !handles.role.coordinator.get_untracked() && network::online() {
        // Asked through the service worker, which answers "nothing published" (204) for a
        // file the host does not have: an absent optional file is no error in the console.
        crate::platform::service_worker::when_controlled(move || {
            leptos::task::spawn_local(offer_published_catalogue(storage));
        });
    }
    let on_change = shared.clone();
    Effect::new(move |previous: Option<bool>| {
        handles.pool.pool.track();
        handles.profile.teacher.track();
        handles.plan.start.track();
        handles.plan.end.track();
        handles.plan.basket.track();
        // What loading the stored state changes is not a change to save.
        let loaded = storage.loaded.get();
        if previous == Some(true) && loaded {
            schedule(&on_change, handles);
        }
        loaded
    });
    let from_other_tab = shared.clone();
    tabs::on_storage_change(move |key| {
        if key.as_deref().is_none_or(|k| SLOT_KEYS.contains(&k)) {
            let shared = from_other_tab.clone();
            engine::run_now(async move {
                if engine::refresh(shared.clone(), handles).await {
                    // A save of this tab was written over: its changes, made again, are due.
                    schedule(&shared, handles);
                }
            });
        }
    });
    let on_visibility = shared;
    tabs::on_visibility_change(move |hidden| {
        let due = {
            let mut saver = on_visibility.borrow_mut();
            let due = saver.is_due();
            if let Some(timer) = saver.timer.take() {
                timer.clear();
            }
            saver.waiting = false;
            due
        };
        if due {
            // Hidden: the changes made while visible are written now, unlocked (the page may
            // be going away; the compare-and-set still refuses a stale write).
            if hidden {
                engine::run_now(engine::save(on_visibility.clone(), handles));
            } else {
                flush(&on_visibility, handles);
            }
        }
    });
    handles
}

/// Looks for `catalogue.json` beside the app and offers it when it is newer than the catalogue
/// this browser has (the last one imported, else the embedded demo).
async fn offer_published_catalogue(storage: StorageStatus) {
    let Some(text) = network::fetch_text("catalogue.json").await else { return };
    let Some(published) = exported_at_of(&text) else { return };
    let known = LocalStore::catalogue_seen().or_else(|| exported_at_of(crate::demo::DEMO_CATALOGUE_FILE));
    if known.is_none_or(|known| published > known) {
        storage.offered_catalogue.set(Some((text, published)));
    }
}

fn schedule(shared: &Shared, handles: Handles) {
    if handles.storage.mode.get_untracked() != StorageMode::Normal {
        return;
    }
    // Fetch the engine while the delay runs, so that the save (or a tab closed meanwhile)
    // finds it loaded.
    leptos::task::spawn_local(engine::load());
    crate::platform::document::mark_saving(true);
    let later = shared.clone();
    let timer = set_timeout_with_handle(move || flush(&later, handles), Duration::from_millis(SAVE_DELAY_MS)).ok();
    if let Some(old) = std::mem::replace(&mut shared.borrow_mut().timer, timer) {
        old.clear();
    }
}

fn flush(shared: &Shared, handles: Handles) {
    {
        let mut saver = shared.borrow_mut();
        saver.timer = None;
        // Still due until the save runs: a tab closed while it waits for the lock saves at once.
        saver.waiting = true;
        if tabs::is_hidden() {
            return;
        }
    }
    let locked = shared.clone();
    leptos::task::spawn_local(async move {
        engine::load().await;
        tabs::with_lock(LOCK_NAME, move || engine::run_now(engine::save(locked, handles)));
    });
}

/// A copy of what this tab shows, as it would be stored (for an import's preview and undo).
pub fn current_state(handles: Handles) -> StoredState {
    StoredState {
        profile: handles.profile.teacher.get_untracked(),
        plan: Some(handles.plan.to_saved_untracked()),
        pool: Some(handles.pool.pool.with_untracked(|p| p.state().clone())),
    }
}

/// Shows `state` instead of the current one (an import, or its undo); saved like any change.
pub fn replace_state(handles: Handles, state: StoredState) {
    let pool = state.pool.unwrap_or_else(fallback);
    handles.pool.replace(pool);
    if handles.profile.teacher.with_untracked(|t| *t != state.profile) {
        handles.profile.teacher.set(state.profile);
    }
    handles.plan.show(state.plan.unwrap_or_default());
}

/// Offers the whole local state as a backup file and remembers when; `false` if the browser
/// refused the download.
pub async fn export_backup(handles: Handles) -> bool {
    engine::export(handles).await
}

/// Once the user was offered the unreadable copy found beside the good one, removes it, so
/// that saving goes on, and saves.
pub fn discard_recovered(handles: Handles) {
    let Some(shared) = SAVER.with(|saver| saver.borrow().clone()) else { return };
    engine::run_now(engine::discard_recovered(shared, handles));
}

/// Removes the unreadable stored content (after the user downloaded it) and starts again.
pub fn discard_unreadable_and_reload() {
    engine::run_now(engine::discard_unreadable());
}

/// Offers the unreadable stored text for download, as it is.
pub fn download_unreadable(raw: &str) -> bool {
    let name = format!("materiotheque-donnees-illisibles-{}.txt", format_date(clock::today()));
    files::download(&name, "text/plain", raw).is_ok()
}
