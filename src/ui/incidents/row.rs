use crate::domain::incident::deadline;
use crate::domain::{Incident, IncidentAssessment, IncidentStatus, PoolChange};
use crate::i18n::coordinator;
use crate::i18n::money::{format_euros, format_percent};
use crate::i18n::{Lang, Msg};
use crate::platform::clock;
use crate::ui::components::{Icon, IconKind};
use crate::ui::explain::explain;
use crate::ui::routes;
use crate::ui::state::{use_i18n, use_links, use_pool};
use crate::ui::wording::{incident_kind_msg, incident_status_msg, short};
use chrono::{NaiveDateTime, Timelike};
use leptos::prelude::*;
use leptos_router::components::A;

/// A day and time in a table: "30/11/2026 à 10:05".
pub fn day_and_time(lang: Lang, at: NaiveDateTime) -> String {
    let time = format!("{:02}:{:02}", at.hour(), at.minute());
    coordinator::incident_admin_at(lang, &short(at.date()), &time)
}

/// The name of an incident in the buttons that act on it: its unit and day of discovery.
pub fn incident_name(lang: Lang, incident: &Incident) -> String {
    coordinator::incident_admin_name(lang, &incident.unit, &short(incident.discovered_at.date()))
}

/// One incident in the coordinator's list: unit and model, kind, discovery and declaration
/// (late flag past 48 hours), the police report deadline for theft and loss, the reimbursable
/// amount from the depreciation table, the status and the next step (document, settle).
#[component]
pub fn IncidentAdminRow(
    /// The incident.
    incident: Incident,
    /// Its assessment (`None` if its unit is unknown).
    assessment: Option<IncidentAssessment>,
    /// The unit's model name and replacement value.
    model: String,
    /// The unit's replacement value, if known.
    value_cents: Option<u64>,
    /// The incident being documented (the form under the table).
    documenting: RwSignal<Option<String>>,
    /// The page's status line.
    notice: RwSignal<Option<String>>,
    /// The page's error line.
    errors: RwSignal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let links = use_links();
    let lang = i18n.lang();
    let now = clock::now();
    let flag = |text: String| {
        view! {
            <span class="flag flag--late">
                <Icon kind=IconKind::Unavailable />
                {text}
            </span>
        }
    };
    let declared = {
        let when = day_and_time(lang, incident.declared_at);
        let state = if incident.is_late() {
            flag(i18n.t(Msg::IncidentAdminLate).to_owned()).into_any()
        } else {
            view! { <span class="flag">{i18n.t(Msg::IncidentAdminOnTime)}</span> }.into_any()
        };
        view! { {when} <br /> {state} }
    };
    let police = if !incident.kind.needs_police_report() {
        view! { <span>{i18n.t(Msg::IncidentAdminPoliceNotNeeded)}</span> }.into_any()
    } else {
        let late = incident.police_report_late(now);
        let due = deadline(incident.discovered_at);
        let main = match &incident.police_report {
            Some(reference) => coordinator::incident_admin_police_given(i18n.lang(), reference),
            None => coordinator::incident_admin_police_due(i18n.lang(), &day_and_time(lang, due)),
        };
        view! {
            {main}
            {late.then(|| view! { <br /> {flag(i18n.t(Msg::IncidentAdminPoliceLate).to_owned())} })}
        }
        .into_any()
    };
    let amount = match &assessment {
        None => view! { <span>{i18n.t(Msg::IncidentAdminUnitUnknown)}</span> }.into_any(),
        Some(a) => {
            let age = coordinator::incident_admin_age(i18n.lang(), a.age_years.max(0).unsigned_abs() as usize);
            let detail = match value_cents {
                Some(value) => coordinator::incident_admin_rate_of(
                    i18n.lang(),
                    &format_percent(lang, a.rate_percent),
                    &format_euros(lang, value),
                    &age,
                ),
                None => coordinator::incident_admin_no_value(lang, &format_percent(lang, a.rate_percent), &age),
            };
            let total = a.reimbursable_cents.map(|c| format_euros(lang, c));
            view! {
                {total.map(|t| view! { <strong>{t}</strong> <br /> })}
                <span class="help">{detail}</span>
                {a.not_replaced.then(|| view! { <br /> {flag(i18n.t(Msg::IncidentAdminNotReplaced).to_owned())} })}
                {incident.quote_cents.map(|q| view! { <br /> <span>{coordinator::incident_admin_quote(i18n.lang(), &format_euros(lang, q))}</span> })}
            }
            .into_any()
        }
    };
    let status_icon = match incident.status {
        IncidentStatus::Settled => IconKind::Check,
        _ => IconKind::Units,
    };
    let name = incident_name(lang, &incident);
    let action = match incident.status {
        IncidentStatus::Declared => {
            let id = incident.id.clone();
            let label = coordinator::incident_admin_document_named(i18n.lang(), &name);
            view! {
                <button type="button" aria-label=label on:click=move |_| documenting.set(Some(id.clone()))>
                    {i18n.t(Msg::IncidentAdminDocument)}
                </button>
            }
            .into_any()
        }
        IncidentStatus::Documented => {
            let id = incident.id.clone();
            let label = coordinator::incident_admin_settle_named(i18n.lang(), &name);
            let settled = coordinator::incident_admin_settled(i18n.lang(), &name);
            let settle = move |_| match pool.apply(PoolChange::SettleIncident { id: id.clone(), at: clock::now() }) {
                Ok(_) => {
                    errors.set(Vec::new());
                    notice.set(Some(settled.clone()));
                }
                Err(e) => errors.set(pool.pool.with_untracked(|p| explain(i18n.lang(), p, &e))),
            };
            view! {
                <button type="button" aria-label=label on:click=settle>
                    {i18n.t(Msg::IncidentAdminSettle)}
                </button>
            }
            .into_any()
        }
        IncidentStatus::Settled => view! { <span>{i18n.t(Msg::IncidentAdminNothingToDo)}</span> }.into_any(),
    };
    let href = links.to(&routes::unit(&incident.unit));
    view! {
        <tr>
            <th scope="row">
                <A href=href>{incident.unit.clone()}</A>
                <br />
                <span class="help">{model}</span>
            </th>
            <td>{i18n.t(incident_kind_msg(incident.kind))}</td>
            <td>{day_and_time(lang, incident.discovered_at)}</td>
            <td>{declared}</td>
            <td>{police}</td>
            <td>{amount}</td>
            <td>
                <span class="status">
                    <Icon kind=status_icon />
                    {i18n.t(incident_status_msg(incident.status))}
                </span>
            </td>
            <td>{action}</td>
        </tr>
    }
}
