use crate::i18n::coordinator;
use crate::i18n::Msg;
use crate::ui::state::{use_i18n, use_pool};
use crate::ui::trainings::{TrainingAdminForm, TrainingAdminSession, TrainingAdminSessionForm};
use leptos::prelude::*;

/// One training for the coordinator: its name and validity, edit it, add a session, and its
/// sessions, soonest first.
#[component]
pub fn TrainingAdminTraining(
    /// The training's id.
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let training = {
        let id = id.clone();
        Memo::new(move |_| pool.with_catalogue(|c| c.training(&id).cloned()))
    };
    let sessions = {
        let id = id.clone();
        Memo::new(move |_| {
            pool.with_state(|s| {
                let mut list: Vec<_> =
                    s.sessions.iter().filter(|x| x.training == id).map(|x| (x.start, x.id.clone())).collect();
                list.sort();
                list.into_iter().map(|(_, id)| id).collect::<Vec<_>>()
            })
        })
    };
    let editing = RwSignal::new(false);
    let adding = RwSignal::new(false);
    let notice = RwSignal::new(None::<String>);
    let heading_id = format!("training-{id}-heading");
    let name = move || training.get().map(|t| t.name.pick(i18n.english()).to_owned()).unwrap_or_default();
    let validity = move || match training.get().and_then(|t| t.validity_years) {
        Some(years) => coordinator::training_admin_valid_for(i18n.lang(), usize::from(years)),
        None => i18n.t(Msg::TrainingAdminNoExpiry).to_owned(),
    };
    let edit_form = move || {
        let existing = training.get_untracked()?;
        editing.get().then(|| view! { <TrainingAdminForm existing=Some(existing) open=editing notice=notice /> })
    };
    let training_id = id.clone();
    let add_form = move || {
        adding.get().then(|| {
            view! { <TrainingAdminSessionForm training=training_id.clone() existing=None open=adding notice=notice /> }
        })
    };
    let edit_label = move || coordinator::training_admin_edit_named(i18n.lang(), &name());
    let add_label = move || coordinator::session_admin_add_named(i18n.lang(), &name());
    view! {
        <section class="admin-training" aria-labelledby=heading_id>
            <h2 id=heading_id.clone()>{name}</h2>
            <p>{validity}</p>
            <div class="admin-actions">
                <button type="button" aria-label=edit_label aria-expanded=move || editing.get().to_string() on:click=move |_| editing.update(|e| *e = !*e)>
                    {i18n.text(Msg::TrainingAdminEdit)}
                </button>
                <button type="button" aria-label=add_label aria-expanded=move || adding.get().to_string() on:click=move |_| adding.update(|e| *e = !*e)>
                    {i18n.text(Msg::SessionAdminAdd)}
                </button>
            </div>
            <p role="status" class="form-status">
                {move || notice.get()}
            </p>
            {edit_form}
            {add_form}
            {move || sessions.with(|s| s.is_empty()).then(|| view! { <p>{i18n.text(Msg::SessionAdminNone)}</p> })}
            <For each=move || sessions.get() key=|id| id.clone() let:session>
                <TrainingAdminSession id=session />
            </For>
        </section>
    }
}
