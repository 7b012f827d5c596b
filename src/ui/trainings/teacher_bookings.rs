use crate::i18n::coordinator;
use crate::i18n::Msg;
use crate::ui::components::StatusBadge;
use crate::ui::routes;
use crate::ui::state::{use_i18n, use_links, use_pool};
use crate::ui::wording::short;
use leptos::prelude::*;
use leptos_router::components::A;

/// A teacher's bookings, the latest period first, with their status, each linking to the
/// coordinator's booking desk.
#[component]
pub fn TeacherBookings(
    /// The teacher's id.
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let links = use_links();
    let bookings = Memo::new(move |_| pool.pool.with(|p| p.bookings_of(&id).into_iter().cloned().collect::<Vec<_>>()));
    let table = move || {
        let rows = bookings.get();
        if rows.is_empty() {
            return view! { <p>{i18n.text(Msg::TeacherNoBooking)}</p> }.into_any();
        }
        let body = rows
            .into_iter()
            .map(|b| {
                let href = links.to(&routes::desk(&b.id));
                let period = coordinator::teacher_booking_period(i18n.lang(), &short(b.start), &short(b.end));
                view! {
                    <tr>
                        <th scope="row"><A href=href>{b.id.clone()}</A></th>
                        <td>{b.project.clone()}</td>
                        <td>{period}</td>
                        <td><StatusBadge status=b.status /></td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="data-table">
                <caption>{i18n.text(Msg::TeacherBookingsCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.text(Msg::TeacherBookingId)}</th>
                        <th scope="col">{i18n.text(Msg::TeacherBookingProject)}</th>
                        <th scope="col">{i18n.text(Msg::TeacherBookingDates)}</th>
                        <th scope="col">{i18n.text(Msg::TeacherBookingStatus)}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="teacher-bookings-heading">
            <h2 id="teacher-bookings-heading">{i18n.text(Msg::TeacherBookingsHeading)}</h2>
            {table}
        </section>
    }
}
