//! Pieces several features share: the form toolkit (`Field` and its controls), the date
//! picker, icons, status badges, the page title, the coordinator's gate and navigation.

mod booking_history;
mod coordinator_gate;
mod coordinator_nav;
mod date_field;
mod field;
mod icon;
mod page_title;
mod period_fields;
mod quantity_input;
mod status_badge;
mod text_field;

pub use booking_history::BookingHistory;
pub use coordinator_gate::CoordinatorGate;
pub use coordinator_nav::CoordinatorNav;
pub use date_field::DateField;
pub use field::{
    Field, FieldControl, FieldId, FieldText, FileInput, FormErrors, NumberInput, Select, TextArea, TextInput,
};
pub use icon::{Icon, IconKind};
pub use page_title::PageTitle;
pub use period_fields::PeriodFields;
pub use quantity_input::QuantityInput;
pub use status_badge::StatusBadge;
pub use text_field::TextField;
