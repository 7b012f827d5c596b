use crate::i18n::Msg;
use crate::ui::components::{CoordinatorGate, PageTitle};
use crate::ui::state::use_i18n;
use leptos::prelude::*;

/// Incidents: deadlines and late flags, the reimbursable amount from the depreciation table, the not-replaced flag, and the status flow.
#[component]
pub fn IncidentsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::CoordIncidentsTitle).to_owned()) />
        <CoordinatorGate>
            <h1>{i18n.text(Msg::CoordIncidentsTitle)}</h1>
        </CoordinatorGate>
    }
}
