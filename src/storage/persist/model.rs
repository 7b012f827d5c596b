//! The stored document's types: what this browser keeps (profile, plan, pool), with its save
//! counter, and why a stored text cannot be used. Plain data, below both the encoding
//! ([`super::compact`]) and the versions and migrations ([`super::document`]), which use it.

use crate::domain::basket::BookingPlan;
use crate::domain::{PoolState, Teacher};
use chrono::NaiveDateTime;
use std::fmt;

/// The newest document version this build reads and writes.
pub const STORED_VERSION: u32 = 5;

/// One tab's identity while it is open: 64 random bits drawn when it opens the document, so two
/// tabs (of one browser) never share one. Written as 16 hexadecimal digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TabId(pub u64);

impl fmt::Display for TabId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl TabId {
    /// Reads the 16 hexadecimal digits of [`TabId`]'s `Display`.
    pub fn parse(text: &str) -> Option<TabId> {
        (text.len() == 16).then(|| u64::from_str_radix(text, 16).ok().map(TabId)).flatten()
    }
}

/// Which tabs' saves a document holds: for each of the last tabs that saved, the revision of its
/// latest save that this document builds on; the first entry wrote the document itself.
///
/// Why: local storage is shared by a browser's tabs, but each tab's process reads it through its
/// own copy, updated after the fact. Two tabs can both read revision 7 and both write revision 8
/// into the same slot, Web Lock or not (measured in Chromium: 39 of 600 locked
/// read-increment-writes by two tabs were lost). The lineage lets the tab whose save was written
/// over see it, and make its changes again on the newer document (see
/// [`super::tabs::TabSync::refresh`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lineage(pub Vec<(TabId, u64)>);

impl Lineage {
    /// How many tabs a lineage remembers. A tab hears of every other tab's save, so a save of
    /// its own that is still unknown after this many other tabs saved is long settled.
    pub const MAX_TABS: usize = 16;

    /// The tab that wrote the document (none before version 5).
    pub fn writer(&self) -> Option<TabId> {
        self.0.first().map(|(tab, _)| *tab)
    }

    /// Whether the document holds `tab`'s save of `revision`. A lineage that does not name the
    /// tab holds it when it is unknown (a document of version 4 or earlier) or full (the tab's
    /// saves are older than every one it remembers).
    pub fn holds(&self, tab: TabId, revision: u64) -> bool {
        match self.0.iter().find(|(t, _)| *t == tab) {
            Some((_, latest)) => *latest >= revision,
            None => self.0.is_empty() || self.0.len() >= Self::MAX_TABS,
        }
    }

    /// The lineage of `tab`'s save of `revision` written on top of this one.
    pub fn saved_by(&self, tab: TabId, revision: u64) -> Lineage {
        let others = self.0.iter().filter(|(t, _)| *t != tab).copied();
        Lineage(std::iter::once((tab, revision)).chain(others).take(Self::MAX_TABS).collect())
    }
}

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
    /// Which tabs' saves it holds (empty before version 5).
    pub lineage: Lineage,
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
