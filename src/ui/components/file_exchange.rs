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
    let export_requests = move |_| {
        let Some(teacher) = profile.teacher.get_untracked() else {
            status.set(Some(Msg::ExchangeNeedsProfile));
            return;
        };
        let now = clock::now();
        let state = pool.pool.with_untracked(|p| p.state().clone());
        leptos::task::spawn_local(async move {
            let text = import_engine::write_requests(state, teacher, now).await;
            let name = format!("materiotheque-demandes-{}.json", format_date(now.date()));
            let done = files::download(&name, "application/json", &text).is_ok();
            status.set(Some(if done { Msg::ExchangeRequestsDone } else { Msg::ExportRefused }));
        });
    };
    let export_catalogue = move |_| {
        let now = clock::now();
        let state = pool.pool.with_untracked(|p| p.state().clone());
        leptos::task::spawn_local(async move {
            let text = import_engine::write_catalogue(state, now).await;
            let name = format!("catalogue-{}.json", format_date(now.date()));
            let done = files::download(&name, "application/json", &text).is_ok();
            status.set(Some(if done { Msg::ExchangeCatalogueDone } else { Msg::ExportRefused }));
        });
    };
    view! {
        <section class="file-exchange" aria-labelledby="exchange-title">
            <h2 id="exchange-title">{i18n.text(Msg::ExchangeTitle)}</h2>
            {move || {
                if role.coordinator.get() {
                    view! {
                        <p class="help" id="exchange-help">{i18n.text(Msg::ExchangeCatalogueHelp)}</p>
                        <button type="button" aria-describedby="exchange-help" on:click=export_catalogue>
                            {i18n.text(Msg::ExchangeCatalogue)}
                        </button>
                    }
                    .into_any()
                } else {
                    view! {
                        <p class="help" id="exchange-help">{i18n.text(Msg::ExchangeRequestsHelp)}</p>
                        <button type="button" aria-describedby="exchange-help" on:click=export_requests>
                            {i18n.text(Msg::ExchangeRequests)}
                        </button>
                    }
                    .into_any()
                }
            }}
            <p class="form-status" role="status">{move || status.get().map(|m| i18n.t(m))}</p>
        </section>
    }
}
