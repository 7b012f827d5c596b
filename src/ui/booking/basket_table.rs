use crate::i18n::teacher;
use crate::i18n::Msg;
use crate::ui::components::{Field, Icon, IconKind, QuantityInput, Select};
use crate::ui::state::{use_i18n, use_plan, use_pool};
use leptos::prelude::*;

/// The basket: one row per model with its quantity, what is free over the chosen period, and a
/// remove button; below, a list to add another model.
#[component]
pub fn BasketTable() -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let plan = use_plan();
    let to_add = RwSignal::new(String::new());

    // Rows are keyed by model, so typing a quantity never rebuilds the row it is typed in.
    let row = move |model: String| {
        // Both names are read once; the row follows the language without reading the pool again.
        let (names, in_service) = pool.pool.with_untracked(|p| {
            ((p.model_name_in(&model, false), p.model_name_in(&model, true)), p.index().in_service(&model))
        });
        let name = move || if i18n.english() { names.1.clone() } else { names.0.clone() };
        let input_id = format!("qty-{model}");
        let (name2, name3) = (name.clone(), name.clone());
        let label = move || teacher::quantity_of(i18n.lang(), &name2());
        let remove_label = move || teacher::basket_remove(i18n.lang(), &name3());
        let (m1, m2, m3) = (model.clone(), model.clone(), model);
        let quantity = Memo::new(move |_| {
            plan.basket.with(|lines| lines.iter().find(|l| l.model == m1).map_or(0, |l| l.quantity))
        });
        let free_cell = move || match plan.period() {
            Some((s, e)) => {
                let free = pool.pool.with(|p| p.free(&m2, s, e));
                let enough = free >= quantity.get();
                view! {
                    <Icon kind=if enough { IconKind::Check } else { IconKind::Unavailable } />
                    {teacher::free_of(i18n.lang(), free as usize, in_service as usize)}
                }
                .into_any()
            }
            None => i18n.t(Msg::NeedsPeriod).into_any(),
        };
        let model_for_input = m3.clone();
        let set_quantity = Callback::new(move |q: u32| {
            plan.basket.update(|lines| {
                if let Some(l) = lines.iter_mut().find(|l| l.model == model_for_input) {
                    l.quantity = q;
                }
            });
        });
        view! {
            <tr>
                <th scope="row">{name}</th>
                <td data-label=move || i18n.t(Msg::QuantityLabel)>
                    <QuantityInput
                        id=input_id
                        value=quantity
                        on_change=set_quantity
                        max=in_service
                        label=Signal::derive(label)
                    />
                </td>
                <td data-label=move || i18n.t(Msg::BasketFree)>{free_cell}</td>
                <td>
                    <button type="button" on:click=move |_| plan.basket.update(|lines| lines.retain(|l| l.model != m3))>
                        {remove_label}
                    </button>
                </td>
            </tr>
        }
    };
    let options = move || {
        let english = i18n.english();
        pool.with_catalogue(|c| {
            c.categories
                .iter()
                .map(|cat| {
                    let models = c
                        .models_in(&cat.id)
                        .map(|m| view! { <option value=m.id.clone()>{m.name_in(english).to_owned()}</option> })
                        .collect_view();
                    view! { <optgroup label=cat.name.pick(english).to_owned()>{models}</optgroup> }
                })
                .collect_view()
        })
    };
    let add = move |_| {
        let model = to_add.get_untracked();
        if !model.is_empty() {
            plan.add(&model, 1);
        }
    };
    view! {
        <Show
            when=move || !plan.basket.with(Vec::is_empty)
            fallback=move || view! { <p>{i18n.text(Msg::BasketEmpty)}</p> }
        >
            <table class="data-table basket stack-on-phone">
                <thead>
                    <tr>
                        <th scope="col">{i18n.text(Msg::BasketModel)}</th>
                        <th scope="col">{i18n.text(Msg::QuantityLabel)}</th>
                        <th scope="col">{i18n.text(Msg::BasketFree)}</th>
                        <td></td>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || plan.basket.with(|lines| lines.iter().map(|l| l.model.clone()).collect::<Vec<_>>())
                        key=|model| model.clone()
                        children=row
                    />
                </tbody>
            </table>
        </Show>
        <Field label=Msg::BasketAddLabel class="field--inline">
            <Select on_change=move |value| to_add.set(value)>
                <option value="">{i18n.text(Msg::BasketChoose)}</option>
                {options}
            </Select>
            <button type="button" on:click=add>
                {i18n.text(Msg::BasketAdd)}
            </button>
        </Field>
    }
}
