//! The stored document's types: what this browser keeps (profile, plan, pool), with its save
//! counter, and why a stored text cannot be used. Plain data, below both the encoding
//! ([`super::compact`]) and the versions and migrations ([`super::document`]), which use it.

use crate::domain::basket::BookingPlan;
use crate::domain::{PoolState, Teacher};
use chrono::NaiveDateTime;
use std::fmt;

/// The newest document version this build reads and writes.
pub const STORED_VERSION: u32 = 4;

/// Everything the document holds. Each part is absent until first saved (a first start shows
/// the demo pool, which is not stored until it changes).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoredState {
    /// The teacher using this browser.
    pub profile: Option<Teacher>,
    /// The booking being prepared.
    pub plan: Option<BookingPlan>,
    /// The lending pool.
    pub pool: Option<PoolState>,
}

/// A borrowed [`StoredState`], so that saving never copies the pool.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StateRef<'a> {
    /// The teacher using this browser.
    pub profile: Option<&'a Teacher>,
    /// The booking being prepared.
    pub plan: Option<&'a BookingPlan>,
    /// The lending pool.
    pub pool: Option<&'a PoolState>,
}

impl StoredState {
    /// The state, borrowed.
    pub fn as_ref(&self) -> StateRef<'_> {
        StateRef { profile: self.profile.as_ref(), plan: self.plan.as_ref(), pool: self.pool.as_ref() }
    }
}

/// A stored state with its save counter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// How many times the document was saved (0: never, e.g. just migrated or empty).
    pub revision: u64,
    /// When it was last saved (the caller's clock), if ever.
    pub saved_at: Option<NaiveDateTime>,
    /// The content.
    pub state: StoredState,
}

/// Stored content that could not be read, kept whole so the user can download it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorruptCopy {
    /// Where it was found: a storage key, or `document` for a text given directly.
    pub key: String,
    /// The text as stored.
    pub raw: String,
    /// What is wrong, for a technical detail line (English; not for the main message).
    pub detail: String,
}

/// Why the stored state cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// Written by a newer version of the app: show it read-only, never write over it.
    Newer {
        /// The document's version.
        found: u32,
        /// The newest version this build knows.
        supported: u32,
    },
    /// Unreadable: offer the raw text for download before anything else.
    Corrupt(CorruptCopy),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Newer { found, supported } => {
                write!(f, "stored schema_version {found} is newer than {supported}")
            }
            StorageError::Corrupt(copy) => write!(f, "{} is unreadable: {}", copy.key, copy.detail),
        }
    }
}

impl std::error::Error for StorageError {}
