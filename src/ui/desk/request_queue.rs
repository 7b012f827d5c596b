use crate::domain::{BookingStatus, PoolChange};
use crate::i18n::coordinator;
use crate::i18n::Lang;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::ui::components::{Field, StatusBadge, TextArea};
use crate::ui::explain::explain;
use crate::ui::routes;
use crate::ui::state::{use_i18n, use_links, use_pool};
use crate::ui::wording::short;
use leptos::prelude::*;
use leptos_router::components::A;
use std::collections::BTreeSet;

/// What one row of the queue shows.
#[derive(Clone, PartialEq)]
struct QueueRow {
    id: String,
    project: String,
    teacher_id: String,
    teacher: String,
    school: String,
    equipment: String,
    start: chrono::NaiveDate,
    end: chrono::NaiveDate,
    status: BookingStatus,
    /// A required training neither recorded nor covered by an enrolment (a teacher's request
    /// taken in from a file): the coordinator records it or enrols her before confirming.
    training_to_verify: bool,
}

/// The bookings waiting for the coordinator (requested or awaiting training), oldest period
/// first, to confirm or refuse one by one or several at once. Each booking is checked again by
/// the rules when confirmed; those refused by a rule stay in the queue with the reason.
#[component]
pub fn RequestQueue() -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let links = use_links();
    let selected = RwSignal::new(BTreeSet::<String>::new());
    let refusing = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let done = RwSignal::new(None::<String>);
    let problems = RwSignal::new(Vec::<(String, Vec<String>)>::new());
    let today = clock::today();
    let rows = Memo::new(move |_| {
        pool.pool.with(|p| {
            p.awaiting_decision()
                .into_iter()
                .map(|b| {
                    let borrower = p.borrower(&b.teacher);
                    let equipment = b
                        .lines
                        .iter()
                        .map(|l| {
                            let name = p.model_name_in(&l.model, i18n.english());
                            format!("{} × {name}", l.quantity)
                        })
                        .collect::<Vec<_>>()
                        .join(", ");
                    QueueRow {
                        id: b.id.clone(),
                        project: b.project.clone(),
                        teacher_id: b.teacher.clone(),
                        teacher: borrower.name().to_owned(),
                        school: borrower.school_name().to_owned(),
                        equipment,
                        start: b.start,
                        end: b.end,
                        status: b.status,
                        training_to_verify: !p.training_to_verify(b, today).is_empty(),
                    }
                })
                .collect::<Vec<QueueRow>>()
        })
    });
    // Only bookings still in the queue count as selected (another tab may have handled some).
    let chosen = move || {
        let ids: BTreeSet<String> = rows.with(|r| r.iter().map(|x| x.id.clone()).collect());
        selected.with(|s| s.intersection(&ids).cloned().collect::<Vec<_>>())
    };
    let all_selected = move || {
        let n = rows.with(Vec::len);
        n > 0 && chosen().len() == n
    };
    let toggle_all = move |_| {
        if all_selected() {
            selected.set(BTreeSet::new());
        } else {
            selected.set(rows.with(|r| r.iter().map(|x| x.id.clone()).collect()));
        }
    };
    // Applies one change per chosen booking; reports how many went through and why others not.
    let run = move |make: &dyn Fn(String) -> PoolChange, success: fn(Lang, usize) -> String| {
        let lang = i18n.lang();
        let mut ok = 0usize;
        let mut refused = Vec::new();
        for id in chosen() {
            match pool.apply(make(id.clone())) {
                Ok(_) => ok += 1,
                Err(e) => refused.push((id, pool.pool.with_untracked(|p| explain(lang, p, &e)))),
            }
        }
        let mut text = success(lang, ok);
        if !refused.is_empty() {
            text.push(' ');
            text.push_str(&coordinator::queue_not_done(i18n.lang(), refused.len()));
        }
        done.set(Some(text));
        let kept: BTreeSet<String> = refused.iter().map(|(id, _)| id.clone()).collect();
        problems.set(refused);
        selected.set(kept);
    };
    let confirm = move |_| {
        refusing.set(false);
        let at = clock::now();
        run(&|id| PoolChange::Confirm { id, at }, coordinator::queue_confirmed_count);
    };
    let refuse = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = reason.get_untracked();
        if text.trim().is_empty() {
            problems.set(Vec::new());
            done.set(Some(i18n.t(Msg::QueueReasonNeeded).to_owned()));
            return;
        }
        let at = clock::now();
        run(&|id| PoolChange::Refuse { id, reason: text.clone(), at }, coordinator::queue_refused_count);
        refusing.set(false);
        reason.set(String::new());
    };
    let row_view = move |row: QueueRow| {
        let id = row.id.clone();
        let check_id = format!("queue-{}", row.id);
        let checked_id = row.id.clone();
        // Occupancy read from a published catalogue has no project or teacher: named by its id.
        let title = if row.project.is_empty() {
            coordinator::queue_untitled(i18n.lang(), &row.id)
        } else {
            row.project.clone()
        };
        let teacher =
            if row.teacher_id.is_empty() { i18n.t(Msg::QueueAnonymous).to_owned() } else { row.teacher.clone() };
        let label = coordinator::queue_select_one(i18n.lang(), &title, &teacher);
        view! {
            <tr>
                <td>
                    <input
                        type="checkbox"
                        id=check_id
                        aria-label=label
                        prop:checked=move || selected.with(|s| s.contains(&checked_id))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            selected
                                .update(|s| {
                                    if on {
                                        s.insert(id.clone());
                                    } else {
                                        s.remove(&id);
                                    }
                                });
                        }
                    />
                </td>
                <th scope="row">
                    <A href=links.to(&routes::desk(&row.id))>{title.clone()}</A>
                    <span class="label-code">{row.id.clone()}</span>
                </th>
                <td>
                    {if row.teacher_id.is_empty() {
                        view! { <span>{i18n.t(Msg::QueueAnonymous)}</span> }.into_any()
                    } else {
                        view! { <A href=links.to(&routes::teacher(&row.teacher_id))>{row.teacher.clone()}</A> }.into_any()
                    }}
                    <br />
                    {row.school.clone()}
                </td>
                <td>{row.equipment.clone()}</td>
                <td>{format!("{} – {}", short(row.start), short(row.end))}</td>
                <td>
                    <StatusBadge status=row.status />
                    {row
                        .training_to_verify
                        .then(|| view! { <span class="badge badge--warning">{i18n.t(Msg::QueueTrainingToVerify)}</span> })}
                </td>
            </tr>
        }
    };
    view! {
        <section class="queue" aria-labelledby="queue-heading">
            <h2 id="queue-heading">{i18n.text(Msg::QueueRequests)}</h2>
            <p role="status" class="form-status">
                {move || done.get()}
            </p>
            <Show when=move || problems.with(|p| !p.is_empty())>
                <div class="alert" role="alert">
                    <ul>
                        {move || {
                            problems
                                .get()
                                .into_iter()
                                .map(|(id, why)| view! { <li><strong>{id}</strong>{" : "}{why.join(" ")}</li> })
                                .collect_view()
                        }}
                    </ul>
                </div>
            </Show>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=move || view! { <p>{i18n.text(Msg::QueueEmpty)}</p> }
            >
                <div class="bulk-actions" role="group" aria-label=i18n.text(Msg::QueueBulkLabel)>
                    <p>{move || coordinator::queue_selected_count(i18n.lang(), chosen().len())}</p>
                    <button
                        type="button"
                        class="button--primary"
                        disabled=move || chosen().is_empty()
                        on:click=confirm
                    >
                        {i18n.text(Msg::QueueConfirm)}
                    </button>
                    <button
                        type="button"
                        disabled=move || chosen().is_empty()
                        aria-expanded=move || refusing.get().to_string()
                        on:click=move |_| refusing.update(|r| *r = !*r)
                    >
                        {i18n.text(Msg::QueueRefuse)}
                    </button>
                </div>
                <Show when=move || refusing.get()>
                    <form class="form confirm-box" on:submit=refuse novalidate>
                        <Field label=Msg::QueueReasonLabel hint=Msg::QueueReasonHelp class="field--wide">
                            <TextArea value=reason rows=2 maxlength=500 />
                        </Field>
                        <button type="submit" class="button--danger">
                            {move || coordinator::queue_refuse_confirm(i18n.lang(), chosen().len())}
                        </button>
                    </form>
                </Show>
                <table class="data-table queue-table">
                    <caption>{move || coordinator::queue_caption(i18n.lang(), rows.with(Vec::len))}</caption>
                    <thead>
                        <tr>
                            <th scope="col">
                                <input
                                    type="checkbox"
                                    id="queue-all"
                                    aria-label=i18n.text(Msg::QueueSelectAll)
                                    prop:checked=all_selected
                                    on:change=toggle_all
                                />
                            </th>
                            <th scope="col">{i18n.text(Msg::QueueColProject)}</th>
                            <th scope="col">{i18n.text(Msg::QueueColTeacher)}</th>
                            <th scope="col">{i18n.text(Msg::QueueColEquipment)}</th>
                            <th scope="col">{i18n.text(Msg::QueueColPeriod)}</th>
                            <th scope="col">{i18n.text(Msg::QueueColStatus)}</th>
                        </tr>
                    </thead>
                    <tbody>{move || rows.get().into_iter().map(row_view).collect_view()}</tbody>
                </table>
            </Show>
        </section>
    }
}
