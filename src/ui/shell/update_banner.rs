use crate::i18n::Msg;
use crate::ui::state::{use_i18n, use_update};
use leptos::prelude::*;

/// "Nouvelle version disponible — Recharger": shown when a new version waits; the new version
/// only takes over when the user presses the button.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let i18n = use_i18n();
    let update = use_update();
    view! {
        <div class="update-banner" role="status">
            <Show when=move || update.waiting.with(Option::is_some)>
                <p>
                    <span>{i18n.text(Msg::UpdateAvailable)}</span>
                    <button
                        type="button"
                        on:click=move |_| {
                            if let Some(waiting) = update.waiting.get_untracked() {
                                waiting.activate();
                            }
                        }
                    >
                        {i18n.text(Msg::UpdateReload)}
                    </button>
                </p>
            </Show>
        </div>
    }
}
