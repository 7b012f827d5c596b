use crate::domain::admin::Timeline;
use crate::i18n::coordinator;
use crate::i18n::Msg;
use crate::ui::components::StatusBadge;
use crate::ui::routes;
use crate::ui::state::{use_i18n, use_links, use_pool};
use crate::ui::wording::{long, short};
use chrono::Datelike;
use leptos::prelude::*;
use leptos_router::components::A;

/// A model's timeline as a table: one row per booking, one column per week (its Monday), the
/// quantity written in the weeks a booking covers, and a footer row with demand against
/// capacity where conflicts are said in words.
#[component]
pub fn TimelineTable(
    /// The timeline shown.
    timeline: Memo<Timeline>,
    /// The model's name, for the caption.
    model_name: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let links = use_links();
    let week_headers = move || {
        timeline.with(|t| {
            t.weeks
                .iter()
                .map(|w| {
                    let w = *w;
                    view! {
                        <th scope="col" class="timeline__week">
                            <span aria-hidden="true">{format!("{:02}/{:02}", w.day(), w.month())}</span>
                            <span class="date-sr">
                                {move || coordinator::timeline_week_of(i18n.lang(), &long(i18n.lang(), w))}
                            </span>
                        </th>
                    }
                })
                .collect_view()
        })
    };
    let rows = move || {
        let t = timeline.get();
        t.rows
            .into_iter()
            .map(|row| {
                let teacher = pool.pool.with_untracked(|p| p.borrower(&row.teacher).name().to_owned());
                let href = links.to(&routes::desk(&row.booking));
                let quantity = row.quantity;
                let cells = row
                    .cells
                    .iter()
                    .map(|on| {
                        if *on {
                            view! {
                                <td class="timeline__on">
                                    <span aria-hidden="true">"■ "</span>
                                    {quantity}
                                </td>
                            }
                            .into_any()
                        } else {
                            view! { <td class="timeline__off"></td> }.into_any()
                        }
                    })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">
                            <A href=href>{row.booking.clone()}</A>
                        </th>
                        <td>{teacher}</td>
                        <td>
                            <StatusBadge status=row.status />
                        </td>
                        <td class="num">{quantity}</td>
                        {cells}
                    </tr>
                }
            })
            .collect_view()
    };
    let footer = move || {
        let t = timeline.get();
        (0..t.weeks.len())
            .map(|w| {
                let demand = t.demand.get(w).copied().unwrap_or(0);
                let conflict = t.conflict(w);
                let capacity = t.capacity;
                view! {
                    <td class=if conflict { "timeline__demand timeline__demand--conflict" } else { "timeline__demand" }>
                        {format!("{demand} / {capacity}")}
                        {conflict.then(|| view! { <strong class="timeline__conflict">{i18n.text(Msg::TimelineConflict)}</strong> })}
                    </td>
                }
            })
            .collect_view()
    };
    let caption = move || {
        let first = timeline.with(|t| t.weeks.first().copied());
        let from = first.map(short).unwrap_or_default();
        coordinator::timeline_caption(i18n.lang(), &model_name.get(), &from)
    };
    view! {
        <div class="timeline-scroll" role="region" aria-labelledby="timeline-caption" tabindex="0">
            <table class="data-table timeline">
                <caption id="timeline-caption">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.text(Msg::TimelineBooking)}</th>
                        <th scope="col">{i18n.text(Msg::TimelineTeacher)}</th>
                        <th scope="col">{i18n.text(Msg::TimelineStatus)}</th>
                        <th scope="col">{i18n.text(Msg::TimelineQuantity)}</th>
                        {week_headers}
                    </tr>
                </thead>
                <tbody>
                    {rows}
                    <Show when=move || timeline.with(|t| t.rows.is_empty())>
                        <tr>
                            <td colspan=move || timeline.with(|t| t.weeks.len() + 4)>{i18n.text(Msg::TimelineEmpty)}</td>
                        </tr>
                    </Show>
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row" colspan="4">
                            {i18n.text(Msg::TimelineDemand)}
                        </th>
                        {footer}
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
