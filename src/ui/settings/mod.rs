//! Settings and files: language and mode, this browser's data, the files exchanged, imports, the sync server.

pub mod file_exchange;
mod import_panel;
mod page;
mod storage_panel;
mod sync_panel;

pub use file_exchange::FileExchange;
pub use import_panel::ImportPanel;
pub use page::SettingsPage;
pub use storage_panel::StoragePanel;
pub use sync_panel::SyncPanel;
