use crate::i18n::Msg;
use crate::ui::state::use_i18n;
use leptos::prelude::*;

/// A labelled one-line text input with an optional hint and an optional error, both tied to
/// the input with `aria-describedby`; an error also sets `aria-invalid`.
#[component]
pub fn TextField(
    /// The input's id; the hint and error ids derive from it.
    id: &'static str,
    /// The label.
    label: Msg,
    /// The text.
    value: RwSignal<String>,
    /// A hint shown between the label and the input.
    #[prop(optional)]
    hint: Option<Msg>,
    /// The current error, if any.
    #[prop(optional, into)]
    error: Option<Signal<Option<Msg>>>,
    /// The input type (`text`, `email`).
    #[prop(default = "text")]
    kind: &'static str,
    /// The autocomplete token.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// The id of a `<datalist>` of earlier answers.
    #[prop(optional)]
    list: Option<&'static str>,
    /// The language of the text, when it is not the page's (an English name in the French UI).
    #[prop(optional)]
    lang: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let current_error = move || error.and_then(|e| e.get());
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let ids: Vec<&str> =
                hint.map(|_| hint_id.as_str()).into_iter().chain(current_error().map(|_| error_id.as_str())).collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field">
            <label for=id>{i18n.text(label)}</label>
            {hint.map(|h| view! { <p id=hint_id class="help">{i18n.text(h)}</p> })}
            <input
                id=id
                type=kind
                autocomplete=autocomplete
                maxlength="200"
                list=list
                lang=lang
                spellcheck=(kind == "email").then_some("false")
                aria-invalid=move || current_error().map(|_| "true")
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            {move || current_error().map(|m| view! { <p id=error_id.clone() class="field-error">{i18n.t(m)}</p> })}
        </div>
    }
}
