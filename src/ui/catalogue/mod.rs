//! The teacher's catalogue: search and filters, a model's page with its availability, adding to the basket.

mod add_to_basket;
mod availability_table;
mod filters;
mod model_card;
mod model_page;
mod page;

pub use add_to_basket::AddToBasket;
pub use availability_table::AvailabilityTable;
pub use filters::CatalogueFilters;
pub use model_card::{ModelCard, ModelCardText};
pub use model_page::ModelPage;
pub use page::CataloguePage;
