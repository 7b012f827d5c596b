use crate::i18n::Msg;
use crate::ui::booking::{BookingCard, ProfileNotice};
use crate::ui::components::PageTitle;
use crate::ui::routes;
use crate::ui::settings::file_exchange::SendRequests;
use crate::ui::state::{use_i18n, use_links, use_pool, use_profile};
use leptos::prelude::*;
use leptos_router::components::A;

/// My bookings: every booking of the teacher, latest period first, with status, history and
/// actions; a status line announces what an action did.
#[component]
pub fn MyBookingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let profile = use_profile();
    let links = use_links();
    let notice = RwSignal::new(None::<String>);
    let bookings = Memo::new(move |_| {
        let Some(teacher) = profile.id() else { return Vec::new() };
        pool.pool.with(|p| p.bookings_of(&teacher).into_iter().cloned().collect::<Vec<_>>())
    });
    let list = move || {
        let mine = bookings.get();
        if mine.is_empty() {
            return view! {
                <p>{i18n.t(Msg::MyBookingsNone)}</p>
                <p>
                    <A href=links.to(routes::BOOKING)>{i18n.t(Msg::ConfirmNewBooking)}</A>
                </p>
            }
            .into_any();
        }
        let cards = mine.into_iter().map(|b| view! { <BookingCard booking=b notice=notice /> }).collect_view();
        view! { <ul class="booking-list">{cards}</ul> }.into_any()
    };
    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::MyBookingsTitle).to_owned()) />
        <h1>{i18n.text(Msg::MyBookingsTitle)}</h1>
        <p class="lead">{i18n.text(Msg::MyBookingsIntro)}</p>
        <ProfileNotice />
        <Show when=move || profile.id().is_some()>
            <SendRequests id="my-bookings-send" />
        </Show>
        <p role="status" class="form-status">
            {move || notice.get()}
        </p>
        {list}
    }
}
