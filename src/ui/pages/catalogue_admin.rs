use crate::i18n::Msg;
use crate::ui::components::{CoordinatorGate, PageTitle};
use crate::ui::state::use_i18n;
use leptos::prelude::*;

/// Catalogue editing: categories, models, units (added in bulk from a label pattern), retirement.
#[component]
pub fn CatalogueAdminPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::CoordCatalogueTitle).to_owned()) />
        <CoordinatorGate>
            <h1>{i18n.text(Msg::CoordCatalogueTitle)}</h1>
        </CoordinatorGate>
    }
}
