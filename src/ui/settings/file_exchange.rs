use crate::domain::exchange::{unsent_enrolment_changes, unsent_requests};
use crate::domain::iso::format_date;
use crate::domain::PoolChange;
use crate::i18n::teacher;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::platform::files::{self, Handed};
use crate::ui::components::{Field, TextInput};
use crate::ui::import_engine;
use crate::ui::state::{use_i18n, use_pool, use_profile, use_role};
use leptos::prelude::*;

/// The files that connect teachers and the coordinator: a teacher sends their requests; the
/// coordinator publishes the catalogue (no personal data), says where requests go, and
/// produces each teacher's private answer.
#[component]
pub fn FileExchange() -> impl IntoView {
    let i18n = use_i18n();
    let role = use_role();
    view! {
        <section class="file-exchange" aria-labelledby="exchange-title">
            <h2 id="exchange-title">{i18n.text(Msg::ExchangeTitle)}</h2>
            {move || {
                if role.coordinator.get() {
                    view! { <CatalogueExport /> <ContactField /> <Answers /> }.into_any()
                } else {
                    view! { <SendRequests id="exchange-send" /> }.into_any()
                }
            }}
        </section>
    }
}

/// One action that sends the teacher's requests to the coordinator: the system share sheet
/// with the file where the device can share files, otherwise a download with one line saying
/// where to send it. Says how many requests have not left this browser. `id` keeps the ids of
/// several copies on one page apart.
#[component]
pub fn SendRequests(#[prop(into)] id: String) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let profile = use_profile();
    let status = RwSignal::new(None::<String>);
    let unsent = Memo::new(move |_| {
        let teacher = profile.teacher.get().map(|t| t.id);
        teacher.map_or(0, |t| pool.with_state(|s| unsent_requests(s, &t).len() + unsent_enrolment_changes(s, &t).len()))
    });
    let send = move |_| {
        let Some(teacher) = profile.teacher.get_untracked() else {
            status.set(Some(i18n.t(Msg::ExchangeNeedsProfile).to_owned()));
            return;
        };
        let now = clock::now();
        let state = pool.pool.with_untracked(|p| p.state().clone());
        let contact = state.settings.contact.clone();
        let teacher_id = teacher.id.clone();
        leptos::task::spawn_local(async move {
            let name = format!("materiotheque-demandes-{}.json", format_date(now.date()));
            let text = import_engine::write_requests(state, teacher, now).await;
            let title = i18n.t(Msg::SendRequests);
            let message = match files::share_or_download(&name, "application/json", &text, title).await {
                Ok(Handed::Shared) => i18n.t(Msg::SendRequestsShared).to_owned(),
                Ok(Handed::Downloaded) if contact.is_empty() => {
                    teacher::send_requests_downloaded_no_contact(i18n.lang(), &name)
                }
                Ok(Handed::Downloaded) => teacher::send_requests_downloaded(i18n.lang(), &name, &contact),
                Ok(Handed::Cancelled) => {
                    status.set(Some(i18n.t(Msg::SendRequestsCancelled).to_owned()));
                    return;
                }
                Err(_) => {
                    status.set(Some(i18n.t(Msg::DownloadRefused).to_owned()));
                    return;
                }
            };
            let _ = pool.apply(PoolChange::RequestsSent { teacher: teacher_id });
            status.set(Some(message));
        });
    };
    let help_id = format!("{id}-help");
    let count = move || match unsent.get() {
        0 => i18n.t(Msg::RequestsUnsentNone).to_owned(),
        n => teacher::requests_unsent(i18n.lang(), n),
    };
    view! {
        <div class="send-requests">
            <p class="help" id=help_id.clone()>{i18n.text(Msg::SendRequestsHelp)}</p>
            <p class="send-requests__count">{count}</p>
            <button type="button" id=id class="button--primary" aria-describedby=help_id on:click=send>
                {i18n.text(Msg::SendRequests)}
            </button>
            <p class="form-status" role="status">{move || status.get()}</p>
        </div>
    }
}

/// The coordinator's published catalogue, as a file.
#[component]
fn CatalogueExport() -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let status = RwSignal::new(None::<Msg>);
    let export = move |_| {
        let now = clock::now();
        let state = pool.pool.with_untracked(|p| p.state().clone());
        leptos::task::spawn_local(async move {
            let name = format!("catalogue-{}.json", format_date(now.date()));
            let text = import_engine::write_catalogue(state, now).await;
            let offered = files::download(&name, "application/json", &text).is_ok();
            status.set(Some(if offered { Msg::ExchangeCatalogueDone } else { Msg::DownloadRefused }));
        });
    };
    view! {
        <p class="help" id="exchange-help">{i18n.text(Msg::ExchangeCatalogueHelp)}</p>
        <button type="button" aria-describedby="exchange-help" on:click=export>
            {i18n.text(Msg::ExchangeCatalogue)}
        </button>
        <p class="form-status" role="status">{move || status.get().map(|m| i18n.t(m))}</p>
    }
}

/// The address teachers send their requests to, published with the catalogue.
#[component]
fn ContactField() -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let contact = RwSignal::new(pool.pool.with_untracked(|p| p.state().settings.contact.clone()));
    let status = RwSignal::new(None::<Msg>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let done = pool.apply(PoolChange::SetContact(contact.get_untracked())).is_ok();
        status.set(Some(if done { Msg::ContactSaved } else { Msg::DownloadRefused }));
    };
    view! {
        <form class="form contact-form" on:submit=save>
            <Field label=Msg::ContactLabel hint=Msg::ContactHelp>
                <TextInput value=contact kind="email" autocomplete="email" />
            </Field>
            <button type="submit">{i18n.text(Msg::ContactSave)}</button>
            <p class="form-status" role="status">{move || status.get().map(|m| i18n.t(m))}</p>
        </form>
    }
}

/// Which teachers have news since their last answer, and their answers produced in one action
/// (one private file each). Answers are worked out by the import engine, loaded on demand.
#[component]
fn Answers() -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let status = RwSignal::new(None::<String>);
    let news = RwSignal::new(Vec::<String>::new());
    Effect::new(move |_| {
        let state = pool.pool.with(|p| p.state().clone());
        leptos::task::spawn_local(async move { news.set(import_engine::answer_news(state).await) });
    });
    let produce = move |_| {
        let now = clock::now();
        let state = pool.pool.with_untracked(|p| p.state().clone());
        leptos::task::spawn_local(async move {
            let files = import_engine::write_answers(state, now).await;
            let sent: Vec<(String, u64)> = files
                .into_iter()
                .filter(|f| files::download(&f.name, "application/json", &f.text).is_ok())
                .map(|f| f.sent)
                .collect();
            let count = sent.len();
            if count > 0 {
                let _ = pool.apply(PoolChange::AnswersSent(sent));
            }
            status.set(Some(match count {
                0 => i18n.t(Msg::DownloadRefused).to_owned(),
                n => teacher::answers_done(i18n.lang(), n),
            }));
        });
    };
    let summary = move || {
        news.with(|names| match names.len() {
            0 => i18n.t(Msg::AnswersNone).to_owned(),
            n => teacher::answers_news(i18n.lang(), n, &names.join(", ")),
        })
    };
    view! {
        <h3 id="answers-title">{i18n.text(Msg::AnswersTitle)}</h3>
        <p class="help" id="answers-help">{i18n.text(Msg::AnswersHelp)}</p>
        <p class="answers__news">{summary}</p>
        <Show when=move || news.with(|n| !n.is_empty())>
            <button type="button" class="button--primary" aria-describedby="answers-help" on:click=produce>
                {i18n.text(Msg::AnswersProduce)}
            </button>
        </Show>
        <p class="form-status" role="status">{move || status.get()}</p>
    }
}
