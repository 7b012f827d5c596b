//! The Leptos user interface: thin components over the domain, state reached through typed
//! context handles (see [`state`]), persistence in one place (see [`persistence`],
//! with the [`storage_engine`] it loads on demand).

pub mod app;
pub mod components;
pub mod labels;
mod lazy_pages;
pub mod pages;
pub mod persistence;
pub mod state;
pub mod storage_engine;

pub use app::App;
