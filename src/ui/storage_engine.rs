//! The storage engine: reading the stored document, saving, taking in another tab's save,
//! exporting a backup. With the `split` feature (release builds) it is a WebAssembly chunk of
//! its own, fetched when first needed: a first visit shows the catalogue without it and
//! fetches it with the first change; a returning visit fetches it (from the service worker's
//! cache) to read what was saved. Every entry point is `async` for that reason; once the chunk
//! is loaded they complete at once (see [`run_now`]).

use crate::domain::iso::format_date;
use crate::domain::{Pool, PoolState};
use crate::platform::{clock, document, files, tabs};
use crate::storage::exchange::backup::backup_file;
use crate::storage::persist::local::{BrowserKv, LocalStore};
use crate::storage::persist::model::{StateRef, StorageError, TabId};
use crate::storage::persist::store::{SaveError, Source, Store};
use crate::storage::persist::tabs::{TabSync, Working};
use crate::ui::saver::{fallback, problem_of_write, Shared};
use crate::ui::state::{Handles, SaveProblem, StorageMode};
use leptos::prelude::*;
use std::future::Future;
use std::task::{Context, Poll, Waker};

/// Runs an engine call now if its chunk is loaded (the future is then ready at the first
/// poll), else as soon as it is.
pub fn run_now(call: impl Future<Output = ()> + 'static) {
    let mut call = Box::pin(call);
    if let Poll::Pending = call.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        leptos::task::spawn_local(call);
    }
}

split_fn! {
    storage_engine;
    /// Loads the engine (nothing else): awaited before a save that must run inside a lock.
    fn load() {}
}

split_fn! {
    storage_engine;
    /// Reads the stored document into the handles, then marks them loaded.
    fn open(shared: Shared, handles: Handles) {
        let storage = handles.storage;
        let tab = shared.borrow().tab;
        match TabSync::open(BrowserKv, tab, fallback) {
            Ok(opened) => {
                storage.saved_at.set(opened.saved_at);
                if let Source::Recovered { lost } = opened.source {
                    storage.recovered.set(Some(lost));
                }
                handles.pool.pool.set(opened.working.pool);
                handles.profile.teacher.set(opened.working.profile);
                handles.plan.show(opened.working.plan);
                shared.borrow_mut().sync = Some(opened.sync);
            }
            Err(error) => {
                storage.mode.set(match error {
                    StorageError::Newer { found, .. } => StorageMode::ReadOnly(found),
                    StorageError::Corrupt(copy) => StorageMode::Recovery(copy),
                });
                handles.pool.pool.set(Pool::new(fallback()));
            }
        }
        storage.loaded.set(true);
    }
}

split_fn! {
    storage_engine;
    /// Saves what changed (see the persistence module).
    fn save(shared: Shared, handles: Handles) {
        shared.borrow_mut().waiting = false;
        save_now(&shared, handles);
        if !shared.borrow().is_due() {
            crate::platform::document::mark_saving(false);
        }
    }
}

split_fn! {
    storage_engine;
    /// Takes in what another tab saved; `true` when a save of this tab had been written over
    /// and its changes, made again, wait to be saved.
    fn refresh(shared: Shared, handles: Handles) -> bool {
        if handles.pool.pool.is_disposed() {
            return false;
        }
        let mut saver = shared.borrow_mut();
        let Some(sync) = saver.sync.as_mut() else { return false };
        for change in handles.pool.take_pending() {
            sync.record(change);
        }
        let mut working = take_working(handles);
        let result = sync.refresh(&mut working, fallback);
        drop(saver);
        let mut redone = false;
        match result {
            Ok(Some(refreshed)) => {
                put_back(handles, working, true, refreshed.pool_changed);
                if !refreshed.dropped.is_empty() {
                    handles.storage.dropped.update(|d| d.extend(refreshed.dropped));
                }
                redone = refreshed.redone;
            }
            Ok(None) => put_back(handles, working, false, false),
            Err(StorageError::Newer { found, .. }) => {
                put_back(handles, working, false, false);
                handles.storage.mode.set(StorageMode::ReadOnly(found));
            }
            // Another tab's write is not readable (yet): keep what is shown, save later.
            Err(StorageError::Corrupt(_)) => put_back(handles, working, false, false),
        }
        handles.storage.used_units.set(LocalStore::used_units());
        redone
    }
}

/// Moves the working state out of the handles (no copy of the pool), without notifying.
fn take_working(handles: Handles) -> Working {
    let empty = || Pool::new(PoolState::default());
    let pool = handles.pool.pool.try_update_untracked(|p| std::mem::replace(p, empty())).unwrap_or_else(empty);
    Working { pool, profile: handles.profile.teacher.get_untracked(), plan: handles.plan.to_saved_untracked() }
}

/// Puts the working state back; `merged` when it took in another tab's changes (then shown),
/// `pool_changed` when those touched the pool (else the pages that show it are left alone).
fn put_back(handles: Handles, working: Working, merged: bool, pool_changed: bool) {
    if merged {
        if pool_changed {
            handles.pool.pool.set(working.pool);
        } else {
            handles.pool.pool.update_untracked(|p| *p = working.pool);
        }
        if handles.profile.teacher.with_untracked(|t| *t != working.profile) {
            handles.profile.teacher.set(working.profile);
        }
        handles.plan.show(working.plan);
    } else {
        handles.pool.pool.update_untracked(|p| *p = working.pool);
    }
}

fn save_now(shared: &Shared, handles: Handles) {
    // A timer may outlive the app it was set for (tests mount and unmount it).
    if handles.pool.pool.is_disposed() {
        return;
    }
    let storage = handles.storage;
    let mut saver = shared.borrow_mut();
    let Some(sync) = saver.sync.as_mut() else { return };
    for change in handles.pool.take_pending() {
        sync.record(change);
    }
    let mut working = take_working(handles);
    if !sync.is_dirty(&working) {
        put_back(handles, working, false, false);
        return;
    }
    let now = clock::now();
    let result = sync.save(&mut working, now, fallback);
    let ask_persistence = result.is_ok() && !saver.persistence_asked;
    saver.persistence_asked |= result.is_ok();
    drop(saver);
    match result {
        Ok(report) => {
            put_back(handles, working, report.merged, report.pool_changed);
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
            put_back(handles, working, false, false);
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

split_fn! {
    storage_engine;
    /// Offers the whole local state as a backup file and remembers when; `false` if the
    /// browser refused the download.
    fn export(handles: Handles) -> bool {
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
}

split_fn! {
    storage_engine;
    /// Removes the unreadable copy found beside the good one, once offered, and saves.
    fn discard_recovered(shared: Shared, handles: Handles) {
        if let Some(sync) = shared.borrow_mut().sync.as_mut() {
            sync.discard_unreadable();
        }
        handles.storage.recovered.set(None);
        handles.storage.problem.set(None);
        save_now(&shared, handles);
    }
}

split_fn! {
    storage_engine;
    /// Removes the unreadable stored content (after the user downloaded it) and reloads.
    fn discard_unreadable() {
        let mut store = Store::new(BrowserKv, TabId(crate::platform::files::random_u64()));
        // Loading marks what is unreadable; only that is removed.
        let _ = store.load();
        store.discard_unreadable();
        document::reload();
    }
}
