use crate::domain::period::earliest_start;
use crate::i18n::teacher;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::ui::catalogue::{AddToBasket, AvailabilityTable};
use crate::ui::components::{Icon, IconKind, PageTitle};
use crate::ui::profile::TrainingStatus;
use crate::ui::routes;
use crate::ui::state::{use_i18n, use_links, use_plan, use_pool};
use crate::ui::wording::condition_msg;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// A model's page: description, required trainings, units with their labels.
#[component]
pub fn ModelPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_pool();
    let plan = use_plan();
    let params = use_params_map();
    let model_id = move || params.with(routes::page_id);
    let model = Memo::new(move |_| state.with_catalogue(|c| c.model(&model_id()).cloned()));
    // Trainings are needed by the start of the loan: the planned one, else the earliest possible.
    let loan_start = Signal::derive(move || {
        plan.start.get().unwrap_or_else(|| {
            let today = clock::today();
            state.pool.with(|p| earliest_start(p.calendar(), &p.state().settings, today))
        })
    });
    let title = Signal::derive(move || {
        model.with(|m| {
            m.as_ref()
                .map_or_else(|| i18n.t(Msg::ModelNotFoundTitle).to_owned(), |m| m.name_in(i18n.english()).to_owned())
        })
    });

    // What the page shows of the pool: the page is rebuilt when that changes, not on every
    // change of the pool (another tab's save, an enrolment), so the basket's confirmation and
    // the focus stay where they are.
    let facts = Memo::new(move |_| {
        let english = i18n.english();
        model.get().map(|model| {
            let in_service = state.pool.with(|p| p.index().in_service(&model.id));
            let (trainings, units) = state.with_catalogue(|c| {
                let trainings = c.required_training_names(&model, english);
                let units: Vec<_> = c.units_of(&model.id).cloned().collect();
                (trainings, units)
            });
            (model, in_service, trainings, units)
        })
    });

    let body = move || {
        let english = i18n.english();
        let Some((model, in_service, trainings, units)) = facts.get() else {
            return view! {
                <h1>{i18n.t(Msg::ModelNotFoundTitle)}</h1>
                <p>{i18n.t(Msg::ModelNotFoundText)}</p>
            }
            .into_any();
        };
        let training_block = if trainings.is_empty() {
            view! { <p>{i18n.t(Msg::NoTrainingRequired)}</p> }.into_any()
        } else {
            let items = model
                .required_trainings
                .iter()
                .zip(trainings)
                .map(|(id, name)| {
                    view! {
                        <li>
                            <h3>{name}</h3>
                            <TrainingStatus training=id.clone() start=Signal::derive(move || Some(loan_start.get())) />
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="trainings">{items}</ul> }.into_any()
        };
        let rows = units
            .into_iter()
            .map(|unit| {
                let status = if unit.in_service { Msg::UnitInService } else { Msg::UnitRetired };
                let icon = if unit.in_service { IconKind::Check } else { IconKind::Unavailable };
                view! {
                    <tr>
                        <th scope="row" class="label-code">{unit.label}</th>
                        <td>{i18n.t(condition_msg(unit.condition))}</td>
                        <td>
                            <Icon kind=icon />
                            {i18n.t(status)}
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <h1>{model.name_in(english).to_owned()}</h1>
            <p class="model-facts">
                <Icon kind=IconKind::Units />
                {teacher::units_in_service(i18n.lang(), in_service as usize)}
                " · "
                {teacher::max_loan(i18n.lang(), usize::from(model.max_loan_weeks))}
            </p>
            <h2>{i18n.t(Msg::ModelDescriptionHeading)}</h2>
            <p>{model.description.pick(english).to_owned()}</p>
            <AddToBasket model=model.id.clone() name=model.name_in(english).to_owned() />
            <h2>{i18n.t(Msg::ModelTrainingsHeading)}</h2>
            {training_block}
            <AvailabilityTable model=model.id.clone() />
            <h2 id="units-heading">{i18n.t(Msg::ModelUnitsHeading)}</h2>
            <table class="data-table" aria-labelledby="units-heading">
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(Msg::UnitLabel)}</th>
                        <th scope="col">{i18n.t(Msg::UnitCondition)}</th>
                        <th scope="col">{i18n.t(Msg::UnitStatus)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <PageTitle title=title />
        <p class="breadcrumb">
            <A href=use_links().to(routes::CATALOGUE)>{i18n.text(Msg::BackToCatalogue)}</A>
        </p>
        {body}
    }
}
