//! The one adapter over `window.localStorage`. Keys are namespaced; a browser without
//! storage (private mode, disabled by policy) degrades to "nothing remembered", never a crash.

use crate::domain::{PoolState, Teacher};
use crate::i18n::Lang;
use gloo_storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;

const KEY_PREFIX: &str = "materiotheque.";
const LANG_KEY: &str = "lang";
const PROFILE_KEY: &str = "profile";
const POOL_KEY: &str = "pool";
const PLAN_KEY: &str = "plan";

/// Why a value could not be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteError {
    /// The browser offers no local storage.
    Unavailable,
    /// The browser refused the write (quota, policy), with its message.
    Refused(String),
    /// The write seemed to succeed but reading it back gave something else.
    NotVerified,
}

pub use super::document::SavedPlan;

/// Typed access to what the app keeps in local storage.
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalStore;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

impl LocalStore {
    fn key(name: &str) -> String {
        format!("{KEY_PREFIX}{name}")
    }

    /// Whether the browser gives us a working local storage.
    pub fn available() -> bool {
        storage().is_some_and(|s| s.length().is_ok())
    }

    /// Reads a raw string value.
    pub fn read(name: &str) -> Option<String> {
        storage()?.get_item(&Self::key(name)).ok().flatten()
    }

    /// Reads and decodes a JSON value; absent or undecodable gives `None`.
    pub fn read_json<T: DeserializeOwned>(name: &str) -> Option<T> {
        if !Self::available() {
            return None;
        }
        LocalStorage::get(Self::key(name)).ok()
    }

    /// Writes a raw string value and reads it back to be sure it landed.
    pub fn write(name: &str, value: &str) -> Result<(), WriteError> {
        let key = Self::key(name);
        let storage = storage().ok_or(WriteError::Unavailable)?;
        storage
            .set_item(&key, value)
            .map_err(|e| WriteError::Refused(e.as_string().unwrap_or_else(|| format!("{e:?}"))))?;
        match storage.get_item(&key) {
            Ok(Some(back)) if back == value => Ok(()),
            _ => Err(WriteError::NotVerified),
        }
    }

    /// Removes a value.
    pub fn remove(name: &str) {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(&Self::key(name));
        }
    }

    /// The language the user chose, if any.
    pub fn language() -> Option<Lang> {
        Self::read(LANG_KEY).and_then(|code| Lang::from_code(&code))
    }

    /// Remembers the chosen language.
    pub fn save_language(lang: Lang) -> Result<(), WriteError> {
        Self::write(LANG_KEY, lang.code())
    }

    /// The teacher's profile saved in this browser, if any (an unreadable one counts as none).
    pub fn profile() -> Option<Teacher> {
        Self::read_json(PROFILE_KEY)
    }

    /// The pool state saved in this browser, if any and readable.
    pub fn pool() -> Option<PoolState> {
        Self::read_json(POOL_KEY)
    }

    /// Whether something is stored under the pool key, readable or not.
    pub fn has_pool() -> bool {
        Self::read(POOL_KEY).is_some()
    }

    /// Saves the whole pool state.
    pub fn save_pool(state: &PoolState) -> Result<(), WriteError> {
        let json = serde_json::to_string(state).map_err(|e| WriteError::Refused(e.to_string()))?;
        Self::write(POOL_KEY, &json)
    }

    /// The booking being prepared, if any was saved and is readable.
    pub fn plan() -> Option<SavedPlan> {
        Self::read_json(PLAN_KEY)
    }

    /// Saves the booking being prepared.
    pub fn save_plan(plan: &SavedPlan) -> Result<(), WriteError> {
        let json = serde_json::to_string(plan).map_err(|e| WriteError::Refused(e.to_string()))?;
        Self::write(PLAN_KEY, &json)
    }

    /// Saves the teacher's profile.
    pub fn save_profile(profile: &Teacher) -> Result<(), WriteError> {
        let json = serde_json::to_string(profile).map_err(|e| WriteError::Refused(e.to_string()))?;
        Self::write(PROFILE_KEY, &json)
    }
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Unavailable => f.write_str("localStorage unavailable"),
            WriteError::Refused(reason) => f.write_str(reason),
            WriteError::NotVerified => f.write_str("read-back mismatch"),
        }
    }
}
