//! The form toolkit: a [`Field`] (label, hint, error) and the controls that go in it
//! ([`TextInput`], [`TextArea`], [`NumberInput`], [`Select`], [`FileInput`]), in the manner of
//! thaw's `Field`. The field owns the ids and tells its control, through context, its id and
//! the ids that describe it; the control sets `id`, `aria-describedby` and `aria-invalid` from
//! them, so no form writes that wiring by hand.
//!
//! A control is one element: any other attribute or event a form needs goes on it from the call
//! site (`attr:autocomplete="email"`, `on:change=…`), and Leptos passes it to the element.

use crate::i18n::Msg;
use crate::ui::state::use_i18n;
use leptos::context::Provider;
use leptos::either::Either;
use leptos::html;
use leptos::prelude::*;
use std::sync::atomic::{AtomicU32, Ordering};

/// The number of the next field that is not given an id (see [`Field`]'s `id`).
static NEXT_FIELD: AtomicU32 = AtomicU32::new(0);

/// A text a field shows: a message of the tables (it follows the language), or a text built at
/// run time (a unit's model and number, a message with its arguments filled).
#[derive(Clone, Copy)]
pub enum FieldText {
    /// A message, shown in the current language.
    Msg(Msg),
    /// A text computed by the form.
    Computed(Signal<String>),
}

impl From<Msg> for FieldText {
    fn from(msg: Msg) -> Self {
        Self::Msg(msg)
    }
}

impl From<Signal<String>> for FieldText {
    fn from(text: Signal<String>) -> Self {
        Self::Computed(text)
    }
}

impl From<String> for FieldText {
    fn from(text: String) -> Self {
        Self::Computed(Signal::stored(text))
    }
}

// A hint is optional: this lets a form write `hint=Msg::…` (or `hint=FieldText::…`), and a
// wrapper pass its own `Option` on.
impl From<Msg> for Option<FieldText> {
    fn from(msg: Msg) -> Self {
        Some(FieldText::Msg(msg))
    }
}

/// The id a form gives a field's control, if it gives one (`id="book-notes"`); else the field
/// makes one up.
#[derive(Clone, Default)]
pub struct FieldId(Option<String>);

impl From<&str> for FieldId {
    fn from(id: &str) -> Self {
        Self(Some(id.to_owned()))
    }
}

impl From<String> for FieldId {
    fn from(id: String) -> Self {
        Self(Some(id))
    }
}

impl FieldText {
    /// The text as a view.
    fn view(self) -> impl IntoView {
        match self {
            Self::Msg(msg) => Either::Left(use_i18n().text(msg)),
            Self::Computed(text) => Either::Right(text),
        }
    }
}

/// The ids of one field: its control's, and the hint's and the error's derived from it.
struct FieldIds {
    control: String,
    hint: String,
    error: String,
}

/// What a control inside a [`Field`] wires itself with: its id and the ids of the hint and the
/// error that describe it. Found in context; a control outside any field gets a fresh id and
/// nothing describing it.
#[derive(Clone, Copy)]
pub struct FieldControl {
    ids: StoredValue<FieldIds>,
    has_hint: bool,
    error: MaybeProp<String>,
}

impl FieldControl {
    /// The wiring of a field whose control has `id` (a fresh one when `None`).
    fn new(id: Option<String>, has_hint: bool, error: MaybeProp<String>) -> Self {
        let control = id.unwrap_or_else(|| format!("field-{}", NEXT_FIELD.fetch_add(1, Ordering::Relaxed)));
        let ids = FieldIds { hint: format!("{control}-hint"), error: format!("{control}-error"), control };
        Self { ids: StoredValue::new(ids), has_hint, error }
    }

    /// The wiring of the field around the caller, or, outside any field, a fresh id alone.
    pub fn current() -> Self {
        use_context::<Self>().unwrap_or_else(|| Self::new(None, false, MaybeProp::default()))
    }

    /// The wiring of a control outside any field, named `id` (a label elsewhere, a test).
    pub fn alone(id: String) -> Self {
        Self::new(Some(id), false, MaybeProp::default())
    }

    /// The control's id, which the label names.
    fn id(self) -> String {
        self.ids.with_value(|ids| ids.control.clone())
    }

    /// Whether an error shows.
    fn has_error(self) -> bool {
        self.error.with(Option::is_some)
    }

    /// The ids that describe the control now: the hint's, and the error's while one shows.
    fn described_by(self) -> Option<String> {
        let error = self.has_error();
        self.ids.with_value(|ids| match (self.has_hint, error) {
            (true, true) => Some(format!("{} {}", ids.hint, ids.error)),
            (true, false) => Some(ids.hint.clone()),
            (false, true) => Some(ids.error.clone()),
            (false, false) => None,
        })
    }

    /// `aria-invalid`'s value: `"true"` while an error shows, else absent.
    fn invalid(self) -> Option<&'static str> {
        self.has_error().then_some("true")
    }

    /// The attributes that tie a control's element to its field: its id, `aria-invalid` and
    /// `aria-describedby`, spread onto the element (`<input {..control.wiring()} />`).
    pub fn wiring(self) -> impl leptos::attr::Attribute {
        view! { <{..} id=self.id() aria-invalid=move || self.invalid() aria-describedby=move || self.described_by() /> }
    }
}

/// A labelled form field: the label, an optional hint under it, the control (the children: one
/// of this module's controls, which take their id and `aria-*` from the field), and the error
/// while there is one. Keeps the app's classes (`field`, `help`, `field-error`).
#[component]
pub fn Field(
    /// The label, naming the control.
    #[prop(into)]
    label: FieldText,
    /// A hint shown between the label and the control, and read with the control.
    #[prop(optional_no_strip, into)]
    hint: Option<FieldText>,
    /// The current error, if any: shown under the control, read with it, and marking it invalid.
    #[prop(optional, into)]
    error: MaybeProp<String>,
    /// The control's id, when something else names it (a test, a focus, a link); else one is
    /// made up. The hint's and error's ids are this id followed by `-hint` and `-error`.
    #[prop(optional, into)]
    id: FieldId,
    /// More classes on the field (`field--wide`, `field--inline`).
    #[prop(optional)]
    class: &'static str,
    /// Whether an appearing error is announced (a live region stays in place for it): for an
    /// error set by submitting, that the user did not just type into.
    #[prop(optional)]
    announce_error: bool,
    /// The control, and whatever sits beside it (a button, a datalist).
    children: Children,
) -> impl IntoView {
    let control = FieldControl::new(id.0, hint.is_some(), error);
    let class = if class.is_empty() { "field".to_owned() } else { format!("field {class}") };
    let (control_id, hint_id, error_id) =
        control.ids.with_value(|ids| (ids.control.clone(), ids.hint.clone(), ids.error.clone()));
    let error_text = move || error.get().map(|text| view! { <p id=error_id.clone() class="field-error">{text}</p> });
    view! {
        <div class=class>
            <label for=control_id>{label.view()}</label>
            {hint.map(|hint| view! { <p id=hint_id class="help">{hint.view()}</p> })}
            <Provider value=control>{children()}</Provider>
            {if announce_error {
                Either::Left(view! { <div role="alert">{error_text}</div> })
            } else {
                Either::Right(error_text)
            }}
        </div>
    }
}

/// The input types that take a `maxlength` (a time or a date has its own format).
const TYPES_WITH_LENGTH: [&str; 6] = ["text", "search", "url", "tel", "email", "password"];

/// A one-line input in a [`Field`], its text bound to `value` (`bind:value`).
#[component]
pub fn TextInput(
    /// The text.
    value: RwSignal<String>,
    /// The input type: `text`, `email`, `password`, `search`, `url`, `time`.
    #[prop(default = "text")]
    kind: &'static str,
    /// The longest text accepted (text-like types only).
    #[prop(default = 200)]
    maxlength: u32,
    /// A reference for a form that moves the focus to the input.
    #[prop(optional)]
    node_ref: NodeRef<html::Input>,
) -> impl IntoView {
    let control = FieldControl::current();
    view! {
        <input
            {..control.wiring()}
            type=kind
            maxlength=TYPES_WITH_LENGTH.contains(&kind).then_some(maxlength)
            node_ref=node_ref
            bind:value=value
        />
    }
}

/// A multi-line text in a [`Field`], bound to `value`.
#[component]
pub fn TextArea(
    /// The text.
    value: RwSignal<String>,
    /// The lines shown.
    #[prop(default = 3)]
    rows: u32,
    /// The longest text accepted.
    #[prop(default = 2000)]
    maxlength: u32,
) -> impl IntoView {
    let control = FieldControl::current();
    view! {
        <textarea
            {..control.wiring()}
            rows=rows
            maxlength=maxlength
            bind:value=value
        ></textarea>
    }
}

/// The attributes of an input of whole numbers from 1: the narrow `qty` look, a number pad on
/// phones, the bounds suggested to the browser (`max`, when there is a sensible one).
pub fn whole_number(max: Option<u32>) -> impl leptos::attr::Attribute {
    view! { <{..} class="qty" type="number" inputmode="numeric" min="1" max=max /> }
}

/// A whole number from 1 typed in a [`Field`], bound to `value` as typed (the form reads it
/// when it is submitted, and says what is wrong with it).
#[component]
pub fn NumberInput(
    /// The number as typed.
    value: RwSignal<String>,
    /// The largest number suggested to the browser.
    max: u32,
) -> impl IntoView {
    let control = FieldControl::current();
    view! { <input {..control.wiring()} {..whole_number(Some(max))} bind:value=value /> }
}

/// A choice list in a [`Field`]. Its options mark themselves `selected` and the form listens
/// with `on:change`: a bound value would be set before the options exist, and select nothing.
#[component]
pub fn Select(
    /// The options.
    children: Children,
) -> impl IntoView {
    let control = FieldControl::current();
    view! {
        <select
            {..control.wiring()}
        >
            {children()}
        </select>
    }
}

/// A file chooser in a [`Field`]; the form reads the file with `on:change`.
#[component]
pub fn FileInput(
    /// The file types offered (`accept`).
    accept: &'static str,
) -> impl IntoView {
    let control = FieldControl::current();
    view! {
        <input
            {..control.wiring()}
            type="file"
            accept=accept
        />
    }
}

/// A form's errors, announced when they appear: one line each, in the place the form keeps
/// for them (the same block under every coordinator form).
#[component]
pub fn FormErrors(
    /// The errors to show; empty shows nothing.
    #[prop(into)]
    errors: Signal<Vec<String>>,
) -> impl IntoView {
    view! {
        <div role="alert" class="field-errors">
            {move || errors.get().into_iter().map(|e| view! { <p class="field-error">{e}</p> }).collect_view()}
        </div>
    }
}
