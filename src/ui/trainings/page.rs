use crate::i18n::Msg;
use crate::ui::components::{CoordinatorGate, PageTitle};
use crate::ui::state::{use_i18n, use_pool};
use crate::ui::trainings::{TeacherTable, TrainingAdminForm, TrainingAdminTraining};
use leptos::prelude::*;

/// Trainings and their sessions: create and edit, enrol teachers, record completions; the
/// teachers known to the pool, each linking to their page.
#[component]
pub fn TrainingsAdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let creating = RwSignal::new(false);
    let notice = RwSignal::new(None::<String>);
    let trainings = Memo::new(move |_| {
        pool.with_catalogue(|c| {
            let english = i18n.english();
            let mut list: Vec<(String, String)> =
                c.trainings.iter().map(|t| (t.name.pick(english).to_lowercase(), t.id.clone())).collect();
            list.sort();
            list.into_iter().map(|(_, id)| id).collect::<Vec<_>>()
        })
    });
    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::CoordTrainingsTitle).to_owned()) />
        <CoordinatorGate>
            <h1>{i18n.text(Msg::CoordTrainingsTitle)}</h1>
            <p class="lead">{i18n.text(Msg::TrainingAdminIntro)}</p>
            <div class="admin-actions">
                <button type="button" class="button--primary" aria-expanded=move || creating.get().to_string() on:click=move |_| creating.update(|c| *c = !*c)>
                    {i18n.text(Msg::TrainingAdminNew)}
                </button>
            </div>
            <p role="status" class="form-status">
                {move || notice.get()}
            </p>
            {move || creating.get().then(|| view! { <TrainingAdminForm existing=None open=creating notice=notice /> })}
            {move || trainings.with(|t| t.is_empty()).then(|| view! { <p>{i18n.text(Msg::TrainingAdminNone)}</p> })}
            <For each=move || trainings.get() key=|id| id.clone() let:training>
                <TrainingAdminTraining id=training />
            </For>
            <section class="admin-teachers" aria-labelledby="teachers-heading">
                <h2 id="teachers-heading">{i18n.text(Msg::TeachersHeading)}</h2>
                <p>{i18n.text(Msg::TeachersIntro)}</p>
                <TeacherTable />
            </section>
        </CoordinatorGate>
    }
}
