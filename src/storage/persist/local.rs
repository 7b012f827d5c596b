//! The one adapter over `window.localStorage`. The document goes through [`BrowserKv`] (the
//! [`KeyValue`] the save protocol runs over); the language and the date of the last backup
//! export are small keys of their own. A browser without storage (private mode, disabled by
//! policy) degrades to "nothing remembered", never a crash.

use super::kv::{is_quota_error, KeyValue, WriteError};
use chrono::NaiveDateTime;
use wasm_bindgen::JsValue;

const KEY_PREFIX: &str = "materiotheque.";
const LANG_KEY: &str = "lang";
const EXPORTED_KEY: &str = "exported_at";
const FIRST_SAVED_KEY: &str = "first_saved_at";
const UNDO_KEY: &str = "before_import";
const ROLE_KEY: &str = "role";
const CATALOGUE_SEEN_KEY: &str = "catalogue_seen";
/// The sync server's address, the account (never its password), the versions seen and the
/// outbox, as one JSON document (`ui::sync_engine`).
const SYNC_KEY: &str = "sync";
/// The sync server's address, read at start (plain text: the first screen reads it without a
/// JSON parser).
const SYNC_SERVER_KEY: &str = "sync_server";
/// The account last signed in to the sync server (never its password).
const SYNC_ACCOUNT_KEY: &str = "sync_account";

/// What browsers allow an origin in local storage, in UTF-16 units: 5 MiB of them in Chromium
/// and Firefox. Safari allows about half for text outside Latin-1, which the compact document
/// never holds (see `json_lite`).
pub const QUOTA_UNITS: usize = 5 * 1024 * 1024;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn key(name: &str) -> String {
    format!("{KEY_PREFIX}{name}")
}

/// Classifies a failed `setItem`: a full storage by the exception's name or legacy code.
fn write_error(error: &JsValue) -> WriteError {
    let field = |name: &str| js_sys::Reflect::get(error, &JsValue::from_str(name)).ok();
    let name = field("name").and_then(|v| v.as_string()).unwrap_or_default();
    let code = field("code").and_then(|v| v.as_f64()).unwrap_or(0.0);
    let message = field("message").and_then(|v| v.as_string()).unwrap_or_else(|| name.clone());
    // Legacy DOMException codes are small integers.
    if is_quota_error(&name, code as u32) {
        WriteError::Quota(message)
    } else {
        WriteError::Refused(message)
    }
}

/// `window.localStorage` as a [`KeyValue`].
#[derive(Clone, Copy, Debug, Default)]
pub struct BrowserKv;

impl KeyValue for BrowserKv {
    fn get(&self, key: &str) -> Option<String> {
        storage()?.get_item(key).ok().flatten()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError> {
        storage().ok_or(WriteError::Unavailable)?.set_item(key, value).map_err(|e| write_error(&e))
    }

    fn remove(&mut self, key: &str) {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(key);
        }
    }
}

/// Typed access to the small keys, and facts about the storage as a whole.
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalStore;

impl LocalStore {
    /// Whether the browser gives us a working local storage.
    pub fn available() -> bool {
        storage().is_some_and(|s| s.length().is_ok())
    }

    /// Whether a document is stored (any version), readable or not: then the app reads it
    /// before showing anything.
    pub fn holds_document() -> bool {
        // The keys only: reading a slot copies its whole text (over a million units at the
        // scale of a metropolitan pool) into the app, only to see that it is there.
        let Some(storage) = storage() else { return false };
        let count = storage.length().unwrap_or(0);
        (0..count).filter_map(|i| storage.key(i).ok().flatten()).any(|k| {
            crate::storage::persist::store::SLOT_KEYS.contains(&k.as_str())
                || crate::storage::persist::document::LEGACY_KEYS.contains(&k.as_str())
        })
    }

    /// How much of the storage this origin uses, in UTF-16 units (keys and values, as quotas
    /// count them).
    pub fn used_units() -> usize {
        let Some(storage) = storage() else { return 0 };
        let count = storage.length().unwrap_or(0);
        (0..count)
            .filter_map(|i| storage.key(i).ok().flatten())
            .map(|k| {
                let value = storage.get_item(&k).ok().flatten().unwrap_or_default();
                k.encode_utf16().count() + value.encode_utf16().count()
            })
            .sum()
    }

    fn write(name: &str, value: &str) -> Result<(), WriteError> {
        BrowserKv.set(&key(name), value)
    }

    /// The code of the language the user chose (`fr`, `en`), if any.
    pub fn language_code() -> Option<String> {
        BrowserKv.get(&key(LANG_KEY))
    }

    /// Remembers the code of the chosen language.
    pub fn save_language_code(code: &str) -> Result<(), WriteError> {
        Self::write(LANG_KEY, code)
    }

    /// When the user last exported a backup from this browser, if ever.
    pub fn exported_at() -> Option<NaiveDateTime> {
        let text = BrowserKv.get(&key(EXPORTED_KEY))?;
        crate::domain::iso::parse_datetime(&text)
    }

    /// When this browser first saved the document, if ever (the backup reminder counts from
    /// there until a first export).
    pub fn first_saved_at() -> Option<NaiveDateTime> {
        crate::domain::iso::parse_datetime(&BrowserKv.get(&key(FIRST_SAVED_KEY))?)
    }

    /// Remembers the first save.
    pub fn save_first_saved_at(at: NaiveDateTime) -> Result<(), WriteError> {
        Self::write(FIRST_SAVED_KEY, &crate::domain::iso::format_datetime(at))
    }

    /// Whether this browser is used by the loan coordinator (teacher mode otherwise, the
    /// default).
    pub fn coordinator() -> bool {
        BrowserKv.get(&key(ROLE_KEY)).as_deref() == Some("coordinator")
    }

    /// Remembers the mode.
    pub fn save_coordinator(coordinator: bool) -> Result<(), WriteError> {
        Self::write(ROLE_KEY, if coordinator { "coordinator" } else { "teacher" })
    }

    /// When the last catalogue this browser imported was exported, if any.
    pub fn catalogue_seen() -> Option<NaiveDateTime> {
        crate::domain::iso::parse_datetime(&BrowserKv.get(&key(CATALOGUE_SEEN_KEY))?)
    }

    /// Remembers the published catalogue taken in.
    pub fn save_catalogue_seen(at: NaiveDateTime) -> Result<(), WriteError> {
        Self::write(CATALOGUE_SEEN_KEY, &crate::domain::iso::format_datetime(at))
    }

    /// The state from before the last import, if it can still be undone.
    pub fn before_import() -> Option<String> {
        BrowserKv.get(&key(UNDO_KEY))
    }

    /// Keeps the state from before an import (a stored document), for undo.
    pub fn save_before_import(document: &str) -> Result<(), WriteError> {
        Self::write(UNDO_KEY, document)
    }

    /// Forgets the state from before the last import.
    pub fn forget_before_import() {
        BrowserKv.remove(&key(UNDO_KEY));
    }

    /// Remembers that a backup was exported now.
    pub fn save_exported_at(at: NaiveDateTime) -> Result<(), WriteError> {
        Self::write(EXPORTED_KEY, &crate::domain::iso::format_datetime(at))
    }

    /// What the sync client keeps between visits (server, account, versions seen, outbox).
    pub fn sync_state() -> Option<String> {
        BrowserKv.get(&key(SYNC_KEY))
    }

    /// Keeps what the sync client needs between visits.
    pub fn save_sync_state(text: &str) -> Result<(), WriteError> {
        Self::write(SYNC_KEY, text)
    }

    /// The sync server's address, if one is set.
    pub fn sync_server() -> Option<String> {
        BrowserKv.get(&key(SYNC_SERVER_KEY)).filter(|s| !s.is_empty())
    }

    /// The account last signed in to the sync server.
    pub fn sync_account() -> Option<String> {
        BrowserKv.get(&key(SYNC_ACCOUNT_KEY)).filter(|s| !s.is_empty())
    }

    /// Remembers the sync server and account (`None` forgets the server: files only again).
    pub fn save_sync_server(server: Option<&str>, account: Option<&str>) -> Result<(), WriteError> {
        match server {
            Some(server) => Self::write(SYNC_SERVER_KEY, server)?,
            None => BrowserKv.remove(&key(SYNC_SERVER_KEY)),
        }
        match account {
            Some(account) => Self::write(SYNC_ACCOUNT_KEY, account),
            None => {
                BrowserKv.remove(&key(SYNC_ACCOUNT_KEY));
                Ok(())
            }
        }
    }
}
