use crate::i18n::Msg;
use crate::ui::components::PageTitle;
use crate::ui::state::use_i18n;
use leptos::prelude::*;

/// One unit, as its label's QR code opens it: its current loan, its loans, its incidents.
#[component]
pub fn UnitPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::UnitTitle).to_owned()) />
        <h1>{i18n.text(Msg::UnitTitle)}</h1>
    }
}
