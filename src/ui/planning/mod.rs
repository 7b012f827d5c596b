//! A model's bookings week by week against its units in service.

mod page;
mod timeline_table;

pub use page::TimelinePage;
pub use timeline_table::TimelineTable;
