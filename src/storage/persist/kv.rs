//! The key-value storage the save protocol runs over: `localStorage` in the browser, memory in
//! native tests and benchmarks.

use std::collections::{BTreeMap, VecDeque};
use std::fmt;

/// Why a value could not be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteError {
    /// The storage is full (see [`is_quota_error`]); the browser's message.
    Quota(String),
    /// There is no storage (private mode, disabled by policy).
    Unavailable,
    /// Any other refusal, with the browser's message.
    Refused(String),
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Quota(detail) => write!(f, "storage full: {detail}"),
            WriteError::Unavailable => f.write_str("storage unavailable"),
            WriteError::Refused(detail) => f.write_str(detail),
        }
    }
}

impl std::error::Error for WriteError {}

/// Whether a `DOMException` (its `name` and legacy `code`) means "storage full", across
/// browsers: `QuotaExceededError` (code 22) in most, `NS_ERROR_DOM_QUOTA_REACHED` (code 1014)
/// in older Firefox.
pub fn is_quota_error(name: &str, code: u32) -> bool {
    matches!(name, "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED") || matches!(code, 22 | 1014)
}

/// A string store: what the save protocol needs of `localStorage`, and nothing web-specific.
pub trait KeyValue {
    /// The value under `key`, if any.
    fn get(&self, key: &str) -> Option<String>;
    /// Stores `value` under `key`; on error the previous value is unchanged.
    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError>;
    /// Removes `key` (nothing if absent).
    fn remove(&mut self, key: &str);
}

/// A failure [`MemoryStore`] plays on a coming write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Refused as if the quota were reached.
    Quota,
    /// Reported as written but stored damaged (half the text, then a stray byte).
    Garble,
    /// Reported as written but not stored at all.
    Lose,
}

/// An in-memory [`KeyValue`] with a quota counted like browsers count it (UTF-16 units of keys
/// and values) and failures on demand.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    items: BTreeMap<String, String>,
    quota: Option<usize>,
    faults: VecDeque<Fault>,
}

fn units(text: &str) -> usize {
    text.encode_utf16().count()
}

impl MemoryStore {
    /// An empty store without quota.
    pub fn new() -> Self {
        MemoryStore::default()
    }

    /// An empty store holding at most `quota` UTF-16 units.
    pub fn with_quota(quota: usize) -> Self {
        MemoryStore { quota: Some(quota), ..MemoryStore::default() }
    }

    /// A store holding these items (a snapshot or a fixture).
    pub fn from_items(items: BTreeMap<String, String>) -> Self {
        MemoryStore { items, ..MemoryStore::default() }
    }

    /// Changes the quota (`None`: unlimited).
    pub fn set_quota(&mut self, quota: Option<usize>) {
        self.quota = quota;
    }

    /// Plays `fault` on the next write that has no fault planned yet.
    pub fn fail_next(&mut self, fault: Fault) {
        self.faults.push_back(fault);
    }

    /// Everything stored, to compare before and after.
    pub fn items(&self) -> &BTreeMap<String, String> {
        &self.items
    }

    /// The UTF-16 units used, keys included.
    pub fn usage(&self) -> usize {
        self.items.iter().map(|(k, v)| units(k) + units(v)).sum()
    }
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.items.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError> {
        let fault = self.faults.pop_front();
        let over = self.quota.is_some_and(|quota| {
            let old = self.items.get(key).map_or(0, |v| units(key) + units(v));
            self.usage() - old + units(key) + units(value) > quota
        });
        if fault == Some(Fault::Quota) || over {
            return Err(WriteError::Quota("QuotaExceededError".into()));
        }
        match fault {
            Some(Fault::Lose) => {}
            Some(Fault::Garble) => {
                let mut cut = value.len() / 2;
                while !value.is_char_boundary(cut) {
                    cut -= 1;
                }
                self.items.insert(key.to_owned(), format!("{}\u{1}", &value[..cut]));
            }
            _ => {
                self.items.insert(key.to_owned(), value.to_owned());
            }
        }
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        self.items.remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_browser_spelling_of_a_full_storage_is_recognised() {
        assert!(is_quota_error("QuotaExceededError", 0));
        assert!(is_quota_error("NS_ERROR_DOM_QUOTA_REACHED", 0));
        assert!(is_quota_error("Error", 22));
        assert!(is_quota_error("Error", 1014));
        assert!(!is_quota_error("SecurityError", 18));
    }

    #[test]
    fn the_quota_counts_utf16_units_and_a_refused_write_changes_nothing() {
        let mut store = MemoryStore::with_quota(10);
        assert_eq!(store.set("k", "1234"), Ok(()));
        assert_eq!(store.usage(), 5);
        assert!(matches!(store.set("k", "€€€€€€€€€€"), Err(WriteError::Quota(_))));
        assert_eq!(store.get("k").as_deref(), Some("1234"));
        // Replacing a value frees its old size first.
        assert_eq!(store.set("k", "123456789"), Ok(()));
    }
}

/// One [`MemoryStore`] seen by several tabs at once (tests and benchmarks play two tabs on it).
#[derive(Clone, Debug, Default)]
pub struct SharedStore(pub std::rc::Rc<std::cell::RefCell<MemoryStore>>);

impl KeyValue for SharedStore {
    fn get(&self, key: &str) -> Option<String> {
        self.0.borrow().get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError> {
        self.0.borrow_mut().set(key, value)
    }
    fn remove(&mut self, key: &str) {
        self.0.borrow_mut().remove(key)
    }
}
