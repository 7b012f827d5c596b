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
use crate::domain::{Pool, PoolChange, PoolState};
use crate::platform::{clock, document, files, tabs};
use crate::storage::document::{StateRef, StorageError, StoredState};
use crate::storage::files::backup_file;
use crate::storage::kv::WriteError;
use crate::storage::local::{BrowserKv, LocalStore};
use crate::storage::store::{SaveError, Source, Store, SLOT_KEYS};
use crate::storage::sync::{TabSync, Working};
use crate::ui::state::{I18n, PlanHandle, PoolHandle, ProfileHandle, SaveProblem, StorageMode, StorageStatus};
use leptos::leptos_dom::helpers::{set_timeout_with_handle, TimeoutHandle};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

/// How long after the last change the state is saved.
pub const SAVE_DELAY_MS: u64 = 400;

/// The Web Lock every tab takes to save.
const LOCK_NAME: &str = "materiotheque-save";

/// The state handles, filled from storage.
#[derive(Clone, Copy)]
pub struct Handles {
    /// The pool.
    pub pool: PoolHandle,
    /// The teacher's profile.
    pub profile: ProfileHandle,
    /// The booking being prepared.
    pub plan: PlanHandle,
    /// What the user should know about storage.
    pub storage: StorageStatus,
}

struct Saver {
    sync: Option<TabSync<BrowserKv>>,
    timer: Option<TimeoutHandle>,
    /// A save is due and waits for the tab to be shown.
    waiting: bool,
    persistence_asked: bool,
}

type Shared = Rc<RefCell<Saver>>;

thread_local! {
    /// The saver of this page, for the actions the storage notices offer.
    static SAVER: RefCell<Option<Shared>> = const { RefCell::new(None) };
}

/// The pool when none is stored: the embedded demo pool.
fn fallback() -> PoolState {
    demo_data().map(|data| data.into_pool_state()).unwrap_or_default()
}

/// Opens the stored state and starts saving its changes. Call once, inside the app's reactive
/// owner; provide the returned handles as context.
pub fn start(i18n: I18n) -> Handles {
    let storage = StorageStatus::new();
    let demo_error = demo_data().err();
    let opened = TabSync::open(BrowserKv, fallback);
    let (working, sync) = match opened {
        Ok(opened) => {
            storage.saved_at.set(opened.saved_at);
            if let Source::Recovered { lost } = opened.source {
                storage.recovered.set(Some(lost));
            }
            (opened.working, Some(opened.sync))
        }
        Err(error) => {
            storage.mode.set(match error {
                StorageError::Newer { found, .. } => StorageMode::ReadOnly(found),
                StorageError::Corrupt(copy) => StorageMode::Recovery(copy),
            });
            (Working { pool: Pool::new(fallback()), profile: None, plan: Default::default() }, None)
        }
    };
    storage.used_units.set(LocalStore::used_units());
    storage.exported_at.set(LocalStore::exported_at());
    storage.first_saved_at.set(LocalStore::first_saved_at());
    let handles = Handles {
        pool: PoolHandle::new(working.pool, demo_error),
        profile: ProfileHandle::new(working.profile),
        plan: PlanHandle::from_saved(working.plan),
        storage,
    };
    let shared: Shared = Rc::new(RefCell::new(Saver { sync, timer: None, waiting: false, persistence_asked: false }));
    SAVER.with(|saver| *saver.borrow_mut() = Some(shared.clone()));

    Effect::new(move |previous: Option<()>| {
        let lang = i18n.lang();
        document::set_lang(lang.code());
        // The initial value came from storage (or is the default): only save real changes.
        if previous.is_some() {
            if let Err(e) = LocalStore::save_language(lang) {
                storage.problem.set(Some(problem_of_write(e)));
            }
        }
    });
    // The rules need the teacher in the pool (a new profile, or a changed school).
    Effect::new(move |_| {
        if let Some(teacher) = handles.profile.teacher.get() {
            if handles.pool.pool.with_untracked(|p| p.teacher(&teacher.id) != Some(&teacher)) {
                let _ = handles.pool.apply(PoolChange::UpsertTeacher(teacher));
            }
        }
    });
    let on_change = shared.clone();
    Effect::new(move |previous: Option<()>| {
        handles.pool.pool.track();
        handles.profile.teacher.track();
        handles.plan.start.track();
        handles.plan.end.track();
        handles.plan.basket.track();
        if previous.is_some() {
            schedule(&on_change, handles);
        }
    });
    let from_other_tab = shared.clone();
    tabs::on_storage_change(move |key| {
        if key.as_deref().is_none_or(|k| SLOT_KEYS.contains(&k)) {
            refresh(&from_other_tab, handles);
        }
    });
    let on_visibility = shared;
    tabs::on_visibility_change(move |hidden| {
        let due = {
            let mut saver = on_visibility.borrow_mut();
            let due = saver.waiting || saver.timer.is_some();
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
                save_now(&on_visibility, handles);
            } else {
                flush(&on_visibility, handles);
            }
        }
    });
    handles
}

fn problem_of_write(error: WriteError) -> SaveProblem {
    match error {
        WriteError::Quota(_) => SaveProblem::Full,
        WriteError::Unavailable => SaveProblem::Unavailable,
        WriteError::Refused(detail) => SaveProblem::Failed(detail),
    }
}

fn schedule(shared: &Shared, handles: Handles) {
    if handles.storage.mode.get_untracked() != StorageMode::Normal {
        return;
    }
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
        if tabs::is_hidden() {
            saver.waiting = true;
            return;
        }
    }
    let locked = shared.clone();
    tabs::with_lock(LOCK_NAME, move || save_now(&locked, handles));
}

/// Moves the working state out of the handles (no copy of the pool), without notifying.
fn take_working(handles: Handles) -> Working {
    let empty = || Pool::new(PoolState::default());
    let pool = handles.pool.pool.try_update_untracked(|p| std::mem::replace(p, empty())).unwrap_or_else(empty);
    Working { pool, profile: handles.profile.teacher.get_untracked(), plan: handles.plan.to_saved_untracked() }
}

/// Puts the working state back; `merged` when it took in another tab's changes (then shown).
fn put_back(handles: Handles, working: Working, merged: bool) {
    if merged {
        handles.pool.pool.set(working.pool);
        if handles.profile.teacher.with_untracked(|t| *t != working.profile) {
            handles.profile.teacher.set(working.profile);
        }
        handles.plan.show(working.plan);
    } else {
        handles.pool.pool.update_untracked(|p| *p = working.pool);
    }
}

fn save_now(shared: &Shared, handles: Handles) {
    let storage = handles.storage;
    let mut saver = shared.borrow_mut();
    let Some(sync) = saver.sync.as_mut() else { return };
    for change in handles.pool.take_pending() {
        sync.record(change);
    }
    let mut working = take_working(handles);
    if !sync.is_dirty(&working) {
        put_back(handles, working, false);
        return;
    }
    let now = clock::now();
    let result = sync.save(&mut working, now, fallback);
    let ask_persistence = result.is_ok() && !saver.persistence_asked;
    saver.persistence_asked |= result.is_ok();
    drop(saver);
    match result {
        Ok(report) => {
            put_back(handles, working, report.merged);
            storage.problem.set(None);
            storage.saved_at.set(Some(now));
            if storage.first_saved_at.get_untracked().is_none() {
                // Backups are reminded of from the first save on.
                let _ = LocalStore::save_first_saved_at(now);
                storage.first_saved_at.set(Some(now));
            }
            if !report.dropped.is_empty() {
                storage.dropped.update(|d| d.extend(report.dropped));
            }
            if ask_persistence {
                tabs::request_persistence();
            }
        }
        Err(error) => {
            put_back(handles, working, false);
            storage.problem.set(Some(match error {
                SaveError::Quota { .. } => SaveProblem::Full,
                SaveError::Write(e) => problem_of_write(e),
                SaveError::Newer { found, .. } => {
                    storage.mode.set(StorageMode::ReadOnly(found));
                    return;
                }
                // Already explained by the notice that offers the unreadable copy.
                SaveError::Unreadable { .. } if storage.recovered.with_untracked(Option::is_some) => return,
                other => SaveProblem::Failed(other.to_string()),
            }));
        }
    }
    storage.used_units.set(LocalStore::used_units());
}

/// Takes in what another tab saved.
fn refresh(shared: &Shared, handles: Handles) {
    let mut saver = shared.borrow_mut();
    let Some(sync) = saver.sync.as_mut() else { return };
    for change in handles.pool.take_pending() {
        sync.record(change);
    }
    let mut working = take_working(handles);
    let result = sync.refresh(&mut working, fallback);
    drop(saver);
    match result {
        Ok(Some(dropped)) => {
            put_back(handles, working, true);
            if !dropped.is_empty() {
                handles.storage.dropped.update(|d| d.extend(dropped));
            }
        }
        Ok(None) => put_back(handles, working, false),
        Err(StorageError::Newer { found, .. }) => {
            put_back(handles, working, false);
            handles.storage.mode.set(StorageMode::ReadOnly(found));
        }
        // Another tab's write is not readable (yet): keep what is shown, save later.
        Err(StorageError::Corrupt(_)) => put_back(handles, working, false),
    }
    handles.storage.used_units.set(LocalStore::used_units());
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
    let _ = handles.pool.apply(PoolChange::Replace(Box::new(pool)));
    if handles.profile.teacher.with_untracked(|t| *t != state.profile) {
        handles.profile.teacher.set(state.profile);
    }
    handles.plan.show(state.plan.unwrap_or_default());
}

/// Offers the whole local state as a backup file and remembers when; `false` if the browser
/// refused the download.
pub fn export_backup(handles: Handles) -> bool {
    let now = clock::now();
    let text = handles.pool.pool.with_untracked(|pool| {
        let profile = handles.profile.teacher.get_untracked();
        let plan = handles.plan.to_saved_untracked();
        backup_file(StateRef { profile: profile.as_ref(), plan: Some(&plan), pool: Some(pool.state()) }, now)
    });
    let name = format!("materiotheque-sauvegarde-{}.json", format_date(now.date()));
    if files::download(&name, "application/json", &text).is_err() {
        return false;
    }
    let _ = LocalStore::save_exported_at(now);
    handles.storage.exported_at.set(Some(now));
    true
}

/// Offers the unreadable stored text for download, as it is.
pub fn download_unreadable(raw: &str) -> bool {
    let name = format!("materiotheque-donnees-illisibles-{}.txt", format_date(clock::today()));
    files::download(&name, "text/plain", raw).is_ok()
}

/// Once the user was offered the unreadable copy found beside the good one, removes it, so
/// that saving goes on, and saves.
pub fn discard_recovered(handles: Handles) {
    let Some(shared) = SAVER.with(|saver| saver.borrow().clone()) else { return };
    if let Some(sync) = shared.borrow_mut().sync.as_mut() {
        sync.discard_unreadable();
    }
    handles.storage.recovered.set(None);
    handles.storage.problem.set(None);
    save_now(&shared, handles);
}

/// Removes the unreadable stored content (after the user downloaded it) and starts again.
pub fn discard_unreadable_and_reload() {
    let mut store = Store::new(BrowserKv);
    // Loading marks what is unreadable; only that is removed.
    let _ = store.load();
    store.discard_unreadable();
    document::reload();
}
