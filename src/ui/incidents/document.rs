use crate::domain::PoolChange;
use crate::i18n::coordinator;
use crate::i18n::money::parse_euros;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::platform::document::focus_by_id;
use crate::ui::components::{Field, FormErrors, TextInput};
use crate::ui::explain::explain;
use crate::ui::incidents::incident_name;
use crate::ui::state::{use_i18n, use_pool};
use leptos::prelude::*;

/// The ids of the form's fields, which it focuses.
const REPORT_ID: &str = "incident-document-report";
const QUOTE_ID: &str = "incident-document-quote";

/// Documenting an incident: the police report reference (theft and loss) and the quote, typed
/// in euros with a decimal comma or point; declared → documented.
#[component]
pub fn IncidentAdminDocument(
    /// The incident.
    id: String,
    /// The incident being documented; cleared when the form closes.
    documenting: RwSignal<Option<String>>,
    /// The page's status line.
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let Some(incident) = pool.with_state(|s| s.incidents.iter().find(|i| i.id == id).cloned()) else {
        return ().into_any();
    };
    let name = incident_name(i18n.lang(), &incident);
    let needs_report = incident.kind.needs_police_report();
    let report = RwSignal::new(incident.police_report.clone().unwrap_or_default());
    let quote = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<String>::new());
    // The form takes the focus on its first field, once drawn.
    let first = if needs_report { REPORT_ID } else { QUOTE_ID };
    Effect::new(move |_| focus_by_id(first));
    let done = coordinator::incident_admin_documented(i18n.lang(), &name);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let quote_cents = match parse_euros(&quote.get_untracked()) {
            Ok(cents) => cents,
            Err(e) => {
                errors.set(vec![i18n.t(e.message()).to_owned()]);
                return;
            }
        };
        let police_report = Some(report.get_untracked().trim().to_owned()).filter(|r| !r.is_empty());
        let change = PoolChange::DocumentIncident { id: id.clone(), police_report, quote_cents, at: clock::now() };
        match pool.apply(change) {
            Ok(_) => {
                errors.set(Vec::new());
                notice.set(Some(done.clone()));
                documenting.set(None);
            }
            Err(e) => errors.set(pool.pool.with_untracked(|p| explain(i18n.lang(), p, &e))),
        }
    };
    let heading = coordinator::incident_admin_document_heading(i18n.lang(), &name);
    let report_field = needs_report.then(|| {
        view! {
            <Field label=Msg::IncidentAdminPoliceReference id=REPORT_ID>
                <TextInput value=report maxlength=100 />
            </Field>
        }
    });
    view! {
        <form class="form admin-form" on:submit=submit novalidate aria-labelledby="incident-document-heading">
            <h2 id="incident-document-heading">{heading}</h2>
            {report_field}
            <Field label=Msg::IncidentAdminQuoteLabel hint=Msg::IncidentAdminQuoteHint id=QUOTE_ID>
                <TextInput value=quote maxlength=20 attr:inputmode="decimal" autocomplete="off" />
            </Field>
            <FormErrors errors=errors />
            <div class="form-actions">
                <button type="submit" class="button--primary">{i18n.text(Msg::IncidentAdminDocumentSubmit)}</button>
                <button type="button" on:click=move |_| documenting.set(None)>{i18n.text(Msg::IncidentAdminCancel)}</button>
            </div>
        </form>
    }
    .into_any()
}
