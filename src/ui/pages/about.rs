use crate::i18n::Msg;
use crate::ui::components::PageTitle;
use crate::ui::state::use_i18n;
use leptos::prelude::*;

/// What the app is, and how it keeps data.
#[component]
pub fn AboutPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::AboutTitle).to_owned()) />
        <h1>{move || i18n.t(Msg::AboutTitle)}</h1>
        <p>{move || i18n.t(Msg::AboutText)}</p>
        <p>{move || i18n.t(Msg::AboutOffline)}</p>
    }
}
