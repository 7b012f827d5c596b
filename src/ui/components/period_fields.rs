use crate::domain::period::earliest_start;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::ui::components::DateField;
use crate::ui::state::{use_plan, use_pool};
use crate::ui::wording::day_note;
use leptos::prelude::*;

/// The project period's first and last days, shared by the catalogue filter and the booking
/// form through the plan handle. Days without class are marked in the calendars.
#[component]
pub fn PeriodFields(
    /// Prefix of the two inputs' ids.
    id: &'static str,
) -> impl IntoView {
    let plan = use_plan();
    let pool = use_pool();
    let today = clock::today();
    let horizon = pool.with_state(|s| s.settings.horizon(today));
    let note = Callback::new(move |date| pool.pool.with_untracked(|p| day_note(&p.calendar().day_kind(date))));
    // A first day inside the minimum notice is marked too (R2), as the check would refuse it.
    let earliest = pool.pool.with_untracked(|p| earliest_start(p.calendar(), &p.state().settings, today));
    let start_note = Callback::new(move |date: chrono::NaiveDate| {
        note.run(date).or_else(|| (date >= today && date < earliest).then_some(Msg::DayInsideNotice))
    });
    let (start_id, end_id): (&'static str, &'static str) = match id {
        "book" => ("book-start", "book-end"),
        _ => ("dates-start", "dates-end"),
    };
    view! {
        <div class="period-fields">
            <DateField
                label=Msg::PeriodStart
                value=plan.start
                min=Some(today)
                max=Some(horizon)
                today=today
                id=start_id
                day_note=start_note
            />
            <DateField
                label=Msg::PeriodEnd
                value=plan.end
                min=Signal::derive(move || Some(plan.start.get().unwrap_or(today)))
                max=Some(horizon)
                today=today
                id=end_id
                day_note=note
            />
        </div>
    }
}
