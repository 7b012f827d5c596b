use crate::domain::admin::{slug_id, CatalogueEdit};
use crate::domain::{LocalizedText, PoolChange, Training};
use crate::i18n::coordinator;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::ui::components::{Field, FormErrors, NumberInput, TextInput};
use crate::ui::explain::explain;
use crate::ui::state::{use_i18n, use_pool};
use leptos::prelude::*;

/// Creating a training, or editing one: French and English names, validity in years (empty:
/// never expires). The outcome is announced in the caller's status line.
#[component]
pub fn TrainingAdminForm(
    /// The training edited; `None` to create one.
    existing: Option<Training>,
    /// Whether the form is shown; cleared when it closes.
    open: RwSignal<bool>,
    /// The caller's status line.
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let name_fr = RwSignal::new(existing.as_ref().map(|t| t.name.fr.clone()).unwrap_or_default());
    let name_en = RwSignal::new(existing.as_ref().and_then(|t| t.name.en.clone()).unwrap_or_default());
    let validity =
        RwSignal::new(existing.as_ref().and_then(|t| t.validity_years).map(|v| v.to_string()).unwrap_or_default());
    let errors = RwSignal::new(Vec::<String>::new());
    let existing_id = existing.map(|t| t.id);
    let is_new = existing_id.is_none();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = validity.get_untracked();
        let validity_years = match typed.trim() {
            "" => None,
            text => match text.parse::<u8>() {
                Ok(v) if v > 0 => Some(v),
                _ => {
                    errors.set(vec![i18n.t(Msg::TrainingAdminValidityInvalid).to_owned()]);
                    return;
                }
            },
        };
        let fr = name_fr.get_untracked().trim().to_owned();
        let en = Some(name_en.get_untracked().trim().to_owned()).filter(|e| !e.is_empty());
        let id = existing_id.clone().unwrap_or_else(|| {
            pool.pool.with_untracked(|p| slug_id(&fr, |id| p.state().catalogue.training(id).is_some()))
        });
        let training = Training { id, name: LocalizedText { fr: fr.clone(), en }, validity_years };
        let change = PoolChange::EditCatalogue { edit: CatalogueEdit::Training(training), today: clock::today() };
        match pool.apply(change) {
            Ok(_) => {
                errors.set(Vec::new());
                notice.set(Some(coordinator::training_admin_saved(i18n.lang(), &fr)));
                open.set(false);
            }
            Err(e) => errors.set(pool.pool.with_untracked(|p| explain(i18n.lang(), p, &e))),
        }
    };
    let heading = if is_new { Msg::TrainingAdminNewHeading } else { Msg::TrainingAdminEditHeading };
    view! {
        <form class="form admin-form" on:submit=submit novalidate>
            <h3>{i18n.text(heading)}</h3>
            <Field label=Msg::TrainingAdminNameFr>
                <TextInput value=name_fr attr:required=true />
            </Field>
            <Field label=Msg::TrainingAdminNameEn>
                <TextInput value=name_en attr:lang="en" />
            </Field>
            <Field label=Msg::TrainingAdminValidity hint=Msg::TrainingAdminValidityHint>
                <NumberInput value=validity max=50 />
            </Field>
            <FormErrors errors=errors />
            <div class="form-actions">
                <button type="submit" class="button--primary">
                    {i18n.text(Msg::TrainingAdminSave)}
                </button>
                <button type="button" on:click=move |_| open.set(false)>
                    {i18n.text(Msg::TrainingAdminCancel)}
                </button>
            </div>
        </form>
    }
}
