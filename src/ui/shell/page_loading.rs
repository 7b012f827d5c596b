use crate::i18n::Msg;
use crate::ui::state::use_i18n;
use leptos::prelude::*;

/// "Chargement de la page…" while the router fetches a page opened for the first time (its
/// code is a chunk loaded on demand), announced politely; empty otherwise.
#[component]
pub fn PageLoading(
    /// Whether the router is loading the next page.
    loading: ReadSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="page-loading" role="status">
            {move || loading.get().then(|| i18n.t(Msg::PageLoading))}
        </p>
    }
}
