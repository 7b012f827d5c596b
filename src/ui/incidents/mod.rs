//! Incidents: declared, documented, settled, with their deadlines and amounts.

mod declare;
mod document;
mod form;
mod page;
mod rates;
mod row;

pub use declare::IncidentAdminDeclare;
pub use document::IncidentAdminDocument;
pub use form::IncidentForm;
pub use page::IncidentsPage;
pub use rates::IncidentAdminRates;
pub use row::{day_and_time, incident_name, IncidentAdminRow};
