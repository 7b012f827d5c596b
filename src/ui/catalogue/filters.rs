use crate::domain::TrainingFilter;
use crate::i18n::teacher;
use crate::i18n::Msg;
use crate::ui::components::{Field, PeriodFields, QuantityInput, Select, TextInput};
use crate::ui::state::{use_i18n, use_plan, use_pool};
use leptos::prelude::*;

const TRAINING_CHOICES: [(TrainingFilter, &str, Msg); 3] = [
    (TrainingFilter::Any, "any", Msg::FilterTrainingAny),
    (TrainingFilter::Required, "required", Msg::FilterTrainingRequired),
    (TrainingFilter::NotRequired, "none", Msg::FilterTrainingNone),
];

/// The search box and filters above the catalogue. Every change applies at once; the page
/// announces the number of results.
#[component]
pub fn CatalogueFilters(
    /// Free-text query.
    query: RwSignal<String>,
    /// Selected category id, `None` for all.
    category: RwSignal<Option<String>>,
    /// Training requirement.
    training: RwSignal<TrainingFilter>,
    /// Units needed over "my dates" (the plan's period).
    quantity: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let plan = use_plan();
    let state = use_pool();
    let category_options = move || {
        let english = i18n.english();
        state.with_catalogue(|c| {
            c.categories
                .iter()
                .map(|cat| {
                    let id = cat.id.clone();
                    let selected = category.with(|sel| sel.as_deref() == Some(id.as_str()));
                    view! {
                        <option value=id selected=selected>
                            {cat.name.pick(english).to_owned()}
                        </option>
                    }
                })
                .collect_view()
        })
    };
    let more = RwSignal::new(false);
    let active = move || {
        usize::from(category.with(Option::is_some))
            + usize::from(training.get() != TrainingFilter::Any)
            + usize::from(plan.period().is_some())
    };
    let clear = move |_| {
        query.set(String::new());
        category.set(None);
        training.set(TrainingFilter::Any);
        plan.start.set(None);
        plan.end.set(None);
        quantity.set(1);
    };
    view! {
        <form class="filters" role="search" aria-label=i18n.text(Msg::FiltersLabel) on:submit=|ev| ev.prevent_default()>
            <Field label=Msg::SearchLabel hint=Msg::SearchHelp class="field--wide">
                <TextInput value=query kind="search" autocomplete="off" />
            </Field>
            // On a phone the other filters fold behind a button, so the results start on the
            // first screen; on wider screens they all show (the button is hidden).
            <button
                type="button"
                class="filters-toggle"
                aria-controls="catalogue-more-filters"
                aria-expanded=move || more.get().to_string()
                on:click=move |_| more.update(|open| *open = !*open)
            >
                {move || match active() {
                    0 => i18n.t(Msg::FiltersMore).to_owned(),
                    n => teacher::filters_more_active(i18n.lang(), n),
                }}
            </button>
            <div id="catalogue-more-filters" class="filters__more" class:is-open=move || more.get()>
                <Field label=Msg::FilterCategory id="catalogue-category">
                    <Select on_change=move |value: String| {
                        category.set((!value.is_empty()).then_some(value));
                    }>
                        <option value="" selected=move || category.with(Option::is_none)>
                            {i18n.text(Msg::FilterAllCategories)}
                        </option>
                        {category_options}
                    </Select>
                </Field>
                <Field label=Msg::FilterTraining>
                    <Select on_change=move |value: String| {
                        if let Some((choice, _, _)) = TRAINING_CHOICES.iter().find(|(_, v, _)| *v == value) {
                            training.set(*choice);
                        }
                    }>
                        {TRAINING_CHOICES
                            .into_iter()
                            .map(|(choice, value, label)| {
                                view! {
                                    <option value=value selected=move || training.get() == choice>
                                        {i18n.text(label)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </Select>
                </Field>
                <fieldset class="my-dates">
                    <legend>{i18n.text(Msg::MyDatesLegend)}</legend>
                    <p class="help">{i18n.text(Msg::MyDatesHelp)}</p>
                    <PeriodFields id="dates" />
                    <Field label=Msg::QuantityLabel>
                        <QuantityInput value=quantity on_change=Callback::new(move |q| quantity.set(q)) />
                    </Field>
                </fieldset>
                <div class="field field--action">
                    <button type="button" on:click=clear>
                        {i18n.text(Msg::ClearFilters)}
                    </button>
                </div>
            </div>
        </form>
    }
}
