use crate::domain::{Booking, DomainError, PoolChange};
use crate::i18n::coordinator;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::ui::components::{Field, Select};
use crate::ui::explain::explain;
use crate::ui::routes;
use crate::ui::state::{use_i18n, use_links, use_pool};
use crate::ui::wording::{condition_msg, long};
use leptos::prelude::*;
use leptos_router::components::A;

/// One unit to pick at hand-over: which model, its place among that model's units.
#[derive(Clone)]
struct Slot {
    model_name: String,
    number: usize,
    of: usize,
}

/// Hand-over: the units to give, one choice per unit booked, filled with suggested units
/// (in service, not out, best condition first) and changeable. The rules check the units and
/// the trainings (R3: every required training completed and valid today, whatever the
/// booking's status); a missing or expired training is named before the coordinator tries.
#[component]
pub fn HandOverForm(
    /// The booking to hand over (confirmed).
    booking: Booking,
    /// The page's status line.
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let links = use_links();
    let today = clock::today();
    let id = booking.id.clone();
    let (slots, choices, suggested) = pool.pool.with_untracked(|p| {
        let mut slots = Vec::new();
        let mut choices = Vec::new();
        let mut models: Vec<&str> = Vec::new();
        for line in &booking.lines {
            if models.contains(&line.model.as_str()) {
                continue;
            }
            models.push(&line.model);
            let of = booking.quantity_of(&line.model) as usize;
            let model_name = p.model_name_in(&line.model, i18n.english());
            let units: Vec<(String, String)> = p
                .units_available_for(&booking.id, &line.model)
                .into_iter()
                .map(|u| (u.label.clone(), format!("{} — {}", u.label, i18n.t(condition_msg(u.condition)))))
                .collect();
            for number in 1..=of {
                slots.push(Slot { model_name: model_name.clone(), number, of });
                choices.push(units.clone());
            }
        }
        // Suggestions come model by model in line order, as the slots do.
        let suggested = p.suggest_units(&booking);
        (slots, choices, suggested)
    });
    // Each choice starts on a suggested unit of its model, none used twice.
    let mut remaining = suggested;
    let picked_start: Vec<String> = choices
        .iter()
        .map(|units| match remaining.iter().position(|l| units.iter().any(|(v, _)| v == l)) {
            Some(i) => remaining.remove(i),
            None => String::new(),
        })
        .collect();
    let picked = RwSignal::new(picked_start);
    let missing = pool.pool.with_untracked(|p| p.missing_for_hand_over(&id, today).unwrap_or_default());
    let warning = (!missing.is_empty()).then(|| {
        let lines = pool.pool.with_untracked(|p| explain(i18n.lang(), p, &DomainError::TrainingMissing(missing)));
        view! {
            <div class="alert" role="note">
                <p>
                    <strong>{i18n.t(Msg::HandOverTrainingWarning)}</strong>
                </p>
                <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </div>
        }
    });
    // Before the first day the equipment leaves the pool longer than booked: said before the
    // coordinator confirms.
    let start = booking.start;
    let early = booking.days_early(today).map(|days| {
        let text = move || coordinator::hand_over_early(i18n.lang(), days as usize, &long(i18n.lang(), start));
        view! {
            <div class="alert" role="note">
                <p>{text}</p>
            </div>
        }
    });
    let problems = RwSignal::new(Vec::<String>::new());
    let agreement = links.to(&routes::desk_agreement(&id));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let labels: Vec<String> = picked.get_untracked().into_iter().filter(|l| !l.is_empty()).collect();
        let change = PoolChange::HandOver { id: id.clone(), labels: labels.clone(), at: clock::now() };
        match pool.apply(change) {
            Ok(_) => {
                problems.set(Vec::new());
                notice.set(Some(coordinator::hand_over_done(i18n.lang(), &labels.join(", "))));
            }
            Err(e) => problems.set(pool.pool.with_untracked(|p| explain(i18n.lang(), p, &e))),
        }
    };
    let selects = slots
        .into_iter()
        .zip(choices)
        .enumerate()
        .map(|(i, (slot, units))| {
            let label = coordinator::hand_over_unit_label(i18n.lang(), &slot.model_name, slot.number, slot.of);
            let options = units
                .into_iter()
                .map(|(value, text)| {
                    let current = value.clone();
                    view! {
                        <option value=value selected=move || picked.with(|p| p.get(i) == Some(&current))>
                            {text}
                        </option>
                    }
                })
                .collect_view();
            view! {
                <Field label=label class="field--inline">
                    <Select on_change=move |value: String| {
                        picked.update(|p| {
                            if let Some(slot) = p.get_mut(i) {
                                *slot = value;
                            }
                        });
                    }>
                        <option value="">{i18n.t(Msg::HandOverNone)}</option>
                        {options}
                    </Select>
                </Field>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="hand-over-heading">
            <h2 id="hand-over-heading">{i18n.text(Msg::HandOverHeading)}</h2>
            {warning}
            {early}
            <form class="form" on:submit=submit novalidate>
                <fieldset>
                    <legend>{i18n.text(Msg::HandOverUnits)}</legend>
                    <p class="help">{i18n.text(Msg::HandOverHelp)}</p>
                    {selects}
                </fieldset>
                <div role="alert" class="alert-slot">
                    <Show when=move || problems.with(|p| !p.is_empty())>
                        <div class="alert">
                            <p>{i18n.text(Msg::HandOverRefused)}</p>
                            <ul>{move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                        </div>
                    </Show>
                </div>
                <div class="form-actions">
                    <button type="submit" class="button--primary">
                        {i18n.text(Msg::HandOverSubmit)}
                    </button>
                    <A href=agreement>{i18n.text(Msg::HandOverPreview)}</A>
                </div>
            </form>
        </section>
    }
}
