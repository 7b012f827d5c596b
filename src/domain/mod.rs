//! The lending rules, as pure Rust: no browser, no clock. Callers pass `today` where a rule
//! needs it, so every rule is testable natively and identical in the UI, storage and imports.

pub mod catalogue;

pub use catalogue::{Catalogue, CatalogueError, Category, Condition, LocalizedText, Model, Training, Unit};
