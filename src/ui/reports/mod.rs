//! Reports: utilisation and reallocation (R7), the incident review (R8), charts and CSV.

mod chart;
mod download;
mod page;
mod table;

pub use chart::{Bar, ReportChart};
pub use download::ReportDownload;
pub use page::ReportsPage;
pub use table::{shown, ReportTable};
