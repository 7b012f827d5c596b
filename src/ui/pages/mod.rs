//! One component per page of the router.

mod about;
mod catalogue;
mod model;
mod not_found;
mod settings;

pub use about::AboutPage;
pub use catalogue::CataloguePage;
pub use model::ModelPage;
pub use not_found::NotFoundPage;
pub use settings::SettingsPage;
