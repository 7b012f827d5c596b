use crate::domain::TrainingStanding;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::ui::components::{Icon, IconKind, SessionList};
use crate::ui::labels::long;
use crate::ui::state::{use_i18n, use_pool, use_profile};
use chrono::NaiveDate;
use leptos::prelude::*;

/// Where the teacher stands on one training for a loan starting on `start`: completed,
/// enrolled, or not yet, with the next sessions to enrol in.
#[component]
pub fn TrainingStatus(
    /// The training's id.
    training: String,
    /// The first day of the loan the training is needed for.
    #[prop(into)]
    start: Signal<NaiveDate>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let profile = use_profile();
    let standing = Memo::new(move |_| {
        let teacher = profile.id()?;
        Some(pool.pool.with(|p| p.training_standing(&teacher, &training, start.get(), clock::today())))
    });
    move || match standing.get() {
        None => view! { <p>{i18n.t(Msg::ProfileNeeded)}</p> }.into_any(),
        Some(TrainingStanding::Valid) => view! {
            <p class="standing">
                <Icon kind=IconKind::Check />
                {i18n.t(Msg::YouHaveTraining)}
            </p>
        }
        .into_any(),
        Some(TrainingStanding::Enrolled { session, .. }) => {
            let date = pool.with_state(|s| s.sessions.iter().find(|x| x.id == session).map(|x| x.start));
            let text = date.map(|d| i18n.tf(Msg::YouAreEnrolled, &[("date", &long(i18n.lang(), d))]));
            view! {
                <p class="standing">
                    <Icon kind=IconKind::Training />
                    {text}
                </p>
            }
            .into_any()
        }
        Some(TrainingStanding::Missing { next_sessions }) => view! {
            <p class="standing">
                <Icon kind=IconKind::Unavailable />
                {i18n.t(Msg::YouLackTraining)}
            </p>
            <SessionList sessions=next_sessions />
        }
        .into_any(),
    }
}
