//! Small typed facades over browser APIs the UI needs (document, service worker).

pub mod document;
pub mod service_worker;
