use crate::domain::exchange::is_unsent;
use crate::domain::{Actor, Booking, BookingStatus, PoolChange};
use crate::i18n::teacher;
use crate::i18n::Msg;
use crate::platform::{clock, files};
use crate::storage::exchange::ics::{calendar, IcsEvent};
use crate::ui::components::{BookingHistory, StatusBadge};
use crate::ui::explain::explain;
use crate::ui::incidents::IncidentForm;
use crate::ui::routes;
use crate::ui::state::{use_i18n, use_links, use_pool, I18n, PoolHandle};
use crate::ui::wording::{long, refusal};
use leptos::prelude::*;
use leptos_router::components::A;

/// The booking as a calendar event: the loan period, all day.
pub fn booking_event(i18n: I18n, pool: PoolHandle, booking: &Booking) -> IcsEvent {
    let lines: Vec<String> = booking
        .lines
        .iter()
        .map(|l| {
            let name = pool.pool.with_untracked(|p| p.model_name_in(&l.model, i18n.english()));
            teacher::booking_line_text(i18n.lang(), l.quantity as usize, &name)
        })
        .collect();
    IcsEvent {
        uid: format!("{}@materiotheque", booking.id),
        start: booking.start,
        end_inclusive: booking.end,
        summary: teacher::ics_summary(i18n.lang(), &booking.project),
        description: lines.join("\n"),
        location: None,
    }
}

/// One of the teacher's bookings: status, period, equipment, history, and what can be done
/// with it (calendar file, agreement, cancel, declare an incident).
#[component]
pub fn BookingCard(
    /// The booking shown.
    booking: Booking,
    /// Announces what an action did, in the page's status line.
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let links = use_links();
    let lang = i18n.lang();
    let confirming = RwSignal::new(false);
    let declaring = RwSignal::new(false);
    let heading_id = format!("booking-{}", booking.id);
    let lines = booking
        .lines
        .iter()
        .map(|l| {
            let name = pool.pool.with_untracked(|p| p.model_name_in(&l.model, i18n.english()));
            view! { <li>{teacher::booking_line_text(i18n.lang(), l.quantity as usize, &name)}</li> }
        })
        .collect_view();
    let units = (!booking.units.is_empty()).then(|| {
        let labels: Vec<&str> = booking.units.iter().map(|u| u.label.as_str()).collect();
        view! { <p>{teacher::booking_units(i18n.lang(), &labels.join(", "))}</p> }
    });
    let can_cancel = booking.status.can_become(BookingStatus::Cancelled);
    let handed_over = booking.status == BookingStatus::HandedOver;
    // A refused or cancelled booking has no loan to put in a calendar nor an agreement to sign.
    let goes_ahead = !booking.status.is_withdrawn();
    let refusal_reason = booking.refusal().map(|entry| {
        let reason = match (&entry.reason, &entry.rule) {
            (Some(text), _) => text.clone(),
            (None, Some(rule)) => {
                rule.error().map(|e| pool.pool.with_untracked(|p| explain(lang, p, &e)).join(" ")).unwrap_or_default()
            }
            (None, None) => String::new(),
        };
        view! { <p class="booking-card__refusal">{teacher::booking_refused_reason(i18n.lang(), &reason)}</p> }
    });
    // Follows the "sent" time, which changes without the booking changing.
    let shown = booking.clone();
    let sent_state = move || {
        let unsent = pool.with_state(|s| is_unsent(s, &shown));
        i18n.t(if unsent { Msg::BookingUnsent } else { Msg::BookingSent })
    };
    let sent_state =
        (booking.last_changed_by_teacher().is_some()).then(|| view! { <p class="booking-card__sent">{sent_state}</p> });
    let event = booking_event(i18n, pool, &booking);
    let file_name = format!("materiotheque-{}.ics", booking.id);
    let download = move |_| {
        let text = calendar(std::slice::from_ref(&event), clock::now_utc());
        let _ = files::download(&file_name, "text/calendar;charset=utf-8", &text);
    };
    let id = booking.id.clone();
    let teacher = booking.teacher.clone();
    let project = booking.project.clone();
    let cancel = move |_| {
        let change = PoolChange::Cancel { id: id.clone(), by: Actor::Teacher(teacher.clone()), at: clock::now() };
        notice.set(Some(match pool.apply(change) {
            Ok(_) => teacher::cancelled_notice(i18n.lang(), &project),
            Err(e) => refusal(i18n.lang(), &e),
        }));
    };
    let cancel_text = teacher::cancel_confirm_text(i18n.lang(), &booking.project);
    let agreement_href = links.to(&routes::agreement(&booking.id));
    let incident_booking = booking.clone();
    let class =
        (!booking.class.is_empty()).then(|| view! { <p>{teacher::booking_class(i18n.lang(), &booking.class)}</p> });
    view! {
        <li class="booking-card">
            <article aria-labelledby=heading_id.clone()>
                <h2 id=heading_id.clone()>{booking.project.clone()}</h2>
                <p class="booking-card__meta">
                    <StatusBadge status=booking.status />
                </p>
                <p>
                    {teacher::booking_period(lang, &long(lang, booking.start), &long(lang, booking.end))}
                </p>
                {refusal_reason}
                {sent_state}
                {class}
                <ul class="booking-card__lines">{lines}</ul>
                {units}
                <BookingHistory history=booking.history.clone() />
                <div class="booking-card__actions">
                    {goes_ahead
                        .then(|| {
                            view! {
                                <button type="button" on:click=download>
                                    {i18n.t(Msg::AddToCalendar)}
                                </button>
                                <A href=agreement_href>{i18n.t(Msg::PrintAgreement)}</A>
                            }
                        })}
                    {can_cancel
                        .then(|| {
                            view! {
                                <button type="button" on:click=move |_| confirming.set(true)>
                                    {i18n.t(Msg::CancelBooking)}
                                </button>
                            }
                        })}
                    {handed_over
                        .then(|| {
                            view! {
                                <button type="button" on:click=move |_| declaring.set(true)>
                                    {i18n.t(Msg::DeclareIncident)}
                                </button>
                            }
                        })}
                </div>
                <Show when=move || confirming.get()>
                    <div class="confirm-box" role="group" aria-label=i18n.t(Msg::CancelBooking)>
                        <p>{cancel_text.clone()}</p>
                        <button type="button" class="button--danger" on:click=cancel.clone()>
                            {i18n.t(Msg::CancelConfirm)}
                        </button>
                        <button type="button" on:click=move |_| confirming.set(false)>
                            {i18n.t(Msg::CancelKeep)}
                        </button>
                    </div>
                </Show>
                <Show when=move || declaring.get()>
                    <IncidentForm booking=incident_booking.clone() open=declaring notice=notice />
                </Show>
            </article>
        </li>
    }
}
