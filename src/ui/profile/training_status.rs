use crate::domain::people::ends_in_time;
use crate::domain::TrainingStanding;
use crate::i18n::teacher;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::ui::components::{Icon, IconKind};
use crate::ui::profile::{EnrolmentStatus, SessionList, UnenrollButton};
use crate::ui::state::{use_i18n, use_pool, use_profile};
use crate::ui::wording::long;
use chrono::NaiveDate;
use leptos::prelude::*;

/// Where the teacher stands on one training for a loan starting on `start`: completed,
/// enrolled, or not yet, with the next sessions to enrol in. Without a loan (her profile), where
/// she stands today, and no session is too late for anything.
#[component]
pub fn TrainingStatus(
    /// The training's id.
    training: String,
    /// The first day of the loan the training is needed for, if any.
    #[prop(into)]
    start: Signal<Option<NaiveDate>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let profile = use_profile();
    let status = EnrolmentStatus::new();
    // Her enrolments in sessions of this training still to come, whatever the loan.
    let later = {
        let training = training.clone();
        Memo::new(move |_| {
            let teacher = profile.id()?;
            let today = clock::today();
            Some(pool.pool.with(|p| {
                p.enrolments_to_come(&teacher, today)
                    .into_iter()
                    .filter(|x| x.training == training)
                    .map(|x| (x.id.clone(), x.start, x.end, x.place.clone()))
                    .collect::<Vec<_>>()
            }))
        })
    };
    let standing = Memo::new(move |_| {
        let teacher = profile.id()?;
        let today = clock::today();
        Some(pool.pool.with(|p| p.training_standing(&teacher, &training, start.get().unwrap_or(today), today)))
    });
    let enrolments = move || {
        let lang = i18n.lang();
        let loan_start = start.get();
        later
            .get()
            .unwrap_or_default()
            .into_iter()
            .map(|(id, first, last, place)| {
                let late = (loan_start.is_some_and(|loan_start| !ends_in_time(last, loan_start))
                    && matches!(standing.get(), Some(TrainingStanding::Missing { .. })))
                .then(|| view! { <strong class="session-late">{i18n.t(Msg::SessionTooLate)}</strong> });
                view! {
                    <p class="standing">
                        <Icon kind=IconKind::Training />
                        {teacher::you_are_enrolled_in(i18n.lang(), &long(lang, first), &place)}
                        " "
                        {late}
                        " "
                        <UnenrollButton session=id start=first status=status />
                    </p>
                }
            })
            .collect_view()
    };
    let standing_view = move || match standing.get() {
        None => view! { <p>{i18n.t(Msg::ProfileNeeded)}</p> }.into_any(),
        Some(TrainingStanding::Valid) => view! {
            <p class="standing">
                <Icon kind=IconKind::Check />
                {i18n.t(Msg::YouHaveTraining)}
            </p>
        }
        .into_any(),
        Some(TrainingStanding::Enrolled { .. }) => view! {
            <p class="standing">{i18n.t(Msg::TrainingAwaitsSession)}</p>
        }
        .into_any(),
        Some(TrainingStanding::Missing { next_sessions }) => view! {
            <p class="standing">
                <Icon kind=IconKind::Unavailable />
                {i18n.t(Msg::YouLackTraining)}
            </p>
            <SessionList sessions=next_sessions loan_start=start.get_untracked() status=status />
        }
        .into_any(),
    };
    view! {
        {standing_view}
        {enrolments}
        {status.view()}
    }
}
