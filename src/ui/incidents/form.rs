use crate::domain::incident::deadline;
use crate::domain::{Actor, Booking, ChangeOutcome, DomainError, IncidentDeclaration, IncidentKind, PoolChange};
use crate::i18n::dates::parse_time_input;
use crate::i18n::teacher;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::platform::document::focus_by_id;
use crate::ui::components::{DateField, Field, Select, TextArea, TextInput};
use crate::ui::state::{use_i18n, use_pool};
use crate::ui::wording::{incident_kind_msg, long, refusal};
use chrono::Timelike;
use leptos::prelude::*;

const KINDS: [IncidentKind; 3] = [IncidentKind::Damage, IncidentKind::Loss, IncidentKind::Theft];

/// Declaring damage, loss or theft of a unit handed over with `booking`, with the 48-hour
/// guidance; the outcome (on time or late) is announced in the page's status line.
#[component]
pub fn IncidentForm(
    /// The booking the unit was lent under.
    booking: Booking,
    /// Whether the form is shown; cleared when it closes.
    open: RwSignal<bool>,
    /// The page's status line.
    notice: RwSignal<Option<String>>,
    /// Declared by the coordinator (at return) rather than by the borrower.
    #[prop(optional)]
    by_coordinator: bool,
    /// The unit chosen first (a unit returned damaged).
    #[prop(optional)]
    unit_first: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let now = clock::now();
    let labels: Vec<String> = booking.units.iter().map(|u| u.label.clone()).collect();
    let unit = RwSignal::new(
        unit_first.filter(|u| labels.contains(u)).or_else(|| labels.first().cloned()).unwrap_or_default(),
    );
    let kind = RwSignal::new(IncidentKind::Damage);
    let description = RwSignal::new(String::new());
    let day = RwSignal::new(Some(now.date()));
    let time = RwSignal::new(format!("{:02}:{:02}", now.hour(), now.minute()));
    let police = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    // The description refused empty by the rules: said on its field.
    let description_error = RwSignal::new(false);
    let prefix = format!("incident-{}", booking.id);
    let booking_id = booking.id.clone();
    let teacher = booking.teacher.clone();
    // Named: the form moves the focus to the description when the rules refuse it empty.
    let description_id = format!("{prefix}-description");
    let description_focus = description_id.clone();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        description_error.set(false);
        let Some(at) = parse_time_input(&time.get_untracked()) else {
            error.set(Some(i18n.t(Msg::IncidentTimeInvalid).to_owned()));
            return;
        };
        let Some(date) = day.get_untracked() else {
            error.set(Some(i18n.t(Msg::DateErrorEmpty).to_owned()));
            return;
        };
        let discovered_at = date.and_time(at);
        let now = clock::now();
        if discovered_at > now {
            error.set(Some(i18n.t(Msg::IncidentFuture).to_owned()));
            return;
        }
        let police_report = Some(police.get_untracked()).filter(|p| !p.trim().is_empty());
        let declaration = IncidentDeclaration {
            // Minted by the pool when the incident is declared.
            id: String::new(),
            unit: unit.get_untracked(),
            booking: Some(booking_id.clone()),
            kind: kind.get_untracked(),
            description: description.get_untracked(),
            discovered_at,
            police_report: police_report.clone(),
        };
        let by = if by_coordinator { Actor::Coordinator } else { Actor::Teacher(teacher.clone()) };
        let change = PoolChange::DeclareIncident { declaration, by, at: now };
        match pool.apply(change) {
            Ok(outcome) => {
                let late = matches!(outcome, ChangeOutcome::Declared(ref a) if a.late);
                let lang = i18n.lang();
                let mut text = i18n.t(if late { Msg::IncidentDeclaredLate } else { Msg::IncidentDeclared }).to_owned();
                if kind.get_untracked().needs_police_report() && police_report.is_none() {
                    let limit = deadline(discovered_at);
                    let reminder = teacher::incident_police_reminder(
                        i18n.lang(),
                        &long(lang, limit.date()),
                        &format!("{:02}:{:02}", limit.hour(), limit.minute()),
                    );
                    text = format!("{text} {reminder}");
                }
                notice.set(Some(text));
                open.set(false);
            }
            Err(DomainError::MissingText { field: "description" }) => {
                error.set(None);
                description_error.set(true);
                focus_by_id(&description_focus);
            }
            Err(e) => error.set(Some(refusal(i18n.lang(), &e))),
        }
    };
    let description_message =
        Signal::derive(move || description_error.get().then(|| i18n.t(Msg::IncidentDescriptionMissing).to_owned()));
    let name = format!("{prefix}-kind");
    let kinds = KINDS
        .into_iter()
        .map(|k| {
            let id = format!("{name}-{k:?}");
            view! {
                <div class="choice">
                    <input
                        type="radio"
                        id=id.clone()
                        name=name.clone()
                        prop:checked=move || kind.get() == k
                        on:change=move |_| kind.set(k)
                    />
                    <label for=id>{i18n.text(incident_kind_msg(k))}</label>
                </div>
            }
        })
        .collect_view();
    let day_field_id = format!("{prefix}-day");
    view! {
        <form class="form incident-form" on:submit=submit novalidate>
            <h3>{i18n.text(Msg::DeclareIncident)}</h3>
            <p class="guidance">{i18n.text(Msg::IncidentGuidance)}</p>
            <Field label=Msg::IncidentUnit>
                <Select on_change=move |value| unit.set(value)>
                    {labels
                        .into_iter()
                        .map(|l| {
                            let selected = l == unit.get_untracked();
                            view! { <option value=l.clone() selected=selected>{l.clone()}</option> }
                        })
                        .collect_view()}
                </Select>
            </Field>
            <fieldset class="choice-group">
                <legend>{i18n.text(Msg::IncidentKindLegend)}</legend>
                {kinds}
            </fieldset>
            // Refused by the rules on submitting: the error is announced.
            <Field label=Msg::IncidentDescription error=description_message id=description_id announce_error=true>
                <TextArea value=description />
            </Field>
            <DateField label=Msg::IncidentDiscovered value=day max=Some(now.date()) today=now.date() id=day_field_id />
            <Field label=Msg::IncidentTime>
                <TextInput value=time kind="time" />
            </Field>
            <Field label=Msg::IncidentPolice>
                <TextInput value=police maxlength=100 />
            </Field>
            // The live region stays; the message (and its ⚠) shows only with an error.
            <div role="alert">{move || error.get().map(|e| view! { <p class="field-error">{e}</p> })}</div>
            <div class="form-actions">
                <button type="submit" class="button--primary">
                    {i18n.text(Msg::IncidentSubmit)}
                </button>
                <button type="button" on:click=move |_| open.set(false)>
                    {i18n.text(Msg::IncidentCancel)}
                </button>
            </div>
        </form>
    }
}
