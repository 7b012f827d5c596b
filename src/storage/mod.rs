//! Adapters between the domain and the outside world: the data files and the browser's
//! local storage. Every write to local storage goes through [`local::LocalStore`].
//!
//! The stored document and its save protocol are pure Rust, free of the browser:
//! [`document`] (versions and migrations), [`compact`] (the version 2 encoding, with
//! [`json_lite`] and [`packed`]), [`kv`] (the key-value trait and an in-memory store) and
//! [`store`] (load, save, recovery) and [`sync`] (one tab's working state against other tabs').

pub mod calendar_files;
pub mod compact;
pub mod csv;
pub mod document;
pub mod files;
pub mod ics;
pub mod import;
pub mod json_lite;
pub mod json_path;
pub mod kv;
pub mod local;
pub mod packed;
pub mod qr;
pub mod remote;
pub mod store;
pub mod sync;

#[cfg(test)]
mod scale;
#[cfg(test)]
mod tests;
