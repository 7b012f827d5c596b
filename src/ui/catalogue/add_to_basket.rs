use crate::i18n::teacher;
use crate::i18n::Msg;
use crate::ui::components::{Field, QuantityInput};
use crate::ui::routes;
use crate::ui::state::{use_i18n, use_links, use_plan};
use leptos::prelude::*;
use leptos_router::components::A;

/// A quantity and an "add to basket" button for one model; says how many are now in the basket.
#[component]
pub fn AddToBasket(
    /// The model's id.
    model: String,
    /// Its name, for the confirmation.
    name: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let plan = use_plan();
    let links = use_links();
    let quantity = RwSignal::new(1u32);
    let added = RwSignal::new(None::<u32>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        added.set(Some(plan.add(&model, quantity.get_untracked())));
    };
    view! {
        <form class="add-to-basket" on:submit=add>
            <Field label=Msg::QuantityLabel class="field--inline">
                <QuantityInput value=quantity on_change=Callback::new(move |q| quantity.set(q)) />
                <button type="submit" class="button--primary">
                    {i18n.text(Msg::AddToBasket)}
                </button>
            </Field>
            <p role="status" class="form-status">
                {move || {
                    added
                        .get()
                        .map(|count| {
                            view! {
                                {teacher::added_to_basket(i18n.lang(), &name, count as usize)}
                                " "
                                <A href=links.to(routes::BOOKING)>{i18n.t(Msg::SeeBasket)}</A>
                            }
                        })
                }}
            </p>
        </form>
    }
}
