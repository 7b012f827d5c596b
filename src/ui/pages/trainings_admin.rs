use crate::i18n::Msg;
use crate::ui::components::{CoordinatorGate, PageTitle};
use crate::ui::state::use_i18n;
use leptos::prelude::*;

/// Trainings and their sessions: create and edit, enrol teachers, record completions.
#[component]
pub fn TrainingsAdminPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::CoordTrainingsTitle).to_owned()) />
        <CoordinatorGate>
            <h1>{i18n.text(Msg::CoordTrainingsTitle)}</h1>
        </CoordinatorGate>
    }
}
