use crate::i18n::teacher;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::ui::components::{Icon, IconKind};
use crate::ui::state::{use_i18n, use_pool};
use crate::ui::wording::{holiday_name, short};
use leptos::prelude::*;

/// How many weeks the timeline shows.
const WEEKS: usize = 10;

/// A model's availability week by week for the coming weeks, with school holidays and public
/// holidays named; free counts are text with an icon.
#[component]
pub fn AvailabilityTable(
    /// The model's id.
    model: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let weeks = Memo::new(move |_| pool.pool.with(|p| p.weekly_availability(&model, clock::today(), WEEKS)));
    let rows = move || {
        weeks
            .get()
            .into_iter()
            .map(|w| {
                let (icon, free) = if !w.has_class {
                    (IconKind::Unavailable, i18n.t(Msg::NoClass).to_owned())
                } else if w.free == 0 {
                    (IconKind::Unavailable, i18n.t(Msg::NoneFree).to_owned())
                } else {
                    let text = teacher::free_of(i18n.lang(), w.free as usize, w.in_service as usize);
                    (if w.free == w.in_service { IconKind::Check } else { IconKind::Units }, text)
                };
                view! {
                    <tr class:week--closed=!w.has_class>
                        <th scope="row">{teacher::week_of(i18n.lang(), &short(w.monday))}</th>
                        <td>
                            <Icon kind=icon />
                            {free}
                        </td>
                        <td>
                            {w
                                .closures
                                .iter()
                                .map(|name| holiday_name(i18n.lang(), name))
                                .collect::<Vec<_>>()
                                .join(", ")}
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <h2 id="availability-heading">{i18n.text(Msg::AvailabilityHeading)}</h2>
        <table class="data-table availability" aria-labelledby="availability-heading">
            <caption>{i18n.text(Msg::AvailabilityCaption)}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n.text(Msg::AvailabilityWeek)}</th>
                    <th scope="col">{i18n.text(Msg::AvailabilityFree)}</th>
                    <th scope="col">{i18n.text(Msg::AvailabilityNote)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
