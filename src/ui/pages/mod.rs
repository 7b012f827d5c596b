//! One component per page of the router.

mod about;
mod agreement;
mod booking;
mod catalogue;
mod model;
mod my_bookings;
mod not_found;
mod profile;
mod settings;

pub use about::AboutPage;
pub use agreement::AgreementPage;
pub use booking::BookingPage;
pub use catalogue::CataloguePage;
pub use model::ModelPage;
pub use my_bookings::MyBookingsPage;
pub use not_found::NotFoundPage;
pub use profile::ProfilePage;
pub use settings::SettingsPage;
