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
        <h1>{i18n.text(Msg::AboutTitle)}</h1>
        <p>{i18n.text(Msg::AboutText)}</p>
        <p>{i18n.text(Msg::AboutOffline)}</p>
    }
}
