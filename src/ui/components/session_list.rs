use crate::domain::training::SessionOffer;
use crate::i18n::Msg;
use crate::ui::labels::{long, refusal};
use crate::ui::state::{use_i18n, use_pool, use_profile};
use leptos::prelude::*;

/// Upcoming sessions of a training, each with a button to enrol in it; the outcome is
/// announced in a status line.
#[component]
pub fn SessionList(
    /// The sessions, soonest first.
    sessions: Vec<SessionOffer>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let profile = use_profile();
    let message = RwSignal::new(None::<String>);
    if sessions.is_empty() {
        return view! { <p>{i18n.text(Msg::TrainingNoSession)}</p> }.into_any();
    }
    let items = sessions
        .into_iter()
        .map(|offer| {
            let lang = i18n.lang();
            let date = long(lang, offer.start);
            let line = i18n.tf(
                Msg::SessionLine,
                &[("date", &date), ("place", &offer.place), ("seats", &offer.seats_left.to_string())],
            );
            let label = i18n.tf(Msg::SessionEnrollIn, &[("date", &date)]);
            let on_click = move |_| {
                let Some(teacher) = profile.id() else { return };
                message.set(Some(match pool.enroll(&teacher, &offer.session) {
                    Ok(()) => i18n.tf(Msg::SessionEnrolled, &[("date", &date)]),
                    Err(e) => refusal(i18n.lang(), &e),
                }));
            };
            view! {
                <li>
                    {line} " " <button type="button" aria-label=label on:click=on_click>
                        {i18n.text(Msg::SessionEnroll)}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="sessions">{items}</ul>
        <p role="status" class="form-status">
            {move || message.get()}
        </p>
    }
    .into_any()
}
