use crate::i18n::Msg;
use crate::ui::components::{CoordinatorGate, PageTitle};
use crate::ui::state::use_i18n;
use leptos::prelude::*;

/// Reports: utilisation and reallocation candidates (R7), the incident review (R8), with charts, tables and CSV exports.
#[component]
pub fn ReportsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::CoordReportsTitle).to_owned()) />
        <CoordinatorGate>
            <h1>{i18n.text(Msg::CoordReportsTitle)}</h1>
        </CoordinatorGate>
    }
}
