use crate::i18n::coordinator;
use crate::i18n::Msg;
use crate::ui::routes;
use crate::ui::state::{use_i18n, use_links, use_pool};
use crate::ui::wording::short;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

/// A table of bookings for the coordinator's desk (not picked up, to hand over, out, overdue):
/// project, teacher, period, units, and for a booking late (not picked up after its first day,
/// or out past its last day) how many days late, in words.
#[component]
pub fn LoanList(
    /// The section heading.
    heading: Msg,
    /// Shown when there is none.
    empty: Msg,
    /// Said under the heading when there are some.
    #[prop(optional)]
    help: Option<Msg>,
    /// The bookings, in display order.
    ids: Memo<Vec<String>>,
    /// Today, for the days late.
    today: NaiveDate,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let links = use_links();
    let heading_id = format!("loans-{heading:?}");
    let labelled_by = heading_id.clone();
    let rows = move || {
        let lang = i18n.lang();
        let list = ids.get();
        let found: Vec<_> = pool.pool.with(|p| {
            list.iter()
                .filter_map(|id| p.booking(id))
                .map(|b| {
                    let teacher = p.borrower(&b.teacher).name().to_owned();
                    let units = if b.units.is_empty() {
                        b.lines
                            .iter()
                            .map(|l| {
                                let name = p.model_name_in(&l.model, i18n.english());
                                format!("{} × {name}", l.quantity)
                            })
                            .collect::<Vec<_>>()
                            .join(", ")
                    } else {
                        b.units.iter().map(|u| u.label.as_str()).collect::<Vec<_>>().join(", ")
                    };
                    let late = b.days_late(today).map(|days| coordinator::loan_days_late(lang, days as usize));
                    // Occupancy read from a published catalogue has no project or teacher.
                    let project =
                        if b.project.is_empty() { coordinator::queue_untitled(lang, &b.id) } else { b.project.clone() };
                    let teacher = if b.teacher.is_empty() { Msg::QueueAnonymous.get(lang).to_owned() } else { teacher };
                    (b.id.clone(), project, teacher, b.start, b.end, units, late)
                })
                .collect()
        });
        found
            .into_iter()
            .map(|(id, project, teacher, start, end, units, late)| {
                view! {
                        <tr>
                            <th scope="row">
                                <A href=links.to(&routes::desk(&id))>{project}</A>
                                <span class="label-code">{id.clone()}</span>
                            </th>
                            <td>{teacher}</td>
                            <td>{format!("{} – {}", short(start), short(end))}</td>
                            <td>{units}</td>
                            <td>{late.map(|l| view! { <strong class="late">{l}</strong> })}</td>
                        </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section aria-labelledby=labelled_by>
            <h2 id=heading_id>{i18n.text(heading)}</h2>
            <Show when=move || ids.with(|i| !i.is_empty()) fallback=move || view! { <p>{i18n.text(empty)}</p> }>
                {help.map(|h| view! { <p>{i18n.text(h)}</p> })}
                <table class="data-table">
                    <caption class="date-sr">{i18n.text(heading)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.text(Msg::QueueColProject)}</th>
                            <th scope="col">{i18n.text(Msg::QueueColTeacher)}</th>
                            <th scope="col">{i18n.text(Msg::QueueColPeriod)}</th>
                            <th scope="col">{i18n.text(Msg::QueueColEquipment)}</th>
                            <th scope="col">{i18n.text(Msg::LoanColLate)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </Show>
        </section>
    }
}
