use crate::domain::people::ends_in_time;
use crate::domain::training::SessionOffer;
use crate::i18n::teacher;
use crate::i18n::Msg;
use crate::ui::state::{use_i18n, use_pool, use_profile};
use crate::ui::wording::{long, refusal};
use chrono::NaiveDate;
use leptos::prelude::*;

/// Where the outcome of enrolling or withdrawing is announced. It lives outside the lists it
/// serves: enrolling changes the rule check, which draws those lists again.
#[derive(Clone, Copy)]
pub struct EnrolmentStatus(RwSignal<Option<String>>);

impl EnrolmentStatus {
    /// A new, empty status.
    pub fn new() -> Self {
        Self(RwSignal::new(None))
    }

    /// The status line (a polite live region).
    pub fn view(self) -> impl IntoView {
        view! {
            <p role="status" class="form-status">
                {move || self.0.get()}
            </p>
        }
    }
}

impl Default for EnrolmentStatus {
    fn default() -> Self {
        Self::new()
    }
}

/// Upcoming sessions of a training, each with a button to enrol in it; a session that ends
/// on or after `loan_start` is marked too late for this loan. The outcome is announced in
/// `status`.
#[component]
pub fn SessionList(
    /// The sessions, soonest first.
    sessions: Vec<SessionOffer>,
    /// The first day of the loan the training is for, if known.
    loan_start: Option<NaiveDate>,
    /// Where the outcome is announced.
    status: EnrolmentStatus,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let profile = use_profile();
    // Sessions she is already in are shown with their withdraw button elsewhere.
    let me = profile.id().unwrap_or_default();
    let sessions: Vec<SessionOffer> =
        pool.pool.with_untracked(|p| sessions.into_iter().filter(|o| !p.is_enrolled(&me, &o.session)).collect());
    if sessions.is_empty() {
        return view! { <p>{i18n.text(Msg::TrainingNoSession)}</p> }.into_any();
    }
    let items = sessions
        .into_iter()
        .map(|offer| {
            let lang = i18n.lang();
            let date = long(lang, offer.start);
            let line = teacher::session_line(i18n.lang(), &date, &offer.place, usize::from(offer.seats_left));
            let too_late = loan_start.is_some_and(|start| !ends_in_time(offer.end, start));
            let late = too_late.then(|| view! { <strong class="session-late">{i18n.t(Msg::SessionTooLate)}</strong> });
            let label = teacher::session_enroll_in(i18n.lang(), &date);
            let on_click = move |_| {
                let Some(teacher) = profile.id() else { return };
                status.0.set(Some(match pool.enroll(&teacher, &offer.session) {
                    Ok(()) => teacher::session_enrolled(i18n.lang(), &date),
                    Err(e) => refusal(i18n.lang(), &e),
                }));
            };
            view! {
                <li>
                    {line} " " {late} " " <button type="button" aria-label=label on:click=on_click>
                        {i18n.text(Msg::SessionEnroll)}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="sessions">{items}</ul> }.into_any()
}

/// A button that withdraws the teacher from `session` (starting on `start`), announced in
/// `status`.
#[component]
pub fn UnenrollButton(
    /// The session's id.
    session: String,
    /// Its first day, to name it.
    start: NaiveDate,
    /// Where the outcome is announced.
    status: EnrolmentStatus,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let profile = use_profile();
    let date = long(i18n.lang(), start);
    let label = teacher::session_unenroll_from(i18n.lang(), &date);
    let on_click = move |_| {
        let Some(teacher) = profile.id() else { return };
        status.0.set(Some(match pool.unenroll(&teacher, &session) {
            Ok(()) => teacher::session_unenrolled(i18n.lang(), &date),
            Err(e) => refusal(i18n.lang(), &e),
        }));
    };
    view! {
        <button type="button" aria-label=label on:click=on_click>
            {i18n.text(Msg::SessionUnenroll)}
        </button>
    }
}
