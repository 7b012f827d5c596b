//! The catalogue as the coordinator keeps it: categories, models, units added from a label pattern.

mod add_units;
mod category_form;
mod feedback;
mod model_form;
mod page;
mod unit_row;
mod unit_table;

pub use add_units::CatalogueAddUnits;
pub use category_form::CatalogueCategoryForm;
pub use feedback::{CatalogueFeedback, CatalogueFeedbackLine};
pub use model_form::CatalogueModelForm;
pub use page::CatalogueAdminPage;
pub use unit_row::CatalogueUnitRow;
pub use unit_table::CatalogueUnitTable;
