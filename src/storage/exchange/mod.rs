//! What travels between people: the data files (section 5 of the spec) and their import, the
//! official school calendars, the CSV and ICS exports, and the client of the optional sync
//! server (section 6).
//!
//! - [`files`]: the `materiotheque/*` files, read and written (the backup in [`backup`]);
//!   [`import`]: a file read,
//!   previewed and applied; [`json_path`]: where in a file a problem is;
//! - [`calendar_files`]: the official school-holiday calendar (ICS, CSV, JSON);
//! - [`csv`]: CSV read and written (RFC 4180); [`ics`]: loans as calendar events;
//! - [`remote`]: the sync server's client.

pub mod backup;
pub mod calendar_files;
pub mod csv;
pub mod files;
pub mod ics;
pub mod import;
pub mod json_path;
pub mod remote;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod fuzz;
