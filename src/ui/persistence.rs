//! The one place where UI state is written to local storage: effects that watch the state
//! handles and save through [`LocalStore`], reporting failures to [`SaveStatus`].

use crate::platform::document;
use crate::storage::local::{LocalStore, WriteError};
use crate::ui::state::{I18n, PlanHandle, PoolHandle, ProfileHandle, SaveStatus};
use leptos::prelude::*;

fn report(status: SaveStatus, result: Result<(), WriteError>) {
    status.error.set(result.err());
}

/// Starts saving state changes. Call once, inside the app's reactive owner.
pub fn install(i18n: I18n, pool: PoolHandle, profile: ProfileHandle, plan: PlanHandle, status: SaveStatus) {
    Effect::new(move |previous: Option<()>| {
        let lang = i18n.lang();
        document::set_lang(lang.code());
        // The initial value came from storage (or is the default): only save real changes.
        if previous.is_some() {
            report(status, LocalStore::save_language(lang));
        }
    });
    Effect::new(move |previous: Option<()>| {
        let Some(teacher) = profile.teacher.get() else { return };
        if previous.is_some() {
            report(status, LocalStore::save_profile(&teacher));
        }
        // The rules need the teacher in the pool (a new profile, or a changed school).
        if pool.pool.with_untracked(|p| p.teacher(&teacher.id) != Some(&teacher)) {
            pool.pool.update(|p| p.upsert_teacher(teacher));
        }
    });
    Effect::new(move |previous: Option<()>| {
        pool.pool.with(|p| {
            if previous.is_some() && !pool.stored_unreadable {
                report(status, LocalStore::save_pool(p.state()));
            }
        });
    });
    Effect::new(move |previous: Option<()>| {
        let saved = plan.to_saved();
        if previous.is_some() {
            report(status, LocalStore::save_plan(&saved));
        }
    });
}
