//! This browser's own copy of the state: pure Rust over a key-value store, so the browser
//! shell only schedules.
//!
//! - [`model`]: the stored document's types; [`document`]: its versions and their
//!   migrations;
//! - [`compact`]: the current encoding, written with [`json_lite`] and [`packed`];
//! - [`kv`]: the key-value trait and an in-memory store; [`local`]: `window.localStorage`
//!   behind it, the one adapter that touches the browser's storage;
//! - [`store`]: load, save and recovery; [`tabs`]: one tab's working state against the saves
//!   of other tabs.

pub mod compact;
pub mod document;
pub mod json_lite;
pub mod kv;
pub mod local;
pub mod model;
pub mod packed;
pub mod store;
pub mod tabs;

#[cfg(test)]
mod scale;
#[cfg(test)]
mod tests;
