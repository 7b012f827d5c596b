use crate::domain::incident::deadline;
use crate::domain::{Actor, Booking, ChangeOutcome, DomainError, IncidentDeclaration, IncidentKind, PoolChange};
use crate::i18n::dates::parse_time_input;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::platform::document::focus_by_id;
use crate::ui::components::DateField;
use crate::ui::labels::{incident_kind_msg, long, refusal};
use crate::ui::state::{use_i18n, use_pool};
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
    let description_focus = format!("{prefix}-description");

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
                    let reminder = i18n.tf(
                        Msg::IncidentPoliceReminder,
                        &[
                            ("date", &long(lang, limit.date())),
                            ("time", &format!("{:02}:{:02}", limit.hour(), limit.minute())),
                        ],
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
    let unit_id = format!("{prefix}-unit");
    let description_id = format!("{prefix}-description");
    let description_error_id = format!("{prefix}-description-error");
    let time_id = format!("{prefix}-time");
    let police_id = format!("{prefix}-police");
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
    // The date field takes a static id; one short string per opened form is a bounded cost.
    let day_field_id: &'static str = format!("{prefix}-day").leak();
    view! {
        <form class="form incident-form" on:submit=submit novalidate>
            <h3>{i18n.text(Msg::DeclareIncident)}</h3>
            <p class="guidance">{i18n.text(Msg::IncidentGuidance)}</p>
            <div class="field">
                <label for=unit_id.clone()>{i18n.text(Msg::IncidentUnit)}</label>
                <select id=unit_id on:change=move |ev| unit.set(event_target_value(&ev))>
                    {labels
                        .into_iter()
                        .map(|l| {
                            let selected = l == unit.get_untracked();
                            view! { <option value=l.clone() selected=selected>{l.clone()}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <fieldset class="choice-group">
                <legend>{i18n.text(Msg::IncidentKindLegend)}</legend>
                {kinds}
            </fieldset>
            <div class="field">
                <label for=description_id.clone()>{i18n.text(Msg::IncidentDescription)}</label>
                <textarea
                    id=description_id
                    rows="3"
                    maxlength="2000"
                    aria-invalid=move || description_error.get().then_some("true")
                    aria-describedby={
                        let id = description_error_id.clone();
                        move || description_error.get().then(|| id.clone())
                    }
                    on:input=move |ev| description.set(event_target_value(&ev))
                ></textarea>
                <div role="alert">
                    {move || {
                        description_error
                            .get()
                            .then(|| {
                                view! {
                                    <p id=description_error_id.clone() class="field-error">
                                        {i18n.t(Msg::IncidentDescriptionMissing)}
                                    </p>
                                }
                            })
                    }}
                </div>
            </div>
            <DateField label=Msg::IncidentDiscovered value=day max=Some(now.date()) today=now.date() id=day_field_id />
            <div class="field">
                <label for=time_id.clone()>{i18n.text(Msg::IncidentTime)}</label>
                <input id=time_id type="time" prop:value=move || time.get() on:input=move |ev| time.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for=police_id.clone()>{i18n.text(Msg::IncidentPolice)}</label>
                <input id=police_id type="text" maxlength="100" on:input=move |ev| police.set(event_target_value(&ev)) />
            </div>
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
