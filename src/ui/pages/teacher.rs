use crate::i18n::Msg;
use crate::ui::components::{CoordinatorGate, PageTitle};
use crate::ui::state::use_i18n;
use leptos::prelude::*;

/// One teacher for the coordinator: school, training records, enrolments, bookings.
#[component]
pub fn TeacherPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::CoordTeacherTitle).to_owned()) />
        <CoordinatorGate>
            <h1>{i18n.text(Msg::CoordTeacherTitle)}</h1>
        </CoordinatorGate>
    }
}
