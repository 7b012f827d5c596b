//! Adapters between the domain and the outside world, by job:
//!
//! - [`persist`]: this browser's own copy of the state — the stored document, its encoding,
//!   the key-value store under it (local storage), the save protocol and the other tabs.
//! - [`exchange`]: what travels between people — the data files and their import, the school
//!   calendars, CSV and ICS exports, and the client of the optional sync server.
//!
//! `exchange` may use `persist` (a backup file is the stored state), never the reverse; both
//! use the domain, neither the interface nor the browser facades.

pub mod exchange;
pub mod persist;
