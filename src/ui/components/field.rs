//! The form toolkit: a [`Field`] (label, hint, error) and the controls that go in it
//! ([`TextInput`], [`TextArea`], [`NumberInput`], [`Select`], [`FileInput`]), in the manner of
//! thaw's `Field`. The field owns the ids and tells its control, through context, its id and
//! the ids that describe it; the control sets `id`, `aria-describedby` and `aria-invalid` from
//! them, so no form writes that wiring by hand.
//!
//! A control is one element: an attribute the form needs beyond its props goes on it from the
//! call site (`attr:lang="en"`), and Leptos passes it to the element.
//!
//! The catalogue's filters use these on the first screen, so the module is written for size:
//! the choices the comments below explain were each measured on the release build's first load.

use crate::i18n::Msg;
use crate::ui::state::use_i18n;
use leptos::prelude::*;
use leptos::tachys::reactive_graph::OwnedView;
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

impl FieldText {
    /// The text, following the language. One type for both kinds, so a field renders one view.
    fn text(self) -> Signal<String> {
        match self {
            Self::Msg(msg) => {
                let i18n = use_i18n();
                Signal::derive(move || i18n.t(msg).to_owned())
            }
            Self::Computed(text) => text,
        }
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

/// What a control inside a [`Field`] wires itself with: its id, and the ids of the hint and of
/// the error that describe it (the control's id followed by `-hint`, `-error`). Found in
/// context; a control outside any field gets a fresh id and nothing describing it.
#[derive(Clone)]
pub struct FieldControl {
    id: String,
    has_hint: bool,
    error: Option<Signal<Option<String>>>,
}

impl FieldControl {
    /// The wiring of a field whose control has `id` (a fresh one when `None`).
    fn new(id: Option<String>, has_hint: bool, error: Option<Signal<Option<String>>>) -> Self {
        let id = id.unwrap_or_else(|| format!("field-{}", NEXT_FIELD.fetch_add(1, Ordering::Relaxed)));
        Self { id, has_hint, error }
    }

    /// The wiring of the field around the caller, or, outside any field, a fresh id alone.
    pub fn current() -> Self {
        use_context::<Self>().unwrap_or_else(|| Self::new(None, false, None))
    }

    /// The wiring of a control outside any field, named `id` (a label elsewhere, a test).
    pub fn alone(id: String) -> Self {
        Self::new(Some(id), false, None)
    }

    /// The control's id, which the label names.
    pub fn id(&self) -> String {
        self.id.clone()
    }

    /// `aria-invalid`'s value as it changes: `"true"` while an error shows, else absent. (A
    /// control wraps it in a closure of its own: written as a closure in the view, an attribute
    /// value shares its rendering code with every other of the same type.)
    pub fn invalid(&self) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static {
        let error = self.error;
        move || error.is_some_and(|error| error.with(Option::is_some)).then_some("true")
    }

    /// `aria-describedby`'s value as it changes: the hint's id, and the error's while one shows.
    pub fn described_by(&self) -> impl Fn() -> Option<String> + Send + Sync + 'static {
        let (error, hint) = (self.error, self.has_hint.then(|| format!("{}-hint", self.id)));
        let error_id = format!("{}-error", self.id);
        move || match (&hint, error.is_some_and(|error| error.with(Option::is_some))) {
            (Some(hint), true) => Some(format!("{hint} {error_id}")),
            (Some(hint), false) => Some(hint.clone()),
            (None, true) => Some(error_id.clone()),
            (None, false) => None,
        }
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
    error: Option<Signal<Option<String>>>,
    /// The control's id, when something else names it (a test, a focus, a link); else one is
    /// made up. The hint's and error's ids are this id followed by `-hint` and `-error`.
    #[prop(optional, into)]
    id: FieldId,
    /// More classes on the field (`field--wide`, `field--inline`).
    #[prop(optional)]
    class: &'static str,
    /// Whether an appearing error is announced (its container is then a live region, in place
    /// before the error): for an error set by submitting, that the user did not just type into.
    #[prop(optional)]
    announce_error: bool,
    /// The control, and whatever sits beside it (a button, a datalist).
    children: Children,
) -> impl IntoView {
    let control = FieldControl::new(id.0, hint.is_some(), error);
    let class = if class.is_empty() { "field".to_owned() } else { format!("field {class}") };
    let control_id = control.id();
    let (hint_id, error_id) = (format!("{control_id}-hint"), format!("{control_id}-error"));
    // The control finds its wiring in a context of its own owner, as thaw's and Leptos's
    // `Provider` do (written out: the component costs first-load bytes of its own).
    let owner = Owner::current().map_or_else(Owner::new, |parent| parent.child());
    let control_view = owner.with(|| {
        provide_context(control);
        children()
    });
    let control_view = OwnedView::new_with_owner(control_view, owner);
    view! {
        <div class=class>
            <label for=control_id>{label.text()}</label>
            {hint.map(|hint| view! { <p id=hint_id class="help">{hint.text()}</p> })}
            {control_view}
            // Hidden while empty (`.field-errors:empty`), so it takes no room in the field.
            <div class="field-errors" role=announce_error.then_some("alert")>
                {move || {
                    let text = error.and_then(|error| error.get())?;
                    Some(view! { <p id=error_id.clone() class="field-error">{text}</p> })
                }}
            </div>
        </div>
    }
}

/// The input types that take a `maxlength` (a time or a date has its own format).
const TYPES_WITH_LENGTH: [&str; 6] = ["text", "search", "url", "tel", "email", "password"];

// Each control writes out its `id`, `aria-invalid` and `aria-describedby` rather than spreading
// one shared attribute set, and takes as props what most forms give it (`on_change`,
// `autocomplete`): an attribute spread or passed to a component is type-erased in this build
// (`erase_components`), with code of its own for each call site; on the first load (the
// catalogue's filters) that cost about 1.5 kB brotli, measured.

/// A one-line input in a [`Field`]. Its text is bound to `value` by `prop:value` and `on:input`,
/// as everywhere on the first screen: `bind:value` would bring its own event and memo code to the
/// first load (about 1.5 kB brotli, measured) for the search box alone.
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
    /// The autocomplete token, if any (`off`, `email`, `current-password`).
    #[prop(optional)]
    autocomplete: Option<&'static str>,
) -> impl IntoView {
    let control = FieldControl::current();
    let (invalid, described_by) = (control.invalid(), control.described_by());
    view! {
        <input
            id=control.id()
            aria-invalid=move || invalid()
            aria-describedby=move || described_by()
            type=kind
            autocomplete=autocomplete
            maxlength=TYPES_WITH_LENGTH.contains(&kind).then_some(maxlength)
            prop:value=move || value.get()
            on:input=move |ev| value.set(event_target_value(&ev))
        />
    }
}

/// A multi-line text in a [`Field`], bound to `value` (`bind:value`).
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
    let (invalid, described_by) = (control.invalid(), control.described_by());
    view! {
        <textarea
            id=control.id()
            aria-invalid=move || invalid()
            aria-describedby=move || described_by()
            rows=rows
            maxlength=maxlength
            bind:value=value
        ></textarea>
    }
}

/// A whole number from 1 typed in a [`Field`], bound to `value` as typed (`bind:value`; the
/// form reads it when it is submitted, and says what is wrong with it). Looks and behaves as
/// [`QuantityInput`](super::QuantityInput): the narrow `qty` look, a number pad on phones.
#[component]
pub fn NumberInput(
    /// The number as typed.
    value: RwSignal<String>,
    /// The largest number suggested to the browser.
    max: u32,
) -> impl IntoView {
    let control = FieldControl::current();
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
            bind:value=value
        />
    }
}

/// A choice list in a [`Field`]. Its options mark themselves `selected`, and `on_change` hears
/// each choice: a bound value would be set before the options exist, and select nothing.
#[component]
pub fn Select(
    /// Receives the value of each option chosen.
    #[prop(into)]
    on_change: Callback<String>,
    /// The options.
    children: Children,
) -> impl IntoView {
    let control = FieldControl::current();
    let (invalid, described_by) = (control.invalid(), control.described_by());
    view! {
        <select
            id=control.id()
            aria-invalid=move || invalid()
            aria-describedby=move || described_by()
            on:change=move |ev| on_change.run(event_target_value(&ev))
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
    let (invalid, described_by) = (control.invalid(), control.described_by());
    view! {
        <input
            id=control.id()
            aria-invalid=move || invalid()
            aria-describedby=move || described_by()
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
