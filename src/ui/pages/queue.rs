use crate::i18n::Msg;
use crate::ui::components::{CoordinatorGate, PageTitle};
use crate::ui::state::use_i18n;
use leptos::prelude::*;

/// The coordinator's queue: requested and awaiting-training bookings, confirmed or refused several at once, and the overdue loans.
#[component]
pub fn RequestsQueuePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::CoordQueueTitle).to_owned()) />
        <CoordinatorGate>
            <h1>{i18n.text(Msg::CoordQueueTitle)}</h1>
        </CoordinatorGate>
    }
}
