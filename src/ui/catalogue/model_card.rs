use crate::ui::components::{Icon, IconKind};
use leptos::prelude::*;

/// What a model's card says, in the UI language: the catalogue computes it for the cards it
/// shows, and keeps a card drawn as long as this stays the same.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ModelCardText {
    /// The model page's address.
    pub href: String,
    /// The model's name.
    pub name: String,
    /// Its description.
    pub description: String,
    /// How many of its units are in service, in words.
    pub units: String,
    /// Units free over "my dates", in words, when dates are chosen.
    pub free: Option<String>,
    /// Whether it requires a training.
    pub needs_training: bool,
    /// The training it requires, or that it requires none, in words.
    pub training: String,
}

/// One model in the catalogue grid. Its link is a plain anchor, which the router follows like
/// any other: a router link per card (it watches the location to mark itself current) made
/// drawing a large catalogue slower, and a model's card is never the current page.
#[component]
pub fn ModelCard(
    /// The card's text.
    card: ModelCardText,
) -> impl IntoView {
    let ModelCardText { href, name, description, units, free, needs_training, training } = card;
    view! {
        <li class="model-card">
            <h3>
                <a href=href>{name}</a>
            </h3>
            <p class="model-card__description">{description}</p>
            <p class="model-card__units">
                <Icon kind=IconKind::Units />
                {units}
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
                {training}
            </p>
        </li>
    }
}
