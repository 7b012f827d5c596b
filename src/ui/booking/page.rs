use crate::domain::{Actor, BookingRequest, BookingStatus, ChangeOutcome, DomainError, PoolChange};
use crate::i18n::teacher;
use crate::i18n::Msg;
use crate::platform::{clock, document};
use crate::ui::booking::{BasketTable, BookingCheckPanel, PlanCheck, ProfileNotice};
use crate::ui::components::{Field, PageTitle, PeriodFields, Select, TextArea, TextField};
use crate::ui::routes;
use crate::ui::settings::file_exchange::SendRequests;
use crate::ui::state::{use_i18n, use_links, use_plan, use_pool, use_profile, use_role};
use crate::ui::wording::{long, refusal, status_msg};
use leptos::prelude::*;
use leptos_router::components::A;

const SUMMARY_ID: &str = "booking-errors";
const CONFIRMATION_ID: &str = "booking-confirmation";

/// A booking just recorded: project, period and status.
#[derive(Clone)]
struct Recorded {
    project: String,
    start: chrono::NaiveDate,
    end: chrono::NaiveDate,
    status: BookingStatus,
}

/// Booking: the project period, the basket, the project, acceptance of the agreement; the
/// rules are checked as the teacher types, and a confirmation shows the booking's status.
#[component]
pub fn BookingPage() -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let plan = use_plan();
    let profile = use_profile();
    let links = use_links();
    // The form is the plan's draft: kept across pages and visits until the booking is sent.
    let (project, class, notes) = (plan.project, plan.class, plan.notes);
    let errors = RwSignal::new(Vec::<String>::new());
    let recorded = RwSignal::new(None::<Recorded>);
    let agreement = Memo::new(move |_| pool.with_state(|s| s.settings.agreement.clone()));
    // A tick given to an older agreement does not count for the current one.
    let accepted = move || agreement.with(|a| plan.accepted.with(|v| v.as_deref() == Some(a.version.as_str())));
    let role = use_role();
    // In coordinator mode, the teacher booked for (empty: the profile's own teacher).
    let on_behalf = RwSignal::new(String::new());
    let booker = move || {
        let chosen = on_behalf.get();
        if role.coordinator.get() && !chosen.is_empty() {
            Some((chosen.clone(), Actor::Coordinator))
        } else {
            profile.id().map(|t| (t.clone(), Actor::Teacher(t)))
        }
    };

    let request_for = move |teacher: String, title: String| {
        let (start, end) = plan.period()?;
        let lines = plan.basket.get();
        if lines.is_empty() {
            return None;
        }
        Some(BookingRequest {
            // Minted by the pool when the booking is made.
            id: String::new(),
            teacher,
            lines,
            start,
            end,
            project: title,
            class: class.get_untracked().trim().to_owned(),
            notes: notes.get_untracked().trim().to_owned(),
            agreement_version: agreement.with(|a| a.version.clone()),
            override_reason: None,
        })
    };
    let request = move |title: String| request_for(booker()?.0, title);
    // The rules, checked on every change of the period, basket or pool; the form fields not
    // yet filled in do not hide the availability answer.
    // Every problem is listed at once; without a profile, that is one of them.
    let check: Memo<PlanCheck> = Memo::new(move |_| {
        let (teacher, by) = booker().unwrap_or_else(|| (String::new(), Actor::Teacher(String::new())));
        let mut draft = request_for(teacher, "-".to_owned())?;
        // Any id the pool does not hold: the check is about the rules, not the id.
        draft.id = "-".to_owned();
        let today = clock::today();
        Some(pool.pool.with(|p| {
            let problems = p.booking_problems(&draft, today);
            if problems.is_empty() {
                p.validate_booking(&draft, &by, today).map_err(|e| vec![e])
            } else {
                Err(problems)
            }
        }))
    });
    // The nearest dates the whole basket accepts, when the dates are what is wrong.
    let suggestion = Memo::new(move |_| {
        let dates_wrong = check.with(|c| {
            matches!(c, Some(Err(errors)) if errors.iter().any(|e| matches!(e, DomainError::Period(_) | DomainError::NotEnoughUnits(_))))
        });
        if !dates_wrong {
            return None;
        }
        let (start, end) = plan.period()?;
        let lines = plan.basket.get();
        pool.pool.with(|p| p.nearest_period_for(&lines, start, end, clock::today()))
    });
    let profile_missing = RwSignal::new(false);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = Vec::new();
        let no_booker = untrack(booker).is_none();
        profile_missing.set(no_booker);
        if no_booker {
            found.push(i18n.t(Msg::ErrorProfileMissing).to_owned());
        }
        if plan.start.get_untracked().is_none() || plan.end.get_untracked().is_none() {
            found.push(i18n.t(Msg::ErrorPeriodMissing).to_owned());
        }
        if plan.basket.with_untracked(Vec::is_empty) {
            found.push(i18n.t(Msg::ErrorBasketEmpty).to_owned());
        }
        let title = project.get_untracked().trim().to_owned();
        if title.is_empty() {
            found.push(i18n.t(Msg::ErrorProjectMissing).to_owned());
        }
        if !untrack(accepted) {
            found.push(i18n.t(Msg::ErrorAgreementMissing).to_owned());
        }
        if check.get_untracked().is_some_and(|c| c.is_err()) {
            found.push(i18n.t(Msg::ErrorRules).to_owned());
        }
        if found.is_empty() {
            if let Some((draft, (_, by))) = request(title.clone()).zip(booker()) {
                let (start, end) = (draft.start, draft.end);
                match pool.apply(PoolChange::CreateBooking { request: draft, by, at: clock::now() }) {
                    Ok(outcome) => {
                        let status = match outcome {
                            ChangeOutcome::Booked { status, .. } => status,
                            _ => BookingStatus::Requested,
                        };
                        recorded.set(Some(Recorded { project: title, start, end, status }));
                        plan.clear_sent();
                        errors.set(Vec::new());
                        request_animation_frame(|| document::focus_by_id(CONFIRMATION_ID));
                        return;
                    }
                    Err(e) => found.push(refusal(i18n.lang(), &e)),
                }
            }
        }
        errors.set(found);
        request_animation_frame(|| document::focus_by_id(SUMMARY_ID));
    };

    let confirmation = move || {
        recorded.get().map(|r| {
            let lang = i18n.lang();
            let next = if r.status == BookingStatus::AwaitingTraining {
                Msg::ConfirmNextAwaiting
            } else {
                Msg::ConfirmNextRequested
            };
            view! {
                <section class="confirmation" aria-labelledby=CONFIRMATION_ID>
                    <h2 id=CONFIRMATION_ID tabindex="-1">
                        {i18n.t(Msg::ConfirmTitle)}
                    </h2>
                    <p>
                        {teacher::confirm_text(lang, &r.project, &long(lang, r.start), &long(lang, r.end))}
                    </p>
                    <p class="confirmation__status">
                        {teacher::confirm_status(i18n.lang(), i18n.t(status_msg(r.status)))}
                    </p>
                    <p>{i18n.t(next)}</p>
                    <Show when=move || !role.coordinator.get()>
                        <SendRequests id="confirmation-send" />
                    </Show>
                    <p class="form-actions">
                        <A href=links.to(routes::MY_BOOKINGS)>{i18n.t(Msg::ConfirmSeeBookings)}</A>
                        <button type="button" on:click=move |_| recorded.set(None)>
                            {i18n.t(Msg::ConfirmNewBooking)}
                        </button>
                    </p>
                </section>
            }
        })
    };

    let form = move || {
        view! {
            <div id=SUMMARY_ID tabindex="-1" class="error-summary">
                <Show when=move || !errors.with(Vec::is_empty)>
                    <div role="alert">
                        <p class="error-summary__title">{i18n.text(Msg::FormErrorsTitle)}</p>
                        <ul>{move || errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                        <Show when=move || profile_missing.get()>
                            <p>
                                <A href=links.to(routes::PROFILE)>{i18n.text(Msg::ProfileComplete)}</A>
                            </p>
                        </Show>
                    </div>
                </Show>
            </div>
            <form class="form form--wide" on:submit=on_submit novalidate>
                <Show when=move || role.coordinator.get()>
                    <Field label=Msg::BookFor hint=Msg::BookForHelp>
                        <Select on_change=move |value| on_behalf.set(value)>
                            <option value="">{i18n.text(Msg::BookForMe)}</option>
                            {move || {
                                let mut teachers: Vec<(String, String)> = pool
                                    .with_state(|s| s.teachers.iter().map(|t| (t.name.clone(), t.id.clone())).collect());
                                teachers.sort();
                                teachers
                                    .into_iter()
                                    .map(|(name, id)| {
                                        let current = id.clone();
                                        view! {
                                            <option value=id selected=move || on_behalf.get() == current>
                                                {name}
                                            </option>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </Select>
                    </Field>
                </Show>
                <fieldset>
                    <legend>{i18n.text(Msg::BookPeriodHeading)}</legend>
                    <p class="help">
                        {move || {
                            pool.with_state(|s| {
                                teacher::book_period_help(i18n.lang(), usize::from(s.settings.min_notice_days))
                            })
                        }}
                    </p>
                    <PeriodFields id="book" />
                </fieldset>
                <fieldset>
                    <legend>{i18n.text(Msg::BookBasketHeading)}</legend>
                    <BasketTable />
                </fieldset>
                <BookingCheckPanel check=check suggestion=suggestion />
                <fieldset>
                    <legend>{i18n.text(Msg::BookProjectHeading)}</legend>
                    <TextField id="book-project" label=Msg::ProjectTitle value=project />
                    <TextField
                        id="book-class"
                        label=Msg::ProjectClass
                        value=class
                        hint=Msg::ProjectClassHint
                        list="book-class-previous"
                    />
                    // The classes of earlier bookings, offered again.
                    <datalist id="book-class-previous">
                        {move || {
                            let teacher = profile.id().unwrap_or_default();
                            let mut classes: Vec<String> = pool
                                .pool
                                .with(|p| p.bookings_of(&teacher).iter().map(|b| b.class.clone()).collect());
                            classes.retain(|c| !c.is_empty());
                            classes.sort();
                            classes.dedup();
                            classes.into_iter().map(|c| view! { <option value=c></option> }).collect_view()
                        }}
                    </datalist>
                    <Field label=Msg::ProjectNotes>
                        <TextArea value=notes />
                    </Field>
                </fieldset>
                <fieldset>
                    <legend>{i18n.text(Msg::BookAgreementHeading)}</legend>
                    <p class="help">
                        {move || agreement.with(|a| teacher::agreement_version(i18n.lang(), &a.version))}
                    </p>
                    <ol class="clauses">
                        {move || {
                            let english = i18n.english();
                            agreement
                                .with(|a| {
                                    a.clauses
                                        .iter()
                                        .map(|c| view! { <li>{c.pick(english).to_owned()}</li> })
                                        .collect_view()
                                })
                        }}
                    </ol>
                    <div class="choice">
                        <input
                            id="book-accept"
                            type="checkbox"
                            prop:checked=accepted
                            on:change=move |ev| {
                                let ticked = event_target_checked(&ev).then(|| agreement.with_untracked(|a| a.version.clone()));
                                plan.accepted.set(ticked);
                            }
                        />
                        <label for="book-accept">
                            {move || agreement.with(|a| teacher::agreement_accept(i18n.lang(), &a.version))}
                        </label>
                    </div>
                </fieldset>
                <div class="form-actions">
                    <button type="submit" class="button--primary">
                        {i18n.text(Msg::BookSubmit)}
                    </button>
                </div>
            </form>
        }
    };

    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::BookTitle).to_owned()) />
        <h1>{i18n.text(Msg::BookTitle)}</h1>
        <p class="lead">{i18n.text(Msg::BookIntro)}</p>
        <ProfileNotice />
        <Show when=move || recorded.with(Option::is_some) fallback=form>
            {confirmation}
        </Show>
    }
}
