use crate::domain::admin::CatalogueEdit;
use crate::domain::{PoolChange, TrainingSession};
use crate::i18n::coordinator;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::ui::components::{DateField, Field, FormErrors, NumberInput, TextInput};
use crate::ui::explain::explain;
use crate::ui::state::{use_i18n, use_pool};
use crate::ui::wording::long;
use leptos::prelude::*;

/// Creating a session of a training, or editing one: first and last day (the last defaults to
/// the first), place, number of seats. Enrolments are kept when a session is edited.
#[component]
pub fn TrainingAdminSessionForm(
    /// The training given.
    training: String,
    /// The session edited; `None` to create one.
    existing: Option<TrainingSession>,
    /// Whether the form is shown; cleared when it closes.
    open: RwSignal<bool>,
    /// The caller's status line.
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let today = clock::today();
    let key = existing.as_ref().map_or_else(|| format!("new-{training}"), |s| s.id.clone());
    let start = RwSignal::new(existing.as_ref().map(|s| s.start));
    let end = RwSignal::new(existing.as_ref().map(|s| s.end));
    let place = RwSignal::new(existing.as_ref().map(|s| s.place.clone()).unwrap_or_default());
    let capacity = RwSignal::new(existing.as_ref().map_or_else(|| "12".to_owned(), |s| s.capacity.to_string()));
    let errors = RwSignal::new(Vec::<String>::new());
    let existing_id = existing.map(|s| s.id);
    let is_new = existing_id.is_none();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(first) = start.get_untracked() else {
            errors.set(vec![i18n.t(Msg::SessionAdminStartMissing).to_owned()]);
            return;
        };
        let last = end.get_untracked().unwrap_or(first);
        let Ok(seats) = capacity.get_untracked().trim().parse::<u16>() else {
            errors.set(vec![i18n.t(Msg::SessionAdminCapacityInvalid).to_owned()]);
            return;
        };
        // A new session's id is minted by the pool when it is saved.
        let id = existing_id.clone().unwrap_or_default();
        let session = TrainingSession {
            id,
            training: training.clone(),
            start: first,
            end: last,
            place: place.get_untracked().trim().to_owned(),
            capacity: seats,
            enrolled: Vec::new(),
            others: 0,
        };
        let change = PoolChange::EditCatalogue { edit: CatalogueEdit::Session(session), today: clock::today() };
        match pool.apply(change) {
            Ok(_) => {
                errors.set(Vec::new());
                notice.set(Some(coordinator::session_admin_saved(i18n.lang(), &long(i18n.lang(), first))));
                open.set(false);
            }
            Err(e) => errors.set(pool.pool.with_untracked(|p| explain(i18n.lang(), p, &e))),
        }
    };
    let start_id = format!("session-{key}-start");
    let end_id = format!("session-{key}-end");
    let heading = if is_new { Msg::SessionAdminNewHeading } else { Msg::SessionAdminEditHeading };
    view! {
        <form class="form admin-form" on:submit=submit novalidate>
            <h4>{i18n.text(heading)}</h4>
            <DateField label=Msg::SessionAdminStart value=start today=today id=start_id />
            <DateField label=Msg::SessionAdminEnd value=end min=Signal::derive(move || start.get()) today=today id=end_id />
            <Field label=Msg::SessionAdminPlace>
                <TextInput value=place attr:required=true />
            </Field>
            <Field label=Msg::SessionAdminCapacity>
                <NumberInput value=capacity max=500 />
            </Field>
            <FormErrors errors=errors />
            <div class="form-actions">
                <button type="submit" class="button--primary">
                    {i18n.text(Msg::SessionAdminSave)}
                </button>
                <button type="button" on:click=move |_| open.set(false)>
                    {i18n.text(Msg::TrainingAdminCancel)}
                </button>
            </div>
        </form>
    }
}
