use crate::domain::Model;
use crate::i18n::teacher;
use crate::i18n::Msg;
use crate::ui::components::{Icon, IconKind};
use crate::ui::routes;
use crate::ui::state::{use_i18n, use_links};
use leptos::prelude::*;
use leptos_router::components::A;

/// One model in the catalogue grid.
#[component]
pub fn ModelCard(
    /// The model shown.
    model: Model,
    /// How many of its units are in service.
    in_service: usize,
    /// Names of the trainings it requires, in the UI language.
    trainings: Vec<String>,
    /// Units free over "my dates", in words, when dates are chosen.
    free: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let english = i18n.english();
    let href = use_links().to(&routes::model(&model.id));
    let description = model.description.pick(english).to_owned();
    let training_text = if trainings.is_empty() {
        i18n.t(Msg::NoTrainingRequired).to_owned()
    } else {
        teacher::training_required(i18n.lang(), &trainings.join(", "))
    };
    let needs_training = !trainings.is_empty();
    view! {
        <li class="model-card">
            <h3>
                <A href=href>{model.name_in(english).to_owned()}</A>
            </h3>
            <p class="model-card__description">{description}</p>
            <p class="model-card__units">
                <Icon kind=IconKind::Units />
                {teacher::units_in_service(i18n.lang(), in_service)}
            </p>
            {free
                .map(|text| {
                    view! {
                        <p class="model-card__free">
                            <Icon kind=IconKind::Check />
                            {text}
                        </p>
                    }
                })}
            <p class="model-card__training" class:needs-training=needs_training>
                <Icon kind=if needs_training { IconKind::Training } else { IconKind::Check } />
                {training_text}
            </p>
        </li>
    }
}
