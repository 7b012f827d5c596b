use crate::domain::{Booking, BookingStatus};
use crate::i18n::coordinator;
use crate::i18n::teacher;
use crate::i18n::Msg;
use crate::ui::components::{BookingHistory, StatusBadge};
use crate::ui::components::{CoordinatorGate, PageTitle};
use crate::ui::desk::{DecisionBox, HandOverForm, ReturnForm};
use crate::ui::incidents::IncidentForm;
use crate::ui::routes;
use crate::ui::state::{use_i18n, use_links, use_pool};
use crate::ui::wording::long;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// One booking at the coordinator's desk: who, what, when, its history, and the next step for
/// its status (confirm or refuse; hand over with units assigned; print the agreement; take the
/// units back with their condition; declare an incident on a unit).
#[component]
pub fn BookingDeskPage() -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let links = use_links();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(routes::page_id));
    let booking = Memo::new(move |_| pool.pool.with(|p| p.booking(&id.get()).cloned()));
    let notice = RwSignal::new(None::<String>);
    let declaring = RwSignal::new(false);
    // Named as the coordinator knows it: the project and the teacher (the id is technical).
    let title = Signal::derive(move || {
        let Some(b) = booking.get() else { return i18n.t(Msg::AgreementNotFound).to_owned() };
        let project =
            if b.project.is_empty() { coordinator::queue_untitled(i18n.lang(), &b.id) } else { b.project.clone() };
        let teacher = if b.teacher.is_empty() {
            i18n.t(Msg::QueueAnonymous).to_owned()
        } else {
            pool.pool.with_untracked(|p| p.borrower(&b.teacher).name().to_owned())
        };
        coordinator::coord_booking_title(i18n.lang(), &project, &teacher)
    });
    // Read untracked: the section below is redrawn when the booking changes, not on every
    // change of the pool (a redraw would drop what its forms hold, such as a refusal's reasons).
    let facts = move |b: Booking| {
        let lang = i18n.lang();
        let (teacher, email, school) = pool.pool.with_untracked(|p| {
            let borrower = p.borrower(&b.teacher);
            let school = match (borrower.school, borrower.commune) {
                (Some(s), Some(c)) => format!("{}, {}", s.name, c.name),
                (Some(s), None) => s.name.clone(),
                (None, _) => String::new(),
            };
            (borrower.name().to_owned(), borrower.email().to_owned(), school)
        });
        let lines = pool.pool.with_untracked(|p| {
            b.lines
                .iter()
                .map(|l| {
                    let name = p.model_name_in(&l.model, i18n.english());
                    view! { <li>{teacher::booking_line_text(i18n.lang(), l.quantity as usize, &name)}</li> }
                })
                .collect_view()
        });
        let units = b
            .units
            .iter()
            .map(|u| {
                let back = u.condition_in.map(|c| i18n.t(crate::ui::wording::condition_msg(c)));
                let text = match back {
                    Some(c) => coordinator::desk_unit_back(i18n.lang(), &u.label, c),
                    None => u.label.clone(),
                };
                view! {
                    <li>
                        <A href=links.to(&routes::unit(&u.label))>{text}</A>
                    </li>
                }
            })
            .collect_view();
        let notes = (!b.notes.is_empty()).then(|| {
            view! {
                <dt>{i18n.t(Msg::DeskNotes)}</dt>
                <dd class="notes">{b.notes.clone()}</dd>
            }
        });
        view! {
            <p>
                <StatusBadge status=b.status />
            </p>
            <dl class="agreement__facts">
                <dt>{i18n.t(Msg::AgreementBorrower)}</dt>
                <dd>
                    <A href=links.to(&routes::teacher(&b.teacher))>{teacher}</A>
                    {(!email.is_empty()).then(|| format!(" <{email}>"))}
                </dd>
                <dt>{i18n.t(Msg::AgreementSchool)}</dt>
                <dd>{school}</dd>
                <dt>{i18n.t(Msg::AgreementProject)}</dt>
                <dd>
                    {if b.class.is_empty() { b.project.clone() } else { format!("{} ({})", b.project, b.class) }}
                </dd>
                <dt>{i18n.t(Msg::AgreementPeriod)}</dt>
                <dd>{teacher::booking_period(i18n.lang(), &long(lang, b.start), &long(lang, b.end))}</dd>
                {notes}
            </dl>
            <h2>{i18n.t(Msg::AgreementEquipment)}</h2>
            <ul>{lines}</ul>
            {(!b.units.is_empty())
                .then(|| {
                    view! {
                        <h2>{i18n.t(Msg::DeskUnits)}</h2>
                        <ul>{units}</ul>
                    }
                })}
                <BookingHistory history=b.history.clone() />
        }
    };
    let actions = move |b: Booking| {
        let agreement = links.to(&routes::desk_agreement(&b.id));
        let step = match b.status {
            BookingStatus::Requested => view! { <DecisionBox booking=b.id.clone() notice=notice /> }.into_any(),
            // Trained since? The hand-over checks the records itself (R3) and says what is missing.
            BookingStatus::AwaitingTraining => view! {
                <DecisionBox booking=b.id.clone() notice=notice />
                <HandOverForm booking=b.clone() notice=notice />
            }
            .into_any(),
            BookingStatus::Confirmed => view! {
                <HandOverForm booking=b.clone() notice=notice />
                <DecisionBox booking=b.id.clone() notice=notice refuse_only=true />
            }
            .into_any(),
            BookingStatus::HandedOver => view! {
                <p>
                    <A href=agreement.clone()>{i18n.t(Msg::PrintAgreement)}</A>
                </p>
                <ReturnForm booking=b.clone() notice=notice declaring=declaring />
            }
            .into_any(),
            BookingStatus::Returned => view! {
                <p>
                    <A href=agreement.clone()>{i18n.t(Msg::PrintAgreement)}</A>
                </p>
                <p>
                    <button type="button" on:click=move |_| declaring.set(true)>
                        {i18n.t(Msg::DeclareIncident)}
                    </button>
                </p>
            }
            .into_any(),
            BookingStatus::Cancelled | BookingStatus::Refused => ().into_any(),
        };
        let damaged =
            b.units.iter().find(|u| u.condition_in == Some(crate::domain::Condition::Damaged)).map(|u| u.label.clone());
        let incident_booking = b.clone();
        view! {
            {step}
            <Show when=move || declaring.get()>
                <IncidentForm
                    booking=incident_booking.clone()
                    open=declaring
                    notice=notice
                    by_coordinator=true
                    unit_first=damaged.clone().unwrap_or_default()
                />
            </Show>
        }
    };
    view! {
        <PageTitle title=title />
        <CoordinatorGate>
            <p class="breadcrumb">
                <A href=links.to(routes::WORKSPACE_HOME)>{i18n.text(Msg::DeskBack)}</A>
            </p>
            <h1>{move || title.get()}</h1>
            <p role="status" class="form-status">
                {move || notice.get()}
            </p>
            {move || match booking.get() {
                None => view! { <p>{i18n.t(Msg::AgreementNotFound)}</p> }.into_any(),
                Some(b) => view! { {facts(b.clone())} {actions(b)} }.into_any(),
            }}
        </CoordinatorGate>
    }
}
