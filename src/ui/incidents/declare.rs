use crate::domain::{Actor, ChangeOutcome, IncidentDeclaration, IncidentKind, PoolChange};
use crate::i18n::coordinator;
use crate::i18n::dates::parse_time_input;
use crate::i18n::money::{format_euros, format_percent};
use crate::i18n::Msg;
use crate::platform::clock;
use crate::ui::components::{DateField, Field, FormErrors, Select, TextArea, TextInput};
use crate::ui::explain::explain;
use crate::ui::state::{use_i18n, use_pool};
use crate::ui::wording::{incident_kind_msg, short};
use chrono::Timelike;
use leptos::prelude::*;

const KINDS: [IncidentKind; 3] = [IncidentKind::Damage, IncidentKind::Loss, IncidentKind::Theft];

/// The coordinator declares an incident on any unit, typed by its label, optionally under one
/// of the bookings it was lent with; the reimbursable amount is announced at once.
#[component]
pub fn IncidentAdminDeclare(
    /// Whether the form is shown; cleared when it closes.
    open: RwSignal<bool>,
    /// The page's status line.
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let now = clock::now();
    let unit = RwSignal::new(String::new());
    let booking = RwSignal::new(String::new());
    let kind = RwSignal::new(IncidentKind::Damage);
    let description = RwSignal::new(String::new());
    let day = RwSignal::new(Some(now.date()));
    let time = RwSignal::new(format!("{:02}:{:02}", now.hour(), now.minute()));
    let police = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<String>::new());
    let labels =
        Memo::new(move |_| pool.with_catalogue(|c| c.units.iter().map(|u| u.label.clone()).collect::<Vec<_>>()));
    // The typed unit's label as the catalogue spells it (typed in any case), or as typed.
    let typed_label = move || {
        let typed = unit.get().trim().to_owned();
        labels.with(|all| all.iter().find(|l| l.eq_ignore_ascii_case(&typed)).cloned()).unwrap_or(typed)
    };
    // Bookings the typed unit was handed over with, latest first.
    let bookings = Memo::new(move |_| {
        let label = typed_label();
        if label.is_empty() {
            return Vec::new();
        }
        pool.pool.with(|p| {
            p.loans_of_unit(&label)
                .into_iter()
                .map(|b| {
                    let who = p.borrower(&b.teacher).name();
                    (b.id.clone(), format!("{} — {} ({} – {})", b.id, who, short(b.start), short(b.end)))
                })
                .collect::<Vec<_>>()
        })
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let label = untrack(typed_label);
        if label.is_empty() {
            errors.set(vec![i18n.t(Msg::IncidentAdminUnitMissing).to_owned()]);
            return;
        }
        let Some(at) = parse_time_input(&time.get_untracked()) else {
            errors.set(vec![i18n.t(Msg::IncidentTimeInvalid).to_owned()]);
            return;
        };
        let Some(date) = day.get_untracked() else {
            errors.set(vec![i18n.t(Msg::DateErrorEmpty).to_owned()]);
            return;
        };
        let discovered_at = date.and_time(at);
        let now = clock::now();
        if discovered_at > now {
            errors.set(vec![i18n.t(Msg::IncidentFuture).to_owned()]);
            return;
        }
        let chosen = Some(booking.get_untracked())
            .filter(|b| !b.is_empty() && bookings.get_untracked().iter().any(|(id, _)| id == b));
        let declaration = IncidentDeclaration {
            // Minted by the pool when the incident is declared.
            id: String::new(),
            unit: label.clone(),
            booking: chosen,
            kind: kind.get_untracked(),
            description: description.get_untracked(),
            discovered_at,
            police_report: Some(police.get_untracked().trim().to_owned()).filter(|p| !p.is_empty()),
        };
        match pool.apply(PoolChange::DeclareIncident { declaration, by: Actor::Coordinator, at: now }) {
            Ok(outcome) => {
                errors.set(Vec::new());
                let lang = i18n.lang();
                let mut text = coordinator::incident_admin_declared(i18n.lang(), &label);
                if let ChangeOutcome::Declared(a) = outcome {
                    let rate = format_percent(lang, a.rate_percent);
                    if let Some(cents) = a.reimbursable_cents {
                        let amount = format_euros(lang, cents);
                        text.push(' ');
                        text.push_str(&coordinator::incident_admin_declared_amount(i18n.lang(), &amount, &rate));
                    }
                    if a.late {
                        text.push(' ');
                        text.push_str(i18n.t(Msg::IncidentAdminDeclaredLate));
                    }
                }
                notice.set(Some(text));
                open.set(false);
            }
            Err(e) => errors.set(pool.pool.with_untracked(|p| explain(i18n.lang(), p, &e))),
        }
    };
    let kinds = KINDS
        .into_iter()
        .map(|k| {
            let id = format!("incident-admin-kind-{k:?}");
            view! {
                <div class="choice">
                    <input
                        type="radio"
                        id=id.clone()
                        name="incident-admin-kind"
                        prop:checked=move || kind.get() == k
                        on:change=move |_| kind.set(k)
                    />
                    <label for=id>{i18n.text(incident_kind_msg(k))}</label>
                </div>
            }
        })
        .collect_view();
    let booking_field = move || {
        let list = bookings.get();
        (!list.is_empty()).then(|| {
            let options = list
                .into_iter()
                .map(|(id, text)| view! { <option value=id.clone() selected=move || booking.get() == id>{text}</option> })
                .collect_view();
            view! {
                <Field label=Msg::IncidentAdminBooking>
                    <Select on_change=move |value| booking.set(value)>
                        <option value="" selected=move || booking.get().is_empty()>{i18n.text(Msg::IncidentAdminNoBooking)}</option>
                        {options}
                    </Select>
                </Field>
            }
        })
    };
    view! {
        <form class="form admin-form" on:submit=submit novalidate aria-labelledby="incident-admin-heading">
            <h2 id="incident-admin-heading">{i18n.text(Msg::IncidentAdminDeclareHeading)}</h2>
            <Field label=Msg::IncidentAdminUnit hint=Msg::IncidentAdminUnitHint id="incident-admin-unit">
                <TextInput
                    value=unit
                    maxlength=60
                    attr:list="incident-admin-units"
                    autocomplete="off"
                    attr:spellcheck="false"
                />
                <datalist id="incident-admin-units">
                    {move || labels.get().into_iter().map(|l| view! { <option value=l></option> }).collect_view()}
                </datalist>
            </Field>
            {booking_field}
            <fieldset class="choice-group">
                <legend>{i18n.text(Msg::IncidentKindLegend)}</legend>
                {kinds}
            </fieldset>
            <Field label=Msg::IncidentDescription>
                <TextArea value=description />
            </Field>
            <DateField label=Msg::IncidentDiscovered value=day max=Some(now.date()) today=now.date() id="incident-admin-day" />
            <Field label=Msg::IncidentTime>
                <TextInput value=time kind="time" />
            </Field>
            <Field label=Msg::IncidentAdminPoliceReference>
                <TextInput value=police maxlength=100 />
            </Field>
            <FormErrors errors=errors />
            <div class="form-actions">
                <button type="submit" class="button--primary">{i18n.text(Msg::IncidentAdminDeclareSubmit)}</button>
                <button type="button" on:click=move |_| open.set(false)>{i18n.text(Msg::IncidentAdminCancel)}</button>
            </div>
        </form>
    }
}
