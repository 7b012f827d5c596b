use crate::domain::IncidentStatus;
use crate::i18n::coordinator;
use crate::i18n::Msg;
use crate::ui::components::CoordinatorGate;
use crate::ui::components::{Field, FormErrors, PageTitle, Select};
use crate::ui::incidents::IncidentAdminRow;
use crate::ui::incidents::{IncidentAdminDeclare, IncidentAdminDocument, IncidentAdminRates};
use crate::ui::state::{use_i18n, use_pool};
use crate::ui::wording::incident_status_msg;
use leptos::prelude::*;

const STATUSES: [IncidentStatus; 3] = [IncidentStatus::Declared, IncidentStatus::Documented, IncidentStatus::Settled];

/// Incidents: deadlines and late flags, the reimbursable amount from the depreciation table, the
/// not-replaced flag, and the status flow (declared → documented → settled), filtered by status;
/// the coordinator may declare an incident on any unit.
#[component]
pub fn IncidentsPage() -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let filter = RwSignal::new(None::<IncidentStatus>);
    let declaring = RwSignal::new(false);
    let documenting = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let errors = RwSignal::new(Vec::<String>::new());
    let total = Memo::new(move |_| pool.with_state(|s| s.incidents.len()));
    let table = move || {
        let lang = i18n.lang();
        let wanted = filter.get();
        let rows = pool.pool.with(|p| {
            let mut list: Vec<_> = p
                .state()
                .incidents
                .iter()
                .filter(|i| wanted.is_none_or(|w| i.status == w))
                .map(|i| {
                    let unit = p.state().catalogue.units.iter().find(|u| u.label == i.unit);
                    let model = unit
                        .and_then(|u| p.model(&u.model))
                        .map(|m| m.name_in(i18n.english()).to_owned())
                        .unwrap_or_default();
                    let value = unit.and_then(|u| u.replacement_value_cents);
                    (i.clone(), p.incident_assessment(&i.id).ok(), model, value)
                })
                .collect();
            list.sort_by(|a, b| b.0.discovered_at.cmp(&a.0.discovered_at).then_with(|| b.0.id.cmp(&a.0.id)));
            list
        });
        if rows.is_empty() {
            let msg = if total.get() == 0 { Msg::IncidentAdminNone } else { Msg::IncidentAdminNoneShown };
            return view! { <p>{i18n.text(msg)}</p> }.into_any();
        }
        let caption = coordinator::incident_admin_caption(lang, rows.len(), total.get());
        let body = rows
            .into_iter()
            .map(|(incident, assessment, model, value_cents)| {
                view! {
                    <IncidentAdminRow
                        incident=incident
                        assessment=assessment
                        model=model
                        value_cents=value_cents
                        documenting=documenting
                        notice=notice
                        errors=errors
                    />
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll" role="region" aria-labelledby="incidents-caption" tabindex="0">
                <table class="data-table incidents-table">
                    <caption id="incidents-caption">{caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.text(Msg::IncidentAdminColUnit)}</th>
                            <th scope="col">{i18n.text(Msg::IncidentAdminColKind)}</th>
                            <th scope="col">{i18n.text(Msg::IncidentAdminColDiscovered)}</th>
                            <th scope="col">{i18n.text(Msg::IncidentAdminColDeclared)}</th>
                            <th scope="col">{i18n.text(Msg::IncidentAdminColPolice)}</th>
                            <th scope="col">{i18n.text(Msg::IncidentAdminColAmount)}</th>
                            <th scope="col">{i18n.text(Msg::IncidentAdminColStatus)}</th>
                            <th scope="col">{i18n.text(Msg::IncidentAdminColAction)}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let options = move || {
        STATUSES
            .into_iter()
            .map(|s| {
                view! {
                    <option value=format!("{s:?}") selected=move || filter.get() == Some(s)>
                        {i18n.text(incident_status_msg(s))}
                    </option>
                }
            })
            .collect_view()
    };
    let on_filter = move |value: String| {
        filter.set(STATUSES.into_iter().find(|s| format!("{s:?}") == value));
    };
    let document_form = move || {
        documenting.get().map(|id| view! { <IncidentAdminDocument id=id documenting=documenting notice=notice /> })
    };
    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::CoordIncidentsTitle).to_owned()) />
        <CoordinatorGate>
            <h1>{i18n.text(Msg::CoordIncidentsTitle)}</h1>
            <p class="lead">{i18n.text(Msg::IncidentAdminIntro)}</p>
            <div class="admin-actions">
                <button type="button" class="button--primary" aria-expanded=move || declaring.get().to_string() on:click=move |_| declaring.update(|d| *d = !*d)>
                    {i18n.text(Msg::IncidentAdminDeclareOpen)}
                </button>
            </div>
            {move || declaring.get().then(|| view! { <IncidentAdminDeclare open=declaring notice=notice /> })}
            <p role="status" class="form-status">
                {move || notice.get()}
            </p>
            <FormErrors errors=errors />
            <Field label=Msg::IncidentAdminFilter class="field--inline">
                <Select on_change=on_filter>
                    <option value="" selected=move || filter.get().is_none()>{i18n.text(Msg::IncidentAdminFilterAll)}</option>
                    {options}
                </Select>
            </Field>
            {table}
            {document_form}
            <IncidentAdminRates />
        </CoordinatorGate>
    }
}
