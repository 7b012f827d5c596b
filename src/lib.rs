//! Matériothèque: teachers book loaned school equipment for a project period; the loan
//! coordinator runs the pool. A client-side Leptos app; see `SPEC.md` for the product.

pub mod demo;
pub mod domain;
pub mod i18n;
pub mod platform;
pub mod storage;
#[cfg(test)]
mod test_dates;
pub mod ui;
