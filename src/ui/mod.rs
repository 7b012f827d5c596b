//! The Leptos user interface: thin components over the domain, state reached through typed
//! context handles (see [`state`]), persistence in one place (see [`persistence`]).

pub mod app;
pub mod components;
pub mod labels;
mod lazy_pages;
pub mod pages;
pub mod persistence;
pub mod state;

pub use app::App;
