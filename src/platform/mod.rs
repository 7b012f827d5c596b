//! Small typed facades over browser APIs the UI needs (clock, document, files, service worker, other tabs and the page's life).

pub mod clock;
pub mod document;
pub mod files;
pub mod network;
pub mod service_worker;
pub mod tabs;
