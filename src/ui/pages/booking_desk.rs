use crate::i18n::Msg;
use crate::ui::components::{CoordinatorGate, PageTitle};
use crate::ui::state::use_i18n;
use leptos::prelude::*;

/// One booking at the coordinator's desk: details and history, confirm or refuse, hand-over with units assigned (R3 checked), the agreement, the return with each unit's condition.
#[component]
pub fn BookingDeskPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::CoordBookingTitle).to_owned()) />
        <CoordinatorGate>
            <h1>{i18n.text(Msg::CoordBookingTitle)}</h1>
        </CoordinatorGate>
    }
}
