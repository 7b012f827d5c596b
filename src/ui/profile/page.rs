use crate::domain::{validate_profile, ProfileProblem};
use crate::i18n::Msg;
use crate::platform::document;
use crate::ui::components::{Field, PageTitle, Select, TextField};
use crate::ui::profile::TrainingStatus;
use crate::ui::state::{use_i18n, use_pool, use_profile};
use leptos::prelude::*;

const SUMMARY_ID: &str = "profile-errors";

fn problem_msg(problem: ProfileProblem) -> Msg {
    match problem {
        ProfileProblem::NameMissing => Msg::ProfileNameMissing,
        ProfileProblem::NameTooLong => Msg::ProfileNameTooLong,
        ProfileProblem::EmailInvalid => Msg::ProfileEmailInvalid,
        ProfileProblem::SchoolUnknown => Msg::ProfileSchoolUnknown,
    }
}

/// The teacher's profile: name, e-mail, school. Filled in once, remembered in this browser and
/// offered again; the browser's autofill also knows the name and address fields.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let profile = use_profile();
    let saved = profile.teacher.get_untracked();
    let name = RwSignal::new(saved.as_ref().map(|t| t.name.clone()).unwrap_or_default());
    let email = RwSignal::new(saved.as_ref().map(|t| t.email.clone()).unwrap_or_default());
    let school = RwSignal::new(saved.as_ref().map(|t| t.school.clone()).unwrap_or_default());
    let problems = RwSignal::new(Vec::<ProfileProblem>::new());
    let just_saved = RwSignal::new(false);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = pool.with_state(|s| {
            validate_profile(&name.get_untracked(), &email.get_untracked(), &school.get_untracked(), &s.schools)
        });
        match result {
            Ok(teacher) => {
                name.set(teacher.name.clone());
                email.set(teacher.email.clone());
                problems.set(Vec::new());
                profile.teacher.set(Some(teacher));
                just_saved.set(true);
            }
            Err(found) => {
                problems.set(found);
                just_saved.set(false);
                request_animation_frame(|| document::focus_by_id(SUMMARY_ID));
            }
        }
    };
    // The sentence of the first problem `matches` finds, in the current language.
    let field_error = move |matches: fn(ProfileProblem) -> bool| {
        Signal::derive(move || {
            problems.with(|p| p.iter().copied().find(|p| matches(*p))).map(|p| i18n.t(problem_msg(p)).to_owned())
        })
    };
    let name_error = field_error(|p| matches!(p, ProfileProblem::NameMissing | ProfileProblem::NameTooLong));
    let email_error = field_error(|p| p == ProfileProblem::EmailInvalid);
    let school_error = field_error(|p| p == ProfileProblem::SchoolUnknown);

    // Drawn again only when the trainings change, not at every change of the pool (an
    // enrolment would otherwise wipe its own confirmation).
    let trainings = Memo::new(move |_| {
        pool.with_catalogue(|c| c.trainings.iter().map(|t| (t.id.clone(), t.name.clone())).collect::<Vec<_>>())
    });
    let school_options = move || {
        pool.with_state(|state| {
            state
                .communes
                .iter()
                .map(|commune| {
                    let options = state
                        .schools
                        .iter()
                        .filter(|s| s.commune == commune.id)
                        .map(|s| {
                            let id = s.id.clone();
                            let selected = school.with_untracked(|current| *current == id);
                            view! {
                                <option value=id selected=selected>
                                    {s.name.clone()}
                                </option>
                            }
                        })
                        .collect_view();
                    view! { <optgroup label=commune.name.clone()>{options}</optgroup> }
                })
                .collect_view()
        })
    };

    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::ProfileTitle).to_owned()) />
        <h1>{i18n.text(Msg::ProfileTitle)}</h1>
        <p class="lead">{i18n.text(Msg::ProfileIntro)}</p>
        <div id=SUMMARY_ID tabindex="-1" class="error-summary" class:is-empty=move || problems.with(Vec::is_empty)>
            <Show when=move || !problems.with(Vec::is_empty)>
                <div role="alert">
                    <p class="error-summary__title">{i18n.text(Msg::ProfileErrorsTitle)}</p>
                    <ul>
                        {move || {
                            problems.get().into_iter().map(|p| view! { <li>{i18n.t(problem_msg(p))}</li> }).collect_view()
                        }}
                    </ul>
                </div>
            </Show>
        </div>
        <form class="form" on:submit=on_submit novalidate>
            <TextField id="profile-name" label=Msg::ProfileName value=name error=name_error autocomplete="name" />
            <TextField
                id="profile-email"
                label=Msg::ProfileEmail
                value=email
                hint=Msg::ProfileEmailHint
                error=email_error
                kind="email"
                autocomplete="email"
            />
            <Field label=Msg::ProfileSchool error=school_error id="profile-school">
                <Select attr:autocomplete="organization" on_change=move |value| school.set(value)>
                    <option value="" selected=move || school.with_untracked(String::is_empty)>
                        {i18n.text(Msg::ProfileChooseSchool)}
                    </option>
                    {school_options}
                </Select>
            </Field>
            <div class="form-actions">
                <button type="submit" class="button--primary">
                    {i18n.text(Msg::ProfileSave)}
                </button>
                <p role="status" class="form-status">
                    {move || just_saved.get().then(|| i18n.t(Msg::ProfileSaved))}
                </p>
            </div>
        </form>
        <Show when=move || profile.teacher.with(Option::is_some)>
            <section aria-labelledby="trainings-heading">
                <h2 id="trainings-heading">{i18n.text(Msg::TrainingsTitle)}</h2>
                <p>{i18n.text(Msg::TrainingsIntro)}</p>
                <ul class="trainings">
                    {move || {
                        let english = i18n.english();
                        // Her profile is about no loan: no session is too late for one.
                        let no_loan = Signal::stored(None);
                        trainings
                            .get()
                            .into_iter()
                            .map(|(id, name)| {
                                view! {
                                    <li>
                                        <h3>{name.pick(english).to_owned()}</h3>
                                        <TrainingStatus training=id start=no_loan />
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </section>
        </Show>
    }
}
