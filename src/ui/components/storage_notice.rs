use crate::i18n::Msg;
use crate::storage::local::LocalStore;
use crate::ui::state::use_i18n;
use leptos::prelude::*;

/// A lasting notice when the browser offers no local storage (private mode, policy): the app
/// still works, but nothing will be remembered.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let i18n = use_i18n();
    let available = LocalStore::available();
    view! {
        <Show when=move || !available>
            <p class="alert alert--banner" role="alert">
                {move || i18n.t(Msg::StorageUnavailable)}
            </p>
        </Show>
    }
}
