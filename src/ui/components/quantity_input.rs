use crate::ui::components::FieldControl;
use leptos::prelude::*;

/// A number of units typed by the user. Only whole numbers above zero reach `on_change`; other
/// text is left on screen for the user to fix and never stored. Inside a [`Field`](super::Field)
/// the field names and describes it.
#[component]
pub fn QuantityInput(
    /// The input's id, for an input outside a field (in a table row, named by `label`).
    #[prop(optional)]
    id: Option<String>,
    /// The current quantity.
    #[prop(into)]
    value: Signal<u32>,
    /// Receives each valid quantity typed.
    on_change: Callback<u32>,
    /// The largest sensible quantity, suggested to the browser.
    #[prop(optional)]
    max: Option<u32>,
    /// An accessible name, when no visible label names the input.
    #[prop(optional, into)]
    label: Option<Signal<String>>,
) -> impl IntoView {
    let control = id.map_or_else(FieldControl::current, FieldControl::alone);
    let (invalid, described_by) = (control.invalid(), control.described_by());
    view! {
        <input
            id=control.id()
            aria-invalid=move || invalid()
            aria-describedby=move || described_by()
            class="qty"
            type="number"
            inputmode="numeric"
            min="1"
            max=max
            aria-label=move || label.map(|l| l.get())
            prop:value=move || value.get().to_string()
            on:input=move |ev| {
                if let Some(q) = event_target_value(&ev).trim().parse::<u32>().ok().filter(|q| *q > 0) {
                    on_change.run(q);
                }
            }
        />
    }
}
