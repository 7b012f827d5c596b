//! Small typed facades over browser APIs the UI needs (clock, document, files, service worker).

pub mod clock;
pub mod document;
pub mod files;
pub mod service_worker;
