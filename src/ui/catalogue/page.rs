use crate::domain::search::SearchIndex;
use crate::domain::{CatalogueFilter, TrainingFilter};
use crate::i18n::{teacher, Msg};
use crate::ui::catalogue::{CatalogueFilters, ModelCard, ModelCardText};
use crate::ui::components::PageTitle;
use crate::ui::explain_storage::describe;
use crate::ui::routes;
use crate::ui::state::{use_i18n, use_links, use_plan, use_pool};
use crate::ui::wording::short;
use leptos::prelude::*;
use std::collections::HashMap;

/// How many models the catalogue shows at first, and adds at each « more »: at the scale of a
/// metropolitan pool (1,000 models) drawing every card took seconds on a phone, and each
/// keystroke of a search drew them again. A multiple of 2, 3 and 4 fills the grid's rows.
const PAGE: usize = 60;

/// The catalogue: models grouped by category, with their units in service and the training
/// they require, narrowed by a search box and filters.
#[component]
pub fn CataloguePage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_pool();
    let links = use_links();
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
    // Folded once per catalogue, not at each keystroke.
    let index = Memo::new(move |_| state.with_catalogue(SearchIndex::new));
    // The filters, and the positions in the catalogue of the models matching them and "my dates".
    let matching = Memo::new(move |_| {
        let filter = CatalogueFilter { query: query.get(), category: category.get(), training: training.get() };
        let needed = quantity.get();
        let positions = free.with(|free| {
            state.with_catalogue(|c| {
                index.with(|index| {
                    index
                        .matching(c, &filter)
                        .into_iter()
                        .filter(|&i| {
                            free.as_ref().is_none_or(|(_, _, f)| f.get(&c.models[i].id).copied().unwrap_or(0) >= needed)
                        })
                        .collect::<Vec<_>>()
                })
            })
        });
        (filter, positions)
    });
    // How many models to show, with the filters it was raised for: other filters start again
    // from the first page.
    let limit = RwSignal::new((CatalogueFilter::default(), PAGE));
    let summary = move || {
        let models = state.with_catalogue(|c| c.models.len());
        let units: usize = counts.with(|c| c.values().sum());
        teacher::catalogue_summary(i18n.lang(), models, units)
    };
    let results = move || match matching.with(|(_, m)| m.len()) {
        0 => i18n.t(Msg::ResultsNone).to_owned(),
        n => teacher::results(i18n.lang(), n),
    };
    // The first page of the matching models: the categories with a model on it, each with its
    // cards in catalogue order.
    let page = Memo::new(move |_| {
        let english = i18n.english();
        matching.with(|(filter, matching)| {
            let mut left = limit.with(|(for_filter, n)| if for_filter == filter { *n } else { PAGE });
            state.with_catalogue(|catalogue| {
                let card = |position: usize| {
                    let model = &catalogue.models[position];
                    let trainings = catalogue.required_training_names(model, english);
                    let in_service = counts.with(|c| c.get(&model.id).copied().unwrap_or(0));
                    ModelCardText {
                        href: links.to(&routes::model(&model.id)),
                        name: model.name_in(english).to_owned(),
                        description: model.description.pick(english).to_owned(),
                        units: teacher::units_in_service(i18n.lang(), in_service),
                        free: free.with(|f| {
                            f.as_ref().map(|(s, e, f)| {
                                let free = f.get(&model.id).copied().unwrap_or(0) as usize;
                                teacher::free_for_dates(i18n.lang(), free, &short(*s), &short(*e))
                            })
                        }),
                        needs_training: !trainings.is_empty(),
                        training: if trainings.is_empty() {
                            i18n.t(Msg::NoTrainingRequired).to_owned()
                        } else {
                            teacher::training_required(i18n.lang(), &trainings.join(", "))
                        },
                    }
                };
                // Models of a category the catalogue lacks are counted but never shown, as before.
                let mut sections = Vec::new();
                for category in &catalogue.categories {
                    let cards: Vec<ModelCardText> = matching
                        .iter()
                        .copied()
                        .filter(|&i| catalogue.models[i].category == category.id)
                        .take(left)
                        .map(card)
                        .collect();
                    left -= cards.len();
                    if !cards.is_empty() {
                        sections.push((category.id.clone(), cards));
                    }
                }
                sections
            })
        })
    });
    // A section and each card are drawn once and kept while they stay the same (cards are keyed
    // by their text), so a keystroke only adds, moves and removes what changed: drawing the page
    // again as a whole rewrote every card's attributes, which took most of a keystroke's time.
    let section = move |id: String| {
        let heading_id = format!("cat-{id}");
        let labelled_by = heading_id.clone();
        let name = {
            let id = id.clone();
            move || {
                state.with_catalogue(|c| {
                    c.categories.iter().find(|x| x.id == id).map(|x| x.name.pick(i18n.english()).to_owned())
                })
            }
        };
        let cards =
            move || page.with(|p| p.iter().find(|(c, _)| *c == id).map(|(_, cards)| cards.clone()).unwrap_or_default());
        view! {
            <section class="category" aria-labelledby=labelled_by>
                <h2 id=heading_id>{name}</h2>
                <ul class="model-grid">
                    <For each=cards key=|card| card.clone() children=|card| view! { <ModelCard card=card /> } />
                </ul>
            </section>
        }
    };
    let more = move || {
        let drawn: usize = page.with(|p| p.iter().map(|(_, cards)| cards.len()).sum());
        let rest = matching.with(|(_, m)| m.len()).saturating_sub(drawn);
        (rest > 0).then(|| {
            let show_more = move |_| limit.set((matching.with_untracked(|(f, _)| f.clone()), drawn + PAGE));
            view! {
                <p class="catalogue-more">
                    <button type="button" on:click=show_more>
                        {teacher::catalogue_show_more(i18n.lang(), rest.min(PAGE))}
                    </button>
                </p>
            }
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
            // `data-results-for`: the query the list shows the results of (updated with it), a
            // signal for tests and tools (scripts/first-visit.mjs) that what was typed is answered.
            <div class="catalogue-results" data-results-for=move || matching.with(|(f, _)| f.query.clone())>
                <For
                    each=move || page.with(|p| p.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>())
                    key=|id| id.clone()
                    children=section
                />
                {more}
            </div>
        </Show>
    }
}
