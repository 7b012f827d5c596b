use crate::domain::BookingStatus;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::ui::components::{CoordinatorGate, LoanList, PageTitle, RequestQueue};
use crate::ui::state::{use_i18n, use_links, use_pool};
use leptos::prelude::*;
use leptos_router::components::A;

/// The coordinator's desk: the requests to confirm or refuse (several at once), the loans to
/// hand over next, those out, and those overdue.
#[component]
pub fn RequestsQueuePage() -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let links = use_links();
    let today = clock::today();
    let to_hand_over = Memo::new(move |_| {
        pool.with_state(|s| {
            let mut ids: Vec<(chrono::NaiveDate, String)> = s
                .bookings
                .iter()
                .filter(|b| b.status == BookingStatus::Confirmed)
                .map(|b| (b.start, b.id.clone()))
                .collect();
            ids.sort();
            ids.into_iter().map(|(_, id)| id).collect::<Vec<_>>()
        })
    });
    // Loans out, by last day; `overdue` picks those past it (rule R6).
    let out_by = move |overdue: bool| {
        Memo::new(move |_| {
            pool.with_state(|s| {
                let mut ids: Vec<(chrono::NaiveDate, String)> = s
                    .bookings
                    .iter()
                    .filter(|b| b.status == BookingStatus::HandedOver && b.is_overdue(today) == overdue)
                    .map(|b| (b.end, b.id.clone()))
                    .collect();
                ids.sort();
                ids.into_iter().map(|(_, id)| id).collect::<Vec<_>>()
            })
        })
    };
    let overdue = out_by(true);
    let out = out_by(false);
    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::CoordQueueTitle).to_owned()) />
        <CoordinatorGate>
            <h1>{i18n.text(Msg::CoordQueueTitle)}</h1>
            <p class="lead">{i18n.text(Msg::QueueIntro)}</p>
            <p>
                <A href=links.to("/reserver")>{i18n.text(Msg::QueueBookForTeacher)}</A>
            </p>
            <RequestQueue />
            <LoanList heading=Msg::QueueOverdue empty=Msg::QueueNothingOverdue ids=overdue today=today />
            <LoanList heading=Msg::QueueToHandOver empty=Msg::QueueNothingToHandOver ids=to_hand_over today=today />
            <LoanList heading=Msg::QueueOut empty=Msg::QueueNothingOut ids=out today=today />
        </CoordinatorGate>
    }
}
