use crate::domain::Unit;
use crate::i18n::coordinator;
use crate::i18n::Msg;
use crate::ui::catalogue_admin::{CatalogueFeedback, CatalogueFeedbackLine, CatalogueUnitRow};
use crate::ui::state::{use_i18n, use_pool};
use leptos::prelude::*;

/// The units of one model, one row each with its own edit, retire and back-in-service
/// buttons. Only this model's units are drawn (the catalogue holds hundreds).
#[component]
pub fn CatalogueUnitTable(
    /// The model.
    model: String,
    /// Its name, for the caption.
    model_name: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let feedback = CatalogueFeedback::new();
    let editing = RwSignal::new(None::<String>);
    let units = {
        let model = model.clone();
        Memo::new(move |_| pool.with_catalogue(|c| c.units_of(&model).cloned().collect::<Vec<Unit>>()))
    };
    let caption = move || {
        let (count, in_service) = units.with(|u| (u.len(), u.iter().filter(|u| u.in_service).count()));
        coordinator::cat_units_caption(i18n.lang(), count, &model_name, in_service)
    };
    view! {
        <CatalogueFeedbackLine feedback=feedback />
        <Show
            when=move || !units.with(Vec::is_empty)
            fallback=move || view! { <p>{i18n.text(Msg::CatNoUnits)}</p> }
        >
            <div class="table-scroll">
                <table class="data-table catalogue-units">
                    <caption>{caption.clone()}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.text(Msg::UnitLabel)}</th>
                            <th scope="col">{i18n.text(Msg::CatColService)}</th>
                            <th scope="col">{i18n.text(Msg::CatColAcquired)}</th>
                            <th scope="col">{i18n.text(Msg::CatColValue)}</th>
                            <th scope="col">{i18n.text(Msg::UnitCondition)}</th>
                            <th scope="col">{i18n.text(Msg::CatColActions)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || units.get()
                            key=|u| (u.label.clone(), u.acquired, u.replacement_value_cents, u.condition, u.in_service)
                            let:unit
                        >
                            <CatalogueUnitRow unit=unit editing=editing feedback=feedback />
                        </For>
                    </tbody>
                </table>
            </div>
        </Show>
    }
}
