use crate::i18n::Msg;
use crate::ui::state::{use_i18n, use_links, use_plan, use_role};
use leptos::prelude::*;
use leptos_router::components::A;

/// The main navigation; the current page is marked with `aria-current="page"`.
#[component]
pub fn MainNav() -> impl IntoView {
    let i18n = use_i18n();
    let paths = use_links();
    let plan = use_plan();
    let role = use_role();
    let links = [
        ("/", Msg::NavCatalogue, true),
        ("/reserver", Msg::NavBook, false),
        ("/mes-reservations", Msg::NavMyBookings, false),
        ("/profil", Msg::NavProfile, false),
        ("/gestion", Msg::NavCoordinator, false),
        ("/parametres", Msg::NavSettings, false),
        ("/a-propos", Msg::NavAbout, false),
    ];
    view! {
        <nav class="main-nav" aria-label=i18n.text(Msg::NavLabel)>
            <ul>
                {links
                    .into_iter()
                    .map(|(href, label, exact)| {
                        // The coordinator's entry shows in coordinator mode only.
                        let shown = move || label != Msg::NavCoordinator || role.coordinator.get();
                        view! {
                            <li hidden=move || !shown()>
                                <A href=paths.to(href) exact=exact>
                                    {move || match plan.basket.with(Vec::len) {
                                        n if n > 0 && label == Msg::NavBook => {
                                            i18n.tf(Msg::NavBookCount, &[("count", &n.to_string())])
                                        }
                                        _ => i18n.t(label).to_owned(),
                                    }}
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
