use crate::i18n::Msg;
use crate::ui::routes;
use crate::ui::state::{use_i18n, use_links, use_profile};
use leptos::prelude::*;
use leptos_router::components::A;

/// Asks for the profile, with a link to it, while the teacher has not filled it in.
#[component]
pub fn ProfileNotice() -> impl IntoView {
    let i18n = use_i18n();
    let profile = use_profile();
    let links = use_links();
    view! {
        <Show when=move || profile.teacher.with(Option::is_none)>
            <p class="alert">
                {i18n.text(Msg::ProfileNeeded)} " "
                <A href=links.to(routes::PROFILE)>{i18n.text(Msg::ProfileComplete)}</A>
            </p>
        </Show>
    }
}
