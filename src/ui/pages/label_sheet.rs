use crate::i18n::Msg;
use crate::ui::components::{CoordinatorGate, PageTitle};
use crate::ui::state::use_i18n;
use leptos::prelude::*;

/// A printable A4 sheet of unit labels, each with a QR code of the unit's page address.
#[component]
pub fn LabelSheetPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::CoordLabelsTitle).to_owned()) />
        <CoordinatorGate>
            <h1>{i18n.text(Msg::CoordLabelsTitle)}</h1>
        </CoordinatorGate>
    }
}
