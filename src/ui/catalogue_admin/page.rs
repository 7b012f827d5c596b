use crate::i18n::coordinator;
use crate::i18n::Msg;
use crate::ui::catalogue_admin::{
    CatalogueAddUnits, CatalogueCategoryForm, CatalogueFeedback, CatalogueFeedbackLine, CatalogueModelForm,
    CatalogueUnitTable,
};
use crate::ui::components::{CoordinatorGate, Field, PageTitle, Select};
use crate::ui::routes;
use crate::ui::state::{use_i18n, use_links, use_pool};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// Catalogue editing: categories, models, units (added in bulk from a label pattern), retirement.
/// One model at a time: choose it, then edit its details and its units (the catalogue holds
/// hundreds of units, so only the chosen model's are drawn).
#[component]
pub fn CatalogueAdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let links = use_links();
    let query = use_query_map();
    let initial =
        query.with_untracked(routes::model_query).filter(|id| pool.pool.with_untracked(|p| p.model(id).is_some()));
    let selected = RwSignal::new(initial);
    let model_feedback = CatalogueFeedback::new();

    let model_options = move || {
        let english = i18n.english();
        pool.with_catalogue(|c| {
            c.categories
                .iter()
                .map(|cat| {
                    let options = c
                        .models_in(&cat.id)
                        .map(|m| {
                            let id = m.id.clone();
                            let chosen = {
                                let id = id.clone();
                                move || selected.with(|s| s.as_deref() == Some(id.as_str()))
                            };
                            view! { <option value=id prop:selected=chosen>{m.name_in(english).to_owned()}</option> }
                        })
                        .collect_view();
                    view! { <optgroup label=cat.name.pick(english).to_owned()>{options}</optgroup> }
                })
                .collect_view()
        })
    };
    let on_pick = move |id: String| {
        model_feedback.done(String::new());
        selected.set((!id.is_empty()).then_some(id));
    };
    // The chosen model's name (the units' heading); rebuilt only when the choice changes.
    let chosen = Memo::new(move |_| {
        selected.get().and_then(|id| {
            pool.pool.with_untracked(|p| p.model(&id).map(|m| (id.clone(), m.name_in(i18n.english()).to_owned())))
        })
    });

    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::CoordCatalogueTitle).to_owned()) />
        <CoordinatorGate>
            <h1>{i18n.text(Msg::CoordCatalogueTitle)}</h1>
            <p class="lead">{i18n.text(Msg::CatIntro)}</p>
            <Field label=Msg::CatModelPick id="cat-model-pick" class="catalogue-pick">
                <Select on_change=on_pick>
                    <option value="" prop:selected=move || selected.with(Option::is_none)>
                        {i18n.text(Msg::CatNewModelOption)}
                    </option>
                    {model_options}
                </Select>
            </Field>
            {move || {
                let model = selected.get();
                view! { <CatalogueModelForm model=model selected=selected feedback=model_feedback /> }
            }}
            <CatalogueFeedbackLine feedback=model_feedback />
            {move || {
                chosen
                    .get()
                    .map(|(id, name)| {
                        let heading = coordinator::cat_units_heading(i18n.lang(), &name);
                        let labels_href = links.to(&routes::labels(Some(&id)));
                        view! {
                            <section class="catalogue-section" aria-labelledby="cat-units-heading">
                                <h2 id="cat-units-heading">{heading}</h2>
                                <p class="no-print">
                                    <A href=labels_href>{i18n.text(Msg::CatPrintLabels)}</A>
                                </p>
                                <CatalogueUnitTable model=id.clone() model_name=name />
                            </section>
                            <section class="catalogue-section" aria-labelledby="cat-add-heading">
                                <h2 id="cat-add-heading">{i18n.text(Msg::CatAddHeading)}</h2>
                                <CatalogueAddUnits model=id />
                            </section>
                        }
                    })
            }}
            <section class="catalogue-section" aria-labelledby="cat-categories-heading">
                <h2 id="cat-categories-heading">{i18n.text(Msg::CatCategoriesHeading)}</h2>
                <CatalogueCategoryForm />
            </section>
        </CoordinatorGate>
    }
}
