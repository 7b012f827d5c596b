use crate::domain::{Booking, BookingStatus, Incident, Unit};
use crate::i18n::money::format_euros;
use crate::i18n::teacher;
use crate::i18n::Lang;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::ui::components::PageTitle;
use crate::ui::routes;
use crate::ui::state::{use_i18n, use_links, use_pool, use_role};
use crate::ui::wording::{condition_msg, incident_kind_msg, incident_status_msg, long, service_msg, short, status_msg};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// A loan of the unit as the page shows it.
#[derive(Clone, PartialEq)]
struct Loan {
    booking: Booking,
    teacher: String,
    school: String,
}

/// What the page shows of one unit.
#[derive(Clone, PartialEq)]
struct UnitFacts {
    unit: Unit,
    model_name: String,
    /// Loans that included it, most recent first; the current one is the one handed over.
    loans: Vec<Loan>,
    incidents: Vec<Incident>,
}

/// One unit, as its label's QR code opens it: its current loan, its loans, its incidents.
/// Readable in both modes; the replacement value and the links to the coordinator's pages only
/// in coordinator mode.
#[component]
pub fn UnitPage() -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let links = use_links();
    let role = use_role();
    let params = use_params_map();
    let label = Memo::new(move |_| params.with(routes::page_id));
    let facts = Memo::new(move |_| {
        let label = label.get();
        pool.pool.with(|p| {
            let state = p.state();
            let unit = state.catalogue.units.iter().find(|u| u.label == label)?.clone();
            let model_name =
                p.model(&unit.model).map_or_else(|| unit.model.clone(), |m| m.name_in(i18n.english()).to_owned());
            let loans: Vec<Loan> = p
                .loans_of_unit(&label)
                .into_iter()
                .map(|b| {
                    let borrower = p.borrower(&b.teacher);
                    Loan {
                        booking: b.clone(),
                        teacher: borrower.name().to_owned(),
                        school: borrower.school_name().to_owned(),
                    }
                })
                .collect();
            let incidents = state.incidents.iter().filter(|i| i.unit == label).cloned().collect();
            Some(UnitFacts { unit, model_name, loans, incidents })
        })
    });
    let title = Signal::derive(move || match facts.with(Option::is_some) {
        true => teacher::unit_title(i18n.lang(), &label.get()),
        false => i18n.t(Msg::UnitNotFoundTitle).to_owned(),
    });
    let booking_link = move |id: String| {
        if role.coordinator.get() {
            let href = links.to(&routes::desk(&id));
            view! { <A href=href>{id}</A> }.into_any()
        } else {
            view! { <span>{id}</span> }.into_any()
        }
    };

    let body = move || {
        let lang = i18n.lang();
        let coordinator = role.coordinator.get();
        let Some(UnitFacts { unit, model_name, loans, incidents }) = facts.get() else {
            let text = teacher::unit_not_found_text(i18n.lang(), &label.get());
            return view! {
                <h1>{i18n.t(Msg::UnitNotFoundTitle)}</h1>
                <p>{text}</p>
            }
            .into_any();
        };
        let today = clock::today();
        let heading = teacher::unit_title(i18n.lang(), &unit.label);
        let model_href = links.to(&routes::model(&unit.model));
        let value = coordinator.then(|| {
            let shown = unit
                .replacement_value_cents
                .map_or_else(|| i18n.t(Msg::CatNoValue).to_owned(), |c| format_euros(lang, c));
            view! {
                <dt>{i18n.t(Msg::UnitValue)}</dt>
                <dd>{shown}</dd>
            }
        });
        let edit = coordinator.then(|| {
            let href = links.to(&routes::catalogue_admin(Some(&unit.model)));
            view! {
                <p class="no-print">
                    <A href=href>{i18n.t(Msg::UnitEditInCatalogue)}</A>
                </p>
            }
        });
        let current = loans.iter().find(|l| l.booking.status == BookingStatus::HandedOver).map(|loan| {
            let b = &loan.booking;
            let period = teacher::unit_loan_period_value(i18n.lang(), &long(lang, b.start), &long(lang, b.end));
            let overdue = b.is_overdue(today);
            let due_sentence: fn(Lang, &str) -> String =
                if overdue { teacher::unit_loan_overdue } else { teacher::unit_loan_due };
            let due = due_sentence(lang, &long(lang, b.end));
            view! {
                <dl class="facts">
                    <dt>{i18n.t(Msg::UnitLoanBooking)}</dt>
                    <dd>{booking_link(b.id.clone())}</dd>
                    <dt>{i18n.t(Msg::UnitLoanTeacher)}</dt>
                    <dd>{loan.teacher.clone()}</dd>
                    <dt>{i18n.t(Msg::UnitLoanSchool)}</dt>
                    <dd>{loan.school.clone()}</dd>
                    <dt>{i18n.t(Msg::UnitLoanPeriod)}</dt>
                    <dd>{period}</dd>
                    <dt>{i18n.t(Msg::UnitLoanReturn)}</dt>
                    <dd class:unit-overdue=overdue>{if overdue { "⚠ " } else { "" }} {due}</dd>
                </dl>
            }
        });
        let current = match current {
            Some(v) => v.into_any(),
            None => view! { <p>{i18n.t(Msg::UnitNoLoan)}</p> }.into_any(),
        };
        let history = if loans.is_empty() {
            view! { <p>{i18n.t(Msg::UnitNoHistory)}</p> }.into_any()
        } else {
            let rows = loans
                .iter()
                .map(|loan| {
                    let b = &loan.booking;
                    let assigned = b.units.iter().find(|u| u.label == unit.label);
                    let out = assigned.map(|a| i18n.t(condition_msg(a.condition_out))).unwrap_or_default();
                    let back = assigned
                        .and_then(|a| a.condition_in)
                        .map_or_else(|| i18n.t(Msg::UnitNotBack), |c| i18n.t(condition_msg(c)));
                    view! {
                        <tr>
                            <th scope="row">{booking_link(b.id.clone())}</th>
                            <td>{loan.teacher.clone()}</td>
                            <td>{format!("{} – {}", short(b.start), short(b.end))}</td>
                            <td>{i18n.t(status_msg(b.status))}</td>
                            <td>{out}</td>
                            <td>{back}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="data-table">
                    <caption>{teacher::unit_history_caption(i18n.lang(), &unit.label)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t(Msg::UnitLoanBooking)}</th>
                            <th scope="col">{i18n.t(Msg::UnitLoanTeacher)}</th>
                            <th scope="col">{i18n.t(Msg::UnitLoanPeriod)}</th>
                            <th scope="col">{i18n.t(Msg::UnitColStatus)}</th>
                            <th scope="col">{i18n.t(Msg::UnitColOut)}</th>
                            <th scope="col">{i18n.t(Msg::UnitColIn)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        };
        let incident_block = if incidents.is_empty() {
            view! { <p>{i18n.t(Msg::UnitNoIncidents)}</p> }.into_any()
        } else {
            let rows = incidents
                .iter()
                .map(|incident| {
                    view! {
                        <tr>
                            <th scope="row">{incident.id.clone()}</th>
                            <td>{i18n.t(incident_kind_msg(incident.kind))}</td>
                            <td>{short(incident.discovered_at.date())}</td>
                            <td>{i18n.t(incident_status_msg(incident.status))}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="data-table">
                    <caption>{teacher::unit_incidents_caption(i18n.lang(), &unit.label)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t(Msg::UnitColIncident)}</th>
                            <th scope="col">{i18n.t(Msg::UnitColKind)}</th>
                            <th scope="col">{i18n.t(Msg::UnitColDiscovered)}</th>
                            <th scope="col">{i18n.t(Msg::UnitColStatus)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        };
        view! {
            <h1>{heading}</h1>
            <dl class="facts">
                <dt>{i18n.t(Msg::UnitModel)}</dt>
                <dd>
                    <A href=model_href>{model_name}</A>
                </dd>
                <dt>{i18n.t(Msg::UnitLabel)}</dt>
                <dd class="label-code">{unit.label.clone()}</dd>
                <dt>{i18n.t(Msg::UnitCondition)}</dt>
                <dd>{i18n.t(condition_msg(unit.condition))}</dd>
                <dt>{i18n.t(Msg::CatColService)}</dt>
                <dd>{i18n.t(service_msg(unit.in_service, unit.condition))}</dd>
                <dt>{i18n.t(Msg::UnitAcquired)}</dt>
                <dd>{long(lang, unit.acquired)}</dd>
                {value}
            </dl>
            {edit}
            <section aria-labelledby="unit-loan-heading">
                <h2 id="unit-loan-heading">{i18n.t(Msg::UnitLoanHeading)}</h2>
                {current}
            </section>
            <section aria-labelledby="unit-history-heading">
                <h2 id="unit-history-heading">{i18n.t(Msg::UnitHistoryHeading)}</h2>
                {history}
            </section>
            <section aria-labelledby="unit-incidents-heading">
                <h2 id="unit-incidents-heading">{i18n.t(Msg::UnitIncidentsHeading)}</h2>
                {incident_block}
            </section>
        }
        .into_any()
    };

    view! {
        <PageTitle title=title />
        {body}
    }
}
