//! The pages that are not the first screen. With the `split` feature (release builds, see
//! scripts/build-wasm.mjs) each is cut into its own WebAssembly chunk, fetched the first time
//! the page is opened and precached by the service worker for offline use; without it (tests)
//! the same routes render directly. The catalogue stays in the main module: it is what a
//! teacher sees first.

use crate::ui::booking::{AgreementPage, BookingPage, MyBookingsPage};
use crate::ui::catalogue::ModelPage;
use crate::ui::desk::CoordinatorWorkspace;
use crate::ui::labels::UnitPage;
use crate::ui::profile::ProfilePage;
use crate::ui::settings::SettingsPage;
use crate::ui::shell::AboutPage;
use leptos::prelude::*;
use leptos_router::LazyRoute;

/// Declares a route type whose view is a page, split off into its own chunk when splitting.
macro_rules! lazy_page {
    ($route:ident, $page:ident) => {
        #[doc = concat!("The route of [`", stringify!($page), "`], loaded on demand.")]
        pub struct $route;

        #[cfg(feature = "split")]
        #[leptos_router::lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            fn view(_this: Self) -> AnyView {
                view! { <$page /> }.into_any()
            }
        }

        #[cfg(not(feature = "split"))]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            async fn view(_this: Self) -> AnyView {
                view! { <$page /> }.into_any()
            }
        }
    };
}

lazy_page!(ModelRoute, ModelPage);
lazy_page!(BookingRoute, BookingPage);
lazy_page!(MyBookingsRoute, MyBookingsPage);
lazy_page!(AgreementRoute, AgreementPage);
lazy_page!(ProfileRoute, ProfilePage);
lazy_page!(SettingsRoute, SettingsPage);
lazy_page!(AboutRoute, AboutPage);
lazy_page!(UnitRoute, UnitPage);
lazy_page!(CoordinatorRoute, CoordinatorWorkspace);
