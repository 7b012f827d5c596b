//! The root component: context handles, router, layout landmarks.

use crate::i18n::Lang;
use crate::platform::{document, service_worker};
use crate::ui::catalogue::CataloguePage;
use crate::ui::lazy_pages::{AboutRoute, AgreementRoute, BookingRoute, ModelRoute, MyBookingsRoute};
use crate::ui::lazy_pages::{CoordinatorRoute, UnitRoute};
use crate::ui::lazy_pages::{ProfileRoute, SettingsRoute};
use crate::ui::persistence;
use crate::ui::routes;
use crate::ui::shell::NotFoundPage;
use crate::ui::shell::{LangSwitch, MainNav, MenuButton, NavMenu, PageLoading, RecoveryScreen, SiteFooter, SkipLink};
use crate::ui::shell::{StorageNotice, UpdateBanner, MAIN_ID};
use crate::ui::state::{I18n, Links, PageReadiness, StorageMode, UpdateState};
use crate::ui::sync::{SyncBadge, SyncHandle, SyncNotice};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::Lazy;

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::new(persistence::stored_language().unwrap_or(Lang::Fr));
    // Read once: the deployment path does not change while the page lives.
    let links = Links::new(document::base_path().leak());
    provide_context(links);
    provide_context(i18n);
    let handles = persistence::start(i18n);
    handles.provide();
    let sync = SyncHandle::new();
    provide_context(sync);
    if sync.server.get_untracked().is_some() {
        // A sync server is set: its engine keeps the outbox from the first change on.
        let owner = Owner::current();
        if let Some(owner) = owner {
            leptos::task::spawn_local(crate::ui::sync_engine::resume(handles, sync, owner));
        }
    }
    let update = UpdateState::new();
    provide_context(update);
    let recovering = move || matches!(handles.storage.mode.get(), StorageMode::Recovery(_));
    // Offline support only for release builds: a debug build must always show fresh code.
    // Registered when idle: its precache must not slow the first screen down.
    if !cfg!(debug_assertions) {
        service_worker::register_when_idle(move |waiting| update.waiting.set(Some(waiting)));
    }

    // True while a page opened for the first time is being fetched (see lazy_pages). The root
    // element says so at once (`data-page`), and says "ready" again once the new page showed.
    let (routing, set_routing) = signal(false);
    let readiness = PageReadiness::provide();
    let set_routing = SignalSetter::map(move |loading: bool| {
        set_routing.set(loading);
        readiness.set_routing(loading);
    });
    let menu = NavMenu::new();

    view! {
        <Router base=links.base() set_is_routing=set_routing>
            <SkipLink />
            <UpdateBanner />
            <StorageNotice />
            <SyncNotice />
            <header class="site-header">
                <div class="site-header__inner">
                    <A href=links.to(routes::CATALOGUE)>
                        <span class="brand">{move || i18n.t(crate::i18n::Msg::AppName)}</span>
                    </A>
                    <p class="tagline">{move || i18n.t(crate::i18n::Msg::AppTagline)}</p>
                    <LangSwitch />
                    <MenuButton menu=menu />
                </div>
                <SyncBadge />
                <MainNav menu=menu />
            </header>
            <PageLoading loading=routing />
            <Show when=move || handles.pool.pool.with(|p| p.state().demo)>
                <p class="demo-notice">{move || i18n.t(crate::i18n::Msg::DemoNotice)}</p>
            </Show>
            <main id=MAIN_ID tabindex="-1">
                // Saved data is read before any page shows it.
                <Show when=move || handles.storage.loaded.get() fallback=move || view! {
                    <p class="page-loading" role="status">{i18n.text(crate::i18n::Msg::PageLoading)}</p>
                }>
                // Unreadable data: nothing else until the user was offered to download it.
                <Show when=move || !recovering() fallback=|| view! { <RecoveryScreen /> }>
                <Routes fallback=NotFoundPage>
                    <Route path=routes::CATALOGUE_PATTERN view=CataloguePage />
                    <Route path=routes::MODEL_PATTERN view={Lazy::<ModelRoute>::new()} />
                    <Route path=routes::BOOKING_PATTERN view={Lazy::<BookingRoute>::new()} />
                    <Route path=routes::MY_BOOKINGS_PATTERN view={Lazy::<MyBookingsRoute>::new()} />
                    <Route path=routes::AGREEMENT_PATTERN view={Lazy::<AgreementRoute>::new()} />
                    <Route path=routes::PROFILE_PATTERN view={Lazy::<ProfileRoute>::new()} />
                    <Route path=routes::SETTINGS_PATTERN view={Lazy::<SettingsRoute>::new()} />
                    <Route path=routes::ABOUT_PATTERN view={Lazy::<AboutRoute>::new()} />
                    <Route path=routes::UNIT_PATTERN view={Lazy::<UnitRoute>::new()} />
                    // The coordinator's pages are one chunk (see CoordinatorWorkspace).
                    <Route path=routes::WORKSPACE_PATTERN view={Lazy::<CoordinatorRoute>::new()} />
                    <Route path=routes::WORKSPACE_PAGE_PATTERN view={Lazy::<CoordinatorRoute>::new()} />
                </Routes>
                </Show>
                </Show>
            </main>
            <SiteFooter />
        </Router>
    }
}
