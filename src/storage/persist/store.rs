//! The save protocol: how the document is written to and read from a [`KeyValue`] so that no
//! failure loses what was saved before.
//!
//! Two slots, `materiotheque.state.a` and `.b`, hold the last two saved revisions. The slot
//! with the higher readable revision is the main copy; the other is the previous good one.
//! A save writes the next revision into the other slot (the staging copy), reads it back,
//! checks that it is byte-identical and carries the new revision (debug builds, hence every
//! native test, also decode it and compare the content), and only then counts it as saved:
//! since a write replaces a value whole or not at all, the newest verified revision is promoted
//! by being there, and the previous good copy stays untouched throughout.
//! Two slots rather than a main, a staging and a backup key keep the peak at two copies: at the
//! full scale a copy is about two million UTF-16 units, and browsers allow about five million.
//!
//! - Compare-and-set: a save names the revision this tab loaded (or last saved) and the tab that
//!   wrote it; if another tab saved since, it is refused with [`SaveError::Conflict`] and
//!   nothing is written. Each document carries its [`Lineage`], because this check is not
//!   enough across tabs: each reads local storage through its own copy, so two tabs can both
//!   pass it and write the same revision (see [`super::tabs`] for how the loser finds out).
//! - A refused or damaged write leaves every key as it was (a damaged one is put back).
//! - Unreadable content is never written over or removed until the user has been offered it:
//!   saves are refused until [`Store::discard_unreadable`].
//! - A document newer than this build is only read, never written.

use super::compact;
use super::document::{migrate, read_header, read_legacy, Header, LEGACY_KEYS};
use super::kv::{KeyValue, WriteError};
use super::model::{CorruptCopy, Document, Lineage, StateRef, StorageError, TabId, STORED_VERSION};
use chrono::NaiveDateTime;
use std::fmt;

/// The two slots of the document.
pub const SLOT_KEYS: [&str; 2] = ["materiotheque.state.a", "materiotheque.state.b"];

/// Where a loaded document came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Nothing was stored: first start.
    Empty,
    /// The main copy.
    Main,
    /// The main copy was unreadable; this is the previous good one. The unreadable text is kept
    /// (saves are refused) until [`Store::discard_unreadable`].
    Recovered {
        /// The copy that could not be read.
        lost: CorruptCopy,
    },
    /// Migrated from an older version (not yet saved in the current one).
    Migrated {
        /// The version read.
        from: u32,
    },
}

/// A document and where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The document (revision 0 when nothing was saved in the current version yet).
    pub document: Document,
    /// Where it came from.
    pub source: Source,
}

/// Why a save did not happen. In every case what was saved before is intact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// Another tab saved since this one loaded: reload, then save again.
    Conflict {
        /// The revision this tab had.
        expected: u64,
        /// The revision stored now.
        found: u64,
    },
    /// The stored document is newer than this build: read-only.
    Newer {
        /// Its version.
        found: u32,
        /// The newest this build knows.
        supported: u32,
    },
    /// Unreadable stored content that the user has not been offered yet (reload to get it).
    Unreadable {
        /// Its key.
        key: String,
    },
    /// The storage is full.
    Quota {
        /// The browser's message.
        detail: String,
    },
    /// The storage refused the write for another reason, or there is none.
    Write(WriteError),
    /// The write was accepted but reading it back did not give the document.
    NotVerified,
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Conflict { expected, found } => write!(f, "revision {found} stored, {expected} expected"),
            SaveError::Newer { found, supported } => {
                write!(f, "stored schema_version {found} is newer than {supported}")
            }
            SaveError::Unreadable { key } => write!(f, "{key} holds unreadable content"),
            SaveError::Quota { detail } => write!(f, "storage full: {detail}"),
            SaveError::Write(e) => e.fmt(f),
            SaveError::NotVerified => f.write_str("read-back mismatch"),
        }
    }
}

impl std::error::Error for SaveError {}

/// What a save wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Saved {
    /// The new revision.
    pub revision: u64,
    /// Size of the document in UTF-16 units (what quotas count).
    pub units: usize,
}

/// The storage adapter: loads, saves and recovers the document over a [`KeyValue`].
#[derive(Debug)]
pub struct Store<K> {
    kv: K,
    /// This tab, named in the lineage of what it saves.
    tab: TabId,
    /// The revision loaded or last saved by this tab.
    revision: u64,
    /// The lineage of that revision (its first entry is the tab that wrote it).
    lineage: Lineage,
    /// Keys holding unreadable content the user has not discarded.
    protected: Vec<String>,
}

/// A slot's text and its header, if readable.
struct SlotCopy {
    key: &'static str,
    text: String,
    header: Option<Header>,
}

fn copies(kv: &impl KeyValue) -> Vec<SlotCopy> {
    SLOT_KEYS
        .iter()
        .filter_map(|key| kv.get(key).map(|text| SlotCopy { key, header: read_header(&text).ok(), text }))
        .collect()
}

fn newer(copies: &[SlotCopy]) -> Option<u32> {
    copies.iter().filter_map(|c| c.header).map(|h| h.schema_version).filter(|v| *v > STORED_VERSION).max()
}

impl<K: KeyValue> Store<K> {
    /// An adapter over `kv` for the tab `tab`; [`Store::load`] comes first.
    pub fn new(kv: K, tab: TabId) -> Self {
        Store { kv, tab, revision: 0, lineage: Lineage::default(), protected: Vec::new() }
    }

    /// The revision this tab loaded or last saved.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The lineage of that revision.
    pub fn lineage(&self) -> &Lineage {
        &self.lineage
    }

    /// This tab.
    pub fn tab(&self) -> TabId {
        self.tab
    }

    /// The underlying storage.
    pub fn kv(&self) -> &K {
        &self.kv
    }

    /// The underlying storage, to change it (tests play other tabs and failures with it).
    pub fn kv_mut(&mut self) -> &mut K {
        &mut self.kv
    }

    /// Reads the stored document: the main copy, else the previous good one (and says so),
    /// else the first version's keys (migrated), else nothing. Also after a
    /// [`SaveError::Conflict`] or when another tab signals a change.
    pub fn load(&mut self) -> Result<Loaded, StorageError> {
        self.protected.clear();
        let mut copies = copies(&self.kv);
        if let Some(found) = newer(&copies) {
            return Err(StorageError::Newer { found, supported: STORED_VERSION });
        }
        if copies.is_empty() {
            return self.load_legacy();
        }
        // Newest readable header first; unreadable headers last.
        copies.sort_by_key(|c| std::cmp::Reverse(c.header.map(|h| h.revision)));
        let mut lost: Option<CorruptCopy> = None;
        let mut found: Option<Document> = None;
        for copy in &copies {
            if found.is_some() && copy.header.is_some() {
                // An older copy with a readable header: the previous good one, not needed.
                continue;
            }
            match migrate(copy.key, &copy.text) {
                Ok(doc) if found.is_none() => found = Some(doc),
                Ok(_) => {}
                Err(StorageError::Corrupt(c)) => {
                    self.protected.push(copy.key.to_owned());
                    lost.get_or_insert(c);
                }
                Err(e) => return Err(e),
            }
        }
        match (found, lost) {
            (Some(document), lost) => {
                self.revision = document.revision;
                self.lineage.clone_from(&document.lineage);
                let source = lost.map_or(Source::Main, |lost| Source::Recovered { lost });
                Ok(Loaded { document, source })
            }
            (None, Some(lost)) => Err(StorageError::Corrupt(lost)),
            (None, None) => Err(StorageError::Corrupt(CorruptCopy {
                key: SLOT_KEYS[0].to_owned(),
                raw: String::new(),
                detail: "no copy".to_owned(),
            })),
        }
    }

    fn load_legacy(&mut self) -> Result<Loaded, StorageError> {
        self.revision = 0;
        self.lineage = Lineage::default();
        match read_legacy(&self.kv) {
            None => Ok(Loaded { document: Document::default(), source: Source::Empty }),
            Some(Ok(document)) => Ok(Loaded { document, source: Source::Migrated { from: 1 } }),
            Some(Err(e)) => {
                if let StorageError::Corrupt(copy) = &e {
                    self.protected.push(copy.key.clone());
                }
                Err(e)
            }
        }
    }

    /// Removes the unreadable content found by the last load, once the user has been offered
    /// its raw text; saving is possible again.
    pub fn discard_unreadable(&mut self) {
        for key in std::mem::take(&mut self.protected) {
            self.kv.remove(&key);
        }
    }

    /// Saves `state` as the next revision (see the module documentation for the protocol).
    pub fn save(&mut self, state: StateRef<'_>, saved_at: NaiveDateTime) -> Result<Saved, SaveError> {
        if let Some(key) = self.protected.first() {
            return Err(SaveError::Unreadable { key: key.clone() });
        }
        let slots = copies(&self.kv);
        if let Some(found) = newer(&slots) {
            return Err(SaveError::Newer { found, supported: STORED_VERSION });
        }
        let current = slots.iter().filter(|c| c.header.is_some()).max_by_key(|c| c.header.map(|h| h.revision));
        let found = current.and_then(|c| c.header).map_or(0, |h| h.revision);
        let writer = current.and_then(|c| c.header).and_then(|h| h.writer);
        if found != self.revision || writer != self.lineage.writer() {
            return Err(SaveError::Conflict { expected: self.revision, found });
        }
        let target = match current {
            Some(c) if c.key == SLOT_KEYS[0] => SLOT_KEYS[1],
            _ => SLOT_KEYS[0],
        };
        let previous = slots.into_iter().find(|c| c.key == target);
        if previous.as_ref().is_some_and(|c| c.header.is_none()) {
            // Unreadable content that appeared since the load: keep it for the user.
            self.protected.push(target.to_owned());
            return Err(SaveError::Unreadable { key: target.to_owned() });
        }
        let revision = found + 1;
        let lineage = self.lineage.saved_by(self.tab, revision);
        let text = compact::encode_document(revision, &lineage, Some(saved_at), state);
        match self.kv.set(target, &text) {
            Ok(()) => {}
            Err(WriteError::Quota(detail)) => return Err(SaveError::Quota { detail }),
            Err(e) => return Err(SaveError::Write(e)),
        }
        let previous = previous.map(|c| c.text);
        if let Err(e) = self.verify(target, &text, revision, state, previous.as_deref()) {
            if e == SaveError::NotVerified {
                // Put back what the slot held; if even that fails, at least free the space.
                let restored = match &previous {
                    Some(old) => self.kv.set(target, old).is_ok(),
                    None => false,
                };
                if !restored {
                    self.kv.remove(target);
                }
            }
            return Err(e);
        }
        self.revision = revision;
        self.lineage = lineage;
        // The first version's keys are superseded once a verified document exists.
        for key in LEGACY_KEYS {
            if self.kv.get(key).is_some() {
                self.kv.remove(key);
            }
        }
        // Latin-1 only (see `json_lite`): one UTF-16 unit a character.
        Ok(Saved { revision, units: text.chars().count() })
    }

    /// Reads the slot back: the same bytes, decoding to the same revision and content.
    fn verify(
        &self,
        key: &str,
        text: &str,
        revision: u64,
        state: StateRef<'_>,
        previous: Option<&str>,
    ) -> Result<(), SaveError> {
        let back = self.kv.get(key);
        match back.as_deref() {
            Some(back) if back == text => {}
            // Lost (the old text is still there), damaged or gone.
            Some(back) if Some(back) == previous => return Err(SaveError::NotVerified),
            // Another tab's complete document: a race, not a damaged write.
            Some(back) => {
                return match compact::decode_document(back) {
                    Ok(doc) => Err(SaveError::Conflict { expected: self.revision, found: doc.revision }),
                    Err(_) => Err(SaveError::NotVerified),
                }
            }
            None => return Err(SaveError::NotVerified),
        }
        if written_as_meant(text, revision, self.tab, state, SAVE_CHECK) {
            Ok(())
        } else {
            Err(SaveError::NotVerified)
        }
    }
}

/// How much of a document read back after a save is checked (see [`written_as_meant`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SaveCheck {
    /// Decoded whole, compared with the state meant.
    Whole,
    /// The header only: the revision, the tab and the version written.
    Header,
}

/// The bytes read back are those written. That they decode to the state is the encoder's round
/// trip, proven by the property tests; decoding again at every save would double its cost
/// (40 ms at full scale), so release builds check the header only and debug builds (every
/// native test) the whole content.
const SAVE_CHECK: SaveCheck = if cfg!(debug_assertions) { SaveCheck::Whole } else { SaveCheck::Header };

/// Whether `text`, read back from a slot, is `tab`'s document of `revision` holding `state`, as
/// far as `check` looks.
fn written_as_meant(text: &str, revision: u64, tab: TabId, state: StateRef<'_>, check: SaveCheck) -> bool {
    match check {
        SaveCheck::Whole => matches!(compact::decode_document(text),
            Ok(doc) if doc.revision == revision && doc.lineage.writer() == Some(tab) && doc.state.as_ref() == state),
        SaveCheck::Header => matches!(read_header(text),
            Ok(h) if h.revision == revision && h.writer == Some(tab) && h.schema_version == STORED_VERSION),
    }
}

/// The release build's check has a test of its own, since native tests run the debug one.
#[cfg(test)]
mod save_check_tests {
    use super::*;
    use crate::storage::persist::model::StoredState;

    const TAB: TabId = TabId(7);

    fn written(revision: u64, tab: TabId) -> String {
        compact::encode_document(
            revision,
            &Lineage::default().saved_by(tab, revision),
            None,
            StoredState::default().as_ref(),
        )
    }

    #[test]
    fn the_header_check_accepts_the_revision_written_and_refuses_any_other() {
        let empty = StoredState::default();
        let text = written(7, TAB);
        assert!(written_as_meant(&text, 7, TAB, empty.as_ref(), SaveCheck::Header));
        assert!(!written_as_meant(&text, 8, TAB, empty.as_ref(), SaveCheck::Header), "another revision");
        let other_tab = written(7, TabId(8));
        assert!(!written_as_meant(&other_tab, 7, TAB, empty.as_ref(), SaveCheck::Header), "another tab's save");
        assert!(!written_as_meant("garbage{", 7, TAB, empty.as_ref(), SaveCheck::Header), "damaged");
        let older = text.replacen(&format!("\"schema_version\":{STORED_VERSION}"), "\"schema_version\":3", 1);
        assert_ne!(older, text, "the header names its version");
        assert!(!written_as_meant(&older, 7, TAB, empty.as_ref(), SaveCheck::Header), "another version");
    }

    #[test]
    fn the_whole_check_also_refuses_other_content_under_the_same_header() {
        let empty = StoredState::default();
        let text = written(7, TAB);
        assert!(written_as_meant(&text, 7, TAB, empty.as_ref(), SaveCheck::Whole));
        assert!(!written_as_meant(&written(7, TabId(8)), 7, TAB, empty.as_ref(), SaveCheck::Whole));
        let other = StoredState { plan: Some(Default::default()), ..StoredState::default() };
        assert!(!written_as_meant(&text, 7, TAB, other.as_ref(), SaveCheck::Whole));
        assert!(written_as_meant(&text, 7, TAB, other.as_ref(), SaveCheck::Header), "the header alone cannot tell");
    }
}
