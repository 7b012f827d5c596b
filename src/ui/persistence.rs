//! The one place where UI state is written to local storage: effects that watch the state
//! handles and save through [`LocalStore`].

use crate::platform::document;
use crate::storage::local::LocalStore;
use crate::ui::state::I18n;
use leptos::prelude::*;

/// Starts saving state changes. Call once, inside the app's reactive owner.
pub fn install(i18n: I18n) {
    Effect::new(move |previous: Option<()>| {
        let lang = i18n.lang();
        document::set_lang(lang.code());
        // The initial value came from storage (or is the default): only save real changes.
        if previous.is_some() {
            let _ = LocalStore::save_language(lang);
        }
    });
}
