use crate::i18n::Msg;
use crate::platform::document;
use crate::ui::state::use_i18n;
use leptos::prelude::*;

/// The id of the `<main>` landmark, target of the skip link.
pub const MAIN_ID: &str = "contenu";

/// "Aller au contenu": the first focusable element, visible when focused.
#[component]
pub fn SkipLink() -> impl IntoView {
    let i18n = use_i18n();
    // A plain `#id` link would resolve against `<base href>` and leave the page under a
    // sub-path, so focus the target directly.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        document::focus_by_id(MAIN_ID);
    };
    view! {
        <a class="skip-link" href=format!("#{MAIN_ID}") on:click=on_click>
            {i18n.text(Msg::SkipToContent)}
        </a>
    }
}
