//! Adapters between the domain and the outside world: the data files and the browser's
//! local storage. Every write to local storage goes through [`local::LocalStore`].

pub mod files;
pub mod ics;
pub mod json_path;
pub mod local;
