use crate::domain::period::PeriodProblem;
use crate::domain::training::MissingReason;
use crate::domain::{BookingCheck, BookingStatus, DomainError};
use crate::i18n::teacher;
use crate::i18n::{Lang, Msg};
use crate::ui::components::{Icon, IconKind};
use crate::ui::profile::{EnrolmentStatus, SessionList, UnenrollButton};
use crate::ui::routes;
use crate::ui::state::{use_i18n, use_links, use_plan, use_pool, I18n};
use crate::ui::wording::{day_reason, long, refusal};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

/// The outcome of checking the plan against the rules, as the booking form shows it: every
/// problem at once.
pub type PlanCheck = Option<Result<BookingCheck, Vec<DomainError>>>;

fn period_problem(i18n: I18n, lang: Lang, problem: &PeriodProblem) -> String {
    match problem {
        PeriodProblem::EndBeforeStart => i18n.t(Msg::PeriodEndBeforeStart).to_owned(),
        PeriodProblem::StartNotSchoolDay { kind } => {
            teacher::period_start_no_class(i18n.lang(), &day_reason(lang, kind))
        }
        PeriodProblem::EndNotSchoolDay { kind } => teacher::period_end_no_class(i18n.lang(), &day_reason(lang, kind)),
        PeriodProblem::NoticeTooShort { earliest_start, notice_days } => {
            teacher::period_notice(i18n.lang(), &long(lang, *earliest_start), usize::from(*notice_days))
        }
        PeriodProblem::TooLong { max_weeks, latest_end } => {
            teacher::period_too_long(i18n.lang(), usize::from(*max_weeks), &long(lang, *latest_end))
        }
        PeriodProblem::BeyondHorizon { horizon } => teacher::period_beyond(i18n.lang(), &long(lang, *horizon)),
    }
}

/// A button that moves the plan to another period.
fn use_dates_button(i18n: I18n, (start, end): (NaiveDate, NaiveDate)) -> impl IntoView {
    let plan = use_plan();
    let lang = i18n.lang();
    let label = teacher::use_these_dates(i18n.lang(), &long(lang, start), &long(lang, end));
    view! {
        <button
            type="button"
            class="suggestion"
            on:click=move |_| {
                plan.start.set(Some(start));
                plan.end.set(Some(end));
            }
        >
            {label}
        </button>
    }
}

/// The rule check of the booking being prepared, updated as the teacher types: what is wrong
/// in plain words, and what would work instead (other dates, another model, a training session).
#[component]
pub fn BookingCheckPanel(
    /// The current outcome.
    check: Memo<PlanCheck>,
    /// The nearest period every line of the basket accepts, when the dates are the problem.
    suggestion: Memo<Option<(NaiveDate, NaiveDate)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let plan = use_plan();
    let links = use_links();
    let status = EnrolmentStatus::new();
    let model_name = move |id: &str| {
        pool.pool.with(|p| p.model(id).map_or_else(|| id.to_owned(), |m| m.name_in(i18n.english()).to_owned()))
    };
    let problems = move |error: DomainError| {
        let lang = i18n.lang();
        match error {
            DomainError::Period(e) => {
                let items =
                    e.problems.iter().map(|p| view! { <li>{period_problem(i18n, lang, p)}</li> }).collect_view();
                view! { <ul>{items}</ul> }.into_any()
            }
            DomainError::TrainingMissing(missing) => missing
                .into_iter()
                .map(|m| {
                    let english = i18n.english();
                    let training = pool.with_catalogue(|c| {
                        c.training(&m.training).map_or_else(|| m.training.clone(), |t| t.name.pick(english).to_owned())
                    });
                    let models = plan.basket.with_untracked(|lines| {
                        lines
                            .iter()
                            .filter(|l| {
                                pool.pool.with(|p| {
                                    p.model(&l.model).is_some_and(|x| x.required_trainings.contains(&m.training))
                                })
                            })
                            .map(|l| model_name(&l.model))
                            .collect::<Vec<_>>()
                            .join(", ")
                    });
                    let why = match m.reason {
                        MissingReason::NeverCompleted => {
                            teacher::training_missing_text(i18n.lang(), &models, &training)
                        }
                        MissingReason::Expired { expired_on } => {
                            teacher::training_expired_text(i18n.lang(), &training, &long(lang, expired_on))
                        }
                    };
                    // Only a session ending before the loan starts lets the booking await it.
                    let loan_start = plan.start.get_untracked();
                    let in_time = m.next_sessions.iter().find(|s| loan_start.is_none_or(|start| s.end < start));
                    let next = match in_time {
                        Some(s) => teacher::training_next_session(
                            i18n.lang(),
                            &long(lang, s.start),
                            &s.place,
                            usize::from(s.seats_left),
                        ),
                        None => i18n.t(Msg::TrainingNoSessionInTime).to_owned(),
                    };
                    view! {
                        <div class="check-item">
                            <p>{why}</p>
                            <p>{next}</p>
                            <SessionList sessions=m.next_sessions loan_start=loan_start status=status />
                        </div>
                    }
                })
                .collect_view()
                .into_any(),
            DomainError::NotEnoughUnits(shortages) => shortages
                .into_iter()
                .map(|s| {
                    let name = model_name(&s.model);
                    let text = teacher::shortage_text(i18n.lang(), &name, s.free as usize, s.requested as usize);
                    // The dates that suit the whole basket are offered once, below.
                    let next = s.next_free.is_none().then(|| {
                        view! { <p>{teacher::shortage_no_next(i18n.lang(), s.requested as usize)}</p> }
                    });
                    let alternatives = plan
                        .period()
                        .map(|(start, end)| {
                            pool.pool.with(|p| {
                                p.alternatives(&s.model, s.requested, start, end)
                                    .into_iter()
                                    .take(2)
                                    .map(|(m, free)| (m.id.clone(), m.name_in(i18n.english()).to_owned(), free))
                                    .collect::<Vec<_>>()
                            })
                        })
                        .unwrap_or_default()
                        .into_iter()
                        .map(|(id, alt, free)| {
                            let from = s.model.clone();
                            let replace = move |_| {
                                plan.basket.update(|lines| {
                                    if let Some(line) = lines.iter_mut().find(|l| l.model == from) {
                                        line.model = id.clone();
                                    }
                                });
                            };
                            view! {
                                <p>
                                    {teacher::alternative_text(i18n.lang(), &alt, free as usize)}
                                </p>
                                <button type="button" class="suggestion" on:click=replace>
                                    {teacher::use_alternative(i18n.lang(), &alt)}
                                </button>
                            }
                        })
                        .collect_view();
                    view! {
                        <div class="check-item">
                            <p>{text}</p>
                            {next}
                            {alternatives}
                        </div>
                    }
                })
                .collect_view()
                .into_any(),
            DomainError::UnknownTeacher(_) => view! {
                <div class="check-item">
                    <p>{i18n.t(Msg::ProfileNeeded)}</p>
                    <A href=links.to(routes::PROFILE)>{i18n.t(Msg::ProfileComplete)}</A>
                </div>
            }
            .into_any(),
            other => view! { <p>{refusal(i18n.lang(), &other)}</p> }.into_any(),
        }
    };
    let body = move || match check.get() {
        None => view! { <p>{i18n.t(Msg::CheckWaiting)}</p> }.into_any(),
        Some(Ok(ok)) => {
            let msg = if ok.status == BookingStatus::AwaitingTraining { Msg::CheckAwaiting } else { Msg::CheckOk };
            let lang = i18n.lang();
            // The sessions the booking would await, each of which she may leave.
            let awaiting = ok
                .awaiting_sessions
                .iter()
                .filter_map(|id| {
                    pool.with_state(|s| {
                        s.sessions.iter().find(|x| &x.id == id).map(|x| (x.id.clone(), x.start, x.place.clone()))
                    })
                })
                .map(|(id, start, place)| {
                    view! {
                        <p>
                            {teacher::you_are_enrolled_in(i18n.lang(), &long(lang, start), &place)}
                            " "
                            <UnenrollButton session=id start=start status=status />
                        </p>
                    }
                })
                .collect_view();
            view! {
                <p class="check-ok">
                    <Icon kind=IconKind::Check />
                    {i18n.t(msg)}
                </p>
                {awaiting}
            }
            .into_any()
        }
        Some(Err(errors)) => {
            let dates_matter =
                errors.iter().any(|e| matches!(e, DomainError::Period(_) | DomainError::NotEnoughUnits(_)));
            let suggest = dates_matter.then(|| {
                let lang = i18n.lang();
                match suggestion.get() {
                    Some((a, b)) => view! {
                        <div class="check-item check-item--suggestion">
                            <p>{teacher::period_nearest_all(i18n.lang(), &long(lang, a), &long(lang, b))}</p>
                            {use_dates_button(i18n, (a, b))}
                        </div>
                    }
                    .into_any(),
                    None => view! { <p>{i18n.t(Msg::PeriodNoneForAll)}</p> }.into_any(),
                }
            });
            let count = errors.len();
            view! {
                <p class="check-problems">
                    <Icon kind=IconKind::Unavailable />
                    {teacher::check_problems(i18n.lang(), count)}
                </p>
                {errors.into_iter().map(problems).collect_view()}
                {suggest}
            }
            .into_any()
        }
    };
    view! {
        <section class="check" aria-labelledby="check-heading">
            <h2 id="check-heading">{i18n.text(Msg::CheckHeading)}</h2>
            <div aria-live="polite">{body}</div>
            {status.view()}
        </section>
    }
}
