use crate::domain::Model;
use crate::i18n::Msg;
use crate::ui::components::{ModelCard, PageTitle};
use crate::ui::state::{use_catalogue, use_i18n};
use leptos::prelude::*;

/// The catalogue: every model, grouped by category, with its units in service and the
/// training it requires.
#[component]
pub fn CataloguePage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_catalogue();
    let counts = Memo::new(move |_| {
        state.catalogue.with(|c| {
            c.in_service_counts()
                .into_iter()
                .map(|(id, n)| (id.to_owned(), n))
                .collect::<std::collections::HashMap<_, _>>()
        })
    });
    let summary = move || {
        let models = state.catalogue.with(|c| c.models.len());
        let units: usize = counts.with(|c| c.values().sum());
        i18n.tf(Msg::CatalogueSummary, &[("models", &models.to_string()), ("units", &units.to_string())])
    };
    let sections = move || {
        let english = i18n.english();
        state.catalogue.with(|catalogue| {
            catalogue
                .categories
                .iter()
                .map(|category| {
                    let heading_id = format!("cat-{}", category.id);
                    let labelled_by = heading_id.clone();
                    let cards = catalogue
                        .models_in(&category.id)
                        .map(|model| {
                            let count = counts.with(|c| c.get(&model.id).copied().unwrap_or(0));
                            let trainings = training_names(catalogue, model, english);
                            view! { <ModelCard model=model.clone() in_service=count trainings=trainings /> }
                        })
                        .collect_view();
                    view! {
                        <section class="category" aria-labelledby=labelled_by>
                            <h2 id=heading_id>{category.name.pick(english).to_owned()}</h2>
                            <ul class="model-grid">{cards}</ul>
                        </section>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::CatalogueTitle).to_owned()) />
        <h1>{move || i18n.t(Msg::CatalogueTitle)}</h1>
        <p class="lead">{move || i18n.t(Msg::CatalogueIntro)}</p>
        {move || {
            state
                .load_error
                .get()
                .map(|e| {
                    view! {
                        <p class="alert" role="alert">
                            {i18n.tf(Msg::CatalogueLoadError, &[("reason", &e.to_string())])}
                        </p>
                    }
                })
        }}
        <p class="summary">{summary}</p>
        <Show
            when=move || state.catalogue.with(|c| !c.models.is_empty())
            fallback=move || view! { <p>{move || i18n.t(Msg::CatalogueEmpty)}</p> }
        >
            {sections}
        </Show>
    }
}

fn training_names(catalogue: &crate::domain::Catalogue, model: &Model, english: bool) -> Vec<String> {
    model
        .required_trainings
        .iter()
        .map(|id| catalogue.training(id).map_or_else(|| id.clone(), |t| t.name.pick(english).to_owned()))
        .collect()
}
