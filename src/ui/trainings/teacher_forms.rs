use crate::domain::{Actor, PoolChange};
use crate::i18n::coordinator;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::ui::components::{DateField, Field, FormErrors, Select};
use crate::ui::explain::explain;
use crate::ui::state::{use_i18n, use_pool};
use crate::ui::wording::long;
use leptos::prelude::*;

/// On a teacher's page: record a completed training (training and date), and enrol the teacher
/// in a session still to come with a seat left. Each form announces its outcome.
#[component]
pub fn TeacherTrainingForms(
    /// The teacher's id.
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let today = clock::today();
    let trainings = Memo::new(move |_| {
        let english = i18n.english();
        pool.with_catalogue(|c| {
            let mut list: Vec<(String, String)> =
                c.trainings.iter().map(|t| (t.id.clone(), t.name.pick(english).to_owned())).collect();
            list.sort_by_key(|t| t.1.to_lowercase());
            list
        })
    });
    let sessions = {
        let id = id.clone();
        Memo::new(move |_| {
            let english = i18n.english();
            let lang = i18n.lang();
            pool.with_state(|s| {
                let mut list: Vec<_> = s
                    .sessions
                    .iter()
                    .filter(|x| x.start >= today && x.seats_left() > 0 && !x.enrolled.contains(&id))
                    .collect();
                list.sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
                list.into_iter()
                    .map(|x| {
                        let name = s
                            .catalogue
                            .training(&x.training)
                            .map_or_else(|| x.training.clone(), |t| t.name.pick(english).to_owned());
                        let text = coordinator::teacher_session_option(
                            i18n.lang(),
                            &name,
                            &long(lang, x.start),
                            &x.place,
                            usize::from(x.seats_left()),
                        );
                        (x.id.clone(), text)
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let training = RwSignal::new(String::new());
    let day = RwSignal::new(Some(today));
    let session = RwSignal::new(String::new());
    let record_notice = RwSignal::new(None::<String>);
    let record_errors = RwSignal::new(Vec::<String>::new());
    let enrol_notice = RwSignal::new(None::<String>);
    let enrol_errors = RwSignal::new(Vec::<String>::new());

    let teacher = id.clone();
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = Some(training.get_untracked())
            .filter(|t| !t.is_empty())
            .or_else(|| trainings.get_untracked().first().map(|t| t.0.clone()));
        let Some(chosen) = chosen else { return };
        let Some(completed) = day.get_untracked() else {
            record_errors.set(vec![i18n.t(Msg::DateErrorEmpty).to_owned()]);
            return;
        };
        let change = PoolChange::RecordTraining { teacher: teacher.clone(), training: chosen.clone(), completed };
        match pool.apply(change) {
            Ok(_) => {
                record_errors.set(Vec::new());
                let name = trainings.get_untracked().into_iter().find(|t| t.0 == chosen).map_or(chosen, |t| t.1);
                record_notice.set(Some(coordinator::teacher_record_saved(
                    i18n.lang(),
                    &name,
                    &long(i18n.lang(), completed),
                )));
            }
            Err(e) => record_errors.set(pool.pool.with_untracked(|p| explain(i18n.lang(), p, &e))),
        }
    };
    let teacher = id.clone();
    let enrol = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = Some(session.get_untracked())
            .filter(|s| !s.is_empty())
            .or_else(|| sessions.get_untracked().first().map(|s| s.0.clone()));
        let Some(chosen) = chosen else { return };
        let text = sessions.get_untracked().into_iter().find(|s| s.0 == chosen).map(|s| s.1).unwrap_or_default();
        let change = PoolChange::Enroll { session: chosen, teacher: teacher.clone(), by: Actor::Coordinator };
        match pool.apply(change) {
            Ok(_) => {
                enrol_errors.set(Vec::new());
                session.set(String::new());
                enrol_notice.set(Some(coordinator::teacher_enrolled(i18n.lang(), &text)));
            }
            Err(e) => enrol_errors.set(pool.pool.with_untracked(|p| explain(i18n.lang(), p, &e))),
        }
    };
    let training_options = move || {
        trainings
            .get()
            .into_iter()
            .map(|(id, name)| view! { <option value=id.clone() selected=move || training.get() == id>{name}</option> })
            .collect_view()
    };
    let enrol_form = move || {
        let list = sessions.get();
        if list.is_empty() {
            return view! { <p>{i18n.text(Msg::TeacherNoSessionOpen)}</p> }.into_any();
        }
        let options = list
            .into_iter()
            .map(|(id, text)| view! { <option value=id.clone() selected=move || session.get() == id>{text}</option> })
            .collect_view();
        view! {
            <form class="form" on:submit=enrol.clone() novalidate>
                <Field label=Msg::TeacherEnrolSession>
                    <Select on_change=move |value| session.set(value)>{options}</Select>
                </Field>
                <FormErrors errors=enrol_errors />
                <div class="form-actions">
                    <button type="submit" class="button--primary">{i18n.text(Msg::TeacherEnrolSubmit)}</button>
                </div>
            </form>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="teacher-record-heading">
            <h2 id="teacher-record-heading">{i18n.text(Msg::TeacherRecordHeading)}</h2>
            <form class="form" on:submit=record novalidate>
                <Field label=Msg::TeacherRecordTraining id="teacher-record-training">
                    <Select on_change=move |value| training.set(value)>{training_options}</Select>
                </Field>
                <DateField label=Msg::TeacherRecordDate value=day max=Some(today) today=today id="teacher-record-date" />
                <FormErrors errors=record_errors />
                <div class="form-actions">
                    <button type="submit" class="button--primary">{i18n.text(Msg::TeacherRecordSubmit)}</button>
                </div>
            </form>
            <p role="status" class="form-status">{move || record_notice.get()}</p>
        </section>
        <section aria-labelledby="teacher-enrol-heading">
            <h2 id="teacher-enrol-heading">{i18n.text(Msg::TeacherEnrolHeading)}</h2>
            {enrol_form}
            <p role="status" class="form-status">{move || enrol_notice.get()}</p>
        </section>
    }
}
