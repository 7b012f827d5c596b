use crate::domain::{Actor, PoolChange};
use crate::i18n::coordinator;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::ui::components::FormErrors;
use crate::ui::explain::explain;
use crate::ui::state::{use_i18n, use_pool};
use crate::ui::trainings::{TeacherLink, TrainingAdminSessionForm};
use crate::ui::wording::long;
use leptos::prelude::*;

/// One training session for the coordinator: dates, place, seats, the teachers enrolled; enrol
/// a teacher; once the session is over, tick those who attended and record their completion
/// (dated the session's last day) in one action; edit the session.
#[component]
pub fn TrainingAdminSession(
    /// The session's id.
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let today = clock::today();
    let session = {
        let id = id.clone();
        Memo::new(move |_| pool.with_state(|s| s.sessions.iter().find(|x| x.id == id).cloned()))
    };
    // Enrolled teachers (id, name, already recorded for this training on or after the session).
    let enrolled = Memo::new(move |_| {
        let Some(s) = session.get() else { return Vec::new() };
        pool.pool.with(|p| {
            s.enrolled
                .iter()
                .map(|t| {
                    let name = p.teacher(t).map_or_else(|| t.clone(), |x| x.name.clone());
                    let recorded = p
                        .state()
                        .records
                        .iter()
                        .any(|r| r.teacher == *t && r.training == s.training && r.completed >= s.start);
                    (t.clone(), name, recorded)
                })
                .collect::<Vec<_>>()
        })
    });
    let candidates = Memo::new(move |_| {
        let Some(s) = session.get() else { return Vec::new() };
        let mut list: Vec<(String, String)> = pool.with_state(|state| {
            state
                .teachers
                .iter()
                .filter(|t| !s.enrolled.contains(&t.id))
                .map(|t| (t.id.clone(), t.name.clone()))
                .collect()
        });
        list.sort_by(|a, b| a.1.cmp(&b.1));
        list
    });
    let ticked = RwSignal::new(Vec::<String>::new());
    let chosen = RwSignal::new(String::new());
    let editing = RwSignal::new(false);
    let notice = RwSignal::new(None::<String>);
    let errors = RwSignal::new(Vec::<String>::new());

    let enrol = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(s) = session.get_untracked() else { return };
        let teacher = chosen.get_untracked();
        let teacher = if teacher.is_empty() {
            match candidates.get_untracked().first() {
                Some((id, _)) => id.clone(),
                None => return,
            }
        } else {
            teacher
        };
        let change = PoolChange::Enroll { session: s.id.clone(), teacher: teacher.clone(), by: Actor::Coordinator };
        match pool.apply(change) {
            Ok(_) => {
                errors.set(Vec::new());
                chosen.set(String::new());
                let name = pool.pool.with_untracked(|p| p.teacher(&teacher).map(|t| t.name.clone())).unwrap_or(teacher);
                notice.set(Some(coordinator::session_admin_enrolled(i18n.lang(), &name)));
            }
            Err(e) => errors.set(pool.pool.with_untracked(|p| explain(i18n.lang(), p, &e))),
        }
    };
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(s) = session.get_untracked() else { return };
        let who = ticked.get_untracked();
        if who.is_empty() {
            errors.set(vec![i18n.t(Msg::SessionAdminTickFirst).to_owned()]);
            return;
        }
        let mut done = Vec::new();
        let mut problems = Vec::new();
        for teacher in &who {
            let change =
                PoolChange::RecordTraining { teacher: teacher.clone(), training: s.training.clone(), completed: s.end };
            match pool.apply(change) {
                Ok(_) => done.push(
                    pool.pool.with_untracked(|p| p.teacher(teacher).map(|t| t.name.clone())).unwrap_or(teacher.clone()),
                ),
                Err(e) => problems.extend(pool.pool.with_untracked(|p| explain(i18n.lang(), p, &e))),
            }
        }
        ticked.set(Vec::new());
        errors.set(problems);
        if !done.is_empty() {
            notice.set(Some(coordinator::session_admin_recorded(
                i18n.lang(),
                &long(i18n.lang(), s.end),
                done.len(),
                &done.join(", "),
            )));
        }
    };

    let heading_id = format!("session-{id}-heading");
    let select_id = format!("session-{id}-teacher");
    let body = move || {
        let s = session.get()?;
        let lang = i18n.lang();
        let dates = if s.start == s.end {
            long(lang, s.start)
        } else {
            coordinator::session_admin_dates(i18n.lang(), &long(lang, s.start), &long(lang, s.end))
        };
        let seats = coordinator::session_admin_seats(i18n.lang(), usize::from(s.capacity), usize::from(s.seats_left()));
        let over = s.end <= today;
        let end_day = long(lang, s.end);
        let names = enrolled.get();
        let enrolled_view = if names.is_empty() {
            view! { <p>{i18n.text(Msg::SessionAdminNobody)}</p> }.into_any()
        } else if over {
            let boxes = names
                .into_iter()
                .map(|(teacher, name, recorded)| {
                    let box_id = format!("attend-{}-{}", s.id, teacher);
                    let t = teacher.clone();
                    let t2 = teacher.clone();
                    view! {
                        <li class="choice">
                            <input
                                type="checkbox"
                                id=box_id.clone()
                                prop:checked=move || ticked.with(|v| v.contains(&t))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    ticked.update(|v| {
                                        v.retain(|x| *x != t2);
                                        if on {
                                            v.push(t2.clone());
                                        }
                                    });
                                }
                            />
                            <label for=box_id>{name.clone()}</label>
                            " "
                            <TeacherLink id=teacher name=coordinator::session_admin_teacher_page(i18n.lang(), &name) />
                            {recorded.then(|| view! { <span class="tag">{i18n.text(Msg::SessionAdminAlreadyRecorded)}</span> })}
                        </li>
                    }
                })
                .collect_view();
            let legend = coordinator::session_admin_attendance(i18n.lang(), &end_day);
            view! {
                <form class="attendance" on:submit=record novalidate>
                    <fieldset class="choice-group">
                        <legend>{legend}</legend>
                        <ul class="plain-list">{boxes}</ul>
                    </fieldset>
                    <button type="submit" class="button--primary">
                        {i18n.text(Msg::SessionAdminRecord)}
                    </button>
                </form>
            }
            .into_any()
        } else {
            let items = names
                .into_iter()
                .map(|(teacher, name, _)| view! { <li><TeacherLink id=teacher name=name /></li> })
                .collect_view();
            view! {
                <h5>{i18n.text(Msg::SessionAdminEnrolledHeading)}</h5>
                <ul>{items}</ul>
                <p class="help">{coordinator::session_admin_record_later(i18n.lang(), &end_day)}</p>
            }
            .into_any()
        };
        let candidates_now = candidates.get();
        let enrol_view = if candidates_now.is_empty() {
            None
        } else if s.seats_left() == 0 {
            Some(view! { <p>{i18n.text(Msg::SessionAdminFull)}</p> }.into_any())
        } else {
            let options = candidates_now
                .into_iter()
                .map(
                    |(id, name)| view! { <option value=id.clone() selected=move || chosen.get() == id>{name}</option> },
                )
                .collect_view();
            let select_id = select_id.clone();
            Some(
                view! {
                    <form class="field--inline" on:submit=enrol novalidate>
                        <label for=select_id.clone()>{i18n.text(Msg::SessionAdminEnrolLabel)}</label>
                        <select id=select_id on:change=move |ev| chosen.set(event_target_value(&ev))>
                            {options}
                        </select>
                        <button type="submit">{i18n.text(Msg::SessionAdminEnrol)}</button>
                    </form>
                }
                .into_any(),
            )
        };
        let title = coordinator::session_admin_heading(i18n.lang(), &dates, &s.place);
        Some(view! {
            <h3 id=heading_id.clone()>{title}</h3>
            <p>{seats}</p>
            {enrolled_view}
            {enrol_view}
        })
    };
    let edit_form = move || {
        let existing = session.get_untracked()?;
        editing.get().then(|| {
            let training = existing.training.clone();
            view! { <TrainingAdminSessionForm training=training existing=Some(existing) open=editing notice=notice /> }
        })
    };
    view! {
        <section class="admin-card" aria-labelledby=format!("session-{id}-heading")>
            {body}
            <p role="status" class="form-status">
                {move || notice.get()}
            </p>
            <FormErrors errors=errors />
            <button type="button" aria-expanded=move || editing.get().to_string() on:click=move |_| editing.update(|e| *e = !*e)>
                {i18n.text(Msg::SessionAdminEdit)}
            </button>
            {edit_form}
        </section>
    }
}
