use crate::i18n::Msg;
use crate::storage::local::LocalStore;
use crate::ui::labels::write_error;
use crate::ui::state::{use_i18n, use_pool, use_save_status};
use leptos::prelude::*;

/// Lasting notices about local storage: absent (private mode, policy: the app works but
/// remembers nothing), or the last save failed (the data stays on screen).
#[component]
pub fn StorageNotice() -> impl IntoView {
    let i18n = use_i18n();
    let status = use_save_status();
    let available = LocalStore::available();
    let unreadable = use_pool().stored_unreadable;
    view! {
        <Show when=move || unreadable>
            <p class="alert alert--banner" role="alert">
                {i18n.text(Msg::StoredUnreadable)}
            </p>
        </Show>
        <Show when=move || !available>
            <p class="alert alert--banner" role="alert">
                {i18n.text(Msg::StorageUnavailable)}
            </p>
        </Show>
        {move || {
            status
                .error
                .get()
                .filter(|_| available)
                .map(|reason| {
                    view! {
                        <p class="alert alert--banner" role="alert">
                            {i18n.tf(Msg::SaveFailed, &[("reason", i18n.t(write_error(&reason)))])}
                        </p>
                    }
                })
        }}
    }
}
