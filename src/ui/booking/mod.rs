//! The booking flow: the basket, the rule check as you type, the request, my bookings and the printable agreement.

mod agreement;
mod basket_table;
mod card;
mod check;
mod my_bookings;
mod page;
mod profile_notice;

pub use agreement::AgreementPage;
pub use basket_table::BasketTable;
pub use card::{booking_event, BookingCard};
pub use check::{BookingCheckPanel, PlanCheck};
pub use my_bookings::MyBookingsPage;
pub use page::BookingPage;
pub use profile_notice::ProfileNotice;
