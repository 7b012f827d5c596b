//! The Leptos user interface: thin components over the domain, state reached through typed
//! context handles (see [`state`]), persistence in one place (see [`persistence`],
//! with the [`storage_engine`] it loads on demand).

/// Declares a function loaded on demand: with the `split` feature (release builds) it moves into
/// the WebAssembly chunk named first, fetched the first time one of its functions is called;
/// without it (tests) it is a plain `async fn`. Either way callers `.await` it.
macro_rules! split_fn {
    ($module:ident; $(#[doc = $doc:expr])* fn $name:ident($($arg:ident: $ty:ty),*) $(-> $ret:ty)? $body:block) => {
        $(#[doc = $doc])*
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split)]
        pub fn $name($($arg: $ty),*) $(-> $ret)? $body

        $(#[doc = $doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) $(-> $ret)? $body
    };
}

pub mod app;
pub mod booking;
pub mod catalogue;
pub mod catalogue_admin;
pub mod components;
pub mod desk;
pub mod explain;
pub mod explain_storage;
pub mod import_engine;
pub mod incidents;
pub mod labels;
mod lazy_pages;
pub mod persistence;
pub mod planning;
pub mod profile;
pub mod reports;
pub mod routes;
pub mod saver;
pub mod settings;
pub mod shell;
pub mod state;
pub mod storage_engine;
pub mod sync;
pub mod sync_engine;
pub mod trainings;
pub mod wording;

pub use app::App;
