//! Labels: the printable sheet with QR codes, and the unit page a label's code opens.

mod label_card;
pub mod qr;
mod sheet;
mod unit_page;

pub use label_card::LabelCard;
pub use sheet::LabelSheetPage;
pub use unit_page::UnitPage;
