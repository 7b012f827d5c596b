use crate::domain::incident::{depreciation_rate_percent, REPLACEMENT_AGE_LIMIT};
use crate::i18n::coordinator;
use crate::i18n::money::format_percent;
use crate::i18n::Msg;
use crate::ui::state::use_i18n;
use leptos::prelude::*;

/// The depreciation table as a reference: the share of the replacement value the commune
/// reimburses by the unit's age in whole years, and the age past which a unit is not replaced.
#[component]
pub fn IncidentAdminRates() -> impl IntoView {
    let i18n = use_i18n();
    let rows = move || {
        (0..=5)
            .map(|age: i32| {
                let label = match age {
                    0 => i18n.t(Msg::RatesAgeNew).to_owned(),
                    5 => coordinator::rates_age_and_more(i18n.lang(), 5),
                    n => coordinator::rates_age(i18n.lang(), n.unsigned_abs() as usize),
                };
                view! {
                    <tr>
                        <th scope="row">{label}</th>
                        <td class="num">{format_percent(i18n.lang(), depreciation_rate_percent(age))}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section aria-labelledby="rates-heading">
            <h2 id="rates-heading">{i18n.text(Msg::RatesHeading)}</h2>
            <table class="data-table rates-table">
                <caption>{i18n.text(Msg::RatesCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.text(Msg::RatesAgeColumn)}</th>
                        <th scope="col">{i18n.text(Msg::RatesRateColumn)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <p>{move || coordinator::rates_not_replaced(i18n.lang(), REPLACEMENT_AGE_LIMIT.unsigned_abs() as usize)}</p>
        </section>
    }
}
