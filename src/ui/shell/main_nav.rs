use crate::i18n::teacher;
use crate::i18n::Msg;
use crate::ui::routes;
use crate::ui::state::{use_i18n, use_links, use_plan, use_role};
use leptos::prelude::*;
use leptos_router::components::A;

/// Whether the navigation is unfolded on a narrow screen (where it folds behind a button).
#[derive(Clone, Copy)]
pub struct NavMenu(RwSignal<bool>);

impl NavMenu {
    /// A folded menu.
    pub fn new() -> Self {
        Self(RwSignal::new(false))
    }
}

impl Default for NavMenu {
    fn default() -> Self {
        Self::new()
    }
}

const NAV_LIST_ID: &str = "main-nav-list";

/// The button that unfolds the navigation on narrow screens (hidden on wide ones by the
/// stylesheet, where every link shows).
#[component]
pub fn MenuButton(
    /// The menu it folds and unfolds.
    menu: NavMenu,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button
            type="button"
            class="menu-button"
            aria-controls=NAV_LIST_ID
            aria-expanded=move || menu.0.get().to_string()
            on:click=move |_| menu.0.update(|open| *open = !*open)
        >
            <span class="menu-button__bars" aria-hidden="true"></span>
            {i18n.text(Msg::NavMenu)}
        </button>
    }
}

/// The main navigation; the current page is marked with `aria-current="page"`. On a narrow
/// screen it folds behind [`MenuButton`] and folds again once a link is followed.
#[component]
pub fn MainNav(
    /// Folded or not, on narrow screens.
    menu: NavMenu,
) -> impl IntoView {
    let i18n = use_i18n();
    let paths = use_links();
    let plan = use_plan();
    let role = use_role();
    let links = [
        (routes::CATALOGUE, Msg::NavCatalogue, true),
        (routes::BOOKING, Msg::NavBook, false),
        (routes::MY_BOOKINGS, Msg::NavMyBookings, false),
        (routes::PROFILE, Msg::NavProfile, false),
        (routes::WORKSPACE_HOME, Msg::NavCoordinator, false),
        (routes::SETTINGS, Msg::NavSettings, false),
        (routes::ABOUT, Msg::NavAbout, false),
    ];
    view! {
        <nav class="main-nav" class:is-open=move || menu.0.get() aria-label=i18n.text(Msg::NavLabel)>
            // A link followed folds the menu (the click reaches the list after the link).
            <ul id=NAV_LIST_ID on:click=move |_| menu.0.set(false)>
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
                                            teacher::nav_book_count(i18n.lang(), n)
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
