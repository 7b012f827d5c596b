use crate::i18n::Msg;
use crate::ui::components::{Field, FieldId, FieldText, TextInput};
use leptos::prelude::*;

/// A [`Field`] holding a one-line [`TextInput`], for the common case: a label, an optional hint
/// and error, autocomplete off unless told, e-mail addresses not spell-checked.
#[component]
pub fn TextField(
    /// The input's id, when something else names it; else one is made up (see [`Field`]).
    #[prop(optional, into)]
    id: FieldId,
    /// The label.
    label: Msg,
    /// The text.
    value: RwSignal<String>,
    /// A hint shown between the label and the input.
    #[prop(optional)]
    hint: Option<Msg>,
    /// The current error, if any.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// The input type (`text`, `email`, `url`).
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
    view! {
        <Field label=label hint=hint.map(FieldText::Msg) error=error id=id>
            <TextInput
                value=value
                kind=kind
                autocomplete=autocomplete
                attr:list=list
                attr:lang=lang
                attr:spellcheck=(kind == "email").then_some("false")
            />
        </Field>
    }
}
