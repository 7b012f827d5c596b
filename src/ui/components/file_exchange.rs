use crate::domain::iso::format_date;
use crate::i18n::Msg;
use crate::platform::{clock, files};
use crate::ui::import_engine;
use crate::ui::state::{use_i18n, use_pool, use_profile, use_role};
use leptos::prelude::*;

/// The files that connect teachers and the coordinator: a teacher exports their requests for
/// the coordinator; the coordinator exports the catalogue (no personal data) for teachers.
#[component]
pub fn FileExchange() -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let profile = use_profile();
    let role = use_role();
    let status = RwSignal::new(None::<Msg>);
    // A teacher sends their requests; the coordinator publishes the catalogue.
    let export = move |_| {
        let coordinator = role.coordinator.get_untracked();
        let teacher = profile.teacher.get_untracked();
        if !coordinator && teacher.is_none() {
            status.set(Some(Msg::ExchangeNeedsProfile));
            return;
        }
        let now = clock::now();
        let state = pool.pool.with_untracked(|p| p.state().clone());
        leptos::task::spawn_local(async move {
            let day = format_date(now.date());
            let (text, name, done) = match teacher.filter(|_| !coordinator) {
                Some(teacher) => (
                    import_engine::write_requests(state, teacher, now).await,
                    format!("materiotheque-demandes-{day}.json"),
                    Msg::ExchangeRequestsDone,
                ),
                None => (
                    import_engine::write_catalogue(state, now).await,
                    format!("catalogue-{day}.json"),
                    Msg::ExchangeCatalogueDone,
                ),
            };
            let offered = files::download(&name, "application/json", &text).is_ok();
            status.set(Some(if offered { done } else { Msg::ExportRefused }));
        });
    };
    let texts = move || {
        if role.coordinator.get() {
            (Msg::ExchangeCatalogueHelp, Msg::ExchangeCatalogue)
        } else {
            (Msg::ExchangeRequestsHelp, Msg::ExchangeRequests)
        }
    };
    view! {
        <section class="file-exchange" aria-labelledby="exchange-title">
            <h2 id="exchange-title">{i18n.text(Msg::ExchangeTitle)}</h2>
            <p class="help" id="exchange-help">{move || i18n.t(texts().0)}</p>
            <button type="button" aria-describedby="exchange-help" on:click=export>
                {move || i18n.t(texts().1)}
            </button>
            <p class="form-status" role="status">{move || status.get().map(|m| i18n.t(m))}</p>
        </section>
    }
}
