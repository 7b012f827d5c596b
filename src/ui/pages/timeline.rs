use crate::i18n::Msg;
use crate::ui::components::{CoordinatorGate, PageTitle};
use crate::ui::state::use_i18n;
use leptos::prelude::*;

/// The occupancy of a model week by week: which bookings hold its units, and conflicts.
#[component]
pub fn TimelinePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::CoordTimelineTitle).to_owned()) />
        <CoordinatorGate>
            <h1>{i18n.text(Msg::CoordTimelineTitle)}</h1>
        </CoordinatorGate>
    }
}
