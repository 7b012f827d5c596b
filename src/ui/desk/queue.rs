use crate::domain::{Booking, Pool, PoolState};
use crate::i18n::Msg;
use crate::platform::clock;
use crate::ui::components::{CoordinatorGate, PageTitle};
use crate::ui::desk::{LoanList, RequestQueue};
use crate::ui::explain::overbooking;
use crate::ui::routes;
use crate::ui::state::{use_i18n, use_links, use_pool};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

/// The coordinator's desk: the requests to confirm or refuse (several at once), the loans
/// overdue, the confirmed bookings not picked up after their first day, the loans to hand over
/// next, and those out.
#[component]
pub fn RequestsQueuePage() -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let links = use_links();
    let today = clock::today();
    // The desk's lists, as the domain orders them (rule R6).
    let list = move |of: fn(&Pool, NaiveDate) -> Vec<&Booking>| {
        Memo::new(move |_| pool.pool.with(|p| of(p, today).into_iter().map(|b| b.id.clone()).collect::<Vec<_>>()))
    };
    let to_hand_over = list(Pool::to_hand_over);
    // Confirmed, first day passed, not handed over: the teacher has not come.
    let late_pick_ups = list(Pool::late_pick_ups);
    // An empty pool of the coordinator's own: the demo's settings and calendar stay.
    let start_empty = move || {
        let mut state = pool.with_state(|s| PoolState { settings: s.settings.clone(), ..PoolState::default() });
        state.demo = false;
        pool.replace(state);
    };
    let overdue = list(Pool::overdue);
    let out = list(Pool::on_loan);
    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::CoordQueueTitle).to_owned()) />
        <CoordinatorGate>
            <h1>{i18n.text(Msg::CoordQueueTitle)}</h1>
            <p class="lead">{i18n.text(Msg::QueueIntro)}</p>
            <Show when=move || pool.with_state(|s| s.demo)>
                <div class="notice" role="region" aria-label=move || i18n.t(Msg::DemoNotice)>
                    <p>{i18n.text(Msg::DemoCoordinatorOffer)}</p>
                    <p>
                        <A href=links.to(routes::SETTINGS)>{i18n.text(Msg::NavSettings)}</A>
                        " "
                        <button type="button" on:click=move |_| start_empty()>
                            {i18n.text(Msg::DemoStartEmpty)}
                        </button>
                    </p>
                </div>
            </Show>
            <Conflicts />
            <p>
                <A href=links.to(routes::BOOKING)>{i18n.text(Msg::QueueBookForTeacher)}</A>
            </p>
            <RequestQueue />
            <LoanList heading=Msg::QueueOverdue empty=Msg::QueueNothingOverdue ids=overdue today=today />
            <LoanList
                heading=Msg::QueueLatePickUps
                empty=Msg::QueueNothingLatePickUp
                help=Msg::QueueLatePickUpHelp
                ids=late_pick_ups
                today=today
            />
            <LoanList heading=Msg::QueueToHandOver empty=Msg::QueueNothingToHandOver ids=to_hand_over today=today />
            <LoanList heading=Msg::QueueOut empty=Msg::QueueNothingOut ids=out today=today />
        </CoordinatorGate>
    }
}

/// Days where a model holds more units than it has in service (rule R1), which only data made
/// outside the rules can bring (an old backup or file): listed for the coordinator to resolve.
#[component]
fn Conflicts() -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let conflicts = Memo::new(move |_| pool.pool.with(|p| p.index().overbooked()));
    move || {
        let list = conflicts.get();
        (!list.is_empty()).then(|| {
            let lang = i18n.lang();
            let items = list
                .iter()
                .map(|c| view! { <li>{pool.pool.with_untracked(|p| overbooking(lang, p, c))}</li> })
                .collect_view();
            view! {
                <section class="alert" aria-labelledby="conflicts-title">
                    <h2 id="conflicts-title">{i18n.text(Msg::ConflictsTitle)}</h2>
                    <ul>{items}</ul>
                </section>
            }
        })
    }
}
