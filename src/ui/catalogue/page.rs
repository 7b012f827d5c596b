use crate::domain::{filter_models, CatalogueFilter, TrainingFilter};
use crate::i18n::teacher;
use crate::i18n::Msg;
use crate::ui::catalogue::{CatalogueFilters, ModelCard};
use crate::ui::components::PageTitle;
use crate::ui::explain_storage::describe;
use crate::ui::state::{use_i18n, use_plan, use_pool};
use crate::ui::wording::short;
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};

/// The catalogue: models grouped by category, with their units in service and the training
/// they require, narrowed by a search box and filters.
#[component]
pub fn CataloguePage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_pool();
    let query = RwSignal::new(String::new());
    let category = RwSignal::new(None::<String>);
    let training = RwSignal::new(TrainingFilter::Any);
    let quantity = RwSignal::new(1u32);
    let plan = use_plan();
    // Free units per model over "my dates", when both days are chosen.
    let free = Memo::new(move |_| {
        let (start, end) = plan.period()?;
        let counts = state.pool.with(|p| {
            p.free_for_dates(start, end).into_iter().map(|f| (f.model.to_owned(), f.free)).collect::<HashMap<_, _>>()
        });
        Some((start, end, counts))
    });

    let counts = Memo::new(move |_| {
        state.with_catalogue(|c| {
            c.in_service_counts().into_iter().map(|(id, n)| (id.to_owned(), n)).collect::<HashMap<_, _>>()
        })
    });
    let matching = Memo::new(move |_| {
        let filter = CatalogueFilter { query: query.get(), category: category.get(), training: training.get() };
        let needed = quantity.get();
        free.with(|free| {
            state.with_catalogue(|c| {
                filter_models(c, &filter)
                    .into_iter()
                    .filter(|m| free.as_ref().is_none_or(|(_, _, f)| f.get(&m.id).copied().unwrap_or(0) >= needed))
                    .map(|m| m.id.clone())
                    .collect::<HashSet<_>>()
            })
        })
    });
    let summary = move || {
        let models = state.with_catalogue(|c| c.models.len());
        let units: usize = counts.with(|c| c.values().sum());
        teacher::catalogue_summary(i18n.lang(), models, units)
    };
    let results = move || match matching.with(HashSet::len) {
        0 => i18n.t(Msg::ResultsNone).to_owned(),
        n => teacher::results(i18n.lang(), n),
    };
    let sections = move || {
        let english = i18n.english();
        matching.with(|matching| {
            state.with_catalogue(|catalogue| {
                catalogue
                    .categories
                    .iter()
                    .filter(|category| catalogue.models_in(&category.id).any(|m| matching.contains(&m.id)))
                    .map(|category| {
                        let heading_id = format!("cat-{}", category.id);
                        let labelled_by = heading_id.clone();
                        let cards = catalogue
                            .models_in(&category.id)
                            .filter(|m| matching.contains(&m.id))
                            .map(|model| {
                                let count = counts.with(|c| c.get(&model.id).copied().unwrap_or(0));
                                let trainings = catalogue.required_training_names(model, english);
                                let free_text = free.with(|f| {
                                    f.as_ref().map(|(s, e, f)| {
                                        teacher::free_for_dates(i18n.lang(), (f.get(&model.id).copied().unwrap_or(0)) as usize, &short(*s), &short(*e))
                                    })
                                });
                                view! {
                                    <ModelCard model=model.clone() in_service=count trainings=trainings free=free_text />
                                }
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
        })
    };
    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::CatalogueTitle).to_owned()) />
        <h1>{i18n.text(Msg::CatalogueTitle)}</h1>
        <p class="lead">{i18n.text(Msg::CatalogueIntro)}</p>
        {move || {
            state
                .load_error
                .get()
                .map(|e| {
                    view! {
                        <p class="alert" role="alert">
                            {teacher::catalogue_load_error(i18n.lang(), &describe(i18n.lang(), "catalogue.json", &e))}
                        </p>
                    }
                })
        }}
        <p class="summary">{summary}</p>
        <Show
            when=move || state.with_catalogue(|c| !c.models.is_empty())
            fallback=move || view! { <p>{i18n.text(Msg::CatalogueEmpty)}</p> }
        >
            <CatalogueFilters query=query category=category training=training quantity=quantity />
            <p class="results" role="status">{results}</p>
            {sections}
        </Show>
    }
}
