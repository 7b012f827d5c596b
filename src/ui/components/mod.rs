//! Reusable pieces of the layout, one component per file.

mod catalogue_filters;
mod date_field;
mod icon;
mod lang_switch;
mod main_nav;
mod model_card;
mod page_title;
mod site_footer;
mod skip_link;
mod storage_notice;
mod update_banner;

pub use catalogue_filters::CatalogueFilters;
pub use date_field::DateField;
pub use icon::{Icon, IconKind};
pub use lang_switch::LangSwitch;
pub use main_nav::MainNav;
pub use model_card::ModelCard;
pub use page_title::PageTitle;
pub use site_footer::SiteFooter;
pub use skip_link::SkipLink;
pub use storage_notice::StorageNotice;
pub use update_banner::UpdateBanner;
