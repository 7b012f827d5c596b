use crate::i18n::teacher;
use crate::i18n::Msg;
use crate::platform::files;
use crate::ui::components::PageTitle;
use crate::ui::routes;
use crate::ui::state::{use_i18n, use_links, use_pool, use_role};
use crate::ui::wording::{condition_msg, long};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The loan agreement of one booking, laid out for an A4 page (see the print stylesheet): the
/// borrower, project, period, equipment (unit labels once handed over), the clauses of the
/// accepted version and two signature boxes.
#[component]
pub fn AgreementPage() -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let links = use_links();
    let params = use_params_map();
    let booking_id = move || params.with(routes::page_id);
    let role = use_role();
    let body = move || {
        let lang = i18n.lang();
        let english = i18n.english();
        let found = pool.pool.with(|p| {
            let booking = p.booking(&booking_id())?.clone();
            let agreement = p.loan_agreement(&booking.id).ok()?;
            let clauses: Vec<String> =
                p.state().settings.agreement.clauses.iter().map(|c| c.pick(english).to_owned()).collect();
            let lines: Vec<(u32, String)> =
                booking.lines.iter().map(|l| (l.quantity, p.model_name_in(&l.model, english))).collect();
            Some((booking, agreement, clauses, lines))
        });
        let Some((booking, agreement, clauses, lines)) = found else {
            return view! { <p>{i18n.t(Msg::AgreementNotFound)}</p> }.into_any();
        };
        let units = if agreement.units.is_empty() {
            view! { <p>{i18n.t(Msg::AgreementUnitsPending)}</p> }.into_any()
        } else {
            let items = agreement
                .units
                .iter()
                .map(|(label, model, condition)| {
                    let condition = i18n.t(condition_msg(*condition));
                    let model = model.pick(english);
                    view! { <li>{format!("{label} — {model} ({condition})")}</li> }
                })
                .collect_view();
            view! { <ul class="agreement__units">{items}</ul> }.into_any()
        };
        view! {
            <dl class="agreement__facts">
                <dt>{i18n.t(Msg::AgreementBorrower)}</dt>
                <dd>{format!("{} <{}>", agreement.teacher_name, agreement.teacher_email)}</dd>
                <dt>{i18n.t(Msg::AgreementSchool)}</dt>
                <dd>{format!("{}, {}", agreement.school, agreement.commune)}</dd>
                <dt>{i18n.t(Msg::AgreementProject)}</dt>
                <dd>
                    {if agreement.class.is_empty() {
                        agreement.project.clone()
                    } else {
                        format!("{} ({})", agreement.project, agreement.class)
                    }}
                </dd>
                <dt>{i18n.t(Msg::AgreementPeriod)}</dt>
                <dd>
                    {teacher::booking_period(lang, &long(lang, booking.start), &long(lang, booking.end))}
                </dd>
            </dl>
            <h2>{i18n.t(Msg::AgreementEquipment)}</h2>
            <ul>
                {lines
                    .into_iter()
                    .map(|(q, name)| {
                        view! { <li>{teacher::booking_line_text(i18n.lang(), q as usize, &name)}</li> }
                    })
                    .collect_view()}
            </ul>
            {units}
            <h2>{i18n.t(Msg::AgreementClauses)}</h2>
            <p>{teacher::agreement_version(i18n.lang(), &agreement.agreement_version)}</p>
            <ol>{clauses.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ol>
            <div class="signatures">
                <div class="signature">{i18n.t(Msg::AgreementSignBorrower)}</div>
                <div class="signature">{i18n.t(Msg::AgreementSignCoordinator)}</div>
            </div>
        }
        .into_any()
    };
    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::AgreementTitle).to_owned()) />
        <p class="breadcrumb no-print">
            {move || {
                if role.coordinator.get() {
                    let href = links.to(&routes::desk(&booking_id()));
                    view! { <A href=href>{i18n.t(Msg::AgreementBackToDesk)}</A> }.into_any()
                } else {
                    view! { <A href=links.to(routes::MY_BOOKINGS)>{i18n.t(Msg::BackToMyBookings)}</A> }.into_any()
                }
            }}
        </p>
        <article class="agreement">
            <h1>{i18n.text(Msg::AgreementTitle)}</h1>
            {body}
        </article>
        <p class="no-print">
            <button type="button" class="button--primary" on:click=|_| files::print()>
                {i18n.text(Msg::AgreementPrint)}
            </button>
        </p>
    }
}
