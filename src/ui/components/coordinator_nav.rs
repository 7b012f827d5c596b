use crate::i18n::Msg;
use crate::ui::state::{use_i18n, use_links, use_role};
use leptos::prelude::*;
use leptos_router::components::A;

/// The coordinator's pages, as a second navigation bar; in teacher mode, the way to switch
/// instead (the coordinator's pages act on the reference data).
#[component]
pub fn CoordinatorNav() -> impl IntoView {
    let i18n = use_i18n();
    let links = use_links();
    let role = use_role();
    let pages = [
        ("/gestion", Msg::CoordQueueTitle),
        ("/gestion/planning", Msg::CoordTimelineTitle),
        ("/gestion/catalogue", Msg::CoordCatalogueTitle),
        ("/gestion/etiquettes", Msg::CoordLabelsTitle),
        ("/gestion/formations", Msg::CoordTrainingsTitle),
        ("/gestion/sinistres", Msg::CoordIncidentsTitle),
        ("/gestion/rapports", Msg::CoordReportsTitle),
    ];
    view! {
        <Show
            when=move || role.coordinator.get()
            fallback=move || {
                view! {
                    <h1>{i18n.text(Msg::CoordOnlyTitle)}</h1>
                    <div class="notice notice--info" role="note">
                        <p>{i18n.text(Msg::CoordOnly)}</p>
                        <p>
                            <A href=links.to("/parametres")>{i18n.text(Msg::CoordOnlyLink)}</A>
                        </p>
                    </div>
                }
            }
        >
            <nav class="coord-nav no-print" aria-label=i18n.text(Msg::CoordNavLabel)>
                <ul>
                    {pages
                        .into_iter()
                        .map(|(href, label)| {
                            view! {
                                <li>
                                    <A href=links.to(href) exact=true>
                                        {i18n.text(label)}
                                    </A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </Show>
    }
}
