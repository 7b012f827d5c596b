use crate::domain::{Booking, ChangeOutcome, Condition, Pool, PoolChange, ReturnReport};
use crate::i18n::coordinator;
use crate::i18n::{Lang, Msg};
use crate::platform::clock;
use crate::ui::explain::explain;
use crate::ui::state::{use_i18n, use_pool};
use crate::ui::wording::{condition_msg, short, CONDITIONS};
use leptos::prelude::*;

/// What a return did, in words: the units available again, those gone for repair (and the
/// incident to declare), and the bookings to come that they leave short (rule R1).
fn return_notice(lang: Lang, pool: &Pool, report: &ReturnReport) -> String {
    let mut text = vec![Msg::ReturnDone.get(lang).to_owned()];
    if !report.available.is_empty() {
        text.push(coordinator::return_available(lang, report.available.len(), &report.available.join(", ")));
    }
    if !report.to_repair.is_empty() {
        text.push(coordinator::return_damaged(lang, report.to_repair.len(), &report.to_repair.join(", ")));
    }
    for gap in &report.short {
        let Some(b) = pool.booking(&gap.booking) else { continue };
        let teacher = pool.borrower(&b.teacher).name();
        text.push(coordinator::return_short(
            lang,
            &b.project,
            teacher,
            &short(b.start),
            &short(b.end),
            gap.shortage.requested as usize,
            &pool.model_name_in(&gap.shortage.model, lang == Lang::En),
            gap.shortage.free as usize,
        ));
    }
    text.join(" ")
}

/// The return of a loan: every unit handed over, with the condition it comes back in (the
/// condition it left in, to start with). A unit back damaged leaves service until repaired
/// and opens the incident declaration.
#[component]
pub fn ReturnForm(
    /// The booking handed over.
    booking: Booking,
    /// The page's status line.
    notice: RwSignal<Option<String>>,
    /// Opens the incident form of the page.
    declaring: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let units: Vec<(String, String, Condition)> = pool.pool.with_untracked(|p| {
        booking
            .units
            .iter()
            .map(|u| {
                let name = p.model_name_in(&u.model, i18n.english());
                (u.label.clone(), name, u.condition_out)
            })
            .collect()
    });
    let back = RwSignal::new(units.iter().map(|(l, _, c)| (l.clone(), *c)).collect::<Vec<_>>());
    let problems = RwSignal::new(Vec::<String>::new());
    let id = booking.id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let returned = back.get_untracked();
        match pool.apply(PoolChange::Return { id: id.clone(), returned, at: clock::now() }) {
            Ok(outcome) => {
                problems.set(Vec::new());
                let report = match outcome {
                    ChangeOutcome::Returned(report) => report,
                    _ => ReturnReport::default(),
                };
                notice.set(Some(pool.pool.with_untracked(|p| return_notice(i18n.lang(), p, &report))));
                if !report.to_repair.is_empty() {
                    declaring.set(true);
                }
            }
            Err(e) => problems.set(pool.pool.with_untracked(|p| explain(i18n.lang(), p, &e))),
        }
    };
    let rows = units
        .into_iter()
        .enumerate()
        .map(|(i, (label, model, out))| {
            let select_id = format!("return-{i}");
            let aria = coordinator::return_condition_of(i18n.lang(), &label);
            let options = CONDITIONS
                .into_iter()
                .map(|c| {
                    view! {
                        <option value=format!("{c:?}") selected=c == out>
                            {i18n.t(condition_msg(c))}
                        </option>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td>{model}</td>
                    <td>{i18n.t(condition_msg(out))}</td>
                    <td>
                        <select
                            id=select_id
                            aria-label=aria
                            on:change=move |ev| {
                                let value = event_target_value(&ev);
                                if let Some(c) = CONDITIONS.into_iter().find(|c| format!("{c:?}") == value) {
                                    back.update(|b| {
                                        if let Some(slot) = b.get_mut(i) {
                                            slot.1 = c;
                                        }
                                    });
                                }
                            }
                        >
                            {options}
                        </select>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="return-heading">
            <h2 id="return-heading">{i18n.text(Msg::ReturnHeading)}</h2>
            <form class="form" on:submit=submit novalidate>
                <table class="data-table">
                    <caption>{i18n.text(Msg::ReturnCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.text(Msg::ReturnColLabel)}</th>
                            <th scope="col">{i18n.text(Msg::ReturnColModel)}</th>
                            <th scope="col">{i18n.text(Msg::ReturnColOut)}</th>
                            <th scope="col">{i18n.text(Msg::ReturnColBack)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
                <div role="alert" class="alert-slot">
                    <Show when=move || problems.with(|p| !p.is_empty())>
                        <div class="alert">
                            <ul>{move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                        </div>
                    </Show>
                </div>
                <button type="submit" class="button--primary">
                    {i18n.text(Msg::ReturnSubmit)}
                </button>
            </form>
        </section>
    }
}
