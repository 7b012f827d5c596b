//! The frame around every page: header, navigation, language switch, notices, footer, and the pages that belong to no feature.

mod about;
mod lang_switch;
mod main_nav;
mod not_found;
mod page_loading;
mod recovery_screen;
mod site_footer;
mod skip_link;
mod storage_notice;
mod update_banner;

pub use about::AboutPage;
pub use lang_switch::LangSwitch;
pub use main_nav::{MainNav, MenuButton, NavMenu};
pub use not_found::NotFoundPage;
pub use page_loading::PageLoading;
pub use recovery_screen::RecoveryScreen;
pub use site_footer::SiteFooter;
pub use skip_link::{SkipLink, MAIN_ID};
pub use storage_notice::StorageNotice;
pub use update_banner::UpdateBanner;
