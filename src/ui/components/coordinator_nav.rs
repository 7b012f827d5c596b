use crate::i18n::Msg;
use crate::ui::routes::{self, WorkspacePage};
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
        (WorkspacePage::Queue, Msg::CoordQueueTitle),
        (WorkspacePage::Planning, Msg::CoordTimelineTitle),
        (WorkspacePage::Catalogue, Msg::CoordCatalogueTitle),
        (WorkspacePage::Labels, Msg::CoordLabelsTitle),
        (WorkspacePage::Trainings, Msg::CoordTrainingsTitle),
        (WorkspacePage::Incidents, Msg::CoordIncidentsTitle),
        (WorkspacePage::Reports, Msg::CoordReportsTitle),
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
                            <A href=links.to(routes::SETTINGS)>{i18n.text(Msg::CoordOnlyLink)}</A>
                        </p>
                    </div>
                }
            }
        >
            <nav class="coord-nav no-print" aria-label=i18n.text(Msg::CoordNavLabel)>
                <ul>
                    {pages
                        .iter()
                        .map(|(page, label)| {
                            let (href, label) = (links.to(&page.path()), *label);
                            view! {
                                <li>
                                    <A href=href exact=true>
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
