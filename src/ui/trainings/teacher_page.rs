use crate::i18n::coordinator;
use crate::i18n::Msg;
use crate::ui::components::{CoordinatorGate, PageTitle};
use crate::ui::routes;
use crate::ui::state::{use_i18n, use_links, use_pool};
use crate::ui::trainings::{TeacherBookings, TeacherRecords, TeacherTrainingForms};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// One teacher for the coordinator: e-mail, school and commune, training records, enrolments,
/// bookings; record a completed training and enrol them in a session.
#[component]
pub fn TeacherPage() -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let links = use_links();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(routes::page_id));
    // Name, e-mail, school and commune names.
    let teacher = Memo::new(move |_| {
        let id = id.get();
        pool.pool.with(|p| {
            let t = p.teacher(&id)?;
            let (school, commune) = t.school_in(&p.state().schools, &p.state().communes);
            Some((
                t.name.clone(),
                t.email.clone(),
                school.map_or_else(|| t.school.clone(), |s| s.name.clone()),
                commune.map(|c| c.name.clone()).unwrap_or_default(),
            ))
        })
    });
    let title = Signal::derive(move || match teacher.get() {
        Some((name, ..)) => coordinator::coord_teacher_title(i18n.lang(), &name),
        None => i18n.t(Msg::TeacherUnknownTitle).to_owned(),
    });
    let content = move || {
        let Some((_, email, school, commune)) = teacher.get() else {
            return view! {
                <h1>{title}</h1>
                <p>{coordinator::teacher_unknown(i18n.lang(), &id.get())}</p>
                <p><A href=links.to(&routes::WorkspacePage::Trainings.path())>{i18n.text(Msg::TeacherBackToList)}</A></p>
            }
            .into_any();
        };
        let teacher_id = id.get();
        view! {
            <h1>{title}</h1>
            <dl class="agreement__facts">
                <dt>{i18n.text(Msg::TeacherEmail)}</dt>
                <dd><a href=format!("mailto:{email}")>{email.clone()}</a></dd>
                <dt>{i18n.text(Msg::TeacherSchool)}</dt>
                <dd>{school}</dd>
                <dt>{i18n.text(Msg::TeacherCommune)}</dt>
                <dd>{commune}</dd>
            </dl>
            <TeacherRecords id=teacher_id.clone() />
            <TeacherTrainingForms id=teacher_id.clone() />
            <TeacherBookings id=teacher_id />
            <p><A href=links.to(&routes::WorkspacePage::Trainings.path())>{i18n.text(Msg::TeacherBackToList)}</A></p>
        }
        .into_any()
    };
    view! {
        <PageTitle title=title />
        <CoordinatorGate>{content}</CoordinatorGate>
    }
}
