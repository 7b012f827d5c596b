use crate::domain::admin::Timeline;
use crate::domain::monday_of;
use crate::i18n::coordinator;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::ui::components::{CoordinatorGate, DateField, Field, PageTitle, Select};
use crate::ui::planning::TimelineTable;
use crate::ui::routes;
use crate::ui::state::{use_i18n, use_pool};
use chrono::{Days, NaiveDate};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Weeks shown at once.
const WEEKS: usize = 12;
/// Weeks the previous and next buttons move by.
const STEP: u64 = 4;

/// `date` moved by `weeks` weeks (backwards when negative).
fn shift_weeks(date: NaiveDate, weeks: i64) -> NaiveDate {
    let days = Days::new(7 * weeks.unsigned_abs());
    let moved = if weeks < 0 { date.checked_sub_days(days) } else { date.checked_add_days(days) };
    moved.unwrap_or(date)
}

/// The occupancy of a model week by week: which bookings hold its units, and conflicts.
#[component]
pub fn TimelinePage() -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let today = clock::today();
    let query = use_query_map();
    let first_model = pool.with_catalogue(|c| c.models.first().map(|m| m.id.clone()).unwrap_or_default());
    let model = RwSignal::new(query.with_untracked(routes::model_query).unwrap_or(first_model));
    let start = RwSignal::new(Some(monday_of(today)));
    let timeline = Memo::new(move |_| {
        let from = start.get().unwrap_or(today);
        pool.pool.with(|p| p.timeline(&model.get(), from, WEEKS))
    });
    let options = move || {
        pool.with_catalogue(|c| {
            c.models
                .iter()
                .map(|m| {
                    let id = m.id.clone();
                    let selected = model.with_untracked(|chosen| *chosen == id);
                    view! {
                        <option value=id selected=selected>
                            {m.name_in(i18n.english()).to_owned()}
                        </option>
                    }
                })
                .collect_view()
        })
    };
    let step = move |weeks: i64| {
        let from = monday_of(start.get_untracked().unwrap_or(today));
        start.set(Some(shift_weeks(from, weeks)));
    };
    let model_name = Signal::derive(move || {
        let id = model.get();
        pool.pool.with(|p| p.model(&id).map_or(id.clone(), |m| m.name_in(i18n.english()).to_owned()))
    });
    let summary = move || {
        let t: Timeline = timeline.get();
        let conflicts = (0..t.weeks.len()).filter(|w| t.conflict(*w)).count();
        let mut text = coordinator::timeline_summary(i18n.lang(), t.rows.len(), t.capacity as usize);
        text.push(' ');
        if conflicts == 0 {
            text.push_str(i18n.t(Msg::TimelineNoConflict));
        } else {
            text.push_str(&coordinator::timeline_conflicts(i18n.lang(), conflicts));
        }
        text
    };
    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::CoordTimelineTitle).to_owned()) />
        <CoordinatorGate>
            <h1>{i18n.text(Msg::CoordTimelineTitle)}</h1>
            <p class="lead">{i18n.text(Msg::TimelineIntro)}</p>
            <form class="timeline-controls" on:submit=|ev| ev.prevent_default()>
                <Field label=Msg::TimelineModel id="timeline-model">
                    <Select on_change=move |value| model.set(value)>{options}</Select>
                </Field>
                <DateField label=Msg::TimelineFrom value=start today=today id="timeline-from" />
                <div class="timeline-controls__steps">
                    <button type="button" on:click=move |_| step(-(STEP as i64))>
                        {i18n.text(Msg::TimelinePrevious)}
                    </button>
                    <button type="button" on:click=move |_| step(STEP as i64)>
                        {i18n.text(Msg::TimelineNext)}
                    </button>
                </div>
            </form>
            <p role="status" class="timeline-summary">
                {summary}
            </p>
            <TimelineTable timeline=timeline model_name=model_name />
        </CoordinatorGate>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_dates::d;

    #[test]
    fn weeks_move_both_ways() {
        assert_eq!(shift_weeks(d(2026, 11, 30), 4), d(2026, 12, 28));
        assert_eq!(shift_weeks(d(2026, 11, 30), -4), d(2026, 11, 2));
    }
}
